//! The breakdown as rows of sorted horizontal bars: name, bar (share of the largest item),
//! value, share, change on a year earlier, contribution to growth, and a button that opens the
//! monthly chart on the item.

use crate::i18n::Lang;
use crate::i18n::tr;
use crate::model::breakdown::{Breakdown, By, Item, Level};
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

/// Width of the bar column, points.
const BAR_WIDTH: f32 = 220.0;

fn pp(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| tr!(lang, "composition-pp", value = format!("{v:+.1}")))
}

fn change(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| pct_change_in(lang, v / 100.0))
}

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}%"))
}

/// Draws the breakdown; `stale` greys it while a newer one is computed.
pub(super) fn breakdown_ui(ui: &mut egui::Ui, b: &Breakdown, lang: Lang, stale: bool) -> Option<Action> {
    let earlier = b.period.year_earlier().label();
    let headline = match b.change_pct() {
        Some(c) => tr!(
            lang,
            "composition-total",
            period = b.period.label(),
            value = usd_in(lang, b.total),
            change = pct_change_in(lang, c / 100.0),
            previous = earlier
        ),
        None => tr!(
            lang,
            "composition-total-no-comparison",
            period = b.period.label(),
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
                    if let Some(a) = row_ui(ui, item, lang, largest, drillable, (b.level, measured)) {
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
                    bar_ui(ui, other.figures.value / largest, true);
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
) -> Option<Action> {
    let mut action = None;
    let label = if item.name.is_empty() { item.code.clone() } else { format!("{} {}", item.code, item.name) };
    let short: String = label.chars().take(60).collect();
    if drillable {
        let r = ui.link(short).on_hover_text(tr(lang, "composition-drill-hint"));
        if r.clicked() {
            action = Some(Action::Drill(item.code.clone()));
        }
    } else {
        ui.label(short).on_hover_text(label);
    }
    bar_ui(ui, item.value / largest, false);
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
    ui.label(share(item.share_pct));
    ui.label(change(lang, item.change_pct));
    ui.label(pp(lang, item.contribution_pp));
}

fn bar_ui(ui: &mut egui::Ui, fraction: f64, weak: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(BAR_WIDTH, 14.0), egui::Sense::hover());
    let width = (fraction.clamp(0.0, 1.0) as f32) * BAR_WIDTH;
    let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width.max(1.0), rect.height()));
    let color = if weak { theme::weak(ui.visuals()) } else { theme::EXPORTS };
    ui.painter().rect_filled(bar, 2.0, color);
}
