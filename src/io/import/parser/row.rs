//! Reading one row: its flow, breakdown codes, reporter, partner, commodity, unit, period and
//! value, or why it cannot be read.

use std::borrow::Cow;

use super::{Cells, FlowSource, MAX_VALUE_USD, ParsedRef, PartySource, RowParser};
use crate::io::import::words::{self, FlowWord};
use crate::io::import::{Format, SkippedRow};
use crate::model::dataset::{Commodity, CommodityRef, Flow, PartyRef, Period, Record, RecordRef};
use crate::model::period::YearMonth;

impl RowParser {
    /// [`RowParser::parse`] without copying the row's text.
    #[allow(clippy::too_many_lines, reason = "to be split: one field after another, the hot path")]
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
    pub(super) fn flow_word(&self, word: &str) -> Result<Flow, Option<String>> {
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
    pub(super) fn period<R: Cells + ?Sized>(&self, rec: &R) -> Result<Period, (usize, String)> {
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

/// Whether a breakdown code field means "total": empty, or one of `totals` (case-insensitive).
fn is_total_code(field: &str, totals: &[&str]) -> bool {
    field.is_empty() || totals.iter().any(|t| field.eq_ignore_ascii_case(t))
}
