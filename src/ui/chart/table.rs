//! The table of the numbers the chart draws, sortable by any column, with "Export CSV…".
//!
//! **Fitting the window.** A view can have many columns: the year-to-date view has, per measure,
//! the figure, the same months a year earlier, the figure as published, the change and the
//! change as published (fifteen with exports, imports and turnover). Beside the events panel
//! at 1280×800 the table has about 700 points, so it shows fewer columns by default and a
//! **Columns** menu to choose them (decided here, rather than compact amounts: the table is
//! where an analyst reads and copies the exact figure to the dollar):
//! - the year-earlier columns are off by default: the chart draws them as the dashed line, and
//!   the change column beside the figure says how it compares;
//! - a column with no figure in any period shown (exports as published, when only turnover was
//!   published) is left out and greyed in the menu, "(no figures)";
//! - the reader's choices hold for the session, by column, in every view that has that column;
//! - columns are as wide as their figures, the headers wrap onto more lines instead.
//!
//! "Export CSV…" always writes every column.

use std::collections::HashMap;

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr, tr_attr};
use crate::model::chart::Measure;
use crate::model::table::{Role, ViewTable};
use crate::ui::memo::Memo;

/// The text of the last column for a period missing `rows` rows: empty when it is complete.
pub(crate) fn incomplete_cell(lang: Lang, rows: u64) -> String {
    if rows == 0 { String::new() } else { tr!(lang, "table-rows-unread", count = rows) }
}

/// The period cell of row `ri`: its title, with short month names in Russian and Kazakh
/// ("янв.–февр. 2017", not "январь–февраль 2017"; in Kazakh the long form "2017 жылғы
/// қаңтар–ақпан" made the year-to-date table scroll sideways at 1280×800), as English has
/// them ("Jan–Feb 2017"). The chart's title and hover text keep the long names.
pub(crate) fn period_cell(lang: Lang, table: &ViewTable, ri: usize) -> String {
    use crate::model::chart::ChartView;
    use crate::model::format::month_span;
    use crate::model::period::{MonthRange, YearMonth};
    use crate::model::table::RowKey;
    let Some(row) = table.rows.get(ri) else { return String::new() };
    let RowKey::Month(m) = row.key else { return table.row_title(lang, ri) };
    let range = match table.view {
        _ if lang == Lang::En => return table.row_title(lang, ri),
        ChartView::Ytd => MonthRange::new(YearMonth { year: m.year, month: 1 }, m),
        ChartView::Rolling => MonthRange::new(YearMonth::from_index(m.index() - 11), m),
        ChartView::Monthly | ChartView::Yoy => MonthRange::new(m, m),
        _ => return table.row_title(lang, ri),
    };
    let style = crate::i18n::format::MonthStyle::Short;
    let short = |m: u8| crate::i18n::format::month_name(lang, m, style);
    let text = match (short(range.start.month), short(range.end.month)) {
        // Months of one year: "янв.–февр. 2017", "2017 ж. қаң.–ақп." ("ж.", as Kazakh tables
        // abbreviate "жылғы").
        (Some(first), Some(last)) if range.start.year == range.end.year && range.start != range.end => {
            tr!(lang, "table-month-span", first = first, last = last, year = range.end.year.to_string())
        }
        _ => {
            month_span(lang, (range.start.year, range.start.month), (range.end.year, range.end.month), style)
        }
    };
    if row.is_derived() { tr!(lang, "table-derived", label = text) } else { text }
}

/// Column to sort by (0 = period) and whether descending; `None` keeps time order.
type Sort = Option<(usize, bool)>;

/// Panel-local table state: the sort and the row order it gives.
#[derive(Debug, Default)]
pub(super) struct TableState {
    /// Column to sort by (0 = period) and whether descending; `None` keeps time order.
    sort: Sort,
    /// Row indexes in display order, for (the chart's table revision, the sort).
    order: Memo<(u64, Sort), Vec<usize>>,
    /// Columns the reader switched on or off in the Columns menu, by their (English) name;
    /// the others follow [`shown_by_default`].
    chosen: HashMap<String, bool>,
    /// Whether each column has a figure in some period shown, for the chart's table revision.
    filled: Memo<u64, Vec<bool>>,
    /// The header's height in the last frame: as tall as its most wrapped title.
    header_height: f32,
    /// Width of the widest cell of each column of `cells` (period first), for the chart's table
    /// revision: a column is that wide, its title wraps to it.
    widths: Memo<u64, Vec<f32>>,
}

