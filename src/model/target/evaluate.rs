//! [`evaluate`]: a target against the aggregate of its scope. Growth follows the one
//! year-on-year policy ([`Comparison`]): the months present in both years, the others named
//! in the notes.

use std::collections::BTreeMap;

use super::reported::{self, CurrentPin};
use super::status::{Current, CurrentSource, Projection, TargetStatus, project, required_cagr};
use super::types::{BaselineOrigin, CurrentBasis, Target, TargetMeasure};
use crate::model::growth::Comparison;
use crate::model::note::{Arg, Note};
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::Aggregate;
use crate::model::reported::ReportedFigure;

/// One measure of one scope, by month and by year, as the evaluation needs it.
struct Series {
    /// Months with a value for the measure.
    months: BTreeMap<YearMonth, f64>,
    /// Years with a value: (total, months with data, from an annual record).
    years: BTreeMap<i32, (f64, usize, bool)>,
}

impl Series {
    fn new(agg: &Aggregate, measure: TargetMeasure) -> Self {
        let months: BTreeMap<YearMonth, f64> =
            agg.months.iter().filter_map(|t| Some((t.period, measure.value(&t.sums)?))).collect();
        let mut years: BTreeMap<i32, (f64, usize, bool)> = BTreeMap::new();
        for (m, v) in &months {
            let e = years.entry(m.year).or_insert((0.0, 0, false));
            e.0 += v;
            e.1 += 1;
        }
        for y in agg.years.iter().filter(|y| y.from_annual) {
            if let Some(v) = measure.value(&y.sums) {
                years.entry(y.year).or_insert((v, 12, true));
            }
        }
        Self { months, years }
    }

    fn last_month(&self) -> Option<YearMonth> {
        self.months.keys().next_back().copied()
    }

    /// Months of the range with a value, and those without.
    fn present_missing(&self, range: MonthRange) -> (Vec<YearMonth>, Vec<YearMonth>) {
        range.iter().partition(|m| self.months.contains_key(m))
    }

    fn sum(&self, months: &[YearMonth]) -> f64 {
        months.iter().filter_map(|m| self.months.get(m)).sum()
    }

    /// Whether the year has monthly data.
    fn has_months(&self, year: i32) -> bool {
        self.years.get(&year).is_some_and(|y| !y.2)
    }

    /// The range against the same months a year earlier, on the months present in both.
    fn compare(&self, range: MonthRange) -> Comparison {
        Comparison::new(range, |m| self.months.get(&m).copied())
    }
}

/// Growth of a range against the same months a year earlier, with notes on what was compared.
fn yoy(series: &Series, range: MonthRange, notes: &mut Vec<Note>) -> Option<f64> {
    let cmp = series.compare(range);
    let prev_range = cmp.previous();
    let growth = cmp.growth();
    if cmp.common.is_empty() {
        notes.push(Note::new("note-growth-no-overlap").with("range", Arg::Range(range)));
    } else if cmp.is_complete() {
        if let Some(g) = growth {
            notes.push(
                Note::new("note-growth-against")
                    .with("range", Arg::Range(range))
                    .with("previous", Arg::Range(prev_range))
                    .with("growth", Arg::Growth(g)),
            );
        } else {
            notes.push(Note::new("note-growth-no-trade").with("previous", Arg::Range(prev_range)));
        }
    } else {
        let gaps = cmp.left_out();
        notes.push(
            Note::new("note-growth-partial")
                .with("count", Arg::Count(cmp.common.len() as u64))
                .with("left", Arg::Months(gaps)),
        );
        if let Some(g) = growth {
            notes.push(Note::new("note-growth-common-months").with("growth", Arg::Growth(g)));
        }
    }
    growth
}

