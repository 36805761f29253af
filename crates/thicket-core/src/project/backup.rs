//! Backups: rotating snapshots of a project in a folder beside it (`NAME.thicket-backups/`),
//! each written through `Store::snapshot_to` (temporary name, `quick_check`, rename), listed with
//! their counts read from the snapshot itself, and restored into a new file, never over the
//! project (docs/integrity.md, "Backups").

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Project;
use crate::error::{Error, IoOp, Result};
use crate::store::{CountedTable, Passphrase};

/// Minutes of work between two snapshots in the window (only when something changed).
pub const BACKUP_EVERY_MINUTES: u64 = 10;
/// How many of the newest snapshots are kept.
pub const BACKUP_KEEP: usize = 10;
/// Besides the newest `keep`, the newest snapshot of each of this many last days is kept.
pub const BACKUP_DAYS: i64 = 7;

/// One snapshot in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was taken, RFC 3339 UTC (from its name).
    pub taken_at: String,
    pub bytes: u64,
    pub sources: usize,
    pub codes: usize,
    pub codings: usize,
    pub memos: usize,
}

/// The default backup folder of a project: `NAME.thicket-backups` beside it.
pub fn backup_folder(project: &Path) -> PathBuf {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "project".into());
    let stem = name.strip_suffix(".thicket").unwrap_or(&name);
    project.with_file_name(format!("{stem}.thicket-backups"))
}

fn stem(project: &Path) -> String {
    let name = project.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "project".into());
    name.strip_suffix(".thicket").unwrap_or(&name).to_string()
}

/// `YYYYMMDD-HHMMSS` of a snapshot's name (`STEM-YYYYMMDD-HHMMSS[-N].thicket`), as RFC 3339.
fn taken_at(file_name: &str) -> Option<String> {
    let base = file_name.strip_suffix(".thicket")?;
    // The stamp is the last two dash-separated fields of 8 and 6 digits (a `-N` may follow).
    let parts: Vec<&str> = base.rsplit('-').take(3).collect();
    let (date, clock) = match parts.as_slice() {
        [n, t, d] if n.len() < 6 && n.chars().all(|c| c.is_ascii_digit()) => (*d, *t),
        [t, d, ..] => (*d, *t),
        _ => return None,
    };
    let digits = |s: &str, n| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    if !digits(date, 8) || !digits(clock, 6) {
        return None;
    }
    Some(format!("{}-{}-{}T{}:{}:{}Z", &date[..4], &date[4..6], &date[6..], &clock[..2], &clock[2..4], &clock[4..]))
}

/// The snapshots in `folder`, newest first (files that are not snapshots are left out; a
/// temporary file of a snapshot being written starts with a dot and is never listed).
fn snapshot_files(folder: &Path) -> Result<Vec<(String, PathBuf)>> {
    Ok(snapshot_files_ordered(folder)?.into_iter().map(|(at, _, p)| (at, p)).collect())
}

/// The number after the stamp of a snapshot taken in the same second as another (`-2`), else 1.
fn sequence(file_name: &str) -> u32 {
    let base = file_name.strip_suffix(".thicket").unwrap_or(file_name);
    match base.rsplit_once('-') {
        Some((_, n)) if n.len() < 6 && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => n.parse().unwrap_or(1),
        _ => 1,
    }
}

fn snapshot_files_ordered(folder: &Path) -> Result<Vec<(String, u32, PathBuf)>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(IoOp::Read, folder, e)),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if let Some(at) = taken_at(&name) {
            found.push((at, sequence(&name), entry.path()));
        }
    }
    found.sort_by(|a, b| (&b.0, b.1).cmp(&(&a.0, a.1)));
    Ok(found)
}

/// A snapshot's details, read from the snapshot (opened for reading only; an encrypted one
/// with `key`, the passphrase it was taken under).
pub fn backup_info(path: &Path, key: Option<&Passphrase>) -> Result<BackupInfo> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let taken_at = taken_at(&name).unwrap_or_default();
    let bytes = std::fs::metadata(path).map_err(|e| Error::io(IoOp::Read, path, e))?.len();
    let p = Project::open_for_reading_keyed(path, key)?;
    let r = p.store.read();
    Ok(BackupInfo {
        path: path.to_owned(),
        taken_at,
        bytes,
        sources: r.count(CountedTable::Sources)?,
        codes: r.count(CountedTable::Codes)?,
        codings: r.count(CountedTable::Codings)?,
        memos: r.count(CountedTable::Memos)?,
    })
}

