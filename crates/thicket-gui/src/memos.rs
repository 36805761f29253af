//! The memo browser: every memo of the project — on the project, a source, a passage, a code, a
//! case, a participant, and the memos kept on codings — with what it is attached to, its coder
//! and date; filters by kind and by text; a multi-line editor for the selected memo; a new project
//! memo; delete (undoable).
//!
//! In: `&Project`, read again whenever the app's generation changes. Out: `UiCommand`s — the
//! actions that save or delete memos, and jumps to the passage a memo is about. When the editor
//! saves is decided by [`MemoEditor`]. Other panels open a memo here with [`MemoSubject`].

use std::collections::HashMap;

use egui::{Color32, RichText};

use super::app::UiCommand;
use super::memo_editor::{EditTarget, MemoChange, MemoEditor};
use thicket_core::Action;
use thicket_core::action::EntitySet;
use thicket_core::error::Result;
use thicket_core::model::*;
use thicket_core::project::Project;

/// What a "Memo…" entry asks the browser to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoSubject {
    /// A new memo on the whole project.
    NewProjectMemo,
    /// A stored memo.
    Memo(MemoId),
    /// The memo of an entity: its most recently edited one, or a new one.
    Of(MemoTarget),
    /// The memo of a coding (stored on the coding).
    Coding(CodingId),
}

/// What a memo is attached to, as the kind filter offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemoKind {
    Project,
    Source,
    /// A span of a source.
    Passage,
    Code,
    Case,
    Participant,
    /// A coded segment (the coding's own memo).
    Coding,
}

impl MemoKind {
    /// Every kind, in the order the filter lists them.
    pub const ALL: [MemoKind; 7] =
        [MemoKind::Project, MemoKind::Source, MemoKind::Passage, MemoKind::Code, MemoKind::Case, MemoKind::Participant, MemoKind::Coding];

    /// The label in the filter and in the list.
    pub fn label(self) -> &'static str {
        match self {
            MemoKind::Project => t!("memos-kind-project"),
            MemoKind::Source => t!("memos-kind-source"),
            MemoKind::Passage => t!("memos-kind-passage"),
            MemoKind::Code => t!("memos-kind-code"),
            MemoKind::Case => t!("memos-kind-case"),
            MemoKind::Participant => t!("memos-kind-participant"),
            MemoKind::Coding => t!("memos-kind-coding"),
        }
    }

    fn of(target: &MemoTarget) -> MemoKind {
        match target {
            MemoTarget::Project => MemoKind::Project,
            MemoTarget::Source { span: None, .. } => MemoKind::Source,
            MemoTarget::Source { span: Some(_), .. } => MemoKind::Passage,
            MemoTarget::Code { .. } => MemoKind::Code,
            MemoTarget::Case { .. } => MemoKind::Case,
            MemoTarget::Participant { .. } => MemoKind::Participant,
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq)]
struct MemoEntry {
    target: EditTarget,
    kind: MemoKind,
    /// What it is attached to, e.g. "Code Ruptures/Withdrawal".
    attached: String,
    title: String,
    body: String,
    coder: String,
    /// `YYYY-MM-DD HH:MM` (UTC) of the last change (of a coding memo: of the coding's creation,
    /// the only time a coding keeps).
    date: String,
    /// The full RFC 3339 time behind `date`, for sorting.
    changed_at: String,
    /// The text it is about, for "Show in document".
    place: Option<(SourceId, Option<TextSpan>)>,
}

impl MemoEntry {
    fn matches(&self, kind: Option<MemoKind>, needle: &str) -> bool {
        kind.is_none_or(|k| k == self.kind)
            && (needle.is_empty()
                || [&self.attached, &self.title, &self.body, &self.coder].iter().any(|s| s.to_lowercase().contains(needle)))
    }

    /// The title, or else the first line of the text, shortened.
    fn summary(&self) -> String {
        let line = if self.title.trim().is_empty() { self.body.lines().find(|l| !l.trim().is_empty()).unwrap_or("") } else { &self.title };
        shorten(line.trim(), 90)
    }
}

/// The memo open in the editor, with how to present it.
struct Open {
    editor: MemoEditor,
    kind: MemoKind,
    attached: String,
    place: Option<(SourceId, Option<TextSpan>)>,
}

