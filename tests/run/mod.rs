//! Helpers shared by the tests that run the real binary as a script would.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // not every test file uses every helper

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
