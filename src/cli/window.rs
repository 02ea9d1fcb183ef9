//! The interactive window, and the window options the exports share.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::{AUTOSAVE_DELAY, STORAGE_RECENT, TradeDashApp};
use crate::io::autosave::Autosave;
use crate::io::import::ImportOptions;

/// Opens the window, on `file` when given, with autosave and the recent-files list.
pub(super) fn run(file: Option<PathBuf>, options: ImportOptions) -> ExitCode {
    let mut app = TradeDashApp::with_default_workspace();
    if let Some(dir) = Autosave::default_dir() {
        app = app.with_autosave(&dir, AUTOSAVE_DELAY);
    } else {
        let lang = crate::i18n::Lang::from_system();
        super::fail(lang, &crate::i18n::tr(lang, "cli-no-data-folder"));
    }
    if let Some(p) = file {
        app = app.with_initial_open(p).with_initial_import_options(options);
    }
    let create = Box::new(|cc: &eframe::CreationContext<'_>| -> Result<Box<dyn eframe::App>, _> {
        let recent: Vec<PathBuf> =
            cc.storage.and_then(|s| eframe::get_value(s, STORAGE_RECENT)).unwrap_or_default();
        let lang = crate::i18n::setting::load(cc.storage);
        Ok(Box::new(app.with_recent(recent).with_lang(lang)))
    });
    match eframe::run_native("tradedash", native_options(1280, 800, true), create) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = crate::i18n::Lang::from_system();
            super::fail(lang, &crate::tr!(lang, "cli-cannot-open-window", error = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// Window options. `remember_window` restores the last size and position (the interactive
/// window); scripted exports use exactly the size asked for.
pub(super) fn native_options(width: u32, height: u32, remember_window: bool) -> eframe::NativeOptions {
    #[allow(clippy::cast_precision_loss)]
    let size = [width as f32, height as f32];
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("tradedash")
            .with_inner_size(size)
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true)
            .with_app_id("tradedash"),
        persist_window: remember_window,
        // eframe restores the last window size from its storage even when it is not to save it:
        // scripted exports keep their own storage, so that they get the size asked for and
        // leave the interactive window's settings alone.
        persistence_path: (!remember_window).then(|| std::env::temp_dir().join("tradedash-export")),
        ..eframe::NativeOptions::default()
    }
}
