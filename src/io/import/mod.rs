//! Trade data files in: the app's own long CSV, UN Comtrade exports (current and legacy),
//! statistics offices' wide tables (one column per month), Excel workbooks (XLSX, XLS), and
//! anything else through a [`ColumnMapping`]. The kind of file is recognised from its content,
//! never from its extension; the header row from its words, below any title rows.
//!
//! Every data row ends up in exactly one of three places, and the [`ImportReport`] says which:
//! used; set aside on purpose (a breakdown whose total is also in the file, such as customs
//! procedures beside the C00 total, or re-exports that are part of total exports); or skipped
//! because it cannot be read, with its line number as an editor or Excel shows it (in a CSV
//! the header is line 1; in a workbook a line is a spreadsheet row).
//!
//! Nothing a file holds can make the import panic, hang or take memory out of proportion to
//! the file: sizes are checked before reading ([`MAX_FILE_BYTES`], [`MAX_LINE_BYTES`],
//! [`MAX_COLUMNS`], [`MAX_CELLS`]).

mod accounts;
mod cfb_guard;
mod delimited;
mod duplicates;
mod error;
mod header;
pub mod mapping;
mod parser;
mod pieces;
mod preview;
mod progress;
mod quality;
mod reason;
mod report;
mod row_lines;
mod run;
mod split;
mod stream;
pub mod words;
mod workbook;

use std::path::Path;

use serde::Serialize;

use crate::model::dataset::Dataset;
pub use error::ImportError;
pub use mapping::{ColumnMapping, Field, SavedMapping, Source, header_key};
pub use preview::{MappingPreview, PreviewRow, RowProblem, TablePreview, preview_mapping};
pub use progress::{Progress, ProgressSnapshot};
pub use quality::{extend_summary_json, summary_json_text};
pub use reason::{Arg, Reason, quoted, unit_arg};
pub use report::{ConflictingRows, DuplicateRow, ImportReport, KeptYear, RepairedRow, SetAside, SkippedRow};
pub(crate) use run::{Item, RawRow, run, run_with_progress};
pub use words::parse_usd;

/// Largest file read whole, in bytes: workbooks, text in other encodings than UTF-8, wide
/// tables. Larger such files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Largest UTF-8 table read in blocks (long, Comtrade and legacy Comtrade layouts): memory
/// then grows with the rows kept, not with the file.
pub const MAX_STREAMED_BYTES: u64 = 16 << 30;

/// Longest line of a text file, in bytes; a longer one means the file is not a table.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// Most columns in a row.
pub const MAX_COLUMNS: usize = 10_000;

/// Most cells read from one workbook.
pub const MAX_CELLS: u64 = 50_000_000;

/// Skipped rows kept with their reasons; past this the rows are only counted.
pub const MAX_LISTED_SKIPS: usize = 10_000;

/// Rows searched for the header (title rows above it are skipped).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Rows of a file shown in the mapping step's preview.
pub const PREVIEW_ROWS: usize = 12;

/// Rows read between two updates of the progress counters and checks for cancelling.
const PROGRESS_ROWS: u64 = 16_384;

/// The layouts recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Format {
    /// `period,reporter,partner,flow,commodity,value_usd`.
    Long,
    /// UN Comtrade (current API and website): `refYear`, `flowCode`, `primaryValue`, ….
    Comtrade,
    /// Legacy UN Comtrade: `Year`, `Trade Flow`, `Trade Value (US$)`, ….
    ComtradeLegacy,
    /// A statistics office's table: one row per partner or commodity, one column per month.
    Wide,
    /// Read through a column mapping.
    Mapped,
}

/// The name this type had when only CSV was read.
pub type CsvFormat = Format;

impl Format {
    /// Human name for reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Long => "tradedash long table",
            Self::Comtrade => "UN Comtrade",
            Self::ComtradeLegacy => "UN Comtrade (legacy)",
            Self::Wide => "table with one column per month",
            Self::Mapped => "columns mapped by hand",
        }
    }

    /// The id of its name's message in `import.ftl` ("format-comtrade"); its English text is
    /// [`Format::label`].
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Long => "format-long",
            Self::Comtrade => "format-comtrade",
            Self::ComtradeLegacy => "format-comtrade-legacy",
            Self::Wide => "format-wide",
            Self::Mapped => "format-mapped",
        }
    }
}

