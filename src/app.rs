//! The window: menus, shortcuts, layout, and the one place where commands change state.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::io::import::{
    ColumnMapping, ImportError, ImportOptions, ImportReport, Imported, Progress, SavedMapping, header_key,
};
use crate::io::input::{self, OpenError, Opened};
use crate::io::{atomic, ics, png, workspace_file};
use crate::model::annotation::Annotation;
use crate::model::chart::ChartSettings;
use crate::model::dataset::Dataset;
use crate::model::itinerary::Visit;
use crate::model::period::MonthRange;
use crate::model::query::{AggregateCache, Selection};
use crate::model::table::{ChartInputs, ViewTable};
use crate::model::target::Target;
use crate::model::workspace::{DataSource, Workspace};
use crate::ui::chart::ChartPanel;
use crate::ui::gauges::GaugesPanel;
use crate::ui::import::{ImportPanel, import_report_ui};
use crate::ui::itinerary::ItineraryPanel;
use crate::ui::sidebar::Sidebar;
use crate::ui::{Tab, ViewCtx, theme};

mod history;
mod loading;
mod safety;

pub use loading::{BUSY_REPAINT, progress_text};
pub use safety::{AUTOSAVE_DELAY, GuardChoice, MAX_RECENT};

/// Everything that changes the app's state, applied after the UI pass in [`TradeDashApp::apply`].
#[must_use]
#[derive(Debug, Clone)]
pub enum Command {
    /// Ask for a data file with the native dialog.
    OpenDataDialog,
    /// Load a data file (CSV) or, for `.ron`, a workspace, in the background. A load already
    /// running is cancelled: the newest open wins.
    Open(PathBuf),
    /// Stop the load that is running; the data, workspace and undo history stay as they are.
    CancelLoad,
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
    /// Ask where to save the itinerary shown in the Visit tab as an iCalendar file.
    ExportIcsDialog,
    /// Write the itinerary shown in the Visit tab as an iCalendar file to this path.
    ExportIcs(PathBuf),
    /// Ask where to save a PNG of the itinerary panel.
    ExportVisitPngDialog,
    /// Save a PNG of the itinerary panel to this file.
    ExportVisitPng(PathBuf),
    /// Replace the events drawn on the chart's timeline.
    SetAnnotations(Vec<Annotation>),
    /// Switch the central view.
    ShowTab(Tab),
    /// Show the import report window.
    ShowImportReport,
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
    /// Recover the work kept in an autosave file.
    Recover(PathBuf),
    /// Delete an autosave file without recovering it.
    DiscardAutosave(PathBuf),
    /// Close the window.
    Quit,
}

/// The native file dialogs, behind a trait so that tests and headless runs replace them.
pub trait FileDialogs {
    /// A data file to open.
    fn pick_data(&mut self) -> Option<PathBuf>;
    /// A workspace to open.
    fn pick_workspace(&mut self) -> Option<PathBuf>;
    /// Where to save a workspace.
    fn save_workspace(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to save a PNG.
    fn save_png(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to save an iCalendar file. Dialogs that cannot offer one return `None`.
    fn save_ics(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let _ = suggested_name;
        None
    }
    /// Where to save a CSV file (none by default).
    fn save_csv(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let _ = suggested_name;
        None
    }
}

/// rfd's dialogs (XDG portal, or zenity where no portal runs).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_data(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open trade data")
            .add_filter("Trade data and workspaces", &["csv", "txt", "tsv", "xlsx", "xls", "ron"])
            .add_filter("All files", &["*"])
            .pick_file()
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open workspace")
            .add_filter("tradedash workspace", &["ron"])
            .pick_file()
    }
    fn save_workspace(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save workspace as")
            .set_file_name(suggested_name)
            .add_filter("tradedash workspace", &["ron"])
            .save_file()
    }
    fn save_png(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export chart as PNG")
            .set_file_name(suggested_name)
            .add_filter("PNG image", &["png"])
            .save_file()
    }
    fn save_ics(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save itinerary as iCalendar")
            .set_file_name(suggested_name)
            .add_filter("iCalendar", &["ics"])
            .save_file()
    }
    fn save_csv(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export table as CSV")
            .set_file_name(suggested_name)
            .add_filter("CSV", &["csv"])
            .save_file()
    }
}

/// What a typed path is for, when no file dialog answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathPurpose {
    /// Open a data file or workspace.
    Open,
    /// Save the workspace.
    SaveWorkspace,
    /// Save a PNG of the chart.
    ExportChart,
    /// Save a PNG of target `i`'s gauge.
    ExportGauge(usize),
}

impl PathPurpose {
    /// Window title, field label and button of the path window.
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Open => ("Open a file by path", "Path of a CSV data file or a .ron workspace:", "Open"),
            Self::SaveWorkspace => {
                ("Save the workspace to a path", "Path of the .ron file to write:", "Save")
            }
            Self::ExportChart | Self::ExportGauge(_) => {
                ("Export PNG to a path", "Path of the .png file to write:", "Export")
            }
        }
    }

    fn command(self, path: PathBuf) -> Command {
        match self {
            Self::Open => Command::Open(path),
            Self::SaveWorkspace => Command::SaveWorkspaceAs(path),
            Self::ExportChart => Command::ExportChart(path),
            Self::ExportGauge(i) => Command::ExportGauge(i, path),
        }
    }
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something worked.
    Info,
    /// Something worked only in part.
    Warning,
    /// Something failed; nothing was lost.
    Error,
}

/// A message for the status bar (and, for errors, a window until dismissed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Seriousness.
    pub level: Level,
    /// The text, naming file, line and column where there are such.
    pub text: String,
}

