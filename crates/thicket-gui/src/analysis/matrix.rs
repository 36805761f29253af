//! The matrix view: codes (rows) × cases, roles, source kinds, coders, participants, periods or
//! an attribute (columns), counting segments, sources, cases, words or coverage, with totals and
//! heat-map colouring; a click on any number lists the segments it counts.
//!
//! The numbers are `analysis::crosstab_with`'s, the same as `thicket crosstab`'s, and the CSV
//! export is byte for byte what `thicket crosstab --format csv` prints for the same choices
//! (with every row shown).

use std::sync::Arc;

use egui::{Key, Ui};

use super::controls::{combo, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Crosstab, CrosstabSpec, Dimension, Measure, Period, cell_codings, crosstab_with};
use thicket_core::error::{Error, Result};
use thicket_core::export::charts::{crosstab_chart, crosstab_texts};
use thicket_core::export::svg::Chart;
use thicket_core::export::{Sheet, analysis_tables};

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
        (Dimension::Cases, t!("matrix-dim-cases").to_string()),
        (Dimension::Roles, t!("matrix-dim-roles").to_string()),
        (Dimension::Kinds, t!("matrix-dim-kinds").to_string()),
        (Dimension::Coders, t!("matrix-dim-coders").to_string()),
        (Dimension::Participants, t!("matrix-dim-participants").to_string()),
        (Dimension::Period(Period::Month), t!("matrix-dim-months").to_string()),
        (Dimension::Period(Period::Quarter), t!("matrix-dim-quarters").to_string()),
        (Dimension::Period(Period::Session), t!("matrix-dim-sessions").to_string()),
    ];
    out.extend(attributes.iter().cloned());
    out
}

fn measure_choices() -> Vec<(Measure, String)> {
    vec![
        (Measure::Segments, t!("matrix-measure-segments").to_string()),
        (Measure::Sources, t!("matrix-measure-sources").to_string()),
        (Measure::Cases, t!("matrix-measure-cases").to_string()),
        (Measure::Words, t!("matrix-measure-words").to_string()),
        (Measure::Coverage, t!("matrix-measure-coverage").to_string()),
    ]
}

/// Attribute columns: `attr:NAME`, or `attr:TARGET:NAME` when two targets share a name.
fn attribute_choices(data: &AnalysisData) -> Vec<(Dimension, String)> {
    data.attributes
        .iter()
        .map(|a| {
            let shared = data.attributes.iter().filter(|b| b.name == a.name).count() > 1;
            if shared {
                (Dimension::Attribute(format!("{}:{}", a.applies_to, a.name)), t!("matrix-dim-attribute-of", name = a.name.as_str(), target = a.applies_to.to_string()))
            } else {
                (Dimension::Attribute(a.name.clone()), t!("matrix-dim-attribute", name = a.name.as_str()))
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

impl Done {
    fn new(data: Arc<AnalysisData>, table: Crosstab, hide_empty: bool) -> Self {
        let shown: Vec<usize> = (0..table.rows.len()).filter(|&r| !hide_empty || table.row_totals[r] > 0).collect();
        let rows = shown.iter().map(|&r| RowHead::code(&table.rows[r])).collect();
        let texts = crosstab_texts(&table, &shown);
        let cells = texts
            .cells
            .into_iter()
            .zip(&shown)
            .map(|(row, &r)| row.into_iter().enumerate().map(|(k, text)| TableCell::heat(text, table.value(r, k))).collect())
            .collect();
        let model = TableModel::new("code", rows, table.cols.clone(), cells).with_totals(
            texts.row_totals.unwrap_or_default(),
            texts.col_totals.unwrap_or_default(),
            texts.total.unwrap_or_default(),
        );
        Done { data, table, shown, model }
    }
}

impl AnalysisView for MatrixView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            let choices = dimension_choices(&self.attributes);
            // Other columns make another table, which the note of an export no longer describes.
            controls.stale_note = combo(ui, t!("matrix-columns"), &mut self.spec.dimension, &choices);
            combo(ui, t!("matrix-measure"), &mut self.spec.measure, &measure_choices());
            ui.checkbox(&mut self.spec.rollup, t!("matrix-rollup")).on_hover_text(t!("matrix-rollup.tooltip"));
            ui.checkbox(&mut self.hide_empty, t!("matrix-hide-empty"));
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result), ctx.chart_size, ctx.pseudonymise);
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
        let line = t!(
            "matrix-status",
            codes = done.shown.len(),
            columns = done.table.cols.len(),
            measure = done.table.measure.to_string(),
            coverage = if done.table.coverage.is_some() { "yes" } else { "no" }
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

    /// The current table (CSV and XLSX write it).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the matrix has no result to export yet"));
        };
        let sheet = analysis_tables::crosstab_sheet_rows(&done.table, &done.shown);
        Ok(vec![sheet])
    }

    fn chart(&self) -> Result<Chart> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the matrix has no chart to export yet"));
        };
        Ok(Chart::Heat(crosstab_chart(&done.table, &done.shown)))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
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
