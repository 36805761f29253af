//! The Agreement tab: inter-coder agreement between the coders picked, per code (or source, or
//! case) and pooled, at the unit picked, with bootstrap intervals: a row per code, a column
//! per measure, each cell "value [low, high]". Numbers from `analysis::agreement`, as
//! `thicket agreement` prints them; the table exports as CSV, XLSX (the command's `--format
//! xlsx` sheet) and DOCX (a table for a methods section, with the notes on units and pooling).

use egui::{Key, Ui};

use super::background::Work;
use super::controls::{checklist, combo, current, ready, shown, status};
use super::filters::{FilterRow, Filters};
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, ExportFormat};
use thicket_core::analysis::agreement::{AgreementSpec, AgreementTable, BootstrapOptions, By, Estimate, Measure, UnitKind, project_agreement};
use thicket_core::analysis::{AnalysisData, AnalysisLoad};
use thicket_core::model::{CodeId, CoderId};
use thicket_core::error::{Error, Result};
use thicket_core::export::document::{Block, Document};
use thicket_core::export::svg::Chart;
use thicket_core::export::{Sheet, analysis_tables};

/// The agreement table in the Analysis menu; K for kappa.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Agreement,
    title: "Agreement",
    menu_label: "Inter-coder agreement",
    key: Key::K,
    stem: "agreement",
    drill_height: 160.0,
    open: || Box::new(AgreementView::default()),
};

/// The choices of the tab.
#[derive(Debug, Clone, PartialEq)]
struct Choices {
    coders: Vec<String>,
    /// Code paths; empty = every code.
    codes: Vec<String>,
    unit: UnitKind,
    all_units: bool,
    subcodes: bool,
    by: By,
    draws: usize,
}

impl Default for Choices {
    fn default() -> Self {
        Choices { coders: Vec::new(), codes: Vec::new(), unit: UnitKind::Paragraph, all_units: false, subcodes: false, by: By::Code, draws: 1000 }
    }
}

/// The Agreement view's state.
#[derive(Default)]
pub(super) struct AgreementView {
    choices: Choices,
    result: Option<Computed>,
    work: Work<RunKey, Done>,
    /// Names offered, from the last data loaded.
    coders: Vec<String>,
    codes: Vec<String>,
    filters: FilterRow,
    /// A code's row clicked in the last frame: its disagreements are asked for in the next
    /// frame's controls (where the view can send requests).
    clicked: Option<usize>,
}

type RunKey = (Choices, Filters, u64);
type Computed = super::controls::Computed<RunKey, Done>;

struct Done {
    table: AgreementTable,
    /// The measures shown, in column order.
    measures: Vec<Measure>,
    /// The code of each row (by code), and the coders compared: what a click on a code's name
    /// opens in the Reconciliation tab.
    row_codes: Vec<CodeId>,
    coders: Vec<CoderId>,
}

/// The measures any row of `t` has, in `Measure` order.
fn measures_of(t: &AgreementTable) -> Vec<Measure> {
    let mut out: Vec<Measure> = t.rows.iter().chain(std::iter::once(&t.overall)).flat_map(|r| r.estimates.iter().map(|e| e.measure)).collect();
    out.sort();
    out.dedup();
    out
}

/// "0.723 [0.535, 0.858]", "undefined", or "" where the row has no such measure: the exported
/// table's (English) text; the window shows `i18n::values::estimate`.
fn cell_text(e: Option<&Estimate>) -> String {
    let Some(e) = e else { return String::new() };
    match e.coefficient.value {
        None => "undefined".into(),
        Some(v) => match (e.ci.low, e.ci.high) {
            (Some(lo), Some(hi)) => format!("{v:.3} [{lo:.3}, {hi:.3}]"),
            _ => format!("{v:.3}"),
        },
    }
}

