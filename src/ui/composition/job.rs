//! The breakdown shown, keyed on the data revision and the request, computed on a `breakdown`
//! thread above [`BACKGROUND_ROWS`] rows (like the aggregates); meanwhile the previous one
//! stays on screen. Idle frames compare keys and never scan the rows.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::model::breakdown::{Breakdown, NameLang, Request, breakdown};
use crate::model::dataset::Dataset;
use crate::model::query::BACKGROUND_ROWS;
use crate::ui::memo::Memo;

/// What a breakdown is computed from: data revision, request, language of the names.
pub(super) type Key = (u64, Request, NameLang);

/// A breakdown running in the background.
#[derive(Debug)]
struct Job {
    key: Key,
    result: Receiver<Breakdown>,
}

/// The breakdown shown and the one being computed.
#[derive(Debug, Default)]
pub(super) struct BreakdownCache {
    shown: Memo<Key, Arc<Breakdown>>,
    job: Option<Job>,
}

impl BreakdownCache {
    /// The breakdown for `key`, or the last one computed while it is computed in the
    /// background (`None` before any).
    pub fn get(&mut self, data: &Arc<Dataset>, key: &Key, repaint: &egui::Context) -> Option<Arc<Breakdown>> {
        self.collect();
        let running = self.job.as_ref().is_some_and(|j| &j.key == key);
        if !self.shown.holds(key) && !running {
            if data.len() <= BACKGROUND_ROWS {
                self.job = None;
                self.shown.set(key.clone(), Arc::new(breakdown(data, &key.1, key.2)));
            } else {
                self.spawn(Arc::clone(data), key.clone(), repaint.clone());
            }
        }
        self.shown.value().cloned()
    }

    fn spawn(&mut self, data: Arc<Dataset>, key: Key, repaint: egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let (request, lang) = (key.1.clone(), key.2);
        let spawned = std::thread::Builder::new().name("breakdown".into()).spawn(move || {
            // The receiver is gone when a newer request replaced this one: nothing to do then.
            if tx.send(breakdown(&data, &request, lang)).is_ok() {
                repaint.request_repaint();
            }
        });
        match spawned {
            // A job for an older key is dropped: its thread finishes and its result is not read.
            Ok(_) => self.job = Some(Job { key, result: rx }),
            Err(e) => eprintln!("tradedash: breakdown thread did not start: {e}"),
        }
    }

    fn collect(&mut self) {
        let Some(job) = &self.job else { return };
        match job.result.try_recv() {
            Ok(b) => {
                if let Some(job) = self.job.take() {
                    self.shown.set(job.key, Arc::new(b));
                }
            }
            Err(TryRecvError::Disconnected) => self.job = None,
            Err(TryRecvError::Empty) => {}
        }
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
