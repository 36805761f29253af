//! .odt import: an OpenDocument text file's bytes in, its readable text out (paragraphs,
//! headings, list items, table rows and footnotes in Thicket's plain-text shape, see
//! `xml_text::Layout`).
//!
//! The text is `content.xml` read as a stream: `text:p` and `text:h` paragraphs with their
//! spans, links, spaces (`text:s`), tabs and line breaks; lists (`text:list`, numbered when
//! their list style says so, from `content.xml` or `styles.xml`); tables; text boxes; and
//! notes, whose citation stays in the text and whose body is appended at the end. Left out:
//! comments (`office:annotation`), the deleted text kept for tracked changes, cells hidden by
//! a merge, alt text of images, and headers and footers (they live in `styles.xml`).

use std::collections::HashMap;

use super::xml_text::{self, Element, Kind, Layout, Node, NumberFormat};
use super::{Extracted, ImportError, archive};
use crate::text::TextError;

const CONTENT: &str = "content.xml";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
/// OpenDocument lists have ten levels.
const LEVELS: usize = 10;
/// Most spaces one `text:s` gives: its count is untrusted, and no real document needs more.
const MAX_SPACES: usize = 1000;

/// Extracts the readable text of an .odt file.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Text(TextError::Empty));
    }
    let mut archive = archive::open(bytes, "an .odt file")?;
    if let Some(mimetype) = archive.read("mimetype")? {
        check_mimetype(&String::from_utf8_lossy(&mimetype))?;
    }
    let Some(content) = archive.read(CONTENT)? else {
        let reason = if archive.names().iter().any(|n| n == "word/document.xml") {
            "it is a Word document renamed to .odt; name it .docx"
        } else {
            "it is damaged or not an OpenDocument file"
        };
        return Err(ImportError::Malformed(format!("the .odt has no {CONTENT} ({reason})")));
    };
    let mut reader = Content::default();
    // Named list styles live in styles.xml; they only decide list markers, so a damaged
    // styles part is not worth refusing the text for.
    if let Some(styles) = archive.read("styles.xml")? {
        let mut styles_reader = Content::default();
        if xml_text::decode(&styles, "styles.xml").and_then(|xml| xml_text::walk(&xml, "styles.xml", |n| styles_reader.visit_styles(n))).is_ok() {
            reader.list_styles = styles_reader.list_styles;
        }
    }
    xml_text::walk(&xml_text::decode(&content, CONTENT)?, CONTENT, |n| reader.visit(n))?;
    let has_images = reader.images;
    let text = reader.finish();
    if text.trim().is_empty() && has_images {
        return Err(ImportError::NoText("the .odt holds images but no text (if they are scanned pages, run OCR first)".into()));
    }
    Ok(Extracted { text, encoding: "UTF-8".into(), ..Default::default() })
}

/// Refuses other OpenDocument files (spreadsheets, presentations) renamed to .odt.
fn check_mimetype(mimetype: &str) -> Result<(), ImportError> {
    let mimetype = mimetype.trim();
    let Some(kind) = mimetype.strip_prefix("application/vnd.oasis.opendocument.") else {
        return Err(ImportError::Malformed(format!("it is not an OpenDocument file (its mimetype is \"{mimetype}\")")));
    };
    if kind.starts_with("text") {
        return Ok(());
    }
    let real = match kind.split('-').next().unwrap_or(kind) {
        "spreadsheet" => "an OpenDocument spreadsheet (.ods)",
        "presentation" => "an OpenDocument presentation (.odp)",
        "graphics" => "an OpenDocument drawing (.odg)",
        _ => return Err(ImportError::Malformed(format!("it is an OpenDocument \"{kind}\" file, not a text document"))),
    };
    Err(ImportError::Malformed(format!("it is {real} renamed to .odt, not a text document")))
}

/// How one level of a list style is marked.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Bullet,
    Number {
        format: NumberFormat,
        start: i64,
    },
    /// `style:num-format=""`: indented like a list but without a visible marker.
    Nothing,
}

/// An open `text:list`.
#[derive(Debug, Default)]
struct List {
    style: Option<String>,
    /// Last number given in this list.
    last: Option<i64>,
    /// The current item's marker still waits for its first paragraph.
    pending: Option<String>,
    in_item: bool,
}

/// An open `text:p` or `text:h`: how it ends, and the whitespace state of its text.
#[derive(Debug)]
struct Para {
    kind: Kind,
    prefix: String,
    /// Last character was a space that collapses with the next (ODF whitespace rules).
    after_space: bool,
}

