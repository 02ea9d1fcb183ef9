//! A connected ClickHouse table: the client, its runtime, the table's shape, and the
//! aggregates the app asks of it.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clickhouse::Row;
use serde::Deserialize;

use super::Address;
use super::error::ClickHouseError;
use super::queries::{self, Matched, Stored};
use super::shape::{Column, Shape, recognise, recognise_without_spans};
use super::sql::Sql;
use crate::model::dataset::{Commodity, Dataset, Flow, Party, Period, Record};
use crate::model::period::{MonthRange, YearMonth};
use crate::model::query::{Aggregate, FlowSums, FlowsHeld, Selection, aggregate_periods};

/// Most rows [`ClickHouseSource::summed_rows`] brings into memory.
pub const MAX_SUMMED_ROWS: usize = 5_000_000;

/// Rows of a table as the importer would count them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// All rows of the table.
    pub rows: u64,
    /// Breakdowns set aside (re-exports, customs procedures, transport modes, second partners).
    pub set_aside: u64,
    /// Rows without a readable period, flow, reporter or partner.
    pub unreadable: u64,
}

/// A reporter, partner or commodity of the table, with its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Code ("BLR", "0302", "TOTAL").
    pub code: String,
    /// Name.
    pub name: String,
    /// Rows.
    pub rows: u64,
}

#[derive(Row, Deserialize)]
struct PeriodRow {
    ym: u32,
    exports: f64,
    imports: f64,
    turnover_only: f64,
    split: u8,
    has_exports: u8,
    has_imports: u8,
    has_turnover_only: u8,
}

#[derive(Row, Deserialize)]
struct PartiesRow {
    rc: String,
    rn: String,
    rk: String,
    pc: String,
    pn: String,
    pk: String,
    rows: u64,
    aside: u64,
    bad: u64,
    sums: u64,
    chapter_sums: u64,
    exports: u8,
    imports: u8,
    turnover_only: u8,
    spans: u64,
}

#[derive(Row, Deserialize)]
struct SpanRow {
    start: u32,
    end: u32,
    reporter_code: String,
    reporter_name: String,
    partner_code: String,
    partner_name: String,
    flow: String,
    commodity: String,
    commodity_name: String,
    value: f64,
    published: f64,
}

#[derive(Row, Deserialize)]
struct SummedRow {
    ym: u32,
    reporter_code: String,
    reporter_name: String,
    partner_code: String,
    partner_name: String,
    flow: String,
    commodity: String,
    commodity_name: String,
    value: f64,
}

/// A table on a ClickHouse server, connected and recognised.
pub struct ClickHouseSource {
    address: Address,
    client: clickhouse::Client,
    runtime: tokio::runtime::Runtime,
    columns: Vec<Column>,
    shape: Result<Shape, String>,
    /// Why there is no table (the message of [`ClickHouseError::UnknownTable`]).
    missing: Option<String>,
    /// Set by the window's Cancel: a query waiting for its answer stops within [`CANCEL_POLL`].
    cancel: Option<Arc<AtomicBool>>,
    /// The stored reporters and partners and the row counts, read once (one scan) when first
    /// needed: a selection's reporter and partner are then compared with exact stored values.
    parties: std::sync::OnceLock<Parties>,
    /// The table's spans summed per key, read once (one query) when first needed.
    spans: std::sync::OnceLock<Dataset>,
}

/// What one scan of the table tells: its reporters and partners as stored, and its rows.
#[derive(Debug, Default)]
struct Parties {
    reporters: Vec<Stored>,
    partners: Vec<Stored>,
    counts: RowCounts,
    /// About how many (month, reporter, partner, flow, commodity) sums the kept rows make.
    sums: u64,
    /// About how many (month, reporter, partner, flow, HS chapter) sums they make.
    chapter_sums: u64,
    /// Per stored (reporter, partner): the flows of its kept rows.
    held: Vec<(Stored, Stored, FlowsHeld)>,
    /// Kept rows that are spans (`2018-01..2018-07`).
    span_rows: u64,
}

/// How often a query waiting for its answer looks at the cancel flag.
const CANCEL_POLL: std::time::Duration = std::time::Duration::from_millis(100);

