//! Everything that changes the app's state, and the one queue it travels in.
//!
//! Panels and windows push [`Command`]s into a [`CommandQueue`] while they draw; nothing they
//! draw changes the workspace. After the UI pass the app drains the queue once, in push order,
//! in one place (`app/pipeline.rs`) that applies the unsaved-changes guard, records undo and
//! dispatches. A command that leads to another (a dialog's answer, a finished load, the
//! command the guard held back) pushes it to the back of the same queue: it runs after
//! everything pushed before it, in the same drain, and never inside the command that led to it.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use crate::io::import::ColumnMapping;
use crate::io::input::{OpenError, Opened};
use crate::model::annotation::Annotation;
use crate::model::chart::ChartSettings;
use crate::model::itinerary::Visit;
use crate::model::query::Selection;
use crate::model::reported::ReportedFigure;
use crate::model::target::Target;
use crate::ui::tab::Tab;

/// Everything that changes the app's state.
#[must_use]
#[derive(Debug, Clone)]
pub enum Command {
    /// Ask for a data file with the native dialog.
    OpenDataDialog,
    /// Load a data file (CSV) or, for `.ron`, a workspace, in the background. A load already
    /// running is cancelled: the newest open wins.
    Open(PathBuf),
    /// Stop the load that is running (a file, or a ClickHouse table being fetched); the data,
    /// workspace and undo history stay as they are.
    CancelLoad,
    /// Stop waiting for the ClickHouse server's answer to a selection (a commodity on a table
    /// held as a cube); the figures shown, an earlier selection's, stay.
    CancelServerQuery,
    /// Show File ▸ Connect to ClickHouse… (its fields filled from the current connection).
    ConnectDialog,
    /// Connect to a ClickHouse table and make it the workspace's data, on a job thread.
    Connect(crate::io::clickhouse::Address, crate::io::clickhouse::Password),
    /// A ClickHouse fetch ended (from its job thread).
    ConnectFinished(crate::io::clickhouse::FetchOutcome),
    /// Ask for a workspace with the native dialog.
    OpenWorkspaceDialog,
    /// Save to the current workspace file, or ask where when there is none.
    SaveWorkspace,
    /// Ask where to save the workspace.
    SaveWorkspaceAsDialog,
    /// Save the workspace to this file.
    SaveWorkspaceAs(PathBuf),
    /// Ask where to save the chart PNG.
    ExportChartDialog,
    /// Save a PNG of the chart to this file.
    ExportChart(PathBuf),
    /// Ask where to save a PNG of the gauge of target `index`.
    ExportGaugeDialog(usize),
    /// Save a PNG of the gauge of target `index` to this file.
    ExportGauge(usize, PathBuf),
    /// Ask where to save the chart's table as CSV.
    ExportTableCsvDialog,
    /// Save the numbers behind the chart (its table) as CSV to this file.
    ExportTableCsv(PathBuf),
    /// Change what is selected.
    SetSelection(Selection),
    /// Change how the chart is drawn.
    SetChart(ChartSettings),
    /// Replace the targets.
    SetTargets(Vec<Target>),
    /// Replace the visits.
    SetVisits(Vec<Visit>),
    /// Replace the reported figures.
    SetReported(Vec<ReportedFigure>),
    /// Replace the user's country groups (create, edit, delete: one undo step each).
    SetGroups(Vec<crate::model::groups::PartnerGroup>),
    /// Show or hide the built-in example's illustrative monthly split (SAMPLE rows added to
    /// or removed from the data shown; see `io::example`). Nothing for other data.
    ShowSampleSplit(bool),
    /// Ask where to save the itinerary shown in the Visit tab as an iCalendar file.
    ExportIcsDialog,
    /// Write the itinerary shown in the Visit tab as an iCalendar file to this path.
    ExportIcs(PathBuf),
    /// Ask where to save the briefing PDF.
    ExportBriefDialog,
    /// Write the briefing PDF (io::brief) to this file.
    ExportBrief(PathBuf),
    /// Ask where to save a PNG of the itinerary panel.
    ExportVisitPngDialog,
    /// Save a PNG of the itinerary panel to this file.
    ExportVisitPng(PathBuf),
    /// Ask where to save a PNG of the Composition tab's bars.
    ExportCompositionPngDialog,
    /// Save a PNG of the Composition tab's bars to this file.
    ExportCompositionPng(PathBuf),
    /// Show the Composition tab on these products (a visit stop's HS codes).
    ShowComposition(Vec<String>),
    /// Ask where to save the Composition tab's breakdown as CSV.
    ExportCompositionCsvDialog,
    /// Save the Composition tab's breakdown as CSV to this file.
    ExportCompositionCsv(PathBuf),
    /// Replace the events drawn on the chart's timeline.
    SetAnnotations(Vec<Annotation>),
    /// Switch the central view.
    ShowTab(Tab),
    /// Show the import report window.
    ShowImportReport,
    /// Speak this language from the next frame on (an app setting: not an undo step, not saved
    /// in the workspace).
    SetLanguage(crate::i18n::Lang),
    /// Read a data file through a column mapping (from the mapping step), and remember the
    /// mapping for its header in the workspace when asked.
    ImportWithMapping {
        /// The file.
        path: PathBuf,
        /// Which column holds what.
        mapping: Box<ColumnMapping>,
        /// The file's header row (the key the mapping is remembered by).
        header: Vec<String>,
        /// Remember the mapping for files with this header.
        remember: bool,
        /// The workbook sheet, for workbooks.
        sheet: Option<String>,
    },
    /// Read a workbook again from another sheet (the Sheet box of the import windows). Like a
    /// file opened, it replaces the data shown (undo goes back) only when the sheet can be read.
    ImportSheet {
        /// The workbook.
        path: PathBuf,
        /// The sheet's name.
        sheet: String,
    },
    /// Reopen the embedded default workspace.
    OpenDefault,
    /// Start an empty workspace.
    NewWorkspace,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Answer the unsaved-changes dialog.
    ResolveGuard(GuardChoice),
    /// Answer the question asked when a data file shares no reporter or partner with the
    /// workspace shown (`app/opening.rs`): a new workspace for it, or its rows added here.
    ResolveNewContext(ContextChoice),
    /// Recover the work kept in an autosave file.
    Recover(PathBuf),
    /// Delete an autosave file without recovering it.
    DiscardAutosave(PathBuf),
    /// A background load ended (pushed by the app when the `load-file` thread reports back).
    LoadFinished(LoadOutcome),
    /// Close the window.
    Quit,
}

