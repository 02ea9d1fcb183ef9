//! The breakdown shown, keyed on the data revision and the request, computed on a `breakdown`
//! thread above [`BACKGROUND_ROWS`] rows (like the aggregates); meanwhile the previous one
//! stays on screen. Idle frames compare keys and never scan the rows.
//!
//! A data source that holds only sums of the commodities in memory (a ClickHouse table held as
//! a cube, docs/clickhouse.md) is asked on that thread for the rows a breakdown needs
//! ([`RemoteTotals::breakdown_rows`]): the breakdown of those rows is the table's. A failed or
//! cancelled answer is kept for its key, so that an idle frame never asks again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Weak};

use crate::model::breakdown::{Breakdown, NameLang, Request, breakdown};
use crate::model::dataset::Dataset;
use crate::model::query::{BACKGROUND_ROWS, RemoteTotals};
use crate::ui::memo::Memo;

/// What a breakdown is computed from: data revision, request, language of the names.
pub(super) type Key = (u64, Request, NameLang);

/// A breakdown running in the background.
#[derive(Debug)]
struct Job {
    key: Key,
    /// Whether it asks the remote source.
    remote: bool,
    /// Set to stop waiting for the remote source.
    cancel: Arc<AtomicBool>,
    result: Receiver<Result<Breakdown, String>>,
}

/// The remote source of the dataset it was fetched with (another dataset shown is answered in
/// memory).
#[derive(Debug)]
struct Remote {
    data: Weak<Dataset>,
    totals: Arc<dyn RemoteTotals>,
}

/// Why the breakdown of a key is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unanswered {
    /// The remote source failed: its words.
    Failed(String),
    /// The user cancelled the remote answer.
    Cancelled,
}

/// The breakdown shown and the one being computed.
#[derive(Debug, Default)]
pub(super) struct BreakdownCache {
    shown: Memo<Key, Arc<Breakdown>>,
    job: Option<Job>,
    remote: Option<Remote>,
    /// A key the remote source did not answer, and why: not asked again until another is wanted.
    unanswered: Option<(Key, Unanswered)>,
}

impl BreakdownCache {
    /// Breakdowns of `data` that `totals` says it must give the rows of are computed from
    /// those rows (asked on the breakdown's thread).
    pub fn set_remote(&mut self, data: &Arc<Dataset>, totals: Arc<dyn RemoteTotals>) {
        self.remote = Some(Remote { data: Arc::downgrade(data), totals });
    }

    fn remote_for(&self, data: &Arc<Dataset>, req: &Request) -> Option<Arc<dyn RemoteTotals>> {
        let r = self.remote.as_ref()?;
        (Weak::ptr_eq(&r.data, &Arc::downgrade(data)) && r.totals.breakdown_needs_remote(req))
            .then(|| Arc::clone(&r.totals))
    }

    /// The breakdown for `key`, or the last one computed while it is computed in the
    /// background (`None` before any).
    pub fn get(&mut self, data: &Arc<Dataset>, key: &Key, repaint: &egui::Context) -> Option<Arc<Breakdown>> {
        self.collect();
        if self.unanswered.as_ref().is_some_and(|(k, _)| k != key) {
            self.unanswered = None;
        }
        let running = self.job.as_ref().is_some_and(|j| &j.key == key);
        if !self.shown.holds(key) && !running && self.unanswered.is_none() {
            let remote = self.remote_for(data, &key.1);
            if remote.is_none() && data.len() <= BACKGROUND_ROWS {
                self.stop_job();
                self.shown.set(key.clone(), Arc::new(breakdown(data, &key.1, key.2)));
            } else {
                self.spawn(Arc::clone(data), key.clone(), repaint.clone(), remote);
            }
        }
        self.shown.value().cloned()
    }

