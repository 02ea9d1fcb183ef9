//! `cargo bench --bench breakdown`: the composition breakdown on the SYNTHETIC 5 M-row
//! Comtrade file (`src/synth/`; made-up figures, not real trade): every HS-6 subheading of
//! 2019 against 2018, and the partner ranking, as the Composition tab computes them off the UI
//! thread. The file is written once to `target/bench-data/` (shared with `benches/import.rs`).
//! `TRADEDASH_BENCH_ROWS=1000000` picks other sizes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // bench code: a panic is a failed run

use std::path::PathBuf;
use std::time::Duration;

#[allow(dead_code, unused_imports, reason = "the benches use only the file-writing half of the generator")]
#[path = "../src/synth/mod.rs"]
mod synth;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use tradedash::io::import::import_path;
use tradedash::model::breakdown::{By, Level, NameLang, PeriodChoice, Request, breakdown};
use tradedash::model::dataset::Flow;
use tradedash::model::query::Selection;

fn sizes() -> Vec<u64> {
    std::env::var("TRADEDASH_BENCH_ROWS").ok().filter(|t| !t.trim().is_empty()).map_or_else(
        || vec![5_000_000],
        |t| t.split(',').map(|s| s.trim().replace('_', "").parse().unwrap()).collect(),
    )
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
        let data = import_path(&path).unwrap().dataset;
        let request = |by: By| Request {
            by,
            level: Level::Digits(6),
            flow: Flow::Export,
            period: PeriodChoice::Year(synth::FIRST_YEAR + 1),
            top: 20,
            products: Vec::new(),
            selection: Selection::default(),
        };
        let hs6 = breakdown(&data, &request(By::Commodity), NameLang::En);
        eprintln!("HS-6 breakdown of {rows} rows: {} items listed, total {}", hs6.items.len(), hs6.total);
        for (name, by) in [("breakdown_hs6", By::Commodity), ("breakdown_partners", By::Partner)] {
            let mut g = c.benchmark_group(name);
            g.sampling_mode(SamplingMode::Flat).throughput(Throughput::Elements(rows));
            g.bench_with_input(BenchmarkId::from_parameter(rows), &request(by), |b, r| {
                b.iter(|| breakdown(&data, r, NameLang::En));
            });
            g.finish();
        }
    }
}

criterion_group! {
    name = breakdown_benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(breakdown_benches);
