//! `Project`: an open project file, the one place where actions are applied (DESIGN.md §2).
//!
//! The GUI and the CLI read through `Project`'s query methods and change it only by `perform`ing
//! `Action`s. Each action is validated, applied in one transaction and yields its inverse, which
//! the undo history keeps.

mod analysis_load;
mod apply;
mod audit;
mod backup;
mod autocode;
mod check;
mod coders;
mod framework;
mod import_batch;
mod merge;
mod pseudonyms;
mod qualcoder;
mod queries;
pub mod refi;
mod reconcile;
mod search;

use std::path::Path;

use crate::action::{Action, EntitySet};
use crate::error::Result;
use crate::model::*;
use crate::store::Store;

pub use analysis_load::{AnalysisLoader, AnalysisRows};
pub use audit::action_kind;
pub use backup::{BACKUP_DAYS, BACKUP_EVERY_MINUTES, BACKUP_KEEP, BackupInfo, BackupJob, BackupSchedule, backup_folder, backup_info, list_backups, restore_backup, rotate_backups};
pub use check::CheckReport;
pub use coders::{CoderSummary, format_duration, seconds_between};
pub use merge::{BothKept, ConflictRule, KindCount, MergeConflict, MergeEntity, MergeOptions, MergeOutcome, MergeReport, MergeSource, MergeWarning, NameHolder, Resolution, WarningKind};
pub use import_batch::{DateFrom, ImportOptions, ImportReport, ImportedFile, ReadBatch, NotAFile, SkipReason, SkippedFile, expand_paths, import_text, read_files};
pub use qualcoder::import_qualcoder;
pub use pseudonyms::{EntryPreview, PreviewHit, PreviewPlace, PreviewRun, PseudonymPreview};
pub use reconcile::{QueueItem, ReconcileAgreement, ReconcileQueue, ReconcileScope, plan_agreed, plan_decisions};
pub use queries::{CaseDeletionSummary, MemoMarks, Segment, SegmentFilter, SegmentReader, sort_segments};
pub use autocode::{AutocodePlan, AutocodeRun, AutocodeSpec, CodingUnit, PlannedCoding};
pub use search::{SearchHit, SearchResults, SearchRun, SearchScope};

/// What applying an action did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The action that undoes this one.
    pub inverse: Action,
    /// Entities the action created.
    pub created: EntitySet,
}

/// One step of the undo or redo stack.
#[derive(Debug, Clone)]
struct HistoryEntry {
    label: String,
    /// The label as a key and arguments, for a window in another language.
    step: crate::action::StepName,
    inverse: Action,
}

/// What `Project::poll_outside_changes` found: another process committed to the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutsideChange {
    /// The undo and redo history was cleared because of it (it was not empty): undoing a step
    /// recorded before could take back the other process's change (docs/integrity.md).
    pub history_cleared: bool,
}

/// An open project: the store plus the session's undo/redo history.
#[derive(Debug)]
pub struct Project {
    store: Store,
    undo: Vec<HistoryEntry>,
    redo: Vec<HistoryEntry>,
    /// Another process's change cleared the history since `poll_outside_changes` last said so.
    cleared_unreported: bool,
    /// Who the audit trail names for this session's actions (`set_actor`).
    actor: String,
}

impl Project {
    /// Creates a new project file (refused if `path` exists).
    pub fn create(path: &Path, title: &str) -> Result<Project> {
        Ok(Project::with_store(Store::create(path, title)?))
    }

    /// Opens a project file (see `Store::open` for what is refused).
    pub fn open(path: &Path) -> Result<Project> {
        Ok(Project::with_store(Store::open(path)?))
    }

    fn with_store(store: Store) -> Project {
        Project { store, undo: Vec::new(), redo: Vec::new(), cleared_unreported: false, actor: default_coder() }
    }

    /// Creates a new project file encrypted with `key` (docs/integrity.md, "Encryption at rest").
    pub fn create_encrypted(path: &Path, title: &str, key: &crate::store::Passphrase) -> Result<Project> {
        Ok(Project::with_store(Store::create_keyed(path, title, Some(key))?))
    }

    /// `open`, with the passphrase of an encrypted project (a plain project does not need it).
    pub fn open_keyed(path: &Path, key: Option<&crate::store::Passphrase>) -> Result<Project> {
        Ok(Project::with_store(Store::open_keyed(path, key)?))
    }

