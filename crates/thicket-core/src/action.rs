//! `Action`: every change a user can make, from the GUI and the CLI alike (DESIGN.md §2).
//!
//! `Project::apply` runs one action in one transaction and returns its inverse, itself an `Action`,
//! which is what undo applies. Insertions are undone by `Remove`; `Remove` is undone by `Restore`
//! of the rows it deleted (under their old ids), so every deletion, with everything that hung from
//! it, comes back exactly.

use serde::{Deserialize, Serialize};

use crate::model::*;
/// The id sets and row snapshots that `Remove` and `Restore` carry (they live in `model`, so the
/// store can fill them without naming actions).
pub use crate::model::{EntitySet, Snapshot};

/// A change to a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Import a batch of sources, creating the cases and participants they name if missing.
    ImportSources(Vec<NewSource>),
    /// Rename a source, or change its kind or date (the text never changes).
    UpdateSource { id: SourceId, name: String, kind: SourceKind, date: Option<String> },
    /// Create a case, optionally with sources.
    CreateCase { name: String, description: String, sources: Vec<SourceId> },
    /// Rename or re-describe a case.
    UpdateCase { id: CaseId, name: String, description: String },
    /// Put sources into a case.
    AssignSources { case: CaseId, sources: Vec<SourceId> },
    /// Take sources out of a case.
    UnassignSources { case: CaseId, sources: Vec<SourceId> },
    /// Create a participant.
    CreateParticipant { name: String, role: Option<String>, cases: Vec<CaseId> },
    /// Replace a participant's name, role and cases.
    UpdateParticipant { id: ParticipantId, name: String, role: Option<String>, cases: Vec<CaseId> },
    /// Create a coder.
    CreateCoder { name: String },
    /// Create a code under `parent` (or at the top).
    CreateCode { parent: Option<CodeId>, name: String, color: String, description: CodeDescription },
    /// Create a code and code these spans with it, as one step (in vivo, "new code from the
    /// selection"): undoing it removes the code and its codings together.
    CreateCodeAndApply {
        parent: Option<CodeId>,
        name: String,
        color: String,
        description: CodeDescription,
        coder: CoderId,
        spans: Vec<(SourceId, TextSpan)>,
    },
    /// Replace a code's name, parent, colour, description and position.
    UpdateCode {
        id: CodeId,
        parent: Option<CodeId>,
        name: String,
        color: String,
        description: CodeDescription,
        sort_order: i64,
    },
    /// Add codings (one, or a batch such as an autocode run).
    AddCodings(Vec<NewCoding>),
    /// Create a memo.
    CreateMemo { target: MemoTarget, title: String, body: String, coder: CoderId },
    /// Replace a memo's title and body.
    UpdateMemo { id: MemoId, title: String, body: String },
    /// Define an attribute.
    DefineAttribute {
        name: String,
        applies_to: AttributeTarget,
        value_type: AttributeType,
        categories: Vec<String>,
    },
    /// Set (or clear, with `None`) an attribute's value on an entity.
    SetAttribute { attribute: AttributeId, entity: i64, value: Option<String> },
    /// Give codings another code (how codes are merged).
    ReassignCodings { codings: Vec<CodingId>, to: CodeId },
    /// Change a coding's span (resizing its boundaries) or memo.
    UpdateCoding { id: CodingId, span: TextSpan, memo: String },
    /// Attribute turns to another speaker (how speakers are merged or corrected).
    ReassignTurns { turns: Vec<TurnId>, to: ParticipantId },
    /// Say which sources are about which participants (a source's own participants, who an
    /// observation note without turns is attributed to), or, with `linked: false`, take that back.
    LinkSourceParticipants { links: Vec<(SourceId, ParticipantId)>, linked: bool },
    /// Several actions as one step: one transaction, one undo.
    Batch { label: String, actions: Vec<Action> },
    /// Delete entities and everything that hangs from them (a code's sub-codes and codings, ...).
    Remove(EntitySet),
    /// Put back rows removed earlier, under their old ids.
    Restore(Box<Snapshot>),
}

impl Action {
    /// A short description for menus ("Undo Apply code") and logs.
    pub fn label(&self) -> String {
        match self {
            Action::ImportSources(s) if s.len() == 1 => format!("Import “{}”", s[0].name),
            Action::ImportSources(s) => format!("Import {} sources", s.len()),
            Action::UpdateSource { .. } => "Edit source".into(),
            Action::CreateCase { name, .. } => format!("Create case “{name}”"),
            Action::UpdateCase { .. } => "Edit case".into(),
            Action::AssignSources { .. } => "Assign sources to case".into(),
            Action::UnassignSources { .. } => "Remove sources from case".into(),
            Action::CreateParticipant { name, .. } => format!("Create participant “{name}”"),
            Action::UpdateParticipant { .. } => "Edit participant".into(),
            Action::CreateCoder { name } => format!("Create coder “{name}”"),
            Action::CreateCode { name, .. } => format!("Create code “{name}”"),
            Action::CreateCodeAndApply { name, .. } => format!("Code selection as new code “{name}”"),
            Action::UpdateCode { .. } => "Edit code".into(),
            Action::AddCodings(c) if c.len() == 1 => "Apply code".into(),
            Action::AddCodings(c) => format!("Apply {} codings", c.len()),
            Action::CreateMemo { .. } => "Create memo".into(),
            Action::UpdateMemo { .. } => "Edit memo".into(),
            Action::DefineAttribute { name, .. } => format!("Define attribute “{name}”"),
            Action::SetAttribute { .. } => "Set attribute".into(),
            Action::ReassignTurns { turns, .. } => format!("Reassign {} turns", turns.len()),
            Action::LinkSourceParticipants { links, linked: true } => format!("Link {} sources to participants", links.len()),
            Action::LinkSourceParticipants { links, linked: false } => format!("Unlink {} sources from participants", links.len()),
            Action::ReassignCodings { codings, .. } => format!("Recode {} codings", codings.len()),
            Action::UpdateCoding { .. } => "Edit coding".into(),
            Action::Batch { label, .. } => label.clone(),
            Action::Remove(set) => format!("Delete {}", set.describe()),
            Action::Restore(snapshot) => format!("Restore {}", snapshot.ids().describe()),
        }
    }
}

/// A source to import: normalised text plus what the importer and the user said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSource {
    /// Wanted name; made unique on import by appending " (2)", " (3)"...
    pub name: String,
    pub kind: SourceKind,
    /// Normalised text (see `text::normalize`).
    pub text: String,
    pub date: Option<String>,
    pub original_name: String,
    pub original_format: String,
    pub encoding: String,
    pub page_starts: Option<Vec<usize>>,
    /// Case names; missing cases are created.
    pub cases: Vec<String>,
    /// Names of participants the source is about when it has no turns; missing ones are created.
    pub participants: Vec<String>,
    /// Speaker turns; speakers are matched to participants by name, or created.
    pub turns: Vec<NewTurn>,
    /// Text attributes of the source (name, value), e.g. the other columns of a survey row;
    /// missing source attributes are defined.
    pub attributes: Vec<(String, String)>,
    /// Roles for participants this import creates (name, role); existing participants keep theirs.
    pub roles: Vec<(String, String)>,
}

/// A speaker turn of a source being imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTurn {
    pub speaker: String,
    pub span: TextSpan,
    pub timestamp_ms: Option<u64>,
}

/// A coding to add. The quote selector is computed from the text on apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCoding {
    pub source: SourceId,
    pub code: CodeId,
    pub coder: CoderId,
    pub span: TextSpan,
    pub memo: String,
}
