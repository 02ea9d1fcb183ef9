//! Country groups in the window, driven as a person would (synthetic composition fixture,
//! made-up figures): the EAEU picked as the partner shows its figure and which members the
//! data has; a group of one's own is made in the sidebar, chosen, and undone; a visit's stop
//! shows the exports of its products.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use common::{ScriptedDialogs, fixture, harness, wait_for_jobs};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tradedash::app::TradeDashApp;
use tradedash::command::Command;
use tradedash::model::query::Selection;

fn apply(h: &mut Harness<'static, TradeDashApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().apply(&ctx, c);
}

fn opened() -> Harness<'static, TradeDashApp> {
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(&dialogs);
    apply(&mut h, Command::Open(fixture("long-composition-synthetic.csv")));
    wait_for_jobs(&mut h);
    h
}

#[test]
fn the_eaeu_picked_in_the_sidebar_shows_its_figure_and_its_members_in_the_data() {
    let mut h = opened();
    h.get_by_label("Partner").click();
    h.run();
    h.get_by_label("EAEU").click();
    h.run();
    wait_for_jobs(&mut h);
    assert_eq!(h.state().workspace().selection.partner.as_deref(), Some("group:EAEU"));
    // Belarus's exports to Kazakhstan (30 M) and Russia (60 M) in Jan–Mar 2019; not World,
    // not Uzbekistan.
    h.get_by_label_contains("Jan–Mar 2019 exports: $90 million, +15.4% on Jan–Mar 2018");
    h.get_by_label("EAEU: 2 of 5 members in the data");
    // The chart's title names the group.
    h.get_by_label_contains("All reporters – EAEU");
}

#[test]
fn a_group_of_ones_own_is_made_chosen_and_undone() {
    let mut h = opened();
    h.get_by_label("My country groups (0)").click();
    h.run();
    h.get_by_label("New group…").click();
    h.run();
    h.get_by_label("Save group").click();
    h.run();
    h.get_by_label("Give the group a name.");
    h.get_by_label("Tick at least one member.");
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name").type_text("Central Asia");
    h.run();
    h.get_by_label("Kazakhstan (KAZ)").click();
    h.run();
    h.get_by_label("Uzbekistan (UZB)").click();
    h.run();
    h.get_by_label("Save group").click();
    h.run();
    let groups = &h.state().workspace().groups;
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].id, "Central Asia");
    assert_eq!(groups[0].members.len(), 2);
    h.get_by_label("My country groups (1)");
    // Chosen as the partner: Kazakhstan 30 M + Uzbekistan 3 M in Jan–Mar 2019.
    let sel =
        Selection { partner: Some("group:Central Asia".into()), ..h.state().workspace().selection.clone() };
    apply(&mut h, Command::SetSelection(sel));
    h.run();
    wait_for_jobs(&mut h);
    h.get_by_label("Central Asia: 2 of 2 members in the data");
    h.get_by_label_contains("Jan–Mar 2019 exports: $33 million");
    // Undo the choice, then the group: one step each.
    apply(&mut h, Command::Undo);
    apply(&mut h, Command::Undo);
    h.run();
    assert!(h.state().workspace().groups.is_empty());
    h.get_by_label("My country groups (0)");
}

#[test]
fn a_visit_stop_shows_the_exports_of_its_products() {
    let mut h = opened();
    let kaz = Selection { partner: Some("KAZ".into()), ..h.state().workspace().selection.clone() };
    apply(&mut h, Command::SetSelection(kaz));
    h.run();
    h.get_by_role_and_label(Role::Button, "Visit").click();
    h.run();
    wait_for_jobs(&mut h);
    h.run();
    // Santa Bremor's stop names HS 03 and 16; the file has 03 only: 2 M a month in 2019,
    // 1.5 M in 2018.
    h.get_by_label("HS 03, 16, Jan–Mar 2019: $6 million (+33.3% on a year earlier)");
}
