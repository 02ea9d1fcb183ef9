//! 2. The monthly chart and the year-to-date chart, drawn as vector paths.

use crate::model::chart::{ChartSettings, ChartView, Measure};
use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::period::YearMonth;
use crate::model::query::{Aggregate, Selection};
use crate::model::table::{ChartInputs, Role, RowKey, ViewTable};
use crate::model::workspace::Workspace;
use crate::ui::theme;

use super::super::page::{Layout, MARGIN_X, PAGE_W, Rgb, TEXT_W, Weight, text_width};
use super::super::strings::Lang;

use super::*;

pub(super) fn measure_key(m: Measure) -> &'static str {
    match m {
        Measure::Exports => "brief-m-exports",
        Measure::Imports => "brief-m-imports",
        Measure::Turnover => "brief-m-turnover",
        Measure::Balance => "brief-m-balance",
    }
}

fn measure_color(m: Measure) -> Rgb {
    Rgb::from_egui(match m {
        Measure::Exports => theme::EXPORTS,
        Measure::Imports => theme::IMPORTS,
        Measure::Turnover => theme::TURNOVER,
        Measure::Balance => theme::BALANCE,
    })
}

/// A series colour lightened towards white, for the same figure a year earlier.
fn lighter(c: Rgb) -> Rgb {
    let mix = |v: u8| {
        // 45% of the colour, 55% white: the same weight the window's year-earlier colour uses.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let out = (f32::from(v) * 0.45 + 255.0 * 0.55).round() as u8;
        out
    };
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

fn column_name(table: &ViewTable, i: usize, lang: Lang) -> String {
    let c = &table.columns[i];
    let name = lang.t(measure_key(c.measure)).to_owned();
    match (table.view, c.role) {
        (_, Role::YearEarlier) => format!("{name}, {}", lang.t("brief-chart-a-year-earlier")),
        (ChartView::Ytd, _) => format!("{name}, {}", lang.t("brief-kf-ytd").to_lowercase()),
        _ => name,
    }
}

fn column_color(table: &ViewTable, i: usize) -> Rgb {
    let c = &table.columns[i];
    let base = measure_color(c.measure);
    if c.role == Role::YearEarlier { lighter(base) } else { base }
}

/// Round tick step for a span: 1, 2 or 5 times a power of ten, about five ticks.
fn tick_step(span: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / 5.0;
    let pow = 10f64.powf(raw.log10().floor());
    let m = raw / pow;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * pow
}

/// The value axis: ticks from a round number at or below `lo` to one at or above `hi`.
fn value_axis(lo: f64, hi: f64) -> (f64, f64, f64) {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let step = tick_step(hi - lo);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

/// Plot frame inside a box: (left, top, width, height).
struct Frame {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    lo: f64,
    hi: f64,
}

impl Frame {
    fn y_of(&self, v: f64) -> f32 {
        let t = if self.hi > self.lo { (v - self.lo) / (self.hi - self.lo) } else { 0.0 };
        #[allow(clippy::cast_possible_truncation)]
        let t = t as f32;
        self.y + self.h - t * self.h
    }
}

/// Axes, grid and value labels; returns the frame.
fn axes(l: &mut Layout, top: f32, height: f32, lo: f64, hi: f64, lang: Lang) -> Frame {
    let (lo, hi, step) = value_axis(lo, hi);
    let frame = Frame { x: MARGIN_X + 52.0, y: top, w: TEXT_W - 52.0, h: height, lo, hi };
    let mut v = lo;
    let mut guard = 0;
    while v <= hi + step * 0.01 && guard < 50 {
        let y = frame.y_of(v);
        let zero = v.abs() < step * 1e-6;
        l.line(
            vec![(frame.x, y), (frame.x + frame.w, y)],
            if zero { 0.8 } else { 0.4 },
            if zero { Rgb::WEAK } else { Rgb::GRID },
            false,
        );
        let label = format::usd_short_in(lang, if zero { 0.0 } else { v });
        let w = text_width(&label, SMALL);
        l.text_at(frame.x - 6.0 - w, y + SMALL * 0.35, SMALL, &label, Rgb::WEAK, Weight::Regular);
        v += step;
        guard += 1;
    }
    l.line(vec![(frame.x, frame.y), (frame.x, frame.y + frame.h)], 0.6, Rgb::WEAK, false);
    frame
}

/// Month labels under the plot at `xs` (one per row), thinned to about a dozen; the year
/// under January and the first label.
fn month_labels(l: &mut Layout, frame: &Frame, months: &[(YearMonth, f32)], lang: Lang) {
    let every = months.len().div_ceil(12).max(1);
    for (i, (m, x)) in months.iter().enumerate() {
        if i % every != 0 && m.month != 1 {
            continue;
        }
        let name = crate::i18n::format::month_name(lang, m.month, crate::i18n::format::MonthStyle::Short);
        let text = name.as_deref().unwrap_or_else(|| m.month_abbr());
        let y = frame.y + frame.h + 11.0;
        l.line(vec![(*x, frame.y + frame.h), (*x, frame.y + frame.h + 3.0)], 0.5, Rgb::WEAK, false);
        l.text_at(x - text_width(text, SMALL) / 2.0, y, SMALL, text, Rgb::WEAK, Weight::Regular);
        if m.month == 1 || i == 0 {
            let year = m.year.to_string();
            l.text_at(x - text_width(&year, SMALL) / 2.0, y + 10.0, SMALL, &year, Rgb::WEAK, Weight::Bold);
        }
    }
}

fn legend(l: &mut Layout, items: &[(String, Rgb, bool)]) {
    let mut x = MARGIN_X + 52.0;
    l.need(16.0);
    let y = l.y + 10.0;
    for (name, color, bar) in items {
        let w = text_width(name, SMALL);
        if x + 22.0 + w > PAGE_W - MARGIN_X {
            x = MARGIN_X + 52.0;
            l.y += 12.0;
        }
        let y = y.max(l.y + 10.0);
        if *bar {
            l.rect(x, y - 6.0, 12.0, 7.0, *color);
        } else {
            l.line(vec![(x, y - 3.0), (x + 14.0, y - 3.0)], 2.0, *color, false);
        }
        l.text_at(x + 18.0, y, SMALL, name, Rgb::TEXT, Weight::Regular);
        x += 30.0 + w;
    }
    l.y += 18.0;
}

fn caption(l: &mut Layout, text: &str) {
    l.paragraph(text, SMALL, Rgb::WEAK, Weight::Regular, 0.0);
}

fn chart_inputs<'a>(
    sel: &'a Selection,
    settings: &'a ChartSettings,
    data: &'a Dataset,
    agg: &'a Aggregate,
) -> ChartInputs<'a> {
    ChartInputs { selection: sel, settings, dataset: data, aggregate: agg, compared: &[], mirror: None }
}

