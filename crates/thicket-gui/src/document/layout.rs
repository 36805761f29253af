//! Paragraph layout: one `LayoutJob` and one cached galley per paragraph.
//!
//! In: the text, a paragraph's codings and speaker labels, the wrap width. Out: galleys, kept here
//! per paragraph until the width, the pixel density or the font atlas changes, or until
//! `refresh_codings` finds that paragraph's highlights changed. Keeping our own `Arc<Galley>`
//! means a frame neither builds nor hashes a job for a paragraph already laid out (egui's own
//! cache would need both, every frame). Highlight sections are byte ranges in a `LayoutJob`; the
//! char → byte conversion happens here, through `TextIndex`, and nowhere else.

use std::ops::Range;
use std::sync::Arc;

use egui::epaint::text::Galley;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use super::content::{Highlights, SpeakerMark, highlight, speaker_color};
use thicket_core::text::TextIndex;

/// Font size of the document text, in points.
pub const TEXT_SIZE: f32 = 15.0;

/// The document's font.
pub fn text_font() -> FontId {
    FontId::proportional(TEXT_SIZE)
}

/// Galleys of the paragraphs laid out so far, for one wrap width.
#[derive(Default)]
pub struct GalleyCache {
    width: f32,
    pixels_per_point: f32,
    /// Fill ratio of egui's font atlas when last seen: a drop means it was cleared, and
    /// galleys pointing into it must be laid out again.
    atlas_fill: f32,
    /// Speaker colours depend on the theme.
    dark_mode: bool,
    items: Vec<Option<Arc<Galley>>>,
}

/// What [`GalleyCache::sync`] had to throw away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalidated {
    Nothing,
    /// Glyphs or colours changed (atlas, pixel density, theme): same geometry, new galleys needed.
    Galleys,
    /// The wrap width changed: heights are unknown again.
    Geometry,
}

impl GalleyCache {
    /// Drops galleys that no longer match `width`, the pixel density, egui's font atlas or the theme.
    pub fn sync(&mut self, ctx: &egui::Context, width: f32, paragraphs: usize, dark_mode: bool) -> Invalidated {
        let ppp = ctx.pixels_per_point();
        let fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
        let outcome = if self.items.len() != paragraphs || (self.width - width).abs() > 0.5 {
            Invalidated::Geometry
        } else if self.pixels_per_point != ppp || fill < self.atlas_fill || self.dark_mode != dark_mode {
            Invalidated::Galleys
        } else {
            Invalidated::Nothing
        };
        if outcome != Invalidated::Nothing {
            self.items = vec![None; paragraphs];
        }
        self.width = width;
        self.pixels_per_point = ppp;
        self.atlas_fill = fill;
        self.dark_mode = dark_mode;
        outcome
    }

    /// Remembers the atlas fill after this frame's layouts, so only a later clear counts.
    pub fn note_atlas(&mut self, ctx: &egui::Context) {
        self.atlas_fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
    }

    /// The wrap width the cached galleys were laid out for.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The galley of paragraph `i`, if laid out.
    pub fn get(&self, i: usize) -> Option<&Arc<Galley>> {
        self.items.get(i)?.as_ref()
    }

    /// Stores the galley of paragraph `i`.
    pub fn put(&mut self, i: usize, galley: Arc<Galley>) {
        if let Some(slot) = self.items.get_mut(i) {
            *slot = Some(galley);
        }
    }

    /// Forgets paragraph `i`, e.g. because its highlights changed.
    pub fn forget(&mut self, i: usize) {
        if let Some(slot) = self.items.get_mut(i) {
            *slot = None;
        }
    }
}

/// Everything a paragraph's job is built from, borrowed from the view.
pub struct JobInput<'a> {
    pub text: &'a str,
    pub index: &'a TextIndex,
    pub paragraph: Range<usize>,
    pub number: usize,
    pub highlights: &'a Highlights,
    pub speakers: &'a [SpeakerMark],
    pub dark_mode: bool,
    pub width: f32,
}

