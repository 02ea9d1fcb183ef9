//! Reading one row: its flow, breakdown codes, reporter, partner, commodity, unit, period and
//! value, or why it cannot be read.

use std::borrow::Cow;

use super::{Cells, FlowSource, MAX_VALUE_USD, ParsedRef, PartySource, RowExtra, RowParser};
use crate::io::import::words::{self, FlowWord, Unit};
use crate::io::import::{Format, Reason, SkippedRow, quoted, unit_arg};
use crate::model::dataset::{Commodity, CommodityRef, Flow, PartyRef, Period, Record, RecordRef};
use crate::model::period::{self, YearMonth};
use crate::reason;

/// What identifies a row's value besides its period.
struct RowKey<'a> {
    reporter: PartyRef<'a>,
    partner: PartyRef<'a>,
    flow: Flow,
    commodity: CommodityRef<'a>,
}

/// A cell that could not be read: its column and why.
type BadCell = (usize, Reason);

impl RowParser {
    /// [`RowParser::parse`] without copying the row's text.
    pub(crate) fn parse_ref<'a, R: Cells + ?Sized>(
        &'a self,
        rec: &'a R,
        line: u64,
    ) -> Result<ParsedRef<'a>, SkippedRow> {
        let bad = |(idx, reason): BadCell| self.skipped(line, idx, reason);
        let Some(flow) = self.row_flow(rec).map_err(bad)? else {
            return Ok(ParsedRef::SetAside("aside-flow-detail"));
        };
        if let Some(reason) = self.breakdown(rec) {
            return Ok(ParsedRef::SetAside(reason));
        }
        let key = RowKey {
            reporter: self.party(rec, &self.reporter, "reporter", false).map_err(bad)?,
            partner: self.party(rec, &self.partner, "partner", true).map_err(bad)?,
            flow,
            commodity: self.commodity(rec),
        };
        let unit = self.row_unit(rec).map_err(bad)?;
        if self.months.is_empty() {
            let record = self.one_value(rec, key, unit).map_err(bad)?;
            let quantity = self.row_quantity(rec);
            let growth = match self.growth {
                Some(g) => self.long_growth(rec, g).map_err(bad)?,
                None => None,
            };
            Ok(ParsedRef::One(record, RowExtra { quantity, growth }))
        } else {
            Ok(self.month_values(rec, line, &key, unit))
        }
    }

    /// A long table's `published_change_pct` cell; `None` when empty.
    fn long_growth<R: Cells + ?Sized>(&self, rec: &R, g: usize) -> Result<Option<f64>, BadCell> {
        let raw = Self::field(rec, Some(g));
        if raw.is_empty() {
            return Ok(None);
        }
        let pct = words::parse_usd(raw).or_else(|| raw.trim_start_matches('+').trim().parse().ok());
        pct.map(Some).ok_or_else(|| (g, reason!("row-bad-change", found = quoted(raw))))
    }

    #[inline]
    fn skipped(&self, line: u64, idx: usize, reason: Reason) -> SkippedRow {
        SkippedRow { line, column: self.names.get(idx).cloned(), reason }
    }

    /// The row's flow; `None` for a breakdown flow to set aside.
    #[inline]
    fn row_flow<R: Cells + ?Sized>(&self, rec: &R) -> Result<Option<Flow>, BadCell> {
        match &self.flow {
            FlowSource::Fixed(f) => Ok(Some(*f)),
            FlowSource::Column(i) => match self.flow_word(Self::field(rec, Some(*i))) {
                Ok(f) => Ok(Some(f)),
                Err(None) => Ok(None),
                Err(Some(w)) => Err((*i, w)),
            },
        }
    }

    /// Why a row is a breakdown of a total (and set aside), if it is one.
    #[inline]
    fn breakdown<R: Cells + ?Sized>(&self, rec: &R) -> Option<&'static str> {
        if !is_total_code(Self::field(rec, self.customs), &["c00"]) {
            return Some("aside-customs");
        }
        if !is_total_code(Self::field(rec, self.transport), &["0"]) {
            return Some("aside-transport");
        }
        if !is_total_code(Self::field(rec, self.partner2), &["0"]) {
            return Some("aside-partner2");
        }
        None
    }

    /// The row's reporter or partner.
    #[inline]
    fn party<'a, R: Cells + ?Sized>(
        &'a self,
        rec: &'a R,
        src: &'a PartySource,
        what: &str,
        is_partner: bool,
    ) -> Result<PartyRef<'a>, BadCell> {
        if let Some(p) = &src.fixed {
            return Ok(PartyRef { code: &p.code, name: &p.name });
        }
        let code = Self::field(rec, src.code);
        let name = Self::field(rec, src.name);
        if code.is_empty() && name.is_empty() {
            return Err((src.name.or(src.code).unwrap_or(0), reason!("row-empty-field", what = what)));
        }
        let code = if self.by_name && is_partner && words::is_total_name(name) { "W00" } else { code };
        Ok(PartyRef { code, name: if name.is_empty() { code } else { name } })
    }

    /// The unit of the row's values: its unit column's, or the file's.
    #[inline]
    fn row_unit<R: Cells + ?Sized>(&self, rec: &R) -> Result<Unit, BadCell> {
        let Some(i) = self.unit_column else { return Ok(self.unit) };
        let text = Self::field(rec, Some(i));
        match words::unit_in_text(text) {
            Ok(Some(u)) => Ok(u),
            Ok(None) if text.is_empty() => Ok(self.unit),
            Ok(None) => Err((i, reason!("row-bad-unit", found = quoted(text)))),
            Err(e) => Err((i, e)),
        }
    }

    /// The one value of a row of a long or Comtrade table, and its period.
    #[inline]
    fn one_value<'a, R: Cells + ?Sized>(
        &self,
        rec: &R,
        key: RowKey<'a>,
        unit: Unit,
    ) -> Result<RecordRef<'a>, BadCell> {
        let period = self.period(rec)?;
        let vidx = self.value.unwrap_or(0);
        let raw = Self::field(rec, self.value);
        if raw.is_empty() {
            return Err((vidx, reason!("row-value-empty")));
        }
        let value = if self.by_name && matches!(raw, "-" | "–" | "—") {
            Some(0.0)
        } else {
            words::parse_usd(raw)
        };
        let value = value.ok_or_else(|| {
            let what = if unit.multiplier == 1.0 { "US dollars" } else { unit.label };
            (vidx, reason!("row-not-number-of", unit = unit_arg(what), found = quoted(raw)))
        })?;
        if value < 0.0 {
            return Err((vidx, reason!("row-negative", found = quoted(raw))));
        }
        let value_usd = to_usd(unit, value).ok_or_else(|| (vidx, too_large(raw)))?;
        let RowKey { reporter, partner, flow, commodity } = key;
        Ok(RecordRef { period, reporter, partner, flow, commodity, value_usd })
    }

    /// The values of a row of a wide table, one per month column; gaps as published are passed
    /// over, and cells that cannot be read are listed.
    fn month_values<'a, R: Cells + ?Sized>(
        &self,
        rec: &R,
        line: u64,
        key: &RowKey<'_>,
        unit: Unit,
    ) -> ParsedRef<'a> {
        let mut records = Vec::new();
        let mut bad_cells = Vec::new();
        let mut rates = Vec::new();
        for (k, &(i, period)) in self.months.iter().enumerate() {
            let (column_flow, growth) = self.period_extra.get(k).copied().unwrap_or((None, None));
            let raw = Self::field(rec, Some(i));
            if raw.is_empty() || matches!(raw, "…" | "..." | "x" | "X" | "н/д" | "n/a" | "NA") {
                continue; // a gap, as published
            }
            let value = if matches!(raw, "-" | "–" | "—") { Some(0.0) } else { words::parse_usd(raw) };
            let reason = match value {
                Some(v) if v >= 0.0 => match to_usd(unit, v) {
                    Some(value_usd) => {
                        match self.growth_cell(rec, growth) {
                            Ok(Some(pct)) => rates.push((records.len(), pct)),
                            Ok(None) => {}
                            Err(bad) => bad_cells.push(self.skipped(line, growth.unwrap_or(i), bad)),
                        }
                        records.push(Record {
                            period,
                            reporter: key.reporter.to_party(),
                            partner: key.partner.to_party(),
                            flow: column_flow.unwrap_or(key.flow),
                            commodity: key.commodity.to_commodity(),
                            value_usd,
                        });
                        continue;
                    }
                    None => too_large(raw),
                },
                Some(_) => reason!("row-negative", found = quoted(raw)),
                None => reason!("row-not-number", found = quoted(raw)),
            };
            bad_cells.push(self.skipped(line, i, reason));
        }
        ParsedRef::Many(records, bad_cells, rates)
    }

    /// The growth rate published beside a value ("118,6" in a "в % к соответствующему периоду"
    /// column) as a percent change (+18.6); `Ok(None)` for no column or an empty cell.
    fn growth_cell<R: Cells + ?Sized>(&self, rec: &R, growth: Option<usize>) -> Result<Option<f64>, Reason> {
        let raw = Self::field(rec, growth);
        if growth.is_none() || raw.is_empty() || matches!(raw, "…" | "..." | "x" | "X" | "-" | "–" | "—")
        {
            return Ok(None);
        }
        match words::parse_usd(raw) {
            // Rounded to the millionth: 118.6 − 100 is 18.599999999999994 in binary.
            Some(index) if index >= 0.0 => Ok(Some(((index - 100.0) * 1e6).round() / 1e6)),
            _ => Err(reason!("row-bad-growth", found = quoted(raw))),
        }
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
    pub(super) fn flow_word(&self, word: &str) -> Result<Flow, Option<Reason>> {
        // The common Comtrade codes without making a lower-case copy.
        if self.format == Format::Comtrade {
            match super::trim(word).as_bytes() {
                b"X" | b"x" => return Ok(Flow::Export),
                b"M" | b"m" => return Ok(Flow::Import),
                _ => {}
            }
        }
        let w = word.trim().to_ascii_lowercase();
        match self.format {
            Format::Long => {
                Flow::parse(&w).ok_or_else(|| Some(reason!("row-bad-flow", found = quoted(word))))
            }
            Format::Comtrade => match w.as_str() {
                "x" => Ok(Flow::Export),
                "m" => Ok(Flow::Import),
                "rx" | "rm" | "dx" | "fm" | "fx" | "mip" | "mop" | "xip" | "xop" => Err(None),
                _ => Err(Some(reason!("row-bad-flow-code", found = quoted(word)))),
            },
            Format::ComtradeLegacy => match w.as_str() {
                "export" | "exports" | "2" => Ok(Flow::Export),
                "import" | "imports" | "1" => Ok(Flow::Import),
                "re-export" | "re-exports" | "re-import" | "re-imports" | "3" | "4" => Err(None),
                _ => Err(Some(reason!("row-bad-flow-legacy", found = quoted(word)))),
            },
            Format::Wide | Format::Mapped => match words::parse_flow(word) {
                Some(FlowWord::Flow(f)) => Ok(f),
                Some(FlowWord::Breakdown) => Err(None),
                None => Err(Some(reason!("row-bad-flow-word", found = quoted(word)))),
            },
        }
    }

    /// The period of a row; `Err((column, reason))`.
    pub(super) fn period<R: Cells + ?Sized>(&self, rec: &R) -> Result<Period, (usize, Reason)> {
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
                    .or_else(|| period::parse_span(text).ok().map(Period::from_range))
                    .ok_or_else(|| (idx, reason!("row-bad-month", found = quoted(text))))
            }
            Format::Wide | Format::Mapped => {
                let idx = self.period.unwrap_or(0);
                let text = Self::field(rec, self.period);
                words::parse_year(text)
                    .map(Period::Year)
                    .or_else(|| words::parse_month(text).map(Period::Month))
                    .or_else(|| period::parse_span(text).ok().map(Period::from_range))
                    .ok_or_else(|| (idx, reason!("row-bad-month-word", found = quoted(text))))
            }
            Format::Comtrade | Format::ComtradeLegacy => {
                let yidx = self.year.unwrap_or(0);
                let ytext = Self::field(rec, self.year);
                let year: i32 = ytext
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .ok_or_else(|| (yidx, reason!("row-bad-year", found = quoted(ytext))))?;
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
                    || {
                        (
                            pidx,
                            reason!("row-bad-period", year = year.to_string(), found = quoted(period_text)),
                        )
                    },
                )
            }
        }
    }
}

/// Dollars from a number in the file's unit; `None` past any real trade figure (sums of such
/// values would overflow).
#[inline]
fn to_usd(unit: Unit, v: f64) -> Option<f64> {
    let usd = if unit.multiplier == 1.0 { v } else { (v * unit.multiplier * 100.0).round() / 100.0 };
    (usd.is_finite() && usd <= MAX_VALUE_USD).then_some(usd)
}

fn too_large(raw: &str) -> Reason {
    reason!("row-too-large", found = quoted(raw))
}

/// Whether a breakdown code field means "total": empty, or one of `totals` (case-insensitive).
fn is_total_code(field: &str, totals: &[&str]) -> bool {
    field.is_empty() || totals.iter().any(|t| field.eq_ignore_ascii_case(t))
}
