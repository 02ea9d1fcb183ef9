//! Import windows: the column-mapping step for files whose header tradedash does not know,
//! and the import report (every skipped row with line, column and reason; what was set aside;
//! the totals of what was kept).

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::memo::Memo;
use super::theme;
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::io::import::{
    ColumnMapping, Field, Format, ImportReport, MappingPreview, PreviewRow, Reason, Source, TablePreview,
    preview_mapping,
};
use crate::model::format;

/// Panel-local state of the import windows.
#[derive(Debug, Default)]
pub struct ImportPanel {
    request: Option<MappingRequest>,
}

/// A file waiting for its column mapping.
#[derive(Debug)]
struct MappingRequest {
    path: PathBuf,
    preview: TablePreview,
    problem: String,
    mapping: ColumnMapping,
    remember: bool,
    /// The preview computed for `mapping` (recomputed only when the mapping changes).
    result: Memo<ColumnMapping, Result<MappingPreview, Reason>>,
}

impl ImportPanel {
    /// Opens the mapping step for `path`, starting from the importer's guess.
    pub fn ask_mapping(&mut self, path: PathBuf, preview: TablePreview, problem: String) {
        let mapping = preview.draft.clone();
        self.request =
            Some(MappingRequest { path, preview, problem, mapping, remember: true, result: Memo::default() });
    }

    /// Whether the mapping step is open.
    #[must_use]
    pub fn is_asking(&self) -> bool {
        self.request.is_some()
    }

    /// Closes the mapping step.
    pub fn close(&mut self) {
        self.request = None;
    }

    /// The mapping window, when a file is waiting for one.
    pub fn mapping_window_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut CommandQueue) {
        let Self { request } = self;
        let Some(req) = request else { return };
        let mut open = true;
        let mut done = false;
        egui::Window::new(tr(lang, "mapping-title"))
            .open(&mut open)
            .min_width(820.0)
            .default_width(820.0)
            .default_height(560.0)
            .show(ctx, |ui| done = mapping_ui(ui, lang, req, commands));
        if !open || done {
            *request = None;
        }
    }
}

fn field_label(lang: Lang, f: Field) -> String {
    tr(
        lang,
        match f {
            Field::Period => "mapping-field-period",
            Field::Flow => "mapping-field-flow",
            Field::Reporter => "mapping-field-reporter",
            Field::Partner => "mapping-field-partner",
            Field::Commodity => "mapping-field-commodity",
            Field::Value => "mapping-field-value",
            Field::Unit => "mapping-field-unit",
        },
    )
}

fn source_text(lang: Lang, s: &Source) -> String {
    match s {
        Source::None => "—".into(),
        Source::Column(c) => tr!(lang, "mapping-column", column = c.as_str()),
        Source::Fixed(_) => tr(lang, "mapping-fixed"),
        Source::MonthColumns => tr(lang, "mapping-months"),
    }
}

/// A field still to choose (`ColumnMapping::missing` names them), in `lang`.
fn missing_field(lang: Lang, name: &str) -> String {
    match name {
        "period" => tr(lang, "mapping-col-period"),
        "value" => tr(lang, "mapping-col-value"),
        "flow" => tr(lang, "mapping-col-flow"),
        other => other.to_owned(),
    }
}

/// The name of a file format in `lang` ("UN Comtrade", "таблица с колонкой на каждый месяц").
#[must_use]
pub fn format_label(lang: Lang, format: Format) -> String {
    tr(
        lang,
        match format {
            Format::Long => "format-long",
            Format::Comtrade => "format-comtrade",
            Format::ComtradeLegacy => "format-comtrade-legacy",
            Format::Wide => "format-wide",
            Format::Mapped => "format-mapped",
        },
    )
}

/// One row per field: where it comes from, and the value when it is the same for all rows.
fn fields_ui(ui: &mut Ui, lang: Lang, req: &mut MappingRequest) {
    egui::Grid::new("mapping-fields").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
        for field in Field::ALL {
            let label = ui.label(field_label(lang, field)).id;
            let current = req.mapping.get(field).clone();
            let mut chosen = None;
            egui::ComboBox::from_id_salt(("map", field.name()))
                .selected_text(source_text(lang, &current))
                .width(260.0)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), "—").clicked() {
                        chosen = Some(Source::None);
                    }
                    if field == Field::Period
                        && ui
                            .selectable_label(current == Source::MonthColumns, tr(lang, "mapping-months"))
                            .clicked()
                    {
                        chosen = Some(Source::MonthColumns);
                    }
                    for c in &req.preview.columns {
                        if c.is_empty() {
                            continue;
                        }
                        let is = current.column() == Some(c.as_str());
                        if ui.selectable_label(is, tr!(lang, "mapping-column", column = c.as_str())).clicked()
                        {
                            chosen = Some(Source::Column(c.clone()));
                        }
                    }
                    if field.allows_fixed()
                        && ui
                            .selectable_label(matches!(current, Source::Fixed(_)), tr(lang, "mapping-fixed"))
                            .clicked()
                    {
                        chosen = Some(Source::Fixed(String::new()));
                    }
                })
                .response
                .labelled_by(label);
            if let Some(c) = chosen {
                *req.mapping.get_mut(field) = c;
            }
            if let Source::Fixed(text) = req.mapping.get_mut(field) {
                let hint = tr(
                    lang,
                    match field {
                        Field::Flow => "mapping-flow-hint",
                        Field::Unit => "mapping-unit-hint",
                        _ => "mapping-name-hint",
                    },
                );
                let l = ui.label(tr!(lang, "mapping-value-of", field = field_label(lang, field))).id;
                ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(180.0)).labelled_by(l);
            } else {
                ui.label("");
                ui.label("");
            }
            ui.end_row();
        }
    });
}

