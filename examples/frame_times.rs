//! Frame times with 1 million rows loaded: CPU time per frame (the UI pass plus tessellation of
//! what it drew) while hovering the chart, panning it, switching views and tabs, and the time
//! from a filter change until its result is on screen.
//!
//! The data is **synthetic**: one reporter, 150 partners, 3,000 HS-6 codes, 24 months, exports
//! and imports, about 1,000,000 rows, made in memory. The window is an egui_kittest harness at
//! 1600×1000 (no GPU: the GPU upload and drawing are not measured; kittest always builds the
//! AccessKit tree, which a real window does only for a screen reader).
//!
//! ```sh
//! cargo run --release --example frame_times
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::cast_precision_loss)] // a measuring script

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Event, Pos2, pos2};
use egui_kittest::Harness;
use tradedash::app::{Command, TradeDashApp};
use tradedash::model::chart::ChartView;
use tradedash::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use tradedash::model::period::YearMonth;
use tradedash::model::query::Selection;
use tradedash::model::workspace::{DataSource, Workspace};
use tradedash::ui::Tab;

const PARTNERS: usize = 150;
const CODES: usize = 3_000;
const MONTHS: usize = 24;
const ROWS_PER_MONTH_FLOW: usize = 20_834; // × 24 months × 2 flows ≈ 1,000,000 rows

/// A deterministic pseudo-random sequence (64-bit LCG), so that every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Synthetic monthly HS-6 detail by partner for one reporter.
fn synthetic_dataset() -> Dataset {
    let party = |code: String, name: String| Party { code, name };
    let reporter = party("BLR".into(), "Belarus".into());
    let partners: Vec<Party> =
        (0..PARTNERS).map(|i| party(format!("P{i:03}"), format!("Partner {i:03} (synthetic)"))).collect();
    let codes: Vec<Commodity> = (0..CODES)
        .map(|i| {
            // HS-6 codes spread over chapters 01–97.
            let chapter = 1 + i % 97;
            Commodity { code: format!("{chapter:02}{:04}", 100 + i / 97), name: format!("Goods {i}") }
        })
        .collect();
    let start = YearMonth::new(2017, 1).unwrap().index();
    let mut rng = Lcg(7);
    let mut d = Dataset::default();
    for m in 0..MONTHS {
        let period = Period::Month(YearMonth::from_index(start + i32::try_from(m).unwrap()));
        for flow in [Flow::Export, Flow::Import] {
            for _ in 0..ROWS_PER_MONTH_FLOW {
                // Larger partners trade more lines: skew the partner towards low numbers.
                let p = (rng.next() as usize % PARTNERS).min(rng.next() as usize % PARTNERS);
                let c = rng.next() as usize % CODES;
                d.push(Record {
                    period,
                    reporter: reporter.clone(),
                    partner: partners[p].clone(),
                    flow,
                    commodity: codes[c].clone(),
                    value_usd: (rng.next() % 5_000_000) as f64 + 1_000.0,
                });
            }
        }
    }
    d
}

/// Frame times of one part of the script.
#[derive(Default)]
struct Times {
    name: &'static str,
    frames: Vec<Duration>,
}

impl Times {
    fn report(&self) {
        let mut v = self.frames.clone();
        v.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{:<28} {:>5} frames   p50 {:>6.2} ms   p99 {:>6.2} ms   max {:>6.2} ms",
            self.name,
            v.len(),
            ms(at(0.5)),
            ms(at(0.99)),
            ms(*v.last().unwrap())
        );
    }
}

/// Runs one frame per queued event (or one frame) and returns the CPU time of the UI pass plus
/// the tessellation of what it drew.
fn frame(h: &mut Harness<'static, TradeDashApp>) -> Duration {
    let t = Instant::now();
    h.step();
    let ui = t.elapsed();
    let shapes = h.output().shapes.clone();
    let ppp = h.output().pixels_per_point;
    let t = Instant::now();
    let primitives = h.ctx.tessellate(shapes, ppp);
    let tessellate = t.elapsed();
    std::hint::black_box(primitives);
    ui + tessellate
}

/// One frame per event.
fn events(
    h: &mut Harness<'static, TradeDashApp>,
    times: &mut Times,
    events: impl IntoIterator<Item = Event>,
) {
    for e in events {
        h.event(e);
        times.frames.push(frame(h));
    }
}

