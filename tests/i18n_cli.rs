//! `--lang` on the command line: the text summary and the iCalendar file in Russian and
//! Kazakh, English unchanged by default, and JSON keys and numbers the same in every language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod run;

use run::tradedash;

#[test]
fn summary_text_speaks_the_chosen_language_and_english_stays_the_default() {
    // The built-in example with its illustrative monthly split shown, saved: months to print,
    // labelled as sample data.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("split.ron");
    tradedash::io::workspace_file::save(&input, &tradedash::io::example::with_split_shown()).unwrap();
    let input = input.to_str().unwrap();
    let (_, en, _) = tradedash(&["summary", input]);
    let (_, en_flag, _) = tradedash(&["summary", input, "--lang", "en"]);
    assert_eq!(en, en_flag);
    assert!(en.contains("rows read 46, skipped 0, set aside 0"), "{en}");
    assert!(en.contains("SAMPLE DATA"));

    let (_, ru, _) = tradedash(&["summary", input, "--lang", "ru"]);
    assert!(ru.contains("прочитано строк: 46"), "{ru}");
    assert!(ru.contains("товарооборот"), "{ru}");
    assert!(ru.contains("УСЛОВНЫЕ ДАННЫЕ"), "sample data is labelled in Russian too: {ru}");
    // Amounts in Russian digits: a no-break space between groups.
    assert!(ru.contains("\u{a0}000\u{a0}000"), "{ru}");
    assert!(!ru.contains("rows read"), "{ru}");

    let (_, kk, _) = tradedash(&["summary", input, "--lang", "kk"]);
    assert!(kk.contains("тауар айналымы"), "{kk}");
    assert!(!kk.contains("turnover"), "{kk}");
}

#[test]
fn summary_json_is_the_same_in_every_language() {
    let (_, en, _) = tradedash(&["summary", "--json"]);
    let (_, ru, _) = tradedash(&["summary", "--json", "--lang", "ru"]);
    let (_, kk, _) = tradedash(&["summary", "--json", "--lang", "kk"]);
    assert_eq!(en, ru);
    assert_eq!(en, kk);
}

#[test]
fn an_unknown_language_is_refused_with_the_choices() {
    let (code, _, err) = tradedash(&["summary", "--lang", "de"]);
    assert_eq!(code, 2);
    assert!(err.contains("en") && err.contains("ru") && err.contains("kk"), "{err}");
}

#[test]
fn the_calendar_file_is_written_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.ics");
    let ru = dir.path().join("ru.ics");
    let (code, _, err) = tradedash(&["export-ics", "--out", en.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = tradedash(&["export-ics", "--out", ru.to_str().unwrap(), "--lang", "ru"]);
    assert_eq!(code, 0, "{err}");
    let en = std::fs::read_to_string(en).unwrap();
    let ru = std::fs::read_to_string(ru).unwrap();
    assert!(en.contains("Delegation: "), "{en}");
    // Folded lines are unfolded before looking for words.
    let ru = ru.replace("\r\n ", "");
    assert!(ru.contains("Делегация: "), "{ru}");
    assert!(ru.contains("Визит: "), "{ru}");
    assert!(ru.contains("сентября 2018"), "the visit's dates in Russian: {ru}");
    // Property names stay as RFC 5545 defines them.
    assert!(ru.contains("BEGIN:VEVENT") && ru.contains("DESCRIPTION:"));
}
