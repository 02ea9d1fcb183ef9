//! Never losing work: undo/redo, the unsaved-changes guard, autosave and recovery, recent files.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use std::time::Duration;

use common::{ScriptedDialogs, fixture, harness, harness_for, wait_for_jobs};
use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::io::autosave::Autosave;
use tradedash::model::chart::ChartSettings;
use tradedash::model::period::{MonthRange, YearMonth};
use tradedash::model::query::Selection;
use tradedash::model::target::Target;
use tradedash::model::workspace::Workspace;

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

#[test]
fn undo_and_redo_every_kind_of_edit_with_the_keyboard() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let ctx = h.ctx.clone();
    let start = h.state().workspace().clone();

    // Chart settings, by clicking.
    h.get_all_by_role_and_label(Role::CheckBox, "Exports").next().unwrap().click();
    h.run();
    // Selection.
    let sel = Selection { range: Some(MonthRange::new(ym(2018, 1), ym(2018, 7))), ..start.selection.clone() };
    h.state_mut().apply(&ctx, Command::SetSelection(sel.clone()));
    // Targets and visits.
    let mut targets = start.targets.clone();
    targets.push(Target { name: "Brest – Kazakhstan to $100 million".into(), ..Target::default() });
    h.state_mut().apply(&ctx, Command::SetTargets(targets.clone()));
    h.state_mut().apply(&ctx, Command::SetVisits(Vec::new()));
    // A data load (after the unsaved-changes question).
    h.state_mut().apply(&ctx, Command::Open(fixture("comtrade-legacy-blr-kaz-synthetic.csv")));
    h.run();
    h.get_by_label("Don't save").click();
    wait_for_jobs(&mut h);
    assert_eq!(h.state().dataset().len(), 5);
    let end = h.state().workspace().clone();

    // Undo, one by one, back to the start.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().dataset().len(), 46, "undo of a data load brings the previous data back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().visits, start.visits);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().targets, start.targets);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace().selection, start.selection);
    h.get_by_label("Brest Oblast – Kazakhstan: monthly trade, Jan 2017–Jul 2018");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().workspace(), &start);
    assert!(!h.state().is_dirty(), "undone back to the opened state: nothing unsaved");

    // Redo all of it with Ctrl+Shift+Z and Ctrl+Y.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(!h.state().workspace().chart.exports);
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
    }
    assert_eq!(h.state().workspace(), &end);
    assert_eq!(h.state().dataset().len(), 5);
    assert!(h.state().is_dirty());
}

/// One random edit.
#[derive(Debug, Clone)]
enum Edit {
    Range(u8, u8),
    Partner(Option<&'static str>),
    Chart(bool, bool, bool),
    Target(String),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (1u8..=7, 1u8..=7).prop_map(|(a, b)| Edit::Range(a, b)),
        prop_oneof![Just(None), Just(Some("KAZ")), Just(Some("kazakhstan"))].prop_map(Edit::Partner),
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(e, i, t)| Edit::Chart(e, i, t)),
        "[a-z]{1,8}".prop_map(Edit::Target),
        Just(Edit::Undo),
        Just(Edit::Redo),
    ]
}

