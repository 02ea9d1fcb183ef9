//! The window: wiring of the parts the app owns. The document (`app/document.rs`) holds the
//! workspace, its data, revisions and history; background loads run in `app/jobs.rs`, exports
//! in `app/exports.rs`; the menus, status bar, dialogs and safety nets each have their file;
//! `app/pipeline.rs` is the one place where commands change state. See docs/architecture.md.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::Ui;

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::io::autosave::Autosave;
use crate::io::import::{ImportOptions, ImportReport, Progress};
use crate::io::workspace_file;
use crate::model::completeness::{PeriodCounts, incomplete_counts};
use crate::model::dataset::Dataset;
use crate::model::query::{Aggregate, AggregateCache};
use crate::model::table::{ChartInputs, ViewTable};
use crate::model::workspace::Workspace;
use crate::ui::chart::ChartPanel;
use crate::ui::gauges::GaugesPanel;
use crate::ui::import::{ImportPanel, import_report_ui};
use crate::ui::itinerary::ItineraryPanel;
use crate::ui::sidebar::Sidebar;
use crate::ui::{Panel, Revisions, Tab, ViewCtx};

mod connect;
mod dialogs;
mod document;
mod exports;
mod history;
mod jobs;
mod loading;
mod menus;
mod opening;
mod pipeline;
mod safety;
mod status;

pub use crate::command::GuardChoice;
pub use dialogs::{FileDialogs, NativeDialogs};
pub use exports::{ExportKind, ExportOnStart, ExportOutcome};
pub use loading::{BUSY_REPAINT, progress_text};
pub use safety::{AUTOSAVE_DELAY, MAX_RECENT};
pub use status::{Level, Notice};

/// The views of the central panel and the sidebar.
#[derive(Default)]
struct Panels {
    chart: ChartPanel,
    composition: crate::ui::composition::CompositionPanel,
    gauges: GaugesPanel,
    itinerary: ItineraryPanel,
    sidebar: Sidebar,
}

impl Panels {
    /// The view shown in `tab`: the one line to add for a new view.
    fn get_mut(&mut self, tab: Tab) -> &mut dyn Panel {
        match tab {
            Tab::Chart => &mut self.chart,
            Tab::Composition => &mut self.composition,
            Tab::Targets => &mut self.gauges,
            Tab::Visit => &mut self.itinerary,
        }
    }
}

/// The last import's report and whether its window is open.
#[derive(Default)]
struct ImportState {
    report: Option<ImportReport>,
    /// The file `report` is about (read again when another sheet is chosen).
    path: Option<PathBuf>,
    show: bool,
    /// The data `report` describes: the panels see the report only while that data is shown
    /// (not after an undo of the load, nor over another workspace's data).
    data: std::sync::Weak<Dataset>,
}

impl ImportState {
    /// The report, when it is about `dataset` (compared by address: allocation-free per frame).
    fn report_for(&self, dataset: &Arc<Dataset>) -> Option<&ImportReport> {
        self.report.as_ref().filter(|_| std::ptr::eq(self.data.as_ptr(), Arc::as_ptr(dataset)))
    }
}

/// The application.
pub struct TradeDashApp {
    doc: document::Document,
    /// The aggregates of the selection, keyed on the data revision and the selection.
    cache: AggregateCache,
    /// Bumped when `cache` hands out new figures.
    aggregates_revision: u64,
    tab: Tab,
    panels: Panels,
    import_panel: ImportPanel,
    import: ImportState,
    dialogs: Box<dyn FileDialogs>,
    notices: status::Notices,
    path_prompt: dialogs::PathPrompt,
    loads: jobs::Loads,
    /// File ▸ Connect to ClickHouse…: its form and the fetch running.
    connection: connect::Connection,
    initial_open: Option<(PathBuf, ImportOptions)>,
    exports: exports::Exports,
    /// The one command queue: filled while drawing, drained after the UI pass.
    queue: CommandQueue,
    /// A command waiting for the unsaved-changes dialog's answer.
    guard: Option<Command>,
    /// A data file about other trade, waiting for "new workspace or add here?".
    pending_data: Option<opening::PendingData>,
    /// The file given on the command line at start, until its load ends.
    startup_file: Option<PathBuf>,
    safety: safety::Safety,
    last_title: String,
    /// The interface language (an app setting, kept in eframe's storage).
    lang: Lang,
}

