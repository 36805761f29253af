//! Offset conversions for a stored text: char offsets in, byte / UTF-16 / line / paragraph positions out, and back.
//!
//! Thicket stores every span as a half-open range of chars (Unicode scalar values), because that is what users
//! select and what egui's `CCursor` counts. Other consumers count differently: Rust slicing and egui's
//! `LayoutJob` count bytes, the REFI-QDA exchange format counts UTF-16 code units, and citations give line and
//! paragraph numbers. A [`TextIndex`] is built once per text in O(n) and answers each conversion in O(log n);
//! pure-ASCII text (most English transcripts) is indexed with a single `is_ascii` scan plus a line scan, and its
//! conversions are constant-time. [`char_range_to_byte_range`] and [`slice_chars`] are O(n) helpers for one-off
//! use where building an index is not worth it.
//!
//! Positions are gaps between chars, so a text of `n` chars has positions `0..=n`: position `n` (the end) is
//! valid and maps to the end in every unit. A position past the end, or a byte / UTF-16 position that falls
//! inside a char, has no char equivalent and gives `None`.

use std::ops::Range;

/// Precomputed positions of one text, answering offset conversions without rescanning it.
///
/// The text is described as runs of chars with the same UTF-8 width; within a run every unit is an arithmetic
/// step, so a conversion is a binary search over runs. Lines are `\n`-separated; paragraphs are runs of
/// non-blank lines (a blank line is empty or whitespace only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextIndex {
    runs: Vec<Run>,
    char_len: usize,
    byte_len: usize,
    utf16_len: usize,
    /// Char offset of the start of each line; always starts with 0.
    line_starts: Vec<usize>,
    paragraphs: Vec<Range<usize>>,
}

/// A maximal stretch of chars with the same UTF-8 width (1 to 4 bytes), and where it starts in each unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    ch: usize,
    byte: usize,
    utf16: usize,
    width: usize,
}

/// The ways of counting positions that [`TextIndex`] converts between.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Char,
    Byte,
    Utf16,
}

impl Run {
    fn start(&self, unit: Unit) -> usize {
        match unit {
            Unit::Char => self.ch,
            Unit::Byte => self.byte,
            Unit::Utf16 => self.utf16,
        }
    }

    /// Width of one char of this run in `unit`; only 4-byte (astral) chars need a UTF-16 surrogate pair.
    fn width(&self, unit: Unit) -> usize {
        match unit {
            Unit::Char => 1,
            Unit::Byte => self.width,
            Unit::Utf16 if self.width == 4 => 2,
            Unit::Utf16 => 1,
        }
    }
}

impl TextIndex {
    /// Indexes `text` in one pass (two for non-ASCII text). Build it once per source and keep it with the text.
    pub fn new(text: &str) -> Self {
        let runs = width_runs(text);
        let (char_len, utf16_len) = match runs.last() {
            Some(last) => {
                let tail = (text.len() - last.byte) / last.width;
                (last.ch + tail, last.utf16 + tail * last.width(Unit::Utf16))
            }
            None => (0, 0),
        };
        let (line_starts, paragraphs) = scan_lines(text);
        TextIndex { runs, char_len, byte_len: text.len(), utf16_len, line_starts, paragraphs }
    }

    /// Number of chars (Unicode scalar values) in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length of the text in bytes.
    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Length of the text in UTF-16 code units, as REFI-QDA counts it.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of char position `ch`; `char_len()` maps to the byte length, anything larger to `None`.
    pub fn char_to_byte(&self, ch: usize) -> Option<usize> {
        self.convert(ch, Unit::Char, Unit::Byte)
    }

