//! Derived series for the chart, its table and its CSV export: year-on-year change, year to
//! date, rolling 12-month sums and annual totals, all computed from a cached [`Aggregate`].
//!
//! Rules:
//! - A month without data is a gap: it has no row, and anything that needs it is `None`
//!   (never zero). Year to date and rolling sums need every month they cover; a year-on-year
//!   change needs both months (or both year-to-date sums).
//! - Annual figures are the aggregate's years: annual records (Comtrade `freqCode` A) where a
//!   year has no monthly data, else the sum of its months. Annual records are never spread
//!   over months, and a year with fewer than 12 months says so.

use serde::{Deserialize, Serialize};

use super::dataset::{Dataset, Party};
use super::format;
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowSums, Selection, YearTotals};
use super::workspace::ChartSettings;

/// What is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Exports of the reporter to the partner.
    Exports,
    /// Imports of the reporter from the partner.
    Imports,
    /// Exports plus imports (plus turnover-only values).
    Turnover,
    /// Exports minus imports.
    Balance,
}

impl Measure {
    /// Every measure, in display order.
    pub const ALL: [Self; 4] = [Self::Exports, Self::Imports, Self::Turnover, Self::Balance];

    /// "Exports".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Exports => "Exports",
            Self::Imports => "Imports",
            Self::Turnover => "Turnover",
            Self::Balance => "Balance",
        }
    }

    /// The measure's value in some sums; `None` where the source does not give it (exports of
    /// a turnover-only source).
    #[must_use]
    pub fn value(self, sums: &FlowSums) -> Option<f64> {
        match self {
            Self::Exports => sums.exports(),
            Self::Imports => sums.imports(),
            Self::Turnover => Some(sums.turnover_usd()),
            Self::Balance => sums.balance_usd(),
        }
    }
}

/// How the chart shows the data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChartView {
    /// Values per month.
    #[default]
    Monthly,
    /// Change on the same month a year earlier, and on the same year-to-date a year earlier.
    Yoy,
    /// Year-to-date sums, beside the same months a year earlier.
    Ytd,
    /// Sum over the last 12 months.
    Rolling,
    /// Calendar years.
    Annual,
}

impl ChartView {
    /// Every view, in display order.
    pub const ALL: [Self; 5] = [Self::Monthly, Self::Yoy, Self::Ytd, Self::Rolling, Self::Annual];

    /// Caption in the UI.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Monthly => "Monthly",
            Self::Yoy => "Year on year %",
            Self::Ytd => "Year to date",
            Self::Rolling => "Rolling 12 months",
            Self::Annual => "Annual",
        }
    }

    /// Name on the command line (`--view yoy`).
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Monthly => "monthly",
            Self::Yoy => "yoy",
            Self::Ytd => "ytd",
            Self::Rolling => "rolling",
            Self::Annual => "annual",
        }
    }

    /// Parses a command-line name ("monthly", "yoy", "ytd", "rolling", "annual").
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.cli_name().eq_ignore_ascii_case(text.trim()))
    }

    /// What the view shows, for chart titles ("monthly trade", "year-to-date trade").
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Monthly => "monthly trade",
            Self::Yoy => "change on a year earlier",
            Self::Ytd => "year-to-date trade",
            Self::Rolling => "trade over the last 12 months",
            Self::Annual => "annual trade",
        }
    }
}

/// Relative change from `before` to `now` (0.186 for +18.6%); `None` when `before` is zero.
/// A negative base (a deficit) is taken by its size, so that a smaller deficit is a rise.
#[must_use]
pub fn change(now: f64, before: f64) -> Option<f64> {
    (before != 0.0 && now.is_finite() && before.is_finite()).then(|| (now - before) / before.abs())
}

/// The measure in month `m`; `None` when the month has no data.
#[must_use]
pub fn month_value(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    measure.value(&a.month(m)?.sums)
}

/// Change of the measure on the same month a year earlier; `None` when either month is missing.
#[must_use]
pub fn yoy(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    change(month_value(a, m, measure)?, month_value(a, m.year_earlier(), measure)?)
}

/// Sums over every month of `range`; `None` when any of them has no data.
#[must_use]
pub fn complete_sum(a: &Aggregate, range: MonthRange) -> Option<FlowSums> {
    let months = a.months_in(Some(range));
    if months.len() != range.len_months() {
        return None;
    }
    let mut sums = FlowSums::default();
    for t in months {
        sums.merge(&t.sums);
    }
    Some(sums)
}

/// January to `m` of m's year.
#[must_use]
pub fn ytd_range(m: YearMonth) -> MonthRange {
    MonthRange::new(YearMonth { year: m.year, month: 1 }, m)
}

/// Year to date through `m`; `None` unless every month from January has data.
#[must_use]
pub fn ytd(a: &Aggregate, m: YearMonth) -> Option<FlowSums> {
    complete_sum(a, ytd_range(m))
}

