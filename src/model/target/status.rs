//! What an evaluation returns: the current value, the gap, the growth needed and seen, and the
//! year the target is reached at that growth.

use serde::{Deserialize, Serialize};

use super::reported::ReportedRef;
use super::types::{Band, CurrentBasis, PROJECTION_HORIZON_YEARS};
use crate::model::note::Note;
use crate::model::period::MonthRange;

/// Compound annual growth rate needed to go from `baseline_usd` to `target_usd` in `years`
/// years: `(target / baseline)^(1 / years) − 1`. `Some(0.0)` when the baseline already
/// reaches the target; `None` when `years ≤ 0` or a value is not positive.
#[must_use]
pub fn required_cagr(baseline_usd: f64, target_usd: f64, years: i32) -> Option<f64> {
    if years <= 0 || !(baseline_usd > 0.0 && target_usd > 0.0) {
        return None;
    }
    if baseline_usd >= target_usd {
        return Some(0.0);
    }
    Some((target_usd / baseline_usd).powf(1.0 / f64::from(years)) - 1.0)
}

/// When the target is reached if the observed growth holds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Projection {
    /// The annual level already reaches the target in `year`.
    Met {
        /// The year of the current value.
        year: i32,
    },
    /// Reached in `year` at the observed growth rate.
    Reached {
        /// First year at or above the target.
        year: i32,
    },
    /// Growth is zero or negative (or too slow to get there within
    /// [`PROJECTION_HORIZON_YEARS`]): "not reached at this rate".
    NotReached,
    /// No current value or no observed growth to project with.
    Unknown,
}

impl Projection {
    /// The year the target is (or was) reached, if it is.
    #[must_use]
    pub fn year(self) -> Option<i32> {
        match self {
            Self::Met { year } | Self::Reached { year } => Some(year),
            Self::NotReached | Self::Unknown => None,
        }
    }
}

/// First year `y ≥ year` with `level_usd · (1 + growth)^(y − year) ≥ target_usd`.
#[must_use]
pub fn project(level_usd: f64, year: i32, growth: f64, target_usd: f64) -> Projection {
    if !(level_usd.is_finite() && growth.is_finite() && target_usd.is_finite()) {
        return Projection::Unknown;
    }
    if level_usd >= target_usd {
        return Projection::Met { year };
    }
    if growth <= 0.0 || level_usd <= 0.0 {
        return Projection::NotReached;
    }
    // Smallest whole n with (1+g)^n ≥ target/level; the tolerance keeps an exact hit (690 →
    // 1000 at exactly the required rate) from rounding up a year.
    let n = ((target_usd / level_usd).ln() / growth.ln_1p() - 1e-9).ceil();
    if n > f64::from(PROJECTION_HORIZON_YEARS) {
        return Projection::NotReached;
    }
    // n is in 1..=PROJECTION_HORIZON_YEARS here, so the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let n = n as i32;
    Projection::Reached { year: year + n.max(1) }
}

/// Where the current value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CurrentSource {
    /// Computed from the data with the target's basis.
    Data(CurrentBasis),
    /// The data has nothing for the scope newer than the baseline, so the baseline stands in.
    Baseline,
    /// A reported figure of the workspace ([`Current::reported`] names it).
    Reported,
}

impl CurrentSource {
    /// Machine-readable name for scripts: the basis key, or "baseline".
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Data(b) => b.key(),
            Self::Baseline => "baseline",
            Self::Reported => "reported",
        }
    }
}

/// The current value of a target and what it is made of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Current {
    /// Basis used, or the baseline standing in.
    pub source: CurrentSource,
    /// The value, US dollars.
    pub value_usd: f64,
    /// Calendar year the value stands for (the year of the last month for a rolling window).
    pub year: i32,
    /// Months summed, for monthly bases.
    pub months: Option<MonthRange>,
    /// Short description for the gauge: "2018", "Jan–Jul 2018", "Jan–Jul 2018 annualised",
    /// "Aug 2017–Jul 2018", "2017, reported": [`Current::period`] in English.
    pub label: String,
    /// The same as a note, for the reader's language.
    #[serde(default)]
    pub period: Note,
    /// The value as a full year's level, for projections (the year to date annualised; the
    /// value itself for the other bases). `None` when it cannot be had.
    pub annual_level_usd: Option<f64>,
    /// For a reported figure: which one, and its source.
    #[serde(default)]
    pub reported: Option<ReportedRef>,
}

/// A target compared with the data: what the gauge and `tradedash targets` show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetStatus {
    /// Where the trade stands now; `None` when neither the data nor the baseline give a value.
    pub current: Option<Current>,
    /// Baseline value used (reported, or computed from the data).
    pub baseline_usd: Option<f64>,
    /// `target − current`, US dollars; zero or negative when met.
    pub gap_usd: Option<f64>,
    /// The gap as a percentage of the target (31.0 for $690 million against $1 billion).
    pub gap_pct: Option<f64>,
    /// Current as a percentage of the target (69.0).
    pub progress_pct: Option<f64>,
    /// Growth per year needed from the baseline to reach the target by the deadline.
    pub required_cagr: Option<f64>,
    /// Year-on-year growth of the current basis.
    pub observed_growth: Option<f64>,
    /// Where the required growth path stands in the current value's year:
    /// `baseline × (1 + required_cagr)^(year − baseline_year)`, never above the target, and the
    /// target itself once the deadline has passed. `None` without a deadline, or when the current year is the
    /// baseline year or earlier.
    pub required_path_usd: Option<f64>,
    /// When the target is reached if the observed growth holds.
    pub projection: Projection,
    /// Colour band of the gauge.
    pub level: Option<Band>,
    /// How each figure was obtained, which months were used and which were missing: the
    /// [`TargetStatus::explanation`] in English, for the command line and the briefing.
    pub notes: Vec<String>,
    /// The notes as data, written in the reader's language by [`Note::text`].
    #[serde(default)]
    pub explanation: Vec<Note>,
}

impl TargetStatus {
    /// The current value, US dollars.
    #[must_use]
    pub fn current_usd(&self) -> Option<f64> {
        self.current.as_ref().map(|c| c.value_usd)
    }

    /// Whether the current value reaches the target.
    #[must_use]
    pub fn met(&self) -> bool {
        self.gap_usd.is_some_and(|g| g <= 0.0)
    }

    /// Whether the projection reaches the target by `deadline`; `None` when either is unknown.
    #[must_use]
    pub fn on_track(&self, deadline: Option<i32>) -> Option<bool> {
        let deadline = deadline?;
        match self.projection {
            Projection::Met { .. } => Some(true),
            Projection::Reached { year } => Some(year <= deadline),
            Projection::NotReached => Some(false),
            Projection::Unknown => None,
        }
    }
}
