//! A small element tree of a REFI-QDA XML file (project.qde or a .qdc), built with the shared
//! safe walker (`xml_text::walk`: well-formedness checked, nesting capped, no recursion on the
//! input). A DOCTYPE that declares entities is refused before parsing: the files come from other
//! people's machines, and the standard has no use for a DTD.

use super::super::ImportError;
use super::super::xml_text::{self, Node};

/// Most elements one file may hold (a project with 200,000 codings has about a million).
const MAX_ELEMENTS: usize = 20_000_000;

/// One element: its local name (namespace ignored: tools write 1.0 and 0:4), attributes and
/// children, and the text directly inside it.
#[derive(Debug, Clone, Default)]
pub(super) struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<El>,
    pub text: String,
}

impl El {
    /// An attribute's value, `None` when absent or blank.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty())
    }

    /// Children with this local name, in document order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first child with this local name.
    pub fn first(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child with this name (e.g. `Description`), `None` when absent or blank.
    pub fn child_text(&self, name: &str) -> Option<String> {
        self.first(name).map(|d| d.text.clone()).filter(|t| !t.trim().is_empty())
    }
}

/// Parses `xml` (the file `part`, for messages) into its root element.
pub(super) fn parse(xml: &str, part: &str) -> Result<El, ImportError> {
    refuse_entity_declarations(xml, part)?;
    let mut stack: Vec<El> = vec![El::default()];
    let mut count = 0usize;
    xml_text::walk(xml, part, |node| {
        match node {
            Node::Start(e) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(ImportError::TooLarge(format!("\"{part}\" holds more than {MAX_ELEMENTS} elements")));
                }
                stack.push(El { name: e.local.to_string(), attrs: e.attrs(), ..El::default() });
            }
            Node::End(_) => {
                if stack.len() > 1 {
                    let done = stack.pop().unwrap_or_default();
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(done);
                    }
                }
            }
            Node::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(t);
                }
            }
        }
        Ok(())
    })?;
    let document = stack.pop().unwrap_or_default();
    document.children.into_iter().next().ok_or_else(|| ImportError::Malformed(format!("\"{part}\" holds no XML elements")))
}

/// Refuses a DOCTYPE that declares entities (billion-laughs and external-entity attacks); a bare
/// DOCTYPE is harmless and ignored.
fn refuse_entity_declarations(xml: &str, part: &str) -> Result<(), ImportError> {
    let Some(at) = xml.find("<!DOCTYPE") else { return Ok(()) };
    let root = xml[at..].find("]>").map_or(xml.len(), |e| at + e);
    if xml[at..root].contains("<!ENTITY") {
        return Err(ImportError::Malformed(format!(
            "\"{part}\" declares XML entities in a DOCTYPE, which REFI-QDA files never need: refused for safety"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_attributes_and_text() {
        let root = parse(r#"<?xml version="1.0"?><P xmlns="urn:x" name="a &amp; b"><D>hi &lt;3</D><C guid="1"/></P>"#, "p.qde").unwrap();
        assert_eq!(root.name, "P");
        assert_eq!(root.attr("name"), Some("a & b"));
        assert_eq!(root.child_text("D").as_deref(), Some("hi <3"));
        assert_eq!(root.all("C").count(), 1);
    }

    #[test]
    fn refuses_entity_declarations_and_broken_xml() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE P [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><P>&b;</P>"#;
        assert!(matches!(parse(bomb, "project.qde"), Err(ImportError::Malformed(m)) if m.contains("project.qde") && m.contains("entities")));
        assert!(matches!(parse("<P><C></P>", "project.qde"), Err(ImportError::Malformed(m)) if m.contains("project.qde")));
        assert!(parse("not xml at all", "x.qdc").is_err());
    }
}
