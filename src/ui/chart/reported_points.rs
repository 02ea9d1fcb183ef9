//! Reported figures on the chart: the Annual view draws those of calendar years at their year,
//! the Year-to-date view those of spans from January at the span's last month, as they were
//! published (never spread over months). Each is a diamond labelled with its source
//! ("reported: BelTA via Kazinform, 11 Sep 2018"); a value derived from a published growth rate
//! says so. Only figures of the selected reporter and partner (all commodities) are drawn, for
//! the measures the chart shows.

use egui::Color32;
use egui_plot::{MarkerShape, PlotPoint, PlotPoints, PlotUi, Points};

use crate::i18n::{Lang, tr};
use crate::model::chart::{ChartView, Measure};
use crate::model::dataset::Dataset;
use crate::model::format;
use crate::model::period::MonthRange;
use crate::model::query::Selection;
use crate::model::reported::{Measure as FigureMeasure, ReportedFigure};
use crate::ui::ViewCtx;

/// One reported figure as drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportedPoint {
    /// Plot x: the year (annual view) or the month index of the span's end.
    pub x: f64,
    /// The value, US dollars.
    pub y: f64,
    /// "reported: SOURCE".
    pub label: String,
    /// The value as the label beside the point writes it, in the chart's language ("$58.3M",
    /// "58,3 млн").
    pub amount: String,
    /// "Belarus – Kazakhstan turnover, 2018: $896 million, +30.0% (reported: law.by …)".
    pub hover: String,
    color: Color32,
}

fn chart_measure(m: FigureMeasure) -> Measure {
    match m {
        FigureMeasure::Turnover => Measure::Turnover,
        FigureMeasure::Exports => Measure::Exports,
        FigureMeasure::Imports => Measure::Imports,
    }
}

/// The points of `figures` for the chart's view and measures; none for the other views.
pub(crate) fn points(
    figures: &[ReportedFigure],
    sel: &Selection,
    data: &Dataset,
    view: ChartView,
    measures: &[Measure],
    lang: Lang,
) -> Vec<ReportedPoint> {
    figures
        .iter()
        .filter(|f| measures.contains(&chart_measure(f.measure)) && f.matches_selection(sel, data))
        .filter_map(|f| {
            let span = f.span?;
            let x = match view {
                ChartView::Annual if f.is_calendar_year() => f64::from(span.start.year),
                ChartView::Ytd if f.is_from_january() => f64::from(span.end.index()),
                _ => return None,
            };
            if sel.range.is_some_and(|r| !r.contains(span.end)) {
                return None;
            }
            let source = f.source.trim().to_owned();
            let label = if f.derived_from_growth {
                tr!(lang, "reported-chart-derived", source = source)
            } else {
                tr!(lang, "reported-chart-point", source = source)
            };
            let hover = format!(
                "{} {}, {}: {} ({label})",
                crate::i18n::chart_text::measure(lang, chart_measure(f.measure)),
                f.reporter.trim(),
                crate::model::note::period_text(lang, span),
                value_text(lang, f)
            );
            let color = super::plot::measure_color(chart_measure(f.measure));
            let amount = format::usd_short_in(lang, f.value_usd);
            Some(ReportedPoint { x, y: f.value_usd, label, amount, hover, color })
        })
        .collect()
}

impl ReportedPoint {
    /// The colour of its measure.
    pub(super) fn color(&self) -> Color32 {
        self.color
    }
}

/// The legend entry of the points: "Reported figures".
pub(crate) fn series_name(lang: Lang) -> String {
    tr(lang, "reported-chart-series")
}

/// Item id of the reported points (one legend entry for all of them).
pub(super) const REPORTED_ID: &str = "reported-figures";