/// The year to date of `last` scaled to a full year. With monthly data for the year before:
/// `ytd × (last year / the same months last year)`, over the months present in both years;
/// otherwise `ytd × 12 / months present`, and the notes say that seasonality is ignored.
fn annualise(series: &Series, last: YearMonth, notes: &mut Vec<Note>) -> Option<f64> {
    let ytd = MonthRange::new(YearMonth { year: last.year, month: 1 }, last);
    let prev_year = last.year - 1;
    let cmp = series.compare(ytd);
    if series.has_months(prev_year) && cmp.prev_usd > 0.0 {
        let &(prev_total, prev_months, _) = series.years.get(&prev_year)?;
        let share = cmp.prev_usd / prev_total;
        notes.push(
            Note::new("note-annualised-seasonality")
                .with("year", Arg::Year(prev_year))
                .with("months", Arg::Months(cmp.common.iter().map(|m| m.year_earlier()).collect()))
                .with("share", Arg::Decimal(share * 100.0, 1))
                .with("factor", Arg::Decimal(share, 3)),
        );
        if prev_months < 12 {
            notes.push(
                Note::new("note-annualised-short-year")
                    .with("year", Arg::Year(prev_year))
                    .with("months", Arg::Count(prev_months as u64)),
            );
        }
        return Some(cmp.this_usd * prev_total / cmp.prev_usd);
    }
    let (present, _) = series.present_missing(ytd);
    if present.is_empty() {
        return None;
    }
    let n = present.len();
    notes.push(
        Note::new("note-annualised-no-previous")
            .with("year", Arg::Year(prev_year))
            .with("months", Arg::Count(n as u64)),
    );
    // n ≤ 12, exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let factor = 12.0 / n as f64;
    Some(series.sum(&present) * factor)
}

/// Current value, its growth and the notes, computed from the data with `basis`.
fn current_from_data(
    series: &Series,
    basis: CurrentBasis,
    notes: &mut Vec<Note>,
) -> Option<(Current, Option<f64>)> {
    match basis {
        CurrentBasis::LastFullYear => last_full_year(series, notes),
        CurrentBasis::YearToDate | CurrentBasis::YtdAnnualised => year_to_date(series, basis, notes),
        CurrentBasis::Rolling12 => rolling_12_months(series, notes),
    }
}

/// The last calendar year the data covers, against the year before.
fn last_full_year(series: &Series, notes: &mut Vec<Note>) -> Option<(Current, Option<f64>)> {
    let last = series.last_month();
    let over = |y: i32, annual: bool| annual || last.is_some_and(|m| m.year > y || m.month == 12);
    let Some((&year, &(value, months, annual))) =
        series.years.iter().rev().find(|(y, (_, _, annual))| over(**y, *annual))
    else {
        if !series.years.is_empty() {
            notes.push(Note::new("note-current-no-full-year"));
        }
        return None;
    };
    let mut period = Note::plain(year.to_string());
    if annual {
        notes.push(Note::new("note-current-annual-record").with("year", Arg::Year(year)));
    } else {
        let range = MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 });
        let (_, missing) = series.present_missing(range);
        if missing.is_empty() {
            notes.push(Note::new("note-current-full-year").with("year", Arg::Year(year)));
        } else {
            period = Note::new("note-label-part-year")
                .with("year", Arg::Year(year))
                .with("months", Arg::Count(months as u64));
            notes.push(
                Note::new("note-current-part-year")
                    .with("year", Arg::Year(year))
                    .with("months", Arg::Count(months as u64))
                    .with("missing", Arg::Months(missing)),
            );
        }
    }
    let growth = match series.years.get(&(year - 1)) {
        None => {
            notes.push(Note::new("note-growth-no-data").with("year", Arg::Year(year - 1)));
            None
        }
        Some(&(prev, _, prev_annual)) if annual || prev_annual => {
            let short = if months < 12 {
                Note::new("note-growth-short-year")
                    .with("year", Arg::Year(year))
                    .with("months", Arg::Count(months as u64))
            } else {
                Note::plain("")
            };
            notes.push(
                Note::new("note-growth-annual")
                    .with("year", Arg::Year(year))
                    .with("previous", Arg::Year(year - 1))
                    .with("short", Arg::Note(Box::new(short))),
            );
            (prev > 0.0).then(|| value / prev - 1.0)
        }
        Some(_) => {
            yoy(series, MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 }), notes)
        }
    };
    let current = Current {
        source: CurrentSource::Data(CurrentBasis::LastFullYear),
        value_usd: value,
        year,
        months: (!annual)
            .then(|| MonthRange::new(YearMonth { year, month: 1 }, YearMonth { year, month: 12 })),
        label: period.to_string(),
        period,
        annual_level_usd: Some(value),
        reported: None,
    };
    Some((current, growth))
}

