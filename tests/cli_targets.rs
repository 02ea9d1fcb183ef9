//! `tradedash targets`, run as a script runs it: the real binary on the built-in workspace, a
//! saved workspace and data files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use std::path::Path;

use run::tradedash;
use serde_json::Value;
use tradedash::io::workspace_file::{default_workspace, save};
use tradedash::model::target::{Baseline, CurrentBasis, Target};

fn targets_json(args: &[&str]) -> Value {
    let mut all = vec!["targets", "--json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = tradedash(&all);
    assert_eq!(code, 0, "stderr: {stderr}");
    serde_json::from_str(&stdout).expect("targets --json prints one JSON object")
}

fn close(v: &Value, expected: f64, tolerance: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() <= tolerance)
}

#[test]
fn built_in_target_has_the_reported_baseline_and_no_deadline() {
    let v = targets_json(&[]);
    let all = v["targets"].as_array().unwrap();
    assert_eq!(all.len(), 1);
    let t = &all[0];
    let mut keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut expected = [
        "name",
        "measure",
        "target_usd",
        "deadline_year",
        "baseline_year",
        "baseline_usd",
        "current_basis",
        "current_usd",
        "current_source",
        "gap_usd",
        "gap_pct",
        "required_cagr",
        "observed_growth",
        "projected_year",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(t["name"], "Belarus – Kazakhstan trade to $1 billion");
    assert_eq!(t["measure"], "turnover");
    assert_eq!(t["target_usd"], 1e9);
    assert_eq!(t["baseline_year"], 2017);
    assert_eq!(t["baseline_usd"], 690e6);
    // The example's data holds Belarus – Kazakhstan 2018 as exports plus imports; the gauge is
    // pinned to the same year's published $896 million (+30.0%) from Belarus' statistics.
    assert_eq!(t["current_basis"], "reported");
    assert_eq!(t["current_usd"], 896e6);
    assert_eq!(t["current_source"], "law.by, legal news, August 2019; statistics of Belarus");
    assert!(close(&t["gap_usd"], 104e6, 1e-3));
    assert!(close(&t["gap_pct"], 10.4, 1e-9));
    assert!(close(&t["observed_growth"], 0.30, 1e-12));
    assert_eq!(t["projected_year"], 2019);
    for null in ["deadline_year", "required_cagr"] {
        assert!(t[null].is_null(), "{null} is null: {t}");
    }
}

#[test]
fn saved_workspace_target_on_the_year_to_date() {
    // The illustrative monthly split shown: a year-to-date target computed from its months.
    let mut ws = default_workspace();
    tradedash::io::example::show_sample_split(&mut ws, true);
    ws.targets.push(Target {
        name: "Brest Oblast to $120 million".into(),
        reporter: "Brest Oblast".into(),
        partner: "KAZ".into(),
        target_usd: 120e6,
        deadline_year: Some(2020),
        baseline: Baseline { year: 2017, ..Baseline::default() },
        basis: CurrentBasis::YearToDate,
        ..Target::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.ron");
    save(&path, &ws).unwrap();
    let v = targets_json(&[path.to_str().unwrap()]);
    let t = &v["targets"][1];
    assert_eq!(t["current_basis"], "year_to_date");
    assert_eq!(t["current_usd"], 58.3e6);
    // 2017 in the sample data: $86.94 million, computed.
    assert!(close(&t["baseline_usd"], 86.94e6, 1e-3));
    assert!(close(&t["gap_usd"], 61.7e6, 1e-3));
    assert!(close(&t["gap_pct"], 61.7 / 120.0 * 100.0, 1e-9));
    // (120 / 86.94)^(1/3) − 1 = 0.113407; 58.3 / 49.16 − 1 = 0.185924 (the article's +18.6%).
    assert!(close(&t["required_cagr"], 0.113_407, 1e-6));
    assert!(close(&t["observed_growth"], 0.185_924, 1e-6));
    // Annualised, 58.3 × 86.94 / 49.16 = $103.1 million; × 1.186 = $122.3 million ≥ $120 million.
    assert_eq!(t["projected_year"], 2019);

    let (code, text, _) = tradedash(&["targets", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(text.contains("SAMPLE DATA"), "{text}");
    assert!(text.contains("  Current          $58.3 million (Jan–Jul 2018)\n"), "{text}");
    assert!(text.contains("  Growth observed  +18.6% year on year\n"), "{text}");
    assert!(text.contains("  Target reached   in 2019 at this rate\n"), "{text}");
}

#[test]
fn data_file_is_measured_against_the_built_in_targets() {
    let csv =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/comtrade-legacy-blr-kaz-synthetic.csv");
    let (code, text, stderr) = tradedash(&["targets", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("Targets of the built-in workspace, evaluated against this data."), "{text}");
    assert!(text.contains("Belarus – Kazakhstan trade to $1 billion\n"), "{text}");
    assert!(!text.contains("SAMPLE DATA"), "{text}");
}

#[test]
fn unusable_input_exits_2_with_a_message() {
    let (code, stdout, stderr) = tradedash(&["targets", "/nonexistent/w.ron"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("/nonexistent/w.ron"), "{stderr}");
}
