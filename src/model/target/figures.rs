//! The figures of a target as text: amounts typed by analysts, and the rows a gauge card and
//! `tradedash targets` show.

use super::status::{CurrentSource, Projection, TargetStatus};
use super::types::{BaselineOrigin, Target};
use crate::model::format;

/// Reads an amount of US dollars as analysts type it: "1 billion", "1bn", "$690 million",
/// "690M", "58.3m", "4.5k", "1,000,000,000", "1e9". `None` when it is not a number.
#[must_use]
pub fn parse_usd(text: &str) -> Option<f64> {
    let t = text.trim().trim_start_matches(['$', ' ']).trim().to_lowercase();
    let split = t.find(|c: char| c.is_alphabetic() && c != 'e').unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: String = number.chars().filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}')).collect();
    let scale = match unit.trim().trim_end_matches('.') {
        "" => 1.0,
        "k" | "thousand" | "thousands" => 1e3,
        "m" | "mn" | "mln" | "million" | "millions" => 1e6,
        "b" | "bn" | "bln" | "billion" | "billions" => 1e9,
        _ => return None,
    };
    let value: f64 = number.parse().ok()?;
    value.is_finite().then_some(value * scale)
}

/// The figures of a target as (label, text) rows, the same on the gauge and on the command
/// line: "Gap" → "$310 million (31.0%)", "Growth needed" → "+13.2% a year, 2017–2020".
#[must_use]
pub fn figure_rows(target: &Target, status: &TargetStatus) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    rows.push((
        "Current",
        match &status.current {
            Some(c) => match &c.reported {
                Some(r) => format!("{} ({}: {})", format::usd(c.value_usd), c.label, r.text()),
                None => format!("{} ({})", format::usd(c.value_usd), c.label),
            },
            None => "unknown: no data for the scope and no baseline".into(),
        },
    ));
    rows.push((
        "Target",
        match target.deadline_year {
            Some(d) => format!("{} by {d}", format::usd(target.target_usd)),
            None => format!("{}, no deadline set", format::usd(target.target_usd)),
        },
    ));
    rows.push((
        "Gap",
        match (status.gap_usd, status.gap_pct) {
            (Some(g), Some(p)) if g > 0.0 => format!("{} ({p:.1}%)", format::usd(g)),
            (Some(g), _) if g < 0.0 => format!("none: {} above the target", format::usd(-g)),
            (Some(_), _) => "none: exactly at the target".into(),
            _ => "unknown".into(),
        },
    ));
    rows.push((
        "Growth needed",
        match (status.required_cagr, target.deadline_year) {
            (_, None) => "set a deadline".into(),
            (Some(r), _) if r <= 0.0 => "none: the baseline already reaches the target".into(),
            (Some(r), Some(d)) => {
                format!("{} a year, {}–{d}", format::pct_change(r), target.baseline.year)
            }
            (None, Some(_)) => "unknown: no baseline value".into(),
        },
    ));
    rows.push((
        "Growth observed",
        match (status.observed_growth, status.current.as_ref().map(|c| c.source)) {
            (Some(g), _) => format!("{} year on year", format::pct_change(g)),
            (None, Some(CurrentSource::Baseline)) => "unknown: no current figure in the data".into(),
            (None, _) => "unknown: no data a year earlier".into(),
        },
    ));
    if let (Some(path), Some(c)) = (status.required_path_usd, &status.current) {
        let text = match c.annual_level_usd {
            Some(level) if level >= path => format!("{} for {}: ahead", format::usd(path), c.year),
            Some(level) => {
                format!("{} for {}: behind by {}", format::usd(path), c.year, format::usd(path - level))
            }
            None => format!("{} for {}", format::usd(path), c.year),
        };
        rows.push(("Required path", text));
    }
    rows.push((
        "Target reached",
        match status.projection {
            Projection::Met { year } => format!("already met ({year})"),
            Projection::Reached { year } => match status.on_track(target.deadline_year) {
                Some(false) => format!("in {year} at this rate, after the deadline"),
                _ => format!("in {year} at this rate"),
            },
            Projection::NotReached => "not reached at this rate".into(),
            Projection::Unknown => "unknown: no growth rate".into(),
        },
    ));
    let baseline = match (&target.baseline.origin, status.baseline_usd) {
        (BaselineOrigin::Reported { .. }, Some(v)) => {
            format!("{} in {}, reported", format::usd(v), target.baseline.year)
        }
        (BaselineOrigin::Computed, Some(v)) => {
            format!("{} in {}, computed from the data", format::usd(v), target.baseline.year)
        }
        (_, None) => format!("unknown for {}", target.baseline.year),
    };
    rows.push(("Baseline", baseline));
    rows
}