/// The state of a walk through `content.xml` (or `styles.xml` for its list styles).
#[derive(Default)]
struct Content {
    list_styles: HashMap<String, [Option<Marker>; LEVELS]>,
    defining: Option<(String, [Option<Marker>; LEVELS])>,
    layout: Layout,
    paras: Vec<Para>,
    lists: Vec<List>,
    /// Last number of the last top-level list, for lists that continue its numbering.
    last_top: Option<i64>,
    /// Depth inside an element whose content is not shown (0: showing).
    skip: usize,
    citation: Option<String>,
    /// The layout and lists a note's body interrupted, and the note's label.
    note_stack: Vec<(Layout, Vec<List>, String)>,
    notes: Vec<String>,
    images: bool,
}

impl Content {
    /// Visits `styles.xml`, where only list styles matter.
    fn visit_styles(&mut self, node: Node<'_>) -> Result<(), ImportError> {
        match node {
            Node::Start(e) => self.define_list_style(&e),
            Node::End(e) if e.is(TEXT, "list-style") => self.end_list_style(),
            _ => {}
        }
        Ok(())
    }

    fn visit(&mut self, node: Node<'_>) -> Result<(), ImportError> {
        match node {
            Node::Start(e) => self.start(&e),
            Node::End(e) => self.end(&e),
            Node::Text(t) if self.skip == 0 => self.text(t),
            Node::Text(_) => {}
        }
        Ok(())
    }

    fn start(&mut self, e: &Element<'_>) {
        if self.skip > 0 || hidden_element(e) {
            self.skip += 1;
            return;
        }
        if e.ns == DRAW && e.local == "image" {
            self.images = true;
        }
        if e.ns == TABLE {
            match e.local {
                "table" => self.layout.start_table(),
                "table-row" => self.layout.start_row(),
                "table-cell" => self.layout.start_cell(),
                _ => {}
            }
        }
        if e.ns != TEXT {
            return;
        }
        match e.local {
            "p" | "h" => self.start_paragraph(),
            "s" => {
                let n = e.attr("c").and_then(|c| c.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, MAX_SPACES);
                self.literal(&" ".repeat(n), false);
            }
            "tab" => self.literal("\t", false),
            // A space after a line break would only indent the next line.
            "line-break" => self.literal("\n", true),
            "list" => self.start_list(e),
            "list-item" => self.start_item(e),
            "list-header" => self.start_header(),
            "note-citation" => self.citation = Some(String::new()),
            "note-body" => self.start_note_body(),
            "list-style" | "list-level-style-number" | "list-level-style-bullet" | "list-level-style-image" => self.define_list_style(e),
            _ => {}
        }
    }

