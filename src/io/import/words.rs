//! Words and numbers as files write them: month headers in Russian, Kazakh and English, flows,
//! units ("тыс. долл. США"), totals rows, and numbers with decimal commas and thousands
//! separators.

use crate::model::dataset::Flow;
use crate::model::period::{YearMonth, month_from_word};

fn year_from(text: &str) -> Option<i32> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let y: i32 = match digits.len() {
        4 => digits.parse().ok()?,
        2 => 2000 + digits.parse::<i32>().ok()?,
        _ => return None,
    };
    (1900..=2200).contains(&y).then_some(y)
}

/// A month in the forms column headers and period cells use: `2018-01`, `201801`, `2018M01`,
/// `2018.01`, `01.2018`, `01/2018`, `Jan-18`, `Jan 2018`, `январь 2018`, `янв.18`,
/// `январь 2018 г.`, `2018 январь`, `қаңтар 2018`, and dates (`2018-01-31`, `31.01.2018`).
#[must_use]
pub fn parse_month(text: &str) -> Option<YearMonth> {
    let t = text.trim().trim_end_matches(['г', '.', ' ']).trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    if let Ok(ym) = YearMonth::parse(t) {
        return Some(ym);
    }
    // 2018M01
    if let Some((y, m)) = t.split_once(['M', 'm'])
        && y.len() == 4
        && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u8>())
    {
        return YearMonth::new(y, m);
    }
    let parts: Vec<&str> = t.split(['-', '.', '/', ' ', '\u{a0}']).filter(|p| !p.is_empty()).collect();
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        // 2018.01, 01.2018, 2018-01-31, 31.01.2018
        [a, b] if all_digits(a) && all_digits(b) => {
            if a.len() == 4 && b.len() <= 2 {
                YearMonth::new(a.parse().ok()?, b.parse().ok()?)
            } else if b.len() == 4 && a.len() <= 2 {
                YearMonth::new(b.parse().ok()?, a.parse().ok()?)
            } else {
                None
            }
        }
        [a, b, c] if all_digits(a) && all_digits(b) && all_digits(c) => {
            if a.len() == 4 {
                YearMonth::new(a.parse().ok()?, b.parse().ok()?)
            } else if c.len() == 4 {
                YearMonth::new(c.parse().ok()?, b.parse().ok()?)
            } else {
                None
            }
        }
        // Jan-18, январь 2018, 2018 январь
        [a, b] => {
            if let Some(m) = month_from_word(a) {
                YearMonth::new(year_from(b)?, m)
            } else {
                YearMonth::new(year_from(a)?, month_from_word(b)?)
            }
        }
        _ => None,
    }
}

/// A whole year as a column header or period cell: `2018`, `2018 год`, `2018 г.`, `2018 жыл`.
#[must_use]
pub fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches(['.', ' ']);
    let t = ["год", "г", "жыл", "year"]
        .iter()
        .fold(t.to_owned(), |acc, w| acc.strip_suffix(w).map_or(acc.clone(), |s| s.trim().to_owned()));
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok().filter(|y| (1900..=2200).contains(y))
    } else {
        None
    }
}

/// What a flow word means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowWord {
    /// A flow to use.
    Flow(Flow),
    /// Part of a total that is also in the file (re-exports, re-imports).
    Breakdown,
}

/// Flow words in English, Russian and Kazakh, and Comtrade's codes.
#[must_use]
pub fn parse_flow(word: &str) -> Option<FlowWord> {
    let w = word.trim().to_lowercase();
    let w = w.as_str();
    if let Some(f) = Flow::parse(w) {
        return Some(FlowWord::Flow(f));
    }
    Some(match w {
        "x" | "экспорт" | "вывоз" | "exp" | "e" => FlowWord::Flow(Flow::Export),
        "m" | "импорт" | "ввоз" | "imp" | "i" => FlowWord::Flow(Flow::Import),
        "товарооборот"
        | "оборот"
        | "внешнеторговый оборот"
        | "тауар айналымы"
        | "сауда айналымы"
        | "trade" => FlowWord::Flow(Flow::Turnover),
        "rx" | "rm" | "re-export" | "re-import" | "re-exports" | "re-imports" | "реэкспорт" | "реимпорт" => {
            FlowWord::Breakdown
        }
        _ => return None,
    })
}

