//! Files in and out: trade data import, RON workspaces, PNG, atomic writes.

pub mod atomic;
pub mod autosave;
pub mod csv_import;
pub mod input;
pub mod png;
pub mod text;
pub mod workspace_file;
