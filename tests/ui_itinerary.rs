//! The Visit tab driven as a person would: egui_kittest clicks, types and reads what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::str::FromStr;

use common::ScriptedDialogs;

use chrono::NaiveDate;
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use icalendar::Component;
use tradedash::app::TradeDashApp;
use tradedash::io::workspace_file;
use tradedash::model::itinerary::hm;
use tradedash::model::period::MonthRange;

/// The app on the built-in workspace, showing the Visit tab.
fn visit_tab(dialogs: &ScriptedDialogs) -> Harness<'static, TradeDashApp> {
    common::on_tab(dialogs, [1280.0, 900.0], "Visit")
}

/// Clicks into the text field labelled `label`, selects what is there and types `text`.
fn retype(h: &mut Harness<'static, TradeDashApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run();
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 9, d).unwrap()
}

const OVERLAP_NEW: &str = "Overlaps with Santa Bremor (14:00–16:00)";
const OVERLAP_OLD: &str = "Overlaps with Brest Regional Museum (15:00–17:00)";

#[test]
fn an_added_stop_that_overlaps_is_flagged_until_its_time_is_fixed() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    h.get_by_label("Visit of Kazakhstan's ambassador to Brest Oblast");
    assert!(h.query_by_label_contains("Overlaps with").is_none(), "the seed plan is clean");
    let stops_before = h.state().workspace().visits[0].stops.len();

    // Add a stop: it goes on the first day after the last stop (Santa Bremor ends at 16:00).
    h.get_by_label("Add stop").click();
    h.run();
    assert_eq!(h.state().workspace().visits[0].stops.len(), stops_before + 1);
    retype(&mut h, "Organisation", "Brest Regional Museum");
    h.get_by_label("16:00–17:00  Brest Regional Museum");
    assert!(h.query_by_label_contains("Overlaps with").is_none());

    // Start it at 15:00: it now overlaps Santa Bremor, and both stops say so.
    retype(&mut h, "Start", "15:00");
    h.get_by_label_contains(OVERLAP_NEW);
    h.get_by_label_contains(OVERLAP_OLD);
    h.get_by_label("2 warnings in the plan");
    let added = h.state().workspace().visits[0].stops.last().unwrap().clone();
    assert_eq!((added.date, added.start, added.end), (day(11), hm(15, 0), hm(17, 0)));

    // Fix it: start at 16:00, when Santa Bremor ends. The warnings go.
    retype(&mut h, "Start", "16:00");
    assert!(h.query_by_label_contains("Overlaps with").is_none());
    assert!(h.query_by_label_contains("in the plan").is_none());

    // An end before the start is flagged in place too, and a half-typed time is not taken.
    retype(&mut h, "End", "15:30");
    h.get_by_label_contains("Ends before it starts");
    retype(&mut h, "End", "25:00");
    h.get_by_label("use HH:MM");
    assert_eq!(h.state().workspace().visits[0].stops.last().unwrap().end, hm(15, 30));
    retype(&mut h, "End", "17:30");
    assert!(h.query_by_label_contains("Ends before it starts").is_none());
    assert!(h.state().is_dirty(), "an edited itinerary is an unsaved change");
}

#[test]
fn clicking_a_stop_with_hs_codes_shows_that_trade_on_the_chart() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    h.get_by_label("Santa Bremor 14:00–16:00 (HS 03, 16)").click();
    h.run();
    assert_eq!(h.state().workspace().selection.commodity.as_deref(), Some("03"));
    h.get_by_label_contains("monthly trade, HS 03");
    // The built-in sample data are totals only: the chart says so rather than drawing zeros.
    h.get_by_label("No data for this selection.");

    // Back to the visit: the dairy's button picks HS 04.
    h.get_by_role_and_label(Role::Button, "Visit").click();
    h.run();
    h.get_by_label("Chart HS 04").click();
    h.run();
    assert_eq!(h.state().workspace().selection.commodity.as_deref(), Some("04"));
    h.get_by_label_contains("monthly trade, HS 04");
}