impl std::fmt::Debug for ClickHouseSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the client: it holds the password.
        f.debug_struct("ClickHouseSource").field("address", &self.address).finish_non_exhaustive()
    }
}

/// The password for `address`'s user: [`super::PASSWORD_ENV`], or none.
#[must_use]
pub fn password_from_env() -> Option<String> {
    std::env::var(super::PASSWORD_ENV).ok().filter(|p| !p.is_empty())
}

impl ClickHouseSource {
    /// Connects to the table at `address` and reads its columns. A missing table or one of
    /// neither shape is connected too (for `push --create`); [`Self::shape`] says what is
    /// wrong.
    ///
    /// # Errors
    /// No server, wrong credentials, no such table, timeout, TLS without the feature.
    pub fn connect(address: Address, password: Option<&str>) -> Result<Self, ClickHouseError> {
        if address.tls && !cfg!(feature = "clickhouse-tls") {
            return Err(ClickHouseError::NoTls);
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ClickHouseError::Runtime(e.to_string()))?;
        let mut client = clickhouse::Client::default()
            .with_url(address.endpoint())
            .with_database(address.database.clone())
            .with_user(address.user.clone())
            .with_option("max_execution_time", address.timeout_secs.to_string());
        if let Some(p) = password {
            client = client.with_password(p);
        }
        let mut source = Self {
            address,
            client,
            runtime,
            columns: Vec::new(),
            shape: Err(String::new()),
            missing: None,
            cancel: None,
            parties: std::sync::OnceLock::new(),
            spans: std::sync::OnceLock::new(),
        };
        match source.read_columns()? {
            Ok(columns) => {
                source.shape = recognise(&columns);
                if source.has_no_spans()? {
                    source.shape = recognise_without_spans(&columns);
                }
                source.columns = columns;
                let prewhere = source.takes_prewhere()?;
                if let Ok(shape) = &mut source.shape {
                    shape.prewhere = prewhere;
                }
            }
            Err(missing) => source.missing = Some(missing),
        }
        Ok(source)
    }

    /// Queries stop waiting, and close their connection, within a tenth of a second of
    /// `flag` being set (the window's Cancel); they then fail with
    /// [`ClickHouseError::Cancelled`].
    pub fn cancel_on(&mut self, flag: Arc<AtomicBool>) {
        self.cancel = Some(flag);
    }

    /// Where the table is.
    #[must_use]
    pub fn address(&self) -> &Address {
        &self.address
    }

    /// The table's columns (none when there is no such table).
    #[must_use]
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Whether the table exists.
    #[must_use]
    pub fn exists(&self) -> bool {
        self.missing.is_none()
    }

    /// The table's shape.
    ///
    /// # Errors
    /// What the table lacks to be read.
    pub fn shape(&self) -> Result<&Shape, ClickHouseError> {
        if let Some(m) = &self.missing {
            return Err(ClickHouseError::UnknownTable {
                table: format!("{}.{}", self.address.database, self.address.table),
                endpoint: self.address.endpoint(),
                detail: m.clone(),
            });
        }
        self.shape.as_ref().map_err(|detail| ClickHouseError::Columns {
            table: format!("{}.{}", self.address.database, self.address.table),
            detail: detail.clone(),
        })
    }

    pub(super) fn client(&self) -> &clickhouse::Client {
        &self.client
    }

    /// Runs `fut` on the client's runtime within the address's timeout.
    pub(super) fn block<T>(
        &self,
        fut: impl Future<Output = clickhouse::error::Result<T>>,
    ) -> Result<T, ClickHouseError> {
        // A little over the server's own limit, so that its clearer message comes first.
        let deadline = std::time::Instant::now() + self.address.timeout() + std::time::Duration::from_secs(2);
        let cancelled = || self.cancel.as_ref().is_some_and(|c| c.load(Ordering::Relaxed));
        let answer = self.runtime.block_on(async {
            let mut fut = std::pin::pin!(fut);
            loop {
                // Waits in short steps, so that a cancel is seen while the server works; the
                // future dropped on return closes the connection.
                if let Ok(r) = tokio::time::timeout(CANCEL_POLL, &mut fut).await {
                    return Ok(r);
                }
                if cancelled() {
                    return Err(ClickHouseError::Cancelled);
                }
                if std::time::Instant::now() >= deadline {
                    return Err(ClickHouseError::Timeout {
                        endpoint: self.address.endpoint(),
                        secs: self.address.timeout_secs,
                    });
                }
            }
        });
        match answer {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(ClickHouseError::from_client(e, &self.address)),
            Err(e) => Err(e),
        }
    }