    /// Drops the running job; a remote one stops waiting for its source.
    fn stop_job(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    fn spawn(
        &mut self,
        data: Arc<Dataset>,
        key: Key,
        repaint: egui::Context,
        remote: Option<Arc<dyn RemoteTotals>>,
    ) {
        self.stop_job();
        let (tx, rx) = std::sync::mpsc::channel();
        let (request, lang) = (key.1.clone(), key.2);
        let cancel = Arc::new(AtomicBool::new(false));
        let (job_cancel, is_remote) = (Arc::clone(&cancel), remote.is_some());
        let spawned = std::thread::Builder::new().name("breakdown".into()).spawn(move || {
            let result = match &remote {
                Some(r) => {
                    r.breakdown_rows(&request, &job_cancel).map(|rows| breakdown(&rows, &request, lang))
                }
                None => Ok(breakdown(&data, &request, lang)),
            };
            // The receiver is gone when a newer request replaced this one: nothing to do then.
            if tx.send(result).is_ok() {
                repaint.request_repaint();
            }
        });
        match spawned {
            // A job for an older key is dropped: its thread finishes and its result is not read.
            Ok(_) => self.job = Some(Job { key, remote: is_remote, cancel, result: rx }),
            Err(e) => eprintln!("tradedash: breakdown thread did not start: {e}"),
        }
    }

    fn collect(&mut self) {
        let Some(job) = &self.job else { return };
        match job.result.try_recv() {
            Ok(result) => {
                if let Some(job) = self.job.take() {
                    match result {
                        Ok(b) => self.shown.set(job.key, Arc::new(b)),
                        Err(e) => self.unanswered = Some((job.key, Unanswered::Failed(e))),
                    }
                }
            }
            Err(TryRecvError::Disconnected) => self.job = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Whether the remote source is being asked (the status bar shows it with a Cancel).
    pub fn remote_in_flight(&self) -> bool {
        self.job.as_ref().is_some_and(|j| j.remote)
    }

    /// Stops waiting for the remote source; its key is not asked again until another is
    /// wanted, and the breakdown shown stays. Whether a remote answer was awaited.
    pub fn cancel_remote(&mut self) -> bool {
        let Some(job) = self.job.take_if(|j| j.remote) else { return false };
        job.cancel.store(true, Ordering::Relaxed);
        self.unanswered = Some((job.key, Unanswered::Cancelled));
        true
    }

    /// Why the breakdown of `key` is not shown, when the remote source did not give it.
    pub fn unanswered(&self, key: &Key) -> Option<&Unanswered> {
        self.unanswered.as_ref().filter(|(k, _)| k == key).map(|(_, u)| u)
    }

    /// The breakdown shown, whatever its key.
    pub fn shown(&self) -> Option<Arc<Breakdown>> {
        self.shown.value().cloned()
    }

    /// Whether a breakdown is being computed in the background.
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the breakdown shown is the one for `key`.
    pub fn is_current(&self, key: &Key) -> bool {
        self.shown.holds(key)
    }

    /// How many breakdowns were computed (tests: never per idle frame).
    pub fn computations(&self) -> u64 {
        self.shown.computations()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::breakdown::{By, Level, PeriodChoice};
    use crate::model::dataset::Flow;
    use crate::model::query::Selection;

    #[test]
    fn idle_frames_compute_nothing_and_a_new_request_computes_once() {
        let data = Arc::new(Dataset::default());
        let ctx = egui::Context::default();
        let request = Request {
            by: By::Commodity,
            level: Level::Digits(2),
            flow: Flow::Export,
            period: PeriodChoice::Year(2019),
            top: 10,
            products: Vec::new(),
            selection: Selection::default(),
        };
        let mut cache = BreakdownCache::default();
        let key: Key = (1, request.clone(), NameLang::En);
        for _ in 0..5 {
            assert!(cache.get(&data, &key, &ctx).is_some());
        }
        assert_eq!(cache.computations(), 1);
        let finer: Key = (1, Request { level: Level::Digits(4), ..request }, NameLang::En);
        cache.get(&data, &finer, &ctx);
        cache.get(&data, &finer, &ctx);
        assert_eq!(cache.computations(), 2);
        assert!(cache.is_current(&finer) && !cache.is_computing());
    }
}
