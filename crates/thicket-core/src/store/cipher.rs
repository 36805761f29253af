//! Encryption at rest (docs/integrity.md, "Encryption at rest"): the project file through
//! SQLCipher, keyed by a passphrase.
//!
//! SQLCipher without a key is plain SQLite, so a plain project is read and written exactly as
//! before. With a key, every page of the file and of its `-wal` is AES-256 encrypted and
//! authenticated (HMAC-SHA512); the key is derived from the passphrase by SQLCipher's own
//! PBKDF2-HMAC-SHA512 (256,000 iterations) with a random salt kept in the file's first 16 bytes.
//!
//! The key handling lives in small named functions here, so the open path in `mod.rs` only
//! calls them: [`apply_key`] (the connection's first statement), [`check_key`] (a wrong
//! passphrase named as such), [`looks_encrypted`] (telling an encrypted project from a file
//! that is not one, before any key), [`export_to`] (a copy with another key, or none) and
//! [`Store::set_encryption`] (converting a project in place, atomically).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, Store, StoreError};

/// SQLCipher's page size: every encrypted project is a whole number of these.
pub const PAGE_SIZE: u64 = 4096;

/// A project's passphrase. Never printed: `Debug` shows only that there is one.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// A passphrase, refused when empty (an empty key would mean "not encrypted" to SQLCipher).
    /// A trailing newline (as a passphrase file usually ends) is not part of it.
    pub fn new(text: &str) -> Result<Passphrase, String> {
        let text = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(text);
        if text.is_empty() {
            return Err("the passphrase is empty".into());
        }
        Ok(Passphrase(text.to_string()))
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

/// Keys `conn` with `key`: must be the first statement on a new connection. Nothing is read
/// yet; [`check_key`] finds out whether the key fits.
pub(super) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<()> {
    // SQLCipher would log a failed decryption (a wrong passphrase) to stderr itself: the error
    // Thicket returns says it, naming the file.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.pragma_update(None, "key", key.as_str())?;
    Ok(())
}

/// Reads the schema through a keyed connection: a wrong passphrase is `WrongPassphrase`,
/// naming the file, instead of SQLite's "file is not a database".
pub(super) fn check_key(conn: &Connection, path: &Path) -> Result<()> {
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => Err(StoreError::WrongPassphrase { path: path.to_owned() }),
        Err(e) => Err(super::classify(path, e)),
    }
}

/// Whether the file at `path` looks like an encrypted project rather than anything else that
/// is not plain SQLite: its first bytes are not SQLite's header and its first page is as
/// varied as ciphertext (nearly every byte value appears), which text, an empty file or
/// another format's header are not. An unreadable file is not.
pub fn looks_encrypted(path: &Path) -> bool {
    let mut page = [0u8; 1024];
    match super::read_prefix(path, &mut page) {
        Ok(n) if n == page.len() => is_ciphertext_page(&page),
        _ => false,
    }
}

fn is_ciphertext_page(page: &[u8; 1024]) -> bool {
    if page.starts_with(b"SQLite format 3\0") {
        return false;
    }
    let mut seen = [false; 256];
    for &b in page {
        seen[usize::from(b)] = true;
    }
    // 1,024 random bytes show about 251 of the 256 values; text or structured data far fewer.
    seen.iter().filter(|&&s| s).count() >= 220
}

/// What is wrong with an encrypted file's length (its header is ciphertext, so only the length
/// can be judged before a key), or `None`.
pub(super) fn encrypted_length_damage(len: u64) -> Option<String> {
    if !len.is_multiple_of(PAGE_SIZE) {
        return Some(format!("the file is truncated or padded: {len} bytes is not a whole number of {PAGE_SIZE}-byte pages"));
    }
    None
}