    fn fetch<T: Row + for<'b> Deserialize<'b>>(&self, sql: &Sql) -> Result<Vec<T>, ClickHouseError> {
        self.block(sql.query(&self.client).fetch_all::<T>())
    }

    /// The rows of `sql` when there are at most `max`, else `None`: the server stops at
    /// `max + 1` (a `LIMIT` added to `sql`), so a table too big to hold is not sent whole.
    fn fetch_within<T: Row + for<'b> Deserialize<'b>>(
        &self,
        mut sql: Sql,
        max: usize,
    ) -> Result<Option<Vec<T>>, ClickHouseError> {
        sql.push(&format!(" LIMIT {}", max + 1));
        let rows: Vec<T> = self.fetch(&sql)?;
        Ok((rows.len() <= max).then_some(rows))
    }

    /// The table's columns; `Err(the server's words)` inside when there is no such table (`push
    /// --create` makes it).
    fn read_columns(&self) -> Result<Result<Vec<Column>, String>, ClickHouseError> {
        let mut sql = Sql::raw("SELECT name, type FROM system.columns WHERE database = ");
        sql.lit(&self.address.database).push(" AND table = ").lit(&self.address.table);
        let rows: Vec<(String, String)> = self.fetch(&sql)?;
        if rows.is_empty() {
            // The server's own words (unknown database or table) for the message.
            let mut probe = Sql::raw("SELECT 1 FROM ");
            probe.ident(&self.address.table).push(" LIMIT 0");
            match self.block(probe.query(&self.client).execute()) {
                Err(ClickHouseError::UnknownTable { detail, .. }) => return Ok(Err(detail)),
                Err(e) => return Err(e),
                Ok(()) => {}
            }
        }
        Ok(Ok(rows.into_iter().map(|(name, ty)| Column { name, ty }).collect()))
    }

    /// Whether the table's engine takes PREWHERE: the MergeTree family, and `Distributed`
    /// (over MergeTree tables, as docs/clickhouse.md describes a cluster).
    /// Whether the table is of the long shape with a text period and no row of it is a span
    /// (`2018-01..2018-07`): one look at the period column, stopping at the first span. Every
    /// query then reads the period without telling spans apart, which on ClickHouse 18.16 took
    /// a 19 M-row table's scans from about 6 s to 14 s. A span pushed into the table later is
    /// read after the next connect.
    fn has_no_spans(&self) -> Result<bool, ClickHouseError> {
        let Ok(Shape { span_text: Some(text), .. }) = &self.shape else { return Ok(false) };
        let mut sql = Sql::raw("SELECT count() FROM (SELECT 1");
        sql.push(" FROM ").ident(&self.address.table).push(" WHERE position(").add(text);
        sql.push(", '..') > 0 LIMIT 1)");
        let found: Vec<u64> = self.fetch(&sql)?;
        Ok(found.first().is_some_and(|n| *n == 0))
    }

    fn takes_prewhere(&self) -> Result<bool, ClickHouseError> {
        let mut sql = Sql::raw("SELECT engine FROM system.tables WHERE database = ");
        sql.lit(&self.address.database).push(" AND name = ").lit(&self.address.table);
        let engines: Vec<String> = self.fetch(&sql)?;
        Ok(engines.first().is_some_and(|e| e.ends_with("MergeTree") || e == "Distributed"))
    }

    /// Rows read, set aside and unreadable, over the whole table (read once per source, with
    /// the stored reporters and partners).
    ///
    /// # Errors
    /// As [`Self::connect`], and a table of neither shape.
    pub fn counts(&self) -> Result<RowCounts, ClickHouseError> {
        Ok(self.parties()?.counts)
    }

