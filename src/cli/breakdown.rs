//! `tradedash breakdown`: the trade by commodity or partner, ranked, as a table or JSON.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::args::{BreakdownArgs, BreakdownBy};
use crate::i18n::Lang;
use crate::io::import::ImportOptions;
use crate::model::breakdown::{
    Breakdown, By, Item, Level, NameLang, PeriodChoice, Request, breakdown, default_period,
};
use crate::model::dataset::{Dataset, Flow};
use crate::model::format::usd_exact;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Selection, aggregate};

/// The `breakdown --json` object.
#[derive(Debug, Serialize)]
pub struct BreakdownJson {
    /// Whether the data is the built-in sample (illustrative, not statistics).
    pub sample: bool,
    /// `commodity` or `partner`.
    pub by: &'static str,
    /// `section`, `2`, `4`, `6` (commodities).
    pub level: String,
    /// `export`, `import` or `turnover`.
    pub flow: &'static str,
    /// The selection: reporter, partner, commodity prefix (null for all).
    pub reporter: Option<String>,
    /// Partner (null for all; not used by a partner ranking).
    pub partner: Option<String>,
    /// Commodity prefix.
    pub commodity: Option<String>,
    /// First and last month of the period ("2019-01", "2019-07").
    pub period: PeriodJson,
    /// The same months a year earlier.
    pub previous_period: PeriodJson,
    /// US dollars, the total the chart shows for the selection and period.
    pub total: f64,
    /// US dollars a year earlier; null without a comparison.
    pub previous_total: Option<f64>,
    /// Percent; null without a comparison.
    pub change_pct: Option<f64>,
    /// Months of the period with no data a year earlier, and the reverse: the reason for no
    /// comparison. Empty when compared.
    pub missing_year_earlier: Vec<String>,
    /// Months with data a year earlier that the period lacks.
    pub missing_now: Vec<String>,
    /// The items, largest first.
    pub items: Vec<ItemJson>,
    /// The rest: items past the top, and the part of the total not broken down.
    pub other: OtherJson,
}

/// `{"from", "to"}`.
#[derive(Debug, Serialize)]
pub struct PeriodJson {
    /// "2019-01".
    pub from: String,
    /// "2019-07".
    pub to: String,
}

/// One item of `breakdown --json`.
#[derive(Debug, Serialize)]
pub struct ItemJson {
    /// HS code, section numeral or partner code.
    pub code: String,
    /// Name (the file's, else the one shipped with the app).
    pub name: String,
    /// US dollars.
    pub value: f64,
    /// Percent of the total.
    pub share_pct: Option<f64>,
    /// US dollars a year earlier.
    pub previous: Option<f64>,
    /// Percent change.
    pub change_pct: Option<f64>,
    /// Contribution to the total's growth, percentage points.
    pub contribution_pp: Option<f64>,
    /// Quantity in the period, in `unit`; null where unknown (estimated, zero or missing in
    /// the file, rows in more than one unit, or no quantities at all).
    pub quantity: Option<f64>,
    /// Unit of the quantities and unit values: `kg`, or the file's supplementary unit (`u`).
    pub unit: Option<String>,
    /// US dollars per unit in the period; null where the quantity is unknown.
    pub unit_value: Option<f64>,
    /// Quantity a year earlier, in `unit`.
    pub previous_quantity: Option<f64>,
    /// US dollars per unit a year earlier.
    pub previous_unit_value: Option<f64>,
    /// (p₁ − p₀) × q₁, US dollars: the change less the volume effect.
    pub price_effect: Option<f64>,
    /// (q₁ − q₀) × p₀, US dollars.
    pub volume_effect: Option<f64>,
}

/// `other` of `breakdown --json`.
#[derive(Debug, Serialize)]
pub struct OtherJson {
    /// Figures as for an item.
    #[serde(flatten)]
    pub figures: ItemJson,
    /// Items past the top.
    pub items: usize,
    /// US dollars of the total no item holds (TOTAL above its chapters, World above its
    /// countries, chapters without headings at level 4).
    pub not_broken_down: f64,
}

