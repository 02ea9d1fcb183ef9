//! Totals against their parts, where a file holds both: partners against World; commodity
//! chapters (or SITC sections, or whatever level is the most aggregate below it) against
//! TOTAL; the twelve months of a year against an annual record of it. A difference says that
//! rows are missing, damaged or revised; over [`WARN_SHARE`] of the total it is a warning.
//!
//! A download of a few partners (or chapters) beside World (or TOTAL) differs by design: the
//! comparison then says how much of the total those parts are. The comparison is never used
//! to change a figure.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::dataset::{Dataset, Flow, Period, is_total_code};

/// Share of the total past which a difference is a warning (0.5%).
pub const WARN_SHARE: f64 = 0.005;

/// Lines of parts listed per comparison.
pub const MAX_PART_LINES: usize = 20;

/// Comparisons listed; past this they are only counted.
pub const MAX_LISTED: usize = 1000;

/// One total against the sum of its parts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reconciliation {
    /// The month or year ("2018-04", "2018").
    #[serde(serialize_with = "period_text")]
    pub period: Period,
    /// What was compared: "partners vs World: Belarus, export, TOTAL".
    pub what: String,
    /// The total in the file, US dollars.
    pub total: f64,
    /// The sum of its parts in the file, US dollars.
    pub sum_of_parts: f64,
    /// `total - sum_of_parts`, US dollars.
    pub difference: f64,
    /// Whether the difference is over [`WARN_SHARE`] of the total.
    pub warning: bool,
    /// Line of the total's row, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_line: Option<u64>,
    /// Lines of the first [`MAX_PART_LINES`] parts.
    pub part_lines: Vec<u64>,
    /// Parts summed.
    pub parts: u64,
}

fn period_text<S: Serializer>(p: &Period, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(p)
}

/// A total and its parts as rows are added.
#[derive(Default)]
struct Sides {
    total: Option<f64>,
    total_line: Option<u64>,
    sum: f64,
    parts: u64,
    part_lines: Vec<u64>,
    /// Commodity level of the parts summed (the most aggregate seen).
    level: usize,
    /// Months of the year seen, as bits (months against the annual record).
    months: u16,
}

impl Sides {
    fn add_total(&mut self, value: f64, line: Option<u64>) {
        *self.total.get_or_insert(0.0) += value;
        self.total_line = self.total_line.or(line);
    }

    fn add_part(&mut self, value: f64, line: Option<u64>) {
        self.sum += value;
        self.parts += 1;
        if let Some(l) = line
            && self.part_lines.len() < MAX_PART_LINES
        {
            self.part_lines.push(l);
        }
    }

    fn result(self, period: Period, what: String) -> Option<Reconciliation> {
        let total = self.total?;
        if self.parts == 0 {
            return None;
        }
        let difference = total - self.sum;
        // Sums of values with cents pick up noise past the cent.
        (difference.abs() >= 0.005).then(|| Reconciliation {
            period,
            what,
            total,
            sum_of_parts: self.sum,
            difference,
            warning: difference.abs() > WARN_SHARE * total.abs(),
            total_line: self.total_line,
            part_lines: self.part_lines,
            parts: self.parts,
        })
    }
}

