//! What the window does on a ClickHouse table, timed (bench/clickhouse.sh runs it): the
//! connect (`io::clickhouse::fetch`, exactly what File ▸ Connect to ClickHouse… runs on its
//! thread), then selection changes as the window answers them: reporter, partner and month
//! changes by the in-process engine on the sums held in memory, and, when the table is held
//! as a cube (its sums per commodity do not fit), 2-digit commodity selections from the
//! chapter sums held beside it (when they fit) and the others by one server query each
//! (`ServerTotals`, what the aggregate cache asks on its background thread). Each in-memory
//! answer is checked against the server's own totals for the same selection.
//!
//! ```sh
//! TRADEDASH_CLICKHOUSE_PASSWORD=… cargo run --release --example clickhouse_window -- \
//!     'clickhouse://user@127.0.0.1:8123/default/bench?timeout=600' KAZ RUS -- 01 0101
//! ```
//! Arguments: the address, partners (each a selection change), then `--` and commodity codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a measuring script

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use tradedash::io::clickhouse::{Address, CUBE_COMMODITY, FetchProgress, MAX_SUMMED_ROWS, Password, fetch};
use tradedash::model::query::{Aggregate, RemoteTotals, Selection, aggregate};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// Months and years in cents, for comparing two aggregates.
fn cents(a: &Aggregate) -> Vec<(String, i64, i64)> {
    let c = |x: f64| (x * 100.0).round() as i64;
    let mut v: Vec<_> = a
        .months
        .iter()
        .map(|m| (format!("{:?}", m.period), c(m.sums.exports_usd), c(m.sums.imports_usd)))
        .collect();
    v.extend(a.years.iter().map(|y| (y.year.to_string(), c(y.sums.exports_usd), c(y.sums.imports_usd))));
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let address = Address::parse(&args[0]).expect("a clickhouse:// address");
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let partners = &args[1..split];
    let commodities = args.get(split + 1..).unwrap_or_default();
    let password = Password::from_env().unwrap_or_default();
    let t = Instant::now();
    let fetched =
        fetch(address, &password, &Arc::new(FetchProgress::default()), MAX_SUMMED_ROWS, CUBE_COMMODITY)
            .expect("connect");
    let held = match &fetched.server {
        Some((_, s)) if s.holds_chapters() => {
            format!("cube per (month, reporter, partner, flow) + {} of them per HS chapter", s.chapter_rows())
        }
        Some(_) => "cube per (month, reporter, partner, flow)".to_owned(),
        None => "sums per commodity".to_owned(),
    };
    println!(
        "connect: {:.0} ms; {} rows on the server; holds {} sums: {held}",
        ms(t),
        fetched.counts.rows,
        fetched.dataset.len()
    );
    let data = &fetched.dataset;
    let server = fetched.server.as_ref().map(|(_, s)| Arc::clone(s));
    let go = Arc::new(AtomicBool::new(false));
    let mut sels = vec![Selection::default()];
    sels.extend(partners.iter().map(|p| Selection { partner: Some(p.clone()), ..Selection::default() }));
    for sel in &sels {
        let name = sel.partner.as_deref().unwrap_or("all partners");
        let t = Instant::now();
        let a = aggregate(data, sel);
        let mem = ms(t);
        let same = server.as_ref().map_or("", |s| {
            if cents(&a) == cents(&s.aggregate(sel, &go).expect("server totals")) {
                "same as the server's"
            } else {
                "DIFFERENT from the server's"
            }
        });
        println!("selection {name:<14} in memory: {mem:8.2} ms  {same}");
    }
    let Some(server) = server else { return };
    for c in commodities {
        for p in std::iter::once(None).chain(partners.first().map(Some)) {
            let sel = Selection { partner: p.cloned(), commodity: Some(c.clone()), ..Selection::default() };
            let name = p.map_or("all partners", String::as_str);
            if server.needs_remote(&sel) {
                let t = Instant::now();
                let a = server.aggregate(&sel, &go).expect("server totals");
                println!(
                    "commodity {c:<6} {name:<14} by the server: {:8.0} ms ({} months)",
                    ms(t),
                    a.months.len()
                );
            } else {
                // A chapter held in memory beside the cube: answered there, checked against
                // the server's own totals.
                let t = Instant::now();
                let a = aggregate(data, &sel);
                let mem = ms(t);
                let same = if cents(&a) == cents(&server.aggregate(&sel, &go).expect("server totals")) {
                    "same as the server's"
                } else {
                    "DIFFERENT from the server's"
                };
                println!(
                    "commodity {c:<6} {name:<14} in memory: {mem:8.2} ms ({} months)  {same}",
                    a.months.len()
                );
            }
        }
    }
}
