//! Target-gap gauges: one card per target with a painter-drawn arc gauge (in the style of
//! Grafana's gauge panels), the figures behind it, and an editor to add, edit, duplicate and
//! delete targets.
//!
//! The panel never changes the workspace: edits push [`Command::SetTargets`], a PNG export
//! [`Command::ExportGaugeDialog`]. Statuses come from [`statuses::TargetStatuses`], keyed on
//! the data revision and the targets, so idle frames and selection changes compute nothing.

mod card;
mod editor;
mod statuses;

use egui::{Rect, Ui};

use self::card::{CARD_MARGIN, CARD_WIDTH, Card, CardAction};
use self::editor::{Editor, editor_ui, new_editor};
use crate::command::{Command, CommandQueue};
use crate::i18n::tr;
use crate::model::completeness::incomplete_counts;
use crate::model::target::{Target, TargetStatus};
use crate::ui::memo::Memo;

use super::{Panel, ViewCtx};

/// Panel state: the editor, a pending delete confirmation, the status cache and where each
/// card was drawn (for PNG export).
#[derive(Debug, Default)]
pub struct GaugesPanel {
    /// The target being edited or created.
    editor: Option<Editor>,
    /// Index of the target whose delete awaits confirmation.
    confirm_delete: Option<usize>,
    /// Statuses, recomputed only when the data or a target changes.
    statuses: statuses::TargetStatuses,
    /// Screen rect of each card in the last frame drawn, `None` unless wholly visible; the PNG
    /// export crops to it.
    card_rects: Vec<Option<Rect>>,
    /// The same a frame earlier: a card counts as on screen only when it has not moved.
    prev_card_rects: Vec<Option<Rect>>,
    /// Rows that could not be read in each target's current period (from the import report),
    /// keyed on the data revision, the revision the statuses shown are of, and the targets.
    incomplete: Memo<(u64, u64, Vec<Target>), Vec<u64>>,
    /// Card to scroll into view on the next frame.
    scroll_to: Option<usize>,
    /// An export asked for: the card is scrolled into view first, then the dialog opens.
    export_when_visible: Option<usize>,
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
        self.statuses.evaluations()
    }

    /// Whether target statuses are being computed in the background (large data).
    #[must_use]
    pub fn is_evaluating(&self) -> bool {
        self.statuses.is_evaluating()
    }

    /// Draws the panel: the "Add target" button, the editor when open, and one card per target.
    #[allow(clippy::too_many_lines)] // one card loop; the incomplete note added four lines
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        let Self {
            editor,
            confirm_delete,
            statuses,
            card_rects,
            prev_card_rects,
            scroll_to,
            export_when_visible,
            incomplete,
        } = self;
        let targets = &view.workspace.targets;
        ui.horizontal(|ui| {
            ui.heading(tr(view.lang, "targets-heading"));
            if ui.add_enabled(editor.is_none(), egui::Button::new(tr(view.lang, "targets-add"))).clicked() {
                *editor = Some(new_editor(view));
            }
        });
        if let Some(next) = editor_ui(ui, editor, targets, &view.workspace.reported, view.lang) {
            commands.push(Command::SetTargets(next));
        }
        ui.separator();
        *prev_card_rects = std::mem::take(card_rects);
        if targets.is_empty() {
            ui.label(tr(view.lang, "targets-none"));
            return;
        }
        let Some((computed_on, statuses)) =
            statuses.get(view.dataset, view.revisions.data, targets, &view.workspace.reported, ui.ctx())
        else {
            ui.label(tr(view.lang, "targets-computing"));
            return;
        };
        let sample = view.workspace.data.sample;
        let missing = missing_per_target(incomplete, view, computed_on, statuses);
        let mut action = None;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            // Cards in rows of as many as fit: each card is CARD_WIDTH plus its frame margins.
            let slot = CARD_WIDTH + 2.0 * CARD_MARGIN + ui.spacing().item_spacing.x + 2.0;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            // a small positive count of cards per row
            let per_row = ((ui.available_width() / slot).floor() as usize).max(1);
            let cards: Vec<(usize, (&Target, &TargetStatus))> =
                targets.iter().zip(statuses).enumerate().collect();
            for row in cards.chunks(per_row) {
                ui.horizontal_top(|ui| {
                    for &(i, (target, status)) in row {
                        let missing = missing.get(i).copied().unwrap_or(0);
                        let card = Card {
                            index: i,
                            target,
                            status,
                            sample,
                            missing,
                            confirm_delete: *confirm_delete,
                            lang: view.lang,
                        };
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
                copy.name = crate::tr!(view.lang, "targets-copy-name", name = copy.name.clone());
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

impl Panel for GaugesPanel {
    fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        GaugesPanel::ui(self, ui, view, commands);
    }
}

/// Rows that could not be read in each target's current period, once per change of the data,
/// of the statuses (`computed_on`: the data revision they are of; while new ones are computed
/// in the background the cards show older ones, whose periods may differ) or of the targets.
fn missing_per_target<'m>(
    memo: &'m mut Memo<(u64, u64, Vec<Target>), Vec<u64>>,
    view: &ViewCtx<'_>,
    computed_on: u64,
    statuses: &[TargetStatus],
) -> &'m [u64] {
    let targets = &view.workspace.targets;
    let revision = view.revisions.data;
    // Checked by reference first: an idle frame clones nothing.
    if !memo.holds_where(|k| k.0 == revision && k.1 == computed_on && k.2 == *targets) {
        let missing = targets.iter().zip(statuses).map(|(t, s)| missing_rows(view, t, s)).collect();
        memo.set((revision, computed_on, targets.clone()), missing);
    }
    memo.value().map_or(&[], Vec::as_slice)
}

/// Rows of the target's current period (its months, else its year) that could not be read.
fn missing_rows(view: &ViewCtx<'_>, target: &Target, status: &TargetStatus) -> u64 {
    let (Some(report), Some(current)) = (view.report, status.current.as_ref()) else { return 0 };
    let counts = incomplete_counts(&report.incomplete, &target.selection());
    match current.months {
        Some(months) => months.iter().map(|m| counts.month(m)).sum(),
        None => counts.year(current.year),
    }
}

/// A card's rect if it was wholly visible in this frame and the one before, unmoved.
fn stable_rect(now: &[Option<Rect>], before: &[Option<Rect>], index: usize) -> Option<Rect> {
    let rect = now.get(index).copied().flatten()?;
    (before.get(index).copied().flatten() == Some(rect)).then_some(rect)
}
