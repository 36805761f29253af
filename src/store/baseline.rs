//! Physical bounds for the benchmarks: the same work done with bare SQL, so `thicket bench` can
//! print how far the real code path is from what SQLite alone needs.

use std::path::Path;

use rusqlite::{Connection, params};

use super::{Result, Store, migrations};

/// Creates a fresh file with Thicket's schema and inserts `texts` into `sources` (and so its FTS5
/// index) in one transaction, with nothing else: no parsing, hashing or turn detection.
pub fn bulk_insert(path: &Path, texts: &[(String, String)]) -> Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    migrations::migrate(&mut conn, migrations::MIGRATIONS, 0)?;
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare(
            "INSERT INTO sources (uuid, name, kind, text, text_hash, char_len, word_count, original_name, original_format, imported_at)
             VALUES (?1, ?2, 'document', ?3, '', ?4, 0, ?2, 'txt', '')",
        )?;
        for (i, (name, text)) in texts.iter().enumerate() {
            stmt.execute(params![i.to_string(), name, text, text.len() as i64])?;
        }
    }
    tx.commit()?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(())
}

/// Opens the file and reads its schema: the least any open must do.
pub fn open_and_read_schema(path: &Path) -> Result<usize> {
    let conn = Connection::open(path)?;
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(n as usize)
}

impl Store {
    /// Codings per (code, case) with one GROUP BY: the bound for a codes × cases crosstab.
    pub fn baseline_code_case_counts(&self) -> Result<Vec<(i64, i64, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.code_id, cs.case_id, count(*) FROM codings c JOIN case_sources cs ON cs.source_id = c.source_id
             GROUP BY c.code_id, cs.case_id ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Overlapping pairs of codings of two different codes, per code pair (smaller id first),
    /// with one self-join: the bound for co-occurrence by overlap. Each pair is counted once, from
    /// the coding that starts first (ties: the smaller id), so the join reads only the codings
    /// that start inside that one's span, along the covering index by source and start.
    pub fn baseline_code_pair_overlaps(&self) -> Result<Vec<(i64, i64, i64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT min(a.code_id, b.code_id), max(a.code_id, b.code_id), count(*)
             FROM codings a INDEXED BY codings_by_source
             JOIN codings b INDEXED BY codings_by_source
               ON b.source_id = a.source_id AND b.start_char >= a.start_char AND b.start_char < a.end_char
             WHERE (b.start_char > a.start_char OR b.id > a.id) AND a.code_id <> b.code_id
             GROUP BY 1, 2 ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The coded text of one code with its source name, in one query: the bound for retrieval.
    pub fn baseline_segments(&self, code: i64) -> Result<usize> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, c.start_char, c.end_char, substr(s.text, c.start_char + 1, c.end_char - c.start_char)
             FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.code_id = ?1
             ORDER BY s.name, c.start_char, c.end_char",
        )?;
        let rows = stmt.query_map([code], |r| r.get::<_, String>(3))?;
        Ok(rows.filter_map(|r| r.ok()).count())
    }
}