/// January to the latest month, as is or annualised, against the same months a year earlier.
fn year_to_date(
    series: &Series,
    basis: CurrentBasis,
    notes: &mut Vec<Note>,
) -> Option<(Current, Option<f64>)> {
    let Some(last) = series.last_month() else {
        notes.push(Note::new("note-no-monthly-data").with("basis", Arg::Basis(basis)));
        return None;
    };
    let range = MonthRange::new(YearMonth { year: last.year, month: 1 }, last);
    let (present, missing) = series.present_missing(range);
    let ytd = series.sum(&present);
    if missing.is_empty() {
        notes.push(
            Note::new("note-ytd")
                .with("range", Arg::Range(range))
                .with("months", Arg::Count(present.len() as u64)),
        );
    } else {
        notes.push(
            Note::new("note-ytd-missing")
                .with("range", Arg::Range(range))
                .with("missing", Arg::Months(missing)),
        );
    }
    let growth = yoy(series, range, notes);
    let annual = annualise(series, last, notes);
    let (value, period) = if basis == CurrentBasis::YearToDate {
        (ytd, Note::value(Arg::Range(range)))
    } else {
        (annual?, Note::new("note-annualised-label").with("range", Arg::Range(range)))
    };
    if basis == CurrentBasis::YearToDate && annual.is_some() {
        notes.push(Note::new("note-annualised-projection"));
    }
    let current = Current {
        source: CurrentSource::Data(basis),
        value_usd: value,
        year: last.year,
        months: Some(range),
        label: period.to_string(),
        period,
        annual_level_usd: annual,
        reported: None,
    };
    Some((current, growth))
}

/// The 12 months to the latest month, against the 12 months before.
fn rolling_12_months(series: &Series, notes: &mut Vec<Note>) -> Option<(Current, Option<f64>)> {
    let Some(last) = series.last_month() else {
        notes.push(Note::new("note-no-monthly-data").with("basis", Arg::Basis(CurrentBasis::Rolling12)));
        return None;
    };
    let range = MonthRange::new(YearMonth::from_index(last.index() - 11), last);
    let (present, missing) = series.present_missing(range);
    let value = series.sum(&present);
    if missing.is_empty() {
        notes.push(Note::new("note-rolling").with("range", Arg::Range(range)));
    } else {
        notes.push(
            Note::new("note-rolling-missing")
                .with("range", Arg::Range(range))
                .with("missing", Arg::Months(missing)),
        );
    }
    let growth = yoy(series, range, notes);
    let current = Current {
        source: CurrentSource::Data(CurrentBasis::Rolling12),
        value_usd: value,
        year: last.year,
        months: Some(range),
        label: range.label(),
        period: Note::value(Arg::Range(range)),
        annual_level_usd: Some(value),
        reported: None,
    };
    Some((current, growth))
}

/// Compares `target` with `agg`, the aggregate of the target's [`Target::selection`] (the app
/// keeps one per target in a cache; nothing here scans a dataset), and with the workspace's
/// `reported` figures. Pure and cheap: months and years of one series.
///
/// The current value is the latest figure for the basis, from the data or from a reported
/// figure of the target's pair and measure (the data's when both end in the same month), or
/// the one pinned with [`Target::pin`]. When there is none newer than the baseline, the
/// baseline stands in (and the notes say so); growth is then unknown.
#[must_use]
pub fn evaluate(target: &Target, agg: &Aggregate, reported: &[ReportedFigure]) -> TargetStatus {
    let series = Series::new(agg, target.measure);
    let mut explanation = Vec::new();
    let notes = &mut explanation;
    let baseline_usd = baseline(target, &series, notes);
    let (current, observed_growth) = current(target, &series, reported, baseline_usd, notes);

    let target_usd = target.target_usd;
    let valid_target = target_usd.is_finite() && target_usd > 0.0;
    let current_usd = current.as_ref().map(|c| c.value_usd);
    let gap_usd = current_usd.filter(|_| valid_target).map(|c| target_usd - c);
    let gap_pct = gap_usd.map(|g| g / target_usd * 100.0);
    let progress_pct = current_usd.filter(|_| valid_target).map(|c| c / target_usd * 100.0);
    let level = progress_pct.map(|p| target.thresholds.level(p));
    let required_cagr = required_growth(target, baseline_usd, notes);
    let required_path_usd = required_path(target, current.as_ref(), baseline_usd, required_cagr);
    let projection = match &current {
        Some(c) if valid_target => projection(c, observed_growth, target_usd),
        _ => Projection::Unknown,
    };
    if projection == Projection::NotReached {
        notes.push(Note::new("note-projection-never"));
    }

    TargetStatus {
        current,
        baseline_usd,
        gap_usd,
        gap_pct,
        progress_pct,
        required_cagr,
        observed_growth,
        required_path_usd,
        projection,
        level,
        notes: explanation.iter().map(ToString::to_string).collect(),
        explanation,
    }
}

