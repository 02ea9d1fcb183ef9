//! The PNG exports: `export-chart`, `export-gauge` and `export-visit-png`. Each prepares a
//! workspace and says what to export; [`run`], the one runner, opens the real window on it,
//! lets the app take the picture once drawn, closes, and reports the outcome.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::WindowSize;
use super::chart_options::{ChartOptions, apply_chart_options};
use super::window::native_options;
use crate::app::{ExportOnStart, ExportOutcome, TradeDashApp};
use crate::i18n::Lang;
use crate::io::import::ImportOptions;
use crate::io::input;
use crate::model::workspace::Workspace;
use crate::tr;

/// `export-chart`: the chart of `input` with the chart options applied, given the whole height.
pub(super) fn chart(
    input: Option<&Path>,
    out: PathBuf,
    size: WindowSize,
    opts: &ChartOptions,
    options: &ImportOptions,
    lang: Lang,
) -> ExitCode {
    let mut workspace = match open(input, options, lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    if let Err(e) = apply_chart_options(&mut workspace, opts) {
        super::fail(lang, &e.text(lang));
        return ExitCode::from(2);
    }
    if opts.view == Some(super::ViewArg::Composition) {
        return run(workspace, ExportOnStart::composition(out), size, None, lang);
    }
    // Only the chart goes into the picture: give it the whole height.
    workspace.chart.table = false;
    run(workspace, ExportOnStart::new(out), size, None, lang)
}

/// `export-visit-png`: the Visit tab of `input` (timeline and stop list).
pub(super) fn visit(input: Option<&Path>, out: PathBuf, size: WindowSize, lang: Lang) -> ExitCode {
    match open(input, &ImportOptions::default(), lang) {
        Ok(workspace) => run(workspace, ExportOnStart::visit(out), size, None, lang),
        Err(code) => code,
    }
}

/// `export-gauge`: target number `target` (from 1) of `input`; for a data file, of the
/// built-in workspace's targets. A window of 1280 × 800 points, light or dark.
pub(super) fn gauge(input: Option<&Path>, target: usize, out: PathBuf, dark: bool, lang: Lang) -> ExitCode {
    let mut workspace = match open(input, &ImportOptions::default(), lang) {
        Ok(w) => w,
        Err(code) => return code,
    };
    if !input.is_none_or(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))) {
        workspace.targets = crate::io::workspace_file::default_workspace().targets;
    }
    let Some(index) = target.checked_sub(1).filter(|i| *i < workspace.targets.len()) else {
        let count = workspace.targets.len();
        super::fail(lang, &tr!(lang, "cli-no-target", number = target.to_string(), count = count));
        return ExitCode::from(2);
    };
    let size = WindowSize { width: 1280, height: 800 };
    let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
    run(workspace, ExportOnStart::gauge(out, index), size, Some(theme), lang)
}

/// `input` as a workspace (the built-in example for `None`); prints the warning, if any.
/// The error is the exit code, the message already printed.
fn open(input: Option<&Path>, options: &ImportOptions, lang: Lang) -> Result<Workspace, ExitCode> {
    if let Some(text) = super::clickhouse::address_of(input) {
        return super::clickhouse::workspace(text);
    }
    let (workspace, _, warning) = input::open_as_workspace_with(input, options).map_err(|e| {
        super::fail(lang, &e.message(lang));
        ExitCode::from(2)
    })?;
    if let Some(w) = warning {
        super::fail(lang, &w);
    }
    Ok(workspace)
}

/// The one export runner: opens the window on `workspace` at `size` (in `theme`, or the
/// default), exports what `export` says once drawn, and closes. Prints the path written (exit
/// 0), or why nothing was (exit 1).
fn run(
    workspace: Workspace,
    export: ExportOnStart,
    size: WindowSize,
    theme: Option<egui::Theme>,
    lang: Lang,
) -> ExitCode {
    let what = export.what();
    let outcome = ExportOutcome::default();
    // The picture is of the window, so it is in the window's language.
    let app = TradeDashApp::new(workspace).with_lang(lang).with_export_on_start(export, outcome.clone());
    let opened = eframe::run_native(
        "tradedash",
        native_options(size.width, size.height, false),
        Box::new(move |cc| {
            // Whatever an earlier export left in its storage (panel widths from a run in
            // another language, say) does not change this picture.
            cc.egui_ctx.memory_mut(|m| *m = egui::Memory::default());
            if let Some(theme) = theme {
                cc.egui_ctx.set_theme(theme);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = opened {
        super::fail(lang, &tr!(lang, "cli-cannot-open-window", error = e.to_string()));
        return ExitCode::FAILURE;
    }
    match outcome.lock().ok().and_then(|mut o| o.take()) {
        Some(Ok(path)) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Some(Err(e)) => {
            super::fail(lang, &tr!(lang, "cli-not-exported", what = what, error = e.to_string()));
            ExitCode::FAILURE
        }
        None => {
            super::fail(lang, &tr!(lang, "cli-window-closed", what = what));
            ExitCode::FAILURE
        }
    }
}
