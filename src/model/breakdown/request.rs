//! What a breakdown is asked for: by what, at which level, over which period, for whom.

use serde::{Deserialize, Serialize};

use crate::model::dataset::Flow;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Selection;

/// What the trade is broken down by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum By {
    /// Commodities at a [`Level`].
    #[default]
    Commodity,
    /// Partner countries (never World).
    Partner,
}

/// The commodity level of a breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    /// The 21 HS sections (I–XXI), from the chapters.
    Section,
    /// Codes cut to this many digits: 2 (HS chapters, SITC divisions), 4 (headings), 6
    /// (subheadings); 1 for SITC sections.
    Digits(u8),
}

impl Default for Level {
    fn default() -> Self {
        Self::Digits(2)
    }
}

impl Level {
    /// The next level down, for drilling into an item: section → chapter → heading →
    /// subheading; `None` below six digits.
    #[must_use]
    pub fn finer(self) -> Option<Self> {
        match self {
            Self::Section => Some(Self::Digits(2)),
            Self::Digits(d) if d < 6 => Some(Self::Digits(if d < 2 { 2 } else { d + 2 })),
            Self::Digits(_) => None,
        }
    }

    /// Parses `section`, `1`, `2`, `4`, `6`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "section" | "sections" => Some(Self::Section),
            "1" => Some(Self::Digits(1)),
            "2" => Some(Self::Digits(2)),
            "4" => Some(Self::Digits(4)),
            "6" => Some(Self::Digits(6)),
            _ => None,
        }
    }

    /// `section`, `2`, `4`, `6`: as `--level` takes it.
    #[must_use]
    pub fn as_arg(self) -> String {
        match self {
            Self::Section => "section".to_owned(),
            Self::Digits(d) => d.to_string(),
        }
    }
}

/// The period a breakdown covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodChoice {
    /// A calendar year: its months, or the annual records where the year has no months.
    Year(i32),
    /// A range of months (a year to date, "the months shown").
    Months(MonthRange),
}

impl PeriodChoice {
    /// The months covered (a year is January to December).
    #[must_use]
    pub fn months(self) -> MonthRange {
        match self {
            Self::Year(y) => {
                MonthRange { start: YearMonth { year: y, month: 1 }, end: YearMonth { year: y, month: 12 } }
            }
            Self::Months(r) => r,
        }
    }

    /// The same period a year earlier.
    #[must_use]
    pub fn year_earlier(self) -> Self {
        match self {
            Self::Year(y) => Self::Year(y - 1),
            Self::Months(r) => {
                Self::Months(MonthRange { start: r.start.year_earlier(), end: r.end.year_earlier() })
            }
        }
    }

    /// "2019", "Jan–Jul 2019".
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::Months(r) => r.label(),
        }
    }
}

impl Request {
    /// The rows the breakdown needs of a data source that filters and sums where the data
    /// lives (a ClickHouse table, docs/clickhouse.md): the selection's reporter, its partner
    /// (not for a partner ranking, which ranks them all), every commodity (TOTAL rows are what
    /// is "not broken down", so the prefix and the products are applied by the engine), and the
    /// months of the period with the same months a year earlier. [`super::breakdown`] of those
    /// rows, summed per (month, reporter, partner, flow, commodity), is the breakdown of all.
    #[must_use]
    pub fn rows_selection(&self) -> Selection {
        let mut rows = self.selection.clone();
        if self.by == By::Partner {
            rows.partner = None;
        }
        rows.commodity = None;
        rows.compare.clear();
        let months = self.period.months();
        rows.range = Some(MonthRange::new(self.period.year_earlier().months().start, months.end));
        rows
    }

    /// The products covered, trimmed, without empty codes and codes under another one listed.
    #[must_use]
    pub fn products(&self) -> Vec<String> {
        let codes: Vec<String> =
            self.products.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
        let mut kept: Vec<String> = codes
            .iter()
            .filter(|c| !codes.iter().any(|o| o != *c && c.starts_with(o.as_str())))
            .cloned()
            .collect();
        kept.sort();
        kept.dedup();
        kept
    }
}

/// A breakdown to compute.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Request {
    /// Commodities or partners.
    pub by: By,
    /// Commodity level (for [`By::Commodity`]).
    pub level: Level,
    /// Exports, imports, or turnover (exports and imports together).
    pub flow: Flow,
    /// The period.
    pub period: PeriodChoice,
    /// Items listed before "other"; 0 for all.
    pub top: usize,
    /// Products covered ("03", "16": a visit's stop), instead of the selection's commodity;
    /// empty for the selection's. A code under another one listed is dropped (never counted twice).
    pub products: Vec<String>,
    /// Reporter, partner and commodity prefix (its range is not used: the period is). For a
    /// partner ranking the partner is not used; for a commodity breakdown the commodity
    /// prefix narrows the items ("04" at level 4: the headings of chapter 04).
    pub selection: Selection,
}
