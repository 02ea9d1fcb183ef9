//! What the user has chosen to look at: reporter, partner, commodity, months, partners compared.

use serde::{Deserialize, Serialize};

use crate::model::period::MonthRange;

/// What the user has chosen to look at. Empty fields mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Reporter code or name; `None` for all reporters.
    pub reporter: Option<String>,
    /// Partner code or name; `None` for all partners (World where the file has it).
    pub partner: Option<String>,
    /// HS code prefix ("03", "0302"); `None` for all commodities.
    pub commodity: Option<String>,
    /// Months to show; `None` for every month in the data.
    pub range: Option<MonthRange>,
    /// Further partners (codes or names) drawn beside `partner` to compare them; empty for none.
    pub compare: Vec<String>,
}
