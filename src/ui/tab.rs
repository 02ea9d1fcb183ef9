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

    /// The id of the tab's caption in the message files.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Chart => "tab-chart",
            Self::Composition => "composition-tab",
            Self::Targets => "tab-targets",
            Self::Visit => "tab-visit",
        }
    }

    /// Tab caption in `lang`.
    #[must_use]
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::tr(lang, self.message_id())
    }
}
