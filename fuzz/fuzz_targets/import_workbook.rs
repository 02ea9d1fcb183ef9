//! Any bytes as an Excel workbook (XLSX zip or XLS compound file): the importer picks the kind
//! from the first bytes, so every input is tried as both. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradedash::io::import;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let _ = import::import_bytes("fuzz.xlsx", data);
    } else {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(data);
        let _ = import::import_bytes("fuzz.xlsx", &zip);
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend_from_slice(data);
        let _ = import::import_bytes("fuzz.xls", &ole);
    }
});
