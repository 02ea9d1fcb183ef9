//! A `clickhouse://` INPUT for the commands that read data (docs/clickhouse.md): `summary`
//! aggregates on the server; `targets` and `export-chart`, which work on a workspace in
//! memory, get the table summed per (month, reporter, partner, flow, commodity).

use std::path::Path;
use std::process::ExitCode;

use super::summary::{SummaryJson, summary_of_aggregate};
use crate::io::clickhouse::{Address, ClickHouseSource, is_address, password_from_env};
use crate::model::breakdown::Request;
use crate::model::query::{Aggregate, Selection};
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

/// `breakdown` of a table, pushed down: the default period (when none is given) from the
/// server's totals for the selection (one GROUP BY query), then only the rows of the
/// reporter, the partner (not for a partner ranking) and the period with the year before it,
/// filtered and summed per (month, reporter, partner, flow, commodity) on the server. The
/// breakdown engine then ranks those sums in memory, by the same rules as for a file (TOTAL
/// above chapters, World above countries, levels): the same figures to the cent, with only the
/// selection's sums across the wire.
pub(super) fn breakdown_input(
    text: &str,
    request: impl FnOnce(&dyn Fn(&Selection) -> Result<Aggregate, String>) -> Result<Request, String>,
) -> Result<(Workspace, Request), ExitCode> {
    let source = connect(text)?;
    let totals = |sel: &Selection| source.aggregate(sel).map_err(|e| e.to_string());
    let req = request(&totals).map_err(|e| fail(&e))?;
    // The commodity prefix narrows the items, but TOTAL rows are what is "not broken down":
    // the engine needs them, so the server filters by parties and months only.
    let data = source.summed_rows_for(&req.rows_selection()).map_err(|e| fail(&e.to_string()))?;
    let label = source.address().to_string();
    let workspace = Workspace {
        title: label.clone(),
        data: DataSource {
            label: label.clone(),
            sample: false,
            path: None,
            embedded: Some(std::sync::Arc::new(data)),
            clickhouse: Some(label),
            sample_split: None,
        },
        ..Workspace::default()
    };
    Ok((workspace, req))
}

/// A workspace around the table summed per (month, reporter, partner, flow, commodity), for
/// the commands that evaluate targets or draw the chart in memory.
pub(super) fn workspace(text: &str) -> Result<Workspace, ExitCode> {
    let source = connect(text)?;
    let data = source.summed_rows().map_err(|e| fail(&e.to_string()))?;
    let label = source.address().to_string();
    Ok(Workspace {
        title: label.clone(),
        data: DataSource {
            label: label.clone(),
            embedded: Some(std::sync::Arc::new(data)),
            clickhouse: Some(label),
            ..DataSource::default()
        },
        ..Workspace::default()
    })
}
