//! Merging projects (`thicket merge`, `Project::merge`) on real files: a copy of the sample
//! study coded apart by another coder comes back as exactly the union, merging again adds
//! nothing, each kind of conflict is resolved by each rule and never silently, undo gives back
//! the project exactly, and FROM files are only ever read.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use common::{Dir, stderr, stdout, thicket};
use thicket_core::Project;
use thicket_core::action::{Action, NewCoding};
use thicket_core::model::*;
use thicket_core::project::{ConflictRule, MergeOptions, MergeOutcome, MergeSource};

/// Every entity of a project as lines that name other entities by UUID, not by integer key, so
/// that two files can be compared entity by entity.
fn dump(p: &Project) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let sources: HashMap<SourceId, String> = p.sources().unwrap().into_iter().map(|s| (s.id, s.uuid)).collect();
    let cases: HashMap<CaseId, String> = p.cases().unwrap().into_iter().map(|c| (c.id, c.uuid)).collect();
    let people: HashMap<ParticipantId, String> = p.participants().unwrap().into_iter().map(|x| (x.id, x.uuid)).collect();
    let coders: HashMap<CoderId, String> = p.coders().unwrap().into_iter().map(|c| (c.id, c.uuid)).collect();
    let codes: HashMap<CodeId, String> = p.codebook().unwrap().walk().iter().map(|(_, c)| (c.id, c.uuid.clone())).collect();
    for s in p.sources().unwrap() {
        out.insert(format!(
            "source {} {:?} {} {:?} {} {:?} {} {:?} {:?}",
            s.uuid, s.name, s.kind, s.date, s.text_hash, s.author, s.original_name, s.page_starts, s.time_marks
        ));
        out.insert(format!("text {} {}", s.uuid, p.source_text(s.id).unwrap().len()));
        for t in p.turns(s.id).unwrap() {
            out.insert(format!("turn {} {:?} {} {:?}", s.uuid, t.span, people[&t.participant_id], t.timestamp_ms));
        }
    }
    for c in p.cases().unwrap() {
        out.insert(format!("case {} {:?} {:?}", c.uuid, c.name, c.description));
    }
    for (c, s) in p.case_sources().unwrap() {
        out.insert(format!("case source {} {}", cases[&c], sources[&s]));
    }
    for x in p.participants().unwrap() {
        out.insert(format!("participant {} {:?} {:?}", x.uuid, x.name, x.role));
    }
    for (x, names) in p.cases_by_participant().unwrap() {
        for n in names {
            out.insert(format!("participant case {} {n:?}", people[&x]));
        }
    }
    for (s, x) in p.source_participants().unwrap() {
        out.insert(format!("source participant {} {}", sources[&s], people[&x]));
    }
    for c in p.coders().unwrap() {
        out.insert(format!("coder {} {:?}", c.uuid, c.name));
    }
    for (_, c) in p.codebook().unwrap().walk() {
        let parent = c.parent_id.map(|x| codes[&x].clone());
        out.insert(format!("code {} {parent:?} {:?} {} {} {:?}", c.uuid, c.name, c.color, c.sort_order, c.description));
    }
    for c in p.all_codings().unwrap() {
        out.insert(format!(
            "coding {} {} {} {} {:?} {:?} {:?} {:?}",
            c.uuid, sources[&c.source_id], codes[&c.code_id], coders[&c.coder_id], c.span, c.created_at, c.memo, c.quote
        ));
    }
    for m in p.memos().unwrap() {
        let target = match m.target {
            MemoTarget::Project => "project".to_string(),
            MemoTarget::Source { id, span } => format!("source {} {span:?}", sources[&id]),
            MemoTarget::Code { id } => format!("code {}", codes[&id]),
            MemoTarget::Case { id } => format!("case {}", cases[&id]),
            MemoTarget::Participant { id } => format!("participant {}", people[&id]),
        };
        out.insert(format!("memo {} {target} {:?} {:?} {} {} {}", m.uuid, m.title, m.body, coders[&m.coder_id], m.created_at, m.updated_at));
    }
    let attributes = p.attributes().unwrap();
    for a in &attributes {
        out.insert(format!("attribute {} {:?} {} {} {:?}", a.uuid, a.name, a.applies_to, a.value_type, a.categories));
    }
    for v in p.attribute_values().unwrap() {
        let a = attributes.iter().find(|a| a.id == v.attribute_id).unwrap();
        let entity = match a.applies_to {
            AttributeTarget::Case => cases[&CaseId(v.entity_id)].clone(),
            AttributeTarget::Participant => people[&ParticipantId(v.entity_id)].clone(),
            AttributeTarget::Source => sources[&SourceId(v.entity_id)].clone(),
        };
        out.insert(format!("value {} {entity} {:?}", a.uuid, v.value));
    }
    for f in p.frameworks().unwrap() {
        let m = p.framework(f.id).unwrap();
        let cols: Vec<&String> = m.codes.iter().map(|c| &codes[c]).collect();
        let rows: Vec<&String> = m.cases.iter().map(|c| &cases[c]).collect();
        out.insert(format!("framework {} {:?} {} {cols:?} {rows:?}", f.uuid, f.name, f.created_at));
        for c in m.cells {
            out.insert(format!("cell {} {} {} {:?} {} {}", f.uuid, cases[&c.case], codes[&c.code], c.summary, coders[&c.coder], c.updated_at));
        }
    }
    for x in p.pseudonyms().unwrap() {
        out.insert(format!("pseudonym {:?} {:?} {} {:?}", x.original, x.replacement, x.whole_word, x.case));
    }
    out
}

