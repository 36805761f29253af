//! Importing and editing sources. An import also creates the cases, participants, turns and
//! source attributes its documents name, so that one import is one undo step.

use std::collections::{BTreeSet, HashMap};

use sha2::{Digest, Sha256};

use super::{check_date, check_name, check_role, conflict, created, invalid, new_uuid, unchanged};
use crate::action::{Action, EntitySet, NewSource};
use crate::clock::now_rfc3339;
use crate::error::{Error, Result};
use crate::model::*;
use crate::project::Outcome;
use crate::store::{SourceFields, Writer};
use crate::text::{TextIndex, word_count};

/// Hex SHA-256 of a source's normalised text.
pub(crate) fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `Action::ImportSources`: undone by removing everything it created.
pub(super) fn import(w: &mut Writer<'_>, sources: &[NewSource]) -> Result<Outcome> {
    Ok(created(import_sources(w, sources)?))
}

/// `Action::UpdateSource`: a new name (not taken by another source), kind or date.
pub(super) fn update(w: &mut Writer<'_>, id: SourceId, name: String, kind: SourceKind, date: Option<String>) -> Result<Outcome> {
    let old = w.read().source(id)?.ok_or_else(|| Error::not_found(format!("no source with id {id}")))?;
    check_name("source", &name)?;
    check_date(date.as_deref())?;
    if name != old.name && w.read().source_by_name(&name)?.is_some() {
        return conflict(format!("a source named \"{name}\" already exists"));
    }
    w.update_source(id, &name, kind, date.as_deref())?;
    Ok(unchanged(Action::UpdateSource { id, name: old.name, kind: old.kind, date: old.date }))
}

/// `Action::SetSourceAuthor`: the perspective a source carries, trimmed; blank means none.
pub(super) fn set_author(w: &mut Writer<'_>, id: SourceId, author: Option<String>) -> Result<Outcome> {
    let old = w.read().source(id)?.ok_or_else(|| Error::not_found(format!("no source with id {id}")))?;
    let author = author.map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
    if let Some(a) = &author
        && (a.chars().count() > 100 || a.contains('\n'))
    {
        return invalid(format!("invalid author \"{a}\" of source \"{}\": one line of at most 100 characters", old.name));
    }
    w.set_source_author(id, author.as_deref())?;
    Ok(unchanged(Action::SetSourceAuthor { id, author: old.author }))
}

