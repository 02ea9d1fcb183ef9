//! The breakdown as rows of sorted horizontal bars: name, bar (share of the largest item),
//! value, share, change on a year earlier, contribution to growth, and a button that opens the
//! monthly chart on the item.

use crate::i18n::Lang;
use crate::i18n::tr;
use crate::model::breakdown::{Breakdown, By, Item, Level, PeriodChoice};
use crate::model::format::{pct_change_in, usd_in};
use crate::ui::theme;

use super::measure;

/// What a click on a row asks for.
pub(super) enum Action {
    /// Show what this product is made of.
    Drill(String),
    /// Open the monthly chart filtered to this product or partner.
    Chart(String),
}

/// Width of the bar column, points (narrower beside the quantity columns).
const BAR_WIDTH: f32 = 220.0;
const BAR_WIDTH_MEASURED: f32 = 140.0;

/// What the figures right of the bar take, about (value, share, change, contribution, the
/// chart button; with quantities also unit value and effects), in points.
const FIGURES_WIDTH: f32 = 470.0;
const FIGURES_WIDTH_MEASURED: f32 = 640.0;

/// Widths of the name and bar columns in a panel `available` points wide: the bar gives way
/// down to 60 points and the name (cut with "…", whole on hover) down to 120, so that the
/// figures stay in sight at 1024×700 (in Kazakh the value, share and change columns ran off
/// the panel's edge); at most a 420-point name and the full bar.
fn name_and_bar(available: f32, measured: bool) -> (f32, f32) {
    let (bar, figures) =
        if measured { (BAR_WIDTH_MEASURED, FIGURES_WIDTH_MEASURED) } else { (BAR_WIDTH, FIGURES_WIDTH) };
    let bar = (available * 0.2).clamp(60.0, bar);
    let name = available - bar - figures;
    // A name narrower than 120 points takes its room from the bar first.
    let bar = if name < 120.0 { (bar - (120.0 - name)).max(60.0) } else { bar };
    (name.clamp(120.0, 420.0), bar)
}

/// A contribution in percentage points, signed, in the reader's decimals: "+6.7 pp", "+6,7 п.п.".
fn pp(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(
        || "—".to_owned(),
        |v| {
            let sign = if v < 0.0 { "−" } else { "+" };
            let value = format!("{sign}{}", crate::i18n::format::decimal(lang, v.abs(), 1));
            tr!(lang, "composition-pp", value = value)
        },
    )
}

fn change(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| pct_change_in(lang, v / 100.0))
}

/// A share in the reader's decimals: "50.0%", "50,0%".
fn share(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{}%", crate::i18n::format::decimal(lang, v, 1)))
}

/// A period in the reader's language: "Jan–Mar 2019", "янв.–мар. 2019", "2018".
fn period_text(lang: Lang, p: PeriodChoice) -> String {
    match p {
        PeriodChoice::Year(y) => y.to_string(),
        PeriodChoice::Months(r) => crate::i18n::chart_text::span(lang, r),
    }
}

