//! The `tradedash` binary: parse the command line, then run a headless command or the window.

// The synthetic benchmark data is not part of the library: compiled here for `tradedash
// generate`, and by the benches for theirs.
#[allow(dead_code, reason = "shared with the benches, which use parts that `generate` does not")]
mod synth;

use clap::Parser;

fn main() -> std::process::ExitCode {
    tradedash::cli::run(tradedash::cli::Cli::parse(), synth::run)
}
