//! Citation templates: `({speaker}, {role}, {case}, {date}, ¶{paragraph})` in, one citation per
//! excerpt out.
//!
//! A template is literal text with `{field}` placeholders (`{{` and `}}` for literal braces).
//! Citations must read well when a field is empty (an observation has no speaker, a case file
//! no time), so an empty field drops out together with its separator:
//!
//! - the text before the first placeholder (`(`) and after the last (`)`) always stays, unless
//!   every field is empty, when the citation is empty;
//! - the text between two placeholders is split into a *separator* (its leading punctuation and
//!   spaces, up to the last space among them: `, `, ` – `) and a *label* glued to the next field
//!   (the rest: `¶`, `p. `, `session `). A field that is empty takes its separator and label
//!   with it; the first field written drops its separator but keeps its label.
//!
//! So `({speaker}, {date}, ¶{paragraph})` gives `(Dana, 2025-03-11, ¶14)`, `(2025-03-11, ¶14)`
//! without a speaker, and `(Dana, ¶14)` for an undated source.

use serde::Serialize;

use crate::error::{Error, Result};

/// A piece of information a citation can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Speaker,
    Role,
    Case,
    Source,
    Kind,
    Date,
    Paragraph,
    Line,
    Page,
    Time,
    Coder,
    Code,
}

impl Field {
    /// Every field, in the order tables show them.
    pub const ALL: [Field; 12] = [
        Field::Speaker,
        Field::Role,
        Field::Case,
        Field::Source,
        Field::Kind,
        Field::Date,
        Field::Paragraph,
        Field::Line,
        Field::Page,
        Field::Time,
        Field::Coder,
        Field::Code,
    ];

    /// The name written between braces, and used as a column name.
    pub fn name(self) -> &'static str {
        match self {
            Field::Speaker => "speaker",
            Field::Role => "role",
            Field::Case => "case",
            Field::Source => "source",
            Field::Kind => "kind",
            Field::Date => "date",
            Field::Paragraph => "paragraph",
            Field::Line => "line",
            Field::Page => "page",
            Field::Time => "time",
            Field::Coder => "coder",
            Field::Code => "code",
        }
    }

    /// The field of this name, if any.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The names, for error messages and help.
    pub fn choices() -> String {
        Field::ALL.map(Field::name).join(", ")
    }
}

/// Author–date style for running text: who, in which case and source, when, where.
pub const AUTHOR_DATE: &str = "({speaker}, {role}, {case}, {source}, {date}, ¶{paragraph}, p. {page}, {time})";
/// Compact style for tables, whose other columns already name the case and source.
pub const COMPACT: &str = "({speaker}, {time}, ¶{paragraph})";

/// A parsed citation template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationTemplate {
    /// The template as written (presets as their text).
    source: String,
    /// Text before the first field.
    opening: String,
    /// Each field with the separator and label written before it.
    parts: Vec<Part>,
    /// Text after the last field.
    closing: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    separator: String,
    label: String,
    field: Field,
}

impl CitationTemplate {
    /// A preset by name (`author-date`, `compact`), or else a template.
    pub fn preset_or_parse(text: &str) -> Result<Self> {
        match text {
            "author-date" => Self::parse(AUTHOR_DATE),
            "compact" => Self::parse(COMPACT),
            _ => Self::parse(text),
        }
    }

    /// Parses `text`; an unknown field or an unmatched brace is an error that names it.
    pub fn parse(text: &str) -> Result<Self> {
        let error = |what: String| Error::invalid(format!("invalid citation template \"{text}\": {what}"));
        // Literal runs and fields, alternating: literals[i] comes before fields[i].
        let mut literals = Vec::new();
        let mut fields = Vec::new();
        let mut current = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' | '}' if chars.peek() == Some(&c) => {
                    chars.next();
                    current.push(c);
                }
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) => name.push(c),
                            None => return Err(error(format!("\"{{{name}\" is never closed with }}"))),
                        }
                    }
                    let field = Field::parse(name.trim())
                        .ok_or_else(|| error(format!("unknown field {{{name}}}: expected one of {}", Field::choices())))?;
                    fields.push(field);
                    literals.push(std::mem::take(&mut current));
                }
                '}' => return Err(error("a } without its { (write }} for a literal brace)".into())),
                c => current.push(c),
            }
        }
        literals.push(current);
        if fields.is_empty() {
            return Err(error(format!("it names no field: write fields in braces, e.g. {{speaker}}; the fields are {}", Field::choices())));
        }
        let closing = literals.pop().unwrap_or_default();
        let mut literals = literals.into_iter();
        let opening = literals.next().unwrap_or_default();
        let mut parts = Vec::new();
        for (i, field) in fields.into_iter().enumerate() {
            let (separator, label) = if i == 0 { (String::new(), String::new()) } else { split_between(&literals.next().unwrap_or_default()) };
            parts.push(Part { separator, label, field });
        }
        Ok(CitationTemplate { source: text.to_string(), opening, parts, closing })
    }

    /// The template as written.
    pub fn text(&self) -> &str {
        &self.source
    }

    /// The fields the template shows, in order.
    pub fn fields(&self) -> Vec<Field> {
        self.parts.iter().map(|p| p.field).collect()
    }

    /// The citation, given each field's value (empty when the excerpt has none).
    pub fn render(&self, value: impl Fn(Field) -> String) -> String {
        let mut body = String::new();
        for part in &self.parts {
            let v = value(part.field);
            if v.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str(&part.separator);
            }
            body.push_str(&part.label);
            body.push_str(&v);
        }
        if body.is_empty() { body } else { format!("{}{body}{}", self.opening, self.closing) }
    }
}

