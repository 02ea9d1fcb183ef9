//! Tests of targets: the arithmetic by hand, the notes, the cache.

use std::collections::BTreeMap;

use super::*;
use crate::model::format;
use crate::model::period::MonthRange;
use crate::model::period::{YearMonth, months_list};
use crate::model::query::{Aggregate, FlowSums, MonthTotals, YearTotals};

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn assert_close(a: Option<f64>, b: f64) {
    let a = a.expect("a value");
    assert!(close(a, b), "{a} != {b}");
}

fn turnover(v: f64) -> FlowSums {
    FlowSums {
        exports_usd: v * 0.75,
        imports_usd: v * 0.25,
        turnover_only_usd: 0.0,
        has_split: true,
        ..FlowSums::default()
    }
}

/// An aggregate from (month, turnover) pairs plus annual (year, turnover) records, built the
/// way `query::aggregate` builds one.
fn agg(months: &[(YearMonth, f64)], annual: &[(i32, f64)]) -> Aggregate {
    let mut a = Aggregate::default();
    let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
    for &(m, v) in months {
        a.months.push(MonthTotals { period: m, sums: turnover(v) });
        let y = years.entry(m.year).or_insert(YearTotals {
            year: m.year,
            sums: FlowSums::default(),
            months: 0,
            from_annual: false,
        });
        y.sums.exports_usd += v * 0.75;
        y.sums.imports_usd += v * 0.25;
        y.sums.has_split = true;
        y.months += 1;
    }
    a.months.sort_by_key(|t| t.period);
    for &(year, v) in annual {
        years.entry(year).or_insert(YearTotals { year, sums: turnover(v), months: 12, from_annual: true });
    }
    a.years = years.into_values().collect();
    a
}

/// Twelve months of `year` with value `base + month` each.
fn year_of(year: i32, base: f64) -> Vec<(YearMonth, f64)> {
    (1..=12).map(|m| (ym(year, m), base + f64::from(m))).collect()
}

fn target(target_usd: f64, baseline: f64, year: i32, deadline: Option<i32>) -> Target {
    Target {
        target_usd,
        deadline_year: deadline,
        baseline: Baseline {
            year,
            value_usd: baseline,
            origin: BaselineOrigin::Reported { source: "test".into(), note: String::new() },
        },
        ..Target::default()
    }
}

#[test]
fn cagr_by_hand() {
    // (1000/690)^(1/3) − 1 = 0.131663…  (1.449275^(1/3) = 1.131663)
    assert_close(required_cagr(690e6, 1e9, 3), 0.131_662_616_953_135_4);
    // Doubling in one year is +100%; in two, √2 − 1.
    assert_close(required_cagr(1.0, 2.0, 1), 1.0);
    assert_close(required_cagr(1.0, 2.0, 2), std::f64::consts::SQRT_2 - 1.0);
    // Baseline equal to, or above, the target: no growth needed.
    assert_eq!(required_cagr(1e9, 1e9, 3), Some(0.0));
    assert_eq!(required_cagr(1.2e9, 1e9, 3), Some(0.0));
    // No time or nothing to grow from.
    assert_eq!(required_cagr(690e6, 1e9, 0), None);
    assert_eq!(required_cagr(690e6, 1e9, -1), None);
    assert_eq!(required_cagr(0.0, 1e9, 3), None);
    assert_eq!(required_cagr(690e6, 0.0, 3), None);
}

