//! The figures of a target as text: amounts typed by analysts, and the rows a gauge card and
//! `tradedash targets` show.

use super::status::{CurrentSource, Projection, TargetStatus};
use super::types::{BaselineOrigin, Target};
use crate::i18n::{self, Lang, tr};
use crate::model::format;
use crate::model::note::source_text;

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

/// The figures of a target as (label, text) rows in English, the same on the command line
/// and in the briefing: "Gap" → "$310 million (31.0%)", "Growth needed" → "+13.2% a year,
/// 2017–2020". The labels are the English of [`figure_rows_in`]'s.
#[must_use]
pub fn figure_rows(target: &Target, status: &TargetStatus) -> Vec<(&'static str, String)> {
    rows(Lang::En, target, status)
        .into_iter()
        .map(|(id, text)| {
            let label = match id {
                "figure-current" => "Current",
                "figure-target" => "Target",
                "figure-gap" => "Gap",
                "figure-growth-needed" => "Growth needed",
                "figure-growth-observed" => "Growth observed",
                "figure-path" => "Required path",
                "figure-reached" => "Target reached",
                _ => "Baseline",
            };
            (label, text)
        })
        .collect()
}

/// The figures of a target as (label, text) rows in `lang`, as the gauge card shows them.
#[must_use]
pub fn figure_rows_in(lang: Lang, target: &Target, status: &TargetStatus) -> Vec<(String, String)> {
    rows(lang, target, status).into_iter().map(|(id, text)| (tr(lang, id), text)).collect()
}

/// The rows with the message id of their label.
fn rows(lang: Lang, target: &Target, status: &TargetStatus) -> Vec<(&'static str, String)> {
    let usd = |v: f64| format::usd_in(lang, v);
    let pct = |v: f64| format::pct_change_in(lang, v);
    let mut rows = vec![("figure-current", current(lang, status))];
    rows.push((
        "figure-target",
        match target.deadline_year {
            Some(d) => {
                tr!(lang, "figure-target-by", target = usd(target.target_usd), deadline = d.to_string())
            }
            None => tr!(lang, "figure-target-no-deadline", target = usd(target.target_usd)),
        },
    ));
    rows.push((
        "figure-gap",
        match (status.gap_usd, status.gap_pct) {
            (Some(g), Some(p)) if g > 0.0 => {
                tr!(lang, "figure-gap-value", gap = usd(g), pct = i18n::format::decimal(lang, p, 1))
            }
            (Some(g), _) if g < 0.0 => tr!(lang, "figure-gap-above", gap = usd(-g)),
            (Some(_), _) => tr(lang, "figure-gap-exact"),
            _ => tr(lang, "figure-unknown"),
        },
    ));
    rows.push((
        "figure-growth-needed",
        match (status.required_cagr, target.deadline_year) {
            (_, None) => tr(lang, "figure-growth-set-deadline"),
            (Some(r), _) if r <= 0.0 => tr(lang, "figure-growth-none-needed"),
            (Some(r), Some(d)) => tr!(
                lang,
                "figure-growth-needed-value",
                growth = pct(r),
                from = target.baseline.year.to_string(),
                deadline = d.to_string()
            ),
            (None, Some(_)) => tr(lang, "figure-growth-no-baseline"),
        },
    ));
    rows.push((
        "figure-growth-observed",
        match (status.observed_growth, status.current.as_ref().map(|c| c.source)) {
            (Some(g), _) => tr!(lang, "figure-growth-observed-value", growth = pct(g)),
            (None, Some(CurrentSource::Baseline)) => tr(lang, "figure-growth-no-current"),
            (None, _) => tr(lang, "figure-growth-no-earlier"),
        },
    ));
    if let (Some(path), Some(c)) = (status.required_path_usd, &status.current) {
        let year = c.year.to_string();
        let text = match c.annual_level_usd {
            Some(level) if level >= path => tr!(lang, "figure-path-ahead", value = usd(path), year = year),
            Some(level) => {
                tr!(lang, "figure-path-behind", value = usd(path), year = year, gap = usd(path - level))
            }
            None => tr!(lang, "figure-path-value", value = usd(path), year = year),
        };
        rows.push(("figure-path", text));
    }
    rows.push(("figure-reached", reached(lang, target, status)));
    let year = target.baseline.year.to_string();
    let baseline = match (&target.baseline.origin, status.baseline_usd) {
        (BaselineOrigin::Reported { .. }, Some(v)) => {
            tr!(lang, "figure-baseline-reported", value = usd(v), year = year)
        }
        (BaselineOrigin::Computed, Some(v)) => {
            tr!(lang, "figure-baseline-computed", value = usd(v), year = year)
        }
        (_, None) => tr!(lang, "figure-baseline-unknown", year = year),
    };
    rows.push(("figure-baseline", baseline));
    rows
}

/// "$690 million (2017)", "$481.7 million (Jan–Jun 2019, reported: law.by; statistics of Belarus)".
fn current(lang: Lang, status: &TargetStatus) -> String {
    match &status.current {
        Some(c) => {
            let value = format::usd_in(lang, c.value_usd);
            let period = c.period.text(lang);
            match &c.reported {
                Some(r) => format!("{value} ({period}: {})", source_text(lang, r)),
                None => format!("{value} ({period})"),
            }
        }
        None => tr(lang, "figure-current-unknown"),
    }
}

/// When the target is reached at the observed growth.
fn reached(lang: Lang, target: &Target, status: &TargetStatus) -> String {
    match status.projection {
        Projection::Met { year } => tr!(lang, "figure-reached-already", year = year.to_string()),
        Projection::Reached { year } => match status.on_track(target.deadline_year) {
            Some(false) => tr!(lang, "figure-reached-late", year = year.to_string()),
            _ => tr!(lang, "figure-reached-in", year = year.to_string()),
        },
        Projection::NotReached => tr(lang, "figure-reached-never"),
        Projection::Unknown => tr(lang, "figure-reached-unknown"),
    }
}