/// The flow a title or header text names, if exactly one: "Экспорт, тыс. долл. США" → export.
#[must_use]
pub fn flow_in_text(text: &str) -> Option<Flow> {
    let t = text.to_lowercase();
    let export = t.contains("экспорт") || t.contains("export") || t.contains("вывоз");
    let import = t.contains("импорт") || t.contains("import") || t.contains("ввоз");
    let turnover = t.contains("оборот") || t.contains("turnover") || t.contains("айналым");
    match (export, import, turnover) {
        (true, false, false) => Some(Flow::Export),
        (false, true, false) => Some(Flow::Import),
        (false, false, true) => Some(Flow::Turnover),
        _ => None,
    }
}

/// A value unit: how many US dollars one unit in the file is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// Dollars per unit: 1, 1000 or 1 000 000.
    pub multiplier: f64,
    /// The words it was read from.
    pub label: &'static str,
}

impl Unit {
    /// Plain US dollars.
    pub const USD: Self = Self { multiplier: 1.0, label: "US dollars" };
}

/// The unit a header, title or unit cell declares ("тыс. долл. США", "US$ thousand",
/// "млн долларов", "мың АҚШ доллары"), if any. `Err` names a currency that is not dollars.
///
/// # Errors
/// When the text names roubles, tenge or euros.
pub fn unit_in_text(text: &str) -> Result<Option<Unit>, crate::io::import::Reason> {
    let t = text.to_lowercase();
    let dollars = ["долл", "usd", "us$", "$", "доллар", "dollar"].iter().any(|w| t.contains(w));
    let other = ["руб", "тенге", "теңге", "eur", "евро", "rub", "kzt", "byn"].iter().find(|w| t.contains(*w));
    if let Some(other) = other
        && !dollars
    {
        return Err(crate::reason!("row-not-dollars", unit = *other, found = format!("{text:?}")));
    }
    let has_word = |words: &[&str]| {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'').any(|w| words.iter().any(|x| w.starts_with(x)))
    };
    let unit = if has_word(&["млрд", "billion", "bn"]) {
        Some(Unit { multiplier: 1e9, label: "billions of US dollars" })
    } else if has_word(&["млн", "миллион", "million", "mln", "mn"]) {
        Some(Unit { multiplier: 1e6, label: "millions of US dollars" })
    } else if has_word(&["тыс", "thousand", "thous", "мың", "'000"])
        || t.contains("'000")
        || t.contains("000 usd")
    {
        Some(Unit { multiplier: 1e3, label: "thousands of US dollars" })
    } else if dollars || t.trim() == "usd" {
        Some(Unit::USD)
    } else {
        None
    };
    Ok(unit)
}

/// Whether a partner or commodity name stands for "all" ("Всего", "Итого", "Total", "World",
/// "Барлығы", "Все страны"): such a row is the total of the others.
#[must_use]
pub fn is_total_name(name: &str) -> bool {
    let n = name.trim().trim_end_matches([':', '.']).to_lowercase();
    matches!(
        n.as_str(),
        "всего"
            | "итого"
            | "total"
            | "world"
            | "all"
            | "барлығы"
            | "барлыгы"
            | "жиыны"
            | "все страны"
            | "весь мир"
            | "мир"
            | "all countries"
            | "всего по странам"
            | "усяго"
    )
}

