//! Trade targets ("raise Belarus–Kazakhstan trade to $1 billion") and the arithmetic of the gap.
//!
//! A [`Target`] names a scope (reporter, partner, commodity), a measure (turnover, exports or
//! imports), a value in US dollars, an optional deadline year and a baseline. [`evaluate`]
//! compares it with an [`Aggregate`] computed for the target's own [`Target::selection`] and
//! returns a [`TargetStatus`]: the current value, the gap, the growth needed and the growth seen.
//!
//! Definitions, as analysts use them (all growth rates are fractions: `0.186` is +18.6%):
//! - **Gap**: `target − current`, in dollars, and as a percentage of the target
//!   (`$310 million` short of `$1 billion` is a gap of 31.0%). Zero or negative: met.
//! - **Required growth** (compound annual growth rate, CAGR) from the baseline to the target by
//!   the deadline: `(target / baseline)^(1 / (deadline − baseline_year)) − 1`. It is `0` when the
//!   baseline already reaches the target, and unknown without a deadline.
//! - **Observed growth**: year on year for the current basis: the same months a year earlier
//!   (January–July 2018 against January–July 2017 is the seed article's +18.6%). When months are
//!   missing, only the months present in both years are compared, and the notes say so.
//! - **Projection**: the first year `y` with `level · (1 + g)^(y − year) ≥ target`, where `level`
//!   is the annual level of the current value and `g` the observed growth. When `g ≤ 0` and the
//!   level is below the target the target is "not reached at this rate", as it is when it
//!   would take more than [`PROJECTION_HORIZON_YEARS`] years.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::format;
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowSums, Selection};

/// Projections further out than this many years count as "not reached at this rate".
pub const PROJECTION_HORIZON_YEARS: i32 = 100;

/// Earliest and latest year a target may name.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Which trade value a target is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Exports plus imports ("commodity trade", "trade turnover").
    #[default]
    Turnover,
    /// Exports of the reporter to the partner.
    Exports,
    /// Imports of the reporter from the partner.
    Imports,
}

impl Measure {
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
    /// only turnover.
    #[must_use]
    pub fn value(self, sums: &FlowSums) -> Option<f64> {
        match self {
            Self::Turnover => Some(sums.turnover_usd()),
            Self::Exports => sums.exports(),
            Self::Imports => sums.imports(),
        }
    }
}

impl fmt::Display for Measure {
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
    pub fn level(&self, progress_pct: f64) -> Level {
        if progress_pct >= self.green_from_pct {
            Level::High
        } else if progress_pct >= self.amber_from_pct {
            Level::Medium
        } else {
            Level::Low
        }
    }
}

/// Colour band of a gauge; the UI maps it to theme colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
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
    pub measure: Measure,
    /// The goal, US dollars.
    pub target_usd: f64,
    /// Year by which the target is to be reached; `None` when nobody said.
    pub deadline_year: Option<i32>,
    /// The value the goal was set against.
    pub baseline: Baseline,
    /// Which figure counts as the current value.
    pub basis: CurrentBasis,
    /// Colour bands of the gauge.
    pub thresholds: Thresholds,
    /// Free text shown under the gauge ("the article gives no deadline: set one").
    pub note: String,
}

impl Default for Target {
    fn default() -> Self {
        Self {
            name: "New target".into(),
            reporter: String::new(),
            partner: String::new(),
            commodity: String::new(),
            measure: Measure::Turnover,
            target_usd: 0.0,
            deadline_year: None,
            baseline: Baseline::default(),
            basis: CurrentBasis::LastFullYear,
            thresholds: Thresholds::default(),
            note: String::new(),
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

    /// The goal quoted in the seed article: Belarus–Kazakhstan commodity trade of $1 billion,
    /// measured from the $690 million the ambassador reported for 2017. The article gives no
    /// deadline, so there is none and the note asks for one.
    #[must_use]
    pub fn belarus_kazakhstan_1bn() -> Self {
        Self {
            name: "Belarus – Kazakhstan trade to $1 billion".into(),
            reporter: "Belarus".into(),
            partner: "Kazakhstan".into(),
            commodity: String::new(),
            measure: Measure::Turnover,
            target_usd: 1e9,
            deadline_year: None,
            baseline: Baseline {
                year: 2017,
                value_usd: 690e6,
                origin: BaselineOrigin::Reported {
                    source: "Kazakhstan's ambassador Yermukhamet Yertysbayev, BelTA via Kazinform, \
                             11 Sep 2018"
                        .into(),
                    note: "Reported figure, not computed from the data. Kazakhstan's own statistics \
                           give $604.1 million for 2017."
                        .into(),
                },
            },
            basis: CurrentBasis::LastFullYear,
            thresholds: Thresholds::default(),
            note: "The heads of state set the goal; the article gives no deadline: set one.".into(),
        }
    }
}

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
}

impl CurrentSource {
    /// Machine-readable name for scripts: the basis key, or "baseline".
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Data(b) => b.key(),
            Self::Baseline => "baseline",
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
    /// "Aug 2017–Jul 2018", "2017, reported".
    pub label: String,
    /// The value as a full year's level, for projections (the year to date annualised; the
    /// value itself for the other bases). `None` when it cannot be had.
    pub annual_level_usd: Option<f64>,
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
    pub level: Option<Level>,
    /// How each figure was obtained, which months were used and which were missing.
    pub notes: Vec<String>,
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

/// One measure of one scope, by month and by year, as the evaluation needs it.
struct Series {
    /// Months with a value for the measure.
    months: BTreeMap<YearMonth, f64>,
    /// Years with a value: (total, months with data, from an annual record).
    years: BTreeMap<i32, (f64, usize, bool)>,
}

impl Series {
    fn new(agg: &Aggregate, measure: Measure) -> Self {
        let months: BTreeMap<YearMonth, f64> =
            agg.months.iter().filter_map(|t| Some((t.period, measure.value(&t.sums)?))).collect();
        let mut years: BTreeMap<i32, (f64, usize, bool)> = BTreeMap::new();
        for (m, v) in &months {
            let e = years.entry(m.year).or_insert((0.0, 0, false));
            e.0 += v;
            e.1 += 1;
        }
        for y in agg.years.iter().filter(|y| y.from_annual) {
            if let Some(v) = measure.value(&y.sums) {
                years.entry(y.year).or_insert((v, 12, true));
            }
        }
        Self { months, years }
    }

    fn last_month(&self) -> Option<YearMonth> {
        self.months.keys().next_back().copied()
    }

    /// Months of the range with a value, and those without.
    fn present_missing(&self, range: MonthRange) -> (Vec<YearMonth>, Vec<YearMonth>) {
        range.iter().partition(|m| self.months.contains_key(m))
    }

    fn sum(&self, months: &[YearMonth]) -> f64 {
        months.iter().filter_map(|m| self.months.get(m)).sum()
    }

    /// Whether the year has monthly data.
    fn has_months(&self, year: i32) -> bool {
        self.years.get(&year).is_some_and(|y| !y.2)
    }
}

/// Months of a range present in both its year and the year before.
struct Comparison {
    /// Months present this year and a year earlier.
    common: Vec<YearMonth>,
    /// Sum over `common`, this year.
    this_usd: f64,
    /// Sum over `common` shifted a year back.
    prev_usd: f64,
}

impl Comparison {
    fn new(series: &Series, range: MonthRange) -> Self {
        let common: Vec<YearMonth> = range
            .iter()
            .filter(|m| series.months.contains_key(m) && series.months.contains_key(&m.year_earlier()))
            .collect();
        let this_usd = series.sum(&common);
        let prev: Vec<YearMonth> = common.iter().map(|m| m.year_earlier()).collect();
        let prev_usd = series.sum(&prev);
        Self { common, this_usd, prev_usd }
    }

