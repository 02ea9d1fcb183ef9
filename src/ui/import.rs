//! Import windows: the column-mapping step for files whose header tradedash does not know,
//! and the import report (every skipped row with line, column and reason; what was set aside;
//! the totals of what was kept).

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::memo::Memo;
use super::theme;
use crate::command::{Command, CommandQueue};
use crate::io::import::{
    ColumnMapping, Field, ImportReport, MappingPreview, PreviewRow, Source, TablePreview, preview_mapping,
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
    result: Memo<ColumnMapping, Result<MappingPreview, String>>,
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
    pub fn mapping_window_ui(&mut self, ctx: &egui::Context, commands: &mut CommandQueue) {
        let Self { request } = self;
        let Some(req) = request else { return };
        let mut open = true;
        let mut done = false;
        egui::Window::new("Column mapping")
            .open(&mut open)
            .min_width(820.0)
            .default_width(820.0)
            .default_height(560.0)
            .show(ctx, |ui| done = mapping_ui(ui, req, commands));
        if !open || done {
            *request = None;
        }
    }
}

fn field_label(f: Field) -> &'static str {
    match f {
        Field::Period => "Period",
        Field::Flow => "Flow",
        Field::Reporter => "Reporter",
        Field::Partner => "Partner",
        Field::Commodity => "Commodity",
        Field::Value => "Value",
        Field::Unit => "Unit",
    }
}

fn source_text(s: &Source) -> String {
    match s {
        Source::None => "—".into(),
        Source::Column(c) => format!("column “{c}”"),
        Source::Fixed(_) => "same value for all rows".into(),
        Source::MonthColumns => "one column per month".into(),
    }
}

/// One row per field: where it comes from, and the value when it is the same for all rows.
fn fields_ui(ui: &mut Ui, req: &mut MappingRequest) {
    egui::Grid::new("mapping-fields").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
        for field in Field::ALL {
            let label = ui.label(field_label(field)).id;
            let current = req.mapping.get(field).clone();
            let mut chosen = None;
            egui::ComboBox::from_id_salt(("map", field.name()))
                .selected_text(source_text(&current))
                .width(260.0)
                .show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), "—").clicked() {
                        chosen = Some(Source::None);
                    }
                    if field == Field::Period
                        && ui
                            .selectable_label(current == Source::MonthColumns, "one column per month")
                            .clicked()
                    {
                        chosen = Some(Source::MonthColumns);
                    }
                    for c in &req.preview.columns {
                        if c.is_empty() {
                            continue;
                        }
                        let is = current.column() == Some(c.as_str());
                        if ui.selectable_label(is, format!("column “{c}”")).clicked() {
                            chosen = Some(Source::Column(c.clone()));
                        }
                    }
                    if field.allows_fixed()
                        && ui
                            .selectable_label(matches!(current, Source::Fixed(_)), "same value for all rows")
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
                let hint = match field {
                    Field::Flow => "export, import or turnover",
                    Field::Unit => "usd, thousand or million",
                    _ => "name",
                };
                let l = ui.label(format!("{} value", field_label(field))).id;
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
fn mapping_ui(ui: &mut Ui, req: &mut MappingRequest, commands: &mut CommandQueue) -> bool {
    let name = req
        .path
        .file_name()
        .map_or_else(|| req.path.display().to_string(), |n| n.to_string_lossy().into_owned());
    ui.label(RichText::new(&name).strong());
    ui.label(RichText::new(&req.problem).color(theme::warning(ui.visuals())));
    ui.label(format!(
        "Header on line {}{}. Choose where each field comes from; the preview shows what the first rows become.",
        req.preview.header_line,
        req.preview.sheet.as_ref().map_or_else(String::new, |s| format!(" of sheet “{s}”"))
    ));
    for t in &req.preview.titles {
        ui.label(RichText::new(format!("Title: {t}")).small().color(theme::weak(ui.visuals())));
    }
    let commands_before = commands.len();
    sheet_ui(ui, &req.path, &req.preview.sheets, req.preview.sheet.as_deref(), commands);
    if commands.len() > commands_before {
        // Another sheet is read instead; the mapping step opens again if it needs one.
        return true;
    }
    ui.separator();
    fields_ui(ui, req);
    ui.checkbox(&mut req.remember, "Remember for files with this header (saved in the workspace)");
    ui.separator();

    let (preview, mapping) = (&req.preview, &req.mapping);
    req.result.get(req.mapping.clone(), || preview_mapping(preview, mapping));
    let missing = req.mapping.missing();
    let mut ready = missing.is_empty();
    ui.label(RichText::new("Preview").strong());
    match req.result.value() {
        _ if !missing.is_empty() => {
            ui.label(format!("Still to choose: {}", missing.join(", ")));
        }
        Some(Err(e)) => {
            ready = false;
            ui.label(RichText::new(e).color(theme::error(ui.visuals())));
        }
        Some(Ok(p)) => {
            preview_table_ui(ui, &p.rows);
            for n in &p.notes {
                ui.label(RichText::new(format!("• {n}")).color(theme::weak(ui.visuals())));
            }
        }
        None => {}
    }
    ui.separator();
    let mut finished = false;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
            commands.push(Command::ImportWithMapping {
                path: req.path.clone(),
                mapping: Box::new(req.mapping.clone()),
                header: req.preview.columns.clone(),
                remember: req.remember,
                sheet: req.preview.sheet.clone(),
            });
            finished = true;
        }
        if ui.button("Cancel").clicked() {
            finished = true;
        }
    });
    finished
}