    /// About how many (month, reporter, partner, flow, commodity) sums the table's kept rows
    /// make (ClickHouse's `uniq`, within a few percent): whether [`Self::summed_rows`] fits.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn estimated_sums(&self) -> Result<u64, ClickHouseError> {
        Ok(self.parties()?.sums)
    }

    /// About how many (month, reporter, partner, flow, HS chapter) sums the table's kept rows
    /// make, TOTAL rows aside (read in the same scan): whether [`Self::chapter_rows_within`]
    /// fits.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn estimated_chapter_sums(&self) -> Result<u64, ClickHouseError> {
        Ok(self.parties()?.chapter_sums)
    }

    /// The stored reporters and partners and the row counts: one scan of the table, the first
    /// time they are needed by this source.
    fn parties(&self) -> Result<&Parties, ClickHouseError> {
        if let Some(p) = self.parties.get() {
            return Ok(p);
        }
        let rows: Vec<PartiesRow> =
            self.fetch(&queries::parties_and_counts(self.shape()?, &self.address.table))?;
        let mut p = Parties::default();
        for r in rows {
            p.sums += r.sums;
            p.chapter_sums += r.chapter_sums;
            let (reporter, partner) =
                (Stored { code: r.rc, name: r.rn, key: r.rk }, Stored { code: r.pc, name: r.pn, key: r.pk });
            let held = FlowsHeld {
                exports: r.exports != 0,
                imports: r.imports != 0,
                turnover_only: r.turnover_only != 0,
            };
            p.held.push((reporter.clone(), partner.clone(), held));
            p.reporters.push(reporter);
            p.partners.push(partner);
            p.counts.rows += r.rows;
            p.counts.set_aside += r.aside;
            p.counts.unreadable += r.bad;
            p.span_rows += r.spans;
        }
        for list in [&mut p.reporters, &mut p.partners] {
            list.sort_unstable();
            list.dedup();
        }
        Ok(self.parties.get_or_init(|| p))
    }

    /// The stored reporters and partners `sel`'s texts match, by the in-process engine's rules:
    /// [`Party::matches`] for a reporter; for a partner, [`crate::model::groups::partner_mask`]
    /// (one partner, or a country group's members present in the table, never World, the
    /// reporter left out: docs/groups.md). Nothing is read when `sel` names neither.
    fn matched(&self, sel: &Selection) -> Result<Matched, ClickHouseError> {
        if sel.reporter.is_none() && sel.partner.is_none() {
            return Ok(Matched::default());
        }
        let p = self.parties()?;
        let party = |s: &Stored| Party { code: s.code.clone(), name: s.name.clone() };
        let distinct = |list: &[Stored]| {
            let mut v: Vec<Party> = list.iter().map(party).collect();
            v.dedup();
            v
        };
        let (reporters, partners) = (distinct(&p.reporters), distinct(&p.partners));
        let reporter = sel
            .reporter
            .as_deref()
            .map(|q| p.reporters.iter().filter(|s| party(s).matches(q)).cloned().collect::<Vec<_>>());
        let partner = sel.partner.as_deref().map(|q| {
            let mask = crate::model::groups::partner_mask(
                &partners,
                &reporters,
                Some(q),
                sel.reporter.as_deref(),
                &sel.groups,
            );
            let chosen: Vec<&Party> =
                partners.iter().zip(&mask).filter(|(_, m)| **m).map(|(p, _)| p).collect();
            p.partners.iter().filter(|s| chosen.contains(&&party(s))).cloned().collect::<Vec<_>>()
        });
        Ok(Matched { reporter, partner })
    }

    /// Monthly and yearly totals for `sel`, by the in-process engine's rules, summed on the
    /// server, only aggregates back: one query for the totals per period; the flows the
    /// selection's reporter and partner hold, when months or a commodity narrow the selection,
    /// from the source's one scan of the table (else the totals' rows are those rows, and say
    /// it).
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn aggregate(&self, sel: &Selection) -> Result<Aggregate, ClickHouseError> {
        let shape = self.shape()?;
        let m = self.matched(sel)?;
        let rows: Vec<PeriodRow> = self.fetch(&queries::periods(shape, &self.address.table, sel, &m))?;
        let mut held = FlowsHeld::default();
        if sel.range.is_none() && sel.commodity.is_none() {
            for r in &rows {
                held.exports |= r.has_exports != 0;
                held.imports |= r.has_imports != 0;
                held.turnover_only |= r.has_turnover_only != 0;
            }
        } else {
            // Rule 6 from the scan the source made once: the flows of the kept rows of the
            // selection's reporter and partner, whatever the months and the commodity.
            let within = |list: Option<&Vec<Stored>>, s: &Stored| list.is_none_or(|l| l.contains(s));
            for (r, p, h) in &self.parties()?.held {
                if within(m.reporter.as_ref(), r) && within(m.partner.as_ref(), p) {
                    held.exports |= h.exports;
                    held.imports |= h.imports;
                    held.turnover_only |= h.turnover_only;
                }
            }
        }
        let mut per_period = BTreeMap::new();
        for r in rows {
            let Some(period) = period_of(r.ym) else { continue };
            let sums = FlowSums {
                exports_usd: r.exports,
                imports_usd: r.imports,
                turnover_only_usd: r.turnover_only,
                has_split: r.split != 0,
                ..FlowSums::default()
            };
            per_period.insert(period, sums);
        }
        // Spans: rules 1–4 by the in-process engine on the table's spans (summed per key by
        // the server, few), then rules 5–6 with the months, as for a file.
        let spans = self.spans()?;
        let of_spans = (!spans.is_empty()).then(|| crate::model::query::aggregate(spans, sel));
        if let Some(a) = &of_spans {
            if sel.range.is_none() && sel.commodity.is_none() {
                held.merge(a.flows);
            }
            for s in a.spans.iter().filter(|s| !s.derived) {
                let sums = FlowSums {
                    exports_usd: s.sums.exports_usd,
                    imports_usd: s.sums.imports_usd,
                    turnover_only_usd: s.sums.turnover_only_usd,
                    has_split: s.sums.has_split,
                    ..FlowSums::default()
                };
                per_period.insert(Period::Span(s.range), sums);
            }
        }
        let mut a = aggregate_periods(per_period, held);
        if let Some(of_spans) = of_spans {
            for s in &mut a.spans {
                if let Some(p) =
                    of_spans.spans.iter().find(|o| o.range == s.range && !o.derived && !s.derived)
                {
                    s.published = p.published;
                }
            }
        }
        Ok(a)
    }

    /// The table's spans (`Period::Span`: `2018-01..2018-07` in a long table's period), summed
    /// per (span, reporter, partner, flow, commodity) by the server in one GROUP BY, with the
    /// growth rates published with them: a dataset of spans only, empty when the table has
    /// none (the source's one scan counts them first). Read once per source.
    ///
    /// # Errors
    /// As [`Self::counts`], and more than [`MAX_SUMMED_ROWS`] such sums.
    pub fn spans(&self) -> Result<&Dataset, ClickHouseError> {
        if let Some(s) = self.spans.get() {
            return Ok(s);
        }
        let mut data = Dataset::default();
        if self.parties()?.span_rows > 0 {
            let sql = queries::spans(self.shape()?, &self.address.table);
            let Some(rows) = self.fetch_within::<SpanRow>(sql, MAX_SUMMED_ROWS)? else {
                return Err(ClickHouseError::Server {
                    endpoint: self.address.endpoint(),
                    detail: format!(
                        "the table's spans (periods such as 2018-01..2018-07) sum to more than {MAX_SUMMED_ROWS} rows, more than the app holds in memory"
                    ),
                });
            };
            for r in rows {
                let (Some(start), Some(end)) = (month_of(r.start), month_of(r.end)) else { continue };
                let Some(flow) = Flow::parse(&r.flow) else { continue };
                data.push(Record {
                    period: Period::Span(MonthRange::new(start, end)),
                    reporter: party(r.reporter_code, r.reporter_name),
                    partner: party(r.partner_code, r.partner_name),
                    flow,
                    commodity: Commodity { code: r.commodity, name: r.commodity_name },
                    value_usd: r.value,
                });
                if r.published.is_finite() {
                    data.set_published_change(data.len() - 1, r.published);
                }
            }
        }
        Ok(self.spans.get_or_init(|| data))
    }

    /// Appends the table's spans ([`Self::spans`]) to `data`, with their published rates.
    pub(super) fn add_spans(&self, data: &mut Dataset) -> Result<(), ClickHouseError> {
        let spans = self.spans()?;
        let cols = spans.columns();
        let published: BTreeMap<usize, f64> =
            spans.published_changes().iter().map(|&(row, pct)| (row as usize, pct)).collect();
        for i in 0..spans.len() {
            let (r, p) =
                (&spans.reporters()[cols.reporter[i] as usize], &spans.partners()[cols.partner[i] as usize]);
            data.push(Record {
                period: cols.period[i],
                reporter: r.clone(),
                partner: p.clone(),
                flow: cols.flow[i],
                commodity: spans.commodities()[cols.commodity[i] as usize].clone(),
                value_usd: cols.value_usd[i],
            });
            if let Some(&pct) = published.get(&i) {
                data.set_published_change(data.len() - 1, pct);
            }
        }
        Ok(())
    }

    /// The reporters of the table, in code order.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn reporters(&self) -> Result<Vec<Listed>, ClickHouseError> {
        self.list("td_rc", "td_rn")
    }

    /// The partners of the table, in code order.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn partners(&self) -> Result<Vec<Listed>, ClickHouseError> {
        self.list("td_pc", "td_pn")
    }

    /// The commodities of the table, in code order.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn commodities(&self) -> Result<Vec<Listed>, ClickHouseError> {
        self.list("td_c", "td_cn")
    }

    /// [`Self::commodities`] when there are at most `max`, else `None` (the server stops at
    /// `max + 1`): what the window lists for the commodity search when it holds the cube.
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn commodities_within(&self, max: usize) -> Result<Option<Vec<Listed>>, ClickHouseError> {
        let sql = queries::list(self.shape()?, &self.address.table, "td_c", "td_cn");
        let rows: Option<Vec<(String, String, u64)>> = self.fetch_within(sql, max)?;
        Ok(rows.map(|rows| rows.into_iter().map(|(code, name, rows)| Listed { code, name, rows }).collect()))
    }

    fn list(&self, code: &str, name: &str) -> Result<Vec<Listed>, ClickHouseError> {
        let rows: Vec<(String, String, u64)> =
            self.fetch(&queries::list(self.shape()?, &self.address.table, code, name))?;
        Ok(rows.into_iter().map(|(code, name, rows)| Listed { code, name, rows }).collect())
    }

    /// The table summed per (month, reporter, partner, flow, commodity), as a dataset: what
    /// the commands that work on a workspace in memory (`targets`, `export-chart`) use.
    ///
    /// # Errors
    /// As [`Self::counts`], and more than [`MAX_SUMMED_ROWS`] such sums.
    pub fn summed_rows(&self) -> Result<Dataset, ClickHouseError> {
        self.summed_rows_of(None)
    }

    /// [`Self::summed_rows`] of the rows `sel` selects (reporter, partner, commodity prefix,
    /// months; filtered and summed on the server): what `breakdown` works on.
    ///
    /// # Errors
    /// As [`Self::summed_rows`].
    pub fn summed_rows_for(&self, sel: &Selection) -> Result<Dataset, ClickHouseError> {
        self.summed_rows_of(Some(sel))
    }

    fn summed_rows_of(&self, sel: Option<&Selection>) -> Result<Dataset, ClickHouseError> {
        self.summed_rows_within(sel, MAX_SUMMED_ROWS)?.ok_or_else(|| ClickHouseError::Server {
            endpoint: self.address.endpoint(),
            detail: format!(
                "the table sums to more than {MAX_SUMMED_ROWS} (month, reporter, partner, flow, commodity) rows, more than this command holds in memory; `tradedash summary` aggregates on the server"
            ),
        })
    }

    /// [`Self::summed_rows`] when the table makes at most `max` (capped at
    /// [`MAX_SUMMED_ROWS`]) sums, else `None` (the server stops at `max + 1`).
    ///
    /// # Errors
    /// As [`Self::counts`].
    pub fn summed_rows_within(
        &self,
        sel: Option<&Selection>,
        max: usize,
    ) -> Result<Option<Dataset>, ClickHouseError> {
        let max = max.min(MAX_SUMMED_ROWS);
        let m = match sel {
            Some(sel) => Some((sel, self.matched(sel)?)),
            None => None,
        };
        let sql = queries::summed_rows(self.shape()?, &self.address.table, m.as_ref().map(|(s, m)| (*s, m)));
        let Some(rows) = self.fetch_within::<SummedRow>(sql, max)? else { return Ok(None) };
        let mut data = Dataset::default();
        // The table's spans too, all of them (few): the engines filter them as a file's. A
        // breakdown ranks months and years only, but its total is the chart's, which months
        // derived from cumulative spans are part of.
        self.add_spans(&mut data)?;
        for r in rows {
            let commodity = Commodity { code: r.commodity, name: r.commodity_name };
            if let Some(rec) = record(
                r.ym,
                &r.flow,
                party(r.reporter_code, r.reporter_name),
                party(r.partner_code, r.partner_name),
                commodity,
                r.value,
            ) {
                data.push(rec);
            }
        }
        Ok(Some(data))
    }
}

