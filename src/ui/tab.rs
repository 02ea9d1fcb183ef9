//! The main views, shown as tabs above the central panel. A file of its own so that
//! `command.rs` (whose `ShowTab` names one) imports nothing else of the UI.

/// The main views, shown as tabs above the central panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// Monthly trade chart.
    #[default]
    Chart,
    /// Target gauges.
    Targets,
    /// Visit itinerary.
    Visit,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Self; 3] = [Self::Chart, Self::Targets, Self::Visit];

    /// Tab caption.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Chart => "Monthly trade",
            Self::Targets => "Targets",
            Self::Visit => "Visit",
        }
    }
}
