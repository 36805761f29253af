//! .docx import: a Word document's bytes in, its readable text out (paragraphs, list items,
//! table rows and footnotes in Thicket's plain-text shape, see `xml_text::Layout`).
//!
//! The text is `word/document.xml` read as a stream: paragraphs (`w:p`) with their runs
//! (`w:t`, tabs, manual line breaks), lists (`w:numPr`, numbered when `word/numbering.xml` says
//! so), tables (`w:tbl`), text boxes, and footnote and endnote references, whose notes are
//! appended at the end. What the reader does not see in Word is left out: deleted tracked
//! changes, hidden runs, field instructions, the duplicate "fallback" copy of text boxes, and
//! headers and footers (repeated on every page, they are layout rather than content).

use std::collections::{HashMap, HashSet};

use super::xml_text::{self, Element, Kind, Layout, Node, NumberFormat};
use super::{Extracted, ImportError, archive};
use crate::text::TextError;

const DOCUMENT: &str = "word/document.xml";
/// WordprocessingML, as Word writes it and in the "strict" variant.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility: `mc:Fallback` repeats `mc:Choice` for older readers.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// Deepest `w:basedOn` chain followed; real chains are a handful long, and this stops loops.
const MAX_STYLE_CHAIN: usize = 20;
/// Word's list levels run from 0 to 8.
const LEVELS: usize = 9;

/// Extracts the readable text of a .docx file.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Text(TextError::Empty));
    }
    let mut archive = archive::open(bytes, "a .docx file")?;
    let Some(document) = archive.read(DOCUMENT)? else {
        return Err(ImportError::Malformed(format!("the .docx has no {DOCUMENT} ({})", missing_reason(&archive.names()))));
    };
    // Styles and numbering only decide list markers: when they are damaged the text is still
    // worth having, with plain "- " markers.
    let styles = optional_part(&mut archive, "word/styles.xml", Styles::parse)?.unwrap_or_default();
    let numbering = optional_part(&mut archive, "word/numbering.xml", Numbering::parse)?.unwrap_or_default();
    let mut body = Body::new(&styles, numbering);
    xml_text::walk(&xml_text::decode(&document, DOCUMENT)?, DOCUMENT, |n| body.visit(n))?;
    for (part, kind) in [("word/footnotes.xml", Note::Foot), ("word/endnotes.xml", Note::End)] {
        if body.refs(kind).is_empty() {
            continue;
        }
        if let Some(xml) = archive.read(part)? {
            body.read_notes(&xml_text::decode(&xml, part)?, part)?;
        }
    }
    let has_images = body.images;
    let text = body.finish();
    if text.trim().is_empty() && has_images {
        return Err(ImportError::NoText("the .docx holds images but no text (if they are scanned pages, run OCR first)".into()));
    }
    Ok(Extracted { text, encoding: "UTF-8".into(), ..Default::default() })
}

/// Why an archive without a Word body is not a Word document, as far as its entries tell.
fn missing_reason(names: &[String]) -> &'static str {
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("xl/workbook.xml") {
        "it is an Excel workbook renamed to .docx"
    } else if has("ppt/presentation.xml") {
        "it is a PowerPoint presentation renamed to .docx"
    } else if has("content.xml") {
        "it is an OpenDocument file renamed to .docx; name it .odt"
    } else {
        "it is damaged or not a Word document"
    }
}

/// Parses an optional part; unreadable XML counts as absent, archive limits still apply.
fn optional_part<T>(archive: &mut archive::Archive, part: &str, parse: fn(&str, &str) -> Result<T, ImportError>) -> Result<Option<T>, ImportError> {
    let Some(bytes) = archive.read(part)? else { return Ok(None) };
    Ok(xml_text::decode(&bytes, part).and_then(|xml| parse(&xml, part)).ok())
}

fn is_w(e: &Element<'_>) -> bool {
    e.ns == W || e.ns == W_STRICT
}

/// A `w:val` (or other) attribute read as a small number.
fn number<T: std::str::FromStr>(e: &Element<'_>, attr: &str) -> Option<T> {
    e.attr(attr).and_then(|v| v.trim().parse().ok())
}

