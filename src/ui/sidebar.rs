//! The left panel: where the data comes from, what is selected, and the figures reported in
//! the press beside the computed ones.

use egui::{RichText, Ui};

use super::{ViewCtx, theme};
use crate::app::Command;
use crate::model::dataset::Party;
use crate::model::format;
use crate::model::query::Selection;

/// Panel-local state: the commodity filter being typed.
#[derive(Debug, Default)]
pub struct Sidebar {
    commodity_text: Option<String>,
}

impl Sidebar {
    /// Draws the sidebar.
    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx<'_>, commands: &mut Vec<Command>) {
        let Self { commodity_text } = self;
        data_source_ui(ui, view);
        ui.separator();
        ui.heading("Selection");
        let sel = &view.workspace.selection;
        if let Some(reporter) =
            party_combo_ui(ui, "Reporter", sel.reporter.as_deref(), view.dataset.reporters())
        {
            commands.push(Command::SetSelection(Selection { reporter, ..sel.clone() }));
        }
        if let Some(partner) = party_combo_ui(ui, "Partner", sel.partner.as_deref(), view.dataset.partners())
        {
            commands.push(Command::SetSelection(Selection { partner, ..sel.clone() }));
        }
        ui.horizontal(|ui| {
            let label = ui.label("Commodity (HS)").id;
            let text = commodity_text.get_or_insert_with(|| sel.commodity.clone().unwrap_or_default());
            let response = ui
                .add(egui::TextEdit::singleline(text).hint_text("all").desired_width(80.0))
                .labelled_by(label);
            if response.lost_focus() || response.changed() && text.is_empty() {
                let commodity = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
                if commodity != sel.commodity {
                    commands.push(Command::SetSelection(Selection { commodity, ..sel.clone() }));
                }
            }
            if !response.has_focus() && text.trim() != sel.commodity.as_deref().unwrap_or("") {
                // The selection changed elsewhere (undo, a click in another panel): follow it.
                *text = sel.commodity.clone().unwrap_or_default();
            }
        });
        ui.separator();
        reported_ui(ui, view);
    }
}

fn data_source_ui(ui: &mut Ui, view: &ViewCtx<'_>) {
    let data = &view.workspace.data;
    ui.heading("Data");
    if data.sample {
        egui::Frame::new().fill(theme::SAMPLE_BANNER).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            ui.label(
                RichText::new(
                    "SAMPLE DATA: the monthly split is illustrative; only the totals are reported.",
                )
                .color(theme::SAMPLE_BANNER_TEXT),
            );
        });
    }
    ui.label(if data.label.is_empty() { "No data loaded" } else { &data.label });
    if let Some(p) = &data.path {
        ui.label(RichText::new(p.display().to_string()).small().color(theme::weak(ui.visuals())));
    }
    ui.label(format!("{} rows", format::usd_exact(view.dataset.len() as f64).trim_start_matches('$')));
}

/// A combo box over parties; returns the new choice when the user made one.
fn party_combo_ui(
    ui: &mut Ui,
    label: &str,
    current: Option<&str>,
    parties: &[Party],
) -> Option<Option<String>> {
    let shown = current.map_or_else(
        || format!("All {}s", label.to_lowercase()),
        |q| parties.iter().find(|p| p.matches(q)).map_or_else(|| q.to_owned(), Party::label),
    );
    let mut choice = None;
    ui.horizontal(|ui| {
        let label_id = ui.label(label).id;
        egui::ComboBox::from_id_salt(label)
            .selected_text(shown)
            .width(180.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), format!("All {}s", label.to_lowercase())).clicked()
                {
                    choice = Some(None);
                }
                for p in parties {
                    let selected = current.is_some_and(|q| p.matches(q));
                    if ui.selectable_label(selected, p.label()).clicked() {
                        let key = if p.code.is_empty() { p.name.clone() } else { p.code.clone() };
                        choice = Some(Some(key));
                    }
                }
            })
            .response
            .labelled_by(label_id);
    });
    choice.filter(|c| c.as_deref() != current)
}

fn reported_ui(ui: &mut Ui, view: &ViewCtx<'_>) {
    let reported = &view.workspace.reported;
    if reported.is_empty() {
        return;
    }
    ui.heading("Reported figures");
    ui.label(
        RichText::new("Quoted in public sources; not computed from the data.")
            .small()
            .color(theme::weak(ui.visuals())),
    );
    egui::ScrollArea::vertical().id_salt("reported").show(ui, |ui| {
        for f in reported {
            ui.add_space(4.0);
            ui.label(RichText::new(&f.label).strong());
            let change = f.change.map_or_else(String::new, |c| format!(", {}", format::pct_change(c)));
            ui.label(format!("{}{}", format::usd(f.value_usd), change));
            ui.label(
                RichText::new(format!("{} — {}", f.reported_by, f.source))
                    .small()
                    .color(theme::weak(ui.visuals())),
            );
        }
    });
}