/// The name, in English, of the commodity of the rows of [`ClickHouseSource::cube`]: every
/// commodity, at the most aggregate level the table has (TOTAL before chapters before
/// headings). The window names it in its language (`connect-cube-commodity`).
pub const CUBE_COMMODITY: &str = "all commodities, most aggregate level, summed by the ClickHouse server";

#[derive(Row, Deserialize)]
struct CubeRow {
    ym: u32,
    reporter_code: String,
    reporter_name: String,
    partner_code: String,
    partner_name: String,
    flow: String,
    value: f64,
}

impl ClickHouseSource {
    /// The table summed on the server per (month, reporter, partner, flow), each the most
    /// aggregate commodity level's sum (rules 1–2 of `model::query`), as a dataset whose rows
    /// have the commodity TOTAL named `name` ([`CUBE_COMMODITY`] in English): the in-process engine gives the
    /// table's figures from it for every selection without a commodity. What the window holds
    /// when the sums per commodity do not fit ([`MAX_SUMMED_ROWS`]).
    ///
    /// # Errors
    /// As [`Self::summed_rows`].
    pub fn cube(&self, name: &str) -> Result<Dataset, ClickHouseError> {
        let sql = queries::cube(self.shape()?, &self.address.table);
        let Some(rows) = self.fetch_within::<CubeRow>(sql, MAX_SUMMED_ROWS)? else {
            return Err(ClickHouseError::Server {
                endpoint: self.address.endpoint(),
                detail: format!(
                    "the table sums to more than {MAX_SUMMED_ROWS} (month, reporter, partner, flow) rows, more than the window holds in memory; `tradedash summary` aggregates on the server"
                ),
            });
        };
        let mut data = Dataset::default();
        for r in rows {
            let commodity = Commodity { code: "TOTAL".to_owned(), name: name.to_owned() };
            if let Some(rec) = record(
                r.ym,
                &r.flow,
                party(r.reporter_code, r.reporter_name),
                party(r.partner_code, r.partner_name),
                commodity,
                r.value,
            ) {
                data.push(rec);
            }
        }
        Ok(data)
    }
}