/// Returns true when the window is finished with (import started or cancelled).
fn mapping_ui(ui: &mut Ui, lang: Lang, req: &mut MappingRequest, commands: &mut CommandQueue) -> bool {
    let name = req
        .path
        .file_name()
        .map_or_else(|| req.path.display().to_string(), |n| n.to_string_lossy().into_owned());
    ui.label(RichText::new(&name).strong());
    ui.label(RichText::new(&req.problem).color(theme::warning(ui.visuals())));
    ui.label(tr!(
        lang,
        "mapping-header-line",
        line = req.preview.header_line.to_string(),
        sheet = req.preview.sheet.clone().unwrap_or_else(|| "none".to_owned())
    ));
    for t in &req.preview.titles {
        ui.label(
            RichText::new(tr!(lang, "mapping-title-row", title = t.as_str()))
                .small()
                .color(theme::weak(ui.visuals())),
        );
    }
    let commands_before = commands.len();
    sheet_ui(ui, lang, &req.path, &req.preview.sheets, req.preview.sheet.as_deref(), commands);
    if commands.len() > commands_before {
        // Another sheet is read instead; the mapping step opens again if it needs one.
        return true;
    }
    ui.separator();
    fields_ui(ui, lang, req);
    ui.checkbox(&mut req.remember, tr(lang, "mapping-remember"));
    ui.separator();

    let (preview, mapping) = (&req.preview, &req.mapping);
    req.result.get(req.mapping.clone(), || preview_mapping(preview, mapping));
    let missing = req.mapping.missing();
    let mut ready = missing.is_empty();
    ui.label(RichText::new(tr(lang, "mapping-preview")).strong());
    match req.result.value() {
        _ if !missing.is_empty() => {
            let fields: Vec<String> = missing.iter().map(|name| missing_field(lang, name)).collect();
            ui.label(tr!(lang, "mapping-still-to-choose", fields = fields.join(", ")));
        }
        Some(Err(e)) => {
            ready = false;
            ui.label(RichText::new(e.text(lang)).color(theme::error(ui.visuals())));
        }
        Some(Ok(p)) => {
            preview_table_ui(ui, lang, &p.rows);
            for n in &p.notes {
                ui.label(RichText::new(format!("• {}", n.text(lang))).color(theme::weak(ui.visuals())));
            }
        }
        None => {}
    }
    ui.separator();
    let mut finished = false;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new(tr(lang, "mapping-import"))).clicked() {
            commands.push(Command::ImportWithMapping {
                path: req.path.clone(),
                mapping: Box::new(req.mapping.clone()),
                header: req.preview.columns.clone(),
                remember: req.remember,
                sheet: req.preview.sheet.clone(),
            });
            finished = true;
        }
        if ui.button(tr(lang, "mapping-cancel")).clicked() {
            finished = true;
        }
    });
    finished
}

fn preview_table_ui(ui: &mut Ui, lang: Lang, rows: &[PreviewRow]) {
    egui::ScrollArea::both().max_height(240.0).id_salt("mapping-preview").show(ui, |ui| {
        egui::Grid::new("mapping-preview-grid").striped(true).num_columns(7).show(ui, |ui| {
            for h in [
                "mapping-col-line",
                "mapping-col-period",
                "mapping-col-flow",
                "mapping-col-reporter",
                "mapping-col-partner",
                "mapping-col-commodity",
                "mapping-col-value",
            ] {
                ui.label(RichText::new(tr(lang, h)).strong());
            }
            ui.end_row();
            for row in rows {
                match &row.outcome {
                    Ok(records) if records.is_empty() => {
                        ui.label(row.line.to_string());
                        ui.label(
                            RichText::new(tr(lang, "mapping-no-values")).color(theme::weak(ui.visuals())),
                        );
                        ui.end_row();
                    }
                    Ok(records) => {
                        for r in records.iter().take(3) {
                            ui.label(row.line.to_string());
                            ui.label(r.period.to_string());
                            ui.label(r.flow.as_str());
                            ui.label(r.reporter.label());
                            ui.label(r.partner.label());
                            ui.label(if r.commodity.name.is_empty() {
                                r.commodity.code.clone()
                            } else {
                                format!("{} {}", r.commodity.code, r.commodity.name)
                            });
                            ui.label(format::usd_exact_in(lang, r.value_usd));
                            ui.end_row();
                        }
                        if records.len() > 3 {
                            ui.label("");
                            ui.label(tr!(lang, "mapping-more-values", count = records.len() - 3));
                            ui.end_row();
                        }
                    }
                    Err(_) => {}
                }
            }
        });
        // Reasons below the table, where their length does not widen a column.
        for row in rows {
            if let Err(problem) = &row.outcome {
                ui.label(RichText::new(problem.text(lang)).color(theme::warning(ui.visuals())));
            }
        }
    });
}