/// Draws the points as one legend entry `name`; their labels are painted by [`labels_ui`].
pub(super) fn draw(pui: &mut PlotUi<'_>, points: &[ReportedPoint], name: &str) {
    for p in points {
        let at = PlotPoint::new(p.x, p.y);
        let marker = Points::new(name, PlotPoints::Owned(vec![at]))
            .id(REPORTED_ID)
            .shape(MarkerShape::Diamond)
            .filled(true)
            .radius(6.0)
            .color(p.color);
        pui.points(marker);
    }
}

/// Paints each point's label ("$58.3M: reported: BelTA …") beside it, inside the plot's
/// `frame`, and returns the labels' screen rects.
///
/// A label goes right of its point and above it where it fits; a point near the right edge
/// (the latest figure, Jul 2018 in the example) has its label on its left, one near the top
/// has it below; a label wider than the room on either side is shifted to fit the frame (it
/// may then pass over its own point, never out of the plot). Painted on the screen, not added
/// as a plot item, so that it never stretches the plot's bounds nor runs past its edge.
pub(super) fn labels_ui(
    ui: &egui::Ui,
    hidden: bool,
    transform: &egui_plot::PlotTransform,
    points: &[ReportedPoint],
) -> Vec<egui::Rect> {
    if hidden {
        return Vec::new();
    }
    let frame = *transform.frame();
    let painter = ui.painter().with_clip_rect(frame);
    let font = egui::FontId::proportional(11.0);
    let gap = 8.0;
    points
        .iter()
        .map(|p| {
            let at = transform.position_from_point(&PlotPoint::new(p.x, p.y));
            let text = format!("{}: {}", p.amount, p.label);
            let galley = painter.layout_no_wrap(text, font.clone(), p.color);
            let size = galley.size();
            let left = if at.x + gap + size.x <= frame.right() { at.x + gap } else { at.x - gap - size.x };
            let left = left.min(frame.right() - size.x).max(frame.left());
            let top = if at.y - 2.0 - size.y >= frame.top() { at.y - 2.0 - size.y } else { at.y + gap };
            let top = top.min(frame.bottom() - size.y).max(frame.top());
            let rect = egui::Rect::from_min_size(egui::pos2(left, top), size);
            painter.galley(rect.min, galley, p.color);
            rect
        })
        .collect()
}

/// The hover text of the points at `x`, one line each; `None` when there is none.
pub(super) fn hover_at(points: &[ReportedPoint], x: f64) -> Option<String> {
    let lines: Vec<&str> =
        points.iter().filter(|p| (p.x - x).abs() < 1e-9).map(|p| p.hover.as_str()).collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The reported turnover figure shown beside the computed KPIs, as (caption, text): of the
/// selected pair, published (not derived), for the same months as the computed year to date
/// when there is one, else the latest. Shown alone when the data has nothing for the selection.
pub(super) fn kpi(view: &ViewCtx<'_>, ytd: Option<MonthRange>, lang: Lang) -> Option<(String, String)> {
    let sel = &view.workspace.selection;
    let candidates: Vec<&ReportedFigure> = view
        .workspace
        .reported
        .iter()
        .filter(|f| f.measure == FigureMeasure::Turnover && !f.derived_from_growth)
        .filter(|f| f.matches_selection(sel, view.dataset))
        .collect();
    let same = candidates.iter().find(|f| ytd.is_some() && f.span == ytd);
    let latest = candidates.iter().max_by_key(|f| f.span.map(|s| (s.end, s.len_months())));
    let f = same.or(latest)?;
    let span = f.span?;
    let caption = tr!(lang, "reported-kpi-caption", period = crate::model::note::period_text(lang, span));
    Some((caption, format!("{} ({})", value_text(lang, f), f.source.trim())))
}

/// A figure's value and published growth in `lang`: "58,3 млн долл. США, +18,6%".
pub(crate) fn value_text(lang: Lang, f: &ReportedFigure) -> String {
    let change = f.change.map_or_else(String::new, |c| format!(", {}", format::pct_change_in(lang, c)));
    format!("{}{change}", format::usd_in(lang, f.value_usd))
}
