//! Periods and labels of reported figures as people type them, and the migration of the
//! free-text labels of old workspaces ("Belarus – Kazakhstan trade, 2018 (Belarus'
//! statistics)") into span, measure, reporter, partner and side.

use super::{Measure, Statistics};
use crate::model::period::{self, MonthRange, YearMonth};

/// Reads the period of a reported figure in any form [`period::parse_span`] reads (Russian,
/// Kazakh and English: "2018", "Jan–Jul 2018", "январь-июль 2018", "Q1 2018", "H1 2018",
/// "9M 2018", "2018-01..2018-07", …), and also a month as `2018-07` and a span across a new
/// year written as two months: "Nov 2017–Feb 2018". `None` when it is none of these.
#[must_use]
pub fn parse_span(text: &str) -> Option<MonthRange> {
    if let Ok(span) = period::parse_span(text) {
        return Some(span);
    }
    if let Ok(month) = YearMonth::parse(text) {
        return Some(MonthRange::new(month, month));
    }
    let t = text.trim().replace(['–', '—'], "-");
    let (a, b) = t.split_once('-')?;
    let (a, b) = (period::parse_span(a).ok()?, period::parse_span(b).ok()?);
    (a.len_months() == 1 && b.len_months() == 1 && a.start < b.start).then(|| MonthRange::new(a.start, b.end))
}

/// What could be read from an old free-text label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LegacyParse {
    /// The span, when the label ends with a period.
    pub span: Option<MonthRange>,
    /// "Brest Oblast".
    pub reporter: String,
    /// "Kazakhstan".
    pub partner: String,
    /// From "trade"/"turnover", "exports", "imports".
    pub measure: Option<Measure>,
    /// From "(Belarus' statistics)" / "(Kazakhstan's statistics)".
    pub statistics: Statistics,
}

/// Reads labels of the form the old sidebar used: "REPORTER – PARTNER trade, PERIOD", with an
/// optional "(X's statistics)" after the period. Whatever cannot be read is left empty.
#[must_use]
pub fn parse_legacy_label(label: &str) -> LegacyParse {
    let mut out = LegacyParse::default();
    let Some((what, when)) = label.rsplit_once(',') else { return out };
    let (when, note) = match when.split_once('(') {
        Some((w, n)) => (w.trim(), n.trim_end_matches(')').trim()),
        None => (when.trim(), ""),
    };
    out.span = parse_span(when);
    let what = what.trim();
    let (parties, measure) = match what.rsplit_once(' ') {
        Some((p, m)) => match m.to_lowercase().as_str() {
            "trade" | "turnover" => (p, Some(Measure::Turnover)),
            "exports" => (p, Some(Measure::Exports)),
            "imports" => (p, Some(Measure::Imports)),
            _ => (what, None),
        },
        None => (what, None),
    };
    out.measure = measure;
    let split =
        parties.split_once(" – ").or_else(|| parties.split_once(" - ")).or_else(|| parties.split_once('–'));
    if let Some((r, p)) = split {
        out.reporter = r.trim().to_owned();
        out.partner = p.trim().to_owned();
    }
    let side = note.to_lowercase();
    if side.contains("statistics") {
        let whose = side.split(['\'', '’']).next().unwrap_or("").trim().to_owned();
        let starts = |name: &str| !whose.is_empty() && name.to_lowercase().starts_with(&whose);
        if starts(&out.reporter) {
            out.statistics = Statistics::Reporter;
        } else if starts(&out.partner) {
            out.statistics = Statistics::Partner;
        }
    }
    out
}
