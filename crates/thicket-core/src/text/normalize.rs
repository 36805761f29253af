//! Normalisation of imported text: raw file bytes in, the one `String` Thicket stores for a source out.
//!
//! Every span in a project is a char range into this stored text, so it is produced exactly once and changes as
//! little as possible: a leading UTF-8 byte-order mark is removed and CRLF / lone CR line endings become `\n`.
//! Nothing else is touched (no trimming, no Unicode normalisation), so quotes copied from the original file still
//! match. Input that is not text — empty, binary or invalid UTF-8 — is refused with a [`TextError`] that an
//! importer can show next to the file name.

use std::fmt;

/// The UTF-8 encoding of U+FEFF, which some editors (Notepad, Excel) put at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why bytes could not be accepted as the text of a source.
///
/// `Display` gives a plain-English reason meant to follow a file name, e.g.
/// `cannot import "visit-3.txt": it is not valid UTF-8 (invalid byte at offset 57, line 3)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// Nothing but (optionally) a byte-order mark and whitespace.
    Empty,
    /// A NUL byte, or too many control characters for a text file; `byte_offset` is the first offending byte.
    Binary {
        /// Offset of the first NUL (or other control) byte in the original input.
        byte_offset: usize,
    },
    /// The bytes are not UTF-8 (often a legacy encoding such as Windows-1252, or a UTF-16 file).
    InvalidUtf8 {
        /// Offset of the first invalid byte in the original input, counting any byte-order mark.
        byte_offset: usize,
        /// 1-based line of that byte, counting CRLF, LF and lone CR as line breaks.
        line: usize,
    },
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::Empty => write!(f, "the file is empty"),
            TextError::Binary { byte_offset } => write!(
                f,
                "it looks like a binary file (NUL or control byte at offset {byte_offset}), not text"
            ),
            TextError::InvalidUtf8 { byte_offset, line } => write!(
                f,
                "it is not valid UTF-8 (invalid byte at offset {byte_offset}, line {line})"
            ),
        }
    }
}

impl std::error::Error for TextError {}

/// Turns the bytes of an imported file into Thicket's stored text, or says why they are not text.
///
/// Strips one leading UTF-8 BOM and converts CRLF and lone CR to LF; everything else is kept as is.
/// Checks run in this order, so the most helpful reason wins: empty, binary, invalid UTF-8, whitespace-only
/// (reported as [`TextError::Empty`]). Byte offsets in errors refer to `bytes` as given, BOM included.
pub fn normalize(bytes: &[u8]) -> Result<String, TextError> {
    let bom_len = if bytes.starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 };
    let body = &bytes[bom_len..];
    if body.is_empty() {
        return Err(TextError::Empty);
    }
    if let Some(offset) = binary_offset(body) {
        return Err(TextError::Binary { byte_offset: bom_len + offset });
    }
    let text = std::str::from_utf8(body).map_err(|e| {
        let byte_offset = bom_len + e.valid_up_to();
        TextError::InvalidUtf8 { byte_offset, line: line_of_byte(bytes, byte_offset) }
    })?;
    if text.trim().is_empty() {
        return Err(TextError::Empty);
    }
    Ok(normalize_str(text))
}

/// Normalises text that is already decoded (pasted text, DOCX or PDF extraction): strips one leading BOM
/// (U+FEFF) and converts CRLF and lone CR to LF. Never fails; nothing else changes.
pub fn normalize_str(s: &str) -> String {
    let s = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // '\r' is ASCII, so the byte after it is always a char boundary.
    while let Some((before, after)) = rest.split_once('\r') {
        out.push_str(before);
        out.push('\n');
        rest = after.strip_prefix('\n').unwrap_or(after);
    }
    out.push_str(rest);
    out
}

/// Where `body` stops looking like text: its first NUL byte, or its first control byte when more than one byte
/// in ten is a control character. Tab, LF, CR and form feed are ordinary in text files (form feed separates
/// pages in text extracted from PDFs), so they do not count.
fn binary_offset(body: &[u8]) -> Option<usize> {
    if let Some(nul) = body.iter().position(|&b| b == 0) {
        return Some(nul);
    }
    let controls = body.iter().filter(|&&b| is_binary_control(b)).count();
    if controls * 10 > body.len() {
        return body.iter().position(|&b| is_binary_control(b));
    }
    None
}

