//! The headless commands, run as a user runs them: the real binary on fixture files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use std::path::Path;

use run::{fixture, month, summary_json, tradedash, year};

#[test]
fn default_workspace_summary_reads_like_the_article() {
    // The example's data is the figures as published: Jan–Jul 2018 $58.3 million, 118.6% of
    // Jan–Jul 2017, for Brest Oblast; no month is invented.
    let v = summary_json(&[]);
    assert_eq!(v["rows_read"], 8);
    assert_eq!(v["months"].as_array().unwrap().len(), 0, "no month is published");
    assert!(v.get("sample").is_none(), "published figures are not sample data: {v}");
    let spans = v["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 1, "{spans:?}");
    let s = &spans[0];
    assert_eq!((s["from"].as_str(), s["to"].as_str()), (Some("2018-01"), Some("2018-07")));
    assert_eq!(s["turnover"], 58_300_000.0);
    assert!(s["exports"].is_null(), "only the total was published");
    assert_eq!(s["published_change_pct"]["turnover"], 18.6);
    assert_eq!(s["derived"], false);
    // Belarus – Kazakhstan from the same file: 2017 $690 million, 2018 exports + imports.
    let v = summary_json(&["--reporter", "BLR", "--partner", "KAZ"]);
    assert_eq!(year(&v, 2017)["turnover"], 690_000_000.0);
    assert_eq!(year(&v, 2018)["exports"], 783_700_000.0);
    assert_eq!(year(&v, 2018)["imports"], 112_300_000.0);
    assert_eq!(year(&v, 2018)["turnover"], 896_000_000.0);
    let (_, text, _) = tradedash(&["summary"]);
    assert!(!text.contains("SAMPLE DATA"), "the published figures are not labelled sample: {text}");
}

#[test]
fn the_sample_split_when_shown_is_labelled_and_adds_up() {
    let mut ws = tradedash::io::workspace_file::default_workspace();
    tradedash::io::example::show_sample_split(&mut ws, true);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("split.ron");
    tradedash::io::workspace_file::save(&path, &ws).unwrap();
    let v = summary_json(&[path.to_str().unwrap()]);
    assert_eq!(v["sample"], true);
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 19, "Jan 2017 – Jul 2018");
    let ytd18: f64 = months
        .iter()
        .filter(|m| m["period"].as_str().unwrap().starts_with("2018"))
        .map(|m| m["turnover"].as_f64().unwrap())
        .sum();
    assert_eq!(ytd18, 58_300_000.0);
    assert_eq!(year(&v, 2018)["months"], 7);
    assert_eq!(year(&v, 2018)["turnover"], 58_300_000.0);
    let ytd17: f64 = months
        .iter()
        .filter(|m| m["period"].as_str().unwrap() >= "2017-01" && m["period"].as_str().unwrap() <= "2017-07")
        .map(|m| m["turnover"].as_f64().unwrap())
        .sum();
    assert_eq!(format!("{:.1}", (ytd18 / ytd17 - 1.0) * 100.0), "18.6");
    let (_, text, _) = tradedash(&["summary", path.to_str().unwrap()]);
    assert!(text.contains("SAMPLE DATA"), "the text summary labels sample data: {text}");
}

#[test]
fn comtrade_current_totals_by_hand() {
    let v = summary_json(&[
        &fixture("comtrade-kaz-blr-synthetic.csv"),
        "--partner",
        "belarus",
        "--reporter",
        "KAZ",
    ]);
    assert_eq!(v["rows_read"], 16);
    assert_eq!(v["rows_skipped"], 1);
    assert_eq!(v["rows_set_aside"], 3);
    assert_eq!(v["skipped_lines"][0]["line"], 13);
    assert_eq!(v["skipped_lines"][0]["column"], "primaryValue");
    let jan = month(&v, "2018-01");
    // TOTAL rows win over chapters; the World row is another partner.
    assert_eq!(jan["exports"], 8_100_000.5);
    assert_eq!(jan["imports"], 41_250_000.0);
    assert_eq!(jan["turnover"], 49_350_000.5);
    assert_eq!(jan["balance"], -33_149_999.5);
    // The C01 customs and motCode 3000 breakdowns are set aside, not added to C00.
    assert_eq!(month(&v, "2018-02")["imports"], 39_000_000.0);
    // March's import TOTAL is empty (skipped): its only chapter row is used; RX is set aside.
    assert_eq!(month(&v, "2018-03")["imports"], 12_000_000.0);
    assert_eq!(month(&v, "2018-03")["exports"], 9_000_000.0);
    // Annual rows are years, never months.
    assert_eq!(v["months"].as_array().unwrap().len(), 3);
    let y17 = year(&v, 2017);
    assert_eq!(y17["turnover"], 604_100_000.0);
    assert_eq!(y17["months"], 12);
    assert_eq!(year(&v, 2018)["turnover"], 117_250_000.5);
    assert_eq!(year(&v, 2018)["months"], 3);
}

