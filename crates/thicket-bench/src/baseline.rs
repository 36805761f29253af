//! Physical bounds for the benchmarks: the same work done with bare SQL on a connection of this
//! crate's own, so `thicket bench` can print how far the real code path is from what SQLite alone
//! needs. Nothing here ships in `thicket-core`.
//!
//! An open project holds an exclusive lock on its file, so the bounds are measured while the
//! project is closed, and the timed code paths afterwards.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, params};
use thicket_core::{Error, Project, Result};

use crate::measure::median_ms;

fn sql(e: rusqlite::Error) -> Error {
    Error::internal(format!("benchmark bound (bare SQL) failed: {e}"))
}

/// Creates a fresh project file (Thicket's schema, as `Project::create` writes it) and inserts
/// `texts` into `sources` (and so its FTS5 index) in one transaction, with nothing else: no
/// parsing, hashing or turn detection.
pub fn bulk_insert(path: &Path, texts: &[(String, String)]) -> Result<()> {
    Project::create(path, "baseline")?.close()?;
    let mut conn = Connection::open(path).map_err(sql)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;").map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO sources (uuid, name, kind, text, text_hash, char_len, word_count, original_name, original_format, imported_at)
                 VALUES (?1, ?2, 'document', ?3, '', ?4, 0, ?2, 'txt', '')",
            )
            .map_err(sql)?;
        for (i, (name, text)) in texts.iter().enumerate() {
            stmt.execute(params![i.to_string(), name, text, text.len() as i64]).map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").map_err(sql)?;
    Ok(())
}

/// Opens the file and reads its schema: the least any open must do.
pub fn open_and_read_schema(path: &Path) -> Result<usize> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql)?;
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(sql)?;
    Ok(n as usize)
}

/// The bounds of the retrieval and analysis figures, measured on a closed project.
#[derive(Debug, Clone, Default)]
pub struct Bounds {
    /// The most used code (most codings, then the smallest id) and the time to read its segments.
    pub segments: Option<(i64, f64)>,
    /// Codings per (code, case), and its time.
    pub code_case_ms: f64,
    /// Overlapping pairs per code pair (smaller id first), and its time.
    pub pairs: Vec<(i64, i64, i64)>,
    pub pairs_ms: f64,
}

impl Bounds {
    /// Measures the bounds of the stages `wants` names (`segments`, `crosstab`, `cooccur`) on the
    /// project file at `path`, which must not be open.
    pub fn measure(path: &Path, wants: impl Fn(&str) -> bool) -> Result<Bounds> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql)?;
        let mut bounds = Bounds::default();
        if wants("segments")
            && let Some(code) = most_used_code(&conn)?
        {
            bounds.segments = Some((code, median_ms(5, || segments(&conn, code))?));
        }
        if wants("crosstab") {
            bounds.code_case_ms = median_ms(5, || code_case_counts(&conn))?;
        }
        if wants("cooccur") {
            bounds.pairs = code_pair_overlaps(&conn)?;
            bounds.pairs_ms = median_ms(3, || code_pair_overlaps(&conn))?;
        }
        Ok(bounds)
    }
}

fn most_used_code(conn: &Connection) -> Result<Option<i64>> {
    let mut stmt = conn.prepare("SELECT code_id FROM codings GROUP BY code_id ORDER BY count(*) DESC, code_id LIMIT 1").map_err(sql)?;
    let mut rows = stmt.query_map([], |r| r.get::<_, i64>(0)).map_err(sql)?;
    rows.next().transpose().map_err(sql)
}

/// Codings per (code, case) with one GROUP BY: the bound for a codes × cases crosstab.
fn code_case_counts(conn: &Connection) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = conn
        .prepare(
            "SELECT c.code_id, cs.case_id, count(*) FROM codings c JOIN case_sources cs ON cs.source_id = c.source_id
             GROUP BY c.code_id, cs.case_id ORDER BY 1, 2",
        )
        .map_err(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(sql)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
}

/// Overlapping pairs of codings of two different codes by one coder (as co-occurrence pairs them
/// by default), per code pair (smaller id first), with one self-join: the bound for co-occurrence
/// by overlap. Each pair is counted once, from
/// the coding that starts first (ties: the smaller id), so the join reads only the codings
/// that start inside that one's span, along the covering index by source and start.
fn code_pair_overlaps(conn: &Connection) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = conn
        .prepare(
            "SELECT min(a.code_id, b.code_id), max(a.code_id, b.code_id), count(*)
             FROM codings a INDEXED BY codings_by_source
             JOIN codings b INDEXED BY codings_by_source
               ON b.source_id = a.source_id AND b.start_char >= a.start_char AND b.start_char < a.end_char
             WHERE (b.start_char > a.start_char OR b.id > a.id) AND a.code_id <> b.code_id AND b.coder_id = a.coder_id
             GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .map_err(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(sql)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(sql)
}

/// The coded text of one code with its source name, in one query: the bound for retrieval.
fn segments(conn: &Connection, code: i64) -> Result<usize> {
    let mut stmt = conn
        .prepare(
            "SELECT s.name, c.start_char, c.end_char, substr(s.text, c.start_char + 1, c.end_char - c.start_char)
             FROM codings c JOIN sources s ON s.id = c.source_id WHERE c.code_id = ?1
             ORDER BY s.name, c.start_char, c.end_char",
        )
        .map_err(sql)?;
    let rows = stmt.query_map([code], |r| r.get::<_, String>(3)).map_err(sql)?;
    Ok(rows.filter_map(|r| r.ok()).count())
}

/// Appends one audit row naming `entities` sources in its own transaction (bare SQL, the
/// statements `Writer::append_audit` runs); the row stays, as an action's would.
pub fn audit_row(path: &Path, entities: usize) -> Result<()> {
    let mut conn = rusqlite::Connection::open(path).map_err(sql)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    tx.execute("INSERT INTO audit_log (at, coder, kind, summary, counts) VALUES ('2026-01-01T00:00:00Z', 'bench', 'AddCodings', 'Apply code', 'sources 1')", []).map_err(sql)?;
    let id = tx.last_insert_rowid();
    {
        let mut insert = tx.prepare_cached("INSERT INTO audit_entities (audit_id, kind, entity_id, name) VALUES (?1, 'source', ?2, 'a source name')").map_err(sql)?;
        for i in 0..entities {
            insert.execute(rusqlite::params![id, i as i64]).map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly on purpose
    use super::*;

    #[test]
    fn the_cooccurrence_bound_counts_the_same_pairs_as_the_analysis() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.thicket");
        thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
        let pairs = Bounds::measure(&path, |stage| stage == "cooccur").unwrap().pairs;
        let project = Project::open(&path).unwrap();
        let data = project.analysis_data(false).unwrap();
        let table = thicket_core::analysis::cooccurrence(&data);
        assert!(!pairs.is_empty());
        let row = |id: i64| data.codebook.walk().iter().position(|(_, c)| c.id.0 == id).unwrap();
        for (a, b, n) in &pairs {
            assert!(a < b);
            assert_eq!(table.counts[row(*a)][row(*b)], *n as u64, "codes {a} and {b}");
        }
        let nonzero = (0..table.codes.len()).flat_map(|i| (i + 1..table.codes.len()).map(move |j| (i, j))).filter(|&(i, j)| table.counts[i][j] > 0).count();
        assert_eq!(nonzero, pairs.len(), "every co-occurring code pair has a SQL row");
    }
}
