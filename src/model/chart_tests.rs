//! Tests of the chart's numbers: growth maths, the view table and the KPI strip, on the
//! default workspace's sample months.

use super::chart::{ChartView, Measure};
use super::format;
use super::growth::{change, month_value, rolling12, yoy, ytd, ytd_yoy};
use super::kpi::Kpi;
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowSums, MonthTotals, YearTotals};
use super::table::{Part, Role, RowKey, ViewTable};

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

fn sums(e: f64, i: f64) -> FlowSums {
    FlowSums {
        exports_usd: e,
        imports_usd: i,
        turnover_only_usd: 0.0,
        has_split: true,
        ..FlowSums::default()
    }
}

/// The default workspace's sample months (thousands of dollars), Jan 2017 – Jul 2018.
fn seed() -> Aggregate {
    let rows: [(i32, u8, f64, f64); 19] = [
        (2017, 1, 4895.0, 719.0),
        (2017, 2, 5330.0, 860.0),
        (2017, 3, 6277.0, 1065.0),
        (2017, 4, 6248.0, 950.0),
        (2017, 5, 6643.0, 915.0),
        (2017, 6, 6731.0, 1042.0),
        (2017, 7, 6422.0, 1063.0),
        (2017, 8, 6376.0, 953.0),
        (2017, 9, 6523.0, 940.0),
        (2017, 10, 6606.0, 1057.0),
        (2017, 11, 6253.0, 943.0),
        (2017, 12, 7129.0, 1000.0),
        (2018, 1, 5810.0, 853.0),
        (2018, 2, 6454.0, 1042.0),
        (2018, 3, 7334.0, 1244.0),
        (2018, 4, 7374.0, 1121.0),
        (2018, 5, 7907.0, 1088.0),
        (2018, 6, 7933.0, 1228.0),
        (2018, 7, 7646.0, 1266.0),
    ];
    let months: Vec<MonthTotals> = rows
        .iter()
        .map(|&(y, m, e, i)| MonthTotals { period: ym(y, m), sums: sums(e * 1000.0, i * 1000.0) })
        .collect();
    let year = |y: i32, n: u8, s: FlowSums| YearTotals { year: y, sums: s, months: n, from_annual: false };
    let mut y17 = FlowSums::default();
    let mut y18 = FlowSums::default();
    for t in &months {
        if t.period.year == 2017 {
            y17.merge(&t.sums);
        } else {
            y18.merge(&t.sums);
        }
    }
    Aggregate { years: vec![year(2017, 12, y17), year(2018, 7, y18)], months, ..Aggregate::default() }
}

#[test]
fn seed_year_to_date_is_58_3_million_up_18_6_percent() {
    let a = seed();
    let jul = ym(2018, 7);
    assert_eq!(ytd(&a, jul).unwrap().turnover_usd(), Some(58_300_000.0));
    assert_eq!(ytd(&a, ym(2017, 7)).unwrap().turnover_usd(), Some(49_160_000.0));
    let c = ytd_yoy(&a, jul, Measure::Turnover).unwrap();
    assert_eq!(format::pct_change(c), "+18.6%");
    assert!((c - (58_300.0 / 49_160.0 - 1.0)).abs() < 1e-12);
    let k = Kpi::year_to_date(&a, None).unwrap();
    assert_eq!(k.headline(), "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017");
    // Jul 2018: 7,646 + 1,266 = 8,912 against 6,422 + 1,063 = 7,485 thousand: +19.06%.
    assert_eq!(k.latest_line(), "Jul 2018: $8.9 million, +19.1% on Jul 2017");
    // Balance: exports 50,458 − imports 7,842 thousand.
    assert_eq!(k.balance_line().unwrap(), "Jan–Jul 2018 balance: $42.6 million");
}

#[test]
fn year_on_year_by_hand() {
    let a = seed();
    // Exports Feb 2018 6,454 against Feb 2017 5,330: +21.09%.
    let c = yoy(&a, ym(2018, 2), Measure::Exports).unwrap();
    assert!((c - (6454.0 / 5330.0 - 1.0)).abs() < 1e-12);
    // 2017 has no year before it in the data.
    assert_eq!(yoy(&a, ym(2017, 5), Measure::Exports), None);
    // Balance Jan 2018 4,957 against 4,176 thousand.
    let b = yoy(&a, ym(2018, 1), Measure::Balance).unwrap();
    assert!((b - (4957.0 / 4176.0 - 1.0)).abs() < 1e-12);
    // A deficit that shrinks is a rise.
    assert_eq!(change(-50.0, -100.0), Some(0.5));
    assert_eq!(change(1.0, 0.0), None);
}

