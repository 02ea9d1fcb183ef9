//! The built-in example as it first opens: the figures as published (spans, with their growth
//! rates and sources), the illustrative monthly split off; the split switched on through the
//! sidebar (one undo step, saved with the workspace) is labelled SAMPLE everywhere.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::{ScriptedDialogs, harness_for};
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::chart::ChartView;

const TOGGLE: &str = "Show illustrative monthly split (SAMPLE)";

#[test]
fn first_start_shows_the_published_figures_and_no_sample() {
    let h = harness_for(TradeDashApp::with_default_workspace());
    let ws = h.state().workspace();
    assert_eq!(ws.chart.view, ChartView::Ytd, "the view that has the published figures");
    assert!(!ws.data.sample);
    assert_eq!(h.state().dataset().len(), 8);
    assert!(h.state().dataset().month_span().is_none(), "no month is invented");
    h.get_by_label("Brest Oblast – Kazakhstan: year-to-date trade, Jul 2018");
    assert!(h.query_by_label_contains("SAMPLE DATA").is_none());
    assert!(h.query_by_label_contains("Sample data").is_none());
    // The published Jan–Jul 2018 point, and Jan–Jul 2017 derived from its growth rate.
    let points = h.state().chart_reported_points();
    assert!(
        points.iter().any(|(_, y, label)| (*y - 58.3e6).abs() < 1.0 && label.contains("BelTA")),
        "{points:?}"
    );
    assert!(
        points.iter().any(|(_, _, label)| label.contains("derived from the published growth rate")),
        "{points:?}"
    );
    let table = h.state().shown_chart_table().unwrap();
    assert_eq!(table.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(), ["Jan–Jul 2018"]);
    h.get_by_label(TOGGLE);
}

#[test]
fn the_split_is_switched_on_labelled_sample_undone_and_saved() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness_for(TradeDashApp::with_default_workspace().with_dialogs(Box::new(dialogs.clone())));
    h.get_by_label(TOGGLE).click();
    h.run();
    assert_eq!(h.state().dataset().len(), 8 + 38);
    assert!(h.state().workspace().data.sample);
    assert!(h.state().workspace().data.sample_split.unwrap().shown);
    h.get_by_label_contains("SAMPLE DATA");
    h.get_by_label("Sample data: illustrative monthly split of reported totals");
    h.get_by_label_contains("Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017");
    assert!(h.state().is_dirty(), "showing the split is a change of the workspace");

    // Saved with the workspace, and read back shown.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("split.ron");
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::SaveWorkspaceAs(path.clone()));
    h.run();
    let back = tradedash::io::workspace_file::load(&path).unwrap();
    assert!(back.data.sample && back.data.sample_split.unwrap().shown);
    assert_eq!(back.data.embedded.as_ref().unwrap().len(), 46);

    // One undo step: the published figures alone again, no SAMPLE label.
    h.state_mut().apply(&ctx, Command::Undo);
    h.run();
    assert_eq!(h.state().dataset().len(), 8);
    assert!(!h.state().workspace().data.sample);
    assert!(h.query_by_label_contains("SAMPLE DATA").is_none());
    // Switched off again from the sidebar after redo: the same rows as the published file.
    h.state_mut().apply(&ctx, Command::Redo);
    h.run();
    h.get_by_label(TOGGLE).click();
    h.run();
    assert_eq!(*h.state().dataset(), tradedash::io::example::published());
}

#[test]
fn the_gauge_shows_896_million_from_its_source() {
    let mut h = harness_for(TradeDashApp::with_default_workspace());
    h.get_by_label("Targets").click();
    h.run();
    h.get_by_label("$896 million (2018, reported: law.by, legal news, August 2019; statistics of Belarus)");
    h.get_by_label_contains("89.6%");
}