/// The hover text of a cell: the disagreements or agreements, the interval, or why undefined.
fn cell_tip(e: &Estimate) -> String {
    use crate::i18n::number;
    let mut lines = vec![crate::i18n::values::measure(e.measure).to_string()];
    match (&e.coefficient.why, &e.coefficient.undefined) {
        (Some(why), _) => lines.push(crate::i18n::values::undefined(why, e.measure)),
        (None, Some(text)) => lines.push(text.clone()),
        (None, None) => {}
    }
    if let (Some(o), Some(x)) = (e.coefficient.observed_disagreement, e.coefficient.expected_disagreement) {
        lines.push(t!("agreement-tip-disagreement", observed = number(o, 4), expected = number(x, 4)));
    }
    if let (Some(o), Some(x)) = (e.coefficient.observed_agreement, e.coefficient.expected_agreement) {
        lines.push(t!("agreement-tip-agreement", observed = number(o, 4), expected = number(x, 4)));
    }
    match (&e.ci.undefined, e.ci.low) {
        (Some(text), _) => {
            let why = e.ci.why.as_ref().map_or_else(|| text.clone(), |why| crate::i18n::values::undefined(why, e.measure));
            lines.push(t!("agreement-tip-no-interval", reason = why));
        }
        (None, Some(_)) => lines.push(t!("agreement-tip-interval", confidence = number(e.ci.confidence * 100.0, 0), defined = e.ci.defined_draws, draws = e.ci.draws)),
        _ => {}
    }
    lines.join("\n")
}

/// "Amara and Jonas", "Amara, Jonas and Priya" in the window's language.
pub(crate) fn names_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => t!("team-names", rest = rest.join(", "), last = last),
    }
}

