//! Records read more than once: the same key (period, reporter, partner, flow and commodity;
//! the breakdowns by customs procedure, transport mode and second partner are set aside before
//! this, so they are part of the key) twice in the file. With the same value they are one
//! record read twice (files appended with overlapping periods) and count once; with different
//! values they are a conflict: the last in the file is used (a later download is the later
//! revision), the others are listed, and the period is marked incomplete.
//!
//! Runs on every import, so it is made cheap for the usual file without repeats. A row's key
//! is hashed from its interned ids ([`key_hash`]: the period, reporter and partner ids, the
//! flow, and the id of the first commodity with its code), so nothing is kept per row while
//! reading. One pass over the rows sets a bit per hash (2 bytes a row); a second pass picks
//! the rows whose hash was met again, and only those rows' keys are compared exactly.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use super::accounts::Accounts;
use super::row_lines::RowLines;
use super::{ConflictingRows, DuplicateRow, MAX_LISTED_SKIPS};
use crate::model::completeness::{IncompleteRows, charge};
use crate::model::dataset::{Columns, Dataset, Flow, Period};

/// What [`resolve`] removed and why.
#[derive(Default)]
pub(super) struct Resolved {
    pub duplicate_rows: u64,
    pub duplicates: Vec<DuplicateRow>,
    pub conflicting_rows: u64,
    pub conflicts: Vec<ConflictingRows>,
}

/// A record's key with its dimensions as indexes into the dataset (the commodity as the first
/// commodity with its code).
type Key = (Period, u32, u32, Flow, u32);

/// A fixed seed: the same file finds its repeats in the same order on every run.
const SEED: u64 = 0x7261_6465_6461_7368;

/// The hash of row `i`'s key from its ids: equal keys (the same period, reporter and partner
/// as the dataset interns them, flow, and commodity code) hash the same. The commodity counts
/// by its code alone (`by_code`: the first commodity with each one's code): the same code
/// with another description is the same commodity.
#[inline]
fn key_hash(c: &Columns<'_>, by_code: &[u32], i: usize) -> u32 {
    let key = (c.period.ids()[i], c.reporter[i], c.partner[i], c.flow[i], by_code[c.commodity[i] as usize]);
    let h = FixedState::with_seed(SEED).hash_one(key);
    // The high half: foldhash mixes its last step into the high bits best.
    #[allow(clippy::cast_possible_truncation, reason = "the high 32 bits, on purpose")]
    let high = (h >> 32) as u32;
    high
}

/// For each commodity, the first commodity with its code.
fn first_by_code(d: &Dataset) -> Vec<u32> {
    let mut codes: hashbrown::HashMap<&str, u32> = hashbrown::HashMap::new();
    d.commodities()
        .iter()
        .enumerate()
        .map(|(i, c)| *codes.entry(c.code.as_str()).or_insert(u32::try_from(i).unwrap_or(u32::MAX)))
        .collect()
}

#[inline]
fn key(c: &Columns<'_>, by_code: &[u32], i: usize) -> Key {
    (c.period[i], c.reporter[i], c.partner[i], c.flow[i], by_code[c.commodity[i] as usize])
}

/// Finds repeated keys in the accounts' dataset, removes all but one record of each (and
/// their lines), and charges conflicts to their periods.
pub(super) fn resolve(accounts: &mut Accounts) -> Resolved {
    let by_code = first_by_code(&accounts.dataset);
    let cols = accounts.dataset.columns();
    let rows = rows_met_again(cols.value_usd.len(), |i| key_hash(&cols, &by_code, i));
    if rows.is_empty() {
        return Resolved::default();
    }
    let keyed = keyed_in_order(&accounts.dataset, &by_code, &rows);
    let mut settle = Settle {
        dataset: &accounts.dataset,
        lines: &accounts.lines,
        incomplete: &mut accounts.incomplete,
        out: Resolved::default(),
        removed: Vec::new(),
    };
    for group in keyed.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        let rows: Vec<usize> = group.iter().map(|k| k.1).collect();
        settle.group(&rows);
    }
    let Settle { mut out, removed, .. } = settle;
    // Conflicts and duplicates are listed in file order.
    out.duplicates.sort_by_key(|d| d.line);
    out.conflicts.sort_by_key(|c| c.lines[0]);
    remove_rows(accounts, removed);
    out
}

