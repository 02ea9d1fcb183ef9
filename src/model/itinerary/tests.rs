//! Tests of visits: the seed visit, validation, editing, parsing.

use chrono::NaiveDate;

use super::*;
use crate::model::period::YearMonth;
use crate::model::seed::seed_visit;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 9, day).unwrap()
}

fn visit_with(stops: Vec<Stop>) -> Visit {
    Visit { start_date: d(11), end_date: d(13), stops, ..Visit::default() }
}

fn at(day: u32, start: (u32, u32), end: (u32, u32), name: &str) -> Stop {
    Stop {
        date: d(day),
        start: hm(start.0, start.1),
        end: hm(end.0, end.1),
        organisation: name.into(),
        ..Stop::default()
    }
}

#[test]
fn seed_visit_matches_the_article() {
    let v = seed_visit();
    assert_eq!(v.days(), vec![d(11), d(12), d(13)]);
    assert_eq!(v.delegation[0].name, "Yermukhamet Yertysbayev");
    assert_eq!(v.hosts[0].name, "Anatoly Lis");
    let names: Vec<&str> = v.stops.iter().map(Stop::name).collect();
    for place in [
        "Santa Bremor",
        "Savushkin Product",
        "Pushkin Brest State University",
        "Brest Hero Fortress",
        "Belovezhskaya Pushcha National Park",
    ] {
        assert!(names.contains(&place), "{place} missing from {names:?}");
    }
    let hs = |name: &str| v.stops.iter().find(|s| s.name() == name).unwrap().hs_codes.clone();
    assert_eq!(hs("Santa Bremor"), vec!["03", "16"]);
    assert_eq!(hs("Savushkin Product"), vec!["04"]);
    assert!(v.stops.iter().all(|s| s.placeholder_times));
    let mut ids: Vec<&str> = v.stops.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), v.stops.len(), "stop ids are unique");
    assert!(v.validate().is_clean(), "{:?}", v.validate());
    assert_eq!(v.dates_label(), "11–13 Sep 2018");
    assert_eq!(v.months(), Some((YearMonth::new(2018, 9).unwrap(), YearMonth::new(2018, 9).unwrap())));
}

#[test]
fn overlap_is_reported_on_both_stops_and_touching_is_fine() {
    let mut v = visit_with(vec![
        at(11, (10, 0), (11, 0), "A"),
        at(11, (10, 30), (12, 0), "B"),
        at(11, (12, 0), (13, 0), "C"),
    ]);
    let val = v.validate();
    assert_eq!(val.stops[0], vec![Issue::Overlap { other: 1 }]);
    assert_eq!(val.stops[1], vec![Issue::Overlap { other: 0 }]);
    assert!(val.stops[2].is_empty(), "B ends at 12:00 when C starts: no overlap");
    assert_eq!(val.stops[0][0].message(&v), "Overlaps with B (10:30–12:00)");
    v.stops[1].start = hm(11, 0);
    assert!(v.validate().is_clean());
}

#[test]
fn same_time_on_another_day_or_cancelled_is_no_overlap() {
    let mut v = visit_with(vec![at(11, (10, 0), (11, 0), "A"), at(12, (10, 0), (11, 0), "B")]);
    assert!(v.validate().is_clean());
    v.move_stop_to(1, d(11));
    assert_eq!(v.validate().count(), 2);
    v.stops[1].status = StopStatus::Cancelled;
    assert!(v.validate().is_clean());
}

#[test]
fn end_before_start_and_outside_dates() {
    let v = visit_with(vec![at(11, (12, 0), (11, 0), "Backwards"), at(14, (9, 0), (10, 0), "Late")]);
    let val = v.validate();
    assert_eq!(val.stops[0], vec![Issue::EndNotAfterStart]);
    assert_eq!(val.stops[1], vec![Issue::OutsideDates]);
    assert_eq!(val.stops[1][0].message(&v), "Outside the visit's dates (11–13 Sep 2018)");
    assert!(val.stops[0][0].message(&v).starts_with("Ends before it starts"));
}

#[test]
fn visit_ending_before_it_starts_is_one_issue_not_one_per_stop() {
    let mut v = visit_with(vec![at(11, (9, 0), (10, 0), "A")]);
    v.end_date = d(10);
    let val = v.validate();
    assert_eq!(val.visit, vec![Issue::VisitEndsBeforeStart]);
    assert!(val.stops[0].is_empty());
    assert!(v.days().is_empty());
    assert_eq!(v.months(), None);
}