/// The browser's state between frames.
#[derive(Default)]
pub struct MemoBrowser {
    kind: Option<MemoKind>,
    search: String,
    entries: Vec<MemoEntry>,
    /// The app generation `entries` were read at.
    loaded: Option<u64>,
    open: Option<Open>,
    /// Put the keyboard in the memo text on the next frame.
    focus_body: bool,
    /// Whose memos are listed (set by the app before drawing; a change bumps the generation, so
    /// the list is read again).
    pub(crate) coder_filter: crate::team::CoderFilter,
}

impl MemoBrowser {
    /// Draws the window (when `open`); returns what to apply. Closing the window saves the memo.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, generation: u64, open: &mut bool) -> Vec<UiCommand> {
        let mut out = Vec::new();
        if self.loaded != Some(generation) {
            self.reload(project, generation);
        }
        let now = ctx.input(|i| i.time);
        // Bottom right, over the codebook and segments rather than the text being read.
        let screen = ctx.content_rect();
        let corner = egui::pos2((screen.right() - 580.0).max(screen.left()), (screen.bottom() - 620.0).max(screen.top() + 40.0));
        crate::window_fit::fit(egui::Window::new(t!("memos-title")).open(open).default_pos(corner).default_size([560.0, 560.0]), ctx).show(ctx, |ui| {
            self.toolbar(ui, project, &mut out);
            ui.separator();
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(340.0);
                    self.list(ui, project, &mut out);
                });
                ui.separator();
                ui.vertical(|ui| self.editor(ui, project, now, &mut out));
            });
        });
        if !*open {
            out.extend(self.flush(project));
        } else if let Some(o) = &mut self.open {
            match o.editor.due_in(now) {
                Some(d) if d <= 0.0 => out.extend(save(&mut o.editor, project)),
                Some(d) => ctx.request_repaint_after_secs(d as f32),
                None => {}
            }
        }
        out
    }

    /// The change that saves unsaved text now (before an undo, or when the project closes).
    pub fn flush(&mut self, project: &Project) -> Option<UiCommand> {
        save(&mut self.open.as_mut()?.editor, project)
    }

    /// A new memo on `target` was stored as `id` (the app created it for the editor).
    pub fn created(&mut self, target: MemoTarget, id: MemoId) {
        if let Some(o) = &mut self.open {
            o.editor.created(target, id);
        }
    }

    /// Opens `subject` in the editor; returns the change that saves the memo open before it.
    pub fn open(&mut self, project: &Project, subject: MemoSubject) -> Option<UiCommand> {
        let saved = self.flush(project);
        match self.open_subject(project, subject) {
            Ok(open) => {
                self.open = open;
                self.focus_body = self.open.is_some();
            }
            Err(e) => log_error(&e),
        }
        // The list may be stale (opened before the app's next frame): read it again then.
        self.loaded = None;
        saved
    }

    fn open_subject(&self, project: &Project, subject: MemoSubject) -> Result<Option<Open>> {
        let mut names = Names::load(project)?;
        Ok(match subject {
            MemoSubject::NewProjectMemo => Some(new_memo(&mut names, project, MemoTarget::Project)),
            MemoSubject::Memo(id) => project.memos()?.into_iter().find(|m| m.id == id).map(|m| open_memo(&mut names, project, m)),
            MemoSubject::Of(target) => {
                let newest = project.memos()?.into_iter().filter(|m| m.target == target).max_by(|a, b| (&a.updated_at, a.id).cmp(&(&b.updated_at, b.id)));
                Some(match newest {
                    Some(m) => open_memo(&mut names, project, m),
                    None => new_memo(&mut names, project, target),
                })
            }
            MemoSubject::Coding(id) => project.coding(id)?.map(|c| {
                let entry = coding_entry(&names, &c);
                Open { editor: MemoEditor::open(EditTarget::Coding(id), String::new(), c.memo), kind: MemoKind::Coding, attached: entry.attached, place: entry.place }
            }),
        })
    }

    fn reload(&mut self, project: &Project, generation: u64) {
        match load_entries(project, &self.coder_filter) {
            Ok(entries) => self.entries = entries,
            Err(e) => log_error(&e),
        }
        self.loaded = Some(generation);
        let Some(o) = &mut self.open else { return };
        match o.editor.target {
            EditTarget::Memo(_) => match self.entries.iter().find(|e| e.target == o.editor.target) {
                Some(e) => o.editor.stored(&e.title, &e.body),
                // Deleted (or its creation undone): nothing left to edit.
                None => self.open = None,
            },
            EditTarget::Coding(id) => match project.coding(id) {
                Ok(Some(c)) => o.editor.stored("", &c.memo),
                Ok(None) => self.open = None,
                Err(e) => log_error(&e),
            },
            EditTarget::New(_) => {}
        }
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<UiCommand>) {
        ui.horizontal(|ui| {
            if ui.button(t!("memos-new-project-memo")).on_hover_text(t!("memos-new-project-memo.tooltip")).clicked() {
                out.extend(self.open(project, MemoSubject::NewProjectMemo));
            }
            ui.separator();
            let label = ui.label(t!("memos-kind"));
            egui::ComboBox::from_id_salt("memo_kind")
                .selected_text(self.kind.map_or(t!("memos-all-kinds"), MemoKind::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, t!("memos-all-kinds"));
                    for k in MemoKind::ALL {
                        ui.selectable_value(&mut self.kind, Some(k), k.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(t!("memos-search"));
            ui.add(egui::TextEdit::singleline(&mut self.search).hint_text(t!("memos-search-hint")).desired_width(220.0))
                .labelled_by(label.id);
        });
    }

    fn list(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<UiCommand>) {
        let needle = self.search.trim().to_lowercase();
        let shown: Vec<usize> = (0..self.entries.len()).filter(|&i| self.entries[i].matches(self.kind, &needle)).collect();
        ui.weak(match (shown.len(), self.entries.len()) {
            (n, total) if n == total => t!("memos-count", n = n),
            (n, total) => t!("memos-count-of", n = n, total = total),
        });
        let current = self.open.as_ref().map(|o| o.editor.target);
        let mut clicked = None;
        egui::ScrollArea::vertical().id_salt("memo_list").max_height(460.0).auto_shrink([false, true]).show(ui, |ui| {
            for &i in &shown {
                let e = &self.entries[i];
                let text = format!("{}\n{}\n{} · {}", e.attached, e.summary(), e.coder, e.date);
                let response = ui.add(egui::Button::selectable(current == Some(e.target), text).wrap().frame_when_inactive(false));
                if response.clicked() {
                    clicked = Some(e.target);
                }
                ui.add_space(3.0);
            }
            if shown.is_empty() {
                ui.weak(if self.entries.is_empty() {
                    t!("memos-none-yet")
                } else {
                    t!("memos-no-match")
                });
            }
        });
        if let Some(target) = clicked.filter(|t| Some(*t) != current) {
            let subject = match target {
                EditTarget::Memo(id) => MemoSubject::Memo(id),
                EditTarget::Coding(id) => MemoSubject::Coding(id),
                EditTarget::New(t) => MemoSubject::Of(t),
            };
            out.extend(self.open(project, subject));
            self.focus_body = false;
        }
    }

    fn editor(&mut self, ui: &mut egui::Ui, project: &Project, now: f64, out: &mut Vec<UiCommand>) {
        let Some(o) = &mut self.open else {
            ui.weak(t!("memos-select"));
            return;
        };
        ui.label(RichText::new(&o.attached).strong());
        let mut facts = vec![o.kind.label().to_string()];
        if let Some(e) = self.entries.iter().find(|e| e.target == o.editor.target) {
            facts.push(format!("{} · {}", e.coder, e.date));
        }
        ui.weak(facts.join(" · "));
        let mut changed = false;
        let mut lost_focus = false;
        if o.kind != MemoKind::Coding {
            let label = ui.label(t!("memos-memo-title"));
            let r = ui.add(egui::TextEdit::singleline(&mut o.editor.title).desired_width(f32::INFINITY)).labelled_by(label.id);
            changed |= r.changed();
            lost_focus |= r.lost_focus();
        }
        let label = ui.label(t!("memos-text"));
        let r = egui::ScrollArea::vertical()
            .id_salt("memo_text")
            .max_height(360.0)
            .show(ui, |ui| {
                ui.add(egui::TextEdit::multiline(&mut o.editor.body).desired_rows(16).desired_width(f32::INFINITY)).labelled_by(label.id)
            })
            .inner;
        if std::mem::take(&mut self.focus_body) {
            r.request_focus();
        }
        changed |= r.changed();
        lost_focus |= r.lost_focus();
        if changed {
            o.editor.touched(now);
        }
        if lost_focus {
            out.extend(save(&mut o.editor, project));
        }
        ui.horizontal(|ui| {
            if o.editor.is_dirty() {
                ui.weak(t!("memos-saved-when"));
            } else if matches!(o.editor.target, EditTarget::New(_)) {
                ui.weak(t!("memos-saved-once"));
            } else {
                ui.weak(t!("memos-saved"));
            }
        });
        let mut delete = false;
        ui.horizontal(|ui| {
            if let Some((source, span)) = o.place
                && ui.button(t!("memos-show-in-document")).clicked()
            {
                out.push(match span {
                    Some(span) => UiCommand::ShowSpan(source, span),
                    None => UiCommand::SelectSource(source),
                });
            }
            let stored = !matches!(o.editor.target, EditTarget::New(_));
            if ui.add_enabled(stored, egui::Button::new(RichText::new(t!("memos-delete")).color(Color32::from_rgb(190, 30, 30)))).on_hover_text(t!("memos-delete.tooltip")).clicked() {
                delete = true;
            }
        });
        if delete {
            out.extend(delete_command(o.editor.target, project));
            self.open = None;
        }
    }
}

/// The command that saves the editor's text, if it is unsaved.
fn save(editor: &mut MemoEditor, project: &Project) -> Option<UiCommand> {
    let change = editor.commit(|id| project.coding(id).ok().flatten().map(|c| c.span))?;
    Some(match change {
        MemoChange::Perform(action) => UiCommand::Perform(action),
        MemoChange::Create { target, title, body } => UiCommand::CreateMemo { target, title, body },
    })
}

/// Deleting a memo; a coding's memo is emptied (the coding stays).
fn delete_command(target: EditTarget, project: &Project) -> Option<UiCommand> {
    match target {
        EditTarget::Memo(id) => Some(UiCommand::Perform(Action::Remove(EntitySet { memos: vec![id], ..Default::default() }))),
        EditTarget::Coding(id) => {
            let span = project.coding(id).ok().flatten()?.span;
            Some(UiCommand::Perform(Action::UpdateCoding { id, span, memo: String::new() }))
        }
        EditTarget::New(_) => None,
    }
}

/// A small note icon saying that something has a memo; hovering says what to do with it.
pub fn memo_mark(ui: &mut egui::Ui, hover: &str) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(10.0, 12.0), egui::Sense::hover());
    let color = ui.visuals().weak_text_color();
    let page = rect.shrink2(egui::vec2(1.0, 1.0));
    let painter = ui.painter();
    painter.rect_stroke(page, 1.0, egui::Stroke::new(1.0, color), egui::StrokeKind::Inside);
    for k in 1..4 {
        let y = page.top() + page.height() * k as f32 / 4.0;
        painter.line_segment([egui::pos2(page.left() + 2.0, y), egui::pos2(page.right() - 2.0, y)], egui::Stroke::new(1.0, color));
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, t!("memos-has-memo")));
    response.on_hover_text(hover)
}

