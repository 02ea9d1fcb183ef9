//! Breakdowns worked out by hand on a small table with TOTAL, chapters, headings and
//! subheadings, World beside its countries, and a month missing a year earlier.

use super::*;
use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Selection;

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth { year: y, month: m }
}

fn rec(y: i32, mo: u8, partner: &str, cmd: &str, v: f64) -> Record {
    let partner = match partner {
        "World" => Party { code: "0".into(), name: "World".into() },
        "RUS" => Party { code: "RUS".into(), name: "Russian Federation".into() },
        _ => Party { code: "KAZ".into(), name: "Kazakhstan".into() },
    };
    Record {
        period: Period::Month(ym(y, mo)),
        reporter: Party { code: "BLR".into(), name: "Belarus".into() },
        partner,
        flow: Flow::Export,
        commodity: Commodity { code: cmd.into(), name: String::new() },
        value_usd: v,
    }
}

/// January 2019 and January 2018 to Kazakhstan: TOTAL, chapters 04 and 27, headings of 04
/// (not adding up to 04), a subheading beside its heading; Russia with chapter 27 only; World
/// with TOTAL and 04 in January 2019; February 2019 with no February 2018.
fn data() -> Dataset {
    [
        rec(2019, 1, "KAZ", "TOTAL", 1000.0),
        rec(2019, 1, "KAZ", "04", 600.0),
        rec(2019, 1, "KAZ", "0401", 200.0),
        rec(2019, 1, "KAZ", "0402", 350.0),
        rec(2019, 1, "KAZ", "040210", 100.0),
        rec(2019, 1, "KAZ", "27", 300.0),
        rec(2018, 1, "KAZ", "TOTAL", 800.0),
        rec(2018, 1, "KAZ", "04", 400.0),
        rec(2018, 1, "KAZ", "0401", 100.0),
        rec(2018, 1, "KAZ", "0402", 300.0),
        rec(2018, 1, "KAZ", "27", 400.0),
        rec(2019, 1, "RUS", "27", 200.0),
        rec(2019, 1, "World", "TOTAL", 1500.0),
        rec(2019, 1, "World", "04", 900.0),
        rec(2019, 2, "KAZ", "TOTAL", 10.0),
    ]
    .into_iter()
    .collect()
}

fn jan_2019() -> PeriodChoice {
    PeriodChoice::Months(MonthRange { start: ym(2019, 1), end: ym(2019, 1) })
}

fn req(by: By, level: Level, partner: Option<&str>, commodity: Option<&str>) -> Request {
    Request {
        by,
        level,
        flow: Flow::Export,
        period: jan_2019(),
        top: 0,
        products: Vec::new(),
        selection: Selection {
            reporter: Some("BLR".into()),
            partner: partner.map(Into::into),
            commodity: commodity.map(Into::into),
            ..Selection::default()
        },
    }
}

