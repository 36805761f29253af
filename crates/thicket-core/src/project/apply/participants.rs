//! Participants, their speaker turns, and which sources are about them: creating and editing
//! participants, attributing turns to another speaker, linking sources to participants.

use std::collections::{BTreeMap, BTreeSet};

use super::{check_name, check_role, conflict, created, find_participant, new_uuid, not_found, require_case, require_source, unchanged};
use crate::action::{Action, EntitySet};
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateParticipant`: a participant with a name not yet taken and a known role.
pub(super) fn create(w: &mut Writer<'_>, name: String, role: Option<String>, cases: Vec<CaseId>) -> Result<Outcome> {
    check_name("participant", &name)?;
    check_role(w, role.as_deref())?;
    if find_participant(w, &name)?.is_some() {
        return conflict(format!("a participant named \"{name}\" already exists"));
    }
    let id = w.insert_participant(None, &new_uuid(), &name, role.as_deref())?;
    for c in &cases {
        require_case(w, *c)?;
    }
    w.set_participant_cases(id, &cases)?;
    Ok(created(EntitySet { participants: vec![id], ..Default::default() }))
}

/// `Action::UpdateParticipant`: replaces name, role and cases; undone by putting back all three.
pub(super) fn update(w: &mut Writer<'_>, id: ParticipantId, name: String, role: Option<String>, cases: Vec<CaseId>) -> Result<Outcome> {
    let Some(old) = w.read().participants()?.into_iter().find(|p| p.id == id) else {
        return not_found(format!("no participant with id {id}"));
    };
    check_name("participant", &name)?;
    check_role(w, role.as_deref())?;
    if name != old.name && find_participant(w, &name)?.is_some() {
        return conflict(format!("a participant named \"{name}\" already exists"));
    }
    for c in &cases {
        require_case(w, *c)?;
    }
    let old_cases: Vec<CaseId> =
        w.read().participant_cases()?.into_iter().filter(|(p, _)| *p == id).map(|(_, c)| c).collect();
    w.update_participant(id, &name, role.as_deref())?;
    w.set_participant_cases(id, &cases)?;
    Ok(unchanged(Action::UpdateParticipant { id, name: old.name, role: old.role, cases: old_cases }))
}

/// `Action::LinkSourceParticipants`: links (or unlinks) sources and participants.
pub(super) fn link_sources(w: &mut Writer<'_>, links: Vec<(SourceId, ParticipantId)>, linked: bool) -> Result<Outcome> {
    let existing: BTreeSet<(SourceId, ParticipantId)> = w.read().source_participants()?.into_iter().collect();
    let people: BTreeSet<ParticipantId> = w.read().participants()?.into_iter().map(|p| p.id).collect();
    // Only what changes goes into the inverse, so undo takes back exactly this step.
    let mut changed = Vec::new();
    for (source, person) in links {
        require_source(w, source)?;
        if !people.contains(&person) {
            return not_found(format!("no participant with id {person}"));
        }
        match (linked, existing.contains(&(source, person))) {
            (true, false) => w.link_source_participant(source, person)?,
            (false, true) => w.unlink_source_participant(source, person)?,
            _ => continue,
        }
        changed.push((source, person));
    }
    Ok(unchanged(Action::LinkSourceParticipants { links: changed, linked: !linked }))
}

/// `Action::ReassignTurns`: gives turns to `to`; undone by giving each turn back to its speaker.
pub(super) fn reassign_turns(w: &mut Writer<'_>, turns: &[TurnId], to: ParticipantId) -> Result<Outcome> {
    if !w.read().participants()?.iter().any(|p| p.id == to) {
        return not_found(format!("no participant with id {to}"));
    }
    // Keyed by the speaker each turn goes back to: see `super::history::give_back` for the order.
    let mut back: BTreeMap<ParticipantId, Vec<TurnId>> = BTreeMap::new();
    for t in turns {
        let Some(old) = w.read().turn(*t)? else { return not_found(format!("no turn with id {t}")) };
        back.entry(old.participant_id).or_default().push(*t);
        w.set_turn_participant(*t, to)?;
    }
    let inverses = back.into_iter().map(|(p, turns)| Action::ReassignTurns { turns, to: p });
    Ok(unchanged(super::history::give_back("Reassign turns", inverses)))
}
