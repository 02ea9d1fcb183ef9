//! Digits and month names in each language, from ICU4X's CLDR data: `1,234,567.5` in English,
//! `1 234 567,5` in Russian and Kazakh (a no-break space between groups, as CLDR has it);
//! `Jul 2018` / `июль 2018` / `шілде 2018`.
//!
//! Only the digits and the names come from here; where the unit goes ("$58.3 million",
//! "58,3 млн долл. США") is a Fluent message in `format.ftl`, put together by
//! [`crate::model::format`]. Rounding is Rust's `format!("{:.N}")`, as before ICU, so English
//! output is byte for byte what it was.
//!
//! The data is ICU4X's compiled data (`compiled_data`, the default): it holds every locale and
//! the crates give no switch to keep only en, ru and kk; trimming would mean generating a data
//! blob with `icu4x-datagen` and loading it at run time, which is not worth a few hundred
//! kilobytes in a 10 MB binary.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::str::FromStr;

use fixed_decimal::Decimal;
use fluent_bundle::FluentValue;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{E, M};
use icu_datetime::pattern::{
    DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength, WeekdayNameLength,
};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::{Locale, locale};
use writeable::TryWriteable;

use super::Lang;

/// How long a month's name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthStyle {
    /// Axis labels and table rows: "Jul", "июль", "сент.", "шіл.".
    Short,
    /// Headlines: "July", "июль", "сентябрь", "қыркүйек".
    Long,
}

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => locale!("en"),
        Lang::Ru => locale!("ru"),
        Lang::Kk => locale!("kk"),
    }
}

/// The formatters of one language, made once.
struct Formatters {
    decimal: Option<DecimalFormatter>,
    plain: Option<DecimalFormatter>,
    month_short: Option<MonthNames>,
    month_long: Option<MonthNames>,
    month_in_date: Option<MonthNames>,
    weekday: Option<(FixedCalendarDateTimeNames<Gregorian, E>, DateTimePattern)>,
}

/// Month names of one length and context, with the one-field pattern that writes them.
struct MonthNames {
    names: FixedCalendarDateTimeNames<Gregorian, M>,
    pattern: DateTimePattern,
}

impl MonthNames {
    fn new(loc: &Locale, length: MonthNameLength, pattern: &str) -> Option<Self> {
        let mut names = FixedCalendarDateTimeNames::<Gregorian, M>::try_new(loc.into()).ok()?;
        names.include_month_names(length).ok()?;
        Some(Self { names, pattern: pattern.parse().ok()? })
    }
}

