//! ClickHouse as a data source: a table on a server (or a `Distributed` table over a
//! cluster), aggregated where it lives. See docs/clickhouse.md.
//!
//! `address.rs`: `clickhouse://USER@HOST:PORT/DATABASE/TABLE`; `error.rs`: what can go wrong,
//! in clear words; `shape.rs`: the two table shapes and the SQL for their rows;
//! `queries.rs`: the aggregate queries (the double-counting rules in SQL); `sql.rs`: SQL
//! text with its values bound by the client; `source.rs`: the connected table; `fetch.rs`: what the window asks when it
//! connects (on a job thread); `push.rs`:
//! writing a file's kept rows into a table.
//!
//! The client is the official `clickhouse` crate's 0.11 line with `wa-37420` (servers older
//! than 22.6, such as Debian's 18.16); it runs on a one-thread tokio runtime owned by the
//! source, so callers stay synchronous (the window calls it from a job thread).

mod address;
mod error;
mod fetch;
mod push;
mod queries;
mod shape;
mod source;
mod sql;

pub use address::{Address, DEFAULT_TIMEOUT_SECS, is_address};
pub use error::ClickHouseError;
pub use fetch::{FetchOutcome, FetchProgress, Fetched, Password, Stage, fetch};
pub use push::{LONG_TABLE_COLUMNS, PushProgress, push};
pub use shape::{Column, Shape, ShapeKind};
pub use source::{
    CUBE_COMMODITY, ClickHouseSource, Listed, MAX_SUMMED_ROWS, RowCounts, ServerTotals, password_from_env,
};

/// The environment variable the password is read from. It is never written to a workspace,
/// an autosave, a log or a message.
pub const PASSWORD_ENV: &str = "TRADEDASH_CLICKHOUSE_PASSWORD";
