//! The numbers behind what the chart draws ([`ViewTable`]): one row per month (or year), one
//! column per series, in the chosen view; the same numbers go to the table under the chart
//! and to its CSV export. [`ChartInputs`] says what the chart panel builds its table from.
//!
//! Rules:
//! - A month without data is a gap: it has no row, and anything that needs it is `None`
//!   (never zero). Year to date and rolling sums need every month they cover; a year-on-year
//!   change needs both months (or both year-to-date sums). See [`super::growth`].
//! - Annual figures are the aggregate's years: annual records (Comtrade `freqCode` A) where a
//!   year has no monthly data, else the sum of its months. Annual records are never spread
//!   over months, and a year with fewer than 12 months says so.

use super::chart::{ChartSettings, ChartView, Measure};
use super::dataset::{Dataset, Party};
use super::format;
use super::growth::{change, month_value, rolling_range, rolling12, yoy, ytd, ytd_range, ytd_yoy};
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowsHeld, Selection, YearTotals};
use super::span_rows;

/// What a year's figures stand on, for labels and notes; the months derived from cumulative
/// figures that it includes are named ("Jan–Jul, 7 months, Jul derived").
#[must_use]
pub fn year_basis(a: &Aggregate, y: &YearTotals) -> String {
    if y.from_annual {
        return "annual record".to_owned();
    }
    let derived = a.derived_in_year(y.year);
    let derived = if derived.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = derived.iter().map(|m| m.month_abbr()).collect();
        format!(", {} derived", names.join(", "))
    };
    if y.months >= 12 {
        return format!("12 months{derived}");
    }
    let months = a.months_in(Some(MonthRange::new(
        YearMonth { year: y.year, month: 1 },
        YearMonth { year: y.year, month: 12 },
    )));
    match (months.first(), months.last()) {
        (Some(f), Some(_)) if y.months == 1 => format!("{}, 1 month{derived}", f.period.month_abbr()),
        (Some(f), Some(l)) if l.period.month - f.period.month + 1 == y.months => {
            format!("{}–{}, {} months{derived}", f.period.month_abbr(), l.period.month_abbr(), y.months)
        }
        _ => format!("{} months{derived}", y.months),
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
    /// A figure as a statistics office published it (a cumulative span, a growth rate), drawn
    /// as points beside the figures computed from months.
    Published,
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

/// What a row's label ends with when its figures are derived from two cumulative figures.
pub const DERIVED: &str = " (derived)";

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

impl Row {
    /// Whether the row's figures are derived from two cumulative figures (a month between
    /// Jan–Jun and Jan–Jul, a quarter), not in the data as such.
    #[must_use]
    pub fn is_derived(&self) -> bool {
        self.label.ends_with(DERIVED)
    }
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
                ChartView::Quarterly => span_rows::quarterly_columns(m, &mut columns),
            }
            if view == ChartView::Ytd && span_rows::has_spans(a) {
                span_rows::ytd_published_columns(m, &mut columns);
            }
        }
        let rows = match view {
            ChartView::Annual => annual_rows(a, &columns, range),
            ChartView::Quarterly => span_rows::quarterly_rows(a, &columns, range),
            ChartView::Ytd => span_rows::ytd_months(a, range)
                .into_iter()
                .map(|m| {
                    let values = columns
                        .iter()
                        .map(|c| match c.role {
                            Role::Published | Role::Cumulative => span_rows::ytd_published_value(a, m, c),
                            _ => monthly_value(a, view, m, c),
                        })
                        .collect();
                    let turnover_usd = ytd(a, m).and_then(|s| s.turnover_usd());
                    Row { key: RowKey::Month(m), label: ytd_range(m).label(), values, turnover_usd }
                })
                .collect(),
            _ => a
                .months_in(range)
                .iter()
                .map(|t| {
                    let m = t.period;
                    let values = columns.iter().map(|c| monthly_value(a, view, m, c)).collect();
                    let (label, turnover_usd) = match view {
                        ChartView::Rolling => {
                            (rolling_range(m).label(), rolling12(a, m).and_then(|s| s.turnover_usd()))
                        }
                        _ if a.month_derived(m) => (format!("{}{DERIVED}", m.label()), t.sums.turnover_usd()),
                        _ => (m.label(), t.sums.turnover_usd()),
                    };
                    Row { key: RowKey::Month(m), label, values, turnover_usd }
                })
                .collect(),
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
            ChartView::Monthly | ChartView::Annual | ChartView::Quarterly => (Unit::Usd, ""),
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
                            ChartView::Annual | ChartView::Quarterly => None,
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

    /// Whether the value in row `row`, column `col` is a published change that differs from
    /// the change computed beside it (same measure) by more than 0.1 percentage point.
    #[must_use]
    pub fn published_differs(&self, row: usize, col: usize) -> bool {
        let (Some(r), Some(c)) = (self.rows.get(row), self.columns.get(col)) else { return false };
        if c.role != Role::Published || c.unit != Unit::Change {
            return false;
        }
        let computed = self
            .columns
            .iter()
            .position(|o| o.measure == c.measure && o.role == Role::Cumulative && o.unit == Unit::Change);
        match (r.values[col], computed.and_then(|i| r.values[i])) {
            (Some(p), Some(v)) => span_rows::differs(p, v),
            _ => false,
        }
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
        (ChartView::Annual | ChartView::Quarterly, _) => None,
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
            let label = if full_year(y) && !y.from_annual && a.derived_in_year(y.year).is_empty() {
                y.year.to_string()
            } else {
                format!("{} ({})", y.year, year_basis(a, y))
            };
            Row { key: RowKey::Year(y.year), label, values, turnover_usd: y.sums.turnover_usd() }
        })
        .collect()
}

/// Display name of the party a query names, or `all` for no query.
#[must_use]
pub fn party_name(query: Option<&str>, list: &[Party], all: &str) -> String {
    match query {
        None => all.to_owned(),
        Some(q) => list
            .iter()
            .find(|p| p.matches(q))
            .map_or_else(|| crate::model::groups::display_name(q, 0), |p| p.name.clone()),
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
    /// Which flows the selection's data holds, for the chart's note.
    #[must_use]
    pub fn flows(&self) -> FlowsHeld {
        self.aggregate.flows
    }

    /// What the chart says when the data holds one flow only: "The file holds exports only:
    /// imports, turnover and balance are not in the file." (drawn as gaps, not zeros).
    #[must_use]
    pub fn flows_note(&self) -> Option<String> {
        self.aggregate.flows.note()
    }

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
