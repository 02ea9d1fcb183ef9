//! `tradedash summary`: monthly and yearly totals of a file or workspace, as text or JSON.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::i18n::{Lang, tr};
use crate::io::import::{ImportOptions, ImportReport, Reason, SetAside, SkippedRow};
use crate::model::completeness::{PeriodCounts, incomplete_counts};
use crate::model::dataset::Dataset;
use crate::model::format::{pct_change_in, usd_exact_in};
use crate::model::period::YearMonth;
use crate::model::query::{Aggregate, Selection, aggregate};
use crate::model::workspace::Workspace;

/// The `summary --json` object.
#[derive(Debug, Serialize)]
pub struct SummaryJson {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows that could not be used.
    pub rows_skipped: u64,
    /// Rows set aside to avoid double counting.
    pub rows_set_aside: u64,
    /// The skipped rows with line numbers (header = line 1).
    pub skipped_lines: Vec<SkippedRow>,
    /// What was set aside and why.
    pub set_aside: Vec<SetAside>,
    /// How the file was read (layout, unit, title rows, columns not used); English in the
    /// JSON whatever `--lang` says.
    pub notes: Vec<Reason>,
    /// Layout recognised ("UN Comtrade", "table with one column per month", …), when a file was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Monthly totals, in order; months without data are absent.
    pub months: Vec<MonthJson>,
    /// Yearly totals.
    pub years: Vec<YearJson>,
    /// Figures longer than a month that are not calendar years (quarters, half-years,
    /// January–N), published or derived, ordered by their months.
    pub spans: Vec<SpanJson>,
    /// Flows the file does not hold at all for the selection ("imports"): unknown, so they,
    /// turnover and balance are `null` in every month and year. Absent when both are held.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flows_not_in_file: Vec<&'static str>,
    /// `true` when the data is illustrative sample data (the built-in example with its monthly
    /// split shown): the figures are not statistics. Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
}

/// One month of `summary --json`.
#[derive(Debug, Serialize)]
pub struct MonthJson {
    /// "2018-07".
    pub period: String,
    /// US dollars; null when the source gives only turnover or holds no exports.
    pub exports: Option<f64>,
    /// US dollars; null when the source gives only turnover or holds no imports.
    pub imports: Option<f64>,
    /// US dollars; null when the file holds one flow only.
    pub turnover: Option<f64>,
    /// Exports − imports; null when only turnover is known or a flow is not in the file.
    pub balance: Option<f64>,
    /// Whether the month is derived from two cumulative figures (Jan–Jul − Jan–Jun), not in
    /// the file as a month.
    pub derived: bool,
}

/// One span of `summary --json`.
#[derive(Debug, Serialize)]
pub struct SpanJson {
    /// First month, "2018-01".
    pub from: String,
    /// Last month, "2018-07".
    pub to: String,
    /// US dollars; null as for a month.
    pub exports: Option<f64>,
    /// US dollars; null as for a month.
    pub imports: Option<f64>,
    /// US dollars; null as for a month.
    pub turnover: Option<f64>,
    /// Exports − imports; null as for a month.
    pub balance: Option<f64>,
    /// Growth rates published with the figure, percent change on the same period a year
    /// earlier; null when none was.
    pub published_change_pct: Option<PublishedJson>,
    /// Whether the figure is derived from two cumulative figures (a quarter).
    pub derived: bool,
}

/// Published growth rates of a span, percent change; null for a flow without one.
#[derive(Debug, Serialize)]
pub struct PublishedJson {
    /// Exports.
    pub exports: Option<f64>,
    /// Imports.
    pub imports: Option<f64>,
    /// Turnover.
    pub turnover: Option<f64>,
}

/// One year of `summary --json`.
#[derive(Debug, Serialize)]
pub struct YearJson {
    /// Calendar year.
    pub year: i32,
    /// US dollars; null as for a month.
    pub exports: Option<f64>,
    /// US dollars; null as for a month.
    pub imports: Option<f64>,
    /// US dollars; null when the file holds one flow only.
    pub turnover: Option<f64>,
    /// Exports − imports.
    pub balance: Option<f64>,
    /// Months with data behind the figures (12 for an annual record), derived months included.
    pub months: u8,
    /// The months of `months` derived from two cumulative figures ("2018-07"), which the year's
    /// figures include; absent when none is (an annual record already covers its months).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub derived_months: Vec<String>,
}

