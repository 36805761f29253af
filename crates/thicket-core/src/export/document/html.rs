//! A `Document` as one self-contained HTML file: inline CSS with a print stylesheet, no scripts,
//! nothing to fetch.

use super::{Block, Document, Run};

const STYLE: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.1em;margin-top:1.5em}h4{font-size:1em}
.subtitle{color:#555}nav ul{padding-left:1.2em}
figure{margin:1.2em 0;page-break-inside:avoid;break-inside:avoid}
blockquote{margin:0 0 .3em 0;padding:.2em 0 .2em 1em;border-left:3px solid #8a8a8a;white-space:pre-wrap}
figcaption{font-size:.95em;margin-left:1.2em}.note{font-size:.9em;color:#444;margin-left:1.2em}
table{border-collapse:collapse;margin:1em 0;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#eee}.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.4em;border:1px solid #777;vertical-align:middle}
@media print{body{max-width:none;margin:0;font-size:11pt}h2,h3{page-break-after:avoid;break-after:avoid}.page-break{page-break-after:always;break-after:page}blockquote{border-left-color:#000}th{background:none}}
";

/// The HTML document.
pub fn to_html(doc: &Document) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n", escape(&doc.title)));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&doc.title)));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&doc.subtitle)));
    }
    if doc.contents {
        out.push_str(&contents(doc));
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        out.push_str(&block_html(i, block));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn contents(doc: &Document) -> String {
    let mut out = String::from("<nav><ul>\n");
    for (i, block) in doc.blocks.iter().enumerate() {
        if let Block::Heading { level, text } = block
            && *level <= 2
        {
            let style = if *level == 2 { " style=\"margin-left:1.2em\"" } else { "" };
            out.push_str(&format!("<li{style}><a href=\"#h{i}\">{}</a></li>\n", escape(text)));
        }
    }
    out.push_str("</ul></nav>\n");
    out
}

fn block_html(i: usize, block: &Block) -> String {
    match block {
        Block::Heading { level, text } => {
            let h = level + 1;
            format!("<h{h} id=\"h{i}\">{}</h{h}>\n", escape(text))
        }
        Block::Paragraph { runs } => format!("<p>{}</p>\n", runs.iter().map(run_html).collect::<String>()),
        Block::Quote { text, citation } => {
            let mut out = format!("<figure>\n<blockquote>{}</blockquote>\n", escape(text));
            if !citation.is_empty() {
                out.push_str(&format!("<figcaption>{}</figcaption>\n", escape(citation)));
            }
            out.push_str("</figure>\n");
            out
        }
        Block::Note { text } => format!("<p class=\"note\">{}</p>\n", escape(text)),
        Block::List { items } => {
            let mut out = String::from("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", escape(item)));
            }
            out.push_str("</ul>\n");
            out
        }
        Block::Table { header, rows, colours } => table_html(header, rows, colours),
        Block::PageBreak => "<div class=\"page-break\"></div>\n".to_string(),
    }
}

fn table_html(header: &[String], rows: &[Vec<String>], colours: &[Option<[u8; 3]>]) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in rows.iter().enumerate() {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let swatch = match colours.get(r) {
                Some(Some([red, green, blue])) if c == 0 => {
                    format!("<span class=\"swatch\" style=\"background:#{red:02x}{green:02x}{blue:02x}\"></span>")
                }
                _ => String::new(),
            };
            out.push_str(&format!("<td>{swatch}{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn run_html(run: &Run) -> String {
    let mut text = escape(&run.text);
    if run.italic {
        text = format!("<em>{text}</em>");
    }
    if run.bold {
        text = format!("<strong>{text}</strong>");
    }
    text
}

/// Escapes text for HTML content and attribute values (shared with the excerpt writer); control
/// characters other than tab and line breaks become U+FFFD.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // HTML cannot hold C0/C1 controls (an escape sequence from a name): shown as U+FFFD.
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_with_contents_tables_and_escaped_text() {
        let mut d = Document::new("Codebook <draft>");
        d.contents = true;
        d.heading(1, "Ruptures");
        d.blocks.push(Block::Table {
            header: vec!["Code".into()],
            rows: vec![vec!["Withdrawal".into()]],
            colours: vec![Some([255, 0, 16])],
        });
        d.quote("She said \"no\" & left.", "(Dana)");
        let html = to_html(&d);
        assert!(html.contains("<title>Codebook &lt;draft&gt;</title>"));
        assert!(html.contains("<li><a href=\"#h0\">Ruptures</a></li>"));
        assert!(html.contains("<h2 id=\"h0\">Ruptures</h2>"));
        assert!(html.contains("background:#ff0010"));
        assert!(html.contains("<blockquote>She said &quot;no&quot; &amp; left.</blockquote>"));
        assert!(!html.contains("<script"));
    }
}
