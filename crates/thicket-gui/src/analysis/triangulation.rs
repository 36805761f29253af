//! The triangulation grid: codes × cases, each cell coloured by its corroboration status and
//! marked with the source kinds (capital letters) and stakeholder roles (short lower-case
//! marks) that hold its codings; a last column says in how many cases each code is corroborated.
//! A click lists the cell's segments. Numbers from `analysis::triangulate`, as
//! `thicket triangulate` prints them.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use egui::{Key, Ui};

use super::controls::{checklist, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, Fill, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, ExportFormat, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Triangulation, TriangulationOptions, triangulate, triangulation_codings};
use thicket_core::error::{Error, Result};
use thicket_core::export::colour::{self, Rgb};
use thicket_core::export::svg::{HeatCell, HeatMap, Legend, heat_map_svg, write_svg};
use thicket_core::export::{analysis_tables, write_csv, write_xlsx};
use thicket_core::model::SourceKind;

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
    /// (abbreviation, role) for the legend.
    role_marks: Vec<(String, String)>,
}

/// One capital letter per source kind.
pub fn kind_mark(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Interview => "I",
        SourceKind::FocusGroup => "F",
        SourceKind::Observation => "O",
        SourceKind::FieldNote => "N",
        SourceKind::CaseFile => "C",
        SourceKind::Document => "D",
    }
}

/// Short lower-case marks for role names, distinct from each other: the initials of a
/// multi-word role (`social_worker` → `sw`), else its first two letters (`caregiver` → `ca`),
/// lengthened until unique.
pub fn role_marks(roles: &[String]) -> Vec<String> {
    let base = |r: &str, extra: usize| -> String {
        let words: Vec<&str> = r.split(['_', ' ', '-']).filter(|w| !w.is_empty()).collect();
        let mark: String = if words.len() > 1 {
            let mut m: String = words.iter().filter_map(|w| w.chars().next()).collect();
            m.extend(words.last().into_iter().flat_map(|w| w.chars().skip(1).take(extra)));
            m
        } else {
            r.chars().take(2 + extra).collect()
        };
        mark.to_lowercase()
    };
    let mut out: Vec<String> = roles.iter().map(|r| base(r, 0)).collect();
    for extra in 1..8 {
        let clashes: Vec<usize> = (0..out.len()).filter(|&i| out.iter().filter(|m| **m == out[i]).count() > 1).collect();
        if clashes.is_empty() {
            break;
        }
        for i in clashes {
            out[i] = base(&roles[i], extra);
        }
    }
    out
}

impl Done {
    fn new(data: Arc<AnalysisData>, grid: Triangulation, roles: &[String]) -> Self {
        let marks = role_marks(roles);
        let mark_of = |role: &str| roles.iter().position(|r| r == role).map_or(role.to_string(), |i| marks[i].clone());
        let rows = grid.codes.iter().map(|c| RowHead::code(c)).collect();
        let cells = grid
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        let kinds: String = c.kinds.iter().filter_map(|k| SourceKind::parse(k)).map(kind_mark).collect();
                        let roles: Vec<String> = c.roles.iter().map(|r| mark_of(r)).collect();
                        let text = if c.codings == 0 { String::new() } else { format!("{} {kinds} {}", c.status.mark(), roles.join(" ")).trim().to_string() };
                        let tip = (c.codings > 0).then(|| {
                            format!(
                                "{}\n{} codings in {} sources\nkinds: {}\nroles: {}",
                                c.status.as_str(),
                                c.codings,
                                c.sources.len(),
                                c.kinds.join(", "),
                                if c.roles.is_empty() { "none".to_string() } else { c.roles.join(", ") }
                            )
                        });
                        TableCell { text, fill: Fill::Status(c.status), tip }
                    })
                    .collect()
            })
            .collect();
        let summary = grid.summary.iter().map(|s| format!("{} / {}", s.corroborated, s.cases_coded)).collect();
        let model = TableModel::new("code", rows, grid.cases.clone(), cells).with_row_totals("corroborated / coded", summary);
        let role_marks = roles.iter().zip(marks).map(|(r, m)| (m, r.clone())).collect();
        Done { data, grid, model, role_marks }
    }

    fn heat_map(&self) -> HeatMap {
        let mut legend: Vec<(Option<Rgb>, String)> =
            colour::corroboration_legend().iter().map(|(s, text)| (colour::corroboration(*s, false), text.to_string())).collect();
        let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| format!("{} {}", kind_mark(*k), k.label().to_lowercase())).collect();
        legend.push((None, format!("Kinds: {}", kinds.join(" · "))));
        let roles: Vec<String> = self.role_marks.iter().map(|(m, r)| format!("{m} {r}")).collect();
        legend.push((None, format!("Roles: {}", roles.join(" · "))));
        HeatMap {
            title: "Triangulation: codes × cases".into(),
            subtitle: if self.grid.rollup { "sub-codes rolled up".into() } else { String::new() },
            corner: "code".into(),
            rows: self.grid.codes.clone(),
            cols: self.grid.cases.clone(),
            cells: self
                .model
                .cells
                .iter()
                .zip(&self.grid.cells)
                .map(|(row, cells)| row.iter().zip(cells).map(|(m, c)| HeatCell { text: m.text.clone(), fill: colour::corroboration(c.status, false) }).collect())
                .collect(),
            row_totals: self.model.row_totals.clone(),
            totals_label: "corroborated / coded".into(),
            col_totals: None,
            total: None,
            legend: Legend::Categories(legend),
        }
    }
}

