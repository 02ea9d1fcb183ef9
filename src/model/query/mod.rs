//! Filters and aggregation: monthly and yearly totals for a selection, without double counting.
//!
//! The rules, in the order they are applied:
//! 1. Rows outside the selection (reporter, partner, commodity prefix, period range) are left out.
//! 2. Commodity levels: for each (period, reporter, partner, flow) the `TOTAL` rows are used when
//!    the group has one; otherwise only the most aggregate HS level present (chapters before
//!    headings before subheadings), so a chapter and its headings are never added together.
//! 3. Partner World: when no partner is selected, a World row for (period, reporter, flow) is
//!    used if there is one; otherwise the countries are summed. World is never added to them.
//! 4. Turnover-only rows count only where that (period, reporter, partner) has no export or
//!    import rows: turnover = exports + imports (+ turnover-only rows).
//! 5. Annual records (`Period::Year`) make up the yearly totals for years that have no monthly
//!    data for the selection; they are never spread over months.

//!
//! The types of a query and its result are here; the aggregation and its double-counting rules
//! in `aggregate.rs`; the cache the window reads (computed in the background on large data)
//! in `cache.rs`.

mod aggregate;
mod cache;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::dataset::Flow;
use super::period::{MonthRange, YearMonth};

pub use aggregate::aggregate;
pub use cache::{AggregateCache, BACKGROUND_ROWS};

/// What the user has chosen to look at. Empty fields mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Reporter code or name; `None` for all reporters.
    pub reporter: Option<String>,
    /// Partner code or name; `None` for all partners (World where the file has it).
    pub partner: Option<String>,
    /// HS code prefix ("03", "0302"); `None` for all commodities.
    pub commodity: Option<String>,
    /// Months to show; `None` for every month in the data.
    pub range: Option<MonthRange>,
    /// Further partners (codes or names) drawn beside `partner` to compare them; empty for none.
    pub compare: Vec<String>,
}

/// Exports, imports and turnover-only values summed over some rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FlowSums {
    /// Sum of export values, US dollars.
    pub exports_usd: f64,
    /// Sum of import values, US dollars.
    pub imports_usd: f64,
    /// Sum of turnover-only values (sources that give no split), US dollars.
    pub turnover_only_usd: f64,
    /// Whether any export or import row contributed, so that the split is known.
    pub has_split: bool,
}

impl FlowSums {
    /// Exports plus imports plus turnover-only values.
    #[must_use]
    pub fn turnover_usd(&self) -> f64 {
        self.exports_usd + self.imports_usd + self.turnover_only_usd
    }

    /// Exports minus imports; `None` when only turnover is known.
    #[must_use]
    pub fn balance_usd(&self) -> Option<f64> {
        (self.has_split && self.turnover_only_usd == 0.0).then_some(self.exports_usd - self.imports_usd)
    }

    /// Exports, or `None` when the source gave only turnover.
    #[must_use]
    pub fn exports(&self) -> Option<f64> {
        self.has_split.then_some(self.exports_usd)
    }

    /// Imports, or `None` when the source gave only turnover.
    #[must_use]
    pub fn imports(&self) -> Option<f64> {
        self.has_split.then_some(self.imports_usd)
    }

    fn add(&mut self, flow: Flow, value: f64) {
        match flow {
            Flow::Export => {
                self.exports_usd += value;
                self.has_split = true;
            }
            Flow::Import => {
                self.imports_usd += value;
                self.has_split = true;
            }
            Flow::Turnover => self.turnover_only_usd += value,
        }
    }

    /// Adds other sums to these.
    pub fn merge(&mut self, other: &Self) {
        self.exports_usd += other.exports_usd;
        self.imports_usd += other.imports_usd;
        self.turnover_only_usd += other.turnover_only_usd;
        self.has_split |= other.has_split;
    }
}

/// Totals for one month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthTotals {
    /// The month.
    pub period: YearMonth,
    /// The sums.
    pub sums: FlowSums,
}

/// Totals for one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearTotals {
    /// The year.
    pub year: i32,
    /// The sums.
    pub sums: FlowSums,
    /// Months with data behind the figures (12 for a year taken from an annual record).
    pub months: u8,
    /// Whether the figures come from annual records rather than months.
    pub from_annual: bool,
}

/// The result of aggregating a selection: what charts, tables and the summary command show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Months with data, in order. Months without data are absent (a gap, not a zero).
    pub months: Vec<MonthTotals>,
    /// Calendar years, in order.
    pub years: Vec<YearTotals>,
}

impl Aggregate {
    /// Totals of the month, if it has data.
    #[must_use]
    pub fn month(&self, m: YearMonth) -> Option<&MonthTotals> {
        self.months.binary_search_by(|t| t.period.cmp(&m)).ok().map(|i| &self.months[i])
    }

    /// Sum over the months of `range` that have data, and how many of them do.
    #[must_use]
    pub fn sum_range(&self, range: MonthRange) -> (FlowSums, usize) {
        let mut sums = FlowSums::default();
        let months = self.months_in(Some(range));
        for t in months {
            sums.merge(&t.sums);
        }
        (sums, months.len())
    }

    /// First and last month with data.
    #[must_use]
    pub fn month_span(&self) -> Option<MonthRange> {
        Some(MonthRange::new(self.months.first()?.period, self.months.last()?.period))
    }

    /// The months inside `range` (all months for `None`), in order.
    #[must_use]
    pub fn months_in(&self, range: Option<MonthRange>) -> &[MonthTotals] {
        let Some(r) = range else { return &self.months };
        let start = self.months.partition_point(|t| t.period < r.start);
        let end = self.months.partition_point(|t| t.period <= r.end);
        &self.months[start..end.max(start)]
    }
}
