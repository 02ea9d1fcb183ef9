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

mod cfb_guard;
mod delimited;
mod layout;
pub mod mapping;
mod progress;
mod stream;
pub mod words;
mod workbook;

use std::path::Path;

use serde::Serialize;

use crate::model::dataset::{Dataset, Record};
use crate::model::query::{Selection, aggregate};
pub use mapping::{ColumnMapping, Field, SavedMapping, Source, header_key};
pub use progress::{Progress, ProgressSnapshot};
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

/// A row that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// Line number as an editor shows it (the header is line 1); a spreadsheet row number
    /// in a workbook.
    pub line: u64,
    /// Column header of the offending field, when one field is to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What was wrong and what was expected.
    pub reason: String,
}

impl std::fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Rows deliberately not used because the file also holds their total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SetAside {
    /// Why they were set aside.
    pub reason: String,
    /// How many rows.
    pub rows: u64,
    /// Line of the first such row.
    pub first_line: u64,
}

/// Totals of one year of what was kept, by the same rules as the chart (all reporters and
/// partners; Comtrade's World row instead of the countries where there is one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeptYear {
    /// Calendar year.
    pub year: i32,
    /// US dollars; `None` when the source gives only turnover.
    pub exports: Option<f64>,
    /// US dollars; `None` when the source gives only turnover.
    pub imports: Option<f64>,
    /// US dollars.
    pub turnover: f64,
    /// Months behind the figures (12 for an annual record).
    pub months: u8,
}

/// What an import did with every row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file's name as given.
    pub file: String,
    /// Layout recognised.
    pub format: Format,
    /// What the file turned out to be: "CSV", "Excel Unicode text", "XLSX, sheet \"Data\"".
    pub source: String,
    /// Text encoding used to read the file ("UTF-8", "windows-1251"; "—" for workbooks).
    pub encoding: &'static str,
    /// Field delimiter found (text files only).
    pub delimiter: Option<char>,
    /// Line of the header row (title rows above it are skipped).
    pub header_line: u64,
    /// Data rows read (not counting the header, title rows and blank lines).
    pub rows_read: u64,
    /// Rows that made it into the dataset.
    pub rows_used: u64,
    /// Rows (in a wide table: cells) that could not be used.
    pub rows_skipped: u64,
    /// The first [`MAX_LISTED_SKIPS`] skipped rows with reasons.
    pub skipped: Vec<SkippedRow>,
    /// Rows set aside to avoid double counting, by reason.
    pub set_aside: Vec<SetAside>,
    /// How the file was read: unit, title rows, columns not used, assumptions.
    pub notes: Vec<String>,
    /// Yearly totals of what was kept.
    pub kept: Vec<KeptYear>,
    /// Sheets of a workbook, in workbook order (empty for text files).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// The workbook sheet read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl ImportReport {
    /// The report of a file whose header was found, before any row is read.
    pub(crate) fn new(
        file: &str,
        format: Format,
        meta: &SourceMeta,
        header_line: u64,
        notes: Vec<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            format,
            source: meta.kind.clone(),
            encoding: meta.encoding,
            delimiter: meta.delimiter,
            header_line,
            rows_read: 0,
            rows_used: 0,
            rows_skipped: 0,
            skipped: Vec::new(),
            set_aside: Vec::new(),
            notes,
            kept: Vec::new(),
            sheets: meta.sheets.clone(),
            sheet: meta.sheet.clone(),
        }
    }

    /// Rows set aside in all.
    #[must_use]
    pub fn rows_set_aside(&self) -> u64 {
        self.set_aside.iter().map(|s| s.rows).sum()
    }

    /// One line for a status bar: "f.csv: 1234 rows used, 3 skipped, 12 set aside (UN Comtrade, CSV, UTF-8)".
    #[must_use]
    pub fn summary_line(&self) -> String {
        format!(
            "{}: {} rows used, {} skipped, {} set aside ({}, {})",
            self.file,
            self.rows_used,
            self.rows_skipped,
            self.rows_set_aside(),
            self.format.label(),
            self.source
        )
    }
}

/// The top of a table whose header tradedash could not read by itself: what the mapping
/// step shows, with a first guess at the mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct TablePreview {
    /// Line of the header row.
    pub header_line: u64,
    /// The header cells.
    pub columns: Vec<String>,
    /// Text of the rows above the header (titles), which may name the unit or the flow.
    pub titles: Vec<String>,
    /// The first rows below the header, with their lines.
    pub rows: Vec<(u64, Vec<String>)>,
    /// The mapping guessed from the header words (may be incomplete).
    pub draft: ColumnMapping,
    /// Sheets of a workbook (empty for text files).
    pub sheets: Vec<String>,
    /// The sheet shown.
    pub sheet: Option<String>,
}

