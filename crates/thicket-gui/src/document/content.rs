//! What the document view shows, derived once from the project: the text and its paragraphs,
//! the codings of each paragraph with their codes' names and colours, the speaker labels at
//! turns, and a signature per paragraph that changes exactly when its look changes.
//!
//! In: a source's text, codings, codebook, turns and participants (plain data, no egui state).
//! Out: per-paragraph lists the painter and the layout read, and [`Highlights::changed`], which
//! tells `refresh_codings` which paragraphs to lay out again. Pure, so it is unit-tested.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use egui::Color32;

use super::stripes::Lanes;
use thicket_core::model::*;
use thicket_core::text::TextIndex;

/// How a code is shown: its path in the codebook, its colour, and its place in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeStyle {
    pub name: String,
    pub color: Color32,
    pub order: usize,
}

/// A speaker label in the text ("Dana:", "Priya  00:01:19") and the turn it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerMark {
    pub label: Range<usize>,
    pub participant: ParticipantId,
    pub timestamp_ms: Option<u64>,
}

/// Codings, their codes and lanes, indexed by paragraph: everything `refresh_codings` replaces.
#[derive(Debug, Clone, Default)]
pub struct Highlights {
    pub codings: Vec<Coding>,
    /// Per paragraph: indices into `codings` of those that overlap it, in text order.
    pub by_paragraph: Vec<Vec<u32>>,
    pub codes: HashMap<CodeId, CodeStyle>,
    pub lanes: Lanes,
    /// Per paragraph: a hash of what its highlights look like.
    pub signatures: Vec<u64>,
}

impl Highlights {
    /// Indexes `codings` by the paragraphs they overlap; codings outside the text are dropped.
    pub fn new(paragraphs: &[Range<usize>], mut codings: Vec<Coding>, codes: HashMap<CodeId, CodeStyle>, char_len: usize) -> Self {
        codings.retain(|c| c.span.start < c.span.end && c.span.end <= char_len);
        codings.sort_by_key(|c| (c.span.start, c.span.end, c.id));
        let by_paragraph = index_by_paragraph(paragraphs, codings.iter().map(|c| c.span));
        let present: Vec<Vec<CodeId>> = by_paragraph.iter().map(|list| list.iter().map(|&k| codings[k as usize].code_id).collect()).collect();
        let lanes = Lanes::assign(&present);
        let signatures = (0..paragraphs.len()).map(|i| signature(&paragraphs[i], &by_paragraph[i], &codings, &codes)).collect();
        Highlights { codings, by_paragraph, codes, lanes, signatures }
    }

    /// Paragraphs whose highlights differ between `self` and `newer`.
    pub fn changed(&self, newer: &Highlights) -> Vec<usize> {
        let n = newer.signatures.len();
        (0..n).filter(|&i| self.signatures.get(i) != newer.signatures.get(i)).collect()
    }

    /// The codings overlapping paragraph `i`.
    pub fn in_paragraph(&self, i: usize) -> impl Iterator<Item = &Coding> {
        self.by_paragraph.get(i).into_iter().flatten().map(|&k| &self.codings[k as usize])
    }

    /// The colour of a code (grey if it is not in the codebook any more).
    pub fn color(&self, code: CodeId) -> Color32 {
        self.codes.get(&code).map_or(Color32::GRAY, |s| s.color)
    }

    /// The name of a code, as its codebook path.
    pub fn name(&self, code: CodeId) -> &str {
        self.codes.get(&code).map_or("(deleted code)", |s| s.name.as_str())
    }

    /// `codes` without repeats, in codebook order.
    pub fn sorted_codes(&self, codes: impl Iterator<Item = CodeId>) -> Vec<CodeId> {
        let mut list: Vec<CodeId> = codes.collect();
        list.sort_by_key(|c| (self.codes.get(c).map_or(usize::MAX, |s| s.order), *c));
        list.dedup();
        list
    }
}

/// Code styles from the codebook, in tree order.
pub fn code_styles(book: &Codebook) -> HashMap<CodeId, CodeStyle> {
    book.walk()
        .iter()
        .enumerate()
        .map(|(order, (_, code))| {
            let name = book.path(code.id).unwrap_or(&code.name).to_string();
            (code.id, CodeStyle { name, color: super::parse_color(&code.color), order })
        })
        .collect()
}

