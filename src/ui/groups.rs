//! Country groups in the sidebar: the groups offered as a partner, the line saying which
//! members the data has ("EAEU: 3 of 5 members in the data"), and the user's own groups,
//! made, edited and deleted through [`Command::SetGroups`] (each one undo step).

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::memo::Memo;
use super::{ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::model::groups::{Coverage, Member, PartnerGroup, builtin_groups, coverage};

/// 0 English, 1 Russian, 2 Kazakh: the order of a group's names.
#[must_use]
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Ru => 1,
        Lang::Kk => 2,
    }
}

/// Every group a partner can be: shipped with the app, then the user's; (selection key, name).
#[must_use]
pub fn choices(view: &ViewCtx<'_>) -> Vec<(String, String)> {
    let i = lang_index(view.lang);
    builtin_groups().iter().chain(&view.workspace.groups).map(|g| (g.key(), g.name(i).to_owned())).collect()
}

/// A group being made or edited.
#[derive(Debug, Default, Clone)]
struct Draft {
    /// Index into the workspace's groups of the group edited; `None` for a new one.
    editing: Option<usize>,
    name: String,
    /// Keys of the data's partners ticked (code, else name).
    members: BTreeSet<String>,
    errors: Vec<String>,
}

/// The sidebar's group state: the draft and the coverage line, cached.
#[derive(Debug, Default)]
pub struct GroupsUi {
    draft: Option<Draft>,
    /// Coverage of the selection's group, for (workspace revision, data revision, language).
    coverage: Memo<(u64, u64, Lang), Option<Coverage>>,
}

fn party_key(p: &crate::model::dataset::Party) -> String {
    if p.code.is_empty() { p.name.clone() } else { p.code.clone() }
}

impl GroupsUi {
    /// "EAEU: 3 of 5 members in the data" under the partner picker when the partner is a group,
    /// with the members present and missing on hover.
    pub fn coverage_ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>) {
        let sel = &view.workspace.selection;
        let key = (view.revisions.workspace, view.revisions.data, view.lang);
        let c = self.coverage.get(key, || {
            coverage(
                view.dataset.partners(),
                view.dataset.reporters(),
                sel.partner.as_deref(),
                sel.reporter.as_deref(),
                &sel.groups,
                lang_index(view.lang),
            )
        });
        let lang = view.lang;
        let Some(c) = c else {
            // `group:NAME` that names no group (deleted in another workspace, typed by hand).
            if let Some(name) = sel.partner.as_deref().and_then(crate::model::groups::strip_prefix) {
                let text = tr!(lang, "groups-unknown", name = name.to_owned());
                ui.label(RichText::new(text).small().color(theme::error(ui.visuals())));
            }
            return;
        };
        let line = tr!(
            lang,
            "groups-coverage",
            group = c.group.clone(),
            present = c.present.len(),
            members = c.members
        );
        let mut hover = Vec::new();
        if !c.present.is_empty() {
            hover.push(tr!(lang, "groups-coverage-present", names = c.present.join(", ")));
        }
        if !c.missing.is_empty() {
            hover.push(tr!(lang, "groups-coverage-missing", names = c.missing.join(", ")));
        }
        if let Some(r) = &c.reporter_left_out {
            hover.push(tr!(lang, "groups-reporter-left-out", name = r.clone()));
        }
        let group = builtin_groups().iter().find(|g| g.name(lang_index(lang)) == c.group);
        if let Some(g) = group {
            hover.push(tr!(lang, "groups-as-of", date = g.as_of.clone()));
        }
        hover.push(tr(lang, "groups-rule"));
        let colour =
            if c.present.len() < c.members { theme::weak(ui.visuals()) } else { ui.visuals().text_color() };
        let line_break = '\n'.to_string();
        ui.label(RichText::new(line).small().color(colour)).on_hover_text(hover.join(&line_break));
        if let Some(r) = &c.reporter_left_out {
            ui.label(
                RichText::new(tr!(lang, "groups-reporter-left-out", name = r.clone()))
                    .small()
                    .color(theme::weak(ui.visuals())),
            );
        }
    }

    /// The user's groups: the list with Edit and Delete, and the editor.
    pub fn user_groups_ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        let lang = view.lang;
        let groups = &view.workspace.groups;
        egui::CollapsingHeader::new(tr!(lang, "groups-heading", count = groups.len()))
            .id_salt("user-groups")
            .show(ui, |ui| {
                if groups.is_empty() && self.draft.is_none() {
                    ui.label(RichText::new(tr(lang, "groups-none")).small().color(theme::weak(ui.visuals())));
                }
                for (i, g) in groups.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(format!("{} ({})", g.name(0), g.distinct_members().len()));
                        if ui.small_button(tr(lang, "groups-edit")).clicked() {
                            self.draft = Some(Draft {
                                editing: Some(i),
                                name: g.name(0).to_owned(),
                                members: members_ticked(view, g),
                                errors: Vec::new(),
                            });
                        }
                        if ui.small_button(tr(lang, "groups-delete")).clicked() {
                            let mut next = groups.clone();
                            next.remove(i);
                            commands.push(Command::SetGroups(next));
                            self.draft = None;
                        }
                    });
                }
                if self.draft.is_none() && ui.button(tr(lang, "groups-new")).clicked() {
                    self.draft = Some(Draft::default());
                }
                if let Some(draft) = &mut self.draft
                    && draft_ui(ui, view, draft, commands)
                {
                    self.draft = None;
                }
            });
    }
}

