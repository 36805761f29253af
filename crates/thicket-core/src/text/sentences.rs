//! Sentence boundaries, for autocoding "to the sentence": a text in, the char ranges of its
//! sentences out.
//!
//! Transcripts and field notes are not edited prose, so the rules are deliberately few and
//! predictable, and a researcher can check them against what they see:
//!
//! - a sentence ends after `.`, `?`, `!` or `…` (or a run of them, such as `?!` or `...`), with any
//!   closing quotes or brackets that follow, when whitespace or the end of the paragraph comes next;
//!   the CJK full stops `。`, `？`, `！` end a sentence whatever follows;
//! - a single `.` after a common abbreviation does not end one: English (`Dr.`, `Mrs.`, `vs.`,
//!   `approx.`), Spanish (`Sr.`, `Sra.`, `Dra.`, `Ud.`, `Uds.`, `pág.`, `p. ej.`) and Dutch
//!   (`dhr.`, `mevr.`, `bijv.`, `blz.`); nor after an initial (`J. Smith`) or a dotted
//!   abbreviation (`e.g.`, `i.e.`, `a.m.`, `d.w.z.`, `o.a.`, `m.b.t.`, `i.p.v.`, `t.a.v.`,
//!   `z.g.a.n.`);
//! - `etc.` and Dutch `enz.` end a sentence only when a capital follows (`etc. and more` goes on,
//!   `etc. Nobody` ends), since they close a list as often as they close a sentence;
//! - an ellipsis followed by a lower-case word (`I was... you know`) does not end one;
//! - Spanish inverted marks: `¿` and `¡` begin a sentence, so `Sí.¿Vienes?` is two even without a
//!   space; the `?` or `!` that closes them ends the sentence unless a lower-case word follows,
//!   which the Spanish norm writes when the question or exclamation is part of a longer sentence
//!   (`Dijo ¿vienes? y se fue` is one sentence, `¿Vienes? No lo sé.` two);
//! - a Dutch word that starts with an elided article (`'s Morgens`, `'t Is`, `’s-Hertogenbosch`)
//!   counts as a capitalised sentence start;
//! - a paragraph end (a blank line) always ends one; a single line break does not, because
//!   pasted text is often wrapped mid-sentence.
//!
//! Each range is trimmed of surrounding whitespace and includes its closing punctuation. When in
//! doubt the splitter keeps text together: a coding a little too long is easier to trim than
//! one that cut a sentence in half.

use std::ops::Range;

use super::TextIndex;

/// Words that end in a full stop without ending the sentence, lower case and without the stop:
/// English, Spanish and Dutch titles and abbreviations. "No." is left out on purpose: it ends
/// sentences in transcripts far more often than it abbreviates "number".
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sr", "jr", "st", "mt", "vs", "approx", "cf", "ca", "dept",
    "esp", "incl", "viz",
    // Spanish
    "sra", "srta", "sres", "dra", "dres", "lic", "ing", "ud", "uds", "vd", "vds", "pág", "pag", "págs", "p", "ej",
    "núm", "aprox", "tel", "avda", "av",
    // Dutch
    "dhr", "mevr", "mw", "drs", "ir", "bijv", "blz", "nr", "resp", "evt", "jl", "vnl",
];

/// Abbreviations that close a list: they end a sentence only before a capital.
const LIST_ENDS: &[&str] = &["etc", "enz", "usw"];

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
        } else if matches!(next, Some('¿' | '¡')) {
            // "Sí.¿Vienes?": an inverted mark begins the next sentence.
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
        let lower = word.to_lowercase();
        if LIST_ENDS.contains(&lower.as_str()) {
            return next_word_is_lower_case(chars, after, end);
        }
        return initial || dotted || ABBREVIATIONS.contains(&lower.as_str());
    }
    let ellipsis = (run.len() >= 2 && run.iter().all(|c| *c == '.')) || run.contains(&'…');
    // "Dijo ¿vienes? y se fue": the mark closes an inverted one, and the sentence goes on in lower case.
    let closes_inverted = run.iter().any(|c| matches!(c, '?' | '!')) && opens_inverted(chars, sentence_start, run_start);
    (ellipsis || closes_inverted) && next_word_is_lower_case(chars, after, end)
}

/// Whether an inverted `¿` or `¡` between `from` and `to` is still open at `to`.
fn opens_inverted(chars: &[char], from: usize, to: usize) -> bool {
    let mut open = 0usize;
    for &c in &chars[from..to] {
        match c {
            '¿' | '¡' => open += 1,
            '?' | '!' => open = open.saturating_sub(1),
            _ => {}
        }
    }
    open > 0
}