/// The sheet of a workbook with several: a combo box listing every sheet; choosing one reads
/// the file at `path` again from that sheet. Draws nothing for a text file or a single sheet.
pub fn sheet_ui(
    ui: &mut Ui,
    lang: Lang,
    path: &Path,
    sheets: &[String],
    current: Option<&str>,
    commands: &mut CommandQueue,
) {
    if sheets.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, "report-sheet")).id;
        egui::ComboBox::from_id_salt("import-sheet")
            .selected_text(current.unwrap_or("—"))
            .show_ui(ui, |ui| {
                for name in sheets {
                    if ui.selectable_label(current == Some(name.as_str()), name).clicked() {
                        commands.push(Command::ImportSheet { path: path.to_owned(), sheet: name.clone() });
                    }
                }
            })
            .response
            .labelled_by(label);
        ui.label(
            RichText::new(tr!(lang, "report-sheets-hint", count = sheets.len()))
                .color(theme::weak(ui.visuals())),
        );
    });
}

/// The import report: the file, how it was read, what was set aside, every skipped row with
/// its line, column and reason, and the yearly totals of what was kept. For a workbook of
/// several sheets, the sheet can be changed (the file at `path` is read again). The frame is
/// in `lang`; the reasons the reader wrote stay in English (see docs/i18n.md).
pub fn import_report_ui(
    ui: &mut Ui,
    lang: Lang,
    r: &ImportReport,
    path: Option<&Path>,
    commands: &mut CommandQueue,
) {
    ui.label(RichText::new(&r.file).strong());
    if let Some(path) = path {
        sheet_ui(ui, lang, path, &r.sheets, r.sheet.as_deref(), commands);
    }
    ui.label(tr!(
        lang,
        "report-read-as",
        format = format_label(lang, r.format),
        source = r.source.text(lang),
        delimiter = r.delimiter.map_or_else(|| "none".to_owned(), |d| delimiter_name(lang, d)),
        line = r.header_line.to_string()
    ));
    ui.label(tr!(
        lang,
        "report-counts",
        read = r.rows_read,
        used = r.rows_used,
        skipped = r.rows_skipped,
        aside = r.rows_set_aside()
    ));
    for n in &r.notes {
        ui.label(RichText::new(format!("• {}", n.text(lang))).color(theme::weak(ui.visuals())));
    }
    if !r.kept.is_empty() {
        ui.separator();
        kept_ui(ui, lang, r);
    }
    if !r.set_aside.is_empty() {
        ui.separator();
        ui.label(RichText::new(tr(lang, "report-set-aside-heading")).strong());
        for s in &r.set_aside {
            ui.label(tr!(
                lang,
                "report-set-aside-row",
                count = s.rows,
                line = s.first_line.to_string(),
                reason = s.reason.text(lang)
            ));
        }
    }
    if !r.skipped.is_empty() {
        ui.separator();
        ui.label(RichText::new(tr(lang, "report-skipped-heading")).strong());
        egui::ScrollArea::vertical().max_height(300.0).id_salt("import-skipped").show(ui, |ui| {
            for s in &r.skipped {
                ui.label(s.text(lang));
            }
            if r.rows_skipped > r.skipped.len() as u64 {
                ui.label(tr!(lang, "report-and-more", count = r.rows_skipped - r.skipped.len() as u64));
            }
        });
    }
}

/// The yearly totals of what was kept.
fn kept_ui(ui: &mut Ui, lang: Lang, r: &ImportReport) {
    ui.label(RichText::new(tr(lang, "report-kept-heading")).strong());
    egui::Grid::new("import-kept").striped(true).num_columns(5).show(ui, |ui| {
        for h in [
            "report-col-year",
            "report-col-exports",
            "report-col-imports",
            "report-col-turnover",
            "report-col-months",
        ] {
            ui.label(RichText::new(tr(lang, h)).strong());
        }
        ui.end_row();
        let usd = |v: f64| format::usd_exact_in(lang, v);
        for y in &r.kept {
            ui.label(y.year.to_string());
            ui.label(y.exports.map_or_else(|| "—".into(), usd));
            ui.label(y.imports.map_or_else(|| "—".into(), usd));
            ui.label(y.turnover.map_or_else(|| tr(lang, "report-not-in-file"), usd));
            ui.label(y.months.to_string());
            ui.end_row();
        }
    });
}

fn delimiter_name(lang: Lang, d: char) -> String {
    match d {
        '\t' => tr(lang, "delimiter-tab"),
        ';' => tr(lang, "delimiter-semicolon"),
        ',' => tr(lang, "delimiter-comma"),
        c => format!("{c:?}"),
    }
}
