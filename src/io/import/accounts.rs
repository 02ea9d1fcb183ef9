//! Where every data row goes, the same for both readers (whole file, and block by block on
//! several threads): into the dataset, repaired first if a name split at its commas; set
//! aside; skipped with its reason and charged to the period it would have fallen in; or, for a
//! second header line, noted. The block reader keeps one [`Accounts`] per block and joins them
//! in file order, which gives what one pass over the whole file gives.

use std::collections::BTreeMap;

use super::parser::{Cells, ParsedRef, RowParser, Width};
use super::row_lines::RowLines;
use super::{MAX_LISTED_SKIPS, Reason, RepairedRow, SetAside, SkippedRow};
use crate::model::completeness::{IncompleteRows, charge};
use crate::model::dataset::{Dataset, IdMap, TakenRows};
use crate::reason;

/// The rows of a file (or of one block of it) so far.
#[derive(Default)]
pub(super) struct Accounts {
    /// The records used.
    pub dataset: Dataset,
    /// The line of each record of `dataset`, for duplicates and reconciliation (not kept after
    /// the import).
    pub lines: RowLines,
    pub rows_read: u64,
    pub rows_used: u64,
    pub rows_skipped: u64,
    /// The first [`MAX_LISTED_SKIPS`] skipped rows.
    pub skipped: Vec<SkippedRow>,
    pub set_aside: BTreeMap<&'static str, SetAside>,
    pub rows_repaired: u64,
    /// The first [`MAX_LISTED_SKIPS`] repaired rows.
    pub repaired: Vec<RepairedRow>,
    /// Lines holding the header again (files appended with their headers).
    pub repeated_headers: Vec<u64>,
    /// Skipped rows charged to their periods.
    pub incomplete: Vec<IncompleteRows>,
}

impl Accounts {
    /// One non-blank row below the header.
    #[inline]
    pub fn take<R: Cells + ?Sized>(&mut self, parser: &RowParser, rec: &R, line: u64) {
        if parser.is_header_again(rec) {
            self.repeated_headers.push(line);
            return;
        }
        self.rows_read += 1;
        match parser.check_width(rec, line) {
            Width::Fits => self.parse(parser, rec, line),
            Width::Repaired { record, names } => {
                self.rows_repaired += 1;
                if self.repaired.len() < MAX_LISTED_SKIPS {
                    self.repaired.push(RepairedRow { line, names });
                }
                self.parse(parser, &record, line);
            }
            Width::TooWide { fields, header, safe_prefix } => {
                let reason = reason!("row-fields", fields = fields.to_string(), header = header.to_string());
                self.skip(SkippedRow { line, column: None, reason }, parser.salvage(rec, safe_prefix));
            }
        }
    }

    fn parse<R: Cells + ?Sized>(&mut self, parser: &RowParser, rec: &R, line: u64) {
        let parsed = parser.parse_ref(rec, line);
        // The usual row, read where it lies: moving the record out of `parsed` would copy
        // its 170 bytes (a `memcpy` call a row).
        if let Ok(ParsedRef::One(record, extra)) = &parsed {
            self.rows_used += 1;
            self.dataset.push_ref(record);
            let row = self.dataset.len() - 1;
            if !extra.quantity.is_unknown() {
                self.dataset.set_quantity(row, &extra.quantity);
            }
            if let Some(pct) = extra.growth {
                self.dataset.set_published_change(row, pct);
            }
            self.lines.push(line);
            return;
        }
        match parsed {
            Ok(ParsedRef::One(..)) => {}
            Ok(ParsedRef::Many(records, bad_cells, rates)) => {
                if !records.is_empty() {
                    self.rows_used += 1;
                }
                let first = self.dataset.len();
                self.lines.push_n(line, records.len());
                for r in records {
                    self.dataset.push(r);
                }
                for (k, pct) in rates {
                    self.dataset.set_published_change(first + k, pct);
                }
                if !bad_cells.is_empty() {
                    let charged = parser.salvage(rec, usize::MAX);
                    for s in bad_cells {
                        let period = s.column.as_deref().and_then(|c| parser.column_period(c));
                        let mine = charged.iter().filter(|c| Some(c.period) == period).cloned().collect();
                        self.skip(s, mine);
                    }
                }
            }
            Ok(ParsedRef::SetAside(reason)) => {
                self.set_aside
                    .entry(reason)
                    .or_insert_with(|| SetAside { reason: Reason::new(reason), rows: 0, first_line: line })
                    .rows += 1;
            }
            Err(s) => self.skip(s, parser.salvage(rec, usize::MAX)),
        }
    }

    /// A row that could not even be split into cells.
    pub fn bad(&mut self, s: SkippedRow) {
        self.rows_read += 1;
        self.skip(s, Vec::new());
    }

    fn skip(&mut self, row: SkippedRow, charged: Vec<IncompleteRows>) {
        self.rows_skipped += 1;
        if self.skipped.len() < MAX_LISTED_SKIPS {
            self.skipped.push(row);
        }
        for c in charged {
            charge(&mut self.incomplete, c);
        }
    }

    /// Adds the rows of the block after this one: its accounts, and its records taken from the
    /// dataset of the thread that parsed it (whose [`IdMap`] is `map`; `later.dataset` is
    /// left out).
    pub fn join(&mut self, later: Self, rows: TakenRows, map: &mut IdMap) {
        self.rows_read += later.rows_read;
        self.rows_used += later.rows_used;
        self.rows_skipped += later.rows_skipped;
        let room = MAX_LISTED_SKIPS.saturating_sub(self.skipped.len());
        self.skipped.extend(later.skipped.into_iter().take(room));
        for (reason, s) in later.set_aside {
            self.set_aside.entry(reason).and_modify(|t| t.rows += s.rows).or_insert(s);
        }
        self.rows_repaired += later.rows_repaired;
        let room = MAX_LISTED_SKIPS.saturating_sub(self.repaired.len());
        self.repaired.extend(later.repaired.into_iter().take(room));
        self.repeated_headers.extend(later.repeated_headers);
        for c in later.incomplete {
            charge(&mut self.incomplete, c);
        }
        self.dataset.append_taken(rows, map);
        self.lines.append(&later.lines);
    }

    /// Makes room for `rows` more records.
    pub fn reserve(&mut self, rows: usize) {
        self.dataset.reserve(rows);
        self.lines.reserve(rows);
    }
}