/// Change of the year-to-date measure through `m` on the same months a year earlier.
#[must_use]
pub fn ytd_yoy(a: &Aggregate, m: YearMonth, measure: Measure) -> Option<f64> {
    let now = measure.value(&ytd(a, m)?)?;
    let before = measure.value(&ytd(a, m.year_earlier())?)?;
    change(now, before)
}

/// The 12 months ending with `m`.
#[must_use]
pub fn rolling_range(m: YearMonth) -> MonthRange {
    MonthRange::new(YearMonth::from_index(m.index() - 11), m)
}

/// Sum over the 12 months ending with `m`; `None` unless all 12 have data.
#[must_use]
pub fn rolling12(a: &Aggregate, m: YearMonth) -> Option<FlowSums> {
    complete_sum(a, rolling_range(m))
}

/// What a year's figures stand on, for labels and notes.
#[must_use]
pub fn year_basis(a: &Aggregate, y: &YearTotals) -> String {
    if y.from_annual {
        return "annual record".to_owned();
    }
    if y.months >= 12 {
        return "12 months".to_owned();
    }
    let months = a.months_in(Some(MonthRange::new(
        YearMonth { year: y.year, month: 1 },
        YearMonth { year: y.year, month: 12 },
    )));
    match (months.first(), months.last()) {
        (Some(f), Some(l)) if l.period.month - f.period.month + 1 == y.months => {
            format!("{}–{}, {} months", f.period.month_abbr(), l.period.month_abbr(), y.months)
        }
        _ => format!("{} months", y.months),
    }
}

/// Whether a year's figures cover the whole year.
#[must_use]
pub fn full_year(y: &YearTotals) -> bool {
    y.from_annual || y.months >= 12
}

/// Unit of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// US dollars.
    Usd,
    /// A change, stored as a fraction (0.186) and shown as a percentage (+18.6%).
    Change,
}

/// What a column holds, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The main figure of the view.
    Current,
    /// The same figure a year earlier, drawn beside the current one.
    YearEarlier,
    /// A second figure of a change view (year-to-date change beside monthly change).
    Cumulative,
    /// The partner's own figure for the same flow (mirror statistics), drawn beside the reporter's.
    Mirror,
    /// The difference between two columns (mirror minus reporter's figure).
    Gap,
}

/// One column of a [`ViewTable`].
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Header ("Turnover", "Turnover YTD a year earlier").
    pub name: String,
    /// The measure it is about.
    pub measure: Measure,
    /// Dollars or change.
    pub unit: Unit,
    /// How it relates to the view's main figure.
    pub role: Role,
    /// Colour group when columns are partners rather than measures (index into a palette).
    pub group: Option<usize>,
}

impl Column {
    /// Header with its unit, for CSV files: "Turnover (USD)", "Turnover YoY (%)".
    #[must_use]
    pub fn header_with_unit(&self) -> String {
        match self.unit {
            Unit::Usd => format!("{} (USD)", self.name),
            Unit::Change => format!("{} (%)", self.name),
        }
    }

    /// A value as shown in the table: "7,646,000" or "+18.6%"; "—" for a gap.
    #[must_use]
    pub fn format(&self, value: Option<f64>) -> String {
        match (value, self.unit) {
            (None, _) => "—".to_owned(),
            (Some(v), Unit::Usd) => format::usd_exact(v),
            (Some(v), Unit::Change) => format::pct_change(v),
        }
    }
}

/// What a row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowKey {
    /// A month.
    Month(YearMonth),
    /// A calendar year.
    Year(i32),
}

impl RowKey {
    /// Plot x coordinate: the month index, or the year.
    #[must_use]
    pub fn x(self) -> f64 {
        match self {
            Self::Month(m) => f64::from(m.index()),
            Self::Year(y) => f64::from(y),
        }
    }

    /// "2018-07" or "2018", for CSV files.
    #[must_use]
    pub fn code(self) -> String {
        match self {
            Self::Month(m) => m.to_string(),
            Self::Year(y) => y.to_string(),
        }
    }

    /// Whether `next` directly follows this key (no gap between them).
    #[must_use]
    pub fn is_followed_by(self, next: Self) -> bool {
        match (self, next) {
            (Self::Month(a), Self::Month(b)) => a.succ() == b,
            (Self::Year(a), Self::Year(b)) => a + 1 == b,
            _ => false,
        }
    }
}

/// One row of a [`ViewTable`].
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Month or year.
    pub key: RowKey,
    /// "Jul 2018", "Jan–Jul 2018" (year to date), "2018 (Jan–Jul, 7 months)".
    pub label: String,
    /// One value per column; `None` is a gap.
    pub values: Vec<Option<f64>>,
    /// Turnover of the same period, for shares (`None` where unknown).
    pub turnover_usd: Option<f64>,
}

