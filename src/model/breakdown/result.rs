//! A computed breakdown: the items ranked, "other", the total, and the comparison with a year
//! earlier. Money is kept in whole cents while ranking, so that the items and "other" add up to
//! the total exactly.

use crate::model::period::YearMonth;

use super::measure::Measure;
use super::request::{By, Level, PeriodChoice};
use crate::model::dataset::Flow;

/// One item of a breakdown (a commodity code or a partner).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// HS code ("04", "0402"), section numeral ("I"), or partner code (name when it has none).
    pub code: String,
    /// Description: the file's, else the name shipped with the app, else empty.
    pub name: String,
    /// US dollars, to the cent.
    pub value: f64,
    /// Share of the total, percent; `None` when the total is zero.
    pub share_pct: Option<f64>,
    /// The same period a year earlier, US dollars; `None` without a comparison.
    pub previous: Option<f64>,
    /// Percent change on a year earlier; `None` without a comparison or from zero.
    pub change_pct: Option<f64>,
    /// Contribution to the total's growth, percentage points: (value − previous) / previous
    /// total × 100. The contributions of the items and "other" add up to the total's change.
    pub contribution_pp: Option<f64>,
    /// Quantity, unit value and the price and volume effects (unknown: `None` inside; always
    /// unknown for "other" and the total, which mix products).
    pub measure: Measure,
}

/// What is not listed: the items past the top N, and the part of the total not broken down at
/// this level.
#[derive(Clone, Debug, PartialEq)]
pub struct Other {
    /// The figures of the rest, as for an item (code and name empty).
    pub figures: Item,
    /// Items past the top N.
    pub items: usize,
    /// Of `figures.value`: the part of the total no item holds (TOTAL or chapter rows above
    /// what their codes add up to, World above its countries, turnover-only rows), US dollars.
    pub not_broken_down: f64,
}

/// A breakdown, ranked by value.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// Commodities or partners.
    pub by: By,
    /// Commodity level.
    pub level: Level,
    /// Flow.
    pub flow: Flow,
    /// The period.
    pub period: PeriodChoice,
    /// The total of the selection over the period (as the chart shows it), US dollars, to the cent.
    pub total: f64,
    /// The total a year earlier; `None` without a comparison.
    pub previous_total: Option<f64>,
    /// The listed items, largest first.
    pub items: Vec<Item>,
    /// The rest.
    pub other: Other,
    /// Months with data in the period whose month a year earlier has none (no comparison then).
    pub missing_year_earlier: Vec<YearMonth>,
    /// Months with data a year earlier that the period lacks (no comparison then).
    pub missing_now: Vec<YearMonth>,
}

impl Breakdown {
    /// Percent change of the total; `None` without a comparison or from zero.
    #[must_use]
    pub fn change_pct(&self) -> Option<f64> {
        change_pct(self.total, self.previous_total)
    }

    /// The breakdown as CSV: a header, the items, `other` and `total` rows; US dollars and
    /// percentages with a dot, empty where unknown.
    ///
    /// # Errors
    /// When the CSV writer fails (it writes to memory, so only on a formatting error).
    pub fn csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec![
            "code",
            "name",
            "value_usd",
            "share_pct",
            "previous_usd",
            "change_pct",
            "contribution_pp",
            "period_from",
            "period_to",
        ];
        // Where the data has quantities: the measure's columns after the others.
        let measured = self.items.iter().any(|i| i.measure.unit.is_some());
        if measured {
            header.extend(MEASURE_COLUMNS);
        }
        w.write_record(&header)?;
        let months = self.period.months();
        let opt = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
        let mut row = |code: &str, name: &str, i: &Item| {
            let mut cells = vec![
                code.to_owned(),
                name.to_owned(),
                format!("{:.2}", i.value),
                opt(i.share_pct),
                i.previous.map_or_else(String::new, |p| format!("{p:.2}")),
                opt(i.change_pct),
                opt(i.contribution_pp),
                months.start.to_string(),
                months.end.to_string(),
            ];
            if measured {
                let m = &i.measure;
                let cents = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.2}"));
                cells.extend([
                    m.unit.clone().unwrap_or_default(),
                    opt(m.quantity),
                    opt(m.unit_value),
                    opt(m.previous_quantity),
                    opt(m.previous_unit_value),
                    cents(m.price_effect),
                    cents(m.volume_effect),
                ]);
            }
            w.write_record(&cells)
        };
        for i in &self.items {
            row(&i.code, &i.name, i)?;
        }
        row("", "other", &self.other.figures)?;
        let total = Item {
            code: String::new(),
            name: String::new(),
            value: self.total,
            share_pct: Some(100.0),
            previous: self.previous_total,
            change_pct: self.change_pct(),
            contribution_pp: self.change_pct(),
            measure: Measure::default(),
        };
        row("", "total", &total)?;
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }

    /// Whether the period holds no data for the selection at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.other.figures.value == 0.0
    }
}

