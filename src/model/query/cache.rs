//! The aggregates the window reads every frame, recomputed only when the data revision or the
//! selection changes, on a background thread for large data.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Weak};

use super::aggregate::aggregate;
use super::remote::RemoteTotals;
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
        let mirror = mirror_of(data, sel)
            .map(|m| aggregate(data, &m))
            .filter(|a| !a.months.is_empty() || !a.years.is_empty());
        Self { value, compared, mirror }
    }

    /// [`Self::of`] with every aggregate asked of `remote` (the dataset only says whether a
    /// mirror exists).
    fn of_remote(
        data: &Dataset,
        remote: &dyn RemoteTotals,
        sel: &Selection,
        cancel: &Arc<AtomicBool>,
    ) -> Result<Self, String> {
        let value = remote.aggregate(sel, cancel)?;
        let mut compared = Vec::new();
        for q in &sel.compare {
            let one = Selection { partner: Some(q.clone()), compare: Vec::new(), ..sel.clone() };
            compared.push((q.clone(), remote.aggregate(&one, cancel)?));
        }
        let mirror = match mirror_of(data, sel) {
            Some(m) => {
                Some(remote.aggregate(&m, cancel)?).filter(|a| !a.months.is_empty() || !a.years.is_empty())
            }
            None => None,
        };
        Ok(Self { value, compared, mirror })
    }
}

/// The mirror of `sel` (its partner reporting on its reporter) when the data holds both
/// sides: the partner among the reporters and the reporter among the partners.
fn mirror_of(data: &Dataset, sel: &Selection) -> Option<Selection> {
    let (Some(r), Some(p)) = (&sel.reporter, &sel.partner) else { return None };
    let held = data.reporters().iter().any(|x| x.matches(p)) && data.partners().iter().any(|x| x.matches(r));
    held.then(|| Selection {
        reporter: Some(p.clone()),
        partner: Some(r.clone()),
        compare: Vec::new(),
        ..sel.clone()
    })
}

/// A [`RemoteTotals`] for one dataset (the one it was fetched with): another dataset shown
/// (a file opened, an undo) is answered in memory.
#[derive(Debug)]
struct Remote {
    data: Weak<Dataset>,
    totals: Arc<dyn RemoteTotals>,
}

/// What the cache is keyed by: the dataset revision and the selection without its month range.
type CacheKey = (u64, Selection);

/// A computation running on a background thread.
#[derive(Debug)]
struct InFlight {
    key: CacheKey,
    /// Asked of the remote source.
    remote: bool,
    /// Set to stop waiting for the remote source ([`AggregateCache::cancel_remote`]).
    cancel: Arc<AtomicBool>,
    result: Receiver<Result<Computed, String>>,
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
    /// The source that answers what its dataset cannot.
    remote: Option<Remote>,
    /// Why the remote source did not answer the cached key (its aggregates are then empty).
    remote_error: Option<String>,
    /// Whether the cached aggregates are the remote source's answer.
    remote_answered: bool,
    /// A selection whose remote answer the user cancelled: not asked again until another
    /// selection is wanted (the cached aggregates stay those of an earlier one).
    cancelled: Option<CacheKey>,
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

    /// Selections `totals` says it must answer are asked of it (on the background thread)
    /// while `data` is the dataset shown.
    pub fn set_remote(&mut self, data: &Arc<Dataset>, totals: Arc<dyn RemoteTotals>) {
        self.remote = Some(Remote { data: Arc::downgrade(data), totals });
    }

    /// The remote source for `sel` on `data`, when it must answer it.
    fn remote_for(&self, data: &Arc<Dataset>, sel: &Selection) -> Option<Arc<dyn RemoteTotals>> {
        let r = self.remote.as_ref()?;
        (Weak::ptr_eq(&r.data, &Arc::downgrade(data)) && r.totals.needs_remote(sel))
            .then(|| Arc::clone(&r.totals))
    }

