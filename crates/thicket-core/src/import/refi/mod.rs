//! REFI-QDA exchange files in: a `.qdpx` project (a ZIP of `project.qde` and its `sources/`) or a
//! `.qdc` codebook (bare XML), read into plain data ([`RefiProject`]) with a [`RefiReport`] of
//! what was read, skipped and corrected. Pure: bytes in, data out; the project layer
//! (`Project::import_refi_project`) turns the data into one action.
//!
//! The files come from many tools and from other people's machines, so the reader is lenient
//! about dialects and strict about safety:
//! - any single `*.qde` at the root, `sources/` in any case, GUIDs in any case with or without
//!   braces, the 1.0 or 0:4 namespace (names are matched without it), missing optional attributes;
//! - offsets read in the unit that fits each source best (see [`offsets`]), never trusting one;
//! - the ZIP limits of the other archive importers (entries, total size, expansion ratio), an
//!   XML nesting cap and no DTD entities, paths that climb out of the archive ignored.
//!
//! Pictures, audio and video are out of scope: they are listed in the report with their
//! selections. A PDF comes in as its text representation.

mod container;
mod dom;
pub mod offsets;
mod parse;

use serde::Serialize;

pub use container::{read_qdc, read_qdpx};
pub use offsets::{Counting, Unit};

/// A GUID as Thicket keeps it: lower case, no braces (`8-4-4-4-12` hex when it was one).
pub type Guid = String;

/// Normalises a GUID for comparison and storage: braces and spaces removed, lower case.
pub fn normalize_guid(raw: &str) -> Guid {
    raw.trim().trim_start_matches('{').trim_end_matches('}').trim().to_ascii_lowercase()
}

/// A whole project read from a `.qdpx` (or the codebook alone from a `.qdc`, with the rest empty).
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefiProject {
    /// `Project@name` (or the file name when absent).
    pub name: String,
    /// `origin`: the exporting tool and version, as written.
    pub origin: String,
    pub creating_user: Option<Guid>,
    pub created_at: Option<String>,
    pub users: Vec<RefiUser>,
    /// Codes in tree order (a parent before its children).
    pub codes: Vec<RefiCode>,
    pub variables: Vec<RefiVariable>,
    pub cases: Vec<RefiCase>,
    /// Text sources (PDFs through their text) in file order, including those whose file is missing.
    pub sources: Vec<RefiSource>,
    pub notes: Vec<RefiNote>,
    pub sets: Vec<RefiSet>,
    /// Links between elements (Thicket reads those it can place: a note about a case, a
    /// participant's case; the rest are reported as skipped).
    pub links: Vec<RefiLink>,
    /// The project's own `Description`.
    pub description: Option<String>,
    /// Notes attached to the project itself (`Project/NoteRef`).
    pub note_refs: Vec<Guid>,
    pub report: RefiReport,
}

/// A coder.
#[derive(Debug, Clone, Serialize)]
pub struct RefiUser {
    pub guid: Guid,
    pub name: Option<String>,
}

/// A code of the codebook.
#[derive(Debug, Clone, Serialize)]
pub struct RefiCode {
    pub guid: Guid,
    pub name: String,
    /// Index of the parent in `RefiProject::codes`.
    pub parent: Option<usize>,
    /// `#RRGGBB`, upper case, when the file gave a valid colour.
    pub color: Option<String>,
    pub description: Option<String>,
    /// `isCodable="false"`: a folder or category.
    pub codable: bool,
    pub note_refs: Vec<Guid>,
}

/// The type of a variable, as the standard names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum VariableType {
    Text,
    Boolean,
    Integer,
    Float,
    Date,
    DateTime,
}

/// A variable (typed attribute) definition.
#[derive(Debug, Clone, Serialize)]
pub struct RefiVariable {
    pub guid: Guid,
    pub name: String,
    pub kind: VariableType,
    pub description: Option<String>,
}

/// A variable's value on a case or source (the value as written).
#[derive(Debug, Clone, Serialize)]
pub struct RefiValue {
    pub variable: Guid,
    pub value: String,
}

/// A case.
#[derive(Debug, Clone, Serialize)]
pub struct RefiCase {
    pub guid: Guid,
    pub name: Option<String>,
    pub description: Option<String>,
    pub code_refs: Vec<Guid>,
    pub values: Vec<RefiValue>,
    pub source_refs: Vec<Guid>,
    pub selection_refs: Vec<Guid>,
    pub note_refs: Vec<Guid>,
}

/// What a text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SourceOrigin {
    /// A `TextSource`.
    Text,
    /// A `PDFSource`, through its text `Representation`.
    Pdf,
}

