//! Decoding text files: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or recognised by
//! its zero bytes), and legacy single-byte encodings such as Windows-1252 and Latin-1, detected
//! with chardetng. Binary files are refused before any guessing, so a renamed image never becomes
//! a page of accented gibberish.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::ImportError;
use crate::text::{TextError, normalize};

/// Decodes `bytes` to a `String` (BOM removed, line endings not yet normalised) and names the
/// encoding it was read as.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    if bytes.is_empty() {
        return Err(TextError::Empty.into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, UTF_16LE, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, UTF_16BE, "UTF-16BE");
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return utf16(bytes, enc, if enc == UTF_16LE { "UTF-16LE" } else { "UTF-16BE" });
    }
    match normalize(bytes) {
        Ok(text) => Ok((text, "UTF-8")),
        Err(TextError::InvalidUtf8 { .. }) => legacy(bytes),
        Err(e) => Err(e.into()),
    }
}

fn utf16(bytes: &[u8], encoding: &'static Encoding, name: &'static str) -> Result<(String, &'static str), ImportError> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) if text.contains('\0') => Err(TextError::Binary { byte_offset: 0 }.into()),
        Some(text) => Ok((text.into_owned(), name)),
        None => Err(ImportError::Malformed(format!("it starts like {name} text but holds invalid {name} sequences"))),
    }
}

/// Mostly-ASCII UTF-16 has a zero byte in every other position; real binary files do not show
/// that pattern so regularly.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Not UTF-8 and not binary: guess the legacy encoding (Windows-1252 for Western European text).
fn legacy(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), encoding.name())),
        None => Err(ImportError::Malformed(format!(
            "it is neither UTF-8 nor valid {} (the closest guess); re-save it as UTF-8",
            encoding.name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(), ("café".to_string(), "UTF-8"));
        assert_eq!(decode_text("Zoë".as_bytes()).unwrap(), ("Zoë".to_string(), "UTF-8"));
    }

    #[test]
    fn utf16_with_a_bom_either_way_round() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Dana: ça va".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode_text(&le).unwrap(), ("Dana: ça va".to_string(), "UTF-16LE"));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Dana: ça va".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode_text(&be).unwrap(), ("Dana: ça va".to_string(), "UTF-16BE"));
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_zero_bytes() {
        let le: Vec<u8> = "Interviewer: How was it?\nDana: Fine.".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_text(&le).unwrap().1, "UTF-16LE");
    }

    #[test]
    fn latin1_and_windows_1252_are_decoded() {
        // "Café – naïve" in Windows-1252 (0x96 is an en dash there).
        let (text, enc) = decode_text(b"Le caf\xE9 \x96 na\xEFve, d\xE9j\xE0 vu, tr\xE8s \xE9l\xE9gant.").unwrap();
        assert_eq!(text, "Le café – naïve, déjà vu, très élégant.");
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn binary_is_refused_not_guessed() {
        assert!(matches!(decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01"), Err(ImportError::Text(TextError::Binary { .. }))));
        assert_eq!(decode_text(b""), Err(ImportError::Text(TextError::Empty)));
    }
}
