//! Numbers as analysts write them: "$58.3 million", "+18.6%", "$1.0 billion".

/// US dollars with k/million/billion scaling and one decimal where it matters:
/// `58_300_000.0` → "$58.3 million", `690_000_000.0` → "$690 million",
/// `1e9` → "$1 billion", `4_260.0` → "$4.3 thousand", `950.0` → "$950".
#[must_use]
pub fn usd(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    let abs = value.abs();
    let (scaled, unit) = if abs >= 1e9 {
        (abs / 1e9, " billion")
    } else if abs >= 1e6 {
        (abs / 1e6, " million")
    } else if abs >= 1e3 {
        (abs / 1e3, " thousand")
    } else {
        return format!("{sign}${abs:.0}");
    };
    format!("{sign}${}{unit}", trim_decimal(scaled))
}

/// Short form for axis ticks: "$58.3M", "$1.2bn", "$950k".
#[must_use]
pub fn usd_short(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    let abs = value.abs();
    let (scaled, unit) = if abs >= 1e9 {
        (abs / 1e9, "bn")
    } else if abs >= 1e6 {
        (abs / 1e6, "M")
    } else if abs >= 1e3 {
        (abs / 1e3, "k")
    } else {
        (abs, "")
    };
    format!("{sign}${}{unit}", trim_decimal(scaled))
}

/// A change as a signed percentage with one decimal: `0.186` → "+18.6%".
#[must_use]
pub fn pct_change(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let pct = fraction * 100.0;
    if pct.abs() < 0.05 {
        "0.0%".to_owned()
    } else if pct > 0.0 {
        format!("+{pct:.1}%")
    } else {
        format!("−{:.1}%", -pct)
    }
}

/// Whole dollars with thousands separators, for tables: `58300000.0` → "58,300,000".
#[must_use]
pub fn usd_exact(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let rounded = value.round();
    let sign = if rounded < 0.0 { "−" } else { "" };
    format!("{sign}{}", group_digits(&format!("{:.0}", rounded.abs())))
}

/// A count with thousands separators: `1234567` → "1,234,567".
#[must_use]
pub fn thousands(n: u64) -> String {
    group_digits(&n.to_string())
}

/// Commas between groups of three digits.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One decimal, dropped when it is zero: 58.3 → "58.3", 604.1 → "604.1", 690.0 → "690".
fn trim_decimal(x: f64) -> String {
    let one = format!("{x:.1}");
    match one.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => one,
    }
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
}
