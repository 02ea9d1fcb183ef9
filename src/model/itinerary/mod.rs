//! Delegation visits: who travels, who hosts, the days, the stops, and what trade each stop
//! concerns; validation of a plan (overlaps, impossible times, dates outside the visit, no
//! time left to travel between distant places).
//!
//! Times of stops are local wall-clock times at the place visited, in the visit's time zone
//! ([`Visit::tzid`]). The calendar export (`io::ics`) writes them with that `TZID`.
//!
//! The visit, its people and stops, and editing them in `visit.rs`; checking a plan in
//! `validate.rs`; reading what people type into a stop's fields in `parse.rs`. The seed visit
//! is in [`crate::model::seed`].

mod parse;
#[cfg(test)]
mod tests;
mod validate;
mod visit;

pub use parse::{coordinates_text, parse_coordinates, parse_date, parse_hs_codes, parse_time};
pub use validate::{Issue, Validation, minutes_label, minutes_label_in};
pub use visit::{
    DISTANT_KM, EARTH_RADIUS_KM, GeoPoint, MAX_VISIT_DAYS, Person, ROAD_DETOUR_FACTOR, ROAD_SPEED_KMH, Stop,
    StopKind, StopStatus, Visit, hm, new_stop_id, travel_minutes,
};
