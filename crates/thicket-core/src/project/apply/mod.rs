//! Applying one `Action` in one transaction: validation first, then the writes, then the inverse.
//!
//! `apply_in` is only a routing table: each action goes to a function of its family's module
//! (sources, cases, participants with their turns and source links, coders, codes, codings, memos,
//! attributes, framework matrices, the pseudonymisation map, reconciliation decisions, and the history actions batch/remove/restore), so that the rules of one family
//! sit together and the compiler checks that every action is routed. The checks that several
//! families share (names, dates, roles, ids that must exist) live here.
//!
//! Every refusal says what kind of failure it is (`ErrorKind`): an id or name that is not there
//! is `NotFound`, a value that cannot be used is `Invalid`, a name already taken is `Conflict`.

mod attributes;
mod cases;
mod coders;
mod codes;
mod codings;
mod exchange;
mod frameworks;
mod history;
mod import_project;
mod memos;
mod participants;
mod pseudonyms;
mod reconcile;
mod sources;

use super::{Outcome, Project};
use crate::action::{Action, EntitySet};
use crate::clock::is_valid_date;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Writer;

pub(crate) use codings::quote_selector;
pub(crate) use sources::text_hash;

impl Project {
    /// Applies an action in one transaction and returns its inverse (without touching history).
    /// Recorded in the audit trail like any other action.
    pub fn apply(&mut self, action: Action) -> Result<Outcome> {
        let head = (super::audit::action_kind(&action), action.label());
        self.apply_observed(action, &mut |_, _| true, head)
    }

    /// `apply`, telling `observer` how far a long action is (rows done, rows in all) now and
    /// then; when it answers false the action stops and is rolled back (`ErrorKind::Cancelled`).
    /// `audit` is the kind and summary of its row in the audit trail, appended in the same
    /// transaction: the action and its row land together or not at all.
    pub(super) fn apply_observed(&mut self, action: Action, observer: &mut (dyn FnMut(usize, usize) -> bool + Send), audit: (&str, String)) -> Result<Outcome> {
        let path = self.store.path().to_owned();
        let actor = self.actor.clone();
        self.store.write_observed(observer, |w| apply_audited(w, action, &actor, audit)).map_err(|e: Error| e.with_project(&path))
    }

    /// `apply_observed` for a step of the undo history: refused, with nothing written, when
    /// another process changed the project since this one last looked (`StoreError::ChangedElsewhere`).
    pub(super) fn apply_history(&mut self, action: Action, observer: &mut (dyn FnMut(usize, usize) -> bool + Send), audit: (&str, String)) -> Result<Outcome> {
        let path = self.store.path().to_owned();
        let actor = self.actor.clone();
        self.store.write_history(observer, |w| apply_audited(w, action, &actor, audit)).map_err(|e: Error| e.with_project(&path))
    }
}

/// Applies `action` and appends its row to the audit trail, in the writer's one transaction.
fn apply_audited(w: &mut Writer<'_>, action: Action, actor: &str, audit: (&str, String)) -> Result<Outcome> {
    let mut touched = super::audit::Touched::default();
    touched.action(&action);
    let outcome = apply_in(w, action)?;
    touched.outcome(&outcome);
    let entry = touched.entry(w, actor, audit.0, audit.1)?;
    w.append_audit(&entry)?;
    Ok(outcome)
}

