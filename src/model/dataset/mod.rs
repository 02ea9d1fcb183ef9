//! The trade table: one row per (period, reporter, partner, flow, commodity) value, stored in
//! columns, with reporters, partners and commodities interned once.

use std::borrow::Cow;
use std::fmt;

use hashbrown::Equivalent;

mod interner;
mod periods;
mod published;
mod quantity;
mod taken;
use interner::{Coded, Interner};
use periods::Periods;
pub use periods::{PeriodColumn, PeriodIter};
pub use published::PublishedChange;
use quantity::Quantities;
pub use quantity::{QuantityColumns, RowQuantity, is_kilogram, kilograms_per};
pub use taken::{Handed, IdMap, TakenRows};

use serde::{Deserialize, Serialize};

use super::period::{MonthRange, YearMonth};

/// Direction of a trade value, as seen by the reporter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Flow {
    /// Goods leaving the reporter for the partner.
    Export,
    /// Goods arriving at the reporter from the partner.
    Import,
    /// Exports plus imports, for sources that publish only the total.
    Turnover,
}

impl Flow {
    /// Lower-case name as written in the app's own CSV format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Export => "export",
            Self::Import => "import",
            Self::Turnover => "turnover",
        }
    }

    /// Parses `export`, `import`, `turnover` (any case, also `exports`, `imports`).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "export" | "exports" => Some(Self::Export),
            "import" | "imports" => Some(Self::Import),
            "turnover" | "total" => Some(Self::Turnover),
            _ => None,
        }
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The time a value covers: a calendar month, a whole year for annual records (Comtrade
/// `freqCode` A), or any other span of months as statistics offices publish them (a quarter,
/// a half-year, January–July). Years and spans are never spread over months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Period {
    /// A calendar month.
    Month(YearMonth),
    /// A whole calendar year.
    Year(i32),
    /// Two months or more that are not one calendar year (build it with
    /// [`Period::from_range`], which gives `Month` and `Year` where the range is one).
    Span(MonthRange),
}

impl Period {
    /// The calendar year the period lies in.
    #[must_use]
    pub fn year(self) -> i32 {
        match self {
            Self::Month(m) => m.year,
            Self::Year(y) => y,
            Self::Span(r) => r.end.year,
        }
    }

    /// The period a range of months is: a month, a calendar year, or a span.
    #[must_use]
    pub fn from_range(r: MonthRange) -> Self {
        if r.start == r.end {
            Self::Month(r.start)
        } else if r.is_calendar_year() {
            Self::Year(r.start.year)
        } else {
            Self::Span(r)
        }
    }

    /// The months the period covers.
    #[must_use]
    pub fn months(self) -> MonthRange {
        match self {
            Self::Month(m) => MonthRange::new(m, m),
            Self::Year(y) => {
                MonthRange { start: YearMonth { year: y, month: 1 }, end: YearMonth { year: y, month: 12 } }
            }
            Self::Span(r) => r,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Month(m) => m.fmt(f),
            Self::Year(y) => write!(f, "{y}"),
            Self::Span(r) => write!(f, "{}..{}", r.start, r.end),
        }
    }
}

/// A reporter or partner: a code where the source has one (ISO alpha-3 in Comtrade files)
/// and a display name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Party {
    /// Short code ("BLR"); may be empty when the source gives names only.
    pub code: String,
    /// Display name ("Belarus", "Brest Oblast").
    pub name: String,
}

impl Party {
    /// Whether the text names this party by code or name, ignoring case and surrounding space.
    #[must_use]
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        !q.is_empty() && (self.code.eq_ignore_ascii_case(q) || self.name.to_lowercase() == q.to_lowercase())
    }

    /// Comtrade's pseudo-partner for the sum over all partners.
    #[must_use]
    pub fn is_world(&self) -> bool {
        matches!(self.code.as_str(), "0" | "W00" | "WLD") || self.name.eq_ignore_ascii_case("world")
    }

    /// Name, with the code in brackets when there is one that differs from it.
    #[must_use]
    pub fn label(&self) -> String {
        if self.code.is_empty() || self.code == self.name {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.code)
        }
    }
}

