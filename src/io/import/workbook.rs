//! Excel workbooks: XLSX (Office Open XML, a zip archive) and XLS (BIFF in an OLE compound
//! file), read with calamine. The sheet is the one asked for, else the first whose header is
//! recognised; title rows above the header are skipped like in text files.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xls, Xlsx};

use super::{
    ImportError, ImportOptions, Imported, Item, MAX_CELLS, MAX_COLUMNS, RawRow, Reason, SourceMeta, quoted,
};
use crate::reason;

/// Unpacked XLSX content read at most, in bytes (a zip bomb is refused before unpacking).
pub const MAX_UNPACKED_BYTES: u128 = 2 << 30;

/// The workbook kinds, told apart by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Xlsx,
    Xls,
}

/// Which workbook kind the content is, if any: a zip archive or an OLE compound file.
pub(super) fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Kind::Xlsx)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Kind::Xls)
    } else {
        None
    }
}

/// Reads a workbook. A panic inside the workbook reader (a bug in it, met on a damaged file)
/// becomes an error naming the file instead of ending the program or the loading thread.
pub(super) fn import(
    file: &str,
    bytes: &[u8],
    kind: Kind,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| import_unguarded(file, bytes, kind, options)))
        .unwrap_or_else(|_| {
            Err(ImportError::NotATable { file: file.to_owned(), reason: reason!("workbook-damaged") })
        })
}

fn import_unguarded(
    file: &str,
    bytes: &[u8],
    kind: Kind,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let not_a_table = |reason: Reason| ImportError::NotATable { file: file.to_owned(), reason };
    let mut book = match kind {
        Kind::Xlsx => {
            let archive = zip::ZipArchive::new(Cursor::new(bytes))
                .map_err(|e| not_a_table(reason!("workbook-bad-zip", error = e.to_string())))?;
            if let Some(size) = archive.decompressed_size()
                && size > MAX_UNPACKED_BYTES
            {
                return Err(not_a_table(reason!(
                    "workbook-too-big",
                    size = (size >> 20).to_string(),
                    max = (MAX_UNPACKED_BYTES >> 20).to_string()
                )));
            }
            Book::Xlsx(
                Xlsx::new(Cursor::new(bytes))
                    .map_err(|e| not_a_table(reason!("workbook-not-xlsx", error = e.to_string())))?,
            )
        }
        Kind::Xls => Book::Xls({
            super::cfb_guard::check(bytes)
                .map_err(|e| not_a_table(reason!("workbook-not-xls", error = e)))?;
            Xls::new(Cursor::new(bytes))
                .map_err(|e| not_a_table(reason!("workbook-not-xls", error = e.to_string())))?
        }),
    };
    let label = match kind {
        Kind::Xlsx => "XLSX",
        Kind::Xls => "XLS",
    };
    let sheets = book.sheet_names();
    if sheets.is_empty() {
        return Err(not_a_table(reason!("workbook-no-sheets")));
    }
    let chosen: Vec<String> = match &options.sheet {
        Some(name) => {
            let Some(found) = sheets.iter().find(|s| s.trim().eq_ignore_ascii_case(name.trim())) else {
                return Err(not_a_table(reason!(
                    "workbook-no-sheet",
                    name = quoted(name),
                    sheets = sheets.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", ")
                )));
            };
            vec![found.clone()]
        }
        None => sheets.clone(),
    };
    // Try each sheet in turn; the first one that reads is used. When none does, the first
    // sheet with cells explains why (an unknown header opens the mapping step on it).
    let mut first_error = None;
    let mut cells_read = 0u64;
    for name in &chosen {
        let rows = book.rows(file, name, &mut cells_read)?;
        if rows.is_empty() {
            if options.sheet.is_some() {
                return Err(not_a_table(reason!("workbook-sheet-empty", name = name.as_str())));
            }
            continue;
        }
        let meta = SourceMeta {
            kind: reason!("source-sheet", workbook = label, sheet = name.as_str()),
            encoding: "—",
            delimiter: None,
            sheets: sheets.clone(),
            sheet: Some(name.clone()),
            notes: Vec::new(),
        };
        match super::run(file, &meta, rows.into_iter().map(|r| Ok(Item::Row(r))), options) {
            Ok(mut imported) => {
                if sheets.len() > 1 {
                    imported.report.notes.push(reason!(
                        "note-sheet-read",
                        name = name.as_str(),
                        count = sheets.len(),
                        sheets = sheets.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
                    ));
                }
                return Ok(imported);
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ImportError::Empty { file: file.to_owned() }))
}

enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
}

impl Book<'_> {
    fn sheet_names(&self) -> Vec<String> {
        match self {
            Self::Xlsx(b) => b.sheet_names(),
            Self::Xls(b) => b.sheet_names(),
        }
    }

    /// The non-empty rows of a sheet, with spreadsheet row numbers; cells as text.
    fn rows(&mut self, file: &str, sheet: &str, cells_read: &mut u64) -> Result<Vec<RawRow>, ImportError> {
        let mut grid = Grid { file, rows: BTreeMap::new(), cells_read };
        match self {
            Self::Xlsx(b) => {
                // Cell by cell: a sheet with one cell at A1 and one at XFD1048576 stays small.
                let mut reader = b.worksheet_cells_reader(sheet).map_err(|e| ImportError::NotATable {
                    file: file.to_owned(),
                    reason: reason!("workbook-sheet-unreadable", name = sheet, error = e.to_string()),
                })?;
                loop {
                    match reader.next_cell() {
                        Ok(Some(cell)) => {
                            let (row, col) = cell.get_position();
                            grid.put(row, col, data_ref_text(cell.get_value()))?;
                        }
                        Ok(None) => break,
                        Err(e) => {
                            return Err(ImportError::NotATable {
                                file: file.to_owned(),
                                reason: reason!(
                                    "workbook-sheet-unreadable",
                                    name = sheet,
                                    error = e.to_string()
                                ),
                            });
                        }
                    }
                }
            }
            Self::Xls(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| ImportError::NotATable {
                    file: file.to_owned(),
                    reason: reason!("workbook-sheet-unreadable", name = sheet, error = e.to_string()),
                })?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (r, c, v) in range.used_cells() {
                    let (r, c) = (u32::try_from(r).unwrap_or(u32::MAX), u32::try_from(c).unwrap_or(u32::MAX));
                    grid.put(r0.saturating_add(r), c0.saturating_add(c), data_text(v))?;
                }
            }
        }
        Ok(grid
            .rows
            .into_iter()
            .map(|(row, cells)| {
                let width = cells.keys().next_back().map_or(0, |&c| c as usize + 1);
                let mut v = vec![String::new(); width];
                for (c, text) in cells {
                    v[c as usize] = text;
                }
                RawRow { line: u64::from(row) + 1, cells: csv::StringRecord::from(v) }
            })
            .collect())
    }
}

struct Grid<'a, 'b> {
    file: &'a str,
    rows: BTreeMap<u32, BTreeMap<u32, String>>,
    cells_read: &'b mut u64,
}

impl Grid<'_, '_> {
    fn put(&mut self, row: u32, col: u32, text: String) -> Result<(), ImportError> {
        if text.is_empty() {
            return Ok(());
        }
        *self.cells_read += 1;
        if *self.cells_read > MAX_CELLS {
            return Err(ImportError::Oversized {
                file: self.file.to_owned(),
                line: u64::from(row) + 1,
                what: reason!("workbook-too-many-cells", max = MAX_CELLS.to_string()),
            });
        }
        if col as usize >= MAX_COLUMNS {
            return Err(ImportError::Oversized {
                file: self.file.to_owned(),
                line: u64::from(row) + 1,
                what: reason!("row-wide-cell", column = (col + 1).to_string(), max = MAX_COLUMNS.to_string()),
            });
        }
        self.rows.entry(row).or_default().insert(col, text);
        Ok(())
    }
}