fn command(app: &TradeDashApp, e: &Edit) -> Command {
    let ws = app.workspace();
    match e {
        Edit::Range(a, b) => Command::SetSelection(Selection {
            range: Some(MonthRange::new(ym(2018, *a), ym(2018, *b))),
            ..ws.selection.clone()
        }),
        Edit::Partner(p) => {
            Command::SetSelection(Selection { partner: p.map(str::to_owned), ..ws.selection.clone() })
        }
        Edit::Chart(e, i, t) => {
            Command::SetChart(ChartSettings { exports: *e, imports: *i, turnover: *t, ..ws.chart.clone() })
        }
        Edit::Target(name) => {
            let mut targets = ws.targets.clone();
            targets.push(Target { name: name.clone(), ..Target::default() });
            Command::SetTargets(targets)
        }
        Edit::Undo => Command::Undo,
        Edit::Redo => Command::Redo,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// After any sequence of edits, undos and redos: undoing everything gives the opened
    /// workspace back exactly, and redoing everything gives the last state back exactly.
    #[test]
    fn undo_all_and_redo_all_restore_exact_states(edits in prop::collection::vec(edit(), 1..25)) {
        let ctx = egui::Context::default();
        let mut app = TradeDashApp::with_default_workspace();
        let start: Workspace = app.workspace().clone();
        for e in &edits {
            let c = command(&app, e);
            app.apply(&ctx, c);
        }
        let end = app.workspace().clone();
        let mut redos = 0;
        while app.can_undo_redo().0 {
            app.apply(&ctx, Command::Undo);
            redos += 1;
            prop_assert!(redos <= edits.len(), "more undo steps than edits");
        }
        prop_assert_eq!(app.workspace(), &start);
        prop_assert!(!app.is_dirty());
        for _ in 0..redos {
            app.apply(&ctx, Command::Redo);
        }
        prop_assert_eq!(app.workspace(), &end);
    }
}

#[test]
fn unsaved_changes_are_guarded_cancel_dont_save_and_save() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    h.get_all_by_role_and_label(Role::CheckBox, "Turnover").next().unwrap().click();
    h.run();
    assert!(h.state().is_dirty());
    assert!(h.state().window_title().contains(" •"), "{}", h.state().window_title());

    // Cancel: nothing happens.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New workspace").click();
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label_contains("has changes that are not saved");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert!(!h.state().workspace().chart.turnover);
    assert!(h.state().is_dirty());

    // Save: the dialog asks where, the file is written, then the new workspace opens.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guarded.ron");
    dialogs.answer(path.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New workspace").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(path.exists());
    let saved = tradedash::io::workspace_file::load(&path).unwrap();
    assert!(!saved.chart.turnover, "the change was saved before moving on");
    assert_eq!(h.state().workspace().title, "Untitled workspace");
    assert!(!h.state().is_dirty());
    assert_eq!(h.state().recent()[0], std::fs::canonicalize(&path).unwrap());

    // Don't save: the change is dropped.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open built-in example").click();
    h.run();
    assert_eq!(h.state().workspace().title, "Brest Oblast – Kazakhstan trade, 2017–2018");
    h.get_all_by_role_and_label(Role::CheckBox, "Imports").next().unwrap().click();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Quit").click();
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Don't save").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
}

/// Steps until the autosave is written (bounded).
fn wait_for_autosave(h: &mut egui_kittest::Harness<'static, TradeDashApp>) {
    for _ in 0..300 {
        h.step();
        if !h.state().autosave_pending() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the autosave was not written");
}

#[test]
fn a_crashed_window_is_recovered_from_its_autosave_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    // The first window "belongs" to a process id that does not exist, as after a crash.
    let crashed = Autosave::for_pid(dir.path(), u32::MAX - 7);
    let app = TradeDashApp::with_default_workspace().with_autosave_slot(
        crashed.clone(),
        dir.path(),
        Duration::ZERO,
    );
    let mut h = harness_for(app);
    h.get_all_by_role_and_label(Role::CheckBox, "Balance").next().unwrap().click();
    h.run();
    wait_for_autosave(&mut h);
    assert!(crashed.path().exists(), "an edit is autosaved");
    drop(h); // the crash: no save, no clean exit

    // The next start offers the work back.
    let app = TradeDashApp::with_default_workspace().with_autosave(dir.path(), Duration::ZERO);
    let mut h = harness_for(app);
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("Unsaved changes to “Brest Oblast – Kazakhstan trade, 2017–2018” were kept.");
    assert!(!h.state().workspace().chart.balance, "nothing is recovered silently");
    h.get_by_label("Recover").click();
    h.run();
    assert!(h.query_by_label("Recover unsaved work?").is_none());
    assert!(h.state().workspace().chart.balance, "the edit is back");
    assert!(h.state().is_dirty(), "recovered work is unsaved until saved");
    assert!(!crashed.path().exists(), "the orphan is taken over by this window");
    wait_for_autosave(&mut h);
    assert_eq!(Autosave::orphans(dir.path()).len(), 0);
}

#[test]
fn an_autosave_can_be_discarded_and_a_broken_one_is_not_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let orphan = Autosave::for_pid(dir.path(), u32::MAX - 9);
    std::fs::write(orphan.path(), "(workspace: (title: \"half written").unwrap();
    // Its rows' data file beside it goes with it at once, not at the next start.
    let data = orphan.path().with_extension("data");
    std::fs::write(&data, b"rows").unwrap();
    let app = TradeDashApp::with_default_workspace().with_autosave(dir.path(), Duration::ZERO);
    let mut h = harness_for(app);
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("cannot be read");
    assert!(data.exists(), "the data file of an orphan on offer stays");
    h.get_by_label("Discard").click();
    h.run();
    assert!(!orphan.path().exists());
    assert!(!data.exists(), "discarding removes the data file too");
    assert!(h.query_by_label("Recover unsaved work?").is_none());
    assert_eq!(h.state().workspace().title, "Brest Oblast – Kazakhstan trade, 2017–2018");
}
