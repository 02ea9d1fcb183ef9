//! Which flows the data holds for a selection: a flow it does not hold at all is unknown
//! ("not in the file"), not zero, and so are the turnover and the balance built on it.
//!
//! The rule (one, applied everywhere through [`super::FlowSums`]):
//! - A flow with **no row at all** for the selection's reporter and partner (any period, any
//!   commodity) is unknown in every period: a gap on the chart, an empty cell in the table and
//!   the CSV, `null` in `summary --json`, "not in the file" in the text output.
//! - Where the data holds the flow, a month that has rows for the selection but none of that
//!   flow is **zero** for it: UN Comtrade stores no zero records, so a month the reporter
//!   reported with no row for a flow had no such trade.
//! - A month with no row at all for the selection is a gap (unknown), as before: tradedash does
//!   not make up months.

use serde::{Deserialize, Serialize};

use super::selection::Selection;
use crate::model::dataset::{Dataset, Flow, Party};

/// Which flows the data holds for a selection (any period).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowsHeld {
    /// Export rows present.
    pub exports: bool,
    /// Import rows present.
    pub imports: bool,
    /// Turnover-only rows present (sources without the split).
    pub turnover_only: bool,
}

impl FlowsHeld {
    pub(super) fn add(&mut self, flow: Flow) {
        match flow {
            Flow::Export => self.exports = true,
            Flow::Import => self.imports = true,
            Flow::Turnover => self.turnover_only = true,
        }
    }

    /// Adds the flows another part of the data holds.
    pub fn merge(&mut self, other: Self) {
        self.exports |= other.exports;
        self.imports |= other.imports;
        self.turnover_only |= other.turnover_only;
    }

    /// Whether the split is given for one flow only (exports without imports, or the reverse):
    /// then turnover and balance are unknown.
    #[must_use]
    pub fn one_flow_only(self) -> bool {
        self.exports != self.imports
    }

    /// What the window and the command line print when a flow is missing: "The file holds
    /// exports only: imports, turnover and balance are not in the file."; `None` when both
    /// flows are there (or neither, for a turnover-only source, which says so itself).
    #[must_use]
    pub fn note(self) -> Option<String> {
        let (held, missing) = match (self.exports, self.imports) {
            (true, false) => ("exports", "imports"),
            (false, true) => ("imports", "exports"),
            _ => return None,
        };
        Some(format!("The file holds {held} only: {missing}, turnover and balance are not in the file."))
    }
}

/// The flows present in the rows of the selection's reporter and partner (one pass over the
/// data: call it when the data or the selection change, not per frame). [`super::aggregate`]
/// gives the same in [`super::Aggregate::flows`] from its own pass.
#[must_use]
pub fn flows_held(data: &Dataset, sel: &Selection) -> FlowsHeld {
    let pick = |parties: &[Party], q: &Option<String>| -> Vec<bool> {
        parties.iter().map(|p| q.as_deref().is_none_or(|q| p.matches(q))).collect()
    };
    let reporters = pick(data.reporters(), &sel.reporter);
    let partners = sel.partner_mask(data);
    let cols = data.columns();
    let mut held = FlowsHeld::default();
    for i in 0..cols.flow.len() {
        if reporters[cols.reporter[i] as usize] && partners[cols.partner[i] as usize] {
            held.add(cols.flow[i]);
            if held.exports && held.imports && held.turnover_only {
                break;
            }
        }
    }
    held
}
