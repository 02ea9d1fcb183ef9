//! The visit-itinerary panel: a day-by-day timeline (time axis, one column per day, a block
//! per stop coloured by kind) beside an editable list of stops, with the plan's problems shown
//! where they are. Clicking a stop that concerns some trade shows that trade on the chart.

mod stop_figures;
mod stops;
mod timeline;

pub use timeline::TimelineBlock;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use egui::{Id, Rect, RichText, Ui};

use super::memo::Memo;
use super::{Panel, Tab, ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr, tr_attr};
use crate::model::itinerary::{Person, Validation, Visit, new_stop_id};
use crate::model::query::Selection;

/// Panel-local state: which visit and stop are being edited, half-typed field texts, and where
/// the panel was drawn (for the PNG export).
#[derive(Debug, Default)]
pub struct ItineraryPanel {
    /// Index into the workspace's visits of the visit shown.
    visit_index: usize,
    /// Id of the stop whose details are open for editing.
    selected: Option<String>,
    /// Texts of parsed fields (times, dates, HS codes, coordinates) while they are typed in, by
    /// widget id; a field not being edited shows the model's value.
    buffers: HashMap<Id, String>,
    /// Path typed for the calendar export.
    ics_path: Option<String>,
    /// Screen rect of the panel (timeline and list) in the last frame; the PNG export crops the
    /// window screenshot to it.
    pub export_rect: Option<Rect>,
    /// The visit shown as the widgets edit it (a draft; a change is pushed as a command) and its
    /// validation, for (workspace revision, visit index): not cloned or checked again per frame.
    shown: Memo<(u64, usize), (Visit, Validation)>,
    /// Exports of each stop's products, latest year to date (`stop_figures.rs`).
    figures: stop_figures::StopFigures,
    /// The stops' blocks on the timeline as last drawn.
    blocks: Vec<timeline::TimelineBlock>,
}

/// "Tue 11 Sep", "вт, 11 сентября", in `lang`.
fn day_label(lang: Lang, date: NaiveDate) -> String {
    use chrono::Datelike;
    #[allow(clippy::cast_possible_truncation)] // month 1–12, day 1–31
    let ymd = (date.year(), date.month() as u8, date.day() as u8);
    crate::model::format::day_label(lang, ymd)
}

impl ItineraryPanel {
    /// The stops' blocks on the timeline as last drawn, with their text.
    #[must_use]
    pub fn timeline_blocks(&self) -> &[TimelineBlock] {
        &self.blocks
    }

    /// Index of the visit shown, into the workspace's visits.
    #[must_use]
    pub fn visit_index(&self) -> usize {
        self.visit_index
    }

    /// Opens stop `i` for editing. A stop without an id (a hand-written file) gets one first,
    /// so that it can be told apart from the others while it is edited.
    fn select(&mut self, draft: &mut Visit, i: usize) {
        let Some(stop) = draft.stops.get_mut(i) else { return };
        if stop.id.trim().is_empty() {
            stop.id = new_stop_id();
        }
        self.selected = Some(stop.id.clone());
        self.buffers.clear();
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        let visits = &view.workspace.visits;
        let lang = view.lang;
        if visits.is_empty() {
            self.export_rect = None;
            ui.label(tr(lang, "visit-none"));
            if ui.button(tr(lang, "visit-new")).clicked() {
                commands.push(Command::SetVisits(vec![new_visit(lang)]));
            }
            return;
        }
        self.visit_index = self.visit_index.min(visits.len() - 1);
        let visit = &visits[self.visit_index];
        self.figures.refresh(ui.ctx(), view, self.visit_index, visit);
        let mut shown = std::mem::take(&mut self.shown);
        let (draft, validation) =
            shown.get((view.revisions.workspace, self.visit_index), || (visit.clone(), visit.validate()));
        let validation = &*validation;
        let mut new_visits: Option<Vec<Visit>> = None;

        self.toolbar_ui(ui, lang, visits, visit, commands, &mut new_visits);
        let scope = ui.scope(|ui| {
            ui.horizontal(|ui| {
                ui.heading(&visit.title);
                ui.label(RichText::new(dates_label(lang, visit)).color(theme::weak(ui.visuals())));
            });
            people_line_ui(ui, lang, visit);
            for issue in &validation.visit {
                warning_ui(ui, &issue.message_in(lang, visit));
            }
            if visit.stops.iter().any(|s| s.placeholder_times) {
                ui.label(
                    RichText::new(tr(lang, "visit-placeholder-note"))
                        .italics()
                        .color(theme::weak(ui.visuals())),
                );
            }
            ui.columns(2, |cols| {
                self.timeline_ui(&mut cols[0], view, visit, validation, draft, commands);
                egui::ScrollArea::vertical().id_salt("itinerary-list").auto_shrink([false, false]).show(
                    &mut cols[1],
                    |ui| {
                        // Keep the rows clear of the scroll bar drawn over the list's right
                        // edge: a stop's name placed last on a row was cut under it.
                        let bar =
                            ui.spacing().scroll.allocated_width() + ui.spacing().scroll.bar_outer_margin;
                        ui.set_max_width(ui.available_width() - bar.max(8.0));
                        self.list_ui(ui, view, visit, validation, draft, commands);
                    },
                );
            });
        });
        self.export_rect = Some(scope.response.rect);

        if let Some(all) = new_visits {
            commands.push(Command::SetVisits(all));
        } else if *draft != *visit {
            let mut all = visits.clone();
            all[self.visit_index] = draft.clone();
            // Typing in one field is one undo step, however many keystrokes.
            super::push_edit(ui.ctx(), commands, Command::SetVisits(all));
        }
        self.shown = shown;
    }

