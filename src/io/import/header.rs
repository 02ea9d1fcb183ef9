//! Recognising a table's header row (below any title rows) from its words: the long format,
//! UN Comtrade (current and legacy), wide tables with one column per month, a remembered or
//! given [`ColumnMapping`]; and, for the mapping step, the table's preview and a first guess.

use super::mapping::{ColumnMapping, Source, header_key};
use super::parser::RowParser;
use super::words;
use super::{
    Arg, Format, ImportError, ImportOptions, PREVIEW_ROWS, RawRow, Reason, SourceMeta, TablePreview, quoted,
    shorten,
};
use crate::model::dataset::{Flow, Period};
use crate::model::period;
use crate::reason;

/// Between the two rows of a header fused into one name: "Экспорт | январь-июль 2018".
pub(super) const FUSED: &str = " | ";

/// The header row found, the parser for the rows below it, and notes for the report.
pub(super) struct Found {
    pub header_index: usize,
    pub parser: RowParser,
    pub notes: Vec<Reason>,
}

pub(super) const VALUE_ALIASES: &[&str] =
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
pub(super) const COMMODITY_CODE_WORDS: &[&str] = &[
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
pub(super) const COMMODITY_WORDS: &[&str] = &[
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
pub(super) struct Header {
    names: Vec<String>,
    pub(super) original: Vec<String>,
}

impl Header {
    pub(super) fn new(record: &csv::StringRecord) -> Self {
        let original: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
        Self { names: original.iter().map(|h| normalise(h)).collect(), original }
    }

    pub(super) fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases.iter().find_map(|a| self.names.iter().position(|n| n == a))
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// A column named like `text`, ignoring case and spaces at the ends.
    pub(super) fn column(&self, text: &str) -> Option<usize> {
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

    /// Columns whose header is a month, a year or a longer period ("январь-июль 2018",
    /// "I квартал 2018"), with their periods. In a header fused from two rows the period is
    /// the lower row's part ("Экспорт | январь-июль 2018").
    pub(super) fn period_columns(&self) -> Vec<(usize, Period)> {
        self.original
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let h = h.rsplit(FUSED).next().unwrap_or(h);
                words::parse_month(h)
                    .map(Period::Month)
                    .or_else(|| words::parse_year(h).map(Period::Year))
                    .or_else(|| period::parse_span(h).ok().map(Period::from_range))
                    .map(|p| (i, p))
            })
            .collect()
    }

    /// Whether the header has columns enough of months or longer periods for a wide table:
    /// two months or spans, or one span (a press release's single "январь–июль" column).
    fn has_period_columns(&self) -> bool {
        let cols = self.period_columns();
        let spans = cols.iter().filter(|(_, p)| matches!(p, Period::Span(_))).count();
        let months = cols.iter().filter(|(_, p)| matches!(p, Period::Month(_))).count();
        months + spans >= 2 || spans >= 1
    }

    /// The flow the upper row of a fused header names over column `i` ("Экспорт | …").
    pub(super) fn column_flow(&self, i: usize) -> Option<Flow> {
        let (upper, _) = self.original.get(i)?.split_once(FUSED)?;
        words::flow_in_text(upper)
    }

    /// Whether column `i` holds growth rates published beside a period, "в % к
    /// соответствующему периоду 2017 г.", "% to the same period of the previous year",
    /// "2017 жылғы тиісті кезеңге %": a header with a per cent sign that is not a period.
    pub(super) fn is_growth_column(&self, i: usize) -> bool {
        self.original.get(i).is_some_and(|h| {
            let lower = h.rsplit(FUSED).next().unwrap_or(h);
            lower.contains('%')
                && period::parse_span(lower).is_err()
                && words::unit_in_text(lower).ok().flatten().is_none()
        })
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
        ColumnMapping {
            period: if self.has_period_columns() {
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
pub(super) fn find(
    file: &str,
    head: &[RawRow],
    options: &ImportOptions,
    meta: &SourceMeta,
) -> Result<Found, ImportError> {
    let rows = HeadRows { file, head, meta };
    // A mapping given for this file: the header is the first row holding its columns.
    if let Some(mapping) = &options.mapping {
        return rows.with_mapping(mapping);
    }
    for i in 0..head.len() {
        if let Some(found) = rows.recognise(i, options) {
            return found;
        }
    }
    let best = best_header_guess(head);
    let found = shorten(&head[best].cells.iter().collect::<Vec<_>>().join(","), 160);
    Err(ImportError::UnknownHeader {
        file: file.to_owned(),
        line: head[best].line,
        found,
        preview: rows.preview(best, None),
    })
}

/// The first rows of a file, searched for its header.
struct HeadRows<'a> {
    file: &'a str,
    head: &'a [RawRow],
    meta: &'a SourceMeta,
}

impl HeadRows<'_> {
    /// The rows above row `i`, each as one line of text: the table's titles.
    fn titles_above(&self, i: usize) -> Vec<String> {
        self.head[..i]
            .iter()
            .map(|r| r.cells.iter().map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// The table as if row `i` were its header, for the mapping step.
    fn preview(&self, i: usize, draft: Option<ColumnMapping>) -> Box<TablePreview> {
        let head = self.head;
        let h = Header::new(&head[i].cells);
        Box::new(TablePreview {
            header_line: head[i].line,
            columns: h.original.clone(),
            titles: self.titles_above(i),
            rows: head[i + 1..]
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| (r.line, r.cells.iter().map(str::to_owned).collect()))
                .collect(),
            draft: draft.unwrap_or_else(|| h.draft()),
            sheets: self.meta.sheets.clone(),
            sheet: self.meta.sheet.clone(),
        })
    }

    /// The note for the title rows above a header at row `i`, if any.
    fn title_note(&self, i: usize) -> Option<Reason> {
        let head = self.head;
        (i > 0).then(|| {
            reason!(
                "note-title-rows",
                count = i,
                line = head[0].line.to_string(),
                more = if i > 1 { format!("–{}", head[i - 1].line) } else { String::new() }
            )
        })
    }

    /// The parser for a mapping (given or remembered) with row `i` as the header.
    fn mapped(&self, i: usize, mapping: &ColumnMapping, h: &Header) -> Result<RowParser, ImportError> {
        RowParser::mapped(mapping, &h.original, &self.titles_above(i)).map_err(|problem| {
            ImportError::Incomplete {
                file: self.file.to_owned(),
                line: self.head[i].line,
                problem,
                preview: self.preview(i, Some(mapping.clone())),
            }
        })
    }

    /// With a mapping given for this file: the header is the first row holding its columns.
    fn with_mapping(&self, mapping: &ColumnMapping) -> Result<Found, ImportError> {
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
        // A header of two rows (flows above the periods) holds the mapping's columns once its
        // rows are fused; it is taken where its lower row is.
        let fits = |h: &Header| {
            let m = merged(mapping, h);
            wanted.iter().all(|w| h.column(w).is_some())
                && !m.period.is_none()
                && (m.period != Source::MonthColumns || !h.period_columns().is_empty())
        };
        for i in 0..self.head.len() {
            if fits(&Header::new(&self.head[i].cells)) {
                break;
            }
            if let Some(fused) = self.fused_two_rows(i) {
                let h = Header::new(&csv::StringRecord::from(fused));
                let flows_mapped = !mapping.flow.is_none();
                let named: Vec<&str> =
                    wanted.iter().copied().filter(|w| Some(*w) != mapping.flow.column()).collect();
                if named.iter().all(|w| h.column(w).is_some()) && (flows_mapped || fits(&h)) {
                    return self.with_mapping_two_rows(i, mapping, &h);
                }
            }
        }
        let at = self.head.iter().position(|r| fits(&Header::new(&r.cells)));
        let Some(i) = at else {
            let best = best_header_guess(self.head);
            let h = Header::new(&self.head[best].cells);
            let missing: Vec<String> =
                wanted.iter().filter(|w| h.column(w).is_none()).map(|w| quoted(w)).collect();
            let columns = shorten(&h.original.join(", "), 300);
            let problem = if !missing.is_empty() {
                reason!(
                    "header-mapping-unknown-columns",
                    count = missing.len(),
                    columns = missing.join(", "),
                    header = columns
                )
            } else if merged(mapping, &h).period.is_none() {
                reason!("header-mapping-no-period", header = columns)
            } else {
                reason!("header-mapping-no-period-columns", header = columns)
            };
            return Err(ImportError::Incomplete {
                file: self.file.to_owned(),
                line: self.head[best].line,
                problem,
                preview: self.preview(best, Some(mapping.clone())),
            });
        };
        let h = Header::new(&self.head[i].cells);
        let parser = self.mapped(i, &merged(mapping, &h), &h)?;
        let mut notes: Vec<Reason> = self.title_note(i).into_iter().collect();
        notes.extend(parser.notes.iter().cloned());
        Ok(Found { header_index: i, parser, notes })
    }

    /// Row `i` as the header, if it is one: a known format's, one whose mapping was remembered,
    /// or a table with one column per month. `None`: not a header.
    fn recognise(&self, i: usize, options: &ImportOptions) -> Option<Result<Found, ImportError>> {
        let row = &self.head[i];
        let h = Header::new(&row.cells);
        let mut notes: Vec<Reason> = self.title_note(i).into_iter().collect();
        if let Some(format) = h.known() {
            return Some(
                RowParser::known(format, &h)
                    .map_err(|column| ImportError::Incomplete {
                        file: self.file.to_owned(),
                        line: row.line,
                        problem: reason!(
                            "header-missing-column",
                            format = Arg::Message(format.message_id()),
                            column = column
                        ),
                        preview: self.preview(i, None),
                    })
                    .map(|parser| Found { header_index: i, parser, notes }),
            );
        }
        if let Some(found) = self.two_row_header(i) {
            return Some(found);
        }
        let key = header_key(row.cells.iter());
        if let Some(saved) = options.remembered.iter().find(|s| s.header == key) {
            return Some(self.mapped(i, &saved.mapping, &h).map(|parser| {
                notes.push(reason!("note-remembered-mapping"));
                notes.extend(parser.notes.iter().cloned());
                Found { header_index: i, parser, notes }
            }));
        }
        (h.has_period_columns() && h.label_column().is_some()).then(|| self.wide(i, &h, notes, i))
    }

    /// Rows `i − 1` and `i` as one header: flows over the period columns ("Экспорт" merged
    /// over "январь-июль 2018 | в % к …", "Импорт" over the next), periods below; other
    /// columns named by whichever row names them. `None` when row `i` has no period columns
    /// or the row above names no flow over them.
    fn two_row_header(&self, i: usize) -> Option<Result<Found, ImportError>> {
        let h = Header::new(&csv::StringRecord::from(self.fused_two_rows(i)?));
        h.label_column()?;
        Some(self.wide(i, &h, self.two_row_notes(i), i - 1))
    }

    /// What the notes say of a two-row header ending at row `i`.
    fn two_row_notes(&self, i: usize) -> Vec<Reason> {
        let mut notes: Vec<Reason> = self.title_note(i - 1).into_iter().collect();
        notes.push(reason!(
            "note-two-row-header",
            first = self.head[i - 1].line.to_string(),
            last = self.head[i].line.to_string()
        ));
        notes
    }

    /// The names of rows `i − 1` and `i` fused into one header row (see
    /// [`Self::two_row_header`]), when they are a two-row header.
    fn fused_two_rows(&self, i: usize) -> Option<Vec<String>> {
        let (upper, lower) = (&self.head.get(i.checked_sub(1)?)?.cells, &self.head[i].cells);
        let below = Header::new(lower);
        let periods = below.period_columns();
        if !below.has_period_columns() {
            return None;
        }
        // The upper row's text carried right over the empty cells a merged cell leaves.
        // A title in the first cell is not a flow over the columns: the flow's cell must itself
        // stand over a period column.
        let is_period = |c: usize| periods.iter().any(|(p, _)| *p == c) || below.is_growth_column(c);
        let mut over = (String::new(), 0);
        let mut fused = Vec::with_capacity(lower.len());
        let mut any_flow = false;
        for (c, low) in lower.iter().enumerate() {
            let up = upper.get(c).unwrap_or("").trim();
            if !up.is_empty() {
                over = (up.to_owned(), c);
            }
            let low = low.trim();
            if is_period(c) && is_period(over.1) && words::flow_in_text(&over.0).is_some() {
                any_flow = true;
                fused.push(format!("{}{FUSED}{low}", over.0));
            } else if low.is_empty() {
                fused.push(up.to_owned());
            } else {
                fused.push(low.to_owned());
            }
        }
        any_flow.then_some(fused)
    }

    /// With a mapping given for a file whose header is two rows (flows above the period
    /// columns, periods below, ending at row `i`): the periods are read from the columns, each
    /// with the flow above it, and the mapping names the other columns. A mapping that also
    /// names the flow, or a period column, contradicts the header and is refused, naming its
    /// rows.
    fn with_mapping_two_rows(
        &self,
        i: usize,
        mapping: &ColumnMapping,
        h: &Header,
    ) -> Result<Found, ImportError> {
        let (first, last) = (self.head[i - 1].line.to_string(), self.head[i].line.to_string());
        let clash = if !mapping.flow.is_none() {
            Some("flow")
        } else if !mapping.period.is_none() && mapping.period != Source::MonthColumns {
            Some("period")
        } else {
            None
        };
        if let Some(what) = clash {
            return Err(ImportError::Incomplete {
                file: self.file.to_owned(),
                line: self.head[i - 1].line,
                problem: reason!("header-two-row-mapping-clash", first = first, last = last, what = what),
                preview: self.preview(i, Some(mapping.clone())),
            });
        }
        let mut m = merged(mapping, h);
        m.period = Source::MonthColumns;
        let mut parser =
            RowParser::mapped(&m, &h.original, &self.titles_above(i - 1)).map_err(|problem| {
                ImportError::Incomplete {
                    file: self.file.to_owned(),
                    line: self.head[i].line,
                    problem: reason!("header-two-row-problem", first = first, last = last, problem = problem),
                    preview: self.preview(i, Some(m.clone())),
                }
            })?;
        parser.format = Format::Wide;
        let mut notes = self.two_row_notes(i);
        notes.extend(parser.notes.iter().cloned());
        Ok(Found { header_index: i, parser, notes })
    }

    /// Row `i` as the header of a table with one column per period; the titles are the rows
    /// above `titles_end`.
    fn wide(
        &self,
        i: usize,
        h: &Header,
        mut notes: Vec<Reason>,
        titles_end: usize,
    ) -> Result<Found, ImportError> {
        let mut draft = h.draft();
        draft.period = Source::MonthColumns;
        match RowParser::mapped(&draft, &h.original, &self.titles_above(titles_end)) {
            Ok(mut parser) => {
                notes.extend(parser.notes.iter().cloned());
                parser.format = Format::Wide;
                Ok(Found { header_index: i, parser, notes })
            }
            Err(problem) => Err(ImportError::Incomplete {
                file: self.file.to_owned(),
                line: self.head[i].line,
                problem: reason!("header-wide-problem", problem = problem),
                preview: self.preview(i, Some(draft)),
            }),
        }
    }
}

/// A given mapping with the fields it leaves out filled from the header's words.
fn merged(mapping: &ColumnMapping, h: &Header) -> ColumnMapping {
    let mut m = mapping.clone();
    let draft = h.draft();
    for f in super::mapping::Field::ALL {
        if m.get(f).is_none() {
            *m.get_mut(f) = draft.get(f).clone();
        }
    }
    m
}

/// The row most likely to be the header: the first with the most filled cells.
fn best_header_guess(head: &[RawRow]) -> usize {
    let filled = |r: &RawRow| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
    let max = head.iter().map(filled).max().unwrap_or(0);
    head.iter().position(|r| filled(r) == max).unwrap_or(0)
}
