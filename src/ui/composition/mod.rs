//! The Composition tab: what is traded and with whom. The trade of the selection broken down
//! by product (HS section, chapter, heading, subheading) or ranked by partner, as sorted bars
//! with value, share, change on a year earlier and contribution to growth; click a product to
//! see what it is made of (breadcrumbs lead back), or open the monthly chart on an item.
//!
//! The figures come from `model::breakdown` (its rules: no double counting, items and "other"
//! add up to the chart's total to the cent), computed in `job.rs` off the UI thread on large
//! data and kept until the data or the request changes; `rows.rs` draws them.
//! Sections are not drilled into (a section is not a code prefix): choose the chapter level.

mod job;
mod measure;
mod rows;

use crate::command::{Command, CommandQueue};
use crate::i18n::Lang;
use crate::i18n::tr;
use crate::model::breakdown::{By, Level, NameLang, PeriodChoice, Request, default_period};
use crate::model::dataset::Flow;
use crate::model::query::Selection;
use crate::ui::{Panel, ViewCtx};

use job::{BreakdownCache, Key};

/// Which period the tab shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodMode {
    /// January to the latest month with data (the year to date), against the same months a
    /// year earlier.
    #[default]
    LatestYtd,
    /// The months chosen in the sidebar (every month when none are).
    Shown,
    /// One calendar year.
    Year(i32),
}

/// The Composition tab.
#[derive(Debug)]
pub struct CompositionPanel {
    /// Products or partners.
    pub by: By,
    /// The level chosen at the top (drilling goes finer from it).
    pub level: Level,
    /// Products drilled into, outermost first ("04", "0402").
    pub path: Vec<String>,
    /// Products the view starts from (a visit's stop: "03", "16"); empty for all products.
    pub products: Vec<String>,
    /// Period shown.
    pub period: PeriodMode,
    /// Flow broken down.
    pub flow: Flow,
    /// Items before "other".
    pub top: usize,
    /// Where the bars were drawn last frame (for the PNG export); `None` until computed.
    pub export_rect: Option<egui::Rect>,
    cache: BreakdownCache,
}

impl Default for CompositionPanel {
    fn default() -> Self {
        Self {
            by: By::Commodity,
            level: Level::Digits(2),
            path: Vec::new(),
            products: Vec::new(),
            period: PeriodMode::LatestYtd,
            flow: Flow::Export,
            top: 15,
            export_rect: None,
            cache: BreakdownCache::default(),
        }
    }
}

/// The language of the tab: the window's.
fn lang(view: &ViewCtx<'_>) -> Lang {
    view.lang
}

fn name_lang(lang: Lang) -> NameLang {
    if lang == Lang::En { NameLang::En } else { NameLang::Ru }
}

impl CompositionPanel {
    /// The level of the items shown: finer than the top level by the products drilled into.
    #[must_use]
    pub fn current_level(&self) -> Level {
        match self.path.last() {
            Some(code) => Level::Digits(u8::try_from(code.len() + 2).unwrap_or(6).min(6)),
            None => self.level,
        }
    }

    /// The request for the view's selection; `None` when it has no data of the flow.
    #[must_use]
    pub fn request(&self, view: &ViewCtx<'_>) -> Option<Request> {
        let mut selection: Selection = view.workspace.selection.clone();
        let period = match (self.period, selection.range) {
            (PeriodMode::Year(y), _) => PeriodChoice::Year(y),
            (PeriodMode::Shown, Some(r)) => PeriodChoice::Months(r),
            (PeriodMode::Shown, None) => PeriodChoice::Months(view.aggregate.month_span()?),
            (PeriodMode::LatestYtd, _) => default_period(view.aggregate, self.flow)?,
        };
        selection.range = None;
        selection.compare.clear();
        if let Some(code) = self.path.last() {
            selection.commodity = Some(code.clone());
        }
        let products = if self.path.is_empty() { self.products.clone() } else { Vec::new() };
        Some(Request {
            by: self.by,
            level: self.current_level(),
            flow: self.flow,
            period,
            top: self.top,
            products,
            selection,
        })
    }

