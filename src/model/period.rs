//! Calendar months and their formatting ("2018-07", "Jul 2018", "Jan–Jul 2018").

use std::fmt;

use serde::{Deserialize, Serialize};

mod span;
pub use span::{MONTH_WORDS, ParseSpanError, SPAN_FORMS, month_from_word, parse_span};

/// Short English month names, index 0 = January.
pub const MONTH_ABBR: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A calendar month. Ordered chronologically; serialised as `"2018-07"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    /// Calendar year, e.g. 2018.
    pub year: i32,
    /// Month, 1 = January … 12 = December.
    pub month: u8,
}

/// Why a text is not a month.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a month as YYYY-MM (e.g. 2018-07), found {found:?}")]
pub struct ParsePeriodError {
    /// The text that was not understood.
    pub found: String,
}

impl YearMonth {
    /// A month, or `None` when `month` is not 1..=12 or the year is outside 1900..=2200.
    #[must_use]
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (1900..=2200).contains(&year)).then_some(Self { year, month })
    }

    /// Parses `YYYY-MM` and the compact `YYYYMM` that Comtrade uses in its `period` column.
    ///
    /// # Errors
    /// When the text is neither form or the month is out of range.
    pub fn parse(text: &str) -> Result<Self, ParsePeriodError> {
        let t = text.trim();
        let err = || ParsePeriodError { found: text.to_owned() };
        let (y, m) = if let Some((y, m)) = t.split_once('-') {
            (y, m)
        } else if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.split_at(4)
        } else {
            return Err(err());
        };
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        Self::new(year, month).ok_or_else(err)
    }

    /// Months since year 0; handy for differences and plot x coordinates.
    #[must_use]
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// Inverse of [`YearMonth::index`].
    #[must_use]
    pub fn from_index(index: i32) -> Self {
        let year = index.div_euclid(12);
        // rem_euclid(12) is 0..=11, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let month = index.rem_euclid(12) as u8 + 1;
        Self { year, month }
    }

    /// The month after this one.
    #[must_use]
    pub fn succ(self) -> Self {
        Self::from_index(self.index() + 1)
    }

    /// The same month a year earlier.
    #[must_use]
    pub fn year_earlier(self) -> Self {
        Self { year: self.year - 1, month: self.month }
    }

    /// "Jul" for July.
    #[must_use]
    pub fn month_abbr(self) -> &'static str {
        MONTH_ABBR[usize::from(self.month - 1)]
    }

    /// "Jul 2018".
    #[must_use]
    pub fn label(self) -> String {
        format!("{} {}", self.month_abbr(), self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = ParsePeriodError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<YearMonth> for String {
    fn from(value: YearMonth) -> Self {
        value.to_string()
    }
}

/// An inclusive range of months, `start <= end`. Ordered by start, then end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MonthRange {
    /// First month in the range.
    pub start: YearMonth,
    /// Last month in the range (inclusive).
    pub end: YearMonth,
}

impl MonthRange {
    /// A range; the ends are swapped when given in reverse.
    #[must_use]
    pub fn new(a: YearMonth, b: YearMonth) -> Self {
        if a <= b { Self { start: a, end: b } } else { Self { start: b, end: a } }
    }

    /// Whether `m` lies in the range.
    #[must_use]
    pub fn contains(self, m: YearMonth) -> bool {
        self.start <= m && m <= self.end
    }

    /// Number of months in the range.
    #[must_use]
    pub fn len_months(self) -> usize {
        usize::try_from(self.end.index() - self.start.index() + 1).unwrap_or(0)
    }

    /// Whether the range starts in January and ends in the same year: a cumulative figure
    /// ("January–July"), as statistics offices publish them.
    #[must_use]
    pub fn is_cumulative(self) -> bool {
        self.start.month == 1 && self.start.year == self.end.year
    }

    /// Whether the range is one whole calendar year.
    #[must_use]
    pub fn is_calendar_year(self) -> bool {
        self.is_cumulative() && self.end.month == 12
    }

    /// Whether the range is one calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).
    #[must_use]
    pub fn is_quarter(self) -> bool {
        self.start.year == self.end.year
            && self.start.month % 3 == 1
            && self.end.month == self.start.month + 2
    }

    /// Every month from start to end.
    pub fn iter(self) -> impl Iterator<Item = YearMonth> {
        (self.start.index()..=self.end.index()).map(YearMonth::from_index)
    }

    /// Analyst's label: "Jan–Jul 2018", "Nov 2017–Feb 2018", "Jul 2018".
    #[must_use]
    pub fn label(self) -> String {
        if self.start == self.end {
            self.start.label()
        } else if self.start.year == self.end.year {
            format!("{}–{} {}", self.start.month_abbr(), self.end.month_abbr(), self.end.year)
        } else {
            format!("{}–{}", self.start.label(), self.end.label())
        }
    }
}

/// "Feb 2018", "Feb–Mar 2018, Nov 2018": months in order, consecutive ones run together.
#[must_use]
pub fn months_list(months: &[YearMonth]) -> String {
    let mut runs: Vec<MonthRange> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some(r) if r.end.succ() == m => r.end = m,
            _ => runs.push(MonthRange::new(m, m)),
        }
    }
    runs.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms_and_rejects_nonsense() {
        assert_eq!(YearMonth::parse("2018-07"), Ok(YearMonth { year: 2018, month: 7 }));
        assert_eq!(YearMonth::parse("201807"), Ok(YearMonth { year: 2018, month: 7 }));
        assert_eq!(YearMonth::parse(" 2018-7 "), Ok(YearMonth { year: 2018, month: 7 }));
        for bad in ["2018-13", "2018-00", "18-07", "2018", "July 2018", "", "2018-07-01", "201852"] {
            assert!(YearMonth::parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn index_round_trips_and_orders() {
        let m = YearMonth { year: 2017, month: 12 };
        assert_eq!(m.succ(), YearMonth { year: 2018, month: 1 });
        assert_eq!(YearMonth::from_index(m.index()), m);
        assert_eq!(m.succ().year_earlier(), YearMonth { year: 2017, month: 1 });
        assert!(YearMonth { year: 2017, month: 12 } < YearMonth { year: 2018, month: 1 });
    }

    #[test]
    fn labels_read_like_an_analyst_writes_them() {
        let jan = YearMonth { year: 2018, month: 1 };
        let jul = YearMonth { year: 2018, month: 7 };
        assert_eq!(jul.to_string(), "2018-07");
        assert_eq!(jul.label(), "Jul 2018");
        assert_eq!(MonthRange::new(jul, jan).label(), "Jan–Jul 2018");
        assert_eq!(MonthRange::new(jan, jan).label(), "Jan 2018");
        let nov17 = YearMonth { year: 2017, month: 11 };
        assert_eq!(MonthRange::new(nov17, jan).label(), "Nov 2017–Jan 2018");
        assert_eq!(MonthRange::new(jan, jul).len_months(), 7);
        assert_eq!(MonthRange::new(nov17, jan).iter().count(), 3);
    }
}
