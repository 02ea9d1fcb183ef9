//! Background loads: starting one on a `load-file` thread, cancelling, and turning what a
//! thread hands back into a [`Command::LoadFinished`] for the pipeline.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::loading::{self, BUSY_REPAINT, LoadJob};
use super::status::{Level, Notices};
use crate::command::{Command, CommandQueue, LoadOutcome};
use crate::i18n::tr;
use crate::io::import::{ImportOptions, Progress};
use crate::io::input::{self, OpenError, Opened};

/// The loads running and the channel their threads report on.
pub(super) struct Loads {
    tx: Sender<LoadOutcome>,
    rx: Receiver<LoadOutcome>,
    /// Loads started and not yet finished, oldest first.
    pub running: Vec<LoadJob>,
    next_id: u64,
}

impl Default for Loads {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx, running: Vec::new(), next_id: 0 }
    }
}

impl Loads {
    /// Starts loading `path` on a `load-file` thread. A load already running is cancelled
    /// first (the newest open wins) and says so.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        options: ImportOptions,
        notices: &mut Notices,
    ) {
        for job in &mut self.running {
            if !job.progress.is_cancelled() {
                job.progress.cancel();
                job.superseded = true;
                let text = tr!(
                    notices.lang,
                    "notice-load-replaced",
                    old = job.file_name(),
                    new = loading::file_name(&path)
                );
                notices.list.push(super::status::Notice { level: Level::Info, text });
            }
        }
        let tx = self.tx.clone();
        let repaint = ctx.clone();
        self.next_id += 1;
        let id = self.next_id;
        let progress = Arc::new(Progress::default());
        let counters = Arc::clone(&progress);
        let thread_path = path.clone();
        let spawned = std::thread::Builder::new().name("load-file".into()).spawn(move || {
            let result = input::open_with_progress(&thread_path, &options, &counters);
            let _ = tx.send(LoadOutcome::new(id, thread_path, result));
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => self.running.push(LoadJob { id, path, progress, superseded: false }),
            Err(e) => notices
                .notify(Level::Error, tr!(notices.lang, "notice-load-not-started", error = e.to_string())),
        }
        ctx.request_repaint_after(BUSY_REPAINT);
    }

    /// Asks the running load to stop. It stops within a block of rows; its result, whatever it
    /// is, is then dropped and nothing shown changes.
    pub fn cancel_all(&self) {
        for job in &self.running {
            job.progress.cancel();
        }
    }

    /// Loads that ended since the last frame, queued as commands.
    pub fn collect(&self, commands: &mut CommandQueue) {
        while let Ok(outcome) = self.rx.try_recv() {
            commands.push(Command::LoadFinished(outcome));
        }
    }

    /// Ends the job of `outcome`: its result, unless the user cancelled it (then it changes
    /// nothing, and says so unless another open replaced it).
    pub fn finish(
        &mut self,
        outcome: &LoadOutcome,
        notices: &mut Notices,
    ) -> Option<Result<Opened, OpenError>> {
        let i = self.running.iter().position(|j| j.id == outcome.id)?;
        let job = self.running.remove(i);
        if job.progress.is_cancelled() {
            // Even a load that finished before it saw the flag changes nothing: the user asked
            // to stop it.
            if !job.superseded {
                let text = tr!(notices.lang, "notice-load-cancelled", file = job.file_name());
                notices.notify(Level::Info, text);
            }
            return None;
        }
        outcome.take()
    }

    /// Whether a file is being loaded.
    pub fn is_loading(&self) -> bool {
        !self.running.is_empty()
    }

    /// The counters of the load running now (not cancelled), if any.
    pub fn progress(&self) -> Option<Arc<Progress>> {
        self.running.iter().rev().find(|j| !j.progress.is_cancelled()).map(|j| Arc::clone(&j.progress))
    }
}

/// "data" or "workspace", as messages about `path` say it.
pub(super) fn what_is(path: &Path) -> &'static str {
    if input::is_workspace_path(path) { "workspace" } else { "data" }
}
