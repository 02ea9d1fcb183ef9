//! Periods longer than a month as statistics offices write them: `январь-июль 2018`,
//! `I квартал 2018`, `9 месяцев 2018`, `қаңтар-шілде 2018`, `Q1 2018`, `H1 2018`, `9M 2018`,
//! and the long format's `2018-01..2018-07`. [`parse_span`] reads them all into a
//! [`MonthRange`]; nothing here spreads a figure over months.

use super::{MonthRange, YearMonth};

/// Month names by their first three letters, index 0 = January: English, Russian, Kazakh,
/// Belarusian. Prefixes are distinct across languages ("май" is Russian May, "мау" Kazakh June).
pub const MONTH_WORDS: [&[&str]; 12] = [
    &["jan", "янв", "қаң", "сту"],
    &["feb", "фев", "ақп", "лют"],
    &["mar", "мар", "нау", "сак"],
    &["apr", "апр", "сәу", "кра"],
    &["may", "мая", "май", "мам", "тра"],
    &["jun", "июн", "мау", "чэр"],
    &["jul", "июл", "шіл", "ліп"],
    &["aug", "авг", "там", "жні"],
    &["sep", "сен", "қыр", "вер"],
    &["oct", "окт", "қаз", "кас"],
    &["nov", "ноя", "қар", "ліс"],
    &["dec", "дек", "жел", "сне"],
];

/// The month a word names ("июль", "янв.", "January", "шілде"), 1 = January.
#[must_use]
pub fn month_from_word(word: &str) -> Option<u8> {
    let w = word.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    // "январь–июль" is two months, not January.
    if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
        return None;
    }
    let prefix: String = w.chars().take(3).collect();
    let found = MONTH_WORDS.iter().position(|names| names.contains(&prefix.as_str()))?;
    u8::try_from(found + 1).ok()
}

/// What the forms accepted look like, for messages.
pub const SPAN_FORMS: &str = "a period such as \"январь-июль 2018\", \"I квартал 2018\", \"1 кв. 2018\", \
     \"I полугодие 2018\", \"9 месяцев 2018\", \"қаңтар-шілде 2018\", \"Jan-Jul 2018\", \"Q1 2018\", \
     \"2018-Q1\", \"H1 2018\", \"9M 2018\" or \"2018-01..2018-07\"";

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected {SPAN_FORMS}; found {found:?}: {why}")]
pub struct ParseSpanError {
    /// The text that was not understood.
    pub found: String,
    /// What is wrong with it.
    pub why: String,
}

/// Reads a period of one or more months (see the module documentation for the forms). A
/// single month (`июль 2018`) gives a one-month range and a bare year (`2018`, `2018 г.`) the
/// whole year; callers turn those into `Period::Month` and `Period::Year`.
///
/// # Errors
/// When the text is none of the forms; the message names the forms and what is wrong.
pub fn parse_span(text: &str) -> Result<MonthRange, ParseSpanError> {
    let err = |why: &str| ParseSpanError { found: text.to_owned(), why: why.to_owned() };
    let t = normalise(text);
    if t.is_empty() {
        return Err(err("the text is empty"));
    }
    if let Some((a, b)) = t.split_once("..") {
        let a = YearMonth::parse(a).map_err(|_| err("the start of a range must be a month as YYYY-MM"))?;
        let b = YearMonth::parse(b).map_err(|_| err("the end of a range must be a month as YYYY-MM"))?;
        if b < a {
            return Err(err("the range ends before it starts"));
        }
        return Ok(MonthRange { start: a, end: b });
    }
    let tokens: Vec<String> = tokens(&t);
    let mut year = None;
    let mut rest: Vec<&str> = Vec::new();
    for tok in &tokens {
        match split_year(tok) {
            Some((y, tail)) => {
                if year.replace(y).is_some() {
                    return Err(err("it names two years; a period here lies within one year"));
                }
                if !tail.is_empty() {
                    rest.push(tail);
                }
            }
            None => rest.push(tok.as_str()),
        }
    }
    let Some(year) = year else { return Err(err("no year (four digits, 1900–2200) in it")) };
    let (from, to) = months_of(&rest).map_err(|why| err(&why))?;
    let (Some(start), Some(end)) = (YearMonth::new(year, from), YearMonth::new(year, to)) else {
        return Err(err("the months are out of range"));
    };
    Ok(MonthRange { start, end })
}

