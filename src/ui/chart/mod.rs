//! The trade chart panel: views (monthly, year on year, year to date, rolling 12 months,
//! annual), lines or bars, a KPI strip, events on the timeline, and the table of the numbers
//! drawn. Everything drawn comes from [`ChartCache`], rebuilt only when the revisions it reads
//! change (data, selection, aggregates, workspace: settings, events and visits are in it).

mod events;
mod legend;
mod plot;
mod reported_points;
mod table;

pub use plot::PlotLayout;
pub(crate) use plot::incomplete_note;
pub(crate) use reported_points::value_text as reported_value_text;

use egui::{RichText, Ui};

use super::memo::Memo;
use super::{Panel, Revisions, ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, chart_text, tr, tr_attr};
use crate::io::import::ImportReport;
use crate::model::annotation::Annotation;
use crate::model::chart::{ChartSettings, ChartView, Measure};
use crate::model::completeness::{PeriodCounts, incomplete_counts};
use crate::model::kpi::Kpi;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Selection;
use crate::model::table::{ChartInputs, RowKey, Unit, ViewTable, party_name};

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
    /// When this view has no rows for the selection: a view that has some.
    elsewhere: Option<ChartView>,
    title: String,
}

/// The chart panel and its derived-data cache.
#[derive(Debug, Default)]
pub struct ChartPanel {
    /// Keyed on the language too: the title and KPI texts are in it.
    cache: Memo<(Revisions, Lang), ChartCache>,
    /// Screen rect of the chart with its title, KPI strip, axes and legend in the last frame
    /// drawn; the PNG export crops the window screenshot to it.
    pub export_rect: Option<egui::Rect>,
    /// Reset zoom and pan on the next frame.
    reset_plot: bool,
    table: table::TableState,
    events: events::EventsEditor,
    /// Height of what stands above the plot (KPI strip, notes, title) in the last frame: the
    /// table below gives up height so that the plot keeps [`MIN_PLOT_HEIGHT`].
    above_plot: f32,
    /// Where the plot and its labels were in the last frame drawn (tests check that they
    /// stay inside it).
    layout: Option<PlotLayout>,
}

/// The plot's least height (with its axes) that the table below does not take.
const MIN_PLOT_HEIGHT: f32 = 220.0;

/// The plot's least share of the panel's height (its frame and axes, 45% and more of the
/// panel under the tab bar once spacing is counted): at 1280×800 in Russian, with the sample
/// split's note and four KPI cards above it, it was 165 points of 720 before.
const PLOT_SHARE: f32 = 0.47;

/// The most of the panel's height the KPI cards take in rows; past it they stand in one row
/// that scrolls sideways (see `kpi_strip_ui`).
const KPI_SHARE: f32 = 0.15;
/// The height of a row of KPI cards, each on one line: caption, figure, margins, spacing.
const KPI_ROW_HEIGHT: f32 = 50.0;

/// The height of the table and events panel while an event's form is open: the heading, the
/// form's three fields, its message and its buttons.
const EVENT_FORM_HEIGHT: f32 = 190.0;

