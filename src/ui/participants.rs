//! The participants window: every stakeholder with their role, cases and number of turns;
//! rename, change role, or merge one into another (for speakers detected under two labels).
//! Each change is one undoable action.

use std::collections::HashMap;

use crate::Action;
use crate::model::*;
use crate::project::Project;

/// Edits in progress (names being typed), kept between frames.
#[derive(Default)]
pub struct ParticipantsWindow {
    names: HashMap<ParticipantId, String>,
}

impl ParticipantsWindow {
    /// Draws the window; returns an action to perform, if the user made a change.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, open: &mut bool) -> Option<Action> {
        let people = project.participants().ok()?;
        let roles = project.roles().ok()?;
        let cases = project.cases_by_participant().ok()?;
        let all_cases = project.cases().ok()?;
        let turns = project.turn_counts().ok()?;
        let mut action = None;
        egui::Window::new("Participants").open(open).default_width(640.0).show(ctx, |ui| {
            ui.label("Rename a participant, set their role, or merge two who are the same person.");
            egui::ScrollArea::vertical().max_height(480.0).show(ui, |ui| {
                egui::Grid::new("participants").num_columns(6).striped(true).show(ui, |ui| {
                    for h in ["Participant", "Rename", "Role", "Turns", "Cases", "Merge into"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for p in &people {
                        let case_names = cases.get(&p.id).cloned().unwrap_or_default();
                        let case_ids: Vec<CaseId> =
                            all_cases.iter().filter(|c| case_names.contains(&c.name)).map(|c| c.id).collect();
                        let update = |name: String, role: Option<String>| Action::UpdateParticipant { id: p.id, name, role, cases: case_ids.clone() };
                        let label = ui.label(&p.name);
                        let name = self.names.entry(p.id).or_insert_with(|| p.name.clone());
                        let edit = ui
                            .add(egui::TextEdit::singleline(name).desired_width(140.0).id_salt(("name", p.id)))
                            .labelled_by(label.id);
                        if edit.lost_focus() && name.trim() != p.name && !name.trim().is_empty() {
                            action = Some(update(name.trim().to_string(), p.role.clone()));
                        }
                        let mut role = p.role.clone();
                        egui::ComboBox::from_id_salt(("role", p.id))
                            .selected_text(role.clone().unwrap_or_else(|| "no role".into()))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut role, None, "no role");
                                for r in &roles {
                                    ui.selectable_value(&mut role, Some(r.name.clone()), &r.label);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        if role != p.role {
                            action = Some(update(p.name.clone(), role));
                        }
                        ui.label(turns.get(&p.id).copied().unwrap_or(0).to_string());
                        ui.label(case_names.join(", "));
                        egui::ComboBox::from_id_salt(("merge", p.id))
                            .selected_text("…")
                            .show_ui(ui, |ui| {
                                for other in people.iter().filter(|o| o.id != p.id) {
                                    if ui.button(&other.name).clicked() {
                                        action = project.merge_participants_action(p.id, other.id).ok();
                                    }
                                }
                            })
                            .response
                            .on_hover_text(format!("Merge {} into another participant", p.name))
                            .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            });
        });
        if action.is_some() {
            // Names are re-read from the project after the change.
            self.names.clear();
        }
        action
    }
}