impl AnalysisView for AgreementView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        let mut controls = Controls::default();
        if let Some(row) = self.clicked.take()
            && let Some(done) = current(&self.result)
            && let Some(code) = done.row_codes.get(row)
        {
            ctx.requests.push(super::Request::ShowDisagreements { codes: vec![*code], coders: done.coders.clone() });
        }
        let c = &mut self.choices;
        ui.horizontal_wrapped(|ui| {
            controls.stale_note |= checklist(ui, t!("agreement-compare-coders"), &mut c.coders, &self.coders);
            let codes = self.codes.clone();
            controls.stale_note |= super::controls::checklist_or_any(ui, t!("agreement-codes"), &mut c.codes, &codes);
            let units: Vec<(UnitKind, String)> = UnitKind::ALL.iter().map(|u| (*u, crate::i18n::values::unit(*u).to_string())).collect();
            controls.stale_note |= combo(ui, t!("agreement-unit"), &mut c.unit, &units);
            let bys = [(By::Code, t!("agreement-by-code").to_string()), (By::Source, t!("agreement-by-source").to_string()), (By::Case, t!("agreement-by-case").to_string())];
            controls.stale_note |= combo(ui, t!("agreement-rows-by"), &mut c.by, &bys);
            controls.stale_note |= ui.checkbox(&mut c.all_units, t!("agreement-all-units")).on_hover_text(t!("agreement-all-units.tooltip")).changed();
            controls.stale_note |= ui.checkbox(&mut c.subcodes, t!("agreement-subcodes")).on_hover_text(t!("agreement-subcodes.tooltip")).changed();
            let draws = [(0usize, t!("agreement-no-intervals").to_string()), (200, t!("agreement-resamples", n = 200)), (1000, t!("agreement-resamples", n = 1000))];
            controls.stale_note |= combo(ui, t!("agreement-intervals"), &mut c.draws, &draws);
            ui.separator();
            controls.export = menu(ui, ready(&self.result), ctx.pseudonymise);
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let key = (self.choices.clone(), self.filters.filters.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let choices = self.choices.clone();
        let (coders, codes, picked) = (&mut self.coders, &mut self.codes, &mut self.choices);
        let on_data = |data: &AnalysisData| {
            *coders = data.coders.values().map(|c| c.name.clone()).collect();
            coders.sort();
            *codes = data.code_paths();
            picked.coders.retain(|c| coders.contains(c));
            picked.codes.retain(|c| codes.contains(c));
            // First opened: the first two coders (the sample's Amara and Jonas).
            if picked.coders.is_empty() && coders.len() >= 2 {
                picked.coders = coders[..2].to_vec();
            }
        };
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, AnalysisLoad { speakers: true, texts: true }, on_data, Box::new(move |data, cancel| {
            let spec = spec_of(&data, &choices)?;
            let row_codes: Vec<CodeId> = if spec.by != By::Code {
                Vec::new()
            } else if spec.codes.is_empty() {
                data.codebook.walk().iter().map(|(_, c)| c.id).collect()
            } else {
                spec.codes.clone()
            };
            let coders = spec.coders.clone();
            let draws = choices.draws.max(1) as f32;
            let mut keep_going = |draw: usize| {
                cancel.set_progress(draw as f32 / draws);
                !cancel.is_cancelled()
            };
            let table = project_agreement(&data, &spec, &mut keep_going).map_err(|e| e.to_string())?.ok_or_else(|| t!("analysis-cancelled").to_string())?;
            let measures = measures_of(&table);
            Ok(Done { table, measures, row_codes, coders })
        })) else {
            return Refresh::Kept;
        };
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        if self.choices.coders.len() < 2 && self.result.is_none() {
            status(ui, t!("agreement-pick-two"), false);
        }
        let Some(done) = shown(ui, &self.result) else { return false };
        let t = &done.table;
        let unit = t.unit.map_or(t!("agreement-unit"), crate::i18n::values::unit);
        // Which units were counted follows the choice the table was computed for.
        let all_units = self.result.as_ref().is_some_and(|c| c.key.0.all_units);
        let counted = if all_units { t!("agreement-counted-all") } else { t!("agreement-counted-coded") };
        status(ui, &t!("agreement-header", names = names_list(&t.coders), unit = unit, counted = counted), false);
        if let Some(n) = note {
            status(ui, n, false);
        }
        true
    }

    fn show(&mut self, ui: &mut Ui, _selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let t = &done.table;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
                egui::Grid::new("agreement_table").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
                    let first = match t.by {
                        Some(By::Source) => t!("agreement-col-source"),
                        Some(By::Case) => t!("agreement-col-case"),
                        _ => t!("agreement-col-code"),
                    };
                    ui.strong(first);
                    ui.strong(t!("agreement-col-units"));
                    for m in &done.measures {
                        ui.strong(crate::i18n::values::measure(*m));
                    }
                    ui.end_row();
                    for (i, row) in t.rows.iter().chain(std::iter::once(&t.overall)).enumerate() {
                        if row.kind == thicket_core::analysis::agreement::RowKind::Overall {
                            ui.strong(t!("agreement-overall"));
                        } else if row.kind == thicket_core::analysis::agreement::RowKind::Code && i < done.row_codes.len() {
                            // A click on a code opens its disagreements between these coders.
                            let link = ui.link(&row.label).on_hover_text(t!("agreement-open-disagreements", code = &row.label, names = names_list(&t.coders)));
                            if link.clicked() {
                                self.clicked = Some(i);
                                ui.ctx().request_repaint();
                            }
                        } else {
                            ui.label(&row.label);
                        }
                        ui.label(crate::i18n::number(row.units, if row.units.fract() == 0.0 { 0 } else { 1 }));
                        for m in &done.measures {
                            let e = row.get(*m);
                            let r = ui.label(crate::i18n::values::estimate(e));
                            if let Some(e) = e {
                                r.on_hover_text(cell_tip(e));
                            }
                        }
                        ui.end_row();
                    }
                });
                ui.add_space(8.0);
                ui.weak(t!("agreement-pooled"));
                ui.weak(t!(
                    "agreement-bootstrap",
                    confidence = crate::i18n::number(t.bootstrap.confidence * 100.0, 0),
                    draws = t.bootstrap.draws,
                    seed = t.bootstrap.seed.to_string()
                ));
            });
        });
        None
    }

    fn sheets(&self) -> Result<Vec<Sheet>> {
        let done = current(&self.result).ok_or_else(|| Error::not_found("the agreement table has no result to export yet"))?;
        Ok(vec![analysis_tables::agreement_sheet(&done.table)])
    }

    /// The table for a methods section: values with intervals, and the notes on units, pooling
    /// and the bootstrap.
    fn document(&self) -> Result<Document> {
        let done = current(&self.result).ok_or_else(|| Error::not_found("the agreement table has no result to export yet"))?;
        let t = &done.table;
        let mut header = vec!["".to_string(), "Units".to_string()];
        header.extend(done.measures.iter().map(|m| m.label().to_string()));
        header[0] = match t.by {
            Some(By::Source) => "Source",
            Some(By::Case) => "Case",
            _ => "Code",
        }
        .into();
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .chain(std::iter::once(&t.overall))
            .map(|r| {
                let mut cells = vec![r.label.clone(), if r.units.fract() == 0.0 { format!("{}", r.units as u64) } else { format!("{:.1}", r.units) }];
                cells.extend(done.measures.iter().map(|m| cell_text(r.get(*m))));
                cells
            })
            .collect();
        let sheet = analysis_tables::agreement_sheet(t);
        let notes: Vec<String> = sheet.note.unwrap_or_default().lines().map(str::to_string).collect();
        Ok(Document {
            title: "Inter-coder agreement".into(),
            subtitle: format!("{} · unit: {}", t.coders.join(", "), t.unit.map(|u| u.name()).unwrap_or("")),
            contents: false,
            blocks: vec![Block::Table { header, rows: rows.clone(), colours: vec![None; rows.len()] }, Block::List { items: notes }],
        })
    }

    fn chart(&self) -> Result<Chart> {
        Err(Error::invalid("the agreement table has no chart: export it as a table (CSV, XLSX) or a report (DOCX)"))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
    }

    fn as_agreement(&mut self) -> Option<&mut AgreementView> {
        Some(self)
    }
}

