//! Target-gap gauges: one card per target with a painter-drawn arc gauge (in the style of
//! Grafana's gauge panels), the figures behind it, and an editor to add, edit, duplicate and
//! delete targets.
//!
//! The panel never changes the workspace: edits push [`Command::SetTargets`], a PNG export
//! [`Command::ExportGaugeDialog`]. Statuses come from a [`TargetCache`] keyed by the view
//! revision and the targets, so idle frames compute nothing.

use std::f32::consts::PI;

use egui::{Align2, FontId, Pos2, Rect, RichText, Role, Sense, Shape, Stroke, Ui, Vec2, WidgetInfo, vec2};

use crate::app::Command;
use crate::model::format;
use crate::model::target::{
    Band, Baseline, BaselineOrigin, CurrentBasis, CurrentSource, Target, TargetCache, TargetMeasure,
    TargetStatus, Thresholds, figure_rows, parse_usd,
};

use super::{ViewCtx, theme};

/// Width of one gauge card, points.
const CARD_WIDTH: f32 = 330.0;
/// Inner margin of a card, points.
const CARD_MARGIN: f32 = 10.0;
/// Size of the arc's drawing area, points.
const GAUGE_SIZE: Vec2 = vec2(240.0, 160.0);
/// Radius of the middle of the arc's track, points.
const RADIUS: f32 = 75.0;
/// The arc starts at the lower left (150°, y down) and sweeps 240° clockwise over the top.
const ARC_START: f32 = 150.0 / 180.0 * PI;
/// Angle covered by the arc from 0 to the target.
const ARC_SWEEP: f32 = 240.0 / 180.0 * PI;

/// Panel state: the editor, a pending delete confirmation, the status cache and where each
/// card was drawn (for PNG export).
#[derive(Debug, Default)]
pub struct GaugesPanel {
    /// The target being edited or created.
    editor: Option<Editor>,
    /// Index of the target whose delete awaits confirmation.
    confirm_delete: Option<usize>,
    /// Statuses, recomputed only when the data, the selection or a target changes.
    cache: TargetCache,
    /// Screen rect of each card in the last frame drawn, `None` unless wholly visible; the PNG
    /// export crops to it.
    card_rects: Vec<Option<Rect>>,
    /// The same a frame earlier: a card counts as on screen only when it has not moved.
    prev_card_rects: Vec<Option<Rect>>,
    /// Card to scroll into view on the next frame.
    scroll_to: Option<usize>,
    /// An export asked for: the card is scrolled into view first, then the dialog opens.
    export_when_visible: Option<usize>,
}

/// What a card asks for, handled after the cards are drawn.
enum CardAction {
    Edit(usize),
    Duplicate(usize),
    AskDelete(usize),
    Delete(usize),
    KeepIt,
    Export(usize),
}

/// Text buffers of the target editor.
#[derive(Clone, Debug, PartialEq)]
struct Editor {
    /// Where the target being edited was, and what it was; `None` for a new one. Saving
    /// replaces that target wherever it is now (targets may have been added or deleted since),
    /// or adds the edit as a new target when it is gone.
    editing: Option<(usize, Target)>,
    name: String,
    reporter: String,
    partner: String,
    commodity: String,
    measure: TargetMeasure,
    basis: CurrentBasis,
    target_value: String,
    deadline: String,
    baseline_year: String,
    baseline_reported: bool,
    baseline_value: String,
    baseline_source: String,
    baseline_note: String,
    amber_pct: String,
    green_pct: String,
    note: String,
}

impl Editor {
    fn from_target(index: Option<usize>, t: &Target) -> Self {
        let editing = index.map(|i| (i, t.clone()));
        let (reported, source, note) = match &t.baseline.origin {
            BaselineOrigin::Reported { source, note } => (true, source.clone(), note.clone()),
            BaselineOrigin::Computed => (false, String::new(), String::new()),
        };
        let amount = |v: f64| if v > 0.0 { plain_usd(v) } else { String::new() };
        Self {
            editing,
            name: t.name.clone(),
            reporter: t.reporter.clone(),
            partner: t.partner.clone(),
            commodity: t.commodity.clone(),
            measure: t.measure,
            basis: t.basis,
            target_value: amount(t.target_usd),
            deadline: t.deadline_year.map(|y| y.to_string()).unwrap_or_default(),
            baseline_year: t.baseline.year.to_string(),
            baseline_reported: reported,
            baseline_value: amount(t.baseline.value_usd),
            baseline_source: source,
            baseline_note: note,
            amber_pct: t.thresholds.amber_from_pct.to_string(),
            green_pct: t.thresholds.green_from_pct.to_string(),
            note: t.note.clone(),
        }
    }