/// Lower case, one kind of dash, no "г."/"года"/"жыл"/"за" around the period.
fn normalise(text: &str) -> String {
    let mut t: String = text
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '–' | '—' | '−' | '‒' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    for prefix in ["за ", "in "] {
        if let Some(s) = t.strip_prefix(prefix) {
            t = s.trim().to_owned();
        }
    }
    loop {
        let before = t.len();
        for suffix in ["года", "год", "г.", "г", "жылы", "жыл", "ж.", "year", "."] {
            if let Some(s) = t.strip_suffix(suffix) {
                t = s.trim_end().to_owned();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Words around a period that say nothing about it ("2018 жылғы", "1-й квартал").
const FILLER: [&str; 8] = ["жылғы", "года", "год", "г", "жыл", "year", "й", "of"];

/// Words of the text: split at spaces and dashes ("январь-июль", "2018-q1", "1-тоқсан").
fn tokens(t: &str) -> Vec<String> {
    t.split([' ', '-', '/', ','])
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(str::to_owned)
        .collect()
}

/// A token that is a year, or starts with one ("2018q1"): the year and what follows it.
fn split_year(tok: &str) -> Option<(i32, &str)> {
    let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let (y, tail) = tok.split_at(4);
    let y: i32 = y.parse().ok()?;
    (1900..=2200).contains(&y).then_some((y, tail))
}

/// A number written in digits or Roman numerals (I–XII).
fn ordinal(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['-', 'й', 'я', 'ы']);
    if let Ok(n) = w.parse::<u8>() {
        return Some(n);
    }
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    // Cyrillic letters that look like the Latin ones, as Russian documents often type them.
    let latin: String = w
        .chars()
        .map(|c| match c {
            'і' => 'i',
            'х' => 'x',
            c => c,
        })
        .collect();
    ROMAN.iter().position(|r| *r == latin).and_then(|i| u8::try_from(i + 1).ok())
}

/// What kind of period a word names after its number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Quarter,
    Half,
    Months,
}

fn unit_word(word: &str) -> Option<Unit> {
    let w = word.trim_end_matches('.');
    if ["кв", "квартал", "тоқсан", "quarter", "qtr", "q"].iter().any(|p| w.starts_with(p)) {
        Some(Unit::Quarter)
    } else if ["полугод", "жартыжыл", "half", "h"].iter().any(|p| w.starts_with(p)) {
        Some(Unit::Half)
    } else if ["мес", "ай", "month", "m"].iter().any(|p| w.starts_with(p)) {
        Some(Unit::Months)
    } else {
        None
    }
}

/// First and last month of `n` of `unit` in a year.
fn unit_months(unit: Unit, n: u8) -> Result<(u8, u8), String> {
    match unit {
        Unit::Quarter if (1..=4).contains(&n) => Ok((n * 3 - 2, n * 3)),
        Unit::Quarter => Err(format!("quarter {n} does not exist (1–4)")),
        Unit::Half if (1..=2).contains(&n) => Ok((n * 6 - 5, n * 6)),
        Unit::Half => Err(format!("half-year {n} does not exist (1–2)")),
        Unit::Months if (1..=12).contains(&n) => Ok((1, n)),
        Unit::Months => Err(format!("{n} months is not a part of a year (1–12)")),
    }
}

/// A compact "q1", "1q", "h2", "9m": the unit letter and the number on either side.
fn compact(word: &str) -> Option<(Unit, u8)> {
    let unit = |c: char| match c {
        'q' | 'к' => Some(Unit::Quarter),
        'h' => Some(Unit::Half),
        'm' | 'м' => Some(Unit::Months),
        _ => None,
    };
    let mut chars = word.chars();
    let first = chars.next()?;
    if let Some(u) = unit(first) {
        return Some((u, chars.as_str().parse().ok()?));
    }
    let last = word.chars().last()?;
    let u = unit(last)?;
    Some((u, word[..word.len() - last.len_utf8()].parse().ok()?))
}

/// The first and last month the words other than the year name.
fn months_of(words: &[&str]) -> Result<(u8, u8), String> {
    match words {
        [] => Ok((1, 12)),
        [one] => {
            if let Some(m) = month_from_word(one) {
                Ok((m, m))
            } else if let Some((unit, n)) = compact(one) {
                unit_months(unit, n)
            } else {
                Err(format!("{one:?} is not a month, quarter, half-year or number of months"))
            }
        }
        [a, b] => {
            if let (Some(from), Some(to)) = (month_from_word(a), month_from_word(b)) {
                if to < from {
                    return Err(format!("the months run backwards ({a} after {b})"));
                }
                Ok((from, to))
            } else if let (Some(n), Some(unit)) = (ordinal(a), unit_word(b)) {
                unit_months(unit, n)
            } else if let (Some(unit), Some(n)) = (unit_word(a), ordinal(b)) {
                unit_months(unit, n)
            } else {
                Err(format!(
                    "{a:?} {b:?} is neither two months nor a number and a quarter, half-year or months"
                ))
            }
        }
        _ => Err("too many words between the period and the year".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(y: i32, a: u8, b: u8) -> MonthRange {
        MonthRange { start: YearMonth { year: y, month: a }, end: YearMonth { year: y, month: b } }
    }

    #[test]
    fn every_form_the_issue_lists() {
        let cases: [(&str, MonthRange); 23] = [
            ("январь-июль 2018", range(2018, 1, 7)),
            ("январь–июль 2018 г.", range(2018, 1, 7)),
            ("янв.-июль 2018", range(2018, 1, 7)),
            ("I полугодие 2018", range(2018, 1, 6)),
            ("II полугодие 2018 года", range(2018, 7, 12)),
            ("9 месяцев 2018", range(2018, 1, 9)),
            ("I квартал 2018", range(2018, 1, 3)),
            ("IV квартал 2018", range(2018, 10, 12)),
            ("1 кв. 2018", range(2018, 1, 3)),
            ("қаңтар-шілде 2018", range(2018, 1, 7)),
            ("2018 жылғы қаңтар-шілде", range(2018, 1, 7)),
            ("Jan–Jul 2018", range(2018, 1, 7)),
            ("Jan-Jul 2018", range(2018, 1, 7)),
            ("January-July 2018", range(2018, 1, 7)),
            ("Q1 2018", range(2018, 1, 3)),
            ("2018Q1", range(2018, 1, 3)),
            ("2018-Q1", range(2018, 1, 3)),
            ("H1 2018", range(2018, 1, 6)),
            ("9M 2018", range(2018, 1, 9)),
            ("2018-01..2018-07", range(2018, 1, 7)),
            ("1-тоқсан 2018", range(2018, 1, 3)),
            ("июль 2018", range(2018, 7, 7)),
            ("2018", range(2018, 1, 12)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_span(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn ranges_may_cross_a_year_in_the_long_format() {
        let r = parse_span("2017-11..2018-02").unwrap();
        assert_eq!((r.start.to_string(), r.end.to_string()), ("2017-11".into(), "2018-02".into()));
    }

    #[test]
    fn errors_say_what_was_expected_and_what_is_wrong() {
        for (bad, why) in [
            ("", "empty"),
            ("январь-июль", "no year"),
            ("V квартал 2018", "quarter 5 does not exist"),
            ("III полугодие 2018", "half-year 3"),
            ("июль-январь 2018", "run backwards"),
            ("2018-07..2018-01", "ends before it starts"),
            ("13 месяцев 2018", "13 months"),
            ("hello 2018", "\"hello\""),
            ("2017 2018", "two years"),
        ] {
            let e = parse_span(bad).expect_err(bad).to_string();
            assert!(e.contains("expected a period such as"), "{e}");
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn month_words_in_four_languages() {
        assert_eq!(month_from_word("Июль"), Some(7));
        assert_eq!(month_from_word("шілде"), Some(7));
        assert_eq!(month_from_word("мамыр"), Some(5));
        assert_eq!(month_from_word("маусым"), Some(6));
        assert_eq!(month_from_word("ma"), None);
        assert_eq!(month_from_word("январь–июль"), None);
    }
}
