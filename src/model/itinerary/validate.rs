//! Checking a visit's plan: overlaps, impossible times, dates outside the visit, no time left
//! to travel between distant places.

use chrono::NaiveDate;

use super::visit::{DISTANT_KM, GeoPoint, Visit, travel_minutes};

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