/// Writes a copy of the database behind `conn` to the new file `to`, encrypted with `key` (or
/// plain with `None`), through SQLCipher's `sqlcipher_export`: schema, rows, `user_version`
/// and `application_id`. `to` must not exist (it is created empty first, so an existing file
/// is never overwritten). Runs outside any transaction.
pub(super) fn export_to(conn: &Connection, to: &Path, key: Option<&Passphrase>) -> Result<()> {
    // Created empty here: ATTACH opens with the main file's flags, which may not allow creating.
    std::fs::OpenOptions::new().write(true).create_new(true).open(to).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists { path: to.to_owned() },
        _ => StoreError::CannotCreate { path: to.to_owned(), reason: e.to_string() },
    })?;
    let attach = conn.execute("ATTACH DATABASE ?1 AS thicket_export KEY ?2", [to.to_string_lossy().as_ref(), key.map_or("", Passphrase::as_str)]);
    attach.map_err(|e| StoreError::CannotCreate { path: to.to_owned(), reason: e.to_string() })?;
    let copied = (|| -> rusqlite::Result<()> {
        conn.query_row("SELECT sqlcipher_export('thicket_export')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        let app_id: i64 = conn.query_row("PRAGMA main.application_id", [], |r| r.get(0))?;
        conn.execute_batch(&format!("PRAGMA thicket_export.user_version = {version}; PRAGMA thicket_export.application_id = {app_id};"))?;
        Ok(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE thicket_export");
    copied?;
    detached?;
    Ok(())
}

/// Opens `path` (keyed when `key` is given) and checks that it holds what `conn` holds: it
/// passes `quick_check`, has the same identity and version, and every table has as many rows.
pub(super) fn verify_copy(conn: &Connection, path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let copy = super::connection(path, flags).map_err(|e| super::classify(path, e))?;
    if let Some(key) = key {
        apply_key(&copy, key)?;
    }
    check_key(&copy, path)?;
    let differs = |what: &str| StoreError::Damaged { path: path.to_owned(), detail: format!("the new file's {what} differs from the project's") };
    let quick: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if quick != "ok" {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: quick });
    }
    for pragma in ["user_version", "application_id"] {
        let a: i64 = conn.query_row(&format!("PRAGMA main.{pragma}"), [], |r| r.get(0))?;
        let b: i64 = copy.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0))?;
        if a != b {
            return Err(differs(pragma));
        }
    }
    let tables: Vec<String> = {
        let mut stmt = conn.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    for table in tables {
        let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
        let a: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        let b: i64 = copy.query_row(&sql, [], |r| r.get(0)).map_err(|_| differs(&format!("table {table}")))?;
        if a != b {
            return Err(differs(&format!("row count of {table}")));
        }
    }
    Ok(())
}

/// The temporary file a conversion writes beside `path` before it replaces it.
fn converting_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.converting-{}", std::process::id()))
}

fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

fn sync_folder(path: &Path) {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Not every system can sync a folder; the rename itself is atomic either way.
    if let Ok(f) = std::fs::File::open(folder) {
        let _ = f.sync_all();
    }
}

impl Store {
    /// The passphrase this project was opened with, if it is encrypted: its backups are listed
    /// and restored with it.
    pub fn passphrase(&self) -> Option<&Passphrase> {
        self.key.as_ref()
    }