    /// Visit picker, new visit, and the exports.
    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        visits: &[Visit],
        visit: &Visit,
        commands: &mut CommandQueue,
        new_visits: &mut Option<Vec<Visit>>,
    ) {
        ui.horizontal_wrapped(|ui| {
            if visits.len() > 1 {
                egui::ComboBox::from_id_salt("visit-picker").selected_text(&visit.title).show_ui(ui, |ui| {
                    for (i, v) in visits.iter().enumerate() {
                        ui.selectable_value(&mut self.visit_index, i, &v.title);
                    }
                });
            }
            if ui.button(tr(lang, "visit-new")).clicked() {
                let mut all = visits.to_vec();
                all.push(new_visit(lang));
                self.visit_index = all.len() - 1;
                self.selected = None;
                *new_visits = Some(all);
            }
            ui.separator();
            let path = self.ics_path.get_or_insert_with(|| format!("{}.ics", file_stem(&visit.title)));
            let label = ui.label(tr(lang, "visit-calendar-file"));
            ui.add(egui::TextEdit::singleline(path).desired_width(180.0)).labelled_by(label.id);
            let save = ui.button(tr(lang, "visit-save-ics"));
            if save.on_hover_text(tr_attr(lang, "visit-save-ics", "tooltip", None)).clicked() {
                commands.push(Command::ExportIcs(path.trim().into()));
            }
            if ui.button(tr(lang, "visit-save-ics-as")).clicked() {
                commands.push(Command::ExportIcsDialog);
            }
            let png = ui.button(tr(lang, "visit-export-png"));
            if png.on_hover_text(tr_attr(lang, "visit-export-png", "tooltip", None)).clicked() {
                commands.push(Command::ExportVisitPngDialog);
            }
        });
        ui.separator();
    }
}

impl Panel for ItineraryPanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        ItineraryPanel::ui(self, ui, view, commands);
    }
}

fn people_line_ui(ui: &mut Ui, lang: Lang, visit: &Visit) {
    let names = |people: &[Person]| {
        people
            .iter()
            .map(|p| if p.role.is_empty() { p.name.clone() } else { format!("{}, {}", p.name, p.role) })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !visit.delegation.is_empty() {
        ui.label(tr!(lang, "visit-delegation-line", people = names(&visit.delegation)));
    }
    if !visit.hosts.is_empty() {
        ui.label(tr!(lang, "visit-hosts-line", people = names(&visit.hosts)));
    }
}

fn warning_ui(ui: &mut Ui, message: &str) {
    ui.label(RichText::new(format!("• {message}")).color(theme::error(ui.visuals())));
}

/// Filters the chart to HS `code` and switches to it.
fn show_trade(view: &ViewCtx<'_>, code: &str, commands: &mut CommandQueue) {
    let selection = Selection { commodity: Some(code.to_owned()), ..view.workspace.selection.clone() };
    commands.push(Command::SetSelection(selection));
    commands.push(Command::ShowTab(Tab::Chart));
}

/// "Tue 11 Sep (day 1)", or "… (outside the visit)".
fn day_choice_label(lang: Lang, visit: &Visit, date: NaiveDate) -> String {
    let day = day_label(lang, date);
    match visit.day_number(date) {
        Some(n) => tr!(lang, "visit-day-choice", day = day, number = n.to_string()),
        None => tr!(lang, "visit-day-choice-outside", day = day),
    }
}

/// The visit's dates: English as the model writes them ("11–13 Sep 2018"), others through ICU.
fn dates_label(lang: Lang, visit: &Visit) -> String {
    use chrono::Datelike;
    if lang == Lang::En {
        return visit.dates_label();
    }
    #[allow(clippy::cast_possible_truncation)] // month 1–12, day 1–31
    let ymd = |d: NaiveDate| (d.year(), d.month() as u8, d.day() as u8);
    crate::model::format::date_span(lang, ymd(visit.start_date), ymd(visit.end_date))
}

/// A new visit, today, with no stops.
fn new_visit(lang: Lang) -> Visit {
    let today = chrono::Local::now().date_naive();
    Visit {
        title: tr(lang, "visit-new-title"),
        start_date: today,
        end_date: today + Duration::days(1),
        ..Visit::default()
    }
}

/// A file name from a visit's title ("visit" when it has no letters or digits).
fn file_stem(title: &str) -> String {
    crate::io::file_stem(title, "visit")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_from_title() {
        assert_eq!(
            file_stem("Visit of Kazakhstan's ambassador to Brest Oblast"),
            "visit-of-kazakhstan-s-ambassador-to-brest-oblast"
        );
        assert_eq!(file_stem("  "), "visit");
    }
}
