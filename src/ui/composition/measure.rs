//! The quantity columns of the Composition tab: unit value (with the quantities on hover) and
//! the price and volume effects (with the formula on hover). Shown where the data has
//! quantities; "unknown" where an item's quantity is (docs/composition.md).

use crate::i18n::format::decimal;
use crate::i18n::{Lang, tr};
use crate::model::breakdown::{Item, Measure};
use crate::model::format::usd_in;

/// The unit as shown: kilograms in the language's abbreviation, other units as the file
/// writes them.
fn unit_label(lang: Lang, unit: &str) -> String {
    if unit == "kg" { tr(lang, "composition-unit-kg") } else { unit.to_owned() }
}

/// "$4.00/kg": two decimals under $1,000 a unit, whole dollars from there.
pub(super) fn unit_value(lang: Lang, value: f64, unit: &str) -> String {
    let digits = if value.abs() < 1000.0 { 2 } else { 0 };
    tr!(lang, "composition-unit-value", value = decimal(lang, value, digits), unit = unit_label(lang, unit))
}

fn quantity(lang: Lang, q: Option<f64>, unit: &str) -> String {
    q.map_or_else(
        || tr(lang, "composition-unknown"),
        |q| tr!(lang, "composition-quantity", value = decimal(lang, q, 0), unit = unit_label(lang, unit)),
    )
}

/// A signed amount: "+$90 thousand", "−$30 thousand".
fn signed(lang: Lang, v: f64) -> String {
    if v > 0.0 { format!("+{}", usd_in(lang, v)) } else { usd_in(lang, v) }
}

/// The unit value and effects cells of an item.
pub(super) fn measure_ui(ui: &mut egui::Ui, item: &Item, lang: Lang) {
    let m = &item.measure;
    let unknown = tr(lang, "composition-unknown");
    let Some(unit) = m.unit.as_deref() else {
        ui.weak(&unknown).on_hover_text(tr(lang, "composition-unknown-hint"));
        ui.weak(&unknown).on_hover_text(tr(lang, "composition-unknown-hint"));
        return;
    };
    let now = m.unit_value.map_or_else(|| unknown.clone(), |v| unit_value(lang, v, unit));
    let before = m.previous_unit_value.map_or_else(|| unknown.clone(), |v| unit_value(lang, v, unit));
    let hint = tr!(
        lang,
        "composition-unit-value-hint",
        quantity = quantity(lang, m.quantity, unit),
        previous_quantity = quantity(lang, m.previous_quantity, unit),
        previous = before
    );
    ui.label(now).on_hover_text(hint);
    effects_ui(ui, m, lang, &unknown);
}

fn effects_ui(ui: &mut egui::Ui, m: &Measure, lang: Lang, unknown: &str) {
    match (m.price_effect, m.volume_effect) {
        (Some(p), Some(v)) => {
            let text = tr!(lang, "composition-effects", price = signed(lang, p), volume = signed(lang, v));
            let hint = tr!(
                lang,
                "composition-effects-hint",
                price = signed(lang, p),
                volume = signed(lang, v),
                change = signed(lang, p + v)
            );
            ui.label(text).on_hover_text(hint);
        }
        _ => {
            ui.weak(unknown).on_hover_text(tr(lang, "composition-effects-column-hint"));
        }
    }
}
