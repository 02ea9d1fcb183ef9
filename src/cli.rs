//! The command line: `tradedash [FILE]` opens the window; subcommands run headless (except
//! `export-chart`, which draws the real window to take its picture).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::app::{AUTOSAVE_DELAY, ExportOnStart, ExportOutcome, STORAGE_RECENT, TradeDashApp};
use crate::io::autosave::Autosave;
use crate::io::import::{ColumnMapping, ImportOptions, ImportReport, SkippedRow};
use crate::io::input;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Aggregate, Selection, aggregate};
use crate::model::series::ChartView;
use crate::model::workspace::Workspace;

/// Monthly trade between a region and a partner country: charts, targets, visits.
#[derive(Debug, Parser)]
#[command(name = "tradedash", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A data file (CSV: tradedash long format or UN Comtrade) or a .ron workspace to open in
    /// the window. Without it the built-in Brest Oblast – Kazakhstan example opens.
    pub file: Option<PathBuf>,
    /// Column mapping and sheet for FILE.
    #[command(flatten)]
    pub import: ImportArgs,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How to read a data file whose header tradedash does not know, or a workbook's sheet.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ImportArgs {
    /// Columns for a file tradedash does not recognise: `period=COL,flow=COL,reporter=COL,
    /// partner=COL,commodity=COL,value=COL,unit=COL`; `period=months` for one column per month.
    #[arg(long, value_name = "FIELD=COLUMN,…")]
    pub map: Option<String>,
    /// Fixed values for all rows: `flow=export,reporter=Brest Oblast,unit=thousand`.
    #[arg(long, value_name = "FIELD=VALUE,…")]
    pub set: Option<String>,
    /// The workbook sheet to read (XLSX, XLS); by default the first one recognised.
    #[arg(long)]
    pub sheet: Option<String>,
}

