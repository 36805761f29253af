//! The project's rows as the analyses need them, loaded once per project state, without
//! stalling a frame.
//!
//! Loading is the slow part of an analysis at scale (every coding, and on request every turn or
//! every source text), so the views share one `AnalysisData`: it is reloaded only when the
//! project changes (its path or the app's generation) or when a view needs more than was loaded
//! (speakers, texts), and then with everything asked for so far.
//!
//! A load has two halves. The rows are read on the UI thread, because the project's one SQLite
//! connection is locked to it, but in pieces (`AnalysisLoader`): each frame reads for at most
//! [`READ_SLICE`] and then draws. Building the data from the rows (attributing codings to
//! speakers, indexing texts) needs no connection and runs on a worker (`jobs`). Until both are
//! done, [`DataCache::get`] answers [`Loaded::Loading`] and the view says so.
//!
//! The data is keyed on the app's content generation (`ThicketApp::content_generation`: the rows
//! are every coder's, and the views narrow them to the coders shown when they compute, so hiding a
//! coder or coding blind reads nothing again), which also moves on when another Thicket process
//! commits to the project (the app polls `PRAGMA data_version`, see `Project::poll_outside_changes`):
//! another process's change reloads it like one made here.
//!
//! Why not a second connection on a worker thread: the rows must be those of the state the
//! views show, which the UI thread's connection reads between two frames; a worker's connection
//! could see a later commit of another process half way through the views' refresh. Why not
//! lend the one connection to a worker: every panel reads through it after a change, and would
//! wait for the worker.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::jobs::{Cancel, Job, Jobs, Polled};
use thicket_core::analysis::{AnalysisData, AnalysisLoad};
use thicket_core::project::{AnalysisLoader, Project};

/// The longest a frame spends reading rows for the analyses.
pub const READ_SLICE: Duration = Duration::from_millis(6);

/// What the cache can give now.
pub enum Loaded {
    Ready(Arc<AnalysisData>),
    /// Still loading: how far (0 to 1), the flag that cancels the load, and whether rows are
    /// still being read (then the next frame must come to read the next piece).
    Loading(f32, Cancel, bool),
    Failed(String),
}

/// A load under way.
enum Pending {
    Reading(AnalysisLoader),
    Building(Job<AnalysisData>),
}

/// The shared, loaded data.
#[derive(Default)]
pub struct DataCache {
    key: Option<(PathBuf, u64)>,
    loaded: AnalysisLoad,
    data: Option<Arc<AnalysisData>>,
    /// The load under way, what it loads, and its Cancel flag (set from the view's Cancel button).
    pending: Option<(AnalysisLoad, Pending, Cancel)>,
    /// A load that failed for this key, so that it is not retried every frame.
    failed: Option<(AnalysisLoad, String)>,
    /// How many loads were started (kept across keys): what tests count.
    loads: u64,
}

impl DataCache {
    /// How many times the rows have been read from the project since the window opened.
    pub fn loads(&self) -> u64 {
        self.loads
    }

    /// The data of `project` at `generation` with at least what `need` asks for, or how far its
    /// load is (this frame read the next piece).
    pub fn get(&mut self, project: &Project, generation: u64, need: AnalysisLoad, jobs: &Jobs) -> Loaded {
        let key = (project.path().to_path_buf(), generation);
        if self.key.as_ref() != Some(&key) {
            let _p = crate::phases::phase("analysis: drop the previous data");
            *self = DataCache { key: Some(key), loads: self.loads, ..Default::default() };
        }
        let covers = |have: AnalysisLoad| (have.speakers || !need.speakers) && (have.texts || !need.texts);
        if let Some(data) = &self.data
            && covers(self.loaded)
        {
            return Loaded::Ready(Arc::clone(data));
        }
        if let Some((load, e)) = &self.failed
            && covers(*load)
        {
            return Loaded::Failed(e.clone());
        }
        if self.pending.as_ref().is_some_and(|(_, _, cancel)| cancel.is_cancelled()) {
            self.pending = None;
            return Loaded::Failed(t!("analysis-cancelled").into());
        }
        let want = AnalysisLoad { speakers: self.loaded.speakers || need.speakers, texts: self.loaded.texts || need.texts };
        if !self.pending.as_ref().is_some_and(|(load, _, _)| covers(*load)) {
            self.pending = Some((want, Pending::Reading(AnalysisLoader::new(want)), Cancel::new()));
            self.loads += 1;
        }
        self.advance(project, generation, jobs)
    }

    /// Reads the next piece, or starts or polls the build.
    fn advance(&mut self, project: &Project, generation: u64, jobs: &Jobs) -> Loaded {
        let Some((load, pending, cancel)) = self.pending.take() else { return Loaded::Failed(t!("analysis-nothing-to-load").into()) };
        let _p = crate::phases::phase("analysis: read rows (slice) or poll the build");
        let next = match pending {
            // This frame's share of sliced work is spent: the next piece waits a frame.
            Pending::Reading(loader) if jobs.frame_spent() => Pending::Reading(loader),
            Pending::Reading(mut loader) => match crate::phases::timed(if loader.progress() == 0.0 { "analysis: first piece (small tables)" } else { "analysis: a slice of rows" }, || loader.step(project, jobs.slice(READ_SLICE))) {
                Err(e) => return self.fail(load, e.to_string()),
                Ok(false) => Pending::Reading(loader),
                Ok(true) => Pending::Building(jobs.spawn("analysis data", generation, move |_| loader.finish().build())),
            },
            building => building,
        };
        let next = match next {
            Pending::Building(mut job) => match job.poll() {
                Polled::Done(data) => {
                    let data = Arc::new(data);
                    self.loaded = load;
                    self.data = Some(Arc::clone(&data));
                    return Loaded::Ready(data);
                }
                Polled::Lost(e) => return self.fail(load, e),
                Polled::Running => Pending::Building(job),
            },
            reading => reading,
        };
        let progress = match &next {
            // Reading is most of the wait; building the rest.
            Pending::Reading(loader) => 0.8 * loader.progress(),
            Pending::Building(_) => 0.9,
        };
        let reading = matches!(next, Pending::Reading(_));
        self.pending = Some((load, next, cancel.clone()));
        Loaded::Loading(progress, cancel, reading)
    }

    fn fail(&mut self, load: AnalysisLoad, e: String) -> Loaded {
        self.failed = Some((load, e.clone()));
        Loaded::Failed(e)
    }
}