/// The baseline value: as reported, or computed from the data for the baseline year.
fn baseline(target: &Target, series: &Series, notes: &mut Vec<Note>) -> Option<f64> {
    let baseline_year = target.baseline.year;
    match &target.baseline.origin {
        BaselineOrigin::Reported { source, .. } => {
            let by = if source.trim().is_empty() { "none" } else { source.trim() };
            notes.push(
                Note::new("note-baseline-reported")
                    .with("value", Arg::Usd(target.baseline.value_usd))
                    .with("year", Arg::Year(baseline_year))
                    .with("by", Arg::Text(by.to_owned())),
            );
            Some(target.baseline.value_usd).filter(|v| v.is_finite() && *v > 0.0)
        }
        BaselineOrigin::Computed => match series.years.get(&baseline_year) {
            Some(&(v, months, annual)) => {
                let how = if annual {
                    Note::new("note-baseline-how-annual")
                } else if months == 12 {
                    Note::new("note-baseline-how-full")
                } else {
                    Note::new("note-baseline-how-part").with("months", Arg::Count(months as u64))
                };
                notes.push(
                    Note::new("note-baseline-computed")
                        .with("value", Arg::Usd(v))
                        .with("year", Arg::Year(baseline_year))
                        .with("how", Arg::Note(Box::new(how))),
                );
                Some(v).filter(|v| *v > 0.0)
            }
            None => {
                notes.push(
                    Note::new("note-baseline-missing")
                        .with("measure", Arg::Measure(target.measure, false))
                        .with("year", Arg::Year(baseline_year)),
                );
                None
            }
        },
    }
}

/// The current value and its observed growth: from the data, or the baseline standing in.
fn current(
    target: &Target,
    series: &Series,
    reported: &[ReportedFigure],
    baseline_usd: Option<f64>,
    notes: &mut Vec<Note>,
) -> (Option<Current>, Option<f64>) {
    let baseline_year = target.baseline.year;
    let mut data_notes = Vec::new();
    let mut from_data = current_from_data(series, target.basis, &mut data_notes);
    if let Some(figure) = reported_choice(target, from_data.as_ref().map(|(c, _)| c), reported, notes)
        && figure.span.is_some_and(|s| s.end.year >= baseline_year)
        && let Some((c, growth)) = reported::current_from(target, figure, reported, notes)
    {
        return (Some(c), growth);
    }
    notes.append(&mut data_notes);
    if from_data.as_ref().is_some_and(|(c, _)| c.year < baseline_year) {
        notes.push(Note::new("note-baseline-newer").with("year", Arg::Year(baseline_year)));
        from_data = None;
    }
    match (from_data, baseline_usd) {
        (Some((c, g)), _) => (Some(c), g),
        (None, Some(b)) => {
            if series.months.is_empty() && series.years.is_empty() {
                notes.push(
                    Note::new("note-baseline-stands-in")
                        .with("measure", Arg::Measure(target.measure, true))
                        .with("scope", Arg::Text(target.scope_label())),
                );
            }
            let period = if target.baseline.is_reported() {
                Note::new("note-baseline-reported-label").with("year", Arg::Year(baseline_year))
            } else {
                Note::plain(baseline_year.to_string())
            };
            let c = Current {
                source: CurrentSource::Baseline,
                value_usd: b,
                year: baseline_year,
                months: None,
                label: period.to_string(),
                period,
                annual_level_usd: Some(b),
                reported: None,
            };
            (Some(c), None)
        }
        (None, None) => (None, None),
    }
}