impl ImportArgs {
    /// The importer's options.
    ///
    /// # Errors
    /// When `--map` or `--set` cannot be read.
    pub fn options(&self) -> Result<ImportOptions, String> {
        let mapping = if self.map.is_some() || self.set.is_some() {
            Some(ColumnMapping::parse_cli(self.map.as_deref(), self.set.as_deref())?)
        } else {
            None
        };
        Ok(ImportOptions { mapping, remembered: Vec::new(), sheet: self.sheet.clone() })
    }
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print monthly and yearly totals of a data file or workspace.
    ///
    /// Without FILE the built-in example is used. For a workspace, its saved selection is the
    /// starting point; --reporter and --partner override it. Exits 2 when the file cannot be used.
    Summary {
        /// Data file or .ron workspace.
        file: Option<PathBuf>,
        /// Reporter code or name, case-insensitive ("BLR", "belarus").
        #[arg(long)]
        reporter: Option<String>,
        /// Partner code or name, case-insensitive ("KAZ", "kazakhstan").
        #[arg(long)]
        partner: Option<String>,
        /// Print one JSON object instead of text (values in US dollars).
        #[arg(long)]
        json: bool,
        /// Column mapping and sheet.
        #[command(flatten)]
        import: ImportArgs,
    },
    /// Write a workspace's visit itinerary as an iCalendar file (RFC 5545) for calendar programs.
    ///
    /// Without INPUT the built-in example's visit (Brest Oblast, 11–13 September 2018) is used.
    /// One event per stop, in the visit's time zone (TZID, e.g. Europe/Minsk); stops whose times
    /// are placeholders say so. Prints the path and the number of events. Exits 2 when INPUT
    /// cannot be used or has no such visit, 1 when the file cannot be written.
    ExportIcs {
        /// A .ron workspace; the built-in example when absent.
        input: Option<PathBuf>,
        /// Where to write the .ics file.
        #[arg(long)]
        out: PathBuf,
        /// Which visit to export, 1-based; every visit of the workspace when absent.
        #[arg(long)]
        visit: Option<usize>,
    },
    /// Open the window on INPUT's Visit tab, save a PNG of the itinerary (timeline and stop
    /// list), and exit (0 once the file is written).
    ExportVisitPng {
        /// A .ron workspace; the built-in example when absent.
        input: Option<PathBuf>,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
        /// Window size.
        #[command(flatten)]
        size: WindowSize,
    },
    /// Print every target: current value, gap, growth needed and observed, year reached.
    ///
    /// INPUT is a .ron workspace (its targets and data) or a data file (the built-in
    /// workspace's targets, evaluated against that data); the built-in example when absent.
    /// Exits 2 when the file cannot be used.
    Targets {
        /// Data file or .ron workspace.
        input: Option<PathBuf>,
        /// Print one JSON object `{"targets": [...]}`: values in US dollars, `gap_pct` in
        /// percent, growth rates as fractions, null where a figure cannot be had.
        #[arg(long)]
        json: bool,
    },
    /// Open the window on INPUT, save a PNG of one target's gauge card, and exit (0 once the
    /// file is written).
    ExportGauge {
        /// Data file or .ron workspace; the built-in example when absent (for a data file, the
        /// built-in workspace's targets).
        input: Option<PathBuf>,
        /// Which target, counting from 1 in the order `tradedash targets` prints them.
        #[arg(long, default_value_t = 1)]
        target: usize,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
        /// Dark theme instead of light.
        #[arg(long)]
        dark: bool,
    },
    /// Open the window on INPUT, save a PNG of the chart, and exit (0 once the file is written).
    ///
    /// The chart options override the workspace's saved chart and selection (for a data file:
    /// monthly lines of exports, imports and turnover, every reporter, partner and month).
    /// Exits 2 when the file or an option cannot be used.
    ExportChart {
        /// Data file or .ron workspace; the built-in example when absent.
        input: Option<PathBuf>,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
        /// Window size.
        #[command(flatten)]
        size: WindowSize,
        /// What to draw and for what.
        #[command(flatten)]
        chart: ChartOptions,
        /// Column mapping and sheet.
        #[command(flatten)]
        import: ImportArgs,
    },
    /// Write a SYNTHETIC UN Comtrade CSV for benchmarks: made-up figures, not real trade.
    ///
    /// Belarus's monthly trade in 2018–2019 by partner (150) and HS-6 commodity (3,000 made-up
    /// codes), with about 5% breakdown rows that the importer sets aside; about 350 bytes a
    /// row (1,000,000 rows: 348 MB). The same ROWS and SEED give the same bytes on every run.
    /// Prints the path, rows and bytes. Exits 1 when the file cannot be written.
    #[command(hide = true)]
    Generate {
        /// Data rows to write (not counting the header).
        #[arg(long)]
        rows: u64,
        /// Where to write the CSV (by convention `comtrade-synthetic-<ROWS>.csv`).
        #[arg(long)]
        out: PathBuf,
        /// Seed of the random generator.
        #[arg(long, default_value_t = crate::synth::DEFAULT_SEED)]
        seed: u64,
        /// Keep OUT when an earlier `generate` wrote it with the same rows and seed (checked
        /// by its size and the `OUT.stamp` file written beside it).
        #[arg(long)]
        reuse: bool,
    },
}

