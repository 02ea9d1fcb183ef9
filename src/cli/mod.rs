//! The command line: `tradedash [FILE]` opens the window; subcommands run headless, except
//! the PNG exports, which draw the real window to take its picture.
//!
//! The arguments are declared in `args.rs`; then one file per command: `summary.rs`,
//! `targets.rs`, `breakdown.rs`, `ics.rs`, `save_workspace.rs`; the three PNG exports (`export-chart`, `export-gauge`,
//! `export-visit-png`) share one runner in `export.rs`, and `export-chart`'s options are read in
//! `chart_options.rs`; the window itself is opened in `window.rs`. To add a command: a variant
//! of [`Command`] in `args.rs`, a file with its `run` function, and one arm in [`run`].

mod args;
mod breakdown;
mod brief;
mod chart_options;
mod clickhouse;
mod export;
mod ics;
mod push;
mod save_workspace;
mod summary;
mod targets;
mod window;

use std::process::ExitCode;

use crate::i18n::{Lang, tr};
use crate::io::import::{ImportOptions, ImportReport};
use crate::io::input;
use crate::model::workspace::Workspace;

pub use args::{
    BreakdownArgs, BreakdownBy, Cli, Command, DEFAULT_SEED, GenerateArgs, ImportArgs, WindowSize,
};
pub use chart_options::{ChartOptions, ViewArg, apply_chart_options};
pub use summary::{MonthJson, SummaryJson, YearJson, summary_json, summary_of_aggregate};
pub use targets::{TargetSummary, report as targets_report};

/// Runs a parsed command line; returns the process exit code. `generate` runs the synthetic
/// data generator the binary passes in (it is not part of the library).
#[must_use]
pub fn run(cli: Cli, generate: impl FnOnce(&GenerateArgs) -> ExitCode) -> ExitCode {
    match cli.command {
        None => with_options(&cli.import, Lang::from_system(), |o| window::run(cli.file, o)),
        Some(Command::Summary { file, reporter, partner, json, import, lang }) => {
            with_options(&import, lang, |o| summary::run(file.as_deref(), reporter, partner, json, &o, lang))
        }
        Some(Command::Breakdown(args)) => {
            with_options(&args.import, args.lang, |o| breakdown::run(&args, &o))
        }
        Some(Command::ExportIcs { input, out, visit, lang }) => ics::run(input.as_deref(), &out, visit, lang),
        Some(Command::Targets { input, json, lang }) => targets::run(input.as_deref(), json, lang),
        Some(Command::ExportGauge { input, target, out, dark, lang }) => {
            export::gauge(input.as_deref(), target, out, dark, lang)
        }
        Some(Command::ExportChart { input, out, size, chart, import, lang }) => {
            with_options(&import, lang, |o| export::chart(input.as_deref(), out, size, &chart, &o, lang))
        }
        Some(Command::ExportVisitPng { input, out, size, lang }) => {
            export::visit(input.as_deref(), out, size, lang)
        }
        Some(Command::ExportBrief { input, out, lang, visit }) => {
            brief::run(input.as_deref(), &out, lang, visit)
        }
        Some(Command::Generate(args)) => generate(&args),
        Some(Command::Push { file, to, create, import }) => {
            with_options(&import, Lang::En, |o| push::run(&file, &to, create, &o))
        }
        Some(Command::SaveWorkspace { input, out, import }) => {
            with_options(&import, Lang::En, |o| save_workspace::run(&input, &out, &o))
        }
    }
}

fn with_options(args: &ImportArgs, lang: Lang, run: impl FnOnce(ImportOptions) -> ExitCode) -> ExitCode {
    match args.options() {
        Ok(o) => run(o),
        Err(e) => {
            fail(lang, &tr!(lang, "cli-map-error", error = e.text(lang)));
            ExitCode::from(2)
        }
    }
}

/// Prints "tradedash: MESSAGE" on stderr, the frame in `lang` (the message already is).
///
/// The language of the command line's messages is `--lang` only, never the system locale:
/// a script that parses stderr gets English unless it asks otherwise (docs/i18n.md). The
/// window, which has no `--lang`, speaks the system's language from its first line.
pub(crate) fn fail(lang: Lang, message: &str) {
    eprintln!("{}", tr!(lang, "cli-error", message = message));
}

/// Opens a command's INPUT as a workspace (the built-in example when absent; a ClickHouse
/// table summed per month, reporter, partner, flow and commodity for `clickhouse://`). A warning is
/// printed and the command goes on; an input that cannot be used is printed and becomes exit
/// code 2.
fn open_input(
    file: Option<&std::path::Path>,
    options: &ImportOptions,
    lang: Lang,
) -> Result<(Workspace, Option<ImportReport>), ExitCode> {
    if let Some(text) = clickhouse::address_of(file) {
        return clickhouse::workspace(text).map(|w| (w, None));
    }
    match input::open_as_workspace_with(file, options) {
        Ok((workspace, report, warning)) => {
            if let Some(w) = warning {
                fail(lang, &w);
            }
            Ok((workspace, report))
        }
        Err(e) => {
            fail(lang, &e.message(lang));
            Err(ExitCode::from(2))
        }
    }
}
