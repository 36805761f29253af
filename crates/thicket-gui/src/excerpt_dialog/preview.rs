//! The dialog's preview: the first excerpts drawn as the Markdown and HTML writers lay them out
//! (heading, definition, case sub-heading, code line, context, quote, citation, other codes,
//! memo), so that what the user sees is what the file will say.
//!
//! In: an `Excerpts` cut to its first excerpts (`work::first_excerpts`). Out: labels only.

use egui::{RichText, Ui};
use thicket_core::export::excerpts::{Excerpt, Excerpts};

/// Draws the preview of `x`.
pub fn show(ui: &mut Ui, x: &Excerpts) {
    let count = |n: usize| if x.shown.counts { format!(" ({n})") } else { String::new() };
    for group in &x.groups {
        ui.label(RichText::new(format!("{}{}", group.title, count(group.count))).heading().strong());
        if x.shown.definitions && !group.definition.is_empty() {
            ui.label(RichText::new(format!("Definition: {}", group.definition)).italics());
        }
        for section in &group.sections {
            if let Some(title) = &section.title {
                ui.label(RichText::new(format!("{title}{}", count(section.excerpts.len()))).strong());
            }
            for e in &section.excerpts {
                excerpt(ui, x, e);
            }
        }
    }
}

fn excerpt(ui: &mut Ui, x: &Excerpts, e: &Excerpt) {
    if !x.group_by.names_code() {
        ui.label(RichText::new(&e.fields.code).strong());
    }
    if !e.context_before.is_empty() {
        ui.label(RichText::new(format!("Before: {}", shortened(&flatten(&e.context_before)))).italics().weak());
    }
    let bar = ui.visuals().widgets.noninteractive.bg_stroke.color;
    egui::Frame::new().inner_margin(egui::Margin { left: 10, right: 4, top: 2, bottom: 2 }).show(ui, |ui| {
        let r = ui.label(shortened(&e.text));
        let rect = r.rect;
        ui.painter().vline(rect.left() - 6.0, rect.y_range(), egui::Stroke::new(3.0, bar));
    });
    if !e.context_after.is_empty() {
        ui.label(RichText::new(format!("After: {}", shortened(&flatten(&e.context_after)))).italics().weak());
    }
    if !e.citation.is_empty() {
        ui.label(&e.citation);
    }
    if x.shown.other_codes && !e.other_codes.is_empty() {
        ui.label(RichText::new(format!("Also coded: {}", e.other_codes.join("; "))).italics());
    }
    if x.shown.memos && !e.memo.trim().is_empty() {
        ui.label(RichText::new(format!("Memo ({}): {}", e.fields.coder, shortened(&flatten(&e.memo)))).italics());
    }
    ui.add_space(6.0);
}

/// The longest text the preview shows whole, in characters: a quote of a whole interview would
/// cost the window hundreds of milliseconds to lay out, and the file has it in full anyway.
const PREVIEW_CHARS: usize = 600;

/// `text`, cut at `PREVIEW_CHARS` with a note of how much the file has beyond it.
fn shortened(text: &str) -> String {
    let total = text.chars().count();
    if total <= PREVIEW_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(PREVIEW_CHARS).collect();
    format!("{cut}… [{} more characters in the file]", total - PREVIEW_CHARS)
}

/// Line breaks as spaces, as the writers show context and memos.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_with_a_note_and_a_short_one_is_whole() {
        assert_eq!(shortened("Dana said no."), "Dana said no.");
        let long = "é".repeat(PREVIEW_CHARS + 25);
        let shown = shortened(&long);
        assert!(shown.starts_with(&"é".repeat(PREVIEW_CHARS)));
        assert!(shown.ends_with("… [25 more characters in the file]"), "{shown}");
    }
}
