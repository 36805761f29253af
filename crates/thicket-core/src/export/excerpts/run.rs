//! An export read in pieces, for the window: the project's one connection stays on the UI thread,
//! so each [`ExcerptRun::step`] reads and builds the excerpts of a few sources within a time budget
//! and the next frame goes on; [`ExcerptRun::finish`] (grouping and sorting, no reads) runs on a
//! worker. A Boolean query is evaluated first, off the UI thread too: its rows are read with an
//! `AnalysisLoader` (`select::query_load`) and `select::query_ids` runs on a worker.
//!
//! The pieces are the same code as `select` and `build` run in one go, so the window's export is
//! the command line's file for the same choices.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::build::Builder;
use super::select::Picker;
use super::{ExcerptOptions, Excerpts, Selection};
use crate::error::Result;
use crate::model::CodingId;
use crate::project::Project;

/// Sources read and built per piece: two sources of the reference corpus (10,000 words and a few
/// hundred codings each) take about 4 ms.
const SOURCES_PER_PIECE: usize = 2;

/// An export being read.
#[derive(Debug)]
pub struct ExcerptRun {
    picker: Picker,
    builder: Builder,
    next: usize,
}

impl ExcerptRun {
    /// Checks the selection's names and reads the small tables. For a query selection, `ids` are
    /// the codings `query_ids` retrieved; `None` otherwise.
    pub fn new(project: &Project, selection: &Selection, options: &ExcerptOptions, ids: Option<HashSet<CodingId>>) -> Result<Self> {
        let picker = Picker::new(project, selection, ids)?;
        let builder = Builder::with_sources(picker.codebook().clone(), picker.all_sources(), options);
        Ok(ExcerptRun { picker, builder, next: 0 })
    }

    /// Reads and builds on until `budget` has passed (at least one piece); true once every source is read.
    pub fn step(&mut self, project: &Project, budget: Duration) -> Result<bool> {
        let started = Instant::now();
        let total = self.picker.sources().len();
        while self.next < total {
            let end = (self.next + SOURCES_PER_PIECE).min(total);
            let segments = self.picker.read(project, &self.picker.sources()[self.next..end])?;
            self.builder.add(project, segments)?;
            self.next = end;
            if started.elapsed() >= budget {
                break;
            }
        }
        Ok(self.next >= total)
    }

    /// How much is read, from 0 to 1.
    pub fn progress(&self) -> f32 {
        let total = self.picker.sources().len();
        if total == 0 { 1.0 } else { self.next as f32 / total as f32 }
    }

    /// Excerpts built so far.
    pub fn count(&self) -> usize {
        self.builder.len()
    }

    /// The export, grouped and sorted; reads nothing, so it may run on a worker.
    pub fn finish(self) -> Excerpts {
        self.builder.finish()
    }

    /// The export read in one go (the command line).
    pub fn to_end(mut self, project: &Project) -> Result<Excerpts> {
        while !self.step(project, Duration::MAX)? {}
        Ok(self.finish())
    }
}
