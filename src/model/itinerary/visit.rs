//! A visit: who travels, who hosts, the days and the stops; moving stops between days.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::model::period::YearMonth;

/// Mean radius of the Earth, kilometres (IUGG mean radius), used for great-circle distances.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Road distance over great-circle distance: roads wind, so a car covers about a third more
/// than the straight line between two places in a region like Brest Oblast.
pub const ROAD_DETOUR_FACTOR: f64 = 1.3;

/// Assumed average road speed of a delegation's cars, km/h, door to door (town streets,
/// regional roads, a police escort that keeps traffic moving but stops at the gates).
pub const ROAD_SPEED_KMH: f64 = 60.0;

/// Two stops closer than this (great-circle, km) are taken to be walking distance apart, or on
/// the same site: no travel time is required between them.
pub const DISTANT_KM: f64 = 2.0;

/// Longest visit the timeline lays out day by day; later days are ignored by
/// [`Visit::days`] (a guard against a mistyped year, not a limit of the file format).
pub const MAX_VISIT_DAYS: u64 = 62;

/// A multi-day visit of a delegation, with its hosts and stops.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    /// Title shown above the itinerary and as the calendar's name.
    pub title: String,
    /// Who comes: the visiting delegation.
    pub delegation: Vec<Person>,
    /// Who receives them.
    pub hosts: Vec<Person>,
    /// First day of the visit.
    pub start_date: NaiveDate,
    /// Last day of the visit (inclusive).
    pub end_date: NaiveDate,
    /// IANA name of the time zone the stops' times are given in ("Europe/Minsk"). Empty
    /// means floating local times.
    pub tzid: String,
    /// Offset of that zone from UTC during the visit, minutes (180 for Minsk, UTC+3 all year
    /// since 2011). Written into the calendar's `VTIMEZONE`.
    pub utc_offset_minutes: i32,
    /// Where the plan comes from, and anything else worth keeping with it.
    pub notes: String,
    /// The stops, in the order the user keeps them in the list (the timeline sorts by time).
    pub stops: Vec<Stop>,
}

impl Default for Visit {
    fn default() -> Self {
        Self {
            title: "New visit".into(),
            delegation: Vec::new(),
            hosts: Vec::new(),
            start_date: NaiveDate::default(),
            end_date: NaiveDate::default(),
            tzid: "Europe/Minsk".into(),
            utc_offset_minutes: 180,
            notes: String::new(),
            stops: Vec::new(),
        }
    }
}

/// Somebody taking part in a visit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Full name.
    pub name: String,
    /// Office or role ("Governor of Brest Oblast").
    pub role: String,
}

impl Person {
    /// A person with a name and a role.
    #[must_use]
    pub fn new(name: &str, role: &str) -> Self {
        Self { name: name.into(), role: role.into() }
    }
}

/// What kind of place a stop is; the timeline colours blocks by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StopKind {
    /// A factory or company.
    Enterprise,
    /// A university or school.
    University,
    /// A memorial or museum.
    Memorial,
    /// A national park or other nature site.
    Nature,
    /// A meeting or talks.
    #[default]
    Meeting,
    /// Time on the road between places.
    Travel,
}

impl StopKind {
    /// Every kind, in the order menus show them.
    pub const ALL: [Self; 6] =
        [Self::Enterprise, Self::University, Self::Memorial, Self::Nature, Self::Meeting, Self::Travel];

    /// Name shown in the UI and written to the calendar's `CATEGORIES`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Enterprise => "Enterprise",
            Self::University => "University",
            Self::Memorial => "Memorial",
            Self::Nature => "Nature",
            Self::Meeting => "Meeting",
            Self::Travel => "Travel",
        }
    }
}

/// How far a stop is from happening.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StopStatus {
    /// Proposed, not yet agreed with the host.
    #[default]
    Planned,
    /// Agreed with the host.
    Confirmed,
    /// Took place.
    Done,
    /// Will not take place; ignored by the overlap and travel checks.
    Cancelled,
}

impl StopStatus {
    /// Every status, in the order menus show them.
    pub const ALL: [Self; 4] = [Self::Planned, Self::Confirmed, Self::Done, Self::Cancelled];

    /// Name shown in the UI.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::Confirmed => "Confirmed",
            Self::Done => "Done",
            Self::Cancelled => "Cancelled",
        }
    }
}

/// A point on the Earth, degrees (WGS 84).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GeoPoint {
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
}

impl GeoPoint {
    /// A point from latitude and longitude in degrees.
    #[must_use]
    pub fn new(lat_deg: f64, lon_deg: f64) -> Self {
        Self { lat_deg, lon_deg }
    }

    /// Great-circle (haversine) distance to `other`, km, on a sphere of radius
    /// [`EARTH_RADIUS_KM`]; within 0.5% of the ellipsoidal distance.
    #[must_use]
    pub fn distance_km(self, other: Self) -> f64 {
        let (lat1, lat2) = (self.lat_deg.to_radians(), other.lat_deg.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.lon_deg - self.lon_deg).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().clamp(0.0, 1.0).asin()
    }
}

