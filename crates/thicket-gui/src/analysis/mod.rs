//! The Analysis area: analysis views as tabs beside the document (DESIGN.md §7).
//!
//! In: the open `Project` (read only), the app's `generation` (bumped after every change), and
//! the user's choices in each view. Out: tables, heat maps and plots drawn from the pure
//! functions of `analysis/`; drill-down lists of the segments behind any number, whose clicks
//! become `UiCommand::ShowSpan` (and bring the Document tab forward); exports through
//! `export/`, whose `charts` builds each view's chart (and its cells' texts) as the command line
//! builds it, so both write the same SVG. Nothing is written to the project, except by the
//! Framework tab, whose summaries and matrices leave as requests that the app performs as
//! undoable actions.
//!
//! The project's rows are loaded once per generation (`DataCache`) and each view caches its
//! result under its parameters, so a frame only paints: at the reference scale (200,000
//! codings) an analysis runs when a choice changes, never per frame. Neither the load nor the
//! analysis runs in a frame (`background`): the rows are read in pieces of a few milliseconds
//! and the analysis runs on a worker, while the tab shows how far it is, with a Cancel button.
//!
//! Every view has one shape (`view::AnalysisView`) and is drawn by one frame (`view::Tab`),
//! which also holds the drill-down list; `VIEWS` lists them, so the area and the command table
//! (`commands`, which makes the Analysis menu and the shortcuts) name no view.
//!
//! - `matrix`: codes × cases, roles, kinds, coders, participants, periods or an attribute.
//! - `triangulation`: case × code grid of source kinds and roles, with corroboration.
//! - `cooccurrence`: code × code heat map (overlap, paragraph, turn, within N chars).
//! - `sequences`: A followed by B within a window, per case, and a transition matrix.
//! - `timeline`: codes per session date, per case, with egui_plot.
//! - `framework`: framework matrices, cases × codes with a summary written in each cell beside
//!   that cell's segments (the one view that changes the project, through actions).
//! - `agreement`: inter-coder agreement per code (source, case) and pooled, with intervals.
//! - `reconcile`: the queue of disagreements between two coders, decided item by item into a
//!   master coder (actions, like the framework's).
//! - `view`: the trait and the frame; `heat_table`: the table widget the first four share;
//!   `drill`: the segment list; `controls`: labelled pickers; `filters`: the filter row every
//!   view shows (cases, kinds, roles, coders, dates; "Across coders" where codings are paired),
//!   the CLI's `Scope`; `export_menu`: the Export menu and its file dialog.

mod agreement;
mod background;
mod controls;
mod cooccurrence;
mod data_cache;
mod drill;
mod export_menu;
mod filters;
mod framework;
mod heat_table;
mod matrix;
mod reconcile;
mod sequences;
mod timeline;
mod triangulation;
mod view;

use std::path::Path;

use egui::{KeyboardShortcut, Modifiers};

use super::app::{ThicketApp, UiCommand};
use thicket_core::error::Result;
use thicket_core::export::svg::ChartSize;
use thicket_core::model::{CaseId, CodeId, FrameworkId, SourceId, TextSpan};
use thicket_core::project::Project;

pub use data_cache::DataCache;
pub(crate) use controls::checklist_or_any;
use view::{Tab, ViewInfo};
pub use data_cache::Loaded;
use thicket_core::analysis::AnalysisLoad;

/// The analysis views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnalysisKind {
    Matrix,
    Triangulation,
    Cooccurrence,
    Sequences,
    Timeline,
    Framework,
    Agreement,
    Reconcile,
}

/// Every view's description, in the order of `AnalysisKind`'s variants (checked below): the
/// one list a new view joins.
const VIEWS: &[&ViewInfo] = &[&matrix::INFO, &triangulation::INFO, &cooccurrence::INFO, &sequences::INFO, &timeline::INFO, &framework::INFO, &agreement::INFO, &reconcile::INFO];

