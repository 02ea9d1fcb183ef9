//! Files in and out: trade data import, workspaces (RON and their data files), PNG, ICS, the
//! briefing PDF, atomic writes.

pub mod atomic;
pub mod autosave;
pub mod brief;
pub mod clickhouse;
pub mod example;
pub mod ics;
pub mod import;
pub mod input;
pub mod png;
pub mod text;
pub mod workspace_data;
pub mod workspace_file;
pub mod workspace_schema;

/// The importer's old name, from when it read only CSV.
pub use import as csv_import;

/// A file name made from a title: letters and digits kept (lower case), every other run of
/// characters turned into one dash; `fallback` when nothing is left.
#[must_use]
pub fn file_stem(title: &str, fallback: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() { fallback.to_owned() } else { stem }
}
