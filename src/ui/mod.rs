//! Panels. Each draws from a read-only [`ViewCtx`] and pushes [`crate::app::Command`]s; none
//! changes the workspace itself.

pub mod chart;
pub mod gauges;
pub mod import;
pub mod itinerary;
pub mod sidebar;
pub mod theme;

use crate::model::dataset::Dataset;
use crate::model::query::Aggregate;
use crate::model::workspace::Workspace;

/// What panels read while drawing a frame. Built once per frame from the app state; nothing
/// in it scans the dataset.
pub struct ViewCtx<'a> {
    /// The workspace as it is now.
    pub workspace: &'a Workspace,
    /// The loaded trade data (empty when none).
    pub dataset: &'a Dataset,
    /// Monthly and yearly totals of the current selection (cached).
    pub aggregate: &'a Aggregate,
    /// One aggregate per compared partner (`Selection::compare`), cached with the aggregate.
    pub compared: &'a [(String, Aggregate)],
    /// The partner's own figures for its trade with the reporter, when the data has them (cached).
    pub mirror: Option<&'a Aggregate>,
    /// First and last month in the whole dataset (computed when the data is loaded).
    pub data_span: Option<crate::model::period::MonthRange>,
    /// Increases whenever the dataset or the selection changes; panels key their own caches by it.
    pub revision: u64,
    /// Whether `aggregate`, `compared` and `mirror` are still those of an earlier selection
    /// while the current one's are computed in the background (large data): panels that draw
    /// them keep what they drew until this is false.
    pub updating: bool,
}

/// The main views, shown as tabs above the central panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// Monthly trade chart.
    #[default]
    Chart,
    /// Target gauges.
    Targets,
    /// Visit itinerary.
    Visit,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Self; 3] = [Self::Chart, Self::Targets, Self::Visit];

    /// Tab caption.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Chart => "Monthly trade",
            Self::Targets => "Targets",
            Self::Visit => "Visit",
        }
    }
}
