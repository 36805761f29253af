//! Word counts for source statistics: text in, a count out.
//!
//! A word is a run of letters and digits, so punctuation, emoji and whitespace never count. Apostrophes and
//! hyphens between two letters or digits keep a word together ("don't", "family-based", "COVID-19"), and `.`,
//! `,` or `:` between digits keep a number together ("3.5", "10,000", "10:30"), which is how readers and word
//! processors count. Chinese and Japanese are written without spaces, so each ideograph or kana counts as one
//! word, the usual convention for CJK word counts. Combining marks stay with the letter they modify, so
//! decomposed "Zoë" is one word.

use regex::Regex;
use std::sync::LazyLock;

/// One match per word; see the module docs for what a word is.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    let letter = r"[\p{Alphabetic}\p{N}--\p{Nd}--\p{Han}--\p{Hiragana}--\p{Katakana}]";
    let number = r"\p{Nd}+(?:[.,:]\p{Nd}+)*";
    let piece = format!(r"(?:{letter}|{number})(?:{letter}|{number}|\p{{M}})*");
    let pattern = format!(
        r"[\p{{Alphabetic}}&&[\p{{Han}}\p{{Hiragana}}\p{{Katakana}}]]|{piece}(?:['’‐‑-]{piece})*"
    );
    Regex::new(&pattern).expect("the word pattern is a valid regex")
});

/// Number of words in `text`: letter/digit runs (joined across inner apostrophes and hyphens) plus one per CJK
/// ideograph or kana. Linear in the length of the text.
pub fn word_count(text: &str) -> usize {
    WORD.find_iter(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn blank_and_punctuation_only_text_has_no_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count(" \n\t "), 0);
        assert_eq!(word_count("-- ... !? “” 😀 ❤️"), 0);
    }

    #[test]
    fn apostrophes_and_hyphens_inside_words_join_them() {
        assert_eq!(word_count("Don't stop the family-based work."), 5);
        assert_eq!(word_count("I’m sure it’s the mother-in-law’s"), 5);
        assert_eq!(word_count("COVID-19 hit the 9-year-old"), 4);
    }

    #[test]
    fn apostrophes_and_hyphens_at_word_edges_split() {
        assert_eq!(word_count("'quoted' words"), 2);
        assert_eq!(word_count("well -- no"), 2);
        assert_eq!(word_count("pre- and post-visit"), 3);
        assert_eq!(word_count("the students' views"), 3);
    }

    #[test]
    fn numbers_with_separators_are_one_word() {
        assert_eq!(word_count("3.5 hours, 10,000 people at 10:30."), 6);
        assert_eq!(word_count("P3 was in year 2."), 5);
    }

    #[test]
    fn dashes_slashes_and_emoji_separate_words() {
        assert_eq!(word_count("yes—no/maybe"), 3);
        assert_eq!(word_count("I ❤️ it 😀"), 2);
    }

    #[test]
    fn each_cjk_ideograph_or_kana_is_a_word() {
        assert_eq!(word_count("私は学生です。"), 6);
        assert_eq!(word_count("東京 Tokyo"), 3);
        assert_eq!(word_count("漢字abc"), 3);
        // The long-vowel mark is script "Common", but it is a char of its own like the kana around it.
        assert_eq!(word_count("ラーメン"), 4);
    }

    #[test]
    fn spaced_scripts_count_by_word() {
        assert_eq!(word_count("한국어 텍스트"), 2);
        assert_eq!(word_count("مرحبا بالعالم"), 2);
        assert_eq!(word_count("שָׁלוֹם עוֹלָם"), 2);
        assert_eq!(word_count("Łucja i José María"), 4);
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        assert_eq!(word_count("Zoe\u{308} and nai\u{308}ve"), 3);
    }

    proptest! {
        #[test]
        fn ascii_words_separated_by_spaces_are_counted(words in prop::collection::vec("[a-z]{1,8}", 0..30)) {
            prop_assert_eq!(word_count(&words.join(" ")), words.len());
        }

        #[test]
        fn joining_two_texts_with_a_space_adds_their_counts(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            let joined = format!("{a} {b}");
            prop_assert_eq!(word_count(&joined), word_count(&a) + word_count(&b));
        }
    }
}