    /// The target as entered, or every message about what is wrong with it. A field that cannot
    /// be read gets one message, and a stand-in value that the model's checks accept, so that
    /// it is not reported twice.
    fn parse(&self) -> Result<Target, Vec<String>> {
        let mut errors = Vec::new();
        let mut amount = |text: &str, what: &str| {
            if text.trim().is_empty() {
                return 0.0;
            }
            parse_usd(text).unwrap_or_else(|| {
                errors.push(format!(
                    "{what}: “{}” is not an amount; write e.g. 1 billion or 690 million.",
                    text.trim()
                ));
                1.0
            })
        };
        let target_usd = amount(&self.target_value, "Target value");
        let baseline_usd =
            if self.baseline_reported { amount(&self.baseline_value, "Baseline value") } else { 0.0 };
        let mut year = |text: &str, what: &str| match text.trim().parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => {
                errors.push(format!("{what}: “{}” is not a year; write e.g. 2020.", text.trim()));
                None
            }
        };
        let baseline_year = year(&self.baseline_year, "Baseline year");
        let deadline_year =
            if self.deadline.trim().is_empty() { None } else { year(&self.deadline, "Deadline") };
        let mut pct = |text: &str, what: &str| match text.trim().trim_end_matches('%').trim().parse::<f64>() {
            Ok(p) if p.is_finite() => Some(p),
            _ => {
                errors.push(format!("{what}: “{}” is not a percentage; write e.g. 90.", text.trim()));
                None
            }
        };
        let amber = pct(&self.amber_pct, "Amber from");
        let green = pct(&self.green_pct, "Green from");
        let amber_from_pct = amber.unwrap_or(0.0);
        let thresholds =
            Thresholds { amber_from_pct, green_from_pct: green.unwrap_or(amber_from_pct.max(0.0)) };
        let origin = if self.baseline_reported {
            BaselineOrigin::Reported {
                source: self.baseline_source.trim().to_owned(),
                note: self.baseline_note.trim().to_owned(),
            }
        } else {
            BaselineOrigin::Computed
        };
        let baseline_year_or_standin = baseline_year.unwrap_or_else(|| deadline_year.map_or(2000, |d| d - 1));
        let target = Target {
            name: self.name.trim().to_owned(),
            reporter: self.reporter.trim().to_owned(),
            partner: self.partner.trim().to_owned(),
            commodity: self.commodity.trim().to_owned(),
            measure: self.measure,
            target_usd,
            deadline_year,
            baseline: Baseline { year: baseline_year_or_standin, value_usd: baseline_usd, origin },
            basis: self.basis,
            thresholds,
            note: self.note.trim().to_owned(),
        };
        errors.extend(target.validate().iter().map(ToString::to_string));
        if errors.is_empty() { Ok(target) } else { Err(errors) }
    }
}

/// Dollars as plain text the editor reads back to exactly the same value: 1e9 → "1 billion",
/// 58.3e6 → "58.3 million"; the plain number where a shorter form would not round-trip.
fn plain_usd(v: f64) -> String {
    for (scale, unit) in [(1e9, " billion"), (1e6, " million"), (1e3, " thousand")] {
        let short = format!("{}{unit}", v / scale);
        if v >= scale && short.len() <= 16 && parse_usd(&short) == Some(v) {
            return short;
        }
    }
    format!("{v}")
}

impl GaugesPanel {
    /// Screen rect of target `index`'s card in the last frame drawn, if it was wholly visible
    /// and where it was the frame before (not scrolling).
    #[must_use]
    pub fn card_rect(&self, index: usize) -> Option<Rect> {
        stable_rect(&self.card_rects, &self.prev_card_rects, index)
    }

