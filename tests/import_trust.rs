//! Issue 13 through `summary --json`, as a script would run it: damaged and appended downloads
//! give the true totals or say which periods are incomplete, never a plausible wrong number.
//! The fixtures are synthetic (made-up values; `tests/fixtures/make_text_fixtures.py`) and
//! their totals are worked out by hand in the comments.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use run::{fixture, month, summary_json, year};
use serde_json::{Value, json};

fn notes(v: &Value) -> Vec<&str> {
    v["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect()
}

/// A legacy Comtrade download as a broken tool saved it: names with commas quoted as
/// `"""Areas"," nes"""` (17 rows, 36 to 38 fields for a 35-column header), Windows-1252, lines
/// ending CR CR LF, a second download appended with its header on line 20, one row that cannot
/// be repaired. World by SITC section (0 food, 2 crude materials, 7 machinery):
/// 2017 exports 1,000,000 + 300,000 + 2,000,000 = 3,300,000; imports 400,000 + 5,000,000 +
/// 600,000 = 6,000,000. 2018 exports 1,100,000 + 350,000 + 2,200,000 = 3,650,000; imports
/// 450,000 + 5,500,000 + 650,000 = 6,600,000. Without the repair the section-2 rows were
/// skipped ("the value is empty") and 2017 imports read 1,000,000: 83% low.
#[test]
fn ragged_legacy_rows_are_repaired_and_the_rest_reported() {
    let v = summary_json(&[&fixture("comtrade-legacy-ragged-cp1252-crcrlf-synthetic.csv")]);
    assert_eq!(v["format"], "UN Comtrade (legacy) (CSV, windows-1252)");
    assert_eq!((v["rows_read"].as_u64(), v["rows_skipped"].as_u64()), (Some(35), Some(1)));
    assert_eq!(
        notes(&v),
        [
            "lines end in CR CR LF (a carriage return too many, as some tools write): each is read as one \
             line break, and line numbers count line feeds",
            "17 rows repaired: names containing commas were not quoted (first on line 3: \"Crude materials, \
             inedible, except fuels\")",
            "a second header on line 20: files appended",
        ]
    );
    assert_eq!(
        v["skipped_lines"],
        json!([{ "line": 37, "reason": "36 fields where the header has 35" }]),
        "the true reason, not \"the value is empty\""
    );
    assert_eq!(v["repeated_headers"], json!([20]));
    let repaired = v["rows_repaired"].as_array().unwrap();
    assert_eq!(repaired.len(), 17);
    // Line 15: exports to "Areas, nes" of section 2: both names split (38 fields).
    assert_eq!(
        repaired.iter().find(|r| r["line"] == 15).unwrap()["names"],
        json!(["Areas, nes", "Crude materials, inedible, except fuels"])
    );
    for (y, exports, imports, skipped) in
        [(2017, 3_300_000.0, 6_000_000.0, 0), (2018, 3_650_000.0, 6_600_000.0, 1)]
    {
        let t = year(&v, y);
        assert_eq!((t["exports"].as_f64(), t["imports"].as_f64()), (Some(exports), Some(imports)), "{y}");
        assert_eq!(t["skipped_rows"], skipped, "{y}: the unrepairable row falls in 2018");
    }
    // World agrees with its partners once the rows are repaired.
    assert_eq!(v["reconciliation"], json!([]));
    // A partner whose name had commas: 2017 exports 300,000 + 200,000 + 500,000.
    let areas = summary_json(&[
        &fixture("comtrade-legacy-ragged-cp1252-crcrlf-synthetic.csv"),
        "--partner",
        "Areas, nes",
    ]);
    assert_eq!(year(&areas, 2017)["exports"], 1_000_000.0);
    assert_eq!(year(&areas, 2017)["imports"], 750_000.0);
    // Côte d'Ivoire, read from Windows-1252: 2018 exports 50,000.
    let civ = summary_json(&[
        &fixture("comtrade-legacy-ragged-cp1252-crcrlf-synthetic.csv"),
        "--partner",
        "Côte d'Ivoire",
    ]);
    assert_eq!(year(&civ, 2018)["exports"], 50_000.0);
}

/// A Jan–Jun Comtrade download with an Apr–Sep one appended, header and all. April to June
/// are in both: counted once (April exports 44,000,000, not 88,000,000). May's imports differ
/// (10,000,000 on line 11, 10,500,000 on line 18): the later is used and May is incomplete. July
/// exports: 47,000,000 to Kazakhstan + 1,000,000 to "China, Hong Kong SAR" (a repaired row).
#[test]
fn appended_overlapping_downloads_count_each_month_once() {
    let v = summary_json(&[&fixture("comtrade-appended-overlap-synthetic.csv")]);
    assert_eq!(month(&v, "2018-04")["exports"], 44_000_000.0);
    assert_eq!(month(&v, "2018-04")["imports"], 10_000_000.0);
    assert_eq!(month(&v, "2018-05")["imports"], 10_500_000.0);
    assert_eq!(month(&v, "2018-07")["exports"], 48_000_000.0);
    for (m, skipped) in [("2018-04", 0), ("2018-05", 1), ("2018-06", 0), ("2018-07", 0)] {
        assert_eq!(month(&v, m)["skipped_rows"], skipped, "{m}");
    }
    // Jan–Sep exports: 40 + 41 + 42 + 44 + 45 + 46 + 47 + 1 + 48 + 49 = 403 million.
    assert_eq!(year(&v, 2018)["exports"], 403_000_000.0);
    assert_eq!(year(&v, 2018)["skipped_rows"], 1);
    assert_eq!(v["repeated_headers"], json!([14]));
    assert_eq!(
        v["duplicate_rows"],
        json!([
            { "line": 15, "same_as_line": 8 },
            { "line": 16, "same_as_line": 9 },
            { "line": 17, "same_as_line": 10 },
            { "line": 19, "same_as_line": 12 },
            { "line": 20, "same_as_line": 13 },
        ])
    );
    assert_eq!(
        v["conflicting_rows"],
        json!([{
            "period": "2018-05",
            "what": "Belarus (BLR) – Kazakhstan (KAZ), import, TOTAL",
            "lines": [11, 18],
            "values": [10_000_000.0, 10_500_000.0],
            "used_line": 18,
        }])
    );
    assert_eq!(v["rows_repaired"], json!([{ "line": 23, "names": ["China, Hong Kong SAR"] }]));
    assert_eq!(v["row_counts"], json!({ "rows_repaired": 1, "duplicate_rows": 5, "conflicting_rows": 1 }));
    // 25 rows read: 19 used, 5 read again, 1 in conflict; the second header is not a row.
    assert_eq!((v["rows_read"].as_u64(), v["rows_skipped"].as_u64()), (Some(25), Some(0)));
    assert_eq!(
        notes(&v)[2..],
        [
            "5 records read again with the same value (files appended with overlapping periods): counted \
             once (first on line 15, the same as line 8)",
            "1 conflicting record not used: another record for the same period, reporter, partner, flow and \
             commodity has a different value; the last in the file is used and the period is marked \
             incomplete (first: 2018-05 Belarus (BLR) – Kazakhstan (KAZ), import, TOTAL; line 11: \
             $10,000,000, line 18: $10,500,000)",
        ]
    );
}

/// World beside its partners: January's World (100,000,000) is 10,000,000 over Kazakhstan +
/// Russia (90,000,000): a warning. February's difference is 100,000 of 50,000,000 (0.2%):
/// listed, no warning. March: Kazakhstan's value cannot be read and a row has 9 fields for 8,
/// so Russia alone (30,000,000) is 40,000,000 under World (70,000,000), and March has 2
/// skipped rows; for Russia alone 1 (the ragged row's partner cannot be read), for
/// Kazakhstan 2.
#[test]
fn a_world_row_that_disagrees_with_its_partners_is_reported() {
    let file = fixture("long-world-vs-partners-synthetic.csv");
    let v = summary_json(&[&file]);
    let r = v["reconciliation"].as_array().unwrap();
    assert_eq!(r.len(), 3, "{r:#?}");
    let pick = |p: &str| r.iter().find(|x| x["period"] == p).unwrap();
    let jan = pick("2018-01");
    assert_eq!(jan["what"], "partners vs World: Belarus (BLR), export, TOTAL");
    assert_eq!((jan["total"].as_f64(), jan["sum_of_parts"].as_f64()), (Some(1e8), Some(9e7)));
    assert_eq!((jan["difference"].as_f64(), jan["warning"].as_bool()), (Some(1e7), Some(true)));
    assert_eq!((jan["total_line"].clone(), jan["part_lines"].clone()), (json!(2), json!([3, 4])));
    let feb = pick("2018-02");
    assert_eq!((feb["difference"].as_f64(), feb["warning"].as_bool()), (Some(100_000.0), Some(false)));
    assert_eq!(pick("2018-03")["difference"], 40_000_000.0);
    assert_eq!(month(&v, "2018-03")["exports"], 70_000_000.0, "World is the total");
    assert_eq!(month(&v, "2018-03")["skipped_rows"], 2);
    assert_eq!(month(&v, "2018-01")["skipped_rows"], 0);
    let rus = summary_json(&[&file, "--partner", "Russia"]);
    assert_eq!(month(&rus, "2018-03")["skipped_rows"], 1);
    // Kazakhstan's only March row cannot be read: March has no figure for it, and says so.
    let kaz = summary_json(&[&file, "--partner", "KAZ"]);
    assert!(kaz["months"].as_array().unwrap().iter().all(|m| m["period"] != "2018-03"));
    assert_eq!(kaz["incomplete_months"], json!([{ "period": "2018-03", "skipped_rows": 2 }]));
    assert_eq!(year(&kaz, 2018)["skipped_rows"], 2);
    assert!(
        notes(&v)[0].starts_with(
            "2 totals differ from the sum of their parts in the file by over 0.5% (a download of some \
             partners or chapters only differs by design; first: 2018-01 partners vs World: Belarus (BLR), \
             export, TOTAL: total $100,000,000, parts $90,000,000, difference $10,000,000)"
        ),
        "{:?}",
        notes(&v)
    );
}

/// The built-in example has no import report: every period is complete and every list empty.
#[test]
fn a_workspace_without_a_report_says_nothing_is_missing() {
    let v = summary_json(&[]);
    assert!(v["months"].as_array().unwrap().iter().all(|m| m["skipped_rows"] == 0));
    assert!(v["years"].as_array().unwrap().iter().all(|y| y["skipped_rows"] == 0));
    for key in [
        "incomplete_months",
        "rows_repaired",
        "duplicate_rows",
        "conflicting_rows",
        "repeated_headers",
        "reconciliation",
    ] {
        assert_eq!(v[key], json!([]), "{key}");
    }
}
