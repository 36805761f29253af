//! The cases window: create, rename, describe and delete cases (the deletion is confirmed with
//! what it touches, and undoable), assign and unassign sources with a checkbox list filtered by
//! name and kind, and open a case's memo. Also the navigator's context menus for a source
//! ("Memo…", "Assign to case") and for a case heading.
//!
//! In: `&Project`. Out: `UiCommand`s (actions, memo and window requests); every change is one
//! undoable action.

use std::collections::BTreeSet;

use egui::{Color32, RichText};

use super::app::UiCommand;
use super::memos::{MemoSubject, memo_mark};
use thicket_core::Action;
use thicket_core::action::EntitySet;
use thicket_core::model::*;
use super::listings::WindowListings;
use thicket_core::project::{CaseDeletionSummary, Project};

/// The window's state between frames.
#[derive(Default)]
pub struct CasesWindow {
    selected: Option<CaseId>,
    new_name: String,
    /// Select the case of this name as soon as it exists (after "Create case").
    select_named: Option<String>,
    /// Name and description as typed, for `editing` (re-read from the project while unfocused).
    name: String,
    description: String,
    editing: Option<CaseId>,
    name_focused: bool,
    description_focused: bool,
    source_filter: String,
    kind: Option<SourceKind>,
    confirm_delete: Option<CaseId>,
    /// What deleting `confirm_delete` takes with it, read when the confirmation opened.
    deletion: Option<(CaseId, CaseDeletionSummary)>,
}

impl CasesWindow {
    /// Shows `case` (or keeps the current one) the next time the window is drawn.
    pub fn select(&mut self, case: Option<CaseId>) {
        if case.is_some() {
            self.selected = case;
        }
    }