fn item_json(i: &Item) -> ItemJson {
    ItemJson {
        code: i.code.clone(),
        name: i.name.clone(),
        value: i.value,
        share_pct: i.share_pct.map(round4),
        previous: i.previous,
        change_pct: i.change_pct.map(round4),
        contribution_pp: i.contribution_pp.map(round4),
        quantity: i.measure.quantity,
        unit: i.measure.unit.clone(),
        unit_value: i.measure.unit_value.map(round6),
        previous_quantity: i.measure.previous_quantity,
        previous_unit_value: i.measure.previous_unit_value.map(round6),
        price_effect: i.measure.price_effect,
        volume_effect: i.measure.volume_effect,
    }
}

/// Unit values to six decimals (a millionth of a dollar).
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Percentages to four decimals: enough for any table, free of binary noise.
fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

fn period_json(r: MonthRange) -> PeriodJson {
    PeriodJson { from: r.start.to_string(), to: r.end.to_string() }
}

/// The JSON object of a computed breakdown.
#[must_use]
pub fn breakdown_json(b: &Breakdown, sel: &Selection, sample: bool) -> BreakdownJson {
    let months = |v: &[YearMonth]| v.iter().map(ToString::to_string).collect();
    BreakdownJson {
        sample,
        by: match b.by {
            By::Commodity => "commodity",
            By::Partner => "partner",
        },
        level: b.level.as_arg(),
        flow: b.flow.as_str(),
        reporter: sel.reporter.clone(),
        partner: if b.by == By::Partner { None } else { sel.partner.clone() },
        commodity: sel.commodity.clone(),
        period: period_json(b.period.months()),
        previous_period: period_json(b.period.year_earlier().months()),
        total: b.total,
        previous_total: b.previous_total,
        change_pct: b.change_pct().map(round4),
        missing_year_earlier: months(&b.missing_year_earlier),
        missing_now: months(&b.missing_now),
        items: b.items.iter().map(item_json).collect(),
        other: OtherJson {
            figures: item_json(&b.other.figures),
            items: b.other.items,
            not_broken_down: b.other.not_broken_down,
        },
    }
}

/// What the arguments ask for; a message when one cannot be used.
fn request(args: &BreakdownArgs, data: &Dataset, mut sel: Selection) -> Result<Request, String> {
    let level = Level::parse(&args.level)
        .ok_or_else(|| format!("--level: expected section, 1, 2, 4 or 6, found {:?}", args.level))?;
    let flow = Flow::parse(&args.flow)
        .ok_or_else(|| format!("--flow: expected export, import or turnover, found {:?}", args.flow))?;
    for (value, field) in [(&args.reporter, &mut sel.reporter), (&args.partner, &mut sel.partner)] {
        if value.is_some() {
            field.clone_from(value);
        }
    }
    sel.commodity.clone_from(&args.commodity);
    sel.range = None;
    sel.compare.clear();
    let month = |flag: &str, text: &str| {
        YearMonth::parse(text).map_err(|_| format!("--{flag}: expected a month YYYY-MM, found {text:?}"))
    };
    let period = match (args.year, args.from.as_deref(), args.to.as_deref()) {
        (Some(y), _, _) => PeriodChoice::Year(y),
        (None, Some(from), Some(to)) => {
            PeriodChoice::Months(MonthRange::new(month("from", from)?, month("to", to)?))
        }
        _ => {
            let mut all = sel.clone();
            if args.by == BreakdownBy::Partner {
                all.partner = None;
            }
            default_period(&aggregate(data, &all), flow)
                .ok_or_else(|| format!("no {flow} data for this selection: nothing to break down"))?
        }
    };
    let by = match args.by {
        BreakdownBy::Commodity => By::Commodity,
        BreakdownBy::Partner => By::Partner,
    };
    Ok(Request { by, level, flow, period, top: args.top, products: Vec::new(), selection: sel })
}