#[test]
fn projection_by_hand() {
    // 690 × 1.186² = 970.5 < 1000, 690 × 1.186³ = 1151.0 ≥ 1000: 2017 + 3.
    assert_eq!(project(690e6, 2017, 0.186, 1e9), Projection::Reached { year: 2020 });
    // Exactly the required rate reaches the target exactly at the deadline, not a year late.
    let r = required_cagr(690e6, 1e9, 3).unwrap();
    assert_eq!(project(690e6, 2017, r, 1e9), Projection::Reached { year: 2020 });
    // A tiny bit faster than needed for one year.
    assert_eq!(project(500.0, 2018, 1.0, 1000.0), Projection::Reached { year: 2019 });
    assert_eq!(project(500.0, 2018, 0.999, 1000.0), Projection::Reached { year: 2020 });
    // Already there.
    assert_eq!(project(1000.0, 2018, -0.5, 1000.0), Projection::Met { year: 2018 });
    // Zero or negative growth never gets there.
    assert_eq!(project(690.0, 2018, 0.0, 1000.0), Projection::NotReached);
    assert_eq!(project(690.0, 2018, -0.1, 1000.0), Projection::NotReached);
    // 1.001^n ≥ 1000/690 needs n = 372 years: beyond the horizon.
    assert_eq!(project(690.0, 2018, 0.001, 1000.0), Projection::NotReached);
    assert_eq!(project(f64::NAN, 2018, 0.1, 1000.0), Projection::Unknown);
    assert_eq!(Projection::Reached { year: 2020 }.year(), Some(2020));
    assert_eq!(Projection::NotReached.year(), None);
}

#[test]
fn last_full_year_gap_growth_and_projection() {
    // 2016: months 101..112 → 1278; 2017: 201..212 → 2478.
    let a = agg(&[year_of(2016, 100.0), year_of(2017, 200.0)].concat(), &[]);
    let t = target(5000.0, 2478.0, 2017, Some(2020));
    let s = evaluate(&t, &a, &[]);
    let c = s.current.clone().unwrap();
    assert_eq!(c.source, CurrentSource::Data(CurrentBasis::LastFullYear));
    assert_eq!((c.year, c.label.as_str()), (2017, "2017"));
    assert_close(s.current_usd(), 2478.0);
    assert_close(s.gap_usd, 2522.0);
    assert_close(s.gap_pct, 50.44);
    assert_close(s.progress_pct, 49.56);
    assert_eq!(s.level, Some(Band::Low));
    // 2478 / 1278 − 1 = 0.938967…
    assert_close(s.observed_growth, 2478.0 / 1278.0 - 1.0);
    // (5000/2478)^(1/3) − 1
    assert_close(s.required_cagr, (5000.0_f64 / 2478.0).powf(1.0 / 3.0) - 1.0);
    // 2478 × 1.939 = 4805 < 5000; × 1.939² = 9317: 2019.
    assert_eq!(s.projection, Projection::Reached { year: 2019 });
    assert_eq!(s.on_track(t.deadline_year), Some(true));
    assert!(!s.met());
}

#[test]
fn last_full_year_skips_the_year_in_progress() {
    // 2018 runs to July only: the last full year is 2017.
    let months: Vec<_> = [year_of(2017, 0.0), year_of(2018, 0.0)[..7].to_vec()].concat();
    let s = evaluate(&target(1000.0, 50.0, 2016, None), &agg(&months, &[]), &[]);
    assert_eq!(s.current.as_ref().unwrap().year, 2017);
    assert_close(s.current_usd(), 78.0);
    // 2016 is absent: no growth, no projection; no deadline: no required growth.
    assert_eq!(s.observed_growth, None);
    assert_eq!(s.projection, Projection::Unknown);
    assert_eq!(s.required_cagr, None);
    assert!(s.notes.iter().any(|n| n.contains("no data for 2016")), "{:?}", s.notes);
    assert!(s.notes.iter().any(|n| n.contains("no deadline")), "{:?}", s.notes);
}

