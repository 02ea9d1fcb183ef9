//! One target's card: its title, the arc gauge (in the style of Grafana's gauge panels), the
//! figures behind it, notes and buttons.

use std::f32::consts::PI;

use egui::{Align2, FontId, Pos2, Rect, RichText, Role, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo, vec2};

use crate::i18n::{Lang, tr};
use crate::model::format;
use crate::model::target::{
    Band, BaselineOrigin, CurrentSource, Target, TargetStatus, figure_rows_in, measure_label,
};
use crate::ui::theme;

/// Width of one gauge card, points.
pub(super) const CARD_WIDTH: f32 = 330.0;
/// Inner margin of a card, points.
pub(super) const CARD_MARGIN: f32 = 10.0;

/// What a card asks for, handled after the cards are drawn.
pub(super) enum CardAction {
    Edit(usize),
    Duplicate(usize),
    AskDelete(usize),
    Delete(usize),
    KeepIt,
    Export(usize),
}

/// Size of the arc's drawing area, points.
const GAUGE_SIZE: Vec2 = vec2(240.0, 160.0);
/// Radius of the middle of the arc's track, points.
const RADIUS: f32 = 75.0;
/// The arc starts at the lower left (150°, y down) and sweeps 240° clockwise over the top.
const ARC_START: f32 = 150.0 / 180.0 * PI;
/// Angle covered by the arc from 0 to the target.
const ARC_SWEEP: f32 = 240.0 / 180.0 * PI;

/// One target's card, drawn from borrowed state.
pub(super) struct Card<'a> {
    pub(super) index: usize,
    pub(super) target: &'a Target,
    pub(super) status: &'a TargetStatus,
    /// Whether the workspace's data is illustrative sample data.
    pub(super) sample: bool,
    /// Rows of the current period that could not be read (0 when it is complete).
    pub(super) missing: u64,
    pub(super) confirm_delete: Option<usize>,
    /// The window's language.
    pub(super) lang: Lang,
}

