//! Importers: bytes in, `ImportedDocument`s out. Pure: no database, no file system.
//!
//! Each format has its own module that extracts readable plain text (with paragraph breaks, page
//! starts, subtitle cues as timestamped turns, table rows); this module picks the module by file
//! extension, normalises the text (DESIGN.md §5) and runs speaker-turn detection where the format
//! did not give turns itself. The project layer (`Project::import_paths`) reads files, calls
//! `import_bytes`, and turns the documents into one `ImportSources` action.

mod archive;
mod decode;
mod docx;
mod html;
pub mod markdown;
mod odt;
pub mod qualcoder;
mod pdf;
mod plaintext;
pub mod refi;
mod rtf;
pub mod roles;
pub mod speakers;
mod subtitles;
mod table;
mod xml_text;

use crate::model::TimeMark;
use crate::text::{TextError, normalize_str};

pub use decode::decode_text;
pub use roles::suggest_roles;
pub use speakers::{DetectedTurn, detect_turns};
pub use table::Table;

/// Whether to look for speaker turns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SpeakerMode {
    /// Detect turns in the common transcript styles.
    #[default]
    Auto,
    /// Import the text without turns.
    None,
}

impl SpeakerMode {
    /// Parses `auto` or `none`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "auto" => Some(SpeakerMode::Auto),
            "none" => Some(SpeakerMode::None),
            _ => None,
        }
    }
}

/// How a spreadsheet or CSV file becomes sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TableMode {
    /// Each row is a source (e.g. one survey answer): its text is `text_column` (default: the
    /// column with the longest texts), its name `name_column` (default: file name and row
    /// number), and every other column becomes an attribute of the source.
    #[default]
    RowPerSource,
    /// The whole table becomes one source, one line per row.
    FilePerSource,
}

/// Options for reading one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSettings {
    pub speakers: SpeakerMode,
    pub table: TableMode,
    /// Column holding the text, for `TableMode::RowPerSource`.
    pub text_column: Option<String>,
    /// Column holding each row's name, for `TableMode::RowPerSource`.
    pub name_column: Option<String>,
}

/// The text a format module extracted, before normalisation and speaker detection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Readable plain text; paragraphs separated by blank lines.
    pub text: String,
    /// The encoding decoded from, for the import report (`UTF-8`, `UTF-16LE`, `windows-1252`...).
    pub encoding: String,
    /// Char offsets where pages start (paginated formats).
    pub page_starts: Option<Vec<usize>>,
    /// Turns the format itself carries (subtitle cues); when empty, turns are detected from text.
    pub turns: Vec<DetectedTurn>,
    /// Media times at paragraph starts (subtitle cues), char offsets into `text`.
    pub time_marks: Vec<TimeMark>,
    /// The format collapses runs of spaces (PDF text layers), so a speaker line written
    /// `Name  00:01` arrives as `Name 00:01`; detection then accepts one space (see `speakers`).
    pub spaces_collapsed: bool,
}

/// One source read from a file (a table in `RowPerSource` mode gives several).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    /// For one of several sources from a file: its own name (e.g. the row's name).
    pub name: Option<String>,
    /// Normalised text (DESIGN.md §5).
    pub text: String,
    /// The format read, e.g. `txt`, `docx`.
    pub format: String,
    /// The encoding decoded from.
    pub encoding: String,
    /// Speaker turns (empty with `SpeakerMode::None`).
    pub turns: Vec<DetectedTurn>,
    /// Char offsets where pages start, for paginated formats.
    pub page_starts: Option<Vec<usize>>,
    /// Media times at paragraph starts (subtitles); empty for untimed formats.
    pub time_marks: Vec<TimeMark>,
    /// Attribute values for the source, e.g. the other columns of a survey row.
    pub attributes: Vec<(String, String)>,
}

/// Why a file could not be imported. The caller adds the file name.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("unsupported format \".{0}\" (Thicket reads {list})", list = SUPPORTED_EXTENSIONS.join(", "))]
    Unsupported(String),
    #[error("the file has no extension, so its format is unknown (rename it, e.g. to .txt)")]
    NoExtension,
    #[error("{0}")]
    Text(#[from] TextError),
    /// The file is not what its extension says, or is damaged: the reason says how.
    #[error("{0}")]
    Malformed(String),
    /// Decompressing or reading it would exceed a safety limit (zip bombs, huge entries).
    #[error("{0}")]
    TooLarge(String),
    /// The file is well formed but holds no text to code (e.g. a scanned PDF without a text layer).
    #[error("{0}")]
    NoText(String),
}