/// A text source: its stored (normalised) text and its selections in char offsets.
#[derive(Debug, Clone, Serialize)]
pub struct RefiSource {
    pub guid: Guid,
    pub name: String,
    pub origin: SourceOrigin,
    /// Normalised text (empty when the file was missing).
    pub text: String,
    /// False when the text file was missing or unreadable (imported empty, with a warning).
    pub text_found: bool,
    /// The file the text came from inside the archive, or `PlainTextContent`.
    pub text_file: String,
    pub description: Option<String>,
    pub creating_user: Option<Guid>,
    pub created_at: Option<String>,
    /// The counting the offsets were read in.
    pub counting: Option<Counting>,
    pub selections: Vec<RefiSelection>,
    /// Codings of the whole source.
    pub codings: Vec<RefiCoding>,
    pub note_refs: Vec<Guid>,
    pub values: Vec<RefiValue>,
}

/// A selection of a source's text, in chars of the stored text.
#[derive(Debug, Clone, Serialize)]
pub struct RefiSelection {
    pub guid: Guid,
    pub name: Option<String>,
    /// `[start, end)` in chars; `None` when it could not be placed (then its codings are skipped
    /// and the report says why).
    pub span: Option<(usize, usize)>,
    /// The positions as written.
    pub raw: (u64, u64),
    pub description: Option<String>,
    pub creating_user: Option<Guid>,
    pub created_at: Option<String>,
    pub codings: Vec<RefiCoding>,
    pub note_refs: Vec<Guid>,
}

/// A code applied to a selection or source.
#[derive(Debug, Clone, Serialize)]
pub struct RefiCoding {
    pub guid: Guid,
    pub code: Guid,
    pub creating_user: Option<Guid>,
    pub created_at: Option<String>,
    pub note_refs: Vec<Guid>,
}

/// A note (memo): a titled text.
#[derive(Debug, Clone, Serialize)]
pub struct RefiNote {
    pub guid: Guid,
    pub name: Option<String>,
    pub text: String,
    pub description: Option<String>,
    pub creating_user: Option<Guid>,
    pub created_at: Option<String>,
    pub modified_at: Option<String>,
}

/// A set: a named group of codes, sources or notes.
#[derive(Debug, Clone, Serialize)]
pub struct RefiSet {
    pub guid: Guid,
    pub name: String,
    pub description: Option<String>,
    pub codes: Vec<Guid>,
    pub sources: Vec<Guid>,
    pub notes: Vec<Guid>,
}

/// A link from one element to another.
#[derive(Debug, Clone, Serialize)]
pub struct RefiLink {
    pub name: String,
    pub origin: Guid,
    pub target: Guid,
}

/// Something in the file that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// What it is: "audio source", "picture selection", "graph"...
    pub what: String,
    /// Its name (or GUID when nameless).
    pub name: String,
    pub why: String,
}

/// How a source's offsets were read.
#[derive(Debug, Clone, Serialize)]
pub struct OffsetDecision {
    pub source: String,
    pub counting: Counting,
    /// Whether the text has CRLF line breaks (else they did not matter).
    pub has_crlf: bool,
    /// "the selected text in the selections' names" or "word boundaries".
    pub checked_by: String,
    /// Selections that fit under the counting, of all the source's selections.
    pub fitting: usize,
    pub total: usize,
}

/// What reading the file found, skipped and corrected.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefiReport {
    /// Things read, by kind, in a fixed order: ("users", 2), ("codes", 30)...
    pub read: Vec<(String, usize)>,
    pub skipped: Vec<Skipped>,
    /// Selections whose offsets were corrected, each saying how.
    pub corrections: Vec<String>,
    /// Problems that did not stop the import (a missing source file, an unknown code).
    pub warnings: Vec<String>,
    pub offsets: Vec<OffsetDecision>,
}

impl RefiReport {
    /// Adds to the count of `what` read.
    pub(crate) fn count(&mut self, what: &str, n: usize) {
        match self.read.iter_mut().find(|(k, _)| k == what) {
            Some((_, v)) => *v += n,
            None => self.read.push((what.to_string(), n)),
        }
    }

    /// How many of `what` were read.
    pub fn read_count(&self, what: &str) -> usize {
        self.read.iter().find(|(k, _)| k == what).map_or(0, |(_, v)| *v)
    }

    pub(crate) fn skip(&mut self, what: &str, name: &str, why: &str) {
        self.skipped.push(Skipped { what: what.into(), name: name.into(), why: why.into() });
    }
}
