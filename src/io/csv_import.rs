//! CSV trade files: the app's own long format and UN Comtrade exports (current and legacy),
//! recognised from the header.
//!
//! Every data row ends up in exactly one of three places, and the [`ImportReport`] says which:
//! used; set aside on purpose (a breakdown whose total is also in the file, such as customs
//! procedures beside the C00 total, or re-exports that are part of total exports); or skipped
//! because it cannot be read, with its line number as an editor shows it (the header is line 1).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::text;
use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use crate::model::period::YearMonth;

/// Largest CSV file read, in bytes. Larger files are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// Skipped rows kept with their reasons; past this the rows are only counted.
pub const MAX_LISTED_SKIPS: usize = 10_000;

/// The CSV layouts recognised from the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CsvFormat {
    /// `period,reporter,partner,flow,commodity,value_usd`.
    Long,
    /// UN Comtrade (current API and website): `refYear`, `flowCode`, `primaryValue`, ….
    Comtrade,
    /// Legacy UN Comtrade: `Year`, `Trade Flow`, `Trade Value (US$)`, ….
    ComtradeLegacy,
}

impl CsvFormat {
    /// Human name for reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Long => "tradedash long CSV",
            Self::Comtrade => "UN Comtrade CSV",
            Self::ComtradeLegacy => "UN Comtrade CSV (legacy)",
        }
    }
}

/// A row that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// Line number as an editor shows it; the header is line 1.
    pub line: u64,
    /// Column header of the offending field, when one field is to blame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What was wrong and what was expected.
    pub reason: String,
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

/// What an import did with every row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file's name as given.
    pub file: String,
    /// Layout recognised.
    pub format: CsvFormat,
    /// Text encoding used to read the file.
    pub encoding: &'static str,
    /// Field delimiter found.
    pub delimiter: char,
    /// Data rows read (not counting the header and blank lines).
    pub rows_read: u64,
    /// Rows that made it into the dataset.
    pub rows_used: u64,
    /// Rows that could not be used.
    pub rows_skipped: u64,
    /// The first [`MAX_LISTED_SKIPS`] skipped rows with reasons.
    pub skipped: Vec<SkippedRow>,
    /// Rows set aside to avoid double counting, by reason.
    pub set_aside: Vec<SetAside>,
}

impl ImportReport {
    /// Rows set aside in all.
    #[must_use]
    pub fn rows_set_aside(&self) -> u64 {
        self.set_aside.iter().map(|s| s.rows).sum()
    }

    /// One line for a status bar: "1,234 rows used, 3 skipped, 12 set aside (UN Comtrade CSV, UTF-8)".
    #[must_use]
    pub fn summary_line(&self) -> String {
        format!(
            "{}: {} rows used, {} skipped, {} set aside ({}, {})",
            self.file,
            self.rows_used,
            self.rows_skipped,
            self.rows_set_aside(),
            self.format.label(),
            self.encoding
        )
    }
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
    /// No header line.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The header matches no known layout.
    #[error(
        "{file}: line 1: the header is not one tradedash knows. Expected the long format \
         (period,reporter,partner,flow,commodity,value_usd), a UN Comtrade export (refYear, \
         flowCode, primaryValue, …) or a legacy Comtrade export (Year, Trade Flow, \
         Trade Value (US$), …); found: {found}"
    )]
    UnknownHeader {
        /// File name.
        file: String,
        /// The header as read (shortened).
        found: String,
    },
    /// A known layout that lacks a column it needs.
    #[error("{file}: line 1: {format} header has no {column} column")]
    MissingColumn {
        /// File name.
        file: String,
        /// Layout recognised.
        format: &'static str,
        /// The column expected, with accepted aliases.
        column: String,
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

/// A dataset and what the import did.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The rows used.
    pub dataset: Dataset,
    /// Row accounting.
    pub report: ImportReport,
}

/// Reads a CSV file from disk.
///
/// # Errors
/// When the file cannot be read, is too large, has an unknown header or no usable row.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let io = |source| ImportError::Io { file: file.clone(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file, size_mb: size >> 20, max_mb: MAX_FILE_BYTES >> 20 });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    import_bytes(&file, &bytes)
}

