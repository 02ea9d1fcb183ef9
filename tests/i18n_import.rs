//! The import's reasons in the reader's language: the window's import report in Russian, and
//! `summary --lang kk` on a bad file in Kazakh, while the JSON stays English.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod run;

use common::{fixture, harness_sized, wait_for_jobs};
use egui_kittest::kittest::Queryable;
use run::tradedash;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::i18n::Lang;

#[test]
fn the_import_report_gives_skipped_rows_and_set_aside_ones_in_russian() {
    let app = TradeDashApp::with_default_workspace().with_lang(Lang::Ru);
    let mut h = harness_sized(app, [1400.0, 1000.0]);
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, Command::Open(fixture("comtrade-legacy-synthetic.xls")));
    h.run_steps(8);
    wait_for_jobs(&mut h);
    // The file is about other trade than the example's: the question comes first, in Russian.
    if let Some(new_workspace) = h.query_by_label_contains("Создать новое рабочее пространство")
    {
        new_workspace.click();
        h.run_steps(8);
    }
    h.state_mut().apply(&ctx, Command::ShowImportReport);
    h.run();
    h.get_by_label("строка 8, столбец Trade Value (US$): ожидалось число в долларах США, найдено \"n/a\"");
    h.get_by_label(
        "1 строка (первая — в строке 6): реэкспорт, реимпорт и другие детали направления (входят в итог X/M)",
    );
    assert!(h.query_by_label_contains("expected a number").is_none(), "no English reason is left");
}

#[test]
fn summary_in_kazakh_explains_a_bad_file_in_kazakh() {
    let bad = fixture("long-with-bad-rows.csv").display().to_string();
    let (code, kk, err) = tradedash(&["summary", &bad, "--lang", "kk"]);
    assert_eq!(code, 0, "{err}");
    assert!(kk.contains("сауда құны теріс бола алмайды, табылғаны: \"-5\""), "a Kazakh reason: {kk}");
    assert!(kk.contains("есеп беруші көрсетілмеген"), "{kk}");
    assert!(!kk.contains("expected"), "{kk}");

    // A file refused: the error on stderr is Kazakh too.
    let refused = fixture("bad/empty.csv").display().to_string();
    let (code, _, err) = tradedash(&["summary", &refused, "--lang", "kk"]);
    assert_eq!(code, 2);
    assert!(err.contains("файл бос"), "{err}");
    // A workspace that cannot be read, too.
    let ron = fixture("bad/not-a-workspace.ron").display().to_string();
    let (code, _, err) = tradedash(&["summary", &ron, "--lang", "kk"]);
    assert_eq!(code, 2);
    assert!(err.contains("-жол, ") && !err.contains("line 1"), "{err}");

    // JSON keeps English reasons in every language.
    let (_, en, _) = tradedash(&["summary", &bad, "--json"]);
    let (_, json_kk, _) = tradedash(&["summary", &bad, "--json", "--lang", "kk"]);
    assert_eq!(en, json_kk);
    assert!(en.contains("the reporter is empty"), "{en}");
}

#[test]
fn command_line_errors_follow_lang_and_stay_english_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("v.ics");
    let ics = ics.to_str().unwrap();
    let (code, _, ru) = tradedash(&["export-ics", "--out", ics, "--visit", "9", "--lang", "ru"]);
    assert_eq!(code, 2);
    assert!(ru.starts_with("tradedash: встроенный пример: визитов — "), "{ru}");
    assert!(ru.contains("визита 9 нет"), "{ru}");
    let (code, _, en) = tradedash(&["export-ics", "--out", ics, "--visit", "9"]);
    assert_eq!(code, 2);
    assert!(en.starts_with("tradedash: the built-in example has "), "{en}");
    assert!(en.contains("; there is no visit 9"), "{en}");

    // export-chart's options are checked before any window opens.
    let png = dir.path().join("c.png");
    let png = png.to_str().unwrap();
    let (code, _, kk) = tradedash(&["export-chart", "--out", png, "--measures", "tonnes", "--lang", "kk"]);
    assert_eq!(code, 2, "{kk}");
    assert!(kk.contains("белгісіз көрсеткіш \"tonnes\""), "{kk}");
    let (_, _, en) = tradedash(&["export-chart", "--out", png, "--measures", "tonnes"]);
    assert!(
        en.contains("tradedash: unknown measure \"tonnes\"; use exports, imports, turnover, balance"),
        "{en}"
    );
}

#[test]
fn targets_text_follows_lang_and_its_json_does_not() {
    let (code, ru, err) = tradedash(&["targets", "--lang", "ru"]);
    assert_eq!(code, 0, "{err}");
    assert!(ru.contains(&tradedash::i18n::tr(Lang::Ru, "figure-how-computed")), "{ru}");
    assert!(ru.starts_with("Данные: "), "{ru}");
    assert!(!ru.contains("How computed"), "{ru}");
    let (_, en, _) = tradedash(&["targets"]);
    assert!(en.contains("  How computed     ") && en.starts_with("Data: "), "{en}");
    let (_, json_en, _) = tradedash(&["targets", "--json"]);
    let (_, json_kk, _) = tradedash(&["targets", "--json", "--lang", "kk"]);
    assert_eq!(json_en, json_kk);
}