/// What a finished background job hands back.
struct JobResult {
    /// The [`loading::LoadJob`] it ends.
    id: u64,
    path: PathBuf,
    result: Result<Opened, OpenError>,
}

/// A PNG export waiting for its screenshot.
struct PendingExport {
    /// "chart" or "gauge", for the message.
    what: &'static str,
    path: PathBuf,
    rect: egui::Rect,
    pixels_per_point: f32,
}

/// Export requested from the command line: write the chart PNG once drawn, then close.
#[derive(Debug, Clone)]
pub struct ExportOnStart {
    /// Where to write the PNG.
    pub path: PathBuf,
    /// Frames drawn so far (the export waits for the layout to settle).
    frames: u32,
    /// Whether the screenshot has been asked for.
    requested: bool,
    /// What to export.
    kind: ExportKind,
}

/// What a PNG export shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The monthly trade chart.
    Chart,
    /// The itinerary (Visit tab).
    Visit,
    /// The gauge card of target `i`.
    Gauge(usize),
}

impl ExportKind {
    /// As said in messages: "chart", "itinerary" or "gauge".
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::Chart => "chart",
            Self::Visit => "itinerary",
            Self::Gauge(_) => "gauge",
        }
    }

    fn tab(self) -> Tab {
        match self {
            Self::Chart => Tab::Chart,
            Self::Visit => Tab::Visit,
            Self::Gauge(_) => Tab::Targets,
        }
    }
}

impl ExportOnStart {
    /// Export to `path` once the chart is on screen, then close the window.
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self { path, frames: 0, requested: false, kind: ExportKind::Chart }
    }

    /// Export to `path` a picture of the itinerary once the Visit tab is on screen, then close
    /// the window.
    #[must_use]
    pub fn visit(path: PathBuf) -> Self {
        Self { kind: ExportKind::Visit, ..Self::new(path) }
    }

    /// Export the gauge card of target `index` to `path` once on screen, then close the window.
    #[must_use]
    pub fn gauge(path: PathBuf, index: usize) -> Self {
        Self { kind: ExportKind::Gauge(index), ..Self::new(path) }
    }

    /// What is exported, as said in messages.
    #[must_use]
    pub fn what(&self) -> &'static str {
        self.kind.what()
    }
}

/// Outcome of a command-line export, read after the window closes.
pub type ExportOutcome = Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>;

/// The application.
pub struct TradeDashApp {
    workspace: Workspace,
    workspace_path: Option<PathBuf>,
    dataset: Arc<Dataset>,
    data_span: Option<MonthRange>,
    /// Bumped when the dataset is replaced; keys the aggregate cache.
    data_revision: u64,
    /// Bumped when the dataset or the selection changes; keys the panels' caches.
    view_revision: u64,
    cache: AggregateCache,
    dirty: bool,
    tab: Tab,
    chart: ChartPanel,
    gauges: GaugesPanel,
    itinerary: ItineraryPanel,
    sidebar: Sidebar,
    dialogs: Box<dyn FileDialogs>,
    notices: Vec<Notice>,
    error_window: Option<String>,
    import_report: Option<ImportReport>,
    /// The file `import_report` is about (read again when another sheet is chosen).
    import_path: Option<PathBuf>,
    show_import_report: bool,
    import_panel: ImportPanel,
    initial_options: ImportOptions,
    path_prompt: Option<(PathPurpose, String)>,
    jobs: (Sender<JobResult>, Receiver<JobResult>),
    running_jobs: Vec<loading::LoadJob>,
    next_job_id: u64,
    screenshots: (Sender<Arc<egui::ColorImage>>, Receiver<Arc<egui::ColorImage>>),
    pending_export: Option<PendingExport>,
    export_on_start: Option<ExportOnStart>,
    export_outcome: ExportOutcome,
    initial_open: Option<PathBuf>,
    last_title: String,
    history: history::History,
    saved: history::Snapshot,
    guard: Option<Command>,
    guard_passed: bool,
    close_confirmed: bool,
    autosave: Option<safety::AutosaveState>,
    recovery: Vec<(crate::io::autosave::Orphan, Result<String, String>)>,
    recent: Vec<PathBuf>,
}

impl TradeDashApp {
    /// The app showing `workspace`, with the native dialogs.
    #[must_use]
    pub fn new(workspace: Workspace) -> Self {
        let mut app = Self {
            workspace: Workspace::default(),
            workspace_path: None,
            dataset: Arc::new(Dataset::default()),
            data_span: None,
            data_revision: 0,
            view_revision: 0,
            cache: AggregateCache::default(),
            dirty: false,
            tab: Tab::default(),
            chart: ChartPanel::default(),
            gauges: GaugesPanel::default(),
            itinerary: ItineraryPanel::default(),
            sidebar: Sidebar::default(),
            dialogs: Box::new(NativeDialogs),
            notices: Vec::new(),
            error_window: None,
            import_report: None,
            import_path: None,
            show_import_report: false,
            import_panel: ImportPanel::default(),
            initial_options: ImportOptions::default(),
            path_prompt: None,
            jobs: channel(),
            running_jobs: Vec::new(),
            next_job_id: 0,
            screenshots: channel(),
            pending_export: None,
            export_on_start: None,
            export_outcome: ExportOutcome::default(),
            initial_open: None,
            last_title: String::new(),
            history: history::History::default(),
            saved: history::Snapshot { workspace: Workspace::default(), dataset: Arc::default() },
            guard: None,
            guard_passed: false,
            close_confirmed: false,
            autosave: None,
            recovery: Vec::new(),
            recent: Vec::new(),
        };
        app.set_workspace(workspace, None);
        app.new_document();
        app
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
        self
    }