fn preview_table_ui(ui: &mut Ui, rows: &[PreviewRow]) {
    egui::ScrollArea::both().max_height(240.0).id_salt("mapping-preview").show(ui, |ui| {
        egui::Grid::new("mapping-preview-grid").striped(true).num_columns(7).show(ui, |ui| {
            for h in ["line", "period", "flow", "reporter", "partner", "commodity", "value"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for row in rows {
                match &row.outcome {
                    Ok(records) if records.is_empty() => {
                        ui.label(row.line.to_string());
                        ui.label(RichText::new("no values in this row").color(theme::weak(ui.visuals())));
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
                            ui.label(format::usd_exact(r.value_usd));
                            ui.end_row();
                        }
                        if records.len() > 3 {
                            ui.label("");
                            ui.label(format!("… {} more values in this row", records.len() - 3));
                            ui.end_row();
                        }
                    }
                    Err(_) => {}
                }
            }
        });
        // Reasons below the table, where their length does not widen a column.
        for row in rows {
            if let Err(reason) = &row.outcome {
                ui.label(RichText::new(format!("skipped: {reason}")).color(theme::warning(ui.visuals())));
            }
        }
    });
}

/// The sheet of a workbook with several: a combo box listing every sheet; choosing one reads
/// the file at `path` again from that sheet. Draws nothing for a text file or a single sheet.
pub fn sheet_ui(
    ui: &mut Ui,
    path: &Path,
    sheets: &[String],
    current: Option<&str>,
    commands: &mut CommandQueue,
) {
    if sheets.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label("Sheet").id;
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
            RichText::new(format!("{} sheets; choosing one reads the file again from it", sheets.len()))
                .color(theme::weak(ui.visuals())),
        );
    });
}

/// The import report: the file, how it was read, what was set aside, every skipped row with
/// its line, column and reason, and the yearly totals of what was kept. For a workbook of
/// several sheets, the sheet can be changed (the file at `path` is read again).
pub fn import_report_ui(ui: &mut Ui, r: &ImportReport, path: Option<&Path>, commands: &mut CommandQueue) {
    ui.label(RichText::new(&r.file).strong());
    if let Some(path) = path {
        sheet_ui(ui, path, &r.sheets, r.sheet.as_deref(), commands);
    }
    ui.label(format!(
        "{} · {}{} · header on line {}",
        r.format.label(),
        r.source,
        r.delimiter.map_or_else(String::new, |d| format!(" · delimiter {}", delimiter_name(d))),
        r.header_line
    ));
    ui.label(format!(
        "{} rows read: {} used, {} skipped, {} set aside",
        r.rows_read,
        r.rows_used,
        r.rows_skipped,
        r.rows_set_aside()
    ));
    for n in &r.notes {
        ui.label(RichText::new(format!("• {n}")).color(theme::weak(ui.visuals())));
    }
    if !r.kept.is_empty() {
        ui.separator();
        ui.label(RichText::new("Totals of what was kept (all reporters and partners)").strong());
        egui::Grid::new("import-kept").striped(true).num_columns(5).show(ui, |ui| {
            for h in ["year", "exports", "imports", "turnover", "months"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for y in &r.kept {
                ui.label(y.year.to_string());
                ui.label(y.exports.map_or_else(|| "—".into(), format::usd_exact));
                ui.label(y.imports.map_or_else(|| "—".into(), format::usd_exact));
                ui.label(y.turnover.map_or_else(|| "not in the file".to_owned(), format::usd_exact));
                ui.label(if y.months == 12 && y.exports.is_some() {
                    "12".into()
                } else {
                    y.months.to_string()
                });
                ui.end_row();
            }
        });
    }
    if !r.set_aside.is_empty() {
        ui.separator();
        ui.label(RichText::new("Set aside to avoid double counting").strong());
        for s in &r.set_aside {
            ui.label(format!("{} rows (first on line {}): {}", s.rows, s.first_line, s.reason));
        }
    }
    if !r.skipped.is_empty() {
        ui.separator();
        ui.label(RichText::new("Skipped").strong());
        egui::ScrollArea::vertical().max_height(300.0).id_salt("import-skipped").show(ui, |ui| {
            for s in &r.skipped {
                ui.label(s.to_string());
            }
            if r.rows_skipped > r.skipped.len() as u64 {
                ui.label(format!("… and {} more", r.rows_skipped - r.skipped.len() as u64));
            }
        });
    }
}

fn delimiter_name(d: char) -> String {
    match d {
        '\t' => "tab".into(),
        ';' => "semicolon".into(),
        ',' => "comma".into(),
        c => format!("{c:?}"),
    }
}