/// For each paragraph, the indices of the spans (sorted by start) that overlap it.
pub fn index_by_paragraph(paragraphs: &[Range<usize>], spans: impl Iterator<Item = TextSpan>) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); paragraphs.len()];
    for (k, span) in spans.enumerate() {
        let first = paragraphs.partition_point(|p| p.end <= span.start);
        for (i, p) in paragraphs.iter().enumerate().skip(first) {
            if p.start >= span.end {
                break;
            }
            out[i].push(k as u32);
        }
    }
    out
}

/// A hash of the highlights of one paragraph: which codes cover which of its chars, in which colour.
fn signature(paragraph: &Range<usize>, indices: &[u32], codings: &[Coding], codes: &HashMap<CodeId, CodeStyle>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for &k in indices {
        let c = &codings[k as usize];
        c.code_id.hash(&mut h);
        c.span.start.max(paragraph.start).hash(&mut h);
        c.span.end.min(paragraph.end).hash(&mut h);
        codes.get(&c.code_id).map(|s| s.color.to_array()).hash(&mut h);
    }
    h.finish()
}

/// The speaker label of a turn whose spoken text starts at char `spoken`: the text before it on
/// its line ("Dana: "), or, when the turn starts a line, the line above if it is a short one in
/// the same paragraph ("Priya  00:01:19"). `None` if neither holds.
pub fn speaker_label(text: &str, index: &TextIndex, paragraph: &Range<usize>, spoken: usize) -> Option<Range<usize>> {
    let line = index.line_of_char(spoken)?;
    let line_start = index.line_start_char(line)?;
    let slice = |r: Range<usize>| index.char_range_to_byte_range(r).and_then(|b| text.get(b));
    if line_start < spoken && !slice(line_start..spoken)?.trim().is_empty() {
        return Some(line_start..spoken);
    }
    let above = index.line_start_char(line.checked_sub(1)?)?;
    let above_end = line_start.checked_sub(1)?;
    let label = slice(above..above_end)?;
    let short = !label.trim().is_empty() && label.chars().count() <= 60;
    (above >= paragraph.start && short).then_some(above..above_end)
}

/// Speaker labels of the turns, grouped by the paragraph they are in.
pub fn speaker_marks(text: &str, index: &TextIndex, turns: &[Turn]) -> Vec<Vec<SpeakerMark>> {
    let paragraphs = index.paragraphs();
    let mut out = vec![Vec::new(); paragraphs.len()];
    for turn in turns {
        let i = paragraphs.partition_point(|p| p.end < turn.span.start);
        let Some(paragraph) = paragraphs.get(i) else { continue };
        if let Some(label) = speaker_label(text, index, paragraph, turn.span.start) {
            out[i].push(SpeakerMark { label, participant: turn.participant_id, timestamp_ms: turn.timestamp_ms });
        }
    }
    out
}

