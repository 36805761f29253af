//! The sequence view: how often a coding of A is followed by a coding of B within a window
//! (turns, paragraphs, sessions, or anywhere later in the case), and how soon, per case and
//! overall; and the transition matrix over chosen codes. A click on a case lists its A → B
//! pairs; a click on the matrix lists the consecutive pairs behind the number. Numbers from
//! `analysis::sequence` and `analysis::transitions`, as `thicket sequence` prints them.

use std::sync::Arc;

use egui::Ui;

use super::controls::{checklist, combo, current, ready, shown, status};
use super::drill::{Behind, Segments};
use super::filters::{FilterRow, Filters};
use super::heat_table::{self, Fill, RowHead, TableCell, TableModel};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, export_menu};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Sequence, SequenceSpec, Transitions, Window, sequence, transition_pairs, transitions};
use thicket_core::error::{Error, Result};
use thicket_core::export::analysis_tables;
use thicket_core::export::charts::{sequence_texts, transition_text, transition_value, transitions_chart};
use thicket_core::export::svg::Chart;
use thicket_core::export::Sheet;

/// The window's unit, as the picker offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Turns,
    Paragraphs,
    Sessions,
    Case,
}

/// The sequence view in the Analysis menu; Q for sequence.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Sequences,
    title: "Sequences",
    menu_label: "Sequences (A followed by B)",
    key: egui::Key::Q,
    stem: "sequence",
    drill_height: 240.0,
    open: || Box::new(SequencesView::default()),
};

/// The per-case table and the transition matrix, as `Pick::table` numbers them.
const CASES: usize = 0;
const MATRIX: usize = 1;

/// The sequence view's state.
pub(super) struct SequencesView {
    from: String,
    to: String,
    unit: Unit,
    n: usize,
    subcodes: bool,
    /// Codes of the transition matrix (empty: A and B).
    matrix_codes: Vec<String>,
    probabilities: bool,
    result: Option<Computed>,
    work: Work<Key, Done>,
    /// Code paths, from the last data loaded.
    codes: Vec<String>,
    filters: FilterRow,
}

impl Default for SequencesView {
    fn default() -> Self {
        SequencesView {
            from: String::new(),
            to: String::new(),
            unit: Unit::Sessions,
            n: 1,
            subcodes: true,
            matrix_codes: Vec::new(),
            probabilities: false,
            result: None,
            work: Work::default(),
            codes: Vec::new(),
            filters: FilterRow::pairing(),
        }
    }
}

type Key = (String, String, Window, bool, Vec<String>, bool, Filters, u64);

type Computed = super::controls::Computed<Key, Done>;

struct Done {
    data: Arc<AnalysisData>,
    window: Window,
    subcodes: bool,
    across_coders: bool,
    seq: Sequence,
    tr: Transitions,
    cases_model: TableModel,
    matrix_model: TableModel,
    probabilities: bool,
}

impl SequencesView {
    fn window(&self) -> Window {
        match self.unit {
            Unit::Turns => Window::Turns(self.n),
            Unit::Paragraphs => Window::Paragraphs(self.n),
            Unit::Sessions => Window::Sessions(self.n),
            Unit::Case => Window::Case,
        }
    }

    fn matrix_codes(&self) -> Vec<String> {
        if self.matrix_codes.is_empty() { vec![self.from.clone(), self.to.clone()] } else { self.matrix_codes.clone() }
    }

    fn key(&self, generation: u64) -> Key {
        (self.from.clone(), self.to.clone(), self.window(), self.subcodes, self.matrix_codes(), self.probabilities, self.filters.filters.clone(), generation)
    }
}

