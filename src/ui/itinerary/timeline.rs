//! The itinerary's timeline: time axis, one column per day, a block per stop coloured by kind,
//! overlapping stops side by side.

use chrono::{NaiveDate, NaiveTime, Timelike};
use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::{ItineraryPanel, day_label, show_trade, warning_ui};
use crate::command::CommandQueue;
use crate::i18n::{Lang, labels, tr};
use crate::model::itinerary::{Issue, Stop, StopStatus, Validation, Visit};
use crate::ui::{ViewCtx, theme};

/// Shortest block drawn on the timeline, minutes (so that a 10-minute stop stays readable).
const MIN_BLOCK_MIN: i64 = 20;

fn minutes_of(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight() / 60)
}

impl ItineraryPanel {
    /// The day-by-day timeline, drawn with the painter.
    pub(super) fn timeline_ui(
        &mut self,
        ui: &mut Ui,
        view: &ViewCtx<'_>,
        visit: &Visit,
        validation: &Validation,
        draft: &mut Visit,
        commands: &mut CommandQueue,
    ) {
        self.blocks.clear();
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
                tr(view.lang, "visit-no-days"),
                FontId::proportional(14.0),
                weak,
            );
            return;
        }
        #[allow(clippy::cast_precision_loss)] // at most 90 days: exact in f32
        let col_w = plot.width() / days.len() as f32;
        for (c, &date) in days.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)] // at most 90 days: exact in f32
            let left = plot.left() + col_w * c as f32;
            let column = Rect::from_min_max(pos2(left, plot.top()), pos2(left + col_w, plot.bottom()));
            painter.line_segment([pos2(left, rect.top()), pos2(left, plot.bottom())], Stroke::new(1.0, grid));
            let outside = visit.day_number(date).is_none();
            let (sub, sub_colour) = match visit.day_number(date) {
                Some(n) => (tr!(view.lang, "visit-day", number = n.to_string()), weak),
                None => (tr(view.lang, "visit-outside"), theme::warning(&visuals)),
            };
            painter.text(
                pos2(column.center().x, rect.top() + 2.0),
                Align2::CENTER_TOP,
                day_label(view.lang, date),
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
                #[allow(clippy::cast_precision_loss)] // a handful of lanes: exact in f32
                let lane_w = (col_w - 8.0) / lanes as f32;
                #[allow(clippy::cast_precision_loss)] // a handful of lanes: exact in f32
                let x0 = column.left() + 4.0 + lane_w * lane as f32;
                let block = Rect::from_min_max(
                    pos2(x0 + 1.0, y_of(minutes_of(stop.start)) + 1.0),
                    pos2(x0 + lane_w - 1.0, y_of(end_min) - 1.0),
                );
                let issues = &validation.stops[i];
                let selected = self.selected.as_deref() == Some(stop.id.as_str()) && !stop.id.is_empty();
                let (response, laid_out) =
                    self.block_ui(ui, view.lang, &painter, block, stop, i, issues, selected);
                self.blocks.push(laid_out);
                let response =
                    response.on_hover_ui(|ui| block_tooltip_ui(ui, view.lang, visit, stop, issues));
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
    #[allow(clippy::too_many_arguments)] // what one block needs, borrowed from the caller; a struct would only rename them
    fn block_ui(
        &self,
        ui: &Ui,
        lang: Lang,
        painter: &egui::Painter,
        block: Rect,
        stop: &Stop,
        index: usize,
        issues: &[Issue],
        selected: bool,
    ) -> (egui::Response, TimelineBlock) {
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
        let mut lines = vec![stop.name_in(lang)];
        let tbc = if stop.placeholder_times { tr(lang, "visit-tbc") } else { String::new() };
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
            lines.push(labels::stop_status(lang, StopStatus::Cancelled).to_lowercase());
        }
        let mut label = lines.join("\n");
        if !issues.is_empty() {
            label = format!("! {label}");
        }
        let (galley, at, elided) = block_text(painter, label.clone(), block, ink);
        let text = Rect::from_min_size(at, galley.size());
        painter.with_clip_rect(block.shrink(2.0)).galley(text.min, galley.clone(), ink);
        let shown = galley.rows.iter().map(|r| r.glyphs.iter().map(|g| g.chr).collect::<String>());
        let shown = shown.collect::<Vec<_>>().join("\n");
        let laid_out = TimelineBlock { block, text, shown, elided, whole: label };
        let id = ui.scope_id().with(("itinerary-block", index, &stop.id));
        let response = ui.interact(block, id, Sense::click());
        let name = if stop.hs_codes.is_empty() {
            format!("{} {}", stop.name_in(lang), stop.time_label())
        } else {
            format!("{} {} ({})", stop.name_in(lang), stop.time_label(), stop.hs_label())
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        (response, laid_out)
    }
}

