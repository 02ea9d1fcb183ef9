//! Any text as a workspace file. Must never panic or overflow the stack.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tradedash::io::workspace_file;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = workspace_file::parse(Path::new("fuzz.ron"), text);
    }
});