/// What a paragraph style contributes to a paragraph: list numbering, or being a heading.
#[derive(Debug, Clone, Default, PartialEq)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    heading: bool,
}

/// Paragraph styles of `word/styles.xml`, by style id.
#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn parse(xml: &str, part: &str) -> Result<Self, ImportError> {
        let mut styles = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        xml_text::walk(xml, part, |node| {
            match node {
                Node::Start(e) if is_w(&e) && e.local == "style" => {
                    current = (e.attr("type").as_deref() == Some("paragraph")).then(|| (e.attr("styleId").unwrap_or_default(), Style::default()));
                }
                Node::Start(e) if is_w(&e) => {
                    if let Some((_, style)) = current.as_mut() {
                        match e.local {
                            "name" => style.heading |= is_heading_name(&e.attr("val").unwrap_or_default()),
                            "basedOn" => style.based_on = e.attr("val"),
                            "outlineLvl" => style.heading |= number::<usize>(&e, "val").is_some_and(|l| l < LEVELS),
                            "numId" => style.num_id = e.attr("val"),
                            "ilvl" => style.ilvl = number(&e, "val"),
                            _ => {}
                        }
                    }
                }
                Node::End(e) if is_w(&e) && e.local == "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(Styles(styles))
    }

    /// The style with its `basedOn` ancestors' settings filled in. A style id missing from
    /// the styles part is judged by the id itself, which Word derives from the English name.
    fn resolve(&self, id: &str) -> Style {
        let mut out = Style { heading: is_heading_name(id), ..Style::default() };
        let mut next = Some(id.to_string());
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(style) = next.and_then(|id| self.0.get(&id)) else { break };
            out.num_id = out.num_id.or_else(|| style.num_id.clone());
            out.ilvl = out.ilvl.or(style.ilvl);
            out.heading |= style.heading;
            next = style.based_on.clone();
        }
        out
    }
}

/// Whether a style name or id is a heading's ("heading 1", "Heading1", "Title").
fn is_heading_name(name: &str) -> bool {
    let name = name.to_lowercase().replace(' ', "");
    name == "title" || name == "subtitle" || name.strip_prefix("heading").is_some_and(|n| n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()))
}

/// How one level of a list is marked.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Bullet,
    Number(NumberFormat),
    /// `w:numFmt="none"`: indented like a list but without a visible marker.
    Nothing,
}

/// One level of an abstract list. A level without `w:numFmt` is decimal, as in Word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Level {
    marker: Option<Marker>,
    start: Option<i64>,
}

/// A `w:num`: which abstract list it uses, and where it restarts levels.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: Vec<(usize, i64)>,
}

/// `word/numbering.xml`, plus the running counters that number the paragraphs.
#[derive(Debug, Default)]
struct Numbering {
    nums: HashMap<String, Num>,
    levels: HashMap<String, [Option<Level>; LEVELS]>,
    /// Last number given at each level, per abstract list: Word numbers lists that share an
    /// abstract definition as one list unless a `w:num` restarts it.
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    used: HashSet<String>,
}

