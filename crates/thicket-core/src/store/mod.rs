//! The project file: the only module that speaks SQL (DESIGN.md §3).
//!
//! `Store::create` and `Store::open` hand out a connection that shares the file with other
//! Thicket processes: readers never wait, writers take turns, each write is one `BEGIN
//! IMMEDIATE` transaction, and a writer that waits longer than `busy_timeout` for another is
//! refused with `StoreError::Busy` (see `concurrency`). Opening checks, before writing a single byte, that the file is
//! an SQLite database whose header agrees with its length, that its `application_id` is
//! Thicket's and that its schema is not newer than this build: cheap checks, the same cost at any
//! size. The full check (`quick_check` and the texts against their hashes, see `soundness`) runs
//! before the first write of a process, so reading never pays for it. Older schemas are copied
//! aside and then migrated. The journal is WAL with `synchronous = FULL`, so every committed
//! action survives a power cut; closing checkpoints the WAL so a closed project is a single file.
//!
//! A file that is damaged, or that this process may not write (file mode, a read-only folder or
//! disk), still opens, read-only: reads give what can be read, and every write is refused with a
//! message naming the file and the reason ([`Access`]).
//!
//! Reads are methods on `Store`; writes happen inside `Store::write`, on a `Writer` that wraps
//! one transaction: every user action is one transaction.

mod concurrency;
mod audit;
mod cipher;
mod convert;
mod framework;
mod merge;
mod migrations;
mod qualcoder;
mod read;
mod recover;
mod reconcile;
mod snapshot;
pub mod soundness;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::ErrorKind;

pub use concurrency::{BUSY_TIMEOUT, BUSY_TIMEOUT_VAR, BackgroundCheck, busy_timeout};
pub use cipher::{Passphrase, looks_encrypted};
pub use migrations::SCHEMA_VERSION;
pub use qualcoder::read_qualcoder;
pub use read::{CodingFilter, CountedTable, Reader};
pub use recover::ReadableCopy;
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
    /// A write was refused because the project failed its soundness checks (or reading it hit
    /// damage); nothing was written.
    #[error("{}", damaged_message(.path.as_deref(), .detail))]
    DamagedData { path: Option<PathBuf>, detail: String },
    /// The project is open read-only (file mode, read-only folder or disk, or opened for
    /// reading); a write was refused.
    #[error("{}", read_only_message(.path.as_deref(), .reason))]
    ReadOnly { path: Option<PathBuf>, reason: String },
    /// The disk (or the file's size limit) refused to grow the file; the transaction was rolled back.
    #[error("{}", disk_full_message(.path.as_deref()))]
    DiskFull { path: Option<PathBuf> },
    /// Another Thicket process held the write lock for longer than `busy_timeout`; nothing
    /// was changed.
    #[error("{} is being written by another Thicket process; try again (nothing was changed)", named(.path.as_deref()))]
    Busy { path: Option<PathBuf> },
    /// An undo or redo was refused because another process changed the project since the step
    /// was recorded (see `Project::undo`); nothing was changed.
    #[error("{} was changed by another Thicket process", named(.path.as_deref()))]
    ChangedElsewhere { path: Option<PathBuf> },
    /// The project is encrypted and no passphrase was given.
    #[error("cannot open \"{path}\": it is encrypted: give its passphrase")]
    Encrypted { path: PathBuf },
    /// The passphrase given does not open the project.
    #[error("cannot open \"{path}\": wrong passphrase (it does not decrypt this project; the file was not changed)")]
    WrongPassphrase { path: PathBuf },
    #[error("cannot read \"{path}\": {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
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
            StoreError::AlreadyExists { .. } | StoreError::ChangedElsewhere { .. } => ErrorKind::Conflict,
            StoreError::CannotCreate { .. }
            | StoreError::NotWritable { .. }
            | StoreError::Io { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::DiskFull { .. } => ErrorKind::Io,
            StoreError::NotAProject { .. } | StoreError::Damaged { .. } | StoreError::DamagedData { .. } => ErrorKind::Damaged,
            StoreError::NewerVersion { .. } => ErrorKind::NewerVersion,
            StoreError::Busy { .. } => ErrorKind::Locked,
            StoreError::Encrypted { .. } | StoreError::WrongPassphrase { .. } => ErrorKind::Passphrase,
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
            | StoreError::Encrypted { path }
            | StoreError::WrongPassphrase { path }
            | StoreError::Io { path, .. } => Some(path),
            StoreError::DamagedData { path, .. }
            | StoreError::ReadOnly { path, .. }
            | StoreError::DiskFull { path }
            | StoreError::Busy { path }
            | StoreError::ChangedElsewhere { path } => path.as_deref(),
            StoreError::Sqlite(_) | StoreError::Corrupt(_) | StoreError::Cancelled => None,
        }
    }

    /// This error, naming `project` if it is about the project file but did not say which
    /// (errors raised deep in a query know the reason, not the file).
    pub fn with_path(self, project: &Path) -> StoreError {
        match self {
            StoreError::DamagedData { path: None, detail } => StoreError::DamagedData { path: Some(project.to_owned()), detail },
            StoreError::ReadOnly { path: None, reason } => StoreError::ReadOnly { path: Some(project.to_owned()), reason },
            StoreError::DiskFull { path: None } => StoreError::DiskFull { path: Some(project.to_owned()) },
            StoreError::Busy { path: None } => StoreError::Busy { path: Some(project.to_owned()) },
            StoreError::ChangedElsewhere { path: None } => StoreError::ChangedElsewhere { path: Some(project.to_owned()) },
            other => other,
        }
    }
}