#[test]
fn seed_year_to_date_growth_and_annualised_with_seasonality() {
    // Jan–Jul 2017 sums to 49.16 (so 58.3 / 49.16 − 1 = +18.6%), Aug–Dec 2017 to 40.84:
    // 2017 = 90. Jan–Jul 2018 sums to 58.3.
    let mut months = Vec::new();
    for m in 1..=7 {
        months.push((ym(2017, m), 49.16 / 7.0));
        months.push((ym(2018, m), 58.3 / 7.0));
    }
    for m in 8..=12 {
        months.push((ym(2017, m), 40.84 / 5.0));
    }
    let a = agg(&months, &[]);
    let mut t = target(120.0, 90.0, 2017, Some(2020));
    t.basis = CurrentBasis::YearToDate;
    let s = evaluate(&t, &a, &[]);
    let c = s.current.clone().unwrap();
    assert_eq!(c.label, "Jan–Jul 2018");
    assert_eq!(c.months, Some(MonthRange::new(ym(2018, 1), ym(2018, 7))));
    assert_close(s.current_usd(), 58.3);
    let g = s.observed_growth.unwrap();
    assert_eq!(format::pct_change(g), "+18.6%");
    assert_close(Some(g), 58.3 / 49.16 - 1.0);
    // Annualised: 58.3 × 90 / 49.16 = 106.733…
    let annual = 58.3 * 90.0 / 49.16;
    assert_close(c.annual_level_usd, annual);
    // Gap on the year to date itself.
    assert_close(s.gap_usd, 120.0 - 58.3);
    // Projection from the annualised level: 106.73 < 120; × 1.186 = 126.6: 2019.
    assert_eq!(s.projection, Projection::Reached { year: 2019 });

    t.basis = CurrentBasis::YtdAnnualised;
    let s = evaluate(&t, &a, &[]);
    let c = s.current.clone().unwrap();
    assert_eq!(c.label, "Jan–Jul 2018 annualised");
    assert_close(s.current_usd(), annual);
    assert_close(s.gap_usd, 120.0 - annual);
    assert_eq!(format::pct_change(s.observed_growth.unwrap()), "+18.6%");
    assert!(s.notes.iter().any(|n| n.contains("seasonality") && n.contains("54.6%")), "{:?}", s.notes);
}

#[test]
fn missing_months_in_the_current_year_compare_only_common_months() {
    // 2017: 10 every month (120). 2018: Jan 12, Feb missing, Mar 12, Apr 12.
    let mut months = year_of(2017, 0.0).into_iter().map(|(m, _)| (m, 10.0)).collect::<Vec<_>>();
    months.extend([(ym(2018, 1), 12.0), (ym(2018, 3), 12.0), (ym(2018, 4), 12.0)]);
    let a = agg(&months, &[]);
    let mut t = target(200.0, 120.0, 2017, Some(2019));
    t.basis = CurrentBasis::YearToDate;
    let s = evaluate(&t, &a, &[]);
    // The year to date leaves February out and says so.
    assert_close(s.current_usd(), 36.0);
    assert!(s.notes.iter().any(|n| n.contains("missing: Feb 2018")), "{:?}", s.notes);
    // Growth over Jan, Mar, Apr only: 36 / 30 − 1 = +20%, not 36 / 40 − 1 = −10%.
    assert_close(s.observed_growth, 0.2);
    assert!(s.notes.iter().any(|n| n.contains("only the 3 months present in both")), "{:?}", s.notes);
    // Annualised with seasonality over the same months: 36 × 120 / 30 = 144.
    t.basis = CurrentBasis::YtdAnnualised;
    let s = evaluate(&t, &a, &[]);
    assert_close(s.current_usd(), 144.0);
    // (200/120)^(1/2) − 1 = 0.290994…
    assert_close(s.required_cagr, (200.0_f64 / 120.0).sqrt() - 1.0);
    // 144 × 1.2 = 172.8, × 1.44 = 207.4: 2020, after the 2019 deadline.
    assert_eq!(s.projection, Projection::Reached { year: 2020 });
    assert_eq!(s.on_track(t.deadline_year), Some(false));
}

#[test]
fn missing_month_in_a_full_year_is_left_out_and_noted() {
    let mut months = year_of(2017, 0.0);
    let mut y2018 = year_of(2018, 10.0);
    y2018.remove(1); // no February 2018
    months.extend(y2018);
    let s = evaluate(&target(1000.0, 78.0, 2017, None), &agg(&months, &[]), &[]);
    let c = s.current.clone().unwrap();
    assert_eq!((c.year, c.label.as_str()), (2018, "2018 (11 months)"));
    // 2018 without February: (78 + 120) − 12 = 186.
    assert_close(s.current_usd(), 186.0);
    // Growth over the 11 common months: 186 / (78 − 2) − 1.
    assert_close(s.observed_growth, 186.0 / 76.0 - 1.0);
    assert!(s.notes.iter().any(|n| n.contains("missing: Feb 2018")), "{:?}", s.notes);
}

