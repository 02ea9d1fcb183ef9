//! Spans after aggregation: the growth rates published with them, and the months and
//! quarters that two cumulative figures of a year give (rule 6 of the module).

use std::collections::BTreeMap;

use super::totals::{Aggregate, FlowSums, PublishedPct, SpanTotals};
use crate::model::dataset::{Columns, Dataset, Flow, Period};
use crate::model::period::{MonthRange, YearMonth};

/// Sets each span's published rates: a flow's rate is kept when the figure shown is the value
/// of a row of the selection that carries one (the World row, or the one partner's row), and
/// all such rows agree; a sum of several published figures has no published rate.
pub(super) fn published_rates(data: &Dataset, a: &mut Aggregate, kept: impl Fn(usize, &Columns<'_>) -> bool) {
    let cols = data.columns();
    let mut found: BTreeMap<(MonthRange, Flow), Vec<(f64, f64)>> = BTreeMap::new();
    for &(row, pct) in data.published_changes() {
        let i = row as usize;
        if let Some(Period::Span(r)) = cols.period.get(i).copied()
            && kept(i, &cols)
        {
            found.entry((r, cols.flow[i])).or_default().push((cols.value_usd[i], pct));
        }
    }
    for span in &mut a.spans {
        let rate = |flow: Flow, shown: Option<f64>| -> Option<f64> {
            let shown = shown?;
            let mut rates =
                found.get(&(span.range, flow))?.iter().filter(|(v, _)| same(*v, shown)).map(|r| r.1);
            let first = rates.next()?;
            rates.all(|p| p == first).then_some(first)
        };
        let s = span.sums;
        let turnover_only = (!s.has_split).then_some(s.turnover_only_usd);
        span.published = PublishedPct {
            exports: rate(Flow::Export, s.exports()),
            imports: rate(Flow::Import, s.imports()),
            turnover: rate(Flow::Turnover, turnover_only),
        };
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The difference of two cumulative figures of a year, flow by flow; `None` when they do not
/// hold the same flows (one split, the other turnover only).
fn difference(later: &FlowSums, earlier: &FlowSums) -> Option<FlowSums> {
    if later.has_split != earlier.has_split
        || (later.turnover_only_usd == 0.0) != (earlier.turnover_only_usd == 0.0)
    {
        return None;
    }
    Some(FlowSums {
        exports_usd: later.exports_usd - earlier.exports_usd,
        imports_usd: later.imports_usd - earlier.imports_usd,
        turnover_only_usd: later.turnover_only_usd - earlier.turnover_only_usd,
        has_split: later.has_split,
        exports_unknown: later.exports_unknown || earlier.exports_unknown,
        imports_unknown: later.imports_unknown || earlier.imports_unknown,
    })
}

/// Adds the months and quarters between consecutive cumulative figures of a year (Jan–Jun and
/// Jan–Jul give July; Jan–Mar and Jan–Jun give April–June), where the data does not hold that
/// month or quarter itself. Cumulative figures: published spans from January, a January month
/// (Jan–Jan) and an annual record (Jan–Dec). Derived figures are never themselves used to derive.
///
/// A derived month counts in its year like a month of the data (it is one the data does not
/// hold, so nothing is counted twice), unless the year is an annual record, which already
/// covers it; a year made of derived months only is added. [`Aggregate::derived_in_year`] says
/// which part of a year is derived. Derived quarters stay spans: they are not added to years.
pub(super) fn derive(a: &mut Aggregate) {
    let mut cumulative: BTreeMap<(i32, u8), FlowSums> = BTreeMap::new();
    for s in a.spans.iter().filter(|s| s.range.is_cumulative()) {
        cumulative.insert((s.range.end.year, s.range.end.month), s.sums);
    }
    for m in a.months.iter().filter(|m| m.period.month == 1) {
        cumulative.insert((m.period.year, 1), m.sums);
    }
    for y in a.years.iter().filter(|y| y.from_annual) {
        cumulative.insert((y.year, 12), y.sums);
    }
    if cumulative.len() < 2 {
        return;
    }
    let keys: Vec<(i32, u8)> = cumulative.keys().copied().collect();
    let mut new_months = Vec::new();
    let mut new_spans = Vec::new();
    for pair in keys.windows(2) {
        let [(y0, m0), (y1, m1)] = [pair[0], pair[1]];
        let (Some(start), Some(end)) = (YearMonth::new(y1, m0 + 1), YearMonth::new(y1, m1)) else { continue };
        if y0 != y1 {
            continue;
        }
        let Some(sums) = difference(&cumulative[&pair[1]], &cumulative[&pair[0]]) else { continue };
        let range = MonthRange { start, end };
        if start == end {
            if a.month(start).is_none() {
                new_months.push(super::totals::MonthTotals { period: start, sums });
            }
        } else if range.is_quarter() && !a.spans.iter().any(|s| s.range == range) {
            new_spans.push(SpanTotals { range, sums, published: PublishedPct::default(), derived: true });
        }
    }
    a.derived_months = new_months.iter().map(|m| m.period).collect();
    for m in &new_months {
        add_to_year(a, m);
    }
    a.months.extend(new_months);
    a.months.sort_by_key(|m| m.period);
    a.spans.extend(new_spans);
    a.spans.sort_by_key(|s| s.range);
}

/// Adds a derived month into its year (see [`derive`]).
fn add_to_year(a: &mut Aggregate, m: &super::totals::MonthTotals) {
    match a.years.iter_mut().find(|y| y.year == m.period.year) {
        Some(y) if y.from_annual => {}
        Some(y) => {
            y.sums.merge(&m.sums);
            y.months = y.months.saturating_add(1);
        }
        None => {
            let year = super::totals::YearTotals {
                year: m.period.year,
                sums: m.sums,
                months: 1,
                from_annual: false,
            };
            let at = a.years.partition_point(|y| y.year < year.year);
            a.years.insert(at, year);
        }
    }
}