/// Minutes a delegation needs to drive `distance_km` of great-circle distance:
/// `distance × ROAD_DETOUR_FACTOR / ROAD_SPEED_KMH`, rounded up to whole minutes.
#[must_use]
pub fn travel_minutes(distance_km: f64) -> i64 {
    let minutes = (distance_km * ROAD_DETOUR_FACTOR / ROAD_SPEED_KMH * 60.0).ceil();
    // A distance on Earth is below 20 040 km, so the minutes fit easily.
    #[allow(clippy::cast_possible_truncation)]
    let whole = minutes as i64;
    whole
}

/// One stop of a visit: a block of time at one place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stop {
    /// Stable identifier, kept through edits and moves; the calendar export uses it as the
    /// event's `UID` so that a re-imported itinerary updates events instead of duplicating
    /// them. Empty in hand-written files; the export then derives one from the visit.
    pub id: String,
    /// Day of the stop.
    pub date: NaiveDate,
    /// Local start time.
    pub start: NaiveTime,
    /// Local end time.
    pub end: NaiveTime,
    /// Town or site ("Brest", "Kamenyuki").
    pub place: String,
    /// Organisation or landmark visited ("Santa Bremor").
    pub organisation: String,
    /// What kind of stop it is.
    pub kind: StopKind,
    /// Street address, when known.
    pub address: String,
    /// What happens there, who attends, what to prepare.
    pub notes: String,
    /// Planned, confirmed, done or cancelled.
    pub status: StopStatus,
    /// HS codes (chapters or headings, "03", "0406") of the trade the stop concerns.
    pub hs_codes: Vec<String>,
    /// Where the stop is, for the travel-time check.
    pub coordinates: Option<GeoPoint>,
    /// The start and end times are placeholders (the source gave none) and still have to be
    /// filled in; shown in the UI and written to the calendar event's description.
    pub placeholder_times: bool,
}

impl Default for Stop {
    fn default() -> Self {
        Self {
            id: String::new(),
            date: NaiveDate::default(),
            start: hm(9, 0),
            end: hm(10, 0),
            place: String::new(),
            organisation: String::new(),
            kind: StopKind::default(),
            address: String::new(),
            notes: String::new(),
            status: StopStatus::default(),
            hs_codes: Vec::new(),
            coordinates: None,
            placeholder_times: false,
        }
    }
}

impl Stop {
    /// Name of the stop as shown on the timeline and as the calendar event's summary: the
    /// organisation, else the place, else "Untitled stop".
    #[must_use]
    pub fn name(&self) -> &str {
        if !self.organisation.trim().is_empty() {
            self.organisation.trim()
        } else if !self.place.trim().is_empty() {
            self.place.trim()
        } else {
            "Untitled stop"
        }
    }

    /// [`Stop::name`] in `lang`: the untitled stop's words are translated.
    #[must_use]
    pub fn name_in(&self, lang: crate::i18n::Lang) -> String {
        let name = self.name();
        if name == "Untitled stop" && self.organisation.trim().is_empty() && self.place.trim().is_empty() {
            crate::i18n::tr(lang, "visit-untitled-stop")
        } else {
            name.to_owned()
        }
    }