/// The least height of the table and events panel under the plot: the heading, the column
/// titles and a row or two (it scrolls). With less room the table is not shown, and a note says why.
const MIN_TABLE_HEIGHT: f32 = 100.0;

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

    /// Where the plot and the labels painted on it were in the last frame drawn.
    #[must_use]
    pub fn layout(&self) -> Option<&PlotLayout> {
        self.layout.as_ref()
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
        if !self.cache.holds(&(view.revisions, view.lang)) {
            self.reset_plot = true;
        }
        self.cache.get((view.revisions, view.lang), || build(view));
    }

    /// Draws the panel: controls, then the chart with its KPI strip, then the table and events.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        self.refresh(view);
        let Self { cache, export_rect, reset_plot, table, events, above_plot, layout } = self;
        let revision = cache.computations();
        let Some(cache) = cache.value() else { return };
        let lang = view.lang;
        // The plot keeps at least [`PLOT_SHARE`] of the panel's height (and
        // [`MIN_PLOT_HEIGHT`]): the table below gives up height first, the KPI cards above
        // wrap their text two to a row (see `kpi_strip_ui`).
        let panel = ui.available_height();
        let min_plot = (panel * PLOT_SHARE).max(MIN_PLOT_HEIGHT);
        controls_ui(ui, view, reset_plot, commands);
        ui.separator();
        let height = ui.available_height();
        // What the table and events may take under the plot, measured under what stood above
        // the plot in the last frame; in a short window the chart comes first.
        let max_table = (height * 0.4).min(height - *above_plot - min_plot);
        let room = max_table >= MIN_TABLE_HEIGHT;
        // An event being added or edited takes the room its form needs (its Save button was
        // cut off under the panel's edge), from the plot, for as long as the form is open.
        let least = if events.editing() { EVENT_FORM_HEIGHT.min(height * 0.5) } else { MIN_TABLE_HEIGHT };
        let max_table = max_table.max(least);
        if view.workspace.chart.table && !room {
            ui.label(RichText::new(tr(lang, "chart-window-too-small")).small());
        }
        if view.workspace.chart.table && room {
            // The table (resizable) keeps the height its heading, the events beside it and a
            // few rows need (less, and they would be drawn over the plot's axis).
            let start = 230.0_f32.min(max_table);
            egui::Panel::bottom("chart-bottom")
                .resizable(true)
                .default_size(start)
                .size_range(least..=max_table)
                .show(ui, |ui| {
                    egui::Panel::right("chart-events").resizable(true).default_size(260.0).show(ui, |ui| {
                        events.ui(ui, lang, &view.workspace.annotations, commands);
                    });
                    table.ui(ui, lang, &cache.table, revision, &cache.cells, commands);
                });
        }
        if let Some(banner) = &cache.banner {
            banner_ui(ui, lang, banner, commands);
        }
        let scope = ui.scope(|ui| {
            let kpi_room = (panel * KPI_SHARE).max(KPI_ROW_HEIGHT);
            kpi_strip_ui(ui, lang, cache.kpi.as_ref(), cache.reported_kpi.as_ref(), kpi_room);
            for note in &cache.kpi_notes {
                ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
            }
            ui.add_space(4.0);
            let title = ui.vertical_centered(|ui| ui.label(RichText::new(&cache.title).heading()));
            if view.workspace.data.sample {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(tr(lang, "chart-sample-note"))
                            .color(theme::weak(ui.visuals()))
                            .italics(),
                    )
                });
            }
            let legend =
                if cache.table.rows.is_empty() { Vec::new() } else { plot::legend_row_ui(ui, &cache.plot) };
            let above = ui.min_rect().bottom().max(title.response.rect.bottom()) - ui.min_rect().top();
            if (above - *above_plot).abs() > 1.0 {
                // The table's room depends on it: lay out again once (not every frame).
                *above_plot = above;
                ui.ctx().request_repaint();
            }
            if cache.table.rows.is_empty() {
                *layout = None;
                ui.add_space(40.0);
                empty_ui(ui, view, cache.elsewhere, commands);
                ui.add_space(40.0);
                return;
            }
            *layout = Some(plot::plot_ui(ui, lang, &cache.plot, std::mem::take(reset_plot), legend));
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
        .chain(view.workspace.visits.iter().map(|v| Annotation {
            label: crate::tr!(view.lang, "visit-annotation", title = v.title.clone()),
            ..v.as_annotation()
        }))
        .collect();
    let a = view.aggregate;
    let range = view.workspace.selection.range;
    let inputs = inputs(view);
    let table = inputs.table();
    let incomplete =
        incomplete_counts(view.report.map_or(&[][..], |r| &r.incomplete), &view.workspace.selection);
    let lang = view.lang;
    let cells = table
        .rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            std::iter::once(table::period_cell(lang, &table, ri))
                .chain(r.values.iter().zip(&table.columns).enumerate().map(|(ci, (v, c))| {
                    let text = cell_text(lang, c.unit, *v);
                    if table.published_differs(ri, ci) {
                        format!("{text} — {}", tr(lang, "chart-published-differs"))
                    } else {
                        text
                    }
                }))
                .chain(std::iter::once(table::incomplete_cell(lang, plot::missing_rows(&incomplete, r.key))))
                .collect()
        })
        .collect();
    let mut plot = plot::PlotData::build(a, &table, settings, &events, range, &incomplete, lang);
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
    let elsewhere = if table.rows.is_empty() { view_with_rows(&inputs) } else { None };
    let reported_kpi = reported_points::kpi(view, kpi.as_ref().map(|k| k.range), lang);
    ChartCache {
        elsewhere,
        reported_kpi,
        kpi_notes: kpi.as_ref().map(|k| kpi_notes(lang, k, &incomplete)).unwrap_or_default(),
        banner: view.report.and_then(|r| banner_text(lang, r, shown)),
        incomplete,
        kpi,
        title: chart_title(view, &inputs, &table),
        table,
        cells,
        plot,
    }
}

