//! Filters and aggregation: monthly and yearly totals for a selection, without double counting.
//!
//! The rules, in the order they are applied:
//! 1. Rows outside the selection (reporter, partner, commodity prefix, period range) are left out.
//! 2. Commodity levels: for each (period, reporter, partner, flow) the `TOTAL` rows are used when
//!    the group has one; otherwise only the most aggregate HS level present (chapters before
//!    headings before subheadings), so a chapter and its headings are never added together.
//! 3. Partner World: when no partner is selected, a World row for (period, reporter, flow) is
//!    used if there is one; otherwise the countries are summed. World is never added to them.
//! 4. Turnover-only rows count only where that (period, reporter, partner) has no export or
//!    import rows: turnover = exports + imports (+ turnover-only rows).
//! 5. Annual records (`Period::Year`) make up the yearly totals for years that have no monthly
//!    data for the selection; they are never spread over months.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use serde::{Deserialize, Serialize};

use super::dataset::{Dataset, Flow, Period};
use super::period::{MonthRange, YearMonth};

/// What the user has chosen to look at. Empty fields mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Reporter code or name; `None` for all reporters.
    pub reporter: Option<String>,
    /// Partner code or name; `None` for all partners (World where the file has it).
    pub partner: Option<String>,
    /// HS code prefix ("03", "0302"); `None` for all commodities.
    pub commodity: Option<String>,
    /// Months to show; `None` for every month in the data.
    pub range: Option<MonthRange>,
    /// Further partners (codes or names) drawn beside `partner` to compare them; empty for none.
    pub compare: Vec<String>,
}

/// Exports, imports and turnover-only values summed over some rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FlowSums {
    /// Sum of export values, US dollars.
    pub exports_usd: f64,
    /// Sum of import values, US dollars.
    pub imports_usd: f64,
    /// Sum of turnover-only values (sources that give no split), US dollars.
    pub turnover_only_usd: f64,
    /// Whether any export or import row contributed, so that the split is known.
    pub has_split: bool,
}

impl FlowSums {
    /// Exports plus imports plus turnover-only values.
    #[must_use]
    pub fn turnover_usd(&self) -> f64 {
        self.exports_usd + self.imports_usd + self.turnover_only_usd
    }

    /// Exports minus imports; `None` when only turnover is known.
    #[must_use]
    pub fn balance_usd(&self) -> Option<f64> {
        (self.has_split && self.turnover_only_usd == 0.0).then_some(self.exports_usd - self.imports_usd)
    }

    /// Exports, or `None` when the source gave only turnover.
    #[must_use]
    pub fn exports(&self) -> Option<f64> {
        self.has_split.then_some(self.exports_usd)
    }

    /// Imports, or `None` when the source gave only turnover.
    #[must_use]
    pub fn imports(&self) -> Option<f64> {
        self.has_split.then_some(self.imports_usd)
    }

    fn add(&mut self, flow: Flow, value: f64) {
        match flow {
            Flow::Export => {
                self.exports_usd += value;
                self.has_split = true;
            }
            Flow::Import => {
                self.imports_usd += value;
                self.has_split = true;
            }
            Flow::Turnover => self.turnover_only_usd += value,
        }
    }

    /// Adds other sums to these.
    pub fn merge(&mut self, other: &Self) {
        self.exports_usd += other.exports_usd;
        self.imports_usd += other.imports_usd;
        self.turnover_only_usd += other.turnover_only_usd;
        self.has_split |= other.has_split;
    }
}

/// Totals for one month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthTotals {
    /// The month.
    pub period: YearMonth,
    /// The sums.
    pub sums: FlowSums,
}

/// Totals for one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearTotals {
    /// The year.
    pub year: i32,
    /// The sums.
    pub sums: FlowSums,
    /// Months with data behind the figures (12 for a year taken from an annual record).
    pub months: u8,
    /// Whether the figures come from annual records rather than months.
    pub from_annual: bool,
}

/// The result of aggregating a selection: what charts, tables and the summary command show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Months with data, in order. Months without data are absent (a gap, not a zero).
    pub months: Vec<MonthTotals>,
    /// Calendar years, in order.
    pub years: Vec<YearTotals>,
}

impl Aggregate {
    /// Totals of the month, if it has data.
    #[must_use]
    pub fn month(&self, m: YearMonth) -> Option<&MonthTotals> {
        self.months.binary_search_by(|t| t.period.cmp(&m)).ok().map(|i| &self.months[i])
    }

