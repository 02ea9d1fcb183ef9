//! Numbers as analysts write them: "$58.3 million", "+18.6%", "$1 billion" in English;
//! "58,3 млн долл. США", "+18,6%" in Russian; "58,3 млн АҚШ доллары" in Kazakh.
//!
//! Digits, separators and month names come from ICU4X ([`crate::i18n::format`]); where the
//! unit and the sign go is a Fluent message (`assets/locales/*/format.ftl`). The functions
//! without a language ([`usd`], [`usd_short`], [`pct_change`], [`usd_exact`], [`thousands`])
//! are the English ones, byte for byte what they were before translations, so `summary` and
//! the tests of the command line do not change.

use crate::i18n::format as icu;
use crate::i18n::{FluentArgs, Lang, tr_args};

pub use crate::i18n::format::MonthStyle;

/// US dollars with k/million/billion scaling and one decimal where it matters:
/// `58_300_000.0` → "$58.3 million", `690_000_000.0` → "$690 million",
/// `1e9` → "$1 billion", `4_260.0` → "$4.3 thousand", `950.0` → "$950".
#[must_use]
pub fn usd(value: f64) -> String {
    usd_in(Lang::En, value)
}

/// [`usd`] in `lang`: "58,3 млн долл. США", "690 млн АҚШ доллары".
#[must_use]
pub fn usd_in(lang: Lang, value: f64) -> String {
    money(lang, value, false)
}

/// Short form for axis ticks: "$58.3M", "$1.2bn", "$950k".
#[must_use]
pub fn usd_short(value: f64) -> String {
    usd_short_in(Lang::En, value)
}

/// [`usd_short`] in `lang`: "$58,3 млн", "$950 мың".
#[must_use]
pub fn usd_short_in(lang: Lang, value: f64) -> String {
    money(lang, value, true)
}

fn money(lang: Lang, value: f64, short: bool) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let abs = value.abs();
    let (scaled, scale) = if abs >= 1e9 {
        (abs / 1e9, "billion")
    } else if abs >= 1e6 {
        (abs / 1e6, "million")
    } else if abs >= 1e3 {
        (abs / 1e3, "thousand")
    } else {
        (abs, "units")
    };
    // Whole dollars under a thousand in the long form ("$950"), one decimal otherwise.
    let amount = if scale == "units" && !short {
        icu::decimal(lang, abs, 0)
    } else {
        icu::decimal_trimmed(lang, scaled)
    };
    let id = if short { format!("money-short-{scale}") } else { format!("money-{scale}") };
    let text = message(lang, &id, "amount", amount);
    if value < 0.0 { message(lang, "money-negative", "amount", text) } else { text }
}

/// A change as a signed percentage with one decimal: `0.186` → "+18.6%".
#[must_use]
pub fn pct_change(fraction: f64) -> String {
    pct_change_in(Lang::En, fraction)
}

/// [`pct_change`] in `lang`: "+18,6%".
#[must_use]
pub fn pct_change_in(lang: Lang, fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let pct = fraction * 100.0;
    let id = if pct.abs() < 0.05 {
        "pct-change-zero"
    } else if pct > 0.0 {
        "pct-change-up"
    } else {
        "pct-change-down"
    };
    let digits =
        if id == "pct-change-zero" { icu::decimal(lang, 0.0, 1) } else { icu::decimal(lang, pct, 1) };
    message(lang, id, "pct", digits)
}

/// Whole dollars with thousands separators, for tables: `58300000.0` → "58,300,000".
#[must_use]
pub fn usd_exact(value: f64) -> String {
    usd_exact_in(Lang::En, value)
}

/// [`usd_exact`] in `lang`: "58 300 000" (a no-break space between groups in Russian and Kazakh).
#[must_use]
pub fn usd_exact_in(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let rounded = value.round();
    let sign = if rounded < 0.0 { "−" } else { "" };
    format!("{sign}{}", icu::decimal(lang, rounded, 0))
}

/// A count with thousands separators: `1234567` → "1,234,567".
#[must_use]
pub fn thousands(n: u64) -> String {
    thousands_in(Lang::En, n)
}

/// [`thousands`] in `lang`: "1 234 567".
#[must_use]
pub fn thousands_in(lang: Lang, n: u64) -> String {
    icu::count(lang, n)
}

/// A month and its year: "Jul 2018" (English, short), "июль 2018", "шілде 2018".
/// A month out of 1–12 is written as its number.
#[must_use]
pub fn month_year(lang: Lang, year: i32, month: u8, style: MonthStyle) -> String {
    let mut args = FluentArgs::new();
    args.set("month", month_text(lang, month, style));
    args.set("year", year.to_string());
    tr_args(lang, "month-year", Some(&args))
}

