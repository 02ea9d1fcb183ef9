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
    // One 128-bit number hashed at once (one step of foldhash instead of five). The flow is
    // folded into the reporter's top bits: keys that differ only there (a file with more than
    // a billion reporters) would share a hash, which costs time, never a wrong answer (keys
    // are compared exactly afterwards).
    let reporter = c.reporter[i] ^ ((c.flow[i] as u32) << 30);
    let key = u128::from(c.period.ids()[i])
        | u128::from(reporter) << 32
        | u128::from(c.partner[i]) << 64
        | u128::from(by_code[c.commodity[i] as usize]) << 96;
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
    let periods = Periods { ids: cols.period.ids(), count: cols.period.values().len() };
    let rows = rows_met_again(&periods, |i| key_hash(&cols, &by_code, i));
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

/// Each row's period id, and how many distinct periods there are (ids are below it).
struct Periods<'a> {
    ids: &'a [u32],
    count: usize,
}

/// The rows whose key hash is another row's too, in file order: every row of a repeated key,
/// and now and then rows of different keys that share a hash (told apart exactly later).
fn rows_met_again(periods: &Periods<'_>, hash: impl Fn(usize) -> u32 + Sync) -> Vec<usize> {
    let again = hashes_met_again(periods, &hash);
    if again.is_empty() {
        return Vec::new();
    }
    let n = periods.ids.len();
    rows_with(n, &hash, &again, threads_for(n))
}

/// The bit table of [`hashes_met_again`]: one part per period, about 16 bits a row of it.
struct Layout {
    /// Per period id: where its part starts (in bits) and the log of its size.
    parts: Vec<(usize, u32)>,
    /// Bits in all.
    bits: usize,
}

impl Layout {
    fn new(periods: &Periods<'_>) -> Self {
        let mut rows = vec![0usize; periods.count];
        for &p in periods.ids {
            if let Some(n) = rows.get_mut(p as usize) {
                *n += 1;
            }
        }
        let mut bits = 0;
        let parts = rows
            .into_iter()
            .map(|n| {
                let log = n.saturating_mul(16).next_power_of_two().trailing_zeros().clamp(6, 32);
                let part = (bits, log);
                bits += 1usize << log;
                part
            })
            .collect();
        Self { parts, bits }
    }

    /// The bit of a row of period `period` whose key hashes to `h`.
    #[inline]
    fn bit(&self, period: u32, h: u32) -> Option<usize> {
        let &(start, log) = self.parts.get(period as usize)?;
        Some(start + (u64::from(h) >> (32 - log)) as usize)
    }
}

/// The hashes met more than once, sorted; now and then also a hash met once whose bit another
/// hash had set.
///
/// Only rows of the same period can have the same key, so the bit table has one part per
/// period, each about 16 bits a row of its period: a file whose rows come period after period
/// (as Comtrade's do) probes one part of a few hundred kilobytes at a time, which stays in the
/// cache, instead of a table of megabytes where every row's bit is a cache miss. From a
/// million rows the periods are shared between two threads (by id, odd and even); each looks
/// at every row's period and hashes only the rows of its own. Together they set the same bits
/// as one thread, so the result is the same.
fn hashes_met_again(periods: &Periods<'_>, hash: &(impl Fn(usize) -> u32 + Sync)) -> Vec<u32> {
    let n = periods.ids.len();
    if n < 2 {
        return Vec::new();
    }
    let layout = Layout::new(periods);
    met_again_by_period(periods, hash, &layout, threads_for(n))
}

/// Threads for looking at `n` rows: two from a million rows (when there are two cores).
fn threads_for(n: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if n < 1 << 20 { 1 } else { cores.clamp(1, 2) }
}

/// [`hashes_met_again`] with the periods shared between `threads` threads.
fn met_again_by_period(
    periods: &Periods<'_>,
    hash: &(impl Fn(usize) -> u32 + Sync),
    layout: &Layout,
    threads: usize,
) -> Vec<u32> {
    // The hashes met again among the rows of the periods whose id is `t` modulo `threads`.
    let share = |t: usize| {
        let mut bits = vec![0u64; layout.bits.div_ceil(64)];
        let mut again: Vec<u32> = Vec::new();
        for (i, &p) in periods.ids.iter().enumerate() {
            if p as usize % threads != t {
                continue;
            }
            let h = hash(i);
            let Some(b) = layout.bit(p, h) else { continue };
            let (word, bit) = (b / 64, 1u64 << (b % 64));
            if bits[word] & bit == 0 {
                bits[word] |= bit;
            } else {
                again.push(h);
            }
        }
        // Sorted here, on each thread (a few hundred thousand hashes at 5 M rows).
        again.sort_unstable();
        again.dedup();
        again
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .map(|t| {
                (
                    t,
                    std::thread::Builder::new()
                        .name("duplicates".into())
                        .spawn_scoped(scope, move || share(t)),
                )
            })
            .collect();
        let mut again = share(0);
        for (t, thread) in others {
            // A thread that could not start (or failed) is done here.
            let theirs = thread.ok().and_then(|t| t.join().ok()).unwrap_or_else(|| share(t));
            again = merge_sorted(&again, &theirs);
        }
        again
    })
}

