//! `export-chart`'s options (view, measures, style, reporter, partner, months) and how they
//! change a workspace before the picture is taken.

use clap::Args;

use crate::io::import::{Reason, quoted};
use crate::model::chart::ChartView;
use crate::model::dataset::{Dataset, Party};
use crate::model::period::{MonthRange, YearMonth};
use crate::model::workspace::Workspace;
use crate::reason;

/// Chart view and filters for `export-chart`.
#[derive(Debug, Clone, Default, Args)]
pub struct ChartOptions {
    /// monthly | yoy | ytd | rolling | quarterly | annual, or composition (the Composition
    /// tab's bars of the selection: chapters of the latest year to date).
    #[arg(long, value_parser = parse_view)]
    pub view: Option<ViewArg>,
    /// Reporter code or name, case-insensitive ("BLR", "belarus").
    #[arg(long)]
    pub reporter: Option<String>,
    /// Partner code or name, case-insensitive ("KAZ", "kazakhstan").
    #[arg(long)]
    pub partner: Option<String>,
    /// Further partners drawn beside --partner, comma-separated ("RUS,CHN"): one series each.
    #[arg(long, value_delimiter = ',')]
    pub compare: Vec<String>,
    /// Mirror statistics: the reporter's exports against the partner's own imports from it
    /// (and the other way), with the gap; needs --reporter and --partner with both sides in the data.
    #[arg(long)]
    pub mirror: bool,
    /// HS code prefix: a chapter ("03") or heading ("0302"); TOTAL for all-commodity rows.
    #[arg(long)]
    pub commodity: Option<String>,
    /// First month shown, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    pub from: Option<YearMonth>,
    /// Last month shown, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    pub to: Option<YearMonth>,
    /// Measures drawn, comma-separated: exports,imports,turnover,balance.
    #[arg(long, value_delimiter = ',')]
    pub measures: Vec<String>,
    /// Bars instead of lines.
    #[arg(long)]
    pub bars: bool,
    /// Stacked bars (exports and imports on top of each other).
    #[arg(long)]
    pub stacked: bool,
    /// Lines (overrides bars saved in a workspace).
    #[arg(long, conflicts_with_all = ["bars", "stacked"])]
    pub lines: bool,
    /// The built-in example with its illustrative monthly split shown: invented months that add
    /// up to the published totals, labelled SAMPLE on the picture. Its data is otherwise the
    /// figures as published (spans and years, no months).
    #[arg(long)]
    pub sample_split: bool,
}

/// What `export-chart --view` draws: a view of the monthly chart, or the Composition tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewArg {
    /// A view of the monthly chart.
    Chart(ChartView),
    /// The Composition tab.
    Composition,
}

impl From<ChartView> for ViewArg {
    fn from(v: ChartView) -> Self {
        Self::Chart(v)
    }
}

fn parse_view(text: &str) -> Result<ViewArg, String> {
    if text.trim().eq_ignore_ascii_case("composition") {
        return Ok(ViewArg::Composition);
    }
    ChartView::parse(text).map(ViewArg::Chart).ok_or_else(|| {
        let names: Vec<&str> = ChartView::ALL.iter().map(|v| v.cli_name()).chain(["composition"]).collect();
        format!("unknown view {text:?}; use one of {}", names.join(", "))
    })
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text).map_err(|e| e.to_string())
}

/// Applies chart options to a workspace: view, measures, style, reporter, partner, commodity
/// and months.
///
/// # Errors
/// When a reporter or partner is not in the data, a measure is unknown, or no month of the
/// data lies in the range; the message says which.
pub fn apply_chart_options(ws: &mut Workspace, opts: &ChartOptions) -> Result<(), Reason> {
    if opts.sample_split {
        if ws.data.sample_split.is_none() {
            return Err(reason!("cli-no-sample-split"));
        }
        crate::io::example::show_sample_split(ws, true);
    }
    let chart = &mut ws.chart;
    if let Some(ViewArg::Chart(v)) = opts.view {
        chart.view = v;
    }
    if !opts.measures.is_empty() {
        let mut on = [false; 4];
        for m in &opts.measures {
            let i = ["exports", "imports", "turnover", "balance"]
                .iter()
                .position(|n| n.eq_ignore_ascii_case(m.trim()))
                .ok_or_else(|| reason!("cli-unknown-measure", found = quoted(m)))?;
            on[i] = true;
        }
        [chart.exports, chart.imports, chart.turnover, chart.balance] = on;
    }
    if opts.lines {
        (chart.bars, chart.stacked) = (false, false);
    }
    if opts.bars || opts.stacked {
        (chart.bars, chart.stacked) = (true, opts.stacked);
    }
    let empty = Dataset::default();
    let data = ws.data.embedded.as_deref().unwrap_or(&empty);
    let sel = &mut ws.selection;
    let user_groups = sel.groups.clone();
    let known = |what: &'static str, q: &str, list: &[Party]| {
        let group = what == "partner" && crate::model::groups::find_group(q, list, &user_groups).is_some();
        if group || list.iter().any(|p| p.matches(q)) {
            Ok(())
        } else {
            let names: Vec<String> = list.iter().map(Party::label).collect();
            Err(reason!("cli-no-such-party", what = what, found = quoted(q), names = names.join(", ")))
        }
    };
    if let Some(r) = &opts.reporter {
        known("reporter", r, data.reporters())?;
        sel.reporter = Some(r.clone());
    }
    if let Some(p) = &opts.partner {
        known("partner", p, data.partners())?;
        sel.partner = Some(p.clone());
    }
    for q in &opts.compare {
        known("partner", q, data.partners())?;
    }
    if !opts.compare.is_empty() {
        sel.compare.clone_from(&opts.compare);
    }
    if opts.mirror {
        let pair = sel.reporter.as_deref().zip(sel.partner.as_deref());
        let both_sides = pair.is_some_and(|(r, p)| {
            data.reporters().iter().any(|x| x.matches(p)) && data.partners().iter().any(|x| x.matches(r))
        });
        if !both_sides {
            return Err(reason!("cli-mirror-needs-both"));
        }
        ws.chart.mirror = true;
    }
    if let Some(c) = &opts.commodity {
        sel.commodity = Some(c.trim().to_owned()).filter(|c| !c.is_empty());
    }
    if opts.from.is_some() || opts.to.is_some() {
        let Some((first, last)) = data.month_span() else {
            return Err(reason!("cli-no-months"));
        };
        let (start, end) = (opts.from.unwrap_or(first), opts.to.unwrap_or(last));
        let covers = MonthRange::new(first, last).label();
        if start > end {
            return Err(reason!(
                "cli-months-reversed",
                start = start.to_string(),
                end = end.to_string(),
                covers = covers
            ));
        }
        if end < first || start > last {
            return Err(reason!(
                "cli-no-data-in-range",
                range = MonthRange::new(start, end).label(),
                covers = covers
            ));
        }
        sel.range = Some(MonthRange::new(start, end));
    }
    Ok(())
}
