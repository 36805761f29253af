//! Reconciliation decisions (docs/reconcile.md): writing what a decision decides to the master
//! coder and recording the decision; putting decisions back as they were (undo).

use std::collections::{BTreeSet, HashMap};

use super::{check_name, codings, invalid, not_found, require_coder, require_source, unchanged};
use crate::action::{Action, EntitySet, NewCoding, ReconcileStep};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::Reconcile`: for each decision, removes the master's codings an earlier decision on the
/// same item wrote (those still there), adds the decided spans (a span the master already has with
/// this code is not added twice), and records the decision; then copies the agreed codings the
/// master lacks. The master coder is created if missing.
///
/// Undone by one batch: the codings written are removed, the ones removed come back under their
/// ids, the earlier decisions (or none) are put back, and a master created here is removed.
pub(super) fn decide(w: &mut Writer<'_>, step: ReconcileStep) -> Result<Outcome> {
    check_name("coder", &step.master)?;
    let distinct: BTreeSet<CoderId> = step.coders.iter().copied().collect();
    if distinct.len() < 2 || distinct.len() != step.coders.len() {
        return invalid("reconciling needs at least two different coders to compare");
    }
    for c in &step.coders {
        require_coder(w, *c)?;
    }
    let existing = w.read().coders()?.into_iter().find(|c| c.name == step.master);
    if existing.as_ref().is_some_and(|m| distinct.contains(&m.id)) {
        return invalid(format!("the master coder \"{}\" is one of the coders compared: choose another name", step.master));
    }
    let (master, created_master) = match existing {
        Some(m) => (m.id, None),
        None => {
            let count = w.read().coders()?.len();
            let master = crate::model::Coder {
                id: crate::model::CoderId(0),
                uuid: super::new_uuid(),
                name: step.master.clone(),
                created_at: now_rfc3339(),
                color: crate::model::next_coder_colour(count).hex_upper(),
                retired: false,
            };
            let id = w.insert_coder(&master)?;
            (id, Some(id))
        }
    };
    // Check every decision and gather what earlier decisions wrote before writing anything.
    let mut keys = BTreeSet::new();
    let mut old_slots = Vec::new();
    let mut stale = Vec::new();
    for d in &step.decisions {
        let source = require_source(w, d.source)?;
        if w.read().code(d.code)?.is_none() {
            return not_found(format!("no code with id {}", d.code));
        }
        for span in d.spans.iter().chain(d.choice.span().as_ref()) {
            if span.is_empty() || span.end > source.char_len {
                return invalid(format!("range {span} is outside source \"{}\" (it has {} characters)", source.name, source.char_len));
            }
        }
        let key = DecisionKey::new(master, &step.coders, d.source, d.code, d.extent);
        if !keys.insert(key.clone()) {
            return invalid(format!("item s{}-c{}-{}-{} is decided twice in one step", d.source, d.code, d.extent.start, d.extent.end));
        }
        let old = w.read().reconcile_decision(&key)?;
        if let Some(old) = &old {
            for id in &old.written {
                if w.read().coding(*id)?.is_some_and(|c| c.coder_id == master) {
                    stale.push(*id);
                }
            }
        }
        old_slots.push(DecisionSlot { key, decision: old });
    }
    let removed = if stale.is_empty() { None } else { Some(w.remove(&EntitySet { codings: stale, ..Default::default() })?) };
    let now = now_rfc3339();
    let mut written_all = Vec::new();
    for (d, slot) in step.decisions.iter().zip(&old_slots) {
        let mut fresh = Vec::new();
        for span in &d.spans {
            if !w.read().coding_exists(d.source, d.code, master, *span)? {
                fresh.push(NewCoding { source: d.source, code: d.code, coder: master, span: *span, memo: String::new() });
            }
        }
        let written = codings::add(w, &fresh)?.codings;
        written_all.extend(written.iter().copied());
        w.put_reconcile_decision(&ReconcileDecision {
            key: slot.key.clone(),
            coders: step.coders.clone(),
            choice: d.choice,
            note: d.note.clone(),
            decided_by: step.decided_by.clone(),
            decided_at: now.clone(),
            written,
        })?;
    }
    let mut copies = Vec::new();
    let mut seen = BTreeSet::new();
    // Sources and codes looked up once each: a copy can hold 150,000 codings.
    let mut sources: HashMap<SourceId, Source> = HashMap::new();
    let codes: BTreeSet<CodeId> = w.read().codes()?.into_iter().map(|c| c.id).collect();
    for &(source_id, code, span) in &step.agreed {
        let source = match sources.entry(source_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(require_source(w, source_id)?),
        };
        if !codes.contains(&code) {
            return not_found(format!("no code with id {code}"));
        }
        if span.is_empty() || span.end > source.char_len {
            return invalid(format!("range {span} is outside source \"{}\" (it has {} characters)", source.name, source.char_len));
        }
        if seen.insert((source_id, code, span)) && !w.read().coding_exists(source_id, code, master, span)? {
            copies.push(NewCoding { source: source_id, code, coder: master, span, memo: String::new() });
        }
    }
    written_all.extend(codings::add(w, &copies)?.codings);
    if step.decisions.is_empty() && written_all.is_empty() && created_master.is_none() {
        return invalid(format!("nothing to write: \"{}\" already has every agreed coding", step.master));
    }
    let mut undo = Vec::new();
    if !written_all.is_empty() {
        undo.push(Action::Remove(EntitySet { codings: written_all.clone(), ..Default::default() }));
    }
    if let Some(snapshot) = removed {
        undo.push(Action::Restore(Box::new(snapshot)));
    }
    undo.push(Action::SetReconcileDecisions(old_slots));
    if let Some(id) = created_master {
        undo.push(Action::Remove(EntitySet { coders: vec![id], ..Default::default() }));
    }
    let created = EntitySet { codings: written_all, coders: created_master.into_iter().collect(), ..Default::default() };
    Ok(Outcome { inverse: Action::Batch { label: "Undo reconciliation".into(), actions: undo, step: None }, created })
}

/// `Action::SetReconcileDecisions`: each key gets the decision given, or none; undone by putting
/// back what each key had.
pub(super) fn set_decisions(w: &mut Writer<'_>, slots: Vec<DecisionSlot>) -> Result<Outcome> {
    let mut old = Vec::with_capacity(slots.len());
    for slot in slots {
        old.push(DecisionSlot { key: slot.key.clone(), decision: w.read().reconcile_decision(&slot.key)? });
        match &slot.decision {
            Some(d) => w.put_reconcile_decision(d)?,
            None => {
                w.delete_reconcile_decision(&slot.key)?;
            }
        }
    }
    old.reverse();
    Ok(unchanged(Action::SetReconcileDecisions(old)))
}
