//! Periods longer than a month as statistics offices publish them (issue 14): cumulative
//! spans with a published growth column, quarters, a workbook with a two-row header, and the
//! long format's ranges, read through `summary --json`. Every expected figure is worked out by
//! hand from the fixture (see the comments); the fixtures are synthetic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]

mod run;

use run::{fixture, month, summary_json, tradedash, year};
use serde_json::{Value, json};

/// The span `from..to` of a `summary --json` object.
fn span<'a>(v: &'a Value, from: &str, to: &str) -> &'a Value {
    v["spans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["from"] == from && s["to"] == to)
        .unwrap_or_else(|| panic!("no span {from}..{to} in {}", v["spans"]))
}

#[test]
fn cumulative_spans_in_cp1251_with_a_growth_column_give_derived_months_and_quarters() {
    let file = fixture("spans-cumulative-cp1251-synthetic.csv");
    // Kazakhstan, thousands of dollars: Jan–Mar 20 100,5; Jan–Jun 45 200,0; Jan–Jul 58 300,0
    // at 118,6% of Jan–Jul 2017. Exports only (the title says so): imports are unknown.
    let v = summary_json(&[&file, "--partner", "Казахстан"]);
    assert_eq!(v["flows_not_in_file"], json!(["imports"]));
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!(jul["exports"], 58_300_000.0);
    assert_eq!(jul["imports"], Value::Null);
    assert_eq!(jul["published_change_pct"], json!({"exports": 18.6, "imports": null, "turnover": null}));
    assert_eq!(jul["derived"], false);
    assert_eq!(span(&v, "2018-01", "2018-03")["exports"], 20_100_500.0);
    assert_eq!(span(&v, "2018-01", "2018-03")["published_change_pct"], Value::Null);
    // Derived: April–June = 45 200 000 − 20 100 500; July = 58 300 000 − 45 200 000.
    let q2 = span(&v, "2018-04", "2018-06");
    assert_eq!((q2["exports"].as_f64(), q2["derived"].as_bool()), (Some(25_099_500.0), Some(true)));
    let july = month(&v, "2018-07");
    assert_eq!((july["exports"].as_f64(), july["derived"].as_bool()), (Some(13_100_000.0), Some(true)));
    assert_eq!(v["months"].as_array().unwrap().len(), 1);
    // The derived July counts in its year, which says so (docs/data-formats.md).
    let y = year(&v, 2018);
    assert_eq!((y["exports"].as_f64(), y["months"].as_u64()), (Some(13_100_000.0), Some(1)));
    assert_eq!(y["derived_months"], json!(["2018-07"]));

    // All partners: the Всего row is World and is used instead of the countries, with its own
    // published rate (107,3%); July = 308 300 000 − 255 200 250.
    let v = summary_json(&[&file]);
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!(
        (jul["exports"].as_f64(), jul["published_change_pct"]["exports"].as_f64()),
        (Some(308_300_000.0), Some(7.3))
    );
    assert_eq!(month(&v, "2018-07")["exports"], 53_099_750.0);
    assert!(v["notes"].to_string().contains("read as the growth rate published with"), "{}", v["notes"]);
}

#[test]
fn quarters_in_utf8_are_figures_of_their_own_and_nothing_is_derived_from_them() {
    // Millions of dollars; Q1 exports 120,5, imports 30; Q4 exports 150,5, imports 45.
    let v = summary_json(&[&fixture("spans-quarters-synthetic.csv")]);
    let q1 = span(&v, "2018-01", "2018-03");
    assert_eq!(
        [&q1["exports"], &q1["imports"], &q1["turnover"], &q1["balance"]],
        [&json!(120_500_000.0), &json!(30_000_000.0), &json!(150_500_000.0), &json!(90_500_000.0)]
    );
    let q4 = span(&v, "2018-10", "2018-12");
    assert_eq!((q4["exports"].as_f64(), q4["imports"].as_f64()), (Some(150_500_000.0), Some(45_000_000.0)));
    assert_eq!(v["spans"].as_array().unwrap().len(), 4);
    assert!(v["spans"].as_array().unwrap().iter().all(|s| s["derived"] == false));
    // Four quarters are not a year, and no month is made up.
    assert!(v["months"].as_array().unwrap().is_empty() && v["years"].as_array().unwrap().is_empty());
}

