//! The window's UI driven as a person would: egui_kittest clicks and reads what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{ScriptedDialogs, fixture, harness, wait_for_jobs};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::chart::ChartView;
use tradedash::model::table::{RowKey, Unit};

const KPI: &str = "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017";

#[test]
fn the_example_with_its_split_shown_is_labelled_as_sample() {
    // `harness` starts on the example with its illustrative monthly split shown (the first
    // start, split off, is tested in tests/ui_example.rs).
    let dialogs = ScriptedDialogs::default();
    let h = harness(&dialogs);
    h.get_by_label(KPI);
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan 2017–Jul 2018");
    h.get_by_label("Sample data: illustrative monthly split of reported totals");
    h.get_by_label_contains("SAMPLE DATA");
    // Reported figures sit beside the computed ones, with their source.
    h.get_by_label("$690 million");
    h.get_by_label("$58.3 million, +18.6%");
    // Three figures published by BelTA in the sidebar, and the KPI strip's reported card.
    assert_eq!(h.get_all_by_label_contains("BelTA via Kazinform").count(), 4);
}

#[test]
fn changing_the_period_changes_the_chart_and_keeps_the_comparison() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let computed = h.state().aggregate_computations();
    // Open the "From" month list and pick January 2018.
    h.get_by_label("From").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Jan 2018").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan–Jul 2018");
    // Year on year still compares with 2017, outside the shown range.
    h.get_by_label(KPI);
    // Now the "to" month: Mar 2018.
    h.get_by_label("to").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Mar 2018").click();
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

fn click_checkbox(h: &mut Harness<'static, TradeDashApp>, label: &str) {
    h.get_all_by_role_and_label(Role::CheckBox, label).next().unwrap().click();
    h.run();
}

#[test]
fn views_switch_and_the_table_shows_the_numbers_drawn() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let (agg, rebuilds) = (h.state().aggregate_computations(), h.state().chart_rebuilds());
    h.get_by_label("Year to date").click();
    h.run();
    assert_eq!(h.state().workspace().chart.view, ChartView::Ytd);
    h.get_by_label("Brest Oblast – Kazakhstan: year-to-date trade, Jan 2017–Jul 2018");
    // A view is derived from the cached aggregate: one rebuild of the chart, no rescan.
    assert_eq!(h.state().chart_rebuilds(), rebuilds + 1);
    assert_eq!(h.state().aggregate_computations(), agg);
    // Sort by period, latest first: the seed's January–July row comes to the top.
    h.get_by_label("Period").click();
    h.run();
    h.get_by_label("Period (asc)").click();
    h.run();
    h.get_by_label("Period (desc)");
    h.get_by_label("Jan–Jul 2018");
    // Computed from the months and, beside it, as published.
    assert_eq!(h.get_all_by_label("58,300,000").count(), 2);
    // The year-earlier figures are off by default; the table's Columns menu shows them.
    h.get_by_label_contains("Columns (").click();
    h.run();
    // (The legend has an entry of the same name, after the menu in the tree.)
    h.get_all_by_role_and_label(Role::CheckBox, "Turnover YTD a year earlier").next().unwrap().click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Columns (6 hidden)");
    assert!(h.get_all_by_label("49,160,000").count() >= 1, "Jan–Jul 2017 beside it");
    assert_eq!(h.state().chart_rebuilds(), rebuilds + 1, "sorting rebuilds nothing");
    // The KPI strip does not depend on the view.
    h.get_by_label(KPI);
    h.get_by_label("Jul 2018: $8.9 million, +19.1% on Jul 2017");
    h.get_by_label("Jan–Jul 2018 balance: $42.6 million");

    // Year on year, turnover only: the year-to-date change of July is the seed's +18.6%.
    click_checkbox(&mut h, "Exports");
    click_checkbox(&mut h, "Imports");
    h.get_by_label("Year on year %").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: change on a year earlier, Jan 2017–Jul 2018");
    h.get_by_role_and_label(Role::Button, "Turnover YTD YoY"); // the table header (and a legend entry)
    // Jan–Jul (and, by chance, Jan–Apr) 2018 against 2017.
    assert!(h.get_all_by_label("+18.6%").count() >= 1);
    h.get_by_label("+19.1%");
    let table = h.state().chart_table();
    assert_eq!(table.columns.len(), 2);
    assert!(table.rows[..12].iter().all(|r| r.values == vec![None, None]), "2017 has no year before it");

    // Rolling 12 months and annual.
    h.get_by_label("Rolling 12 months").click();
    h.run();
    h.get_by_label("Aug 2017–Jul 2018");
    h.get_by_label("96,080,000");
    h.get_by_label("Annual").click();
    h.run();
    h.get_by_label("Brest Oblast – Kazakhstan: annual trade, 2017–2018");
    h.get_by_label("2018 (Jan–Jul, 7 months)");
    h.get_by_label("86,940,000");
    // Bars and stacked bars are drawn from the same numbers.
    h.get_by_label("Stacked").click();
    h.run();
    assert!(h.state().workspace().chart.bars && h.state().workspace().chart.stacked);
    assert_eq!(h.state().aggregate_computations(), agg);
    h.run_steps(10);
    let settled = h.state().chart_rebuilds();
    h.run_steps(10);
    assert_eq!(h.state().chart_rebuilds(), settled, "idle frames rebuild nothing");
}

