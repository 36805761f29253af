//! The Reconciliation tab (issue #13 §4, docs/reconcile.md): the queue of disagreements between
//! two coders, each item side by side with both coders' spans marked in its text, and the
//! decisions that write the agreed coding to a master coder.
//!
//! In: the project's coders and the decisions recorded for the chosen coders and master (a small
//! indexed query, read once per generation or choice), and the analysis data (`Ctx::run`, loaded
//! in pieces with the texts), from which a worker finds the disagreements and the agreement
//! figures (`analysis::reconcile_figures`, the same rule as `thicket reconcile`). Out: requests
//! that the app performs through its write path (`writing.rs`) as one undoable
//! `Action::Reconcile` each, so Ctrl+Z takes a decision back and the item shows unresolved again.
//!
//! Other views open the queue on some codes with `AnalysisArea::show_disagreements` (a click on
//! a code in an agreement table).

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, Key, TextFormat, Ui};

use super::background::Work;
use super::controls::{Computed, checklist_or_any, combo, current, ready, status};
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, ExportFormat, Request};
use thicket_core::analysis::{AnalysisData, AnalysisLoad, Disagreement, ItemId, QueueOrder, ReconcileFigures, SimpleAgreement, reconcile_figures};
use thicket_core::error::{Error, Result};
use thicket_core::export::svg::Chart;
use thicket_core::export::{Cell, Sheet};
use thicket_core::model::*;
use thicket_core::project::{ReconcileScope, plan_agreed, plan_decisions};

/// The Reconciliation tab in the Analysis menu.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Reconcile,
    title: "Reconciliation",
    menu_label: "Reconciliation (disagreements between coders)",
    key: Key::U,
    stem: "reconciliation",
    drill_height: 200.0,
    open: || Box::new(ReconcileView::default()),
};

/// Chars of text shown either side of an item.
const CONTEXT: usize = 160;

/// What the project holds, read once per generation and choice of coders and master.
struct Listing {
    key: (u64, Vec<CoderId>, String),
    coders: Vec<Coder>,
    codebook: Codebook,
    decisions: HashMap<(SourceId, CodeId, TextSpan), ReconcileDecision>,
}

/// The coders, master, codes, order and generation a queue was computed for.
type RunKey = (Vec<CoderId>, Option<CoderId>, Vec<CodeId>, QueueOrder, u64);

struct Done {
    data: Arc<AnalysisData>,
    figures: ReconcileFigures,
}

/// The Reconciliation view's state.
pub(super) struct ReconcileView {
    coder_a: Option<CoderId>,
    coder_b: Option<CoderId>,
    master: String,
    /// Code paths; empty: every code.
    codes: Vec<String>,
    /// Codes asked for by another view, chosen once the codebook is read.
    focus_codes: Option<Vec<CodeId>>,
    order: QueueOrder,
    listing: Option<Listing>,
    result: Option<Computed<RunKey, Done>>,
    work: Work<RunKey, Done>,
    selected: Option<ItemId>,
    /// The note field, and the item it was filled for.
    note: String,
    note_for: Option<ItemId>,
    edit: (usize, usize),
    outbox: Vec<Request>,
    /// The queue shown is a change behind while the data is read again: `Some(whether the next
    /// frame must come at once)`.
    updating: Option<bool>,
    /// Who decides: the window's coder, recorded with each decision.
    decided_by: String,
}

impl Default for ReconcileView {
    fn default() -> Self {
        ReconcileView {
            coder_a: None,
            coder_b: None,
            master: "consensus".into(),
            codes: Vec::new(),
            focus_codes: None,
            order: QueueOrder::Text,
            listing: None,
            result: None,
            work: Work::default(),
            selected: None,
            note: String::new(),
            note_for: None,
            edit: (0, 0),
            outbox: Vec::new(),
            updating: None,
            decided_by: String::new(),
        }
    }
}

impl ReconcileView {
    /// Shows the disagreements on `codes` (empty: every code), between `coders` when two are
    /// given (else the coders chosen stay).
    pub fn focus(&mut self, codes: Vec<CodeId>, coders: &[CoderId]) {
        if let [a, b, ..] = coders {
            self.coder_a = Some(*a);
            self.coder_b = Some(*b);
        }
        self.focus_codes = Some(codes);
        self.selected = None;
    }

    fn coders(&self) -> Vec<CoderId> {
        self.coder_a.into_iter().chain(self.coder_b).collect()
    }