/// `h:mm:ss` style media time, always with hours: `00:01:19`.
pub fn format_timestamp(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// A translucent mix of the covering codes' colours; overlaps get more opaque.
pub fn highlight(colors: &[Color32]) -> Color32 {
    if colors.is_empty() {
        return Color32::TRANSPARENT;
    }
    let n = colors.len() as u32;
    let avg = |f: fn(&Color32) -> u8| (colors.iter().map(|c| u32::from(f(c))).sum::<u32>() / n) as u8;
    let alpha = (60 + 40 * (n - 1)).min(180) as u8;
    Color32::from_rgba_unmultiplied(avg(Color32::r), avg(Color32::g), avg(Color32::b), alpha)
}

/// A readable colour for a speaker, stable per participant.
pub fn speaker_color(participant: ParticipantId, dark_mode: bool) -> Color32 {
    const LIGHT: [Color32; 6] = [
        Color32::from_rgb(30, 70, 150),
        Color32::from_rgb(140, 40, 90),
        Color32::from_rgb(20, 110, 70),
        Color32::from_rgb(150, 80, 0),
        Color32::from_rgb(90, 50, 150),
        Color32::from_rgb(0, 110, 130),
    ];
    const DARK: [Color32; 6] = [
        Color32::from_rgb(130, 170, 255),
        Color32::from_rgb(240, 140, 190),
        Color32::from_rgb(120, 210, 160),
        Color32::from_rgb(250, 180, 90),
        Color32::from_rgb(190, 160, 250),
        Color32::from_rgb(100, 210, 230),
    ];
    let i = participant.0.rem_euclid(6) as usize;
    if dark_mode { DARK[i] } else { LIGHT[i] }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coding(id: i64, code: i64, start: usize, end: usize) -> Coding {
        Coding {
            id: CodingId(id),
            uuid: String::new(),
            source_id: SourceId(1),
            code_id: CodeId(code),
            coder_id: CoderId(1),
            span: TextSpan { start, end },
            created_at: String::new(),
            memo: String::new(),
            quote: QuoteSelector::default(),
        }
    }

    fn styles() -> HashMap<CodeId, CodeStyle> {
        [(CodeId(1), Color32::RED), (CodeId(2), Color32::BLUE)]
            .into_iter()
            .enumerate()
            .map(|(order, (id, color))| (id, CodeStyle { name: format!("Code {}", id.0), color, order }))
            .collect()
    }

    #[test]
    fn codings_are_indexed_by_every_paragraph_they_touch() {
        let paragraphs = [0..10, 12..20, 22..30];
        let spans = [TextSpan { start: 2, end: 4 }, TextSpan { start: 5, end: 25 }, TextSpan { start: 10, end: 12 }, TextSpan { start: 20, end: 22 }];
        let index = index_by_paragraph(&paragraphs, spans.into_iter());
        assert_eq!(index, [vec![0, 1], vec![1], vec![1]]);
    }

    #[test]
    fn only_paragraphs_whose_highlights_changed_are_reported() {
        let paragraphs = [0..10, 12..20, 22..30];
        let before = Highlights::new(&paragraphs, vec![coding(1, 1, 2, 4), coding(2, 2, 13, 15)], styles(), 30);
        let after = Highlights::new(&paragraphs, vec![coding(1, 1, 2, 4), coding(2, 2, 13, 15), coding(3, 1, 14, 24)], styles(), 30);
        assert_eq!(before.changed(&after), [1, 2]);
        let mut recoloured = styles();
        recoloured.get_mut(&CodeId(1)).unwrap().color = Color32::GREEN;
        let recolour = Highlights::new(&paragraphs, vec![coding(1, 1, 2, 4), coding(2, 2, 13, 15)], recoloured, 30);
        assert_eq!(before.changed(&recolour), [0]);
        assert!(before.changed(&before.clone()).is_empty());
    }

    #[test]
    fn codings_outside_the_text_are_dropped_and_codes_sorted_by_codebook() {
        let one_paragraph: [std::ops::Range<usize>; 1] = [std::ops::Range { start: 0, end: 10 }];
        let h = Highlights::new(&one_paragraph, vec![coding(1, 2, 2, 4), coding(2, 1, 3, 99), coding(3, 1, 1, 5)], styles(), 10);
        assert_eq!(h.codings.len(), 2);
        assert_eq!(h.in_paragraph(0).map(|c| c.id.0).collect::<Vec<_>>(), [3, 1]);
        assert_eq!(h.sorted_codes([CodeId(2), CodeId(1), CodeId(2)].into_iter()), [CodeId(1), CodeId(2)]);
        assert_eq!(h.name(CodeId(9)), "(deleted code)");
    }

    #[test]
    fn speaker_labels_are_found_inline_and_on_the_line_above() {
        let text = "Dana: I'll go first.\n\nPriya  00:01:19\nIt's fine.";
        let index = TextIndex::new(text);
        let paragraphs = index.paragraphs().to_vec();
        assert_eq!(speaker_label(text, &index, &paragraphs[0], 6), Some(0..6));
        assert_eq!(&text[22..37], "Priya  00:01:19");
        assert_eq!(speaker_label(text, &index, &paragraphs[1], 38), Some(22..37));
        // A turn at the start of a paragraph with nothing above it in the paragraph has no label.
        assert_eq!(speaker_label(text, &index, &paragraphs[1], 22), None);
    }

    #[test]
    fn timestamps_show_hours_minutes_seconds() {
        assert_eq!(format_timestamp(79_000), "00:01:19");
        assert_eq!(format_timestamp(3_723_999), "01:02:03");
    }

    #[test]
    fn overlaps_darken() {
        assert_eq!(super::super::parse_color("#1E88E5"), Color32::from_rgb(0x1E, 0x88, 0xE5));
        let one = highlight(&[Color32::RED]);
        let two = highlight(&[Color32::RED, Color32::BLUE]);
        assert!(two.a() > one.a());
        assert_eq!(highlight(&[]), Color32::TRANSPARENT);
    }
}
