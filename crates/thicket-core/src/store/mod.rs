//! The project file: the only module that speaks SQL (DESIGN.md §3).
//!
//! `Store::create` and `Store::open` hand out a connection that holds an exclusive lock on the
//! file for as long as it lives, so a second Thicket process gets `StoreError::Locked` instead of
//! a chance to corrupt anything. Opening checks, before writing a single byte, that the file is
//! an SQLite database, that its `application_id` is Thicket's, that its schema is not newer than
//! this build, and that `PRAGMA quick_check` passes. Older schemas are copied aside and then
//! migrated. The journal is WAL with `synchronous = FULL`, so every committed action survives a
//! power cut; closing checkpoints the WAL so a closed project is a single file.
//!
//! Reads are methods on `Store`; writes happen inside `Store::write`, on a `Writer` that wraps
//! one transaction: every user action is one transaction.

mod convert;
mod framework;
mod migrations;
mod read;
mod reconcile;
mod snapshot;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::ErrorKind;

pub use migrations::SCHEMA_VERSION;
pub use read::{CodingFilter, CountedTable, Reader};
pub use write::{SourceFields, Writer};

/// How many rows a long write handles between two reports of its progress (`Writer::progress`).
pub const PROGRESS_EVERY: usize = 256;

/// `PRAGMA application_id` of every Thicket project ("THKT").
pub const APPLICATION_ID: i32 = 0x5448_4B54;

/// Why a project file could not be opened or written. [`StoreError::kind`] says what kind of
/// failure each is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open \"{path}\": no such file")]
    NotFound { path: PathBuf },
    #[error("cannot open \"{path}\": it is a directory, not a project file")]
    IsDirectory { path: PathBuf },
    #[error("cannot create \"{path}\": a file of that name already exists")]
    AlreadyExists { path: PathBuf },
    /// The folder a new project was to go in does not exist.
    #[error("cannot create \"{path}\": the folder \"{folder}\" does not exist")]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot create \"{path}\": {reason}")]
    CannotCreate { path: PathBuf, reason: String },
    #[error("cannot open \"{path}\": {reason}")]
    NotAProject { path: PathBuf, reason: String },
    /// The file exists but the system will not let Thicket open it for writing.
    #[error("cannot open \"{path}\": {reason}")]
    NotWritable { path: PathBuf, reason: String },
    #[error(
        "cannot open \"{path}\": it was written by a newer Thicket (schema version {found}; this one reads up to {supported}). Update Thicket to open it; the file was not changed"
    )]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },
    #[error("cannot open \"{path}\": the file is damaged ({detail}); it was not changed. Restore it from a backup")]
    Damaged { path: PathBuf, detail: String },
    #[error("cannot open \"{path}\": it is open in another Thicket window or process; close it there first")]
    Locked { path: PathBuf },
    #[error("cannot read \"{path}\": {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("invalid data in the project file: {0}")]
    Corrupt(String),
    /// Whoever watched a long write asked to stop (`Writer::progress`); it was rolled back.
    #[error("stopped before the end: nothing was changed")]
    Cancelled,
}

