//! What the chart shows: the trade measures ([`Measure`]), the views of them ([`ChartView`])
//! and the saved chart settings ([`ChartSettings`]). The numbers drawn are built in
//! [`super::table`]; the arithmetic of change is in [`super::growth`].

use serde::{Deserialize, Serialize};

use super::query::FlowSums;

/// What is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Exports of the reporter to the partner.
    Exports,
    /// Imports of the reporter from the partner.
    Imports,
    /// Exports plus imports (plus turnover-only values).
    Turnover,
    /// Exports minus imports.
    Balance,
}

impl Measure {
    /// Every measure, in display order.
    pub const ALL: [Self; 4] = [Self::Exports, Self::Imports, Self::Turnover, Self::Balance];

    /// "Exports".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Exports => "Exports",
            Self::Imports => "Imports",
            Self::Turnover => "Turnover",
            Self::Balance => "Balance",
        }
    }

    /// The measure's value in some sums; `None` where the source does not give it (exports of
    /// a turnover-only source; imports, turnover and balance of a file without imports).
    #[must_use]
    pub fn value(self, sums: &FlowSums) -> Option<f64> {
        match self {
            Self::Exports => sums.exports(),
            Self::Imports => sums.imports(),
            Self::Turnover => sums.turnover_usd(),
            Self::Balance => sums.balance_usd(),
        }
    }
}

/// How the chart shows the data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChartView {
    /// Values per month.
    #[default]
    Monthly,
    /// Change on the same month a year earlier, and on the same year-to-date a year earlier.
    Yoy,
    /// Year-to-date sums, beside the same months a year earlier.
    Ytd,
    /// Sum over the last 12 months.
    Rolling,
    /// Calendar years.
    Annual,
    /// Calendar quarters: published, derived from cumulative figures, or summed from months.
    Quarterly,
}

impl ChartView {
    /// Every view, in display order.
    pub const ALL: [Self; 6] =
        [Self::Monthly, Self::Yoy, Self::Ytd, Self::Rolling, Self::Quarterly, Self::Annual];

    /// Caption in the UI.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Monthly => "Monthly",
            Self::Yoy => "Year on year %",
            Self::Ytd => "Year to date",
            Self::Rolling => "Rolling 12 months",
            Self::Annual => "Annual",
            Self::Quarterly => "Quarterly",
        }
    }

    /// Name on the command line (`--view yoy`).
    #[must_use]
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Monthly => "monthly",
            Self::Yoy => "yoy",
            Self::Ytd => "ytd",
            Self::Rolling => "rolling",
            Self::Annual => "annual",
            Self::Quarterly => "quarterly",
        }
    }

    /// Parses a command-line name ("monthly", "yoy", "ytd", "rolling", "annual").
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.cli_name().eq_ignore_ascii_case(text.trim()))
    }

    /// What the view shows, for chart titles ("monthly trade", "year-to-date trade").
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Monthly => "monthly trade",
            Self::Yoy => "change on a year earlier",
            Self::Ytd => "year-to-date trade",
            Self::Rolling => "trade over the last 12 months",
            Self::Annual => "annual trade",
            Self::Quarterly => "quarterly trade",
        }
    }
}

/// Which series the chart shows and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartSettings {
    /// Show exports.
    pub exports: bool,
    /// Show imports.
    pub imports: bool,
    /// Show turnover.
    pub turnover: bool,
    /// Show the balance (exports − imports).
    pub balance: bool,
    /// Bars instead of lines.
    pub bars: bool,
    /// With bars: exports and imports stacked (their top is the turnover) instead of side by side.
    pub stacked: bool,
    /// What the chart shows: monthly values, change on a year earlier, year to date, …
    pub view: ChartView,
    /// Show the data table under the chart.
    pub table: bool,
    /// Mirror statistics: with a reporter and a partner chosen and both sides in the data, each
    /// side's exports against the other's imports, with the gap.
    pub mirror: bool,
}

impl Default for ChartSettings {
    fn default() -> Self {
        Self {
            exports: true,
            imports: true,
            turnover: true,
            balance: false,
            bars: false,
            stacked: false,
            view: ChartView::Monthly,
            table: true,
            mirror: false,
        }
    }
}

impl ChartSettings {
    /// The measures switched on, in display order.
    #[must_use]
    pub fn measures(&self) -> Vec<Measure> {
        let on = [self.exports, self.imports, self.turnover, self.balance];
        Measure::ALL.into_iter().zip(on).filter(|(_, on)| *on).map(|(m, _)| m).collect()
    }
}
