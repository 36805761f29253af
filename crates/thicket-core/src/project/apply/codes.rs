//! Creating and editing codes: a code's name must be usable in a path and unique among its
//! siblings, its colour is normalised, and the tree must stay a tree.

use super::codings;
use super::{check_name, conflict, invalid, new_uuid, not_found, unchanged};
use crate::action::{Action, EntitySet, NewCoding};
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// What a code is given when it is created or edited.
pub(super) struct NewCode {
    pub parent: Option<CodeId>,
    pub name: String,
    pub color: String,
    pub description: CodeDescription,
}

/// `#rrggbb` or `rrggbb` in any case → `#RRGGBB`.
pub(crate) fn normalize_color(color: &str) -> Result<String> {
    match Rgb::parse(color) {
        Some(rgb) => Ok(rgb.hex_upper()),
        None => invalid(format!("invalid colour \"{color}\": expected #RRGGBB, e.g. #1E88E5")),
    }
}

/// Creates a code (`Action::CreateCode`) last among its siblings; returns its id.
pub(super) fn create(w: &mut Writer<'_>, new: NewCode) -> Result<CodeId> {
    let code = Code {
        id: CodeId(0),
        uuid: new_uuid(),
        parent_id: new.parent,
        name: new.name,
        color: normalize_color(&new.color)?,
        description: new.description,
        sort_order: next_sort_order(w, new.parent)?,
    };
    check_code(w, &code)?;
    Ok(w.insert_code(&code)?)
}

/// `Action::CreateCodeAndApply`: a new code and its codings as one step.
pub(super) fn create_and_apply(w: &mut Writer<'_>, new: NewCode, coder: CoderId, spans: Vec<(SourceId, TextSpan)>) -> Result<Outcome> {
    let code = create(w, new)?;
    let new_codings: Vec<NewCoding> =
        spans.into_iter().map(|(source, span)| NewCoding { source, code, coder, span, memo: String::new() }).collect();
    let made = codings::add(w, &new_codings)?;
    // Removing the code removes its codings; restoring it brings them back.
    let code_only = EntitySet { codes: vec![code], ..Default::default() };
    Ok(Outcome { inverse: Action::Remove(code_only), created: EntitySet { codes: vec![code], codings: made.codings, ..Default::default() } })
}

/// `Action::UpdateCode`: replaces name, parent, colour, description and position; undone by
/// putting back all of them.
pub(super) fn update(w: &mut Writer<'_>, id: CodeId, new: NewCode, sort_order: i64) -> Result<Outcome> {
    let Some(old) = w.read().code(id)? else { return not_found(format!("no code with id {id}")) };
    let code = Code {
        id,
        uuid: old.uuid.clone(),
        parent_id: new.parent,
        name: new.name,
        color: normalize_color(&new.color)?,
        description: new.description,
        sort_order,
    };
    check_code(w, &code)?;
    w.update_code(&code)?;
    Ok(unchanged(Action::UpdateCode {
        id,
        parent: old.parent_id,
        name: old.name,
        color: old.color,
        description: old.description,
        sort_order: old.sort_order,
    }))
}

fn next_sort_order(w: &Writer<'_>, parent: Option<CodeId>) -> Result<i64> {
    Ok(w.read().codes()?.iter().filter(|c| c.parent_id == parent).map(|c| c.sort_order + 1).max().unwrap_or(0))
}

/// A code's name must be usable in a path and unique among its siblings; its parent must exist
/// and must not be the code itself or one of its descendants.
fn check_code(w: &Writer<'_>, code: &Code) -> Result<()> {
    check_name("code", &code.name)?;
    if code.name.contains('/') {
        return invalid(format!("code name \"{}\" cannot contain \"/\" (it separates levels of the tree)", code.name));
    }
    let book = Codebook::new(w.read().codes()?);
    if let Some(parent) = code.parent_id {
        if book.get(parent).is_none() {
            return not_found(format!("no parent code with id {parent}"));
        }
        if code.id.0 != 0 && book.subtree(code.id).contains(&parent) {
            return invalid(format!("code \"{}\" cannot be moved under itself or one of its sub-codes", code.name));
        }
    }
    let clash = book
        .children(code.parent_id)
        .iter()
        .filter_map(|id| book.get(*id))
        .any(|sibling| sibling.id != code.id && sibling.name == code.name);
    if clash {
        let place = code.parent_id.and_then(|p| book.path(p)).map(|p| format!("under \"{p}\"")).unwrap_or("at the top level".into());
        return conflict(format!("a code named \"{}\" already exists {place}", code.name));
    }
    Ok(())
}