/// The numbers behind what the chart draws: one row per month (or year), one column per series.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewTable {
    /// The view the numbers are for.
    pub view: ChartView,
    /// Columns after the period.
    pub columns: Vec<Column>,
    /// Rows in time order. Months without data have no row.
    pub rows: Vec<Row>,
    /// Whether the columns compare aggregates (partners, or both sides of a pair) rather than
    /// measures of one aggregate.
    pub parts: bool,
}

impl ViewTable {
    /// The derived numbers of `view` for `measures`, over the months of `range` (every month
    /// when `None`). Comparisons reach back before the range: the aggregate covers all periods.
    #[must_use]
    pub fn build(a: &Aggregate, view: ChartView, measures: &[Measure], range: Option<MonthRange>) -> Self {
        let col =
            |measure: Measure, name: String, unit, role| Column { name, measure, unit, role, group: None };
        let mut columns = Vec::new();
        for &m in measures {
            let name = m.label();
            match view {
                ChartView::Monthly => columns.push(col(m, name.to_owned(), Unit::Usd, Role::Current)),
                ChartView::Yoy => {
                    columns.push(col(m, format!("{name} YoY"), Unit::Change, Role::Current));
                    columns.push(col(m, format!("{name} YTD YoY"), Unit::Change, Role::Cumulative));
                }
                ChartView::Ytd => {
                    columns.push(col(m, format!("{name} YTD"), Unit::Usd, Role::Current));
                    columns.push(col(m, format!("{name} YTD a year earlier"), Unit::Usd, Role::YearEarlier));
                }
                ChartView::Rolling => {
                    columns.push(col(m, format!("{name} 12 months"), Unit::Usd, Role::Current));
                }
                ChartView::Annual => {
                    columns.push(col(m, name.to_owned(), Unit::Usd, Role::Current));
                    columns.push(col(m, format!("{name} YoY"), Unit::Change, Role::Cumulative));
                }
            }
        }
        let rows = if view == ChartView::Annual {
            annual_rows(a, &columns, range)
        } else {
            a.months_in(range)
                .iter()
                .map(|t| {
                    let m = t.period;
                    let values = columns.iter().map(|c| monthly_value(a, view, m, c)).collect();
                    let (label, turnover_usd) = match view {
                        ChartView::Ytd => (ytd_range(m).label(), ytd(a, m).map(|s| s.turnover_usd())),
                        ChartView::Rolling => {
                            (rolling_range(m).label(), rolling12(a, m).map(|s| s.turnover_usd()))
                        }
                        _ => (m.label(), Some(t.sums.turnover_usd())),
                    };
                    Row { key: RowKey::Month(m), label, values, turnover_usd }
                })
                .collect()
        };
        Self { view, columns, rows, parts: false }
    }

