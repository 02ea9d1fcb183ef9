//! Trade targets ("raise Belarus–Kazakhstan trade to $1 billion") and the arithmetic of the gap.

use serde::{Deserialize, Serialize};

/// A goal for one measure of trade between a reporter and a partner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// Name shown on the gauge.
    pub name: String,
    /// Reporter code or name the target is about.
    pub reporter: String,
    /// Partner code or name the target is about.
    pub partner: String,
    /// Target value, US dollars.
    pub target_usd: f64,
    /// Year by which the target is to be reached; `None` when nobody said.
    pub deadline_year: Option<i32>,
    /// Year of the baseline value.
    pub baseline_year: i32,
    /// Baseline value, US dollars.
    pub baseline_usd: f64,
    /// Where the baseline comes from (a reported figure's source), empty when computed.
    pub baseline_source: String,
}

impl Default for Target {
    fn default() -> Self {
        Self {
            name: "New target".into(),
            reporter: String::new(),
            partner: String::new(),
            target_usd: 0.0,
            deadline_year: None,
            baseline_year: 2017,
            baseline_usd: 0.0,
            baseline_source: String::new(),
        }
    }
}