impl TradeDashApp {
    /// The app showing `workspace`, with the native dialogs.
    #[must_use]
    pub fn new(workspace: Workspace) -> Self {
        Self {
            doc: document::Document::new(workspace),
            cache: AggregateCache::default(),
            aggregates_revision: 0,
            tab: Tab::default(),
            panels: Panels::default(),
            import_panel: ImportPanel::default(),
            import: ImportState::default(),
            dialogs: Box::new(NativeDialogs::default()),
            notices: status::Notices::default(),
            path_prompt: None,
            loads: jobs::Loads::default(),
            connection: connect::Connection::default(),
            initial_open: None,
            exports: exports::Exports::default(),
            queue: CommandQueue::default(),
            guard: None,
            pending_data: None,
            startup_file: None,
            safety: safety::Safety::default(),
            last_title: String::new(),
            lang: Lang::En,
        }
    }

    /// The app showing the embedded default workspace.
    #[must_use]
    pub fn with_default_workspace() -> Self {
        Self::new(workspace_file::default_workspace())
    }

    /// Replaces the file dialogs (tests use a scripted one).
    #[must_use]
    pub fn with_dialogs(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.dialogs = dialogs;
        self.dialogs.set_lang(self.lang);
        self
    }

    /// Exports the chart once drawn and closes the window; the outcome is written to `outcome`.
    #[must_use]
    pub fn with_export_on_start(mut self, export: ExportOnStart, outcome: ExportOutcome) -> Self {
        self.exports.on_start = Some(export);
        self.exports.outcome = outcome;
        self.exports.scripted = true;
        self
    }

    /// Opens `path` (data or workspace) in the background once the window is up.
    #[must_use]
    pub fn with_initial_open(mut self, path: PathBuf) -> Self {
        let options = self.initial_open.take().map(|(_, o)| o).unwrap_or_default();
        self.initial_open = Some((path, options));
        self
    }

    /// Import options (a column mapping, a sheet) for the file given with
    /// [`Self::with_initial_open`], from the command line.
    #[must_use]
    pub fn with_initial_import_options(mut self, options: ImportOptions) -> Self {
        if let Some((_, o)) = &mut self.initial_open {
            *o = options;
        }
        self
    }

    /// Turns on autosave into `dir` (written `delay` after each edit), and offers to recover
    /// the autosaves that windows which did not close properly left there.
    #[must_use]
    pub fn with_autosave(self, dir: &std::path::Path, delay: Duration) -> Self {
        self.with_autosave_slot(Autosave::new(dir), dir, delay)
    }

    /// Like [`Self::with_autosave`] with a given slot (tests simulate a crashed window by
    /// writing into the slot of a process id that does not exist).
    #[must_use]
    pub fn with_autosave_slot(mut self, slot: Autosave, dir: &std::path::Path, delay: Duration) -> Self {
        self.safety.start_autosave(slot, dir, delay);
        self
    }

