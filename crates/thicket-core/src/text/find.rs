//! Finding a word, a phrase or a regular expression in a text: a [`SearchPattern`] in, the char
//! spans of its matches out.
//!
//! A plain pattern is matched case-insensitively as a whole phrase: any run of whitespace in it
//! matches any run of whitespace in the text, so a phrase is found across a line break. With
//! `whole_word` a match may not cut a word at either end (`care` does not find `careful`). A
//! regular expression uses the `regex` crate's syntax as written (case-sensitive unless it says
//! `(?i)`), with `^` and `$` at line starts and ends, since transcripts are line-oriented.
//!
//! Matches never overlap and are never empty. Offsets are chars (DESIGN.md §5), computed in one
//! pass over the text, so finding is linear in its length.
//!
//! [`Finder::index_terms`] says which words every match of a plain pattern must contain as whole
//! words (or as a word's start), so that a full-text index can narrow the texts worth scanning.

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::model::TextSpan;

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchPattern {
    /// The text typed by the user (a phrase, or a regular expression).
    pub text: String,
    pub kind: PatternKind,
}

/// How [`SearchPattern::text`] is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// A phrase, case-insensitive; with `whole_word`, matches may not cut a word at either end.
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
    /// A plain phrase.
    pub fn plain(text: impl Into<String>, whole_word: bool) -> Self {
        SearchPattern { text: text.into(), kind: PatternKind::Plain { whole_word } }
    }

    /// A regular expression.
    pub fn regex(text: impl Into<String>) -> Self {
        SearchPattern { text: text.into(), kind: PatternKind::Regex }
    }

    /// Checks the pattern and prepares it for searching.
    pub fn compile(&self) -> Result<Finder, PatternError> {
        let source = match self.kind {
            PatternKind::Plain { whole_word } => plain_regex(&self.text, whole_word)?,
            PatternKind::Regex if self.text.is_empty() => return Err(PatternError::Empty),
            PatternKind::Regex => self.text.clone(),
        };
        let regex = RegexBuilder::new(&source)
            .multi_line(true)
            .build()
            .map_err(|e| PatternError::InvalidRegex { pattern: self.text.clone(), reason: regex_reason(&e) })?;
        Ok(Finder { regex, pattern: self.clone() })
    }
}

impl std::fmt::Display for SearchPattern {
    /// `"on trial"`, `"care" (whole words)`, `/^Dana:/`, as reports quote it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            PatternKind::Plain { whole_word: false } => write!(f, "“{}”", self.text),
            PatternKind::Plain { whole_word: true } => write!(f, "“{}” (whole words)", self.text),
            PatternKind::Regex => write!(f, "/{}/", self.text),
        }
    }
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Finder {
    regex: Regex,
    pattern: SearchPattern,
}

/// A word that every match contains: whole, or (with `prefix`) as the start of a longer word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexTerm {
    pub word: String,
    pub prefix: bool,
}

impl Finder {
    /// The pattern this finder was compiled from.
    pub fn pattern(&self) -> &SearchPattern {
        &self.pattern
    }

    /// Every match in `text`, as char spans in text order.
    pub fn find(&self, text: &str) -> Vec<TextSpan> {
        let mut out = Vec::new();
        let (mut byte, mut ch) = (0, 0);
        let mut to_char = |b: usize| {
            ch += text[byte..b].chars().count();
            byte = b;
            ch
        };
        for m in self.regex.find_iter(text) {
            if m.is_empty() {
                continue;
            }
            let start = to_char(m.start());
            let end = to_char(m.end());
            out.push(TextSpan { start, end });
        }
        out
    }

    /// Whether `text` has at least one match.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.find_iter(text).any(|m| !m.is_empty())
    }

    /// Words every match must contain, for narrowing by a word index; `None` when nothing can be
    /// said (a regular expression, or one word that a match may cut at both ends).
    ///
    /// A word of the pattern is whole in every match when the pattern has a non-word char (or,
    /// with `whole_word`, its end) on both sides of it; the last word, open at its end, is the
    /// start of a word in the text. The first word, open at its start, could be the end of any
    /// word, and is left out.
    pub fn index_terms(&self) -> Option<Vec<IndexTerm>> {
        let PatternKind::Plain { whole_word } = self.pattern.kind else { return None };
        let text = self.pattern.text.trim();
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
            let open_start = start == 0 && !whole_word;
            let open_end = i == chars.len() && !whole_word;
            if open_start {
                continue;
            }
            terms.push(IndexTerm { word: chars[start..i].iter().collect(), prefix: open_end });
        }
        (!terms.is_empty()).then_some(terms)
    }
}

/// The regex for a plain phrase: escaped, case-insensitive, whitespace runs as `\s+`, and word
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
    Ok(format!("(?i){open}{body}{close}"))
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
        assert_eq!(terms(SearchPattern::plain("on trial again", true)), Some(vec![("on".into(), false), ("trial".into(), false), ("again".into(), false)]));
        // Open ends: "on" may end "con", "aga" may start "again".
        assert_eq!(terms(SearchPattern::plain("on trial aga", false)), Some(vec![("trial".into(), false), ("aga".into(), true)]));
        assert_eq!(terms(SearchPattern::plain("work", false)), None);
        assert_eq!(terms(SearchPattern::plain("(laughs) I", false)), Some(vec![("laughs".into(), false), ("I".into(), true)]));
        assert_eq!(terms(SearchPattern::regex("trial")), None);
    }
}
