//! Shared by the .docx and .odt importers: an XML part's bytes in, namespace-resolved element
//! and text events out ([`walk`]), and a [`Layout`] that turns paragraphs, list items and table
//! rows into Thicket's plain-text shape (paragraphs split by one blank line, list items and
//! table rows one per line). Both formats are word-processor XML inside a ZIP, so the safety
//! rules live here once: well-formedness is checked, nesting is capped at [`MAX_DEPTH`] levels,
//! and nothing recurses on the input's structure.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::ImportError;

/// Deepest element nesting accepted. Real documents stay far below it; deeper input is built
/// to exhaust a parser, and refusing it keeps every later stack small.
pub(super) const MAX_DEPTH: usize = 1000;

/// Decodes an XML part to text: UTF-8 (with or without a BOM), or UTF-16 with a BOM.
pub(super) fn decode(bytes: &[u8], part: &str) -> Result<String, ImportError> {
    let damaged = || ImportError::Malformed(format!("\"{part}\" is not valid Unicode text (the file is damaged)"));
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        return encoding.decode_without_bom_handling_and_without_replacement(body).map(Cow::into_owned).ok_or_else(damaged);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| damaged())
}

/// An element's expanded name, and its attributes for start tags.
pub(super) struct Element<'a> {
    /// Namespace URI; empty when unbound or undeclared.
    pub ns: &'a str,
    /// Name without its prefix.
    pub local: &'a str,
    start: Option<&'a BytesStart<'a>>,
}

impl Element<'_> {
    /// Whether this is `local` in namespace `ns`.
    pub fn is(&self, ns: &str, local: &str) -> bool {
        self.ns == ns && self.local == local
    }

    /// Every attribute but namespace declarations: (local name, normalised value), in document
    /// order; an attribute whose value cannot be decoded is left out.
    pub fn attrs(&self) -> Vec<(String, String)> {
        let Some(start) = self.start else { return Vec::new() };
        start
            .attributes()
            .flatten()
            .filter(|a| a.key.as_ref() != "xmlns" && a.key.prefix().is_none_or(|p| p.as_ref() != "xmlns"))
            .filter_map(|a| {
                let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?.into_owned();
                Some((a.key.local_name().as_ref().to_string(), value))
            })
            .collect()
    }

    /// The value of the attribute with this local name (prefix ignored: word-processor
    /// attributes are qualified by the element's own namespace).
    pub fn attr(&self, local: &str) -> Option<String> {
        self.start?
            .attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local && a.key.prefix().is_none_or(|p| p.as_ref() != "xmlns"))
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(Cow::into_owned))
    }
}

