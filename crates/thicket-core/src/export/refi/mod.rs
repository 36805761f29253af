//! REFI-QDA export: a whole project as a `.qdpx` archive, or the codebook alone as a `.qdc` file,
//! for NVivo, ATLAS.ti, MAXQDA, QualCoder and any other tool that reads the exchange standard
//! (REFI-QDA 1.5, schemas `Project.xsd` and `Codebook.xsd`, namespace `urn:QDA-XML:…:1.0`).
//!
//! ```text
//!  Project ──collect──▶ RefiProject (plain data: GUIDs, names, positions in the chosen unit)
//!           └─ each source's text ──▶ sources/<GUID>.txt ─┐
//!  RefiProject ──xml::project_qde──▶ project.qde ─────────┴──zip (fixed times)──▶ .qdpx
//!  Project ──collect::codebook──▶ codes ──xml::codebook_qdc──▶ .qdc
//! ```
//!
//! What goes where (docs/interop.md says the same for users, per tool):
//! - coders are `Users`; codes are the `CodeBook` (tree, `#RRGGBB` colours, all codable), the
//!   four description fields combined into one `Description` by [`describe_code`];
//! - attributes are `Variables` (text and category as Text, numbers as Integer when every value is
//!   whole else Float, dates as Date); Thicket adds three of its own, [`SESSION_DATE`],
//!   [`AUTHOR`] (on sources) and [`ROLE`] (on participants), each with a Description starting
//!   [`BUILTIN_MARK`] so an importer can tell them from the user's;
//! - cases are `Case`s with their sources (`SourceRef`) and attribute values; participants are
//!   `Case`s too (the standard has no people), each carrying a [`ROLE`] value (empty when they have
//!   none), the sources they speak in or are about, and a Description naming their cases; a
//!   `Link` named "Participant of" goes from each participant's `Case` to each case it belongs to;
//! - sources are `TextSource`s whose text is `sources/<GUID>.txt` (UTF-8, no BOM, LF), with one
//!   `PlainTextSelection` per coded or memoed span (named by its exact text, when XML can hold
//!   it), holding a `Coding` per coding (coder, time, `CodeRef`, a `NoteRef` to its memo);
//! - memos are `Note`s, referred to from what they are about: the project (`Project/NoteRef`), a
//!   source, a span (its selection), a code, a coding; a case or a participant cannot hold a
//!   `NoteRef` in the schema, so those memos are tied to their `Case` by a `Link` from the note;
//! - each source kind present is a `Set` of sources named "Kind: Interview" and so on;
//! - speaker turns, time marks, page starts and frameworks are not in the standard: not written.
//!
//! Positions: Thicket's spans count chars (Unicode code points), which is what the standard says
//! (§10.2). [`PositionUnit::Utf16`] writes UTF-16 code units instead, which NVivo and QualCoder
//! count; `Project@origin` says which ("…; positions in UTF-16 code units"). The texts are
//! written exactly as stored (already LF, without BOM), so no line-ending convention can shift a
//! position. End positions are exclusive.
//!
//! Pseudonymised (`--pseudonymise`), every text is rewritten by the project's map, the source
//! texts included, and every position is recomputed on the rewritten text: a span that starts or
//! ends inside a replaced name grows to cover the whole replacement, so a selection is always the
//! exact text it names.
//!
//! Output is deterministic: sorted entities, GUIDs from the project's UUIDs (GUIDs of elements
//! Thicket has no UUID for are UUID v5 names derived from one), zip entries dated 1980-01-01.

mod collect;
mod xml;

use std::io::Write as _;

pub use collect::{RefiCounts, RefiProject};

use crate::error::{Error, Result};
use crate::project::Project;
use crate::text::PseudonymMap;

pub use crate::model::refi_dialect::*;

/// How positions in a text are counted in the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum PositionUnit {
    /// Unicode code points, as the standard says (REFI-QDA 1.5 §10.2): Thicket's own unit.
    #[default]
    CodePoints,
    /// UTF-16 code units, as NVivo and QualCoder count (they differ only after an emoji or
    /// another character outside the Basic Multilingual Plane).
    Utf16,
}

impl PositionUnit {
    /// Parses `codepoints` or `utf16`, with an error naming the choices.
    pub fn parse(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "codepoints" | "code-points" | "chars" => Ok(PositionUnit::CodePoints),
            "utf16" | "utf-16" => Ok(PositionUnit::Utf16),
            _ => Err(Error::invalid(format!("unknown position unit \"{s}\": expected codepoints (the standard) or utf16 (NVivo, QualCoder)"))),
        }
    }

    /// The name the command line takes.
    pub fn name(self) -> &'static str {
        match self {
            PositionUnit::CodePoints => "codepoints",
            PositionUnit::Utf16 => "utf16",
        }
    }

    /// What `origin` says about positions.
    pub fn origin_phrase(self) -> &'static str {
        match self {
            PositionUnit::CodePoints => "positions in Unicode code points",
            PositionUnit::Utf16 => "positions in UTF-16 code units",
        }
    }
}

