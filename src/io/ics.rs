//! iCalendar (RFC 5545) export of visit itineraries, for calendar programs (Outlook, Google
//! Calendar, Apple Calendar, Thunderbird).
//!
//! Decisions:
//! - One `VEVENT` per stop. Its `UID` is the stop's stable [`Stop::id`] (derived from the visit
//!   and the stop's place in it when a hand-written file has none), so importing a corrected
//!   itinerary again updates the events instead of duplicating them.
//! - Times are written as local times with `TZID=<visit's zone>` (`Europe/Minsk` for the
//!   default workspace), not floating: a Kazakh participant whose laptop runs on Astana time
//!   must see the Brest fortress at 16:30 Minsk time, i.e. 19:30 in Astana, not at 16:30
//!   Astana time. RFC 5545 requires a `VTIMEZONE` for every `TZID` used; the app knows no
//!   time-zone database, so it writes one fixed-offset rule from the visit's
//!   [`Visit::utc_offset_minutes`], valid from the visit's first day. That is exact for a
//!   zone without daylight saving (Belarus since 2011) and for any visit that does not span a
//!   clock change. Calendar programs that know the IANA name use their own rules anyway.
//!   A visit with no (or an unusable) zone name gets floating times.
//! - `DTSTAMP` is the moment of export, passed in so that tests are reproducible.
//! - `STATUS`: planned → `TENTATIVE`, confirmed and done → `CONFIRMED`, cancelled →
//!   `CANCELLED`. `CATEGORIES` holds the kind of stop; `GEO` the coordinates when known.
//! - Placeholder times are flagged in the `SUMMARY` ("(time TBC)", visible in a calendar's
//!   grid) and explained in the `DESCRIPTION`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike, EventStatus};

use crate::i18n::{Lang, labels, tr};
use crate::io::atomic::{WriteError, write_atomic};
use crate::model::itinerary::{Stop, StopStatus, Visit};

/// `PRODID` written into exported calendars.
pub const PRODID: &str = "-//tradedash//tradedash visit itinerary//EN";

/// Suffix of an event summary whose times are placeholders.
pub const PLACEHOLDER_SUFFIX: &str = " (time TBC)";

/// The calendar's events (no `VTIMEZONE`; [`calendar_text`] adds those), one per stop of
/// every visit.
#[must_use]
pub fn calendar(visits: &[Visit], generated_at: DateTime<Utc>) -> Calendar {
    calendar_in(Lang::En, visits, generated_at)
}

/// [`calendar`] with summaries, descriptions and categories in `lang` (property names stay as
/// RFC 5545 defines them).
#[must_use]
pub fn calendar_in(lang: Lang, visits: &[Visit], generated_at: DateTime<Utc>) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", PRODID));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.append_property(("METHOD", "PUBLISH"));
    match visits {
        [one] => {
            cal.name(&one.title);
        }
        _ => {
            cal.name(&tr(lang, "ics-calendar-name"));
        }
    }
    if let Some(tzid) = visits.iter().find_map(|v| usable_tzid(&v.tzid)) {
        cal.timezone(tzid);
    }
    let mut seen_uids = HashSet::new();
    for (visit_index, visit) in visits.iter().enumerate() {
        for (stop_index, stop) in visit.stops.iter().enumerate() {
            let mut uid = if stop.id.trim().is_empty() {
                derived_uid(visit, visit_index, stop_index)
            } else {
                stop.id.trim().to_owned()
            };
            if !seen_uids.insert(uid.clone()) {
                uid = format!("{uid}-{visit_index}-{stop_index}");
                seen_uids.insert(uid.clone());
            }
            cal.push(event(lang, visit, stop, &uid, generated_at));
        }
    }
    cal.done()
}

/// The complete `.ics` text (CRLF line ends, folded lines) for `visits`, with a `VTIMEZONE`
/// for each time zone the events refer to.
#[must_use]
pub fn calendar_text(visits: &[Visit], generated_at: DateTime<Utc>) -> String {
    calendar_text_in(Lang::En, visits, generated_at)
}