/// Reads CSV content; `file` names it in messages.
///
/// # Errors
/// As [`import_path`], less the I/O.
pub fn import_bytes(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let decoded = text::decode(bytes);
    let content: &str = &decoded.text;
    let first_line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first_line.trim().is_empty() {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    let delimiter = sniff_delimiter(first_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(content.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(ImportError::UnknownHeader { file: file.to_owned(), found: e.to_string() });
        }
    };
    let header = Header::new(&headers);
    let format = header.detect().ok_or_else(|| ImportError::UnknownHeader {
        file: file.to_owned(),
        found: shorten(first_line, 160),
    })?;
    let parser = RowParser::new(format, &header).map_err(|column| ImportError::MissingColumn {
        file: file.to_owned(),
        format: format.label(),
        column,
    })?;

    let mut report = ImportReport {
        file: file.to_owned(),
        format,
        encoding: decoded.encoding,
        delimiter: char::from(delimiter),
        rows_read: 0,
        rows_used: 0,
        rows_skipped: 0,
        skipped: Vec::new(),
        set_aside: Vec::new(),
    };
    let mut set_aside: BTreeMap<&'static str, SetAside> = BTreeMap::new();
    let mut dataset = Dataset::default();
    let mut record = csv::StringRecord::new();
    // The csv crate counts CRLF line ends wrongly, so lines are counted here from byte offsets.
    let mut lines = LineCounter::new(content.as_bytes());
    loop {
        let start = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                report.rows_read += 1;
                let line = lines.line_at(e.position().map_or(start, csv::Position::byte));
                skip(&mut report, SkippedRow { line, column: None, reason: format!("not valid CSV: {e}") });
                continue;
            }
        }
        let line = lines.line_at(record.position().map_or(start, csv::Position::byte));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line, or one of only delimiters as spreadsheets write them
        }
        report.rows_read += 1;
        match parser.parse(&record, line) {
            Ok(Parsed::Use(r)) => {
                dataset.push(r);
                report.rows_used += 1;
            }
            Ok(Parsed::SetAside(reason)) => {
                set_aside
                    .entry(reason)
                    .or_insert_with(|| SetAside { reason: reason.to_owned(), rows: 0, first_line: line })
                    .rows += 1;
            }
            Err(s) => skip(&mut report, s),
        }
    }
    report.set_aside = set_aside.into_values().collect();
    if report.rows_used == 0 {
        let first = report.skipped.first().map_or_else(String::new, |s| {
            format!(
                "; first: line {}{}: {}",
                s.line,
                s.column.as_ref().map_or_else(String::new, |c| format!(", column {c}")),
                s.reason
            )
        });
        return Err(ImportError::NoUsableRows {
            file: file.to_owned(),
            rows_read: report.rows_read,
            rows_skipped: report.rows_skipped,
            first,
            report: Box::new(report),
        });
    }
    Ok(Imported { dataset, report })
}

/// Line numbers (1-based) of byte offsets that only ever increase.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, offset: 0, line: 1 }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(self.bytes.len());
        // With CRLF the csv crate reports a record as starting at the LF before it; a record
        // starts after any line-end bytes.
        while target < self.bytes.len() && matches!(self.bytes[target], b'\n' | b'\r') {
            target += 1;
        }
        if target > self.offset {
            self.line += self.bytes[self.offset..target].iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
}

fn skip(report: &mut ImportReport, row: SkippedRow) {
    report.rows_skipped += 1;
    if report.skipped.len() < MAX_LISTED_SKIPS {
        report.skipped.push(row);
    }
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max_chars).collect::<String>())
    }
}

/// The delimiter that occurs most often outside quotes in the header line.
fn sniff_delimiter(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Header names, normalised for lookup (trimmed, lower case).
struct Header {
    names: Vec<String>,
    original: Vec<String>,
}

impl Header {
    fn new(record: &csv::StringRecord) -> Self {
        let original: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
        Self { names: original.iter().map(|h| h.to_lowercase()).collect(), original }
    }

    fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| self.names.iter().position(|n| n == a))
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    fn detect(&self) -> Option<CsvFormat> {
        if self.has("primaryvalue") || (self.has("refyear") && self.has("flowcode")) {
            Some(CsvFormat::Comtrade)
        } else if self.has("trade flow") || self.has("trade flow code") {
            Some(CsvFormat::ComtradeLegacy)
        } else if self.has("period") && self.has("flow") && self.has("value_usd") {
            Some(CsvFormat::Long)
        } else {
            None
        }
    }
}

