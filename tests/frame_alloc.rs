//! Drawing a frame allocates nothing proportional to the dataset: the same chart drawn from
//! 38 rows and from 190,000 rows (the same months, split over 5,000 commodities) allocates
//! about the same per frame. Counted with a global allocator, so this file holds one test.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::alloc::System;
use std::sync::Arc;

use egui_kittest::Harness;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use tradedash::app::TradeDashApp;
use tradedash::model::chart::ChartView;
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::YearMonth;
use tradedash::model::workspace::{DataSource, Workspace};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Jan 2017 – Jul 2018, exports and imports, each split over `commodities` HS codes.
fn dataset(commodities: u32) -> Dataset {
    let party = |code: &str, name: &str| Party { code: code.into(), name: name.into() };
    let mut d = Dataset::default();
    for i in 0..19 {
        let m = YearMonth::from_index(YearMonth::new(2017, 1).unwrap().index() + i);
        for flow in [Flow::Export, Flow::Import] {
            for c in 0..commodities {
                let code = if commodities == 1 { "TOTAL".to_owned() } else { format!("{:06}", 10_000 + c) };
                d.push(Record {
                    period: Period::Month(m),
                    reporter: party("BY-BR", "Brest Oblast"),
                    partner: party("KAZ", "Kazakhstan"),
                    flow,
                    commodity: Commodity { code, name: String::new() },
                    value_usd: 1_000_000.0 / f64::from(commodities),
                });
            }
        }
    }
    d
}

/// Bytes and allocations of `frames` frames, after the first frames have settled.
fn per_frame(rows_commodities: u32, view: ChartView, bars: bool) -> (usize, usize, usize) {
    let data = dataset(rows_commodities);
    let rows = data.len();
    let mut ws = Workspace {
        title: "Allocation check".into(),
        data: DataSource {
            label: "synthetic".into(),
            embedded: Some(Arc::new(data)),
            ..DataSource::default()
        },
        ..Workspace::default()
    };
    ws.chart.view = view;
    ws.chart.bars = bars;
    let app = TradeDashApp::new(ws);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run_steps(10);
    let rebuilds = h.state().chart_rebuilds();
    let frames = 20;
    let region = Region::new(GLOBAL);
    h.run_steps(frames);
    let change = region.change();
    assert_eq!(h.state().chart_rebuilds(), rebuilds, "idle frames rebuild nothing");
    (rows, change.bytes_allocated / frames, change.allocations / frames)
}

#[test]
fn frame_allocations_do_not_grow_with_the_dataset() {
    for (view, bars) in [(ChartView::Monthly, false), (ChartView::Ytd, true), (ChartView::Annual, true)] {
        let (small_rows, small_bytes, small_allocs) = per_frame(1, view, bars);
        let (big_rows, big_bytes, big_allocs) = per_frame(5_000, view, bars);
        eprintln!(
            "{view:?} bars={bars}: {small_rows} rows: {small_bytes} B, {small_allocs} allocations per frame; \
             {big_rows} rows: {big_bytes} B, {big_allocs} allocations per frame"
        );
        assert_eq!(big_rows, 5_000 * small_rows);
        // The same months are drawn: within 5% (text of the row count differs), not 5,000×.
        assert!(big_bytes * 100 <= small_bytes * 105 + 4096, "{view:?}: {big_bytes} vs {small_bytes} bytes");
        assert!(big_allocs * 100 <= small_allocs * 105 + 10, "{view:?}: {big_allocs} vs {small_allocs}");
    }
}
