//! The pass over the rows behind a breakdown (rules in the module documentation).

use hashbrown::HashMap;

use super::measure::{Measure, Place, Qty, QtySums, measure};
use super::names::{NameLang, chapter_name, section_name, section_of_chapter};
use super::request::{By, Level, PeriodChoice, Request};
use super::result::{Breakdown, Raw, rank, to_cents};
use crate::model::dataset::{Dataset, Flow, Period, is_total_code};
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Aggregate, FlowSums, aggregate};

/// Marks "left out" in the per-dimension lookup tables.
const NONE: u32 = u32::MAX;

/// Rows from which the pass runs on two threads.
const PARALLEL_ROWS: usize = 1 << 20;

/// Most cells held in a plain array; past it they go into a hash map.
const MAX_DENSE_CELLS: usize = 1 << 22;

/// Computes a breakdown: one pass over the rows and one aggregation for the total. Run it off
/// the UI thread on large data and keep the result.
#[must_use]
pub fn breakdown(data: &Dataset, req: &Request, lang: NameLang) -> Breakdown {
    let slots = Slots::new(req.period);
    let totals = Totals::new(data, req, &slots);
    let scan = Scan::new(data, req, &slots);
    let sums = scan.run(data, &slots);
    let raw = scan.items(data, &sums, &totals, lang);
    let (items, other) = rank(raw, req.top, totals.now, totals.compared.then_some(totals.before));
    Breakdown {
        by: req.by,
        level: req.level,
        flow: req.flow,
        period: req.period,
        total: totals.now as f64 / 100.0,
        previous_total: totals.compared.then_some(totals.before as f64 / 100.0),
        items,
        other,
        missing_year_earlier: totals.missing_year_earlier,
        missing_now: totals.missing_now,
    }
}

/// Where each period of the data goes: the months of the period, then the months a year
/// earlier, then the period's year and the year before as annual records.
struct Slots {
    now: MonthRange,
    before: MonthRange,
    year: Option<i32>,
}

impl Slots {
    fn new(period: PeriodChoice) -> Self {
        let now = period.months();
        let year = match period {
            PeriodChoice::Year(y) => Some(y),
            PeriodChoice::Months(_) => None,
        };
        Self { now, before: period.year_earlier().months(), year }
    }

    fn n_now(&self) -> usize {
        self.now.len_months()
    }

    fn len(&self) -> usize {
        self.n_now() + self.before.len_months() + 2
    }

    fn annual_now(&self) -> usize {
        self.n_now() + self.before.len_months()
    }

    fn slot(&self, p: Period) -> Option<usize> {
        let offset = |r: MonthRange, m: YearMonth| usize::try_from(m.index() - r.start.index()).ok();
        match p {
            Period::Month(m) if self.now.contains(m) => offset(self.now, m),
            Period::Month(m) if self.before.contains(m) => offset(self.before, m).map(|i| i + self.n_now()),
            Period::Year(y) if Some(y) == self.year => Some(self.annual_now()),
            Period::Year(y) if Some(y + 1) == self.year => Some(self.annual_now() + 1),
            _ => None,
        }
    }
}

/// The totals of the selection (as the chart shows them) and which slots make them up.
struct Totals {
    /// Cents in the period.
    now: i64,
    /// Cents a year earlier (meaningful when `compared`).
    before: i64,
    compared: bool,
    /// Slots to add up for the period and for a year earlier.
    now_slots: Vec<usize>,
    before_slots: Vec<usize>,
    missing_year_earlier: Vec<YearMonth>,
    missing_now: Vec<YearMonth>,
}

fn flow_value(s: &FlowSums, flow: Flow) -> Option<f64> {
    match flow {
        Flow::Export => s.exports(),
        Flow::Import => s.imports(),
        Flow::Turnover => s.turnover_usd(),
    }
}

