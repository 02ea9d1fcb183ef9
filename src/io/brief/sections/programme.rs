//! 4. The programme of the visit by day, with each stop's products and their figures.

use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::growth::{ytd, ytd_range};
use crate::model::itinerary::{StopKind, StopStatus, Visit};
use crate::model::query::{Selection, aggregate};
use crate::model::workspace::Workspace;

use super::super::page::{Layout, Rgb, TEXT_W, Weight};
use super::super::strings::Lang;

use super::*;

/// A stop's products: each HS code with its latest month and year to date in the data (turnover
/// between the workspace's reporter and partner), or "not in the data".
fn product_figures(ws: &Workspace, data: &Dataset, codes: &[String], lang: Lang) -> String {
    if codes.is_empty() {
        return lang.t("brief-it-no-products").to_owned();
    }
    codes
        .iter()
        .map(|code| {
            let name = data
                .commodities()
                .iter()
                .find(|c| c.code == *code && !c.name.trim().is_empty())
                .map_or_else(|| format!("HS {code}"), |c| format!("HS {code} {}", c.name.trim()));
            let sel = Selection {
                commodity: Some(code.clone()),
                range: None,
                compare: Vec::new(),
                ..ws.selection.clone()
            };
            let agg = aggregate(data, &sel);
            // Turnover is unknown when the file holds one flow only.
            let money = |v: Option<f64>| {
                v.map_or_else(|| lang.t("brief-it-not-in-data").to_owned(), |v| format::usd_in(lang, v))
            };
            match agg.months.last() {
                Some(last) => {
                    let ytd = ytd(&agg, last.period).map_or_else(String::new, |s| {
                        format!(
                            "; {} {}: {}",
                            lang.t("brief-it-ytd"),
                            span_text(lang, ytd_range(last.period)),
                            money(s.turnover_usd())
                        )
                    });
                    format!(
                        "{name}: {} {}: {}{ytd}",
                        lang.t("brief-it-latest"),
                        month_text(lang, last.period),
                        money(last.sums.turnover_usd())
                    )
                }
                None => match agg.years.last() {
                    Some(y) => format!("{name}: {}: {}", y.year, money(y.sums.turnover_usd())),
                    None => format!("{name}: {}", lang.t("brief-it-not-in-data")),
                },
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn kind_key(kind: StopKind) -> &'static str {
    match kind {
        StopKind::Enterprise => "brief-kind-enterprise",
        StopKind::University => "brief-kind-university",
        StopKind::Memorial => "brief-kind-memorial",
        StopKind::Nature => "brief-kind-nature",
        StopKind::Meeting => "brief-kind-meeting",
        StopKind::Travel => "brief-kind-travel",
    }
}

fn status_key(status: StopStatus) -> &'static str {
    match status {
        StopStatus::Planned => "brief-status-planned",
        StopStatus::Confirmed => "brief-status-confirmed",
        StopStatus::Done => "brief-status-done",
        StopStatus::Cancelled => "brief-status-cancelled",
    }
}

pub(super) fn itinerary(l: &mut Layout, ws: &Workspace, data: &Dataset, visit: Option<&Visit>, lang: Lang) {
    l.heading(lang.t("brief-sec-itinerary"), 80.0);
    let Some(v) = visit else {
        l.paragraph(lang.t("brief-no-visit"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    };
    l.paragraph(&format!("{}, {}", v.title, v.dates_label()), BODY + 1.0, Rgb::TEXT, Weight::Regular, 0.0);
    if !v.notes.trim().is_empty() {
        l.paragraph(v.notes.trim(), SMALL, Rgb::WEAK, Weight::Regular, 0.0);
    }
    let header = [
        lang.t("brief-it-time").to_owned(),
        lang.t("brief-it-stop").to_owned(),
        lang.t("brief-it-products").to_owned(),
    ];
    let widths = [70.0, 190.0, TEXT_W - 260.0];
    for (day, date) in v.days().into_iter().enumerate() {
        l.need(60.0);
        l.gap(8.0);
        l.paragraph(
            &format!("{} {} — {}", lang.t("brief-it-day"), day + 1, date_text(date, lang)),
            BODY + 1.0,
            Rgb::TEXT,
            Weight::Bold,
            0.0,
        );
        let stops = v.stops_on(date);
        if stops.is_empty() {
            l.paragraph(lang.t("brief-it-no-stops"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
            continue;
        }
        let rows: Vec<Vec<String>> = stops
            .into_iter()
            .map(|i| {
                let s = &v.stops[i];
                let time = if s.placeholder_times {
                    format!("{}\n({})", s.time_label(), lang.t("brief-it-times-tbc"))
                } else {
                    s.time_label()
                };
                let mut stop = s.name().to_owned();
                if !s.place.trim().is_empty() && !stop.contains(s.place.trim()) {
                    stop.push_str(&format!(", {}", s.place.trim()));
                }
                stop.push_str(&format!("\n{} · {}", lang.t(kind_key(s.kind)), lang.t(status_key(s.status))));
                if !s.notes.trim().is_empty() {
                    stop.push_str(&format!("\n{}", s.notes.trim()));
                }
                vec![time, stop, product_figures(ws, data, &s.hs_codes, lang)]
            })
            .collect();
        table(l, &widths, &header, &rows, SMALL + 0.5);
    }
}
