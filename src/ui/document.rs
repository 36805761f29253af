//! The document view of the first window: a source's text, paragraph by paragraph, with codings
//! as coloured highlights and speaker labels in bold.
//!
//! Layout jobs are built once when a source is selected (never per frame). One label per
//! paragraph lets egui cache each paragraph's galley separately. The full workbench replaces this
//! with a widget that lays out only the visible paragraphs.

use std::collections::HashMap;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use crate::error::Result;
use crate::model::*;
use crate::project::Project;
use crate::text::TextIndex;

/// A loaded source, ready to paint.
pub struct DocumentView {
    pub source: Source,
    pub cases: Vec<String>,
    pub coding_count: usize,
    /// One job per paragraph, with the paragraph's first line number.
    pub paragraphs: Vec<(usize, LayoutJob)>,
    /// A vertical offset to scroll to on the next frame.
    pub scroll_to: Option<f32>,
    /// Char ranges of the paragraphs, to find the one holding an offset.
    paragraph_ranges: Vec<std::ops::Range<usize>>,
    /// A paragraph to bring into view on the next frame.
    reveal_paragraph: Option<usize>,
}

impl DocumentView {
    /// Loads a source's text, turns and codings and builds its paragraph layouts.
    pub fn load(project: &Project, id: SourceId) -> Result<Self> {
        let source = project.source(id)?.ok_or_else(|| crate::Error::invalid(format!("no source with id {id}")))?;
        let text = project.source_text(id)?;
        let index = TextIndex::new(&text);
        let codings = project.codings_in(id)?;
        let book = project.codebook()?;
        let colors: HashMap<CodeId, Color32> =
            book.walk().iter().map(|(_, c)| (c.id, parse_color(&c.color))).collect();
        let turns = project.turns(id)?;
        let cases = project.cases_by_source()?.remove(&id).unwrap_or_default();
        let paragraph_ranges = index.paragraphs().to_vec();
        let paragraphs = index
            .paragraphs()
            .iter()
            .map(|p| {
                let line = index.line_of_char(p.start).unwrap_or(1);
                (line, paragraph_job(&text, &index, p.clone(), &codings, &colors, &turns))
            })
            .collect();
        Ok(DocumentView { source, cases, coding_count: codings.len(), paragraphs, scroll_to: None, paragraph_ranges, reveal_paragraph: None })
    }

    /// Brings the paragraph holding `span` into view on the next frame.
    pub fn reveal(&mut self, span: TextSpan) {
        let i = self.paragraph_ranges.partition_point(|p| p.end <= span.start);
        self.reveal_paragraph = Some(i.min(self.paragraph_ranges.len().saturating_sub(1)));
    }

    /// Paints the heading, the source's facts and its text.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        ui.heading(&self.source.name);
        let mut meta = vec![self.source.kind.label().to_string()];
        meta.extend(self.source.date.clone());
        meta.push(format!("{} words", self.source.word_count));
        meta.push(format!("{} codings", self.coding_count));
        if !self.cases.is_empty() {
            meta.push(self.cases.join(", "));
        }
        ui.weak(meta.join(" · "));
        ui.separator();
        let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(offset) = self.scroll_to.take() {
            area = area.vertical_scroll_offset(offset);
        }
        area.show(ui, |ui| {
            ui.set_max_width(760.0);
            let reveal = self.reveal_paragraph.take();
            for (i, (_, job)) in self.paragraphs.iter().enumerate() {
                let response = ui.add(egui::Label::new(job.clone()).wrap());
                if reveal == Some(i) {
                    response.scroll_to_me(Some(egui::Align::TOP));
                }
                ui.add_space(6.0);
            }
        });
    }
}

/// `#RRGGBB` → colour (grey if malformed).
pub fn parse_color(hex: &str) -> Color32 {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok()).unwrap_or(128);
    Color32::from_rgb(byte(0), byte(2), byte(4))
}

/// Cuts a paragraph where any coding or speaker label starts or ends and styles each piece.
fn paragraph_job(
    text: &str,
    index: &TextIndex,
    para: std::ops::Range<usize>,
    codings: &[Coding],
    colors: &HashMap<CodeId, Color32>,
    turns: &[Turn],
) -> LayoutJob {
    let inside: Vec<&Coding> = codings.iter().filter(|c| c.span.start < para.end && c.span.end > para.start).collect();
    // Speaker labels: from a line's start to the start of a turn that begins on that line.
    let labels: Vec<std::ops::Range<usize>> = turns
        .iter()
        .filter(|t| t.span.start >= para.start && t.span.start < para.end)
        .map(|t| label_start(text, para.start, t.span.start)..t.span.start)
        .filter(|r| r.start < r.end)
        .collect();
    let mut cuts = vec![para.start, para.end];
    for c in &inside {
        cuts.extend([c.span.start.clamp(para.start, para.end), c.span.end.clamp(para.start, para.end)]);
    }
    for l in &labels {
        cuts.extend([l.start, l.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    job.wrap.max_width = f32::INFINITY;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(bytes) = index.char_range_to_byte_range(a..b) else { continue };
        let covering: Vec<Color32> = inside
            .iter()
            .filter(|c| c.span.start <= a && c.span.end >= b)
            .filter_map(|c| colors.get(&c.code_id).copied())
            .collect();
        let is_label = labels.iter().any(|l| l.start <= a && l.end >= b);
        let format = TextFormat {
            font_id: FontId::proportional(15.0),
            color: if is_label { Color32::from_rgb(40, 70, 140) } else { Color32::PLACEHOLDER },
            background: highlight(&covering),
            ..Default::default()
        };
        job.append(&text[bytes], 0.0, format);
    }
    job
}

/// The char where the line holding `turn_start` begins (not before the paragraph).
fn label_start(text: &str, para_start: usize, turn_start: usize) -> usize {
    let before: Vec<char> = text.chars().skip(para_start).take(turn_start - para_start).collect();
    match before.iter().rposition(|&c| c == '\n') {
        Some(i) => para_start + i + 1,
        None => para_start,
    }
}

/// A translucent mix of the covering codes' colours; overlaps get darker.
fn highlight(colors: &[Color32]) -> Color32 {
    if colors.is_empty() {
        return Color32::TRANSPARENT;
    }
    let n = colors.len() as u32;
    let avg = |f: fn(&Color32) -> u8| (colors.iter().map(|c| u32::from(f(c))).sum::<u32>() / n) as u8;
    let alpha = (70 + 35 * (n - 1)).min(170) as u8;
    Color32::from_rgba_unmultiplied(avg(Color32::r), avg(Color32::g), avg(Color32::b), alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_overlaps_darken() {
        assert_eq!(parse_color("#1E88E5"), Color32::from_rgb(0x1E, 0x88, 0xE5));
        let one = highlight(&[Color32::RED]);
        let two = highlight(&[Color32::RED, Color32::RED]);
        assert!(two.a() > one.a());
        assert_eq!(highlight(&[]), Color32::TRANSPARENT);
    }
}
