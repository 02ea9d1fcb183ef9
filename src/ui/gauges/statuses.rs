//! Target statuses for the cards, keyed on the data revision and the targets themselves (not
//! on the selection: a target names its own scope). On data over
//! [`BACKGROUND_ROWS`](crate::model::query::BACKGROUND_ROWS) rows they are computed on a
//! `target-status` thread, like the aggregates, and the cards keep the previous ones meanwhile.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::model::dataset::Dataset;
use crate::model::query::BACKGROUND_ROWS;
use crate::model::reported::ReportedFigure;
use crate::model::target::{Target, TargetCache, TargetStatus};
use crate::ui::memo::Memo;

/// What a `target-status` thread hands back: the cache it used, and the statuses.
type Done = (TargetCache, Vec<TargetStatus>);
/// What the statuses were computed for: data revision, targets, reported figures.
type Key = (u64, Vec<Target>, Vec<ReportedFigure>);

/// A computation running in the background.
#[derive(Debug)]
struct Job {
    key: Key,
    result: Receiver<Done>,
}

/// The statuses shown, and the cache that computes them.
#[derive(Debug, Default)]
pub(super) struct TargetStatuses {
    /// `None` while lent to a background thread.
    cache: Option<TargetCache>,
    /// Evaluations counted by the cache when it was last here.
    evaluations: u64,
    shown: Memo<Key, Vec<TargetStatus>>,
    job: Option<Job>,
}

impl TargetStatuses {
    /// The statuses of `targets` on the data at `revision`, or the last ones computed while
    /// the new ones are computed in the background (`None` before any), with the data
    /// revision they were computed on: what is derived from them keys on that, not on the
    /// revision asked for, or it would keep what it derived from stale statuses.
    pub fn get(
        &mut self,
        data: &Arc<Dataset>,
        revision: u64,
        targets: &[Target],
        reported: &[ReportedFigure],
        repaint: &egui::Context,
    ) -> Option<(u64, &[TargetStatus])> {
        self.collect();
        let fresh = |k: &Key| k.0 == revision && k.1 == targets && k.2 == reported;
        if !self.shown.holds_where(fresh) && self.job.is_none() {
            let mut cache = self.cache.take().unwrap_or_default();
            let key = (revision, targets.to_vec(), reported.to_vec());
            if data.len() <= BACKGROUND_ROWS {
                let statuses =
                    cache.statuses(data, revision, targets, reported).into_iter().cloned().collect();
                self.evaluations = cache.evaluations();
                self.cache = Some(cache);
                self.shown.set(key, statuses);
            } else {
                self.spawn(cache, Arc::clone(data), key, repaint.clone());
            }
        }
        let computed_on = self.shown.key().map_or(revision, |k| k.0);
        self.shown.value().map(|v| (computed_on, v.as_slice()))
    }

    fn spawn(&mut self, mut cache: TargetCache, data: Arc<Dataset>, key: Key, repaint: egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let (revision, targets, reported) = key.clone();
        let spawned = std::thread::Builder::new().name("target-status".into()).spawn(move || {
            let statuses =
                cache.statuses(&data, revision, &targets, &reported).into_iter().cloned().collect();
            if tx.send((cache, statuses)).is_ok() {
                repaint.request_repaint();
            }
        });
        match spawned {
            Ok(_) => self.job = Some(Job { key, result: rx }),
            // No thread: nothing is shown for these targets, and the next frame tries again.
            Err(e) => eprintln!("tradedash: target-status thread did not start: {e}"),
        }
    }

    /// Takes in what a finished thread computed.
    fn collect(&mut self) {
        let Some(job) = &self.job else { return };
        match job.result.try_recv() {
            Ok((cache, statuses)) => {
                self.evaluations = cache.evaluations();
                self.cache = Some(cache);
                if let Some(job) = self.job.take() {
                    self.shown.set(job.key, statuses);
                }
            }
            Err(TryRecvError::Disconnected) => self.job = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Whether statuses are being computed in the background.
    pub fn is_evaluating(&self) -> bool {
        self.job.is_some()
    }

    /// How many target statuses have been computed.
    pub fn evaluations(&self) -> u64 {
        self.evaluations
    }
}
