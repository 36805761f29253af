//! A small, format-neutral document: headings, paragraphs, block quotes with citations, notes,
//! lists and tables. Reports that are read rather than computed on (a codebook, a framework
//! matrix, a case report) are built once as a `Document` and then written by one writer per
//! format, so every format shows the same content and a pseudonymisation pass can rewrite the
//! model once for all of them.
//!
//! ```text
//!  report builder ──▶ Document ──to_markdown() / to_html() / to_docx()──▶ bytes
//! ```
//!
//! Writers take `&Document` only; they escape text as their format requires and never change
//! it otherwise, so a quote in a report is the coded text exactly.

mod docx;
mod html;
mod markdown;

use serde::Serialize;

pub use docx::to_docx;
pub use html::to_html;
pub(crate) use html::escape as escape_html;
pub(crate) use markdown::escape_line as escape_markdown_line;
pub use markdown::to_markdown;

/// A whole report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// A line under the title (what the report covers, when it was made).
    pub subtitle: String,
    /// Ask for a table of contents (DOCX: a TOC field Word fills in; HTML and Markdown: a list of
    /// the level-1 and level-2 headings).
    pub contents: bool,
    pub blocks: Vec<Block>,
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "block", rename_all = "kebab-case")]
pub enum Block {
    /// A heading of level 1 to 3 (the title is above level 1).
    Heading { level: u8, text: String },
    /// A paragraph of runs.
    Paragraph { runs: Vec<Run> },
    /// A quotation and its citation (empty: none).
    Quote { text: String, citation: String },
    /// A smaller, secondary paragraph: a memo, context, "also coded".
    Note { text: String },
    /// A bulleted list.
    List { items: Vec<String> },
    /// A table with a header row. `colours` optionally gives one colour per body row, shown as a
    /// swatch in the first column (codebooks).
    Table { header: Vec<String>, rows: Vec<Vec<String>>, colours: Vec<Option<[u8; 3]>> },
    /// Starts a new page in paged formats (DOCX, print); nothing in Markdown.
    PageBreak,
}

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run { text: text.into(), ..Run::default() }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Run { text: text.into(), bold: true, ..Run::default() }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Run { text: text.into(), italic: true, ..Run::default() }
    }
}

impl Document {
    pub fn new(title: impl Into<String>) -> Self {
        Document { title: title.into(), ..Document::default() }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading { level: level.clamp(1, 3), text: text.into() });
    }

    pub fn paragraph(&mut self, runs: Vec<Run>) {
        self.blocks.push(Block::Paragraph { runs });
    }

    /// A paragraph of plain text.
    pub fn text(&mut self, text: impl Into<String>) {
        self.paragraph(vec![Run::plain(text)]);
    }

    pub fn quote(&mut self, text: impl Into<String>, citation: impl Into<String>) {
        self.blocks.push(Block::Quote { text: text.into(), citation: citation.into() });
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note { text: text.into() });
    }

    pub fn list(&mut self, items: Vec<String>) {
        self.blocks.push(Block::List { items });
    }

    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table { header, rows, colours: Vec::new() });
    }

    /// The level-1 and level-2 headings, for a table of contents.
    pub fn outline(&self) -> Vec<(u8, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } if *level <= 2 => Some((*level, text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Every piece of text the document shows, in order: what a pseudonymisation pass rewrites
    /// and what tests search.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut out: Vec<&mut String> = vec![&mut self.title, &mut self.subtitle];
        for block in &mut self.blocks {
            match block {
                Block::Heading { text, .. } | Block::Note { text } => out.push(text),
                Block::Paragraph { runs } => out.extend(runs.iter_mut().map(|r| &mut r.text)),
                Block::Quote { text, citation } => {
                    out.push(text);
                    out.push(citation);
                }
                Block::List { items } => out.extend(items.iter_mut()),
                Block::Table { header, rows, .. } => {
                    out.extend(header.iter_mut());
                    out.extend(rows.iter_mut().flat_map(|r| r.iter_mut()));
                }
                Block::PageBreak => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_lists_the_top_two_heading_levels() {
        let mut d = Document::new("Codebook");
        d.heading(1, "Ruptures");
        d.heading(2, "Withdrawal");
        d.heading(3, "Examples");
        d.heading(9, "Clamped");
        assert_eq!(d.outline(), vec![(1, "Ruptures"), (2, "Withdrawal")]);
        assert!(matches!(d.blocks[3], Block::Heading { level: 3, .. }));
    }

    #[test]
    fn texts_reach_every_string() {
        let mut d = Document::new("T");
        d.quote("q", "c");
        d.table(vec!["h".into()], vec![vec!["r".into()]]);
        d.paragraph(vec![Run::bold("b"), Run::plain("p")]);
        for t in d.texts_mut() {
            t.push('!');
        }
        let all: Vec<String> = d.clone().texts_mut().into_iter().map(|s| s.clone()).collect();
        assert_eq!(all, ["T!", "!", "q!", "c!", "h!", "r!", "b!", "p!"]);
    }
}
