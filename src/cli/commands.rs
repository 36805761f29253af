//! One function per subcommand: validate arguments, build actions or query, print.

use std::path::Path;

use serde_json::{Value, json};

use super::output::{Format, Table, print, say, snippet};
use super::{CaseCommand, CodeCommand, CodingCommand, Command, ParticipantCommand, SourceCommand};
use thicket_core::project::default_coder;
use thicket_core::action::{Action, NewCoding};
use thicket_core::error::{Ending, Error, IoOp, Result};
use thicket_core::import::{ImportSettings, SpeakerMode, TableMode};
use thicket_core::model::*;
use thicket_core::project::{DateFrom, ImportOptions, Project, Segment, SegmentFilter};

/// Runs one command; returns how a run that did not fail outright ended.
pub(super) fn run(command: Option<Command>) -> Result<Ending> {
    let Some(command) = command else { return gui(None) };
    match command {
        Command::Open { project } => gui(Some(&project)),
        Command::New { project, title, encrypt } => {
            let title = title.unwrap_or_else(|| stem(&project));
            super::passphrase::create_project(&project, &title, encrypt)?.close()?;
            say!("created {}", project.display());
            Ok(Ending::Success)
        }
        Command::Encrypt { project } => super::passphrase::encrypt(&project),
        Command::Decrypt { project } => super::passphrase::decrypt(&project),
        Command::Passphrase { project, new_passphrase_file } => super::passphrase::change(&project, new_passphrase_file.as_deref()),
        Command::Sample { project } => {
            let p = thicket_core::sample::write_sample(&project)?;
            let r = p.check()?;
            p.close()?;
            say!(
                "wrote the sample study to {}: {} sources, {} words, {} cases, {} participants, {} codes, {} codings by {} coders",
                project.display(),
                r.sources,
                r.words,
                r.cases,
                r.participants,
                r.codes,
                r.codings,
                r.coders
            );
            Ok(Ending::Success)
        }
        Command::ImportQdpx { new_project, qdpx, format } => super::refi::import_qdpx(&new_project, &qdpx, &format),
        Command::Import { project, paths, format, .. } if paths.iter().any(|p| super::refi::refi_kind(p).is_some()) => {
            super::refi::import(&project, &paths, &format)
        }
        Command::Import {
            project,
            paths,
            kind,
            case,
            date,
            date_from_name,
            date_from,
            speakers,
            map_speaker,
            speaker_role,
            table,
            text_column,
            name_column,
            format,
        } => {
            let format = Format::parse(&format)?;
            let date_from = match (date_from.as_deref(), date_from_name) {
                (None, false) => DateFrom::Nothing,
                (None, true) | (Some("name"), _) => DateFrom::Name,
                (Some("modified"), _) => DateFrom::Modified,
                (Some(other), _) => return Err(Error::invalid(format!("unknown --date-from \"{other}\": expected name or modified"))),
            };
            let table = match table.as_str() {
                "row" => TableMode::RowPerSource,
                "file" => TableMode::FilePerSource,
                other => return Err(Error::invalid(format!("unknown --table \"{other}\": expected row or file"))),
            };
            let speaker_map = pairs(&map_speaker, "--map-speaker", "LABEL=PARTICIPANT")?;
            let speaker_roles = pairs(&speaker_role, "--speaker-role", "NAME=ROLE")?;
            let options = ImportOptions {
                kind: kind.as_deref().map(parse_kind).transpose()?,
                case,
                date,
                date_from,
                settings: ImportSettings {
                    speakers: SpeakerMode::parse(&speakers)
                        .ok_or_else(|| Error::invalid(format!("unknown --speakers \"{speakers}\": expected auto or none")))?,
                    table,
                    text_column,
                    name_column,
                },
                speaker_map,
                speaker_roles,
            };
            let mut p = super::passphrase::open_project(&project)?;
            let report = p.import_paths(&paths, &options)?;
            // The import is committed: a failure to fold the WAL back (a full disk) loses nothing.
            if let Some(note) = p.close()? {
                eprintln!("thicket: warning: {note}");
            }
            for f in &report.failed {
                eprintln!("thicket: {}", thicket_core::export::printable::visible(&format!("cannot import \"{}\": {}", f.path.display(), f.reason)));
            }
            for (name, role) in &report.suggested_roles {
                eprintln!(
                    "thicket: \"{name}\" asks most of the questions: suggested role {role} (not set; run: thicket participant {} set \"{name}\" --role {role})",
                    project.display()
                );
            }
            let mut table = Table::new(vec!["file", "status", "source", "kind", "encoding", "words", "speakers"]);
            for f in &report.imported {
                let speakers: Vec<String> = f.speakers.iter().map(|(s, n)| format!("{s} ({n})")).collect();
                table.rows.push(vec![
                    f.path.display().to_string(),
                    "imported".into(),
                    f.source.clone(),
                    f.kind.to_string(),
                    f.encoding.clone(),
                    f.words.to_string(),
                    speakers.join(", "),
                ]);
            }
            let blank = || vec![String::new(); 4];
            for f in &report.duplicates {
                table.rows.push([vec![f.path.display().to_string(), "duplicate".into(), f.reason.clone()], blank()].concat());
            }
            for f in &report.failed {
                table.rows.push([vec![f.path.display().to_string(), "failed".into(), f.reason.clone()], blank()].concat());
            }
            let json = serde_json::to_value(&report).unwrap_or(Value::Null);
            print(format, &table, &json)?;
            Ok(if report.failed.is_empty() { Ending::Success } else { Ending::Problems })
        }
        Command::ImportQualcoder { project, folder, format } => super::qualcoder::run(&project, &folder, &format),
        Command::List { project, what, format } => {
            let format = Format::parse(&format)?;
            let p = super::passphrase::open_project(&project)?;
            list(&p, &what, format)?;
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Case { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            match command {
                CaseCommand::Add { name, sources, description } => case_add(&mut p, &name, &sources, description)?,
            }
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Source { project, command: SourceCommand::Set { name, author, no_author: _ } } => {
            let mut p = super::passphrase::open_project(&project)?;
            let source = p.source_named(&name)?;
            p.perform(Action::SetSourceAuthor { id: source.id, author: author.clone() })?;
            match author.map(|a| a.trim().to_string()).filter(|a| !a.is_empty()) {
                Some(a) => say!("source \"{name}\" carries the perspective of \"{a}\""),
                None => say!("source \"{name}\" carries no author's perspective"),
            }
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Participant { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            match command {
                ParticipantCommand::Set { name, role, cases, rename } => participant_set(&mut p, &name, role, &cases, rename)?,
                ParticipantCommand::Merge { from, into } => {
                    let named = |p: &Project, n: &str| p.participant_named(n)?.ok_or_else(|| Error::not_found(format!("no participant named \"{n}\"")));
                    let (a, b) = (named(&p, &from)?, named(&p, &into)?);
                    let action = p.merge_participants_action(a.id, b.id)?;
                    p.perform(action)?;
                    say!("merged \"{from}\" into \"{into}\"");
                }
            }
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Code { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            match command {
                CodeCommand::Add { path, color, description } => code_add(&mut p, &path, color, description)?,
                CodeCommand::Apply { code, source, range, coder } => code_apply(&mut p, &code, &source, &range, coder)?,
                CodeCommand::Rename { path, new_name } => super::codebook::rename(&mut p, &path, &new_name)?,
                CodeCommand::Move { path, under, top: _ } => super::codebook::move_code(&mut p, &path, under.as_deref())?,
                CodeCommand::Merge { from, into } => super::codebook::merge(&mut p, &from, &into)?,
                CodeCommand::Delete { path } => super::codebook::delete(&mut p, &path)?,
            }
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Backup { project, command } => super::backup::run(&project, command),
        Command::Log { project, source, code, coder, since, format } => super::backup::log(&project, source.as_deref(), code.as_deref(), coder, since, &format),
        Command::Coder { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            super::coders::run(&mut p, command)?;
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Memo { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            super::memos::run(&mut p, command)?;
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Pseudonym { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            super::pseudonyms::run(&mut p, command)?;
            p.close()?;
            Ok(Ending::Success)
        }
        Command::ExportLog { project, format } => {
            super::pseudonyms::export_log(&project, &format)?;
            Ok(Ending::Success)
        }
        Command::Attribute { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            super::attributes::run(&mut p, command)?;
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Coding { project, command } => {
            let mut p = super::passphrase::open_project(&project)?;
            match command {
                CodingCommand::Remove { ids } => super::codebook::remove_codings(&mut p, &ids)?,
            }
            p.close()?;
            Ok(Ending::Success)
        }
        Command::Segments { project, codes, all_codes, subcodes, cases, roles, kinds, coders, sources, query, from_date, to_date, format } => {
            let format = Format::parse(&format)?;
            if let Some(query) = query {
                if !codes.is_empty() || all_codes {
                    return Err(Error::invalid("--query chooses the codes itself: leave out --code and --all-codes"));
                }
                let kinds = kinds.iter().map(|k| parse_kind(k)).collect::<Result<_>>()?;
                let scope = super::analysis::SegmentScope { cases, roles, kinds, coders, sources, from_date, to_date };
                print_segments(&super::analysis::query_segments(&project, &query, scope)?, format)?;
                return Ok(Ending::Success);
            }
            if codes.is_empty() && !all_codes {
                return Err(Error::invalid("say which codes: --code PATH (repeatable) or --all-codes"));
            }
            let filter = SegmentFilter {
                codes: if all_codes { Vec::new() } else { codes },
                include_subcodes: subcodes,
                cases,
                roles,
                kinds: kinds.iter().map(|k| parse_kind(k)).collect::<Result<_>>()?,
                coders,
                sources,
            };
            let p = super::passphrase::open_project(&project)?;
            let segments = p.segments(&filter)?;
            p.close()?;
            let segments = super::analysis::within_dates(segments, from_date, to_date)?;
            print_segments(&segments, format)?;
            Ok(Ending::Success)
        }
        Command::Search(args) => super::search::search(args),
        Command::Autocode(args) => super::search::autocode(args),
        Command::Crosstab(args) => super::analysis::crosstab(args),
        Command::Cooccur(args) => super::analysis::cooccur(args),
        Command::Agreement(args) => super::analysis::agreement(args),
        Command::Triangulate(args) => super::analysis::triangulate(args),
        Command::Sequence(args) => super::analysis::sequence(args),
        Command::Timeline(args) => super::analysis::timeline(args),
        Command::Export { project, command } => super::export::export(project, command),
        Command::Framework { project, command } => super::framework::run(project, command),
        Command::Merge { into, from, on_conflict, dry_run, format } => super::merge::run(&into, &from, on_conflict.as_deref(), dry_run, &format),
        Command::Reconcile(args) => super::reconcile::run(args),
        Command::Bench { scale, only, seed, workdir, format } => bench(&scale, only, seed, workdir, &format),
        Command::Check { project, format } => {
            let format = Format::parse(&format)?;
            let p = super::passphrase::open_project(&project)?;
            let report = p.check()?;
            p.close()?;
            let mut table = Table::new(vec!["check", "result"]);
            table.rows.push(vec!["counts".into(), format!(
                "{} sources, {} words, {} cases, {} participants, {} codes, {} codings, {} coders, {} memos",
                report.sources, report.words, report.cases, report.participants, report.codes, report.codings, report.coders, report.memos
            )]);
            if report.problems.is_empty() {
                table.rows.push(vec!["problems".into(), "none: the project is sound".into()]);
            }
            for problem in &report.problems {
                table.rows.push(vec!["problem".into(), problem.clone()]);
            }
            let mut json = serde_json::to_value(&report).unwrap_or(Value::Null);
            json["ok"] = json!(report.problems.is_empty());
            print(format, &table, &json)?;
            Ok(if report.problems.is_empty() { Ending::Success } else { Ending::Problems })
        }
    }
}

#[cfg(feature = "gui")]
fn gui(project: Option<&Path>) -> Result<Ending> {
    thicket_gui::run(project.map(Path::to_path_buf)).map_err(Error::unavailable)?;
    Ok(Ending::Success)
}

#[cfg(not(feature = "gui"))]
fn gui(_project: Option<&Path>) -> Result<Ending> {
    Err(Error::unavailable("this build of Thicket has no window (built without the `gui` feature); use a subcommand, see --help"))
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Thicket project".into())
}

fn parse_kind(k: &str) -> Result<SourceKind> {
    SourceKind::parse(k).ok_or_else(|| Error::invalid(format!("unknown kind \"{k}\": expected one of {}", SourceKind::choices())))
}

fn list(p: &Project, what: &str, format: Format) -> Result<()> {
    match what {
        "sources" => list_sources(p, format),
        "cases" => list_cases(p, format),
        "participants" => list_participants(p, format),
        "codes" => list_codes(p, format),
        "coders" => super::coders::list(p, format),
        "codings" | "segments" => print_segments(&p.segments(&SegmentFilter::default())?, format),
        other => Err(Error::invalid(format!(
            "cannot list \"{other}\": expected sources, cases, participants, codes, coders or codings"
        ))),
    }
}

fn list_sources(p: &Project, format: Format) -> Result<()> {
    let cases = p.cases_by_source()?;
    let mut table = Table::new(vec!["name", "kind", "cases", "date", "words", "turns"]);
    let mut json = Vec::new();
    for s in p.sources()? {
        let c = cases.get(&s.id).cloned().unwrap_or_default();
        let turns = p.turns(s.id)?.len();
        table.rows.push(vec![
            s.name.clone(),
            s.kind.to_string(),
            c.join("; "),
            s.date.clone().unwrap_or_default(),
            s.word_count.to_string(),
            turns.to_string(),
        ]);
        json.push(json!({
            "name": s.name, "kind": s.kind, "cases": c, "words": s.word_count, "date": s.date,
            "characters": s.char_len, "turns": turns, "format": s.original_format, "file": s.original_name,
            "encoding": s.encoding, "imported_at": s.imported_at, "uuid": s.uuid, "author": s.author,
        }));
    }
    print(format, &table, &Value::Array(json))
}

fn list_cases(p: &Project, format: Format) -> Result<()> {
    let sources: std::collections::HashMap<SourceId, String> = p.sources()?.into_iter().map(|s| (s.id, s.name)).collect();
    let people = p.participants()?;
    let by_person = p.cases_by_participant()?;
    let links = p.case_sources()?;
    let mut table = Table::new(vec!["name", "sources", "participants"]);
    let mut json = Vec::new();
    for c in p.cases()? {
        let mut s: Vec<String> = links.iter().filter(|(k, _)| *k == c.id).filter_map(|(_, s)| sources.get(s).cloned()).collect();
        s.sort();
        let members: Vec<String> = people
            .iter()
            .filter(|x| by_person.get(&x.id).is_some_and(|cs| cs.contains(&c.name)))
            .map(|x| x.name.clone())
            .collect();
        table.rows.push(vec![c.name.clone(), s.len().to_string(), members.join(", ")]);
        json.push(json!({"name": c.name, "description": c.description, "sources": s, "participants": members, "uuid": c.uuid}));
    }
    print(format, &table, &Value::Array(json))
}

fn list_participants(p: &Project, format: Format) -> Result<()> {
    let cases = p.cases_by_participant()?;
    let mut table = Table::new(vec!["name", "role", "cases"]);
    let mut json = Vec::new();
    for x in p.participants()? {
        let c = cases.get(&x.id).cloned().unwrap_or_default();
        table.rows.push(vec![x.name.clone(), x.role.clone().unwrap_or_default(), c.join("; ")]);
        json.push(json!({"name": x.name, "role": x.role, "cases": c, "uuid": x.uuid}));
    }
    print(format, &table, &Value::Array(json))
}

fn list_codes(p: &Project, format: Format) -> Result<()> {
    let book = p.codebook()?;
    let counts = p.coding_counts()?;
    let mut table = Table::new(vec!["path", "color", "codings", "description"]);
    let mut json = Vec::new();
    for (_, c) in book.walk() {
        let path = book.path(c.id).unwrap_or_default();
        let n = counts.get(&c.id).copied().unwrap_or(0);
        let parent = c.parent_id.and_then(|id| book.path(id));
        table.rows.push(vec![path.to_string(), c.color.clone(), n.to_string(), snippet(&c.description.definition, 60)]);
        let d = &c.description;
        json.push(json!({
            "path": path, "name": c.name, "parent": parent, "color": c.color, "description": d.definition,
            "use_when": d.use_when, "do_not_use_when": d.do_not_use_when, "example": d.example,
            "codings": n, "uuid": c.uuid,
        }));
    }
    print(format, &table, &Value::Array(json))
}

fn print_segments(segments: &[Segment], format: Format) -> Result<()> {
    let mut table = Table::new(vec!["source", "code", "start", "end", "coder", "text"]);
    for s in segments {
        let limit = if format == Format::Csv { usize::MAX } else { 60 };
        let text = if format == Format::Csv { s.text.clone() } else { snippet(&s.text, limit) };
        table.rows.push(vec![s.source.clone(), s.code.clone(), s.start.to_string(), s.end.to_string(), s.coder.clone(), text]);
    }
    let json = serde_json::to_value(segments).unwrap_or(Value::Null);
    print(format, &table, &json)
}

fn case_add(p: &mut Project, name: &str, sources: &[String], description: Option<String>) -> Result<()> {
    let ids: Vec<SourceId> = sources.iter().map(|s| p.source_named(s).map(|s| s.id)).collect::<Result<_>>()?;
    match p.cases()?.into_iter().find(|c| c.name == name) {
        Some(case) => {
            if let Some(d) = description {
                p.perform(Action::UpdateCase { id: case.id, name: case.name.clone(), description: d })?;
            }
            p.perform(Action::AssignSources { case: case.id, sources: ids })?;
            say!("updated case \"{name}\"");
        }
        None => {
            p.perform(Action::CreateCase { name: name.to_string(), description: description.unwrap_or_default(), sources: ids })?;
            say!("created case \"{name}\"");
        }
    }
    Ok(())
}

fn participant_set(p: &mut Project, name: &str, role: Option<String>, cases: &[String], rename: Option<String>) -> Result<()> {
    let case_ids: Vec<CaseId> = cases.iter().map(|c| p.case_named(c).map(|c| c.id)).collect::<Result<_>>()?;
    match p.participant_named(name)? {
        Some(x) => {
            let mut all = p.cases_by_participant()?.get(&x.id).cloned().unwrap_or_default();
            all.extend(cases.iter().cloned());
            let mut ids: Vec<CaseId> = all.iter().map(|c| p.case_named(c).map(|c| c.id)).collect::<Result<_>>()?;
            ids.sort();
            ids.dedup();
            p.perform(Action::UpdateParticipant { id: x.id, name: rename.unwrap_or(x.name.clone()), role: role.or(x.role), cases: ids })?;
            say!("updated participant \"{name}\"");
        }
        None if rename.is_some() => return Err(Error::not_found(format!("no participant named \"{name}\" to rename"))),
        None => {
            p.perform(Action::CreateParticipant { name: name.to_string(), role, cases: case_ids })?;
            say!("created participant \"{name}\"");
        }
    }
    Ok(())
}

fn code_add(p: &mut Project, path: &str, color: Option<String>, description: Option<String>) -> Result<()> {
    let parts = parse_new_code_path(path).map_err(Error::invalid)?;
    let book = p.codebook()?;
    if book.by_path(path).is_some() {
        return Err(Error::conflict(format!("code \"{}\" already exists", parts.join("/"))));
    }
    let mut parent = None;
    for (i, name) in parts.iter().enumerate() {
        let here = parts[..=i].join("/");
        if let Some(id) = p.codebook()?.by_path(&here) {
            parent = Some(id);
            continue;
        }
        let last = i == parts.len() - 1;
        let colour = match (&color, last) {
            (Some(c), true) => c.clone(),
            // Codes created without a colour take the palette in turn, as in the window.
            _ => next_code_colour(&p.codebook()?).hex_upper(),
        };
        let description = if last { CodeDescription::definition(description.clone().unwrap_or_default()) } else { CodeDescription::default() };
        let outcome = p.perform(Action::CreateCode { parent, name: name.to_string(), color: colour, description })?;
        parent = outcome.created.codes.first().copied();
    }
    say!("added code \"{}\"", parts.join("/"));
    Ok(())
}

fn code_apply(p: &mut Project, code: &str, source: &str, range: &str, coder: Option<String>) -> Result<()> {
    let code_id = p.code_at(code)?;
    let source = p.source_named(source)?;
    let span = TextSpan::parse_range(range).ok_or_else(|| {
        Error::invalid(format!("invalid range \"{range}\": expected START..END with START < END, in characters"))
    })?;
    if span.end > source.char_len {
        return Err(Error::invalid(format!(
            "range {span} is outside source \"{}\" (it has {} characters)",
            source.name, source.char_len
        )));
    }
    let coder_name = coder.unwrap_or_else(default_coder);
    // The audit trail names the coder as who did it.
    p.set_actor(&coder_name);
    // A new coder is created in the same transaction as the coding: all or nothing.
    p.perform_as(&coder_name, |coder| Some(Action::AddCodings(vec![NewCoding { source: source.id, code: code_id, coder, span, memo: String::new() }])))?;
    say!("coded {span} of \"{}\" as \"{code}\" ({coder_name})", source.name);
    Ok(())
}

fn bench(scale: &str, only: Vec<String>, seed: u64, workdir: Option<std::path::PathBuf>, format: &str) -> Result<Ending> {
    let format = Format::parse(format)?;
    if format == Format::Csv {
        return Err(Error::invalid("bench prints table or json"));
    }
    let scale = thicket_bench::Scale::parse(scale)
        .ok_or_else(|| Error::invalid(format!("unknown scale \"{scale}\": expected small, medium, reference or large")))?;
    let only = only.iter().flat_map(|o| o.split(',')).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if let Some(dir) = &workdir {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(IoOp::Create, dir, e))?;
    }
    let options = thicket_bench::BenchOptions { scale, only, seed, workdir, progress: |line| eprintln!("bench: {line}") };
    let report = thicket_bench::run(&options)?;
    let mut table = Table::new(vec!["figure", "value", "bound", "ratio", "budget", "status", "note"]);
    let num = |v: f64| if v >= 100.0 { format!("{v:.0}") } else if v >= 10.0 { format!("{v:.1}") } else { format!("{v:.2}") };
    for f in &report.figures {
        table.rows.push(vec![
            f.name.clone(),
            format!("{} {}", num(f.value), f.unit),
            f.bound.map(|b| format!("{} {}", num(b), f.unit)).unwrap_or_default(),
            f.ratio.map(|r| format!("{r:.1}x")).unwrap_or_default(),
            f.budget.map(|b| format!("≤ {} {}", num(b), f.unit)).unwrap_or_default(),
            f.status.clone(),
            f.note.clone(),
        ]);
    }
    if format == Format::Table {
        say!(
            "scale {}: {} sources, {} words, {:.1} MB, {} codings (seed {}) on {}",
            report.scale, report.sources, report.words, report.megabytes, report.codings, report.seed, report.machine
        );
    }
    let json = serde_json::to_value(&report).unwrap_or(Value::Null);
    print(format, &table, &json)?;
    Ok(Ending::Success)
}

/// Parses repeated `A=B` flags.
fn pairs(values: &[String], flag: &str, shape: &str) -> Result<Vec<(String, String)>> {
    values
        .iter()
        .map(|m| match m.split_once('=') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim().to_string(), b.trim().to_string())),
            _ => Err(Error::invalid(format!("invalid {flag} \"{m}\": expected {shape}"))),
        })
        .collect()
}