    /// Exports the chart once drawn and closes the window; the outcome is written to `outcome`.
    #[must_use]
    pub fn with_export_on_start(mut self, export: ExportOnStart, outcome: ExportOutcome) -> Self {
        self.export_on_start = Some(export);
        self.export_outcome = outcome;
        self
    }

    /// Opens `path` (data or workspace) in the background once the window is up.
    #[must_use]
    pub fn with_initial_open(mut self, path: PathBuf) -> Self {
        self.initial_open = Some(path);
        self
    }

    /// Import options (a column mapping, a sheet) for the file given with
    /// [`Self::with_initial_open`], from the command line.
    #[must_use]
    pub fn with_initial_import_options(mut self, options: ImportOptions) -> Self {
        self.initial_options = options;
        self
    }

    /// Whether the column-mapping step is waiting for the user.
    #[must_use]
    pub fn is_asking_for_mapping(&self) -> bool {
        self.import_panel.is_asking()
    }

    /// The report of the last import, if any.
    #[must_use]
    pub fn import_report(&self) -> Option<&ImportReport> {
        self.import_report.as_ref()
    }

    /// The aggregate the panels draw from (cached; as of the last frame).
    #[must_use]
    pub fn shown_aggregate(&self) -> &crate::model::query::Aggregate {
        self.cache.aggregate()
    }

    /// The workspace with the loaded data embedded, as `summary` and a save see it.
    #[must_use]
    pub fn workspace_with_data(&self) -> Workspace {
        let mut ws = self.workspace.clone();
        ws.data.embedded = Some(Arc::clone(&self.dataset));
        ws
    }

    /// The workspace as it is now.
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The loaded data.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Notices shown so far, oldest first.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Whether there are changes not saved to a workspace file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// How often the aggregate was computed (tests: once per change, never per frame).
    #[must_use]
    pub fn aggregate_computations(&self) -> u64 {
        self.cache.computations()
    }

    /// How often the chart's derived series were rebuilt.
    #[must_use]
    pub fn chart_rebuilds(&self) -> u64 {
        self.chart.rebuilds()
    }

    /// How often target statuses were computed (tests: once per change, never per frame).
    #[must_use]
    pub fn target_evaluations(&self) -> u64 {
        self.gauges.evaluations()
    }

    /// Whether background work is running: a load, or the aggregates of a new selection on
    /// a large dataset (see [`crate::model::query::BACKGROUND_ROWS`]).
    #[must_use]
    pub fn is_busy(&self) -> bool {
        !self.running_jobs.is_empty() || self.cache.is_updating()
    }

