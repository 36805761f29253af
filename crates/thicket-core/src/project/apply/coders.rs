//! Creating and renaming coders: the named users every coding and memo records.

use super::{check_name, conflict, created, new_uuid, not_found, unchanged};
use crate::action::{Action, EntitySet};
use crate::model::CoderId;
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateCoder`: a coder with a name not yet taken.
pub(super) fn create(w: &mut Writer<'_>, name: String) -> Result<Outcome> {
    check_name("coder", &name)?;
    if w.read().coders()?.iter().any(|c| c.name == name) {
        return conflict(format!("a coder named \"{name}\" already exists"));
    }
    let id = w.insert_coder(None, &new_uuid(), &name, &now_rfc3339())?;
    Ok(created(EntitySet { coders: vec![id], ..Default::default() }))
}

/// `Action::RenameCoder`: a name not taken by another coder; undone by the old name.
pub(super) fn rename(w: &mut Writer<'_>, id: CoderId, name: String) -> Result<Outcome> {
    check_name("coder", &name)?;
    let coders = w.read().coders()?;
    let Some(old) = coders.iter().find(|c| c.id == id) else { return not_found(format!("no coder with id {id}")) };
    if coders.iter().any(|c| c.id != id && c.name == name) {
        return conflict(format!("a coder named \"{name}\" already exists"));
    }
    let inverse = Action::RenameCoder { id, name: old.name.clone() };
    w.rename_coder(id, &name)?;
    Ok(unchanged(inverse))
}
