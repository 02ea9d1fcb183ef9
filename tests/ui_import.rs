//! The import windows driven as a person would: a file with an unknown header opens the
//! column-mapping step; choosing columns shows a preview; Import loads the data and remembers
//! the mapping; the import report lists what was skipped and what was kept, in Cyrillic and
//! Kazakh without missing glyphs (kittest fails on a glyph the fonts lack).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;

use common::{fixture, wait_for_jobs};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;

fn harness() -> Harness<'static, TradeDashApp> {
    let app = common::split_example();
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run();
    h
}

/// Opens a file as the menu does; when there are unsaved changes, answers "Don't save".
fn open(h: &mut Harness<'static, TradeDashApp>, path: PathBuf) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(path));
    h.run_steps(8); // the question fades in
    if let Some(dont_save) = h.query_by_label("Don't save") {
        dont_save.click();
    }
    wait_for_jobs(h);
    new_workspace_if_asked(h);
}

/// These files are about other trade than the example's (no reporter or partner in common):
/// the app asks whether to start a new workspace; the import is what these tests are about.
fn new_workspace_if_asked(h: &mut Harness<'static, TradeDashApp>) {
    if let Some(new) = h.query_by_label("Start a new workspace") {
        new.click();
        // The file is read again for the new workspace, on the load thread: wait for it, as
        // `open` does, rather than expect the window to settle within `run`'s few frames.
        wait_for_jobs(h);
    }
}

const RU: &str = "ru-excel-semicolon-cp1251-synthetic.csv";

#[test]
fn unknown_header_asks_for_columns_previews_and_imports() {
    let mut h = harness();
    let before = h.state().dataset().clone();
    open(&mut h, fixture(RU));
    assert!(h.state().is_asking_for_mapping());
    assert_eq!(h.state().dataset(), &before, "nothing changes while the mapping is open");
    h.get_by_label("Column mapping");
    // The title row is shown, and the guess from the header words is already complete.
    h.get_by_label_contains("Title: Внешняя торговля Брестской области");
    h.get_by_label("7,646,000");

    // Take the value away: the preview says what is missing and Import is disabled.
    h.get_by_label("Value").click();
    h.run();
    h.get_by_label("—").click();
    h.run();
    h.get_by_label("Still to choose: value");
    assert!(h.query_by_label("7,646,000").is_none());

    // Choose it again from the list of columns.
    h.get_by_label("Value").click();
    h.run();
    h.get_by_label("column “Стоимость”").click();
    h.run();
    h.get_by_label("7,646,000");
    h.get_by_label_contains(
        "skipped: line 7, column Стоимость: expected a number of thousands of US dollars",
    );

    h.get_by_label("Import").click();
    wait_for_jobs(&mut h);
    new_workspace_if_asked(&mut h);
    assert!(!h.state().is_asking_for_mapping());
    assert_eq!(h.state().dataset().len(), 3);
    h.get_by_label_contains(&format!("{RU}: 3 rows used, 1 skipped, 0 set aside"));
    // Remembered in the workspace, keyed by the header.
    let saved = &h.state().workspace().import_mappings;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].header, "период|регион|страна|поток|стоимость");

    // The same header again: read at once with the remembered mapping.
    open(&mut h, fixture(RU));
    assert!(!h.state().is_asking_for_mapping());
    assert_eq!(h.state().dataset().len(), 3);
}

#[test]
fn the_import_report_lists_skips_notes_and_kept_totals_in_kazakh_and_russian() {
    let mut h = harness();
    open(&mut h, fixture("excel-unicode-text-wide-synthetic.txt"));
    // Kazakh letters in the data render (the sidebar's partner list has Өзбекстан).
    h.get_by_label("Partner").click();
    h.run();
    h.get_by_label("Өзбекстан").click();
    h.run();
    assert_eq!(h.state().workspace().selection.partner.as_deref(), Some("Өзбекстан"));
    h.get_by_label("Import report").click();
    h.run();
    h.get_by_label_contains(
        "table with one column per month · Excel Unicode text (UTF-16LE) · delimiter tab",
    );
    h.get_by_label("4 rows read: 4 used, 0 skipped, 0 set aside");
    h.get_by_label_contains("column not used (not a month): \"Итого\"");
    h.get_by_label("Totals of what was kept (all reporters and partners)");
    // Exports of 2018; exports only in this file, so turnover is not in the file (issue 13).
    assert_eq!(h.get_all_by_label("31,300,500").count(), 1);
    h.get_by_label("not in the file");

    // The report window stays open and shows the next file's report.
    open(&mut h, fixture("comtrade-legacy-synthetic.xls"));
    h.get_by_label("line 8, column Trade Value (US$): expected a number of US dollars, found \"n/a\"");
    h.get_by_label("1 row (first on line 6): re-export, re-import or other flow detail (part of total X/M)");
}

