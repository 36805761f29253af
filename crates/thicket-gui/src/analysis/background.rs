//! A view's computation off the UI thread: every view asks for its result through
//! [`Ctx::run`], which loads the data in pieces (`DataCache`), then runs the view's own
//! computation on a worker (`jobs`), and hands the result back once it is there and still
//! describes the project (its generation) and the view's choices (its key).
//!
//! While either half is under way the view has no result to show: `Tab` draws what is being
//! done, how far it is, and a Cancel button ([`Busy`]) in its place.

use std::sync::Arc;

use super::Ctx;
use super::data_cache::Loaded;
use super::filters::{FilterRow, narrow, narrow_coders};
use crate::jobs::{Cancel, Job, Polled};
use thicket_core::analysis::{AnalysisData, AnalysisLoad};

/// A view's computation under way, for the choices in its key.
pub(super) struct Work<K, T> {
    job: Option<(K, Job<Result<T, String>>)>,
}

impl<K, T> Default for Work<K, T> {
    fn default() -> Self {
        Work { job: None }
    }
}

/// What a tab shows while its view waits.
pub(super) struct Busy {
    pub what: &'static str,
    pub progress: f32,
    pub cancel: Cancel,
    /// Work is done a piece per frame (reading rows), so the next frame must come at once;
    /// otherwise a worker asks for it when it ends.
    pub next_frame: bool,
}

/// What a view's computation gets: the loaded data and the flag to check now and then.
pub(super) type Compute<T> = Box<dyn FnOnce(Arc<AnalysisData>, &Cancel) -> Result<T, String> + Send>;

impl Ctx<'_> {
    /// The loaded data now, or `None` while it loads (the tab then shows how far).
    pub(super) fn data_now(&mut self, need: AnalysisLoad) -> Option<Result<Arc<AnalysisData>, String>> {
        match self.data.get(self.project, self.data_generation, need, self.jobs) {
            Loaded::Ready(data) => Some(Ok(data)),
            Loaded::Failed(e) => Some(Err(e)),
            Loaded::Loading(progress, cancel, reading) => {
                let what = if reading { t!("analysis-reading-project") } else { t!("analysis-preparing-data") };
                self.busy = Some(Busy { what, progress, cancel, next_frame: reading });
                None
            }
        }
    }

    /// `run` for a view with a filter row: the row learns the names it offers on the UI thread
    /// (before `on_data`), asks for what its filters need loaded, and the data is narrowed to its
    /// scope on the worker, before `compute` sees it.
    pub(super) fn run_filtered<K: PartialEq, T: Send + 'static>(
        &mut self,
        key: K,
        work: &mut Work<K, T>,
        filters: &mut FilterRow,
        need: AnalysisLoad,
        on_data: impl FnOnce(&AnalysisData),
        compute: Compute<T>,
    ) -> Option<Result<T, String>> {
        let (scope, need) = (filters.filters.scope(), filters.filters.load(need));
        let coders = self.coders.clone();
        let on_data = |data: &AnalysisData| {
            filters.learn(data, &coders);
            on_data(data);
        };
        self.run(key, work, need, on_data, Box::new(move |data, cancel| compute(narrow(data, &scope)?, cancel)))
    }

    /// The result of `compute` for `key` once it is there; `None` while the data loads or the
    /// computation runs. `on_data` sees the data on the UI thread first (for a view's pickers).
    /// A result for other choices or another generation is dropped, never returned.
    pub(super) fn run<K: PartialEq, T: Send + 'static>(
        &mut self,
        key: K,
        work: &mut Work<K, T>,
        need: AnalysisLoad,
        on_data: impl FnOnce(&AnalysisData),
        compute: Compute<T>,
    ) -> Option<Result<T, String>> {
        if work.job.as_ref().is_some_and(|(k, job)| *k != key || job.generation() != self.generation) {
            // Dropping a job cancels it.
            work.job = None;
        }
        if work.job.is_none() {
            let data = match self.data_now(need)? {
                Ok(data) => data,
                Err(e) => return Some(Err(e)),
            };
            on_data(&data);
            // The Team view's choice first: every view counts the same coders.
            let coders = self.coders.clone();
            let job = self.jobs.spawn("analysis", self.generation, move |cancel| compute(narrow_coders(data, &coders), cancel));
            work.job = Some((key, job));
        }
        let (_, job) = work.job.as_mut()?;
        match job.poll() {
            Polled::Done(outcome) => {
                work.job = None;
                Some(outcome)
            }
            Polled::Lost(_) if job.is_cancelled() => {
                work.job = None;
                Some(Err(t!("analysis-cancelled").into()))
            }
            Polled::Lost(e) => {
                work.job = None;
                Some(Err(e))
            }
            Polled::Running if job.is_cancelled() => {
                work.job = None;
                Some(Err(t!("analysis-cancelled").into()))
            }
            Polled::Running => {
                self.busy = Some(Busy { what: t!("analysis-computing"), progress: job.progress(), cancel: job.handle(), next_frame: false });
                None
            }
        }
    }
}