impl Project {
    /// Performs the action `build` makes for the coder named `coder`, creating the coder in the
    /// same transaction when the project has none of that name: both land or neither does (a
    /// run killed mid-write never leaves a coder without their codings), and one undo step
    /// takes both back. `Ok(None)` when `build` has nothing to do.
    pub fn perform_as(&mut self, coder: &str, build: impl FnOnce(CoderId) -> Option<Action>) -> Result<Option<Outcome>> {
        if let Some(c) = self.coders()?.into_iter().find(|c| c.name == coder) {
            if c.retired {
                return Err(Error::invalid(format!("coder \"{coder}\" is retired: bring them back first (thicket coder PROJECT unretire \"{coder}\")")));
            }
            return build(c.id).map(|a| self.perform(a)).transpose();
        }
        let path = self.store.path().to_owned();
        let name = coder.to_string();
        let actor = self.actor.clone();
        let done = self
            .store
            .write(|w| -> Result<Option<(String, crate::action::StepName, Outcome)>> {
                let made = apply_in(w, Action::CreateCoder { name: name.clone() })?;
                let id = made.created.coders.first().copied().ok_or_else(|| Error::internal(format!("could not create coder \"{name}\"")))?;
                let Some(action) = build(id) else { return Ok(None) };
                let label = action.label();
                let step = action.step_name();
                let kind = super::audit::action_kind(&action);
                let mut touched = super::audit::Touched::default();
                touched.action(&action);
                let outcome = apply_in(w, action)?;
                touched.outcome(&outcome);
                let entry = touched.entry(w, &actor, kind, format!("{label} (new coder “{name}”)"))?;
                w.append_audit(&entry)?;
                let mut created = made.created;
                history::merge_sets(&mut created, outcome.created);
                let inverse = Action::Batch { label: label.clone(), actions: vec![outcome.inverse, made.inverse], step: None };
                Ok(Some((label, step, Outcome { inverse, created })))
            })
            .map_err(|e| e.with_project(&path))?;
        self.take_outside_change();
        Ok(done.map(|(label, step, outcome)| {
            self.record(label, step, outcome.inverse.clone());
            outcome
        }))
    }
}

/// Applies one action inside the open transaction `w` (a `Batch` recurses here for each part).
pub(super) fn apply_in(w: &mut Writer<'_>, action: Action) -> Result<Outcome> {
    match action {
        Action::ImportSources(new) => sources::import(w, &new),
        Action::UpdateSource { id, name, kind, date } => sources::update(w, id, name, kind, date),
        Action::SetSourceAuthor { id, author } => sources::set_author(w, id, author),
        Action::CreateCase { name, description, sources } => cases::create(w, name, description, &sources),
        Action::UpdateCase { id, name, description } => cases::update(w, id, name, description),
        Action::AssignSources { case, sources } => cases::assign(w, case, sources),
        Action::UnassignSources { case, sources } => cases::unassign(w, case, sources),
        Action::CreateParticipant { name, role, cases } => participants::create(w, name, role, cases),
        Action::UpdateParticipant { id, name, role, cases } => participants::update(w, id, name, role, cases),
        Action::LinkSourceParticipants { links, linked } => participants::link_sources(w, links, linked),
        Action::ReassignTurns { turns, to } => participants::reassign_turns(w, &turns, to),
        Action::CreateCoder { name } => coders::create(w, name),
        Action::RenameCoder { id, name } => coders::rename(w, id, name),
        Action::SetCoderColor { id, color } => coders::set_color(w, id, color),
        Action::SetCoderRetired { id, retired } => coders::set_retired(w, id, retired),
        Action::CreateCode { parent, name, color, description } => {
            Ok(created(EntitySet { codes: vec![codes::create(w, codes::NewCode { parent, name, color, description })?], ..Default::default() }))
        }
        Action::CreateCodeAndApply { parent, name, color, description, coder, spans } => {
            codes::create_and_apply(w, codes::NewCode { parent, name, color, description }, coder, spans)
        }
        Action::UpdateCode { id, parent, name, color, description, sort_order } => {
            codes::update(w, id, codes::NewCode { parent, name, color, description }, sort_order)
        }
        Action::AddCodings(new) => Ok(created(codings::add(w, &new)?)),
        Action::ReassignCodings { codings, to } => codings::reassign(w, &codings, to),
        Action::UpdateCoding { id, span, memo } => codings::update(w, id, span, memo),
        Action::CreateMemo { target, title, body, coder } => memos::create(w, target, title, body, coder),
        Action::UpdateMemo { id, title, body, updated_at } => memos::update(w, id, title, body, updated_at),
        Action::DefineAttribute { name, applies_to, value_type, categories } => {
            attributes::define(w, name, applies_to, value_type, categories)
        }
        Action::SetAttribute { attribute, entity, value } => attributes::set(w, attribute, entity, value),
        Action::CreateFramework { name, codes, cases } => frameworks::create(w, name, codes, cases),
        Action::RenameFramework { id, name } => frameworks::rename(w, id, name),
        Action::SetFrameworkColumns { id, codes } => frameworks::set_columns(w, id, codes),
        Action::SetFrameworkRows { id, cases } => frameworks::set_rows(w, id, cases),
        Action::SetFrameworkCell { framework, case, code, summary, coder, updated_at } => {
            frameworks::set_cell(w, frameworks::CellEdit { framework, case, code, summary, coder, updated_at })
        }
        Action::AddPseudonyms(entries) => pseudonyms::add(w, entries),
        Action::UpdatePseudonym { id, entry } => pseudonyms::update(w, id, entry),
        Action::RemovePseudonyms(ids) => pseudonyms::remove(w, &ids),
        Action::RestorePseudonyms(entries) => pseudonyms::restore(w, entries),
        Action::Reconcile(step) => reconcile::decide(w, *step),
        Action::SetReconcileDecisions(slots) => reconcile::set_decisions(w, slots),
        Action::Batch { label, actions, .. } => history::batch(w, label, actions),
        Action::ImportRows { rows, .. } => exchange::insert_rows(w, &rows),
        Action::Remove(set) => history::remove(w, &set),
        Action::Restore(snapshot) => history::restore(w, &snapshot),
        Action::ImportProject { rows, .. } => import_project::import(w, *rows),
    }
}