// `AnalysisKind::info` finds a kind's description at its variant's index.
const _: () = {
    let mut i = 0;
    while i < VIEWS.len() {
        assert!(VIEWS[i].kind as usize == i, "VIEWS is in the order of AnalysisKind's variants");
        i += 1;
    }
};

impl AnalysisKind {
    /// Every view, in menu order.
    pub const ALL: [AnalysisKind; VIEWS.len()] = {
        let mut all = [AnalysisKind::Matrix; VIEWS.len()];
        let mut i = 0;
        while i < VIEWS.len() {
            all[i] = VIEWS[i].kind;
            i += 1;
        }
        all
    };

    fn info(self) -> &'static ViewInfo {
        VIEWS[self as usize]
    }

    /// The file name an export proposes, without its extension.
    pub fn stem(self) -> &'static str {
        self.info().stem
    }

    /// The tab's title, in the window's language (`ViewInfo::title` is the English one).
    pub fn title(self) -> &'static str {
        match self {
            AnalysisKind::Matrix => t!("analysis-title-matrix"),
            AnalysisKind::Triangulation => t!("analysis-title-triangulation"),
            AnalysisKind::Cooccurrence => t!("analysis-title-cooccurrence"),
            AnalysisKind::Sequences => t!("analysis-title-sequences"),
            AnalysisKind::Timeline => t!("analysis-title-timeline"),
            AnalysisKind::Framework => t!("analysis-title-framework"),
            AnalysisKind::Agreement => t!("analysis-title-agreement"),
            AnalysisKind::Reconcile => t!("analysis-title-reconcile"),
        }
    }

    /// The Analysis menu's item, in the window's language.
    pub fn menu_label(self) -> &'static str {
        match self {
            AnalysisKind::Matrix => t!("analysis-menu-matrix"),
            AnalysisKind::Triangulation => t!("analysis-menu-triangulation"),
            AnalysisKind::Cooccurrence => t!("analysis-menu-cooccurrence"),
            AnalysisKind::Sequences => t!("analysis-menu-sequences"),
            AnalysisKind::Timeline => t!("analysis-menu-timeline"),
            AnalysisKind::Framework => t!("analysis-menu-framework"),
            AnalysisKind::Agreement => t!("analysis-menu-agreement"),
            AnalysisKind::Reconcile => t!("analysis-menu-reconcile"),
        }
    }

    /// Ctrl+Shift and the view's letter (`ViewInfo::key`).
    pub fn shortcut(self) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, self.info().key)
    }
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The view's main table as CSV (what `thicket … --format csv` prints).
    Csv,
    /// All of the view's tables as an XLSX workbook (what `--format xlsx` writes).
    Xlsx,
    /// The view's chart as SVG, sized to the area's `ChartSize`.
    Svg,
    /// The view's chart as a PNG of the area's `ChartSize`.
    Png,
    /// The view's report as Markdown (views that are read as a document: the framework matrix).
    Markdown,
    /// The same report as one self-contained HTML page.
    Html,
    /// The same report as a Word document.
    Docx,
}

impl ExportFormat {
    /// The file's extension, as the only entry of a file-dialog filter.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Csv => &["csv"],
            ExportFormat::Xlsx => &["xlsx"],
            ExportFormat::Svg => &["svg"],
            ExportFormat::Png => &["png"],
            ExportFormat::Markdown => &["md"],
            ExportFormat::Html => &["html"],
            ExportFormat::Docx => &["docx"],
        }
    }

    /// What the file is, for the file dialog's filter.
    pub fn kind_label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Xlsx => t!("analysis-format-xlsx"),
            ExportFormat::Svg => t!("analysis-format-svg"),
            ExportFormat::Png => t!("analysis-format-png"),
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Html => t!("analysis-format-html"),
            ExportFormat::Docx => t!("analysis-format-docx"),
        }
    }
}

