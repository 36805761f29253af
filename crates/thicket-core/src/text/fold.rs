//! Folding text for search: the stored text in, a folded copy out with a map from every folded
//! char back to the original chars, so that hits found in the folded copy are reported as spans of
//! the text as stored (DESIGN.md §5).
//!
//! A plain search compares folded query and folded text. What is folded is a [`Folding`]; the
//! default is what a researcher expects of a search box (docs/search.md says why):
//!
//! - **Unicode form** (`unicode`): canonically equivalent spellings are one (a decomposed
//!   `Zoe` + U+0308 equals the precomposed `Zoë`), by normalising both sides to NFC.
//! - **Typography** (`typography`): the typographic apostrophes `’ ‘ ‚ ‛ ′ ʼ` are `'`, the quotes
//!   `“ ” „ ‟ ″` are `"`, the dashes and minus `‐ ‑ ‒ – — ― −` are `-`, non-breaking and other
//!   spaces are a space, and the ligatures `ﬀ ﬁ ﬂ ﬃ ﬄ` and Dutch `ĳ`/`Ĳ` are their letters. Soft
//!   hyphens and zero-width spaces stay: the full-text index splits words at them, so a search
//!   that removed them would find words the index cannot name.
//! - **Case** (`ignore_case`): full case folding, so German `ß` and `ẞ` equal `ss` and final `ς`
//!   equals `σ`; with [`Language::Turkish`] the dotted and dotless i are two letters (`I`/`ı`,
//!   `İ`/`i`), otherwise `I` is `i`. With case kept and [`Language::Dutch`], a title-case `Ij` at
//!   the start of a word is the digraph `IJ` (`Ijsselmeer` is `IJsselmeer`).
//! - **Accents** (`ignore_accents`): diacritics on Latin letters are dropped after canonical
//!   decomposition (`participación` is `participacion`, `één` is `een`), as the project's
//!   full-text index does. Marks on other scripts are kept: in Cyrillic `й` is not `и`.
//!
//! Folding changes lengths (`ß` becomes two chars, a base and its mark become one), so the
//! folded text carries a list of the places where one original stretch became a different number
//! of folded chars. A hit that begins or ends inside such a stretch is widened to the whole of it:
//! a search for `s` in `Straße` reports the `ß`.
//!
//! Folding works on clusters (a starter and the combining marks after it), so it is linear in
//! the text; a cluster of one ASCII char, the common case, takes a fast path.

use serde::{Deserialize, Serialize};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::TextSpan;

/// A language hint for the few case rules that differ between languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Unicode's default rules (English, Spanish, German, ...).
    #[default]
    Other,
    /// Dutch: `IJ` is one letter, title-cased as `IJ` (`IJsselmeer`).
    Dutch,
    /// Turkish and Azerbaijani: `I` lower-cases to `ı` and `İ` to `i`.
    Turkish,
}

impl Language {
    /// Every hint, in menu order.
    pub const ALL: [Language; 3] = [Language::Other, Language::Dutch, Language::Turkish];

    /// Reads a language code (`nl`, `nl-BE`, `tr`, `az`, `en`, `es-CL`, ...); a code for a language
    /// without rules of its own is [`Language::Other`]. `None` when `code` is not a language code.
    pub fn parse(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        if primary == "any" {
            return Some(Language::Other);
        }
        if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        Some(match primary.as_str() {
            "nl" | "nld" | "dut" => Language::Dutch,
            "tr" | "tur" | "az" | "aze" => Language::Turkish,
            _ => Language::Other,
        })
    }

    /// The code written on the command line and in JSON: `any`, `nl` or `tr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Other => "any",
            Language::Dutch => "nl",
            Language::Turkish => "tr",
        }
    }
}

/// Which differences a plain search ignores. [`Folding::default`] ignores case, accents,
/// typography and Unicode form; [`Folding::EXACT`] ignores nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Folding {
    /// Upper and lower case are one (full case folding: `ß` = `ss`).
    pub ignore_case: bool,
    /// Diacritics on Latin letters are ignored (`participacion` finds `participación`).
    pub ignore_accents: bool,
    /// Typographic quotes, dashes, spaces, ligatures and soft hyphens are their plain forms.
    pub typography: bool,
    /// Canonically equivalent spellings (NFC and NFD) are one.
    pub unicode: bool,
    /// Case rules of this language.
    pub language: Language,
}

