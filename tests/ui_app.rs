//! The window's UI driven as a person would: egui_kittest clicks and reads what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{ScriptedDialogs, fixture, harness, wait_for_jobs};
use egui::Role;
use egui_kittest::kittest::Queryable;
use tradedash::app::Command;

const KPI: &str = "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017";

#[test]
fn first_start_shows_the_seed_case_labelled_as_sample() {
    let dialogs = ScriptedDialogs::default();
    let h = harness(&dialogs);
    h.get_by_label(KPI);
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan 2017–Jul 2018");
    h.get_by_label("Sample data: illustrative monthly split of reported totals");
    h.get_by_label_contains("SAMPLE DATA");
    // Reported figures sit beside the computed ones, with their source.
    h.get_by_label("$690 million");
    h.get_by_label("$58.3 million, +18.6%");
    assert_eq!(h.get_all_by_label_contains("BelTA via Kazinform").count(), 2);
}

#[test]
fn changing_the_period_changes_the_chart_and_keeps_the_comparison() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let computed = h.state().aggregate_computations();
    // Open the "From" month list and pick January 2018.
    h.get_by_label("From").click();
    h.run();
    h.get_by_label("Jan 2018").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan–Jul 2018");
    // Year on year still compares with 2017, outside the shown range.
    h.get_by_label(KPI);
    // Now the "to" month: Mar 2018.
    h.get_by_label("to").click();
    h.run();
    h.get_by_label("Mar 2018").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan–Mar 2018");
    h.get_by_label_contains("Jan–Mar 2018 turnover: $22.7 million");
    let range = h.state().workspace().selection.range.unwrap();
    assert_eq!(range.label(), "Jan–Mar 2018");
    // The range is a view on the cached aggregate: no rescan of the data.
    assert_eq!(h.state().aggregate_computations(), computed);
    assert!(h.state().is_dirty(), "a changed selection is an unsaved change");
    h.get_by_label("All months").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan 2017–Jul 2018");
    assert!(!h.state().is_dirty(), "back to the state as opened: nothing unsaved");
}

#[test]
fn idle_frames_recompute_nothing() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let (agg, rebuilds) = (h.state().aggregate_computations(), h.state().chart_rebuilds());
    h.run_steps(20);
    assert_eq!(h.state().aggregate_computations(), agg);
    assert_eq!(h.state().chart_rebuilds(), rebuilds);
    // Toggling a series rebuilds the chart once, and does not touch the aggregate.
    h.get_all_by_role_and_label(Role::CheckBox, "Balance").next().unwrap().click();
    h.run();
    assert!(h.state().workspace().chart.balance);
    assert_eq!(h.state().aggregate_computations(), agg);
    assert_eq!(h.state().chart_rebuilds(), rebuilds + 1);
}

#[test]
fn open_data_from_the_menu_then_a_bad_file_keeps_what_was_loaded() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    dialogs.answer(fixture("comtrade-kaz-blr-synthetic.csv"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open data…").click();
    wait_for_jobs(&mut h);
    h.get_by_label_contains("comtrade-kaz-blr-synthetic.csv: 12 rows used, 1 skipped, 3 set aside");
    assert_eq!(h.state().dataset().len(), 12);
    // The seed's reporter and partner are not in this file: the selection falls back to all.
    h.get_by_label("All reporters – All partners: monthly trade, Jan–Mar 2018");
    let loaded = h.state().dataset().clone();

    // A header tradedash does not know: first the unsaved-changes question (the load above is
    // unsaved), then the column-mapping step; nothing is lost, and cancelling it leaves the
    // data as it was.
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(fixture("not-trade-data.csv")));
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Don't save").click();
    wait_for_jobs(&mut h);
    assert!(h.state().is_asking_for_mapping());
    h.get_by_label_contains("line 1: the header is not one tradedash knows");
    h.get_by_label_contains("The data shown is unchanged.");
    assert_eq!(h.state().dataset(), &loaded);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().is_asking_for_mapping());

    // A file that is not a table at all: a clear message, and nothing lost.
    h.state_mut().apply(&ctx, Command::Open(fixture("bad/binary.csv")));
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Don't save").click();
    wait_for_jobs(&mut h);
    h.get_by_label("Problem");
    // In the Problem window and in the status bar.
    assert_eq!(h.get_all_by_label_contains("binary.csv: this is not text").count(), 2);
    assert_eq!(h.get_all_by_label_contains("The data shown is unchanged.").count(), 2);
    assert_eq!(h.state().dataset(), &loaded);
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Problem").is_none());
}

#[test]
fn save_as_then_open_restores_the_workspace_exactly() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    h.get_all_by_role_and_label(Role::CheckBox, "Imports").next().unwrap().click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brest.ron");
    dialogs.answer(path.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save workspace as…").click();
    h.run();
    assert!(path.exists());
    assert!(!h.state().is_dirty());
    h.get_by_label_contains("Saved workspace");
    let saved = h.state().workspace().clone();

    // A fresh window opens the file and shows the same thing.
    let dialogs2 = ScriptedDialogs::default();
    let mut h2 = harness(&dialogs2);
    dialogs2.answer(path);
    h2.get_by_label("File").click();
    h2.run();
    h2.get_by_label_contains("Open workspace…").click();
    wait_for_jobs(&mut h2);
    assert_eq!(h2.state().workspace(), &saved);
    assert!(!h2.state().workspace().chart.imports);
    h2.get_by_label(KPI);
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_is_loaded() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let file: egui::DroppedFileHandle = Arc::new(Dropped(fixture("comtrade-legacy-blr-kaz-synthetic.csv")));
    h.input_mut().dropped_files.push(file);
    h.step();
    wait_for_jobs(&mut h);
    h.get_by_label_contains("comtrade-legacy-blr-kaz-synthetic.csv: 5 rows used, 1 skipped, 1 set aside");
    // The seed's partner (KAZ) is in this file, the reporter is not.
    h.get_by_label("All reporters – Kazakhstan: monthly trade, Jan–Feb 2018");
    h.get_by_label("Jan–Feb 2018 turnover: $130.5 million (no full Jan–Feb 2017 to compare)");
}

#[test]
fn without_a_file_dialog_the_app_offers_a_path_field() {
    let dialogs = ScriptedDialogs::default(); // answers nothing, at once: like rfd with no portal
    let mut h = harness(&dialogs);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open data…").click();
    h.run();
    h.get_by_label_contains("No file dialog is available on this desktop");
    h.get_by_label("Open a file by path");
    let path = fixture("comtrade-kaz-blr-synthetic.csv");
    h.get_by_label("Path of a CSV data file or a .ron workspace:").click();
    h.run();
    h.get_by_label("Path of a CSV data file or a .ron workspace:").type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Open").click();
    wait_for_jobs(&mut h);
    assert!(h.query_by_label("Open a file by path").is_none());
    assert_eq!(h.state().dataset().len(), 12);
}
