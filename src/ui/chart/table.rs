//! The table of the numbers the chart draws, sortable by any column, with "Export CSV…".

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::app::Command;
use crate::model::table::ViewTable;

/// Panel-local table state: the sort and the row order it gives.
#[derive(Debug, Default)]
pub(super) struct TableState {
    /// Column to sort by (0 = period) and whether descending; `None` keeps time order.
    sort: Option<(usize, bool)>,
    /// Row indexes in display order; empty means "recompute".
    order: Vec<usize>,
}

impl TableState {
    /// Forgets the row order (the table changed).
    pub(super) fn invalidate(&mut self) {
        self.order.clear();
    }

    fn update_order(&mut self, table: &ViewTable) {
        if self.sort.is_some_and(|(col, _)| col > table.columns.len()) {
            // Another view with fewer columns: back to time order.
            self.sort = None;
            self.order.clear();
        }
        if self.order.len() != table.rows.len() {
            let mut order: Vec<usize> = (0..table.rows.len()).collect();
            if let Some((col, descending)) = self.sort {
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
            self.order = order;
        }
    }

    /// Draws the table; `cells` are the formatted values, `[row][column]`, period first.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        table: &ViewTable,
        cells: &[Vec<String>],
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Numbers behind the chart").strong());
            ui.label(RichText::new("click a header to sort").small().color(super::theme::weak(ui.visuals())));
            if ui.button("Export CSV…").clicked() {
                commands.push(Command::ExportTableCsvDialog);
            }
        });
        let mut clicked = None;
        let sort = self.sort;
        let header_text = |i: usize, name: &str| match sort {
            Some((c, true)) if c == i => format!("{name} (desc)"),
            Some((c, false)) if c == i => format!("{name} (asc)"),
            _ => name.to_owned(),
        };
        self.update_order(table);
        let order = &self.order;
        TableBuilder::new(ui)
            .id_salt("chart-table")
            .striped(true)
            .resizable(true)
            .auto_shrink([false, true])
            .cell_layout(Layout::right_to_left(Align::Center))
            .column(TableColumn::auto().at_least(120.0))
            .columns(TableColumn::auto().at_least(100.0), table.columns.len())
            .header(20.0, |mut header| {
                let names = std::iter::once("Period").chain(table.columns.iter().map(|c| c.name.as_str()));
                for (i, name) in names.enumerate() {
                    header.col(|ui| {
                        if ui.button(RichText::new(header_text(i, name)).strong()).clicked() {
                            clicked = Some(i);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(18.0, order.len(), |mut row| {
                    let Some(cells) = order.get(row.index()).and_then(|&i| cells.get(i)) else { return };
                    for text in cells {
                        row.col(|ui| {
                            ui.label(text);
                        });
                    }
                });
            });
        if let Some(i) = clicked {
            self.sort = match self.sort {
                Some((c, false)) if c == i => Some((i, true)),
                Some((c, true)) if c == i => None,
                _ => Some((i, false)),
            };
            self.invalidate();
        }
    }
}
