//! The excerpt dialog's background work: one [`Task`] per preview or export, carried forward a
//! little each frame.
//!
//! The project's connection stays on the UI thread (see `jobs.rs`), so what is read from it is
//! read in pieces within a frame's budget, and what needs no connection runs on a worker `Job`:
//!
//! ```text
//!  (a query)  AnalysisLoader ─pieces─▶ rows ─worker: query_ids─▶ codings ─┐
//!  (codes)  ──────────────────────────────────────────────────────────────┴▶ ExcerptRun ─pieces─▶
//!            ─worker: group and sort (preview: keep the first excerpts; export: render, write
//!             a partial file, rename)─▶ Finished
//! ```
//!
//! Cancelling drops the task; a worker that is writing sees the flag before the rename and
//! removes its partial file, so a cancelled export leaves no file.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use thicket_core::export::excerpts::{self, ExcerptFormat, ExcerptOptions, ExcerptRun, Excerpts, Selection};
use thicket_core::model::{Codebook, CodingId};
use thicket_core::export::Pseudonymise;
use thicket_core::project::{AnalysisLoader, Project};
use thicket_core::text::PseudonymMap;

use crate::jobs::{Job, Jobs, Polled};

/// Excerpts the preview shows.
pub const PREVIEW_EXCERPTS: usize = 5;

/// Time a frame may spend reading (a piece that starts within it may end a few ms later).
pub const READ_SLICE: Duration = Duration::from_millis(6);

/// What a task is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Preview,
    Export { path: PathBuf, format: ExcerptFormat },
}

/// What a finished task gives.
pub enum Finished {
    /// The first excerpts as they will appear (`total` is every excerpt's count).
    Preview(Box<Excerpts>),
    /// The file was written.
    Written { path: PathBuf, count: usize },
}

/// What a frame's work on a task came to.
pub enum Advance {
    Running,
    Done(Finished),
    Failed(String),
}

enum Stage {
    /// Reading the rows a Boolean query is evaluated on.
    Query(Box<AnalysisLoader>),
    /// Evaluating the query on a worker.
    Evaluate(Job<Result<HashSet<CodingId>, String>>),
    /// Reading and building the excerpts, a few sources per frame.
    Read(Box<ExcerptRun>),
    /// Grouping, sorting (and writing) on a worker.
    Finish(Job<Result<Finished, String>>),
    /// Between stages (never seen by a frame).
    Moving,
}

/// A preview or an export under way.
pub struct Task {
    pub purpose: Purpose,
    /// The project generation it reads.
    pub generation: u64,
    selection: Selection,
    options: ExcerptOptions,
    stage: Stage,
    /// How far, from 0 to 1.
    pub progress: f32,
    /// Whether a query is evaluated first (its stages count for part of the progress).
    query: bool,
    /// The project's pseudonym map, when the export is pseudonymised.
    pub map: Option<PseudonymMap>,
}

impl Task {
    /// Starts reading: checks the names and, for a query, what it needs loaded.
    pub fn start(project: &Project, codebook: &Codebook, purpose: Purpose, selection: Selection, options: ExcerptOptions, generation: u64, map: Option<PseudonymMap>) -> Result<Task, String> {
        let load = excerpts::query_load(codebook, &selection).map_err(|e| e.to_string())?;
        let stage = match load {
            Some(load) => {
                excerpts::check(project, &selection).map_err(|e| e.to_string())?;
                Stage::Query(Box::new(AnalysisLoader::new(load)))
            }
            None => Stage::Read(Box::new(ExcerptRun::new(project, &selection, &options, None).map_err(|e| e.to_string())?)),
        };
        let query = load.is_some();
        Ok(Task { purpose, generation, selection, options, stage, progress: 0.0, query, map })
    }

    /// Reads a slice (within `budget`) or looks whether the worker is done.
    pub fn advance(&mut self, project: &Project, jobs: &Jobs, budget: Duration) -> Advance {
        match self.step(project, jobs, budget) {
            Ok(Some(done)) => Advance::Done(done),
            Ok(None) => Advance::Running,
            Err(e) => Advance::Failed(e),
        }
    }

