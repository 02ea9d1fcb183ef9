//! View ▸ Language switches the whole window's language on the next frame, without a restart,
//! and the choice is the app's, not the workspace's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::kittest::Queryable;
use tradedash::i18n::Lang;

/// Opens View ▸ Language and picks `native` (the language's own name).
fn choose_language(
    h: &mut egui_kittest::Harness<'static, tradedash::app::TradeDashApp>,
    view: &str,
    language: &str,
    native: &str,
) {
    h.get_by_label(view).click();
    h.run();
    h.get_by_label(language).click();
    h.run();
    h.get_by_label(native).click();
    h.run();
}

#[test]
fn the_language_menu_switches_to_russian_and_kazakh_and_back() {
    let dialogs = common::ScriptedDialogs::default();
    let mut h = common::harness(&dialogs);
    assert_eq!(h.state().lang(), Lang::En);
    h.get_by_label("File");
    h.get_by_label("Monthly trade");

    choose_language(&mut h, "View", "Language", "Русский");
    assert_eq!(h.state().lang(), Lang::Ru);
    h.get_by_label("Файл");
    h.get_by_label("Правка");
    h.get_by_label("Вид");
    h.get_by_label("Помесячная торговля");
    assert!(h.query_by_label("File").is_none(), "an English menu is left after the switch");
    assert!(!h.state().is_dirty(), "the language is not part of the workspace");

    choose_language(&mut h, "Вид", "Язык", "Қазақша");
    assert_eq!(h.state().lang(), Lang::Kk);
    h.get_by_label("Көрініс");
    h.get_by_label("Айлық сауда");
    h.get_by_label("Мақсаттар");

    choose_language(&mut h, "Көрініс", "Тіл", "English");
    assert_eq!(h.state().lang(), Lang::En);
    h.get_by_label("View");
}

#[test]
fn an_app_started_in_russian_draws_russian_menus() {
    let dialogs = common::ScriptedDialogs::default();
    let app = tradedash::app::TradeDashApp::with_default_workspace()
        .with_dialogs(Box::new(dialogs.clone()))
        .with_lang(Lang::Ru);
    let h = common::harness_for(app);
    h.get_by_label("Файл");
    h.get_by_label("Цели");
    h.get_by_label("Визит");
}
