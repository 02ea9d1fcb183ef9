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
use super::note::{Arg, Note};
use super::period::{MonthRange, YearMonth};
use super::query::{Aggregate, FlowsHeld, Selection, YearTotals};
use super::span_rows;
use crate::i18n::{Lang, tr};

/// What a year's figures stand on, for labels and notes; the months derived from cumulative
/// figures that it includes are named ("Jan–Jul, 7 months, Jul 2018 derived").
#[must_use]
pub fn year_basis(a: &Aggregate, y: &YearTotals) -> String {
    year_basis_note(a, y).to_string()
}

/// [`year_basis`] as a note, for the reader's language.
#[must_use]
pub fn year_basis_note(a: &Aggregate, y: &YearTotals) -> Note {
    if y.from_annual {
        return Note::new("year-basis-annual-record");
    }
    let base = months_basis(a, y);
    let derived = a.derived_in_year(y.year);
    if derived.is_empty() {
        base
    } else {
        Note::new("year-basis-with-derived")
            .with("basis", Arg::Note(Box::new(base)))
            .with("derived", Arg::Months(derived))
    }
}

/// The months a year's figures stand on: "12 months", "Jan–Jul, 7 months".
fn months_basis(a: &Aggregate, y: &YearTotals) -> Note {
    if y.months >= 12 {
        return Note::new("year-basis-full");
    }
    let months = a.months_in(Some(MonthRange::new(
        YearMonth { year: y.year, month: 1 },
        YearMonth { year: y.year, month: 12 },
    )));
    match (months.first(), months.last()) {
        (Some(f), Some(l)) if l.period.month - f.period.month + 1 == y.months => Note::new("year-basis-span")
            .with("first", Arg::MonthShort(f.period.month))
            .with("last", Arg::MonthShort(l.period.month))
            .with("count", Arg::Count(u64::from(y.months))),
        _ => Note::new("year-basis-months").with("count", Arg::Count(u64::from(y.months))),
    }
}