/// A commodity: an HS code ("03", "0302", "030211") or `TOTAL`, and its description.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Commodity {
    /// HS code or `TOTAL`.
    pub code: String,
    /// Description, possibly empty.
    pub name: String,
}

impl Commodity {
    /// Whether this is the all-commodities total.
    #[must_use]
    pub fn is_total(&self) -> bool {
        is_total_code(&self.code)
    }
}

/// Whether a commodity code stands for all commodities (`TOTAL`, Comtrade's `AG0`, `ALL`).
#[must_use]
pub fn is_total_code(code: &str) -> bool {
    ["TOTAL", "AG0", "ALL", ""].iter().any(|t| code.trim().eq_ignore_ascii_case(t))
}

/// One trade value with its dimensions spelled out: what importers produce and what the
/// workspace file stores for an embedded dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Month or year the value covers.
    pub period: Period,
    /// Who reports the value.
    pub reporter: Party,
    /// The trading partner.
    pub partner: Party,
    /// Direction.
    pub flow: Flow,
    /// What was traded.
    pub commodity: Commodity,
    /// Value in US dollars.
    pub value_usd: f64,
}

/// A record whose text is borrowed from the row it was read from: what importers hand to
/// [`Dataset::push_ref`], so that a row whose reporter, partner and commodity were seen
/// before costs no allocation.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRef<'a> {
    /// Month or year the value covers.
    pub period: Period,
    /// Who reports the value.
    pub reporter: PartyRef<'a>,
    /// The trading partner.
    pub partner: PartyRef<'a>,
    /// Direction.
    pub flow: Flow,
    /// What was traded.
    pub commodity: CommodityRef<'a>,
    /// Value in US dollars.
    pub value_usd: f64,
}

impl RecordRef<'_> {
    /// The record with its text owned.
    #[must_use]
    pub fn to_record(&self) -> Record {
        Record {
            period: self.period,
            reporter: self.reporter.to_party(),
            partner: self.partner.to_party(),
            flow: self.flow,
            commodity: self.commodity.to_commodity(),
            value_usd: self.value_usd,
        }
    }
}

impl Coded for Party {
    fn name(&self) -> &str {
        &self.name
    }
}

impl Coded for Commodity {
    fn name(&self) -> &str {
        &self.name
    }
}

/// A borrowed [`Party`]; hashes like it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartyRef<'a> {
    /// See [`Party::code`].
    pub code: &'a str,
    /// See [`Party::name`].
    pub name: &'a str,
}

impl PartyRef<'_> {
    /// The party with its text owned.
    #[must_use]
    pub fn to_party(&self) -> Party {
        Party { code: self.code.to_owned(), name: self.name.to_owned() }
    }
}

impl Equivalent<Party> for PartyRef<'_> {
    fn equivalent(&self, key: &Party) -> bool {
        self.code == key.code && self.name == key.name
    }
}

/// A borrowed [`Commodity`] (owned where the importer had to make up a code); hashes like it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CommodityRef<'a> {
    /// See [`Commodity::code`].
    pub code: Cow<'a, str>,
    /// See [`Commodity::name`].
    pub name: Cow<'a, str>,
}

impl CommodityRef<'_> {
    /// The commodity with its text owned.
    #[must_use]
    pub fn to_commodity(&self) -> Commodity {
        Commodity { code: self.code.clone().into_owned(), name: self.name.clone().into_owned() }
    }
}

impl Equivalent<Commodity> for CommodityRef<'_> {
    fn equivalent(&self, key: &Commodity) -> bool {
        self.code == key.code.as_str() && self.name == key.name.as_str()
    }
}

/// The trade table in columns. Row `i` is `(period[i], reporter[i], …)`; dimension columns
/// hold indexes into the interned lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "DatasetFile", into = "DatasetFile")]
pub struct Dataset {
    reporters: Interner<Party>,
    partners: Interner<Party>,
    commodities: Interner<Commodity>,
    /// Interned: 4 bytes a row.
    period: Periods,
    reporter: Vec<u32>,
    partner: Vec<u32>,
    flow: Vec<Flow>,
    commodity: Vec<u32>,
    value_usd: Vec<f64>,
    /// Range of the periods present, kept up to date as rows are added, so that aggregation
    /// can lay periods out densely without a pass of its own.
    bounds: PeriodBounds,
    /// Growth rates published with some figures, by row.
    published: PublishedChange,
    /// Net weights and supplementary quantities, where the file gives them (a side table:
    /// nothing for rows without them).
    quantities: Quantities,
}