/// One step through an XML part. Empty elements come as a start directly followed by its end.
pub(super) enum Node<'a> {
    Start(Element<'a>),
    End(Element<'a>),
    /// Character data with entities and character references resolved.
    Text(&'a str),
}

/// Streams `xml` (the part named `part`, for messages) to `visit`, in document order.
pub(super) fn walk(xml: &str, part: &str, mut visit: impl FnMut(Node<'_>) -> Result<(), ImportError>) -> Result<(), ImportError> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    let (mut depth, mut seen_root) = (0usize, false);
    loop {
        let event = reader.read_event().map_err(|e| {
            ImportError::Malformed(format!("\"{part}\" is not well-formed XML ({e}, near byte {}): the file is damaged", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                seen_root = true;
                if depth > MAX_DEPTH {
                    return Err(ImportError::TooLarge(format!("its \"{part}\" is nested too deeply (over 1,000 levels)")));
                }
                let (ns, local) = reader.resolver().resolve_element(e.name());
                visit(Node::Start(Element { ns: namespace(&ns), local: local.into_inner(), start: Some(&e) }))?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let (ns, local) = reader.resolver().resolve_element(e.name());
                visit(Node::End(Element { ns: namespace(&ns), local: local.into_inner(), start: None }))?;
            }
            Event::Text(t) => visit(Node::Text(&t.xml10_content()))?,
            Event::CData(c) => visit(Node::Text(&c.into_inner()))?,
            Event::GeneralRef(r) => visit(Node::Text(&reference(&r)))?,
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(ImportError::Malformed(format!("\"{part}\" holds no XML elements (the file is damaged)")));
    }
    if depth > 0 {
        return Err(ImportError::Malformed(format!("\"{part}\" ends before all its elements are closed (the file is truncated or damaged)")));
    }
    Ok(())
}

/// The namespace URI of a resolved name; unknown prefixes match nothing.
fn namespace<'a>(resolved: &ResolveResult<'a>) -> &'a str {
    match resolved {
        ResolveResult::Bound(ns) => ns.0,
        _ => "",
    }
}

/// The text of `&name;` or `&#n;`. Word-processor parts declare no entities of their own, so
/// anything beyond the five predefined ones is kept as written rather than losing the text.
fn reference(r: &quick_xml::events::BytesRef<'_>) -> Cow<'static, str> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Cow::Owned(c.to_string());
    }
    match &**r {
        "lt" => "<".into(),
        "gt" => ">".into(),
        "amp" => "&".into(),
        "apos" => "'".into(),
        "quot" => "\"".into(),
        other => Cow::Owned(format!("&{other};")),
    }
}

/// What a finished paragraph is, which decides how it is separated from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Set off by blank lines.
    Paragraph,
    /// One line of a list: consecutive items are separated by a single line break.
    ListItem,
}

/// Separator group of list items; tables get groups from 1 up, so their rows stay together.
const LIST_GROUP: u64 = 0;

/// Open containers, innermost last. Paragraphs nest in word processors (a text box anchored in
/// a paragraph holds paragraphs of its own), and tables nest in table cells.
enum Frame {
    Para(String),
    Table(Vec<Vec<String>>),
}

/// Builds the plain text of a document from paragraph, list and table events.
#[derive(Default)]
pub(super) struct Layout {
    out: String,
    last_group: Option<u64>,
    frames: Vec<Frame>,
    tables_emitted: u64,
}

impl Layout {
    /// Opens a paragraph; its text goes to the innermost open paragraph.
    pub fn start_paragraph(&mut self) {
        self.frames.push(Frame::Para(String::new()));
    }

    /// Adds text to the innermost open paragraph. Both formats keep all readable text in
    /// paragraphs (table cells hold paragraphs too), so text elsewhere is the indentation of
    /// pretty-printed XML and is dropped.
    pub fn push_str(&mut self, s: &str) {
        if let Some(Frame::Para(p)) = self.frames.last_mut() {
            p.push_str(s);
        }
    }

    /// The text of the innermost open paragraph so far (empty outside paragraphs).
    pub fn paragraph_text(&self) -> &str {
        match self.frames.last() {
            Some(Frame::Para(p)) => p,
            _ => "",
        }
    }

    /// Whether a paragraph is open, i.e. whether text pushed now is kept.
    pub fn in_paragraph(&self) -> bool {
        matches!(self.frames.last(), Some(Frame::Para(_)))
    }

    /// Closes the innermost paragraph: inside a table it joins the current cell, otherwise it
    /// becomes a block of the output with `prefix` (a list marker) before it. Empty paragraphs
    /// (spacing in word processors) vanish, so blank lines never pile up.
    pub fn end_paragraph(&mut self, kind: Kind, prefix: &str) {
        if !self.in_paragraph() {
            return;
        }
        let Some(Frame::Para(raw)) = self.frames.pop() else { return };
        let text = clean(&raw);
        if text.is_empty() {
            return;
        }
        if let Some(rows) = self.innermost_table() {
            append_to_cell(current_cell(rows), &text);
            return;
        }
        match kind {
            Kind::Paragraph => self.emit(&text, None),
            Kind::ListItem => self.emit(&format!("{prefix}{text}"), Some(LIST_GROUP)),
        }
    }

    /// Opens a table.
    pub fn start_table(&mut self) {
        self.frames.push(Frame::Table(Vec::new()));
    }

    /// Starts a row of the innermost table.
    pub fn start_row(&mut self) {
        if let Some(Frame::Table(rows)) = self.frames.last_mut() {
            rows.push(Vec::new());
        }
    }

    /// Starts a cell in the current row of the innermost table.
    pub fn start_cell(&mut self) {
        if let Some(Frame::Table(rows)) = self.frames.last_mut() {
            current_row(rows).push(String::new());
        }
    }

    /// Closes the innermost table: one line per non-empty row, cells joined by " | ". A table
    /// nested in a cell is flattened into that cell, so each outer row stays one line.
    pub fn end_table(&mut self) {
        if !matches!(self.frames.last(), Some(Frame::Table(_))) {
            return;
        }
        let Some(Frame::Table(rows)) = self.frames.pop() else { return };
        let lines: Vec<String> = rows.iter().map(|r| row_line(r)).filter(|l| !l.is_empty()).collect();
        if let Some(outer) = self.innermost_table() {
            for line in &lines {
                append_to_cell(current_cell(outer), &line.replace(" | ", " "));
            }
            return;
        }
        self.tables_emitted += 1;
        let group = LIST_GROUP + self.tables_emitted;
        for line in &lines {
            self.emit(line, Some(group));
        }
    }

    /// Adds a finished block. Blocks of the same group (a list, a table) are one line apart;
    /// everything else is one blank line apart.
    pub fn emit(&mut self, text: &str, group: Option<u64>) {
        if text.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str(if group.is_some() && group == self.last_group { "\n" } else { "\n\n" });
        }
        self.out.push_str(text);
        self.last_group = group;
    }

    /// Adds lines that belong together (e.g. footnotes), set off from the text by a blank line.
    pub fn emit_lines(&mut self, lines: &[String]) {
        let group = Some(u64::MAX);
        for line in lines {
            self.emit(line, group);
        }
    }

    /// The text so far, ending in a line break (empty if there is none). Frames still open
    /// (damaged input that ended early is refused before this) are dropped.
    pub fn finish(self) -> String {
        let mut out = self.out;
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }

    fn innermost_table(&mut self) -> Option<&mut Vec<Vec<String>>> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Table(rows) => Some(rows),
            Frame::Para(_) => None,
        })
    }
}

