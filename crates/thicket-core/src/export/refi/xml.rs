//! [`RefiProject`] as `project.qde`, and codes as a `.qdc`: quick-xml events in the order the
//! schemas' sequences demand, indented by two spaces, UTF-8 without BOM.
//!
//! Escaping is done here rather than by quick-xml, because XML would otherwise change some
//! values on the way in: a line break or tab inside an attribute is read back as a space, and a
//! carriage return anywhere is read as a line feed, so those are written as character references.
//! Characters XML 1.0 cannot carry at all (most control characters) become U+FFFD in names, notes
//! and descriptions; a selection whose text holds one is written without its `name`.

use std::io::{Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::collect::{CodeNode, RefiProject, Value, VariableType, xml_char};
use crate::error::{Error, Result};

const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// `s` escaped for an attribute value (in double quotes) or for text.
fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An element being opened: its name and attributes, escaped as they are added.
struct Tag(BytesStart<'static>);

impl Tag {
    fn new(name: &'static str) -> Self {
        Tag(BytesStart::new(name))
    }

    fn attr(mut self, key: &'static str, value: &str) -> Self {
        self.0.push_attribute(Attribute { key: QName(key), value: escape(value, true).into() });
        self
    }

    fn opt(self, key: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.attr(key, v),
            None => self,
        }
    }
}

struct Xml<W: Write> {
    w: Writer<W>,
}

type Io = std::io::Result<()>;

impl Xml<Cursor<Vec<u8>>> {
    fn new() -> Result<Self> {
        Xml::to(Cursor::new(Vec::with_capacity(1 << 16)))
    }

    fn finish(mut self) -> Vec<u8> {
        self.end().unwrap_or_default();
        self.w.into_inner().into_inner()
    }
}

impl<W: Write> Xml<W> {
    /// XML written to `out` as it is made (a zip entry: no copy of the whole document is held).
    fn to(out: W) -> Result<Self> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), Some("yes")))).map_err(failed)?;
        Ok(Xml { w })
    }

    /// The final line break, and everything buffered written out.
    fn end(&mut self) -> Io {
        self.w.get_mut().write_all(b"\n")?;
        self.w.get_mut().flush()
    }

    fn open(&mut self, tag: Tag) -> Io {
        self.w.write_event(Event::Start(tag.0))
    }

    fn close(&mut self, name: &'static str) -> Io {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn empty(&mut self, tag: Tag) -> Io {
        self.w.write_event(Event::Empty(tag.0))
    }

    /// `<name>text</name>`, on one line whatever the indentation (the text is the value).
    fn text(&mut self, name: &'static str, text: &str) -> Io {
        self.w.write_event(Event::Start(BytesStart::new(name)))?;
        self.w.write_event(Event::Text(BytesText::from_escaped(escape(text, false))))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// A `Description` when `text` is not blank.
    fn description(&mut self, text: &str) -> Io {
        if text.trim().is_empty() { Ok(()) } else { self.text("Description", text) }
    }

    fn refs(&mut self, name: &'static str, key: &'static str, guids: &[String]) -> Io {
        guids.iter().try_for_each(|g| self.empty(Tag::new(name).attr(key, g)))
    }

}

fn failed(e: std::io::Error) -> Error {
    Error::internal(format!("cannot write the REFI-QDA XML: {e}"))
}

/// `project.qde`, written to `out`.
pub(super) fn project_qde(p: &RefiProject, out: impl Write) -> Result<()> {
    let mut x = Xml::to(out)?;
    write_project(&mut x, p).and_then(|()| x.end()).map_err(failed)
}

