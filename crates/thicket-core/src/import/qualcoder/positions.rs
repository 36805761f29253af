//! QualCoder's positions to Thicket's char spans, checked against the text QualCoder saw.
//!
//! QualCoder stores `pos0`/`pos1` as positions in a Qt text widget, which counts UTF-16 code
//! units: an emoji or a rare CJK character (outside the Basic Multilingual Plane) counts 2. Some
//! of QualCoder's own edits (extending a coding by a character) compute the quote with SQL's
//! `substr`, which counts code points, so a project can hold both. Thicket also normalises the
//! text (one BOM dropped, CRLF and lone CR to LF), which moves positions after a CR.
//!
//! So every range is tried in the unit QualCoder means first (UTF-16 units of the stored text)
//! and checked against `seltext`, the text QualCoder saw in it (Qt writes line breaks in a
//! selection as U+2029, which the check reads as LF). When it does not match, the other
//! readings (UTF-16 of the normalised text, code points of either) are tried, and then the
//! occurrence of `seltext` nearest to the position; a coding that lands this way is
//! "corrected", one that matches nowhere keeps the first reading and is "mismatched".

use crate::model::TextSpan;
use crate::text::{TextIndex, normalize_str};

/// A source's text as QualCoder stored it and as Thicket stores it, with what maps one to the other.
pub struct SourceText {
    /// The normalised text Thicket stores.
    pub text: String,
    original: TextIndex,
    normalised: TextIndex,
    /// Char position in the original → char position in the normalised text; `None` when
    /// normalising changed nothing.
    map: Option<Vec<usize>>,
}

/// How a range was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// In the unit QualCoder means, and the text matches (or there was no text to check).
    Exact,
    /// Another unit (or a search for the quote nearby) matched; the string says which.
    Corrected(&'static str),
    /// Nothing matched the quote; the range is read in QualCoder's unit anyway.
    Mismatched,
}

impl SourceText {
    /// Indexes `original` (a source's `fulltext`).
    pub fn new(original: &str) -> SourceText {
        let text = normalize_str(original);
        let map = (text != original).then(|| normalisation_map(original));
        SourceText { original: TextIndex::new(original), normalised: TextIndex::new(&text), text, map }
    }

    /// Length of the normalised text in chars.
    pub fn char_len(&self) -> usize {
        self.normalised.char_len()
    }

    /// A position counted in UTF-16 units of the stored text, as a char position of the
    /// normalised text; `None` past the end or inside a surrogate pair.
    pub fn from_utf16(&self, pos: i64) -> Option<usize> {
        let pos = usize::try_from(pos).ok()?;
        let ch = self.original.utf16_to_char(pos)?;
        Some(self.map_char(ch))
    }

    /// `from_utf16` of a range; a position past the end is clamped to the end (QualCoder's
    /// case texts often run to the length in code points), an empty or reversed range is `None`.
    pub fn range_from_utf16(&self, pos0: i64, pos1: i64) -> Option<TextSpan> {
        let clamp = |p: i64| if p.max(0) as usize > self.original.utf16_len() { self.original.utf16_len() as i64 } else { p.max(0) };
        let start = self.from_utf16(clamp(pos0))?;
        let end = self.from_utf16(clamp(pos1))?;
        TextSpan::new(start, end)
    }

    /// True when `pos0..pos1` covers the whole text in any unit QualCoder may have counted in
    /// (a case holding a whole file is stored as 0 to the length in code points, which falls
    /// short of the length in UTF-16 units when the text has emoji).
    pub fn covers_whole(&self, pos0: i64, pos1: i64) -> bool {
        let shortest = self.original.utf16_len().min(self.original.char_len()).min(self.normalised.char_len());
        pos0 <= 0 && pos1 >= 0 && pos1 as usize >= shortest
    }

    fn map_char(&self, ch: usize) -> usize {
        match &self.map {
            Some(m) => m[ch.min(m.len() - 1)],
            None => ch,
        }
    }

    /// Reads a coding's range, checking it against `seltext` when there is one.
    pub fn read_coding(&self, pos0: i64, pos1: i64, seltext: Option<&str>) -> Option<(TextSpan, Reading)> {
        let (Ok(p0), Ok(p1)) = (usize::try_from(pos0), usize::try_from(pos1)) else { return None };
        let first = self.span_in(p0, p1, Unit::Utf16Original);
        let quote = seltext.map(quote_as_stored).filter(|q| !q.is_empty());
        let Some(quote) = quote else { return first.map(|s| (s, Reading::Exact)) };
        if first.is_some_and(|s| self.slice(s) == quote) {
            return first.map(|s| (s, Reading::Exact));
        }
        for unit in [Unit::Utf16Normalised, Unit::CharsOriginal, Unit::CharsNormalised] {
            if let Some(s) = self.span_in(p0, p1, unit)
                && self.slice(s) == quote
            {
                return Some((s, Reading::Corrected(unit.describe())));
            }
        }
        let near = first.map_or_else(|| self.normalised.utf16_to_char(p0.min(self.normalised.utf16_len())).unwrap_or(0), |s| s.start);
        if let Some(s) = self.nearest(&quote, near) {
            return Some((s, Reading::Corrected("the quoted text, found nearby")));
        }
        first.map(|s| (s, Reading::Mismatched))
    }