impl Totals {
    fn new(data: &Dataset, req: &Request, slots: &Slots) -> Self {
        let mut sel = req.selection.clone();
        sel.compare.clear();
        sel.range = Some(MonthRange { start: slots.before.start, end: slots.now.end });
        if req.by == By::Partner {
            sel.partner = None;
        }
        // One aggregation per product (a visit's "HS 03, 16"), or one for the selection.
        let prefixes: Vec<Option<String>> = if req.products().is_empty() {
            vec![sel.commodity.clone()]
        } else {
            req.products().into_iter().map(Some).collect()
        };
        let (mut now, mut now_slots, mut now_months) = (0, Vec::new(), Vec::new());
        let (mut before, mut before_slots, mut before_months) = (0, Vec::new(), Vec::new());
        for p in prefixes {
            sel.commodity = p;
            let a = aggregate(data, &sel);
            let (c, s, m) = Self::side(&a, req.flow, slots, slots.now, slots.year, 0);
            (now, now_slots, now_months) = (now + c, [now_slots, s].concat(), [now_months, m].concat());
            let (c, s, m) =
                Self::side(&a, req.flow, slots, slots.before, slots.year.map(|y| y - 1), slots.n_now());
            (before, before_slots, before_months) =
                (before + c, [before_slots, s].concat(), [before_months, m].concat());
        }
        for v in [&mut now_slots, &mut before_slots] {
            v.sort_unstable();
            v.dedup();
        }
        for v in [&mut now_months, &mut before_months] {
            v.sort_unstable();
            v.dedup();
        }
        let missing_year_earlier: Vec<YearMonth> =
            now_months.iter().copied().filter(|m| !before_months.contains(&m.year_earlier())).collect();
        let missing_now: Vec<YearMonth> = before_months
            .iter()
            .map(|m| YearMonth { year: m.year + 1, month: m.month })
            .filter(|m| !now_months.contains(m))
            .collect();
        let annual_pair = now_months.is_empty() && before_months.is_empty();
        let compared = !now_slots.is_empty()
            && !before_slots.is_empty()
            && (annual_pair || (missing_year_earlier.is_empty() && missing_now.is_empty()));
        Self { now, before, compared, now_slots, before_slots, missing_year_earlier, missing_now }
    }

    /// The cents, slots and months with data of one side (the period or a year earlier). A
    /// year is its months, or its annual records when it has no months.
    fn side(
        a: &Aggregate,
        flow: Flow,
        slots: &Slots,
        range: MonthRange,
        year: Option<i32>,
        first_slot: usize,
    ) -> (i64, Vec<usize>, Vec<YearMonth>) {
        if let Some(y) = year
            && let Some(t) = a.years.iter().find(|t| t.year == y && t.from_annual)
        {
            let annual = slots.annual_now() + usize::from(first_slot != 0);
            return match flow_value(&t.sums, flow) {
                Some(v) => (to_cents(v), vec![annual], Vec::new()),
                None => (0, Vec::new(), Vec::new()),
            };
        }
        let mut cents = 0;
        let mut used = Vec::new();
        let mut months = Vec::new();
        for m in a.months_in(Some(range)) {
            if let Some(v) = flow_value(&m.sums, flow) {
                cents += to_cents(v);
                months.push(m.period);
                used.push(first_slot + usize::try_from(m.period.index() - range.start.index()).unwrap_or(0));
            }
        }
        (cents, used, months)
    }
}

/// Sum of the most aggregate commodity level seen in a group.
#[derive(Clone, Copy, Default)]
struct LevelSum {
    /// 0 while empty; else the level + 1.
    level: u16,
    sum: f64,
}

impl LevelSum {
    fn add(&mut self, level: u16, value: f64) {
        let l = level.saturating_add(1);
        if self.level == 0 || l < self.level {
            *self = Self { level: l, sum: value };
        } else if l == self.level {
            self.sum += value;
        }
    }

    /// Adds the sums of later rows of the same group.
    fn join(&mut self, later: Self) {
        if later.level == 0 {
            return;
        }
        if self.level == 0 || later.level < self.level {
            *self = later;
        } else if later.level == self.level {
            self.sum += later.sum;
        }
    }
}

/// World rows and country rows of one (slot, reporter, flow, item) cell.
#[derive(Clone, Copy, Default)]
struct KeyCell {
    world: f64,
    world_seen: bool,
    countries: f64,
}

impl KeyCell {
    fn join(&mut self, later: Self) {
        self.world += later.world;
        self.world_seen |= later.world_seen;
        self.countries += later.countries;
    }

