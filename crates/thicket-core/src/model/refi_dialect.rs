//! The Thicket dialect of REFI-QDA: the names and Descriptions Thicket's export writes so that
//! its own import can give back what the standard has no place for (session dates, authors,
//! roles, source kinds, attribute types and categories, the four parts of a code description).
//! Plain data and pure functions, shared by the exporter (`export::refi`) and the importer
//! (`project::refi`), which sit in different layers.

use super::{AttributeTarget, AttributeType, CodeDescription};

/// Name of the built-in variable holding a source's session date (Date, on sources).
pub const SESSION_DATE: &str = "Session date";
/// Name of the built-in variable holding who wrote a source (Text, on sources).
pub const AUTHOR: &str = "Author";
/// Name of the built-in variable holding a participant's role label (Text, on participant cases).
pub const ROLE: &str = "Participant role";
/// How the Description of every built-in variable starts.
pub const BUILTIN_MARK: &str = "Thicket:";
/// How `Project@origin` of a Thicket export starts.
pub const ORIGIN_PREFIX: &str = "Thicket ";
/// How the name of the `Note` of an untitled memo starts ("Memo on case \"Harlow family\""): the
/// standard wants a name, Thicket's memo has none, so an import of a Thicket export drops it again.
pub const UNTITLED_MEMO: &str = "Memo on ";
/// The name of a set of sources of one kind is this and the kind's label ("Kind: Interview").
pub const KIND_SET: &str = "Kind: ";
/// The name of the `Link` from a participant's `Case` to each case it belongs to.
pub const PARTICIPANT_OF: &str = "Participant of";

/// How a variable's Description names the entities its attribute is on ("Attribute of cases").
const ATTRIBUTE_OF: &str = "Attribute of ";
/// What follows, for a category attribute, before its categories (each ended by ";").
const CATEGORIES: &str = "; categories: ";

/// The entities an attribute is on, as a variable's Description and its name suffix says them.
fn target_words(t: AttributeTarget) -> &'static str {
    match t {
        AttributeTarget::Case => "cases",
        AttributeTarget::Participant => "participants",
        AttributeTarget::Source => "sources",
    }
}

/// A variable's name: the attribute's, with " (cases)" and so on after it when the name is also
/// used on another kind of entity (variables are one list in the standard).
/// [`parse_attribute_description`] tells the importer which it was.
pub fn variable_name(name: &str, target: AttributeTarget, shared: bool) -> String {
    if shared { format!("{name} ({})", target_words(target)) } else { name.to_string() }
}

/// A variable's Description: "Attribute of cases", and for a category attribute
/// "; categories: " and each category (never empty) followed by ";" (a ";" inside one is doubled).
pub fn describe_attribute(target: AttributeTarget, value_type: AttributeType, categories: &[String]) -> String {
    let mut text = format!("{ATTRIBUTE_OF}{}", target_words(target));
    if value_type == AttributeType::Category && !categories.is_empty() {
        text.push_str(CATEGORIES);
        for c in categories {
            text.push_str(&c.replace(';', ";;"));
            text.push(';');
        }
    }
    text
}

/// What [`describe_attribute`] wrote: the entities and, for a category attribute, its categories
/// (empty for any other); `None` for a Description it did not write.
pub fn parse_attribute_description(text: &str) -> Option<(AttributeTarget, Vec<String>)> {
    let rest = text.strip_prefix(ATTRIBUTE_OF)?;
    let (words, list) = match rest.split_once(CATEGORIES) {
        Some((w, l)) => (w, Some(l)),
        None => (rest, None),
    };
    let target = [AttributeTarget::Case, AttributeTarget::Participant, AttributeTarget::Source].into_iter().find(|t| target_words(*t) == words)?;
    let mut categories = Vec::new();
    if let Some(list) = list {
        let mut current = String::new();
        let mut chars = list.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                ';' if chars.peek() == Some(&';') => {
                    chars.next();
                    current.push(';');
                }
                ';' => categories.push(std::mem::take(&mut current)),
                c => current.push(c),
            }
        }
        if !current.is_empty() {
            return None;
        }
    }
    Some((target, categories))
}

/// The attribute name in a variable name written by [`variable_name`] for `target`.
pub fn attribute_name(variable: &str, target: AttributeTarget) -> &str {
    variable.strip_suffix(&format!(" ({})", target_words(target))).unwrap_or(variable)
}

/// Labels of the description fields after the definition, as [`describe_code`] writes them.
const DESCRIPTION_LABELS: [&str; 3] = ["When to use:", "When not to use:", "Example:"];

/// A code's four description fields as one `Description` text: the definition first, as it is
/// (what other tools show as the description), then "When to use: …", "When not to use: …" and
/// "Example: …", each its own paragraph; empty fields are left out. [`parse_code_description`]
/// reads it back.
pub fn describe_code(d: &CodeDescription) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !d.definition.trim().is_empty() {
        parts.push(d.definition.trim().to_string());
    }
    for (label, text) in DESCRIPTION_LABELS.iter().zip([&d.use_when, &d.do_not_use_when, &d.example]) {
        if !text.trim().is_empty() {
            parts.push(format!("{label} {}", text.trim()));
        }
    }
    parts.join("\n\n")
}

/// The four fields of a Description written by [`describe_code`]. Text from another tool, with
/// no such labels, is all definition.
pub fn parse_code_description(text: &str) -> CodeDescription {
    let mut d = CodeDescription::default();
    let mut current: usize = 0;
    let mut fields: [Vec<&str>; 4] = Default::default();
    for paragraph in text.split("\n\n") {
        let labelled = DESCRIPTION_LABELS.iter().position(|l| paragraph.starts_with(l));
        match labelled {
            Some(i) if i + 1 >= current => {
                current = i + 1;
                fields[current].push(paragraph[DESCRIPTION_LABELS[i].len()..].trim_start());
            }
            _ => fields[current].push(paragraph),
        }
    }
    let [definition, use_when, not_when, example] = fields.map(|f| f.join("\n\n").trim().to_string());
    d.definition = definition;
    d.use_when = use_when;
    d.do_not_use_when = not_when;
    d.example = example;
    d
}
