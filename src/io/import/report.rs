//! The import report: what an import did with every row (used, set aside, skipped), with
//! the yearly totals of what was kept.

use serde::Serialize;

use super::{Format, SourceMeta};
use crate::model::dataset::Dataset;
use crate::model::query::{Selection, aggregate};

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

pub(super) fn kept_years(dataset: &Dataset) -> Vec<KeptYear> {
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