/// Column indexes for one layout.
struct RowParser {
    format: CsvFormat,
    names: Vec<String>,
    year: Option<usize>,
    month: Option<usize>,
    period: Option<usize>,
    freq: Option<usize>,
    reporter_code: Option<usize>,
    reporter_name: Option<usize>,
    partner_code: Option<usize>,
    partner_name: Option<usize>,
    partner2: Option<usize>,
    flow: usize,
    commodity: Option<usize>,
    commodity_name: Option<usize>,
    customs: Option<usize>,
    transport: Option<usize>,
    value: usize,
}

enum Parsed {
    Use(Record),
    SetAside(&'static str),
}

const VALUE_ALIASES: &[&str] =
    &["primaryvalue", "tradevalueus", "tradevalue", "trade value (us$)", "trade value", "value_usd"];

impl RowParser {
    /// Column lookup; `Err` names the missing column.
    fn new(format: CsvFormat, h: &Header) -> Result<Self, String> {
        let need = |aliases: &[&str]| h.find(aliases).ok_or_else(|| aliases.join(" / "));
        let names = h.original.clone();
        Ok(match format {
            CsvFormat::Long => {
                let reporter = need(&["reporter"])?;
                let partner = need(&["partner"])?;
                Self {
                    format,
                    names,
                    year: None,
                    month: None,
                    period: Some(need(&["period"])?),
                    freq: None,
                    reporter_code: h.find(&["reporter_code"]),
                    reporter_name: Some(reporter),
                    partner_code: h.find(&["partner_code"]),
                    partner_name: Some(partner),
                    partner2: None,
                    flow: need(&["flow"])?,
                    commodity: h.find(&["commodity"]),
                    commodity_name: h.find(&["commodity_name"]),
                    customs: None,
                    transport: None,
                    value: need(&["value_usd"])?,
                }
            }
            CsvFormat::Comtrade => Self {
                format,
                names,
                year: Some(need(&["refyear"])?),
                month: h.find(&["refmonth"]),
                period: h.find(&["period"]),
                freq: h.find(&["freqcode"]),
                reporter_code: h.find(&["reporteriso", "reportercode"]),
                reporter_name: h.find(&["reporterdesc"]),
                partner_code: h.find(&["partneriso", "partnercode"]),
                partner_name: h.find(&["partnerdesc"]),
                partner2: h.find(&["partner2code"]),
                flow: need(&["flowcode"])?,
                commodity: h.find(&["cmdcode"]),
                commodity_name: h.find(&["cmddesc"]),
                customs: h.find(&["customscode"]),
                transport: h.find(&["motcode"]),
                value: need(VALUE_ALIASES)?,
            },
            CsvFormat::ComtradeLegacy => Self {
                format,
                names,
                year: Some(need(&["year"])?),
                month: None,
                period: h.find(&["period"]),
                freq: None,
                reporter_code: h.find(&["reporter iso", "reporter code"]),
                reporter_name: h.find(&["reporter"]),
                partner_code: h.find(&["partner iso", "partner code"]),
                partner_name: h.find(&["partner"]),
                partner2: h.find(&["2nd partner code"]),
                flow: need(&["trade flow", "trade flow code"])?,
                commodity: h.find(&["commodity code"]),
                commodity_name: h.find(&["commodity"]),
                customs: h.find(&["customs proc. code"]),
                transport: h.find(&["mode of transport code"]),
                value: need(VALUE_ALIASES)?,
            },
        })
    }

    fn field(rec: &csv::StringRecord, idx: Option<usize>) -> &str {
        idx.and_then(|i| rec.get(i)).map_or("", str::trim)
    }

