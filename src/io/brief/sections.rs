//! The sections of the briefing, laid out on [`Layout`] pages from the model's figures.

use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::itinerary::{StopKind, StopStatus, Visit};
use crate::model::period::YearMonth;
use crate::model::query::{Aggregate, Selection, aggregate};
use crate::model::series::{self, ChartInputs, ChartView, Measure, Role, RowKey, ViewTable};
use crate::model::target::{self, BaselineOrigin, Target, TargetStatus};
use crate::model::workspace::{ChartSettings, Workspace};
use crate::ui::theme;

use super::BriefOptions;
use super::page::{Layout, MARGIN_X, PAGE_W, Page, Rgb, TEXT_W, Weight, text_width, wrap};
use super::strings::Lang;

const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;

/// Every section, in order, on fresh pages.
pub(super) fn lay_out(
    ws: &Workspace,
    data: &Dataset,
    visit: Option<&Visit>,
    opts: &BriefOptions,
) -> Vec<Page> {
    let lang = opts.lang;
    let mut l = Layout::new();
    title_page(&mut l, ws, visit, opts);
    l.page_break();
    let sel = Selection { compare: Vec::new(), ..ws.selection.clone() };
    let agg = aggregate(data, &sel);
    key_figures(&mut l, ws, data, &sel, &agg, opts);
    charts(&mut l, ws, data, &sel, &agg, lang);
    targets(&mut l, ws, data, lang);
    itinerary(&mut l, ws, data, visit, lang);
    l.pages
}

fn scope_label(data: &Dataset, sel: &Selection, lang: Lang) -> String {
    let reporter = series::party_name(sel.reporter.as_deref(), data.reporters(), lang.t("all-reporters"));
    let partner = series::party_name(sel.partner.as_deref(), data.partners(), lang.t("all-partners"));
    let mut s = format!("{reporter} – {partner}");
    if let Some(c) = sel.commodity.as_deref() {
        s.push_str(&format!(", HS {c}"));
    }
    if let Some(r) = sel.range {
        s.push_str(&format!(", {}", r.label()));
    }
    s
}

fn date_text(d: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => d.format("%-d %B %Y").to_string(),
        Lang::Ru | Lang::Kk => d.format("%d.%m.%Y").to_string(),
    }
}

fn sample_banner(l: &mut Layout, lang: Lang) {
    let text = lang.t("sample-banner");
    let lines = wrap(text, BODY, TEXT_W - 16.0);
    #[allow(clippy::cast_precision_loss)]
    let h = lines.len() as f32 * BODY * 1.35 + 10.0;
    l.need(h + 4.0);
    l.rect(MARGIN_X, l.y, TEXT_W, h, Rgb::from_egui(theme::SAMPLE_BANNER));
    let mut y = l.y + 5.0;
    for line in lines {
        y += BODY * 1.35;
        l.text_at(
            MARGIN_X + 8.0,
            y - 3.0,
            BODY,
            &line,
            Rgb::from_egui(theme::SAMPLE_BANNER_TEXT),
            Weight::Bold,
        );
    }
    l.y += h + 8.0;
}

