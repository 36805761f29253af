//! Finding a word, a phrase or a regular expression in a text: a [`SearchPattern`] in, the char
//! spans of its matches out.
//!
//! A plain pattern is matched as a whole phrase: any run of whitespace in it matches any run of
//! whitespace in the text, so a phrase is found across a line break. Query and text are compared
//! after folding ([`Folding`], by default ignoring case, Latin accents, typographic quotes and
//! dashes, and Unicode form), and hits are mapped back to the stored text's chars. With
//! `whole_word` a match may not cut a word at either end (`care` does not find `careful`).
//!
//! A regular expression uses the `regex` crate's syntax as written (case-sensitive unless it says
//! `(?i)`), with `^` and `$` at line starts and ends, since transcripts are line-oriented. Of the
//! folding options only the Unicode form applies to it: text and pattern are both put in NFC, so a
//! precomposed `ë` in a pattern finds a decomposed one in the text. Case, accents and typography
//! are not folded inside a regular expression (a class such as `[’']` says what it means).
//!
//! Matches never overlap and are never empty. Offsets are chars (DESIGN.md §5), computed in one
//! pass over the text, so finding is linear in its length. An ASCII text under folding that
//! leaves ASCII as it is (all but the Turkish and Dutch case rules) is searched as stored, with a
//! case-insensitive regex, without building a folded copy.
//!
//! [`Finder::index_terms`] says which words every match of a plain pattern must contain as whole
//! words (or as a word's start), so that a full-text index can narrow the texts worth scanning.

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use super::fold::{Folding, Language, index_spellings};
use crate::model::TextSpan;

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchPattern {
    /// The text typed by the user (a phrase, or a regular expression).
    pub text: String,
    pub kind: PatternKind,
    /// What a plain pattern ignores; of it, a regular expression uses only `unicode`.
    #[serde(default)]
    pub folding: Folding,
}

/// How [`SearchPattern::text`] is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// A phrase, folded as the pattern's [`Folding`] says; with `whole_word`, matches may not cut a
    /// word at either end.
    Plain { whole_word: bool },
    /// A regular expression (`regex` crate syntax), multi-line.
    Regex,
}

/// Why a pattern cannot be searched for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("nothing to search for: the pattern is empty")]
    Empty,
    #[error("invalid regular expression \"{pattern}\": {reason}")]
    InvalidRegex { pattern: String, reason: String },
}

impl SearchPattern {
    /// A plain phrase, with the default folding.
    pub fn plain(text: impl Into<String>, whole_word: bool) -> Self {
        SearchPattern { text: text.into(), kind: PatternKind::Plain { whole_word }, folding: Folding::default() }
    }

    /// A regular expression (text and pattern compared in NFC).
    pub fn regex(text: impl Into<String>) -> Self {
        SearchPattern { text: text.into(), kind: PatternKind::Regex, folding: Folding::default() }
    }

    /// The same pattern with other folding options.
    pub fn with_folding(mut self, folding: Folding) -> Self {
        self.folding = folding;
        self
    }

    /// Checks the pattern and prepares it for searching.
    pub fn compile(&self) -> Result<Finder, PatternError> {
        let invalid = |e: regex::Error| PatternError::InvalidRegex { pattern: self.text.clone(), reason: regex_reason(&e) };
        let build = |source: &str| RegexBuilder::new(source).multi_line(true).build().map_err(invalid);
        match self.kind {
            PatternKind::Plain { whole_word } => {
                let folding = self.folding;
                let folded = folding.fold_str(&self.text);
                let body = plain_regex(&folded, whole_word)?;
                let regex = build(&body)?;
                let ascii = if !folding.ascii_is_plain() {
                    AsciiText::Fold
                } else if !folded.is_ascii() {
                    AsciiText::NoMatch
                } else if folding.ignore_case {
                    AsciiText::Search(build(&format!("(?i){body}"))?)
                } else {
                    AsciiText::Search(regex.clone())
                };
                let text_folding = (!folding.is_exact()).then_some(folding);
                Ok(Finder { regex, ascii, text_folding, folded_query: folded, pattern: self.clone() })
            }
            PatternKind::Regex if self.text.is_empty() => Err(PatternError::Empty),
            PatternKind::Regex => {
                let folding = Folding { unicode: self.folding.unicode, ..Folding::EXACT };
                let source = folding.fold_str(&self.text);
                let regex = build(&source)?;
                let text_folding = (!folding.is_exact()).then_some(folding);
                Ok(Finder { ascii: AsciiText::Search(regex.clone()), regex, text_folding, folded_query: source, pattern: self.clone() })
            }
        }
    }
}

