//! The chart panel's words built from model data in the reader's language: measure and view
//! names, month spans, and the KPI strip's lines. English is the model's own text, byte for
//! byte (`Kpi::headline` and its siblings, which the command line and tests read); Russian and
//! Kazakh come from the `kpi-*` messages with ICU's digits and month names.

use super::format::MonthStyle;
use super::{Lang, tr};
use crate::model::chart::{ChartView, Measure};
use crate::model::format as fmt;
use crate::model::kpi::Kpi;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::FlowSums;

/// "Exports", "Экспорт", "Экспорт".
#[must_use]
pub fn measure(lang: Lang, m: Measure) -> String {
    tr(
        lang,
        match m {
            Measure::Exports => "measure-exports",
            Measure::Imports => "measure-imports",
            Measure::Turnover => "measure-turnover",
            Measure::Balance => "measure-balance",
        },
    )
}

/// The view selector's caption: "Monthly", "Помесячно".
#[must_use]
pub fn view_caption(lang: Lang, v: ChartView) -> String {
    tr(
        lang,
        match v {
            ChartView::Monthly => "view-monthly",
            ChartView::Yoy => "view-yoy",
            ChartView::Ytd => "view-ytd",
            ChartView::Rolling => "view-rolling",
            ChartView::Quarterly => "view-quarterly",
            ChartView::Annual => "view-annual",
        },
    )
}

/// What the chart title says the view shows: "monthly trade", "помесячная торговля".
#[must_use]
pub fn view_title(lang: Lang, v: ChartView) -> String {
    tr(
        lang,
        match v {
            ChartView::Monthly => "view-title-monthly",
            ChartView::Yoy => "view-title-yoy",
            ChartView::Ytd => "view-title-ytd",
            ChartView::Rolling => "view-title-rolling",
            ChartView::Quarterly => "view-title-quarterly",
            ChartView::Annual => "view-title-annual",
        },
    )
}

/// A month: "Jul 2018", "июль 2018", "шілде 2018" (English as the model writes it).
#[must_use]
pub fn month(lang: Lang, m: YearMonth) -> String {
    if lang == Lang::En { m.label() } else { fmt::month_year(lang, m.year, m.month, MonthStyle::Long) }
}

/// Months: "Jan–Jul 2018", "январь–июль 2018".
#[must_use]
pub fn span(lang: Lang, r: MonthRange) -> String {
    if lang == Lang::En {
        r.label()
    } else {
        fmt::month_span(lang, (r.start.year, r.start.month), (r.end.year, r.end.month), MonthStyle::Long)
    }
}

fn value(lang: Lang, kpi: &Kpi, sums: &FlowSums) -> String {
    kpi.measure.value(sums).map_or_else(|| tr(lang, "summary-not-in-file"), |v| fmt::usd_in(lang, v))
}

/// The year-to-date card: `Kpi::headline` in `lang`.
#[must_use]
pub fn kpi_headline(lang: Lang, kpi: &Kpi) -> String {
    if lang == Lang::En {
        return kpi.headline();
    }
    let range = span(lang, kpi.range);
    let previous = span(lang, kpi.previous);
    let value = value(lang, kpi, &kpi.sums);
    let mut text = match (kpi.measure, kpi.turnover_change) {
        (Measure::Turnover, Some(c)) => {
            tr!(
                lang,
                "kpi-headline",
                range = range,
                value = value,
                change = fmt::pct_change_in(lang, c),
                previous = previous
            )
        }
        (Measure::Turnover, None) => {
            tr!(lang, "kpi-headline-no-previous", range = range, value = value, previous = previous)
        }
        (m, c) => tr!(
            lang,
            "kpi-headline-measure",
            range = range,
            measure = measure(lang, m),
            value = value,
            change = c.map_or_else(|| "none".to_owned(), |c| fmt::pct_change_in(lang, c)),
            previous = previous
        ),
    };
    if kpi.turnover_change.is_some() && !kpi.left_out.is_empty() {
        let months: Vec<String> = kpi.left_out.iter().map(|m| month(lang, *m)).collect();
        let present = kpi.range.len_months() - kpi.left_out.len();
        text.push_str(&tr!(lang, "kpi-left-out", count = present, months = months.join(", ")));
    }
    if let Some(flow) = kpi.missing_flow {
        let flow = measure(lang, if flow == "imports" { Measure::Imports } else { Measure::Exports });
        text.push_str(&tr!(lang, "kpi-missing-flow", flow = flow));
    }
    text
}

/// The latest-month card: `Kpi::latest_line` in `lang`.
#[must_use]
pub fn kpi_latest(lang: Lang, kpi: &Kpi) -> String {
    if lang == Lang::En {
        return kpi.latest_line();
    }
    let mut m = month(lang, kpi.latest);
    if kpi.measure != Measure::Turnover {
        m = format!("{m}, {}", measure(lang, kpi.measure).to_lowercase());
    }
    let value = value(lang, kpi, &kpi.latest_sums);
    match kpi.latest_change {
        Some(c) => tr!(
            lang,
            "kpi-latest",
            month = m,
            value = value,
            change = fmt::pct_change_in(lang, c),
            previous = month(lang, kpi.latest.year_earlier())
        ),
        None => tr!(lang, "kpi-latest-no-previous", month = m, value = value),
    }
}

/// The balance card: `Kpi::balance_line` in `lang`.
#[must_use]
pub fn kpi_balance(lang: Lang, kpi: &Kpi) -> Option<String> {
    if lang == Lang::En {
        return kpi.balance_line();
    }
    let b = kpi.sums.balance_usd()?;
    Some(tr!(lang, "kpi-balance", range = span(lang, kpi.range), value = fmt::usd_in(lang, b)))
}