    fn end(&mut self, e: &Element<'_>) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if e.is(TABLE, "table") {
            self.layout.end_table();
        }
        if e.ns != TEXT {
            return;
        }
        match e.local {
            "p" | "h" => {
                if let Some(p) = self.paras.pop() {
                    self.layout.end_paragraph(p.kind, &p.prefix);
                }
            }
            "list" => self.end_list(),
            "list-item" | "list-header" => {
                if let Some(list) = self.lists.last_mut() {
                    list.in_item = false;
                    list.pending = None;
                }
            }
            "note-citation" => {
                let label = self.citation.take().unwrap_or_default();
                self.layout.push_str(&format!("[{}]", label.trim()));
                self.note_stack.push((Layout::default(), Vec::new(), label.trim().to_string()));
            }
            "note-body" => self.end_note_body(),
            "list-style" => self.end_list_style(),
            _ => {}
        }
    }

    /// Character data: collapsed as ODF says (runs of spaces, tabs and line feeds are one
    /// space, and none at the start of a paragraph); `text:s`, `text:tab` and
    /// `text:line-break` stand for the whitespace that counts.
    fn text(&mut self, t: &str) {
        if let Some(citation) = self.citation.as_mut() {
            citation.push_str(t);
            return;
        }
        let Some(para) = self.paras.last_mut() else { return };
        let mut out = String::with_capacity(t.len());
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                let at_start = out.is_empty() && self.layout.paragraph_text().is_empty();
                if !(para.after_space || at_start) {
                    out.push(' ');
                }
                para.after_space = true;
            } else {
                out.push(c);
                para.after_space = false;
            }
        }
        self.layout.push_str(&out);
    }

    /// Whitespace given by an element: kept as it is; `collapse_next` swallows a space after it.
    fn literal(&mut self, s: &str, collapse_next: bool) {
        if let Some(para) = self.paras.last_mut() {
            para.after_space = collapse_next;
            self.layout.push_str(s);
        }
    }

    fn start_paragraph(&mut self) {
        let depth = self.lists.len().saturating_sub(1);
        let (kind, prefix) = match self.lists.last_mut() {
            Some(list) if list.in_item => match list.pending.take() {
                Some(marker) => (Kind::ListItem, marker),
                // A later paragraph of the same item lines up under the first one's text.
                None => (Kind::ListItem, format!("{}  ", "  ".repeat(depth))),
            },
            _ => (Kind::Paragraph, String::new()),
        };
        self.paras.push(Para { kind, prefix, after_space: false });
        self.layout.start_paragraph();
    }

    fn start_list(&mut self, e: &Element<'_>) {
        // An item that opens with a sub-list shows no marker of its own.
        if let Some(parent) = self.lists.last_mut() {
            parent.pending = None;
        }
        let continues = e.attr("continue-numbering").as_deref() == Some("true") || e.attr("continue-list").is_some();
        let last = if self.lists.is_empty() && continues { self.last_top } else { None };
        self.lists.push(List { style: e.attr("style-name"), last, pending: None, in_item: false });
    }

    fn end_list(&mut self) {
        if let Some(list) = self.lists.pop()
            && self.lists.is_empty()
        {
            self.last_top = list.last;
        }
    }

    fn start_item(&mut self, e: &Element<'_>) {
        let level = self.lists.len().saturating_sub(1);
        let marker = self.marker(level);
        let Some(list) = self.lists.last_mut() else { return };
        let indent = "  ".repeat(level);
        list.in_item = true;
        list.pending = Some(match marker {
            Marker::Bullet => format!("{indent}- "),
            Marker::Nothing => indent,
            Marker::Number { format, start } => {
                let n = e
                    .attr("start-value")
                    .and_then(|v| v.trim().parse::<i64>().ok())
                    .unwrap_or_else(|| list.last.map_or(start, |l| l.saturating_add(1)));
                list.last = Some(n);
                format!("{indent}{}. ", xml_text::label(u32::try_from(n.max(0)).unwrap_or(u32::MAX), format))
            }
        });
    }

    fn start_header(&mut self) {
        if let Some(list) = self.lists.last_mut() {
            list.in_item = true;
            list.pending = None;
        }
    }

    /// The marker of a list level: from the innermost list that names a style, else a bullet.
    fn marker(&self, level: usize) -> Marker {
        let style = self.lists.iter().rev().find_map(|l| l.style.as_ref());
        style.and_then(|s| self.list_styles.get(s)).and_then(|levels| levels.get(level.min(LEVELS - 1)).copied().flatten()).unwrap_or(Marker::Bullet)
    }

    fn start_note_body(&mut self) {
        if let Some(top) = self.note_stack.last_mut() {
            top.0 = std::mem::take(&mut self.layout);
            top.1 = std::mem::take(&mut self.lists);
        }
    }

    fn end_note_body(&mut self) {
        let Some((outer, lists, label)) = self.note_stack.pop() else { return };
        let body = std::mem::replace(&mut self.layout, outer).finish();
        self.lists = lists;
        let body = body.trim().replace("\n\n", "\n");
        if !body.is_empty() {
            self.notes.push(format!("[{label}] {body}"));
        }
    }

    /// Records list-style definitions (in `office:automatic-styles` or `styles.xml`).
    fn define_list_style(&mut self, e: &Element<'_>) {
        if e.is(TEXT, "list-style") {
            self.defining = e.attr("name").map(|n| (n, [None; LEVELS]));
            return;
        }
        let Some((_, levels)) = self.defining.as_mut() else { return };
        let level = e.attr("level").and_then(|l| l.trim().parse::<usize>().ok()).filter(|l| (1..=LEVELS).contains(l));
        let Some(slot) = level.and_then(|l| levels.get_mut(l - 1)) else { return };
        *slot = Some(match e.local {
            "list-level-style-number" => number_marker(e),
            "list-level-style-bullet" | "list-level-style-image" => Marker::Bullet,
            _ => return,
        });
    }

    fn end_list_style(&mut self) {
        if let Some((name, levels)) = self.defining.take() {
            self.list_styles.insert(name, levels);
        }
    }

    /// The text with the notes appended, one line each, below a blank line.
    fn finish(self) -> String {
        let mut layout = self.layout;
        layout.emit_lines(&self.notes);
        layout.finish()
    }
}

