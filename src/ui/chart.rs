//! The monthly trade chart: exports, imports, turnover and balance per month, with a KPI line,
//! a period selector, hover values in analyst units, and a legend.

use egui::{RichText, Ui};
use egui_plot::{GridInput, GridMark, HoverPosition, Legend, Line, Plot, PlotPoints, VLine};

use super::{ViewCtx, theme};
use crate::app::Command;
use crate::model::format;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Aggregate, FlowSums, MonthTotals, Selection};
use crate::model::workspace::ChartSettings;

/// One measure drawn as a line; months without data split it into segments (a gap, not zero).
#[derive(Debug, Clone)]
struct Series {
    name: &'static str,
    color: egui::Color32,
    segments: Vec<Vec<[f64; 2]>>,
}

/// The year-to-date figure analysts quote: "Jan–Jul 2018 turnover $58.3 million, +18.6%".
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// Months covered, e.g. Jan–Jul 2018.
    pub range: MonthRange,
    /// Sums over those months.
    pub sums: FlowSums,
    /// Turnover change on the same months a year earlier, when all of them have data.
    pub turnover_change: Option<f64>,
    /// The same months a year earlier.
    pub previous: MonthRange,
}

impl Kpi {
    /// Year to date through the latest month with data in `range` (all months for `None`),
    /// compared with the same months a year earlier, inside the range or not.
    #[must_use]
    pub fn year_to_date(aggregate: &Aggregate, range: Option<MonthRange>) -> Option<Self> {
        let latest = aggregate.months_in(range).last()?.period;
        let range = MonthRange::new(YearMonth { year: latest.year, month: 1 }, latest);
        let previous = MonthRange::new(range.start.year_earlier(), range.end.year_earlier());
        let (sums, _) = aggregate.sum_range(range);
        let (before, n_before) = aggregate.sum_range(previous);
        let complete = n_before == previous.len_months();
        let turnover_change = (complete && before.turnover_usd() > 0.0)
            .then(|| sums.turnover_usd() / before.turnover_usd() - 1.0);
        Some(Self { range, sums, turnover_change, previous })
    }

    /// "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017".
    #[must_use]
    pub fn headline(&self) -> String {
        let change = self.turnover_change.map_or_else(
            || format!(" (no full {} to compare)", self.previous.label()),
            |c| format!(", {} on {}", format::pct_change(c), self.previous.label()),
        );
        format!("{} turnover: {}{}", self.range.label(), format::usd(self.sums.turnover_usd()), change)
    }
}

/// Everything the chart draws, derived once per revision.
#[derive(Debug, Clone)]
struct ChartCache {
    revision: u64,
    settings: ChartSettings,
    series: Vec<Series>,
    kpi: Option<Kpi>,
    title: String,
    months: usize,
}

/// The chart panel and its derived-data cache.
#[derive(Debug, Default)]
pub struct ChartPanel {
    cache: Option<ChartCache>,
    /// Screen rect of the chart with its title, axes and legend in the last frame drawn;
    /// the PNG export crops the window screenshot to it.
    pub export_rect: Option<egui::Rect>,
    rebuilds: u64,
}

impl ChartPanel {
    /// How often the derived series were rebuilt (for tests: once per change, not per frame).
    #[must_use]
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    fn refresh(&mut self, view: &ViewCtx<'_>) {
        let settings = &view.workspace.chart;
        if self.cache.as_ref().is_some_and(|c| c.revision == view.revision && &c.settings == settings) {
            return;
        }
        self.rebuilds += 1;
        let a = view.aggregate;
        let range = view.workspace.selection.range;
        let months = a.months_in(range);
        let mut series = Vec::new();
        let mut add = |on: bool, name, color, value: fn(&FlowSums) -> Option<f64>| {
            if on {
                series.push(Series { name, color, segments: segments(months, value) });
            }
        };
        add(settings.exports, "Exports", theme::EXPORTS, FlowSums::exports);
        add(settings.imports, "Imports", theme::IMPORTS, FlowSums::imports);
        add(settings.turnover, "Turnover", theme::TURNOVER, |s| Some(s.turnover_usd()));
        add(settings.balance, "Balance", theme::BALANCE, FlowSums::balance_usd);
        self.cache = Some(ChartCache {
            revision: view.revision,
            settings: settings.clone(),
            series,
            kpi: Kpi::year_to_date(a, range),
            title: chart_title(view, months),
            months: months.len(),
        });
    }