#[test]
fn haversine_distance() {
    // One degree of latitude along a meridian: 2πR/360.
    let one_deg = GeoPoint::new(52.0, 23.0).distance_km(GeoPoint::new(53.0, 23.0));
    assert!((one_deg - 111.195).abs() < 0.01, "{one_deg}");
    // Brest Hero Fortress to the Pushcha's visitor centre: about 54 km as the crow flies.
    let v = seed_visit();
    let far = v.stops[4].coordinates.unwrap().distance_km(v.stops[5].coordinates.unwrap());
    assert!((50.0..60.0).contains(&far), "{far}");
    assert_eq!(GeoPoint::new(52.0, 23.0).distance_km(GeoPoint::new(52.0, 23.0)), 0.0);
}

#[test]
fn travel_minutes_follow_detour_and_speed() {
    // 60 km × 1.3 at 60 km/h = 78 min.
    assert_eq!(travel_minutes(60.0), 78);
    assert_eq!(travel_minutes(0.1), 1);
    assert_eq!(minutes_label(78), "1 h 18 min");
    assert_eq!(minutes_label(60), "1 h");
    assert_eq!(minutes_label(15), "15 min");
}

#[test]
fn distant_stops_need_travel_time_and_stops_between_count_as_gap() {
    let fortress = GeoPoint::new(52.0833, 23.6553);
    let pushcha = GeoPoint::new(52.5631, 23.8121);
    let mut v = visit_with(vec![
        Stop { coordinates: Some(fortress), ..at(12, (9, 0), (10, 0), "Fortress") },
        Stop { coordinates: Some(pushcha), ..at(12, (10, 15), (12, 0), "Pushcha") },
    ]);
    let val = v.validate();
    assert!(val.stops[0].is_empty());
    let Issue::NoTravelTime { from, distance_km, needed_min, gap_min } = val.stops[1][0].clone() else {
        panic!("{val:?}")
    };
    assert_eq!((from, gap_min), (0, 15));
    assert!(distance_km > 50.0 && needed_min > 60, "{distance_km} {needed_min}");
    assert!(val.stops[1][0].message(&v).starts_with("No travel time from Fortress (09:00–10:00): 54 km"));

    // A travel block without coordinates in between does not hide the problem...
    v.stops.push(Stop { kind: StopKind::Travel, ..at(12, (10, 0), (10, 15), "Drive") });
    assert_eq!(v.validate().count(), 1);
    // ...and moving the park visit later fixes it.
    v.stops[1].start = hm(11, 30);
    v.stops[2].end = hm(11, 30);
    assert!(v.validate().is_clean(), "{:?}", v.validate());
}

#[test]
fn nearby_stops_need_no_travel_time() {
    let a = GeoPoint::new(52.0833, 23.6553);
    let b = GeoPoint::new(52.0900, 23.6700); // about 1.2 km away
    assert!(a.distance_km(b) < DISTANT_KM);
    let v = visit_with(vec![
        Stop { coordinates: Some(a), ..at(12, (9, 0), (10, 0), "A") },
        Stop { coordinates: Some(b), ..at(12, (10, 0), (11, 0), "B") },
    ]);
    assert!(v.validate().is_clean());
}

#[test]
fn new_stop_goes_after_the_last_one_of_the_day() {
    let v = visit_with(vec![at(11, (10, 0), (11, 20), "A"), at(12, (15, 0), (16, 0), "B")]);
    let s = v.new_stop(d(11));
    assert_eq!((s.start, s.end, s.date), (hm(12, 0), hm(13, 0), d(11)));
    assert!(!s.id.is_empty());
    assert_ne!(s.id, v.new_stop(d(11)).id);
    let empty_day = v.new_stop(d(13));
    assert_eq!(empty_day.start, hm(9, 0));
    let late = visit_with(vec![at(11, (21, 0), (23, 0), "Late")]).new_stop(d(11));
    assert!(late.start < late.end, "{late:?}");
}

#[test]
fn stops_on_sorts_by_time() {
    let v = visit_with(vec![
        at(11, (14, 0), (15, 0), "Afternoon"),
        at(12, (9, 0), (10, 0), "Next day"),
        at(11, (9, 0), (10, 0), "Morning"),
    ]);
    assert_eq!(v.stops_on(d(11)), vec![2, 0]);
    assert_eq!(v.day_number(d(12)), Some(2));
    assert_eq!(v.day_number(d(14)), None);
}