    fn parse(&self, rec: &csv::StringRecord, line: u64) -> Result<Parsed, SkippedRow> {
        let bad =
            |idx: usize, reason: String| SkippedRow { line, column: self.names.get(idx).cloned(), reason };

        let flow = match self.flow(Self::field(rec, Some(self.flow))) {
            Ok(f) => f,
            Err(FlowWord::Breakdown) => {
                return Ok(Parsed::SetAside("re-export, re-import or other flow detail (part of total X/M)"));
            }
            Err(FlowWord::Unknown(w)) => return Err(bad(self.flow, w)),
        };
        if !is_total_code(Self::field(rec, self.customs), &["c00"]) {
            return Ok(Parsed::SetAside("customs-procedure breakdown (the C00 total is used)"));
        }
        if !is_total_code(Self::field(rec, self.transport), &["0"]) {
            return Ok(Parsed::SetAside("transport-mode breakdown (the motCode 0 total is used)"));
        }
        if !is_total_code(Self::field(rec, self.partner2), &["0"]) {
            return Ok(Parsed::SetAside("second-partner breakdown (the partner2 total is used)"));
        }
        let period = self.period(rec).map_err(|(idx, reason)| bad(idx, reason))?;
        let party = |code_idx: Option<usize>, name_idx: Option<usize>, what: &str| {
            let code = Self::field(rec, code_idx);
            let name = Self::field(rec, name_idx);
            if code.is_empty() && name.is_empty() {
                return Err(bad(name_idx.or(code_idx).unwrap_or(0), format!("the {what} is empty")));
            }
            Ok(Party {
                code: code.to_owned(),
                name: if name.is_empty() { code.to_owned() } else { name.to_owned() },
            })
        };
        let reporter = party(self.reporter_code, self.reporter_name, "reporter")?;
        let partner = party(self.partner_code, self.partner_name, "partner")?;
        let code = Self::field(rec, self.commodity);
        let commodity = Commodity {
            code: if code.is_empty() { "TOTAL".to_owned() } else { code.to_owned() },
            name: Self::field(rec, self.commodity_name).to_owned(),
        };
        let raw = Self::field(rec, Some(self.value));
        if raw.is_empty() {
            return Err(bad(self.value, "the value is empty".into()));
        }
        let value_usd = parse_usd(raw)
            .ok_or_else(|| bad(self.value, format!("expected a number of US dollars, found {raw:?}")))?;
        if value_usd < 0.0 {
            return Err(bad(self.value, format!("a trade value cannot be negative, found {raw:?}")));
        }
        Ok(Parsed::Use(Record { period, reporter, partner, flow, commodity, value_usd }))
    }

    fn flow(&self, word: &str) -> Result<Flow, FlowWord> {
        let w = word.trim().to_ascii_lowercase();
        match self.format {
            CsvFormat::Long => Flow::parse(&w).ok_or_else(|| {
                FlowWord::Unknown(format!("expected export, import or turnover, found {word:?}"))
            }),
            CsvFormat::Comtrade => match w.as_str() {
                "x" => Ok(Flow::Export),
                "m" => Ok(Flow::Import),
                "rx" | "rm" | "dx" | "fm" | "fx" | "mip" | "mop" | "xip" | "xop" => Err(FlowWord::Breakdown),
                _ => Err(FlowWord::Unknown(format!("expected a flowCode such as X or M, found {word:?}"))),
            },
            CsvFormat::ComtradeLegacy => match w.as_str() {
                "export" | "exports" | "2" => Ok(Flow::Export),
                "import" | "imports" | "1" => Ok(Flow::Import),
                "re-export" | "re-exports" | "re-import" | "re-imports" | "3" | "4" => {
                    Err(FlowWord::Breakdown)
                }
                _ => Err(FlowWord::Unknown(format!("expected Export or Import, found {word:?}"))),
            },
        }
    }

