//! One editable attribute value: a text field for text, numbers and dates (checked as typed
//! text is committed), a combo box for categories. Used by the attributes window and the
//! participants window.
//!
//! In: the attribute's definition, the entity, the stored value. Out: at most one
//! `SetAttribute` per finished edit (Enter, or leaving the field; a category is set when it is
//! picked), so each edit is one undo step. Text that does not fit the type stays in the field,
//! in red, with a message saying what is expected; nothing is sent.

use std::collections::HashMap;

use egui::{Color32, RichText};

use thicket_core::Action;
use thicket_core::clock::is_valid_date;
use thicket_core::model::*;

/// Reads what was typed for attribute `def`: `Ok(None)` clears the value, `Err` says what is wrong.
pub fn parse_value(def: &AttributeDef, typed: &str) -> Result<Option<String>, String> {
    let text = typed.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match def.value_type {
        AttributeType::Text => Ok(Some(text.to_string())),
        AttributeType::Number => {
            if text.parse::<f64>().is_ok_and(f64::is_finite) {
                Ok(Some(text.to_string()))
            } else if text.replace(',', ".").parse::<f64>().is_ok_and(f64::is_finite) {
                Err(t!("attributes-not-number-point", text = text, example = text.replace(',', ".")))
            } else {
                Err(t!("attributes-not-number", text = text))
            }
        }
        AttributeType::Date => {
            if is_valid_date(text) {
                Ok(Some(text.to_string()))
            } else {
                Err(t!("attributes-not-date", text = text))
            }
        }
        AttributeType::Category => match def.categories.iter().find(|c| c.as_str() == text) {
            Some(c) => Ok(Some(c.clone())),
            None => Err(t!("attributes-not-category", text = text, categories = def.categories.join(", "))),
        },
    }
}

/// Cells being typed in, and their problems, kept between frames.
#[derive(Default)]
pub struct CellEdits {
    texts: HashMap<(AttributeId, i64), String>,
    problems: HashMap<(AttributeId, i64), String>,
}

impl CellEdits {
    /// Problems of cells whose text was not accepted, as (attribute, entity, message).
    pub fn problems(&self) -> Vec<(AttributeId, i64, &str)> {
        let mut list: Vec<_> = self.problems.iter().map(|(&(a, e), m)| (a, e, m.as_str())).collect();
        list.sort();
        list
    }

    /// Draws the cell of attribute `def` on entity `entity`; `name` names the cell for screen
    /// readers ("Family size of Okafor family"). Returns the action of a finished edit.
    pub fn cell(&mut self, ui: &mut egui::Ui, def: &AttributeDef, entity: i64, name: &str, stored: Option<&str>, width: f32) -> Option<Action> {
        let set = |value: Option<String>| Action::SetAttribute { attribute: def.id, entity, value };
        if def.value_type == AttributeType::Category {
            let mut action = None;
            egui::ComboBox::from_id_salt(("attribute_cell", def.id, entity))
                .width(width - 8.0)
                .selected_text(stored.unwrap_or("—"))
                .show_ui(ui, |ui| {
                    if ui.selectable_label(stored.is_none(), "—").on_hover_text(t!("attributes-no-value")).clicked() && stored.is_some() {
                        action = Some(set(None));
                    }
                    for c in &def.categories {
                        if ui.selectable_label(stored == Some(c.as_str()), c).clicked() && stored != Some(c.as_str()) {
                            action = Some(set(Some(c.clone())));
                        }
                    }
                })
                .response
                .accessible_name(name);
            return action;
        }
        let key = (def.id, entity);
        let mut text = self.texts.get(&key).cloned().unwrap_or_else(|| stored.unwrap_or("").to_string());
        let problem = self.problems.get(&key).cloned();
        let hint = match def.value_type {
            AttributeType::Number => t!("attributes-hint-number"),
            AttributeType::Date => "YYYY-MM-DD",
            _ => "",
        };
        let mut edit = egui::TextEdit::singleline(&mut text).desired_width(width - 8.0).hint_text(hint).id_salt(("attribute_cell", def.id, entity));
        if problem.is_some() {
            edit = edit.text_color(Color32::from_rgb(200, 40, 40));
        }
        let mut response = ui.add(edit).accessible_name(name);
        if let Some(p) = &problem {
            response = response.on_hover_text(RichText::new(p).color(Color32::from_rgb(200, 40, 40)));
        }
        if response.changed() {
            self.texts.insert(key, text.clone());
        }
        if !response.lost_focus() || !self.texts.contains_key(&key) {
            return None;
        }
        match parse_value(def, &text) {
            Ok(value) => {
                self.texts.remove(&key);
                self.problems.remove(&key);
                (value.as_deref() != stored).then(|| set(value))
            }
            Err(message) => {
                self.problems.insert(key, message);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(value_type: AttributeType, categories: &[&str]) -> AttributeDef {
        AttributeDef {
            id: AttributeId(1),
            uuid: String::new(),
            name: "A".into(),
            applies_to: AttributeTarget::Case,
            value_type,
            categories: categories.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn blank_clears_and_text_is_trimmed() {
        assert_eq!(parse_value(&def(AttributeType::Text, &[]), "   "), Ok(None));
        assert_eq!(parse_value(&def(AttributeType::Text, &[]), " two adults "), Ok(Some("two adults".into())));
    }

    #[test]
    fn numbers_must_parse_and_a_decimal_comma_is_explained() {
        let n = def(AttributeType::Number, &[]);
        assert_eq!(parse_value(&n, "4"), Ok(Some("4".into())));
        assert_eq!(parse_value(&n, "-2.5"), Ok(Some("-2.5".into())));
        assert_eq!(parse_value(&n, "3,5"), Err("“3,5” is not a number: write decimals with a point, e.g. 3.5".into()));
        assert_eq!(parse_value(&n, "four"), Err("“four” is not a number".into()));
        assert!(parse_value(&n, "inf").is_err());
        assert!(parse_value(&n, "NaN").is_err());
    }

    #[test]
    fn dates_must_be_real_calendar_days() {
        let d = def(AttributeType::Date, &[]);
        assert_eq!(parse_value(&d, "2024-02-29"), Ok(Some("2024-02-29".into())));
        assert!(parse_value(&d, "2025-02-29").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_value(&d, "04/03/2025").is_err());
    }

    #[test]
    fn categories_must_be_defined_ones() {
        let c = def(AttributeType::Category, &["single parent", "two parents"]);
        assert_eq!(parse_value(&c, "two parents"), Ok(Some("two parents".into())));
        assert_eq!(parse_value(&c, "three"), Err("“three” is not one of: single parent, two parents".into()));
    }
}
