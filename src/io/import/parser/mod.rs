//! Turning rows into records for a recognised layout: which column holds what, set by the
//! header ([`RowParser::known`]) or by a column mapping ([`RowParser::mapped`], in
//! `mapped.rs`); the reading of one row is in `row.rs`.

mod mapped;
mod quantity;
mod ragged;
mod row;
mod salvage;

pub(crate) use ragged::Width;

use std::cell::RefCell;
use std::collections::HashMap;

use super::header::{Header, VALUE_ALIASES};
use super::words::Unit;
use super::{Format, SkippedRow};
use crate::model::dataset::{Flow, Party, Period, Record, RecordRef, RowQuantity};
use quantity::QuantitySource;

/// Largest value accepted, in US dollars: a thousand times world trade in a year.
pub const MAX_VALUE_USD: f64 = 1e15;

/// A row's cells, however they were read: a `csv::StringRecord`, or the parallel reader's
/// own record buffer.
pub(crate) trait Cells {
    /// Cell `i`, if the row has that many.
    fn cell(&self, i: usize) -> Option<&str>;

    /// Number of cells.
    fn len(&self) -> usize;
}

impl Cells for csv::StringRecord {
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i)
    }

    fn len(&self) -> usize {
        csv::StringRecord::len(self)
    }
}

/// Where a reporter or partner comes from.
#[derive(Clone, Default)]
struct PartySource {
    code: Option<usize>,
    name: Option<usize>,
    fixed: Option<Party>,
}

#[derive(Clone)]
enum FlowSource {
    Column(usize),
    Fixed(Flow),
}

/// Rows to records for one layout.
#[derive(Clone)]
pub(crate) struct RowParser {
    pub(super) format: Format,
    names: Vec<String>,
    year: Option<usize>,
    month: Option<usize>,
    period: Option<usize>,
    freq: Option<usize>,
    reporter: PartySource,
    partner: PartySource,
    partner2: Option<usize>,
    flow: FlowSource,
    commodity: Option<usize>,
    commodity_name: Option<usize>,
    customs: Option<usize>,
    transport: Option<usize>,
    value: Option<usize>,
    /// Wide tables: the columns read, one per month (or year, or longer period), with their periods.
    months: Vec<(usize, Period)>,
    /// Beside each of `months`: the flow a two-row header names over the column, and the
    /// column of growth rates published beside it.
    period_extra: Vec<(Option<Flow>, Option<usize>)>,
    /// Long tables: a `published_change_pct` column (percent change on a year earlier).
    growth: Option<usize>,
    /// Dollars per unit, for all rows.
    unit: Unit,
    /// A column naming each row's unit.
    unit_column: Option<usize>,
    /// Wide and mapped tables: "Всего"/"Total" rows are the World partner or the TOTAL commodity,
    /// and commodities named without an HS code are numbered.
    by_name: bool,
    named_commodities: RefCell<HashMap<String, String>>,
    pub(super) notes: Vec<crate::io::import::Reason>,
    /// Known layouts: which columns hold free text (names, descriptions), where a name with
    /// commas that was not quoted can spill into the next fields. Empty: rows wider than the
    /// header are read as they are.
    text_columns: Vec<bool>,
    /// Fields of the header, empty ones at its end aside (a trailing comma).
    header_width: usize,
    /// Columns of net weight and supplementary quantity (long and Comtrade tables).
    quantity: QuantitySource,
}

/// What a row gives, with text borrowed from the row where possible.
pub(crate) enum ParsedRef<'a> {
    /// One record to use, with its quantities and the growth rate published with it.
    One(RecordRef<'a>, RowExtra<'a>),
    /// Records to use, cells of the row that could not be read (wide tables), and the growth
    /// rates published with some of the records (index into the records, percent change).
    Many(Vec<Record>, Vec<SkippedRow>, Vec<(usize, f64)>),
    /// Set aside to avoid double counting.
    SetAside(&'static str),
}

/// What a long or Comtrade row gives beside its value.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RowExtra<'a> {
    /// Net weight and supplementary quantity (unknown: 0).
    pub quantity: RowQuantity<'a>,
    /// Percent change on a year earlier published with the value (`published_change_pct`).
    pub growth: Option<f64>,
}

/// What a row gives.
pub(crate) enum Parsed {
    /// Records to use, and cells of the row that could not be read (wide tables).
    Use(Vec<Record>, Vec<SkippedRow>),
    /// Set aside to avoid double counting.
    SetAside(&'static str),
}

impl RowParser {
    pub(super) fn format(&self) -> Format {
        self.format
    }

    /// How the layout reads the file, for the report.
    pub(super) fn notes(&self) -> &[crate::io::import::Reason] {
        &self.notes
    }

    fn empty(format: Format, names: Vec<String>) -> Self {
        Self {
            format,
            names,
            year: None,
            month: None,
            period: None,
            freq: None,
            reporter: PartySource::default(),
            partner: PartySource::default(),
            partner2: None,
            flow: FlowSource::Fixed(Flow::Turnover),
            commodity: None,
            commodity_name: None,
            customs: None,
            transport: None,
            value: None,
            months: Vec::new(),
            period_extra: Vec::new(),
            growth: None,
            unit: Unit::USD,
            unit_column: None,
            by_name: false,
            named_commodities: RefCell::new(HashMap::new()),
            notes: Vec::new(),
            text_columns: Vec::new(),
            header_width: 0,
            quantity: QuantitySource::default(),
        }
    }

