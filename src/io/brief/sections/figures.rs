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
    l.heading(lang.t("brief-sec-key-figures"), 80.0);
    l.paragraph(
        &format!("{}: {}", lang.t("brief-kf-selection"), scope_label(data, sel, lang)),
        BODY,
        Rgb::WEAK,
        Weight::Regular,
        0.0,
    );
    l.gap(4.0);
    let computed = match &ws.data.path {
        Some(p) => format!("{} {} ({})", lang.t("brief-kf-computed-from"), ws.data.label, p.display()),
        None => format!("{} {}", lang.t("brief-kf-computed-from"), ws.data.label),
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    match Kpi::year_to_date(agg, sel.range) {
        Some(k) => {
            // Turnover is unknown when the file holds one flow only.
            let money = |v: Option<f64>| {
                v.map_or_else(|| lang.t("brief-it-not-in-data").to_owned(), |v| format::usd_in(lang, v))
            };
            let change = |c: Option<f64>, before: String| match c {
                Some(c) => format!("{} {} {before}", format::pct_change_in(lang, c), lang.t("brief-kf-on")),
                None => lang.t("brief-kf-no-compare").to_owned(),
            };
            rows.push(vec![
                format!("{}, {}", lang.t("brief-kf-ytd"), span_text(lang, k.range)),
                format!(
                    "{}\n{}",
                    money(k.sums.turnover_usd()),
                    change(k.turnover_change, span_text(lang, k.previous))
                ),
                computed.clone(),
            ]);
            rows.push(vec![
                format!("{}, {}", lang.t("brief-kf-latest-month"), month_text(lang, k.latest)),
                format!(
                    "{}\n{}",
                    money(k.latest_sums.turnover_usd()),
                    change(k.latest_change, month_text(lang, k.latest.year_earlier()))
                ),
                computed.clone(),
            ]);
            if let Some(y) = agg.years.last() {
                let basis = year_basis(agg, y);
                rows.push(vec![
                    format!("{}, {} ({basis})", lang.t("brief-kf-latest-year"), y.year),
                    money(y.sums.turnover_usd()),
                    computed.clone(),
                ]);
                if !full_year(y) {
                    notes.push(format!("{}: {} ({basis}).", y.year, lang.t("brief-kf-part-year")));
                }
            }
            rows.push(vec![
                format!("{}, {}", lang.t("brief-kf-balance"), span_text(lang, k.range)),
                k.sums
                    .balance_usd()
                    .map_or_else(|| lang.t("brief-kf-turnover-only").to_owned(), |v| format::usd_in(lang, v)),
                computed.clone(),
            ]);
        }
        None => notes.push(lang.t("brief-kf-no-data").to_owned()),
    }
    for r in &ws.reported {
        let value = match r.change {
            Some(c) => format!("{}\n{}", format::usd_in(lang, r.value_usd), format::pct_change_in(lang, c)),
            None => format::usd_in(lang, r.value_usd),
        };
        let mut source = format!("{} {}", lang.t("brief-kf-published"), r.source.trim());
        if r.derived_from_growth {
            source = format!("{}; {source}", lang.t("brief-kf-derived"));
        }
        if !r.reported_by.trim().is_empty() {
            source = format!("{} {}; {source}", lang.t("brief-kf-reported-by"), r.reported_by.trim());
        }
        rows.push(vec![r.title(), value, source]);
    }
    if !rows.is_empty() {
        let header = [
            lang.t("brief-kf-figure").to_owned(),
            lang.t("brief-kf-value").to_owned(),
            lang.t("brief-chart-source").to_owned(),
        ];
        table(l, &[150.0, 120.0, TEXT_W - 270.0], &header, &rows, BODY);
    }
    if opts.rows_skipped > 0 {
        notes.push(crate::tr!(lang, "brief-kf-skipped", n = format::thousands_in(lang, opts.rows_skipped)));
    }
    if ws.data.sample {
        notes.push(lang.t("brief-sample-banner").to_owned());
    }
    l.gap(4.0);
    for n in notes {
        l.paragraph(&n, SMALL, Rgb::WEAK, Weight::Regular, 0.0);
    }
}