/// Why a file could not be used at all. The current dataset stays as it was.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Reading the file failed.
    #[error("{file}: cannot read the file: {source}")]
    Io {
        /// File name.
        file: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{file}: the file is {size_mb} MB; files over {max_mb} MB are not read")]
    TooLarge {
        /// File name.
        file: String,
        /// Its size.
        size_mb: u64,
        /// The limit.
        max_mb: u64,
    },
    /// A line longer than [`MAX_LINE_BYTES`], a row wider than [`MAX_COLUMNS`], a workbook
    /// with more than [`MAX_CELLS`] cells.
    #[error("{file}: line {line}: {what}; this is not a table tradedash reads")]
    Oversized {
        /// File name.
        file: String,
        /// Where.
        line: u64,
        /// What was too big, with the limit.
        what: String,
    },
    /// No header line.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// Not a table at all: a workbook that cannot be opened, binary data.
    #[error("{file}: {reason}")]
    NotATable {
        /// File name.
        file: String,
        /// Why.
        reason: String,
    },
    /// The header matches no known layout: the window asks for a column mapping.
    #[error(
        "{file}: line {line}: the header is not one tradedash knows. Expected the long format \
         (period,reporter,partner,flow,commodity,value_usd), a UN Comtrade export (refYear, \
         flowCode, primaryValue, …), a legacy Comtrade export (Year, Trade Flow, \
         Trade Value (US$), …) or one column per month; found: {found}. Choose the columns in \
         the window, or give them with --map and --set"
    )]
    UnknownHeader {
        /// File name.
        file: String,
        /// Line of the row taken for the header.
        line: u64,
        /// The header as read (shortened).
        found: String,
        /// What the mapping step needs.
        preview: Box<TablePreview>,
    },
    /// A recognised layout, or a mapping, that leaves something out.
    #[error("{file}: line {line}: {problem}")]
    Incomplete {
        /// File name.
        file: String,
        /// Line of the header.
        line: u64,
        /// What is missing and how to give it.
        problem: String,
        /// What the mapping step needs.
        preview: Box<TablePreview>,
    },
    /// The user stopped the load.
    #[error("{file}: loading was cancelled; nothing was changed")]
    Cancelled {
        /// File name.
        file: String,
    },
    /// Not a single row could be used.
    #[error("{file}: no usable rows ({rows_read} read, {rows_skipped} skipped){first}")]
    NoUsableRows {
        /// File name.
        file: String,
        /// Data rows read.
        rows_read: u64,
        /// Rows skipped.
        rows_skipped: u64,
        /// The first reason, formatted "; first: line 2, column value_usd: …".
        first: String,
        /// The full report.
        report: Box<ImportReport>,
    },
}

impl ImportError {
    /// The table preview, when the window can ask for a mapping instead of giving up.
    #[must_use]
    pub fn preview(&self) -> Option<&TablePreview> {
        match self {
            Self::UnknownHeader { preview, .. } | Self::Incomplete { preview, .. } => Some(preview),
            _ => None,
        }
    }
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
    pub kind: String,
    pub encoding: &'static str,
    pub delimiter: Option<char>,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
}

/// One row of cells with its line number.
pub(crate) struct RawRow {
    pub line: u64,
    pub cells: csv::StringRecord,
}

impl RawRow {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|f| f.trim().is_empty())
    }
}

/// What a row source yields: a row, or a row that could not even be split into cells.
pub(crate) enum Item {
    Row(RawRow),
    Bad(SkippedRow),
}

/// Reads rows: finds the header below any title rows, recognises the layout, and accounts for
/// every row.
pub(crate) fn run(
    file: &str,
    meta: &SourceMeta,
    rows: impl Iterator<Item = Result<Item, ImportError>>,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    run_with_progress(file, meta, rows, options, &Progress::default())
}