/// What a view asks of the app.
pub(super) enum Request {
    /// Open the source at this span in the Document tab.
    Show(SourceId, TextSpan),
    /// Ask where to export the view in front in this format.
    Export(ExportFormat),
    /// Perform an action (a framework matrix created, renamed, deleted).
    Perform(Box<thicket_core::Action>),
    /// Save a framework summary by the current coder (empty: clear the cell).
    FrameworkSummary { framework: FrameworkId, case: CaseId, code: CodeId, summary: String },
    Error(String),
    /// Open the Reconciliation tab on the disagreements of these codes between these coders (a
    /// click on a code in the agreement table).
    ShowDisagreements { codes: Vec<CodeId>, coders: Vec<thicket_core::model::CoderId> },
}

/// What every view gets to draw itself.
pub(super) struct Ctx<'a> {
    pub project: &'a Project,
    pub generation: u64,
    /// The key of the shared data (`ThicketApp::content_generation`): the rows do not depend on
    /// the coders shown, which the views narrow to when they compute.
    pub data_generation: u64,
    pub data: &'a mut DataCache,
    pub requests: &'a mut Vec<Request>,
    /// Who is coding in this window (recorded with a reconciliation decision).
    pub coder: &'a str,
    /// Starts the views' computations on workers (`background`).
    pub jobs: &'a crate::jobs::Jobs,
    /// The size charts are exported at, set in the Export menu.
    pub chart_size: &'a mut ChartSize,
    /// Whether exports go through the pseudonym map, ticked in the Export menu.
    pub pseudonymise: &'a mut bool,
    /// Whose codings the analyses count (the Team view's ticks, blind mode); applied to the
    /// data on the worker, before any view's own filters.
    pub coders: crate::team::CoderFilter,
    /// Set by `Ctx::run` while the view waits for its data or its result.
    busy: Option<background::Busy>,
}

/// The open views and which tab is in front.
#[derive(Default)]
pub struct AnalysisArea {
    views: Vec<Tab>,
    /// The view in front; `None`: the document.
    active: Option<usize>,
    data: DataCache,
    /// The size charts are exported at (one for all views, so figures of a paper match).
    chart_size: ChartSize,
    /// Exports go through the project's pseudonym map (one setting for all views).
    pseudonymise: bool,
}

impl AnalysisArea {
    /// Whether exports go through the project's pseudonym map.
    pub fn pseudonymise(&self) -> bool {
        self.pseudonymise
    }

    /// Ticks or unticks "Pseudonymise" in the Export menus.
    pub fn set_pseudonymise(&mut self, on: bool) {
        self.pseudonymise = on;
    }

    /// The size charts are exported at.
    pub fn chart_size(&self) -> ChartSize {
        self.chart_size
    }

    /// Sets the size charts are exported at, kept within `ChartSize`'s limits.
    pub fn set_chart_size(&mut self, size: ChartSize) {
        self.chart_size = ChartSize {
            width_mm: size.width_mm.clamp(*ChartSize::WIDTH_MM.start(), *ChartSize::WIDTH_MM.end()),
            dpi: size.dpi.clamp(*ChartSize::DPI.start(), *ChartSize::DPI.end()),
        };
    }

    /// Brings the view of `kind` forward, opening it if needed.
    pub fn open(&mut self, kind: AnalysisKind) {
        let i = match self.views.iter().position(|v| v.kind() == kind) {
            Some(i) => i,
            None => {
                self.views.push(Tab::new(kind));
                self.views.len() - 1
            }
        };
        self.active = Some(i);
    }

    /// Brings the Reconciliation tab forward on the disagreements of `codes` (empty: every
    /// code), between `coders` when two are given (else those chosen in the tab, at first the
    /// first two by name): what a click on a code in an agreement table opens.
    pub fn show_disagreements(&mut self, codes: Vec<CodeId>, coders: &[thicket_core::model::CoderId]) {
        self.open(AnalysisKind::Reconcile);
        if let Some(view) = self.active.and_then(|i| self.views.get_mut(i)).and_then(Tab::as_reconcile) {
            view.focus(codes, coders);
        }
    }

