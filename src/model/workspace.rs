//! Everything the user would lose on closing the window: what is saved in a `.ron` workspace.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::annotation::Annotation;
use super::chart::ChartSettings;
use super::dataset::Dataset;
use super::itinerary::Visit;
use super::mapping::SavedMapping;
use super::query::Selection;
pub use super::reported::ReportedFigure;
use super::target::Target;

/// Version of the workspace file format written by this build. Files with a higher version
/// are refused (never overwritten); lower versions are migrated on load.
///
/// Schema 2 keeps the rows in a binary data file beside the `.ron` (`io::workspace_data`);
/// schema 1 kept them in the RON text, or above 200,000 rows only the source file's path.
///
/// Schema 3 holds reported figures as data (span, measure, reporter, partner, side, source:
/// [`ReportedFigure`]); older files' free-text labels are read into those on load.
///
/// Schema 4 may name a ClickHouse table as the data's source ([`DataSource::clickhouse`],
/// without the password); the window reconnects to it on open. Older files have none.
pub const SCHEMA_VERSION: u32 = 4;

/// A saved workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Title shown in the window title and on exported charts.
    pub title: String,
    /// The trade data and where it came from.
    pub data: DataSource,
    /// The reporter, partner, commodity and months being looked at.
    pub selection: Selection,
    /// How the chart is drawn.
    pub chart: ChartSettings,
    /// Figures quoted by officials or the press, with their sources, shown beside computed ones.
    pub reported: Vec<ReportedFigure>,
    /// Targets shown as gauges.
    pub targets: Vec<Target>,
    /// Delegation visits.
    pub visits: Vec<Visit>,
    /// Dated events drawn on the chart's timeline.
    pub annotations: Vec<Annotation>,
    /// Column mappings remembered for data files whose header tradedash does not know, keyed
    /// by the header row; used again for files with the same header.
    pub import_mappings: Vec<SavedMapping>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            title: "Untitled workspace".into(),
            data: DataSource::default(),
            selection: Selection::default(),
            chart: ChartSettings::default(),
            reported: Vec::new(),
            targets: Vec::new(),
            visits: Vec::new(),
            annotations: Vec::new(),
            import_mappings: Vec::new(),
        }
    }
}

/// The trade data of a workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSource {
    /// What the data is, as shown in the UI ("UN Comtrade: Belarus, 2018").
    pub label: String,
    /// Whether this is illustrative sample data rather than published statistics. The UI
    /// shows a "sample data" banner whenever it is set.
    pub sample: bool,
    /// File the data was read from, if any: information only once the workspace is saved,
    /// which keeps the rows itself.
    pub path: Option<PathBuf>,
    /// The rows themselves. `None` means "not loaded": read `path` (a schema-1 workspace of
    /// more than 200,000 rows, saved by path only; the next save keeps the rows).
    pub embedded: Option<Arc<Dataset>>,
    /// The ClickHouse table the rows were summed from, as a `clickhouse://USER@HOST:PORT/DB/TABLE`
    /// address (never with a password): the window reconnects to it when the workspace opens
    /// (schema 4; docs/clickhouse.md). `None` for data read from files.
    pub clickhouse: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::ChartView;

    #[test]
    fn files_from_before_views_events_and_comparisons_still_load() {
        let old = r#"(
            schema_version: 1,
            title: "Old",
            selection: (reporter: Some("BY-BR"), partner: Some("KAZ"), commodity: None, range: None),
            chart: (exports: true, imports: false, turnover: true, balance: false, bars: true),
        )"#;
        let ws: Workspace = ron::from_str(old).unwrap();
        assert_eq!(ws.selection.partner.as_deref(), Some("KAZ"));
        assert!(ws.selection.compare.is_empty());
        assert!(ws.chart.bars && !ws.chart.imports);
        assert_eq!(ws.chart.view, ChartView::Monthly);
        assert!(ws.chart.table && !ws.chart.stacked && !ws.chart.mirror);
        assert!(ws.annotations.is_empty());
    }
}