    /// `open_for_reading`, with the passphrase of an encrypted project.
    pub fn open_for_reading_keyed(path: &Path, key: Option<&crate::store::Passphrase>) -> Result<Project> {
        Ok(Project::with_store(Store::open_for_reading_keyed(path, key)?))
    }

    /// The passphrase of an encrypted project (to list and restore its backups), else `None`.
    pub fn passphrase(&self) -> Option<&crate::store::Passphrase> {
        self.store.passphrase()
    }

    /// Whether the project file is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.store.is_encrypted()
    }

    /// Encrypts the project with `to`, changes its passphrase to `to`, or (`None`) removes its
    /// encryption, replacing the file atomically once the new one is checked (see
    /// `Store::set_encryption`). The undo history stays: the rows are the same.
    /// The change is recorded in the audit trail of the converted file (kind `Encrypt`,
    /// `ChangePassphrase` or `Decrypt`), never the passphrase itself.
    pub fn set_encryption(&mut self, to: Option<&crate::store::Passphrase>) -> Result<()> {
        let (kind, summary) = match (self.is_encrypted(), to.is_some()) {
            (false, true) => ("Encrypt", "Encrypt the project"),
            (true, true) => ("ChangePassphrase", "Change the passphrase"),
            (true, false) => ("Decrypt", "Remove the encryption"),
            (false, false) => return Ok(()),
        };
        self.store.set_encryption(to)?;
        let entry = NewAuditEntry {
            at: crate::clock::now_rfc3339(),
            coder: self.actor.clone(),
            kind: kind.into(),
            summary: summary.into(),
            counts: String::new(),
            entities: Vec::new(),
        };
        Ok(self.store.write(|w| w.append_audit(&entry).map(|_| ()))?)
    }

    /// Closes the project, leaving a single file on disk. A note comes back when that last
    /// step failed (a full disk): nothing is lost, the committed changes wait in the `-wal` file.
    pub fn close(self) -> Result<Option<String>> {
        Ok(self.store.close()?)
    }

    /// Opens a project for reading only: nothing is locked or written; every write is refused.
    pub fn open_for_reading(path: &Path) -> Result<Project> {
        Ok(Project::with_store(Store::open_for_reading(path)?))
    }

    /// Copies what can still be read (sources whose text is intact, codes, codings, cases,
    /// participants, memos...) into a new project at `to`: the way out of a damaged project.
    pub fn save_readable_copy(&self, to: &Path) -> Result<crate::store::ReadableCopy> {
        Ok(self.store.save_readable_copy(to)?)
    }

    /// Whether the project may be written, and if not, why (damaged, or read-only).
    pub fn access(&self) -> &crate::store::Access {
        self.store.access()
    }

    /// Runs what the first write of this process must check (the header; the full check when
    /// none passed in the last hour) without writing: `Ok(())` when a write may follow.
    pub fn ready_to_write(&mut self) -> Result<()> {
        Ok(self.store.ready_to_write()?)
    }

    /// Runs the full soundness check now instead of before the first write (the window does
    /// this in the background): `Ok(())` when sound; otherwise the project is now read-only and
    /// the error says why.
    pub fn verify(&mut self) -> Result<()> {
        Ok(self.store.verify()?)
    }

    /// The full soundness check, to run on a worker thread (`BackgroundCheck::run`), when the
    /// first write would otherwise run it; `None` when none is due. The first write waits for
    /// its verdict; [`Project::checking`] says whether it is still running.
    pub fn background_check(&mut self) -> Option<crate::store::BackgroundCheck> {
        self.store.background_check()
    }

    /// Whether a background check is still running. A verdict that came in is taken in: a
    /// failure makes the project read-only (`access` says why).
    pub fn checking(&mut self) -> bool {
        self.store.checking()
    }

    /// How long a write waits for another process's write to end before it is refused
    /// (`ErrorKind::Locked`, naming the file); `store::busy_timeout()` by default.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        Ok(self.store.set_busy_timeout(wait)?)
    }

    /// Whether another process committed to the project since this one last looked (one cheap
    /// query; a window runs it every few frames and refreshes its views on `Some`). Its change
    /// clears the undo and redo history (docs/integrity.md, "Several processes"): a step
    /// recorded before could otherwise take back what the other process did.
    pub fn poll_outside_changes(&mut self) -> Result<Option<OutsideChange>> {
        self.store.changed_elsewhere()?;
        let changed = self.take_outside_change();
        let history_cleared = std::mem::take(&mut self.cleared_unreported);
        Ok((changed || history_cleared).then_some(OutsideChange { history_cleared }))
    }

    /// Clears the history if another process's commit was seen since the last look.
    pub(crate) fn take_outside_change(&mut self) -> bool {
        if !self.store.take_outside_change() {
            return false;
        }
        if !self.undo.is_empty() || !self.redo.is_empty() {
            self.undo.clear();
            self.redo.clear();
            self.cleared_unreported = true;
        }
        true
    }

    /// How many queries the project has run since it was opened (reads, not writes): a window's
    /// tests check with it that drawing a frame reads nothing.
    pub fn reads(&self) -> u64 {
        self.store.reads()
    }

    /// The project file.
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Writes a copy of the project to a new file `to`; this project stays open here.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        Ok(self.store.save_copy(to)?)
    }

    /// The project's title.
    pub fn title(&self) -> Result<String> {
        Ok(self.store.read().project_info("title")?.unwrap_or_default())
    }

    /// Applies an action and records its inverse for undo; clears the redo stack.
    pub fn perform(&mut self, action: Action) -> Result<Outcome> {
        self.perform_observed(action, &mut |_, _| true)
    }

    /// `perform` for long work, off the window's thread: `observer` hears how far it is (rows
    /// done, rows in all) now and then and answers whether to go on; a `false` rolls the whole
    /// action back (`ErrorKind::Cancelled`) and the history is untouched. Still one transaction,
    /// one undo step.
    pub fn perform_observed(&mut self, action: Action, observer: &mut (dyn FnMut(usize, usize) -> bool + Send)) -> Result<Outcome> {
        let label = action.label();
        let step = action.step_name();
        let kind = audit::action_kind(&action);
        let outcome = self.apply_observed(action, observer, (kind, label.clone()));
        // The steps recorded before another process's change cannot be undone safely; this
        // one can (its inverse was computed after that change).
        self.take_outside_change();
        let outcome = outcome?;
        self.record(label, step, outcome.inverse.clone());
        Ok(outcome)
    }

    /// Puts an applied action's inverse on the undo stack; clears the redo stack.
    fn record(&mut self, label: String, step: crate::action::StepName, inverse: Action) {
        self.undo.push(HistoryEntry { label, step, inverse });
        self.redo.clear();
    }

    /// Undoes the last performed action; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.undo_observed(&mut |_, _| true)
    }

    /// `undo`, watched as `perform_observed` is; a cancelled undo leaves the step to undo.
    pub fn undo_observed(&mut self, observer: &mut (dyn FnMut(usize, usize) -> bool + Send)) -> Result<Option<String>> {
        let Some(entry) = self.undo.pop() else { return Ok(None) };
        match self.apply_history(entry.inverse.clone(), observer, ("Undo", format!("Undo: {}", entry.label))) {
            Ok(outcome) => {
                self.redo.push(HistoryEntry { label: entry.label.clone(), step: entry.step.clone(), inverse: outcome.inverse });
                Ok(Some(entry.label))
            }
            Err(e) => {
                self.undo.push(entry);
                Err(self.refused_step(e, "undone"))
            }
        }
    }

    /// Redoes the last undone action; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.redo_observed(&mut |_, _| true)
    }

    /// `redo`, watched as `perform_observed` is; a cancelled redo leaves the step to redo.
    pub fn redo_observed(&mut self, observer: &mut (dyn FnMut(usize, usize) -> bool + Send)) -> Result<Option<String>> {
        let Some(entry) = self.redo.pop() else { return Ok(None) };
        match self.apply_history(entry.inverse.clone(), observer, ("Redo", format!("Redo: {}", entry.label))) {
            Ok(outcome) => {
                self.undo.push(HistoryEntry { label: entry.label.clone(), step: entry.step.clone(), inverse: outcome.inverse });
                Ok(Some(entry.label))
            }
            Err(e) => {
                self.redo.push(entry);
                Err(self.refused_step(e, "redone"))
            }
        }
    }

    /// An undo or redo that failed: when another process had changed the project, the whole
    /// history is cleared and the message says why nothing was done.
    fn refused_step(&mut self, e: crate::Error, done: &str) -> crate::Error {
        let crate::Error::Store(crate::store::StoreError::ChangedElsewhere { .. }) = &e else { return e };
        let label = if done == "undone" { self.undo.last() } else { self.redo.last() }.map(|s| s.label.clone()).unwrap_or_default();
        self.take_outside_change();
        self.undo.clear();
        self.redo.clear();
        self.cleared_unreported = true;
        crate::Error::conflict(format!(
            "\"{label}\" was not {done}: \"{}\" was changed by another Thicket process since, and this step could take back their change. The undo history was cleared; nothing was changed",
            self.store.path().display()
        ))
    }

    /// About how many rows undoing (`redo` false) or redoing the next step writes (`Action::rows`).
    pub fn history_rows(&self, redo: bool) -> usize {
        let stack = if redo { &self.redo } else { &self.undo };
        stack.last().map_or(0, |e| e.inverse.rows())
    }

    /// Label of the action `undo` would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// Label of the action `redo` would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// The step `undo` would undo, as a key and arguments (`undo_label` is its English name).
    pub fn undo_step(&self) -> Option<&crate::action::StepName> {
        self.undo.last().map(|e| &e.step)
    }

    /// The step `redo` would redo, as a key and arguments.
    pub fn redo_step(&self) -> Option<&crate::action::StepName> {
        self.redo.last().map(|e| &e.step)
    }

    /// The coder with this name, created (as an undoable action) if missing; a retired coder is
    /// refused (they are not offered for new work).
    pub fn ensure_coder(&mut self, name: &str) -> Result<CoderId> {
        if let Some(c) = self.coders()?.into_iter().find(|c| c.name == name) {
            if c.retired {
                return Err(crate::Error::invalid(format!("coder \"{name}\" is retired: bring them back first (thicket coder PROJECT unretire \"{name}\")")));
            }
            return Ok(c.id);
        }
        let outcome = self.perform(Action::CreateCoder { name: name.to_string() })?;
        outcome
            .created
            .coders
            .first()
            .copied()
            .ok_or_else(|| crate::Error::internal(format!("could not create coder \"{name}\"")))
    }
}

