//! Pure data and arithmetic. Nothing here knows about egui or files.

pub mod annotation;
pub mod completeness;
pub mod dataset;
pub mod format;
pub mod itinerary;
pub mod period;
pub mod query;
pub mod reconcile;
pub mod series;
pub mod target;
pub mod workspace;