/// The CSV columns of quantities, unit values and effects (written where the data has quantities).
const MEASURE_COLUMNS: [&str; 7] = [
    "unit",
    "quantity",
    "unit_value_usd",
    "previous_quantity",
    "previous_unit_value_usd",
    "price_effect_usd",
    "volume_effect_usd",
];

/// Dollars to whole cents.
pub(super) fn to_cents(usd: f64) -> i64 {
    (usd * 100.0).round() as i64
}

fn usd(cents: i64) -> f64 {
    cents as f64 / 100.0
}

fn change_pct(now: f64, before: Option<f64>) -> Option<f64> {
    before.filter(|b| *b != 0.0).map(|b| (now - b) / b.abs() * 100.0)
}

/// One item before ranking: code, name, cents now and a year earlier.
pub(super) struct Raw {
    pub code: String,
    pub name: String,
    pub now: i64,
    pub before: i64,
    pub measure: Measure,
}

/// Ranks `raw` (largest first, then by code), keeps `top` (0: all), and puts the rest and the
/// difference from the totals into "other". `before_total` is `None` without a comparison.
pub(super) fn rank(
    mut raw: Vec<Raw>,
    top: usize,
    total: i64,
    before_total: Option<i64>,
) -> (Vec<Item>, Other) {
    raw.retain(|r| r.now != 0 || r.before != 0);
    raw.sort_by(|a, b| b.now.cmp(&a.now).then_with(|| a.code.cmp(&b.code)));
    let listed_sum: i64 = raw.iter().map(|r| r.now).sum();
    let listed_before: i64 = raw.iter().map(|r| r.before).sum();
    let keep = if top == 0 { raw.len() } else { top.min(raw.len()) };
    let rest = raw.split_off(keep);
    let figures = |code: String, name: String, now: i64, before: i64, measure: Measure| {
        let value = usd(now);
        let previous = before_total.map(|_| usd(before));
        Item {
            code,
            name,
            value,
            share_pct: (total != 0).then(|| now as f64 / total as f64 * 100.0),
            previous,
            change_pct: change_pct(value, previous),
            contribution_pp: before_total
                .filter(|t| *t != 0)
                .map(|t| (now - before) as f64 / t.abs() as f64 * 100.0),
            measure,
        }
    };
    let not_broken = total - listed_sum;
    let rest_now: i64 = rest.iter().map(|r| r.now).sum::<i64>() + not_broken;
    let rest_before: i64 =
        rest.iter().map(|r| r.before).sum::<i64>() + before_total.map_or(0, |t| t - listed_before);
    let other = Other {
        figures: figures(String::new(), String::new(), rest_now, rest_before, Measure::default()),
        items: rest.len(),
        not_broken_down: usd(not_broken),
    };
    let items = raw.into_iter().map(|r| figures(r.code, r.name, r.now, r.before, r.measure)).collect();
    (items, other)
}
