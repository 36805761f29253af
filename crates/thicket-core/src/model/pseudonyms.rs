//! The pseudonymisation map (real names and strings, each with its replacement) and the export
//! log (which files were written, and whether with the map). The map is applied on the way out
//! only (`text::pseudonymise`, `export::pseudonymise`): the stored text never changes.

use serde::{Deserialize, Serialize};

use super::{CaseMode, ExportRecordId, PseudonymId, PseudonymOrigin};

/// One entry of the map, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pseudonym {
    pub id: PseudonymId,
    /// What the sources say: a name, a place, an agency ("Dana", "Dana Whitfield", "Eastfield").
    pub original: String,
    /// What exports say instead ("Caregiver 1").
    pub replacement: String,
    /// Match whole words only ("Dana" does not touch "Danaher"); off, inside words too.
    pub whole_word: bool,
    pub case: CaseMode,
    pub origin: PseudonymOrigin,
    /// Position in the researcher's list (listings are by it, then by id).
    pub sort_order: i64,
}

impl Pseudonym {
    /// The entry without its id (what an edit or a restore writes).
    pub fn fields(&self) -> NewPseudonym {
        NewPseudonym {
            original: self.original.clone(),
            replacement: self.replacement.clone(),
            whole_word: self.whole_word,
            case: self.case,
            origin: self.origin,
            sort_order: self.sort_order,
        }
    }
}

/// An entry to add, or an entry's new values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPseudonym {
    pub original: String,
    pub replacement: String,
    pub whole_word: bool,
    pub case: CaseMode,
    pub origin: PseudonymOrigin,
    /// Position in the list; negative on add means "after the last entry".
    pub sort_order: i64,
}

impl NewPseudonym {
    /// A researcher's entry: whole words, case kept, placed last.
    pub fn added(original: impl Into<String>, replacement: impl Into<String>) -> Self {
        NewPseudonym {
            original: original.into(),
            replacement: replacement.into(),
            whole_word: true,
            case: CaseMode::Keep,
            origin: PseudonymOrigin::Added,
            sort_order: -1,
        }
    }
}

/// One line of the export log: a file written from the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub id: ExportRecordId,
    /// When, RFC 3339.
    pub made_at: String,
    #[serde(flatten)]
    pub fields: NewExportRecord,
}

/// What an export logs about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewExportRecord {
    /// What was exported: `excerpts`, `crosstab`, `timeline`, ...
    pub kind: String,
    /// The file written (as given), or `-` for standard output.
    pub file: String,
    /// The options it was made with, as a JSON object.
    pub options: serde_json::Value,
    /// True when the pseudonymisation map was applied.
    pub pseudonymised: bool,
    /// The map's fingerprint when applied (`PseudonymMap::fingerprint`), so a team can tell
    /// which version of the map an export used.
    pub map_hash: Option<String>,
    /// Entries in the map when applied.
    pub map_entries: Option<usize>,
}
