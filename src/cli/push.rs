//! `tradedash push FILE clickhouse://…/TABLE [--create]`: a file's kept rows into a
//! ClickHouse table, after the same import report as `summary`, with a progress line.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::io::clickhouse::{PushProgress, push};
use crate::io::import::ImportOptions;
use crate::model::dataset::Dataset;

/// Reads `file`, prints what the import gave, and writes its kept rows to `to`.
pub(super) fn run(file: &Path, to: &str, create: bool, options: &ImportOptions) -> ExitCode {
    if super::clickhouse::address_of(Some(Path::new(to))).is_none() {
        eprintln!(
            "tradedash: push writes to a ClickHouse table: expected clickhouse://USER@HOST:PORT/DATABASE/TABLE, found {to:?}"
        );
        return ExitCode::from(2);
    }
    let (workspace, report) = match super::open_input(Some(file), options, crate::i18n::Lang::En) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let empty = Dataset::default();
    let data = workspace.data.embedded.as_deref().unwrap_or(&empty);
    let s = super::summary_json(&workspace, report.as_ref(), &crate::model::query::Selection::default());
    let mut err = std::io::stderr().lock();
    // The report goes to stderr with the progress: stdout stays for the result line.
    let _ = writeln!(err, "{}", workspace.data.label);
    if let Some(f) = &s.format {
        let _ = writeln!(err, "read as {f}");
    }
    let _ = super::summary::write_import_report(&mut err, crate::i18n::Lang::En, &s, None);
    let source = match super::clickhouse::connect(to) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let started = std::time::Instant::now();
    let pushed = push(&source, data, create, |p: PushProgress| {
        let pct = (p.written * 100).checked_div(p.total).unwrap_or(100);
        let _ = writeln!(err, "tradedash: pushed {} of {} rows ({pct}%)", p.written, p.total);
    });
    match pushed {
        Ok(()) => {
            println!(
                "pushed {} rows to {} in {:.1} s",
                data.len(),
                source.address(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tradedash: {e}");
            ExitCode::FAILURE
        }
    }
}
