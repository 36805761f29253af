//! The bundled sample study: a fictional family-preservation study on the working alliance.
//!
//! Its material lives in `sample-projects/working-alliance/` in a reviewable text form (sources
//! with a small front matter, a Markdown codebook, a TSV of participants and TSVs of codings
//! anchored by exact quotes rather than offsets). It is compiled into the binary and turned into a
//! project by `write_sample`, through the same importer and actions as user data.

mod files;
mod parse;

use std::collections::BTreeSet;
use std::path::Path;

use crate::action::{Action, NewCoding, NewSource, NewTurn};
use crate::error::{Error, Result};
use crate::import::{ImportSettings, import_bytes};
use crate::model::*;
use crate::project::Project;

pub use files::SOURCES;

/// The sample's title.
pub const TITLE: &str = "The working alliance in family preservation (sample study)";

/// Writes the sample study to a new project file at `path`.
pub fn write_sample(path: &Path) -> Result<Project> {
    let mut project = Project::create(path, TITLE)?;
    let coder = project.ensure_coder("Amara")?;
    project.perform(Action::CreateMemo {
        target: MemoTarget::Project,
        title: "About this study".into(),
        body: files::STUDY.to_string(),
        coder,
    })?;
    for entry in parse::codebook(files::CODEBOOK)? {
        let parent = match entry.path.rsplit_once('/') {
            Some((parent, _)) => Some(project.code_at(parent)?),
            None => None,
        };
        let name = entry.path.rsplit('/').next().unwrap_or(&entry.path).to_string();
        project.perform(Action::CreateCode { parent, name, color: entry.color, description: entry.description })?;
    }
    let people = parse::participants(files::PARTICIPANTS)?;
    let case_names: BTreeSet<String> = people.iter().flat_map(|p| p.cases.iter().cloned()).collect();
    for name in &case_names {
        project.perform(Action::CreateCase { name: name.clone(), description: String::new(), sources: Vec::new() })?;
    }
    for person in &people {
        let cases = person.cases.iter().map(|c| project.case_named(c).map(|c| c.id)).collect::<Result<Vec<_>>>()?;
        project.perform(Action::CreateParticipant { name: person.name.clone(), role: Some(person.role.clone()), cases })?;
    }
    let mut batch = Vec::new();
    for (file, content) in SOURCES {
        batch.push(sample_source(file, content)?);
    }
    project.perform(Action::ImportSources(batch))?;
    // Case files carry the agency's perspective and observation notes the researcher's, whoever
    // they are about.
    for (file, content) in SOURCES {
        let (meta, _) = parse::front_matter(file, content)?;
        if let Some(author) = meta.author {
            let id = project.source_named(&meta.name)?.id;
            project.perform(Action::SetSourceAuthor { id, author: Some(author) })?;
        }
    }
    let jonas = project.ensure_coder("Jonas")?;
    let mut codings = Vec::new();
    for (file, content) in files::CODINGS {
        for row in parse::codings(file, content)? {
            let coder = if row.coder == "Jonas" { jonas } else { coder };
            codings.push(locate(&project, &row, coder)?);
        }
    }
    project.perform(Action::AddCodings(codings))?;
    Ok(project)
}

fn sample_source(file: &str, content: &str) -> Result<NewSource> {
    let (meta, body) = parse::front_matter(file, content)?;
    let doc = import_bytes(file, body.as_bytes(), &ImportSettings::default())
        .map_err(|e| Error::internal(format!("sample source {file}: {e}")))?
        .remove(0);
    let turns = doc
        .turns
        .iter()
        .filter_map(|t| Some(NewTurn { speaker: t.speaker.clone(), span: TextSpan::new(t.span.start, t.span.end)?, timestamp_ms: t.timestamp_ms }))
        .collect();
    Ok(NewSource {
        name: meta.name,
        kind: meta.kind,
        text: doc.text,
        date: Some(meta.date),
        original_name: file.to_string(),
        original_format: doc.format,
        encoding: doc.encoding,
        page_starts: None,
        time_marks: Vec::new(),
        cases: meta.cases,
        participants: meta.participants,
        turns,
        attributes: Vec::new(),
        roles: Vec::new(),
    })
}

/// Finds a coding's quote in its source (it must occur exactly once) and makes it a `NewCoding`.
fn locate(project: &Project, row: &parse::CodingRow, coder: CoderId) -> Result<NewCoding> {
    let content = SOURCES
        .iter()
        .find(|(f, _)| *f == row.file)
        .map(|(_, c)| *c)
        .ok_or_else(|| Error::internal(format!("sample coding names unknown file {}", row.file)))?;
    let (meta, _) = parse::front_matter(&row.file, content)?;
    let source = project.source_named(&meta.name)?;
    let text = project.source_text(source.id)?;
    let mut hits = text.match_indices(row.quote.as_str());
    let (Some((byte, _)), None) = (hits.next(), hits.next()) else {
        return Err(Error::internal(format!("sample coding in {}: quote must occur exactly once: {:?}", row.file, row.quote)));
    };
    let start = text[..byte].chars().count();
    let end = start + row.quote.chars().count();
    let span = TextSpan::new(start, end).ok_or_else(|| Error::internal(format!("empty quote in {}", row.file)))?;
    Ok(NewCoding { source: source.id, code: project.code_at(&row.code)?, coder, span, memo: String::new() })
}
