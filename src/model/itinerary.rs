//! Delegation visits: days, stops, and what each stop is about.

use serde::{Deserialize, Serialize};

/// A multi-day visit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    /// Title shown above the itinerary.
    pub title: String,
    /// First day of the visit, `YYYY-MM-DD`.
    pub start_date: String,
    /// Number of days.
    pub days: u32,
    /// The stops, in order.
    pub stops: Vec<Stop>,
}

/// One place visited.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stop {
    /// Day of the visit, 1-based.
    pub day: u32,
    /// What happens there.
    pub title: String,
    /// Organisation or place.
    pub place: String,
}