    /// Whether a file is being loaded.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        !self.running_jobs.is_empty()
    }

    /// The counters of the load running now (not cancelled), if any.
    #[must_use]
    pub fn load_progress(&self) -> Option<Arc<Progress>> {
        self.running_jobs.iter().rev().find(|j| !j.progress.is_cancelled()).map(|j| Arc::clone(&j.progress))
    }

    /// Whether the aggregates shown are those of an earlier selection while the current
    /// one's are computed in the background.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.cache.is_updating()
    }

    fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if level == Level::Error {
            self.error_window = Some(text.clone());
        }
        self.notices.push(Notice { level, text });
    }

    fn set_workspace(&mut self, mut workspace: Workspace, path: Option<PathBuf>) {
        let dataset = workspace.data.embedded.take().unwrap_or_default();
        self.set_dataset(dataset);
        self.workspace = workspace;
        self.workspace_path = path;
    }

    fn set_dataset(&mut self, dataset: Arc<Dataset>) {
        self.data_span = dataset.month_span().map(|(a, b)| MonthRange::new(a, b));
        self.dataset = dataset;
        self.data_revision += 1;
        self.view_revision += 1;
    }

    /// Applies one command. All state changes go through here: the unsaved-changes guard
    /// and undo recording wrap every command (see `safety.rs`).
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        self.apply_guarded(ctx, command);
    }

    /// Carries out a command (the guard has been passed).
    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::OpenDataDialog => {
                let started = Instant::now();
                match self.dialogs.pick_data() {
                    Some(p) => self.apply(ctx, Command::Open(p)),
                    None => self.dialog_gave_nothing(started, PathPurpose::Open),
                }
            }
            Command::OpenWorkspaceDialog => {
                let started = Instant::now();
                match self.dialogs.pick_workspace() {
                    Some(p) => self.apply(ctx, Command::Open(p)),
                    None => self.dialog_gave_nothing(started, PathPurpose::Open),
                }
            }
            Command::Open(path) => self.start_open(ctx, path, ImportOptions::default()),
            Command::CancelLoad => self.cancel_loads(),
            Command::ImportWithMapping { path, mapping, header, remember, sheet } => {
                if remember {
                    let key = header_key(header.iter().map(String::as_str));
                    let saved = &mut self.workspace.import_mappings;
                    saved.retain(|m| m.header != key);
                    saved.push(SavedMapping { header: key, mapping: (*mapping).clone() });
                    self.dirty = true;
                }
                let options = ImportOptions { mapping: Some(*mapping), remembered: Vec::new(), sheet };
                self.start_open(ctx, path, options);
            }
            Command::ImportSheet { path, sheet } => {
                self.start_open(ctx, path, ImportOptions { sheet: Some(sheet), ..ImportOptions::default() });
            }
            Command::SaveWorkspace => match self.workspace_path.clone() {
                Some(p) => self.save_workspace(&p),
                None => self.apply(ctx, Command::SaveWorkspaceAsDialog),
            },
            Command::SaveWorkspaceAsDialog => {
                let name = format!("{}.ron", file_stem_for(&self.workspace.title));
                let started = Instant::now();
                match self.dialogs.save_workspace(&name) {
                    Some(p) => self.save_workspace(&p),
                    None => self.dialog_gave_nothing(started, PathPurpose::SaveWorkspace),
                }
            }
            Command::SaveWorkspaceAs(p) => self.save_workspace(&p),
            Command::ExportChartDialog => {
                let name = format!("{}-chart.png", file_stem_for(&self.workspace.title));
                let started = Instant::now();
                match self.dialogs.save_png(&name) {
                    Some(p) => self.apply(ctx, Command::ExportChart(p)),
                    None => self.dialog_gave_nothing(started, PathPurpose::ExportChart),
                }
            }
            Command::ExportChart(path) => self.request_export(ctx, path, ExportKind::Chart),
            Command::ExportGaugeDialog(index) => {
                let Some(target) = self.workspace.targets.get(index) else { return };
                let name = format!("{}-gauge.png", file_stem_for(&target.name));
                let started = Instant::now();
                match self.dialogs.save_png(&name) {
                    Some(p) => self.apply(ctx, Command::ExportGauge(index, p)),
                    None => self.dialog_gave_nothing(started, PathPurpose::ExportGauge(index)),
                }
            }
            Command::ExportGauge(index, path) => self.request_export(ctx, path, ExportKind::Gauge(index)),
            Command::ExportTableCsvDialog => {
                let view = self.workspace.chart.view.cli_name();
                let name = format!("{}-{view}.csv", file_stem_for(&self.workspace.title));
                if let Some(p) = self.dialogs.save_csv(&name) {
                    self.apply(ctx, Command::ExportTableCsv(p));
                }
            }
            Command::ExportTableCsv(path) => self.export_table_csv(&path),
            Command::SetSelection(sel) => {
                if sel != self.workspace.selection {
                    self.workspace.selection = sel;
                    self.view_revision += 1;
                }
            }
            Command::SetChart(settings) => self.workspace.chart = settings,
            Command::SetTargets(targets) => self.workspace.targets = targets,
            Command::SetVisits(visits) => self.workspace.visits = visits,
            Command::ExportIcsDialog => {
                let Some(v) = self.workspace.visits.get(self.itinerary.visit_index()) else {
                    self.notify(Level::Error, "There is no visit to export");
                    return;
                };
                let name = format!("{}.ics", file_stem_for(&v.title));
                let started = Instant::now();
                match self.dialogs.save_ics(&name) {
                    Some(p) => self.apply(ctx, Command::ExportIcs(p)),
                    None if started.elapsed() < Duration::from_millis(150) => {
                        self.tab = Tab::Visit;
                        self.notify(
                            Level::Warning,
                            "No file dialog is available on this desktop: type a path in \"Calendar file\" \
                             and click \"Save .ics\", or use `tradedash export-ics`.",
                        );
                    }
                    None => {}
                }
            }
            Command::ExportIcs(path) => self.export_ics(&path, self.itinerary.visit_index()),
            Command::ExportVisitPngDialog => {
                let name = format!("{}-itinerary.png", file_stem_for(&self.workspace.title));
                let started = Instant::now();
                match self.dialogs.save_png(&name) {
                    Some(p) => self.apply(ctx, Command::ExportVisitPng(p)),
                    None if started.elapsed() < Duration::from_millis(150) => self.notify(
                        Level::Warning,
                        "No file dialog is available on this desktop: use `tradedash export-visit-png` \
                         to save a picture of the itinerary.",
                    ),
                    None => {}
                }
            }
            Command::ExportVisitPng(path) => self.request_export(ctx, path, ExportKind::Visit),
            Command::SetAnnotations(annotations) => self.workspace.annotations = annotations,
            Command::ShowTab(tab) => self.tab = tab,
            Command::ShowImportReport => self.show_import_report = true,
            Command::OpenDefault => {
                self.set_workspace(workspace_file::default_workspace(), None);
                self.new_document();
                self.notify(
                    Level::Info,
                    "Opened the built-in Brest Oblast – Kazakhstan workspace (sample data)",
                );
            }
            Command::NewWorkspace => {
                self.set_workspace(Workspace::default(), None);
                self.import_report = None;
                self.import_path = None;
                self.new_document();
            }
            Command::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            // Handled by apply_guarded before a command gets here.
            Command::Undo
            | Command::Redo
            | Command::ResolveGuard(_)
            | Command::Recover(_)
            | Command::DiscardAutosave(_) => self.apply_guarded(ctx, command),
        }
    }

    fn dialog_gave_nothing(&mut self, started: Instant, purpose: PathPurpose) {
        // Without a desktop portal rfd returns at once, just like Cancel; say what else works.
        if started.elapsed() < Duration::from_millis(150) {
            self.path_prompt = Some((purpose, String::new()));
            let text = if purpose == PathPurpose::Open {
                "No file dialog is available on this desktop. Type a path, drop the file on the window, \
                 or give it on the command line."
            } else {
                "No file dialog is available on this desktop. Type the path to write to."
            };
            self.notify(Level::Warning, text);
        }
    }

    /// Starts loading `path` on a `load-file` thread. A load already running is cancelled
    /// first (the newest open wins) and says so.
    fn start_open(&mut self, ctx: &egui::Context, path: PathBuf, mut options: ImportOptions) {
        for job in &mut self.running_jobs {
            if !job.progress.is_cancelled() {
                job.progress.cancel();
                job.superseded = true;
                let text = format!(
                    "Loading {} cancelled: opening {} instead",
                    job.file_name(),
                    loading::file_name(&path)
                );
                self.notices.push(Notice { level: Level::Info, text });
            }
        }
        options.remembered.extend(self.workspace.import_mappings.iter().cloned());
        let tx = self.jobs.0.clone();
        let repaint = ctx.clone();
        self.next_job_id += 1;
        let id = self.next_job_id;
        let progress = Arc::new(Progress::default());
        let counters = Arc::clone(&progress);
        let thread_path = path.clone();
        let spawned = std::thread::Builder::new().name("load-file".into()).spawn(move || {
            let result = input::open_with_progress(&thread_path, &options, &counters);
            let _ = tx.send(JobResult { id, path: thread_path, result });
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => self.running_jobs.push(loading::LoadJob { id, path, progress, superseded: false }),
            Err(e) => self.notify(Level::Error, format!("Cannot start loading: {e}")),
        }
        ctx.request_repaint_after(BUSY_REPAINT);
    }

    /// Asks the running load to stop. It stops within a block of rows; its result, whatever it
    /// is, is then dropped and nothing shown changes.
    fn cancel_loads(&mut self) {
        for job in &self.running_jobs {
            job.progress.cancel();
        }
    }

    fn finish_jobs(&mut self) {
        while let Ok(JobResult { id, path, result }) = self.jobs.1.try_recv() {
            let Some(i) = self.running_jobs.iter().position(|j| j.id == id) else { continue };
            let job = self.running_jobs.remove(i);
            if job.progress.is_cancelled() {
                // Even a load that finished before it saw the flag changes nothing: the user
                // asked to stop it.
                if !job.superseded {
                    let text =
                        format!("Loading cancelled: {}. The data shown is unchanged.", job.file_name());
                    self.notify(Level::Info, text);
                }
                continue;
            }
            match result {
                Ok(Opened::Data(imported)) => self.data_loaded(path, imported),
                Ok(Opened::Workspace { workspace, data, warning }) => {
                    self.set_workspace(workspace, Some(path.clone()));
                    if let Some(imported) = data {
                        self.import_path = Some(PathBuf::from(&imported.report.file));
                        self.import_report = Some(imported.report);
                        self.set_dataset(Arc::new(imported.dataset));
                    }
                    self.new_document();
                    self.remember_recent(&path);
                    match warning {
                        Some(w) => self.notify(Level::Warning, w),
                        None => self.notify(Level::Info, format!("Opened workspace {}", path.display())),
                    }
                }
                Err(OpenError::Data(e)) if e.preview().is_some() && self.export_on_start.is_none() => {
                    // Not an error yet: ask which column holds what.
                    if let Some(preview) = e.preview() {
                        self.import_panel.ask_mapping(path.clone(), preview.clone(), e.to_string());
                    }
                    self.notify(
                        Level::Warning,
                        format!(
                            "{}: choose the columns in the Column mapping window. The data shown is unchanged.",
                            path.display()
                        ),
                    );
                }
                Err(e) => {
                    if let OpenError::Data(ImportError::NoUsableRows { report, .. }) = &e {
                        self.import_report = Some((**report).clone());
                        self.import_path = Some(path.clone());
                    }
                    let what = if input::is_workspace_path(&path) { "workspace" } else { "data" };
                    self.notify(Level::Error, format!("{e}. The {what} shown is unchanged."));
                    self.fail_export_on_start(&e.to_string());
                }
            }
        }
    }

    fn fail_export_on_start(&mut self, reason: &str) {
        if self.export_on_start.is_some()
            && let Ok(mut slot) = self.export_outcome.lock()
        {
            slot.get_or_insert(Err(reason.to_owned()));
        }
    }

    fn data_loaded(&mut self, path: PathBuf, imported: Imported) {
        let before = self.snapshot();
        self.remember_recent(&path);
        let Imported { dataset, report } = imported;
        let mut summary = report.summary_line();
        if report.sheets.len() > 1 {
            summary
                .push_str(&format!(" — {} sheets: choose another in the Import report", report.sheets.len()));
        }
        let level = if report.rows_skipped > 0 { Level::Warning } else { Level::Info };
        // Keep the selection where it still names something in the new data.
        let sel = &mut self.workspace.selection;
        if sel.reporter.as_deref().is_some_and(|q| !dataset.reporters().iter().any(|p| p.matches(q))) {
            sel.reporter = None;
        }
        if sel.partner.as_deref().is_some_and(|q| !dataset.partners().iter().any(|p| p.matches(q))) {
            sel.partner = None;
        }
        sel.compare.retain(|q| dataset.partners().iter().any(|p| p.matches(q)));
        sel.range = None;
        self.workspace.data = DataSource {
            label: format!(
                "{}{} ({})",
                path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                report
                    .sheet
                    .as_ref()
                    .filter(|_| report.sheets.len() > 1)
                    .map_or_else(String::new, |s| format!(", sheet “{s}”")),
                report.format.label()
            ),
            sample: false,
            path: Some(path.clone()),
            embedded: None,
        };
        self.set_dataset(Arc::new(dataset));
        self.import_report = Some(report);
        self.import_path = Some(path);
        self.record_edit(before);
        self.notify(level, summary);
    }

    fn save_workspace(&mut self, path: &Path) {
        let mut ws = self.workspace.clone();
        ws.data.embedded = Some(Arc::clone(&self.dataset));
        match workspace_file::save(path, &ws) {
            Ok(()) => {
                self.workspace_path = Some(path.to_owned());
                self.mark_saved();
                self.remember_recent(path);
                self.notify(Level::Info, format!("Saved workspace {}", path.display()));
            }
            Err(e) => self.notify(Level::Error, format!("{e}. The previous file is unchanged.")),
        }
    }

    /// Labels of the events marked on the chart as last drawn.
    #[must_use]
    pub fn chart_event_labels(&self) -> Vec<String> {
        self.chart.event_labels()
    }

    /// The table the chart panel shows, as last drawn.
    #[must_use]
    pub fn shown_chart_table(&self) -> Option<&ViewTable> {
        self.chart.table()
    }

    /// The numbers behind the chart for the current selection and chart settings: the same
    /// function the chart's table uses, on the same cached aggregate.
    #[must_use]
    pub fn chart_table(&self) -> ViewTable {
        ChartInputs {
            selection: &self.workspace.selection,
            settings: &self.workspace.chart,
            dataset: &self.dataset,
            aggregate: self.cache.aggregate(),
            compared: self.cache.compared(),
            mirror: self.cache.mirror(),
        }
        .table()
    }

    fn export_table_csv(&mut self, path: &Path) {
        // Exactly the current selection's numbers, even while the shown ones are being updated.
        self.cache.refresh(&self.dataset, self.data_revision, &self.workspace.selection);
        let table = self.chart_table();
        let written = table
            .to_csv()
            .map_err(|e| e.to_string())
            .and_then(|bytes| atomic::write_atomic(path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => self.notify(
                Level::Info,
                format!(
                    "Exported table {} ({} rows, {} columns)",
                    path.display(),
                    table.rows.len(),
                    table.columns.len() + 2
                ),
            ),
            Err(e) => self.notify(Level::Error, format!("{e}. No file was written.")),
        }
    }

    /// Asks for a screenshot to crop to the chart, or to the card of target `gauge`.
    fn request_export(&mut self, ctx: &egui::Context, path: PathBuf, kind: ExportKind) {
        let (what, tab) = (kind.what(), kind.tab());
        let rect = match kind {
            ExportKind::Chart => self.chart.export_rect,
            ExportKind::Visit => self.itinerary.export_rect,
            ExportKind::Gauge(i) => self.gauges.card_rect(i),
        };
        // Rects of panels other than the chart are only current while their tab is on screen.
        let stale = kind != ExportKind::Chart && self.tab != tab;
        self.tab = tab;
        let Some(rect) = rect.filter(|_| !stale) else {
            self.notify(Level::Error, format!("The {what} is not on screen yet; try again"));
            return;
        };
        self.pending_export =
            Some(PendingExport { what, path, rect, pixels_per_point: ctx.pixels_per_point() });
        let tx = self.screenshots.0.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = tx.send(image);
            repaint.request_repaint();
        });
    }

    fn export_ics(&mut self, path: &Path, visit: usize) {
        let Some(v) = self.workspace.visits.get(visit) else {
            self.notify(Level::Error, "No such visit to export");
            return;
        };
        if path.as_os_str().is_empty() {
            self.notify(Level::Error, "Type a file name for the calendar file first");
            return;
        }
        let events = v.stops.len();
        // A bare file name typed in the panel goes next to the workspace file when there is one.
        let path = match (&self.workspace_path, path.is_relative()) {
            (Some(ws), true) => ws.parent().map_or_else(|| path.to_owned(), |dir| dir.join(path)),
            _ => path.to_owned(),
        };
        let path = std::path::absolute(&path).unwrap_or(path);
        match ics::write_ics(&path, std::slice::from_ref(v)) {
            Ok(()) => self.notify(
                Level::Info,
                format!("Saved itinerary {} ({events} events, iCalendar)", path.display()),
            ),
            Err(e) => self.notify(Level::Error, format!("{e}. The previous file is unchanged.")),
        }
    }

    fn finish_export(&mut self) {
        let Ok(image) = self.screenshots.1.try_recv() else { return };
        let Some(pending) = self.pending_export.take() else { return };
        // Crop only to what the screenshot holds: a rect partly off screen would panic in
        // `region`, and one wholly off screen has nothing to save.
        #[allow(clippy::cast_precision_loss)]
        let screen = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(image.size[0] as f32, image.size[1] as f32) / pending.pixels_per_point,
        );
        let rect = pending.rect.intersect(screen);
        if !rect.is_positive() {
            let what = pending.what;
            self.notify(Level::Error, format!("The {what} is not on screen; nothing was exported"));
            if let Ok(mut slot) = self.export_outcome.lock() {
                *slot = Some(Err(format!("the {what} is not on screen")));
            }
            return;
        }
        let cropped = image.region(&rect, Some(pending.pixels_per_point));
        let outcome = match png::save(&pending.path, &cropped) {
            Ok(()) => {
                let [w, h] = cropped.size;
                let what = pending.what;
                self.notify(Level::Info, format!("Exported {what} {} ({w}×{h} px)", pending.path.display()));
                Ok(pending.path)
            }
            Err(e) => {
                self.notify(Level::Error, e.to_string());
                Err(e.to_string())
            }
        };
        if let Ok(mut slot) = self.export_outcome.lock() {
            *slot = Some(outcome);
        }
    }

    fn drive_export_on_start(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.is_busy() {
            return;
        }
        let Some(job) = &mut self.export_on_start else { return };
        job.frames += 1;
        ctx.request_repaint();
        match job.kind {
            ExportKind::Chart if !job.requested && job.frames >= 3 && self.chart.export_rect.is_some() => {
                job.requested = true;
                commands.push(Command::ExportChart(job.path.clone()));
            }
            ExportKind::Visit => {
                self.tab = Tab::Visit;
                if !job.requested && job.frames >= 3 && self.itinerary.export_rect.is_some() {
                    job.requested = true;
                    commands.push(Command::ExportVisitPng(job.path.clone()));
                }
            }
            ExportKind::Gauge(i) if !job.requested && self.tab != Tab::Targets => {
                if i >= self.workspace.targets.len() {
                    let n = self.workspace.targets.len();
                    self.export_on_start = None;
                    if let Ok(mut slot) = self.export_outcome.lock() {
                        *slot = Some(Err(format!("there is no target {} (the workspace has {n})", i + 1)));
                    }
                    commands.push(Command::Quit);
                    return;
                }
                commands.push(Command::ShowTab(Tab::Targets));
                job.frames = 0;
            }
            ExportKind::Gauge(i) if !job.requested && job.frames >= 3 => {
                if self.gauges.card_rect(i).is_some() {
                    job.requested = true;
                    commands.push(Command::ExportGauge(i, job.path.clone()));
                } else if job.frames == 3 {
                    self.gauges.scroll_to(i);
                }
            }
            _ => {}
        }
        let done = self.export_outcome.lock().is_ok_and(|o| o.is_some());
        let stuck = job.frames > 600;
        if done || stuck {
            if stuck && let Ok(mut slot) = self.export_outcome.lock() {
                slot.get_or_insert(Err("no screenshot arrived from the renderer".into()));
            }
            self.export_on_start = None;
            commands.push(Command::Quit);
        }
    }

    /// The window title: workspace, file, and " •" while there are unsaved changes.
    #[must_use]
    pub fn window_title(&self) -> String {
        let mark = if self.dirty { " •" } else { "" };
        let file = self
            .workspace_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| format!(" — {}", n.to_string_lossy()));
        format!("{}{file}{mark} — tradedash", self.workspace.title)
    }

    /// One frame of the whole UI; `eframe::App::ui` calls it, and so do the UI tests.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.finish_jobs();
        self.finish_export();
        let mut commands = Vec::new();
        if let Some(p) = self.initial_open.take() {
            let options = std::mem::take(&mut self.initial_options);
            if options.mapping.is_some() || options.sheet.is_some() {
                self.start_open(&ctx, p, options);
            } else {
                commands.push(Command::Open(p));
            }
        }
        shortcuts(&ctx, &mut commands);
        dropped_files(&ctx, &mut commands);
        self.drive_export_on_start(&ctx, &mut commands);
        self.drive_autosave(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && self.dirty && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            commands.push(Command::Quit);
        }

        let repaint = ctx.clone();
        let changed = self.cache.refresh_shared(
            &self.dataset,
            self.data_revision,
            &self.workspace.selection,
            move || repaint.request_repaint(),
        );
        if changed {
            // New figures (possibly from the background): panels rebuild what they derive.
            self.view_revision += 1;
        }
        let view = ViewCtx {
            workspace: &self.workspace,
            dataset: &self.dataset,
            aggregate: self.cache.aggregate(),
            compared: self.cache.compared(),
            mirror: self.cache.mirror(),
            data_span: self.data_span,
            revision: self.view_revision,
            updating: self.cache.is_updating(),
        };
        let menu = MenuState {
            recent: &self.recent,
            can_undo: self.history.can_undo(),
            can_redo: self.history.can_redo(),
        };
        egui::Panel::top("menu").show(ui, |ui| menu_ui(ui, &menu, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            let status = Status {
                notices: &self.notices,
                loads: &self.running_jobs,
                updating: self.cache.is_updating(),
                report: self.import_report.as_ref(),
            };
            status_ui(ui, &status, &mut commands);
        });
        egui::Panel::left("sidebar").resizable(true).default_size(280.0).show(ui, |ui| {
            self.sidebar.ui(ui, &view, &mut commands);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                        commands.push(Command::ShowTab(tab));
                    }
                }
            });
            ui.separator();
            match self.tab {
                Tab::Chart => self.chart.ui(ui, &view, &mut commands),
                Tab::Targets => self.gauges.ui(ui, &view, &mut commands),
                Tab::Visit => self.itinerary.ui(ui, &view, &mut commands),
            }
        });
        self.windows_ui(&ctx);
        self.import_panel.mapping_window_ui(&ctx, &mut commands);
        self.safety_windows_ui(&ctx, &mut commands);
        for c in commands {
            self.apply(&ctx, c);
        }
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

    fn windows_ui(&mut self, ctx: &egui::Context) {
        if let Some(text) = self.error_window.clone() {
            let mut open = true;
            egui::Window::new("Problem").collapsible(false).open(&mut open).show(ctx, |ui| {
                ui.label(RichText::new(&text).color(theme::error(ui.visuals())));
                if ui.button("OK").clicked() {
                    self.error_window = None;
                }
            });
            if !open {
                self.error_window = None;
            }
        }
        if let Some((purpose, path)) = &mut self.path_prompt {
            let purpose = *purpose;
            let (title, field, button) = purpose.texts();
            let mut submit = None;
            let mut open = true;
            egui::Window::new(title).collapsible(false).open(&mut open).show(ctx, |ui| {
                let label = ui.label(field).id;
                let r = ui.add(egui::TextEdit::singleline(path).desired_width(360.0)).labelled_by(label);
                let typed = !path.trim().is_empty();
                if ui.add_enabled(typed, egui::Button::new(button)).clicked()
                    || typed && r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
                {
                    submit = Some(PathBuf::from(path.trim()));
                }
            });
            if let Some(p) = submit {
                self.path_prompt = None;
                self.apply(ctx, purpose.command(p));
            } else if !open {
                self.path_prompt = None;
            }
        }
        if self.show_import_report
            && let Some(report) = &self.import_report
        {
            let mut open = true;
            let mut commands = Vec::new();
            egui::Window::new("Import report").open(&mut open).default_width(560.0).show(ctx, |ui| {
                import_report_ui(ui, report, self.import_path.as_deref(), &mut commands);
            });
            self.show_import_report = open;
            for c in commands {
                self.apply(ctx, c);
            }
        }
    }
}

