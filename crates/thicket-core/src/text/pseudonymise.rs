//! The pseudonymisation engine: a map of originals and replacements in, rewritten text (or the
//! replacements it would make, with char offsets, for a preview) out. Pure; the stored text is
//! never touched, only what leaves the project.
//!
//! The rules, in the order they decide a match:
//! - One pass, left to right: a replacement is never looked at again, so "Dana → Alex" and
//!   "Alex → Sam" together turn "Dana and Alex" into "Alex and Sam", not "Sam and Sam".
//! - At each place, the longest original wins ("Dana Whitfield" before "Dana"); among equally
//!   long ones, the first in the map.
//! - Whole words by Unicode word boundaries (UAX #29), so "Dana" never touches "Danaher" or
//!   "Adana"; a possessive ending ("Dana's", "Dana’s") is cut off as its own word, so the name
//!   in front of it is replaced. A run of whitespace in an original matches any run of
//!   whitespace in the text, so "Dana Whitfield" is found across a line break.
//! - Case: `CaseMode::Keep` matches in any case and gives the replacement the casing pattern of
//!   what was found ("DANA" → "ALEX", "dana" → "alex", "Dana" → "Alex", and text found exactly as
//!   the original has the replacement as written); `CaseMode::Exact` matches only the original as
//!   written.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{CaseMode, Pseudonym};

/// A compiled map, ready to apply to any number of texts.
#[derive(Debug, Clone)]
pub struct PseudonymMap {
    rules: Vec<Rule>,
    /// Rule indices by the lowercased first char of their original, longest original first.
    by_first: HashMap<char, Vec<usize>>,
    /// Which ASCII chars start an original (lowercased): most chars of a text are ASCII and
    /// start none, and this answers for them without hashing.
    ascii_first: [bool; 128],
    /// Some rule matches inside words too.
    inside_words: bool,
    fingerprint: String,
}

#[derive(Debug, Clone)]
struct Rule {
    original: Vec<char>,
    replacement: String,
    whole_word: bool,
    case: CaseMode,
    /// Index of the entry in the slice the map was built from.
    entry: usize,
}

/// One replacement in a text: where (chars, end exclusive), what was found, and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// Index of the map entry (in the slice given to [`PseudonymMap::new`]).
    pub entry: usize,
    pub start: usize,
    pub end: usize,
    /// The text as found (its casing may differ from the entry's original).
    pub found: String,
    /// What it becomes, cased like `found`.
    pub replacement: String,
}

