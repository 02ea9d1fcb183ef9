//! The itinerary's editable list: stops grouped by day in time order, the selected stop's
//! fields, the visit's details and its people.

use egui::{RichText, Sense, Ui, vec2};

use super::timeline::timeline_days;
use super::{ItineraryPanel, day_choice_label, day_label, show_trade, warning_ui};
use crate::command::CommandQueue;
use crate::i18n::{Lang, tr, tr_attr};
use crate::model::itinerary::{
    Issue, Person, StopKind, StopStatus, Validation, Visit, coordinates_text, parse_coordinates, parse_date,
    parse_hs_codes, parse_time,
};
use crate::ui::form::{choice_row_ui, parsed_row_ui, text_row_ui};
use crate::ui::{ViewCtx, theme};

impl ItineraryPanel {
    /// The editable list of stops, grouped by day in time order.
    pub(super) fn list_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewCtx<'_>,
        visit: &Visit,
        validation: &Validation,
        draft: &mut Visit,
        commands: &mut CommandQueue,
    ) {
        let lang = view.lang;
        egui::CollapsingHeader::new(tr(lang, "visit-details")).id_salt("visit-details").show(ui, |ui| {
            self.visit_details_ui(ui, lang, visit, draft);
        });
        let days = timeline_days(visit);
        ui.horizontal(|ui| {
            let target_day = self
                .selected
                .as_ref()
                .and_then(|id| visit.stops.iter().find(|s| &s.id == id))
                .map(|s| s.date)
                .or_else(|| days.first().copied())
                .unwrap_or(visit.start_date);
            let mut args = crate::i18n::FluentArgs::new();
            args.set("day", day_label(lang, target_day));
            if ui
                .button(tr(lang, "visit-add-stop"))
                .on_hover_text(tr_attr(lang, "visit-add-stop", "tooltip", Some(&args)))
                .clicked()
            {
                let stop = visit.new_stop(target_day);
                self.selected = Some(stop.id.clone());
                draft.stops.push(stop);
            }
            let problems = validation.count();
            if problems > 0 {
                #[allow(clippy::cast_precision_loss)] // a count of warnings, for Fluent's plural choice
                let text = tr!(lang, "visit-warnings", count = problems as f64);
                ui.label(RichText::new(text).color(theme::error(ui.visuals())));
            }
        });
        for date in days {
            ui.add_space(6.0);
            let day = day_label(lang, date);
            let heading = visit.day_number(date).map_or_else(
                || tr!(lang, "visit-day-heading-outside", day = day.clone()),
                |n| tr!(lang, "visit-day-heading", day = day.clone(), number = n.to_string()),
            );
            ui.label(RichText::new(heading).strong());
            let on_day = visit.stops_on(date);
            if on_day.is_empty() {
                ui.label(RichText::new(tr(lang, "visit-no-stops")).color(theme::weak(ui.visuals())));
            }
            for (pos, &i) in on_day.iter().enumerate() {
                let stop = &visit.stops[i];
                ui.push_id(("stop-row", i, &stop.id), |ui| {
                    self.stop_row_ui(
                        ui,
                        view,
                        visit,
                        i,
                        pos,
                        on_day.len(),
                        &validation.stops[i],
                        draft,
                        commands,
                    );
                });
            }
        }
    }

    #[allow(clippy::too_many_arguments)] // what one row needs, borrowed from the caller; a struct would only rename them
    fn stop_row_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewCtx<'_>,
        visit: &Visit,
        i: usize,
        pos_in_day: usize,
        count_in_day: usize,
        issues: &[Issue],
        draft: &mut Visit,
        commands: &mut CommandQueue,
    ) {
        let stop = &visit.stops[i];
        let lang = view.lang;
        let selected = self.selected.as_deref() == Some(stop.id.as_str()) && !stop.id.is_empty();
        ui.horizontal_wrapped(|ui| {
            let (swatch, _) = ui.allocate_exact_size(vec2(10.0, 16.0), Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, theme::stop_kind(stop.kind));
            if ui
                .add_enabled(pos_in_day > 0, egui::Button::new(tr(lang, "visit-up")).small())
                .on_hover_text(tr_attr(lang, "visit-up", "tooltip", None))
                .clicked()
            {
                draft.move_earlier(i);
            }
            if ui
                .add_enabled(pos_in_day + 1 < count_in_day, egui::Button::new(tr(lang, "visit-down")).small())
                .on_hover_text(tr_attr(lang, "visit-down", "tooltip", None))
                .clicked()
            {
                draft.move_later(i);
            }
            let tbc = if stop.placeholder_times { tr(lang, "visit-tbc") } else { String::new() };
            let mut text = RichText::new(format!("{}{tbc}  {}", stop.time_label(), stop.name_in(lang)));
            if stop.status == StopStatus::Cancelled {
                text = text.strikethrough();
            }
            if ui.selectable_label(selected, text).on_hover_text(tr(lang, "visit-edit-stop")).clicked() {
                if selected {
                    self.selected = None;
                } else {
                    self.select(draft, i);
                }
                self.buffers.clear();
            }
            for code in &stop.hs_codes {
                let mut args = crate::i18n::FluentArgs::new();
                args.set("code", code.clone());
                if ui
                    .small_button(tr!(lang, "visit-chart-hs", code = code.clone()))
                    .on_hover_text(tr_attr(lang, "visit-chart-hs", "tooltip", Some(&args)))
                    .clicked()
                {
                    show_trade(view, code, commands);
                }
            }
            if !stop.hs_codes.is_empty() {
                let codes = stop.hs_codes.join(", ");
                if ui
                    .small_button(crate::tr!(lang, "composition-stop", codes = codes))
                    .on_hover_text(crate::i18n::tr(lang, "composition-stop-hint"))
                    .clicked()
                {
                    commands.push(crate::command::Command::ShowComposition(stop.hs_codes.clone()));
                }
            }
        });
        self.figures.ui(ui, view.lang, &stop.hs_codes);
        for issue in issues {
            warning_ui(ui, &issue.message_in(lang, visit));
        }
        if selected {
            egui::Frame::group(ui.style()).show(ui, |ui| self.stop_editor_ui(ui, view.lang, visit, i, draft));
        }
    }

    /// Fields of the selected stop.
    fn stop_editor_ui(&mut self, ui: &mut Ui, lang: Lang, visit: &Visit, i: usize, draft: &mut Visit) {
        let Self { buffers, selected, .. } = self;
        let Some(stop) = draft.stops.get_mut(i) else { return };
        egui::Grid::new("stop-editor").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            text_row_ui(ui, &tr(lang, "stop-organisation"), &mut stop.organisation, "", f32::INFINITY);
            text_row_ui(ui, &tr(lang, "stop-place"), &mut stop.place, "", f32::INFINITY);

            let label = ui.label(tr(lang, "stop-day"));
            let mut date = stop.date;
            egui::ComboBox::from_id_salt("stop-day")
                .selected_text(day_choice_label(lang, visit, date))
                .show_ui(ui, |ui| {
                    for d in timeline_days(visit) {
                        ui.selectable_value(&mut date, d, day_choice_label(lang, visit, d));
                    }
                })
                .response
                .labelled_by(label.id);
            stop.date = date;
            ui.end_row();

            let hhmm = tr(lang, "stop-time-hint");
            let start = stop.start.format("%H:%M").to_string();
            if let Some(t) =
                parsed_row_ui(ui, lang, buffers, &tr(lang, "stop-start"), &start, parse_time, &hhmm)
            {
                stop.start = t;
            }
            let end = stop.end.format("%H:%M").to_string();
            if let Some(t) = parsed_row_ui(ui, lang, buffers, &tr(lang, "stop-end"), &end, parse_time, &hhmm)
            {
                stop.end = t;
            }
            let kind = |k| crate::i18n::labels::stop_kind(lang, k);
            choice_row_ui(ui, &tr(lang, "stop-kind"), &mut stop.kind, &StopKind::ALL, kind);
            let status = |s| crate::i18n::labels::stop_status(lang, s);
            choice_row_ui(ui, &tr(lang, "stop-status"), &mut stop.status, &StopStatus::ALL, status);
            text_row_ui(ui, &tr(lang, "stop-address"), &mut stop.address, "", f32::INFINITY);
            let codes = stop.hs_codes.join(", ");
            let label = tr(lang, "stop-hs-codes");
            if let Some(codes) = parsed_row_ui(ui, lang, buffers, &label, &codes, parse_hs_codes, "03, 16") {
                stop.hs_codes = codes;
            }
            let shown = coordinates_text(stop.coordinates);
            let (label, hint) = (tr(lang, "stop-coordinates"), tr(lang, "stop-coordinates-hint"));
            if let Some(p) = parsed_row_ui(ui, lang, buffers, &label, &shown, parse_coordinates, &hint) {
                stop.coordinates = p;
            }
            let label = ui.label(tr(lang, "stop-notes"));
            ui.add(egui::TextEdit::multiline(&mut stop.notes).desired_rows(2).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            ui.checkbox(&mut stop.placeholder_times, tr(lang, "stop-placeholder-times"));
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "stop-done")).clicked() {
                *selected = None;
            }
            if ui.button(tr(lang, "stop-delete")).clicked() {
                draft.stops.remove(i);
                *selected = None;
            }
        });
    }

    /// Title, dates, time zone, delegation and hosts.
    fn visit_details_ui(&mut self, ui: &mut Ui, lang: Lang, visit: &Visit, draft: &mut Visit) {
        let Self { buffers, .. } = self;
        egui::Grid::new("visit-details-grid").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            text_row_ui(ui, &tr(lang, "visit-title"), &mut draft.title, "", f32::INFINITY);
            let hint = tr(lang, "visit-date-hint");
            let first = visit.start_date.format("%Y-%m-%d").to_string();
            let label = tr(lang, "visit-first-day");
            if let Some(d) = parsed_row_ui(ui, lang, buffers, &label, &first, parse_date, &hint) {
                draft.start_date = d;
            }
            let last = visit.end_date.format("%Y-%m-%d").to_string();
            let label = tr(lang, "visit-last-day");
            if let Some(d) = parsed_row_ui(ui, lang, buffers, &label, &last, parse_date, &hint) {
                draft.end_date = d;
            }
            text_row_ui(ui, &tr(lang, "visit-time-zone"), &mut draft.tzid, "", f32::INFINITY);
            let label = ui.label(tr(lang, "visit-utc-offset"));
            ui.add(egui::DragValue::new(&mut draft.utc_offset_minutes).range(-720..=840).speed(15))
                .labelled_by(label.id);
            ui.end_row();
        });
        let delegation = People {
            heading: "visit-delegation",
            one: "visit-delegation-member",
            add: "person-add-delegation",
        };
        people_editor_ui(ui, lang, &delegation, &mut draft.delegation);
        let hosts = People { heading: "visit-hosts", one: "visit-host", add: "person-add-hosts" };
        people_editor_ui(ui, lang, &hosts, &mut draft.hosts);
        let label = ui.label(tr(lang, "visit-notes"));
        ui.add(egui::TextEdit::multiline(&mut draft.notes).desired_rows(2).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    }
}

