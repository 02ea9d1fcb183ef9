//! The import report: what an import did with every row (used, set aside, skipped), with
//! the yearly totals of what was kept.

use serde::Serialize;

use super::{Format, Reason, SourceMeta};
use crate::i18n::Lang;
use crate::model::completeness::IncompleteRows;
use crate::model::dataset::Dataset;
use crate::model::query::{Selection, aggregate};
use crate::model::reconcile::Reconciliation;
use crate::reason;
use crate::tr;

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
    pub reason: Reason,
}

impl SkippedRow {
    /// "line 8, column Trade Value (US$): expected a number…" in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let line = self.line.to_string();
        let reason = self.reason.text(lang);
        match &self.column {
            Some(c) => tr!(lang, "skipped-at-line-column", line = line, column = c.as_str(), reason = reason),
            None => tr!(lang, "skipped-at-line", line = line, reason = reason),
        }
    }
}

/// English, as logs and the command line's default output have always said it.
impl std::fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Rows deliberately not used because the file also holds their total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SetAside {
    /// Why they were set aside.
    pub reason: Reason,
    /// How many rows.
    pub rows: u64,
    /// Line of the first such row.
    pub first_line: u64,
}

/// A row whose names, split at their commas because they were not quoted, were joined back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RepairedRow {
    /// Line as an editor shows it.
    pub line: u64,
    /// The names joined back ("Areas, nes").
    pub names: Vec<String>,
}

/// A record read twice with the same value (files appended with overlapping periods): counted
/// once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DuplicateRow {
    /// Line of the repeat, which is not used.
    pub line: u64,
    /// Line of the first, which is used.
    pub same_as_line: u64,
}

/// Records with the same key (period, reporter, partner, flow, commodity; breakdowns aside)
/// and different values. The last in the file is used; the period is marked incomplete.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictingRows {
    /// "2018-04" or "2018".
    pub period: String,
    /// The key: "Belarus – Kazakhstan, export, TOTAL".
    pub what: String,
    /// Lines of the records, in file order.
    pub lines: Vec<u64>,
    /// Their values, US dollars, in the same order.
    pub values: Vec<f64>,
    /// The line whose value is used (the last).
    pub used_line: u64,
}

/// Totals of one year of what was kept, by the same rules as the chart (all reporters and
/// partners; Comtrade's World row instead of the countries where there is one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeptYear {
    /// Calendar year.
    pub year: i32,
    /// US dollars; `None` when the source gives only turnover.
    pub exports: Option<f64>,
    /// US dollars; `None` when the source gives only turnover, or holds no imports.
    pub imports: Option<f64>,
    /// US dollars; `None` when the file holds one flow only (the other is not in the file).
    pub turnover: Option<f64>,
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
    /// What the file turned out to be: "CSV, UTF-8", "Excel Unicode text (UTF-16LE)", "XLSX,
    /// sheet \"Data\"" (English in JSON).
    pub source: Reason,
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
    /// The first [`super::MAX_LISTED_SKIPS`] skipped rows with reasons.
    pub skipped: Vec<SkippedRow>,
    /// Rows set aside to avoid double counting, by reason.
    pub set_aside: Vec<SetAside>,
    /// How the file was read: unit, title rows, columns not used, assumptions.
    pub notes: Vec<Reason>,
    /// Yearly totals of what was kept.
    pub kept: Vec<KeptYear>,
    /// Rows whose names, split at commas, were joined back.
    pub rows_repaired: u64,
    /// The first [`super::MAX_LISTED_SKIPS`] repaired rows.
    pub repaired: Vec<RepairedRow>,
    /// Lines where the header comes again (files appended); not counted as rows.
    pub repeated_headers: Vec<u64>,
    /// Records read more than once with the same value, not used again.
    pub duplicate_rows: u64,
    /// The first [`super::MAX_LISTED_SKIPS`] of them.
    pub duplicates: Vec<DuplicateRow>,
    /// Records not used because another with the same key has a different value.
    pub conflicting_rows: u64,
    /// The first [`super::MAX_LISTED_SKIPS`] conflicts.
    pub conflicts: Vec<ConflictingRows>,
    /// Skipped and conflicting rows charged to the periods they would have fallen in.
    pub incomplete: Vec<IncompleteRows>,
    /// Totals in the file against the sum of their parts.
    pub reconciliation: Vec<Reconciliation>,
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
        mut notes: Vec<Reason>,
    ) -> Self {
        notes.extend(meta.notes.iter().cloned());
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
            rows_repaired: 0,
            repaired: Vec::new(),
            repeated_headers: Vec::new(),
            duplicate_rows: 0,
            duplicates: Vec::new(),
            conflicting_rows: 0,
            conflicts: Vec::new(),
            incomplete: Vec::new(),
            reconciliation: Vec::new(),
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

/// Notes on what was repaired, repeated or does not add up, for the report and status line.
pub(super) fn quality_notes(r: &ImportReport) -> Vec<Reason> {
    use super::Arg;
    let mut notes = Vec::new();
    if let Some(first) = r.repaired.first() {
        notes.push(reason!(
            "note-rows-repaired",
            count = r.rows_repaired,
            line = first.line.to_string(),
            names = first.names.join("\", \"")
        ));
    }
    match r.repeated_headers.as_slice() {
        [] => {}
        [line] => notes.push(reason!("note-second-header", line = line.to_string())),
        lines => notes.push(reason!(
            "note-headers-again",
            lines = format!(
                "{}{}",
                lines.iter().take(10).map(u64::to_string).collect::<Vec<_>>().join(", "),
                if lines.len() > 10 { ", …" } else { "" }
            )
        )),
    }
    if let Some(first) = r.duplicates.first() {
        notes.push(reason!(
            "note-duplicates",
            count = r.duplicate_rows,
            line = first.line.to_string(),
            same = first.same_as_line.to_string()
        ));
    }
    if let Some(c) = r.conflicts.first() {
        let pairs: Vec<Reason> = c
            .lines
            .iter()
            .zip(&c.values)
            .map(|(l, v)| reason!("note-conflict-value", line = l.to_string(), value = Arg::dollars(*v)))
            .collect();
        notes.push(reason!(
            "note-conflicts",
            count = r.conflicting_rows,
            period = c.period.as_str(),
            what = c.what.as_str(),
            values = Arg::List(pairs)
        ));
    }
    let warnings: Vec<_> = r.reconciliation.iter().filter(|x| x.warning).collect();
    if let Some(w) = warnings.first() {
        notes.push(reason!(
            "note-totals-differ",
            count = warnings.len(),
            period = w.period.to_string(),
            what = w.what.as_str(),
            total = Arg::dollars(w.total),
            parts = Arg::dollars(w.sum_of_parts),
            difference = Arg::dollars(w.difference)
        ));
    }
    notes
}
