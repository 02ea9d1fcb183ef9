//! Whether a period's figures are complete: rows of a file that could not be read (or that
//! conflict with another row for the same key) are charged to the months and years they would
//! have fallen in, so that a total can say "incomplete: N rows of this period could not be
//! read" instead of passing for the whole figure.
//!
//! The import fills a list of [`IncompleteRows`] (one entry per distinct period, reporter,
//! partner, flow and commodity that could be read from the damaged rows, with counts);
//! [`incomplete_counts`] gives, for a selection, the count per month and per year. A row whose
//! reporter, partner or commodity could not be read is counted for every selection, since it
//! may belong to any: the counts err towards "incomplete", never towards "complete".

use std::collections::BTreeMap;

use serde::Serialize;

use super::dataset::{Flow, Party, Period, is_total_code};
use super::period::YearMonth;
use super::query::Selection;

/// Rows of one period (and, where they could be read, one reporter, partner, flow and
/// commodity) that are missing from the figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IncompleteRows {
    /// The month or year the rows would have fallen in.
    pub period: Period,
    /// The reporter, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Party>,
    /// The partner, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<Party>,
    /// The flow, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<Flow>,
    /// The commodity code, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commodity: Option<String>,
    /// Rows skipped because they could not be read.
    pub unreadable: u64,
    /// Rows not used because another row with the same key has a different value.
    pub conflicting: u64,
}

impl IncompleteRows {
    /// Rows missing in all.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.unreadable + self.conflicting
    }

    /// Whether the rows may belong to the selection: every dimension that could be read
    /// matches it (reporter and partner by code or name; the commodity by the selection's
    /// prefix, a `TOTAL` selection taking only totals).
    #[must_use]
    pub fn may_belong_to(&self, sel: &Selection) -> bool {
        // A party read by code only (or name only) may be the one the selection names the
        // other way.
        let party = |p: &Option<Party>, q: &Option<String>| match (p, q) {
            (Some(p), Some(q)) => p.matches(q) || p.code.is_empty() || p.name.is_empty(),
            _ => true,
        };
        let commodity = match (&self.commodity, sel.commodity.as_deref().map(str::trim)) {
            (Some(c), Some(prefix)) if !prefix.is_empty() => {
                if is_total_code(prefix) {
                    is_total_code(c)
                } else {
                    !is_total_code(c) && c.starts_with(prefix)
                }
            }
            _ => true,
        };
        party(&self.reporter, &sel.reporter) && party(&self.partner, &sel.partner) && commodity
    }
}

/// Rows missing per month and per year for one selection; periods not listed are complete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodCounts {
    /// Rows missing from each month (monthly rows only).
    pub months: BTreeMap<YearMonth, u64>,
    /// Rows missing from each year: its months' rows and its annual records' rows.
    pub years: BTreeMap<i32, u64>,
}

impl PeriodCounts {
    /// Rows missing from month `m` (0 when it is complete).
    #[must_use]
    pub fn month(&self, m: YearMonth) -> u64 {
        self.months.get(&m).copied().unwrap_or(0)
    }

    /// Rows missing from year `y` (0 when it is complete).
    #[must_use]
    pub fn year(&self, y: i32) -> u64 {
        self.years.get(&y).copied().unwrap_or(0)
    }

    /// Whether nothing is missing.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.years.is_empty()
    }
}

/// Rows missing from each month and year of the selection (its month range aside: the counts
/// cover every period, as the aggregate does).
#[must_use]
pub fn incomplete_counts(entries: &[IncompleteRows], sel: &Selection) -> PeriodCounts {
    let mut counts = PeriodCounts::default();
    // The entries may hold a key more than once (see [`charge`]): the counts add up either way.
    for e in entries.iter().filter(|e| e.rows() > 0 && e.may_belong_to(sel)) {
        if let Period::Month(m) = e.period {
            *counts.months.entry(m).or_default() += e.rows();
        }
        *counts.years.entry(e.period.year()).or_default() += e.rows();
    }
    counts
}

