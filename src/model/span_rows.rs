//! The chart's numbers for periods longer than a month: the Quarterly view's rows, and the
//! figures published as cumulative spans beside the year-to-date sums computed from months.
//! A published figure is shown as published, at its span's last month; a figure is never
//! spread over months. Published growth is shown beside the computed one, and
//! [`differs`] says when the two disagree by more than 0.1 percentage point (revisions,
//! another source).

use super::chart::Measure;
use super::growth::{change, complete_sum, ytd};
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowSums, SpanTotals};
use super::table::{Column, Role, Row, RowKey, Unit};

/// Where a quarter's figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuarterSource {
    /// A quarter in the data as published.
    Published,
    /// The difference of two cumulative figures.
    Derived,
    /// The sum of its three months.
    Months,
}

/// The calendar quarter `q` (1–4) of `year`.
#[must_use]
pub fn quarter(year: i32, q: u8) -> Option<MonthRange> {
    Some(MonthRange::new(YearMonth::new(year, q * 3 - 2)?, YearMonth::new(year, q * 3)?))
}

/// The span of exactly these months in the aggregate, published or derived.
#[must_use]
pub fn span_of(a: &Aggregate, range: MonthRange) -> Option<&SpanTotals> {
    a.spans.iter().find(|s| s.range == range)
}

/// A quarter's sums: the quarter itself where the data has it, else the sum of its three
/// months when all three are there.
#[must_use]
pub fn quarter_figure(a: &Aggregate, q: MonthRange) -> Option<(FlowSums, QuarterSource)> {
    if let Some(s) = span_of(a, q) {
        let source = if s.derived { QuarterSource::Derived } else { QuarterSource::Published };
        return Some((s.sums, source));
    }
    complete_sum(a, q).map(|s| (s, QuarterSource::Months))
}

/// The quarters that have a figure, within `range` (all when `None`), in order.
#[must_use]
pub fn quarters(a: &Aggregate, range: Option<MonthRange>) -> Vec<MonthRange> {
    let mut years: Vec<i32> =
        a.months.iter().map(|m| m.period.year).chain(a.spans.iter().map(|s| s.range.end.year)).collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .flat_map(|y| (1..=4).filter_map(move |q| quarter(y, q)))
        .filter(|q| range.is_none_or(|r| r.contains(q.start) && r.contains(q.end)))
        .filter(|q| quarter_figure(a, *q).is_some())
        .collect()
}

/// The cumulative figure January–`m` as published (not derived), if the data has one.
#[must_use]
pub fn published_ytd(a: &Aggregate, m: YearMonth) -> Option<&SpanTotals> {
    a.spans.iter().find(|s| !s.derived && s.range.is_cumulative() && s.range.end == m)
}

/// The published growth of a span for a measure, as a fraction (0.186 for +18.6%).
#[must_use]
pub fn published_change(s: &SpanTotals, measure: Measure) -> Option<f64> {
    let pct = match measure {
        Measure::Exports => s.published.exports,
        Measure::Imports => s.published.imports,
        Measure::Turnover => s.published.turnover,
        Measure::Balance => None,
    }?;
    Some(pct / 100.0)
}

/// Whether a published change and the computed one differ by more than 0.1 percentage point.
#[must_use]
pub fn differs(published: f64, computed: f64) -> bool {
    (published - computed).abs() > 0.001 + 1e-12
}

/// Whether the aggregate has figures longer than a month (the views then add their columns).
#[must_use]
pub fn has_spans(a: &Aggregate) -> bool {
    !a.spans.is_empty()
}

/// The Quarterly view's columns for a measure: the quarter, its change on the same quarter a
/// year earlier computed from the figures, and the change published with it.
pub(super) fn quarterly_columns(m: Measure, columns: &mut Vec<Column>) {
    let name = m.label();
    let col = |name: String, unit, role| Column { name, measure: m, unit, role, group: None };
    columns.push(col(name.to_owned(), Unit::Usd, Role::Current));
    columns.push(col(format!("{name} YoY"), Unit::Change, Role::Cumulative));
    columns.push(col(format!("{name} YoY published"), Unit::Change, Role::Published));
}