fn dump_file(path: &Path) -> BTreeSet<String> {
    let p = Project::open(path).unwrap();
    let d = dump(&p);
    p.close().unwrap();
    d
}

/// Every row of every table of a closed project file, by raw SQL (integer keys included), but
/// the audit trail, which records the merge, its undo and its redo as rows of their own.
fn raw_dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sources_fts%' AND name NOT LIKE 'audit_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        // The soundness check's stamp (when a full check last passed) is bookkeeping of the
        // file, not project data: undo rightly leaves it.
        let only = if t == "project_info" { " WHERE key <> 'verified_at'" } else { "" };
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}{only} ORDER BY 1, 2")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
                Ok(format!("{t}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// The sample study, written once per test into `dir`.
fn sample(dir: &Dir, name: &str) -> PathBuf {
    let path = dir.path(name);
    let o = thicket(["sample".as_ref(), path.as_os_str()]);
    assert!(o.status.success(), "{}", stderr(&o));
    path
}

fn copy(dir: &Dir, from: &Path, name: &str) -> PathBuf {
    let to = dir.path(name);
    std::fs::copy(from, &to).unwrap();
    to
}

fn edit(path: &Path, f: impl FnOnce(&mut Project)) {
    let mut p = Project::open(path).unwrap();
    f(&mut p);
    p.close().unwrap();
}

fn merge_cli(into: &Path, from: &Path, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<std::ffi::OsString> = vec!["merge".into(), into.into(), from.into()];
    args.extend(extra.iter().map(Into::into));
    thicket(args)
}

fn merge_lib(into: &Path, from: &Path, rule: Option<ConflictRule>) -> MergeOutcome {
    let source = MergeSource::open(from).unwrap();
    let mut p = Project::open(into).unwrap();
    let outcome = p.merge(&[source], MergeOptions { rule, dry_run: false }, &mut |_, _| true).unwrap();
    p.close().unwrap();
    outcome
}

fn code(p: &Project, path: &str) -> Code {
    let book = p.codebook().unwrap();
    book.get(book.by_path(path).unwrap()).unwrap().clone()
}

fn update_code(p: &mut Project, path: &str, f: impl FnOnce(&mut Code)) {
    let mut c = code(p, path);
    f(&mut c);
    p.perform(Action::UpdateCode { id: c.id, parent: c.parent_id, name: c.name, color: c.color, description: c.description, sort_order: c.sort_order }).unwrap();
}

/// In FROM (a copy of the sample): a new coder codes; a code renamed and recoloured; new codes,
/// memos, attribute values and a case. Returns nothing: the test compares whole dumps.
fn work_apart(p: &mut Project) {
    let coder = p.ensure_coder("Noor").unwrap();
    let sources = p.sources().unwrap();
    let first = code(p, "Ruptures");
    update_code(p, "Ruptures", |c| {
        c.name = "Ruptures and repairs".into();
        c.color = "#123456".into();
    });
    let made = p.perform(Action::CreateCode { parent: Some(first.id), name: "Silence".into(), color: "#00AA00".into(), description: CodeDescription::definition("Nobody speaks") }).unwrap();
    let silence = made.created.codes[0];
    p.perform(Action::CreateCode { parent: None, name: "Hope".into(), color: "#AA0000".into(), description: CodeDescription::default() }).unwrap();
    let codings: Vec<NewCoding> = sources
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, s)| NewCoding { source: s.id, code: if i % 2 == 0 { silence } else { first.id }, coder, span: TextSpan { start: 10 * i, end: 10 * i + 25 }, memo: format!("Noor {i}") })
        .collect();
    p.perform(Action::AddCodings(codings)).unwrap();
    p.perform(Action::CreateMemo { target: MemoTarget::Code { id: silence }, title: "Silence".into(), body: "Where talk stops.".into(), coder }).unwrap();
    p.perform(Action::CreateMemo { target: MemoTarget::Project, title: "Team".into(), body: "Noor joined.".into(), coder }).unwrap();
    let case = p.perform(Action::CreateCase { name: "Family Delta".into(), description: "Added apart".into(), sources: vec![sources[0].id] }).unwrap().created.cases[0];
    let attribute = p.perform(Action::DefineAttribute { name: "Household size".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Number, categories: vec![] }).unwrap().created.attributes[0];
    for c in p.cases().unwrap() {
        let value = if c.id == case { "5" } else { "3" };
        p.perform(Action::SetAttribute { attribute, entity: c.id.0, value: Some(value.into()) }).unwrap();
    }
    let framework = p.perform(Action::CreateFramework { name: "Overview".into(), codes: vec![first.id, silence], cases: vec![case] }).unwrap().created.frameworks[0];
    p.perform(Action::SetFrameworkCell { framework, case, code: silence, summary: "Long pauses".into(), coder, updated_at: None }).unwrap();
    p.perform(Action::AddPseudonyms(vec![NewPseudonym::added("Delta", "Echo")])).unwrap();
}