#[derive(Row, Deserialize)]
struct ChapterRow {
    ym: u32,
    reporter_code: String,
    reporter_name: String,
    partner_code: String,
    partner_name: String,
    flow: String,
    chapter: String,
    chapter_name: String,
    value: f64,
}

impl ClickHouseSource {
    /// The table summed on the server per (month, reporter, partner, flow, HS chapter), the
    /// double-counting rule of levels applied inside each chapter (`queries::chapter_cube`):
    /// rows whose commodity is the chapter's code (named as the table names the chapter, else
    /// left unnamed), which beside the [`Self::cube`] rows give the table's figures for every
    /// 2-digit commodity selection. `None` when there are more than `max` (capped at
    /// [`MAX_SUMMED_ROWS`]) such sums (the server stops at `max + 1`).
    ///
    /// # Errors
    /// As [`Self::summed_rows`].
    pub fn chapter_rows_within(&self, max: usize) -> Result<Option<Vec<Record>>, ClickHouseError> {
        let max = max.min(MAX_SUMMED_ROWS);
        let sql = queries::chapter_cube(self.shape()?, &self.address.table);
        let Some(rows) = self.fetch_within::<ChapterRow>(sql, max)? else { return Ok(None) };
        Ok(Some(
            rows.into_iter()
                .filter_map(|r| {
                    let commodity = Commodity { code: r.chapter, name: r.chapter_name };
                    record(
                        r.ym,
                        &r.flow,
                        party(r.reporter_code, r.reporter_name),
                        party(r.partner_code, r.partner_name),
                        commodity,
                        r.value,
                    )
                })
                .collect(),
        ))
    }
}

