//! egui widgets whose built-in text is English or whose symbols the bundled fonts lack, redone
//! with translated text.
//!
//! `egui::widgets::global_theme_preference_buttons` draws its choices as the symbols "💻",
//! "🌙" and "☀️", which egui 0.37's bundled fonts (Ubuntu-Light and the five egui icons; the
//! emoji fonts are an optional feature this app does not build) do not have: they showed as
//! missing-glyph boxes, with English tooltips. [`theme_buttons_ui`] draws the three choices as
//! words in the reader's language instead, which need no extra font.

use egui::{ThemePreference, Ui};

use super::{Lang, tr};

/// Each theme choice and its message, in the order egui shows them.
pub const THEME_CHOICES: [(ThemePreference, &str); 3] = [
    (ThemePreference::System, "menu-view-theme-system"),
    (ThemePreference::Light, "menu-view-theme-light"),
    (ThemePreference::Dark, "menu-view-theme-dark"),
];

/// System / light / dark theme, for the View menu: one selectable row per choice.
pub fn theme_buttons_ui(ui: &mut Ui, lang: Lang) {
    let mut preference = ui.ctx().options(|o| o.theme_preference);
    let before = preference;
    for (choice, id) in THEME_CHOICES {
        ui.selectable_value(&mut preference, choice, tr(lang, id));
    }
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