impl AgreementView {
    /// Compares these coders (names), as the Team view's "Open the agreement table" asks.
    pub(super) fn compare(&mut self, coders: Vec<String>) {
        if coders.len() >= 2 {
            self.choices.coders = coders;
        }
    }
}

/// The core's spec from the tab's choices, names checked against the data.
fn spec_of(data: &AnalysisData, c: &Choices) -> std::result::Result<AgreementSpec, String> {
    if c.coders.len() < 2 {
        return Err(t!("agreement-pick-two").into());
    }
    let coders = c
        .coders
        .iter()
        .map(|n| data.coders.values().find(|x| x.name == *n).map(|x| x.id).ok_or_else(|| t!("agreement-no-coder", name = n)))
        .collect::<std::result::Result<Vec<_>, String>>()?;
    let codes = c.codes.iter().map(|p| data.code_at(p).map_err(|e| e.to_string())).collect::<std::result::Result<Vec<_>, String>>()?;
    Ok(AgreementSpec {
        coders,
        codes,
        subcodes: c.subcodes,
        unit: c.unit,
        all_units: c.all_units,
        by: c.by,
        measures: Vec::new(),
        bootstrap: BootstrapOptions { draws: c.draws, ..Default::default() },
    })
}

/// The Export menu: the table (CSV, XLSX) and a report (DOCX); no chart.
fn menu(ui: &mut Ui, ready: bool, pseudonymise: &mut bool) -> Option<ExportFormat> {
    let items = [
        (ExportFormat::Csv, t!("agreement-export-csv")),
        (ExportFormat::Xlsx, t!("agreement-export-xlsx")),
        (ExportFormat::Docx, t!("agreement-export-docx")),
    ];
    super::export_menu::formats_menu(ui, ready, &items, pseudonymise, |_| {})
}