#[test]
fn rolling_twelve_months() {
    // Aug 2016–Jul 2017 at 1 a month, Aug 2017–Jul 2018 at 1.5 a month.
    let mut months = Vec::new();
    for i in 0..24 {
        let m = YearMonth::from_index(ym(2016, 8).index() + i);
        months.push((m, if i < 12 { 1.0 } else { 1.5 }));
    }
    let mut t = target(30.0, 12.0, 2017, Some(2020));
    t.basis = CurrentBasis::Rolling12;
    let s = evaluate(&t, &agg(&months, &[]), &[]);
    let c = s.current.clone().unwrap();
    assert_eq!(c.label, "Aug 2017–Jul 2018");
    assert_eq!(c.year, 2018);
    assert_close(s.current_usd(), 18.0);
    assert_close(s.observed_growth, 0.5);
    // 18 × 1.5 = 27 < 30, × 2.25 = 40.5: 2020.
    assert_eq!(s.projection, Projection::Reached { year: 2020 });
}

#[test]
fn target_already_met() {
    let a = agg(&[year_of(2017, 100.0), year_of(2018, 90.0)].concat(), &[]);
    // 2018 = 1158 against a target of 1000, even though growth is negative.
    let t = target(1000.0, 1278.0, 2017, Some(2020));
    let s = evaluate(&t, &a, &[]);
    assert!(s.met());
    assert_close(s.gap_usd, -158.0);
    assert_close(s.gap_pct, -15.8);
    assert_eq!(s.level, Some(Band::High));
    assert!(s.observed_growth.unwrap() < 0.0);
    assert_eq!(s.projection, Projection::Met { year: 2018 });
    assert_eq!(s.on_track(t.deadline_year), Some(true));
    // The baseline was above the target already: no growth needed.
    assert_eq!(s.required_cagr, Some(0.0));
}

#[test]
fn baseline_equal_to_target() {
    let t = target(690e6, 690e6, 2017, Some(2020));
    let s = evaluate(&t, &Aggregate::default(), &[]);
    assert_eq!(s.required_cagr, Some(0.0));
    assert_close(s.gap_usd, 0.0);
    assert!(s.met());
    assert_eq!(s.projection, Projection::Met { year: 2017 });
}

#[test]
fn zero_and_negative_growth_never_reach() {
    let flat = agg(&[year_of(2017, 0.0), year_of(2018, 0.0)].concat(), &[]);
    let s = evaluate(&target(1000.0, 78.0, 2017, Some(2020)), &flat, &[]);
    assert_close(s.observed_growth, 0.0);
    assert_eq!(s.projection, Projection::NotReached);
    assert_eq!(s.on_track(Some(2020)), Some(false));
    assert!(s.notes.iter().any(|n| n.contains("not reached at this rate")));
    let falling = agg(&[year_of(2017, 10.0), year_of(2018, 0.0)].concat(), &[]);
    let s = evaluate(&target(1000.0, 78.0, 2017, Some(2020)), &falling, &[]);
    assert!(s.observed_growth.unwrap() < 0.0);
    assert_eq!(s.projection, Projection::NotReached);
    assert_eq!(s.projection.year(), None);
}

#[test]
fn default_target_without_data_uses_the_reported_baseline() {
    let t = Target::belarus_kazakhstan_1bn();
    assert!(t.validate().is_empty(), "{:?}", t.validate());
    let s = evaluate(&t, &Aggregate::default(), &[]);
    let c = s.current.clone().unwrap();
    assert_eq!(c.source, CurrentSource::Baseline);
    assert_eq!(c.label, "2017, reported");
    assert_close(s.current_usd(), 690e6);
    assert_close(s.gap_usd, 310e6);
    assert_close(s.gap_pct, 31.0);
    assert_eq!(s.level, Some(Band::Low));
    // No deadline in the article, so no required growth; no data, so no growth.
    assert_eq!(s.required_cagr, None);
    assert_eq!(s.observed_growth, None);
    assert_eq!(s.projection, Projection::Unknown);
    assert_eq!(s.on_track(None), None);
    // With a deadline: (1000/690)^(1/3) − 1.
    let with_deadline = Target { deadline_year: Some(2020), ..t };
    assert_close(evaluate(&with_deadline, &Aggregate::default(), &[]).required_cagr, 0.131_662_616_953_135_4);
}

