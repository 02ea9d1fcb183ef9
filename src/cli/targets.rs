//! `tradedash targets`: every target of a workspace evaluated against its data, as labelled
//! text or JSON for scripts.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::i18n::{Lang, tr};
use crate::model::dataset::Dataset;
use crate::model::query::aggregate;
use crate::model::reported::ReportedFigure;
use crate::model::target::{BaselineOrigin, ReportedRef, Target, TargetStatus, evaluate, figure_rows_in};

/// One target as `tradedash targets --json` prints it: percentages in percent (`gap_pct`
/// 31.0), growth rates as fractions (0.186), `null` where a figure cannot be had.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetSummary {
    /// Target name.
    pub name: String,
    /// "turnover", "exports" or "imports".
    pub measure: &'static str,
    /// The goal, US dollars.
    pub target_usd: f64,
    /// Deadline year, when set.
    pub deadline_year: Option<i32>,
    /// Baseline year.
    pub baseline_year: i32,
    /// Baseline value used, US dollars.
    pub baseline_usd: Option<f64>,
    /// What the current value is: a [`CurrentBasis::key`](crate::model::target::CurrentBasis::key) or "baseline".
    pub current_basis: Option<&'static str>,
    /// Current value, US dollars.
    pub current_usd: Option<f64>,
    /// Where a reported current value was published (`current_basis` "reported"), with whose
    /// statistics it is; `null` otherwise.
    pub current_source: Option<String>,
    /// Target minus current, US dollars.
    pub gap_usd: Option<f64>,
    /// Gap as a percentage of the target.
    pub gap_pct: Option<f64>,
    /// Compound annual growth needed from the baseline to the target by the deadline.
    pub required_cagr: Option<f64>,
    /// Year-on-year growth of the current basis.
    pub observed_growth: Option<f64>,
    /// Year the target is reached at the observed growth (the current year when met).
    pub projected_year: Option<i32>,
}

impl TargetSummary {
    /// The summary of a target and its status.
    #[must_use]
    pub fn new(target: &Target, status: &TargetStatus) -> Self {
        Self {
            name: target.name.clone(),
            measure: target.measure.key(),
            target_usd: target.target_usd,
            deadline_year: target.deadline_year,
            baseline_year: target.baseline.year,
            baseline_usd: status.baseline_usd,
            current_basis: status.current.as_ref().map(|c| c.source.key()),
            current_usd: status.current_usd(),
            current_source: status.current.as_ref().and_then(|c| c.reported.as_ref()).map(ReportedRef::text),
            gap_usd: status.gap_usd,
            gap_pct: status.gap_pct,
            required_cagr: status.required_cagr,
            observed_growth: status.observed_growth,
            projected_year: status.projection.year(),
        }
    }
}

/// Every target evaluated against `data`, as `tradedash targets` prints it: a block of
/// labelled lines per target, or with `json` one object `{"targets": [...]}` of
/// [`TargetSummary`] rows.
///
/// # Errors
/// Only if JSON serialisation fails (not expected for these plain types).
pub fn report(
    targets: &[Target],
    data: &Dataset,
    reported: &[ReportedFigure],
    json: bool,
    lang: Lang,
) -> Result<String, serde_json::Error> {
    let statuses: Vec<TargetStatus> =
        targets.iter().map(|t| evaluate(t, &aggregate(data, &t.selection()), reported)).collect();
    if json {
        #[derive(Serialize)]
        struct Report {
            targets: Vec<TargetSummary>,
        }
        let rows = targets.iter().zip(&statuses).map(|(t, s)| TargetSummary::new(t, s)).collect();
        return serde_json::to_string_pretty(&Report { targets: rows }).map(|mut s| {
            s.push('\n');
            s
        });
    }
    let mut out = String::new();
    if targets.is_empty() {
        out.push_str(&tr(lang, "targets-none-in-workspace"));
        out.push('\n');
    }
    for (i, (t, s)) in targets.iter().zip(&statuses).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&t.name);
        out.push('\n');
        // The scope and the measure key stay as scripts have read them.
        let mut rows = vec![(tr(lang, "figure-scope"), format!("{}, {}", t.scope_label(), t.measure.key()))];
        rows.extend(figure_rows_in(lang, t, s));
        if let BaselineOrigin::Reported { source, note } = &t.baseline.origin {
            if !source.trim().is_empty() {
                rows.push((tr(lang, "figure-baseline-source"), source.trim().to_owned()));
            }
            if !note.trim().is_empty() {
                rows.push((tr(lang, "figure-baseline-note"), note.trim().to_owned()));
            }
        }
        if !t.note.trim().is_empty() {
            rows.push((tr(lang, "figure-note"), t.note.trim().to_owned()));
        }
        for (label, text) in rows {
            out.push_str(&format!("  {label:<16} {text}\n"));
        }
        // English: the notes as they always were; other languages: the same notes as data.
        let notes: Vec<String> = if lang == Lang::En {
            s.notes.clone()
        } else {
            s.explanation.iter().map(|n| n.text(lang)).collect()
        };
        for (j, note) in notes.iter().enumerate() {
            let label = if j == 0 { tr(lang, "figure-how-computed") } else { String::new() };
            out.push_str(&format!("  {label:<16} {note}\n"));
        }
    }
    Ok(out)
}

