//! The target editor: text buffers for every field of a target, read back with one message
//! per field that cannot be read, and the add/edit form drawn from them.

use egui::{RichText, Ui};

use super::card::CARD_MARGIN;
use crate::i18n::{Lang, tr};
use crate::model::reported::ReportedFigure;
use crate::model::target::{
    Baseline, BaselineOrigin, CurrentBasis, CurrentPin, Target, TargetMeasure, Thresholds, basis_label,
    measure_label, parse_usd,
};
use crate::ui::form::{choice_row_ui, text_row_ui};
use crate::ui::{ViewCtx, theme};

/// Text buffers of the target editor.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Editor {
    /// Where the target being edited was, and what it was; `None` for a new one. Saving
    /// replaces that target wherever it is now (targets may have been added or deleted since),
    /// or adds the edit as a new target when it is gone.
    editing: Option<(usize, Target)>,
    name: String,
    reporter: String,
    partner: String,
    commodity: String,
    measure: TargetMeasure,
    basis: CurrentBasis,
    pin: CurrentPin,
    target_value: String,
    deadline: String,
    baseline_year: String,
    baseline_reported: bool,
    baseline_value: String,
    baseline_source: String,
    baseline_note: String,
    amber_pct: String,
    green_pct: String,
    note: String,
}

impl Editor {
    pub(super) fn from_target(index: Option<usize>, t: &Target) -> Self {
        let editing = index.map(|i| (i, t.clone()));
        let (reported, source, note) = match &t.baseline.origin {
            BaselineOrigin::Reported { source, note } => (true, source.clone(), note.clone()),
            BaselineOrigin::Computed => (false, String::new(), String::new()),
        };
        let amount = |v: f64| if v > 0.0 { plain_usd(v) } else { String::new() };
        Self {
            editing,
            name: t.name.clone(),
            reporter: t.reporter.clone(),
            partner: t.partner.clone(),
            commodity: t.commodity.clone(),
            measure: t.measure,
            basis: t.basis,
            pin: t.pin,
            target_value: amount(t.target_usd),
            deadline: t.deadline_year.map(|y| y.to_string()).unwrap_or_default(),
            baseline_year: t.baseline.year.to_string(),
            baseline_reported: reported,
            baseline_value: amount(t.baseline.value_usd),
            baseline_source: source,
            baseline_note: note,
            amber_pct: t.thresholds.amber_from_pct.to_string(),
            green_pct: t.thresholds.green_from_pct.to_string(),
            note: t.note.clone(),
        }
    }

    /// The target as entered, or every message about what is wrong with it. A field that cannot
    /// be read gets one message, and a stand-in value that the model's checks accept, so that
    /// it is not reported twice.
    fn parse(&self, lang: Lang) -> Result<Target, Vec<String>> {
        let mut errors = Vec::new();
        let field = |id: &str| tr(lang, id);
        let mut amount = |text: &str, what: &str| {
            if text.trim().is_empty() {
                return 0.0;
            }
            parse_usd(text).unwrap_or_else(|| {
                errors.push(tr!(lang, "target-error-amount", field = what, text = text.trim()));
                1.0
            })
        };
        let target_usd = amount(&self.target_value, &field("target-field-value"));
        let baseline_usd = if self.baseline_reported {
            amount(&self.baseline_value, &field("target-field-baseline-value"))
        } else {
            0.0
        };
        let mut year = |text: &str, what: &str| match text.trim().parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => {
                errors.push(tr!(lang, "target-error-year", field = what, text = text.trim()));
                None
            }
        };
        let baseline_year = year(&self.baseline_year, &field("target-field-baseline-year"));
        let deadline_year = if self.deadline.trim().is_empty() {
            None
        } else {
            year(&self.deadline, &field("target-field-deadline"))
        };
        let mut pct = |text: &str, what: &str| match text.trim().trim_end_matches('%').trim().parse::<f64>() {
            Ok(p) if p.is_finite() => Some(p),
            _ => {
                errors.push(tr!(lang, "target-error-pct", field = what, text = text.trim()));
                None
            }
        };
        let amber = pct(&self.amber_pct, &field("target-field-amber"));
        let green = pct(&self.green_pct, &field("target-field-green"));
        let amber_from_pct = amber.unwrap_or(0.0);
        let thresholds =
            Thresholds { amber_from_pct, green_from_pct: green.unwrap_or(amber_from_pct.max(0.0)) };
        let origin = if self.baseline_reported {
            BaselineOrigin::Reported {
                source: self.baseline_source.trim().to_owned(),
                note: self.baseline_note.trim().to_owned(),
            }
        } else {
            BaselineOrigin::Computed
        };
        let baseline_year_or_standin = baseline_year.unwrap_or_else(|| deadline_year.map_or(2000, |d| d - 1));
        let target = Target {
            name: self.name.trim().to_owned(),
            reporter: self.reporter.trim().to_owned(),
            partner: self.partner.trim().to_owned(),
            commodity: self.commodity.trim().to_owned(),
            measure: self.measure,
            target_usd,
            deadline_year,
            baseline: Baseline { year: baseline_year_or_standin, value_usd: baseline_usd, origin },
            basis: self.basis,
            pin: self.pin,
            thresholds,
            note: self.note.trim().to_owned(),
            // The workspace's groups are copied in when the target is stored.
            groups: Vec::new(),
        };
        errors.extend(target.validate().iter().map(|e| e.message(lang)));
        if errors.is_empty() { Ok(target) } else { Err(errors) }
    }
}

