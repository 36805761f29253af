//! Excerpts as Markdown: a heading per group, each quote a block quote with its citation in the
//! paragraph after it.
//!
//! Quotes keep their line breaks (a blank line inside a quote stays a `>` line). Characters that
//! Markdown would read as markup are escaped with a backslash, which CommonMark removes again,
//! so a renderer shows the coded text exactly; the raw file differs from it only by those
//! backslashes.

use super::{Excerpt, ExcerptGroup, Excerpts};
use crate::export::document::escape_markdown_line as escape;

/// The Markdown document.
pub fn to_markdown(x: &Excerpts) -> String {
    let mut out = format!("# {}\n\n", escape(&x.title));
    out.push_str(&summary(x));
    for group in &x.groups {
        out.push_str(&group_md(x, group));
    }
    out
}

fn summary(x: &Excerpts) -> String {
    let groups = x.groups.len();
    format!(
        "{} {} in {} {}.\n\n",
        x.total,
        if x.total == 1 { "excerpt" } else { "excerpts" },
        groups,
        if groups == 1 { "group" } else { "groups" }
    )
}

fn group_md(x: &Excerpts, group: &ExcerptGroup) -> String {
    let mut out = format!("## {}{}\n\n", escape(&group.title), count(x, group.count));
    if x.shown.definitions && !group.definition.is_empty() {
        out.push_str(&format!("*Definition:* {}\n\n", escape(&group.definition)));
    }
    for section in &group.sections {
        if let Some(title) = &section.title {
            out.push_str(&format!("### {}{}\n\n", escape(title), count(x, section.excerpts.len())));
        }
        for e in &section.excerpts {
            out.push_str(&excerpt_md(x, e));
        }
    }
    out
}

fn count(x: &Excerpts, n: usize) -> String {
    if x.shown.counts { format!(" ({n})") } else { String::new() }
}

fn excerpt_md(x: &Excerpts, e: &Excerpt) -> String {
    let mut out = String::new();
    if !x.group_by.names_code() {
        out.push_str(&format!("**{}**\n\n", escape(&e.fields.code)));
    }
    if !e.context_before.is_empty() {
        out.push_str(&format!("*Before:* {}\n\n", escape(&flatten(&e.context_before))));
    }
    out.push_str(&block_quote(&e.text));
    out.push('\n');
    if !e.context_after.is_empty() {
        out.push_str(&format!("*After:* {}\n\n", escape(&flatten(&e.context_after))));
    }
    if !e.citation.is_empty() {
        out.push_str(&format!("{}\n\n", escape(&e.citation)));
    }
    if x.shown.other_codes && !e.other_codes.is_empty() {
        out.push_str(&format!("*Also coded:* {}\n\n", escape(&e.other_codes.join("; "))));
    }
    if x.shown.memos && !e.memo.trim().is_empty() {
        out.push_str(&format!("*Memo ({}):* {}\n\n", escape(&e.fields.coder), escape(&flatten(&e.memo))));
    }
    out
}

/// `text` as a block quote, line by line.
pub(super) fn block_quote(text: &str) -> String {
    text.split('\n').map(|line| if line.is_empty() { ">\n".to_string() } else { format!("> {}\n", escape(line)) }).collect()
}

/// Line breaks as spaces, for context and memos, which are shown as one paragraph.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_line_starts_are_guarded() {
        assert_eq!(escape("*laughs* [inaudible] a_b"), "\\*laughs\\* \\[inaudible\\] a\\_b");
        assert_eq!(escape("- not a list - really"), "\\- not a list - really");
        assert_eq!(escape("# 3"), "\\# 3");
        assert_eq!(escape("12. March"), "12\\. March");
        assert_eq!(escape("It was 12. March"), "It was 12. March");
    }

    #[test]
    fn block_quotes_keep_every_line() {
        assert_eq!(block_quote("One\n\nTwo\nthree"), "> One\n>\n> Two\n> three\n");
    }
}
