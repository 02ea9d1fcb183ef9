//! Every colour the app uses, in one place. Series colours are chosen to stay apart for
//! common colour-vision deficiencies (Okabe–Ito palette) and to read on light and dark themes.

#![allow(clippy::disallowed_methods)] // the one module that makes colours

use egui::Color32;

use crate::model::itinerary::StopKind;
use crate::model::target::Band;

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

/// Colour of the spinner shown while background work runs.
#[must_use]
pub fn busy(visuals: &egui::Visuals) -> Color32 {
    visuals.strong_text_color()
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

/// Colour of a gauge's threshold band (Grafana-like red, amber, green), darker on the light
/// theme so that the arc and the "target met" text keep their contrast on white.
#[must_use]
pub fn gauge_level(visuals: &egui::Visuals, level: Band) -> Color32 {
    match (visuals.dark_mode, level) {
        (true, Band::Low) => Color32::from_rgb(0xF2, 0x49, 0x5C),
        (true, Band::Medium) => Color32::from_rgb(0xFF, 0x98, 0x30),
        (true, Band::High) => Color32::from_rgb(0x73, 0xBF, 0x69),
        (false, Band::Low) => Color32::from_rgb(0xC4, 0x16, 0x2A),
        (false, Band::Medium) => Color32::from_rgb(0xC2, 0x6A, 0x00),
        (false, Band::High) => Color32::from_rgb(0x37, 0x87, 0x2D),
    }
}

/// The unfilled track of a gauge.
#[must_use]
pub fn gauge_track(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(60) } else { Color32::from_gray(222) }
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

/// The fill of a bar whose period is incomplete (rows of it could not be read): pale, so that
/// it reads as "not the whole figure"; the bar keeps an outline in the series colour.
#[must_use]
pub fn incomplete_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.2)
}
