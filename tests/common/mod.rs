//! Helpers shared by the UI tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // not every test file uses every helper

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::{FileDialogs, TradeDashApp};

/// File dialogs that answer from a script instead of opening a window, and remember the file
/// names they were asked to suggest.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<Vec<PathBuf>>>,
    suggested: Arc<Mutex<Vec<String>>>,
}

impl ScriptedDialogs {
    /// The next dialog answers `p` (answers are given last first).
    pub fn answer(&self, p: PathBuf) {
        self.answers.lock().unwrap().push(p);
    }
    /// The next answer, `None` (Cancel) when there is none.
    pub fn next(&self) -> Option<PathBuf> {
        self.answers.lock().unwrap().pop()
    }
    /// The file names the save dialogs suggested so far.
    pub fn suggested(&self) -> Vec<String> {
        self.suggested.lock().unwrap().clone()
    }
    fn save(&self, suggested: &str) -> Option<PathBuf> {
        self.suggested.lock().unwrap().push(suggested.to_owned());
        self.next()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_data(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn save_workspace(&mut self, name: &str) -> Option<PathBuf> {
        self.save(name)
    }
    fn save_png(&mut self, name: &str) -> Option<PathBuf> {
        self.save(name)
    }
    fn save_csv(&mut self, name: &str) -> Option<PathBuf> {
        self.save(name)
    }
    fn save_ics(&mut self, name: &str) -> Option<PathBuf> {
        self.save(name)
    }
}

/// The built-in example with its illustrative monthly split shown (labelled SAMPLE), in the
/// Monthly view: the panels' tests need months. The example as it first opens (the published
/// figures, split off) is `TradeDashApp::with_default_workspace()`.
pub fn harness(dialogs: &ScriptedDialogs) -> Harness<'static, TradeDashApp> {
    harness_for(split_example().with_dialogs(Box::new(dialogs.clone())))
}

/// The app on the built-in example with its illustrative monthly split shown.
pub fn split_example() -> TradeDashApp {
    TradeDashApp::new(tradedash::io::example::with_split_shown())
}

/// A harness around an app built by the test.
pub fn harness_for(app: TradeDashApp) -> Harness<'static, TradeDashApp> {
    harness_sized(app, [1280.0, 800.0])
}

/// A harness of the given window size around an app built by the test, first frames drawn.
///
/// An app given a file at start reads it on the load thread while the first frames are drawn;
/// the harness waits for that load before it settles, so the frames the load's arrival causes
/// (a scroll bar appearing, the new layout) are not counted against `run()`'s step limit at a
/// moment that depends on how busy the machine is.
pub fn harness_sized(app: TradeDashApp, size: [f32; 2]) -> Harness<'static, TradeDashApp> {
    let mut h =
        Harness::builder().with_size(size).build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    wait_for_jobs(&mut h);
    h
}

/// The built-in workspace with `dialogs`, in a window of `size`, showing the tab `tab`.
pub fn on_tab(dialogs: &ScriptedDialogs, size: [f32; 2], tab: &str) -> Harness<'static, TradeDashApp> {
    let app = split_example().with_dialogs(Box::new(dialogs.clone()));
    let mut h = harness_sized(app, size);
    h.get_by_role_and_label(egui::Role::Button, tab).click();
    h.run();
    h
}

/// File ▸ `item` (an open command), with `path` as the dialog's answer, then waits for the load.
pub fn open_from_menu(
    h: &mut Harness<'static, TradeDashApp>,
    dialogs: &ScriptedDialogs,
    item: &str,
    path: PathBuf,
) {
    dialogs.answer(path);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains(item).click();
    wait_for_jobs(h);
}

/// Steps until background loading is over (bounded), then settles.
pub fn wait_for_jobs(h: &mut Harness<'static, TradeDashApp>) {
    for _ in 0..500 {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!h.state().is_busy(), "loading finished");
    h.run();
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}
