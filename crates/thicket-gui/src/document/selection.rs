//! The view's own selection, which spans paragraphs, and the galley geometry it is drawn with.
//!
//! In: char offsets into the whole source text (from the pointer, the keyboard or the app).
//! Out: a normalised half-open [`TextSpan`], the part of it inside each paragraph, and rectangles
//! for painting it. Galley char indices count the chars of one paragraph (egui's `CCursor`
//! counts chars too, newlines included), so converting is a subtraction of the paragraph start.

use std::ops::Range;

use egui::Rect;
use egui::epaint::text::Galley;

use thicket_core::model::TextSpan;

/// An anchor (where the selection started) and a cursor (the end that moves); both char offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub cursor: usize,
}

impl Selection {
    /// An empty selection at `at`.
    pub fn at(at: usize) -> Self {
        Selection { anchor: at, cursor: at }
    }

    /// The selected span with `start < end`, whichever way it was made; `None` when empty.
    pub fn span(&self) -> Option<TextSpan> {
        TextSpan::new(self.anchor.min(self.cursor), self.anchor.max(self.cursor))
    }

    /// The same selection with both ends clamped to a text of `len` chars.
    pub fn clamped(self, len: usize) -> Self {
        Selection { anchor: self.anchor.min(len), cursor: self.cursor.min(len) }
    }
}

/// The part of `span` inside `paragraph`, in chars relative to the paragraph's start.
pub fn local_range(span: TextSpan, paragraph: &Range<usize>) -> Option<Range<usize>> {
    let start = span.start.max(paragraph.start);
    let end = span.end.min(paragraph.end);
    (start < end).then(|| start - paragraph.start..end - paragraph.start)
}

/// The cursor one char left or right, stepping over the blank lines between paragraphs as if
/// they were one boundary: from a paragraph's end to the next one's start, and back.
pub fn step_char(paragraphs: &[Range<usize>], len: usize, cursor: usize, forward: bool) -> usize {
    let i = paragraphs.partition_point(|p| p.end < cursor);
    if forward {
        match paragraphs.get(i) {
            Some(p) if cursor < p.start => p.start,
            Some(p) if cursor == p.end => paragraphs.get(i + 1).map_or(len, |next| next.start),
            _ => (cursor + 1).min(len),
        }
    } else {
        let before = i.checked_sub(1).and_then(|j| paragraphs.get(j));
        match (paragraphs.get(i), before) {
            (Some(p), Some(prev)) if cursor <= p.start => prev.end,
            (Some(p), None) if cursor <= p.start => 0,
            (None, Some(prev)) if cursor > prev.end => prev.end,
            _ => cursor.saturating_sub(1),
        }
    }
}

/// The word around char `at` of `text` (a run of alphanumerics and apostrophes), as a char
/// range relative to `text`; an empty range at `at` if there is no word there.
pub fn word_at(text: &str, at: usize) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let chars: Vec<char> = text.chars().collect();
    if !chars.get(at).is_some_and(|&c| is_word(c)) {
        return at..at;
    }
    let start = chars[..at].iter().rposition(|&c| !is_word(c)).map_or(0, |p| p + 1);
    let end = chars[at..].iter().position(|&c| !is_word(c)).map_or(chars.len(), |p| at + p);
    start..end
}

/// Rectangles (galley coordinates) covering the chars `range` of a galley, one per row touched.
/// A row whose end is selected (the selection runs on) is covered to its right edge.
pub fn selection_rects(galley: &Galley, range: Range<usize>) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let glyphs = row.glyphs.len();
        let row_end = row_start + glyphs;
        let (a, b) = (range.start.max(row_start), range.end.min(row_end));
        let runs_on = range.end > row_end && range.start <= row_end;
        if a < b || (runs_on && a <= row_end) {
            let x0 = row.pos.x + row.x_offset(egui::epaint::text::CharIndex(a - row_start));
            let x1 = if runs_on { row.pos.x + row.size.x.max(x0 - row.pos.x + 4.0) } else { row.pos.x + row.x_offset(egui::epaint::text::CharIndex(b - row_start)) };
            rects.push(Rect::from_x_y_ranges(x0..=x1, row.min_y()..=row.max_y()));
        }
        row_start = row_end + usize::from(row.ends_with_newline);
        if row_start >= range.end {
            break;
        }
    }
    rects
}