    fn growth(&self) -> Option<f64> {
        (!self.common.is_empty() && self.prev_usd > 0.0).then(|| self.this_usd / self.prev_usd - 1.0)
    }
}

/// "Feb 2018", "Feb–Mar 2018, Nov 2018": consecutive months run together.
fn months_list(months: &[YearMonth]) -> String {
    let mut runs: Vec<MonthRange> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some(r) if r.end.succ() == m => r.end = m,
            _ => runs.push(MonthRange::new(m, m)),
        }
    }
    runs.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
}

/// Growth of a range against the same months a year earlier, with notes on what was compared.
fn yoy(series: &Series, range: MonthRange, notes: &mut Vec<String>) -> Option<f64> {
    let cmp = Comparison::new(series, range);
    let prev_range = MonthRange::new(range.start.year_earlier(), range.end.year_earlier());
    let growth = cmp.growth();
    if cmp.common.is_empty() {
        notes.push(format!(
            "Growth: unknown: no month of {} has data both then and a year earlier.",
            range.label()
        ));
    } else if cmp.common.len() == range.len_months() {
        if let Some(g) = growth {
            notes.push(format!(
                "Growth: {} against {}: {}.",
                range.label(),
                prev_range.label(),
                format::pct_change(g)
            ));
        } else {
            notes.push(format!("Growth: unknown: {} had no trade.", prev_range.label()));
        }
    } else {
        let gaps: Vec<YearMonth> = range.iter().filter(|m| !cmp.common.contains(m)).collect();
        notes.push(format!(
            "Growth compares only the {} months present in both years; left out: {} (missing then or a \
             year earlier).",
            cmp.common.len(),
            months_list(&gaps)
        ));
        if let Some(g) = growth {
            notes.push(format!("Growth on those months: {}.", format::pct_change(g)));
        }
    }
    growth
}

/// The year to date of `last` scaled to a full year. With monthly data for the year before:
/// `ytd × (last year / the same months last year)`, over the months present in both years;
/// otherwise `ytd × 12 / months present`, and the notes say that seasonality is ignored.
fn annualise(series: &Series, last: YearMonth, notes: &mut Vec<String>) -> Option<f64> {
    let ytd = MonthRange::new(YearMonth { year: last.year, month: 1 }, last);
    let prev_year = last.year - 1;
    let cmp = Comparison::new(series, ytd);
    if series.has_months(prev_year) && cmp.prev_usd > 0.0 {
        let &(prev_total, prev_months, _) = series.years.get(&prev_year)?;
        let share = cmp.prev_usd / prev_total;
        notes.push(format!(
            "Annualised with {prev_year}'s seasonality: {} made {:.1}% of {prev_year}, so the year to date is \
             divided by {share:.3}.",
            months_list(&cmp.common.iter().map(|m| m.year_earlier()).collect::<Vec<_>>()),
            share * 100.0,
        ));
        if prev_months < 12 {
            notes.push(format!(
                "{prev_year} has only {prev_months} months of data: the annualised value is likely too low."
            ));
        }
        return Some(cmp.this_usd * prev_total / cmp.prev_usd);
    }
    let (present, _) = series.present_missing(ytd);
    if present.is_empty() {
        return None;
    }
    let n = present.len();
    notes.push(format!(
        "No monthly data for {prev_year}: the year to date is annualised as ×12/{n}, ignoring seasonality."
    ));
    // n ≤ 12, exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let factor = 12.0 / n as f64;
    Some(series.sum(&present) * factor)
}

/// Current value, its growth and the notes, computed from the data with `basis`.
#[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
fn current_from_data(
    series: &Series,
    basis: CurrentBasis,
    notes: &mut Vec<String>,
) -> Option<(Current, Option<f64>)> {
    let data_note =
        |notes: &mut Vec<String>| notes.push(format!("{}: no monthly data for the scope.", basis));
    match basis {
        CurrentBasis::LastFullYear => {
            let last = series.last_month();
            let over = |y: i32, annual: bool| annual || last.is_some_and(|m| m.year > y || m.month == 12);
            let Some((&year, &(value, months, annual))) =
                series.years.iter().rev().find(|(y, (_, _, annual))| over(**y, *annual))
            else {
                if !series.years.is_empty() {
                    notes.push("Current: no calendar year is complete in the data yet.".into());
                }
                return None;
            };
            let mut label = year.to_string();
            if annual {
                notes.push(format!("Current: {year}, from an annual record."));
            } else {
                let range = MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 });
                let (_, missing) = series.present_missing(range);
                if missing.is_empty() {
                    notes.push(format!("Current: {year}, all 12 months."));
                } else {
                    label.push_str(&format!(" ({months} months)"));
                    notes.push(format!(
                        "Current: {year}, {months} months; missing: {} (left out of the total).",
                        months_list(&missing)
                    ));
                }
            }
            let growth = match series.years.get(&(year - 1)) {
                None => {
                    notes.push(format!("Growth: unknown: no data for {}.", year - 1));
                    None
                }
                Some(&(prev, _, prev_annual)) if annual || prev_annual => {
                    notes.push(format!(
                        "Growth: {year} against {} (annual totals{}).",
                        year - 1,
                        if months < 12 {
                            format!("; {year} has only {months} months")
                        } else {
                            String::new()
                        }
                    ));
                    (prev > 0.0).then(|| value / prev - 1.0)
                }
                Some(_) => yoy(
                    series,
                    MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 }),
                    notes,
                ),
            };
            let current = Current {
                source: CurrentSource::Data(basis),
                value_usd: value,
                year,
                months: (!annual)
                    .then(|| MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 })),
                label,
                annual_level_usd: Some(value),
            };
            Some((current, growth))
        }
        CurrentBasis::YearToDate | CurrentBasis::YtdAnnualised => {
            let Some(last) = series.last_month() else {
                data_note(notes);
                return None;
            };
            let range = MonthRange::new(YearMonth { year: last.year, month: 1 }, last);
            let (present, missing) = series.present_missing(range);
            let ytd = series.sum(&present);
            if missing.is_empty() {
                notes.push(format!("Year to date: {}, {} months.", range.label(), present.len()));
            } else {
                notes.push(format!(
                    "Year to date: {}; missing: {} (left out of the total).",
                    range.label(),
                    months_list(&missing)
                ));
            }
            let growth = yoy(series, range, notes);
            let annual = annualise(series, last, notes);
            let (value, label) = if basis == CurrentBasis::YearToDate {
                (ytd, range.label())
            } else {
                (annual?, format!("{} annualised", range.label()))
            };
            if basis == CurrentBasis::YearToDate && annual.is_some() {
                notes.push("Projection starts from the annualised year to date.".into());
            }
            let current = Current {
                source: CurrentSource::Data(basis),
                value_usd: value,
                year: last.year,
                months: Some(range),
                label,
                annual_level_usd: annual,
            };
            Some((current, growth))
        }
        CurrentBasis::Rolling12 => {
            let Some(last) = series.last_month() else {
                data_note(notes);
                return None;
            };
            let range = MonthRange::new(YearMonth::from_index(last.index() - 11), last);
            let (present, missing) = series.present_missing(range);
            let value = series.sum(&present);
            if missing.is_empty() {
                notes.push(format!("Current: 12 months {}.", range.label()));
            } else {
                notes.push(format!(
                    "Current: 12 months {}; missing: {} (left out of the total).",
                    range.label(),
                    months_list(&missing)
                ));
            }
            let growth = yoy(series, range, notes);
            let current = Current {
                source: CurrentSource::Data(basis),
                value_usd: value,
                year: last.year,
                months: Some(range),
                label: range.label(),
                annual_level_usd: Some(value),
            };
            Some((current, growth))
        }
    }
}