    /// A layout recognised from its header; `Err` names the missing column.
    pub(super) fn known(format: Format, h: &Header) -> Result<Self, String> {
        let need = |aliases: &[&str]| h.find(aliases).ok_or_else(|| aliases.join(" / "));
        let mut p = Self::empty(format, h.original.clone());
        match format {
            Format::Long => {
                p.period = Some(need(&["period"])?);
                p.reporter = PartySource {
                    code: h.find(&["reporter_code"]),
                    name: Some(need(&["reporter"])?),
                    fixed: None,
                };
                p.partner = PartySource {
                    code: h.find(&["partner_code"]),
                    name: Some(need(&["partner"])?),
                    fixed: None,
                };
                p.flow = FlowSource::Column(need(&["flow"])?);
                p.commodity = h.find(&["commodity"]);
                p.commodity_name = h.find(&["commodity_name"]);
                p.value = Some(need(&["value_usd"])?);
                p.growth = h.find(&["published_change_pct"]);
            }
            Format::Comtrade => {
                p.year = Some(need(&["refyear"])?);
                p.month = h.find(&["refmonth"]);
                p.period = h.find(&["period"]);
                p.freq = h.find(&["freqcode"]);
                p.reporter = PartySource {
                    code: h.find(&["reporteriso", "reportercode"]),
                    name: h.find(&["reporterdesc"]),
                    fixed: None,
                };
                p.partner = PartySource {
                    code: h.find(&["partneriso", "partnercode"]),
                    name: h.find(&["partnerdesc"]),
                    fixed: None,
                };
                p.partner2 = h.find(&["partner2code"]);
                p.flow = FlowSource::Column(need(&["flowcode"])?);
                p.commodity = h.find(&["cmdcode"]);
                p.commodity_name = h.find(&["cmddesc"]);
                p.customs = h.find(&["customscode"]);
                p.transport = h.find(&["motcode"]);
                p.value = Some(need(VALUE_ALIASES)?);
            }
            Format::ComtradeLegacy => {
                p.year = Some(need(&["year"])?);
                p.period = h.find(&["period"]);
                p.reporter = PartySource {
                    code: h.find(&["reporter iso", "reporter code"]),
                    name: h.find(&["reporter"]),
                    fixed: None,
                };
                p.partner = PartySource {
                    code: h.find(&["partner iso", "partner code"]),
                    name: h.find(&["partner"]),
                    fixed: None,
                };
                p.partner2 = h.find(&["2nd partner code"]);
                p.flow = FlowSource::Column(need(&["trade flow", "trade flow code"])?);
                p.commodity = h.find(&["commodity code"]);
                p.commodity_name = h.find(&["commodity"]);
                p.customs = h.find(&["customs proc. code"]);
                p.transport = h.find(&["mode of transport code"]);
                p.value = Some(need(VALUE_ALIASES)?);
            }
            Format::Wide | Format::Mapped => return Err("a mapping".into()),
        }
        p.quantity = QuantitySource::known(format, h);
        p.text_columns = h.original.iter().map(|n| ragged::is_text_column(format, n)).collect();
        p.header_width = h.original.iter().rposition(|n| !n.is_empty()).map_or(0, |i| i + 1);
        Ok(p)
    }

    /// A table read through a mapping (also wide tables recognised by their month headers).
    /// `titles` are the rows above the header, which may name the unit or the flow.
    ///
    #[inline]
    fn field<R: Cells + ?Sized>(rec: &R, idx: Option<usize>) -> &str {
        idx.and_then(|i| rec.cell(i)).map_or("", trim)
    }

    /// Whether a row repeats the header (a file appended to another with its header): its
    /// cells are the header's, a byte-order mark or quotes around the first aside.
    #[inline]
    pub(crate) fn is_header_again<R: Cells + ?Sized>(&self, rec: &R) -> bool {
        let Some(first) = self.names.first() else { return false };
        let Some(cell) = rec.cell(0) else { return false };
        if cell.len() < first.len() || cell.trim_start_matches('\u{feff}').trim_matches('"').trim() != first {
            return false;
        }
        self.names.len() > 1
            && self.names.iter().enumerate().skip(1).all(|(i, n)| rec.cell(i).unwrap_or("").trim() == n)
    }

    /// Whether rows can be read in any order by clones of this parser (on several threads)
    /// with the same result: every row gives at most one record and nothing is numbered in
    /// order of appearance.
    pub(crate) fn rows_are_independent(&self) -> bool {
        self.months.is_empty() && !self.by_name
    }

    pub(crate) fn parse(&self, rec: &csv::StringRecord, line: u64) -> Result<Parsed, SkippedRow> {
        Ok(match self.parse_ref(rec, line)? {
            ParsedRef::One(r, _) => Parsed::Use(vec![r.to_record()], Vec::new()),
            ParsedRef::Many(records, bad, _) => Parsed::Use(records, bad),
            ParsedRef::SetAside(reason) => Parsed::SetAside(reason),
        })
    }
}

/// [`str::trim`], at once for the usual cell that starts and ends with a visible ASCII
/// character (no white space to take off; most cells of a large file).
#[inline]
pub(super) fn trim(cell: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(cell.as_bytes().first()) && visible(cell.as_bytes().last()) { cell } else { cell.trim() }
}