#[test]
fn comtrade_world_is_used_when_no_partner_is_chosen() {
    let v = summary_json(&[&fixture("comtrade-kaz-blr-synthetic.csv")]);
    assert_eq!(month(&v, "2018-01")["exports"], 900_000_000.0);
    assert_eq!(month(&v, "2018-02")["exports"], 7_900_000.0);
}

#[test]
fn comtrade_legacy_totals_by_hand() {
    let v = summary_json(&[&fixture("comtrade-legacy-blr-kaz-synthetic.csv"), "--reporter", "blr"]);
    assert_eq!(
        (v["rows_read"].as_u64(), v["rows_skipped"].as_u64(), v["rows_set_aside"].as_u64()),
        (Some(7), Some(1), Some(1))
    );
    assert_eq!(v["skipped_lines"][0]["line"], 7);
    assert_eq!(month(&v, "2018-01")["turnover"], 60_000_000.0);
    assert_eq!(month(&v, "2018-02")["imports"], 9_500_000.0);
    assert_eq!(year(&v, 2018)["exports"], 113_000_000.0);
}

#[test]
fn skipped_rows_are_listed_with_editor_line_numbers() {
    let v = summary_json(&[&fixture("long-with-bad-rows.csv")]);
    let lines: Vec<u64> =
        v["skipped_lines"].as_array().unwrap().iter().map(|s| s["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![4, 5, 7, 8]);
    assert_eq!(v["rows_read"], 7);
    assert_eq!(month(&v, "2018-02")["turnover"], 6_000_000.0);
}

#[test]
fn unusable_files_exit_non_zero_with_the_reason() {
    let bad = fixture("not-trade-data.csv");
    let (code, stdout, stderr) = tradedash(&["summary", &bad]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("line 1: the header is not one tradedash knows"), "{stderr}");
    assert!(stderr.contains("found: name,age"), "{stderr}");
    let (code, _, stderr) = tradedash(&["summary", "/no/such/file.csv"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/no/such/file.csv: cannot read the file"), "{stderr}");
}

#[test]
fn summary_of_a_saved_workspace_matches_the_data_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = fixture("comtrade-kaz-blr-synthetic.csv");
    let from_csv = summary_json(&[&data, "--partner", "BLR"]);
    // Save a workspace around the data with the library, then summarise the .ron file.
    let (ws, _, _) = tradedash::io::input::open_as_workspace(Some(Path::new(&data))).unwrap();
    let ron = dir.path().join("ws.ron");
    tradedash::io::workspace_file::save(&ron, &ws).unwrap();
    let from_ron = summary_json(&[ron.to_str().unwrap(), "--partner", "BLR"]);
    assert_eq!(from_csv["months"], from_ron["months"]);
    assert_eq!(from_csv["years"], from_ron["years"]);
}

#[test]
fn export_chart_refuses_unusable_views_and_filters_before_opening_a_window() {
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--view", "weekly"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown view \"weekly\"; use one of monthly, yoy, ytd, rolling, quarterly, annual"),
        "{stderr}"
    );
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--partner", "Narnia"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no partner \"Narnia\" in the data; there are: Kazakhstan (KAZ)"), "{stderr}");
    // The example's data is the published figures: no months to choose from, unless its
    // illustrative split is shown.
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--from", "2018-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the data has no months to choose from"), "{stderr}");
    let (code, _, stderr) =
        tradedash(&["export-chart", "--out", "x.png", "--sample-split", "--from", "2019-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the months start (2019-01) after they end (2018-07)"), "{stderr}");
    let csv = fixture("comtrade-kaz-blr-synthetic.csv");
    let (code, _, stderr) = tradedash(&["export-chart", &csv, "--out", "x.png", "--sample-split"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--sample-split: this data has no illustrative monthly split"), "{stderr}");
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--mirror"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--mirror needs a reporter and a partner that also reports the reporter"),
        "{stderr}"
    );
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--compare", "KAZ,CHN"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no partner \"CHN\" in the data"), "{stderr}");
    let (code, _, stderr) = tradedash(&["export-chart", "--out", "x.png", "--measures", "exports,tea"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown measure \"tea\""), "{stderr}");
}