/// The rows whose key hash is another row's too, in file order: every row of a repeated key,
/// and now and then rows of different keys that share a hash (told apart exactly later).
fn rows_met_again(n: usize, hash: impl Fn(usize) -> u32 + Sync) -> Vec<usize> {
    let again = hashes_met_again(n, &hash);
    if again.is_empty() {
        return Vec::new();
    }
    rows_with((0..n).map(&hash), &again)
}

/// The hashes met more than once, sorted; now and then also a hash met once whose bit another
/// hash had set.
///
/// A large file's table is megabytes and each row's bit a cache miss, which is most of the
/// time this takes: from a million rows the table is cut into one part per core (by the
/// bits' high bits), each probed by its own thread. Every thread computes every row's hash (in
/// row order, cheap) and looks only at those in its part; together the parts hold the same
/// bits as one table, so the result is the same.
fn hashes_met_again(n: usize, hash: &(impl Fn(usize) -> u32 + Sync)) -> Vec<u32> {
    if n < 2 {
        return Vec::new();
    }
    // A bit per hash, about 16 bits a row: a hash seen before has its bit set; so does, now
    // and then, another hash with the same high bits.
    let bits_log = n.saturating_mul(16).next_power_of_two().trailing_zeros().clamp(10, 32);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    met_again_in_parts(n, hash, bits_log, if n < 1 << 20 { 0 } else { cores.clamp(1, 4).ilog2() })
}

/// [`hashes_met_again`] with a table of `1 << bits_log` bits in `1 << parts_log` parts.
fn met_again_in_parts(
    n: usize,
    hash: &(impl Fn(usize) -> u32 + Sync),
    bits_log: u32,
    parts_log: u32,
) -> Vec<u32> {
    let part_log = bits_log - parts_log;
    // The hashes met again whose bit lies in part `p`.
    let part = |p: usize| {
        let mut bits = vec![0u64; (1usize << part_log) / 64];
        let mut again: Vec<u32> = Vec::new();
        for h in (0..n).map(hash) {
            let b = (u64::from(h) >> (32 - bits_log)) as usize;
            if b >> part_log != p {
                continue;
            }
            let b = b & ((1 << part_log) - 1);
            let (word, bit) = (b / 64, 1u64 << (b % 64));
            if bits[word] & bit == 0 {
                bits[word] |= bit;
            } else {
                again.push(h);
            }
        }
        again
    };
    let mut again: Vec<u32> = std::thread::scope(|scope| {
        let threads: Vec<_> = (1..1usize << parts_log)
            .map(|p| {
                (
                    p,
                    std::thread::Builder::new()
                        .name("duplicates".into())
                        .spawn_scoped(scope, move || part(p)),
                )
            })
            .collect();
        let mut again = part(0);
        for (p, thread) in threads {
            // A thread that could not start (or failed) is done here.
            again.extend(thread.ok().and_then(|t| t.join().ok()).unwrap_or_else(|| part(p)));
        }
        again
    });
    again.sort_unstable();
    again.dedup();
    again
}

/// The rows whose hash is one of `again` (sorted) and is met on more than one row.
fn rows_with(hashes: impl Iterator<Item = u32>, again: &[u32]) -> Vec<usize> {
    // The hashes of `again` as bits of a small table (it stays in the cache): most rows are
    // passed over on one bit.
    let small_log = again.len().saturating_mul(64).next_power_of_two().trailing_zeros().clamp(10, 30);
    let mask = (1u32 << small_log) - 1;
    let mut small = vec![0u64; (1usize << small_log) / 64];
    for &h in again {
        let b = (h & mask) as usize;
        small[b / 64] |= 1 << (b % 64);
    }
    let mut seen = vec![0u32; again.len()];
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (i, h) in hashes.enumerate() {
        let b = (h & mask) as usize;
        if small[b / 64] & (1 << (b % 64)) != 0
            && let Ok(at) = again.binary_search(&h)
        {
            seen[at] = seen[at].saturating_add(1);
            found.push((i, at));
        }
    }
    // A hash met once was only another hash's bit.
    found.into_iter().filter(|&(_, at)| seen[at] > 1).map(|(i, _)| i).collect()
}