pub(super) fn charts(
    l: &mut Layout,
    ws: &Workspace,
    data: &Dataset,
    sel: &Selection,
    agg: &Aggregate,
    lang: Lang,
) {
    const CHART_H: f32 = 190.0;
    l.heading(lang.t("brief-sec-charts"), CHART_H + 60.0);
    let mut monthly = ChartSettings { view: ChartView::Monthly, mirror: false, ..ws.chart.clone() };
    if monthly.measures().is_empty() {
        (monthly.exports, monthly.imports, monthly.turnover) = (true, true, true);
    }
    let table = chart_inputs(sel, &monthly, data, agg).table();
    let scope = scope_label(data, sel, lang);
    let source = format!("{}: {}", lang.t("brief-chart-source"), ws.data.label);
    if table.rows.is_empty() {
        l.paragraph(lang.t("brief-chart-no-data"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    }
    line_chart(l, &table, CHART_H, lang);
    caption(
        l,
        &format!("{}: {scope}; {}. {source}", lang.t("brief-chart-monthly"), lang.t("brief-chart-usd")),
    );

    let ytd_settings = ChartSettings {
        view: ChartView::Ytd,
        exports: false,
        imports: false,
        turnover: true,
        balance: false,
        mirror: false,
        ..ws.chart.clone()
    };
    let ytd = chart_inputs(sel, &ytd_settings, data, agg).table();
    l.need(CHART_H + 90.0);
    l.gap(14.0);
    ytd_bars(l, &ytd, CHART_H, lang);
    caption(l, &format!("{}: {scope}; {}. {source}", lang.t("brief-chart-ytd"), lang.t("brief-chart-usd")));
}

fn line_chart(l: &mut Layout, table: &ViewTable, height: f32, lang: Lang) {
    l.need(height + 60.0);
    let values = table.rows.iter().flat_map(|r| r.values.iter().flatten().copied());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let top = l.y + 6.0;
    let frame = axes(l, top, height, lo, hi, lang);
    let n = table.rows.len();
    #[allow(clippy::cast_precision_loss)]
    let x_of =
        |i: usize| frame.x + 8.0 + (frame.w - 16.0) * if n > 1 { i as f32 / (n - 1) as f32 } else { 0.5 };
    for c in 0..table.columns.len() {
        let color = column_color(table, c);
        let mut run: Vec<(f32, f32)> = Vec::new();
        let mut prev: Option<RowKey> = None;
        for (i, row) in table.rows.iter().enumerate() {
            let follows = prev.is_some_and(|p| p.is_followed_by(row.key));
            match row.values.get(c).copied().flatten() {
                Some(v) if follows || run.is_empty() => run.push((x_of(i), frame.y_of(v))),
                Some(v) => {
                    flush(l, &mut run, color);
                    run.push((x_of(i), frame.y_of(v)));
                }
                None => flush(l, &mut run, color),
            }
            prev = Some(row.key);
        }
        flush(l, &mut run, color);
    }
    let months: Vec<(YearMonth, f32)> = table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r.key {
            RowKey::Month(m) => Some((m, x_of(i))),
            RowKey::Year(_) => None,
        })
        .collect();
    month_labels(l, &frame, &months, lang);
    l.y = frame.y + frame.h + 26.0;
    let items: Vec<(String, Rgb, bool)> = (0..table.columns.len())
        .map(|c| (column_name(table, c, lang), column_color(table, c), false))
        .collect();
    legend(l, &items);
}

fn flush(l: &mut Layout, run: &mut Vec<(f32, f32)>, color: Rgb) {
    match run.len() {
        0 => {}
        1 => {
            let (x, y) = run[0];
            l.rect(x - 1.5, y - 1.5, 3.0, 3.0, color);
        }
        _ => l.line(run.clone(), 1.6, color, false),
    }
    run.clear();
}

/// Grouped bars of the year to date for the months of the latest year in the table: the
/// current figure beside the same months a year earlier.
fn ytd_bars(l: &mut Layout, table: &ViewTable, height: f32, lang: Lang) {
    let Some(last_year) = table.rows.iter().rev().find_map(|r| match r.key {
        RowKey::Month(m) => Some(m.year),
        RowKey::Year(_) => None,
    }) else {
        l.paragraph(lang.t("brief-chart-no-data"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    };
    let rows: Vec<_> =
        table.rows.iter().filter(|r| matches!(r.key, RowKey::Month(m) if m.year == last_year)).collect();
    let values = rows.iter().flat_map(|r| r.values.iter().flatten().copied());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let top = l.y + 6.0;
    let frame = axes(l, top, height, lo, hi, lang);
    #[allow(clippy::cast_precision_loss)]
    let slot = frame.w / rows.len().max(1) as f32;
    #[allow(clippy::cast_precision_loss)]
    let cols = table.columns.len().max(1) as f32;
    let bar_w = (slot * 0.8 / cols).min(18.0);
    let mut months = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let centre = frame.x + slot * (i as f32 + 0.5);
        let start = centre - bar_w * cols / 2.0;
        for (c, v) in row.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let (y0, y1) = (frame.y_of(0.0), frame.y_of(v));
            #[allow(clippy::cast_precision_loss)]
            let x = start + bar_w * c as f32;
            l.rect(x, y1.min(y0), bar_w - 1.0, (y0 - y1).abs(), column_color(table, c));
        }
        if let RowKey::Month(m) = row.key {
            months.push((m, centre));
        }
    }
    month_labels(l, &frame, &months, lang);
    l.y = frame.y + frame.h + 26.0;
    let items: Vec<(String, Rgb, bool)> = (0..table.columns.len())
        .map(|c| (column_name(table, c, lang), column_color(table, c), true))
        .collect();
    legend(l, &items);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_values() {
        assert_eq!(tick_step(9_000_000.0), 2_000_000.0);
        assert_eq!(value_axis(0.0, 8_912_000.0), (0.0, 10_000_000.0, 2_000_000.0));
        let (lo, hi, step) = value_axis(-3.0, 7.0);
        assert!(lo <= -3.0 && hi >= 7.0 && step > 0.0);
    }
}
