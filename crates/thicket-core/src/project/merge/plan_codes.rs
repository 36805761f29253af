//! Planning the codebook, the codings and the memos of a merge.
//!
//! Codes match by UUID, then by path; a new code comes in under its parent's INTO match, renamed
//! with a suffix if a sibling there holds its name. Codings match by UUID, then by content (the
//! same source, code, coder and span). Memos match by UUID; a memo edited on one side only (its
//! `updated_at` still equal to its `created_at` on the other) comes in without a conflict.

use std::collections::{HashMap, HashSet};

use super::{Choice, Planner, join, unique};
use crate::project::merge::{BothKept, MergeEntity, NameHolder, WarningKind};
use crate::action::Action;
use crate::error::Result;
use crate::model::*;

impl Planner<'_> {
    pub(super) fn codes(&mut self) -> Result<()> {
        let from_book = Codebook::new(self.from.codes.clone());
        let into_book = Codebook::new(self.into.codes.clone());
        // Parents before children, so a new code's parent is already mapped.
        let from: Vec<Code> = from_book.walk().into_iter().map(|(_, c)| c.clone()).collect();
        // By UUID over all codes first, then by path among the INTO codes left (paths of each
        // side from that side's tree).
        let pairs = {
            let into = &self.into.codes;
            let by_uuid: HashMap<&str, usize> = into.iter().enumerate().map(|(i, c)| (c.uuid.as_str(), i)).collect();
            let mut found: Vec<Option<(usize, bool)>> = from.iter().map(|f| by_uuid.get(f.uuid.as_str()).map(|&i| (i, true))).collect();
            let claimed: HashSet<usize> = found.iter().flatten().map(|(i, _)| *i).collect();
            let mut by_path: HashMap<&str, usize> = HashMap::new();
            for (i, c) in into.iter().enumerate() {
                if !claimed.contains(&i) {
                    by_path.insert(into_book.path(c.id).unwrap_or_default(), i);
                }
            }
            for (k, f) in from.iter().enumerate() {
                if found[k].is_none()
                    && let Some(i) = by_path.remove(from_book.path(f.id).unwrap_or_default())
                {
                    found[k] = Some((i, false));
                }
            }
            found
        };
        // Siblings' names per INTO parent, as they will be once the new codes are in.
        let mut names: HashMap<Option<CodeId>, HashSet<String>> = HashMap::new();
        for c in &self.into.codes {
            names.entry(c.parent_id).or_default().insert(c.name.clone());
        }
        let mut moved = Vec::new();
        for (f, found) in from.iter().zip(pairs) {
            let parent = f.parent_id.map(|p| self.codes[&p]);
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.codes[i].clone();
                    self.codes.insert(f.id, into.id);
                    self.matched("codes", by_uuid);
                    moved.push((into, f.clone(), parent));
                }
                None => {
                    let siblings = names.entry(parent).or_default();
                    let name = unique(&f.name, |n| siblings.contains(n));
                    siblings.insert(name.clone());
                    let id = CodeId(self.key("codes")?);
                    self.codes.insert(f.id, id);
                    if name != f.name {
                        let path = from_book.path(f.id).unwrap_or_default().to_string();
                        self.warn(WarningKind::CameInAs { what: MergeEntity::Code { path: path.to_string() }, name: name.clone() });
                    }
                    self.snap.codes.push(Code { id, parent_id: parent, name, ..f.clone() });
                    self.count("codes").added += 1;
                }
            }
        }
        // Changes to matched codes, once every code is mapped (a code may move under a new one).
        let from_paths = |id: Option<CodeId>| id.and_then(|p| from_book.path(p)).unwrap_or("(top level)").to_string();
        for (into, f, parent) in moved {
            let entity = MergeEntity::Code { path: into_book.path(into.id).unwrap_or(&into.name).to_string() };
            let mut code = into.clone();
            if into.name != f.name {
                let siblings = names.entry(into.parent_id).or_default();
                if siblings.contains(&f.name) {
                    self.warn(WarningKind::NameTaken { entity: entity.clone(), name: f.name.clone(), holder: NameHolder::Sibling });
                } else if self.decide("code name", entity.clone(), &into.name, &f.name, None) == Choice::From {
                    code.name = f.name.clone();
                    if let Some(s) = names.get_mut(&into.parent_id) {
                        s.remove(&into.name);
                        s.insert(f.name.clone());
                    }
                }
            }
            if into.color != f.color && self.decide("code colour", entity.clone(), &into.color, &f.color, None) == Choice::From {
                code.color = f.color.clone();
            }
            if into.description != f.description {
                let show = |d: &CodeDescription| [&d.definition, &d.use_when, &d.do_not_use_when, &d.example].map(|s| s.as_str()).join(" | ");
                match self.decide("code description", entity.clone(), &show(&into.description), &show(&f.description), Some(BothKept::CodeDescriptionParts)) {
                    Choice::Into => {}
                    Choice::From => code.description = f.description.clone(),
                    Choice::Both => {
                        let (a, b) = (&into.description, &f.description);
                        code.description = CodeDescription {
                            definition: join(&a.definition, &b.definition),
                            use_when: join(&a.use_when, &b.use_when),
                            do_not_use_when: join(&a.do_not_use_when, &b.do_not_use_when),
                            example: join(&a.example, &b.example),
                        };
                    }
                }
            }
            if into.parent_id != parent || into.sort_order != f.sort_order {
                let here = format!("{} (position {})", into.parent_id.and_then(|p| into_book.path(p)).unwrap_or("(top level)"), into.sort_order);
                let there = format!("{} (position {})", from_paths(f.parent_id), f.sort_order);
                let under_itself = parent.is_some_and(|p| p == into.id || into_book.subtree(into.id).contains(&p));
                if under_itself {
                    self.warn(WarningKind::CodeUnderOwnSubcode { entity: entity.clone() });
                } else if self.decide("code place", entity, &here, &there, None) == Choice::From {
                    code.parent_id = parent;
                    code.sort_order = f.sort_order;
                }
            }
            if code != into {
                self.changes.push(Action::UpdateCode {
                    id: code.id,
                    parent: code.parent_id,
                    name: code.name,
                    color: code.color,
                    description: code.description,
                    sort_order: code.sort_order,
                });
                self.count("codes").updated += 1;
            }
        }
        Ok(())
    }

    pub(super) fn codings(&mut self) -> Result<()> {
        // Both sides' codings are taken out of the planner while they are walked (hundreds of
        // thousands: borrowed, not copied), and put back after.
        let here = std::mem::take(&mut self.into.codings);
        let by_uuid: HashMap<&str, &Coding> = here.iter().map(|c| (c.uuid.as_str(), c)).collect();
        let mut by_content: HashSet<(SourceId, CodeId, CoderId, TextSpan)> = here.iter().map(|c| (c.source_id, c.code_id, c.coder_id, c.span)).collect();
        let from = std::mem::take(&mut self.from.codings);
        let book = Codebook::new(self.into.codes.clone());
        for f in &from {
            let (source, code, coder) = (self.sources[&f.source_id], self.codes[&f.code_id], self.coders[&f.coder_id]);
            if let Some(&into) = by_uuid.get(f.uuid.as_str()) {
                self.count("codings").matched += 1;
                if into.span == f.span && into.memo == f.memo && into.code_id == code {
                    continue;
                }
                let entity = MergeEntity::Coding { start: into.span.start, end: into.span.end, source: self.into.source_name(into.source_id).to_string() };
                let mut span = into.span;
                let mut memo = into.memo.clone();
                if into.span != f.span && into.source_id == source {
                    let show = |s: TextSpan| format!("{}..{}", s.start, s.end);
                    if self.decide("coding span", entity.clone(), &show(into.span), &show(f.span), None) == Choice::From {
                        span = f.span;
                    }
                }
                if into.memo != f.memo {
                    match self.decide("coding memo", entity.clone(), &into.memo, &f.memo, Some(BothKept::Memos)) {
                        Choice::Into => {}
                        Choice::From => memo = f.memo.clone(),
                        Choice::Both => memo = join(&into.memo, &f.memo),
                    }
                }
                if span != into.span || memo != into.memo {
                    self.changes.push(Action::UpdateCoding { id: into.id, span, memo });
                    self.count("codings").updated += 1;
                }
                if into.code_id != code {
                    let name = |id: CodeId| book.path(id).map(str::to_string).unwrap_or_else(|| format!("code {id}"));
                    let there = self.snap.codes.iter().find(|c| c.id == code).map_or_else(|| name(code), |c| c.name.clone());
                    if self.decide("coding code", entity, &name(into.code_id), &there, None) == Choice::From {
                        self.changes.push(Action::ReassignCodings { codings: vec![into.id], to: code });
                        self.count("codings").updated += 1;
                    }
                }
            } else if !by_content.insert((source, code, coder, f.span)) {
                self.count("codings").matched_by_name += 1;
            } else {
                let id = CodingId(self.key("codings")?);
                self.snap.codings.push(Coding { id, source_id: source, code_id: code, coder_id: coder, ..f.clone() });
                self.count("codings").added += 1;
            }
        }
        drop(by_uuid);
        self.into.codings = here;
        self.from.codings = from;
        Ok(())
    }

    fn target(&self, t: MemoTarget) -> MemoTarget {
        match t {
            MemoTarget::Project => MemoTarget::Project,
            MemoTarget::Source { id, span } => MemoTarget::Source { id: self.sources[&id], span },
            MemoTarget::Code { id } => MemoTarget::Code { id: self.codes[&id] },
            MemoTarget::Case { id } => MemoTarget::Case { id: self.cases[&id] },
            MemoTarget::Participant { id } => MemoTarget::Participant { id: self.participants[&id] },
        }
    }

    pub(super) fn memos(&mut self) -> Result<()> {
        let by_uuid: HashMap<String, Memo> = self.into.memos.iter().map(|m| (m.uuid.clone(), m.clone())).collect();
        for f in self.from.memos.clone() {
            let Some(into) = by_uuid.get(&f.uuid) else {
                let id = MemoId(self.key("memos")?);
                let memo = Memo { id, target: self.target(f.target), coder_id: self.coders[&f.coder_id], ..f };
                self.snap.memos.push(memo);
                self.count("memos").added += 1;
                continue;
            };
            self.count("memos").matched += 1;
            if into.title == f.title && into.body == f.body {
                continue;
            }
            let into_edited = into.updated_at != into.created_at;
            let from_edited = f.updated_at != f.created_at;
            let choice = if from_edited && !into_edited {
                Choice::From
            } else if into_edited && !from_edited {
                Choice::Into
            } else {
                let entity = MergeEntity::Memo { title: (!into.title.is_empty()).then(|| into.title.clone()) };
                let show = |m: &Memo| format!("{} — {} (edited {})", m.title, m.body, m.updated_at);
                self.decide("memo", entity, &show(into), &show(&f), Some(BothKept::SecondMemo))
            };
            match choice {
                Choice::Into => {}
                Choice::From => {
                    self.changes.push(Action::UpdateMemo { id: into.id, title: f.title.clone(), body: f.body.clone(), updated_at: Some(f.updated_at.clone()) });
                    self.count("memos").updated += 1;
                }
                Choice::Both => {
                    // The second memo's identity comes from the version it keeps, so merging
                    // again finds it instead of adding it twice.
                    let uuid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, format!("{}@{}", f.uuid, f.updated_at).as_bytes()).to_string();
                    if !by_uuid.contains_key(&uuid) && !self.snap.memos.iter().any(|m| m.uuid == uuid) {
                        let id = MemoId(self.key("memos")?);
                        let title = format!("{} (from {})", if f.title.is_empty() { "Memo" } else { &f.title }, self.file);
                        let memo = Memo { id, uuid, title, target: self.target(f.target), coder_id: self.coders[&f.coder_id], ..f };
                        self.snap.memos.push(memo);
                        self.count("memos").added += 1;
                    }
                }
            }
        }
        Ok(())
    }
}