    fn value(self) -> f64 {
        if self.world_seen { self.world } else { self.countries }
    }
}

/// Cells in an array, or in a hash map when there would be too many.
pub(super) enum Cells<T> {
    Dense(Vec<T>),
    Sparse(HashMap<usize, T>),
}

impl<T: Default + Clone + Copy> Cells<T> {
    pub(super) fn new(n: usize) -> Self {
        if n <= MAX_DENSE_CELLS { Self::Dense(vec![T::default(); n]) } else { Self::Sparse(HashMap::new()) }
    }

    pub(super) fn at(&mut self, i: usize) -> Option<&mut T> {
        match self {
            Self::Dense(v) => v.get_mut(i),
            Self::Sparse(m) => Some(m.entry(i).or_default()),
        }
    }

    /// Joins the cells of later rows into these, with `join`.
    pub(super) fn join_with(&mut self, later: Self, join: impl Fn(&mut T, T)) {
        match (self, later) {
            (Self::Dense(a), Self::Dense(b)) => a.iter_mut().zip(b).for_each(|(x, y)| join(x, y)),
            (this, later) => {
                let entries: Vec<(usize, T)> = match later {
                    Self::Dense(b) => b.into_iter().enumerate().collect(),
                    Self::Sparse(m) => m.into_iter().collect(),
                };
                for (i, v) in entries {
                    if let Some(cell) = this.at(i) {
                        join(cell, v);
                    }
                }
            }
        }
    }

    pub(super) fn get(&self, i: usize) -> T {
        match self {
            Self::Dense(v) => v.get(i).copied().unwrap_or_default(),
            Self::Sparse(m) => m.get(&i).copied().unwrap_or_default(),
        }
    }
}

/// Per-dimension lookup tables for the pass.
struct Scan {
    by: By,
    slots_len: usize,
    /// Compact index of each reporter in the selection, or [`NONE`].
    reporter: Vec<u32>,
    n_reporters: usize,
    /// 0 left out, 1 a country (or the partner chosen), 2 World.
    partner: Vec<u8>,
    /// Flow index (0, or 0/1 for exports/imports under turnover), or [`NONE`] for flows left out.
    flow: [u32; 3],
    n_flows: usize,
    /// For each commodity: its item and level (commodity breakdown), or its level (partner
    /// ranking); [`NONE`] when left out.
    key: Vec<u32>,
    level: Vec<u16>,
    /// Item codes of a commodity breakdown.
    keys: Vec<String>,
    /// Whether an item has codes of more than one length under it (the level rule is then
    /// applied per partner, in a hash map; else the plain sums are the same).
    nested: Vec<bool>,
}

/// What the pass sums.
struct Sums {
    keys: Cells<KeyCell>,
    nested: HashMap<(usize, u32, u32), LevelSum>,
    partners: Cells<LevelSum>,
    /// Quantities beside the values, for data with quantities.
    qty: Option<QtySums>,
}

impl Sums {
    /// Joins the sums of later rows into these.
    fn join(&mut self, later: Self) {
        self.keys.join_with(later.keys, KeyCell::join);
        self.partners.join_with(later.partners, LevelSum::join);
        for (k, v) in later.nested {
            self.nested.entry(k).or_default().join(v);
        }
        if let (Some(q), Some(later)) = (&mut self.qty, later.qty) {
            q.join(later);
        }
    }
}

