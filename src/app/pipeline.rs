//! The command pipeline: the one place where commands change state. [`TradeDashApp::drain`]
//! takes the queued commands in push order; for each it asks the unsaved-changes guard,
//! dispatches, and commits to the document (undo step, revisions, unsaved mark). Follow-ups go
//! to the back of the queue; nothing here applies a command inside another.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::dialogs::{PathPurpose, answered_at_once};
use super::document::Recording;
use super::exports::{self, ExportKind};
use super::jobs::what_is;
use super::status::Level;
use super::{TradeDashApp, file_stem_for};
use crate::command::{Command, CommandQueue, Guard, GuardChoice, LoadOutcome, Queued};
use crate::i18n::{Lang, tr};
use crate::io::import::{ImportError, ImportOptions, SavedMapping, header_key};
use crate::io::input::{OpenError, Opened};
use crate::io::workspace_file;
use crate::model::workspace::Workspace;
use crate::ui::Tab;

impl TradeDashApp {
    /// Applies every queued command, follow-ups included, in push order. Returns whether any
    /// was applied.
    pub(super) fn drain(&mut self, ctx: &egui::Context) -> bool {
        self.doc.end_typing_unless(crate::ui::typing_field(ctx));
        let mut queue = std::mem::take(&mut self.queue);
        let applied = queue.drain(|queued, queue| self.step(ctx, queued, queue));
        // Anything pushed to `self.queue` meanwhile (nothing should be) waits for the next drain.
        while let Some(q) = self.queue.pop() {
            queue.push_queued(q);
        }
        self.queue = queue;
        applied > 0
    }

    /// One command: the guard, the dispatch, the commit.
    fn step(&mut self, ctx: &egui::Context, queued: Queued, queue: &mut CommandQueue) {
        let Queued { command, typing, guard } = queued;
        let dirty = self.doc.is_dirty();
        match guard {
            Guard::Ask if dirty && command.needs_guard() => {
                self.guard = Some(command);
                return;
            }
            // "Save" was chosen but the save did not happen (cancelled, failed): stay.
            Guard::IfSaved if dirty => return,
            _ => {}
        }
        let before = self.doc.snapshot();
        let prompt_before = self.path_prompt.is_some();
        let mut follow_ups = CommandQueue::default();
        let recording = match command {
            Command::Undo => {
                self.doc.undo();
                Recording::Skip
            }
            Command::Redo => {
                self.doc.redo();
                Recording::Skip
            }
            Command::ResolveGuard(choice) => {
                self.resolve_guard(choice, &mut follow_ups);
                Recording::Record
            }
            other => self.run(ctx, other, &mut follow_ups),
        };
        self.doc.workspace.share_groups();
        self.doc.commit(before, typing, recording);
        self.safety.follow_dirty(self.doc.is_dirty());
        // No file dialog answered, so a path is typed instead: what it becomes was let through
        // ("Don't save") like a dialog's answer would be.
        if guard == Guard::Passed
            && !prompt_before
            && let Some(prompt) = self.path_prompt.as_mut()
        {
            prompt.2 = Guard::Passed;
        }
        // Follow-ups of a command the user let through ("Don't save") are let through too: the
        // file picked in the open dialog opens without asking again.
        while let Some(mut f) = follow_ups.pop() {
            if guard == Guard::Passed && f.guard == Guard::Ask {
                f.guard = Guard::Passed;
            }
            queue.push_queued(f);
        }
    }

    /// The answer to the unsaved-changes dialog: the command it held back goes on (to the back
    /// of the queue) or is dropped.
    fn resolve_guard(&mut self, choice: GuardChoice, queue: &mut CommandQueue) {
        let Some(pending) = self.guard.take() else { return };
        let guard = match choice {
            GuardChoice::Cancel => return,
            GuardChoice::DontSave => Guard::Passed,
            GuardChoice::Save => {
                self.save();
                Guard::IfSaved
            }
        };
        queue.push_queued(Queued { command: pending, typing: None, guard });
    }