fn log_error(e: &thicket_core::Error) {
    eprintln!("thicket: memo browser: {e}");
}

fn shorten(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max { format!("{}…", s.chars().take(max - 1).collect::<String>()) } else { s }
}

/// `2025-03-04T09:15:00Z` as the window's language writes a date and time ("4 Mar 2025, 09:15").
fn date_label(rfc3339: &str) -> String {
    crate::i18n::date_time(rfc3339)
}

/// Names of everything a memo can be attached to, read once per reload.
struct Names {
    sources: HashMap<SourceId, String>,
    book: Codebook,
    cases: HashMap<CaseId, String>,
    people: HashMap<ParticipantId, String>,
    coders: HashMap<CoderId, String>,
    texts: HashMap<SourceId, String>,
}

impl Names {
    fn load(project: &Project) -> Result<Names> {
        Ok(Names {
            sources: project.sources()?.into_iter().map(|s| (s.id, s.name)).collect(),
            book: project.codebook()?,
            cases: project.cases()?.into_iter().map(|c| (c.id, c.name)).collect(),
            people: project.participants()?.into_iter().map(|p| (p.id, p.name)).collect(),
            coders: project.coders()?.into_iter().map(|c| (c.id, c.name)).collect(),
            texts: HashMap::new(),
        })
    }