/// Every comparison of a total with its parts that differs by a cent or more, in period
/// order. `line` gives a row's line in the file (if known).
#[must_use]
pub fn reconcile(data: &Dataset, line: impl Fn(usize) -> Option<u64>) -> Vec<Reconciliation> {
    let mut out = Vec::new();
    let cols = data.columns();
    let names = |r: u32, p: Option<u32>, f: Flow, c: Option<u32>| {
        let mut s = data.reporters()[r as usize].label();
        if let Some(p) = p {
            s.push_str(" – ");
            s.push_str(&data.partners()[p as usize].label());
        }
        s.push_str(&format!(", {f}"));
        if let Some(c) = c {
            s.push_str(", ");
            s.push_str(&data.commodities()[c as usize].code);
        }
        s
    };
    let world: Vec<bool> = data.partners().iter().map(super::dataset::Party::is_world).collect();
    if world.iter().any(|w| *w) && world.iter().any(|w| !*w) {
        let mut groups: BTreeMap<(Period, u32, Flow, u32), Sides> = BTreeMap::new();
        for i in 0..data.len() {
            let g = groups
                .entry((cols.period[i], cols.reporter[i], cols.flow[i], cols.commodity[i]))
                .or_default();
            if world[cols.partner[i] as usize] {
                g.add_total(cols.value_usd[i], line(i));
            } else {
                g.add_part(cols.value_usd[i], line(i));
            }
        }
        out.extend(groups.into_iter().filter_map(|((p, r, f, c), s)| {
            s.result(p, format!("partners vs World: {}", names(r, None, f, Some(c))))
        }));
    }
    let levels: Vec<usize> = data
        .commodities()
        .iter()
        .map(|c| if is_total_code(&c.code) { 0 } else { c.code.trim().len() })
        .collect();
    if levels.contains(&0) && levels.iter().any(|l| *l > 0) {
        let mut groups: BTreeMap<(Period, u32, u32, Flow), Sides> = BTreeMap::new();
        for i in 0..data.len() {
            let g =
                groups.entry((cols.period[i], cols.reporter[i], cols.partner[i], cols.flow[i])).or_default();
            let level = levels[cols.commodity[i] as usize];
            if level == 0 {
                g.add_total(cols.value_usd[i], line(i));
            } else if g.parts == 0 || level < g.level {
                // A more aggregate level than the parts so far: start again with it.
                *g = Sides { total: g.total, total_line: g.total_line, level, ..Sides::default() };
                g.add_part(cols.value_usd[i], line(i));
            } else if level == g.level {
                g.add_part(cols.value_usd[i], line(i));
            }
        }
        out.extend(groups.into_iter().filter_map(|((p, r, pa, f), s)| {
            let parts = match s.level {
                1 => "sections".to_owned(),
                2 => "chapters".to_owned(),
                n => format!("{n}-digit codes"),
            };
            s.result(p, format!("{parts} vs TOTAL: {}", names(r, Some(pa), f, None)))
        }));
    }
    let bounds = data.period_bounds();
    if bounds.years.is_some() && bounds.months.is_some() {
        let mut groups: BTreeMap<(i32, u32, u32, Flow, u32), Sides> = BTreeMap::new();
        for i in 0..data.len() {
            let key =
                (cols.period[i].year(), cols.reporter[i], cols.partner[i], cols.flow[i], cols.commodity[i]);
            let g = groups.entry(key).or_default();
            match cols.period[i] {
                Period::Year(_) => g.add_total(cols.value_usd[i], line(i)),
                // Spans are published figures of their own; months are checked against years.
                Period::Span(_) => {}
                Period::Month(m) => {
                    g.months |= 1 << (m.month - 1);
                    g.add_part(cols.value_usd[i], line(i));
                }
            }
        }
        // Only whole years: a year with some months missing differs from its annual record
        // by those months.
        out.extend(groups.into_iter().filter(|(_, s)| s.months == 0xFFF).filter_map(
            |((y, r, pa, f, c), s)| {
                s.result(
                    Period::Year(y),
                    format!("months vs the annual record: {}", names(r, Some(pa), f, Some(c))),
                )
            },
        ));
    }
    out.sort_by(|a, b| {
        let key = |r: &Reconciliation| match r.period {
            Period::Month(m) => (m.year, m.month),
            Period::Year(y) => (y, 13),
            Period::Span(r) => (r.end.year, r.end.month),
        };
        key(a).cmp(&key(b))
    });
    out.truncate(MAX_LISTED);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Commodity, Party, Record};
    use crate::model::period::YearMonth;

    fn rec(period: Period, partner: &str, commodity: &str, v: f64) -> Record {
        Record {
            period,
            reporter: Party { code: "BLR".into(), name: "Belarus".into() },
            partner: Party { code: partner.into(), name: partner.into() },
            flow: Flow::Export,
            commodity: Commodity { code: commodity.into(), name: String::new() },
            value_usd: v,
        }
    }

    #[test]
    fn compares_world_chapters_and_annual_records_with_their_parts() {
        let jan = Period::Month(YearMonth::new(2018, 1).unwrap());
        let mut rows = vec![
            rec(jan, "W00", "TOTAL", 100.0),
            rec(jan, "KAZ", "TOTAL", 60.0),
            rec(jan, "RUS", "TOTAL", 39.0),
            // Chapters of KAZ sum to its TOTAL; headings are not summed with them.
            rec(jan, "KAZ", "04", 50.0),
            rec(jan, "KAZ", "0401", 30.0),
            rec(jan, "KAZ", "84", 10.0),
        ];
        for m in 1..=12 {
            rows.push(rec(Period::Month(YearMonth::new(2017, m).unwrap()), "KAZ", "TOTAL", 10.0));
        }
        rows.push(rec(Period::Year(2017), "KAZ", "TOTAL", 121.0));
        let data: Dataset = rows.into_iter().collect();
        let lines: Vec<u64> = (2..2 + data.len() as u64).collect();
        let r = reconcile(&data, |i| lines.get(i).copied());
        assert_eq!(r.len(), 2, "{r:#?}");
        // 2017 (annual) sorts after the months of 2017 and before 2018.
        assert_eq!(r[0].what, "months vs the annual record: Belarus (BLR) – KAZ, export, TOTAL");
        assert_eq!((r[0].total, r[0].sum_of_parts, r[0].difference), (121.0, 120.0, 1.0));
        assert!(r[0].warning);
        assert_eq!(r[1].what, "partners vs World: Belarus (BLR), export, TOTAL");
        assert_eq!((r[1].total, r[1].sum_of_parts, r[1].difference, r[1].parts), (100.0, 99.0, 1.0, 2));
        assert_eq!((r[1].total_line, r[1].part_lines.clone()), (Some(2), vec![3, 4]));
        // The chapters of KAZ (04 and 84; the heading 0401 is a level below) sum to its TOTAL,
        // and World has no chapter rows to compare: no other entry.
        let json = serde_json::to_value(&r[1]).unwrap();
        assert_eq!(json["period"], "2018-01");
    }
}
