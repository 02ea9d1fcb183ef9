//! `tradedash export-ics`: a workspace's visits as an iCalendar file.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::{Lang, tr};
use crate::io::input;

/// Writes the visits of `input` (or visit number `visit`) to `out`.
pub(super) fn run(input: Option<&Path>, out: &Path, visit: Option<usize>, lang: Lang) -> ExitCode {
    let (workspace, _, _) = match input::open_as_workspace(input) {
        Ok(w) => w,
        Err(e) => {
            super::fail(lang, &e.message(lang));
            return ExitCode::from(2);
        }
    };
    let name = input.map_or_else(|| tr(lang, "cli-built-in-example"), |p| p.display().to_string());
    let visits = match visit {
        None if workspace.visits.is_empty() => {
            super::fail(lang, &tr!(lang, "cli-no-visit", name = name.as_str()));
            return ExitCode::from(2);
        }
        None => workspace.visits,
        Some(n) => match n.checked_sub(1).and_then(|i| workspace.visits.get(i)) {
            Some(v) => vec![v.clone()],
            None => {
                let count = workspace.visits.len();
                super::fail(
                    lang,
                    &tr!(lang, "cli-no-such-visit", name = name, count = count, number = n.to_string()),
                );
                return ExitCode::from(2);
            }
        },
    };
    let events: usize = visits.iter().map(|v| v.stops.len()).sum();
    match crate::io::ics::write_ics_in(lang, out, &visits) {
        Ok(()) => {
            println!("{}", tr!(lang, "cli-ics-written", path = out.display().to_string(), events = events));
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::fail(lang, &e.to_string());
            ExitCode::FAILURE
        }
    }
}
