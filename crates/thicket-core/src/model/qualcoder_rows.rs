//! The rows of a QualCoder `data.qda` database, as read (by `store::read_qualcoder`), before any
//! conversion: plain data, so that the conversion is a pure function that tests can feed.
//!
//! Columns that a schema version lacks are `None` (e.g. `code_name.supercid` before v16); tables
//! that a version lacks are empty and named in `missing_tables`. Positions are as QualCoder
//! stored them: Qt's UTF-16 code units.

/// Everything the importer reads from one `data.qda`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QualCoderRows {
    /// `project.databaseversion` as written, e.g. `v17`.
    pub version: String,
    /// `project.about`: the QualCoder version that last wrote the file.
    pub about: String,
    /// `project.memo`.
    pub memo: String,
    /// `project.codername` (v5 and later): the coder last working on the project.
    pub coder_name: Option<String>,
    pub sources: Vec<QcSource>,
    pub categories: Vec<QcCategory>,
    pub codes: Vec<QcCode>,
    pub text_codings: Vec<QcTextCoding>,
    /// Codings of image areas (pictures and PDF pages): not imported, listed in the report.
    pub image_codings: Vec<QcMediaCoding>,
    /// Codings of audio/video segments: not imported, listed in the report.
    pub av_codings: Vec<QcMediaCoding>,
    pub annotations: Vec<QcAnnotation>,
    pub cases: Vec<QcCase>,
    pub case_texts: Vec<QcCaseText>,
    pub attribute_types: Vec<QcAttributeType>,
    pub attributes: Vec<QcAttribute>,
    pub journals: Vec<QcJournal>,
    /// Tables this file lacks that the importer would have read (read as empty).
    pub missing_tables: Vec<String>,
}

/// A row of `source`: a text document, a PDF (with its text), an image, audio or video.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcSource {
    pub id: i64,
    pub name: String,
    /// The text, for documents (and transcripts); empty or `None` for media.
    pub fulltext: Option<String>,
    /// `None` for a text document kept in the project's `documents` folder; `/docs/NAME` for a
    /// PDF or other document kept there; `docs:PATH` for a linked document outside the project;
    /// `/images/`, `/audio/`, `/video/` (or `images:`, `audio:`, `video:` when linked) for media.
    pub mediapath: Option<String>,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
}

/// A row of `code_cat`: a category of codes, which may sit under another (`supercatid`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcCategory {
    pub catid: i64,
    pub name: String,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
    pub supercatid: Option<i64>,
}

/// A row of `code_name`: a code, in a category (`catid`) or, from v16, under another code (`supercid`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcCode {
    pub cid: i64,
    pub name: String,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
    pub catid: Option<i64>,
    pub color: Option<String>,
    pub supercid: Option<i64>,
}

/// A row of `code_text`: a code applied to a span of a text source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcTextCoding {
    pub ctid: i64,
    pub cid: i64,
    pub fid: i64,
    /// The text QualCoder saw in the span when it was coded.
    pub seltext: Option<String>,
    pub pos0: i64,
    pub pos1: i64,
    pub owner: Option<String>,
    pub date: Option<String>,
    pub memo: Option<String>,
    pub important: Option<i64>,
}

/// A coding of an image area or of an audio/video segment (only what the report needs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcMediaCoding {
    /// The source coded.
    pub fid: i64,
    pub cid: i64,
}

/// A row of `annotation`: a note on a span of a text source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcAnnotation {
    pub anid: i64,
    pub fid: i64,
    pub pos0: i64,
    pub pos1: i64,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
}

/// A row of `cases`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcCase {
    pub caseid: i64,
    pub name: String,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
}

/// A row of `case_text`: a span of a source (often the whole of it) belonging to a case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcCaseText {
    pub caseid: i64,
    pub fid: i64,
    pub pos0: i64,
    pub pos1: i64,
    pub memo: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
}

/// A row of `attribute_type`: a variable, on cases or on files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcAttributeType {
    pub name: String,
    /// `case` or `file`; `None` where the column is missing.
    pub case_or_file: Option<String>,
    /// `numeric` or `character`.
    pub valuetype: Option<String>,
    pub memo: Option<String>,
}

/// A row of `attribute`: one variable's value on one case or file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcAttribute {
    pub name: String,
    /// `case` or `file`.
    pub attr_type: String,
    pub value: Option<String>,
    /// The case's `caseid` or the file's `id`.
    pub id: i64,
}

/// A row of `journal`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QcJournal {
    pub jid: i64,
    pub name: String,
    pub jentry: Option<String>,
    pub owner: Option<String>,
    pub date: Option<String>,
}
