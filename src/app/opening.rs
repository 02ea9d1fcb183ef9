//! A data file has been read: show it. When the file shares no reporter or partner with the
//! data shown, it is about other trade, and the workspace's events, visits, targets and
//! reported figures are not about it: the app first asks whether to start a new workspace for
//! it (the default) or to add its rows to this one ([`ContextChoice`]). The answer comes back
//! through the command pipeline as [`Command::ResolveNewContext`] and is one undo step.
//!
//! Decisions where the issue is silent:
//! - "Shares nothing" compares the reporters and partners of the two datasets, by code or name,
//!   leaving World out (nearly every Comtrade download has it). A file of Belarus's trade with
//!   Kazakhstan opened over the Brest Oblast – Kazakhstan example shares Kazakhstan: same trade
//!   relation seen from the country, no question. Over empty data (a new workspace) nothing is
//!   asked either.
//! - The file given on the command line at start always gets a new workspace, without asking:
//!   the built-in example shown until then was not chosen.
//! - A new workspace keeps the remembered column mappings (they are about file headers, not
//!   about the trade) and takes its title from the file; it has no workspace file until saved.
//! - "Add" appends the rows to the data shown; the selection stays where it names something.
//! - Cancel (or closing the question) opens nothing.
//! - A data file that has annual records only opens in the Annual view.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::command::{Command, CommandQueue, ContextChoice};
use crate::i18n::Lang;
use crate::io::import::Imported;
use crate::model::chart::ChartView;
use crate::model::dataset::{Dataset, Party};
use crate::model::workspace::{DataSource, Workspace};
use crate::tr;

use super::TradeDashApp;
use super::loading::file_name;
use super::status::Level;

/// A file read and held back until the user says what its data joins.
pub(super) struct PendingData {
    /// The file.
    pub path: PathBuf,
    /// What was read.
    pub imported: Imported,
    /// "Moldova – Romania, Ukraine" (the file) and "Brest Oblast – Kazakhstan" (the data shown).
    pub about: (String, String),
}

/// Whether `new` names none of the reporters and partners of `old` (World left out). Empty
/// data on either side shares nothing to lose: no question then.
#[must_use]
pub(super) fn about_other_trade(old: &Dataset, new: &Dataset) -> bool {
    if old.is_empty() || new.is_empty() {
        return false;
    }
    let parties = |d: &Dataset| -> Vec<Party> {
        d.reporters().iter().chain(d.partners()).filter(|p| !p.is_world()).cloned().collect()
    };
    let old = parties(old);
    let same = |a: &Party, b: &Party| (!b.code.is_empty() && a.matches(&b.code)) || a.matches(&b.name);
    !parties(new).iter().any(|n| old.iter().any(|o| same(o, n)))
}

/// "Moldova – Romania, Ukraine, Turkey and 4 more": who the data is about, for the question.
fn about(d: &Dataset) -> String {
    let names = |list: &[Party]| {
        let named: Vec<&str> = list.iter().filter(|p| !p.is_world()).map(|p| p.name.as_str()).collect();
        match named.len() {
            0 => String::new(),
            n if n <= 3 => named.join(", "),
            n => format!("{}, … (+{})", named[..3].join(", "), n - 3),
        }
    };
    format!("{} – {}", names(d.reporters()), names(d.partners()))
}

impl TradeDashApp {
    /// A data file was read: show it, or first ask what it joins when it is about other trade.
    /// `ask` is false for the file given on the command line at start: the window then shows
    /// the built-in example, which nobody chose, so the file gets a workspace of its own
    /// whatever it is about (Brest Oblast's events and reported figures are not kept beside a
    /// Belarus–Kazakhstan download either).
    pub(super) fn data_read(&mut self, path: PathBuf, imported: Imported, ask: bool) {
        if ask && !about_other_trade(self.doc.dataset(), &imported.dataset) {
            self.data_loaded(path, imported);
            return;
        }
        let about = (about(&imported.dataset), about(self.doc.dataset()));
        self.pending_data = Some(PendingData { path, imported, about });
        if !ask {
            self.resolve_context(ContextChoice::NewWorkspace);
        }
    }

    /// The answer to the question: the held file becomes a new workspace, joins this one, or
    /// is dropped.
    pub(super) fn resolve_context(&mut self, choice: ContextChoice) {
        let Some(PendingData { path, imported, .. }) = self.pending_data.take() else { return };
        match choice {
            ContextChoice::Cancel => {}
            ContextChoice::NewWorkspace => {
                let old = std::mem::take(&mut self.doc.workspace);
                self.doc.start_generation();
                self.doc.workspace = Workspace {
                    title: Path::new(&file_name(&path))
                        .file_stem()
                        .map_or_else(|| "Untitled workspace".into(), |s| s.to_string_lossy().into_owned()),
                    import_mappings: old.import_mappings,
                    ..Workspace::default()
                };
                self.data_loaded(path, imported);
            }
            ContextChoice::AddToThis => {
                let Imported { dataset, report } = imported;
                let mut merged = Dataset::clone(self.doc.dataset());
                merged.append(dataset);
                let old = self.doc.workspace.data.clone();
                self.data_loaded(path.clone(), Imported { dataset: merged, report });
                self.doc.workspace.data = DataSource {
                    label: format!("{} + {}", old.label, file_name(&path)),
                    sample: old.sample,
                    // The rows are no longer those of one file.
                    path: None,
                    embedded: None,
                    sample_split: old.sample_split,
                };
            }
        }
    }

