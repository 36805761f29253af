//! Typed integer ids, so a `CodeId` can never be passed where a `SourceId` is meant.

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

typed_id!(
    /// A source (an imported document).
    SourceId,
    /// A case: a unit of the study, such as a family.
    CaseId,
    /// A participant (stakeholder).
    ParticipantId,
    /// A speaker turn inside a source.
    TurnId,
    /// A code in the codebook tree.
    CodeId,
    /// A coding: a span of a source marked with a code.
    CodingId,
    /// A coder: a named user of the project.
    CoderId,
    /// A memo.
    MemoId,
    /// An attribute definition (a typed variable on cases, participants or sources).
    AttributeId,
    /// A framework matrix: cases × codes with a summary in each cell.
    FrameworkId,
    /// An entry of the pseudonymisation map.
    PseudonymId,
    /// A line of the export log.
    ExportRecordId,
);