/// The first and last month (as months since year 0) and year of annual records present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeriodBounds {
    /// First and last month with a monthly row, as `year * 12 + month - 1`.
    pub months: Option<(i64, i64)>,
    /// First and last year with an annual row.
    pub years: Option<(i32, i32)>,
    /// Whether a row with a [`Period::Span`] was added.
    pub spans: bool,
}

impl PeriodBounds {
    fn add(&mut self, p: Period) {
        fn widen<T: Ord + Copy>(b: &mut Option<(T, T)>, v: T) {
            *b = Some(b.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        }
        match p {
            Period::Month(m) => widen(&mut self.months, month_number(m)),
            Period::Year(y) => widen(&mut self.years, y),
            Period::Span(_) => self.spans = true,
        }
    }

    fn merge(&mut self, other: Self) {
        if let Some((lo, hi)) = other.months {
            self.add_month_number(lo);
            self.add_month_number(hi);
        }
        if let Some((lo, hi)) = other.years {
            self.add(Period::Year(lo));
            self.add(Period::Year(hi));
        }
        self.spans |= other.spans;
    }

    fn add_month_number(&mut self, n: i64) {
        self.months = Some(self.months.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))));
    }
}

/// Months since year 0: `year * 12 + month - 1`.
#[must_use]
pub fn month_number(m: YearMonth) -> i64 {
    i64::from(m.year) * 12 + i64::from(m.month) - 1
}

/// The columns of a dataset, borrowed, for passes over every row.
#[derive(Clone, Copy, Debug)]
pub struct Columns<'a> {
    /// Periods (interned; indexed like a slice).
    pub period: PeriodColumn<'a>,
    /// Reporter indexes.
    pub reporter: &'a [u32],
    /// Partner indexes.
    pub partner: &'a [u32],
    /// Flows.
    pub flow: &'a [Flow],
    /// Commodity indexes.
    pub commodity: &'a [u32],
    /// Values, US dollars.
    pub value_usd: &'a [f64],
}

/// A borrowed view of one row.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// Month or year.
    pub period: Period,
    /// Index into [`Dataset::reporters`].
    pub reporter: u32,
    /// Index into [`Dataset::partners`].
    pub partner: u32,
    /// Direction.
    pub flow: Flow,
    /// Index into [`Dataset::commodities`].
    pub commodity: u32,
    /// Value in US dollars.
    pub value_usd: f64,
    /// The dataset the indexes point into.
    pub dataset: &'a Dataset,
}

impl Dataset {
    /// Adds one record.
    pub fn push(&mut self, record: Record) {
        let Record { period, reporter, partner, flow, commodity, value_usd } = record;
        self.bounds.add(period);
        self.period.push(period);
        self.reporter.push(self.reporters.intern(reporter));
        self.partner.push(self.partners.intern(partner));
        self.flow.push(flow);
        self.commodity.push(self.commodities.intern(commodity));
        self.value_usd.push(value_usd);
    }

    /// Lists a commodity that no row has: a source that holds the commodities only summed
    /// (a ClickHouse table held per month, reporter, partner and flow, docs/clickhouse.md)
    /// still names them, for the commodity search; their figures are asked of it. Listed
    /// once, like a row's commodity.
    pub fn list_commodity(&mut self, commodity: Commodity) {
        self.commodities.intern(commodity);
    }

    /// Adds one record given with borrowed text.
    pub fn push_ref(&mut self, record: &RecordRef<'_>) {
        self.bounds.add(record.period);
        self.period.push(record.period);
        let (r, p, c) = (&record.reporter, &record.partner, &record.commodity);
        self.reporter.push(self.reporters.intern_coded(r.code, r.name, r, PartyRef::to_party));
        self.partner.push(self.partners.intern_coded(p.code, p.name, p, PartyRef::to_party));
        self.flow.push(record.flow);
        self.commodity.push(self.commodities.intern_coded(&c.code, &c.name, c, CommodityRef::to_commodity));
        self.value_usd.push(record.value_usd);
    }