/// The snapshots of `folder`, newest first, with their counts. A snapshot that cannot be read
/// is listed by `Err` in its place, so one bad file never hides the others. `key` opens the
/// snapshots of an encrypted project (plain ones open without it).
pub fn list_backups(folder: &Path, key: Option<&Passphrase>) -> Result<Vec<std::result::Result<BackupInfo, (PathBuf, Error)>>> {
    Ok(snapshot_files(folder)?.into_iter().map(|(_, p)| backup_info(&p, key).map_err(|e| (p, e))).collect())
}

/// Deletes the snapshots of `folder` beyond the newest `keep`, except the newest of each of the
/// last `BACKUP_DAYS` days (counted from `now`, RFC 3339); returns the deleted files.
pub fn rotate_backups(folder: &Path, keep: usize, now: &str) -> Result<Vec<PathBuf>> {
    let files = snapshot_files(folder)?;
    let today = day_number(now).unwrap_or(i64::MAX);
    let mut days_seen = std::collections::BTreeSet::new();
    let mut deleted = Vec::new();
    for (i, (at, path)) in files.iter().enumerate() {
        let day = day_number(at);
        let newest_of_recent_day = day.is_some_and(|d| today - d < BACKUP_DAYS && days_seen.insert(d));
        if i < keep || newest_of_recent_day {
            if let Some(d) = day {
                days_seen.insert(d);
            }
            continue;
        }
        std::fs::remove_file(path).map_err(|e| Error::io(IoOp::Write, path, e))?;
        deleted.push(path.clone());
    }
    Ok(deleted)
}

/// How long a snapshot's temporary file must lie untouched before it counts as left behind.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files of snapshots whose process ended before it could rename them (a
/// window closed or killed while a snapshot was being written): a dot-file never listed, deleted
/// once it has not been written to for an hour, so one being written now is left alone.
fn remove_stale_partials(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') || !name.contains(".thicket.partial-") {
            continue;
        }
        let age = entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age >= STALE_PARTIAL) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Days since 1970 of an RFC 3339 time's date.
fn day_number(at: &str) -> Option<i64> {
    let date = time::Date::parse(at.get(..10)?, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    Some(i64::from(date.to_julian_day()))
}

impl Project {
    /// Takes a snapshot into `folder` (made if missing; the default is `backup_folder`), then
    /// keeps the newest `keep` (and one a day for the last week), deleting older ones. The
    /// snapshot holds every committed change; it is checked before it counts.
    pub fn make_backup(&self, folder: Option<&Path>, keep: usize) -> Result<BackupInfo> {
        let folder = folder.map(Path::to_owned).unwrap_or_else(|| backup_folder(self.path()));
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(IoOp::Create, &folder, e))?;
        remove_stale_partials(&folder);
        let now = crate::clock::now_rfc3339();
        let stamp: String = now.chars().filter(char::is_ascii_digit).collect();
        let stamp = format!("{}-{}", &stamp[..8], &stamp[8..14]);
        let stem = stem(self.path());
        // A second snapshot in the same second is numbered after the highest one of that second
        // still there, not into a gap left by rotation (which would make it sort as the oldest).
        let at = taken_at(&format!("{stem}-{stamp}.thicket")).unwrap_or_default();
        let last = snapshot_files_ordered(&folder)?.into_iter().filter(|(t, _, _)| *t == at).map(|(_, n, _)| n).max();
        let mut path = match last {
            None => folder.join(format!("{stem}-{stamp}.thicket")),
            Some(n) => folder.join(format!("{stem}-{stamp}-{}.thicket", n + 1)),
        };
        let mut n = last.unwrap_or(1) + 2;
        while path.exists() {
            path = folder.join(format!("{stem}-{stamp}-{n}.thicket"));
            n += 1;
        }
        self.store.snapshot_to(&path)?;
        rotate_backups(&folder, keep.max(1), &now)?;
        backup_info(&path, self.passphrase())
    }

    /// A snapshot into `folder` (the default: `backup_folder`) to take on another thread, or
    /// `None` when this project may not be written (damaged or read-only): such a project is
    /// not backed up automatically.
    pub fn backup_job(&self, folder: Option<&Path>, keep: usize) -> Option<BackupJob> {
        if *self.access() != crate::store::Access::Writable {
            return None;
        }
        let folder = folder.map(Path::to_owned).unwrap_or_else(|| backup_folder(self.path()));
        Some(BackupJob { project: self.path().to_owned(), folder, keep: keep.max(1), key: self.passphrase().cloned() })
    }

    /// How many changes this process committed to the project since it was opened (each
    /// action, undo and redo is one): a window compares it with the count at its last backup.
    pub fn commits(&self) -> u64 {
        self.store.commits()
    }
}