#[test]
fn long_ranges_with_published_changes_and_an_annual_record() {
    let (code, stdout, stderr) = tradedash(&["summary", "--json", &fixture("long-spans-synthetic.csv")]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    // Two rows refused with their reasons; the rest read.
    assert_eq!((v["rows_read"].as_u64(), v["rows_skipped"].as_u64()), (Some(10), Some(2)));
    let skipped = v["skipped_lines"].to_string();
    assert!(skipped.contains("months as YYYY-MM..YYYY-MM"), "{skipped}");
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!(jul["published_change_pct"], json!({"exports": 25.0, "imports": -3.5, "turnover": null}));
    // July = Jan–Jul − Jan–Jun: 70 M and 10 M; Q4 = year − Jan–Sep: 200 M and 11 M.
    let july = month(&v, "2018-07");
    assert_eq!(
        [&july["exports"], &july["imports"], &july["turnover"], &july["balance"], &july["derived"]],
        [
            &json!(70_000_000.0),
            &json!(10_000_000.0),
            &json!(80_000_000.0),
            &json!(60_000_000.0),
            &json!(true)
        ]
    );
    let q4 = span(&v, "2018-10", "2018-12");
    assert_eq!(
        (q4["exports"].as_f64(), q4["imports"].as_f64(), q4["derived"].as_bool()),
        (Some(200_000_000.0), Some(11_000_000.0), Some(true))
    );
    // Jan–Jul to Jan–Sep is two months: nothing derived. The year stays in "years".
    assert!(v["spans"].as_array().unwrap().iter().all(|s| s["from"] != "2018-08"));
    assert!(v["spans"].as_array().unwrap().iter().all(|s| s["to"] != "2018-12" || s["from"] != "2018-01"));
    assert_eq!(
        (year(&v, 2018)["exports"].as_f64(), year(&v, 2018)["months"].as_u64()),
        (Some(800_000_000.0), Some(12))
    );
    // The annual record already covers the derived July: not counted twice, nothing derived in it.
    assert!(year(&v, 2018).get("derived_months").is_none());
}

#[test]
fn a_workbook_with_flows_merged_over_the_period_columns() {
    let file = fixture("spans-two-row-header-synthetic.xlsx");
    // Kazakhstan, thousands: exports Jan–Jul 58 300 (118,6%), imports 12 000 (95,0%).
    let v = summary_json(&[&file, "--partner", "Казахстан"]);
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!(
        [&jul["exports"], &jul["imports"], &jul["turnover"], &jul["balance"]],
        [&json!(58_300_000.0), &json!(12_000_000.0), &json!(70_300_000.0), &json!(46_300_000.0)]
    );
    assert_eq!(jul["published_change_pct"], json!({"exports": 18.6, "imports": -5.0, "turnover": null}));
    // Both partners: the sums (308 300 and 102 000) have no published rate.
    let v = summary_json(&[&file]);
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!(
        (jul["exports"].as_f64(), jul["imports"].as_f64()),
        (Some(308_300_000.0), Some(102_000_000.0))
    );
    assert_eq!(jul["published_change_pct"], Value::Null);
}

/// `(exports, imports)` of the span `from..to`, and whether it is derived.
fn flows(v: &Value, from: &str, to: &str) -> (Option<f64>, Option<f64>, bool) {
    let s = span(v, from, to);
    (s["exports"].as_f64(), s["imports"].as_f64(), s["derived"].as_bool().unwrap())
}

#[test]
fn every_period_form_has_a_fixture_read_by_hand() {
    // Russian, `;`, decimal commas, thousands: `1 кв. 2018` (Jan–Mar), `I полугодие 2018`
    // (Jan–Jun), `январь-июль 2018`, `9 месяцев 2018` (Jan–Sep), `янв.-июль 2017`.
    let v = summary_json(&[&fixture("spans-forms-ru-synthetic.csv")]);
    assert_eq!(v["rows_skipped"], 0);
    assert_eq!(flows(&v, "2018-01", "2018-03"), (Some(20e6), Some(3e6), false));
    assert_eq!(flows(&v, "2018-01", "2018-06"), (Some(45e6), Some(7e6), false));
    assert_eq!(flows(&v, "2018-01", "2018-07"), (Some(58e6), Some(9e6), false));
    assert_eq!(flows(&v, "2018-01", "2018-09"), (Some(70e6), Some(10_500_500.0), false));
    assert_eq!(flows(&v, "2017-01", "2017-07"), (Some(49e6), Some(8e6), false));
    // Derived: Q2 = H1 − Q1 (45 − 20, 7 − 3); July = Jan–Jul − H1 (58 − 45, 9 − 7); Aug–Sep
    // is two months, neither a month nor a quarter: not derived.
    assert_eq!(flows(&v, "2018-04", "2018-06"), (Some(25e6), Some(4e6), true));
    assert_eq!(v["spans"].as_array().unwrap().len(), 6);
    let jul = month(&v, "2018-07");
    assert_eq!(
        (&jul["exports"], &jul["imports"], &jul["derived"]),
        (&json!(13e6), &json!(2e6), &json!(true))
    );
    // The year holds its derived July, once, and says so.
    assert_eq!(year(&v, 2018)["turnover"], 15e6);
    assert_eq!(year(&v, 2018)["months"], 1);
    assert_eq!(year(&v, 2018)["derived_months"], json!(["2018-07"]));

    // English, thousands: `Q1 2018`, `2018-Q2`, `2018Q3`, `H1 2018`, `Jan–Jul 2018`,
    // `Jan-Jun 2017`, `January-July 2017`, `9M 2018`.
    let v = summary_json(&[&fixture("spans-forms-en-synthetic.csv")]);
    assert_eq!(v["rows_skipped"], 0);
    assert_eq!(flows(&v, "2018-01", "2018-03"), (Some(20e3), Some(3e3), false));
    // Q2 is published: it is not derived again from H1 − Q1.
    assert_eq!(flows(&v, "2018-04", "2018-06"), (Some(25e3), Some(4e3), false));
    assert_eq!(flows(&v, "2018-07", "2018-09"), (Some(21e3), Some(3.5e3), false));
    assert_eq!(flows(&v, "2018-01", "2018-06"), (Some(45e3), Some(7e3), false));
    assert_eq!(flows(&v, "2018-01", "2018-07"), (Some(58e3), Some(9e3), false));
    assert_eq!(flows(&v, "2018-01", "2018-09"), (Some(70e3), Some(10.5e3), false));
    assert_eq!(flows(&v, "2017-01", "2017-06"), (Some(40e3), Some(6e3), false));
    assert_eq!(flows(&v, "2017-01", "2017-07"), (Some(49e3), Some(8e3), false));
    assert_eq!(v["spans"].as_array().unwrap().len(), 8);
    // July of both years derived: 58 − 45, 9 − 7; 49 − 40, 8 − 6.
    assert_eq!(month(&v, "2018-07")["turnover"], 15e3);
    assert_eq!(month(&v, "2017-07")["turnover"], 11e3);
    assert_eq!(year(&v, 2017)["derived_months"], json!(["2017-07"]));

    // Kazakh, exports (the title says so), thousands: `1-тоқсан 2018`, `қаңтар-маусым 2018`,
    // `қаңтар-шілде 2018`, `9 ай 2018`.
    let v = summary_json(&[&fixture("spans-forms-kk-synthetic.csv")]);
    assert_eq!(v["rows_skipped"], 0);
    assert_eq!(v["flows_not_in_file"], json!(["imports"]));
    assert_eq!(flows(&v, "2018-01", "2018-03"), (Some(20e6), None, false));
    assert_eq!(flows(&v, "2018-01", "2018-06"), (Some(45e6), None, false));
    assert_eq!(flows(&v, "2018-01", "2018-07"), (Some(58_000_500.0), None, false));
    assert_eq!(flows(&v, "2018-01", "2018-09"), (Some(70e6), None, false));
    assert_eq!(flows(&v, "2018-04", "2018-06"), (Some(25e6), None, true));
    assert_eq!(month(&v, "2018-07")["exports"], 13_000_500.0);
}

#[test]
fn a_two_row_header_is_read_under_an_explicit_mapping_too() {
    let file = fixture("spans-two-row-header-synthetic.xlsx");
    // `Страна` is in the upper row (merged down); the periods and the flows above them come
    // from the two rows fused, as when the header is recognised without a mapping.
    let v = summary_json(&[&file, "--map", "partner=Страна,period=months", "--partner", "Казахстан"]);
    let jul = span(&v, "2018-01", "2018-07");
    assert_eq!((jul["exports"].as_f64(), jul["imports"].as_f64()), (Some(58_300_000.0), Some(12_000_000.0)));
    assert_eq!(jul["published_change_pct"], json!({"exports": 18.6, "imports": -5.0, "turnover": null}));
    assert!(v["notes"].to_string().contains("lines 2–3 read as one header"), "{}", v["notes"]);
    // A mapping that also sets the flow contradicts the header: refused, naming its rows.
    let (code, out, err) =
        tradedash(&["summary", &file, "--map", "partner=Страна,period=months", "--set", "flow=export"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("lines 2–3 are one header of two rows"), "{err}");
    assert!(err.contains("leave the flow out of the mapping"), "{err}");
}

/// Writes `spans-two-row-header-synthetic.xlsx`:
/// `cargo test --test spans -- --ignored make_spans_xlsx`.
#[test]
#[ignore = "writes a fixture"]
fn make_spans_xlsx() {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2018, 9, 11).unwrap()),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Январь-июль").unwrap();
    sheet
        .write_string(0, 0, "Внешняя торговля Брестской области (синтетические данные), тыс. долл. США")
        .unwrap();
    let plain = Format::new();
    sheet.merge_range(1, 0, 2, 0, "Страна", &plain).unwrap();
    sheet.merge_range(1, 1, 1, 2, "Экспорт", &plain).unwrap();
    sheet.merge_range(1, 3, 1, 4, "Импорт", &plain).unwrap();
    for c in [1u16, 3] {
        sheet.write_string(2, c, "январь-июль 2018").unwrap();
        sheet.write_string(2, c + 1, "в % к январю-июлю 2017 г.").unwrap();
    }
    for (r, (name, values)) in
        [("Казахстан", [58_300.0, 118.6, 12_000.0, 95.0]), ("Россия", [250_000.0, 105.2, 90_000.0, 110.0])]
            .iter()
            .enumerate()
    {
        let r = u32::try_from(r).unwrap() + 3;
        sheet.write_string(r, 0, *name).unwrap();
        for (c, v) in values.iter().enumerate() {
            sheet.write_number(r, u16::try_from(c).unwrap() + 1, *v).unwrap();
        }
    }
    book.save(fixture("spans-two-row-header-synthetic.xlsx")).unwrap();
}

#[test]
fn a_mapping_to_period_columns_on_a_header_without_any_says_so_instead_of_an_empty_list() {
    // "name,age": no column is a period.
    let file = fixture("not-trade-data.csv");
    let (code, _, stderr) = tradedash(&["summary", &file, "--map", "period=months"]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("the mapping reads one column per period, but no column of the header is a month or"),
        "{stderr}"
    );
    assert!(!stderr.contains("columns  that"), "{stderr}");
}