    /// The period of a row; `Err((column, reason))`.
    fn period(&self, rec: &csv::StringRecord) -> Result<Period, (usize, String)> {
        match self.format {
            CsvFormat::Long => {
                let idx = self.period.unwrap_or(0);
                let text = Self::field(rec, self.period);
                if text.len() == 4
                    && let Ok(y) = text.parse::<i32>()
                    && (1900..=2200).contains(&y)
                {
                    return Ok(Period::Year(y));
                }
                YearMonth::parse(text).map(Period::Month).map_err(|e| (idx, e.to_string()))
            }
            CsvFormat::Comtrade | CsvFormat::ComtradeLegacy => {
                let yidx = self.year.unwrap_or(0);
                let ytext = Self::field(rec, self.year);
                let year: i32 = ytext
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .ok_or_else(|| (yidx, format!("expected a year such as 2018, found {ytext:?}")))?;
                let freq = Self::field(rec, self.freq);
                let month_text = Self::field(rec, self.month);
                let period_text = Self::field(rec, self.period);
                if freq.eq_ignore_ascii_case("a") || month_text == "52" || period_text == ytext {
                    return Ok(Period::Year(year));
                }
                if let Ok(m) = month_text.parse::<u8>()
                    && let Some(ym) = YearMonth::new(year, m)
                {
                    return Ok(Period::Month(ym));
                }
                let pidx = self.period.or(self.month).unwrap_or(yidx);
                YearMonth::parse(period_text).ok().filter(|ym| ym.year == year).map(Period::Month).ok_or_else(
                    || (pidx, format!("expected a period such as 201807 in {year}, found {period_text:?}")),
                )
            }
        }
    }
}

enum FlowWord {
    Breakdown,
    Unknown(String),
}

/// Whether a breakdown code field means "total": empty, or one of `totals` (case-insensitive).
fn is_total_code(field: &str, totals: &[&str]) -> bool {
    field.is_empty() || totals.iter().any(|t| field.eq_ignore_ascii_case(t))
}

/// A number of dollars as files write it: `1234.5`, `1 234,5`, `1,234.50`, `1'234`.
/// A lone comma followed by one or two digits, or by three digits with a dot elsewhere, is
/// read as a decimal comma or a thousands separator accordingly.
#[must_use]
pub fn parse_usd(raw: &str) -> Option<f64> {
    let cleaned: String =
        raw.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '$')).collect();
    let normalised = match (cleaned.find(','), cleaned.find('.')) {
        (Some(_), Some(dot)) => {
            // Both: the later one is the decimal mark.
            let last_comma = cleaned.rfind(',').unwrap_or(0);
            if last_comma > dot {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned.replace(',', "")
            }
        }
        (Some(_), None) => {
            let parts: Vec<&str> = cleaned.split(',').collect();
            if parts.len() == 2 && parts[1].len() != 3 {
                cleaned.replace(',', ".")
            } else if parts.iter().skip(1).all(|p| p.len() == 3) {
                cleaned.replace(',', "")
            } else {
                return None;
            }
        }
        _ => cleaned,
    };
    let v: f64 = normalised.parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::query::{Selection, aggregate};

    #[test]
    fn numbers_in_the_forms_files_use() {
        assert_eq!(parse_usd("1234.5"), Some(1234.5));
        assert_eq!(parse_usd("1 234,5"), Some(1234.5));
        assert_eq!(parse_usd("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_usd("1.234.567,89"), Some(1_234_567.89));
        assert_eq!(parse_usd("1'234"), Some(1234.0));
        assert_eq!(parse_usd("\u{a0}58\u{a0}300\u{a0}000 "), Some(58_300_000.0));
        assert_eq!(parse_usd("12,5"), Some(12.5));
        assert_eq!(parse_usd("1e3"), Some(1000.0));
        assert_eq!(parse_usd("abc"), None);
        assert_eq!(parse_usd("NaN"), None);
        assert_eq!(parse_usd("inf"), None);
        assert_eq!(parse_usd("1,23,4"), None);
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("a,b,c"), b',');
        assert_eq!(sniff_delimiter("a;b;\"c,d\""), b';');
        assert_eq!(sniff_delimiter("a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter("single"), b',');
    }

    #[test]
    fn long_format_with_bom_crlf_and_a_bad_row() {
        let csv = "\u{feff}period,reporter,partner,flow,commodity,value_usd\r\n\
                   2018-01,Brest Oblast,Kazakhstan,export,TOTAL,5000000\r\n\
                   2018-01,Brest Oblast,Kazakhstan,import,TOTAL,1000000\r\n\
                   2018-13,Brest Oblast,Kazakhstan,export,TOTAL,1\r\n\
                   2018-02,Brest Oblast,Kazakhstan,sideways,TOTAL,1\r\n\
                   \r\n";
        let imp = import_bytes("t.csv", csv.as_bytes()).unwrap();
        assert_eq!(imp.report.format, CsvFormat::Long);
        assert_eq!(imp.report.rows_read, 4);
        assert_eq!(imp.report.rows_used, 2);
        assert_eq!(imp.report.rows_skipped, 2);
        assert_eq!(imp.report.skipped[0].line, 4);
        assert_eq!(imp.report.skipped[0].column.as_deref(), Some("period"));
        assert_eq!(imp.report.skipped[1].line, 5);
        assert_eq!(imp.report.skipped[1].column.as_deref(), Some("flow"));
        assert!(imp.report.skipped[1].reason.contains("sideways"), "{:?}", imp.report.skipped[1]);
        let a = aggregate(&imp.dataset, &Selection::default());
        assert_eq!(a.months[0].sums.turnover_usd(), 6_000_000.0);
    }

    #[test]
    fn a_wholly_bad_file_says_why() {
        let err = import_bytes("x.csv", b"name,age\nbob,3\n").unwrap_err();
        assert!(matches!(err, ImportError::UnknownHeader { .. }));
        assert!(err.to_string().starts_with("x.csv: line 1: the header is not one tradedash knows"));
        let err = import_bytes("e.csv", b"\n\n").unwrap_err();
        assert_eq!(err.to_string(), "e.csv: the file is empty");
        let err = import_bytes(
            "n.csv",
            b"period,reporter,partner,flow,commodity,value_usd\n2018-01,A,B,export,TOTAL,\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "n.csv: no usable rows (1 read, 1 skipped); first: line 2, column value_usd: the value is empty"
        );
        let err = import_bytes("m.csv", b"period,reporter,partner,flow,commodity\n").unwrap_err();
        assert!(matches!(err, ImportError::UnknownHeader { .. }));
    }

    #[test]
    fn comtrade_current_as_downloaded_without_double_counting() {
        // Every field quoted, a trailing comma, an empty field, TOTAL beside chapters,
        // a customs breakdown beside C00, a re-export row, an annual row.
        let csv = concat!(
            "\"freqCode\",\"refYear\",\"refMonth\",\"period\",\"reporterISO\",\"reporterDesc\",\"flowCode\",",
            "\"partnerISO\",\"partnerDesc\",\"partner2Code\",\"cmdCode\",\"cmdDesc\",\"customsCode\",\"motCode\",\"primaryValue\",\n",
            "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"40000000\",\n",
            "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"04\",\"Dairy\",\"C00\",\"0\",\"9000000\",\n",
            "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C01\",\"0\",\"1000\",\n",
            "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"RX\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"500\",\n",
            "\"M\",\"2018\",\"1\",\"201801\",\"BLR\",\"Belarus\",\"M\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"7000000.5\",\n",
            "\"M\",\"2018\",\"2\",\"201802\",\"BLR\",\"Belarus\",\"M\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"\",\n",
            "\"A\",\"2017\",\"52\",\"2017\",\"BLR\",\"Belarus\",\"X\",\"KAZ\",\"Kazakhstan\",\"0\",\"TOTAL\",\"All\",\"C00\",\"0\",\"508600000\",\n",
        );
        let imp = import_bytes("c.csv", csv.as_bytes()).unwrap();
        let r = &imp.report;
        assert_eq!(r.format, CsvFormat::Comtrade);
        assert_eq!((r.rows_read, r.rows_used, r.rows_skipped, r.rows_set_aside()), (7, 4, 1, 2));
        assert_eq!(r.skipped[0].line, 7);
        assert_eq!(r.skipped[0].column.as_deref(), Some("primaryValue"));
        let a = aggregate(&imp.dataset, &Selection { partner: Some("KAZ".into()), ..Selection::default() });
        assert_eq!(a.months.len(), 1);
        assert_eq!(a.months[0].sums.exports_usd, 40_000_000.0);
        assert_eq!(a.months[0].sums.imports_usd, 7_000_000.5);
        assert_eq!(a.years[0].year, 2017);
        assert!(a.years[0].from_annual);
    }

    #[test]
    fn comtrade_legacy_as_downloaded() {
        let csv = concat!(
            "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,",
            "Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,",
            "Trade Value (US$),Flag\n",
            "HS,2017,201707,July 2017,0,0,2,Export,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,42000000,0\n",
            "HS,2017,201707,July 2017,0,0,1,Import,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,8000000,0\n",
            "HS,2017,201707,July 2017,0,0,3,Re-Export,112,Belarus,BLR,398,Kazakhstan,KAZ,TOTAL,All Commodities,1,0\n",
            "HS,2017,201707,July 2017,2,1,2,Export,112,Belarus,BLR,398,Kazakhstan,KAZ,04,Dairy,1000,0\n",
        );
        let imp = import_bytes("l.csv", csv.as_bytes()).unwrap();
        assert_eq!(imp.report.format, CsvFormat::ComtradeLegacy);
        assert_eq!((imp.report.rows_used, imp.report.rows_set_aside()), (3, 1));
        let a =
            aggregate(&imp.dataset, &Selection { reporter: Some("belarus".into()), ..Selection::default() });
        assert_eq!(a.months[0].period, YearMonth::new(2017, 7).unwrap());
        assert_eq!(a.months[0].sums.turnover_usd(), 50_000_000.0);
    }

    #[test]
    fn semicolons_decimal_commas_and_windows_1251() {
        let text = "period;reporter;partner;flow;commodity;value_usd\n2018-01;Брестская область;Казахстан;export;TOTAL;1 234,5\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let imp = import_bytes("r.csv", &bytes).unwrap();
        assert_eq!(imp.report.encoding, "windows-1251");
        assert_eq!(imp.report.delimiter, ';');
        assert_eq!(imp.dataset.record(0).value_usd, 1234.5);
        assert_eq!(imp.dataset.record(0).partner.name, "Казахстан");
    }
}
