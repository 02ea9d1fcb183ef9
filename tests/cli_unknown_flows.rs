//! Issue 13, "unknown is not zero", through `summary` as a script would run it: a flow the file
//! does not hold is unknown (`null`, "not in the file"), and so are turnover and balance; in a
//! file that holds both flows, a month with rows of one flow only is zero for the other (UN
//! Comtrade stores no zero records). The fixtures are synthetic (made-up values;
//! `tests/fixtures/make_text_fixtures.py`), their totals worked out by hand in the comments.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use run::{fixture, month, tradedash, year};
use serde_json::{Value, json};

fn summary(args: &[&str]) -> String {
    let (code, stdout, stderr) = tradedash(args);
    assert_eq!(code, 0, "stderr: {stderr}");
    stdout
}

fn summary_json(file: &str) -> Value {
    serde_json::from_str(&summary(&["summary", "--json", &fixture(file)])).expect("one JSON object")
}

const EXPORTS_ONLY: &str = "comtrade-legacy-exports-only-h1-h5-synthetic.csv";

/// Belarus's exports of milk powder (0402) to Kazakhstan, legacy Comtrade, no import rows, HS
/// revisions H1 to H5: 2005 1,250,000.50; 2009 2,400,000; 2014 3,100,000.25; 2019 4,000,000
/// (annual records); Jan 2023 300,000 + Feb 2023 450,000.75 = 750,000.75 (2 months). Before
/// issue 13 imports read 0 and turnover and balance equalled exports in every year.
#[test]
fn a_flow_the_file_does_not_hold_is_null_with_turnover_and_balance() {
    let v = summary_json(EXPORTS_ONLY);
    assert_eq!(v["flows_not_in_file"], json!(["imports"]));
    let expected = [
        (2005, 1_250_000.5, 12),
        (2009, 2_400_000.0, 12),
        (2014, 3_100_000.25, 12),
        (2019, 4_000_000.0, 12),
        (2023, 750_000.75, 2),
    ];
    assert_eq!(v["years"].as_array().unwrap().len(), expected.len());
    for (y, exports, months) in expected {
        let t = year(&v, y);
        assert_eq!(t["exports"], json!(exports), "{y}");
        assert_eq!(
            (&t["imports"], &t["turnover"], &t["balance"]),
            (&Value::Null, &Value::Null, &Value::Null),
            "{y}"
        );
        assert_eq!(t["months"], json!(months), "{y}");
    }
    for (m, exports) in [("2023-01", 300_000.0), ("2023-02", 450_000.75)] {
        let t = month(&v, m);
        assert_eq!(t["exports"], json!(exports));
        assert_eq!(
            (&t["imports"], &t["turnover"], &t["balance"]),
            (&Value::Null, &Value::Null, &Value::Null)
        );
    }
}

#[test]
fn the_text_output_says_not_in_the_file() {
    let out = summary(&["summary", &fixture(EXPORTS_ONLY)]);
    assert!(
        out.contains("  note: imports, turnover and balance are not in the file (unknown, not zero)\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "2019            4,000,000  not in the file  not in the file  not in the file      12\n"
        ),
        "{out}"
    );
    assert!(out.contains("2023-02           450,001  not in the file"), "{out}");
    assert!(!out.contains(" 0 "), "no zero imports: {out}");
}

/// The selected partner decides: Kazakhstan holds exports only here, a partner the file does
/// not name holds nothing (no months at all, and nothing said about flows).
#[test]
fn the_selected_partner_decides_which_flows_are_held() {
    let kaz: Value =
        serde_json::from_str(&summary(&["summary", "--json", "--partner", "KAZ", &fixture(EXPORTS_ONLY)]))
            .unwrap();
    assert_eq!(kaz["flows_not_in_file"], json!(["imports"]));
    assert_eq!(year(&kaz, 2019)["turnover"], Value::Null);
}

/// Both flows in the file; March has export rows only (chapters 04 and 84: 7,000,000 +
/// 5,000,000), April no row at all. March's imports are 0 (the reporter reported March:
/// Comtrade stores no zero records), turnover and balance 12,000,000; April is absent (a gap).
/// 2018: exports 10 + 11 + 12 + 9 = 42 million, imports 4 + 5 + 0 + 3 = 12 million, 4 months.
#[test]
fn a_month_with_one_flow_in_a_file_with_both_is_zero_for_the_other() {
    let v = summary_json("long-export-only-month-synthetic.csv");
    assert!(v.get("flows_not_in_file").is_none(), "both flows held: the field is left out");
    let mar = month(&v, "2018-03");
    assert_eq!(
        (&mar["exports"], &mar["imports"], &mar["turnover"], &mar["balance"]),
        (&json!(12_000_000.0), &json!(0.0), &json!(12_000_000.0), &json!(12_000_000.0))
    );
    let periods: Vec<&str> =
        v["months"].as_array().unwrap().iter().map(|m| m["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2018-01", "2018-02", "2018-03", "2018-05"], "April is a gap, not a zero");
    let y = year(&v, 2018);
    assert_eq!(
        (&y["exports"], &y["imports"], &y["turnover"], &y["balance"], &y["months"]),
        (&json!(42_000_000.0), &json!(12_000_000.0), &json!(54_000_000.0), &json!(30_000_000.0), &json!(4))
    );
}
