//! Helpers shared by the tests that run the real binary as a script would.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // not every test file uses every helper

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Runs the `tradedash` binary; returns its exit code, stdout and stderr.
pub fn tradedash(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tradedash")).args(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The month `period` ("2018-07") of a `summary --json` object.
pub fn month<'a>(v: &'a Value, period: &str) -> &'a Value {
    v["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["period"] == period)
        .unwrap_or_else(|| panic!("no {period}"))
}

/// The year `y` of a `summary --json` object.
pub fn year(v: &Value, y: i64) -> &Value {
    v["years"].as_array().unwrap().iter().find(|m| m["year"] == y).unwrap_or_else(|| panic!("no {y}"))
}

/// The path of `tests/fixtures/NAME`, as a command-line argument.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

/// `tradedash summary --json ARGS`, which must exit 0, as one JSON object.
pub fn summary_json(args: &[&str]) -> Value {
    let mut all = vec!["summary", "--json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = tradedash(&all);
    assert_eq!(code, 0, "stderr: {stderr}");
    serde_json::from_str(&stdout).expect("summary --json prints one JSON object")
}
