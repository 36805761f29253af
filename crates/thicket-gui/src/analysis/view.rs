//! One shape for every analysis view: the `AnalysisView` trait each view implements, what the
//! menu knows of a kind of view before one is open (`ViewInfo`), and `Tab`, which draws any view
//! in the same frame.
//!
//! A view owns its choices, its result and how it draws them, and says what a click on one of its
//! numbers means. Everything the views used to repeat lives in `Tab`: the order of a frame
//! (controls, compute, export, header, drill-down list, result), the highlighted cell, the
//! drill-down panel under the result, and the "Saved …" note after an export. So a new view is
//! a new module with a `ViewInfo` and an `impl AnalysisView`, listed once in `mod.rs`'s `VIEWS`.

use std::path::Path;

use egui::{Key, Ui};

use super::drill::{Behind, DrillDown};
use super::heat_table::CellRef;
use super::filters::Filters;
use super::{AnalysisKind, Ctx, ExportFormat, Request};
use thicket_core::export::document::{Document, to_docx, to_html, to_markdown};
use thicket_core::export::{Pseudonymise, Sheet, write_csv, write_file, write_xlsx};
use thicket_core::text::PseudonymMap;
use thicket_core::export::svg::{Chart, ChartSize};
use thicket_core::error::Result;

/// A kind of view as the Analysis menu, the shortcuts and the tab strip know it.
pub(super) struct ViewInfo {
    pub kind: AnalysisKind,
    /// The tab's title in English; the window shows the catalogue's (`AnalysisKind::title`),
    /// which a test holds to this one.
    #[cfg_attr(not(test), allow(dead_code))]
    pub title: &'static str,
    /// The Analysis menu's item in English (`AnalysisKind::menu_label` in the window's language).
    #[cfg_attr(not(test), allow(dead_code))]
    pub menu_label: &'static str,
    /// The letter that opens it with Ctrl+Shift (Cmd+Shift on macOS).
    pub key: Key,
    /// The file name the Export dialog proposes, without its extension (`matrix`), and the
    /// start of the drill-down panel's id (`matrix_drill`), under which egui keeps its height.
    pub stem: &'static str,
    /// The drill-down panel's first height.
    pub drill_height: f32,
    /// A new view with its first choices.
    pub open: fn() -> Box<dyn AnalysisView>,
}

/// A clicked number: which of the view's tables (0 for the first) and which cell of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pick {
    pub table: usize,
    pub cell: CellRef,
}

impl Pick {
    /// The cell of `selected` if it is in table `table`, to highlight there.
    pub fn cell_in(selected: Option<Pick>, table: usize) -> Option<CellRef> {
        selected.filter(|p| p.table == table).map(|p| p.cell)
    }
}

/// What the user did in a view's controls that the frame acts on.
#[derive(Default)]
pub(super) struct Controls {
    /// The format chosen in the Export menu (the path is asked next, by the app).
    pub export: Option<ExportFormat>,
    /// The choices changed so much that the last "Saved …" note no longer describes the view.
    pub stale_note: bool,
}

/// What `compute` did to the result on screen, and so to the highlighted cell and its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refresh {
    /// Nothing: the result is current.
    Kept,
    /// The same numbers in other rows: the highlight goes, the list stays.
    Moved,
    /// A new result: the highlight and the list go.
    Replaced,
}

/// What every analysis view does; `Tab` does the rest.
pub(super) trait AnalysisView {
    /// Its kind, names and panel id.
    fn info(&self) -> &'static ViewInfo;

    /// Draws the choices above the result, the Export menu (`export_menu::menu`) among them.
    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls;

    /// Computes the result when the choices or the project changed since the last one.
    fn compute(&mut self, ctx: &mut Ctx) -> Refresh;

    /// Draws the lines between the controls and the result (status, legend), `note` standing in
    /// for the status where the view has one. Returns false when there is no result to show,
    /// having said why.
    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool;

    /// Draws the result in the rest of `ui`, `selected` highlighted; returns the number clicked.
    fn show(&mut self, ui: &mut Ui, selected: Option<Pick>) -> Option<Pick>;

    /// The segments behind a clicked number, or `None` where a click means nothing.
    fn drill(&self, _pick: Pick) -> Result<Option<Behind>> {
        Ok(None)
    }

    /// The view's tables: the main one first (CSV writes it), all of them for XLSX.
    fn sheets(&self) -> Result<Vec<Sheet>>;

    /// The view as a report (Markdown, HTML, DOCX), for views read as a document (the framework
    /// matrix); the others have none.
    fn document(&self) -> Result<Document> {
        Err(thicket_core::Error::invalid("this view exports a table (CSV, XLSX) or a chart (SVG, PNG), not a report"))
    }

    /// The chart of what the view shows, for SVG and PNG (the tab adds the caption and size).
    fn chart(&self) -> Result<Chart>;

    /// The filters the result was computed with, for the chart's caption.
    fn filters(&self) -> Option<&Filters> {
        None
    }

    /// The view as the Reconciliation view, for `AnalysisArea::show_disagreements`; `None` for
    /// every other view.
    fn as_reconcile(&mut self) -> Option<&mut super::reconcile::ReconcileView> {
        None
    }

    /// The view as the Agreement view, for `AnalysisArea::show_agreement`; `None` for every
    /// other view.
    fn as_agreement(&mut self) -> Option<&mut super::agreement::AgreementView> {
        None
    }

    /// Changes the view holds but has not sent yet (text being typed), handed over now and
    /// counted as sent: the app applies them before an undo, so that undo takes them back.
    fn unsaved(&mut self) -> Vec<Request> {
        Vec::new()
    }
}

