//! Loading in the background with a progress bar and Cancel, and filter changes on large data
//! computed off the UI thread: the window stays usable and loses nothing.
//!
//! The loads here read from a named pipe that the test holds open, so the test decides when
//! the load can end: no race with the loading thread.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::{ScriptedDialogs, fixture, harness, harness_for, wait_for_jobs};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::{BUSY_REPAINT, TradeDashApp, progress_text};
use tradedash::command::Command;
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::YearMonth;
use tradedash::model::query::{BACKGROUND_ROWS, Selection};
use tradedash::model::workspace::{DataSource, Workspace};

const KPI: &str = "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017";
const HEADER: &str = "period,reporter,partner,flow,commodity,value_usd\n";

/// A named pipe in `dir`, opened for reading and writing so that neither side blocks on open:
/// the loading thread reads what the test writes and waits for more until the test drops it.
fn pipe(dir: &Path, name: &str) -> (PathBuf, std::fs::File) {
    let path = dir.join(name);
    let status = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
    assert!(status.success(), "mkfifo");
    let f = std::fs::OpenOptions::new().read(true).write(true).open(&path).unwrap();
    (path, f)
}

/// Steps until the running load has read `bytes` bytes (bounded).
fn wait_for_bytes(h: &mut Harness<'static, TradeDashApp>, bytes: u64) {
    for _ in 0..500 {
        h.step();
        if h.state().load_progress().is_some_and(|p| p.snapshot().bytes >= bytes) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the load did not read {bytes} bytes");
}

fn repaint_delay(h: &Harness<'static, TradeDashApp>) -> Duration {
    h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn a_load_shows_its_progress_can_be_cancelled_and_changes_nothing() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let dir = tempfile::tempdir().unwrap();
    let (path, mut writer) = pipe(dir.path(), "comtrade.csv");
    let mut text = String::from(HEADER);
    // Less than a pipe's buffer (64 kB), so that writing never waits for the reader.
    for i in 0..1_000 {
        text.push_str(&format!("2018-01,Belarus,Kazakhstan,export,{:06},{}\n", 10_000 + i, 1000 + i));
    }
    writer.write_all(text.as_bytes()).unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(path));
    wait_for_bytes(&mut h, text.len() as u64);
    h.run();

    // The progress bar says what is loaded and how far it got, beside a Cancel button.
    let progress = h.state().load_progress().unwrap().snapshot();
    assert_eq!(progress.bytes, text.len() as u64);
    let shown = progress_text("comtrade.csv", progress);
    assert_eq!(shown, "Loading comtrade.csv — 46 kB, 0 rows", "a pipe has no size; nothing parsed yet");
    h.get_by_role_and_label(Role::ProgressIndicator, &shown);
    h.get_by_role_and_label(Role::Button, "Cancel");
    assert!(h.state().is_loading());

    // Meanwhile the window repaints only now and then…
    h.step();
    assert_eq!(repaint_delay(&h), BUSY_REPAINT);
    // …and the rest of it works: the chart, a filter, the tabs.
    h.get_by_label(KPI);
    h.get_all_by_role_and_label(Role::CheckBox, "Imports").next().unwrap().click();
    h.run();
    assert!(!h.state().workspace().chart.imports, "a chart setting changed while loading");
    h.get_by_label("Targets").click();
    h.run();
    h.get_by_label("Monthly trade").click();
    h.run();
    assert!(h.state().is_loading(), "still loading");

    let dataset = h.state().dataset().clone();
    let workspace = h.state().workspace().clone();
    let (dirty, undo_redo) = (h.state().is_dirty(), h.state().can_undo_redo());
    assert!(dirty && undo_redo == (true, false));
    let rows_before = dataset.len();

    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    // The thread sees the flag when its read returns: let it return (end of the pipe).
    drop(writer);
    wait_for_jobs(&mut h);

    assert!(!h.state().is_loading());
    h.get_by_label("Loading cancelled: comtrade.csv. The data shown is unchanged.");
    assert!(h.query_by_label("Problem").is_none(), "a cancel is not an error");
    assert_eq!(h.state().dataset(), &dataset);
    assert_eq!(h.state().dataset().len(), rows_before);
    assert_eq!(h.state().workspace(), &workspace);
    assert_eq!(h.state().is_dirty(), dirty);
    assert_eq!(h.state().can_undo_redo(), undo_redo);
    assert!(h.state().recent().is_empty(), "a cancelled file is not a recent file");
    h.get_by_label(KPI);
    // Undo still undoes the edit made while loading, and nothing else.
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert!(h.state().workspace().chart.imports);
    assert!(!h.state().is_dirty());

    // Idle again: no repaint at all.
    h.run_steps(3);
    assert_eq!(repaint_delay(&h), Duration::MAX);
}

