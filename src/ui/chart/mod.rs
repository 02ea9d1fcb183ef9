//! The trade chart panel: views (monthly, year on year, year to date, rolling 12 months,
//! annual), lines or bars, a KPI strip, events on the timeline, and the table of the numbers
//! drawn. Everything drawn comes from [`ChartCache`], rebuilt only when the revisions it reads
//! change (data, selection, aggregates, workspace: settings, events and visits are in it).

mod events;
mod plot;
mod reported_points;
mod table;

pub(crate) use plot::incomplete_note;

use egui::{RichText, Ui};

use super::memo::Memo;
use super::{Panel, Revisions, ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::io::import::ImportReport;
use crate::model::annotation::Annotation;
use crate::model::chart::ChartView;
use crate::model::completeness::{PeriodCounts, incomplete_counts};
use crate::model::kpi::Kpi;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Selection;
use crate::model::table::{ChartInputs, ViewTable, party_name};

/// Everything the chart draws, derived once per change of its inputs.
#[derive(Debug, Clone)]
struct ChartCache {
    /// The reported figure shown beside the computed KPIs: (caption, text).
    reported_kpi: Option<(String, String)>,
    table: ViewTable,
    /// Table cells as shown, `[row][column]`, the period label first.
    cells: Vec<Vec<String>>,
    plot: plot::PlotData,
    kpi: Option<Kpi>,
    /// Rows that could not be read, per month and year of the selection (from the import
    /// report; empty when all were read).
    incomplete: PeriodCounts,
    /// "Year to date: incomplete: N rows of this period could not be read", per KPI period.
    kpi_notes: Vec<String>,
    /// The warning above the chart, when rows were skipped or in conflict.
    banner: Option<String>,
    title: String,
}

/// The chart panel and its derived-data cache.
#[derive(Debug, Default)]
pub struct ChartPanel {
    cache: Memo<Revisions, ChartCache>,
    /// Screen rect of the chart with its title, KPI strip, axes and legend in the last frame
    /// drawn; the PNG export crops the window screenshot to it.
    pub export_rect: Option<egui::Rect>,
    /// Reset zoom and pan on the next frame.
    reset_plot: bool,
    table: table::TableState,
    events: events::EventsEditor,
}

impl ChartPanel {
    /// How often the derived series were rebuilt (for tests: once per change, not per frame).
    #[must_use]
    pub fn rebuilds(&self) -> u64 {
        self.cache.computations()
    }

    /// Reported figures drawn on the chart as last drawn: (x, value, label), where x is the
    /// year (annual view) or the month index of the span's end (year-to-date view).
    #[must_use]
    pub fn reported_points(&self) -> Vec<(f64, f64, String)> {
        self.cache
            .value()
            .map(|c| c.plot.reported.iter().map(|p| (p.x, p.y, p.label.clone())).collect())
            .unwrap_or_default()
    }

    /// Labels of the event markers on the chart as last drawn ("Visit: … (11–13 Sep 2018)").
    #[must_use]
    pub fn event_labels(&self) -> Vec<String> {
        self.cache.value().map(|c| c.plot.marker_labels()).unwrap_or_default()
    }

    /// The warning above the chart as last drawn, if any.
    #[must_use]
    pub fn banner(&self) -> Option<&str> {
        self.cache.value().and_then(|c| c.banner.as_deref())
    }

    /// Rows that could not be read per month and year of the selection, as last drawn.
    #[must_use]
    pub fn incomplete(&self) -> Option<&PeriodCounts> {
        self.cache.value().map(|c| &c.incomplete)
    }

    /// The numbers behind the chart as last drawn, if it has been drawn.
    #[must_use]
    pub fn table(&self) -> Option<&ViewTable> {
        self.cache.value().map(|c| &c.table)
    }

    fn refresh(&mut self, view: &ViewCtx<'_>) {
        if view.updating && self.cache.value().is_some() {
            // Keep drawing the previous figures, with their own title, until the new ones are in.
            return;
        }
        if !self.cache.holds(&view.revisions) {
            self.reset_plot = true;
        }
        self.cache.get(view.revisions, || build(view));
    }

    /// Draws the panel: controls, then the chart with its KPI strip, then the table and events.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        self.refresh(view);
        let Self { cache, export_rect, reset_plot, table, events } = self;
        let revision = cache.computations();
        let Some(cache) = cache.value() else { return };
        controls_ui(ui, view, reset_plot, commands);
        ui.separator();
        // In a short window the chart comes first: the table needs room to be of use.
        let room = ui.available_height() >= 520.0;
        if view.workspace.chart.table && !room {
            ui.label(RichText::new("Make the window taller to see the table and events.").small());
        }
        if view.workspace.chart.table && room {
            // The chart keeps most of the height.
            let max_table = (ui.available_height() * 0.4).max(120.0);
            egui::Panel::bottom("chart-bottom")
                .resizable(true)
                .default_size(230.0_f32.min(max_table))
                .size_range(100.0..=max_table)
                .show(ui, |ui| {
                    egui::Panel::right("chart-events").resizable(true).default_size(330.0).show(ui, |ui| {
                        events.ui(ui, &view.workspace.annotations, commands);
                    });
                    table.ui(ui, &cache.table, revision, &cache.cells, commands);
                });
        }
        if let Some(banner) = &cache.banner {
            banner_ui(ui, banner, commands);
        }
        let scope = ui.scope(|ui| {
            kpi_strip_ui(ui, cache.kpi.as_ref(), cache.reported_kpi.as_ref());
            for note in &cache.kpi_notes {
                ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
            }
            ui.add_space(4.0);
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
            if cache.table.rows.is_empty() {
                ui.add_space(40.0);
                ui.vertical_centered(|ui| ui.label("No data for this selection."));
                ui.add_space(40.0);
                return;
            }
            plot::plot_ui(ui, &cache.plot, std::mem::take(reset_plot));
        });
        *export_rect = Some(scope.response.rect);
    }
}

