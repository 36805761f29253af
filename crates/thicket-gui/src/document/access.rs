//! What a screen reader is told about the document, beyond the paragraphs' text (paint.rs): each
//! visible paragraph's name ("Paragraph 14, Amara (caregiver): …") and each visible coding stripe
//! as a named node ("Ruptures/Withdrawal, coded by Amara, paragraph 14") with its place on screen.
//!
//! In: the layout of the last frame (only what is on screen is exposed, so a long source costs
//! nothing more). Out: AccessKit nodes, when AccessKit is on.

use egui::accesskit::{Node, Rect as AkRect, Role};
use egui::{Id, Rect};

use super::{DocumentView, Geometry};

fn bounds(node: &mut Node, r: Rect) {
    node.set_bounds(AkRect { x0: f64::from(r.left()), y0: f64::from(r.top()), x1: f64::from(r.right()), y1: f64::from(r.bottom()) });
}

impl DocumentView {
    /// Names the visible paragraphs' nodes (ids `parent.with(i)`, as paint.rs makes them) and adds
    /// the visible coding stripes to the accessibility tree.
    pub(super) fn expose_names(&self, ctx: &egui::Context, parent: Id, geo: &Geometry) {
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
            ctx.accesskit_node_builder(parent.with(i), |node| node.set_label(label));
            for (k, r) in self.stripe_rects(i, top, &geo.columns) {
                if seen.contains(&k) {
                    continue;
                }
                seen.push(k);
                let c = &self.highlights.codings[k];
                let label = self.coding_label(c);
                ctx.accesskit_node_builder(parent.with(("coding", c.id.0)), |node| {
                    node.set_role(Role::Button);
                    node.set_label(label);
                    bounds(node, r.translate(geo.origin.to_vec2()).intersect(geo.clip));
                });
            }
        }
    }
}