/// A stop's block on the timeline as last drawn, and its text (for tests: the text stays inside
/// its block, elided with "…" where it does not fit).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineBlock {
    /// The block.
    pub block: Rect,
    /// Where its text was laid out.
    pub text: Rect,
    /// The text shown, "…" included where it was cut.
    pub shown: String,
    /// Whether some of it did not fit (the tooltip shows all of it).
    pub elided: bool,
    /// The whole text.
    pub whole: String,
}

/// The block's text laid out in `block`: wrapped to its width, and cut after the last line
/// that fits its height with "…" (the name first, so that it shows whole where it fits; the
/// tooltip says everything). A block too short for a line of 12 points has one of 10; one too
/// short for that has none. Returns the galley, where it goes and whether it was cut.
fn block_text(
    painter: &egui::Painter,
    text: String,
    block: Rect,
    ink: egui::Color32,
) -> (std::sync::Arc<egui::Galley>, egui::Pos2, bool) {
    let row = |size: f32| painter.fonts_mut(|f| f.row_height(&FontId::proportional(size)));
    let (size, top, room) = if block.height() - 5.0 >= row(12.0) {
        (12.0, 3.0, block.height() - 5.0)
    } else {
        (10.0, 1.0, block.height() - 2.0)
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a handful of rows, ≥ 0
    let rows = (room / row(size)).floor().max(0.0) as usize;
    let text = if rows == 0 { String::new() } else { text };
    let mut job =
        egui::text::LayoutJob::simple(text, FontId::proportional(size), ink, (block.width() - 8.0).max(10.0));
    job.wrap.max_rows = rows.max(1);
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    let galley = painter.layout_job(job);
    let elided = galley.elided || rows == 0;
    (galley, block.min + vec2(4.0, top), elided)
}

pub(super) fn block_tooltip_ui(ui: &mut Ui, lang: Lang, visit: &Visit, stop: &Stop, issues: &[Issue]) {
    ui.label(RichText::new(stop.name_in(lang)).strong());
    let tbc = if stop.placeholder_times { tr(lang, "visit-placeholder-times") } else { String::new() };
    ui.label(format!("{} {}{tbc}", day_label(lang, stop.date), stop.time_label()));
    let (kind, status) = (labels::stop_kind(lang, stop.kind), labels::stop_status(lang, stop.status));
    ui.label(format!("{kind} · {status}"));
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
        warning_ui(ui, &issue.message_in(lang, visit));
    }
    if !stop.hs_codes.is_empty() {
        ui.label(RichText::new(tr!(lang, "visit-click-to-chart", codes = stop.hs_label())).italics());
    }
}

/// The timeline's columns: the visit's days, plus any day outside them that has a stop (so
/// that such a stop is seen, flagged, and can be moved back).
pub(super) fn timeline_days(visit: &Visit) -> Vec<NaiveDate> {
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
pub(super) fn hour_span(visit: &Visit, days: &[NaiveDate]) -> (u32, u32) {
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
pub(super) fn lay_out_lanes(visit: &Visit, date: NaiveDate) -> Vec<(usize, usize, usize)> {
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
}