/// Dollars as plain text the editor reads back to exactly the same value: 1e9 → "1 billion",
/// 58.3e6 → "58.3 million"; the plain number where a shorter form would not round-trip.
fn plain_usd(v: f64) -> String {
    for (scale, unit) in [(1e9, " billion"), (1e6, " million"), (1e3, " thousand")] {
        let short = format!("{}{unit}", v / scale);
        if v >= scale && short.len() <= 16 && parse_usd(&short) == Some(v) {
            return short;
        }
    }
    format!("{v}")
}

/// The add/edit form, shown above the cards while a target is being edited. Returns the new
/// list of targets when the user saves.
pub(super) fn editor_ui(
    ui: &mut Ui,
    slot: &mut Option<Editor>,
    targets: &[Target],
    reported: &[ReportedFigure],
    lang: Lang,
) -> Option<Vec<Target>> {
    let editor = slot.as_mut()?;
    let mut saved = None;
    let mut close = false;
    egui::Frame::group(ui.style()).inner_margin(CARD_MARGIN).show(ui, |ui| {
        let title = if editor.editing.is_some() { "target-editor-edit" } else { "target-editor-new" };
        ui.label(RichText::new(tr(lang, title)).strong());
        egui::Grid::new("target_editor").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
            fields_ui(ui, lang, editor, reported);
        });
        let parsed = editor.parse(lang);
        if let Err(errors) = &parsed {
            for e in errors {
                ui.colored_label(theme::error(ui.visuals()), e);
            }
        }
        ui.horizontal(|ui| {
            let save = ui.add_enabled(parsed.is_ok(), egui::Button::new(tr(lang, "target-editor-save")));
            if let (true, Ok(target)) = (save.clicked(), &parsed) {
                let mut next = targets.to_vec();
                let at = editor.editing.as_ref().and_then(|(i, original)| {
                    if next.get(*i) == Some(original) {
                        Some(*i)
                    } else {
                        next.iter().position(|t| t == original)
                    }
                });
                match at {
                    Some(i) => next[i] = target.clone(),
                    None => next.push(target.clone()),
                }
                saved = Some(next);
                close = true;
            }
            if ui.button(tr(lang, "target-editor-cancel")).clicked() {
                close = true;
            }
        });
    });
    if close {
        *slot = None;
    }
    saved
}

/// The editor's rows, two columns of a grid.
fn fields_ui(ui: &mut Ui, lang: Lang, editor: &mut Editor, reported: &[ReportedFigure]) {
    let row = |ui: &mut Ui, label: &str, text: &mut String, hint: &str| {
        let hint = if hint.is_empty() { String::new() } else { tr(lang, hint) };
        text_row_ui(ui, &tr(lang, label), text, &hint, 220.0);
    };
    row(ui, "target-editor-name", &mut editor.name, "");
    row(ui, "target-editor-reporter", &mut editor.reporter, "target-editor-reporter-hint");
    row(ui, "target-editor-partner", &mut editor.partner, "target-editor-partner-hint");
    row(ui, "target-editor-commodity", &mut editor.commodity, "target-editor-commodity-hint");
    ui.label(tr(lang, "target-editor-measure"));
    ui.horizontal(|ui| {
        for m in TargetMeasure::ALL {
            ui.radio_value(&mut editor.measure, m, measure_label(lang, m));
        }
    });
    ui.end_row();
    row(ui, "target-editor-value", &mut editor.target_value, "target-editor-value-hint");
    row(ui, "target-editor-deadline", &mut editor.deadline, "target-editor-deadline-hint");
    let current = tr(lang, "target-editor-current");
    choice_row_ui(ui, &current, &mut editor.basis, &CurrentBasis::ALL, |b| basis_label(lang, b));
    pin_row_ui(ui, lang, &mut editor.pin, reported);
    row(ui, "target-editor-baseline-year", &mut editor.baseline_year, "target-editor-baseline-year-hint");
    ui.label(tr(lang, "target-editor-baseline-value"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut editor.baseline_reported, false, tr(lang, "target-editor-baseline-computed"));
        ui.radio_value(&mut editor.baseline_reported, true, tr(lang, "target-editor-baseline-reported"));
    });
    ui.end_row();
    if editor.baseline_reported {
        row(
            ui,
            "target-editor-reported-value",
            &mut editor.baseline_value,
            "target-editor-reported-value-hint",
        );
        row(ui, "target-editor-reported-by", &mut editor.baseline_source, "target-editor-reported-by-hint");
        row(ui, "target-editor-baseline-note", &mut editor.baseline_note, "");
    }
    let amber = tr(lang, "target-editor-amber");
    text_row_ui(ui, &amber, &mut editor.amber_pct, "70", 220.0);
    let green = tr(lang, "target-editor-green");
    text_row_ui(ui, &green, &mut editor.green_pct, "90", 220.0);
    row(ui, "target-editor-note", &mut editor.note, "");
}