impl Panel for ChartPanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        ChartPanel::ui(self, ui, view, commands);
    }
}

/// Everything the chart draws, from the cached aggregates and the workspace.
fn build(view: &ViewCtx<'_>) -> ChartCache {
    let settings = &view.workspace.chart;
    // The workspace's events, and its visits as events of their own.
    let events: Vec<Annotation> = view
        .workspace
        .annotations
        .iter()
        .cloned()
        .chain(view.workspace.visits.iter().map(crate::model::itinerary::Visit::as_annotation))
        .collect();
    let a = view.aggregate;
    let range = view.workspace.selection.range;
    let inputs = inputs(view);
    let table = inputs.table();
    let incomplete =
        incomplete_counts(view.report.map_or(&[][..], |r| &r.incomplete), &view.workspace.selection);
    let cells = table
        .rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            std::iter::once(r.label.clone())
                .chain(r.values.iter().zip(&table.columns).enumerate().map(|(ci, (v, c))| {
                    if table.published_differs(ri, ci) {
                        // The UI language is plumbed in by the i18n work; English until then.
                        let differs = crate::tr!(crate::i18n::Lang::En, "chart-published-differs");
                        format!("{} — {differs}", c.format(*v))
                    } else {
                        c.format(*v)
                    }
                }))
                .chain(std::iter::once(table::incomplete_cell(plot::missing_rows(&incomplete, r.key))))
                .collect()
        })
        .collect();
    let mut plot = plot::PlotData::build(a, &table, settings, &events, range, &incomplete);
    let lang = crate::i18n::Lang::En;
    plot.reported = reported_points::points(
        &view.workspace.reported,
        &view.workspace.selection,
        view.dataset,
        settings.view,
        &settings.measures(),
        lang,
    );
    plot.reported_name = reported_points::series_name(lang);
    let kpi = Kpi::year_to_date(a, range);
    let shown: u64 = table.rows.iter().map(|r| plot::missing_rows(&incomplete, r.key)).sum();
    let reported_kpi = reported_points::kpi(view, kpi.as_ref().map(|k| k.range), lang);
    ChartCache {
        reported_kpi,
        kpi_notes: kpi.as_ref().map(|k| kpi_notes(k, &incomplete)).unwrap_or_default(),
        banner: view.report.and_then(|r| banner_text(r, shown)),
        incomplete,
        kpi,
        title: chart_title(view, &inputs, &table),
        table,
        cells,
        plot,
    }
}

