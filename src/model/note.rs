//! Text the model writes, as data: a message id (`targets.ftl`, `chart.ftl`) and its values,
//! written out in the reader's language only when shown. Used for a target's notes and period
//! labels, and for the chart table's series names and row labels.
//!
//! **Decision:** [`evaluate`](crate::model::target::evaluate) returns structured notes
//! ([`TargetStatus::explanation`](crate::model::target::TargetStatus::explanation),
//! [`Current::period`](crate::model::target::Current::period)); the Targets tab renders them
//! with [`Note::text`] in the window's language. Likewise
//! [`ViewTable::column_titles`](crate::model::table::ViewTable::column_titles) and
//! [`ViewTable::row_titles`](crate::model::table::ViewTable::row_titles) beside the English
//! `Column::name` and `Row::label`. The English strings `TargetStatus::notes` and
//! `Current::label` are the same notes rendered in English, kept for `tradedash targets` (its
//! text output is English byte for byte what it was; `--json` carries no note text at all, so
//! it cannot change) and for the briefing, which have their own language work.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{self, FluentArgs, FluentValue, Lang, chart_text};
use crate::model::chart::Measure;
use crate::model::format;
use crate::model::period::{MonthRange, YearMonth};
use crate::model::target::{CurrentBasis, ReportedRef, TargetMeasure};

/// One value of a note, written in the reader's language when the note is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// Text as typed by the user (a source, a scope): never translated.
    Text(String),
    /// A year: never grouped ("2018", not "2 018").
    Year(i32),
    /// A count: a Fluent number, so it selects plural forms.
    Count(u64),
    /// US dollars: "$690 million", "690 млн долл. США".
    Usd(f64),
    /// A growth rate as a fraction: "+18.6%".
    Growth(f64),
    /// A plain number with this many decimals: "12.3", "12,3".
    Decimal(f64, usize),
    /// Months: "Jan–Jul 2018", "январь–июль 2018".
    Range(MonthRange),
    /// A reported figure's period: its year when it is a calendar year, else its months.
    Period(MonthRange),
    /// Months in order, consecutive ones run together: "Feb–Mar 2018, Nov 2018".
    Months(Vec<YearMonth>),
    /// A measure's name ("Turnover"), or in lower case within a sentence.
    Measure(TargetMeasure, bool),
    /// A current basis ("Year to date").
    Basis(CurrentBasis),
    /// Where a reported figure was published and whose statistics it is.
    Source(ReportedRef),
    /// A chart measure's name ("Exports", "Экспорт").
    ChartMeasure(Measure),
    /// A month in the table's short form: "Jul 2018", "июл. 2018".
    Month(YearMonth),
    /// A month's short name: "Jan", "янв.".
    MonthShort(u8),
    /// Another note, written in the same language (a clause of this one).
    Note(Box<Note>),
}

/// A note or label: a message of `targets.ftl` with its values, or plain text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The message id; empty for [`Note::plain`].
    pub id: String,
    /// The message's variables.
    pub args: Vec<(String, Arg)>,
}

impl Note {
    /// The message `id` without variables.
    #[must_use]
    pub fn new(id: &str) -> Self {
        Self { id: id.to_owned(), args: Vec::new() }
    }

    /// Text shown the same in every language (a year, nothing).
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self::value(Arg::Text(text.into()))
    }

    /// One value on its own, written in the reader's language ("Jan–Jul 2018").
    #[must_use]
    pub fn value(arg: Arg) -> Self {
        Self { id: String::new(), args: vec![(String::new(), arg)] }
    }

    /// Adds the variable `name`.
    #[must_use]
    pub fn with(mut self, name: &str, value: Arg) -> Self {
        self.args.push((name.to_owned(), value));
        self
    }

    /// The note in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        if self.id.is_empty() {
            return self.args.iter().map(|(_, a)| arg_text(lang, a)).collect();
        }
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v = match value {
                // Numbers stay Fluent numbers for plural selection and the language's digits.
                #[allow(clippy::cast_precision_loss)] // counts of months: exact
                Arg::Count(n) => FluentValue::from(*n as f64),
                other => FluentValue::from(arg_text(lang, other)),
            };
            args.set(name.clone(), v);
        }
        i18n::tr_args(lang, &self.id, Some(&args))
    }
}

