//! Labelled pickers shared by the views. Every input has an accessible name (the label before
//! it), so screen readers and the GUI tests find it by that name.

use egui::Ui;

/// A combo box after `label`; returns true when the choice changed.
pub fn combo<T: PartialEq + Clone>(ui: &mut Ui, label: &str, value: &mut T, choices: &[(T, String)]) -> bool {
    let before = value.clone();
    let shown = choices.iter().find(|(v, _)| v == value).map(|(_, l)| l.clone()).unwrap_or_default();
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(("analysis", label))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (v, text) in choices {
                ui.selectable_value(value, v.clone(), text);
            }
        })
        .response
        .labelled_by(l.id);
    *value != before
}

/// A menu of checkboxes after `label`, for picking several of `options` (kept in their order);
/// returns true when the user changed the set (not merely its order).
pub fn checklist(ui: &mut Ui, label: &str, selected: &mut Vec<String>, options: &[String]) -> bool {
    let mut before = selected.clone();
    before.sort();
    let summary = match selected.len() {
        0 => "none".to_string(),
        n if n == options.len() => format!("all {n}"),
        1 => selected[0].clone(),
        n => format!("{n} chosen"),
    };
    ui.label(label);
    ui.menu_button(summary, |ui| {
        ui.horizontal(|ui| {
            if ui.small_button("All").clicked() {
                *selected = options.to_vec();
            }
            if ui.small_button("None").clicked() {
                selected.clear();
            }
        });
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for o in options {
                let mut on = selected.contains(o);
                if ui.checkbox(&mut on, o).changed() {
                    if on {
                        selected.push(o.clone());
                    } else {
                        selected.retain(|s| s != o);
                    }
                }
            }
        });
    });
    let mut after = selected.clone();
    after.sort();
    selected.sort_by_key(|s| options.iter().position(|o| o == s));
    after != before
}

/// A short status line: weak text, or an error in the error colour.
pub fn status(ui: &mut Ui, text: &str, error: bool) {
    if error {
        ui.colored_label(ui.visuals().error_fg_color, text);
    } else {
        ui.weak(text);
    }
}