    /// Length of the stop, minutes; zero or negative when it ends before it starts.
    #[must_use]
    pub fn duration_min(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether the stop occupies time on its day: not cancelled and ending after it starts.
    #[must_use]
    pub fn occupies_time(&self) -> bool {
        self.status != StopStatus::Cancelled && self.end > self.start
    }

    /// "10:00–11:30".
    #[must_use]
    pub fn time_label(&self) -> String {
        format!("{}–{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
    }

    /// "HS 03, 16", or an empty string when the stop concerns no particular trade.
    #[must_use]
    pub fn hs_label(&self) -> String {
        if self.hs_codes.is_empty() { String::new() } else { format!("HS {}", self.hs_codes.join(", ")) }
    }
}

/// A new random identifier for a stop (a UUID v4 string).
#[must_use]
pub fn new_stop_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Visit {
    /// The days of the visit, first to last; empty when the visit ends before it starts, and
    /// at most [`MAX_VISIT_DAYS`] long.
    #[must_use]
    pub fn days(&self) -> Vec<NaiveDate> {
        self.start_date
            .iter_days()
            .take_while(|d| *d <= self.end_date)
            .take(usize::try_from(MAX_VISIT_DAYS).unwrap_or(usize::MAX))
            .collect()
    }

    /// 1-based number of `date` within the visit, if it falls within the visit's dates.
    #[must_use]
    pub fn day_number(&self, date: NaiveDate) -> Option<u32> {
        if date < self.start_date || date > self.end_date {
            return None;
        }
        u32::try_from((date - self.start_date).num_days() + 1).ok()
    }

    /// "11–13 Sep 2018", "30 Sep – 2 Oct 2018", "11 Sep 2018".
    #[must_use]
    pub fn dates_label(&self) -> String {
        let (a, b) = (self.start_date, self.end_date);
        if a == b {
            a.format("%-d %b %Y").to_string()
        } else if a.format("%Y-%m").to_string() == b.format("%Y-%m").to_string() {
            format!("{}–{}", a.format("%-d"), b.format("%-d %b %Y"))
        } else if a.format("%Y").to_string() == b.format("%Y").to_string() {
            format!("{} – {}", a.format("%-d %b"), b.format("%-d %b %Y"))
        } else {
            format!("{} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
        }
    }

    /// The months the visit touches, first and last, for the chart's annotation.
    #[must_use]
    pub fn months(&self) -> Option<(YearMonth, YearMonth)> {
        use chrono::Datelike;
        if self.end_date < self.start_date {
            return None;
        }
        let ym = |d: NaiveDate| YearMonth::new(d.year(), u8::try_from(d.month()).ok()?);
        Some((ym(self.start_date)?, ym(self.end_date)?))
    }

    /// The visit as an event on the chart's timeline: its days and title.
    #[must_use]
    pub fn as_annotation(&self) -> crate::model::annotation::Annotation {
        use crate::model::annotation::{Annotation, EventDate};
        use chrono::Datelike;
        let date = |d: NaiveDate| {
            // chrono's month and day are in range, so the narrowing cannot lose anything.
            #[allow(clippy::cast_possible_truncation)]
            let month = YearMonth { year: d.year(), month: d.month() as u8 };
            #[allow(clippy::cast_possible_truncation)]
            EventDate { month, day: Some(d.day() as u8) }
        };
        let end = (self.end_date > self.start_date).then(|| date(self.end_date));
        Annotation { start: date(self.start_date), end, label: format!("Visit: {}", self.title) }
    }

    /// Indices of the stops on `date`, in time order (then list order).
    #[must_use]
    pub fn stops_on(&self, date: NaiveDate) -> Vec<usize> {
        let mut idx: Vec<usize> =
            self.stops.iter().enumerate().filter(|(_, s)| s.date == date).map(|(i, _)| i).collect();
        idx.sort_by_key(|&i| (self.stops[i].start, self.stops[i].end, i));
        idx
    }

    /// A new stop for `date`, given a fresh id, starting on the hour after the last stop of
    /// that day ends (09:00 on an empty day) and lasting an hour.
    #[must_use]
    pub fn new_stop(&self, date: NaiveDate) -> Stop {
        let last_end = self.stops_on(date).iter().map(|&i| self.stops[i].end).max();
        let start = match last_end {
            None => hm(9, 0),
            Some(end) => {
                use chrono::Timelike;
                let next_hour = if end.minute() == 0 { end.hour() } else { end.hour() + 1 };
                if next_hour >= 23 { hm(22, 0) } else { hm(next_hour, 0) }
            }
        };
        let end = start.overflowing_add_signed(chrono::Duration::hours(1)).0.min(hm(23, 59));
        Stop { id: new_stop_id(), date, start, end, ..Stop::default() }
    }

    /// Moves stop `index` to `date`, keeping its times. Out-of-range indices are ignored.
    pub fn move_stop_to(&mut self, index: usize, date: NaiveDate) {
        if let Some(stop) = self.stops.get_mut(index) {
            stop.date = date;
        }
    }

    /// Moves stop `index` before the previous stop of its day: the two exchange places in
    /// time, each keeping its length, with the gap that was between them kept between them.
    /// Returns `false` (and changes nothing) for the first stop of a day, an unknown index, or
    /// when the exchange would run past midnight.
    pub fn move_earlier(&mut self, index: usize) -> bool {
        let Some(stop) = self.stops.get(index) else { return false };
        let day = self.stops_on(stop.date);
        let Some(pos) = day.iter().position(|&i| i == index) else { return false };
        if pos == 0 {
            return false;
        }
        let prev = day[pos - 1];
        let (a, b) = (&self.stops[prev], &self.stops[index]);
        let gap = (b.start - a.end).max(chrono::Duration::zero());
        let add = |t: NaiveTime, d: chrono::Duration| match t.overflowing_add_signed(d) {
            (t, 0) => Some(t),
            _ => None,
        };
        let b_start = a.start;
        let Some(b_end) = add(b_start, b.end - b.start) else { return false };
        let Some(a_start) = add(b_end.max(b_start), gap) else { return false };
        let Some(a_end) = add(a_start, a.end - a.start) else { return false };
        self.stops[index].start = b_start;
        self.stops[index].end = b_end;
        self.stops[prev].start = a_start;
        self.stops[prev].end = a_end;
        self.stops.swap(prev, index);
        true
    }

    /// Moves stop `index` after the next stop of its day (see [`Visit::move_earlier`]).
    /// Returns whether anything moved.
    pub fn move_later(&mut self, index: usize) -> bool {
        let Some(stop) = self.stops.get(index) else { return false };
        let day = self.stops_on(stop.date);
        match day.iter().position(|&i| i == index) {
            Some(pos) if pos + 1 < day.len() => self.move_earlier(day[pos + 1]),
            _ => false,
        }
    }
}

/// `NaiveTime` from hours and minutes; out-of-range values give midnight.
#[must_use]
pub fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}