    /// A table whose columns are figures of different aggregates: partners compared, or both
    /// sides of a pair (mirror statistics) with the gaps between them (`gaps`: the two columns
    /// and a header; the gap is the second minus the first). Rows are every period that any
    /// of them has; year-to-date and rolling sums are the current ones only.
    #[must_use]
    pub fn build_parts(
        parts: &[Part<'_>],
        view: ChartView,
        range: Option<MonthRange>,
        gaps: &[(usize, usize, String)],
    ) -> Self {
        let (unit, suffix) = match view {
            ChartView::Monthly | ChartView::Annual => (Unit::Usd, ""),
            ChartView::Yoy => (Unit::Change, " YoY"),
            ChartView::Ytd => (Unit::Usd, " YTD"),
            ChartView::Rolling => (Unit::Usd, " 12 months"),
        };
        let mut columns: Vec<Column> = parts
            .iter()
            .map(|p| Column {
                name: format!("{}{suffix}", p.label),
                measure: p.measure,
                unit,
                role: p.role,
                group: p.group,
            })
            .collect();
        let gaps: Vec<&(usize, usize, String)> = gaps
            .iter()
            .filter(|(a, b, _)| unit == Unit::Usd && *a < parts.len() && *b < parts.len())
            .collect();
        for (a, _, name) in &gaps {
            columns.push(Column {
                name: name.clone(),
                measure: parts[*a].measure,
                unit,
                role: Role::Gap,
                group: parts[*a].group,
            });
        }
        let rows = if view == ChartView::Annual {
            let years: std::collections::BTreeSet<i32> = parts
                .iter()
                .flat_map(|p| p.aggregate.years.iter().map(|y| y.year))
                .filter(|y| range.is_none_or(|r| (r.start.year..=r.end.year).contains(y)))
                .collect();
            years
                .into_iter()
                .map(|year| {
                    let totals: Vec<Option<&YearTotals>> =
                        parts.iter().map(|p| p.aggregate.years.iter().find(|t| t.year == year)).collect();
                    let values = parts.iter().zip(&totals).map(|(p, t)| p.measure.value(&t.as_ref()?.sums));
                    let label = parts
                        .iter()
                        .zip(&totals)
                        .find_map(|(p, t)| t.filter(|t| !full_year(t) || t.from_annual).map(|t| (p, t)))
                        .map_or_else(
                            || year.to_string(),
                            |(p, t)| format!("{year} ({})", year_basis(p.aggregate, t)),
                        );
                    Row { key: RowKey::Year(year), label, values: values.collect(), turnover_usd: None }
                })
                .collect()
        } else {
            let months: std::collections::BTreeSet<YearMonth> =
                parts.iter().flat_map(|p| p.aggregate.months_in(range).iter().map(|t| t.period)).collect();
            months
                .into_iter()
                .map(|m| {
                    let values = parts.iter().map(|p| {
                        let a = p.aggregate;
                        match view {
                            ChartView::Monthly => month_value(a, m, p.measure),
                            ChartView::Yoy => yoy(a, m, p.measure),
                            ChartView::Ytd => p.measure.value(&ytd(a, m)?),
                            ChartView::Rolling => p.measure.value(&rolling12(a, m)?),
                            ChartView::Annual => None,
                        }
                    });
                    let label = match view {
                        ChartView::Ytd => ytd_range(m).label(),
                        ChartView::Rolling => rolling_range(m).label(),
                        _ => m.label(),
                    };
                    Row { key: RowKey::Month(m), label, values: values.collect(), turnover_usd: None }
                })
                .collect()
        };
        let mut table = Self { view, columns, rows, parts: true };
        for row in &mut table.rows {
            for (a, b, _) in &gaps {
                let gap = row.values[*a].zip(row.values[*b]).map(|(x, y)| y - x);
                row.values.push(gap);
            }
        }
        table
    }

    /// The table as CSV: a period column, a label column, then one column per series with
    /// its unit; dollars as plain numbers, changes in percent; an empty cell is a gap.
    ///
    /// # Errors
    /// Only if the CSV writer fails on an in-memory buffer (not expected).
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["period".to_owned(), "label".to_owned()];
        header.extend(self.columns.iter().map(Column::header_with_unit));
        w.write_record(&header)?;
        for row in &self.rows {
            let mut record = vec![row.key.code(), row.label.clone()];
            record.extend(row.values.iter().zip(&self.columns).map(|(v, c)| match (v, c.unit) {
                (None, _) => String::new(),
                (Some(v), Unit::Usd) => v.to_string(),
                (Some(v), Unit::Change) => (v * 100.0).to_string(),
            }));
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
}

fn monthly_value(a: &Aggregate, view: ChartView, m: YearMonth, c: &Column) -> Option<f64> {
    match (view, c.role) {
        (ChartView::Monthly, _) => month_value(a, m, c.measure),
        (ChartView::Yoy, Role::Cumulative) => ytd_yoy(a, m, c.measure),
        (ChartView::Yoy, _) => yoy(a, m, c.measure),
        (ChartView::Ytd, Role::YearEarlier) => c.measure.value(&ytd(a, m.year_earlier())?),
        (ChartView::Ytd, _) => c.measure.value(&ytd(a, m)?),
        (ChartView::Rolling, _) => c.measure.value(&rolling12(a, m)?),
        (ChartView::Annual, _) => None,
    }
}

fn annual_rows(a: &Aggregate, columns: &[Column], range: Option<MonthRange>) -> Vec<Row> {
    let years = range.map_or(i32::MIN..=i32::MAX, |r| r.start.year..=r.end.year);
    a.years
        .iter()
        .enumerate()
        .filter(|(_, y)| years.contains(&y.year))
        .map(|(i, y)| {
            let previous = i.checked_sub(1).map(|j| &a.years[j]).filter(|p| p.year + 1 == y.year);
            let values = columns
                .iter()
                .map(|c| {
                    let now = c.measure.value(&y.sums)?;
                    match c.role {
                        Role::Cumulative => {
                            // Only whole years are compared: a part year against a full one is not a change.
                            let p = previous.filter(|p| full_year(p) && full_year(y))?;
                            change(now, c.measure.value(&p.sums)?)
                        }
                        _ => Some(now),
                    }
                })
                .collect();
            let label = if full_year(y) && !y.from_annual {
                y.year.to_string()
            } else {
                format!("{} ({})", y.year, year_basis(a, y))
            };
            Row { key: RowKey::Year(y.year), label, values, turnover_usd: Some(y.sums.turnover_usd()) }
        })
        .collect()
}

/// Display name of the party a query names, or `all` for no query.
#[must_use]
pub fn party_name(query: Option<&str>, list: &[Party], all: &str) -> String {
    match query {
        None => all.to_owned(),
        Some(q) => list.iter().find(|p| p.matches(q)).map_or_else(|| q.to_owned(), |p| p.name.clone()),
    }
}

/// What the chart panel draws from, all cached: the selection's aggregate, one per compared
/// partner, and the partner's mirror figures.
#[derive(Debug, Clone, Copy)]
pub struct ChartInputs<'a> {
    /// What is selected.
    pub selection: &'a Selection,
    /// How the chart is drawn.
    pub settings: &'a ChartSettings,
    /// The data, for party names.
    pub dataset: &'a Dataset,
    /// The selection's aggregate.
    pub aggregate: &'a Aggregate,
    /// One aggregate per partner of [`Selection::compare`].
    pub compared: &'a [(String, Aggregate)],
    /// The partner reporting the reporter, when the data has it.
    pub mirror: Option<&'a Aggregate>,
}

impl ChartInputs<'_> {
    /// Whether the chart shows mirror statistics (asked for, and the data has both sides).
    #[must_use]
    pub fn shows_mirror(&self) -> bool {
        self.settings.mirror
            && self.mirror.is_some()
            && self.selection.reporter.is_some()
            && self.selection.partner.is_some()
    }

