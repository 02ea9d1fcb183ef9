//! File ▸ Export briefing… in the window (egui_kittest): the dialog's path gets the PDF, the
//! status bar says so; an unwritable path gets an error and no file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::{FileDialogs, TradeDashApp};

/// A save dialog that answers with one path for a PDF, and nothing for anything else.
struct PdfDialog(PathBuf);

impl FileDialogs for PdfDialog {
    fn pick_data(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_workspace(&mut self, _: &str) -> Option<PathBuf> {
        None
    }
    fn save_png(&mut self, _: &str) -> Option<PathBuf> {
        None
    }
    fn save_pdf(&mut self, suggested_name: &str) -> Option<PathBuf> {
        assert_eq!(suggested_name, "brest-oblast-kazakhstan-trade-2017-2018-briefing.pdf");
        Some(self.0.clone())
    }
}

fn export_via_menu(path: PathBuf) -> Harness<'static, TradeDashApp> {
    // The example with its monthly split shown (SAMPLE): the briefing's monthly sections.
    let app =
        TradeDashApp::new(tradedash::io::example::with_split_shown()).with_dialogs(Box::new(PdfDialog(path)));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export briefing…").click();
    h.run();
    h
}

#[test]
fn file_menu_exports_the_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    let h = export_via_menu(path.clone());
    let bytes = std::fs::read(&path).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    h.get_by_label_contains("Exported briefing");
    h.get_by_label_contains("(5 pages)");
}

#[test]
fn an_unwritable_path_is_reported_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing/brief.pdf");
    let h = export_via_menu(path.clone());
    assert!(!path.exists());
    // In the status bar and in the error window.
    assert!(h.get_all_by_label_contains("cannot write the file").count() >= 1);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written");
}
