//! What merging projects needs from the store beyond the ordinary reads and writes: the next free
//! integer key of each table (new rows come in under keys the merge chooses, so that its plan can
//! name them before they exist) and renaming a coder.

use rusqlite::OptionalExtension;

use super::write::Writer;
use super::{Reader, Result};
use crate::model::CoderId;

/// The tables whose keys a merge allocates.
const KEYED: &[&str] = &["coders", "sources", "cases", "participants", "turns", "codes", "codings", "memos", "attributes", "frameworks"];

impl Reader<'_> {
    /// The next key an AUTOINCREMENT `table` would give: above every row it holds and every row it
    /// ever held (so a row put back by undo under its old key cannot collide with it). `None` for
    /// a table that is not one of the keyed tables.
    pub fn next_key(&self, table: &str) -> Result<Option<i64>> {
        if !KEYED.contains(&table) {
            return Ok(None);
        }
        let seq: Option<i64> = self
            .conn
            .query_row("SELECT seq FROM sqlite_sequence WHERE name = ?1", [table], |r| r.get(0))
            .optional()?;
        let max: Option<i64> = self.conn.query_row(&format!("SELECT max(id) FROM {table}"), [], |r| r.get(0))?;
        Ok(Some(seq.unwrap_or(0).max(max.unwrap_or(0)) + 1))
    }
}

impl Writer<'_> {
    /// Renames a coder.
    pub fn rename_coder(&mut self, id: CoderId, name: &str) -> Result<()> {
        self.conn().execute("UPDATE coders SET name = ?2 WHERE id = ?1", rusqlite::params![id, name])?;
        Ok(())
    }
}
