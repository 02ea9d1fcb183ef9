//! The window in Russian and in Kazakh: every tab shows its words in the chosen language, and
//! numbers, amounts and dates are written the language's way ("31 300 500", "58,3 млн долл.
//! США", "11–13 сентября 2018 г."). kittest fails on a glyph the fonts lack, so this also
//! checks that every letter drawn has one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::i18n::Lang;
use tradedash::model::format::{date_span, usd_in};
use tradedash::ui::Tab;

fn harness(lang: Lang) -> Harness<'static, TradeDashApp> {
    let dialogs = common::ScriptedDialogs::default();
    // The example with its monthly split shown: every tab has figures to speak of.
    let app = common::split_example().with_dialogs(Box::new(dialogs)).with_lang(lang);
    common::harness_sized(app, [1400.0, 1000.0])
}

fn show(h: &mut Harness<'static, TradeDashApp>, tab: Tab) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::ShowTab(tab));
    h.run();
}

/// What each tab must show in one language: (tab caption, words in the chart tab, in the
/// targets tab, in the visit tab).
struct Words {
    tabs: [&'static str; 3],
    chart: [&'static str; 3],
    targets: [&'static str; 2],
    visit: [&'static str; 2],
}

const RU: Words = Words {
    tabs: ["Помесячная торговля", "Цели", "Визит"],
    chart: ["Линии", "С начала года, товарооборот", "Данные"],
    targets: ["Добавить цель", "Выборка"],
    visit: ["Файл календаря", "Новый визит"],
};

const KK: Words = Words {
    tabs: ["Айлық сауда", "Мақсаттар", "Сапар"],
    chart: ["Сызықтар", "Жыл басынан, тауар айналымы", "Деректер"],
    targets: ["Мақсат қосу", "Таңдау"],
    visit: ["Күнтізбе файлы", "Жаңа сапар"],
};

fn every_tab_speaks(lang: Lang, words: &Words) {
    let mut h = harness(lang);
    for caption in words.tabs {
        h.get_by_label(caption);
    }
    for w in words.chart {
        h.get_by_label_contains(w);
    }
    // The KPI strip's year to date, 2018: $58.3 million, the language's way.
    let ytd = usd_in(lang, 58_300_000.0);
    assert!(h.get_all_by_label_contains(&ytd).next().is_some(), "{ytd} is not shown");
    show(&mut h, Tab::Targets);
    for w in words.targets {
        h.get_by_label_contains(w);
    }
    show(&mut h, Tab::Visit);
    for w in words.visit {
        h.get_by_label_contains(w);
    }
    // The example's visit: 11–13 September 2018.
    h.get_by_label(&date_span(lang, (2018, 9, 11), (2018, 9, 13)));
    for english in ["Add target", "Calendar file", "Lines", "Year to date, turnover"] {
        assert!(h.query_by_label_contains(english).is_none(), "{english} is left in {lang:?}");
    }
}

#[test]
fn every_tab_speaks_russian() {
    assert_eq!(usd_in(Lang::Ru, 58_300_000.0), "58,3 млн долл. США");
    every_tab_speaks(Lang::Ru, &RU);
}

#[test]
fn every_tab_speaks_kazakh() {
    every_tab_speaks(Lang::Kk, &KK);
}

#[test]
fn the_import_report_groups_digits_the_russian_way() {
    let mut h = harness(Lang::Ru);
    let ctx = h.ctx.clone();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/excel-unicode-text-wide-synthetic.txt");
    h.state_mut().apply(&ctx, Command::Open(file));
    h.run_steps(8);
    // The file is about other trade than the example's: once read, the question comes first,
    // in Russian (waited for up to 20 s: the machine may be busy).
    let question = "Создать новое рабочее пространство";
    for _ in 0..1000 {
        if !h.state().is_busy() && h.query_by_label(question).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    h.get_by_label(question).click();
    h.run_steps(8);
    h.state_mut().apply(&ctx, Command::ShowImportReport);
    h.run();
    // The window's title (and the status bar's button).
    assert!(h.get_all_by_label("Отчёт об импорте").next().is_some());
    h.get_by_label("Итоги по принятым данным (все отчитывающиеся и партнёры)");
    // Exports of 2018 as the English report writes "31,300,500".
    assert_eq!(h.get_all_by_label("31\u{a0}300\u{a0}500").count(), 1);
    h.get_by_label("нет в файле");
}