/// Splits the text between two fields into the separator (leading punctuation and spaces, up to
/// the last space among them) and the label of the next field (the rest). Without a space in
/// that leading run, the whole run is the separator (`{paragraph}/{line}`).
fn split_between(literal: &str) -> (String, String) {
    let run: usize = literal.chars().take_while(|c| !c.is_alphanumeric()).map(char::len_utf8).sum();
    let lead = &literal[..run];
    let cut = match lead.char_indices().rfind(|(_, c)| c.is_whitespace()) {
        Some((i, c)) => i + c.len_utf8(),
        None => run,
    };
    (literal[..cut].to_string(), literal[cut..].to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly on purpose

    use super::*;

    fn cite(template: &str, values: &[(Field, &str)]) -> String {
        let t = CitationTemplate::preset_or_parse(template).unwrap();
        t.render(|f| values.iter().find(|(g, _)| *g == f).map(|(_, v)| v.to_string()).unwrap_or_default())
    }

    #[test]
    fn empty_fields_take_their_separator_and_label_with_them() {
        let t = "({speaker}, {role}, {date}, ¶{paragraph})";
        let all = [(Field::Speaker, "Dana"), (Field::Role, "caregiver"), (Field::Date, "2025-03-11"), (Field::Paragraph, "14")];
        assert_eq!(cite(t, &all), "(Dana, caregiver, 2025-03-11, ¶14)");
        assert_eq!(cite(t, &all[2..]), "(2025-03-11, ¶14)");
        assert_eq!(cite(t, &[all[0], all[3]]), "(Dana, ¶14)");
        assert_eq!(cite(t, &[all[3]]), "(¶14)");
        assert_eq!(cite(t, &[all[0]]), "(Dana)");
        assert_eq!(cite(t, &[]), "");
    }

    #[test]
    fn labels_are_split_from_separators() {
        assert_eq!(split_between(", ¶"), (", ".into(), "¶".into()));
        assert_eq!(split_between(", p. "), (", ".into(), "p. ".into()));
        assert_eq!(split_between(" – "), (" – ".into(), "".into()));
        assert_eq!(split_between("/"), ("/".into(), "".into()));
        assert_eq!(cite("{case}, session {paragraph}", &[(Field::Paragraph, "3")]), "session 3");
    }

    #[test]
    fn presets_are_templates() {
        assert_eq!(cite("compact", &[(Field::Speaker, "BSR02"), (Field::Time, "00:14:32")]), "(BSR02, 00:14:32)");
        assert_eq!(CitationTemplate::preset_or_parse("author-date").unwrap().text(), AUTHOR_DATE);
    }

    #[test]
    fn braces_escape_and_errors_name_the_problem() {
        assert_eq!(cite("{{{speaker}}}", &[(Field::Speaker, "Dana")]), "{Dana}");
        let err = |t: &str| CitationTemplate::parse(t).unwrap_err().to_string();
        assert_eq!(
            err("({speeker}, {date})"),
            "invalid citation template \"({speeker}, {date})\": unknown field {speeker}: expected one of speaker, role, case, source, kind, date, paragraph, line, page, time, coder, code"
        );
        assert_eq!(err("({date"), "invalid citation template \"({date\": \"{date\" is never closed with }");
        assert!(err("date}").contains("a } without its {"));
        assert!(err("no fields").contains("it names no field"));
    }
}