/// File extensions `import_bytes` accepts, lower case.
pub const SUPPORTED_EXTENSIONS: &[&str] =
    &["txt", "text", "md", "markdown", "docx", "odt", "rtf", "html", "htm", "pdf", "srt", "vtt", "csv", "xlsx"];

/// Reads a file's bytes as the format its name says.
pub fn import_bytes(file_name: &str, bytes: &[u8], settings: &ImportSettings) -> Result<Vec<ImportedDocument>, ImportError> {
    let ext = extension(file_name).ok_or(ImportError::NoExtension)?;
    let format = match ext.as_str() {
        "text" => "txt",
        "markdown" => "md",
        "htm" => "html",
        other => other,
    }
    .to_string();
    let extracted = match format.as_str() {
        "txt" => plaintext::extract(bytes)?,
        "md" => markdown::extract(bytes)?,
        "docx" => docx::extract(bytes)?,
        "odt" => odt::extract(bytes)?,
        "rtf" => rtf::extract(bytes)?,
        "html" => html::extract(bytes)?,
        "pdf" => pdf::extract(bytes)?,
        "srt" => subtitles::extract_srt(bytes)?,
        "vtt" => subtitles::extract_vtt(bytes)?,
        "csv" | "xlsx" => {
            let table = if format == "csv" { table::read_csv(bytes)? } else { table::read_xlsx(bytes)? };
            return table_documents(&table, &format, settings);
        }
        other => return Err(ImportError::Unsupported(other.to_string())),
    };
    Ok(vec![finish(extracted, format, settings.speakers, None, Vec::new())?])
}

/// Normalises extracted text, refuses empty results and detects turns.
fn finish(
    extracted: Extracted,
    format: String,
    speakers: SpeakerMode,
    name: Option<String>,
    attributes: Vec<(String, String)>,
) -> Result<ImportedDocument, ImportError> {
    let text = normalize_str(&extracted.text);
    if text.trim().is_empty() {
        return Err(ImportError::Text(TextError::Empty));
    }
    let turns = match speakers {
        SpeakerMode::None => Vec::new(),
        SpeakerMode::Auto if !extracted.turns.is_empty() => extracted.turns,
        SpeakerMode::Auto if extracted.spaces_collapsed => speakers::detect_turns_spaces_collapsed(&text),
        SpeakerMode::Auto => detect_turns(&text),
    };
    Ok(ImportedDocument {
        name,
        text,
        format,
        encoding: extracted.encoding,
        turns,
        page_starts: extracted.page_starts,
        time_marks: extracted.time_marks,
        attributes,
    })
}

/// Turns a table into one document per row (other columns as attributes) or one for the file.
fn table_documents(table: &Table, format: &str, settings: &ImportSettings) -> Result<Vec<ImportedDocument>, ImportError> {
    if table.rows.is_empty() {
        return Err(ImportError::NoText("the table has a header but no rows".into()));
    }
    let extracted = |text: String| Extracted { text, encoding: table.encoding.clone(), ..Default::default() };
    if settings.table == TableMode::FilePerSource {
        let mut text = String::new();
        for row in &table.rows {
            let cells: Vec<String> = table.headers.iter().zip(row).filter(|(_, v)| !v.trim().is_empty()).map(|(h, v)| format!("{h}: {v}")).collect();
            text.push_str(&cells.join("\n"));
            text.push_str("\n\n");
        }
        return Ok(vec![finish(extracted(text), format.to_string(), SpeakerMode::None, None, Vec::new())?]);
    }
    let text_col = column(table, settings.text_column.as_deref(), "text")?.unwrap_or_else(|| longest_column(table));
    let name_col = column(table, settings.name_column.as_deref(), "name")?;
    let mut docs = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let cell = |c: usize| row.get(c).map(String::as_str).unwrap_or("");
        if cell(text_col).trim().is_empty() {
            continue;
        }
        let name = match name_col {
            Some(c) if !cell(c).trim().is_empty() => cell(c).trim().to_string(),
            _ => format!("row {}", i + 2),
        };
        let attributes = table
            .headers
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != text_col && Some(*c) != name_col)
            .filter(|(c, _)| !cell(*c).trim().is_empty())
            .map(|(c, h)| (h.clone(), cell(c).trim().to_string()))
            .collect();
        docs.push(finish(extracted(cell(text_col).to_string()), format.to_string(), settings.speakers, Some(name), attributes)?);
    }
    if docs.is_empty() {
        return Err(ImportError::NoText(format!("column \"{}\" is empty in every row", table.headers[text_col])));
    }
    Ok(docs)
}