/// What the KPI strip's periods miss: the year to date and the latest month.
fn kpi_notes(kpi: &Kpi, incomplete: &PeriodCounts) -> Vec<String> {
    let ytd: u64 = kpi.range.iter().map(|m| incomplete.month(m)).sum();
    let latest = incomplete.month(kpi.latest);
    [
        (format!("Year to date ({})", kpi.range.label()), ytd),
        (format!("Latest month ({})", kpi.latest.label()), latest),
    ]
    .into_iter()
    .filter_map(|(what, n)| plot::incomplete_note(n).map(|note| format!("{what}: {note}")))
    .collect()
}

/// The warning above the chart: when more than 1% of the file's rows were skipped or in
/// conflict, or when any of them falls in a period shown (`shown` rows).
fn banner_text(report: &ImportReport, shown: u64) -> Option<String> {
    let missing = report.rows_skipped + report.conflicting_rows;
    let read = report.rows_read.max(1);
    if missing == 0 || (missing * 100 <= read && shown == 0) {
        return None;
    }
    let rows = |n: u64| if n == 1 { "1 row".to_owned() } else { format!("{n} rows") };
    let file = std::path::Path::new(&report.file)
        .file_name()
        .map_or_else(|| report.file.clone(), |n| n.to_string_lossy().into_owned());
    let mut text = format!("{} of {} read from {file} could not be used", rows(missing), report.rows_read);
    match (report.rows_skipped, report.conflicting_rows) {
        (0, c) => text.push_str(&format!(" ({c} in conflict with another row of the same key)")),
        (_, 0) => {}
        (s, c) => text.push_str(&format!(" ({s} unreadable, {c} in conflict)")),
    }
    if shown > 0 {
        let fall = if shown == 1 { "1 of them falls".to_owned() } else { format!("{shown} of them fall") };
        text.push_str(&format!("; {fall} in the periods shown, which are marked incomplete."));
    } else {
        text.push_str("; none falls in the periods shown.");
    }
    Some(text)
}

/// The warning strip above the chart, with the way to the import report.
fn banner_ui(ui: &mut Ui, text: &str, commands: &mut CommandQueue) {
    let visuals = ui.visuals();
    let (fill, stroke) = (visuals.warn_fg_color.gamma_multiply(0.15), visuals.warn_fg_color);
    egui::Frame::new().fill(fill).stroke((1.0, stroke)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(text);
            if ui.button("Open import report").clicked() {
                commands.push(Command::ShowImportReport);
            }
        });
    });
    ui.add_space(4.0);
}

/// The cached aggregates and settings the chart draws from.
fn inputs<'a>(view: &ViewCtx<'a>) -> ChartInputs<'a> {
    ChartInputs {
        selection: &view.workspace.selection,
        settings: &view.workspace.chart,
        dataset: view.dataset,
        aggregate: view.aggregate,
        compared: view.compared,
        mirror: view.mirror,
    }
}

fn chart_title(view: &ViewCtx<'_>, inputs: &ChartInputs<'_>, table: &ViewTable) -> String {
    use crate::model::table::RowKey;
    let sel = &view.workspace.selection;
    let reporter = party_name(sel.reporter.as_deref(), view.dataset.reporters(), "All reporters");
    let partner = party_name(sel.partner.as_deref(), view.dataset.partners(), "All partners");
    let commodity = sel.commodity.as_deref().map_or_else(String::new, |c| format!(", HS {c}"));
    let range = match (table.rows.first().map(|r| r.key), table.rows.last().map(|r| r.key)) {
        // Quarterly rows are keyed by their last months: the range starts two months earlier.
        (Some(RowKey::Month(a)), Some(RowKey::Month(b)))
            if view.workspace.chart.view == ChartView::Quarterly =>
        {
            format!(", {}", MonthRange::new(YearMonth::from_index(a.index() - 2), b).label())
        }
        (Some(RowKey::Month(a)), Some(RowKey::Month(b))) => format!(", {}", MonthRange::new(a, b).label()),
        (Some(RowKey::Year(a)), Some(RowKey::Year(b))) if a == b => format!(", {a}"),
        (Some(RowKey::Year(a)), Some(RowKey::Year(b))) => format!(", {a}–{b}"),
        _ => String::new(),
    };
    let what = view.workspace.chart.view.title();
    if inputs.shows_mirror() {
        return format!("{reporter} – {partner}, each side's statistics: {what}{commodity}{range}");
    }
    if !inputs.compared.is_empty() {
        let others: Vec<String> =
            inputs.compared.iter().map(|(q, _)| party_name(Some(q), view.dataset.partners(), "")).collect();
        let measure = inputs.compare_measure().label().to_lowercase();
        return format!(
            "{reporter} – {partner}, {}: {what} ({measure}){commodity}{range}",
            others.join(", ")
        );
    }
    format!("{reporter} – {partner}: {what}{commodity}{range}")
}

