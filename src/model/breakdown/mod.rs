//! Breakdowns: the trade of a selection over a period, by commodity (at an HS or SITC level)
//! or by partner, ranked, top N plus "other", each item with its share of the total, the same
//! period a year earlier, the change and its contribution to the total's growth.
//!
//! The double-counting rules are those of the totals (`model::query`), applied per item:
//! - *Commodity levels.* An item at level L (2, 4, 6 digits) sums, per (period, reporter,
//!   partner, flow), the most aggregate codes present under it that are at least L digits long:
//!   `0401` rather than `040110` beside it. `TOTAL` is never an item, nor is a code shorter than
//!   L (a chapter when headings are asked for): what they hold beyond the items is part of
//!   "other", as *not broken down at this level*.
//! - *Partners.* With no partner chosen, an item uses the World rows where the file has World
//!   for that (period, reporter, flow, item), else the sum of the countries. A partner ranking
//!   never lists World.
//! - *The total* is the one the chart shows for the same selection (`query::aggregate`); the
//!   items plus "other" add up to it to the cent ([`Breakdown::other`] takes the difference,
//!   in whole cents, so rounding never makes a cent appear or vanish).
//!
//! Year on year: the period is compared with the same months a year earlier when both hold the
//! same months of data; otherwise there is no comparison and [`Breakdown::comparison_note`]
//! names the months missing (a fall that is only a missing month is never reported).
//!
//! `request.rs` holds what is asked; `compute.rs` the pass over the rows; `measure.rs` the
//! quantities, unit values and price and volume effects; `result.rs` the ranked items; `names.rs` the HS section and chapter names shipped with the app.

mod compute;
mod measure;
mod names;
mod request;
mod result;
#[cfg(test)]
mod tests;

pub use compute::{breakdown, default_period};
pub use measure::Measure;
pub use names::{
    NATIONAL_CHAPTERS, NameLang, Section, chapter_name, section_name, section_of_chapter, sections,
};
pub use request::{By, Level, PeriodChoice, Request};
pub use result::{Breakdown, Item, Other};