/// An open view, with what the frame keeps for it.
pub(super) struct Tab {
    view: Box<dyn AnalysisView>,
    selected: Option<Pick>,
    drill: Option<DrillDown>,
    /// "Saved …" after an export.
    note: Option<String>,
    /// The view was waiting for its data or its result in the last frame it was drawn.
    waiting: bool,
}

impl Tab {
    pub fn new(kind: AnalysisKind) -> Self {
        Tab { view: (kind.info().open)(), selected: None, drill: None, note: None, waiting: false }
    }

    /// Whether the view was waiting for its data or result when last drawn.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    pub fn kind(&self) -> AnalysisKind {
        self.view.info().kind
    }

    /// Writes the view's tables, its report, or its chart at `size` with the filters in its
    /// caption; through the pseudonym `map` when one is given, so every format leaves the
    /// project alike.
    pub fn export(&self, format: ExportFormat, path: &Path, size: ChartSize, map: Option<&PseudonymMap>) -> Result<()> {
        let through = |x: &mut dyn Pseudonymise| {
            if let Some(map) = map {
                x.pseudonymise(map);
            }
        };
        match format {
            ExportFormat::Csv | ExportFormat::Xlsx => {
                let mut sheets = self.view.sheets()?;
                through(&mut sheets);
                if format == ExportFormat::Csv { write_csv(path, &sheets) } else { write_xlsx(path, &sheets) }
            }
            ExportFormat::Markdown | ExportFormat::Html | ExportFormat::Docx => {
                let mut doc = self.view.document()?;
                through(&mut doc);
                let bytes = match format {
                    ExportFormat::Markdown => to_markdown(&doc).into_bytes(),
                    ExportFormat::Html => to_html(&doc).into_bytes(),
                    _ => to_docx(&doc)?,
                };
                write_file(path, &bytes)
            }
            ExportFormat::Svg | ExportFormat::Png => {
                let mut chart = self.view.chart()?;
                if let Some(filters) = self.view.filters() {
                    chart.caption_mut().push(filters.describe());
                }
                through(&mut chart);
                chart.write(path, size, format == ExportFormat::Png)
            }
        }
    }

    /// See `AnalysisView::as_reconcile`.
    pub fn as_reconcile(&mut self) -> Option<&mut super::reconcile::ReconcileView> {
        self.view.as_reconcile()
    }

    /// See `AnalysisView::as_agreement`.
    pub fn as_agreement(&mut self) -> Option<&mut super::agreement::AgreementView> {
        self.view.as_agreement()
    }

    /// See `AnalysisView::unsaved`.
    pub fn unsaved(&mut self) -> Vec<Request> {
        self.view.unsaved()
    }

    /// Exports and, when that worked, notes "Saved …" in place of the view's status.
    pub fn export_noted(&mut self, format: ExportFormat, path: &Path, size: ChartSize, map: Option<&PseudonymMap>) -> Result<()> {
        self.export(format, path, size, map)?;
        self.note = Some(t!("analysis-saved", path = path.display().to_string()));
        Ok(())
    }

    /// Draws the view and its drill-down list, and acts on the user's export and clicks.
    pub fn show(&mut self, ui: &mut Ui, ctx: &mut Ctx) {
        let controls = self.view.controls(ui, ctx);
        if controls.stale_note {
            self.note = None;
        }
        match self.view.compute(ctx) {
            Refresh::Kept => {}
            Refresh::Moved => self.selected = None,
            Refresh::Replaced => {
                self.selected = None;
                self.drill = None;
            }
        }
        if let Some(format) = controls.export {
            ctx.requests.push(Request::Export(format));
        }
        self.waiting = ctx.busy.is_some();
        if let Some(busy) = ctx.busy.take() {
            // No result of other choices or of an older project is shown meanwhile.
            busy_line(ui, &busy);
            return;
        }
        if !self.view.header(ui, self.note.as_deref()) {
            return;
        }
        // A bottom panel goes before the central one that the result fills.
        self.drill_panel(ui, ctx);
        if let Some(pick) = self.view.show(ui, self.selected) {
            self.open_drill(pick, ctx);
        }
    }

    /// The list under the result, while one is open; its Close button lets the cell go too.
    fn drill_panel(&mut self, ui: &mut Ui, ctx: &mut Ctx) {
        let Some(drill) = &mut self.drill else { return };
        let info = self.view.info();
        let mut open = true;
        egui::Panel::bottom(format!("{}_drill", info.stem)).resizable(true).default_size(info.drill_height).show(ui, |ui| open = drill.show(ui, ctx));
        if !open {
            self.drill = None;
            self.selected = None;
        }
    }

    fn open_drill(&mut self, pick: Pick, ctx: &mut Ctx) {
        match self.view.drill(pick) {
            Ok(Some(behind)) => {
                self.drill = Some(DrillDown::new(behind));
                self.selected = Some(pick);
            }
            Ok(None) => {}
            Err(e) => ctx.requests.push(Request::Error(e.to_string())),
        }
    }
}

/// "Computing… 40 %" with a progress bar and a Cancel button, in place of a view's result.
fn busy_line(ui: &mut Ui, busy: &super::background::Busy) {
    ui.horizontal(|ui| {
        ui.label(busy.what);
        ui.add(egui::ProgressBar::new(busy.progress).desired_width(160.0).show_percentage());
        if ui.button(t!("app-cancel")).clicked() {
            busy.cancel.cancel();
        }
    });
    // The rows are read a piece per frame, so the next frame must come; a worker asks for
    // one itself when it ends, and meanwhile the bar moves a few times a second.
    if busy.next_frame {
        ui.ctx().request_repaint();
    } else {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
    }
}
