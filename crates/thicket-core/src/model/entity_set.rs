//! Sets of entity ids and snapshots of rows: what an action created, what `Remove` deletes, and
//! what `Restore` puts back. They are plain data, so the store can fill them without knowing actions.

use serde::{Deserialize, Serialize};

use super::*;

/// Ids of entities, per table: what an action created, or what `Remove` deletes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitySet {
    pub sources: Vec<SourceId>,
    pub cases: Vec<CaseId>,
    pub participants: Vec<ParticipantId>,
    pub coders: Vec<CoderId>,
    pub codes: Vec<CodeId>,
    pub codings: Vec<CodingId>,
    pub memos: Vec<MemoId>,
    pub attributes: Vec<AttributeId>,
    /// Single links of a source to a case (deleting a source or case removes its links anyway).
    pub case_sources: Vec<(CaseId, SourceId)>,
    /// Single links of a participant to a case.
    pub participant_cases: Vec<(ParticipantId, CaseId)>,
    /// Framework matrices (with their columns, rows and cells).
    #[serde(default)]
    pub frameworks: Vec<FrameworkId>,
}

impl EntitySet {
    /// True when no entity is named.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.cases.is_empty()
            && self.participants.is_empty()
            && self.coders.is_empty()
            && self.codes.is_empty()
            && self.codings.is_empty()
            && self.memos.is_empty()
            && self.attributes.is_empty()
            && self.case_sources.is_empty()
            && self.participant_cases.is_empty()
            && self.frameworks.is_empty()
    }

    /// How many of each kind the set names, in `describe`'s order, leaving out kinds it has none
    /// of: (`source`, `case`, `participant`, `coder`, `code`, `coding`, `memo`, `attribute`,
    /// `framework`), so that a window can say it in its own language.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        [
            ("source", self.sources.len()),
            ("case", self.cases.len()),
            ("participant", self.participants.len()),
            ("coder", self.coders.len()),
            ("code", self.codes.len()),
            ("coding", self.codings.len()),
            ("memo", self.memos.len()),
            ("attribute", self.attributes.len()),
            ("framework", self.frameworks.len()),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
    }

    /// "2 codes, 14 codings", for labels and confirmations.
    pub fn describe(&self) -> String {
        let parts = [
            (self.sources.len(), "source", "sources"),
            (self.cases.len(), "case", "cases"),
            (self.participants.len(), "participant", "participants"),
            (self.coders.len(), "coder", "coders"),
            (self.codes.len(), "code", "codes"),
            (self.codings.len(), "coding", "codings"),
            (self.memos.len(), "memo", "memos"),
            (self.attributes.len(), "attribute", "attributes"),
            (self.frameworks.len(), "framework matrix", "framework matrices"),
        ];
        let text: Vec<String> = parts
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
            .collect();
        if !text.is_empty() {
            text.join(", ")
        } else if self.case_sources.is_empty() && self.participant_cases.is_empty() {
            "nothing".into()
        } else {
            "links".into()
        }
    }
}

/// Every row deleted by a `Remove`, so that `Restore` can put them back exactly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Sources with their text.
    pub sources: Vec<(Source, String)>,
    pub cases: Vec<Case>,
    pub participants: Vec<Participant>,
    pub coders: Vec<Coder>,
    pub codes: Vec<Code>,
    pub codings: Vec<Coding>,
    pub turns: Vec<Turn>,
    pub memos: Vec<Memo>,
    pub attributes: Vec<AttributeDef>,
    pub attribute_values: Vec<AttributeValue>,
    pub case_sources: Vec<(CaseId, SourceId)>,
    pub participant_cases: Vec<(ParticipantId, CaseId)>,
    pub source_participants: Vec<(SourceId, ParticipantId)>,
    /// Framework matrices deleted themselves (their columns, rows and cells are below).
    #[serde(default)]
    pub frameworks: Vec<Framework>,
    /// (matrix, code, position) of the columns deleted with a matrix or a code.
    #[serde(default)]
    pub framework_columns: Vec<(FrameworkId, CodeId, i64)>,
    /// (matrix, case, position) of the rows deleted with a matrix or a case.
    #[serde(default)]
    pub framework_rows: Vec<(FrameworkId, CaseId, i64)>,
    /// Summaries deleted with their matrix, case, code or coder.
    #[serde(default)]
    pub framework_cells: Vec<FrameworkCell>,
}

impl Snapshot {
    /// The primary entities held, as the `Remove` that would delete them again.
    pub fn ids(&self) -> EntitySet {
        EntitySet {
            sources: self.sources.iter().map(|(s, _)| s.id).collect(),
            cases: self.cases.iter().map(|c| c.id).collect(),
            participants: self.participants.iter().map(|p| p.id).collect(),
            coders: self.coders.iter().map(|c| c.id).collect(),
            codes: self.codes.iter().map(|c| c.id).collect(),
            codings: self.codings.iter().map(|c| c.id).collect(),
            memos: self.memos.iter().map(|m| m.id).collect(),
            attributes: self.attributes.iter().map(|a| a.id).collect(),
            case_sources: self.case_sources.clone(),
            participant_cases: self.participant_cases.clone(),
            frameworks: self.frameworks.iter().map(|f| f.id).collect(),
        }
    }
}