#[test]
fn stops_move_between_days_reorder_and_delete() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    let names = |h: &Harness<'static, TradeDashApp>, d: u32| -> Vec<String> {
        let v = &h.state().workspace().visits[0];
        v.stops_on(day(d)).into_iter().map(|i| v.stops[i].name().to_owned()).collect()
    };
    assert_eq!(names(&h, 12), ["Savushkin Product", "Pushkin Brest State University", "Brest Hero Fortress"]);

    // The university before the dairy: they exchange time slots.
    let ups: Vec<_> = h.get_all_by_role_and_label(Role::Button, "Up").collect();
    // One "Up" per row: day 1 has two stops, so the university (second on day 2) is the 4th.
    assert_eq!(ups.len(), 6);
    ups[3].click();
    h.run();
    assert_eq!(names(&h, 12), ["Pushkin Brest State University", "Savushkin Product", "Brest Hero Fortress"]);
    h.get_by_label("10:00–11:30 (TBC)  Pushkin Brest State University");

    // Move the fortress to the last day, then delete it.
    h.get_by_label("16:30–18:00 (TBC)  Brest Hero Fortress").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Day").click();
    h.run();
    h.get_by_label("Thu 13 Sep (day 3)").click();
    h.run();
    assert_eq!(names(&h, 13), ["Belovezhskaya Pushcha National Park", "Brest Hero Fortress"]);
    // The park ends at 15:00, the fortress starts at 16:30: time enough for the 54 km drive.
    assert!(h.query_by_label_contains("Overlaps with").is_none());
    assert!(h.query_by_label_contains("No travel time").is_none());
    h.get_by_label("Delete stop").click();
    h.run();
    assert_eq!(names(&h, 13), ["Belovezhskaya Pushcha National Park"]);
    assert!(h.query_by_label_contains("Brest Hero Fortress").is_none());
}

#[test]
fn distant_stops_without_time_to_drive_are_flagged() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    // Put the park visit on day 2 straight after the fortress (ends 18:00; about 54 km away).
    h.get_by_label("11:00–15:00 (TBC)  Belovezhskaya Pushcha National Park").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Day").click();
    h.run();
    h.get_by_label("Wed 12 Sep (day 2)").click();
    h.run();
    retype(&mut h, "Start", "18:15");
    retype(&mut h, "End", "20:00");
    h.get_by_label_contains("No travel time from Brest Hero Fortress (16:30–18:00): 54 km");
    retype(&mut h, "Start", "19:30");
    assert!(h.query_by_label_contains("No travel time").is_none());
}

#[test]
fn the_itinerary_is_saved_with_the_workspace_and_reopens_exactly() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    h.get_by_label("Add stop").click();
    h.run();
    retype(&mut h, "Organisation", "Brest Regional Museum");
    retype(&mut h, "HS codes", "97");
    retype(&mut h, "Coordinates", "52.0976, 23.6877");
    h.get_by_role_and_label(Role::ComboBox, "Kind").click();
    h.run();
    h.get_by_label("Memorial").click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visit.ron");
    dialogs.answer(path.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save workspace as…").click();
    h.run();
    let saved = workspace_file::load(&path).unwrap();
    assert_eq!(saved.visits, h.state().workspace().visits);
    let museum = saved.visits[0].stops.last().unwrap();
    assert_eq!(museum.hs_codes, ["97"]);
    assert_eq!(museum.kind, tradedash::model::itinerary::StopKind::Memorial);
    assert!(museum.coordinates.is_some());
    // A bare calendar file name goes next to the saved workspace.
    retype(&mut h, "Calendar file", "plan.ics");
    h.get_by_label("Save .ics").click();
    h.run();
    assert!(dir.path().join("plan.ics").exists(), "plan.ics beside visit.ron");

    // Reopen in a new window: the same itinerary is shown.
    let app = TradeDashApp::with_default_workspace().with_dialogs(Box::new(dialogs.clone()));
    let mut h2 = common::harness_sized(app, [1280.0, 900.0]);
    common::open_from_menu(&mut h2, &dialogs, "Open workspace…", path);
    assert_eq!(h2.state().workspace().visits, saved.visits);
    h2.get_by_role_and_label(Role::Button, "Visit").click();
    h2.run();
    h2.get_by_label("Brest Regional Museum 16:00–17:00 (HS 97)");
}

#[test]
fn the_panel_saves_an_ics_file_that_a_parser_reads_back() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brest.ics");
    retype(&mut h, "Calendar file", &path.display().to_string());
    h.get_by_label("Save .ics").click();
    h.run();
    let text = std::fs::read_to_string(&path).expect("the .ics file was written");
    let cal = icalendar::Calendar::from_str(&text).unwrap();
    let summaries: Vec<&str> = cal.events().filter_map(|e| e.get_summary()).collect();
    assert_eq!(summaries.len(), 6);
    assert!(summaries.contains(&"Savushkin Product (time TBC)"));
    h.get_by_label_contains("Saved itinerary");

    // The same through the dialog.
    let other = dir.path().join("chosen.ics");
    dialogs.answer(other.clone());
    h.get_by_label("Save .ics as…").click();
    h.run();
    let chosen = icalendar::Calendar::from_str(&std::fs::read_to_string(&other).unwrap()).unwrap();
    assert_eq!(chosen.events().count(), 6);
    assert!(chosen.events().all(|e| e.get_uid().is_some_and(|u| u.ends_with("@tradedash"))));
}

