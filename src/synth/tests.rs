//! Tests of the synthetic data: the same bytes for the same seed, and what the importer makes of them.

use super::*;
use tradedash::cli::DEFAULT_SEED;
use tradedash::io::import::import_path;
use tradedash::model::query::{Selection, aggregate};

/// FNV-1a, 64 bits: a hash that no library update can change.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn same_seed_same_bytes() {
    let mut a = Vec::new();
    let mut b = Vec::new();
    let wa = write_comtrade(&mut a, 1000, DEFAULT_SEED).unwrap();
    let wb = write_comtrade(&mut b, 1000, DEFAULT_SEED).unwrap();
    assert_eq!(a, b);
    assert_eq!(wa, wb);
    assert_eq!(wa.bytes, a.len() as u64);
    // Pinned: a change here means every published benchmark figure was made on other data.
    assert_eq!(fnv1a(&a), 17_458_666_146_609_720_147, "hash of the 1000-row file with seed {DEFAULT_SEED}");
    let mut c = Vec::new();
    write_comtrade(&mut c, 1000, DEFAULT_SEED + 1).unwrap();
    assert_ne!(a, c, "another seed, other data");
}

#[test]
fn looks_like_a_comtrade_download() {
    let mut out = Vec::new();
    let w = write_comtrade(&mut out, 2400, DEFAULT_SEED).unwrap();
    let text = String::from_utf8(out).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.len(), 2400 + 2, "header, rows, and the empty rest after the last CRLF");
    assert_eq!(lines.last(), Some(&""));
    for l in &lines[..lines.len() - 1] {
        assert!(l.starts_with('"') && l.ends_with("\","), "{l}");
        assert_eq!(l.matches("\",\"").count(), 46, "47 quoted fields: {l}");
    }
    assert!(lines[1].contains("SYNTHETIC"));
    assert!(!text.contains("\"W00\",\"World\",\"0\""), "no World partner rows");
    // 24 months, 100 rows each.
    assert_eq!(w.months.len(), 24);
    assert_eq!((w.months[0].year, w.months[0].month), (2018, 1));
    assert_eq!((w.months[23].year, w.months[23].month), (2019, 12));
    // About 5% set aside.
    assert!((60..=180).contains(&w.rows_set_aside), "{}", w.rows_set_aside);
    // Averages near 330 bytes a row, as real downloads.
    let per_row = w.bytes / w.rows;
    assert!((300..=360).contains(&per_row), "{per_row} bytes a row");
}

#[test]
fn ensure_file_reuses_only_a_current_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name(300));
    assert!(!is_current(&path, 300, 1));
    let w = ensure_file(&path, 300, 1).unwrap().expect("written");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), w.bytes);
    assert!(is_current(&path, 300, 1));
    assert_eq!(ensure_file(&path, 300, 1).unwrap(), None, "reused");
    assert!(!is_current(&path, 300, 2), "another seed");
    assert!(!is_current(&path, 301, 1), "other rows");
    // A truncated file (say, a killed copy) is written again.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..100]).unwrap();
    assert!(!is_current(&path, 300, 1));
    assert!(ensure_file(&path, 300, 1).unwrap().is_some());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn imports_with_the_expected_accounting_and_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name(1000));
    let w = write_comtrade(std::fs::File::create(&path).unwrap(), 1000, DEFAULT_SEED).unwrap();
    let imported = import_path(&path).unwrap();
    let r = &imported.report;
    assert_eq!(r.rows_read, 1000);
    assert_eq!(r.rows_skipped, 0, "{:?}", r.skipped);
    assert_eq!(r.rows_set_aside(), w.rows_set_aside);
    assert_eq!(r.rows_used + r.rows_set_aside(), 1000);
    assert_eq!(r.set_aside.len(), 4, "all four kinds of breakdown: {:?}", r.set_aside);
    assert_eq!(imported.dataset.len() as u64, r.rows_used);

    let a = aggregate(&imported.dataset, &Selection::default());
    let cents = |v: Option<f64>| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let c = (v.unwrap_or(0.0) * 100.0).round() as u64;
        c
    };
    let got: Vec<MonthCents> = a
        .months
        .iter()
        .map(|m| MonthCents {
            year: m.period.year,
            month: m.period.month,
            exports_cents: cents(m.sums.exports()),
            imports_cents: cents(m.sums.imports()),
        })
        .collect();
    assert_eq!(got, w.months);
}
