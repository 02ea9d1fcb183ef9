//! The targets panel driven as an analyst would, in the real app: open the Targets tab, add a
//! target, change it, and read the gap and the growth needed off the gauge card.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::ScriptedDialogs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::io::workspace_file::default_workspace;

/// The app on the built-in workspace, showing the Targets tab.
fn targets_tab(dialogs: &ScriptedDialogs) -> Harness<'static, TradeDashApp> {
    common::on_tab(dialogs, [1280.0, 1400.0], "Targets")
}

/// Replaces the text of the field labelled `label`, as a person would: click, select all, type.
fn set_field(h: &mut Harness<'_, TradeDashApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// How many "Delete" buttons the sidebar's reported figures have; the cards' come after them.
fn sidebar_deletes(h: &Harness<'_, TradeDashApp>) -> usize {
    h.state().workspace().reported.len()
}

#[test]
fn create_a_target_then_change_its_value() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    h.get_by_label("Add target").click();
    h.run();
    set_field(&mut h, "Name", "Brest Oblast trade to $100 million");
    // Reporter and partner come prefilled from the app's selection.
    assert_eq!(h.get_by_label("Reporter (code or name)").value().as_deref(), Some("BY-BR"));
    assert_eq!(h.get_by_label("Partner (code or name)").value().as_deref(), Some("KAZ"));
    // The data ends in July 2018: the last full year, 2017, is the suggested baseline year.
    assert_eq!(h.get_by_label("Baseline year").value().as_deref(), Some("2017"));
    set_field(&mut h, "Target value (USD)", "100 million");
    set_field(&mut h, "Deadline year", "2020");
    h.get_by_label("Save target").click();
    h.run();

    assert_eq!(h.state().workspace().targets.len(), 2);
    assert!(h.state().is_dirty(), "a new target is an unsaved change");
    h.get_by_label("Brest Oblast trade to $100 million");
    // 2017 in the sample data is $86.94 million: $13.06 million short, 13.1% of the target;
    // (100 / 86.94)^(1/3) − 1 = +4.8% a year from 2017 to 2020.
    h.get_by_label("$86.9 million (2017)");
    h.get_by_label("$13.1 million (13.1%)");
    h.get_by_label("+4.8% a year, 2017–2020");
    h.get_by_label("Current value from SAMPLE data (illustrative)");

    h.get_all_by_label("Edit target").nth(1).unwrap().click();
    h.run();
    assert_eq!(h.get_by_label("Target value (USD)").value().as_deref(), Some("100 million"));
    set_field(&mut h, "Target value (USD)", "150 million");
    h.get_by_label("Save target").click();
    h.run();

    assert_eq!(h.state().workspace().targets[1].target_usd, 150e6);
    assert!(h.query_by_label("$13.1 million (13.1%)").is_none());
    // (150 − 86.94) / 150 = 42.0%; (150 / 86.94)^(1/3) − 1 = +19.9% a year.
    h.get_by_label("$63.1 million (42.0%)");
    h.get_by_label("+19.9% a year, 2017–2020");
}

#[test]
fn year_to_date_basis_shows_the_seed_growth() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    h.get_by_label("Add target").click();
    h.run();
    set_field(&mut h, "Target value (USD)", "120 million");
    set_field(&mut h, "Deadline year", "2020");
    h.get_by_label("Current value").click();
    h.run();
    h.get_by_label("Year to date").click();
    h.run();
    h.get_by_label("Save target").click();
    h.run();
    // Jan–Jul 2018: $58.3 million, +18.6% on Jan–Jul 2017, as the governor said.
    h.get_by_label("$58.3 million (Jan–Jul 2018)");
    h.get_by_label("+18.6% year on year");
    // $120 million − $58.3 million = $61.7 million, 51.4% of the target.
    h.get_by_label("$61.7 million (51.4%)");
    // On the path to $120 million by 2020, 2018 should be at 86.94 × 1.1134 = $96.8 million; the
    // year to date annualised (58.3 × 86.94 / 49.16 = $103.1 million) is ahead of it.
    h.get_by_label("$96.8 million for 2018: ahead");
}

#[test]
fn invalid_entries_explain_themselves_and_cannot_be_saved() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    h.get_by_label("Add target").click();
    h.run();
    h.get_by_label("The target value must be more than $0.");
    set_field(&mut h, "Target value (USD)", "-5");
    h.get_by_label("The target value must be more than $0.");
    set_field(&mut h, "Target value (USD)", "lots");
    h.get_by_label_contains("“lots” is not an amount");
    set_field(&mut h, "Target value (USD)", "1 billion");
    set_field(&mut h, "Deadline year", "2016");
    h.get_by_label("The deadline (2016) must come after the baseline year (2017).");
    h.get_by_label("Save target").click();
    h.run();
    assert_eq!(h.state().workspace().targets.len(), 1, "an invalid target is not saved");
    set_field(&mut h, "Deadline year", "2021");
    assert!(h.query_by_label_contains("must come after").is_none());
    h.get_by_label("Save target").click();
    h.run();
    assert_eq!(h.state().workspace().targets.len(), 2);
}

