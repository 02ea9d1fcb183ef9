//! What the window asks of a table when it connects: the table summed on the server per
//! (month, reporter, partner, flow, commodity), with its row counts, run on a job thread with
//! a stage the status bar shows and a cancel flag it checks between queries.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use super::{
    Address, ClickHouseError, ClickHouseSource, MAX_SUMMED_ROWS, RowCounts, ServerTotals, ShapeKind,
};
use crate::model::dataset::{Commodity, Dataset, is_total_code};

/// A password typed in the window or read from the environment. Held in memory only: it has no
/// `Serialize`, and its `Debug` prints nothing of it, so no log, workspace or message can
/// carry it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Wraps `text`.
    #[must_use]
    pub fn new(text: String) -> Self {
        Self(text)
    }

    /// The password, for the client; `None` when empty (a user without a password).
    #[must_use]
    pub fn get(&self) -> Option<&str> {
        (!self.0.is_empty()).then_some(self.0.as_str())
    }

    /// [`super::PASSWORD_ENV`]'s value, when set and not empty.
    #[must_use]
    pub fn from_env() -> Option<Self> {
        super::password_from_env().map(Self)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

/// Where a fetch is: the status bar says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Connecting and reading the table's columns.
    Connecting,
    /// The server sums the table.
    Summing,
    /// The server counts the table's rows.
    Counting,
}

/// A fetch's stage and cancel flag, shared between the job thread and the window.
#[derive(Debug, Default)]
pub struct FetchProgress {
    stage: AtomicU8,
    cancelled: Arc<AtomicBool>,
}

impl FetchProgress {
    /// The stage reached.
    #[must_use]
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Connecting,
            1 => Stage::Summing,
            _ => Stage::Counting,
        }
    }

    fn set(&self, stage: Stage) {
        let v = match stage {
            Stage::Connecting => 0,
            Stage::Summing => 1,
            Stage::Counting => 2,
        };
        self.stage.store(v, Ordering::Relaxed);
    }

    /// Asks the fetch to stop: the query running stops waiting within a tenth of a second and
    /// closes its connection; the window drops what the fetch brings back either way.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Self::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// A table fetched for the window.
#[derive(Debug)]
pub struct Fetched {
    /// Where it is.
    pub address: Address,
    /// Its shape.
    pub shape: ShapeKind,
    /// Its rows, counted on the server.
    pub counts: RowCounts,
    /// The table summed per (month, reporter, partner, flow, commodity), or, when those sums
    /// do not fit, per (month, reporter, partner, flow) ([`ClickHouseSource::cube`]).
    pub dataset: Dataset,
    /// With the cube: about how many sums per commodity the table has, and the connected
    /// table, which answers the selections with a commodity.
    pub server: Option<(u64, Arc<ServerTotals>)>,
}

/// Connects to `address`, counts the table's rows and has the server sum it (per commodity
/// when those sums fit in memory, else per month, reporter, partner and flow, the
/// commodity selections then asked of the server); stops when
/// `progress` is cancelled ([`ClickHouseError::Cancelled`]; the window drops it). `max_sums`
/// is the most sums per commodity held in memory ([`MAX_SUMMED_ROWS`] in the window; tests
/// set it low to exercise the cube on small tables). `cube_name` names the cube's commodity
/// (all commodities, most aggregate level) in the window's language.
///
/// # Errors
/// As [`ClickHouseSource::connect`] and [`ClickHouseSource::summed_rows`].
pub fn fetch(
    address: Address,
    password: &Password,
    progress: &Arc<FetchProgress>,
    max_sums: usize,
    cube_name: &str,
) -> Result<Fetched, ClickHouseError> {
    progress.set(Stage::Connecting);
    let mut source = ClickHouseSource::connect(address.clone(), password.get())?;
    source.cancel_on(Arc::clone(&progress.cancelled));
    let shape = source.shape()?.kind;
    progress.set(Stage::Counting);
    let counts = source.counts()?;
    let sums = source.estimated_sums()?;
    progress.set(Stage::Summing);
    // The estimate is within a few percent: a table it puts just under the cap may still be
    // over it (the sums are then counted exactly, and the cube fetched instead). A table it
    // puts over the cap is not summed per commodity at all: at 20 M keys that GROUP BY alone
    // is past a test server's memory limit.
    if usize::try_from(sums).unwrap_or(usize::MAX) <= max_sums.min(MAX_SUMMED_ROWS)
        && let Some(dataset) = source.summed_rows_within(None, max_sums)?
    {
        return Ok(Fetched { address, shape, counts, dataset, server: None });
    }
    let mut dataset = source.cube(cube_name)?;
    // The sums per HS chapter beside it, when they fit with it (the estimate first, then
    // exactly): 2-digit commodity selections, the common ones, are then answered in memory.
    let room = max_sums.min(MAX_SUMMED_ROWS).saturating_sub(dataset.len());
    let mut chapters = None;
    if usize::try_from(source.estimated_chapter_sums()?).unwrap_or(usize::MAX) <= room
        && let Some(rows) = source.chapter_rows_within(room)?
    {
        chapters = Some(rows.len());
        rows.into_iter().for_each(|r| dataset.push(r));
    }
    // The spans (cumulative figures), few: held as a file's, with their own commodities.
    source.add_spans(&mut dataset)?;
    // The commodities' codes and names (thousands at most in trade data: one GROUP BY), for
    // the commodity search, when they fit beside the rows under the same cap; their figures
    // are asked of the server.
    let room = max_sums.min(MAX_SUMMED_ROWS).saturating_sub(dataset.len());
    let mut listed = None;
    if let Some(list) = source.commodities_within(room)? {
        let held: std::collections::HashSet<String> =
            dataset.commodities().iter().map(|c| c.code.clone()).collect();
        let new: Vec<Commodity> = list
            .into_iter()
            .filter(|c| !is_total_code(&c.code) && !held.contains(&c.code))
            .map(|c| Commodity { code: c.code, name: c.name })
            .collect();
        listed = Some(new.len() + held.iter().filter(|c| !is_total_code(c)).count());
        new.into_iter().for_each(|c| dataset.list_commodity(c));
    }
    // Its queries are cancelled by their own flags, not this connect's Cancel.
    source.cancel_on(Arc::new(AtomicBool::new(false)));
    let server = Arc::new(ServerTotals::new(source, chapters, listed));
    Ok(Fetched { address, shape, counts, dataset, server: Some((sums, server)) })
}

/// A fetch's end, sent from the job thread to the window as a command (shared so that the
/// command stays `Clone`; the window takes it out once).
#[derive(Clone, Debug)]
pub struct FetchOutcome {
    /// The job it ends.
    pub id: u64,
    result: Arc<std::sync::Mutex<Option<Result<Fetched, ClickHouseError>>>>,
}

impl FetchOutcome {
    /// Wraps a thread's result.
    #[must_use]
    pub fn new(id: u64, result: Result<Fetched, ClickHouseError>) -> Self {
        Self { id, result: Arc::new(std::sync::Mutex::new(Some(result))) }
    }

    /// Takes the result out (`None` when already taken).
    #[must_use]
    pub fn take(&self) -> Option<Result<Fetched, ClickHouseError>> {
        self.result.lock().ok().and_then(|mut r| r.take())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows_in_debug_output() {
        let p = Password::new("s3cret".into());
        assert_eq!(format!("{p:?}"), "Password(…)");
        assert_eq!(p.get(), Some("s3cret"));
        assert_eq!(Password::default().get(), None);
    }
}