/// The index of the named column (exact name first, else ignoring case and spacing), or `None`
/// when no name was given.
fn column(table: &Table, name: Option<&str>, what: &str) -> Result<Option<usize>, ImportError> {
    let Some(name) = name else { return Ok(None) };
    let loose = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let exact = table.headers.iter().position(|h| h.trim() == name.trim());
    exact.or_else(|| table.headers.iter().position(|h| loose(h) == loose(name))).map(Some).ok_or_else(|| {
        ImportError::Malformed(format!("no {what} column \"{name}\" (columns: {})", table.headers.join(", ")))
    })
}

/// The column whose cells hold the most text: the answers, in a survey export.
fn longest_column(table: &Table) -> usize {
    (0..table.headers.len())
        .max_by_key(|&c| (table.rows.iter().map(|r| r.get(c).map_or(0, |v| v.chars().count())).sum::<usize>(), std::cmp::Reverse(c)))
        .unwrap_or(0)
}

/// The lower-case extension of a file name, if it has one.
pub fn extension(file_name: &str) -> Option<String> {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto() -> ImportSettings {
        ImportSettings::default()
    }

    #[test]
    fn format_comes_from_the_extension() {
        assert_eq!(extension("a/b/Visit 3.TXT").as_deref(), Some("txt"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("notes"), None);
        assert!(matches!(import_bytes("x.doc", b"hi", &auto()), Err(ImportError::Unsupported(e)) if e == "doc"));
    }

    #[test]
    fn a_transcript_gets_turns_and_plain_notes_do_not() {
        let doc = import_bytes("s.txt", b"Dana: Hello.\r\nPriya: Hi Dana.\r\nDana: Come in.\r\nPriya: Thanks.\r\n", &auto()).expect("imports");
        assert_eq!(doc[0].text, "Dana: Hello.\nPriya: Hi Dana.\nDana: Come in.\nPriya: Thanks.\n");
        let speakers: Vec<&str> = doc[0].turns.iter().map(|t| t.speaker.as_str()).collect();
        assert_eq!(speakers, ["Dana", "Priya", "Dana", "Priya"]);
        let none = ImportSettings { speakers: SpeakerMode::None, ..auto() };
        let doc = import_bytes("s.txt", b"Dana: Hello.\nPriya: Hi.\nDana: Bye.\nPriya: Bye.\n", &none).expect("imports");
        assert!(doc[0].turns.is_empty());
    }

    #[test]
    fn bad_bytes_give_reasons() {
        assert_eq!(import_bytes("e.txt", b"", &auto()), Err(ImportError::Text(TextError::Empty)));
        assert!(matches!(import_bytes("b.txt", b"\x00\x01\x02PK", &auto()), Err(ImportError::Text(TextError::Binary { .. }))));
    }

    #[test]
    fn survey_rows_become_sources_with_the_other_columns_as_attributes() {
        let table = Table {
            headers: vec!["id".into(), "role".into(), "answer".into()],
            rows: vec![
                vec!["r1".into(), "caregiver".into(), "She listened to me for the first time.".into()],
                vec!["r2".into(), "social_worker".into(), String::new()],
                vec!["r3".into(), "child".into(), "It was ok.".into()],
            ],
            encoding: "UTF-8".into(),
        };
        let settings = ImportSettings { name_column: Some("id".into()), ..auto() };
        let docs = table_documents(&table, "csv", &settings).expect("rows");
        assert_eq!(docs.len(), 2, "empty answers are skipped");
        assert_eq!(docs[0].name.as_deref(), Some("r1"));
        assert_eq!(docs[0].text, "She listened to me for the first time.");
        assert_eq!(docs[0].attributes, [("role".to_string(), "caregiver".to_string())]);
        let whole = table_documents(&table, "csv", &ImportSettings { table: TableMode::FilePerSource, ..auto() }).expect("file");
        assert_eq!(whole.len(), 1);
        assert!(whole[0].text.starts_with("id: r1\nrole: caregiver\nanswer: She listened"));
        // Column names as people type them: any case, extra spaces.
        let loose = ImportSettings { name_column: Some("ID".into()), text_column: Some(" Answer ".into()), ..auto() };
        assert_eq!(table_documents(&table, "csv", &loose).expect("rows")[1].name.as_deref(), Some("r3"));
        let missing = ImportSettings { text_column: Some("comments".into()), ..auto() };
        assert!(matches!(table_documents(&table, "csv", &missing), Err(ImportError::Malformed(m)) if m.contains("comments") && m.contains("answer")));
    }
}
