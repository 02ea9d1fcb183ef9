//! Names of the model's kinds in the reader's language: the model keeps data (`StopKind`,
//! `StopStatus`, `Format`), the labels come from the message files.

use super::{Lang, tr};
use crate::model::itinerary::{StopKind, StopStatus};

/// A stop's kind: "Enterprise", "Предприятие", "Кәсіпорын".
#[must_use]
pub fn stop_kind(lang: Lang, kind: StopKind) -> String {
    tr(
        lang,
        match kind {
            StopKind::Enterprise => "stop-kind-enterprise",
            StopKind::University => "stop-kind-university",
            StopKind::Memorial => "stop-kind-memorial",
            StopKind::Nature => "stop-kind-nature",
            StopKind::Meeting => "stop-kind-meeting",
            StopKind::Travel => "stop-kind-travel",
        },
    )
}

/// A stop's status: "Planned", "Запланирован", "Жоспарланған".
#[must_use]
pub fn stop_status(lang: Lang, status: StopStatus) -> String {
    tr(
        lang,
        match status {
            StopStatus::Planned => "stop-status-planned",
            StopStatus::Confirmed => "stop-status-confirmed",
            StopStatus::Done => "stop-status-done",
            StopStatus::Cancelled => "stop-status-cancelled",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_labels_are_the_models_own() {
        for kind in StopKind::ALL {
            assert_eq!(stop_kind(Lang::En, kind), kind.label());
        }
        for status in StopStatus::ALL {
            assert_eq!(stop_status(Lang::En, status), status.label());
        }
        assert_ne!(stop_kind(Lang::Ru, StopKind::Meeting), StopKind::Meeting.label());
    }
}