/// The marker of a `text:list-level-style-number` (its `style:num-format`, `text:start-value`).
fn number_marker(e: &Element<'_>) -> Marker {
    let start = e.attr("start-value").and_then(|v| v.trim().parse().ok()).unwrap_or(1);
    let format = match e.attr("num-format").as_deref().map(str::trim) {
        Some("") => return Marker::Nothing,
        Some("a") => NumberFormat::LowerLetter,
        Some("A") => NumberFormat::UpperLetter,
        Some("i") => NumberFormat::LowerRoman,
        Some("I") => NumberFormat::UpperRoman,
        _ => NumberFormat::Decimal,
    };
    Marker::Number { format, start }
}

/// Elements whose content is not part of the readable text: comments, the deleted text that
/// tracked changes keep, cells covered by a merge (their content is hidden), alt text, index
/// templates and ruby annotations.
fn hidden_element(e: &Element<'_>) -> bool {
    match e.ns {
        OFFICE => matches!(e.local, "annotation" | "annotation-end"),
        TEXT => e.local == "tracked-changes" || e.local == "ruby-text" || e.local.ends_with("-source"),
        TABLE => e.local == "covered-table-cell",
        SVG => matches!(e.local, "title" | "desc"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#;

    fn zip_of(entries: &[(&str, String)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, data) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(data.as_bytes()).unwrap();
        }
        w.finish().unwrap();
        buf.into_inner()
    }

    /// An .odt with automatic styles `auto`, body `body` and optional styles.xml content.
    fn odt(auto: &str, body: &str, styles: Option<&str>) -> Vec<u8> {
        let mut entries = vec![
            ("mimetype", "application/vnd.oasis.opendocument.text".to_string()),
            (
                CONTENT,
                format!(
                    "<?xml version=\"1.0\"?>\n<office:document-content {NS}>\n  <office:automatic-styles>{auto}</office:automatic-styles>\n  <office:body>\n    <office:text>\n{body}\n    </office:text>\n  </office:body>\n</office:document-content>"
                ),
            ),
        ];
        if let Some(styles) = styles {
            entries.push(("styles.xml", format!("<office:document-styles {NS}><office:styles>{styles}</office:styles></office:document-styles>")));
        }
        zip_of(&entries)
    }

    fn text(body: &str) -> String {
        extract(&odt("", body, None)).unwrap().text
    }

    #[test]
    fn whitespace_follows_the_opendocument_rules() {
        let body = "<text:h text:outline-level=\"1\">  Visit  3 </text:h>\n      \
            <text:p>\n  <text:span>Dana:</text:span>\tTom &amp; Jerry<text:s text:c=\"2\"/>went\n   out.<text:tab/>Then<text:line-break/> home</text:p>\
            <text:p><text:s/>indented <text:s text:c=\"999999999\"/></text:p><text:p/><text:p>   </text:p>";
        let got = extract(&odt("", body, None)).unwrap();
        assert_eq!(got.text, "Visit 3\n\nDana: Tom & Jerry  went out.\tThen\nhome\n\n indented\n");
        assert_eq!((got.encoding.as_str(), got.page_starts, got.turns.len()), ("UTF-8", None, 0));
    }

    const LIST_STYLES: &str = "<text:list-style style:name=\"L1\">\
        <text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>\
        <text:list-level-style-number text:level=\"2\" style:num-format=\"a\" text:start-value=\"3\"/>\
        <text:list-level-style-number text:level=\"3\" style:num-format=\"\"/>\
        </text:list-style>\
        <text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style>";

    fn items(texts: &[&str]) -> String {
        texts.iter().map(|t| format!("<text:list-item><text:p>{t}</text:p></text:list-item>")).collect()
    }

    #[test]
    fn lists_are_marked_by_their_list_style() {
        let body = format!(
            "<text:p>Steps</text:p>\
             <text:list text:style-name=\"L1\">{}<text:list-item><text:p>Chase the repair</text:p><text:p>before May.</text:p>\
               <text:list>{}<text:list-item><text:list>{}</text:list></text:list-item></text:list></text:list-item>\
               <text:list-header><text:p>(a note inside the list)</text:p></text:list-header>{}</text:list>\
             <text:p>Later:</text:p>\
             <text:list text:style-name=\"L1\" text:continue-numbering=\"true\">{}<text:list-item text:start-value=\"9\"><text:p>nine</text:p></text:list-item></text:list>\
             <text:list text:style-name=\"L2\">{}</text:list><text:list text:style-name=\"Unknown\">{}</text:list>",
            items(&["Register with the GP"]),
            items(&["boiler", "window"]),
            items(&["unmarked"]),
            items(&["Review"]),
            items(&["continues"]),
            items(&["bullet"]),
            items(&["fallback bullet"])
        );
        let want = "Steps\n\n1. Register with the GP\n2. Chase the repair\n  before May.\n  c. boiler\n  d. window\n    unmarked\n  (a note inside the list)\n3. Review\n\n\
                    Later:\n\n4. continues\n9. nine\n- bullet\n- fallback bullet\n";
        assert_eq!(extract(&odt(LIST_STYLES, &body, None)).unwrap().text, want);
        assert_eq!(extract(&odt("", &body, Some(LIST_STYLES))).unwrap().text, want, "named styles come from styles.xml");
        assert_eq!(
            extract(&odt("", &body, Some("<text:list-style"))).unwrap().text.lines().nth(2),
            Some("- Register with the GP"),
            "a damaged styles.xml only loses markers"
        );
    }

    #[test]
    fn tables_skip_covered_cells_and_flatten_nested_tables() {
        let cell = |t: &str| format!("<table:table-cell><text:p>{t}</text:p></table:table-cell>");
        let body = format!(
            "<table:table><table:table-column table:number-columns-repeated=\"3\"/>\
               <table:table-header-rows><table:table-row>{}{}{}</table:table-row></table:table-header-rows>\
               <table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Grandmother</text:p></table:table-cell>\
                 <table:covered-table-cell><text:p>merged away</text:p></table:covered-table-cell>\
                 <table:table-cell><text:p>weekends</text:p><text:p>only</text:p></table:table-cell></table:table-row>\
               <table:table-row>{}<table:table-cell><table:table><table:table-row>{}{}</table:table-row></table:table></table:table-cell></table:table-row>\
               <table:table-row table:number-rows-repeated=\"1000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>\
             </table:table><text:p>After.</text:p>",
            cell("Name"),
            cell("Age"),
            cell(""),
            cell("Chidi"),
            cell("9"),
            cell("Year 4")
        );
        assert_eq!(text(&body), "Name | Age\nGrandmother | weekends only\nChidi | 9 Year 4\n\nAfter.\n");
    }

    #[test]
    fn notes_stay_marked_and_comments_and_deletions_go() {
        let body = "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>\
            <text:p>Mum said<office:annotation><dc:creator>RK</dc:creator><text:p>a comment</text:p></office:annotation> yes\
            <text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>First note.</text:p><text:p>Second para.</text:p></text:note-body></text:note>\
            <text:change text:change-id=\"c1\"/> today<text:note text:note-class=\"endnote\"><text:note-citation>i</text:note-citation><text:note-body><text:list><text:list-item><text:p>listed</text:p></text:list-item></text:list></text:note-body></text:note>.</text:p>\
            <text:p><draw:frame><svg:title>alt text</svg:title><draw:text-box><text:p>In a box</text:p></draw:text-box></draw:frame>Anchor</text:p>";
        assert_eq!(text(body), "Mum said yes[1] today[i].\n\nIn a box\n\nAnchor\n\n[1] First note.\nSecond para.\n[i] - listed\n");
    }

    #[test]
    fn bad_files_give_reasons() {
        let err = |bytes: &[u8]| extract(bytes).unwrap_err();
        assert!(matches!(err(b"PK\x03\x04broken"), ImportError::Malformed(m) if m.contains("damaged or truncated")));
        let ods = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet".into()), (CONTENT, "<x/>".into())]);
        assert_eq!(err(&ods), ImportError::Malformed("it is an OpenDocument spreadsheet (.ods) renamed to .odt, not a text document".into()));
        let epub = zip_of(&[("mimetype", "application/epub+zip".into())]);
        assert!(matches!(err(&epub), ImportError::Malformed(m) if m.contains("\"application/epub+zip\"")));
        let docx = zip_of(&[("word/document.xml", "<w:document/>".into())]);
        assert_eq!(err(&docx), ImportError::Malformed("the .odt has no content.xml (it is a Word document renamed to .odt; name it .docx)".into()));
        let missing = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text".into())]);
        assert_eq!(err(&missing), ImportError::Malformed("the .odt has no content.xml (it is damaged or not an OpenDocument file)".into()));
        assert!(matches!(err(&odt("", "<text:p>unclosed", None)), ImportError::Malformed(m) if m.contains("content.xml")));
        let image = odt("", "<text:p><draw:frame><draw:image/></draw:frame></text:p>", None);
        assert!(matches!(err(&image), ImportError::NoText(m) if m.contains("OCR")));
        let deep = format!("{}{}", "<text:span>".repeat(1200), "</text:span>".repeat(1200));
        assert!(matches!(err(&odt("", &format!("<text:p>{deep}</text:p>"), None)), ImportError::TooLarge(m) if m.contains("over 1,000 levels")));
    }
}
