//! Plain text and Markdown: UTF-8 (with or without BOM), kept as written apart from line endings.

use super::{ImportError, ImportedDocument};
use crate::text::normalize;

/// Reads UTF-8 text; Markdown is kept as typed (its markup is readable as plain text).
pub(super) fn read(bytes: &[u8], format: &str) -> Result<ImportedDocument, ImportError> {
    let text = normalize(bytes)?;
    Ok(ImportedDocument {
        text,
        format: format.to_string(),
        encoding: "UTF-8".to_string(),
        turns: Vec::new(),
        page_starts: None,
    })
}