fn named(path: Option<&Path>) -> String {
    path.map_or_else(|| "the project".to_string(), |p| format!("\"{}\"", p.display()))
}

fn damaged_message(path: Option<&Path>, detail: &str) -> String {
    format!(
        "{} is damaged ({detail}): it is open read-only and nothing was changed. Open it in the window to save a readable copy, or restore it from a backup",
        named(path)
    )
}

fn read_only_message(path: Option<&Path>, reason: &str) -> String {
    format!("{} is read-only ({reason}): nothing was changed", named(path))
}

fn disk_full_message(path: Option<&Path>) -> String {
    format!("cannot write {}: the disk is full; nothing was changed", named(path))
}

/// Opens an SQLite connection, after SQLite (SQLCipher) is fully initialised in this process.
///
/// SQLCipher registers its own SQL functions (`sqlcipher_export`, used to encrypt and decrypt)
/// for every new connection from `SQLITE_EXTRA_INIT`, which `sqlite3_initialize` runs after it
/// has marked SQLite initialised and outside its lock: a connection opened by another thread in
/// that moment lacks the functions ("no such function: sqlcipher_export"). The first opening in
/// the process therefore happens once, under a `Once`, and every connection of the store is
/// opened here.
pub(crate) fn connection(path: impl AsRef<Path>, flags: OpenFlags) -> rusqlite::Result<Connection> {
    static INITIALISED: std::sync::Once = std::sync::Once::new();
    INITIALISED.call_once(|| {
        // Opening any connection runs sqlite3_initialize and the extra init to its end.
        let _ = Connection::open_in_memory();
    });
    Connection::open_with_flags(path, flags)
}

/// `PRAGMA quick_check` of a copy just written (`Store::snapshot_to`): `Err` says what is wrong.
fn check_copy(path: &Path, key: Option<&Passphrase>) -> std::result::Result<(), String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = connection(path, flags).map_err(|e| e.to_string())?;
    if let Some(key) = key {
        cipher::apply_key(&conn, key).map_err(|e| e.to_string())?;
    }
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if verdict == "ok" { Ok(()) } else { Err(format!("the copy failed its check: {verdict}")) }
}

/// Errors from SQLite, sorted: damage and a full disk are the user's to act on, the rest are bugs.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::*;
        let bad_text = match &e {
            rusqlite::Error::Utf8Error(..) => true,
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.is::<std::str::Utf8Error>(),
            _ => false,
        };
        if bad_text {
            // Thicket only ever stores valid UTF-8.
            return StoreError::DamagedData { path: None, detail: "a stored text is not valid UTF-8".into() };
        }
        match e.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => StoreError::DamagedData { path: None, detail: e.to_string() },
            Some(DiskFull) => StoreError::DiskFull { path: None },
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy { path: None },
            Some(ReadOnly) => StoreError::ReadOnly { path: None, reason: "the system refused to write it".into() },
            _ => StoreError::Sqlite(e),
        }
    }
}

/// An error that can be told which project file it is about (`Store::write` names its file in
/// errors raised deep inside a transaction: damage met, a full disk).
pub trait NamesProject {
    /// This error, naming `path` if it is about the project and did not say which file.
    fn with_project(self, path: &Path) -> Self;
}

impl NamesProject for StoreError {
    fn with_project(self, path: &Path) -> Self {
        self.with_path(path)
    }
}

/// What a store may do with its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Reads and writes (each write still passes the soundness gate first).
    Writable,
    /// Reads only: the file, folder or disk is not writable, or it was opened for reading.
    ReadOnly { reason: String },
    /// Reads only: the file failed a soundness check, which `detail` names.
    Damaged { detail: String },
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open project file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Calls of `read` (see `Store::reads`).
    reads: std::cell::Cell<u64>,
    access: Access,
    /// The soundness gate passed in this process: later writes only check the header.
    verified: bool,
    /// The gate's full check passed and its stamp is still to be written: it goes into the
    /// next write's own transaction, so a write that is refused or rolled back leaves the file
    /// exactly as it was.
    stamp_due: std::sync::atomic::AtomicBool,
    /// Other processes' commits, seen through `PRAGMA data_version`.
    versions: concurrency::VersionWatch,
    /// The full check running on a worker (`background_check`), whose verdict the first write
    /// waits for.
    pending_check: Option<std::sync::Arc<concurrency::CheckSlot>>,
    /// This store committed a write: only then does closing fold the WAL back (a checkpoint
    /// that resets the WAL counts as a change for the other processes' `data_version`).
    wrote: std::cell::Cell<bool>,
    /// The passphrase of an encrypted project (copies and backups are encrypted with it).
    key: Option<Passphrase>,
    /// Transactions this store committed since it was opened (`commits`).
    commits: std::cell::Cell<u64>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("access", &self.access).finish()
    }
}

