//! The Framework tab: framework matrices (NVivo's framework matrices, MAXQDA's summary grid),
//! cases × codes with a summary the researcher writes in each cell while reading its segments.
//!
//! In: the project's matrices, codebook and cases (read once per generation: a few small
//! queries) and the analysis data (`Ctx::run`, loaded in pieces with speakers and texts), from
//! which a worker finds each cell's codings (`analysis::framework_grid`). Out: the grid, each cell
//! showing its number of segments and its summary cut to two lines; beside it, the clicked cell's
//! segments (from the loaded texts, so nothing is read in a frame) with source, speakers and coder,
//! and a multi-line summary editor. Changes leave as requests the app turns into actions: a
//! summary is saved when the editor loses focus or on Save, never per keystroke, by the current
//! coder; creating, editing (name, codes, cases) and deleting matrices are actions too, so Ctrl+Z
//! undoes them all.
//!
//! The view draws its own panel beside the grid instead of the frame's drill-down list (`Tab`'s
//! list goes under the result; here the segments must stay beside the summary being written).

use std::sync::Arc;

use egui::{Key, Sense, TextStyle, Ui, pos2, vec2};

use super::background::Work;
use super::controls::{Computed, checklist, current, ready, status};
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, ExportFormat, Request};
use thicket_core::export::svg::Chart;
use thicket_core::Action;
use thicket_core::action::EntitySet;
use thicket_core::analysis::{AnalysisData, AnalysisLoad, FrameworkGrid, FrameworkSegment, framework_grid, framework_segments};
use thicket_core::error::{Error, Result};
use thicket_core::export::framework::FrameworkReport;
use thicket_core::export::Sheet;
use thicket_core::export::document::Document;
use thicket_core::model::*;

/// The Framework tab in the Analysis menu.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Framework,
    title: "Framework",
    menu_label: "Framework matrix (case summaries × codes)",
    key: Key::R,
    stem: "framework",
    drill_height: 230.0,
    open: || Box::new(FrameworkView::default()),
};

/// A cell's width and height in the grid, and the width of the case names.
const CELL_W: f32 = 150.0;
const CELL_H: f32 = 52.0;
const HEAD_W: f32 = 130.0;
/// The height of the code names' row, and the space between cells.
const HEAD_H: f32 = 20.0;
const GAP: f32 = 4.0;

/// What the project holds, read once per generation.
struct Listing {
    generation: u64,
    frameworks: Vec<Framework>,
    codebook: Codebook,
    cases: Vec<Case>,
    /// The chosen matrix, when there is one.
    matrix: Option<FrameworkMatrix>,
}

/// The form that creates a matrix, or (with `editing`) renames and rearranges one.
#[derive(Default)]
struct MatrixForm {
    name: String,
    codes: Vec<String>,
    cases: Vec<String>,
    editing: Option<FrameworkId>,
}

/// The summary being written: what the editor holds and what the project has.
struct CellEditor {
    framework: FrameworkId,
    case: CaseId,
    code: CodeId,
    text: String,
    saved: String,
}

impl CellEditor {
    fn is_dirty(&self) -> bool {
        self.text != self.saved
    }

    /// The request that saves the text, marking it saved; `None` when nothing changed.
    fn save(&mut self) -> Option<Request> {
        if !self.is_dirty() {
            return None;
        }
        self.saved = self.text.clone();
        Some(Request::FrameworkSummary { framework: self.framework, case: self.case, code: self.code, summary: self.text.trim_end().to_string() })
    }
}

/// The Framework view's state.
#[derive(Default)]
pub(super) struct FrameworkView {
    chosen: Option<FrameworkId>,
    /// A matrix just asked for by name: chosen once the listing has it.
    choose_named: Option<String>,
    listing: Option<Listing>,
    form: Option<MatrixForm>,
    result: Option<Computed<RunKey, Done>>,
    work: Work<RunKey, Done>,
    editor: Option<CellEditor>,
    /// The segments of the editor's cell, for the result they were taken from.
    segments: Option<(RunKey, CaseId, CodeId, Vec<FrameworkSegment>)>,
    /// Requests made while drawing the result, sent with the next frame's controls.
    outbox: Vec<Request>,
    /// The grid shown is a change behind while the data is read again: `Some(whether the next
    /// frame must come at once)`.
    updating: Option<bool>,
}