/// The first other view with rows for the selection (an annual-only file has none in the
/// monthly views), so that an empty chart can say where the figures are.
fn view_with_rows(inputs: &ChartInputs<'_>) -> Option<ChartView> {
    ChartView::ALL.into_iter().filter(|v| *v != inputs.settings.view).find(|&v| {
        let settings = ChartSettings { view: v, ..inputs.settings.clone() };
        !ChartInputs { settings: &settings, ..*inputs }.table().rows.is_empty()
    })
}

/// An empty chart: "No data for this selection.", or, when another view has figures for it,
/// which one, with a button that switches to it.
fn empty_ui(ui: &mut Ui, view: &ViewCtx<'_>, elsewhere: Option<ChartView>, commands: &mut CommandQueue) {
    let lang = view.lang;
    let Some(other) = elsewhere else {
        ui.vertical_centered(|ui| ui.label(tr(lang, "chart-no-data")));
        return;
    };
    let caption = |v: ChartView| tr(lang, &format!("view-{}", v.cli_name()));
    let (current, other_name) = (caption(view.workspace.chart.view), caption(other));
    ui.vertical_centered(|ui| {
        ui.label(tr!(lang, "chart-empty-elsewhere", view = current, other = other_name.clone()));
        if ui.button(tr!(lang, "chart-empty-show", other = other_name)).clicked() {
            let settings = ChartSettings { view: other, ..view.workspace.chart.clone() };
            commands.push(Command::SetChart(settings));
        }
    });
}

/// A value as the table shows it in `lang`: "4 895 000", "+18,6%"; "—" for a gap.
fn cell_text(lang: Lang, unit: Unit, value: Option<f64>) -> String {
    match (value, unit) {
        (None, _) => "—".to_owned(),
        (Some(v), Unit::Usd) => crate::model::format::usd_exact_in(lang, v),
        (Some(v), Unit::Change) => crate::model::format::pct_change_in(lang, v),
    }
}

/// What the KPI strip's periods miss: the year to date and the latest month.
fn kpi_notes(lang: Lang, kpi: &Kpi, incomplete: &PeriodCounts) -> Vec<String> {
    let ytd: u64 = kpi.range.iter().map(|m| incomplete.month(m)).sum();
    let latest = incomplete.month(kpi.latest);
    [
        (crate::tr!(lang, "chart-incomplete-ytd", range = chart_text::span(lang, kpi.range)), ytd),
        (crate::tr!(lang, "chart-incomplete-latest", month = chart_text::month(lang, kpi.latest)), latest),
    ]
    .into_iter()
    .filter_map(|(what, n)| plot::incomplete_note(lang, n).map(|note| format!("{what}: {note}")))
    .collect()
}

