//! QualCoder projects, read directly: the rows of a `NAME.qda/data.qda` database in, a whole
//! Thicket project (`Snapshot` rows for `Action::ImportProject`) and a report out. Pure: the
//! database is read by `store::read_qualcoder` and document files by the caller
//! (`project::import_qualcoder`), which hands them in.
//!
//! What becomes what (docs/interop.md, "QualCoder project folders", says why):
//! - text sources (documents, PDFs' text, transcripts) → sources of kind `document`, the text
//!   normalised; a document with no text in the database is read from the project's
//!   `documents` folder when it is there; pictures, audio and video are skipped and listed;
//! - categories → parent codes, marked in "do not use when" (they carry no codings of their
//!   own); codes under their category, or (v16) under their parent code; colours kept; memos →
//!   definitions;
//! - text codings → codings, by their owner (a coder) at their date, with their memo; positions
//!   converted from UTF-16 units and checked against the quoted text (`positions`);
//! - cases → cases (memo → description); case text links → the source in the case, and a memo
//!   on the span when only part of the source belonged to the case;
//! - attributes → typed attributes of cases and sources (numeric → number, else text);
//! - journals and the project memo → project memos; source memos → source memos; annotations →
//!   memos on their span.

mod convert;
pub mod positions;
pub use crate::model::qualcoder_rows as rows;

use serde::Serialize;

pub use convert::{DocumentLoader, QualCoderImport, convert};

/// Oldest QualCoder database version read (QualCoder 2.8). Older files are upgraded by opening
/// them once in a current QualCoder.
pub const OLDEST_VERSION: u32 = 5;
/// Newest QualCoder database version this importer was written against; newer ones are read
/// for what is known, with a warning.
pub const NEWEST_KNOWN_VERSION: u32 = 17;

/// What an import read, made, skipped and corrected.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QualCoderReport {
    /// The `.qda` folder read.
    pub folder: String,
    /// The database version, e.g. `v17`.
    pub database_version: String,
    /// The QualCoder version that last wrote it.
    pub qualcoder_version: String,
    pub sources: usize,
    pub codes: usize,
    /// Of `codes`, how many were categories.
    pub categories: usize,
    pub codings: usize,
    pub coders: usize,
    pub cases: usize,
    /// Source–case links made.
    pub case_links: usize,
    /// Of the case text links, those covering part of a source only (kept as memos on the span).
    pub partial_case_links: usize,
    pub attributes: usize,
    pub attribute_values: usize,
    /// All memos made (journals, annotations, project, source and partial-case memos).
    pub memos: usize,
    pub journals: usize,
    pub annotations: usize,
    /// Codings marked important in QualCoder (the mark is not carried).
    pub important_marks: usize,
    /// Sources read from the `documents` folder because the database had no text for them.
    pub read_from_files: Vec<String>,
    /// Everything not imported, each with the reason.
    pub skipped: Vec<Skipped>,
    /// How many codings were placed by another reading than QualCoder's UTF-16 units.
    pub corrected_total: usize,
    /// The first of them (at most `DETAIL_LIMIT`).
    pub corrected: Vec<CodingNote>,
    /// How many codings' text differs from the quote QualCoder stored, whatever the reading.
    pub mismatched_total: usize,
    /// The first of them (at most `DETAIL_LIMIT`).
    pub mismatched: Vec<CodingNote>,
    /// Anything else worth knowing: a newer schema, renamed codes, numbers read as text...
    pub warnings: Vec<String>,
}

/// How many corrected or mismatched codings the report details.
pub const DETAIL_LIMIT: usize = 50;

/// Something not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// `picture`, `audio`, `video`, `source`, `coding`, `picture codings`, `audio/video codings`,
    /// `annotation`, `case link`, `attribute value`.
    pub what: String,
    /// The source (or code, case...) it is about.
    pub name: String,
    pub reason: String,
}

/// A coding whose position needed a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodingNote {
    pub source: String,
    pub code: String,
    /// QualCoder's `pos0`, `pos1`.
    pub qualcoder_range: (i64, i64),
    /// Thicket's char range.
    pub start: usize,
    pub end: usize,
    /// How it was placed.
    pub how: String,
}