    /// Whether this project is encrypted (opened or created with a passphrase).
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Encrypts the project with `to` (a plain project), changes its passphrase to `to` (an
    /// encrypted one), or with `None` removes its encryption. The whole project is written to a
    /// new file beside it, that file is checked against the project (identity, version,
    /// `quick_check`, every table's rows), and only then replaces the project in one rename: a
    /// failure at any step leaves the project as it was, with its old passphrase. The store
    /// stays open on the converted file.
    pub fn set_encryption(&mut self, to: Option<&Passphrase>) -> Result<()> {
        self.gate()?;
        if to.is_none() && self.key.is_none() {
            return Ok(());
        }
        let path = self.path.clone();
        let temp = converting_path(&path);
        let _ = std::fs::remove_file(&temp);
        let written = export_to(&self.conn, &temp, to)
            .and_then(|()| verify_copy(&self.conn, &temp, to))
            .and_then(|()| sync_file(&temp).map_err(|e| StoreError::Io { path: temp.clone(), source: e }));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        // Close this connection (checkpointing the WAL, so nothing of the old file is left in a
        // `-wal` that would be replayed onto the new one), then swap the files.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let checkpoint = old.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        let closed = old.close().map_err(|(_, e)| e);
        let wal = PathBuf::from(format!("{}-wal", path.display()));
        let wal_left = std::fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false);
        let swapped = match (checkpoint, closed) {
            (Ok(()), Ok(())) if !wal_left => std::fs::rename(&temp, &path).map_err(|e| StoreError::Io { path: path.clone(), source: e }),
            _ => Err(StoreError::NotWritable { path: path.clone(), reason: "its changes could not be written back from the \"-wal\" file; nothing was converted".into() }),
        };
        if swapped.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        sync_folder(&path);
        // Reopen whichever file is now at the path (the converted one, or the untouched original).
        let key = if swapped.is_ok() { to.cloned() } else { self.key.clone() };
        match Store::open_keyed(&path, key.as_ref()) {
            Ok(fresh) => {
                // Reopening and setting up the new file are this process's own doing, not another
                // process's change: the window keeps its views and its undo history.
                if let Ok(now) = super::concurrency::data_version(&fresh.conn) {
                    fresh.versions.settle(now);
                }
                let _ = std::mem::replace(self, fresh);
                swapped
            }
            Err(e) => {
                self.access = super::Access::ReadOnly { reason: format!("it could not be reopened after converting ({e})") };
                Err(swapped.err().unwrap_or(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "The caseworker wrote that Mrs Quillon kept the blue folder under the stairs.";

    fn key(s: &str) -> Passphrase {
        Passphrase::new(s).unwrap()
    }

    fn holds(path: &Path, text: &str) -> bool {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(text.len()).any(|w| w == text.as_bytes())
    }

    fn wal(path: &Path) -> PathBuf {
        PathBuf::from(format!("{}-wal", path.display()))
    }

    #[test]
    fn a_plain_project_holds_its_text_in_the_clear_and_an_encrypted_one_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.thicket");
        let mut store = Store::create(&plain, "t").unwrap();
        store.write(|w| w.set_project_info("note", SECRET)).unwrap();
        assert!(!store.is_encrypted());
        store.close().unwrap();
        // The check below can fail: without a key the text is there to read.
        assert!(holds(&plain, SECRET));
        assert!(!looks_encrypted(&plain));

        let path = dir.path().join("secret.thicket");
        let mut store = Store::create_keyed(&path, "t", Some(&key("correct horse"))).unwrap();
        store.write(|w| w.set_project_info("note", SECRET)).unwrap();
        assert!(store.is_encrypted());
        // While open, the change sits in the -wal: encrypted too.
        assert!(std::fs::metadata(wal(&path)).unwrap().len() > 0, "the write should be in the -wal");
        assert!(!holds(&wal(&path), SECRET), "the -wal holds the text in the clear");
        let copy = dir.path().join("copy.thicket");
        store.save_copy(&copy).unwrap();
        store.close().unwrap();
        assert!(!holds(&path, SECRET));
        assert!(!holds(&path, "SQLite format 3"));
        assert!(looks_encrypted(&path));
        assert_eq!(std::fs::metadata(&path).unwrap().len() % PAGE_SIZE, 0);
        // The saved copy is encrypted with the same passphrase.
        assert!(!holds(&copy, SECRET));
        assert!(looks_encrypted(&copy));
        let err = Store::open(&copy).unwrap_err();
        assert!(matches!(err, StoreError::Encrypted { .. }), "{err:?}");
        let copied = Store::open_keyed(&copy, Some(&key("correct horse"))).unwrap();
        assert_eq!(copied.read().project_info("note").unwrap().as_deref(), Some(SECRET));
        assert!(copied.is_encrypted());
    }

    #[test]
    fn an_encrypted_project_opens_only_with_its_passphrase_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.thicket");
        let mut store = Store::create_keyed(&path, "t", Some(&key("correct horse"))).unwrap();
        store.write(|w| w.set_project_info("note", SECRET)).unwrap();
        store.close().unwrap();

        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Encrypted { .. }), "{err:?}");
        assert_eq!(err.kind(), crate::error::ErrorKind::Passphrase);
        assert_eq!(err.to_string(), format!("cannot open \"{}\": it is encrypted: give its passphrase", path.display()));
        let err = Store::open_for_reading(&path).unwrap_err();
        assert!(matches!(err, StoreError::Encrypted { .. }), "{err:?}");

        let err = Store::open_keyed(&path, Some(&key("wrong horse"))).unwrap_err();
        assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err:?}");
        assert_eq!(err.kind(), crate::error::ErrorKind::Passphrase);
        assert!(err.to_string().contains(&format!("\"{}\"", path.display())), "{err}");
        assert!(err.to_string().contains("wrong passphrase"), "{err}");
        let err = Store::open_for_reading_keyed(&path, Some(&key("wrong horse"))).unwrap_err();
        assert!(matches!(err, StoreError::WrongPassphrase { .. }), "{err:?}");

        let mut store = Store::open_keyed(&path, Some(&key("correct horse"))).unwrap();
        assert_eq!(store.read().project_info("note").unwrap().as_deref(), Some(SECRET));
        assert_eq!(*store.access(), super::super::Access::Writable);
        // Writing passes the soundness gate (quick_check through the key).
        store.verify().unwrap();
        store.write(|w| w.set_project_info("note", "changed")).unwrap();
        store.close().unwrap();
        let store = Store::open_for_reading_keyed(&path, Some(&key("correct horse"))).unwrap();
        assert_eq!(store.read().project_info("note").unwrap().as_deref(), Some("changed"));
        // A plain project ignores a passphrase it does not need.
        let plain = dir.path().join("plain.thicket");
        Store::create(&plain, "t").unwrap().close().unwrap();
        assert!(!Store::open_keyed(&plain, Some(&key("any"))).unwrap().is_encrypted());
    }