/// How to read a file beyond what its content says.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Use this mapping (command line `--map`/`--set`, or the mapping step).
    pub mapping: Option<ColumnMapping>,
    /// Mappings remembered for headers seen before; used when the header matches exactly.
    pub remembered: Vec<SavedMapping>,
    /// The workbook sheet to read; by default the first whose header is recognised.
    pub sheet: Option<String>,
}

/// A dataset and what the import did.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The rows used.
    pub dataset: Dataset,
    /// Row accounting.
    pub report: ImportReport,
}

/// Reads a data file from disk, recognising its kind from its content.
///
/// # Errors
/// When the file cannot be read, is too large, has an unknown header or no usable row.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    import_path_with(path, &ImportOptions::default())
}

/// [`import_path`] with a mapping, remembered mappings or a sheet.
///
/// # Errors
/// As [`import_path`].
pub fn import_path_with(path: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    import_path_with_progress(path, options, &Progress::default())
}

/// [`import_path_with`] reporting bytes and rows read to `progress`, and stopping with
/// [`ImportError::Cancelled`] when it is cancelled.
///
/// # Errors
/// As [`import_path`].
pub fn import_path_with_progress(
    path: &Path,
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let io = |source| ImportError::Io { file: file.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    let too_large =
        |max: u64| ImportError::TooLarge { file: file.clone(), size_mb: size >> 20, max_mb: max >> 20 };
    if size > MAX_STREAMED_BYTES {
        return Err(too_large(MAX_STREAMED_BYTES));
    }
    progress.set_total_bytes(size);
    match stream::import(path, &file, options, progress).map_err(io)? {
        stream::Outcome::Done(result) => return result,
        stream::Outcome::WholeFile => progress.restart(),
    }
    if size > MAX_FILE_BYTES {
        return Err(too_large(MAX_FILE_BYTES));
    }
    let bytes = read_with_progress(path, size, progress).map_err(io)?;
    if progress.is_cancelled() {
        return Err(ImportError::Cancelled { file });
    }
    import_bytes_inner(&file, &bytes, options, progress)
}

/// Reads a whole file in blocks, counting them and stopping early when cancelled.
fn read_with_progress(path: &Path, size: u64, progress: &Progress) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    const BLOCK: usize = 4 << 20;
    let mut f = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    loop {
        let start = bytes.len();
        bytes.resize(start + BLOCK, 0);
        let n = f.read(&mut bytes[start..])?;
        bytes.truncate(start + n);
        progress.add_bytes(n as u64);
        if n == 0 || progress.is_cancelled() {
            return Ok(bytes);
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            // The file grew while being read; the size check still holds.
            return Err(std::io::Error::other("the file grew past the largest size read while being read"));
        }
    }
}

/// Reads file content; `file` names it in messages.
///
/// # Errors
/// As [`import_path`], less the I/O.
pub fn import_bytes(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_bytes_with(file, bytes, &ImportOptions::default())
}

/// [`import_bytes`] with options.
///
/// # Errors
/// As [`import_path`], less the I/O.
pub fn import_bytes_with(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    import_bytes_inner(file, bytes, options, &Progress::default())
}

fn import_bytes_inner(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            size_mb: (bytes.len() as u64) >> 20,
            max_mb: MAX_FILE_BYTES >> 20,
        });
    }
    match workbook::kind(bytes) {
        Some(kind) => workbook::import(file, bytes, kind, options),
        None => delimited::import(file, bytes, options, progress),
    }
}

/// Where the rows come from, for the report.
pub(crate) struct SourceMeta {
    pub kind: Reason,
    pub encoding: &'static str,
    pub delimiter: Option<char>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// How the text was read, for the report (line ends).
    pub notes: Vec<Reason>,
}

pub(crate) fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max_chars).collect::<String>())
    }
}

#[cfg(test)]
mod tests;
