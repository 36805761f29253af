//! The matrix view: codes (rows) × cases, roles, source kinds, coders, participants, periods or
//! an attribute (columns), counting segments, sources, cases, words or coverage, with totals and
//! heat-map colouring; a click on any number lists the segments it counts.
//!
//! The numbers are `analysis::crosstab_with`'s, the same as `thicket crosstab`'s, and the CSV
//! export is byte for byte what `thicket crosstab --format csv` prints for the same choices
//! (with every row shown).

use std::path::Path;
use std::sync::Arc;

use egui::{Key, Ui};

use super::controls::{combo, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, ExportFormat, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Crosstab, CrosstabSpec, Dimension, Measure, Period, cell_codings, crosstab_with};
use thicket_core::error::{Error, Result};
use thicket_core::export::svg::{HeatCell, HeatMap, Legend, heat_map_svg, write_svg};
use thicket_core::export::{analysis_tables, colour, write_csv, write_xlsx};

/// The matrix in the Analysis menu. The shortcut is X, for cross-tabulation: M is the memos.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Matrix,
    title: "Matrix",
    menu_label: "Matrix (codes × cases, roles, …)",
    key: Key::X,
    stem: "matrix",
    drill_height: 230.0,
    open: || Box::new(MatrixView::default()),
};

/// The matrix view's state.
pub(super) struct MatrixView {
    spec: CrosstabSpec,
    hide_empty: bool,
    result: Option<Computed>,
    work: Work<RunKey, Done>,
    /// `attr:NAME` choices, from the last data loaded.
    attributes: Vec<(Dimension, String)>,
    filters: FilterRow,
}

impl Default for MatrixView {
    fn default() -> Self {
        MatrixView { spec: CrosstabSpec { dimension: Dimension::Cases, measure: Measure::Segments, rollup: false }, hide_empty: false, result: None, work: Work::default(), attributes: Vec::new(), filters: FilterRow::default() }
    }
}

type RunKey = (CrosstabSpec, bool, Filters, u64);
type Computed = super::controls::Computed<RunKey, Done>;

struct Done {
    data: Arc<AnalysisData>,
    table: Crosstab,
    /// Rows of `table` that are shown (all, or the non-empty ones).
    shown: Vec<usize>,
    model: TableModel,
}

/// The columns a user can pick, with their labels.
fn dimension_choices(attributes: &[(Dimension, String)]) -> Vec<(Dimension, String)> {
    let mut out = vec![
        (Dimension::Cases, "Cases".to_string()),
        (Dimension::Roles, "Roles".to_string()),
        (Dimension::Kinds, "Source kinds".to_string()),
        (Dimension::Coders, "Coders".to_string()),
        (Dimension::Participants, "Participants".to_string()),
        (Dimension::Period(Period::Month), "Months".to_string()),
        (Dimension::Period(Period::Quarter), "Quarters".to_string()),
        (Dimension::Period(Period::Session), "Sessions (per case)".to_string()),
    ];
    out.extend(attributes.iter().cloned());
    out
}

fn measure_choices() -> Vec<(Measure, String)> {
    vec![
        (Measure::Segments, "Segments".to_string()),
        (Measure::Sources, "Sources (distinct)".to_string()),
        (Measure::Cases, "Cases (distinct)".to_string()),
        (Measure::Words, "Words".to_string()),
        (Measure::Coverage, "Coverage (% of characters)".to_string()),
    ]
}

/// Attribute columns: `attr:NAME`, or `attr:TARGET:NAME` when two targets share a name.
fn attribute_choices(data: &AnalysisData) -> Vec<(Dimension, String)> {
    data.attributes
        .iter()
        .map(|a| {
            let shared = data.attributes.iter().filter(|b| b.name == a.name).count() > 1;
            if shared {
                (Dimension::Attribute(format!("{}:{}", a.applies_to, a.name)), format!("Attribute: {} ({})", a.name, a.applies_to))
            } else {
                (Dimension::Attribute(a.name.clone()), format!("Attribute: {}", a.name))
            }
        })
        .collect()
}