    #[test]
    fn a_project_is_encrypted_rekeyed_and_decrypted_in_place_keeping_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", SECRET)).unwrap();

        store.set_encryption(Some(&key("first"))).unwrap();
        assert!(store.is_encrypted());
        assert_eq!(store.read().project_info("note").unwrap().as_deref(), Some(SECRET));
        store.write(|w| w.set_project_info("more", "after encrypting")).unwrap();
        store.close().unwrap();
        assert!(!holds(&path, SECRET));
        assert!(!wal(&path).exists() || std::fs::metadata(wal(&path)).unwrap().len() == 0);
        assert!(matches!(Store::open(&path).unwrap_err(), StoreError::Encrypted { .. }));
        // No converting file is left beside it.
        let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names, vec!["study.thicket".to_string()], "{names:?}");

        let mut store = Store::open_keyed(&path, Some(&key("first"))).unwrap();
        store.set_encryption(Some(&key("second"))).unwrap();
        store.close().unwrap();
        assert!(matches!(Store::open_keyed(&path, Some(&key("first"))).unwrap_err(), StoreError::WrongPassphrase { .. }));

        let mut store = Store::open_keyed(&path, Some(&key("second"))).unwrap();
        assert_eq!(store.read().project_info("more").unwrap().as_deref(), Some("after encrypting"));
        store.set_encryption(None).unwrap();
        assert!(!store.is_encrypted());
        store.close().unwrap();
        assert!(holds(&path, SECRET));
        let store = Store::open(&path).unwrap();
        assert_eq!(store.read().project_info("note").unwrap().as_deref(), Some(SECRET));
        assert_eq!(store.read().project_info("title").unwrap().as_deref(), Some("t"));
    }

    #[test]
    fn a_failed_conversion_leaves_the_project_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", SECRET)).unwrap();
        // The converting file's name is taken by a folder: the export cannot be written.
        std::fs::create_dir(converting_path(&path)).unwrap();
        std::fs::write(converting_path(&path).join("x"), "x").unwrap();
        assert!(store.set_encryption(Some(&key("first"))).is_err());
        assert!(!store.is_encrypted());
        store.write(|w| w.set_project_info("note", "still writable")).unwrap();
        store.close().unwrap();
        assert!(holds(&path, "still writable"));
    }

    #[test]
    fn a_truncated_encrypted_project_is_damaged_not_foreign() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.thicket");
        Store::create_keyed(&path, "t", Some(&key("k"))).unwrap().close().unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(len - 100).unwrap();
        let store = Store::open_keyed(&path, Some(&key("k"))).unwrap();
        assert!(matches!(store.access(), super::super::Access::Damaged { .. }), "{:?}", store.access());
    }

    #[test]
    fn an_empty_passphrase_is_refused_and_a_passphrase_is_never_printed() {
        assert!(Passphrase::new("").is_err());
        assert!(Passphrase::new("\n").is_err());
        assert_eq!(key("abc\n"), key("abc"));
        assert_eq!(format!("{:?}", key("abc")), "Passphrase(..)");
        let text: [u8; 1024] = std::array::from_fn(|i| b"a plain page of text "[i % 21]);
        assert!(!is_ciphertext_page(&text));
    }

    #[test]
    fn a_conversion_is_not_taken_for_another_process_change_and_keeps_undo() {
        use crate::action::Action;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut p = crate::project::Project::create(&path, "Study").unwrap();
        p.perform(Action::CreateCode { parent: None, name: "Bond".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        assert_eq!(p.poll_outside_changes().unwrap(), None);
        p.set_encryption(Some(&key("first"))).unwrap();
        // Reopening the converted file is this process's own doing: no refresh, no lost history.
        assert_eq!(p.poll_outside_changes().unwrap(), None);
        p.set_encryption(Some(&key("second"))).unwrap();
        assert_eq!(p.poll_outside_changes().unwrap(), None);
        let kinds: Vec<String> = p.audit_page(&Default::default(), 0, 10, 0).unwrap().into_iter().map(|e| e.entry.kind).collect();
        assert_eq!(kinds[..2], ["ChangePassphrase".to_string(), "Encrypt".to_string()], "the audit trail, newest first: {kinds:?}");
        assert!(p.undo().unwrap().is_some(), "the undo history survives the conversions");
        assert_eq!(p.codebook().unwrap().by_path("Bond"), None);
        // Backups of the encrypted project are encrypted with its passphrase and list with it.
        let info = p.make_backup(None, 10).unwrap();
        assert!(looks_encrypted(&info.path));
        // The window's background snapshot reads through its own connection: keyed too.
        let job = p.backup_job(None, 10).expect("a writable project is backed up");
        let background = job.run().unwrap();
        assert!(looks_encrypted(&background.path), "the background snapshot is encrypted");
        let listed = crate::project::list_backups(&crate::project::backup_folder(&path), Some(&key("second"))).unwrap();
        assert!(listed.iter().all(Result::is_ok), "{listed:?}");
        let unkeyed = crate::project::list_backups(&crate::project::backup_folder(&path), None).unwrap();
        assert!(unkeyed.iter().all(Result::is_err), "without the passphrase a snapshot cannot be read");
        let restored = dir.path().join("restored.thicket");
        crate::project::restore_backup(&info.path, &restored, Some(&key("second"))).unwrap();
        assert!(looks_encrypted(&restored));
        assert!(crate::project::Project::open_keyed(&restored, Some(&key("second"))).is_ok());
    }

}