#[test]
fn a_partner_filter_recomputes_once_and_the_kpi_and_table_follow() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    dialogs.answer(fixture("comtrade-kaz-blr-synthetic.csv"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open data…").click();
    wait_for_jobs(&mut h);
    // No partner chosen: Comtrade's World row stands for all partners.
    h.get_by_label("900,000,000");
    let (agg, rebuilds) = (h.state().aggregate_computations(), h.state().chart_rebuilds());
    h.get_by_label("Partner").click();
    h.run();
    h.get_by_label("Belarus (BLR)").click();
    h.run();
    assert_eq!(h.state().workspace().selection.partner.as_deref(), Some("BLR"));
    assert_eq!(h.state().aggregate_computations(), agg + 1, "one recomputation per filter change");
    assert_eq!(h.state().chart_rebuilds(), rebuilds + 1);
    h.get_by_label("All reporters – Belarus: monthly trade, Jan–Mar 2018");
    assert!(h.query_by_label("900,000,000").is_none());
    h.get_by_label("8,100,001"); // 8,100,000.5 shown to the dollar
    h.get_by_label("41,250,000");
    h.get_by_label("Jan–Mar 2018 turnover: $117.3 million (no full Jan–Mar 2017 to compare)");
    // The annual view takes 2017 from the annual records, and never spreads them over months.
    click_checkbox(&mut h, "Exports");
    click_checkbox(&mut h, "Imports");
    h.get_by_label("Annual").click();
    h.run();
    h.get_by_label("2017 (annual record)");
    h.get_by_label("604,100,000");
    h.get_by_label("2018 (Jan–Mar, 3 months)");
    h.get_by_label("117,250,001");
    assert_eq!(h.state().aggregate_computations(), agg + 1);
}

#[test]
fn events_are_listed_added_edited_and_deleted() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    // The seed's commission comes with the default workspace (the visit is drawn from the
    // itinerary itself, not listed as an event to edit).
    assert!(h.query_by_label("Kazakhstan's Ambassador visits Brest Oblast").is_none());
    h.get_by_label("Nov 2018");
    h.get_by_label("14th intergovernmental commission (moved from September)");
    assert!(!h.state().is_dirty());

    h.get_by_label("Add event").click();
    h.run();
    let type_into = |h: &mut Harness<'static, TradeDashApp>, field: &str, text: &str| {
        h.get_by_label(field).click();
        h.run();
        h.get_by_label(field).type_text(text);
        h.run();
    };
    type_into(&mut h, "Date", "2018-03-31");
    // Saved without saying what happened: the form says so and keeps what was typed.
    h.get_by_label("Save event").click();
    h.run();
    h.get_by_label("Say what happened");
    assert_eq!(h.state().workspace().annotations.len(), 1);
    type_into(&mut h, "What", "Trade fair in Astana");
    h.get_by_label("Save event").click();
    h.run();
    let events = &h.state().workspace().annotations;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].label, "Trade fair in Astana", "kept in date order");
    assert!(h.state().is_dirty());
    h.get_by_label("31 Mar 2018");

    // Edit it: a two-day fair.
    h.get_all_by_label("Edit event").next().unwrap().click();
    h.run();
    type_into(&mut h, "Until", "2018-04-01");
    h.get_by_label("Save event").click();
    h.run();
    h.get_by_label("31 Mar 2018 – 1 Apr 2018");
    assert_eq!(h.state().workspace().annotations[0].end.unwrap().to_string(), "2018-04-01");

    h.get_all_by_label("Delete event").next().unwrap().click();
    h.run();
    assert_eq!(h.state().workspace().annotations.len(), 1);
    assert!(h.query_by_label("Trade fair in Astana").is_none());
    // Events are part of the workspace: undo brings the deleted one back.
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert_eq!(h.state().workspace().annotations.len(), 2);
    h.get_by_label("Trade fair in Astana");
}