fn codes(b: &Breakdown) -> Vec<(&str, f64, Option<f64>)> {
    b.items.iter().map(|i| (i.code.as_str(), i.value, i.previous)).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn chapters_for_one_partner_with_shares_changes_and_contributions() {
    let b = breakdown(&data(), &req(By::Commodity, Level::Digits(2), Some("KAZ"), None), NameLang::En);
    assert_eq!(codes(&b), [("04", 600.0, Some(400.0)), ("27", 300.0, Some(400.0))]);
    assert_eq!((b.total, b.previous_total), (1000.0, Some(800.0)));
    let (dairy, fuel) = (&b.items[0], &b.items[1]);
    assert!(dairy.name.starts_with("Dairy produce"), "{}", dairy.name);
    assert!(
        close(dairy.share_pct, 60.0) && close(dairy.change_pct, 50.0) && close(dairy.contribution_pp, 25.0)
    );
    assert!(
        close(fuel.share_pct, 30.0) && close(fuel.change_pct, -25.0) && close(fuel.contribution_pp, -12.5)
    );
    // TOTAL above its chapters: 100 not broken down now, none a year earlier.
    assert_eq!((b.other.figures.value, b.other.not_broken_down, b.other.items), (100.0, 100.0, 0));
    assert!(close(b.other.figures.contribution_pp, 12.5));
    assert!(close(b.change_pct(), 25.0));
}

#[test]
fn headings_of_a_chapter_never_add_the_subheading_beside_its_heading() {
    let b = breakdown(&data(), &req(By::Commodity, Level::Digits(4), Some("KAZ"), Some("04")), NameLang::En);
    // 0402 is 350 (its subheading 040210 is part of it), not 450.
    assert_eq!(codes(&b), [("0402", 350.0, Some(300.0)), ("0401", 200.0, Some(100.0))]);
    assert_eq!((b.total, b.previous_total), (600.0, Some(400.0)));
    assert_eq!(b.other.not_broken_down, 50.0);
    assert!(close(b.items[0].contribution_pp, 12.5) && close(b.items[1].contribution_pp, 25.0));
    let six =
        breakdown(&data(), &req(By::Commodity, Level::Digits(6), Some("KAZ"), Some("04")), NameLang::En);
    assert_eq!(codes(&six), [("040210", 100.0, Some(0.0))]);
    assert_eq!(six.other.not_broken_down, 500.0);
}

#[test]
fn world_is_used_per_item_where_the_file_has_it() {
    let b = breakdown(&data(), &req(By::Commodity, Level::Digits(2), None, None), NameLang::Ru);
    // 04 from World (900, not 600); 27 has no World row: Kazakhstan 300 + Russia 200.
    assert_eq!(codes(&b).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [("04", 900.0), ("27", 500.0)]);
    assert_eq!(b.total, 1500.0);
    assert_eq!(b.other.figures.value, 100.0);
    assert!(b.items[0].name.starts_with("Молочная"), "{}", b.items[0].name);
}

#[test]
fn partner_ranking_never_lists_world_and_keeps_the_top() {
    let mut r = req(By::Partner, Level::Digits(2), Some("KAZ"), None);
    let b = breakdown(&data(), &r, NameLang::En);
    assert_eq!(codes(&b).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [("KAZ", 1000.0), ("RUS", 200.0)]);
    assert_eq!((b.total, b.other.not_broken_down), (1500.0, 300.0));
    r.top = 1;
    let top = breakdown(&data(), &r, NameLang::En);
    assert_eq!(top.items.len(), 1);
    assert_eq!((top.other.figures.value, top.other.items), (500.0, 1));
    assert!(close(top.items[0].share_pct, 1000.0 / 15.0));
}

#[test]
fn a_month_missing_a_year_earlier_means_no_comparison() {
    let mut r = req(By::Commodity, Level::Digits(2), Some("KAZ"), None);
    r.period = PeriodChoice::Months(MonthRange { start: ym(2019, 1), end: ym(2019, 2) });
    let b = breakdown(&data(), &r, NameLang::En);
    assert_eq!(b.total, 1010.0);
    assert_eq!(b.previous_total, None);
    assert_eq!(b.missing_year_earlier, [ym(2019, 2)]);
    assert!(b.items.iter().all(|i| i.previous.is_none() && i.contribution_pp.is_none()));
    assert!(close(b.items[0].share_pct, 600.0 / 10.1));
}

#[test]
fn sections_group_chapters() {
    let b = breakdown(&data(), &req(By::Commodity, Level::Section, Some("KAZ"), None), NameLang::En);
    assert_eq!(codes(&b), [("I", 600.0, Some(400.0)), ("V", 300.0, Some(400.0))]);
    assert_eq!(b.items[1].name, "Mineral products");
}

#[test]
fn items_and_other_add_up_to_the_total_to_the_cent() {
    // Values with cents whose binary sums drift.
    let d: Dataset = (0..300)
        .map(|i| rec(2019, 1, "KAZ", &format!("{:02}{:02}", 1 + i % 97, i % 7), 0.1 + f64::from(i) * 1.07))
        .chain(
            (0..300)
                .map(|i| rec(2018, 1, "KAZ", &format!("{:02}{:02}", 1 + i % 97, i % 7), 0.7 + f64::from(i))),
        )
        .collect();
    for level in [Level::Section, Level::Digits(2), Level::Digits(4)] {
        for top in [0, 3, 10] {
            let mut r = req(By::Commodity, level, Some("KAZ"), None);
            r.top = top;
            let b = breakdown(&d, &r, NameLang::En);
            let cents = |v: f64| (v * 100.0).round() as i64;
            let sum: i64 = b.items.iter().map(|i| cents(i.value)).sum::<i64>() + cents(b.other.figures.value);
            assert_eq!(sum, cents(b.total), "{level:?} top {top}");
            let before: i64 = b.items.iter().filter_map(|i| i.previous).map(cents).sum::<i64>()
                + b.other.figures.previous.map_or(0, cents);
            assert_eq!(Some(before), b.previous_total.map(cents));
        }
    }
}

#[test]
fn drilling_goes_section_chapter_heading_subheading() {
    assert_eq!(Level::Section.finer(), Some(Level::Digits(2)));
    assert_eq!(Level::Digits(2).finer(), Some(Level::Digits(4)));
    assert_eq!(Level::Digits(4).finer(), Some(Level::Digits(6)));
    assert_eq!(Level::Digits(6).finer(), None);
    assert_eq!(Level::parse("section"), Some(Level::Section));
    assert_eq!(Level::parse("3"), None);
}

#[test]
fn csv_lists_items_other_and_total() {
    let b = breakdown(&data(), &req(By::Commodity, Level::Digits(2), Some("KAZ"), None), NameLang::En);
    let text = String::from_utf8(b.csv().unwrap()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "code,name,value_usd,share_pct,previous_usd,change_pct,contribution_pp,period_from,period_to"
    );
    assert_eq!(
        lines[1],
        "04,Dairy produce; birds' eggs; natural honey,600.00,60,400.00,50,25,2019-01,2019-01"
    );
    assert_eq!(lines[3], ",other,100.00,10,0.00,,12.5,2019-01,2019-01");
    assert_eq!(lines[4], ",total,1000.00,100,800.00,25,25,2019-01,2019-01");
}

#[test]
fn large_data_split_over_two_threads_gives_the_same_breakdown() {
    // Over the parallel threshold: January 2019's 0402 sits in the first half, its subheading
    // in the second; the level rule must still hold across the halves.
    let mut rows: Vec<Record> =
        (0..(1 << 20) + 10).map(|i| rec(2019, 1, "RUS", &format!("{}", 10 + i % 80), 1.0)).collect();
    rows.insert(0, rec(2019, 1, "KAZ", "0402", 350.0));
    rows.push(rec(2019, 1, "KAZ", "040210", 100.0));
    let d: Dataset = rows.into_iter().collect();
    let b = breakdown(&d, &req(By::Commodity, Level::Digits(4), Some("KAZ"), Some("04")), NameLang::En);
    assert_eq!(codes(&b).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [("0402", 350.0)]);
    let p = breakdown(&d, &req(By::Partner, Level::Digits(2), None, Some("04")), NameLang::En);
    assert_eq!(p.items.iter().map(|i| (i.code.as_str(), i.value)).collect::<Vec<_>>(), [("KAZ", 350.0)]);
    let all = breakdown(&d, &req(By::Commodity, Level::Digits(2), Some("RUS"), None), NameLang::En);
    assert_eq!(all.total, f64::from((1 << 20) + 10));
}

#[test]
fn a_visits_products_are_broken_down_together_never_twice() {
    let mut r = req(By::Commodity, Level::Digits(4), Some("KAZ"), None);
    r.products = vec!["27".into(), "04".into(), "0402".into()];
    assert_eq!(r.products(), ["04", "27"]);
    let b = breakdown(&data(), &r, NameLang::En);
    // 04 (600) and 27 (300); headings of 04 listed, 27 and 04 above its headings not broken down.
    assert_eq!((b.total, b.previous_total), (900.0, Some(800.0)));
    assert_eq!(codes(&b).iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), [("0402", 350.0), ("0401", 200.0)]);
    assert_eq!(b.other.not_broken_down, 350.0);
    r.level = Level::Digits(2);
    let chapters = breakdown(&data(), &r, NameLang::En);
    assert_eq!(codes(&chapters), [("04", 600.0, Some(400.0)), ("27", 300.0, Some(400.0))]);
}