    fn source(&self, id: SourceId) -> &str {
        self.sources.get(&id).map_or(t!("memos-deleted-source"), String::as_str)
    }

    fn coder(&self, id: CoderId) -> String {
        self.coders.get(&id).cloned().unwrap_or_default()
    }

    /// "Code Ruptures/Withdrawal", "Passage of “visit”: “I felt judged”"...
    fn attached(&mut self, project: &Project, target: &MemoTarget) -> String {
        match *target {
            MemoTarget::Project => t!("memos-kind-project").into(),
            MemoTarget::Source { id, span: None } => t!("memos-on-source", source = self.source(id)),
            MemoTarget::Source { id, span: Some(span) } => {
                let text = self.texts.entry(id).or_insert_with(|| project.source_text(id).unwrap_or_default());
                let quote = shorten(thicket_core::text::slice_chars(text, span.start..span.end).unwrap_or(""), 60);
                t!("memos-on-passage", source = self.source(id), quote = quote)
            }
            MemoTarget::Code { id } => t!("memos-on-code", code = self.book.path(id).unwrap_or(t!("memos-deleted-code"))),
            MemoTarget::Case { id } => t!("memos-on-case", case = self.cases.get(&id).map_or(t!("memos-deleted-case"), String::as_str)),
            MemoTarget::Participant { id } => t!("memos-on-participant", participant = self.people.get(&id).map_or(t!("memos-deleted-participant"), String::as_str)),
        }
    }
}