    /// Speaks `lang` (from the app's storage or the system locale; English by default).
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self.notices.lang = lang;
        self.exports.lang = lang;
        self.dialogs.set_lang(lang);
        self
    }

    /// Starts with this list of recent files (from the app's storage).
    #[must_use]
    pub fn with_recent(mut self, recent: Vec<PathBuf>) -> Self {
        self.safety.recent = recent;
        self
    }

    /// Applies one command now, with its follow-ups (tests, and callers outside a frame). In a
    /// frame, panels push into the queue and the app drains it after the UI pass.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        self.queue.push(command);
        self.drain(ctx);
    }

    /// Queues a command for the end of the next frame, after what the panels push in it.
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// One frame of the whole UI; `eframe::App::ui` calls it, and so do the UI tests.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.before_ui(&ctx);
        let mut commands = std::mem::take(&mut self.queue);
        self.refresh_aggregates(&ctx);
        let view = ViewCtx {
            workspace: &self.doc.workspace,
            dataset: self.doc.dataset(),
            aggregate: self.cache.aggregate(),
            compared: self.cache.compared(),
            mirror: self.cache.mirror(),
            data_span: self.doc.data_span(),
            revisions: Revisions { aggregates: self.aggregates_revision, ..self.doc.revisions() },
            updating: self.cache.is_updating(),
            report: self.import.report_for(self.doc.dataset()),
            lang: self.lang,
        };
        let (can_undo, can_redo) = self.doc.can_undo_redo();
        let menu = menus::MenuState { recent: &self.safety.recent, can_undo, can_redo, lang: self.lang };
        egui::Panel::top("menu").show(ui, |ui| menus::menu_ui(ui, &menu, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            if self.connection.is_busy() {
                ui.horizontal(|ui| self.connection.status_ui(ui, self.lang, &mut commands));
            }
            let asking_server = self.asking_server();
            if asking_server {
                ui.horizontal(|ui| self.server_query_ui(ui, &mut commands));
            }
            let status = status::Status {
                notices: &self.notices.list,
                loads: &self.loads.running,
                updating: self.cache.is_updating() && !asking_server,
                report: self.import.report.as_ref(),
                lang: self.lang,
            };
            status::status_ui(ui, &status, &mut commands);
        });
        let panels = &mut self.panels;
        egui::Panel::left("sidebar").resizable(true).default_size(280.0).show(ui, |ui| {
            panels.sidebar.ui(ui, &view, &mut commands);
        });
        let tab = self.tab;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for t in Tab::ALL {
                    if ui.selectable_label(tab == t, t.label(self.lang)).clicked() {
                        commands.push(Command::ShowTab(t));
                    }
                }
            });
            ui.separator();
            panels.get_mut(tab).ui(ui, &view, &mut commands);
        });
        self.windows_ui(&ctx, &mut commands);
        self.queue = commands;
        if self.drain(&ctx) {
            // What the commands changed is drawn in the next frame.
            ctx.request_repaint();
        }
        self.after_ui(&ctx);
    }

    /// Before drawing: results that arrived, the first open, shortcuts, dropped files, the
    /// command-line export, the autosave, a close request.
    fn before_ui(&mut self, ctx: &egui::Context) {
        self.loads.collect(&mut self.queue);
        self.connection.collect(&mut self.queue);
        self.exports.finish(&mut self.notices);
        if let Some((p, options)) = self.initial_open.take() {
            self.startup_file = Some(p.clone());
            if options.mapping.is_some() || options.sheet.is_some() {
                self.start_open(ctx, p, options);
            } else {
                self.queue.push(Command::Open(p));
            }
        }
        menus::shortcuts(ctx, &mut self.queue);
        menus::dropped_files(ctx, &mut self.queue);
        if !self.is_busy() {
            let mut window = exports::OnScreen {
                tab: &mut self.tab,
                chart: self.panels.chart.export_rect,
                visit: self.panels.itinerary.export_rect,
                composition: self.panels.composition.export_rect,
                gauges: &mut self.panels.gauges,
                targets: self.doc.workspace.targets.len(),
            };
            self.exports.drive_on_start(ctx, &mut window, &mut self.queue);
        }
        let (doc, safety) = (&self.doc, &mut self.safety);
        safety.drive_autosave(ctx, doc.path.as_ref(), || doc.workspace_with_data());
        let close = ctx.input(|i| i.viewport().close_requested());
        if close && self.doc.is_dirty() && !self.safety.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.queue.push(Command::Quit);
        }
    }

    /// The aggregates of the selection: computed now on small data, in the background on large.
    fn refresh_aggregates(&mut self, ctx: &egui::Context) {
        let repaint = ctx.clone();
        let changed = self.cache.refresh_shared(
            self.doc.dataset(),
            self.doc.revisions().data,
            &self.doc.workspace.selection,
            move || repaint.request_repaint(),
        );
        if changed {
            // New figures (possibly from the background): panels rebuild what they derive.
            self.aggregates_revision += 1;
            self.say_remote_answer();
        }
    }

    /// After the frame: repaint while busy, the window title.
    fn after_ui(&mut self, ctx: &egui::Context) {
        if self.is_busy() {
            // Progress and spinner move at a modest rate; results ask for a repaint themselves.
            ctx.request_repaint_after(BUSY_REPAINT);
        }
        let title = self.window_title();
        if title != self.last_title {
            // Only on change: a viewport command asks for a repaint, and idle must stay idle.
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// The windows over the panels; like the panels they only push commands.
    fn windows_ui(&mut self, ctx: &egui::Context, commands: &mut CommandQueue) {
        self.notices.error_window_ui(ctx);
        dialogs::path_prompt_ui(ctx, self.lang, &mut self.path_prompt, commands);
        if self.import.show
            && let Some(report) = &self.import.report
        {
            let mut open = true;
            let path = self.import.path.as_deref();
            egui::Window::new(tr(self.lang, "report-title")).open(&mut open).default_width(560.0).show(
                ctx,
                |ui| {
                    import_report_ui(ui, self.lang, report, path, commands);
                },
            );
            self.import.show = open;
        }
        self.import_panel.mapping_window_ui(ctx, self.lang, commands);
        self.connection.form.window_ui(ctx, self.lang, commands);
        if self.guard.is_some() {
            safety::guard_ui(ctx, self.lang, &self.doc.workspace.title, commands);
        } else if let Some(pending) = &self.pending_data {
            opening::context_ui(ctx, pending, self.lang, commands);
        } else {
            self.safety.recovery_ui(ctx, self.lang, commands);
        }
    }

    /// The window title: workspace, file, and " •" while there are unsaved changes.
    #[must_use]
    pub fn window_title(&self) -> String {
        let file = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "none".to_owned(), |n| n.to_string_lossy().into_owned());
        tr!(
            self.lang,
            "app-title",
            workspace = self.doc.workspace.title.as_str(),
            file = file,
            unsaved = if self.doc.is_dirty() { "yes" } else { "no" }
        )
    }
}