/// A party by (code, name), borrowed.
type PartyKey<'a> = Option<(&'a str, &'a str)>;

/// An entry's key: period, reporter, partner, flow, commodity.
fn key(e: &IncompleteRows) -> (Period, PartyKey<'_>, PartyKey<'_>, Option<Flow>, Option<&str>) {
    fn party(p: Option<&Party>) -> PartyKey<'_> {
        p.map(|p| (p.code.as_str(), p.name.as_str()))
    }
    (e.period, party(e.reporter.as_ref()), party(e.partner.as_ref()), e.flow, e.commodity.as_deref())
}

/// Sorts the entries by key and merges those with the same key (their counts added).
pub fn merge_entries(entries: &mut Vec<IncompleteRows>) {
    entries.sort_by(|a, b| key(a).cmp(&key(b)));
    entries.dedup_by(|later, kept| {
        let same = key(later) == key(kept);
        if same {
            kept.unreadable += later.unreadable;
            kept.conflicting += later.conflicting;
        }
        same
    });
}

/// Adds an entry to a list that is merged now and then ([`merge_entries`]): memory stays in
/// proportion to the distinct keys, and time to n log n, however many rows are charged.
pub fn charge(entries: &mut Vec<IncompleteRows>, add: IncompleteRows) {
    entries.push(add);
    let n = entries.len();
    if n >= 1024 && n.is_power_of_two() {
        merge_entries(entries);
    }
}

/// Which flows the data holds (moved to the query, which applies it); kept here for callers
/// of the import side.
pub use super::query::{FlowsHeld, flows_held};

#[cfg(test)]
mod tests {
    use super::*;

    fn party(code: &str) -> Option<Party> {
        Some(Party { code: code.into(), name: code.into() })
    }

    fn entry(period: Period, partner: Option<Party>, commodity: Option<&str>, n: u64) -> IncompleteRows {
        IncompleteRows {
            period,
            reporter: party("BLR"),
            partner,
            flow: Some(Flow::Export),
            commodity: commodity.map(str::to_owned),
            unreadable: n,
            conflicting: 0,
        }
    }

    #[test]
    fn counts_per_month_and_year_for_a_selection() {
        let jan = YearMonth::new(2018, 1).unwrap();
        let mut list = Vec::new();
        charge(&mut list, entry(Period::Month(jan), party("KAZ"), Some("04"), 2));
        charge(&mut list, entry(Period::Month(jan), party("KAZ"), Some("04"), 1));
        charge(&mut list, entry(Period::Month(jan), party("RUS"), Some("TOTAL"), 5));
        charge(&mut list, entry(Period::Month(jan), None, None, 7));
        charge(&mut list, entry(Period::Year(2017), party("KAZ"), Some("TOTAL"), 1));
        merge_entries(&mut list);
        assert_eq!(list.len(), 4, "the two KAZ 04 entries are one");
        let all = incomplete_counts(&list, &Selection::default());
        assert_eq!((all.month(jan), all.year(2018), all.year(2017)), (15, 15, 1));
        let kaz = Selection { partner: Some("kaz".into()), ..Selection::default() };
        let c = incomplete_counts(&list, &kaz);
        assert_eq!((c.month(jan), c.year(2018), c.year(2017)), (10, 10, 1), "unknown partner counts too");
        let dairy = Selection { commodity: Some("0401".into()), ..kaz.clone() };
        assert_eq!(incomplete_counts(&list, &dairy).month(jan), 7, "chapter 04 is not heading 0401");
        let total = Selection { commodity: Some("TOTAL".into()), ..kaz };
        assert_eq!(incomplete_counts(&list, &total).year(2017), 1);
        assert_eq!(incomplete_counts(&list, &total).month(jan), 7);
        assert!(incomplete_counts(&[], &Selection::default()).is_complete());
    }
}
