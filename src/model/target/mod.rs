//! Trade targets ("raise Belarus–Kazakhstan trade to $1 billion") and the arithmetic of the gap.
//!
//! A [`Target`] names a scope (reporter, partner, commodity), a measure (turnover, exports or
//! imports), a value in US dollars, an optional deadline year and a baseline. [`evaluate`]
//! compares it with an [`Aggregate`](crate::model::query::Aggregate) computed for the target's own [`Target::selection`] and
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
//!
//! Where things are: the target and its settings in `types.rs`; [`evaluate`] and the [`TargetStatus`] it
//! returns in `evaluate.rs` and `status.rs`; the gauge's figure rows in `figures.rs`; the cache
//! the Targets tab reads in `cache.rs`. The growth comparison is the one year-on-year policy of
//! [`crate::model::growth::Comparison`]; the built-in target is in [`crate::model::seed`].

mod cache;
mod evaluate;
mod figures;
mod reported;
#[cfg(test)]
mod reported_tests;
mod status;
#[cfg(test)]
mod tests;
mod types;

pub use crate::model::note::{Arg, Note, basis_label, measure_label, months_text, period_text, source_text};
pub use cache::TargetCache;
pub use evaluate::evaluate;
pub use figures::{figure_rows, figure_rows_in, parse_usd};
pub use reported::{CurrentPin, ReportedRef};
pub use status::{Current, CurrentSource, Projection, TargetStatus, project, required_cagr};
pub use types::{
    Band, Baseline, BaselineOrigin, CurrentBasis, PROJECTION_HORIZON_YEARS, Target, TargetError,
    TargetMeasure, Thresholds, YEAR_RANGE,
};
