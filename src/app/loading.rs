//! Loads running in the background: the job, the progress bar with its Cancel button, and the
//! small spinner shown while they run. None of it blocks or disables the rest of the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use egui::{RichText, Ui};

use crate::command::{Command, CommandQueue};
use crate::i18n::format::decimal;
use crate::i18n::{Lang, tr, tr_attr};
use crate::io::import::{Progress, ProgressSnapshot};
use crate::ui::theme;

/// How often the window repaints while background work runs (progress, spinner); an idle
/// window does not repaint at all.
pub const BUSY_REPAINT: Duration = Duration::from_millis(100);

/// A file being loaded on the `load-file` thread.
#[derive(Debug)]
pub(super) struct LoadJob {
    /// Matches the [`super::JobResult`] the thread sends back.
    pub id: u64,
    /// The file.
    pub path: PathBuf,
    /// Counters the thread advances, and the cancel flag the window sets.
    pub progress: Arc<Progress>,
    /// Cancelled because another file was opened while it ran (its end is not announced).
    pub superseded: bool,
}

impl LoadJob {
    /// The file's name, as messages say it.
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }
}

/// The last part of a path ("comtrade.csv"), or the whole path when it has none.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Bytes in decimal units: "123 MB", "4.5 MB" under 10 MB, "46 kB" under 1 MB (in `lang`'s
/// digits and unit names: "4,5 МБ").
fn megabytes(lang: Lang, bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // byte counts, shown to one decimal place
    let mb = bytes as f64 / 1e6;
    let (id, value, digits) = if mb < 1.0 {
        ("status-size-kb", (mb * 1000.0).round(), 0)
    } else if mb < 10.0 {
        ("status-size-mb", mb, 1)
    } else {
        ("status-size-mb", mb.round(), 0)
    };
    tr!(lang, id, size = decimal(lang, value, digits))
}

/// What the progress bar says: "Loading comtrade.csv — 123 MB of 330 MB, 1,234,567 rows".
#[must_use]
pub fn progress_text(file_name: &str, s: ProgressSnapshot) -> String {
    progress_text_in(Lang::En, file_name, s)
}

/// [`progress_text`] in `lang`: "Загрузка comtrade.csv — 123 МБ из 330 МБ, 1 234 567 строк".
#[must_use]
pub fn progress_text_in(lang: Lang, file_name: &str, s: ProgressSnapshot) -> String {
    let size = if s.total_bytes == 0 {
        megabytes(lang, s.bytes)
    } else {
        let done = megabytes(lang, s.bytes.min(s.total_bytes));
        tr!(lang, "status-loading-of", done = done, total = megabytes(lang, s.total_bytes))
    };
    let rows = tr!(lang, "status-rows", count = s.rows);
    tr!(lang, "status-loading", file = file_name, size = size, rows = rows)
}

/// The status bar's part for loads: the running load's progress bar and a Cancel button, or
/// "Cancelling…" while cancelled loads wind down. Nothing when no load runs.
pub(super) fn loads_ui(ui: &mut Ui, lang: Lang, jobs: &[LoadJob], commands: &mut CommandQueue) {
    if let Some(job) = jobs.iter().rev().find(|j| !j.progress.is_cancelled()) {
        let s = job.progress.snapshot();
        let text = progress_text_in(lang, &job.file_name(), s);
        ui.add(egui::ProgressBar::new(s.fraction()).text(text).desired_width(520.0))
            .on_hover_text(job.path.display().to_string());
        let cancel = ui.button(tr(lang, "status-cancel"));
        if cancel.on_hover_text(tr_attr(lang, "status-cancel", "tooltip", None)).clicked() {
            commands.push(Command::CancelLoad);
        }
    } else if !jobs.is_empty() {
        spinner_ui(ui, lang);
        ui.label(tr(lang, "status-cancelling"));
    }
}

/// A small spinner that turns only when the window repaints anyway ([`BUSY_REPAINT`]): unlike
/// `egui::Spinner` it does not ask for a repaint every frame.
pub(super) fn spinner_ui(ui: &mut Ui, lang: Lang) {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, tr(lang, "status-working"))
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let radius = rect.height() * 0.5 - 3.0;
    let start = ui.input(|i| i.time) * std::f64::consts::TAU;
    let points: Vec<egui::Pos2> = (0..=16)
        .map(|i| {
            let angle = start + f64::from(i) / 16.0 * 240f64.to_radians();
            let (sin, cos) = angle.sin_cos();
            #[allow(clippy::cast_possible_truncation)] // unit-circle coordinates, for drawing
            let v = egui::vec2(cos as f32, sin as f32);
            rect.center() + radius * v
        })
        .collect();
    ui.painter().add(egui::Shape::line(points, egui::Stroke::new(2.0, theme::busy(ui.visuals()))));
}

/// "Updating…" with a spinner, while the aggregates of a new selection are computed in the
/// background and the previous ones are still shown.
pub(super) fn updating_ui(ui: &mut Ui, lang: Lang) {
    spinner_ui(ui, lang);
    ui.label(RichText::new(tr(lang, "status-updating")).color(theme::weak(ui.visuals())))
        .on_hover_text(tr_attr(lang, "status-updating", "tooltip", None));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_says_file_megabytes_and_rows() {
        let s = ProgressSnapshot { total_bytes: 330_000_000, bytes: 123_400_000, rows: 1_234_567 };
        assert_eq!(
            progress_text("comtrade.csv", s),
            "Loading comtrade.csv — 123 MB of 330 MB, 1,234,567 rows"
        );
        let s = ProgressSnapshot { total_bytes: 4_500_000, bytes: 0, rows: 1 };
        assert_eq!(progress_text("a.csv", s), "Loading a.csv — 0 kB of 4.5 MB, 1 row");
        let s = ProgressSnapshot { total_bytes: 0, bytes: 0, rows: 0 };
        assert_eq!(progress_text("b.xlsx", s), "Loading b.xlsx — 0 kB, 0 rows");
        let s = ProgressSnapshot { total_bytes: 0, bytes: 46_049, rows: 0 };
        assert_eq!(progress_text("pipe.csv", s), "Loading pipe.csv — 46 kB, 0 rows");
        // Never more read than the whole file.
        let s = ProgressSnapshot { total_bytes: 20_000_000, bytes: 21_000_000, rows: 999 };
        assert_eq!(progress_text("c.csv", s), "Loading c.csv — 20 MB of 20 MB, 999 rows");
    }

    #[test]
    fn progress_text_in_russian_and_kazakh_uses_their_digits_and_plurals() {
        let s = ProgressSnapshot { total_bytes: 4_500_000, bytes: 1_000, rows: 1_234_567 };
        assert_eq!(
            progress_text_in(Lang::Ru, "a.csv", s),
            "Загрузка a.csv — 1 КБ из 4,5 МБ, 1\u{a0}234\u{a0}567 строк"
        );
        let s = ProgressSnapshot { total_bytes: 0, bytes: 0, rows: 2 };
        assert_eq!(progress_text_in(Lang::Ru, "b.csv", s), "Загрузка b.csv — 0 КБ, 2 строки");
        assert!(progress_text_in(Lang::Kk, "b.csv", s).ends_with("2 жол"));
    }

    #[test]
    fn file_name_is_the_last_part() {
        assert_eq!(file_name(Path::new("/tmp/x/comtrade.csv")), "comtrade.csv");
    }
}