/// [`calendar_text`] in `lang`.
#[must_use]
pub fn calendar_text_in(lang: Lang, visits: &[Visit], generated_at: DateTime<Utc>) -> String {
    let text = calendar_in(lang, visits, generated_at).to_string();
    let zones = vtimezones(visits);
    if zones.is_empty() {
        return text;
    }
    // Components follow the calendar's properties; put the zones before the first event (or
    // before the end when there is none), where every importer expects them.
    let body_start = text.find("\r\n").map_or(0, |i| i + 2);
    let insert_at = text[body_start..]
        .find("\r\nBEGIN:")
        .or_else(|| text[body_start..].find("\r\nEND:VCALENDAR"))
        .map_or(text.len(), |i| body_start + i + 2);
    let mut out = String::with_capacity(text.len() + zones.len());
    out.push_str(&text[..insert_at]);
    out.push_str(&zones);
    out.push_str(&text[insert_at..]);
    out
}

/// The `.ics` bytes for `visits`, as written to a file.
#[must_use]
pub fn calendar_bytes(visits: &[Visit], generated_at: DateTime<Utc>) -> Vec<u8> {
    calendar_text(visits, generated_at).into_bytes()
}

/// Writes the `.ics` file for `visits` atomically, stamped with the current time.
///
/// # Errors
/// When the file cannot be written; a previous file at `path` is left intact.
pub fn write_ics(path: &Path, visits: &[Visit]) -> Result<(), WriteError> {
    write_ics_in(Lang::En, path, visits)
}

/// [`write_ics`] with the words in `lang`.
///
/// # Errors
/// When the file cannot be written; a previous file at `path` is left intact.
pub fn write_ics_in(lang: Lang, path: &Path, visits: &[Visit]) -> Result<(), WriteError> {
    write_atomic(path, calendar_text_in(lang, visits, Utc::now()).as_bytes())
}

fn event(lang: Lang, visit: &Visit, stop: &Stop, uid: &str, generated_at: DateTime<Utc>) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    ev.uid(uid);
    ev.timestamp(generated_at);
    let summary = if stop.placeholder_times {
        format!("{}{}", stop.name_in(lang), tr(lang, "ics-time-tbc"))
    } else {
        stop.name_in(lang)
    };
    ev.summary(&summary);
    ev.starts(local_time(visit, stop.date, stop.start));
    // RFC 5545 wants DTEND after DTSTART; an event without DTEND ends when it starts, which
    // is the honest rendering of a stop whose end is not after its start.
    if stop.end > stop.start {
        ev.ends(local_time(visit, stop.date, stop.end));
    }
    let location: Vec<&str> = [stop.organisation.trim(), stop.address.trim(), stop.place.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !location.is_empty() {
        ev.location(&location.join(", "));
    }
    ev.description(&description(lang, visit, stop));
    ev.status(match stop.status {
        StopStatus::Planned => EventStatus::Tentative,
        StopStatus::Confirmed | StopStatus::Done => EventStatus::Confirmed,
        StopStatus::Cancelled => EventStatus::Cancelled,
    });
    ev.add_property("CATEGORIES", labels::stop_kind(lang, stop.kind));
    if let Some(p) = stop.coordinates {
        ev.add_property("GEO", format!("{:.6};{:.6}", p.lat_deg, p.lon_deg));
    }
    ev.done()
}