/// A column's title split for its header: the measure on the button, in its short form for
/// tables ("Exports"; "Оборот" for "Товарооборот", "Айналым" for "Тауар айналымы": the long
/// Russian and Kazakh words made the year-to-date table scroll sideways by 150 points at
/// 1280×800), the rest under it in small type ("YTD a year earlier"); the whole title when it
/// does not start with the measure (a mirror or gap column). The button's tooltip, the Columns
/// menu and screen readers have the whole title.
fn title_parts(lang: Lang, table: &ViewTable, ci: usize) -> (String, String) {
    let title = table.column_title(lang, ci);
    let Some(c) = table.columns.get(ci) else { return (title, String::new()) };
    let measure = crate::i18n::chart_text::measure(lang, c.measure);
    let short = || tr(lang, short_measure_id(c.measure));
    match title.strip_prefix(&measure) {
        Some("") => (short(), String::new()),
        Some(rest) => (short(), rest.trim_start_matches([',', ' ']).to_owned()),
        None => (title.clone(), String::new()),
    }
}

/// The message id of the measure's short form for table headers.
fn short_measure_id(m: Measure) -> &'static str {
    match m {
        Measure::Exports => "table-measure-exports",
        Measure::Imports => "table-measure-imports",
        Measure::Turnover => "table-measure-turnover",
        Measure::Balance => "table-measure-balance",
    }
}

/// Width of each column of `cells` (period first): its widest cell, measured on the longest
/// text, or the first line of its header's title (bold), or the longest word of the rest of
/// the title (small type: the rest wraps between words, never inside one), if wider.
fn column_widths(ui: &Ui, lang: Lang, table: &ViewTable, cells: &[Vec<String>]) -> Vec<f32> {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let color = ui.visuals().text_color();
    let width = |text: String, font: &egui::FontId| {
        ui.fonts_mut(|f| f.layout_no_wrap(text, font.clone(), color)).size().x
    };
    let columns = cells.first().map_or(0, Vec::len);
    (0..columns)
        .map(|i| {
            let longest = cells.iter().filter_map(|r| r.get(i)).max_by_key(|t| t.chars().count());
            let cell = longest.map_or(0.0, |t| width(t.clone(), &body));
            let head = match i.checked_sub(1) {
                Some(ci) if ci < table.columns.len() => {
                    let (top, rest) = title_parts(lang, table, ci);
                    let word =
                        rest.split_whitespace().map(|w| width(w.to_owned(), &small)).fold(0.0, f32::max);
                    (width(top, &body) + 2.0 * HEADER_PADDING).max(word)
                }
                _ => 0.0,
            };
            cell.max(head)
        })
        .collect()
}

/// The header buttons' padding left and right of their text: less than a button's usual, so
/// that a column of changes ("+18,6%") is not widened by its measure's name.
const HEADER_PADDING: f32 = 4.0;

/// A column's header: a button with the first line of its title (the measure; sorting on a
/// click), the rest of the title under it in small type, wrapped to the column's width. The
/// button is named by the whole title (`full`) for screen readers and tests. Returns the
/// button's response and the header's height.
fn header_ui(ui: &mut Ui, top: &str, rest: &str, full: impl Fn() -> String) -> (egui::Response, f32) {
    let inner = ui.with_layout(Layout::top_down(Align::Max), |ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        ui.spacing_mut().button_padding.x = HEADER_PADDING;
        let response = ui.add(egui::Button::new(RichText::new(top).strong()));
        let enabled = ui.is_enabled();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, full()));
        let response = response.on_hover_text(full());
        if !rest.is_empty() {
            let weak = crate::ui::theme::weak(ui.visuals());
            ui.add(egui::Label::new(RichText::new(rest).small().color(weak)).wrap());
        }
        response
    });
    (inner.inner, inner.response.rect.height())
}