/// "2018 (Jan–Jul, 7 months)" as a note.
fn year_with_basis(year: i32, basis: Note) -> Note {
    Note::new("year-with-basis").with("year", Arg::Year(year)).with("basis", Arg::Note(Box::new(basis)))
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
    /// Each column's header as a note, for the reader's language (`Column::name` is its
    /// English).
    pub column_titles: Vec<Note>,
    /// Each row's label as a note (`Row::label` is its English).
    pub row_titles: Vec<Note>,
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
        let column_titles = columns.iter().map(|c| column_title(view, c)).collect();
        let row_titles = rows.iter().map(|r| row_title(a, view, r)).collect();
        Self { view, columns, rows, parts: false, column_titles, row_titles }
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
        let unit = match view {
            ChartView::Yoy => Unit::Change,
            _ => Unit::Usd,
        };
        let mut column_titles: Vec<Note> =
            parts.iter().map(|p| part_title(view, Note::plain(p.label.clone()))).collect();
        let mut columns: Vec<Column> = parts
            .iter()
            .zip(&column_titles)
            .map(|(p, title)| Column {
                name: title.to_string(),
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
            column_titles.push(Note::plain(name.clone()));
            columns.push(Column {
                name: name.clone(),
                measure: parts[*a].measure,
                unit,
                role: Role::Gap,
                group: parts[*a].group,
            });
        }
        let rows: Vec<(Row, Note)> = if view == ChartView::Annual {
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
                    let title = parts
                        .iter()
                        .zip(&totals)
                        .find_map(|(p, t)| t.filter(|t| !full_year(t) || t.from_annual).map(|t| (p, t)))
                        .map_or_else(
                            || Note::plain(year.to_string()),
                            |(p, t)| year_with_basis(year, year_basis_note(p.aggregate, t)),
                        );
                    let row = Row {
                        key: RowKey::Year(year),
                        label: title.to_string(),
                        values: values.collect(),
                        turnover_usd: None,
                    };
                    (row, title)
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
                    let title = month_row_title(view, m, false);
                    let row = Row {
                        key: RowKey::Month(m),
                        label: title.to_string(),
                        values: values.collect(),
                        turnover_usd: None,
                    };
                    (row, title)
                })
                .collect()
        };
        let (rows, row_titles): (Vec<Row>, Vec<Note>) = rows.into_iter().unzip();
        let mut table = Self { view, columns, rows, parts: true, column_titles, row_titles };
        for row in &mut table.rows {
            for (a, b, _) in &gaps {
                let gap = row.values[*a].zip(row.values[*b]).map(|(x, y)| y - x);
                row.values.push(gap);
            }
        }
        table
    }

    /// Column `i`'s header in `lang`: "Exports YTD", "Экспорт с начала года".
    #[must_use]
    pub fn column_title(&self, lang: Lang, i: usize) -> String {
        match (self.column_titles.get(i), self.columns.get(i)) {
            (Some(t), _) => t.text(lang),
            (None, Some(c)) => c.name.clone(),
            (None, None) => String::new(),
        }
    }

    /// Row `i`'s label in `lang`: "Jul 2018", "июл. 2018", "2018 (янв.–июль, 7 месяцев)".
    #[must_use]
    pub fn row_title(&self, lang: Lang, i: usize) -> String {
        match (self.row_titles.get(i), self.rows.get(i)) {
            (Some(t), _) => t.text(lang),
            (None, Some(r)) => r.label.clone(),
            (None, None) => String::new(),
        }
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
        self.to_csv_in(Lang::En)
    }

    /// [`ViewTable::to_csv`] with the headers and row labels in `lang` ("Товарооборот (долл.
    /// США)", "январь–июль 2018"); the first column keeps its name `period` and its codes
    /// (2018-07) in every language, like a JSON key, and the numbers stay machine-readable.
    /// English is byte for byte [`ViewTable::to_csv`].
    ///
    /// # Errors
    /// Only if the CSV writer fails on an in-memory buffer (not expected).
    pub fn to_csv_in(&self, lang: Lang) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let label = if lang == Lang::En { "label".to_owned() } else { tr(lang, "csv-period") };
        let mut header = vec!["period".to_owned(), label];
        header.extend(self.columns.iter().enumerate().map(|(i, c)| {
            let name = self.column_title(lang, i);
            match c.unit {
                Unit::Usd => crate::tr!(lang, "csv-header-usd", name = name),
                Unit::Change => crate::tr!(lang, "csv-header-pct", name = name),
            }
        }));
        w.write_record(&header)?;
        for (i, row) in self.rows.iter().enumerate() {
            let mut record = vec![row.key.code(), self.row_title(lang, i)];
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

/// A compared part's header in `view`: "Kazakhstan", "Kazakhstan YoY", "Kazakhstan YTD".
#[must_use]
pub fn part_title(view: ChartView, base: Note) -> Note {
    let id = match view {
        ChartView::Monthly | ChartView::Annual | ChartView::Quarterly => return base,
        ChartView::Yoy => "series-yoy",
        ChartView::Ytd => "series-ytd",
        ChartView::Rolling => "series-rolling",
    };
    Note::new(id).with("name", Arg::Note(Box::new(base)))
}

/// A column's header as a note, from the view and what the column holds: the same words as
/// `Column::name` (a test checks every view).
fn column_title(view: ChartView, c: &Column) -> Note {
    let id = match (view, c.role, c.unit) {
        (ChartView::Yoy, Role::Current, _)
        | (ChartView::Annual | ChartView::Quarterly, Role::Cumulative, _) => "series-yoy",
        (ChartView::Yoy | ChartView::Ytd, Role::Cumulative, _) => "series-ytd-yoy",
        (ChartView::Ytd, Role::Current, _) => "series-ytd",
        (ChartView::Ytd, Role::YearEarlier, _) => "series-ytd-year-earlier",
        (ChartView::Ytd, Role::Published, Unit::Usd) => "series-ytd-published",
        (ChartView::Ytd, Role::Published, Unit::Change) => "series-ytd-yoy-published",
        (ChartView::Quarterly, Role::Published, _) => "series-yoy-published",
        (ChartView::Rolling, Role::Current, _) => "series-rolling",
        _ => return Note::value(Arg::ChartMeasure(c.measure)),
    };
    Note::new(id).with("name", Arg::Note(Box::new(Note::value(Arg::ChartMeasure(c.measure)))))
}

/// A month row's label: the month, the year to date or the twelve months to it, "(derived)".
fn month_row_title(view: ChartView, m: YearMonth, derived: bool) -> Note {
    let title = match view {
        ChartView::Ytd => Note::value(Arg::Range(ytd_range(m))),
        ChartView::Rolling => Note::value(Arg::Range(rolling_range(m))),
        ChartView::Quarterly => Note::new("table-quarter")
            .with("quarter", Arg::Count(u64::from(m.month / 3)))
            .with("year", Arg::Year(m.year)),
        _ => Note::value(Arg::Month(m)),
    };
    if derived { Note::new("table-derived").with("label", Arg::Note(Box::new(title))) } else { title }
}

/// A row's label as a note, the same words as `Row::label` (a test checks every view).
fn row_title(a: &Aggregate, view: ChartView, r: &Row) -> Note {
    match r.key {
        RowKey::Month(m) => month_row_title(view, m, r.is_derived()),
        RowKey::Year(year) => match a.years.iter().find(|y| y.year == year) {
            Some(y) if !full_year(y) || y.from_annual => year_with_basis(year, year_basis_note(a, y)),
            _ => Note::plain(year.to_string()),
        },
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
        let party = |name: &String, query: Option<&String>, all: &str| {
            if query.is_none() { Note::new(all) } else { Note::plain(name.clone()) }
        };
        let reporter_title = party(&reporter, sel.reporter.as_ref(), "chart-all-reporters");
        let partner_title = party(&partner, sel.partner.as_ref(), "chart-all-partners");
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
            let mut table = ViewTable::build_parts(&parts, view, sel.range, &gaps);
            let with = |id: &str| {
                Note::new(id)
                    .with("reporter", Arg::Note(Box::new(reporter_title.clone())))
                    .with("partner", Arg::Note(Box::new(partner_title.clone())))
            };
            let mut titles: Vec<Note> = [
                "series-mirror-reporter-exports",
                "series-mirror-partner-imports",
                "series-mirror-reporter-imports",
                "series-mirror-partner-exports",
            ]
            .into_iter()
            .map(|id| part_title(view, with(id)))
            .collect();
            if table.columns.len() > titles.len() {
                titles.extend([Note::new("series-gap-exports"), Note::new("series-gap-imports")]);
            }
            if titles.len() == table.columns.len() {
                table.column_titles = titles;
            }
            return table;
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
            let mut table = ViewTable::build_parts(&parts, view, sel.range, &[]);
            if let Some(first) = table.column_titles.first_mut() {
                *first = part_title(view, partner_title);
            }
            return table;
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