fn title_page(l: &mut Layout, ws: &Workspace, visit: Option<&Visit>, opts: &BriefOptions) {
    let lang = opts.lang;
    l.gap(90.0);
    l.paragraph(&lang.t("briefing").to_uppercase(), 12.0, Rgb::WEAK, Weight::Bold, 0.0);
    l.gap(6.0);
    l.paragraph(&ws.title, 24.0, Rgb::TEXT, Weight::Bold, 0.0);
    l.gap(18.0);
    if ws.data.sample {
        sample_banner(l, lang);
    }
    let mut rows: Vec<(String, String)> = Vec::new();
    match visit {
        Some(v) => {
            rows.push((lang.t("visit").into(), v.title.clone()));
            rows.push((lang.t("dates").into(), v.dates_label()));
            let people = |list: &[crate::model::itinerary::Person]| {
                if list.is_empty() {
                    return lang.t("nobody").to_owned();
                }
                list.iter()
                    .map(|p| {
                        if p.role.trim().is_empty() {
                            p.name.clone()
                        } else {
                            format!("{}, {}", p.name, p.role)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            rows.push((lang.t("delegation").into(), people(&v.delegation)));
            rows.push((lang.t("hosts").into(), people(&v.hosts)));
        }
        None => rows.push((lang.t("visit").into(), lang.t("no-visit").into())),
    }
    rows.push((lang.t("prepared").into(), date_text(opts.prepared, lang)));
    let data_label =
        if ws.data.label.trim().is_empty() { lang.t("no-data-loaded") } else { ws.data.label.as_str() };
    rows.push((lang.t("data").into(), data_label.to_owned()));
    label_rows(l, &rows, 120.0, 11.0, 0.0);
}

/// Rows of "label: value" with the values wrapped in a column; `x` indents the block.
fn label_rows(l: &mut Layout, rows: &[(String, String)], label_w: f32, size: f32, x: f32) {
    let widths = [label_w, TEXT_W - x - label_w];
    for (label, value) in rows {
        table_row(l, x, &widths, &[label.clone(), value.clone()], size, &[Rgb::WEAK, Rgb::TEXT], false);
    }
}

/// One table row at the cursor: each cell wrapped in its column; returns the row's height.
fn table_row(
    l: &mut Layout,
    x: f32,
    widths: &[f32],
    cells: &[String],
    size: f32,
    colors: &[Rgb],
    bold: bool,
) -> f32 {
    let leading = size * 1.35;
    let wrapped: Vec<Vec<String>> =
        cells.iter().zip(widths).map(|(c, w)| wrap(c, size, (w - 8.0).max(10.0))).collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    #[allow(clippy::cast_precision_loss)]
    let h = lines as f32 * leading + 5.0;
    l.need(h);
    let top = l.y;
    let mut cx = MARGIN_X + x;
    for (i, (cell, w)) in wrapped.iter().zip(widths).enumerate() {
        let color = colors.get(i).copied().unwrap_or(Rgb::TEXT);
        let mut y = top + 2.0;
        for line in cell {
            y += leading;
            l.text_at(
                cx,
                y - size * 0.3,
                size,
                line,
                color,
                if bold { Weight::Bold } else { Weight::Regular },
            );
        }
        cx += w;
    }
    l.y = top + h;
    h
}

/// A table with a header row, repeated on each page it runs onto, and rules between rows.
fn table(l: &mut Layout, widths: &[f32], header: &[String], rows: &[Vec<String>], size: f32) {
    let rule = |l: &mut Layout, w: f32| {
        let y = l.y;
        l.line(vec![(MARGIN_X, y), (MARGIN_X + TEXT_W, y)], w, Rgb::GRID, false);
    };
    let head = |l: &mut Layout| {
        table_row(l, 0.0, widths, header, size, &[Rgb::WEAK; 4], true);
        rule(l, 0.8);
    };
    l.need(size * 5.0);
    head(l);
    for row in rows {
        let page_before = l.pages.len();
        let leading = size * 1.35;
        let lines =
            row.iter().zip(widths).map(|(c, w)| wrap(c, size, (w - 8.0).max(10.0)).len()).max().unwrap_or(1);
        #[allow(clippy::cast_precision_loss)]
        l.need(lines as f32 * leading + 5.0);
        if l.pages.len() != page_before {
            head(l);
        }
        table_row(l, 0.0, widths, row, size, &[Rgb::TEXT; 4], false);
        rule(l, 0.4);
    }
}

fn key_figures(
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
    match series::Kpi::year_to_date(agg, sel.range) {
        Some(k) => {
            let change = |c: Option<f64>, before: String| match c {
                Some(c) => format!("{} {} {before}", format::pct_change(c), lang.t("kf-on")),
                None => lang.t("kf-no-compare").to_owned(),
            };
            rows.push(vec![
                format!("{}, {}", lang.t("kf-ytd"), k.range.label()),
                format!(
                    "{}\n{}",
                    format::usd(k.sums.turnover_usd()),
                    change(k.turnover_change, k.previous.label())
                ),
                computed.clone(),
            ]);
            rows.push(vec![
                format!("{}, {}", lang.t("kf-latest-month"), k.latest.label()),
                format!(
                    "{}\n{}",
                    format::usd(k.latest_sums.turnover_usd()),
                    change(k.latest_change, k.latest.year_earlier().label())
                ),
                computed.clone(),
            ]);
            if let Some(y) = agg.years.last() {
                let basis = series::year_basis(agg, y);
                rows.push(vec![
                    format!("{}, {} ({basis})", lang.t("kf-latest-year"), y.year),
                    format::usd(y.sums.turnover_usd()),
                    computed.clone(),
                ]);
                if !series::full_year(y) {
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
        rows.push(vec![
            r.label.clone(),
            value,
            format!(
                "{} {}; {} {}",
                lang.t("kf-reported-by"),
                r.reported_by,
                lang.t("kf-published"),
                r.source
            ),
        ]);
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

fn measure_key(m: Measure) -> &'static str {
    match m {
        Measure::Exports => "m-exports",
        Measure::Imports => "m-imports",
        Measure::Turnover => "m-turnover",
        Measure::Balance => "m-balance",
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
        (_, Role::YearEarlier) => format!("{name}, {}", lang.t("chart-a-year-earlier")),
        (ChartView::Ytd, _) => format!("{name}, {}", lang.t("kf-ytd").to_lowercase()),
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
fn axes(l: &mut Layout, top: f32, height: f32, lo: f64, hi: f64) -> Frame {
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
        let label = format::usd_short(if zero { 0.0 } else { v });
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
fn month_labels(l: &mut Layout, frame: &Frame, months: &[(YearMonth, f32)]) {
    let every = months.len().div_ceil(12).max(1);
    for (i, (m, x)) in months.iter().enumerate() {
        if i % every != 0 && m.month != 1 {
            continue;
        }
        let text = m.month_abbr();
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

fn charts(l: &mut Layout, ws: &Workspace, data: &Dataset, sel: &Selection, agg: &Aggregate, lang: Lang) {
    const CHART_H: f32 = 190.0;
    l.heading(lang.t("sec-charts"), CHART_H + 60.0);
    let mut monthly = ChartSettings { view: ChartView::Monthly, mirror: false, ..ws.chart.clone() };
    if monthly.measures().is_empty() {
        (monthly.exports, monthly.imports, monthly.turnover) = (true, true, true);
    }
    let table = chart_inputs(sel, &monthly, data, agg).table();
    let scope = scope_label(data, sel, lang);
    let source = format!("{}: {}", lang.t("chart-source"), ws.data.label);
    if table.rows.is_empty() {
        l.paragraph(lang.t("chart-no-data"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    }
    line_chart(l, &table, CHART_H, lang);
    caption(l, &format!("{}: {scope}; {}. {source}", lang.t("chart-monthly"), lang.t("chart-usd")));

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
    caption(l, &format!("{}: {scope}; {}. {source}", lang.t("chart-ytd"), lang.t("chart-usd")));
}

fn line_chart(l: &mut Layout, table: &ViewTable, height: f32, lang: Lang) {
    l.need(height + 60.0);
    let values = table.rows.iter().flat_map(|r| r.values.iter().flatten().copied());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let top = l.y + 6.0;
    let frame = axes(l, top, height, lo, hi);
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
    month_labels(l, &frame, &months);
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
        l.paragraph(lang.t("chart-no-data"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    };
    let rows: Vec<_> =
        table.rows.iter().filter(|r| matches!(r.key, RowKey::Month(m) if m.year == last_year)).collect();
    let values = rows.iter().flat_map(|r| r.values.iter().flatten().copied());
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let top = l.y + 6.0;
    let frame = axes(l, top, height, lo, hi);
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
    month_labels(l, &frame, &months);
    l.y = frame.y + frame.h + 26.0;
    let items: Vec<(String, Rgb, bool)> = (0..table.columns.len())
        .map(|c| (column_name(table, c, lang), column_color(table, c), true))
        .collect();
    legend(l, &items);
}

fn figure_key(label: &str) -> &'static str {
    match label {
        "Current" => "t-current",
        "Target" => "t-target",
        "Gap" => "t-gap",
        "Growth needed" => "t-growth-needed",
        "Growth observed" => "t-growth-observed",
        "Required path" => "t-required-path",
        "Target reached" => "t-reached",
        "Baseline" => "t-baseline",
        _ => "t-note",
    }
}

fn targets(l: &mut Layout, ws: &Workspace, data: &Dataset, lang: Lang) {
    l.heading(lang.t("sec-targets"), 150.0);
    if ws.targets.is_empty() {
        l.paragraph(lang.t("no-targets"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    }
    for t in &ws.targets {
        let status = target::evaluate(t, &aggregate(data, &t.selection()));
        target_block(l, t, &status, lang);
        l.gap(12.0);
    }
}

const GAUGE_W: f32 = 170.0;
const GAUGE_H: f32 = 130.0;

fn target_block(l: &mut Layout, t: &Target, status: &TargetStatus, lang: Lang) {
    let rows: Vec<(String, String)> = std::iter::once((
        lang.t("t-scope").to_owned(),
        format!(
            "{}, {}",
            t.scope_label(),
            lang.t(measure_key(match t.measure {
                target::Measure::Turnover => Measure::Turnover,
                target::Measure::Exports => Measure::Exports,
                target::Measure::Imports => Measure::Imports,
            }))
            .to_lowercase()
        ),
    ))
    .chain(target::figure_rows(t, status).into_iter().map(|(k, v)| (lang.t(figure_key(k)).to_owned(), v)))
    .collect();
    l.need(GAUGE_H + 40.0);
    l.paragraph(&t.name, 12.0, Rgb::TEXT, Weight::Bold, 0.0);
    l.gap(4.0);
    let top = l.y;
    gauge(l, t, status, MARGIN_X, top, lang);
    l.y = top;
    let widths = [100.0, TEXT_W - GAUGE_W - 100.0];
    for (label, value) in &rows {
        table_row(
            l,
            GAUGE_W,
            &widths,
            &[label.clone(), value.clone()],
            SMALL + 0.5,
            &[Rgb::WEAK, Rgb::TEXT],
            false,
        );
    }
    l.y = l.y.max(top + GAUGE_H);
    let mut notes: Vec<(String, String)> = Vec::new();
    if let BaselineOrigin::Reported { source, note } = &t.baseline.origin {
        if !source.trim().is_empty() {
            notes.push((lang.t("t-baseline-source").into(), source.trim().into()));
        }
        if !note.trim().is_empty() {
            notes.push((lang.t("t-note").into(), note.trim().into()));
        }
    }
    if !t.note.trim().is_empty() {
        notes.push((lang.t("t-note").into(), t.note.trim().into()));
    }
    for (i, n) in status.notes.iter().enumerate() {
        notes.push((if i == 0 { lang.t("t-how").into() } else { String::new() }, n.clone()));
    }
    let widths = [100.0, TEXT_W - 100.0];
    for (label, value) in notes {
        table_row(l, 0.0, &widths, &[label, value], SMALL, &[Rgb::WEAK, Rgb::WEAK], false);
    }
}

/// The window's arc gauge, drawn with vector paths: a track from zero to the target, the
/// current value over it in its band's colour, the band ring outside, the required-path tick.
fn gauge(l: &mut Layout, t: &Target, status: &TargetStatus, x: f32, top: f32, lang: Lang) {
    use std::f32::consts::PI;
    const START: f32 = 150.0 / 180.0 * PI;
    const SWEEP: f32 = 240.0 / 180.0 * PI;
    let visuals = egui::Visuals::light();
    let r = 52.0;
    let thick = 12.0;
    let c = (x + GAUGE_W / 2.0 - 8.0, top + r + thick / 2.0 + 10.0);
    let arc = |radius: f32, from: f32, to: f32| -> Vec<(f32, f32)> {
        let n = 48;
        (0..=n)
            .map(|i| {
                #[allow(clippy::cast_precision_loss)]
                let a = START + SWEEP * (from + (to - from) * i as f32 / n as f32);
                (c.0 + radius * a.cos(), c.1 + radius * a.sin())
            })
            .collect()
    };
    let th = &t.thresholds;
    for (from, to, level) in [
        (0.0, th.amber_from_pct / 100.0, target::Level::Low),
        (th.amber_from_pct / 100.0, th.green_from_pct / 100.0, target::Level::Medium),
        (th.green_from_pct / 100.0, 1.0, target::Level::High),
    ] {
        #[allow(clippy::cast_possible_truncation)]
        let (from, to) = (from.clamp(0.0, 1.0) as f32, to.clamp(0.0, 1.0) as f32);
        if to > from {
            l.line(
                arc(r + thick / 2.0 + 4.0, from, to),
                2.5,
                Rgb::from_egui(theme::gauge_level(&visuals, level)),
                false,
            );
        }
    }
    l.line(arc(r, 0.0, 1.0), thick, Rgb::from_egui(theme::gauge_track(&visuals)), false);
    if let (Some(p), Some(level)) = (status.progress_pct, status.level) {
        #[allow(clippy::cast_possible_truncation)]
        let p = (p / 100.0).clamp(0.0, 1.0) as f32;
        if p > 0.0 {
            l.line(arc(r, 0.0, p), thick, Rgb::from_egui(theme::gauge_level(&visuals, level)), false);
        }
    }
    if let Some(path) = status.required_path_usd.filter(|_| t.target_usd > 0.0) {
        #[allow(clippy::cast_possible_truncation)]
        let f = (path / t.target_usd).clamp(0.0, 1.0) as f32;
        let a = START + SWEEP * f;
        let (i, o) = (r - thick / 2.0 - 3.0, r + thick / 2.0 + 3.0);
        l.line(
            vec![(c.0 + i * a.cos(), c.1 + i * a.sin()), (c.0 + o * a.cos(), c.1 + o * a.sin())],
            2.0,
            Rgb::TEXT,
            false,
        );
    }
    let (big, sub) = match (status.current_usd(), status.progress_pct) {
        (Some(v), Some(p)) => (format::usd_short(v), format!("{p:.0}% {}", lang.t("t-of-target"))),
        _ => ("—".to_owned(), lang.t("t-no-value").to_owned()),
    };
    l.text_at(c.0 - text_width(&big, 18.0) / 2.0, c.1 + 4.0, 18.0, &big, Rgb::TEXT, Weight::Bold);
    l.text_at(c.0 - text_width(&sub, SMALL) / 2.0, c.1 + 18.0, SMALL, &sub, Rgb::WEAK, Weight::Regular);
    let end = |f: f32| {
        let a = START + SWEEP * f;
        (c.0 + (r + thick / 2.0) * a.cos(), c.1 + (r + thick / 2.0) * a.sin())
    };
    let (zx, zy) = end(0.0);
    l.text_at(zx - 2.0, zy + 12.0, SMALL, "$0", Rgb::WEAK, Weight::Regular);
    let goal = format::usd_short(t.target_usd);
    let (gx, gy) = end(1.0);
    l.text_at(gx - text_width(&goal, SMALL) + 2.0, gy + 12.0, SMALL, &goal, Rgb::WEAK, Weight::Regular);
}

/// A stop's products: each HS code with its latest month and year to date in the data (turnover
/// between the workspace's reporter and partner), or "not in the data".
fn product_figures(ws: &Workspace, data: &Dataset, codes: &[String], lang: Lang) -> String {
    if codes.is_empty() {
        return lang.t("it-no-products").to_owned();
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
            match agg.months.last() {
                Some(last) => {
                    let ytd = series::ytd(&agg, last.period).map_or_else(String::new, |s| {
                        format!(
                            "; {} {}: {}",
                            lang.t("it-ytd"),
                            series::ytd_range(last.period).label(),
                            format::usd(s.turnover_usd())
                        )
                    });
                    format!(
                        "{name}: {} {}: {}{ytd}",
                        lang.t("it-latest"),
                        last.period.label(),
                        format::usd(last.sums.turnover_usd())
                    )
                }
                None => match agg.years.last() {
                    Some(y) => format!("{name}: {}: {}", y.year, format::usd(y.sums.turnover_usd())),
                    None => format!("{name}: {}", lang.t("it-not-in-data")),
                },
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn kind_key(kind: StopKind) -> &'static str {
    match kind {
        StopKind::Enterprise => "kind-enterprise",
        StopKind::University => "kind-university",
        StopKind::Memorial => "kind-memorial",
        StopKind::Nature => "kind-nature",
        StopKind::Meeting => "kind-meeting",
        StopKind::Travel => "kind-travel",
    }
}

fn status_key(status: StopStatus) -> &'static str {
    match status {
        StopStatus::Planned => "status-planned",
        StopStatus::Confirmed => "status-confirmed",
        StopStatus::Done => "status-done",
        StopStatus::Cancelled => "status-cancelled",
    }
}

fn itinerary(l: &mut Layout, ws: &Workspace, data: &Dataset, visit: Option<&Visit>, lang: Lang) {
    l.heading(lang.t("sec-itinerary"), 80.0);
    let Some(v) = visit else {
        l.paragraph(lang.t("no-visit"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
        return;
    };
    l.paragraph(&format!("{}, {}", v.title, v.dates_label()), BODY + 1.0, Rgb::TEXT, Weight::Regular, 0.0);
    if !v.notes.trim().is_empty() {
        l.paragraph(v.notes.trim(), SMALL, Rgb::WEAK, Weight::Regular, 0.0);
    }
    let header =
        [lang.t("it-time").to_owned(), lang.t("it-stop").to_owned(), lang.t("it-products").to_owned()];
    let widths = [70.0, 190.0, TEXT_W - 260.0];
    for (day, date) in v.days().into_iter().enumerate() {
        l.need(60.0);
        l.gap(8.0);
        l.paragraph(
            &format!("{} {} — {}", lang.t("it-day"), day + 1, date_text(date, lang)),
            BODY + 1.0,
            Rgb::TEXT,
            Weight::Bold,
            0.0,
        );
        let stops = v.stops_on(date);
        if stops.is_empty() {
            l.paragraph(lang.t("it-no-stops"), BODY, Rgb::WEAK, Weight::Regular, 0.0);
            continue;
        }
        let rows: Vec<Vec<String>> = stops
            .into_iter()
            .map(|i| {
                let s = &v.stops[i];
                let time = if s.placeholder_times {
                    format!("{}\n({})", s.time_label(), lang.t("it-times-tbc"))
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