/// A snapshot to take on a worker thread while the window goes on reading and writing
/// (`Project::backup_job`): it reads through a read-only connection of its own, which in WAL
/// mode sees the last committed state and never blocks the window's writes, nor they it.
#[derive(Debug, Clone)]
pub struct BackupJob {
    project: PathBuf,
    folder: PathBuf,
    keep: usize,
    /// An encrypted project's passphrase: the job's own connection needs it, and the snapshot
    /// is encrypted with it.
    key: Option<Passphrase>,
}

impl BackupJob {
    /// The folder the snapshot goes into.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Takes the snapshot (as `Project::make_backup` does) and rotates the folder. A project
    /// found damaged on opening is not backed up: a snapshot of it would only keep the damage.
    pub fn run(self) -> Result<BackupInfo> {
        let reader = Project::open_for_reading_keyed(&self.project, self.key.as_ref())?;
        if let crate::store::Access::Damaged { detail } = reader.access() {
            return Err(Error::from(crate::store::StoreError::Damaged { path: self.project.clone(), detail: detail.clone() }));
        }
        reader.make_backup(Some(&self.folder), self.keep)
    }
}

/// When the window takes its automatic snapshots: one as soon as the project is open (and
/// sound), then one every `every` of work, "work" meaning that something was committed since
/// the last snapshot (an idle window takes none). The clock is passed in, so that the rule is
/// tested without waiting.
#[derive(Debug, Clone)]
pub struct BackupSchedule {
    every: std::time::Duration,
    /// When the last snapshot was started, and the project's change count then.
    last: Option<(std::time::Instant, u64)>,
}

impl BackupSchedule {
    /// A schedule with no snapshot taken yet: the first is due at once.
    pub fn new(every: std::time::Duration) -> Self {
        BackupSchedule { every, last: None }
    }

    /// Changes the interval (the user's setting); the last snapshot stays where it was.
    pub fn set_every(&mut self, every: std::time::Duration) {
        self.every = every;
    }

    /// Whether a snapshot is due at `now`, when the project has seen `changes` changes (a count
    /// that only grows, such as `Project::commits`).
    pub fn due(&self, now: std::time::Instant, changes: u64) -> bool {
        match self.last {
            None => true,
            Some((at, seen)) => changes != seen && now.saturating_duration_since(at) >= self.every,
        }
    }

    /// Notes a snapshot started at `at` with `changes` changes: changes after that are for the
    /// next one. A snapshot that failed is noted too, so the next try waits a whole interval.
    pub fn taken(&mut self, at: std::time::Instant, changes: u64) {
        self.last = Some((at, changes));
    }

    /// A failed snapshot: the next try waits a whole interval, and is made even when nothing
    /// more is written (what was written before the failure is still not backed up).
    pub fn failed(&mut self, at: std::time::Instant) {
        self.last = Some((at, u64::MAX));
    }

    /// When the last snapshot was started, if one was.
    pub fn last(&self) -> Option<std::time::Instant> {
        self.last.map(|(at, _)| at)
    }

