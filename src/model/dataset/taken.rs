//! Rows handed from one dataset to another without interning their text again: how the block
//! reader's parser threads pass their rows on. Each thread keeps one [`Dataset`] for the whole
//! file, so a reporter, partner or commodity is interned (hashed and copied) once per thread,
//! not once per block; after each block it takes the rows out ([`Dataset::take_rows`]) with the
//! values it interned since the last time, and the joining side appends them in file order
//! ([`Dataset::append_taken`]) through one [`IdMap`] per thread.
//!
//! Order: the values a block interned for the first time on its thread include every value
//! the block holds for the first time in the file (a value seen in an earlier block of the
//! same thread was also seen earlier in the file), in the order the block meets them. Blocks
//! are appended in file order, so the joined dataset interns every value at its first
//! appearance in the file: the same lists, in the same order, as one pass over the file.

use super::{Commodity, Dataset, Interner, Party, Period};

/// How many of a dataset's interned values have been handed on with its rows.
#[derive(Clone, Copy, Debug, Default)]
pub struct Handed {
    reporters: usize,
    partners: usize,
    commodities: usize,
    periods: usize,
}

/// Rows taken from a dataset that goes on adding rows with the same interned values: the rows,
/// with the ids of that dataset, and the values it interned since the previous take.
#[derive(Debug, Default)]
pub struct TakenRows {
    /// The rows; their interned lists are empty (the ids are the source's).
    rows: Dataset,
    reporters: Vec<Party>,
    partners: Vec<Party>,
    commodities: Vec<Commodity>,
    periods: Vec<Period>,
}

impl TakenRows {
    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// For the rows taken from one source dataset: each of the source's ids, as an id of the
/// dataset they are appended to. One per source, kept from one take to the next.
#[derive(Clone, Debug, Default)]
pub struct IdMap {
    pub(super) reporters: Vec<u32>,
    pub(super) partners: Vec<u32>,
    pub(super) commodities: Vec<u32>,
    pub(super) periods: Vec<u32>,
}

/// The values from `from` on, for the next take.
fn since<T: Clone>(items: &[T], from: &mut usize) -> Vec<T> {
    let new = items.get(*from..).unwrap_or_default().to_vec();
    *from = items.len();
    new
}

/// Interns `values` into `into`, extending `map` with their ids there.
fn map_more<T: Clone + Eq + std::hash::Hash>(into: &mut Interner<T>, values: Vec<T>, map: &mut Vec<u32>) {
    map.extend(values.into_iter().map(|v| into.intern(v)));
}

impl Dataset {
    /// Takes the rows out, keeping the interned values (and room for as many rows again):
    /// later rows get the same ids for the same values. `handed` says which values went
    /// with earlier takes; the new ones go with these rows.
    pub fn take_rows(&mut self, handed: &mut Handed) -> TakenRows {
        let reporters = std::mem::take(&mut self.reporters);
        let partners = std::mem::take(&mut self.partners);
        let commodities = std::mem::take(&mut self.commodities);
        let periods = std::mem::take(&mut self.period.values);
        let rows = std::mem::take(self);
        self.reporters = reporters;
        self.partners = partners;
        self.commodities = commodities;
        self.period.values = periods;
        self.reserve(rows.len());
        TakenRows {
            reporters: since(&self.reporters.items, &mut handed.reporters),
            partners: since(&self.partners.items, &mut handed.partners),
            commodities: since(&self.commodities.items, &mut handed.commodities),
            periods: since(&self.period.values.items, &mut handed.periods),
            rows,
        }
    }

    /// Appends rows taken from a source dataset, given the source's [`IdMap`] (empty before its
    /// first take): the new values are interned here and their ids added to the map.
    ///
    /// Panics if `map` is not the one of the rows' source (an id it does not map).
    pub fn append_taken(&mut self, taken: TakenRows, map: &mut IdMap) {
        let TakenRows { rows, reporters, partners, commodities, periods } = taken;
        map_more(&mut self.reporters, reporters, &mut map.reporters);
        map_more(&mut self.partners, partners, &mut map.partners);
        map_more(&mut self.commodities, commodities, &mut map.commodities);
        map_more(&mut self.period.values, periods, &mut map.periods);
        self.extend_mapped(rows, map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Flow, Record};
    use crate::model::period::YearMonth;

    fn rec(month: u8, partner: &str, code: &str, v: f64) -> Record {
        let party = |c: &str| Party { code: c.into(), name: format!("{c} name") };
        Record {
            period: Period::Month(YearMonth { year: 2020, month }),
            reporter: party("BLR"),
            partner: party(partner),
            flow: Flow::Export,
            commodity: Commodity { code: code.into(), name: String::new() },
            value_usd: v,
        }
    }

    #[test]
    fn blocks_of_two_threads_join_as_one_pass() {
        // Six blocks in file order, parsed alternately by two threads: values come back in
        // blocks where their thread met them first, and values a block meets first in the
        // file are met earlier by the other thread's blocks.
        let blocks: Vec<Vec<Record>> = vec![
            vec![rec(1, "KAZ", "01", 1.0), rec(1, "RUS", "02", 2.0)],
            vec![rec(2, "RUS", "03", 3.0), rec(1, "KAZ", "01", 4.0)],
            vec![rec(2, "CHN", "02", 5.0)],
            vec![],
            vec![rec(3, "KAZ", "04", 6.0), rec(2, "CHN", "03", 7.0), rec(1, "UZB", "01", 8.0)],
            vec![rec(3, "DEU", "05", 9.0)],
        ];
        let whole: Dataset = blocks.iter().flatten().cloned().collect();
        let mut threads = [(Dataset::default(), Handed::default()), (Dataset::default(), Handed::default())];
        let mut maps = [IdMap::default(), IdMap::default()];
        let mut joined = Dataset::default();
        for (k, block) in blocks.iter().enumerate() {
            let (data, handed) = &mut threads[k % 2];
            for r in block {
                data.push(r.clone());
            }
            let taken = data.take_rows(handed);
            assert_eq!((taken.len(), data.len()), (block.len(), 0));
            joined.append_taken(taken, &mut maps[k % 2]);
        }
        assert_eq!(joined, whole);
        assert_eq!(joined.partners(), whole.partners());
        assert_eq!(joined.commodities(), whole.commodities());
        assert_eq!(joined.columns().period.values(), whole.columns().period.values());
        assert_eq!(joined.columns().partner, whole.columns().partner);
        assert_eq!(joined.columns().period.ids(), whole.columns().period.ids());
        for i in 0..whole.len() {
            assert_eq!(joined.record(i), whole.record(i));
        }
        // Each thread interned KAZ, RUS... once: the second thread's map covers what it met.
        assert_eq!(maps[1].partners.len(), threads[1].0.partners().len());
    }
}