    /// Brings the Agreement tab forward comparing `coders` (names; fewer than two: the tab's own
    /// choice): the Team view's "Open the agreement table".
    pub fn show_agreement(&mut self, coders: Vec<String>) {
        self.open(AnalysisKind::Agreement);
        if let Some(view) = self.active.and_then(|i| self.views.get_mut(i)).and_then(Tab::as_agreement) {
            view.compare(coders);
        }
    }

    /// The project's rows as the analyses have them (shared with the analysis tabs), or how far
    /// their load is: for the Team view's agreement summary.
    pub fn data(&mut self, project: &Project, generation: u64, need: AnalysisLoad, jobs: &crate::jobs::Jobs) -> data_cache::Loaded {
        self.data.get(project, generation, need, jobs)
    }

    /// How many times the analyses' rows (every coding, and turns or texts when asked) have been
    /// read from the project since the window opened: once per change to the project, never
    /// for a change of the coders shown.
    pub fn row_loads(&self) -> u64 {
        self.data.loads()
    }

    /// Whether the view in front is waiting for its data or its result.
    pub fn is_busy(&self) -> bool {
        self.active.and_then(|i| self.views.get(i)).is_some_and(Tab::is_waiting)
    }

    /// Brings the Document tab forward.
    pub fn show_document(&mut self) {
        self.active = None;
    }

    /// The view in front, if it is not the document.
    pub fn active(&self) -> Option<AnalysisKind> {
        self.active.and_then(|i| self.views.get(i)).map(Tab::kind)
    }

    /// The open views, in tab order.
    pub fn open_views(&self) -> Vec<AnalysisKind> {
        self.views.iter().map(Tab::kind).collect()
    }

    /// Exports what the view in front shows (its current result) to `path`; the Export menu
    /// calls this after its file dialog, tests call it directly.
    pub fn export_active(&self, format: ExportFormat, path: &Path) -> Result<()> {
        match self.active.and_then(|i| self.views.get(i)) {
            Some(view) => view.export(format, path, self.chart_size, None),
            None => Err(thicket_core::Error::not_found("no analysis view is in front to export")),
        }
    }

    /// Exports the open view of `kind` to `path` (after the file dialog) and notes "Saved …"
    /// under its controls; through the pseudonym `map` when one is given.
    pub fn export_view(&mut self, kind: AnalysisKind, format: ExportFormat, path: &Path, map: Option<&thicket_core::text::PseudonymMap>) -> Result<()> {
        match self.views.iter_mut().find(|v| v.kind() == kind) {
            Some(view) => view.export_noted(format, path, self.chart_size, map),
            None => Err(thicket_core::Error::not_found("the analysis view to export was closed")),
        }
    }

    /// The changes the open views hold unsaved (a framework summary being typed), as commands,
    /// counted as sent: the app applies them before an undo or when the project closes.
    pub fn unsaved(&mut self) -> Vec<UiCommand> {
        self.views.iter_mut().flat_map(Tab::unsaved).filter_map(command_of).collect()
    }

    fn close(&mut self, i: usize) -> Vec<Request> {
        let mut unsaved = Vec::new();
        if i < self.views.len() {
            unsaved = self.views[i].unsaved();
            self.views.remove(i);
        }
        self.active = match self.active {
            Some(a) if a == i => None,
            Some(a) if a > i => Some(a - 1),
            other => other,
        };
        unsaved
    }
}

/// The command a view's change becomes; `None` for requests that are not changes.
fn command_of(request: Request) -> Option<UiCommand> {
    match request {
        Request::Perform(action) => Some(UiCommand::Perform(*action)),
        Request::FrameworkSummary { framework, case, code, summary } => Some(UiCommand::SetFrameworkSummary { framework, case, code, summary }),
        Request::Show(..) | Request::Export(_) | Request::Error(_) | Request::ShowDisagreements { .. } => None,
    }
}