#[test]
fn computed_baseline_and_annual_records() {
    // 2017 from an annual record, 2018 monthly and complete.
    let a = agg(&year_of(2018, 0.0), &[(2017, 60.0)]);
    let t = Target {
        target_usd: 100.0,
        deadline_year: Some(2019),
        baseline: Baseline { year: 2017, value_usd: 0.0, origin: BaselineOrigin::Computed },
        ..Target::default()
    };
    let s = evaluate(&t, &a, &[]);
    assert_close(s.baseline_usd, 60.0);
    assert_close(s.required_cagr, (100.0_f64 / 60.0).sqrt() - 1.0);
    assert_close(s.current_usd(), 78.0);
    assert_close(s.observed_growth, 0.3);
    // 78 × 1.3 = 101.4: 2019.
    assert_eq!(s.projection, Projection::Reached { year: 2019 });
    // The year to date annualises linearly when the year before has no months.
    let ytd = Target { basis: CurrentBasis::YtdAnnualised, ..t.clone() };
    let a = agg(&year_of(2018, 0.0)[..6], &[(2017, 60.0)]);
    let s = evaluate(&ytd, &a, &[]);
    // Jan–Jun 2018 = 21, × 12/6 = 42.
    assert_close(s.current_usd(), 42.0);
    assert!(s.notes.iter().any(|n| n.contains("ignoring seasonality")), "{:?}", s.notes);
    // A computed baseline for a year the data lacks.
    let missing = Target { baseline: Baseline { year: 2015, ..t.baseline.clone() }, ..t };
    let s = evaluate(&missing, &a, &[]);
    assert_eq!(s.baseline_usd, None);
    assert_eq!(s.required_cagr, None);
}

#[test]
fn exports_measure_ignores_turnover_only_months() {
    let mut a = agg(&year_of(2017, 0.0), &[]);
    a.months.push(MonthTotals {
        period: ym(2018, 1),
        sums: FlowSums { turnover_only_usd: 5.0, ..FlowSums::default() },
    });
    let t = Target { measure: TargetMeasure::Exports, ..target(100.0, 10.0, 2016, None) };
    let s = evaluate(&t, &a, &[]);
    // January 2018 has no exports figure; 2017 exports are 78 × 0.75.
    assert_eq!(s.current.clone().unwrap().year, 2017);
    assert_close(s.current_usd(), 58.5);
}

#[test]
fn validation_messages() {
    let ok = target(1e9, 690e6, 2017, Some(2020));
    assert!(ok.validate().is_empty());
    let bad = Target { name: " ".into(), target_usd: -1.0, deadline_year: Some(2017), ..ok.clone() };
    let errors = bad.validate();
    assert_eq!(
        errors,
        vec![
            TargetError::EmptyName,
            TargetError::TargetNotPositive,
            TargetError::DeadlineNotAfterBaseline { deadline: 2017, baseline_year: 2017 }
        ]
    );
    assert_eq!(errors[2].to_string(), "The deadline (2017) must come after the baseline year (2017).");
    let zero = Target { baseline: Baseline { value_usd: 0.0, ..ok.baseline.clone() }, ..ok.clone() };
    assert_eq!(zero.validate(), vec![TargetError::BaselineNotPositive]);
    // A computed baseline needs no value.
    let computed = Target { baseline: Baseline::default(), ..ok.clone() };
    assert!(computed.validate().is_empty());
    let nan = Target { target_usd: f64::NAN, ..ok.clone() };
    assert_eq!(nan.validate(), vec![TargetError::TargetNotPositive]);
    let far = Target { deadline_year: Some(3000), ..ok.clone() };
    assert_eq!(far.validate()[0].to_string(), "The deadline 3000 is outside 1900–2200.");
    let thresholds = Target { thresholds: Thresholds { amber_from_pct: 95.0, green_from_pct: 90.0 }, ..ok };
    assert!(matches!(thresholds.validate()[..], [TargetError::Thresholds { .. }]));
}

#[test]
fn scope_maps_to_a_selection() {
    let t = Target { reporter: " Brest Oblast ".into(), commodity: "03".into(), ..Target::default() };
    let sel = t.selection();
    assert_eq!(sel.reporter.as_deref(), Some("Brest Oblast"));
    assert_eq!(sel.partner, None);
    assert_eq!(sel.commodity.as_deref(), Some("03"));
    assert_eq!(sel.range, None);
    assert_eq!(t.scope_label(), "Brest Oblast – all partners, HS 03");
    assert_eq!(Target::belarus_kazakhstan_1bn().scope_label(), "Belarus – Kazakhstan");
}

