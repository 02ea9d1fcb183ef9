//! Exports: PNGs cropped from a screenshot of the window (chart, itinerary, a gauge card), the
//! chart's table as CSV, the itinerary as iCalendar, and the export asked for on the command
//! line, which draws, exports and closes the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::status::{Level, Notices};
use crate::command::{Command, CommandQueue};
use crate::i18n::tr;
use crate::io::{atomic, ics, png};
use crate::model::completeness::PeriodCounts;
use crate::model::itinerary::Visit;
use crate::model::table::{RowKey, ViewTable};
use crate::ui::Tab;
use crate::ui::gauges::GaugesPanel;

/// What a PNG export shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The monthly trade chart.
    Chart,
    /// The itinerary (Visit tab).
    Visit,
    /// The gauge card of target `i`.
    Gauge(usize),
    /// The Composition tab's bars.
    Composition,
}

impl ExportKind {
    /// As said in messages: "chart", "itinerary" or "gauge".
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::Chart => "chart",
            Self::Visit => "itinerary",
            Self::Gauge(_) => "gauge",
            Self::Composition => "composition",
        }
    }

    /// The tab the exported view is on.
    pub(super) fn tab(self) -> Tab {
        match self {
            Self::Chart => Tab::Chart,
            Self::Visit => Tab::Visit,
            Self::Gauge(_) => Tab::Targets,
            Self::Composition => Tab::Composition,
        }
    }
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

    /// Export to `path` a picture of the Composition tab once its bars are on screen, then
    /// close the window.
    #[must_use]
    pub fn composition(path: PathBuf) -> Self {
        Self { kind: ExportKind::Composition, ..Self::new(path) }
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

/// A PNG export waiting for its screenshot.
struct PendingExport {
    /// "chart" or "gauge", for the message.
    what: &'static str,
    path: PathBuf,
    rect: egui::Rect,
    pixels_per_point: f32,
}

/// The PNG exports' state.
pub(super) struct Exports {
    screenshots: (Sender<Arc<egui::ColorImage>>, Receiver<Arc<egui::ColorImage>>),
    pending: Option<PendingExport>,
    pub on_start: Option<ExportOnStart>,
    pub outcome: ExportOutcome,
    /// The language of the command-line export's messages (the window's).
    pub lang: crate::i18n::Lang,
    /// A scripted export (`export-chart` and the like): the window keeps nothing from one run
    /// to the next (no panel widths, no settings), so the same command draws the same picture.
    pub scripted: bool,
}

impl Default for Exports {
    fn default() -> Self {
        Self {
            screenshots: channel(),
            pending: None,
            on_start: None,
            outcome: ExportOutcome::default(),
            lang: crate::i18n::Lang::En,
            scripted: false,
        }
    }
}

impl Exports {
    /// Writes the outcome of the command-line export (the first one written stands).
    pub fn fail_on_start(&self, reason: &str) {
        if self.on_start.is_some()
            && let Ok(mut slot) = self.outcome.lock()
        {
            slot.get_or_insert(Err(reason.to_owned()));
        }
    }

    fn set_outcome(&self, outcome: Result<PathBuf, String>) {
        if let Ok(mut slot) = self.outcome.lock() {
            *slot = Some(outcome);
        }
    }
}

impl Exports {
    /// Asks for a screenshot to crop to `rect` (where the view was drawn last frame, `None`
    /// when it is not on screen).
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        kind: ExportKind,
        rect: Option<egui::Rect>,
        notices: &mut Notices,
    ) {
        let what = kind.what();
        let Some(rect) = rect else {
            notices.notify(Level::Error, tr!(notices.lang, "notice-not-on-screen-yet", what = what));
            return;
        };
        self.pending = Some(PendingExport { what, path, rect, pixels_per_point: ctx.pixels_per_point() });
        let tx = self.screenshots.0.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = tx.send(image);
            repaint.request_repaint();
        });
    }

    /// Crops a screenshot that arrived to the export asked for, and writes the PNG.
    pub fn finish(&mut self, notices: &mut Notices) {
        let Ok(image) = self.screenshots.1.try_recv() else { return };
        let Some(pending) = self.pending.take() else { return };
        // Crop only to what the screenshot holds: a rect partly off screen would panic in
        // `region`, and one wholly off screen has nothing to save.
        #[allow(clippy::cast_precision_loss)] // screen sizes in pixels are far below 2^24
        let screen = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(image.size[0] as f32, image.size[1] as f32) / pending.pixels_per_point,
        );
        let rect = pending.rect.intersect(screen);
        let what = pending.what;
        if !rect.is_positive() {
            notices.notify(Level::Error, tr!(notices.lang, "notice-not-on-screen", what = what));
            self.set_outcome(Err(format!("the {what} is not on screen")));
            return;
        }
        let cropped = image.region(&rect, Some(pending.pixels_per_point));
        let outcome = match png::save(&pending.path, &cropped) {
            Ok(()) => {
                let [w, h] = cropped.size;
                let text = tr!(
                    notices.lang,
                    "notice-exported",
                    what = what,
                    path = pending.path.display().to_string(),
                    // Pixel sizes are written as they are, never grouped ("1280×800").
                    width = w.to_string(),
                    height = h.to_string(),
                );
                notices.notify(Level::Info, text);
                Ok(pending.path)
            }
            Err(e) => {
                notices.notify(Level::Error, e.to_string());
                Err(e.to_string())
            }
        };
        self.set_outcome(outcome);
    }

    /// The command-line export: waits for the view to be drawn and settled, exports, closes.
    pub fn drive_on_start(
        &mut self,
        ctx: &egui::Context,
        window: &mut OnScreen<'_>,
        commands: &mut CommandQueue,
    ) {
        let Some(job) = &mut self.on_start else { return };
        job.frames += 1;
        ctx.request_repaint();
        let (kind, frames, requested, path) = (job.kind, job.frames, job.requested, job.path.clone());
        let request = !requested
            && match kind {
                ExportKind::Chart => frames >= 3 && window.chart.is_some(),
                ExportKind::Visit => frames >= 3 && window.visit.is_some(),
                // The bars may be computed in the background: wait for them (stuck after 600 frames).
                ExportKind::Composition => frames >= 3 && window.composition.is_some(),
                ExportKind::Gauge(i) => self.gauge_on_start(i, frames, window, commands),
            };
        if matches!(kind, ExportKind::Visit | ExportKind::Composition) {
            *window.tab = kind.tab();
        }
        if request {
            if let Some(job) = &mut self.on_start {
                job.requested = true;
            }
            commands.push(match kind {
                ExportKind::Chart => Command::ExportChart(path),
                ExportKind::Visit => Command::ExportVisitPng(path),
                ExportKind::Composition => Command::ExportCompositionPng(path),
                ExportKind::Gauge(i) => Command::ExportGauge(i, path),
            });
        }
        let done = self.outcome.lock().is_ok_and(|o| o.is_some());
        let stuck = frames > 600;
        if self.on_start.is_some() && (done || stuck) {
            if stuck && let Ok(mut slot) = self.outcome.lock() {
                slot.get_or_insert(Err(tr(self.lang, "notice-no-screenshot")));
            }
            self.on_start = None;
            commands.push(Command::Quit);
        }
    }

    /// The gauge export of the command line: switch to the Targets tab, scroll the card into
    /// view, and say when it is on screen (true: request the screenshot).
    fn gauge_on_start(
        &mut self,
        i: usize,
        frames: u32,
        window: &mut OnScreen<'_>,
        commands: &mut CommandQueue,
    ) -> bool {
        if *window.tab != Tab::Targets {
            let n = window.targets;
            if i >= n {
                self.on_start = None;
                let text = tr!(self.lang, "notice-no-target", target = (i + 1).to_string(), count = n);
                self.set_outcome(Err(text));
                commands.push(Command::Quit);
                return false;
            }
            commands.push(Command::ShowTab(Tab::Targets));
            if let Some(job) = &mut self.on_start {
                job.frames = 0;
            }
            return false;
        }
        if frames < 3 {
            return false;
        }
        if window.gauges.card_rect(i).is_some() {
            return true;
        }
        if frames == 3 {
            window.gauges.scroll_to(i);
        }
        false
    }
}