/// [`run`], counting rows into `progress` and stopping when it is cancelled.
pub(crate) fn run_with_progress(
    file: &str,
    meta: &SourceMeta,
    rows: impl Iterator<Item = Result<Item, ImportError>>,
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let mut rows = rows.peekable();
    // The top of the file, where the header is looked for.
    let mut head: Vec<RawRow> = Vec::new();
    let mut early_bad: Vec<SkippedRow> = Vec::new();
    while head.len() < HEADER_SEARCH_ROWS {
        match rows.next() {
            None => break,
            Some(Err(e)) => return Err(e),
            Some(Ok(Item::Bad(s))) => early_bad.push(s),
            Some(Ok(Item::Row(r))) => {
                if !r.is_blank() {
                    head.push(r);
                }
            }
        }
    }
    if head.is_empty() {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    let found = layout::find(file, &head, options, meta)?;
    let header_index = found.header_index;
    let parser = found.parser;
    let mut report = ImportReport::new(file, parser.format(), meta, head[header_index].line, found.notes);
    let header_line = report.header_line;
    for s in early_bad.into_iter().filter(|s| s.line > header_line) {
        report.rows_read += 1;
        skip(&mut report, s);
    }
    let mut set_aside: std::collections::BTreeMap<&'static str, SetAside> = std::collections::BTreeMap::new();
    let mut dataset = Dataset::default();
    let mut handle = |report: &mut ImportReport, dataset: &mut Dataset, row: &RawRow| {
        if row.is_blank() {
            return;
        }
        report.rows_read += 1;
        match parser.parse_ref(&row.cells, row.line) {
            Ok(layout::ParsedRef::One(record)) => {
                report.rows_used += 1;
                dataset.push_ref(&record);
            }
            Ok(layout::ParsedRef::Many(records, bad_cells)) => {
                if !records.is_empty() {
                    report.rows_used += 1;
                }
                for r in records {
                    dataset.push(r);
                }
                for s in bad_cells {
                    skip(report, s);
                }
            }
            Ok(layout::ParsedRef::SetAside(reason)) => {
                set_aside
                    .entry(reason)
                    .or_insert_with(|| SetAside { reason: reason.to_owned(), rows: 0, first_line: row.line })
                    .rows += 1;
            }
            Err(s) => skip(report, s),
        }
    };
    for row in &head[header_index + 1..] {
        handle(&mut report, &mut dataset, row);
    }
    let mut since_report = 0u64;
    for item in rows {
        since_report += 1;
        if since_report == PROGRESS_ROWS {
            progress.add_rows(since_report);
            since_report = 0;
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled { file: file.to_owned() });
            }
        }
        match item? {
            Item::Row(row) => handle(&mut report, &mut dataset, &row),
            Item::Bad(s) => {
                report.rows_read += 1;
                skip(&mut report, s);
            }
        }
    }
    report.set_aside = set_aside.into_values().collect();
    finish(file, dataset, report)
}

/// The end of every import: no rows is an error, else the report gets its yearly totals.
fn finish(file: &str, dataset: Dataset, mut report: ImportReport) -> Result<Imported, ImportError> {
    if dataset.is_empty() {
        let first = report.skipped.first().map_or_else(String::new, |s| format!("; first: {s}"));
        return Err(ImportError::NoUsableRows {
            file: file.to_owned(),
            rows_read: report.rows_read,
            rows_skipped: report.rows_skipped,
            first,
            report: Box::new(report),
        });
    }
    report.kept = kept_years(&dataset);
    Ok(Imported { dataset, report })
}

fn kept_years(dataset: &Dataset) -> Vec<KeptYear> {
    aggregate(dataset, &Selection::default())
        .years
        .iter()
        .map(|y| KeptYear {
            year: y.year,
            exports: y.sums.exports(),
            imports: y.sums.imports(),
            turnover: y.sums.turnover_usd(),
            months: y.months,
        })
        .collect()
}

fn skip(report: &mut ImportReport, row: SkippedRow) {
    report.rows_skipped += 1;
    if report.skipped.len() < MAX_LISTED_SKIPS {
        report.skipped.push(row);
    }
}

pub(crate) fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max_chars).collect::<String>())
    }
}

/// What the first rows of a table become with a mapping: records, or why a row would be
/// skipped. For the mapping step's preview.
///
/// # Errors
/// When the mapping cannot be used with these columns (says why).
pub fn preview_mapping(preview: &TablePreview, mapping: &ColumnMapping) -> Result<MappingPreview, String> {
    let parser = layout::RowParser::mapped(mapping, &preview.columns, &preview.titles)?;
    let rows = preview
        .rows
        .iter()
        .map(|(line, cells)| {
            let rec = csv::StringRecord::from(cells.clone());
            let outcome = match parser.parse(&rec, *line) {
                Ok(layout::Parsed::Use(records, bad)) => match bad.into_iter().next() {
                    Some(s) if records.is_empty() => Err(s.to_string()),
                    _ => Ok(records),
                },
                Ok(layout::Parsed::SetAside(reason)) => Err(format!("set aside: {reason}")),
                Err(s) => Err(s.to_string()),
            };
            PreviewRow { line: *line, outcome }
        })
        .collect();
    Ok(MappingPreview { rows, notes: parser.notes().to_vec() })
}

/// What a mapping makes of the first rows, and how it reads the file (unit, flow, columns
/// not used).
#[derive(Clone, Debug, PartialEq)]
pub struct MappingPreview {
    /// The first rows.
    pub rows: Vec<PreviewRow>,
    /// Notes for the report: "values in thousands of US dollars (…)".
    pub notes: Vec<String>,
}

/// One row of the mapping step's preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// Line in the file.
    pub line: u64,
    /// The records the row gives, or why it would be skipped.
    pub outcome: Result<Vec<Record>, String>,
}

#[cfg(test)]
mod tests;