#[test]
fn thresholds_and_months_list() {
    let th = Thresholds::default();
    assert_eq!(th.level(69.0), Band::Low);
    assert_eq!(th.level(70.0), Band::Medium);
    assert_eq!(th.level(90.0), Band::High);
    let ms = [ym(2018, 2), ym(2018, 3), ym(2018, 11), ym(2018, 12), ym(2019, 1)];
    assert_eq!(months_list(&ms), "Feb–Mar 2018, Nov 2018–Jan 2019");
}

#[test]
fn round_trips_through_ron_and_old_files_fill_defaults() {
    let t = Target::belarus_kazakhstan_1bn();
    let text = ron::to_string(&t).unwrap();
    assert_eq!(ron::from_str::<Target>(&text).unwrap(), t);
    let partial: Target = ron::from_str("(name: \"Old\", target_usd: 5.0)").unwrap();
    assert_eq!(partial.name, "Old");
    assert_eq!(partial.basis, CurrentBasis::LastFullYear);
    assert_eq!(partial.thresholds, Thresholds::default());
}

#[test]
fn figure_rows_read_like_the_gauge() {
    let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
    let s = evaluate(&t, &Aggregate::default(), &[]);
    let rows = figure_rows(&t, &s);
    let row = |label: &str| rows.iter().find(|(l, _)| *l == label).unwrap().1.clone();
    assert_eq!(row("Current"), "$690 million (2017, reported)");
    assert_eq!(row("Target"), "$1 billion by 2020");
    assert_eq!(row("Gap"), "$310 million (31.0%)");
    assert_eq!(row("Growth needed"), "+13.2% a year, 2017–2020");
    assert_eq!(row("Target reached"), "unknown: no growth rate");
    assert_eq!(row("Baseline"), "$690 million in 2017, reported");
    let no_deadline = Target::belarus_kazakhstan_1bn();
    let rows = figure_rows(&no_deadline, &evaluate(&no_deadline, &Aggregate::default(), &[]));
    assert_eq!(rows[1].1, "$1 billion, no deadline set");
    assert_eq!(rows[3].1, "set a deadline");
}

#[test]
fn cache_recomputes_only_what_changed() {
    use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
    // A turnover-only row: an export row alone would leave turnover unknown (no imports held).
    let data: Dataset = [Record {
        period: Period::Month(ym(2018, 1)),
        reporter: Party { code: "BLR".into(), name: "Belarus".into() },
        partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
        flow: Flow::Turnover,
        commodity: Commodity { code: "TOTAL".into(), name: String::new() },
        value_usd: 5.0,
    }]
    .into_iter()
    .collect();
    let ytd = Target { basis: CurrentBasis::YearToDate, ..target(10.0, 1.0, 2017, None) };
    let mut targets = vec![Target::belarus_kazakhstan_1bn(), ytd];
    let mut cache = TargetCache::default();
    assert_eq!(cache.statuses(&data, 1, &targets, &[]).len(), 2);
    let _ = cache.statuses(&data, 1, &targets, &[]);
    assert_eq!((cache.evaluations(), cache.aggregations()), (2, 2));
    // A new value re-evaluates that target but keeps its aggregate (same scope).
    targets[1].target_usd = 20.0;
    let s = cache.statuses(&data, 1, &targets, &[]);
    assert_close(s[1].gap_usd, 15.0);
    assert_eq!((cache.evaluations(), cache.aggregations()), (3, 2));
    // A new scope aggregates again; a new revision redoes both.
    targets[1].partner = "KAZ".into();
    let _ = cache.statuses(&data, 1, &targets, &[]);
    assert_eq!((cache.evaluations(), cache.aggregations()), (4, 3));
    let _ = cache.statuses(&data, 2, &targets, &[]);
    assert_eq!((cache.evaluations(), cache.aggregations()), (6, 5));
    targets.pop();
    assert_eq!(cache.statuses(&data, 2, &targets, &[]).len(), 1);
}

