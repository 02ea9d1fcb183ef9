//! Helpers shared by the UI tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // not every test file uses every helper

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui_kittest::Harness;
use tradedash::app::{FileDialogs, TradeDashApp};

/// File dialogs that answer from a script instead of opening a window.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<Vec<PathBuf>>>,
}

impl ScriptedDialogs {
    pub fn answer(&self, p: PathBuf) {
        self.answers.lock().unwrap().push(p);
    }
    pub fn next(&self) -> Option<PathBuf> {
        self.answers.lock().unwrap().pop()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_data(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        self.next()
    }
    fn save_workspace(&mut self, _: &str) -> Option<PathBuf> {
        self.next()
    }
    fn save_png(&mut self, _: &str) -> Option<PathBuf> {
        self.next()
    }
    fn save_csv(&mut self, _: &str) -> Option<PathBuf> {
        self.next()
    }
    fn save_ics(&mut self, _: &str) -> Option<PathBuf> {
        self.next()
    }
}

pub fn harness(dialogs: &ScriptedDialogs) -> Harness<'static, TradeDashApp> {
    harness_for(TradeDashApp::with_default_workspace().with_dialogs(Box::new(dialogs.clone())))
}

/// A harness around an app built by the test.
pub fn harness_for(app: TradeDashApp) -> Harness<'static, TradeDashApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut TradeDashApp| app.ui_root(ui), app);
    h.run();
    h
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
