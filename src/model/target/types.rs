//! A target and its settings: scope, measure, value, deadline, baseline, basis, thresholds,
//! and what can be wrong with them as entered.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::reported::CurrentPin;
use crate::model::query::{FlowSums, Selection};

/// Projections further out than this many years count as "not reached at this rate".
pub const PROJECTION_HORIZON_YEARS: i32 = 100;

/// Earliest and latest year a target may name.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Which trade value a target is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TargetMeasure {
    /// Exports plus imports ("commodity trade", "trade turnover").
    #[default]
    Turnover,
    /// Exports of the reporter to the partner.
    Exports,
    /// Imports of the reporter from the partner.
    Imports,
}

impl TargetMeasure {
    /// Every measure, in the order menus show them.
    pub const ALL: [Self; 3] = [Self::Turnover, Self::Exports, Self::Imports];

    /// "Turnover", "Exports", "Imports".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Turnover => "Turnover",
            Self::Exports => "Exports",
            Self::Imports => "Imports",
        }
    }

    /// Machine-readable name for scripts: "turnover", "exports", "imports".
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Turnover => "turnover",
            Self::Exports => "exports",
            Self::Imports => "imports",
        }
    }

    /// The measure's value in some sums; `None` for exports or imports when the source gave
    /// only turnover, and for a flow the data does not hold (and turnover beside it).
    #[must_use]
    pub fn value(self, sums: &FlowSums) -> Option<f64> {
        match self {
            Self::Turnover => sums.turnover_usd(),
            Self::Exports => sums.exports(),
            Self::Imports => sums.imports(),
        }
    }
}

impl fmt::Display for TargetMeasure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which figure counts as "where we are now".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CurrentBasis {
    /// The latest calendar year that is over in the data (its December, or a later month, is
    /// there). Growth: that year against the year before.
    #[default]
    LastFullYear,
    /// January to the latest month with data, summed. Growth: against the same months a year
    /// earlier. Not an annual figure: projections start from its annualised value.
    YearToDate,
    /// The year to date scaled to a full year with last year's seasonality:
    /// `ytd × (last year / last year's same months)`. Growth as for the year to date.
    YtdAnnualised,
    /// The twelve months ending with the latest month with data. Growth: against the twelve
    /// months before them.
    Rolling12,
}

impl CurrentBasis {
    /// Every basis, in the order menus show them.
    pub const ALL: [Self; 4] = [Self::LastFullYear, Self::YearToDate, Self::YtdAnnualised, Self::Rolling12];

    /// "Last full year", "Year to date", …
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::LastFullYear => "Last full year",
            Self::YearToDate => "Year to date",
            Self::YtdAnnualised => "Year to date, annualised",
            Self::Rolling12 => "Rolling 12 months",
        }
    }

    /// Machine-readable name for scripts: "last_full_year", "year_to_date", "ytd_annualised",
    /// "rolling_12".
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::LastFullYear => "last_full_year",
            Self::YearToDate => "year_to_date",
            Self::YtdAnnualised => "ytd_annualised",
            Self::Rolling12 => "rolling_12",
        }
    }
}

impl fmt::Display for CurrentBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where a baseline value comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum BaselineOrigin {
    /// A figure quoted by an official or the press; `value_usd` holds it.
    Reported {
        /// Who said it and where it was published.
        #[serde(default)]
        source: String,
        /// Anything the reader should know ("Belarusian statistics; Kazakhstan's give $604.1 M").
        #[serde(default)]
        note: String,
    },
    /// The year's total in the data for the target's scope; `value_usd` is ignored.
    #[default]
    Computed,
}

/// The value a target is measured from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Baseline {
    /// Calendar year of the baseline.
    pub year: i32,
    /// Baseline value in US dollars, for a reported baseline.
    pub value_usd: f64,
    /// Reported figure or computed from the data.
    pub origin: BaselineOrigin,
}

impl Default for Baseline {
    fn default() -> Self {
        Self { year: 2017, value_usd: 0.0, origin: BaselineOrigin::Computed }
    }
}

impl Baseline {
    /// Whether the baseline is a reported figure rather than computed from the data.
    #[must_use]
    pub fn is_reported(&self) -> bool {
        matches!(self.origin, BaselineOrigin::Reported { .. })
    }
}