impl Numbering {
    fn parse(xml: &str, part: &str) -> Result<Self, ImportError> {
        let mut n = Numbering::default();
        let (mut abstract_id, mut num_id, mut level, mut override_level) = (None::<String>, None::<String>, None::<usize>, None::<usize>);
        xml_text::walk(xml, part, |node| {
            match node {
                Node::Start(e) if is_w(&e) => match e.local {
                    "abstractNum" => abstract_id = e.attr("abstractNumId"),
                    "num" => num_id = e.attr("numId"),
                    "lvl" if num_id.is_none() => {
                        level = number::<usize>(&e, "ilvl").filter(|l| *l < LEVELS);
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            n.levels.entry(a.clone()).or_default()[l].get_or_insert_default();
                        }
                    }
                    "lvlOverride" => override_level = number::<usize>(&e, "ilvl").filter(|l| *l < LEVELS),
                    "abstractNumId" => {
                        if let Some(id) = &num_id {
                            n.nums.entry(id.clone()).or_default().abstract_id = e.attr("val").unwrap_or_default();
                        }
                    }
                    "startOverride" => {
                        if let (Some(id), Some(l), Some(start)) = (&num_id, override_level, number(&e, "val")) {
                            n.nums.entry(id.clone()).or_default().start_overrides.push((l, start));
                        }
                    }
                    "start" | "numFmt" => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let slot = n.levels.entry(a.clone()).or_default()[l].get_or_insert_default();
                            match e.local {
                                "start" => slot.start = number(&e, "val"),
                                _ => slot.marker = Some(marker(e.attr("val").as_deref())),
                            }
                        }
                    }
                    _ => {}
                },
                Node::End(e) if is_w(&e) => match e.local {
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    "lvl" => level = None,
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
            Ok(())
        })?;
        Ok(n)
    }

    /// The marker (with indentation) of the next paragraph of list `num_id` at level `ilvl`,
    /// or `None` when the paragraph is not a list item after all (`w:numId="0"`, no marker).
    fn next_prefix(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        if num_id == "0" {
            return None;
        }
        let ilvl = ilvl.min(LEVELS - 1);
        let indent = "  ".repeat(ilvl);
        let num = self.nums.get(num_id).cloned().unwrap_or_default();
        let level = self.levels.get(&num.abstract_id).and_then(|l| l[ilvl]);
        let marker = level.map_or(Marker::Bullet, |l| l.marker.unwrap_or(Marker::Number(NumberFormat::Decimal)));
        let start = level.and_then(|l| l.start).unwrap_or(1);
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.used.insert(num_id.to_string()) {
            for (l, start) in &num.start_overrides {
                if let Some(c) = counters.get_mut(*l) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        match marker {
            Marker::Bullet => Some(format!("{indent}- ")),
            Marker::Nothing => None,
            Marker::Number(format) => {
                let n = counters[ilvl].map_or(start, |last| last.saturating_add(1));
                counters[ilvl] = Some(n);
                let n = u32::try_from(n.max(0)).unwrap_or(u32::MAX);
                Some(format!("{indent}{}. ", xml_text::label(n, format)))
            }
        }
    }
}

/// The marker a `w:numFmt` value stands for.
fn marker(format: Option<&str>) -> Marker {
    match format {
        Some("bullet") => Marker::Bullet,
        Some("none") => Marker::Nothing,
        Some("lowerLetter") => Marker::Number(NumberFormat::LowerLetter),
        Some("upperLetter") => Marker::Number(NumberFormat::UpperLetter),
        Some("lowerRoman") => Marker::Number(NumberFormat::LowerRoman),
        Some("upperRoman") => Marker::Number(NumberFormat::UpperRoman),
        _ => Marker::Number(NumberFormat::Decimal),
    }
}

/// Footnotes or endnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Note {
    Foot,
    End,
}

/// The paragraph properties that matter here, collected from `w:pPr`.
#[derive(Debug, Default)]
struct ParaProps {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The state of a walk through a document (or notes) part.
struct Body<'s> {
    styles: &'s Styles,
    numbering: Numbering,
    layout: Layout,
    paras: Vec<ParaProps>,
    /// Depth inside an element whose content Word does not show (0: showing).
    skip: usize,
    in_ppr: usize,
    in_run: usize,
    in_run_props: usize,
    in_text: usize,
    hidden_run: bool,
    images: bool,
    foot_refs: Vec<String>,
    end_refs: Vec<String>,
    /// Each referenced note's number, so repeated references are found without a scan.
    ref_numbers: HashMap<(Note, String), usize>,
    notes: HashMap<(Note, String), String>,
    /// While reading one note: which, and the layout it interrupted.
    capture: Option<(Note, String, Layout)>,
}

