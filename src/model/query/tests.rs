//! Tests of aggregation (the double-counting rules, by hand) and of the cache.

use std::sync::Arc;

use super::aggregate::PARALLEL_ROWS;
use super::*;
use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use crate::model::period::{MonthRange, YearMonth};

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

fn party(code: &str, name: &str) -> Party {
    Party { code: code.into(), name: name.into() }
}

fn rec(p: Period, partner: &str, flow: Flow, cmd: &str, v: f64) -> Record {
    let partner = match partner {
        "World" => party("0", "World"),
        "RUS" => party("RUS", "Russian Federation"),
        _ => party("KAZ", "Kazakhstan"),
    };
    Record {
        period: p,
        reporter: party("BLR", "Belarus"),
        partner,
        flow,
        commodity: Commodity { code: cmd.into(), name: String::new() },
        value_usd: v,
    }
}

fn m(y: i32, mo: u8) -> Period {
    Period::Month(ym(y, mo))
}

#[test]
fn large_data_split_over_two_threads_keeps_the_level_rules() {
    // Over PARALLEL_ROWS rows: January's TOTAL row sits in the second half, behind its HS-6
    // rows in the first half, and must replace them; February has HS-6 rows only.
    let n = PARALLEL_ROWS + 2;
    let mut d = Dataset::default();
    for i in 0..n - 1 {
        let month = if i % 2 == 0 { 1 } else { 2 };
        d.push(rec(m(2018, month), "KAZ", Flow::Export, &format!("{:06}", 10_000 + i % 50), 1.0));
    }
    d.push(rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 7.0));
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.months[0].sums.exports_usd, 7.0);
    assert_eq!(a.months[1].sums.exports_usd, f64::from(u32::try_from((n - 1) / 2).unwrap()));
}

#[test]
fn sums_exports_imports_turnover_and_balance_by_hand() {
    let d: Dataset = [
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 5_000_000.0),
        rec(m(2018, 1), "KAZ", Flow::Import, "TOTAL", 1_250_000.0),
        rec(m(2018, 2), "KAZ", Flow::Export, "TOTAL", 6_000_000.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.months.len(), 2);
    let jan = a.month(ym(2018, 1)).unwrap().sums;
    assert_eq!(jan.turnover_usd(), Some(6_250_000.0));
    assert_eq!(jan.balance_usd(), Some(3_750_000.0));
    let feb = a.month(ym(2018, 2)).unwrap().sums;
    assert_eq!(feb.imports(), Some(0.0));
    assert_eq!(a.years.len(), 1);
    assert_eq!(a.years[0].sums.turnover_usd(), Some(12_250_000.0));
    assert_eq!(a.years[0].months, 2);
}

#[test]
fn total_rows_win_over_chapters_and_chapters_over_headings() {
    let d: Dataset = [
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 100.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "03", 60.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "04", 40.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "0302", 25.0),
        // February has no TOTAL row: the chapters are summed, the heading is not.
        rec(m(2018, 2), "KAZ", Flow::Export, "03", 7.0),
        rec(m(2018, 2), "KAZ", Flow::Export, "04", 3.0),
        rec(m(2018, 2), "KAZ", Flow::Export, "0302", 2.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.month(ym(2018, 1)).unwrap().sums.exports_usd, 100.0);
    assert_eq!(a.month(ym(2018, 2)).unwrap().sums.exports_usd, 10.0);
    let fish = Selection { commodity: Some("03".into()), ..Selection::default() };
    let a = aggregate(&d, &fish);
    assert_eq!(a.month(ym(2018, 1)).unwrap().sums.exports_usd, 60.0);
    assert_eq!(a.month(ym(2018, 2)).unwrap().sums.exports_usd, 7.0);
    let heading = Selection { commodity: Some("0302".into()), ..Selection::default() };
    assert_eq!(aggregate(&d, &heading).month(ym(2018, 2)).unwrap().sums.exports_usd, 2.0);
}