#[test]
fn parses_amounts_as_analysts_type_them() {
    for (text, value) in [
        ("1 billion", 1e9),
        ("1bn", 1e9),
        ("$1.2 bn", 1.2e9),
        ("$690 million", 690e6),
        ("690M", 690e6),
        ("58.3m", 58.3e6),
        ("4.5k", 4500.0),
        ("1,000,000,000", 1e9),
        ("1e9", 1e9),
        (" 250 ", 250.0),
        ("-5", -5.0),
    ] {
        assert_eq!(parse_usd(text), Some(value), "{text}");
    }
    for bad in ["", "abc", "1 trillion", "1..2", "$", "1 bn bn"] {
        assert_eq!(parse_usd(bad), None, "{bad}");
    }
}

#[test]
fn an_annualised_year_to_date_above_the_target_is_on_course_not_met() {
    // 2017: 10 a month (120). Jan–Jun 2018: 12 a month (72), annualised 144.
    let mut months: Vec<_> = (1..=12).map(|m| (ym(2017, m), 10.0)).collect();
    months.extend((1..=6).map(|m| (ym(2018, m), 12.0)));
    let a = agg(&months, &[]);
    let mut t = target(130.0, 120.0, 2017, Some(2019));
    t.basis = CurrentBasis::YearToDate;
    let s = evaluate(&t, &a, &[]);
    assert_close(s.current_usd(), 72.0);
    assert!(!s.met());
    assert_eq!(s.projection, Projection::Reached { year: 2018 });
    t.basis = CurrentBasis::YtdAnnualised;
    let s = evaluate(&t, &a, &[]);
    assert_close(s.current_usd(), 144.0);
    assert_eq!(s.projection, Projection::Reached { year: 2018 });
    // Without last year's months the linear estimate, and no growth, still says 2018.
    let a = agg(&months[12..], &[(2017, 120.0)]);
    let s = evaluate(&t, &a, &[]);
    assert_close(s.current_usd(), 144.0);
    assert_eq!(s.observed_growth, None);
    assert_eq!(s.projection, Projection::Reached { year: 2018 });
}

#[test]
fn required_path_for_the_current_year() {
    // 2017 turnover 690 (reported), 2018 800 from the data; $1000 by 2020 needs +13.17% a
    // year, so 2018 should be at 690 × 1.131663 = 780.85: 800 is ahead.
    let a = agg(&(1..=12).map(|m| (ym(2018, m), 800.0 / 12.0)).collect::<Vec<_>>(), &[]);
    let t = target(1000.0, 690.0, 2017, Some(2020));
    let s = evaluate(&t, &a, &[]);
    assert_close(s.current_usd(), 800.0);
    assert_close(s.required_path_usd, 690.0 * (1000.0_f64 / 690.0).powf(1.0 / 3.0));
    let rows = figure_rows(&t, &s);
    let path = rows.iter().find(|(l, _)| *l == "Required path").unwrap();
    assert_eq!(path.1, "$781 for 2018: ahead");
    // A tighter deadline: 690 × (1000/690)^(1/2) = 830.66 for 2018, behind by 30.66.
    let t = target(1000.0, 690.0, 2017, Some(2019));
    let s = evaluate(&t, &a, &[]);
    assert_close(s.required_path_usd, (690.0_f64 * 1000.0).sqrt());
    let rows = figure_rows(&t, &s);
    assert_eq!(rows.iter().find(|(l, _)| *l == "Required path").unwrap().1, "$831 for 2018: behind by $31");
    // Deadline passed: the path is the target. No deadline, or no later year: no path.
    assert_close(evaluate(&target(1000.0, 690.0, 2016, Some(2018)), &a, &[]).required_path_usd, 1000.0);
    assert_eq!(evaluate(&target(1000.0, 690.0, 2017, None), &a, &[]).required_path_usd, None);
    assert_eq!(evaluate(&target(1000.0, 690.0, 2018, Some(2020)), &a, &[]).required_path_usd, None);
    // A baseline above the target: the path is the target, not the baseline.
    assert_close(evaluate(&target(500.0, 690.0, 2017, Some(2020)), &a, &[]).required_path_usd, 500.0);
}