#[test]
fn a_copy_coded_apart_merges_back_as_exactly_the_union_and_merging_again_adds_nothing() {
    let dir = Dir::new();
    let into = sample(&dir, "into.thicket");
    let from = copy(&dir, &into, "from.thicket");
    let original = dump_file(&into);
    edit(&from, work_apart);
    // INTO goes on too, with things FROM does not touch.
    edit(&into, |p| {
        let coder = p.coders().unwrap()[0].id;
        p.perform(Action::CreateCode { parent: None, name: "Trust".into(), color: "#0000AA".into(), description: CodeDescription::default() }).unwrap();
        p.perform(Action::CreateMemo { target: MemoTarget::Project, title: "Here".into(), body: "Kept".into(), coder }).unwrap();
    });
    let before_into = dump_file(&into);
    let from_dump = dump_file(&from);
    let from_bytes = std::fs::read(&from).unwrap();

    let o = merge_cli(&into, &from, &["--on-conflict", "from", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["applied"], true);
    let counts = &report["reports"][0]["counts"];
    let count = |kind: &str, field: &str| counts.as_array().unwrap().iter().find(|c| c["kind"] == kind).unwrap()[field].as_u64().unwrap();
    assert_eq!(count("coders", "added"), 1);
    assert_eq!(count("codes", "added"), 2);
    assert_eq!(count("codes", "updated"), 1);
    assert_eq!(count("codings", "added"), 5);
    assert_eq!(count("codings", "matched"), 659);
    assert_eq!(count("memos", "added"), 2);
    assert_eq!(count("cases", "added"), 1);
    assert_eq!(count("attribute values", "added"), 4);
    assert_eq!(count("framework matrices", "added"), 1);
    assert_eq!(count("pseudonyms", "added"), 1);
    let conflicts = report["reports"][0]["conflicts"].as_array().unwrap();
    let kinds: BTreeSet<&str> = conflicts.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, BTreeSet::from(["code colour", "code name"]), "{conflicts:?}");

    // The union: FROM's state, plus what INTO added on its own; nothing else.
    let into_only: BTreeSet<String> = before_into.difference(&original).cloned().collect();
    let expected: BTreeSet<String> = from_dump.union(&into_only).cloned().collect();
    let merged = dump_file(&into);
    assert_eq!(merged.difference(&expected).collect::<Vec<_>>(), Vec::<&String>::new(), "rows that should not be there");
    assert_eq!(expected.difference(&merged).collect::<Vec<_>>(), Vec::<&String>::new(), "rows missing");
    assert_eq!(std::fs::read(&from).unwrap(), from_bytes, "FROM was written");

    // Twice more: nothing comes in, nothing changes, nothing conflicts.
    for _ in 0..2 {
        let o = merge_cli(&into, &from, &["--format", "json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let again: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(again["applied"], false);
        assert_eq!(again["reports"][0]["conflicts"].as_array().unwrap().len(), 0);
        for c in again["reports"][0]["counts"].as_array().unwrap() {
            assert_eq!((c["kind"].as_str(), c["added"].as_u64(), c["updated"].as_u64()), (c["kind"].as_str(), Some(0), Some(0)));
        }
        assert_eq!(dump_file(&into), merged);
    }
}

#[test]
fn without_a_rule_a_conflict_stops_the_merge_names_the_files_and_changes_nothing() {
    let dir = Dir::new();
    let into = sample(&dir, "into.thicket");
    let from = copy(&dir, &into, "from.thicket");
    edit(&from, |p| update_code(p, "Ruptures", |c| c.name = "Breaks".into()));
    edit(&into, |p| update_code(p, "Ruptures", |c| c.name = "Splits".into()));
    let before = raw_dump(&into);
    let o = merge_cli(&into, &from, &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("from.thicket") && err.contains("into.thicket") && err.contains("--on-conflict"), "{err}");
    assert!(stdout(&o).contains("code name: code “Splits”: here \"Splits\", there \"Breaks\": unresolved"), "{}", stdout(&o));
    assert_eq!(raw_dump(&into), before);
    // A dry run with a rule shows the resolution and writes nothing either.
    let o = merge_cli(&into, &from, &["--on-conflict", "from", "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("took FROM's") && stdout(&o).contains("dry run"), "{}", stdout(&o));
    assert_eq!(raw_dump(&into), before);
}

/// One conflict: the same thing changed one way in INTO and another in FROM, merged with each
/// rule in turn; `read` says what the merged project holds.
fn each_rule(
    dir: &Dir,
    base: &Path,
    kind: &str,
    into_edit: &dyn Fn(&mut Project),
    from_edit: &dyn Fn(&mut Project),
    read: &dyn Fn(&Project) -> String,
    expected: [&str; 3],
) {
    for (rule, want) in ConflictRule::ALL.into_iter().zip(expected) {
        let into = copy(dir, base, &format!("{kind}-{rule:?}-into.thicket"));
        let from = copy(dir, base, &format!("{kind}-{rule:?}-from.thicket"));
        edit(&into, into_edit);
        edit(&from, from_edit);
        // Without a rule: reported, unresolved, nothing written.
        let stopped = merge_lib(&into, &from, None);
        assert!(!stopped.applied, "{kind}");
        assert!(stopped.reports[0].conflicts.iter().any(|c| c.kind == kind && c.resolution == "unresolved"), "{kind}: {:?}", stopped.reports[0].conflicts);
        let done = merge_lib(&into, &from, Some(rule));
        let conflict = done.reports[0].conflicts.iter().find(|c| c.kind == kind).unwrap_or_else(|| panic!("{kind}: {:?}", done.reports[0].conflicts));
        assert_ne!(conflict.resolution, "unresolved");
        let p = Project::open(&into).unwrap();
        assert_eq!(read(&p), want, "{kind} with {rule:?}");
        p.close().unwrap();
    }
}

#[test]
fn each_kind_of_conflict_is_resolved_by_each_rule() {
    let dir = Dir::new();
    let base = sample(&dir, "base.thicket");
    edit(&base, |p| {
        let coder = p.coders().unwrap()[0].id;
        let case = p.cases().unwrap()[0].id;
        p.perform(Action::CreateMemo { target: MemoTarget::Project, title: "Plan".into(), body: "v1".into(), coder }).unwrap();
        let a = p.perform(Action::DefineAttribute { name: "Income".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Text, categories: vec![] }).unwrap().created.attributes[0];
        p.perform(Action::SetAttribute { attribute: a, entity: case.0, value: Some("low".into()) }).unwrap();
        let code = code(p, "Ruptures").id;
        let f = p.perform(Action::CreateFramework { name: "Grid".into(), codes: vec![code], cases: vec![case] }).unwrap().created.frameworks[0];
        p.perform(Action::SetFrameworkCell { framework: f, case, code, summary: "first".into(), coder, updated_at: Some("2026-01-01T00:00:00Z".into()) }).unwrap();
        p.perform(Action::AddPseudonyms(vec![NewPseudonym::added("Ada", "Ann")])).unwrap();
    });
    let code_field = |f: fn(&Code) -> String| move |p: &Project| f(&code_of(p));
    fn code_of(p: &Project) -> Code {
        let book = p.codebook().unwrap();
        let uuid = RUPTURES.with(|u| u.borrow().clone());
        book.walk().iter().map(|(_, c)| (*c).clone()).find(|c| c.uuid == uuid).unwrap()
    }
    RUPTURES.with(|u| *u.borrow_mut() = {
        let p = Project::open(&base).unwrap();
        let c = code(&p, "Ruptures").uuid;
        p.close().unwrap();
        c
    });
    each_rule(&dir, &base, "code name", &|p| update_code(p, "Ruptures", |c| c.name = "Splits".into()), &|p| update_code(p, "Ruptures", |c| c.name = "Breaks".into()), &code_field(|c| c.name.clone()), ["Splits", "Breaks", "Splits"]);
    each_rule(&dir, &base, "code colour", &|p| update_code(p, "Ruptures", |c| c.color = "#111111".into()), &|p| update_code(p, "Ruptures", |c| c.color = "#222222".into()), &code_field(|c| c.color.clone()), ["#111111", "#222222", "#111111"]);
    each_rule(
        &dir,
        &base,
        "code description",
        &|p| update_code(p, "Ruptures", |c| c.description = CodeDescription::definition("ours")),
        &|p| update_code(p, "Ruptures", |c| c.description = CodeDescription::definition("theirs")),
        &code_field(|c| c.description.definition.clone()),
        ["ours", "theirs", "ours\n\ntheirs"],
    );
    let place = |p: &Project| {
        let c = code_of(p);
        c.parent_id.map(|x| p.codebook().unwrap().path(x).unwrap().to_string()).unwrap_or_default()
    };
    let under = |target: &'static str| {
        move |p: &mut Project| {
            let parent = code(p, target).id;
            let c = code(p, "Ruptures");
            p.perform(Action::reparent_code(&p.codebook().unwrap(), c.id, Some(parent)).unwrap()).unwrap();
        }
    };
    let tops: Vec<String> = {
        let p = Project::open(&base).unwrap();
        let book = p.codebook().unwrap();
        let names = book.children(None).iter().map(|id| book.get(*id).unwrap().name.clone()).filter(|n| n != "Ruptures").collect();
        p.close().unwrap();
        names
    };
    let (a, b): (&'static str, &'static str) = (Box::leak(tops[0].clone().into_boxed_str()), Box::leak(tops[1].clone().into_boxed_str()));
    each_rule(&dir, &base, "code place", &under(a), &under(b), &place, [a, b, a]);
    let set_desc = |text: &'static str| {
        move |p: &mut Project| {
            let c = p.cases().unwrap()[0].clone();
            p.perform(Action::UpdateCase { id: c.id, name: c.name, description: text.into() }).unwrap();
        }
    };
    let first_case_desc = |p: &Project| p.cases().unwrap()[0].description.clone();
    each_rule(&dir, &base, "case description", &set_desc("ours"), &set_desc("theirs"), &first_case_desc, ["ours", "theirs", "ours\n\ntheirs"]);
    let rename_participant = |name: &'static str| {
        move |p: &mut Project| {
            let x = p.participants().unwrap()[0].clone();
            let linked: Vec<CaseId> = {
                let names = p.cases_by_participant().unwrap().remove(&x.id).unwrap_or_default();
                p.cases().unwrap().into_iter().filter(|c| names.contains(&c.name)).map(|c| c.id).collect()
            };
            p.perform(Action::UpdateParticipant { id: x.id, name: name.into(), role: x.role, cases: linked }).unwrap();
        }
    };
    let participant_uuid = {
        let p = Project::open(&base).unwrap();
        let u = p.participants().unwrap()[0].uuid.clone();
        p.close().unwrap();
        u
    };
    let participant_name = move |p: &Project| p.participants().unwrap().into_iter().find(|x| x.uuid == participant_uuid).unwrap().name;
    each_rule(&dir, &base, "participant name", &rename_participant("Zed One"), &rename_participant("Zed Two"), &participant_name, ["Zed One", "Zed Two", "Zed One"]);
    let memo_edit = |body: &'static str| {
        move |p: &mut Project| {
            let m = p.memos().unwrap().into_iter().find(|m| m.title == "Plan").unwrap();
            p.perform(Action::UpdateMemo { id: m.id, title: m.title, body: body.into(), updated_at: None }).unwrap();
        }
    };
    let memos = |p: &Project| {
        let mut bodies: Vec<String> = p.memos().unwrap().into_iter().filter(|m| m.title.starts_with("Plan")).map(|m| format!("{}={}", m.title, m.body)).collect();
        bodies.sort();
        bodies.join(";")
    };
    each_rule(&dir, &base, "memo", &memo_edit("ours"), &memo_edit("theirs"), &memos, ["Plan=ours", "Plan=theirs", "Plan (from memo-Both-from.thicket)=theirs;Plan=ours"]);
    let coding_memo = |text: &'static str| {
        move |p: &mut Project| {
            let c = p.all_codings().unwrap()[0].clone();
            p.perform(Action::UpdateCoding { id: c.id, span: c.span, memo: text.into() }).unwrap();
        }
    };
    let first_coding_memo = |p: &Project| p.all_codings().unwrap()[0].memo.clone();
    each_rule(&dir, &base, "coding memo", &coding_memo("ours"), &coding_memo("theirs"), &first_coding_memo, ["ours", "theirs", "ours\n\ntheirs"]);
    let set_income = |v: &'static str| {
        move |p: &mut Project| {
            let a = p.attributes().unwrap().into_iter().find(|a| a.name == "Income").unwrap().id;
            let case = p.cases().unwrap()[0].id;
            p.perform(Action::SetAttribute { attribute: a, entity: case.0, value: Some(v.into()) }).unwrap();
        }
    };
    let income = |p: &Project| {
        let a = p.attributes().unwrap().into_iter().find(|a| a.name == "Income").unwrap().id;
        p.attribute_values().unwrap().into_iter().find(|v| v.attribute_id == a).unwrap().value
    };
    each_rule(&dir, &base, "attribute value", &set_income("middle"), &set_income("high"), &income, ["middle", "high", "middle"]);
    let summary = |text: &'static str| {
        move |p: &mut Project| {
            let f = p.frameworks().unwrap()[0].id;
            let m = p.framework(f).unwrap();
            let coder = p.coders().unwrap()[0].id;
            p.perform(Action::SetFrameworkCell { framework: f, case: m.cases[0], code: m.codes[0], summary: text.into(), coder, updated_at: None }).unwrap();
        }
    };
    let read_summary = |p: &Project| {
        let f = p.frameworks().unwrap()[0].id;
        p.framework(f).unwrap().cells[0].summary.clone()
    };
    each_rule(&dir, &base, "framework summary", &summary("ours"), &summary("theirs"), &read_summary, ["ours", "theirs", "ours\n\ntheirs"]);
    let pseudonym = |to: &'static str| {
        move |p: &mut Project| {
            let x = p.pseudonyms().unwrap()[0].clone();
            p.perform(Action::UpdatePseudonym { id: x.id, entry: NewPseudonym { replacement: to.into(), ..x.fields() } }).unwrap();
        }
    };
    let read_pseudonym = |p: &Project| p.pseudonyms().unwrap()[0].replacement.clone();
    each_rule(&dir, &base, "pseudonym", &pseudonym("Bea"), &pseudonym("Cleo"), &read_pseudonym, ["Bea", "Cleo", "Bea"]);
    let rename_coder = |name: &'static str| {
        move |p: &mut Project| {
            let c = p.coders().unwrap().into_iter().find(|c| c.name == "Amara").unwrap();
            p.perform(Action::RenameCoder { id: c.id, name: name.into() }).unwrap();
        }
    };
    let coders = |p: &Project| p.coders().unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>().join(",");
    each_rule(&dir, &base, "coder name", &rename_coder("Amara K"), &rename_coder("Amara B"), &coders, ["Amara K,Jonas", "Amara B,Jonas", "Amara K,Jonas"]);
    let rename_source = |name: &'static str| {
        move |p: &mut Project| {
            let s = p.sources().unwrap()[0].clone();
            p.perform(Action::UpdateSource { id: s.id, name: name.into(), kind: s.kind, date: s.date }).unwrap();
        }
    };
    let has_source = |p: &Project| p.sources().unwrap().into_iter().map(|s| s.name).filter(|n| n.starts_with("zz")).collect::<Vec<_>>().join(",");
    each_rule(&dir, &base, "source name", &rename_source("zz ours"), &rename_source("zz theirs"), &has_source, ["zz ours", "zz theirs", "zz ours"]);
}

