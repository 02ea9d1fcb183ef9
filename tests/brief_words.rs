//! The briefing's words moved from a table in `io/brief/strings.rs` to `assets/locales/*/brief.ftl`
//! (issue 18): every word of the old table, in every language, is what the PDF writer gets
//! now, and `export-brief --lang ru` puts the Russian ones in the PDF (read back with
//! `pdftotext` when poppler-utils is installed).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod run;

use std::process::Command;

use run::tradedash;
use tradedash::io::brief::Lang;

/// The table as it was before the move: (key, English, Russian, Kazakh).
const BEFORE: &[(&str, &str, &str, &str)] = &[
    ("briefing", "Briefing", "Справка", "Анықтама"),
    (
        "sample-banner",
        "SAMPLE DATA: the monthly split is illustrative; only the totals are reported.",
        "ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ: помесячная разбивка условна, опубликованы только итоги.",
        "ДЕМОНСТРАЦИЯЛЫҚ ДЕРЕКТЕР: айлық бөлу шартты, тек қорытындылар жарияланған.",
    ),
    ("sample-footer", "SAMPLE DATA", "ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ", "ДЕМОНСТРАЦИЯЛЫҚ ДЕРЕКТЕР"),
    ("page-of", "Page {n} of {total}", "Страница {n} из {total}", "{total} беттің {n}-беті"),
    ("visit", "Visit", "Визит", "Сапар"),
    ("dates", "Dates", "Даты", "Күндері"),
    ("delegation", "Delegation", "Делегация", "Делегация"),
    ("hosts", "Hosts", "Принимающая сторона", "Қабылдаушы тарап"),
    ("prepared", "Prepared on", "Подготовлено", "Дайындалған күні"),
    ("data", "Data", "Данные", "Деректер"),
    (
        "no-visit",
        "This workspace has no visit: add one in the Visit tab to have it here.",
        "В рабочей области нет визита: добавьте его на вкладке «Визит».",
        "Жұмыс кеңістігінде сапар жоқ: оны «Сапар» қойындысында қосыңыз.",
    ),
    ("nobody", "none named", "не указаны", "көрсетілмеген"),
    ("sec-key-figures", "1. Key figures", "1. Основные показатели", "1. Негізгі көрсеткіштер"),
    (
        "sec-charts",
        "2. Monthly trade and year to date",
        "2. Помесячная торговля и с начала года",
        "2. Айлық сауда және жыл басынан бері",
    ),
    ("sec-targets", "3. Targets", "3. Целевые показатели", "3. Нысаналы көрсеткіштер"),
    ("sec-itinerary", "4. Programme of the visit", "4. Программа визита", "4. Сапар бағдарламасы"),
    ("kf-ytd", "Year to date", "С начала года", "Жыл басынан бері"),
    ("kf-latest-month", "Latest month", "Последний месяц", "Соңғы ай"),
    ("kf-latest-year", "Latest year", "Последний год", "Соңғы жыл"),
    ("kf-balance", "Balance (exports − imports)", "Сальдо (экспорт − импорт)", "Сальдо (экспорт − импорт)"),
    ("kf-figure", "Figure", "Показатель", "Көрсеткіш"),
    ("kf-value", "Value", "Значение", "Мәні"),
    ("kf-computed-from", "Computed from", "Рассчитано по", "Есептелген дерек көзі"),
    ("kf-reported-by", "reported by", "сообщил", "хабарлаған"),
    (
        "kf-derived",
        "derived from the published growth rate",
        "рассчитано по опубликованному темпу роста",
        "жарияланған өсу қарқыны бойынша есептелген",
    ),
    ("kf-published", "published", "опубликовано", "жарияланған"),
    ("kf-selection", "Scope", "Охват", "Қамту"),
    (
        "kf-no-data",
        "The data has no months for this selection: no figures to compute.",
        "В данных нет месяцев для этого выбора: показатели не рассчитаны.",
        "Бұл таңдау үшін деректерде айлар жоқ: көрсеткіштер есептелмеді.",
    ),
    (
        "kf-no-compare",
        "no full year-earlier period to compare",
        "нет полного периода прошлого года для сравнения",
        "салыстыруға өткен жылдың толық кезеңі жоқ",
    ),
    ("kf-on", "on", "к", "салыстырғанда"),
    (
        "kf-turnover-only",
        "the source gives turnover only",
        "источник даёт только оборот",
        "дерек көзі тек тауар айналымын береді",
    ),
    ("kf-part-year", "part of the year only", "только часть года", "жылдың бір бөлігі ғана"),
    (
        "kf-skipped",
        "Rows of the data file that could not be read: {n}; figures may be incomplete.",
        "Строк файла данных, которые не удалось прочитать: {n}; показатели могут быть неполными.",
        "Деректер файлының оқылмаған жолдары: {n}; көрсеткіштер толық болмауы мүмкін.",
    ),
    ("no-data-loaded", "no data loaded", "данные не загружены", "деректер жүктелмеген"),
    ("all-reporters", "all reporters", "все отчитывающиеся", "барлық есеп берушілер"),
    ("all-partners", "all partners", "все партнёры", "барлық серіктестер"),
    ("chart-monthly", "Figure 1. Monthly trade", "Рисунок 1. Помесячная торговля", "1-сурет. Айлық сауда"),
    (
        "chart-ytd",
        "Figure 2. Year to date against the same months a year earlier",
        "Рисунок 2. С начала года в сравнении с теми же месяцами прошлого года",
        "2-сурет. Жыл басынан бері, өткен жылдың сол айларымен салыстырғанда",
    ),
    ("chart-usd", "US dollars", "доллары США", "АҚШ доллары"),
    ("chart-source", "Source", "Источник", "Дерек көзі"),
    (
        "chart-no-data",
        "No months in the data for this selection: nothing to draw.",
        "В данных нет месяцев для этого выбора: график не построен.",
        "Бұл таңдау үшін деректерде айлар жоқ: график салынбады.",
    ),
    ("chart-a-year-earlier", "a year earlier", "годом ранее", "бір жыл бұрын"),
    ("m-exports", "Exports", "Экспорт", "Экспорт"),
    ("m-imports", "Imports", "Импорт", "Импорт"),
    ("m-turnover", "Turnover", "Товарооборот", "Тауар айналымы"),
    ("m-balance", "Balance", "Сальдо", "Сальдо"),
    (
        "no-targets",
        "This workspace has no targets: add one in the Targets tab to have it here.",
        "В рабочей области нет целевых показателей: добавьте их на вкладке «Цели».",
        "Жұмыс кеңістігінде нысаналы көрсеткіштер жоқ: оларды «Мақсаттар» қойындысында қосыңыз.",
    ),
    ("t-scope", "Scope", "Охват", "Қамту"),
    ("t-current", "Current", "Текущее значение", "Ағымдағы мән"),
    ("t-target", "Target", "Цель", "Мақсат"),
    ("t-gap", "Gap", "Разрыв", "Алшақтық"),
    ("t-growth-needed", "Growth needed", "Необходимый рост", "Қажетті өсім"),
    ("t-growth-observed", "Growth observed", "Фактический рост", "Нақты өсім"),
    ("t-required-path", "Required path", "Требуемая траектория", "Қажетті траектория"),
    ("t-reached", "Target reached", "Цель будет достигнута", "Мақсатқа жету"),
    ("t-baseline", "Baseline", "База", "Базалық мән"),
    ("t-baseline-source", "Baseline source", "Источник базы", "Базаның дерек көзі"),
    ("t-note", "Note", "Примечание", "Ескертпе"),
    ("t-how", "How computed", "Как рассчитано", "Қалай есептелді"),
    ("t-of-target", "of target", "от цели", "мақсаттан"),
    ("t-no-value", "no current value", "нет текущего значения", "ағымдағы мән жоқ"),
    ("it-day", "Day", "День", "Күн"),
    ("it-time", "Time", "Время", "Уақыт"),
    ("it-stop", "Stop", "Пункт программы", "Бағдарлама тармағы"),
    (
        "it-products",
        "Products and latest figures",
        "Товары и последние данные",
        "Тауарлар және соңғы деректер",
    ),
    ("it-no-stops", "No stops on this day.", "В этот день пунктов нет.", "Бұл күні тармақтар жоқ."),
    ("it-no-products", "—", "—", "—"),
    ("it-not-in-data", "not in the data", "нет в данных", "деректерде жоқ"),
    ("it-times-tbc", "times to be confirmed", "время уточняется", "уақыты нақтыланады"),
    ("kind-enterprise", "Enterprise", "Предприятие", "Кәсіпорын"),
    ("kind-university", "University", "Университет", "Университет"),
    ("kind-memorial", "Memorial", "Мемориал", "Мемориал"),
    ("kind-nature", "Nature", "Природа", "Табиғат"),
    ("kind-meeting", "Meeting", "Встреча", "Кездесу"),
    ("kind-travel", "Travel", "Переезд", "Жол"),
    ("status-planned", "Planned", "Запланировано", "Жоспарланған"),
    ("status-confirmed", "Confirmed", "Подтверждено", "Расталған"),
    ("status-done", "Done", "Состоялось", "Өтті"),
    ("status-cancelled", "Cancelled", "Отменено", "Болдырылмады"),
    ("it-latest", "latest", "последний", "соңғы"),
    ("it-ytd", "year to date", "с начала года", "жыл басынан"),
];