/// Draws the breakdown; `stale` greys it while a newer one is computed.
pub(super) fn breakdown_ui(ui: &mut egui::Ui, b: &Breakdown, lang: Lang, stale: bool) -> Option<Action> {
    let earlier = period_text(lang, b.period.year_earlier());
    let headline = match b.change_pct() {
        Some(c) => tr!(
            lang,
            "composition-total",
            period = period_text(lang, b.period),
            value = usd_in(lang, b.total),
            change = pct_change_in(lang, c / 100.0),
            previous = earlier
        ),
        None => tr!(
            lang,
            "composition-total-no-comparison",
            period = period_text(lang, b.period),
            value = usd_in(lang, b.total),
            previous = earlier
        ),
    };
    ui.strong(headline);
    if b.is_empty() {
        ui.label(tr(lang, "composition-no-data"));
        return None;
    }
    let largest = b.items.iter().map(|i| i.value).fold(0.0_f64, f64::max).max(1e-9);
    // Unit values and effects only where the data has quantities for some item.
    let measured = b.items.iter().any(|i| i.measure.unit.is_some());
    let drillable = b.by == By::Commodity && !matches!(b.level, Level::Section | Level::Digits(6..));
    let mut action = None;
    let widths = name_and_bar(ui.available_width(), measured);
    egui::ScrollArea::both().auto_shrink([false, true]).show(ui, |ui| {
        ui.add_enabled_ui(!stale, |ui| {
            let columns = if measured { 9 } else { 7 };
            egui::Grid::new("composition-rows").striped(true).num_columns(columns).show(ui, |ui| {
                for id in [
                    "composition-col-item",
                    "",
                    "composition-col-value",
                    "composition-col-share",
                    "composition-col-change",
                    "composition-col-contribution",
                    "composition-col-unit-value",
                    "composition-col-effects",
                    "",
                ] {
                    let hint = column_hint(lang, id);
                    if hint.is_some() && !measured {
                        continue;
                    }
                    if id.is_empty() {
                        ui.label("");
                    } else {
                        let r = ui.strong(tr(lang, id));
                        if let Some(h) = hint {
                            r.on_hover_text(h);
                        }
                    }
                }
                ui.end_row();
                for item in &b.items {
                    if let Some(a) = row_ui(ui, item, lang, largest, drillable, (b.level, measured), widths) {
                        action = Some(a);
                    }
                }
                let other = &b.other;
                if other.figures.value != 0.0 || other.figures.previous.is_some_and(|p| p != 0.0) {
                    let name = if other.items == 0 {
                        tr(lang, "composition-rest")
                    } else {
                        tr!(lang, "composition-other", count = other.items as f64)
                    };
                    ui.label(name).on_hover_text(tr!(
                        lang,
                        "composition-not-broken-down",
                        value = usd_in(lang, other.not_broken_down)
                    ));
                    bar_ui(ui, other.figures.value / largest, true, widths.1);
                    figures_ui(ui, &other.figures, lang);
                    if measured {
                        ui.label("");
                        ui.label("");
                    }
                    ui.label("");
                    ui.end_row();
                }
            });
        });
    });
    action
}

fn row_ui(
    ui: &mut egui::Ui,
    item: &Item,
    lang: Lang,
    largest: f64,
    drillable: bool,
    (level, measured): (Level, bool),
    (name_width, bar_width): (f32, f32),
) -> Option<Action> {
    let mut action = None;
    let label = if item.name.is_empty() { item.code.clone() } else { format!("{} {}", item.code, item.name) };
    // A long HS name is cut with an ellipsis at the name column's width; the whole name is on
    // hover (with the drill hint).
    let size = egui::vec2(name_width, ui.spacing().interact_size.y);
    let name = ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_max_width(name_width);
        if drillable {
            let text = egui::RichText::new(label.clone()).color(ui.visuals().hyperlink_color);
            let r = ui.add(egui::Label::new(text).truncate().sense(egui::Sense::click()));
            let hint = format!("{label}\n{}", tr(lang, "composition-drill-hint"));
            let r = r.on_hover_cursor(egui::CursorIcon::PointingHand).on_hover_text(hint);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
            r.clicked()
        } else {
            ui.add(egui::Label::new(label.clone()).truncate()).on_hover_text(label.clone());
            false
        }
    });
    if name.inner {
        action = Some(Action::Drill(item.code.clone()));
    }
    bar_ui(ui, item.value / largest, false, bar_width);
    figures_ui(ui, item, lang);
    if measured {
        measure::measure_ui(ui, item, lang);
    }
    if level != Level::Section
        && ui
            .small_button(tr(lang, "composition-chart"))
            .on_hover_text(tr!(lang, "composition-chart-hint", code = item.code.clone()))
            .clicked()
    {
        action = Some(Action::Chart(item.code.clone()));
    }
    if level == Level::Section {
        ui.label("");
    }
    ui.end_row();
    action
}

/// The hover text of the quantity columns' headers (the formulas); `None` for the others.
fn column_hint(lang: Lang, id: &str) -> Option<String> {
    match id {
        "composition-col-unit-value" => Some(tr(lang, "composition-unit-value-column-hint")),
        "composition-col-effects" => Some(tr(lang, "composition-effects-column-hint")),
        _ => None,
    }
}

fn figures_ui(ui: &mut egui::Ui, item: &Item, lang: Lang) {
    ui.label(usd_in(lang, item.value));
    ui.label(share(lang, item.share_pct));
    ui.label(change(lang, item.change_pct));
    ui.label(pp(lang, item.contribution_pp));
}

fn bar_ui(ui: &mut egui::Ui, fraction: f64, weak: bool, full: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(full, 14.0), egui::Sense::hover());
    let width = (fraction.clamp(0.0, 1.0) as f32) * full;
    let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width.max(1.0), rect.height()));
    let color = if weak { theme::weak(ui.visuals()) } else { theme::EXPORTS };
    ui.painter().rect_filled(bar, 2.0, color);
}
