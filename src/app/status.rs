//! Notices: the status bar's message, the error window, and what the status bar shows while
//! work runs in the background.

use egui::{RichText, Ui};

use super::loading::{self, LoadJob};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::io::import::ImportReport;
use crate::ui::theme;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something worked.
    Info,
    /// Something worked only in part.
    Warning,
    /// Something failed; nothing was lost.
    Error,
}

/// A message for the status bar (and, for errors, a window until dismissed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Seriousness.
    pub level: Level,
    /// The text, naming file, line and column where there are such.
    pub text: String,
}

/// The notices shown so far and the error waiting in its window.
#[derive(Debug, Default)]
pub(super) struct Notices {
    pub list: Vec<Notice>,
    pub error_window: Option<String>,
    /// The language new notices are written in (a notice keeps the language it was shown in).
    pub lang: Lang,
}

impl Notices {
    /// Shows a notice; an error also opens the error window.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if level == Level::Error {
            self.error_window = Some(text.clone());
        }
        self.list.push(Notice { level, text });
    }

    /// The error window, until dismissed.
    pub fn error_window_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang;
        let Some(text) = &self.error_window else { return };
        let mut open = true;
        let mut ok = false;
        egui::Window::new(tr(lang, "notice-problem")).collapsible(false).open(&mut open).show(ctx, |ui| {
            ui.label(RichText::new(text).color(theme::error(ui.visuals())));
            ok = ui.button(tr(lang, "notice-ok")).clicked();
        });
        if !open || ok {
            self.error_window = None;
        }
    }
}

/// What the status bar shows.
pub(super) struct Status<'a> {
    pub notices: &'a [Notice],
    pub loads: &'a [LoadJob],
    pub updating: bool,
    pub report: Option<&'a ImportReport>,
    pub lang: Lang,
}

/// The status bar: progress of background work, else the last notice.
pub(super) fn status_ui(ui: &mut Ui, status: &Status<'_>, commands: &mut CommandQueue) {
    let Status { notices, loads, updating, report, lang } = *status;
    ui.horizontal(|ui| {
        if updating {
            loading::updating_ui(ui, lang);
            ui.separator();
        }
        if !loads.is_empty() {
            loading::loads_ui(ui, lang, loads, commands);
        } else if let Some(n) = notices.last() {
            let color = match n.level {
                Level::Info => ui.visuals().text_color(),
                Level::Warning => theme::warning(ui.visuals()),
                Level::Error => theme::error(ui.visuals()),
            };
            // A long notice (a file's whole path, in Kazakh at 1024 points) is cut with "…",
            // whole on hover, and leaves room for the import report's button beside it.
            let button = report.map_or(0.0, |_| {
                let font = egui::TextStyle::Small.resolve(ui.style());
                let text = tr(lang, "status-import-report");
                let width = ui.fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE)).size().x;
                width + 2.0 * ui.spacing().button_padding.x + 2.0 * ui.spacing().item_spacing.x
            });
            ui.scope(|ui| {
                ui.set_max_width((ui.available_width() - button).max(80.0));
                ui.add(egui::Label::new(RichText::new(&n.text).color(color)).truncate());
            });
        } else {
            ui.label(tr(lang, "status-ready"));
        }
        if report.is_some() && ui.small_button(tr(lang, "status-import-report")).clicked() {
            commands.push(Command::ShowImportReport);
        }
    });
}
