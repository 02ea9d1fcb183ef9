//! Never losing work: undo/redo, the unsaved-changes guard, autosave and recovery, recent files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui::RichText;

use super::history::Snapshot;
use super::{Command, Level, TradeDashApp};
use crate::io::autosave::{self, Autosave, AutosaveFile, Orphan};
use crate::ui::theme;

/// How long after the last edit the autosave is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Files kept in File ▸ Open recent.
pub const MAX_RECENT: usize = 10;

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

/// The autosave slot and when it is next due.
pub(super) struct AutosaveState {
    slot: Autosave,
    delay: Duration,
    due: Option<Instant>,
    writing: Arc<AtomicBool>,
}

impl TradeDashApp {
    /// Turns on autosave into `dir` (written `delay` after each edit), and offers to recover
    /// the autosaves that windows which did not close properly left there.
    #[must_use]
    pub fn with_autosave(self, dir: &Path, delay: Duration) -> Self {
        self.with_autosave_slot(Autosave::new(dir), dir, delay)
    }

    /// Like [`Self::with_autosave`] with a given slot (tests simulate a crashed window by
    /// writing into the slot of a process id that does not exist).
    #[must_use]
    pub fn with_autosave_slot(mut self, slot: Autosave, dir: &Path, delay: Duration) -> Self {
        // Titles are read once here, not while drawing the offer.
        self.recovery = Autosave::orphans(dir)
            .into_iter()
            .map(|o| {
                let title = autosave::read(&o.path).map(|f| f.workspace.title).map_err(|e| e.to_string());
                (o, title)
            })
            .collect();
        self.autosave = Some(AutosaveState { slot, delay, due: None, writing: Arc::default() });
        self
    }

    /// Files opened or saved lately, newest first.
    #[must_use]
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Starts with this list of recent files (from the app's storage).
    #[must_use]
    pub fn with_recent(mut self, recent: Vec<PathBuf>) -> Self {
        self.recent = recent;
        self
    }

    /// Whether an autosave is waiting to be written or being written.
    #[must_use]
    pub fn autosave_pending(&self) -> bool {
        self.autosave.as_ref().is_some_and(|a| a.due.is_some() || a.writing.load(Ordering::Acquire))
    }

    /// Whether something can be undone / redone.
    #[must_use]
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (self.history.can_undo(), self.history.can_redo())
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot { workspace: self.workspace.clone(), dataset: Arc::clone(&self.dataset) }
    }

    /// Puts a snapshot's state back (undo, redo).
    pub(super) fn restore(&mut self, s: Snapshot) {
        if !Arc::ptr_eq(&s.dataset, &self.dataset) {
            self.set_dataset(s.dataset);
        }
        if s.workspace.selection != self.workspace.selection {
            self.view_revision += 1;
        }
        self.workspace = s.workspace;
    }

    /// Marks the current state as saved (after a save, or a workspace just opened).
    pub(super) fn mark_saved(&mut self) {
        self.saved = self.snapshot();
        self.refresh_dirty();
    }

    /// Recomputes the unsaved-changes mark and keeps the autosave in step with it.
    pub(super) fn refresh_dirty(&mut self) {
        self.dirty = !self.snapshot().same_as(&self.saved);
        if let Some(a) = &mut self.autosave {
            if self.dirty {
                a.due = Some(Instant::now() + a.delay);
            } else {
                a.due = None;
                a.slot.remove();
            }
        }
    }

    /// Applies a command with undo recording and the unsaved-changes guard.
    pub(super) fn apply_guarded(&mut self, ctx: &egui::Context, command: Command) {
        if self.dirty && !self.guard_passed && needs_guard(&command) {
            self.guard = Some(command);
            return;
        }
        match command {
            Command::Undo => {
                if let Some(s) = self.history.undo(self.snapshot()) {
                    self.restore(s);
                }
            }
            Command::Redo => {
                if let Some(s) = self.history.redo(self.snapshot()) {
                    self.restore(s);
                }
            }
            Command::ResolveGuard(choice) => self.resolve_guard(ctx, choice),
            Command::Recover(path) => self.recover(&path),
            Command::DiscardAutosave(path) => {
                let _ = std::fs::remove_file(&path);
                self.recovery.retain(|(o, _)| o.path != path);
                self.notify(Level::Info, format!("Discarded the unsaved work in {}", path.display()));
            }
            other => {
                let before = self.snapshot();
                self.run(ctx, other);
                if !self.snapshot().same_as(&before) {
                    self.history.record(before);
                }
            }
        }
        self.refresh_dirty();
    }

    /// Records an edit that finished outside `apply` (a data file loaded in the background).
    pub(super) fn record_edit(&mut self, before: Snapshot) {
        if !self.snapshot().same_as(&before) {
            self.history.record(before);
        }
        self.refresh_dirty();
    }

    /// A different workspace replaced the current one: nothing to undo, nothing unsaved.
    pub(super) fn new_document(&mut self) {
        self.history.clear();
        self.mark_saved();
    }

