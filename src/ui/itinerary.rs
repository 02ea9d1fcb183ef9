//! The visit-itinerary panel: a day-by-day timeline (time axis, one column per day, a block
//! per stop coloured by kind) beside an editable list of stops, with the plan's problems shown
//! where they are. Clicking a stop that concerns some trade shows that trade on the chart.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveTime, Timelike};
use egui::{Align2, FontId, Id, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::{Tab, ViewCtx, theme};
use crate::app::Command;
use crate::model::itinerary::{
    Issue, Person, Stop, StopKind, StopStatus, Validation, Visit, coordinates_text, new_stop_id,
    parse_coordinates, parse_date, parse_hs_codes, parse_time,
};
use crate::model::query::Selection;

/// Shortest block drawn on the timeline, minutes (so that a 10-minute stop stays readable).
const MIN_BLOCK_MIN: i64 = 20;

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
}

/// "Tue 11 Sep".
fn day_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

fn minutes_of(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight() / 60)
}

impl ItineraryPanel {
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
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
        let visits = &view.workspace.visits;
        if visits.is_empty() {
            self.export_rect = None;
            ui.label("No visit planned in this workspace.");
            if ui.button("New visit").clicked() {
                commands.push(Command::SetVisits(vec![new_visit()]));
            }
            return;
        }
        self.visit_index = self.visit_index.min(visits.len() - 1);
        let visit = &visits[self.visit_index];
        let validation = visit.validate();
        let mut draft = visit.clone();
        let mut new_visits: Option<Vec<Visit>> = None;

        self.toolbar_ui(ui, visits, visit, commands, &mut new_visits);
        let scope = ui.scope(|ui| {
            ui.horizontal(|ui| {
                ui.heading(&visit.title);
                ui.label(RichText::new(visit.dates_label()).color(theme::weak(ui.visuals())));
            });
            people_line_ui(ui, visit);
            for issue in &validation.visit {
                warning_ui(ui, &issue.message(visit));
            }
            if visit.stops.iter().any(|s| s.placeholder_times) {
                ui.label(
                    RichText::new("Times marked TBC are placeholders: the source gives none. Fill them in.")
                        .italics()
                        .color(theme::weak(ui.visuals())),
                );
            }
            ui.columns(2, |cols| {
                self.timeline_ui(&mut cols[0], view, visit, &validation, &mut draft, commands);
                egui::ScrollArea::vertical().id_salt("itinerary-list").auto_shrink([false, false]).show(
                    &mut cols[1],
                    |ui| {
                        self.list_ui(ui, view, visit, &validation, &mut draft, commands);
                    },
                );
            });
        });
        self.export_rect = Some(scope.response.rect);