#[test]
fn export_csv_writes_exactly_the_numbers_in_the_table() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    h.get_by_label("Year to date").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ytd.csv");
    dialogs.answer(path.clone());
    h.get_by_label("Export CSV…").click();
    h.run();
    h.get_by_label_contains("Exported table");
    let shown = h.state().shown_chart_table().unwrap().clone();
    assert_eq!(shown, h.state().chart_table(), "the file is made from the table on screen");
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..4], ["period", "label", "Exports YTD (USD)", "Exports YTD a year earlier (USD)"]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), shown.rows.len());
    // The example's split is sample data: every row says so.
    assert_eq!(header.last().map(String::as_str), Some("data"));
    assert!(records.iter().all(|r| r.iter().next_back() == Some("SAMPLE (illustrative)")));
    for (rec, row) in records.iter().zip(&shown.rows) {
        assert_eq!(rec[0], row.key.code());
        assert_eq!(rec[1], row.label);
        for ((cell, value), col) in rec.iter().skip(2).zip(&row.values).zip(&shown.columns) {
            // Money to the dollar; the growth columns (published beside computed) are rates.
            if col.unit == Unit::Usd {
                assert_eq!(cell.parse::<f64>().ok(), *value, "{} {}", row.label, col.name);
            }
        }
    }
    let jul = records.iter().find(|r| &r[0] == "2018-07").unwrap();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(
        (&jul[1], &jul[at("Turnover YTD (USD)")], &jul[at("Turnover YTD a year earlier (USD)")]),
        ("Jan–Jul 2018", "58300000", "49160000")
    );
    // Gaps are empty cells, not zeros: 2017 has no year before it.
    assert_eq!(&records[0][3], "");
    assert_eq!(shown.rows[0].key, RowKey::Month(tradedash::model::period::YearMonth::new(2017, 1).unwrap()));
}

fn open_fixture(h: &mut Harness<'static, TradeDashApp>, dialogs: &ScriptedDialogs, name: &str) {
    dialogs.answer(fixture(name));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open data…").click();
    wait_for_jobs(h);
}

