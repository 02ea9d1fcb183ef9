//! What aggregating a selection gives: sums by flow, per month and per year.

use serde::{Deserialize, Serialize};

use super::held::FlowsHeld;
use crate::model::dataset::Flow;
use crate::model::period::{MonthRange, YearMonth};

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
    /// The data holds no export row at all for the selection: exports are unknown ("not in
    /// the file"), not zero, and so are turnover and balance.
    #[serde(default)]
    pub exports_unknown: bool,
    /// The data holds no import row at all for the selection: imports are unknown, not zero,
    /// and so are turnover and balance.
    #[serde(default)]
    pub imports_unknown: bool,
}

impl FlowSums {
    /// Whether a flow of the split is not in the data at all (see [`Self::exports_unknown`]).
    #[must_use]
    pub fn flow_unknown(&self) -> bool {
        self.has_split && (self.exports_unknown || self.imports_unknown)
    }

    /// Exports plus imports plus turnover-only values; `None` when the split is there but one
    /// of its flows is not in the data (turnover would be only the other flow).
    #[must_use]
    pub fn turnover_usd(&self) -> Option<f64> {
        (!self.flow_unknown()).then_some(self.exports_usd + self.imports_usd + self.turnover_only_usd)
    }

    /// Exports minus imports; `None` when only turnover is known, or when a flow is not in the
    /// data.
    #[must_use]
    pub fn balance_usd(&self) -> Option<f64> {
        (self.has_split && self.turnover_only_usd == 0.0 && !self.flow_unknown())
            .then_some(self.exports_usd - self.imports_usd)
    }

    /// Exports, or `None` when the source gave only turnover or holds no exports.
    #[must_use]
    pub fn exports(&self) -> Option<f64> {
        (self.has_split && !self.exports_unknown).then_some(self.exports_usd)
    }

    /// Imports, or `None` when the source gave only turnover or holds no imports.
    #[must_use]
    pub fn imports(&self) -> Option<f64> {
        (self.has_split && !self.imports_unknown).then_some(self.imports_usd)
    }

    /// Marks the flows the data does not hold as unknown.
    pub(super) fn mark_unknown(&mut self, held: FlowsHeld) {
        self.exports_unknown = !held.exports;
        self.imports_unknown = !held.imports;
    }

    pub(super) fn add(&mut self, flow: Flow, value: f64) {
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
        self.exports_unknown |= other.exports_unknown;
        self.imports_unknown |= other.imports_unknown;
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

/// Growth rates published with a span's figures, percent change on the same period a year
/// earlier; `None` where the source gave none for that flow or the figure shown is not the
/// one it was published with (a sum of several published figures).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishedPct {
    /// Exports.
    pub exports: Option<f64>,
    /// Imports.
    pub imports: Option<f64>,
    /// Turnover (from a turnover-only figure's own rate).
    pub turnover: Option<f64>,
}

impl PublishedPct {
    /// Whether no flow has a published rate.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.exports.is_none() && self.imports.is_none() && self.turnover.is_none()
    }
}

/// Totals for a figure longer than a month that is not a calendar year: a quarter, a
/// half-year, a cumulative January–N, as published, or derived from two cumulative figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanTotals {
    /// The months the figure covers.
    pub range: MonthRange,
    /// The sums.
    pub sums: FlowSums,
    /// Growth rates published with the figure.
    pub published: PublishedPct,
    /// Whether the figure is the difference of two cumulative figures, not one in the data.
    pub derived: bool,
}

/// The result of aggregating a selection: what charts, tables and the summary command show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Months with data, in order. Months without data are absent (a gap, not a zero).
    pub months: Vec<MonthTotals>,
    /// Calendar years, in order.
    pub years: Vec<YearTotals>,
    /// Which flows the data holds for the selection's reporter and partner (any period,
    /// any commodity). A flow it does not hold is unknown in every period, not zero.
    #[serde(default)]
    pub flows: FlowsHeld,
    /// Figures longer than a month that are not calendar years, ordered by range. They are
    /// never spread over `months`.
    #[serde(default)]
    pub spans: Vec<SpanTotals>,
    /// Months in `months` that are derived from two cumulative figures (July = Jan–Jul −
    /// Jan–Jun), in order. They count in their year unless it is an annual record (see
    /// [`Self::derived_in_year`]).
    #[serde(default)]
    pub derived_months: Vec<YearMonth>,
}

impl Aggregate {
    /// Whether month `m` is derived from cumulative figures rather than in the data.
    #[must_use]
    pub fn month_derived(&self, m: YearMonth) -> bool {
        self.derived_months.binary_search(&m).is_ok()
    }

    /// The derived months counted in year `year`'s totals (none for an annual record, which
    /// covers them already).
    #[must_use]
    pub fn derived_in_year(&self, year: i32) -> Vec<YearMonth> {
        if self.years.iter().any(|y| y.year == year && y.from_annual) {
            return Vec::new();
        }
        self.derived_months.iter().copied().filter(|m| m.year == year).collect()
    }

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