impl std::fmt::Display for SearchPattern {
    /// `"on trial"`, `"care" (whole words)`, `/^Dana:/`, as reports quote it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            PatternKind::Plain { whole_word } => {
                write!(f, "“{}”", self.text)?;
                let mut notes = Vec::new();
                if whole_word {
                    notes.push("whole words");
                }
                let d = Folding::default();
                let folding = self.folding;
                if !folding.ignore_case {
                    notes.push("match case");
                }
                if !folding.ignore_accents {
                    notes.push("match accents");
                }
                if folding.typography != d.typography || folding.unicode != d.unicode {
                    notes.push("exact characters");
                }
                match folding.language {
                    Language::Other => {}
                    Language::Dutch => notes.push("Dutch"),
                    Language::Turkish => notes.push("Turkish"),
                }
                if notes.is_empty() { Ok(()) } else { write!(f, " ({})", notes.join(", ")) }
            }
            PatternKind::Regex => write!(f, "/{}/", self.text),
        }
    }
}

/// How a compiled pattern treats a text that is all ASCII.
#[derive(Debug, Clone)]
enum AsciiText {
    /// Search the stored text with this regex; folding would change nothing a regex cannot say.
    Search(Regex),
    /// The folded query has a non-ASCII char, which no folded ASCII text holds.
    NoMatch,
    /// Fold it like any other text (language rules change ASCII letters).
    Fold,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Finder {
    /// The folded pattern, for folded text.
    regex: Regex,
    ascii: AsciiText,
    /// How texts are folded before `regex` runs; `None` when they are searched as stored.
    text_folding: Option<Folding>,
    /// The pattern text, folded.
    folded_query: String,
    pattern: SearchPattern,
}

/// A word that every match contains: whole, or (with `prefix`) as the start of a longer word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexTerm {
    pub word: String,
    pub prefix: bool,
    /// The spellings the index may hold for `word` (it among them), any of which will do.
    pub spellings: Vec<String>,
}

impl Finder {
    /// The pattern this finder was compiled from.
    pub fn pattern(&self) -> &SearchPattern {
        &self.pattern
    }

    /// Every match in `text`, as char spans of `text` in text order.
    pub fn find(&self, text: &str) -> Vec<TextSpan> {
        match self.plan(text) {
            Plan::Stored(regex) => char_spans(regex, text),
            Plan::Nothing => Vec::new(),
            Plan::Folded(folding) => {
                let folded = folding.fold(text);
                let mut out: Vec<TextSpan> = Vec::new();
                for span in char_spans(&self.regex, &folded.text) {
                    let span = folded.original_span(span.start, span.end);
                    // Two hits inside one widened stretch (two "s" of one "ß") are one hit.
                    match out.last_mut() {
                        Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                        _ => out.push(span),
                    }
                }
                out
            }
        }
    }

    /// Whether `text` has at least one match.
    pub fn is_match(&self, text: &str) -> bool {
        match self.plan(text) {
            Plan::Stored(regex) => regex.find_iter(text).any(|m| !m.is_empty()),
            Plan::Nothing => false,
            Plan::Folded(folding) => self.regex.find_iter(&folding.fold(text).text).any(|m| !m.is_empty()),
        }
    }

