//! What the user has chosen to look at: reporter, partner, commodity, months, partners compared.

use serde::{Deserialize, Serialize};

use crate::model::groups::PartnerGroup;
use crate::model::period::MonthRange;

/// What the user has chosen to look at. Empty fields mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Reporter code or name; `None` for all reporters.
    pub reporter: Option<String>,
    /// Partner code or name, or a country group (`group:EAEU`, see `model::groups`); `None` for
    /// all partners (World where the file has it).
    pub partner: Option<String>,
    /// HS code prefix ("03", "0302"); `None` for all commodities.
    pub commodity: Option<String>,
    /// Months to show; `None` for every month in the data.
    pub range: Option<MonthRange>,
    /// Further partners (codes or names) drawn beside `partner` to compare them; empty for none.
    pub compare: Vec<String>,
    /// The user's country groups that `partner` and `compare` may name (the workspace's
    /// [`groups`](crate::model::workspace::Workspace::groups), copied here so that everything
    /// computed from a selection, and every cache keyed on it, sees them). Not saved with the
    /// selection: the workspace saves them once.
    #[serde(skip)]
    pub groups: Vec<PartnerGroup>,
}

impl Selection {
    /// Which of the data's partners the selection's partner takes (all for none; a group's
    /// members for a group: `model::groups`).
    #[must_use]
    pub fn partner_mask(&self, data: &crate::model::dataset::Dataset) -> Vec<bool> {
        crate::model::groups::partner_mask(
            data.partners(),
            data.reporters(),
            self.partner.as_deref(),
            self.reporter.as_deref(),
            &self.groups,
        )
    }
}
