//! `tradedash export-ics` and `tradedash export-visit-png`, run as a user runs them: the real
//! binary, its files read back by a real iCalendar parser and an image decoder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod run;

use std::path::Path;
use std::process::Command;
use std::str::FromStr;

use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
use run::tradedash;
use tradedash::io::workspace_file;
use tradedash::model::itinerary::{StopStatus, hm};
use tradedash::model::seed::seed_visit;

fn read_calendar(path: &Path) -> icalendar::Calendar {
    icalendar::Calendar::from_str(&std::fs::read_to_string(path).unwrap()).expect("a valid iCalendar file")
}

#[test]
fn export_ics_of_the_built_in_visit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("visit.ics");
    let (code, stdout, stderr) = tradedash(&["export-ics", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("(6 events)"), "{stdout}");
    let cal = read_calendar(&out);
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 6);
    let pushcha = events.iter().find(|e| e.get_summary().unwrap().starts_with("Belovezhskaya")).unwrap();
    assert_eq!(
        pushcha.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: chrono::NaiveDate::from_ymd_opt(2018, 9, 13).unwrap().and_time(hm(11, 0)),
            tzid: "Europe/Minsk".into(),
        }))
    );
    assert!(pushcha.get_description().unwrap().contains("placeholders"));
}

#[test]
fn export_ics_of_a_saved_workspace_picks_the_visit_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace_file::default_workspace();
    let mut second = seed_visit();
    second.title = "Return visit to Astana".into();
    second.stops.truncate(2);
    for s in &mut second.stops {
        s.id = format!("return-{}", s.id);
        s.placeholder_times = false;
        s.status = StopStatus::Confirmed;
    }
    ws.visits.push(second);
    let ron = dir.path().join("two-visits.ron");
    workspace_file::save(&ron, &ws).unwrap();

    let out = dir.path().join("second.ics");
    let (code, stdout, stderr) =
        tradedash(&["export-ics", ron.to_str().unwrap(), "--visit", "2", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("(2 events)"), "{stdout}");
    let cal = read_calendar(&out);
    assert_eq!(cal.get_name(), Some("Return visit to Astana"));
    let summaries: Vec<&str> = cal.events().filter_map(|e| e.get_summary()).collect();
    assert_eq!(summaries, ["Brest Oblast Executive Committee", "Santa Bremor"]);

    let all = dir.path().join("all.ics");
    let (code, _, stderr) = tradedash(&["export-ics", ron.to_str().unwrap(), "--out", all.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(read_calendar(&all).events().count(), 8);

    let (code, _, stderr) =
        tradedash(&["export-ics", ron.to_str().unwrap(), "--visit", "3", "--out", all.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("there is no visit 3"), "{stderr}");
}

#[test]
fn export_ics_failures_say_why_and_keep_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = tradedash(&["export-ics", "--out", "/nonexistent-folder/visit.ics"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("/nonexistent-folder/visit.ics"), "{stderr}");

    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long-with-bad-rows.csv");
    let out = dir.path().join("x.ics");
    let (code, _, stderr) =
        tradedash(&["export-ics", data.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("has no visit to export"), "{stderr}");
    assert!(!out.exists());

    let (code, stdout, _) = tradedash(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("export-ics"), "{stdout}");
}

/// Under a virtual X server, `export-visit-png` draws the real window on the Visit tab and saves
/// a picture of the itinerary. Needs `xvfb-run` (CI installs it); elsewhere the test says it
/// was not run, except under CI where a missing Xvfb is a failure.
#[test]
fn export_visit_png_under_xvfb_shows_the_timeline() {
    let have_xvfb = Command::new("xvfb-run").arg("--help").output().is_ok();
    if !have_xvfb {
        assert!(std::env::var_os("CI").is_none(), "CI must provide xvfb-run for the real-window test");
        eprintln!("xvfb-run not found: real-window PNG export not tested here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg");
    std::fs::create_dir(&xdg).unwrap();
    let out = dir.path().join("itinerary.png");
    let status = Command::new("timeout")
        .args(["120", "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", env!("CARGO_BIN_EXE_tradedash")])
        .args(["export-visit-png", "--out", out.to_str().unwrap(), "--width", "1280", "--height", "800"])
        .env("XDG_RUNTIME_DIR", &xdg)
        .status()
        .unwrap();
    assert!(status.success(), "export-visit-png failed: {status}");
    let img = image::open(&out).expect("a PNG").to_rgb8();
    let (w, h) = img.dimensions();
    // The itinerary fills the central panel below the toolbar: most of the window, never more.
    assert!((700..=1280).contains(&w) && (450..=800).contains(&h), "{w}×{h}");
    // The blocks are there, in their kinds' colours: enterprise blue, nature green, memorial pink.
    let count = |rgb: [u8; 3]| {
        img.pixels()
            .filter(|p| p.0.iter().zip(rgb).all(|(a, b)| (i16::from(*a) - i16::from(b)).abs() <= 3))
            .count()
    };
    for (kind, rgb) in
        [("enterprise", [0, 114, 178]), ("nature", [0, 158, 115]), ("memorial", [204, 121, 167])]
    {
        assert!(count(rgb) > 2000, "no {kind} block in the picture ({} px)", count(rgb));
    }
}