    fn span_in(&self, p0: usize, p1: usize, unit: Unit) -> Option<TextSpan> {
        let (a, b) = match unit {
            Unit::Utf16Original => (self.map_char(self.original.utf16_to_char(p0)?), self.map_char(self.original.utf16_to_char(p1)?)),
            Unit::Utf16Normalised => (self.normalised.utf16_to_char(p0)?, self.normalised.utf16_to_char(p1)?),
            Unit::CharsOriginal => {
                if p1 > self.original.char_len() {
                    return None;
                }
                (self.map_char(p0), self.map_char(p1))
            }
            Unit::CharsNormalised => {
                if p1 > self.normalised.char_len() {
                    return None;
                }
                (p0, p1)
            }
        };
        TextSpan::new(a, b)
    }

    /// The normalised text of a span.
    pub fn slice(&self, span: TextSpan) -> &str {
        self.normalised.char_range_to_byte_range(span.start..span.end).and_then(|r| self.text.get(r)).unwrap_or_default()
    }

    /// The occurrence of `quote` whose start is nearest to char position `near`.
    fn nearest(&self, quote: &str, near: usize) -> Option<TextSpan> {
        let near_byte = self.normalised.char_to_byte(near.min(self.normalised.char_len()))?;
        let best = self.text.match_indices(quote).map(|(b, _)| b).min_by_key(|b| b.abs_diff(near_byte))?;
        let start = self.normalised.byte_to_char(best)?;
        TextSpan::new(start, start + quote.chars().count())
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Utf16Original,
    Utf16Normalised,
    CharsOriginal,
    CharsNormalised,
}

impl Unit {
    fn describe(self) -> &'static str {
        match self {
            Unit::Utf16Original => "UTF-16 units",
            Unit::Utf16Normalised => "UTF-16 units of the text with its line endings normalised",
            Unit::CharsOriginal => "code points",
            Unit::CharsNormalised => "code points of the text with its line endings normalised",
        }
    }
}

/// A quote as Thicket would store it: Qt's paragraph separators (U+2029, how a selection's line
/// breaks come out of a Qt text widget) read as LF, then normalised like the text.
fn quote_as_stored(seltext: &str) -> String {
    let s = seltext.replace('\u{2029}', "\n");
    let s = normalize_str(&s);
    // normalize_str drops a leading BOM, which a quote from the middle of a text never has.
    if seltext.starts_with('\u{FEFF}') { format!("\u{FEFF}{s}") } else { s }
}

/// For each char position of `original` (0..=n), the char position in `normalize_str(original)`:
/// a leading BOM and the CR of a CRLF produce nothing, a lone CR produces one LF.
fn normalisation_map(original: &str) -> Vec<usize> {
    let chars: Vec<char> = original.chars().collect();
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut produced = 0;
    for (i, c) in chars.iter().enumerate() {
        map.push(produced);
        let dropped = (i == 0 && *c == '\u{FEFF}') || (*c == '\r' && chars.get(i + 1) == Some(&'\n'));
        if !dropped {
            produced += 1;
        }
    }
    map.push(produced);
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(a: usize, b: usize) -> TextSpan {
        TextSpan::new(a, b).unwrap()
    }

    #[test]
    fn utf16_positions_after_an_emoji_land_on_the_quoted_text() {
        // "👩‍👧" is 3 chars (woman, ZWJ, girl) and 5 UTF-16 units.
        let t = SourceText::new("Mum 👩‍👧 said 我们 okay");
        let (s, how) = t.read_coding(10, 14, Some("said")).unwrap();
        assert_eq!((t.slice(s), how), ("said", Reading::Exact));
        assert_eq!(s, span(8, 12));
    }

    #[test]
    fn code_point_positions_are_corrected_when_the_quote_says_so() {
        let t = SourceText::new("Mum 👩‍👧 said 我们 okay");
        let (s, how) = t.read_coding(8, 12, Some("said")).unwrap();
        assert_eq!(t.slice(s), "said");
        assert_eq!(how, Reading::Corrected("code points"));
    }

    #[test]
    fn crlf_is_normalised_and_positions_follow() {
        let t = SourceText::new("one\r\ntwo\r\nthree");
        assert_eq!(t.text, "one\ntwo\nthree");
        let (s, how) = t.read_coding(10, 15, Some("three")).unwrap();
        assert_eq!((t.slice(s), how), ("three", Reading::Exact));
        // A selection across the break comes out of Qt with U+2029.
        let (s, how) = t.read_coding(5, 15, Some("two\u{2029}three")).unwrap();
        assert_eq!((t.slice(s), how), ("two\nthree", Reading::Exact));
    }

    #[test]
    fn a_shifted_range_is_found_by_its_quote_and_a_wrong_quote_is_reported() {
        let t = SourceText::new("alpha beta gamma beta");
        let (s, how) = t.read_coding(12, 16, Some("beta")).unwrap();
        assert_eq!((s, how), (span(17, 21), Reading::Corrected("the quoted text, found nearby")));
        let (s, how) = t.read_coding(0, 5, Some("omega")).unwrap();
        assert_eq!((s, how), (span(0, 5), Reading::Mismatched));
        assert_eq!(t.read_coding(3, 99, None), None);
    }

    #[test]
    fn the_map_drops_a_bom_and_the_cr_of_crlf() {
        assert_eq!(normalisation_map("\u{FEFF}a\r\nb\rc"), vec![0, 0, 1, 1, 2, 3, 4, 5]);
    }
}
