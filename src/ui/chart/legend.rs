//! The chart's legend, drawn as a wrapped row of entries **above the plotting area**, never
//! inside it.
//!
//! **Decision.** egui_plot's own legend is a box in a corner of the plot: with compared
//! partners, year-earlier lines, published figures, reported figures, the mirror and events it
//! holds up to nine entries, which at 1024×700 covered a third of the lines, and the labels of
//! the reported figures were painted over it. A corner chosen to avoid the series cannot work
//! when the box is nearly as tall as the plot, and a collapsed legend hides what the colours
//! mean. So the legend is a row of its own between the title and the plot, in 12-point type,
//! wrapping onto as many lines as the panel's width needs (two in Russian at 1280×800 with
//! nine entries). Each entry shows its colour and line style (solid, dashed, dotted; a diamond
//! for points; the events' dashed upright) and, as in egui_plot's legend, a click hides or
//! shows the series (kept in the plot's own memory, `PlotMemory::hidden_items`) and hovering
//! it highlights the series.

use egui::{Color32, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use egui_plot::{ItemId, LineStyle, PlotMemory};

/// How an entry's swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Swatch {
    /// A line in the series' style; `bars` draws a filled block instead.
    Line { style: LineStyle, bars: bool },
    /// Points alone (published or reported figures): a diamond.
    Diamond,
    /// The events' dashed upright.
    Upright,
}

/// One entry of the legend.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The plot item's id (its name, or the shared id of reported figures and events).
    pub id: ItemId,
    pub name: String,
    pub color: Color32,
    pub swatch: Swatch,
}

/// Draws the legend row for the plot `plot_id`; returns the entries' screen rects.
pub(super) fn legend_ui(ui: &mut Ui, plot_id: egui::Id, entries: &[Entry]) -> Vec<Rect> {
    if entries.is_empty() {
        return Vec::new();
    }
    let memory = PlotMemory::load(ui.ctx(), plot_id);
    let hidden = |id: ItemId| memory.as_ref().is_some_and(|m| m.hidden_items.contains(&id));
    let mut toggled = None;
    let mut hovered = None;
    let mut rects = Vec::with_capacity(entries.len());
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(12.0, 2.0);
        for e in entries {
            let response = entry_ui(ui, e, !hidden(e.id));
            if response.clicked() {
                toggled = Some(e.id);
            }
            if response.hovered() {
                hovered = Some(e.id);
            }
            rects.push(response.rect);
        }
    });
    // The plot reads its hidden and highlighted items from its memory: written back only when
    // they change (a store each frame would repaint an idle window).
    if let Some(mut m) = memory {
        let mut changed = false;
        if let Some(id) = toggled {
            if !m.hidden_items.remove(&id) {
                m.hidden_items.insert(id);
            }
            changed = true;
        }
        if m.hovered_legend_item != hovered {
            m.hovered_legend_item = hovered;
            changed = true;
        }
        if changed {
            m.store(ui.ctx(), plot_id);
            ui.ctx().request_repaint();
        }
    }
    rects
}

/// One entry: its swatch and name; greyed with a hollow swatch when the series is hidden.
fn entry_ui(ui: &mut Ui, e: &Entry, shown: bool) -> egui::Response {
    let font = egui::FontId::proportional(12.0);
    let text_color = if shown { ui.visuals().text_color() } else { crate::ui::theme::weak(ui.visuals()) };
    let galley = ui.fonts_mut(|f| f.layout_no_wrap(e.name.clone(), font, text_color));
    let swatch_w = 22.0;
    let size = vec2(swatch_w + 4.0 + galley.size().x, galley.size().y.max(12.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, shown, &e.name));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if response.hovered() {
            painter.rect_filled(rect.expand(2.0), 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        let color = if shown { e.color } else { e.color.gamma_multiply(0.35) };
        let swatch = Rect::from_min_size(rect.min, vec2(swatch_w, rect.height()));
        paint_swatch(painter, swatch, e.swatch, color, shown);
        let text_at = pos2(swatch.right() + 4.0, rect.center().y - galley.size().y / 2.0);
        painter.galley(text_at, galley, text_color);
    }
    response
}

fn paint_swatch(painter: &egui::Painter, r: Rect, swatch: Swatch, color: Color32, shown: bool) {
    let c = r.center();
    match swatch {
        Swatch::Line { bars: true, .. } => {
            let block = Rect::from_center_size(c, vec2(12.0, 9.0));
            if shown {
                painter.rect_filled(block, 1.0, color);
            } else {
                painter.rect_stroke(block, 1.0, Stroke::new(1.0, color), egui::StrokeKind::Inside);
            }
        }
        Swatch::Line { style, .. } => {
            let (a, b) = (pos2(r.left() + 1.0, c.y), pos2(r.right() - 1.0, c.y));
            let stroke = Stroke::new(2.0, color);
            match style {
                LineStyle::Solid => {
                    painter.line_segment([a, b], stroke);
                }
                LineStyle::Dashed { .. } => {
                    painter.extend(Shape::dashed_line(&[a, b], stroke, 5.0, 3.0));
                }
                LineStyle::Dotted { .. } => {
                    painter.extend(Shape::dotted_line(&[a, b], color, 3.0, 1.0));
                }
            }
        }
        Swatch::Diamond => {
            let s = 5.0;
            let points = vec![pos2(c.x, c.y - s), pos2(c.x + s, c.y), pos2(c.x, c.y + s), pos2(c.x - s, c.y)];
            let fill = if shown { color } else { Color32::TRANSPARENT };
            painter.add(Shape::convex_polygon(points, fill, Stroke::new(1.0, color)));
        }
        Swatch::Upright => {
            let stroke = Stroke::new(1.5, color);
            painter.extend(Shape::dashed_line(
                &[pos2(c.x, r.top()), pos2(c.x, r.bottom())],
                stroke,
                3.0,
                2.0,
            ));
        }
    }
}
