//! What the Cases, Participants and Attributes windows show, read once per change of the
//! project and only while one of them is open.
//!
//! These windows used to ask the project for their rows on every frame: a dozen queries 60 times
//! a second, for rows that change only when an action is applied. Like `Summary` for the side
//! panels, `WindowListings` is read when the app's generation moves on, and the windows draw
//! from it; they touch the project only when the user acts (a merge builds its action from it).

use std::collections::HashMap;

use thicket_core::model::*;
use thicket_core::project::{MemoMarks, Project};

/// The rows the data windows list, valid for one generation.
pub struct WindowListings {
    pub generation: u64,
    pub cases: Vec<Case>,
    /// Which sources belong to which cases.
    pub case_sources: Vec<(CaseId, SourceId)>,
    pub sources: Vec<Source>,
    pub participants: Vec<Participant>,
    /// Participant → names of their cases.
    pub cases_by_participant: HashMap<ParticipantId, Vec<String>>,
    pub roles: Vec<Role>,
    /// Turns spoken by each participant.
    pub turn_counts: HashMap<ParticipantId, usize>,
    pub attributes: Vec<AttributeDef>,
    pub attribute_values: Vec<AttributeValue>,
    /// Which entities have memos.
    pub marks: MemoMarks,
}

impl WindowListings {
    /// Reads everything the windows list.
    pub fn load(project: &Project, generation: u64) -> thicket_core::Result<WindowListings> {
        Ok(WindowListings {
            generation,
            cases: project.cases()?,
            case_sources: project.case_sources()?,
            sources: project.sources()?,
            participants: project.participants()?,
            cases_by_participant: project.cases_by_participant()?,
            roles: project.roles()?,
            turn_counts: project.turn_counts()?,
            attributes: project.attributes()?,
            attribute_values: project.attribute_values()?,
            marks: project.memo_marks()?,
        })
    }

    /// The rows (id, name) of the entities an attribute of `target` applies to.
    pub fn entity_rows(&self, target: AttributeTarget) -> Vec<(i64, String)> {
        match target {
            AttributeTarget::Case => self.cases.iter().map(|c| (c.id.0, c.name.clone())).collect(),
            AttributeTarget::Participant => self.participants.iter().map(|p| (p.id.0, p.name.clone())).collect(),
            AttributeTarget::Source => self.sources.iter().map(|s| (s.id.0, s.name.clone())).collect(),
        }
    }
}

/// The listings of `generation`, read again only when the project has changed since.
pub fn refreshed<'a>(cache: &'a mut Option<WindowListings>, project: &Project, generation: u64) -> thicket_core::Result<&'a WindowListings> {
    if cache.as_ref().is_none_or(|l| l.generation != generation) {
        *cache = Some(WindowListings::load(project, generation)?);
    }
    // Just filled when it was empty or stale.
    cache.as_ref().ok_or_else(|| thicket_core::Error::internal("window listings missing"))
}
