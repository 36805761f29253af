//! What the panels show of the project on every frame — sources, cases, codebook, counts —
//! read once per change instead of once per frame. At the reference size (1,000 sources,
//! 200,000 codings) reading them takes about 30 ms, most of it counting codings per code: far
//! too slow to repeat 60 times a second, and too slow for the frame after a change too. So the
//! window reads them with a [`SummaryLoader`], a slice of each frame: the lists first, then the
//! counts one code over a range of sources at a time (a code of half a million codings would
//! take a quarter of a second at once), while the panels go on showing the previous summary for
//! those few frames.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use thicket_core::model::*;
use thicket_core::project::Project;

/// A snapshot of the project's listings, valid for one `generation`.
pub struct Summary {
    pub generation: u64,
    pub title: String,
    pub sources: Vec<Source>,
    pub cases: Vec<Case>,
    /// Source → names of its cases.
    pub cases_by_source: HashMap<SourceId, Vec<String>>,
    pub codebook: Codebook,
    /// Codings per code (not counting sub-codes).
    pub counts: HashMap<CodeId, usize>,
    pub coding_count: usize,
    pub coders: Vec<Coder>,
    pub roles: Vec<Role>,
}

impl Summary {
    /// Reads everything the panels list.
    pub fn load(project: &Project, generation: u64) -> thicket_core::Result<Summary> {
        let counts = project.coding_counts()?;
        Ok(Summary {
            generation,
            title: project.title()?,
            sources: project.sources()?,
            cases: project.cases()?,
            cases_by_source: project.cases_by_source()?,
            codebook: project.codebook()?,
            coding_count: counts.values().sum(),
            counts,
            coders: project.coders()?,
            roles: project.roles()?,
        })
    }
}

/// The longest a frame spends reading the listings.
pub const READ_SLICE: Duration = Duration::from_millis(6);

/// Sources per counting query: a code is counted over this many sources at a time, so that
/// a code with half a million codings is counted in pieces of a few thousand.
const SOURCES_PER_PIECE: usize = 100;

/// A summary being read, a slice of a frame at a time.
pub struct SummaryLoader {
    generation: u64,
    /// Everything but the counts, once read.
    partial: Option<Summary>,
    /// Code ids in ascending order, counted from `next` on.
    codes: Vec<CodeId>,
    next: usize,
    /// Ranges of source ids (first, last) that together hold every source; the code `next` is
    /// counted from range `next_sources` on.
    sources: Vec<(SourceId, SourceId)>,
    next_sources: usize,
    /// Whose codings are counted (the Team view, blind mode).
    coder_filter: crate::team::CoderFilter,
    /// The coders counted, once the lists are read; `None`: everyone.
    counted: Option<Vec<CoderId>>,
}

impl SummaryLoader {
    /// A read of the listings for `generation`.
    pub fn new(generation: u64) -> Self {
        SummaryLoader {
            generation,
            partial: None,
            codes: Vec::new(),
            next: 0,
            sources: Vec::new(),
            next_sources: 0,
            coder_filter: crate::team::CoderFilter::Everyone,
            counted: None,
        }
    }

    /// Counting only the codings `filter` lets through (the codebook's counts in blind mode).
    pub fn with_coders(mut self, filter: crate::team::CoderFilter) -> Self {
        self.coder_filter = filter;
        self
    }

    /// The generation being read.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Reads on until `budget` has passed (at least one piece); returns the summary once it is
    /// complete. The project must not change between steps (the app starts a new loader).
    pub fn step(&mut self, project: &Project, budget: Duration) -> thicket_core::Result<Option<Summary>> {
        let started = Instant::now();
        if self.partial.is_none() {
            let _p = crate::phases::phase("listings: the lists (first piece)");
            let codebook = project.codebook()?;
            let mut codes: Vec<CodeId> = codebook.walk().iter().map(|(_, c)| c.id).collect();
            codes.sort();
            self.codes = codes;
            let sources = project.sources()?;
            let mut ids: Vec<SourceId> = sources.iter().map(|s| s.id).collect();
            ids.sort();
            self.sources = ids.chunks(SOURCES_PER_PIECE).map(|c| (c[0], c[c.len() - 1])).collect();
            let coders = project.coders()?;
            self.counted = self.coder_filter.shown_ids(&coders);
            self.partial = Some(Summary {
                generation: self.generation,
                title: project.title()?,
                sources,
                cases: project.cases()?,
                cases_by_source: project.cases_by_source()?,
                codebook,
                counts: HashMap::new(),
                coding_count: 0,
                coders,
                roles: project.roles()?,
            });
            if started.elapsed() >= budget && !self.codes.is_empty() {
                return Ok(None);
            }
        }
        let Some(summary) = &mut self.partial else { return Ok(None) };
        // Without a budget (a held window, in tests), a step counts 16 codes over all sources.
        let least = if budget.is_zero() { 16 * self.sources.len().max(1) } else { 1 };
        let mut done = 0;
        while self.next < self.codes.len() {
            let code = self.codes[self.next];
            if let Some(&(first, last)) = self.sources.get(self.next_sources) {
                let n = match &self.counted {
                    None => project.coding_count_in_sources(code, first, last)?,
                    Some(coders) => project.coding_count_in_sources_by(code, first, last, coders)?,
                };
                if n > 0 {
                    *summary.counts.entry(code).or_default() += n;
                    summary.coding_count += n;
                }
                self.next_sources += 1;
            }
            if self.next_sources >= self.sources.len() {
                self.next += 1;
                self.next_sources = 0;
            }
            done += 1;
            if done >= least && started.elapsed() >= budget {
                break;
            }
        }
        Ok(if self.next >= self.codes.len() { self.partial.take() } else { None })
    }
}
