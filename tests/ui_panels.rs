//! Panels driven alone, without the app: each draws from a `ViewCtx` built here from the
//! built-in workspace and only pushes commands, which the tests read from the queue.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::sync::Arc;

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::command::{Command, CommandQueue};
use tradedash::io::workspace_file::default_workspace;
use tradedash::model::dataset::Dataset;
use tradedash::model::query::{Aggregate, aggregate};
use tradedash::model::workspace::Workspace;
use tradedash::ui::chart::ChartPanel;
use tradedash::ui::gauges::GaugesPanel;
use tradedash::ui::sidebar::Sidebar;
use tradedash::ui::{Panel, Revisions, ViewCtx};

/// What a panel draws from, owned here, and what it pushed.
struct Fixture<P> {
    panel: P,
    workspace: Workspace,
    dataset: Arc<Dataset>,
    aggregate: Aggregate,
    revisions: Revisions,
    commands: CommandQueue,
}

impl<P> Fixture<P> {
    fn new(panel: P) -> Self {
        let mut workspace = default_workspace();
        let dataset = workspace.data.embedded.take().unwrap();
        let aggregate = aggregate(&dataset, &workspace.selection);
        Self {
            panel,
            workspace,
            dataset,
            aggregate,
            revisions: Revisions::default(),
            commands: CommandQueue::default(),
        }
    }

    /// Draws `panel` with a `ViewCtx` of the fixture.
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        draw: impl FnOnce(&mut P, &mut egui::Ui, &ViewCtx<'_>, &mut CommandQueue),
    ) {
        let view = ViewCtx {
            workspace: &self.workspace,
            dataset: &self.dataset,
            aggregate: &self.aggregate,
            compared: &[],
            mirror: None,
            data_span: None,
            revisions: self.revisions,
            updating: false,
            report: None,
            lang: tradedash::i18n::Lang::En,
        };
        draw(&mut self.panel, ui, &view, &mut self.commands);
    }

    /// A new selection, as the pipeline would apply it: the selection and workspace revisions go up.
    fn select_partner(&mut self, partner: Option<&str>) {
        self.workspace.selection.partner = partner.map(str::to_owned);
        self.aggregate = aggregate(&self.dataset, &self.workspace.selection);
        self.revisions.selection += 1;
        self.revisions.workspace += 1;
        self.revisions.aggregates += 1;
    }

    fn pushed(&mut self) -> Vec<Command> {
        let mut out = Vec::new();
        while let Some(q) = self.commands.pop() {
            out.push(q.command);
        }
        out
    }
}

fn panel_harness<P: Panel + 'static>(panel: P) -> Harness<'static, Fixture<P>> {
    let mut h = Harness::builder()
        .with_size([1100.0, 1300.0])
        .build_ui_state(|ui, f: &mut Fixture<P>| f.ui(ui, Panel::ui), Fixture::new(panel));
    h.run();
    h
}

#[test]
fn the_gauges_alone_evaluate_each_target_once_and_not_again_for_another_partner() {
    let mut h = panel_harness(GaugesPanel::default());
    let targets = h.state().workspace.targets.len();
    assert!(targets > 0, "the built-in workspace has targets");
    h.get_by_label_contains(&h.state().workspace.targets[0].name.clone());
    assert_eq!(h.state().panel.evaluations(), targets as u64);
    // Another partner in the sidebar: targets name their own scope, so nothing is re-evaluated.
    h.state_mut().select_partner(Some("BLR"));
    h.run();
    assert_eq!(h.state().panel.evaluations(), targets as u64, "no target re-evaluated");
    // New data is another matter: each target once more.
    h.state_mut().revisions.data += 1;
    h.run();
    assert_eq!(h.state().panel.evaluations(), 2 * targets as u64);
    assert!(h.state_mut().pushed().is_empty(), "drawing pushes nothing");
}

#[test]
fn the_chart_alone_pushes_a_settings_change_and_applies_nothing() {
    let mut h = panel_harness(ChartPanel::default());
    assert_eq!(h.state().panel.rebuilds(), 1);
    let before = h.state().workspace.chart.clone();
    h.get_all_by_role_and_label(Role::CheckBox, "Balance").next().unwrap().click();
    h.run();
    let pushed = h.state_mut().pushed();
    assert!(
        matches!(pushed.as_slice(), [Command::SetChart(s)] if s.balance != before.balance),
        "one SetChart with Balance toggled: {pushed:?}"
    );
    assert_eq!(h.state().workspace.chart, before, "the panel changed nothing itself");
    assert_eq!(h.state().panel.rebuilds(), 1, "nothing it reads changed");
}

#[test]
fn the_sidebar_alone_pushes_the_partner_chosen() {
    let mut h = panel_harness(SidebarPanel(Sidebar::default()));
    h.get_by_label("Partner").click();
    h.run();
    // "All partners" is another choice than the workspace's own partner.
    assert!(h.state().workspace.selection.partner.is_some());
    h.get_by_label("All partners").click();
    h.run();
    let pushed = h.state_mut().pushed();
    assert!(matches!(pushed.as_slice(), [Command::SetSelection(s)] if s.partner.is_none()), "{pushed:?}");
    assert!(h.state().workspace.selection.partner.is_some(), "the sidebar changed nothing itself");
}

/// The sidebar is not a tab; drawn here through the same trait.
struct SidebarPanel(Sidebar);

impl Panel for SidebarPanel {
    fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        self.0.ui(ui, view, commands);
    }
}
