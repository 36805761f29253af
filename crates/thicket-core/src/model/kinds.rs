//! Closed vocabularies stored as text: source kinds, memo targets, attribute types.

use serde::{Deserialize, Serialize};

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable text form used in the project file, the CLI and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// Parses the text form; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }

            /// The accepted text forms, for error messages.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// What kind of material a source is; triangulation compares kinds.
    SourceKind {
        /// An in-depth or session interview.
        Interview = "interview",
        /// A focus group, often multi-stakeholder.
        FocusGroup = "focus_group",
        /// Observation notes of a session or visit.
        Observation = "observation",
        /// The researcher's field notes.
        FieldNote = "field_note",
        /// A file written by the agency.
        CaseFile = "case_file",
        /// Any other document.
        Document = "document",
    }
);

impl SourceKind {
    /// A human label, e.g. "Focus group".
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Interview => "Interview",
            SourceKind::FocusGroup => "Focus group",
            SourceKind::Observation => "Observation",
            SourceKind::FieldNote => "Field note",
            SourceKind::CaseFile => "Case file",
            SourceKind::Document => "Document",
        }
    }
}

text_enum!(
    /// Which entities an attribute applies to.
    AttributeTarget {
        /// Cases.
        Case = "case",
        /// Participants.
        Participant = "participant",
        /// Sources.
        Source = "source",
    }
);

text_enum!(
    /// The type of an attribute's values.
    AttributeType {
        /// Free text.
        Text = "text",
        /// A number.
        Number = "number",
        /// A date, YYYY-MM-DD.
        Date = "date",
        /// One of a fixed list of categories.
        Category = "category",
    }
);

text_enum!(
    /// How an entry of the pseudonymisation map treats letter case.
    CaseMode {
        /// Matches in any case and gives the replacement the matched text's casing pattern
        /// ("DANA" → "ALEX", "dana" → "alex", "Dana" → "Alex").
        Keep = "keep",
        /// Matches only the original exactly as written; the replacement is used as written.
        Exact = "exact",
    }
);

text_enum!(
    /// Where an entry of the pseudonymisation map came from.
    PseudonymOrigin {
        /// A participant's name (pre-filled).
        Participant = "participant",
        /// A speaker label found in a source (pre-filled).
        Speaker = "speaker",
        /// Added by the researcher (a place, an agency, a nickname...).
        Added = "added",
    }
);
