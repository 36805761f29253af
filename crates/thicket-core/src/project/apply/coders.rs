//! Creating coders: the named users every coding and memo records.

use super::{check_name, conflict, created, new_uuid};
use crate::action::EntitySet;
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
