//! The itinerary's editable list: stops grouped by day in time order, the selected stop's
//! fields, the visit's details and its people.

use egui::{RichText, Sense, Ui, vec2};

use super::timeline::timeline_days;
use super::{ItineraryPanel, day_choice_label, day_label, show_trade, warning_ui};
use crate::command::CommandQueue;
use crate::i18n::Lang;
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
        egui::CollapsingHeader::new("Visit details").id_salt("visit-details").show(ui, |ui| {
            self.visit_details_ui(ui, visit, draft);
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
            if ui
                .button("Add stop")
                .on_hover_text(format!("Add a stop on {}", day_label(view.lang, target_day)))
                .clicked()
            {
                let stop = visit.new_stop(target_day);
                self.selected = Some(stop.id.clone());
                draft.stops.push(stop);
            }
            let problems = validation.count();
            if problems > 0 {
                let word = if problems == 1 { "warning" } else { "warnings" };
                ui.label(
                    RichText::new(format!("{problems} {word} in the plan")).color(theme::error(ui.visuals())),
                );
            }
        });
        for date in days {
            ui.add_space(6.0);
            let sub = visit
                .day_number(date)
                .map_or_else(|| " · outside the visit".to_owned(), |n| format!(" · Day {n}"));
            ui.label(RichText::new(format!("{}{sub}", day_label(view.lang, date))).strong());
            let on_day = visit.stops_on(date);
            if on_day.is_empty() {
                ui.label(RichText::new("No stops").color(theme::weak(ui.visuals())));
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
        let selected = self.selected.as_deref() == Some(stop.id.as_str()) && !stop.id.is_empty();
        ui.horizontal_wrapped(|ui| {
            let (swatch, _) = ui.allocate_exact_size(vec2(10.0, 16.0), Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, theme::stop_kind(stop.kind));
            if ui
                .add_enabled(pos_in_day > 0, egui::Button::new("Up").small())
                .on_hover_text("Earlier in the day")
                .clicked()
            {
                draft.move_earlier(i);
            }
            if ui
                .add_enabled(pos_in_day + 1 < count_in_day, egui::Button::new("Down").small())
                .on_hover_text("Later in the day")
                .clicked()
            {
                draft.move_later(i);
            }
            let tbc = if stop.placeholder_times { " (TBC)" } else { "" };
            let mut text = RichText::new(format!("{}{tbc}  {}", stop.time_label(), stop.name()));
            if stop.status == StopStatus::Cancelled {
                text = text.strikethrough();
            }
            if ui.selectable_label(selected, text).on_hover_text("Edit this stop").clicked() {
                if selected {
                    self.selected = None;
                } else {
                    self.select(draft, i);
                }
                self.buffers.clear();
            }
            for code in &stop.hs_codes {
                if ui
                    .small_button(format!("Chart HS {code}"))
                    .on_hover_text(format!("Show HS {code} trade on the monthly chart"))
                    .clicked()
                {
                    show_trade(view, code, commands);
                }
            }
            if !stop.hs_codes.is_empty() {
                let lang = view.lang;
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
            warning_ui(ui, &issue.message(visit));
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
            text_row_ui(ui, "Organisation", &mut stop.organisation, "", f32::INFINITY);
            text_row_ui(ui, "Place", &mut stop.place, "", f32::INFINITY);

            let label = ui.label("Day");
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

            if let Some(t) = parsed_row_ui(
                ui,
                buffers,
                "Start",
                &stop.start.format("%H:%M").to_string(),
                parse_time,
                "HH:MM",
            ) {
                stop.start = t;
            }
            if let Some(t) =
                parsed_row_ui(ui, buffers, "End", &stop.end.format("%H:%M").to_string(), parse_time, "HH:MM")
            {
                stop.end = t;
            }
            choice_row_ui(ui, "Kind", &mut stop.kind, &StopKind::ALL, StopKind::label);
            choice_row_ui(ui, "Status", &mut stop.status, &StopStatus::ALL, StopStatus::label);
            text_row_ui(ui, "Address", &mut stop.address, "", f32::INFINITY);
            if let Some(codes) =
                parsed_row_ui(ui, buffers, "HS codes", &stop.hs_codes.join(", "), parse_hs_codes, "03, 16")
            {
                stop.hs_codes = codes;
            }
            if let Some(p) = parsed_row_ui(
                ui,
                buffers,
                "Coordinates",
                &coordinates_text(stop.coordinates),
                parse_coordinates,
                "lat, lon",
            ) {
                stop.coordinates = p;
            }
            let label = ui.label("Notes");
            ui.add(egui::TextEdit::multiline(&mut stop.notes).desired_rows(2).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            ui.checkbox(&mut stop.placeholder_times, "Times are placeholders (TBC)");
            ui.end_row();
        });
        ui.horizontal(|ui| {
            if ui.button("Done").clicked() {
                *selected = None;
            }
            if ui.button("Delete stop").clicked() {
                draft.stops.remove(i);
                *selected = None;
            }
        });
    }

    /// Title, dates, time zone, delegation and hosts.
    fn visit_details_ui(&mut self, ui: &mut Ui, visit: &Visit, draft: &mut Visit) {
        let Self { buffers, .. } = self;
        egui::Grid::new("visit-details-grid").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            text_row_ui(ui, "Title", &mut draft.title, "", f32::INFINITY);
            if let Some(d) = parsed_row_ui(
                ui,
                buffers,
                "First day",
                &visit.start_date.format("%Y-%m-%d").to_string(),
                parse_date,
                "YYYY-MM-DD",
            ) {
                draft.start_date = d;
            }
            if let Some(d) = parsed_row_ui(
                ui,
                buffers,
                "Last day",
                &visit.end_date.format("%Y-%m-%d").to_string(),
                parse_date,
                "YYYY-MM-DD",
            ) {
                draft.end_date = d;
            }
            text_row_ui(ui, "Time zone", &mut draft.tzid, "", f32::INFINITY);
            let label = ui.label("UTC offset, min");
            ui.add(egui::DragValue::new(&mut draft.utc_offset_minutes).range(-720..=840).speed(15))
                .labelled_by(label.id);
            ui.end_row();
        });
        people_editor_ui(ui, "Delegation", "Delegation member", &mut draft.delegation);
        people_editor_ui(ui, "Hosts", "Host", &mut draft.hosts);
        let label = ui.label("Notes");
        ui.add(egui::TextEdit::multiline(&mut draft.notes).desired_rows(2).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    }
}

/// Names and roles of the delegation or the hosts. `one` names a member ("Host") for the
/// fields' accessible labels: "Host name", "Host role".
fn people_editor_ui(ui: &mut Ui, heading: &str, one: &str, people: &mut Vec<Person>) {
    ui.push_id(heading, |ui| {
        ui.label(RichText::new(heading).strong());
        let mut remove = None;
        for (k, p) in people.iter_mut().enumerate() {
            ui.push_id(k, |ui| {
                ui.horizontal(|ui| {
                    let name = egui::TextEdit::singleline(&mut p.name).hint_text("Name").desired_width(150.0);
                    let response = ui.add(name);
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{one} name"))
                    });
                    let role = egui::TextEdit::singleline(&mut p.role).hint_text("Role").desired_width(200.0);
                    let response = ui.add(role);
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{one} role"))
                    });
                    if ui.small_button("Remove").clicked() {
                        remove = Some(k);
                    }
                });
            });
        }
        if let Some(k) = remove {
            people.remove(k);
        }
        if ui.small_button(format!("Add to {}", heading.to_lowercase())).clicked() {
            people.push(Person::default());
        }
    });
}