#[test]
fn default_target_shows_the_latest_reported_figure_and_asks_for_a_deadline() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    h.get_by_label("Belarus – Kazakhstan trade to $1 billion");
    // The latest reported figure for Belarus – Kazakhstan, with its source: 2018, $896 million,
    // +30.0%, Belarus' statistics; 89.6% of the goal, reached in 2019 at that growth.
    h.get_by_label("$896 million (2018, reported: law.by, legal news, August 2019; statistics of Belarus)");
    h.get_by_label("Gauge: $896 million of $1 billion, 89.6% of the target");
    h.get_by_label("$104 million (10.4%)");
    h.get_by_label("+30.0% year on year");
    h.get_by_label("in 2019 at this rate");
    h.get_by_label("set a deadline");
    h.get_by_label("No deadline set: edit the target to set one.");
    // Pinned to the data: the example's data holds Belarus – Kazakhstan 2018 as exports plus
    // imports ($783.7 + $112.3 million), the same $896 million, now computed, not reported.
    h.get_by_label("Edit target").click();
    h.run();
    h.get_by_label("Current figure").click();
    h.run();
    h.get_by_label("The data's figure only").click();
    h.run();
    h.get_by_label("Save target").click();
    h.run();
    assert!(h.query_by_label_contains("reported: law.by").is_none(), "no longer the reported figure");
    h.get_by_label("Gauge: $896 million of $1 billion, 89.6% of the target");
    h.get_by_label("$104 million (10.4%)");
    // Setting a deadline gives the growth needed: (1000 / 690)^(1/3) − 1 = +13.2% a year.
    h.get_by_label("Edit target").click();
    h.run();
    set_field(&mut h, "Deadline year", "2020");
    h.get_by_label("Save target").click();
    h.run();
    h.get_by_label("+13.2% a year, 2017–2020");
    assert!(h.query_by_label_contains("No deadline set").is_none());
    assert_eq!(h.state().workspace().targets[0].deadline_year, Some(2020));
}

#[test]
fn duplicate_delete_and_export_request() {
    let dialogs = ScriptedDialogs::default();
    let mut h = targets_tab(&dialogs);
    h.get_by_label("Duplicate").click();
    h.run();
    assert_eq!(h.state().workspace().targets.len(), 2);
    assert_eq!(h.state().workspace().targets[1].name, "Belarus – Kazakhstan trade to $1 billion (copy)");
    h.get_all_by_label("Delete").nth(sidebar_deletes(&h) + 1).unwrap().click();
    h.run();
    assert_eq!(h.state().workspace().targets.len(), 2, "nothing is deleted before confirming");
    h.get_by_label("Keep").click();
    h.run();
    h.get_all_by_label("Delete").nth(sidebar_deletes(&h) + 1).unwrap().click();
    h.run();
    h.get_by_label("Yes, delete").click();
    h.run();
    assert_eq!(h.state().workspace().targets, default_workspace().targets);
    // Export asks where to save, suggesting a name made from the target's name. (Without a
    // renderer the screenshot never arrives; the Xvfb check covers the written PNG.)
    h.get_by_label("Export PNG…").click();
    h.run();
    assert_eq!(dialogs.suggested(), ["belarus-kazakhstan-trade-to-1-billion-gauge.png"]);
}

#[test]
fn idle_frames_compute_no_statuses() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    let before = h.state().target_evaluations();
    assert!(before >= 1);
    for _ in 0..5 {
        h.step();
    }
    assert_eq!(h.state().target_evaluations(), before);
}

#[test]
fn an_edit_lands_on_its_target_even_after_another_is_deleted() {
    let mut h = targets_tab(&ScriptedDialogs::default());
    h.get_by_label("Duplicate").click();
    h.run();
    // Edit the copy, then delete the original while the editor is open.
    h.get_all_by_label("Edit target").nth(1).unwrap().click();
    h.run();
    h.get_all_by_label("Delete").nth(sidebar_deletes(&h)).unwrap().click();
    h.run();
    h.get_by_label("Yes, delete").click();
    h.run();
    assert_eq!(h.state().workspace().targets.len(), 1);
    set_field(&mut h, "Deadline year", "2020");
    h.get_by_label("Save target").click();
    h.run();
    let targets = &h.state().workspace().targets;
    assert_eq!(targets.len(), 1, "the edit replaced the copy, it did not add a target");
    assert_eq!(targets[0].name, "Belarus – Kazakhstan trade to $1 billion (copy)");
    assert_eq!(targets[0].deadline_year, Some(2020));
}
