//! What a screen reader is told about the document: each visible paragraph as a text node
//! ("Paragraph 14, Amara (caregiver): …") and each visible coding stripe as a named node
//! ("Ruptures/Withdrawal, coded by Amara, paragraph 14"), both with their place on screen.
//!
//! In: the layout of the last frame (only what is on screen is exposed, so a long source costs
//! nothing more). Out: AccessKit nodes, when AccessKit is on.

use egui::accesskit::{Node, Rect as AkRect, Role};
use egui::{Id, Rect, Ui};

use super::{DocumentView, Geometry};

fn bounds(node: &mut Node, r: Rect) {
    node.set_bounds(AkRect { x0: f64::from(r.left()), y0: f64::from(r.top()), x1: f64::from(r.right()), y1: f64::from(r.bottom()) });
}

impl DocumentView {
    /// Adds the visible paragraphs and coding stripes to the accessibility tree.
    pub(super) fn expose(&self, ui: &Ui, geo: &Geometry) {
        let ctx = ui.ctx();
        let mut seen = Vec::new();
        for i in self.heights.range(geo.viewport.top(), geo.viewport.bottom()) {
            let top = self.heights.top(i);
            let p = self.paragraph(i);
            let text = self.index.char_range_to_byte_range(p.clone()).and_then(|r| self.text.get(r)).unwrap_or("");
            let speaker = self.speakers.get(i).and_then(|marks| marks.first()).and_then(|m| self.people.get(&m.participant));
            let label = match speaker {
                Some(name) => t!("a11y-paragraph-speaker", n = i + 1, speaker = name, text = text),
                None => t!("a11y-paragraph", n = i + 1, text = text),
            };
            let height = self.galleys.get(i).map_or(0.0, |g| g.size().y);
            let rect = Rect::from_min_size(geo.origin + egui::vec2(geo.columns.text_left, top), egui::vec2(geo.clip.width(), height));
            ctx.accesskit_node_builder(Id::new(("document_paragraph", self.source.id.0, i)), |node| {
                node.set_role(Role::Paragraph);
                node.set_label(label);
                node.set_value(text);
                bounds(node, rect.intersect(geo.clip));
            });
            for (k, r) in self.stripe_rects(i, top, &geo.columns) {
                if seen.contains(&k) {
                    continue;
                }
                seen.push(k);
                let c = &self.highlights.codings[k];
                let label = self.coding_label(c);
                ctx.accesskit_node_builder(Id::new(("document_coding", c.id.0)), |node| {
                    node.set_role(Role::Button);
                    node.set_label(label);
                    bounds(node, r.translate(geo.origin.to_vec2()).intersect(geo.clip));
                });
            }
        }
    }
}