/// Runs `tradedash breakdown`.
pub(super) fn run(args: &BreakdownArgs, options: &ImportOptions) -> ExitCode {
    let (workspace, _) = match super::open_input(args.input.as_deref(), options, args.lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let empty = Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let req = match request(args, data, workspace.selection.clone()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    if args.by == BreakdownBy::Partner && args.partner.is_some() {
        eprintln!("tradedash: --partner is not used by --by partner (every partner is ranked)");
    }
    let lang = if args.lang == Lang::En { NameLang::En } else { NameLang::Ru };
    let b = breakdown(data, &req, lang);
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        serde_json::to_string_pretty(&breakdown_json(&b, &req.selection, workspace.data.sample))
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        write_text(&mut out, &workspace.data.label, workspace.data.sample, &req, &b)
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

fn pct(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "—".to_owned(), |v| format!("{v:+.1}{unit}"))
}

fn write_text(
    out: &mut impl Write,
    label: &str,
    sample: bool,
    req: &Request,
    b: &Breakdown,
) -> std::io::Result<()> {
    writeln!(out, "{label}")?;
    if sample {
        writeln!(out, "SAMPLE DATA: illustrative figures, not statistics.")?;
    }
    let sel = &req.selection;
    let what = match b.by {
        By::Commodity => format!("commodities at level {}", b.level.as_arg()),
        By::Partner => "partners".to_owned(),
    };
    writeln!(
        out,
        "{} {what}, {}; reporter: {}, partner: {}{}",
        b.flow.as_str(),
        b.period.label(),
        sel.reporter.as_deref().unwrap_or("all"),
        if b.by == By::Partner { "each" } else { sel.partner.as_deref().unwrap_or("all") },
        sel.commodity.as_deref().map_or_else(String::new, |c| format!(", commodity: {c}")),
    )?;
    let earlier = b.period.year_earlier().label();
    match b.previous_total {
        Some(p) => writeln!(
            out,
            "total {} ({} on {earlier}: {})",
            usd_exact(b.total),
            pct(b.change_pct(), "%"),
            usd_exact(p)
        )?,
        None => writeln!(
            out,
            "total {} (no comparison with {earlier}: not the same months of data)",
            usd_exact(b.total)
        )?,
    }
    writeln!(
        out,
        "\n{:<8} {:<40} {:>18} {:>7} {:>18} {:>8} {:>8}",
        "code", "name", "value", "share", "a year earlier", "change", "contrib"
    )?;
    let line = |out: &mut dyn Write, code: &str, name: &str, i: &Item| {
        let name: String = name.chars().take(40).collect();
        writeln!(
            out,
            "{code:<8} {name:<40} {:>18} {:>7} {:>18} {:>8} {:>8}",
            usd_exact(i.value),
            i.share_pct.map_or_else(|| "—".to_owned(), |s| format!("{s:.1}%")),
            i.previous.map_or_else(|| "—".to_owned(), usd_exact),
            pct(i.change_pct, "%"),
            pct(i.contribution_pp, "pp"),
        )
    };
    for i in &b.items {
        line(out, &i.code, &i.name, i)?;
    }
    if b.other.figures.value != 0.0 || b.other.figures.previous.is_some_and(|p| p != 0.0) {
        line(out, "", &format!("other ({} more items)", b.other.items), &b.other.figures)?;
        if b.other.not_broken_down != 0.0 {
            writeln!(
                out,
                "  of which not broken down at this level (TOTAL or World above its parts): {}",
                usd_exact(b.other.not_broken_down)
            )?;
        }
    }
    write_measures(out, b)
}

/// Quantities, unit values and the price and volume effects, for the items that have a unit.
fn write_measures(out: &mut impl Write, b: &Breakdown) -> std::io::Result<()> {
    if b.items.iter().all(|i| i.measure.unit.is_none()) {
        return Ok(());
    }
    writeln!(
        out,
        "\nprices and volumes (volume effect = (q1 - q0) x p0, price effect = (p1 - p0) x q1; \
         unknown: estimated, zero or missing quantities, or mixed units)"
    )?;
    writeln!(
        out,
        "{:<8} {:>16} {:>16} {:>14} {:>14} {:>16} {:>16}",
        "code", "quantity", "a year earlier", "unit value", "a year earlier", "price effect", "volume effect"
    )?;
    let num = |v: Option<f64>| v.map_or_else(|| "unknown".to_owned(), |v| format!("{v:.0}"));
    let money = |v: Option<f64>| v.map_or_else(|| "unknown".to_owned(), usd_exact);
    for i in &b.items {
        let m = &i.measure;
        let Some(unit) = &m.unit else { continue };
        let per = |v: Option<f64>| v.map_or_else(|| "unknown".to_owned(), |v| format!("{v:.2}/{unit}"));
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>14} {:>14} {:>16} {:>16}",
            i.code,
            format!("{} {unit}", num(m.quantity)),
            format!("{} {unit}", num(m.previous_quantity)),
            per(m.unit_value),
            per(m.previous_unit_value),
            money(m.price_effect),
            money(m.volume_effect),
        )?;
    }
    Ok(())
}