/// The char whose glyph lies under `pos` (galley coordinates), if any.
pub fn char_under(galley: &Galley, pos: egui::Vec2) -> Option<usize> {
    let mut row_start = 0;
    for row in &galley.rows {
        if (row.min_y()..row.max_y()).contains(&pos.y) {
            let x = pos.x - row.pos.x;
            return row.glyphs.iter().position(|g| g.pos.x <= x && x < g.max_x()).map(|i| row_start + i);
        }
        row_start += row.glyphs.len() + usize::from(row.ends_with_newline);
    }
    None
}

/// The row rectangle (galley coordinates) at char `at`, zero-width at its left edge.
pub fn caret_rect(galley: &Galley, at: usize) -> Rect {
    galley.pos_from_cursor(egui::text::CCursor::new(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn galley(text: &str, width: f32) -> Arc<Galley> {
        let mut fonts = egui::epaint::text::Fonts::new(Default::default(), egui::FontDefinitions::default());
        let job = egui::text::LayoutJob::simple(text.into(), egui::FontId::monospace(10.0), egui::Color32::WHITE, width);
        fonts.with_pixels_per_point(1.0).layout_job(job)
    }

    #[test]
    fn selections_normalise_whichever_way_they_were_made() {
        let backwards = Selection { anchor: 120, cursor: 7 };
        assert_eq!(backwards.span(), Some(TextSpan { start: 7, end: 120 }));
        assert_eq!(Selection::at(5).span(), None);
        assert_eq!(backwards.clamped(100).span(), Some(TextSpan { start: 7, end: 100 }));
    }

    #[test]
    fn a_selection_over_paragraphs_splits_into_local_ranges() {
        let paragraphs = [0..10, 12..30, 32..40];
        let span = TextSpan { start: 5, end: 35 };
        let parts: Vec<_> = paragraphs.iter().map(|p| local_range(span, p)).collect();
        assert_eq!(parts, [Some(5..10), Some(0..18), Some(0..3)]);
        assert_eq!(local_range(TextSpan { start: 10, end: 12 }, &paragraphs[1]), None);
    }

    #[test]
    fn stepping_by_char_jumps_the_gap_between_paragraphs() {
        let paragraphs = [2..10, 12..30];
        assert_eq!(step_char(&paragraphs, 33, 9, true), 10);
        assert_eq!(step_char(&paragraphs, 33, 10, true), 12);
        assert_eq!(step_char(&paragraphs, 33, 12, false), 10);
        assert_eq!(step_char(&paragraphs, 33, 0, true), 2);
        assert_eq!(step_char(&paragraphs, 33, 2, false), 0);
        assert_eq!(step_char(&paragraphs, 33, 30, true), 33);
        assert_eq!(step_char(&paragraphs, 33, 33, false), 30);
        assert_eq!(step_char(&paragraphs, 33, 33, true), 33);
        assert_eq!(step_char(&[], 4, 2, false), 1);
    }

    #[test]
    fn words_are_found_around_a_char() {
        let text = "Eli's going in—most days.";
        assert_eq!(word_at(text, 1), 0..5);
        assert_eq!(word_at(text, 7), 6..11);
        assert_eq!(word_at(text, 5), 5..5);
        assert_eq!(word_at(text, 16), 15..19);
        assert_eq!(word_at(text, 99), 99..99);
    }

    #[test]
    fn selection_rects_follow_wrapped_rows() {
        // Monospace 10 px: about six px per char; 60 px wraps "aaaa bbbb cccc" into rows.
        let g = galley("aaaa bbbb cccc\ndd", 60.0);
        assert!(g.rows.len() >= 3, "{}", g.rows.len());
        let one_row = selection_rects(&g, 0..2);
        assert_eq!(one_row.len(), 1);
        assert!(one_row[0].width() > 0.0 && one_row[0].left() == g.rows[0].pos.x);
        let all = selection_rects(&g, 0..17);
        assert_eq!(all.len(), g.rows.len());
        assert!(all.windows(2).all(|w| w[0].top() < w[1].top()));
        assert!(selection_rects(&g, 3..3).is_empty());
    }

    #[test]
    fn the_char_under_a_point_is_the_glyph_there() {
        let g = galley("ab\ncd", f32::INFINITY);
        let second_row = g.rows[1].rect();
        let c = char_under(&g, egui::vec2(second_row.left() + 1.0, second_row.center().y));
        assert_eq!(c, Some(3));
        assert_eq!(char_under(&g, egui::vec2(500.0, second_row.center().y)), None);
        assert_eq!(char_under(&g, egui::vec2(1.0, -50.0)), None);
        let caret = caret_rect(&g, 4);
        assert!(caret.left() > second_row.left() && caret.top() == second_row.top());
    }
}
