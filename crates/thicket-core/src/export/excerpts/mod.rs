//! Excerpts for papers: coded passages, grouped and sorted, each with a citation, written as
//! Markdown, HTML, DOCX, CSV, XLSX or JSON.
//!
//! The flow, in three steps so that later pieces can slot in between them:
//!
//! ```text
//!  &Project ──select()──▶ Vec<Segment> ──build()──▶ Excerpts ──write_*()──▶ bytes
//!            (Selection)                (ExcerptOptions)      (md, html, csv, xlsx, json;
//!                                                              docx through to_document())
//! ```
//!
//! - `select`: which codings, with the retrieval filters of `segments` (codes with sub-codes or
//!   a Boolean query, cases, kinds, roles, participants, coders, sources, dates).
//! - `build`: reads what the quotes need from the project (source texts for context, the other
//!   codings on each passage, code definitions, PDF pages) and makes the plain `Excerpts` model:
//!   groups, sections, excerpts with their citation fields and rendered citation.
//! - `citation`: the citation template language and its two presets.
//! - `run`: select and build in pieces, for the window (a few sources per frame).
//! - `format`: the one list of formats, and writing a file through a partial one.
//! - `markdown`, `html`, `table` (CSV and XLSX), and JSON by serde: the writers. They take
//!   `&Excerpts` only, never the project, so a step that rewrites the model on the way out (a
//!   pseudonymisation map) needs no change here.
//! - `document`: the excerpts as a `export::document::Document`, which the DOCX writer shared
//!   by every report turns into a Word file.
//!
//! Quotes are the coded text exactly. Writers escape it only as their format requires, and
//! tests compare every written quote with its coding's text.
//!
//! This is the one part of `export` that reads a `Project` (see `crates/thicket-core/tests/layers.rs`);
//! only `select` and `build` do, and the writers stay pure.

mod arrange;
mod build;
pub mod citation;
mod document;
mod format;
mod html;
mod markdown;
mod run;
mod select;
mod table;

use serde::Serialize;

pub use build::{Builder, build};
pub use citation::{CitationTemplate, Field};
pub use document::to_document;
pub use format::{ExcerptFormat, partial_path, write_replacing};
pub use html::to_html;
pub use markdown::to_markdown;
pub use run::ExcerptRun;
pub use select::{CodeChoice, Selection, check, query_ids, query_load, select};
pub use table::{excerpt_sheet, neutralise_cell, to_csv};

use crate::error::{Error, Result};
use crate::model::CodingId;

/// How excerpts are grouped under headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupBy {
    /// One group per code, in codebook order.
    Code,
    /// One group per case (a source of several cases, such as a focus group, is one group
    /// named after all of them).
    Case,
    /// One group per code, with a section per case inside it.
    CodeCase,
    /// One group per source, sources by date and name, excerpts in text order.
    Source,
}

impl GroupBy {
    /// The names the command line takes.
    pub const CHOICES: &str = "code, case, code-case or source";

    /// True when the headings name each excerpt's code, so writers need not repeat it.
    pub fn names_code(self) -> bool {
        matches!(self, GroupBy::Code | GroupBy::CodeCase)
    }

    /// Parses a name of `CHOICES`.
    pub fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "code" => GroupBy::Code,
            "case" => GroupBy::Case,
            "code-case" => GroupBy::CodeCase,
            "source" => GroupBy::Source,
            _ => return Err(Error::invalid(format!("unknown --group-by \"{s}\": expected {}", Self::CHOICES))),
        })
    }
}

/// How excerpts are ordered inside a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortBy {
    /// By case, then session date, source and position.
    Case,
    /// By session date (undated last), then source and position.
    Date,
    /// By source name and position in the text (the order of `segments`).
    Position,
}

impl SortBy {
    /// The names the command line takes.
    pub const CHOICES: &str = "case, date or position";

    /// Parses a name of `CHOICES`.
    pub fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "case" => SortBy::Case,
            "date" => SortBy::Date,
            "position" => SortBy::Position,
            _ => return Err(Error::invalid(format!("unknown --sort \"{s}\": expected {}", Self::CHOICES))),
        })
    }
}

/// What an export shows besides the quotes and their citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptOptions {
    pub title: String,
    pub group_by: GroupBy,
    pub sort: SortBy,
    pub citation: CitationTemplate,
    /// Sentences of context before and after each quote (0: none).
    pub context: usize,
    /// The coding's memo under the quote.
    pub memos: bool,
    /// The other codes on the passage.
    pub other_codes: bool,
    /// The code's definition under its heading (groups by code).
    pub definitions: bool,
    /// The number of excerpts in each group and section.
    pub counts: bool,
}

