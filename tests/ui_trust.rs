//! Context that follows the data, in the window: a file about other trade (no reporter or
//! partner in common with the data shown) asks whether to start a new workspace or add its
//! data here, and both answers do what they say, undoably; a file of annual records opens in
//! the Annual view, and a view left empty by the data says which view has figures; every text
//! of the import report of every fixture draws with the app's fonts (kittest fails on a
//! missing glyph).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;

use common::{fixture, harness_for, wait_for_jobs};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::chart::{ChartSettings, ChartView};
use tradedash::model::workspace::Workspace;

const MOLDOVA: &str = "long-moldova-annual-synthetic.csv";
const QUESTION: &str = "This file is about other trade";

/// The example with its monthly split shown: Brest Oblast's sample months beside the published
/// figures (Brest Oblast, Belarus and Kazakhstan's own 2017).
fn example() -> Harness<'static, TradeDashApp> {
    harness_for(common::split_example())
}

/// The reporters of the example's data.
const EXAMPLE_REPORTERS: [&str; 3] = ["Brest Oblast", "Belarus", "Kazakhstan"];

fn apply(h: &mut Harness<'static, TradeDashApp>, command: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, command);
    h.run_steps(8);
}

/// Opens a file as File ▸ Open does (the example has no unsaved changes: no guard).
fn open(h: &mut Harness<'static, TradeDashApp>, path: PathBuf) {
    apply(h, Command::Open(path));
    wait_for_jobs(h);
}

fn reporters(h: &Harness<'static, TradeDashApp>) -> Vec<String> {
    h.state().dataset().reporters().iter().map(|p| p.name.clone()).collect()
}

#[test]
fn a_file_about_other_trade_asks_and_a_new_workspace_leaves_the_old_context_behind() {
    let mut h = example();
    let before = h.state().workspace().clone();
    assert!(!before.annotations.is_empty() && !before.reported.is_empty() && !before.visits.is_empty());
    assert!(!h.state().chart_event_labels().is_empty());
    open(&mut h, fixture(MOLDOVA));

    // The question, naming both trades; nothing has changed yet.
    h.get_by_label(QUESTION);
    h.get_by_label_contains("holds Moldova – Romania, Ukraine. The data shown is about");
    assert_eq!(reporters(&h), EXAMPLE_REPORTERS);
    assert_eq!(h.state().workspace(), &before);

    h.get_by_label("Start a new workspace").click();
    h.run_steps(8);
    assert!(h.query_by_label(QUESTION).is_none());
    let ws = h.state().workspace();
    assert_eq!(reporters(&h), ["Moldova"]);
    assert_eq!(ws.title, "long-moldova-annual-synthetic");
    assert!(ws.annotations.is_empty() && ws.visits.is_empty(), "no Brest events or visit markers");
    assert!(ws.reported.is_empty() && ws.targets.is_empty(), "no Brest reported figures or targets");
    assert_eq!((ws.selection.reporter.as_deref(), ws.selection.partner.as_deref()), (None, None));
    assert!(!ws.data.sample);
    assert!(h.state().is_dirty(), "a new workspace, not saved yet");
    // Annual records only: the Annual view, with Moldova's figures and no Brest markers.
    assert_eq!(ws.chart.view, ChartView::Annual);
    assert!(h.state().chart_event_labels().is_empty(), "{:?}", h.state().chart_event_labels());
    // Moldova's annual record in the table (the bar's hover text, "2018 (annual record): $1.1
    // billion", was found only while the pointer, left where the dialog's button was, happened
    // to rest on the bar).
    h.get_by_label("2018 (annual record)");
    assert!(h.query_by_label("1,100,000,000").is_some(), "Moldova's 2018 exports in the table");
    assert!(h.query_by_label_contains("No figures").is_none());

    // One undo step goes back to the example, its events and its figures.
    apply(&mut h, Command::Undo);
    assert_eq!(h.state().workspace(), &before);
    assert_eq!(reporters(&h), EXAMPLE_REPORTERS);
    assert!(!h.state().is_dirty());
    apply(&mut h, Command::Redo);
    assert_eq!(reporters(&h), ["Moldova"]);
    assert!(h.state().workspace().annotations.is_empty());
}

