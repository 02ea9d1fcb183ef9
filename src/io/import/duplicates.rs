//! Records read more than once: the same key (period, reporter, partner, flow and commodity;
//! the breakdowns by customs procedure, transport mode and second partner are set aside before
//! this, so they are part of the key) twice in the file. With the same value they are one
//! record read twice (files appended with overlapping periods) and count once; with different
//! values they are a conflict: the last in the file is used (a later download is the later
//! revision), the others are listed, and the period is marked incomplete.
//!
//! Runs on every import, so it is made cheap for the usual file without repeats: one pass sets
//! a bit per key hash (2 bytes a row); only keys whose bit was already set are compared
//! exactly.

use super::accounts::Accounts;
use super::{ConflictingRows, DuplicateRow, MAX_LISTED_SKIPS};
use crate::model::completeness::{IncompleteRows, charge};
use crate::model::dataset::{Columns, Flow, Period, month_number};

/// What [`resolve`] removed and why.
#[derive(Default)]
pub(super) struct Resolved {
    pub duplicate_rows: u64,
    pub duplicates: Vec<DuplicateRow>,
    pub conflicting_rows: u64,
    pub conflicts: Vec<ConflictingRows>,
}

type Key = (Period, u32, u32, Flow, u32);

#[inline]
fn key(c: &Columns<'_>, by_code: &[u32], i: usize) -> Key {
    (c.period[i], c.reporter[i], c.partner[i], c.flow[i], by_code[c.commodity[i] as usize])
}

#[inline]
fn hash((period, reporter, partner, flow, commodity): Key) -> u64 {
    let p = match period {
        Period::Month(m) => month_number(m).cast_unsigned(),
        Period::Year(y) => (1 << 40) + u64::from(y.cast_unsigned()),
    };
    let mut h = p;
    for x in [u64::from(reporter), u64::from(partner), flow as u64, u64::from(commodity)] {
        h = (h.rotate_left(23) ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// Finds repeated keys in the accounts' dataset, removes all but one record of each (and
/// their lines), and charges conflicts to their periods.
#[allow(clippy::too_many_lines, reason = "to be split: one pass over the rows with its bookkeeping")]
pub(super) fn resolve(accounts: &mut Accounts) -> Resolved {
    let d = &accounts.dataset;
    let cols = d.columns();
    let n = d.len();
    // A commodity is its code: the same code with another description is the same commodity.
    let mut codes: hashbrown::HashMap<&str, u32> = hashbrown::HashMap::new();
    let by_code: Vec<u32> = d
        .commodities()
        .iter()
        .enumerate()
        .map(|(i, c)| *codes.entry(c.code.as_str()).or_insert(u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let mut out = Resolved::default();
    if n < 2 {
        return out;
    }
    // A bit per hash, about 16 bits a row: a key seen before has its bit set; so does, now
    // and then, another key with the same bits (compared exactly below).
    let bits_log = (n.saturating_mul(16)).next_power_of_two().trailing_zeros().clamp(10, 40);
    let mut bits = vec![0u64; (1usize << bits_log) / 64];
    let mut again: Vec<u64> = Vec::new();
    for i in 0..n {
        let h = hash(key(&cols, &by_code, i));
        #[allow(clippy::cast_possible_truncation, reason = "at most `bits_log` (40) bits")]
        let b = (h >> (64 - bits_log)) as usize;
        let (word, bit) = (b / 64, 1u64 << (b % 64));
        if bits[word] & bit == 0 {
            bits[word] |= bit;
        } else {
            again.push(h);
        }
    }
    drop(bits);
    if again.is_empty() {
        return out;
    }
    again.sort_unstable();
    again.dedup();
    // The hashes seen again, as bits of a small table (it stays in the cache): most rows are
    // passed over on one bit.
    let small_log = (again.len().saturating_mul(64)).next_power_of_two().trailing_zeros().clamp(10, 30);
    let mut small = vec![0u64; (1usize << small_log) / 64];
    #[allow(clippy::cast_possible_truncation, reason = "at most `small_log` (30) bits")]
    let small_bit = |h: u64| (h & ((1u64 << small_log) - 1)) as usize;
    for &h in &again {
        let b = small_bit(h);
        small[b / 64] |= 1 << (b % 64);
    }
    // Rows whose hash is one of those, counted per hash: a hash met once was only another
    // key's bit.
    let mut seen = vec![0u32; again.len()];
    let mut candidates: Vec<(Key, usize, usize)> = Vec::new();
    for i in 0..n {
        let k = key(&cols, &by_code, i);
        let h = hash(k);
        let b = small_bit(h);
        if small[b / 64] & (1 << (b % 64)) != 0
            && let Ok(at) = again.binary_search(&h)
        {
            seen[at] = seen[at].saturating_add(1);
            candidates.push((k, i, at));
        }
    }
    candidates.retain(|c| seen[c.2] > 1);
    candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    drop(codes);
    let lines = &accounts.lines;
    let mut removed: Vec<usize> = Vec::new();
    for group in candidates.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        let rows: Vec<usize> = group.iter().map(|c| c.1).collect();
        let values: Vec<f64> = rows.iter().map(|&i| cols.value_usd[i]).collect();
        let line = |i: usize| lines.get(i).copied().unwrap_or(0);
        if values.iter().all(|v| *v == values[0]) {
            for &i in &rows[1..] {
                out.duplicate_rows += 1;
                if out.duplicates.len() < MAX_LISTED_SKIPS {
                    out.duplicates.push(DuplicateRow { line: line(i), same_as_line: line(rows[0]) });
                }
            }
            removed.extend_from_slice(&rows[1..]);
        } else {
            let last = rows[rows.len() - 1];
            let r = d.record(last);
            out.conflicting_rows += rows.len() as u64 - 1;
            if out.conflicts.len() < MAX_LISTED_SKIPS {
                out.conflicts.push(ConflictingRows {
                    period: r.period.to_string(),
                    what: format!(
                        "{} → {}, {}, {}",
                        r.reporter.label(),
                        r.partner.label(),
                        r.flow,
                        r.commodity.code
                    ),
                    lines: rows.iter().map(|&i| line(i)).collect(),
                    values,
                    used_line: line(last),
                });
            }
            charge(
                &mut accounts.incomplete,
                IncompleteRows {
                    period: r.period,
                    reporter: Some(r.reporter),
                    partner: Some(r.partner),
                    flow: Some(r.flow),
                    commodity: Some(r.commodity.code),
                    unreadable: 0,
                    conflicting: rows.len() as u64 - 1,
                },
            );
            removed.extend_from_slice(&rows[..rows.len() - 1]);
        }
    }
    // Conflicts and duplicates are listed in file order.
    out.duplicates.sort_by_key(|d| d.line);
    out.conflicts.sort_by_key(|c| c.lines[0]);
    if removed.is_empty() {
        return out;
    }
    removed.sort_unstable();
    accounts.dataset.remove_rows(&removed);
    let mut next = removed.iter().copied().peekable();
    let mut index = 0;
    accounts.lines.retain(|_| {
        let drop = next.peek() == Some(&index);
        if drop {
            next.next();
        }
        index += 1;
        !drop
    });
    out
}