/// The warning above the chart, in `lang`: when more than 1% of the file's rows were skipped
/// or in conflict, or when any of them falls in a period shown (`shown` rows).
fn banner_text(lang: Lang, report: &ImportReport, shown: u64) -> Option<String> {
    let missing = report.rows_skipped + report.conflicting_rows;
    let read = report.rows_read.max(1);
    if missing == 0 || (missing * 100 <= read && shown == 0) {
        return None;
    }
    let file = std::path::Path::new(&report.file)
        .file_name()
        .map_or_else(|| report.file.clone(), |n| n.to_string_lossy().into_owned());
    let mut text = tr!(lang, "chart-banner-rows", missing = missing, read = report.rows_read, file = file);
    match (report.rows_skipped, report.conflicting_rows) {
        (0, c) => text.push_str(&format!(" {}", tr!(lang, "chart-banner-conflict", conflicts = c))),
        (_, 0) => {}
        (s, c) => text.push_str(&format!(" {}", tr!(lang, "chart-banner-both", skipped = s, conflicts = c))),
    }
    let fall = if shown > 0 {
        tr!(lang, "chart-banner-shown", shown = shown)
    } else {
        tr(lang, "chart-banner-none-shown")
    };
    text.push_str(&format!("; {fall}"));
    Some(text)
}