/// The matrix, its columns and rows, and the generation the grid was computed for.
type RunKey = (FrameworkId, Vec<CodeId>, Vec<CaseId>, u64);

struct Done {
    data: Arc<AnalysisData>,
    grid: FrameworkGrid,
}

impl FrameworkView {
    /// Reads the matrices, codebook and cases when the project changed since the last read.
    fn refresh_listing(&mut self, ctx: &mut Ctx) {
        if self.listing.as_ref().is_some_and(|l| l.generation == ctx.generation) {
            return;
        }
        let read = || -> Result<Listing> {
            let frameworks = ctx.project.frameworks()?;
            Ok(Listing { generation: ctx.generation, frameworks, codebook: ctx.project.codebook()?, cases: ctx.project.cases()?, matrix: None })
        };
        let mut listing = match read() {
            Ok(l) => l,
            Err(e) => {
                ctx.requests.push(Request::Error(e.to_string()));
                return;
            }
        };
        if let Some(name) = &self.choose_named
            && let Some(f) = listing.frameworks.iter().find(|f| &f.name == name)
        {
            self.chosen = Some(f.id);
            self.choose_named = None;
        }
        if self.chosen.is_none_or(|id| !listing.frameworks.iter().any(|f| f.id == id)) {
            self.chosen = listing.frameworks.first().map(|f| f.id);
        }
        if let Some(id) = self.chosen {
            match ctx.project.framework(id) {
                Ok(m) => listing.matrix = Some(m),
                Err(e) => ctx.requests.push(Request::Error(e.to_string())),
            }
        }
        // The editor follows the project (a save, an undo), unless it holds unsaved text.
        if let Some(ed) = &mut self.editor {
            match &listing.matrix {
                Some(m) if m.framework.id == ed.framework && m.cases.contains(&ed.case) && m.codes.contains(&ed.code) => {
                    let clean = !ed.is_dirty();
                    ed.saved = m.summary(ed.case, ed.code).to_string();
                    if clean {
                        ed.text = ed.saved.clone();
                    }
                }
                _ => self.editor = None,
            }
        }
        self.listing = Some(listing);
    }

    /// The form that creates a matrix, pre-filled with the top-level codes × every case.
    fn new_form(&self) -> MatrixForm {
        let Some(l) = &self.listing else { return MatrixForm::default() };
        let codes = l.codebook.children(None).iter().filter_map(|c| l.codebook.path(*c).map(str::to_string)).collect();
        let cases = l.cases.iter().map(|c| c.name.clone()).collect();
        let taken = |n: &str| l.frameworks.iter().any(|f| f.name == n);
        let name = (1..).map(|i| if i == 1 { t!("framework-default-name").to_string() } else { t!("framework-default-name-n", n = i.to_string()) }).find(|n| !taken(n)).unwrap_or_default();
        MatrixForm { name, codes, cases, editing: None }
    }

    /// The form on the chosen matrix: its name, codes and cases as they are.
    fn edit_form(&self) -> Option<MatrixForm> {
        let l = self.listing.as_ref()?;
        let m = l.matrix.as_ref()?;
        let codes = m.codes.iter().filter_map(|c| l.codebook.path(*c).map(str::to_string)).collect();
        let cases = m.cases.iter().filter_map(|id| l.cases.iter().find(|c| c.id == *id).map(|c| c.name.clone())).collect();
        Some(MatrixForm { name: m.framework.name.clone(), codes, cases, editing: Some(m.framework.id) })
    }

