//! File dialogs: the trait tests replace, rfd's dialogs described by one table, and the
//! typed-path window shown when no dialog is available on the desktop.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Key;

use crate::command::{Command, CommandQueue, Guard, Queued};
use crate::i18n::{Lang, tr};

/// The native file dialogs, behind a trait so that tests and headless runs replace them.
pub trait FileDialogs {
    /// The language of the dialogs' titles and filters from now on (scripted dialogs have none).
    fn set_lang(&mut self, lang: Lang) {
        let _ = lang;
    }
    /// A data file to open.
    fn pick_data(&mut self) -> Option<PathBuf>;
    /// A workspace to open.
    fn pick_workspace(&mut self) -> Option<PathBuf>;
    /// Where to save a workspace.
    fn save_workspace(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to save a PNG.
    fn save_png(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Where to save an iCalendar file. Dialogs that cannot offer one return `None`.
    fn save_ics(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let _ = suggested_name;
        None
    }
    /// Where to save a CSV file (none by default).
    fn save_csv(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let _ = suggested_name;
        None
    }
    /// Where to save a PDF (none by default).
    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        let _ = suggested_name;
        None
    }
}

/// One native dialog: its title, its file filters (message id, extensions), and whether it
/// saves. Titles and filter names are message ids, looked up in the language of the moment.
struct DialogSpec {
    title: &'static str,
    filters: &'static [(&'static str, &'static [&'static str])],
    save: bool,
}

const PICK_DATA: DialogSpec = DialogSpec {
    title: "dialog-open-data",
    filters: &[
        ("dialog-filter-data", &["csv", "txt", "tsv", "xlsx", "xls", "ron"]),
        ("dialog-filter-all", &["*"]),
    ],
    save: false,
};
const PICK_WORKSPACE: DialogSpec = DialogSpec {
    title: "dialog-open-workspace",
    filters: &[("dialog-filter-workspace", &["ron"])],
    save: false,
};
const SAVE_WORKSPACE: DialogSpec = DialogSpec {
    title: "dialog-save-workspace",
    filters: &[("dialog-filter-workspace", &["ron"])],
    save: true,
};
const SAVE_PNG: DialogSpec =
    DialogSpec { title: "dialog-export-png", filters: &[("dialog-filter-png", &["png"])], save: true };
const SAVE_ICS: DialogSpec =
    DialogSpec { title: "dialog-save-ics", filters: &[("dialog-filter-ics", &["ics"])], save: true };
const SAVE_CSV: DialogSpec =
    DialogSpec { title: "dialog-export-csv", filters: &[("dialog-filter-csv", &["csv"])], save: true };
const SAVE_PDF: DialogSpec =
    DialogSpec { title: "dialog-export-brief", filters: &[("dialog-filter-pdf", &["pdf"])], save: true };

impl DialogSpec {
    /// Shows the dialog in `lang`; `suggested_name` prefills a save dialog's file name.
    fn show(&self, lang: Lang, suggested_name: &str) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new().set_title(tr(lang, self.title));
        if self.save {
            d = d.set_file_name(suggested_name);
        }
        for (name, extensions) in self.filters {
            d = d.add_filter(tr(lang, name), extensions);
        }
        if self.save { d.save_file() } else { d.pick_file() }
    }
}

/// rfd's dialogs (XDG portal, or zenity where no portal runs), titled in the app's language.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    lang: Lang,
}

impl FileDialogs for NativeDialogs {
    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }
    fn pick_data(&mut self) -> Option<PathBuf> {
        PICK_DATA.show(self.lang, "")
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        PICK_WORKSPACE.show(self.lang, "")
    }
    fn save_workspace(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_WORKSPACE.show(self.lang, suggested_name)
    }
    fn save_png(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_PNG.show(self.lang, suggested_name)
    }
    fn save_ics(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_ICS.show(self.lang, suggested_name)
    }
    fn save_csv(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_CSV.show(self.lang, suggested_name)
    }
    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_PDF.show(self.lang, suggested_name)
    }
}

/// A dialog that answered faster than a person can: no dialog is available on this desktop.
pub(super) fn answered_at_once(started: Instant) -> bool {
    started.elapsed() < Duration::from_millis(150)
}

/// What a typed path is for, when no file dialog answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PathPurpose {
    /// Open a data file or workspace.
    Open,
    /// Save the workspace.
    SaveWorkspace,
    /// Save a PNG of the chart.
    ExportChart,
    /// Save a PNG of target `i`'s gauge.
    ExportGauge(usize),
    /// Save the briefing PDF.
    ExportBrief,
}

impl PathPurpose {
    /// Message ids of the path window's title, field label and button.
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Open => ("path-open-title", "path-open-prompt", "path-open-button"),
            Self::SaveWorkspace => ("path-save-title", "path-save-prompt", "path-save-button"),
            Self::ExportChart | Self::ExportGauge(_) => {
                ("path-export-title", "path-export-prompt", "path-export-button")
            }
            Self::ExportBrief => ("path-brief-title", "path-brief-prompt", "path-export-button"),
        }
    }

    /// The command the typed path becomes.
    pub(super) fn command(self, path: PathBuf) -> Command {
        match self {
            Self::Open => Command::Open(path),
            Self::SaveWorkspace => Command::SaveWorkspaceAs(path),
            Self::ExportChart => Command::ExportChart(path),
            Self::ExportGauge(i) => Command::ExportGauge(i, path),
            Self::ExportBrief => Command::ExportBrief(path),
        }
    }

    /// What the status bar says when the dialog gave nothing at once.
    pub(super) fn no_dialog_text(self, lang: Lang) -> String {
        tr(lang, if self == Self::Open { "path-no-dialog-open" } else { "path-no-dialog" })
    }
}

/// The typed-path window: what it is for, the text typed so far, and how the command it
/// answers stood with the unsaved-changes guard: a path typed after "Don't save" opens without
/// asking again, as a path picked in a file dialog does.
pub(super) type PathPrompt = Option<(PathPurpose, String, Guard)>;

/// Draws the typed-path window; a submitted path is pushed as its command.
pub(super) fn path_prompt_ui(
    ctx: &egui::Context,
    lang: Lang,
    prompt: &mut PathPrompt,
    commands: &mut CommandQueue,
) {
    let Some((purpose, path, guard)) = prompt else { return };
    let guard = *guard;
    let purpose = *purpose;
    let (title, field, button) = purpose.texts();
    let (title, field, button) = (tr(lang, title), tr(lang, field), tr(lang, button));
    let mut submit = None;
    let mut open = true;
    egui::Window::new(title).collapsible(false).open(&mut open).show(ctx, |ui| {
        let label = ui.label(field).id;
        let r = ui.add(egui::TextEdit::singleline(path).desired_width(360.0)).labelled_by(label);
        let typed = !path.trim().is_empty();
        if ui.add_enabled(typed, egui::Button::new(button)).clicked()
            || typed && r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
        {
            submit = Some(PathBuf::from(path.trim()));
        }
    });
    if let Some(p) = submit {
        *prompt = None;
        commands.push_queued(Queued { command: purpose.command(p), typing: None, guard });
    } else if !open {
        *prompt = None;
    }
}
