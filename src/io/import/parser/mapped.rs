//! A table read through a column mapping: also wide tables, recognised by their month headers.

use super::{FlowSource, PartySource, RowParser};
use crate::io::import::header::{COMMODITY_CODE_WORDS, COMMODITY_WORDS, Header};
use crate::io::import::mapping::{ColumnMapping, Source};
use crate::io::import::words::{self, FlowWord, Unit};
use crate::io::import::{Arg, Format, Reason, quoted, shorten, unit_arg};
use crate::model::dataset::{Party, Period};
use crate::reason;

impl RowParser {
    /// A table read through a mapping (also wide tables recognised by their month headers).
    /// `titles` are the rows above the header, which may name the unit or the flow.
    ///
    /// `Err` says what is missing or wrong.
    pub(crate) fn mapped(m: &ColumnMapping, columns: &[String], titles: &[String]) -> Result<Self, Reason> {
        let h = Header::new(&csv::StringRecord::from(columns.to_vec()));
        let mut p = Self::empty(Format::Mapped, h.original.clone());
        p.by_name = true;
        let period_cols = h.period_columns();
        let flows_above = matches!(m.period, Source::MonthColumns)
            && m.flow.is_none()
            && !period_cols.is_empty()
            && period_cols.iter().all(|(i, _)| h.column_flow(*i).is_some());
        p.flow = if flows_above {
            p.notes.push(reason!("note-flows-above"));
            FlowSource::Fixed(crate::model::dataset::Flow::Turnover)
        } else {
            p.map_flow(m, &h, titles)?
        };
        p.map_parties(m, &h)?;
        p.map_commodity(m, &h)?;
        match &m.period {
            Source::MonthColumns => p.map_months(&h)?,
            Source::Column(_) => {
                p.period = column(&h, &m.period, "period")?;
                p.value = column(&h, &m.value, "value")?;
                if p.value.is_none() {
                    return Err(reason!("header-no-value-column"));
                }
            }
            _ => return Err(reason!("header-no-period")),
        }
        p.map_unit(m, &h, titles)?;
        Ok(p)
    }

    /// Flow: a column, a fixed word, or a word in the titles or the value/month headers.
    fn map_flow(&mut self, m: &ColumnMapping, h: &Header, titles: &[String]) -> Result<FlowSource, Reason> {
        Ok(match &m.flow {
            Source::Column(_) => FlowSource::Column(column(h, &m.flow, "flow")?.unwrap_or(0)),
            Source::Fixed(w) => match words::parse_flow(w) {
                Some(FlowWord::Flow(f)) => FlowSource::Fixed(f),
                _ => return Err(reason!("header-bad-flow", found = quoted(w))),
            },
            _ => {
                let title_text = titles.join(" ");
                let value_header = column(h, &m.value, "value")?.map_or("", |i| h.original[i].as_str());
                let Some(f) = words::flow_in_text(value_header).or_else(|| words::flow_in_text(&title_text))
                else {
                    return Err(reason!("header-no-flow"));
                };
                self.notes.push(reason!(
                    "note-value-flow",
                    flow = f.to_string(),
                    place = Arg::Message(if words::flow_in_text(value_header).is_some() {
                        "note-flow-in-header"
                    } else {
                        "note-flow-in-title"
                    })
                ));
                FlowSource::Fixed(f)
            }
        })
    }

