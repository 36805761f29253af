//! Parsers for the sample study's text files. They are strict: a mistake in the bundled material
//! is an error naming the file and line, caught by the tests.

use crate::error::{Error, Result};
use crate::model::{CodeDescription, SourceKind};

/// The front matter of a sample source.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SourceMeta {
    pub name: String,
    pub kind: SourceKind,
    pub cases: Vec<String>,
    pub date: String,
    pub participants: Vec<String>,
    /// Whose perspective the source carries (`Source::author`), when it has no speaker turns.
    pub author: Option<String>,
}

fn err<T>(file: &str, message: impl std::fmt::Display) -> Result<T> {
    Err(Error::internal(format!("sample file {file}: {message}")))
}

fn list(value: &str) -> Vec<String> {
    value.split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// Splits `---\nkey: value\n---\nbody` into its metadata and body.
pub(super) fn front_matter<'a>(file: &str, content: &'a str) -> Result<(SourceMeta, &'a str)> {
    let Some(rest) = content.strip_prefix("---\n") else { return err(file, "no front matter") };
    let Some((head, body)) = rest.split_once("\n---\n") else { return err(file, "front matter is not closed by ---") };
    let mut meta = SourceMeta { name: String::new(), kind: SourceKind::Document, cases: Vec::new(), date: String::new(), participants: Vec::new(), author: None };
    for line in head.lines() {
        let Some((key, value)) = line.split_once(": ") else { return err(file, format!("bad front matter line {line:?}")) };
        match key {
            "name" => meta.name = value.trim().to_string(),
            "kind" => match SourceKind::parse(value.trim()) {
                Some(k) => meta.kind = k,
                None => return err(file, format!("unknown kind {value:?}")),
            },
            "cases" => meta.cases = list(value),
            "date" => meta.date = value.trim().to_string(),
            "participants" => meta.participants = list(value),
            "author" => meta.author = Some(value.trim().to_string()),
            _ => return err(file, format!("unknown front matter key {key:?}")),
        }
    }
    if meta.name.is_empty() || meta.date.is_empty() {
        return err(file, "front matter needs a name and a date");
    }
    Ok((meta, body))
}

/// One code of the sample codebook.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CodebookEntry {
    pub path: String,
    pub color: String,
    pub description: CodeDescription,
}

/// Reads `## Path` headings followed by `- field: value` lines.
pub(super) fn codebook(content: &str) -> Result<Vec<CodebookEntry>> {
    let mut out: Vec<CodebookEntry> = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if let Some(path) = line.strip_prefix("## ") {
            out.push(CodebookEntry { path: path.trim().to_string(), color: String::new(), description: CodeDescription::default() });
        } else if let Some(field) = line.strip_prefix("- ") {
            let Some(entry) = out.last_mut() else { return err("codebook.md", format!("line {}: field before any code", n + 1)) };
            let Some((key, value)) = field.split_once(": ") else { return err("codebook.md", format!("line {}: expected key: value", n + 1)) };
            let value = value.trim().to_string();
            match key {
                "color" => entry.color = value,
                "definition" => entry.description.definition = value,
                "use when" => entry.description.use_when = value,
                "do not use when" => entry.description.do_not_use_when = value,
                "example" => entry.description.example = value,
                _ => return err("codebook.md", format!("line {}: unknown field {key:?}", n + 1)),
            }
        }
    }
    Ok(out)
}

/// A participant of the sample.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Person {
    pub name: String,
    pub role: String,
    pub cases: Vec<String>,
}

/// Reads `name<TAB>role<TAB>cases;...` lines (comments start with `#`).
pub(super) fn participants(content: &str) -> Result<Vec<Person>> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            return err("participants.tsv", format!("line {}: expected name, role and cases", n + 1));
        }
        out.push(Person { name: fields[0].to_string(), role: fields[1].to_string(), cases: list(fields.get(2).unwrap_or(&"")) });
    }
    Ok(out)
}

/// One coding of the sample, anchored by its exact quote.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CodingRow {
    pub coder: String,
    pub file: String,
    pub code: String,
    pub quote: String,
}

/// Reads `coder<TAB>source file<TAB>code path<TAB>quote` lines; `\n` in a quote is a line break.
pub(super) fn codings(file: &str, content: &str) -> Result<Vec<CodingRow>> {
    let mut out = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [coder, source, code, quote] = fields[..] else {
            return err(file, format!("line {}: expected 4 tab-separated fields", n + 1));
        };
        out.push(CodingRow { coder: coder.into(), file: source.into(), code: code.into(), quote: quote.replace("\\n", "\n") });
    }
    Ok(out)
}
