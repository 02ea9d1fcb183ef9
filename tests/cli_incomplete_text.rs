//! Issue 13: the text `tradedash summary` says, per month and year, when rows could not be
//! used ("incomplete: N rows unread"), with the same counts as `summary --json`'s
//! `"skipped_rows"`; a complete period has no mark, so complete files print what they printed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use run::{fixture, summary_json, tradedash};

fn summary_text(file: &str) -> String {
    let (code, stdout, stderr) = tradedash(&["summary", &fixture(file)]);
    assert_eq!(code, 0, "stderr: {stderr}");
    stdout
}

/// The mark after the line of `period` (a month "2018-03" or a year "2018") in the text.
fn mark(text: &str, period: &str) -> Option<String> {
    let line = text.lines().find(|l| l.split_whitespace().next() == Some(period))?;
    Some(line.split_once("  incomplete: ").map_or_else(String::new, |(_, m)| m.to_owned()))
}

fn expected(n: u64) -> String {
    match n {
        0 => String::new(),
        1 => "1 row unread".into(),
        n => format!("{n} rows unread"),
    }
}

/// Every month and year of the text carries the JSON's count, and only where it is not 0.
fn agrees_with_json(file: &str) -> u64 {
    let text = summary_text(file);
    let json = summary_json(&[&fixture(file)]);
    let mut marked = 0;
    for m in json["months"].as_array().unwrap() {
        let n = m["skipped_rows"].as_u64().unwrap();
        let period = m["period"].as_str().unwrap();
        assert_eq!(mark(&text, period), Some(expected(n)), "{file} {period}:\n{text}");
        marked += n;
    }
    for y in json["years"].as_array().unwrap() {
        let n = y["skipped_rows"].as_u64().unwrap();
        let year = y["year"].to_string();
        assert_eq!(mark(&text, &year), Some(expected(n)), "{file} {year}:\n{text}");
    }
    marked
}

#[test]
fn the_text_summary_marks_the_periods_the_json_counts() {
    // May 2018's imports in conflict: 1 record not used.
    assert_eq!(agrees_with_json("comtrade-appended-overlap-synthetic.csv"), 1);
    let text = summary_text("comtrade-appended-overlap-synthetic.csv");
    assert!(text.contains("  incomplete: 1 row unread\n2018-06"), "{text}");
    // March 2018: an unreadable value and an unrepairable row, both charged to March.
    assert_eq!(agrees_with_json("long-world-vs-partners-synthetic.csv"), 2);
    // Annual records with rows that could not be read.
    agrees_with_json("comtrade-legacy-ragged-cp1252-crcrlf-synthetic.csv");
    // An empty value in March 2018 (current Comtrade, line 13).
    assert_eq!(agrees_with_json("comtrade-kaz-blr-synthetic.csv"), 1);
    // Complete files: no mark anywhere.
    for file in ["comtrade-tradevalueus-synthetic.csv", "long-mirror-blr-kaz-synthetic.csv"] {
        assert_eq!(agrees_with_json(file), 0);
        assert!(!summary_text(file).contains("incomplete"), "{file}");
    }
}

#[test]
fn a_month_left_with_no_figure_still_says_so() {
    // One readable row in January, and February's only row unreadable: February has no
    // figure, so the JSON lists it under "incomplete_months" only; the text gives it a line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feb-unreadable.csv");
    std::fs::write(
        &path,
        "period,reporter_code,reporter,partner_code,partner,flow,commodity,value_usd\n\
         2018-01,BLR,Belarus,KAZ,Kazakhstan,export,TOTAL,100\n\
         2018-02,BLR,Belarus,KAZ,Kazakhstan,export,TOTAL,n/a\n",
    )
    .unwrap();
    let (code, text, stderr) = tradedash(&["summary", &path.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    let feb = text.lines().find(|l| l.starts_with("2018-02")).unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        feb.split_whitespace().collect::<Vec<_>>(),
        ["2018-02", "no", "figure", "incomplete:", "1", "row", "unread"]
    );
    assert!(text.contains("2018-01") && text.find("2018-01") < text.find("2018-02"), "{text}");
}
