//! Drawing the chart with egui_plot from prepared data: lines with gaps, grouped or stacked
//! bars, event markers, month or year axes, hover text in analyst units.
//!
//! Everything that depends on the data is prepared in [`PlotData::build`] (when the inputs
//! change); [`plot_ui`] only hands borrowed points to egui_plot. The one per-frame copy is of
//! the bars (egui_plot's `BarChart` owns them): as many as the rows shown, never the dataset.

use crate::i18n::format::{MonthStyle, month_name};
use crate::i18n::{Lang, tr};
use egui::{Align2, Color32, Ui};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, HoverPosition, ItemId, Line, LineStyle, MarkerShape, Plot,
    PlotMemory, PlotPoint, PlotPoints, Points, VLine,
};

use crate::model::annotation::Annotation;
use crate::model::chart::{ChartSettings, ChartView, Measure};
use crate::model::completeness::PeriodCounts;
use crate::model::format;
use crate::model::growth;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Aggregate;
use crate::model::table::{Column, Role, Row, RowKey, Unit, ViewTable};
use crate::ui::theme;

use super::legend::{Entry, Swatch, legend_ui};
use super::reported_points::{self, ReportedPoint};

/// One series as drawn.
#[derive(Debug, Clone)]
pub(super) struct DrawSeries {
    name: String,
    color: Color32,
    /// Solid for the main figure, dashed for the one beside it, dotted for a gap.
    style: LineStyle,
    as_bars: bool,
    /// Runs of consecutive periods with a value (a gap splits the line).
    segments: Vec<Vec<PlotPoint>>,
    /// Points of periods with rows that could not be read, drawn as hollow markers on the line.
    incomplete: Vec<PlotPoint>,
    /// Figures as published (cumulative spans), drawn as points, not joined by a line.
    published: Vec<PlotPoint>,
    /// Points of periods whose figures are derived from two cumulative figures (hollow squares).
    derived: Vec<PlotPoint>,
    /// Bars, each named with its hover text.
    bars: Vec<Bar>,
    /// Hover text per x, sorted by x.
    hover: Vec<(f64, String)>,
}

/// An event marker.
#[derive(Debug, Clone)]
struct Marker {
    x: f64,
    label: String,
}

impl PlotData {
    /// Labels of the event markers drawn, in date order.
    pub(super) fn marker_labels(&self) -> Vec<String> {
        self.markers.iter().map(|m| m.label.clone()).collect()
    }
}

/// What the plot draws, prepared once per change.
#[derive(Debug, Clone)]
pub(super) struct PlotData {
    view: ChartView,
    unit: Unit,
    series: Vec<DrawSeries>,
    markers: Vec<Marker>,
    /// Lowest and highest value drawn (0 included), for room above the data for event labels.
    y_span: (f64, f64),
    /// Axis labels of years that are not whole ("2018\nJan–Jul"), annual view only.
    year_labels: Vec<(i32, String)>,
    /// Reported figures drawn as labelled points (annual and year-to-date views).
    pub(super) reported: Vec<ReportedPoint>,
    /// Their legend entry.
    pub(super) reported_name: String,
    /// The events' legend entry.
    events_name: String,
}

pub(super) fn measure_color(m: Measure) -> Color32 {
    match m {
        Measure::Exports => theme::EXPORTS,
        Measure::Imports => theme::IMPORTS,
        Measure::Turnover => theme::TURNOVER,
        Measure::Balance => theme::BALANCE,
    }
}

