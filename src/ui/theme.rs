//! Every colour the app uses, in one place. Series colours are chosen to stay apart for
//! common colour-vision deficiencies (Okabe–Ito palette) and to read on light and dark themes.

use egui::Color32;

/// Exports series.
pub const EXPORTS: Color32 = Color32::from_rgb(0, 114, 178);
/// Imports series.
pub const IMPORTS: Color32 = Color32::from_rgb(230, 159, 0);
/// Turnover series.
pub const TURNOVER: Color32 = Color32::from_rgb(0, 158, 115);
/// Balance series.
pub const BALANCE: Color32 = Color32::from_rgb(204, 121, 167);
/// Colours of partners compared on one chart, in order (Okabe–Ito, without the events' colour).
pub const PALETTE: [Color32; 6] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(240, 228, 66),
];
/// Event markers on the timeline (dates of visits, commissions).
pub const EVENTS: Color32 = Color32::from_rgb(213, 94, 0);
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

/// A series colour made lighter, for the same figure a year earlier drawn beside it.
#[must_use]
pub fn year_earlier(color: Color32) -> Color32 {
    color.gamma_multiply(0.45)
}

/// Background of a KPI card.
#[must_use]
pub fn card(visuals: &egui::Visuals) -> Color32 {
    visuals.faint_bg_color
}