#[test]
fn adding_the_data_keeps_this_workspace_and_puts_the_rows_beside_its_own() {
    let mut h = example();
    let before = h.state().workspace().clone();
    let rows = h.state().dataset().len();
    open(&mut h, fixture(MOLDOVA));
    h.get_by_label("Add the data to this workspace").click();
    h.run_steps(8);
    let ws = h.state().workspace();
    assert_eq!(reporters(&h), ["Brest Oblast", "Belarus", "Kazakhstan", "Moldova"]);
    assert_eq!(h.state().dataset().len(), rows + 8);
    assert_eq!(ws.annotations, before.annotations);
    assert_eq!(ws.visits, before.visits);
    assert_eq!(ws.reported, before.reported);
    assert_eq!(ws.targets, before.targets);
    assert_eq!(ws.selection.reporter, before.selection.reporter);
    assert_eq!(ws.selection.partner, before.selection.partner);
    assert_eq!(ws.title, before.title);
    assert!(ws.data.sample, "the example's sample rows are still there");
    assert!(ws.data.label.ends_with(" + long-moldova-annual-synthetic.csv"), "{}", ws.data.label);
    // Monthly rows are still there: the view stays.
    assert_eq!(ws.chart.view, before.chart.view);

    apply(&mut h, Command::Undo);
    assert_eq!(h.state().workspace(), &before);
    assert_eq!(h.state().dataset().len(), rows);
}

#[test]
fn cancel_opens_nothing_and_a_related_file_asks_nothing() {
    let mut h = example();
    let before = h.state().workspace().clone();
    open(&mut h, fixture(MOLDOVA));
    h.get_by_label("Cancel").click();
    h.run_steps(8);
    assert!(h.query_by_label(QUESTION).is_none());
    assert_eq!(h.state().workspace(), &before);
    assert_eq!(reporters(&h), EXAMPLE_REPORTERS);

    // Belarus's trade with Kazakhstan shares Kazakhstan with the example: no question.
    open(&mut h, fixture("comtrade-legacy-blr-kaz-synthetic.csv"));
    assert!(h.query_by_label(QUESTION).is_none());
    assert_eq!(reporters(&h), ["Belarus"]);
    assert_eq!(h.state().workspace().annotations, before.annotations);
}

#[test]
fn the_file_given_at_start_gets_a_workspace_of_its_own_without_asking() {
    let app = TradeDashApp::with_default_workspace().with_initial_open(fixture(MOLDOVA));
    let mut h = harness_for(app);
    wait_for_jobs(&mut h);
    assert!(h.query_by_label(QUESTION).is_none());
    assert_eq!(reporters(&h), ["Moldova"]);
    assert!(h.state().workspace().reported.is_empty());

    // Even a file of the example's trade relation: the example was not chosen.
    let app = TradeDashApp::with_default_workspace()
        .with_initial_open(fixture("comtrade-appended-overlap-synthetic.csv"));
    let mut h = harness_for(app);
    wait_for_jobs(&mut h);
    assert!(h.query_by_label(QUESTION).is_none());
    assert_eq!(reporters(&h), ["Belarus"]);
    let ws = h.state().workspace();
    assert!(ws.reported.is_empty() && ws.annotations.is_empty() && ws.visits.is_empty());
    assert!(h.state().chart_event_labels().is_empty());
    // Undo goes back to the example.
    apply(&mut h, Command::Undo);
    assert_eq!(reporters(&h), EXAMPLE_REPORTERS);
}

#[test]
fn an_empty_view_says_which_view_has_figures_and_switches_to_it() {
    let mut h = harness_for(TradeDashApp::new(Workspace::default()));
    open(&mut h, fixture(MOLDOVA));
    assert_eq!(h.state().workspace().chart.view, ChartView::Annual);

    let monthly = ChartSettings { view: ChartView::Monthly, ..h.state().workspace().chart.clone() };
    apply(&mut h, Command::SetChart(monthly));
    assert!(h.query_by_label("No data for this selection.").is_none());
    h.get_by_label(
        "No figures for this selection in the “Monthly” view. The data has figures in the “Annual” view.",
    );
    h.get_by_label("Show “Annual”").click();
    h.run_steps(8);
    assert_eq!(h.state().workspace().chart.view, ChartView::Annual);
    assert!(h.query_by_label_contains("No figures").is_none());
}

