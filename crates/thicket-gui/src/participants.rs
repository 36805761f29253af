//! The participants window: every stakeholder with their role, cases, number of turns and
//! attributes; rename, change role, choose cases, set attribute values, open their memo, or merge
//! one into another (for speakers detected under two labels). Each change is one undoable action.

use std::collections::HashMap;

use super::app::UiCommand;
use super::attribute_cell::CellEdits;
use super::memos::{MemoSubject, memo_mark};
use thicket_core::Action;
use thicket_core::model::*;
use super::listings::WindowListings;
use thicket_core::project::Project;

/// Edits in progress (names and attribute values being typed), kept between frames.
#[derive(Default)]
pub struct ParticipantsWindow {
    names: HashMap<ParticipantId, String>,
    cells: CellEdits,
}

impl ParticipantsWindow {
    /// Draws the window; returns what to apply, if the user made a change or asked for a memo.
    /// The rows come from `lists`; the project is read only when the user merges two people.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, lists: &WindowListings, open: &mut bool) -> Option<UiCommand> {
        let (people, roles, cases, all_cases, turns, marks) = (&lists.participants, &lists.roles, &lists.cases_by_participant, &lists.cases, &lists.turn_counts, &lists.marks);
        let attributes: Vec<&AttributeDef> = lists.attributes.iter().filter(|a| a.applies_to == AttributeTarget::Participant).collect();
        let values: HashMap<(AttributeId, i64), &str> = lists.attribute_values.iter().map(|v| ((v.attribute_id, v.entity_id), v.value.as_str())).collect();
        let mut command = None;
        crate::window_fit::fit_table(egui::Window::new(t!("participants-title")).open(open).default_width(820.0), ctx).show(ctx, |ui| {
            ui.label(t!("participants-intro"));
            for (attribute, entity, message) in self.cells.problems() {
                let (Some(def), Some(p)) = (attributes.iter().find(|a| a.id == attribute), people.iter().find(|p| p.id.0 == entity)) else { continue };
                ui.colored_label(egui::Color32::from_rgb(200, 40, 40), t!("participants-cell-problem", attribute = &def.name, participant = &p.name, message = message));
            }
            egui::ScrollArea::both().max_height(480.0).show(ui, |ui| {
                egui::Grid::new("participants").num_columns(7 + attributes.len()).striped(true).show(ui, |ui| {
                    for h in [t!("participants-col-participant"), t!("participants-col-rename"), t!("participants-col-role"), t!("participants-col-turns"), t!("participants-col-cases")] {
                        ui.strong(h);
                    }
                    for a in &attributes {
                        ui.strong(&a.name).on_hover_text(super::attributes::type_label(a.value_type));
                    }
                    ui.strong(t!("participants-col-memo"));
                    ui.strong(t!("participants-col-merge"));
                    ui.end_row();
                    for p in people {
                        let case_names = cases.get(&p.id).cloned().unwrap_or_default();
                        let case_ids: Vec<CaseId> = all_cases.iter().filter(|c| case_names.contains(&c.name)).map(|c| c.id).collect();
                        let update = |name: String, role: Option<String>, cases: Vec<CaseId>| {
                            UiCommand::Perform(Action::UpdateParticipant { id: p.id, name, role, cases })
                        };
                        let label = ui.label(&p.name);
                        let name = self.names.entry(p.id).or_insert_with(|| p.name.clone());
                        let edit = ui
                            .add(egui::TextEdit::singleline(name).desired_width(140.0).id_salt(("name", p.id)))
                            .labelled_by(label.id);
                        if edit.lost_focus() && name.trim() != p.name && !name.trim().is_empty() {
                            command = Some(update(name.trim().to_string(), p.role.clone(), case_ids.clone()));
                        }
                        let mut role = p.role.clone();
                        egui::ComboBox::from_id_salt(("role", p.id))
                            .selected_text(role.clone().unwrap_or_else(|| t!("participants-no-role").into()))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut role, None, t!("participants-no-role"));
                                for r in roles {
                                    ui.selectable_value(&mut role, Some(r.name.clone()), &r.label);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        if role != p.role {
                            command = Some(update(p.name.clone(), role, case_ids.clone()));
                        }
                        ui.label(turns.get(&p.id).copied().unwrap_or(0).to_string());
                        let shown = if case_names.is_empty() { t!("participants-no-case").to_string() } else { case_names.join(", ") };
                        ui.menu_button(shown, |ui| {
                            for c in all_cases {
                                let mut ticked = case_ids.contains(&c.id);
                                if ui.checkbox(&mut ticked, &c.name).changed() {
                                    let mut chosen: Vec<CaseId> = case_ids.iter().copied().filter(|id| *id != c.id).collect();
                                    if ticked {
                                        chosen.push(c.id);
                                    }
                                    chosen.sort();
                                    command = Some(update(p.name.clone(), p.role.clone(), chosen));
                                }
                            }
                            if all_cases.is_empty() {
                                ui.weak(t!("participants-no-cases-yet"));
                            }
                        })
                        .response
                        .accessible_name(t!("participants-cases-of", participant = &p.name))
                        .on_hover_text(t!("participants-cases-of-tooltip", participant = &p.name));
                        for a in &attributes {
                            let stored = values.get(&(a.id, p.id.0)).copied();
                            if let Some(action) = self.cells.cell(ui, a, p.id.0, &t!("participants-attribute-of", attribute = &a.name, participant = &p.name), stored, 130.0) {
                                command = Some(UiCommand::Perform(action));
                            }
                        }
                        ui.horizontal(|ui| {
                            let memo = ui.button(t!("participants-memo")).accessible_name(t!("participants-memo-on", participant = &p.name));
                            if memo.on_hover_text(t!("participants-memo-open", participant = &p.name)).clicked() {
                                command = Some(UiCommand::OpenMemo(MemoSubject::Of(MemoTarget::Participant { id: p.id })));
                            }
                            if marks.participants.contains(&p.id) {
                                memo_mark(ui, &t!("participants-has-memo", participant = &p.name));
                            }
                        });
                        egui::ComboBox::from_id_salt(("merge", p.id))
                            .selected_text("…")
                            .show_ui(ui, |ui| {
                                for other in people.iter().filter(|o| o.id != p.id) {
                                    if ui.button(&other.name).clicked() {
                                        command = project.merge_participants_action(p.id, other.id).ok().map(UiCommand::Perform);
                                    }
                                }
                            })
                            .response
                            .on_hover_text(t!("participants-merge-tooltip", participant = &p.name))
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            });
        });
        if matches!(command, Some(UiCommand::Perform(_))) {
            // Names are re-read from the project after the change.
            self.names.clear();
        }
        command
    }
}
