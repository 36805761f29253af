//! The actions that carry other actions or rows: `Batch`, `Remove` and `Restore`, and the order
//! in which the inverses of several steps must run for undo to be exact.

use super::{apply_in, not_found, unchanged};
use crate::action::{Action, EntitySet, Snapshot};
use crate::error::Result;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::Batch`: every part in order, in this one transaction.
///
/// The inverse runs the parts' inverses in reverse order, because a later part may stand on an
/// earlier one: undoing "create case, then assign sources to it" must unassign the sources
/// before the case is removed, or the unassigning would name a case that is gone.
pub(super) fn batch(w: &mut Writer<'_>, label: String, actions: Vec<Action>) -> Result<Outcome> {
    let mut inverses = Vec::with_capacity(actions.len());
    let mut made = EntitySet::default();
    for a in actions {
        let outcome = apply_in(w, a)?;
        merge_sets(&mut made, outcome.created);
        inverses.push(outcome.inverse);
    }
    inverses.reverse();
    Ok(Outcome { inverse: Action::Batch { label, actions: inverses, step: None }, created: made })
}

/// `Action::Remove`: deletes the entities and everything hanging from them; undone by restoring
/// the rows deleted, under their old ids.
pub(super) fn remove(w: &mut Writer<'_>, set: &EntitySet) -> Result<Outcome> {
    let snapshot = w.remove(set)?;
    if snapshot == Snapshot::default() {
        return not_found("nothing to delete: the items no longer exist");
    }
    Ok(unchanged(Action::Restore(Box::new(snapshot))))
}

/// `Action::Restore`: puts rows back; undone by removing them again.
pub(super) fn restore(w: &mut Writer<'_>, snapshot: &Snapshot) -> Result<Outcome> {
    w.restore(snapshot)?;
    Ok(Outcome { inverse: Action::Remove(snapshot.ids()), created: snapshot.ids() })
}

/// The inverse of moving items (turns, codings) from their owners to one new owner: one action
/// per old owner, giving back its items, as a batch labelled `label` when there are several.
///
/// The groups are disjoint and none depends on another, so undo is exact in any order; the order
/// matters only for being the same every time. Callers therefore yield the groups keyed by the
/// old owner's id (a `BTreeMap` iterates in that order), so that the same change always has the
/// same inverse: the history, a saved action and a test all see one value, where a hash map's
/// order would differ from run to run.
pub(super) fn give_back(label: &str, groups: impl IntoIterator<Item = Action>) -> Action {
    let mut actions: Vec<Action> = groups.into_iter().collect();
    if actions.len() == 1
        && let Some(only) = actions.pop()
    {
        return only;
    }
    Action::Batch { label: label.into(), actions, step: None }
}

pub(super) fn merge_sets(into: &mut EntitySet, from: EntitySet) {
    into.sources.extend(from.sources);
    into.cases.extend(from.cases);
    into.participants.extend(from.participants);
    into.coders.extend(from.coders);
    into.codes.extend(from.codes);
    into.codings.extend(from.codings);
    into.memos.extend(from.memos);
    into.attributes.extend(from.attributes);
    into.case_sources.extend(from.case_sources);
    into.participant_cases.extend(from.participant_cases);
    into.frameworks.extend(from.frameworks);
}