#[test]
fn the_import_report_of_every_fixture_draws_every_glyph() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| [".csv", ".txt", ".xls", ".xlsx"].iter().any(|e| n.ends_with(e)))
        .collect();
    names.sort();
    let mut shown = 0;
    for name in &names {
        // Over an empty workspace: no question about the context.
        let mut h = harness_for(TradeDashApp::new(Workspace::default()));
        open(&mut h, dir.join(name));
        if h.state().import_report().is_none() {
            continue; // asks for a column mapping, or is no trade data
        }
        // kittest panics on a glyph the fonts lack, naming it.
        let ctx = h.ctx.clone();
        h.state_mut().apply(&ctx, Command::ShowImportReport);
        h.run_steps(8);
        assert!(h.query_all_by_label_contains(name.as_str()).count() > 0, "{name}");
        shown += 1;
    }
    assert!(shown >= 15, "import reports shown: {shown} of {}", names.len());
}

/// A long-format file of Belarus's trade with Kazakhstan over `years`, with enough commodity
/// rows to pass `BACKGROUND_ROWS` (the gauges are then evaluated on a background thread), and
/// optionally one unreadable row in May of the last year.
fn big_file(dir: &std::path::Path, name: &str, years: std::ops::RangeInclusive<i32>, bad: bool) -> PathBuf {
    use std::fmt::Write as _;
    let months = years.clone().count() * 12;
    let commodities = tradedash::model::query::BACKGROUND_ROWS / (months * 2) + 1;
    let mut text =
        String::from("period,reporter_code,reporter,partner_code,partner,flow,commodity,value_usd\n");
    for y in years.clone() {
        for m in 1..=12 {
            for c in 0..commodities {
                for flow in ["export", "import"] {
                    writeln!(text, "{y}-{m:02},BLR,Belarus,KAZ,Kazakhstan,{flow},{:06},1000", c + 100_000)
                        .unwrap();
                }
            }
        }
    }
    if bad {
        writeln!(text, "{}-05,BLR,Belarus,KAZ,Kazakhstan,export,999999,n/a", years.end()).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Steps until the load and the background work after it are over (large files: longer than
/// `wait_for_jobs` allows).
fn wait_long(h: &mut Harness<'static, TradeDashApp>) {
    // Idle for 10 frames in a row: the load's end and the gauges' background evaluation it
    // starts a frame later are both over.
    let mut idle = 0;
    for _ in 0..3000 {
        h.step();
        idle = if h.state().is_busy() { 0 } else { idle + 1 };
        if idle == 10 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!h.state().is_busy(), "loading and evaluating finished");
    h.run_steps(8);
}

#[test]
fn a_gauge_evaluated_in_the_background_shows_the_incomplete_count_of_the_new_data() {
    let dir = tempfile::tempdir().unwrap();
    // The example's target measures the last full year: 2017 in the first file, 2018 (with
    // one unreadable row in May) in the second.
    let first = big_file(dir.path(), "2016-2017.csv", 2016..=2017, false);
    let second = big_file(dir.path(), "2016-2018.csv", 2016..=2018, true);
    let mut h = example();
    apply(&mut h, Command::ShowTab(tradedash::ui::Tab::Targets));
    apply(&mut h, Command::Open(first));
    wait_long(&mut h);
    assert!(h.query_by_label_contains("could not be read").is_none());
    apply(&mut h, Command::Open(second));
    h.get_by_label("Don't save").click();
    wait_long(&mut h);
    assert!(h.state().dataset().len() > tradedash::model::query::BACKGROUND_ROWS);
    // Before the fix the count derived from the old statuses (2017: complete) stayed.
    h.get_by_label_contains("incomplete: 1 row of this period could not be read");
}
