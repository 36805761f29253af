//! Painting the visible paragraphs: margin (timestamps, paragraph and line numbers), coding
//! stripes, the text galleys with their highlights, the selection and where a jump landed; and exposing the visible
//! text to accessibility (and so to tests).
//!
//! In: the laid-out galleys and heights of the visible paragraphs and the frame's geometry.
//! Out: shapes on the scroll area's painter and one AccessKit node per visible paragraph.

use std::ops::Range;

use egui::{Align2, FontId, Rect, Ui, pos2};

use super::content::format_timestamp;
use super::selection::{caret_rect, local_range, selection_rects};
use super::{Columns, DocumentView, Geometry, PARAGRAPH_GAP};

impl DocumentView {
    /// Paints paragraphs `visible` (all laid out by now).
    pub(super) fn paint(&self, ui: &Ui, visible: Range<usize>, geo: &Geometry) {
        let painter = ui.painter_at(geo.clip);
        let visuals = ui.visuals();
        let selection = self.selection.span();
        let selection_fill = visuals.selection.bg_fill.gamma_multiply(0.55);
        let several_coders = self.highlights.several_coders();
        for i in visible {
            let Some(galley) = self.galleys.get(i) else { continue };
            let top = self.heights.top(i);
            let text_pos = geo.origin + egui::vec2(geo.columns.text_left, top);
            self.paint_margin(&painter, visuals, i, text_pos.y, geo);
            for (k, rect) in self.stripe_rects(i, top, &geo.columns) {
                let coding = &self.highlights.codings[k];
                let color = self.highlights.color(coding.code_id);
                painter.rect_filled(rect.translate(geo.origin.to_vec2()), 1.0, color);
                // Whose stripe it is, where the coding starts: a cap in the coder's colour, when
                // more than one coder's codings are shown.
                if several_coders && self.paragraph(i).contains(&coding.span.start) {
                    let cap = Rect::from_min_size(rect.min, egui::vec2(rect.width(), rect.height().min(5.0)));
                    painter.rect_filled(cap.translate(geo.origin.to_vec2()), 1.0, self.coder_color(coding.coder_id));
                }
                // A coding with a memo: a dot in the gap left of the lanes, where the coding starts.
                if !coding.memo.is_empty() && self.paragraph(i).contains(&coding.span.start) {
                    let dot = pos2(geo.columns.lanes_left - 4.0, rect.top() + 4.0) + geo.origin.to_vec2();
                    painter.circle_filled(dot, 2.0, visuals.text_color());
                }
            }
            self.paint_search_hits(&painter, visuals, i, text_pos);
            painter.galley(text_pos, galley.clone(), visuals.text_color());
            if let Some(range) = selection.and_then(|s| local_range(s, &self.paragraph(i))) {
                for rect in selection_rects(galley, range) {
                    painter.rect_filled(rect.translate(text_pos.to_vec2()), 0.0, selection_fill);
                }
            }
            if let Some(range) = self.landed.and_then(|s| local_range(s, &self.paragraph(i))) {
                // Where a jump landed: outlined, unlike a selection, because it is not one.
                let stroke = egui::Stroke::new(1.5, visuals.selection.stroke.color);
                for rect in selection_rects(galley, range) {
                    painter.rect_stroke(rect.translate(text_pos.to_vec2()).expand(1.0), 2.0, stroke, egui::StrokeKind::Outside);
                }
            }
            if let Some(k) = self.hovered_stripe
                && let Some(range) = local_range(self.highlights.codings[k].span, &self.paragraph(i))
            {
                let stroke = egui::Stroke::new(1.5, self.highlights.color(self.highlights.codings[k].code_id));
                for rect in selection_rects(galley, range) {
                    painter.rect_stroke(rect.translate(text_pos.to_vec2()), 2.0, stroke, egui::StrokeKind::Outside);
                }
            }
        }
    }

    /// The search hits in paragraph `i`, beneath its text and coding highlights; found by binary
    /// search, so the cost is the hits on screen, not all hits.
    fn paint_search_hits(&self, painter: &egui::Painter, visuals: &egui::Visuals, i: usize, text_pos: egui::Pos2) {
        let Some(galley) = self.galleys.get(i) else { return };
        let paragraph = self.paragraph(i);
        let first = self.search_hits.partition_point(|h| h.end <= paragraph.start);
        let (hit, current) = search_colors(visuals.dark_mode);
        for (k, span) in self.search_hits.iter().enumerate().skip(first) {
            if span.start >= paragraph.end {
                break;
            }
            let Some(range) = local_range(*span, &paragraph) else { continue };
            let is_current = self.current_hit == Some(k);
            for rect in selection_rects(galley, range) {
                let rect = rect.translate(text_pos.to_vec2()).expand(1.0);
                painter.rect_filled(rect, 2.0, if is_current { current } else { hit });
                if is_current {
                    // A coding highlight on top tints the fill; the outline stays clear of it.
                    painter.rect_stroke(rect, 2.0, egui::Stroke::new(1.5, current), egui::StrokeKind::Outside);
                }
            }
        }
    }