thread_local! {
    static RUPTURES: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

#[test]
fn a_memo_edited_on_one_side_only_comes_in_without_a_conflict() {
    let dir = Dir::new();
    let into = sample(&dir, "into.thicket");
    edit(&into, |p| {
        let coder = p.coders().unwrap()[0].id;
        p.perform(Action::CreateMemo { target: MemoTarget::Project, title: "Plan".into(), body: "v1".into(), coder }).unwrap();
    });
    let from = copy(&dir, &into, "from.thicket");
    edit(&from, |p| {
        let m = p.memos().unwrap().into_iter().find(|m| m.title == "Plan").unwrap();
        p.perform(Action::UpdateMemo { id: m.id, title: m.title, body: "v2".into(), updated_at: Some("2030-01-01T00:00:00Z".into()) }).unwrap();
    });
    let done = merge_lib(&into, &from, None);
    assert!(done.applied);
    assert_eq!(done.reports[0].conflicts, vec![]);
    assert_eq!(done.reports[0].count("memos").updated, 1);
    let p = Project::open(&into).unwrap();
    let m = p.memos().unwrap().into_iter().find(|m| m.title == "Plan").unwrap();
    assert_eq!((m.body.as_str(), m.updated_at.as_str()), ("v2", "2030-01-01T00:00:00Z"));
}

#[test]
fn undo_takes_back_the_whole_merge_exactly_and_redo_brings_it_again() {
    let dir = Dir::new();
    let into = sample(&dir, "into.thicket");
    let from = copy(&dir, &into, "from.thicket");
    edit(&from, work_apart);
    let before = raw_dump(&into);
    let source = MergeSource::open(&from).unwrap();
    let mut p = Project::open(&into).unwrap();
    let outcome = p.merge(&[source], MergeOptions { rule: Some(ConflictRule::From), dry_run: false }, &mut |_, _| true).unwrap();
    assert!(outcome.applied);
    assert_eq!(p.undo_label(), Some("Merge “from.thicket”"));
    let merged = dump(&p);
    assert_eq!(p.undo().unwrap().as_deref(), Some("Merge “from.thicket”"));
    assert_eq!(p.undo_label(), None, "the merge is one step");
    p.close().unwrap();
    assert_eq!(raw_dump(&into), before);
    // Redo, in a session of its own history: merge, undo, redo.
    let source = MergeSource::open(&from).unwrap();
    let mut p = Project::open(&into).unwrap();
    p.merge(&[source], MergeOptions { rule: Some(ConflictRule::From), dry_run: false }, &mut |_, _| true).unwrap();
    p.undo().unwrap();
    p.redo().unwrap();
    assert_eq!(dump(&p), merged);
}

#[test]
fn a_source_of_the_same_name_with_another_text_is_kept_beside_with_a_warning() {
    let dir = Dir::new();
    let into = dir.path("into.thicket");
    let from = dir.path("from.thicket");
    let notes_a = dir.write("notes.txt", "The first visit went well.\n");
    for (project, text) in [(&into, &notes_a), (&from, &dir.write("other/notes.txt", "The second visit was tense.\n"))] {
        assert!(thicket(["new".as_ref(), project.as_os_str()]).status.success());
        let o = thicket(["import".as_ref(), project.as_os_str(), text.as_os_str()]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let done = merge_lib(&into, &from, None);
    assert!(done.applied);
    assert_eq!(done.reports[0].count("sources").added, 1);
    assert!(done.reports[0].warnings.iter().any(|w| w.contains("“notes”") && w.contains("both are kept") && w.contains("“notes (2)”")), "{:?}", done.reports[0].warnings);
    let p = Project::open(&into).unwrap();
    let names: Vec<String> = p.sources().unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["notes", "notes (2)"]);
    p.close().unwrap();
    // Merging again finds it by its text: nothing more.
    let again = merge_lib(&into, &from, None);
    assert!(!again.applied);
    assert_eq!(again.reports[0].count("sources").matched, 1);
}

#[test]
fn a_newer_damaged_or_missing_from_is_refused_naming_the_file() {
    let dir = Dir::new();
    let into = dir.path("into.thicket");
    assert!(thicket(["new".as_ref(), into.as_os_str()]).status.success());
    let damaged = dir.write("damaged.thicket", b"SQLite format 3\0not really");
    let text = dir.write("notes.thicket", "just text");
    let newer = dir.path("newer.thicket");
    assert!(thicket(["new".as_ref(), newer.as_os_str()]).status.success());
    rusqlite::Connection::open(&newer).unwrap().execute_batch("PRAGMA user_version = 999;").unwrap();
    for (file, why) in [(&damaged, "damaged"), (&text, "not a Thicket project"), (&newer, "newer Thicket"), (&dir.path("missing.thicket"), "no such file")] {
        let before = std::fs::read(file).ok();
        let o = merge_cli(&into, file, &["--on-conflict", "into"]);
        assert_eq!(o.status.code(), Some(1), "{why}");
        let err = stderr(&o);
        assert!(err.contains(&file.display().to_string()) && err.contains(why), "{why}: {err}");
        assert_eq!(std::fs::read(file).ok(), before, "{why}: FROM was written");
    }
    let o = merge_cli(&into, &into, &["--on-conflict", "into"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("into itself"), "{}", stderr(&o));
}

#[test]
fn a_category_added_on_the_other_side_comes_in_with_its_values_and_undo_takes_it_back() {
    let dir = Dir::new();
    let into = sample(&dir, "into.thicket");
    edit(&into, |p| {
        let a = p.perform(Action::DefineAttribute { name: "Housing".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Category, categories: vec!["rented".into(), "owned".into()] }).unwrap().created.attributes[0];
        let case = p.cases().unwrap()[0].id;
        p.perform(Action::SetAttribute { attribute: a, entity: case.0, value: Some("owned".into()) }).unwrap();
    });
    let from = copy(&dir, &into, "from.thicket");
    // In FROM the attribute gains a category (defined again: FROM's own definition, same name)
    // and a second case takes it.
    edit(&from, |p| {
        let a = p.attributes().unwrap().into_iter().find(|a| a.name == "Housing").unwrap();
        p.perform(Action::Remove(thicket_core::action::EntitySet { attributes: vec![a.id], ..Default::default() })).unwrap();
        let b = p.perform(Action::DefineAttribute { name: "Housing".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Category, categories: vec!["rented".into(), "owned".into(), "shelter".into()] }).unwrap().created.attributes[0];
        let cases = p.cases().unwrap();
        p.perform(Action::SetAttribute { attribute: b, entity: cases[0].id.0, value: Some("owned".into()) }).unwrap();
        p.perform(Action::SetAttribute { attribute: b, entity: cases[1].id.0, value: Some("shelter".into()) }).unwrap();
    });
    let before = raw_dump(&into);
    let source = MergeSource::open(&from).unwrap();
    let mut p = Project::open(&into).unwrap();
    let outcome = p.merge(&[source], MergeOptions::default(), &mut |_, _| true).unwrap();
    assert!(outcome.applied, "{:?}", outcome.reports[0].conflicts);
    let report = &outcome.reports[0];
    assert_eq!((report.count("attributes").matched_by_name, report.count("attributes").updated), (1, 1));
    assert_eq!((report.count("attribute values").matched, report.count("attribute values").added), (1, 1));
    let a = p.attributes().unwrap().into_iter().find(|a| a.name == "Housing").unwrap();
    assert_eq!(a.categories, ["rented", "owned", "shelter"]);
    let mut values: Vec<String> = p.attribute_values().unwrap().into_iter().filter(|v| v.attribute_id == a.id).map(|v| v.value).collect();
    values.sort();
    assert_eq!(values, ["owned", "shelter"]);
    p.undo().unwrap();
    p.close().unwrap();
    assert_eq!(raw_dump(&into), before);
}
