//! A `clickhouse://` INPUT for the commands that read data (docs/clickhouse.md): `summary`
//! aggregates on the server; `targets` and `export-chart`, which work on a workspace in
//! memory, get the table summed per (month, reporter, partner, flow, commodity).

use std::path::Path;
use std::process::ExitCode;

use super::summary::{SummaryJson, summary_of_aggregate};
use crate::io::clickhouse::{Address, ClickHouseSource, is_address, password_from_env};
use crate::model::query::Selection;
use crate::model::workspace::{DataSource, Workspace};

/// The INPUT's text when it is a ClickHouse address.
pub(super) fn address_of(input: Option<&Path>) -> Option<&str> {
    input.and_then(Path::to_str).filter(|t| is_address(t))
}

/// Connects to the table at `text`, with the password of the environment; prints why not
/// (exit code 2).
pub(super) fn connect(text: &str) -> Result<ClickHouseSource, ExitCode> {
    let address = Address::parse(text).map_err(|e| fail(&e))?;
    ClickHouseSource::connect(address, password_from_env().as_deref()).map_err(|e| fail(&e.to_string()))
}

fn fail(message: &str) -> ExitCode {
    eprintln!("tradedash: {message}");
    ExitCode::from(2)
}

/// The workspace `summary` prints the heading of: the table's address as its label.
pub(super) fn summary_workspace(text: &str) -> Workspace {
    let label = Address::parse(text).map_or_else(|_| text.to_owned(), |a| a.to_string());
    Workspace {
        title: label.clone(),
        data: DataSource { label, ..DataSource::default() },
        ..Workspace::default()
    }
}

/// `summary` of a ClickHouse table: the figures aggregated on the server, the row counts of
/// the whole table.
pub(super) fn summary(text: &str, sel: &Selection) -> Result<SummaryJson, ExitCode> {
    let source = connect(text)?;
    let shape = source.shape().map_err(|e| fail(&e.to_string()))?;
    let a = source.aggregate(sel).map_err(|e| fail(&e.to_string()))?;
    let counts = source.counts().map_err(|e| fail(&e.to_string()))?;
    let mut s = summary_of_aggregate(&a);
    s.rows_read = counts.rows;
    s.rows_skipped = counts.unreadable;
    s.rows_set_aside = counts.set_aside;
    s.format = Some(format!("ClickHouse table, {} ({})", shape.kind.label(), source.address()));
    if counts.set_aside > 0 {
        s.notes.push(crate::reason!("note-clickhouse-set-aside", count = counts.set_aside.to_string()));
    }
    if counts.unreadable > 0 {
        s.notes.push(crate::reason!("note-clickhouse-unreadable", count = counts.unreadable.to_string()));
    }
    s.notes.push(crate::reason!("note-clickhouse-aggregated"));
    Ok(s)
}

/// A workspace around the table summed per (month, reporter, partner, flow, commodity), for
/// the commands that evaluate targets or draw the chart in memory.
pub(super) fn workspace(text: &str) -> Result<Workspace, ExitCode> {
    let source = connect(text)?;
    let data = source.summed_rows().map_err(|e| fail(&e.to_string()))?;
    let label = source.address().to_string();
    Ok(Workspace {
        title: label.clone(),
        data: DataSource { label, embedded: Some(std::sync::Arc::new(data)), ..DataSource::default() },
        ..Workspace::default()
    })
}
