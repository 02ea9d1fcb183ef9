//! tradedash: a desktop dashboard for analysts who follow trade between a region and a
//! partner country. The library holds the model, the file formats and the UI; `main.rs` only
//! parses the command line.

pub mod app;
pub mod cli;
pub mod command;
pub mod i18n;
pub mod io;
pub mod model;
pub mod ui;
