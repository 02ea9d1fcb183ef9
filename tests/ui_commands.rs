//! The command pipeline seen from the window: commands apply in the order pushed, follow-ups
//! after them, typing in one field is one undo step, and a selection change leaves the targets
//! alone.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::{ScriptedDialogs, fixture, harness, on_tab, open_from_menu};
use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::{Command, GuardChoice};
use tradedash::model::query::Selection;

fn partner(h: &Harness<'static, TradeDashApp>) -> Option<String> {
    h.state().workspace().selection.partner.clone()
}

fn with_partner(h: &Harness<'static, TradeDashApp>, p: Option<&str>) -> Command {
    Command::SetSelection(Selection {
        partner: p.map(str::to_owned),
        ..h.state().workspace().selection.clone()
    })
}

fn apply(h: &mut Harness<'static, TradeDashApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, c);
}

#[test]
fn commands_apply_in_the_order_pushed_each_its_own_undo_step() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let start = partner(&h);
    let (a, b) = (with_partner(&h, Some("AAA")), with_partner(&h, Some("BBB")));
    h.state_mut().push(a);
    h.state_mut().push(b);
    h.state_mut().push(Command::Undo);
    h.run();
    // A, then B, then the undo of B: A is left, and one more undo goes back to the start.
    assert_eq!(partner(&h).as_deref(), Some("AAA"));
    apply(&mut h, Command::Undo);
    assert_eq!(partner(&h), start);
    assert_eq!(h.state().can_undo_redo(), (false, true));
}

#[test]
fn the_guards_answer_lets_the_held_command_and_its_dialogs_answer_through_in_the_same_drain() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.ron");
    dialogs.answer(saved.clone());
    apply(&mut h, Command::SaveWorkspaceAsDialog);
    assert!(saved.exists() && !h.state().is_dirty());
    // An unsaved change, then Open workspace…: the guard holds the command back.
    let changed = with_partner(&h, Some("BLR"));
    apply(&mut h, changed);
    assert!(h.state().is_dirty());
    dialogs.answer(saved.clone());
    apply(&mut h, Command::OpenWorkspaceDialog);
    assert!(dialogs.suggested().len() == 1, "no open dialog yet: the guard asks first");
    h.run();
    h.get_by_label("Save changes?");
    // "Don't save": the open dialog is asked, and the file it gives opens without asking again.
    h.get_by_label("Don't save").click();
    common::wait_for_jobs(&mut h);
    assert!(h.query_by_label("Save changes?").is_none());
    assert!(!h.state().is_dirty());
    assert_ne!(partner(&h).as_deref(), Some("BLR"), "the saved workspace was opened");
    assert!(h.state().notices().iter().any(|n| n.text.starts_with("Opened workspace")));
}

#[test]
fn a_cancelled_guard_drops_the_held_command() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    let changed = with_partner(&h, Some("BLR"));
    apply(&mut h, changed);
    apply(&mut h, Command::NewWorkspace);
    apply(&mut h, Command::ResolveGuard(GuardChoice::Cancel));
    assert_eq!(partner(&h).as_deref(), Some("BLR"), "nothing replaced the workspace");
    assert!(h.state().is_dirty());
}

/// Types `text` into the focused field one key at a time, a frame per key.
fn type_slowly(h: &mut Harness<'static, TradeDashApp>, label: &str, text: &str) {
    for c in text.chars() {
        h.get_by_role_and_label(Role::TextInput, label).type_text(&c.to_string());
        h.run();
    }
}

#[test]
fn a_field_typed_in_one_go_is_one_undo_step() {
    let dialogs = ScriptedDialogs::default();
    let mut h = on_tab(&dialogs, [1280.0, 900.0], "Visit");
    let stops = h.state().workspace().visits[0].stops.len();
    h.get_by_label("Add stop").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Organisation").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_slowly(&mut h, "Organisation", "Museum");
    let last =
        |h: &Harness<'static, TradeDashApp>| h.state().workspace().visits[0].stops.last().cloned().unwrap();
    assert_eq!(last(&h).organisation, "Museum");
    // Then the place, in another field: a step of its own.
    h.get_by_role_and_label(Role::TextInput, "Place").click();
    h.run();
    type_slowly(&mut h, "Place", "Brest");
    assert_eq!(last(&h).place, "Brest");
    apply(&mut h, Command::Undo);
    assert_eq!((last(&h).organisation.as_str(), last(&h).place.as_str()), ("Museum", ""), "the place, whole");
    apply(&mut h, Command::Undo);
    assert_eq!(h.state().workspace().visits[0].stops.len(), stops + 1, "the stop is still there");
    assert_eq!(last(&h).organisation, "", "six keystrokes, one undo");
    apply(&mut h, Command::Undo);
    assert_eq!(h.state().workspace().visits[0].stops.len(), stops, "then the stop added");
}

#[test]
fn another_partner_on_the_targets_tab_re_evaluates_no_target() {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    open_from_menu(&mut h, &dialogs, "Open data…", fixture("comtrade-kaz-blr-synthetic.csv"));
    h.get_by_role_and_label(Role::Button, "Targets").click();
    h.run();
    let evaluations = h.state().target_evaluations();
    assert!(evaluations > 0, "the cards were evaluated once");
    h.get_by_label("Partner").click();
    h.run();
    h.get_by_label("Belarus (BLR)").click();
    h.run();
    assert_eq!(partner(&h).as_deref(), Some("BLR"));
    assert_eq!(h.state().target_evaluations(), evaluations, "targets name their own scope");
    h.run_steps(5);
    assert_eq!(h.state().target_evaluations(), evaluations, "nor on idle frames");
}
