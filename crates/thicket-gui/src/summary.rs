//! What the panels show of the project on every frame — sources, cases, codebook, counts —
//! read once per change instead of once per frame. At the reference size (1,000 sources,
//! 200,000 codings) reading them takes about 30 ms, most of it counting codings per code: far
//! too slow to repeat 60 times a second, and too slow for the frame after a change too. So the
//! window reads them with a [`SummaryLoader`], a slice of each frame: the lists first, then the
//! counts a range of codes at a time, while the panels go on showing the previous summary for
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

/// Codes counted per query.
const CODES_PER_PIECE: usize = 16;

/// A summary being read, a slice of a frame at a time.
pub struct SummaryLoader {
    generation: u64,
    /// Everything but the counts, once read.
    partial: Option<Summary>,
    /// Code ids in ascending order, counted from `next` on.
    codes: Vec<CodeId>,
    next: usize,
}

impl SummaryLoader {
    /// A read of the listings for `generation`.
    pub fn new(generation: u64) -> Self {
        SummaryLoader { generation, partial: None, codes: Vec::new(), next: 0 }
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
            self.partial = Some(Summary {
                generation: self.generation,
                title: project.title()?,
                sources: project.sources()?,
                cases: project.cases()?,
                cases_by_source: project.cases_by_source()?,
                codebook,
                counts: HashMap::new(),
                coding_count: 0,
                coders: project.coders()?,
                roles: project.roles()?,
            });
            if started.elapsed() >= budget && !self.codes.is_empty() {
                return Ok(None);
            }
        }
        let Some(summary) = &mut self.partial else { return Ok(None) };
        while self.next < self.codes.len() {
            let end = (self.next + CODES_PER_PIECE).min(self.codes.len());
            let counts = project.coding_counts_of_codes(self.codes[self.next], self.codes[end - 1])?;
            summary.coding_count += counts.values().sum::<usize>();
            summary.counts.extend(counts);
            self.next = end;
            if started.elapsed() >= budget {
                break;
            }
        }
        Ok(if self.next >= self.codes.len() { self.partial.take() } else { None })
    }
}
