//! `tradedash save-workspace`: a data file or workspace saved as a self-contained workspace.

use std::path::Path;
use std::process::ExitCode;

use crate::io::import::ImportOptions;
use crate::io::workspace_data::data_path_for;
use crate::io::workspace_file;

/// Reads `input` and saves it as the workspace `out` (with its data file beside it).
pub(super) fn run(input: &Path, out: &Path, options: &ImportOptions) -> ExitCode {
    let (workspace, _) = match super::open_input(Some(input), options, crate::i18n::Lang::En) {
        Ok(w) => w,
        Err(code) => return code,
    };
    if let Err(e) = workspace_file::save(out, &workspace) {
        eprintln!("tradedash: {e}");
        return ExitCode::from(1);
    }
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let rows = workspace.data.embedded.as_ref().map_or(0, |d| d.len());
    let data = data_path_for(out);
    println!("{} ({} bytes)", out.display(), size(out));
    if workspace.data.embedded.is_some() {
        println!("{} ({} bytes, {rows} rows)", data.display(), size(&data));
    }
    ExitCode::SUCCESS
}