    /// Moves the last snapshot back by `by`, as if that much time had passed (for tests of
    /// the window, which cannot wait minutes).
    pub fn pretend_elapsed(&mut self, by: std::time::Duration) {
        if let Some((at, _)) = &mut self.last {
            *at = at.checked_sub(by).unwrap_or(*at);
        }
    }
}

/// Writes the snapshot `snapshot` to the new file `to` (refused if it exists), through the same
/// checked copy as every other copy. The open project, if any, is not touched. An encrypted
/// snapshot needs `key` and is restored encrypted with it.
pub fn restore_backup(snapshot: &Path, to: &Path, key: Option<&Passphrase>) -> Result<BackupInfo> {
    if to.exists() {
        return Err(Error::from(crate::store::StoreError::AlreadyExists { path: to.to_owned() }));
    }
    let source = Project::open_for_reading_keyed(snapshot, key)?;
    source.store.snapshot_to(to)?;
    drop(source);
    let mut info = backup_info(to, key)?;
    info.taken_at = taken_at(&snapshot.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()).unwrap_or_default();
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_the_time_they_were_taken() {
        assert_eq!(taken_at("study-20261207-171502.thicket").as_deref(), Some("2026-12-07T17:15:02Z"));
        assert_eq!(taken_at("my-study-20261207-171502-3.thicket").as_deref(), Some("2026-12-07T17:15:02Z"));
        assert_eq!(taken_at("notes.thicket"), None);
        assert_eq!(backup_folder(Path::new("/x/study.thicket")), PathBuf::from("/x/study.thicket-backups"));
    }
}

#[cfg(test)]
mod snapshot_tests {
    use super::*;
    use crate::action::Action;
    use crate::model::*;

    #[test]
    fn a_snapshot_of_an_open_project_holds_what_is_committed_but_not_yet_in_the_main_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut p = Project::create(&path, "Study").unwrap();
        p.perform(crate::project::import_text("visit", SourceKind::Interview, "We talked about the school.\n")).unwrap();
        p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        // Committed, still open: the changes live in the `-wal` file, not yet in the main file.
        let wal = dir.path().join("study.thicket-wal");
        assert!(wal.metadata().map(|m| m.len()).unwrap_or(0) > 0, "the changes wait in the WAL");
        let info = p.make_backup(None, 10).unwrap();
        assert_eq!((info.sources, info.codes), (1, 1));
        assert!(info.path.starts_with(dir.path().join("study.thicket-backups")));
        // Restored into a new file, it opens as a project with the same content.
        let copy = dir.path().join("restored.thicket");
        restore_backup(&info.path, &copy, None).unwrap();
        let r = Project::open(&copy).unwrap();
        assert_eq!(r.sources().unwrap().len(), 1);
        assert!(restore_backup(&info.path, &copy, None).is_err(), "never over an existing file");
        // No temporary file is left beside the snapshots.
        let names: Vec<String> = std::fs::read_dir(info.path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    }

    #[test]
    fn rotation_keeps_the_newest_and_one_a_day_for_a_week() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "s-20261207-100000.thicket",
            "s-20261207-090000.thicket",
            "s-20261207-090000-2.thicket",
            "s-20261205-120000.thicket",
            "s-20261205-110000.thicket",
            "s-20261129-120000.thicket",
            "notes.txt",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        let deleted = rotate_backups(dir.path(), 2, "2026-12-07T10:00:01Z").unwrap();
        let mut deleted: Vec<String> = deleted.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        deleted.sort();
        // Kept: the two newest (10:00, then 09:00-2 taken after 09:00), the newest of Dec 5.
        assert_eq!(deleted, ["s-20261129-120000.thicket", "s-20261205-110000.thicket", "s-20261207-090000.thicket"]);
        assert!(dir.path().join("notes.txt").exists());
    }
}

#[cfg(test)]
mod schedule_tests {
    use super::*;
    use crate::action::Action;
    use std::time::{Duration, Instant};

