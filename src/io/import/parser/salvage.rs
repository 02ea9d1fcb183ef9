//! What can still be read of a row that is skipped: the period it would have fallen in and,
//! where they read, its reporter, partner, flow and commodity, so that the figures of that
//! period can say they are incomplete.

use super::{Cells, FlowSource, PartySource, RowParser};
use crate::model::completeness::IncompleteRows;
use crate::model::dataset::{Party, Period};

/// The first cells of a row only: a row whose later cells may have moved.
struct Prefix<'a, R: ?Sized> {
    rec: &'a R,
    len: usize,
}

impl<R: Cells + ?Sized> Cells for Prefix<'_, R> {
    fn cell(&self, i: usize) -> Option<&str> {
        if i < self.len { self.rec.cell(i) } else { None }
    }

    fn len(&self) -> usize {
        self.len.min(self.rec.len())
    }
}

impl RowParser {
    /// The periods and dimensions a skipped row would have had, one entry per period (a row
    /// of a wide table has one per month column it fills). Only cells before `safe_prefix`
    /// are trusted (a row whose later cells may have moved). Empty when no period reads.
    pub(crate) fn salvage<R: Cells + ?Sized>(&self, rec: &R, safe_prefix: usize) -> Vec<IncompleteRows> {
        let rec = Prefix { rec, len: safe_prefix };
        let periods: Vec<Period> = if self.months.is_empty() {
            self.period(&rec).ok().into_iter().collect()
        } else {
            self.months
                .iter()
                .filter(|(i, _)| !Self::field(&rec, Some(*i)).is_empty())
                .map(|(_, p)| *p)
                .collect()
        };
        if periods.is_empty() {
            return Vec::new();
        }
        let party = |src: &PartySource| -> Option<Party> {
            if let Some(p) = &src.fixed {
                return Some(p.clone());
            }
            let code = Self::field(&rec, src.code);
            let name = Self::field(&rec, src.name);
            // An empty name (or code) stays empty: unknown, not the other one.
            (!code.is_empty() || !name.is_empty())
                .then(|| Party { code: code.to_owned(), name: name.to_owned() })
        };
        let reporter = party(&self.reporter);
        let partner = party(&self.partner);
        let flow = match &self.flow {
            FlowSource::Fixed(f) => Some(*f),
            FlowSource::Column(i) => self.flow_word(Self::field(&rec, Some(*i))).ok(),
        };
        let code = Self::field(&rec, self.commodity);
        let commodity = match (self.commodity, self.by_name) {
            // Known layouts: an empty code is the total, as when the row reads.
            (Some(i), false) if i < safe_prefix => {
                Some(if code.is_empty() { "TOTAL".to_owned() } else { code.to_owned() })
            }
            (None, false) => Some("TOTAL".to_owned()),
            _ => None,
        };
        periods
            .into_iter()
            .map(|period| IncompleteRows {
                period,
                reporter: reporter.clone(),
                partner: partner.clone(),
                flow,
                commodity: commodity.clone(),
                unreadable: 1,
                conflicting: 0,
            })
            .collect()
    }

    /// The period of a wide table's month column, by its header.
    pub(crate) fn column_period(&self, column: &str) -> Option<Period> {
        self.months.iter().find(|(i, _)| self.names.get(*i).is_some_and(|n| n == column)).map(|(_, p)| *p)
    }
}