/// The paragraph cut wherever a coding or speaker label starts or ends, each piece styled with
/// the translucent mix of the codes covering it; speaker labels in their speaker's colour.
pub fn paragraph_job(input: &JobInput<'_>) -> LayoutJob {
    let para = input.paragraph.clone();
    let codings: Vec<_> = input.highlights.in_paragraph(input.number).collect();
    let mut cuts = vec![para.start, para.end];
    for c in &codings {
        cuts.extend([c.span.start.clamp(para.start, para.end), c.span.end.clamp(para.start, para.end)]);
    }
    for s in input.speakers {
        cuts.extend([s.label.start.clamp(para.start, para.end), s.label.end.clamp(para.start, para.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = input.width;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = input.index.char_range_to_byte_range(a..b).and_then(|r| input.text.get(r)) else { continue };
        let covering: Vec<Color32> = codings.iter().filter(|c| c.span.start <= a && c.span.end >= b).map(|c| input.highlights.color(c.code_id)).collect();
        let speaker = input.speakers.iter().find(|s| s.label.start <= a && s.label.end >= b);
        let format = TextFormat {
            font_id: text_font(),
            color: speaker.map_or(Color32::PLACEHOLDER, |s| speaker_color(s.participant, input.dark_mode)),
            background: highlight(&covering),
            ..Default::default()
        };
        job.append(piece, 0.0, format);
    }
    job
}

/// Char counts of the hard lines of `paragraph`, for estimating its height before layout.
pub fn line_lengths(index: &TextIndex, paragraph: &Range<usize>) -> Vec<usize> {
    let (Some(first), Some(last)) = (index.line_of_char(paragraph.start), index.line_of_char(paragraph.end)) else {
        return vec![paragraph.len()];
    };
    (first..=last)
        .filter_map(|line| {
            let start = index.line_start_char(line)?.max(paragraph.start);
            let end = index.line_start_char(line + 1).map_or(paragraph.end, |next| next - 1).min(paragraph.end);
            Some(end.saturating_sub(start))
        })
        .collect()
}

/// The fewest characters a row of the document keeps, however the window is shared: below
/// about 45, reading turns into scanning.
pub const READABLE_CHARS: f32 = 45.0;

/// Ordinary prose, to measure an average character of the document font with.
const MEASURE_SAMPLE: &str = "She said the visits felt different after the second month, when they began to plan together.";

/// The width of [`READABLE_CHARS`] characters of the document font, in points. Measured from the
/// font's glyphs, so a zoom (which changes the points a window has, not a glyph's width in
/// points) or another font is taken into account.
pub fn readable_measure(ctx: &egui::Context) -> f32 {
    // Rows break between words, leaving about half a word empty at their ends (as the height
    // estimates assume too): three characters more keep 45 on a row of ordinary prose.
    ((READABLE_CHARS + 3.0) * average_char_width(ctx, MEASURE_SAMPLE)).ceil()
}

/// Average advance of the document font over a sample of the text, in points.
pub fn average_char_width(ctx: &egui::Context, text: &str) -> f32 {
    let font = text_font();
    let sample: Vec<char> = text.chars().filter(|c| !c.is_control()).take(2000).collect();
    if sample.is_empty() {
        return TEXT_SIZE * 0.5;
    }
    let total: f32 = ctx.fonts_mut(|f| sample.iter().map(|&c| f.glyph_width(&font, c)).sum());
    total / sample.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::content::{CodeStyle, Highlights};
    use thicket_core::model::*;
    use std::collections::HashMap;

    #[test]
    fn line_lengths_count_each_hard_line_of_a_paragraph() {
        let text = "intro\n\nab\ncde\nf\n\nlast";
        let index = TextIndex::new(text);
        let paragraphs = index.paragraphs().to_vec();
        assert_eq!(line_lengths(&index, &paragraphs[0]), [5]);
        assert_eq!(line_lengths(&index, &paragraphs[1]), [2, 3, 1]);
        assert_eq!(line_lengths(&index, &paragraphs[2]), [4]);
    }

    #[test]
    fn highlight_sections_are_byte_ranges_of_char_spans() {
        let text = "Ça va? Très bien, merci.";
        let index = TextIndex::new(text);
        let paragraphs = index.paragraphs().to_vec();
        let codes: HashMap<CodeId, CodeStyle> = [(CodeId(1), CodeStyle { name: "A".into(), color: Color32::RED, order: 0 })].into();
        let coding = Coding {
            id: CodingId(1),
            uuid: String::new(),
            source_id: SourceId(1),
            code_id: CodeId(1),
            coder_id: CoderId(1),
            span: TextSpan { start: 7, end: 16 },
            created_at: String::new(),
            memo: String::new(),
            quote: QuoteSelector::default(),
        };
        let highlights = Highlights::new(&paragraphs, vec![coding], codes, index.char_len());
        let input = JobInput { text, index: &index, paragraph: paragraphs[0].clone(), number: 0, highlights: &highlights, speakers: &[], dark_mode: false, width: 300.0 };
        let job = paragraph_job(&input);
        assert_eq!(job.text, text);
        let pieces: Vec<&str> = job.sections.iter().map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0]).collect();
        assert_eq!(pieces, ["Ça va? ", "Très bien", ", merci."]);
        assert_ne!(job.sections[1].format.background, Color32::TRANSPARENT);
        assert_eq!(job.sections[0].format.background, Color32::TRANSPARENT);
    }
}
