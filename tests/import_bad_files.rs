//! The committed corpus of bad files (tests/fixtures/bad/) with the exact message each must
//! produce, and size guards on files generated here (too big to commit).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use std::path::{Path, PathBuf};
use std::process::Command;

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad").join(name)
}

/// Runs `tradedash summary` in the file's folder on its bare name; returns (status, stderr).
fn summary_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tradedash"))
        .current_dir(dir)
        .arg("summary")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const EXPECTED: &[(&str, &str)] = &[
    ("empty.csv", "empty.csv: the file is empty"),
    ("blank-lines.csv", "blank-lines.csv: the file is empty"),
    (
        "binary.csv",
        "binary.csv: this is not text (binary data, or a kind of file tradedash does not read); expected CSV, \
         tab-separated text, XLSX or XLS",
    ),
    (
        "no-usable-rows.csv",
        "no-usable-rows.csv: no usable rows (2 read, 2 skipped); first: line 2, column value_usd: the value is empty",
    ),
    (
        "comtrade-without-value.csv",
        "comtrade-without-value.csv: line 1: UN Comtrade header has no primaryvalue / tradevalueus / tradevalue / \
         trade value (us$) / trade value / value_usd column",
    ),
    (
        "roubles.csv",
        "roubles.csv: line 2: a table with one column per month: values are not in US dollars (руб… in \
         \"Экспорт, тыс. руб.\")",
    ),
    (
        "wide-without-flow.csv",
        "wide-without-flow.csv: line 1: a table with one column per month: no flow: name a flow column, or give \
         export, import or turnover for all rows (in the window, or --set flow=export)",
    ),
    (
        "truncated.xlsx",
        "truncated.xlsx: a zip archive that cannot be opened: invalid Zip archive: Could not find EOCD",
    ),
    (
        "not-really.xls",
        "not-really.xls: not an Excel workbook (XLS) that can be read: Cfb error: Invalid sector shift, expecting \
         0x09 or 0x0C found 0",
    ),
    (
        "xls-sector-loop.xls",
        "xls-sector-loop.xls: not an Excel workbook (XLS) that can be read: the sector allocation table loops back \
         on itself at sector 0",
    ),
    (
        // Found by cargo fuzz: calamine 0.38 panics on it (slice index past the end of the
        // file: its allocation table is in a sector the file does not reach). Refused before
        // calamine sees it; `calamine_is_never_reached_on_the_file_that_made_it_panic` below.
        "xls-calamine-panic.xls",
        "xls-calamine-panic.xls: not an Excel workbook (XLS) that can be read: the sector allocation table is \
         in sector 8, past the end of the file",
    ),
    (
        "deep.ron",
        "deep.ron: line 1, column 87: brackets nested deeper than any workspace (over 128 levels); this is not a \
         tradedash workspace",
    ),
    ("not-a-workspace.ron", "not-a-workspace.ron: line 1, column 8: Expected string"),
];

#[test]
fn every_bad_file_says_exactly_why_and_exits_2() {
    let dir = bad("");
    let mut listed: Vec<&str> = EXPECTED.iter().map(|(f, _)| *f).collect();
    listed.sort_unstable();
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(listed, on_disk, "every file in tests/fixtures/bad has its expected message here");
    for (file, message) in EXPECTED {
        let (code, stdout, stderr) = summary_in(&dir, &[file]);
        assert_eq!(code, 2, "{file}");
        assert!(stdout.is_empty(), "{file}: nothing on stdout");
        assert_eq!(stderr.trim_end(), format!("tradedash: {message}"), "{file}");
    }
}

#[test]
fn calamine_is_never_reached_on_the_file_that_made_it_panic() {
    for args in [&["summary"][..], &["summary", "--json"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_tradedash"))
            .current_dir(bad(""))
            .args(args)
            .arg("xls-calamine-panic.xls")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("xls-calamine-panic.xls: not an Excel workbook (XLS) that can be read"),
            "the refusal is said: {stderr}"
        );
        assert!(!stderr.contains("panicked at"), "no panic text: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "the refusal alone: {stderr}");
    }
}

#[test]
fn mapping_mistakes_on_the_command_line_are_named() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let file = "ru-excel-semicolon-cp1251-synthetic.csv";
    let (code, _, stderr) = summary_in(&fixtures, &[file, "--map", "when=Период"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: --map/--set: unknown field \"when\"; fields: period, flow, reporter, partner, commodity, value, unit"
    );
    let (code, _, stderr) =
        summary_in(&fixtures, &[file, "--map", "period=Месяц,value=Стоимость", "--set", "flow=export"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: ru-excel-semicolon-cp1251-synthetic.csv: line 3: the mapping names column \"Месяц\" that the \
         header does not have; the columns are: Период, Регион, Страна, Поток, Стоимость"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    // Sparse: 2 GB on paper, nothing on disk.
    std::fs::File::create(&path).unwrap().set_len(2 << 30).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["huge.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: huge.csv: the file is 2048 MB; files over 1024 MB are not read"
    );
    // Past the limit for UTF-8 tables read in blocks, nothing is read at all.
    std::fs::File::create(&path).unwrap().set_len(17 << 30).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["huge.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: huge.csv: the file is 17408 MB; files over 16384 MB are not read"
    );
}

#[test]
fn an_overlong_line_and_a_million_columns_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut long = b"period,reporter,partner,flow,commodity,value_usd\n2018-01,".to_vec();
    long.extend(std::iter::repeat_n(b'x', 17 << 20));
    std::fs::write(dir.path().join("long.csv"), &long).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["long.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: long.csv: line 2: the line is 17 MB long (at most 16 MB); this is not a table tradedash reads"
    );
    let wide = ",".repeat(1_000_000);
    std::fs::write(dir.path().join("wide.csv"), format!("a{wide}\n")).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["wide.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: wide.csv: line 1: the row has 1000001 columns (at most 10000); this is not a table tradedash reads"
    );
}

#[test]
fn a_workbook_with_far_apart_cells_stays_small() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    // A1 and A1048576: calamine's dense range would be tall but narrow; read cell by cell it is two rows.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "period").unwrap();
    sheet.write_string(1_048_575, 0, "2018-01").unwrap();
    book.save(dir.path().join("tall.xlsx")).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["tall.xlsx"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("line 1: the header is not one tradedash knows"), "{stderr}");
    // A1 and XFD1: beyond the columns read.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "period").unwrap();
    sheet.write_string(0, 16_383, "x").unwrap();
    book.save(dir.path().join("wide.xlsx")).unwrap();
    let (code, _, stderr) = summary_in(dir.path(), &["wide.xlsx"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        "tradedash: wide.xlsx: line 1: a cell in column 16384 (at most 10000 columns are read); this is not a table \
         tradedash reads"
    );
}