impl StoreError {
    /// What kind of failure this is. A path that names a folder is a bad value, not a damaged
    /// project; a database error in the middle of a transaction, or data that Thicket would
    /// never have written (the file passed its integrity check), is a bug: both are internal.
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::NotFound { .. } | StoreError::NoFolder { .. } => ErrorKind::NotFound,
            StoreError::IsDirectory { .. } => ErrorKind::Invalid,
            StoreError::AlreadyExists { .. } => ErrorKind::Conflict,
            StoreError::CannotCreate { .. } | StoreError::NotWritable { .. } | StoreError::Io { .. } => ErrorKind::Io,
            StoreError::NotAProject { .. } | StoreError::Damaged { .. } => ErrorKind::Damaged,
            StoreError::NewerVersion { .. } => ErrorKind::NewerVersion,
            StoreError::Locked { .. } => ErrorKind::Locked,
            StoreError::Cancelled => ErrorKind::Cancelled,
            StoreError::Sqlite(_) | StoreError::Corrupt(_) => ErrorKind::Internal,
        }
    }

    /// The project file this error is about, when it names one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            StoreError::NotFound { path }
            | StoreError::IsDirectory { path }
            | StoreError::AlreadyExists { path }
            | StoreError::NoFolder { path, .. }
            | StoreError::CannotCreate { path, .. }
            | StoreError::NotAProject { path, .. }
            | StoreError::NotWritable { path, .. }
            | StoreError::NewerVersion { path, .. }
            | StoreError::Damaged { path, .. }
            | StoreError::Locked { path }
            | StoreError::Io { path, .. } => Some(path),
            StoreError::Sqlite(_) | StoreError::Corrupt(_) | StoreError::Cancelled => None,
        }
    }
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open project file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Calls of `read` (see `Store::reads`).
    reads: std::cell::Cell<u64>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Creates a new, empty project file at `path` (which must not exist yet).
    pub fn create(path: &Path, title: &str) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.to_owned() });
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !folder.is_dir() {
            return Err(StoreError::NoFolder { path: path.to_owned(), folder: folder.to_owned() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| io_or_sqlite(path, e))?;
        let mut store = Store { conn, path: path.to_owned(), reads: Default::default() };
        store.lock()?;
        store.configure()?;
        migrations::migrate(&mut store.conn, migrations::MIGRATIONS, 0)?;
        store.write(|w| w.init_project_info(title))?;
        Ok(store)
    }

    /// Opens an existing project, refusing (without writing) anything that is not a healthy
    /// Thicket project of this version or older. Older versions are backed up, then migrated.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, migrations::MIGRATIONS)
    }

    /// `open` with a given migration list, so tests can exercise an upgrade before one ships.
    fn open_with(path: &Path, migrations: &[&str]) -> Result<Store> {
        let latest = migrations.len() as i64;
        check_file(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let mut store = Store { conn, path: path.to_owned(), reads: Default::default() };
        store.lock()?;
        let version = store.inspect(latest)?;
        store.configure()?;
        if version < latest {
            store.backup_before_migration(version)?;
            migrations::migrate(&mut store.conn, migrations, version)?;
        }
        Ok(store)
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one transaction: all of its writes land, or none do.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let mut writer = Writer::new(tx);
        let value = f(&mut writer)?;
        writer.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// `write`, telling `observer` how far long work is (`Writer::progress`): it answers
    /// whether to go on, and a `false` rolls the transaction back (the closure returns an error).
    pub fn write_observed<'s, T, E>(&'s mut self, observer: &'s mut (dyn FnMut(usize, usize) -> bool + Send), f: impl FnOnce(&mut Writer<'s>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let mut writer = Writer::new(tx);
        writer.observer = std::cell::RefCell::new(Some(observer));
        let value = f(&mut writer)?;
        writer.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Writes a consistent copy of the project to `to` (a new file; an existing one is refused),
    /// while this one stays open. The copy is compacted and is a single file.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::AlreadyExists { path: to.to_owned() });
        }
        self.conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
        Ok(())
    }

    /// Checkpoints the WAL into the main file and closes, leaving a single file on disk.
    pub fn close(self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        // Dropping the connection closes it; SQLite then removes the emptied WAL file.
        Ok(())
    }

    /// Takes the exclusive lock that keeps other processes out until this store is dropped.
    fn lock(&mut self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_millis(250))?;
        self.conn
            .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")
            .map_err(|e| classify(&self.path, e))
    }

    /// Reads identity, version and health without writing; returns the schema version.
    fn inspect(&self, latest: i64) -> Result<i64> {
        let path = &self.path;
        let read = |sql: &str| -> Result<i64> {
            self.conn.query_row(sql, [], |r| r.get(0)).map_err(|e| classify(path, e))
        };
        let app_id = read("PRAGMA application_id")?;
        let version = read("PRAGMA user_version")?;
        if app_id != i64::from(APPLICATION_ID) {
            let tables = read("SELECT count(*) FROM sqlite_schema")?;
            let reason = if tables == 0 {
                "it is an empty SQLite database, not a Thicket project".to_string()
            } else {
                "it is an SQLite database of another application, not a Thicket project".to_string()
            };
            return Err(StoreError::NotAProject { path: path.clone(), reason });
        }
        if version > latest {
            return Err(StoreError::NewerVersion { path: path.clone(), found: version, supported: latest });
        }
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        if check != "ok" {
            return Err(StoreError::Damaged { path: path.clone(), detail: check });
        }
        Ok(version)
    }

    fn configure(&self) -> Result<()> {
        self.conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;",
        )?;
        Ok(())
    }

    /// Copies the file aside as `NAME.vN-backup.thicket` before its schema is upgraded.
    fn backup_before_migration(&self, version: i64) -> Result<()> {
        let stem = self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut backup = self.path.with_file_name(format!("{stem}.v{version}-backup.thicket"));
        let mut n = 2;
        while backup.exists() {
            backup = self.path.with_file_name(format!("{stem}.v{version}-backup-{n}.thicket"));
            n += 1;
        }
        self.conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;
        Ok(())
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: a failed checkpoint leaves the WAL beside the file, which SQLite replays next time.
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
    }
}

