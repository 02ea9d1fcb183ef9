//! Undo and redo over whole-state snapshots. A snapshot is cheap: the dataset is shared
//! (`Arc`), the rest of the workspace is small.

use std::sync::Arc;

use crate::model::dataset::Dataset;
use crate::model::workspace::Workspace;

/// Everything an edit can change: the workspace (without its embedded data) and the data.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The workspace, with `data.embedded` empty.
    pub workspace: Workspace,
    /// The data shown.
    pub dataset: Arc<Dataset>,
    /// Which workspace of the session it is (a new workspace started for a file is another
    /// one): undo across that step goes back to the old workspace's file. Not part of
    /// [`Self::same_as`].
    pub generation: u64,
}

impl Snapshot {
    /// Whether two snapshots hold the same state (the data compared by identity).
    #[must_use]
    pub fn same_as(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.dataset, &other.dataset) && self.workspace == other.workspace
    }
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

/// Steps kept; the oldest are dropped past this.
pub const MAX_STEPS: usize = 200;

impl History {
    /// Records the state before an edit; clears what could be redone.
    pub fn record(&mut self, before: Snapshot) {
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The state to go back to, given the current one (which becomes redoable).
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// The state to go forward to, given the current one (which becomes undoable).
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a different workspace was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