    /// How to search `text`: as stored (no folding, or an ASCII text), or folded.
    fn plan(&self, text: &str) -> Plan<'_> {
        let Some(folding) = self.text_folding else { return Plan::Stored(&self.regex) };
        if text.is_ascii() {
            match &self.ascii {
                AsciiText::Search(regex) => return Plan::Stored(regex),
                AsciiText::NoMatch => return Plan::Nothing,
                AsciiText::Fold => {}
            }
        }
        Plan::Folded(folding)
    }

    /// Words every match must contain, for narrowing by a word index; `None` when nothing can be
    /// said (a regular expression, or one word that a match may cut at both ends).
    ///
    /// A word of the pattern is whole in every match when the pattern has a non-word char (or,
    /// with `whole_word`, its end) on both sides of it; the last word, open at its end, is the
    /// start of a word in the text. The first word, open at its start, could be the end of any
    /// word, and is left out.
    ///
    /// Terms are words of the folded pattern. The index folds case and Latin accents itself; the
    /// folds it does not know (ligatures, `ĳ`, `ß`) are asked for in every spelling
    /// ([`IndexTerm::spellings`]). Under typographic folding a word may be followed in the text by
    /// a modifier-letter apostrophe (`workerʼs`), which the index reads as a letter, so every
    /// term is then a prefix. The Turkish case rules have no counterpart in the index: nothing is
    /// said then.
    pub fn index_terms(&self) -> Option<Vec<IndexTerm>> {
        let PatternKind::Plain { whole_word } = self.pattern.kind else { return None };
        let folding = self.pattern.folding;
        if folding.language == Language::Turkish && folding.ignore_case {
            return None;
        }
        let text = self.folded_query.trim();
        let chars: Vec<char> = text.chars().collect();
        let mut terms = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            // After an apostrophe the word may be the end of one the index holds whole (`workerʼs`).
            let after_apostrophe = folding.typography && start > 0 && chars[start - 1] == '\'';
            let open_start = (start == 0 && !whole_word) || after_apostrophe;
            let open_end = (i == chars.len() && !whole_word) || folding.typography;
            if open_start {
                continue;
            }
            let word: String = chars[start..i].iter().collect();
            // A word with too many spellings is left out: fewer terms only widen the candidates.
            if let Some(spellings) = index_spellings(&word, &folding, open_end) {
                terms.push(IndexTerm { word, prefix: open_end, spellings });
            }
        }
        (!terms.is_empty()).then_some(terms)
    }
}

/// Where [`Finder::find`] looks.
enum Plan<'a> {
    /// In the stored text, with this regex.
    Stored(&'a Regex),
    /// Nowhere: nothing can match.
    Nothing,
    /// In the text folded so.
    Folded(Folding),
}

/// The non-empty matches of `regex` in `text`, as char spans, in one pass.
fn char_spans(regex: &Regex, text: &str) -> Vec<TextSpan> {
    let mut out = Vec::new();
    let (mut byte, mut ch) = (0, 0);
    let mut to_char = |b: usize| {
        ch += text[byte..b].chars().count();
        byte = b;
        ch
    };
    for m in regex.find_iter(text) {
        if m.is_empty() {
            continue;
        }
        let start = to_char(m.start());
        let end = to_char(m.end());
        out.push(TextSpan { start, end });
    }
    out
}

/// The regex for a plain phrase, already folded: escaped, whitespace runs as `\s+`, and word
/// boundaries at the ends that start or end with a word char when `whole_word` is set.
fn plain_regex(text: &str, whole_word: bool) -> Result<String, PatternError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Err(PatternError::Empty);
    }
    let body = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\s+");
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let first = words.first().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next_back());
    let open = if whole_word && is_word(first) { r"\b" } else { "" };
    let close = if whole_word && is_word(last) { r"\b" } else { "" };
    Ok(format!("{open}{body}{close}"))
}