/// Which CLDR month names a language uses beside a year. Russian takes the stand-alone
/// (nominative) names, "июль 2018", not the format ones, which are genitive ("июля");
/// Kazakh the format names, lower case as in running text ("шілде 2018"), not the
/// capitalised stand-alone ones ("Шілде"); English has one set.
fn month_forms(lang: Lang) -> [(MonthNameLength, &'static str); 2] {
    match lang {
        Lang::En | Lang::Kk => [(MonthNameLength::Abbreviated, "MMM"), (MonthNameLength::Wide, "MMMM")],
        Lang::Ru => {
            [(MonthNameLength::StandaloneAbbreviated, "LLL"), (MonthNameLength::StandaloneWide, "LLLL")]
        }
    }
}

/// The month names used inside a date ("11 Sep 2018", "11 сентября 2018 г.",
/// "2018 жылғы 11 қыркүйек"): English keeps its short names, Russian needs the genitive, which
/// is CLDR's format form, Kazakh its format form.
fn month_in_date_form(lang: Lang) -> (MonthNameLength, &'static str) {
    match lang {
        Lang::En => (MonthNameLength::Abbreviated, "MMM"),
        Lang::Ru | Lang::Kk => (MonthNameLength::Wide, "MMMM"),
    }
}

fn weekday_names(loc: &Locale) -> Option<(FixedCalendarDateTimeNames<Gregorian, E>, DateTimePattern)> {
    let mut names = FixedCalendarDateTimeNames::<Gregorian, E>::try_new(loc.into()).ok()?;
    names.include_weekday_names(WeekdayNameLength::Abbreviated).ok()?;
    Some((names, "EEE".parse().ok()?))
}

impl Formatters {
    fn new(lang: Lang) -> Self {
        let loc = locale(lang);
        let decimal = |grouping: GroupingStrategy| {
            let options: DecimalFormatterOptions = grouping.into();
            DecimalFormatter::try_new((&loc).into(), options).ok()
        };
        let [(short, short_pattern), (long, long_pattern)] = month_forms(lang);
        Self {
            decimal: decimal(GroupingStrategy::Auto),
            plain: decimal(GroupingStrategy::Never),
            month_short: MonthNames::new(&loc, short, short_pattern),
            month_long: MonthNames::new(&loc, long, long_pattern),
            month_in_date: {
                let (length, pattern) = month_in_date_form(lang);
                MonthNames::new(&loc, length, pattern)
            },
            weekday: weekday_names(&loc),
        }
    }
}

thread_local! {
    /// ICU4X's data handles are not `Sync` without its `sync` feature, so each thread that
    /// formats (the UI thread, a background export) makes its own, once per language.
    static FORMATTERS: [OnceCell<Formatters>; 3] = const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
}

fn with_formatters<R>(lang: Lang, f: impl FnOnce(&Formatters) -> R) -> R {
    FORMATTERS.with(|all| f(all[lang.index()].get_or_init(|| Formatters::new(lang))))
}

/// A non-negative decimal written as Rust writes it ("1234567.5", "58.3") in `lang`'s digits
/// and separators ("1 234 567,5"). Text that is not such a number comes back unchanged.
fn localise(lang: Lang, plain_digits: &str, grouping: bool) -> String {
    with_formatters(lang, |f| {
        let formatter = if grouping { f.decimal.as_ref() } else { f.plain.as_ref() };
        match (formatter, Decimal::from_str(plain_digits)) {
            (Some(formatter), Ok(d)) => formatter.format(&d).to_string(),
            _ => plain_digits.to_owned(),
        }
    })
}

/// `value` with exactly `fraction_digits` decimals, grouped: `decimal(Ru, 1234567.5, 1)` →
/// "1 234 567,5". The sign is the caller's: only the magnitude is written.
#[must_use]
pub fn decimal(lang: Lang, value: f64, fraction_digits: usize) -> String {
    localise(lang, &format!("{:.*}", fraction_digits, value.abs()), true)
}

/// Like [`decimal`] with one decimal, dropped when it is zero: 58.3 → "58,3", 690.0 → "690".
#[must_use]
pub fn decimal_trimmed(lang: Lang, value: f64) -> String {
    let one = format!("{:.1}", value.abs());
    let digits = one.strip_suffix(".0").unwrap_or(&one);
    localise(lang, digits, true)
}

/// A whole count with grouping: `count(En, 1234567)` → "1,234,567".
#[must_use]
pub fn count(lang: Lang, n: u64) -> String {
    localise(lang, &n.to_string(), true)
}

/// The name of `month` (1–12) in `lang`; `None` for a month out of range.
#[must_use]
pub fn month_name(lang: Lang, month: u8, style: MonthStyle) -> Option<String> {
    // Any year does: month names do not change with it in the Gregorian calendar.
    let date = Date::try_new_gregorian(2001, month, 1).ok()?;
    with_formatters(lang, |f| {
        let month = match style {
            MonthStyle::Short => f.month_short.as_ref(),
            MonthStyle::Long => f.month_long.as_ref(),
        }?;
        month
            .names
            .with_pattern_unchecked(&month.pattern)
            .format(&date)
            .try_write_to_string()
            .ok()
            .map(Cow::into_owned)
    })
}

/// The name of `month` (1–12) as it is written inside a date: "Sep", "сентября", "қыркүйек".
#[must_use]
pub fn month_in_date(lang: Lang, month: u8) -> Option<String> {
    let date = Date::try_new_gregorian(2001, month, 1).ok()?;
    with_formatters(lang, |f| {
        let month = f.month_in_date.as_ref()?;
        month
            .names
            .with_pattern_unchecked(&month.pattern)
            .format(&date)
            .try_write_to_string()
            .ok()
            .map(Cow::into_owned)
    })
}

/// The short weekday name of a date: "Tue", "вт", "сс"; `None` for a date that does not exist.
#[must_use]
pub fn weekday(lang: Lang, year: i32, month: u8, day: u8) -> Option<String> {
    let date = Date::try_new_gregorian(year, month, day).ok()?;
    with_formatters(lang, |f| {
        let (names, pattern) = f.weekday.as_ref()?;
        names.with_pattern_unchecked(pattern).format(&date).try_write_to_string().ok().map(Cow::into_owned)
    })
}

/// The formatter Fluent calls for every number placed in a message: plural selection still
/// sees the number, the reader sees `lang`'s digits. Options from `NUMBER()` are honoured for
/// fraction digits and grouping; by default up to three decimals, trailing zeros dropped.
#[must_use]
pub fn fluent_formatter(
    lang: Lang,
) -> fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    match lang {
        Lang::En => |v, _| fluent_number(Lang::En, v),
        Lang::Ru => |v, _| fluent_number(Lang::Ru, v),
        Lang::Kk => |v, _| fluent_number(Lang::Kk, v),
    }
}