/// Rejects, from the file system alone, what cannot be a project.
fn check_file(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound { path: path.to_owned() },
        _ => StoreError::Io { path: path.to_owned(), source: e },
    })?;
    if meta.is_dir() {
        return Err(StoreError::IsDirectory { path: path.to_owned() });
    }
    let not_project = |reason: &str| StoreError::NotAProject { path: path.to_owned(), reason: reason.to_string() };
    if meta.len() == 0 {
        return Err(not_project("the file is empty (0 bytes), not a Thicket project"));
    }
    let mut header = [0u8; 16];
    let n = read_prefix(path, &mut header)?;
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(not_project("it is not a Thicket project (not an SQLite database)"));
    }
    if meta.len() < 512 {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: "the file is truncated".into() });
    }
    Ok(())
}

fn read_prefix(path: &Path, buf: &mut [u8]) -> Result<usize> {
    use std::io::Read;
    let io = |e| StoreError::Io { path: path.to_owned(), source: e };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut filled = 0;
    while filled < buf.len() {
        let n = file.read(&mut buf[filled..]).map_err(io)?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

/// Maps SQLite's open-time errors to messages about the file.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Locked { path: path.to_owned() },
        Some(NotADatabase) => StoreError::NotAProject {
            path: path.to_owned(),
            reason: "it is not a Thicket project (not an SQLite database, or encrypted)".into(),
        },
        Some(DatabaseCorrupt) => StoreError::Damaged { path: path.to_owned(), detail: e.to_string() },
        Some(CannotOpen | PermissionDenied | ReadOnly) => StoreError::NotWritable {
            path: path.to_owned(),
            reason: format!("it cannot be opened for writing ({e})"),
        },
        _ => StoreError::Sqlite(e),
    }
}

fn io_or_sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied) => {
            StoreError::CannotCreate { path: path.to_owned(), reason: "the folder is not writable".into() }
        }
        _ => StoreError::Sqlite(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upgrade_backs_up_the_old_file_then_migrates_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", "kept")).unwrap();
        store.close().unwrap();
        let next: Vec<&str> = migrations::MIGRATIONS.iter().copied().chain(["CREATE TABLE later (x INTEGER);"]).collect();
        let store = Store::open_with(&path, &next).unwrap();
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION + 1);
        assert_eq!(store.read().project_info("note").unwrap().as_deref(), Some("kept"));
        store.close().unwrap();
        let backup = dir.path().join(format!("study.v{SCHEMA_VERSION}-backup.thicket"));
        let old = Store::open(&backup).unwrap();
        assert_eq!(old.read().project_info("note").unwrap().as_deref(), Some("kept"));
        // The current build refuses the upgraded file, and says why.
        drop(old);
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { found, .. } if found == SCHEMA_VERSION + 1), "{err}");
    }

    #[test]
    fn a_saved_copy_is_a_complete_project_and_never_overwrites_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", "kept")).unwrap();
        let copy = dir.path().join("copy.thicket");
        store.save_copy(&copy).unwrap();
        let err = store.save_copy(&copy).unwrap_err();
        assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
        // The original stays open and writable.
        store.write(|w| w.set_project_info("note", "changed")).unwrap();
        store.close().unwrap();
        let copied = Store::open(&copy).unwrap();
        assert_eq!(copied.read().project_info("note").unwrap().as_deref(), Some("kept"));
    }

    #[test]
    fn a_failed_migration_leaves_the_file_at_its_old_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        Store::create(&path, "t").unwrap().close().unwrap();
        let broken: Vec<&str> = migrations::MIGRATIONS.iter().copied().chain(["CREATE TABLE sources (x);"]).collect();
        assert!(Store::open_with(&path, &broken).is_err());
        let store = Store::open(&path).unwrap();
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
