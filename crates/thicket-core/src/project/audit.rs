//! The audit trail: every applied action, undo and redo becomes one row, written by
//! `Project` inside the action's own transaction (docs/integrity.md, "Audit trail").

use std::collections::{BTreeMap, BTreeSet};

use super::{Outcome, Project};
use crate::action::{Action, EntitySet, Snapshot};
use crate::error::Result;
use crate::model::*;
use crate::store::Writer;

/// Codings listed by id in one row at most: beyond this an action's codings are only counted
/// (their sources and codes are always listed, so the history of a source or code stays whole).
const CODINGS_LISTED: usize = 100;

/// The action's kind as recorded (the name of its variant).
pub fn action_kind(a: &Action) -> &'static str {
    match a {
        Action::ImportSources(_) => "ImportSources",
        Action::UpdateSource { .. } => "UpdateSource",
        Action::SetSourceAuthor { .. } => "SetSourceAuthor",
        Action::CreateCase { .. } => "CreateCase",
        Action::UpdateCase { .. } => "UpdateCase",
        Action::AssignSources { .. } => "AssignSources",
        Action::UnassignSources { .. } => "UnassignSources",
        Action::CreateParticipant { .. } => "CreateParticipant",
        Action::UpdateParticipant { .. } => "UpdateParticipant",
        Action::CreateCoder { .. } => "CreateCoder",
        Action::RenameCoder { .. } => "RenameCoder",
        Action::SetCoderColor { .. } => "SetCoderColor",
        Action::SetCoderRetired { .. } => "SetCoderRetired",
        Action::CreateCode { .. } => "CreateCode",
        Action::CreateCodeAndApply { .. } => "CreateCodeAndApply",
        Action::UpdateCode { .. } => "UpdateCode",
        Action::AddCodings(_) => "AddCodings",
        Action::CreateMemo { .. } => "CreateMemo",
        Action::UpdateMemo { .. } => "UpdateMemo",
        Action::DefineAttribute { .. } => "DefineAttribute",
        Action::SetAttribute { .. } => "SetAttribute",
        Action::ReassignCodings { .. } => "ReassignCodings",
        Action::UpdateCoding { .. } => "UpdateCoding",
        Action::ReassignTurns { .. } => "ReassignTurns",
        Action::LinkSourceParticipants { .. } => "LinkSourceParticipants",
        Action::CreateFramework { .. } => "CreateFramework",
        Action::RenameFramework { .. } => "RenameFramework",
        Action::SetFrameworkColumns { .. } => "SetFrameworkColumns",
        Action::SetFrameworkRows { .. } => "SetFrameworkRows",
        Action::SetFrameworkCell { .. } => "SetFrameworkCell",
        Action::AddPseudonyms(_) => "AddPseudonyms",
        Action::UpdatePseudonym { .. } => "UpdatePseudonym",
        Action::RemovePseudonyms(_) => "RemovePseudonyms",
        Action::RestorePseudonyms(_) => "RestorePseudonyms",
        Action::Reconcile(_) => "Reconcile",
        Action::SetReconcileDecisions(_) => "SetReconcileDecisions",
        Action::Batch { .. } => "Batch",
        Action::ImportRows { .. } => "ImportRows",
        Action::Remove(_) => "Remove",
        Action::Restore(_) => "Restore",
        Action::ImportProject { .. } => "ImportProject",
    }
}

/// The entities an action touches, by kind, with the names known without asking the file
/// (from snapshots of removed rows).
#[derive(Debug, Default)]
pub(super) struct Touched {
    ids: BTreeMap<AuditEntityKind, BTreeSet<i64>>,
    names: BTreeMap<(AuditEntityKind, i64), String>,
}

impl Touched {
    fn add(&mut self, kind: AuditEntityKind, id: i64) {
        self.ids.entry(kind).or_default().insert(id);
    }

