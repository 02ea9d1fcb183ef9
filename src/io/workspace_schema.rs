//! The shape of a `.ron` workspace on disk, and the migration from older schema versions.
//!
//! The model's [`Workspace`] holds the rows in memory; the file holds everything else as RON
//! and, from schema 2 on, names the data file that holds the rows ([`StoredData`]). Schema 1
//! kept the rows in the RON itself, one `(period: …, reporter: …, …)` per row, or, above
//! 200,000 rows, only the path of the file they were read from: both still load. Schemas 1
//! and 2 kept reported figures as text (label, value, change, reported by, source): the label
//! is read into span, measure, reporter, partner and side where it can be
//! ([`migrate_reported`]); a figure whose label cannot be read is kept with an unknown span,
//! never dropped.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::workspace_data::StoredData;
use crate::model::annotation::Annotation;
use crate::model::chart::ChartSettings;
use crate::model::dataset::Dataset;
use crate::model::groups::PartnerGroup;
use crate::model::itinerary::Visit;
use crate::model::mapping::SavedMapping;
use crate::model::query::Selection;
use crate::model::reported::{Statistics, assign_ids, parse_legacy_label};
use crate::model::target::Target;
use crate::model::workspace::{DataSource, ReportedFigure, SCHEMA_VERSION, Workspace};

/// A workspace as its `.ron` file holds it. Field for field the model's [`Workspace`] (the
/// conversions destructure both, so a field added there fails to compile until it is added
/// here), but with [`DataFile`] for the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkspaceFile {
    /// Format version.
    pub schema_version: u32,
    /// See [`Workspace::title`].
    pub title: String,
    /// The data: what it is, where it came from, where its rows are.
    pub data: DataFile,
    /// See [`Workspace::selection`].
    pub selection: Selection,
    /// See [`Workspace::chart`].
    pub chart: ChartSettings,
    /// See [`Workspace::reported`].
    pub reported: Vec<ReportedFigure>,
    /// See [`Workspace::targets`].
    pub targets: Vec<Target>,
    /// See [`Workspace::visits`].
    pub visits: Vec<Visit>,
    /// See [`Workspace::annotations`].
    pub annotations: Vec<Annotation>,
    /// See [`Workspace::import_mappings`].
    pub import_mappings: Vec<SavedMapping>,
    /// See [`Workspace::groups`] (schema 4; none before).
    pub groups: Vec<PartnerGroup>,
}

impl Default for WorkspaceFile {
    fn default() -> Self {
        Self::without_rows(Workspace::default(), None)
    }
}

/// The data section of a `.ron` workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataFile {
    /// See [`DataSource::label`].
    pub label: String,
    /// See [`DataSource::sample`].
    pub sample: bool,
    /// The file the data was first read from: information only from schema 2 on (the rows are
    /// in the data file); in schema 1 without `embedded`, where the rows are read from.
    pub path: Option<PathBuf>,
    /// Schema 1: the rows in RON. Read, never written.
    #[serde(skip_serializing)]
    pub embedded: Option<Dataset>,
    /// Schema 2: the data file holding the rows. `None`: the workspace holds no data.
    pub stored: Option<StoredData>,
    /// See [`DataSource::sample_split`] (an optional field: files without it load as `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_split: Option<crate::model::workspace::SampleSplit>,
}

impl WorkspaceFile {
    /// The file form of `ws`, its rows (if any) in the data file `stored`.
    #[must_use]
    pub fn without_rows(ws: Workspace, stored: Option<StoredData>) -> Self {
        let Workspace {
            schema_version: _,
            title,
            data: DataSource { label, sample, path, embedded: _, sample_split },
            selection,
            chart,
            reported,
            targets,
            visits,
            annotations,
            import_mappings,
            groups,
        } = ws;
        Self {
            schema_version: SCHEMA_VERSION,
            title,
            data: DataFile { label, sample, path, embedded: None, stored, sample_split },
            selection,
            chart,
            reported,
            targets,
            visits,
            annotations,
            import_mappings,
            groups,
        }
    }

    /// The workspace, with `rows` as its data (schema 2, read from the data file), or the RON
    /// rows of schema 1, migrated to the current schema.
    #[must_use]
    pub fn into_workspace(self, rows: Option<Arc<Dataset>>) -> Workspace {
        let Self {
            schema_version: _,
            title,
            data: DataFile { label, sample, path, embedded, stored: _, sample_split },
            selection,
            chart,
            reported,
            targets,
            visits,
            annotations,
            import_mappings,
            groups,
        } = self;
        let mut reported = reported;
        migrate_reported(&mut reported);
        let mut ws = Workspace {
            schema_version: SCHEMA_VERSION,
            title,
            data: DataSource {
                label,
                sample,
                path,
                embedded: rows.or_else(|| embedded.map(Arc::new)),
                sample_split,
            },
            selection,
            chart,
            reported,
            targets,
            visits,
            annotations,
            import_mappings,
            groups: migrate_groups(groups),
        };
        ws.share_groups();
        ws
    }
}

/// The user's groups as read (schema 3 and older had none): none is marked shipped with the
/// app, and a group without a name is dropped (it could not be chosen).
fn migrate_groups(groups: Vec<PartnerGroup>) -> Vec<PartnerGroup> {
    groups
        .into_iter()
        .filter(|g| !g.id.trim().is_empty())
        .map(|g| PartnerGroup { builtin: false, ..g })
        .collect()
}

/// Reads the free-text label of every figure without a span (schemas 1 and 2 had only labels)
/// into span, measure, reporter, partner and side, when the label has the form
/// "REPORTER – PARTNER trade, PERIOD (X's statistics)"; other figures keep an unknown span and
/// their label. Gives every figure an id. Running it again changes nothing.
pub fn migrate_reported(figures: &mut [ReportedFigure]) {
    for f in figures.iter_mut().filter(|f| f.span.is_none()) {
        let parsed = parse_legacy_label(&f.label);
        if parsed.span.is_none() || parsed.reporter.is_empty() || parsed.partner.is_empty() {
            continue;
        }
        f.span = parsed.span;
        f.reporter = parsed.reporter;
        f.partner = parsed.partner;
        f.measure = parsed.measure.unwrap_or_default();
        if f.statistics == Statistics::Unstated {
            f.statistics = parsed.statistics;
        }
    }
    assign_ids(figures);
}