    /// Draws the form; returns the request it makes when confirmed: a new matrix, or the changes
    /// to the chosen one as one step.
    fn form_ui(&mut self, ui: &mut Ui) -> Option<Request> {
        let (Some(form), Some(l)) = (&mut self.form, &self.listing) else { return None };
        let mut request = None;
        let mut close = false;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t!("framework-name"));
            ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(160.0)).labelled_by(label.id);
            let all_codes: Vec<String> = l.codebook.walk().into_iter().filter_map(|(_, c)| l.codebook.path(c.id).map(str::to_string)).collect();
            checklist(ui, t!("framework-codes"), &mut form.codes, &all_codes);
            let all_cases: Vec<String> = l.cases.iter().map(|c| c.name.clone()).collect();
            checklist(ui, t!("framework-cases"), &mut form.cases, &all_cases);
            let name = form.name.trim().to_string();
            let verb = if form.editing.is_some() { t!("framework-apply") } else { t!("framework-create") };
            if ui.add_enabled(!name.is_empty(), egui::Button::new(verb)).clicked() {
                let codes: Vec<CodeId> = form.codes.iter().filter_map(|p| l.codebook.by_path(p)).collect();
                let cases: Vec<CaseId> = form.cases.iter().filter_map(|n| l.cases.iter().find(|c| &c.name == n).map(|c| c.id)).collect();
                let action = match (form.editing, &l.matrix) {
                    (Some(id), Some(m)) if m.framework.id == id => {
                        // Only what changed, so that a matrix ordered on the command line keeps
                        // its order when only its name changes here.
                        let same_set = |a: &[CodeId], b: &[CodeId]| a.len() == b.len() && a.iter().all(|x| b.contains(x));
                        let mut steps = Vec::new();
                        if name != m.framework.name {
                            steps.push(Action::RenameFramework { id, name: name.clone() });
                        }
                        if !same_set(&codes, &m.codes) {
                            steps.push(Action::SetFrameworkColumns { id, codes });
                        }
                        if cases.len() != m.cases.len() || !cases.iter().all(|c| m.cases.contains(c)) {
                            steps.push(Action::SetFrameworkRows { id, cases });
                        }
                        (!steps.is_empty()).then(|| Action::Batch {
                            label: format!("Edit framework matrix “{name}”"),
                            actions: steps,
                            step: thicket_core::action::Bundle::EditFramework { name: name.clone() }.boxed(),
                        })
                    }
                    (Some(_), _) => None,
                    (None, _) => Some(Action::CreateFramework { name: name.clone(), codes, cases }),
                };
                request = action.map(|a| Request::Perform(Box::new(a)));
                self.choose_named = Some(name);
                close = true;
            }
            if ui.button(t!("framework-cancel")).clicked() {
                close = true;
            }
        });
        if close {
            self.form = None;
        }
        request
    }

    /// Opens the editor on a cell, saving the one open before.
    fn open_cell(&mut self, framework: FrameworkId, case: CaseId, code: CodeId, stored: &str) {
        if let Some(ed) = &mut self.editor {
            if ed.framework == framework && ed.case == case && ed.code == code {
                return;
            }
            self.outbox.extend(ed.save());
        }
        self.editor = Some(CellEditor { framework, case, code, text: stored.to_string(), saved: stored.to_string() });
    }

    /// The grid: case names down the side, codes across the top, each cell `n segments` over
    /// its summary; a click opens the cell beside the grid. Only the cells in view are laid out,
    /// so a matrix of 60 cases × 200 codes costs a frame what the window shows.
    fn grid_ui(&mut self, ui: &mut Ui) {
        let (Some(l), Some(Computed { outcome: Ok(done), .. })) = (&self.listing, &self.result) else { return };
        let Some(m) = &l.matrix else { return };
        let mut clicked = None;
        let small = TextStyle::Small.resolve(ui.style());
        let body = TextStyle::Body.resolve(ui.style());
        let (step_x, step_y) = (CELL_W + GAP, CELL_H + GAP);
        let size = vec2(HEAD_W + GAP + m.codes.len() as f32 * step_x, HEAD_H + GAP + m.cases.len() as f32 * step_y);
        egui::ScrollArea::both().id_salt("framework_grid").auto_shrink([false, false]).show_viewport(ui, |ui, view| {
            let (_, _) = ui.allocate_exact_size(size, Sense::hover());
            let origin = ui.min_rect().min;
            let visible = |first: f32, step: f32, lo: f32, hi: f32, n: usize| {
                let a = ((lo - first) / step).floor().max(0.0) as usize;
                let b = (((hi - first) / step).ceil().max(0.0) as usize).min(n);
                a.min(b)..b
            };
            let columns = visible(HEAD_W + GAP, step_x, view.min.x, view.max.x, m.codes.len());
            let rows = visible(HEAD_H + GAP, step_y, view.min.y, view.max.y, m.cases.len());
            let visuals = ui.visuals().clone();
            let painter = ui.painter().clone();
            let at = |x: f32, y: f32, w: f32, h: f32| egui::Rect::from_min_size(origin + vec2(x, y), vec2(w, h));
            for c in columns.clone() {
                let path = l.codebook.path(m.codes[c]).unwrap_or("?");
                let rect = at(HEAD_W + GAP + c as f32 * step_x, 0.0, CELL_W, HEAD_H);
                ui.put(rect, egui::Label::new(egui::RichText::new(path).strong()).truncate()).on_hover_text(path);
            }
            for r in rows {
                let case = m.cases[r];
                let case_name = l.cases.iter().find(|c| c.id == case).map_or("?", |c| c.name.as_str());
                let y = HEAD_H + GAP + r as f32 * step_y;
                ui.put(at(0.0, y, HEAD_W, CELL_H), egui::Label::new(case_name).truncate());
                for c in columns.clone() {
                    let code = m.codes[c];
                    let n = done.grid.cells.get(r).and_then(|row| row.get(c)).map_or(0, Vec::len);
                    let summary = m.summary(case, code);
                    let path = l.codebook.path(code).unwrap_or("?");
                    let is_open = self.editor.as_ref().is_some_and(|e| e.case == case && e.code == code);
                    let rect = at(HEAD_W + GAP + c as f32 * step_x, y, CELL_W, CELL_H);
                    let response = ui.interact(rect, ui.make_persistent_id(("framework_cell", m.framework.id, r, c)), Sense::click());
                    let label = if summary.is_empty() {
                        t!("framework-cell-label", case = case_name, code = path, n = n)
                    } else {
                        t!("framework-cell-label-summary", case = case_name, code = path, n = n, summary = summary)
                    };
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                    let fill = if is_open { visuals.selection.bg_fill } else if response.hovered() { visuals.widgets.hovered.weak_bg_fill } else { visuals.faint_bg_color };
                    painter.rect_filled(rect, 3.0, fill);
                    let text_colour = if is_open { visuals.selection.stroke.color } else { visuals.text_color() };
                    painter.text(rect.left_top() + vec2(5.0, 3.0), egui::Align2::LEFT_TOP, t!("framework-segments", n = n), small.clone(), text_colour.gamma_multiply(0.8));
                    let shown = if summary.is_empty() { "—".to_string() } else { summary.split_whitespace().collect::<Vec<_>>().join(" ") };
                    let mut job = egui::text::LayoutJob::simple(shown, body.clone(), text_colour, rect.width() - 10.0);
                    job.wrap.max_rows = 2;
                    job.wrap.break_anywhere = false;
                    let galley = painter.layout_job(job);
                    painter.with_clip_rect(rect.intersect(painter.clip_rect())).galley(pos2(rect.left() + 5.0, rect.top() + 18.0), galley, text_colour);
                    let response = response.on_hover_text(if summary.is_empty() { t!("framework-no-summary-click") } else { summary });
                    if response.clicked() {
                        clicked = Some((case, code, summary.to_string()));
                    }
                }
            }
        });
        if let Some((case, code, stored)) = clicked {
            self.open_cell(m.framework.id, case, code, &stored);
        }
    }

    /// Beside the grid: the open cell's summary editor and its segments, which scroll on their
    /// own (`own_scroll`) or, in a short window, with the whole panel.
    fn cell_ui(&mut self, ui: &mut Ui, key: &RunKey, own_scroll: bool) {
        let Some(ed) = &self.editor else { return };
        let (case, code) = (ed.case, ed.code);
        let Some(l) = &self.listing else { return };
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else { return };
        if self.segments.as_ref().is_none_or(|(k, c, d, _)| k != key || *c != case || *d != code) {
            let list = framework_segments(&done.data, done.grid.codings(case, code));
            self.segments = Some((key.clone(), case, code, list));
        }
        let case_name = l.cases.iter().find(|c| c.id == case).map_or("?".to_string(), |c| c.name.clone());
        let path = l.codebook.path(code).unwrap_or("?").to_string();
        let last = l.matrix.as_ref().and_then(|m| m.cell(case, code)).map(|c| {
            let who = done.data.coders.get(&c.coder).map_or("?".to_string(), |k| k.name.clone());
            t!("framework-last-edited", name = who, date = crate::i18n::day(&c.updated_at))
        });
        let segments = self.segments.as_ref().map(|(.., s)| s.as_slice()).unwrap_or(&[]);
        ui.horizontal(|ui| {
            ui.strong(format!("{case_name} · {path}"));
        });
        // The editor first, so that it stays in view however many segments there are; the
        // segments fill the rest and scroll.
        if let Some(ed) = &mut self.editor {
            let label = ui.label(t!("framework-summary"));
            let rows = if ui.available_height() > 360.0 { 5 } else { 3 };
            let response = ui
                .add(egui::TextEdit::multiline(&mut ed.text).desired_rows(rows).desired_width(f32::INFINITY).hint_text(t!("framework-summary-hint")))
                .labelled_by(label.id);
            let mut save = response.lost_focus();
            ui.horizontal_wrapped(|ui| {
                if ui.add_enabled(ed.is_dirty(), egui::Button::new(t!("framework-save"))).clicked() {
                    save = true;
                }
                if ui.add_enabled(ed.is_dirty(), egui::Button::new(t!("framework-revert"))).clicked() {
                    ed.text = ed.saved.clone();
                }
                match (&last, ed.is_dirty()) {
                    (_, true) => ui.weak(t!("framework-unsaved")),
                    (Some(last), false) => ui.weak(last),
                    (None, false) => ui.weak(t!("framework-no-summary")),
                };
            });
            if save && let Some(request) = ed.save() {
                self.outbox.push(request);
                ui.ctx().request_repaint();
            }
        }
        ui.separator();
        ui.weak(t!("framework-segments-note", n = segments.len()));
        let mut show = None;
        let mut list = |ui: &mut Ui| {
            if segments.is_empty() {
                ui.weak(t!("framework-no-segments"));
            }
            for s in segments {
                let who = if s.speakers.is_empty() { t!("framework-no-speaker").to_string() } else { s.speakers.join(", ") };
                let head = t!("framework-segment-head", source = &s.source, speakers = who, code = &s.code, coder = &s.coder);
                let r = ui.add(egui::Label::new(egui::RichText::new(&head).small().weak()).truncate().sense(Sense::click())).on_hover_text(t!("framework-show-segment"));
                if r.clicked() {
                    show = Some((s.source_id, s.span));
                }
                ui.label(s.text.trim());
                ui.separator();
            }
        };
        if own_scroll {
            egui::ScrollArea::vertical().id_salt("framework_segments").auto_shrink([false, false]).show(ui, list);
        } else {
            list(ui);
        }
        if let Some((source, span)) = show {
            self.outbox.push(Request::Show(source, span));
        }
    }
}

