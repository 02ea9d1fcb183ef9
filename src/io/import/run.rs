//! The whole-file reader's loop: finds the header below any title rows, recognises the
//! layout, and accounts for every row.

use super::accounts::Accounts;
use super::report::{kept_years, quality_notes};
use super::{
    Format, HEADER_SEARCH_ROWS, ImportError, ImportOptions, ImportReport, Imported, PROGRESS_ROWS, Progress,
    SkippedRow, SourceMeta, duplicates, header,
};
use crate::model::completeness::merge_entries;
use crate::model::reconcile::reconcile;

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
    let report = ImportReport::new(file, parser.format(), meta, head[header_index].line, found.notes);
    let header_line = report.header_line;
    let mut accounts = Accounts::default();
    for s in early_bad.into_iter().filter(|s| s.line > header_line) {
        accounts.bad(s);
    }
    for row in head[header_index + 1..].iter().filter(|r| !r.is_blank()) {
        accounts.take(&parser, &row.cells, row.line);
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
            Item::Row(row) if row.is_blank() => {}
            Item::Row(row) => accounts.take(&parser, &row.cells, row.line),
            Item::Bad(s) => accounts.bad(s),
        }
    }
    finish(file, accounts, report)
}

/// The end of every import: records read twice are counted once, totals are compared with
/// their parts, and the report gets its notes and yearly totals; no rows is an error.
pub(super) fn finish(
    file: &str,
    mut accounts: Accounts,
    mut report: ImportReport,
) -> Result<Imported, ImportError> {
    let resolved = duplicates::resolve(&mut accounts);
    let removed = resolved.duplicate_rows + resolved.conflicting_rows;
    if !matches!(report.format, Format::Wide | Format::Mapped) {
        // One record a row: the rows not used are no longer "used".
        accounts.rows_used -= removed.min(accounts.rows_used);
    }
    let Accounts {
        dataset,
        lines,
        rows_read,
        rows_used,
        rows_skipped,
        skipped,
        set_aside,
        rows_repaired,
        repaired,
        repeated_headers,
        incomplete,
    } = accounts;
    report.rows_read = rows_read;
    report.rows_used = rows_used;
    report.rows_skipped = rows_skipped;
    report.skipped = skipped;
    report.set_aside = set_aside.into_values().collect();
    report.rows_repaired = rows_repaired;
    report.repaired = repaired;
    report.repeated_headers = repeated_headers;
    report.duplicate_rows = resolved.duplicate_rows;
    report.duplicates = resolved.duplicates;
    report.conflicting_rows = resolved.conflicting_rows;
    report.conflicts = resolved.conflicts;
    report.incomplete = incomplete;
    merge_entries(&mut report.incomplete);
    report.reconciliation = reconcile(&dataset, |i| lines.get(i));
    drop(lines);
    report.notes.extend(quality_notes(&report));
    if dataset.is_empty() {
        let first = report.skipped.first().cloned();
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
