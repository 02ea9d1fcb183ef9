//! Delegation visits: who travels, who hosts, the days, the stops, and what trade each stop
//! concerns; validation of a plan (overlaps, impossible times, dates outside the visit, no
//! time left to travel between distant places).
//!
//! Times of stops are local wall-clock times at the place visited, in the visit's time zone
//! ([`Visit::tzid`]). The calendar export (`io::ics`) writes them with that `TZID`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::period::YearMonth;

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

/// Something wrong with a plan, shown beside the stop (or the visit) it concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// The visit's last day is before its first.
    VisitEndsBeforeStart,
    /// The stop ends at or before its start.
    EndNotAfterStart,
    /// The stop's day is outside the visit's dates.
    OutsideDates,
    /// The stop overlaps another stop on the same day (index into `Visit::stops`).
    Overlap {
        /// The other stop.
        other: usize,
    },
    /// The previous located stop of the day is far away and the gap between the two is shorter
    /// than the drive.
    NoTravelTime {
        /// The previous stop (index into `Visit::stops`).
        from: usize,
        /// Great-circle distance between the two, km.
        distance_km: f64,
        /// Minutes the drive needs (see [`travel_minutes`]).
        needed_min: i64,
        /// Minutes between the end of the previous stop and the start of this one.
        gap_min: i64,
    },
}

impl Issue {
    /// The warning as shown to the user.
    #[must_use]
    pub fn message(&self, visit: &Visit) -> String {
        let stop_ref = |i: usize| {
            visit
                .stops
                .get(i)
                .map_or_else(|| format!("stop {}", i + 1), |s| format!("{} ({})", s.name(), s.time_label()))
        };
        match self {
            Self::VisitEndsBeforeStart => format!(
                "The visit ends ({}) before it starts ({})",
                visit.end_date.format("%-d %b %Y"),
                visit.start_date.format("%-d %b %Y")
            ),
            Self::EndNotAfterStart => {
                "Ends before it starts: the end time must be after the start time".into()
            }
            Self::OutsideDates => format!("Outside the visit's dates ({})", visit.dates_label()),
            Self::Overlap { other } => format!("Overlaps with {}", stop_ref(*other)),
            Self::NoTravelTime { from, distance_km, needed_min, gap_min } => format!(
                "No travel time from {}: {distance_km:.0} km, about {} by road, {} planned",
                stop_ref(*from),
                minutes_label(*needed_min),
                minutes_label((*gap_min).max(0))
            ),
        }
    }
}

/// "45 min", "1 h", "1 h 10 min".
#[must_use]
pub fn minutes_label(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The result of checking a visit: issues of the visit as a whole and of each stop.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validation {
    /// Issues of the visit itself (its dates).
    pub visit: Vec<Issue>,
    /// Issues of each stop, indexed like `Visit::stops`.
    pub stops: Vec<Vec<Issue>>,
}

impl Validation {
    /// Whether nothing is wrong.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.visit.is_empty() && self.stops.iter().all(Vec::is_empty)
    }

    /// Number of issues in all.
    #[must_use]
    pub fn count(&self) -> usize {
        self.visit.len() + self.stops.iter().map(Vec::len).sum::<usize>()
    }
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

    /// Checks the plan. See [`Issue`] for what is checked; cancelled stops take no time and
    /// are skipped by the overlap and travel checks. For the travel check, the located stops
    /// of a day (those with coordinates) are taken in time order; between two consecutive ones
    /// more than [`DISTANT_KM`] apart, the gap must allow [`travel_minutes`] of driving.
    /// Stops without coordinates in between (a lunch, a "Travel" block) do not break the pair:
    /// their time is part of the gap.
    #[must_use]
    pub fn validate(&self) -> Validation {
        let mut out = Validation { visit: Vec::new(), stops: vec![Vec::new(); self.stops.len()] };
        if self.end_date < self.start_date {
            out.visit.push(Issue::VisitEndsBeforeStart);
        }
        for (i, stop) in self.stops.iter().enumerate() {
            if stop.end <= stop.start {
                out.stops[i].push(Issue::EndNotAfterStart);
            }
            if self.end_date >= self.start_date && (stop.date < self.start_date || stop.date > self.end_date)
            {
                out.stops[i].push(Issue::OutsideDates);
            }
        }
        let mut dates: Vec<NaiveDate> = self.stops.iter().map(|s| s.date).collect();
        dates.sort_unstable();
        dates.dedup();
        for date in dates {
            let day: Vec<usize> =
                self.stops_on(date).into_iter().filter(|&i| self.stops[i].occupies_time()).collect();
            for (k, &a) in day.iter().enumerate() {
                for &b in &day[k + 1..] {
                    let (sa, sb) = (&self.stops[a], &self.stops[b]);
                    if sa.start < sb.end && sb.start < sa.end {
                        out.stops[a].push(Issue::Overlap { other: b });
                        out.stops[b].push(Issue::Overlap { other: a });
                    }
                }
            }
            let located: Vec<(usize, GeoPoint)> =
                day.iter().filter_map(|&i| self.stops[i].coordinates.map(|p| (i, p))).collect();
            for pair in located.windows(2) {
                let [(a, pa), (b, pb)] = [pair[0], pair[1]];
                let distance_km = pa.distance_km(pb);
                if distance_km <= DISTANT_KM {
                    continue;
                }
                let needed_min = travel_minutes(distance_km);
                let gap_min = (self.stops[b].start - self.stops[a].end).num_minutes();
                if gap_min < needed_min {
                    out.stops[b].push(Issue::NoTravelTime { from: a, distance_km, needed_min, gap_min });
                }
            }
        }
        out
    }
}