/// What tests, the command line and the frame-time example read from the app.
impl TradeDashApp {
    /// Whether the column-mapping step is waiting for the user.
    #[must_use]
    pub fn is_asking_for_mapping(&self) -> bool {
        self.import_panel.is_asking()
    }

    /// The report of the last import, if any.
    #[must_use]
    pub fn import_report(&self) -> Option<&ImportReport> {
        self.import.report.as_ref()
    }

    /// The aggregate the panels draw from (cached; as of the last frame).
    #[must_use]
    pub fn shown_aggregate(&self) -> &Aggregate {
        self.cache.aggregate()
    }

    /// Whether the aggregate shown is a ClickHouse server's answer (a commodity selection on a
    /// table held per month, reporter, partner and flow), not the data in memory's.
    #[must_use]
    pub fn cache_answered_by_server(&self) -> bool {
        self.cache.remote_answered()
    }

    /// The workspace with the loaded data embedded, as `summary` and a save see it.
    #[must_use]
    pub fn workspace_with_data(&self) -> Workspace {
        self.doc.workspace_with_data()
    }

    /// The workspace as it is now.
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.doc.workspace
    }

    /// The loaded data.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        self.doc.dataset()
    }

    /// Notices shown so far, oldest first.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices.list
    }

    /// The interface language.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether there are changes not saved to a workspace file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Files opened or saved lately, newest first.
    #[must_use]
    pub fn recent(&self) -> &[PathBuf] {
        &self.safety.recent
    }

    /// Whether an autosave is waiting to be written or being written.
    #[must_use]
    pub fn autosave_pending(&self) -> bool {
        self.safety.autosave_pending()
    }

    /// Whether something can be undone / redone.
    #[must_use]
    pub fn can_undo_redo(&self) -> (bool, bool) {
        self.doc.can_undo_redo()
    }

    /// How often the aggregate was computed (tests: once per change, never per frame).
    #[must_use]
    pub fn aggregate_computations(&self) -> u64 {
        self.cache.computations()
    }

    /// How often the chart's derived series were rebuilt.
    #[must_use]
    pub fn chart_rebuilds(&self) -> u64 {
        self.panels.chart.rebuilds()
    }

    /// How often target statuses were computed (tests: once per change, never per frame).
    #[must_use]
    pub fn target_evaluations(&self) -> u64 {
        self.panels.gauges.evaluations()
    }

    /// Whether background work is running: a load, the aggregates of a new selection on a
    /// large dataset (see [`crate::model::query::BACKGROUND_ROWS`]), a selection the ClickHouse
    /// server is summing (even one no longer wanted: the status bar shows it), or target
    /// statuses.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.loads.is_loading()
            || self.connection.is_busy()
            || self.cache.is_updating()
            || self.asking_server()
            || self.panels.gauges.is_evaluating()
    }

    /// Whether a file is being loaded.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loads.is_loading()
    }

    /// The counters of the load running now (not cancelled), if any.
    #[must_use]
    pub fn load_progress(&self) -> Option<Arc<Progress>> {
        self.loads.progress()
    }

    /// Whether the aggregates shown are those of an earlier selection while the current
    /// one's are computed in the background.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.cache.is_updating()
    }

    /// Reported figures drawn on the chart as last drawn: (x, value, label).
    #[must_use]
    pub fn chart_reported_points(&self) -> Vec<(f64, f64, String)> {
        self.panels.chart.reported_points()
    }

    /// The Visit timeline's stop blocks and their text as last drawn.
    #[must_use]
    pub fn timeline_blocks(&self) -> &[crate::ui::itinerary::TimelineBlock] {
        self.panels.itinerary.timeline_blocks()
    }

    /// Where the chart's plot and the labels painted on it were in the last frame drawn.
    #[must_use]
    pub fn chart_layout(&self) -> Option<&crate::ui::chart::PlotLayout> {
        self.panels.chart.layout()
    }

    /// Labels of the events marked on the chart as last drawn.
    #[must_use]
    pub fn chart_event_labels(&self) -> Vec<String> {
        self.panels.chart.event_labels()
    }

    /// The table the chart panel shows, as last drawn.
    #[must_use]
    pub fn shown_chart_table(&self) -> Option<&ViewTable> {
        self.panels.chart.table()
    }

    /// The numbers behind the chart for the current selection and chart settings: the same
    /// function the chart's table uses, on the same cached aggregate.
    #[must_use]
    pub fn chart_table(&self) -> ViewTable {
        ChartInputs {
            selection: &self.doc.workspace.selection,
            settings: &self.doc.workspace.chart,
            dataset: self.doc.dataset(),
            aggregate: self.cache.aggregate(),
            compared: self.cache.compared(),
            mirror: self.cache.mirror(),
        }
        .table()
    }

    /// Rows that could not be read, per month and year of the current selection (empty when
    /// the data shown has no import report, or all its rows were read).
    #[must_use]
    pub fn incomplete_counts(&self) -> PeriodCounts {
        let entries = self.import.report_for(self.doc.dataset()).map_or(&[][..], |r| &r.incomplete[..]);
        incomplete_counts(entries, &self.doc.workspace.selection)
    }
}

/// A file name made from a title ("tradedash" when the title has no letters or digits).
fn file_stem_for(title: &str) -> String {
    crate::io::file_stem(title, "tradedash")
}

/// Key of the recent-files list in eframe's storage.
pub const STORAGE_RECENT: &str = "tradedash.recent";

impl eframe::App for TradeDashApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.exports.scripted {
            // A scripted export leaves the settings as they were.
            return;
        }
        eframe::set_value(storage, STORAGE_RECENT, &self.safety.recent);
        crate::i18n::setting::save(storage, self.lang);
    }

    /// A scripted export keeps no panel widths or other window memory for the next run.
    fn persist_egui_memory(&self) -> bool {
        !self.exports.scripted
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the user saved or chose not to, so the autosave has done its job.
        self.safety.end_autosave();
    }
}
