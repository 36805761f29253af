//! `Action::ImportRows`: rows read from an exchange file, inserted as they are (UUIDs, names,
//! colours, dates) in one transaction. Rows of the action carry ids below zero and get fresh
//! ids; references to ids above zero point at rows already in the project (a codebook merged
//! under an existing code). The builder (`project::refi`) has already made names unique and
//! values valid; the store's constraints are the last guard.

use std::collections::HashMap;

use super::{created, invalid};
use crate::action::EntitySet;
use crate::error::{Error, Result};
use crate::model::*;
use crate::project::Outcome;
use crate::store::{SourceFields, Writer};

/// New ids given to the action's rows, per table.
#[derive(Default)]
struct Ids {
    coders: HashMap<i64, i64>,
    cases: HashMap<i64, i64>,
    participants: HashMap<i64, i64>,
    sources: HashMap<i64, i64>,
    codes: HashMap<i64, i64>,
    attributes: HashMap<i64, i64>,
}

/// An id as stored: a row of the action by its new id, a row of the project as it is.
fn real(map: &HashMap<i64, i64>, id: i64, what: &str) -> Result<i64> {
    if id > 0 {
        return Ok(id);
    }
    map.get(&id).copied().ok_or_else(|| Error::invalid(format!("the imported rows name a {what} ({id}) they do not hold")))
}

pub(super) fn insert_rows(w: &mut Writer<'_>, rows: &Snapshot) -> Result<Outcome> {
    w.defer_foreign_keys()?;
    let mut ids = Ids::default();
    let mut made = EntitySet::default();
    for c in &rows.coders {
        let id = w.insert_coder(&Coder { id: CoderId(0), ..c.clone() })?;
        ids.coders.insert(c.id.0, id.0);
        made.coders.push(id);
    }
    for c in &rows.cases {
        let id = w.insert_case(None, &c.uuid, &c.name, &c.description)?;
        ids.cases.insert(c.id.0, id.0);
        made.cases.push(id);
    }
    for p in &rows.participants {
        let id = w.insert_participant(None, &p.uuid, &p.name, p.role.as_deref())?;
        ids.participants.insert(p.id.0, id.0);
        made.participants.push(id);
    }
    let total = rows.sources.len() + rows.codings.len();
    for (i, (s, text)) in rows.sources.iter().enumerate() {
        w.progress(i, total)?;
        let id = w.insert_source(&SourceFields::of(s, text, None))?;
        if s.author.is_some() {
            w.set_source_author(id, s.author.as_deref())?;
        }
        ids.sources.insert(s.id.0, id.0);
        made.sources.push(id);
    }
    // Parents come before their children in `rows.codes`.
    for c in &rows.codes {
        let parent = match c.parent_id {
            Some(p) => Some(CodeId(real(&ids.codes, p.0, "parent code")?)),
            None => None,
        };
        let id = w.insert_code(&Code { id: CodeId(0), parent_id: parent, ..c.clone() })?;
        ids.codes.insert(c.id.0, id.0);
        made.codes.push(id);
    }
    let done = rows.sources.len();
    for (i, c) in rows.codings.iter().enumerate() {
        if i % crate::store::PROGRESS_EVERY == 0 {
            w.progress(done + i, total)?;
        }
        if c.span.is_empty() {
            return invalid(format!("an imported coding ({}) is empty", c.uuid));
        }
        let coding = Coding {
            id: CodingId(0),
            source_id: SourceId(real(&ids.sources, c.source_id.0, "source")?),
            code_id: CodeId(real(&ids.codes, c.code_id.0, "code")?),
            coder_id: CoderId(real(&ids.coders, c.coder_id.0, "coder")?),
            ..c.clone()
        };
        made.codings.push(w.insert_coding(&coding)?);
    }
    for m in &rows.memos {
        let target = match m.target {
            MemoTarget::Project => MemoTarget::Project,
            MemoTarget::Source { id, span } => MemoTarget::Source { id: SourceId(real(&ids.sources, id.0, "source")?), span },
            MemoTarget::Code { id } => MemoTarget::Code { id: CodeId(real(&ids.codes, id.0, "code")?) },
            MemoTarget::Case { id } => MemoTarget::Case { id: CaseId(real(&ids.cases, id.0, "case")?) },
            MemoTarget::Participant { id } => MemoTarget::Participant { id: ParticipantId(real(&ids.participants, id.0, "participant")?) },
        };
        let memo = Memo { id: MemoId(0), target, coder_id: CoderId(real(&ids.coders, m.coder_id.0, "coder")?), ..m.clone() };
        made.memos.push(w.insert_memo(&memo)?);
    }
    let mut targets = HashMap::new();
    for a in &rows.attributes {
        let id = w.insert_attribute(&AttributeDef { id: AttributeId(0), ..a.clone() })?;
        ids.attributes.insert(a.id.0, id.0);
        targets.insert(a.id.0, a.applies_to);
        made.attributes.push(id);
    }
    for v in &rows.attribute_values {
        let attribute = real(&ids.attributes, v.attribute_id.0, "attribute")?;
        let entity = match targets.get(&v.attribute_id.0) {
            Some(AttributeTarget::Case) => real(&ids.cases, v.entity_id, "case")?,
            Some(AttributeTarget::Source) => real(&ids.sources, v.entity_id, "source")?,
            Some(AttributeTarget::Participant) => real(&ids.participants, v.entity_id, "participant")?,
            None => return invalid("an imported value names an attribute the import does not hold"),
        };
        w.set_attribute_value(AttributeId(attribute), entity, Some(&v.value))?;
    }
    for (c, s) in &rows.case_sources {
        let (c, s) = (CaseId(real(&ids.cases, c.0, "case")?), SourceId(real(&ids.sources, s.0, "source")?));
        if w.link_case_source(c, s)? {
            made.case_sources.push((c, s));
        }
    }
    for (p, c) in &rows.participant_cases {
        let (p, c) = (ParticipantId(real(&ids.participants, p.0, "participant")?), CaseId(real(&ids.cases, c.0, "case")?));
        w.link_participant_case(p, c)?;
        made.participant_cases.push((p, c));
    }
    for (s, p) in &rows.source_participants {
        w.link_source_participant(SourceId(real(&ids.sources, s.0, "source")?), ParticipantId(real(&ids.participants, p.0, "participant")?))?;
    }
    w.progress(total, total)?;
    Ok(created(made))
}