/// `NaiveTime` from hours and minutes; out-of-range values give midnight.
#[must_use]
pub fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default()
}

/// A time typed by a person: "14:30", "14.30", "1430", "9:05", "9". `None` for anything else.
#[must_use]
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    let (h, m) = if let Some((h, m)) = t.split_once([':', '.', 'h']) {
        (h.trim(), m.trim())
    } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.split_at(2)
    } else {
        (t, "0")
    };
    if h.is_empty() || m.is_empty() || m.len() > 2 || h.len() > 2 {
        return None;
    }
    let hour: u32 = h.parse().ok()?;
    let minute: u32 = m.parse().ok()?;
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A date typed by a person, ISO form "2018-09-11".
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// HS codes typed as a list: "03, 16", "03 16", "HS 04". Each code is 2 to 10 digits;
/// `None` when anything else is in the text. An empty text is an empty list.
#[must_use]
pub fn parse_hs_codes(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let t = t.strip_prefix("HS").or_else(|| t.strip_prefix("hs")).unwrap_or(t);
    let mut codes = Vec::new();
    for code in t.split([',', ';', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        if !(2..=10).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_owned());
        }
    }
    Some(codes)
}

/// Coordinates typed as "52.0833, 23.6553" (latitude, longitude in degrees). An empty text
/// is `Some(None)`; text that is not two numbers in range is `None`.
#[must_use]
pub fn parse_coordinates(text: &str) -> Option<Option<GeoPoint>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    let (a, b) = t.split_once([',', ';', ' '])?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().trim_start_matches([',', ' ']).parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        .then_some(Some(GeoPoint::new(lat, lon)))
}

/// "52.0833, 23.6553", the form [`parse_coordinates`] reads.
#[must_use]
pub fn coordinates_text(point: Option<GeoPoint>) -> String {
    point.map_or_else(String::new, |p| format!("{}, {}", p.lat_deg, p.lon_deg))
}

/// The visit described in the seed article (BelTA via Kazinform, 11 September 2018): Kazakhstan's
/// ambassador in Brest Oblast, 11–13 September 2018. The article names the places but gives
/// no schedule beyond the meeting with the governor on 11 September, so every time here is a
/// placeholder (`placeholder_times`), and the order of days is a plausible guess to be
/// corrected. Coordinates are given for the two sites far enough apart to matter (the fortress
/// in Brest, the national park's visitor centre at Kamenyuki), approximate to about 1 km.
#[must_use]
pub fn seed_visit() -> Visit {
    let day = |d: u32| NaiveDate::from_ymd_opt(2018, 9, d).unwrap_or_default();
    let stop = |id: &str, date: u32, start: (u32, u32), end: (u32, u32)| Stop {
        id: format!("brest-kz-2018-{id}@tradedash"),
        date: day(date),
        start: hm(start.0, start.1),
        end: hm(end.0, end.1),
        placeholder_times: true,
        ..Stop::default()
    };
    Visit {
        title: "Visit of Kazakhstan's ambassador to Brest Oblast".into(),
        delegation: vec![Person::new(
            "Yermukhamet Yertysbayev",
            "Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Belarus",
        )],
        hosts: vec![Person::new("Anatoly Lis", "Governor of Brest Oblast")],
        start_date: day(11),
        end_date: day(13),
        tzid: "Europe/Minsk".into(),
        utc_offset_minutes: 180,
        notes: "Source: BelTA via Kazinform, 11 September 2018 (seed/brest-kazakhstan-2018.txt). \
                The article names the places visited during the three-day visit but gives no \
                times: all times are placeholders to fill in."
            .into(),
        stops: vec![
            Stop {
                place: "Brest".into(),
                organisation: "Brest Oblast Executive Committee".into(),
                kind: StopKind::Meeting,
                notes: "Meeting with Governor Anatoly Lis on 11 September (the article's date). \
                        Brest Oblast – Kazakhstan trade $58.3 million in Jan–Jul 2018, +18.6%; \
                        seven enterprises with Kazakh capital in the oblast."
                    .into(),
                ..stop("governor", 11, (10, 0), (11, 30))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Santa Bremor".into(),
                kind: StopKind::Enterprise,
                notes: "Fish-processing company.".into(),
                hs_codes: vec!["03".into(), "16".into()],
                ..stop("santa-bremor", 11, (14, 0), (16, 0))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Savushkin Product".into(),
                kind: StopKind::Enterprise,
                notes: "Dairy.".into(),
                hs_codes: vec!["04".into()],
                ..stop("savushkin", 12, (10, 0), (12, 0))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Pushkin Brest State University".into(),
                kind: StopKind::University,
                notes: "Meeting with students.".into(),
                ..stop("brsu", 12, (14, 0), (15, 30))
            },
            Stop {
                place: "Brest".into(),
                organisation: "Brest Hero Fortress".into(),
                kind: StopKind::Memorial,
                notes: "Memorial complex.".into(),
                coordinates: Some(GeoPoint::new(52.0833, 23.6553)),
                ..stop("fortress", 12, (16, 30), (18, 0))
            },
            Stop {
                place: "Kamenyuki".into(),
                organisation: "Belovezhskaya Pushcha National Park".into(),
                kind: StopKind::Nature,
                notes: "About 60 km north of Brest; allow the drive before the visit.".into(),
                coordinates: Some(GeoPoint::new(52.5631, 23.8121)),
                ..stop("pushcha", 13, (11, 0), (15, 0))
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
