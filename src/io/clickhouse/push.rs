//! `tradedash push`: a dataset's kept rows into a long-format table, in batches.

use clickhouse::Row;
use serde::Serialize;

use super::error::ClickHouseError;
use super::shape::ShapeKind;
use super::source::ClickHouseSource;
use super::sql::Sql;
use crate::model::dataset::{Dataset, Period};

/// The columns `push --create` makes: the long format, with codes, commodity names and the
/// growth rates published with spans ([`PUBLISHED_COLUMN`], which an existing table may lack).
pub const LONG_TABLE_COLUMNS: &str = "period String, reporter String, reporter_code String, partner String, \
     partner_code String, flow String, commodity String, commodity_name String, value_usd Float64, \
     published_change_pct Nullable(Float64)";

/// The optional column of [`LONG_TABLE_COLUMNS`]: a table made before it was added is written
/// without it (a span's published growth rate is then not kept).
const PUBLISHED_COLUMN: &str = "published_change_pct";

/// Rows per INSERT.
const BATCH_ROWS: usize = 100_000;

#[derive(Row, Serialize)]
struct LongRow<'a> {
    period: String,
    reporter: &'a str,
    reporter_code: &'a str,
    partner: &'a str,
    partner_code: &'a str,
    flow: &'static str,
    commodity: &'a str,
    commodity_name: &'a str,
    value_usd: f64,
}

/// A [`LongRow`] with the growth rate published with its figure, for a table that has
/// [`PUBLISHED_COLUMN`].
#[derive(Row, Serialize)]
struct LongRowPublished<'a> {
    period: String,
    reporter: &'a str,
    reporter_code: &'a str,
    partner: &'a str,
    partner_code: &'a str,
    flow: &'static str,
    commodity: &'a str,
    commodity_name: &'a str,
    value_usd: f64,
    published_change_pct: Option<f64>,
}

impl<'a> LongRowPublished<'a> {
    fn new(r: LongRow<'a>, published_change_pct: Option<f64>) -> Self {
        Self {
            period: r.period,
            reporter: r.reporter,
            reporter_code: r.reporter_code,
            partner: r.partner,
            partner_code: r.partner_code,
            flow: r.flow,
            commodity: r.commodity,
            commodity_name: r.commodity_name,
            value_usd: r.value_usd,
            published_change_pct,
        }
    }
}

/// How far a push is, after each batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PushProgress {
    /// Rows written so far.
    pub written: usize,
    /// Rows to write.
    pub total: usize,
}

/// The period as the long format writes it: "2018-07", or "2018" for an annual record.
fn period_text(p: Period) -> String {
    match p {
        Period::Month(m) => m.to_string(),
        Period::Year(y) => y.to_string(),
        Period::Span(r) => format!("{}..{}", r.start, r.end),
    }
}

/// Writes every row of `data` into the source's table (made first with `create`), in
/// batches of 100 000 rows, calling `progress` after each; then waits until the table counts
/// them all (a `Distributed` table passes them on to its shards in the background).
///
/// # Errors
/// A table name that is not plain letters, digits and `_`; an existing table not of the
/// long shape; any error of the server.
pub fn push(
    source: &ClickHouseSource,
    data: &Dataset,
    create: bool,
    mut progress: impl FnMut(PushProgress),
) -> Result<(), ClickHouseError> {
    let table = &source.address().table;
    if table.is_empty() || !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(ClickHouseError::Push(format!(
            "push writes to tables named with letters, digits and _ only, not {table:?}"
        )));
    }
    if create && !source.exists() {
        let mut sql = Sql::raw("CREATE TABLE ");
        sql.ident(table).push(&format!(
            " ({LONG_TABLE_COLUMNS}) ENGINE = MergeTree ORDER BY (reporter, partner, period)"
        ));
        source.block(sql.query(source.client()).execute())?;
    } else {
        let shape = source.shape()?;
        let have = |n: &str| source.columns().iter().any(|c| c.name == n);
        let lacking: Vec<&str> = LONG_TABLE_COLUMNS
            .split(", ")
            .filter_map(|c| c.split(' ').next())
            .filter(|n| *n != PUBLISHED_COLUMN && !have(n))
            .collect();
        if shape.kind != ShapeKind::Long || !lacking.is_empty() {
            return Err(ClickHouseError::Push(format!(
                "{} is not a table push writes to: it needs the columns {LONG_TABLE_COLUMNS}{} (or give --create for a new table)",
                source.address(),
                if lacking.is_empty() { String::new() } else { format!("; missing: {}", lacking.join(", ")) }
            )));
        }
    }
    let before = count(source)?;
    let with_published =
        (create && !source.exists()) || source.columns().iter().any(|c| c.name == PUBLISHED_COLUMN);
    let published: std::collections::HashMap<usize, f64> =
        data.published_changes().iter().map(|&(row, pct)| (row as usize, pct)).collect();
    let total = data.len();
    let mut start = 0;
    while start < total {
        let end = (start + BATCH_ROWS).min(total);
        if with_published {
            insert_rows(source, data, start..end, |i, row| {
                LongRowPublished::new(row, published.get(&i).copied())
            })?;
        } else {
            insert_rows(source, data, start..end, |_, row| row)?;
        }
        start = end;
        progress(PushProgress { written: end, total });
    }
    wait_for_rows(source, before + total as u64)
}

/// One INSERT of rows `rows` of `data`, each written as `make` turns it.
fn insert_rows<'a, T: Row + Serialize>(
    source: &ClickHouseSource,
    data: &'a Dataset,
    rows: std::ops::Range<usize>,
    make: impl Fn(usize, LongRow<'a>) -> T,
) -> Result<(), ClickHouseError> {
    let cols = data.columns();
    let (reporters, partners, commodities) = (data.reporters(), data.partners(), data.commodities());
    let client = source.client();
    source.block(async {
        let mut insert = client.insert::<T>(&source.address().table)?;
        for i in rows {
            let (r, p) = (&reporters[cols.reporter[i] as usize], &partners[cols.partner[i] as usize]);
            let c = &commodities[cols.commodity[i] as usize];
            let row = LongRow {
                period: period_text(cols.period[i]),
                reporter: &r.name,
                reporter_code: &r.code,
                partner: &p.name,
                partner_code: &p.code,
                flow: cols.flow[i].as_str(),
                commodity: &c.code,
                commodity_name: &c.name,
                value_usd: cols.value_usd[i],
            };
            insert.write(&make(i, row)).await?;
        }
        insert.end().await
    })
}

fn count(source: &ClickHouseSource) -> Result<u64, ClickHouseError> {
    let mut sql = Sql::raw("SELECT count() FROM ");
    sql.ident(&source.address().table);
    source.block(sql.query(source.client()).fetch_one::<u64>())
}

/// Waits until the table counts `rows`: a `Distributed` table passes an insert on to its
/// shards in the background (the 0.11 client does not send `insert_distributed_sync` with an
/// INSERT), and a `summary` right after the push should see every row.
fn wait_for_rows(source: &ClickHouseSource, rows: u64) -> Result<(), ClickHouseError> {
    let deadline = std::time::Instant::now() + source.address().timeout();
    loop {
        let now = count(source)?;
        if now >= rows {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(ClickHouseError::Push(format!(
                "the rows were sent, but after {} s the table holds {now} of the {rows} rows expected (a Distributed table still passing them on to its shards?)",
                source.address().timeout_secs
            )));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