#[test]
fn kazakh_letters_have_glyphs() {
    // kittest's default policy fails the test on a glyph the fonts lack.
    let mut h = Harness::new_ui(|ui| {
        ui.label("Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі — Қазақстан, Өскемен, Ақтөбе; Брестская область");
    });
    h.run();
    h.get_by_label_contains("Әә Ғғ Ққ");
}

/// A workbook of three sheets: Belarus – Kazakhstan 2017, Brest Oblast – Kazakhstan 2018 (long
/// tables, synthetic values) and a sheet of notes with no table.
fn three_sheet_workbook(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    // No month's value equals a year's total, so each total is shown once (in the report).
    type Rows = [(&'static str, &'static str, f64); 4];
    let sheets: [(&str, &str, Rows); 2] = [
        (
            "Belarus 2017",
            "Belarus",
            [
                ("2017-01", "export", 300_000_000.0),
                ("2017-02", "export", 100_000_000.0),
                ("2017-01", "import", 200_000_000.0),
                ("2017-02", "import", 90_000_000.0),
            ],
        ),
        (
            "Brest Oblast 2018",
            "Brest Oblast",
            [
                ("2018-01", "export", 30_000_000.0),
                ("2018-02", "export", 11_000_000.0),
                ("2018-01", "import", 10_000_000.0),
                ("2018-02", "import", 7_300_000.0),
            ],
        ),
    ];
    for (name, reporter, rows) in sheets {
        let s = book.add_worksheet();
        s.set_name(name).unwrap();
        for (c, h) in ["period", "reporter", "partner", "flow", "commodity", "value_usd"].iter().enumerate() {
            s.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
        }
        for (r, (period, flow, value)) in rows.iter().enumerate() {
            let r = u32::try_from(r).unwrap() + 1;
            s.write_string(r, 0, *period).unwrap();
            s.write_string(r, 1, reporter).unwrap();
            s.write_string(r, 2, "Kazakhstan").unwrap();
            s.write_string(r, 3, *flow).unwrap();
            s.write_string(r, 4, "TOTAL").unwrap();
            s.write_number(r, 5, *value).unwrap();
        }
    }
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Synthetic values for tradedash tests").unwrap();
    book.save(path).unwrap();
}

#[test]
fn another_sheet_of_a_workbook_is_chosen_in_the_import_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-years.xlsx");
    three_sheet_workbook(&path);
    let mut h = harness();
    open(&mut h, path);
    h.get_by_label_contains("two-years.xlsx: 4 rows used, 0 skipped, 0 set aside");
    h.get_by_label_contains("3 sheets: choose another in the Import report");
    h.get_by_label("Import report").click();
    h.run();
    // The first sheet's totals: exports, imports and turnover of 2017.
    h.get_by_label("tradedash long table · XLSX, sheet \"Belarus 2017\" · header on line 1");
    h.get_by_label("400,000,000");
    h.get_by_label("290,000,000");
    h.get_by_label("690,000,000");
    let first = h.state().dataset().clone();

    h.get_by_label("Sheet").click();
    h.run();
    h.get_by_label("Brest Oblast 2018").click();
    wait_for_jobs(&mut h);
    // The second sheet's totals in the report window, which stays open.
    h.get_by_label("tradedash long table · XLSX, sheet \"Brest Oblast 2018\" · header on line 1");
    h.get_by_label("41,000,000");
    h.get_by_label("17,300,000");
    h.get_by_label("58,300,000");
    assert!(h.query_by_label("690,000,000").is_none(), "the first sheet's totals are gone");
    h.get_by_label_contains("two-years.xlsx, sheet “Brest Oblast 2018”");
    assert_ne!(h.state().dataset(), &first);
    assert!(h.state().is_dirty());

    // A sheet without a table opens the mapping step on it; the data shown stays.
    let second = h.state().dataset().clone();
    h.get_by_label("Sheet").click();
    h.run();
    h.get_by_label("Notes").click();
    wait_for_jobs(&mut h);
    assert!(h.state().is_asking_for_mapping());
    h.get_by_label_contains("of sheet “Notes”");
    assert_eq!(h.state().dataset(), &second);

    // Choosing a sheet is an edit like any other: Undo goes back to the first sheet's data.
    h.get_by_label("Cancel").click();
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert_eq!(h.state().dataset(), &first);
}
