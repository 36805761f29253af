//! Deleting with everything that hangs from it, and putting it all back.
//!
//! `Writer::remove` first gathers the closure of what is named (a code's sub-codes, their
//! codings and memos; a source's turns, codings, case links and attribute values...), keeps those
//! rows in a `Snapshot`, then deletes them. `Writer::restore` inserts a snapshot under its
//! original ids, so an undone deletion is indistinguishable from no deletion at all.

use std::collections::BTreeSet;

use super::convert::get_usize;
use super::write::{SourceFields, Writer};
use super::{PROGRESS_EVERY, Result};
use crate::model::*;

fn csv(ids: &BTreeSet<i64>) -> String {
    if ids.is_empty() {
        // An id that no AUTOINCREMENT row can have, so `IN (...)` stays valid and matches nothing.
        return "-1".into();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn set<T: Copy>(ids: &[T], f: fn(T) -> i64) -> BTreeSet<i64> {
    ids.iter().map(|&i| f(i)).collect()
}

impl Writer<'_> {
    fn ids(&self, sql: &str) -> Result<BTreeSet<i64>> {
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<rusqlite::Result<BTreeSet<i64>>>()?)
    }

    fn pairs(&self, sql: &str) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Deletes the named entities and everything depending on them; returns what was deleted.
    pub fn remove(&mut self, what: &EntitySet) -> Result<Snapshot> {
        let snapshot = self.closure(what)?;
        self.delete(&snapshot)?;
        Ok(snapshot)
    }

    /// Gathers the rows that deleting `what` would take with it.
    fn closure(&self, what: &EntitySet) -> Result<Snapshot> {
        let sources = set(&what.sources, |i| i.0);
        let cases = set(&what.cases, |i| i.0);
        let participants = set(&what.participants, |i| i.0);
        let coders = set(&what.coders, |i| i.0);
        let attributes = set(&what.attributes, |i| i.0);
        let frameworks = set(&what.frameworks, |i| i.0);
        let codes = self.ids(&format!(
            "WITH RECURSIVE sub(id) AS (SELECT id FROM codes WHERE id IN ({})
                 UNION SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)
             SELECT id FROM sub",
            csv(&set(&what.codes, |i| i.0))
        ))?;
        let (s, c, p, k, d) = (csv(&sources), csv(&cases), csv(&participants), csv(&coders), csv(&codes));
        let linked_participants = what.participant_cases.clone();
        let linked_sources = what.case_sources.clone();
        let mut codings = set(&what.codings, |i| i.0);
        codings.extend(self.ids(&format!(
            // One indexed query per owner: an OR of the three would read every coding.
            "SELECT id FROM codings WHERE source_id IN ({s}) UNION SELECT id FROM codings WHERE code_id IN ({d})
             UNION SELECT id FROM codings WHERE coder_id IN ({k})"
        ))?);
        let mut memos = set(&what.memos, |i| i.0);
        memos.extend(self.ids(&format!(
            "SELECT id FROM memos WHERE coder_id IN ({k})
                OR (target_kind = 'source' AND target_id IN ({s})) OR (target_kind = 'code' AND target_id IN ({d}))
                OR (target_kind = 'case' AND target_id IN ({c}))
                OR (target_kind = 'participant' AND target_id IN ({p}))"
        ))?);
        let mut snap = Snapshot::default();
        let r = self.read();
        let f = csv(&frameworks);
        snap.frameworks = r.frameworks()?.into_iter().filter(|x| frameworks.contains(&x.id.0)).collect();
        snap.framework_columns = r.framework_columns_of(&f, &d)?;
        snap.framework_rows = r.framework_rows_of(&f, &c)?;
        snap.framework_cells = r.framework_cells_of(&f, &c, &d, &k)?;
        let all_sources = r.sources()?;
        for src in all_sources.into_iter().filter(|x| sources.contains(&x.id.0)) {
            let text = r.source_text(src.id)?.unwrap_or_default();
            snap.sources.push((src, text));
        }
        snap.cases = r.cases()?.into_iter().filter(|x| cases.contains(&x.id.0)).collect();
        snap.participants = r.participants()?.into_iter().filter(|x| participants.contains(&x.id.0)).collect();
        snap.coders = r.coders()?.into_iter().filter(|x| coders.contains(&x.id.0)).collect();
        snap.codes = r.codes()?.into_iter().filter(|x| codes.contains(&x.id.0)).collect();
        for (i, id) in codings.iter().enumerate() {
            if i % PROGRESS_EVERY == 0 {
                self.progress(i, codings.len())?;
            }
            if let Some(coding) = r.coding(CodingId(*id))? {
                snap.codings.push(coding);
            }
        }
        for id in &memos {
            if let Some(memo) = r.memo(MemoId(*id))? {
                snap.memos.push(memo);
            }
        }
        let turn_ids = self.ids(&format!("SELECT id FROM turns WHERE source_id IN ({s}) UNION SELECT id FROM turns WHERE participant_id IN ({p})"))?;
        snap.turns = self.turns_by_id(&turn_ids)?;
        snap.attributes = r.attributes()?.into_iter().filter(|x| attributes.contains(&x.id.0)).collect();
        let by_target = |t: AttributeTarget| match t {
            AttributeTarget::Case => &cases,
            AttributeTarget::Participant => &participants,
            AttributeTarget::Source => &sources,
        };
        let defs = r.attributes()?;
        snap.attribute_values = r
            .attribute_values()?
            .into_iter()
            .filter(|v| {
                attributes.contains(&v.attribute_id.0)
                    || defs
                        .iter()
                        .find(|d| d.id == v.attribute_id)
                        .is_some_and(|d| by_target(d.applies_to).contains(&v.entity_id))
            })
            .collect();
        snap.case_sources = self
            .pairs(&format!("SELECT case_id, source_id FROM case_sources WHERE case_id IN ({c}) OR source_id IN ({s}) ORDER BY 1, 2"))?
            .into_iter()
            .map(|(a, b)| (CaseId(a), SourceId(b)))
            .chain(linked_sources)
            .collect();
        snap.case_sources.sort();
        snap.case_sources.dedup();
        snap.participant_cases = self
            .pairs(&format!(
                "SELECT participant_id, case_id FROM participant_cases WHERE participant_id IN ({p}) OR case_id IN ({c}) ORDER BY 1, 2"
            ))?
            .into_iter()
            .map(|(a, b)| (ParticipantId(a), CaseId(b)))
            .chain(linked_participants)
            .collect();
        snap.participant_cases.sort();
        snap.participant_cases.dedup();
        snap.source_participants = self
            .pairs(&format!(
                "SELECT source_id, participant_id FROM source_participants WHERE source_id IN ({s}) OR participant_id IN ({p}) ORDER BY 1, 2"
            ))?
            .into_iter()
            .map(|(a, b)| (SourceId(a), ParticipantId(b)))
            .collect();
        Ok(snap)
    }

    fn turns_by_id(&self, ids: &BTreeSet<i64>) -> Result<Vec<Turn>> {
        let sql = format!(
            "SELECT id, source_id, participant_id, start_char, end_char, timestamp_ms FROM turns WHERE id IN ({}) ORDER BY id",
            csv(ids)
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let ts: Option<i64> = r.get(5)?;
            Ok(Turn {
                id: r.get(0)?,
                source_id: r.get(1)?,
                participant_id: r.get(2)?,
                span: TextSpan { start: get_usize(r, 3)?, end: get_usize(r, 4)? },
                timestamp_ms: ts.map(|t| t.max(0) as u64),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Deletes exactly the rows of a snapshot.
    fn delete(&mut self, snap: &Snapshot) -> Result<()> {
        for c in &snap.framework_cells {
            self.delete_framework_cell(c.framework, c.case, c.code)?;
        }
        for (f, code, _) in &snap.framework_columns {
            self.delete_framework_member("framework_columns", "code_id", *f, code.0)?;
        }
        for (f, case, _) in &snap.framework_rows {
            self.delete_framework_member("framework_rows", "case_id", *f, case.0)?;
        }
        for (a, e) in snap.attribute_values.iter().map(|v| (v.attribute_id, v.entity_id)) {
            self.set_attribute_value(a, e, None)?;
        }
        for (case, source) in &snap.case_sources {
            self.unlink_case_source(*case, *source)?;
        }
        for (p, c) in &snap.participant_cases {
            self.conn().execute(
                "DELETE FROM participant_cases WHERE participant_id = ?1 AND case_id = ?2",
                rusqlite::params![p, c],
            )?;
        }
        for (s, p) in &snap.source_participants {
            self.conn().execute(
                "DELETE FROM source_participants WHERE source_id = ?1 AND participant_id = ?2",
                rusqlite::params![s, p],
            )?;
        }
        let tables: [(&str, Vec<i64>); 10] = [
            ("frameworks", snap.frameworks.iter().map(|x| x.id.0).collect()),
            ("codings", snap.codings.iter().map(|x| x.id.0).collect()),
            ("memos", snap.memos.iter().map(|x| x.id.0).collect()),
            ("turns", snap.turns.iter().map(|x| x.id.0).collect()),
            // Cascades from these deletes reach only rows the closure already holds.
            ("codes", snap.codes.iter().rev().map(|x| x.id.0).collect()),
            ("sources", snap.sources.iter().map(|x| x.0.id.0).collect()),
            ("cases", snap.cases.iter().map(|x| x.id.0).collect()),
            ("participants", snap.participants.iter().map(|x| x.id.0).collect()),
            ("coders", snap.coders.iter().map(|x| x.id.0).collect()),
            ("attributes", snap.attributes.iter().map(|x| x.id.0).collect()),
        ];
        for (table, ids) in tables {
            let sql = format!("DELETE FROM {table} WHERE id = ?1");
            for id in ids {
                self.exec_id(&sql, id)?;
            }
        }
        Ok(())
    }

    /// Inserts every row of a snapshot under its original ids.
    pub fn restore(&mut self, snap: &Snapshot) -> Result<()> {
        self.defer_foreign_keys()?;
        for c in &snap.coders {
            self.insert_coder(c)?;
        }
        for c in &snap.cases {
            self.insert_case(Some(c.id), &c.uuid, &c.name, &c.description)?;
        }
        for p in &snap.participants {
            self.insert_participant(Some(p.id), &p.uuid, &p.name, p.role.as_deref())?;
        }
        for (s, text) in &snap.sources {
            self.insert_source(&SourceFields::of(s, text, Some(s.id)))?;
            if s.author.is_some() {
                self.set_source_author(s.id, s.author.as_deref())?;
            }
        }
        for t in &snap.turns {
            self.insert_turn(Some(t.id), t.source_id, t.participant_id, t.span, t.timestamp_ms)?;
        }
        for c in &snap.codes {
            self.insert_code(c)?;
        }
        for (i, c) in snap.codings.iter().enumerate() {
            if i % PROGRESS_EVERY == 0 {
                self.progress(i, snap.codings.len())?;
            }
            self.insert_coding(c)?;
        }
        for m in &snap.memos {
            self.insert_memo(m)?;
        }
        for a in &snap.attributes {
            self.insert_attribute(a)?;
        }
        for v in &snap.attribute_values {
            self.set_attribute_value(v.attribute_id, v.entity_id, Some(&v.value))?;
        }
        for (c, s) in &snap.case_sources {
            self.link_case_source(*c, *s)?;
        }
        for (p, c) in &snap.participant_cases {
            self.link_participant_case(*p, *c)?;
        }
        for (s, p) in &snap.source_participants {
            self.link_source_participant(*s, *p)?;
        }
        for f in &snap.frameworks {
            self.insert_framework(f)?;
        }
        for (f, code, position) in &snap.framework_columns {
            self.insert_framework_column(*f, *code, *position)?;
        }
        for (f, case, position) in &snap.framework_rows {
            self.insert_framework_row(*f, *case, *position)?;
        }
        for c in &snap.framework_cells {
            self.put_framework_cell(c)?;
        }
        Ok(())
    }
}
