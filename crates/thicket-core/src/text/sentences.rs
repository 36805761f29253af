//! Sentence boundaries, for autocoding "to the sentence": a text in, the char ranges of its
//! sentences out.
//!
//! Transcripts and field notes are not edited prose, so the rules are deliberately few and
//! predictable, and a researcher can check them against what they see:
//!
//! - a sentence ends after `.`, `?`, `!` or `…` (or a run of them, such as `?!` or `...`), with any
//!   closing quotes or brackets that follow, when whitespace or the end of the paragraph comes next;
//!   the CJK full stops `。`, `？`, `！` end a sentence whatever follows;
//! - a single `.` after a common abbreviation (`Dr.`, `Mrs.`, `vs.` ...), after an initial
//!   (`J. Smith`) or after a dotted abbreviation (`e.g.`, `a.m.`) does not end one;
//! - an ellipsis followed by a lower-case word (`I was... you know`) does not end one;
//! - a paragraph end (a blank line) always ends one; a single line break does not, because
//!   pasted text is often wrapped mid-sentence.
//!
//! Each range is trimmed of surrounding whitespace and includes its closing punctuation. When in
//! doubt the splitter keeps text together: a coding a little too long is easier to trim than
//! one that cut a sentence in half.

use std::ops::Range;

use super::TextIndex;

/// Words that end in a full stop without ending the sentence, lower case and without the stop.
/// "No." and "etc." are left out on purpose: both end sentences in transcripts far more often
/// than they abbreviate.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sr", "jr", "st", "mt", "vs", "approx", "cf", "ca", "dept",
    "esp", "incl", "viz",
];

/// Char ranges of the sentences of `text`, in order, each trimmed of surrounding whitespace.
/// Blank text has none. Linear in the length of the text.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let index = TextIndex::new(text);
    let mut out = Vec::new();
    for paragraph in index.paragraphs() {
        split_paragraph(&chars, paragraph.clone(), &mut out);
    }
    out
}

/// Appends the sentences of `chars[range]`, a paragraph (no blank lines inside).
fn split_paragraph(chars: &[char], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let end = range.end;
    let mut start = range.start;
    let mut i = range.start;
    while i < end {
        if !is_terminator(chars[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < end && is_terminator(chars[i]) {
            i += 1;
        }
        let run = &chars[run_start..i];
        while i < end && is_closer(chars[i]) {
            i += 1;
        }
        let next = chars.get(i).copied().filter(|_| i < end);
        let boundary = if run.iter().any(|c| matches!(c, '。' | '？' | '！')) {
            true
        } else {
            next.is_none_or(char::is_whitespace) && !keeps_going(chars, start, run_start, run, i, end)
        };
        if boundary {
            push_trimmed(chars, start..i, out);
            start = i;
        }
    }
    push_trimmed(chars, start..end, out);
}

/// Whether the terminator run `run` (at `run_start`, followed by whitespace from `after` on)
/// belongs inside the sentence that began at `sentence_start`: an abbreviation, an initial, or an
/// ellipsis before a lower-case word.
fn keeps_going(chars: &[char], sentence_start: usize, run_start: usize, run: &[char], after: usize, end: usize) -> bool {
    if run == ['.'] {
        let word_start = (sentence_start..run_start).rev().find(|&k| chars[k].is_whitespace()).map_or(sentence_start, |k| k + 1);
        let word: String = chars[word_start..run_start].iter().skip_while(|c| is_opener(**c)).collect();
        let mut letters = word.chars();
        // "I." is the pronoun ("So did I."), far more often than an initial in speech.
        let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase() && c != 'I');
        let dotted = word.contains('.') && word.chars().any(char::is_alphabetic);
        return initial || dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str());
    }
    let ellipsis = (run.len() >= 2 && run.iter().all(|c| *c == '.')) || run.contains(&'…');
    ellipsis && (after..end).map(|k| chars[k]).find(|c| !c.is_whitespace()).is_some_and(char::is_lowercase)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '？' | '！')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '«' | ')' | ']' | '」' | '』')
}

/// Opening quotes and brackets that may precede an abbreviation or initial.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '»' | '(' | '[')
}

fn push_trimmed(chars: &[char], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut end = range.end;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| slice_chars(text, r).unwrap_or("<bad range>")).collect()
    }

    #[test]
    fn full_stops_questions_and_exclamations_end_sentences() {
        let text = "Honestly? Same as the others. She comes in!  Then she goes.";
        assert_eq!(sentences(text), [0..9, 10..29, 30..43, 45..59]);
        assert_eq!(split(text), ["Honestly?", "Same as the others.", "She comes in!", "Then she goes."]);
    }

    #[test]
    fn titles_and_initials_do_not_end_a_sentence() {
        let text = "I saw Dr. Patel and Mrs. J. Okafor today. Then we left.";
        assert_eq!(split(text), ["I saw Dr. Patel and Mrs. J. Okafor today.", "Then we left."]);
        assert_eq!(split("Ask MR. Mensah. He knows."), ["Ask MR. Mensah.", "He knows."]);
        assert_eq!(split("So did I. Then we left."), ["So did I.", "Then we left."]);
    }

    #[test]
    fn dotted_abbreviations_do_not_end_a_sentence() {
        assert_eq!(split("Small things, e.g. the school run. Fine."), ["Small things, e.g. the school run.", "Fine."]);
        assert_eq!(split("At 9 a.m. she rang. I answered."), ["At 9 a.m. she rang.", "I answered."]);
    }

    #[test]
    fn no_and_etc_end_sentences_in_speech() {
        assert_eq!(split("No. I don't think so."), ["No.", "I don't think so."]);
        assert_eq!(split("Forms, plans, etc. Nobody reads them."), ["Forms, plans, etc.", "Nobody reads them."]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        let text = "She said \"not again.\" I laughed (a bit.) Then silence.";
        assert_eq!(split(text), ["She said \"not again.\"", "I laughed (a bit.)", "Then silence."]);
    }

    #[test]
    fn a_stop_without_following_space_is_not_an_end() {
        assert_eq!(split("It took 3.5 hours.It was fine"), ["It took 3.5 hours.It was fine"]);
    }

    #[test]
    fn an_ellipsis_before_a_lower_case_word_continues_the_sentence() {
        assert_eq!(split("I was... you know. It's... I don't know."), ["I was... you know.", "It's...", "I don't know."]);
        assert_eq!(split("Well… maybe. Yes?!"), ["Well… maybe.", "Yes?!"]);
    }

    #[test]
    fn paragraph_ends_end_sentences_but_line_breaks_do_not() {
        let text = "Dana: we talked about the\nmornings and the school\n\nPriya: Yes. Mornings.\n";
        assert_eq!(split(text), ["Dana: we talked about the\nmornings and the school", "Priya: Yes.", "Mornings."]);
        assert_eq!(sentences(text), [0..49, 51..62, 63..72]);
    }

    #[test]
    fn a_line_break_after_a_stop_ends_the_sentence() {
        assert_eq!(split("On trial again.\nShe looked in every cupboard."), ["On trial again.", "She looked in every cupboard."]);
    }

    #[test]
    fn offsets_are_chars_not_bytes() {
        let text = "Zoë sagte „Nein.“ Gut. 好。走吧";
        assert_eq!(sentences(text), [0..17, 18..22, 23..25, 25..27]);
        assert_eq!(split(text), ["Zoë sagte „Nein.“", "Gut.", "好。", "走吧"]);
    }

    #[test]
    fn blank_text_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \t").is_empty());
    }
}