/// Dollars rounded to the cent: trade values carry cents at most, and sums of them in binary
/// floating point pick up noise past the cent ("10530006978.539997").
fn cents(usd: f64) -> f64 {
    (usd * 100.0).round() / 100.0
}

/// Builds the summary for a workspace's data and a selection. Money is in US dollars rounded
/// to the cent.
#[must_use]
pub fn summary_json(workspace: &Workspace, report: Option<&ImportReport>, sel: &Selection) -> SummaryJson {
    let empty = Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let mut s = summary_of_aggregate(&aggregate(data, sel));
    s.rows_read = report.map_or(data.len() as u64, |r| r.rows_read);
    s.rows_skipped = report.map_or(0, |r| r.rows_skipped);
    s.rows_set_aside = report.map_or(0, ImportReport::rows_set_aside);
    s.skipped_lines = report.map(|r| r.skipped.clone()).unwrap_or_default();
    s.set_aside = report.map(|r| r.set_aside.clone()).unwrap_or_default();
    s.notes = report.map(|r| r.notes.clone()).unwrap_or_default();
    s.format = report.map(|r| format!("{} ({})", r.format.label(), r.source));
    s.sample = workspace.data.sample;
    s
}

/// The summary's figures from an aggregate, however it was made (in memory for a file, on
/// the server for a ClickHouse table); counts and notes are left empty for the caller.
#[must_use]
pub fn summary_of_aggregate(a: &Aggregate) -> SummaryJson {
    SummaryJson {
        rows_read: 0,
        rows_skipped: 0,
        rows_set_aside: 0,
        skipped_lines: Vec::new(),
        set_aside: Vec::new(),
        notes: Vec::new(),
        format: None,
        sample: false,
        months: a
            .months
            .iter()
            .map(|m| MonthJson {
                period: m.period.to_string(),
                exports: m.sums.exports().map(cents),
                imports: m.sums.imports().map(cents),
                turnover: m.sums.turnover_usd().map(cents),
                balance: m.sums.balance_usd().map(cents),
                derived: a.month_derived(m.period),
            })
            .collect(),
        spans: a
            .spans
            .iter()
            .map(|s| SpanJson {
                from: s.range.start.to_string(),
                to: s.range.end.to_string(),
                exports: s.sums.exports().map(cents),
                imports: s.sums.imports().map(cents),
                turnover: s.sums.turnover_usd().map(cents),
                balance: s.sums.balance_usd().map(cents),
                published_change_pct: (!s.published.is_empty()).then_some(PublishedJson {
                    exports: s.published.exports,
                    imports: s.published.imports,
                    turnover: s.published.turnover,
                }),
                derived: s.derived,
            })
            .collect(),
        years: a
            .years
            .iter()
            .map(|y| YearJson {
                year: y.year,
                exports: y.sums.exports().map(cents),
                imports: y.sums.imports().map(cents),
                turnover: y.sums.turnover_usd().map(cents),
                balance: y.sums.balance_usd().map(cents),
                months: y.months,
                derived_months: a.derived_in_year(y.year).iter().map(ToString::to_string).collect(),
            })
            .collect(),
        flows_not_in_file: [(a.flows.exports, "exports"), (a.flows.imports, "imports")]
            .into_iter()
            .filter(|&(held, _)| !held && a.flows.one_flow_only())
            .map(|(_, name)| name)
            .collect(),
    }
}