/// A small × that screen readers (and tests) know as `label`.
fn close_button(ui: &mut egui::Ui, label: &str) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    let visuals = ui.style().interact(&response);
    if response.hovered() || response.has_focus() {
        ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
    }
    ui.painter().text(rect.center(), egui::Align2::CENTER_CENTER, "×", egui::TextStyle::Body.resolve(ui.style()), visuals.text_color());
    response.on_hover_text(label)
}

/// The tab strip above the central area (when any view is open) and, when a view is in front,
/// that view. Returns true when it drew a view, so the caller leaves the document out.
pub fn central(app: &mut ThicketApp, ui: &mut egui::Ui) -> bool {
    if app.analysis.views.is_empty() || (app.project.is_none() && app.writing.is_none()) {
        return false;
    }
    let mut close = None;
    egui::Panel::top("analysis_tabs").show(ui, |ui| {
        // Wrapped: with many tabs on a narrow window they take a second row instead of running
        // off the right edge.
        ui.horizontal_wrapped(|ui| {
            if ui.selectable_label(app.analysis.active.is_none(), t!("analysis-document-tab")).on_hover_text(crate::commands::Command::BackToDocument.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default()).clicked() {
                app.analysis.active = None;
            }
            for (i, view) in app.analysis.views.iter().enumerate() {
                let kind = view.kind();
                ui.separator();
                if ui.selectable_label(app.analysis.active == Some(i), kind.title()).clicked() {
                    app.analysis.active = Some(i);
                }
                if close_button(ui, &t!("analysis-close-tab", title = kind.title())).clicked() {
                    close = Some(i);
                }
            }
        });
    });
    if let Some(i) = close {
        for command in app.analysis.close(i).into_iter().filter_map(command_of) {
            app.push(command);
        }
    }
    let Some(i) = app.analysis.active else { return false };
    if app.project.is_none() {
        // The project is lent to a writer (`writing`): the tab waits for it.
        egui::CentralPanel::default().show(ui, |ui| {
            ui.weak(t!("analysis-waiting-for-write"));
        });
        return true;
    }
    let data_generation = app.content_generation();
    let (Some(project), Some(view)) = (app.project.as_ref(), app.analysis.views.get_mut(i)) else { return false };
    let kind_in_front = view.kind();
    let mut requests = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        let _p = crate::phases::phase("analysis: the view in front");
        let mut ctx = Ctx {
            project,
            generation: app.generation,
            data_generation,
            data: &mut app.analysis.data,
            requests: &mut requests,
            coder: &app.coder,
            jobs: &app.jobs,
            chart_size: &mut app.analysis.chart_size,
            pseudonymise: &mut app.analysis.pseudonymise,
            coders: app.team.filter(),
            busy: None,
        };
        view.show(ui, &mut ctx);
    });
    for request in requests {
        match request {
            Request::Show(source, span) => {
                app.analysis.show_document();
                app.push(UiCommand::ShowSpan(source, span));
            }
            Request::Error(e) => app.errors.push(e),
            Request::ShowDisagreements { codes, coders } => app.push(UiCommand::ShowDisagreements { codes, coders }),
            Request::Perform(_) | Request::FrameworkSummary { .. } => {
                if let Some(command) = command_of(request) {
                    app.push(command);
                }
            }
            Request::Export(format) => {
                let request = crate::file_request::FileRequest::new(crate::file_request::FilePurpose::Export(kind_in_front, format));
                app.push(UiCommand::ChooseFile(request));
            }
        }
    }
    true
}

#[cfg(test)]
mod catalogue_tests {
    use super::AnalysisKind;

    #[test]
    fn the_english_titles_and_menu_items_are_the_views_own() {
        crate::i18n::set_language(crate::i18n::Lang::En);
        for kind in AnalysisKind::ALL {
            assert_eq!(kind.title(), kind.info().title);
            assert_eq!(kind.menu_label(), kind.info().menu_label);
        }
    }
}