/// A new target prefilled from the app's selection and the data's last full year.
pub(super) fn new_editor(view: &ViewCtx<'_>) -> Editor {
    let last_full_year = view.data_span.map(|r| if r.end.month == 12 { r.end.year } else { r.end.year - 1 });
    let sel = &view.workspace.selection;
    let t = Target {
        name: tr!(view.lang, "targets-default-name", number = (view.workspace.targets.len() + 1).to_string()),
        reporter: sel.reporter.clone().unwrap_or_default(),
        partner: sel.partner.clone().unwrap_or_default(),
        commodity: sel.commodity.clone().unwrap_or_default(),
        baseline: Baseline { year: last_full_year.unwrap_or(2017), ..Baseline::default() },
        ..Target::default()
    };
    Editor::from_target(None, &t)
}

/// The figure the gauge uses as its current value: the latest (data or reported), the data's,
/// or one reported figure (any of the workspace's with a known period).
fn pin_row_ui(ui: &mut Ui, lang: Lang, pin: &mut CurrentPin, reported: &[ReportedFigure]) {
    let figure_text = |f: &ReportedFigure| format!("{}: {} ({})", f.title(), f.value_text(), f.source.trim());
    let shown = match *pin {
        CurrentPin::Latest => tr(lang, "gauge-pin-latest"),
        CurrentPin::Data => tr(lang, "gauge-pin-data"),
        CurrentPin::Reported(id) => {
            reported.iter().find(|f| f.id == id).map_or_else(|| tr(lang, "gauge-pin-missing"), figure_text)
        }
    };
    let label_id = ui.label(tr(lang, "gauge-pin")).id;
    egui::ComboBox::from_id_salt("target_pin")
        .selected_text(shown)
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(pin, CurrentPin::Latest, tr(lang, "gauge-pin-latest"));
            ui.selectable_value(pin, CurrentPin::Data, tr(lang, "gauge-pin-data"));
            for f in reported.iter().filter(|f| f.span.is_some()) {
                ui.selectable_value(pin, CurrentPin::Reported(f.id), figure_text(f));
            }
        })
        .response
        .labelled_by(label_id);
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_so_that_they_read_back_exactly() {
        for (v, text) in
            [(1e9, "1 billion"), (690e6, "690 million"), (1.25e9, "1.25 billion"), (950.0, "950")]
        {
            assert_eq!(plain_usd(v), text);
            assert_eq!(parse_usd(text), Some(v));
        }
        for v in [58.3e6, 86.94e6, 123_456_789.0, 0.1 + 0.2, 1e9 / 3.0] {
            assert_eq!(parse_usd(&plain_usd(v)), Some(v), "{v} → {}", plain_usd(v));
        }
    }

    #[test]
    fn editor_round_trips_a_target() {
        let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
        let e = Editor::from_target(Some(0), &t);
        assert_eq!(e.target_value, "1 billion");
        assert_eq!(e.baseline_value, "690 million");
        assert_eq!(e.parse(Lang::En), Ok(t));
    }

    #[test]
    fn editor_explains_what_is_wrong() {
        let t = Target::belarus_kazakhstan_1bn();
        let mut e = Editor::from_target(None, &t);
        e.target_value = "lots".into();
        e.deadline = "2016".into();
        let errors = e.parse(Lang::En).unwrap_err();
        assert_eq!(
            errors,
            vec![
                "Target value: “lots” is not an amount; write e.g. 1 billion or 690 million.".to_owned(),
                "The deadline (2016) must come after the baseline year (2017).".to_owned(),
            ]
        );
        e.target_value = "-5".into();
        e.deadline = String::new();
        assert_eq!(e.parse(Lang::En).unwrap_err(), vec!["The target value must be more than $0.".to_owned()]);
    }
}