/// Powers of ten that an `f64` holds exactly.
const EXACT_TENS: [f64; 16] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// The usual figure of a machine-written file ("15872.15", "44") read at once: digits, and
/// at most one dot with digits on both sides, 15 digits at most. Such a number is an integer
/// below 2^53 divided by a power of ten up to 10^15, both exact in an `f64`, and a division
/// of exact operands is correctly rounded: the same `f64` as `str::parse` gives (which takes
/// this shortcut too, after a general scan). `None` for anything else.
#[inline]
fn short_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    // `dot`: one past the dot's index, 0 for none.
    let (mut mantissa, mut dot) = (0u64, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            mantissa = mantissa * 10 + u64::from(digit);
        } else if b == b'.' && dot == 0 && i > 0 && i + 1 < bytes.len() {
            dot = i + 1;
        } else {
            return None;
        }
    }
    if bytes.len() - usize::from(dot > 0) > 15 {
        return None;
    }
    #[allow(clippy::cast_precision_loss, reason = "below 10^15 < 2^53: exact")]
    let whole = mantissa as f64;
    if dot == 0 {
        return Some(whole);
    }
    EXACT_TENS.get(bytes.len() - dot).map(|ten| whole / ten)
}

/// A number of dollars as files write it: `1234.5`, `1 234,5`, `1,234.50`, `1'234`.
/// A lone comma followed by one or two digits, or by three digits with a dot elsewhere, is
/// read as a decimal comma or a thousands separator accordingly.
#[must_use]
#[inline]
pub fn parse_usd(raw: &str) -> Option<f64> {
    match short_decimal(raw) {
        Some(v) => Some(v),
        None => parse_usd_general(raw),
    }
}