/// The outcome of an action that created `set`: undoing it removes what it created.
fn created(set: EntitySet) -> Outcome {
    Outcome { inverse: Action::Remove(set.clone()), created: set }
}

/// The outcome of an action that created nothing and is undone by `inverse`.
fn unchanged(inverse: Action) -> Outcome {
    Outcome { inverse, created: EntitySet::default() }
}

fn not_found<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::not_found(message))
}

fn invalid<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::invalid(message))
}

fn conflict<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::conflict(message))
}

fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn check_name(what: &str, name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return invalid(format!("{what} name cannot be empty"));
    }
    if name.trim() != name {
        return invalid(format!("{what} name \"{name}\" has leading or trailing spaces"));
    }
    Ok(())
}

fn check_date(date: Option<&str>) -> Result<()> {
    match date {
        Some(d) if !is_valid_date(d) => invalid(format!("invalid date \"{d}\": expected YYYY-MM-DD")),
        _ => Ok(()),
    }
}

/// A role must be one of the project's roles (they are user-defined, with defaults).
fn check_role(w: &Writer<'_>, role: Option<&str>) -> Result<()> {
    let Some(role) = role else { return Ok(()) };
    let roles = w.read().roles()?;
    if roles.iter().any(|r| r.name == role) {
        Ok(())
    } else {
        let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
        invalid(format!("unknown role \"{role}\": expected one of {}", names.join(", ")))
    }
}

fn find_case(w: &Writer<'_>, name: &str) -> Result<Option<CaseId>> {
    Ok(w.read().cases()?.into_iter().find(|c| c.name == name).map(|c| c.id))
}

fn find_participant(w: &Writer<'_>, name: &str) -> Result<Option<ParticipantId>> {
    Ok(w.read().participants()?.into_iter().find(|p| p.name == name).map(|p| p.id))
}

fn require_source(w: &Writer<'_>, id: SourceId) -> Result<Source> {
    w.read().source(id)?.ok_or_else(|| Error::not_found(format!("no source with id {id}")))
}

fn require_case(w: &Writer<'_>, id: CaseId) -> Result<()> {
    if w.read().cases()?.iter().any(|c| c.id == id) { Ok(()) } else { not_found(format!("no case with id {id}")) }
}

fn require_coder(w: &Writer<'_>, id: CoderId) -> Result<()> {
    if w.read().coders()?.iter().any(|c| c.id == id) { Ok(()) } else { not_found(format!("no coder with id {id}")) }
}
