//! The attributes window: a tab per kind of entity (cases, participants, sources), each a table
//! of entities × attributes whose cells are edited by type (see [`attribute_cell`]); defining a
//! new attribute (name, type, categories) and deleting one, with a confirmation.
//!
//! In: the window listings (`WindowListings`, read once per change). Out: `Action`s (`DefineAttribute`, `SetAttribute`, `Remove`), each one undo
//! step. Rows are drawn only where visible, so a project with a thousand sources stays fluid.
//!
//! [`attribute_cell`]: super::attribute_cell

use std::collections::HashMap;

use egui::{Color32, RichText};

use super::attribute_cell::CellEdits;
use thicket_core::Action;
use thicket_core::action::EntitySet;
use thicket_core::model::*;
use super::listings::WindowListings;

/// Width of the entity-name column and of each attribute column, in points.
const NAME_WIDTH: f32 = 240.0;
const CELL_WIDTH: f32 = 160.0;

/// An open "New attribute" form.
#[derive(Debug, Clone, PartialEq)]
struct AttributeForm {
    applies_to: AttributeTarget,
    name: String,
    value_type: AttributeType,
    /// One category per line.
    categories: String,
}

/// The window's state between frames.
pub struct AttributesWindow {
    tab: AttributeTarget,
    filter: String,
    cells: CellEdits,
    form: Option<AttributeForm>,
    confirm_delete: Option<AttributeId>,
}

impl Default for AttributesWindow {
    fn default() -> Self {
        AttributesWindow { tab: AttributeTarget::Case, filter: String::new(), cells: CellEdits::default(), form: None, confirm_delete: None }
    }
}

/// The label of a tab and of its first column.
fn plural(t: AttributeTarget) -> &'static str {
    match t {
        AttributeTarget::Case => t!("attributes-tab-cases"),
        AttributeTarget::Participant => t!("attributes-tab-participants"),
        AttributeTarget::Source => t!("attributes-tab-sources"),
    }
}

fn singular(t: AttributeTarget) -> &'static str {
    match t {
        AttributeTarget::Case => t!("attributes-col-case"),
        AttributeTarget::Participant => t!("attributes-col-participant"),
        AttributeTarget::Source => t!("attributes-col-source"),
    }
}

/// The target as the catalogue's selectors name it.
fn target_key(t: AttributeTarget) -> &'static str {
    match t {
        AttributeTarget::Case => "case",
        AttributeTarget::Participant => "participant",
        AttributeTarget::Source => "source",
    }
}

/// The type as a user reads it.
pub fn type_label(t: AttributeType) -> &'static str {
    match t {
        AttributeType::Text => t!("attributes-type-text"),
        AttributeType::Number => t!("attributes-type-number"),
        AttributeType::Date => t!("attributes-type-date"),
        AttributeType::Category => t!("attributes-type-category"),
    }
}