impl AnalysisView for SequencesView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        let choices: Vec<(String, String)> = self.codes.iter().map(|c| (c.clone(), c.clone())).collect();
        ui.horizontal_wrapped(|ui| {
            combo(ui, t!("sequences-from"), &mut self.from, &choices);
            combo(ui, t!("sequences-to"), &mut self.to, &choices);
            let units = [
                (Unit::Turns, t!("sequences-within-turns").to_string()),
                (Unit::Paragraphs, t!("sequences-within-paragraphs").to_string()),
                (Unit::Sessions, t!("sequences-within-sessions").to_string()),
                (Unit::Case, t!("sequences-later-in-case").to_string()),
            ];
            combo(ui, t!("sequences-window"), &mut self.unit, &units);
            if self.unit != Unit::Case {
                let l = ui.label(if self.unit == Unit::Sessions { "K" } else { "N" });
                ui.add(egui::DragValue::new(&mut self.n).range(0..=10_000)).labelled_by(l.id);
            }
            ui.checkbox(&mut self.subcodes, t!("retrieval-include-subcodes"));
        });
        ui.horizontal_wrapped(|ui| {
            let mut chosen = self.matrix_codes();
            if checklist(ui, t!("sequences-matrix-codes"), &mut chosen, &self.codes) {
                self.matrix_codes = chosen;
            }
            combo(ui, t!("sequences-matrix-shows"), &mut self.probabilities, &[(false, t!("excerpts-counts").to_string()), (true, t!("sequences-probabilities").to_string())]);
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result), ctx.chart_size, ctx.pseudonymise);
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        // The codebook (for the pickers and defaults) comes with the cheapest load.
        if self.codes.is_empty() || self.result.as_ref().is_none_or(|c| c.key.7 != ctx.generation) {
            match ctx.data_now(AnalysisLoad::default()) {
                None => return Refresh::Kept,
                Some(Ok(data)) => self.codes = data.code_paths(),
                Some(Err(e)) => {
                    self.result = Some(Computed { key: self.key(ctx.generation), outcome: Err(e) });
                    return Refresh::Replaced;
                }
            }
            // Start with the first two top-level codes, and forget codes that are gone.
            let top: Vec<&String> = self.codes.iter().filter(|c| !c.contains('/')).collect();
            if !self.codes.contains(&self.from) {
                self.from = top.first().map_or_else(String::new, |c| c.to_string());
            }
            if !self.codes.contains(&self.to) {
                self.to = top.get(1).or(top.first()).map_or_else(String::new, |c| c.to_string());
            }
            let codes = self.codes.clone();
            self.matrix_codes.retain(|c| codes.contains(c));
        }
        let window = self.window();
        let key = self.key(ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        if self.from.is_empty() || self.to.is_empty() {
            self.result = Some(Computed { key, outcome: Err(t!("sequences-no-codes").into()) });
            return Refresh::Replaced;
        }
        let need = AnalysisLoad { speakers: matches!(window, Window::Turns(_)), texts: matches!(window, Window::Paragraphs(_)) };
        let across_coders = self.filters.filters.across_coders;
        let spec = SequenceSpec { from: self.from.clone(), to: self.to.clone(), window, subcodes: self.subcodes, across_coders };
        let (codes, subcodes, probabilities) = (self.matrix_codes(), self.subcodes, self.probabilities);
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, need, |_| {}, Box::new(move |data, _| {
            let seq = sequence(&data, &spec).map_err(|e| e.to_string())?;
            let tr = transitions(&data, &codes, window, subcodes, across_coders).map_err(|e| e.to_string())?;
            Ok(Done::new(data, window, subcodes, across_coders, seq, tr, probabilities))
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        let line = t!("sequences-status", from = done.seq.from.as_str(), to = done.seq.to.as_str(), window = done.seq.window.to_string(), unit = done.seq.unit.to_string());
        status(ui, note.unwrap_or(&line), false);
        true
    }

    fn show(&mut self, ui: &mut Ui, selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let mut clicked = None;
        egui::CentralPanel::default().show(ui, |ui| {
            let cases_h = ((done.cases_model.rows.len() + 2) as f32 * 24.0 + 12.0).min(ui.available_height() * 0.45);
            let width = ui.available_width();
            ui.allocate_ui(egui::vec2(width, cases_h), |ui| {
                if let Some(cell) = heat_table::show(ui, "sequence_cases", &done.cases_model, Pick::cell_in(selected, CASES)) {
                    clicked = Some(Pick { table: CASES, cell });
                }
            });
            ui.add_space(6.0);
            ui.strong(t!("sequences-transitions", window = done.tr.window.to_string()));
            if let Some(cell) = heat_table::show(ui, "sequence_matrix", &done.matrix_model, Pick::cell_in(selected, MATRIX)) {
                clicked = Some(Pick { table: MATRIX, cell });
            }
        });
        clicked
    }

    /// A case (or the overall row): its A → B pairs; a matrix cell: the consecutive pairs.
    fn drill(&self, pick: Pick) -> Result<Option<Behind>> {
        let Some(done) = current(&self.result) else { return Ok(None) };
        let data = Arc::clone(&done.data);
        match (pick.table, pick.cell) {
            (CASES, (Some(r), _)) => {
                let pairs: Vec<_> = match done.seq.cases.get(r) {
                    Some(case) => case.follows.iter().map(|f| (f.from, f.to)).collect(),
                    // The overall row: every pair once, as it counts them.
                    None => done.seq.overall_follows.iter().map(|f| (f.from, f.to)).collect(),
                };
                let title = t!("sequences-drill-title", from = done.seq.from.as_str(), to = done.seq.to.as_str(), case = done.cases_model.rows[r].label.as_str());
                Ok(Some(Behind { title, data, segments: Segments::Pairs { pairs, first: "A".into(), second: "B".into() } }))
            }
            (MATRIX, (Some(i), Some(j))) => {
                let pairs = transition_pairs(&done.data, &done.tr.codes, done.window, done.subcodes, done.across_coders, i, j)?;
                let title = t!("sequences-then", from = done.tr.codes[i].as_str(), to = done.tr.codes[j].as_str());
                let short = |k: usize| done.tr.codes[k].rsplit('/').next().unwrap_or_default().to_string();
                Ok(Some(Behind { title, data, segments: Segments::Pairs { pairs, first: short(i), second: short(j) } }))
            }
            _ => Ok(None),
        }
    }

    /// The per-case table first (CSV writes it), then the others (XLSX holds all).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the sequence view has no result to export yet"));
        };
        let sheets = analysis_tables::sequence_sheets(Some(&done.seq), &done.tr);
        Ok(sheets)
    }

    fn chart(&self) -> Result<Chart> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found("the sequence view has no chart to export yet"));
        };
        Ok(Chart::Heat(transitions_chart(&done.tr, Some(&done.seq), done.probabilities)))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
    }
}