    /// Shows the products `codes` (a visit stop's "HS 03, 16") themselves, at the level of the
    /// finest code, by commodity; a click on one drills into it.
    pub fn show_products(&mut self, codes: Vec<String>) {
        self.by = By::Commodity;
        self.path.clear();
        let finest = codes.iter().map(|c| c.trim().len()).max().unwrap_or(2);
        self.level = Level::Digits(match finest {
            0..=2 => 2,
            3 | 4 => 4,
            _ => 6,
        });
        self.products = codes;
    }

    /// The breakdown on screen (for the CSV export); `None` before the first is computed.
    #[must_use]
    pub fn shown(&self) -> Option<std::sync::Arc<crate::model::breakdown::Breakdown>> {
        self.cache.shown()
    }

    /// Breakdowns computed so far (tests: one per change, none per idle frame).
    #[must_use]
    pub fn computations(&self) -> u64 {
        self.cache.computations()
    }

    /// Breakdowns of `data` that `totals` must give the rows of (a ClickHouse table held as a
    /// cube: every breakdown by commodity) are computed from rows asked of it.
    pub fn set_remote(
        &mut self,
        data: &std::sync::Arc<crate::model::dataset::Dataset>,
        totals: std::sync::Arc<dyn crate::model::query::RemoteTotals>,
    ) {
        self.cache.set_remote(data, totals);
    }

    /// Whether the server is being asked for a breakdown's rows (the status bar says so).
    #[must_use]
    pub fn remote_in_flight(&self) -> bool {
        self.cache.remote_in_flight()
    }

    /// The status bar's Cancel: stops waiting for the server; the breakdown shown stays.
    /// Whether one was awaited.
    pub fn cancel_remote(&mut self) -> bool {
        self.cache.cancel_remote()
    }

    fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewCtx<'_>,
        lang: Lang,
        commands: &mut CommandQueue,
    ) {
        ui.horizontal_wrapped(|ui| {
            for (by, id) in
                [(By::Commodity, "composition-by-commodity"), (By::Partner, "composition-by-partner")]
            {
                ui.selectable_value(&mut self.by, by, tr(lang, id));
            }
            ui.separator();
            for (flow, id) in [
                (Flow::Export, "measure-exports"),
                (Flow::Import, "measure-imports"),
                (Flow::Turnover, "measure-turnover"),
            ] {
                ui.selectable_value(&mut self.flow, flow, tr(lang, id));
            }
            ui.separator();
            if self.by == By::Commodity {
                let label = ui.label(tr(lang, "composition-level")).id;
                // The level of the items on screen (finer than the one chosen once drilled into).
                let shown = self.current_level();
                egui::ComboBox::from_id_salt("composition-level")
                    .selected_text(level_label(lang, shown))
                    .show_ui(ui, |ui| {
                        for l in [Level::Section, Level::Digits(2), Level::Digits(4), Level::Digits(6)] {
                            if ui.selectable_label(shown == l, level_label(lang, l)).clicked() {
                                self.level = l;
                                self.path.clear();
                            }
                        }
                    })
                    .response
                    .labelled_by(label);
            }
            let years: Vec<i32> = view.aggregate.years.iter().map(|y| y.year).collect();
            let label = ui.label(tr(lang, "composition-period")).id;
            egui::ComboBox::from_id_salt("composition-period")
                .selected_text(period_label(lang, self.period))
                .show_ui(ui, |ui| {
                    for mode in [PeriodMode::LatestYtd, PeriodMode::Shown]
                        .into_iter()
                        .chain(years.into_iter().rev().map(PeriodMode::Year))
                    {
                        ui.selectable_value(&mut self.period, mode, period_label(lang, mode));
                    }
                })
                .response
                .labelled_by(label);
            let label = ui.label(tr(lang, "composition-top")).id;
            ui.add(egui::DragValue::new(&mut self.top).range(1..=100)).labelled_by(label);
            ui.separator();
            if ui.button(tr(lang, "composition-export-png")).clicked() {
                commands.push(Command::ExportCompositionPngDialog);
            }
            if ui.button(tr(lang, "composition-export-csv")).clicked() {
                commands.push(Command::ExportCompositionCsvDialog);
            }
        });
    }

    fn breadcrumbs_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        // Shown for a partner ranking too: it ranks the partners of the product drilled into.
        ui.horizontal_wrapped(|ui| {
            let all = self.path.is_empty() && self.products.is_empty();
            if ui.selectable_label(all, tr(lang, "composition-all-products")).clicked() {
                self.path.clear();
                self.products.clear();
                if self.level == Level::Digits(4) || self.level == Level::Digits(6) {
                    self.level = Level::Digits(2);
                }
            }
            if !self.products.is_empty() {
                ui.label("›");
                let codes = self.products.join(", ");
                if ui
                    .selectable_label(self.path.is_empty(), tr!(lang, "composition-products", codes = codes))
                    .clicked()
                {
                    self.path.clear();
                }
            }
            let mut keep = None;
            for (i, code) in self.path.iter().enumerate() {
                ui.label("›");
                if ui.selectable_label(i + 1 == self.path.len(), code.as_str()).clicked() {
                    keep = Some(i + 1);
                }
            }
            if let Some(n) = keep {
                self.path.truncate(n);
            }
        });
    }
}