/// A file name made from a title ("tradedash" when the title has no letters or digits).
fn file_stem_for(title: &str) -> String {
    crate::io::file_stem(title, "tradedash")
}

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const OPEN_WS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
    ctx.input_mut(|i| {
        // Shift variants first: consume_shortcut matches Ctrl+O inside Ctrl+Shift+O otherwise.
        if i.consume_shortcut(&OPEN_WS) {
            commands.push(Command::OpenWorkspaceDialog);
        } else if i.consume_shortcut(&OPEN) {
            commands.push(Command::OpenDataDialog);
        }
        if i.consume_shortcut(&SAVE_AS) {
            commands.push(Command::SaveWorkspaceAsDialog);
        } else if i.consume_shortcut(&SAVE) {
            commands.push(Command::SaveWorkspace);
        }
        if i.consume_shortcut(&EXPORT) {
            commands.push(Command::ExportChartDialog);
        }
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            commands.push(Command::Redo);
        } else if i.consume_shortcut(&UNDO) {
            commands.push(Command::Undo);
        }
    });
}

fn dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    for f in dropped {
        let p = f.path();
        if !p.as_os_str().is_empty() {
            commands.push(Command::Open(p.to_owned()));
        }
    }
}

/// What the menus need to know.
struct MenuState<'a> {
    recent: &'a [PathBuf],
    can_undo: bool,
    can_redo: bool,
}