/// The regex crate's message without its multi-line drawing of the pattern: the line after
/// "error: ", which says what is wrong.
fn regex_reason(e: &regex::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once("error: ") {
        Some((_, reason)) => reason.trim().to_string(),
        None => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn spans(pattern: SearchPattern, text: &str) -> Vec<(usize, usize)> {
        pattern.compile().unwrap_or_else(|e| panic!("{e}")).find(text).into_iter().map(|s| (s.start, s.end)).collect()
    }

    fn found(pattern: SearchPattern, text: &str) -> Vec<&str> {
        spans(pattern, text).into_iter().map(|(s, e)| slice_chars(text, s..e).unwrap_or("<bad span>")).collect()
    }

    #[test]
    fn plain_phrases_are_case_insensitive_and_cross_line_breaks() {
        let text = "I felt like I was On\ntrial again. on trial, ON TRIAL";
        assert_eq!(spans(SearchPattern::plain("on trial", false), text), [(18, 26), (34, 42), (44, 52)]);
        assert_eq!(found(SearchPattern::plain("  on   trial ", false), text), ["On\ntrial", "on trial", "ON TRIAL"]);
    }

    #[test]
    fn whole_words_do_not_match_inside_longer_words() {
        let text = "Care, careful, scarecrow, care.";
        assert_eq!(spans(SearchPattern::plain("care", false), text), [(0, 4), (6, 10), (16, 20), (26, 30)]);
        assert_eq!(spans(SearchPattern::plain("care", true), text), [(0, 4), (26, 30)]);
        // A pattern that starts with punctuation needs no word boundary there.
        assert_eq!(found(SearchPattern::plain("'cause", true), "x'cause 'causeway"), ["'cause"]);
    }

    #[test]
    fn regex_special_chars_in_plain_phrases_are_literal() {
        assert_eq!(found(SearchPattern::plain("(laughs)", false), "Priya: (laughs) I do."), ["(laughs)"]);
        assert_eq!(found(SearchPattern::plain("a.b", false), "axb a.b"), ["a.b"]);
    }

    #[test]
    fn offsets_are_chars_after_multibyte_text() {
        let text = "Zoë 😀 said: naïve Naïve";
        assert_eq!(spans(SearchPattern::plain("naïve", true), text), [(12, 17), (18, 23)]);
        assert_eq!(spans(SearchPattern::regex("N\\w+"), text), [(18, 23)]);
    }

    /// Fictional lines from a child-protection interview, in Spanish and Dutch.
    const ES: &str = "Trabajadora: ¿Cómo fue la PARTICIPACIÓN de la madre?\nMadre: La participación… bueno, Zoe\u{308} no vino; el worker’s report — dijo — “no”.";
    const NL: &str = "Ouder: In ’s-Hertogenbosch, bij het IJsselmeer, hadden we het niet over ĳs. Het Ijsselmeer-gesprek was in de oﬃce.";

    #[test]
    fn accents_case_and_unicode_form_are_folded_by_default() {
        assert_eq!(found(SearchPattern::plain("participacion", true), ES), ["PARTICIPACIÓN", "participación"]);
        assert_eq!(found(SearchPattern::plain("Zoë", true), ES), ["Zoe\u{308}"]);
        assert_eq!(found(SearchPattern::plain("zoe", true), ES), ["Zoe\u{308}"]);
        assert_eq!(found(SearchPattern::plain("Zoe\u{308}", true), "Zoë y Zoe"), ["Zoë", "Zoe"]);
    }

    #[test]
    fn matching_accents_keeps_them_apart_but_equates_unicode_forms() {
        let accents = Folding { ignore_accents: false, ..Folding::default() };
        assert_eq!(found(SearchPattern::plain("participacion", true).with_folding(accents), ES), Vec::<&str>::new());
        assert_eq!(found(SearchPattern::plain("participación", true).with_folding(accents), ES), ["PARTICIPACIÓN", "participación"]);
        assert_eq!(found(SearchPattern::plain("Zoë", true).with_folding(accents), ES), ["Zoe\u{308}"]);
        assert_eq!(found(SearchPattern::plain("Zoe", true).with_folding(accents), ES), Vec::<&str>::new());
    }

    #[test]
    fn typographic_quotes_dashes_and_spaces_match_plain_ones() {
        assert_eq!(found(SearchPattern::plain("worker's report - dijo - \"no\"", false), ES), ["worker’s report — dijo — “no”"]);
        assert_eq!(found(SearchPattern::plain("'s-Hertogenbosch", true), NL), ["’s-Hertogenbosch"]);
        assert_eq!(found(SearchPattern::plain("bij het", false), "bij\u{A0}het"), ["bij\u{A0}het"]);
        let exact = SearchPattern::plain("worker's", false).with_folding(Folding::EXACT);
        assert_eq!(found(exact, ES), Vec::<&str>::new());
    }

    #[test]
    fn dutch_ij_and_ligatures_fold_and_hits_cover_whole_original_chars() {
        assert_eq!(found(SearchPattern::plain("ijsselmeer", false), NL), ["IJsselmeer", "Ijsselmeer"]);
        assert_eq!(found(SearchPattern::plain("ijs", true), NL), ["ĳs"]);
        assert_eq!(found(SearchPattern::plain("office", true), NL), ["oﬃce"]);
        // A match that ends inside the ligature is widened to all of it.
        assert_eq!(found(SearchPattern::plain("of", false), NL), ["oﬃ"]);
        let nl_case = Folding { ignore_case: false, language: Language::Dutch, ..Folding::default() };
        assert_eq!(found(SearchPattern::plain("IJsselmeer", false).with_folding(nl_case), NL), ["IJsselmeer", "Ijsselmeer"]);
        let case = Folding { ignore_case: false, ..Folding::default() };
        assert_eq!(found(SearchPattern::plain("IJsselmeer", false).with_folding(case), NL), ["IJsselmeer"]);
    }

    #[test]
    fn sharp_s_is_ss_under_case_folding_only() {
        let text = "Die Straße, die STRASSE.";
        assert_eq!(spans(SearchPattern::plain("strasse", true), text), [(4, 10), (16, 23)]);
        assert_eq!(found(SearchPattern::plain("straße", true), text), ["Straße", "STRASSE"]);
        // A match beginning inside the expansion starts at the "ß".
        assert_eq!(found(SearchPattern::plain("se", false), text), ["ße", "SE"]);
        let case = Folding { ignore_case: false, ..Folding::default() };
        assert_eq!(found(SearchPattern::plain("Straße", true).with_folding(case), text), ["Straße"]);
    }

    #[test]
    fn turkish_i_only_with_the_turkish_hint() {
        let text = "ILIK su, ılık su, İzmir, Istanbul";
        let tr = Folding { language: Language::Turkish, ..Folding::default() };
        assert_eq!(found(SearchPattern::plain("ılık", true).with_folding(tr), text), ["ILIK", "ılık"]);
        assert_eq!(found(SearchPattern::plain("izmir", true).with_folding(tr), text), ["İzmir"]);
        assert_eq!(found(SearchPattern::plain("istanbul", true).with_folding(tr), text), Vec::<&str>::new());
        // English rules: "I" is "i" (and "İ" is "i" once its dot, an accent, is ignored).
        assert_eq!(found(SearchPattern::plain("ilik", true), text), ["ILIK"]);
        assert_eq!(found(SearchPattern::plain("istanbul", true), text), ["Istanbul"]);
        assert_eq!(found(SearchPattern::plain("izmir", true), text), ["İzmir"]);
    }

    #[test]
    fn ascii_texts_take_the_fast_path_with_the_same_results() {
        let ascii = "Dana: The worker's REPORT, the Workers report.";
        let mut padded = ascii.to_string();
        padded.push('é');
        for p in [SearchPattern::plain("worker's report", false), SearchPattern::plain("workers", true), SearchPattern::plain("report", true)] {
            assert_eq!(spans(p.clone(), ascii), spans(p, &padded));
        }
        assert!(found(SearchPattern::plain("repórt", true).with_folding(Folding { ignore_accents: false, ..Folding::default() }), ascii).is_empty());
    }

    #[test]
    fn regexes_are_matched_in_nfc_only() {
        assert_eq!(found(SearchPattern::regex("Zoë"), ES), ["Zoe\u{308}"]);
        assert_eq!(found(SearchPattern::regex("worker's"), ES), Vec::<&str>::new());
        assert_eq!(found(SearchPattern::regex("participacion"), ES), Vec::<&str>::new());
        assert_eq!(found(SearchPattern::regex("Zoë").with_folding(Folding::EXACT), ES), Vec::<&str>::new());
    }

    #[test]
    fn regexes_are_case_sensitive_and_multi_line() {
        let text = "Dana: yes\nPriya: no\nDana: maybe";
        assert_eq!(found(SearchPattern::regex("^Dana:"), text), ["Dana:", "Dana:"]);
        assert_eq!(found(SearchPattern::regex("(?i)^priya"), text), ["Priya"]);
        assert!(found(SearchPattern::regex("dana"), text).is_empty());
    }

    #[test]
    fn empty_matches_are_skipped() {
        assert_eq!(spans(SearchPattern::regex("x*"), "axxb x"), [(1, 3), (5, 6)]);
    }

    #[test]
    fn bad_patterns_are_refused_with_the_reason() {
        assert_eq!(SearchPattern::plain("  \n", false).compile().unwrap_err(), PatternError::Empty);
        assert_eq!(SearchPattern::regex("").compile().unwrap_err(), PatternError::Empty);
        let e = SearchPattern::regex("(unclosed").compile().unwrap_err();
        assert_eq!(e.to_string(), "invalid regular expression \"(unclosed\": unclosed group");
    }

    #[test]
    fn index_terms_are_the_words_no_match_can_cut() {
        let terms = |p: SearchPattern| {
            p.compile().unwrap_or_else(|e| panic!("{e}")).index_terms().map(|t| t.into_iter().map(|t| (t.word, t.prefix)).collect::<Vec<_>>())
        };
        let exact = |p: SearchPattern| terms(p.with_folding(Folding { typography: false, ..Folding::default() }));
        assert_eq!(exact(SearchPattern::plain("on trial again", true)), Some(vec![("on".into(), false), ("trial".into(), false), ("again".into(), false)]));
        // Open ends: "on" may end "con", "aga" may start "again".
        assert_eq!(exact(SearchPattern::plain("on trial aga", false)), Some(vec![("trial".into(), false), ("aga".into(), true)]));
        assert_eq!(exact(SearchPattern::plain("work", false)), None);
        assert_eq!(exact(SearchPattern::plain("(laughs) I", false)), Some(vec![("laughs".into(), false), ("i".into(), true)]));
        assert_eq!(terms(SearchPattern::regex("trial")), None);
        // Under typographic folding any word may run on into "ʼs", which the index reads as letters.
        assert_eq!(terms(SearchPattern::plain("on trial again", true)), Some(vec![("on".into(), true), ("trial".into(), true), ("again".into(), true)]));
        // The word after an apostrophe may end a longer word of the index ("workerʼs").
        assert_eq!(terms(SearchPattern::plain("worker's file", true)), Some(vec![("worker".into(), true), ("file".into(), true)]));
        // Words are folded: accents go, and the index is asked for the spellings it may hold.
        let finder = SearchPattern::plain("Participación bij", true).compile().unwrap_or_else(|e| panic!("{e}"));
        let t = finder.index_terms().unwrap_or_default();
        assert_eq!(t[0].word, "participacion");
        assert_eq!(t[1].spellings, ["bij", "bĳ"]);
        assert_eq!(terms(SearchPattern::plain("ılık", true).with_folding(Folding { language: Language::Turkish, ..Folding::default() })), None);
    }
}
