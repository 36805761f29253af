//! Editing the pseudonymisation map: adding entries (by hand or pre-filled), editing, removing
//! and restoring them. Each is one undoable step; the map changes no stored text.

use super::{conflict, invalid, not_found, unchanged};
use crate::action::Action;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::AddPseudonyms`: every entry checked, then added after the last one (unless it says
/// where); undone by removing them.
pub(super) fn add(w: &mut Writer<'_>, entries: Vec<NewPseudonym>) -> Result<Outcome> {
    if entries.is_empty() {
        return invalid("no pseudonyms to add");
    }
    let existing = w.read().pseudonyms()?;
    let mut next = existing.iter().map(|p| p.sort_order + 1).max().unwrap_or(0);
    let mut taken: Vec<String> = existing.iter().map(|p| p.original.to_lowercase()).collect();
    let mut ids = Vec::with_capacity(entries.len());
    for mut entry in entries {
        check_entry(&entry)?;
        let key = entry.original.to_lowercase();
        if taken.contains(&key) {
            return conflict(format!("\"{}\" is already in the pseudonym map", entry.original));
        }
        taken.push(key);
        if entry.sort_order < 0 {
            entry.sort_order = next;
        }
        next = next.max(entry.sort_order + 1);
        ids.push(w.insert_pseudonym(None, &entry)?);
    }
    Ok(unchanged(Action::RemovePseudonyms(ids)))
}

/// `Action::UpdatePseudonym`: new fields for one entry; undone by putting back the old ones.
pub(super) fn update(w: &mut Writer<'_>, id: PseudonymId, mut entry: NewPseudonym) -> Result<Outcome> {
    let Some(old) = w.read().pseudonym(id)? else { return not_found(format!("no pseudonym with id {id}")) };
    check_entry(&entry)?;
    let key = entry.original.to_lowercase();
    if w.read().pseudonyms()?.iter().any(|p| p.id != id && p.original.to_lowercase() == key) {
        return conflict(format!("\"{}\" is already in the pseudonym map", entry.original));
    }
    if entry.sort_order < 0 {
        entry.sort_order = old.sort_order;
    }
    w.update_pseudonym(id, &entry)?;
    Ok(unchanged(Action::UpdatePseudonym { id, entry: old.fields() }))
}

/// `Action::RemovePseudonyms`: undone by restoring the entries under their ids.
pub(super) fn remove(w: &mut Writer<'_>, ids: &[PseudonymId]) -> Result<Outcome> {
    let mut removed = Vec::with_capacity(ids.len());
    for &id in ids {
        let Some(old) = w.read().pseudonym(id)? else { return not_found(format!("no pseudonym with id {id}")) };
        w.delete_pseudonym(id)?;
        removed.push(old);
    }
    if removed.is_empty() {
        return invalid("no pseudonyms to remove");
    }
    Ok(unchanged(Action::RestorePseudonyms(removed)))
}

/// `Action::RestorePseudonyms`: the entries back under their old ids; undone by removing them.
pub(super) fn restore(w: &mut Writer<'_>, entries: Vec<Pseudonym>) -> Result<Outcome> {
    let mut ids = Vec::with_capacity(entries.len());
    for p in entries {
        check_entry(&p.fields())?;
        ids.push(w.insert_pseudonym(Some(p.id), &p.fields())?);
    }
    Ok(unchanged(Action::RemovePseudonyms(ids)))
}

fn check_entry(entry: &NewPseudonym) -> Result<()> {
    if entry.original.trim().is_empty() {
        return invalid("a pseudonym needs an original: the name or text to replace");
    }
    if entry.original.trim() != entry.original {
        return invalid(format!("the original \"{}\" has leading or trailing spaces", entry.original));
    }
    if entry.replacement.trim().is_empty() {
        return invalid(format!("the replacement for \"{}\" cannot be empty", entry.original));
    }
    Ok(())
}