impl AnalysisView for FrameworkView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        ctx.requests.append(&mut self.outbox);
        self.refresh_listing(ctx);
        let mut controls = Controls::default();
        let Some(l) = &self.listing else { return controls };
        let frameworks: Vec<(FrameworkId, String)> = l.frameworks.iter().map(|f| (f.id, f.name.clone())).collect();
        let chosen_name = self.chosen.and_then(|id| frameworks.iter().find(|(i, _)| *i == id)).map(|(_, n)| n.clone());
        let mut pick = None;
        let mut open_form = None;
        let mut delete = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t!("framework-matrix"));
            egui::ComboBox::from_id_salt(("analysis", "Matrix"))
                .selected_text(chosen_name.clone().unwrap_or_else(|| t!("framework-none-yet").into()))
                .show_ui(ui, |ui| {
                    for (id, name) in &frameworks {
                        if ui.selectable_label(Some(*id) == self.chosen, name).clicked() {
                            pick = Some(*id);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if ui.button(t!("framework-new-matrix")).on_hover_text(t!("framework-new-matrix.tooltip")).clicked() {
                open_form = Some(None);
            }
            if let (Some(id), Some(name)) = (self.chosen, &chosen_name) {
                if ui.button(t!("framework-edit")).on_hover_text(t!("framework-edit-tooltip", name = name)).clicked() {
                    open_form = Some(Some(id));
                }
                if ui.button(t!("framework-delete")).on_hover_text(t!("framework-delete.tooltip")).clicked() {
                    delete = Some(id);
                }
            }
            // The menu sits in a scope of its own, which would not wrap: a new row when it
            // would not fit on this one.
            // (In a wrapping row `available_width` is the whole row's: the rest is measured.)
            if ui.max_rect().right() - ui.cursor().left() < 90.0 {
                ui.end_row();
            } else {
                ui.separator();
            }
            controls.export = menu(ui, ready(&self.result), ctx.pseudonymise);
        });
        if let Some(id) = pick {
            if let Some(ed) = &mut self.editor {
                ctx.requests.extend(ed.save());
            }
            self.editor = None;
            self.chosen = Some(id);
            self.listing = None;
            controls.stale_note = true;
            self.refresh_listing(ctx);
        }
        match open_form {
            Some(None) => self.form = Some(self.new_form()),
            Some(Some(_)) => self.form = self.edit_form(),
            None => {}
        }
        if let Some(id) = delete {
            self.editor = None;
            ctx.requests.push(Request::Perform(Box::new(Action::Remove(EntitySet { frameworks: vec![id], ..Default::default() }))));
        }
        if let Some(request) = self.form_ui(ui) {
            ctx.requests.push(request);
        }
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let Some(m) = self.listing.as_ref().and_then(|l| l.matrix.as_ref()) else {
            self.result = None;
            return Refresh::Kept;
        };
        let key: RunKey = (m.framework.id, m.codes.clone(), m.cases.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let (cases, codes) = (m.cases.clone(), m.codes.clone());
        let need = AnalysisLoad { speakers: true, texts: true };
        let Some(outcome) = ctx.run(key.clone(), &mut self.work, need, |_| {}, Box::new(move |data, _| {
            let grid = framework_grid(&data, &cases, &codes);
            Ok(Done { data, grid })
        })) else {
            // Saving a summary changes the project, so the data is read again; meanwhile the grid
            // of the same matrix and layout stays up (its counts a change behind, and said to be
            // updating) rather than vanishing under the editor at every save.
            let same_layout = self.result.as_ref().is_some_and(|c| c.outcome.is_ok() && c.key.0 == key.0 && c.key.1 == key.1 && c.key.2 == key.2);
            if same_layout && let Some(busy) = ctx.busy.take() {
                self.updating = Some(busy.next_frame);
            }
            return Refresh::Kept;
        };
        self.updating = None;
        self.result = Some(Computed { key, outcome });
        // The view keeps its own open cell; the frame's list and highlight are not used.
        Refresh::Kept
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(l) = &self.listing else { return false };
        let Some(m) = &l.matrix else {
            status(ui, t!("framework-no-matrix"), false);
            return false;
        };
        if let Some(Computed { outcome: Err(e), .. }) = &self.result {
            status(ui, e, true);
            return false;
        }
        let written = m.cells.iter().filter(|c| m.cases.contains(&c.case) && m.codes.contains(&c.code)).count();
        let mut line = t!("framework-status", cases = m.cases.len(), codes = m.codes.len(), written = written, cells = m.cases.len() * m.codes.len());
        if let Some(next_frame) = self.updating {
            line = t!("framework-updating", line = line);
            // The data is read a piece per frame (then the next must come); a worker asks itself.
            if next_frame {
                ui.ctx().request_repaint();
            } else {
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        status(ui, note.unwrap_or(&line), false);
        current(&self.result).is_some()
    }

    fn show(&mut self, ui: &mut Ui, _selected: Option<Pick>) -> Option<Pick> {
        let key = self.result.as_ref()?.key.clone();
        if self.editor.is_some() {
            // Half the width for the cell, but never so much that the grid shows no column.
            let width = (ui.available_width() * 0.48).clamp(240.0, 560.0);
            egui::Panel::right("framework_cell").resizable(true).default_size(width).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(t!("framework-close-cell")).clicked()
                            && let Some(mut ed) = self.editor.take()
                        {
                            self.outbox.extend(ed.save());
                            ui.ctx().request_repaint();
                        }
                    });
                });
                // In a short window (a laptop at 200%) the panel scrolls as a whole, so that the
                // segments are not squeezed to nothing under the editor.
                if ui.available_height() < 320.0 {
                    egui::ScrollArea::vertical().id_salt("framework_cell_scroll").auto_shrink([false, false]).show(ui, |ui| self.cell_ui(ui, &key, false));
                } else {
                    self.cell_ui(ui, &key, true);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| self.grid_ui(ui));
        None
    }

    fn unsaved(&mut self) -> Vec<Request> {
        let mut out = std::mem::take(&mut self.outbox);
        if let Some(ed) = &mut self.editor {
            out.extend(ed.save());
        }
        out
    }

    /// The matrix's tables as the command line's `framework export` writes them: its summaries
    /// (CSV), or all of its sheets (XLSX: summaries with wrapped text, segment counts, and every
    /// cell with who wrote it).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        Ok(self.report()?.sheets())
    }

    /// The matrix as a report (Markdown, HTML, DOCX), as `framework export` writes it.
    fn document(&self) -> Result<Document> {
        Ok(self.report()?.document())
    }

    fn chart(&self) -> Result<Chart> {
        Err(Error::invalid("a framework matrix has no chart: export it as a report (Markdown, HTML) or a table (CSV, XLSX)"))
    }
}