/// Whether column `ci` is shown when the reader has not chosen: not the year-earlier figures.
fn shown_by_default(table: &ViewTable, ci: usize) -> bool {
    table.columns.get(ci).is_some_and(|c| c.role != Role::YearEarlier)
}

impl TableState {
    /// Row indexes of `table` in the order of the sort.
    fn sorted(table: &ViewTable, sort: Sort) -> Vec<usize> {
        let mut order: Vec<usize> = (0..table.rows.len()).collect();
        if let Some((col, descending)) = sort {
            order.sort_by(|&a, &b| {
                let (ra, rb) = (&table.rows[a], &table.rows[b]);
                let ord = if col == 0 {
                    ra.key.cmp(&rb.key)
                } else {
                    // Gaps sort last whichever the direction.
                    match (ra.values[col - 1], rb.values[col - 1]) {
                        (Some(x), Some(y)) => x.total_cmp(&y),
                        (Some(_), None) => return std::cmp::Ordering::Less,
                        (None, Some(_)) => return std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    }
                };
                if descending { ord.reverse() } else { ord }
            });
        }
        order
    }

    /// Indexes of the columns shown (without the period), in table order.
    fn visible(&mut self, table: &ViewTable, revision: u64) -> Vec<usize> {
        let filled = self.filled.get(revision, || {
            (0..table.columns.len()).map(|ci| table.rows.iter().any(|r| r.values[ci].is_some())).collect()
        });
        (0..table.columns.len())
            .filter(|&ci| {
                filled[ci]
                    && self
                        .chosen
                        .get(&table.columns[ci].name)
                        .copied()
                        .unwrap_or(shown_by_default(table, ci))
            })
            .collect()
    }

    /// The Columns menu: a checkbox per column, greyed for a column with no figures.
    fn chooser_ui(&mut self, ui: &mut Ui, lang: Lang, table: &ViewTable, revision: u64) {
        let visible = self.visible(table, revision);
        let hidden = table.columns.len() - visible.len();
        let caption = if hidden == 0 {
            tr(lang, "table-columns")
        } else {
            tr!(lang, "table-columns-hidden", count = hidden)
        };
        let filled = self.filled.value().cloned().unwrap_or_default();
        ui.menu_button(caption, |ui| {
            for ci in 0..table.columns.len() {
                let title = table.column_title(lang, ci);
                if !filled.get(ci).copied().unwrap_or(false) {
                    let mut off = false;
                    let text = tr!(lang, "table-column-empty", name = title);
                    ui.add_enabled(false, egui::Checkbox::new(&mut off, text));
                    continue;
                }
                let mut on = visible.contains(&ci);
                if ui.checkbox(&mut on, title).changed() {
                    self.chosen.insert(table.columns[ci].name.clone(), on);
                }
            }
        })
        .response
        .on_hover_text(tr_attr(lang, "table-columns", "tooltip", None));
    }