    /// Draws the window; returns what to apply. Closing it saves a name or description being typed.
    /// The rows come from `lists`; the project is read only when a deletion is asked for.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, lists: &WindowListings, open: &mut bool) -> Vec<UiCommand> {
        let mut out = Vec::new();
        let (cases, links, marks) = (&lists.cases, &lists.case_sources, &lists.marks);
        if let Some(name) = &self.select_named
            && let Some(c) = cases.iter().find(|c| &c.name == name)
        {
            self.selected = Some(c.id);
            self.select_named = None;
        }
        if self.selected.is_some_and(|id| !cases.iter().any(|c| c.id == id)) {
            self.selected = None;
        }
        let was_open = *open;
        crate::window_fit::fit(egui::Window::new(t!("cases-title")).open(open).default_size([760.0, 540.0]), ctx).show(ctx, |ui| {
            self.create_row(ui, cases, &mut out);
            ui.separator();
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(230.0);
                    egui::ScrollArea::vertical().id_salt("case_list").max_height(440.0).show(ui, |ui| {
                        for c in cases {
                            let n = links.iter().filter(|(k, _)| *k == c.id).count();
                            let text = t!("cases-list-row", case = &c.name, n = n);
                            if ui.selectable_label(self.selected == Some(c.id), text).clicked() {
                                out.extend(self.save(cases));
                                self.selected = Some(c.id);
                            }
                        }
                        if cases.is_empty() {
                            ui.weak(t!("cases-none-yet"));
                        }
                    });
                });
                ui.separator();
                ui.vertical(|ui| {
                    let case = self.selected.and_then(|id| cases.iter().find(|c| c.id == id));
                    match case {
                        Some(case) => self.details(ui, lists, case, marks.cases.contains(&case.id), &mut out),
                        None => {
                            ui.weak(t!("cases-select"));
                        }
                    }
                });
            });
        });
        if was_open && !*open {
            out.extend(self.save(cases));
        }
        self.delete_window(ctx, project, cases, &mut out);
        out
    }

    fn create_row(&mut self, ui: &mut egui::Ui, cases: &[Case], out: &mut Vec<UiCommand>) {
        ui.horizontal(|ui| {
            let label = ui.label(t!("cases-new-name"));
            let r = ui.add(egui::TextEdit::singleline(&mut self.new_name).hint_text(t!("cases-new-name-hint")).desired_width(220.0)).labelled_by(label.id);
            let name = self.new_name.trim().to_string();
            let taken = cases.iter().any(|c| c.name == name);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.add_enabled(!name.is_empty() && !taken, egui::Button::new(t!("cases-create"))).clicked() || enter) && !name.is_empty() && !taken {
                out.push(UiCommand::Perform(Action::CreateCase { name: name.clone(), description: String::new(), sources: Vec::new() }));
                self.select_named = Some(name);
                self.new_name.clear();
            }
            if taken {
                ui.colored_label(Color32::from_rgb(200, 40, 40), t!("cases-name-exists"));
            }
        });
    }

    fn details(&mut self, ui: &mut egui::Ui, lists: &WindowListings, case: &Case, has_memo: bool, out: &mut Vec<UiCommand>) {
        let (cases, links, sources) = (&lists.cases, &lists.case_sources, &lists.sources);
        if self.editing != Some(case.id) {
            self.editing = Some(case.id);
            self.name_focused = false;
            self.description_focused = false;
        }
        // While a field is not being typed in, it shows what the project has (e.g. after an undo).
        if !self.name_focused {
            self.name = case.name.clone();
        }
        if !self.description_focused {
            self.description = case.description.clone();
        }
        let label = ui.label(t!("cases-name"));
        let r = ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY)).labelled_by(label.id);
        self.name_focused = r.has_focus();
        let clash = self.name.trim() != case.name && cases.iter().any(|c| c.name == self.name.trim());
        if clash {
            ui.colored_label(Color32::from_rgb(200, 40, 40), t!("cases-name-taken"));
        } else if self.name.trim().is_empty() {
            ui.colored_label(Color32::from_rgb(200, 40, 40), t!("cases-name-needed"));
        }
        if r.lost_focus() {
            out.extend(self.save(cases));
        }
        let label = ui.label(t!("cases-description"));
        let r = ui.add(egui::TextEdit::multiline(&mut self.description).desired_rows(3).desired_width(f32::INFINITY)).labelled_by(label.id);
        self.description_focused = r.has_focus();
        if r.lost_focus() {
            out.extend(self.save(cases));
        }
        ui.horizontal(|ui| {
            if ui.button(t!("cases-memo")).on_hover_text(t!("cases-memo.tooltip")).clicked() {
                out.push(UiCommand::OpenMemo(MemoSubject::Of(MemoTarget::Case { id: case.id })));
            }
            if has_memo {
                memo_mark(ui, t!("cases-has-memo"));
            }
            if ui.button(t!("cases-delete")).clicked() {
                self.confirm_delete = Some(case.id);
            }
        });
        let people = &lists.cases_by_participant;
        let mut members: Vec<String> =
            lists.participants.iter().filter(|p| people.get(&p.id).is_some_and(|cs| cs.contains(&case.name))).map(|p| p.name.clone()).collect();
        members.sort();
        ui.weak(if members.is_empty() { t!("cases-no-participants").to_string() } else { t!("cases-participants", names = members.join(", ")) });
        ui.separator();
        self.sources(ui, case, links, sources, out);
    }

    /// The checkbox list of sources: ticked ones belong to the case.
    fn sources(&mut self, ui: &mut egui::Ui, case: &Case, links: &[(CaseId, SourceId)], sources: &[Source], out: &mut Vec<UiCommand>) {
        let assigned: BTreeSet<SourceId> = links.iter().filter(|(c, _)| *c == case.id).map(|(_, s)| *s).collect();
        ui.label(RichText::new(t!("cases-sources-in", case = &case.name, n = assigned.len())).strong());
        ui.horizontal(|ui| {
            let label = ui.label(t!("cases-filter-sources"));
            ui.add(egui::TextEdit::singleline(&mut self.source_filter).desired_width(180.0)).labelled_by(label.id);
            let label = ui.label(t!("cases-source-kind"));
            egui::ComboBox::from_id_salt("case_source_kind")
                .selected_text(self.kind.map_or(t!("cases-any-kind"), crate::i18n::values::source_kind))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, t!("cases-any-kind"));
                    for k in SourceKind::ALL {
                        ui.selectable_value(&mut self.kind, Some(*k), crate::i18n::values::source_kind(*k));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let needle = self.source_filter.trim().to_lowercase();
        let shown: Vec<&Source> = sources
            .iter()
            .filter(|s| self.kind.is_none_or(|k| k == s.kind) && (needle.is_empty() || s.name.to_lowercase().contains(&needle)))
            .collect();
        ui.horizontal(|ui| {
            let to_add: Vec<SourceId> = shown.iter().map(|s| s.id).filter(|id| !assigned.contains(id)).collect();
            let to_remove: Vec<SourceId> = shown.iter().map(|s| s.id).filter(|id| assigned.contains(id)).collect();
            if ui.add_enabled(!to_add.is_empty(), egui::Button::new(t!("cases-assign-shown", n = to_add.len()))).clicked() {
                out.push(UiCommand::Perform(Action::AssignSources { case: case.id, sources: to_add }));
            }
            if ui.add_enabled(!to_remove.is_empty(), egui::Button::new(t!("cases-unassign-shown", n = to_remove.len()))).clicked() {
                out.push(UiCommand::Perform(Action::UnassignSources { case: case.id, sources: to_remove }));
            }
        });
        let row = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical().id_salt("case_sources").max_height(300.0).auto_shrink([false, true]).show_rows(ui, row, shown.len(), |ui, range| {
            for s in &shown[range] {
                let mut ticked = assigned.contains(&s.id);
                let r = ui.checkbox(&mut ticked, &s.name).on_hover_text(format!("{} · {}", crate::i18n::values::source_kind(s.kind), s.date.as_deref().unwrap_or(t!("cases-no-date"))));
                if r.changed() {
                    let sources = vec![s.id];
                    out.push(UiCommand::Perform(if ticked {
                        Action::AssignSources { case: case.id, sources }
                    } else {
                        Action::UnassignSources { case: case.id, sources }
                    }));
                }
            }
        });
    }

    /// The action that saves a changed name or description, if they are valid.
    fn save(&mut self, cases: &[Case]) -> Option<UiCommand> {
        let case = cases.iter().find(|c| Some(c.id) == self.editing)?;
        let name = self.name.trim();
        if name.is_empty() || (name != case.name && cases.iter().any(|c| c.name == name)) {
            return None;
        }
        if name == case.name && self.description == case.description {
            return None;
        }
        Some(UiCommand::Perform(Action::UpdateCase { id: case.id, name: name.to_string(), description: self.description.clone() }))
    }

    fn delete_window(&mut self, ctx: &egui::Context, project: &Project, cases: &[Case], out: &mut Vec<UiCommand>) {
        let Some(id) = self.confirm_delete else { return };
        let Some(case) = cases.iter().find(|c| c.id == id) else {
            self.confirm_delete = None;
            return;
        };
        // Read once when the confirmation opens, not on every frame it stays open.
        if self.deletion.as_ref().is_none_or(|(case, _)| *case != id) {
            self.deletion = Some((id, project.case_deletion_summary(id).unwrap_or_default()));
        }
        let summary = self.deletion.map(|(_, s)| s).unwrap_or_default();
        let mut close = false;
        crate::window_fit::fit_dialog(egui::Window::new(t!("cases-delete-title")).collapsible(false), ctx).show(ctx, |ui| {
            ui.label(t!("cases-delete-question", case = &case.name));
            ui.label(t!("cases-delete-keeps", sources = summary.sources, participants = summary.participants));
            if summary.memos + summary.attribute_values > 0 {
                ui.label(t!("cases-delete-with", memos = summary.memos, values = summary.attribute_values));
            }
            ui.label(t!("cases-undo-hint"));
            ui.horizontal(|ui| {
                if ui.button(t!("cases-delete-confirm")).clicked() {
                    out.push(UiCommand::Perform(Action::Remove(EntitySet { cases: vec![id], ..Default::default() })));
                    close = true;
                }
                if ui.button(t!("cases-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm_delete = None;
            self.deletion = None;
        }
    }
}


/// The navigator's context menu of a source: its memo, the cases it belongs to, and whose
/// perspective it carries (`roles` are offered beside the agency and the researcher).
pub fn source_menu(ui: &mut egui::Ui, source: &Source, cases: &[Case], member_of: &[String], roles: &[Role], out: &mut Vec<UiCommand>) {
    if ui.button(t!("cases-memo")).clicked() {
        out.push(UiCommand::OpenMemo(MemoSubject::Of(MemoTarget::Source { id: source.id, span: None })));
        ui.close();
    }
    author_menu(ui, source, roles, out);
    ui.menu_button(t!("cases-assign-to"), |ui| {
        for case in cases {
            let mut ticked = member_of.contains(&case.name);
            if ui.checkbox(&mut ticked, &case.name).changed() {
                let sources = vec![source.id];
                out.push(UiCommand::Perform(if ticked {
                    Action::AssignSources { case: case.id, sources }
                } else {
                    Action::UnassignSources { case: case.id, sources }
                }));
                ui.close();
            }
        }
        if !cases.is_empty() {
            ui.separator();
        }
        if ui.button(t!("cases-new-case")).clicked() {
            out.push(UiCommand::ShowCases(None));
            ui.close();
        }
    });
    ui.separator();
    if ui.button(t!("history-of-source")).on_hover_text(t!("history-of-source.tooltip")).clicked() {
        out.push(UiCommand::ShowHistoryOf(thicket_core::model::AuditEntityKind::Source, source.id.0));
        ui.close();
    }
}

/// Perspectives a source's author can have besides the project's roles: who writes case files
/// and observation notes.
const AUTHORS: [&str; 2] = ["agency", "researcher"];

/// The window's words for one of [`AUTHORS`].
fn author_label(author: &str) -> &'static str {
    if author == "agency" { t!("cases-author-agency") } else { t!("cases-author-researcher") }
}

/// "Author (perspective)": the perspective triangulation counts for a source without speaker
/// turns, kept apart from the participants the source is about.
fn author_menu(ui: &mut egui::Ui, source: &Source, roles: &[Role], out: &mut Vec<UiCommand>) {
    let now = source.author.as_deref().unwrap_or(t!("cases-author-not-set"));
    ui.menu_button(t!("cases-author", author = now), |ui| {
        ui.weak(t!("cases-author-hint"));
        let mut choices: Vec<(Option<String>, String)> = vec![(None, t!("cases-author-none").to_string())];
        choices.extend(AUTHORS.iter().map(|a| (Some(a.to_string()), author_label(a).to_string())));
        choices.extend(roles.iter().filter(|r| !AUTHORS.contains(&r.name.as_str())).map(|r| (Some(r.name.clone()), r.label.clone())));
        for (value, label) in choices {
            if ui.radio(source.author == value, label).clicked() {
                if source.author != value {
                    out.push(UiCommand::Perform(Action::SetSourceAuthor { id: source.id, author: value }));
                }
                ui.close();
            }
        }
    });
}

/// The navigator's context menu of a case heading.
pub fn case_menu(ui: &mut egui::Ui, case: CaseId, out: &mut Vec<UiCommand>) {
    if ui.button(t!("cases-memo")).clicked() {
        out.push(UiCommand::OpenMemo(MemoSubject::Of(MemoTarget::Case { id: case })));
        ui.close();
    }
    if ui.button(t!("cases-edit-case")).clicked() {
        out.push(UiCommand::ShowCases(Some(case)));
        ui.close();
    }
}