/// The choices of a `.qdpx` export.
#[derive(Debug, Clone, Copy, Default)]
pub struct QdpxOptions<'a> {
    pub positions: PositionUnit,
    /// The project's pseudonym map, when the export is pseudonymised.
    pub map: Option<&'a PseudonymMap>,
}

/// `Project@origin` / `CodeBook@origin`: the program, its version and the position unit.
pub fn origin(positions: PositionUnit) -> String {
    format!("{ORIGIN_PREFIX}{}; {}", env!("CARGO_PKG_VERSION"), positions.origin_phrase())
}

/// The `.qdpx` archive of `project`: `project.qde` and `sources/<GUID>.txt`, with the counts of
/// what it holds. `observe(done, total)` hears the sources written and answers whether to go on;
/// `false` stops with `ErrorKind::Cancelled`.
pub fn qdpx_bytes(project: &Project, options: &QdpxOptions<'_>, observe: &mut dyn FnMut(usize, usize) -> bool) -> Result<(Vec<u8>, RefiCounts)> {
    let zip_error = |e: &dyn std::fmt::Display| Error::internal(format!("cannot write the .qdpx archive: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let entry = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let refi = collect::project(project, options, &mut |guid: &str, text: &str| {
        zip.start_file(format!("sources/{guid}.txt"), entry).map_err(|e| zip_error(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| zip_error(&e))
    }, observe)?;
    zip.start_file("project.qde", entry).map_err(|e| zip_error(&e))?;
    xml::project_qde(&refi, std::io::BufWriter::with_capacity(1 << 16, &mut zip))?;
    let bytes = zip.finish().map_err(|e| zip_error(&e))?.into_inner();
    Ok((bytes, refi.counts()))
}

/// The `.qdc` codebook of `project` (codes, tree, colours, descriptions). Refused when the
/// project has no code (the schema needs at least one).
pub fn qdc_bytes(project: &Project, map: Option<&PseudonymMap>) -> Result<Vec<u8>> {
    let codes = collect::codebook(project, map, &Default::default())?;
    if codes.is_empty() {
        return Err(Error::invalid("the codebook is empty: a .qdc file needs at least one code"));
    }
    // A codebook has no positions: its origin names the program only.
    xml::codebook_qdc(&codes, &format!("Thicket {}", env!("CARGO_PKG_VERSION")))
}

#[cfg(test)]
mod tests {
    use crate::model::{AttributeTarget, AttributeType, CodeDescription};
    use super::*;

    #[test]
    fn descriptions_combine_and_split_back() {
        let d = CodeDescription {
            definition: "A break in trust.\n\nSecond paragraph.".into(),
            use_when: "The parent withdraws.".into(),
            do_not_use_when: String::new(),
            example: "\"I stopped answering.\"".into(),
        };
        let text = describe_code(&d);
        assert_eq!(text, "A break in trust.\n\nSecond paragraph.\n\nWhen to use: The parent withdraws.\n\nExample: \"I stopped answering.\"");
        assert_eq!(parse_code_description(&text), d);
        assert_eq!(parse_code_description("Plain text from NVivo").definition, "Plain text from NVivo");
        assert_eq!(describe_code(&CodeDescription::default()), "");
    }

    #[test]
    fn attribute_descriptions_read_back() {
        let cats = vec!["a; b".to_string(), "c;".to_string(), "d".to_string()];
        let text = describe_attribute(AttributeTarget::Participant, AttributeType::Category, &cats);
        assert_eq!(parse_attribute_description(&text), Some((AttributeTarget::Participant, cats)));
        let text = describe_attribute(AttributeTarget::Source, AttributeType::Number, &[]);
        assert_eq!(text, "Attribute of sources");
        assert_eq!(parse_attribute_description(&text), Some((AttributeTarget::Source, Vec::new())));
        assert_eq!(parse_attribute_description("Age of the respondent"), None);
        assert_eq!(attribute_name(&variable_name("Age", AttributeTarget::Case, true), AttributeTarget::Case), "Age");
    }

    #[test]
    fn position_units_parse_and_name_themselves_in_origin() {
        assert_eq!(PositionUnit::parse("utf16").ok(), Some(PositionUnit::Utf16));
        assert_eq!(PositionUnit::parse("CodePoints").ok(), Some(PositionUnit::CodePoints));
        assert!(PositionUnit::parse("bytes").is_err());
        assert!(origin(PositionUnit::Utf16).ends_with("; positions in UTF-16 code units"));
        assert!(origin(PositionUnit::CodePoints).starts_with("Thicket "));
    }
}