    /// The heading row: the title, the sort hint, "Export CSV…" and the Columns menu.
    /// Wrapped: a long heading (Russian, Kazakh) never runs under the events panel.
    fn heading_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        table: &ViewTable,
        revision: u64,
        commands: &mut CommandQueue,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(lang, "table-heading")).strong());
            ui.label(
                RichText::new(tr(lang, "table-sort-hint"))
                    .small()
                    .color(crate::ui::theme::weak(ui.visuals())),
            );
            if ui.button(tr(lang, "table-export-csv")).clicked() {
                commands.push(Command::ExportTableCsvDialog);
            }
            self.chooser_ui(ui, lang, table, revision);
        });
    }

    /// Draws the table; `cells` are the formatted values, `[row][column]`, period first.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        table: &ViewTable,
        revision: u64,
        cells: &[Vec<String>],
        commands: &mut CommandQueue,
    ) {
        self.heading_ui(ui, lang, table, revision, commands);
        let mut clicked = None;
        if self.sort.is_some_and(|(col, _)| col > table.columns.len()) {
            // Another view with fewer columns: back to time order.
            self.sort = None;
        }
        let sort = self.sort;
        let header_text = |i: usize, name: &str| match sort {
            Some((c, true)) if c == i => tr!(lang, "table-sorted-desc", name = name),
            Some((c, false)) if c == i => tr!(lang, "table-sorted-asc", name = name),
            _ => name.to_owned(),
        };
        let visible = self.visible(table, revision);
        let order = self.order.get((revision, self.sort), || Self::sorted(table, sort));
        // The Incomplete column only where some period shown is incomplete (a scan of the
        // cached cells, one per period shown: not of the dataset).
        let show_incomplete = cells.iter().any(|r| r.last().is_some_and(|c| !c.is_empty()));
        // Cells shown: the period, the visible columns, the Incomplete column.
        let last = cells.first().map_or(0, Vec::len).saturating_sub(1);
        let shown_cells: Vec<usize> = std::iter::once(0)
            .chain(visible.iter().map(|ci| ci + 1))
            .chain(show_incomplete.then_some(last))
            .collect();
        let header_height = self.header_height.max(20.0);
        let widths = self.widths.get(revision, || column_widths(ui, lang, table, cells)).clone();
        let width = |i: usize| widths.get(i).copied().unwrap_or(56.0).max(56.0);
        let mut tallest: f32 = 0.0;
        // A wide table (the annual view with its change columns) scrolls sideways inside its
        // own area, never under the events panel beside it.
        egui::ScrollArea::horizontal().id_salt("chart-table-across").auto_shrink([false, true]).show(
            ui,
            |ui| {
                let mut builder = TableBuilder::new(ui)
                    // Widths are remembered per set of columns: another view or choice starts
                    // from its own figures' widths.
                    .id_salt(("chart-table", table.view, &visible))
                    .striped(true)
                    .resizable(true)
                    .auto_shrink([false, true])
                    // Scrolls in whatever height the panel has: the default least height of a
                    // scrolled table (200) made the panel's content taller than the panel, drawn
                    // over the plot's axis labels above it.
                    .min_scrolled_height(40.0)
                    .cell_layout(Layout::right_to_left(Align::Center))
                    .column(TableColumn::initial(width(0)).at_least(width(0)));
                for &ci in &visible {
                    builder = builder.column(TableColumn::initial(width(ci + 1)).at_least(width(ci + 1)));
                }
                if show_incomplete {
                    builder = builder.column(TableColumn::auto().at_least(110.0));
                }
                builder
                    .header(header_height, |mut header| {
                        let period = (0, (tr(lang, "table-period"), String::new()));
                        let titles = visible.iter().map(|&ci| (ci + 1, title_parts(lang, table, ci)));
                        for (i, (top, rest)) in std::iter::once(period).chain(titles) {
                            header.col(|ui| {
                                let response = header_ui(ui, &header_text(i, &top), &rest, || {
                                    let full =
                                        if i == 0 { top.clone() } else { table.column_title(lang, i - 1) };
                                    header_text(i, &full)
                                });
                                tallest = tallest.max(response.1);
                                if response.0.clicked() {
                                    clicked = Some(i);
                                }
                            });
                        }
                        if !show_incomplete {
                            return;
                        }
                        header.col(|ui| {
                            ui.label(RichText::new(tr(lang, "table-incomplete")).strong())
                                .on_hover_text(tr_attr(lang, "table-incomplete", "tooltip", None));
                        });
                    })
                    .body(|body| {
                        body.rows(18.0, order.len(), |mut row| {
                            let Some(cells) = order.get(row.index()).and_then(|&i| cells.get(i)) else {
                                return;
                            };
                            for text in shown_cells.iter().filter_map(|&i| cells.get(i)) {
                                row.col(|ui| {
                                    ui.label(text);
                                });
                            }
                        });
                    });
            },
        );
        if tallest > 0.0 && (tallest - self.header_height).abs() > 0.5 {
            // The header is as tall as its most wrapped title: lay out again once.
            self.header_height = tallest;
            ui.ctx().request_repaint();
        }
        if let Some(i) = clicked {
            self.sort = match self.sort {
                Some((c, false)) if c == i => Some((i, true)),
                Some((c, true)) if c == i => None,
                _ => Some((i, false)),
            };
        }
    }
}