/// Prints the summary of `file` (the built-in example for `None`).
pub(super) fn run(
    file: Option<&Path>,
    reporter: Option<String>,
    partner: Option<String>,
    json: bool,
    options: &ImportOptions,
    lang: Lang,
) -> ExitCode {
    let source = super::clickhouse::address_of(file);
    let (workspace, report) = match source {
        Some(text) => (super::clickhouse::summary_workspace(text), None),
        None => match super::open_input(file, options, lang) {
            Ok(w) => w,
            Err(code) => return code,
        },
    };
    let mut sel = workspace.selection.clone();
    if reporter.is_some() {
        sel.reporter = reporter;
    }
    if partner.is_some() {
        sel.partner = partner;
    }
    let s = match source {
        Some(text) => match super::clickhouse::summary(text, &sel) {
            Ok(s) => s,
            Err(code) => return code,
        },
        None => summary_json(&workspace, report.as_ref(), &sel),
    };
    let mut out = std::io::stdout().lock();
    let written = if json {
        crate::io::import::summary_json_text(&s, report.as_ref(), &sel)
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        let incomplete = incomplete_counts(report.as_ref().map_or(&[][..], |r| &r.incomplete), &sel);
        // The layout and source in `lang` (the JSON's "format" stays English).
        let format = report
            .as_ref()
            .map(|r| format!("{} ({})", tr(lang, r.format.message_id()), r.source.text(lang)))
            .or_else(|| s.format.clone());
        write_summary_text(&mut out, lang, &workspace, &sel, &s, &incomplete, format.as_deref())
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The spans table of the text summary: published growth beside each, derived ones marked.
fn write_spans(
    out: &mut impl Write,
    lang: Lang,
    spans: &[SpanJson],
    opt: &dyn Fn(Option<f64>) -> String,
) -> std::io::Result<()> {
    if spans.is_empty() {
        return Ok(());
    }
    let col = |id: &str| tr(lang, id);
    writeln!(
        out,
        "\n{:<16} {:>16} {:>16} {:>16} {:>16}  {}",
        col("summary-col-period"),
        col("summary-col-exports"),
        col("summary-col-imports"),
        col("summary-col-turnover"),
        col("summary-col-balance"),
        col("summary-col-published-change")
    )?;
    let derived = format!("{} ", tr(lang, "summary-derived"));
    for s in spans {
        // English as it always was ("+18.6%"); other languages in their digits ("+18,6%").
        let pct = |v: Option<f64>| {
            v.map_or_else(
                || "—".to_owned(),
                |p| if lang == Lang::En { format!("{p:+.1}%") } else { pct_change_in(lang, p / 100.0) },
            )
        };
        let published = s.published_change_pct.as_ref().map_or_else(String::new, |p| {
            tr!(
                lang,
                "summary-published-change",
                exports = pct(p.exports),
                imports = pct(p.imports),
                turnover = pct(p.turnover)
            )
        });
        writeln!(
            out,
            "{:<16} {:>16} {:>16} {:>16} {:>16}  {}{published}",
            format!("{}..{}", s.from, s.to),
            opt(s.exports),
            opt(s.imports),
            opt(s.turnover),
            opt(s.balance),
            if s.derived { derived.as_str() } else { "" }
        )?;
    }
    Ok(())
}

/// The mark after a month or year that rows are missing from (the `"skipped_rows"` of
/// `summary --json`: unreadable rows and records in conflict, charged to their period):
/// "  incomplete: 2 rows unread". Nothing for a complete period, so complete files print
/// what they always printed.
fn unread_mark(lang: Lang, n: u64) -> String {
    if n == 0 { String::new() } else { format!("  {}", tr!(lang, "summary-unread", count = n)) }
}

/// The text summary in `lang`. English is byte for byte what scripts have always read; counts
/// and line numbers are written plainly (never grouped), amounts in the language's digits.
fn write_summary_text(
    out: &mut impl Write,
    lang: Lang,
    ws: &Workspace,
    sel: &Selection,
    s: &SummaryJson,
    incomplete: &PeriodCounts,
    format: Option<&str>,
) -> std::io::Result<()> {
    // A gap is "—" (a turnover-only source gives no split); a flow the file does not hold
    // is "not in the file", and so are turnover and balance beside it.
    let unknown = !s.flows_not_in_file.is_empty();
    let not_in_file = tr(lang, "summary-not-in-file");
    let opt = |v: Option<f64>| {
        v.map_or_else(
            || if unknown { not_in_file.clone() } else { "—".to_owned() },
            |v| usd_exact_in(lang, v),
        )
    };
    writeln!(out, "{}", ws.data.label)?;
    if let Some(f) = format {
        writeln!(out, "{}", tr!(lang, "summary-read-as", format = f))?;
    }
    if ws.data.sample {
        writeln!(out, "{}", tr(lang, "summary-sample"))?;
    }
    let all = tr(lang, "summary-all");
    let selection = tr!(
        lang,
        "summary-selection",
        reporter = sel.reporter.clone().unwrap_or_else(|| all.clone()),
        partner = sel.partner.clone().unwrap_or_else(|| all.clone()),
        commodity = sel.commodity.clone().unwrap_or_else(|| "none".to_owned())
    );
    writeln!(out, "{selection}")?;
    let missing = unknown.then(|| {
        let names: Vec<String> = s.flows_not_in_file.iter().map(|f| flow_name(lang, f)).collect();
        tr!(lang, "summary-flows-unknown", flows = names.join(&tr(lang, "summary-and")))
    });
    write_import_report(out, lang, s, missing.as_deref())?;
    write_tables(out, lang, s, &opt, incomplete)
}

/// The monthly and the yearly table of the text summary.
fn write_tables(
    out: &mut impl Write,
    lang: Lang,
    s: &SummaryJson,
    opt: &dyn Fn(Option<f64>) -> String,
    incomplete: &PeriodCounts,
) -> std::io::Result<()> {
    let col = |id: &str| tr(lang, id);
    let (exports, imports, turnover, balance) = (
        col("summary-col-exports"),
        col("summary-col-imports"),
        col("summary-col-turnover"),
        col("summary-col-balance"),
    );
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16}",
        col("summary-col-month"),
        exports,
        imports,
        turnover,
        balance
    )?;
    // In month order, with the months whose every row could not be used (no figure at all).
    let mut rows: std::collections::BTreeMap<YearMonth, Option<&MonthJson>> =
        incomplete.months.keys().map(|m| (*m, None)).collect();
    rows.extend(s.months.iter().filter_map(|m| Some((YearMonth::parse(&m.period).ok()?, Some(m)))));
    for (p, m) in rows {
        let mark = unread_mark(lang, incomplete.month(p));
        match m {
            Some(m) => writeln!(
                out,
                "{:<8} {:>16} {:>16} {:>16} {:>16}{}{mark}",
                m.period,
                opt(m.exports),
                opt(m.imports),
                opt(m.turnover),
                opt(m.balance),
                if m.derived { format!("  {}", tr(lang, "summary-derived")) } else { String::new() }
            )?,
            None => writeln!(out, "{:<8} {:>16}{mark}", p.to_string(), tr(lang, "summary-no-figure"))?,
        }
    }
    write_spans(out, lang, &s.spans, &opt)?;
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}",
        col("summary-col-year"),
        exports,
        imports,
        turnover,
        balance,
        col("summary-col-months")
    )?;
    for y in &s.years {
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}{}{}",
            y.year,
            opt(y.exports),
            opt(y.imports),
            opt(y.turnover),
            opt(y.balance),
            y.months,
            unread_mark(lang, incomplete.year(y.year)),
            derived_mark(lang, &y.derived_months)
        )?;
    }
    Ok(())
}

