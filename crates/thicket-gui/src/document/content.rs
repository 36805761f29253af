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

use super::stripes::{Lanes, StripeKey};
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
        let present: Vec<Vec<StripeKey>> = by_paragraph.iter().map(|list| list.iter().map(|&k| stripe_key(&codings[k as usize])).collect()).collect();
        let lanes = Lanes::assign(&present);
        let signatures = (0..paragraphs.len()).map(|i| signature(&paragraphs[i], &by_paragraph[i], &codings, &codes)).collect();
        Highlights { codings, by_paragraph, codes, lanes, signatures }
    }

    /// Whether codings of more than one coder are shown: then each stripe is marked with its
    /// coder's colour.
    pub fn several_coders(&self) -> bool {
        self.codings.first().is_some_and(|first| self.codings.iter().any(|c| c.coder_id != first.coder_id))
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
        self.codes.get(&code).map_or(t!("document-deleted-code"), |s| s.name.as_str())
    }

    /// `codes` without repeats, in codebook order.
    pub fn sorted_codes(&self, codes: impl Iterator<Item = CodeId>) -> Vec<CodeId> {
        let mut list: Vec<CodeId> = codes.collect();
        list.sort_by_key(|c| (self.codes.get(c).map_or(usize::MAX, |s| s.order), *c));
        list.dedup();
        list
    }
}

/// The stripe a coding is drawn in: its code's, as coded by its coder.
pub fn stripe_key(c: &Coding) -> StripeKey {
    (c.code_id, c.coder_id)
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

/// Longest line taken for a speaker label on the line(s) above a turn, in chars.
const MAX_LABEL_LINE_CHARS: usize = 60;

/// The speaker label of a turn whose spoken text starts at char `spoken`: the text before it on
/// its line ("Dana: "), or, when the turn starts a line, the nearest non-blank line above if it is
/// a short one after char `not_before` (where the previous turn ended): "Priya  00:01:19" on the
/// line right above, or "DC01 02:05" as a paragraph of its own above the turn's first paragraph, as
/// Word and PDF exports of transcription services lay it out (each line is a paragraph there).
/// `None` if neither holds: a turn set by hand at a paragraph start has no label.
pub fn speaker_label(text: &str, index: &TextIndex, not_before: usize, spoken: usize) -> Option<Range<usize>> {
    let line = index.line_of_char(spoken)?;
    let line_start = index.line_start_char(line)?;
    let slice = |r: Range<usize>| index.char_range_to_byte_range(r).and_then(|b| text.get(b));
    if line_start < spoken && !slice(line_start..spoken)?.trim().is_empty() {
        return Some(line_start..spoken);
    }
    let mut above_line = line.checked_sub(1)?;
    loop {
        let above = index.line_start_char(above_line)?;
        let above_end = index.line_start_char(above_line + 1)?.checked_sub(1)?;
        let label = slice(above..above_end)?;
        if above < not_before {
            return None;
        }
        if !label.trim().is_empty() {
            let short = label.chars().count() <= MAX_LABEL_LINE_CHARS;
            // The label's own paragraph must hold nothing else: a full paragraph above is text, not a label.
            let alone = above_line == line - 1 || above_line == 0 || slice(index.line_start_char(above_line - 1)?..above)?.trim().is_empty();
            return (short && alone).then_some(above..above_end);
        }
        above_line = above_line.checked_sub(1)?;
    }
}

/// Speaker labels of the turns, grouped by the paragraph the label is in (for a label above the
/// turn's first paragraph, that paragraph is the label's own).
pub fn speaker_marks(text: &str, index: &TextIndex, turns: &[Turn]) -> Vec<Vec<SpeakerMark>> {
    let paragraphs = index.paragraphs();
    let mut out = vec![Vec::new(); paragraphs.len()];
    let mut previous_end = 0;
    for turn in turns {
        if let Some(label) = speaker_label(text, index, previous_end, turn.span.start) {
            let i = paragraphs.partition_point(|p| p.end < label.start);
            if let Some(marks) = out.get_mut(i) {
                marks.push(SpeakerMark { label, participant: turn.participant_id, timestamp_ms: turn.timestamp_ms });
            }
        }
        previous_end = turn.span.end;
    }
    out
}

/// A media time in the margin, on the row of char `at`; in its speaker's colour when it is a turn's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarginTime {
    pub at: usize,
    pub ms: u64,
    pub participant: Option<ParticipantId>,
}

