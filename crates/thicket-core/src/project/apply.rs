//! Applying one `Action` in one transaction: validation first, then the writes, then the inverse.

use std::collections::{BTreeSet, HashMap};

use sha2::{Digest, Sha256};

use super::{Outcome, Project};
use crate::action::{Action, EntitySet, NewCoding, NewSource, Snapshot};
use crate::clock::{is_valid_date, now_rfc3339};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{SourceFields, Writer};
use crate::text::{TextIndex, word_count};

/// Chars of context kept either side of a coding's exact text.
const QUOTE_CONTEXT: usize = 32;

fn invalid<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::invalid(message))
}

fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Hex SHA-256 of a source's normalised text.
pub(crate) fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `#rrggbb` or `rrggbb` in any case → `#RRGGBB`.
pub(crate) fn normalize_color(color: &str) -> Result<String> {
    match Rgb::parse(color) {
        Some(rgb) => Ok(rgb.hex_upper()),
        None => invalid(format!("invalid colour \"{color}\": expected #RRGGBB, e.g. #1E88E5")),
    }
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

impl Project {
    /// Applies an action in one transaction and returns its inverse (without touching history).
    pub fn apply(&mut self, action: Action) -> Result<Outcome> {
        self.store.write(|w| apply_in(w, action))
    }
}

fn apply_in(w: &mut Writer<'_>, action: Action) -> Result<Outcome> {
    let created = |set: EntitySet| Outcome { inverse: Action::Remove(set.clone()), created: set };
    let unchanged = |inverse: Action| Outcome { inverse, created: EntitySet::default() };
    Ok(match action {
        Action::ImportSources(sources) => created(import_sources(w, &sources)?),
        Action::UpdateSource { id, name, kind, date } => {
            let Some(old) = w.read().source(id)? else { return invalid(format!("no source with id {id}")) };
            check_name("source", &name)?;
            check_date(date.as_deref())?;
            if name != old.name && w.read().source_by_name(&name)?.is_some() {
                return invalid(format!("a source named \"{name}\" already exists"));
            }
            w.update_source(id, &name, kind, date.as_deref())?;
            unchanged(Action::UpdateSource { id, name: old.name, kind: old.kind, date: old.date })
        }
        Action::CreateCase { name, description, sources } => {
            check_name("case", &name)?;
            if find_case(w, &name)?.is_some() {
                return invalid(format!("a case named \"{name}\" already exists"));
            }
            let id = w.insert_case(None, &new_uuid(), &name, &description)?;
            for s in &sources {
                require_source(w, *s)?;
                w.link_case_source(id, *s)?;
            }
            created(EntitySet { cases: vec![id], ..Default::default() })
        }
        Action::UpdateCase { id, name, description } => {
            let Some(old) = w.read().cases()?.into_iter().find(|c| c.id == id) else {
                return invalid(format!("no case with id {id}"));
            };
            check_name("case", &name)?;
            if name != old.name && find_case(w, &name)?.is_some() {
                return invalid(format!("a case named \"{name}\" already exists"));
            }
            w.update_case(id, &name, &description)?;
            unchanged(Action::UpdateCase { id, name: old.name, description: old.description })
        }
        Action::AssignSources { case, sources } => {
            require_case(w, case)?;
            let mut linked = Vec::new();
            for s in sources {
                require_source(w, s)?;
                if w.link_case_source(case, s)? {
                    linked.push(s);
                }
            }
            unchanged(Action::UnassignSources { case, sources: linked })
        }
        Action::UnassignSources { case, sources } => {
            let mut unlinked = Vec::new();
            for s in sources {
                if w.unlink_case_source(case, s)? {
                    unlinked.push(s);
                }
            }
            unchanged(Action::AssignSources { case, sources: unlinked })
        }
        Action::CreateParticipant { name, role, cases } => {
            check_name("participant", &name)?;
            check_role(w, role.as_deref())?;
            if find_participant(w, &name)?.is_some() {
                return invalid(format!("a participant named \"{name}\" already exists"));
            }
            let id = w.insert_participant(None, &new_uuid(), &name, role.as_deref())?;
            for c in &cases {
                require_case(w, *c)?;
            }
            w.set_participant_cases(id, &cases)?;
            created(EntitySet { participants: vec![id], ..Default::default() })
        }
        Action::UpdateParticipant { id, name, role, cases } => {
            let Some(old) = w.read().participants()?.into_iter().find(|p| p.id == id) else {
                return invalid(format!("no participant with id {id}"));
            };
            check_name("participant", &name)?;
            check_role(w, role.as_deref())?;
            if name != old.name && find_participant(w, &name)?.is_some() {
                return invalid(format!("a participant named \"{name}\" already exists"));
            }
            for c in &cases {
                require_case(w, *c)?;
            }
            let old_cases: Vec<CaseId> =
                w.read().participant_cases()?.into_iter().filter(|(p, _)| *p == id).map(|(_, c)| c).collect();
            w.update_participant(id, &name, role.as_deref())?;
            w.set_participant_cases(id, &cases)?;
            unchanged(Action::UpdateParticipant { id, name: old.name, role: old.role, cases: old_cases })
        }
        Action::CreateCoder { name } => {
            check_name("coder", &name)?;
            if w.read().coders()?.iter().any(|c| c.name == name) {
                return invalid(format!("a coder named \"{name}\" already exists"));
            }
            let id = w.insert_coder(None, &new_uuid(), &name, &now_rfc3339())?;
            created(EntitySet { coders: vec![id], ..Default::default() })
        }
        Action::CreateCode { parent, name, color, description } => created(EntitySet { codes: vec![create_code(w, parent, name, color, description)?], ..Default::default() }),
        Action::CreateCodeAndApply { parent, name, color, description, coder, spans } => {
            let code = create_code(w, parent, name, color, description)?;
            let codings: Vec<NewCoding> = spans.into_iter().map(|(source, span)| NewCoding { source, code, coder, span, memo: String::new() }).collect();
            let made = add_codings(w, &codings)?;
            // Removing the code removes its codings; restoring it brings them back.
            let code_only = EntitySet { codes: vec![code], ..Default::default() };
            Outcome { inverse: Action::Remove(code_only), created: EntitySet { codes: vec![code], codings: made.codings, ..Default::default() } }
        }
        Action::UpdateCode { id, parent, name, color, description, sort_order } => {
            let Some(old) = w.read().code(id)? else { return invalid(format!("no code with id {id}")) };
            let code = Code { id, uuid: old.uuid.clone(), parent_id: parent, name, color: normalize_color(&color)?, description, sort_order };
            check_code(w, &code)?;
            w.update_code(&code)?;
            unchanged(Action::UpdateCode {
                id,
                parent: old.parent_id,
                name: old.name,
                color: old.color,
                description: old.description,
                sort_order: old.sort_order,
            })
        }
        Action::AddCodings(codings) => created(add_codings(w, &codings)?),
        Action::CreateMemo { target, title, body, coder } => {
            check_memo_target(w, &target)?;
            require_coder(w, coder)?;
            let now = now_rfc3339();
            let memo = Memo { id: MemoId(0), uuid: new_uuid(), target, title, body, coder_id: coder, created_at: now.clone(), updated_at: now };
            let id = w.insert_memo(&memo)?;
            created(EntitySet { memos: vec![id], ..Default::default() })
        }
        Action::UpdateMemo { id, title, body } => {
            let Some(old) = w.read().memo(id)? else { return invalid(format!("no memo with id {id}")) };
            w.update_memo(id, &title, &body, &now_rfc3339())?;
            unchanged(Action::UpdateMemo { id, title: old.title, body: old.body })
        }
        Action::DefineAttribute { name, applies_to, value_type, categories } => {
            check_name("attribute", &name)?;
            if w.read().attributes()?.iter().any(|a| a.applies_to == applies_to && a.name == name) {
                return invalid(format!("a {applies_to} attribute named \"{name}\" already exists"));
            }
            if value_type == AttributeType::Category && categories.is_empty() {
                return invalid(format!("category attribute \"{name}\" needs at least one category"));
            }
            let def = AttributeDef { id: AttributeId(0), uuid: new_uuid(), name, applies_to, value_type, categories };
            let id = w.insert_attribute(&def)?;
            created(EntitySet { attributes: vec![id], ..Default::default() })
        }
        Action::SetAttribute { attribute, entity, value } => {
            let Some(def) = w.read().attributes()?.into_iter().find(|a| a.id == attribute) else {
                return invalid(format!("no attribute with id {attribute}"));
            };
            check_attribute_entity(w, &def, entity)?;
            if let Some(v) = &value {
                check_attribute_value(&def, v)?;
            }
            let old = w.read().attribute_value(attribute, entity)?;
            w.set_attribute_value(attribute, entity, value.as_deref())?;
            unchanged(Action::SetAttribute { attribute, entity, value: old })
        }
        Action::LinkSourceParticipants { links, linked } => {
            let existing: BTreeSet<(SourceId, ParticipantId)> = w.read().source_participants()?.into_iter().collect();
            let people: BTreeSet<ParticipantId> = w.read().participants()?.into_iter().map(|p| p.id).collect();
            // Only what changes goes into the inverse, so undo takes back exactly this step.
            let mut changed = Vec::new();
            for (source, person) in links {
                require_source(w, source)?;
                if !people.contains(&person) {
                    return invalid(format!("no participant with id {person}"));
                }
                match (linked, existing.contains(&(source, person))) {
                    (true, false) => w.link_source_participant(source, person)?,
                    (false, true) => w.unlink_source_participant(source, person)?,
                    _ => continue,
                }
                changed.push((source, person));
            }
            unchanged(Action::LinkSourceParticipants { links: changed, linked: !linked })
        }
        Action::ReassignTurns { turns, to } => {
            if !w.read().participants()?.iter().any(|p| p.id == to) {
                return invalid(format!("no participant with id {to}"));
            }
            let mut back: HashMap<ParticipantId, Vec<TurnId>> = HashMap::new();
            for t in &turns {
                let Some(old) = w.read().turn(*t)? else { return invalid(format!("no turn with id {t}")) };
                back.entry(old.participant_id).or_default().push(*t);
                w.set_turn_participant(*t, to)?;
            }
            let mut inverses: Vec<Action> = back.into_iter().map(|(p, turns)| Action::ReassignTurns { turns, to: p }).collect();
            inverses.sort_by_key(|a| format!("{a:?}"));
            let inverse = if inverses.len() == 1 { inverses.remove(0) } else { Action::Batch { label: "Reassign turns".into(), actions: inverses } };
            unchanged(inverse)
        }
        Action::ReassignCodings { codings, to } => {
            if w.read().code(to)?.is_none() {
                return invalid(format!("no code with id {to}"));
            }
            let mut back: HashMap<CodeId, Vec<CodingId>> = HashMap::new();
            for c in &codings {
                let Some(old) = w.read().coding(*c)? else { return invalid(format!("no coding with id {c}")) };
                back.entry(old.code_id).or_default().push(*c);
                w.set_coding_code(*c, to)?;
            }
            let mut inverses: Vec<Action> = back.into_iter().map(|(code, codings)| Action::ReassignCodings { codings, to: code }).collect();
            inverses.sort_by_key(|a| format!("{a:?}"));
            let inverse = if inverses.len() == 1 { inverses.remove(0) } else { Action::Batch { label: "Recode codings".into(), actions: inverses } };
            unchanged(inverse)
        }
        Action::UpdateCoding { id, span, memo } => {
            let Some(old) = w.read().coding(id)? else { return invalid(format!("no coding with id {id}")) };
            let Some(source) = w.read().source(old.source_id)? else { return invalid(format!("no source with id {}", old.source_id)) };
            if span.is_empty() || span.end > source.char_len {
                return invalid(format!("range {span} is outside source \"{}\" (it has {} characters)", source.name, source.char_len));
            }
            let text = w.read().source_text(old.source_id)?.unwrap_or_default();
            let quote = quote_selector(&text, None, source.char_len, span);
            w.update_coding(id, span, &memo, &quote)?;
            unchanged(Action::UpdateCoding { id, span: old.span, memo: old.memo })
        }
        Action::Batch { label, actions } => {
            let mut inverses = Vec::with_capacity(actions.len());
            let mut made = EntitySet::default();
            for a in actions {
                let outcome = apply_in(w, a)?;
                merge_sets(&mut made, outcome.created);
                inverses.push(outcome.inverse);
            }
            inverses.reverse();
            Outcome { inverse: Action::Batch { label, actions: inverses }, created: made }
        }
        Action::Remove(set) => {
            let snapshot = w.remove(&set)?;
            if snapshot == Snapshot::default() {
                return invalid("nothing to delete: the items no longer exist");
            }
            unchanged(Action::Restore(Box::new(snapshot)))
        }
        Action::Restore(snapshot) => {
            w.restore(&snapshot)?;
            Outcome { inverse: Action::Remove(snapshot.ids()), created: snapshot.ids() }
        }
    })
}

fn merge_sets(into: &mut EntitySet, from: EntitySet) {
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
}

fn find_case(w: &Writer<'_>, name: &str) -> Result<Option<CaseId>> {
    Ok(w.read().cases()?.into_iter().find(|c| c.name == name).map(|c| c.id))
}

fn find_participant(w: &Writer<'_>, name: &str) -> Result<Option<ParticipantId>> {
    Ok(w.read().participants()?.into_iter().find(|p| p.name == name).map(|p| p.id))
}

fn require_source(w: &Writer<'_>, id: SourceId) -> Result<Source> {
    w.read().source(id)?.ok_or_else(|| Error::invalid(format!("no source with id {id}")))
}

fn require_case(w: &Writer<'_>, id: CaseId) -> Result<()> {
    if w.read().cases()?.iter().any(|c| c.id == id) { Ok(()) } else { invalid(format!("no case with id {id}")) }
}

fn require_coder(w: &Writer<'_>, id: CoderId) -> Result<()> {
    if w.read().coders()?.iter().any(|c| c.id == id) { Ok(()) } else { invalid(format!("no coder with id {id}")) }
}

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
            return invalid(format!("no parent code with id {parent}"));
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
        return invalid(format!("a code named \"{}\" already exists {place}", code.name));
    }
    Ok(())
}