impl ExcerptOptions {
    /// Grouped by code, sorted by case, in author–date style, nothing extra.
    pub fn new(title: &str) -> Result<Self> {
        Ok(ExcerptOptions {
            title: title.to_string(),
            group_by: GroupBy::Code,
            sort: SortBy::Case,
            citation: CitationTemplate::preset_or_parse("author-date")?,
            context: 0,
            memos: false,
            other_codes: false,
            definitions: false,
            counts: false,
        })
    }
}

/// What the writers show, copied from the options into the model so that writers need only it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub context: bool,
    pub memos: bool,
    pub other_codes: bool,
    pub definitions: bool,
    pub counts: bool,
}

/// The built export: everything a writer needs, and nothing from the project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excerpts {
    pub title: String,
    pub group_by: GroupBy,
    pub sort: SortBy,
    /// The citation template as written.
    pub citation_template: String,
    pub shown: Shown,
    /// Number of excerpts in all groups.
    pub total: usize,
    pub groups: Vec<ExcerptGroup>,
}

/// A heading (a code, a case or a source) and the excerpts under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcerptGroup {
    pub title: String,
    /// The code's definition, when grouped by code and asked for (else empty).
    pub definition: String,
    /// Excerpts in all its sections.
    pub count: usize,
    /// One untitled section, or (grouped by code then case) one per case.
    pub sections: Vec<ExcerptSection>,
}

/// A run of excerpts under an optional sub-heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcerptSection {
    /// The case, grouped by code then case; `None` otherwise.
    pub title: Option<String>,
    pub excerpts: Vec<Excerpt>,
}

/// One quote: the exact coded text, its citation, and what else was asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excerpt {
    pub coding_id: CodingId,
    /// The coded text, exactly.
    pub text: String,
    /// The citation from the template.
    pub citation: String,
    /// Each citation field on its own.
    pub fields: CitationFields,
    /// Char range in the source's text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Up to the asked number of sentences before and after the quote (empty when not asked).
    pub context_before: String,
    pub context_after: String,
    /// The coding's memo (empty when not asked or none).
    pub memo: String,
    /// Paths of the other codes on the passage, sorted (empty when not asked).
    pub other_codes: Vec<String>,
}

/// The values a citation can show, as data (tables give each its own column).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CitationFields {
    /// Participants whose turns the coding overlaps, sorted. Empty in a source without turns
    /// (an observation, a case file): the people such a source is about did not say its words.
    pub speakers: Vec<String>,
    /// Their roles, written for reading (`social worker`), sorted.
    pub roles: Vec<String>,
    /// The source's cases, sorted.
    pub cases: Vec<String>,
    pub source: String,
    /// The source kind, written for reading (`focus group`).
    pub kind: String,
    /// Session date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// 1-based paragraph and line where the quote starts.
    pub paragraph: usize,
    pub line: usize,
    /// 1-based page of a paginated original (PDF) where the quote starts.
    pub page: Option<usize>,
    /// Media time where the quote starts (timed transcripts), in milliseconds.
    pub time_ms: Option<u64>,
    pub coder: String,
    /// The code's path.
    pub code: String,
}

impl CitationFields {
    /// A field as the citation shows it; empty when the excerpt has no value for it. Several
    /// speakers, roles or cases are joined with " & ", so they do not read as separate fields.
    pub fn value(&self, field: Field) -> String {
        match field {
            Field::Speaker => self.speakers.join(" & "),
            Field::Role => self.roles.join(" & "),
            Field::Case => self.cases.join(" & "),
            Field::Source => self.source.clone(),
            Field::Kind => self.kind.clone(),
            Field::Date => self.date.clone().unwrap_or_default(),
            Field::Paragraph => self.paragraph.to_string(),
            Field::Line => self.line.to_string(),
            Field::Page => self.page.map(|p| p.to_string()).unwrap_or_default(),
            Field::Time => self.time_ms.map(clock_time).unwrap_or_default(),
            Field::Coder => self.coder.clone(),
            Field::Code => self.code.clone(),
        }
    }
}

/// A media time as `HH:MM:SS`, the form transcripts and players show (milliseconds dropped).
pub fn clock_time(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// The JSON of an export: the model itself, pretty-printed with sorted keys.
pub fn to_json(excerpts: &Excerpts) -> Result<String> {
    let text = serde_json::to_value(excerpts)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
    Ok(format!("{text}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_times_are_hours_minutes_seconds() {
        assert_eq!(clock_time(0), "00:00:00");
        assert_eq!(clock_time(872_999), "00:14:32");
        assert_eq!(clock_time(3_723_000), "01:02:03");
    }

    #[test]
    fn names_parse_and_errors_list_the_choices() {
        assert_eq!(GroupBy::parse("code-case").unwrap_or(GroupBy::Code), GroupBy::CodeCase);
        assert_eq!(GroupBy::parse("speaker").unwrap_err().to_string(), "unknown --group-by \"speaker\": expected code, case, code-case or source");
        assert_eq!(SortBy::parse("time").unwrap_err().to_string(), "unknown --sort \"time\": expected case, date or position");
    }
}