/// Applies a command, then steps (every 10 ms, as the window would repaint on a result) until
/// its result is on screen; returns the frame times and the time until the result was shown.
fn command_until_shown(h: &mut Harness<'static, TradeDashApp>, times: &mut Times, c: Command) -> Duration {
    let ctx = h.ctx.clone();
    let t = Instant::now();
    h.state_mut().apply(&ctx, c);
    loop {
        times.frames.push(frame(h));
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    t.elapsed()
}

#[allow(clippy::too_many_lines, reason = "a measurement script, read top to bottom as the steps it times")]
fn main() {
    let t = Instant::now();
    let data = synthetic_dataset();
    let rows = data.len();
    println!(
        "Synthetic data: {rows} rows, 1 reporter, {} partners, {} commodities, {MONTHS} months ({:.1} s to make)",
        data.partners().len(),
        data.commodities().len(),
        t.elapsed().as_secs_f64()
    );
    let ws = Workspace {
        title: "Frame times (synthetic)".into(),
        data: DataSource {
            label: "synthetic, 1 M rows".into(),
            embedded: Some(Arc::new(data)),
            ..DataSource::default()
        },
        selection: Selection { reporter: Some("BLR".into()), ..Selection::default() },
        ..Workspace::default()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), TradeDashApp::new(ws));
    let mut first = Times { name: "first aggregate", ..Times::default() };
    let t = Instant::now();
    while {
        first.frames.push(frame(&mut h));
        h.state().is_busy()
    } {
        std::thread::sleep(Duration::from_millis(10));
    }
    println!("First aggregate of all partners shown after {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    for _ in 0..5 {
        frame(&mut h);
    }

    // The chart sits right of the sidebar, below the controls and the KPI strip.
    let (left, right, y) = (330.0_f32, 1570.0_f32, 330.0_f32);
    let xs = |n: usize| (0..n).map(move |i| left + (right - left) * i as f32 / (n - 1) as f32);

    let table = h.state().shown_chart_table().expect("the chart is drawn");
    println!(
        "Chart: {} months × {} columns, {} shapes per frame",
        table.rows.len(),
        table.columns.len(),
        h.output().shapes.len()
    );
    h.event(Event::PointerMoved(pos2((left + right) / 2.0, y)));
    h.step();
    println!("Hovering the chart: {} shapes (with the hover label)", h.output().shapes.len());

    let mut idle = Times { name: "idle (no input)", ..Times::default() };
    for _ in 0..50 {
        idle.frames.push(frame(&mut h));
    }

    let mut hover = Times { name: "hover across the chart", ..Times::default() };
    for _ in 0..2 {
        events(&mut h, &mut hover, xs(200).map(|x| Event::PointerMoved(pos2(x, y))));
        events(&mut h, &mut hover, xs(200).rev().map(|x| Event::PointerMoved(pos2(x, y + 40.0))));
    }

    let mut pan = Times { name: "drag-pan the plot", ..Times::default() };
    let press = |pos: Pos2, pressed: bool| Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    for round in 0..3 {
        let from = if round % 2 == 0 { 1200.0 } else { 500.0 };
        let to = if round % 2 == 0 { 500.0 } else { 1200.0 };
        let mut evs = vec![Event::PointerMoved(pos2(from, y)), press(pos2(from, y), true)];
        evs.extend((1..=100).map(|i| Event::PointerMoved(pos2(from + (to - from) * i as f32 / 100.0, y))));
        evs.push(press(pos2(to, y), false));
        events(&mut h, &mut pan, evs);
    }
    events(&mut h, &mut pan, [Event::PointerGone]);

    let mut views = Times { name: "switch views and tabs", ..Times::default() };
    for _ in 0..3 {
        for v in ChartView::ALL {
            let mut chart = h.state().workspace().chart.clone();
            chart.view = v;
            command_until_shown(&mut h, &mut views, Command::SetChart(chart));
            for _ in 0..3 {
                views.frames.push(frame(&mut h));
            }
        }
        for tab in [Tab::Targets, Tab::Visit, Tab::Chart] {
            command_until_shown(&mut h, &mut views, Command::ShowTab(tab));
            views.frames.push(frame(&mut h));
        }
    }
    let mut chart = h.state().workspace().chart.clone();
    chart.view = ChartView::Monthly;
    command_until_shown(&mut h, &mut views, Command::SetChart(chart));

    let mut filters = Times { name: "filter changes (waiting)", ..Times::default() };
    let mut shown = Vec::new();
    let base = h.state().workspace().selection.clone();
    let steps: Vec<(String, Selection)> = vec![
        ("partner P000".into(), Selection { partner: Some("P000".into()), ..base.clone() }),
        ("partner P042".into(), Selection { partner: Some("P042".into()), ..base.clone() }),
        (
            "partner P042, HS 01".into(),
            Selection { partner: Some("P042".into()), commodity: Some("01".into()), ..base.clone() },
        ),
        (
            "partner P042, HS 0101".into(),
            Selection { partner: Some("P042".into()), commodity: Some("0101".into()), ..base.clone() },
        ),
        ("all partners, HS 27".into(), Selection { commodity: Some("27".into()), ..base.clone() }),
        ("all partners, all goods".into(), base.clone()),
        (
            "P000 compared with P001, P002".into(),
            Selection {
                partner: Some("P000".into()),
                compare: vec!["P001".into(), "P002".into()],
                ..base.clone()
            },
        ),
    ];
    for (what, sel) in steps {
        let took = command_until_shown(&mut h, &mut filters, Command::SetSelection(sel));
        shown.push((what, took));
        for _ in 0..3 {
            filters.frames.push(frame(&mut h));
        }
    }

    println!();
    println!("CPU time per frame (UI pass + tessellation), window 1600×1000:");
    let all = Times {
        name: "all of the above",
        frames: [&idle, &hover, &pan, &views, &filters].iter().flat_map(|t| t.frames.clone()).collect(),
    };
    for t in [&idle, &hover, &pan, &views, &filters, &all] {
        t.report();
    }
    println!();
    println!("Filter change → result on screen (aggregates on a background thread, frames meanwhile):");
    for (what, took) in shown {
        println!("  {what:<32} {:>7.0} ms", took.as_secs_f64() * 1000.0);
    }
}