    /// The measure drawn when partners are compared: turnover if it is on, else the first on.
    #[must_use]
    pub fn compare_measure(&self) -> Measure {
        let on = self.settings.measures();
        if on.contains(&Measure::Turnover) {
            Measure::Turnover
        } else {
            on.first().copied().unwrap_or(Measure::Turnover)
        }
    }

    /// The numbers the chart draws: mirror statistics, partners compared, or the measures of
    /// the selection, in the chosen view.
    #[must_use]
    pub fn table(&self) -> ViewTable {
        let sel = self.selection;
        let view = self.settings.view;
        let reporter = party_name(sel.reporter.as_deref(), self.dataset.reporters(), "All reporters");
        let partner = party_name(sel.partner.as_deref(), self.dataset.partners(), "All partners");
        if self.shows_mirror()
            && let Some(mirror) = self.mirror
        {
            // Both sides of a flow share a colour group: 0 for the reporter's exports, 1 for its imports.
            let part = |label: String, aggregate, measure, role, group| Part {
                label,
                aggregate,
                measure,
                role,
                group: Some(group),
            };
            let parts = [
                part(format!("{reporter} exports"), self.aggregate, Measure::Exports, Role::Current, 0),
                part(format!("{partner} imports from {reporter}"), mirror, Measure::Imports, Role::Mirror, 0),
                part(format!("{reporter} imports"), self.aggregate, Measure::Imports, Role::Current, 1),
                part(format!("{partner} exports to {reporter}"), mirror, Measure::Exports, Role::Mirror, 1),
            ];
            let gaps = [(0, 1, "Gap on exports".to_owned()), (2, 3, "Gap on imports".to_owned())];
            return ViewTable::build_parts(&parts, view, sel.range, &gaps);
        }
        if !self.compared.is_empty() {
            let measure = self.compare_measure();
            let mut parts = vec![Part {
                label: partner,
                aggregate: self.aggregate,
                measure,
                role: Role::Current,
                group: Some(0),
            }];
            for (i, (q, a)) in self.compared.iter().enumerate() {
                parts.push(Part {
                    label: party_name(Some(q), self.dataset.partners(), ""),
                    aggregate: a,
                    measure,
                    role: Role::Current,
                    group: Some(i + 1),
                });
            }
            return ViewTable::build_parts(&parts, view, sel.range, &[]);
        }
        ViewTable::build(self.aggregate, view, &self.settings.measures(), sel.range)
    }
}

/// One column of a comparison table: a measure of one aggregate, under a label.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    /// Column header ("Kazakhstan", "Brest Oblast exports").
    pub label: String,
    /// Whose figures.
    pub aggregate: &'a Aggregate,
    /// Which figure.
    pub measure: Measure,
    /// [`Role::Current`], or [`Role::Mirror`] for the partner's side of a pair.
    pub role: Role,
    /// Colour group, for partners compared.
    pub group: Option<usize>,
}

/// The figures of the KPI strip: the latest month and the year to date, each against a year
/// earlier. "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017".
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    /// Latest month with data in the range.
    pub latest: YearMonth,
    /// Its sums.
    pub latest_sums: FlowSums,
    /// Turnover change on the same month a year earlier.
    pub latest_change: Option<f64>,
    /// Months covered by the year to date, e.g. Jan–Jul 2018.
    pub range: MonthRange,
    /// Sums over those months.
    pub sums: FlowSums,
    /// Turnover change on the same months a year earlier, when all of them have data.
    pub turnover_change: Option<f64>,
    /// The same months a year earlier.
    pub previous: MonthRange,
}