/// What the columns need loaded.
fn load_for(spec: &CrosstabSpec) -> AnalysisLoad {
    AnalysisLoad {
        speakers: matches!(spec.dimension, Dimension::Roles | Dimension::Participants | Dimension::Attribute(_)),
        texts: spec.measure == Measure::Words,
    }
}

/// A cell's number as shown: coverage as a percentage with one decimal, counts as integers.
fn shown_value(count: u64, pct: Option<f64>) -> String {
    match pct {
        Some(p) => format!("{p:.1}%"),
        None => count.to_string(),
    }
}

impl Done {
    fn new(data: Arc<AnalysisData>, table: Crosstab, hide_empty: bool) -> Self {
        let shown: Vec<usize> = (0..table.rows.len()).filter(|&r| !hide_empty || table.row_totals[r] > 0).collect();
        let cov = table.coverage.as_ref();
        let rows = shown.iter().map(|&r| RowHead::code(&table.rows[r])).collect();
        let cells = shown
            .iter()
            .map(|&r| (0..table.cols.len()).map(|k| TableCell::heat(shown_value(table.cells[r][k], cov.map(|c| c.cells[r][k])), table.value(r, k))).collect())
            .collect();
        let row_totals = shown.iter().map(|&r| shown_value(table.row_totals[r], cov.map(|c| c.row_totals[r]))).collect();
        let col_totals = (0..table.cols.len()).map(|k| shown_value(table.col_totals[k], cov.map(|c| c.col_totals[k]))).collect();
        let total = shown_value(table.total, cov.map(|c| c.total));
        let model = TableModel::new("code", rows, table.cols.clone(), cells).with_totals(row_totals, col_totals, total);
        Done { data, table, shown, model }
    }

    /// The chart as the SVG export draws it.
    fn heat_map(&self) -> HeatMap {
        let values: Vec<Vec<f64>> = self.shown.iter().map(|&r| (0..self.table.cols.len()).map(|k| self.table.value(r, k)).collect()).collect();
        let max = values.iter().flatten().copied().fold(0.0, f64::max);
        HeatMap {
            title: format!("Codes × {}", dimension_title(&self.table.dimension)),
            subtitle: format!("measure: {}{}", self.table.measure, if self.table.rollup { " · sub-codes rolled up" } else { "" }),
            corner: "code".into(),
            rows: self.shown.iter().map(|&r| self.table.rows[r].clone()).collect(),
            cols: self.table.cols.clone(),
            cells: self
                .model
                .cells
                .iter()
                .zip(&values)
                .map(|(row, vals)| row.iter().zip(vals).map(|(c, v)| HeatCell { text: c.text.clone(), fill: colour::heat(*v, max, false) }).collect())
                .collect(),
            row_totals: self.model.row_totals.clone(),
            totals_label: "total".into(),
            col_totals: self.model.col_totals.clone(),
            total: self.model.total.clone(),
            legend: Legend::Scale {
                label: self.table.measure.clone(),
                max,
                max_text: if self.table.coverage.is_some() { format!("{max:.1}%") } else { format!("{max}") },
            },
        }
    }
}

/// "cases", "roles", "period:month" → words for a title.
fn dimension_title(name: &str) -> String {
    match name {
        "kinds" => "source kinds".into(),
        "period:month" => "months".into(),
        "period:quarter" => "quarters".into(),
        "period:session" => "sessions".into(),
        other => other.strip_prefix("attr:").map_or(other.to_string(), |a| format!("attribute {a}")),
    }
}