impl PseudonymMap {
    /// Compiles `entries`; entries with a blank original are skipped.
    pub fn new(entries: &[Pseudonym]) -> Self {
        let mut rules: Vec<Rule> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.original.trim().is_empty())
            .map(|(entry, e)| Rule {
                original: e.original.trim().chars().collect(),
                replacement: e.replacement.clone(),
                whole_word: e.whole_word,
                case: e.case,
                entry,
            })
            .collect();
        // Longest first; the sort is stable, so equally long originals keep the map's order.
        rules.sort_by_key(|r| std::cmp::Reverse(r.original.len()));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        let mut ascii_first = [false; 128];
        for (i, r) in rules.iter().enumerate() {
            if let Some(&c) = r.original.first() {
                let key = fold(c);
                by_first.entry(key).or_default().push(i);
                if key.is_ascii() {
                    ascii_first[key as usize] = true;
                }
            }
        }
        let inside_words = rules.iter().any(|r| !r.whole_word);
        PseudonymMap { fingerprint: fingerprint(entries), rules, by_first, ascii_first, inside_words }
    }

    /// True when the map has nothing to replace.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Entries that can replace something.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// A short hash of the map's entries (original, replacement, whole word, case), the same
    /// for the same entries in any order: the export log records it as the map's version.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Every replacement the map makes in `text`, in text order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Replacement> {
        if self.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut chars = text.char_indices().enumerate().peekable();
        let mut prev = None;
        while let Some((ci, (b, c))) = chars.next() {
            // Between two ASCII letters or digits UAX #29 never breaks, so no whole word starts
            // there: most positions of a text are skipped by this one test.
            let inside_word = prev.is_some_and(|p: char| p.is_ascii_alphanumeric()) && c.is_ascii_alphanumeric();
            prev = Some(c);
            if inside_word && !self.inside_words {
                continue;
            }
            let key = if c.is_ascii() { c.to_ascii_lowercase() } else { fold(c) };
            if key.is_ascii() && !self.ascii_first[key as usize] {
                continue;
            }
            let Some(candidates) = self.by_first.get(&key) else { continue };
            let mut hit = None;
            for &i in candidates {
                let rule = &self.rules[i];
                if inside_word && rule.whole_word {
                    continue;
                }
                let Some((end, n)) = rule.match_at(text, b) else { continue };
                if rule.whole_word && !is_whole_words(text, b, end) {
                    continue;
                }
                hit = Some((rule, end, n));
                break;
            }
            if let Some((rule, end, n)) = hit {
                let matched = &text[b..end];
                found.push(Replacement {
                    entry: rule.entry,
                    start: ci,
                    end: ci + n,
                    found: matched.to_string(),
                    replacement: rule.cased_replacement(matched),
                });
                // Skip what was replaced: nothing inside it is looked at again.
                while chars.peek().is_some_and(|(_, (nb, _))| *nb < end) {
                    chars.next();
                }
                prev = text[..end].chars().next_back();
            }
        }
        found
    }

    /// `text` with every replacement made.
    pub fn apply(&self, text: &str) -> String {
        self.apply_counting(text).0
    }

    /// `text` with every replacement made, and how many were made.
    pub fn apply_counting(&self, text: &str) -> (String, usize) {
        let found = self.find(text);
        if found.is_empty() {
            return (text.to_string(), 0);
        }
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars();
        let mut at = 0;
        for r in &found {
            out.extend(chars.by_ref().take(r.start - at));
            out.push_str(&r.replacement);
            chars.by_ref().take(r.end - r.start).for_each(drop);
            at = r.end;
        }
        out.extend(chars);
        (out, found.len())
    }

    /// Rewrites `text` in place; returns the number of replacements.
    pub fn apply_to(&self, text: &mut String) -> usize {
        let (new, n) = self.apply_counting(text);
        if n > 0 {
            *text = new;
        }
        n
    }
}

impl Rule {
    /// The byte end and char length of this rule's original matched at byte `at` of `text`.
    fn match_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let mut rest = text[at..].char_indices().peekable();
        let mut n = 0;
        let mut end = at;
        for &want in &self.original {
            let (i, got) = rest.next()?;
            if want.is_whitespace() {
                if !got.is_whitespace() {
                    return None;
                }
                n += 1;
                end = at + i + got.len_utf8();
                while let Some(&(j, w)) = rest.peek().filter(|(_, w)| w.is_whitespace()) {
                    rest.next();
                    n += 1;
                    end = at + j + w.len_utf8();
                }
                continue;
            }
            let same = match self.case {
                CaseMode::Exact => want == got,
                CaseMode::Keep => want == got || want.to_lowercase().eq(got.to_lowercase()),
            };
            if !same {
                return None;
            }
            n += 1;
            end = at + i + got.len_utf8();
        }
        Some((end, n))
    }

    /// The replacement, cased like `found` (see the module docs).
    fn cased_replacement(&self, found: &str) -> String {
        if self.case == CaseMode::Exact || found.chars().eq(self.original.iter().copied()) {
            return self.replacement.clone();
        }
        let cased: Vec<char> = found.chars().filter(|c| c.is_uppercase() || c.is_lowercase()).collect();
        if cased.len() > 1 && cased.iter().all(|c| c.is_uppercase()) {
            return self.replacement.to_uppercase();
        }
        if !cased.is_empty() && cased.iter().all(|c| c.is_lowercase()) {
            return self.replacement.to_lowercase();
        }
        if cased.first().is_some_and(|c| c.is_uppercase()) {
            let mut r = self.replacement.chars();
            return r.next().map(|f| f.to_uppercase().chain(r).collect()).unwrap_or_default();
        }
        self.replacement.clone()
    }
}