fn menu_item(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut b = egui::Button::new(text);
    if let Some(s) = shortcut {
        b = b.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, b).clicked()
}

fn menu_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let item =
        |ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>| menu_item(ui, text, shortcut, true);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New workspace", None) {
                commands.push(Command::NewWorkspace);
            }
            if item(ui, "Open data…", Some(&OPEN)) {
                commands.push(Command::OpenDataDialog);
            }
            if item(ui, "Open workspace…", Some(&OPEN_WS)) {
                commands.push(Command::OpenWorkspaceDialog);
            }
            ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for p in state.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            commands.push(Command::Open(p.clone()));
                        }
                    }
                });
            });
            if item(ui, "Open built-in example", None) {
                commands.push(Command::OpenDefault);
            }
            ui.separator();
            if item(ui, "Save workspace", Some(&SAVE)) {
                commands.push(Command::SaveWorkspace);
            }
            if item(ui, "Save workspace as…", Some(&SAVE_AS)) {
                commands.push(Command::SaveWorkspaceAsDialog);
            }
            ui.separator();
            if item(ui, "Quit", None) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            if menu_item(ui, "Undo", Some(&UNDO), state.can_undo) {
                commands.push(Command::Undo);
            }
            if menu_item(ui, "Redo", Some(&REDO), state.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button("Chart", |ui| {
            let b = egui::Button::new("Export PNG…").shortcut_text(ui.ctx().format_shortcut(&EXPORT));
            if ui.add(b).clicked() {
                commands.push(Command::ExportChartDialog);
            }
            if ui.button("Export CSV…").clicked() {
                commands.push(Command::ExportTableCsvDialog);
            }
        });
        ui.menu_button("Itinerary", |ui| {
            if ui.button("Save itinerary as iCalendar…").clicked() {
                commands.push(Command::ExportIcsDialog);
            }
            if ui.button("Export itinerary PNG…").clicked() {
                commands.push(Command::ShowTab(Tab::Visit));
                commands.push(Command::ExportVisitPngDialog);
            }
        });
        ui.menu_button("View", |ui| {
            for tab in Tab::ALL {
                if ui.button(tab.label()).clicked() {
                    commands.push(Command::ShowTab(tab));
                }
            }
            ui.separator();
            if ui.button("Import report").clicked() {
                commands.push(Command::ShowImportReport);
            }
            egui::widgets::global_theme_preference_buttons(ui);
        });
    });
}