    /// Sum over the months of `range` that have data, and how many of them do.
    #[must_use]
    pub fn sum_range(&self, range: MonthRange) -> (FlowSums, usize) {
        let mut sums = FlowSums::default();
        let months = self.months_in(Some(range));
        for t in months {
            sums.merge(&t.sums);
        }
        (sums, months.len())
    }

    /// First and last month with data.
    #[must_use]
    pub fn month_span(&self) -> Option<MonthRange> {
        Some(MonthRange::new(self.months.first()?.period, self.months.last()?.period))
    }

    /// The months inside `range` (all months for `None`), in order.
    #[must_use]
    pub fn months_in(&self, range: Option<MonthRange>) -> &[MonthTotals] {
        let Some(r) = range else { return &self.months };
        let start = self.months.partition_point(|t| t.period < r.start);
        let end = self.months.partition_point(|t| t.period <= r.end);
        &self.months[start..end.max(start)]
    }
}

/// Commodity level of a code: 0 for totals, else its number of digits (2, 4, 6, …).
fn commodity_level(code: &str) -> usize {
    if super::dataset::is_total_code(code) { 0 } else { code.trim().len() }
}

/// The most aggregate commodity level seen in one (period, reporter, partner, flow) group,
/// and the sum of the values at that level.
#[derive(Clone, Copy)]
struct LevelSum {
    /// `u16::MAX` while the group has no row.
    level: u16,
    sum: f64,
}

impl LevelSum {
    const EMPTY: Self = Self { level: u16::MAX, sum: 0.0 };

    fn add(&mut self, level: u16, value: f64) {
        if level == self.level {
            self.sum += value;
        } else if level < self.level {
            *self = Self { level, sum: value };
        }
    }

    fn is_empty(self) -> bool {
        self.level == u16::MAX
    }

    /// Adds the sums of later rows of the same group.
    fn join(&mut self, later: Self) {
        if later.level == self.level {
            self.sum += later.sum;
        } else if later.level < self.level {
            *self = later;
        }
    }
}

/// Rows from which aggregation runs on two threads.
const PARALLEL_ROWS: usize = 1 << 20;

/// Most cells (periods × reporters × partners × flows) laid out densely; past it the groups
/// go into a hash map.
const MAX_DENSE_CELLS: usize = 1 << 20;

/// Flows in cell order.
const FLOWS: [Flow; 3] = [Flow::Export, Flow::Import, Flow::Turnover];

fn flow_index(f: Flow) -> usize {
    match f {
        Flow::Export => 0,
        Flow::Import => 1,
        Flow::Turnover => 2,
    }
}

/// Where each period goes in the dense layout: months first, then years of annual records.
struct PeriodIndex {
    first_month: i64,
    months: usize,
    first_year: i32,
    years: usize,
}

impl PeriodIndex {
    fn new(data: &Dataset) -> Option<Self> {
        let b = data.period_bounds();
        let (first_month, months) = match b.months {
            Some((lo, hi)) => (lo, usize::try_from(hi - lo + 1).ok()?),
            None => (0, 0),
        };
        let (first_year, years) = match b.years {
            Some((lo, hi)) => (lo, usize::try_from(i64::from(hi) - i64::from(lo) + 1).ok()?),
            None => (0, 0),
        };
        Some(Self { first_month, months, first_year, years })
    }

    fn len(&self) -> usize {
        self.months + self.years
    }

    fn index(&self, p: Period) -> usize {
        // The bounds cover every period of the dataset, so these differences are in range.
        match p {
            Period::Month(m) => {
                usize::try_from(super::dataset::month_number(m) - self.first_month).unwrap_or(usize::MAX)
            }
            Period::Year(y) => self.months + usize::try_from(y - self.first_year).unwrap_or(usize::MAX),
        }
    }

    fn period(&self, i: usize) -> Option<Period> {
        if i < self.months {
            let n = self.first_month + i64::try_from(i).ok()?;
            let year = i32::try_from(n.div_euclid(12)).ok()?;
            let month = u8::try_from(n.rem_euclid(12) + 1).ok()?;
            YearMonth::new(year, month).map(Period::Month)
        } else {
            Some(Period::Year(self.first_year + i32::try_from(i - self.months).ok()?))
        }
    }
}

