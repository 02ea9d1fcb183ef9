//! The table of the numbers the chart draws, sortable by any column, with "Export CSV…".

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::command::{Command, CommandQueue};
use crate::i18n::{Lang, tr, tr_attr};
use crate::model::table::ViewTable;
use crate::ui::memo::Memo;

/// The text of the last column for a period missing `rows` rows: empty when it is complete.
pub(crate) fn incomplete_cell(lang: Lang, rows: u64) -> String {
    if rows == 0 { String::new() } else { tr!(lang, "table-rows-unread", count = rows) }
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
        // Wrapped: a long heading (Russian, Kazakh) never runs under the events panel.
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
        });
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
        let order = self.order.get((revision, self.sort), || Self::sorted(table, sort));
        // The Incomplete column only where some period shown is incomplete (a scan of the
        // cached cells, one per period shown: not of the dataset).
        let show_incomplete = cells.iter().any(|r| r.last().is_some_and(|c| !c.is_empty()));
        let shown_cells = 1 + table.columns.len() + usize::from(show_incomplete);
        // A wide table (the annual view with its change columns) scrolls sideways inside its
        // own area, never under the events panel beside it.
        egui::ScrollArea::horizontal().id_salt("chart-table-across").auto_shrink([false, true]).show(
            ui,
            |ui| {
                let mut builder = TableBuilder::new(ui)
                    .id_salt("chart-table")
                    .striped(true)
                    .resizable(true)
                    .auto_shrink([false, true])
                    .cell_layout(Layout::right_to_left(Align::Center))
                    .column(TableColumn::auto().at_least(120.0))
                    .columns(TableColumn::auto().at_least(100.0), table.columns.len());
                if show_incomplete {
                    builder = builder.column(TableColumn::auto().at_least(110.0));
                }
                builder
                    .header(20.0, |mut header| {
                        let period = tr(lang, "table-period");
                        let titles: Vec<String> =
                            (0..table.columns.len()).map(|i| table.column_title(lang, i)).collect();
                        let names = std::iter::once(period.as_str()).chain(titles.iter().map(String::as_str));
                        for (i, name) in names.enumerate() {
                            header.col(|ui| {
                                if ui.button(RichText::new(header_text(i, name)).strong()).clicked() {
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
                            for text in cells.iter().take(shown_cells) {
                                row.col(|ui| {
                                    ui.label(text);
                                });
                            }
                        });
                    });
            },
        );
        if let Some(i) = clicked {
            self.sort = match self.sort {
                Some((c, false)) if c == i => Some((i, true)),
                Some((c, true)) if c == i => None,
                _ => Some((i, false)),
            };
        }
    }
}