/// Categories typed one per line: trimmed, blank lines dropped.
fn parse_categories(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// What stops the form from defining its attribute, if anything.
fn form_problem(form: &AttributeForm, existing: &[AttributeDef]) -> Option<String> {
    let name = form.name.trim();
    if name.is_empty() {
        return Some(t!("attributes-problem-no-name").into());
    }
    if existing.iter().any(|a| a.applies_to == form.applies_to && a.name == name) {
        return Some(t!("attributes-problem-taken", target = target_key(form.applies_to), name = name));
    }
    if form.value_type == AttributeType::Category {
        let cats = parse_categories(&form.categories);
        if cats.is_empty() {
            return Some(t!("attributes-problem-no-categories").into());
        }
        if let Some(dup) = cats.iter().enumerate().find(|(i, c)| cats[..*i].contains(c)).map(|(_, c)| c) {
            return Some(t!("attributes-problem-twice", category = dup));
        }
    }
    None
}

impl AttributesWindow {
    /// Draws the window; returns the actions of this frame's edits.
    pub fn show(&mut self, ctx: &egui::Context, lists: &WindowListings, open: &mut bool) -> Vec<Action> {
        let mut out = Vec::new();
        let (defs, values) = (&lists.attributes, &lists.attribute_values);
        crate::window_fit::fit(egui::Window::new(t!("attributes-title")).open(open).default_size([820.0, 520.0]), ctx).show(ctx, |ui| {
            ui.horizontal(|ui| {
                for t in AttributeTarget::ALL {
                    ui.selectable_value(&mut self.tab, *t, plural(*t));
                }
            });
            ui.separator();
            let rows = lists.entity_rows(self.tab);
            let columns: Vec<&AttributeDef> = defs.iter().filter(|d| d.applies_to == self.tab).collect();
            ui.horizontal(|ui| {
                if ui.button(t!("attributes-new")).clicked() {
                    self.form = Some(AttributeForm { applies_to: self.tab, name: String::new(), value_type: AttributeType::Text, categories: String::new() });
                }
                let label = ui.label(t!("attributes-filter"));
                ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(200.0)).labelled_by(label.id);
            });
            self.problems(ui, defs, &rows);
            if columns.is_empty() {
                ui.weak(t!("attributes-none-yet", target = target_key(self.tab)));
            } else {
                let value_of: HashMap<(AttributeId, i64), &str> = values.iter().map(|v| ((v.attribute_id, v.entity_id), v.value.as_str())).collect();
                self.table(ui, &columns, &rows, &value_of, &mut out);
            }
        });
        self.form_window(ctx, defs, &mut out);
        self.delete_window(ctx, defs, values, &mut out);
        out
    }

    /// Messages of cells whose text was not accepted, naming the cell.
    fn problems(&self, ui: &mut egui::Ui, defs: &[AttributeDef], rows: &[(i64, String)]) {
        for (attribute, entity, message) in self.cells.problems() {
            let (Some(def), Some((_, name))) = (defs.iter().find(|d| d.id == attribute), rows.iter().find(|(id, _)| *id == entity)) else { continue };
            ui.colored_label(Color32::from_rgb(200, 40, 40), t!("attributes-cell-problem", attribute = &def.name, name = name.as_str(), message = message));
        }
    }

    fn table(&mut self, ui: &mut egui::Ui, columns: &[&AttributeDef], rows: &[(i64, String)], value_of: &HashMap<(AttributeId, i64), &str>, out: &mut Vec<Action>) {
        let needle = self.filter.trim().to_lowercase();
        let shown: Vec<&(i64, String)> = rows.iter().filter(|(_, n)| needle.is_empty() || n.to_lowercase().contains(&needle)).collect();
        let row_height = ui.spacing().interact_size.y + 4.0;
        egui::ScrollArea::horizontal().id_salt(("attributes_h", self.tab)).show(ui, |ui| {
            ui.horizontal(|ui| {
                left_aligned(ui, NAME_WIDTH, row_height, egui::Label::new(RichText::new(singular(self.tab)).strong()));
                for def in columns {
                    let header = format!("{}\n{}", def.name, type_label(def.value_type));
                    let r = ui.add_sized([CELL_WIDTH, row_height * 1.6], egui::Button::new(RichText::new(header).strong()).frame_when_inactive(false));
                    let r = if def.value_type == AttributeType::Category { r.on_hover_text(t!("attributes-categories-tooltip", categories = def.categories.join(", "))) } else { r };
                    r.context_menu(|ui| {
                        if ui.button(t!("attributes-delete", attribute = &def.name)).clicked() {
                            self.confirm_delete = Some(def.id);
                            ui.close();
                        }
                    });
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().id_salt(("attributes_v", self.tab)).max_height(400.0).auto_shrink([false, true]).show_rows(ui, row_height, shown.len(), |ui, range| {
                for (entity, name) in &shown[range] {
                    ui.horizontal(|ui| {
                        left_aligned(ui, NAME_WIDTH, row_height, egui::Label::new(name.as_str()).truncate());
                        for def in columns {
                            let stored = value_of.get(&(def.id, *entity)).copied();
                            let label = t!("attributes-cell-name", attribute = &def.name, name = name.as_str());
                            ui.allocate_ui(egui::vec2(CELL_WIDTH, row_height), |ui| {
                                out.extend(self.cells.cell(ui, def, *entity, &label, stored, CELL_WIDTH));
                            });
                        }
                    });
                }
            });
        });
        if shown.is_empty() {
            ui.weak(t!("attributes-no-match"));
        }
    }

    fn form_window(&mut self, ctx: &egui::Context, defs: &[AttributeDef], out: &mut Vec<Action>) {
        let Some(form) = &mut self.form else { return };
        let mut open = true;
        let mut done = false;
        crate::window_fit::fit_dialog(egui::Window::new(t!("attributes-new-title")).open(&mut open).collapsible(false), ctx).show(ctx, |ui| {
            ui.weak(t!("attributes-on", target = target_key(form.applies_to)));
            egui::Grid::new("attribute_form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                let l = ui.label(t!("attributes-name"));
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(240.0)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("attributes-type"));
                egui::ComboBox::from_id_salt("attribute_type")
                    .selected_text(type_label(form.value_type))
                    .show_ui(ui, |ui| {
                        for t in AttributeType::ALL {
                            ui.selectable_value(&mut form.value_type, *t, type_label(*t));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                if form.value_type == AttributeType::Category {
                    let l = ui.label(t!("attributes-categories"));
                    ui.add(egui::TextEdit::multiline(&mut form.categories).desired_rows(4).desired_width(240.0)).labelled_by(l.id);
                    ui.end_row();
                }
            });
            let problem = form_problem(form, defs);
            if let Some(p) = &problem {
                ui.colored_label(Color32::from_rgb(200, 40, 40), p);
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(problem.is_none(), egui::Button::new(t!("attributes-define"))).clicked() {
                    let categories = if form.value_type == AttributeType::Category { parse_categories(&form.categories) } else { Vec::new() };
                    out.push(Action::DefineAttribute { name: form.name.trim().to_string(), applies_to: form.applies_to, value_type: form.value_type, categories });
                    done = true;
                }
                if ui.button(t!("attributes-cancel")).clicked() {
                    done = true;
                }
            });
        });
        if done || !open {
            self.form = None;
        }
    }

    fn delete_window(&mut self, ctx: &egui::Context, defs: &[AttributeDef], values: &[AttributeValue], out: &mut Vec<Action>) {
        let Some(id) = self.confirm_delete else { return };
        let Some(def) = defs.iter().find(|d| d.id == id) else {
            self.confirm_delete = None;
            return;
        };
        let count = values.iter().filter(|v| v.attribute_id == id).count();
        let mut close = false;
        crate::window_fit::fit_dialog(egui::Window::new(t!("attributes-delete-title")).collapsible(false), ctx).show(ctx, |ui| {
            ui.label(t!("attributes-delete-question", attribute = &def.name, target = target_key(def.applies_to)));
            ui.label(t!("attributes-delete-values", n = count));
            ui.horizontal(|ui| {
                if ui.button(t!("attributes-delete-confirm")).clicked() {
                    out.push(Action::Remove(EntitySet { attributes: vec![id], ..Default::default() }));
                    close = true;
                }
                if ui.button(t!("attributes-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm_delete = None;
        }
    }
}

/// Adds `widget` at the left of a `width` × `height` slot (`add_sized` would centre it).
fn left_aligned(ui: &mut egui::Ui, width: f32, height: f32, widget: impl egui::Widget) {
    ui.allocate_ui_with_layout(egui::vec2(width, height), egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_min_size(egui::vec2(width, height));
        ui.add(widget);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, value_type: AttributeType, categories: &str) -> AttributeForm {
        AttributeForm { applies_to: AttributeTarget::Case, name: name.into(), value_type, categories: categories.into() }
    }

    fn existing(name: &str, applies_to: AttributeTarget) -> AttributeDef {
        AttributeDef { id: AttributeId(1), uuid: String::new(), name: name.into(), applies_to, value_type: AttributeType::Text, categories: Vec::new() }
    }

    #[test]
    fn a_form_needs_a_free_name_and_for_categories_a_list_without_repeats() {
        let defs = [existing("Area", AttributeTarget::Case), existing("Age", AttributeTarget::Participant)];
        assert_eq!(form_problem(&form("  ", AttributeType::Text, ""), &defs).as_deref(), Some("Give the attribute a name."));
        assert_eq!(form_problem(&form("Area", AttributeType::Text, ""), &defs).as_deref(), Some("Cases already have an attribute named “Area”."));
        assert_eq!(form_problem(&form("Age", AttributeType::Number, ""), &defs), None, "names are per kind of entity");
        assert!(form_problem(&form("Household", AttributeType::Category, "\n  \n"), &defs).unwrap().contains("at least one"));
        assert_eq!(form_problem(&form("Household", AttributeType::Category, "single\ntwo\nsingle"), &defs).as_deref(), Some("The category “single” is listed twice."));
        assert_eq!(form_problem(&form("Household", AttributeType::Category, " single parent \n\ntwo parents"), &defs), None);
    }

    #[test]
    fn categories_are_one_per_line_trimmed() {
        assert_eq!(parse_categories(" single parent, one child \n\n two parents\n"), ["single parent, one child", "two parents"]);
    }
}