impl PlotData {
    /// Prepares the series of `table` for drawing, with the events inside the periods shown.
    pub(super) fn build(
        a: &Aggregate,
        table: &ViewTable,
        settings: &ChartSettings,
        annotations: &[Annotation],
        range: Option<MonthRange>,
        incomplete: &PeriodCounts,
        lang: Lang,
    ) -> Self {
        let view = table.view;
        let missing = |r: &Row| missing_rows(incomplete, r.key);
        let unit = table.columns.first().map_or(Unit::Usd, |c| c.unit);
        // Years and quarters are bars: points joined by a line would suggest months between.
        let bars = settings.bars || matches!(view, ChartView::Annual | ChartView::Quarterly);
        // A quarter's bar spans its three months, centred on the middle one (keys are last months).
        let (span, shift) = if view == ChartView::Quarterly { (3.0, -1.0) } else { (1.0, 0.0) };
        let stacked = bars && settings.stacked && unit == Unit::Usd;
        let stackable = |c: &Column| {
            !table.parts
                && c.role == Role::Current
                && matches!(c.measure, Measure::Exports | Measure::Imports)
        };
        let is_bar = |c: &Column| {
            bars && c.unit == unit
                && if stacked {
                    stackable(c)
                } else {
                    !matches!(c.role, Role::Cumulative | Role::Gap | Role::Published)
                }
        };
        let n_bars = table.columns.iter().filter(|c| is_bar(c)).count().max(1);
        #[allow(clippy::cast_precision_loss)] // a handful of bar series: exact in f64
        let width = span * if stacked { 0.6 } else { 0.8 / n_bars as f64 };
        let exports_col =
            table.columns.iter().position(|c| stacked && stackable(c) && c.measure == Measure::Exports);
        let mut series = Vec::new();
        let mut bar_slot = 0.0;
        for (ci, c) in table.columns.iter().enumerate() {
            // A column in another unit (the change beside annual dollars) is for the table only.
            if c.unit != unit {
                continue;
            }
            let as_bars = is_bar(c);
            let base = c
                .group
                .map_or_else(|| measure_color(c.measure), |g| theme::PALETTE[g % theme::PALETTE.len()]);
            let color = match c.role {
                Role::YearEarlier | Role::Mirror => theme::year_earlier(base),
                Role::Current | Role::Cumulative | Role::Gap | Role::Published => base,
            };
            let (published, derived) = published_and_derived(table, ci);
            let hover = hover_texts(lang, a, table, ci, incomplete);
            let mut bars = Vec::new();
            if as_bars {
                let offset = shift + if stacked { 0.0 } else { -0.4 * span + width * (bar_slot + 0.5) };
                bar_slot += 1.0;
                for (r, (_, text)) in table.rows.iter().filter(|r| r.values[ci].is_some()).zip(&hover) {
                    let Some(v) = r.values[ci] else { continue };
                    let mut bar = Bar::new(r.key.x() + offset, v).width(width).fill(color).name(text);
                    if missing(r) > 0 {
                        // An incomplete period: a pale bar with the series' outline.
                        bar = bar.fill(theme::incomplete_fill(color)).stroke(egui::Stroke::new(1.5, color));
                    }
                    if let Some(e) = exports_col.filter(|&e| e != ci)
                        && let Some(below) = r.values[e]
                        && below >= 0.0
                        && v >= 0.0
                    {
                        bar = bar.base_offset(below);
                    }
                    bars.push(bar);
                }
            }
            series.push(DrawSeries {
                name: table.column_title(lang, ci),
                color,
                style: line_style(c.role),
                as_bars,
                segments: line_segments(table, ci),
                published,
                derived,
                incomplete: if as_bars { Vec::new() } else { incomplete_points(table, ci, incomplete) },
                bars,
                hover,
            });
        }
        let mut y_span = (0.0_f64, 0.0_f64);
        for r in &table.rows {
            for (v, c) in r.values.iter().zip(&table.columns) {
                if let Some(v) = v.filter(|_| c.unit == unit) {
                    y_span = (y_span.0.min(v), y_span.1.max(v));
                }
            }
            // Stacked bars reach exports + imports.
            if stacked && let Some(t) = r.turnover_usd {
                y_span.1 = y_span.1.max(t);
            }
        }
        let year_labels = table
            .rows
            .iter()
            .filter_map(|r| match r.key {
                RowKey::Year(y) => {
                    let basis = r.label.strip_prefix(&format!("{y} ("))?.strip_suffix(')')?;
                    let months = basis.split(',').next().unwrap_or(basis);
                    Some((y, format!("{y}\n{months}")))
                }
                RowKey::Month(_) => None,
            })
            .collect();
        let markers = markers(lang, table, annotations, range);
        let (reported, reported_name) = (Vec::new(), String::new());
        let events_name = tr(lang, "plot-events");
        Self { view, unit, series, markers, y_span, year_labels, reported, reported_name, events_name }
    }
}

/// The runs of column `ci` joined by a line; none for published figures, which are points.
fn line_segments(table: &ViewTable, ci: usize) -> Vec<Vec<PlotPoint>> {
    if table.columns[ci].role == Role::Published {
        Vec::new()
    } else {
        segments(&table.rows, ci, table.view == ChartView::Ytd)
    }
}

