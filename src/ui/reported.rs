//! The reported figures in the sidebar: each with its value, published growth, source and whose
//! statistics it is, and an editor to add, change and delete them. Every change goes through
//! [`Command::SetReported`], so it is undoable like any edit.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::form::text_row_ui;
use super::{ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::model::reported::{Measure, ReportedFigure, Statistics, next_id, parse_span, span_label};
use crate::model::target::parse_usd;

/// The figure being added or edited, as typed.
#[derive(Debug, Clone, Default)]
pub struct FigureEditor {
    /// The id of the figure being edited; `None` for a new one.
    editing: Option<u32>,
    /// The figure as it was (fields the form does not show are kept from it).
    original: ReportedFigure,
    period: String,
    measure: Measure,
    reporter: String,
    partner: String,
    value: String,
    change: String,
    statistics: Statistics,
    reported_by: String,
    source: String,
    published: String,
    note: String,
}

impl FigureEditor {
    fn new(view: &ViewCtx<'_>) -> Self {
        let sel = &view.workspace.selection;
        let name = |code: Option<&str>, parties: &[crate::model::dataset::Party]| {
            code.map(|q| {
                parties.iter().find(|p| p.matches(q)).map_or_else(|| q.to_owned(), |p| p.name.clone())
            })
            .unwrap_or_default()
        };
        Self {
            reporter: name(sel.reporter.as_deref(), view.dataset.reporters()),
            partner: name(sel.partner.as_deref(), view.dataset.partners()),
            ..Self::default()
        }
    }

    fn edit(f: &ReportedFigure) -> Self {
        let amount = |v: f64| if v > 0.0 { format!("{v}") } else { String::new() };
        Self {
            editing: Some(f.id),
            original: f.clone(),
            period: f.span.map(span_label).unwrap_or_default(),
            measure: f.measure,
            reporter: f.reporter.clone(),
            partner: f.partner.clone(),
            value: amount(f.value_usd),
            change: f.change.map(|c| format!("{}", (c * 1000.0).round() / 10.0)).unwrap_or_default(),
            statistics: f.statistics,
            reported_by: f.reported_by.clone(),
            source: f.source.clone(),
            published: f.published.map(|d| d.to_string()).unwrap_or_default(),
            note: f.note.clone(),
        }
    }

    /// The figure as entered, or one message for each field that is wrong.
    fn parse(&self, lang: Lang) -> Result<ReportedFigure, Vec<String>> {
        let mut errors = Vec::new();
        let span = parse_span(&self.period);
        if span.is_none() {
            errors.push(tr!(lang, "reported-error-period", text = self.period.trim().to_owned()));
        }
        // Unchanged fields keep the figure's exact values (text → number would round).
        let shown = Self::edit(&self.original);
        let unchanged = self.editing.is_some();
        let value = if unchanged && self.value == shown.value {
            Some(self.original.value_usd)
        } else {
            parse_usd(&self.value)
        }
        .filter(|v| *v > 0.0);
        if value.is_none() {
            errors.push(tr!(lang, "reported-error-value", text = self.value.trim().to_owned()));
        }
        let change = if unchanged && self.change == shown.change {
            Ok(self.original.change)
        } else {
            parse_pct(&self.change)
        };
        match change {
            Err(()) => errors.push(tr!(lang, "reported-error-change", text = self.change.trim().to_owned())),
            Ok(Some(c)) if c <= -1.0 => errors.push(tr(lang, "reported-error-change-impossible")),
            Ok(_) => {}
        }
        if self.reporter.trim().is_empty() || self.partner.trim().is_empty() {
            errors.push(tr(lang, "reported-error-parties"));
        }
        if self.source.trim().is_empty() {
            errors.push(tr(lang, "reported-error-source"));
        }
        let published = self.published.trim();
        let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        if !published.is_empty() && date.is_none() {
            errors.push(tr!(lang, "reported-error-published", text = published.to_owned()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ReportedFigure {
            span,
            measure: self.measure,
            reporter: self.reporter.trim().to_owned(),
            partner: self.partner.trim().to_owned(),
            value_usd: value.unwrap_or_default(),
            change: change.unwrap_or_default(),
            statistics: self.statistics,
            reported_by: self.reported_by.trim().to_owned(),
            source: self.source.trim().to_owned(),
            published: date,
            note: self.note.trim().to_owned(),
            ..self.original.clone()
        })
    }
}

/// A published growth rate as typed: "18.6", "+18.6%", "-4,2"; empty is none. As a fraction.
fn parse_pct(text: &str) -> Result<Option<f64>, ()> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".").replace('−', "-");
    if t.is_empty() {
        return Ok(None);
    }
    let v: f64 = t.trim_start_matches('+').parse().map_err(|_| ())?;
    // Rounded to 12 decimals, so "18.6" is 0.186, not 0.18600000000000003.
    if v.is_finite() { Ok(Some((v / 100.0 * 1e12).round() / 1e12)) } else { Err(()) }
}

fn measure_text(lang: Lang, m: Measure) -> String {
    tr(
        lang,
        match m {
            Measure::Turnover => "target-measure-turnover",
            Measure::Exports => "target-measure-exports",
            Measure::Imports => "target-measure-imports",
        },
    )
}

fn statistics_text(lang: Lang, s: Statistics) -> String {
    tr(
        lang,
        match s {
            Statistics::Unstated => "reported-statistics-unstated",
            Statistics::Reporter => "reported-statistics-reporter",
            Statistics::Partner => "reported-statistics-partner",
        },
    )
}

/// The list of reported figures with Edit and Delete on each, "Add reported figure", and the
/// editor window while one is open.
pub fn reported_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    editor: &mut Option<FigureEditor>,
    commands: &mut CommandQueue,
) {
    let lang = view.lang;
    let reported = &view.workspace.reported;
    // Wrapped: in Russian the heading and its button are wider than the sidebar, and a plain
    // row would widen the sidebar instead of going on to a second line.
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr(lang, "reported-heading"));
        if ui.add_enabled(editor.is_none(), egui::Button::new(tr(lang, "reported-add")).small()).clicked() {
            *editor = Some(FigureEditor::new(view));
        }
    });
    ui.label(RichText::new(tr(lang, "reported-hint")).small().color(theme::weak(ui.visuals())));
    egui::ScrollArea::vertical().id_salt("reported").show(ui, |ui| {
        for (i, f) in reported.iter().enumerate() {
            ui.push_id(f.id, |ui| {
                ui.add_space(4.0);
                figure_ui(ui, f, lang);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(editor.is_none(), egui::Button::new(tr(lang, "reported-edit")).small())
                        .clicked()
                    {
                        *editor = Some(FigureEditor::edit(f));
                    }
                    if ui.add(egui::Button::new(tr(lang, "reported-delete")).small()).clicked() {
                        let mut next = reported.clone();
                        next.remove(i);
                        commands.push(Command::SetReported(next));
                    }
                });
            });
        }
    });
    if let Some(next) = editor_window(ui, editor, reported, lang) {
        commands.push(Command::SetReported(next));
    }
}

