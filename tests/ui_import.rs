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
use tradedash::app::{Command, TradeDashApp};

fn harness() -> Harness<'static, TradeDashApp> {
    let app = TradeDashApp::with_default_workspace();
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
    // Exports and turnover of 2018 (exports only in this file).
    assert_eq!(h.get_all_by_label("31,300,500").count(), 2);

    // The report window stays open and shows the next file's report.
    open(&mut h, fixture("comtrade-legacy-synthetic.xls"));
    h.get_by_label("line 8, column Trade Value (US$): expected a number of US dollars, found \"n/a\"");
    h.get_by_label("1 rows (first on line 6): re-export, re-import or other flow detail (part of total X/M)");
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
