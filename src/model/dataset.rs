//! The trade table: one row per (period, reporter, partner, flow, commodity) value, stored in
//! columns, with reporters, partners and commodities interned once.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::period::YearMonth;

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

/// The time a value covers: a calendar month, or a whole year for annual records
/// (Comtrade `freqCode` A). Annual records are never spread over months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Period {
    /// A calendar month.
    Month(YearMonth),
    /// A whole calendar year.
    Year(i32),
}

impl Period {
    /// The calendar year the period lies in.
    #[must_use]
    pub fn year(self) -> i32 {
        match self {
            Self::Month(m) => m.year,
            Self::Year(y) => y,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Month(m) => m.fmt(f),
            Self::Year(y) => write!(f, "{y}"),
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

/// Values interned once; rows refer to them by index.
#[derive(Clone, Debug)]
struct Interner<T> {
    items: Vec<T>,
    index: HashMap<T, u32>,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Self { items: Vec::new(), index: HashMap::new() }
    }
}

/// Two interners are equal when they hold the same values in the same order.
impl<T: PartialEq> PartialEq for Interner<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    fn intern(&mut self, item: T) -> u32 {
        if let Some(&id) = self.index.get(&item) {
            return id;
        }
        let id = u32::try_from(self.items.len()).expect("fewer than 4 billion distinct values");
        self.items.push(item.clone());
        self.index.insert(item, id);
        id
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
    period: Vec<Period>,
    reporter: Vec<u32>,
    partner: Vec<u32>,
    flow: Vec<Flow>,
    commodity: Vec<u32>,
    value_usd: Vec<f64>,
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
        self.period.push(period);
        self.reporter.push(self.reporters.intern(reporter));
        self.partner.push(self.partners.intern(partner));
        self.flow.push(flow);
        self.commodity.push(self.commodities.intern(commodity));
        self.value_usd.push(value_usd);
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
            period: self.period[i],
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
        let mut months = self.period.iter().filter_map(|p| match p {
            Period::Month(m) => Some(*m),
            Period::Year(_) => None,
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
mod tests {
    use super::*;

    fn rec(m: u8, flow: Flow, v: f64) -> Record {
        Record {
            period: Period::Month(YearMonth::new(2018, m).unwrap()),
            reporter: Party { code: "BLR".into(), name: "Belarus".into() },
            partner: Party { code: "KAZ".into(), name: "Kazakhstan".into() },
            flow,
            commodity: Commodity { code: "TOTAL".into(), name: String::new() },
            value_usd: v,
        }
    }

    #[test]
    fn interns_dimensions_once_and_keeps_rows() {
        let d: Dataset = [rec(1, Flow::Export, 1.0), rec(2, Flow::Import, 2.0), rec(3, Flow::Export, 3.0)]
            .into_iter()
            .collect();
        assert_eq!(d.len(), 3);
        assert_eq!(d.reporters().len(), 1);
        assert_eq!(d.partners().len(), 1);
        assert_eq!(d.record(1), rec(2, Flow::Import, 2.0));
        assert_eq!(
            d.month_span(),
            Some((YearMonth::new(2018, 1).unwrap(), YearMonth::new(2018, 3).unwrap()))
        );
    }

    #[test]
    fn party_matches_code_or_name_ignoring_case() {
        let p = Party { code: "BLR".into(), name: "Belarus".into() };
        assert!(p.matches("blr"));
        assert!(p.matches(" BELARUS "));
        assert!(!p.matches("Bel"));
        assert!(!p.matches(""));
        assert!(Party { code: "0".into(), name: "World".into() }.is_world());
    }

    #[test]
    fn flow_parses_the_words_files_use() {
        assert_eq!(Flow::parse("Export"), Some(Flow::Export));
        assert_eq!(Flow::parse("imports"), Some(Flow::Import));
        assert_eq!(Flow::parse("turnover"), Some(Flow::Turnover));
        assert_eq!(Flow::parse("re-export"), None);
    }
}