    fn resolve_guard(&mut self, ctx: &egui::Context, choice: GuardChoice) {
        let Some(pending) = self.guard.take() else { return };
        let go_on = match choice {
            GuardChoice::Cancel => false,
            GuardChoice::DontSave => true,
            GuardChoice::Save => {
                self.run(ctx, Command::SaveWorkspace);
                !self.dirty_after_save()
            }
        };
        if go_on {
            self.guard_passed = true;
            self.apply_guarded(ctx, pending);
            self.guard_passed = false;
        }
    }

    fn dirty_after_save(&self) -> bool {
        !self.snapshot().same_as(&self.saved)
    }

    /// Remembers a file in the recent list.
    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    fn recover(&mut self, path: &Path) {
        self.recovery.retain(|(o, _)| o.path != path);
        match autosave::read(path) {
            Ok(AutosaveFile { origin, workspace }) => {
                self.set_workspace(workspace, origin);
                self.history.clear();
                // Recovered work is unsaved work: mark it so until the user saves.
                self.saved = Snapshot {
                    workspace: crate::model::workspace::Workspace::default(),
                    dataset: Arc::default(),
                };
                let _ = std::fs::remove_file(path);
                self.notify(Level::Info, "Recovered the unsaved work. Save it to keep it.");
            }
            Err(e) => self.notify(Level::Error, format!("{e}. The autosave file was left where it is.")),
        }
    }

    /// Writes the autosave when due, on a background thread.
    pub(super) fn drive_autosave(&mut self, ctx: &egui::Context) {
        let Some(a) = &mut self.autosave else { return };
        let Some(due) = a.due else { return };
        let now = Instant::now();
        if now < due || a.writing.load(Ordering::Acquire) {
            ctx.request_repaint_after(due.saturating_duration_since(now).max(Duration::from_millis(50)));
            return;
        }
        a.due = None;
        let mut workspace = self.workspace.clone();
        workspace.data.embedded = Some(Arc::clone(&self.dataset));
        let file = AutosaveFile { origin: self.workspace_path.clone(), workspace };
        let slot = a.slot.clone();
        let writing = Arc::clone(&a.writing);
        writing.store(true, Ordering::Release);
        let spawned = std::thread::Builder::new().name("autosave".into()).spawn(move || {
            if let Err(e) = slot.write(&file) {
                log_error(&format!("autosave failed: {e}"));
            }
            writing.store(false, Ordering::Release);
        });
        if let Err(e) = spawned {
            a.writing.store(false, Ordering::Release);
            log_error(&format!("autosave thread did not start: {e}"));
        }
    }

    /// Removes this window's autosave (clean exit).
    pub(super) fn end_autosave(&mut self) {
        if let Some(a) = &self.autosave {
            a.slot.remove();
        }
    }

    /// The unsaved-changes dialog and the recovery offer.
    pub(super) fn safety_windows_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.guard.is_some() {
            egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
                ui.heading("Save changes?");
                ui.label(format!(
                    "“{}” has changes that are not saved. They will be lost if you don't save them.",
                    self.workspace.title
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        commands.push(Command::ResolveGuard(GuardChoice::Save));
                    }
                    if ui.button("Don't save").clicked() {
                        commands.push(Command::ResolveGuard(GuardChoice::DontSave));
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::ResolveGuard(GuardChoice::Cancel));
                    }
                });
            });
            return;
        }
        let Some((orphan, title)) = self.recovery.first() else { return };
        egui::Modal::new(egui::Id::unique("recover-autosave")).show(ctx, |ui| {
            recovery_ui(ui, orphan, title.as_deref().map_err(String::as_str), commands);
        });
    }
}

fn recovery_ui(ui: &mut egui::Ui, orphan: &Orphan, title: Result<&str, &str>, commands: &mut Vec<Command>) {
    ui.heading("Recover unsaved work?");
    match title {
        Ok(t) => {
            ui.label(format!(
                "tradedash did not close properly last time. Unsaved changes to “{t}” were kept."
            ));
        }
        Err(e) => {
            ui.label(
                RichText::new(format!("An autosave was left behind but cannot be read: {e}"))
                    .color(theme::error(ui.visuals())),
            );
        }
    }
    ui.horizontal(|ui| {
        ui.label("Autosave file:");
        ui.add(
            egui::Label::new(RichText::new(orphan.path.display().to_string()).monospace()).selectable(true),
        );
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(title.is_ok(), egui::Button::new("Recover")).clicked() {
            commands.push(Command::Recover(orphan.path.clone()));
        }
        if ui.button("Discard").clicked() {
            commands.push(Command::DiscardAutosave(orphan.path.clone()));
        }
        if ui.button("Copy path").clicked() {
            ui.ctx().copy_text(orphan.path.display().to_string());
        }
    });
}

/// Commands that replace the workspace or end the session ask about unsaved changes first.
fn needs_guard(command: &Command) -> bool {
    matches!(
        command,
        Command::Open(_)
            | Command::OpenDataDialog
            | Command::OpenWorkspaceDialog
            | Command::OpenDefault
            | Command::NewWorkspace
            | Command::Quit
    )
}

/// Errors of background work that has no window to show them in.
fn log_error(text: &str) {
    eprintln!("tradedash: {text}");
}
