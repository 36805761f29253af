//! The triangulation grid: codes × cases, each cell coloured by its corroboration status and
//! marked with the source kinds (capital letters) and stakeholder roles (short lower-case
//! marks) that hold its codings; a last column says in how many cases each code is corroborated.
//! A click lists the cell's segments. Numbers from `analysis::triangulate`, as
//! `thicket triangulate` prints them.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::{Key, Ui};

use super::controls::{checklist, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, Fill, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Triangulation, TriangulationOptions, perspectives, triangulate, triangulation_codings};
use thicket_core::error::{Error, Result};
use thicket_core::export::charts::{RoleMarks, kinds_legend, triangulation_chart, triangulation_summary_text, triangulation_text};
use thicket_core::export::colour;
use thicket_core::export::svg::Chart;
use thicket_core::export::{Sheet, analysis_tables};

/// The triangulation grid in the Analysis menu; G for grid.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Triangulation,
    title: "Triangulation",
    menu_label: "Triangulation grid",
    key: Key::G,
    stem: "triangulation",
    drill_height: 230.0,
    open: || Box::new(TriangulationView::default()),
};

/// The triangulation view's state.
pub(super) struct TriangulationView {
    options: TriangulationOptions,
    result: Option<Computed>,
    work: Work<RunKey, Done>,
    /// Perspectives in use (roles and source authors), from the last data loaded.
    roles: Vec<String>,
    filters: FilterRow,
}

impl Default for TriangulationView {
    fn default() -> Self {
        TriangulationView { options: TriangulationOptions::default(), result: None, work: Work::default(), roles: Vec::new(), filters: FilterRow::pairing() }
    }
}

type RunKey = (TriangulationOptions, Filters, u64);
type Computed = super::controls::Computed<RunKey, Done>;

struct Done {
    data: Arc<AnalysisData>,
    grid: Triangulation,
    model: TableModel,
    /// The marks of the perspectives, for the cells and the legend.
    marks: RoleMarks,
}

impl Done {
    fn new(data: Arc<AnalysisData>, grid: Triangulation, roles: &[String]) -> Self {
        let marks = RoleMarks::new(roles);
        let rows = grid.codes.iter().map(|c| RowHead::code(c)).collect();
        let cells = grid
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        let tip = (c.codings > 0).then(|| {
                            t!(
                                "triangulation-cell-tip",
                                status = c.status.as_str(),
                                codings = c.codings,
                                sources = c.sources.len(),
                                kinds = c.kinds.join(", "),
                                roles = if c.roles.is_empty() { t!("controls-none").to_string() } else { c.roles.join(", ") }
                            )
                        });
                        TableCell { text: triangulation_text(c, &marks), fill: Fill::Status(c.status), tip }
                    })
                    .collect()
            })
            .collect();
        let summary = grid.summary.iter().map(triangulation_summary_text).collect();
        let model = TableModel::new("code", rows, grid.cases.clone(), cells).with_row_totals("corroborated / coded", summary);
        Done { data, grid, model, marks }
    }
}

impl AnalysisView for TriangulationView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.options.rollup, t!("matrix-rollup")).on_hover_text(t!("triangulation-rollup-tooltip"));
            let roles = self.roles.clone();
            checklist(ui, t!("triangulation-leave-out-roles"), &mut self.options.ignore_roles, &roles);
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result), ctx.chart_size, ctx.pseudonymise);
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        self.options.across_coders = self.filters.filters.across_coders;
        let key = (self.options.clone(), self.filters.filters.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let options = self.options.clone();
        let (roles, ignored) = (&mut self.roles, &mut self.options.ignore_roles);
        let on_data = |data: &AnalysisData| {
            // Perspectives: the roles of participants and the authors of sources.
            *roles = perspectives(data);
            // A role left out may have left the project (undo, merge): forget it.
            ignored.retain(|r| roles.contains(r));
        };
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, AnalysisLoad { speakers: true, texts: false }, on_data, Box::new(move |data, _| {
            let grid = triangulate(&data, &options).map_err(|e| e.to_string())?;
            let roles = perspectives(&data);
            Ok(Done::new(data, grid, &roles))
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        legend(ui, &done.marks);
        if let Some(n) = note {
            status(ui, n, false);
        }
        true
    }

    fn show(&mut self, ui: &mut Ui, selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let mut clicked = None;
        egui::CentralPanel::default().show(ui, |ui| clicked = heat_table::show(ui, "triangulation_table", &done.model, Pick::cell_in(selected, 0)));
        clicked.map(|cell| Pick { table: 0, cell })
    }

    fn drill(&self, pick: Pick) -> Result<Option<Behind>> {
        let (Some(done), (Some(row), col)) = (current(&self.result), pick.cell) else { return Ok(None) };
        let ids = match col {
            Some(col) => triangulation_codings(&done.data, &self.options, row, col),
            // The summary column: the code's codings in every case.
            None => (0..done.grid.cases.len()).flat_map(|c| triangulation_codings(&done.data, &self.options, row, c)).collect::<BTreeSet<_>>().into_iter().collect(),
        };
        let label = done.model.label_of(pick.cell);
        let title = label.rsplit_once(':').map_or(label.as_str(), |(t, _)| t).to_string();
        Ok(Some(Behind { title, data: Arc::clone(&done.data), segments: Segments::Codings(ids) }))
    }

    /// The grid, the cells and the summary (CSV writes the grid; XLSX holds all three).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the triangulation grid has no result to export yet"));
        };
        let sheets = analysis_tables::triangulation_sheets(&done.grid, false);
        Ok(sheets)
    }

    fn chart(&self) -> Result<Chart> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the triangulation grid has no chart to export yet"));
        };
        Ok(Chart::Heat(triangulation_chart(&done.grid, &done.marks)))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
    }
}

/// What the colours and marks mean, above the grid.
fn legend(ui: &mut egui::Ui, marks: &RoleMarks) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for (s, text) in colour::corroboration_legend() {
            if let Some(c) = colour::corroboration(s, dark) {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, egui::Color32::from_rgb(c.0, c.1, c.2));
            }
            ui.label(text);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.weak(kinds_legend());
        ui.weak(marks.legend());
    });
}
