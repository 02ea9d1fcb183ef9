//! [`aggregate`]: monthly and yearly totals for a selection, by the double-counting rules of
//! the module above (TOTAL before chapters before headings, World instead of countries,
//! turnover-only rows only without a split, annual records only for years without months).

use std::collections::BTreeMap;

use super::held::FlowsHeld;
use super::selection::Selection;
use super::totals::{Aggregate, FlowSums, MonthTotals, PublishedPct, SpanTotals, YearTotals};
use crate::model::dataset::{Columns, Commodity, Dataset, Flow, Party, Period, is_total_code};
use crate::model::period::YearMonth;

/// Commodity level of a code: 0 for totals, else its number of digits (2, 4, 6, …).
fn commodity_level(code: &str) -> usize {
    if is_total_code(code) { 0 } else { code.trim().len() }
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
pub(super) const PARALLEL_ROWS: usize = 1 << 20;

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
            Period::Month(m) => usize::try_from(crate::model::dataset::month_number(m) - self.first_month)
                .unwrap_or(usize::MAX),
            Period::Year(y) => self.months + usize::try_from(y - self.first_year).unwrap_or(usize::MAX),
            // Spans are grouped apart (see `groups`); never laid out densely.
            Period::Span(_) => usize::MAX,
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
///
/// [`AggregateCache`]: super::AggregateCache
#[must_use]
pub fn aggregate(data: &Dataset, sel: &Selection) -> Aggregate {
    let filter = Filter::new(data, sel);
    let (groups, held) = groups(data, &filter);
    let world: Vec<bool> = data.partners().iter().map(Party::is_world).collect();
    let mut a = aggregate_periods(per_period(&groups, sel, &world), held);
    if data.period_bounds().spans {
        super::derive::published_rates(data, &mut a, |i, cols| {
            filter.parties(i, cols) && filter.keep(i, cols).is_some()
        });
    }
    a
}

/// Rules 5 and 6 over sums per period that rules 1–4 have already made: years from months or
/// annual records, and the flows `held` does not hold marked unknown. [`aggregate`] ends with
/// it; so does a source that runs rules 1–4 where the data lives (`io::clickhouse`).
#[must_use]
pub fn aggregate_periods(mut per_period: BTreeMap<Period, FlowSums>, held: FlowsHeld) -> Aggregate {
    // Rule 6: a flow with no row for the selection's reporter and partner is unknown.
    for sums in per_period.values_mut() {
        sums.mark_unknown(held);
    }
    let mut a = totals(per_period);
    a.flows = held;
    // Months and quarters between cumulative spans; published rates only ride on spans, so
    // adding them afterwards (in `aggregate`) changes nothing derived here.
    super::derive::derive(&mut a);
    a
}

/// (period, reporter, partner, flow): the group rules 1 and 2 sum within.
type GroupKey = (Period, u32, u32, Flow);

/// Rule 1, the selection, and the commodity level each kept row counts at (rule 2).
struct Filter<'a> {
    sel: &'a Selection,
    reporters: Vec<bool>,
    partners: Vec<bool>,
    /// The level of each commodity, `None` when the selection leaves it out.
    commodities: Vec<Option<u16>>,
}

impl<'a> Filter<'a> {
    fn new(data: &Dataset, sel: &'a Selection) -> Self {
        let reporters: Vec<bool> =
            data.reporters().iter().map(|p| sel.reporter.as_deref().is_none_or(|q| p.matches(q))).collect();
        let partners = sel.partner_mask(data);
        let prefix = sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let level = |c: &Commodity| u16::try_from(commodity_level(&c.code)).unwrap_or(u16::MAX - 1);
        let commodities: Vec<Option<u16>> = data
            .commodities()
            .iter()
            .map(|c| match prefix {
                None => Some(level(c)),
                Some(p) if is_total_code(p) => c.is_total().then_some(0),
                Some(p) => (!c.is_total() && c.code.starts_with(p)).then(|| level(c)),
            })
            .collect();
        Self { sel, reporters, partners, commodities }
    }

    /// Whether row `i` is of the selection's reporter and partner (rule 6 looks no further).
    pub(super) fn parties(&self, i: usize, cols: &Columns<'_>) -> bool {
        self.reporters[cols.reporter[i] as usize] && self.partners[cols.partner[i] as usize]
    }

    /// The commodity level row `i` of the selection's parties counts at, or `None` when the
    /// selection leaves it out.
    pub(super) fn keep(&self, i: usize, cols: &Columns<'_>) -> Option<u16> {
        if !self.keeps_period(cols.period[i]) {
            return None;
        }
        self.commodities[cols.commodity[i] as usize]
    }

    /// Whether the selection's range keeps rows of period `p`.
    fn keeps_period(&self, p: Period) -> bool {
        match (self.sel.range, p) {
            (Some(range), Period::Month(m)) => range.contains(m),
            (Some(range), Period::Year(y)) => (range.start.year..=range.end.year).contains(&y),
            (Some(range), Period::Span(r)) => range.contains(r.start) && range.contains(r.end),
            (None, _) => true,
        }
    }
}