#[test]
fn every_word_of_the_old_table_is_the_same_from_the_fluent_files() {
    let mut wrong = Vec::new();
    for (key, en, ru, kk) in BEFORE {
        let id = format!("brief-{key}");
        for (lang, before) in [(Lang::En, en), (Lang::Ru, ru), (Lang::Kk, kk)] {
            // The two texts with numbers took them by replacing {n} and {total}.
            let now = match *key {
                "page-of" => tradedash::tr!(lang, &id, n = "3", total = "7"),
                "kf-skipped" => tradedash::tr!(lang, &id, n = "12"),
                _ => tradedash::i18n::tr(lang, &id),
            };
            let before =
                before.replace("{n}", if *key == "page-of" { "3" } else { "12" }).replace("{total}", "7");
            if now != before {
                wrong.push(format!("{}: {id}: was {before:?}, now {now:?}", lang.code()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_russian_briefing_pdf_has_the_russian_words() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "pdftotext is needed under CI=true");
        eprintln!("SKIPPED: poppler-utils not installed — the PDF's text is not read back");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("ru.pdf");
    let (code, _, err) = tradedash(&["export-brief", "--out", pdf.to_str().unwrap(), "--lang", "ru"]);
    assert_eq!(code, 0, "{err}");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for (key, _, ru, _) in BEFORE {
        if [
            "1. Основные показатели",
            "3. Целевые показатели",
            "4. Программа визита",
            "Делегация",
            "Подготовлено",
        ]
        .contains(ru)
        {
            assert!(text.contains(ru), "{key}: {ru:?} is not in the Russian PDF:\n{text}");
        }
    }
    assert!(!text.contains("Key figures"), "{text}");
}