impl Card<'_> {
    /// Draws the card: title, gauge, figures, notes and buttons. Returns the screen rect of the
    /// card without its buttons (what a PNG export shows) and what was clicked.
    pub(super) fn ui(&self, ui: &mut Ui, can_edit: bool) -> (Rect, Option<CardAction>) {
        let Self { index, target, status, lang, .. } = *self;
        let mut action = None;
        let mut export_rect = Rect::NOTHING;
        let weak = theme::weak(ui.visuals());
        let frame = egui::Frame::group(ui.style()).inner_margin(CARD_MARGIN);
        let card = frame.show(ui, |ui| {
            ui.set_width(CARD_WIDTH);
            ui.vertical(|ui| {
                ui.push_id(index, |ui| {
                    let figures = ui.scope(|ui| {
                        ui.label(RichText::new(&target.name).strong().size(15.0));
                        ui.label(
                            RichText::new(format!(
                                "{} · {}",
                                target.scope_label_in(lang),
                                measure_label(lang, target.measure)
                            ))
                            .small()
                            .color(weak),
                        );
                        ui.vertical_centered(|ui| gauge_ui(ui, lang, target, status));
                        egui::Grid::new("figures")
                            .num_columns(2)
                            .spacing([10.0, 3.0])
                            .min_col_width(100.0)
                            .max_col_width(CARD_WIDTH - 110.0)
                            .show(ui, |ui| {
                                for (label, text) in figure_rows_in(lang, target, status) {
                                    ui.label(RichText::new(label).color(weak));
                                    ui.add(egui::Label::new(text).wrap());
                                    ui.end_row();
                                }
                            });
                        self.remarks_ui(ui);
                    });
                    // The card's margin all round, except below: the next line is not part of it.
                    let r = figures.response.rect;
                    export_rect = Rect::from_min_max(
                        r.min - Vec2::splat(CARD_MARGIN),
                        egui::pos2(r.max.x + CARD_MARGIN, r.max.y + 2.0),
                    );
                    egui::CollapsingHeader::new(tr(lang, "targets-how-computed")).id_salt("notes").show(
                        ui,
                        |ui| {
                            for note in &status.explanation {
                                ui.add(egui::Label::new(RichText::new(note.text(lang)).small()).wrap());
                            }
                        },
                    );
                    action = self.buttons_ui(ui, can_edit);
                });
            });
        });
        (export_rect.intersect(card.response.rect), action)
    }

    /// Remarks under the figures: sample data, the baseline's source, a missing deadline, the note.
    fn remarks_ui(&self, ui: &mut Ui) {
        let Self { target, status, sample, lang, .. } = *self;
        let weak = theme::weak(ui.visuals());
        let from_data = status.current.as_ref().is_some_and(|c| matches!(c.source, CurrentSource::Data(_)));
        if sample && from_data {
            ui.label(RichText::new(tr(lang, "targets-sample")).small().color(theme::warning(ui.visuals())));
        }
        if let Some(note) = crate::ui::chart::incomplete_note(lang, self.missing) {
            let period = status.current.as_ref().map_or_else(String::new, |c| c.period.text(lang));
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{period}: {note}")).small().color(theme::warning(ui.visuals())),
                )
                .wrap(),
            );
        }
        if let BaselineOrigin::Reported { source, note } = &target.baseline.origin {
            let text: Vec<&str> =
                [source.trim(), note.trim()].into_iter().filter(|t| !t.is_empty()).collect();
            if !text.is_empty() {
                ui.add(
                    egui::Label::new(
                        RichText::new(tr!(lang, "targets-baseline-source", source = text.join(". ")))
                            .small()
                            .color(weak),
                    )
                    .wrap(),
                );
            }
        }
        if target.deadline_year.is_none() {
            ui.colored_label(theme::warning(ui.visuals()), tr(lang, "targets-no-deadline"));
        }
        if !target.note.is_empty() {
            ui.add(egui::Label::new(RichText::new(&target.note).italics()).wrap());
        }
    }

    /// Edit, duplicate, delete (with its confirmation) and export.
    fn buttons_ui(&self, ui: &mut Ui, can_edit: bool) -> Option<CardAction> {
        let Self { index, target, confirm_delete, lang, .. } = *self;
        let mut act = None;
        ui.horizontal(|ui| {
            if confirm_delete == Some(index) {
                ui.label(tr!(lang, "targets-delete-question", name = target.name.clone()));
                if ui.button(tr(lang, "targets-delete-yes")).clicked() {
                    act = Some(CardAction::Delete(index));
                }
                if ui.button(tr(lang, "targets-delete-keep")).clicked() {
                    act = Some(CardAction::KeepIt);
                }
            } else {
                if ui.add_enabled(can_edit, egui::Button::new(tr(lang, "targets-edit"))).clicked() {
                    act = Some(CardAction::Edit(index));
                }
                if ui.button(tr(lang, "targets-duplicate")).clicked() {
                    act = Some(CardAction::Duplicate(index));
                }
                if ui.button(tr(lang, "targets-delete")).clicked() {
                    act = Some(CardAction::AskDelete(index));
                }
                if ui.button(tr(lang, "targets-export-png")).clicked() {
                    act = Some(CardAction::Export(index));
                }
            }
        });
        act
    }
}

/// Points along an arc from fraction `from` to `to` of the sweep.
fn arc_points(center: Pos2, radius: f32, from: f32, to: f32) -> Vec<Pos2> {
    let a0 = ARC_START + ARC_SWEEP * from;
    let a1 = ARC_START + ARC_SWEEP * to;
    // About one point per 3°, at least two.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a few dozen points along the arc
    let n = (((a1 - a0).abs() / (3.0 / 180.0 * PI)).ceil() as usize).max(1);
    #[allow(clippy::cast_precision_loss)] // a few dozen points: exact in f32
    (0..=n)
        .map(|i| {
            let a = a0 + (a1 - a0) * i as f32 / n as f32;
            center + radius * vec2(a.cos(), a.sin())
        })
        .collect()
}