#[test]
fn world_is_used_instead_of_countries_never_beside_them() {
    let d: Dataset = [
        rec(m(2018, 1), "World", Flow::Export, "TOTAL", 1000.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 300.0),
        rec(m(2018, 1), "RUS", Flow::Export, "TOTAL", 500.0),
        rec(m(2018, 2), "KAZ", Flow::Export, "TOTAL", 30.0),
        rec(m(2018, 2), "RUS", Flow::Export, "TOTAL", 50.0),
    ]
    .into_iter()
    .collect();
    let all = aggregate(&d, &Selection::default());
    assert_eq!(all.month(ym(2018, 1)).unwrap().sums.exports_usd, 1000.0);
    assert_eq!(all.month(ym(2018, 2)).unwrap().sums.exports_usd, 80.0);
    let kaz = Selection { partner: Some("kazakhstan".into()), ..Selection::default() };
    assert_eq!(aggregate(&d, &kaz).month(ym(2018, 1)).unwrap().sums.exports_usd, 300.0);
}

#[test]
fn turnover_only_rows_count_only_without_a_split() {
    let d: Dataset = [
        rec(m(2018, 1), "KAZ", Flow::Turnover, "TOTAL", 999.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 70.0),
        rec(m(2018, 1), "KAZ", Flow::Import, "TOTAL", 30.0),
        rec(m(2018, 2), "KAZ", Flow::Turnover, "TOTAL", 120.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.month(ym(2018, 1)).unwrap().sums.turnover_usd(), Some(100.0));
    let feb = a.month(ym(2018, 2)).unwrap().sums;
    assert_eq!(feb.turnover_usd(), Some(120.0));
    assert_eq!(feb.exports(), None);
    assert_eq!(feb.balance_usd(), None);
}

#[test]
fn annual_records_make_years_and_never_months() {
    let d: Dataset = [
        rec(Period::Year(2017), "KAZ", Flow::Export, "TOTAL", 508_600_000.0),
        rec(Period::Year(2017), "KAZ", Flow::Import, "TOTAL", 95_500_000.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 1.0),
        rec(Period::Year(2018), "KAZ", Flow::Export, "TOTAL", 12.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.months.len(), 1);
    assert_eq!(a.years.len(), 2);
    assert_eq!(a.years[0].year, 2017);
    assert!(a.years[0].from_annual);
    assert_eq!(a.years[0].sums.turnover_usd(), Some(604_100_000.0));
    // 2018 has monthly data: the months make the year, the annual row is not added.
    assert!(!a.years[1].from_annual);
    assert_eq!(a.years[1].sums.exports_usd, 1.0);
}

#[test]
fn missing_months_stay_missing_and_ranges_filter() {
    let d: Dataset = [
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 1.0),
        rec(m(2018, 3), "KAZ", Flow::Export, "TOTAL", 3.0),
        rec(m(2018, 4), "KAZ", Flow::Export, "TOTAL", 4.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert!(a.month(ym(2018, 2)).is_none());
    let (sums, n) = a.sum_range(MonthRange::new(ym(2018, 1), ym(2018, 3)));
    assert_eq!((sums.exports_usd, n), (4.0, 2));
    let sel = Selection { range: Some(MonthRange::new(ym(2018, 3), ym(2018, 4))), ..Selection::default() };
    let a = aggregate(&d, &sel);
    assert_eq!(a.months.iter().map(|t| t.sums.exports_usd).collect::<Vec<_>>(), vec![3.0, 4.0]);
}

#[test]
fn cache_recomputes_only_when_revision_or_selection_change() {
    let d: Dataset = [rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 1.0)].into_iter().collect();
    let mut cache = AggregateCache::default();
    let sel = Selection::default();
    let _ = cache.get(&d, 1, &sel);
    let _ = cache.get(&d, 1, &sel);
    assert_eq!(cache.computations(), 1);
    let _ = cache.get(&d, 2, &sel);
    assert_eq!(cache.computations(), 2);
    let kaz = Selection { partner: Some("KAZ".into()), ..Selection::default() };
    let _ = cache.get(&d, 2, &kaz);
    let _ = cache.get(&d, 2, &kaz);
    assert_eq!(cache.computations(), 3);
    // A new month range is a view on the cached aggregate: no recomputation.
    let jan = Selection { range: Some(MonthRange::new(ym(2018, 1), ym(2018, 1))), ..kaz.clone() };
    assert_eq!(cache.get(&d, 2, &jan).months.len(), 1);
    assert_eq!(cache.computations(), 3);
    // Comparing partners: one more computation, an aggregate per compared partner.
    let both = Selection { compare: vec!["RUS".into()], ..kaz };
    let _ = cache.get(&d, 2, &both);
    assert_eq!(cache.computations(), 4);
    assert_eq!(cache.compared().len(), 1);
    assert!(cache.compared()[0].1.months.is_empty(), "no Russia rows");
}

/// `n` export rows of 1 dollar in Jan 2018, to Kazakhstan (even rows) and Russia (odd).
fn big(n: usize) -> Arc<Dataset> {
    let kaz = rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 1.0);
    let rus = rec(m(2018, 1), "RUS", Flow::Export, "TOTAL", 1.0);
    let mut d = Dataset::default();
    for i in 0..n {
        d.push(if i % 2 == 0 { kaz.clone() } else { rus.clone() });
    }
    Arc::new(d)
}

/// Calls `refresh_shared` until the cache has what is asked for (bounded).
fn settle(cache: &mut AggregateCache, d: &Arc<Dataset>, sel: &Selection) -> f64 {
    for _ in 0..2_000 {
        let _ = cache.refresh_shared(d, 1, sel, || ());
        if !cache.is_updating() {
            return cache.aggregate().months[0].sums.exports_usd;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("no result in 10 s");
}

#[test]
fn small_data_is_aggregated_at_once_even_through_refresh_shared() {
    let d = big(10);
    let mut cache = AggregateCache::default();
    assert!(cache.refresh_shared(&d, 1, &Selection::default(), || ()));
    assert!(!cache.is_updating());
    assert_eq!(cache.aggregate().months[0].sums.exports_usd, 10.0);
    assert!(!cache.refresh_shared(&d, 1, &Selection::default(), || ()), "nothing new");
    assert_eq!(cache.computations(), 1);
}

#[test]
fn large_data_is_aggregated_in_the_background_and_stale_results_are_dropped() {
    let n = BACKGROUND_ROWS + 2;
    let d = big(n);
    let mut cache = AggregateCache::default();
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = Arc::clone(&calls);
    let all = Selection::default();
    let changed =
        cache.refresh_shared(&d, 1, &all, move || _ = c.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
    assert!(!changed, "nothing computed on this thread");
    assert!(cache.is_updating());
    assert!(cache.aggregate().months.is_empty(), "the previous (empty) aggregate is still shown");
    #[allow(clippy::cast_precision_loss)]
    let total = n as f64;
    assert_eq!(settle(&mut cache, &d, &all), total);
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1, "done was called once");
    assert_eq!(cache.computations(), 1);

    // Kazakhstan asked for, then Russia before Kazakhstan's result is in: only Russia's is kept.
    let kaz = Selection { partner: Some("KAZ".into()), ..Selection::default() };
    let rus = Selection { partner: Some("RUS".into()), ..Selection::default() };
    let _ = cache.refresh_shared(&d, 1, &kaz, || ());
    let _ = cache.refresh_shared(&d, 1, &rus, || ());
    assert!(cache.is_updating());
    assert_eq!(cache.aggregate().months[0].sums.exports_usd, total, "old figures meanwhile");
    assert_eq!(settle(&mut cache, &d, &rus), total / 2.0);
    assert_eq!(cache.computations(), 2, "Kazakhstan's result was dropped, not shown");
    // A range change is a view: nothing to compute.
    let jan = Selection { range: Some(MonthRange::new(ym(2018, 1), ym(2018, 1))), ..rus };
    assert!(!cache.refresh_shared(&d, 1, &jan, || ()));
    assert!(!cache.is_updating());
    // The synchronous refresh answers at once on large data too (exports use it).
    cache.refresh(&d, 1, &kaz);
    assert!(!cache.is_updating());
    assert_eq!(cache.aggregate().months[0].sums.exports_usd, total / 2.0);
}

/// A remote source that answers a commodity selection only when told to, and stops when
/// cancelled (as the ClickHouse source's query does), saying when it stopped.
#[derive(Debug, Default)]
struct SlowRemote {
    release: std::sync::atomic::AtomicBool,
    stopped: std::sync::Mutex<Option<std::time::Instant>>,
}

impl RemoteTotals for SlowRemote {
    fn needs_remote(&self, sel: &Selection) -> bool {
        sel.commodity.is_some()
    }

    fn aggregate(
        &self,
        _sel: &Selection,
        cancel: &Arc<std::sync::atomic::AtomicBool>,
    ) -> Result<Aggregate, String> {
        use std::sync::atomic::Ordering::SeqCst;
        loop {
            if cancel.load(SeqCst) {
                if let Ok(mut s) = self.stopped.lock() {
                    *s = Some(std::time::Instant::now());
                }
                return Err("cancelled".into());
            }
            if self.release.load(SeqCst) {
                return Ok(Aggregate::default());
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    fn breakdown_rows(
        &self,
        _req: &crate::model::breakdown::Request,
        _cancel: &Arc<std::sync::atomic::AtomicBool>,
    ) -> Result<crate::model::dataset::Dataset, String> {
        Err("this test source has no rows".into())
    }
}

#[test]
fn a_remote_answer_cancelled_keeps_the_figures_shown_and_is_not_asked_again() {
    let d = big(10);
    let remote = Arc::new(SlowRemote::default());
    let mut cache = AggregateCache::default();
    cache.set_remote(&d, Arc::clone(&remote) as Arc<dyn RemoteTotals>);
    let all = Selection::default();
    assert!(cache.refresh_shared(&d, 1, &all, || ()), "from memory at once");
    let shown = cache.aggregate().months[0].sums.exports_usd;
    let c03 = Selection { commodity: Some("03".into()), ..Selection::default() };
    let _ = cache.refresh_shared(&d, 1, &c03, || ());
    assert!(cache.is_updating());
    assert_eq!(cache.remote_in_flight(), Some(&c03));
    let clicked = std::time::Instant::now();
    assert_eq!(cache.cancel_remote(), Some(c03.clone()));
    assert!(!cache.is_updating() && cache.is_cancelled() && cache.remote_in_flight().is_none());
    // The same selection is not asked again; the figures shown stay.
    for _ in 0..5 {
        assert!(!cache.refresh_shared(&d, 1, &c03, || ()));
        assert!(!cache.is_updating() && cache.remote_in_flight().is_none());
    }
    assert_eq!(cache.aggregate().months[0].sums.exports_usd, shown);
    // The source stopped waiting within a tenth of a second.
    for _ in 0..100 {
        if remote.stopped.lock().is_ok_and(|s| s.is_some()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let stopped = remote.stopped.lock().ok().and_then(|s| *s).map(|t| t - clicked);
    assert!(stopped.is_some_and(|t| t.as_secs_f64() < 0.1), "{stopped:?}");
    assert_eq!(cache.cancel_remote(), None, "nothing left to cancel");
    // Another selection is answered again; choosing 03 again asks the source again.
    let _ = cache.refresh_shared(&d, 1, &all, || ());
    assert!(!cache.is_cancelled() && !cache.is_updating());
    remote.release.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = cache.refresh_shared(&d, 1, &c03, || ());
    assert!(cache.is_updating());
    for _ in 0..2_000 {
        let _ = cache.refresh_shared(&d, 1, &c03, || ());
        if !cache.is_updating() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(cache.remote_answered() && !cache.is_updating());
}

#[test]
fn mirror_is_the_partner_reporting_the_reporter() {
    let blr = party("BLR", "Belarus");
    let kaz = party("KAZ", "Kazakhstan");
    let r = |reporter: &Party, partner: &Party, flow, v| Record {
        period: m(2018, 1),
        reporter: reporter.clone(),
        partner: partner.clone(),
        flow,
        commodity: Commodity { code: "TOTAL".into(), name: String::new() },
        value_usd: v,
    };
    let d: Dataset = [
        r(&blr, &kaz, Flow::Export, 60.0),
        r(&blr, &kaz, Flow::Import, 10.0),
        r(&kaz, &blr, Flow::Import, 66.0),
        r(&kaz, &blr, Flow::Export, 9.0),
    ]
    .into_iter()
    .collect();
    let mut cache = AggregateCache::default();
    let sel = Selection { reporter: Some("BLR".into()), partner: Some("KAZ".into()), ..Selection::default() };
    assert_eq!(cache.get(&d, 1, &sel).months[0].sums.exports_usd, 60.0);
    let mirror = cache.mirror().unwrap();
    assert_eq!(mirror.months[0].sums.imports_usd, 66.0);
    assert_eq!(cache.computations(), 1);
    let sel = Selection { reporter: None, ..sel };
    let _ = cache.get(&d, 1, &sel);
    assert!(cache.mirror().is_none());
}

/// Rule 6, by hand: exports only to Kazakhstan (Jan 2017 10, Jan 2018 12, Feb 2018 3): imports,
/// turnover and balance unknown in every month, year, year to date and change; exports and
/// their growth (12 / 10 − 1 = +20%) known. Russia has both flows, and March 2018 exports
/// only: its imports are 0 there, not unknown.
#[test]
fn a_flow_the_selection_does_not_hold_is_unknown_not_zero() {
    use crate::model::chart::Measure;
    use crate::model::growth::{yoy, ytd};
    use crate::model::kpi::Kpi;
    let d: Dataset = [
        rec(m(2017, 1), "KAZ", Flow::Export, "TOTAL", 10.0),
        rec(m(2018, 1), "KAZ", Flow::Export, "TOTAL", 12.0),
        rec(m(2018, 2), "KAZ", Flow::Export, "TOTAL", 3.0),
        rec(m(2018, 2), "RUS", Flow::Export, "TOTAL", 5.0),
        rec(m(2018, 2), "RUS", Flow::Import, "TOTAL", 2.0),
        rec(m(2018, 3), "RUS", Flow::Export, "TOTAL", 4.0),
    ]
    .into_iter()
    .collect();
    let kaz = aggregate(&d, &Selection { partner: Some("KAZ".into()), ..Selection::default() });
    assert_eq!(kaz.flows, FlowsHeld { exports: true, imports: false, turnover_only: false });
    assert_eq!(kaz.flows, flows_held(&d, &Selection { partner: Some("KAZ".into()), ..Selection::default() }));
    let jan = kaz.month(ym(2018, 1)).unwrap().sums;
    assert_eq!(
        (jan.exports(), jan.imports(), jan.turnover_usd(), jan.balance_usd()),
        (Some(12.0), None, None, None)
    );
    assert_eq!(kaz.years[1].sums.turnover_usd(), None);
    assert_eq!(kaz.years[1].sums.exports(), Some(15.0));
    assert_eq!(yoy(&kaz, ym(2018, 1), Measure::Turnover), None);
    assert_eq!(yoy(&kaz, ym(2018, 1), Measure::Exports), Some(0.2));
    assert_eq!(ytd(&kaz, ym(2018, 2)).unwrap().imports(), None);
    let k = Kpi::year_to_date(&kaz, None).unwrap();
    assert_eq!(k.measure, Measure::Exports);
    assert!((k.turnover_change.unwrap() - 0.2).abs() < 1e-12, "exports, January on January");
    let h = k.headline();
    assert!(h.starts_with("Jan–Feb 2018 exports: "), "{h}");
    assert!(h.ends_with("; imports, turnover and balance not in the file"), "{h}");
    assert!(k.latest_line().starts_with("Feb 2018 exports: "), "{}", k.latest_line());
    assert_eq!(k.balance_line(), None);
    assert_eq!(
        kaz.flows.note().as_deref(),
        Some("The file holds exports only: imports, turnover and balance are not in the file.")
    );
    let rus = aggregate(&d, &Selection { partner: Some("RUS".into()), ..Selection::default() });
    assert_eq!(rus.flows.note(), None);
    let mar = rus.month(ym(2018, 3)).unwrap().sums;
    assert_eq!((mar.imports(), mar.turnover_usd(), mar.balance_usd()), (Some(0.0), Some(4.0), Some(4.0)));
    // All partners: Russia holds imports, so Kazakhstan's months count 0 imports.
    let all = aggregate(&d, &Selection::default());
    assert_eq!(all.month(ym(2018, 1)).unwrap().sums.imports(), Some(0.0));
}

fn span(y: i32, a: u8, b: u8) -> Period {
    Period::from_range(MonthRange::new(ym(y, a), ym(y, b)))
}

#[test]
fn spans_are_figures_of_their_own_with_derived_months_and_quarters() {
    // Cumulative exports Jan–Mar 30, Jan–Jun 66, Jan–Jul 80 (published +18.6%); World and a
    // country for Jan–Jul: World wins, as for months.
    let mut d: Dataset = [
        rec(span(2018, 1, 3), "KAZ", Flow::Export, "TOTAL", 30.0),
        rec(span(2018, 1, 6), "KAZ", Flow::Export, "TOTAL", 66.0),
        rec(span(2018, 1, 7), "KAZ", Flow::Export, "TOTAL", 80.0),
        rec(span(2018, 1, 3), "KAZ", Flow::Import, "TOTAL", 3.0),
        rec(span(2018, 1, 6), "KAZ", Flow::Import, "TOTAL", 7.0),
        rec(span(2018, 1, 7), "KAZ", Flow::Import, "TOTAL", 9.0),
        rec(m(2018, 9), "KAZ", Flow::Export, "TOTAL", 1.0),
        rec(m(2018, 9), "KAZ", Flow::Import, "TOTAL", 1.0),
    ]
    .into_iter()
    .collect();
    d.set_published_change(2, 18.6);
    let a = aggregate(&d, &Selection::default());
    let got: Vec<(String, f64, f64, bool)> = a
        .spans
        .iter()
        .map(|s| (s.range.label(), s.sums.exports_usd, s.sums.imports_usd, s.derived))
        .collect();
    assert_eq!(
        got,
        [
            ("Jan–Mar 2018".to_owned(), 30.0, 3.0, false),
            ("Jan–Jun 2018".to_owned(), 66.0, 7.0, false),
            ("Jan–Jul 2018".to_owned(), 80.0, 9.0, false),
            ("Apr–Jun 2018".to_owned(), 36.0, 4.0, true),
        ]
    );
    assert_eq!(a.spans[2].published.exports, Some(18.6));
    assert_eq!(a.spans[2].published.imports, None);
    // July derived (80 − 66, 9 − 7); September is in the data. The year holds both, and
    // says July is derived.
    assert_eq!(a.months.iter().map(|t| t.period).collect::<Vec<_>>(), [ym(2018, 7), ym(2018, 9)]);
    assert_eq!((a.months[0].sums.exports_usd, a.months[0].sums.imports_usd), (14.0, 2.0));
    assert_eq!(a.derived_months, [ym(2018, 7)]);
    assert!(a.month_derived(ym(2018, 7)) && !a.month_derived(ym(2018, 9)));
    assert_eq!((a.years[0].months, a.years[0].sums.exports_usd), (2, 15.0));
    assert_eq!(a.derived_in_year(2018), [ym(2018, 7)]);
    assert_eq!(crate::model::table::year_basis(&a, &a.years[0]), "2 months, Jul derived");
}

#[test]
fn a_year_of_spans_holds_its_derived_months_once() {
    // Jan–Jun and Jan–Jul 2018 only: the year is July, derived, and says so. Jan–Jun and the
    // annual record of 2019: the six months between are neither a month nor a quarter, and
    // 2019 is the annual record alone. Jan–Nov and the annual record of 2020: December is
    // derived but the record already covers it, so 2020 is not counted twice.
    let d: Dataset = [
        rec(span(2018, 1, 6), "KAZ", Flow::Turnover, "TOTAL", 60.0),
        rec(span(2018, 1, 7), "KAZ", Flow::Turnover, "TOTAL", 72.0),
        rec(span(2019, 1, 6), "KAZ", Flow::Turnover, "TOTAL", 70.0),
        rec(span(2019, 1, 12), "KAZ", Flow::Turnover, "TOTAL", 150.0),
        rec(span(2020, 1, 11), "KAZ", Flow::Turnover, "TOTAL", 140.0),
        rec(span(2020, 1, 12), "KAZ", Flow::Turnover, "TOTAL", 155.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    assert_eq!(a.derived_months, [ym(2018, 7), ym(2020, 12)]);
    let years: Vec<(i32, Option<f64>, u8, bool)> =
        a.years.iter().map(|y| (y.year, y.sums.turnover_usd(), y.months, y.from_annual)).collect();
    assert_eq!(
        years,
        [(2018, Some(12.0), 1, false), (2019, Some(150.0), 12, true), (2020, Some(155.0), 12, true)]
    );
    assert_eq!(a.derived_in_year(2018), [ym(2018, 7)]);
    assert!(a.derived_in_year(2019).is_empty() && a.derived_in_year(2020).is_empty());
    // What the Annual view's table says of each year.
    let basis: Vec<String> = a.years.iter().map(|y| crate::model::table::year_basis(&a, y)).collect();
    assert_eq!(basis, ["Jul, 1 month, Jul derived", "annual record", "annual record"]);
    assert_eq!(a.month(ym(2020, 12)).unwrap().sums.turnover_usd(), Some(15.0));
}

#[test]
fn nothing_else_is_derived_and_rates_of_sums_are_not_published() {
    // Jan–Mar and Jan–Jul: four months between, neither a month nor a quarter. Two partners'
    // published figures summed: the sum has no published rate.
    let mut d: Dataset = [
        rec(span(2018, 1, 3), "KAZ", Flow::Export, "TOTAL", 30.0),
        rec(span(2018, 1, 7), "KAZ", Flow::Export, "TOTAL", 80.0),
        rec(span(2018, 1, 7), "RUS", Flow::Export, "TOTAL", 20.0),
    ]
    .into_iter()
    .collect();
    d.set_published_change(1, 18.6);
    d.set_published_change(2, 5.0);
    let a = aggregate(&d, &Selection::default());
    assert!(a.months.is_empty() && a.derived_months.is_empty());
    assert_eq!(a.spans.len(), 2);
    assert_eq!(a.spans[1].sums.exports_usd, 100.0);
    assert!(a.spans[1].published.is_empty(), "{:?}", a.spans[1].published);
    let kaz = aggregate(&d, &Selection { partner: Some("KAZ".into()), ..Selection::default() });
    assert_eq!(kaz.spans[1].published.exports, Some(18.6));
}

#[test]
fn an_annual_record_and_nine_months_give_the_fourth_quarter() {
    let d: Dataset = [
        rec(span(2018, 1, 9), "KAZ", Flow::Turnover, "TOTAL", 600.0),
        rec(Period::Year(2018), "KAZ", Flow::Turnover, "TOTAL", 896.0),
    ]
    .into_iter()
    .collect();
    let a = aggregate(&d, &Selection::default());
    let q4 = a.spans.iter().find(|s| s.derived).unwrap();
    assert_eq!((q4.range.label(), q4.sums.turnover_usd()), ("Oct–Dec 2018".to_owned(), Some(296.0)));
    assert_eq!(a.years[0].sums.turnover_usd(), Some(896.0));
}
