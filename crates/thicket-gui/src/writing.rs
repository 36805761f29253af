//! Long changes written off the window's thread: an autocode run of 90,000 codings, its undo, a
//! merge of a much-used code. Each is still one action in one transaction and one undo step;
//! only the thread changes.
//!
//! The project's SQLite connection cannot be shared between threads, but it can move: the app
//! lends its `Project` to a worker (`Jobs::lend`), which performs the action and hands it back.
//! Meanwhile the window goes on painting from what it has already read (the listings, the
//! document, the analysis results), holds the commands the user gives until the project is
//! back, and shows what is being written, how far it is and a Cancel button over everything
//! (a modal, so nothing else can be asked for). Cancel rolls the transaction back: the project
//! and its history are as before. The action is reported done only once committed.
//!
//! Small changes (a coding, a rename) stay on the window's thread, where they take a few
//! milliseconds: lending would cost a frame or two of the panels that read the project.

use thicket_core::Action;
use thicket_core::error::{ErrorKind, Result};
use thicket_core::project::Project;

use crate::jobs::{Cancel, Job, Jobs, Polled};

/// Rows (`Action::rows`) from which a change is written off the window's thread.
pub const LONG_WRITE: usize = 1_000;

/// Work that needs the whole project for a while without changing its coding (a report read
/// and written to a file; it may add a line to the export log), done on the worker.
pub type Task = Box<dyn FnOnce(&mut Project, &Cancel) -> Result<()> + Send>;

/// What a lent project is asked to do.
pub enum Write {
    Perform(Box<Action>),
    /// An autocode plan's codings, for this coder: the action (90,000 codings for a common
    /// word) is built on the worker too.
    Autocode(std::sync::Arc<thicket_core::project::AutocodePlan>, thicket_core::model::CoderId),
    Undo,
    Redo,
    /// A long read (a report) that writes the file at this path (said as "Writing PATH…", then
    /// "Wrote PATH").
    Task(String, Task),
    /// Merge the projects at these paths into this one (or, with `dry_run`, only plan it): each
    /// is opened on the worker (copied aside first, so it is never written); the outcome, or
    /// what stopped it, goes to `outcome` for the merge dialog.
    Merge { from: Vec<std::path::PathBuf>, options: thicket_core::project::MergeOptions, outcome: MergeSlot },
}

/// Where a merge run on the worker leaves its outcome (or its error, as the user reads it).
pub type MergeSlot = std::sync::Arc<std::sync::Mutex<Option<std::result::Result<thicket_core::project::MergeOutcome, String>>>>;

impl std::fmt::Debug for Write {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Write::Perform(action) => f.debug_tuple("Perform").field(action).finish(),
            Write::Autocode(_, coder) => f.debug_tuple("Autocode").field(coder).finish(),
            Write::Undo => f.write_str("Undo"),
            Write::Redo => f.write_str("Redo"),
            Write::Task(label, _) => f.debug_tuple("Task").field(label).finish(),
            Write::Merge { from, options, .. } => f.debug_struct("Merge").field("from", from).field("options", options).finish(),
        }
    }
}

/// What a write found, with the project it was lent.
pub struct Written {
    pub project: Project,
    /// `Ok` when committed; a cancelled write is an error of kind `Cancelled`.
    pub result: Result<()>,
    /// Whether the coding may have changed (not for a `Task`), so what depends on it is read again.
    pub changed: bool,
}

/// A write under way on a worker.
pub struct Writing {
    /// What the modal says ("Applying 92,459 codings…").
    pub what: String,
    /// What the status bar says when a task has written its file ("Wrote PATH").
    pub done: Option<String>,
    job: Job<Written>,
}

