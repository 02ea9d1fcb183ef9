//! Totals the data in memory cannot give: a data source that answers some selections itself
//! (a ClickHouse table whose sums did not fit in memory, docs/clickhouse.md), asked by the
//! [`super::AggregateCache`] on its background thread.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::selection::Selection;
use super::totals::Aggregate;
use crate::model::breakdown::{By, Request};
use crate::model::dataset::Dataset;

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

    /// Whether the Composition tab's breakdown `req` must be computed from rows asked of the
    /// source ([`Self::breakdown_rows`]), not from the dataset in memory: a breakdown by
    /// commodity, or any with a commodity or products, when the dataset holds the commodities
    /// only summed. A partner ranking of all commodities is answered from memory.
    fn breakdown_needs_remote(&self, req: &Request) -> bool {
        req.by == By::Commodity || req.selection.commodity.is_some() || !req.products.is_empty()
    }

    /// The rows `req` needs ([`Request::rows_selection`]) summed per (month, reporter,
    /// partner, flow, commodity) by the source; the breakdown engine works on them as on a
    /// file's rows. Stops waiting as [`Self::aggregate`] does.
    ///
    /// # Errors
    /// What went wrong, in words for the tab and the status bar.
    fn breakdown_rows(&self, req: &Request, cancel: &Arc<AtomicBool>) -> Result<Dataset, String>;
}