impl Scan {
    fn new(data: &Dataset, req: &Request, slots: &Slots) -> Self {
        let sel = &req.selection;
        let mut n_reporters = 0u32;
        let reporter = data
            .reporters()
            .iter()
            .map(|p| {
                if sel.reporter.as_deref().is_none_or(|q| p.matches(q)) {
                    n_reporters += 1;
                    n_reporters - 1
                } else {
                    NONE
                }
            })
            .collect();
        let chosen = sel.partner_mask(data);
        let partner = data
            .partners()
            .iter()
            .zip(chosen)
            .map(|(p, chosen)| match (req.by, sel.partner.is_some()) {
                (By::Partner, _) => u8::from(!p.is_world()),
                (By::Commodity, true) => u8::from(chosen),
                (By::Commodity, false) => 1 + u8::from(p.is_world()),
            })
            .collect();
        let (flow, n_flows) = match req.flow {
            Flow::Export => ([0, NONE, NONE], 1),
            Flow::Import => ([NONE, 0, NONE], 1),
            Flow::Turnover => ([0, 1, NONE], 2),
        };
        let products = req.products();
        let prefixes: Vec<&str> = if products.is_empty() {
            sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty()).into_iter().collect()
        } else {
            products.iter().map(String::as_str).collect()
        };
        let mut scan = Self {
            by: req.by,
            slots_len: slots.len(),
            reporter,
            n_reporters: n_reporters as usize,
            partner,
            flow,
            n_flows,
            key: Vec::new(),
            level: Vec::new(),
            keys: Vec::new(),
            nested: Vec::new(),
        };
        scan.commodity_keys(data, req.level, &prefixes);
        scan
    }

    /// The item and level of each commodity.
    fn commodity_keys(&mut self, data: &Dataset, level: Level, prefixes: &[&str]) {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut lengths: Vec<(usize, bool)> = Vec::new();
        for c in data.commodities() {
            let code = c.code.trim();
            let total = is_total_code(code);
            let under = prefixes.is_empty()
                || prefixes
                    .iter()
                    .any(|p| if is_total_code(p) { total } else { !total && code.starts_with(p) });
            let len = if total { 0 } else { u16::try_from(code.len()).unwrap_or(u16::MAX - 1) };
            let key = match self.by {
                By::Partner => under.then_some(None),
                By::Commodity if total || !under => None,
                By::Commodity => item_code(code, level).map(Some),
            };
            match key {
                None => {
                    self.key.push(NONE);
                    self.level.push(0);
                }
                Some(None) => {
                    self.key.push(0);
                    self.level.push(len);
                }
                Some(Some(k)) => {
                    let next = u32::try_from(self.keys.len()).unwrap_or(NONE);
                    let id = *index.entry(k.clone()).or_insert_with(|| {
                        self.keys.push(k);
                        lengths.push((code.len(), false));
                        next
                    });
                    if let Some(l) = lengths.get_mut(id as usize)
                        && l.0 != code.len()
                    {
                        l.1 = true;
                    }
                    self.key.push(id);
                    self.level.push(len);
                }
            }
        }
        self.nested = lengths.into_iter().map(|(_, n)| n).collect();
    }

    /// Index of the (slot, reporter, flow) group.
    fn group(&self, slot: usize, reporter: u32, flow: u32) -> usize {
        (slot * self.n_reporters + reporter as usize) * self.n_flows + flow as usize
    }

    fn n_groups(&self) -> usize {
        self.slots_len * self.n_reporters * self.n_flows
    }

    /// The pass over every row: on large data the two halves of the rows on two threads, joined
    /// half by half (the split depends only on the number of rows, so the sums are the same on
    /// any machine); then the nested items folded in.
    fn run(&self, data: &Dataset, slots: &Slots) -> Sums {
        let n = data.len();
        let n_keys = self.keys.len().max(1);
        let mut sums = if n < PARALLEL_ROWS {
            self.pass(data, slots, 0..n)
        } else {
            std::thread::scope(|scope| {
                let second = std::thread::Builder::new()
                    .name("breakdown-half".into())
                    .spawn_scoped(scope, || self.pass(data, slots, n / 2..n));
                let mut first = self.pass(data, slots, 0..n / 2);
                // No second thread: the second half here.
                let second = match second.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(s)) => s,
                    _ => self.pass(data, slots, n / 2..n),
                };
                first.join(second);
                first
            })
        };
        let mut nested: Vec<_> = sums.nested.iter().map(|(k, v)| (*k, *v)).collect();
        nested.sort_unstable_by_key(|e| e.0);
        for ((g, partner, key), s) in nested {
            if let Some(cell) = sums.keys.at(g * n_keys + key as usize) {
                if self.partner[partner as usize] == 2 {
                    cell.world += s.sum;
                    cell.world_seen = true;
                } else {
                    cell.countries += s.sum;
                }
            }
        }
        if let Some(q) = &mut sums.qty {
            let nested: Vec<_> = q.nested.drain().collect();
            for ((g, partner, key), s) in nested {
                let world = self.partner[partner as usize] == 2;
                q.add(Place::Key(g * n_keys + key as usize, world), s.q);
            }
        }
        sums
    }

    /// Sums rows `rows`.
    fn pass(&self, data: &Dataset, slots: &Slots, rows: std::ops::Range<usize>) -> Sums {
        let cols = data.columns();
        let n_keys = self.keys.len().max(1);
        let n_partners = data.partners().len().max(1);
        let n_key_cells = if self.by == By::Commodity { self.n_groups() * n_keys } else { 0 };
        let n_partner_cells = if self.by == By::Partner { self.n_groups() * n_partners } else { 0 };
        let qcols = data.quantities();
        let mut sums = Sums {
            keys: Cells::new(n_key_cells),
            nested: HashMap::new(),
            partners: Cells::new(n_partner_cells),
            qty: qcols.map(|_| QtySums::new(n_key_cells, n_partner_cells)),
        };
        for i in rows {
            let c = cols.commodity[i] as usize;
            let key = self.key.get(c).copied().unwrap_or(NONE);
            let rep = self.reporter[cols.reporter[i] as usize];
            let flow = self.flow[flow_index(cols.flow[i])];
            let class = self.partner[cols.partner[i] as usize];
            if key == NONE || rep == NONE || flow == NONE || class == 0 {
                continue;
            }
            let Some(slot) = slots.slot(cols.period[i]) else { continue };
            let g = self.group(slot, rep, flow);
            let value = cols.value_usd[i];
            match self.by {
                By::Partner => {
                    if let Some(cell) = sums.partners.at(g * n_partners + cols.partner[i] as usize) {
                        cell.add(self.level[c], value);
                    }
                }
                By::Commodity if self.nested[key as usize] => {
                    sums.nested.entry((g, cols.partner[i], key)).or_default().add(self.level[c], value);
                }
                By::Commodity => {
                    if let Some(cell) = sums.keys.at(g * n_keys + key as usize) {
                        if class == 2 {
                            cell.world += value;
                            cell.world_seen = true;
                        } else {
                            cell.countries += value;
                        }
                    }
                }
            }
            if let (Some(q), Some(qc)) = (&mut sums.qty, &qcols) {
                let level = self.level[c];
                let place = match self.by {
                    By::Partner => Place::Partner(g * n_partners + cols.partner[i] as usize, level),
                    By::Commodity if self.nested[key as usize] => {
                        Place::Nested((g, cols.partner[i], key), level)
                    }
                    By::Commodity => Place::Key(g * n_keys + key as usize, class == 2),
                };
                q.add(place, Qty::row(qc, i, value));
            }
        }
        sums
    }

    /// The items with their cents now and a year earlier.
    fn items(&self, data: &Dataset, sums: &Sums, totals: &Totals, lang: NameLang) -> Vec<Raw> {
        let groups = |slots: &[usize]| -> Vec<usize> {
            slots
                .iter()
                .flat_map(|&s| {
                    (0..self.n_reporters as u32)
                        .flat_map(move |r| (0..self.n_flows as u32).map(move |f| (s, r, f)))
                })
                .map(|(s, r, f)| self.group(s, r, f))
                .collect()
        };
        let now = groups(&totals.now_slots);
        let before = groups(&totals.before_slots);
        let (now_g, before_g) = (&now, &before);
        match self.by {
            By::Commodity => {
                let n_keys = self.keys.len().max(1);
                let sum = |gs: &[usize], k: usize| {
                    gs.iter().map(|g| sums.keys.get(g * n_keys + k).value()).sum::<f64>()
                };
                let names = file_names(data);
                let qty = |gs: &[usize], k: usize| {
                    let q = sums.qty.as_ref()?;
                    Some(gs.iter().fold(Qty::default(), |mut acc, g| {
                        let i = g * n_keys + k;
                        acc.join(q.keys.get(i).pick(sums.keys.get(i).world_seen));
                        acc
                    }))
                };
                self.keys
                    .iter()
                    .enumerate()
                    .map(|(k, code)| {
                        let (now, before) = (to_cents(sum(&now, k)), to_cents(sum(&before, k)));
                        Raw {
                            code: code.clone(),
                            name: names
                                .get(code.as_str())
                                .map_or_else(|| shipped_name(code, lang), |n| (*n).to_owned()),
                            now,
                            before,
                            measure: item_measure(
                                data,
                                totals,
                                (now, before),
                                qty(now_g, k),
                                qty(before_g, k),
                            ),
                        }
                    })
                    .collect()
            }
            By::Partner => {
                let n = data.partners().len().max(1);
                let sum =
                    |gs: &[usize], p: usize| gs.iter().map(|g| sums.partners.get(g * n + p).sum).sum::<f64>();
                let qty = |gs: &[usize], p: usize| {
                    let q = sums.qty.as_ref()?;
                    Some(gs.iter().fold(Qty::default(), |mut acc, g| {
                        acc.join(q.partners.get(g * n + p).q);
                        acc
                    }))
                };
                data.partners()
                    .iter()
                    .enumerate()
                    .filter(|&(p, _)| self.partner[p] == 1)
                    .map(|(p, party)| {
                        let (now, before) = (to_cents(sum(&now, p)), to_cents(sum(&before, p)));
                        Raw {
                            code: if party.code.is_empty() { party.name.clone() } else { party.code.clone() },
                            name: party.name.clone(),
                            now,
                            before,
                            measure: item_measure(
                                data,
                                totals,
                                (now, before),
                                qty(now_g, p),
                                qty(before_g, p),
                            ),
                        }
                    })
                    .collect()
            }
        }
    }
}