    /// Moves the rows of `other` to the end of this dataset, re-interning its dimensions.
    pub fn append(&mut self, mut other: Self) {
        let taken = other.take_rows(&mut Handed::default());
        self.append_taken(taken, &mut IdMap::default());
    }

    /// Appends `rows` (with ids of their own interned values), their ids mapped by `map`.
    fn extend_mapped(&mut self, rows: Self, map: &IdMap) {
        self.bounds.merge(rows.bounds);
        self.published.append(self.len(), rows.published);
        self.quantities.append(self.len(), &rows.quantities);
        self.period.ids.extend(rows.period.ids.iter().map(|&i| map.periods[i as usize]));
        self.reporter.extend(rows.reporter.iter().map(|&i| map.reporters[i as usize]));
        self.partner.extend(rows.partner.iter().map(|&i| map.partners[i as usize]));
        self.flow.extend_from_slice(&rows.flow);
        self.commodity.extend(rows.commodity.iter().map(|&i| map.commodities[i as usize]));
        self.value_usd.extend_from_slice(&rows.value_usd);
    }

    /// Removes the rows at `sorted` (indexes in increasing order, each at most once); the
    /// others keep their order. Interned values stay (a removed row's partner is still listed).
    pub fn remove_rows(&mut self, sorted: &[usize]) {
        if sorted.is_empty() {
            return;
        }
        fn drop_from<T: Copy>(col: &mut Vec<T>, sorted: &[usize]) {
            let mut next = sorted.iter().copied().peekable();
            let mut write = 0;
            for read in 0..col.len() {
                if next.peek() == Some(&read) {
                    next.next();
                    continue;
                }
                col[write] = col[read];
                write += 1;
            }
            col.truncate(write);
        }
        self.published.remove_rows(sorted);
        self.quantities.remove_rows(sorted);
        drop_from(&mut self.period.ids, sorted);
        drop_from(&mut self.reporter, sorted);
        drop_from(&mut self.partner, sorted);
        drop_from(&mut self.flow, sorted);
        drop_from(&mut self.commodity, sorted);
        drop_from(&mut self.value_usd, sorted);
    }

    /// Makes room for `additional` more rows.
    pub fn reserve(&mut self, additional: usize) {
        self.period.ids.reserve(additional);
        self.reporter.reserve(additional);
        self.partner.reserve(additional);
        self.flow.reserve(additional);
        self.commodity.reserve(additional);
        self.value_usd.reserve(additional);
    }

    /// Keeps the growth rate published with row `row`'s figure, as a percent change on the
    /// same period a year earlier (a published "118.6%" is `18.6`).
    pub fn set_published_change(&mut self, row: usize, pct: f64) {
        if row < self.len() && pct.is_finite() {
            self.published.set(row, pct);
        }
    }

    /// The growth rate published with row `row`'s figure, percent change on a year earlier.
    #[must_use]
    pub fn published_change(&self, row: usize) -> Option<f64> {
        self.published.get(row)
    }

    /// Every row with a published growth rate and the rate, in row order.
    #[must_use]
    pub fn published_changes(&self) -> &[(u32, f64)] {
        self.published.entries()
    }

    /// Sets row `row`'s net weight and supplementary quantity (figures that are zero or not
    /// finite are unknown).
    pub fn set_quantity(&mut self, row: usize, q: &RowQuantity<'_>) {
        if row < self.len() {
            self.quantities.set(row, q);
        }
    }

