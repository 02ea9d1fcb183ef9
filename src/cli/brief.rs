//! `tradedash export-brief`: the briefing PDF of a workspace or data file (io::brief).

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::io::brief::{BriefError, BriefOptions, write_brief};
use crate::model::dataset::Dataset;

/// Writes the briefing of INPUT (the built-in example when absent) to `out`. Exits 2 when INPUT
/// or `--visit` cannot be used, 1 when the PDF cannot be written.
pub(super) fn run(input: Option<&Path>, out: &Path, lang: Lang, visit: Option<usize>) -> ExitCode {
    let (workspace, report) =
        match super::open_input(input, &crate::io::import::ImportOptions::default(), lang) {
            Ok(w) => w,
            Err(code) => return code,
        };
    if visit == Some(0) {
        super::fail(lang, &crate::i18n::tr(lang, "cli-visit-from-one"));
        return ExitCode::from(2);
    }
    let opts = BriefOptions {
        lang,
        visit: visit.map(|n| n - 1),
        rows_skipped: report.as_ref().map_or(0, |r| r.rows_skipped),
        ..BriefOptions::today()
    };
    let empty = Dataset::default();
    let data = workspace.data.embedded.clone();
    match write_brief(&workspace, data.as_deref().unwrap_or(&empty), &opts, out) {
        Ok(r) => {
            println!("{} ({} pages)", out.display(), r.pages);
            ExitCode::SUCCESS
        }
        Err(e @ BriefError::NoSuchVisit { .. }) => {
            super::fail(lang, &e.to_string());
            ExitCode::from(2)
        }
        Err(e) => {
            super::fail(lang, &crate::tr!(lang, "cli-brief-not-written", error = e.to_string()));
            ExitCode::FAILURE
        }
    }
}