fn level_label(lang: Lang, level: Level) -> String {
    tr(
        lang,
        match level {
            Level::Section => "composition-level-section",
            Level::Digits(1 | 2) => "composition-level-2",
            Level::Digits(3 | 4) => "composition-level-4",
            Level::Digits(_) => "composition-level-6",
        },
    )
}

fn period_label(lang: Lang, mode: PeriodMode) -> String {
    match mode {
        PeriodMode::LatestYtd => tr(lang, "composition-period-latest"),
        PeriodMode::Shown => tr(lang, "composition-period-shown"),
        PeriodMode::Year(y) => y.to_string(),
    }
}

impl Panel for CompositionPanel {
    fn ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx<'_>, commands: &mut CommandQueue) {
        let lang = lang(view);
        self.export_rect = None;
        self.controls_ui(ui, view, lang, commands);
        self.breadcrumbs_ui(ui, lang);
        ui.separator();
        let Some(request) = self.request(view) else {
            ui.label(tr(lang, "composition-no-data"));
            return;
        };
        let key: Key = (view.revisions.data, request, name_lang(lang));
        let shown = self.cache.get(view.dataset, &key, ui.ctx());
        if self.cache.is_computing() {
            ui.label(
                egui::RichText::new(tr(lang, "composition-computing"))
                    .color(crate::ui::theme::busy(ui.visuals())),
            );
        }
        match self.cache.unanswered(&key) {
            Some(job::Unanswered::Failed(e)) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr!(lang, "composition-server-failed", error = e.as_str()),
                );
            }
            Some(job::Unanswered::Cancelled) => {
                ui.label(tr(lang, "composition-server-cancelled"));
            }
            None => {}
        }
        let Some(b) = shown else { return };
        let stale = !self.cache.is_current(&key);
        let scope = ui.scope(|ui| rows::breakdown_ui(ui, &b, lang, stale));
        if !stale {
            self.export_rect = Some(scope.response.rect);
        }
        let action = scope.inner;
        match action {
            Some(rows::Action::Drill(code)) => self.path.push(code),
            Some(rows::Action::Chart(code)) => {
                let mut selection = view.workspace.selection.clone();
                match b.by {
                    By::Commodity => selection.commodity = Some(code),
                    By::Partner => selection.partner = Some(code),
                }
                commands.push(Command::SetSelection(selection));
                commands.push(Command::ShowTab(crate::ui::Tab::Chart));
            }
            None => {}
        }
    }
}
