//! The main views, shown as tabs above the central panel. A file of its own so that
//! `command.rs` (whose `ShowTab` names one) imports nothing else of the UI.

/// The main views, shown as tabs above the central panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// Monthly trade chart.
    #[default]
    Chart,
    /// Composition: products and partners ranked (`ui/composition/`).
    Composition,
    /// Target gauges.
    Targets,
    /// Visit itinerary.
    Visit,
}

impl Tab {
    /// Every tab, in display order.
    pub const ALL: [Self; 4] = [Self::Chart, Self::Composition, Self::Targets, Self::Visit];

    /// Tab caption.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Chart => "Monthly trade",
            // The message `composition-tab` holds its translations for the conversion pass.
            Self::Composition => "Composition",
            Self::Targets => "Targets",
            Self::Visit => "Visit",
        }
    }
}
