//! Autosave files: unsaved changes written to the app's data folder shortly after each edit,
//! so that a crash or a kill loses nothing.
//!
//! Each running window writes its own `autosave-<pid>.ron` and, like any workspace, its rows in
//! `autosave-<pid>.data` beside it; the data file is written again only when the data changed
//! (an edit of a title or a selection writes the few kilobytes of the `.ron` only). A clean
//! exit, a save, or the user's "Don't save" removes both. On start, files whose process is gone are *orphans*: the app offers
//! to recover or discard them, never silently.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::atomic::{WriteError, write_atomic};
use super::workspace_data::{self, data_path_for};
use super::workspace_file::{self, WorkspaceError};
use super::workspace_schema::WorkspaceFile;
use crate::model::workspace::{SCHEMA_VERSION, Workspace};

/// What an autosave file holds: the workspace and the file it was last saved to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutosaveFile {
    /// The workspace file the changes belong to, if it had been saved before.
    pub origin: Option<PathBuf>,
    /// The workspace with its unsaved changes.
    pub workspace: Workspace,
}

/// An autosave file as written: the workspace's `.ron` form, its rows in the data file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct AutosaveText {
    origin: Option<PathBuf>,
    workspace: WorkspaceFile,
}

/// An autosave left by a window that did not close properly.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The autosave file.
    pub path: PathBuf,
    /// When it was last written.
    pub modified: Option<SystemTime>,
}

/// The autosave slot of this process.
#[derive(Debug, Clone)]
pub struct Autosave {
    dir: PathBuf,
    path: PathBuf,
}

impl Autosave {
    /// The slot for this process in `dir` (created when first written).
    #[must_use]
    pub fn new(dir: &Path) -> Self {
        Self { dir: dir.to_owned(), path: dir.join(format!("autosave-{}.ron", std::process::id())) }
    }

    /// The slot of another process id: for tests that simulate a crashed window.
    #[must_use]
    pub fn for_pid(dir: &Path, pid: u32) -> Self {
        Self { dir: dir.to_owned(), path: dir.join(format!("autosave-{pid}.ron")) }
    }

    /// The app's data folder: `~/.local/share/tradedash` on Linux.
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "tradedash").map(|d| d.data_dir().to_owned())
    }

    /// This process's autosave file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the workspace: its rows to the data file when they changed since the last
    /// write, then the `.ron`, each atomically.
    ///
    /// # Errors
    /// When the folder cannot be created or written.
    pub fn write(&self, file: &AutosaveFile) -> Result<(), WriteError> {
        let err = |source| WriteError { path: self.path.clone(), source };
        std::fs::create_dir_all(&self.dir).map_err(err)?;
        let workspace = workspace_file::with_data_saved(&file.workspace, &data_path_for(&self.path))?;
        let text = AutosaveText { origin: file.origin.clone(), workspace };
        let pretty = ron::ser::PrettyConfig::new().depth_limit(8);
        let text = ron::ser::to_string_pretty(&text, pretty).map_err(|e| err(std::io::Error::other(e)))?;
        write_atomic(&self.path, text.as_bytes())
    }

    /// Removes this process's autosave, if any.
    pub fn remove(&self) {
        discard(&self.path);
    }

    /// Autosaves in `dir` whose process is no longer running, newest first.
    #[must_use]
    pub fn orphans(dir: &Path) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut found: Vec<Orphan> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let rest = name.strip_prefix("autosave-")?;
                let (pid, ron) = match rest.strip_suffix(".ron") {
                    Some(pid) => (pid, true),
                    None => (rest.strip_suffix(".data").or_else(|| rest.strip_suffix(".data.bak"))?, false),
                };
                let pid: u32 = pid.parse().ok()?;
                if pid == std::process::id() || process_alive(pid) {
                    return None;
                }
                if !ron {
                    // The data file of an autosave discarded or recovered: its `.ron` is gone.
                    if !dir.join(format!("autosave-{pid}.ron")).exists() {
                        let _ = std::fs::remove_file(e.path());
                    }
                    return None;
                }
                Some(Orphan { path: e.path(), modified: e.metadata().ok().and_then(|m| m.modified().ok()) })
            })
            .collect();
        found.sort_by_key(|o| std::cmp::Reverse(o.modified));
        found
    }
}

/// Reads an autosave file.
///
/// # Errors
/// When it cannot be read or parsed (the message names line and column).
pub fn read(path: &Path) -> Result<AutosaveFile, WorkspaceError> {
    let text = workspace_file::read_text(path)?;
    let file: AutosaveText = ron::Options::default().from_str(&text).map_err(|e| WorkspaceError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if file.workspace.schema_version > SCHEMA_VERSION {
        return Err(WorkspaceError::TooNew {
            path: path.to_owned(),
            found: file.workspace.schema_version,
            supported: SCHEMA_VERSION,
        });
    }
    let rows = match &file.workspace.data.stored {
        Some(stored) => Some(workspace_data::load(path, stored)?),
        None => None,
    };
    Ok(AutosaveFile { origin: file.origin, workspace: file.workspace.into_workspace(rows) })
}

/// Removes an autosave: its `.ron` and its data file (and that one's backup).
pub fn discard(path: &Path) {
    let data = data_path_for(path);
    for p in [path.to_owned(), super::atomic::backup_path(&data), data] {
        let _ = std::fs::remove_file(p);
    }
}

/// Whether a process with this id is running. On systems without `/proc` every other
/// process counts as gone, so an autosave of a second window may be offered for recovery.
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_reads_and_finds_orphans_of_dead_processes_only() {
        let dir = tempfile::tempdir().unwrap();
        let mine = Autosave::new(dir.path());
        let ws = Workspace { title: "Unsaved analysis".into(), ..Workspace::default() };
        let file = AutosaveFile { origin: Some("/tmp/a.ron".into()), workspace: ws };
        mine.write(&file).unwrap();
        assert_eq!(read(mine.path()).unwrap(), file);
        // Our own file is not an orphan; one of a process that cannot exist is.
        assert!(Autosave::orphans(dir.path()).is_empty());
        let dead = dir.path().join(format!("autosave-{}.ron", u32::MAX - 1));
        std::fs::copy(mine.path(), &dead).unwrap();
        std::fs::write(dir.path().join("autosave-notapid.ron"), "x").unwrap();
        let orphans = Autosave::orphans(dir.path());
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].path, dead);
        mine.remove();
        assert!(!mine.path().exists());
    }
}
