//! The View menu's theme choices draw with glyphs the bundled fonts have (kittest panics on a
//! missing glyph: egui's own buttons drew "💻", "🌙" and "☀️", which no bundled font has) and
//! still switch the theme.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::kittest::Queryable;

#[test]
fn the_view_menu_draws_every_glyph_and_switches_the_theme() {
    let dialogs = common::ScriptedDialogs::default();
    let mut h = common::harness(&dialogs);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.ctx.options(|o| o.theme_preference), egui::ThemePreference::Dark);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Light").click();
    h.run();
    assert_eq!(h.ctx.options(|o| o.theme_preference), egui::ThemePreference::Light);
}
