//! The arithmetic of change over time, computed from a cached [`Aggregate`]: year on year,
//! year to date, rolling 12-month sums, and the like-for-like comparison of a range with the
//! same months a year earlier.
//!
//! Rules:
//! - A month without data is a gap: anything that needs it is `None`, never zero. A year-to-date
//!   or rolling sum needs every month it covers (so the chart's table shows a gap rather than a
//!   part sum), and a single month's change needs both months.
//! - **The one year-on-year policy for headline figures** (the chart's KPI strip and the target
//!   gauges, both through [`Comparison`]): a range is compared with the same months a year
//!   earlier *over the months present in both years*. When some are missing on either side the
//!   comparison is still made on the months in common, and the months left out are named beside
//!   the figure (never silently dropped); with no month in common there is no figure. Growth is
//!   `this / before − 1`, and unknown when the months a year earlier add up to zero or less.
//!   A like-for-like comparison is what an analyst quotes ("January–July on January–July"):
//!   comparing a year to date with a gap against a complete one would report a fall that is
//!   only a missing month.

use super::chart::Measure;
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowSums};

/// Relative change from `before` to `now` (0.186 for +18.6%); `None` when `before` is zero.
/// A negative base (a deficit) is taken by its size, so that a smaller deficit is a rise.
#[must_use]
pub fn change(now: f64, before: f64) -> Option<f64> {
    (before != 0.0 && now.is_finite() && before.is_finite()).then(|| (now - before) / before.abs())
}

/// The measure in month `m`; `None` when the month has no data.
#[must_use]
pub fn month_value(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    measure.value(&a.month(m)?.sums)
}

/// Change of the measure on the same month a year earlier; `None` when either month is missing.
#[must_use]
pub fn yoy(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    change(month_value(a, m, measure)?, month_value(a, m.year_earlier(), measure)?)
}

/// Sums over every month of `range`; `None` when any of them has no data.
#[must_use]
pub fn complete_sum(a: &Aggregate, range: MonthRange) -> Option<FlowSums> {
    let months = a.months_in(Some(range));
    if months.len() != range.len_months() {
        return None;
    }
    let mut sums = FlowSums::default();
    for t in months {
        sums.merge(&t.sums);
    }
    Some(sums)
}

/// January to `m` of m's year.
#[must_use]
pub fn ytd_range(m: YearMonth) -> MonthRange {
    MonthRange::new(YearMonth { year: m.year, month: 1 }, m)
}

/// Year to date through `m`; `None` unless every month from January has data.
#[must_use]
pub fn ytd(a: &Aggregate, m: YearMonth) -> Option<FlowSums> {
    complete_sum(a, ytd_range(m))
}

/// Change of the year-to-date measure through `m` on the same months a year earlier.
#[must_use]
pub fn ytd_yoy(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    let now = measure.value(&ytd(a, m)?)?;
    let before = measure.value(&ytd(a, m.year_earlier())?)?;
    change(now, before)
}

/// The 12 months ending with `m`.
#[must_use]
pub fn rolling_range(m: YearMonth) -> MonthRange {
    MonthRange::new(YearMonth::from_index(m.index() - 11), m)
}

/// Sum over the 12 months ending with `m`; `None` unless all 12 have data.
#[must_use]
pub fn rolling12(a: &Aggregate, m: YearMonth) -> Option<FlowSums> {
    complete_sum(a, rolling_range(m))
}

/// A range compared with the same months a year earlier, like for like: only the months that
/// have a value both in the range and a year before count (see the module's policy).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The range asked for.
    pub range: MonthRange,
    /// Months of `range` present this year and a year earlier, in order.
    pub common: Vec<YearMonth>,
    /// Sum over `common`, this year.
    pub this_usd: f64,
    /// Sum over `common` shifted a year back.
    pub prev_usd: f64,
}

impl Comparison {
    /// Compares `range` with a year earlier; `value` gives a month's value, `None` for a gap.
    #[must_use]
    pub fn new(range: MonthRange, value: impl Fn(YearMonth) -> Option<f64>) -> Self {
        let mut common = Vec::new();
        let (mut this_usd, mut prev_usd) = (0.0, 0.0);
        for m in range.iter() {
            if let (Some(now), Some(before)) = (value(m), value(m.year_earlier())) {
                common.push(m);
                this_usd += now;
                prev_usd += before;
            }
        }
        Self { range, common, this_usd, prev_usd }
    }

    /// The comparison of one measure of an aggregate.
    #[must_use]
    pub fn of(a: &Aggregate, range: MonthRange, measure: Measure) -> Self {
        Self::new(range, |m| month_value(a, m, measure))
    }

    /// Growth on the months in common (0.186 for +18.6%); `None` without a month in common or
    /// when they add up to zero or less a year earlier.
    #[must_use]
    pub fn growth(&self) -> Option<f64> {
        (!self.common.is_empty() && self.prev_usd > 0.0).then(|| self.this_usd / self.prev_usd - 1.0)
    }

    /// Whether every month of the range is compared.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.common.len() == self.range.len_months()
    }

    /// Months of the range left out: missing this year or a year earlier.
    #[must_use]
    pub fn left_out(&self) -> Vec<YearMonth> {
        self.range.iter().filter(|m| !self.common.contains(m)).collect()
    }

    /// The same range a year earlier.
    #[must_use]
    pub fn previous(&self) -> MonthRange {
        MonthRange::new(self.range.start.year_earlier(), self.range.end.year_earlier())
    }
}
