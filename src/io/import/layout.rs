//! Recognising a table's layout from its header row (below any title rows) and turning rows
//! into records: the long format, UN Comtrade (current and legacy), wide tables with one
//! column per month, and tables read through a [`ColumnMapping`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use super::mapping::{ColumnMapping, Source, header_key};
use super::words::{self, FlowWord, Unit};
use super::{
    Format, ImportError, ImportOptions, PREVIEW_ROWS, RawRow, SkippedRow, SourceMeta, TablePreview, shorten,
};
use crate::model::dataset::{Commodity, CommodityRef, Flow, Party, PartyRef, Period, Record, RecordRef};
use crate::model::period::YearMonth;

/// The header row found, the parser for the rows below it, and notes for the report.
pub(super) struct Found {
    pub header_index: usize,
    pub parser: RowParser,
    pub notes: Vec<String>,
}

const VALUE_ALIASES: &[&str] =
    &["primaryvalue", "tradevalueus", "tradevalue", "trade value (us$)", "trade value", "value_usd"];
const PARTNER_WORDS: &[&str] = &[
    "partner",
    "partner country",
    "country",
    "страна",
    "страна-партнер",
    "страна-партнёр",
    "страна партнер",
    "страны",
    "партнер",
    "партнёр",
    "наименование страны",
    "страны мира",
    "ел",
    "елдер",
    "серіктес ел",
    "краіна",
];
const REPORTER_WORDS: &[&str] = &[
    "reporter",
    "region",
    "регион",
    "область",
    "облыс",
    "отчитывающаяся страна",
    "reporter country",
    "вобласць",
];
const COMMODITY_CODE_WORDS: &[&str] = &[
    "commodity code",
    "hs",
    "hs code",
    "код",
    "код тн вэд",
    "тн вэд",
    "код тн вэд еаэс",
    "код товара",
    "тауар коды",
    "cmdcode",
];
const COMMODITY_WORDS: &[&str] = &[
    "commodity",
    "commodity name",
    "description",
    "наименование товара",
    "товар",
    "товары",
    "товарная группа",
    "наименование",
    "тауар",
    "тауар атауы",
    "тауарлар",
];
const FLOW_WORDS: &[&str] = &["flow", "trade flow", "поток", "направление", "вид потока", "ағын", "вид"];
const UNIT_WORDS: &[&str] =
    &["unit", "units", "ед. изм.", "ед.изм.", "единица измерения", "единицы измерения", "өлшем бірлігі"];

/// Header names, normalised for lookup (trimmed, lower case).
struct Header {
    names: Vec<String>,
    original: Vec<String>,
}

impl Header {
    fn new(record: &csv::StringRecord) -> Self {
        let original: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
        Self { names: original.iter().map(|h| normalise(h)).collect(), original }
    }

    fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| self.names.iter().position(|n| n == a))
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// A column named like `text`, ignoring case and spaces at the ends.
    fn column(&self, text: &str) -> Option<usize> {
        let t = normalise(text);
        self.names.iter().position(|n| *n == t)
    }

    fn known(&self) -> Option<Format> {
        if self.has("primaryvalue") || (self.has("refyear") && self.has("flowcode")) {
            Some(Format::Comtrade)
        } else if self.has("trade flow") || self.has("trade flow code") {
            Some(Format::ComtradeLegacy)
        } else if self.has("period") && self.has("flow") && self.has("value_usd") {
            Some(Format::Long)
        } else {
            None
        }
    }

    /// Columns whose header is a month (or a year), with their periods.
    fn period_columns(&self) -> Vec<(usize, Period)> {
        self.original
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                words::parse_month(h)
                    .map(Period::Month)
                    .or_else(|| words::parse_year(h).map(Period::Year))
                    .map(|p| (i, p))
            })
            .collect()
    }

    /// The first column (by words) that labels the rows of a wide table.
    fn label_column(&self) -> Option<usize> {
        self.find(PARTNER_WORDS)
            .or_else(|| self.find(COMMODITY_CODE_WORDS))
            .or_else(|| self.find(COMMODITY_WORDS))
    }

    /// A guess at the mapping from the header words, for the mapping step.
    fn draft(&self) -> ColumnMapping {
        let col = |i: Option<usize>| i.map_or(Source::None, |i| Source::Column(self.original[i].clone()));
        let months = self.period_columns().iter().filter(|(_, p)| matches!(p, Period::Month(_))).count();
        ColumnMapping {
            period: if months >= 2 {
                Source::MonthColumns
            } else {
                col(self.find(&[
                    "period",
                    "период",
                    "месяц",
                    "month",
                    "date",
                    "дата",
                    "кезең",
                    "year",
                    "год",
                ]))
            },
            flow: col(self.find(FLOW_WORDS)),
            reporter: col(self.find(REPORTER_WORDS)),
            partner: col(self.find(PARTNER_WORDS)),
            commodity: col(self.find(COMMODITY_CODE_WORDS).or_else(|| self.find(COMMODITY_WORDS))),
            value: col(self.names.iter().position(|n| {
                ["value", "стоимость", "сумма", "значение", "экспорт", "импорт", "товарооборот", "құны"]
                    .iter()
                    .any(|w| n.starts_with(w))
            })),
            unit: col(self.find(UNIT_WORDS)),
        }
    }
}

fn normalise(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase()
}

