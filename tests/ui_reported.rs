//! Reported figures in the sidebar, driven as an analyst would: add one with the editor (with
//! its validation messages), see the gauge take it up, edit it, delete it, undo.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::ScriptedDialogs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;

fn set_field(h: &mut Harness<'_, TradeDashApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn add_edit_delete_and_undo_a_reported_figure() {
    let mut h = common::on_tab(&ScriptedDialogs::default(), [1280.0, 1400.0], "Targets");
    let before = h.state().workspace().reported.clone();
    // The built-in figures are listed with their sources, the derived one marked as such.
    h.get_by_label("Brest Oblast – Kazakhstan turnover, Jan–Jul 2018");
    h.get_by_label("derived from the published growth rate");
    h.get_by_label("Add reported figure").click();
    h.run();
    // Reporter and partner come from the selection, by name.
    assert_eq!(h.get_by_label("Whose trade").value().as_deref(), Some("Brest Oblast"));
    assert_eq!(h.get_by_label("With whom").value().as_deref(), Some("Kazakhstan"));
    h.get_by_label_contains("is not a period");
    h.get_by_label("Name the source: a reported figure is only as good as where it was published.");
    set_field(&mut h, "Period", "I полугодие 2019");
    set_field(&mut h, "Whose trade", "Belarus");
    set_field(&mut h, "Value (USD)", "lots");
    h.get_by_label_contains("“lots” is not an amount above $0");
    set_field(&mut h, "Value (USD)", "1.2 billion");
    set_field(&mut h, "Published growth, %", "-150");
    h.get_by_label("Published growth: −100% or less is not possible.");
    set_field(&mut h, "Published growth, %", "12.5");
    set_field(&mut h, "Source", "Belstat press release");
    h.get_by_label("Save figure").click();
    h.run();
    let added = h.state().workspace().reported.last().cloned().unwrap();
    assert_eq!(added.title(), "Belarus – Kazakhstan turnover, Jan–Jun 2019");
    assert_eq!((added.value_usd, added.change, added.id), (1.2e9, Some(0.125), 10));
    // A gauge on the year to date would take it; the default one is on calendar years.
    h.get_by_label("$896 million (2018, reported: law.by, legal news, August 2019; statistics of Belarus)");
    // Edit: change the value; the rest stays.
    h.get_all_by_label("Edit").last().unwrap().click();
    h.run();
    assert_eq!(h.get_by_label("Period").value().as_deref(), Some("Jan–Jun 2019"));
    set_field(&mut h, "Value (USD)", "480 million");
    h.get_by_label("Save figure").click();
    h.run();
    let edited = h.state().workspace().reported.last().cloned().unwrap();
    assert_eq!((edited.value_usd, edited.id, edited.change), (480e6, 10, Some(0.125)));
    // Delete, then undo twice: back to the figure as added, then to the built-in list.
    // (The sidebar's buttons come before the target card's "Delete".)
    h.get_all_by_label("Delete").nth(before.len()).unwrap().click();
    h.run();
    assert_eq!(h.state().workspace().reported, before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().reported.last(), Some(&edited));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().reported.last(), Some(&added));
}

#[test]
fn the_year_to_date_view_shows_the_published_points_with_their_source() {
    let mut h = common::on_tab(&ScriptedDialogs::default(), [1280.0, 900.0], "Monthly trade");
    assert!(h.state().chart_reported_points().is_empty(), "the monthly view draws no spans");
    h.get_by_label("Year to date").click();
    h.run();
    let jul = |y: f64| y * 12.0 + 6.0;
    let points = h.state().chart_reported_points();
    assert_eq!(
        points,
        vec![
            (jul(2018.0), 58.3e6, "reported: BelTA via Kazinform, 11 Sep 2018".to_owned()),
            (
                jul(2017.0),
                58.3e6 / 1.186,
                "derived from the published growth rate: BelTA via Kazinform, 11 Sep 2018".to_owned()
            ),
        ]
        .into_iter()
        .map(|(x, y, l)| (x, (y * 100.0_f64).round() / 100.0, l))
        .collect::<Vec<_>>()
    );
    // Without turnover on the chart, the turnover figures are not drawn.
    h.get_by_label("Turnover").click();
    h.run();
    assert!(h.state().chart_reported_points().is_empty());
    // The annual view draws calendar years only: none for Brest Oblast.
    h.get_by_label("Turnover").click();
    h.get_by_label("Annual").click();
    h.run();
    assert!(h.state().chart_reported_points().is_empty());
}
