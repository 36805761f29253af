//! Coders: the named users every coding and memo records. Creating them, renaming them (a name
//! stays unique: it is how the command line and exports tell coders apart), their colour, and
//! retiring them. A retired coder keeps every coding and memo; the faces leave them out of the
//! pickers for new work.

use super::{check_name, conflict, created, invalid, new_uuid, not_found, unchanged};
use crate::action::{Action, EntitySet};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::model::{Coder, CoderId, Rgb, next_coder_colour};
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateCoder`: a coder with a name not yet taken, in the next colour of the palette.
pub(super) fn create(w: &mut Writer<'_>, name: String) -> Result<Outcome> {
    check_name("coder", &name)?;
    let coders = w.read().coders()?;
    if coders.iter().any(|c| c.name == name) {
        return conflict(format!("a coder named \"{name}\" already exists"));
    }
    let coder = Coder {
        id: CoderId(0),
        uuid: new_uuid(),
        name,
        created_at: now_rfc3339(),
        color: next_coder_colour(coders.len()).hex_upper(),
        retired: false,
    };
    let id = w.insert_coder(&coder)?;
    Ok(created(EntitySet { coders: vec![id], ..Default::default() }))
}

/// The coder with this id, or a refusal naming it.
fn require(w: &Writer<'_>, id: CoderId) -> Result<Coder> {
    match w.read().coders()?.into_iter().find(|c| c.id == id) {
        Some(c) => Ok(c),
        None => not_found(format!("no coder with id {id}")),
    }
}

/// `Action::RenameCoder`: a name no other coder has.
pub(super) fn rename(w: &mut Writer<'_>, id: CoderId, name: String) -> Result<Outcome> {
    check_name("coder", &name)?;
    let old = require(w, id)?;
    if w.read().coders()?.iter().any(|c| c.name == name && c.id != id) {
        return conflict(format!("cannot rename coder \"{}\" to \"{name}\": a coder named \"{name}\" already exists", old.name));
    }
    w.update_coder(id, &name, &old.color, old.retired)?;
    Ok(unchanged(Action::RenameCoder { id, name: old.name }))
}

/// `Action::SetCoderColor`: a `#RRGGBB` colour, stored in upper case.
pub(super) fn set_color(w: &mut Writer<'_>, id: CoderId, color: String) -> Result<Outcome> {
    let old = require(w, id)?;
    let Some(rgb) = Rgb::parse(&color) else {
        return invalid(format!("invalid colour \"{color}\" for coder \"{}\": expected #RRGGBB", old.name));
    };
    w.update_coder(id, &old.name, &rgb.hex_upper(), old.retired)?;
    Ok(unchanged(Action::SetCoderColor { id, color: old.color }))
}

/// `Action::SetCoderRetired`.
pub(super) fn set_retired(w: &mut Writer<'_>, id: CoderId, retired: bool) -> Result<Outcome> {
    let old = require(w, id)?;
    w.update_coder(id, &old.name, &old.color, retired)?;
    Ok(unchanged(Action::SetCoderRetired { id, retired: old.retired }))
}
