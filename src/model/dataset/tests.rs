//! Tests of the trade table.

use super::*;

fn rec(m: u8, flow: Flow, v: f64) -> Record {
    Record {
        period: Period::Month(YearMonth::new(2018, m).unwrap()),
        reporter: Party { code: "BLR".into(), name: "Belarus".into() },
        partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
        flow,
        commodity: Commodity { code: "TOTAL".into(), name: String::new() },
        value_usd: v,
    }
}

#[test]
fn interns_dimensions_once_and_keeps_rows() {
    let d: Dataset = [rec(1, Flow::Export, 1.0), rec(2, Flow::Import, 2.0), rec(3, Flow::Export, 3.0)]
        .into_iter()
        .collect();
    assert_eq!(d.len(), 3);
    assert_eq!(d.reporters().len(), 1);
    assert_eq!(d.partners().len(), 1);
    assert_eq!(d.record(1), rec(2, Flow::Import, 2.0));
    assert_eq!(d.month_span(), Some((YearMonth::new(2018, 1).unwrap(), YearMonth::new(2018, 3).unwrap())));
}

#[test]
fn removes_rows_and_keeps_the_others_in_order() {
    let mut d: Dataset = (1..=5).map(|m| rec(m, Flow::Export, f64::from(m))).collect();
    d.remove_rows(&[0, 2, 4]);
    assert_eq!(d.len(), 2);
    assert_eq!(d.record(0), rec(2, Flow::Export, 2.0));
    assert_eq!(d.record(1), rec(4, Flow::Export, 4.0));
    d.remove_rows(&[]);
    assert_eq!(d.len(), 2);
}

#[test]
fn party_matches_code_or_name_ignoring_case() {
    let p = Party { code: "BLR".into(), name: "Belarus".into() };
    assert!(p.matches("blr"));
    assert!(p.matches(" BELARUS "));
    assert!(!p.matches("Bel"));
    assert!(!p.matches(""));
    assert!(Party { code: "0".into(), name: "World".into() }.is_world());
}

#[test]
fn flow_parses_the_words_files_use() {
    assert_eq!(Flow::parse("Export"), Some(Flow::Export));
    assert_eq!(Flow::parse("imports"), Some(Flow::Import));
    assert_eq!(Flow::parse("turnover"), Some(Flow::Turnover));
    assert_eq!(Flow::parse("re-export"), None);
}
