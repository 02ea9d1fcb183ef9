//! The `tradedash` binary: parse the command line, then run a headless command or the window.

fn main() -> std::process::ExitCode {
    tradedash::cli::main()
}