impl Store {
    /// Creates a new, empty project file at `path` (which must not exist yet).
    pub fn create(path: &Path, title: &str) -> Result<Store> {
        Self::create_keyed(path, title, None)
    }

    /// Creates a new project file, encrypted with `key` when one is given (see `cipher`).
    pub fn create_keyed(path: &Path, title: &str, key: Option<&Passphrase>) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists { path: path.to_owned() });
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !folder.is_dir() {
            return Err(StoreError::NoFolder { path: path.to_owned(), folder: folder.to_owned() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connection(path, flags).map_err(|e| io_or_sqlite(path, e))?;
        if let Some(key) = key {
            cipher::apply_key(&conn, key)?;
        }
        // A new file is sound by construction.
        let mut store = Store::new(conn, path, Access::Writable);
        store.key = key.cloned();
        store.verified = true;
        store.wait_for_others()?;
        store.configure()?;
        migrations::migrate(&mut store.conn, migrations::MIGRATIONS, 0)?;
        store.write(|w| w.init_project_info(title))?;
        Ok(store)
    }

    fn new(conn: Connection, path: &Path, access: Access) -> Store {
        Store {
            conn,
            path: path.to_owned(),
            reads: Default::default(),
            access,
            verified: false,
            stamp_due: Default::default(),
            versions: Default::default(),
            pending_check: None,
            wrote: Default::default(),
            key: None,
            commits: Default::default(),
        }
    }

    /// Opens an existing project, refusing (without writing) anything that is not a Thicket
    /// project of this version or older. Older versions are backed up, then migrated. A damaged
    /// file, or one this process may not write, opens read-only (see [`Store::access`]).
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, migrations::MIGRATIONS, None)
    }

    /// `open`, with the passphrase of an encrypted project. A plain project opens as it is
    /// (the passphrase is not needed); an encrypted one without a passphrase is
    /// `StoreError::Encrypted`, with a wrong one `StoreError::WrongPassphrase`.
    pub fn open_keyed(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        Self::open_with(path, migrations::MIGRATIONS, key)
    }

    /// Opens an existing project for reading only: nothing is locked or written, and every
    /// write is refused.
    pub fn open_for_reading(path: &Path) -> Result<Store> {
        Self::open_for_reading_keyed(path, None)
    }

    /// `open_for_reading`, with the passphrase of an encrypted project (see `open_keyed`).
    pub fn open_for_reading_keyed(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
        let key = check_file(path, key)?;
        let latest = migrations::MIGRATIONS.len() as i64;
        let access = match soundness::header_damage(path).map_err(|e| StoreError::Io { path: path.to_owned(), source: e })? {
            Some(detail) => Access::Damaged { detail },
            None => Access::ReadOnly { reason: "opened for reading".into() },
        };
        Self::open_read_only(path, access, latest, key)
    }

    /// `open` with a given migration list, so tests can exercise an upgrade before one ships.
    fn open_with(path: &Path, migrations: &[&str], key: Option<&Passphrase>) -> Result<Store> {
        let latest = migrations.len() as i64;
        let key = check_file(path, key)?;
        checkpoint_after_crash(path, key);
        if let Some(detail) = soundness::header_damage(path).map_err(|e| StoreError::Io { path: path.to_owned(), source: e })? {
            return Self::open_read_only(path, Access::Damaged { detail }, latest, key);
        }
        if let Some(reason) = not_writable(path) {
            return Self::open_read_only(path, Access::ReadOnly { reason }, latest, key);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connection(path, flags).map_err(|e| classify(path, e))?;
        if let Some(key) = key {
            cipher::apply_key(&conn, key)?;
            cipher::check_key(&conn, path)?;
        }
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            drop(conn);
            return Self::open_read_only(path, Access::ReadOnly { reason: "the file is not writable".into() }, latest, key);
        }
        let mut store = Store::new(conn, path, Access::Writable);
        store.key = key.cloned();
        store.wait_for_others()?;
        let version = store.inspect(latest)?;
        store.configure()?;
        if version < latest {
            // Never migrate a file that is not sound: the gate runs now, not at the first write.
            store.verify()?;
            store.backup_before_migration(version)?;
            migrations::migrate(&mut store.conn, migrations, version)?;
        }
        Ok(store)
    }

    /// Opens without locking or writing anything; `immutable` when SQLite cannot even set up
    /// its shared-memory index beside the file (a read-only folder or disk).
    fn open_read_only(path: &Path, access: Access, latest: i64, key: Option<&Passphrase>) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let uri = |immutable: bool| {
            let mut uri = url_path(path);
            uri.push_str(if immutable { "?immutable=1" } else { "?mode=ro" });
            uri
        };
        let mut last = None;
        for immutable in [false, true] {
            let conn = match connection(uri(immutable), flags) {
                Ok(c) => c,
                Err(e) => {
                    last = Some(e);
                    continue;
                }
            };
            if let Some(key) = key {
                cipher::apply_key(&conn, key)?;
                match cipher::check_key(&conn, path) {
                    // Damage the header already showed: open to read what can be read.
                    Err(StoreError::Damaged { .. } | StoreError::DamagedData { .. }) if matches!(access, Access::Damaged { .. }) => {}
                    checked => checked?,
                }
            }
            let mut store = Store::new(conn, path, access.clone());
            store.key = key.cloned();
            let _ = store.wait_for_others();
            match store.inspect(latest) {
                Ok(version) if version < latest && store.access == Access::ReadOnly { reason: "opened for reading".into() } => {
                    return Err(StoreError::NotWritable {
                        path: path.to_owned(),
                        reason: "it was written by an older Thicket and must be upgraded, which needs write access".into(),
                    });
                }
                Ok(_) => return Ok(store),
                // Damage deep in the file shows up when that part is read: the header said enough.
                Err(StoreError::DamagedData { .. } | StoreError::Damaged { .. }) if matches!(access, Access::Damaged { .. }) => return Ok(store),
                Err(StoreError::NotWritable { .. } | StoreError::Sqlite(_)) if !immutable => continue,
                Err(e) => return Err(e),
            }
        }
        Err(last.map_or_else(|| StoreError::NotWritable { path: path.to_owned(), reason: "it cannot be opened".into() }, |e| classify(path, e)))
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this store may write, and if not, why.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// The full soundness check now (not waiting for the first write): `quick_check` and every
    /// text against its hash. A failure marks the store damaged (read-only) and is returned; a
    /// pass is stamped in the file (`soundness::STAMP_KEY`).
    pub fn verify(&mut self) -> Result<()> {
        self.check_now()?;
        // Stamped (by the write's own transaction), so that the next process within
        // `VERIFY_EVERY` needs only the header check.
        self.stamp_due.store(true, std::sync::atomic::Ordering::Relaxed);
        self.write(|_| Ok::<_, StoreError>(()))
    }

    /// The full check (header, `quick_check`, every text against its hash), without stamping.
    fn check_now(&mut self) -> Result<()> {
        self.refuse_unless_writable()?;
        if let Some(detail) = soundness::header_damage(&self.path).map_err(|e| StoreError::Io { path: self.path.clone(), source: e })? {
            return Err(self.mark_damaged(detail));
        }
        if let Some(detail) = soundness::verify_contents(&self.conn) {
            return Err(self.mark_damaged(detail));
        }
        self.verified = true;
        Ok(())
    }

    /// Runs the checks a write needs (see `gate`) without writing anything else: after it, the
    /// first write of this process starts at once.
    pub fn ready_to_write(&mut self) -> Result<()> {
        self.gate()
    }

    /// What must hold before a write: the store is writable, and in this process the soundness
    /// gate has passed (the header on every first write; the full check unless one passed less
    /// than `soundness::VERIFY_EVERY` ago).
    fn gate(&mut self) -> Result<()> {
        self.refuse_unless_writable()?;
        if self.verified {
            return Ok(());
        }
        if let Some(slot) = self.pending_check.take() {
            // The check is running on a worker: wait for its verdict rather than run it again.
            if let Ok(verdict) = slot.wait() {
                return self.accept_verdict(verdict);
            }
            // It had not started: it is run here instead.
        }
        if soundness::recently_verified(&self.conn) {
            if let Some(detail) = soundness::header_damage(&self.path).map_err(|e| StoreError::Io { path: self.path.clone(), source: e })? {
                return Err(self.mark_damaged(detail));
            }
            self.verified = true;
            return Ok(());
        }
        self.check_now()?;
        self.stamp_due.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// The full soundness check, to run on a worker (`BackgroundCheck::run`), when the first
    /// write of this process would otherwise run it on the caller's thread; `None` when no
    /// full check is due (read-only, already checked, or a check passed less than
    /// `soundness::VERIFY_EVERY` ago). Until its verdict is in, the first write waits for it.
    pub fn background_check(&mut self) -> Option<BackgroundCheck> {
        if self.access != Access::Writable || self.verified || self.pending_check.is_some() || soundness::recently_verified(&self.conn) {
            return None;
        }
        let slot = std::sync::Arc::new(concurrency::CheckSlot::default());
        self.pending_check = Some(std::sync::Arc::clone(&slot));
        Some(BackgroundCheck::new(&self.path, slot, self.key.clone()))
    }

    /// Whether a background check is still running; a verdict that came in is taken in now
    /// (a failure makes the store damaged: see `access`). Never waits.
    pub fn checking(&mut self) -> bool {
        let Some(slot) = &self.pending_check else { return false };
        match slot.verdict() {
            None => true,
            Some(verdict) => {
                self.pending_check = None;
                if let Ok(verdict) = verdict {
                    let _ = self.accept_verdict(verdict);
                }
                false
            }
        }
    }

    /// Takes in a full check's verdict: a pass is stamped with the next write.
    fn accept_verdict(&mut self, verdict: Option<String>) -> Result<()> {
        match verdict {
            None => {
                self.verified = true;
                self.stamp_due.store(true, std::sync::atomic::Ordering::Relaxed);
                Ok(())
            }
            Some(detail) => Err(self.mark_damaged(detail)),
        }
    }

    fn refuse_unless_writable(&self) -> Result<()> {
        match &self.access {
            Access::Writable => Ok(()),
            Access::ReadOnly { reason } => Err(StoreError::ReadOnly { path: Some(self.path.clone()), reason: reason.clone() }),
            Access::Damaged { detail } => Err(StoreError::DamagedData { path: Some(self.path.clone()), detail: detail.clone() }),
        }
    }

    fn mark_damaged(&mut self, detail: String) -> StoreError {
        self.access = Access::Damaged { detail: detail.clone() };
        StoreError::DamagedData { path: Some(self.path.clone()), detail }
    }

    /// Runs `f` in one transaction: all of its writes land, or none do.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&mut Writer<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + NamesProject,
    {
        self.write_in(false, None, f)
    }

    /// `write`, telling `observer` how far long work is (`Writer::progress`): it answers
    /// whether to go on, and a `false` rolls the transaction back (the closure returns an error).
    pub fn write_observed<'s, T, E>(&'s mut self, observer: &'s mut (dyn FnMut(usize, usize) -> bool + Send), f: impl FnOnce(&mut Writer<'s>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + NamesProject,
    {
        self.write_in(false, Some(observer), f)
    }

    /// `write_observed` for a step of the undo history: refused with
    /// `StoreError::ChangedElsewhere` (nothing written) when another process committed since
    /// this store last looked (`changed_elsewhere`) or since the last `take_outside_change`.
    pub fn write_history<'s, T, E>(&'s mut self, observer: &'s mut (dyn FnMut(usize, usize) -> bool + Send), f: impl FnOnce(&mut Writer<'s>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + NamesProject,
    {
        self.write_in(true, Some(observer), f)
    }

    /// One write transaction, begun with `BEGIN IMMEDIATE` (the write lock is taken first, so
    /// what the closure reads is still true when it writes); `guard` refuses it when another
    /// process changed the project unseen.
    fn write_in<'s, T, E>(&'s mut self, guard: bool, observer: Option<&'s mut (dyn FnMut(usize, usize) -> bool + Send)>, f: impl FnOnce(&mut Writer<'s>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + NamesProject,
    {
        self.gate()?;
        let path = self.path.clone();
        let stamp_due = &self.stamp_due;
        let versions = &self.versions;
        let wrote = &self.wrote;
        let commits = &self.commits;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(|e| StoreError::from(e).with_path(&path))?;
        let now = concurrency::data_version(&tx).map_err(|e| StoreError::from(e).with_path(&path))?;
        let moved = versions.see(now);
        if guard && (moved || versions.pending()) {
            // Dropping the transaction rolls it back: nothing was written.
            return Err(StoreError::ChangedElsewhere { path: Some(path) }.into());
        }
        let mut writer = Writer::new(tx);
        if let Some(observer) = observer {
            writer.observer = std::cell::RefCell::new(Some(observer));
        }
        let value = f(&mut writer).map_err(|e| e.with_project(&path))?;
        let stamp = stamp_due.load(std::sync::atomic::Ordering::Relaxed);
        if stamp {
            writer.set_project_info(soundness::STAMP_KEY, &soundness::now_secs().to_string()).map_err(|e| e.with_path(&path))?;
        }
        writer.commit().map_err(|e| StoreError::from(e).with_path(&path))?;
        wrote.set(true);
        commits.set(commits.get() + 1);
        if stamp {
            stamp_due.store(false, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(value)
    }

    /// How many write transactions this store has committed since it was opened: a window
    /// compares it with the count at its last backup to know whether anything was written since.
    pub fn commits(&self) -> u64 {
        self.commits.get()
    }

    /// How long a write waits for another process's write before `StoreError::Busy` (from
    /// `busy_timeout` at open; tests shorten it).
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        self.conn.busy_timeout(wait).map_err(|e| StoreError::from(e).with_path(&self.path))
    }

    /// Whether another process committed to the project since this store last looked (at
    /// open, at its last write or at the last call): one cheap query (`PRAGMA data_version`)
    /// that a window can run every few frames.
    pub fn changed_elsewhere(&self) -> Result<bool> {
        let now = concurrency::data_version(&self.conn).map_err(|e| StoreError::from(e).with_path(&self.path))?;
        Ok(self.versions.see(now))
    }

    /// Whether another process's commit was seen (by `changed_elsewhere` or by a write) since
    /// the last call; the call forgets it. The project layer clears its undo history on it.
    pub fn take_outside_change(&self) -> bool {
        self.versions.take()
    }

    /// Writes a consistent copy of the project to `to` (a new file; an existing one is refused),
    /// while this one stays open. The copy is compacted and is a single file.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        self.snapshot_to(to)
    }

    /// The one function that writes a copy of the project (Save a copy, backups, restoring a
    /// backup, the copy before a migration): `VACUUM INTO` a temporary name beside `to`, holding
    /// every committed change (also those still in the `-wal` file); `quick_check` on the copy;
    /// then a rename, so a crash never leaves a partial copy under the final name. An existing
    /// `to` is refused.
    pub fn snapshot_to(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::AlreadyExists { path: to.to_owned() });
        }
        let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = to.with_file_name(format!(".{name}.partial-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let written = self
            .vacuum_into(&tmp)
            .map_err(|e| e.with_path(to))
            .and_then(|()| check_copy(&tmp, self.key.as_ref()).map_err(|detail| StoreError::DamagedData { path: Some(to.to_owned()), detail }))
            .and_then(|()| {
                if to.exists() {
                    return Err(StoreError::AlreadyExists { path: to.to_owned() });
                }
                std::fs::rename(&tmp, to).map_err(|e| StoreError::Io { path: to.to_owned(), source: e })
            });
        match &written {
            Err(_) => {
                let _ = std::fs::remove_file(&tmp);
            }
            // The new name on disk too (best effort: not every system syncs a folder).
            Ok(()) => {
                if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty())
                    && let Ok(dir) = std::fs::File::open(dir)
                {
                    let _ = dir.sync_all();
                }
            }
        }
        written
    }

    /// `VACUUM INTO tmp`, the copy written to disk as it grows rather than in one sync at the
    /// end. SQLite would sync the whole copy (170 MB at the reference scale) at once, and while
    /// that runs every other write to the disk waits for it: the window's next change (one
    /// sync of a few pages) took 80–100 ms instead of 1–3. Here SQLite writes the copy unsynced
    /// while a helper thread syncs what was written so far every few milliseconds, and the rest
    /// is synced before the copy is checked and renamed, so the copy is on disk as before.
    fn vacuum_into(&self, tmp: &Path) -> std::result::Result<(), StoreError> {
        use std::sync::atomic::{AtomicBool, Ordering};
        let sync_file = |path: &Path| std::fs::OpenOptions::new().write(true).open(path).and_then(|f| f.sync_data());
        let before: i64 = self.conn.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        self.conn.execute_batch("PRAGMA synchronous = OFF")?;
        let done = std::sync::Arc::new(AtomicBool::new(false));
        let flusher = {
            let (done, tmp) = (std::sync::Arc::clone(&done), tmp.to_owned());
            std::thread::Builder::new().name("thicket copy sync".into()).spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    let _ = sync_file(&tmp);
                }
            })
        };
        let vacuumed = self.conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()]);
        done.store(true, Ordering::Relaxed);
        if let Ok(flusher) = flusher {
            let _ = flusher.join();
        }
        let restored = self.conn.execute_batch(&format!("PRAGMA synchronous = {}", before.clamp(0, 3)));
        vacuumed?;
        restored?;
        sync_file(tmp).map_err(|e| StoreError::Io { path: tmp.to_owned(), source: e })
    }

    /// Checkpoints the WAL into the main file and closes, leaving a single file on disk. A
    /// checkpoint that fails (a full disk) loses nothing: every committed change is in the
    /// `-wal` file beside the project, which SQLite replays on the next open. That is returned
    /// as a note, not an error, so a committed action is never reported as failed.
    pub fn close(self) -> Result<Option<String>> {
        if self.access != Access::Writable {
            return Ok(None);
        }
        match self.checkpoint() {
            Ok(()) => Ok(None),
            Err(e) => Ok(Some(format!(
                "the changes are saved, but \"{}\" could not be made a single file again ({e}); they are kept in the \"-wal\" file beside it, which Thicket reads on the next open: keep the two together",
                self.path.display()
            ))),
        }
    }

    /// Folds the WAL into the main file and empties it, without waiting: while another process
    /// has the project open it may not complete (SQLite reports it busy, not as an error), and
    /// the last connection to close does it.
    fn checkpoint(&self) -> rusqlite::Result<()> {
        if !self.wrote.get() {
            // Nothing of ours to fold back; SQLite folds the WAL when the last connection closes.
            return Ok(());
        }
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
    }

    /// Lets this connection wait its turn behind other processes' writes (`busy_timeout`), and
    /// notes the project's state so that their later commits are seen (`changed_elsewhere`).
    fn wait_for_others(&self) -> Result<()> {
        concurrency::wait_for_others(&self.conn).map_err(|e| classify(&self.path, e))?;
        if let Ok(now) = concurrency::data_version(&self.conn) {
            self.versions.see(now);
        }
        Ok(())
    }

    /// Reads identity and version without writing; returns the schema version. The full check
    /// waits for the first write (`gate`).
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
        // The schema must be readable: this reads the first page's b-tree.
        read("SELECT count(*) FROM sqlite_schema")?;
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
        self.snapshot_to(&backup)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: a failed checkpoint leaves the WAL beside the file, which SQLite replays next time.
        if self.access == Access::Writable {
            let _ = self.checkpoint();
        }
    }
}