/// Imports sources, creating missing cases and participants; returns everything it created.
fn import_sources(w: &mut Writer<'_>, sources: &[NewSource]) -> Result<EntitySet> {
    let mut created = EntitySet::default();
    let mut names: BTreeSet<String> = w.read().sources()?.into_iter().map(|s| s.name).collect();
    let mut cases: HashMap<String, CaseId> = w.read().cases()?.into_iter().map(|c| (c.name, c.id)).collect();
    let mut people: HashMap<String, ParticipantId> =
        w.read().participants()?.into_iter().map(|p| (p.name, p.id)).collect();
    let existing_links: BTreeSet<(ParticipantId, CaseId)> = w.read().participant_cases()?.into_iter().collect();
    let mut source_attrs: HashMap<String, AttributeId> = w
        .read()
        .attributes()?
        .into_iter()
        .filter(|a| a.applies_to == AttributeTarget::Source)
        .map(|a| (a.name, a.id))
        .collect();
    let imported_at = now_rfc3339();
    for src in sources {
        validate_new_source(src)?;
        let name = unique_name(&src.name, &names);
        names.insert(name.clone());
        let index = TextIndex::new(&src.text);
        let hash = text_hash(&src.text);
        let uuid = new_uuid();
        let id = w.insert_source(&SourceFields {
            id: None,
            uuid: &uuid,
            name: &name,
            kind: src.kind,
            text: &src.text,
            text_hash: &hash,
            char_len: index.char_len(),
            word_count: word_count(&src.text),
            date: src.date.as_deref(),
            original_name: &src.original_name,
            original_format: &src.original_format,
            encoding: &src.encoding,
            imported_at: &imported_at,
            page_starts: src.page_starts.as_deref(),
            time_marks: &src.time_marks,
        })?;
        created.sources.push(id);
        let source_id = id;
        let mut case_ids = Vec::new();
        for case in &src.cases {
            let case_id = match cases.get(case) {
                Some(c) => *c,
                None => {
                    check_name("case", case)?;
                    let c = w.insert_case(None, &new_uuid(), case, "")?;
                    created.cases.push(c);
                    cases.insert(case.clone(), c);
                    c
                }
            };
            w.link_case_source(case_id, id)?;
            case_ids.push(case_id);
        }
        let mut participant = |w: &mut Writer<'_>, name: &str| -> Result<ParticipantId> {
            if let Some(p) = people.get(name) {
                return Ok(*p);
            }
            check_name("participant", name)?;
            let role = src.roles.iter().find(|(n, _)| n == name).map(|(_, r)| r.as_str()).or_else(|| guess_role(name));
            check_role(w, role)?;
            let p = w.insert_participant(None, &new_uuid(), name, role)?;
            created.participants.push(p);
            people.insert(name.to_string(), p);
            Ok(p)
        };
        for (attr, value) in &src.attributes {
            let id = match source_attrs.get(attr) {
                Some(id) => *id,
                None => {
                    check_name("attribute", attr)?;
                    let def = AttributeDef {
                        id: AttributeId(0),
                        uuid: new_uuid(),
                        name: attr.clone(),
                        applies_to: AttributeTarget::Source,
                        value_type: AttributeType::Text,
                        categories: Vec::new(),
                    };
                    let id = w.insert_attribute(&def)?;
                    created.attributes.push(id);
                    source_attrs.insert(attr.clone(), id);
                    id
                }
            };
            w.set_attribute_value(id, source_id.0, Some(value))?;
        }
        let mut speakers = BTreeSet::new();
        for name in &src.participants {
            let p = participant(w, name)?;
            w.link_source_participant(id, p)?;
            speakers.insert(p);
        }
        for turn in &src.turns {
            let p = participant(w, &turn.speaker)?;
            w.insert_turn(None, id, p, turn.span, turn.timestamp_ms)?;
            speakers.insert(p);
        }
        // People who already belong to cases keep them: a focus group in three cases does not
        // make each speaker a member of all three. New or case-less people join the source's cases.
        for p in speakers {
            let has_cases = existing_links.iter().any(|(q, _)| *q == p);
            if has_cases {
                continue;
            }
            for &c in &case_ids {
                if !created.participant_cases.contains(&(p, c)) {
                    w.link_participant_case(p, c)?;
                    created.participant_cases.push((p, c));
                }
            }
        }
    }
    Ok(created)
}

fn validate_new_source(src: &NewSource) -> Result<()> {
    check_name("source", &src.name)?;
    check_date(src.date.as_deref())?;
    if src.text.trim().is_empty() {
        return invalid(format!("source \"{}\" has no text", src.name));
    }
    let len = src.text.chars().count();
    let mut last_end = 0;
    for t in &src.turns {
        if t.span.start >= t.span.end || t.span.end > len || t.span.start < last_end {
            return invalid(format!("source \"{}\": turn of \"{}\" at {} is out of order or out of bounds", src.name, t.speaker, t.span));
        }
        last_end = t.span.end;
    }
    Ok(())
}

/// `name`, or `name (2)`, `name (3)`... whichever is free.
fn unique_name(name: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(name) {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|c| !taken.contains(c)).unwrap_or_else(|| name.to_string())
}

/// Speaker labels that name the researcher's side get the interviewer role on creation.
fn guess_role(label: &str) -> Option<&'static str> {
    let l = label.to_lowercase();
    let interviewer = ["i", "q", "int", "interviewer", "facilitator", "moderator", "researcher"];
    interviewer.contains(&l.as_str()).then_some("interviewer")
}
