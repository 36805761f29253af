//! `thicket memo`: writing memos on the project and its entities, and listing them, as the
//! window's memo browser does.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::MemoCommand;
use super::output::{Format, Table, print, say, snippet};
use thicket_core::action::Action;
use thicket_core::error::{Error, Result};
use thicket_core::model::*;
use thicket_core::project::{Project, default_coder};

/// Runs one `memo` subcommand.
pub fn run(p: &mut Project, command: MemoCommand) -> Result<()> {
    match command {
        MemoCommand::Add { body, title, source, range, code, case, participant, coder } => {
            let target = target(p, source.as_deref(), range.as_deref(), code.as_deref(), case.as_deref(), participant.as_deref())?;
            let about = Names::load(p)?.describe(&target);
            // A new coder is created in the memo's own transaction: all or nothing.
            let coder_name = coder.unwrap_or_else(default_coder);
            // The audit trail names the memo's author as who wrote it.
            p.set_actor(&coder_name);
            p.perform_as(&coder_name, |coder| Some(Action::CreateMemo { target, title, body, coder }))?;
            say!("wrote a memo on {about}");
            Ok(())
        }
        MemoCommand::List { format } => list(p, Format::parse(&format)?),
    }
}

/// What the flags name; the project when they name nothing.
fn target(p: &Project, source: Option<&str>, range: Option<&str>, code: Option<&str>, case: Option<&str>, participant: Option<&str>) -> Result<MemoTarget> {
    if let Some(name) = source {
        let s = p.source_named(name)?;
        let span = match range {
            None => None,
            Some(r) => Some(TextSpan::parse_range(r).filter(|span| span.end <= s.char_len).ok_or_else(|| {
                Error::invalid(format!("invalid range \"{r}\": expected START..END inside \"{}\" ({} characters)", s.name, s.char_len))
            })?),
        };
        return Ok(MemoTarget::Source { id: s.id, span });
    }
    if let Some(path) = code {
        return Ok(MemoTarget::Code { id: p.code_at(path)? });
    }
    if let Some(name) = case {
        return Ok(MemoTarget::Case { id: p.case_named(name)?.id });
    }
    if let Some(name) = participant {
        let person = p.participant_named(name)?.ok_or_else(|| Error::not_found(format!("no participant named \"{name}\"")))?;
        return Ok(MemoTarget::Participant { id: person.id });
    }
    Ok(MemoTarget::Project)
}

/// The names a memo's target is told by, read once for a whole listing.
struct Names {
    sources: HashMap<SourceId, String>,
    cases: HashMap<CaseId, String>,
    participants: HashMap<ParticipantId, String>,
    codebook: Codebook,
}

impl Names {
    fn load(p: &Project) -> Result<Names> {
        Ok(Names {
            sources: p.sources()?.into_iter().map(|s| (s.id, s.name)).collect(),
            cases: p.cases()?.into_iter().map(|c| (c.id, c.name)).collect(),
            participants: p.participants()?.into_iter().map(|x| (x.id, x.name)).collect(),
            codebook: p.codebook()?,
        })
    }

    /// "the project", "source \"x\" 10..20", "code \"A/B\"", … for messages and listings.
    fn describe(&self, target: &MemoTarget) -> String {
        let name = |n: Option<&String>| n.cloned().unwrap_or_default();
        match target {
            MemoTarget::Project => "the project".into(),
            MemoTarget::Source { id, span: Some(span) } => format!("source \"{}\" {span}", name(self.sources.get(id))),
            MemoTarget::Source { id, span: None } => format!("source \"{}\"", name(self.sources.get(id))),
            MemoTarget::Code { id } => format!("code \"{}\"", self.codebook.path(*id).unwrap_or_default()),
            MemoTarget::Case { id } => format!("case \"{}\"", name(self.cases.get(id))),
            MemoTarget::Participant { id } => format!("participant \"{}\"", name(self.participants.get(id))),
        }
    }
}

fn list(p: &Project, format: Format) -> Result<()> {
    let coders = p.coders()?;
    let names = Names::load(p)?;
    let mut table = Table::new(vec!["about", "title", "coder", "updated", "body"]);
    let mut rows = Vec::new();
    for m in p.memos()? {
        let about = names.describe(&m.target);
        let coder = coders.iter().find(|c| c.id == m.coder_id).map(|c| c.name.clone()).unwrap_or_default();
        let body = if format == Format::Csv { m.body.clone() } else { snippet(&m.body, 60) };
        table.rows.push(vec![about.clone(), m.title.clone(), coder.clone(), m.updated_at.clone(), body]);
        rows.push(json!({
            "id": m.id, "uuid": m.uuid, "about": about, "title": m.title, "body": m.body,
            "coder": coder, "created_at": m.created_at, "updated_at": m.updated_at,
        }));
    }
    print(format, &table, &Value::Array(rows))
}
