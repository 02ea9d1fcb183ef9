//! Panels. Each draws from a read-only [`ViewCtx`] and pushes [`crate::command::Command`]s into
//! a [`CommandQueue`]; none changes the workspace itself, and none imports the app.

pub mod chart;
pub mod composition;
pub mod form;
pub mod gauges;
pub mod groups;
pub mod import;
pub mod itinerary;
pub mod memo;
pub mod reported;
pub mod sidebar;
pub mod tab;
pub mod theme;

pub use tab::Tab;

use std::sync::Arc;

use crate::command::CommandQueue;
use crate::io::import::ImportReport;
use crate::model::dataset::Dataset;
use crate::model::query::Aggregate;
use crate::model::workspace::Workspace;

/// Counters that go up when what they name changes. The command pipeline bumps them, in one
/// place, after each command; panels key their caches ([`memo::Memo`]) on the ones they read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Revisions {
    /// The dataset was replaced (a load, undo of a load).
    pub data: u64,
    /// The selection changed.
    pub selection: u64,
    /// Anything in the workspace changed (the selection and the data included).
    pub workspace: u64,
    /// The aggregates shown changed: the new selection's figures arrived (possibly from the
    /// background). Bumped where the aggregate cache is refreshed.
    pub aggregates: u64,
}

/// What panels read while drawing a frame. Built once per frame from the app state; nothing
/// in it scans the dataset.
pub struct ViewCtx<'a> {
    /// The workspace as it is now.
    pub workspace: &'a Workspace,
    /// The loaded trade data (empty when none); shared, so that background work can hold it.
    pub dataset: &'a Arc<Dataset>,
    /// Monthly and yearly totals of the current selection (cached).
    pub aggregate: &'a Aggregate,
    /// One aggregate per compared partner (`Selection::compare`), cached with the aggregate.
    pub compared: &'a [(String, Aggregate)],
    /// The partner's own figures for its trade with the reporter, when the data has them (cached).
    pub mirror: Option<&'a Aggregate>,
    /// First and last month in the whole dataset (computed when the data is loaded).
    pub data_span: Option<crate::model::period::MonthRange>,
    /// What changed since a panel last looked.
    pub revisions: Revisions,
    /// Whether `aggregate`, `compared` and `mirror` are still those of an earlier selection
    /// while the current one's are computed in the background (large data): panels that draw
    /// them keep what they drew until this is false.
    pub updating: bool,
    /// The import report of the data shown, when it was read from a file in this session (its
    /// skipped, conflicting and incomplete rows); `None` for sample or embedded data.
    pub report: Option<&'a ImportReport>,
    /// The interface language: every text is looked up in it while drawing, so a switch shows
    /// on the next frame. Caches holding translated text key on it.
    pub lang: crate::i18n::Lang,
}

/// A view shown in a tab of the central panel. A new view is a file implementing this and one
/// line in [`Tab`] (its variant, label and place in [`Tab::ALL`]) plus its arm in the app's
/// `Panels::get_mut`.
pub trait Panel {
    /// Draws the view.
    fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue);
}

/// The text field being typed in, if any: edits pushed while it has the focus are one undo
/// step ([`CommandQueue::push_typing`]).
#[must_use]
pub fn typing_field(ctx: &egui::Context) -> Option<egui::Id> {
    let id = ctx.memory(egui::Memory::focused)?;
    egui::text_edit::TextEditState::load(ctx, id).map(|_| id)
}

/// Pushes an edit, as typing when a text field has the focus.
pub fn push_edit(ctx: &egui::Context, commands: &mut CommandQueue, command: crate::command::Command) {
    match typing_field(ctx) {
        Some(field) => commands.push_typing(command, field),
        None => commands.push(command),
    }
}