/// The data's partners that stand for a group's members.
fn members_ticked(view: &ViewCtx<'_>, g: &PartnerGroup) -> BTreeSet<String> {
    view.dataset
        .partners()
        .iter()
        .filter(|p| !p.is_world() && g.members.iter().any(|m| m.is(p)))
        .map(party_key)
        .collect()
}

/// The editor of one group; `true` when it is closed (saved or cancelled).
fn draft_ui(ui: &mut Ui, view: &ViewCtx<'_>, draft: &mut Draft, commands: &mut CommandQueue) -> bool {
    let lang = view.lang;
    let mut closed = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "groups-name")).id;
            ui.add(egui::TextEdit::singleline(&mut draft.name).desired_width(150.0)).labelled_by(label);
        });
        ui.label(tr!(lang, "groups-members", count = draft.members.len()));
        egui::ScrollArea::vertical().id_salt("group-members").max_height(160.0).show(ui, |ui| {
            for p in view.dataset.partners().iter().filter(|p| !p.is_world()) {
                let key = party_key(p);
                let mut on = draft.members.contains(&key);
                if ui.checkbox(&mut on, p.label()).changed() {
                    if on {
                        draft.members.insert(key);
                    } else {
                        draft.members.remove(&key);
                    }
                }
            }
        });
        for e in &draft.errors {
            ui.label(RichText::new(e).color(theme::error(ui.visuals())));
        }
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "groups-save")).clicked() {
                draft.errors = draft_errors(view, draft);
                if draft.errors.is_empty() {
                    save(view, draft, commands);
                    closed = true;
                }
            }
            if ui.button(tr(lang, "groups-cancel")).clicked() {
                closed = true;
            }
        });
    });
    closed
}

/// What keeps a draft from being saved, in the language shown.
fn draft_errors(view: &ViewCtx<'_>, draft: &Draft) -> Vec<String> {
    let lang = view.lang;
    let name = draft.name.trim();
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(tr(lang, "groups-error-name-empty"));
    } else {
        let taken = builtin_groups().iter().any(|g| g.named_by(name))
            || view
                .workspace
                .groups
                .iter()
                .enumerate()
                .any(|(i, g)| Some(i) != draft.editing && g.named_by(name));
        if taken {
            errors.push(tr!(lang, "groups-error-name-taken", name = name.to_owned()));
        }
    }
    if draft.members.is_empty() {
        errors.push(tr(lang, "groups-error-no-members"));
    }
    errors
}

/// Pushes the groups with the draft saved; when the group chosen as the partner was renamed,
/// the selection follows it.
fn save(view: &ViewCtx<'_>, draft: &Draft, commands: &mut CommandQueue) {
    let members: Vec<Member> = view
        .dataset
        .partners()
        .iter()
        .filter(|p| draft.members.contains(&party_key(p)))
        .map(Member::of_party)
        .collect();
    let group = PartnerGroup::user(&draft.name, members);
    let mut next = view.workspace.groups.clone();
    let old_key = draft.editing.and_then(|i| next.get(i)).map(PartnerGroup::key);
    match draft.editing.filter(|&i| i < next.len()) {
        Some(i) => next[i] = group.clone(),
        None => next.push(group.clone()),
    }
    commands.push(Command::SetGroups(next));
    let sel = &view.workspace.selection;
    if let Some(old) = old_key
        && old != group.key()
        && sel.partner.as_deref() == Some(old.as_str())
    {
        let mut renamed = sel.clone();
        renamed.partner = Some(group.key());
        commands.push(Command::SetSelection(renamed));
    }
}