/// Months from `first` to `last` (year, month): "Jan–Jul 2018", "январь–июль 2018",
/// "2018 жылғы қаңтар–шілде"; across years "Nov 2017–Feb 2018". One month is [`month_year`].
#[must_use]
pub fn month_span(lang: Lang, first: (i32, u8), last: (i32, u8), style: MonthStyle) -> String {
    if first == last {
        return month_year(lang, first.0, first.1, style);
    }
    let mut args = FluentArgs::new();
    args.set("first", month_text(lang, first.1, style));
    args.set("last", month_text(lang, last.1, style));
    if first.0 == last.0 {
        args.set("year", last.0.to_string());
        tr_args(lang, "month-span", Some(&args))
    } else {
        args.set("first-year", first.0.to_string());
        args.set("last-year", last.0.to_string());
        tr_args(lang, "month-span-years", Some(&args))
    }
}

/// A day with its weekday, for the itinerary: "Tue 11 Sep", "вт, 11 сентября",
/// "11 қыркүйек, сс". `date` is (year, month, day); a date that does not exist is written as
/// numbers.
#[must_use]
pub fn day_label(lang: Lang, date: (i32, u8, u8)) -> String {
    let (y, m, d) = date;
    let mut args = FluentArgs::new();
    args.set("weekday", icu::weekday(lang, y, m, d).unwrap_or_default());
    args.set("day", d.to_string());
    args.set("month", icu::month_in_date(lang, m).unwrap_or_else(|| m.to_string()));
    tr_args(lang, "date-day-label", Some(&args))
}

/// A date: "11 Sep 2018", "11 сентября 2018 г.", "2018 жылғы 11 қыркүйек".
#[must_use]
pub fn date(lang: Lang, date: (i32, u8, u8)) -> String {
    date_span(lang, date, date)
}

/// The dates of a visit: "11–13 Sep 2018", "30 Sep – 2 Oct 2018", "30 Sep 2018 – 2 Jan 2019";
/// "11–13 сентября 2018 г."; "2018 жылғы 11–13 қыркүйек".
#[must_use]
pub fn date_span(lang: Lang, first: (i32, u8, u8), last: (i32, u8, u8)) -> String {
    let month = |m: u8| icu::month_in_date(lang, m).unwrap_or_else(|| m.to_string());
    let mut args = FluentArgs::new();
    args.set("first-day", first.2.to_string());
    args.set("last-day", last.2.to_string());
    args.set("first-month", month(first.1));
    args.set("last-month", month(last.1));
    args.set("first-year", first.0.to_string());
    args.set("last-year", last.0.to_string());
    let id = if first == last {
        "date-single"
    } else if (first.0, first.1) == (last.0, last.1) {
        "date-span-month"
    } else if first.0 == last.0 {
        "date-span-year"
    } else {
        "date-span-years"
    };
    tr_args(lang, id, Some(&args))
}

fn month_text(lang: Lang, month: u8, style: MonthStyle) -> String {
    icu::month_name(lang, month, style).unwrap_or_else(|| month.to_string())
}