#[test]
fn rolling_twelve_months_by_hand() {
    let a = seed();
    // Dec 2017: the whole of 2017 = 49,160 + Aug–Dec 37,780 thousand.
    assert_eq!(rolling12(&a, ym(2017, 12)).unwrap().turnover_usd(), Some(86_940_000.0));
    // Jul 2018: Aug 2017 – Jul 2018 = 37,780 + 58,300 thousand.
    assert_eq!(rolling12(&a, ym(2018, 7)).unwrap().turnover_usd(), Some(96_080_000.0));
    // Nov 2017 needs Dec 2016: not in the data.
    assert_eq!(rolling12(&a, ym(2017, 11)), None);
    let t = ViewTable::build(&a, ChartView::Rolling, &[Measure::Turnover], None);
    assert_eq!(t.rows.iter().filter(|r| r.values[0].is_some()).count(), 8, "Dec 2017 – Jul 2018");
    assert_eq!(t.rows.last().unwrap().label, "Aug 2017–Jul 2018");
}

#[test]
fn missing_months_are_gaps_not_zeros() {
    let mut a = seed();
    // Drop March 2018.
    a.months.retain(|t| t.period != ym(2018, 3));
    assert_eq!(month_value(&a, ym(2018, 3), Measure::Exports), None);
    assert_eq!(yoy(&a, ym(2018, 3), Measure::Exports), None);
    // Year to date needs every month from January: Feb is fine, Mar..Jul are gaps.
    assert_eq!(ytd(&a, ym(2018, 2)).unwrap().exports_usd, 12_264_000.0);
    for m in 3..=7 {
        assert_eq!(ytd(&a, ym(2018, m)), None, "month {m}");
        assert_eq!(ytd_yoy(&a, ym(2018, m), Measure::Turnover), None);
    }
    assert_eq!(rolling12(&a, ym(2018, 7)), None);
    // The monthly table has no row for March, and the YTD table shows gaps, not zeros.
    let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports], None);
    assert!(t.rows.iter().all(|r| r.key != RowKey::Month(ym(2018, 3))));
    let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Turnover], None);
    let jul = t.rows.iter().find(|r| r.key == RowKey::Month(ym(2018, 7))).unwrap();
    assert_eq!(jul.values, vec![None, Some(49_160_000.0)]);
    // A month a year earlier missing: the KPI compares the months present in both years
    // (the one year-on-year policy, shared with the gauges) and names the month left out:
    // 58,300 − Apr 8,495 against 49,160 − Apr 7,198 thousand.
    let mut b = seed();
    b.months.retain(|t| t.period != ym(2017, 4));
    let k = Kpi::year_to_date(&b, None).unwrap();
    assert!((k.turnover_change.unwrap() - (49_805.0 / 41_962.0 - 1.0)).abs() < 1e-12);
    assert_eq!(
        k.headline(),
        "Jan–Jul 2018 turnover: $58.3 million, +18.7% on Jan–Jul 2017 over the 6 months present in both \
         years (left out: Apr 2018)"
    );
    // No month a year earlier at all: nothing to compare.
    b.months.retain(|t| t.period.year != 2017);
    let k = Kpi::year_to_date(&b, None).unwrap();
    assert_eq!(k.turnover_change, None);
    assert!(k.headline().ends_with("(no full Jan–Jul 2017 to compare)"), "{}", k.headline());
}