    /// Shows the data read from `path`, with its report. The selection keeps what still names
    /// something in the new data; data with annual records only is shown in the Annual view.
    pub(super) fn data_loaded(&mut self, path: PathBuf, imported: Imported) {
        self.safety.remember_recent(&path);
        let Imported { dataset, report } = imported;
        let mut summary = super::pipeline::summary_line(self.lang, &report);
        if report.sheets.len() > 1 {
            summary = tr!(self.lang, "notice-loaded-sheets", summary = summary, count = report.sheets.len());
        }
        let level = if report.rows_skipped > 0 { Level::Warning } else { Level::Info };
        let sel = &mut self.doc.workspace.selection;
        if sel.reporter.as_deref().is_some_and(|q| !dataset.reporters().iter().any(|p| p.matches(q))) {
            sel.reporter = None;
        }
        // A country group stays chosen: its figure is over the members the new data has.
        let known = |q: &str| {
            dataset.partners().iter().any(|p| p.matches(q))
                || crate::model::groups::find_group(q, dataset.partners(), &sel.groups).is_some()
        };
        if sel.partner.as_deref().is_some_and(|q| !known(q)) {
            sel.partner = None;
        }
        let compare = std::mem::take(&mut sel.compare);
        sel.compare = compare.into_iter().filter(|q| known(q)).collect();
        sel.range = None;
        if !dataset.is_empty() && dataset.month_span().is_none() {
            self.doc.workspace.chart.view = ChartView::Annual;
        }
        let sheet = report
            .sheet
            .as_ref()
            .filter(|_| report.sheets.len() > 1)
            .map_or_else(String::new, |s| format!(", sheet “{s}”"));
        self.doc.workspace.data = DataSource {
            label: format!("{}{sheet} ({})", file_name(&path), report.format.label()),
            sample: false,
            path: Some(path.clone()),
            embedded: None,
            sample_split: None,
        };
        let dataset = Arc::new(dataset);
        self.import.data = Arc::downgrade(&dataset);
        self.doc.set_dataset(dataset);
        self.import.report = Some(report);
        self.import.path = Some(path);
        self.notices.notify(level, summary);
    }
}

/// The question, while a file about other trade waits: "Start a new workspace" (the default,
/// also Enter), "Add the data to this workspace", or Cancel (also Escape).
pub(super) fn context_ui(
    ctx: &egui::Context,
    pending: &PendingData,
    lang: Lang,
    commands: &mut CommandQueue,
) {
    let modal = egui::Modal::new(egui::Id::unique("new-context")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(tr!(lang, "context-title"));
        ui.label(tr!(
            lang,
            "context-body",
            file = file_name(&pending.path),
            new = pending.about.0.clone(),
            old = pending.about.1.clone()
        ));
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            // The default answer (Enter) is drawn selected.
            let new = ui
                .add(egui::Button::new(tr!(lang, "context-new")).selected(true))
                .on_hover_text(tr!(lang, "context-new-tip"));
            if new.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                commands.push(Command::ResolveNewContext(ContextChoice::NewWorkspace));
            }
            let add = ui.button(tr!(lang, "context-add")).on_hover_text(tr!(lang, "context-add-tip"));
            if add.clicked() {
                commands.push(Command::ResolveNewContext(ContextChoice::AddToThis));
            }
            if ui.button(tr!(lang, "context-cancel")).clicked() {
                commands.push(Command::ResolveNewContext(ContextChoice::Cancel));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::ResolveNewContext(ContextChoice::Cancel));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Commodity, Flow, Period, Record};
    use crate::model::period::YearMonth;

    fn data(pairs: &[(&str, &str, &str, &str)]) -> Dataset {
        pairs
            .iter()
            .map(|&(rc, rn, pc, pn)| Record {
                period: Period::Month(YearMonth { year: 2018, month: 1 }),
                reporter: Party { code: rc.into(), name: rn.into() },
                partner: Party { code: pc.into(), name: pn.into() },
                flow: Flow::Export,
                commodity: Commodity { code: "TOTAL".into(), name: String::new() },
                value_usd: 1.0,
            })
            .collect()
    }

    #[test]
    fn other_trade_is_a_file_sharing_no_reporter_or_partner_but_world() {
        let brest = data(&[("BY-BR", "Brest Oblast", "KAZ", "Kazakhstan")]);
        let moldova = data(&[("MDA", "Moldova", "ROU", "Romania"), ("MDA", "Moldova", "W00", "World")]);
        let belarus = data(&[("BLR", "Belarus", "KAZ", "Kazakhstan")]);
        let by_name = data(&[("", "kazakhstan", "", "Belarus")]);
        let with_world = data(&[("BY-BR", "Brest Oblast", "W00", "World")]);
        assert!(about_other_trade(&brest, &moldova));
        assert!(about_other_trade(&moldova, &brest));
        assert!(!about_other_trade(&brest, &belarus), "Kazakhstan is in both");
        assert!(!about_other_trade(&brest, &by_name), "names match without codes, ignoring case");
        assert!(about_other_trade(&with_world, &moldova), "World alone is not shared trade");
        assert!(!about_other_trade(&Dataset::default(), &moldova), "nothing shown: nothing to ask");
        assert_eq!(about(&moldova), "Moldova – Romania");
        let many = data(&[
            ("MDA", "Moldova", "ROU", "Romania"),
            ("MDA", "Moldova", "UKR", "Ukraine"),
            ("MDA", "Moldova", "TUR", "Turkey"),
            ("MDA", "Moldova", "ITA", "Italy"),
        ]);
        assert_eq!(about(&many), "Moldova – Romania, Ukraine, Turkey, … (+1)");
    }
}