impl Kpi {
    /// Year to date through the latest month with data in `range` (all months for `None`),
    /// compared with the same months a year earlier, inside the range or not.
    #[must_use]
    pub fn year_to_date(aggregate: &Aggregate, range: Option<MonthRange>) -> Option<Self> {
        let last = *aggregate.months_in(range).last()?;
        let latest = last.period;
        let range = ytd_range(latest);
        let previous = MonthRange::new(range.start.year_earlier(), range.end.year_earlier());
        let (sums, _) = aggregate.sum_range(range);
        let turnover_change = complete_sum(aggregate, previous)
            .and_then(|before| change(sums.turnover_usd(), before.turnover_usd()));
        Some(Self {
            latest,
            latest_sums: last.sums,
            latest_change: yoy(aggregate, latest, Measure::Turnover),
            range,
            sums,
            turnover_change,
            previous,
        })
    }

    /// "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017".
    #[must_use]
    pub fn headline(&self) -> String {
        let change = self.turnover_change.map_or_else(
            || format!(" (no full {} to compare)", self.previous.label()),
            |c| format!(", {} on {}", format::pct_change(c), self.previous.label()),
        );
        format!("{} turnover: {}{}", self.range.label(), format::usd(self.sums.turnover_usd()), change)
    }

    /// "Jul 2018: $8.9 million, +19.1% on Jul 2017".
    #[must_use]
    pub fn latest_line(&self) -> String {
        let change = self.latest_change.map_or_else(String::new, |c| {
            format!(", {} on {}", format::pct_change(c), self.latest.year_earlier().label())
        });
        format!("{}: {}{}", self.latest.label(), format::usd(self.latest_sums.turnover_usd()), change)
    }

