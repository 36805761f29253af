//! The audit trail's SQL (`audit_log`, `audit_entities`; migration 0010): append and read.

use rusqlite::{Row, params_from_iter, types::Value};

use super::Result;
use super::read::Reader;
use super::write::Writer;
use crate::model::*;

impl Writer<'_> {
    /// Appends one row of the audit trail (inside the action's transaction).
    pub fn append_audit(&mut self, e: &NewAuditEntry) -> Result<i64> {
        let conn = self.conn();
        conn.prepare_cached("INSERT INTO audit_log (at, coder, kind, summary, counts) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(rusqlite::params![e.at, e.coder, e.kind, e.summary, e.counts])?;
        let id = conn.last_insert_rowid();
        let mut insert = conn.prepare_cached("INSERT INTO audit_entities (audit_id, kind, entity_id, name) VALUES (?1, ?2, ?3, ?4)")?;
        for x in &e.entities {
            insert.execute(rusqlite::params![id, x.kind.as_str(), x.id, x.name])?;
        }
        Ok(id)
    }

    /// The names of these entities as they are now (ids not found are left out).
    pub fn entity_names(&self, kind: AuditEntityKind, ids: &[i64]) -> Result<Vec<(i64, String)>> {
        let (table, column) = match kind {
            AuditEntityKind::Source => ("sources", "name"),
            AuditEntityKind::Code => ("codes", "name"),
            AuditEntityKind::Case => ("cases", "name"),
            AuditEntityKind::Memo => ("memos", "title"),
            AuditEntityKind::Coding => return Ok(ids.iter().map(|&i| (i, String::new())).collect()),
        };
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = self.conn().prepare(&format!("SELECT id, {column} FROM {table} WHERE id IN ({marks})"))?;
            let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }
}

/// `WHERE` clause and parameters for a filter.
fn filter_sql(f: &AuditFilter) -> (String, Vec<Value>) {
    let mut conds = Vec::new();
    let mut params = Vec::new();
    if let Some((kind, id)) = f.entity {
        conds.push("l.id IN (SELECT audit_id FROM audit_entities WHERE kind = ? AND entity_id = ?)".to_string());
        params.push(Value::Text(kind.as_str().into()));
        params.push(Value::Integer(id));
    }
    if let Some(c) = &f.coder {
        conds.push("l.coder = ?".into());
        params.push(Value::Text(c.clone()));
    }
    if let Some(s) = &f.since {
        conds.push("l.at >= ?".into());
        params.push(Value::Text(s.clone()));
    }
    let clause = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
    (clause, params)
}

fn entry_row(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        entry: NewAuditEntry { at: r.get(1)?, coder: r.get(2)?, kind: r.get(3)?, summary: r.get(4)?, counts: r.get(5)?, entities: Vec::new() },
    })
}

impl Reader<'_> {
    /// How many rows of the audit trail match `f`.
    pub fn audit_count(&self, f: &AuditFilter) -> Result<usize> {
        let (clause, params) = filter_sql(f);
        let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM audit_log l {clause}"), params_from_iter(params), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Rows of the audit trail matching `f`, newest first, from the `offset`-th, at most `limit`,
    /// each with the entities it names (at most `entities_each` of them; 0 for none).
    pub fn audit_page(&self, f: &AuditFilter, offset: usize, limit: usize, entities_each: usize) -> Result<Vec<AuditEntry>> {
        let (clause, mut params) = filter_sql(f);
        params.push(Value::Integer(limit as i64));
        params.push(Value::Integer(offset as i64));
        let mut stmt = self.conn.prepare(&format!(
            "SELECT l.id, l.at, l.coder, l.kind, l.summary, l.counts FROM audit_log l {clause} ORDER BY l.id DESC LIMIT ? OFFSET ?"
        ))?;
        let mut rows = stmt.query_map(params_from_iter(params), entry_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        if entities_each > 0 {
            let mut ents = self.conn.prepare_cached(
                "SELECT kind, entity_id, name FROM audit_entities WHERE audit_id = ?1 ORDER BY rowid LIMIT ?2",
            )?;
            for row in &mut rows {
                let found = ents.query_map(rusqlite::params![row.id, entities_each as i64], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
                })?;
                for x in found {
                    let (kind, id, name) = x?;
                    if let Some(kind) = AuditEntityKind::parse(&kind) {
                        row.entry.entities.push(AuditEntity { kind, id, name });
                    }
                }
            }
        }
        Ok(rows)
    }
}
