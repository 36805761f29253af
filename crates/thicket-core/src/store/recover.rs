//! "Save readable copy": what can still be read of a damaged project, written into a new one.
//!
//! Row by row, table by table, through this store's own (read-only) connection into a new
//! project of the same schema: a table whose pages are damaged gives the rows read before the
//! damage, and the copy says which tables stopped early. Then what would not be sound is left
//! out: a source whose text no longer matches its hash (with the codings and turns that hang
//! from it), and rows that point to a row that could not be read. The copy passes `check`.

use std::path::Path;

use rusqlite::types::Value;

use super::{Result, Store, StoreError, migrations, soundness};

/// What a readable copy kept and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadableCopy {
    /// Rows copied, over all tables.
    pub rows: usize,
    /// Tables whose reading stopped at damage (the rows before it were kept), with the reason.
    pub stopped: Vec<String>,
    /// Sources left out because their text did not match its hash, by name.
    pub sources_left_out: Vec<String>,
    /// Rows left out because what they point to could not be read.
    pub orphans_left_out: usize,
}

impl Store {
    /// Copies what can be read of this project into a new project at `to` (an existing file is
    /// refused). Meant for a damaged project; works on any.
    pub fn save_readable_copy(&self, to: &Path) -> Result<ReadableCopy> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| StoreError::from(e).with_path(&self.path))?;
        if version != migrations::MIGRATIONS.len() as i64 {
            return Err(StoreError::NotWritable {
                path: self.path.clone(),
                reason: format!("it has schema version {version}; a readable copy needs version {}", migrations::MIGRATIONS.len()),
            });
        }
        let mut fresh = Store::create_keyed(to, "", self.key.as_ref())?;
        let mut report = ReadableCopy::default();
        let tables: Vec<String> = {
            let mut stmt = fresh.conn.prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sources_fts%' ORDER BY name",
            )?;
            stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        fresh.conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
        let tx = fresh.conn.transaction()?;
        // The copy is a new file filled table by table; the append-only audit trail's triggers
        // would refuse that (and the removal of orphans), so they are set aside and put back
        // in the same transaction (the full-text index's triggers stay: they fill the index).
        let triggers: Vec<(String, String)> = {
            let mut stmt = tx.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_entities')")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?
        };
        for (name, _) in &triggers {
            tx.execute(&format!("DROP TRIGGER \"{name}\""), [])?;
        }
        for table in &tables {
            tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
            let columns = tx.prepare(&format!("SELECT * FROM \"{table}\""))?.column_count();
            let placeholders = vec!["?"; columns].join(", ");
            let mut insert = tx.prepare(&format!("INSERT INTO \"{table}\" VALUES ({placeholders})"))?;
            let read = (|| -> rusqlite::Result<()> {
                let mut select = self.conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
                let mut rows = select.query([])?;
                while let Some(row) = rows.next()? {
                    let values: Vec<Value> = (0..columns).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?;
                    // A row the new file refuses (a constraint) is left out, not fatal.
                    if insert.execute(rusqlite::params_from_iter(values)).is_ok() {
                        report.rows += 1;
                    }
                }
                Ok(())
            })();
            if let Err(e) = read {
                report.stopped.push(format!("{table}: {e}"));
            }
        }
        // Texts that no longer match their hash are not kept (their codings go with them).
        let sources: Vec<(i64, String, Vec<u8>, String)> = {
            let mut stmt = tx.prepare("SELECT id, name, CAST(text AS BLOB), text_hash FROM sources")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?
        };
        for (id, name, bytes, hash) in sources {
            if !soundness::text_matches(&bytes, &hash) {
                // The text went into the index as it is; it leaves the same way.
                tx.execute("DELETE FROM sources WHERE id = ?1", [id])?;
                report.sources_left_out.push(name);
            }
        }
        // Rows pointing at what could not be read (or was left out), repeated as the deletions
        // cascade by hand: for each foreign key, the rows whose parent is not there.
        let keys: Vec<(String, String, String, String)> = {
            let mut all = Vec::new();
            for table in &tables {
                let mut stmt = tx.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)")?;
                let rows = stmt.query_map([table], |r| Ok((table.clone(), r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
                for row in rows {
                    let (child, parent, from, to) = row?;
                    all.push((child, parent, from, to.unwrap_or_else(|| "rowid".into())));
                }
            }
            all
        };
        loop {
            let mut removed = 0;
            for (child, parent, from, to) in &keys {
                removed += tx.execute(
                    &format!("DELETE FROM \"{child}\" WHERE \"{from}\" IS NOT NULL AND \"{from}\" NOT IN (SELECT \"{to}\" FROM \"{parent}\")"),
                    [],
                )?;
            }
            report.orphans_left_out += removed;
            if removed == 0 {
                break;
            }
        }
        tx.execute("DELETE FROM project_info WHERE key = ?1", [soundness::STAMP_KEY])?;
        for (_, sql) in &triggers {
            tx.execute_batch(sql)?;
        }
        tx.commit()?;
        fresh.conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        fresh.close()?;
        Ok(report)
    }
}
