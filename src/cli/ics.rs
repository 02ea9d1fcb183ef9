//! `tradedash export-ics`: a workspace's visits as an iCalendar file.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::io::input;

/// Writes the visits of `input` (or visit number `visit`) to `out`.
pub(super) fn run(input: Option<&Path>, out: &Path, visit: Option<usize>, lang: Lang) -> ExitCode {
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
    match crate::io::ics::write_ics_in(lang, out, &visits) {
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