fn current_row(rows: &mut Vec<Vec<String>>) -> &mut Vec<String> {
    if rows.is_empty() {
        rows.push(Vec::new());
    }
    let last = rows.len() - 1;
    &mut rows[last]
}

fn current_cell(rows: &mut Vec<Vec<String>>) -> &mut String {
    let row = current_row(rows);
    if row.is_empty() {
        row.push(String::new());
    }
    let last = row.len() - 1;
    &mut row[last]
}

/// Adds a paragraph to a cell on the same line: a row must stay one line.
fn append_to_cell(cell: &mut String, text: &str) {
    if !cell.trim().is_empty() {
        cell.push(' ');
    }
    cell.push_str(&text.replace('\n', " "));
}

/// A row's line: trimmed cells joined by " | ", without trailing empty cells.
fn row_line(cells: &[String]) -> String {
    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
    let used = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
    cells.get(..used).unwrap_or_default().join(" | ")
}

/// A paragraph's text without trailing spaces on any line, without blank lines at either end
/// and with at most one blank line in a row (from repeated manual line breaks).
pub(super) fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_pending = false;
    for line in raw.split('\n').map(str::trim_end) {
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank_pending = false;
    }
    out
}

/// `n` as a list label in a word-processor numbering format ("1", "a", "A", "i", "I").
pub(super) fn label(n: u32, format: NumberFormat) -> String {
    match format {
        NumberFormat::Decimal => n.to_string(),
        NumberFormat::LowerLetter => letters(n),
        NumberFormat::UpperLetter => letters(n).to_uppercase(),
        NumberFormat::LowerRoman => roman(n),
        NumberFormat::UpperRoman => roman(n).to_uppercase(),
    }
}

/// How an ordered list counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberFormat {
    Decimal,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
}

/// a, b, ... z, aa, bb, ... as word processors letter lists (0 has no letter and stays "0").
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(100) as usize).collect()
}