    /// Draws the panel: controls, KPI line, and the chart.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
        self.refresh(view);
        let Some(cache) = &self.cache else { return };
        controls_ui(ui, view, commands);
        ui.separator();
        if let Some(kpi) = &cache.kpi {
            ui.label(RichText::new(kpi.headline()).strong().size(16.0));
        }
        let scope = ui.scope(|ui| {
            ui.vertical_centered(|ui| ui.label(RichText::new(&cache.title).heading()));
            if view.workspace.data.sample {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new("Sample data: illustrative monthly split of reported totals")
                            .color(theme::weak(ui.visuals()))
                            .italics(),
                    )
                });
            }
            let marks = visit_marks(view);
            for mark in &marks {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(format!("{} (dashed line)", mark.caption)).color(theme::VISIT_MARK),
                    );
                });
            }
            if cache.months == 0 {
                ui.add_space(40.0);
                ui.vertical_centered(|ui| ui.label("No monthly data for this selection."));
                ui.add_space(40.0);
                return;
            }
            plot_ui(ui, &cache.series, &marks);
        });
        self.export_rect = Some(scope.response.rect);
    }
}

/// Splits a measure into runs of consecutive months with a value.
fn segments(months: &[MonthTotals], value: fn(&FlowSums) -> Option<f64>) -> Vec<Vec<[f64; 2]>> {
    let mut out: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut last: Option<i32> = None;
    for t in months {
        let Some(v) = value(&t.sums) else {
            last = None;
            continue;
        };
        let x = t.period.index();
        if last != Some(x - 1) || out.is_empty() {
            out.push(Vec::new());
        }
        if let Some(seg) = out.last_mut() {
            seg.push([f64::from(x), v]);
        }
        last = Some(x);
    }
    out
}

/// Display name of the selected party, or `all` when none is selected.
fn party_name(query: Option<&str>, list: &[crate::model::dataset::Party], all: &str) -> String {
    match query {
        None => all.to_owned(),
        Some(q) => list.iter().find(|p| p.matches(q)).map_or_else(|| q.to_owned(), |p| p.name.clone()),
    }
}

fn chart_title(view: &ViewCtx<'_>, months: &[MonthTotals]) -> String {
    let sel = &view.workspace.selection;
    let reporter = party_name(sel.reporter.as_deref(), view.dataset.reporters(), "All reporters");
    let partner = party_name(sel.partner.as_deref(), view.dataset.partners(), "All partners");
    let commodity = sel.commodity.as_deref().map_or_else(String::new, |c| format!(", HS {c}"));
    let range = match (months.first(), months.last()) {
        (Some(a), Some(b)) => format!(", {}", MonthRange::new(a.period, b.period).label()),
        _ => String::new(),
    };
    format!("{reporter} – {partner}: monthly trade{commodity}{range}")
}

/// Series toggles and the period selector.
fn controls_ui(ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let mut settings = view.workspace.chart.clone();
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut settings.exports, "Exports");
        ui.checkbox(&mut settings.imports, "Imports");
        ui.checkbox(&mut settings.turnover, "Turnover");
        ui.checkbox(&mut settings.balance, "Balance");
        ui.separator();
        period_selector_ui(ui, view, commands);
    });
    if settings != view.workspace.chart {
        commands.push(Command::SetChart(settings));
    }
}

fn period_selector_ui(ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
    let Some(span) = view.data_span else { return };
    let sel = &view.workspace.selection;
    let current = sel.range.unwrap_or(span);
    let mut from = current.start;
    let mut to = current.end;
    // Each end offers only the months that keep the range the right way round.
    let label = ui.label("From").id;
    month_combo_ui(ui, "period-from", &mut from, MonthRange::new(span.start, current.end)).labelled_by(label);
    let label = ui.label("to").id;
    month_combo_ui(ui, "period-to", &mut to, MonthRange::new(current.start, span.end)).labelled_by(label);
    if ui.add_enabled(sel.range.is_some(), egui::Button::new("All months")).clicked() {
        commands.push(Command::SetSelection(Selection { range: None, ..sel.clone() }));
    } else if from != current.start || to != current.end {
        let range = MonthRange::new(from, to);
        let range = (range != span).then_some(range);
        commands.push(Command::SetSelection(Selection { range, ..sel.clone() }));
    }
}

fn month_combo_ui(ui: &mut Ui, id: &str, value: &mut YearMonth, choices: MonthRange) -> egui::Response {
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.label())
        .height(300.0)
        .show_ui(ui, |ui| {
            for m in choices.iter() {
                ui.selectable_value(value, m, m.label());
            }
        })
        .response
}

fn month_of(x: f64) -> YearMonth {
    // Plot x values are month indexes; round to the nearest whole month.
    #[allow(clippy::cast_possible_truncation)]
    YearMonth::from_index(x.round() as i32)
}

