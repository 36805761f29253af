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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly on purpose

    use super::*;
    use crate::action::NewCoding;

    fn newest(p: &Project) -> AuditEntry {
        p.audit_page(&AuditFilter::default(), 0, 1, 100).unwrap().remove(0)
    }

    #[test]
    fn every_kind_of_action_writes_one_row_naming_what_it_touched() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Project::create(&dir.path().join("a.thicket"), "audit").unwrap();
        p.set_actor("Amara");
        // Each step: the action, built from what earlier steps made.
        type Step = Box<dyn Fn(&Project) -> Action>;
        let code = |p: &Project, name: &str| p.code_at(name).unwrap();
        let src = |p: &Project| p.source_named("visit").unwrap().id;
        let case = |p: &Project| p.cases().unwrap()[0].id;
        let coder = |p: &Project| p.coders().unwrap()[0].id;
        let steps: Vec<Step> = vec![
            Box::new(|_| crate::project::import_text("visit", SourceKind::Interview, "We talked about the school.\n\nThen about the plan.\n")),
            Box::new(move |p| Action::UpdateSource { id: src(p), name: "visit".into(), kind: SourceKind::Interview, date: Some("2024-03-05".into()) }),
            Box::new(move |p| Action::SetSourceAuthor { id: src(p), author: Some("agency".into()) }),
            Box::new(|_| Action::CreateCase { name: "Okafor family".into(), description: String::new(), sources: vec![] }),
            Box::new(move |p| Action::UpdateCase { id: case(p), name: "Okafor family".into(), description: "two children".into() }),
            Box::new(move |p| Action::AssignSources { case: case(p), sources: vec![src(p)] }),
            Box::new(move |p| Action::UnassignSources { case: case(p), sources: vec![src(p)] }),
            Box::new(move |p| Action::CreateParticipant { name: "Ada".into(), role: None, cases: vec![case(p)] }),
            Box::new(|_| Action::CreateCoder { name: "Jonas".into() }),
            Box::new(move |p| Action::SetCoderColor { id: coder(p), color: "#112233".into() }),
            Box::new(move |p| Action::RenameCoder { id: coder(p), name: "Jonas K".into() }),
            Box::new(|_| Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }),
            Box::new(move |p| Action::UpdateCode { id: code(p, "School"), parent: None, name: "School".into(), color: "#336600".into(), description: Default::default(), sort_order: 0 }),
            Box::new(move |p| Action::CreateCodeAndApply {
                parent: None,
                name: "Plan".into(),
                color: "#aa0000".into(),
                description: Default::default(),
                coder: coder(p),
                spans: vec![(src(p), TextSpan::new(38, 46).unwrap())],
            }),
            Box::new(move |p| Action::AddCodings(vec![NewCoding { source: src(p), code: code(p, "School"), coder: coder(p), span: TextSpan::new(0, 9).unwrap(), memo: String::new() }])),
            Box::new(move |p| Action::UpdateCoding { id: p.codings_in(src(p)).unwrap()[0].id, span: TextSpan::new(0, 10).unwrap(), memo: "m".into() }),
            Box::new(move |p| Action::ReassignCodings { codings: vec![p.codings_in(src(p)).unwrap()[0].id], to: code(p, "Plan") }),
            Box::new(move |p| Action::CreateMemo { target: MemoTarget::Code { id: code(p, "School") }, title: "On school".into(), body: "x".into(), coder: coder(p) }),
            Box::new(move |p| Action::UpdateMemo { id: p.memos().unwrap()[0].id, title: "On school".into(), body: "y".into(), updated_at: None }),
            Box::new(|_| Action::DefineAttribute { name: "Size".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Number, categories: vec![] }),
            Box::new(move |p| Action::SetAttribute { attribute: p.attributes().unwrap()[0].id, entity: case(p).0, value: Some("4".into()) }),
            Box::new(move |p| Action::CreateFramework { name: "Matrix".into(), codes: vec![code(p, "School")], cases: vec![case(p)] }),
            Box::new(move |p| Action::Batch { label: "Two codes".into(), step: None, actions: vec![
                Action::CreateCode { parent: None, name: "A".into(), color: "#000001".into(), description: Default::default() },
                Action::CreateCode { parent: Some(code(p, "School")), name: "B".into(), color: "#000002".into(), description: Default::default() },
            ] }),
            Box::new(move |p| Action::SetCoderRetired { id: coder(p), retired: true }),
            Box::new(move |p| Action::Remove(EntitySet { codes: vec![code(p, "School")], ..Default::default() })),
        ];
        for (i, step) in steps.iter().enumerate() {
            let before = p.audit_count(&AuditFilter::default()).unwrap();
            let action = step(&p);
            let (kind, label) = (action_kind(&action), action.label());
            p.perform(action).unwrap_or_else(|e| panic!("step {i} ({kind}): {e}"));
            assert_eq!(p.audit_count(&AuditFilter::default()).unwrap(), before + 1, "step {i} ({kind})");
            let row = newest(&p);
            assert_eq!((row.entry.kind.as_str(), row.entry.summary.as_str(), row.entry.coder.as_str()), (kind, label.as_str(), "Amara"), "step {i}");
        }
        // The deletion names the code (by its name: it is gone now), its sub-code and the codings
        // it took with it.
        let removal = newest(&p);
        assert!(removal.entry.entities.iter().any(|e| e.kind == AuditEntityKind::Code && e.name == "School"), "{removal:?}");
        assert!(removal.entry.entities.iter().any(|e| e.kind == AuditEntityKind::Code && e.name == "B"), "{removal:?}");
        // The history of the source: its import, edits, links, codings.
        let visit = src(&p).0;
        let of_source = p.audit_page(&AuditFilter { entity: Some((AuditEntityKind::Source, visit)), ..Default::default() }, 0, 100, 0).unwrap();
        let kinds: Vec<&str> = of_source.iter().map(|r| r.entry.kind.as_str()).collect();
        for k in ["ImportSources", "UpdateSource", "SetSourceAuthor", "AssignSources", "CreateCodeAndApply", "AddCodings"] {
            assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
        }
        assert!(!kinds.contains(&"CreateCoder"));
    }

    #[test]
    fn undo_and_redo_are_rows_too_and_a_refused_action_writes_none() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Project::create(&dir.path().join("a.thicket"), "audit").unwrap();
        p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        let n = p.audit_count(&AuditFilter::default()).unwrap();
        // Refused (the name is taken): nothing applied, nothing recorded.
        assert!(p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).is_err());
        assert!(p.perform(Action::UpdateSource { id: SourceId(99), name: "x".into(), kind: SourceKind::Interview, date: None }).is_err());
        assert_eq!(p.audit_count(&AuditFilter::default()).unwrap(), n);
        p.undo().unwrap();
        let row = newest(&p);
        assert_eq!((row.entry.kind.as_str(), row.entry.summary.as_str()), ("Undo", "Undo: Create code “School”"));
        assert!(row.entry.entities.iter().any(|e| e.kind == AuditEntityKind::Code && e.name == "School"), "{row:?}");
        p.redo().unwrap();
        let row = newest(&p);
        assert_eq!((row.entry.kind.as_str(), row.entry.summary.as_str()), ("Redo", "Redo: Create code “School”"));
        assert_eq!(p.audit_count(&AuditFilter::default()).unwrap(), n + 2);
        // Filters: by coder and by time.
        let me = p.actor().to_string();
        assert_eq!(p.audit_count(&AuditFilter { coder: Some(me), ..Default::default() }).unwrap(), n + 2);
        assert_eq!(p.audit_count(&AuditFilter { coder: Some("nobody".into()), ..Default::default() }).unwrap(), 0);
        assert_eq!(p.audit_count(&AuditFilter { since: Some("2999-01-01".into()), ..Default::default() }).unwrap(), 0);
    }

    #[test]
    fn the_trail_refuses_changes_and_deletions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.thicket");
        let mut p = Project::create(&path, "audit").unwrap();
        p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        drop(p);
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in [
            "UPDATE audit_log SET coder = 'someone else'",
            "DELETE FROM audit_log",
            "UPDATE audit_entities SET name = 'x'",
            "DELETE FROM audit_entities",
        ] {
            let e = conn.execute(sql, []).unwrap_err();
            assert!(e.to_string().contains("append-only"), "{sql}: {e}");
        }
        let n: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