    /// Scrolls target `index`'s card into view on the next frame.
    pub fn scroll_to(&mut self, index: usize) {
        self.scroll_to = Some(index);
    }

    /// How many target statuses have been computed (tests: once per change, never per frame).
    #[must_use]
    pub fn evaluations(&self) -> u64 {
        self.cache.evaluations()
    }

    /// Draws the panel: the "Add target" button, the editor when open, and one card per target.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
        let Self {
            editor,
            confirm_delete,
            cache,
            card_rects,
            prev_card_rects,
            scroll_to,
            export_when_visible,
        } = self;
        let targets = &view.workspace.targets;
        ui.horizontal(|ui| {
            ui.heading("Targets");
            if ui.add_enabled(editor.is_none(), egui::Button::new("Add target")).clicked() {
                *editor = Some(new_editor(view));
            }
        });
        if let Some(next) = editor_ui(ui, editor, targets) {
            commands.push(Command::SetTargets(next));
        }
        ui.separator();
        *prev_card_rects = std::mem::take(card_rects);
        if targets.is_empty() {
            ui.label(
                "No targets yet. “Add target” sets one: a value, a deadline and a baseline to measure from.",
            );
            return;
        }
        let statuses = cache.statuses(view.dataset, view.revision, targets);
        let sample = view.workspace.data.sample;
        let mut action = None;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            // Cards in rows of as many as fit: each card is CARD_WIDTH plus its frame margins.
            let slot = CARD_WIDTH + 2.0 * CARD_MARGIN + ui.spacing().item_spacing.x + 2.0;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let per_row = ((ui.available_width() / slot).floor() as usize).max(1);
            let cards: Vec<(usize, (&Target, &&TargetStatus))> =
                targets.iter().zip(&statuses).enumerate().collect();
            for row in cards.chunks(per_row) {
                ui.horizontal_top(|ui| {
                    for &(i, (target, status)) in row {
                        let card = Card { index: i, target, status, sample, confirm_delete: *confirm_delete };
                        let (rect, a) = card.ui(ui, editor.is_none());
                        if *scroll_to == Some(i) {
                            ui.scroll_to_rect_animation(
                                rect,
                                Some(egui::Align::Center),
                                egui::style::ScrollAnimation::none(),
                            );
                            *scroll_to = None;
                        }
                        card_rects.push(ui.clip_rect().contains_rect(rect).then_some(rect));
                        action = action.take().or(a);
                    }
                });
            }
        });
        match action {
            Some(CardAction::Edit(i)) => *editor = Some(Editor::from_target(Some(i), &targets[i])),
            Some(CardAction::Duplicate(i)) => {
                let mut copy = targets[i].clone();
                copy.name = format!("{} (copy)", copy.name);
                let mut next = targets.clone();
                next.insert(i + 1, copy);
                commands.push(Command::SetTargets(next));
            }
            Some(CardAction::AskDelete(i)) => *confirm_delete = Some(i),
            Some(CardAction::KeepIt) => *confirm_delete = None,
            Some(CardAction::Delete(i)) => {
                let mut next = targets.clone();
                next.remove(i);
                commands.push(Command::SetTargets(next));
                *confirm_delete = None;
            }
            Some(CardAction::Export(i)) => {
                *scroll_to = Some(i);
                *export_when_visible = Some(i);
                ui.ctx().request_repaint();
            }
            None => {}
        }
        // The dialog opens once the card to export is wholly on screen (scrolling takes a frame).
        if let Some(i) = *export_when_visible
            && scroll_to.is_none()
        {
            if stable_rect(card_rects, prev_card_rects, i).is_some() {
                commands.push(Command::ExportGaugeDialog(i));
                *export_when_visible = None;
            } else if i >= targets.len() {
                *export_when_visible = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
    }
}

/// A card's rect if it was wholly visible in this frame and the one before, unmoved.
fn stable_rect(now: &[Option<Rect>], before: &[Option<Rect>], index: usize) -> Option<Rect> {
    let rect = now.get(index).copied().flatten()?;
    (before.get(index).copied().flatten() == Some(rect)).then_some(rect)
}

