//! The period column, interned: each row holds the index of its period among the distinct
//! periods of the dataset (a file has a few dozen), 4 bytes a row instead of the 20 of a
//! [`Period`]. At 5 million rows that is 76 MB less; see docs/performance.md.

use std::ops::Index;

use super::Period;
use super::interner::Interner;

/// Each row's period as an index into the distinct periods, in order of first appearance.
#[derive(Clone, Debug, Default)]
pub(super) struct Periods {
    pub(super) values: Interner<Period>,
    pub(super) ids: Vec<u32>,
}

/// Two columns are equal when their rows have the same periods (however interned).
impl PartialEq for Periods {
    fn eq(&self, other: &Self) -> bool {
        self.ids.len() == other.ids.len() && self.column().iter().eq(other.column().iter())
    }
}

impl Periods {
    #[inline]
    pub(super) fn push(&mut self, period: Period) {
        let id = self.values.intern_ref(&period, |p| *p);
        self.ids.push(id);
    }

    pub(super) fn column(&self) -> PeriodColumn<'_> {
        PeriodColumn { ids: &self.ids, values: &self.values.items }
    }
}

/// A dataset's periods, borrowed: indexed like a `&[Period]` (`column[i]`, `get`, `iter`).
#[derive(Clone, Copy, Debug)]
pub struct PeriodColumn<'a> {
    ids: &'a [u32],
    values: &'a [Period],
}

impl<'a> PeriodColumn<'a> {
    /// Number of rows.
    #[must_use]
    pub fn len(self) -> usize {
        self.ids.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.ids.is_empty()
    }

    /// Row `i`'s period, if there is such a row.
    #[must_use]
    #[inline]
    pub fn get(self, i: usize) -> Option<&'a Period> {
        self.ids.get(i).and_then(|&id| self.values.get(id as usize))
    }

    /// Every row's period, in row order.
    #[must_use]
    pub fn iter(self) -> PeriodIter<'a> {
        PeriodIter { ids: self.ids.iter(), values: self.values }
    }

    /// Each row's index into [`PeriodColumn::values`]: equal indexes, equal periods.
    #[must_use]
    pub fn ids(self) -> &'a [u32] {
        self.ids
    }

    /// The distinct periods, in order of first appearance.
    #[must_use]
    pub fn values(self) -> &'a [Period] {
        self.values
    }
}

impl Index<usize> for PeriodColumn<'_> {
    type Output = Period;

    /// Panics when `i` is out of range, like slice indexing.
    #[inline]
    fn index(&self, i: usize) -> &Period {
        &self.values[self.ids[i] as usize]
    }
}

impl<'a> IntoIterator for PeriodColumn<'a> {
    type Item = &'a Period;
    type IntoIter = PeriodIter<'a>;

    fn into_iter(self) -> PeriodIter<'a> {
        self.iter()
    }
}

/// The periods of a [`PeriodColumn`], row by row.
#[derive(Clone, Debug)]
pub struct PeriodIter<'a> {
    ids: std::slice::Iter<'a, u32>,
    values: &'a [Period],
}

impl<'a> Iterator for PeriodIter<'a> {
    type Item = &'a Period;

    #[inline]
    fn next(&mut self) -> Option<&'a Period> {
        self.ids.next().and_then(|&id| self.values.get(id as usize))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}
