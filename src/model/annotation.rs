//! Dated events drawn on the chart's timeline ("Visit of Kazakhstan's Ambassador, 11–13 Sep 2018").

use std::fmt;

use serde::{Deserialize, Serialize};

use super::period::YearMonth;

/// A day ("2018-09-11") or, when the day is not known, a month ("2018-11").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EventDate {
    /// The month.
    pub month: YearMonth,
    /// Day of the month, when known.
    pub day: Option<u8>,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a date as YYYY-MM-DD or a month as YYYY-MM (e.g. 2018-09-11), found {found:?}")]
pub struct ParseDateError {
    /// The text that was not understood.
    pub found: String,
}

/// Days in a month of the Gregorian calendar.
#[must_use]
pub fn days_in_month(m: YearMonth) -> u8 {
    match m.month {
        4 | 6 | 9 | 11 => 30,
        2 if m.year % 4 == 0 && (m.year % 100 != 0 || m.year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Default for EventDate {
    fn default() -> Self {
        Self { month: YearMonth { year: 2018, month: 1 }, day: None }
    }
}

impl EventDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    ///
    /// # Errors
    /// When the text is neither, or the day does not exist in that month.
    pub fn parse(text: &str) -> Result<Self, ParseDateError> {
        let t = text.trim();
        let err = || ParseDateError { found: text.to_owned() };
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [_, _] => Ok(Self { month: YearMonth::parse(t).map_err(|_| err())?, day: None }),
            [y, m, d] if (1..=2).contains(&d.len()) => {
                let month = YearMonth::parse(&format!("{y}-{m}")).map_err(|_| err())?;
                let day: u8 = d.parse().map_err(|_| err())?;
                if day == 0 || day > days_in_month(month) {
                    return Err(err());
                }
                Ok(Self { month, day: Some(day) })
            }
            _ => Err(err()),
        }
    }

    /// Position on a monthly plot axis, where month `i` spans `i − 0.5 .. i + 0.5`: a day sits
    /// at its place in the month, a month without a day at the middle.
    #[must_use]
    pub fn x_monthly(self) -> f64 {
        let index = f64::from(self.month.index());
        match self.day {
            None => index,
            Some(d) => index - 0.5 + (f64::from(d) - 0.5) / f64::from(days_in_month(self.month)),
        }
    }

    /// Position on a yearly plot axis, where year `y` spans `y − 0.5 .. y + 0.5`.
    #[must_use]
    pub fn x_annual(self) -> f64 {
        let within = self.x_monthly() - f64::from(self.month.index()) + 0.5; // 0..1 in the month
        f64::from(self.month.year) - 0.5 + (f64::from(self.month.month - 1) + within) / 12.0
    }

    /// "11 Sep 2018" or "Nov 2018".
    #[must_use]
    pub fn label(self) -> String {
        match self.day {
            Some(d) => format!("{d} {}", self.month.label()),
            None => self.month.label(),
        }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{}-{d:02}", self.month),
            None => self.month.fmt(f),
        }
    }
}

impl TryFrom<String> for EventDate {
    type Error = ParseDateError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<EventDate> for String {
    fn from(value: EventDate) -> Self {
        value.to_string()
    }
}

/// An event on the timeline, saved in the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotation {
    /// First day (or month) of the event.
    pub start: EventDate,
    /// Last day, for events longer than a day.
    pub end: Option<EventDate>,
    /// What happened ("Visit of Kazakhstan's Ambassador to Brest Oblast").
    pub label: String,
}

impl Annotation {
    /// "11–13 Sep 2018", "Nov 2018", "30 Sep – 2 Oct 2018".
    #[must_use]
    pub fn dates_label(&self) -> String {
        match self.end.filter(|e| *e != self.start) {
            None => self.start.label(),
            Some(e) if e.month == self.start.month && self.start.day.is_some() && e.day.is_some() => {
                format!("{}–{}", self.start.day.unwrap_or(1), e.label())
            }
            Some(e) => format!("{} – {}", self.start.label(), e.label()),
        }
    }

    /// Where the marker goes on a monthly axis: the middle of the event.
    #[must_use]
    pub fn x_monthly(&self) -> f64 {
        let end = self.end.unwrap_or(self.start);
        (self.start.x_monthly() + end.x_monthly()) / 2.0
    }

    /// Where the marker goes on a yearly axis.
    #[must_use]
    pub fn x_annual(&self) -> f64 {
        let end = self.end.unwrap_or(self.start);
        (self.start.x_annual() + end.x_annual()) / 2.0
    }

    /// Whether the event touches the months `from..=to`.
    #[must_use]
    pub fn overlaps(&self, from: YearMonth, to: YearMonth) -> bool {
        let end = self.end.unwrap_or(self.start);
        self.start.month <= to && end.month >= from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> EventDate {
        EventDate::parse(text).unwrap()
    }

    #[test]
    fn dates_parse_and_print_back() {
        assert_eq!(d("2018-09-11").to_string(), "2018-09-11");
        assert_eq!(d("2018-11").to_string(), "2018-11");
        assert_eq!(d(" 2018-9-1 ").label(), "1 Sep 2018");
        for bad in ["2018-02-29", "2018-09-31", "2018-13", "11.09.2018", "", "2018-09-11-1", "2018-09-0"] {
            assert!(EventDate::parse(bad).is_err(), "{bad}");
        }
        assert!(EventDate::parse("2016-02-29").is_ok());
    }

    #[test]
    fn markers_sit_inside_their_month() {
        let sep = f64::from(YearMonth::new(2018, 9).unwrap().index());
        let visit = Annotation { start: d("2018-09-11"), end: Some(d("2018-09-13")), label: "Visit".into() };
        assert_eq!(visit.dates_label(), "11–13 Sep 2018");
        // 12 September: 11.5 of 30 days into the month.
        assert!((visit.x_monthly() - (sep - 0.5 + 11.5 / 30.0)).abs() < 1e-9);
        let commission = Annotation { start: d("2018-11"), end: None, label: "Commission".into() };
        assert_eq!(commission.dates_label(), "Nov 2018");
        assert_eq!(commission.x_monthly(), sep + 2.0);
        assert!((commission.x_annual() - (2018.0 - 0.5 + 10.5 / 12.0)).abs() < 1e-9);
        let ym = |y, m| YearMonth::new(y, m).unwrap();
        assert!(visit.overlaps(ym(2018, 1), ym(2018, 9)));
        assert!(!visit.overlaps(ym(2018, 1), ym(2018, 8)));
        let long = Annotation { start: d("2018-09-30"), end: Some(d("2018-10-02")), label: String::new() };
        assert_eq!(long.dates_label(), "30 Sep 2018 – 2 Oct 2018");
    }
}