#[test]
fn views_build_the_columns_they_draw() {
    let a = seed();
    let range = Some(MonthRange::new(ym(2018, 1), ym(2018, 7)));
    let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Turnover], range);
    assert_eq!(t.columns.len(), 2);
    assert_eq!(t.columns[1].name, "Turnover YTD a year earlier");
    assert_eq!(t.rows.len(), 7);
    let last = t.rows.last().unwrap();
    assert_eq!(last.label, "Jan–Jul 2018");
    assert_eq!(last.values, vec![Some(58_300_000.0), Some(49_160_000.0)]);
    let t = ViewTable::build(&a, ChartView::Yoy, &[Measure::Turnover], range);
    let c = t.rows.last().unwrap().values[1].unwrap();
    assert_eq!(t.columns[1].format(Some(c)), "+18.6%");
    let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports, Measure::Imports], None);
    assert_eq!(t.rows.len(), 19);
    assert_eq!(t.rows[18].values, vec![Some(7_646_000.0), Some(1_266_000.0)]);
    assert_eq!(t.columns[0].format(t.rows[18].values[0]), "7,646,000");
}

#[test]
fn annual_view_uses_annual_records_and_never_spreads_them() {
    let mut a = seed();
    // An annual record for 2016 (Comtrade freqCode A) and no months in 2016.
    a.years.insert(0, YearTotals { year: 2016, sums: sums(95.5e6, 508.6e6), months: 12, from_annual: true });
    let t = ViewTable::build(&a, ChartView::Annual, &[Measure::Turnover], None);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[0].label, "2016 (annual record)");
    assert_eq!(t.rows[0].values[0], Some(604_100_000.0));
    assert_eq!(t.rows[1].label, "2017");
    assert_eq!(t.rows[1].values[0], Some(86_940_000.0));
    // 2017 against 2016: both whole years.
    let c = t.rows[1].values[1].unwrap();
    assert!((c - (86_940_000.0 / 604_100_000.0 - 1.0)).abs() < 1e-12);
    // 2018 has seven months: labelled so, and not compared with a whole year.
    assert_eq!(t.rows[2].label, "2018 (Jan–Jul, 7 months)");
    assert_eq!(t.rows[2].values, vec![Some(58_300_000.0), None]);
    // Annual records never make months.
    let m = ViewTable::build(&a, ChartView::Monthly, &[Measure::Turnover], None);
    assert!(m.rows.iter().all(|r| matches!(r.key, RowKey::Month(x) if x.year >= 2017)));
}

#[test]
fn csv_holds_exactly_the_table_numbers() {
    let a = seed();
    let t = ViewTable::build(&a, ChartView::Yoy, &[Measure::Turnover], None);
    let bytes = t.to_csv().unwrap();
    let mut r = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, ["period", "label", "Turnover YoY (%)", "Turnover YTD YoY (%)"]);
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), t.rows.len());
    // 2017 has nothing to compare with: empty cells.
    assert_eq!(&records[0][2], "");
    let jul = &records[18];
    assert_eq!(&jul[0], "2018-07");
    let pct: f64 = jul[3].parse().unwrap();
    assert_eq!(pct, t.rows[18].values[1].unwrap() * 100.0);
    assert_eq!(format!("{pct:.1}"), "18.6");
}

#[test]
fn mirror_statistics_put_each_side_beside_the_other_with_the_gap() {
    let a = seed();
    // The partner reports 10% more imports than the reporter's exports, and no July.
    let mut mirror = seed();
    mirror.months.retain(|t| t.period != ym(2018, 7));
    for t in &mut mirror.months {
        t.sums = sums(t.sums.imports_usd, t.sums.exports_usd * 1.1);
    }
    let part = |label: &str, agg, measure, role| Part {
        label: label.into(),
        aggregate: agg,
        measure,
        role,
        group: None,
    };
    let parts = [
        part("Brest Oblast exports", &a, Measure::Exports, Role::Current),
        part("Kazakhstan imports", &mirror, Measure::Imports, Role::Mirror),
    ];
    let gaps = [(0, 1, "Gap".to_owned())];
    let t = ViewTable::build_parts(&parts, ChartView::Monthly, None, &gaps);
    assert!(t.parts);
    assert_eq!(
        t.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Brest Oblast exports", "Kazakhstan imports", "Gap"]
    );
    let jun = t.rows.iter().find(|r| r.key == RowKey::Month(ym(2018, 6))).unwrap();
    assert_eq!(jun.values[0], Some(7_933_000.0));
    assert!((jun.values[1].unwrap() - 8_726_300.0).abs() < 1e-6);
    assert!((jun.values[2].unwrap() - 793_300.0).abs() < 1e-6);
    // July: only the reporter's side; the gap is a gap.
    let jul = t.rows.last().unwrap();
    assert_eq!(jul.values, vec![Some(7_646_000.0), None, None]);
    // Year on year: changes, and no gap column (a gap of two changes means nothing).
    let t = ViewTable::build_parts(&parts, ChartView::Yoy, None, &gaps);
    assert_eq!(t.columns.len(), 2);
    // Annual: 2017 whole on both sides, 2018 part years.
    let t = ViewTable::build_parts(&parts, ChartView::Annual, None, &gaps);
    assert_eq!(
        t.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
        ["2017", "2018 (Jan–Jul, 7 months)"]
    );
}

