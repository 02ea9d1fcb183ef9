//! Never losing work: autosave and recovery, the unsaved-changes dialog, recent files. (Undo
//! and the unsaved mark live in the document; the guard itself in the command pipeline.)

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui::RichText;

use super::status::{Level, Notices};
use crate::command::{Command, CommandQueue, GuardChoice};
use crate::i18n::{Lang, tr};
use crate::io::autosave::{self, Autosave, AutosaveFile, Orphan};
use crate::model::workspace::Workspace;
use crate::ui::theme;

/// How long after the last edit the autosave is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Files kept in File ▸ Open recent.
pub const MAX_RECENT: usize = 10;

/// The autosave slot and when it is next due.
struct AutosaveState {
    slot: Autosave,
    delay: Duration,
    due: Option<Instant>,
    writing: Arc<AtomicBool>,
}

/// Autosave, recovery offers, recent files, and whether closing was confirmed.
#[derive(Default)]
pub(super) struct Safety {
    autosave: Option<AutosaveState>,
    /// Autosaves left by windows that did not close properly, with their titles (read once).
    recovery: Vec<(Orphan, Result<String, String>)>,
    /// Files opened or saved lately, newest first.
    pub recent: Vec<PathBuf>,
    /// The user chose to close (saved, or chose not to): the close request goes through.
    pub close_confirmed: bool,
}

impl Safety {
    /// Turns on autosave into the slot `slot` of `dir`, and reads the orphans there.
    pub fn start_autosave(&mut self, slot: Autosave, dir: &Path, delay: Duration) {
        self.recovery = Autosave::orphans(dir)
            .into_iter()
            .map(|o| {
                let title = autosave::read(&o.path).map(|f| f.workspace.title).map_err(|e| e.to_string());
                (o, title)
            })
            .collect();
        self.autosave = Some(AutosaveState { slot, delay, due: None, writing: Arc::default() });
    }

    /// Whether an autosave is waiting to be written or being written.
    pub fn autosave_pending(&self) -> bool {
        self.autosave.as_ref().is_some_and(|a| a.due.is_some() || a.writing.load(Ordering::Acquire))
    }

    /// Keeps the autosave in step with the unsaved mark: due after an edit, removed once saved.
    pub fn follow_dirty(&mut self, dirty: bool) {
        if let Some(a) = &mut self.autosave {
            if dirty {
                a.due = Some(Instant::now() + a.delay);
            } else {
                a.due = None;
                a.slot.remove();
            }
        }
    }

    /// Remembers a file in the recent list.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Reads an autosave to recover; the file is removed once read.
    pub fn recover(&mut self, path: &Path, notices: &mut Notices) -> Option<AutosaveFile> {
        self.recovery.retain(|(o, _)| o.path != path);
        match autosave::read(path) {
            Ok(file) => {
                // Its rows are in memory now: the data file goes too.
                autosave::discard(path);
                notices.notify(Level::Info, tr(notices.lang, "recover-done"));
                Some(file)
            }
            Err(e) => {
                notices.notify(Level::Error, tr!(notices.lang, "recover-failed", error = e.to_string()));
                None
            }
        }
    }

    /// Deletes an autosave without recovering it.
    pub fn discard(&mut self, path: &Path, notices: &mut Notices) {
        // The `.ron` and its rows' data file beside it, both at once.
        autosave::discard(path);
        self.recovery.retain(|(o, _)| o.path != path);
        let text = tr!(notices.lang, "recover-discarded", path = path.display().to_string());
        notices.notify(Level::Info, text);
    }

    /// Writes the autosave when due, on a background thread; `workspace` gives what to write.
    pub fn drive_autosave(
        &mut self,
        ctx: &egui::Context,
        origin: Option<&PathBuf>,
        workspace: impl FnOnce() -> Workspace,
    ) {
        let Some(a) = &mut self.autosave else { return };
        let Some(due) = a.due else { return };
        let now = Instant::now();
        if now < due || a.writing.load(Ordering::Acquire) {
            ctx.request_repaint_after(due.saturating_duration_since(now).max(Duration::from_millis(50)));
            return;
        }
        a.due = None;
        let file = AutosaveFile { origin: origin.cloned(), workspace: workspace() };
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
    pub fn end_autosave(&self) {
        if let Some(a) = &self.autosave {
            a.slot.remove();
        }
    }

    /// The recovery offer, when an autosave was left behind.
    pub fn recovery_ui(&self, ctx: &egui::Context, lang: Lang, commands: &mut CommandQueue) {
        let Some((orphan, title)) = self.recovery.first() else { return };
        egui::Modal::new(egui::Id::unique("recover-autosave")).show(ctx, |ui| {
            recovery_ui(ui, lang, orphan, title.as_deref().map_err(String::as_str), commands);
        });
    }
}

/// The unsaved-changes dialog, while a command waits for its answer.
pub(super) fn guard_ui(ctx: &egui::Context, lang: Lang, title: &str, commands: &mut CommandQueue) {
    egui::Modal::new(egui::Id::unique("unsaved-guard")).show(ctx, |ui| {
        ui.heading(tr(lang, "guard-title"));
        ui.label(tr!(lang, "guard-body", title = title));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (id, choice) in [
                ("guard-save", GuardChoice::Save),
                ("guard-dont-save", GuardChoice::DontSave),
                ("guard-cancel", GuardChoice::Cancel),
            ] {
                if ui.button(tr(lang, id)).clicked() {
                    commands.push(Command::ResolveGuard(choice));
                }
            }
        });
    });
}

fn recovery_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    orphan: &Orphan,
    title: Result<&str, &str>,
    commands: &mut CommandQueue,
) {
    ui.heading(tr(lang, "recover-title"));
    match title {
        Ok(t) => {
            ui.label(tr!(lang, "recover-body", title = t));
        }
        Err(e) => {
            ui.label(
                RichText::new(tr!(lang, "recover-unreadable", error = e)).color(theme::error(ui.visuals())),
            );
        }
    }
    ui.horizontal(|ui| {
        ui.label(tr(lang, "recover-file"));
        ui.add(
            egui::Label::new(RichText::new(orphan.path.display().to_string()).monospace()).selectable(true),
        );
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(title.is_ok(), egui::Button::new(tr(lang, "recover-recover"))).clicked() {
            commands.push(Command::Recover(orphan.path.clone()));
        }
        if ui.button(tr(lang, "recover-discard")).clicked() {
            commands.push(Command::DiscardAutosave(orphan.path.clone()));
        }
        if ui.button(tr(lang, "recover-copy-path")).clicked() {
            ui.ctx().copy_text(orphan.path.display().to_string());
        }
    });
}

/// Errors of background work that has no window to show them in.
fn log_error(text: &str) {
    eprintln!("tradedash: {text}");
}