    /// Char position of byte offset `byte`; `None` if it is inside a multi-byte char or past the end.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        self.convert(byte, Unit::Byte, Unit::Char)
    }

    /// UTF-16 code-unit offset of char position `ch`; `None` past the end.
    pub fn char_to_utf16(&self, ch: usize) -> Option<usize> {
        self.convert(ch, Unit::Char, Unit::Utf16)
    }

    /// Char position of UTF-16 offset `u`; `None` if it falls between the halves of a surrogate pair or past the
    /// end.
    pub fn utf16_to_char(&self, u: usize) -> Option<usize> {
        self.convert(u, Unit::Utf16, Unit::Char)
    }

    /// Byte range of a char range, e.g. for egui `LayoutJob` highlight sections; `None` if `r.start > r.end` or
    /// `r.end` is past the end.
    pub fn char_range_to_byte_range(&self, r: Range<usize>) -> Option<Range<usize>> {
        if r.start > r.end {
            return None;
        }
        Some(self.char_to_byte(r.start)?..self.char_to_byte(r.end)?)
    }

    /// Number of lines: one more than the number of `\n`, so an empty text has one (empty) line.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line number of char position `ch`; a `\n` belongs to the line it ends. `None` past the end.
    pub fn line_of_char(&self, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        // line_starts[0] == 0 <= ch, so the count is at least 1.
        Some(self.line_starts.partition_point(|&start| start <= ch))
    }

    /// Char offset where 1-based line `line` starts; `None` for line 0 or past the last line.
    pub fn line_start_char(&self, line: usize) -> Option<usize> {
        let index = line.checked_sub(1)?;
        self.line_starts.get(index).copied()
    }

    /// 1-based paragraph number of char position `ch`, for citations. A char in a blank run between paragraphs
    /// belongs to the paragraph before it (or to paragraph 1 if there is none). `None` past the end.
    pub fn paragraph_of_char(&self, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        Some(self.paragraphs.partition_point(|p| p.start <= ch).max(1))
    }

    /// Char ranges of the paragraphs (runs of non-blank lines) in text order, each from the start of its first
    /// line to the end of its last line, without the trailing `\n`.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Char => self.char_len,
            Unit::Byte => self.byte_len,
            Unit::Utf16 => self.utf16_len,
        }
    }

    fn convert(&self, pos: usize, from: Unit, to: Unit) -> Option<usize> {
        // The end is not inside any run (and an empty text has no runs), so it is answered first.
        if pos >= self.len(from) {
            return (pos == self.len(from)).then(|| self.len(to));
        }
        let index = self.runs.partition_point(|run| run.start(from) <= pos).checked_sub(1)?;
        let run = self.runs.get(index)?;
        let offset = pos - run.start(from);
        let width = run.width(from);
        offset.is_multiple_of(width).then(|| run.start(to) + offset / width * run.width(to))
    }
}

/// Splits `text` into runs of equal UTF-8 width. ASCII text is one run and needs no char scan.
fn width_runs(text: &str) -> Vec<Run> {
    if text.is_empty() {
        return Vec::new();
    }
    if text.is_ascii() {
        return vec![Run { ch: 0, byte: 0, utf16: 0, width: 1 }];
    }
    let mut runs: Vec<Run> = Vec::new();
    let (mut byte, mut utf16) = (0, 0);
    for (ch, c) in text.chars().enumerate() {
        let width = c.len_utf8();
        if runs.last().map(|run| run.width) != Some(width) {
            runs.push(Run { ch, byte, utf16, width });
        }
        byte += width;
        utf16 += c.len_utf16();
    }
    runs
}

/// Line starts and paragraph ranges (both in chars) of `text`, in one pass.
fn scan_lines(text: &str) -> (Vec<usize>, Vec<Range<usize>>) {
    let mut scan = LineScan { line_starts: vec![0], paragraphs: Vec::new(), in_paragraph: false };
    let mut line_blank = true;
    let mut end = 0;
    for (ch, c) in text.chars().enumerate() {
        if c == '\n' {
            scan.end_line(ch, line_blank);
            scan.line_starts.push(ch + 1);
            line_blank = true;
        } else if !c.is_whitespace() {
            line_blank = false;
        }
        end = ch + 1;
    }
    scan.end_line(end, line_blank);
    (scan.line_starts, scan.paragraphs)
}

/// State of [`scan_lines`] between lines.
struct LineScan {
    line_starts: Vec<usize>,
    paragraphs: Vec<Range<usize>>,
    /// Whether the previous line was non-blank, so a non-blank line extends the last paragraph.
    in_paragraph: bool,
}