/// Solid for the main figure, dashed for the one beside it, dotted for a gap.
fn line_style(role: Role) -> LineStyle {
    match role {
        Role::Current | Role::Published => LineStyle::Solid,
        Role::Gap => LineStyle::dotted_dense(),
        Role::YearEarlier | Role::Mirror | Role::Cumulative => LineStyle::dashed_loose(),
    }
}

/// Points of column `ci` drawn on their own: all of a published column's, else those of
/// derived periods (marked on the line).
fn published_and_derived(table: &ViewTable, ci: usize) -> (Vec<PlotPoint>, Vec<PlotPoint>) {
    let points_of = |keep: &dyn Fn(&Row) -> bool| -> Vec<PlotPoint> {
        table
            .rows
            .iter()
            .filter(|r| keep(r))
            .filter_map(|r| Some(PlotPoint::new(r.key.x(), r.values[ci]?)))
            .collect()
    };
    if table.columns[ci].role == Role::Published {
        (points_of(&|_| true), Vec::new())
    } else {
        (Vec::new(), points_of(&Row::is_derived))
    }
}

/// A series' points drawn apart from its line: published figures (filled diamonds, never
/// joined to the computed line), derived periods (hollow squares) and incomplete ones (rings).
fn draw_points<'a>(pui: &mut egui_plot::PlotUi<'a>, s: &'a DrawSeries) {
    let kinds = [
        (&s.published, MarkerShape::Diamond, true, 6.0),
        (&s.derived, MarkerShape::Square, false, 5.0),
        (&s.incomplete, MarkerShape::Circle, false, 5.0),
    ];
    for (points, shape, filled, radius) in kinds {
        if !points.is_empty() {
            let points = Points::new(s.name.as_str(), PlotPoints::Borrowed(points))
                .shape(shape)
                .filled(filled)
                .radius(radius)
                .color(s.color);
            pui.points(points);
        }
    }
}

/// Events that touch the periods shown (and, with no range chosen, the half year after the
/// data, where a planned event sits).
fn markers(
    lang: Lang,
    table: &ViewTable,
    annotations: &[Annotation],
    range: Option<MonthRange>,
) -> Vec<Marker> {
    let (Some(first), Some(last)) = (table.rows.first(), table.rows.last()) else { return Vec::new() };
    let month = |y, m| YearMonth { year: y, month: m };
    let (from, to) = match (first.key, last.key) {
        (RowKey::Month(a), RowKey::Month(b)) => {
            let from = range.map_or(a, |r| r.start.min(a));
            let to = range.map_or_else(|| YearMonth::from_index(b.index() + 6), |r| r.end.max(b));
            (from, to)
        }
        (RowKey::Year(a), RowKey::Year(b)) => (month(a, 1), month(b, 12)),
        _ => return Vec::new(),
    };
    let annual = table.view == ChartView::Annual;
    let mut out: Vec<Marker> = annotations
        .iter()
        .filter(|e| e.overlaps(from, to))
        .map(|e| Marker {
            x: if annual { e.x_annual() } else { e.x_monthly() },
            label: format!("{} ({})", e.label, super::events::dates_text(lang, e)),
        })
        .collect();
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    out
}

/// The change on a year earlier that goes with a value of the view, for hover text.
fn change_for(a: &Aggregate, table: &ViewTable, row: &Row, measure: Measure) -> Option<f64> {
    match (table.view, row.key) {
        (ChartView::Monthly, RowKey::Month(m)) => growth::yoy(a, m, measure),
        (ChartView::Ytd, RowKey::Month(m)) => growth::ytd_yoy(a, m, measure),
        (ChartView::Rolling, RowKey::Month(m)) => {
            let now = measure.value(&growth::rolling12(a, m)?)?;
            growth::change(now, measure.value(&growth::rolling12(a, m.year_earlier())?)?)
        }
        (ChartView::Annual, RowKey::Year(_)) => {
            let j = table.columns.iter().position(|c| c.measure == measure && c.role == Role::Cumulative)?;
            row.values[j]
        }
        _ => None,
    }
}

