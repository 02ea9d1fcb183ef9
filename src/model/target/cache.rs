//! The statuses the Targets tab reads every frame, recomputed only when needed.

use super::evaluate::evaluate;
use super::status::TargetStatus;
use super::types::Target;
use crate::model::dataset::Dataset;
use crate::model::query::AggregateCache;
use crate::model::reported::ReportedFigure;

/// Statuses of a workspace's targets, recomputed only when the dataset revision or a target
/// changes; each target's aggregate only when the revision or its scope changes. Per-frame
/// code calls [`TargetCache::statuses`] and gets the cached values.
#[derive(Debug, Default)]
pub struct TargetCache {
    entries: Vec<CacheEntry>,
    evaluations: u64,
}

#[derive(Debug, Default)]
struct CacheEntry {
    aggregate: AggregateCache,
    key: Option<(u64, Target, Vec<ReportedFigure>)>,
    status: Option<TargetStatus>,
}

impl TargetCache {
    /// The status of each target, in order, for the dataset at `revision` and the workspace's
    /// `reported` figures.
    pub fn statuses(
        &mut self,
        data: &Dataset,
        revision: u64,
        targets: &[Target],
        reported: &[ReportedFigure],
    ) -> Vec<&TargetStatus> {
        self.entries.resize_with(targets.len(), CacheEntry::default);
        for (entry, target) in self.entries.iter_mut().zip(targets) {
            let fresh = entry
                .key
                .as_ref()
                .is_some_and(|(r, t, f)| *r == revision && t == target && f.as_slice() == reported);
            if !fresh || entry.status.is_none() {
                let agg = entry.aggregate.get(data, revision, &target.selection());
                entry.status = Some(evaluate(target, agg, reported));
                entry.key = Some((revision, target.clone(), reported.to_vec()));
                self.evaluations += 1;
            }
        }
        self.entries.iter().filter_map(|e| e.status.as_ref()).collect()
    }

    /// How many times a status has been computed (for tests and diagnostics).
    #[must_use]
    pub fn evaluations(&self) -> u64 {
        self.evaluations
    }

    /// How many times aggregates have been computed over the dataset.
    #[must_use]
    pub fn aggregations(&self) -> u64 {
        self.entries.iter().map(|e| e.aggregate.computations()).sum()
    }
}