/// A connected table answering the window's selections that its cube cannot: those with a
/// commodity (one GROUP BY query each, [`ClickHouseSource::aggregate`]), one at a time, each
/// stopped by its own cancel flag; when the window holds the chapter rows too
/// ([`ClickHouseSource::chapter_rows_within`]), all but the 2-digit commodity prefixes.
#[derive(Debug)]
pub struct ServerTotals {
    source: std::sync::Mutex<ClickHouseSource>,
    /// How many chapter rows the window holds, when it holds them.
    chapters: Option<usize>,
    /// How many commodity codes the window lists for the search, when it lists them.
    listed: Option<usize>,
}

impl ServerTotals {
    /// Answers with `source`'s table; `chapters`: how many chapter rows the window holds, when
    /// it holds them; `listed`: how many commodity codes it lists, when it lists them.
    #[must_use]
    pub fn new(source: ClickHouseSource, chapters: Option<usize>, listed: Option<usize>) -> Self {
        Self { source: std::sync::Mutex::new(source), chapters, listed }
    }

    /// How many of the table's commodity codes the window lists for the commodity search
    /// (`None`: more than it holds, none listed).
    #[must_use]
    pub fn listed_commodities(&self) -> Option<usize> {
        self.listed
    }

    /// Whether the window holds the table's sums per HS chapter (2-digit selections are then
    /// answered in memory).
    #[must_use]
    pub fn holds_chapters(&self) -> bool {
        self.chapters.is_some()
    }