fn choose(h: &mut Harness<'static, TradeDashApp>, combo: &str, item: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn mirror_statistics_show_both_sides_and_the_gap() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    open_fixture(&mut h, &dialogs, "long-mirror-blr-kaz-synthetic.csv");
    choose(&mut h, "Reporter", "Belarus (BLR)");
    choose(&mut h, "Partner", "Kazakhstan (KAZ)");
    let agg = h.state().aggregate_computations();
    h.get_by_label("Mirror statistics").click();
    h.run();
    assert_eq!(h.state().aggregate_computations(), agg, "the mirror was computed with the selection");
    h.get_by_label("Belarus – Kazakhstan, each side's statistics: monthly trade, Jan–Mar 2018");
    h.get_by_role_and_label(Role::Button, "Kazakhstan imports from Belarus");
    h.get_by_role_and_label(Role::Button, "Gap on exports");
    // January: Kazakhstan records 66.0 M of imports against Belarus' 60.0 M of exports.
    h.get_by_label("6,000,000");
    h.get_by_label("3,100,000");
    // Imports the other way: 8.1 M reported by Kazakhstan against Belarus' 9.0 M.
    h.get_by_label("−900,000");
    let t = h.state().chart_table();
    let march = t.rows.last().unwrap();
    assert_eq!(march.label, "Mar 2018");
    assert_eq!(march.values, vec![Some(70_000_000.0), None, Some(11_000_000.0), None, None, None]);
}

#[test]
fn partners_are_compared_side_by_side() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    open_fixture(&mut h, &dialogs, "long-mirror-blr-kaz-synthetic.csv");
    choose(&mut h, "Reporter", "Belarus (BLR)");
    choose(&mut h, "Partner", "Kazakhstan (KAZ)");
    let (agg, rebuilds) = (h.state().aggregate_computations(), h.state().chart_rebuilds());
    h.get_by_label("Compare with other partners (0)").click();
    h.run();
    h.get_by_label("Russian Federation (RUS)").click();
    h.run();
    assert_eq!(h.state().workspace().selection.compare, vec!["RUS".to_owned()]);
    assert_eq!(h.state().aggregate_computations(), agg + 1);
    assert_eq!(h.state().chart_rebuilds(), rebuilds + 1);
    h.get_by_label("Belarus – Kazakhstan, Russian Federation: monthly trade (turnover), Jan–Mar 2018");
    h.get_by_role_and_label(Role::Button, "Russian Federation");
    h.get_by_label("69,000,000");
    assert_eq!(h.get_all_by_label("700,000,000").count(), 3, "Russia, Jan–Mar");
    // Year to date per partner.
    h.get_by_label("Year to date").click();
    h.run();
    h.get_by_label("1,400,000,000"); // Russia Jan–Feb
    h.get_by_label("2,100,000,000"); // Russia Jan–Mar
}

#[test]
fn commodities_are_found_by_name_and_level() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    open_fixture(&mut h, &dialogs, "comtrade-kaz-blr-synthetic.csv");
    h.get_by_label("Commodity (HS)").click();
    h.run();
    h.get_by_label("Commodity (HS)").type_text("dairy");
    h.run();
    h.get_by_label("04 Dairy produce; birds' eggs; natural honey");
    // Headings only: no dairy heading in this file.
    h.get_by_label("Headings").click();
    h.run();
    h.get_by_label("No commodity matches");
    h.get_by_label("Chapters").click();
    h.run();
    let agg = h.state().aggregate_computations();
    h.get_by_label("04 Dairy produce; birds' eggs; natural honey").click();
    h.run();
    assert_eq!(h.state().workspace().selection.commodity.as_deref(), Some("04"));
    assert_eq!(h.state().aggregate_computations(), agg + 1);
    h.get_by_label("All reporters – All partners: monthly trade, HS 04, Jan–Mar 2018");
    h.get_by_label("30,000,000"); // January dairy imports
}

#[test]
fn without_a_file_dialog_save_as_asks_for_a_path_and_saves() {
    let dialogs = ScriptedDialogs::default(); // answers nothing, at once
    let mut h = harness(&dialogs);
    h.get_all_by_role_and_label(Role::CheckBox, "Balance").next().unwrap().click();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save workspace as…").click();
    h.run();
    h.get_by_label("Save the workspace to a path");
    h.get_by_label_contains("Type the path to write to.");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    h.get_by_label("Path of the .ron file to write:").click();
    h.run();
    h.get_by_label("Path of the .ron file to write:").type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label("Save the workspace to a path").is_none());
    assert!(tradedash::io::workspace_file::load(&path).unwrap().chart.balance);
    assert!(!h.state().is_dirty());
}
