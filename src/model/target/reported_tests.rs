//! Tests of a target's current value from reported figures: which figure, its growth, pins.

use super::*;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Aggregate, FlowSums, YearTotals};
use crate::model::reported::{ReportedFigure, Statistics};

fn span(y0: i32, m0: u8, y1: i32, m1: u8) -> Option<MonthRange> {
    Some(MonthRange::new(YearMonth::new(y0, m0).unwrap(), YearMonth::new(y1, m1).unwrap()))
}

fn figure(id: u32, s: Option<MonthRange>, value: f64, change: Option<f64>) -> ReportedFigure {
    ReportedFigure {
        id,
        span: s,
        reporter: "Belarus".into(),
        partner: "Kazakhstan".into(),
        value_usd: value,
        change,
        statistics: Statistics::Reporter,
        source: format!("source {id}"),
        ..ReportedFigure::default()
    }
}

fn by_kz() -> Target {
    Target::belarus_kazakhstan_1bn()
}

/// The reported figures of the seed: 2017 from both sides, 2018, Jan–Oct 2018, Jan–Jun 2019.
fn seed_like() -> Vec<ReportedFigure> {
    vec![
        figure(1, span(2017, 1, 2017, 12), 690e6, None),
        ReportedFigure {
            statistics: Statistics::Partner,
            ..figure(2, span(2017, 1, 2017, 12), 604.1e6, None)
        },
        figure(3, span(2018, 1, 2018, 12), 896e6, Some(0.30)),
        figure(4, span(2018, 1, 2018, 10), 700e6, None),
        figure(5, span(2019, 1, 2019, 6), 481.7e6, Some(0.118)),
    ]
}

/// Annual data for the scope: `(year, turnover)`.
fn annual(years: &[(i32, f64)]) -> Aggregate {
    let mut a = Aggregate::default();
    for &(year, v) in years {
        let sums = FlowSums { exports_usd: v, has_split: true, ..FlowSums::default() };
        a.years.push(YearTotals { year, sums, months: 12, from_annual: true });
    }
    a
}

#[test]
fn the_latest_calendar_year_reported_is_current_for_last_full_year() {
    let s = evaluate(&by_kz(), &Aggregate::default(), &seed_like());
    let c = s.current.as_ref().unwrap();
    assert_eq!((c.value_usd, c.year, c.source), (896e6, 2018, CurrentSource::Reported));
    assert_eq!(c.reported.as_ref().map(|r| r.id), Some(3));
    assert!((s.progress_pct.unwrap() - 89.6).abs() < 1e-9);
    assert_eq!(s.observed_growth, Some(0.30));
    // 896 × 1.3 = 1,164.8 ≥ 1,000.
    assert_eq!(s.projection, Projection::Reached { year: 2019 });
    let rows = figure_rows(&by_kz(), &s);
    assert_eq!(rows[0].1, "$896 million (2018, reported: source 3; statistics of Belarus)");
}

#[test]
fn a_year_to_date_basis_takes_the_latest_span_from_january() {
    let t = Target { basis: CurrentBasis::YearToDate, ..by_kz() };
    let s = evaluate(&t, &Aggregate::default(), &seed_like());
    let c = s.current.as_ref().unwrap();
    assert_eq!((c.value_usd, c.label.as_str()), (481.7e6, "Jan–Jun 2019, reported"));
    assert_eq!(c.annual_level_usd, Some(481.7e6 * 2.0));
    let t = Target { basis: CurrentBasis::YtdAnnualised, ..by_kz() };
    let s = evaluate(&t, &Aggregate::default(), &seed_like());
    assert_eq!(s.current_usd(), Some(963.4e6));
}

#[test]
fn growth_without_a_published_rate_comes_from_the_same_side_a_year_earlier() {
    let figures = vec![
        figure(1, span(2017, 1, 2017, 12), 690e6, None),
        ReportedFigure {
            statistics: Statistics::Partner,
            ..figure(2, span(2017, 1, 2017, 12), 604.1e6, None)
        },
        ReportedFigure { statistics: Statistics::Partner, ..figure(3, span(2018, 1, 2018, 12), 700e6, None) },
    ];
    let s = evaluate(&by_kz(), &Aggregate::default(), &figures);
    let g = s.observed_growth.unwrap();
    assert!((g - (700.0 / 604.1 - 1.0)).abs() < 1e-12, "{g}");
}

#[test]
fn data_wins_a_tie_and_a_pin_overrides_either_way() {
    let data = annual(&[(2017, 650e6), (2018, 880e6)]);
    let s = evaluate(&by_kz(), &data, &seed_like());
    let c = s.current.as_ref().unwrap();
    assert_eq!((c.value_usd, c.source), (880e6, CurrentSource::Data(CurrentBasis::LastFullYear)));
    assert!(s.notes.iter().any(|n| n.contains("is not later than the data's")), "{:?}", s.notes);
    let pinned = Target { pin: CurrentPin::Reported(3), ..by_kz() };
    assert_eq!(evaluate(&pinned, &data, &seed_like()).current_usd(), Some(896e6));
    // Newer reported figures lose to the data when the data is pinned.
    let only_2017 = annual(&[(2017, 650e6)]);
    let data_pin = Target { pin: CurrentPin::Data, ..by_kz() };
    assert_eq!(evaluate(&data_pin, &only_2017, &seed_like()).current_usd(), Some(650e6));
    assert_eq!(evaluate(&by_kz(), &only_2017, &seed_like()).current_usd(), Some(896e6));
    // A pinned figure since deleted: the latest is used, and the notes say so.
    let gone = Target { pin: CurrentPin::Reported(99), ..by_kz() };
    let s = evaluate(&gone, &only_2017, &seed_like());
    assert_eq!(s.current_usd(), Some(896e6));
    assert!(s.notes.iter().any(|n| n.contains("no longer exists")));
}

#[test]
fn figures_of_other_pairs_measures_or_unknown_spans_are_not_used() {
    let figures = vec![
        ReportedFigure { partner: "Russia".into(), ..figure(1, span(2018, 1, 2018, 12), 5e9, None) },
        ReportedFigure {
            measure: TargetMeasure::Exports,
            ..figure(2, span(2018, 1, 2018, 12), 783.7e6, None)
        },
        figure(3, None, 2e9, None),
        ReportedFigure { derived_from_growth: true, ..figure(4, span(2018, 1, 2018, 12), 800e6, None) },
    ];
    let s = evaluate(&by_kz(), &Aggregate::default(), &figures);
    assert_eq!(s.current.as_ref().map(|c| c.source), Some(CurrentSource::Baseline));
    // Swapped pair: turnover is the same both ways round.
    let swapped = Target { reporter: "Kazakhstan".into(), partner: "Belarus".into(), ..by_kz() };
    assert_eq!(evaluate(&swapped, &Aggregate::default(), &seed_like()).current_usd(), Some(896e6));
}
