//! Why a file could not be used at all.

use super::{ImportReport, TablePreview};

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
