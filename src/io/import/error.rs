//! Why a file could not be used at all.

use super::{ImportReport, Reason, SkippedRow, TablePreview};
use crate::i18n::Lang;
use crate::tr;

/// Why a file could not be used at all. The current dataset stays as it was.
///
/// The text is made from the `file-*` messages of `import.ftl`: [`ImportError::message`] in
/// any language, `Display` in English (logs, the command line's default).
#[derive(Debug)]
pub enum ImportError {
    /// Reading the file failed.
    Io {
        /// File name.
        file: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than [`super::MAX_FILE_BYTES`].
    TooLarge {
        /// File name.
        file: String,
        /// Its size.
        size_mb: u64,
        /// The limit.
        max_mb: u64,
    },
    /// A line longer than [`super::MAX_LINE_BYTES`], a row wider than [`super::MAX_COLUMNS`],
    /// a workbook with more than [`super::MAX_CELLS`] cells.
    Oversized {
        /// File name.
        file: String,
        /// Where.
        line: u64,
        /// What was too big, with the limit.
        what: Reason,
    },
    /// No header line.
    Empty {
        /// File name.
        file: String,
    },
    /// Not a table at all: a workbook that cannot be opened, binary data.
    NotATable {
        /// File name.
        file: String,
        /// Why.
        reason: Reason,
    },
    /// The header matches no known layout: the window asks for a column mapping.
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
    Incomplete {
        /// File name.
        file: String,
        /// Line of the header.
        line: u64,
        /// What is missing and how to give it.
        problem: Reason,
        /// What the mapping step needs.
        preview: Box<TablePreview>,
    },
    /// The user stopped the load.
    Cancelled {
        /// File name.
        file: String,
    },
    /// Not a single row could be used.
    NoUsableRows {
        /// File name.
        file: String,
        /// Data rows read.
        rows_read: u64,
        /// Rows skipped.
        rows_skipped: u64,
        /// The first skipped row, when one was.
        first: Option<SkippedRow>,
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

    /// What went wrong, in `lang`. Line numbers and sizes are written as they are (not
    /// grouped), as an editor shows them.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Io { file, source } => {
                tr!(lang, "file-cannot-read", file = file.as_str(), error = source.to_string())
            }
            Self::TooLarge { file, size_mb, max_mb } => tr!(
                lang,
                "file-too-large",
                file = file.as_str(),
                size = size_mb.to_string(),
                max = max_mb.to_string()
            ),
            Self::Oversized { file, line, what } => tr!(
                lang,
                "file-oversized",
                file = file.as_str(),
                line = line.to_string(),
                what = what.text(lang)
            ),
            Self::Empty { file } => tr!(lang, "file-empty", file = file.as_str()),
            Self::NotATable { file, reason } => {
                tr!(lang, "file-reason", file = file.as_str(), reason = reason.text(lang))
            }
            Self::UnknownHeader { file, line, found, .. } => tr!(
                lang,
                "file-unknown-header",
                file = file.as_str(),
                line = line.to_string(),
                found = found.as_str()
            ),
            Self::Incomplete { file, line, problem, .. } => tr!(
                lang,
                "file-incomplete",
                file = file.as_str(),
                line = line.to_string(),
                problem = problem.text(lang)
            ),
            Self::Cancelled { file } => tr!(lang, "file-cancelled", file = file.as_str()),
            Self::NoUsableRows { file, rows_read, rows_skipped, first, .. } => tr!(
                lang,
                "file-no-usable-rows",
                file = file.as_str(),
                read = rows_read.to_string(),
                skipped = rows_skipped.to_string(),
                first = first.as_ref().map_or_else(|| "none".to_owned(), |s| s.text(lang))
            ),
        }
    }
}

/// English, as logs and the command line's default output have always said it.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
