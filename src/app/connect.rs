//! The window's ClickHouse connection (File ▸ Connect to ClickHouse…): the fetch job on a
//! `clickhouse` thread, its part of the status bar (stage, spinner, Cancel), and what the
//! pipeline does when it starts and ends. See docs/clickhouse.md, "In the window".
//!
//! The connection becomes the workspace's data: the server sums the table per (month,
//! reporter, partner, flow, commodity) in one GROUP BY (declarations, shards and duplicates of
//! a key collapse where the data lives) and the panels work on those sums in memory, as on a
//! file's rows. A table whose sums do not fit ([`crate::io::clickhouse::MAX_SUMMED_ROWS`]) is
//! held summed per (month, reporter, partner, flow) instead, and the selections with a
//! commodity are asked of the server by the aggregate cache (its background thread). The workspace names the table ([`DataSource::clickhouse`], never the password)
//! and reconnects when it opens. A failed connect or refresh changes nothing shown.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::Ui;

use super::TradeDashApp;
use super::loading::{BUSY_REPAINT, spinner_ui};
use super::status::Level;
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr, tr_attr};
use crate::io::clickhouse::{
    Address, FetchOutcome, FetchProgress, Fetched, Password, ShapeKind, Stage, fetch,
};
use crate::model::chart::ChartView;
use crate::model::workspace::DataSource;
use crate::ui::connect::ConnectForm;

/// A fetch running on its thread.
struct Job {
    id: u64,
    address: Address,
    progress: Arc<FetchProgress>,
    /// Cancelled by a newer connect (its end is not announced).
    superseded: bool,
}

/// How a fetch ended, for the window.
enum Ended {
    /// The user cancelled it: nothing changes; said.
    Cancelled(Address),
    /// A newer connect replaced it: nothing changes; not said.
    Superseded,
    /// Its sums, or what went wrong.
    Done(Address, Box<Result<Fetched, String>>),
}

/// The form, the fetch running (at most one: a new connect cancels it) and its channel.
pub(super) struct Connection {
    pub form: ConnectForm,
    tx: Sender<FetchOutcome>,
    rx: Receiver<FetchOutcome>,
    running: Vec<Job>,
    next_id: u64,
    /// The most sums per commodity a connect holds in memory, else it holds the cube.
    pub max_sums: usize,
}

impl Default for Connection {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            form: ConnectForm::default(),
            tx,
            rx,
            running: Vec::new(),
            next_id: 0,
            max_sums: crate::io::clickhouse::MAX_SUMMED_ROWS,
        }
    }
}

impl Connection {
    /// Whether a fetch runs (cancelled ones included, until they end).
    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Fetches that ended since the last frame, queued as commands.
    pub fn collect(&self, commands: &mut CommandQueue) {
        while let Ok(outcome) = self.rx.try_recv() {
            commands.push(Command::ConnectFinished(outcome));
        }
    }

    /// Cancels the running fetch: what it brings back is dropped.
    pub fn cancel_all(&self) {
        for job in &self.running {
            job.progress.cancel();
        }
    }

    /// Starts fetching `address`'s table on a `clickhouse` thread (a fetch running is
    /// cancelled); `cube_name` names the cube's commodity when the table is held as one.
    fn start(
        &mut self,
        ctx: &egui::Context,
        address: Address,
        password: Password,
        cube_name: String,
    ) -> Result<(), String> {
        for job in &mut self.running {
            job.progress.cancel();
            job.superseded = true;
        }
        self.next_id += 1;
        let id = self.next_id;
        let progress = Arc::new(FetchProgress::default());
        let (tx, repaint, thread_progress, thread_address, max_sums) =
            (self.tx.clone(), ctx.clone(), Arc::clone(&progress), address.clone(), self.max_sums);
        std::thread::Builder::new()
            .name("clickhouse".into())
            .spawn(move || {
                let result = fetch(thread_address, &password, &thread_progress, max_sums, &cube_name);
                let _ = tx.send(FetchOutcome::new(id, result));
                repaint.request_repaint();
            })
            .map_err(|e| e.to_string())?;
        self.running.push(Job { id, address, progress, superseded: false });
        ctx.request_repaint_after(BUSY_REPAINT);
        Ok(())
    }

    /// Ends the job of `outcome` (`None`: unknown, or already ended).
    fn finish(&mut self, outcome: &FetchOutcome) -> Option<Ended> {
        let i = self.running.iter().position(|j| j.id == outcome.id)?;
        let job = self.running.remove(i);
        if job.superseded {
            return Some(Ended::Superseded);
        }
        if job.progress.is_cancelled() {
            // Even a fetch that ended before it saw the flag changes nothing: the user asked
            // to stop it.
            return Some(Ended::Cancelled(job.address));
        }
        Some(Ended::Done(job.address, Box::new(outcome.take()?.map_err(|e| e.to_string()))))
    }