/// A message with one string variable.
fn message(lang: Lang, id: &str, name: &'static str, value: String) -> String {
    let mut args = FluentArgs::new();
    args.set(name, value);
    tr_args(lang, id, Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_read_like_the_press() {
        assert_eq!(usd(58_300_000.0), "$58.3 million");
        assert_eq!(usd(690_000_000.0), "$690 million");
        assert_eq!(usd(604_100_000.0), "$604.1 million");
        assert_eq!(usd(1e9), "$1 billion");
        assert_eq!(usd(1_234_000_000.0), "$1.2 billion");
        assert_eq!(usd(4_260.0), "$4.3 thousand");
        assert_eq!(usd(950.0), "$950");
        assert_eq!(usd(-2_500_000.0), "−$2.5 million");
        assert_eq!(usd(f64::NAN), "—");
    }

    #[test]
    fn short_forms_and_changes() {
        assert_eq!(usd_short(58_300_000.0), "$58.3M");
        assert_eq!(usd_short(0.0), "$0");
        assert_eq!(usd_short(1.5e9), "$1.5bn");
        assert_eq!(pct_change(0.186), "+18.6%");
        assert_eq!(pct_change(-0.05), "−5.0%");
        assert_eq!(pct_change(0.0), "0.0%");
        assert_eq!(usd_exact(58_300_000.0), "58,300,000");
        assert_eq!(usd_exact(-1234.4), "−1,234");
        assert_eq!(usd_exact(999.0), "999");
    }

    #[test]
    fn russian_and_kazakh_amounts_read_like_the_press() {
        assert_eq!(usd_in(Lang::Ru, 58_300_000.0), "58,3 млн долл. США");
        assert_eq!(usd_short_in(Lang::Ru, 58_300_000.0), "$58,3 млн");
        assert_eq!(usd_in(Lang::Ru, 690_000_000.0), "690 млн долл. США");
        assert_eq!(usd_in(Lang::Ru, 1e9), "1 млрд долл. США");
        assert_eq!(usd_in(Lang::Ru, -2_500_000.0), "−2,5 млн долл. США");
        assert_eq!(usd_in(Lang::Kk, 58_300_000.0), "58,3 млн АҚШ доллары");
        assert_eq!(usd_short_in(Lang::Kk, 4_260.0), "$4,3 мың");
        assert_eq!(pct_change_in(Lang::Ru, 0.186), "+18,6%");
        assert_eq!(pct_change_in(Lang::Kk, -0.05), "−5,0%");
        assert_eq!(pct_change_in(Lang::Ru, 0.0), "0,0%");
        assert_eq!(usd_exact_in(Lang::Ru, 1_234_567.4), "1\u{a0}234\u{a0}567");
        assert_eq!(thousands_in(Lang::Kk, 1_234_567), "1\u{a0}234\u{a0}567");
    }

    #[test]
    fn english_stays_as_it_was() {
        assert_eq!(usd_in(Lang::En, 58_300_000.0), usd(58_300_000.0));
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(usd_exact(0.4), "0");
        assert_eq!(pct_change(-0.0001), "0.0%");
        assert_eq!(usd_short(-950.0), "−$950");
    }

    #[test]
    fn dates_in_each_language() {
        // English as the itinerary writes it today (chrono's "%a %-d %b", "%-d %b %Y").
        assert_eq!(day_label(Lang::En, (2018, 9, 11)), "Tue 11 Sep");
        assert_eq!(date(Lang::En, (2018, 9, 30)), "30 Sep 2018");
        assert_eq!(date_span(Lang::En, (2018, 9, 11), (2018, 9, 13)), "11–13 Sep 2018");
        assert_eq!(date_span(Lang::En, (2018, 9, 30), (2018, 10, 2)), "30 Sep – 2 Oct 2018");
        assert_eq!(date_span(Lang::En, (2018, 9, 30), (2019, 1, 2)), "30 Sep 2018 – 2 Jan 2019");
        assert_eq!(day_label(Lang::Ru, (2018, 9, 11)), "вт, 11 сентября");
        assert_eq!(date_span(Lang::Ru, (2018, 9, 11), (2018, 9, 13)), "11–13 сентября 2018 г.");
        assert_eq!(date(Lang::Ru, (2018, 9, 30)), "30 сентября 2018 г.");
        assert_eq!(date_span(Lang::Kk, (2018, 9, 11), (2018, 9, 13)), "2018 жылғы 11–13 қыркүйек");
        assert_eq!(date_span(Lang::Kk, (2018, 9, 30), (2018, 10, 2)), "2018 жылғы 30 қыркүйек – 2 қазан");
    }

    #[test]
    fn months_in_each_language() {
        assert_eq!(month_year(Lang::En, 2018, 7, MonthStyle::Short), "Jul 2018");
        assert_eq!(month_year(Lang::Ru, 2018, 7, MonthStyle::Long), "июль 2018");
        assert_eq!(month_year(Lang::Kk, 2018, 7, MonthStyle::Long), "шілде 2018");
        assert_eq!(month_span(Lang::En, (2018, 1), (2018, 7), MonthStyle::Short), "Jan–Jul 2018");
        assert_eq!(month_span(Lang::Ru, (2018, 1), (2018, 7), MonthStyle::Long), "январь–июль 2018");
        assert_eq!(month_span(Lang::Kk, (2018, 1), (2018, 7), MonthStyle::Long), "2018 жылғы қаңтар–шілде");
        assert_eq!(month_span(Lang::En, (2017, 11), (2018, 2), MonthStyle::Short), "Nov 2017–Feb 2018");
        assert_eq!(month_span(Lang::En, (2018, 7), (2018, 7), MonthStyle::Short), "Jul 2018");
        assert_eq!(month_year(Lang::En, 2018, 13, MonthStyle::Short), "13 2018");
    }
}