/// Compares `target` with `agg`, the aggregate of the target's [`Target::selection`] (the app
/// keeps one per target in a cache; nothing here scans a dataset). Pure and cheap: months and
/// years of one series.
///
/// When the data has no value for the basis, or only values older than the baseline, the
/// baseline stands in as the current value (and the notes say so); growth is then unknown.
#[must_use]
#[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
pub fn evaluate(target: &Target, agg: &Aggregate) -> TargetStatus {
    let series = Series::new(agg, target.measure);
    let mut notes = Vec::new();

    let baseline_year = target.baseline.year;
    let baseline_usd = match &target.baseline.origin {
        BaselineOrigin::Reported { source, .. } => {
            let by = if source.trim().is_empty() { String::new() } else { format!(" by {}", source.trim()) };
            notes.push(format!(
                "Baseline: {} in {baseline_year}, as reported{by} (not computed from the data).",
                format::usd(target.baseline.value_usd)
            ));
            Some(target.baseline.value_usd).filter(|v| v.is_finite() && *v > 0.0)
        }
        BaselineOrigin::Computed => match series.years.get(&baseline_year) {
            Some(&(v, months, annual)) => {
                let how = if annual {
                    "an annual record".to_owned()
                } else if months == 12 {
                    "12 months".to_owned()
                } else {
                    format!("only {months} months")
                };
                notes.push(format!(
                    "Baseline: {} in {baseline_year}, computed from the data ({how}).",
                    format::usd(v)
                ));
                Some(v).filter(|v| *v > 0.0)
            }
            None => {
                notes.push(format!("Baseline: the data has no {} for {baseline_year}.", target.measure));
                None
            }
        },
    };

    let mut from_data = current_from_data(&series, target.basis, &mut notes);
    if from_data.as_ref().is_some_and(|(c, _)| c.year < baseline_year) {
        notes.push(format!(
            "The data's latest figure is older than the {baseline_year} baseline: the baseline stands in."
        ));
        from_data = None;
    }
    let (current, observed_growth) = match (from_data, baseline_usd) {
        (Some((c, g)), _) => (Some(c), g),
        (None, Some(b)) => {
            if series.months.is_empty() && series.years.is_empty() {
                notes.push(format!(
                    "The data has no {} for {}: the baseline stands in for the current value.",
                    target.measure.label().to_lowercase(),
                    target.scope_label()
                ));
            }
            let label = if target.baseline.is_reported() {
                format!("{baseline_year}, reported")
            } else {
                baseline_year.to_string()
            };
            let c = Current {
                source: CurrentSource::Baseline,
                value_usd: b,
                year: baseline_year,
                months: None,
                label,
                annual_level_usd: Some(b),
            };
            (Some(c), None)
        }
        (None, None) => (None, None),
    };

    let target_usd = target.target_usd;
    let valid_target = target_usd.is_finite() && target_usd > 0.0;
    let current_usd = current.as_ref().map(|c| c.value_usd);
    let gap_usd = current_usd.filter(|_| valid_target).map(|c| target_usd - c);
    let gap_pct = gap_usd.map(|g| g / target_usd * 100.0);
    let progress_pct = current_usd.filter(|_| valid_target).map(|c| c / target_usd * 100.0);
    let level = progress_pct.map(|p| target.thresholds.level(p));

    let required_cagr = match target.deadline_year {
        None => {
            notes.push("Required growth: no deadline set.".into());
            None
        }
        Some(deadline) => {
            let r = baseline_usd.and_then(|b| required_cagr(b, target_usd, deadline - baseline_year));
            if deadline <= baseline_year {
                notes.push(format!(
                    "Required growth: the deadline ({deadline}) is not after the baseline year ({baseline_year})."
                ));
            } else if r == Some(0.0) {
                notes.push(format!(
                    "Required growth: none, the {baseline_year} baseline already reaches the target."
                ));
            } else if let Some(r) = r {
                notes.push(format!(
                    "Required growth: {} a year over {} years, {baseline_year}–{deadline}.",
                    format::pct_change(r),
                    deadline - baseline_year
                ));
            }
            r
        }
    };

    let required_path_usd = match (&current, baseline_usd, required_cagr, target.deadline_year) {
        (Some(c), Some(b), Some(r), Some(deadline)) if c.year > baseline_year => {
            if c.year >= deadline {
                Some(target_usd)
            } else {
                // A baseline already above the target needs no growth: the path is the target.
                Some((b * (1.0 + r).powi(c.year - baseline_year)).min(target_usd))
            }
        }
        _ => None,
    };

    // "Met" needs an actual figure at or above the target; an annualised year to date at or
    // above it only says the target is on course to be reached this year.
    let projection = match &current {
        Some(c) if valid_target => {
            let estimate = c.source == CurrentSource::Data(CurrentBasis::YtdAnnualised);
            if c.value_usd >= target_usd && !estimate {
                Projection::Met { year: c.year }
            } else {
                match (c.annual_level_usd, observed_growth) {
                    (Some(level), _) if level >= target_usd => Projection::Reached { year: c.year },
                    (Some(level), Some(g)) => project(level, c.year, g, target_usd),
                    _ => Projection::Unknown,
                }
            }
        }
        _ => Projection::Unknown,
    };
    if projection == Projection::NotReached {
        notes.push("Projection: not reached at this rate.".into());
    }

    TargetStatus {
        current,
        baseline_usd,
        gap_usd,
        gap_pct,
        progress_pct,
        required_cagr,
        observed_growth,
        required_path_usd,
        projection,
        level,
        notes,
    }
}

/// Reads an amount of US dollars as analysts type it: "1 billion", "1bn", "$690 million",
/// "690M", "58.3m", "4.5k", "1,000,000,000", "1e9". `None` when it is not a number.
#[must_use]
pub fn parse_usd(text: &str) -> Option<f64> {
    let t = text.trim().trim_start_matches(['$', ' ']).trim().to_lowercase();
    let split = t.find(|c: char| c.is_alphabetic() && c != 'e').unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: String = number.chars().filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}')).collect();
    let scale = match unit.trim().trim_end_matches('.') {
        "" => 1.0,
        "k" | "thousand" | "thousands" => 1e3,
        "m" | "mn" | "mln" | "million" | "millions" => 1e6,
        "b" | "bn" | "bln" | "billion" | "billions" => 1e9,
        _ => return None,
    };
    let value: f64 = number.parse().ok()?;
    value.is_finite().then_some(value * scale)
}

