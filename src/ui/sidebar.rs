//! The left panel: where the data comes from, what is selected, and the figures reported in
//! the press beside the computed ones.

use egui::{RichText, Ui};

use super::memo::Memo;
use super::{ViewCtx, theme};
use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr};
use crate::model::dataset::Party;
use crate::model::query::Selection;

/// Panel-local state: the commodity filter being typed and what it matches.
#[derive(Debug, Default)]
pub struct Sidebar {
    commodity_text: Option<String>,
    /// The selection's commodity when the text was last synced with it.
    synced_commodity: Option<Option<String>>,
    search: CommoditySearch,
    /// The reported figure being added or edited.
    reported_editor: Option<super::reported::FigureEditor>,
    /// Country groups: the coverage line and the user's groups.
    groups: super::groups::GroupsUi,
}

/// Which HS level the commodity search offers.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum HsLevel {
    #[default]
    Any,
    Chapter,
    Heading,
}

/// Commodities matching the search text, recomputed only when the text, the level or the
/// data change.
#[derive(Debug, Default)]
struct CommoditySearch {
    level: HsLevel,
    /// Indexes into `Dataset::commodities`, codes in order, for (text, level, data revision).
    matches: Memo<(String, HsLevel, u64), Vec<usize>>,
}

impl CommoditySearch {
    fn refresh(&mut self, text: &str, view: &ViewCtx<'_>) {
        let key = (text.trim().to_lowercase(), self.level, view.revisions.data);
        let level = self.level;
        let q = key.0.clone();
        self.matches.get(key, || matching(view, &q, level));
    }

    fn matches(&self) -> &[usize] {
        self.matches.value().map_or(&[], Vec::as_slice)
    }
}

/// Indexes of the commodities whose code starts with `q` or whose name contains it.
fn matching(view: &ViewCtx<'_>, q: &str, level: HsLevel) -> Vec<usize> {
    let list = view.dataset.commodities();
    let mut matches: Vec<usize> = (0..list.len())
        .filter(|&i| {
            let c = &list[i];
            let level_ok = match level {
                HsLevel::Any => true,
                HsLevel::Chapter => c.code.len() == 2,
                HsLevel::Heading => c.code.len() == 4,
            };
            level_ok
                && !c.is_total()
                && !q.is_empty()
                && (c.code.starts_with(q) || c.name.to_lowercase().contains(q))
        })
        .collect();
    matches.sort_by(|&a, &b| list[a].code.cmp(&list[b].code));
    matches
}

/// Whether commodity text is a code (HS digits or TOTAL) rather than words to search for.
/// The reporter's and the partner's combo box: (label, "all") message ids.
struct Combo;

impl Combo {
    const REPORTER: (&'static str, &'static str) = ("sidebar-reporter", "sidebar-all-reporters");
    const PARTNER: (&'static str, &'static str) = ("sidebar-partner", "sidebar-all-partners");
}

fn is_code(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && (t.bytes().all(|b| b.is_ascii_digit()) || crate::model::dataset::is_total_code(t))
}

impl Sidebar {
    /// Draws the sidebar.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        let Self { commodity_text, synced_commodity, search, reported_editor, groups } = self;
        let lang = view.lang;
        data_source_ui(ui, view, commands);
        ui.separator();
        ui.heading(tr(lang, "sidebar-selection"));
        let sel = &view.workspace.selection;
        let reporters = view.dataset.reporters();
        if let Some(reporter) =
            party_combo_ui(ui, lang, Combo::REPORTER, sel.reporter.as_deref(), reporters, &[])
        {
            commands.push(Command::SetSelection(Selection { reporter, ..sel.clone() }));
        }
        let partners = view.dataset.partners();
        let group_choices = super::groups::choices(view);
        if let Some(partner) =
            party_combo_ui(ui, lang, Combo::PARTNER, sel.partner.as_deref(), partners, &group_choices)
        {
            commands.push(Command::SetSelection(Selection { partner, ..sel.clone() }));
        }
        groups.coverage_ui(ui, view);
        compare_ui(ui, view, &group_choices, commands);
        groups.user_groups_ui(ui, view, commands);
        let text = commodity_text.get_or_insert_with(|| sel.commodity.clone().unwrap_or_default());
        if synced_commodity.as_ref() != Some(&sel.commodity) {
            // The selection changed (here, on load, by undo): the field follows it.
            *text = sel.commodity.clone().unwrap_or_default();
            *synced_commodity = Some(sel.commodity.clone());
        }
        let mut commit = None;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "sidebar-commodity")).id;
            let field = egui::TextEdit::singleline(text).hint_text(tr(lang, "sidebar-commodity-hint"));
            let response = ui.add(field.desired_width(130.0)).labelled_by(label);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if response.lost_focus() && is_code(text) || response.changed() && text.is_empty() {
                commit = Some(Some(text.trim().to_owned()).filter(|t| !t.is_empty()));
            } else if entered && let Some(&first) = search.matches().first() {
                commit = Some(Some(view.dataset.commodities()[first].code.clone()));
            }
        });
        if !is_code(text) && !text.trim().is_empty() {
            search.refresh(text, view);
            ui.horizontal(|ui| {
                ui.selectable_value(&mut search.level, HsLevel::Any, tr(lang, "sidebar-levels-all"));
                ui.selectable_value(&mut search.level, HsLevel::Chapter, tr(lang, "sidebar-levels-chapters"));
                ui.selectable_value(&mut search.level, HsLevel::Heading, tr(lang, "sidebar-levels-headings"));
            });
            let list = view.dataset.commodities();
            if search.matches().is_empty() {
                ui.label(RichText::new(tr(lang, "sidebar-no-commodity")).color(theme::weak(ui.visuals())));
            }
            for &i in search.matches().iter().take(8) {
                let c = &list[i];
                if ui.selectable_label(false, format!("{} {}", c.code, c.name)).clicked() {
                    commit = Some(Some(c.code.clone()));
                }
            }
            if search.matches().len() > 8 {
                ui.label(tr!(lang, "sidebar-more-commodities", count = search.matches().len() - 8));
            }
        }
        if let Some(commodity) = commit {
            *text = commodity.clone().unwrap_or_default();
            if commodity != sel.commodity {
                commands.push(Command::SetSelection(Selection { commodity, ..sel.clone() }));
            }
        }
        ui.separator();
        super::reported::reported_ui(ui, view, reported_editor, commands);
    }
}

