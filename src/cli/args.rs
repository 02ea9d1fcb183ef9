//! What the command line accepts: the window's arguments and each command's, for clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::chart_options::ChartOptions;
use crate::io::import::{ColumnMapping, ImportOptions};

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
    pub fn options(&self) -> Result<ImportOptions, crate::model::note::Note> {
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
        /// Data file, .ron workspace, or a ClickHouse table
        /// `clickhouse://USER@HOST:PORT/DATABASE/TABLE` (aggregated on the server; password in
        /// TRADEDASH_CLICKHOUSE_PASSWORD).
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
        /// Language of the words written (titles, labels, headings): en, ru or kk. Numbers in
        /// JSON and CSV stay machine-readable, JSON keys never change.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Print the trade broken down by commodity or partner: ranked, top N and "other".
    ///
    /// For a period (a year, a month range; by default the latest year to date), each item's
    /// value, share of the total, the same months a year earlier, change and contribution to
    /// the total's growth in percentage points. By commodity at an HS level (section, 2, 4 or 6
    /// digits; 1 and 2 for SITC files) for the reporter and partner; by partner for the
    /// reporter and a commodity (never World). The items and "other" add up to the total the
    /// chart shows, to the cent (docs/composition.md). Exits 2 when INPUT or an option cannot
    /// be used.
    Breakdown(BreakdownArgs),
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
        /// Language of the words written (titles, labels, headings): en, ru or kk. Numbers in
        /// JSON and CSV stay machine-readable, JSON keys never change.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Write the briefing pack for a visit: an A4 PDF with figures, charts, targets, programme.
    ///
    /// The PDF has a title page (the visit, delegation and hosts), the key figures with their
    /// sources, the monthly and year-to-date charts, the targets with their gauges, and the
    /// programme of the visit by day (docs/briefing.md).
    ///
    /// Without INPUT the built-in example is used (its PDF is labelled as sample data). A
    /// workspace without a visit or targets still gives a briefing; those sections say what is
    /// missing. Prints the path and the number of pages. Exits 2 when INPUT or --visit cannot
    /// be used, 1 when the PDF cannot be written (nothing is left at OUT then).
    ExportBrief {
        /// Data file or .ron workspace; the built-in example when absent.
        input: Option<PathBuf>,
        /// Where to write the PDF.
        #[arg(long)]
        out: PathBuf,
        /// Language of headings and labels: en, ru or kk.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
        /// Which visit, counting from 1; the first one when absent.
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
        /// Language of the words written (titles, labels, headings): en, ru or kk. Numbers in
        /// JSON and CSV stay machine-readable, JSON keys never change.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Print every target: current value, gap, growth needed and observed, year reached.
    ///
    /// INPUT is a .ron workspace (its targets and data) or a data file (the built-in
    /// workspace's targets, evaluated against that data); the built-in example when absent.
    /// Exits 2 when the file cannot be used.
    Targets {
        /// Data file, .ron workspace or clickhouse://USER@HOST:PORT/DATABASE/TABLE.
        input: Option<PathBuf>,
        /// Print one JSON object `{"targets": [...]}`: values in US dollars, `gap_pct` in
        /// percent, growth rates as fractions, null where a figure cannot be had.
        #[arg(long)]
        json: bool,
        /// Language of the labels and notes of the text: en, ru or kk. The JSON is the same in
        /// every language.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
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
        /// Language of the words written (titles, labels, headings): en, ru or kk. Numbers in
        /// JSON and CSV stay machine-readable, JSON keys never change.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Open the window on INPUT, save a PNG of the chart, and exit (0 once the file is written).
    ///
    /// The chart options override the workspace's saved chart and selection (for a data file:
    /// monthly lines of exports, imports and turnover, every reporter, partner and month).
    /// Exits 2 when the file or an option cannot be used.
    ExportChart {
        /// Data file, .ron workspace or clickhouse://USER@HOST:PORT/DATABASE/TABLE; the
        /// built-in example when absent.
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
        /// Language of the words written (titles, labels, headings): en, ru or kk. Numbers in
        /// JSON and CSV stay machine-readable, JSON keys never change.
        #[arg(long, value_enum, default_value = "en")]
        lang: crate::i18n::Lang,
    },
    /// Write a SYNTHETIC UN Comtrade CSV for benchmarks: made-up figures, not real trade.
    ///
    /// Belarus's monthly trade in 2018–2019 by partner (150) and HS-6 commodity (3,000 made-up
    /// codes), with about 5% breakdown rows that the importer sets aside; about 350 bytes a
    /// row (1,000,000 rows: 348 MB). The same ROWS and SEED give the same bytes on every run.
    /// Prints the path, rows and bytes. Exits 1 when the file cannot be written.
    #[command(hide = true)]
    Generate(GenerateArgs),
    /// Write a data file's kept rows into a ClickHouse table, in batches, with a progress line.
    ///
    /// FILE is read as the window reads it (any format it knows; the same import report as
    /// `summary`, on stderr); its kept rows go into TABLE in the long format (period, reporter,
    /// reporter_code, partner, partner_code, flow, commodity, commodity_name, value_usd). With
    /// --create a missing table is made (MergeTree); an existing one must have those columns.
    /// A `Distributed` table spreads the rows over its shards. The password is read from
    /// TRADEDASH_CLICKHOUSE_PASSWORD. Prints the rows pushed. Exits 2 when FILE or the address
    /// cannot be used, 1 when the server refuses the rows.
    Push {
        /// Data file or .ron workspace.
        file: PathBuf,
        /// clickhouse://USER@HOST:PORT/DATABASE/TABLE.
        to: String,
        /// Make the table (long format, MergeTree) when it does not exist.
        #[arg(long)]
        create: bool,
        /// Column mapping and sheet.
        #[command(flatten)]
        import: ImportArgs,
    },
    /// Save INPUT (a data file or a workspace) as a self-contained workspace: OUT (.ron, the
    /// settings) and its rows in the binary data file beside it (OUT with `.data`). The two
    /// files go together; the data file INPUT was read from is no longer needed. Prints both
    /// paths, the rows and the sizes. Exits 2 when INPUT cannot be used, 1 when OUT cannot be
    /// written.
    SaveWorkspace {
        /// Data file or .ron workspace.
        input: PathBuf,
        /// Where to write the workspace (`NAME.ron`; `NAME.data` is written beside it).
        #[arg(long)]
        out: PathBuf,
        /// Column mapping and sheet.
        #[command(flatten)]
        import: ImportArgs,
    },
}

/// What `tradedash breakdown` is asked for.
#[derive(Debug, Clone, Args)]
pub struct BreakdownArgs {
    /// Data file or .ron workspace; the built-in example when absent.
    pub input: Option<PathBuf>,
    /// Break down by `commodity` or `partner`.
    #[arg(long, value_enum, default_value = "commodity")]
    pub by: BreakdownBy,
    /// Commodity level: `section` (HS sections I–XXI), 2, 4 or 6 digits (1 for SITC sections).
    #[arg(long, default_value = "2")]
    pub level: String,
    /// Items listed before "other"; 0 lists all.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// A calendar year.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First month, YYYY-MM (with --to).
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Last month, YYYY-MM (with --from).
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// Reporter code or name, case-insensitive.
    #[arg(long)]
    pub reporter: Option<String>,
    /// Partner code or name (for --by commodity).
    #[arg(long)]
    pub partner: Option<String>,
    /// HS code prefix: the headings of chapter 04 with `--commodity 04 --level 4`; for --by
    /// partner, the commodity ranked.
    #[arg(long)]
    pub commodity: Option<String>,
    /// `export`, `import` or `turnover`.
    #[arg(long, default_value = "export")]
    pub flow: String,
    /// Language of the HS names shipped with the app: en or ru (names in the file come first).
    #[arg(long, value_enum, default_value = "en")]
    pub lang: crate::i18n::Lang,
    /// Print one JSON object (US dollars, percent, percentage points; null where unknown).
    #[arg(long)]
    pub json: bool,
    /// Column mapping and sheet.
    #[command(flatten)]
    pub import: ImportArgs,
}

/// What `tradedash breakdown --by` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BreakdownBy {
    /// Commodities at --level.
    Commodity,
    /// Partner countries.
    Partner,
}

/// The seed `tradedash generate`, the benches and `bench/compare.sh` use.
pub const DEFAULT_SEED: u64 = 7;

/// What `tradedash generate` writes. The generator itself is not part of the library: the
/// binary (and the benches) compile `src/synth/` and run it with these.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Data rows to write (not counting the header).
    #[arg(long)]
    pub rows: u64,
    /// Where to write the CSV (by convention `comtrade-synthetic-<ROWS>.csv`).
    #[arg(long)]
    pub out: PathBuf,
    /// Seed of the random generator.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Keep OUT when an earlier `generate` wrote it with the same rows and seed (checked
    /// by its size and the `OUT.stamp` file written beside it).
    #[arg(long)]
    pub reuse: bool,
}

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
