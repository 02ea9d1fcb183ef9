//! File dialogs: the trait tests replace, rfd's dialogs described by one table, and the
//! typed-path window shown when no dialog is available on the desktop.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Key;

use crate::command::{Command, CommandQueue};

/// The native file dialogs, behind a trait so that tests and headless runs replace them.
pub trait FileDialogs {
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

/// One native dialog: its title, its file filters, and whether it saves.
struct DialogSpec {
    title: &'static str,
    filters: &'static [(&'static str, &'static [&'static str])],
    save: bool,
}

const PICK_DATA: DialogSpec = DialogSpec {
    title: "Open trade data",
    filters: &[
        ("Trade data and workspaces", &["csv", "txt", "tsv", "xlsx", "xls", "ron"]),
        ("All files", &["*"]),
    ],
    save: false,
};
const PICK_WORKSPACE: DialogSpec =
    DialogSpec { title: "Open workspace", filters: &[("tradedash workspace", &["ron"])], save: false };
const SAVE_WORKSPACE: DialogSpec =
    DialogSpec { title: "Save workspace as", filters: &[("tradedash workspace", &["ron"])], save: true };
const SAVE_PNG: DialogSpec =
    DialogSpec { title: "Export chart as PNG", filters: &[("PNG image", &["png"])], save: true };
const SAVE_ICS: DialogSpec =
    DialogSpec { title: "Save itinerary as iCalendar", filters: &[("iCalendar", &["ics"])], save: true };
const SAVE_CSV: DialogSpec =
    DialogSpec { title: "Export table as CSV", filters: &[("CSV", &["csv"])], save: true };
const SAVE_PDF: DialogSpec =
    DialogSpec { title: "Export briefing as PDF", filters: &[("PDF", &["pdf"])], save: true };

impl DialogSpec {
    /// Shows the dialog; `suggested_name` prefills a save dialog's file name.
    fn show(&self, suggested_name: &str) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new().set_title(self.title);
        if self.save {
            d = d.set_file_name(suggested_name);
        }
        for (name, extensions) in self.filters {
            d = d.add_filter(*name, extensions);
        }
        if self.save { d.save_file() } else { d.pick_file() }
    }
}

/// rfd's dialogs (XDG portal, or zenity where no portal runs).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_data(&mut self) -> Option<PathBuf> {
        PICK_DATA.show("")
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        PICK_WORKSPACE.show("")
    }
    fn save_workspace(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_WORKSPACE.show(suggested_name)
    }
    fn save_png(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_PNG.show(suggested_name)
    }
    fn save_ics(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_ICS.show(suggested_name)
    }
    fn save_csv(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_CSV.show(suggested_name)
    }
    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        SAVE_PDF.show(suggested_name)
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
    /// Window title, field label and button of the path window.
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Open => ("Open a file by path", "Path of a CSV data file or a .ron workspace:", "Open"),
            Self::SaveWorkspace => {
                ("Save the workspace to a path", "Path of the .ron file to write:", "Save")
            }
            Self::ExportChart | Self::ExportGauge(_) => {
                ("Export PNG to a path", "Path of the .png file to write:", "Export")
            }
            Self::ExportBrief => {
                ("Export the briefing to a path", "Path of the .pdf file to write:", "Export")
            }
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
    pub(super) fn no_dialog_text(self) -> &'static str {
        if self == Self::Open {
            "No file dialog is available on this desktop. Type a path, drop the file on the window, \
             or give it on the command line."
        } else {
            "No file dialog is available on this desktop. Type the path to write to."
        }
    }
}

/// The typed-path window: what it is for and the text typed so far.
pub(super) type PathPrompt = Option<(PathPurpose, String)>;

/// Draws the typed-path window; a submitted path is pushed as its command.
pub(super) fn path_prompt_ui(ctx: &egui::Context, prompt: &mut PathPrompt, commands: &mut CommandQueue) {
    let Some((purpose, path)) = prompt else { return };
    let purpose = *purpose;
    let (title, field, button) = purpose.texts();
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
        commands.push(purpose.command(p));
    } else if !open {
        *prompt = None;
    }
}