/// Colour bands of a gauge, as a percentage of the target reached (current ÷ target × 100).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// From this percentage of the target on, the gauge is amber (below it, red).
    pub amber_from_pct: f64,
    /// From this percentage of the target on, the gauge is green.
    pub green_from_pct: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { amber_from_pct: 70.0, green_from_pct: 90.0 }
    }
}

impl Thresholds {
    /// The band a percentage of the target falls in.
    #[must_use]
    pub fn level(&self, progress_pct: f64) -> Band {
        if progress_pct >= self.green_from_pct {
            Band::High
        } else if progress_pct >= self.amber_from_pct {
            Band::Medium
        } else {
            Band::Low
        }
    }
}

/// Colour band of a gauge; the UI maps it to theme colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Band {
    /// Below the amber threshold (red).
    Low,
    /// Between the amber and green thresholds (amber).
    Medium,
    /// At or above the green threshold (green).
    High,
}

/// A political or business goal for one measure of trade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    /// Name shown on the gauge.
    pub name: String,
    /// Reporter code or name; empty for all reporters.
    pub reporter: String,
    /// Partner code or name; empty for all partners.
    pub partner: String,
    /// HS code prefix ("03"); empty for all commodities.
    pub commodity: String,
    /// Which value the target is about.
    pub measure: TargetMeasure,
    /// The goal, US dollars.
    pub target_usd: f64,
    /// Year by which the target is to be reached; `None` when nobody said.
    pub deadline_year: Option<i32>,
    /// The value the goal was set against.
    pub baseline: Baseline,
    /// Which figure counts as the current value.
    pub basis: CurrentBasis,
    /// Whether the gauge uses the latest figure (data or reported), the data's, or one
    /// reported figure.
    pub pin: CurrentPin,
    /// Colour bands of the gauge.
    pub thresholds: Thresholds,
    /// Free text shown under the gauge ("the article gives no deadline: set one").
    pub note: String,
    /// The workspace's country groups, which `partner` may name (copied by
    /// `Workspace::share_groups`; not saved with the target).
    #[serde(skip)]
    pub groups: Vec<crate::model::groups::PartnerGroup>,
}

impl Default for Target {
    fn default() -> Self {
        Self {
            name: "New target".into(),
            reporter: String::new(),
            partner: String::new(),
            commodity: String::new(),
            measure: TargetMeasure::Turnover,
            target_usd: 0.0,
            deadline_year: None,
            baseline: Baseline::default(),
            basis: CurrentBasis::LastFullYear,
            pin: CurrentPin::Latest,
            thresholds: Thresholds::default(),
            note: String::new(),
            groups: Vec::new(),
        }
    }
}

/// Something wrong with a target as entered; the message is shown as is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TargetError {
    /// The name is empty.
    #[error("Give the target a name.")]
    EmptyName,
    /// The target value is zero, negative or not a number.
    #[error("The target value must be more than $0.")]
    TargetNotPositive,
    /// A reported baseline is zero, negative or not a number.
    #[error("The reported baseline value must be more than $0.")]
    BaselineNotPositive,
    /// A year outside [`YEAR_RANGE`].
    #[error("The {what} {year} is outside 1900–2200.")]
    YearOutOfRange {
        /// "baseline year" or "deadline".
        what: &'static str,
        /// The year given.
        year: i32,
    },
    /// The deadline is not after the baseline year.
    #[error("The deadline ({deadline}) must come after the baseline year ({baseline_year}).")]
    DeadlineNotAfterBaseline {
        /// Deadline year given.
        deadline: i32,
        /// Baseline year given.
        baseline_year: i32,
    },
    /// The colour thresholds are out of order or negative.
    #[error("Colour thresholds must satisfy 0 ≤ amber ≤ green (now {amber_pct}% and {green_pct}%).")]
    Thresholds {
        /// Amber threshold given.
        amber_pct: f64,
        /// Green threshold given.
        green_pct: f64,
    },
}

