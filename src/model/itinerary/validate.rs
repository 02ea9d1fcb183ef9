//! Checking a visit's plan: overlaps, impossible times, dates outside the visit, no time left
//! to travel between distant places.

use chrono::NaiveDate;

use super::visit::{DISTANT_KM, GeoPoint, Visit, travel_minutes};
use crate::i18n::{Lang, tr};
use crate::model::format;

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
    /// The warning in English.
    #[must_use]
    pub fn message(&self, visit: &Visit) -> String {
        self.message_in(Lang::En, visit)
    }

    /// The warning as shown to the user, in `lang`.
    #[must_use]
    pub fn message_in(&self, lang: Lang, visit: &Visit) -> String {
        let stop_ref = |i: usize| {
            visit.stops.get(i).map_or_else(
                || tr!(lang, "visit-stop-number", number = (i + 1).to_string()),
                |s| format!("{} ({})", s.name_in(lang), s.time_label()),
            )
        };
        let day = |d: NaiveDate| format::date(lang, ymd(d));
        match self {
            Self::VisitEndsBeforeStart => tr!(
                lang,
                "issue-visit-ends-before-start",
                end = day(visit.end_date),
                start = day(visit.start_date)
            ),
            Self::EndNotAfterStart => tr(lang, "issue-end-not-after-start"),
            Self::OutsideDates => tr!(
                lang,
                "issue-outside-dates",
                dates = format::date_span(lang, ymd(visit.start_date), ymd(visit.end_date))
            ),
            Self::Overlap { other } => tr!(lang, "issue-overlap", other = stop_ref(*other)),
            Self::NoTravelTime { from, distance_km, needed_min, gap_min } => tr!(
                lang,
                "issue-no-travel-time",
                from = stop_ref(*from),
                km = crate::i18n::format::decimal(lang, *distance_km, 0),
                needed = minutes_label_in(lang, *needed_min),
                planned = minutes_label_in(lang, (*gap_min).max(0))
            ),
        }
    }
}

/// (year, month, day) of a date, for the format functions.
fn ymd(d: NaiveDate) -> (i32, u8, u8) {
    use chrono::Datelike;
    // Month and day fit in u8.
    #[allow(clippy::cast_possible_truncation)]
    (d.year(), d.month() as u8, d.day() as u8)
}

/// "45 min", "1 h", "1 h 10 min".
#[must_use]
pub fn minutes_label(minutes: i64) -> String {
    minutes_label_in(Lang::En, minutes)
}

/// [`minutes_label`] in `lang`: "1 ч 10 мин".
#[must_use]
pub fn minutes_label_in(lang: Lang, minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => tr!(lang, "duration-min", minutes = m.to_string()),
        (h, 0) => tr!(lang, "duration-h", hours = h.to_string()),
        (h, m) => tr!(lang, "duration-h-min", hours = h.to_string(), minutes = m.to_string()),
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
