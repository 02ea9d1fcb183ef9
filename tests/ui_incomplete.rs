//! Figures that say when they are incomplete, in the window: a file with a conflicting record
//! (two appended downloads that disagree on May 2018's imports) shows a banner above the chart
//! that opens the import report, a note under the KPI strip, and an "Incomplete" column in the
//! table and the CSV export; the built-in example, read whole, shows none of these.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;

use common::{fixture, wait_for_jobs};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::period::YearMonth;

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
    h.run_steps(8);
    if let Some(dont_save) = h.query_by_label("Don't save") {
        dont_save.click();
    }
    wait_for_jobs(h);
}

const APPENDED: &str = "comtrade-appended-overlap-synthetic.csv";
const NOTE: &str = "incomplete: 1 row of this period could not be read";

#[test]
fn a_conflicting_record_marks_its_month_and_raises_the_banner() {
    let mut h = harness();
    open(&mut h, fixture(APPENDED));
    let may = YearMonth { year: 2018, month: 5 };
    let counts = h.state().incomplete_counts();
    assert_eq!((counts.month(may), counts.year(2018)), (1, 1));

    // The banner: 1 of the 25 rows read is in conflict, and it falls in a period shown.
    h.get_by_label(
        "1 row of 25 read from comtrade-appended-overlap-synthetic.csv could not be used (1 in conflict \
         with another row of the same key); 1 of them falls in the periods shown, which are marked \
         incomplete.",
    );
    // The KPI strip: the year to date holds May.
    h.get_by_label_contains(&format!("Year to date (Jan–Sep 2018): {NOTE}"));
    // The table: May says so, the other months are blank in that column.
    h.get_by_label("Incomplete");
    assert_eq!(h.query_all_by_label("1 row unread").count(), 1);
    // The banner's button opens the report, which lists the conflict (every glyph drawn).
    h.get_by_label("Open import report").click();
    h.run();
    assert!(h.query_all_by_label_contains("Belarus (BLR) – Kazakhstan (KAZ), import, TOTAL").count() > 0);

    // The CSV export carries the column too: May 1, the others 0.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.csv");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::ExportTableCsv(path.clone()));
    let csv = std::fs::read_to_string(&path).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",incomplete_rows"), "{csv}");
    let marked: Vec<&str> = lines.filter(|l| !l.ends_with(",0")).collect();
    assert_eq!(marked.len(), 1, "{csv}");
    assert!(marked[0].starts_with("2018-05,") && marked[0].ends_with(",1"), "{csv}");

    // Undo the load: the example's figures come back, and with them no banner.
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert!(h.state().incomplete_counts().is_complete());
    assert!(h.query_by_label_contains("could not be used").is_none());
}

#[test]
fn the_built_in_example_shows_no_incomplete_mark() {
    let h = harness();
    assert!(h.state().incomplete_counts().is_complete());
    assert!(h.query_by_label_contains("could not be used").is_none());
    assert!(h.query_by_label_contains("row unread").is_none());
    assert!(h.query_by_label_contains("could not be read").is_none());
    // The table's Incomplete column is shown only where some period shown is incomplete.
    assert!(h.query_by_label("Incomplete").is_none());
}
