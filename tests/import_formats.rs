//! Every input format and quirk the importer handles, on synthetic fixtures: the totals
//! `tradedash summary` prints, checked against sums done by hand, and against what the window
//! computes from the same file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)] // test code

mod common;
mod run;

use std::process::Command;

use egui_kittest::kittest::Queryable;
use run::{month, year};
use serde_json::Value;
use tradedash::app::TradeDashApp;

use common::fixture;

fn summary(file: &str, extra: &[&str]) -> Value {
    let path = fixture(file);
    let mut args = vec!["summary", "--json", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_tradedash")).args(&args).output().unwrap();
    assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn notes(v: &Value) -> String {
    v["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect::<Vec<_>>().join("\n")
}

#[test]
fn excel_russian_csv_in_windows_1251_with_a_mapping_and_thousands() {
    let v = summary(
        "ru-excel-semicolon-cp1251-synthetic.csv",
        &["--map", "period=Период,reporter=Регион,partner=Страна,flow=Поток,value=Стоимость"],
    );
    assert_eq!(v["format"], "columns mapped by hand (CSV, windows-1251)");
    assert_eq!((v["rows_read"].as_u64(), v["rows_skipped"].as_u64()), (Some(4), Some(1)));
    assert_eq!(v["skipped_lines"][0]["line"], 7);
    assert_eq!(v["skipped_lines"][0]["column"], "Стоимость");
    // "тыс. долл. США" in the title: thousands. "7 646,0" and "1 204,5" (no-break space).
    assert_eq!(month(&v, "2018-01")["exports"], 7_646_000.0);
    assert_eq!(month(&v, "2018-01")["imports"], 1_204_500.0);
    assert_eq!(month(&v, "2018-02")["exports"], 8_100_250.0);
    assert!(notes(&v).contains("1 title row above the header skipped"), "{}", notes(&v));
    // The reporter named in Cyrillic matches a selection in Cyrillic.
    let v = summary(
        "ru-excel-semicolon-cp1251-synthetic.csv",
        &[
            "--map",
            "period=Период,reporter=Регион,partner=Страна,flow=Поток,value=Стоимость",
            "--partner",
            "казахстан",
        ],
    );
    assert_eq!(year(&v, 2018)["turnover"], 16_950_750.0);
}

#[test]
fn excel_unicode_text_wide_table_uses_the_total_row_and_not_the_total_column() {
    let v = summary("excel-unicode-text-wide-synthetic.txt", &[]);
    assert_eq!(v["format"], "table with one column per month (Excel Unicode text (UTF-16LE))");
    // No partner chosen: the Всего row (World), never Всего + countries, never the Итого column.
    assert_eq!(month(&v, "2018-01")["exports"], 10_500_000.0);
    assert_eq!(month(&v, "2018-02")["exports"], 11_000_000.0);
    assert_eq!(month(&v, "2018-03")["exports"], 9_800_500.0);
    assert_eq!(year(&v, 2018)["exports"], 31_300_500.0);
    assert!(notes(&v).contains("\"Итого\""), "{}", notes(&v));
    let kz = summary("excel-unicode-text-wide-synthetic.txt", &["--partner", "Казахстан"]);
    assert_eq!(month(&kz, "2018-02")["exports"], 8_100_250.0);
    // A dash is a published zero; "…" is a gap.
    let uz = summary("excel-unicode-text-wide-synthetic.txt", &["--partner", "Өзбекстан"]);
    assert_eq!(month(&uz, "2018-01")["exports"], 0.0);
    assert_eq!(uz["months"].as_array().unwrap().len(), 2, "February is a gap: {uz}");
}

#[test]
fn kazakh_wide_table_in_thousands() {
    let v = summary("wide-kazakh-synthetic.csv", &[]);
    assert_eq!(month(&v, "2018-01")["exports"], 16_200_500.0);
    assert_eq!(month(&v, "2018-02")["exports"], 17_300_100.0);
    assert_eq!(month(&v, "2018-03")["exports"], 16_250_150.0);
    let by = summary("wide-kazakh-synthetic.csv", &["--partner", "беларусь"]);
    assert_eq!(year(&by, 2018)["exports"], 3_750_750.0);
}

#[test]
fn english_wide_table_with_flows_and_year_columns() {
    let v = summary("wide-english-flows-synthetic.csv", &[]);
    assert_eq!(month(&v, "2018-01")["exports"], 1_234_000.0);
    assert_eq!(month(&v, "2018-02")["exports"], 1_500_000.0);
    assert_eq!(month(&v, "2018-03")["exports"], 2_000_000.5);
    assert_eq!(month(&v, "2018-01")["imports"], 250_000.0);
    // The 2018 column is the months' total: not used. The 2017 column is an annual figure.
    assert_eq!(year(&v, 2018)["exports"], 4_734_000.5);
    assert_eq!(year(&v, 2018)["months"], 3);
    assert_eq!(year(&v, 2017)["exports"], 4_000_000.0);
    assert_eq!(year(&v, 2017)["imports"], 1_000_000.0);
    assert_eq!(year(&v, 2017)["months"], 12);
    assert!(
        v["months"].as_array().unwrap().iter().all(|m| m["period"].as_str().unwrap().starts_with("2018"))
    );
}

#[test]
fn commodity_rows_in_millions_use_the_total_row() {
    let v = summary("wide-commodities-2018M-synthetic.csv", &[]);
    assert_eq!(month(&v, "2018-01")["imports"], 2_500_000.0);
    assert_eq!(month(&v, "2018-02")["imports"], 3_250_000.0);
    let partner = summary(
        "wide-commodities-2018M-synthetic.csv",
        &["--set", "partner=Kazakhstan", "--partner", "kazakhstan"],
    );
    assert_eq!(year(&partner, 2018)["imports"], 5_750_000.0);
    assert!(!notes(&partner).contains("Наименование"), "the name column is used: {}", notes(&partner));
}

#[test]
fn comtrade_value_alias_and_world_row() {
    let v = summary("comtrade-tradevalueus-synthetic.csv", &[]);
    assert_eq!(month(&v, "2018-04")["exports"], 2_900_000_000.0, "World, not World + countries");
    let kz = summary("comtrade-tradevalueus-synthetic.csv", &["--partner", "KAZ"]);
    assert_eq!(month(&kz, "2018-04")["turnover"], 54_000_000.0);
}

#[test]
fn legacy_comtrade_in_an_xls_workbook_below_a_title_row() {
    let v = summary("comtrade-legacy-synthetic.xls", &[]);
    assert_eq!(v["format"], "UN Comtrade (legacy) (XLS, sheet \"Comtrade\")");
    assert_eq!(
        (v["rows_read"].as_u64(), v["rows_skipped"].as_u64(), v["rows_set_aside"].as_u64()),
        (Some(5), Some(1), Some(1))
    );
    assert_eq!(v["skipped_lines"][0]["line"], 8, "spreadsheet row numbers");
    assert_eq!(month(&v, "2018-01")["exports"], 52_000_000.0);
    assert_eq!(month(&v, "2018-01")["imports"], 8_000_000.0);
    assert_eq!(month(&v, "2018-02")["exports"], 61_000_000.5);
}

#[test]
fn xlsx_sheet_is_picked_and_title_rows_skipped() {
    let v = summary("workbook-title-rows-synthetic.xlsx", &[]);
    assert_eq!(v["format"], "tradedash long table (XLSX, sheet \"Данные\")");
    assert_eq!(month(&v, "2018-01")["exports"], 5_000_000.0);
    assert_eq!(month(&v, "2018-01")["imports"], 1_000_000.0);
    assert_eq!(month(&v, "2018-02")["exports"], 6_000_000.5);
    // A month typed into Excel becomes a date cell: still March.
    assert_eq!(month(&v, "2018-03")["exports"], 7_000_000.0);
    assert!(notes(&v).contains("read sheet \"Данные\" of 2"), "{}", notes(&v));
    let other = Command::new(env!("CARGO_BIN_EXE_tradedash"))
        .args([
            "summary",
            fixture("workbook-title-rows-synthetic.xlsx").to_str().unwrap(),
            "--sheet",
            "Примечания",
        ])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("the header is not one tradedash knows"));
}

#[test]
fn xlsx_wide_table_with_date_headers() {
    let v = summary("wide-dates-synthetic.xlsx", &[]);
    assert_eq!(month(&v, "2018-01")["exports"], 150_500.0);
    assert_eq!(month(&v, "2018-02")["exports"], 260_250.0);
    let kz = summary("wide-dates-synthetic.xlsx", &["--partner", "Қазақстан"]);
    assert_eq!(month(&kz, "2018-02")["exports"], 200_000.0);
}

/// Every fixture: what `summary` prints is what the window computes and shows.
#[test]
fn summary_prints_the_same_totals_as_the_window_for_every_fixture() {
    let cases: &[(&str, &[&str])] = &[
        ("comtrade-kaz-blr-synthetic.csv", &[]),
        ("comtrade-legacy-blr-kaz-synthetic.csv", &[]),
        ("long-with-bad-rows.csv", &[]),
        ("excel-unicode-text-wide-synthetic.txt", &[]),
        ("wide-kazakh-synthetic.csv", &[]),
        ("wide-english-flows-synthetic.csv", &[]),
        ("wide-commodities-2018M-synthetic.csv", &[]),
        ("comtrade-tradevalueus-synthetic.csv", &[]),
        ("comtrade-legacy-synthetic.xls", &[]),
        ("workbook-title-rows-synthetic.xlsx", &[]),
        ("wide-dates-synthetic.xlsx", &[]),
    ];
    for (file, args) in cases {
        let mut h = common::harness_for(TradeDashApp::with_default_workspace());
        let ctx = h.ctx.clone();
        h.state_mut().apply(&ctx, tradedash::command::Command::Open(fixture(file)));
        common::wait_for_jobs(&mut h);
        // A file about other trade than the example's asks first: it gets a workspace of its own.
        if let Some(new) = h.query_by_label("Start a new workspace") {
            new.click();
            h.run_steps(8);
        }
        // The window keeps the reporter and partner chosen before where the new file has them:
        // ask the command line for the same selection.
        let sel = h.state().workspace().selection.clone();
        let mut args: Vec<&str> = args.to_vec();
        if let Some(r) = &sel.reporter {
            args.extend(["--reporter", r]);
        }
        if let Some(p) = &sel.partner {
            args.extend(["--partner", p]);
        }
        let cli = summary(file, &args);
        let from_window = tradedash::cli::summary_json(
            &h.state().workspace_with_data(),
            h.state().import_report(),
            &h.state().workspace().selection,
        );
        let mut window = serde_json::to_value(&from_window).unwrap();
        // With the quality fields the command line adds from the same report (skipped rows per
        // month and year).
        tradedash::io::import::extend_summary_json(
            &mut window,
            h.state().import_report(),
            &h.state().workspace().selection,
        );
        assert_eq!(cli["months"], window["months"], "{file}");
        assert_eq!(cli["years"], window["years"], "{file}");
        assert_eq!(cli["rows_skipped"], window["rows_skipped"], "{file}");
        // And the cache the chart and the sidebar draw from holds the same figures.
        let shown = h.state().shown_aggregate();
        let cli_months = cli["months"].as_array().unwrap();
        assert_eq!(shown.months.len(), cli_months.len(), "{file}");
        for (m, c) in shown.months.iter().zip(cli_months) {
            assert_eq!(c["period"], m.period.to_string(), "{file}");
            // `null` in both for a file that holds one flow (unknown, not zero).
            assert_eq!(c["turnover"].as_f64(), m.sums.turnover_usd(), "{file} {}", m.period);
        }
        let cli_years = cli["years"].as_array().unwrap();
        assert_eq!(shown.years.len(), cli_years.len(), "{file}");
        for (y, c) in shown.years.iter().zip(cli_years) {
            assert_eq!(c["turnover"].as_f64(), y.sums.turnover_usd(), "{file} {}", y.year);
            assert_eq!(c["months"].as_u64().unwrap(), u64::from(y.months), "{file} {}", y.year);
        }
    }
}

/// Writes the XLSX fixtures. Run once after changing them:
/// `cargo test --test import_formats -- --ignored make_xlsx_fixtures`.
#[test]
#[ignore = "writes fixtures"]
fn make_xlsx_fixtures() {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let fixed_time = ExcelDateTime::from_ymd(2018, 9, 11).unwrap();

    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed_time));
    let notes = book.add_worksheet();
    notes.set_name("Примечания").unwrap();
    notes.write_string(0, 0, "Синтетические данные для тестов tradedash; значения выдуманы.").unwrap();
    let data = book.add_worksheet();
    data.set_name("Данные").unwrap();
    data.write_string(0, 0, "Brest Oblast – Kazakhstan trade (synthetic values), US dollars").unwrap();
    for (c, h) in ["period", "reporter", "partner", "flow", "commodity", "value_usd"].iter().enumerate() {
        data.write_string(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let rows: [(&str, &str, f64); 3] = [
        ("2018-01", "export", 5_000_000.0),
        ("2018-01", "import", 1_000_000.0),
        ("2018-02", "export", 6_000_000.5),
    ];
    for (r, (period, flow, value)) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap() + 3;
        data.write_string(r, 0, *period).unwrap();
        data.write_string(r, 1, "Брестская область").unwrap();
        data.write_string(r, 2, "Казахстан").unwrap();
        data.write_string(r, 3, *flow).unwrap();
        data.write_string(r, 4, "TOTAL").unwrap();
        data.write_number(r, 5, *value).unwrap();
    }
    let date = Format::new().set_num_format("mmm-yy");
    data.write_datetime_with_format(6, 0, ExcelDateTime::from_ymd(2018, 3, 1).unwrap(), &date).unwrap();
    data.write_string(6, 1, "Брестская область").unwrap();
    data.write_string(6, 2, "Казахстан").unwrap();
    data.write_string(6, 3, "export").unwrap();
    data.write_string(6, 4, "TOTAL").unwrap();
    data.write_number(6, 5, 7_000_000.0).unwrap();
    book.save(fixture("workbook-title-rows-synthetic.xlsx")).unwrap();

    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed_time));
    let sheet = book.add_worksheet();
    sheet.set_name("Экспорт").unwrap();
    sheet.write_string(0, 0, "Экспорт по странам (синтетические данные), тыс. долл. США").unwrap();
    sheet.write_string(1, 0, "Страна").unwrap();
    for (c, m) in [(1u16, 1u8), (2, 2)] {
        sheet.write_datetime_with_format(1, c, ExcelDateTime::from_ymd(2018, m, 1).unwrap(), &date).unwrap();
    }
    sheet.write_string(1, 3, "Итого").unwrap();
    for (r, (name, jan, feb)) in
        [("Қазақстан", 100.5, 200.0), ("Россия", 50.0, 60.25), ("Всего", 150.5, 260.25)].iter().enumerate()
    {
        let r = u32::try_from(r).unwrap() + 2;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_number(r, 1, *jan).unwrap();
        sheet.write_number(r, 2, *feb).unwrap();
        sheet.write_number(r, 3, jan + feb).unwrap();
    }
    book.save(fixture("wide-dates-synthetic.xlsx")).unwrap();
}