/// The char an original is indexed under: its first lowercase form.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `text[start..end]` starts and ends at word boundaries (see [`word_bounds`]).
///
/// Only the run of text around the match, out to the whitespace on either side, is segmented:
/// UAX #29 always breaks between whitespace and what follows or precedes it (but for marks
/// that attach to a space, which no name starts or ends with), so the boundaries inside that
/// run are those of the whole text, and a match costs the length of its words, not of the text.
/// In text without whitespace (Chinese, Japanese) the run is cut 256 bytes from the match:
/// word rules look at a char or two either side, so boundaries that far in are unchanged.
fn is_whole_words(text: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 256;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let lo = text[from..start].rfind(char::is_whitespace).map_or(from, |i| from + i + text[from + i..].chars().next().map_or(1, char::len_utf8));
    let hi = text[end..to].find(char::is_whitespace).map_or(to, |i| end + i);
    let bounds = word_bounds(&text[lo..hi]);
    bounds.is_boundary(start - lo) && bounds.is_boundary(end - lo)
}

/// The byte offsets where a word may start or end: the UAX #29 word boundaries, plus the place
/// before a possessive `'s` or `’s` at a word's end.
struct Bounds(Vec<usize>);

impl Bounds {
    fn is_boundary(&self, at: usize) -> bool {
        self.0.binary_search(&at).is_ok()
    }
}

fn word_bounds(text: &str) -> Bounds {
    let mut at = Vec::new();
    for (b, word) in text.split_word_bound_indices() {
        at.push(b);
        for apostrophe in ["'", "’"] {
            let Some(stem) = word.strip_suffix('s').or_else(|| word.strip_suffix('S')) else { continue };
            if let Some(name) = stem.strip_suffix(apostrophe).filter(|n| !n.is_empty()) {
                at.push(b + name.len());
            }
        }
    }
    at.push(text.len());
    at.sort_unstable();
    at.dedup();
    Bounds(at)
}