/// What the command-line export needs to know of the window, and may change in it.
pub(super) struct OnScreen<'a> {
    /// The tab shown.
    pub tab: &'a mut Tab,
    /// Where the chart was drawn last frame.
    pub chart: Option<egui::Rect>,
    /// Where the itinerary was drawn last frame.
    pub visit: Option<egui::Rect>,
    /// Where the Composition tab's bars were drawn last frame (once computed).
    pub composition: Option<egui::Rect>,
    /// The gauges panel (its cards' rects; scrolled to the card to export).
    pub gauges: &'a mut GaugesPanel,
    /// How many targets the workspace has.
    pub targets: usize,
}

/// The chart's table as CSV, with a last column `incomplete_rows`: the rows of each period
/// that could not be read or were in conflict (0 when its figures are complete). The column is
/// added to the model's CSV here, row by row, so that the table's own export stays as it is.
/// When the data is sample data (`sample`), a column `data` says `SAMPLE (illustrative)` on
/// every row, so that no copied row can pass for statistics.
pub fn table_csv(
    table: &ViewTable,
    incomplete: &PeriodCounts,
    sample: bool,
    lang: crate::i18n::Lang,
) -> Result<Vec<u8>, csv::Error> {
    let plain = table.to_csv_in(lang)?;
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(plain.as_slice());
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows = table.rows.iter();
    for (i, record) in r.records().enumerate() {
        let mut record = record?;
        if i == 0 {
            record.push_field("incomplete_rows");
            if sample {
                record.push_field("data");
            }
        } else {
            let missing = rows.next().map_or(0, |row| match row.key {
                RowKey::Month(m) => incomplete.month(m),
                RowKey::Year(y) => incomplete.year(y),
            });
            record.push_field(&missing.to_string());
            if sample {
                record.push_field("SAMPLE (illustrative)");
            }
        }
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the chart's table as CSV.
pub(super) fn write_table_csv(
    path: &Path,
    table: &ViewTable,
    incomplete: &PeriodCounts,
    sample: bool,
    notices: &mut Notices,
) {
    let written = table_csv(table, incomplete, sample, notices.lang)
        .map_err(|e| e.to_string())
        .and_then(|bytes| atomic::write_atomic(path, &bytes).map_err(|e| e.message(notices.lang)));
    match written {
        Ok(()) => {
            let text = tr!(
                notices.lang,
                "notice-table-exported",
                path = path.display().to_string(),
                rows = table.rows.len(),
                columns = table.columns.len() + 3 + usize::from(sample),
            );
            notices.notify(Level::Info, text);
        }
        Err(e) => {
            notices.notify(Level::Error, tr!(notices.lang, "notice-nothing-written", error = e));
        }
    }
}

/// Writes the Composition tab's breakdown as CSV (`None`: nothing computed yet).
pub(super) fn write_composition_csv(
    path: &Path,
    breakdown: Option<&crate::model::breakdown::Breakdown>,
    notices: &mut Notices,
) {
    let Some(b) = breakdown else {
        notices.notify(Level::Error, tr(notices.lang, "composition-export-not-ready"));
        return;
    };
    let written = b
        .csv()
        .map_err(|e| e.to_string())
        .and_then(|bytes| atomic::write_atomic(path, &bytes).map_err(|e| e.message(notices.lang)));
    match written {
        Ok(()) => {
            let text = tr!(
                notices.lang,
                "composition-exported",
                path = path.display().to_string(),
                count = b.items.len()
            );
            notices.notify(Level::Info, text);
        }
        Err(e) => {
            let text = tr!(notices.lang, "notice-nothing-written", error = e);
            notices.notify(Level::Error, text);
        }
    }
}

/// Writes `visit` as an iCalendar file; a bare file name goes next to the workspace file
/// `workspace_path` when there is one.
pub(super) fn write_ics(
    path: &Path,
    visit: Option<&Visit>,
    workspace_path: Option<&Path>,
    notices: &mut Notices,
) {
    let Some(v) = visit else {
        notices.notify(Level::Error, tr(notices.lang, "notice-no-such-visit"));
        return;
    };
    if path.as_os_str().is_empty() {
        notices.notify(Level::Error, tr(notices.lang, "notice-ics-no-name"));
        return;
    }
    let events = v.stops.len();
    let path = match (workspace_path, path.is_relative()) {
        (Some(ws), true) => ws.parent().map_or_else(|| path.to_owned(), |dir| dir.join(path)),
        _ => path.to_owned(),
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    match ics::write_ics_in(notices.lang, &path, std::slice::from_ref(v)) {
        Ok(()) => {
            let text =
                tr!(notices.lang, "notice-ics-saved", path = path.display().to_string(), events = events);
            notices.notify(Level::Info, text);
        }
        Err(e) => {
            notices.notify(Level::Error, tr!(notices.lang, "notice-write-failed", error = e.to_string()));
        }
    }
}

/// Writes the briefing PDF of the workspace and its data. On the UI thread: a briefing of the
/// example takes well under 100 ms; a large dataset adds one aggregation per target and per
/// stop's products.
pub(super) fn write_brief(
    path: &Path,
    workspace: &crate::model::workspace::Workspace,
    data: &crate::model::dataset::Dataset,
    opts: &crate::io::brief::BriefOptions,
    notices: &mut Notices,
) {
    match crate::io::brief::write_brief(workspace, data, opts, path) {
        Ok(r) => {
            let text = tr!(
                notices.lang,
                "notice-brief-exported",
                path = path.display().to_string(),
                pages = r.pages
            );
            notices.notify(Level::Info, text);
        }
        Err(e) => {
            notices.notify(Level::Error, tr!(notices.lang, "notice-nothing-written", error = e.to_string()));
        }
    }
}