/// The values of two sorted lists without repeats, as one sorted list without repeats.
fn merge_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The rows whose hash is one of `again` (sorted) and is met on more than one row, in order.
///
/// Every row's hash is computed again here, so from a million rows the rows are cut into
/// `threads` ranges looked at side by side; the ranges' finds are put together in order, so
/// the result is the one a single pass gives.
fn rows_with(n: usize, hash: &(impl Fn(usize) -> u32 + Sync), again: &[u32], threads: usize) -> Vec<usize> {
    // The hashes of `again` as bits of a small table (it stays in the cache): most rows are
    // passed over on one bit.
    let small_log = again.len().saturating_mul(64).next_power_of_two().trailing_zeros().clamp(10, 30);
    let mask = (1u32 << small_log) - 1;
    let mut small = vec![0u64; (1usize << small_log) / 64];
    for &h in again {
        let b = (h & mask) as usize;
        small[b / 64] |= 1 << (b % 64);
    }
    // The rows of `range` whose hash is in `again`, with where it is there.
    let find = |range: std::ops::Range<usize>| -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for i in range {
            let h = hash(i);
            let b = (h & mask) as usize;
            if small[b / 64] & (1 << (b % 64)) != 0
                && let Ok(at) = again.binary_search(&h)
            {
                found.push((i, at));
            }
        }
        found
    };
    let threads = threads.clamp(1, n.max(1));
    let cut = |t: usize| n * t / threads;
    let found: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let find = &find;
        let others: Vec<_> = (1..threads)
            .map(|t| {
                let range = cut(t)..cut(t + 1);
                let mine = range.clone();
                let thread = std::thread::Builder::new()
                    .name("duplicates".into())
                    .spawn_scoped(scope, move || find(mine));
                (range, thread)
            })
            .collect();
        let mut found = find(0..cut(1));
        for (range, thread) in others {
            // A thread that could not start (or failed): its range is looked at here.
            found.extend(thread.ok().and_then(|t| t.join().ok()).unwrap_or_else(|| find(range)));
        }
        found
    });
    let mut seen = vec![0u32; again.len()];
    for &(_, at) in &found {
        seen[at] = seen[at].saturating_add(1);
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
    fn sorted_lists_merge_without_repeats() {
        let cases: [(&[u32], &[u32]); 5] =
            [(&[], &[]), (&[1, 3, 5], &[]), (&[], &[2]), (&[1, 3, 5, 9], &[2, 3, 9, 10]), (&[7], &[7])];
        for (a, b) in cases {
            let mut want: Vec<u32> = a.iter().chain(b).copied().collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(merge_sorted(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn periods_shared_between_threads_find_what_one_thread_finds() {
        // Hashes with repeats in periods given in no order, and parts small enough that
        // different hashes share bits.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let (hashes, ids): (Vec<u32>, Vec<u32>) = (0..50_000)
            .map(|i| {
                let r = next();
                let period = if i < 20_000 { i / 4_000 } else { (r % 7) as u32 };
                (if i % 97 == 0 { 12345 } else { (r >> 32) as u32 }, period)
            })
            .unzip();
        let periods = Periods { ids: &ids, count: 7 };
        let layout = Layout::new(&periods);
        assert!(layout.bits < 50_000 * 32, "{}", layout.bits);
        let hash = |i: usize| hashes[i];
        let one = met_again_by_period(&periods, &hash, &layout, 1);
        for threads in [2, 3] {
            assert_eq!(met_again_by_period(&periods, &hash, &layout, threads), one, "{threads}");
        }
        assert!(one.contains(&12345), "{}", one.len());
        // Every hash met twice in one period is found; one met in two periods only need not be.
        let mut twice: Vec<u32> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (h, p) in hashes.iter().zip(&ids) {
            if !seen.insert((h, p)) {
                twice.push(*h);
            }
        }
        assert!(twice.iter().all(|h| one.binary_search(h).is_ok()));
        assert_eq!(rows_with(hashes.len(), &hash, &[12345], 1).len(), hashes.len().div_ceil(97));
        // Rows cut into ranges looked at side by side: the same rows, in the same order.
        let single = rows_with(hashes.len(), &hash, &one, 1);
        assert!(single.len() >= hashes.len().div_ceil(97), "{}", single.len());
        for threads in [2, 3, 7] {
            assert_eq!(rows_with(hashes.len(), &hash, &one, threads), single, "{threads}");
        }
        assert!(rows_with(0, &hash, &one, 2).is_empty());
        let rows = rows_met_again(&periods, hash);
        assert!(rows.len() >= hashes.len().div_ceil(97) && rows.windows(2).all(|w| w[0] < w[1]));
    }
}