/// 16 hex digits of SHA-256 over the entries' original, replacement, whole-word flag and case
/// mode, sorted, so the fingerprint names the map's content whatever its order or ids.
fn fingerprint(entries: &[Pseudonym]) -> String {
    let mut lines: Vec<String> = entries
        .iter()
        .map(|e| format!("{}\u{1f}{}\u{1f}{}\u{1f}{}", e.original, e.replacement, e.whole_word, e.case.as_str()))
        .collect();
    lines.sort();
    let digest = Sha256::digest(lines.join("\u{1e}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PseudonymId, PseudonymOrigin};
    use proptest::prelude::*;

    fn entry(original: &str, replacement: &str) -> Pseudonym {
        Pseudonym {
            id: PseudonymId(0),
            original: original.into(),
            replacement: replacement.into(),
            whole_word: true,
            case: CaseMode::Keep,
            origin: PseudonymOrigin::Added,
            sort_order: 0,
        }
    }

    fn map(pairs: &[(&str, &str)]) -> PseudonymMap {
        PseudonymMap::new(&pairs.iter().map(|(o, r)| entry(o, r)).collect::<Vec<_>>())
    }

    #[test]
    fn whole_words_only_and_possessives_keep_their_ending() {
        let m = map(&[("Dana", "Alex")]);
        assert_eq!(m.apply("Dana said Danaher and Adana were Dana's, and Dana’s too."), "Alex said Danaher and Adana were Alex's, and Alex’s too.");
        assert_eq!(m.apply("(Dana) \"Dana\"—Dana."), "(Alex) \"Alex\"—Alex.");
    }

    #[test]
    fn the_casing_pattern_of_what_was_found_is_kept() {
        let m = map(&[("Dana", "Alex")]);
        assert_eq!(m.apply("DANA: dana, Dana"), "ALEX: alex, Alex");
        let m = map(&[("Dana", "caregiver 1")]);
        assert_eq!(m.apply("Dana met DANA"), "caregiver 1 met CAREGIVER 1", "found as written: the replacement as written");
        assert_eq!(map(&[("dana", "caregiver 1")]).apply("Dana"), "Caregiver 1");
    }

    #[test]
    fn exact_entries_match_only_their_own_case() {
        let mut e = entry("May", "Month");
        e.case = CaseMode::Exact;
        let m = PseudonymMap::new(&[e]);
        assert_eq!(m.apply("May said we may meet in MAY"), "Month said we may meet in MAY");
    }

    #[test]
    fn the_longest_original_wins_and_whitespace_runs_match() {
        let m = map(&[("Dana", "Alex"), ("Dana Whitfield", "Alex Brown")]);
        assert_eq!(m.apply("Dana Whitfield, then Dana\nWhitfield, then Dana."), "Alex Brown, then Alex Brown, then Alex.");
    }

    #[test]
    fn replacements_are_never_replaced_again() {
        let m = map(&[("Dana", "Alex"), ("Alex", "Sam")]);
        assert_eq!(m.apply("Dana and Alex"), "Alex and Sam");
        let m = map(&[("Tom", "Tom Tom")]);
        assert_eq!(m.apply("Tom"), "Tom Tom");
    }

    #[test]
    fn inside_words_when_asked() {
        let mut e = entry("field", "X");
        e.whole_word = false;
        assert_eq!(PseudonymMap::new(&[e]).apply("Eastfield fields"), "EastX Xs");
    }

    #[test]
    fn offsets_are_chars_and_name_the_entry() {
        let m = map(&[("Zoë", "Kim"), ("Łukasz", "Ben")]);
        let found = m.find("née Zoë; Łukasz's");
        assert_eq!(
            found.iter().map(|r| (r.entry, r.start, r.end, r.found.as_str(), r.replacement.as_str())).collect::<Vec<_>>(),
            [(0, 4, 7, "Zoë", "Kim"), (1, 9, 15, "Łukasz", "Ben")]
        );
    }

    #[test]
    fn text_without_spaces_is_matched_by_its_own_word_boundaries() {
        // Each ideograph is a word of its own; a long run without whitespace is cut near the match.
        let filler = "我们今天在家里谈了很久".repeat(40);
        let text = format!("{filler}达娜说{filler}达娜。");
        assert_eq!(map(&[("达娜", "甲")]).find(&text).len(), 2);
        assert_eq!(map(&[("Dana", "Alex")]).apply(&format!("{}Dana", "é".repeat(300))), format!("{}Dana", "é".repeat(300)), "inside a word");
    }

    #[test]
    fn the_fingerprint_names_the_content_not_the_order() {
        let a = map(&[("Dana", "Alex"), ("Tom", "Sam")]);
        let b = map(&[("Tom", "Sam"), ("Dana", "Alex")]);
        let c = map(&[("Tom", "Sam"), ("Dana", "Alexa")]);
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_ne!(a.fingerprint(), c.fingerprint());
        assert_eq!(a.fingerprint().len(), 16);
        assert!(map(&[]).is_empty() && map(&[(" ", "x")]).is_empty());
    }

    /// The engine without its shortcuts: every position, every rule, the whole text segmented.
    fn plain_scan(m: &PseudonymMap, text: &str) -> Vec<Replacement> {
        let bounds = word_bounds(text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut ci = 0;
        while ci < chars.len() {
            let b = chars[ci].0;
            let hit = m.rules.iter().find_map(|rule| {
                let (end, n) = rule.match_at(text, b)?;
                (!rule.whole_word || (bounds.is_boundary(b) && bounds.is_boundary(end))).then_some((rule, end, n))
            });
            match hit {
                Some((rule, end, n)) => {
                    let found = &text[b..end];
                    out.push(Replacement { entry: rule.entry, start: ci, end: ci + n, found: found.into(), replacement: rule.cased_replacement(found) });
                    ci += n;
                }
                None => ci += 1,
            }
        }
        out
    }

    const NAMES: &[&str] = &["Dana", "Tom", "Grace", "Kofi", "Dana Whitfield", "Łukasz"];

    fn text_strategy() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            prop::sample::select(NAMES).prop_map(str::to_string),
            prop::sample::select(&["Danaher", "Tomas", "graceful", "the", "care", "Ada", "ŁUKASZ", "dana's"][..]).prop_map(str::to_string),
            "[a-z]{1,6}",
        ];
        let sep = prop::sample::select(&[" ", ", ", ".\n", "'s ", " (", ") ", "—", "\n\n"][..]);
        prop::collection::vec((word, sep), 0..30).prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    proptest! {
        #[test]
        fn no_original_survives_as_a_whole_word(text in text_strategy()) {
            let entries: Vec<Pseudonym> = NAMES.iter().enumerate().map(|(i, n)| entry(n, &format!("Person {i}"))).collect();
            let out = PseudonymMap::new(&entries).apply(&text);
            let lower = out.to_lowercase();
            for w in lower.split_word_bounds() {
                let w = w.strip_suffix("'s").unwrap_or(w);
                prop_assert!(!NAMES.iter().any(|n| n.to_lowercase() == w), "{w:?} left in {out:?}");
            }
            // Words that only contain a name are untouched.
            for keep in ["danaher", "tomas", "graceful"] {
                prop_assert_eq!(text.to_lowercase().matches(keep).count(), lower.matches(keep).count());
            }
        }

        #[test]
        fn replacements_are_ordered_disjoint_and_point_at_what_they_found(text in text_strategy()) {
            let m = map(&[("Dana", "A"), ("Dana Whitfield", "B"), ("Tom", "C"), ("łukasz", "D")]);
            let found = m.find(&text);
            let chars: Vec<char> = text.chars().collect();
            let mut last = 0;
            for r in &found {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= chars.len());
                prop_assert_eq!(chars[r.start..r.end].iter().collect::<String>(), r.found.clone());
                last = r.end;
            }
            // Rebuilding from the offsets gives what `apply` gives.
            let mut rebuilt = String::new();
            let mut at = 0;
            for r in &found {
                rebuilt.extend(&chars[at..r.start]);
                rebuilt.push_str(&r.replacement);
                at = r.end;
            }
            rebuilt.extend(&chars[at..]);
            prop_assert_eq!(rebuilt, m.apply(&text));
        }

        #[test]
        fn the_local_boundary_check_agrees_with_segmenting_the_whole_text(text in "[a-zA-Z' ’.,:\n\u{e9}\u{301}-]{0,60}", a in 0usize..60, n in 1usize..12) {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            prop_assume!(a + n <= chars.len());
            let start = chars[a].0;
            let end = chars.get(a + n).map_or(text.len(), |(b, _)| *b);
            let whole = word_bounds(&text);
            // A match starts and ends with what its original does: never whitespace, never a mark
            // (marks attach to what precedes them, a space included).
            prop_assume!(!chars[a].1.is_whitespace() && chars[a].1 != '\u{301}' && !chars[a + n - 1].1.is_whitespace());
            prop_assert_eq!(is_whole_words(&text, start, end), whole.is_boundary(start) && whole.is_boundary(end));
        }

        #[test]
        fn the_shortcuts_find_what_a_plain_scan_finds(text in text_strategy(), inside in any::<bool>()) {
            let mut entries: Vec<Pseudonym> = NAMES.iter().map(|n| entry(n, "X")).collect();
            entries[1].whole_word = !inside;
            let m = PseudonymMap::new(&entries);
            prop_assert_eq!(m.find(&text), plain_scan(&m, &text));
        }

        #[test]
        fn an_empty_map_changes_nothing(text in ".{0,200}") {
            prop_assert_eq!(map(&[]).apply(&text), text);
        }
    }
}
