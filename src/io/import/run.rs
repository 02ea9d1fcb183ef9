//! The whole-file reader's loop: finds the header below any title rows, recognises the
//! layout, and accounts for every row.

use super::parser::ParsedRef;
use super::report::kept_years;
use super::{
    HEADER_SEARCH_ROWS, ImportError, ImportOptions, ImportReport, Imported, MAX_LISTED_SKIPS, PROGRESS_ROWS,
    Progress, SetAside, SkippedRow, SourceMeta, header,
};
use crate::model::dataset::Dataset;

/// One row of cells with its line number.
pub(crate) struct RawRow {
    pub line: u64,
    pub cells: csv::StringRecord,
}

impl RawRow {
    pub(super) fn is_blank(&self) -> bool {
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
    let found = header::find(file, &head, options, meta)?;
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
            Ok(ParsedRef::One(record)) => {
                report.rows_used += 1;
                dataset.push_ref(&record);
            }
            Ok(ParsedRef::Many(records, bad_cells)) => {
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
            Ok(ParsedRef::SetAside(reason)) => {
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
pub(super) fn finish(
    file: &str,
    dataset: Dataset,
    mut report: ImportReport,
) -> Result<Imported, ImportError> {
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

fn skip(report: &mut ImportReport, row: SkippedRow) {
    report.rows_skipped += 1;
    if report.skipped.len() < MAX_LISTED_SKIPS {
        report.skipped.push(row);
    }
}