/// The figures of a target as (label, text) rows, the same on the gauge and on the command
/// line: "Gap" → "$310 million (31.0%)", "Growth needed" → "+13.2% a year, 2017–2020".
#[must_use]
pub fn figure_rows(target: &Target, status: &TargetStatus) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    rows.push((
        "Current",
        match &status.current {
            Some(c) => format!("{} ({})", format::usd(c.value_usd), c.label),
            None => "unknown: no data for the scope and no baseline".into(),
        },
    ));
    rows.push((
        "Target",
        match target.deadline_year {
            Some(d) => format!("{} by {d}", format::usd(target.target_usd)),
            None => format!("{}, no deadline set", format::usd(target.target_usd)),
        },
    ));
    rows.push((
        "Gap",
        match (status.gap_usd, status.gap_pct) {
            (Some(g), Some(p)) if g > 0.0 => format!("{} ({p:.1}%)", format::usd(g)),
            (Some(g), _) if g < 0.0 => format!("none: {} above the target", format::usd(-g)),
            (Some(_), _) => "none: exactly at the target".into(),
            _ => "unknown".into(),
        },
    ));
    rows.push((
        "Growth needed",
        match (status.required_cagr, target.deadline_year) {
            (_, None) => "set a deadline".into(),
            (Some(r), _) if r <= 0.0 => "none: the baseline already reaches the target".into(),
            (Some(r), Some(d)) => {
                format!("{} a year, {}–{d}", format::pct_change(r), target.baseline.year)
            }
            (None, Some(_)) => "unknown: no baseline value".into(),
        },
    ));
    rows.push((
        "Growth observed",
        match (status.observed_growth, status.current.as_ref().map(|c| c.source)) {
            (Some(g), _) => format!("{} year on year", format::pct_change(g)),
            (None, Some(CurrentSource::Baseline)) => "unknown: no current figure in the data".into(),
            (None, _) => "unknown: no data a year earlier".into(),
        },
    ));
    if let (Some(path), Some(c)) = (status.required_path_usd, &status.current) {
        let text = match c.annual_level_usd {
            Some(level) if level >= path => format!("{} for {}: ahead", format::usd(path), c.year),
            Some(level) => {
                format!("{} for {}: behind by {}", format::usd(path), c.year, format::usd(path - level))
            }
            None => format!("{} for {}", format::usd(path), c.year),
        };
        rows.push(("Required path", text));
    }
    rows.push((
        "Target reached",
        match status.projection {
            Projection::Met { year } => format!("already met ({year})"),
            Projection::Reached { year } => match status.on_track(target.deadline_year) {
                Some(false) => format!("in {year} at this rate, after the deadline"),
                _ => format!("in {year} at this rate"),
            },
            Projection::NotReached => "not reached at this rate".into(),
            Projection::Unknown => "unknown: no growth rate".into(),
        },
    ));
    let baseline = match (&target.baseline.origin, status.baseline_usd) {
        (BaselineOrigin::Reported { .. }, Some(v)) => {
            format!("{} in {}, reported", format::usd(v), target.baseline.year)
        }
        (BaselineOrigin::Computed, Some(v)) => {
            format!("{} in {}, computed from the data", format::usd(v), target.baseline.year)
        }
        (_, None) => format!("unknown for {}", target.baseline.year),
    };
    rows.push(("Baseline", baseline));
    rows
}

/// One target as `tradedash targets --json` prints it: percentages in percent (`gap_pct`
/// 31.0), growth rates as fractions (0.186), `null` where a figure cannot be had.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetSummary {
    /// Target name.
    pub name: String,
    /// "turnover", "exports" or "imports".
    pub measure: &'static str,
    /// The goal, US dollars.
    pub target_usd: f64,
    /// Deadline year, when set.
    pub deadline_year: Option<i32>,
    /// Baseline year.
    pub baseline_year: i32,
    /// Baseline value used, US dollars.
    pub baseline_usd: Option<f64>,
    /// What the current value is: a [`CurrentBasis::key`] or "baseline".
    pub current_basis: Option<&'static str>,
    /// Current value, US dollars.
    pub current_usd: Option<f64>,
    /// Target minus current, US dollars.
    pub gap_usd: Option<f64>,
    /// Gap as a percentage of the target.
    pub gap_pct: Option<f64>,
    /// Compound annual growth needed from the baseline to the target by the deadline.
    pub required_cagr: Option<f64>,
    /// Year-on-year growth of the current basis.
    pub observed_growth: Option<f64>,
    /// Year the target is reached at the observed growth (the current year when met).
    pub projected_year: Option<i32>,
}

impl TargetSummary {
    /// The summary of a target and its status.
    #[must_use]
    pub fn new(target: &Target, status: &TargetStatus) -> Self {
        Self {
            name: target.name.clone(),
            measure: target.measure.key(),
            target_usd: target.target_usd,
            deadline_year: target.deadline_year,
            baseline_year: target.baseline.year,
            baseline_usd: status.baseline_usd,
            current_basis: status.current.as_ref().map(|c| c.source.key()),
            current_usd: status.current_usd(),
            gap_usd: status.gap_usd,
            gap_pct: status.gap_pct,
            required_cagr: status.required_cagr,
            observed_growth: status.observed_growth,
            projected_year: status.projection.year(),
        }
    }
}

/// Every target evaluated against `data`, as `tradedash targets` prints it: a block of
/// labelled lines per target, or with `json` one object `{"targets": [...]}` of
/// [`TargetSummary`] rows.
///
/// # Errors
/// Only if JSON serialisation fails (not expected for these plain types).
pub fn report(
    targets: &[Target],
    data: &super::dataset::Dataset,
    json: bool,
) -> Result<String, serde_json::Error> {
    let statuses: Vec<TargetStatus> =
        targets.iter().map(|t| evaluate(t, &super::query::aggregate(data, &t.selection()))).collect();
    if json {
        #[derive(Serialize)]
        struct Report {
            targets: Vec<TargetSummary>,
        }
        let rows = targets.iter().zip(&statuses).map(|(t, s)| TargetSummary::new(t, s)).collect();
        return serde_json::to_string_pretty(&Report { targets: rows }).map(|mut s| {
            s.push('\n');
            s
        });
    }
    let mut out = String::new();
    if targets.is_empty() {
        out.push_str("No targets in this workspace.\n");
    }
    for (i, (t, s)) in targets.iter().zip(&statuses).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&t.name);
        out.push('\n');
        let mut rows = vec![("Scope", format!("{}, {}", t.scope_label(), t.measure.key()))];
        rows.extend(figure_rows(t, s));
        if let BaselineOrigin::Reported { source, note } = &t.baseline.origin {
            if !source.trim().is_empty() {
                rows.push(("Baseline source", source.trim().to_owned()));
            }
            if !note.trim().is_empty() {
                rows.push(("Baseline note", note.trim().to_owned()));
            }
        }
        if !t.note.trim().is_empty() {
            rows.push(("Note", t.note.trim().to_owned()));
        }
        for (label, text) in rows {
            out.push_str(&format!("  {label:<16} {text}\n"));
        }
        for (j, note) in s.notes.iter().enumerate() {
            let label = if j == 0 { "How computed" } else { "" };
            out.push_str(&format!("  {label:<16} {note}\n"));
        }
    }
    Ok(out)
}

/// Statuses of a workspace's targets, recomputed only when the dataset revision or a target
/// changes; each target's aggregate only when the revision or its scope changes. Per-frame
/// code calls [`TargetCache::statuses`] and gets the cached values.
#[derive(Debug, Default)]
pub struct TargetCache {
    entries: Vec<CacheEntry>,
    evaluations: u64,
}

#[derive(Debug, Default)]
struct CacheEntry {
    aggregate: super::query::AggregateCache,
    key: Option<(u64, Target)>,
    status: Option<TargetStatus>,
}

impl TargetCache {
    /// The status of each target, in order, for the dataset at `revision`.
    pub fn statuses(
        &mut self,
        data: &super::dataset::Dataset,
        revision: u64,
        targets: &[Target],
    ) -> Vec<&TargetStatus> {
        self.entries.resize_with(targets.len(), CacheEntry::default);
        for (entry, target) in self.entries.iter_mut().zip(targets) {
            let fresh = entry.key.as_ref().is_some_and(|(r, t)| *r == revision && t == target);
            if !fresh || entry.status.is_none() {
                let agg = entry.aggregate.get(data, revision, &target.selection());
                entry.status = Some(evaluate(target, agg));
                entry.key = Some((revision, target.clone()));
                self.evaluations += 1;
            }
        }
        self.entries.iter().filter_map(|e| e.status.as_ref()).collect()
    }