/// One target's card, drawn from borrowed state.
struct Card<'a> {
    index: usize,
    target: &'a Target,
    status: &'a TargetStatus,
    /// Whether the workspace's data is illustrative sample data.
    sample: bool,
    confirm_delete: Option<usize>,
}

impl Card<'_> {
    /// Draws the card: title, gauge, figures, notes and buttons. Returns the screen rect of the
    /// card without its buttons (what a PNG export shows) and what was clicked.
    fn ui(&self, ui: &mut Ui, can_edit: bool) -> (Rect, Option<CardAction>) {
        let Self { index, target, status, sample, confirm_delete } = *self;
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
                            RichText::new(format!("{} · {}", target.scope_label(), target.measure.label()))
                                .small()
                                .color(weak),
                        );
                        ui.vertical_centered(|ui| gauge_ui(ui, target, status));
                        egui::Grid::new("figures")
                            .num_columns(2)
                            .spacing([10.0, 3.0])
                            .min_col_width(100.0)
                            .max_col_width(CARD_WIDTH - 110.0)
                            .show(ui, |ui| {
                                for (label, text) in figure_rows(target, status) {
                                    ui.label(RichText::new(label).color(weak));
                                    ui.add(egui::Label::new(text).wrap());
                                    ui.end_row();
                                }
                            });
                        let from_data = status
                            .current
                            .as_ref()
                            .is_some_and(|c| matches!(c.source, CurrentSource::Data(_)));
                        if sample && from_data {
                            ui.label(
                                RichText::new("Current value from SAMPLE data (illustrative)")
                                    .small()
                                    .color(theme::warning(ui.visuals())),
                            );
                        }
                        if let BaselineOrigin::Reported { source, note } = &target.baseline.origin {
                            let text: Vec<&str> =
                                [source.trim(), note.trim()].into_iter().filter(|t| !t.is_empty()).collect();
                            if !text.is_empty() {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(format!("Baseline source: {}", text.join(". ")))
                                            .small()
                                            .color(weak),
                                    )
                                    .wrap(),
                                );
                            }
                        }
                        if target.deadline_year.is_none() {
                            ui.colored_label(
                                theme::warning(ui.visuals()),
                                "No deadline set: edit the target to set one.",
                            );
                        }
                        if !target.note.is_empty() {
                            ui.add(egui::Label::new(RichText::new(&target.note).italics()).wrap());
                        }
                    });
                    // The card's margin all round, except below: the next line is not part of it.
                    let r = figures.response.rect;
                    export_rect = Rect::from_min_max(
                        r.min - Vec2::splat(CARD_MARGIN),
                        egui::pos2(r.max.x + CARD_MARGIN, r.max.y + 2.0),
                    );
                    egui::CollapsingHeader::new("How these figures are computed").id_salt("notes").show(
                        ui,
                        |ui| {
                            for note in &status.notes {
                                ui.add(egui::Label::new(RichText::new(note).small()).wrap());
                            }
                        },
                    );
                    ui.horizontal(|ui| {
                        if confirm_delete == Some(index) {
                            ui.label(format!("Delete “{}”?", target.name));
                            if ui.button("Yes, delete").clicked() {
                                action = Some(CardAction::Delete(index));
                            }
                            if ui.button("Keep").clicked() {
                                action = Some(CardAction::KeepIt);
                            }
                        } else {
                            if ui.add_enabled(can_edit, egui::Button::new("Edit target")).clicked() {
                                action = Some(CardAction::Edit(index));
                            }
                            if ui.button("Duplicate").clicked() {
                                action = Some(CardAction::Duplicate(index));
                            }
                            if ui.button("Delete").clicked() {
                                action = Some(CardAction::AskDelete(index));
                            }
                            if ui.button("Export PNG…").clicked() {
                                action = Some(CardAction::Export(index));
                            }
                        }
                    });
                });
            });
        });
        (export_rect.intersect(card.response.rect), action)
    }
}

