//! Filters and aggregation: monthly and yearly totals for a selection, without double counting.
//!
//! The rules, in the order they are applied:
//! 1. Rows outside the selection (reporter, partner, commodity prefix, period range) are left out.
//! 2. Commodity levels: for each (period, reporter, partner, flow) the `TOTAL` rows are used when
//!    the group has one; otherwise only the most aggregate HS level present (chapters before
//!    headings before subheadings), so a chapter and its headings are never added together.
//! 3. Partner World: when no partner is selected, a World row for (period, reporter, flow) is
//!    used if there is one; otherwise the countries are summed. World is never added to them.
//! 4. Turnover-only rows count only where that (period, reporter, partner) has no export or
//!    import rows: turnover = exports + imports (+ turnover-only rows).
//! 5. Annual records (`Period::Year`) make up the yearly totals for years that have no monthly
//!    data for the selection; they are never spread over months.
//! 6. Spans (`Period::Span`: quarters, half-years, January–N) are figures of their own, by
//!    rules 1–4, in `Aggregate::spans`; never spread over months. Where two cumulative figures
//!    of a year follow each other (Jan–Jun and Jan–Jul; a January month counts as Jan–Jan and an
//!    annual record as Jan–Dec), their difference is derived when it is one month or one
//!    quarter that the data does not hold itself (`derive.rs`); nothing else is derived.
//! 7. Unknown is not zero: a flow the data holds no row of for the selection's reporter and
//!    partner is unknown in every period, and so are turnover and balance (`held.rs`); where
//!    the flow is held, a month with rows of the other flow only is zero for it.
//!
//! The selection in `selection.rs`; the totals it gives in `totals.rs`; the aggregation and its double-counting rules
//! in `aggregate.rs`; the cache the window reads (computed in the background on large data)
//! in `cache.rs`; a source that answers some selections itself (a ClickHouse table too large
//! for memory) in `remote.rs`.

mod aggregate;
mod cache;
mod derive;
mod held;
mod remote;
mod selection;
#[cfg(test)]
mod tests;
mod totals;

pub use aggregate::{aggregate, aggregate_periods};
pub use cache::{AggregateCache, BACKGROUND_ROWS};
pub use held::{FlowsHeld, flows_held};
pub use remote::RemoteTotals;
pub use selection::Selection;
pub use totals::{Aggregate, FlowSums, MonthTotals, PublishedPct, SpanTotals, YearTotals};