impl Command {
    /// Commands that replace the workspace or end the session ask about unsaved changes first.
    #[must_use]
    pub fn needs_guard(&self) -> bool {
        matches!(
            self,
            Self::Open(_)
                | Self::OpenDataDialog
                | Self::OpenWorkspaceDialog
                | Self::OpenDefault
                | Self::NewWorkspace
                | Self::Quit
        )
    }
}

/// The choice made in the unsaved-changes dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    DontSave,
    /// Stay.
    Cancel,
}

/// The answer to "this file is about other trade": what its data joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextChoice {
    /// A new workspace holding the file's data alone: no events, visits, targets or reported
    /// figures of the old one, the selection and the view chosen afresh (the default).
    NewWorkspace,
    /// The file's rows added to the data shown; the workspace keeps its selection, events,
    /// visits, targets and reported figures.
    AddToThis,
    /// Do not open the file: nothing changes.
    Cancel,
}

/// What a finished `load-file` thread hands back, as a command.
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    /// The load job it ends.
    pub id: u64,
    /// The file.
    pub path: PathBuf,
    /// What was read (shared so that the command stays `Clone`; the app takes it out once).
    pub result: Arc<std::sync::Mutex<Option<Result<Opened, OpenError>>>>,
}

impl LoadOutcome {
    /// Wraps a thread's result.
    pub fn new(id: u64, path: PathBuf, result: Result<Opened, OpenError>) -> Self {
        Self { id, path, result: Arc::new(std::sync::Mutex::new(Some(result))) }
    }

    /// Takes the result out (`None` when already taken).
    #[must_use]
    pub fn take(&self) -> Option<Result<Opened, OpenError>> {
        self.result.lock().ok().and_then(|mut r| r.take())
    }
}