/// Further partners (and country groups) to draw beside the selected one.
fn compare_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    group_choices: &[(String, String)],
    commands: &mut CommandQueue,
) {
    let sel = &view.workspace.selection;
    let main = sel.partner.as_deref();
    let others =
        || view.dataset.partners().iter().filter(|p| !p.is_world() && !main.is_some_and(|q| p.matches(q)));
    if others().next().is_none() {
        return;
    }
    egui::CollapsingHeader::new(tr!(view.lang, "sidebar-compare", count = sel.compare.len()))
        .id_salt("compare-partners")
        .show(ui, |ui| {
            for p in others() {
                let key = if p.code.is_empty() { p.name.clone() } else { p.code.clone() };
                let mut on = sel.compare.iter().any(|q| p.matches(q));
                if ui.checkbox(&mut on, p.label()).changed() {
                    let mut compare: Vec<String> =
                        sel.compare.iter().filter(|q| !p.matches(q)).cloned().collect();
                    if on {
                        compare.push(key);
                    }
                    commands.push(Command::SetSelection(Selection { compare, ..sel.clone() }));
                }
            }
            ui.label(
                RichText::new(tr(view.lang, "groups-in-picker")).small().color(theme::weak(ui.visuals())),
            );
            for (key, name) in group_choices.iter().filter(|(k, _)| main != Some(k.as_str())) {
                let mut on = sel.compare.contains(key);
                if ui.checkbox(&mut on, name).changed() {
                    let mut compare: Vec<String> =
                        sel.compare.iter().filter(|q| *q != key).cloned().collect();
                    if on {
                        compare.push(key.clone());
                    }
                    commands.push(Command::SetSelection(Selection { compare, ..sel.clone() }));
                }
            }
        });
}

fn data_source_ui(ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
    let data = &view.workspace.data;
    let lang = view.lang;
    ui.heading(tr(lang, "sidebar-data"));
    if data.sample {
        egui::Frame::new().fill(theme::SAMPLE_BANNER).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            ui.label(RichText::new(tr(lang, "sidebar-sample-banner")).color(theme::SAMPLE_BANNER_TEXT));
        });
    }
    ui.label(if data.label.is_empty() { tr(lang, "sidebar-no-data") } else { data.label.clone() });
    if let Some(p) = &data.path {
        ui.label(RichText::new(p.display().to_string()).small().color(theme::weak(ui.visuals())));
    }
    ui.label(tr!(lang, "sidebar-rows", count = view.dataset.len()));
    if let Some(split) = data.sample_split {
        let mut shown = split.shown;
        let toggle = ui
            .checkbox(&mut shown, tr(lang, "example-show-sample-split"))
            .on_hover_text(tr(lang, "example-show-sample-split-hover"));
        if toggle.changed() {
            commands.push(Command::ShowSampleSplit(shown));
        }
    }
}

/// A combo box over parties, and after them `groups` (selection key, name) when there are
/// any; returns the new choice when the user made one.
fn party_combo_ui(
    ui: &mut Ui,
    lang: Lang,
    (label, all): (&str, &str),
    current: Option<&str>,
    parties: &[Party],
    groups: &[(String, String)],
) -> Option<Option<String>> {
    let all = tr(lang, all);
    let shown = current.map_or_else(
        || all.clone(),
        |q| match parties.iter().find(|p| p.matches(q)) {
            Some(p) => p.label(),
            None => groups.iter().find(|(k, _)| k == q).map_or_else(|| q.to_owned(), |(_, n)| n.clone()),
        },
    );
    let mut choice = None;
    ui.horizontal(|ui| {
        let label_id = ui.label(tr(lang, label)).id;
        // Keyed on the message id, not the text: the combo keeps its state across a language switch.
        egui::ComboBox::from_id_salt(label)
            .selected_text(shown)
            .width(180.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), &all).clicked() {
                    choice = Some(None);
                }
                for p in parties {
                    let selected = current.is_some_and(|q| p.matches(q));
                    if ui.selectable_label(selected, p.label()).clicked() {
                        let key = if p.code.is_empty() { p.name.clone() } else { p.code.clone() };
                        choice = Some(Some(key));
                    }
                }
                if !groups.is_empty() {
                    ui.separator();
                    ui.label(
                        RichText::new(tr(lang, "groups-in-picker")).small().color(theme::weak(ui.visuals())),
                    );
                }
                for (key, name) in groups {
                    if ui.selectable_label(current == Some(key.as_str()), name).clicked() {
                        choice = Some(Some(key.clone()));
                    }
                }
            })
            .response
            .labelled_by(label_id);
    });
    choice.filter(|c| c.as_deref() != current)
}