impl Default for Folding {
    fn default() -> Self {
        Folding { ignore_case: true, ignore_accents: true, typography: true, unicode: true, language: Language::Other }
    }
}

/// A run of `orig_len` original chars that became `folded_len` folded chars (any counts but 1 and 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stretch {
    folded: usize,
    folded_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Stretch {
    fn folded_end(&self) -> usize {
        self.folded + self.folded_len
    }
    fn orig_end(&self) -> usize {
        self.orig + self.orig_len
    }
}

/// A folded copy of a text, with the way back to the original's char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedText {
    /// The folded text.
    pub text: String,
    /// Irregular stretches, in order; between them folded and original chars correspond one to one.
    stretches: Vec<Stretch>,
}

impl FoldedText {
    /// The original span of the folded chars `start..end` (a non-empty range), widened to whole
    /// original stretches at both ends.
    pub fn original_span(&self, start: usize, end: usize) -> TextSpan {
        TextSpan { start: self.original_start(start), end: self.original_end(end.max(start + 1)) }
    }

    /// The original char where folded char `k` begins.
    fn original_start(&self, k: usize) -> usize {
        let i = self.stretches.partition_point(|s| s.folded_end() <= k);
        if let Some(s) = self.stretches.get(i).filter(|s| s.folded <= k) {
            return s.orig;
        }
        self.shift(i, k)
    }

    /// The original char just after folded char `end - 1`.
    fn original_end(&self, end: usize) -> usize {
        let last = end - 1;
        let i = self.stretches.partition_point(|s| s.folded_end() <= last);
        if let Some(s) = self.stretches.get(i).filter(|s| s.folded <= last) {
            return s.orig_end();
        }
        self.shift(i, end)
    }

    /// Folded offset `k`, which lies after the first `i` stretches, as an original offset.
    fn shift(&self, i: usize, k: usize) -> usize {
        match i.checked_sub(1).and_then(|j| self.stretches.get(j)) {
            Some(s) => s.orig_end() + (k - s.folded_end()),
            None => k,
        }
    }
}

impl Folding {
    /// Ignores nothing: code points as written.
    pub const EXACT: Folding =
        Folding { ignore_case: false, ignore_accents: false, typography: false, unicode: false, language: Language::Other };

    /// Whether folding leaves every text as it is.
    pub fn is_exact(&self) -> bool {
        !self.ignore_case && !self.ignore_accents && !self.typography && !self.unicode && self.language != Language::Dutch
    }

    /// Whether an ASCII text folds to itself apart from ASCII case (so a case-insensitive regex
    /// over the stored text finds what the folded search finds).
    pub(crate) fn ascii_is_plain(&self) -> bool {
        match self.language {
            Language::Other => true,
            Language::Dutch => self.ignore_case,
            Language::Turkish => !self.ignore_case,
        }
    }

    /// `text` folded, without the way back (for queries).
    pub fn fold_str(&self, text: &str) -> String {
        self.fold(text).text
    }

    /// `text` folded, with the map back to its chars.
    pub fn fold(&self, text: &str) -> FoldedText {
        let mut folder = Folder {
            folding: *self,
            out: FoldedText { text: String::with_capacity(text.len() + 8), stretches: Vec::new() },
            folded_chars: 0,
            cluster: Vec::new(),
            cluster_start: 0,
            before: [' ', ' '],
            scratch: Vec::new(),
        };
        let mut previous = [' ', ' '];
        for (i, c) in text.chars().enumerate() {
            if c.is_ascii() || starts_cluster(c) || folder.cluster.is_empty() {
                folder.flush();
                folder.cluster_start = i;
                folder.before = previous;
            }
            folder.cluster.push(c);
            previous = [previous[1], c];
        }
        folder.flush();
        folder.out
    }
}