/// The KPI strip: latest month, year to date with its change, balance. Cards go side by side
/// while they fit, then on a new row; their text never wraps.
fn kpi_strip_ui(ui: &mut Ui, kpi: Option<&Kpi>, reported: Option<&(String, String)>) {
    let headline = kpi.map(Kpi::headline).unwrap_or_default();
    let latest = kpi.map(Kpi::latest_line).unwrap_or_default();
    let balance = kpi.and_then(Kpi::balance_line);
    let mut cards = Vec::new();
    if kpi.is_some() {
        cards.push(("Year to date, turnover", headline.as_str(), true));
        cards.push(("Latest month, turnover", latest.as_str(), false));
    }
    if let Some(b) = &balance {
        cards.push(("Balance (exports − imports)", b.as_str(), false));
    }
    if let Some((caption, text)) = reported {
        cards.push((caption.as_str(), text.as_str(), kpi.is_none()));
    }
    let spacing = ui.spacing().item_spacing.x;
    let widths: Vec<f32> = cards
        .iter()
        .map(|(_, text, strong)| {
            let font = egui::FontId::proportional(if *strong { 16.0 } else { 14.0 });
            let color = ui.visuals().text_color();
            ui.fonts_mut(|f| f.layout_no_wrap((*text).to_owned(), font, color)).size().x + 12.0 + spacing
        })
        .collect();
    let full = ui.available_width();
    let mut start = 0;
    while start < cards.len() {
        let mut end = start + 1;
        let mut used = widths[start];
        while end < cards.len() && used + widths[end] <= full {
            used += widths[end];
            end += 1;
        }
        ui.horizontal(|ui| {
            for (caption, text, strong) in &cards[start..end] {
                kpi_card_ui(ui, caption, text, *strong);
            }
        });
        start = end;
    }
}

fn kpi_card_ui(ui: &mut Ui, caption: &str, text: &str, strong: bool) {
    egui::Frame::new().fill(theme::card(ui.visuals())).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        ui.vertical(|ui| {
            ui.label(RichText::new(caption).small().color(theme::weak(ui.visuals())));
            let t = RichText::new(text).size(if strong { 16.0 } else { 14.0 });
            ui.label(if strong { t.strong() } else { t });
        });
    });
}

/// View, drawing style, measures and the period selector.
fn controls_ui(ui: &mut Ui, view: &ViewCtx<'_>, reset_plot: &mut bool, commands: &mut CommandQueue) {
    let mut settings = view.workspace.chart.clone();
    ui.horizontal_wrapped(|ui| {
        for v in ChartView::ALL {
            ui.selectable_value(&mut settings.view, v, v.label());
        }
        ui.separator();
        let mut style = (settings.bars, settings.stacked && settings.bars);
        ui.selectable_value(&mut style, (false, false), "Lines");
        ui.selectable_value(&mut style, (true, false), "Bars");
        ui.selectable_value(&mut style, (true, true), "Stacked");
        (settings.bars, settings.stacked) = style;
        ui.separator();
        if ui.button("Reset zoom").on_hover_text("Or double-click the chart").clicked() {
            *reset_plot = true;
        }
        if ui.button("Export PNG…").clicked() {
            commands.push(Command::ExportChartDialog);
        }
        ui.toggle_value(&mut settings.table, "Table and events");
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut settings.exports, "Exports");
        ui.checkbox(&mut settings.imports, "Imports");
        ui.checkbox(&mut settings.turnover, "Turnover");
        ui.checkbox(&mut settings.balance, "Balance");
        ui.add_enabled(view.mirror.is_some(), egui::Checkbox::new(&mut settings.mirror, "Mirror statistics"))
            .on_hover_text(
                "The reporter's exports against the partner's imports from it (and the other way), with \
                 the gap. Needs a reporter and a partner whose own figures are in the data.",
            )
            .on_disabled_hover_text("Choose a reporter and a partner that also reports the reporter");
        ui.separator();
        period_selector_ui(ui, view, commands);
    });
    if settings != view.workspace.chart {
        commands.push(Command::SetChart(settings));
    }
}

fn period_selector_ui(ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
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
