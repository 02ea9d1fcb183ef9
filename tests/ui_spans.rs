//! The chart panel with figures published for periods longer than a month (issue 14): the
//! year-to-date view shows a published cumulative figure as published, at its last month,
//! beside the year-to-date sums computed from months; the Quarterly view lists quarters with
//! their published growth and flags one that differs from the computed change.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::sync::Arc;

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::command::CommandQueue;
use tradedash::io::workspace_file::default_workspace;
use tradedash::model::chart::ChartView;
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::{MonthRange, YearMonth};
use tradedash::model::query::{Aggregate, Selection, aggregate};
use tradedash::model::workspace::Workspace;
use tradedash::ui::chart::ChartPanel;
use tradedash::ui::{Revisions, ViewCtx};

struct Fixture {
    panel: ChartPanel,
    workspace: Workspace,
    dataset: Arc<Dataset>,
    aggregate: Aggregate,
}

fn span(y: i32, a: u8, b: u8) -> Period {
    Period::from_range(MonthRange::new(YearMonth::new(y, a).unwrap(), YearMonth::new(y, b).unwrap()))
}

/// Synthetic: exports Jan–Jul 2017 $50 million; Jan–Jul 2018 $58.3 million published at
/// 118.6% (computed from the two figures: +16.6%, so the table flags it); Jan–Jun 2018
/// $48 million; Q1 2017 $20 million; Q1 2018 $25 million at 125.0%.
fn dataset() -> Dataset {
    let rec = |period, v: f64| Record {
        period,
        reporter: Party { code: "BRS".into(), name: "Brest Oblast".into() },
        partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
        flow: Flow::Export,
        commodity: Commodity { code: "TOTAL".into(), name: String::new() },
        value_usd: v * 1e6,
    };
    let mut d: Dataset = [
        rec(span(2017, 1, 7), 50.0),
        rec(span(2018, 1, 6), 48.0),
        rec(span(2018, 1, 7), 58.3),
        rec(span(2017, 1, 3), 20.0),
        rec(span(2018, 1, 3), 25.0),
    ]
    .into_iter()
    .collect();
    d.set_published_change(2, 18.6);
    d.set_published_change(4, 25.0);
    d
}

fn harness(view: ChartView) -> Harness<'static, Fixture> {
    let mut workspace = default_workspace();
    workspace.data.embedded = None;
    workspace.selection = Selection::default();
    workspace.chart.view = view;
    workspace.chart.imports = false;
    workspace.chart.turnover = false;
    let dataset = Arc::new(dataset());
    let aggregate = aggregate(&dataset, &workspace.selection);
    let fixture = Fixture { panel: ChartPanel::default(), workspace, dataset, aggregate };
    let mut h = Harness::builder().with_size([1300.0, 1000.0]).build_ui_state(
        |ui, f: &mut Fixture| {
            let view = ViewCtx {
                workspace: &f.workspace,
                dataset: &f.dataset,
                aggregate: &f.aggregate,
                compared: &[],
                mirror: None,
                data_span: None,
                revisions: Revisions::default(),
                updating: false,
                report: None,
            };
            f.panel.ui(ui, &view, &mut CommandQueue::default());
        },
        fixture,
    );
    h.run();
    h
}

#[test]
fn the_ytd_view_shows_the_published_point() {
    let h = harness(ChartView::Ytd);
    // The published figure's column (table header and legend entry) and its value at July.
    h.get_by_role_and_label(Role::Button, "Exports YTD published");
    h.get_by_label("Jan–Jul 2018");
    h.get_by_label("58,300,000");
    // Its published growth, flagged: the figures give +16.6%.
    h.get_by_label("+16.6%");
    h.get_by_label_contains("+18.6% — differs from computed");
}

#[test]
fn the_quarterly_view_lists_published_and_derived_quarters() {
    let h = harness(ChartView::Quarterly);
    h.get_by_label("Q1 2018");
    h.get_by_label("25,000,000");
    // Q2 2018 = Jan–Jun − Jan–Mar, marked as derived.
    h.get_by_label("Q2 2018 (derived)");
    h.get_by_label("23,000,000");
    // Q1's published +25.0% agrees with the computed change: no flag.
    assert!(h.query_by_label_contains("differs from computed").is_none());
}
