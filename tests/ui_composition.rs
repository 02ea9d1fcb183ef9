//! The Composition tab driven as a person would: open the synthetic composition fixture, pick
//! Kazakhstan, drill from chapter 04 to its headings, and open the monthly chart on 0402.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::{ScriptedDialogs, fixture, harness, wait_for_jobs};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::query::Selection;

fn apply(h: &mut Harness<'static, TradeDashApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, c);
}

#[test]
fn drill_from_chapter_04_to_0402_and_open_its_monthly_chart() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("long-composition-synthetic.csv")));
    wait_for_jobs(&mut h);
    let kaz = Selection { partner: Some("KAZ".into()), ..h.state().workspace().selection.clone() };
    apply(&mut h, Command::SetSelection(kaz));
    h.run();
    h.get_by_role_and_label(Role::Button, "Composition").click();
    h.run();
    // Chapters of Jan–Mar 2019 for Kazakhstan, names shipped with the app (the file has codes only).
    h.get_by_label_contains("+25.0% on Jan–Mar 2018");
    h.get_by_label_contains("03 Fish and crustaceans");
    h.get_by_label("+12.5 pp");
    h.get_by_label("50.0%");
    h.get_by_label_contains("04 Dairy produce").click();
    h.run();
    // Headings of 04, named by the file; contributions to chapter 04's +25%.
    h.get_by_label_contains("0402 Milk and cream, concentrated or sweetened");
    h.get_by_label_contains("0406 Cheese and curd");
    h.get_by_label("+10.0 pp");
    assert!(h.query_by_label_contains("Fish and crustaceans").is_none(), "only chapter 04's headings");
    // The breadcrumbs lead back to all products.
    h.get_by_label("04");
    h.get_by_label("All products");
    // 0402 is the largest heading: its row's Monthly button is the first.
    h.get_all_by_label("Monthly").next().unwrap().click();
    h.run();
    assert_eq!(h.state().workspace().selection.commodity.as_deref(), Some("0402"));
    assert_eq!(h.state().workspace().selection.partner.as_deref(), Some("KAZ"));
    assert!(h.query_by_label("Contribution to growth").is_none(), "the monthly chart is shown");
}

#[test]
fn breadcrumbs_go_back_and_partners_never_list_world() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("long-composition-synthetic.csv")));
    wait_for_jobs(&mut h);
    h.get_by_role_and_label(Role::Button, "Composition").click();
    h.run();
    h.get_by_label("Partners").click();
    h.run();
    h.get_by_label_contains("RUS Russian Federation");
    h.get_by_label_contains("UZB Uzbekistan");
    assert!(h.query_by_label_contains("World").is_none(), "World is never ranked");
    h.get_by_label("Products").click();
    h.run();
    h.get_by_label_contains("04 Dairy produce").click();
    h.run();
    h.get_by_label("All products").click();
    h.run();
    h.get_by_label_contains("84 Nuclear reactors");
}

#[test]
fn the_view_is_saved_as_csv_with_other_and_total() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("long-composition-synthetic.csv")));
    wait_for_jobs(&mut h);
    let kaz = Selection { partner: Some("KAZ".into()), ..h.state().workspace().selection.clone() };
    apply(&mut h, Command::SetSelection(kaz));
    h.run();
    h.get_by_role_and_label(Role::Button, "Composition").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("composition.csv");
    dialogs.answer(path.clone());
    h.get_by_label("Save CSV…").click();
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "code,name,value_usd,share_pct,previous_usd,change_pct,contribution_pp,period_from,period_to"
    );
    assert_eq!(
        lines[1],
        "04,Dairy produce; birds' eggs; natural honey,15000000.00,50,12000000.00,25,12.5,2019-01,2019-03"
    );
    assert_eq!(lines[4], ",other,1500000.00,5,0.00,,6.25,2019-01,2019-03");
    assert_eq!(lines[5], ",total,30000000.00,100,24000000.00,25,25,2019-01,2019-03");
}

#[test]
fn a_visit_stop_opens_the_composition_of_its_products() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("long-composition-synthetic.csv")));
    wait_for_jobs(&mut h);
    let kaz = Selection { partner: Some("KAZ".into()), ..h.state().workspace().selection.clone() };
    apply(&mut h, Command::SetSelection(kaz));
    h.run();
    h.get_by_role_and_label(Role::Button, "Visit").click();
    h.run();
    // Santa Bremor's stop in the built-in visit names HS 03 and 16.
    h.get_by_label("Composition of HS 03, 16").click();
    h.run();
    h.get_by_label("HS 03, 16");
    h.get_by_label_contains("03 Fish and crustaceans");
    h.get_by_label_contains("$6 million, +33.3% on Jan–Mar 2018");
    assert!(h.query_by_label_contains("Dairy produce").is_none(), "only the stop's products");
}

/// Unit values and the price and volume effects on `comtrade-quantities-synthetic.csv`
/// (synthetic), figures worked out by hand in tests/cli_breakdown.rs.
#[test]
fn unit_values_and_effects_show_and_unknown_quantities_say_so() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("comtrade-quantities-synthetic.csv")));
    wait_for_jobs(&mut h);
    h.get_by_role_and_label(Role::Button, "Composition").click();
    h.run();
    h.get_by_label("Unit value");
    h.get_by_label("Price / volume effect");
    // Chapter 87 in kilograms: $13.33/kg → $16.67/kg; +$60 thousand price, +$40 thousand volume.
    h.get_by_label("$16.67/kg");
    h.get_by_label("+$60 thousand / +$40 thousand");
    // Chapters 03 (a zero net weight) and 04 (an estimated one) in 2019: unknown, never $∞/kg.
    assert!(h.get_all_by_label("unknown").count() >= 4, "unit value and effects of 03 and 04");
    assert!(h.query_by_label_contains("∞").is_none());
    h.get_by_label_contains("87 SYNTHETIC: Vehicles").click();
    h.run();
    // Heading 8703, cars in units: $25,000 a car.
    h.get_by_label("$25,000/u");
}
