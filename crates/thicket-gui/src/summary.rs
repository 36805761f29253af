//! What the panels show of the project on every frame — sources, cases, codebook, counts —
//! read once per change instead of once per frame. At the reference size (1,000 sources,
//! 200,000 codings) counting codings per code takes tens of milliseconds: far too slow to
//! repeat 60 times a second.

use std::collections::HashMap;

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
