//! Every colour the app uses, in one place. Series colours are chosen to stay apart for
//! common colour-vision deficiencies (Okabe–Ito palette) and to read on light and dark themes.

use egui::Color32;

use crate::model::itinerary::StopKind;

/// Exports series.
pub const EXPORTS: Color32 = Color32::from_rgb(0, 114, 178);
/// Imports series.
pub const IMPORTS: Color32 = Color32::from_rgb(230, 159, 0);
/// Turnover series.
pub const TURNOVER: Color32 = Color32::from_rgb(0, 158, 115);
/// Balance series.
pub const BALANCE: Color32 = Color32::from_rgb(204, 121, 167);
/// Background of the "sample data" banner.
pub const SAMPLE_BANNER: Color32 = Color32::from_rgb(255, 214, 102);
/// Text on the sample banner (dark on yellow in both themes).
pub const SAMPLE_BANNER_TEXT: Color32 = Color32::from_rgb(40, 30, 0);

/// Colour of error text, readable on the current theme.
#[must_use]
pub fn error(visuals: &egui::Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Colour of warning text, readable on the current theme.
#[must_use]
pub fn warning(visuals: &egui::Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// Colour for secondary text (sources, notes).
#[must_use]
pub fn weak(visuals: &egui::Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Fill of a stop's block on the itinerary timeline, by kind (Okabe–Ito hues, apart from
/// the grey of travel).
#[must_use]
pub fn stop_kind(kind: StopKind) -> Color32 {
    match kind {
        StopKind::Enterprise => Color32::from_rgb(0, 114, 178),
        StopKind::University => Color32::from_rgb(213, 94, 0),
        StopKind::Memorial => Color32::from_rgb(204, 121, 167),
        StopKind::Nature => Color32::from_rgb(0, 158, 115),
        StopKind::Meeting => Color32::from_rgb(230, 159, 0),
        StopKind::Travel => Color32::from_rgb(150, 150, 150),
    }
}

/// Text colour that reads on `fill`: near-black on light fills, white on dark ones.
#[must_use]
pub fn text_on(fill: Color32) -> Color32 {
    let [r, g, b, _] = fill.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 140.0 { Color32::from_rgb(20, 20, 20) } else { Color32::WHITE }
}

/// Hour lines and day separators of the itinerary timeline.
#[must_use]
pub fn timeline_grid(visuals: &egui::Visuals) -> Color32 {
    visuals.widgets.noninteractive.bg_stroke.color
}

/// Marks of visits on the monthly chart.
pub const VISIT_MARK: Color32 = Color32::from_rgb(86, 180, 233);