/// Quantities follow the values' rules: chapter 04 is the 04 row's net weight (not its
/// headings' added), a chapter with a row without quantity is unknown, a partner's quantity is
/// its most aggregate rows'; the CSV gains the measure's columns.
#[test]
fn quantities_follow_the_level_rules_and_reach_the_csv() {
    use crate::model::dataset::RowQuantity;
    let mut d = data();
    let kg = |kg: f64| RowQuantity { kg, count: 0.0, unit: "" };
    d.set_quantity(1, &kg(200.0)); // 04, Jan 2019
    d.set_quantity(2, &kg(50.0)); // 0401 under it: not added at level 2
    d.set_quantity(7, &kg(100.0)); // 04, Jan 2018
    d.set_quantity(11, &kg(10.0)); // Russia's 27
    let b = breakdown(&d, &req(By::Commodity, Level::Digits(2), Some("KAZ"), None), NameLang::En);
    let c04 = b.items.iter().find(|i| i.code == "04").unwrap();
    let m = &c04.measure;
    assert_eq!((m.unit.as_deref(), m.quantity, m.previous_quantity), (Some("kg"), Some(200.0), Some(100.0)));
    assert_eq!((m.unit_value, m.previous_unit_value), (Some(3.0), Some(4.0)));
    // (200 − 100) × 4 = 400; (3 − 4) × 200 = −200; together 600 − 400.
    assert_eq!((m.volume_effect, m.price_effect), (Some(400.0), Some(-200.0)));
    let c27 = b.items.iter().find(|i| i.code == "27").unwrap();
    assert_eq!(c27.measure, Measure::default(), "no quantity on 27's rows");
    let csv = String::from_utf8(b.csv().unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(
        "period_to,unit,quantity,unit_value_usd,previous_quantity,previous_unit_value_usd,price_effect_usd,volume_effect_usd"
    ));
    assert!(
        lines.iter().any(|l| l.starts_with("04,") && l.ends_with(",kg,200,3,100,4,-200.00,400.00")),
        "{csv}"
    );

    let p = breakdown(&d, &req(By::Partner, Level::Digits(2), None, Some("27")), NameLang::En);
    let rus = p.items.iter().find(|i| i.code == "RUS").unwrap();
    assert_eq!((rus.measure.quantity, rus.measure.unit_value), (Some(10.0), Some(20.0)));
    assert_eq!(rus.measure.volume_effect, None, "not traded a year earlier: no price then");
}
