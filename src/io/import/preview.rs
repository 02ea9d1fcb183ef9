//! The mapping step's preview: the top of a table whose header tradedash could not read by
//! itself, and what a mapping makes of its first rows.

use super::parser::{Parsed, RowParser};
use super::{ColumnMapping, Reason, SkippedRow};
use crate::i18n::Lang;
use crate::model::dataset::Record;
use crate::tr;

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

/// What the first rows of a table become with a mapping: records, or why a row would be
/// skipped. For the mapping step's preview.
///
/// # Errors
/// When the mapping cannot be used with these columns (says why).
pub fn preview_mapping(preview: &TablePreview, mapping: &ColumnMapping) -> Result<MappingPreview, Reason> {
    let parser = RowParser::mapped(mapping, &preview.columns, &preview.titles)?;
    let rows = preview
        .rows
        .iter()
        .map(|(line, cells)| {
            let rec = csv::StringRecord::from(cells.clone());
            let outcome = match parser.parse(&rec, *line) {
                Ok(Parsed::Use(records, bad)) => match bad.into_iter().next() {
                    Some(s) if records.is_empty() => Err(RowProblem::Skipped(s)),
                    _ => Ok(records),
                },
                Ok(Parsed::SetAside(id)) => Err(RowProblem::SetAside(Reason::new(id))),
                Err(s) => Err(RowProblem::Skipped(s)),
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
    pub notes: Vec<Reason>,
}

/// One row of the mapping step's preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// Line in the file.
    pub line: u64,
    /// The records the row gives, or why it would be skipped.
    pub outcome: Result<Vec<Record>, RowProblem>,
}

/// Why a row of the preview gives no record.
#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    /// It would be skipped.
    Skipped(SkippedRow),
    /// It would be set aside (the file also holds its total).
    SetAside(Reason),
}

impl RowProblem {
    /// "skipped: line 3, column Стоимость: expected a number…" in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Skipped(s) => tr!(lang, "mapping-skipped", reason = s.text(lang)),
            Self::SetAside(r) => tr!(lang, "mapping-set-aside", reason = r.text(lang)),
        }
    }
}