/// Whether `c` begins a new cluster: a starter that nothing before it composes with.
fn starts_cluster(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Builds a [`FoldedText`] cluster by cluster.
struct Folder {
    folding: Folding,
    out: FoldedText,
    folded_chars: usize,
    cluster: Vec<char>,
    cluster_start: usize,
    /// The two original chars before the cluster (spaces at the start of the text).
    before: [char; 2],
    scratch: Vec<char>,
}

impl Folder {
    fn flush(&mut self) {
        let n = self.cluster.len();
        if n == 0 {
            return;
        }
        let f = self.folding;
        if n == 1 && self.cluster[0].is_ascii() {
            let c = self.cluster[0];
            let folded = if f.ignore_case {
                if c == 'I' && f.language == Language::Turkish { 'ı' } else { c.to_ascii_lowercase() }
            } else if c == 'j' && f.language == Language::Dutch && self.before[1] == 'I' && !self.before[0].is_alphanumeric() {
                'J'
            } else {
                c
            };
            self.out.text.push(folded);
            self.folded_chars += 1;
            self.cluster.clear();
            return;
        }
        let mut cased = std::mem::take(&mut self.scratch);
        cased.clear();
        for &c in &self.cluster {
            if f.ignore_case { case_fold(c, f.language, &mut cased) } else { cased.push(c) }
        }
        let before = self.out.text.len();
        let mut m = 0;
        let mut emit = |c: char, out: &mut String| {
            if f.typography {
                m += typographic(c, out);
            } else {
                out.push(c);
                m += 1;
            }
        };
        if f.ignore_accents {
            let mut latin_base = false;
            let kept: Vec<char> = cased
                .iter()
                .copied()
                .nfd()
                .filter(|&c| {
                    if canonical_combining_class(c) == 0 {
                        latin_base = is_latin(c);
                        true
                    } else {
                        !latin_base
                    }
                })
                .collect();
            for c in kept.into_iter().nfc() {
                emit(c, &mut self.out.text);
            }
        } else if f.unicode {
            for c in cased.iter().copied().nfc() {
                emit(c, &mut self.out.text);
            }
        } else {
            for &c in &cased {
                emit(c, &mut self.out.text);
            }
        }
        debug_assert!(self.out.text.len() >= before);
        // Equal counts correspond one to one (at most reordered combining marks).
        if n != m {
            self.out.stretches.push(Stretch { folded: self.folded_chars, folded_len: m, orig: self.cluster_start, orig_len: n });
        }
        self.folded_chars += m;
        self.scratch = cased;
        self.cluster.clear();
    }
}

/// Full case folding of `c` (Unicode's default rules, or Turkish ones), appended to `out`.
fn case_fold(c: char, language: Language, out: &mut Vec<char>) {
    match c {
        'I' if language == Language::Turkish => out.push('ı'),
        'İ' if language == Language::Turkish => out.push('i'),
        'ß' | 'ẞ' => out.extend(['s', 's']),
        'ς' => out.push('σ'),
        'ſ' => out.push('s'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A letter of the Latin script (the bases whose diacritics accent-insensitive search drops).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
            && c != '\u{00D7}'
            && c != '\u{00F7}'
}

/// Appends the plain form of a typographic char (or `c` itself); returns how many chars it wrote.
fn typographic(c: char, out: &mut String) -> usize {
    let plain: &str = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}'
        | '\u{FF0D}' => "-",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{0132}' => "IJ",
        '\u{0133}' => "ij",
        _ => {
            out.push(c);
            return 1;
        }
    };
    out.push_str(plain);
    plain.chars().count()
}

/// Spellings the full-text index may hold for a folded word: the folds the index does not know
/// (ligatures, `ĳ`, `ß`) undone in every combination. With `prefix`, the word's end may also be
/// the start of such a fold (`of` may begin `oﬃce`). `None` when there would be more than a few.
pub(crate) fn index_spellings(word: &str, folding: &Folding, prefix: bool) -> Option<Vec<String>> {
    let mut folds: Vec<(&str, char)> = Vec::new();
    if folding.typography {
        folds.extend([("ffi", '\u{FB03}'), ("ffl", '\u{FB04}'), ("ff", '\u{FB00}'), ("fi", '\u{FB01}'), ("fl", '\u{FB02}'), ("ij", '\u{0133}')]);
    }
    if folding.ignore_case {
        folds.extend([("ss", 'ß'), ("σ", 'ς')]);
    }
    let mut out = spellings(&word.to_lowercase(), &folds, prefix, 32)?;
    out.sort();
    out.dedup();
    Some(out)
}

/// The spellings of `rest` (see [`index_spellings`]), at most `max`.
fn spellings(rest: &str, folds: &[(&str, char)], prefix: bool, max: usize) -> Option<Vec<String>> {
    let Some(c) = rest.chars().next() else { return Some(vec![String::new()]) };
    let mut heads: Vec<(usize, String)> = vec![(c.len_utf8(), c.to_string())];
    for &(letters, lig) in folds {
        if rest.starts_with(letters) {
            heads.push((letters.len(), lig.to_string()));
        } else if prefix && letters.starts_with(rest) {
            heads.push((rest.len(), lig.to_string()));
        }
    }
    let mut out = Vec::new();
    for (used, head) in heads {
        for tail in spellings(&rest[used..], folds, prefix, max)? {
            out.push(format!("{head}{tail}"));
            if out.len() > max {
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    fn folded(f: Folding, text: &str) -> String {
        f.fold_str(text)
    }

    /// The original text under each folded char range.
    fn back(text: &str, f: Folding, start: usize, end: usize) -> String {
        let span = f.fold(text).original_span(start, end);
        slice_chars(text, span.start..span.end).unwrap_or("<bad span>").to_string()
    }

    #[test]
    fn defaults_fold_case_accents_typography_and_unicode_form() {
        let f = Folding::default();
        assert_eq!(folded(f, "Participación"), "participacion");
        assert_eq!(folded(f, "Zoe\u{308}"), "zoe");
        assert_eq!(folded(f, "ZOË"), "zoe");
        assert_eq!(folded(f, "worker’s “care” — now\u{A0}then"), "worker's \"care\" - now then");
        assert_eq!(folded(f, "Straße STRASSE"), "strasse strasse");
        assert_eq!(folded(f, "oﬃce ĳs"), "office ijs");
        // Soft hyphens stay, as the full-text index splits words at them.
        assert_eq!(folded(f, "parti\u{AD}cipa"), "parti\u{AD}cipa");
        assert_eq!(folded(f, "één ÉÉN"), "een een");
    }

    #[test]
    fn accents_kept_still_equate_composed_and_decomposed_forms() {
        let f = Folding { ignore_accents: false, ..Folding::default() };
        assert_eq!(folded(f, "Zoe\u{308}"), "zoë");
        assert_eq!(folded(f, "Zoë"), "zoë");
        assert_eq!(folded(f, "participación"), "participación");
    }

    #[test]
    fn accents_are_only_dropped_from_latin_letters() {
        let f = Folding::default();
        assert_eq!(folded(f, "й ё"), "й ё");
        assert_eq!(folded(f, "Ñandú"), "nandu");
    }

    #[test]
    fn exact_folding_changes_nothing() {
        let f = Folding::EXACT;
        assert!(f.is_exact());
        let text = "Zoe\u{308} worker’s Straße";
        assert_eq!(folded(f, text), text);
        assert!(f.fold(text).stretches.is_empty());
    }

    #[test]
    fn turkish_dotted_and_dotless_i_only_under_the_turkish_hint() {
        let tr = Folding { language: Language::Turkish, ..Folding::default() };
        assert_eq!(folded(tr, "ILIK İstanbul ılık"), "ılık istanbul ılık");
        let en = Folding::default();
        assert_eq!(folded(en, "ILIK Istanbul I"), "ilik istanbul i");
        assert_eq!(folded(en, "İstanbul"), "istanbul");
    }

    #[test]
    fn dutch_title_case_ij_is_one_letter_when_case_is_kept() {
        let nl = Folding { ignore_case: false, language: Language::Dutch, ..Folding::default() };
        assert_eq!(folded(nl, "Ijsselmeer IJs bij Ijzer"), "IJsselmeer IJs bij IJzer");
        let any = Folding { ignore_case: false, ..Folding::default() };
        assert_eq!(folded(any, "Ijsselmeer"), "Ijsselmeer");
        assert_eq!(folded(Folding::default(), "IJsselmeer Ĳsselmeer"), "ijsselmeer ijsselmeer");
    }

    #[test]
    fn folded_offsets_map_back_to_whole_original_chars() {
        let f = Folding::default();
        // "Straße" folds to "strasse": chars 4 and 5 both come from "ß".
        let text = "Straße!";
        assert_eq!(back(text, f, 0, 4), "Stra");
        assert_eq!(back(text, f, 0, 5), "Straß");
        assert_eq!(back(text, f, 5, 6), "ß");
        assert_eq!(back(text, f, 5, 8), "ße!");
        // A decomposed "ë": one folded "e" for two original chars.
        let text = "Zoe\u{308} dijo";
        assert_eq!(back(text, f, 0, 3), "Zoe\u{308}");
        assert_eq!(back(text, f, 2, 3), "e\u{308}");
        assert_eq!(back(text, f, 4, 8), "dijo");
        // A ligature: "office" from "oﬃce".
        let text = "the oﬃce";
        assert_eq!(back(text, f, 4, 10), "oﬃce");
        assert_eq!(back(text, f, 5, 6), "ﬃ");
        assert_eq!(back(text, f, 7, 10), "ﬃce");
        // After an expansion and a contraction, plain chars map by their shift.
        let text = "ßZoe\u{308}x";
        assert_eq!(back(text, f, 5, 6), "x");
        assert_eq!(back(text, f, 1, 3), "ßZ");
    }

    #[test]
    fn language_codes_are_read_loosely() {
        assert_eq!(Language::parse("nl-BE"), Some(Language::Dutch));
        assert_eq!(Language::parse("TR"), Some(Language::Turkish));
        assert_eq!(Language::parse("es"), Some(Language::Other));
        assert_eq!(Language::parse("any"), Some(Language::Other));
        assert_eq!(Language::parse("klingon!"), None);
    }

    #[test]
    fn index_spellings_undo_the_folds_the_index_does_not_know() {
        let f = Folding::default();
        let sp = |w: &str, prefix: bool| index_spellings(w, &f, prefix).unwrap_or_default();
        assert_eq!(sp("tijd", false), ["tijd", "tĳd"]);
        assert_eq!(sp("strasse", false), ["strasse", "straße"]);
        assert_eq!(sp("casa", false), ["casa"]);
        assert_eq!(sp("office", false), ["office", "ofﬁce", "oﬀice", "oﬃce"]);
        assert_eq!(sp("of", true), ["of", "oﬀ", "oﬁ", "oﬂ", "oﬃ", "oﬄ"]);
        assert_eq!(sp("bi", true), ["bi", "bĳ"]);
        assert_eq!(sp("σοφοσ", false), ["ςοφος", "ςοφοσ", "σοφος", "σοφοσ"]);
        let exact = Folding { typography: false, ignore_case: false, ..f };
        assert_eq!(index_spellings("tijd", &exact, false), Some(vec!["tijd".to_string()]));
    }

    proptest::proptest! {
        #[test]
        fn every_folded_range_maps_to_a_valid_original_range(s in "[a-zA-Zéß\u{308}ﬃĳİI’ —]{0,30}", a in 0usize..40, len in 1usize..10) {
            for f in [Folding::default(), Folding { ignore_accents: false, ..Folding::default() }, Folding { language: Language::Turkish, ..Folding::default() }] {
                let folded = f.fold(&s);
                let n = folded.text.chars().count();
                if a < n {
                    let end = (a + len).min(n);
                    let span = folded.original_span(a, end);
                    proptest::prop_assert!(span.start < span.end);
                    proptest::prop_assert!(span.end <= s.chars().count());
                }
            }
        }
    }
}