impl Writing {
    /// Lends `project` to a worker that performs `write`.
    pub fn start(jobs: &Jobs, generation: u64, project: Project, write: Write, what: String) -> Writing {
        let done = match &write {
            Write::Task(path, _) => Some(t!("app-wrote-file", path = path.as_str())),
            _ => None,
        };
        let job = jobs.lend("write", generation, move |cancel: &Cancel| {
            let mut project = project;
            let mut observe = |done: usize, total: usize| {
                cancel.set_progress(done as f32 / total.max(1) as f32);
                !cancel.is_cancelled()
            };
            let changed = !matches!(write, Write::Task(..));
            let result = match write {
                Write::Perform(action) => project.perform_observed(*action, &mut observe).map(drop),
                Write::Autocode(plan, coder) => match plan.action(coder) {
                    Some(action) => project.perform_observed(action, &mut observe).map(drop),
                    None => Ok(()),
                },
                Write::Undo => project.undo_observed(&mut observe).map(drop),
                Write::Redo => project.redo_observed(&mut observe).map(drop),
                Write::Task(_, task) => task(&mut project, cancel),
                Write::Merge { from, options, outcome } => {
                    // An encrypted FROM is opened with this project's passphrase (a team's projects
                    // usually share one); another passphrase is refused, naming the file.
                    let key = project.passphrase().cloned();
                    let merged = from
                        .iter()
                        .map(|p| thicket_core::project::MergeSource::open_keyed(p, key.as_ref()))
                        .collect::<Result<Vec<_>>>()
                        .and_then(|sources| project.merge(&sources, options, &mut observe));
                    let cancelled = matches!(&merged, Err(e) if e.kind() == ErrorKind::Cancelled);
                    if let Ok(mut slot) = outcome.lock() {
                        *slot = Some(merged.map_err(|e| e.to_string()));
                    }
                    // A refused file is the dialog's to say; a cancel is said as for any write.
                    if cancelled { Err(thicket_core::Error::cancelled()) } else { Ok(()) }
                }
            };
            Written { project, result, changed }
        });
        Writing { what, done, job }
    }

    /// The project and the outcome once the write is over (`None` while it runs); an error when
    /// the worker stopped without giving the project back (it panicked: the project is gone).
    pub fn poll(&mut self) -> Option<std::result::Result<Written, String>> {
        match self.job.poll() {
            Polled::Done(written) => Some(Ok(written)),
            Polled::Running => None,
            Polled::Lost(e) => Some(Err(e)),
        }
    }

    /// Waits for the write to end (the window is closing).
    pub fn wait(self) -> Option<Written> {
        match self.job.wait() {
            Polled::Done(written) => Some(written),
            Polled::Running | Polled::Lost(_) => None,
        }
    }

    /// How far the write is, from 0 to 1.
    pub fn progress(&self) -> f32 {
        self.job.progress()
    }

    /// Asks the write to stop and roll back.
    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// Whether Cancel was pressed.
    pub fn is_cancelled(&self) -> bool {
        self.job.is_cancelled()
    }
}

/// What a finished write says to the user: nothing when it was committed, a notice when it was
/// cancelled, an error otherwise.
pub fn outcome_message(result: &Result<()>) -> Option<(bool, String)> {
    match result {
        Ok(()) => None,
        Err(e) if e.kind() == ErrorKind::Cancelled => Some((false, t!("app-cancelled-nothing-changed").into())),
        Err(e) => Some((true, e.to_string())),
    }
}

/// The modal over the window while a write runs: what, how far, and Cancel.
pub fn show(ctx: &egui::Context, writing: &Writing) {
    egui::Modal::new(egui::Id::unique("thicket_writing")).show(ctx, |ui| {
        ui.set_width(320.0);
        ui.label(&writing.what);
        ui.add(egui::ProgressBar::new(writing.progress()).show_percentage());
        if writing.is_cancelled() {
            ui.weak(t!("app-cancelling"));
        } else if ui.button(t!("app-cancel")).clicked() {
            writing.cancel();
        }
    });
    // The worker asks for a frame when it ends; the bar moves meanwhile.
    ctx.request_repaint_after(std::time::Duration::from_millis(50));
}