    fn step(&mut self, project: &Project, jobs: &Jobs, budget: Duration) -> Result<Option<Finished>, String> {
        let read_share = if self.query { (0.3, 0.6) } else { (0.0, 0.9) };
        match std::mem::replace(&mut self.stage, Stage::Moving) {
            Stage::Query(mut loader) => {
                let done = loader.step(project, budget).map_err(|e| e.to_string())?;
                self.progress = 0.25 * loader.progress();
                self.stage = if done {
                    let selection = self.selection.clone();
                    let rows = loader.finish();
                    Stage::Evaluate(jobs.spawn("excerpt query", self.generation, move |_| excerpts::query_ids(rows.build(), &selection).map_err(|e| e.to_string())))
                } else {
                    Stage::Query(loader)
                };
            }
            Stage::Evaluate(mut job) => match job.poll() {
                Polled::Running => self.stage = Stage::Evaluate(job),
                Polled::Lost(e) => return Err(e),
                Polled::Done(ids) => {
                    let run = ExcerptRun::new(project, &self.selection, &self.options, Some(ids?)).map_err(|e| e.to_string())?;
                    self.progress = read_share.0;
                    self.stage = Stage::Read(Box::new(run));
                }
            },
            Stage::Read(mut run) => {
                let done = run.step(project, budget).map_err(|e| e.to_string())?;
                self.progress = read_share.0 + read_share.1 * run.progress();
                self.stage = if done { Stage::Finish(self.finish(jobs, run)) } else { Stage::Read(run) };
            }
            Stage::Finish(mut job) => match job.poll() {
                Polled::Running => {
                    self.progress = 0.9 + 0.1 * job.progress();
                    self.stage = Stage::Finish(job);
                }
                Polled::Lost(e) => return Err(e),
                Polled::Done(done) => return done.map(Some),
            },
            Stage::Moving => return Err("the export stopped unexpectedly".into()),
        }
        Ok(None)
    }

    /// The worker that groups and sorts the excerpts, then keeps the preview's or writes the file.
    fn finish(&self, jobs: &Jobs, run: Box<ExcerptRun>) -> Job<Result<Finished, String>> {
        let purpose = self.purpose.clone();
        let map = self.map.clone();
        jobs.spawn("excerpt export", self.generation, move |cancel| {
            let mut built = run.finish();
            // Before the preview and the writers, so both show what leaves the project.
            if let Some(map) = &map {
                built.pseudonymise(map);
            }
            match purpose {
                Purpose::Preview => Ok(Finished::Preview(Box::new(first_excerpts(built, PREVIEW_EXCERPTS)))),
                Purpose::Export { path, format } => {
                    cancel.set_progress(0.3);
                    let bytes = format.render(&built).map_err(|e| e.to_string())?;
                    cancel.set_progress(0.7);
                    if cancel.is_cancelled() {
                        return Err("cancelled".into());
                    }
                    match excerpts::write_replacing(&path, &bytes, || !cancel.is_cancelled()) {
                        Ok(true) => Ok(Finished::Written { path, count: built.total }),
                        Ok(false) => Err("cancelled".into()),
                        Err(e) => Err(e.to_string()),
                    }
                }
            }
        })
    }

    /// Stops the worker, if one runs (dropping the task stops the rest).
    pub fn cancel(&self) {
        match &self.stage {
            Stage::Evaluate(job) => job.cancel(),
            Stage::Finish(job) => job.cancel(),
            _ => {}
        }
    }
}

/// The export cut to its first `n` excerpts, with their groups and sections (counts and the
/// total stay those of the whole export).
pub fn first_excerpts(mut built: Excerpts, n: usize) -> Excerpts {
    let mut left = n;
    built.groups.retain_mut(|group| {
        if left == 0 {
            return false;
        }
        group.sections.retain_mut(|section| {
            if left == 0 {
                return false;
            }
            section.excerpts.truncate(left);
            left -= section.excerpts.len();
            true
        });
        true
    });
    built
}