#[test]
fn export_chart_options_set_the_view_and_filters_of_the_workspace() {
    use tradedash::cli::{ChartOptions, apply_chart_options};
    use tradedash::model::chart::ChartView;
    use tradedash::model::period::YearMonth;
    let (mut ws, _, _) = tradedash::io::input::open_as_workspace(None).unwrap();
    let opts = ChartOptions {
        view: Some(ChartView::Ytd.into()),
        partner: Some("kazakhstan".into()),
        from: Some(YearMonth::new(2018, 1).unwrap()),
        measures: vec!["turnover".into()],
        stacked: true,
        sample_split: true,
        ..ChartOptions::default()
    };
    apply_chart_options(&mut ws, &opts).unwrap();
    assert_eq!(ws.chart.view, ChartView::Ytd);
    assert!(ws.chart.turnover && !ws.chart.exports && !ws.chart.imports && !ws.chart.balance);
    assert!(ws.chart.bars && ws.chart.stacked);
    assert_eq!(ws.selection.partner.as_deref(), Some("kazakhstan"));
    assert_eq!(ws.selection.range.unwrap().label(), "Jan–Jul 2018");
    // The table the export shows: Jan–Jul 2018 turnover beside Jan–Jul 2017, which lies before
    // the range (the app aggregates every period and cuts the range out afterwards).
    let all_periods = tradedash::model::query::Selection { range: None, ..ws.selection.clone() };
    let a = tradedash::model::query::aggregate(ws.data.embedded.as_deref().unwrap(), &all_periods);
    let t = tradedash::model::table::ViewTable::build(
        &a,
        ws.chart.view,
        &ws.chart.measures(),
        ws.selection.range,
    );
    assert_eq!(t.rows.len(), 7);
    // Jan–Jul 2018 from the sample months, a year earlier, as published ($58.3 million), and
    // the growth computed (58.3 / 49.16 − 1) beside the published +18.6%.
    let v = &t.rows[6].values;
    assert_eq!(v[..3], [Some(58_300_000.0), Some(49_160_000.0), Some(58_300_000.0)]);
    assert!((v[3].unwrap() - (58.3 / 49.16 - 1.0)).abs() < 1e-9);
    assert!((v[4].unwrap() - 0.186).abs() < 1e-9);
}

#[test]
fn generate_writes_synthetic_comtrade_that_summary_reads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("comtrade-synthetic-2400.csv");
    let out_s = out.display().to_string();
    let (code, stdout, stderr) = tradedash(&["generate", "--rows", "2400", "--out", &out_s]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("2400 rows") && stdout.contains("SYNTHETIC"), "{stdout}");
    let first = std::fs::read(&out).unwrap();
    tradedash(&["generate", "--rows", "2400", "--out", &out_s]);
    assert_eq!(std::fs::read(&out).unwrap(), first, "the same bytes again");

    let v = summary_json(&[&out_s]);
    assert_eq!(v["rows_read"], 2400);
    assert_eq!(v["rows_skipped"], 0);
    let set_aside = v["rows_set_aside"].as_u64().unwrap();
    assert!(set_aside > 0 && set_aside < 240, "{set_aside}");
    assert_eq!(v["months"].as_array().unwrap().len(), 24, "2018-01 to 2019-12");
    assert!(month(&v, "2019-12")["exports"].as_f64().unwrap() > 0.0);
}