/// The warning strip above the chart, with the way to the import report.
fn banner_ui(ui: &mut Ui, lang: Lang, text: &str, commands: &mut CommandQueue) {
    let visuals = ui.visuals();
    let (fill, stroke) = (visuals.warn_fg_color.gamma_multiply(0.15), visuals.warn_fg_color);
    egui::Frame::new().fill(fill).stroke((1.0, stroke)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(text);
            if ui.button(tr(lang, "chart-open-import-report")).clicked() {
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
    let sel = &view.workspace.selection;
    let lang = view.lang;
    let all_reporters = tr(lang, "chart-all-reporters");
    let all_partners = tr(lang, "chart-all-partners");
    let reporter = party_name(sel.reporter.as_deref(), view.dataset.reporters(), &all_reporters);
    let partner = party_name(sel.partner.as_deref(), view.dataset.partners(), &all_partners);
    let commodity =
        sel.commodity.as_deref().map_or_else(String::new, |c| tr!(lang, "chart-title-commodity", code = c));
    let range = match (table.rows.first().map(|r| r.key), table.rows.last().map(|r| r.key)) {
        // Quarterly rows are keyed by their last months: the range starts two months earlier.
        (Some(RowKey::Month(a)), Some(RowKey::Month(b)))
            if view.workspace.chart.view == ChartView::Quarterly =>
        {
            format!(", {}", chart_text::span(lang, MonthRange::new(YearMonth::from_index(a.index() - 2), b)))
        }
        (Some(RowKey::Month(a)), Some(RowKey::Month(b))) => {
            format!(", {}", chart_text::span(lang, MonthRange::new(a, b)))
        }
        (Some(RowKey::Year(a)), Some(RowKey::Year(b))) if a == b => format!(", {a}"),
        (Some(RowKey::Year(a)), Some(RowKey::Year(b))) => format!(", {a}–{b}"),
        _ => String::new(),
    };
    let what = chart_text::view_title(lang, view.workspace.chart.view);
    let details = format!("{commodity}{range}");
    if inputs.shows_mirror() {
        return tr!(
            lang,
            "chart-title-mirror",
            reporter = reporter,
            partner = partner,
            what = what,
            details = details
        );
    }
    if !inputs.compared.is_empty() {
        let others: Vec<String> =
            inputs.compared.iter().map(|(q, _)| party_name(Some(q), view.dataset.partners(), "")).collect();
        let measure = chart_text::measure(lang, inputs.compare_measure()).to_lowercase();
        return tr!(
            lang,
            "chart-title-compare",
            reporter = reporter,
            partner = partner,
            others = others.join(", "),
            what = what,
            measure = measure,
            details = details
        );
    }
    tr!(lang, "chart-title", reporter = reporter, partner = partner, what = what, details = details)
}

/// The KPI strip: latest month, year to date with its change, balance, the reported figure.
/// Cards go side by side while they fit, then on a new row (two to a row, wrapped, when that
/// would take more than two rows). When those rows would take more than `room` points of
/// height (Russian or Kazakh in a window 700 or 800 points high, where they took a third of
/// the panel and left the plot 42% of it), the cards stand in one row that scrolls sideways,
/// each at most three quarters of the panel wide: the year to date first, whole.
fn kpi_strip_ui(ui: &mut Ui, lang: Lang, kpi: Option<&Kpi>, reported: Option<&(String, String)>, room: f32) {
    let headline = kpi.map(|k| chart_text::kpi_headline(lang, k)).unwrap_or_default();
    let latest = kpi.map(|k| chart_text::kpi_latest(lang, k)).unwrap_or_default();
    let balance = kpi.and_then(|k| chart_text::kpi_balance(lang, k));
    let (ytd_caption, latest_caption, balance_caption) =
        // The captions name the measure the figures are of: turnover, or exports alone in a
        // file of exports (a caption saying "turnover" over an exports figure misleads).
        kpi.map_or_else(Default::default, |k| {
            let measure = chart_text::measure(lang, k.measure).to_lowercase();
            (
                tr!(lang, "kpi-ytd-caption", measure = measure.clone()),
                tr!(lang, "kpi-latest-caption", measure = measure),
                tr(lang, "kpi-balance-caption"),
            )
        });
    let mut cards = Vec::new();
    if kpi.is_some() {
        cards.push((ytd_caption.as_str(), headline.as_str(), true));
        cards.push((latest_caption.as_str(), latest.as_str(), false));
    }
    if let Some(b) = &balance {
        cards.push((balance_caption.as_str(), b.as_str(), false));
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
    // Cards side by side while they fit (greedy); when that takes more than two rows (long
    // Russian or Kazakh wording), two to a row, each wrapping its text to half the panel, so
    // that the plot below keeps its height.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < cards.len() {
        let mut end = start + 1;
        let mut used = widths[start];
        while end < cards.len() && used + widths[end] <= full {
            used += widths[end];
            end += 1;
        }
        rows.push((start, end));
        start = end;
    }
    #[allow(clippy::cast_precision_loss)] // at most four rows: exact in f32
    let wrapped = rows.len().min(2) as f32 * KPI_ROW_HEIGHT * if rows.len() > 2 { 1.6 } else { 1.0 };
    if wrapped > room && cards.len() > 1 {
        // Each card at most three quarters of the panel wide (the year to date wraps onto a
        // second line rather than running out of sight); the bar says there is more.
        let max = full * 0.75;
        ui.scope(|ui| {
            // A thin bar always drawn (the default floating one shows only under the pointer,
            // and nothing else would say that the cards go on past the edge).
            ui.spacing_mut().scroll = egui::style::ScrollStyle::thin();
            egui::ScrollArea::horizontal()
                .id_salt("chart-kpi")
                .auto_shrink([false, true])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| {
                    // Room for every card: one further right is not squeezed to what is left in sight.
                    ui.set_min_width(widths.iter().map(|w| w.min(max)).sum());
                    ui.horizontal(|ui| {
                        for (i, (caption, text, strong)) in cards.iter().enumerate() {
                            let wrap = (widths[i] > max).then_some(max - 12.0 - spacing);
                            kpi_card_ui(ui, caption, text, *strong, wrap);
                        }
                    });
                });
        });
        return;
    }
    let half = (full - spacing) / 2.0;
    let paired = rows.len() > 2;
    if paired {
        rows = (0..cards.len()).step_by(2).map(|i| (i, (i + 2).min(cards.len()))).collect();
    }
    for (start, end) in rows {
        ui.horizontal(|ui| {
            for (i, (caption, text, strong)) in cards.iter().enumerate().take(end).skip(start) {
                // A card wider than its room (the panel, or half of it when paired) wraps its
                // text rather than pushing the chart out of the window.
                let max = if paired { half - spacing } else { full };
                let wrap = widths[i] > max;
                kpi_card_ui(ui, caption, text, *strong, wrap.then_some(max - 12.0 - spacing));
            }
        });
    }
}

/// One KPI card: a small caption over the figure; `wrap`: the text's width, wrapped to it.
fn kpi_card_ui(ui: &mut Ui, caption: &str, text: &str, strong: bool, wrap: Option<f32>) {
    egui::Frame::new().fill(theme::card(ui.visuals())).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        if let Some(max) = wrap {
            ui.set_max_width(max.min(ui.available_width() - 12.0));
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        } else {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        }
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
    let lang = view.lang;
    ui.horizontal_wrapped(|ui| {
        for v in ChartView::ALL {
            ui.selectable_value(&mut settings.view, v, chart_text::view_caption(lang, v));
        }
        ui.separator();
        let mut style = (settings.bars, settings.stacked && settings.bars);
        ui.selectable_value(&mut style, (false, false), tr(lang, "chart-lines"));
        ui.selectable_value(&mut style, (true, false), tr(lang, "chart-bars"));
        ui.selectable_value(&mut style, (true, true), tr(lang, "chart-stacked"));
        (settings.bars, settings.stacked) = style;
        ui.separator();
        let reset = ui.button(tr(lang, "chart-reset-zoom"));
        if reset.on_hover_text(tr_attr(lang, "chart-reset-zoom", "tooltip", None)).clicked() {
            *reset_plot = true;
        }
        if ui.button(tr(lang, "chart-export-png")).clicked() {
            commands.push(Command::ExportChartDialog);
        }
        ui.toggle_value(&mut settings.table, tr(lang, "chart-table-and-events"));
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut settings.exports, chart_text::measure(lang, Measure::Exports));
        ui.checkbox(&mut settings.imports, chart_text::measure(lang, Measure::Imports));
        ui.checkbox(&mut settings.turnover, chart_text::measure(lang, Measure::Turnover));
        ui.checkbox(&mut settings.balance, chart_text::measure(lang, Measure::Balance));
        let mirror = egui::Checkbox::new(&mut settings.mirror, tr(lang, "chart-mirror"));
        ui.add_enabled(view.mirror.is_some(), mirror)
            .on_hover_text(tr_attr(lang, "chart-mirror", "explain", None))
            .on_disabled_hover_text(tr_attr(lang, "chart-mirror", "tooltip", None));
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
    let lang = view.lang;
    let label = ui.label(tr(lang, "chart-from")).id;
    month_combo_ui(ui, lang, "period-from", &mut from, MonthRange::new(span.start, current.end))
        .labelled_by(label);
    let label = ui.label(tr(lang, "chart-to")).id;
    month_combo_ui(ui, lang, "period-to", &mut to, MonthRange::new(current.start, span.end))
        .labelled_by(label);
    if ui.add_enabled(sel.range.is_some(), egui::Button::new(tr(lang, "chart-all-months"))).clicked() {
        commands.push(Command::SetSelection(Selection { range: None, ..sel.clone() }));
    } else if from != current.start || to != current.end {
        let range = MonthRange::new(from, to);
        let range = (range != span).then_some(range);
        commands.push(Command::SetSelection(Selection { range, ..sel.clone() }));
    }
}

fn month_combo_ui(
    ui: &mut Ui,
    lang: Lang,
    id: &str,
    value: &mut YearMonth,
    choices: MonthRange,
) -> egui::Response {
    egui::ComboBox::from_id_salt(id)
        .selected_text(chart_text::month(lang, *value))
        .height(300.0)
        .show_ui(ui, |ui| {
            for m in choices.iter() {
                ui.selectable_value(value, m, chart_text::month(lang, m));
            }
        })
        .response
}
