//! Excerpts as a format-neutral `Document`, so that the DOCX writer (and any later paged
//! format) shared by every report writes them too.
//!
//! The shape follows the Markdown and HTML writers: the title and a summary line, a Heading 1 per
//! group (with its count and the code's definition when asked for), a Heading 2 per case when
//! grouped by code then case, and per excerpt its code (when the headings do not name it), the
//! context before as a note, the quote with its citation, then the context after, the other codes
//! and the memo as notes. The context notes are labelled "Before:" and "After:" as in Markdown,
//! since the citation stands between the quote and what follows it. The quote is the `Excerpt`'s text, untouched. With more than one group the
//! document asks for a table of contents.

use super::{Excerpt, Excerpts};
use crate::export::document::{Document, Run};

/// The document of `x`.
pub fn to_document(x: &Excerpts) -> Document {
    let mut doc = Document::new(x.title.clone());
    let groups = x.groups.len();
    doc.subtitle = format!(
        "{} {} in {} {}.",
        x.total,
        if x.total == 1 { "excerpt" } else { "excerpts" },
        groups,
        if groups == 1 { "group" } else { "groups" }
    );
    doc.contents = groups > 1;
    let count = |n: usize| if x.shown.counts { format!(" ({n})") } else { String::new() };
    for group in &x.groups {
        doc.heading(1, format!("{}{}", group.title, count(group.count)));
        if x.shown.definitions && !group.definition.is_empty() {
            doc.paragraph(vec![Run::italic("Definition: "), Run::plain(group.definition.clone())]);
        }
        for section in &group.sections {
            if let Some(title) = &section.title {
                doc.heading(2, format!("{title}{}", count(section.excerpts.len())));
            }
            for e in &section.excerpts {
                excerpt(&mut doc, x, e);
            }
        }
    }
    doc
}

fn excerpt(doc: &mut Document, x: &Excerpts, e: &Excerpt) {
    if !x.group_by.names_code() {
        doc.paragraph(vec![Run::bold(e.fields.code.clone())]);
    }
    if !e.context_before.is_empty() {
        doc.note(format!("Before: {}", flatten(&e.context_before)));
    }
    doc.quote(e.text.clone(), e.citation.clone());
    if !e.context_after.is_empty() {
        doc.note(format!("After: {}", flatten(&e.context_after)));
    }
    if x.shown.other_codes && !e.other_codes.is_empty() {
        doc.note(format!("Also coded: {}", e.other_codes.join("; ")));
    }
    if x.shown.memos && !e.memo.trim().is_empty() {
        doc.note(format!("Memo ({}): {}", e.fields.coder, e.memo.trim()));
    }
}

/// Line breaks as spaces, for context, which is shown as one paragraph.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