/// "  incl. derived 2018-07" after a year whose figures include derived months.
fn derived_mark(lang: Lang, months: &[String]) -> String {
    if months.is_empty() {
        return String::new();
    }
    format!("  {}", tr!(lang, "summary-year-derived", months = months.join(", ")))
}

/// What reading the input gave: rows read, skipped and set aside, why, and notes (`extra`
/// after them). `summary` prints it above the figures, `push` before it writes.
pub(super) fn write_import_report(
    out: &mut impl Write,
    lang: Lang,
    s: &SummaryJson,
    extra: Option<&str>,
) -> std::io::Result<()> {
    let rows = tr!(
        lang,
        "summary-rows",
        read = s.rows_read.to_string(),
        skipped = s.rows_skipped.to_string(),
        aside = s.rows_set_aside.to_string()
    );
    writeln!(out, "{rows}")?;
    for a in &s.set_aside {
        let line = tr!(
            lang,
            "summary-set-aside",
            rows = a.rows.to_string(),
            line = a.first_line.to_string(),
            reason = a.reason.text(lang)
        );
        writeln!(out, "{line}")?;
    }
    for n in s.notes.iter().map(|n| n.text(lang)).chain(extra.map(str::to_owned)) {
        writeln!(out, "{}", tr!(lang, "summary-note", note = n))?;
    }
    for l in &s.skipped_lines {
        let line = l.line.to_string();
        let text = match &l.column {
            Some(c) => {
                tr!(
                    lang,
                    "summary-skipped-column",
                    line = line,
                    column = c.as_str(),
                    reason = l.reason.text(lang)
                )
            }
            None => tr!(lang, "summary-skipped", line = line, reason = l.reason.text(lang)),
        };
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// "exports" / "imports" (`SummaryJson::flows_not_in_file`) in `lang`.
fn flow_name(lang: Lang, flow: &str) -> String {
    match flow {
        "exports" => tr(lang, "summary-col-exports"),
        "imports" => tr(lang, "summary-col-imports"),
        other => other.to_owned(),
    }
}
