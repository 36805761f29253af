//! A `Document` as Markdown (CommonMark with pipe tables): block quotes with the citation on the
//! line after them, tables with `|` escaped.

use super::{Block, Document, Run};

/// The Markdown text.
pub fn to_markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", one_line(&doc.title));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", escape(&doc.subtitle)));
    }
    if doc.contents {
        out.push_str(&contents(doc));
    }
    for block in &doc.blocks {
        out.push_str(&block_md(block));
    }
    out
}

fn contents(doc: &Document) -> String {
    let mut out = String::new();
    for (level, text) in doc.outline() {
        let indent = if level == 2 { "  " } else { "" };
        out.push_str(&format!("{indent}- {}\n", escape(text)));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn block_md(block: &Block) -> String {
    match block {
        Block::Heading { level, text } => format!("{} {}\n\n", "#".repeat(usize::from(*level) + 1), one_line(text)),
        Block::Paragraph { runs } => format!("{}\n\n", runs.iter().map(run_md).collect::<String>()),
        Block::Quote { text, citation } => {
            let mut out: String = text.lines().map(|l| if l.is_empty() { ">\n".to_string() } else { format!("> {l}\n") }).collect();
            if text.is_empty() {
                out.push_str(">\n");
            }
            if !citation.is_empty() {
                out.push_str(&format!("\n{}\n", escape(citation)));
            }
            out.push('\n');
            out
        }
        Block::Note { text } => format!("*{}*\n\n", escape(text).trim()),
        Block::List { items } => {
            let mut out: String = items.iter().map(|i| format!("- {}\n", escape(&one_line(i)))).collect();
            out.push('\n');
            out
        }
        Block::Table { header, rows, .. } => table_md(header, rows),
        Block::PageBreak => String::new(),
    }
}

fn run_md(run: &Run) -> String {
    let text = escape(&run.text);
    match (run.bold, run.italic) {
        (true, true) => format!("***{text}***"),
        (true, false) => format!("**{text}**"),
        (false, true) => format!("*{text}*"),
        (false, false) => text,
    }
}

fn table_md(header: &[String], rows: &[Vec<String>]) -> String {
    let cell = |s: &str| one_line(s).replace('|', "\\|");
    let mut out = format!("| {} |\n", header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len().max(1))));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")));
    }
    out.push('\n');
    out
}

/// Line breaks become spaces where Markdown needs one line (headings, cells, list items).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes the characters that would start emphasis or markup in running text, and a heading,
/// list or block-quote mark at the start of a line (a memo that starts "# Notes" or "- first"
/// stays a paragraph). Quotes are not escaped (a block quote shows its text as written).
fn escape(s: &str) -> String {
    s.split('\n').map(escape_line).collect::<Vec<_>>().join("\n")
}

/// Backslash-escapes what Markdown would read as markup: emphasis, code, links, HTML and table
/// pipes anywhere, and a heading, list or block-quote mark at the start of a line; control
/// characters become visible escapes. Shared with the excerpt writer.
pub(crate) fn escape_line(line: &str) -> String {
    // Control characters (an escape sequence in a name) are shown, never passed to whatever
    // displays the file (`export::printable`).
    let line = crate::export::printable::visible(line);
    let mut out = String::with_capacity(line.len());
    let mut at_start = true;
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~') || (at_start && matches!(c, '#' | '+' | '-' | '=')) {
            out.push('\\');
        }
        out.push(c);
        at_start &= c.is_whitespace();
    }
    // "1. " or "1) " at the start would begin an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_tables_and_headings_render() {
        let mut d = Document::new("Case report: Harlow");
        d.contents = true;
        d.heading(1, "Sources");
        d.table(vec!["Source".into(), "Kind".into()], vec![vec!["Session 1 | intake".into(), "interview".into()]]);
        d.quote("I felt judged.\n\nThen it got better.", "(Dana, caregiver)");
        d.paragraph(vec![Run::bold("Codes"), Run::plain(" 3 *coded*")]);
        let md = to_markdown(&d);
        assert!(md.starts_with("# Case report: Harlow\n\n- Sources\n\n## Sources\n\n"), "{md}");
        assert!(md.contains("| Session 1 \\| intake | interview |"), "{md}");
        assert!(md.contains("> I felt judged.\n>\n> Then it got better.\n\n(Dana, caregiver)\n"), "{md}");
        assert!(md.contains("**Codes** 3 \\*coded\\*"), "{md}");
    }

    #[test]
    fn line_starts_that_would_be_markup_stay_text() {
        assert_eq!(escape("# Notes\n- first\n2. second\n> aside"), "\\# Notes\n\\- first\n2\\. second\n\\> aside");
        assert_eq!(escape("a - b # c 3. d"), "a - b # c 3. d");
    }
}