/// Hover text of column `ci` per x, with the incomplete note where the period is incomplete.
fn hover_texts(
    lang: Lang,
    a: &Aggregate,
    table: &ViewTable,
    ci: usize,
    incomplete: &PeriodCounts,
) -> Vec<(f64, String)> {
    table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(ri, r)| {
            let mut text = hover_text(lang, a, table, (ri, ci), r.values[ci]?);
            if let Some(note) = incomplete_note(lang, missing_rows(incomplete, r.key)) {
                text.push('\n');
                text.push_str(&note);
            }
            Some((r.key.x(), text))
        })
        .collect()
}

/// Points of column `ci` in incomplete periods (hollow rings on its line).
fn incomplete_points(table: &ViewTable, ci: usize, incomplete: &PeriodCounts) -> Vec<PlotPoint> {
    table
        .rows
        .iter()
        .filter(|r| missing_rows(incomplete, r.key) > 0)
        .filter_map(|r| Some(PlotPoint::new(r.key.x(), r.values[ci]?)))
        .collect()
}

/// Rows that could not be read for the period of a row (a month, or a whole year).
pub(super) fn missing_rows(incomplete: &PeriodCounts, key: RowKey) -> u64 {
    match key {
        RowKey::Month(m) => incomplete.month(m),
        RowKey::Year(y) => incomplete.year(y),
    }
}

/// "incomplete: 3 rows of this period could not be read", or nothing for a complete period.
pub(crate) fn incomplete_note(lang: Lang, rows: u64) -> Option<String> {
    #[allow(clippy::cast_precision_loss)] // a count of rows, for Fluent's plural choice
    (rows > 0).then(|| crate::tr!(lang, "chart-incomplete-rows", count = rows as f64))
}

/// "Exports\nJul 2018: $7.6 million\nYoY +19.1%\nShare of turnover: 85.8%", in `lang`.
fn hover_text(lang: Lang, a: &Aggregate, table: &ViewTable, (ri, ci): (usize, usize), v: f64) -> String {
    let (row, c) = (&table.rows[ri], &table.columns[ci]);
    let mut text = crate::tr!(
        lang,
        "plot-hover",
        series = table.column_title(lang, ci),
        period = table.row_title(lang, ri),
        value = value_label(lang, c.unit, v)
    );
    if c.unit == Unit::Usd && c.role == Role::Current && !table.parts {
        if let Some(ch) = change_for(a, table, row, c.measure) {
            text.push('\n');
            text.push_str(&crate::tr!(lang, "plot-hover-yoy", change = format::pct_change_in(lang, ch)));
        }
        if c.measure != Measure::Turnover
            && let Some(share) = row.turnover_usd.and_then(|t| share_label(lang, v, t))
        {
            text.push('\n');
            text.push_str(&crate::tr!(lang, "plot-hover-share", share = share));
        }
    }
    text
}

/// Splits column `ci` into runs of consecutive periods with a value; `yearly` also splits at
/// each January (a year-to-date sum starts again there).
fn segments(rows: &[Row], ci: usize, yearly: bool) -> Vec<Vec<PlotPoint>> {
    let mut out: Vec<Vec<PlotPoint>> = Vec::new();
    let mut last: Option<RowKey> = None;
    for r in rows {
        let Some(v) = r.values[ci] else {
            last = None;
            continue;
        };
        let new_year = yearly && matches!(r.key, RowKey::Month(m) if m.month == 1);
        if !last.is_some_and(|l| l.is_followed_by(r.key)) || out.is_empty() || new_year {
            out.push(Vec::new());
        }
        if let Some(seg) = out.last_mut() {
            seg.push(PlotPoint::new(r.key.x(), v));
        }
        last = Some(r.key);
    }
    out
}

fn month_of(x: f64) -> YearMonth {
    // Plot x values are month indexes; round to the nearest whole month.
    #[allow(clippy::cast_possible_truncation)] // month indexes are far inside i32
    YearMonth::from_index(x.round() as i32)
}

fn year_of(x: f64) -> i32 {
    #[allow(clippy::cast_possible_truncation)] // years are far inside i32
    let y = x.round() as i32;
    y
}

/// Grid marks on whole months: every month, quarter, half year or year, whichever fits.
/// (egui_plot hands the input by value.)
#[allow(clippy::needless_pass_by_value)] // egui_plot hands the grid input by value
#[must_use]
pub(super) fn month_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let width = (hi - lo).max(1.0);
    let step = [1.0, 3.0, 6.0, 12.0, 24.0, 60.0].into_iter().find(|s| width / s <= 14.0).unwrap_or(120.0);
    let mut marks = Vec::new();
    let mut x = (lo / step).ceil() * step;
    while x <= hi && marks.len() < 200 {
        let step_size = if month_of(x).month == 1 { step.max(12.0) } else { step };
        marks.push(GridMark { value: x, step_size });
        x += step;
    }
    marks
}

