//! `cargo bench --bench workspace`: saving and opening schema-2 workspaces (`NAME.ron` and the
//! binary `NAME.data`) holding the SYNTHETIC Comtrade rows of `src/synth/` (made-up figures,
//! not real trade), at 200 k and 1 M rows.
//!
//! - `save/<rows>`: a save of new data: the data file and the `.ron` written, each atomically.
//! - `save_edit/<rows>`: a save after a one-field edit (the title): the same data, so only the
//!   `.ron` is written.
//! - `autosave_edit/<rows>`: the autosave after a one-field edit, its data already written.
//! - `load/<rows>`: `workspace_file::load`: the `.ron`, the data file read, checked and decoded.
//!
//! Before timing, it prints the sizes and the bytes a one-field edit writes, and checks that
//! the data file was not rewritten. The CSV files are shared with `benches/import.rs` in
//! `target/bench-data/`. `TRADEDASH_BENCH_ROWS=200000` picks the sizes (default 200 k and 1 M).

#![allow(clippy::unwrap_used, clippy::expect_used)] // bench code: a panic is a failed run

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[allow(
    dead_code,
    unused_imports,
    reason = "the benches use only the file-writing half of the generator, not its tests"
)]
#[path = "../src/synth/mod.rs"]
mod synth;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use tradedash::io::autosave::{Autosave, AutosaveFile};
use tradedash::io::import::import_path;
use tradedash::io::input::workspace_for_data;
use tradedash::io::workspace_data::data_path_for;
use tradedash::io::workspace_file;

const DEFAULT_ROWS: [u64; 2] = [200_000, 1_000_000];

fn sizes() -> Vec<u64> {
    match std::env::var("TRADEDASH_BENCH_ROWS") {
        Ok(text) if !text.trim().is_empty() => {
            text.split(',').map(|s| s.trim().replace('_', "").parse().expect("a row count")).collect()
        }
        _ => DEFAULT_ROWS.to_vec(),
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"), PathBuf::from)
}

fn len(p: &Path) -> u64 {
    std::fs::metadata(p).unwrap().len()
}

fn benches(c: &mut Criterion) {
    let data_dir = target_dir().join("bench-data");
    let out = target_dir().join("bench-workspace");
    std::fs::create_dir_all(&data_dir).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    for rows in sizes() {
        let csv = data_dir.join(synth::file_name(rows));
        synth::ensure_file(&csv, rows, tradedash::cli::DEFAULT_SEED).unwrap();
        let imported = import_path(&csv).unwrap();
        let mut ws = workspace_for_data(&csv, imported.dataset, &imported.report);
        let path = out.join(format!("bench-{rows}.ron"));
        workspace_file::save(&path, &ws).unwrap();
        let data = data_path_for(&path);
        let before = std::fs::metadata(&data).unwrap().modified().unwrap();
        ws.title = "one field edited".into();
        workspace_file::save(&path, &ws).unwrap();
        assert_eq!(std::fs::metadata(&data).unwrap().modified().unwrap(), before, "data rewritten");
        let slot = Autosave::for_pid(&out, u32::MAX - 1);
        let mut auto = AutosaveFile { origin: Some(path.clone()), workspace: ws.clone() };
        slot.write(&auto).unwrap();
        eprintln!(
            "{rows} rows: CSV {} bytes; workspace {} + {} bytes (.ron + .data); a one-field edit \
             writes {} bytes (save) and {} bytes (autosave)",
            len(&csv),
            len(&path),
            len(&data),
            len(&path),
            len(slot.path()),
        );

        let mut g = c.benchmark_group("save");
        g.sampling_mode(SamplingMode::Flat);
        g.bench_function(BenchmarkId::from_parameter(rows), |b| {
            b.iter_batched(
                || {
                    // A new data revision: another Arc holding the rows.
                    let mut fresh = ws.clone();
                    fresh.data.embedded = fresh.data.embedded.as_deref().cloned().map(Arc::new);
                    fresh
                },
                |fresh| workspace_file::save(&path, &fresh).unwrap(),
                BatchSize::PerIteration,
            );
        });
        g.finish();
        // The last timed save left a data revision no longer in memory: write the current one.
        workspace_file::save(&path, &ws).unwrap();

        let mut g = c.benchmark_group("save_edit");
        g.bench_function(BenchmarkId::from_parameter(rows), |b| {
            let mut n = 0u64;
            b.iter(|| {
                n += 1;
                ws.title = format!("edit {n}");
                workspace_file::save(&path, &ws).unwrap();
            });
        });
        g.finish();

        let mut g = c.benchmark_group("autosave_edit");
        g.bench_function(BenchmarkId::from_parameter(rows), |b| {
            let mut n = 0u64;
            b.iter(|| {
                n += 1;
                auto.workspace.title = format!("edit {n}");
                slot.write(&auto).unwrap();
            });
        });
        g.finish();
        slot.remove();

        let mut g = c.benchmark_group("load");
        g.sampling_mode(SamplingMode::Flat);
        g.bench_function(BenchmarkId::from_parameter(rows), |b| {
            b.iter(|| workspace_file::load(&path).unwrap());
        });
        g.finish();
    }
}

criterion_group! {
    name = workspace;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(workspace);
