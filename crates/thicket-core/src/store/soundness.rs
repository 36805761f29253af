//! Is the project file sound enough to be written? The checks and when they run (docs/integrity.md).
//!
//! Two levels, so that opening stays fast at any size:
//! - [`header_damage`], on every open and again before the first write of a process: reads the
//!   first 100 bytes and the file's length. SQLite's header records the page size and, when
//!   valid, the page count; a file shorter than page count × page size, or whose length is not a
//!   whole number of pages, was truncated (an interrupted copy, a full disk, a sync tool). This
//!   costs the same at 1 MB and at 1 GB.
//! - [`verify_contents`], before the first write of a process unless a check passed less than
//!   [`VERIFY_EVERY`] ago (the time of a pass is stamped in the file):
//!   SQLite's `quick_check` (every page and b-tree) and every source's text against its stored
//!   hash (which also proves that it decodes as UTF-8). It reads the whole file once.
//!
//! A file that fails either is never written: the store is marked damaged and every later write
//! is refused with a message naming the file.

use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// How long a passed full check vouches for the file: within it, a new process's first write
/// checks only the header (damage inside pages, if any, shows up when the damaged part is read,
/// and at the next full check).
pub const VERIFY_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// `project_info` key holding when the last full check passed (seconds since 1970, UTC).
pub(super) const STAMP_KEY: &str = "verified_at";

/// What is wrong with the file's header or length, or `None` when they agree. An unreadable file
/// is an I/O error.
pub fn header_damage(path: &Path) -> std::io::Result<Option<String>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if super::cipher::looks_encrypted(path) {
        // The header is ciphertext: only the length can be judged without the key.
        return Ok(super::cipher::encrypted_length_damage(len));
    }
    let mut header = [0u8; 100];
    let mut filled = 0;
    while filled < header.len() {
        let n = file.read(&mut header[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    if filled < header.len() {
        return Ok(Some(format!("the file is truncated: {len} bytes, shorter than an SQLite header")));
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Ok(Some("its header is not an SQLite header".into()));
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => return Ok(Some(format!("its header gives an impossible page size ({n})"))),
    };
    if len % page_size != 0 {
        return Ok(Some(format!("the file is truncated or padded: {len} bytes is not a whole number of {page_size}-byte pages")));
    }
    // The page count in the header is valid when the "version-valid-for" number equals the change
    // counter (SQLite 3.7.0 and later write both).
    let (change_counter, page_count, valid_for) = (be32(24), u64::from(be32(28)), be32(92));
    if page_count > 0 && valid_for == change_counter && len < page_count * page_size {
        return Ok(Some(format!("the file is truncated: {len} bytes where its header says {}", page_count * page_size)));
    }
    Ok(None)
}

/// The full check: SQLite's `quick_check` and every source's text against its hash. Returns what
/// is wrong, or `None` when the file is sound. A database error while reading is itself damage.
pub(super) fn verify_contents(conn: &Connection) -> Option<String> {
    let quick: Result<String, rusqlite::Error> = conn.query_row("PRAGMA quick_check", [], |r| r.get(0));
    match quick {
        Ok(s) if s == "ok" => {}
        Ok(s) => return Some(s),
        Err(e) => return Some(e.to_string()),
    }
    let texts = || -> rusqlite::Result<Option<String>> {
        let mut stmt = conn.prepare("SELECT name, CAST(text AS BLOB), text_hash FROM sources ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(0)?;
            let bytes: Vec<u8> = row.get(1)?;
            let hash: String = row.get(2)?;
            if std::str::from_utf8(&bytes).is_err() {
                return Ok(Some(format!("the text of source \"{name}\" is not valid UTF-8")));
            }
            if !text_matches(&bytes, &hash) {
                return Ok(Some(format!("the text of source \"{name}\" does not match its stored hash")));
            }
        }
        Ok(None)
    };
    texts().unwrap_or_else(|e| Some(e.to_string()))
}

/// True when `bytes` are the text whose SHA-256 (lowercase hex) is `hash`.
pub(super) fn text_matches(bytes: &[u8], hash: &str) -> bool {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    std::str::from_utf8(bytes).is_ok() && hex == hash
}

/// True when a full check passed less than [`VERIFY_EVERY`] ago (its stamp is in the file).
pub(super) fn recently_verified(conn: &Connection) -> bool {
    let stamp: Option<String> = conn.query_row("SELECT value FROM project_info WHERE key = ?1", [STAMP_KEY], |r| r.get(0)).ok();
    let Some(at) = stamp.and_then(|s| s.parse::<u64>().ok()) else { return false };
    let now = now_secs();
    now >= at && now - at < VERIFY_EVERY.as_secs()
}

/// Seconds since 1970 (UTC).
pub(super) fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("p.thicket");
        let mut store = super::super::Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", &"x".repeat(20_000))).unwrap();
        store.close().unwrap();
        path
    }

    #[test]
    fn a_sound_file_has_a_sound_header() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(header_damage(&project(dir.path())).unwrap(), None);
    }

    #[test]
    fn truncation_by_one_byte_or_one_page_is_seen_in_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = project(dir.path());
        let len = std::fs::metadata(&path).unwrap().len();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len - 1).unwrap();
        assert!(header_damage(&path).unwrap().unwrap().contains("truncated"));
        file.set_len(len - 4096).unwrap();
        assert!(header_damage(&path).unwrap().unwrap().contains("truncated"));
    }
}