/// The reported figure to use as the current value, if any: the pinned one, or the latest that
/// fits the basis when it ends after the data's figure.
fn reported_choice<'a>(
    target: &Target,
    data: Option<&Current>,
    reported: &'a [ReportedFigure],
    notes: &mut Vec<Note>,
) -> Option<&'a ReportedFigure> {
    let latest = match target.pin {
        CurrentPin::Data => return None,
        CurrentPin::Reported(id) => match reported::pinned(id, reported) {
            Some(f) => {
                notes.push(Note::new("note-pinned-figure"));
                return Some(f);
            }
            None => {
                notes.push(Note::new("note-pinned-missing"));
                reported::latest(target, reported)
            }
        },
        CurrentPin::Latest => reported::latest(target, reported),
    }?;
    let data_end = data.map(|c| c.months.map_or(YearMonth { year: c.year, month: 12 }, |m| m.end));
    let figure_end = latest.span?.end;
    match data_end {
        Some(end) if end >= figure_end => {
            let period = latest.span.map_or_else(|| Arg::Text(String::new()), Arg::Period);
            notes.push(
                Note::new("note-reported-not-later")
                    .with("value", Arg::Usd(latest.value_usd))
                    .with("period", period)
                    .with("source", Arg::Text(latest.source.trim().to_owned())),
            );
            None
        }
        _ => Some(latest),
    }
}

/// The compound annual growth needed from the baseline to the target by the deadline.
fn required_growth(target: &Target, baseline_usd: Option<f64>, notes: &mut Vec<Note>) -> Option<f64> {
    let (baseline_year, target_usd) = (target.baseline.year, target.target_usd);
    match target.deadline_year {
        None => {
            notes.push(Note::new("note-required-no-deadline"));
            None
        }
        Some(deadline) => {
            let r = baseline_usd.and_then(|b| required_cagr(b, target_usd, deadline - baseline_year));
            if deadline <= baseline_year {
                notes.push(
                    Note::new("note-required-deadline-early")
                        .with("deadline", Arg::Year(deadline))
                        .with("year", Arg::Year(baseline_year)),
                );
            } else if r == Some(0.0) {
                notes.push(Note::new("note-required-none").with("year", Arg::Year(baseline_year)));
            } else if let Some(r) = r {
                notes.push(
                    Note::new("note-required")
                        .with("growth", Arg::Growth(r))
                        .with("years", Arg::Count(u64::try_from(deadline - baseline_year).unwrap_or(0)))
                        .with("year", Arg::Year(baseline_year))
                        .with("deadline", Arg::Year(deadline)),
                );
            }
            r
        }
    }
}

/// Where the required growth path stands in the current value's year.
fn required_path(
    target: &Target,
    current: Option<&Current>,
    baseline_usd: Option<f64>,
    required_cagr: Option<f64>,
) -> Option<f64> {
    let (baseline_year, target_usd) = (target.baseline.year, target.target_usd);
    match (current, baseline_usd, required_cagr, target.deadline_year) {
        (Some(c), Some(b), Some(r), Some(deadline)) if c.year > baseline_year => {
            if c.year >= deadline {
                Some(target_usd)
            } else {
                // A baseline already above the target needs no growth: the path is the target.
                Some((b * (1.0 + r).powi(c.year - baseline_year)).min(target_usd))
            }
        }
        _ => None,
    }
}

/// When the target is reached from the current value `c` at the observed growth. "Met" needs
/// an actual figure at or above the target; an annualised year to date at or above it only
/// says the target is on course to be reached this year.
fn projection(c: &Current, observed_growth: Option<f64>, target_usd: f64) -> Projection {
    let estimate = c.source == CurrentSource::Data(CurrentBasis::YtdAnnualised);
    if c.value_usd >= target_usd && !estimate {
        Projection::Met { year: c.year }
    } else {
        match (c.annual_level_usd, observed_growth) {
            (Some(level), _) if level >= target_usd => Projection::Reached { year: c.year },
            (Some(level), Some(g)) => project(level, c.year, g, target_usd),
            _ => Projection::Unknown,
        }
    }
}