    fn scope(&self) -> ReconcileScope {
        let codes = match &self.listing {
            Some(l) => self.codes.iter().filter_map(|p| l.codebook.by_path(p)).collect(),
            None => Vec::new(),
        };
        ReconcileScope { coders: self.coders(), master: self.master.trim().to_string(), codes, sources: Vec::new() }
    }

    fn master_id(&self) -> Option<CoderId> {
        let l = self.listing.as_ref()?;
        l.coders.iter().find(|c| c.name == self.master.trim()).map(|c| c.id)
    }

    fn name(&self, id: CoderId) -> String {
        self.listing.as_ref().and_then(|l| l.coders.iter().find(|c| c.id == id)).map_or("?".into(), |c| c.name.clone())
    }

    /// Reads the coders, codebook and decisions when the project or the choice changed.
    fn refresh_listing(&mut self, ctx: &mut Ctx) {
        let key = (ctx.generation, self.coders(), self.master.trim().to_string());
        if self.listing.as_ref().is_some_and(|l| l.key == key) {
            return;
        }
        let read = || -> Result<(Vec<Coder>, Codebook)> {
            let mut coders = ctx.project.coders()?;
            coders.sort_by(|a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
            Ok((coders, ctx.project.codebook()?))
        };
        let (coders, codebook) = match read() {
            Ok(x) => x,
            Err(e) => return ctx.requests.push(Request::Error(e.to_string())),
        };
        // The first two coders that are not the master, until the user chooses.
        let master = self.master.trim().to_string();
        let mut others = coders.iter().filter(|c| c.name != master).map(|c| c.id);
        let exists = |id: Option<CoderId>| id.is_some_and(|i| coders.iter().any(|c| c.id == i));
        if !exists(self.coder_a) {
            self.coder_a = others.next();
        }
        if !exists(self.coder_b) || self.coder_b == self.coder_a {
            self.coder_b = coders.iter().map(|c| c.id).find(|id| Some(*id) != self.coder_a && coders.iter().any(|c| c.id == *id && c.name != master));
        }
        if let Some(focus) = self.focus_codes.take() {
            self.codes = focus.iter().filter_map(|c| codebook.path(*c).map(str::to_string)).collect();
        }
        let mut listing = Listing { key: (ctx.generation, self.coders(), master), coders, codebook, decisions: HashMap::new() };
        self.listing = None;
        if self.coders().len() == 2 && !self.master.trim().is_empty() {
            let scope = ReconcileScope { coders: self.coders(), master: self.master.trim().to_string(), codes: Vec::new(), sources: Vec::new() };
            match ctx.project.reconcile_decisions(&scope) {
                Ok(list) => listing.decisions = list.into_iter().map(|d| ((d.key.source, d.key.code, d.key.extent), d)).collect(),
                Err(e) => ctx.requests.push(Request::Error(e.to_string())),
            }
        }
        self.listing = Some(listing);
    }

    fn decision(&self, id: ItemId) -> Option<&ReconcileDecision> {
        self.listing.as_ref()?.decisions.get(&(id.source, id.code, id.extent))
    }

    fn items(&self) -> &[Disagreement] {
        current(&self.result).map_or(&[], |d| d.figures.items.as_slice())
    }

    fn resolved(&self) -> usize {
        self.items().iter().filter(|i| self.decision(i.id).is_some()).count()
    }

    fn position(&self) -> Option<usize> {
        let id = self.selected?;
        self.items().iter().position(|i| i.id == id)
    }

    /// Selects the item at `index` (kept within the queue) and fills the note and edit fields.
    fn select(&mut self, index: usize) {
        let Some(item) = self.items().get(index.min(self.items().len().saturating_sub(1))) else {
            self.selected = None;
            return;
        };
        let id = item.id;
        self.selected = Some(id);
        self.fill_fields(id);
    }

    fn fill_fields(&mut self, id: ItemId) {
        if self.note_for == Some(id) {
            return;
        }
        self.note_for = Some(id);
        let decision = self.decision(id).cloned();
        self.note = decision.as_ref().map(|d| d.note.clone()).unwrap_or_default();
        let span = decision.and_then(|d| d.choice.span()).unwrap_or(id.extent);
        self.edit = (span.start, span.end);
    }

    /// Sends the decision on the selected item, then moves on to the next item.
    fn decide(&mut self, choice: Choice, decided_by: &str) {
        let Some(index) = self.position() else { return };
        let Some(item) = self.items().get(index).cloned() else { return };
        let action = plan_decisions(&self.scope(), &[(&item, choice, self.note.trim().to_string())], decided_by);
        self.outbox.push(Request::Perform(Box::new(action)));
        self.note_for = None;
        self.select(index + 1);
    }

    /// The queue: one line per item, the selected one highlighted.
    fn queue_ui(&mut self, ui: &mut Ui) {
        let n = self.items().len();
        let mut clicked = None;
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical().id_salt("reconcile_queue").auto_shrink([false, false]).show_rows(ui, row_height, n, |ui, rows| {
            let Some(l) = &self.listing else { return };
            let Some(done) = current(&self.result) else { return };
            for i in rows {
                let item = &done.figures.items[i];
                let source = done.data.sources.get(&item.id.source).map_or("?", |s| s.name.as_str());
                let code = l.codebook.path(item.id.code).unwrap_or("?");
                let mark = if self.decision(item.id).is_some() { t!("reconcile-mark-resolved") } else { t!("reconcile-mark-open") };
                let text = t!("reconcile-queue-row", n = (i + 1).to_string(), mark = mark, source = source, code = code, kind = crate::i18n::values::disagreement(item.kind));
                let r = ui.add(egui::Button::selectable(self.selected == Some(item.id), text).truncate());
                if r.clicked() {
                    clicked = Some(i);
                }
            }
        });
        if let Some(i) = clicked {
            self.select(i);
        }
    }

    /// The selected item: both coders' spans marked in its text, its decision, the note and the
    /// decision buttons.
    fn item_ui(&mut self, ui: &mut Ui, decided_by: &str) {
        let Some(index) = self.position() else {
            ui.weak(t!("reconcile-choose-item"));
            return;
        };
        let (Some(l), Some(done)) = (&self.listing, current(&self.result)) else { return };
        let item = done.figures.items[index].clone();
        let data = done.data.clone();
        let id = item.id;
        let total = done.figures.items.len();
        let source = data.sources.get(&id.source).map_or("?".to_string(), |s| s.name.clone());
        let code = l.codebook.path(id.code).unwrap_or("?").to_string();
        let others: Vec<Vec<String>> =
            item.other_codes.iter().map(|codes| codes.iter().filter_map(|c| l.codebook.path(*c).map(str::to_string)).collect()).collect();
        let coders = self.coders();
        let names: Vec<String> = coders.iter().map(|c| self.name(*c)).collect();
        ui.horizontal_wrapped(|ui| {
            ui.strong(t!("reconcile-item-of", n = index + 1, total = total));
            ui.label(format!("{source} · {code} · {}", crate::i18n::values::disagreement(item.kind)));
            ui.weak(t!("reconcile-item-where", id = id.to_string(), extent = id.extent.to_string()));
            if ui.button(t!("reconcile-show-in-document")).clicked() {
                self.outbox.push(Request::Show(id.source, id.extent));
            }
        });
        for (k, paths) in others.iter().enumerate() {
            if !paths.is_empty() {
                ui.label(t!("reconcile-coded-instead", name = &names[k], codes = paths.join(", ")));
            }
        }
        let text = data.texts.get(&id.source);
        let colours = [Color32::from_rgb(120, 170, 240), Color32::from_rgb(240, 170, 90)];
        let pane = |k: usize, col: &mut Ui| {
            let spans = item.spans.get(k).cloned().unwrap_or_default();
            let label = if spans.is_empty() { t!("reconcile-not-coded").to_string() } else { spans.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ") };
            col.strong(format!("{} ({}): {label}", if k == 0 { "A" } else { "B" }, names.get(k).map_or("?", String::as_str)));
            if let Some(t) = text {
                let job = excerpt(col, &t.text, &t.index, id.extent, &spans, colours[k]);
                egui::Frame::group(col.style()).show(col, |ui| {
                    ui.add(egui::Label::new(job).wrap());
                });
            }
        };
        // Side by side where both excerpts get a readable line; one above the other in a narrow
        // window (at 1024 px the two columns were a few words wide).
        if ui.available_width() >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.columns(2, |cols| {
                for (k, col) in cols.iter_mut().enumerate() {
                    pane(k, col);
                }
            });
        } else {
            for k in 0..2 {
                pane(k, ui);
            }
        }
        let decided = self.decision(id).cloned();
        match &decided {
            Some(d) => {
                let choice = d.choice_for(&coders);
                let what = crate::i18n::values::choice_name(&choice);
                let date = crate::i18n::day(&d.decided_at);
                ui.label(if d.note.is_empty() {
                    t!("reconcile-resolved", what = what, name = &d.decided_by, date = date)
                } else {
                    t!("reconcile-resolved-note", what = what, name = &d.decided_by, date = date, note = &d.note)
                });
            }
            None => {
                ui.weak(t!("reconcile-not-resolved"));
            }
        }
        self.fill_fields(id);
        let label = ui.label(t!("reconcile-note"));
        ui.add(egui::TextEdit::multiline(&mut self.note).desired_rows(2).desired_width(f32::INFINITY).hint_text(t!("reconcile-note-hint")))
            .labelled_by(label.id);
        let (a, b) = (names.first().cloned().unwrap_or_default(), names.get(1).cloned().unwrap_or_default());
        let mut chosen = None;
        ui.horizontal_wrapped(|ui| {
            let buttons = [
                (Choice::KeepA, t!("reconcile-keep-a"), t!("reconcile-keep-a-tooltip", name = &a)),
                (Choice::KeepB, t!("reconcile-keep-b"), t!("reconcile-keep-b-tooltip", name = &b)),
                (Choice::KeepBoth, t!("reconcile-keep-both"), t!("reconcile-keep-both.tooltip").to_string()),
                (Choice::Union, t!("reconcile-union"), t!("reconcile-union.tooltip").to_string()),
                (Choice::Intersection, t!("reconcile-intersection"), t!("reconcile-intersection.tooltip").to_string()),
                (Choice::Drop, t!("reconcile-drop"), t!("reconcile-drop.tooltip").to_string()),
            ];
            for (choice, text, tip) in buttons {
                if ui.button(text).on_hover_text(tip).clicked() {
                    chosen = Some(choice);
                }
            }
        });
        let len = data.sources.get(&id.source).map_or(id.extent.end, |s| s.char_len);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t!("reconcile-start"));
            ui.add(egui::DragValue::new(&mut self.edit.0).range(0..=len)).labelled_by(l.id);
            let l = ui.label(t!("reconcile-end"));
            ui.add(egui::DragValue::new(&mut self.edit.1).range(0..=len)).labelled_by(l.id);
            let span = TextSpan::new(self.edit.0, self.edit.1);
            if ui.add_enabled(span.is_some(), egui::Button::new(t!("reconcile-edit-span"))).on_hover_text(t!("reconcile-edit-span.tooltip")).clicked()
                && let Some(span) = span
            {
                chosen = Some(Choice::Edit(span));
            }
        });
        ui.horizontal(|ui| {
            if ui.add_enabled(index > 0, egui::Button::new(t!("reconcile-previous"))).clicked() {
                self.select(index - 1);
            }
            if ui.add_enabled(index + 1 < total, egui::Button::new(t!("reconcile-next"))).clicked() {
                self.select(index + 1);
            }
        });
        if let Some(choice) = chosen {
            self.decide(choice, decided_by);
            ui.ctx().request_repaint();
        }
    }
}