/// Grid marks on whole years.
#[allow(clippy::needless_pass_by_value)] // egui_plot hands the grid input by value
fn year_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().find(|s| (hi - lo) / s <= 14.0).unwrap_or(20.0);
    let mut marks = Vec::new();
    let mut x = (lo / step).ceil() * step;
    while x <= hi && marks.len() < 200 {
        marks.push(GridMark { value: x, step_size: step });
        x += step;
    }
    marks
}

impl DrawSeries {
    fn hover_at(&self, x: f64) -> Option<&str> {
        let i = self.hover.partition_point(|(hx, _)| *hx < x - 0.01);
        self.hover.get(i).filter(|(hx, _)| (hx - x).abs() < 0.01).map(|(_, t)| t.as_str())
    }
}

/// Where the plot and its painted labels were laid out, in screen points.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotLayout {
    /// The plotting area, inside the axes.
    pub frame: egui::Rect,
    /// The labels of the reported figures.
    pub reported_labels: Vec<egui::Rect>,
    /// The legend's entries, in the row above the plot.
    pub legend: Vec<egui::Rect>,
}

impl PlotData {
    /// The legend's entries: the series in table order, the reported figures, the events.
    fn legend_entries(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for s in &self.series {
            // A series with nothing drawn (exports as published, when only turnover was
            // published) has no entry, as in egui_plot's legend.
            let drawn = !s.segments.is_empty() || !s.bars.is_empty() || !s.published.is_empty();
            if !drawn || out.iter().any(|e| e.name == s.name) {
                continue;
            }
            let swatch = if s.segments.is_empty() && !s.as_bars && !s.published.is_empty() {
                Swatch::Diamond
            } else {
                Swatch::Line { style: s.style, bars: s.as_bars }
            };
            out.push(Entry { id: ItemId::new(&s.name), name: s.name.clone(), color: s.color, swatch });
        }
        if let Some(p) = self.reported.first() {
            let (id, name) = (ItemId::new(reported_points::REPORTED_ID), self.reported_name.clone());
            out.push(Entry { id, name, color: p.color(), swatch: Swatch::Diamond });
        }
        if !self.markers.is_empty() {
            let (id, name) = (ItemId::new(EVENTS_ID), self.events_name.clone());
            out.push(Entry { id, name, color: theme::EVENTS, swatch: Swatch::Upright });
        }
        out
    }
}

/// The plot's id in `ui` (its memory holds zoom, pan and the series hidden from the legend).
fn plot_id(ui: &Ui, data: &PlotData) -> egui::Id {
    ui.make_persistent_id(("trade-chart", data.view))
}

/// Draws the legend's row (above the plot, see [`super::legend`]); returns its entries' rects.
pub(super) fn legend_row_ui(ui: &mut Ui, data: &PlotData) -> Vec<egui::Rect> {
    legend_ui(ui, plot_id(ui, data), &data.legend_entries())
}

