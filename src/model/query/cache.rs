//! The aggregates the window reads every frame, recomputed only when the data revision or the
//! selection changes, on a background thread for large data.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::aggregate::aggregate;
use super::selection::Selection;
use super::totals::Aggregate;
use crate::model::dataset::Dataset;

/// Datasets with more rows than this have their aggregates computed on a background thread
/// ([`AggregateCache::refresh_shared`]) so that a filter change never stalls the window; smaller
/// ones are computed at once, on the caller's thread.
pub const BACKGROUND_ROWS: usize = 200_000;

/// The aggregates of one selection: its own, one per compared partner, and the mirror.
#[derive(Debug, Default)]
struct Computed {
    value: Aggregate,
    compared: Vec<(String, Aggregate)>,
    mirror: Option<Aggregate>,
}

impl Computed {
    /// One pass of [`aggregate`] per aggregate over the data, for `sel` over all periods.
    fn of(data: &Dataset, sel: &Selection) -> Self {
        let value = aggregate(data, sel);
        let compared = sel
            .compare
            .iter()
            .map(|q| {
                let one = Selection { partner: Some(q.clone()), compare: Vec::new(), ..sel.clone() };
                (q.clone(), aggregate(data, &one))
            })
            .collect();
        let mirror = match (&sel.reporter, &sel.partner) {
            (Some(r), Some(p))
                if data.reporters().iter().any(|x| x.matches(p))
                    && data.partners().iter().any(|x| x.matches(r)) =>
            {
                let mirror = Selection {
                    reporter: Some(p.clone()),
                    partner: Some(r.clone()),
                    compare: Vec::new(),
                    ..sel.clone()
                };
                Some(aggregate(data, &mirror)).filter(|a| !a.months.is_empty() || !a.years.is_empty())
            }
            _ => None,
        };
        Self { value, compared, mirror }
    }
}

/// What the cache is keyed by: the dataset revision and the selection without its month range.
type CacheKey = (u64, Selection);

/// A computation running on a background thread.
#[derive(Debug)]
struct InFlight {
    key: CacheKey,
    result: Receiver<Computed>,
}

/// Keeps the last aggregate and recomputes it only when the dataset revision (bumped only
/// when the data is replaced) or the reporter, partner, compared partners or commodity change.
/// The cached aggregate always covers every period: the selection's month range is a view on
/// it (charts cut it out), so that year-on-year comparisons can reach months before the range
/// and changing the range never rescans the data.
///
/// Beside the selection's aggregate it keeps one per compared partner, and the mirror: the
/// partner's own figures for its trade with the reporter, when the data has them.
///
/// [`AggregateCache::refresh_shared`] computes for datasets over [`BACKGROUND_ROWS`] rows on a
/// background thread: meanwhile the previous aggregates stay readable and
/// [`AggregateCache::is_updating`] is true. At most one computation runs at a time; a result for
/// a selection that is no longer wanted is dropped and the newest wanted one started instead.
#[derive(Debug, Default)]
pub struct AggregateCache {
    key: Option<CacheKey>,
    value: Aggregate,
    compared: Vec<(String, Aggregate)>,
    mirror: Option<Aggregate>,
    computations: u64,
    in_flight: Option<InFlight>,
    /// The key last asked for by `refresh_shared`, when it differs from `key`.
    wanted: Option<CacheKey>,
}

impl AggregateCache {
    /// The aggregate for `(revision, sel)`, computed now if it differs from the cached key.
    pub fn get(&mut self, data: &Dataset, revision: u64, sel: &Selection) -> &Aggregate {
        self.refresh(data, revision, sel);
        &self.value
    }

    /// The key of a selection: the month range is left out, it is a view on the aggregate.
    fn key_of(revision: u64, sel: &Selection) -> CacheKey {
        (revision, Selection { range: None, ..sel.clone() })
    }

    /// Whether the cached aggregates are those of `key`.
    fn holds(&self, key: &CacheKey) -> bool {
        self.key.as_ref() == Some(key)
    }

    fn install(&mut self, key: CacheKey, computed: Computed) {
        let Computed { value, compared, mirror } = computed;
        self.value = value;
        self.compared = compared;
        self.mirror = mirror;
        self.key = Some(key);
        self.computations += 1;
    }

    /// Recomputes the aggregates if `(revision, sel)` differs from the cached key (the month
    /// range aside): one pass per aggregate over the data, counted once. Always on this thread;
    /// a background computation still running is left to finish and its result dropped.
    pub fn refresh(&mut self, data: &Dataset, revision: u64, sel: &Selection) {
        let key = Self::key_of(revision, sel);
        self.wanted = None;
        if self.holds(&key) {
            return;
        }
        let computed = Computed::of(data, &key.1);
        self.install(key, computed);
    }

    /// Like [`Self::refresh`], but for datasets over [`BACKGROUND_ROWS`] rows the aggregates
    /// are computed on a background thread (named `aggregate`) while the previous ones stay in
    /// the cache. Call it every frame: it collects a finished result, drops one that is no
    /// longer wanted and starts the wanted computation. `done` is called on the background
    /// thread when a result is ready (the window asks for a repaint there). Returns whether the
    /// cached aggregates changed in this call.
    pub fn refresh_shared(
        &mut self,
        data: &Arc<Dataset>,
        revision: u64,
        sel: &Selection,
        done: impl FnOnce() + Send + 'static,
    ) -> bool {
        let key = Self::key_of(revision, sel);
        let before = self.computations;
        // Collect a finished computation: keep it if it is what is wanted now.
        if let Some(job) = &self.in_flight {
            match job.result.try_recv() {
                Ok(computed) => {
                    let finished = self.in_flight.take().map(|j| j.key);
                    if let Some(k) = finished.filter(|k| *k == key && !self.holds(k)) {
                        self.install(k, computed);
                    }
                }
                Err(TryRecvError::Disconnected) => self.in_flight = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        if self.holds(&key) {
            self.wanted = None;
            return self.computations != before;
        }
        if data.len() <= BACKGROUND_ROWS {
            self.refresh(data, revision, sel);
            return true;
        }
        self.wanted = Some(key.clone());
        if self.in_flight.is_some() {
            // One at a time: the wanted selection starts when the running one ends.
            return self.computations != before;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (shared, job_sel) = (Arc::clone(data), key.1.clone());
        let spawned = std::thread::Builder::new().name("aggregate".into()).spawn(move || {
            let computed = Computed::of(&shared, &job_sel);
            if tx.send(computed).is_ok() {
                done();
            }
        });
        match spawned {
            Ok(_) => self.in_flight = Some(InFlight { key, result: rx }),
            // No thread to be had: compute here rather than show stale figures for good.
            Err(_) => self.refresh(data.as_ref(), revision, sel),
        }
        self.computations != before
    }

    /// Whether a background computation for a selection other than the cached one is wanted
    /// or running: the cached aggregates are those of an earlier selection.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.wanted.is_some()
    }

    /// One aggregate per partner of [`Selection::compare`], in its order, with the partner's query.
    #[must_use]
    pub fn compared(&self) -> &[(String, Aggregate)] {
        &self.compared
    }

    /// The partner reporting its trade with the reporter (mirror statistics), when the data has it.
    #[must_use]
    pub fn mirror(&self) -> Option<&Aggregate> {
        self.mirror.as_ref()
    }

    /// The cached aggregate, whatever it was computed for.
    #[must_use]
    pub fn aggregate(&self) -> &Aggregate {
        &self.value
    }

    /// How many times the aggregate has been computed (for tests and diagnostics).
    #[must_use]
    pub fn computations(&self) -> u64 {
        self.computations
    }
}