#[test]
fn opening_a_second_file_cancels_the_first() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let dir = tempfile::tempdir().unwrap();
    let (slow, mut writer) = pipe(dir.path(), "slow.csv");
    writer.write_all(HEADER.as_bytes()).unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(slow));
    wait_for_bytes(&mut h, HEADER.len() as u64);
    h.get_by_label_contains("Loading slow.csv");

    dialogs.answer(fixture("comtrade-kaz-blr-synthetic.csv"));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open data…").click();
    h.step();
    h.step();
    assert!(h.query_by_label_contains("Loading slow.csv").is_none(), "only the newest load is shown");
    // The second file loads while the first still waits for its pipe: "Cancelling…" until it ends.
    for _ in 0..500 {
        h.step();
        if h.state().dataset().len() == 12 {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(h.state().dataset().len(), 12);
    h.run();
    assert!(h.state().is_loading());
    h.get_by_label("Cancelling…");
    // The first load ends (cancelled) once its pipe closes; its rows never show.
    writer.write_all(b"2018-01,Belarus,Kazakhstan,export,TOTAL,999\n").unwrap();
    drop(writer);
    wait_for_jobs(&mut h);
    assert_eq!(h.state().dataset().len(), 12);
    h.get_by_label_contains("comtrade-kaz-blr-synthetic.csv: 12 rows used, 1 skipped, 3 set aside");
    let notices: Vec<_> = h.state().notices().iter().map(|n| n.text.as_str()).collect();
    assert!(
        notices.contains(&"Loading slow.csv cancelled: opening comtrade-kaz-blr-synthetic.csv instead"),
        "{notices:?}"
    );
    assert!(!notices.iter().any(|n| n.starts_with("Loading cancelled")), "{notices:?}");
    // One load, one undo step.
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    h.get_by_label(KPI);
}

/// `BACKGROUND_ROWS + extra` rows: Belarus's exports to Kazakhstan ($1 each, over many HS
/// codes) and to Russia ($3 each) in Jan 2018.
fn big_dataset() -> Dataset {
    let party = |code: &str, name: &str| Party { code: code.into(), name: name.into() };
    let month = Period::Month(YearMonth::new(2018, 1).unwrap());
    let n = BACKGROUND_ROWS / 2 + 1_000;
    (0..n)
        .flat_map(|i| {
            let code = format!("{:06}", 10_000 + i % 5_000);
            [("KAZ", "Kazakhstan", 1.0), ("RUS", "Russian Federation", 3.0)].map(|(c, name, v)| Record {
                period: month,
                reporter: party("BLR", "Belarus"),
                partner: party(c, name),
                flow: Flow::Export,
                commodity: Commodity { code: code.clone(), name: String::new() },
                value_usd: v,
            })
        })
        .collect()
}

#[test]
fn on_large_data_a_filter_change_is_computed_in_the_background() {
    let data = big_dataset();
    let rows = data.len();
    assert!(rows > BACKGROUND_ROWS);
    let ws = Workspace {
        title: "Large".into(),
        data: DataSource {
            label: "synthetic".into(),
            embedded: Some(Arc::new(data)),
            ..DataSource::default()
        },
        selection: Selection {
            reporter: Some("BLR".into()),
            partner: Some("KAZ".into()),
            ..Selection::default()
        },
        ..Workspace::default()
    };
    let mut h = harness_for(TradeDashApp::new(ws));
    wait_for_jobs(&mut h);
    let kaz = (rows / 2) as f64;
    assert_eq!(h.state().shown_aggregate().months[0].sums.exports_usd, kaz);
    h.get_by_label("Belarus – Kazakhstan: monthly trade, Jan 2018");
    let computed = h.state().aggregate_computations();

    // Choose Russia in the partner list, as a person would.
    h.get_by_label("Partner").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Russian Federation (RUS)").click();
    h.step();
    assert_eq!(h.state().workspace().selection.partner.as_deref(), Some("RUS"));
    // The next frame starts the computation and shows the previous figures meanwhile (a result
    // is only taken in at the start of a frame, so this frame cannot have it yet).
    h.step();
    assert!(h.state().is_updating());
    h.get_by_label("Updating…");
    h.get_by_label("Belarus – Kazakhstan: monthly trade, Jan 2018");
    assert_eq!(h.state().shown_aggregate().months[0].sums.exports_usd, kaz);
    wait_for_jobs(&mut h);
    assert!(h.query_by_label("Updating…").is_none());
    h.get_by_label("Belarus – Russian Federation: monthly trade, Jan 2018");
    assert_eq!(h.state().shown_aggregate().months[0].sums.exports_usd, 3.0 * kaz);
    assert_eq!(h.state().aggregate_computations(), computed + 1);
    assert_eq!(h.state().chart_table().rows.len(), 1);
}
