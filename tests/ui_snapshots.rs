//! Pictures of the main views, rendered on the CPU (wgpu on lavapipe, from mesa-vulkan-drivers)
//! and compared with the accepted ones in tests/snapshots. `UPDATE_SNAPSHOTS=1 cargo test --test
//! ui_snapshots` accepts new ones; commit the `.png`, never the `.new.png` or `.diff.png`.
//!
//! The threshold tolerates font anti-aliasing (a pixel may differ a little in colour, and a few
//! dozen pixels a lot); a moved panel, a missing card or another chart shape still fails.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::ScriptedDialogs;
use egui_kittest::SnapshotOptions;
use egui_kittest::kittest::Queryable;

fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(1.5).max_failed_pixels(60)
}

/// The built-in workspace on `tab`, compared with the accepted picture `name`.
fn looks_as_accepted(tab: &str, name: &str) {
    let dialogs = ScriptedDialogs::default();
    let mut h = common::on_tab(&dialogs, [1280.0, 900.0], tab);
    h.get_by_role_and_label(egui::Role::Button, tab);
    h.run();
    h.snapshot_options(name, &options());
}

#[test]
fn the_chart_looks_as_accepted() {
    looks_as_accepted("Monthly trade", "chart");
}

#[test]
fn the_targets_look_as_accepted() {
    looks_as_accepted("Targets", "targets");
}

#[test]
fn the_itinerary_looks_as_accepted() {
    looks_as_accepted("Visit", "visit");
}