fn description(lang: Lang, visit: &Visit, stop: &Stop) -> String {
    let mut lines = Vec::new();
    if stop.placeholder_times {
        lines.push(tr!(lang, "ics-placeholder-times", time = stop.time_label()));
    }
    lines.push(tr!(
        lang,
        "ics-kind-status",
        kind = labels::stop_kind(lang, stop.kind),
        status = labels::stop_status(lang, stop.status)
    ));
    if !stop.hs_codes.is_empty() {
        lines.push(tr!(lang, "ics-trade-concerned", codes = stop.hs_label()));
    }
    if !stop.notes.trim().is_empty() {
        lines.push(stop.notes.trim().to_owned());
    }
    let people =
        |who: &[crate::model::itinerary::Person]| {
            who.iter()
                .map(|p| {
                    if p.role.trim().is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.role) }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
    if !visit.delegation.is_empty() {
        lines.push(tr!(lang, "ics-delegation", people = people(&visit.delegation)));
    }
    if !visit.hosts.is_empty() {
        lines.push(tr!(lang, "ics-hosts", people = people(&visit.hosts)));
    }
    lines.push(tr!(lang, "ics-visit", title = visit.title.as_str(), dates = dates_label(lang, visit)));
    lines.join("\n")
}

/// The visit's dates: English as the model writes them ("11–13 Sep 2018"), other languages
/// through ICU ("11–13 сентября 2018 г.").
fn dates_label(lang: Lang, visit: &Visit) -> String {
    if lang == Lang::En {
        return visit.dates_label();
    }
    let ymd = |d: NaiveDate| {
        use chrono::Datelike;
        #[allow(clippy::cast_possible_truncation)] // month 1–12, day 1–31
        (d.year(), d.month() as u8, d.day() as u8)
    };
    crate::model::format::date_span(lang, ymd(visit.start_date), ymd(visit.end_date))
}

fn local_time(visit: &Visit, date: NaiveDate, time: chrono::NaiveTime) -> CalendarDateTime {
    let date_time = date.and_time(time);
    match usable_tzid(&visit.tzid) {
        Some(tzid) => CalendarDateTime::WithTimezone { date_time, tzid: tzid.to_owned() },
        None => CalendarDateTime::Floating(date_time),
    }
}

/// The zone name, if it can be written as a `TZID` parameter without quoting (IANA names
/// can: letters, digits, `/`, `_`, `+`, `-`).
fn usable_tzid(tzid: &str) -> Option<&str> {
    let t = tzid.trim();
    let ok = !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c));
    ok.then_some(t)
}

fn derived_uid(visit: &Visit, visit_index: usize, stop_index: usize) -> String {
    let slug: String = visit
        .title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}-{}-v{visit_index}-s{stop_index}@tradedash",
        if slug.is_empty() { "visit" } else { &slug },
        visit.start_date
    )
}