    /// The status bar's part: the stage of the running fetch with a Cancel button.
    pub fn status_ui(&self, ui: &mut Ui, lang: Lang, commands: &mut CommandQueue) {
        let Some(job) = self.running.iter().rev().find(|j| !j.progress.is_cancelled()) else {
            if self.is_busy() {
                spinner_ui(ui, lang);
                ui.label(tr(lang, "status-cancelling"));
            }
            return;
        };
        spinner_ui(ui, lang);
        let id = match job.progress.stage() {
            Stage::Connecting => "connect-stage-connecting",
            Stage::Summing => "connect-stage-summing",
            Stage::Counting => "connect-stage-counting",
        };
        ui.label(tr!(lang, id, table = job.address.to_string()));
        let cancel = ui.button(tr(lang, "status-cancel"));
        if cancel.on_hover_text(tr_attr(lang, "status-cancel", "tooltip", None)).clicked() {
            commands.push(Command::CancelLoad);
        }
    }
}

/// How the status line names a table's shape.
fn shape_name(lang: Lang, shape: ShapeKind) -> String {
    match shape {
        ShapeKind::Long => tr(lang, "connect-shape-long"),
        ShapeKind::Comtrade => tr(lang, "connect-shape-comtrade"),
    }
}

impl TradeDashApp {
    /// The most sums per (month, reporter, partner, flow, commodity) a ClickHouse connect holds
    /// in memory (default [`crate::io::clickhouse::MAX_SUMMED_ROWS`], which is also the most
    /// allowed); a table with more is held per (month, reporter, partner, flow) and its
    /// commodity selections asked of the server. Tests set it low to check that path on small
    /// tables.
    pub fn set_clickhouse_max_sums(&mut self, sums: usize) {
        self.connection.max_sums = sums;
    }

    /// The Composition tab (tests set its breakdown and read what it shows).
    pub fn composition_panel(&mut self) -> &mut crate::ui::composition::CompositionPanel {
        &mut self.panels.composition
    }

    /// File ▸ Connect to ClickHouse…: the form, filled from the workspace's connection.
    pub(super) fn show_connect_form(&mut self) {
        if let Some(a) = self.doc.workspace.data.clickhouse.as_deref().and_then(|t| Address::parse(t).ok()) {
            self.connection.form.fill(&a);
        }
        self.connection.form.message = None;
        self.connection.form.open = true;
    }

    /// Starts fetching `address`'s table.
    pub(super) fn start_connect(&mut self, ctx: &egui::Context, address: Address, password: Password) {
        self.connection.form.fill(&address);
        let cube_name = tr(self.lang, "connect-cube-commodity");
        if let Err(e) = self.connection.start(ctx, address, password, cube_name) {
            self.notices.notify(Level::Error, tr!(self.lang, "notice-load-not-started", error = e));
        }
    }

    /// A workspace naming a ClickHouse table was opened (its saved rows shown): reconnect, with
    /// the password of the environment or typed this session, else ask for it.
    pub(super) fn reconnect(&mut self, ctx: &egui::Context) {
        let Some(text) = self.doc.workspace.data.clickhouse.clone() else { return };
        let address = match Address::parse(&text) {
            Ok(a) => a,
            Err(e) => {
                self.notices.notify(Level::Error, tr!(self.lang, "connect-failed", error = e));
                return;
            }
        };
        self.connection.form.fill(&address);
        if self.connection.form.has_password() {
            let password = self.connection.form.password();
            self.start_connect(ctx, address, password);
        } else {
            self.connection.form.message =
                Some(tr!(self.lang, "connect-asks-password", user = address.user.as_str()));
            self.connection.form.open = true;
        }
    }