/// Text of a number as a CSV would hold it: no exponent, no trailing ".0".
fn number_text(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { v.to_string() }
}

/// A date cell as `YYYY-MM-DD`, so that period columns and month headers read as months.
fn date_text(dt: &calamine::ExcelDateTime) -> String {
    if dt.is_datetime() {
        let (y, m, d, ..) = dt.to_ymd_hms_milli();
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        number_text(dt.as_f64())
    }
}

fn data_ref_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => date_text(dt),
        DataRef::Error(e) => format!("#{e:?}"),
        DataRef::Empty => String::new(),
    }
}

fn data_text(v: &Data) -> String {
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => date_text(dt),
        Data::Error(e) => format!("#{e:?}"),
        Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ImportError, ImportOptions, import_bytes_with};

    /// A workbook of four sheets: two long tables with different values, one of notes, one empty.
    fn four_sheets() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let notes = book.add_worksheet();
        notes.set_name("Notes").unwrap();
        notes.write_string(0, 0, "synthetic values").unwrap();
        for (name, value) in [("2017", 690.0), ("2018", 58.3)] {
            let s = book.add_worksheet();
            s.set_name(name).unwrap();
            for (c, h) in
                ["period", "reporter", "partner", "flow", "commodity", "value_usd"].iter().enumerate()
            {
                s.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
            }
            for (c, v) in
                [format!("{name}-01"), "Belarus".into(), "Kazakhstan".into(), "export".into(), "TOTAL".into()]
                    .iter()
                    .enumerate()
            {
                s.write_string(1, u16::try_from(c).unwrap(), v).unwrap();
            }
            s.write_number(1, 5, value).unwrap();
        }
        book.add_worksheet().set_name("Empty").unwrap();
        book.save_to_buffer().unwrap()
    }

    fn sheet(name: &str) -> ImportOptions {
        ImportOptions { sheet: Some(name.into()), ..ImportOptions::default() }
    }

    #[test]
    fn the_first_recognised_sheet_is_read_and_another_can_be_asked_for() {
        let book = four_sheets();
        let first = import_bytes_with("b.xlsx", &book, &ImportOptions::default()).unwrap();
        assert_eq!(first.report.sheet.as_deref(), Some("2017"));
        assert_eq!(first.report.sheets, ["Notes", "2017", "2018", "Empty"]);
        assert_eq!(first.report.kept[0].year, 2017);
        assert_eq!(first.report.kept[0].exports, Some(690.0));
        assert_eq!(first.report.kept[0].turnover, None, "exports only: turnover is not in the file");

        let second = import_bytes_with("b.xlsx", &book, &sheet("2018")).unwrap();
        assert_eq!(second.report.sheet.as_deref(), Some("2018"));
        assert_eq!(second.report.sheets, first.report.sheets);
        assert_eq!(second.report.source, "XLSX, sheet \"2018\"");
        assert_eq!(second.report.kept[0].year, 2018);
        assert_eq!(second.report.kept[0].exports, Some(58.3));
    }

    #[test]
    fn a_sheet_without_a_table_asks_for_columns_or_says_why() {
        let book = four_sheets();
        let err = import_bytes_with("b.xlsx", &book, &sheet("Notes")).unwrap_err();
        let preview = err.preview().expect("the mapping step can open on it");
        assert_eq!(preview.sheet.as_deref(), Some("Notes"));
        assert_eq!(preview.sheets.len(), 4);
        let err = import_bytes_with("b.xlsx", &book, &sheet("Empty")).unwrap_err();
        assert_eq!(err.to_string(), "b.xlsx: sheet \"Empty\" is empty");
        let err = import_bytes_with("b.xlsx", &book, &sheet("Missing")).unwrap_err();
        assert!(matches!(err, ImportError::NotATable { .. }));
        assert_eq!(
            err.to_string(),
            "b.xlsx: no sheet \"Missing\"; the sheets are \"Notes\", \"2017\", \"2018\", \"Empty\""
        );
    }
}