#[test]
fn views_parse_from_the_command_line() {
    for v in ChartView::ALL {
        assert_eq!(ChartView::parse(v.cli_name()), Some(v));
    }
    assert_eq!(ChartView::parse("YTD"), Some(ChartView::Ytd));
    assert_eq!(ChartView::parse("weekly"), None);
}

#[test]
fn a_missing_month_this_year_is_left_out_of_both_years() {
    // March 2018 missing: the year to date is compared like for like, on the six months present
    // in both years (58,300 − 8,578 against 49,160 − 7,342 thousand: +18.9%), not as six months
    // against seven (+1.1%, a fall in growth that is only a missing month).
    let mut a = seed();
    a.months.retain(|t| t.period != ym(2018, 3));
    let k = Kpi::year_to_date(&a, None).unwrap();
    assert!((k.turnover_change.unwrap() - (49_722.0 / 41_818.0 - 1.0)).abs() < 1e-12);
    assert_eq!(k.left_out, vec![ym(2018, 3)]);
    assert_eq!(
        k.headline(),
        "Jan–Jul 2018 turnover: $49.7 million, +18.9% on Jan–Jul 2017 over the 6 months present in both \
         years (left out: Mar 2018)"
    );
}

#[test]
fn kpi_strip_and_target_gauge_share_one_year_on_year_policy() {
    use super::target::{CurrentBasis, Target, TargetMeasure, evaluate};
    let ytd_target =
        Target { measure: TargetMeasure::Turnover, basis: CurrentBasis::YearToDate, ..Target::default() };
    let mut gaps = seed();
    gaps.months.retain(|t| t.period != ym(2018, 3) && t.period != ym(2017, 6));
    for a in [seed(), gaps] {
        let kpi = Kpi::year_to_date(&a, None).unwrap();
        let gauge = evaluate(&ytd_target, &a, &[]);
        assert!(kpi.turnover_change.is_some());
        assert_eq!(kpi.turnover_change, gauge.observed_growth, "{}", kpi.headline());
    }
}

#[test]
fn table_titles_say_in_english_what_the_names_say_and_are_translated() {
    use crate::i18n::Lang;
    let mut a = seed();
    a.years.insert(0, YearTotals { year: 2016, sums: sums(95.5e6, 508.6e6), months: 12, from_annual: true });
    let all = [Measure::Exports, Measure::Imports, Measure::Turnover, Measure::Balance];
    for view in ChartView::ALL {
        let t = ViewTable::build(&a, view, &all, None);
        for (i, c) in t.columns.iter().enumerate() {
            assert_eq!(t.column_title(Lang::En, i), c.name, "{view:?}");
        }
        for (i, r) in t.rows.iter().enumerate() {
            assert_eq!(t.row_title(Lang::En, i), r.label, "{view:?}");
        }
        assert_eq!(t.to_csv_in(Lang::En).unwrap(), t.to_csv().unwrap());
    }
    let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Exports], None);
    assert_eq!(t.column_title(Lang::Ru, 0), "Экспорт с начала года");
    assert_eq!(t.row_title(Lang::Ru, t.rows.len() - 1), "январь–июль 2018");
    let t = ViewTable::build(&a, ChartView::Annual, &[Measure::Turnover], None);
    assert_eq!(t.row_title(Lang::Ru, 2), "2018 (янв.–июль, 7 месяцев)");
    let csv = String::from_utf8(t.to_csv_in(Lang::Ru).unwrap()).unwrap();
    assert!(csv.starts_with("period,Период,Товарооборот (долл. США)"), "{csv}");
    assert!(csv.contains("\n2017,2017,86940000,"), "numbers stay machine-readable: {csv}");
}