impl TargetError {
    /// The message in `lang` (`Display` is the English one).
    #[must_use]
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tr;
        match self {
            Self::EmptyName => tr(lang, "target-invalid-name"),
            Self::TargetNotPositive => tr(lang, "target-invalid-value"),
            Self::BaselineNotPositive => tr(lang, "target-invalid-baseline"),
            Self::YearOutOfRange { what, year } => tr!(
                lang,
                "target-invalid-year",
                what = if *what == "deadline" { "deadline" } else { "baseline" },
                year = year.to_string()
            ),
            Self::DeadlineNotAfterBaseline { deadline, baseline_year } => tr!(
                lang,
                "target-invalid-deadline",
                deadline = deadline.to_string(),
                year = baseline_year.to_string()
            ),
            Self::Thresholds { amber_pct, green_pct } => tr!(
                lang,
                "target-invalid-thresholds",
                amber = crate::i18n::format::decimal_trimmed(lang, *amber_pct),
                green = crate::i18n::format::decimal_trimmed(lang, *green_pct)
            ),
        }
    }
}

impl Target {
    /// The data selection for the target's scope: reporter, partner and commodity, all months.
    #[must_use]
    pub fn selection(&self) -> Selection {
        let opt = |s: &str| {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_owned())
        };
        Selection {
            reporter: opt(&self.reporter),
            partner: opt(&self.partner),
            commodity: opt(&self.commodity),
            range: None,
            groups: self.groups.clone(),
            ..Selection::default()
        }
    }

    /// "Belarus – Kazakhstan", "Brest Oblast – all partners, HS 03".
    #[must_use]
    pub fn scope_label(&self) -> String {
        let or_all =
            |s: &str, all: &str| if s.trim().is_empty() { all.to_owned() } else { s.trim().to_owned() };
        let mut label = format!(
            "{} – {}",
            or_all(&self.reporter, "all reporters"),
            or_all(&self.partner, "all partners")
        );
        if !self.commodity.trim().is_empty() {
            label.push_str(", HS ");
            label.push_str(self.commodity.trim());
        }
        label
    }

    /// [`Target::scope_label`] in `lang`: "Беларусь – все партнёры, ТН ВЭД 03".
    #[must_use]
    pub fn scope_label_in(&self, lang: crate::i18n::Lang) -> String {
        let or_all = |s: &str, all: &str| {
            if s.trim().is_empty() { crate::i18n::tr(lang, all) } else { s.trim().to_owned() }
        };
        let mut label = format!(
            "{} – {}",
            or_all(&self.reporter, "target-scope-all-reporters"),
            or_all(&self.partner, "target-scope-all-partners")
        );
        if !self.commodity.trim().is_empty() {
            label.push_str(", ");
            label.push_str(&crate::tr!(lang, "target-scope-hs", code = self.commodity.trim().to_owned()));
        }
        label
    }

    /// Everything wrong with the target, in the order the editor shows the fields; empty when
    /// the target can be saved.
    #[must_use]
    pub fn validate(&self) -> Vec<TargetError> {
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(TargetError::EmptyName);
        }
        if !(self.target_usd.is_finite() && self.target_usd > 0.0) {
            errors.push(TargetError::TargetNotPositive);
        }
        if self.baseline.is_reported()
            && !(self.baseline.value_usd.is_finite() && self.baseline.value_usd > 0.0)
        {
            errors.push(TargetError::BaselineNotPositive);
        }
        if !YEAR_RANGE.contains(&self.baseline.year) {
            errors.push(TargetError::YearOutOfRange { what: "baseline year", year: self.baseline.year });
        }
        if let Some(deadline) = self.deadline_year {
            if !YEAR_RANGE.contains(&deadline) {
                errors.push(TargetError::YearOutOfRange { what: "deadline", year: deadline });
            } else if deadline <= self.baseline.year {
                errors.push(TargetError::DeadlineNotAfterBaseline {
                    deadline,
                    baseline_year: self.baseline.year,
                });
            }
        }
        let (amber, green) = (self.thresholds.amber_from_pct, self.thresholds.green_from_pct);
        if !(amber.is_finite() && green.is_finite() && amber >= 0.0 && amber <= green) {
            errors.push(TargetError::Thresholds { amber_pct: amber, green_pct: green });
        }
        errors
    }
}
