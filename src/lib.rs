//! tradedash: a desktop dashboard for analysts who follow trade between a region and a
//! partner country. The library holds the model, the file formats and the UI; `main.rs` only
//! parses the command line.

// The `too_many_lines` lint is new (issue 12); the importer branch brings `io` under it.
// Remove this allow when it lands.
pub mod app;
pub mod cli;
pub mod command;
pub mod i18n;
#[allow(clippy::too_many_lines, reason = "io/import/layout.rs is split on the importer branch of issue 12")]
pub mod io;
pub mod model;
pub mod ui;