    fn set(&mut self, s: &EntitySet) {
        s.sources.iter().for_each(|i| self.add(AuditEntityKind::Source, i.0));
        s.codes.iter().for_each(|i| self.add(AuditEntityKind::Code, i.0));
        s.codings.iter().for_each(|i| self.add(AuditEntityKind::Coding, i.0));
        s.cases.iter().for_each(|i| self.add(AuditEntityKind::Case, i.0));
        s.memos.iter().for_each(|i| self.add(AuditEntityKind::Memo, i.0));
        s.case_sources.iter().for_each(|(c, s)| {
            self.add(AuditEntityKind::Case, c.0);
            self.add(AuditEntityKind::Source, s.0);
        });
    }

    fn snapshot(&mut self, s: &Snapshot) {
        use AuditEntityKind as K;
        for (src, _) in &s.sources {
            self.add(K::Source, src.id.0);
            self.names.insert((K::Source, src.id.0), src.name.clone());
        }
        for c in &s.codes {
            self.add(K::Code, c.id.0);
            self.names.insert((K::Code, c.id.0), c.name.clone());
        }
        for c in &s.cases {
            self.add(K::Case, c.id.0);
            self.names.insert((K::Case, c.id.0), c.name.clone());
        }
        for m in &s.memos {
            self.add(K::Memo, m.id.0);
            self.names.insert((K::Memo, m.id.0), m.title.clone());
        }
        for c in &s.codings {
            self.add(K::Coding, c.id.0);
            self.add(K::Source, c.source_id.0);
            self.add(K::Code, c.code_id.0);
        }
    }

    fn memo_target(&mut self, t: &MemoTarget) {
        match t {
            MemoTarget::Source { id, .. } => self.add(AuditEntityKind::Source, id.0),
            MemoTarget::Code { id } => self.add(AuditEntityKind::Code, id.0),
            MemoTarget::Case { id } => self.add(AuditEntityKind::Case, id.0),
            MemoTarget::Project | MemoTarget::Participant { .. } => {}
        }
    }

    /// What `a` names before it is applied.
    pub(super) fn action(&mut self, a: &Action) {
        use AuditEntityKind as K;
        match a {
            Action::UpdateSource { id, .. } | Action::SetSourceAuthor { id, .. } => self.add(K::Source, id.0),
            Action::CreateCase { sources, .. } => sources.iter().for_each(|s| self.add(K::Source, s.0)),
            Action::UpdateCase { id, .. } => self.add(K::Case, id.0),
            Action::AssignSources { case, sources } | Action::UnassignSources { case, sources } => {
                self.add(K::Case, case.0);
                sources.iter().for_each(|s| self.add(K::Source, s.0));
            }
            Action::CreateParticipant { cases, .. } | Action::UpdateParticipant { cases, .. } => {
                cases.iter().for_each(|c| self.add(K::Case, c.0))
            }
            Action::CreateCodeAndApply { spans, .. } => spans.iter().for_each(|(s, _)| self.add(K::Source, s.0)),
            Action::UpdateCode { id, parent, .. } => {
                self.add(K::Code, id.0);
                parent.iter().for_each(|p| self.add(K::Code, p.0));
            }
            Action::AddCodings(new) => new.iter().for_each(|c| {
                self.add(K::Source, c.source.0);
                self.add(K::Code, c.code.0);
            }),
            Action::ReassignCodings { codings, to } => {
                codings.iter().for_each(|c| self.add(K::Coding, c.0));
                self.add(K::Code, to.0);
            }
            Action::UpdateCoding { id, .. } => self.add(K::Coding, id.0),
            Action::CreateMemo { target, .. } => self.memo_target(target),
            Action::UpdateMemo { id, .. } => self.add(K::Memo, id.0),
            Action::LinkSourceParticipants { links, .. } => links.iter().for_each(|(s, _)| self.add(K::Source, s.0)),
            Action::CreateFramework { codes, cases, .. } => {
                codes.iter().for_each(|c| self.add(K::Code, c.0));
                cases.iter().for_each(|c| self.add(K::Case, c.0));
            }
            Action::SetFrameworkColumns { codes, .. } => codes.iter().for_each(|c| self.add(K::Code, c.0)),
            Action::SetFrameworkRows { cases, .. } => cases.iter().for_each(|c| self.add(K::Case, c.0)),
            Action::SetFrameworkCell { case, code, .. } => {
                self.add(K::Case, case.0);
                self.add(K::Code, code.0);
            }
            Action::Reconcile(step) => {
                for d in &step.decisions {
                    self.add(K::Source, d.source.0);
                    self.add(K::Code, d.code.0);
                }
                for (s, c, _) in &step.agreed {
                    self.add(K::Source, s.0);
                    self.add(K::Code, c.0);
                }
            }
            Action::SetReconcileDecisions(slots) => slots.iter().for_each(|s| {
                self.add(K::Source, s.key.source.0);
                self.add(K::Code, s.key.code.0);
            }),
            Action::Batch { actions, .. } => actions.iter().for_each(|a| self.action(a)),
            Action::Remove(set) => self.set(set),
            Action::Restore(s) | Action::ImportRows { rows: s, .. } | Action::ImportProject { rows: s, .. } => {
                // Imported rows carry the importer's ids: what they became is in the outcome.
                if matches!(a, Action::Restore(_)) {
                    self.snapshot(s)
                }
            }
            Action::ImportSources(_)
            | Action::CreateCoder { .. }
            | Action::RenameCoder { .. }
            | Action::SetCoderColor { .. }
            | Action::SetCoderRetired { .. }
            | Action::CreateCode { .. }
            | Action::DefineAttribute { .. }
            | Action::SetAttribute { .. }
            | Action::ReassignTurns { .. }
            | Action::RenameFramework { .. }
            | Action::AddPseudonyms(_)
            | Action::UpdatePseudonym { .. }
            | Action::RemovePseudonyms(_)
            | Action::RestorePseudonyms(_) => {}
        }
    }

