//! Files in and out: trade data import, RON workspaces, PNG, ICS, atomic writes.

pub mod atomic;
pub mod autosave;
pub mod ics;
pub mod import;
pub mod input;
pub mod png;
pub mod text;
pub mod workspace_file;

/// The importer's old name, from when it read only CSV.
pub use import as csv_import;