    /// How many chapter rows the window holds (0 when it holds none).
    #[must_use]
    pub fn chapter_rows(&self) -> usize {
        self.chapters.unwrap_or(0)
    }
}

impl crate::model::query::RemoteTotals for ServerTotals {
    fn needs_remote(&self, sel: &Selection) -> bool {
        let Some(c) = sel.commodity.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
            return false;
        };
        // A chapter's code: its rows are held (a TOTAL code is not a chapter; "TO" is).
        let chapter = c.chars().count() == 2 && !crate::model::dataset::is_total_code(c);
        !(self.chapters.is_some() && chapter)
    }

    fn aggregate(&self, sel: &Selection, cancel: &Arc<AtomicBool>) -> Result<Aggregate, String> {
        // A poisoned lock only means an earlier query panicked: the source itself is intact.
        let mut source = self.source.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        source.cancel_on(Arc::clone(cancel));
        source.aggregate(sel).map_err(|e| e.to_string())
    }

    fn breakdown_rows(
        &self,
        req: &crate::model::breakdown::Request,
        cancel: &Arc<AtomicBool>,
    ) -> Result<Dataset, String> {
        let mut source = self.source.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        source.cancel_on(Arc::clone(cancel));
        source.summed_rows_for(&req.rows_selection()).map_err(|e| e.to_string())
    }
}

/// A row of sums the server sent as a record: `None` for a period or flow the queries'
/// filter (`VALID`) does not let through, so never in practice.
fn record(
    ym: u32,
    flow: &str,
    reporter: Party,
    partner: Party,
    commodity: Commodity,
    value: f64,
) -> Option<Record> {
    Some(Record {
        period: period_of(ym)?,
        reporter,
        partner,
        flow: Flow::parse(flow)?,
        commodity,
        value_usd: value,
    })
}

fn party(code: String, name: String) -> Party {
    Party { code, name }
}

/// YYYYMM → a month.
fn month_of(ym: u32) -> Option<YearMonth> {
    YearMonth::new(i32::try_from(ym / 100).ok()?, u8::try_from(ym % 100).ok()?)
}

/// YYYYMM → a month, YYYY00 → a year.
fn period_of(ym: u32) -> Option<Period> {
    let year = i32::try_from(ym / 100).ok()?;
    match u8::try_from(ym % 100).ok()? {
        0 => Some(Period::Year(year)),
        m => YearMonth::new(year, m).map(Period::Month),
    }
}