impl<'s> Body<'s> {
    fn new(styles: &'s Styles, numbering: Numbering) -> Self {
        Body {
            styles,
            numbering,
            layout: Layout::default(),
            paras: Vec::new(),
            skip: 0,
            in_ppr: 0,
            in_run: 0,
            in_run_props: 0,
            in_text: 0,
            hidden_run: false,
            images: false,
            foot_refs: Vec::new(),
            end_refs: Vec::new(),
            ref_numbers: HashMap::new(),
            notes: HashMap::new(),
            capture: None,
        }
    }

    fn refs(&self, kind: Note) -> &[String] {
        match kind {
            Note::Foot => &self.foot_refs,
            Note::End => &self.end_refs,
        }
    }

    fn visit(&mut self, node: Node<'_>) -> Result<(), ImportError> {
        match node {
            Node::Start(e) => self.start(&e),
            Node::End(e) => self.end(&e),
            Node::Text(t) => {
                if self.skip == 0 && self.in_text > 0 && self.in_run > 0 && !self.hidden_run {
                    self.layout.push_str(t);
                }
            }
        }
        Ok(())
    }

    fn start(&mut self, e: &Element<'_>) {
        if self.skip > 0 || hidden_element(e) {
            self.skip += 1;
            return;
        }
        if !is_w(e) {
            return;
        }
        match e.local {
            "p" => {
                self.paras.push(ParaProps::default());
                self.layout.start_paragraph();
            }
            "pPr" => self.in_ppr += 1,
            "pStyle" | "numId" | "ilvl" if self.in_ppr > 0 => self.paragraph_property(e),
            "r" => {
                self.in_run += 1;
                self.hidden_run = false;
            }
            "rPr" if self.in_run > 0 => self.in_run_props += 1,
            "vanish" if self.in_run_props > 0 => self.hidden_run = !matches!(e.attr("val").as_deref(), Some("0" | "false" | "off")),
            "t" => self.in_text += 1,
            "tab" | "ptab" if self.in_run > 0 => self.run_text("\t"),
            "br" | "cr" if self.in_run > 0 => self.run_text("\n"),
            "noBreakHyphen" if self.in_run > 0 => self.run_text("-"),
            "footnoteReference" => self.reference(Note::Foot, e),
            "endnoteReference" => self.reference(Note::End, e),
            "tbl" => self.layout.start_table(),
            "tr" => self.layout.start_row(),
            "tc" => self.layout.start_cell(),
            "drawing" | "pict" | "object" => self.images = true,
            "footnote" | "endnote" => self.start_note(e),
            _ => {}
        }
    }