/// The item's text with `CONTEXT` chars either side, `spans` marked in `colour`.
/// The width below which the two coders' excerpts are shown one above the other.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 440.0;

fn excerpt(ui: &Ui, text: &str, index: &thicket_core::text::TextIndex, extent: TextSpan, spans: &[TextSpan], colour: Color32) -> LayoutJob {
    let from = extent.start.saturating_sub(CONTEXT);
    let to = (extent.end + CONTEXT).min(index.char_len());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..Default::default() };
    let marked = TextFormat { background: colour.gamma_multiply(0.45), underline: egui::Stroke::new(1.5, colour), ..plain.clone() };
    // Boundaries where the marking changes, in chars.
    let mut cuts = vec![from, to];
    for s in spans {
        cuts.push(s.start.clamp(from, to));
        cuts.push(s.end.clamp(from, to));
    }
    cuts.sort();
    cuts.dedup();
    let mut job = LayoutJob::default();
    if from > 0 {
        job.append("…", 0.0, plain.clone());
    }
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(bytes) = index.char_range_to_byte_range(a..b) else { continue };
        let inside = spans.iter().any(|s| s.start <= a && b <= s.end);
        job.append(&text[bytes], 0.0, if inside { marked.clone() } else { plain.clone() });
    }
    if to < index.char_len() {
        job.append("…", 0.0, plain);
    }
    job
}