/// Folds a `-wal` file left by a process that ended without closing (killed, a power cut) back
/// into the project, before its header is judged. Such a WAL holds committed actions that the
/// main file does not have yet, and a checkpoint cut short leaves the main file with the new
/// header (page 1 is copied first) but not yet its later pages, so on its own the file looks
/// truncated although nothing is lost. Replaying committed frames is SQLite's own recovery, not
/// a new write. Best effort: a file that cannot be written, or that another process holds, is
/// left alone (the usual checks and the lock then say why), and without a `-wal` this opens
/// nothing.
fn checkpoint_after_crash(path: &Path, key: Option<&Passphrase>) {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if !std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) || not_writable(path).is_some() {
        return;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = connection(path, flags) else { return };
    if let Some(key) = key
        && cipher::apply_key(&conn, key).is_err()
    {
        return;
    }
    let _ = conn.busy_timeout(std::time::Duration::from_millis(250));
    // PASSIVE copies every committed frame into the file without resetting the WAL: a reset
    // would look like a change to the other processes that have the project open (their
    // `PRAGMA data_version`), which would clear a window's undo history for nothing.
    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
}

/// Why this process cannot write the project, judged from the file system before SQLite opens
/// it: the file's mode, or a folder where SQLite cannot create its `-wal` and `-shm` files.
fn not_writable(path: &Path) -> Option<String> {
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return Some(match e.kind() {
            std::io::ErrorKind::PermissionDenied => "the file is not writable".into(),
            _ if e.raw_os_error() == Some(30) => "it is on a read-only disk".into(),
            _ => format!("it cannot be opened for writing: {e}"),
        });
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if !wal.exists() {
        // SQLite creates the WAL beside the file; try that much (and remove the probe).
        let probe = folder.join(format!(".{}.thicket-probe-{}", path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
            Ok(_) => {
                let _ = std::fs::remove_file(&probe);
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(30) => {
                return Some(format!("its folder \"{}\" is not writable", folder.display()));
            }
            Err(_) => {}
        }
    }
    None
}

/// `path` as an SQLite URI filename (`file:` with `%`, `?` and `#` escaped).
fn url_path(path: &Path) -> String {
    let mut out = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// Rejects, from the file system alone, what cannot be a project. Returns the key to open it
/// with: `key` for an encrypted project (which is refused without one), none for a plain one.
fn check_file<'k>(path: &Path, key: Option<&'k Passphrase>) -> Result<Option<&'k Passphrase>> {
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
        if cipher::looks_encrypted(path) {
            return key.map(Some).ok_or_else(|| StoreError::Encrypted { path: path.to_owned() });
        }
        return Err(not_project("it is not a Thicket project (not an SQLite database)"));
    }
    if meta.len() < 512 {
        return Err(StoreError::Damaged { path: path.to_owned(), detail: "the file is truncated".into() });
    }
    Ok(None)
}