    /// A fetch ended: its sums become the data shown (an undo step), or its error is said and
    /// nothing shown changes. Returns whether the data changed.
    pub(super) fn connect_finished(&mut self, outcome: &FetchOutcome) -> bool {
        let (address, result) = match self.connection.finish(outcome) {
            None | Some(Ended::Superseded) => return false,
            Some(Ended::Cancelled(a)) => {
                let text = tr!(self.lang, "connect-cancelled", table = a.to_string());
                self.notices.notify(Level::Info, text);
                return false;
            }
            Some(Ended::Done(a, r)) => (a, *r),
        };
        let fetched = match result {
            Ok(f) => f,
            Err(e) => {
                let text = tr!(self.lang, "connect-failed", error = e);
                self.connection.form.message = Some(text.clone());
                self.notices.notify(Level::Error, text);
                return false;
            }
        };
        let Fetched { shape, counts, dataset, server, .. } = fetched;
        let sel = &mut self.doc.workspace.selection;
        if sel.reporter.as_deref().is_some_and(|q| !dataset.reporters().iter().any(|p| p.matches(q))) {
            sel.reporter = None;
        }
        if sel.partner.as_deref().is_some_and(|q| !dataset.partners().iter().any(|p| p.matches(q))) {
            sel.partner = None;
        }
        sel.compare.retain(|q| dataset.partners().iter().any(|p| p.matches(q)));
        if !dataset.is_empty() && dataset.month_span().is_none() {
            self.doc.workspace.chart.view = ChartView::Annual;
        }
        let table = address.to_string();
        self.doc.workspace.data = DataSource {
            label: tr!(self.lang, "connect-label", table = table.as_str()),
            sample: false,
            path: None,
            embedded: None,
            clickhouse: Some(table.clone()),
            sample_split: None,
        };
        let text = tr!(
            self.lang,
            "connect-done",
            table = table,
            rows = counts.rows,
            sums = dataset.len(),
            shape = shape_name(self.lang, shape),
            aside = counts.set_aside,
            unreadable = counts.unreadable
        );
        let cube_len = dataset.len();
        let dataset = Arc::new(dataset);
        self.doc.set_dataset(Arc::clone(&dataset));
        self.notices.notify(Level::Info, text);
        if let Some((sums, totals)) = server {
            // The cube in memory; what it cannot answer (a commodity) is asked of the server.
            let max = self.connection.max_sums;
            let listed = totals.listed_commodities().map_or_else(|| "none".to_owned(), |n| n.to_string());
            let text = if totals.holds_chapters() {
                let chapters = totals.chapter_rows();
                let cube = cube_len.saturating_sub(chapters);
                tr!(
                    self.lang,
                    "connect-cube-chapters",
                    sums = sums,
                    max = max,
                    cube = cube,
                    chapters = chapters,
                    listed = listed
                )
            } else {
                tr!(self.lang, "connect-cube", sums = sums, max = max, cube = cube_len, listed = listed)
            };
            self.panels.composition.set_remote(&dataset, Arc::clone(&totals) as _);
            self.cache.set_remote(&dataset, totals);
            self.notices.notify(Level::Info, text);
        }
        true
    }
}

impl TradeDashApp {
    /// New figures were installed: when the server answered them (a commodity selection on a
    /// table held as a cube), or failed to, the status bar says so.
    pub(super) fn say_remote_answer(&mut self) {
        let commodity = self.doc.workspace.selection.commodity.clone().unwrap_or_default();
        if let Some(e) = self.cache.remote_error() {
            let text = tr!(self.lang, "server-failed", commodity = commodity.as_str(), error = e);
            self.notices.notify(Level::Error, text);
        } else if self.cache.remote_answered() {
            self.notices.notify(Level::Info, tr!(self.lang, "server-answered", commodity = commodity));
        }
    }

    /// The status bar's Cancel of a selection asked of the server: stops waiting, keeps the
    /// figures shown and says so.
    pub(super) fn cancel_server_query(&mut self) {
        if let Some(sel) = self.cache.cancel_remote() {
            let commodity = sel.commodity.unwrap_or_default();
            let text = tr!(self.lang, "server-cancelled", commodity = commodity);
            self.notices.notify(Level::Info, text);
        }
        if self.panels.composition.cancel_remote() {
            self.notices.notify(Level::Info, tr(self.lang, "server-breakdown-cancelled"));
        }
    }

    /// Whether the ClickHouse server is being asked for a selection's totals or for the
    /// Composition tab's breakdown rows.
    pub(super) fn asking_server(&self) -> bool {
        self.cache.remote_in_flight().is_some() || self.panels.composition.remote_in_flight()
    }

    /// The status bar's part while the server sums a selection or a breakdown's rows: what it
    /// sums, with a Cancel.
    pub(super) fn server_query_ui(&self, ui: &mut Ui, commands: &mut CommandQueue) {
        let lang = self.lang;
        let (text, tooltip) = if let Some(sel) = self.cache.remote_in_flight() {
            let commodity = sel.commodity.clone().unwrap_or_default();
            (tr!(lang, "server-summing", commodity = commodity), "server-summing")
        } else if self.panels.composition.remote_in_flight() {
            (tr(lang, "server-summing-breakdown"), "server-summing-breakdown")
        } else {
            return;
        };
        spinner_ui(ui, lang);
        ui.label(text);
        let cancel = ui.button(tr(lang, "status-cancel"));
        if cancel.on_hover_text(tr_attr(lang, tooltip, "tooltip", None)).clicked() {
            commands.push(Command::CancelServerQuery);
        }
    }
}