    #[test]
    fn the_first_snapshot_is_due_at_once_then_only_after_the_interval_and_a_change() {
        let every = Duration::from_secs(600);
        let mut s = BackupSchedule::new(every);
        let t0 = Instant::now();
        assert!(s.due(t0, 0), "on open");
        s.taken(t0, 0);
        assert!(!s.due(t0 + Duration::from_secs(3600), 0), "an hour idle: nothing written, nothing due");
        assert!(!s.due(t0 + Duration::from_secs(599), 3), "written, but not yet ten minutes");
        assert!(s.due(t0 + every, 3), "written and ten minutes on");
        s.taken(t0 + every, 3);
        assert!(!s.due(t0 + every * 3, 3), "nothing since the second snapshot");
        // A failure: the next try waits an interval, and comes even without a new change.
        s.failed(t0 + every * 3);
        assert!(!s.due(t0 + every * 3 + Duration::from_secs(1), 3));
        assert!(s.due(t0 + every * 4, 3));
        // The user shortens the interval.
        s.taken(t0 + every * 4, 3);
        s.set_every(Duration::from_secs(60));
        assert!(s.due(t0 + every * 4 + Duration::from_secs(60), 4));
        s.pretend_elapsed(Duration::from_secs(60));
        assert!(s.due(t0 + every * 4, 4), "the test hook moves the last snapshot back");
    }

    #[test]
    fn every_committed_change_is_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = Project::create(&dir.path().join("s.thicket"), "S").unwrap();
        let before = p.commits();
        p.perform(Action::CreateCode { parent: None, name: "Trust".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        assert_eq!(p.commits(), before + 1);
        p.undo().unwrap();
        assert_eq!(p.commits(), before + 2, "an undo is a change too");
        // A refused action commits nothing.
        let refused = p.perform(Action::CreateCode { parent: None, name: String::new(), color: "#336699".into(), description: Default::default() });
        assert!(refused.is_err());
        assert_eq!(p.commits(), before + 2);
    }

    #[test]
    fn a_background_snapshot_reads_its_own_connection_while_the_project_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let mut p = Project::create(&path, "Study").unwrap();
        p.perform(Action::CreateCode { parent: None, name: "Code 0".into(), color: "#336699".into(), description: Default::default() }).unwrap();
        let folder = dir.path().join("elsewhere");
        let job = p.backup_job(Some(&folder), 3).unwrap();
        assert_eq!(job.folder(), folder);
        // Snapshots on a worker while this thread goes on writing: neither waits for the other
        // long enough to be refused, and every snapshot is a sound project.
        let worker = std::thread::spawn(move || (0..5).map(|_| job.clone().run()).collect::<Vec<_>>());
        for i in 1..=40 {
            p.perform(Action::CreateCode { parent: None, name: format!("Code {i}"), color: "#336699".into(), description: Default::default() }).unwrap();
        }
        let taken = worker.join().unwrap();
        for t in &taken {
            let info = t.as_ref().unwrap();
            assert!((1..=41).contains(&info.codes), "{info:?}");
        }
        // Rotation kept the newest three.
        assert_eq!(list_backups(&folder, None).unwrap().len(), 3);
        // One more, now: it holds every change, also those still only in the `-wal` file.
        let last = p.backup_job(Some(&folder), 3).unwrap().run().unwrap();
        assert_eq!(last.codes, 41);
        assert!(p.commits() >= 41);
    }

    #[test]
    fn a_snapshot_left_half_written_by_an_ended_process_is_cleared_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        let p = Project::create(&path, "Study").unwrap();
        let folder = backup_folder(&path);
        std::fs::create_dir_all(&folder).unwrap();
        let old = folder.join(".study-20261207-100000.thicket.partial-4242");
        let fresh = folder.join(".study-20261207-110000.thicket.partial-4243");
        for f in [&old, &fresh] {
            std::fs::write(f, b"half a copy").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
        std::fs::File::options().write(true).open(&old).unwrap().set_modified(two_hours_ago).unwrap();
        p.make_backup(None, 10).unwrap();
        assert!(!old.exists(), "left behind an hour ago: removed");
        assert!(fresh.exists(), "maybe being written by another process now: kept");
    }

    #[test]
    fn a_read_only_project_gets_no_background_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("study.thicket");
        Project::create(&path, "Study").unwrap().close().unwrap();
        let reader = Project::open_for_reading(&path).unwrap();
        assert!(reader.backup_job(None, 10).is_none());
    }
}
