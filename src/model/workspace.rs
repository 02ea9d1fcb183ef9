//! Everything the user would lose on closing the window: what is saved in a `.ron` workspace.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::annotation::Annotation;
use super::chart::ChartSettings;
use super::dataset::Dataset;
use super::groups::PartnerGroup;
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
/// Schema 4 adds the user's country groups ([`Workspace::groups`]); a schema-3 file has none.
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
    /// Country groups the user defined (the EAEU, the CIS and EU-27 ship with the app and are
    /// not saved here), usable as a partner: `model::groups`.
    pub groups: Vec<PartnerGroup>,
}

impl Workspace {
    /// Replaces the user's groups. A selection naming a group that is gone (deleted, renamed)
    /// no longer names it: the partner goes back to all partners, a compared group is dropped.
    pub fn set_groups(&mut self, groups: Vec<PartnerGroup>) {
        let gone: Vec<PartnerGroup> =
            self.groups.iter().filter(|g| !groups.iter().any(|n| n.id == g.id)).cloned().collect();
        let names_gone = |q: &str| gone.iter().any(|g| g.named_by(q));
        if self.selection.partner.as_deref().is_some_and(names_gone) {
            self.selection.partner = None;
        }
        self.selection.compare.retain(|q| !names_gone(q));
        self.groups = groups;
        self.share_groups();
    }

    /// Copies [`Self::groups`] into the selection and the targets, which may name them (every
    /// figure computed from them, and every cache keyed on them, then sees the groups as they
    /// are). Called on load and after every command.
    pub fn share_groups(&mut self) {
        if self.selection.groups != self.groups {
            self.selection.groups.clone_from(&self.groups);
        }
        for t in &mut self.targets {
            if t.groups != self.groups {
                t.groups.clone_from(&self.groups);
            }
        }
    }
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
            groups: Vec::new(),
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
    /// The built-in example's illustrative monthly split, and whether its rows are shown (they
    /// are then part of `embedded`, and `sample` is set); `None` for every other data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_split: Option<SampleSplit>,
}

/// Whether the built-in example shows its illustrative monthly split (SAMPLE rows that add up
/// to the published totals). Off by default: the example's data is the figures as published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleSplit {
    /// The split's rows are in the data shown, labelled SAMPLE.
    pub shown: bool,
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

    #[test]
    fn deleting_the_group_chosen_leaves_all_partners_and_copies_the_groups_everywhere() {
        use crate::model::groups::{Member, PartnerGroup};
        let g = PartnerGroup::user("Neighbours", vec![Member { code: "RUS".into(), names: Vec::new() }]);
        let mut ws = Workspace { targets: vec![Target::default()], ..Workspace::default() };
        ws.set_groups(vec![g.clone()]);
        assert_eq!(ws.selection.groups, vec![g.clone()]);
        assert_eq!(ws.targets[0].groups, vec![g.clone()]);
        assert_eq!(ws.targets[0].selection().groups, vec![g.clone()]);
        ws.selection.partner = Some(g.key());
        ws.selection.compare = vec!["KAZ".into(), g.key()];
        ws.set_groups(Vec::new());
        assert_eq!(ws.selection.partner, None);
        assert_eq!(ws.selection.compare, vec!["KAZ".to_owned()]);
        assert!(ws.selection.groups.is_empty() && ws.targets[0].groups.is_empty());
    }
}
