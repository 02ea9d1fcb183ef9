//! `tradedash summary`: monthly and yearly totals of a file or workspace, as text or JSON.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::io::import::{ImportOptions, ImportReport, SetAside, SkippedRow};
use crate::model::dataset::Dataset;
use crate::model::format::usd_exact;
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
    /// How the file was read (layout, unit, title rows, columns not used).
    pub notes: Vec<String>,
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
    /// Months with data behind the figures (12 for an annual record).
    pub months: u8,
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
    let a: Aggregate = aggregate(data, sel);
    SummaryJson {
        rows_read: report.map_or(data.len() as u64, |r| r.rows_read),
        rows_skipped: report.map_or(0, |r| r.rows_skipped),
        rows_set_aside: report.map_or(0, ImportReport::rows_set_aside),
        skipped_lines: report.map(|r| r.skipped.clone()).unwrap_or_default(),
        set_aside: report.map(|r| r.set_aside.clone()).unwrap_or_default(),
        notes: report.map(|r| r.notes.clone()).unwrap_or_default(),
        format: report.map(|r| format!("{} ({})", r.format.label(), r.source)),
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
) -> ExitCode {
    let (workspace, report) = match super::open_input(file, options) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let mut sel = workspace.selection.clone();
    if reporter.is_some() {
        sel.reporter = reporter;
    }
    if partner.is_some() {
        sel.partner = partner;
    }
    let s = summary_json(&workspace, report.as_ref(), &sel);
    let mut out = std::io::stdout().lock();
    let written = if json {
        crate::io::import::summary_json_text(&s, report.as_ref(), &sel)
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        write_summary_text(&mut out, &workspace, &sel, &s)
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
    spans: &[SpanJson],
    opt: &dyn Fn(Option<f64>) -> String,
) -> std::io::Result<()> {
    if spans.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n{:<16} {:>16} {:>16} {:>16} {:>16}  published change on a year earlier",
        "period", "exports", "imports", "turnover", "balance"
    )?;
    for s in spans {
        let pct = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |p| format!("{p:+.1}%"));
        let published = s.published_change_pct.as_ref().map_or_else(String::new, |p| {
            format!("exports {}, imports {}, turnover {}", pct(p.exports), pct(p.imports), pct(p.turnover))
        });
        writeln!(
            out,
            "{:<16} {:>16} {:>16} {:>16} {:>16}  {}{published}",
            format!("{}..{}", s.from, s.to),
            opt(s.exports),
            opt(s.imports),
            opt(s.turnover),
            opt(s.balance),
            if s.derived { "derived " } else { "" }
        )?;
    }
    Ok(())
}

fn write_summary_text(
    out: &mut impl Write,
    ws: &Workspace,
    sel: &Selection,
    s: &SummaryJson,
) -> std::io::Result<()> {
    // A gap is "—" (a turnover-only source gives no split); a flow the file does not hold
    // is "not in the file", and so are turnover and balance beside it.
    let unknown = !s.flows_not_in_file.is_empty();
    let opt = |v: Option<f64>| {
        v.map_or_else(|| if unknown { "not in the file" } else { "—" }.to_owned(), usd_exact)
    };
    writeln!(out, "{}", ws.data.label)?;
    if let Some(f) = &s.format {
        writeln!(out, "read as {f}")?;
    }
    if ws.data.sample {
        writeln!(out, "SAMPLE DATA: the monthly split is illustrative; only the totals are reported.")?;
    }
    writeln!(
        out,
        "reporter: {}, partner: {}{}",
        sel.reporter.as_deref().unwrap_or("all"),
        sel.partner.as_deref().unwrap_or("all"),
        sel.commodity.as_deref().map_or_else(String::new, |c| format!(", commodity: {c}"))
    )?;
    writeln!(out, "rows read {}, skipped {}, set aside {}", s.rows_read, s.rows_skipped, s.rows_set_aside)?;
    for a in &s.set_aside {
        writeln!(out, "  set aside {} rows (first on line {}): {}", a.rows, a.first_line, a.reason)?;
    }
    for n in &s.notes {
        writeln!(out, "  note: {n}")?;
    }
    if unknown {
        let missing = s.flows_not_in_file.join(" and ");
        writeln!(out, "  note: {missing}, turnover and balance are not in the file (unknown, not zero)")?;
    }
    for l in &s.skipped_lines {
        let col = l.column.as_ref().map_or_else(String::new, |c| format!(", column {c}"));
        writeln!(out, "  skipped line {}{col}: {}", l.line, l.reason)?;
    }
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16}",
        "month", "exports", "imports", "turnover", "balance"
    )?;
    for m in &s.months {
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16}{}",
            m.period,
            opt(m.exports),
            opt(m.imports),
            opt(m.turnover),
            opt(m.balance),
            if m.derived { "  derived" } else { "" }
        )?;
    }
    write_spans(out, &s.spans, &opt)?;
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}",
        "year", "exports", "imports", "turnover", "balance", "months"
    )?;
    for y in &s.years {
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}",
            y.year,
            opt(y.exports),
            opt(y.imports),
            opt(y.turnover),
            opt(y.balance),
            y.months
        )?;
    }
    Ok(())
}
