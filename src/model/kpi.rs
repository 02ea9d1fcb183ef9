//! The KPI strip over the chart: the latest month and the year to date, each against a year
//! earlier. The year-to-date change follows the one year-on-year policy of
//! [`super::growth`]: the months present in both years, with the months left out named.
//!
//! The strip is about turnover; when the data holds one flow only (exports without imports, or
//! the reverse: see [`super::query::FlowsHeld`]) turnover is unknown, so the strip is about the
//! flow the data holds and says which flow is not in the file.

use super::chart::Measure;
use super::format;
use super::growth::{Comparison, yoy, ytd_range};
use super::period::{MonthRange, YearMonth, months_list};
use super::query::{Aggregate, FlowSums};

/// The figures of the KPI strip: the latest month and the year to date, each against a year
/// earlier. "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017".
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// Latest month with data in the range.
    pub latest: YearMonth,
    /// Its sums.
    pub latest_sums: FlowSums,
    /// What the strip measures: turnover, or the one flow the data holds.
    pub measure: Measure,
    /// Which flow is not in the data ("imports"), when the strip is about the other one.
    pub missing_flow: Option<&'static str>,
    /// Change of [`Self::measure`] on the same month a year earlier.
    pub latest_change: Option<f64>,
    /// Months covered by the year to date, e.g. Jan–Jul 2018.
    pub range: MonthRange,
    /// Sums over those months.
    pub sums: FlowSums,
    /// Change of [`Self::measure`] (turnover unless the data holds one flow only) on the same
    /// months a year earlier, over the months present in both
    /// years ([`Comparison`]); `None` when no month has data in both.
    pub turnover_change: Option<f64>,
    /// The same months a year earlier.
    pub previous: MonthRange,
    /// Months of the year to date left out of the change: missing then or a year earlier.
    pub left_out: Vec<YearMonth>,
}

impl Kpi {
    /// Year to date through the latest month with data in `range` (all months for `None`),
    /// compared with the same months a year earlier, inside the range or not.
    #[must_use]
    pub fn year_to_date(aggregate: &Aggregate, range: Option<MonthRange>) -> Option<Self> {
        let last = *aggregate.months_in(range).last()?;
        let latest = last.period;
        let range = ytd_range(latest);
        let (sums, _) = aggregate.sum_range(range);
        let flows = aggregate.flows;
        let (measure, missing_flow) = match (flows.exports, flows.imports) {
            (true, false) => (Measure::Exports, Some("imports")),
            (false, true) => (Measure::Imports, Some("exports")),
            _ => (Measure::Turnover, None),
        };
        let compared = Comparison::of(aggregate, range, measure);
        // Where the months do not cover the year to date but the figure was published as a
        // cumulative span (January–July), the published figure and its growth are the ones
        // to quote, not a sum of the few months at hand (a month derived from two spans).
        let published = super::span_rows::published_ytd(aggregate, latest)
            .filter(|_| aggregate.sum_range(range).1 < range.len_months());
        let (sums, growth) = match published {
            Some(p) => (p.sums, super::span_rows::published_change(p, measure)),
            None => (sums, compared.growth()),
        };
        Some(Self {
            latest,
            latest_sums: last.sums,
            measure,
            missing_flow,
            latest_change: yoy(aggregate, latest, measure),
            range,
            sums,
            turnover_change: growth,
            previous: compared.previous(),
            left_out: compared.left_out(),
        })
    }

    /// "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017"; with months missing,
    /// "…, +5.0% on Jan–Jul 2017 over the 6 months present in both years (left out: Apr)".
    /// With one flow in the data: "Jan–Jul 2018 exports: $40.0 million, …; imports, turnover
    /// and balance not in the file".
    #[must_use]
    pub fn headline(&self) -> String {
        let change = match self.turnover_change {
            None => format!(" (no full {} to compare)", self.previous.label()),
            Some(c) if self.left_out.is_empty() => {
                format!(", {} on {}", format::pct_change(c), self.previous.label())
            }
            Some(c) => format!(
                ", {} on {} over the {} months present in both years (left out: {})",
                format::pct_change(c),
                self.previous.label(),
                self.range.len_months() - self.left_out.len(),
                months_list(&self.left_out)
            ),
        };
        format!(
            "{} {}: {}{}{}",
            self.range.label(),
            self.measure.label().to_lowercase(),
            self.value_text(&self.sums),
            change,
            self.missing_note()
        )
    }

    /// The strip's measure in some sums, as money; "not in the file" when unknown.
    fn value_text(&self, sums: &FlowSums) -> String {
        self.measure.value(sums).map_or_else(|| "not in the file".to_owned(), format::usd)
    }

    /// "; imports, turnover and balance not in the file", or nothing.
    fn missing_note(&self) -> String {
        self.missing_flow.map_or_else(String::new, |f| format!("; {f}, turnover and balance not in the file"))
    }

    /// "Jul 2018: $8.9 million, +19.1% on Jul 2017" (turnover); "Jul 2018 exports: …" when
    /// the data holds one flow only.
    #[must_use]
    pub fn latest_line(&self) -> String {
        let change = self.latest_change.map_or_else(String::new, |c| {
            format!(", {} on {}", format::pct_change(c), self.latest.year_earlier().label())
        });
        let what = if self.measure == Measure::Turnover {
            String::new()
        } else {
            format!(" {}", self.measure.label().to_lowercase())
        };
        format!("{}{what}: {}{}", self.latest.label(), self.value_text(&self.latest_sums), change)
    }

    /// "Jan–Jul 2018 balance: $42.6 million", or `None` when only turnover is known or a flow
    /// is not in the data.
    #[must_use]
    pub fn balance_line(&self) -> Option<String> {
        let b = self.sums.balance_usd()?;
        Some(format!("{} balance: {}", self.range.label(), format::usd(b)))
    }
}
