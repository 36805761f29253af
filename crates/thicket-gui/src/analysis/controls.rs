//! Labelled pickers shared by the views. Every input has an accessible name (the label before
//! it), so screen readers and the GUI tests find it by that name.

use egui::Ui;

/// A combo box after `label`; returns true when the choice changed.
pub fn combo<T: PartialEq + Clone>(ui: &mut Ui, label: &str, value: &mut T, choices: &[(T, String)]) -> bool {
    let before = value.clone();
    let shown = choices.iter().find(|(v, _)| v == value).map(|(_, l)| l.clone()).unwrap_or_default();
    let picker = (text_width(ui, &shown) + ui.spacing().icon_width + 3.0 * ui.spacing().button_padding.x).max(ui.spacing().combo_width);
    keep_together(ui, label, picker);
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
    checklist_saying(ui, label, selected, options, false)
}

/// A `checklist` for a filter, where picking nothing means any: its button then says "any".
pub fn checklist_or_any(ui: &mut Ui, label: &str, selected: &mut Vec<String>, options: &[String]) -> bool {
    checklist_saying(ui, label, selected, options, true)
}

fn checklist_saying(ui: &mut Ui, label: &str, selected: &mut Vec<String>, options: &[String], any: bool) -> bool {
    let mut before = selected.clone();
    before.sort();
    let summary = match selected.len() {
        0 => if any { t!("controls-any") } else { t!("controls-none") }.to_string(),
        n if n == options.len() => t!("controls-all-n", n = n),
        1 => selected[0].clone(),
        n => t!("controls-n-chosen", n = n),
    };
    keep_together(ui, label, text_width(ui, &summary) + 2.0 * ui.spacing().button_padding.x);
    let l = ui.label(label);
    let menu = ui.menu_button(summary, |ui| {
        ui.horizontal(|ui| {
            if ui.small_button(t!("controls-all")).clicked() {
                *selected = options.to_vec();
            }
            // For a filter, picking nothing is "any".
            if ui.small_button(if any { t!("controls-any-button") } else { t!("controls-none-button") }).clicked() {
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
    menu.response.labelled_by(l.id);
    let mut after = selected.clone();
    after.sort();
    selected.sort_by_key(|s| options.iter().position(|o| o == s));
    after != before
}

/// The width of `text` in the body font.
fn text_width(ui: &Ui, text: &str) -> f32 {
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), egui::TextStyle::Body.resolve(ui.style()), egui::Color32::WHITE).size().x)
}

/// In a wrapping row, starts a new row when `label` and the picker after it (`picker` points
/// wide) would not both fit on this one, so that a label never ends a row apart from its picker
/// (Spanish and Dutch labels are longer: "Filas por", "Intervallen").
pub fn keep_together(ui: &mut Ui, label: &str, picker: f32) {
    if !ui.layout().main_wrap {
        return;
    }
    let needed = text_width(ui, label) + 2.0 * ui.spacing().item_spacing.x + picker;
    // In a wrapping row `available_width` is the whole row's: the rest is measured.
    let rest = ui.max_rect().right() - ui.cursor().left();
    if rest < needed && ui.cursor().left() > ui.max_rect().left() + 1.0 {
        ui.end_row();
    }
}

/// A short status line: weak text, or an error in the error colour.
pub fn status(ui: &mut Ui, text: &str, error: bool) {
    if error {
        ui.colored_label(ui.visuals().error_fg_color, text);
    } else {
        ui.weak(text);
    }
}

/// A view's result and what it was computed for: its choices and the project generation.
pub struct Computed<K, T> {
    pub key: K,
    pub outcome: std::result::Result<T, String>,
}

/// Whether there is a result to export.
pub fn ready<K, T>(result: &Option<Computed<K, T>>) -> bool {
    result.as_ref().is_some_and(|c| c.outcome.is_ok())
}

/// The result, when there is one and it did not fail.
pub fn current<K, T>(result: &Option<Computed<K, T>>) -> Option<&T> {
    result.as_ref()?.outcome.as_ref().ok()
}

/// The result to show; `None` when there is none yet, or after saying (in red) why it failed.
pub fn shown<'a, K, T>(ui: &mut Ui, result: &'a Option<Computed<K, T>>) -> Option<&'a T> {
    match &result.as_ref()?.outcome {
        Ok(done) => Some(done),
        Err(e) => {
            status(ui, e, true);
            None
        }
    }
}