/// Whether the first word from `after` on (up to `end`) begins with a lower-case letter. A Dutch
/// elided article (`'s`, `'t`, `'n`, with either apostrophe) begins a capitalised sentence.
fn next_word_is_lower_case(chars: &[char], after: usize, end: usize) -> bool {
    let Some(k) = (after..end).find(|&k| !chars[k].is_whitespace()) else { return false };
    let c = chars[k];
    if matches!(c, '\'' | '’') {
        let article = chars.get(k + 1).is_some_and(|c| matches!(c, 's' | 't' | 'n'));
        let then = chars.get(k + 2).is_none_or(|c| c.is_whitespace() || matches!(c, '-' | '‐'));
        if article && then {
            return false;
        }
    }
    c.is_lowercase()
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '。' | '？' | '！')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '«' | ')' | ']' | '」' | '』')
}

/// Opening quotes, brackets and inverted marks that may precede an abbreviation or initial.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '«' | '»' | '(' | '[' | '¿' | '¡')
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
        assert_eq!(split("Forms, plans, etc. and the rest. Fine."), ["Forms, plans, etc. and the rest.", "Fine."]);
    }

    #[test]
    fn english_latin_abbreviations_do_not_end_a_sentence() {
        let text = "Mr. Okafor and Dr. Lane came, i.e. both of them, approx. at noon. Then vs. now.";
        assert_eq!(split(text), ["Mr. Okafor and Dr. Lane came, i.e. both of them, approx. at noon.", "Then vs. now."]);
    }

    #[test]
    fn spanish_inverted_marks_open_sentences_and_questions_inside_one_stay_in_it() {
        let text = "La Sra. Rojas llegó tarde. ¿Vienes mañana? No lo sé. ¡Qué susto! Dijo ¿vienes? y se fue.";
        assert_eq!(
            split(text),
            ["La Sra. Rojas llegó tarde.", "¿Vienes mañana?", "No lo sé.", "¡Qué susto!", "Dijo ¿vienes? y se fue."]
        );
        assert_eq!(split("Sí.¿Vienes?¡Claro!"), ["Sí.", "¿Vienes?", "¡Claro!"]);
        // A question closing an inverted mark before a capital ends the sentence.
        assert_eq!(split("Le pregunté ¿estás bien? Nadie contestó."), ["Le pregunté ¿estás bien?", "Nadie contestó."]);
        // Without an inverted mark (English), a lower-case word after "?" does not glue sentences.
        assert_eq!(split("What? no way."), ["What?", "no way."]);
    }

    #[test]
    fn spanish_abbreviations_do_not_end_a_sentence() {
        let text = "La Dra. Méndez y el Sr. Pérez hablaron con Ud. sobre la pág. 4, p. ej. el informe, etc. Después se fueron.";
        assert_eq!(split(text), ["La Dra. Méndez y el Sr. Pérez hablaron con Ud. sobre la pág. 4, p. ej. el informe, etc.", "Después se fueron."]);
        assert_eq!(split("¿Uds. vienen? Sí."), ["¿Uds. vienen?", "Sí."]);
    }

    #[test]
    fn dutch_abbreviations_do_not_end_a_sentence() {
        let text = "Dhr. Jansen en mevr. De Vries kwamen, o.a. over school, bijv. de reis, d.w.z. de bus. Daarna niets.";
        assert_eq!(split(text), ["Dhr. Jansen en mevr. De Vries kwamen, o.a. over school, bijv. de reis, d.w.z. de bus.", "Daarna niets."]);
        let text = "Zie blz. 12 m.b.t. de afspraken i.p.v. de brief, t.a.v. de moeder, z.g.a.n. fiets, enz. en meer. Klaar.";
        assert_eq!(split(text), ["Zie blz. 12 m.b.t. de afspraken i.p.v. de brief, t.a.v. de moeder, z.g.a.n. fiets, enz. en meer.", "Klaar."]);
    }

    #[test]
    fn dutch_elided_articles_begin_a_sentence() {
        let text = "Ze woont in ’s-Hertogenbosch. ’s Morgens brengt ze de kinderen. Het is zwaar… ’t Is veel, enz. ’s Avonds rust.";
        assert_eq!(
            split(text),
            ["Ze woont in ’s-Hertogenbosch.", "’s Morgens brengt ze de kinderen.", "Het is zwaar…", "’t Is veel, enz.", "’s Avonds rust."]
        );
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