/// The times the margin shows, per paragraph: each timed turn's at its label, and each time mark
/// of the source (the paragraph starts of a subtitle transcript) in a paragraph without a timed
/// label, so a turn's first paragraph shows its time once; a mark inside a turn (a speaker's
/// continued paragraph) takes that speaker's colour.
pub fn margin_times(paragraphs: &[Range<usize>], speakers: &[Vec<SpeakerMark>], turns: &[Turn], marks: &[TimeMark]) -> Vec<Vec<MarginTime>> {
    let mut out: Vec<Vec<MarginTime>> = speakers
        .iter()
        .map(|list| list.iter().filter_map(|m| Some(MarginTime { at: m.label.start, ms: m.timestamp_ms?, participant: Some(m.participant) })).collect())
        .collect();
    out.resize(paragraphs.len(), Vec::new());
    let labelled: Vec<bool> = out.iter().map(|times| !times.is_empty()).collect();
    for mark in marks {
        let i = paragraphs.partition_point(|p| p.end < mark.at);
        if labelled.get(i).copied().unwrap_or(true) {
            continue;
        }
        let turn = turns.get(turns.partition_point(|t| t.span.end <= mark.at)).filter(|t| t.span.start <= mark.at);
        if let Some(times) = out.get_mut(i) {
            times.push(MarginTime { at: mark.at, ms: mark.ms, participant: turn.map(|t| t.participant_id) });
        }
    }
    out
}

/// `h:mm:ss` style media time, always with hours: `00:01:19`.
pub fn format_timestamp(ms: u64) -> String {
    format_media_time(ms)
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
        assert_eq!(speaker_label(text, &index, 0, 6), Some(0..6));
        assert_eq!(&text[22..37], "Priya  00:01:19");
        assert_eq!(speaker_label(text, &index, 20, 38), Some(22..37));
        // A turn at the start of a paragraph with only the previous turn above it has no label.
        assert_eq!(speaker_label(text, &index, 20, 22), None);
    }

    #[test]
    fn a_speaker_line_that_is_a_paragraph_of_its_own_labels_the_turn_below() {
        // The layout of a transcription service's Word export: every line is a paragraph.
        let text = "Visit 2\n\nDC01 02:05\n\nShe came on a Monday.\n\nSara Mannheimer 02:31\n\nAnd then?";
        let index = TextIndex::new(text);
        assert_eq!(speaker_label(text, &index, 0, 21), Some(9..19));
        assert_eq!(speaker_label(text, &index, 42, 67), Some(44..65));
        let turn = |id, who, start, end, ms| Turn {
            id: TurnId(id),
            source_id: SourceId(1),
            participant_id: ParticipantId(who),
            span: TextSpan { start, end },
            timestamp_ms: Some(ms),
        };
        let marks = speaker_marks(text, &index, &[turn(1, 1, 21, 42, 125_000), turn(2, 2, 67, 76, 151_000)]);
        let labels: Vec<Vec<(usize, usize)>> = marks.iter().map(|m| m.iter().map(|m| (m.label.start, m.label.end)).collect()).collect();
        assert_eq!(labels, [vec![], vec![(9, 19)], vec![], vec![(44, 65)], vec![]], "each mark sits in its label's paragraph");
        // A full paragraph of text above a turn is not its label.
        let prose = "We talked for a long time about the school, the housing and the new worker who came.\n\nYes.";
        assert_eq!(speaker_label(prose, &TextIndex::new(prose), 0, 86), None);
        let two_lines = "A heading\nand more\n\nYes.";
        assert_eq!(speaker_label(two_lines, &TextIndex::new(two_lines), 0, 20), None);
    }

    #[test]
    fn paragraph_time_marks_show_once_and_in_their_speakers_colour() {
        let text = "Dana: One. Two.\n\nThree.\n\nA note.";
        let index = TextIndex::new(text);
        let turn = Turn { id: TurnId(1), source_id: SourceId(1), participant_id: ParticipantId(4), span: TextSpan { start: 6, end: 23 }, timestamp_ms: Some(1_000) };
        let speakers = speaker_marks(text, &index, std::slice::from_ref(&turn));
        let marks = [TimeMark { at: 0, ms: 1_000 }, TimeMark { at: 17, ms: 9_000 }, TimeMark { at: 25, ms: 30_000 }];
        let times = margin_times(index.paragraphs(), &speakers, &[turn], &marks);
        let got: Vec<Vec<(usize, u64, Option<i64>)>> = times.iter().map(|p| p.iter().map(|t| (t.at, t.ms, t.participant.map(|p| p.0))).collect()).collect();
        assert_eq!(got, [vec![(0, 1_000, Some(4))], vec![(17, 9_000, Some(4))], vec![(25, 30_000, None)]]);
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