impl Done {
    fn new(data: Arc<AnalysisData>, window: Window, subcodes: bool, across_coders: bool, seq: Sequence, tr: Transitions, probabilities: bool) -> Self {
        let cols = ["A codings", "followed", "share", "mean lag", "lags"].map(String::from).to_vec();
        let counts = seq.cases.iter().map(|c| (c.case.as_str(), &c.counts)).chain([("overall", &seq.overall)]);
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        for (name, c) in counts {
            rows.push(RowHead::plain(name));
            let plain = |text: String| TableCell { text, fill: Fill::None, tip: None };
            let [from_codings, followed, share, mean_lag, lags] = sequence_texts(c);
            cells.push(vec![plain(from_codings), TableCell::heat(followed, c.followed as f64), plain(share), plain(mean_lag), plain(lags)]);
        }
        let mut cases_model = TableModel::new("case", rows, cols, cells);
        // The overall row is a sum: it would flatten the colours of the cases.
        if let Some(last) = cases_model.cells.last_mut() {
            last[1].fill = Fill::None;
        }
        cases_model.heat_max = seq.cases.iter().map(|c| c.counts.followed as f64).fold(0.0, f64::max);
        let n = tr.codes.len();
        let matrix_cells = (0..n)
            .map(|i| (0..n).map(|j| TableCell::heat(transition_text(&tr, i, j, probabilities), transition_value(&tr, i, j, probabilities))).collect())
            .collect();
        let matrix_model = TableModel::new("from \\ to", tr.codes.iter().map(|c| RowHead::code(c)).collect(), tr.codes.clone(), matrix_cells)
            .with_row_totals("total", tr.row_totals.iter().map(u64::to_string).collect());
        Done { data, window, subcodes, across_coders, seq, tr, cases_model, matrix_model, probabilities }
    }
}