/// The coder name used when none was chosen (no `--coder`): `$THICKET_CODER`, else the login
/// name, else "coder". The CLI uses it; the window never does silently: it asks, pre-filling
/// [`suggested_coder`], and keeps the answer in its preferences.
pub fn default_coder() -> String {
    suggested_coder().unwrap_or_else(|| "coder".to_string())
}

/// The name to propose for a coder: `$THICKET_CODER`, else the login name (`$USER`,
/// `$USERNAME`, `$LOGNAME`), else, on Linux, the local account of the process's user in
/// `/etc/passwd` (a desktop session started without a login shell may set none of those). Only
/// local files are read: no lookup through the system's user directory, which may be a network
/// service.
pub fn suggested_coder() -> Option<String> {
    ["THICKET_CODER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
        .or_else(local_account)
}

/// The login name of this process's real user, from `/proc/self/status` and `/etc/passwd`.
fn local_account() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    account_of(&status, &passwd)
}

/// The name in `passwd` (lines `name:x:uid:…`) of the real uid on `status`'s `Uid:` line.
fn account_of(status: &str, passwd: &str) -> Option<String> {
    let uid = status.lines().find_map(|l| l.strip_prefix("Uid:"))?.split_whitespace().next()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?.trim();
        (fields.nth(1)? == uid && !name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(test)]
mod coder_tests {
    #[test]
    fn the_local_account_is_the_passwd_name_of_the_real_uid() {
        let status = "Name:\tthicket\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\n";
        let passwd = "root:x:0:0:root:/root:/bin/bash\nana:x:1001:1001:Ana Ruiz,,,:/home/ana:/bin/bash\n";
        assert_eq!(super::account_of(status, passwd).as_deref(), Some("ana"));
        assert_eq!(super::account_of("Uid:\t7\t7\t7\t7\n", passwd), None);
    }
}