/// [`parse_usd`] past the usual figure: kept out of line, so that the usual figure is read
/// where it is asked for.
#[inline(never)]
fn parse_usd_general(raw: &str) -> Option<f64> {
    if raw.is_empty() {
        return None; // an empty cell (quantities are often left out)
    }
    // Plain numbers ("1234.5", "1e6"), as machine-written files have them, need no cleaning:
    // the general path below leaves them as they are.
    let plain = raw.trim();
    if plain.len() <= 64
        && !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return plain.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’' | '$'))
        .collect();
    if cleaned.len() > 64 {
        return None;
    }
    let normalised = match (cleaned.find(','), cleaned.find('.')) {
        (Some(_), Some(dot)) => {
            // Both: the later one is the decimal mark.
            let last_comma = cleaned.rfind(',').unwrap_or(0);
            if last_comma > dot {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned.replace(',', "")
            }
        }
        (Some(_), None) => {
            let parts: Vec<&str> = cleaned.split(',').collect();
            if parts.len() == 2 && parts[1].len() != 3 {
                cleaned.replace(',', ".")
            } else if parts.iter().skip(1).all(|p| p.len() == 3) {
                cleaned.replace(',', "")
            } else {
                return None;
            }
        }
        _ => cleaned,
    };
    let v: f64 = normalised.parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals_read_as_str_parse_reads_them() {
        // Every split of digit strings around a dot, and random figures of every length.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut texts: Vec<String> =
            ["0", "0.0", "44", "15872.15", "0.1", "0.3", "999999999999999", "1.000000000000001"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = format!("{x}");
            let len = 1 + (x % 16) as usize % digits.len();
            let d = &digits[..len];
            let at = (x >> 20) as usize % (len + 1);
            texts.push(d.to_owned());
            if at > 0 && at < len {
                texts.push(format!("{}.{}", &d[..at], &d[at..]));
            }
        }
        let mut fast = 0;
        for t in &texts {
            let want: f64 = t.parse().unwrap();
            if let Some(v) = short_decimal(t) {
                assert_eq!(v.to_bits(), want.to_bits(), "{t}");
                fast += 1;
            }
            assert_eq!(parse_usd(t).map(f64::to_bits), Some(want.to_bits()), "{t}");
        }
        assert!(fast > texts.len() / 2, "{fast} of {}", texts.len());
        for t in ["", ".", "1.", ".5", "1.2.3", "-1", "+1", "1e3", " 1", "1 ", "1234567890123456", "1,5"] {
            assert_eq!(short_decimal(t), None, "{t:?}");
        }
    }

    fn ym(y: i32, m: u8) -> Option<YearMonth> {
        YearMonth::new(y, m)
    }

    #[test]
    fn month_headers_in_every_form_offices_use() {
        for (text, want) in [
            ("январь 2018", ym(2018, 1)),
            ("Январь 2018 г.", ym(2018, 1)),
            ("Jan-18", ym(2018, 1)),
            ("Jul 2018", ym(2018, 7)),
            ("2018-01", ym(2018, 1)),
            ("2018M01", ym(2018, 1)),
            ("2018M12", ym(2018, 12)),
            ("201807", ym(2018, 7)),
            ("01.2018", ym(2018, 1)),
            ("2018.07", ym(2018, 7)),
            ("31.01.2018", ym(2018, 1)),
            ("2018-02-28", ym(2018, 2)),
            ("янв.18", ym(2018, 1)),
            ("май 2018", ym(2018, 5)),
            ("маусым 2018", ym(2018, 6)),
            ("қаңтар 2018", ym(2018, 1)),
            ("шілде 2018", ym(2018, 7)),
            ("2018 декабрь", ym(2018, 12)),
            ("September 2017", ym(2017, 9)),
        ] {
            assert_eq!(parse_month(text), want, "{text}");
        }
        for bad in ["Страна", "2018", "Итого", "январь", "2018M13", "январь-июль 2018", "", "Q1 2018"]
        {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(parse_year("2018 год"), Some(2018));
        assert_eq!(parse_year("2017"), Some(2017));
        assert_eq!(parse_year("201807"), None);
    }

    #[test]
    fn units_flows_and_totals_in_three_languages() {
        assert_eq!(unit_in_text("Экспорт, тыс. долл. США").unwrap().unwrap().multiplier, 1e3);
        assert_eq!(unit_in_text("млн долларов США").unwrap().unwrap().multiplier, 1e6);
        assert_eq!(unit_in_text("Trade value, US$ thousand").unwrap().unwrap().multiplier, 1e3);
        assert_eq!(unit_in_text("мың АҚШ доллары").unwrap().unwrap().multiplier, 1e3);
        assert_eq!(unit_in_text("USD").unwrap(), Some(Unit::USD));
        assert_eq!(unit_in_text("Страна").unwrap(), None);
        assert!(unit_in_text("тыс. руб.").unwrap_err().to_string().contains("not in US dollars"));
        assert_eq!(flow_in_text("Экспорт Брестской области, тыс. долл. США"), Some(Flow::Export));
        assert_eq!(flow_in_text("Импорт"), Some(Flow::Import));
        assert_eq!(flow_in_text("Товарооборот"), Some(Flow::Turnover));
        assert_eq!(flow_in_text("Экспорт и импорт"), None);
        assert_eq!(parse_flow("Экспорт"), Some(FlowWord::Flow(Flow::Export)));
        assert_eq!(parse_flow("RX"), Some(FlowWord::Breakdown));
        assert!(is_total_name("Всего"));
        assert!(is_total_name("Барлығы"));
        assert!(!is_total_name("Казахстан"));
    }

    #[test]
    fn numbers_in_the_forms_files_use() {
        assert_eq!(parse_usd("1234.5"), Some(1234.5));
        assert_eq!(parse_usd("1 234,5"), Some(1234.5));
        assert_eq!(parse_usd("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_usd("1.234.567,89"), Some(1_234_567.89));
        assert_eq!(parse_usd("1'234"), Some(1234.0));
        assert_eq!(parse_usd("\u{a0}58\u{a0}300\u{a0}000 "), Some(58_300_000.0));
        assert_eq!(parse_usd("12,5"), Some(12.5));
        assert_eq!(parse_usd("1e3"), Some(1000.0));
        assert_eq!(parse_usd("abc"), None);
        assert_eq!(parse_usd("NaN"), None);
        assert_eq!(parse_usd("inf"), None);
        assert_eq!(parse_usd("1,23,4"), None);
        assert_eq!(parse_usd("-"), None);
    }
}
