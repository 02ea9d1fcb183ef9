//! 1. Key figures, each with its source.

use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::kpi::Kpi;
use crate::model::query::{Aggregate, Selection};
use crate::model::table::{full_year, year_basis};
use crate::model::workspace::Workspace;

use super::super::BriefOptions;
use super::super::page::{Layout, Rgb, TEXT_W, Weight};

use super::*;

pub(super) fn key_figures(
    l: &mut Layout,
    ws: &Workspace,
    data: &Dataset,
    sel: &Selection,
    agg: &Aggregate,
    opts: &BriefOptions,
) {
    let lang = opts.lang;
    l.heading(lang.t("sec-key-figures"), 80.0);
    l.paragraph(
        &format!("{}: {}", lang.t("kf-selection"), scope_label(data, sel, lang)),
        BODY,
        Rgb::WEAK,
        Weight::Regular,
        0.0,
    );
    l.gap(4.0);
    let computed = match &ws.data.path {
        Some(p) => format!("{} {} ({})", lang.t("kf-computed-from"), ws.data.label, p.display()),
        None => format!("{} {}", lang.t("kf-computed-from"), ws.data.label),
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    match Kpi::year_to_date(agg, sel.range) {
        Some(k) => {
            // Turnover is unknown when the file holds one flow only.
            let money = |v: Option<f64>| v.map_or_else(|| lang.t("it-not-in-data").to_owned(), format::usd);
            let change = |c: Option<f64>, before: String| match c {
                Some(c) => format!("{} {} {before}", format::pct_change(c), lang.t("kf-on")),
                None => lang.t("kf-no-compare").to_owned(),
            };
            rows.push(vec![
                format!("{}, {}", lang.t("kf-ytd"), k.range.label()),
                format!(
                    "{}\n{}",
                    money(k.sums.turnover_usd()),
                    change(k.turnover_change, k.previous.label())
                ),
                computed.clone(),
            ]);
            rows.push(vec![
                format!("{}, {}", lang.t("kf-latest-month"), k.latest.label()),
                format!(
                    "{}\n{}",
                    money(k.latest_sums.turnover_usd()),
                    change(k.latest_change, k.latest.year_earlier().label())
                ),
                computed.clone(),
            ]);
            if let Some(y) = agg.years.last() {
                let basis = year_basis(agg, y);
                rows.push(vec![
                    format!("{}, {} ({basis})", lang.t("kf-latest-year"), y.year),
                    money(y.sums.turnover_usd()),
                    computed.clone(),
                ]);
                if !full_year(y) {
                    notes.push(format!("{}: {} ({basis}).", y.year, lang.t("kf-part-year")));
                }
            }
            rows.push(vec![
                format!("{}, {}", lang.t("kf-balance"), k.range.label()),
                k.sums.balance_usd().map_or_else(|| lang.t("kf-turnover-only").to_owned(), format::usd),
                computed.clone(),
            ]);
        }
        None => notes.push(lang.t("kf-no-data").to_owned()),
    }
    for r in &ws.reported {
        let value = match r.change {
            Some(c) => format!("{}\n{}", format::usd(r.value_usd), format::pct_change(c)),
            None => format::usd(r.value_usd),
        };
        let mut source = format!("{} {}", lang.t("kf-published"), r.source.trim());
        if r.derived_from_growth {
            source = format!("{}; {source}", lang.t("kf-derived"));
        }
        if !r.reported_by.trim().is_empty() {
            source = format!("{} {}; {source}", lang.t("kf-reported-by"), r.reported_by.trim());
        }
        rows.push(vec![r.title(), value, source]);
    }
    if !rows.is_empty() {
        let header = [
            lang.t("kf-figure").to_owned(),
            lang.t("kf-value").to_owned(),
            lang.t("chart-source").to_owned(),
        ];
        table(l, &[150.0, 120.0, TEXT_W - 270.0], &header, &rows, BODY);
    }
    if opts.rows_skipped > 0 {
        notes.push(lang.t("kf-skipped").replace("{n}", &format::thousands(opts.rows_skipped)));
    }
    if ws.data.sample {
        notes.push(lang.t("sample-banner").to_owned());
    }
    l.gap(4.0);
    for n in notes {
        l.paragraph(&n, SMALL, Rgb::WEAK, Weight::Regular, 0.0);
    }
}