    /// How many times a status has been computed (for tests and diagnostics).
    #[must_use]
    pub fn evaluations(&self) -> u64 {
        self.evaluations
    }

    /// How many times aggregates have been computed over the dataset.
    #[must_use]
    pub fn aggregations(&self) -> u64 {
        self.entries.iter().map(|e| e.aggregate.computations()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::query::{MonthTotals, YearTotals};

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[track_caller]
    fn assert_close(a: Option<f64>, b: f64) {
        let a = a.expect("a value");
        assert!(close(a, b), "{a} != {b}");
    }

    fn turnover(v: f64) -> FlowSums {
        FlowSums { exports_usd: v * 0.75, imports_usd: v * 0.25, turnover_only_usd: 0.0, has_split: true }
    }

    /// An aggregate from (month, turnover) pairs plus annual (year, turnover) records, built the
    /// way `query::aggregate` builds one.
    fn agg(months: &[(YearMonth, f64)], annual: &[(i32, f64)]) -> Aggregate {
        let mut a = Aggregate::default();
        let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
        for &(m, v) in months {
            a.months.push(MonthTotals { period: m, sums: turnover(v) });
            let y = years.entry(m.year).or_insert(YearTotals {
                year: m.year,
                sums: FlowSums::default(),
                months: 0,
                from_annual: false,
            });
            y.sums.exports_usd += v * 0.75;
            y.sums.imports_usd += v * 0.25;
            y.sums.has_split = true;
            y.months += 1;
        }
        a.months.sort_by_key(|t| t.period);
        for &(year, v) in annual {
            years.entry(year).or_insert(YearTotals {
                year,
                sums: turnover(v),
                months: 12,
                from_annual: true,
            });
        }
        a.years = years.into_values().collect();
        a
    }

    /// Twelve months of `year` with value `base + month` each.
    fn year_of(year: i32, base: f64) -> Vec<(YearMonth, f64)> {
        (1..=12).map(|m| (ym(year, m), base + f64::from(m))).collect()
    }

    fn target(target_usd: f64, baseline: f64, year: i32, deadline: Option<i32>) -> Target {
        Target {
            target_usd,
            deadline_year: deadline,
            baseline: Baseline {
                year,
                value_usd: baseline,
                origin: BaselineOrigin::Reported { source: "test".into(), note: String::new() },
            },
            ..Target::default()
        }
    }

    #[test]
    fn cagr_by_hand() {
        // (1000/690)^(1/3) − 1 = 0.131663…  (1.449275^(1/3) = 1.131663)
        assert_close(required_cagr(690e6, 1e9, 3), 0.131_662_616_953_135_4);
        // Doubling in one year is +100%; in two, √2 − 1.
        assert_close(required_cagr(1.0, 2.0, 1), 1.0);
        assert_close(required_cagr(1.0, 2.0, 2), std::f64::consts::SQRT_2 - 1.0);
        // Baseline equal to, or above, the target: no growth needed.
        assert_eq!(required_cagr(1e9, 1e9, 3), Some(0.0));
        assert_eq!(required_cagr(1.2e9, 1e9, 3), Some(0.0));
        // No time or nothing to grow from.
        assert_eq!(required_cagr(690e6, 1e9, 0), None);
        assert_eq!(required_cagr(690e6, 1e9, -1), None);
        assert_eq!(required_cagr(0.0, 1e9, 3), None);
        assert_eq!(required_cagr(690e6, 0.0, 3), None);
    }

    #[test]
    fn projection_by_hand() {
        // 690 × 1.186² = 970.5 < 1000, 690 × 1.186³ = 1151.0 ≥ 1000: 2017 + 3.
        assert_eq!(project(690e6, 2017, 0.186, 1e9), Projection::Reached { year: 2020 });
        // Exactly the required rate reaches the target exactly at the deadline, not a year late.
        let r = required_cagr(690e6, 1e9, 3).unwrap();
        assert_eq!(project(690e6, 2017, r, 1e9), Projection::Reached { year: 2020 });
        // A tiny bit faster than needed for one year.
        assert_eq!(project(500.0, 2018, 1.0, 1000.0), Projection::Reached { year: 2019 });
        assert_eq!(project(500.0, 2018, 0.999, 1000.0), Projection::Reached { year: 2020 });
        // Already there.
        assert_eq!(project(1000.0, 2018, -0.5, 1000.0), Projection::Met { year: 2018 });
        // Zero or negative growth never gets there.
        assert_eq!(project(690.0, 2018, 0.0, 1000.0), Projection::NotReached);
        assert_eq!(project(690.0, 2018, -0.1, 1000.0), Projection::NotReached);
        // 1.001^n ≥ 1000/690 needs n = 372 years: beyond the horizon.
        assert_eq!(project(690.0, 2018, 0.001, 1000.0), Projection::NotReached);
        assert_eq!(project(f64::NAN, 2018, 0.1, 1000.0), Projection::Unknown);
        assert_eq!(Projection::Reached { year: 2020 }.year(), Some(2020));
        assert_eq!(Projection::NotReached.year(), None);
    }

    #[test]
    fn last_full_year_gap_growth_and_projection() {
        // 2016: months 101..112 → 1278; 2017: 201..212 → 2478.
        let a = agg(&[year_of(2016, 100.0), year_of(2017, 200.0)].concat(), &[]);
        let t = target(5000.0, 2478.0, 2017, Some(2020));
        let s = evaluate(&t, &a);
        let c = s.current.clone().unwrap();
        assert_eq!(c.source, CurrentSource::Data(CurrentBasis::LastFullYear));
        assert_eq!((c.year, c.label.as_str()), (2017, "2017"));
        assert_close(s.current_usd(), 2478.0);
        assert_close(s.gap_usd, 2522.0);
        assert_close(s.gap_pct, 50.44);
        assert_close(s.progress_pct, 49.56);
        assert_eq!(s.level, Some(Level::Low));
        // 2478 / 1278 − 1 = 0.938967…
        assert_close(s.observed_growth, 2478.0 / 1278.0 - 1.0);
        // (5000/2478)^(1/3) − 1
        assert_close(s.required_cagr, (5000.0_f64 / 2478.0).powf(1.0 / 3.0) - 1.0);
        // 2478 × 1.939 = 4805 < 5000; × 1.939² = 9317: 2019.
        assert_eq!(s.projection, Projection::Reached { year: 2019 });
        assert_eq!(s.on_track(t.deadline_year), Some(true));
        assert!(!s.met());
    }

    #[test]
    fn last_full_year_skips_the_year_in_progress() {
        // 2018 runs to July only: the last full year is 2017.
        let months: Vec<_> = [year_of(2017, 0.0), year_of(2018, 0.0)[..7].to_vec()].concat();
        let s = evaluate(&target(1000.0, 50.0, 2016, None), &agg(&months, &[]));
        assert_eq!(s.current.as_ref().unwrap().year, 2017);
        assert_close(s.current_usd(), 78.0);
        // 2016 is absent: no growth, no projection; no deadline: no required growth.
        assert_eq!(s.observed_growth, None);
        assert_eq!(s.projection, Projection::Unknown);
        assert_eq!(s.required_cagr, None);
        assert!(s.notes.iter().any(|n| n.contains("no data for 2016")), "{:?}", s.notes);
        assert!(s.notes.iter().any(|n| n.contains("no deadline")), "{:?}", s.notes);
    }

    #[test]
    fn seed_year_to_date_growth_and_annualised_with_seasonality() {
        // Jan–Jul 2017 sums to 49.16 (so 58.3 / 49.16 − 1 = +18.6%), Aug–Dec 2017 to 40.84:
        // 2017 = 90. Jan–Jul 2018 sums to 58.3.
        let mut months = Vec::new();
        for m in 1..=7 {
            months.push((ym(2017, m), 49.16 / 7.0));
            months.push((ym(2018, m), 58.3 / 7.0));
        }
        for m in 8..=12 {
            months.push((ym(2017, m), 40.84 / 5.0));
        }
        let a = agg(&months, &[]);
        let mut t = target(120.0, 90.0, 2017, Some(2020));
        t.basis = CurrentBasis::YearToDate;
        let s = evaluate(&t, &a);
        let c = s.current.clone().unwrap();
        assert_eq!(c.label, "Jan–Jul 2018");
        assert_eq!(c.months, Some(MonthRange::new(ym(2018, 1), ym(2018, 7))));
        assert_close(s.current_usd(), 58.3);
        let g = s.observed_growth.unwrap();
        assert_eq!(format::pct_change(g), "+18.6%");
        assert_close(Some(g), 58.3 / 49.16 - 1.0);
        // Annualised: 58.3 × 90 / 49.16 = 106.733…
        let annual = 58.3 * 90.0 / 49.16;
        assert_close(c.annual_level_usd, annual);
        // Gap on the year to date itself.
        assert_close(s.gap_usd, 120.0 - 58.3);
        // Projection from the annualised level: 106.73 < 120; × 1.186 = 126.6: 2019.
        assert_eq!(s.projection, Projection::Reached { year: 2019 });

        t.basis = CurrentBasis::YtdAnnualised;
        let s = evaluate(&t, &a);
        let c = s.current.clone().unwrap();
        assert_eq!(c.label, "Jan–Jul 2018 annualised");
        assert_close(s.current_usd(), annual);
        assert_close(s.gap_usd, 120.0 - annual);
        assert_eq!(format::pct_change(s.observed_growth.unwrap()), "+18.6%");
        assert!(s.notes.iter().any(|n| n.contains("seasonality") && n.contains("54.6%")), "{:?}", s.notes);
    }

    #[test]
    fn missing_months_in_the_current_year_compare_only_common_months() {
        // 2017: 10 every month (120). 2018: Jan 12, Feb missing, Mar 12, Apr 12.
        let mut months = year_of(2017, 0.0).into_iter().map(|(m, _)| (m, 10.0)).collect::<Vec<_>>();
        months.extend([(ym(2018, 1), 12.0), (ym(2018, 3), 12.0), (ym(2018, 4), 12.0)]);
        let a = agg(&months, &[]);
        let mut t = target(200.0, 120.0, 2017, Some(2019));
        t.basis = CurrentBasis::YearToDate;
        let s = evaluate(&t, &a);
        // The year to date leaves February out and says so.
        assert_close(s.current_usd(), 36.0);
        assert!(s.notes.iter().any(|n| n.contains("missing: Feb 2018")), "{:?}", s.notes);
        // Growth over Jan, Mar, Apr only: 36 / 30 − 1 = +20%, not 36 / 40 − 1 = −10%.
        assert_close(s.observed_growth, 0.2);
        assert!(s.notes.iter().any(|n| n.contains("only the 3 months present in both")), "{:?}", s.notes);
        // Annualised with seasonality over the same months: 36 × 120 / 30 = 144.
        t.basis = CurrentBasis::YtdAnnualised;
        let s = evaluate(&t, &a);
        assert_close(s.current_usd(), 144.0);
        // (200/120)^(1/2) − 1 = 0.290994…
        assert_close(s.required_cagr, (200.0_f64 / 120.0).sqrt() - 1.0);
        // 144 × 1.2 = 172.8, × 1.44 = 207.4: 2020, after the 2019 deadline.
        assert_eq!(s.projection, Projection::Reached { year: 2020 });
        assert_eq!(s.on_track(t.deadline_year), Some(false));
    }

    #[test]
    fn missing_month_in_a_full_year_is_left_out_and_noted() {
        let mut months = year_of(2017, 0.0);
        let mut y2018 = year_of(2018, 10.0);
        y2018.remove(1); // no February 2018
        months.extend(y2018);
        let s = evaluate(&target(1000.0, 78.0, 2017, None), &agg(&months, &[]));
        let c = s.current.clone().unwrap();
        assert_eq!((c.year, c.label.as_str()), (2018, "2018 (11 months)"));
        // 2018 without February: (78 + 120) − 12 = 186.
        assert_close(s.current_usd(), 186.0);
        // Growth over the 11 common months: 186 / (78 − 2) − 1.
        assert_close(s.observed_growth, 186.0 / 76.0 - 1.0);
        assert!(s.notes.iter().any(|n| n.contains("missing: Feb 2018")), "{:?}", s.notes);
    }

    #[test]
    fn rolling_twelve_months() {
        // Aug 2016–Jul 2017 at 1 a month, Aug 2017–Jul 2018 at 1.5 a month.
        let mut months = Vec::new();
        for i in 0..24 {
            let m = YearMonth::from_index(ym(2016, 8).index() + i);
            months.push((m, if i < 12 { 1.0 } else { 1.5 }));
        }
        let mut t = target(30.0, 12.0, 2017, Some(2020));
        t.basis = CurrentBasis::Rolling12;
        let s = evaluate(&t, &agg(&months, &[]));
        let c = s.current.clone().unwrap();
        assert_eq!(c.label, "Aug 2017–Jul 2018");
        assert_eq!(c.year, 2018);
        assert_close(s.current_usd(), 18.0);
        assert_close(s.observed_growth, 0.5);
        // 18 × 1.5 = 27 < 30, × 2.25 = 40.5: 2020.
        assert_eq!(s.projection, Projection::Reached { year: 2020 });
    }

    #[test]
    fn target_already_met() {
        let a = agg(&[year_of(2017, 100.0), year_of(2018, 90.0)].concat(), &[]);
        // 2018 = 1158 against a target of 1000, even though growth is negative.
        let t = target(1000.0, 1278.0, 2017, Some(2020));
        let s = evaluate(&t, &a);
        assert!(s.met());
        assert_close(s.gap_usd, -158.0);
        assert_close(s.gap_pct, -15.8);
        assert_eq!(s.level, Some(Level::High));
        assert!(s.observed_growth.unwrap() < 0.0);
        assert_eq!(s.projection, Projection::Met { year: 2018 });
        assert_eq!(s.on_track(t.deadline_year), Some(true));
        // The baseline was above the target already: no growth needed.
        assert_eq!(s.required_cagr, Some(0.0));
    }

    #[test]
    fn baseline_equal_to_target() {
        let t = target(690e6, 690e6, 2017, Some(2020));
        let s = evaluate(&t, &Aggregate::default());
        assert_eq!(s.required_cagr, Some(0.0));
        assert_close(s.gap_usd, 0.0);
        assert!(s.met());
        assert_eq!(s.projection, Projection::Met { year: 2017 });
    }

    #[test]
    fn zero_and_negative_growth_never_reach() {
        let flat = agg(&[year_of(2017, 0.0), year_of(2018, 0.0)].concat(), &[]);
        let s = evaluate(&target(1000.0, 78.0, 2017, Some(2020)), &flat);
        assert_close(s.observed_growth, 0.0);
        assert_eq!(s.projection, Projection::NotReached);
        assert_eq!(s.on_track(Some(2020)), Some(false));
        assert!(s.notes.iter().any(|n| n.contains("not reached at this rate")));
        let falling = agg(&[year_of(2017, 10.0), year_of(2018, 0.0)].concat(), &[]);
        let s = evaluate(&target(1000.0, 78.0, 2017, Some(2020)), &falling);
        assert!(s.observed_growth.unwrap() < 0.0);
        assert_eq!(s.projection, Projection::NotReached);
        assert_eq!(s.projection.year(), None);
    }

    #[test]
    fn default_target_without_data_uses_the_reported_baseline() {
        let t = Target::belarus_kazakhstan_1bn();
        assert!(t.validate().is_empty(), "{:?}", t.validate());
        let s = evaluate(&t, &Aggregate::default());
        let c = s.current.clone().unwrap();
        assert_eq!(c.source, CurrentSource::Baseline);
        assert_eq!(c.label, "2017, reported");
        assert_close(s.current_usd(), 690e6);
        assert_close(s.gap_usd, 310e6);
        assert_close(s.gap_pct, 31.0);
        assert_eq!(s.level, Some(Level::Low));
        // No deadline in the article, so no required growth; no data, so no growth.
        assert_eq!(s.required_cagr, None);
        assert_eq!(s.observed_growth, None);
        assert_eq!(s.projection, Projection::Unknown);
        assert_eq!(s.on_track(None), None);
        // With a deadline: (1000/690)^(1/3) − 1.
        let with_deadline = Target { deadline_year: Some(2020), ..t };
        assert_close(evaluate(&with_deadline, &Aggregate::default()).required_cagr, 0.131_662_616_953_135_4);
    }

    #[test]
    fn computed_baseline_and_annual_records() {
        // 2017 from an annual record, 2018 monthly and complete.
        let a = agg(&year_of(2018, 0.0), &[(2017, 60.0)]);
        let t = Target {
            target_usd: 100.0,
            deadline_year: Some(2019),
            baseline: Baseline { year: 2017, value_usd: 0.0, origin: BaselineOrigin::Computed },
            ..Target::default()
        };
        let s = evaluate(&t, &a);
        assert_close(s.baseline_usd, 60.0);
        assert_close(s.required_cagr, (100.0_f64 / 60.0).sqrt() - 1.0);
        assert_close(s.current_usd(), 78.0);
        assert_close(s.observed_growth, 0.3);
        // 78 × 1.3 = 101.4: 2019.
        assert_eq!(s.projection, Projection::Reached { year: 2019 });
        // The year to date annualises linearly when the year before has no months.
        let ytd = Target { basis: CurrentBasis::YtdAnnualised, ..t.clone() };
        let a = agg(&year_of(2018, 0.0)[..6], &[(2017, 60.0)]);
        let s = evaluate(&ytd, &a);
        // Jan–Jun 2018 = 21, × 12/6 = 42.
        assert_close(s.current_usd(), 42.0);
        assert!(s.notes.iter().any(|n| n.contains("ignoring seasonality")), "{:?}", s.notes);
        // A computed baseline for a year the data lacks.
        let missing = Target { baseline: Baseline { year: 2015, ..t.baseline.clone() }, ..t };
        let s = evaluate(&missing, &a);
        assert_eq!(s.baseline_usd, None);
        assert_eq!(s.required_cagr, None);
    }

    #[test]
    fn exports_measure_ignores_turnover_only_months() {
        let mut a = agg(&year_of(2017, 0.0), &[]);
        a.months.push(MonthTotals {
            period: ym(2018, 1),
            sums: FlowSums { turnover_only_usd: 5.0, ..FlowSums::default() },
        });
        let t = Target { measure: Measure::Exports, ..target(100.0, 10.0, 2016, None) };
        let s = evaluate(&t, &a);
        // January 2018 has no exports figure; 2017 exports are 78 × 0.75.
        assert_eq!(s.current.clone().unwrap().year, 2017);
        assert_close(s.current_usd(), 58.5);
    }

    #[test]
    fn validation_messages() {
        let ok = target(1e9, 690e6, 2017, Some(2020));
        assert!(ok.validate().is_empty());
        let bad = Target { name: " ".into(), target_usd: -1.0, deadline_year: Some(2017), ..ok.clone() };
        let errors = bad.validate();
        assert_eq!(
            errors,
            vec![
                TargetError::EmptyName,
                TargetError::TargetNotPositive,
                TargetError::DeadlineNotAfterBaseline { deadline: 2017, baseline_year: 2017 }
            ]
        );
        assert_eq!(errors[2].to_string(), "The deadline (2017) must come after the baseline year (2017).");
        let zero = Target { baseline: Baseline { value_usd: 0.0, ..ok.baseline.clone() }, ..ok.clone() };
        assert_eq!(zero.validate(), vec![TargetError::BaselineNotPositive]);
        // A computed baseline needs no value.
        let computed = Target { baseline: Baseline::default(), ..ok.clone() };
        assert!(computed.validate().is_empty());
        let nan = Target { target_usd: f64::NAN, ..ok.clone() };
        assert_eq!(nan.validate(), vec![TargetError::TargetNotPositive]);
        let far = Target { deadline_year: Some(3000), ..ok.clone() };
        assert_eq!(far.validate()[0].to_string(), "The deadline 3000 is outside 1900–2200.");
        let thresholds =
            Target { thresholds: Thresholds { amber_from_pct: 95.0, green_from_pct: 90.0 }, ..ok };
        assert!(matches!(thresholds.validate()[..], [TargetError::Thresholds { .. }]));
    }

    #[test]
    fn scope_maps_to_a_selection() {
        let t = Target { reporter: " Brest Oblast ".into(), commodity: "03".into(), ..Target::default() };
        let sel = t.selection();
        assert_eq!(sel.reporter.as_deref(), Some("Brest Oblast"));
        assert_eq!(sel.partner, None);
        assert_eq!(sel.commodity.as_deref(), Some("03"));
        assert_eq!(sel.range, None);
        assert_eq!(t.scope_label(), "Brest Oblast – all partners, HS 03");
        assert_eq!(Target::belarus_kazakhstan_1bn().scope_label(), "Belarus – Kazakhstan");
    }

    #[test]
    fn thresholds_and_months_list() {
        let th = Thresholds::default();
        assert_eq!(th.level(69.0), Level::Low);
        assert_eq!(th.level(70.0), Level::Medium);
        assert_eq!(th.level(90.0), Level::High);
        let ms = [ym(2018, 2), ym(2018, 3), ym(2018, 11), ym(2018, 12), ym(2019, 1)];
        assert_eq!(months_list(&ms), "Feb–Mar 2018, Nov 2018–Jan 2019");
    }

    #[test]
    fn round_trips_through_ron_and_old_files_fill_defaults() {
        let t = Target::belarus_kazakhstan_1bn();
        let text = ron::to_string(&t).unwrap();
        assert_eq!(ron::from_str::<Target>(&text).unwrap(), t);
        let partial: Target = ron::from_str("(name: \"Old\", target_usd: 5.0)").unwrap();
        assert_eq!(partial.name, "Old");
        assert_eq!(partial.basis, CurrentBasis::LastFullYear);
        assert_eq!(partial.thresholds, Thresholds::default());
    }

    #[test]
    fn figure_rows_read_like_the_gauge() {
        let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
        let s = evaluate(&t, &Aggregate::default());
        let rows = figure_rows(&t, &s);
        let row = |label: &str| rows.iter().find(|(l, _)| *l == label).unwrap().1.clone();
        assert_eq!(row("Current"), "$690 million (2017, reported)");
        assert_eq!(row("Target"), "$1 billion by 2020");
        assert_eq!(row("Gap"), "$310 million (31.0%)");
        assert_eq!(row("Growth needed"), "+13.2% a year, 2017–2020");
        assert_eq!(row("Target reached"), "unknown: no growth rate");
        assert_eq!(row("Baseline"), "$690 million in 2017, reported");
        let no_deadline = Target::belarus_kazakhstan_1bn();
        let rows = figure_rows(&no_deadline, &evaluate(&no_deadline, &Aggregate::default()));
        assert_eq!(rows[1].1, "$1 billion, no deadline set");
        assert_eq!(rows[3].1, "set a deadline");
    }

    #[test]
    fn summary_has_the_script_fields() {
        let t = Target::belarus_kazakhstan_1bn();
        let s = evaluate(&t, &Aggregate::default());
        let json = serde_json::to_value(TargetSummary::new(&t, &s)).unwrap();
        assert_eq!(json["measure"], "turnover");
        assert_eq!(json["target_usd"], 1e9);
        assert_eq!(json["deadline_year"], serde_json::Value::Null);
        assert_eq!(json["baseline_year"], 2017);
        assert_eq!(json["current_basis"], "baseline");
        assert!((json["gap_pct"].as_f64().unwrap() - 31.0).abs() < 1e-9);
        assert_eq!(json["required_cagr"], serde_json::Value::Null);
        assert_eq!(json["projected_year"], serde_json::Value::Null);
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 13, "{keys:?}");
    }

    #[test]
    fn cache_recomputes_only_what_changed() {
        use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
        let data: Dataset = [Record {
            period: Period::Month(ym(2018, 1)),
            reporter: Party { code: "BLR".into(), name: "Belarus".into() },
            partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
            flow: Flow::Export,
            commodity: Commodity { code: "TOTAL".into(), name: String::new() },
            value_usd: 5.0,
        }]
        .into_iter()
        .collect();
        let ytd = Target { basis: CurrentBasis::YearToDate, ..target(10.0, 1.0, 2017, None) };
        let mut targets = vec![Target::belarus_kazakhstan_1bn(), ytd];
        let mut cache = TargetCache::default();
        assert_eq!(cache.statuses(&data, 1, &targets).len(), 2);
        let _ = cache.statuses(&data, 1, &targets);
        assert_eq!((cache.evaluations(), cache.aggregations()), (2, 2));
        // A new value re-evaluates that target but keeps its aggregate (same scope).
        targets[1].target_usd = 20.0;
        let s = cache.statuses(&data, 1, &targets);
        assert_close(s[1].gap_usd, 15.0);
        assert_eq!((cache.evaluations(), cache.aggregations()), (3, 2));
        // A new scope aggregates again; a new revision redoes both.
        targets[1].partner = "KAZ".into();
        let _ = cache.statuses(&data, 1, &targets);
        assert_eq!((cache.evaluations(), cache.aggregations()), (4, 3));
        let _ = cache.statuses(&data, 2, &targets);
        assert_eq!((cache.evaluations(), cache.aggregations()), (6, 5));
        targets.pop();
        assert_eq!(cache.statuses(&data, 2, &targets).len(), 1);
    }

    #[test]
    fn parses_amounts_as_analysts_type_them() {
        for (text, value) in [
            ("1 billion", 1e9),
            ("1bn", 1e9),
            ("$1.2 bn", 1.2e9),
            ("$690 million", 690e6),
            ("690M", 690e6),
            ("58.3m", 58.3e6),
            ("4.5k", 4500.0),
            ("1,000,000,000", 1e9),
            ("1e9", 1e9),
            (" 250 ", 250.0),
            ("-5", -5.0),
        ] {
            assert_eq!(parse_usd(text), Some(value), "{text}");
        }
        for bad in ["", "abc", "1 trillion", "1..2", "$", "1 bn bn"] {
            assert_eq!(parse_usd(bad), None, "{bad}");
        }
    }

    #[test]
    fn report_prints_text_and_json() {
        let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
        let data = crate::model::dataset::Dataset::default();
        let text = report(std::slice::from_ref(&t), &data, false).unwrap();
        assert!(text.starts_with("Belarus – Kazakhstan trade to $1 billion\n  Scope            Belarus – Kazakhstan, turnover\n"), "{text}");
        assert!(text.contains("  Gap              $310 million (31.0%)\n"), "{text}");
        assert!(text.contains("  Growth needed    +13.2% a year, 2017–2020\n"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&report(&[t], &data, true).unwrap()).unwrap();
        let row = &json["targets"][0];
        assert!((row["required_cagr"].as_f64().unwrap() - 0.131_662_616_953_135_4).abs() < 1e-12);
        assert_eq!(row["deadline_year"], 2020);
        assert_eq!(report(&[], &data, false).unwrap(), "No targets in this workspace.\n");
    }

    #[test]
    fn an_annualised_year_to_date_above_the_target_is_on_course_not_met() {
        // 2017: 10 a month (120). Jan–Jun 2018: 12 a month (72), annualised 144.
        let mut months: Vec<_> = (1..=12).map(|m| (ym(2017, m), 10.0)).collect();
        months.extend((1..=6).map(|m| (ym(2018, m), 12.0)));
        let a = agg(&months, &[]);
        let mut t = target(130.0, 120.0, 2017, Some(2019));
        t.basis = CurrentBasis::YearToDate;
        let s = evaluate(&t, &a);
        assert_close(s.current_usd(), 72.0);
        assert!(!s.met());
        assert_eq!(s.projection, Projection::Reached { year: 2018 });
        t.basis = CurrentBasis::YtdAnnualised;
        let s = evaluate(&t, &a);
        assert_close(s.current_usd(), 144.0);
        assert_eq!(s.projection, Projection::Reached { year: 2018 });
        // Without last year's months the linear estimate, and no growth, still says 2018.
        let a = agg(&months[12..], &[(2017, 120.0)]);
        let s = evaluate(&t, &a);
        assert_close(s.current_usd(), 144.0);
        assert_eq!(s.observed_growth, None);
        assert_eq!(s.projection, Projection::Reached { year: 2018 });
    }

    #[test]
    fn required_path_for_the_current_year() {
        // 2017 turnover 690 (reported), 2018 800 from the data; $1000 by 2020 needs +13.17% a
        // year, so 2018 should be at 690 × 1.131663 = 780.85: 800 is ahead.
        let a = agg(&(1..=12).map(|m| (ym(2018, m), 800.0 / 12.0)).collect::<Vec<_>>(), &[]);
        let t = target(1000.0, 690.0, 2017, Some(2020));
        let s = evaluate(&t, &a);
        assert_close(s.current_usd(), 800.0);
        assert_close(s.required_path_usd, 690.0 * (1000.0_f64 / 690.0).powf(1.0 / 3.0));
        let rows = figure_rows(&t, &s);
        let path = rows.iter().find(|(l, _)| *l == "Required path").unwrap();
        assert_eq!(path.1, "$781 for 2018: ahead");
        // A tighter deadline: 690 × (1000/690)^(1/2) = 830.66 for 2018, behind by 30.66.
        let t = target(1000.0, 690.0, 2017, Some(2019));
        let s = evaluate(&t, &a);
        assert_close(s.required_path_usd, (690.0_f64 * 1000.0).sqrt());
        let rows = figure_rows(&t, &s);
        assert_eq!(
            rows.iter().find(|(l, _)| *l == "Required path").unwrap().1,
            "$831 for 2018: behind by $31"
        );
        // Deadline passed: the path is the target. No deadline, or no later year: no path.
        assert_close(evaluate(&target(1000.0, 690.0, 2016, Some(2018)), &a).required_path_usd, 1000.0);
        assert_eq!(evaluate(&target(1000.0, 690.0, 2017, None), &a).required_path_usd, None);
        assert_eq!(evaluate(&target(1000.0, 690.0, 2018, Some(2020)), &a).required_path_usd, None);
        // A baseline above the target: the path is the target, not the baseline.
        assert_close(evaluate(&target(500.0, 690.0, 2017, Some(2020)), &a).required_path_usd, 500.0);
    }
}