    /// What applying did: what it created, and what its inverse would put back (a removal).
    pub(super) fn outcome(&mut self, o: &Outcome) {
        self.set(&o.created);
        self.inverse(&o.inverse);
    }

    fn inverse(&mut self, a: &Action) {
        match a {
            Action::Restore(s) => self.snapshot(s),
            Action::Batch { actions, .. } => actions.iter().for_each(|a| self.inverse(a)),
            _ => {}
        }
    }

    /// The row to append: names looked up in the file (inside the transaction) where the
    /// snapshots did not give them.
    pub(super) fn entry(mut self, w: &Writer<'_>, coder: &str, kind: &str, summary: String) -> Result<NewAuditEntry> {
        let mut entities = Vec::new();
        let mut counts = Vec::new();
        for (kind, ids) in &self.ids {
            let plural = match kind {
                AuditEntityKind::Source => "sources",
                AuditEntityKind::Code => "codes",
                AuditEntityKind::Coding => "codings",
                AuditEntityKind::Case => "cases",
                AuditEntityKind::Memo => "memos",
            };
            counts.push(format!("{plural} {}", ids.len()));
            if *kind == AuditEntityKind::Coding && ids.len() > CODINGS_LISTED {
                continue;
            }
            let unnamed: Vec<i64> = ids.iter().copied().filter(|i| !self.names.contains_key(&(*kind, *i))).collect();
            for (id, name) in w.entity_names(*kind, &unnamed)? {
                self.names.insert((*kind, id), name);
            }
            for &id in ids {
                let name = self.names.get(&(*kind, id)).cloned().unwrap_or_default();
                entities.push(AuditEntity { kind: *kind, id, name });
            }
        }
        Ok(NewAuditEntry { at: crate::clock::now_rfc3339(), coder: coder.to_string(), kind: kind.to_string(), summary, counts: counts.join(", "), entities })
    }
}

impl Project {
    /// Who the audit trail names for the actions of this session (the CLI's `--coder` or
    /// default coder, the window's chosen coder).
    pub fn set_actor(&mut self, name: &str) {
        self.actor = name.to_string();
    }

    /// The name the audit trail records for this session's actions.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// How many rows of the audit trail match `f`.
    pub fn audit_count(&self, f: &AuditFilter) -> Result<usize> {
        Ok(self.store.read().audit_count(f)?)
    }

    /// A page of the audit trail, newest first (see `Reader::audit_page`).
    pub fn audit_page(&self, f: &AuditFilter, offset: usize, limit: usize, entities_each: usize) -> Result<Vec<AuditEntry>> {
        Ok(self.store.read().audit_page(f, offset, limit, entities_each)?)
    }
}