#[test]
fn stops_from_a_hand_written_file_without_ids_can_be_edited() {
    let mut ws = workspace_file::default_workspace();
    for s in &mut ws.visits[0].stops {
        s.id.clear();
    }
    let dialogs = ScriptedDialogs::default();
    let app = TradeDashApp::new(ws).with_dialogs(Box::new(dialogs.clone()));
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, "Visit").click();
    h.run();
    assert!(h.query_by_role_and_label(Role::TextInput, "Organisation").is_none());
    h.get_by_label("10:00–11:30 (TBC)  Brest Oblast Executive Committee").click();
    h.run();
    retype(&mut h, "Start", "10:15");
    let stop = &h.state().workspace().visits[0].stops[0];
    assert_eq!(stop.start, hm(10, 15));
    assert!(!stop.id.is_empty(), "the edited stop got an id");
    h.get_by_label("10:15–11:30 (TBC)  Brest Oblast Executive Committee");
}

#[test]
fn shortening_the_visit_flags_the_stop_left_outside_its_dates() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    h.get_by_label("Visit details").click();
    h.run();
    retype(&mut h, "Last day", "2018-09-12");
    h.get_by_label_contains("Outside the visit's dates (11–12 Sep 2018)");
    h.get_by_label("Thu 13 Sep · outside the visit");
    assert_eq!(h.state().workspace().visits[0].end_date, day(12));
    // A date that is not one is not taken.
    retype(&mut h, "Last day", "13.09.2018");
    h.get_by_label("use YYYY-MM-DD");
    assert_eq!(h.state().workspace().visits[0].end_date, day(12));
    retype(&mut h, "Last day", "2018-09-13");
    assert!(h.query_by_label_contains("Outside the visit's dates").is_none());

    // People: add a host with name and role.
    h.get_by_label("Add to hosts").click();
    h.run();
    let names: Vec<_> = h.get_all_by_role_and_label(Role::TextInput, "Host name").collect();
    assert_eq!(names.len(), 2);
    names[1].click();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Host name").nth(1).unwrap().type_text("A. N. Other");
    h.run();
    let hosts = &h.state().workspace().visits[0].hosts;
    assert_eq!(hosts.len(), 2);
    assert_eq!(hosts[1].name, "A. N. Other");
    h.get_by_label_contains("Hosts: Anatoly Lis, Governor of Brest Oblast; A. N. Other");
}

#[test]
fn the_visit_is_marked_on_the_chart_while_its_month_is_in_view() {
    let dialogs = ScriptedDialogs::default();
    let app = common::split_example().with_dialogs(Box::new(dialogs.clone()));
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run();
    const MARK: &str = "Visit: Visit of Kazakhstan's ambassador to Brest Oblast (11–13 Sep 2018)";
    let marked =
        |h: &Harness<'static, TradeDashApp>| h.state().chart_event_labels().iter().any(|l| l == MARK);
    // All months: the data end in July 2018, the visit two months later is still marked.
    assert!(marked(&h), "{:?}", h.state().chart_event_labels());
    // Jan–Jul 2018 (the article's period) does not include September: no mark, and the axis
    // is not stretched to it.
    h.get_by_label("From").click();
    h.run();
    h.get_by_label("Jan 2018").click();
    h.run();
    assert_eq!(h.state().workspace().selection.range.map(MonthRange::label).as_deref(), Some("Jan–Jul 2018"));
    assert!(!marked(&h));
    h.get_by_label("All months").click();
    h.run();
    assert!(marked(&h));
}

#[test]
fn with_data_by_hs_chapter_the_dairy_stop_shows_dairy_trade_and_the_visit_mark() {
    let dialogs = ScriptedDialogs::default();
    let mut h = visit_tab(&dialogs);
    common::open_from_menu(&mut h, &dialogs, "Open data…", common::fixture("comtrade-kaz-blr-synthetic.csv"));
    assert_eq!(h.state().workspace().visits.len(), 1, "opening data keeps the visit");
    h.get_by_role_and_label(Role::Button, "Visit").click();
    h.run();
    h.get_by_label("Chart HS 04").click();
    h.run();
    h.get_by_label_contains("monthly trade, HS 04");
    assert!(h.query_by_label("No data for this selection.").is_none());
    assert!(
        h.state()
            .chart_event_labels()
            .contains(&"Visit: Visit of Kazakhstan's ambassador to Brest Oblast (11–13 Sep 2018)".to_owned())
    );
}
