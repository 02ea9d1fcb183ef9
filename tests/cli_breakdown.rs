//! `tradedash breakdown --json` on the composition fixture, against figures worked out by hand
//! (tests/fixtures/README.md describes the fixture), and the cent check on every fixture with
//! commodities or partners.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod run;

use run::{fixture, tradedash};
use serde_json::Value;

const FIXTURE: &str = "long-composition-synthetic.csv";

fn breakdown(args: &[&str]) -> Value {
    let file = fixture(FIXTURE);
    let mut all = vec!["breakdown", file.as_str(), "--json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = tradedash(&all);
    assert_eq!(code, 0, "stderr: {stderr}");
    serde_json::from_str(&stdout).expect("one JSON object")
}

/// (code, value, share %, previous, change %, contribution pp) of each item.
fn items(v: &Value) -> Vec<(String, f64, f64, f64, Option<f64>, f64)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["value"].as_f64().unwrap(),
                i["share_pct"].as_f64().unwrap(),
                i["previous"].as_f64().unwrap(),
                i["change_pct"].as_f64(),
                i["contribution_pp"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn row(
    code: &str,
    value: f64,
    share: f64,
    previous: f64,
    change: Option<f64>,
    pp: f64,
) -> (String, f64, f64, f64, Option<f64>, f64) {
    (code.to_owned(), value, share, previous, change, pp)
}

#[test]
fn chapters_for_kazakhstan_by_hand() {
    let v = breakdown(&["--partner", "KAZ"]);
    assert_eq!(v["period"]["from"], "2019-01");
    assert_eq!(v["period"]["to"], "2019-03");
    assert_eq!((v["total"].as_f64(), v["previous_total"].as_f64()), (Some(30e6), Some(24e6)));
    assert_eq!(v["change_pct"].as_f64(), Some(25.0));
    assert_eq!(
        items(&v),
        [
            row("04", 15e6, 50.0, 12e6, Some(25.0), 12.5),
            row("84", 7.5e6, 25.0, 7.5e6, Some(0.0), 0.0),
            row("03", 6e6, 20.0, 4.5e6, Some(33.3333), 6.25),
        ]
    );
    // Names shipped with the app for a file with chapter codes only.
    assert_eq!(v["items"][2]["name"], "Fish and crustaceans, molluscs and other aquatic invertebrates");
    // TOTAL above its chapters: 0.5 M a month in 2019, none in 2018.
    let other = &v["other"];
    assert_eq!((other["value"].as_f64(), other["not_broken_down"].as_f64()), (Some(1.5e6), Some(1.5e6)));
    assert_eq!((other["previous"].as_f64(), other["contribution_pp"].as_f64()), (Some(0.0), Some(6.25)));
    assert!(v["items"][0]["unit_value"].is_null() && v["items"][0]["quantity"].is_null());
}

#[test]
fn drill_from_chapter_04_to_headings_and_subheadings() {
    let v = breakdown(&["--partner", "KAZ", "--commodity", "04", "--level", "4"]);
    assert_eq!((v["total"].as_f64(), v["previous_total"].as_f64()), (Some(15e6), Some(12e6)));
    assert_eq!(
        items(&v),
        [
            row("0402", 7.5e6, 50.0, 6e6, Some(25.0), 12.5),
            row("0406", 3.6e6, 24.0, 2.4e6, Some(50.0), 10.0),
            row("0401", 3e6, 20.0, 3e6, Some(0.0), 0.0),
        ]
    );
    assert_eq!(v["items"][0]["name"], "Milk and cream, concentrated or sweetened");
    assert_eq!(v["other"]["not_broken_down"].as_f64(), Some(0.9e6));
    assert_eq!(v["other"]["contribution_pp"].as_f64(), Some(2.5));
    let six = breakdown(&["--partner", "KAZ", "--commodity", "0402", "--level", "6"]);
    assert_eq!(
        items(&six),
        [
            row("040210", 4.5e6, 60.0, 3.6e6, Some(25.0), 15.0),
            row("040221", 3e6, 40.0, 2.4e6, Some(25.0), 10.0)
        ]
    );
    assert_eq!(six["other"]["value"].as_f64(), Some(0.0));
}

#[test]
fn partner_ranking_by_hand_never_lists_world() {
    let v = breakdown(&["--by", "partner"]);
    assert_eq!((v["total"].as_f64(), v["previous_total"].as_f64()), (Some(120e6), Some(90e6)));
    assert_eq!(
        items(&v),
        [
            row("RUS", 60e6, 50.0, 54e6, Some(11.1111), 6.6667),
            row("KAZ", 30e6, 25.0, 24e6, Some(25.0), 6.6667),
            row("UZB", 3e6, 2.5, 1.5e6, Some(100.0), 1.6667),
        ]
    );
    assert_eq!(v["other"]["not_broken_down"].as_f64(), Some(27e6));
    let top = breakdown(&["--by", "partner", "--top", "1"]);
    assert_eq!(top["items"].as_array().unwrap().len(), 1);
    assert_eq!((top["other"]["items"].as_u64(), top["other"]["value"].as_f64()), (Some(2), Some(60e6)));
}

#[test]
fn without_a_partner_each_chapter_sums_the_countries_when_world_has_only_total() {
    let v = breakdown(&["--year", "2019"]);
    let values: Vec<(String, f64)> = items(&v).into_iter().map(|r| (r.0, r.1)).collect();
    assert_eq!(values, [("04".to_owned(), 54e6), ("84".to_owned(), 31.5e6), ("03".to_owned(), 6e6)]);
    assert_eq!(v["total"].as_f64(), Some(120e6));
    assert_eq!(v["other"]["not_broken_down"].as_f64(), Some(28.5e6));
    assert_eq!(v["period"]["to"], "2019-12");
}

#[test]
fn a_period_without_the_same_months_a_year_earlier_has_no_comparison() {
    let v = breakdown(&["--partner", "KAZ", "--year", "2018"]);
    assert_eq!(v["total"].as_f64(), Some(24e6));
    assert!(v["previous_total"].is_null() && v["items"][0]["contribution_pp"].is_null());
    assert_eq!(v["missing_year_earlier"], serde_json::json!(["2018-01", "2018-02", "2018-03"]));
    // April is in neither year: Jan–Apr holds the same months of data as a year earlier.
    let april = breakdown(&["--partner", "KAZ", "--from", "2019-01", "--to", "2019-04"]);
    assert_eq!(april["previous_total"].as_f64(), Some(24e6));
    let sections = breakdown(&["--partner", "KAZ", "--level", "section"]);
    assert_eq!(sections["items"][0]["code"], "I");
    assert_eq!(sections["items"][0]["value"].as_f64(), Some(21e6));
}

#[test]
fn bad_options_exit_2_with_the_reason() {
    let file = fixture(FIXTURE);
    let (code, _, err) = tradedash(&["breakdown", &file, "--level", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("--level: expected section, 1, 2, 4 or 6, found \"3\""), "{err}");
    let (code, _, err) = tradedash(&["breakdown", &file, "--from", "2019-13", "--to", "2019-12"]);
    assert_eq!(code, 2);
    assert!(err.contains("--from: expected a month YYYY-MM"), "{err}");
    let (code, out, _) = tradedash(&["breakdown", &file, "--partner", "KAZ"]);
    assert_eq!(code, 0);
    assert!(out.contains("Dairy produce") && out.contains("+12.5pp"), "{out}");
}

/// Items plus "other" make the total to the cent, now and a year earlier, on every fixture
/// that has commodities or partners, by commodity at each level and by partner.
#[test]
fn items_and_other_add_up_to_the_total_on_every_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file()
            || path.extension().is_some_and(|e| e == "ron" || e == "data" || e == "md" || e == "py")
        {
            continue;
        }
        let p = path.display().to_string();
        for args in [
            ["--by", "commodity", "--level", "2"],
            ["--by", "commodity", "--level", "6"],
            ["--by", "partner", "--level", "2"],
        ] {
            let mut all = vec!["breakdown", p.as_str(), "--json", "--top", "2"];
            all.extend_from_slice(&args);
            let (code, stdout, _) = tradedash(&all);
            if code != 0 {
                continue; // not trade data, or no exports at all
            }
            let v: Value = serde_json::from_str(&stdout).unwrap();
            let cents = |x: &Value| (x.as_f64().unwrap() * 100.0).round() as i64;
            let sum: i64 = v["items"].as_array().unwrap().iter().map(|i| cents(&i["value"])).sum::<i64>()
                + cents(&v["other"]["value"]);
            assert_eq!(sum, cents(&v["total"]), "{p} {args:?}");
            if !v["previous_total"].is_null() {
                let before: i64 =
                    v["items"].as_array().unwrap().iter().map(|i| cents(&i["previous"])).sum::<i64>()
                        + cents(&v["other"]["previous"]);
                assert_eq!(before, cents(&v["previous_total"]), "{p} {args:?}");
            }
            for i in v["items"].as_array().unwrap() {
                // A unit value only over a known quantity; effects add up to the change.
                if !i["unit_value"].is_null() {
                    assert!(i["quantity"].as_f64().unwrap() > 0.0, "{p} {args:?} {i}");
                }
                if let (Some(pe), Some(ve)) = (i["price_effect"].as_f64(), i["volume_effect"].as_f64()) {
                    let change = cents(&i["value"]) - cents(&i["previous"]);
                    assert_eq!(((pe + ve) * 100.0).round() as i64, change, "{p} {args:?} {i}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} breakdowns checked");
}

/// `tests/fixtures/comtrade-quantities-synthetic.csv`, January 2019 against January 2018, by
/// hand. Unit value p = value ÷ quantity; volume effect (q₁ − q₀) × p₀; price effect
/// (p₁ − p₀) × q₁.
#[test]
fn unit_values_and_price_and_volume_effects_by_hand() {
    let run = |level: &str| -> Value {
        let file = fixture("comtrade-quantities-synthetic.csv");
        let (code, stdout, stderr) = tradedash(&["breakdown", file.as_str(), "--json", "--level", level]);
        assert_eq!(code, 0, "stderr: {stderr}");
        serde_json::from_str(&stdout).unwrap()
    };
    let item = |v: &Value, code: &str| -> Value {
        v["items"].as_array().unwrap().iter().find(|i| i["code"] == code).cloned().unwrap()
    };
    let fields = |i: &Value| {
        [
            "quantity",
            "unit",
            "unit_value",
            "previous_quantity",
            "previous_unit_value",
            "price_effect",
            "volume_effect",
        ]
        .map(|k| i[k].clone())
    };
    let n = |x: f64| Value::from(x);
    let null = Value::Null;

    let headings = run("4");
    // 0402: $300,000 for 100,000 kg ($3/kg), then $360,000 for 90,000 kg ($4/kg):
    // volume (90,000 − 100,000) × 3 = −30,000; price (4 − 3) × 90,000 = +90,000.
    assert_eq!(
        fields(&item(&headings, "0402")),
        [n(90_000.0), "kg".into(), n(4.0), n(100_000.0), n(3.0), n(90_000.0), n(-30_000.0)]
    );
    // 8703, cars in units (one unit in both years, so units rather than kg): 10 cars at
    // $20,000, then 12 at $25,000: volume 2 × 20,000 = 40,000; price 5,000 × 12 = 60,000.
    assert_eq!(
        fields(&item(&headings, "8703")),
        [n(12.0), "u".into(), n(25_000.0), n(10.0), n(20_000.0), n(60_000.0), n(40_000.0)]
    );
    // 0406: the 2019 net weight is flagged as estimated: unknown, no unit value, no effects.
    assert_eq!(
        fields(&item(&headings, "0406")),
        [null.clone(), "kg".into(), null.clone(), n(40_000.0), n(5.0), null.clone(), null.clone()]
    );

    let chapters = run("2");
    // 87 as a chapter has no single unit: kilograms, 15,000 → 18,000 kg, $13.333… → $16.666…/kg.
    let c87 = item(&chapters, "87");
    assert_eq!((c87["unit"].as_str(), c87["quantity"].as_f64()), (Some("kg"), Some(18_000.0)));
    assert_eq!(c87["unit_value"].as_f64(), Some(16.666_667));
    assert_eq!(
        (c87["price_effect"].as_f64(), c87["volume_effect"].as_f64()),
        (Some(60_000.0), Some(40_000.0))
    );
    // 03: a zero net weight in 2019 is unknown, never $∞/kg.
    let c03 = item(&chapters, "03");
    assert_eq!((c03["quantity"].clone(), c03["unit_value"].clone()), (null.clone(), null.clone()));
    assert_eq!(c03["previous_unit_value"].as_f64(), Some(5.0));
    // "other" mixes products: no quantity.
    assert!(chapters["other"]["quantity"].is_null() && chapters["other"]["unit"].is_null());

    // 040221: $200,000 for 60,000 kg, then $240,000 for 60,000 kg: all price (+40,000).
    let sub = run("6");
    let s = item(&sub, "040221");
    assert_eq!((s["price_effect"].as_f64(), s["volume_effect"].as_f64()), (Some(40_000.0), Some(0.0)));
    assert_eq!(s["previous_unit_value"].as_f64(), Some(3.333_333));
}