impl AnalysisView for TriangulationView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, _ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.options.rollup, "Roll up sub-codes").on_hover_text("Pool each code with all its sub-codes");
            let roles = self.roles.clone();
            checklist(ui, "Leave out roles", &mut self.options.ignore_roles, &roles);
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result));
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
            let in_use: BTreeSet<String> = perspectives(data);
            *roles = in_use.into_iter().collect();
            // A role left out may have left the project (undo, merge): forget it.
            ignored.retain(|r| roles.contains(r));
        };
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, AnalysisLoad { speakers: true, texts: false }, on_data, Box::new(move |data, _| {
            let grid = triangulate(&data, &options).map_err(|e| e.to_string())?;
            let roles: Vec<String> = perspectives(&data).into_iter().collect();
            Ok(Done::new(data, grid, &roles))
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        legend(ui, &done.role_marks);
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

    /// Writes the grid, the cells and the summary (CSV: the grid; XLSX: all three) or the
    /// coloured grid (SVG).
    fn export(&self, format: ExportFormat, path: &Path) -> Result<()> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the triangulation grid has no result to export yet"));
        };
        let sheets = analysis_tables::triangulation_sheets(&done.grid, false);
        match format {
            ExportFormat::Csv => write_csv(path, &sheets),
            ExportFormat::Xlsx => write_xlsx(path, &sheets),
            ExportFormat::Svg => write_svg(path, &heat_map_svg(&done.heat_map())),
        }
    }
}

/// What the colours and marks mean, above the grid.
fn legend(ui: &mut egui::Ui, role_marks: &[(String, String)]) {
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
        let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| format!("{} {}", kind_mark(*k), k.label().to_lowercase())).collect();
        ui.weak(format!("Kinds: {}", kinds.join(" · ")));
        let roles: Vec<String> = role_marks.iter().map(|(m, r)| format!("{m} {r}")).collect();
        ui.weak(format!("Roles: {}", roles.join(" · ")));
    });
}

/// The perspectives in use: the roles of participants and the authors of sources.
fn perspectives(data: &AnalysisData) -> BTreeSet<String> {
    data.participants.values().filter_map(|p| p.role.clone()).chain(data.sources.values().filter_map(|s| s.author.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_marks_are_short_and_distinct() {
        let roles = ["caregiver", "child", "social_worker", "supervisor", "social_welfare"].map(String::from);
        assert_eq!(role_marks(&roles), ["ca", "ch", "swo", "su", "swe"]);
        assert_eq!(role_marks(&["interviewer".into()]), ["in"]);
    }
}
