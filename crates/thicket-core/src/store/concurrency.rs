//! Several processes on one project (docs/integrity.md, "Several processes").
//!
//! The file is in WAL mode and nobody holds it exclusively: readers never wait and are never
//! refused, writers take turns. Every write starts with `BEGIN IMMEDIATE`, so it holds the
//! write lock from its first statement and a read-then-write transaction cannot fail half way
//! because another process committed in between; a writer that finds the lock taken waits up to
//! [`busy_timeout`] and is then refused with [`super::StoreError::Busy`], naming the file.
//!
//! Another process's commits are seen through `PRAGMA data_version`, which changes when another
//! connection commits (never for this connection's own commits): [`VersionWatch`] remembers
//! the value this store last knew, so that a window can refresh its views and the undo history
//! can be cleared rather than take back someone else's change.
//!
//! The full soundness check can run on a worker ([`BackgroundCheck`], with its own read-only
//! connection); the first write waits for its verdict instead of running the check again.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rusqlite::Connection;

/// How long a write waits for another process's write to end before it is refused.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Environment variable that overrides [`BUSY_TIMEOUT`], in milliseconds (tests use it to see
/// the refusal quickly).
pub const BUSY_TIMEOUT_VAR: &str = "THICKET_BUSY_TIMEOUT_MS";

/// The wait for the write lock: `$THICKET_BUSY_TIMEOUT_MS` when set to a number, else
/// [`BUSY_TIMEOUT`].
pub fn busy_timeout() -> Duration {
    std::env::var(BUSY_TIMEOUT_VAR).ok().and_then(|v| v.trim().parse::<u64>().ok()).map_or(BUSY_TIMEOUT, Duration::from_millis)
}

/// Sets the wait for the write lock on a new connection.
pub(super) fn wait_for_others(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(busy_timeout())
}

/// The connection's `PRAGMA data_version`.
pub(super) fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

/// What this store knows of other processes' commits.
#[derive(Default)]
pub(super) struct VersionWatch {
    /// `data_version` when last looked at (`None` before the first look).
    known: Cell<Option<i64>>,
    /// Another process committed since the project layer last asked (`take`).
    changed: Cell<bool>,
}

impl VersionWatch {
    /// Records `now` as seen; true when it differs from what was known (another process
    /// committed in between).
    pub(super) fn see(&self, now: i64) -> bool {
        let moved = self.known.get().is_some_and(|k| k != now);
        self.known.set(Some(now));
        if moved {
            self.changed.set(true);
        }
        moved
    }

    /// Takes `now` as the known state without counting a change (a store reopened by this
    /// process on a file it just wrote itself: see `Store::set_encryption`).
    pub(super) fn settle(&self, now: i64) {
        self.known.set(Some(now));
        self.changed.set(false);
    }

    /// Whether another process's commit was seen and not yet taken.
    pub(super) fn pending(&self) -> bool {
        self.changed.get()
    }

    /// Whether another process committed since the last call, and forgets it.
    pub(super) fn take(&self) -> bool {
        self.changed.replace(false)
    }
}

/// The verdict of a full check: `None` when sound, else what is wrong.
pub(super) type Verdict = Option<String>;

/// Where a background check stands.
#[derive(Clone, Default)]
enum CheckState {
    /// Not started (its worker may not have run yet).
    #[default]
    Waiting,
    /// Running on its worker.
    Running,
    Done(Verdict),
    /// Taken over by the first write (which runs the check itself), or never to run.
    Abandoned,
}

/// Where a background check leaves its verdict; the first write waits for a check that is
/// running, and takes over one that has not started (so a worker that never runs cannot keep
/// the window from writing).
#[derive(Default)]
pub(super) struct CheckSlot {
    state: Mutex<CheckState>,
    done: Condvar,
}

impl CheckSlot {
    fn lock(&self) -> std::sync::MutexGuard<'_, CheckState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Claims the check for the worker; false when it was taken over or abandoned.
    fn start(&self) -> bool {
        let mut state = self.lock();
        if matches!(*state, CheckState::Waiting) {
            *state = CheckState::Running;
            true
        } else {
            false
        }
    }

    fn finish(&self, verdict: Verdict) {
        *self.lock() = CheckState::Done(verdict);
        self.done.notify_all();
    }

    fn abandon(&self) {
        let mut state = self.lock();
        if matches!(*state, CheckState::Waiting) {
            *state = CheckState::Abandoned;
        }
    }

    /// The verdict when the check is done; `None` while it runs.
    pub(super) fn verdict(&self) -> Option<Result<Verdict, ()>> {
        match &*self.lock() {
            CheckState::Done(v) => Some(Ok(v.clone())),
            CheckState::Abandoned => Some(Err(())),
            CheckState::Waiting | CheckState::Running => None,
        }
    }

    /// For the first write: the verdict, waiting for a running check; `Err(())` when the check
    /// had not started (it is taken over: the caller runs it) or was abandoned.
    pub(super) fn wait(&self) -> Result<Verdict, ()> {
        let mut state = self.lock();
        loop {
            match &*state {
                CheckState::Done(v) => return Ok(v.clone()),
                CheckState::Running => state = self.done.wait(state).unwrap_or_else(|p| p.into_inner()),
                CheckState::Waiting | CheckState::Abandoned => {
                    *state = CheckState::Abandoned;
                    return Err(());
                }
            }
        }
    }
}

/// The full soundness check of an open project, to run on a worker thread: it reads through a
/// connection of its own, so the window keeps reading (and waits for the verdict only when it
/// is about to write).
pub struct BackgroundCheck {
    path: PathBuf,
    slot: Arc<CheckSlot>,
    /// The passphrase of an encrypted project: the check's own connection needs it too.
    key: Option<super::Passphrase>,
}

impl BackgroundCheck {
    pub(super) fn new(path: &Path, slot: Arc<CheckSlot>, key: Option<super::Passphrase>) -> Self {
        BackgroundCheck { path: path.to_owned(), slot, key }
    }

    /// Runs the check (it reads the whole file once) and leaves the verdict for the store.
    /// Returns what is wrong, `Some(None)` when the file is sound, and `None` when the check
    /// did not run here (a write took it over first).
    pub fn run(self) -> Option<Verdict> {
        if !self.slot.start() {
            return None;
        }
        let verdict = self.check();
        self.slot.finish(verdict.clone());
        Some(verdict)
    }

    fn check(&self) -> Verdict {
        match super::soundness::header_damage(&self.path) {
            Ok(Some(detail)) => return Some(detail),
            Ok(None) => {}
            Err(e) => return Some(e.to_string()),
        }
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let conn = match super::connection(format!("{}?mode=ro", super::url_path(&self.path)), flags) {
            Ok(conn) => conn,
            Err(e) => return Some(e.to_string()),
        };
        if let Some(key) = &self.key
            && let Err(e) = super::cipher::apply_key(&conn, key)
        {
            return Some(e.to_string());
        }
        let _ = wait_for_others(&conn);
        super::soundness::verify_contents(&conn)
    }
}

impl Drop for BackgroundCheck {
    fn drop(&mut self) {
        // Never ran (its worker was dropped): the first write runs the check itself.
        self.slot.abandon();
    }
}
