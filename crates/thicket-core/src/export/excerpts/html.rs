//! Excerpts as one self-contained HTML file: inline CSS (with a print stylesheet), no scripts,
//! no fonts or images to fetch, so it opens the same anywhere and prints cleanly.
//!
//! Each quote is a `<blockquote>` whose content is the coded text with only `&`, `<`, `>` and
//! quotes escaped; `white-space: pre-wrap` keeps its line breaks as they are.

use super::{Excerpt, ExcerptGroup, Excerpts};
use crate::export::document::escape_html as escape;

const STYLE: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.1em;margin-top:1.5em}
.summary{color:#555}.code{font-weight:bold;margin:0 0 .2em 0}.definition{font-style:italic;color:#333}.count{color:#666;font-weight:normal}
figure{margin:1.2em 0;page-break-inside:avoid;break-inside:avoid}
blockquote{margin:0 0 .3em 0;padding:.2em 0 .2em 1em;border-left:3px solid #8a8a8a;white-space:pre-wrap}
.context{color:#666;font-size:.92em;margin:.2em 0 .2em 1.2em}
figcaption{font-size:.95em;margin-left:1.2em}.codes,.memo{font-size:.9em;color:#444;margin:.2em 0 0 1.2em}
@media print{body{max-width:none;margin:0;font-size:11pt}h2{page-break-after:avoid;break-after:avoid}blockquote{border-left-color:#000}a{color:inherit}}
";

/// The HTML document.
pub fn to_html(x: &Excerpts) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n", escape(&x.title)));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&x.title)));
    let groups = x.groups.len();
    out.push_str(&format!(
        "<p class=\"summary\">{} {} in {} {}.</p>\n",
        x.total,
        if x.total == 1 { "excerpt" } else { "excerpts" },
        groups,
        if groups == 1 { "group" } else { "groups" }
    ));
    for group in &x.groups {
        out.push_str(&group_html(x, group));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn group_html(x: &Excerpts, group: &ExcerptGroup) -> String {
    let mut out = format!("<section>\n<h2>{}{}</h2>\n", escape(&group.title), count(x, group.count));
    if x.shown.definitions && !group.definition.is_empty() {
        out.push_str(&format!("<p class=\"definition\">{}</p>\n", escape(&group.definition)));
    }
    for section in &group.sections {
        if let Some(title) = &section.title {
            out.push_str(&format!("<h3>{}{}</h3>\n", escape(title), count(x, section.excerpts.len())));
        }
        for e in &section.excerpts {
            out.push_str(&excerpt_html(x, e));
        }
    }
    out.push_str("</section>\n");
    out
}

fn count(x: &Excerpts, n: usize) -> String {
    if x.shown.counts { format!(" <span class=\"count\">({n})</span>") } else { String::new() }
}

fn excerpt_html(x: &Excerpts, e: &Excerpt) -> String {
    let mut out = format!("<figure id=\"coding-{}\">\n", e.coding_id.0);
    if !x.group_by.names_code() {
        out.push_str(&format!("<p class=\"code\">{}</p>\n", escape(&e.fields.code)));
    }
    if !e.context_before.is_empty() {
        out.push_str(&format!("<p class=\"context before\">… {}</p>\n", escape(&e.context_before)));
    }
    out.push_str(&format!("<blockquote>{}</blockquote>\n", escape(&e.text)));
    if !e.context_after.is_empty() {
        out.push_str(&format!("<p class=\"context after\">{} …</p>\n", escape(&e.context_after)));
    }
    if !e.citation.is_empty() {
        out.push_str(&format!("<figcaption>{}</figcaption>\n", escape(&e.citation)));
    }
    if x.shown.other_codes && !e.other_codes.is_empty() {
        out.push_str(&format!("<p class=\"codes\">Also coded: {}</p>\n", escape(&e.other_codes.join("; "))));
    }
    if x.shown.memos && !e.memo.trim().is_empty() {
        out.push_str(&format!("<p class=\"memo\">Memo ({}): {}</p>\n", escape(&e.fields.coder), escape(&e.memo)));
    }
    out.push_str("</figure>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("<b>Tom & \"Jo\"'s</b>"), "&lt;b&gt;Tom &amp; &quot;Jo&quot;&#39;s&lt;/b&gt;");
    }
}
