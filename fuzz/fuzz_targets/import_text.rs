//! Any bytes through the text importer (CSV, TSV, UTF-16, Windows-1251, wide tables), with
//! and without a column mapping, and through the mapping step's preview. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradedash::io::import::{self, ColumnMapping, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let _ = import::import_bytes("fuzz.csv", data);
    let mapping = ColumnMapping::parse_cli(Some("period=months"), Some("flow=export,unit=thousand")).ok();
    let options = ImportOptions { mapping, ..ImportOptions::default() };
    if let Err(e) = import::import_bytes_with("fuzz.csv", data, &options)
        && let Some(preview) = e.preview()
    {
        let _ = import::preview_mapping(preview, &preview.draft);
    }
});