impl FrameworkView {
    /// The chosen matrix's report, from the loaded data.
    fn report(&self) -> Result<FrameworkReport> {
        let (Some(l), Some(done)) = (&self.listing, current(&self.result)) else {
            return Err(Error::not_found("the framework matrix has no result to export yet"));
        };
        let Some(m) = &l.matrix else { return Err(Error::not_found("no framework matrix is chosen")) };
        Ok(FrameworkReport::build(m, &done.data))
    }
}

/// The Export menu of a report: the document (Markdown, HTML) and its tables (XLSX, CSV); no chart.
fn menu(ui: &mut Ui, ready: bool, pseudonymise: &mut bool) -> Option<ExportFormat> {
    let items = [
        (ExportFormat::Markdown, t!("framework-export-markdown")),
        (ExportFormat::Html, t!("framework-export-html")),
        (ExportFormat::Docx, t!("framework-export-docx")),
        (ExportFormat::Xlsx, t!("framework-export-xlsx")),
        (ExportFormat::Csv, t!("framework-export-csv")),
    ];
    super::export_menu::formats_menu(ui, ready, &items, pseudonymise, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(stored: &str) -> CellEditor {
        CellEditor { framework: FrameworkId(1), case: CaseId(2), code: CodeId(3), text: stored.into(), saved: stored.into() }
    }

    #[test]
    fn a_summary_is_sent_once_per_change_without_trailing_blanks() {
        let mut ed = editor("Withdrawal.");
        assert!(ed.save().is_none(), "nothing changed");
        ed.text.push_str(" Then repair.\n\n");
        let Some(Request::FrameworkSummary { framework, case, code, summary }) = ed.save() else { panic!("a summary to save") };
        assert_eq!((framework, case, code, summary.as_str()), (FrameworkId(1), CaseId(2), CodeId(3), "Withdrawal. Then repair."));
        assert!(ed.save().is_none(), "sent once");
        ed.text = "  \n".into();
        let Some(Request::FrameworkSummary { summary, .. }) = ed.save() else { panic!("a change to save") };
        assert_eq!(summary, "", "blank text clears the cell");
    }
}
