//! Periods and labels of reported figures as people type them, and the migration of the
//! free-text labels of old workspaces ("Belarus – Kazakhstan trade, 2018 (Belarus'
//! statistics)") into span, measure, reporter, partner and side.

use super::{Measure, Statistics};
use crate::model::period::{MonthRange, YearMonth};

/// The month a name or abbreviation stands for: "Jul", "July", "jul.", "Sept".
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = FULL.iter().position(|full| full.starts_with(&w))?;
    u8::try_from(i + 1).ok()
}

fn year_of(word: &str) -> Option<i32> {
    let w = word.trim();
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

fn range(year: i32, first: u8, last: u8) -> Option<MonthRange> {
    Some(MonthRange::new(YearMonth::new(year, first)?, YearMonth::new(year, last)?))
}

/// Reads the period of a reported figure: "2018", "Jan–Jul 2018", "Jan-Jul 2018",
/// "January–July 2018", "Jul 2018", "2018-07", "Q1 2018", "2018Q1", "H1 2018", "9M 2018",
/// "Nov 2017–Feb 2018", "2018-01..2018-07". `None` when it is none of these.
#[must_use]
pub fn parse_span(text: &str) -> Option<MonthRange> {
    let t = text.trim().replace(['–', '—'], "-");
    if let Some((a, b)) = t.split_once("..") {
        return Some(MonthRange::new(YearMonth::parse(a).ok()?, YearMonth::parse(b).ok()?));
    }
    if let Some(y) = year_of(&t) {
        return range(y, 1, 12);
    }
    if let Ok(m) = YearMonth::parse(&t) {
        return Some(MonthRange::new(m, m));
    }
    let compact = t.replace([' ', '-'], "").to_uppercase();
    if let Some(span) = quarter_or_half(&compact) {
        return Some(span);
    }
    let (head, year) = t.rsplit_once(' ')?;
    let year = year_of(year);
    let head = head.trim();
    match head.split_once('-') {
        // "Nov 2017-Feb 2018"
        Some((a, b)) if year_of(a.trim().rsplit(' ').next().unwrap_or("")).is_some() => {
            let (am, ay) = a.trim().rsplit_once(' ')?;
            Some(MonthRange::new(
                YearMonth::new(year_of(ay)?, month_of(am)?)?,
                YearMonth::new(year?, month_of(b)?)?,
            ))
        }
        Some((a, b)) => range(year?, month_of(a)?, month_of(b)?),
        None => {
            let m = month_of(head)?;
            range(year?, m, m)
        }
    }
}

/// "Q12018", "2018Q1", "H12018", "2018H1", "9M2018": the compact forms, spaces and dashes gone.
fn quarter_or_half(c: &str) -> Option<MonthRange> {
    if !c.is_ascii() {
        return None;
    }
    let (tag, year) = if c.len() == 6 && c.starts_with(['Q', 'H']) {
        c.split_at(2)
    } else if c.len() == 6 && c.get(4..).is_some_and(|t| t.starts_with(['Q', 'H'])) {
        let (y, t) = c.split_at(4);
        (t, y)
    } else if let Some((n, y)) = c.split_once('M') {
        let n: u8 = n.parse().ok()?;
        return (1..=12).contains(&n).then(|| range(year_of(y)?, 1, n)).flatten();
    } else {
        return None;
    };
    let year = year_of(year)?;
    let (kind, n) = tag.split_at(1);
    let n: u8 = n.parse().ok()?;
    match (kind, n) {
        ("Q", 1..=4) => range(year, n * 3 - 2, n * 3),
        ("H", 1..=2) => range(year, n * 6 - 5, n * 6),
        _ => None,
    }
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