pub(super) fn read_prefix(path: &Path, buf: &mut [u8]) -> Result<usize> {
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
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy { path: Some(path.to_owned()) },
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
        let store = Store::open_with(&path, &next, None).unwrap();
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
    fn a_copy_leaves_the_connections_durability_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::create(&dir.path().join("study.thicket"), "t").unwrap();
        let synchronous = |s: &Store| -> i64 { s.conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap() };
        assert_eq!(synchronous(&store), 2, "FULL");
        store.snapshot_to(&dir.path().join("copy.thicket")).unwrap();
        assert_eq!(synchronous(&store), 2, "the copy is written unsynced, the project's own writes are not");
        // Also after a copy that failed (its name is taken).
        assert!(store.snapshot_to(&dir.path().join("copy.thicket")).is_err());
        std::fs::create_dir(dir.path().join("taken.thicket")).unwrap();
        assert!(store.snapshot_to(&dir.path().join("taken.thicket").join("x").join("c.thicket")).is_err());
        assert_eq!(synchronous(&store), 2);
        store.write(|w| w.set_project_info("note", "after")).unwrap();
        let copy = Store::open_for_reading(&dir.path().join("copy.thicket")).unwrap();
        assert!(copy.read().project_info("note").unwrap().is_none());
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

    /// The files a process killed right after a commit leaves on disk: the project as it was
    /// before (no checkpoint ran) and a `-wal` holding the commit. Made by copying both while
    /// the writer is still open, which is what the disk holds at the moment of a SIGKILL.
    fn crashed_after_commit(dir: &Path) -> (PathBuf, Vec<u8>) {
        let path = dir.join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        store.write(|w| w.set_project_info("note", "before")).unwrap();
        store.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
        store.write(|w| w.set_project_info("note", &format!("committed {}", "x".repeat(20_000)))).unwrap();
        let crashed = dir.join("crashed.thicket");
        std::fs::copy(&path, &crashed).unwrap();
        let wal = std::fs::read(format!("{}-wal", path.display())).unwrap();
        assert!(!wal.is_empty(), "the commit is in the WAL only");
        std::fs::write(format!("{}-wal", crashed.display()), &wal).unwrap();
        drop(store);
        (crashed, wal)
    }

    #[test]
    fn a_commit_left_in_the_wal_by_a_killed_writer_is_folded_in_on_open_and_saved_in_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (crashed, _) = crashed_after_commit(dir.path());
        let store = Store::open(&crashed).unwrap();
        assert_eq!(store.access(), &Access::Writable);
        assert!(store.read().project_info("note").unwrap().unwrap().starts_with("committed"));
        let copy = dir.path().join("copy.thicket");
        store.save_copy(&copy).unwrap();
        store.close().unwrap();
        let wal = PathBuf::from(format!("{}-wal", crashed.display()));
        assert!(!std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0), "closed, the project is one file");
        assert!(!PathBuf::from(format!("{}-wal", copy.display())).exists());
        let copied = Store::open(&copy).unwrap();
        assert!(copied.read().project_info("note").unwrap().unwrap().starts_with("committed"), "the copy holds the committed change");
    }

    #[test]
    fn a_checkpoint_cut_short_is_finished_on_open_not_taken_for_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let (crashed, wal) = crashed_after_commit(dir.path());
        // A checkpoint copies page 1 (with the new page count) first: killed right after it,
        // the main file's header describes pages it does not hold yet.
        let page_size = u32::from_be_bytes([wal[8], wal[9], wal[10], wal[11]]) as usize;
        let frame = 24 + page_size;
        let page_one = (32..wal.len()).step_by(frame).rfind(|&at| at + frame <= wal.len() && u32::from_be_bytes([wal[at], wal[at + 1], wal[at + 2], wal[at + 3]]) == 1).unwrap();
        let mut main = std::fs::read(&crashed).unwrap();
        main[..page_size].copy_from_slice(&wal[page_one + 24..page_one + frame]);
        std::fs::write(&crashed, &main).unwrap();
        assert!(soundness::header_damage(&crashed).unwrap().unwrap().contains("truncated"), "on its own the file looks cut short");
        let mut store = Store::open(&crashed).unwrap();
        assert_eq!(store.access(), &Access::Writable);
        assert_eq!(soundness::header_damage(&crashed).unwrap(), None);
        store.verify().unwrap();
        assert!(store.read().project_info("note").unwrap().unwrap().starts_with("committed"));
    }

    #[test]
    fn a_full_disk_names_the_file_and_rolls_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut store = Store::create(&path, "t").unwrap();
        // SQLite's page limit stands for a full disk (the CLI test uses a small tmpfs where it can).
        let pages: i64 = store.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        store.conn.query_row(&format!("PRAGMA max_page_count = {}", pages + 2), [], |r| r.get::<_, i64>(0)).unwrap();
        let err = store.write(|w| w.set_project_info("note", &"x".repeat(200_000))).unwrap_err();
        assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
        assert_eq!(err.path(), Some(path.as_path()));
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().contains("the disk is full; nothing was changed"), "{err}");
        assert_eq!(store.read().project_info("note").unwrap(), None);
    }

    #[test]
    fn a_read_only_store_refuses_writes_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        Store::create(&path, "t").unwrap().close().unwrap();
        let mut store = Store::open_for_reading(&path).unwrap();
        assert_eq!(store.read().project_info("title").unwrap().as_deref(), Some("t"));
        let err = store.write(|w| w.set_project_info("note", "x")).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
        assert_eq!(err.to_string(), format!("\"{}\" is read-only (opened for reading): nothing was changed", path.display()));
    }

    #[test]
    fn a_failed_migration_leaves_the_file_at_its_old_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        Store::create(&path, "t").unwrap().close().unwrap();
        let broken: Vec<&str> = migrations::MIGRATIONS.iter().copied().chain(["CREATE TABLE sources (x);"]).collect();
        assert!(Store::open_with(&path, &broken, None).is_err());
        let store = Store::open(&path).unwrap();
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