    /// "Jan–Jul 2018 balance: $42.6 million", or `None` when only turnover is known.
    #[must_use]
    pub fn balance_line(&self) -> Option<String> {
        let b = self.sums.balance_usd()?;
        Some(format!("{} balance: {}", self.range.label(), format::usd(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::query::MonthTotals;

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn sums(e: f64, i: f64) -> FlowSums {
        FlowSums { exports_usd: e, imports_usd: i, turnover_only_usd: 0.0, has_split: true }
    }

    /// The default workspace's sample months (thousands of dollars), Jan 2017 – Jul 2018.
    fn seed() -> Aggregate {
        let rows: [(i32, u8, f64, f64); 19] = [
            (2017, 1, 4895.0, 719.0),
            (2017, 2, 5330.0, 860.0),
            (2017, 3, 6277.0, 1065.0),
            (2017, 4, 6248.0, 950.0),
            (2017, 5, 6643.0, 915.0),
            (2017, 6, 6731.0, 1042.0),
            (2017, 7, 6422.0, 1063.0),
            (2017, 8, 6376.0, 953.0),
            (2017, 9, 6523.0, 940.0),
            (2017, 10, 6606.0, 1057.0),
            (2017, 11, 6253.0, 943.0),
            (2017, 12, 7129.0, 1000.0),
            (2018, 1, 5810.0, 853.0),
            (2018, 2, 6454.0, 1042.0),
            (2018, 3, 7334.0, 1244.0),
            (2018, 4, 7374.0, 1121.0),
            (2018, 5, 7907.0, 1088.0),
            (2018, 6, 7933.0, 1228.0),
            (2018, 7, 7646.0, 1266.0),
        ];
        let months: Vec<MonthTotals> = rows
            .iter()
            .map(|&(y, m, e, i)| MonthTotals { period: ym(y, m), sums: sums(e * 1000.0, i * 1000.0) })
            .collect();
        let year =
            |y: i32, n: u8, s: FlowSums| YearTotals { year: y, sums: s, months: n, from_annual: false };
        let mut y17 = FlowSums::default();
        let mut y18 = FlowSums::default();
        for t in &months {
            if t.period.year == 2017 {
                y17.merge(&t.sums);
            } else {
                y18.merge(&t.sums);
            }
        }
        Aggregate { years: vec![year(2017, 12, y17), year(2018, 7, y18)], months }
    }

    #[test]
    fn seed_year_to_date_is_58_3_million_up_18_6_percent() {
        let a = seed();
        let jul = ym(2018, 7);
        assert_eq!(ytd(&a, jul).unwrap().turnover_usd(), 58_300_000.0);
        assert_eq!(ytd(&a, ym(2017, 7)).unwrap().turnover_usd(), 49_160_000.0);
        let c = ytd_yoy(&a, jul, Measure::Turnover).unwrap();
        assert_eq!(format::pct_change(c), "+18.6%");
        assert!((c - (58_300.0 / 49_160.0 - 1.0)).abs() < 1e-12);
        let k = Kpi::year_to_date(&a, None).unwrap();
        assert_eq!(k.headline(), "Jan–Jul 2018 turnover: $58.3 million, +18.6% on Jan–Jul 2017");
        // Jul 2018: 7,646 + 1,266 = 8,912 against 6,422 + 1,063 = 7,485 thousand: +19.06%.
        assert_eq!(k.latest_line(), "Jul 2018: $8.9 million, +19.1% on Jul 2017");
        // Balance: exports 50,458 − imports 7,842 thousand.
        assert_eq!(k.balance_line().unwrap(), "Jan–Jul 2018 balance: $42.6 million");
    }

    #[test]
    fn year_on_year_by_hand() {
        let a = seed();
        // Exports Feb 2018 6,454 against Feb 2017 5,330: +21.09%.
        let c = yoy(&a, ym(2018, 2), Measure::Exports).unwrap();
        assert!((c - (6454.0 / 5330.0 - 1.0)).abs() < 1e-12);
        // 2017 has no year before it in the data.
        assert_eq!(yoy(&a, ym(2017, 5), Measure::Exports), None);
        // Balance Jan 2018 4,957 against 4,176 thousand.
        let b = yoy(&a, ym(2018, 1), Measure::Balance).unwrap();
        assert!((b - (4957.0 / 4176.0 - 1.0)).abs() < 1e-12);
        // A deficit that shrinks is a rise.
        assert_eq!(change(-50.0, -100.0), Some(0.5));
        assert_eq!(change(1.0, 0.0), None);
    }

    #[test]
    fn rolling_twelve_months_by_hand() {
        let a = seed();
        // Dec 2017: the whole of 2017 = 49,160 + Aug–Dec 37,780 thousand.
        assert_eq!(rolling12(&a, ym(2017, 12)).unwrap().turnover_usd(), 86_940_000.0);
        // Jul 2018: Aug 2017 – Jul 2018 = 37,780 + 58,300 thousand.
        assert_eq!(rolling12(&a, ym(2018, 7)).unwrap().turnover_usd(), 96_080_000.0);
        // Nov 2017 needs Dec 2016: not in the data.
        assert_eq!(rolling12(&a, ym(2017, 11)), None);
        let t = ViewTable::build(&a, ChartView::Rolling, &[Measure::Turnover], None);
        assert_eq!(t.rows.iter().filter(|r| r.values[0].is_some()).count(), 8, "Dec 2017 – Jul 2018");
        assert_eq!(t.rows.last().unwrap().label, "Aug 2017–Jul 2018");
    }

    #[test]
    fn missing_months_are_gaps_not_zeros() {
        let mut a = seed();
        // Drop March 2018.
        a.months.retain(|t| t.period != ym(2018, 3));
        assert_eq!(month_value(&a, ym(2018, 3), Measure::Exports), None);
        assert_eq!(yoy(&a, ym(2018, 3), Measure::Exports), None);
        // Year to date needs every month from January: Feb is fine, Mar..Jul are gaps.
        assert_eq!(ytd(&a, ym(2018, 2)).unwrap().exports_usd, 12_264_000.0);
        for m in 3..=7 {
            assert_eq!(ytd(&a, ym(2018, m)), None, "month {m}");
            assert_eq!(ytd_yoy(&a, ym(2018, m), Measure::Turnover), None);
        }
        assert_eq!(rolling12(&a, ym(2018, 7)), None);
        // The monthly table has no row for March, and the YTD table shows gaps, not zeros.
        let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports], None);
        assert!(t.rows.iter().all(|r| r.key != RowKey::Month(ym(2018, 3))));
        let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Turnover], None);
        let jul = t.rows.iter().find(|r| r.key == RowKey::Month(ym(2018, 7))).unwrap();
        assert_eq!(jul.values, vec![None, Some(49_160_000.0)]);
        // A year earlier missing: the KPI says there is nothing to compare.
        let mut b = seed();
        b.months.retain(|t| t.period != ym(2017, 4));
        let k = Kpi::year_to_date(&b, None).unwrap();
        assert_eq!(k.turnover_change, None);
        assert!(k.headline().ends_with("(no full Jan–Jul 2017 to compare)"), "{}", k.headline());
    }

