//! Totals the data in memory cannot give: a data source that answers some selections itself
//! (a ClickHouse table whose sums did not fit in memory, docs/clickhouse.md), asked by the
//! [`super::AggregateCache`] on its background thread.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::selection::Selection;
use super::totals::Aggregate;

/// A source of totals for the selections the dataset in memory does not hold the rows of.
pub trait RemoteTotals: Send + Sync + std::fmt::Debug {
    /// Whether `sel` must be answered by the source, not by the dataset in memory.
    fn needs_remote(&self, sel: &Selection) -> bool;

    /// The totals of `sel`, by the in-process engine's rules. Stops waiting, with an error,
    /// within about a tenth of a second of `cancel` being set (the status bar's Cancel).
    ///
    /// # Errors
    /// What went wrong, in words for the status bar.
    fn aggregate(&self, sel: &Selection, cancel: &Arc<AtomicBool>) -> Result<Aggregate, String>;
}