/// Finds the header among the first rows and builds the parser for the rows below it.
#[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
pub(super) fn find(
    file: &str,
    head: &[RawRow],
    options: &ImportOptions,
    meta: &SourceMeta,
) -> Result<Found, ImportError> {
    let titles_above = |i: usize| -> Vec<String> {
        head[..i]
            .iter()
            .map(|r| r.cells.iter().map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" "))
            .collect()
    };
    let preview = |i: usize, draft: Option<ColumnMapping>| {
        let h = Header::new(&head[i].cells);
        Box::new(TablePreview {
            header_line: head[i].line,
            columns: h.original.clone(),
            titles: titles_above(i),
            rows: head[i + 1..]
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| (r.line, r.cells.iter().map(str::to_owned).collect()))
                .collect(),
            draft: draft.unwrap_or_else(|| h.draft()),
            sheets: meta.sheets.clone(),
            sheet: meta.sheet.clone(),
        })
    };
    let title_note = |i: usize| {
        (i > 0).then(|| {
            format!(
                "{} title row{} above the header skipped (line {}{})",
                i,
                if i == 1 { "" } else { "s" },
                head[0].line,
                if i > 1 { format!("–{}", head[i - 1].line) } else { String::new() }
            )
        })
    };

    // A mapping given for this file: the header is the first row holding its columns.
    if let Some(mapping) = &options.mapping {
        let wanted: Vec<&str> = [
            &mapping.period,
            &mapping.flow,
            &mapping.reporter,
            &mapping.partner,
            &mapping.commodity,
            &mapping.value,
            &mapping.unit,
        ]
        .into_iter()
        .filter_map(Source::column)
        .collect();
        // Fields the mapping leaves out are filled from the header's words.
        let merged = |h: &Header| {
            let mut m = mapping.clone();
            let draft = h.draft();
            for f in super::mapping::Field::ALL {
                if m.get(f).is_none() {
                    *m.get_mut(f) = draft.get(f).clone();
                }
            }
            m
        };
        let at = head.iter().position(|r| {
            let h = Header::new(&r.cells);
            let m = merged(&h);
            wanted.iter().all(|w| h.column(w).is_some())
                && !m.period.is_none()
                && (m.period != Source::MonthColumns || !h.period_columns().is_empty())
        });
        let Some(i) = at else {
            let best = best_header_guess(head);
            let h = Header::new(&head[best].cells);
            let missing: Vec<String> =
                wanted.iter().filter(|w| h.column(w).is_none()).map(|w| format!("{w:?}")).collect();
            return Err(ImportError::Incomplete {
                file: file.to_owned(),
                line: head[best].line,
                problem: format!(
                    "the mapping names column{} {} that the header does not have; the columns are: {}",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    shorten(&h.original.join(", "), 300)
                ),
                preview: preview(best, Some(mapping.clone())),
            });
        };
        let h = Header::new(&head[i].cells);
        let mapping = merged(&h);
        let parser = RowParser::mapped(&mapping, &h.original, &titles_above(i)).map_err(|problem| {
            ImportError::Incomplete {
                file: file.to_owned(),
                line: head[i].line,
                problem,
                preview: preview(i, Some(mapping.clone())),
            }
        })?;
        let mut notes: Vec<String> = title_note(i).into_iter().collect();
        notes.extend(parser.notes.iter().cloned());
        return Ok(Found { header_index: i, parser, notes });
    }

    for (i, row) in head.iter().enumerate() {
        let h = Header::new(&row.cells);
        let mut notes: Vec<String> = title_note(i).into_iter().collect();
        if let Some(format) = h.known() {
            let parser = RowParser::known(format, &h).map_err(|column| ImportError::Incomplete {
                file: file.to_owned(),
                line: row.line,
                problem: format!("{} header has no {column} column", format.label()),
                preview: preview(i, None),
            })?;
            return Ok(Found { header_index: i, parser, notes });
        }
        let key = header_key(row.cells.iter());
        if let Some(saved) = options.remembered.iter().find(|s| s.header == key) {
            let parser =
                RowParser::mapped(&saved.mapping, &h.original, &titles_above(i)).map_err(|problem| {
                    ImportError::Incomplete {
                        file: file.to_owned(),
                        line: row.line,
                        problem,
                        preview: preview(i, Some(saved.mapping.clone())),
                    }
                })?;
            notes.push("read with the column mapping remembered for this header".into());
            notes.extend(parser.notes.iter().cloned());
            return Ok(Found { header_index: i, parser, notes });
        }
        let months = h.period_columns().iter().filter(|(_, p)| matches!(p, Period::Month(_))).count();
        if months >= 2 && h.label_column().is_some() {
            let mut draft = h.draft();
            draft.period = Source::MonthColumns;
            let titles = titles_above(i);
            return match RowParser::mapped(&draft, &h.original, &titles) {
                Ok(parser) => {
                    notes.extend(parser.notes.iter().cloned());
                    let mut parser = parser;
                    parser.format = Format::Wide;
                    Ok(Found { header_index: i, parser, notes })
                }
                Err(problem) => Err(ImportError::Incomplete {
                    file: file.to_owned(),
                    line: row.line,
                    problem: format!("a table with one column per month: {problem}"),
                    preview: preview(i, Some(draft)),
                }),
            };
        }
    }
    let best = best_header_guess(head);
    let found = shorten(&head[best].cells.iter().collect::<Vec<_>>().join(","), 160);
    Err(ImportError::UnknownHeader {
        file: file.to_owned(),
        line: head[best].line,
        found,
        preview: preview(best, None),
    })
}

/// The row most likely to be the header: the first with the most filled cells.
fn best_header_guess(head: &[RawRow]) -> usize {
    let filled = |r: &RawRow| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let max = head.iter().map(filled).max().unwrap_or(0);
    head.iter().position(|r| filled(r) == max).unwrap_or(0)
}

/// Largest value accepted, in US dollars: a thousand times world trade in a year.
pub const MAX_VALUE_USD: f64 = 1e15;

/// A row's cells, however they were read: a `csv::StringRecord`, or the parallel reader's
/// own record buffer.
pub(crate) trait Cells {
    /// Cell `i`, if the row has that many.
    fn cell(&self, i: usize) -> Option<&str>;
}

impl Cells for csv::StringRecord {
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i)
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
    format: Format,
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
    /// Wide tables: the columns read, one per month (or year), with their periods.
    months: Vec<(usize, Period)>,
    /// Dollars per unit, for all rows.
    unit: Unit,
    /// A column naming each row's unit.
    unit_column: Option<usize>,
    /// Wide and mapped tables: "Всего"/"Total" rows are the World partner or the TOTAL commodity,
    /// and commodities named without an HS code are numbered.
    by_name: bool,
    named_commodities: RefCell<HashMap<String, String>>,
    notes: Vec<String>,
}

