//! The entities of a project, as plain data filled from the store.

use serde::{Deserialize, Serialize};

use super::{
    AttributeId, AttributeTarget, AttributeType, CaseId, CodeId, CoderId, CodingId, MemoId,
    ParticipantId, SourceId, SourceKind, TextSpan, TurnId,
};

/// An imported document. Its text lives apart (see `Project::source_text`) because it can be large.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub uuid: String,
    /// Unique within the project.
    pub name: String,
    pub kind: SourceKind,
    /// Session date, `YYYY-MM-DD`; orders sources in time within a case.
    pub date: Option<String>,
    /// Hex SHA-256 of the normalised text, to detect re-imports.
    pub text_hash: String,
    pub char_len: usize,
    pub word_count: usize,
    /// File name the text came from.
    pub original_name: String,
    /// Format it was read as, e.g. `txt`, `md`.
    pub original_format: String,
    /// Encoding it was decoded from.
    pub encoding: String,
    /// RFC 3339 UTC time of import.
    pub imported_at: String,
    /// Char offsets where pages start, for citing paginated originals.
    pub page_starts: Option<Vec<usize>>,
    /// The perspective the source carries, from the one who wrote it: `agency` for a case file,
    /// `researcher` for an observation note, or a role. Kept apart from the participants the
    /// source is about; `None` when not said.
    #[serde(default)]
    pub author: Option<String>,
    /// Media times at paragraph starts (timed transcripts such as subtitles), sorted by offset; empty when
    /// the original had none. Shown in the document margin and cited with segments.
    #[serde(default)]
    pub time_marks: Vec<TimeMark>,
}

/// A media time at a char offset of a source's text: where a paragraph of a timed transcript starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMark {
    /// Char offset into the source's text.
    pub at: usize,
    /// Milliseconds from the start of the recording.
    pub ms: u64,
}

/// A media time as transcripts and citations write it, always with hours: `00:01:19`.
pub fn format_media_time(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// The media time in force at char `ch`: the last mark at or before it.
pub fn time_at(marks: &[TimeMark], ch: usize) -> Option<u64> {
    let i = marks.partition_point(|m| m.at <= ch);
    i.checked_sub(1).and_then(|i| marks.get(i)).map(|m| m.ms)
}

/// A unit of the study, e.g. a family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub uuid: String,
    pub name: String,
    pub description: String,
}

/// A stakeholder: a person who speaks in, or is written about in, the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub uuid: String,
    /// Pseudonym, unique within the project; also the speaker label matched on import.
    pub name: String,
    /// Role name, e.g. `caregiver` (see `Project::roles`).
    pub role: Option<String>,
}

/// A role that participants can hold. Roles are user-defined; a new project has defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Stable key, e.g. `social_worker`.
    pub name: String,
    /// Human label, e.g. "Social worker".
    pub label: String,
}

/// A span of a source spoken by one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub id: TurnId,
    pub source_id: SourceId,
    pub participant_id: ParticipantId,
    pub span: TextSpan,
    /// Media time of the turn, when the transcript had timestamps.
    pub timestamp_ms: Option<u64>,
}

/// The written guidance that makes a code usable by a second coder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeDescription {
    pub definition: String,
    pub use_when: String,
    pub do_not_use_when: String,
    pub example: String,
}

impl CodeDescription {
    /// A description with only a definition.
    pub fn definition(text: impl Into<String>) -> Self {
        Self { definition: text.into(), ..Self::default() }
    }
}

/// A code in the codebook tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub id: CodeId,
    pub uuid: String,
    pub parent_id: Option<CodeId>,
    /// Name among its siblings; never contains `/`.
    pub name: String,
    /// `#RRGGBB`, upper case.
    pub color: String,
    pub description: CodeDescription,
    /// Position among siblings.
    pub sort_order: i64,
}

/// The exact coded text and a little context either side, so a coding can be re-anchored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// A span of a source marked with a code by a coder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub id: CodingId,
    pub uuid: String,
    pub source_id: SourceId,
    pub code_id: CodeId,
    pub coder_id: CoderId,
    pub span: TextSpan,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub memo: String,
    pub quote: QuoteSelector,
}

/// The keys of a coding without its quote and memo: what analyses need, cheap to load by the
/// hundred thousand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodingRef {
    pub id: CodingId,
    pub source_id: SourceId,
    pub code_id: CodeId,
    pub coder_id: CoderId,
    pub span: TextSpan,
}

/// A named user of the project; every coding and memo records one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coder {
    pub id: CoderId,
    pub uuid: String,
    pub name: String,
    pub created_at: String,
    /// `#RRGGBB`: the window marks this coder's stripes with it.
    #[serde(default)]
    pub color: String,
    /// Retired: keeps every coding and memo, but is not offered for new work.
    #[serde(default)]
    pub retired: bool,
}

/// A stretch of time a coder coded blind: seeing only their own codings (issue #13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindSession {
    pub id: i64,
    pub coder_id: CoderId,
    /// RFC 3339 UTC.
    pub started_at: String,
    /// When the coder left blind mode; `None` while the session is open, or when the window
    /// ended without leaving it (a crash): then `last_activity_at` is as far as it is known to
    /// have lasted.
    pub ended_at: Option<String>,
    /// The last change made while blind (the start, if none).
    pub last_activity_at: String,
}

impl BlindSession {
    /// Where the session ends for counting: its end, else its last activity.
    pub fn counted_end(&self) -> &str {
        self.ended_at.as_deref().unwrap_or(&self.last_activity_at)
    }
}

/// What a memo is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MemoTarget {
    /// The whole project.
    Project,
    /// A source, or a span of it.
    Source { id: SourceId, span: Option<TextSpan> },
    /// A code.
    Code { id: CodeId },
    /// A case.
    Case { id: CaseId },
    /// A participant.
    Participant { id: ParticipantId },
}

/// Free text attached to the project or to one of its entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memo {
    pub id: MemoId,
    pub uuid: String,
    pub target: MemoTarget,
    pub title: String,
    pub body: String,
    pub coder_id: CoderId,
    pub created_at: String,
    pub updated_at: String,
}

/// A typed variable defined on cases, participants or sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    pub id: AttributeId,
    pub uuid: String,
    pub name: String,
    pub applies_to: AttributeTarget,
    pub value_type: AttributeType,
    /// Allowed values when `value_type` is `Category`.
    pub categories: Vec<String>,
}

/// One attribute's value on one entity (the entity's integer id, of the kind the attribute applies to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeValue {
    pub attribute_id: AttributeId,
    pub entity_id: i64,
    pub value: String,
}
