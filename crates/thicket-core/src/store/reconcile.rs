//! Reconciliation decisions in the file (`sql/0009_reconcile.sql`): reading the decisions of one
//! reconciliation, one decision by its key, and writing or deleting one.

use rusqlite::{OptionalExtension, Row, params};

use super::Result;
use super::convert::get_usize;
use super::read::Reader;
use super::write::Writer;
use crate::model::*;

const COLS: &str = "master_id, coders, source_id, code_id, item_start, item_end, coders_order, choice, edit_start, edit_end, \
                    note, decided_by, decided_at, written";

fn decision_row(r: &Row<'_>) -> rusqlite::Result<ReconcileDecision> {
    let coders: String = r.get(1)?;
    let key = DecisionKey {
        master: r.get(0)?,
        coders: split_ids(&coders).into_iter().map(CoderId).collect(),
        source: r.get(2)?,
        code: r.get(3)?,
        extent: TextSpan { start: get_usize(r, 4)?, end: get_usize(r, 5)? },
    };
    let order: String = r.get(6)?;
    let choice_name: String = r.get(7)?;
    let edit = match (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<i64>>(9)?) {
        (Some(s), Some(e)) => TextSpan::new(s.max(0) as usize, e.max(0) as usize),
        _ => None,
    };
    let choice = Choice::parse(&choice_name, edit).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, format!("unknown reconcile choice {choice_name:?}").into())
    })?;
    let written: String = r.get(13)?;
    Ok(ReconcileDecision {
        key,
        coders: split_ids(&order).into_iter().map(CoderId).collect(),
        choice,
        note: r.get(10)?,
        decided_by: r.get(11)?,
        decided_at: r.get(12)?,
        written: split_ids(&written).into_iter().map(CodingId).collect(),
    })
}

impl Reader<'_> {
    /// The decisions recorded comparing `coders` (any order) into `master`, by source, extent and code.
    pub fn reconcile_decisions(&self, master: CoderId, coders: &[CoderId]) -> Result<Vec<ReconcileDecision>> {
        let key = DecisionKey::new(master, coders, SourceId(0), CodeId(0), TextSpan { start: 0, end: 1 });
        let sql = format!(
            "SELECT {COLS} FROM reconcile_decisions WHERE master_id = ?1 AND coders = ?2 ORDER BY source_id, item_start, item_end, code_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![master, key.coders_text()], decision_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The decision recorded for `key`, if any.
    pub fn reconcile_decision(&self, key: &DecisionKey) -> Result<Option<ReconcileDecision>> {
        let sql = format!(
            "SELECT {COLS} FROM reconcile_decisions WHERE master_id = ?1 AND coders = ?2 AND source_id = ?3 AND code_id = ?4 \
             AND item_start = ?5 AND item_end = ?6"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let e = key.extent;
        Ok(stmt
            .query_row(params![key.master, key.coders_text(), key.source, key.code, e.start as i64, e.end as i64], decision_row)
            .optional()?)
    }
}

impl Writer<'_> {
    /// Deletes the decision of `key`; true if there was one.
    pub fn delete_reconcile_decision(&mut self, key: &DecisionKey) -> Result<bool> {
        let e = key.extent;
        let n = self
            .conn()
            .prepare_cached(
                "DELETE FROM reconcile_decisions WHERE master_id = ?1 AND coders = ?2 AND source_id = ?3 AND code_id = ?4 \
                 AND item_start = ?5 AND item_end = ?6",
            )?
            .execute(params![key.master, key.coders_text(), key.source, key.code, e.start as i64, e.end as i64])?;
        Ok(n > 0)
    }

    /// Writes a decision, replacing the one recorded for its key.
    pub fn put_reconcile_decision(&mut self, d: &ReconcileDecision) -> Result<()> {
        self.delete_reconcile_decision(&d.key)?;
        let e = d.key.extent;
        let edit = d.choice.span();
        self.conn()
            .prepare_cached(&format!("INSERT INTO reconcile_decisions ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"))?
            .execute(params![
                d.key.master,
                d.key.coders_text(),
                d.key.source,
                d.key.code,
                e.start as i64,
                e.end as i64,
                join_ids(d.coders.iter().map(|c| c.0)),
                d.choice.name(),
                edit.map(|s| s.start as i64),
                edit.map(|s| s.end as i64),
                d.note,
                d.decided_by,
                d.decided_at,
                join_ids(d.written.iter().map(|c| c.0)),
            ])?;
        Ok(())
    }
}