/// Message ids of a list of people: its heading, one member ("Host", for the fields'
/// accessible labels "Host name", "Host role") and its add button.
struct People {
    heading: &'static str,
    one: &'static str,
    add: &'static str,
}

/// Names and roles of the delegation or the hosts.
fn people_editor_ui(ui: &mut Ui, lang: Lang, ids: &People, people: &mut Vec<Person>) {
    let one = tr(lang, ids.one);
    ui.push_id(ids.heading, |ui| {
        ui.label(RichText::new(tr(lang, ids.heading)).strong());
        let mut remove = None;
        for (k, p) in people.iter_mut().enumerate() {
            ui.push_id(k, |ui| {
                ui.horizontal(|ui| {
                    let name = egui::TextEdit::singleline(&mut p.name)
                        .hint_text(tr(lang, "person-name"))
                        .desired_width(150.0);
                    let response = ui.add(name);
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            tr!(lang, "person-name-of", who = one.clone()),
                        )
                    });
                    let role = egui::TextEdit::singleline(&mut p.role)
                        .hint_text(tr(lang, "person-role"))
                        .desired_width(200.0);
                    let response = ui.add(role);
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            tr!(lang, "person-role-of", who = one.clone()),
                        )
                    });
                    if ui.small_button(tr(lang, "person-remove")).clicked() {
                        remove = Some(k);
                    }
                });
            });
        }
        if let Some(k) = remove {
            people.remove(k);
        }
        if ui.small_button(tr(lang, ids.add)).clicked() {
            people.push(Person::default());
        }
    });
}