/// What the status bar shows.
struct Status<'a> {
    notices: &'a [Notice],
    loads: &'a [loading::LoadJob],
    updating: bool,
    report: Option<&'a ImportReport>,
}

fn status_ui(ui: &mut Ui, status: &Status<'_>, commands: &mut Vec<Command>) {
    let Status { notices, loads, updating, report } = *status;
    ui.horizontal(|ui| {
        if updating {
            loading::updating_ui(ui);
            ui.separator();
        }
        if !loads.is_empty() {
            loading::loads_ui(ui, loads, commands);
        } else if let Some(n) = notices.last() {
            let color = match n.level {
                Level::Info => ui.visuals().text_color(),
                Level::Warning => theme::warning(ui.visuals()),
                Level::Error => theme::error(ui.visuals()),
            };
            ui.label(RichText::new(&n.text).color(color));
        } else {
            ui.label("Ready. Open a CSV (Ctrl+O), drop one on the window, or explore the example.");
        }
        if report.is_some() && ui.small_button("Import report").clicked() {
            commands.push(Command::ShowImportReport);
        }
    });
}

/// Key of the recent-files list in eframe's storage.
pub const STORAGE_RECENT: &str = "tradedash.recent";

impl eframe::App for TradeDashApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_RECENT, &self.recent);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the user saved or chose not to, so the autosave has done its job.
        self.end_autosave();
    }
}
