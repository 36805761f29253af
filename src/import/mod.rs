//! Importers: bytes in, an `ImportedDocument` out. Pure: no database, no file system.
//!
//! Each format has its own module; this one picks the module by file extension and runs speaker
//! detection on the resulting text. The project layer (`Project::import_paths`) reads files,
//! calls `import_bytes`, and turns the documents into one `ImportSources` action.

mod plaintext;
pub mod speakers;

use crate::text::TextError;

pub use speakers::{DetectedTurn, detect_turns};

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

/// The result of reading one file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    /// Normalised text (DESIGN.md §5).
    pub text: String,
    /// The format read, e.g. `txt`.
    pub format: String,
    /// The encoding decoded from.
    pub encoding: String,
    /// Speaker turns found (empty with `SpeakerMode::None`).
    pub turns: Vec<DetectedTurn>,
    /// Char offsets where pages start, for paginated formats.
    pub page_starts: Option<Vec<usize>>,
}

/// Why a file could not be imported. The caller adds the file name.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("unsupported format \".{0}\" (Thicket reads .txt and .md; more formats are coming)")]
    Unsupported(String),
    #[error("the file has no extension, so its format is unknown (rename it to .txt or .md)")]
    NoExtension,
    #[error("{0}")]
    Text(#[from] TextError),
}

/// File extensions `import_bytes` accepts, lower case.
pub const SUPPORTED_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// Reads a file's bytes as the format its name says.
pub fn import_bytes(file_name: &str, bytes: &[u8], speakers: SpeakerMode) -> Result<ImportedDocument, ImportError> {
    let ext = extension(file_name).ok_or(ImportError::NoExtension)?;
    let mut doc = match ext.as_str() {
        "txt" | "text" => plaintext::read(bytes, "txt")?,
        "md" | "markdown" => plaintext::read(bytes, "md")?,
        other => return Err(ImportError::Unsupported(other.to_string())),
    };
    if speakers == SpeakerMode::Auto {
        doc.turns = detect_turns(&doc.text);
    }
    Ok(doc)
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

    #[test]
    fn format_comes_from_the_extension() {
        assert_eq!(extension("a/b/Visit 3.TXT").as_deref(), Some("txt"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("notes"), None);
        assert!(matches!(import_bytes("x.docx", b"hi", SpeakerMode::Auto), Err(ImportError::Unsupported(e)) if e == "docx"));
    }

    #[test]
    fn a_transcript_gets_turns_and_plain_notes_do_not() {
        let doc = import_bytes("s.txt", b"Dana: Hello.\r\nPriya: Hi Dana.\r\nDana: Come in.\r\nPriya: Thanks.\r\n", SpeakerMode::Auto)
            .expect("imports");
        assert_eq!(doc.text, "Dana: Hello.\nPriya: Hi Dana.\nDana: Come in.\nPriya: Thanks.\n");
        let speakers: Vec<&str> = doc.turns.iter().map(|t| t.speaker.as_str()).collect();
        assert_eq!(speakers, ["Dana", "Priya", "Dana", "Priya"]);
        let none = import_bytes("s.txt", b"Dana: Hello.\nPriya: Hi.\nDana: Bye.\nPriya: Bye.\n", SpeakerMode::None).expect("imports");
        assert!(none.turns.is_empty());
    }

    #[test]
    fn bad_bytes_give_reasons() {
        assert_eq!(import_bytes("e.txt", b"", SpeakerMode::Auto), Err(ImportError::Text(TextError::Empty)));
        assert!(matches!(import_bytes("b.txt", b"\x00\x01\x02PK", SpeakerMode::Auto), Err(ImportError::Text(TextError::Binary { .. }))));
        assert!(matches!(import_bytes("u.txt", b"caf\xe9 au lait", SpeakerMode::Auto), Err(ImportError::Text(TextError::InvalidUtf8 { .. }))));
    }
}
