//! Groups: the table shipped, and a group's figure by hand (World, aggregates, duplicates and
//! the reporter left out).

use super::builtin::{TABLE, parse, unread_lines};
use super::*;
use crate::model::breakdown::{By, Level, NameLang, PeriodChoice, Request, breakdown};
use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use crate::model::period::YearMonth;
use crate::model::query::{Selection, aggregate};

fn party(code: &str, name: &str) -> Party {
    Party { code: code.into(), name: name.into() }
}

fn rec(reporter: &Party, partner: Party, cmd: &str, v: f64) -> Record {
    Record {
        period: Period::Month(YearMonth::new(2019, 1).unwrap()),
        reporter: reporter.clone(),
        partner,
        flow: Flow::Export,
        commodity: Commodity { code: cmd.into(), name: String::new() },
        value_usd: v,
    }
}

/// Belarus's exports in Jan 2019: World 1,000; Russia 500; Kazakhstan 100; Armenia 10;
/// an aggregate row "EAEU" 610; Germany 50; and Belarus itself listed as a partner (a
/// re-import line, 7) to show the reporter left out.
fn data() -> Dataset {
    let blr = party("BLR", "Belarus");
    let mut d = Dataset::default();
    for (p, v) in [
        (party("0", "World"), 1000.0),
        (party("RUS", "Russian Federation"), 500.0),
        (party("", "Казахстан"), 100.0),
        (party("ARM", "Armenia"), 10.0),
        (party("EAEU", "EAEU"), 610.0),
        (party("DEU", "Germany"), 50.0),
        (party("BLR", "Belarus"), 7.0),
    ] {
        d.push(rec(&blr, p, "TOTAL", v));
    }
    d
}

fn jan_exports(d: &Dataset, sel: &Selection) -> f64 {
    aggregate(d, sel).months[0].sums.exports().unwrap()
}

#[test]
fn the_shipped_table_reads_whole() {
    assert!(unread_lines(TABLE).is_empty(), "{:?}", unread_lines(TABLE));
    let groups = parse(TABLE);
    let count = |id: &str| groups.iter().find(|g| g.id == id).map(|g| g.distinct_members().len());
    assert_eq!((count("EAEU"), count("CIS"), count("EU27")), (Some(5), Some(9), Some(27)));
    for g in &groups {
        assert_eq!(g.names.len(), 3, "{}", g.id);
        assert!(!g.as_of.is_empty() && g.builtin);
        for m in &g.members {
            assert!(m.code.len() == 3 && m.code.bytes().all(|b| b.is_ascii_uppercase()), "{m:?}");
            assert!(m.names.len() >= 3, "{m:?}: English, Russian and Kazakh names");
        }
    }
    assert_eq!(builtin_groups().len(), 3);
}

#[test]
fn a_group_sums_its_members_never_world_an_aggregate_or_the_reporter() {
    let d = data();
    let sel = |partner: &str| Selection {
        reporter: Some("BLR".into()),
        partner: Some(partner.into()),
        ..Selection::default()
    };
    // Russia 500 + Kazakhstan (by its Russian name) 100 + Armenia 10; not World, not the
    // "EAEU" row, not Belarus itself.
    assert!((jan_exports(&d, &sel("group:EAEU")) - 610.0).abs() < 1e-9);
    assert!((jan_exports(&d, &sel("group:ЕАЭС")) - 610.0).abs() < 1e-9);
    // Plain "EAEU" is the file's own partner of that name: the data wins.
    assert!((jan_exports(&d, &sel("EAEU")) - 610.0).abs() < 1e-9);
    let c = coverage(d.partners(), d.reporters(), Some("group:EAEU"), Some("BLR"), &[], 0).unwrap();
    assert_eq!((c.group.as_str(), c.members, c.present.len()), ("EAEU", 4, 3));
    assert_eq!(c.missing, vec!["Kyrgyzstan".to_owned()]);
    assert_eq!(c.reporter_left_out.as_deref(), Some("Belarus"));
    // EU-27: Germany only.
    assert!((jan_exports(&d, &sel("EU-27")) - 50.0).abs() < 1e-9);
    let c = coverage(d.partners(), d.reporters(), Some("EU-27"), Some("BLR"), &[], 1).unwrap();
    assert_eq!((c.group.as_str(), c.members, c.present.len()), ("ЕС-27", 27, 1));
}

#[test]
fn a_user_group_counts_a_member_once() {
    let d = data();
    let ru = Member { code: "RUS".into(), names: vec!["Russia".into()] };
    let group = PartnerGroup::user(
        "Neighbours",
        vec![
            ru.clone(),
            Member::of_party(&party("RUS", "Russian Federation")),
            ru,
            Member::of_party(&party("DEU", "Germany")),
        ],
    );
    assert_eq!(group.distinct_members().len(), 2);
    let sel = Selection { partner: Some(group.key()), groups: vec![group], ..Selection::default() };
    assert!((jan_exports(&d, &sel) - 550.0).abs() < 1e-9);
    // Without the workspace's groups the name means nothing: no partner, no figure.
    let bare = Selection { groups: Vec::new(), ..sel };
    assert!(aggregate(&d, &bare).months.is_empty());
}

#[test]
fn a_breakdown_for_a_group_partner_sums_the_members() {
    let blr = party("BLR", "Belarus");
    let mut d = Dataset::default();
    for (p, cmd, v) in [
        (party("RUS", "Russian Federation"), "03", 300.0),
        (party("RUS", "Russian Federation"), "04", 200.0),
        (party("KAZ", "Kazakhstan"), "04", 100.0),
        (party("0", "World"), "04", 1_000.0),
        (party("DEU", "Germany"), "04", 40.0),
    ] {
        d.push(rec(&blr, p, cmd, v));
    }
    let req = Request {
        by: By::Commodity,
        level: Level::Digits(2),
        flow: Flow::Export,
        period: PeriodChoice::Months(crate::model::period::MonthRange::new(
            YearMonth::new(2019, 1).unwrap(),
            YearMonth::new(2019, 1).unwrap(),
        )),
        top: 0,
        products: Vec::new(),
        selection: Selection { partner: Some("group:EAEU".into()), ..Selection::default() },
    };
    let b = breakdown(&d, &req, NameLang::En);
    assert!((b.total - 600.0).abs() < 1e-9);
    let item = |code: &str| b.items.iter().find(|i| i.code == code).map(|i| i.value);
    assert_eq!((item("03"), item("04")), (Some(300.0), Some(300.0)));
}

#[test]
fn display_names() {
    assert_eq!(display_name("group:EU27", 2), "ЕО-27");
    assert_eq!(display_name("group:Nordics", 0), "Nordics");
    assert_eq!(display_name("KAZ", 0), "KAZ");
}