/// Rules 1 and 2: per (period, reporter, partner, flow), the most aggregate level, as a list
/// in (period, reporter, partner, flow) order. A dense array when the groups fit in
/// [`MAX_DENSE_CELLS`], else a hash map. With it, the flows the selection's parties hold
/// (rule 6), from the same pass.
fn groups(data: &Dataset, filter: &Filter<'_>) -> (Vec<(GroupKey, f64)>, FlowsHeld) {
    let cols = data.columns();
    let n_reporters = data.reporters().len();
    let n_partners = data.partners().len();
    let periods = PeriodIndex::new(data);
    let dense = periods.as_ref().and_then(|p| {
        let cells = p.len().checked_mul(n_reporters)?.checked_mul(n_partners)?.checked_mul(FLOWS.len())?;
        (cells <= MAX_DENSE_CELLS).then_some((p, cells))
    });
    let mut groups: Vec<(GroupKey, f64)> = Vec::new();
    let held;
    if let Some((pidx, cells)) = dense {
        // Per distinct period (a file has a few dozen), its place in the layout, or `None`
        // for spans (grouped apart) and periods the selection leaves out: decided once, not
        // once a row.
        let slots: Vec<Option<usize>> = cols
            .period
            .values()
            .iter()
            .map(|&p| (!matches!(p, Period::Span(_)) && filter.keeps_period(p)).then(|| pidx.index(p)))
            .collect();
        let period_ids = cols.period.ids();
        let pass = |rows: std::ops::Range<usize>| {
            let mut sums = vec![LevelSum::EMPTY; cells];
            let mut held = FlowsHeld::default();
            for i in rows {
                if !filter.parties(i, &cols) {
                    continue;
                }
                held.add(cols.flow[i]);
                let Some(slot) = slots[period_ids[i] as usize] else { continue };
                let Some(level) = filter.commodities[cols.commodity[i] as usize] else { continue };
                let cell = ((slot * n_reporters + cols.reporter[i] as usize) * n_partners
                    + cols.partner[i] as usize)
                    * FLOWS.len()
                    + flow_index(cols.flow[i]);
                if let Some(s) = sums.get_mut(cell) {
                    s.add(level, cols.value_usd[i]);
                }
            }
            (sums, held)
        };
        let sums;
        (sums, held) = in_two_halves(cols.value_usd.len(), pass);
        if data.period_bounds().spans {
            groups = hashed_groups(data, filter, true).0;
        }
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
    } else {
        (groups, held) = hashed_groups(data, filter, false);
    }
    groups.sort_unstable_by_key(|g| g.0);
    (groups, held)
}

/// Rules 1 and 2 with the groups in a hash map: for data too wide for the dense layout, and
/// for the span rows (`only_spans`), which the dense layout leaves out.
fn hashed_groups(data: &Dataset, filter: &Filter<'_>, only_spans: bool) -> (Vec<(GroupKey, f64)>, FlowsHeld) {
    let cols = data.columns();
    let mut held = FlowsHeld::default();
    let mut map: hashbrown::HashMap<GroupKey, LevelSum> = hashbrown::HashMap::new();
    for i in 0..cols.value_usd.len() {
        if (only_spans && !matches!(cols.period[i], Period::Span(_))) || !filter.parties(i, &cols) {
            continue;
        }
        held.add(cols.flow[i]);
        let Some(level) = filter.keep(i, &cols) else { continue };
        map.entry((cols.period[i], cols.reporter[i], cols.partner[i], cols.flow[i]))
            .or_insert(LevelSum::EMPTY)
            .add(level, cols.value_usd[i]);
    }
    (map.into_iter().map(|(k, s)| (k, s.sum)).collect(), held)
}

/// `pass` over rows `0..n`. Large data: the two halves of the rows on two threads, joined half
/// by half. The split depends only on the number of rows, so the sums are the same on any
/// machine.
fn in_two_halves(
    n: usize,
    pass: impl Fn(std::ops::Range<usize>) -> (Vec<LevelSum>, FlowsHeld) + Sync,
) -> (Vec<LevelSum>, FlowsHeld) {
    if n < PARALLEL_ROWS {
        return pass(0..n);
    }
    std::thread::scope(|scope| {
        let second =
            std::thread::Builder::new().name("aggregate-half".into()).spawn_scoped(scope, || pass(n / 2..n));
        let (mut first, mut held) = pass(0..n / 2);
        // No second thread: the second half here.
        let (second, second_held) = match second.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(second)) => second,
            _ => pass(n / 2..n),
        };
        for (a, b) in first.iter_mut().zip(second) {
            a.join(b);
        }
        held.merge(second_held);
        (first, held)
    })
}

/// Rules 3 and 4, per (period, reporter): World instead of the countries when no partner is
/// chosen and World is there; turnover-only rows only where there is no split.
fn per_period(groups: &[(GroupKey, f64)], sel: &Selection, world: &[bool]) -> BTreeMap<Period, FlowSums> {
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
    per_period
}

/// Rule 5: years from months, or from annual records where a year has no months.
fn totals(per_period: BTreeMap<Period, FlowSums>) -> Aggregate {
    let mut months = Vec::new();
    let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
    let mut annual = Vec::new();
    let mut spans = Vec::new();
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
            Period::Span(range) => {
                spans.push(SpanTotals { range, sums, published: PublishedPct::default(), derived: false });
            }
        }
    }
    for (year, sums) in annual {
        years.entry(year).or_insert(YearTotals { year, sums, months: 12, from_annual: true });
    }
    Aggregate {
        months,
        years: years.into_values().collect(),
        flows: FlowsHeld::default(),
        spans,
        derived_months: Vec::new(),
    }
}