/// The arc gauge: a track from zero to the target, the current value over it in the colour of
/// its threshold band, a thin outer ring showing the bands, and the value in the middle.
fn gauge_ui(ui: &mut Ui, lang: Lang, target: &Target, status: &TargetStatus) {
    let (rect, response) = ui.allocate_exact_size(GAUGE_SIZE, Sense::hover());
    let progress = status.progress_pct.map(|p| p / 100.0);
    let label = match (status.current_usd(), status.progress_pct) {
        (Some(c), Some(p)) => tr!(
            lang,
            "gauge-label",
            value = format::usd_in(lang, c),
            target = format::usd_in(lang, target.target_usd),
            pct = pct_text(lang, p)
        ),
        _ => tr(lang, "gauge-label-no-value"),
    };
    response.widget_info(|| WidgetInfo::labeled(Role::Meter, true, &label));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let thickness = 18.0;
    let radius = RADIUS;
    // Room above the track for the threshold ring: the ring's outer edge touches the top.
    let center = Pos2::new(rect.center().x, rect.top() + radius + thickness / 2.0 + 8.0);

    // Threshold ring, just outside the track.
    let ring_r = radius + thickness / 2.0 + 5.0;
    let th = &target.thresholds;
    let bands = [
        (0.0, th.amber_from_pct / 100.0, Band::Low),
        (th.amber_from_pct / 100.0, th.green_from_pct / 100.0, Band::Medium),
        (th.green_from_pct / 100.0, 1.0, Band::High),
    ];
    for (from, to, level) in bands {
        #[allow(clippy::cast_possible_truncation)] // a fraction in 0..=1, for drawing
        let (from, to) = (from.clamp(0.0, 1.0) as f32, to.clamp(0.0, 1.0) as f32);
        if to > from {
            painter.add(Shape::line(
                arc_points(center, ring_r, from, to),
                Stroke::new(3.0, theme::gauge_level(visuals, level)),
            ));
        }
    }

    // Track and value.
    painter.add(Shape::line(
        arc_points(center, radius, 0.0, 1.0),
        Stroke::new(thickness, theme::gauge_track(visuals)),
    ));
    if let (Some(p), Some(level)) = (progress, status.level) {
        #[allow(clippy::cast_possible_truncation)] // a fraction in 0..=1, for drawing
        let p = p.clamp(0.0, 1.0) as f32;
        if p > 0.0 {
            painter.add(Shape::line(
                arc_points(center, radius, 0.0, p),
                Stroke::new(thickness, theme::gauge_level(visuals, level)),
            ));
        }
    }

    // Where the required growth path says the value should be by now: a tick across the track.
    if let Some(path) = status.required_path_usd.filter(|_| target.target_usd > 0.0) {
        #[allow(clippy::cast_possible_truncation)] // a fraction in 0..=1, for drawing
        let f = (path / target.target_usd).clamp(0.0, 1.0) as f32;
        let dir = angle_vec(f);
        painter.line_segment(
            [
                center + (radius - thickness / 2.0 - 3.0) * dir,
                center + (radius + thickness / 2.0 + 3.0) * dir,
            ],
            Stroke::new(2.5, visuals.strong_text_color()),
        );
    }

    // Ends of the scale: 0 and the target.
    let strong = visuals.strong_text_color();
    let weak = visuals.weak_text_color();
    let small = FontId::proportional(11.0);
    let end = |f: f32| center + (radius + thickness / 2.0 + 2.0) * angle_vec(f);
    painter.text(end(0.0) + vec2(4.0, 8.0), Align2::CENTER_TOP, "$0", small.clone(), weak);
    painter.text(
        end(1.0) + vec2(-4.0, 8.0),
        Align2::CENTER_TOP,
        format::usd_short_in(lang, target.target_usd),
        small,
        weak,
    );

    // The value in the middle, the share of the target under it.
    let (big, sub) = match (status.current_usd(), status.progress_pct) {
        (Some(c), Some(p)) => {
            (format::usd_short_in(lang, c), tr!(lang, "gauge-pct-of-target", pct = pct_text(lang, p)))
        }
        _ => ("—".to_owned(), tr(lang, "gauge-no-value")),
    };
    painter.text(center + vec2(0.0, -4.0), Align2::CENTER_CENTER, big, FontId::proportional(26.0), strong);
    painter.text(center + vec2(0.0, 18.0), Align2::CENTER_CENTER, sub, FontId::proportional(12.0), weak);
    if status.met() {
        painter.text(
            center + vec2(0.0, 36.0),
            Align2::CENTER_CENTER,
            tr(lang, "gauge-met"),
            FontId::proportional(12.0),
            theme::gauge_level(visuals, Band::High),
        );
    }
}

/// A percentage with one decimal in `lang`: "69.0", "69,0", with its sign when negative.
fn pct_text(lang: Lang, p: f64) -> String {
    let sign = if p < 0.0 { "−" } else { "" };
    format!("{sign}{}", crate::i18n::format::decimal(lang, p, 1))
}

/// Unit vector at fraction `f` of the sweep.
fn angle_vec(f: f32) -> Vec2 {
    let a = ARC_START + ARC_SWEEP * f;
    vec2(a.cos(), a.sin())
}