fn write_project<W: Write>(x: &mut Xml<W>, p: &RefiProject) -> Io {
    x.open(
        Tag::new("Project")
            .attr("xmlns", PROJECT_NS)
            .attr("name", &p.name)
            .attr("origin", &p.origin)
            .opt("creationDateTime", p.created.as_deref()),
    )?;
    if !p.users.is_empty() {
        x.open(Tag::new("Users"))?;
        for u in &p.users {
            x.empty(Tag::new("User").attr("guid", &u.guid).attr("name", &u.name))?;
        }
        x.close("Users")?;
    }
    if !p.codes.is_empty() {
        x.open(Tag::new("CodeBook"))?;
        x.open(Tag::new("Codes"))?;
        p.codes.iter().try_for_each(|c| write_code(x, c, true))?;
        x.close("Codes")?;
        x.close("CodeBook")?;
    }
    if !p.variables.is_empty() {
        x.open(Tag::new("Variables"))?;
        for v in &p.variables {
            let tag = Tag::new("Variable").attr("guid", &v.guid).attr("name", &v.name).attr("typeOfVariable", v.kind.as_str());
            if v.description.trim().is_empty() {
                x.empty(tag)?;
            } else {
                x.open(tag)?;
                x.description(&v.description)?;
                x.close("Variable")?;
            }
        }
        x.close("Variables")?;
    }
    if !p.cases.is_empty() {
        x.open(Tag::new("Cases"))?;
        for c in &p.cases {
            x.open(Tag::new("Case").attr("guid", &c.guid).attr("name", &c.name))?;
            x.description(&c.description)?;
            write_values(x, &c.values)?;
            x.refs("SourceRef", "targetGUID", &c.sources)?;
            x.close("Case")?;
        }
        x.close("Cases")?;
    }
    if !p.sources.is_empty() {
        x.open(Tag::new("Sources"))?;
        for s in &p.sources {
            x.open(
                Tag::new("TextSource")
                    .attr("guid", &s.guid)
                    .attr("name", &s.name)
                    .attr("plainTextPath", &format!("internal://{}.txt", s.guid))
                    .opt("creationDateTime", s.created.as_deref()),
            )?;
            for sel in &s.selections {
                x.open(
                    Tag::new("PlainTextSelection")
                        .attr("guid", &sel.guid)
                        .opt("name", sel.name.as_deref())
                        .attr("startPosition", &sel.start.to_string())
                        .attr("endPosition", &sel.end.to_string())
                        .opt("creatingUser", sel.user.as_deref())
                        .opt("creationDateTime", sel.created.as_deref()),
                )?;
                for c in &sel.codings {
                    x.open(Tag::new("Coding").attr("guid", &c.guid).opt("creatingUser", c.user.as_deref()).opt("creationDateTime", c.created.as_deref()))?;
                    x.empty(Tag::new("CodeRef").attr("targetGUID", &c.code))?;
                    x.refs("NoteRef", "targetGUID", &c.notes)?;
                    x.close("Coding")?;
                }
                x.refs("NoteRef", "targetGUID", &sel.notes)?;
                x.close("PlainTextSelection")?;
            }
            x.refs("NoteRef", "targetGUID", &s.notes)?;
            write_values(x, &s.values)?;
            x.close("TextSource")?;
        }
        x.close("Sources")?;
    }
    if !p.notes.is_empty() {
        x.open(Tag::new("Notes"))?;
        for n in &p.notes {
            x.open(
                Tag::new("Note")
                    .attr("guid", &n.guid)
                    .attr("name", &n.name)
                    .opt("creatingUser", n.user.as_deref())
                    .opt("creationDateTime", n.created.as_deref())
                    .opt("modifiedDateTime", n.modified.as_deref()),
            )?;
            x.text("PlainTextContent", &n.text)?;
            x.close("Note")?;
        }
        x.close("Notes")?;
    }
    if !p.links.is_empty() {
        x.open(Tag::new("Links"))?;
        for l in &p.links {
            x.empty(Tag::new("Link").attr("guid", &l.guid).attr("name", &l.name).attr("direction", "OneWay").attr("originGUID", &l.origin).attr("targetGUID", &l.target))?;
        }
        x.close("Links")?;
    }
    if !p.sets.is_empty() {
        x.open(Tag::new("Sets"))?;
        for s in &p.sets {
            x.open(Tag::new("Set").attr("guid", &s.guid).attr("name", &s.name))?;
            x.description(&s.description)?;
            x.refs("MemberSource", "targetGUID", &s.sources)?;
            x.close("Set")?;
        }
        x.close("Sets")?;
    }
    x.refs("NoteRef", "targetGUID", &p.project_notes)?;
    x.close("Project")
}

fn write_code<W: Write>(x: &mut Xml<W>, c: &CodeNode, with_notes: bool) -> Io {
    let tag = Tag::new("Code").attr("guid", &c.guid).attr("name", &c.name).attr("isCodable", "true").attr("color", &c.color);
    let notes = if with_notes { c.notes.as_slice() } else { &[] };
    if c.description.trim().is_empty() && notes.is_empty() && c.children.is_empty() {
        return x.empty(tag);
    }
    x.open(tag)?;
    x.description(&c.description)?;
    x.refs("NoteRef", "targetGUID", notes)?;
    c.children.iter().try_for_each(|child| write_code(x, child, with_notes))?;
    x.close("Code")
}

fn write_values<W: Write>(x: &mut Xml<W>, values: &[Value]) -> Io {
    for v in values {
        x.open(Tag::new("VariableValue"))?;
        x.empty(Tag::new("VariableRef").attr("targetGUID", &v.variable))?;
        let element = match v.kind {
            VariableType::Text => "TextValue",
            VariableType::Integer => "IntegerValue",
            VariableType::Float => "FloatValue",
            VariableType::Date => "DateValue",
        };
        x.text(element, &v.value)?;
        x.close("VariableValue")?;
    }
    Ok(())
}

/// A `.qdc` file: `CodeBook` with its `Codes` (no notes: the codebook schema has none).
pub(super) fn codebook_qdc(codes: &[CodeNode], origin: &str) -> Result<Vec<u8>> {
    let mut x = Xml::new()?;
    let write = |x: &mut Xml<Cursor<Vec<u8>>>| -> Io {
        x.open(Tag::new("CodeBook").attr("xmlns", CODEBOOK_NS).attr("origin", origin))?;
        x.open(Tag::new("Codes"))?;
        codes.iter().try_for_each(|c| write_code(x, c, false))?;
        x.close("Codes")?;
        x.close("CodeBook")
    };
    write(&mut x).map_err(failed)?;
    Ok(x.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_keep_line_breaks_tabs_and_quotes() {
        assert_eq!(escape("a\"b\n\tc\r<&>", true), "a&quot;b&#10;&#9;c&#13;&lt;&amp;&gt;");
        assert_eq!(escape("a\"b\n\tc", false), "a\"b\n\tc");
        assert_eq!(escape("page\u{C}break\u{0}", false), "page\u{FFFD}break\u{FFFD}");
    }

    #[test]
    fn text_elements_are_not_indented_inside() {
        let mut x = Xml::new().unwrap_or_else(|e| panic!("{e}"));
        x.open(Tag::new("Note")).unwrap_or_default();
        x.text("PlainTextContent", "  two\nlines ").unwrap_or_default();
        x.close("Note").unwrap_or_default();
        let out = String::from_utf8(x.finish()).unwrap_or_default();
        assert!(out.contains("<PlainTextContent>  two\nlines </PlainTextContent>"), "{out}");
    }
}
