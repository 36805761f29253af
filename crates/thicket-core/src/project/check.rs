//! `thicket check`: an integrity and consistency report over a whole project.

use std::collections::HashSet;

use serde::Serialize;

use super::Project;
use super::apply::text_hash;
use crate::error::{ErrorKind, Result};
use crate::store::Access;
use crate::model::*;
use crate::text::TextIndex;

/// Findings of a project check; an empty `problems` list means the project is sound.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub sources: usize,
    pub cases: usize,
    pub participants: usize,
    pub codes: usize,
    pub codings: usize,
    pub coders: usize,
    pub memos: usize,
    pub words: usize,
    pub problems: Vec<String>,
}

impl Project {
    /// Checks the file (its header against its length, SQLite, foreign keys, full-text index)
    /// and the data (hashes, spans, quotes with their context, memo targets, the code tree).
    /// Damage met while reading becomes a finding, not an error: the report says what was read.
    pub fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        match self.access() {
            Access::Damaged { detail } => report.problems.push(format!("the file is damaged: {detail}")),
            Access::ReadOnly { .. } | Access::Writable => {
                if let Ok(Some(detail)) = crate::store::soundness::header_damage(self.path()) {
                    report.problems.push(format!("the file is damaged: {detail}"));
                }
            }
        }
        match self.check_into(&mut report) {
            Ok(()) => Ok(report),
            Err(e) if e.kind() == ErrorKind::Damaged => {
                report.problems.push(format!("reading stopped at damage: {e}"));
                Ok(report)
            }
            Err(e) => Err(e),
        }
    }

    fn check_into(&self, report: &mut CheckReport) -> Result<()> {
        let read = self.store.read();
        let read_only = *self.access() != Access::Writable;
        report.problems.extend(read.integrity_problems(read_only)?);
        let sources = self.sources()?;
        let book = self.codebook()?;
        let codings = self.all_codings()?;
        for s in &sources {
            let text = self.source_text(s.id)?;
            check_source(self, s, &text, &codings, &mut report.problems)?;
        }
        if book.walk().len() != book.len() {
            report.problems.push("the code tree has a cycle or an orphaned code".into());
        }
        check_memos(self, &mut report.problems)?;
        report.sources = sources.len();
        report.words = sources.iter().map(|s| s.word_count).sum();
        report.cases = self.cases()?.len();
        report.participants = self.participants()?.len();
        report.codes = book.len();
        report.codings = codings.len();
        report.coders = self.coders()?.len();
        report.memos = self.memos()?.len();
        Ok(())
    }
}

fn check_source(project: &Project, s: &Source, text: &str, codings: &[Coding], problems: &mut Vec<String>) -> Result<()> {
    let index = TextIndex::new(text);
    if text_hash(text) != s.text_hash {
        problems.push(format!("source \"{}\": its text does not match its stored hash", s.name));
    }
    if index.char_len() != s.char_len {
        problems.push(format!("source \"{}\": stored length {} but the text has {} characters", s.name, s.char_len, index.char_len()));
    }
    let mut last_end = 0;
    for t in project.turns(s.id)? {
        if t.span.end > index.char_len() || t.span.start < last_end {
            problems.push(format!("source \"{}\": turn {} at {} overlaps another or lies outside the text", s.name, t.id, t.span));
        }
        last_end = t.span.end;
    }
    let slice = |from: usize, to: usize| index.char_range_to_byte_range(from..to).and_then(|r| text.get(r));
    for c in codings.iter().filter(|c| c.source_id == s.id) {
        // The quote and its context, as `quote_selector` stored them: a zero-filled or changed
        // byte in either is damage.
        let (start, end) = (c.span.start, c.span.end);
        let before = slice(start.saturating_sub(c.quote.prefix.chars().count()), start);
        let after = slice(end, (end + c.quote.suffix.chars().count()).min(index.char_len()));
        match slice(start, end) {
            None => problems.push(format!("coding {} in \"{}\": range {} lies outside the text", c.id, s.name, c.span)),
            Some(exact) if exact != c.quote.exact => problems.push(format!(
                "coding {} in \"{}\": the text at {} no longer matches its quote",
                c.id, s.name, c.span
            )),
            Some(_) if before != Some(c.quote.prefix.as_str()) || after != Some(c.quote.suffix.as_str()) => problems.push(format!(
                "coding {} in \"{}\": the text around {} no longer matches the context stored with its quote",
                c.id, s.name, c.span
            )),
            Some(_) => {}
        }
    }
    Ok(())
}

fn check_memos(project: &Project, problems: &mut Vec<String>) -> Result<()> {
    let sources: HashSet<SourceId> = project.sources()?.iter().map(|s| s.id).collect();
    let codes: HashSet<CodeId> = project.codebook()?.walk().iter().map(|(_, c)| c.id).collect();
    let cases: HashSet<CaseId> = project.cases()?.iter().map(|c| c.id).collect();
    let people: HashSet<ParticipantId> = project.participants()?.iter().map(|p| p.id).collect();
    for m in project.memos()? {
        let ok = match m.target {
            MemoTarget::Project => true,
            MemoTarget::Source { id, .. } => sources.contains(&id),
            MemoTarget::Code { id } => codes.contains(&id),
            MemoTarget::Case { id } => cases.contains(&id),
            MemoTarget::Participant { id } => people.contains(&id),
        };
        if !ok {
            problems.push(format!("memo {} is attached to something that no longer exists", m.id));
        }
    }
    for def in project.attributes()? {
        let exists = |e: i64| match def.applies_to {
            AttributeTarget::Case => cases.contains(&CaseId(e)),
            AttributeTarget::Participant => people.contains(&ParticipantId(e)),
            AttributeTarget::Source => sources.contains(&SourceId(e)),
        };
        for v in project.attribute_values()?.iter().filter(|v| v.attribute_id == def.id) {
            if !exists(v.entity_id) {
                problems.push(format!("attribute \"{}\" has a value for a missing {} ({})", def.name, def.applies_to, v.entity_id));
            }
        }
    }
    Ok(())
}