impl AnalysisView for MatrixView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, _ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            let choices = dimension_choices(&self.attributes);
            // Other columns make another table, which the note of an export no longer describes.
            controls.stale_note = combo(ui, "Columns", &mut self.spec.dimension, &choices);
            combo(ui, "Measure", &mut self.spec.measure, &measure_choices());
            ui.checkbox(&mut self.spec.rollup, "Roll up sub-codes").on_hover_text("Count each code with all its sub-codes");
            ui.checkbox(&mut self.hide_empty, "Hide empty rows");
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result));
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let key = (self.spec.clone(), self.hide_empty, self.filters.filters.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        // Showing or hiding empty rows keeps the list of segments open (its cell is the same)
        // but moves the rows, so the highlighted cell is let go either way.
        let same_table = self.result.as_ref().is_some_and(|c| c.key.0 == key.0 && c.key.2 == key.2 && c.key.3 == key.3);
        let (spec, hide_empty) = (self.spec.clone(), self.hide_empty);
        let attributes = &mut self.attributes;
        let on_data = |data: &AnalysisData| *attributes = attribute_choices(data);
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, load_for(&spec), on_data, Box::new(move |data, _| {
            let table = crosstab_with(&data, &spec).map_err(|e| e.to_string())?;
            Ok(Done::new(data, table, hide_empty))
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        if same_table { Refresh::Moved } else { Refresh::Replaced }
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        let line = format!(
            "{} codes × {} columns · {}{} · click a number for its segments",
            done.shown.len(),
            done.table.cols.len(),
            done.table.measure,
            if done.table.coverage.is_some() { " (percent of each column's characters)" } else { "" }
        );
        status(ui, note.unwrap_or(&line), false);
        true
    }

    fn show(&mut self, ui: &mut Ui, selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let mut clicked = None;
        egui::CentralPanel::default().show(ui, |ui| clicked = heat_table::show(ui, "matrix_table", &done.model, Pick::cell_in(selected, 0)));
        clicked.map(|cell| Pick { table: 0, cell })
    }

    fn drill(&self, pick: Pick) -> Result<Option<Behind>> {
        let Some(done) = current(&self.result) else { return Ok(None) };
        let (row, col) = pick.cell;
        let table_row = row.and_then(|r| done.shown.get(r).copied());
        let ids = cell_codings(&done.data, &self.spec, table_row, col)?;
        let label = done.model.label_of(pick.cell);
        let title = label.rsplit_once(':').map_or(label.as_str(), |(t, _)| t).to_string();
        let title = if self.spec.measure == Measure::Segments { title } else { format!("{title} (the cell counts {})", self.spec.measure.name()) };
        Ok(Some(Behind { title, data: Arc::clone(&done.data), segments: Segments::Codings(ids) }))
    }

    /// Writes the current table (CSV, XLSX) or heat map (SVG) to `path`.
    fn export(&self, format: ExportFormat, path: &Path) -> Result<()> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the matrix has no result to export yet"));
        };
        let sheet = analysis_tables::crosstab_sheet_rows(&done.table, &done.shown);
        match format {
            ExportFormat::Csv => write_csv(path, &[sheet]),
            ExportFormat::Xlsx => write_xlsx(path, &[sheet]),
            ExportFormat::Svg => write_svg(path, &heat_map_svg(&done.heat_map())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use thicket_core::model::{AttributeDef, AttributeId, AttributeTarget, AttributeType};

    #[test]
    fn attributes_are_offered_by_name_and_by_target_when_names_clash() {
        let attr = |id: i64, name: &str, target: AttributeTarget| AttributeDef {
            id: AttributeId(id), uuid: String::new(), name: name.into(), applies_to: target, value_type: AttributeType::Text, categories: Vec::new(),
        };
        let data = AnalysisData {
            attributes: vec![attr(1, "region", AttributeTarget::Case), attr(2, "region", AttributeTarget::Participant), attr(3, "age", AttributeTarget::Participant)],
            ..Default::default()
        };
        let choices = attribute_choices(&data);
        assert_eq!(
            choices,
            [
                (Dimension::Attribute("case:region".into()), "Attribute: region (case)".to_string()),
                (Dimension::Attribute("participant:region".into()), "Attribute: region (participant)".to_string()),
                (Dimension::Attribute("age".into()), "Attribute: age".to_string()),
            ]
        );
        // Each form is one that `crosstab_with` resolves to exactly one attribute.
        for (d, _) in &choices {
            let Dimension::Attribute(spec) = d else { unreachable!() };
            assert!(thicket_core::analysis::find_attribute(&data, spec).is_ok(), "{spec}");
        }
    }
}
