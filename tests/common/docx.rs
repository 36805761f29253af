//! Reads a DOCX back for tests: its parts as text, its body paragraphs with their style and the
//! text Word shows (`w:t` content, trimmed unless `xml:space="preserve"`, `w:br` as a line break,
//! `w:tab` as a tab), and its styles.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

/// The parts of a DOCX package, by name.
pub struct Docx {
    pub parts: BTreeMap<String, String>,
}

/// A paragraph of the body (tables and the TOC included), in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// The `w:pStyle` id, empty for Normal.
    pub style: String,
    pub text: String,
}

/// A style of `styles.xml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    pub kind: String,
    pub id: String,
    pub name: String,
    /// `w:outlineLvl`, for headings.
    pub outline: Option<u8>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
}

impl Docx {
    /// Unzips `path`; every XML part must be well-formed.
    pub fn open(path: &Path) -> Docx {
        Docx::from_bytes(&std::fs::read(path).unwrap())
    }

    pub fn from_bytes(bytes: &[u8]) -> Docx {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a ZIP archive");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().unwrap().to_string();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let mut reader = quick_xml::Reader::from_str(&text);
                loop {
                    match reader.read_event() {
                        Ok(Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("{name} is not well-formed: {e}"),
                    }
                }
            }
            parts.insert(name, text);
        }
        Docx { parts }
    }

    pub fn part(&self, name: &str) -> &str {
        self.parts.get(name).unwrap_or_else(|| panic!("no part {name}; parts: {:?}", self.parts.keys()))
    }

    /// The paragraphs of `word/document.xml`.
    pub fn paragraphs(&self) -> Vec<Para> {
        let mut reader = quick_xml::Reader::from_str(self.part("word/document.xml"));
        let mut out = Vec::new();
        let (mut style, mut text, mut in_t, mut preserve) = (String::new(), String::new(), false, false);
        // Word drops the spaces around a `w:t`'s text unless it says xml:space="preserve".
        let mut run = String::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:pStyle" => style = attr(&e, "w:val").unwrap(),
                Event::Start(e) if e.name().as_ref() == "w:t" => {
                    in_t = true;
                    preserve = attr(&e, "xml:space").as_deref() == Some("preserve");
                }
                Event::End(e) if e.name().as_ref() == "w:t" => {
                    in_t = false;
                    text.push_str(if preserve { &run } else { run.trim() });
                    run.clear();
                }
                Event::Empty(e) if e.name().as_ref() == "w:br" && attr(&e, "w:type").is_none() => text.push('\n'),
                Event::Empty(e) if e.name().as_ref() == "w:tab" => text.push('\t'),
                Event::Text(t) if in_t => run.push_str(&t.xml10_content()),
                Event::GeneralRef(r) if in_t => match r.resolve_char_ref().unwrap() {
                    Some(c) => run.push(c),
                    None => run.push_str(quick_xml::escape::resolve_xml_entity(&r).unwrap()),
                },
                Event::End(e) if e.name().as_ref() == "w:p" => {
                    out.push(Para { style: std::mem::take(&mut style), text: std::mem::take(&mut text) });
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// The texts of the paragraphs of style `id`, in order.
    pub fn styled(&self, id: &str) -> Vec<String> {
        self.paragraphs().into_iter().filter(|p| p.style == id).map(|p| p.text).collect()
    }

    /// The styles of `word/styles.xml`, in order.
    pub fn styles(&self) -> Vec<Style> {
        let mut reader = quick_xml::Reader::from_str(self.part("word/styles.xml"));
        let mut out: Vec<Style> = Vec::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) if e.name().as_ref() == "w:style" => out.push(Style {
                    kind: attr(&e, "w:type").unwrap_or_default(),
                    id: attr(&e, "w:styleId").unwrap_or_default(),
                    name: String::new(),
                    outline: None,
                }),
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:name" => {
                    if let Some(s) = out.last_mut() {
                        s.name = attr(&e, "w:val").unwrap();
                    }
                }
                Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:outlineLvl" => {
                    if let Some(s) = out.last_mut() {
                        s.outline = attr(&e, "w:val").and_then(|v| v.parse().ok());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// The style with this id.
    pub fn style(&self, id: &str) -> Style {
        self.styles().into_iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no style {id}"))
    }
}