/// Grid marks on whole months: every month, quarter, half year or year, whichever fits.
/// (egui_plot hands the input by value.)
#[allow(clippy::needless_pass_by_value)]
fn month_grid(input: GridInput) -> Vec<GridMark> {
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

/// A visit shown on the chart: a dashed vertical line at its month.
#[derive(Debug, Clone, PartialEq)]
struct VisitMark {
    /// Month index of the visit's first day (the chart's x).
    x: f64,
    /// Legend entry: "Visit 11–13 Sep 2018".
    legend: String,
    /// Caption above the chart: "Visit: <title>, 11–13 Sep 2018".
    caption: String,
}

/// The workspace's visits on the month axis (a handful of items; cheap each frame). A visit is
/// marked when its month is in the chosen range, or, when all months are shown, within a year
/// of the data (so that a visit just after the latest figures still shows, and one from another
/// decade does not stretch the axis).
fn visit_marks(view: &ViewCtx<'_>) -> Vec<VisitMark> {
    let Some(span) = view.aggregate.month_span() else { return Vec::new() };
    let shown = |m: YearMonth| match view.workspace.selection.range {
        Some(range) => range.contains(m),
        None => (span.start.index() - 12..=span.end.index() + 12).contains(&m.index()),
    };
    view.workspace
        .visits
        .iter()
        .filter_map(|v| {
            let (start, _) = v.months()?;
            if !shown(start) {
                return None;
            }
            Some(VisitMark {
                x: f64::from(start.index()),
                legend: format!("Visit {}", v.dates_label()),
                caption: format!("Visit: {}, {}", v.title, v.dates_label()),
            })
        })
        .collect()
}

fn plot_ui(ui: &mut Ui, series: &[Series], marks: &[VisitMark]) {
    let height = (ui.available_height() - 8.0).max(240.0);
    Plot::new("monthly-trade")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_grid_spacer(month_grid)
        .x_axis_formatter(|mark, _range| {
            let m = month_of(mark.value);
            if m.month == 1 { format!("Jan\n{}", m.year) } else { m.month_abbr().to_owned() }
        })
        .y_axis_formatter(|mark, _range| format::usd_short(mark.value))
        .y_axis_min_width(56.0)
        .include_y(0.0)
        .label_formatter(|pos| match pos {
            HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{plot_name}\n{}: {}", month_of(position.x).label(), format::usd(position.y)))
            }
            HoverPosition::Elsewhere { position } => Some(month_of(position.x).label()),
        })
        .allow_scroll(false)
        .show(ui, |plot_ui| {
            for s in series {
                for seg in &s.segments {
                    let points: PlotPoints<'_> = PlotPoints::from(seg.clone());
                    plot_ui.line(Line::new(s.name, points).color(s.color).width(2.0));
                }
            }
            for m in marks {
                plot_ui.vline(
                    VLine::new(&m.legend, m.x)
                        .color(theme::VISIT_MARK)
                        .width(1.5)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(e: f64, i: f64) -> FlowSums {
        FlowSums { exports_usd: e, imports_usd: i, turnover_only_usd: 0.0, has_split: true }
    }

    #[test]
    fn gaps_split_lines_instead_of_dropping_to_zero() {
        let months = [(2018, 1), (2018, 2), (2018, 4)]
            .map(|(y, m)| MonthTotals { period: YearMonth::new(y, m).unwrap(), sums: sums(1.0, 0.5) })
            .to_vec();
        let segs = segments(&months, FlowSums::exports);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].len(), 2);
        assert_eq!(segs[1].len(), 1);
    }

    #[test]
    fn kpi_is_year_to_date_against_the_same_months_a_year_earlier() {
        let mut months = Vec::new();
        for m in 1..=12 {
            months.push(MonthTotals { period: YearMonth::new(2017, m).unwrap(), sums: sums(10.0, 0.0) });
        }
        for m in 1..=7 {
            months.push(MonthTotals { period: YearMonth::new(2018, m).unwrap(), sums: sums(12.0, 0.0) });
        }
        let a = Aggregate { months, years: Vec::new() };
        let k = Kpi::year_to_date(&a, None).unwrap();
        assert_eq!(k.sums.turnover_usd(), 84.0);
        assert_eq!(k.headline(), "Jan–Jul 2018 turnover: $84, +20.0% on Jan–Jul 2017");
        // A range that ends in March 2018 gives Jan–Mar, compared with Jan–Mar 2017 outside it.
        let ym = |y, m| YearMonth::new(y, m).unwrap();
        let k = Kpi::year_to_date(&a, Some(MonthRange::new(ym(2018, 1), ym(2018, 3)))).unwrap();
        assert_eq!(k.headline(), "Jan–Mar 2018 turnover: $36, +20.0% on Jan–Mar 2017");
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