/// A control byte that plain text does not normally contain.
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// 1-based line of `offset` in `bytes`, counting line breaks the way [`normalize_str`] converts them, so the
/// number matches what the user sees in an editor.
fn line_of_byte(bytes: &[u8], offset: usize) -> usize {
    let prefix = &bytes[..offset.min(bytes.len())];
    let breaks = prefix
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bom_is_stripped_and_nothing_else_changes() {
        let input = "\u{FEFF}  Zoë said: «ça va»\t\n\nend  ".as_bytes();
        assert_eq!(normalize(input), Ok("  Zoë said: «ça va»\t\n\nend  ".to_owned()));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(normalize(b"a\r\nb\rc\n\r\nd\r"), Ok("a\nb\nc\n\nd\n".to_owned()));
    }

    #[test]
    fn cr_cr_lf_is_two_line_breaks() {
        assert_eq!(normalize_str("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn unicode_is_not_recomposed() {
        // "e" + COMBINING ACUTE stays decomposed: spans must match the original file char for char.
        assert_eq!(normalize("e\u{301}".as_bytes()), Ok("e\u{301}".to_owned()));
    }

    #[test]
    fn empty_bom_only_and_whitespace_only_inputs_are_empty() {
        assert_eq!(normalize(b""), Err(TextError::Empty));
        assert_eq!(normalize(UTF8_BOM), Err(TextError::Empty));
        assert_eq!(normalize(b"\xEF\xBB\xBF \r\n\t\x0C\n"), Err(TextError::Empty));
        assert_eq!(normalize("\u{A0}\u{3000}".as_bytes()), Err(TextError::Empty));
    }

    #[test]
    fn nul_byte_is_binary_with_its_offset() {
        assert_eq!(normalize(b"PK\x03\x04\x00\x00"), Err(TextError::Binary { byte_offset: 4 }));
    }

    #[test]
    fn utf16_file_is_reported_as_binary() {
        // "Hi" in UTF-16LE with its BOM: the NUL high bytes give it away.
        assert_eq!(normalize(b"\xFF\xFEH\x00i\x00"), Err(TextError::Binary { byte_offset: 3 }));
    }

    #[test]
    fn many_control_bytes_are_binary_but_a_few_are_tolerated() {
        assert_eq!(normalize(b"ab\x01\x02\x03cd"), Err(TextError::Binary { byte_offset: 2 }));
        let mostly_text = b"The visit went well.\x1B[0m Then we left.";
        assert!(normalize(mostly_text).is_ok());
    }

    #[test]
    fn binary_offset_counts_the_bom() {
        assert_eq!(normalize(b"\xEF\xBB\xBFab\x00"), Err(TextError::Binary { byte_offset: 5 }));
    }

    #[test]
    fn invalid_utf8_reports_offset_and_line() {
        // Windows-1252 "café" on line 3.
        let input = b"line one\r\nline two\rcaf\xE9\n";
        assert_eq!(normalize(input), Err(TextError::InvalidUtf8 { byte_offset: 22, line: 3 }));
    }

    #[test]
    fn truncated_multibyte_char_at_the_end_is_invalid() {
        assert_eq!(normalize(b"\xEF\xBB\xBFok \xE2\x82"), Err(TextError::InvalidUtf8 { byte_offset: 6, line: 1 }));
    }

    #[test]
    fn errors_read_as_plain_english() {
        assert_eq!(TextError::Empty.to_string(), "the file is empty");
        assert_eq!(
            TextError::Binary { byte_offset: 1234 }.to_string(),
            "it looks like a binary file (NUL or control byte at offset 1234), not text"
        );
        assert_eq!(
            TextError::InvalidUtf8 { byte_offset: 57, line: 3 }.to_string(),
            "it is not valid UTF-8 (invalid byte at offset 57, line 3)"
        );
    }

    /// Text made of pieces that stress line endings, BOMs and multi-byte chars.
    fn messy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("\r\n"),
            Just("\r"),
            Just("\n"),
            Just("\u{FEFF}"),
            Just("é"),
            Just("👩‍👧"),
            Just(" "),
            Just("word"),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn normalized_text_has_no_cr_and_no_leading_bom(s in messy_text()) {
            let out = normalize_str(&s);
            prop_assert!(!out.contains('\r'));
            let bom = '\u{FEFF}';
            prop_assert!(!out.starts_with(bom) || s.starts_with([bom, bom]));
        }

        #[test]
        fn normalize_str_is_idempotent_and_keeps_line_count(s in messy_text()) {
            let once = normalize_str(&s);
            // Only one BOM is stripped per call, so a doubled BOM is the one thing a second pass changes.
            if !once.starts_with('\u{FEFF}') {
                prop_assert_eq!(normalize_str(&once), once.clone());
            }
            let body = s.strip_prefix('\u{FEFF}').unwrap_or(&s);
            let breaks = body.matches("\r\n").count()
                + body.matches('\r').count() - body.matches("\r\n").count()
                + body.matches('\n').count() - body.matches("\r\n").count();
            prop_assert_eq!(once.matches('\n').count(), breaks);
        }

        #[test]
        fn text_without_cr_or_bom_is_unchanged(s in "[^\r\u{FEFF}]*") {
            prop_assert_eq!(normalize_str(&s), s);
        }

        #[test]
        fn normalize_never_panics_and_agrees_with_std_on_utf8(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            match normalize(&bytes) {
                Ok(text) => {
                    prop_assert!(std::str::from_utf8(&bytes).is_ok());
                    prop_assert!(!text.trim().is_empty());
                }
                Err(TextError::InvalidUtf8 { byte_offset, line }) => {
                    let err = std::str::from_utf8(&bytes).err();
                    prop_assert_eq!(err.map(|e| e.valid_up_to()), Some(byte_offset));
                    prop_assert!(line >= 1);
                }
                Err(TextError::Binary { byte_offset }) => prop_assert!(byte_offset < bytes.len()),
                Err(TextError::Empty) => {}
            }
        }
    }
}
