//! Every refusal says what kind of failure it is, so callers can branch on `Error::kind` instead
//! of reading messages: one representative failure of each kind, from each family of actions,
//! queries and the project file, with the message that goes with it. A call site given the wrong
//! kind fails here.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::Path;

use common::*;
use thicket_core::action::{Action, EntitySet, NewCoding};
use thicket_core::analysis::{self, Scope};
use thicket_core::error::{Ending, Error, ErrorKind};
use thicket_core::model::*;
use thicket_core::project::import_text;
use thicket_core::Project;

/// An open project with one source ("visit", 62 characters), one code ("Bond"), one coder and one
/// coding of 0..4, and the ids of each.
struct Fixture {
    _dir: Dir,
    p: Project,
    source: SourceId,
    code: CodeId,
    coder: CoderId,
}

fn fixture() -> Fixture {
    let dir = Dir::new();
    let mut p = Project::create(&dir.path("p.thicket"), "kinds").unwrap();
    let text = "Dana: Hello.\nPriya: Hello Dana.\nDana: Come in.\nPriya: Thanks.\n";
    let source = p.perform(import_text("visit", SourceKind::Interview, text)).unwrap().created.sources[0];
    let code = p.perform(create_code(None, "Bond", "#1E88E5")).unwrap().created.codes[0];
    let coder = p.ensure_coder("Amara").unwrap();
    p.perform(Action::AddCodings(vec![coding(source, code, coder, 0, 4)])).unwrap();
    Fixture { _dir: dir, p, source, code, coder }
}

fn create_code(parent: Option<CodeId>, name: &str, color: &str) -> Action {
    Action::CreateCode { parent, name: name.into(), color: color.into(), description: CodeDescription::default() }
}

fn coding(source: SourceId, code: CodeId, coder: CoderId, start: usize, end: usize) -> NewCoding {
    NewCoding { source, code, coder, span: TextSpan::new(start, end).unwrap(), memo: String::new() }
}

/// Asserts the kind and the exact message of an error.
#[track_caller]
fn assert_error(e: Error, kind: ErrorKind, message: &str) {
    assert_eq!((e.kind(), e.to_string().as_str()), (kind, message));
}

/// Performs `action`, which must fail, and returns its error.
#[track_caller]
fn refused(p: &mut Project, action: Action) -> Error {
    p.perform(action).unwrap_err()
}

#[test]
fn missing_names_and_ids_are_not_found() {
    let mut f = fixture();
    assert_error(f.p.code_at("Nope").unwrap_err(), ErrorKind::NotFound, "no code \"Nope\" in the codebook");
    assert_error(f.p.source_named("nowhere").unwrap_err(), ErrorKind::NotFound, "no source named \"nowhere\"");
    assert_error(f.p.case_named("Smith").unwrap_err(), ErrorKind::NotFound, "no case named \"Smith\"");
    let orphan = coding(f.source, CodeId(999), f.coder, 5, 9);
    assert_error(refused(&mut f.p, Action::AddCodings(vec![orphan])), ErrorKind::NotFound, "no code with id 999");
    let by_nobody = coding(f.source, f.code, CoderId(999), 5, 9);
    assert_error(refused(&mut f.p, Action::AddCodings(vec![by_nobody])), ErrorKind::NotFound, "no coder with id 999");
    let memo = Action::UpdateMemo { id: MemoId(999), title: "t".into(), body: "b".into(), updated_at: None };
    assert_error(refused(&mut f.p, memo), ErrorKind::NotFound, "no memo with id 999");
    let attribute = Action::SetAttribute { attribute: AttributeId(999), entity: f.source.0, value: None };
    assert_error(refused(&mut f.p, attribute), ErrorKind::NotFound, "no attribute with id 999");
    let participant = Action::UpdateParticipant { id: ParticipantId(999), name: "X".into(), role: None, cases: vec![] };
    assert_error(refused(&mut f.p, participant), ErrorKind::NotFound, "no participant with id 999");
    let gone = Action::Remove(EntitySet { codes: vec![CodeId(999)], ..Default::default() });
    assert_error(refused(&mut f.p, gone), ErrorKind::NotFound, "nothing to delete: the items no longer exist");
}

