//! Pure data and arithmetic. Nothing here knows about egui or files: `model/` imports neither
//! `egui` nor `crate::io` (the importer and the workspace file build on it, not the reverse).

pub mod annotation;
pub mod breakdown;
pub mod chart;
pub mod completeness;
pub mod dataset;
pub mod format;
pub mod groups;
pub mod growth;
pub mod itinerary;
pub mod kpi;
pub mod mapping;
pub mod note;
pub mod period;
pub mod query;
pub mod reconcile;
pub mod reported;
pub mod seed;
pub mod span_rows;
pub mod table;
pub mod target;
pub mod workspace;

#[cfg(test)]
mod chart_tests;
