//! The audit trail's rows: who did what, when, to which entities (docs/integrity.md).

use serde::{Deserialize, Serialize};

/// The kind of an entity an audit row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditEntityKind {
    Source,
    Code,
    Coding,
    Case,
    Memo,
}

impl AuditEntityKind {
    /// The name stored in the file and shown in listings.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditEntityKind::Source => "source",
            AuditEntityKind::Code => "code",
            AuditEntityKind::Coding => "coding",
            AuditEntityKind::Case => "case",
            AuditEntityKind::Memo => "memo",
        }
    }

    /// The kind stored as `s`.
    pub fn parse(s: &str) -> Option<AuditEntityKind> {
        [Self::Source, Self::Code, Self::Coding, Self::Case, Self::Memo].into_iter().find(|k| k.as_str() == s)
    }
}

/// An entity an action touched, with its name at the time (empty for a coding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntity {
    pub kind: AuditEntityKind,
    pub id: i64,
    pub name: String,
}

/// One row of the audit trail, as it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAuditEntry {
    /// RFC 3339, UTC.
    pub at: String,
    pub coder: String,
    /// The action's kind (`AddCodings`, `Remove`...), or `Undo` / `Redo`.
    pub kind: String,
    /// The action's label ("Apply code"), or "Undo: Apply code".
    pub summary: String,
    /// How many entities of each kind it touched, e.g. "sources 3, codings 12".
    pub counts: String,
    /// What it touched (codings only when they are few: see `counts`).
    pub entities: Vec<AuditEntity>,
}

/// One row of the audit trail, as it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    #[serde(flatten)]
    pub entry: NewAuditEntry,
}

/// Which rows of the audit trail to read; every condition set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Rows that touched this entity.
    pub entity: Option<(AuditEntityKind, i64)>,
    pub coder: Option<String>,
    /// Rows at or after this time (an RFC 3339 time or a date `YYYY-MM-DD`, compared as text).
    pub since: Option<String>,
}
