//! What people type into a stop's fields: times, dates, HS codes, coordinates.

use chrono::{NaiveDate, NaiveTime};

use super::visit::GeoPoint;

/// A time typed by a person: "14:30", "14.30", "1430", "9:05", "9". `None` for anything else.
#[must_use]
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let t = text.trim();
    let (h, m) = if let Some((h, m)) = t.split_once([':', '.', 'h']) {
        (h.trim(), m.trim())
    } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.split_at(2)
    } else {
        (t, "0")
    };
    if h.is_empty() || m.is_empty() || m.len() > 2 || h.len() > 2 {
        return None;
    }
    let hour: u32 = h.parse().ok()?;
    let minute: u32 = m.parse().ok()?;
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// A date typed by a person, ISO form "2018-09-11".
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// HS codes typed as a list: "03, 16", "03 16", "HS 04". Each code is 2 to 10 digits;
/// `None` when anything else is in the text. An empty text is an empty list.
#[must_use]
pub fn parse_hs_codes(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let t = t.strip_prefix("HS").or_else(|| t.strip_prefix("hs")).unwrap_or(t);
    let mut codes = Vec::new();
    for code in t.split([',', ';', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        if !(2..=10).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_owned());
        }
    }
    Some(codes)
}

/// Coordinates typed as "52.0833, 23.6553" (latitude, longitude in degrees). An empty text
/// is `Some(None)`; text that is not two numbers in range is `None`.
#[must_use]
pub fn parse_coordinates(text: &str) -> Option<Option<GeoPoint>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    let (a, b) = t.split_once([',', ';', ' '])?;
    let lat: f64 = a.trim().parse().ok()?;
    let lon: f64 = b.trim().trim_start_matches([',', ' ']).parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        .then_some(Some(GeoPoint::new(lat, lon)))
}

/// "52.0833, 23.6553", the form [`parse_coordinates`] reads.
#[must_use]
pub fn coordinates_text(point: Option<GeoPoint>) -> String {
    point.map_or_else(String::new, |p| format!("{}, {}", p.lat_deg, p.lon_deg))
}
