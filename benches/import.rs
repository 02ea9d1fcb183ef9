//! `cargo bench`: the importer and the aggregation on SYNTHETIC Comtrade files of 100 k, 1 M
//! and 5 M rows (see `src/synth/`; the figures are made up, not real trade).
//!
//! - `parse/<rows>`: `import_path` on the file (read, decode, split, parse, set aside).
//! - `aggregate/<rows>`: `aggregate` with the default selection (every partner, commodity).
//! - `filter_partner/<rows>`, `filter_commodity/<rows>`: `aggregate` with a partner (KAZ) and
//!   with a commodity prefix (HS chapter 84), as when the analyst changes a filter.
//!
//! The files are written once to `target/bench-data/` and reused while their `.stamp` says
//! they are current. `TRADEDASH_BENCH_ROWS=100000,1000000` picks the sizes (default: all
//! three). Few samples and short measurement times keep the whole run within minutes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // bench code: a panic is a failed run

use std::path::PathBuf;
use std::time::Duration;

// The synthetic data generator is not part of the library: the benches compile it themselves.
#[allow(
    dead_code,
    unused_imports,
    reason = "the benches use only the file-writing half of the generator, not its tests"
)]
#[path = "../src/synth/mod.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tradedash::io::import::{ImportError, import_path};
use tradedash::model::query::{Selection, aggregate};

const DEFAULT_ROWS: [u64; 3] = [100_000, 1_000_000, 5_000_000];

fn sizes() -> Vec<u64> {
    match std::env::var("TRADEDASH_BENCH_ROWS") {
        Ok(text) if !text.trim().is_empty() => text
            .split(',')
            .map(|s| {
                let s = s.trim().replace('_', "");
                s.parse().unwrap_or_else(|_| panic!("TRADEDASH_BENCH_ROWS: {s:?} is not a row count"))
            })
            .collect(),
        _ => DEFAULT_ROWS.to_vec(),
    }
}

fn data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from);
    target.join("bench-data")
}

fn benches(c: &mut Criterion) {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for rows in sizes() {
        let path = dir.join(synth::file_name(rows));
        if let Some(w) = synth::ensure_file(&path, rows, tradedash::cli::DEFAULT_SEED).unwrap() {
            eprintln!("wrote {} ({} MB, synthetic)", path.display(), w.bytes >> 20);
        }
        let bytes = std::fs::metadata(&path).unwrap().len();
        // One import outside the timing: the page cache holds the file, and the dataset is
        // what the aggregation benches run on.
        let imported = match import_path(&path) {
            Ok(i) => i,
            Err(e @ ImportError::TooLarge { .. }) => {
                eprintln!("skipping {rows} rows: {e}");
                continue;
            }
            Err(e) => panic!("{e}"),
        };
        assert_eq!(imported.report.rows_read, rows);

        let mut g = c.benchmark_group("parse");
        g.sampling_mode(SamplingMode::Flat).throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::from_parameter(rows), &path, |b, p| {
            b.iter(|| import_path(p).unwrap());
        });
        g.finish();

        let selections = [
            ("aggregate", Selection::default()),
            ("filter_partner", Selection { partner: Some("KAZ".into()), ..Selection::default() }),
            ("filter_commodity", Selection { commodity: Some("84".into()), ..Selection::default() }),
        ];
        for (name, sel) in selections {
            let mut g = c.benchmark_group(name);
            g.sampling_mode(SamplingMode::Flat).throughput(Throughput::Elements(rows));
            g.bench_with_input(BenchmarkId::from_parameter(rows), &sel, |b, sel| {
                b.iter(|| aggregate(&imported.dataset, sel));
            });
            g.finish();
        }
    }
}

criterion_group! {
    name = import;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(import);