/// The add/edit form, shown above the cards while a target is being edited. Returns the new
/// list of targets when the user saves.
fn editor_ui(ui: &mut Ui, slot: &mut Option<Editor>, targets: &[Target]) -> Option<Vec<Target>> {
    let editor = slot.as_mut()?;
    let mut saved = None;
    let mut close = false;
    egui::Frame::group(ui.style()).inner_margin(CARD_MARGIN).show(ui, |ui| {
        ui.label(RichText::new(if editor.editing.is_some() { "Edit target" } else { "New target" }).strong());
        egui::Grid::new("target_editor").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
            text_row_ui(ui, "Name", &mut editor.name, "");
            text_row_ui(ui, "Reporter (code or name)", &mut editor.reporter, "all reporters");
            text_row_ui(ui, "Partner (code or name)", &mut editor.partner, "all partners");
            text_row_ui(ui, "Commodity (HS prefix)", &mut editor.commodity, "all commodities");
            ui.label("Measure");
            ui.horizontal(|ui| {
                for m in TargetMeasure::ALL {
                    ui.radio_value(&mut editor.measure, m, m.label());
                }
            });
            ui.end_row();
            text_row_ui(ui, "Target value (USD)", &mut editor.target_value, "e.g. 1 billion");
            text_row_ui(ui, "Deadline year", &mut editor.deadline, "none set");
            let basis_label = ui.label("Current value");
            egui::ComboBox::from_id_salt("basis")
                .selected_text(editor.basis.label())
                .show_ui(ui, |ui| {
                    for b in CurrentBasis::ALL {
                        ui.selectable_value(&mut editor.basis, b, b.label());
                    }
                })
                .response
                .labelled_by(basis_label.id);
            ui.end_row();
            text_row_ui(ui, "Baseline year", &mut editor.baseline_year, "e.g. 2017");
            ui.label("Baseline value");
            ui.horizontal(|ui| {
                ui.radio_value(&mut editor.baseline_reported, false, "Computed from the data");
                ui.radio_value(&mut editor.baseline_reported, true, "Reported figure");
            });
            ui.end_row();
            if editor.baseline_reported {
                text_row_ui(ui, "Reported baseline (USD)", &mut editor.baseline_value, "e.g. 690 million");
                text_row_ui(ui, "Reported by", &mut editor.baseline_source, "who said it, where");
                text_row_ui(ui, "Baseline note", &mut editor.baseline_note, "");
            }
            text_row_ui(ui, "Amber from (% of target)", &mut editor.amber_pct, "70");
            text_row_ui(ui, "Green from (% of target)", &mut editor.green_pct, "90");
            text_row_ui(ui, "Note", &mut editor.note, "");
        });
        let parsed = editor.parse();
        if let Err(errors) = &parsed {
            for e in errors {
                ui.colored_label(theme::error(ui.visuals()), e);
            }
        }
        ui.horizontal(|ui| {
            let save = ui.add_enabled(parsed.is_ok(), egui::Button::new("Save target"));
            if let (true, Ok(target)) = (save.clicked(), &parsed) {
                let mut next = targets.to_vec();
                let at = editor.editing.as_ref().and_then(|(i, original)| {
                    if next.get(*i) == Some(original) {
                        Some(*i)
                    } else {
                        next.iter().position(|t| t == original)
                    }
                });
                match at {
                    Some(i) => next[i] = target.clone(),
                    None => next.push(target.clone()),
                }
                saved = Some(next);
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        *slot = None;
    }
    saved
}

/// A labelled single-line text field in a two-column grid.
fn text_row_ui(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(220.0)).labelled_by(l.id);
    ui.end_row();
}

/// A new target prefilled from the app's selection and the data's last full year.
fn new_editor(view: &ViewCtx<'_>) -> Editor {
    let last_full_year = view.data_span.map(|r| if r.end.month == 12 { r.end.year } else { r.end.year - 1 });
    let sel = &view.workspace.selection;
    let t = Target {
        name: format!("Target {}", view.workspace.targets.len() + 1),
        reporter: sel.reporter.clone().unwrap_or_default(),
        partner: sel.partner.clone().unwrap_or_default(),
        commodity: sel.commodity.clone().unwrap_or_default(),
        baseline: Baseline { year: last_full_year.unwrap_or(2017), ..Baseline::default() },
        ..Target::default()
    };
    Editor::from_target(None, &t)
}

/// Points along an arc from fraction `from` to `to` of the sweep.
fn arc_points(center: Pos2, radius: f32, from: f32, to: f32) -> Vec<Pos2> {
    let a0 = ARC_START + ARC_SWEEP * from;
    let a1 = ARC_START + ARC_SWEEP * to;
    // About one point per 3°, at least two.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = (((a1 - a0).abs() / (3.0 / 180.0 * PI)).ceil() as usize).max(1);
    #[allow(clippy::cast_precision_loss)]
    (0..=n)
        .map(|i| {
            let a = a0 + (a1 - a0) * i as f32 / n as f32;
            center + radius * vec2(a.cos(), a.sin())
        })
        .collect()
}

/// The arc gauge: a track from zero to the target, the current value over it in the colour of
/// its threshold band, a thin outer ring showing the bands, and the value in the middle.
fn gauge_ui(ui: &mut Ui, target: &Target, status: &TargetStatus) {
    let (rect, response) = ui.allocate_exact_size(GAUGE_SIZE, Sense::hover());
    let progress = status.progress_pct.map(|p| p / 100.0);
    let label = match (status.current_usd(), status.progress_pct) {
        (Some(c), Some(p)) => {
            format!("Gauge: {} of {}, {p:.0}% of the target", format::usd(c), format::usd(target.target_usd))
        }
        _ => "Gauge: no current value".to_owned(),
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
        #[allow(clippy::cast_possible_truncation)]
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
        #[allow(clippy::cast_possible_truncation)]
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
        #[allow(clippy::cast_possible_truncation)]
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
        format::usd_short(target.target_usd),
        small,
        weak,
    );

    // The value in the middle, the share of the target under it.
    let (big, sub) = match (status.current_usd(), status.progress_pct) {
        (Some(c), Some(p)) => (format::usd_short(c), format!("{p:.0}% of target")),
        _ => ("—".to_owned(), "no current value".to_owned()),
    };
    painter.text(center + vec2(0.0, -4.0), Align2::CENTER_CENTER, big, FontId::proportional(26.0), strong);
    painter.text(center + vec2(0.0, 18.0), Align2::CENTER_CENTER, sub, FontId::proportional(12.0), weak);
    if status.met() {
        painter.text(
            center + vec2(0.0, 36.0),
            Align2::CENTER_CENTER,
            "target met",
            FontId::proportional(12.0),
            theme::gauge_level(visuals, Band::High),
        );
    }
}

/// Unit vector at fraction `f` of the sweep.
fn angle_vec(f: f32) -> Vec2 {
    let a = ARC_START + ARC_SWEEP * f;
    vec2(a.cos(), a.sin())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_so_that_they_read_back_exactly() {
        for (v, text) in
            [(1e9, "1 billion"), (690e6, "690 million"), (1.25e9, "1.25 billion"), (950.0, "950")]
        {
            assert_eq!(plain_usd(v), text);
            assert_eq!(parse_usd(text), Some(v));
        }
        for v in [58.3e6, 86.94e6, 123_456_789.0, 0.1 + 0.2, 1e9 / 3.0] {
            assert_eq!(parse_usd(&plain_usd(v)), Some(v), "{v} → {}", plain_usd(v));
        }
    }

    #[test]
    fn editor_round_trips_a_target() {
        let t = Target { deadline_year: Some(2020), ..Target::belarus_kazakhstan_1bn() };
        let e = Editor::from_target(Some(0), &t);
        assert_eq!(e.target_value, "1 billion");
        assert_eq!(e.baseline_value, "690 million");
        assert_eq!(e.parse(), Ok(t));
    }

    #[test]
    fn editor_explains_what_is_wrong() {
        let t = Target::belarus_kazakhstan_1bn();
        let mut e = Editor::from_target(None, &t);
        e.target_value = "lots".into();
        e.deadline = "2016".into();
        let errors = e.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![
                "Target value: “lots” is not an amount; write e.g. 1 billion or 690 million.".to_owned(),
                "The deadline (2016) must come after the baseline year (2017).".to_owned(),
            ]
        );
        e.target_value = "-5".into();
        e.deadline = String::new();
        assert_eq!(e.parse().unwrap_err(), vec!["The target value must be more than $0.".to_owned()]);
    }
}
