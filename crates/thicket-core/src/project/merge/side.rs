//! One side of a merge, read whole: every row of every table a merge compares, from INTO (inside
//! the merge's transaction) or from FROM (its private copy).

use crate::error::Result;
use crate::model::*;
use crate::store::{CodingFilter, Reader};

/// Every row a merge compares, as plain data.
pub(super) struct Side {
    pub title: String,
    pub coders: Vec<Coder>,
    pub sources: Vec<Source>,
    pub cases: Vec<Case>,
    pub participants: Vec<Participant>,
    pub roles: Vec<Role>,
    pub codes: Vec<Code>,
    pub codings: Vec<Coding>,
    pub memos: Vec<Memo>,
    pub attributes: Vec<AttributeDef>,
    pub values: Vec<AttributeValue>,
    pub case_sources: Vec<(CaseId, SourceId)>,
    pub participant_cases: Vec<(ParticipantId, CaseId)>,
    pub source_participants: Vec<(SourceId, ParticipantId)>,
    pub turns: Vec<Turn>,
    pub frameworks: Vec<FrameworkMatrix>,
    pub pseudonyms: Vec<Pseudonym>,
}

impl Side {
    /// Reads everything but source texts (read only for the sources that come in).
    pub fn load(r: &Reader<'_>) -> Result<Side> {
        let mut frameworks = Vec::new();
        for f in r.frameworks()? {
            if let Some(m) = r.framework(f.id)? {
                frameworks.push(m);
            }
        }
        Ok(Side {
            title: r.project_info("title")?.unwrap_or_default(),
            coders: r.coders()?,
            sources: r.sources()?,
            cases: r.cases()?,
            participants: r.participants()?,
            roles: r.roles()?,
            codes: r.codes()?,
            codings: r.codings(&CodingFilter::default())?,
            memos: r.memos()?,
            attributes: r.attributes()?,
            values: r.attribute_values()?,
            case_sources: r.case_sources()?,
            participant_cases: r.participant_cases()?,
            source_participants: r.source_participants()?,
            turns: r.all_turns()?,
            frameworks,
            pseudonyms: r.pseudonyms()?,
        })
    }

    pub fn source_name(&self, id: SourceId) -> String {
        self.sources.iter().find(|s| s.id == id).map_or_else(|| format!("source {id}"), |s| s.name.clone())
    }

    pub fn case_name(&self, id: CaseId) -> String {
        self.cases.iter().find(|c| c.id == id).map_or_else(|| format!("case {id}"), |c| c.name.clone())
    }

    pub fn participant_name(&self, id: ParticipantId) -> String {
        self.participants.iter().find(|p| p.id == id).map_or_else(|| format!("participant {id}"), |p| p.name.clone())
    }
}