/// Chart view and filters for `export-chart`.
/// The window size of the PNG exports, in points.
#[derive(Debug, Clone, Copy, Args)]
pub struct WindowSize {
    /// Window width in points.
    #[arg(long, default_value_t = 1280)]
    pub width: u32,
    /// Window height in points.
    #[arg(long, default_value_t = 800)]
    pub height: u32,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ChartOptions {
    /// monthly | yoy | ytd | rolling | annual.
    #[arg(long, value_parser = parse_view)]
    pub view: Option<ChartView>,
    /// Reporter code or name, case-insensitive ("BLR", "belarus").
    #[arg(long)]
    pub reporter: Option<String>,
    /// Partner code or name, case-insensitive ("KAZ", "kazakhstan").
    #[arg(long)]
    pub partner: Option<String>,
    /// Further partners drawn beside --partner, comma-separated ("RUS,CHN"): one series each.
    #[arg(long, value_delimiter = ',')]
    pub compare: Vec<String>,
    /// Mirror statistics: the reporter's exports against the partner's own imports from it
    /// (and the other way), with the gap; needs --reporter and --partner with both sides in the data.
    #[arg(long)]
    pub mirror: bool,
    /// HS code prefix: a chapter ("03") or heading ("0302"); TOTAL for all-commodity rows.
    #[arg(long)]
    pub commodity: Option<String>,
    /// First month shown, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    pub from: Option<YearMonth>,
    /// Last month shown, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    pub to: Option<YearMonth>,
    /// Measures drawn, comma-separated: exports,imports,turnover,balance.
    #[arg(long, value_delimiter = ',')]
    pub measures: Vec<String>,
    /// Bars instead of lines.
    #[arg(long)]
    pub bars: bool,
    /// Stacked bars (exports and imports on top of each other).
    #[arg(long)]
    pub stacked: bool,
    /// Lines (overrides bars saved in a workspace).
    #[arg(long, conflicts_with_all = ["bars", "stacked"])]
    pub lines: bool,
}

fn parse_view(text: &str) -> Result<ChartView, String> {
    ChartView::parse(text).ok_or_else(|| {
        let names: Vec<&str> = ChartView::ALL.iter().map(|v| v.cli_name()).collect();
        format!("unknown view {text:?}; use one of {}", names.join(", "))
    })
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text).map_err(|e| e.to_string())
}

/// Applies chart options to a workspace: view, measures, style, reporter, partner, commodity
/// and months.
///
/// # Errors
/// When a reporter or partner is not in the data, a measure is unknown, or no month of the
/// data lies in the range; the message says which.
pub fn apply_chart_options(ws: &mut Workspace, opts: &ChartOptions) -> Result<(), String> {
    let chart = &mut ws.chart;
    if let Some(v) = opts.view {
        chart.view = v;
    }
    if !opts.measures.is_empty() {
        let mut on = [false; 4];
        for m in &opts.measures {
            let i = ["exports", "imports", "turnover", "balance"]
                .iter()
                .position(|n| n.eq_ignore_ascii_case(m.trim()))
                .ok_or_else(|| format!("unknown measure {m:?}; use exports, imports, turnover, balance"))?;
            on[i] = true;
        }
        [chart.exports, chart.imports, chart.turnover, chart.balance] = on;
    }
    if opts.lines {
        (chart.bars, chart.stacked) = (false, false);
    }
    if opts.bars || opts.stacked {
        (chart.bars, chart.stacked) = (true, opts.stacked);
    }
    let empty = crate::model::dataset::Dataset::default();
    let data = ws.data.embedded.as_deref().unwrap_or(&empty);
    let sel = &mut ws.selection;
    let known = |what: &str, q: &str, list: &[crate::model::dataset::Party]| {
        if list.iter().any(|p| p.matches(q)) {
            Ok(())
        } else {
            let names: Vec<String> = list.iter().map(crate::model::dataset::Party::label).collect();
            Err(format!("no {what} {q:?} in the data; there are: {}", names.join(", ")))
        }
    };
    if let Some(r) = &opts.reporter {
        known("reporter", r, data.reporters())?;
        sel.reporter = Some(r.clone());
    }
    if let Some(p) = &opts.partner {
        known("partner", p, data.partners())?;
        sel.partner = Some(p.clone());
    }
    for q in &opts.compare {
        known("partner", q, data.partners())?;
    }
    if !opts.compare.is_empty() {
        sel.compare.clone_from(&opts.compare);
    }
    if opts.mirror {
        let pair = sel.reporter.as_deref().zip(sel.partner.as_deref());
        let both_sides = pair.is_some_and(|(r, p)| {
            data.reporters().iter().any(|x| x.matches(p)) && data.partners().iter().any(|x| x.matches(r))
        });
        if !both_sides {
            return Err(
                "--mirror needs a reporter and a partner that also reports the reporter in the data".into()
            );
        }
        ws.chart.mirror = true;
    }
    if let Some(c) = &opts.commodity {
        sel.commodity = Some(c.trim().to_owned()).filter(|c| !c.is_empty());
    }
    if opts.from.is_some() || opts.to.is_some() {
        let Some((first, last)) = data.month_span() else {
            return Err("the data has no months to choose from".into());
        };
        let (start, end) = (opts.from.unwrap_or(first), opts.to.unwrap_or(last));
        let covers = MonthRange::new(first, last).label();
        if start > end {
            return Err(format!(
                "the months start ({start}) after they end ({end}); the data covers {covers}"
            ));
        }
        if end < first || start > last {
            return Err(format!(
                "no data in {}: the data covers {covers}",
                MonthRange::new(start, end).label()
            ));
        }
        sel.range = Some(MonthRange::new(start, end));
    }
    Ok(())
}

