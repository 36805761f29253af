//! Reading a QualCoder project's `data.qda`, strictly read-only.
//!
//! The file is opened through an SQLite URI with `mode=ro&immutable=1`: SQLite neither writes
//! nor creates anything beside it (no journal, no lock file) and does not even take a lock, so
//! the QualCoder folder stays byte for byte as it was, even if QualCoder has it open. Which
//! columns exist depends on the schema version (v5 to v17 and later), so each table's columns
//! are looked up first and missing ones are read as NULL; missing tables are read as empty and
//! named in `QualCoderRows::missing_tables`. The rows go out as plain data
//! (`import::qualcoder::rows`), for the pure conversion in `import::qualcoder`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, Row};

use super::{Result, StoreError};
use crate::model::qualcoder_rows::*;

/// Reads every table the importer knows from the QualCoder database `db`, without writing a
/// byte. Refuses a file that is not an SQLite database, is damaged, or has no `project` table
/// naming a database version (not a QualCoder project); the version itself is judged by the
/// caller.
pub fn read_qualcoder(db: &Path) -> Result<QualCoderRows> {
    let meta = std::fs::metadata(db).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound { path: db.to_owned() },
        _ => StoreError::Io { path: db.to_owned(), source: e },
    })?;
    let not_qc = |reason: &str| StoreError::NotAProject { path: db.to_owned(), reason: reason.to_string() };
    if meta.is_dir() {
        return Err(not_qc("it is a folder, not QualCoder's database file"));
    }
    let mut header = [0u8; 16];
    let n = super::read_prefix(db, &mut header)?;
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(not_qc("it is not a QualCoder database (not an SQLite database)"));
    }
    let conn = open_read_only(db)?;
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_qc("it is not a QualCoder database (not an SQLite database, or encrypted)"),
        _ => StoreError::Damaged { path: db.to_owned(), detail: e.to_string() },
    };
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(damaged)?;
    if check != "ok" {
        return Err(StoreError::Damaged { path: db.to_owned(), detail: check });
    }
    let schema = Schema::read(&conn).map_err(damaged)?;
    if !schema.has("project", "databaseversion") {
        return Err(not_qc("it is an SQLite database without QualCoder's \"project\" table, so not a QualCoder project"));
    }
    read_rows(&conn, &schema).map_err(damaged)
}

/// The connection: read-only, immutable, through a URI so that nothing is written or locked.
fn open_read_only(db: &Path) -> Result<Connection> {
    let absolute = std::path::absolute(db).map_err(|e| StoreError::Io { path: db.to_owned(), source: e })?;
    let uri = format!("file:{}?mode=ro&immutable=1", uri_path(&absolute));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    super::connection(&uri, flags).map_err(|e| StoreError::NotAProject { path: db.to_owned(), reason: e.to_string() })
}