impl LineScan {
    /// Records the end (char offset, before any `\n`) of the line that started at the last line start.
    fn end_line(&mut self, end: usize, blank: bool) {
        let start = self.line_starts.last().copied().unwrap_or(0);
        match (blank, self.in_paragraph, self.paragraphs.last_mut()) {
            (true, _, _) => self.in_paragraph = false,
            (false, true, Some(last)) => last.end = end,
            (false, _, _) => {
                self.paragraphs.push(start..end);
                self.in_paragraph = true;
            }
        }
    }
}

/// Byte range of the char range `r` in `text`, scanning from the start (O(r.end)). Use
/// [`TextIndex::char_range_to_byte_range`] when converting many ranges of one text, e.g. highlights for an egui
/// `LayoutJob`. `None` if `r.start > r.end` or `r.end` is past the end.
pub fn char_range_to_byte_range(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    if r.start > r.end {
        return None;
    }
    let mut boundaries = text.char_indices().map(|(byte, _)| byte).chain(std::iter::once(text.len()));
    let start = boundaries.nth(r.start)?;
    let end = match (r.end - r.start).checked_sub(1) {
        Some(skip) => boundaries.nth(skip)?,
        None => start,
    };
    Some(start..end)
}

/// The text of the char range `r`; `None` under the same conditions as [`char_range_to_byte_range`].
pub fn slice_chars(text: &str, r: Range<usize>) -> Option<&str> {
    text.get(char_range_to_byte_range(text, r)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_positions_are_identical_in_every_unit() {
        let index = TextIndex::new("Hi there");
        assert_eq!(index.char_len(), 8);
        assert_eq!(index.char_to_byte(3), Some(3));
        assert_eq!(index.utf16_to_char(8), Some(8));
        assert_eq!(index.char_to_byte(9), None);
    }

    #[test]
    fn multibyte_and_astral_chars_convert_exactly() {
        // a(1 byte) é(2) 漢(3) 😀(4 bytes, 2 UTF-16 units) b(1)
        let index = TextIndex::new("aé漢😀b");
        assert_eq!((index.char_len(), index.byte_len(), index.utf16_len()), (5, 11, 6));
        let bytes: Vec<_> = (0..=6).map(|ch| index.char_to_byte(ch)).collect();
        assert_eq!(bytes, [Some(0), Some(1), Some(3), Some(6), Some(10), Some(11), None]);
        let units: Vec<_> = (0..=5).map(|ch| index.char_to_utf16(ch)).collect();
        assert_eq!(units, [Some(0), Some(1), Some(2), Some(3), Some(5), Some(6)]);
    }

    #[test]
    fn positions_inside_a_char_have_no_char_offset() {
        let index = TextIndex::new("é😀");
        assert_eq!(index.byte_to_char(1), None);
        assert_eq!(index.byte_to_char(2), Some(1));
        assert_eq!(index.byte_to_char(4), None);
        assert_eq!(index.byte_to_char(6), Some(2));
        assert_eq!(index.byte_to_char(7), None);
        assert_eq!(index.utf16_to_char(2), None);
        assert_eq!(index.utf16_to_char(3), Some(2));
        assert_eq!(index.utf16_to_char(4), None);
    }

    #[test]
    fn empty_text_has_one_position_one_line_and_no_paragraphs() {
        let index = TextIndex::new("");
        assert_eq!(index.char_to_byte(0), Some(0));
        assert_eq!(index.byte_to_char(0), Some(0));
        assert_eq!(index.char_to_utf16(1), None);
        assert_eq!(index.line_of_char(0), Some(1));
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.paragraph_of_char(0), Some(1));
        assert!(index.paragraphs().is_empty());
    }

    #[test]
    fn newline_belongs_to_the_line_it_ends() {
        let index = TextIndex::new("ab\ncd\n");
        let lines: Vec<_> = (0..=7).map(|ch| index.line_of_char(ch)).collect();
        assert_eq!(lines, [Some(1), Some(1), Some(1), Some(2), Some(2), Some(2), Some(3), None]);
        assert_eq!(index.line_start_char(2), Some(3));
        assert_eq!(index.line_start_char(3), Some(6));
        assert_eq!(index.line_start_char(0), None);
        assert_eq!(index.line_start_char(4), None);
    }

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let text = "\n  \nOne\nstill one \n \t\n\nTwo\n";
        let index = TextIndex::new(text);
        assert_eq!(index.paragraphs(), &[4..18, 23..26]);
        assert_eq!(slice_chars(text, 4..18), Some("One\nstill one "));
        assert_eq!(slice_chars(text, 23..26), Some("Two"));
        // Leading blank lines count as paragraph 1; a separator run belongs to the paragraph before it.
        assert_eq!(index.paragraph_of_char(0), Some(1));
        assert_eq!(index.paragraph_of_char(18), Some(1));
        assert_eq!(index.paragraph_of_char(22), Some(1));
        assert_eq!(index.paragraph_of_char(23), Some(2));
        assert_eq!(index.paragraph_of_char(27), Some(2));
        assert_eq!(index.paragraph_of_char(28), None);
    }

    #[test]
    fn unicode_whitespace_lines_are_blank() {
        let index = TextIndex::new("Para one\n\u{3000}\u{A0}\nPara two");
        assert_eq!(index.paragraphs(), &[0..8, 12..20]);
    }

    #[test]
    fn slicing_by_chars_handles_zwj_sequences_and_rtl() {
        let text = "שלום 👩‍👩‍👧 مرحبا";
        // The family emoji is five chars: three people joined by two ZWJs.
        assert_eq!(slice_chars(text, 5..10), Some("👩‍👩‍👧"));
        assert_eq!(slice_chars(text, 11..16), Some("مرحبا"));
        assert_eq!(slice_chars(text, 16..16), Some(""));
        assert_eq!(slice_chars(text, 16..17), None);
        let (start, end) = (3, 2);
        assert_eq!(slice_chars(text, start..end), None);
        assert_eq!(char_range_to_byte_range(text, 5..10), Some(9..27));
        assert_eq!(TextIndex::new(text).char_range_to_byte_range(5..10), Some(9..27));
    }

    /// Text mixing the scripts and shapes that break naive offset code.
    fn mixed_text() -> impl Strategy<Value = String> {
        let tricky = prop::sample::select(vec![
            "\n",
            "\n\n",
            " \t\n",
            "\u{3000}\n",
            "👩‍👩‍👧‍👦",
            "🏳️‍🌈",
            "𝄞𠀋",
            "😀",
            "e\u{301}",
            "a\u{308}\u{323}",
            "漢字かなカナ",
            "한국어",
            "مرحبا بالعالم",
            "\u{5E9}\u{5C1}\u{5B8}\u{5DC}\u{5D5}\u{5B9}\u{5DD}",
            "\u{200F}\u{202E}",
            "\u{A0}",
        ]);
        let piece = prop_oneof![1 => "[a-zA-Z0-9 ,.:'-]{1,8}", 3 => tricky.prop_map(str::to_owned)];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    /// Char offset → (byte, UTF-16) offsets, computed the obvious way, with the end position included.
    fn naive_offsets(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut utf16 = 0;
        for (byte, c) in text.char_indices() {
            out.push((byte, utf16));
            utf16 += c.encode_utf16(&mut [0; 2]).len();
        }
        out.push((text.len(), utf16));
        out
    }

    /// Paragraph ranges computed from `split('\n')`, independently of [`scan_lines`].
    fn naive_paragraphs(text: &str) -> Vec<Range<usize>> {
        let mut paragraphs: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        let mut previous_blank = true;
        for line in text.split('\n') {
            let len = line.chars().count();
            let blank = line.trim().is_empty();
            if !blank {
                match paragraphs.last_mut() {
                    Some(last) if !previous_blank => last.end = start + len,
                    _ => paragraphs.push(start..start + len),
                }
            }
            previous_blank = blank;
            start += len + 1;
        }
        paragraphs
    }

    proptest! {
        #[test]
        fn conversions_agree_with_naive_reference(text in mixed_text()) {
            let index = TextIndex::new(&text);
            let naive = naive_offsets(&text);
            prop_assert_eq!(index.char_len(), text.chars().count());
            prop_assert_eq!(index.utf16_len(), text.encode_utf16().count());
            for (ch, &(byte, utf16)) in naive.iter().enumerate() {
                prop_assert_eq!(index.char_to_byte(ch), Some(byte));
                prop_assert_eq!(index.char_to_utf16(ch), Some(utf16));
                prop_assert_eq!(index.byte_to_char(byte), Some(ch));
                prop_assert_eq!(index.utf16_to_char(utf16), Some(ch));
            }
            prop_assert_eq!(index.char_to_byte(naive.len()), None);
            prop_assert_eq!(index.char_to_utf16(naive.len()), None);
        }

        #[test]
        fn positions_inside_a_char_or_past_the_end_are_none(text in mixed_text()) {
            let index = TextIndex::new(&text);
            for byte in 0..=text.len() + 1 {
                let expected = text.is_char_boundary(byte).then(|| text[..byte].chars().count());
                prop_assert_eq!(index.byte_to_char(byte), expected);
            }
            let naive_units: Vec<usize> = naive_offsets(&text).iter().map(|&(_, u)| u).collect();
            for u in 0..=index.utf16_len() + 1 {
                let expected = naive_units.iter().position(|&n| n == u);
                prop_assert_eq!(index.utf16_to_char(u), expected);
            }
        }

        #[test]
        fn conversions_are_strictly_monotonic(text in mixed_text()) {
            let index = TextIndex::new(&text);
            for ch in 1..=index.char_len() {
                prop_assert!(index.char_to_byte(ch) > index.char_to_byte(ch - 1));
                prop_assert!(index.char_to_utf16(ch) > index.char_to_utf16(ch - 1));
                prop_assert!(index.line_of_char(ch) >= index.line_of_char(ch - 1));
                prop_assert!(index.paragraph_of_char(ch) >= index.paragraph_of_char(ch - 1));
            }
        }

        #[test]
        fn lines_agree_with_split(text in mixed_text()) {
            let index = TextIndex::new(&text);
            let chars: Vec<char> = text.chars().collect();
            let mut start = 0;
            for (i, line) in text.split('\n').enumerate() {
                prop_assert_eq!(index.line_start_char(i + 1), Some(start));
                start += line.chars().count() + 1;
            }
            prop_assert_eq!(index.line_count(), text.split('\n').count());
            for ch in 0..=chars.len() {
                let newlines_before = chars[..ch].iter().filter(|&&c| c == '\n').count();
                prop_assert_eq!(index.line_of_char(ch), Some(newlines_before + 1));
            }
            prop_assert_eq!(index.line_of_char(chars.len() + 1), None);
        }

        #[test]
        fn paragraphs_agree_with_split(text in mixed_text()) {
            let index = TextIndex::new(&text);
            let paragraphs = naive_paragraphs(&text);
            prop_assert_eq!(index.paragraphs(), paragraphs.as_slice());
            let mut current = 1;
            for ch in 0..=index.char_len() {
                if paragraphs.get(current).is_some_and(|next| next.start == ch) {
                    current += 1;
                }
                prop_assert_eq!(index.paragraph_of_char(ch), Some(current));
            }
        }

        #[test]
        fn slices_agree_with_char_iteration(text in mixed_text(), a in 0usize..80, b in 0usize..80) {
            let (start, end) = (a.min(b), a.max(b));
            let expected: Option<String> = (end <= text.chars().count())
                .then(|| text.chars().skip(start).take(end - start).collect());
            prop_assert_eq!(slice_chars(&text, start..end).map(str::to_owned), expected);
            let index = TextIndex::new(&text);
            prop_assert_eq!(index.char_range_to_byte_range(start..end), char_range_to_byte_range(&text, start..end));
        }
    }
}