    /// Why the remote source could not answer the selection shown (its figures are empty).
    #[must_use]
    pub fn remote_error(&self) -> Option<&str> {
        self.remote_error.as_deref()
    }

    /// Whether the aggregates shown are the remote source's answer (not the dataset's).
    #[must_use]
    pub fn remote_answered(&self) -> bool {
        self.remote_answered
    }

    fn install(&mut self, key: CacheKey, computed: Computed) {
        self.remote_error = None;
        self.remote_answered = false;
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
        if self.cancelled.as_ref().is_some_and(|c| *c != key) {
            self.cancelled = None;
        }
        // Collect a finished computation: keep it if it is what is wanted now.
        if let Some(job) = &self.in_flight {
            match job.result.try_recv() {
                Ok(computed) => {
                    let finished = self.in_flight.take().map(|j| (j.key, j.remote));
                    if let Some((k, remote)) = finished.filter(|(k, _)| *k == key && !self.holds(k)) {
                        match computed {
                            Ok(c) => {
                                self.install(k, c);
                                self.remote_answered = remote;
                            }
                            Err(e) => {
                                self.install(k, Computed::default());
                                self.remote_error = Some(e);
                            }
                        }
                    }
                }
                Err(TryRecvError::Disconnected) => self.in_flight = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        if self.holds(&key) || self.cancelled.as_ref() == Some(&key) {
            self.wanted = None;
            return self.computations != before;
        }
        let remote = self.remote_for(data, &key.1);
        if remote.is_none() && data.len() <= BACKGROUND_ROWS {
            self.refresh(data, revision, sel);
            return true;
        }
        self.wanted = Some(key.clone());
        if self.in_flight.is_some() {
            // One at a time: the wanted selection starts when the running one ends.
            return self.computations != before;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (shared, job_sel, is_remote) = (Arc::clone(data), key.1.clone(), remote.is_some());
        let cancel = Arc::new(AtomicBool::new(false));
        let job_cancel = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new().name("aggregate".into()).spawn(move || {
            let computed = match &remote {
                Some(r) => Computed::of_remote(&shared, r.as_ref(), &job_sel, &job_cancel),
                None => Ok(Computed::of(&shared, &job_sel)),
            };
            if tx.send(computed).is_ok() {
                done();
            }
        });
        match spawned {
            Ok(_) => self.in_flight = Some(InFlight { key, remote: is_remote, cancel, result: rx }),
            // No thread to be had: compute here rather than show stale figures for good (the
            // remote source is not asked on this thread: it would stall the window).
            Err(e) if is_remote => {
                self.install(key, Computed::default());
                self.remote_error = Some(e.to_string());
            }
            Err(_) => self.refresh(data.as_ref(), revision, sel),
        }
        self.computations != before
    }

    /// The selection the remote source is being asked about, while it works (the status bar
    /// shows it with a Cancel).
    #[must_use]
    pub fn remote_in_flight(&self) -> Option<&Selection> {
        self.in_flight.as_ref().filter(|j| j.remote).map(|j| &j.key.1)
    }

    /// Stops waiting for the remote source (its thread stops within about a tenth of a second
    /// and its answer is dropped) and does not ask it again for that selection until another
    /// is wanted: the cached aggregates, an earlier selection's, stay shown. A newer selection
    /// already wanted starts next. Returns the selection cancelled, or `None` when no remote
    /// answer was awaited.
    pub fn cancel_remote(&mut self) -> Option<Selection> {
        let job = self.in_flight.take_if(|j| j.remote)?;
        job.cancel.store(true, Ordering::Relaxed);
        if self.wanted.as_ref() == Some(&job.key) {
            self.wanted = None;
        }
        let sel = job.key.1.clone();
        self.cancelled = Some(job.key);
        Some(sel)
    }

    /// Whether the cached aggregates are an earlier selection's because the user cancelled the
    /// remote answer of the one wanted.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
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
