//! Rows of the editors' two-column grids: a label and its field, labelled for screen readers
//! (the label names the field for AccessKit and for the kittest queries).

use std::collections::HashMap;

use egui::{Id, RichText, Ui};

use super::theme;
use crate::i18n::Lang;
use crate::tr;

/// A labelled single-line text field; `hint` shows while it is empty; `width` in points
/// (`f32::INFINITY` for the grid's whole column).
pub fn text_row_ui(ui: &mut Ui, label: &str, text: &mut String, hint: &str, width: f32) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(width)).labelled_by(l.id);
    ui.end_row();
}

/// A labelled combo box choosing one of `all`.
pub fn choice_row_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    text: impl Fn(T) -> String,
) {
    let label_id = ui.label(label).id;
    egui::ComboBox::from_id_salt(("form-choice", label))
        .selected_text(text(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(value, v, text(v));
            }
        })
        .response
        .labelled_by(label_id);
    ui.end_row();
}

/// A labelled text field for a parsed value. While it is edited, the typed text stays as
/// typed (in `buffers`, by field); a valid value is returned as soon as it parses, an invalid
/// one is flagged in place. When not edited, the field shows `shown` (the model's value).
pub fn parsed_row_ui<T>(
    ui: &mut Ui,
    lang: Lang,
    buffers: &mut HashMap<Id, String>,
    label: &str,
    shown: &str,
    parse: impl Fn(&str) -> Option<T>,
    hint: &str,
) -> Option<T> {
    let l = ui.label(label);
    let id = ui.scope_id().with(("parsed-field", label));
    let buffer = buffers.entry(id).or_insert_with(|| shown.to_owned());
    let focused = ui.memory(|m| m.has_focus(id));
    if !focused && buffer != shown {
        shown.clone_into(buffer);
    }
    let invalid = parse(buffer).is_none();
    let mut out = None;
    ui.horizontal(|ui| {
        let mut edit = egui::TextEdit::singleline(buffer).id(id).hint_text(hint).desired_width(140.0);
        if invalid {
            edit = edit.text_color(theme::error(ui.visuals()));
        }
        let response = ui.add(edit).labelled_by(l.id);
        if response.changed() {
            out = parse(buffer);
        }
        if parse(buffer).is_none() {
            ui.label(
                RichText::new(tr!(lang, "visit-use-format", format = hint)).color(theme::error(ui.visuals())),
            );
        }
    });
    ui.end_row();
    out
}