/// Draws the chart under its legend (`legend`: the entries' rects); `reset` forgets zoom and pan.
pub(super) fn plot_ui(
    ui: &mut Ui,
    lang: Lang,
    data: &PlotData,
    reset: bool,
    legend: Vec<egui::Rect>,
) -> PlotLayout {
    let annual = data.view == ChartView::Annual;
    let plot_id = plot_id(ui, data);
    let height = (ui.available_height() - 8.0).max(60.0);
    let mut plot = Plot::new(("trade-chart", data.view))
        .id(plot_id)
        .height(height)
        .y_axis_min_width(56.0)
        .include_y(0.0)
        .allow_scroll(false)
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint { plot_name, position, .. } if *plot_name == data.reported_name => {
                reported_points::hover_at(&data.reported, position.x)
            }
            HoverPosition::NearDataPoint { plot_name, position, .. } => data
                .series
                .iter()
                .find(|s| s.name == *plot_name)
                .and_then(|s| s.hover_at(position.x))
                .map(str::to_owned),
            HoverPosition::Elsewhere { position } => Some(if annual {
                year_of(position.x).to_string()
            } else {
                crate::i18n::chart_text::month(lang, month_of(position.x))
            }),
        });
    plot = if annual {
        plot.x_grid_spacer(year_grid).x_axis_formatter(|mark, _| {
            let y = year_of(mark.value);
            data.year_labels
                .iter()
                .find(|(year, _)| *year == y)
                .map_or_else(|| y.to_string(), |(_, label)| label.clone())
        })
    } else {
        plot.x_grid_spacer(month_grid).x_axis_formatter(move |mark, _| {
            let m = month_of(mark.value);
            // Month names from ICU in the reader's language ("янв.", "қаң."), the year under January.
            let name =
                month_name(lang, m.month, MonthStyle::Short).unwrap_or_else(|| m.month_abbr().to_owned());
            if m.month == 1 { format!("{name}\n{}", m.year) } else { name }
        })
    };
    plot = match data.unit {
        Unit::Usd => plot.y_axis_formatter(move |mark, _| format::usd_short_in(lang, mark.value)),
        Unit::Change => plot.y_axis_formatter(|mark, _| format!("{:.0}%", mark.value * 100.0)),
    };
    for m in &data.markers {
        plot = plot.include_x(m.x);
    }
    if !data.markers.is_empty() {
        // Room above the data for the event labels, one line each.
        let (lo, hi) = data.y_span;
        #[allow(clippy::cast_precision_loss)] // a handful of event rows: exact in f64
        let rows = data.markers.len() as f64;
        plot = plot.include_y(hi + (hi - lo).max(1e-9) * (0.04 + 0.09 * rows));
    }
    if reset {
        plot = plot.reset();
    }
    let response = plot.show(ui, |pui| {
        for s in &data.series {
            if s.as_bars {
                // The hover text is shown as a tooltip below, readable over the bars.
                let chart = BarChart::new(s.name.as_str(), s.bars.clone())
                    .color(s.color)
                    .element_formatter(Box::new(|_, _| String::new()));
                pui.bar_chart(chart);
            } else {
                for seg in &s.segments {
                    let line =
                        Line::new(s.name.as_str(), PlotPoints::Borrowed(seg)).color(s.color).width(2.0);
                    pui.line(line.style(s.style));
                }
                draw_points(pui, s);
            }
        }
        reported_points::draw(pui, &data.reported, &data.reported_name);
        for m in &data.markers {
            let line = VLine::new(tr(lang, "plot-events"), m.x).id(EVENTS_ID).color(theme::EVENTS).width(1.5);
            pui.vline(line.style(LineStyle::dashed_dense()));
        }
    });
    bar_tooltip_ui(&response, data);
    event_labels_ui(ui, plot_id, &response.transform, data);
    let hidden = |id: &str| {
        PlotMemory::load(ui.ctx(), plot_id).is_some_and(|m| m.hidden_items.contains(&ItemId::new(id)))
    };
    let reported_labels = reported_points::labels_ui(
        ui,
        hidden(reported_points::REPORTED_ID),
        &response.transform,
        &data.reported,
    );
    PlotLayout { frame: *response.transform.frame(), reported_labels, legend }
}

/// The hover text of the bar under the pointer, as a tooltip readable over the bars.
fn bar_tooltip_ui(response: &egui_plot::PlotResponse<()>, data: &PlotData) {
    let Some(pointer) = response.response.hover_pos() else { return };
    let p = response.transform.value_from_position(pointer);
    let hovered = data.series.iter().filter(|s| s.as_bars).flat_map(|s| &s.bars).find(|b| {
        let base = b.base_offset.unwrap_or(0.0);
        let (lo, hi) = if b.value >= 0.0 { (base, base + b.value) } else { (base + b.value, base) };
        (p.x - b.argument).abs() <= b.bar_width / 2.0 && (lo..=hi).contains(&p.y)
    });
    if let Some(bar) = hovered {
        let _ = response.response.clone().on_hover_text_at_pointer(bar.name.as_str());
    }
}