/// Aggregates the selection. Runs over the whole dataset: call it when the data or the
/// selection change and keep the result (see [`AggregateCache`]). Sums are taken in a fixed
/// order (row order within a group; period, reporter, partner, flow across groups), so the
/// same data and selection give the same figures to the last bit.
#[must_use]
#[allow(clippy::too_many_lines)] // long before the lint; split by concept in the model/io half of issue 12
pub fn aggregate(data: &Dataset, sel: &Selection) -> Aggregate {
    let reporters: Vec<bool> =
        data.reporters().iter().map(|p| sel.reporter.as_deref().is_none_or(|q| p.matches(q))).collect();
    let partners: Vec<bool> =
        data.partners().iter().map(|p| sel.partner.as_deref().is_none_or(|q| p.matches(q))).collect();
    let world: Vec<bool> = data.partners().iter().map(super::dataset::Party::is_world).collect();
    let prefix = sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let level =
        |c: &super::dataset::Commodity| u16::try_from(commodity_level(&c.code)).unwrap_or(u16::MAX - 1);
    let commodities: Vec<Option<u16>> = data
        .commodities()
        .iter()
        .map(|c| match prefix {
            None => Some(level(c)),
            Some(p) if super::dataset::is_total_code(p) => c.is_total().then_some(0),
            Some(p) => (!c.is_total() && c.code.starts_with(p)).then(|| level(c)),
        })
        .collect();
    let keep = |i: usize, cols: &super::dataset::Columns<'_>| -> Option<u16> {
        if !reporters[cols.reporter[i] as usize] || !partners[cols.partner[i] as usize] {
            return None;
        }
        match (sel.range, cols.period[i]) {
            (Some(range), Period::Month(m)) if !range.contains(m) => return None,
            (Some(range), Period::Year(y)) if !(range.start.year..=range.end.year).contains(&y) => {
                return None;
            }
            _ => {}
        }
        commodities[cols.commodity[i] as usize]
    };

    // Rules 1 and 2: per (period, reporter, partner, flow), the most aggregate level, as a
    // list in (period, reporter, partner, flow) order.
    let cols = data.columns();
    let n_reporters = data.reporters().len();
    let n_partners = data.partners().len();
    let periods = PeriodIndex::new(data);
    let dense = periods.as_ref().and_then(|p| {
        let cells = p.len().checked_mul(n_reporters)?.checked_mul(n_partners)?.checked_mul(FLOWS.len())?;
        (cells <= MAX_DENSE_CELLS).then_some((p, cells))
    });
    let mut groups: Vec<((Period, u32, u32, Flow), f64)> = Vec::new();
    if let Some((pidx, cells)) = dense {
        let pass = |rows: std::ops::Range<usize>| {
            let mut sums = vec![LevelSum::EMPTY; cells];
            for i in rows {
                let Some(level) = keep(i, &cols) else { continue };
                let cell = ((pidx.index(cols.period[i]) * n_reporters + cols.reporter[i] as usize)
                    * n_partners
                    + cols.partner[i] as usize)
                    * FLOWS.len()
                    + flow_index(cols.flow[i]);
                if let Some(s) = sums.get_mut(cell) {
                    s.add(level, cols.value_usd[i]);
                }
            }
            sums
        };
        let n = cols.value_usd.len();
        // Large data: the two halves of the rows on two threads, joined half by half. The
        // split depends only on the number of rows, so the sums are the same on any machine.
        let sums = if n >= PARALLEL_ROWS {
            std::thread::scope(|scope| {
                let second = std::thread::Builder::new()
                    .name("aggregate-half".into())
                    .spawn_scoped(scope, || pass(n / 2..n));
                let mut first = pass(0..n / 2);
                match second.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(second)) => {
                        for (a, b) in first.iter_mut().zip(second) {
                            a.join(b);
                        }
                        first
                    }
                    // No second thread: the second half here.
                    _ => {
                        for (a, b) in first.iter_mut().zip(pass(n / 2..n)) {
                            a.join(b);
                        }
                        first
                    }
                }
            })
        } else {
            pass(0..n)
        };
        for (cell, s) in sums.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
            let flow = FLOWS[cell % FLOWS.len()];
            let rest = cell / FLOWS.len();
            let partner = rest % n_partners;
            let rest = rest / n_partners;
            let (reporter, period) = (rest % n_reporters, rest / n_reporters);
            let Some(period) = pidx.period(period) else { continue };
            #[allow(clippy::cast_possible_truncation)]
            groups.push(((period, reporter as u32, partner as u32, flow), s.sum));
        }
        groups.sort_unstable_by_key(|g| g.0);
    } else {
        let mut map: hashbrown::HashMap<(Period, u32, u32, Flow), LevelSum> = hashbrown::HashMap::new();
        for i in 0..cols.value_usd.len() {
            let Some(level) = keep(i, &cols) else { continue };
            map.entry((cols.period[i], cols.reporter[i], cols.partner[i], cols.flow[i]))
                .or_insert(LevelSum::EMPTY)
                .add(level, cols.value_usd[i]);
        }
        groups = map.into_iter().map(|(k, s)| (k, s.sum)).collect();
        groups.sort_unstable_by_key(|g| g.0);
    }

    // Rules 3 and 4, per (period, reporter): World instead of the countries when no partner is
    // chosen and World is there; turnover-only rows only where there is no split.
    let mut per_period: BTreeMap<Period, FlowSums> = BTreeMap::new();
    let mut add_sums = |period: Period, mut sums: FlowSums| {
        if sums.has_split {
            sums.turnover_only_usd = 0.0;
        }
        per_period.entry(period).or_default().merge(&sums);
    };
    for block in groups.chunk_by(|a, b| (a.0.0, a.0.1) == (b.0.0, b.0.1)) {
        let period = block[0].0.0;
        if sel.partner.is_none() {
            let mut world_value: [Option<f64>; 3] = [None; 3];
            let mut countries = [0.0; 3];
            let mut seen = [false; 3];
            for &((_, _, partner, flow), value) in block {
                let f = flow_index(flow);
                seen[f] = true;
                if world[partner as usize] {
                    *world_value[f].get_or_insert(0.0) += value;
                } else {
                    countries[f] += value;
                }
            }
            let mut sums = FlowSums::default();
            for f in 0..FLOWS.len() {
                if seen[f] {
                    sums.add(FLOWS[f], world_value[f].unwrap_or(countries[f]));
                }
            }
            add_sums(period, sums);
        } else {
            for by_partner in block.chunk_by(|a, b| a.0.2 == b.0.2) {
                let mut sums = FlowSums::default();
                for &((_, _, _, flow), value) in by_partner {
                    sums.add(flow, value);
                }
                add_sums(period, sums);
            }
        }
    }

    // Rule 5: years from months, or from annual records where a year has no months.
    let mut months = Vec::new();
    let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
    let mut annual = Vec::new();
    for (period, sums) in per_period {
        match period {
            Period::Month(m) => {
                months.push(MonthTotals { period: m, sums });
                let y = years.entry(m.year).or_insert(YearTotals {
                    year: m.year,
                    sums: FlowSums::default(),
                    months: 0,
                    from_annual: false,
                });
                y.sums.merge(&sums);
                y.months += 1;
            }
            Period::Year(y) => annual.push((y, sums)),
        }
    }
    for (year, sums) in annual {
        years.entry(year).or_insert(YearTotals { year, sums, months: 12, from_annual: true });
    }
    Aggregate { months, years: years.into_values().collect() }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Commodity, Party, Record};

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
        assert_eq!(jan.turnover_usd(), 6_250_000.0);
        assert_eq!(jan.balance_usd(), Some(3_750_000.0));
        let feb = a.month(ym(2018, 2)).unwrap().sums;
        assert_eq!(feb.imports(), Some(0.0));
        assert_eq!(a.years.len(), 1);
        assert_eq!(a.years[0].sums.turnover_usd(), 12_250_000.0);
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
        assert_eq!(a.month(ym(2018, 1)).unwrap().sums.turnover_usd(), 100.0);
        let feb = a.month(ym(2018, 2)).unwrap().sums;
        assert_eq!(feb.turnover_usd(), 120.0);
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
        assert_eq!(a.years[0].sums.turnover_usd(), 604_100_000.0);
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
        let sel =
            Selection { range: Some(MonthRange::new(ym(2018, 3), ym(2018, 4))), ..Selection::default() };
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
        let changed = cache
            .refresh_shared(&d, 1, &all, move || _ = c.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
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
        let sel =
            Selection { reporter: Some("BLR".into()), partner: Some("KAZ".into()), ..Selection::default() };
        assert_eq!(cache.get(&d, 1, &sel).months[0].sums.exports_usd, 60.0);
        let mirror = cache.mirror().unwrap();
        assert_eq!(mirror.months[0].sums.imports_usd, 66.0);
        assert_eq!(cache.computations(), 1);
        let sel = Selection { reporter: None, ..sel };
        let _ = cache.get(&d, 1, &sel);
        assert!(cache.mirror().is_none());
    }
}
