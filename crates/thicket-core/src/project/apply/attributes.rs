//! Defining attributes (typed variables on cases, participants or sources) and setting their
//! values.

use super::{check_name, conflict, created, invalid, new_uuid, not_found, unchanged};
use crate::action::{Action, EntitySet};
use crate::clock::is_valid_date;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::DefineAttribute`: a name not yet taken for that kind of entity; a category
/// attribute needs its categories.
pub(super) fn define(
    w: &mut Writer<'_>,
    name: String,
    applies_to: AttributeTarget,
    value_type: AttributeType,
    categories: Vec<String>,
) -> Result<Outcome> {
    check_name("attribute", &name)?;
    if w.read().attributes()?.iter().any(|a| a.applies_to == applies_to && a.name == name) {
        return conflict(format!("a {applies_to} attribute named \"{name}\" already exists"));
    }
    if value_type == AttributeType::Category && categories.is_empty() {
        return invalid(format!("category attribute \"{name}\" needs at least one category"));
    }
    let def = AttributeDef { id: AttributeId(0), uuid: new_uuid(), name, applies_to, value_type, categories };
    let id = w.insert_attribute(&def)?;
    Ok(created(EntitySet { attributes: vec![id], ..Default::default() }))
}

/// `Action::SetAttribute`: sets (or clears) a value of the attribute's type on an entity of its
/// target; undone by putting back the old value.
pub(super) fn set(w: &mut Writer<'_>, attribute: AttributeId, entity: i64, value: Option<String>) -> Result<Outcome> {
    let Some(def) = w.read().attributes()?.into_iter().find(|a| a.id == attribute) else {
        return not_found(format!("no attribute with id {attribute}"));
    };
    check_attribute_entity(w, &def, entity)?;
    if let Some(v) = &value {
        check_attribute_value(&def, v)?;
    }
    let old = w.read().attribute_value(attribute, entity)?;
    w.set_attribute_value(attribute, entity, value.as_deref())?;
    Ok(unchanged(Action::SetAttribute { attribute, entity, value: old }))
}

fn check_attribute_entity(w: &Writer<'_>, def: &AttributeDef, entity: i64) -> Result<()> {
    let r = w.read();
    let exists = match def.applies_to {
        AttributeTarget::Case => r.cases()?.iter().any(|c| c.id.0 == entity),
        AttributeTarget::Participant => r.participants()?.iter().any(|p| p.id.0 == entity),
        AttributeTarget::Source => r.source(SourceId(entity))?.is_some(),
    };
    if exists { Ok(()) } else { not_found(format!("no {} with id {entity}", def.applies_to)) }
}

pub(super) fn check_attribute_value(def: &AttributeDef, value: &str) -> Result<()> {
    let ok = match def.value_type {
        AttributeType::Text => true,
        AttributeType::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        AttributeType::Date => is_valid_date(value),
        AttributeType::Category => def.categories.iter().any(|c| c == value),
    };
    if ok {
        return Ok(());
    }
    let expected = match def.value_type {
        AttributeType::Number => "a number".to_string(),
        AttributeType::Date => "a date YYYY-MM-DD".to_string(),
        _ => format!("one of {}", def.categories.join(", ")),
    };
    invalid(format!("invalid value \"{value}\" for attribute \"{}\": expected {expected}", def.name))
}