    /// The quantity columns; `None` when no row has a quantity.
    #[must_use]
    pub fn quantities(&self) -> Option<QuantityColumns<'_>> {
        (!self.quantities.is_empty()).then(|| self.quantities.columns())
    }

    /// Frees spare room in the columns (after loading, when no more rows come).
    pub fn shrink_to_fit(&mut self) {
        self.quantities.shrink_to_fit();
        self.period.ids.shrink_to_fit();
        self.reporter.shrink_to_fit();
        self.partner.shrink_to_fit();
        self.flow.shrink_to_fit();
        self.commodity.shrink_to_fit();
        self.value_usd.shrink_to_fit();
    }

    /// Frees spare room when more than a tenth of the columns is unused (a copy; below that
    /// the copy costs more than the room is worth).
    pub fn shrink_if_spare(&mut self) {
        if self.value_usd.capacity() > self.len() + self.len() / 10 + 1024 {
            self.shrink_to_fit();
        } else {
            self.quantities.shrink_if_spare();
        }
    }

    /// Bytes held by the columns and the interned values (an estimate of the heap it uses).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let text = |s: &String| s.capacity();
        self.period.ids.capacity() * 4
            + self.period.values.items.len() * std::mem::size_of::<Period>()
            + (self.reporter.capacity() + self.partner.capacity() + self.commodity.capacity()) * 4
            + self.flow.capacity()
            + self.value_usd.capacity() * 8
            + self.quantities.heap_bytes()
            + self
                .reporters
                .items
                .iter()
                .chain(&self.partners.items)
                .map(|p| text(&p.code) + text(&p.name) + 96)
                .sum::<usize>()
            + self.commodities.items.iter().map(|c| text(&c.code) + text(&c.name) + 96).sum::<usize>()
    }

    /// The columns, for passes over every row.
    #[must_use]
    pub fn columns(&self) -> Columns<'_> {
        Columns {
            period: self.period.column(),
            reporter: &self.reporter,
            partner: &self.partner,
            flow: &self.flow,
            commodity: &self.commodity,
            value_usd: &self.value_usd,
        }
    }

    /// The range of periods present.
    #[must_use]
    pub fn period_bounds(&self) -> PeriodBounds {
        self.bounds
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.value_usd.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.value_usd.is_empty()
    }

    /// Every distinct reporter, in order of first appearance.
    #[must_use]
    pub fn reporters(&self) -> &[Party] {
        &self.reporters.items
    }

    /// Every distinct partner, in order of first appearance.
    #[must_use]
    pub fn partners(&self) -> &[Party] {
        &self.partners.items
    }

    /// Every distinct commodity, in order of first appearance.
    #[must_use]
    pub fn commodities(&self) -> &[Commodity] {
        &self.commodities.items
    }

    /// Row `i`. Panics when out of range, like slice indexing.
    #[must_use]
    pub fn row(&self, i: usize) -> Row<'_> {
        Row {
            period: self.period.column()[i],
            reporter: self.reporter[i],
            partner: self.partner[i],
            flow: self.flow[i],
            commodity: self.commodity[i],
            value_usd: self.value_usd[i],
            dataset: self,
        }
    }

    /// All rows in order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Row `i` with its dimensions spelled out.
    #[must_use]
    pub fn record(&self, i: usize) -> Record {
        let r = self.row(i);
        Record {
            period: r.period,
            reporter: self.reporters.items[r.reporter as usize].clone(),
            partner: self.partners.items[r.partner as usize].clone(),
            flow: r.flow,
            commodity: self.commodities.items[r.commodity as usize].clone(),
            value_usd: r.value_usd,
        }
    }

    /// First and last month with monthly data, if any.
    #[must_use]
    pub fn month_span(&self) -> Option<(YearMonth, YearMonth)> {
        let mut months = self.period.column().iter().filter_map(|p| match p {
            Period::Month(m) => Some(*m),
            Period::Year(_) | Period::Span(_) => None,
        });
        let first = months.next()?;
        Some(months.fold((first, first), |(lo, hi), m| (lo.min(m), hi.max(m))))
    }
}

impl FromIterator<Record> for Dataset {
    fn from_iter<I: IntoIterator<Item = Record>>(iter: I) -> Self {
        let mut d = Self::default();
        for r in iter {
            d.push(r);
        }
        d
    }
}

/// How an embedded dataset is written in a workspace file: the records, one per row.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct DatasetFile {
    records: Vec<Record>,
}

impl From<DatasetFile> for Dataset {
    fn from(file: DatasetFile) -> Self {
        file.records.into_iter().collect()
    }
}

impl From<Dataset> for DatasetFile {
    fn from(d: Dataset) -> Self {
        Self { records: (0..d.len()).map(|i| d.record(i)).collect() }
    }
}

#[cfg(test)]
mod tests;