/// "+0300", "-0500", "+0530".
fn utc_offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// One fixed-offset `VTIMEZONE` per zone used, CRLF-terminated lines.
fn vtimezones(visits: &[Visit]) -> String {
    let mut out = String::new();
    let mut done: Vec<&str> = Vec::new();
    for visit in visits {
        let Some(tzid) = usable_tzid(&visit.tzid) else { continue };
        if done.contains(&tzid) {
            continue;
        }
        done.push(tzid);
        let first_day = visits
            .iter()
            .filter(|v| usable_tzid(&v.tzid) == Some(tzid))
            .flat_map(|v| std::iter::once(v.start_date).chain(v.stops.iter().map(|s| s.date)))
            .min()
            .unwrap_or(visit.start_date);
        let offset = utc_offset_text(visit.utc_offset_minutes);
        let name = if visit.utc_offset_minutes % 60 == 0 { offset[..3].to_owned() } else { offset.clone() };
        for line in [
            "BEGIN:VTIMEZONE".to_owned(),
            format!("TZID:{tzid}"),
            "BEGIN:STANDARD".to_owned(),
            format!("DTSTART:{}T000000", first_day.format("%Y%m%d")),
            format!("TZOFFSETFROM:{offset}"),
            format!("TZOFFSETTO:{offset}"),
            format!("TZNAME:{name}"),
            "END:STANDARD".to_owned(),
            "END:VTIMEZONE".to_owned(),
        ] {
            let _ = write!(out, "{line}\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::TimeZone;
    use icalendar::{CalendarComponent, DatePerhapsTime};

    use super::*;
    use crate::model::itinerary::hm;
    use crate::model::seed::seed_visit;

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap()
    }

    fn minsk(y: i32, m: u32, d: u32, h: u32, min: u32) -> DatePerhapsTime {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: NaiveDate::from_ymd_opt(y, m, d).unwrap().and_time(hm(h, min)),
            tzid: "Europe/Minsk".into(),
        })
    }

    #[test]
    fn seed_visit_round_trips_through_the_icalendar_parser() {
        let visit = seed_visit();
        let text = calendar_text(std::slice::from_ref(&visit), stamp());
        let parsed = Calendar::from_str(&text).expect("parses");
        let events: Vec<&icalendar::Event> = parsed.events().collect();
        assert_eq!(events.len(), visit.stops.len());
        for (ev, stop) in events.iter().zip(&visit.stops) {
            assert_eq!(ev.get_uid(), Some(stop.id.as_str()));
            assert_eq!(ev.get_summary(), Some(format!("{} (time TBC)", stop.name()).as_str()));
            assert_eq!(ev.get_timestamp(), Some(stamp()));
            assert_eq!(ev.get_status(), Some(EventStatus::Tentative));
            let description = ev.get_description().unwrap();
            assert!(description.starts_with("Times are placeholders"), "{description}");
            assert!(description.contains("Yermukhamet Yertysbayev"), "{description}");
        }
        let santa = events.iter().find(|e| e.get_summary().unwrap().starts_with("Santa Bremor")).unwrap();
        assert_eq!(santa.get_start(), Some(minsk(2018, 9, 11, 14, 0)));
        assert_eq!(santa.get_end(), Some(minsk(2018, 9, 11, 16, 0)));
        assert!(santa.get_description().unwrap().contains("Trade concerned: HS 03, 16"));
        assert_eq!(santa.get_location(), Some("Santa Bremor, Brest"));
        let zones: Vec<_> = parsed
            .components
            .iter()
            .filter(|c| matches!(c, CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE"))
            .collect();
        assert_eq!(zones.len(), 1, "one VTIMEZONE for Europe/Minsk");
        assert_eq!(parsed.get_name(), Some(visit.title.as_str()));
    }

    #[test]
    fn independent_parser_reads_events_and_timezone() {
        let visit = seed_visit();
        let text = calendar_text(std::slice::from_ref(&visit), stamp());
        let mut reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let cal = reader.next().expect("one calendar").expect("valid calendar");
        assert!(reader.next().is_none());
        assert_eq!(cal.events.len(), visit.stops.len());
        assert_eq!(cal.timezones.len(), 1);
        let prop = |props: &[ical::property::Property], name: &str| {
            props.iter().find(|p| p.name == name).cloned().unwrap_or_else(|| panic!("no {name}"))
        };
        let tz = &cal.timezones[0];
        assert_eq!(prop(&tz.properties, "TZID").value.as_deref(), Some("Europe/Minsk"));
        assert_eq!(prop(&tz.transitions[0].properties, "TZOFFSETTO").value.as_deref(), Some("+0300"));
        let pushcha = cal
            .events
            .iter()
            .find(|e| prop(&e.properties, "SUMMARY").value.unwrap().starts_with("Belovezhskaya"))
            .unwrap();
        let start = prop(&pushcha.properties, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20180913T110000"));
        assert_eq!(start.params, Some(vec![("TZID".to_owned(), vec!["Europe/Minsk".to_owned()])]));
        assert_eq!(prop(&pushcha.properties, "DTSTAMP").value.as_deref(), Some("20261127T120000Z"));
        assert_eq!(prop(&pushcha.properties, "GEO").value.as_deref(), Some("52.563100;23.812100"));
        assert_eq!(prop(&pushcha.properties, "CATEGORIES").value.as_deref(), Some("Nature"));
        assert!(cal.properties.iter().any(|p| p.name == "PRODID" && p.value.as_deref() == Some(PRODID)));
    }

    #[test]
    fn text_is_rfc5545_shaped() {
        let mut visit = seed_visit();
        visit.stops[0].notes = "A long note, with commas; semicolons and a line\nbreak, that goes well past \
                                seventy-five octets so that it must be folded. Ещё кириллица: Әә Ққ Өө."
            .into();
        let text = calendar_text(&[visit.clone()], stamp());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        }
        let tz_at = text.find("BEGIN:VTIMEZONE").unwrap();
        assert!(tz_at < text.find("BEGIN:VEVENT").unwrap(), "zone before the events");
        let parsed = Calendar::from_str(&text).unwrap();
        let first = parsed.events().find(|e| e.get_uid() == Some(visit.stops[0].id.as_str())).unwrap();
        assert!(
            first.get_description().unwrap().contains(&visit.stops[0].notes),
            "escaped and unfolded back"
        );
    }

    #[test]
    fn uids_are_stable_and_unique() {
        let mut visit = seed_visit();
        visit.stops[1].id = String::new();
        visit.stops[2].id = String::new();
        visit.stops[4].id = visit.stops[3].id.clone();
        let uids = |at: DateTime<Utc>| -> Vec<String> {
            let parsed = Calendar::from_str(&calendar_text(&[visit.clone()], at)).unwrap();
            parsed.events().map(|e| e.get_uid().unwrap().to_owned()).collect()
        };
        let a = uids(stamp());
        let b = uids(stamp() + chrono::Duration::days(3));
        assert_eq!(a, b, "same stops, same UIDs, whenever exported");
        let mut unique = a.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), a.len(), "{a:?}");
        assert_eq!(a[1], "visit-of-kazakhstan-s-ambassador-to-brest-oblast-2018-09-11-v0-s1@tradedash");
    }

    #[test]
    fn status_end_before_start_and_floating_times() {
        let mut visit = seed_visit();
        visit.tzid = String::new();
        visit.stops[0].status = StopStatus::Cancelled;
        visit.stops[1].status = StopStatus::Done;
        visit.stops[1].placeholder_times = false;
        visit.stops[2].end = visit.stops[2].start;
        let text = calendar_text(&[visit.clone()], stamp());
        assert!(!text.contains("VTIMEZONE") && !text.contains("TZID"), "{text}");
        let parsed = Calendar::from_str(&text).unwrap();
        let events: Vec<_> = parsed.events().collect();
        assert_eq!(events[0].get_status(), Some(EventStatus::Cancelled));
        assert_eq!(events[1].get_status(), Some(EventStatus::Confirmed));
        assert_eq!(events[1].get_summary(), Some("Santa Bremor"));
        assert!(!events[1].get_description().unwrap().contains("placeholder"));
        assert_eq!(events[2].get_end(), None, "no DTEND when the stop does not end after it starts");
        assert_eq!(
            events[1].get_start(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Floating(
                NaiveDate::from_ymd_opt(2018, 9, 11).unwrap().and_time(hm(14, 0))
            )))
        );
    }

    #[test]
    fn default_workspace_holds_the_seed_visit_and_writes_a_file() {
        let ws = crate::io::workspace_file::default_workspace();
        assert_eq!(ws.visits, vec![seed_visit()]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("visit.ics");
        write_ics(&path, &ws.visits).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = Calendar::from_str(&text).unwrap();
        assert_eq!(parsed.events().count(), ws.visits[0].stops.len());
        let bad = dir.path().join("no-such-folder").join("visit.ics");
        assert!(write_ics(&bad, &ws.visits).is_err());
    }

    #[test]
    fn offsets_and_several_visits() {
        assert_eq!(utc_offset_text(180), "+0300");
        assert_eq!(utc_offset_text(-300), "-0500");
        assert_eq!(utc_offset_text(330), "+0530");
        let mut other = seed_visit();
        other.title = "Return visit".into();
        for s in &mut other.stops {
            s.id = format!("return-{}", s.id);
        }
        let text = calendar_text(&[seed_visit(), other], stamp());
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1, "one zone for both visits");
        assert_eq!(Calendar::from_str(&text).unwrap().events().count(), 12);
        let empty = calendar_text(&[], stamp());
        assert!(Calendar::from_str(&empty).unwrap().events().next().is_none());
        assert!(usable_tzid("Europe/Minsk").is_some());
        assert!(usable_tzid("Minsk; time").is_none());
    }
}