impl fmt::Display for Note {
    /// The note in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A measure's name in `lang`: "Turnover", "Товарооборот".
#[must_use]
pub fn measure_label(lang: Lang, m: TargetMeasure) -> String {
    i18n::tr(
        lang,
        match m {
            TargetMeasure::Turnover => "target-measure-turnover",
            TargetMeasure::Exports => "target-measure-exports",
            TargetMeasure::Imports => "target-measure-imports",
        },
    )
}

/// A basis's name in `lang`: "Year to date", "С начала года".
#[must_use]
pub fn basis_label(lang: Lang, b: CurrentBasis) -> String {
    i18n::tr(
        lang,
        match b {
            CurrentBasis::LastFullYear => "target-basis-last-full-year",
            CurrentBasis::YearToDate => "target-basis-ytd",
            CurrentBasis::YtdAnnualised => "target-basis-ytd-annualised",
            CurrentBasis::Rolling12 => "target-basis-rolling",
        },
    )
}

/// "law.by, legal news; statistics of Belarus" in `lang`.
#[must_use]
pub fn source_text(lang: Lang, r: &ReportedRef) -> String {
    let mut parts = vec![r.source.trim().to_owned()];
    if !r.statistics_of.is_empty() {
        parts.push(crate::tr!(lang, "reported-statistics-of", name = r.statistics_of.clone()));
    }
    parts.retain(|p| !p.is_empty());
    parts.join("; ")
}

/// A reported figure's period in `lang`: "2018", "Jan–Jun 2019", "январь–июнь 2019".
#[must_use]
pub fn period_text(lang: Lang, span: MonthRange) -> String {
    if span.start.month == 1 && span.end.month == 12 && span.start.year == span.end.year {
        span.start.year.to_string()
    } else {
        chart_text::span(lang, span)
    }
}

/// Months in order, consecutive ones run together, in `lang`.
#[must_use]
pub fn months_text(lang: Lang, months: &[YearMonth]) -> String {
    let mut runs: Vec<MonthRange> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some(r) if r.end.succ() == m => r.end = m,
            _ => runs.push(MonthRange::new(m, m)),
        }
    }
    runs.into_iter().map(|r| chart_text::span(lang, r)).collect::<Vec<_>>().join(", ")
}

fn arg_text(lang: Lang, arg: &Arg) -> String {
    match arg {
        Arg::Text(t) => t.clone(),
        Arg::Year(y) => y.to_string(),
        Arg::Count(n) => i18n::format::count(lang, *n),
        Arg::Usd(v) => format::usd_in(lang, *v),
        Arg::Growth(g) => format::pct_change_in(lang, *g),
        Arg::Decimal(v, digits) => {
            let sign = if *v < 0.0 { "−" } else { "" };
            format!("{sign}{}", i18n::format::decimal(lang, *v, *digits))
        }
        Arg::Range(r) => chart_text::span(lang, *r),
        Arg::Period(r) => period_text(lang, *r),
        Arg::Months(m) => months_text(lang, m),
        Arg::Measure(m, lower) => {
            let label = measure_label(lang, *m);
            if *lower { label.to_lowercase() } else { label }
        }
        Arg::Basis(b) => basis_label(lang, *b),
        Arg::Source(r) => source_text(lang, r),
        Arg::ChartMeasure(m) => chart_text::measure(lang, *m),
        Arg::Month(m) => {
            if lang == Lang::En {
                m.label()
            } else {
                format::month_year(lang, m.year, m.month, format::MonthStyle::Short)
            }
        }
        Arg::MonthShort(m) => {
            if lang == Lang::En {
                YearMonth { year: 2000, month: *m }.month_abbr().to_owned()
            } else {
                i18n::format::month_name(lang, *m, format::MonthStyle::Short).unwrap_or_else(|| m.to_string())
            }
        }
        Arg::Note(n) => n.text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_written_in_each_language() {
        let n = Note::new("note-current-part-year")
            .with("year", Arg::Year(2018))
            .with("months", Arg::Count(11))
            .with("missing", Arg::Months(vec![YearMonth { year: 2018, month: 3 }]));
        assert_eq!(n.to_string(), "Current: 2018, 11 months; missing: Mar 2018 (left out of the total).");
        let ru = n.text(Lang::Ru);
        assert!(ru.contains("2018") && !ru.contains("2 018") && ru.contains("март"), "{ru}");
        assert!(n.text(Lang::Kk).contains("наурыз"), "{}", n.text(Lang::Kk));
        assert_eq!(Note::plain("2017").text(Lang::Ru), "2017");
    }
}