/// The Quarterly view's rows, keyed by each quarter's last month.
pub(super) fn quarterly_rows(a: &Aggregate, columns: &[Column], range: Option<MonthRange>) -> Vec<Row> {
    quarters(a, range)
        .into_iter()
        .filter_map(|q| {
            let (sums, source) = quarter_figure(a, q)?;
            let earlier = MonthRange::new(q.start.year_earlier(), q.end.year_earlier());
            let before = quarter_figure(a, earlier).map(|f| f.0);
            let values = columns
                .iter()
                .map(|c| match c.role {
                    Role::Cumulative => change(c.measure.value(&sums)?, c.measure.value(&before?)?),
                    Role::Published => published_change(span_of(a, q).filter(|s| !s.derived)?, c.measure),
                    _ => c.measure.value(&sums),
                })
                .collect();
            let label = match source {
                QuarterSource::Derived => {
                    format!("Q{} {}{}", q.end.month / 3, q.end.year, super::table::DERIVED)
                }
                _ => format!("Q{} {}", q.end.month / 3, q.end.year),
            };
            Some(Row { key: RowKey::Month(q.end), label, values, turnover_usd: sums.turnover_usd() })
        })
        .collect()
}

/// The year-to-date view's extra columns for a measure when the data has published
/// cumulative figures: the figure as published, the change computed on a year earlier, and
/// the change published with it.
pub(super) fn ytd_published_columns(m: Measure, columns: &mut Vec<Column>) {
    let name = m.label();
    let col = |name: String, unit, role| Column { name, measure: m, unit, role, group: None };
    columns.push(col(format!("{name} YTD published"), Unit::Usd, Role::Published));
    columns.push(col(format!("{name} YTD YoY"), Unit::Change, Role::Cumulative));
    columns.push(col(format!("{name} YTD YoY published"), Unit::Change, Role::Published));
}

/// January–`m` as published, else as computed from every month.
fn ytd_figure(a: &Aggregate, m: YearMonth) -> Option<FlowSums> {
    published_ytd(a, m).map(|s| s.sums).or_else(|| ytd(a, m))
}

/// A value of the year-to-date view's published columns in row `m`.
pub(super) fn ytd_published_value(a: &Aggregate, m: YearMonth, c: &Column) -> Option<f64> {
    match (c.role, c.unit) {
        (Role::Published, Unit::Usd) => c.measure.value(&published_ytd(a, m)?.sums),
        (Role::Published, Unit::Change) => published_change(published_ytd(a, m)?, c.measure),
        (Role::Cumulative, _) => {
            change(c.measure.value(&ytd_figure(a, m)?)?, c.measure.value(&ytd_figure(a, m.year_earlier())?)?)
        }
        _ => None,
    }
}

