//! Files in and out: trade data import, RON workspaces, PNG, ICS, atomic writes.

pub mod atomic;
pub mod autosave;
pub mod csv_import;
pub mod ics;
pub mod input;
pub mod png;
pub mod text;
pub mod workspace_file;
