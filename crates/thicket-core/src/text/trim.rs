//! Trimming a span of text to its non-blank ends.
//!
//! A selection made with the mouse often takes a blank or a line break along at either end; a
//! coding should start and end on the words. Kept here, beside the char offsets it works in, so
//! that every face that codes a selection trims it the same way.

use super::slice_chars;
use crate::model::TextSpan;

/// `span` of `text` without the blanks (any Unicode white space) at either end; `None` if the span
/// holds nothing but blanks or does not fit in `text`.
pub fn trim_span(text: &str, span: TextSpan) -> Option<TextSpan> {
    let selected = slice_chars(text, span.start..span.end)?;
    let lead = selected.chars().take_while(|c| c.is_whitespace()).count();
    let trail = selected.chars().rev().take_while(|c| c.is_whitespace()).count();
    TextSpan::new(span.start + lead, span.end.saturating_sub(trail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_a_selection_drops_blanks_at_both_ends_only() {
        let text = "a  « our worker »\n b";
        assert_eq!(trim_span(text, TextSpan::new(1, 19).unwrap()), TextSpan::new(3, 17));
        assert_eq!(trim_span(text, TextSpan::new(1, 3).unwrap()), None);
    }

    #[test]
    fn a_span_already_on_words_or_outside_the_text_is_kept_or_refused() {
        let text = "é\u{a0}word\u{2003}";
        assert_eq!(trim_span(text, TextSpan::new(0, 6).unwrap()), TextSpan::new(0, 6));
        assert_eq!(trim_span(text, TextSpan::new(1, 7).unwrap()), TextSpan::new(2, 6), "no-break and em spaces are blanks");
        assert_eq!(trim_span(text, TextSpan::new(3, 8).unwrap()), None, "past the end");
    }
}