/// A path for an SQLite URI: every byte but unreserved ones and `/` percent-encoded, so that
/// `?`, `#`, `%` and spaces in folder names cannot be taken for URI syntax.
fn uri_path(path: &Path) -> String {
    let raw = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(raw.len());
    if !raw.starts_with('/') {
        // A Windows drive path: file:/C:/...
        out.push('/');
    }
    for b in raw.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The tables of the file and their columns.
struct Schema {
    tables: BTreeMap<String, BTreeSet<String>>,
}

impl Schema {
    fn read(conn: &Connection) -> rusqlite::Result<Schema> {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
        let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut tables = BTreeMap::new();
        for name in names {
            let mut info = conn.prepare(&format!("PRAGMA table_info(\"{}\")", name.replace('"', "\"\"")))?;
            let cols: BTreeSet<String> =
                info.query_map([], |r| r.get::<_, String>(1))?.collect::<rusqlite::Result<Vec<String>>>()?.into_iter().map(|c| c.to_lowercase()).collect();
            tables.insert(name.to_lowercase(), cols);
        }
        Ok(Schema { tables })
    }

    fn has(&self, table: &str, column: &str) -> bool {
        self.tables.get(table).is_some_and(|c| c.contains(column))
    }

    /// `SELECT` of these columns (NULL where missing) from `table`, in a stable order; `None`
    /// when the table is missing.
    fn select(&self, table: &str, columns: &[&str], order: &str) -> Option<String> {
        let present = self.tables.get(table)?;
        let cols: Vec<String> =
            columns.iter().map(|c| if present.contains(*c) { format!("\"{c}\"") } else { "NULL".to_string() }).collect();
        let order = if present.contains(order) { format!("\"{order}\"") } else { "rowid".to_string() };
        Some(format!("SELECT {} FROM \"{table}\" ORDER BY {order}", cols.join(", ")))
    }
}

fn read_rows(conn: &Connection, schema: &Schema) -> rusqlite::Result<QualCoderRows> {
    let mut rows = QualCoderRows::default();
    let mut missing = Vec::new();
    let mut query = |table: &str, columns: &[&str], order: &str, f: &mut dyn FnMut(&Row<'_>) -> rusqlite::Result<()>| -> rusqlite::Result<()> {
        let Some(sql) = schema.select(table, columns, order) else {
            missing.push(table.to_string());
            return Ok(());
        };
        let mut stmt = conn.prepare(&sql)?;
        let mut it = stmt.query([])?;
        while let Some(r) = it.next()? {
            f(r)?;
        }
        Ok(())
    };
    query("project", &["databaseversion", "about", "memo", "codername"], "rowid", &mut |r| {
        // QualCoder keeps one row; should there be more, the last written wins, as in QualCoder.
        rows.version = text(r, 0).unwrap_or_default();
        rows.about = text(r, 1).unwrap_or_default();
        rows.memo = text(r, 2).unwrap_or_default();
        rows.coder_name = text(r, 3);
        Ok(())
    })?;
    query("source", &["id", "name", "fulltext", "mediapath", "memo", "owner", "date"], "id", &mut |r| {
        rows.sources.push(QcSource {
            id: int(r, 0).unwrap_or_default(),
            name: text(r, 1).unwrap_or_default(),
            fulltext: text(r, 2),
            mediapath: text(r, 3),
            memo: text(r, 4),
            owner: text(r, 5),
            date: text(r, 6),
        });
        Ok(())
    })?;
    query("code_cat", &["catid", "name", "memo", "owner", "date", "supercatid"], "catid", &mut |r| {
        rows.categories.push(QcCategory {
            catid: int(r, 0).unwrap_or_default(),
            name: text(r, 1).unwrap_or_default(),
            memo: text(r, 2),
            owner: text(r, 3),
            date: text(r, 4),
            supercatid: int(r, 5),
        });
        Ok(())
    })?;
    query("code_name", &["cid", "name", "memo", "owner", "date", "catid", "color", "supercid"], "cid", &mut |r| {
        rows.codes.push(QcCode {
            cid: int(r, 0).unwrap_or_default(),
            name: text(r, 1).unwrap_or_default(),
            memo: text(r, 2),
            owner: text(r, 3),
            date: text(r, 4),
            catid: int(r, 5),
            color: text(r, 6),
            supercid: int(r, 7),
        });
        Ok(())
    })?;
    query(
        "code_text",
        &["ctid", "cid", "fid", "seltext", "pos0", "pos1", "owner", "date", "memo", "important"],
        "ctid",
        &mut |r| {
            rows.text_codings.push(QcTextCoding {
                ctid: int(r, 0).unwrap_or_default(),
                cid: int(r, 1).unwrap_or_default(),
                fid: int(r, 2).unwrap_or_default(),
                seltext: text(r, 3),
                pos0: int(r, 4).unwrap_or_default(),
                pos1: int(r, 5).unwrap_or_default(),
                owner: text(r, 6),
                date: text(r, 7),
                memo: text(r, 8),
                important: int(r, 9),
            });
            Ok(())
        },
    )?;
    query("code_image", &["id", "cid"], "imid", &mut |r| {
        rows.image_codings.push(QcMediaCoding { fid: int(r, 0).unwrap_or_default(), cid: int(r, 1).unwrap_or_default() });
        Ok(())
    })?;
    query("code_av", &["id", "cid"], "avid", &mut |r| {
        rows.av_codings.push(QcMediaCoding { fid: int(r, 0).unwrap_or_default(), cid: int(r, 1).unwrap_or_default() });
        Ok(())
    })?;
    query("annotation", &["anid", "fid", "pos0", "pos1", "memo", "owner", "date"], "anid", &mut |r| {
        rows.annotations.push(QcAnnotation {
            anid: int(r, 0).unwrap_or_default(),
            fid: int(r, 1).unwrap_or_default(),
            pos0: int(r, 2).unwrap_or_default(),
            pos1: int(r, 3).unwrap_or_default(),
            memo: text(r, 4),
            owner: text(r, 5),
            date: text(r, 6),
        });
        Ok(())
    })?;
    query("cases", &["caseid", "name", "memo", "owner", "date"], "caseid", &mut |r| {
        rows.cases.push(QcCase {
            caseid: int(r, 0).unwrap_or_default(),
            name: text(r, 1).unwrap_or_default(),
            memo: text(r, 2),
            owner: text(r, 3),
            date: text(r, 4),
        });
        Ok(())
    })?;
    query("case_text", &["caseid", "fid", "pos0", "pos1", "memo", "owner", "date"], "id", &mut |r| {
        rows.case_texts.push(QcCaseText {
            caseid: int(r, 0).unwrap_or_default(),
            fid: int(r, 1).unwrap_or_default(),
            pos0: int(r, 2).unwrap_or_default(),
            pos1: int(r, 3).unwrap_or_default(),
            memo: text(r, 4),
            owner: text(r, 5),
            date: text(r, 6),
        });
        Ok(())
    })?;
    query("attribute_type", &["name", "caseorfile", "valuetype", "memo"], "rowid", &mut |r| {
        rows.attribute_types.push(QcAttributeType {
            name: text(r, 0).unwrap_or_default(),
            case_or_file: text(r, 1),
            valuetype: text(r, 2),
            memo: text(r, 3),
        });
        Ok(())
    })?;
    query("attribute", &["name", "attr_type", "value", "id"], "attrid", &mut |r| {
        rows.attributes.push(QcAttribute {
            name: text(r, 0).unwrap_or_default(),
            attr_type: text(r, 1).unwrap_or_default(),
            value: text(r, 2),
            id: int(r, 3).unwrap_or_default(),
        });
        Ok(())
    })?;
    query("journal", &["jid", "name", "jentry", "owner", "date"], "jid", &mut |r| {
        rows.journals.push(QcJournal {
            jid: int(r, 0).unwrap_or_default(),
            name: text(r, 1).unwrap_or_default(),
            jentry: text(r, 2),
            owner: text(r, 3),
            date: text(r, 4),
        });
        Ok(())
    })?;
    rows.missing_tables = missing;
    Ok(rows)
}

/// A column as text, whatever SQLite stored (QualCoder's columns are loosely typed).
fn text(r: &Row<'_>, i: usize) -> Option<String> {
    match r.get_ref(i).ok()? {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
    }
}

/// A column as an integer, whatever SQLite stored; `None` for NULL or text that is no number.
fn int(r: &Row<'_>, i: usize) -> Option<i64> {
    match r.get_ref(i).ok()? {
        ValueRef::Integer(n) => Some(n),
        ValueRef::Real(x) if x.is_finite() => Some(x as i64),
        ValueRef::Text(t) => std::str::from_utf8(t).ok()?.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_escape_what_uri_syntax_would_read() {
        assert_eq!(uri_path(Path::new("/home/a b/#1?x%.qda/data.qda")), "/home/a%20b/%231%3Fx%25.qda/data.qda");
        assert_eq!(uri_path(Path::new("/tmp/Ünï.qda")), "/tmp/%C3%9Cn%C3%AF.qda");
    }
}