    /// Reporter and partner: a column of names, a fixed name, or "(… not given)".
    fn map_parties(&mut self, m: &ColumnMapping, h: &Header) -> Result<(), Reason> {
        let party = |s: &Source, field: &'static str| -> Result<PartySource, Reason> {
            Ok(match s {
                Source::Fixed(name) => PartySource {
                    fixed: Some(Party { code: String::new(), name: name.clone() }),
                    ..Default::default()
                },
                _ => PartySource { name: column(h, s, field)?, ..Default::default() },
            })
        };
        self.reporter = party(&m.reporter, "reporter")?;
        self.partner = party(&m.partner, "partner")?;
        for (src, what) in [(&mut self.reporter, "reporter"), (&mut self.partner, "partner")] {
            if src.name.is_none() && src.fixed.is_none() {
                // The name is data (kept in the workspace, summed by): English in every language.
                let name = format!("({what} not given)");
                self.notes.push(reason!("note-no-name", what = what, name = name.as_str()));
                src.fixed = Some(Party { code: String::new(), name });
            }
        }
        Ok(())
    }

    /// Commodity: fixed for every row, or a column (with a name column beside a code column).
    fn map_commodity(&mut self, m: &ColumnMapping, h: &Header) -> Result<(), Reason> {
        match &m.commodity {
            Source::Fixed(c) => {
                self.commodity_name = None;
                self.notes.push(reason!("note-one-commodity", code = quoted(c)));
                self.commodity = None;
                self.named_commodities.borrow_mut().insert(String::new(), c.clone());
            }
            s => {
                self.commodity = column(h, s, "commodity")?;
                // A code column with a name column beside it ("Код ТН ВЭД", "Наименование товара").
                if self.commodity.is_some() && self.commodity == h.find(COMMODITY_CODE_WORDS) {
                    self.commodity_name = h.find(COMMODITY_WORDS).filter(|i| Some(*i) != self.commodity);
                }
            }
        }
        Ok(())
    }

    /// One column per month: the columns read, and a note on those not read.
    fn map_months(&mut self, h: &Header) -> Result<(), Reason> {
        let cols = h.period_columns();
        let month_years: std::collections::BTreeSet<i32> = cols
            .iter()
            .filter_map(|(_, p)| match p {
                Period::Month(m) => Some(m.year),
                Period::Year(_) | Period::Span(_) => None,
            })
            .collect();
        for (i, period) in cols {
            match period {
                Period::Year(y) if month_years.contains(&y) => {
                    self.notes.push(reason!("note-column-year-total", column = h.original[i].as_str()));
                }
                _ => self.months.push((i, period)),
            }
        }
        if self.months.is_empty() {
            return Err(reason!("header-no-month-column"));
        }
        self.period_extra = self
            .months
            .iter()
            .map(|&(i, _)| (h.column_flow(i), h.is_growth_column(i + 1).then_some(i + 1)))
            .collect();
        for (&(i, _), (_, growth)) in self.months.iter().zip(&self.period_extra) {
            if let Some(g) = growth {
                self.notes.push(reason!(
                    "note-growth-column",
                    column = h.original[*g].as_str(),
                    value = h.original[i].as_str()
                ));
            }
        }
        let others = self.unused_columns(h);
        if !others.is_empty() {
            self.notes.push(reason!(
                "note-columns-not-months",
                count = others.len(),
                columns = others.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            ));
        }
        Ok(())
    }

    /// Named columns of a wide table that no role reads and no note mentions yet.
    fn unused_columns<'h>(&self, h: &'h Header) -> Vec<&'h str> {
        let used: Vec<usize> = self.months.iter().map(|(i, _)| *i).collect();
        h.original
            .iter()
            .enumerate()
            .filter(|(i, name)| {
                !used.contains(i)
                    && !name.is_empty()
                    && ![
                        self.reporter.name,
                        self.partner.name,
                        self.commodity,
                        self.commodity_name,
                        self.unit_column,
                    ]
                    .contains(&Some(*i))
                    && !matches!(self.flow, FlowSource::Column(c) if c == *i)
                    && !self.notes.iter().any(|n| n.to_string().contains(&format!("\"{name}\"")))
            })
            .map(|(_, n)| n.as_str())
            .collect()
    }

    /// Unit: fixed, a column, or words in the value/month headers or the titles.
    fn map_unit(&mut self, m: &ColumnMapping, h: &Header, titles: &[String]) -> Result<(), Reason> {
        match &m.unit {
            Source::Fixed(u) => {
                self.unit = unit_word(u)?;
                if self.unit.multiplier != 1.0 {
                    self.notes.push(reason!(
                        "note-unit-given",
                        unit = unit_arg(self.unit.label),
                        text = quoted(u)
                    ));
                }
            }
            Source::Column(_) => self.unit_column = column(h, &m.unit, "unit")?,
            _ => self.unit_from_words(h, titles)?,
        }
        Ok(())
    }

    /// The unit named in the value/month headers or the titles; US dollars when none is.
    fn unit_from_words(&mut self, h: &Header, titles: &[String]) -> Result<(), Reason> {
        let mut from = None;
        let headers: Vec<&str> = match self.value {
            Some(v) => vec![h.original[v].as_str()],
            None => self.months.iter().map(|(i, _)| h.original[*i].as_str()).collect(),
        };
        for text in headers.iter().copied().chain(titles.iter().map(String::as_str)) {
            if let Some(u) = words::unit_in_text(text)? {
                from = Some((u, text.to_owned()));
                break;
            }
        }
        if let Some((u, _)) = &from {
            self.unit = *u;
        } else {
            self.notes.push(reason!("note-unit-default"));
        }
        if let Some((u, text)) = from.filter(|(u, _)| u.multiplier != 1.0) {
            self.notes.push(reason!(
                "note-unit-from-title",
                unit = unit_arg(u.label),
                text = shorten(&text, 80),
                factor = Arg::dollars(u.multiplier)
            ));
        }
        Ok(())
    }
}

/// The column a mapping's source names; `None` for a source that is not a column.
fn column(h: &Header, source: &Source, field: &'static str) -> Result<Option<usize>, Reason> {
    match source {
        Source::Column(c) => h
            .column(c)
            .map(Some)
            .ok_or_else(|| reason!("header-no-column-for", column = quoted(c), field = field)),
        _ => Ok(None),
    }
}

/// `usd`, `thousand`, `million`, or words such as "тыс. долл. США".
fn unit_word(text: &str) -> Result<Unit, Reason> {
    match text.trim().to_lowercase().as_str() {
        "usd" | "1" | "dollars" => Ok(Unit::USD),
        "thousand" | "thousands" | "1000" | "k" => {
            Ok(Unit { multiplier: 1e3, label: "thousands of US dollars" })
        }
        "million" | "millions" | "1000000" | "m" => {
            Ok(Unit { multiplier: 1e6, label: "millions of US dollars" })
        }
        _ => words::unit_in_text(text)?.ok_or_else(|| reason!("row-bad-unit-word", found = quoted(text))),
    }
}