/// How a queued command stands with the unsaved-changes guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Ask before a command that would lose unsaved changes ([`Command::needs_guard`]).
    Ask,
    /// The user answered "Don't save": go on.
    Passed,
    /// The user answered "Save": go on only if the save left nothing unsaved.
    IfSaved,
}

/// A command with what the pipeline needs to know about it.
#[derive(Debug, Clone)]
pub struct Queued {
    /// The command.
    pub command: Command,
    /// The text field being typed in when the command was pushed: consecutive edits from the
    /// same field merge into one undo step.
    pub typing: Option<egui::Id>,
    /// Whether the unsaved-changes guard still has to be asked.
    pub guard: Guard,
}

/// The one queue that panels, windows, shortcuts and finished jobs push into; the app drains
/// it once per frame, after the UI pass.
#[derive(Debug, Default)]
pub struct CommandQueue {
    items: VecDeque<Queued>,
}

impl CommandQueue {
    /// Queues a command.
    pub fn push(&mut self, command: Command) {
        self.push_queued(Queued { command, typing: None, guard: Guard::Ask });
    }

    /// Queues an edit made by typing in the text field `field`: consecutive edits from the same
    /// field are one undo step.
    pub fn push_typing(&mut self, command: Command, field: egui::Id) {
        self.push_queued(Queued { command, typing: Some(field), guard: Guard::Ask });
    }

    /// Queues a command with its pipeline state (the guard's follow-ups).
    pub fn push_queued(&mut self, queued: Queued) {
        self.items.push_back(queued);
    }

    /// The next command, in push order.
    pub fn pop(&mut self) -> Option<Queued> {
        self.items.pop_front()
    }

    /// Whether nothing is queued.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many commands are queued.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The commands queued, in order (tests).
    pub fn iter(&self) -> impl Iterator<Item = &Command> {
        self.items.iter().map(|q| &q.command)
    }

    /// Applies every queued command in push order with `apply`, which may push follow-ups: they
    /// run after what was queued before them, in this same call, never inside `apply`.
    /// Returns how many commands were applied.
    pub fn drain(&mut self, mut apply: impl FnMut(Queued, &mut Self)) -> usize {
        let mut applied = 0;
        while let Some(q) = self.pop() {
            apply(q, self);
            applied += 1;
        }
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(c: &Command) -> String {
        match c {
            Command::ShowTab(t) => format!("tab {}", t.label(crate::i18n::Lang::En)),
            Command::Open(p) => format!("open {}", p.display()),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn commands_run_in_push_order_and_follow_ups_after() {
        let mut q = CommandQueue::default();
        q.push(Command::ShowTab(Tab::Chart));
        q.push(Command::OpenDataDialog);
        q.push(Command::ShowTab(Tab::Visit));
        let mut seen = Vec::new();
        let mut depth = 0;
        let n = q.drain(|queued, q| {
            depth += 1;
            assert_eq!(depth, 1, "a command is never applied inside another");
            seen.push(name(&queued.command));
            if matches!(queued.command, Command::OpenDataDialog) {
                // The dialog's answer is a follow-up.
                q.push(Command::Open("a.csv".into()));
            }
            depth -= 1;
        });
        assert_eq!(n, 4);
        assert_eq!(seen, ["tab Monthly trade", "OpenDataDialog", "tab Visit", "open a.csv"]);
        assert!(q.is_empty());
    }

    #[test]
    fn typing_and_guard_state_travel_with_the_command() {
        let mut q = CommandQueue::default();
        let field = egui::Id::unique("notes");
        q.push_typing(Command::SetVisits(Vec::new()), field);
        q.push_queued(Queued { command: Command::Quit, typing: None, guard: Guard::Passed });
        assert_eq!(q.len(), 2);
        let first = q.pop().unwrap();
        assert_eq!((first.typing, first.guard), (Some(field), Guard::Ask));
        let second = q.pop().unwrap();
        assert!(second.command.needs_guard());
        assert_eq!(second.guard, Guard::Passed);
    }
}