fn place_of(target: &MemoTarget) -> Option<(SourceId, Option<TextSpan>)> {
    match *target {
        MemoTarget::Source { id, span } => Some((id, span)),
        _ => None,
    }
}

fn new_memo(names: &mut Names, project: &Project, target: MemoTarget) -> Open {
    let attached = names.attached(project, &target);
    Open { editor: MemoEditor::open(EditTarget::New(target), String::new(), String::new()), kind: MemoKind::of(&target), attached, place: place_of(&target) }
}

fn open_memo(names: &mut Names, project: &Project, m: Memo) -> Open {
    let attached = names.attached(project, &m.target);
    Open { editor: MemoEditor::open(EditTarget::Memo(m.id), m.title, m.body), kind: MemoKind::of(&m.target), attached, place: place_of(&m.target) }
}

fn coding_entry(names: &Names, c: &Coding) -> MemoEntry {
    MemoEntry {
        target: EditTarget::Coding(c.id),
        kind: MemoKind::Coding,
        attached: t!("memos-on-coding", code = names.book.path(c.code_id).unwrap_or(t!("memos-deleted-code")), source = names.source(c.source_id), quote = shorten(&c.quote.exact, 60)),
        title: String::new(),
        body: c.memo.clone(),
        coder: names.coder(c.coder_id),
        date: date_label(&c.created_at),
        changed_at: c.created_at.clone(),
        place: Some((c.source_id, Some(c.span))),
    }
}

/// Every memo and coding memo of the coders `shown` lets through (the Team view's ticks, blind
/// mode), most recently changed first.
fn load_entries(project: &Project, shown: &crate::team::CoderFilter) -> Result<Vec<MemoEntry>> {
    let mut names = Names::load(project)?;
    let mut entries = Vec::new();
    for m in project.memos()?.into_iter().filter(|m| shown.passes(m.coder_id)) {
        entries.push(MemoEntry {
            target: EditTarget::Memo(m.id),
            kind: MemoKind::of(&m.target),
            attached: names.attached(project, &m.target),
            coder: names.coder(m.coder_id),
            date: date_label(&m.updated_at),
            changed_at: m.updated_at.clone(),
            place: place_of(&m.target),
            title: m.title,
            body: m.body,
        });
    }
    for c in project.coding_memos()?.into_iter().filter(|c| shown.passes(c.coder_id)) {
        entries.push(coding_entry(&names, &c));
    }
    let rank = |t: &EditTarget| match *t {
        EditTarget::Memo(id) => (0, id.0),
        EditTarget::Coding(id) => (1, id.0),
        EditTarget::New(_) => (2, 0),
    };
    entries.sort_by(|a, b| b.changed_at.cmp(&a.changed_at).then_with(|| rank(&a.target).cmp(&rank(&b.target))));
    Ok(entries)
}