fn check_memo_target(w: &Writer<'_>, target: &MemoTarget) -> Result<()> {
    let r = w.read();
    let ok = match *target {
        MemoTarget::Project => true,
        MemoTarget::Source { id, span } => match r.source(id)? {
            Some(s) => span.is_none_or(|sp| sp.end <= s.char_len && sp.start < sp.end),
            None => false,
        },
        MemoTarget::Code { id } => r.code(id)?.is_some(),
        MemoTarget::Case { id } => r.cases()?.iter().any(|c| c.id == id),
        MemoTarget::Participant { id } => r.participants()?.iter().any(|p| p.id == id),
    };
    if ok { Ok(()) } else { invalid("the memo's target does not exist (or its span is outside the source)") }
}

fn check_attribute_entity(w: &Writer<'_>, def: &AttributeDef, entity: i64) -> Result<()> {
    let r = w.read();
    let exists = match def.applies_to {
        AttributeTarget::Case => r.cases()?.iter().any(|c| c.id.0 == entity),
        AttributeTarget::Participant => r.participants()?.iter().any(|p| p.id.0 == entity),
        AttributeTarget::Source => r.source(SourceId(entity))?.is_some(),
    };
    if exists { Ok(()) } else { invalid(format!("no {} with id {entity}", def.applies_to)) }
}