/// What a row gives, with text borrowed from the row where possible.
pub(crate) enum ParsedRef<'a> {
    /// One record to use.
    One(RecordRef<'a>),
    /// Records to use, and cells of the row that could not be read (wide tables).
    Many(Vec<Record>, Vec<SkippedRow>),
    /// Set aside to avoid double counting.
    SetAside(&'static str),
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
    pub(super) fn notes(&self) -> &[String] {
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
            unit: Unit::USD,
            unit_column: None,
            by_name: false,
            named_commodities: RefCell::new(HashMap::new()),
            notes: Vec::new(),
        }
    }

    /// A layout recognised from its header; `Err` names the missing column.
    fn known(format: Format, h: &Header) -> Result<Self, String> {
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
        Ok(p)
    }

    /// A table read through a mapping (also wide tables recognised by their month headers).
    /// `titles` are the rows above the header, which may name the unit or the flow.
    ///
    /// `Err` says what is missing or wrong.
    #[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
    pub(crate) fn mapped(m: &ColumnMapping, columns: &[String], titles: &[String]) -> Result<Self, String> {
        let h = Header::new(&csv::StringRecord::from(columns.to_vec()));
        let col = |source: &Source, field: &str| -> Result<Option<usize>, String> {
            match source {
                Source::Column(c) => h
                    .column(c)
                    .map(Some)
                    .ok_or_else(|| format!("no column {c:?} for the {field} in the header")),
                _ => Ok(None),
            }
        };
        let mut p = Self::empty(Format::Mapped, h.original.clone());
        p.by_name = true;
        // Flow: a column, a fixed word, or a word in the titles or the value/month headers.
        let title_text = titles.join(" ");
        p.flow = match &m.flow {
            Source::Column(_) => FlowSource::Column(col(&m.flow, "flow")?.unwrap_or(0)),
            Source::Fixed(w) => match words::parse_flow(w) {
                Some(FlowWord::Flow(f)) => FlowSource::Fixed(f),
                _ => return Err(format!("the flow {w:?} is not export, import or turnover")),
            },
            _ => {
                let value_header = col(&m.value, "value")?.map_or("", |i| h.original[i].as_str());
                match words::flow_in_text(value_header).or_else(|| words::flow_in_text(&title_text)) {
                    Some(f) => {
                        p.notes.push(format!(
                            "every value read as {f}, as the {} says",
                            if words::flow_in_text(value_header).is_some() {
                                "value column's header"
                            } else {
                                "title"
                            }
                        ));
                        FlowSource::Fixed(f)
                    }
                    None => {
                        return Err(
                            "no flow: name a flow column, or give export, import or turnover for all rows \
                             (in the window, or --set flow=export)"
                                .into(),
                        );
                    }
                }
            }
        };
        let party = |s: &Source, field: &str| -> Result<PartySource, String> {
            Ok(match s {
                Source::Fixed(name) => PartySource {
                    fixed: Some(Party { code: String::new(), name: name.clone() }),
                    ..Default::default()
                },
                _ => PartySource { name: col(s, field)?, ..Default::default() },
            })
        };
        p.reporter = party(&m.reporter, "reporter")?;
        p.partner = party(&m.partner, "partner")?;
        for (src, what) in [(&mut p.reporter, "reporter"), (&mut p.partner, "partner")] {
            if src.name.is_none() && src.fixed.is_none() {
                src.fixed = Some(Party { code: String::new(), name: format!("({what} not given)") });
                p.notes.push(format!("the file names no {what}: shown as \"({what} not given)\""));
            }
        }
        match &m.commodity {
            Source::Fixed(c) => {
                p.commodity_name = None;
                p.notes.push(format!("every row is commodity {c:?}"));
                p.commodity = None;
                p.named_commodities.borrow_mut().insert(String::new(), c.clone());
            }
            s => {
                p.commodity = col(s, "commodity")?;
                // A code column with a name column beside it ("Код ТН ВЭД", "Наименование товара").
                if p.commodity.is_some() && p.commodity == h.find(COMMODITY_CODE_WORDS) {
                    p.commodity_name = h.find(COMMODITY_WORDS).filter(|i| Some(*i) != p.commodity);
                }
            }
        }
        // Period.
        match &m.period {
            Source::MonthColumns => {
                let cols = h.period_columns();
                let month_years: std::collections::BTreeSet<i32> = cols
                    .iter()
                    .filter_map(|(_, p)| match p {
                        Period::Month(m) => Some(m.year),
                        Period::Year(_) => None,
                    })
                    .collect();
                for (i, period) in cols {
                    match period {
                        Period::Year(y) if month_years.contains(&y) => p.notes.push(format!(
                            "column \"{}\" not used: it is the total of the year's months, which are read",
                            h.original[i]
                        )),
                        _ => p.months.push((i, period)),
                    }
                }
                if p.months.is_empty() {
                    return Err("no column headed by a month (such as 2018-01, январь 2018 or Jan-18)".into());
                }
                let used: Vec<usize> = p.months.iter().map(|(i, _)| *i).collect();
                let others: Vec<&str> = h
                    .original
                    .iter()
                    .enumerate()
                    .filter(|(i, name)| {
                        !used.contains(i)
                            && !name.is_empty()
                            && ![
                                p.reporter.name,
                                p.partner.name,
                                p.commodity,
                                p.commodity_name,
                                p.unit_column,
                            ]
                            .contains(&Some(*i))
                            && !matches!(p.flow, FlowSource::Column(c) if c == *i)
                            && !p.notes.iter().any(|n| n.contains(&format!("\"{name}\"")))
                    })
                    .map(|(_, n)| n.as_str())
                    .collect();
                if !others.is_empty() {
                    p.notes.push(format!(
                        "column{} not used (not a month): {}",
                        if others.len() == 1 { "" } else { "s" },
                        others.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
                    ));
                }
            }
            Source::Column(_) => {
                p.period = col(&m.period, "period")?;
                p.value = col(&m.value, "value")?;
                if p.value.is_none() {
                    return Err("no value column".into());
                }
            }
            _ => return Err("no period: name a period column, or choose one column per month".into()),
        }
        // Unit: fixed, a column, or words in the value/month headers or the titles.
        match &m.unit {
            Source::Fixed(u) => {
                p.unit = unit_word(u)?;
            }
            Source::Column(_) => p.unit_column = col(&m.unit, "unit")?,
            _ => {
                let mut from = None;
                let headers: Vec<&str> = match p.value {
                    Some(v) => vec![h.original[v].as_str()],
                    None => p.months.iter().map(|(i, _)| h.original[*i].as_str()).collect(),
                };
                for text in headers.iter().copied().chain(titles.iter().map(String::as_str)) {
                    if let Some(u) = words::unit_in_text(text)? {
                        from = Some((u, text.to_owned()));
                        break;
                    }
                }
                if let Some((u, _)) = &from {
                    p.unit = *u;
                } else {
                    p.notes.push("no unit named: values read as US dollars".into());
                }
                if let Some((u, text)) = from.filter(|(u, _)| u.multiplier != 1.0) {
                    p.notes.push(format!(
                        "values in {} (\"{}\"): multiplied by {}",
                        u.label,
                        shorten(&text, 80),
                        crate::model::format::usd_exact(u.multiplier).trim_start_matches('$')
                    ));
                }
            }
        }
        if let Source::Fixed(u) = &m.unit
            && p.unit.multiplier != 1.0
        {
            p.notes.push(format!("values in {} (given: {u:?})", p.unit.label));
        }
        Ok(p)
    }

    fn field<R: Cells + ?Sized>(rec: &R, idx: Option<usize>) -> &str {
        idx.and_then(|i| rec.cell(i)).map_or("", str::trim)
    }

    /// Whether rows can be read in any order by clones of this parser (on several threads)
    /// with the same result: every row gives at most one record and nothing is numbered in
    /// order of appearance.
    pub(crate) fn rows_are_independent(&self) -> bool {
        self.months.is_empty() && !self.by_name
    }

    pub(crate) fn parse(&self, rec: &csv::StringRecord, line: u64) -> Result<Parsed, SkippedRow> {
        Ok(match self.parse_ref(rec, line)? {
            ParsedRef::One(r) => Parsed::Use(vec![r.to_record()], Vec::new()),
            ParsedRef::Many(records, bad) => Parsed::Use(records, bad),
            ParsedRef::SetAside(reason) => Parsed::SetAside(reason),
        })
    }

    /// [`RowParser::parse`] without copying the row's text.
    #[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
    pub(crate) fn parse_ref<'a, R: Cells + ?Sized>(
        &'a self,
        rec: &'a R,
        line: u64,
    ) -> Result<ParsedRef<'a>, SkippedRow> {
        let bad =
            |idx: usize, reason: String| SkippedRow { line, column: self.names.get(idx).cloned(), reason };

        let flow = match &self.flow {
            FlowSource::Fixed(f) => *f,
            FlowSource::Column(i) => match self.flow_word(Self::field(rec, Some(*i))) {
                Ok(f) => f,
                Err(None) => {
                    return Ok(ParsedRef::SetAside(
                        "re-export, re-import or other flow detail (part of total X/M)",
                    ));
                }
                Err(Some(w)) => return Err(bad(*i, w)),
            },
        };
        if !is_total_code(Self::field(rec, self.customs), &["c00"]) {
            return Ok(ParsedRef::SetAside("customs-procedure breakdown (the C00 total is used)"));
        }
        if !is_total_code(Self::field(rec, self.transport), &["0"]) {
            return Ok(ParsedRef::SetAside("transport-mode breakdown (the motCode 0 total is used)"));
        }
        if !is_total_code(Self::field(rec, self.partner2), &["0"]) {
            return Ok(ParsedRef::SetAside("second-partner breakdown (the partner2 total is used)"));
        }
        let party = |src: &'a PartySource, what: &str, is_partner: bool| {
            if let Some(p) = &src.fixed {
                return Ok(PartyRef { code: &p.code, name: &p.name });
            }
            let code = Self::field(rec, src.code);
            let name = Self::field(rec, src.name);
            if code.is_empty() && name.is_empty() {
                return Err(bad(src.name.or(src.code).unwrap_or(0), format!("the {what} is empty")));
            }
            let code = if self.by_name && is_partner && words::is_total_name(name) { "W00" } else { code };
            Ok(PartyRef { code, name: if name.is_empty() { code } else { name } })
        };
        let reporter = party(&self.reporter, "reporter", false)?;
        let partner = party(&self.partner, "partner", true)?;
        let commodity = self.commodity(rec);
        let unit = match self.unit_column {
            Some(i) => {
                let text = Self::field(rec, Some(i));
                match words::unit_in_text(text) {
                    Ok(Some(u)) => u,
                    Ok(None) if text.is_empty() => self.unit,
                    Ok(None) => {
                        return Err(bad(
                            i,
                            format!("expected a unit such as USD or тыс. долл. США, found {text:?}"),
                        ));
                    }
                    Err(e) => return Err(bad(i, e)),
                }
            }
            None => self.unit,
        };
        // Dollars from a number in the file's unit; `None` past any real trade figure (sums of
        // such values would overflow).
        let scale = |v: f64| {
            let usd = if unit.multiplier == 1.0 { v } else { (v * unit.multiplier * 100.0).round() / 100.0 };
            (usd.is_finite() && usd <= MAX_VALUE_USD).then_some(usd)
        };
        let too_large = |raw: &str| format!("{raw:?} is larger than any trade figure (over $1 quadrillion)");

        if !self.months.is_empty() {
            let mut records = Vec::new();
            let mut bad_cells = Vec::new();
            for &(i, period) in &self.months {
                let raw = Self::field(rec, Some(i));
                if raw.is_empty() || matches!(raw, "…" | "..." | "x" | "X" | "н/д" | "n/a" | "NA") {
                    continue; // a gap, as published
                }
                let value =
                    if matches!(raw, "-" | "–" | "—") { Some(0.0) } else { words::parse_usd(raw) };
                match value {
                    Some(v) if v >= 0.0 => match scale(v) {
                        Some(value_usd) => records.push(Record {
                            period,
                            reporter: reporter.to_party(),
                            partner: partner.to_party(),
                            flow,
                            commodity: commodity.to_commodity(),
                            value_usd,
                        }),
                        None => bad_cells.push(bad(i, too_large(raw))),
                    },
                    Some(_) => {
                        bad_cells.push(bad(i, format!("a trade value cannot be negative, found {raw:?}")));
                    }
                    None => bad_cells.push(bad(i, format!("expected a number, found {raw:?}"))),
                }
            }
            return Ok(ParsedRef::Many(records, bad_cells));
        }

        let period = self.period(rec).map_err(|(idx, reason)| bad(idx, reason))?;
        let vidx = self.value.unwrap_or(0);
        let raw = Self::field(rec, self.value);
        if raw.is_empty() {
            return Err(bad(vidx, "the value is empty".into()));
        }
        let value = if self.by_name && matches!(raw, "-" | "–" | "—") {
            Some(0.0)
        } else {
            words::parse_usd(raw)
        };
        let value = value.ok_or_else(|| {
            bad(
                vidx,
                format!(
                    "expected a number of {}, found {raw:?}",
                    if unit.multiplier == 1.0 { "US dollars" } else { unit.label }
                ),
            )
        })?;
        if value < 0.0 {
            return Err(bad(vidx, format!("a trade value cannot be negative, found {raw:?}")));
        }
        let value_usd = scale(value).ok_or_else(|| bad(vidx, too_large(raw)))?;
        Ok(ParsedRef::One(RecordRef { period, reporter, partner, flow, commodity, value_usd }))
    }

    fn commodity<'a, R: Cells + ?Sized>(&self, rec: &'a R) -> CommodityRef<'a> {
        let code = Self::field(rec, self.commodity);
        let name = Self::field(rec, self.commodity_name);
        let owned = |c: Commodity| CommodityRef { code: Cow::Owned(c.code), name: Cow::Owned(c.name) };
        if !self.by_name {
            return CommodityRef {
                code: Cow::Borrowed(if code.is_empty() { "TOTAL" } else { code }),
                name: Cow::Borrowed(name),
            };
        }
        if self.commodity.is_none() {
            let fixed = self.named_commodities.borrow().get("").cloned();
            return match fixed {
                Some(c) if !words::is_total_name(&c) => owned(self.hs_or_numbered(&c)),
                _ => CommodityRef { code: Cow::Borrowed("TOTAL"), name: Cow::Borrowed("") },
            };
        }
        if code.is_empty() || words::is_total_name(code) || words::is_total_name(name) {
            return CommodityRef {
                code: Cow::Borrowed("TOTAL"),
                name: Cow::Borrowed(if name.is_empty() { code } else { name }),
            };
        }
        let mut c = self.hs_or_numbered(code);
        if !name.is_empty() {
            name.clone_into(&mut c.name);
        }
        owned(c)
    }

    /// An HS code ("0401", "04 Молочная продукция") as it is; a name without a code gets a
    /// number of the same length for every name, so that names sum as one level.
    fn hs_or_numbered(&self, text: &str) -> Commodity {
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && digits.len() <= 10 {
            let rest = text[digits.len()..].trim_start_matches([' ', '.', '-', '–']).trim();
            return Commodity { code: digits, name: rest.to_owned() };
        }
        let mut names = self.named_commodities.borrow_mut();
        let next = names.len();
        let code = names.entry(text.to_owned()).or_insert_with(|| format!("#{:04}", next + 1)).clone();
        Commodity { code, name: text.to_owned() }
    }

    /// `Err(None)`: a breakdown flow to set aside; `Err(Some(reason))`: not a flow.
    fn flow_word(&self, word: &str) -> Result<Flow, Option<String>> {
        // The common Comtrade codes without making a lower-case copy.
        if self.format == Format::Comtrade {
            match word.trim().as_bytes() {
                b"X" | b"x" => return Ok(Flow::Export),
                b"M" | b"m" => return Ok(Flow::Import),
                _ => {}
            }
        }
        let w = word.trim().to_ascii_lowercase();
        match self.format {
            Format::Long => Flow::parse(&w)
                .ok_or_else(|| Some(format!("expected export, import or turnover, found {word:?}"))),
            Format::Comtrade => match w.as_str() {
                "x" => Ok(Flow::Export),
                "m" => Ok(Flow::Import),
                "rx" | "rm" | "dx" | "fm" | "fx" | "mip" | "mop" | "xip" | "xop" => Err(None),
                _ => Err(Some(format!("expected a flowCode such as X or M, found {word:?}"))),
            },
            Format::ComtradeLegacy => match w.as_str() {
                "export" | "exports" | "2" => Ok(Flow::Export),
                "import" | "imports" | "1" => Ok(Flow::Import),
                "re-export" | "re-exports" | "re-import" | "re-imports" | "3" | "4" => Err(None),
                _ => Err(Some(format!("expected Export or Import, found {word:?}"))),
            },
            Format::Wide | Format::Mapped => match words::parse_flow(word) {
                Some(FlowWord::Flow(f)) => Ok(f),
                Some(FlowWord::Breakdown) => Err(None),
                None => Err(Some(format!(
                    "expected export, import or turnover (экспорт, импорт), found {word:?}"
                ))),
            },
        }
    }

    /// The period of a row; `Err((column, reason))`.
    fn period<R: Cells + ?Sized>(&self, rec: &R) -> Result<Period, (usize, String)> {
        match self.format {
            Format::Long => {
                let idx = self.period.unwrap_or(0);
                let text = Self::field(rec, self.period);
                if text.len() == 4
                    && let Ok(y) = text.parse::<i32>()
                    && (1900..=2200).contains(&y)
                {
                    return Ok(Period::Year(y));
                }
                // Spreadsheets turn months into dates ("2018-03-01").
                YearMonth::parse(text)
                    .ok()
                    .or_else(|| words::parse_month(text))
                    .map(Period::Month)
                    .ok_or_else(|| {
                        (idx, format!("expected a month as YYYY-MM (e.g. 2018-07), found {text:?}"))
                    })
            }
            Format::Wide | Format::Mapped => {
                let idx = self.period.unwrap_or(0);
                let text = Self::field(rec, self.period);
                words::parse_year(text)
                    .map(Period::Year)
                    .or_else(|| words::parse_month(text).map(Period::Month))
                    .ok_or_else(|| {
                        (
                            idx,
                            format!(
                                "expected a month such as 2018-07, январь 2018 or Jan-18, found {text:?}"
                            ),
                        )
                    })
            }
            Format::Comtrade | Format::ComtradeLegacy => {
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

/// `usd`, `thousand`, `million`, or words such as "тыс. долл. США".
fn unit_word(text: &str) -> Result<Unit, String> {
    match text.trim().to_lowercase().as_str() {
        "usd" | "1" | "dollars" => Ok(Unit::USD),
        "thousand" | "thousands" | "1000" | "k" => {
            Ok(Unit { multiplier: 1e3, label: "thousands of US dollars" })
        }
        "million" | "millions" | "1000000" | "m" => {
            Ok(Unit { multiplier: 1e6, label: "millions of US dollars" })
        }
        _ => words::unit_in_text(text)?
            .ok_or_else(|| format!("the unit {text:?} is not usd, thousand or million (of US dollars)")),
    }
}

/// Whether a breakdown code field means "total": empty, or one of `totals` (case-insensitive).
fn is_total_code(field: &str, totals: &[&str]) -> bool {
    field.is_empty() || totals.iter().any(|t| field.eq_ignore_ascii_case(t))
}
