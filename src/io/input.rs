//! Opening whatever the user points at: a data file or a `.ron` workspace. Used by the window
//! (on a background thread), by drag-and-drop and by every command-line command.

use std::path::Path;
use std::sync::Arc;

use super::import::{self, ImportError, ImportOptions, ImportReport, Imported, Progress};
use super::workspace_file::{self, WorkspaceError};
use crate::model::workspace::{DataSource, Workspace};

/// What a path turned out to hold. Made once per open and moved straight into the app,
/// so the size difference between the variants does not matter.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Opened {
    /// A trade data file.
    Data(Imported),
    /// A workspace, with its data read from the file it names when not embedded.
    Workspace {
        /// The workspace.
        workspace: Workspace,
        /// The data read from `workspace.data.path`, when the data is not embedded.
        data: Option<Imported>,
        /// Why the data could not be read, when it could not; the workspace still opens.
        warning: Option<String>,
    },
}

/// Why a path could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// A data file that cannot be used.
    #[error(transparent)]
    Data(#[from] ImportError),
    /// A workspace that cannot be used.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

impl OpenError {
    /// What went wrong, in `lang`.
    #[must_use]
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::Data(e) => e.message(lang),
            Self::Workspace(e) => e.message(lang),
        }
    }
}

/// Whether a path names a workspace (by its `.ron` extension).
#[must_use]
pub fn is_workspace_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Opens a data file or a workspace.
///
/// # Errors
/// When the file cannot be read or used; nothing else is affected.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    open_with(path, &ImportOptions::default())
}

/// [`open`] with import options (a column mapping, remembered mappings, a sheet). A workspace's
/// own remembered mappings are added for the data file it names.
///
/// # Errors
/// As [`open`].
pub fn open_with(path: &Path, options: &ImportOptions) -> Result<Opened, OpenError> {
    open_with_progress(path, options, &Progress::default())
}

/// [`open_with`], reporting the data file's bytes and rows read to `progress` and stopping
/// with [`ImportError::Cancelled`] when it is cancelled.
///
/// # Errors
/// As [`open`].
pub fn open_with_progress(
    path: &Path,
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Opened, OpenError> {
    if !is_workspace_path(path) {
        return Ok(Opened::Data(import::import_path_with_progress(path, options, progress)?));
    }
    let workspace = workspace_file::load(path)?;
    if workspace.data.embedded.is_some() {
        return Ok(Opened::Workspace { workspace, data: None, warning: None });
    }
    let Some(data_path) = workspace.data.path.clone() else {
        return Ok(Opened::Workspace { workspace, data: None, warning: None });
    };
    let data_path = if data_path.is_relative() {
        path.parent().unwrap_or(Path::new(".")).join(data_path)
    } else {
        data_path
    };
    let mut options = options.clone();
    options.remembered.extend(workspace.import_mappings.iter().cloned());
    Ok(match import::import_path_with_progress(&data_path, &options, progress) {
        Ok(imported) => Opened::Workspace { workspace, data: Some(imported), warning: None },
        Err(e @ ImportError::Cancelled { .. }) => return Err(e.into()),
        Err(e) => Opened::Workspace {
            workspace,
            data: None,
            warning: Some(format!("{}: opened, but its data could not be read: {e}", path.display())),
        },
    })
}

/// The workspace a command-line command works on: the embedded default when `path` is
/// `None`, the workspace at `path`, or a new workspace around the data file at `path`.
///
/// # Errors
/// As [`open`].
pub fn open_as_workspace(
    path: Option<&Path>,
) -> Result<(Workspace, Option<ImportReport>, Option<String>), OpenError> {
    open_as_workspace_with(path, &ImportOptions::default())
}

/// [`open_as_workspace`] with import options.
///
/// # Errors
/// As [`open`].
pub fn open_as_workspace_with(
    path: Option<&Path>,
    options: &ImportOptions,
) -> Result<(Workspace, Option<ImportReport>, Option<String>), OpenError> {
    let Some(path) = path else { return Ok((workspace_file::default_workspace(), None, None)) };
    Ok(match open_with(path, options)? {
        Opened::Data(imported) => {
            let workspace = workspace_for_data(path, imported.dataset, &imported.report);
            (workspace, Some(imported.report), None)
        }
        Opened::Workspace { mut workspace, data, warning } => {
            let report = match data {
                Some(d) => {
                    workspace.data.embedded = Some(Arc::new(d.dataset));
                    Some(d.report)
                }
                None => report_of_embedded(path, &workspace, options),
            };
            (workspace, report, warning)
        }
    })
}

/// The import report of a workspace's embedded data: its data file read again, when it is
/// still there and still gives the same rows (a saved workspace keeps the rows, not what the
/// import said of them: rows skipped, repaired, read twice). `None` otherwise.
fn report_of_embedded(
    ws_path: &Path,
    workspace: &Workspace,
    options: &ImportOptions,
) -> Option<ImportReport> {
    let embedded = workspace.data.embedded.as_deref()?;
    let data_path = workspace.data.path.as_deref()?;
    let data_path = if data_path.is_relative() {
        ws_path.parent().unwrap_or(Path::new(".")).join(data_path)
    } else {
        data_path.to_owned()
    };
    let mut options = options.clone();
    options.remembered.extend(workspace.import_mappings.iter().cloned());
    let imported = import::import_path_with(&data_path, &options).ok()?;
    (imported.dataset == *embedded).then_some(imported.report)
}

/// A fresh workspace showing a data file.
#[must_use]
pub fn workspace_for_data(
    path: &Path,
    dataset: crate::model::dataset::Dataset,
    report: &ImportReport,
) -> Workspace {
    let name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Workspace {
        title: name.clone(),
        data: DataSource {
            label: format!("{name} ({})", report.format.label()),
            sample: false,
            path: Some(path.to_owned()),
            embedded: Some(Arc::new(dataset)),
            sample_split: None,
            clickhouse: None,
        },
        ..Workspace::default()
    }
}
