//! Changing the codebook and removing codings from the command line: what the codebook panel
//! and the document's menus do in the window, built from the same core rules (`Codebook`'s
//! placements, `Project::merge_codes_action`), each one action and one transaction.

use super::output::say;
use thicket_core::action::{Action, EntitySet};
use thicket_core::error::{Error, Result};
use thicket_core::model::*;
use thicket_core::project::Project;

/// `code rename PATH NEW`: the code keeps its place, colour, description and codings.
pub fn rename(p: &mut Project, path: &str, new_name: &str) -> Result<()> {
    let id = p.code_at(path)?;
    let book = p.codebook()?;
    let code = book.get(id).ok_or_else(|| Error::not_found(format!("no code \"{path}\" in the codebook")))?;
    p.perform(Action::UpdateCode {
        id,
        parent: code.parent_id,
        name: new_name.to_string(),
        color: code.color.clone(),
        description: code.description.clone(),
        sort_order: code.sort_order,
    })?;
    say!("renamed \"{path}\" to \"{}\"", p.codebook()?.path(id).unwrap_or_default());
    Ok(())
}

/// `code move PATH --under PARENT | --top`: last among its new siblings, as a drop on a code
/// in the window puts it.
pub fn move_code(p: &mut Project, path: &str, under: Option<&str>) -> Result<()> {
    let id = p.code_at(path)?;
    let parent = under.map(|u| p.code_at(u)).transpose()?;
    let book = p.codebook()?;
    if parent.is_some_and(|parent| book.is_within(parent, id)) {
        return Err(Error::invalid(format!("cannot move \"{path}\" under itself or one of its sub-codes")));
    }
    let Some(action) = Action::reparent_code(&book, id, parent) else {
        return Err(Error::invalid(format!("\"{path}\" is already there")));
    };
    p.perform(action)?;
    say!("moved \"{path}\" to \"{}\"", p.codebook()?.path(id).unwrap_or_default());
    Ok(())
}

/// `code merge FROM --into INTO`: FROM's codings and sub-codes go to INTO, and FROM goes; says
/// how many of FROM's own codings moved (its sub-codes keep theirs).
pub fn merge(p: &mut Project, from: &str, into: &str) -> Result<()> {
    let (a, b) = (p.code_at(from)?, p.code_at(into)?);
    let moved = p.coding_counts()?.get(&a).copied().unwrap_or(0);
    let action = p.merge_codes_action(a, b)?;
    p.perform(action)?;
    say!("merged \"{from}\" into \"{into}\" ({moved} codings)");
    Ok(())
}

/// `code delete PATH`: the code, its sub-codes, their codings and memos; says what went.
pub fn delete(p: &mut Project, path: &str) -> Result<()> {
    let id = p.code_at(path)?;
    let (subcodes, codings) = p.code_deletion_summary(id)?;
    p.perform(Action::Remove(EntitySet { codes: vec![id], ..Default::default() }))?;
    say!("deleted \"{path}\" with {subcodes} sub-codes and {codings} codings");
    Ok(())
}

/// `coding remove ID...`: every id must exist, or nothing is removed.
pub fn remove_codings(p: &mut Project, ids: &[i64]) -> Result<()> {
    let mut codings = Vec::new();
    for &id in ids {
        let coding = p.coding(CodingId(id))?.ok_or_else(|| Error::not_found(format!("no coding with id {id}")))?;
        codings.push(coding.id);
    }
    codings.sort();
    codings.dedup();
    let n = codings.len();
    p.perform(Action::Remove(EntitySet { codings, ..Default::default() }))?;
    say!("removed {n} coding{}", if n == 1 { "" } else { "s" });
    Ok(())
}
