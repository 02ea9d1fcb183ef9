//! Every colour the app uses, in one place. Series colours are chosen to stay apart for
//! common colour-vision deficiencies (Okabe–Ito palette) and to read on light and dark themes.

use egui::Color32;

use crate::model::target::Level;

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

/// Colour of a gauge's threshold band (Grafana-like red, amber, green), darker on the light
/// theme so that the arc and the "target met" text keep their contrast on white.
#[must_use]
pub fn gauge_level(visuals: &egui::Visuals, level: Level) -> Color32 {
    match (visuals.dark_mode, level) {
        (true, Level::Low) => Color32::from_rgb(0xF2, 0x49, 0x5C),
        (true, Level::Medium) => Color32::from_rgb(0xFF, 0x98, 0x30),
        (true, Level::High) => Color32::from_rgb(0x73, 0xBF, 0x69),
        (false, Level::Low) => Color32::from_rgb(0xC4, 0x16, 0x2A),
        (false, Level::Medium) => Color32::from_rgb(0xC2, 0x6A, 0x00),
        (false, Level::High) => Color32::from_rgb(0x37, 0x87, 0x2D),
    }
}

/// The unfilled track of a gauge.
#[must_use]
pub fn gauge_track(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(60) } else { Color32::from_gray(222) }
}