    fn end(&mut self, e: &Element<'_>) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if !is_w(e) {
            return;
        }
        match e.local {
            "p" => self.end_paragraph(),
            "pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            "r" => {
                self.in_run = self.in_run.saturating_sub(1);
                self.hidden_run = false;
            }
            "rPr" if self.in_run > 0 => self.in_run_props = self.in_run_props.saturating_sub(1),
            "t" => self.in_text = self.in_text.saturating_sub(1),
            "tbl" => self.layout.end_table(),
            "footnote" | "endnote" => self.end_note(),
            _ => {}
        }
    }

    fn run_text(&mut self, s: &str) {
        if !self.hidden_run {
            self.layout.push_str(s);
        }
    }

    fn paragraph_property(&mut self, e: &Element<'_>) {
        let Some(props) = self.paras.last_mut() else { return };
        match e.local {
            "pStyle" => props.style = e.attr("val"),
            "numId" => props.num_id = e.attr("val"),
            _ => props.ilvl = number(e, "val"),
        }
    }

    fn end_paragraph(&mut self) {
        let props = self.paras.pop().unwrap_or_default();
        let style = props.style.as_deref().map(|s| self.styles.resolve(s)).unwrap_or_default();
        // Numbered headings ("2.1 Method") are headings, not list items.
        let prefix = match props.num_id.or(style.num_id) {
            Some(num_id) if !style.heading => self.numbering.next_prefix(&num_id, props.ilvl.or(style.ilvl).unwrap_or(0)),
            _ => None,
        };
        match prefix {
            Some(prefix) => self.layout.end_paragraph(Kind::ListItem, &prefix),
            None => self.layout.end_paragraph(Kind::Paragraph, ""),
        }
    }

    /// A footnote or endnote mark: numbered in order of first reference, as Word shows them.
    fn reference(&mut self, kind: Note, e: &Element<'_>) {
        let Some(id) = e.attr("id") else { return };
        let refs = match kind {
            Note::Foot => &mut self.foot_refs,
            Note::End => &mut self.end_refs,
        };
        let n = *self.ref_numbers.entry((kind, id.clone())).or_insert_with(|| {
            refs.push(id);
            refs.len()
        });
        self.layout.push_str(&format!("[{}]", note_label(kind, n)));
    }

    /// Reads a footnotes or endnotes part into `notes`; text outside the notes is dropped.
    fn read_notes(&mut self, xml: &str, part: &str) -> Result<(), ImportError> {
        let main = std::mem::take(&mut self.layout);
        let result = xml_text::walk(xml, part, |n| self.visit(n));
        self.layout = main;
        result
    }

    fn start_note(&mut self, e: &Element<'_>) {
        let kind = if e.local == "footnote" { Note::Foot } else { Note::End };
        // Separators are the rule above the notes, not a note.
        if e.attr("type").is_some_and(|t| t != "normal") || self.capture.is_some() {
            return;
        }
        if let Some(id) = e.attr("id") {
            let outer = std::mem::take(&mut self.layout);
            self.capture = Some((kind, id, outer));
        }
    }

    fn end_note(&mut self) {
        if let Some((kind, id, outer)) = self.capture.take() {
            let note = std::mem::replace(&mut self.layout, outer).finish();
            self.notes.insert((kind, id), note);
        }
    }

    /// The document's text with its notes appended, one line each, below a blank line.
    fn finish(self) -> String {
        let mut lines = Vec::new();
        for (kind, refs) in [(Note::Foot, &self.foot_refs), (Note::End, &self.end_refs)] {
            for (i, id) in refs.iter().enumerate() {
                if let Some(text) = self.notes.get(&(kind, id.clone())) {
                    let text = text.trim().replace("\n\n", "\n");
                    if !text.is_empty() {
                        lines.push(format!("[{}] {text}", note_label(kind, i + 1)));
                    }
                }
            }
        }
        let mut layout = self.layout;
        layout.emit_lines(&lines);
        layout.finish()
    }
}

/// Footnotes count 1, 2, 3; endnotes i, ii, iii, as in Word's defaults.
fn note_label(kind: Note, n: usize) -> String {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    match kind {
        Note::Foot => n.to_string(),
        Note::End => xml_text::label(n, NumberFormat::LowerRoman),
    }
}

/// Elements whose content Word does not show as text: deleted and moved-away revisions, the
/// previous formatting of a revision, field instructions and content-control settings.
const HIDDEN: &[&str] = &[
    "del", "moveFrom", "delText", "delInstrText", "instrText", "pPrChange", "rPrChange", "sectPrChange", "tblPrChange",
    "trPrChange", "tcPrChange", "numberingChange", "sdtPr", "sdtEndPr",
];

