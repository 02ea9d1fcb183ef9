//! tradedash: a desktop dashboard for analysts who follow trade between a region and a
//! partner country. The library holds the model, the file formats and the UI; `main.rs` only
//! parses the command line.

// The `too_many_lines` and `expect_used` lints are new (issue 12); the branches that split the
// app, the panels and the importer bring these modules under them. Remove these allows as
// each of those branches lands.
#[allow(clippy::too_many_lines, reason = "split on the app branch of issue 12")]
pub mod app;
pub mod cli;
#[allow(clippy::too_many_lines, reason = "io/import/layout.rs is split on the importer branch of issue 12")]
pub mod io;
pub mod model;
#[allow(clippy::too_many_lines, reason = "the panels are split on the app branch of issue 12")]
pub mod ui;