fn fluent_number(lang: Lang, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    if !n.value.is_finite() {
        return None;
    }
    let min = n.options.minimum_fraction_digits.unwrap_or(0);
    let max = n.options.maximum_fraction_digits.unwrap_or(3).max(min);
    let mut digits = format!("{:.*}", max, n.value.abs());
    if digits.contains('.') {
        while digits.ends_with('0') && digits.len() - digits.find('.').unwrap_or(0) - 1 > min {
            digits.pop();
        }
        if digits.ends_with('.') {
            digits.pop();
        }
    }
    let sign =
        if n.value < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "−" } else { "" };
    Some(format!("{sign}{}", localise(lang, &digits, n.options.use_grouping)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_separators_per_language() {
        assert_eq!(decimal(Lang::En, 1_234_567.5, 1), "1,234,567.5");
        assert_eq!(decimal(Lang::Ru, 1_234_567.5, 1), "1\u{a0}234\u{a0}567,5");
        assert_eq!(decimal(Lang::Kk, 1_234_567.5, 1), "1\u{a0}234\u{a0}567,5");
        assert_eq!(decimal_trimmed(Lang::Ru, 58.3), "58,3");
        assert_eq!(decimal_trimmed(Lang::Ru, 690.0), "690");
        assert_eq!(decimal_trimmed(Lang::En, 58.34), "58.3");
        assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(count(Lang::Kk, 58_300_000), "58\u{a0}300\u{a0}000");
        assert_eq!(count(Lang::En, 950), "950");
    }

    #[test]
    fn month_names_per_language() {
        assert_eq!(month_name(Lang::En, 7, MonthStyle::Short).as_deref(), Some("Jul"));
        assert_eq!(month_name(Lang::En, 9, MonthStyle::Short).as_deref(), Some("Sep"));
        assert_eq!(month_name(Lang::En, 7, MonthStyle::Long).as_deref(), Some("July"));
        assert_eq!(month_name(Lang::Ru, 7, MonthStyle::Long).as_deref(), Some("июль"));
        assert_eq!(month_name(Lang::Ru, 1, MonthStyle::Long).as_deref(), Some("январь"));
        assert_eq!(month_name(Lang::Kk, 7, MonthStyle::Long).as_deref(), Some("шілде"));
        assert_eq!(month_name(Lang::Kk, 1, MonthStyle::Long).as_deref(), Some("қаңтар"));
        assert_eq!(month_name(Lang::Ru, 13, MonthStyle::Long), None);
    }

    #[test]
    fn names_inside_dates_and_weekdays() {
        assert_eq!(month_in_date(Lang::En, 9).as_deref(), Some("Sep"));
        assert_eq!(month_in_date(Lang::Ru, 9).as_deref(), Some("сентября"));
        assert_eq!(month_in_date(Lang::Kk, 9).as_deref(), Some("қыркүйек"));
        assert_eq!(weekday(Lang::En, 2018, 9, 11).as_deref(), Some("Tue"));
        assert_eq!(weekday(Lang::Ru, 2018, 9, 11).as_deref(), Some("вт"));
        assert!(weekday(Lang::Kk, 2018, 9, 11).is_some_and(|w| !w.is_empty()));
        assert_eq!(weekday(Lang::En, 2018, 2, 30), None);
    }

    #[test]
    fn fluent_numbers_use_the_language_digits() {
        use fluent_bundle::types::FluentNumber;
        let n = |v: f64| FluentValue::Number(FluentNumber::from(v));
        assert_eq!(fluent_number(Lang::Ru, &n(1_234_567.0)).as_deref(), Some("1\u{a0}234\u{a0}567"));
        assert_eq!(fluent_number(Lang::En, &n(2.5)).as_deref(), Some("2.5"));
        assert_eq!(fluent_number(Lang::Kk, &n(-0.25)).as_deref(), Some("−0,25"));
        assert_eq!(fluent_number(Lang::En, &FluentValue::from("text")), None);
    }
}
