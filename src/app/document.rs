//! The document: the workspace, the file it came from, the data shown, their revisions, the
//! undo history and the unsaved-changes mark. Only the command pipeline changes it, and
//! [`Document::commit`] is the one place its revisions are bumped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::history::{History, Snapshot};
use crate::model::dataset::Dataset;
use crate::model::period::MonthRange;
use crate::model::workspace::Workspace;
use crate::ui::Revisions;

/// Whether a command's change becomes an undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Recording {
    /// Record the state before the command when the command changed something.
    Record,
    /// Do not (undo and redo themselves, a workspace just opened).
    Skip,
}

/// The workspace being edited and everything about its state.
pub(super) struct Document {
    /// The workspace, with `data.embedded` empty (the data is `dataset`).
    pub workspace: Workspace,
    /// The workspace file it was opened from or saved to.
    pub path: Option<PathBuf>,
    dataset: Arc<Dataset>,
    data_span: Option<MonthRange>,
    revisions: Revisions,
    history: History,
    saved: Snapshot,
    dirty: bool,
    /// The text field whose typing made the last undo step: more typing there joins that step.
    typing: Option<egui::Id>,
    /// Which workspace of the session is shown ([`Snapshot::generation`]).
    generation: u64,
    next_generation: u64,
    /// The files of the other workspaces the undo history reaches.
    other_files: HashMap<u64, Option<PathBuf>>,
}

impl Document {
    /// `workspace` (its embedded data shown), with nothing to undo and nothing unsaved.
    pub fn new(workspace: Workspace) -> Self {
        let mut doc = Self {
            workspace: Workspace::default(),
            path: None,
            dataset: Arc::default(),
            data_span: None,
            revisions: Revisions::default(),
            history: History::default(),
            saved: Snapshot { workspace: Workspace::default(), dataset: Arc::default(), generation: 0 },
            dirty: false,
            typing: None,
            generation: 0,
            next_generation: 0,
            other_files: HashMap::new(),
        };
        doc.set_workspace(workspace, None);
        doc.new_document();
        doc
    }

    /// The data shown.
    pub fn dataset(&self) -> &Arc<Dataset> {
        &self.dataset
    }

    /// First and last month of the data (computed when it was loaded).
    pub fn data_span(&self) -> Option<MonthRange> {
        self.data_span
    }

    /// The revisions panels key their caches on.
    pub fn revisions(&self) -> Revisions {
        self.revisions
    }

    /// Whether there are changes not saved to a workspace file.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether something can be undone / redone.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    /// The one way to get the workspace with its data: as `summary`, a save and an autosave
    /// see it.
    pub fn workspace_with_data(&self) -> Workspace {
        let mut ws = self.workspace.clone();
        ws.data.embedded = Some(Arc::clone(&self.dataset));
        ws
    }

    /// The state an edit can change (cheap: the data is shared).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            workspace: self.workspace.clone(),
            dataset: Arc::clone(&self.dataset),
            generation: self.generation,
        }
    }

    /// Shows `workspace` and its embedded data, from `path`.
    pub fn set_workspace(&mut self, mut workspace: Workspace, path: Option<PathBuf>) {
        let dataset = workspace.data.embedded.take().unwrap_or_default();
        self.set_dataset(dataset);
        self.workspace = workspace;
        self.workspace.share_groups();
        self.path = path;
    }

    /// Shows other data.
    pub fn set_dataset(&mut self, dataset: Arc<Dataset>) {
        self.data_span = dataset.month_span().map(|(a, b)| MonthRange::new(a, b));
        self.dataset = dataset;
    }

    /// A different workspace replaced the current one: nothing to undo, nothing unsaved.
    pub fn new_document(&mut self) {
        self.history.clear();
        self.other_files.clear();
        self.typing = None;
        self.mark_saved();
    }

    /// Marks the current state as saved (after a save, or a workspace just opened).
    pub fn mark_saved(&mut self) {
        self.saved = self.snapshot();
        self.refresh_dirty();
    }

    /// Recovered work: unsaved until the user saves it, with nothing to undo.
    pub fn mark_recovered(&mut self) {
        self.history.clear();
        self.other_files.clear();
        self.typing = None;
        self.saved = Snapshot { workspace: Workspace::default(), dataset: Arc::default(), generation: 0 };
        self.refresh_dirty();
    }

    fn refresh_dirty(&mut self) {
        self.dirty = !self.snapshot().same_as(&self.saved);
    }

    /// Goes back one step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        self.typing = None;
        let Some(s) = self.history.undo(self.snapshot()) else { return false };
        self.restore(s);
        true
    }

    /// Goes forward one step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        self.typing = None;
        let Some(s) = self.history.redo(self.snapshot()) else { return false };
        self.restore(s);
        true
    }

    fn restore(&mut self, s: Snapshot) {
        if !Arc::ptr_eq(&s.dataset, &self.dataset) {
            self.set_dataset(s.dataset);
        }
        self.workspace = s.workspace;
        if s.generation != self.generation {
            // Back (or forward) across "start a new workspace": that workspace's own file.
            self.other_files.insert(self.generation, self.path.take());
            self.path = self.other_files.remove(&s.generation).flatten();
            self.generation = s.generation;
        }
    }

    /// Starts another workspace within the session (for a file about other trade), as one
    /// undoable step: the caller then replaces `workspace`; the old one keeps its file for undo.
    pub fn start_generation(&mut self) {
        self.other_files.insert(self.generation, self.path.take());
        self.next_generation += 1;
        self.generation = self.next_generation;
    }

    /// Typing moved to another field (or none): the next keystroke starts a new undo step.
    pub fn end_typing_unless(&mut self, focused: Option<egui::Id>) {
        if self.typing.is_some() && self.typing != focused {
            self.typing = None;
        }
    }

    /// Ends a command: records `before` as an undo step when the command changed something
    /// (consecutive edits typed in the same field are one step), bumps the revisions of what
    /// changed, and recomputes the unsaved-changes mark. Returns whether anything changed.
    pub fn commit(&mut self, before: Snapshot, typing: Option<egui::Id>, recording: Recording) -> bool {
        let data_changed = !Arc::ptr_eq(&before.dataset, &self.dataset);
        let selection_changed = before.workspace.selection != self.workspace.selection;
        let workspace_changed = data_changed || before.workspace != self.workspace;
        if data_changed {
            self.revisions.data += 1;
        }
        if selection_changed {
            self.revisions.selection += 1;
        }
        if workspace_changed {
            self.revisions.workspace += 1;
            if recording == Recording::Record {
                let merge = typing.is_some() && typing == self.typing && self.history.can_undo();
                if !merge {
                    self.history.record(before);
                }
                self.typing = typing;
            }
        }
        self.refresh_dirty();
        workspace_changed
    }
}