/// Prints the targets of `file` (a workspace), or the built-in ones against a data file.
pub(super) fn run(file: Option<&Path>, json: bool, lang: Lang) -> ExitCode {
    let (workspace, _) = match super::open_input(file, &crate::io::import::ImportOptions::default(), lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let is_workspace = file.is_none_or(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
    // Against a data file: the built-in targets, with the built-in reported figures they use.
    let (targets, reported) = if is_workspace {
        (workspace.targets.clone(), workspace.reported.clone())
    } else {
        let default = crate::io::workspace_file::default_workspace();
        (default.targets, default.reported)
    };
    let empty = Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let text = match report(&targets, data, &reported, json, lang) {
        Ok(t) => t,
        Err(e) => {
            super::fail(lang, &e.to_string());
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let mut written = Ok(());
    if !json {
        written =
            writeln!(out, "{}", crate::tr!(lang, "summary-data", label = workspace.data.label.as_str()))
                .and_then(|()| {
                    if workspace.data.sample {
                        writeln!(out, "{}", tr(lang, "summary-sample"))
                    } else {
                        Ok(())
                    }
                });
        if written.is_ok() && !is_workspace {
            written = writeln!(out, "{}", tr(lang, "summary-built-in-targets"));
        }
        if written.is_ok() {
            written = writeln!(out);
        }
    }
    match written.and_then(|()| out.write_all(text.as_bytes())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::query::Aggregate;

    #[test]
    fn summary_has_the_script_fields() {
        let t = Target::belarus_kazakhstan_1bn();
        let s = evaluate(&t, &Aggregate::default(), &[]);
        let json = serde_json::to_value(TargetSummary::new(&t, &s)).unwrap();
        assert_eq!(json["measure"], "turnover");
        assert_eq!(json["target_usd"], 1e9);
        assert_eq!(json["deadline_year"], serde_json::Value::Null);
        assert_eq!(json["baseline_year"], 2017);
        assert_eq!(json["current_basis"], "baseline");
        assert!((json["gap_pct"].as_f64().unwrap() - 31.0).abs() < 1e-9);
        assert_eq!(json["required_cagr"], serde_json::Value::Null);
        assert_eq!(json["projected_year"], serde_json::Value::Null);
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 14, "{keys:?}");
    }

    #[test]
    fn report_prints_text_and_json() {
        let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
        let data = crate::model::dataset::Dataset::default();
        let text = report(std::slice::from_ref(&t), &data, &[], false, Lang::En).unwrap();
        assert!(text.starts_with("Belarus – Kazakhstan trade to $1 billion\n  Scope            Belarus – Kazakhstan, turnover\n"), "{text}");
        assert!(text.contains("  Gap              $310 million (31.0%)\n"), "{text}");
        assert!(text.contains("  Growth needed    +13.2% a year, 2017–2020\n"), "{text}");
        let json: serde_json::Value =
            serde_json::from_str(&report(&[t], &data, &[], true, Lang::En).unwrap()).unwrap();
        let row = &json["targets"][0];
        assert!((row["required_cagr"].as_f64().unwrap() - 0.131_662_616_953_135_4).abs() < 1e-12);
        assert_eq!(row["deadline_year"], 2020);
        assert_eq!(report(&[], &data, &[], false, Lang::En).unwrap(), "No targets in this workspace.\n");
    }
}
