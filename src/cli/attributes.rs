//! `thicket attribute`: typed variables on cases, participants and sources (a family's income
//! band, a caregiver's age, a session's setting), defined and set as in the window's Attributes
//! window; values are checked against the attribute's type by the core.

use serde_json::{Value, json};

use super::AttributeCommand;
use super::output::{Format, Table, print, say};
use thicket_core::action::Action;
use thicket_core::error::{Error, Result};
use thicket_core::model::*;
use thicket_core::project::Project;

/// Runs one `attribute` subcommand.
pub fn run(p: &mut Project, command: AttributeCommand) -> Result<()> {
    match command {
        AttributeCommand::Define { name, on, value_type, categories } => {
            let applies_to = AttributeTarget::parse(&on)
                .ok_or_else(|| Error::invalid(format!("unknown --on \"{on}\": expected case, participant or source")))?;
            let value_type = AttributeType::parse(&value_type)
                .ok_or_else(|| Error::invalid(format!("unknown --type \"{value_type}\": expected text, number, date or category")))?;
            p.perform(Action::DefineAttribute { name: name.clone(), applies_to, value_type, categories })?;
            say!("defined {applies_to} attribute \"{name}\" ({value_type})");
            Ok(())
        }
        AttributeCommand::Set { name, value, case, participant, source, clear: _ } => {
            let (applies_to, entity, label) = entity(p, case.as_deref(), participant.as_deref(), source.as_deref())?;
            let def = p
                .attributes()?
                .into_iter()
                .find(|a| a.name == name && a.applies_to == applies_to)
                .ok_or_else(|| Error::not_found(format!("no {applies_to} attribute named \"{name}\"")))?;
            p.perform(Action::SetAttribute { attribute: def.id, entity, value: value.clone() })?;
            match value {
                Some(v) => say!("set \"{name}\" of {label} to \"{v}\""),
                None => say!("cleared \"{name}\" of {label}"),
            }
            Ok(())
        }
        AttributeCommand::List { format } => list(p, Format::parse(&format)?),
    }
}

/// The entity the flags name: its kind, integer id and a label for messages.
fn entity(p: &Project, case: Option<&str>, participant: Option<&str>, source: Option<&str>) -> Result<(AttributeTarget, i64, String)> {
    if let Some(name) = case {
        return Ok((AttributeTarget::Case, p.case_named(name)?.id.0, format!("case \"{name}\"")));
    }
    if let Some(name) = participant {
        let person = p.participant_named(name)?.ok_or_else(|| Error::not_found(format!("no participant named \"{name}\"")))?;
        return Ok((AttributeTarget::Participant, person.id.0, format!("participant \"{name}\"")));
    }
    let name = source.unwrap_or_default();
    Ok((AttributeTarget::Source, p.source_named(name)?.id.0, format!("source \"{name}\"")))
}

fn list(p: &Project, format: Format) -> Result<()> {
    let names = entity_names(p)?;
    let values = p.attribute_values()?;
    let mut table = Table::new(vec!["attribute", "on", "type", "entity", "value"]);
    let mut rows = Vec::new();
    for a in p.attributes()? {
        let mut set = Vec::new();
        for v in values.iter().filter(|v| v.attribute_id == a.id) {
            let entity = names.iter().find(|(t, id, _)| *t == a.applies_to && *id == v.entity_id).map(|(.., n)| n.clone()).unwrap_or_default();
            table.rows.push(vec![a.name.clone(), a.applies_to.to_string(), a.value_type.to_string(), entity.clone(), v.value.clone()]);
            set.push(json!({"entity": entity, "value": v.value}));
        }
        if set.is_empty() {
            table.rows.push(vec![a.name.clone(), a.applies_to.to_string(), a.value_type.to_string(), String::new(), String::new()]);
        }
        rows.push(json!({
            "name": a.name, "uuid": a.uuid, "on": a.applies_to.as_str(), "type": a.value_type.as_str(),
            "categories": a.categories, "values": set,
        }));
    }
    print(format, &table, &Value::Array(rows))
}

/// (kind, id, name) of every case, participant and source.
fn entity_names(p: &Project) -> Result<Vec<(AttributeTarget, i64, String)>> {
    let mut out: Vec<(AttributeTarget, i64, String)> = p.cases()?.into_iter().map(|c| (AttributeTarget::Case, c.id.0, c.name)).collect();
    out.extend(p.participants()?.into_iter().map(|x| (AttributeTarget::Participant, x.id.0, x.name)));
    out.extend(p.sources()?.into_iter().map(|s| (AttributeTarget::Source, s.id.0, s.name)));
    Ok(out)
}