/// Runs the command line; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => with_options(&cli.import, |o| run_window(cli.file, o)),
        Some(Command::Summary { file, reporter, partner, json, import }) => {
            with_options(&import, |o| summary(file.as_deref(), reporter, partner, json, &o))
        }
        Some(Command::ExportIcs { input, out, visit }) => export_ics(input.as_deref(), &out, visit),
        Some(Command::Targets { input, json }) => targets(input.as_deref(), json),
        Some(Command::ExportGauge { input, target, out, dark }) => {
            export_gauge(input.as_deref(), target, out, dark)
        }
        Some(Command::ExportChart { input, out, size, chart, import }) => with_options(&import, |o| {
            export_chart(input.as_deref(), ExportOnStart::new(out), size, &chart, &o)
        }),
        Some(Command::Generate { rows, out, seed, reuse }) => generate(rows, &out, seed, reuse),
        Some(Command::ExportVisitPng { input, out, size }) => export_chart(
            input.as_deref(),
            ExportOnStart::visit(out),
            size,
            &ChartOptions::default(),
            &ImportOptions::default(),
        ),
    }
}

fn generate(rows: u64, out: &Path, seed: u64, reuse: bool) -> ExitCode {
    let written = if reuse {
        crate::synth::ensure_file(out, rows, seed)
    } else {
        crate::synth::write_file(out, rows, seed).map(Some)
    };
    match written {
        Ok(Some(w)) => {
            println!(
                "{}: {} rows ({} set aside by the importer), {} bytes of SYNTHETIC data",
                out.display(),
                w.rows,
                w.rows_set_aside,
                w.bytes
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("{}: kept (already written with {rows} rows, seed {seed})", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

fn with_options(args: &ImportArgs, run: impl FnOnce(ImportOptions) -> ExitCode) -> ExitCode {
    match args.options() {
        Ok(o) => run(o),
        Err(e) => {
            eprintln!("tradedash: --map/--set: {e}");
            ExitCode::from(2)
        }
    }
}

/// Window options. `remember_window` restores the last size and position (the interactive
/// window); scripted exports use exactly the size asked for.
fn native_options(width: u32, height: u32, remember_window: bool) -> eframe::NativeOptions {
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

fn run_window(file: Option<PathBuf>, options: ImportOptions) -> ExitCode {
    let mut app = TradeDashApp::with_default_workspace();
    if let Some(dir) = Autosave::default_dir() {
        app = app.with_autosave(&dir, AUTOSAVE_DELAY);
    } else {
        eprintln!("tradedash: no data folder for this user: autosave is off");
    }
    if let Some(p) = file {
        app = app.with_initial_open(p).with_initial_import_options(options);
    }
    let create = Box::new(|cc: &eframe::CreationContext<'_>| -> Result<Box<dyn eframe::App>, _> {
        let recent: Vec<PathBuf> =
            cc.storage.and_then(|s| eframe::get_value(s, STORAGE_RECENT)).unwrap_or_default();
        Ok(Box::new(app.with_recent(recent)))
    });
    match eframe::run_native("tradedash", native_options(1280, 800, true), create) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tradedash: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

fn export_ics(input: Option<&Path>, out: &Path, visit: Option<usize>) -> ExitCode {
    let (workspace, _, _) = match input::open_as_workspace(input) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    let name = input.map_or_else(|| "the built-in example".to_owned(), |p| p.display().to_string());
    let visits = match visit {
        None if workspace.visits.is_empty() => {
            eprintln!("tradedash: {name} has no visit to export");
            return ExitCode::from(2);
        }
        None => workspace.visits,
        Some(n) => match n.checked_sub(1).and_then(|i| workspace.visits.get(i)) {
            Some(v) => vec![v.clone()],
            None => {
                eprintln!("tradedash: {name} has {} visit(s); there is no visit {n}", workspace.visits.len());
                return ExitCode::from(2);
            }
        },
    };
    let events: usize = visits.iter().map(|v| v.stops.len()).sum();
    match crate::io::ics::write_ics(out, &visits) {
        Ok(()) => {
            println!("{} ({events} events)", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

fn export_gauge(input: Option<&Path>, target: usize, out: PathBuf, dark: bool) -> ExitCode {
    let (mut workspace, _, warning) = match input::open_as_workspace(input) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = warning {
        eprintln!("tradedash: {w}");
    }
    if !input.is_none_or(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))) {
        workspace.targets = crate::io::workspace_file::default_workspace().targets;
    }
    let Some(index) = target.checked_sub(1).filter(|i| *i < workspace.targets.len()) else {
        eprintln!("tradedash: there is no target {target}; the workspace has {}", workspace.targets.len());
        return ExitCode::from(2);
    };
    let outcome = ExportOutcome::default();
    let app =
        TradeDashApp::new(workspace).with_export_on_start(ExportOnStart::gauge(out, index), outcome.clone());
    let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
    let run = eframe::run_native(
        "tradedash",
        native_options(1280, 800, false),
        Box::new(move |cc| {
            cc.egui_ctx.set_theme(theme);
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = run {
        eprintln!("tradedash: cannot open the window: {e}");
        return ExitCode::FAILURE;
    }
    match outcome.lock().ok().and_then(|mut o| o.take()) {
        Some(Ok(path)) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Some(Err(e)) => {
            eprintln!("tradedash: gauge not exported: {e}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("tradedash: the window closed before the gauge was exported");
            ExitCode::FAILURE
        }
    }
}

/// Opens the window on `input`, exports what `export` says once drawn, and closes.
fn export_chart(
    input: Option<&Path>,
    export: ExportOnStart,
    size: WindowSize,
    opts: &ChartOptions,
    options: &ImportOptions,
) -> ExitCode {
    let what = export.what();
    let (mut workspace, _, warning) = match input::open_as_workspace_with(input, options) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = warning {
        eprintln!("tradedash: {w}");
    }
    if let Err(e) = apply_chart_options(&mut workspace, opts) {
        eprintln!("tradedash: {e}");
        return ExitCode::from(2);
    }
    // Only the chart goes into the picture: give it the whole height.
    workspace.chart.table = false;
    let outcome = ExportOutcome::default();
    let app = TradeDashApp::new(workspace).with_export_on_start(export, outcome.clone());
    if let Err(e) = eframe::run_native(
        "tradedash",
        native_options(size.width, size.height, false),
        Box::new(|_cc| Ok(Box::new(app))),
    ) {
        eprintln!("tradedash: cannot open the window: {e}");
        return ExitCode::FAILURE;
    }
    let result = outcome.lock().ok().and_then(|mut o| o.take());
    match result {
        Some(Ok(path)) => {
            println!("{}", path.display());
            ExitCode::SUCCESS
        }
        Some(Err(e)) => {
            eprintln!("tradedash: {what} not exported: {e}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("tradedash: the window closed before the {what} was exported");
            ExitCode::FAILURE
        }
    }
}

/// The `summary --json` object.
#[derive(Debug, Serialize)]
pub struct SummaryJson {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows that could not be used.
    pub rows_skipped: u64,
    /// Rows set aside to avoid double counting.
    pub rows_set_aside: u64,
    /// The skipped rows with line numbers (header = line 1).
    pub skipped_lines: Vec<SkippedRow>,
    /// What was set aside and why.
    pub set_aside: Vec<crate::io::import::SetAside>,
    /// How the file was read (layout, unit, title rows, columns not used).
    pub notes: Vec<String>,
    /// Layout recognised ("UN Comtrade", "table with one column per month", …), when a file was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Monthly totals, in order; months without data are absent.
    pub months: Vec<MonthJson>,
    /// Yearly totals.
    pub years: Vec<YearJson>,
}

/// One month of `summary --json`.
#[derive(Debug, Serialize)]
pub struct MonthJson {
    /// "2018-07".
    pub period: String,
    /// US dollars; null when the source gives only turnover.
    pub exports: Option<f64>,
    /// US dollars; null when the source gives only turnover.
    pub imports: Option<f64>,
    /// US dollars.
    pub turnover: f64,
    /// Exports − imports; null when only turnover is known.
    pub balance: Option<f64>,
}

/// One year of `summary --json`.
#[derive(Debug, Serialize)]
pub struct YearJson {
    /// Calendar year.
    pub year: i32,
    /// US dollars.
    pub exports: Option<f64>,
    /// US dollars.
    pub imports: Option<f64>,
    /// US dollars.
    pub turnover: f64,
    /// Exports − imports.
    pub balance: Option<f64>,
    /// Months with data behind the figures (12 for an annual record).
    pub months: u8,
}

/// Dollars rounded to the cent: trade values carry cents at most, and sums of them in binary
/// floating point pick up noise past the cent ("10530006978.539997").
fn cents(usd: f64) -> f64 {
    (usd * 100.0).round() / 100.0
}

/// Builds the summary for a workspace's data and a selection. Money is in US dollars rounded
/// to the cent.
#[must_use]
pub fn summary_json(workspace: &Workspace, report: Option<&ImportReport>, sel: &Selection) -> SummaryJson {
    let empty = crate::model::dataset::Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let a: Aggregate = aggregate(data, sel);
    SummaryJson {
        rows_read: report.map_or(data.len() as u64, |r| r.rows_read),
        rows_skipped: report.map_or(0, |r| r.rows_skipped),
        rows_set_aside: report.map_or(0, ImportReport::rows_set_aside),
        skipped_lines: report.map(|r| r.skipped.clone()).unwrap_or_default(),
        set_aside: report.map(|r| r.set_aside.clone()).unwrap_or_default(),
        notes: report.map(|r| r.notes.clone()).unwrap_or_default(),
        format: report.map(|r| format!("{} ({})", r.format.label(), r.source)),
        months: a
            .months
            .iter()
            .map(|m| MonthJson {
                period: m.period.to_string(),
                exports: m.sums.exports().map(cents),
                imports: m.sums.imports().map(cents),
                turnover: cents(m.sums.turnover_usd()),
                balance: m.sums.balance_usd().map(cents),
            })
            .collect(),
        years: a
            .years
            .iter()
            .map(|y| YearJson {
                year: y.year,
                exports: y.sums.exports().map(cents),
                imports: y.sums.imports().map(cents),
                turnover: cents(y.sums.turnover_usd()),
                balance: y.sums.balance_usd().map(cents),
                months: y.months,
            })
            .collect(),
    }
}

fn summary(
    file: Option<&Path>,
    reporter: Option<String>,
    partner: Option<String>,
    json: bool,
    options: &ImportOptions,
) -> ExitCode {
    let (workspace, report, warning) = match input::open_as_workspace_with(file, options) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = warning {
        eprintln!("tradedash: {w}");
    }
    let mut sel = workspace.selection.clone();
    if reporter.is_some() {
        sel.reporter = reporter;
    }
    if partner.is_some() {
        sel.partner = partner;
    }
    let s = summary_json(&workspace, report.as_ref(), &sel);
    let mut out = std::io::stdout().lock();
    let written = if json {
        crate::io::import::summary_json_text(&s, report.as_ref(), &sel)
            .map_err(std::io::Error::other)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        write_summary_text(&mut out, &workspace, &sel, &s)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

fn targets(file: Option<&Path>, json: bool) -> ExitCode {
    let (workspace, _, warning) = match input::open_as_workspace(file) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = warning {
        eprintln!("tradedash: {w}");
    }
    let is_workspace = file.is_none_or(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
    let targets = if is_workspace {
        workspace.targets.clone()
    } else {
        crate::io::workspace_file::default_workspace().targets
    };
    let empty = crate::model::dataset::Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let text = match crate::model::target::report(&targets, data, json) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tradedash: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let mut written = Ok(());
    if !json {
        written = writeln!(out, "Data: {}", workspace.data.label).and_then(|()| {
            if workspace.data.sample {
                writeln!(out, "SAMPLE DATA: the monthly split is illustrative; only the totals are reported.")
            } else {
                Ok(())
            }
        });
        if written.is_ok() && !is_workspace {
            written = writeln!(out, "Targets of the built-in workspace, evaluated against this data.");
        }
        if written.is_ok() {
            written = writeln!(out);
        }
    }
    match written.and_then(|()| out.write_all(text.as_bytes())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_summary_text(
    out: &mut impl Write,
    ws: &Workspace,
    sel: &Selection,
    s: &SummaryJson,
) -> std::io::Result<()> {
    use crate::model::format::usd_exact;
    let opt = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), usd_exact);
    writeln!(out, "{}", ws.data.label)?;
    if let Some(f) = &s.format {
        writeln!(out, "read as {f}")?;
    }
    if ws.data.sample {
        writeln!(out, "SAMPLE DATA: the monthly split is illustrative; only the totals are reported.")?;
    }
    writeln!(
        out,
        "reporter: {}, partner: {}{}",
        sel.reporter.as_deref().unwrap_or("all"),
        sel.partner.as_deref().unwrap_or("all"),
        sel.commodity.as_deref().map_or_else(String::new, |c| format!(", commodity: {c}"))
    )?;
    writeln!(out, "rows read {}, skipped {}, set aside {}", s.rows_read, s.rows_skipped, s.rows_set_aside)?;
    for a in &s.set_aside {
        writeln!(out, "  set aside {} rows (first on line {}): {}", a.rows, a.first_line, a.reason)?;
    }
    for n in &s.notes {
        writeln!(out, "  note: {n}")?;
    }
    for l in &s.skipped_lines {
        let col = l.column.as_ref().map_or_else(String::new, |c| format!(", column {c}"));
        writeln!(out, "  skipped line {}{col}: {}", l.line, l.reason)?;
    }
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16}",
        "month", "exports", "imports", "turnover", "balance"
    )?;
    for m in &s.months {
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16}",
            m.period,
            opt(m.exports),
            opt(m.imports),
            usd_exact(m.turnover),
            opt(m.balance)
        )?;
    }
    writeln!(
        out,
        "\n{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}",
        "year", "exports", "imports", "turnover", "balance", "months"
    )?;
    for y in &s.years {
        writeln!(
            out,
            "{:<8} {:>16} {:>16} {:>16} {:>16} {:>7}",
            y.year,
            opt(y.exports),
            opt(y.imports),
            usd_exact(y.turnover),
            opt(y.balance),
            y.months
        )?;
    }
    Ok(())
}