/// An item's quantities, unit values and effects (none for data without quantities).
fn item_measure(
    data: &Dataset,
    totals: &Totals,
    cents: (i64, i64),
    now: Option<Qty>,
    before: Option<Qty>,
) -> Measure {
    let (Some(units), Some(now), Some(before)) = (data.quantities().map(|q| q.units), now, before) else {
        return Measure::default();
    };
    let compared = totals.compared;
    measure(now, compared.then_some(before), (cents.0, compared.then_some(cents.1)), units)
}

fn flow_index(f: Flow) -> usize {
    match f {
        Flow::Export => 0,
        Flow::Import => 1,
        Flow::Turnover => 2,
    }
}

/// The item a code falls under at `level`, or `None` when the code is shorter than the level
/// (or, for sections, does not start with a chapter number).
fn item_code(code: &str, level: Level) -> Option<String> {
    match level {
        Level::Digits(d) => code.get(..usize::from(d)).map(str::to_owned),
        Level::Section => {
            let chapter = code.get(..2).filter(|c| c.bytes().all(|b| b.is_ascii_digit()))?;
            Some(section_of_chapter(chapter).to_owned())
        }
    }
}

/// Names the file gives to codes (the first non-empty one of each code).
fn file_names(data: &Dataset) -> HashMap<&str, &str> {
    let mut names = HashMap::new();
    for c in data.commodities() {
        let name = c.name.trim();
        if !name.is_empty() {
            names.entry(c.code.trim()).or_insert(name);
        }
    }
    names
}

/// The name shipped with the app: a section's or a chapter's; empty for finer codes.
fn shipped_name(code: &str, lang: NameLang) -> String {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_digit()) {
        chapter_name(code, lang).unwrap_or_default().to_owned()
    } else {
        section_name(code, lang).unwrap_or_default().to_owned()
    }
}

/// The period a breakdown shows when none is chosen: the latest year to date (January to the
/// last month with data of `flow`), or the last year of annual records when there are no
/// months. `None` when the selection has no data of the flow.
#[must_use]
pub fn default_period(a: &Aggregate, flow: Flow) -> Option<PeriodChoice> {
    let last = a.months.iter().rev().find(|m| flow_value(&m.sums, flow).is_some()).map(|m| m.period);
    match last {
        Some(end) => {
            Some(PeriodChoice::Months(MonthRange { start: YearMonth { year: end.year, month: 1 }, end }))
        }
        None => a
            .years
            .iter()
            .rev()
            .find(|y| flow_value(&y.sums, flow).is_some())
            .map(|y| PeriodChoice::Year(y.year)),
    }
}