fn check_attribute_value(def: &AttributeDef, value: &str) -> Result<()> {
    let ok = match def.value_type {
        AttributeType::Text => true,
        AttributeType::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        AttributeType::Date => is_valid_date(value),
        AttributeType::Category => def.categories.iter().any(|c| c == value),
    };
    if ok {
        return Ok(());
    }
    let expected = match def.value_type {
        AttributeType::Number => "a number".to_string(),
        AttributeType::Date => "a date YYYY-MM-DD".to_string(),
        _ => format!("one of {}", def.categories.join(", ")),
    };
    invalid(format!("invalid value \"{value}\" for attribute \"{}\": expected {expected}", def.name))
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

fn create_code(w: &mut Writer<'_>, parent: Option<CodeId>, name: String, color: String, description: CodeDescription) -> Result<CodeId> {
    let code = Code {
        id: CodeId(0),
        uuid: new_uuid(),
        parent_id: parent,
        name,
        color: normalize_color(&color)?,
        description,
        sort_order: next_sort_order(w, parent)?,
    };
    check_code(w, &code)?;
    Ok(w.insert_code(&code)?)
}

fn add_codings(w: &mut Writer<'_>, codings: &[NewCoding]) -> Result<EntitySet> {
    let mut created = EntitySet::default();
    let mut texts: HashMap<SourceId, (Source, String, Option<TextIndex>)> = HashMap::new();
    let book = Codebook::new(w.read().codes()?);
    let coders: BTreeSet<CoderId> = w.read().coders()?.into_iter().map(|c| c.id).collect();
    // Duplicates within this batch; duplicates of stored codings are asked of the index.
    let mut batch: BTreeSet<(SourceId, CodeId, CoderId, TextSpan)> = BTreeSet::new();
    let per_source = codings.iter().fold(HashMap::<SourceId, usize>::new(), |mut m, c| {
        *m.entry(c.source).or_default() += 1;
        m
    });
    let now = now_rfc3339();
    for c in codings {
        if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(c.source) {
            let source = require_source(w, c.source)?;
            let text = w.read().source_text(c.source)?.unwrap_or_default();
            // An index of a long text pays off over many codings; one or two are quoted by a walk.
            let index = (per_source.get(&c.source).copied().unwrap_or(0) > 4).then(|| TextIndex::new(&text));
            slot.insert((source, text, index));
        }
        let Some((source, text, index)) = texts.get(&c.source) else { continue };
        if book.get(c.code).is_none() {
            return invalid(format!("no code with id {}", c.code));
        }
        if !coders.contains(&c.coder) {
            return invalid(format!("no coder with id {}", c.coder));
        }
        if c.span.is_empty() || c.span.end > source.char_len {
            return invalid(format!(
                "range {} is outside source \"{}\" (it has {} characters)",
                c.span, source.name, source.char_len
            ));
        }
        if !batch.insert((c.source, c.code, c.coder, c.span)) || w.read().coding_exists(c.source, c.code, c.coder, c.span)? {
            return invalid(format!(
                "{} in \"{}\" is already coded \"{}\" by this coder",
                c.span,
                source.name,
                book.path(c.code).unwrap_or_default()
            ));
        }
        let quote = quote_selector(text, index.as_ref(), source.char_len, c.span);
        let coding = Coding {
            id: CodingId(0),
            uuid: new_uuid(),
            source_id: c.source,
            code_id: c.code,
            coder_id: c.coder,
            span: c.span,
            created_at: now.clone(),
            memo: c.memo.clone(),
            quote,
        };
        created.codings.push(w.insert_coding(&coding)?);
    }
    Ok(created)
}

/// The exact text of `span` and up to `QUOTE_CONTEXT` chars either side, `span` lying inside a
/// text of `char_len` chars. With an index of the text the window around the span is looked up;
/// without one, it is found by one walk from the start (cheaper than indexing a long text for a
/// single coding).
pub(crate) fn quote_selector(text: &str, index: Option<&TextIndex>, char_len: usize, span: TextSpan) -> QuoteSelector {
    let from = span.start.saturating_sub(QUOTE_CONTEXT);
    let to = (span.end + QUOTE_CONTEXT).min(char_len);
    let window = match index {
        Some(index) => index.char_range_to_byte_range(from..to),
        None => crate::text::char_range_to_byte_range(text, from..to),
    };
    let around = window.and_then(|w| text.get(w)).unwrap_or_default();
    let inner = crate::text::char_range_to_byte_range(around, span.start - from..span.end - from).unwrap_or(0..0);
    QuoteSelector { exact: around[inner.clone()].to_string(), prefix: around[..inner.start].to_string(), suffix: around[inner.end..].to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_by_a_walk_equals_quoting_by_the_index() {
        let text = "Dana: “I felt judged.” Priya: 我听到了 — e\u{301}té, 👩‍👧 okay.\nNext line";
        let index = TextIndex::new(text);
        let n = index.char_len();
        for start in 0..n {
            for end in start + 1..=n {
                let span = TextSpan::new(start, end).unwrap();
                let quoted = quote_selector(text, Some(&index), n, span);
                assert_eq!(quote_selector(text, None, n, span), quoted, "{span}");
                let from = start.saturating_sub(QUOTE_CONTEXT);
                let joined = format!("{}{}{}", quoted.prefix, quoted.exact, quoted.suffix);
                assert_eq!(joined, crate::text::slice_chars(text, from..(end + QUOTE_CONTEXT).min(n)).unwrap(), "{span}");
            }
        }
    }
}