#[test]
fn analysis_filters_naming_nothing_are_not_found() {
    let f = fixture();
    let mut data = f.p.analysis_data(true).unwrap();
    let scope = Scope { coders: vec!["Bob".into()], ..Default::default() };
    assert_error(data.restrict(&scope).unwrap_err(), ErrorKind::NotFound, "no coder named \"Bob\"");
    let e = analysis::find_attribute(&data, "income").unwrap_err();
    assert_error(e, ErrorKind::NotFound, "no attribute named \"income\" (the project has none)");
}

#[test]
fn bad_values_are_invalid() {
    let mut f = fixture();
    let past_the_end = coding(f.source, f.code, f.coder, 10, 500);
    let e = refused(&mut f.p, Action::AddCodings(vec![past_the_end]));
    assert_error(e, ErrorKind::Invalid, "range 10..500 is outside source \"visit\" (it has 62 characters)");
    let e = refused(&mut f.p, create_code(None, "Trust", "green"));
    assert_error(e, ErrorKind::Invalid, "invalid colour \"green\": expected #RRGGBB, e.g. #1E88E5");
    let dated = Action::UpdateSource { id: f.source, name: "visit".into(), kind: SourceKind::Interview, date: Some("2025-02-30".into()) };
    assert_error(refused(&mut f.p, dated), ErrorKind::Invalid, "invalid date \"2025-02-30\": expected YYYY-MM-DD");
    let blank = Action::CreateCase { name: " ".into(), description: String::new(), sources: vec![] };
    assert_error(refused(&mut f.p, blank), ErrorKind::Invalid, "case name cannot be empty");
    let e = analysis::parse_query("Bond AND", &f.p.codebook().unwrap()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
    assert!(e.to_string().starts_with("invalid query \"Bond AND\""), "{e}");
}

#[test]
fn a_memo_on_a_missing_target_is_not_found_and_on_a_bad_span_invalid() {
    let mut f = fixture();
    let message = "the memo's target does not exist (or its span is outside the source)";
    let memo = |target| Action::CreateMemo { target, title: "t".into(), body: "b".into(), coder: f.coder };
    let missing = memo(MemoTarget::Source { id: SourceId(999), span: None });
    assert_error(refused(&mut f.p, missing), ErrorKind::NotFound, message);
    let outside = memo(MemoTarget::Source { id: f.source, span: TextSpan::new(10, 500) });
    assert_error(refused(&mut f.p, outside), ErrorKind::Invalid, message);
    f.p.perform(memo(MemoTarget::Source { id: f.source, span: TextSpan::new(0, 4) })).unwrap();
}

#[test]
fn names_already_taken_and_duplicates_are_conflicts() {
    let mut f = fixture();
    let e = refused(&mut f.p, create_code(None, "Bond", "#123456"));
    assert_error(e, ErrorKind::Conflict, "a code named \"Bond\" already exists at the top level");
    let e = refused(&mut f.p, Action::CreateCoder { name: "Amara".into() });
    assert_error(e, ErrorKind::Conflict, "a coder named \"Amara\" already exists");
    f.p.perform(Action::CreateCase { name: "Harlow".into(), description: String::new(), sources: vec![] }).unwrap();
    let again = Action::CreateCase { name: "Harlow".into(), description: String::new(), sources: vec![] };
    assert_error(refused(&mut f.p, again), ErrorKind::Conflict, "a case named \"Harlow\" already exists");
    let twice = coding(f.source, f.code, f.coder, 0, 4);
    assert_error(refused(&mut f.p, Action::AddCodings(vec![twice])), ErrorKind::Conflict, "0..4 in \"visit\" is already coded \"Bond\" by this coder");
}

#[test]
fn the_project_file_errors_have_kinds_and_keep_their_path() {
    let dir = Dir::new();
    let missing = dir.path("nope.thicket");
    let e = Project::open(&missing).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::NotFound, Some(missing.as_path())));
    let p = dir.path("p.thicket");
    Project::create(&p, "t").unwrap().close().unwrap();
    let e = Project::create(&p, "again").unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Conflict, Some(p.as_path())));
    let nowhere = dir.path("no/such/folder/p.thicket");
    let e = Project::create(&nowhere, "t").unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::NotFound, Some(nowhere.as_path())));
    std::fs::create_dir(dir.path("folder.thicket")).unwrap();
    assert_eq!(Project::open(&dir.path("folder.thicket")).unwrap_err().kind(), ErrorKind::Invalid);
}