/// Event labels are painted on the screen, not added as plot items, so that they never
/// stretch the plot's bounds; they hide with the markers from the legend.
fn event_labels_ui(ui: &Ui, plot_id: egui::Id, transform: &egui_plot::PlotTransform, data: &PlotData) {
    let hidden =
        PlotMemory::load(ui.ctx(), plot_id).is_some_and(|m| m.hidden_items.contains(&ItemId::new(EVENTS_ID)));
    if data.markers.is_empty() || hidden {
        return;
    }
    let frame = *transform.frame();
    let painter = ui.painter().with_clip_rect(frame);
    let font = egui::FontId::proportional(12.0);
    let row_height = 16.0;
    for (i, m) in data.markers.iter().enumerate() {
        let x = transform.position_from_point_x(m.x);
        #[allow(clippy::cast_precision_loss)] // a handful of event rows: exact in f32
        let y = frame.top() + 4.0 + row_height * i as f32;
        let (pos, anchor) = if x > frame.center().x {
            (egui::pos2(x - 4.0, y), Align2::RIGHT_TOP)
        } else {
            (egui::pos2(x + 4.0, y), Align2::LEFT_TOP)
        };
        painter.text(pos, anchor, &m.label, font.clone(), theme::EVENTS);
    }
}

/// Formats a share of turnover: "85.8%".
fn share_label(lang: Lang, part: f64, whole: f64) -> Option<String> {
    (whole != 0.0).then(|| {
        let pct = part / whole * 100.0;
        let sign = if pct < 0.0 { "−" } else { "" };
        format!("{sign}{}%", crate::i18n::format::decimal(lang, pct, 1))
    })
}

/// "$58.3 million" or "+18.6%", in `lang`.
fn value_label(lang: Lang, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Usd => format::usd_in(lang, v),
        Unit::Change => format::pct_change_in(lang, v),
    }
}

/// Item id of the event markers (one legend entry for all of them).
const EVENTS_ID: &str = "events";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::query::{FlowSums, MonthTotals};

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn aggregate(months: &[(i32, u8)]) -> Aggregate {
        let sums = FlowSums {
            exports_usd: 10.0,
            imports_usd: 5.0,
            turnover_only_usd: 0.0,
            has_split: true,
            ..FlowSums::default()
        };
        Aggregate {
            months: months.iter().map(|&(y, m)| MonthTotals { period: ym(y, m), sums }).collect(),
            years: Vec::new(),
            ..Aggregate::default()
        }
    }

    #[test]
    fn gaps_split_lines_instead_of_dropping_to_zero() {
        let a = aggregate(&[(2018, 1), (2018, 2), (2018, 4)]);
        let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports], None);
        let segs = segments(&t.rows, 0, false);
        assert_eq!(segs.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn stacked_imports_sit_on_exports_and_hover_says_month_value_and_share() {
        let a = aggregate(&[(2018, 1), (2018, 2)]);
        let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports, Measure::Imports], None);
        let settings = ChartSettings { bars: true, stacked: true, ..ChartSettings::default() };
        let p = PlotData::build(&a, &t, &settings, &[], None, &PeriodCounts::default(), Lang::En);
        let imports = &p.series[1];
        assert!(imports.as_bars);
        assert_eq!(imports.bars[0].base_offset, Some(10.0));
        let x = f64::from(ym(2018, 2).index());
        assert_eq!(imports.hover_at(x), Some("Imports\nFeb 2018: $5\nShare of turnover: 33.3%"));
    }

    #[test]
    fn events_inside_the_periods_shown_become_markers() {
        let a = aggregate(&[(2018, 1), (2018, 7)]);
        let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports], None);
        let visit = Annotation {
            start: crate::model::annotation::EventDate::parse("2018-09-11").unwrap(),
            end: None,
            label: "Visit".into(),
        };
        let old = Annotation { label: "Old".into(), ..visit.clone() };
        let old = Annotation { start: crate::model::annotation::EventDate::parse("2010-01").unwrap(), ..old };
        let m = markers(Lang::En, &t, &[visit.clone(), old], None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].label, "Visit (11 Sep 2018)");
        // A range that ends in July leaves September out.
        assert!(markers(Lang::En, &t, &[visit], Some(MonthRange::new(ym(2018, 1), ym(2018, 7)))).is_empty());
    }

    #[test]
    fn grid_marks_fall_on_whole_months() {
        let lo = f64::from(YearMonth::new(2017, 1).unwrap().index());
        let marks = month_grid(GridInput { bounds: (lo - 0.5, lo + 18.5), base_step_size: 0.01 });
        assert!(marks.iter().all(|m| m.value.fract() == 0.0));
        assert!(marks.len() <= 14);
        assert!(marks.iter().any(|m| month_of(m.value) == YearMonth::new(2018, 1).unwrap()));
    }
}
