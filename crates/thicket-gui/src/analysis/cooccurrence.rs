//! The co-occurrence heat map: code × code, counting pairs of codings that overlap, share a
//! paragraph or a turn, or lie within N characters, or their Jaccard coefficients. The
//! diagonal (each code's own codings) is set apart. A click lists the co-occurring pairs.
//! Numbers from `analysis::cooccurrence_with`, as `thicket cooccur` prints them.

use std::sync::Arc;

use egui::{Key, Ui};

use super::controls::{combo, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, Fill, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Cooccurrence, CrosstabSpec, Dimension, Measure, Proximity, cell_codings, cooccurrence_with, cooccurring_pairs};
use thicket_core::error::{Error, Result};
use thicket_core::export::charts::{cooccurrence_chart, cooccurrence_text, cooccurrence_value};
use thicket_core::export::svg::Chart;
use thicket_core::export::{Sheet, analysis_tables};

/// How co-occurrence is decided, as the Mode picker offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Mode {
    Overlap,
    Paragraph,
    Turn,
    Within,
}

/// The co-occurrence heat map in the Analysis menu; O for co-occurrence.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Cooccurrence,
    title: "Co-occurrence",
    menu_label: "Co-occurrence heat map",
    key: Key::O,
    stem: "cooccurrence",
    drill_height: 230.0,
    open: || Box::new(CooccurrenceView::default()),
};

/// The co-occurrence view's state.
pub(super) struct CooccurrenceView {
    mode: Mode,
    /// N for "within N characters".
    within: usize,
    jaccard: bool,
    hide_unused: bool,
    result: Option<Computed>,
    filters: FilterRow,
    work: Work<RunKey, Done>,
}

impl Default for CooccurrenceView {
    fn default() -> Self {
        CooccurrenceView { mode: Mode::Overlap, within: 200, jaccard: false, hide_unused: true, result: None, filters: FilterRow::pairing(), work: Work::default() }
    }
}

type RunKey = (Proximity, bool, bool, Filters, u64);
type Computed = super::controls::Computed<RunKey, Done>;

struct Done {
    data: Arc<AnalysisData>,
    proximity: Proximity,
    table: Cooccurrence,
    /// Rows (and columns) of `table` shown.
    shown: Vec<usize>,
    jaccard: bool,
    model: TableModel,
}

impl CooccurrenceView {
    fn proximity(&self) -> Proximity {
        match self.mode {
            Mode::Overlap => Proximity::Overlap,
            Mode::Paragraph => Proximity::Paragraph,
            Mode::Turn => Proximity::Turn,
            Mode::Within => Proximity::Within(self.within),
        }
    }
}

impl AnalysisView for CooccurrenceView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            let modes = [
                (Mode::Overlap, t!("cooccurrence-mode-overlap").to_string()),
                (Mode::Paragraph, t!("cooccurrence-mode-paragraph").to_string()),
                (Mode::Turn, t!("cooccurrence-mode-turn").to_string()),
                (Mode::Within, t!("cooccurrence-mode-within").to_string()),
            ];
            combo(ui, t!("cooccurrence-when"), &mut self.mode, &modes);
            if self.mode == Mode::Within {
                let l = ui.label("N");
                ui.add(egui::DragValue::new(&mut self.within).range(0..=100_000).suffix(t!("cooccurrence-chars-suffix"))).labelled_by(l.id);
            }
            combo(ui, t!("cooccurrence-show"), &mut self.jaccard, &[(false, t!("cooccurrence-pair-counts").to_string()), (true, t!("cooccurrence-jaccard").to_string())]);
            ui.checkbox(&mut self.hide_unused, t!("cooccurrence-hide-unused"));
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result), ctx.chart_size, ctx.pseudonymise);
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let proximity = self.proximity();
        let key = (proximity, self.jaccard, self.hide_unused, self.filters.filters.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let need = AnalysisLoad { speakers: proximity == Proximity::Turn, texts: proximity == Proximity::Paragraph };
        let (jaccard, hide_unused, across_coders) = (self.jaccard, self.hide_unused, self.filters.filters.across_coders);
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, need, |_| {}, Box::new(move |data, _| {
            let table = cooccurrence_with(&data, proximity, across_coders).map_err(|e| e.to_string())?;
            Ok(Done::new(data, proximity, table, jaccard, hide_unused))
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        let line = t!("cooccurrence-status", codes = done.shown.len(), mode = done.table.mode.to_string(), across = if done.table.across_coders { "yes" } else { "no" });
        status(ui, note.unwrap_or(&line), false);
        true
    }

    fn show(&mut self, ui: &mut Ui, selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let mut clicked = None;
        egui::CentralPanel::default().show(ui, |ui| clicked = heat_table::show(ui, "cooccurrence_table", &done.model, Pick::cell_in(selected, 0)));
        clicked.map(|cell| Pick { table: 0, cell })
    }

    /// A cell off the diagonal: its co-occurring pairs; on it: the code's codings.
    fn drill(&self, pick: Pick) -> Result<Option<Behind>> {
        let (Some(done), (Some(r), Some(k))) = (current(&self.result), pick.cell) else { return Ok(None) };
        let (a, b) = (done.shown[r], done.shown[k]);
        let label = done.model.label_of(pick.cell);
        let title = label.rsplit_once(':').map_or(label.as_str(), |(t, _)| t).to_string();
        let segments = if a == b {
            let spec = CrosstabSpec { dimension: Dimension::Coders, measure: Measure::Segments, rollup: false };
            Segments::Codings(cell_codings(&done.data, &spec, Some(a), None)?)
        } else {
            let short = |i: usize| done.table.codes[i].rsplit('/').next().unwrap_or_default().to_string();
            Segments::Pairs { pairs: cooccurring_pairs(&done.data, done.proximity, done.table.across_coders, a, b)?, first: short(a), second: short(b) }
        };
        Ok(Some(Behind { title, data: Arc::clone(&done.data), segments }))
    }

    /// The shown grid first (CSV writes it), then the other (XLSX holds both).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the co-occurrence table has no result to export yet"));
        };
        let sheets = analysis_tables::cooccurrence_sheets(&done.table, &done.shown, done.jaccard);
        Ok(sheets)
    }

    fn chart(&self) -> Result<Chart> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the co-occurrence table has no chart to export yet"));
        };
        Ok(Chart::Heat(cooccurrence_chart(&done.table, &done.shown, done.jaccard)))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
    }
}

impl Done {
    fn new(data: Arc<AnalysisData>, proximity: Proximity, table: Cooccurrence, jaccard: bool, hide_unused: bool) -> Self {
        let shown: Vec<usize> = (0..table.codes.len()).filter(|&i| !hide_unused || table.counts[i][i] > 0).collect();
        let rows = shown.iter().map(|&i| RowHead::code(&table.codes[i])).collect();
        let cols = shown.iter().map(|&i| table.codes[i].clone()).collect();
        let cells = shown
            .iter()
            .map(|&a| {
                shown
                    .iter()
                    .map(|&b| {
                        let text = cooccurrence_text(&table, a, b, jaccard);
                        let fill = if a == b { Fill::Muted } else { Fill::Heat(cooccurrence_value(&table, a, b, jaccard)) };
                        let tip = (a == b).then(|| t!("cooccurrence-diagonal-tip", n = table.counts[a][a]));
                        TableCell { text, fill, tip }
                    })
                    .collect()
            })
            .collect();
        let model = TableModel::new("code", rows, cols, cells);
        Done { data, proximity, table, shown, jaccard, model }
    }
}