    /// Carries out a command (the guard has been passed).
    fn run(&mut self, ctx: &egui::Context, command: Command, queue: &mut CommandQueue) -> Recording {
        match command {
            Command::OpenDataDialog
            | Command::OpenWorkspaceDialog
            | Command::SaveWorkspaceAsDialog
            | Command::ExportChartDialog
            | Command::ExportGaugeDialog(_)
            | Command::ExportTableCsvDialog
            | Command::ExportIcsDialog
            | Command::ExportBriefDialog
            | Command::ExportVisitPngDialog
            | Command::ExportCompositionPngDialog
            | Command::ExportCompositionCsvDialog => self.ask_path(&command, queue),
            Command::Open(path) => self.start_open(ctx, path, ImportOptions::default()),
            Command::CancelLoad => {
                self.loads.cancel_all();
                self.connection.cancel_all();
            }
            Command::CancelServerQuery => {
                self.cancel_server_query();
                return Recording::Skip;
            }
            Command::ConnectDialog => {
                self.show_connect_form();
                return Recording::Skip;
            }
            Command::Connect(address, password) => {
                self.start_connect(ctx, address, password);
                return Recording::Skip;
            }
            Command::ConnectFinished(outcome) => {
                let changed = self.connect_finished(&outcome);
                return if changed { Recording::Record } else { Recording::Skip };
            }
            Command::ImportWithMapping { path, mapping, header, remember, sheet } => {
                if remember {
                    let key = header_key(header.iter().map(String::as_str));
                    let saved = &mut self.doc.workspace.import_mappings;
                    saved.retain(|m| m.header != key);
                    saved.push(SavedMapping { header: key, mapping: (*mapping).clone() });
                }
                let options = ImportOptions { mapping: Some(*mapping), remembered: Vec::new(), sheet };
                self.start_open(ctx, path, options);
            }
            Command::ImportSheet { path, sheet } => {
                self.start_open(ctx, path, ImportOptions { sheet: Some(sheet), ..ImportOptions::default() });
            }
            Command::SaveWorkspace => self.save(),
            Command::SaveWorkspaceAs(p) => self.save_workspace(&p),
            Command::ExportChart(path) => self.export_png(ctx, path, ExportKind::Chart),
            Command::ExportGauge(index, path) => self.export_png(ctx, path, ExportKind::Gauge(index)),
            Command::ExportTableCsv(path) => self.export_table_csv(&path),
            Command::ExportIcs(path) => {
                let visit = self.doc.workspace.visits.get(self.panels.itinerary.visit_index());
                exports::write_ics(&path, visit, self.doc.path.as_deref(), &mut self.notices);
            }
            Command::ExportVisitPng(path) => self.export_png(ctx, path, ExportKind::Visit),
            Command::ExportCompositionPng(path) => self.export_png(ctx, path, ExportKind::Composition),
            Command::ExportCompositionCsv(path) => {
                exports::write_composition_csv(
                    &path,
                    self.panels.composition.shown().as_deref(),
                    &mut self.notices,
                );
            }
            Command::ExportBrief(path) => {
                // The briefing is written in the window's language.
                let opts = crate::io::brief::BriefOptions {
                    lang: self.lang,
                    visit: (!self.doc.workspace.visits.is_empty())
                        .then(|| self.panels.itinerary.visit_index()),
                    rows_skipped: self.import.report.as_ref().map_or(0, |r| r.rows_skipped),
                    ..crate::io::brief::BriefOptions::today()
                };
                exports::write_brief(
                    &path,
                    &self.doc.workspace,
                    self.doc.dataset(),
                    &opts,
                    &mut self.notices,
                );
            }
            Command::LoadFinished(outcome) => return self.load_finished(ctx, &outcome),
            Command::ResolveNewContext(choice) => self.resolve_context(choice),
            Command::SetLanguage(lang) => {
                self.lang = lang;
                self.notices.lang = lang;
                self.exports.lang = lang;
                self.dialogs.set_lang(lang);
                return Recording::Skip;
            }
            Command::Recover(path) => {
                if let Some(file) = self.safety.recover(&path, &mut self.notices) {
                    self.doc.set_workspace(file.workspace, file.origin);
                    self.doc.mark_recovered();
                }
                return Recording::Skip;
            }
            other => self.edit(ctx, other),
        }
        Recording::Record
    }

