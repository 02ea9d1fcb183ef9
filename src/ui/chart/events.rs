//! Events on the timeline: list, add, edit, delete. Changes go out as
//! [`Command::SetAnnotations`]; the text being typed stays here until saved.

use egui::{RichText, Ui};

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::model::annotation::{Annotation, EventDate};

/// An event being added (`index` `None`) or edited.
#[derive(Debug, Clone, Default)]
struct Draft {
    index: Option<usize>,
    start: String,
    end: String,
    label: String,
    error: Option<String>,
}

/// Panel-local state of the events list.
#[derive(Debug, Default)]
pub(super) struct EventsEditor {
    draft: Option<Draft>,
}

impl EventsEditor {
    /// Draws the list and, when adding or editing, the form.
    /// Whether an event is being added or edited (its form is open).
    pub(super) fn editing(&self) -> bool {
        self.draft.is_some()
    }

    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        annotations: &[Annotation],
        commands: &mut CommandQueue,
    ) {
        let Self { draft } = self;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, "events-heading")).strong());
            if draft.is_none() && ui.button(tr(lang, "events-add")).clicked() {
                *draft = Some(Draft::default());
            }
        });
        // The form goes first, where it is always in view; the list scrolls under it.
        if let Some(d) = draft {
            if form_ui(ui, lang, d, annotations, commands) {
                *draft = None;
            }
            ui.separator();
        }
        egui::ScrollArea::vertical().id_salt("chart-events-list").show(ui, |ui| {
            if annotations.is_empty() {
                ui.label(RichText::new(tr(lang, "events-none")).color(crate::ui::theme::weak(ui.visuals())));
            }
            for (i, e) in annotations.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(dates_text(lang, e)).strong());
                    ui.label(&e.label);
                    if ui.small_button(tr(lang, "events-edit")).clicked() {
                        *draft = Some(Draft {
                            index: Some(i),
                            start: e.start.to_string(),
                            end: e.end.map_or_else(String::new, |d| d.to_string()),
                            label: e.label.clone(),
                            error: None,
                        });
                    }
                    if ui.small_button(tr(lang, "events-delete")).clicked() {
                        let mut list = annotations.to_vec();
                        list.remove(i);
                        commands.push(Command::SetAnnotations(list));
                        *draft = None;
                    }
                });
            }
        });
    }
}

/// The add/edit form; returns whether it is finished (saved or cancelled).
fn form_ui(
    ui: &mut Ui,
    lang: Lang,
    d: &mut Draft,
    annotations: &[Annotation],
    commands: &mut CommandQueue,
) -> bool {
    ui.label(RichText::new(tr(lang, if d.index.is_some() { "events-edit" } else { "events-new" })).strong());
    egui::Grid::new("event-form").num_columns(2).show(ui, |ui| {
        let l = ui.label(tr(lang, "events-date")).id;
        ui.add(
            egui::TextEdit::singleline(&mut d.start)
                .hint_text(tr(lang, "events-date-hint"))
                .desired_width(140.0),
        )
        .labelled_by(l);
        ui.end_row();
        let l = ui.label(tr(lang, "events-until")).id;
        ui.add(
            egui::TextEdit::singleline(&mut d.end)
                .hint_text(tr(lang, "events-until-hint"))
                .desired_width(140.0),
        )
        .labelled_by(l);
        ui.end_row();
        let l = ui.label(tr(lang, "events-what")).id;
        ui.add(egui::TextEdit::singleline(&mut d.label).desired_width(220.0)).labelled_by(l);
        ui.end_row();
    });
    if let Some(e) = &d.error {
        ui.label(RichText::new(e).color(crate::ui::theme::error(ui.visuals())));
    }
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "events-save")).clicked() {
            match parse_draft(lang, d) {
                Ok(event) => {
                    let mut list = annotations.to_vec();
                    match d.index.filter(|&i| i < list.len()) {
                        Some(i) => list[i] = event,
                        None => list.push(event),
                    }
                    list.sort_by_key(|e| e.start);
                    commands.push(Command::SetAnnotations(list));
                    done = true;
                }
                Err(e) => d.error = Some(e),
            }
        }
        if ui.button(tr(lang, "events-cancel")).clicked() {
            done = true;
        }
    });
    done
}

fn parse_draft(lang: Lang, d: &Draft) -> Result<Annotation, String> {
    let start =
        EventDate::parse(&d.start).map_err(|e| tr!(lang, "events-date-error", error = e.to_string()))?;
    let end = match d.end.trim() {
        "" => None,
        t => Some(EventDate::parse(t).map_err(|e| tr!(lang, "events-until-error", error = e.to_string()))?),
    };
    if end.is_some_and(|e| e < start) {
        return Err(tr(lang, "events-until-before"));
    }
    let label = d.label.trim();
    if label.is_empty() {
        return Err(tr(lang, "events-what-missing"));
    }
    Ok(Annotation { start, end, label: label.to_owned() })
}

/// An event's dates in `lang`: "11–13 сентября 2018 г.", "ноябрь 2018"; English as the model
/// writes them ("11–13 Sep 2018", "Nov 2018").
pub(super) fn dates_text(lang: Lang, e: &Annotation) -> String {
    if lang == Lang::En {
        return e.dates_label();
    }
    let end = e.end.filter(|x| *x != e.start).unwrap_or(e.start);
    match (e.start.day, end.day) {
        (Some(a), Some(b)) => crate::model::format::date_span(
            lang,
            (e.start.month.year, e.start.month.month, a),
            (end.month.year, end.month.month, b),
        ),
        _ => crate::i18n::chart_text::span(
            lang,
            crate::model::period::MonthRange::new(e.start.month, end.month),
        ),
    }
}