        if let Some(all) = new_visits {
            commands.push(Command::SetVisits(all));
        } else if draft != *visit {
            let mut all = visits.clone();
            all[self.visit_index] = draft;
            commands.push(Command::SetVisits(all));
        }
    }

    /// Visit picker, new visit, and the exports.
    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        visits: &[Visit],
        visit: &Visit,
        commands: &mut Vec<Command>,
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
            if ui.button("New visit").clicked() {
                let mut all = visits.to_vec();
                all.push(new_visit());
                self.visit_index = all.len() - 1;
                self.selected = None;
                *new_visits = Some(all);
            }
            ui.separator();
            let path = self.ics_path.get_or_insert_with(|| format!("{}.ics", file_stem(&visit.title)));
            let label = ui.label("Calendar file");
            ui.add(egui::TextEdit::singleline(path).desired_width(180.0)).labelled_by(label.id);
            if ui.button("Save .ics").on_hover_text("Write the itinerary as an iCalendar file").clicked() {
                commands.push(Command::ExportIcs(path.trim().into()));
            }
            if ui.button("Save .ics as…").clicked() {
                commands.push(Command::ExportIcsDialog);
            }
            if ui.button("Export PNG…").on_hover_text("Save a picture of the itinerary").clicked() {
                commands.push(Command::ExportVisitPngDialog);
            }
        });
        ui.separator();
    }

    /// The day-by-day timeline, drawn with the painter.
    fn timeline_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewCtx<'_>,
        visit: &Visit,
        validation: &Validation,
        draft: &mut Visit,
        commands: &mut Vec<Command>,
    ) {
        let days = timeline_days(visit);
        let (first_hour, last_hour) = hour_span(visit, &days);
        let height = (ui.available_height() - 8.0).max(360.0);
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals().clone();
        let grid = theme::timeline_grid(&visuals);
        let text = visuals.text_color();
        let weak = theme::weak(&visuals);
        let axis_w = 44.0;
        let header_h = 36.0;
        let plot = Rect::from_min_max(
            pos2(rect.left() + axis_w, rect.top() + header_h),
            pos2(rect.right(), rect.bottom() - 10.0),
        );
        let span_min = f32::from(u16::try_from((last_hour - first_hour) * 60).unwrap_or(60));
        let y_of = |minutes: i64| {
            let m = f32::from(i16::try_from(minutes - i64::from(first_hour) * 60).unwrap_or(0));
            plot.top() + plot.height() * m / span_min
        };
        for hour in first_hour..=last_hour {
            let y = y_of(i64::from(hour) * 60);
            painter.line_segment([pos2(plot.left(), y), pos2(plot.right(), y)], Stroke::new(1.0, grid));
            painter.text(
                pos2(plot.left() - 6.0, y),
                Align2::RIGHT_CENTER,
                format!("{hour:02}:00"),
                FontId::proportional(11.0),
                weak,
            );
        }
        if days.is_empty() {
            painter.text(
                plot.center(),
                Align2::CENTER_CENTER,
                "No days to show",
                FontId::proportional(14.0),
                weak,
            );
            return;
        }
        #[allow(clippy::cast_precision_loss)]
        let col_w = plot.width() / days.len() as f32;
        for (c, &date) in days.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let left = plot.left() + col_w * c as f32;
            let column = Rect::from_min_max(pos2(left, plot.top()), pos2(left + col_w, plot.bottom()));
            painter.line_segment([pos2(left, rect.top()), pos2(left, plot.bottom())], Stroke::new(1.0, grid));
            let outside = visit.day_number(date).is_none();
            let (sub, sub_colour) = match visit.day_number(date) {
                Some(n) => (format!("Day {n}"), weak),
                None => ("outside the visit".to_owned(), theme::warning(&visuals)),
            };
            painter.text(
                pos2(column.center().x, rect.top() + 2.0),
                Align2::CENTER_TOP,
                day_label(date),
                FontId::proportional(13.0),
                text,
            );
            painter.text(
                pos2(column.center().x, rect.top() + 19.0),
                Align2::CENTER_TOP,
                sub,
                FontId::proportional(11.0),
                sub_colour,
            );
            if outside {
                painter.rect_filled(column, 0.0, theme::warning(&visuals).gamma_multiply(0.08));
            }
            for (i, lane, lanes) in lay_out_lanes(visit, date) {
                let stop = &visit.stops[i];
                let end_min = minutes_of(stop.end).max(minutes_of(stop.start) + MIN_BLOCK_MIN);
                #[allow(clippy::cast_precision_loss)]
                let lane_w = (col_w - 8.0) / lanes as f32;
                #[allow(clippy::cast_precision_loss)]
                let x0 = column.left() + 4.0 + lane_w * lane as f32;
                let block = Rect::from_min_max(
                    pos2(x0 + 1.0, y_of(minutes_of(stop.start)) + 1.0),
                    pos2(x0 + lane_w - 1.0, y_of(end_min) - 1.0),
                );
                let issues = &validation.stops[i];
                let selected = self.selected.as_deref() == Some(stop.id.as_str()) && !stop.id.is_empty();
                let response = self.block_ui(ui, &painter, block, stop, i, issues, selected);
                let response = response.on_hover_ui(|ui| block_tooltip_ui(ui, visit, stop, issues));
                if response.clicked() {
                    self.select(draft, i);
                    if let Some(code) = stop.hs_codes.first() {
                        show_trade(view, code, commands);
                    }
                }
            }
        }
    }

    /// One stop's block; returns its click response.
    #[allow(clippy::too_many_arguments)]
    fn block_ui(
        &self,
        ui: &Ui,
        painter: &egui::Painter,
        block: Rect,
        stop: &Stop,
        index: usize,
        issues: &[Issue],
        selected: bool,
    ) -> egui::Response {
        let visuals = ui.visuals();
        let mut fill = theme::stop_kind(stop.kind);
        if stop.status == StopStatus::Cancelled {
            fill = fill.gamma_multiply(0.35);
        }
        painter.rect_filled(block, 4.0, fill);
        let stroke = if !issues.is_empty() {
            Stroke::new(2.5, theme::error(visuals))
        } else if selected {
            Stroke::new(2.5, visuals.strong_text_color())
        } else {
            Stroke::NONE
        };
        if stroke != Stroke::NONE {
            painter.rect_stroke(block, 4.0, stroke, egui::StrokeKind::Inside);
        }
        let ink = theme::text_on(fill);
        let mut lines = vec![stop.name().to_owned()];
        let tbc = if stop.placeholder_times { " (TBC)" } else { "" };
        if block.width() < 100.0 {
            // A narrow lane (overlapping stops side by side): break the time where a person would.
            lines.push(format!("{}–", stop.start.format("%H:%M")));
            lines.push(format!("{}{tbc}", stop.end.format("%H:%M")));
        } else {
            lines.push(format!("{}{tbc}", stop.time_label()));
        }
        if !stop.hs_codes.is_empty() {
            lines.push(stop.hs_label());
        }
        if stop.status == StopStatus::Cancelled {
            lines.push("cancelled".into());
        }
        let mut label = lines.join("\n");
        if !issues.is_empty() {
            label = format!("! {label}");
        }
        let galley = painter.layout(label, FontId::proportional(12.0), ink, (block.width() - 8.0).max(10.0));
        painter.with_clip_rect(block.shrink(2.0)).galley(block.min + vec2(4.0, 3.0), galley, ink);
        let id = ui.scope_id().with(("itinerary-block", index, &stop.id));
        let response = ui.interact(block, id, Sense::click());
        let name = if stop.hs_codes.is_empty() {
            format!("{} {}", stop.name(), stop.time_label())
        } else {
            format!("{} {} ({})", stop.name(), stop.time_label(), stop.hs_label())
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        response
    }

    /// The editable list of stops, grouped by day in time order.
    fn list_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewCtx<'_>,
        visit: &Visit,
        validation: &Validation,
        draft: &mut Visit,
        commands: &mut Vec<Command>,
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
                .on_hover_text(format!("Add a stop on {}", day_label(target_day)))
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
            ui.label(RichText::new(format!("{}{sub}", day_label(date))).strong());
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

    #[allow(clippy::too_many_arguments)]
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
        commands: &mut Vec<Command>,
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
        });
        for issue in issues {
            warning_ui(ui, &issue.message(visit));
        }
        if selected {
            egui::Frame::group(ui.style()).show(ui, |ui| self.stop_editor_ui(ui, visit, i, draft));
        }
    }

    /// Fields of the selected stop.
    fn stop_editor_ui(&mut self, ui: &mut Ui, visit: &Visit, i: usize, draft: &mut Visit) {
        let Self { buffers, selected, .. } = self;
        let Some(stop) = draft.stops.get_mut(i) else { return };
        egui::Grid::new("stop-editor").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            text_row_ui(ui, "Organisation", &mut stop.organisation);
            text_row_ui(ui, "Place", &mut stop.place);

            let label = ui.label("Day");
            let mut date = stop.date;
            egui::ComboBox::from_id_salt("stop-day")
                .selected_text(day_choice_label(visit, date))
                .show_ui(ui, |ui| {
                    for d in timeline_days(visit) {
                        ui.selectable_value(&mut date, d, day_choice_label(visit, d));
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
            text_row_ui(ui, "Address", &mut stop.address);
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
            text_row_ui(ui, "Title", &mut draft.title);
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
            text_row_ui(ui, "Time zone", &mut draft.tzid);
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

fn people_line_ui(ui: &mut Ui, visit: &Visit) {
    let names = |people: &[Person]| {
        people
            .iter()
            .map(|p| if p.role.is_empty() { p.name.clone() } else { format!("{}, {}", p.name, p.role) })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !visit.delegation.is_empty() {
        ui.label(format!("Delegation: {}", names(&visit.delegation)));
    }
    if !visit.hosts.is_empty() {
        ui.label(format!("Hosts: {}", names(&visit.hosts)));
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

/// A grid row: a label and a combo box choosing one of `all`, labelled for screen readers.
fn choice_row_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    text: fn(T) -> &'static str,
) {
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(("stop-choice", label))
        .selected_text(text(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, text(v));
            }
        })
        .response
        .labelled_by(label_id);
    ui.end_row();
}

/// A labelled single-line text field bound to a string.
fn text_row_ui(ui: &mut Ui, label: &str, value: &mut String) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY)).labelled_by(l.id);
    ui.end_row();
}

/// A labelled text field for a parsed value. While it is edited, the typed text stays as
/// typed; a valid value is returned as soon as it parses, an invalid one is flagged in
/// place. When not edited, the field shows `shown` (the model's value).
fn parsed_row_ui<T>(
    ui: &mut Ui,
    buffers: &mut HashMap<Id, String>,
    label: &str,
    shown: &str,
    parse: impl Fn(&str) -> Option<T>,
    hint: &str,
) -> Option<T> {
    let l = ui.label(label);
    let id = ui.scope_id().with(("parsed-field", label));
    let buffer = buffers.entry(id).or_insert_with(|| shown.to_owned());
    let focused = ui.memory(|m| m.has_focus(id));
    if !focused && buffer != shown {
        shown.clone_into(buffer);
    }
    let invalid = parse(buffer).is_none();
    let mut out = None;
    ui.horizontal(|ui| {
        let mut edit = egui::TextEdit::singleline(buffer).id(id).hint_text(hint).desired_width(140.0);
        if invalid {
            edit = edit.text_color(theme::error(ui.visuals()));
        }
        let response = ui.add(edit).labelled_by(l.id);
        if response.changed() {
            out = parse(buffer);
        }
        if parse(buffer).is_none() {
            ui.label(RichText::new(format!("use {hint}")).color(theme::error(ui.visuals())));
        }
    });
    ui.end_row();
    out
}

fn warning_ui(ui: &mut Ui, message: &str) {
    ui.label(RichText::new(format!("• {message}")).color(theme::error(ui.visuals())));
}

fn block_tooltip_ui(ui: &mut Ui, visit: &Visit, stop: &Stop, issues: &[Issue]) {
    ui.label(RichText::new(stop.name()).strong());
    let tbc = if stop.placeholder_times { " (placeholder times)" } else { "" };
    ui.label(format!("{} {}{tbc}", day_label(stop.date), stop.time_label()));
    ui.label(format!("{} · {}", stop.kind.label(), stop.status.label()));
    if !stop.place.is_empty() || !stop.address.is_empty() {
        ui.label(
            [stop.address.as_str(), stop.place.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if !stop.notes.is_empty() {
        ui.label(&stop.notes);
    }
    for issue in issues {
        warning_ui(ui, &issue.message(visit));
    }
    if !stop.hs_codes.is_empty() {
        ui.label(
            RichText::new(format!("Click: show {} trade on the monthly chart", stop.hs_label())).italics(),
        );
    }
}

/// Filters the chart to HS `code` and switches to it.
fn show_trade(view: &ViewCtx<'_>, code: &str, commands: &mut Vec<Command>) {
    let selection = Selection { commodity: Some(code.to_owned()), ..view.workspace.selection.clone() };
    commands.push(Command::SetSelection(selection));
    commands.push(Command::ShowTab(Tab::Chart));
}

/// "Tue 11 Sep (day 1)", or "… (outside the visit)".
fn day_choice_label(visit: &Visit, date: NaiveDate) -> String {
    match visit.day_number(date) {
        Some(n) => format!("{} (day {n})", day_label(date)),
        None => format!("{} (outside the visit)", day_label(date)),
    }
}

/// The timeline's columns: the visit's days, plus any day outside them that has a stop (so
/// that such a stop is seen, flagged, and can be moved back).
fn timeline_days(visit: &Visit) -> Vec<NaiveDate> {
    let mut days = visit.days();
    for s in &visit.stops {
        if !days.contains(&s.date) && days.len() < 90 {
            days.push(s.date);
        }
    }
    days.sort_unstable();
    days
}

/// Hours shown on the time axis: 08:00 to 19:00, widened to take in every stop.
fn hour_span(visit: &Visit, days: &[NaiveDate]) -> (u32, u32) {
    let mut first = 8;
    let mut last = 19;
    for s in visit.stops.iter().filter(|s| days.contains(&s.date)) {
        first = first.min(s.start.hour());
        let end = s.end.max(s.start);
        let end_hour = if end.minute() > 0 { end.hour() + 1 } else { end.hour() };
        last = last.max(end_hour.min(24));
    }
    (first, last.max(first + 1))
}

/// The stops of `date` with their lane and the number of lanes in their group of overlapping
/// stops: overlapping stops are drawn side by side.
fn lay_out_lanes(visit: &Visit, date: NaiveDate) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    let mut lane_ends: Vec<i64> = Vec::new();
    let mut group_start = 0;
    let mut group_end = i64::MIN;
    for i in visit.stops_on(date) {
        let s = &visit.stops[i];
        let start = minutes_of(s.start);
        let end = minutes_of(s.end).max(start + MIN_BLOCK_MIN);
        if start >= group_end {
            let lanes = lane_ends.len().max(1);
            for entry in &mut out[group_start..] {
                entry.2 = lanes;
            }
            group_start = out.len();
            lane_ends.clear();
        }
        let lane = lane_ends.iter().position(|&e| e <= start).unwrap_or(lane_ends.len());
        if lane == lane_ends.len() {
            lane_ends.push(end);
        } else {
            lane_ends[lane] = end;
        }
        group_end = group_end.max(end);
        out.push((i, lane, 1));
    }
    let lanes = lane_ends.len().max(1);
    for entry in &mut out[group_start..] {
        entry.2 = lanes;
    }
    out
}

/// A new visit, today, with no stops.
fn new_visit() -> Visit {
    let today = chrono::Local::now().date_naive();
    Visit {
        title: "New visit".into(),
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
    use crate::model::itinerary::hm;
    use crate::model::seed::seed_visit;

    #[test]
    fn overlapping_stops_get_lanes_side_by_side() {
        let mut v = seed_visit();
        let day = v.stops[1].date;
        let mut extra = v.new_stop(day);
        extra.start = hm(15, 0);
        extra.end = hm(17, 0);
        v.stops.push(extra);
        let lanes = lay_out_lanes(&v, day);
        // governor 10:00–11:30 alone; Santa Bremor 14:00–16:00 and the new 15:00–17:00 side by side.
        assert_eq!(lanes, vec![(0, 0, 1), (1, 0, 2), (6, 1, 2)]);
    }

    #[test]
    fn timeline_shows_days_outside_the_visit_that_have_stops() {
        let mut v = seed_visit();
        let late = NaiveDate::from_ymd_opt(2018, 9, 15).unwrap();
        v.stops[0].date = late;
        let days = timeline_days(&v);
        assert_eq!(days.len(), 4);
        assert_eq!(days.last(), Some(&late));
        assert_eq!(hour_span(&v, &days), (8, 19));
        v.stops[1].start = hm(7, 30);
        v.stops[1].end = hm(20, 15);
        assert_eq!(hour_span(&v, &days), (7, 21));
    }

    #[test]
    fn file_stem_from_title() {
        assert_eq!(
            file_stem("Visit of Kazakhstan's ambassador to Brest Oblast"),
            "visit-of-kazakhstan-s-ambassador-to-brest-oblast"
        );
        assert_eq!(file_stem("  "), "visit");
    }
}