    /// Paragraph number, line numbers and turn timestamps, right-aligned in their columns on
    /// the row where each begins.
    fn paint_margin(&self, painter: &egui::Painter, visuals: &egui::Visuals, i: usize, top: f32, geo: &Geometry) {
        let Some(galley) = self.galleys.get(i) else { return };
        let paragraph = self.paragraph(i);
        let font = FontId::proportional(11.0);
        let weak = visuals.weak_text_color();
        let row_y = |ch: usize| top + caret_rect(galley, ch.saturating_sub(paragraph.start).min(paragraph.len())).center().y;
        let at = |right: f32, y: f32| pos2(geo.origin.x + right - 4.0, y);
        painter.text(at(geo.columns.paragraph_right, row_y(paragraph.start)), Align2::RIGHT_CENTER, format!("¶{}", i + 1), font.clone(), weak);
        if let (Some(first), Some(last)) = (self.index.line_of_char(paragraph.start), self.index.line_of_char(paragraph.end)) {
            for line in first..=last {
                let Some(start) = self.index.line_start_char(line) else { continue };
                painter.text(at(geo.columns.line_right, row_y(start.max(paragraph.start))), Align2::RIGHT_CENTER, line.to_string(), font.clone(), weak);
            }
        }
        for time in self.margin_times.get(i).into_iter().flatten() {
            let color = time.participant.map_or(weak, |p| super::content::speaker_color(p, visuals.dark_mode));
            painter.text(at(geo.columns.time_right, row_y(time.at)), Align2::RIGHT_CENTER, format_timestamp(time.ms), font.clone(), color);
        }
    }

    /// The stripes of paragraph `i` whose block starts at content y `top`: for each coding in it,
    /// (index into the codings, rectangle in content coordinates) in its code's lane, from the
    /// row where the coding starts to the row where it ends. A coding that runs on into the next
    /// paragraph is drawn through the gap, so it reads as one stripe.
    pub(super) fn stripe_rects(&self, i: usize, top: f32, columns: &Columns) -> Vec<(usize, Rect)> {
        let Some(galley) = self.galleys.get(i) else { return Vec::new() };
        let paragraph = self.paragraph(i);
        let height = galley.size().y;
        let Some(list) = self.highlights.by_paragraph.get(i) else { return Vec::new() };
        list.iter()
            .filter_map(|&k| {
                let c = &self.highlights.codings[k as usize];
                let lane = self.highlights.lanes.lane(i, super::content::stripe_key(c))?;
                let y0 = if c.span.start <= paragraph.start { 0.0 } else { caret_rect(galley, c.span.start - paragraph.start).top() };
                let y1 = match c.span.end {
                    end if end > paragraph.end => height + PARAGRAPH_GAP,
                    end if end == paragraph.end => height,
                    end => caret_rect(galley, end - paragraph.start).bottom(),
                };
                let x = columns.lanes_left + lane as f32 * columns.lane_width;
                let rect = Rect::from_min_max(pos2(x, top + y0), pos2(x + (columns.lane_width - 1.5).max(2.0), top + y1.max(y0 + 2.0)));
                Some((k as usize, rect))
            })
            .collect()
    }

    /// One accessibility node per visible paragraph, holding its text, so a screen reader (or a
    /// test) finds what is on screen. Cheap when AccessKit is off: the closure never runs.
    pub(super) fn expose(&self, ctx: &egui::Context, parent: egui::Id, visible: Range<usize>, geo: &Geometry) {
        for i in visible {
            let Some(galley) = self.galleys.get(i) else { continue };
            let paragraph = self.paragraph(i);
            let min = geo.origin + egui::vec2(geo.columns.text_left, self.heights.top(i));
            let rect = Rect::from_min_size(min, galley.size());
            ctx.accesskit_node_builder(parent.with(i), |node| {
                node.set_role(egui::accesskit::Role::Label);
                let text = self.index.char_range_to_byte_range(paragraph).and_then(|r| self.text.get(r)).unwrap_or_default();
                node.set_value(text);
                node.set_bounds(egui::accesskit::Rect { x0: rect.min.x.into(), y0: rect.min.y.into(), x1: rect.max.x.into(), y1: rect.max.y.into() });
            });
        }
    }
}

/// Fills for search hits and for the current one: yellow and orange, as readers know them from
/// browsers, dimmer in the dark theme.
fn search_colors(dark: bool) -> (egui::Color32, egui::Color32) {
    if dark {
        (egui::Color32::from_rgb(110, 95, 20), egui::Color32::from_rgb(190, 105, 20))
    } else {
        (egui::Color32::from_rgb(255, 236, 120), egui::Color32::from_rgb(255, 165, 50))
    }
}