/// Lower-case Roman numerals; beyond 3,999 (no standard numeral) the decimal number.
fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const PARTS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let (mut n, mut out) = (n, String::new());
    for (value, numeral) in PARTS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Result<Vec<String>, ImportError> {
        let mut seen = Vec::new();
        walk(xml, "test.xml", |n| {
            seen.push(match n {
                Node::Start(e) => format!("<{}|{}{}>", e.ns, e.local, e.attr("val").map(|v| format!(" val={v}")).unwrap_or_default()),
                Node::End(e) => format!("</{}>", e.local),
                Node::Text(t) => t.to_string(),
            });
            Ok(())
        })?;
        Ok(seen)
    }

    #[test]
    fn walk_resolves_namespaces_entities_and_empty_elements() {
        let got = events(r#"<w:d xmlns:w="urn:w"><w:t w:val="a&amp;b">Zoë &amp; José&#x21;&#33;&nbsp;</w:t><w:br/></w:d>"#).unwrap();
        assert_eq!(got, ["<urn:w|d>", "<urn:w|t val=a&b>", "Zoë ", "&", " José", "!", "!", "&nbsp;", "</t>", "<urn:w|br>", "</br>", "</d>"]);
        assert_eq!(events("<x:a><b/></x:a>").unwrap()[0], "<|a>", "an undeclared prefix matches no namespace");
    }

    #[test]
    fn walk_refuses_damaged_and_hostile_xml() {
        let err = |xml: &str| events(xml).unwrap_err().to_string();
        assert!(err("<a><b></a>").contains("not well-formed XML"));
        assert!(err("<a><b>text").contains("ends before all its elements are closed"));
        assert!(err("").contains("holds no XML elements"));
        let deep = format!("{}{}", "<a>".repeat(MAX_DEPTH + 1), "</a>".repeat(MAX_DEPTH + 1));
        assert!(matches!(events(&deep), Err(ImportError::TooLarge(m)) if m.contains("nested too deeply (over 1,000 levels)")));
        let ok = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert!(events(&ok).is_ok());
    }

    #[test]
    fn decode_handles_boms_and_refuses_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>", "p").unwrap(), "<a/>");
        assert_eq!(decode(b"\xFF\xFE<\0a\0/\0>\0", "p").unwrap(), "<a/>");
        assert!(matches!(decode(b"<a>\xFF</a>", "word/document.xml"), Err(ImportError::Malformed(m)) if m.contains("word/document.xml")));
    }

    #[test]
    fn layout_separates_paragraphs_lists_and_tables() {
        let mut l = Layout::default();
        let para = |l: &mut Layout, text: &str, kind: Kind, prefix: &str| {
            l.start_paragraph();
            l.push_str(text);
            l.end_paragraph(kind, prefix);
        };
        para(&mut l, "Heading  ", Kind::Paragraph, "");
        para(&mut l, " \t ", Kind::Paragraph, "");
        para(&mut l, "one", Kind::ListItem, "- ");
        para(&mut l, "two\nmore", Kind::ListItem, "- ");
        l.start_table();
        for row in [["Name", "Role", ""], ["Zoë", "", "carer"], ["", "", ""]] {
            l.start_row();
            for cell in row {
                l.start_cell();
                para(&mut l, cell, Kind::Paragraph, "");
            }
        }
        l.end_table();
        para(&mut l, "\n\nDana: hi \n\n\n\nthere\n", Kind::Paragraph, "");
        assert_eq!(l.finish(), "Heading\n\n- one\n- two\nmore\n\nName | Role\nZoë |  | carer\n\nDana: hi\n\nthere\n");
    }

    #[test]
    fn nested_tables_and_text_boxes_stay_readable() {
        let mut l = Layout::default();
        let cell = |l: &mut Layout, text: &str| {
            l.start_cell();
            l.start_paragraph();
            l.push_str(text);
            l.end_paragraph(Kind::Paragraph, "");
        };
        l.start_table();
        l.start_row();
        l.start_cell();
        l.push_str("\n   dropped: outside a paragraph ");
        l.start_table();
        l.start_row();
        cell(&mut l, "a");
        cell(&mut l, "b");
        l.end_table();
        cell(&mut l, "c");
        l.end_table();
        l.start_paragraph();
        l.push_str("outer");
        l.start_paragraph();
        l.push_str("in a box");
        l.end_paragraph(Kind::Paragraph, "");
        l.end_paragraph(Kind::Paragraph, "");
        assert_eq!(l.finish(), "a b | c\n\nin a box\n\nouter\n");
    }

    #[test]
    fn labels_count_like_word_processors() {
        assert_eq!(label(3, NumberFormat::Decimal), "3");
        assert_eq!(label(28, NumberFormat::LowerLetter), "bb");
        assert_eq!(label(2, NumberFormat::UpperLetter), "B");
        assert_eq!(label(14, NumberFormat::LowerRoman), "xiv");
        assert_eq!(label(1994, NumberFormat::UpperRoman), "MCMXCIV");
    }
}