/// "82.5% agreement, kappa 0.61 (40 paragraphs)".
fn describe(a: &SimpleAgreement) -> String {
    use crate::i18n::number;
    match (a.percent, a.kappa) {
        (None, _) => t!("reconcile-no-paragraphs").into(),
        (Some(p), Some(k)) => t!("reconcile-figures", percent = number(p * 100.0, 1), kappa = number(k, 2), n = a.units),
        (Some(p), None) => t!("reconcile-figures-undefined", percent = number(p * 100.0, 1), n = a.units),
    }
}

impl AnalysisView for ReconcileView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        ctx.requests.append(&mut self.outbox);
        ctx.coder.clone_into(&mut self.decided_by);
        self.refresh_listing(ctx);
        let mut controls = Controls::default();
        let Some(l) = &self.listing else { return controls };
        let choices: Vec<(Option<CoderId>, String)> = l.coders.iter().map(|c| (Some(c.id), c.name.clone())).collect();
        let all_codes: Vec<String> = l.codebook.walk().into_iter().filter_map(|(_, c)| l.codebook.path(c.id).map(str::to_string)).collect();
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            changed |= combo(ui, t!("reconcile-coder-a"), &mut self.coder_a, &choices);
            changed |= combo(ui, t!("reconcile-coder-b"), &mut self.coder_b, &choices);
            super::controls::keep_together(ui, t!("reconcile-master"), 110.0);
            let label = ui.label(t!("reconcile-master"));
            changed |= ui
                .add(egui::TextEdit::singleline(&mut self.master).desired_width(110.0))
                .labelled_by(label.id)
                .on_hover_text(t!("reconcile-master.tooltip"))
                .changed();
            changed |= checklist_or_any(ui, t!("reconcile-codes"), &mut self.codes, &all_codes);
            changed |= combo(ui, t!("reconcile-order"), &mut self.order, &[(QueueOrder::Text, t!("reconcile-text-order").into()), (QueueOrder::Code, t!("reconcile-by-code").into())]);
            ui.separator();
            controls.export = menu(ui, ready(&self.result), ctx.pseudonymise);
        });
        if changed {
            controls.stale_note = true;
            self.refresh_listing(ctx);
        }
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let coders = self.coders();
        if coders.len() != 2 || coders[0] == coders[1] || self.master.trim().is_empty() {
            self.result = None;
            return Refresh::Kept;
        }
        let master = self.master_id();
        let codes = self.scope().codes;
        let key: RunKey = (coders.clone(), master, codes.clone(), self.order, ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let order = self.order;
        let need = AnalysisLoad { speakers: true, texts: true };
        let Some(outcome) = ctx.run(key.clone(), &mut self.work, need, |_| {}, Box::new(move |data, _| {
            let figures = reconcile_figures(&data, &coders, master, &codes, order);
            Ok(Done { data, figures })
        })) else {
            // A decision changes the project, so the data is read again; meanwhile the queue of
            // the same choices stays up (said to be updating) instead of vanishing at each click.
            let same = self.result.as_ref().is_some_and(|c| c.outcome.is_ok() && c.key.0 == key.0 && c.key.2 == key.2 && c.key.3 == key.3);
            if same && let Some(busy) = ctx.busy.take() {
                self.updating = Some(busy.next_frame);
            }
            return Refresh::Kept;
        };
        self.updating = None;
        self.result = Some(Computed { key, outcome });
        if self.position().is_none() {
            // The first unresolved item, or the first.
            let first = self.items().iter().position(|i| self.decision(i.id).is_none()).unwrap_or(0);
            self.select(first);
        }
        Refresh::Kept
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let coders = self.coders();
        if coders.len() != 2 || coders[0] == coders[1] {
            status(ui, t!("reconcile-two-coders"), false);
            return false;
        }
        if self.master.trim().is_empty() {
            status(ui, t!("reconcile-name-master"), false);
            return false;
        }
        if coders.iter().any(|c| self.name(*c) == self.master.trim()) {
            status(ui, t!("reconcile-master-compared"), true);
            return false;
        }
        let Some(result) = &self.result else { return false };
        let done = match &result.outcome {
            Ok(done) => done,
            Err(e) => {
                status(ui, e, true);
                return false;
            }
        };
        let (a, b) = (self.name(coders[0]), self.name(coders[1]));
        let mut line = t!("reconcile-resolved-count", resolved = self.resolved(), total = done.figures.items.len());
        if let Some(next_frame) = self.updating {
            line = t!("reconcile-updating", line = line);
            if next_frame {
                ui.ctx().request_repaint();
            } else {
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        // Counted each frame, copied only when asked for (150,000 codings at the reference scale).
        let n_agreed = done.figures.agreed_missing.len();
        let master = self.master.trim().to_string();
        let mut copy = false;
        ui.horizontal_wrapped(|ui| {
            ui.strong(line);
            if let Some(note) = note {
                ui.weak(note);
            }
            if n_agreed > 0 {
                copy = ui
                    .button(t!("reconcile-copy-agreed", n = n_agreed, name = &master))
                    .on_hover_text(t!("reconcile-copy-agreed.tooltip"))
                    .clicked();
            }
        });
        if copy && let Some(done) = current(&self.result) {
            let action = plan_agreed(&self.scope(), done.figures.agreed_missing.clone(), &self.decided_by);
            self.outbox.push(Request::Perform(Box::new(action)));
            ui.ctx().request_repaint();
        }
        let mut agreement = vec![t!("reconcile-before", a = &a, b = &b, figures = describe(&done.figures.before))];
        for (c, fig) in &done.figures.after {
            agreement.push(t!("reconcile-after", a = self.name(*c), b = self.master.trim(), figures = describe(fig)));
        }
        ui.weak(agreement.join(" · ")).on_hover_text(t!("reconcile-agreement-tooltip"));
        true
    }

    fn show(&mut self, ui: &mut Ui, _selected: Option<Pick>) -> Option<Pick> {
        if self.items().is_empty() {
            status(ui, t!("reconcile-no-disagreements"), false);
            return None;
        }
        let decided_by = self.decided_by.clone();
        // The queue takes at most two fifths of the width, so the item beside it stays readable.
        let queue_width = (ui.available_width() * 0.4).clamp(220.0, 360.0);
        egui::Panel::left("reconcile_queue_panel").resizable(true).default_size(queue_width).show(ui, |ui| self.queue_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("reconcile_item").auto_shrink([false, false]).show(ui, |ui| self.item_ui(ui, &decided_by));
        });
        None
    }

    fn unsaved(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.outbox)
    }

    /// The queue as `thicket reconcile … list --format csv` prints it.
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let (Some(l), Some(done)) = (&self.listing, current(&self.result)) else {
            return Err(Error::not_found("the reconciliation queue has no result to export yet"));
        };
        let header = ["item", "source", "code", "start", "end", "kind", "a_spans", "b_spans", "resolved", "decision", "note"];
        let mut sheet = Sheet::new("Reconciliation", header.iter().map(|h| h.to_string()).collect());
        let spans = |s: Option<&Vec<TextSpan>>| Cell::Text(s.map(|s| s.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")).unwrap_or_default());
        for item in &done.figures.items {
            let d = self.decision(item.id);
            let decision = d.map(|d| match d.choice_for(&self.coders()) {
                Choice::Edit(s) => format!("edit {s}"),
                c => c.name().to_string(),
            });
            sheet.rows.push(vec![
                Cell::Text(item.id.to_string()),
                Cell::Text(done.data.sources.get(&item.id.source).map_or(String::new(), |s| s.name.clone())),
                Cell::Text(l.codebook.path(item.id.code).unwrap_or_default().to_string()),
                Cell::Int(item.id.extent.start as u64),
                Cell::Int(item.id.extent.end as u64),
                Cell::Text(item.kind.name().into()),
                spans(item.spans.first()),
                spans(item.spans.get(1)),
                Cell::Text(if d.is_some() { "yes" } else { "no" }.into()),
                Cell::Text(decision.unwrap_or_default()),
                Cell::Text(d.map(|d| d.note.clone()).unwrap_or_default()),
            ]);
        }
        Ok(vec![sheet])
    }

    fn chart(&self) -> Result<Chart> {
        Err(Error::invalid("the reconciliation queue has no chart: export it as a table (CSV, XLSX)"))
    }

    fn as_reconcile(&mut self) -> Option<&mut ReconcileView> {
        Some(self)
    }
}

/// The Export menu of the queue: a table (CSV, XLSX); no chart.
fn menu(ui: &mut Ui, ready: bool, pseudonymise: &mut bool) -> Option<ExportFormat> {
    let items = [(ExportFormat::Csv, t!("reconcile-export-csv")), (ExportFormat::Xlsx, t!("reconcile-export-xlsx"))];
    super::export_menu::formats_menu(ui, ready, &items, pseudonymise, |_| {})
}
