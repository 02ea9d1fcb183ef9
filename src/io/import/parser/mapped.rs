//! A table read through a column mapping: also wide tables, recognised by their month headers.

use super::{FlowSource, PartySource, RowParser};
use crate::io::import::header::{COMMODITY_CODE_WORDS, COMMODITY_WORDS, Header};
use crate::io::import::mapping::{ColumnMapping, Source};
use crate::io::import::words::{self, FlowWord, Unit};
use crate::io::import::{Format, shorten};
use crate::model::dataset::{Party, Period};

impl RowParser {
    /// A table read through a mapping (also wide tables recognised by their month headers).
    /// `titles` are the rows above the header, which may name the unit or the flow.
    ///
    /// `Err` says what is missing or wrong.
    #[allow(clippy::too_many_lines, reason = "to be split: one column role after another")]
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