/// The months the year-to-date view has rows for: months with data and the last months of
/// published cumulative figures, within `range`.
pub(super) fn ytd_months(a: &Aggregate, range: Option<MonthRange>) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = a.months_in(range).iter().map(|t| t.period).collect();
    months.extend(
        a.spans
            .iter()
            .filter(|s| !s.derived && s.range.is_cumulative())
            .map(|s| s.range.end)
            .filter(|m| range.is_none_or(|r| r.contains(*m))),
    );
    months.sort_unstable();
    months.dedup();
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::ChartView;
    use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
    use crate::model::query::{Selection, aggregate};
    use crate::model::table::ViewTable;

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn rec(period: Period, flow: Flow, v: f64) -> Record {
        Record {
            period,
            reporter: Party { code: "BRS".into(), name: "Brest Oblast".into() },
            partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
            flow,
            commodity: Commodity { code: "TOTAL".into(), name: String::new() },
            value_usd: v,
        }
    }

    fn span(y: i32, a: u8, b: u8) -> Period {
        Period::from_range(MonthRange::new(ym(y, a), ym(y, b)))
    }

    /// Exports: Jan–Jul 2017 50, Jan–Jun 2018 48, Jan–Jul 2018 58.3 published at 118.6%
    /// (computed: 58.3 / 50 = +16.6%, so the two differ); Q1 2017 20 and Q1 2018 25 with
    /// +25.0% published (computed the same).
    fn data() -> Dataset {
        let mut d: Dataset = [
            rec(span(2017, 1, 7), Flow::Export, 50.0),
            rec(span(2018, 1, 6), Flow::Export, 48.0),
            rec(span(2018, 1, 7), Flow::Export, 58.3),
            rec(span(2017, 1, 3), Flow::Export, 20.0),
            rec(span(2018, 1, 3), Flow::Export, 25.0),
        ]
        .into_iter()
        .collect();
        d.set_published_change(2, 18.6);
        d.set_published_change(4, 25.0);
        d
    }

    #[test]
    fn the_ytd_view_shows_published_cumulative_figures_at_their_last_month() {
        let a = aggregate(&data(), &Selection::default());
        let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Exports], None);
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Exports YTD",
                "Exports YTD a year earlier",
                "Exports YTD published",
                "Exports YTD YoY",
                "Exports YTD YoY published"
            ]
        );
        let jul = t.rows.iter().position(|r| r.key == RowKey::Month(ym(2018, 7))).unwrap();
        let row = &t.rows[jul];
        assert_eq!(row.label, "Jan–Jul 2018");
        // No months: the computed YTD is a gap; the published one is there.
        assert_eq!((row.values[0], row.values[2]), (None, Some(58.3)));
        assert!((row.values[3].unwrap() - 0.166).abs() < 1e-9);
        assert!((row.values[4].unwrap() - 0.186).abs() < 1e-9);
        assert!(t.published_differs(jul, 4));
        // The July derived from Jan–Jun and Jan–Jul is a month, not a YTD row of its own.
        assert!(a.month_derived(ym(2018, 7)));
    }

    #[test]
    fn the_quarterly_view_shows_quarters_with_their_published_growth() {
        let a = aggregate(&data(), &Selection::default());
        let t = ViewTable::build(&a, ChartView::Quarterly, &[Measure::Exports], None);
        let rows: Vec<(&str, Option<f64>)> = t.rows.iter().map(|r| (r.label.as_str(), r.values[0])).collect();
        // Q2 2018 derived: Jan–Jun − Jan–Mar = 23.
        assert_eq!(
            rows,
            [("Q1 2017", Some(20.0)), ("Q1 2018", Some(25.0)), ("Q2 2018 (derived)", Some(23.0))]
        );
        assert!(t.rows[2].is_derived());
        let q1 = &t.rows[1];
        assert_eq!((q1.values[1], q1.values[2]), (Some(0.25), Some(0.25)));
        assert!(!t.published_differs(1, 2));
        assert_eq!(t.rows[2].values[2], None);
    }

    #[test]
    fn the_kpi_quotes_a_published_year_to_date_not_the_derived_month_alone() {
        let a = aggregate(&data(), &Selection::default());
        let k = crate::model::kpi::Kpi::year_to_date(&a, None).unwrap();
        // The only month is July, derived (58.3 − 48): the strip quotes Jan–Jul as published.
        assert_eq!((k.range.label(), k.sums.exports_usd), ("Jan–Jul 2018".to_owned(), 58.3));
        assert!((k.turnover_change.unwrap() - 0.186).abs() < 1e-9);
    }

    #[test]
    fn differs_is_more_than_a_tenth_of_a_point() {
        assert!(!differs(0.186, 0.185));
        assert!(differs(0.186, 0.1849));
    }
}
