//! The menu bar, the keyboard shortcuts and files dropped on the window: each only pushes
//! commands.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::ui::Tab;

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const OPEN_WS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// Shortcuts pressed in this frame, as commands.
pub(super) fn shortcuts(ctx: &egui::Context, commands: &mut CommandQueue) {
    ctx.input_mut(|i| {
        // Shift variants first: consume_shortcut matches Ctrl+O inside Ctrl+Shift+O otherwise.
        if i.consume_shortcut(&OPEN_WS) {
            commands.push(Command::OpenWorkspaceDialog);
        } else if i.consume_shortcut(&OPEN) {
            commands.push(Command::OpenDataDialog);
        }
        if i.consume_shortcut(&SAVE_AS) {
            commands.push(Command::SaveWorkspaceAsDialog);
        } else if i.consume_shortcut(&SAVE) {
            commands.push(Command::SaveWorkspace);
        }
        if i.consume_shortcut(&EXPORT) {
            commands.push(Command::ExportChartDialog);
        }
        if i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y) {
            commands.push(Command::Redo);
        } else if i.consume_shortcut(&UNDO) {
            commands.push(Command::Undo);
        }
    });
}

/// Files dropped on the window are opened.
pub(super) fn dropped_files(ctx: &egui::Context, commands: &mut CommandQueue) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    for f in dropped {
        let p = f.path();
        if !p.as_os_str().is_empty() {
            commands.push(Command::Open(p.to_owned()));
        }
    }
}

/// What the menus need to know.
pub(super) struct MenuState<'a> {
    pub recent: &'a [PathBuf],
    pub lang: Lang,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One menu entry: its message id, the command it pushes, and its shortcut.
type Item = (&'static str, fn() -> Command, Option<&'static KeyboardShortcut>);

const FILE_OPEN: &[Item] = &[
    ("menu-file-new", || Command::NewWorkspace, None),
    ("menu-file-open-data", || Command::OpenDataDialog, Some(&OPEN)),
    ("menu-file-open-workspace", || Command::OpenWorkspaceDialog, Some(&OPEN_WS)),
    ("menu-file-connect-clickhouse", || Command::ConnectDialog, None),
];
const FILE_SAVE: &[Item] = &[
    ("menu-file-save", || Command::SaveWorkspace, Some(&SAVE)),
    ("menu-file-save-as", || Command::SaveWorkspaceAsDialog, Some(&SAVE_AS)),
];
const CHART: &[Item] = &[
    ("menu-chart-export-png", || Command::ExportChartDialog, Some(&EXPORT)),
    ("menu-chart-export-csv", || Command::ExportTableCsvDialog, None),
];

fn menu_item(ui: &mut Ui, text: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool) -> bool {
    let mut b = egui::Button::new(text);
    if let Some(s) = shortcut {
        b = b.shortcut_text(ui.ctx().format_shortcut(s));
    }
    ui.add_enabled(enabled, b).clicked()
}

fn items_ui(ui: &mut Ui, lang: Lang, items: &[Item], commands: &mut CommandQueue) {
    for (id, command, shortcut) in items {
        if menu_item(ui, &tr(lang, id), *shortcut, true) {
            commands.push(command());
        }
    }
}

/// The menu bar.
pub(super) fn menu_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut CommandQueue) {
    let lang = state.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr(lang, "menu-file"), |ui| file_menu_ui(ui, state, commands));
        ui.menu_button(tr(lang, "menu-edit"), |ui| {
            if menu_item(ui, &tr(lang, "menu-edit-undo"), Some(&UNDO), state.can_undo) {
                commands.push(Command::Undo);
            }
            if menu_item(ui, &tr(lang, "menu-edit-redo"), Some(&REDO), state.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button(tr(lang, "menu-chart"), |ui| items_ui(ui, lang, CHART, commands));
        ui.menu_button(tr(lang, "menu-itinerary"), |ui| {
            if ui.button(tr(lang, "menu-itinerary-save-ics")).clicked() {
                commands.push(Command::ExportIcsDialog);
            }
            if ui.button(tr(lang, "menu-itinerary-export-png")).clicked() {
                commands.push(Command::ShowTab(Tab::Visit));
                commands.push(Command::ExportVisitPngDialog);
            }
        });
        ui.menu_button(tr(lang, "menu-view"), |ui| view_menu_ui(ui, lang, commands));
    });
}

/// View: the tabs, the import report, the language and the theme.
fn view_menu_ui(ui: &mut Ui, lang: Lang, commands: &mut CommandQueue) {
    for tab in Tab::ALL {
        if ui.button(tab.label(lang)).clicked() {
            commands.push(Command::ShowTab(tab));
        }
    }
    ui.separator();
    if ui.button(tr(lang, "menu-view-import-report")).clicked() {
        commands.push(Command::ShowImportReport);
    }
    ui.separator();
    // Each language under its own name, so a reader finds theirs whatever the current one is.
    ui.menu_button(tr(lang, "menu-view-language"), |ui| {
        for choice in Lang::ALL {
            if ui.selectable_label(choice == lang, choice.native_name()).clicked() && choice != lang {
                commands.push(Command::SetLanguage(choice));
            }
        }
    });
    ui.separator();
    crate::i18n::widgets::theme_buttons_ui(ui, lang);
}

fn file_menu_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut CommandQueue) {
    let lang = state.lang;
    items_ui(ui, lang, FILE_OPEN, commands);
    ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
        ui.menu_button(tr(lang, "menu-file-open-recent"), |ui| {
            for p in state.recent {
                if ui.button(p.display().to_string()).clicked() {
                    commands.push(Command::Open(p.clone()));
                }
            }
        });
    });
    if menu_item(ui, &tr(lang, "menu-file-open-example"), None, true) {
        commands.push(Command::OpenDefault);
    }
    ui.separator();
    items_ui(ui, lang, FILE_SAVE, commands);
    ui.separator();
    if menu_item(ui, &tr(lang, "menu-file-export-brief"), None, true) {
        commands.push(Command::ExportBriefDialog);
    }
    ui.separator();
    if menu_item(ui, &tr(lang, "menu-file-quit"), None, true) {
        commands.push(Command::Quit);
    }
}