/// A figure's title in `lang`: "Brest Oblast – Kazakhstan turnover, Jan–Jul 2018", "… товарооборот,
/// январь–июль 2018". The parties' names and a typed label stay as written.
fn title_in(f: &ReportedFigure, lang: Lang) -> String {
    use crate::model::note::{Arg, Note};
    match f.span {
        Some(span) if !f.reporter.trim().is_empty() => format!(
            "{} – {} {}, {}",
            f.reporter.trim(),
            f.partner.trim(),
            Note::value(Arg::Measure(f.measure, true)).text(lang),
            Note::value(Arg::Period(span)).text(lang)
        ),
        Some(span) if f.label.trim().is_empty() => Note::value(Arg::Period(span)).text(lang),
        _ => f.title(),
    }
}

/// One figure: title, value and growth, whether derived, source and side, note.
fn figure_ui(ui: &mut Ui, f: &ReportedFigure, lang: Lang) {
    let weak = theme::weak(ui.visuals());
    ui.add(egui::Label::new(RichText::new(title_in(f, lang)).strong()).wrap());
    ui.label(crate::ui::chart::reported_value_text(lang, f));
    if f.derived_from_growth {
        ui.label(
            RichText::new(tr(lang, "reported-derived")).small().italics().color(theme::warning(ui.visuals())),
        );
    }
    if f.span.is_none() {
        ui.add(
            egui::Label::new(
                RichText::new(tr(lang, "reported-unknown-span")).small().color(theme::warning(ui.visuals())),
            )
            .wrap(),
        );
    }
    let mut who: Vec<String> = [f.reported_by.trim(), f.source.trim()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let side = match f.statistics {
        Statistics::Reporter => Some(f.reporter.trim()),
        Statistics::Partner => Some(f.partner.trim()),
        Statistics::Unstated => None,
    };
    if let Some(name) = side.filter(|n| !n.is_empty()) {
        who.push(tr!(lang, "reported-statistics-of", name = name.to_owned()));
    }
    ui.add(egui::Label::new(RichText::new(who.join(" — ")).small().color(weak)).wrap());
    if !f.note.trim().is_empty() {
        ui.add(egui::Label::new(RichText::new(f.note.trim()).small().color(weak)).wrap());
    }
}

/// The add/edit window. Returns the new list of figures when the user saves.
fn editor_window(
    ui: &mut Ui,
    slot: &mut Option<FigureEditor>,
    figures: &[ReportedFigure],
    lang: Lang,
) -> Option<Vec<ReportedFigure>> {
    let editor = slot.as_mut()?;
    let title = tr(lang, if editor.editing.is_some() { "reported-form-edit" } else { "reported-form-new" });
    let (mut saved, mut close) = (None, false);
    egui::Window::new(title).collapsible(false).show(ui.ctx(), |ui| {
        form_ui(ui, editor, lang);
        let parsed = editor.parse(lang);
        if let Err(errors) = &parsed {
            for e in errors {
                ui.add(egui::Label::new(RichText::new(e).color(theme::error(ui.visuals()))).wrap());
            }
        }
        ui.horizontal(|ui| {
            let save = ui.add_enabled(parsed.is_ok(), egui::Button::new(tr(lang, "reported-save")));
            if save.clicked()
                && let Ok(mut figure) = parsed
            {
                let mut next = figures.to_vec();
                match editor.editing.and_then(|id| next.iter().position(|f| f.id == id)) {
                    Some(i) => next[i] = figure,
                    None => {
                        figure.id = next_id(figures);
                        next.push(figure);
                    }
                }
                saved = Some(next);
            }
            if ui.button(tr(lang, "reported-cancel")).clicked() {
                close = true;
            }
        });
    });
    if saved.is_some() || close {
        *slot = None;
    }
    saved
}

fn form_ui(ui: &mut Ui, e: &mut FigureEditor, lang: Lang) {
    egui::Grid::new("reported-figure-form").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        let w = 220.0;
        text_row_ui(
            ui,
            &tr(lang, "reported-field-period"),
            &mut e.period,
            &tr(lang, "reported-field-period-hint"),
            w,
        );
        let label_id = ui.label(tr(lang, "reported-field-measure")).id;
        egui::ComboBox::from_id_salt("reported-measure")
            .selected_text(measure_text(lang, e.measure))
            .show_ui(ui, |ui| {
                for m in Measure::ALL {
                    ui.selectable_value(&mut e.measure, m, measure_text(lang, m));
                }
            })
            .response
            .labelled_by(label_id);
        ui.end_row();
        text_row_ui(ui, &tr(lang, "reported-field-reporter"), &mut e.reporter, "", w);
        text_row_ui(ui, &tr(lang, "reported-field-partner"), &mut e.partner, "", w);
        text_row_ui(
            ui,
            &tr(lang, "reported-field-value"),
            &mut e.value,
            &tr(lang, "reported-field-value-hint"),
            w,
        );
        text_row_ui(
            ui,
            &tr(lang, "reported-field-change"),
            &mut e.change,
            &tr(lang, "reported-field-change-hint"),
            w,
        );
        let label_id = ui.label(tr(lang, "reported-field-statistics")).id;
        egui::ComboBox::from_id_salt("reported-statistics")
            .selected_text(statistics_text(lang, e.statistics))
            .show_ui(ui, |ui| {
                for s in Statistics::ALL {
                    ui.selectable_value(&mut e.statistics, s, statistics_text(lang, s));
                }
            })
            .response
            .labelled_by(label_id);
        ui.end_row();
        text_row_ui(ui, &tr(lang, "reported-field-by"), &mut e.reported_by, "", w);
        text_row_ui(ui, &tr(lang, "reported-field-source"), &mut e.source, "", w);
        text_row_ui(
            ui,
            &tr(lang, "reported-field-published"),
            &mut e.published,
            &tr(lang, "reported-field-published-hint"),
            w,
        );
        text_row_ui(ui, &tr(lang, "reported-field-note"), &mut e.note, "", w);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_as_typed() {
        assert_eq!(parse_pct(""), Ok(None));
        assert_eq!(parse_pct("18.6"), Ok(Some(0.186)));
        assert_eq!(parse_pct("+18,6 %"), Ok(Some(0.186)));
        assert_eq!(parse_pct("−4.2%"), Ok(Some(-0.042)));
        assert_eq!(parse_pct("lots"), Err(()));
    }

    #[test]
    fn an_empty_form_names_every_problem_and_a_full_one_is_a_figure() {
        let mut e = FigureEditor::default();
        let errors = e.parse(Lang::En).unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
        e.period = "январь-июль 2018".into();
        e.reporter = "Brest Oblast".into();
        e.partner = "Kazakhstan".into();
        e.value = "58.3 million".into();
        e.change = "18.6".into();
        e.source = "BelTA".into();
        e.published = "2018-09-11".into();
        let f = e.parse(Lang::En).unwrap();
        assert_eq!(f.title(), "Brest Oblast – Kazakhstan turnover, Jan–Jul 2018");
        assert_eq!((f.value_usd, f.change), (58.3e6, Some(0.186)));
        assert!(f.validate().is_empty());
        // Editing keeps what the form does not show (id, label, derived).
        let kept = ReportedFigure { id: 7, label: "old label".into(), derived_from_growth: true, ..f };
        let again = FigureEditor::edit(&kept).parse(Lang::En).unwrap();
        assert_eq!(again, kept);
        e.published = "11.09.2018".into();
        assert!(e.parse(Lang::En).unwrap_err()[0].contains("11.09.2018"));
    }
}