#[test]
fn files_that_are_not_healthy_projects_are_damaged() {
    let dir = Dir::new();
    let text = dir.write("notes.thicket", "just some notes\n".repeat(100));
    let empty = dir.write("empty.thicket", "");
    let p = dir.path("p.thicket");
    Project::create(&p, "t").unwrap().close().unwrap();
    let full = bytes(&p);
    let truncated = dir.write("truncated.thicket", &full[..full.len() / 2]);
    for path in [&text, &empty] {
        let e = Project::open(path).unwrap_err();
        assert_eq!((e.kind(), e.path()), (ErrorKind::Damaged, Some(path.as_path())), "{e}");
    }
    // A truncated project opens read-only (docs/integrity.md): what can be read is read, and
    // every write is refused as damaged, naming the file.
    let mut damaged = Project::open(&truncated).unwrap();
    assert!(matches!(damaged.access(), thicket_core::store::Access::Damaged { .. }));
    let e = damaged.perform(thicket_core::action::Action::CreateCoder { name: "x".into() }).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Damaged, Some(truncated.as_path())), "{e}");
}

#[test]
fn a_newer_project_is_refused_with_its_own_kind_and_an_open_one_is_shared() {
    let dir = Dir::new();
    let p = dir.path("p.thicket");
    Project::create(&p, "t").unwrap().close().unwrap();
    // Another process (or window) may open a project that is open: writers take turns
    // (tests/multiproc.rs has the refusal after the wait, ErrorKind::Locked).
    let open = Project::open(&p).unwrap();
    Project::open(&p).unwrap().close().unwrap();
    open.close().unwrap();
    rusqlite::Connection::open(&p).unwrap().execute_batch("PRAGMA user_version = 99;").unwrap();
    assert_eq!(Project::open(&p).unwrap_err().kind(), ErrorKind::NewerVersion);
}

#[test]
fn a_file_that_cannot_be_written_is_an_io_error_naming_it() {
    let dir = Dir::new();
    let out = dir.path("no/such/folder/table.csv");
    let e = thicket_core::export::write_csv(&out, &[]).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Io, Some(out.as_path())));
    assert!(e.to_string().starts_with(&format!("cannot write \"{}\": ", out.display())), "{e}");
}

#[test]
fn a_caller_that_loaded_too_little_is_an_internal_error() {
    let f = fixture();
    let data = f.p.analysis_data(false).unwrap();
    let e = analysis::triangulate(&data, &Default::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Internal, "{e}");
}

#[test]
fn only_internal_errors_exit_2_and_problems_exit_1() {
    use ErrorKind::*;
    for kind in [NotFound, Invalid, Conflict, Damaged, NewerVersion, Locked, Io, Unavailable] {
        assert_eq!(Ending::Failed(kind).exit_code(), 1, "{kind:?}");
    }
    assert_eq!(Ending::Failed(Internal).exit_code(), 2);
    assert_eq!((Ending::Success.exit_code(), Ending::Problems.exit_code()), (0, 1));
}

#[test]
fn the_command_line_exits_by_kind() {
    let dir = Dir::new();
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Bond".as_ref()]);
    let taken = thicket(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Bond".as_ref()]);
    fails_with(&taken, &["code \"Bond\" already exists"]);
    let out = dir.path("missing/table.csv");
    let args = ["crosstab".as_ref(), p.as_os_str(), "--cols".as_ref(), "cases".as_ref(), "--format".as_ref(), "csv".as_ref(), "--out".as_ref(), out.as_os_str()];
    fails_with(&thicket(args), &["cannot write", &display(&out)]);
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