/// Whether an element's content is left out: one of [`HIDDEN`], or the fallback copy of
/// drawings that `mc:Choice` already holds.
fn hidden_element(e: &Element<'_>) -> bool {
    if e.ns == MC {
        return e.local == "Fallback";
    }
    is_w(e) && HIDDEN.contains(&e.local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

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

    /// A .docx whose body is `body`, with extra parts (styles, numbering, notes).
    fn docx(body: &str, parts: &[(&str, &str)]) -> Vec<u8> {
        let mut entries = vec![(DOCUMENT, format!("<?xml version=\"1.0\"?><w:document {NS}><w:body>{body}</w:body></w:document>"))];
        for (name, xml) in parts {
            entries.push((name, xml.replace("NS", NS)));
        }
        zip_of(&entries)
    }

    fn text(body: &str, parts: &[(&str, &str)]) -> String {
        extract(&docx(body, parts)).unwrap().text
    }

    fn p(inner: &str) -> String {
        format!("<w:p>{inner}</w:p>")
    }

    fn r(t: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r>")
    }

    #[test]
    fn runs_tabs_breaks_and_entities_make_the_paragraph() {
        let body = p(&format!(
            "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>{}<w:r><w:tab/><w:t xml:space=\"preserve\">Zoë &amp; José &#8211; </w:t><w:br/><w:t>next line</w:t></w:r>",
            r("Dana:")
        ));
        let got = extract(&docx(&(body + &p("") + &p(&r("  ")) + &p(&r("Second."))), &[])).unwrap();
        assert_eq!(got.text, "Dana:\tZoë & José –\nnext line\n\nSecond.\n");
        assert_eq!((got.encoding.as_str(), got.page_starts, got.turns.len()), ("UTF-8", None, 0));
    }

    #[test]
    fn what_word_does_not_show_is_left_out() {
        let body = p(&format!(
            "{}<w:del w:id=\"1\"><w:r><w:delText>social services</w:delText></w:r></w:del><w:ins w:id=\"2\">{}</w:ins>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t> shown</w:t></w:r>\
             <w:moveFrom w:id=\"3\">{}</w:moveFrom>",
            r("Call "),
            r("children's services"),
            r(" on page 3"),
            r("moved away")
        ));
        assert_eq!(text(&body, &[]), "Call children's services on page 3 shown\n");
    }

    #[test]
    fn text_boxes_count_once_and_come_before_their_anchor() {
        let boxed = format!("<w:txbxContent>{}</w:txbxContent>", p(&r("Note in a box")));
        let body = p(&format!(
            "{}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{boxed}</w:drawing></mc:Choice><mc:Fallback><w:pict>{boxed}</w:pict></mc:Fallback></mc:AlternateContent></w:r>{}",
            r("Before"),
            r(" after.")
        ));
        assert_eq!(text(&body, &[]), "Note in a box\n\nBefore after.\n");
    }

    #[test]
    fn tables_give_one_line_per_row() {
        let cell = |inner: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{inner}</w:tc>");
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let nested = format!("<w:tbl>{}</w:tbl>", row(&[cell(&p(&r("a"))), cell(&p(&r("b")))]));
        let table = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&[cell(&p(&r("Date"))), cell(&p(&r("Contact"))), cell(&p(""))]),
            row(&[cell(&(p(&r("05/03")) + &p(&r("(am)")))), cell(&nested), cell(&p(&r("Home visit")))]),
            row(&[cell(&p("")), cell(&p(""))])
        );
        assert_eq!(
            text(&(p(&r("Contacts")) + &table + &p(&r("After."))), &[]),
            "Contacts\n\nDate | Contact\n05/03 (am) | a b | Home visit\n\nAfter.\n"
        );
    }

    const NUMBERING: &str = r#"<w:numbering NS>
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles NS>
        <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="MyBullets"><w:name w:val="My bullets"/><w:basedOn w:val="ListBullet"/></w:style>
        <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
    </w:styles>"#;

    fn item(num: &str, ilvl: u8, t: &str) -> String {
        p(&format!("<w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}", r(t)))
    }

    fn styled(style: &str, t: &str) -> String {
        p(&format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}", r(t)))
    }

    #[test]
    fn lists_are_numbered_as_word_numbers_them() {
        let body = [
            styled("Kop1", "Actions"),
            item("1", 0, "Register with the GP"),
            item("1", 1, "this week"),
            item("1", 1, "bring ID"),
            item("1", 0, "Chase the repair"),
            styled("Normal", "Between lists."),
            item("1", 0, "continues the shared list"),
            item("3", 0, "restarts"),
            styled("MyBullets", "inherited bullet"),
            item("2", 1, "no marker at this level"),
            item("4", 0, "roman from four"),
            item("0", 0, "numbering removed"),
            item("9", 0, "unknown list"),
            styled("Loop", "a style based on itself"),
        ]
        .concat();
        assert_eq!(
            text(&body, &[("word/numbering.xml", NUMBERING), ("word/styles.xml", STYLES)]),
            "Actions\n\n1. Register with the GP\n  a. this week\n  b. bring ID\n2. Chase the repair\n\nBetween lists.\n\n\
             3. continues the shared list\n1. restarts\n- inherited bullet\n\nno marker at this level\n\nIV. roman from four\n\n\
             numbering removed\n\n- unknown list\n\na style based on itself\n"
        );
    }

    #[test]
    fn without_numbering_parts_list_items_get_bullets_and_damaged_ones_are_ignored() {
        let body = [styled("Heading1", "Plan"), item("5", 0, "one"), item("5", 2, "deeper")].concat();
        assert_eq!(text(&body, &[]), "Plan\n\n- one\n    - deeper\n");
        assert_eq!(text(&body, &[("word/numbering.xml", "<w:numbering NS><w:num>"), ("word/styles.xml", "\u{0}")]), "Plan\n\n- one\n    - deeper\n");
    }

    #[test]
    fn notes_are_numbered_by_first_reference_and_appended() {
        let body = p(&format!(
            "{}<w:r><w:footnoteReference w:id=\"7\"/></w:r>{}<w:r><w:endnoteReference w:id=\"2\"/></w:r>{}<w:r><w:footnoteReference w:id=\"3\"/></w:r>",
            r("Plan"),
            r(" agreed"),
            r(" at the meeting")
        ));
        let footnotes = r#"<w:footnotes NS>
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> First note,</w:t></w:r></w:p><w:p><w:r><w:t>two paragraphs.</w:t></w:r></w:p></w:footnote>
        </w:footnotes>"#;
        let endnotes = r#"<w:endnotes NS><w:endnote w:id="2"><w:p><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>"#;
        assert_eq!(
            text(&body, &[("word/footnotes.xml", footnotes), ("word/endnotes.xml", endnotes)]),
            "Plan[1] agreed[i] at the meeting[2]\n\n[1] First note,\ntwo paragraphs.\n[2] Second note.\n[i] An endnote.\n"
        );
        assert_eq!(text(&body, &[]), "Plan[1] agreed[i] at the meeting[2]\n", "missing notes parts leave the marks");
    }

    #[test]
    fn bad_files_give_reasons() {
        let err = |bytes: &[u8]| extract(bytes).unwrap_err();
        assert!(matches!(err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), ImportError::Malformed(m) if m.contains("not a ZIP archive")));
        let xlsx = zip_of(&[("xl/workbook.xml", "<workbook/>".into())]);
        assert_eq!(err(&xlsx), ImportError::Malformed("the .docx has no word/document.xml (it is an Excel workbook renamed to .docx)".into()));
        let odt = zip_of(&[("content.xml", "<x/>".into())]);
        assert!(matches!(err(&odt), ImportError::Malformed(m) if m.contains("name it .odt")));
        assert!(matches!(err(&zip_of(&[("a.txt", String::new())])), ImportError::Malformed(m) if m.contains("damaged or not a Word document")));
        assert!(matches!(err(&docx("<w:p><w:r><w:t>open", &[])), ImportError::Malformed(m) if m.contains("not well-formed") || m.contains("closed")));
        let images = docx(&p("<w:r><w:drawing><wp:inline xmlns:wp=\"urn:wp\"/></w:drawing></w:r>"), &[]);
        assert!(matches!(err(&images), ImportError::NoText(m) if m.contains("OCR")));
        assert_eq!(extract(&docx(&p(""), &[])).unwrap().text, "", "an empty document is left to the caller's empty check");
        let broken_notes = docx(&p("<w:r><w:footnoteReference w:id=\"1\"/></w:r>"), &[("word/footnotes.xml", "<w:footnotes NS><w:footnote>")]);
        assert!(matches!(err(&broken_notes), ImportError::Malformed(m) if m.contains("word/footnotes.xml")));
    }

    #[test]
    fn heading_names_are_recognised() {
        assert!(is_heading_name("heading 3") && is_heading_name("Heading9") && is_heading_name("Title"));
        assert!(!is_heading_name("Heading10") && !is_heading_name("Header") && !is_heading_name("headings"));
    }
}