    /// Writes the chart's table as CSV: exactly the current selection's numbers, even while
    /// the shown ones are being updated.
    fn export_table_csv(&mut self, path: &std::path::Path) {
        let data = self.doc.revisions().data;
        self.cache.refresh(self.doc.dataset(), data, &self.doc.workspace.selection);
        let incomplete = self.incomplete_counts();
        let sample = self.doc.workspace.data.sample;
        exports::write_table_csv(path, &self.chart_table(), &incomplete, sample, &mut self.notices);
    }

    /// Commands that change the workspace or the window directly.
    fn edit(&mut self, ctx: &egui::Context, command: Command) {
        if let Command::ShowSampleSplit(shown) = command {
            self.show_sample_split(shown);
            return;
        }
        let ws = &mut self.doc.workspace;
        match command {
            Command::SetSelection(sel) => ws.selection = sel,
            Command::SetChart(settings) => ws.chart = settings,
            Command::SetTargets(targets) => ws.targets = targets,
            Command::SetVisits(visits) => ws.visits = visits,
            Command::SetReported(figures) => ws.reported = figures,
            Command::SetGroups(groups) => ws.set_groups(groups),
            Command::SetAnnotations(annotations) => ws.annotations = annotations,
            Command::ShowTab(tab) => self.tab = tab,
            Command::ShowComposition(codes) => {
                self.panels.composition.show_products(codes);
                self.tab = Tab::Composition;
            }
            Command::ShowImportReport => self.import.show = true,
            Command::OpenDefault => {
                self.doc.set_workspace(workspace_file::default_workspace(), None);
                self.doc.new_document();
                self.notices.notify(Level::Info, tr(self.lang, "notice-example-opened"));
            }
            Command::NewWorkspace => {
                self.doc.set_workspace(Workspace::default(), None);
                self.import.report = None;
                self.import.path = None;
                self.doc.new_document();
            }
            Command::Quit => {
                self.safety.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::DiscardAutosave(path) => self.safety.discard(&path, &mut self.notices),
            other => {
                // Every other command is dispatched by `run`; reaching here is a wiring mistake,
                // said where it can be seen rather than ignored.
                self.notices.notify(Level::Error, format!("Internal: {other:?} was not dispatched"));
            }
        }
    }

    /// Adds the built-in example's illustrative monthly split to the data shown, or removes it;
    /// the data is labelled sample while it is shown. One undo step (the data and the flag).
    fn show_sample_split(&mut self, shown: bool) {
        let data = &mut self.doc.workspace.data;
        let Some(split) = data.sample_split.as_mut() else { return };
        if split.shown == shown {
            return;
        }
        split.shown = shown;
        data.sample = shown;
        let rows = crate::io::example::with_sample_split(self.doc.dataset(), shown);
        self.doc.set_dataset(Arc::new(rows));
    }

    /// Asks for a screenshot to crop to the chart, the itinerary, or the card of a target.
    fn export_png(&mut self, ctx: &egui::Context, path: PathBuf, kind: ExportKind) {
        let rect = match kind {
            ExportKind::Chart => self.panels.chart.export_rect,
            ExportKind::Visit => self.panels.itinerary.export_rect,
            ExportKind::Composition => self.panels.composition.export_rect,
            ExportKind::Gauge(i) => self.panels.gauges.card_rect(i),
        };
        // Rects of panels other than the chart are only current while their tab is on screen.
        let stale = kind != ExportKind::Chart && self.tab != kind.tab();
        self.tab = kind.tab();
        self.exports.request(ctx, path, kind, rect.filter(|_| !stale), &mut self.notices);
    }

    /// The file dialog of a `…Dialog` command; its answer is pushed as the command it asks for.
    fn ask_path(&mut self, command: &Command, queue: &mut CommandQueue) {
        let title = &self.doc.workspace.title;
        let started = Instant::now();
        let (answer, purpose): (Option<Command>, Option<PathPurpose>) = match command {
            Command::OpenDataDialog => (self.dialogs.pick_data().map(Command::Open), Some(PathPurpose::Open)),
            Command::OpenWorkspaceDialog => {
                (self.dialogs.pick_workspace().map(Command::Open), Some(PathPurpose::Open))
            }
            Command::SaveWorkspaceAsDialog => {
                self.save_as_dialog();
                return;
            }
            Command::ExportChartDialog => {
                let name = format!("{}-chart.png", file_stem_for(title));
                (self.dialogs.save_png(&name).map(Command::ExportChart), Some(PathPurpose::ExportChart))
            }
            &Command::ExportGaugeDialog(index) => {
                let Some(target) = self.doc.workspace.targets.get(index) else { return };
                let name = format!("{}-gauge.png", file_stem_for(&target.name));
                let answer = self.dialogs.save_png(&name).map(|p| Command::ExportGauge(index, p));
                (answer, Some(PathPurpose::ExportGauge(index)))
            }
            Command::ExportTableCsvDialog => {
                let view = self.doc.workspace.chart.view.cli_name();
                let name = format!("{}-{view}.csv", file_stem_for(title));
                (self.dialogs.save_csv(&name).map(Command::ExportTableCsv), None)
            }
            Command::ExportIcsDialog => {
                let Some(v) = self.doc.workspace.visits.get(self.panels.itinerary.visit_index()) else {
                    self.notices.notify(Level::Error, tr(self.lang, "notice-no-visit"));
                    return;
                };
                let name = format!("{}.ics", file_stem_for(&v.title));
                let answer = self.dialogs.save_ics(&name).map(Command::ExportIcs);
                if answer.is_none() && answered_at_once(started) {
                    self.tab = Tab::Visit;
                    self.notices.notify(Level::Warning, tr(self.lang, "path-no-dialog-ics"));
                }
                (answer, None)
            }
            Command::ExportBriefDialog => {
                let name = format!("{}-briefing.pdf", file_stem_for(title));
                (self.dialogs.save_pdf(&name).map(Command::ExportBrief), Some(PathPurpose::ExportBrief))
            }
            Command::ExportVisitPngDialog => {
                let name = format!("{}-itinerary.png", file_stem_for(title));
                let answer = self.dialogs.save_png(&name).map(Command::ExportVisitPng);
                if answer.is_none() && answered_at_once(started) {
                    self.notices.notify(Level::Warning, tr(self.lang, "path-no-dialog-visit-png"));
                }
                (answer, None)
            }
            Command::ExportCompositionCsvDialog => {
                let name = format!("{}-composition.csv", file_stem_for(title));
                (self.dialogs.save_csv(&name).map(Command::ExportCompositionCsv), None)
            }
            Command::ExportCompositionPngDialog => {
                let name = format!("{}-composition.png", file_stem_for(title));
                (self.dialogs.save_png(&name).map(Command::ExportCompositionPng), None)
            }
            _ => return,
        };
        match (answer, purpose) {
            (Some(c), _) => queue.push(c),
            (None, Some(purpose)) => self.dialog_gave_nothing(started, purpose),
            (None, None) => {}
        }
    }

    fn dialog_gave_nothing(&mut self, started: Instant, purpose: PathPurpose) {
        // Without a desktop portal rfd returns at once, just like Cancel; say what else works.
        if answered_at_once(started) {
            self.path_prompt = Some((purpose, String::new(), Guard::Ask));
            self.notices.notify(Level::Warning, purpose.no_dialog_text(self.lang));
        }
    }

    /// Saves to the workspace's file, or asks where when it has none.
    fn save(&mut self) {
        match self.doc.path.clone() {
            Some(p) => self.save_workspace(&p),
            None => self.save_as_dialog(),
        }
    }

    /// Asks where to save, and saves there. The save happens here, not as a follow-up: the
    /// unsaved-changes guard's "Save" must know whether it happened before it goes on.
    fn save_as_dialog(&mut self) {
        // `.tradedash.ron`: the MIME type the desktop entry claims (assets/packaging).
        let name = format!("{}.tradedash.ron", file_stem_for(&self.doc.workspace.title));
        let started = Instant::now();
        match self.dialogs.save_workspace(&name) {
            Some(p) => self.save_workspace(&p),
            None => self.dialog_gave_nothing(started, PathPurpose::SaveWorkspace),
        }
    }

    fn save_workspace(&mut self, path: &std::path::Path) {
        match workspace_file::save(path, &self.doc.workspace_with_data()) {
            Ok(()) => {
                self.doc.path = Some(path.to_owned());
                self.doc.mark_saved();
                self.safety.remember_recent(path);
                let text = tr!(self.lang, "notice-workspace-saved", path = path.display().to_string());
                self.notices.notify(Level::Info, text);
            }
            Err(e) => {
                let text = tr!(self.lang, "notice-write-failed", error = e.message(self.lang));
                self.notices.notify(Level::Error, text);
            }
        }
    }

    /// Starts a background load, with the column mappings the workspace remembers.
    pub(super) fn start_open(&mut self, ctx: &egui::Context, path: PathBuf, mut options: ImportOptions) {
        options.remembered.extend(self.doc.workspace.import_mappings.iter().cloned());
        self.loads.start(ctx, path, options, &mut self.notices);
    }

    /// A load ended: show what it read, ask for a column mapping, or say why it failed.
    fn load_finished(&mut self, ctx: &egui::Context, outcome: &LoadOutcome) -> Recording {
        let Some(result) = self.loads.finish(outcome, &mut self.notices) else { return Recording::Skip };
        let path = outcome.path.clone();
        match result {
            Ok(Opened::Data(imported)) => {
                let ask = self.startup_file.take_if(|p| *p == path).is_none();
                self.data_read(path, imported, ask);
                return Recording::Record;
            }
            Ok(Opened::Workspace { workspace, data, warning }) => {
                self.doc.set_workspace(workspace, Some(path.clone()));
                if let Some(imported) = data {
                    self.import.path = Some(PathBuf::from(&imported.report.file));
                    self.import.report = Some(imported.report);
                    let dataset = Arc::new(imported.dataset);
                    self.import.data = Arc::downgrade(&dataset);
                    self.doc.set_dataset(dataset);
                }
                self.doc.new_document();
                // A workspace over a ClickHouse table shows its saved sums and asks the server again.
                self.reconnect(ctx);
                self.safety.remember_recent(&path);
                match warning {
                    Some(w) => self.notices.notify(Level::Warning, w),
                    None => {
                        let text =
                            tr!(self.lang, "notice-workspace-opened", path = path.display().to_string());
                        self.notices.notify(Level::Info, text);
                    }
                }
            }
            Err(OpenError::Data(e)) if e.preview().is_some() && self.exports.on_start.is_none() => {
                // Not an error yet: ask which column holds what.
                if let Some(preview) = e.preview() {
                    self.import_panel.ask_mapping(path.clone(), preview.clone(), e.message(self.lang));
                }
                let text = tr!(self.lang, "notice-needs-mapping", path = path.display().to_string());
                self.notices.notify(Level::Warning, text);
            }
            Err(e) => {
                if let OpenError::Data(ImportError::NoUsableRows { report, .. }) = &e {
                    self.import.report = Some((**report).clone());
                    self.import.path = Some(path.clone());
                }
                let what = what_is(&path);
                let text = tr!(self.lang, "notice-open-failed", error = e.message(self.lang), what = what);
                self.notices.notify(Level::Error, text);
                self.exports.fail_on_start(&e.to_string());
            }
        }
        Recording::Skip
    }
}

/// The status line of a finished import in `lang`: "f.csv: 1,234 rows used, 3 skipped, 12 set
/// aside (UN Comtrade, CSV)" (`ImportReport::summary_line` is the English one of logs).
pub(super) fn summary_line(lang: Lang, report: &crate::io::import::ImportReport) -> String {
    tr!(
        lang,
        "report-summary",
        file = report.file.clone(),
        used = report.rows_used,
        skipped = report.rows_skipped,
        aside = report.rows_set_aside(),
        format = crate::ui::import::format_label(lang, report.format),
        source = report.source.text(lang),
    )
}