#[test]
fn dates_label_across_months_and_years() {
    let mut v = Visit {
        start_date: NaiveDate::from_ymd_opt(2018, 9, 30).unwrap(),
        end_date: NaiveDate::from_ymd_opt(2018, 10, 2).unwrap(),
        ..Visit::default()
    };
    assert_eq!(v.dates_label(), "30 Sep – 2 Oct 2018");
    v.end_date = NaiveDate::from_ymd_opt(2019, 1, 2).unwrap();
    assert_eq!(v.dates_label(), "30 Sep 2018 – 2 Jan 2019");
    v.end_date = v.start_date;
    assert_eq!(v.dates_label(), "30 Sep 2018");
}

#[test]
fn seed_visit_round_trips_through_ron_exactly() {
    let v = seed_visit();
    let text = ron::ser::to_string_pretty(&v, ron::ser::PrettyConfig::default()).unwrap();
    let back: Visit = ron::from_str(&text).unwrap();
    assert_eq!(back, v);
    assert!(text.contains("\"2018-09-11\""), "dates are readable in the file:\n{text}");
}

#[test]
fn missing_fields_take_defaults() {
    let v: Visit = ron::from_str("(title: \"Old\", stops: [(organisation: \"X\")])").unwrap();
    assert_eq!(v.title, "Old");
    assert_eq!(v.tzid, "Europe/Minsk");
    assert_eq!(v.stops[0].kind, StopKind::Meeting);
    assert_eq!(v.stops[0].start, hm(9, 0));
}

#[test]
fn parses_what_people_type() {
    assert_eq!(parse_time("14:30"), Some(hm(14, 30)));
    assert_eq!(parse_time(" 9.05 "), Some(hm(9, 5)));
    assert_eq!(parse_time("1430"), Some(hm(14, 30)));
    assert_eq!(parse_time("9"), Some(hm(9, 0)));
    for bad in ["", "25:00", "14:60", "noon", "14:", "1:2:3", "123456"] {
        assert_eq!(parse_time(bad), None, "{bad}");
    }
    assert_eq!(parse_date("2018-09-11"), Some(d(11)));
    assert_eq!(parse_date("11.09.2018"), None);
    assert_eq!(parse_hs_codes("03, 16"), Some(vec!["03".into(), "16".into()]));
    assert_eq!(parse_hs_codes("HS 04 04"), Some(vec!["04".into()]));
    assert_eq!(parse_hs_codes(""), Some(vec![]));
    assert_eq!(parse_hs_codes("fish"), None);
    assert_eq!(parse_hs_codes("3"), None);
    let p = GeoPoint::new(52.0833, 23.6553);
    assert_eq!(parse_coordinates(&coordinates_text(Some(p))), Some(Some(p)));
    assert_eq!(parse_coordinates("52.0833 23.6553"), Some(Some(p)));
    assert_eq!(parse_coordinates(""), Some(None));
    assert_eq!(parse_coordinates("95, 10"), None);
    assert_eq!(parse_coordinates("52.1"), None);
}

#[test]
fn reordering_exchanges_time_slots_and_keeps_lengths_and_gap() {
    let mut v = visit_with(vec![
        at(12, (10, 0), (12, 0), "Dairy"),
        at(12, (14, 0), (15, 30), "University"),
        at(11, (9, 0), (10, 0), "Other day"),
    ]);
    assert!(v.move_earlier(1));
    let day = v.stops_on(d(12));
    let order: Vec<(&str, String)> =
        day.iter().map(|&i| (v.stops[i].name(), v.stops[i].time_label())).collect();
    assert_eq!(order, vec![("University", "10:00–11:30".into()), ("Dairy", "13:30–15:30".into())]);
    assert!(!v.move_earlier(day[0]), "first of the day stays");
    assert!(v.move_later(day[0]));
    let back: Vec<String> = v.stops_on(d(12)).iter().map(|&i| v.stops[i].time_label()).collect();
    assert_eq!(back, vec!["10:00–12:00", "14:00–15:30"]);
    assert!(!v.move_later(2), "alone on its day");
    assert!(!v.move_earlier(99));
    // Overlapping stops whose exchange would run past midnight stay as they are.
    let mut late = visit_with(vec![at(11, (22, 0), (23, 50), "A"), at(11, (23, 0), (23, 55), "B")]);
    let before = late.clone();
    assert!(!late.move_earlier(1));
    assert_eq!(late, before);
}