/// The rows with their exact keys, sorted by key and then by line: a repeated key's rows are
/// together, in file order.
fn keyed_in_order(d: &Dataset, by_code: &[u32], rows: &[usize]) -> Vec<(Key, usize)> {
    let cols = d.columns();
    let mut keyed: Vec<(Key, usize)> = rows.iter().map(|&i| (key(&cols, by_code, i), i)).collect();
    keyed.sort_unstable();
    keyed
}

/// Deciding each repeated key: what is kept, removed, listed and charged.
struct Settle<'a> {
    dataset: &'a Dataset,
    lines: &'a RowLines,
    incomplete: &'a mut Vec<IncompleteRows>,
    out: Resolved,
    /// Rows to remove, in no order.
    removed: Vec<usize>,
}

impl Settle<'_> {
    fn line(&self, i: usize) -> u64 {
        self.lines.get(i).unwrap_or(0)
    }

    /// The rows of one key, in file order (two or more).
    fn group(&mut self, rows: &[usize]) {
        let values: Vec<f64> = rows.iter().map(|&i| self.dataset.columns().value_usd[i]).collect();
        if values.iter().all(|v| *v == values[0]) {
            self.duplicates(rows);
        } else {
            self.conflict(rows, values);
        }
    }

    /// The same key and value: the first row is kept, the others were read twice.
    fn duplicates(&mut self, rows: &[usize]) {
        let first = self.line(rows[0]);
        for &i in &rows[1..] {
            self.out.duplicate_rows += 1;
            if self.out.duplicates.len() < MAX_LISTED_SKIPS {
                let line = self.line(i);
                self.out.duplicates.push(DuplicateRow { line, same_as_line: first });
            }
        }
        self.removed.extend_from_slice(&rows[1..]);
    }

    /// The same key with different values: the last row is used, the period is incomplete.
    fn conflict(&mut self, rows: &[usize], values: Vec<f64>) {
        let last = rows[rows.len() - 1];
        let r = self.dataset.record(last);
        let others = rows.len() as u64 - 1;
        self.out.conflicting_rows += others;
        if self.out.conflicts.len() < MAX_LISTED_SKIPS {
            self.out.conflicts.push(ConflictingRows {
                period: r.period.to_string(),
                what: format!(
                    "{} – {}, {}, {}",
                    r.reporter.label(),
                    r.partner.label(),
                    r.flow,
                    r.commodity.code
                ),
                lines: rows.iter().map(|&i| self.line(i)).collect(),
                values,
                used_line: self.line(last),
            });
        }
        charge(
            self.incomplete,
            IncompleteRows {
                period: r.period,
                reporter: Some(r.reporter),
                partner: Some(r.partner),
                flow: Some(r.flow),
                commodity: Some(r.commodity.code),
                unreadable: 0,
                conflicting: others,
            },
        );
        self.removed.extend_from_slice(&rows[..rows.len() - 1]);
    }
}

/// Removes the rows (any order, each once) from the dataset and their lines.
fn remove_rows(accounts: &mut Accounts, mut removed: Vec<usize>) {
    if removed.is_empty() {
        return;
    }
    removed.sort_unstable();
    accounts.dataset.remove_rows(&removed);
    accounts.lines.remove(&removed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_in_parts_finds_what_one_table_finds() {
        // Hashes with repeats, and a table small enough that different hashes share bits.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let hashes: Vec<u32> = (0..50_000)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if i % 97 == 0 { 12345 } else { (x >> 32) as u32 }
            })
            .collect();
        let hash = |i: usize| hashes[i];
        let mut one = met_again_in_parts(hashes.len(), &hash, 16, 0);
        one.sort_unstable();
        for parts_log in [1, 2] {
            let mut parts = met_again_in_parts(hashes.len(), &hash, 16, parts_log);
            parts.sort_unstable();
            assert_eq!(parts, one, "{parts_log}");
        }
        assert!(one.contains(&12345) && one.len() > 1000, "{}", one.len());
        assert_eq!(rows_with((0..hashes.len()).map(hash), &[12345]).len(), hashes.len().div_ceil(97));
    }
}