    #[test]
    fn views_build_the_columns_they_draw() {
        let a = seed();
        let range = Some(MonthRange::new(ym(2018, 1), ym(2018, 7)));
        let t = ViewTable::build(&a, ChartView::Ytd, &[Measure::Turnover], range);
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[1].name, "Turnover YTD a year earlier");
        assert_eq!(t.rows.len(), 7);
        let last = t.rows.last().unwrap();
        assert_eq!(last.label, "Jan–Jul 2018");
        assert_eq!(last.values, vec![Some(58_300_000.0), Some(49_160_000.0)]);
        let t = ViewTable::build(&a, ChartView::Yoy, &[Measure::Turnover], range);
        let c = t.rows.last().unwrap().values[1].unwrap();
        assert_eq!(t.columns[1].format(Some(c)), "+18.6%");
        let t = ViewTable::build(&a, ChartView::Monthly, &[Measure::Exports, Measure::Imports], None);
        assert_eq!(t.rows.len(), 19);
        assert_eq!(t.rows[18].values, vec![Some(7_646_000.0), Some(1_266_000.0)]);
        assert_eq!(t.columns[0].format(t.rows[18].values[0]), "7,646,000");
    }

    #[test]
    fn annual_view_uses_annual_records_and_never_spreads_them() {
        let mut a = seed();
        // An annual record for 2016 (Comtrade freqCode A) and no months in 2016.
        a.years
            .insert(0, YearTotals { year: 2016, sums: sums(95.5e6, 508.6e6), months: 12, from_annual: true });
        let t = ViewTable::build(&a, ChartView::Annual, &[Measure::Turnover], None);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].label, "2016 (annual record)");
        assert_eq!(t.rows[0].values[0], Some(604_100_000.0));
        assert_eq!(t.rows[1].label, "2017");
        assert_eq!(t.rows[1].values[0], Some(86_940_000.0));
        // 2017 against 2016: both whole years.
        let c = t.rows[1].values[1].unwrap();
        assert!((c - (86_940_000.0 / 604_100_000.0 - 1.0)).abs() < 1e-12);
        // 2018 has seven months: labelled so, and not compared with a whole year.
        assert_eq!(t.rows[2].label, "2018 (Jan–Jul, 7 months)");
        assert_eq!(t.rows[2].values, vec![Some(58_300_000.0), None]);
        // Annual records never make months.
        let m = ViewTable::build(&a, ChartView::Monthly, &[Measure::Turnover], None);
        assert!(m.rows.iter().all(|r| matches!(r.key, RowKey::Month(x) if x.year >= 2017)));
    }

    #[test]
    fn csv_holds_exactly_the_table_numbers() {
        let a = seed();
        let t = ViewTable::build(&a, ChartView::Yoy, &[Measure::Turnover], None);
        let bytes = t.to_csv().unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header, ["period", "label", "Turnover YoY (%)", "Turnover YTD YoY (%)"]);
        let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), t.rows.len());
        // 2017 has nothing to compare with: empty cells.
        assert_eq!(&records[0][2], "");
        let jul = &records[18];
        assert_eq!(&jul[0], "2018-07");
        let pct: f64 = jul[3].parse().unwrap();
        assert_eq!(pct, t.rows[18].values[1].unwrap() * 100.0);
        assert_eq!(format!("{pct:.1}"), "18.6");
    }

    #[test]
    fn mirror_statistics_put_each_side_beside_the_other_with_the_gap() {
        let a = seed();
        // The partner reports 10% more imports than the reporter's exports, and no July.
        let mut mirror = seed();
        mirror.months.retain(|t| t.period != ym(2018, 7));
        for t in &mut mirror.months {
            t.sums = sums(t.sums.imports_usd, t.sums.exports_usd * 1.1);
        }
        let part = |label: &str, agg, measure, role| Part {
            label: label.into(),
            aggregate: agg,
            measure,
            role,
            group: None,
        };
        let parts = [
            part("Brest Oblast exports", &a, Measure::Exports, Role::Current),
            part("Kazakhstan imports", &mirror, Measure::Imports, Role::Mirror),
        ];
        let gaps = [(0, 1, "Gap".to_owned())];
        let t = ViewTable::build_parts(&parts, ChartView::Monthly, None, &gaps);
        assert!(t.parts);
        assert_eq!(
            t.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["Brest Oblast exports", "Kazakhstan imports", "Gap"]
        );
        let jun = t.rows.iter().find(|r| r.key == RowKey::Month(ym(2018, 6))).unwrap();
        assert_eq!(jun.values[0], Some(7_933_000.0));
        assert!((jun.values[1].unwrap() - 8_726_300.0).abs() < 1e-6);
        assert!((jun.values[2].unwrap() - 793_300.0).abs() < 1e-6);
        // July: only the reporter's side; the gap is a gap.
        let jul = t.rows.last().unwrap();
        assert_eq!(jul.values, vec![Some(7_646_000.0), None, None]);
        // Year on year: changes, and no gap column (a gap of two changes means nothing).
        let t = ViewTable::build_parts(&parts, ChartView::Yoy, None, &gaps);
        assert_eq!(t.columns.len(), 2);
        // Annual: 2017 whole on both sides, 2018 part years.
        let t = ViewTable::build_parts(&parts, ChartView::Annual, None, &gaps);
        assert_eq!(
            t.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
            ["2017", "2018 (Jan–Jul, 7 months)"]
        );
    }

    #[test]
    fn views_parse_from_the_command_line() {
        for v in ChartView::ALL {
            assert_eq!(ChartView::parse(v.cli_name()), Some(v));
        }
        assert_eq!(ChartView::parse("YTD"), Some(ChartView::Ytd));
        assert_eq!(ChartView::parse("weekly"), None);
    }
}
