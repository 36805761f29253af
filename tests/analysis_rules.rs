//! The rules that keep two coders, two families and two kinds of author apart (issue #11, part 6),
//! through the command line: on the sample study, and on small projects built for one rule each,
//! whose every number can be worked out by hand.
//!
//! - Co-occurrence, sequences, transitions and triangulation pair codings of one coder, unless
//!   `--across-coders`.
//! - Codes on the same span are not one "followed by" the other; each B answers at most one A;
//!   overall figures count each pair once.
//! - A source without turns carries its author's perspective (`thicket source set --author`), not
//!   the perspectives of the people it is about; a focus-group passage corroborates only the case
//!   of the person who said it.
//! - A case filter limits the characters coverage divides by.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use thicket_core::Project;
use thicket_core::action::{Action, NewCoding, NewSource, NewTurn};
use thicket_core::model::*;

/// Runs `thicket COMMAND PROJECT ARGS… --format json`.
fn cli_json(project: &Path, command: &str, args: &[&str]) -> Value {
    let out = on_project(command, project, &[args, &["--format", "json"]].concat());
    assert!(out.status.success(), "{command} {args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// "aa aa aa …", `n` chars.
fn words(n: usize) -> String {
    (0..n).map(|i| if i % 3 == 2 { ' ' } else { 'a' }).collect()
}

/// A small study: codes Ruptures/Withdrawal and Repair/Honesty; coders Amara and Jonas; cases A
/// and B; Dana (caregiver, case A) and Sam (social worker, case B). Sources, 100 chars each:
/// - "talk": interview of case A, Dana speaks 0..100;
/// - "note": observation of case A, no turns, about Sam;
/// - "group": focus group of cases A and B, Dana speaks 0..50 and Sam 50..100.
///
/// `codings`: (source, code, start, end, coder).
fn study(dir: &Dir, codings: &[(&str, &str, usize, usize, &str)]) -> PathBuf {
    let path = dir.path("rules.thicket");
    let mut p = Project::create(&path, "rules").unwrap();
    for name in ["A", "B"] {
        p.perform(Action::CreateCase { name: name.into(), description: String::new(), sources: vec![] }).unwrap();
    }
    let (a, b) = (p.case_named("A").unwrap().id, p.case_named("B").unwrap().id);
    p.perform(Action::CreateParticipant { name: "Dana".into(), role: Some("caregiver".into()), cases: vec![a] }).unwrap();
    p.perform(Action::CreateParticipant { name: "Sam".into(), role: Some("social_worker".into()), cases: vec![b] }).unwrap();
    let turn = |who: &str, start: usize, end: usize| NewTurn { speaker: who.into(), span: TextSpan::new(start, end).unwrap(), timestamp_ms: None };
    let source = |name: &str, kind: SourceKind, cases: &[&str], about: &[&str], turns: Vec<NewTurn>| NewSource {
        name: name.into(),
        kind,
        text: words(100),
        date: Some("2025-03-01".into()),
        original_name: format!("{name}.txt"),
        original_format: "txt".into(),
        encoding: "UTF-8".into(),
        page_starts: None,
        time_marks: Vec::new(),
        cases: cases.iter().map(|c| c.to_string()).collect(),
        participants: about.iter().map(|c| c.to_string()).collect(),
        turns,
        attributes: vec![],
        roles: vec![],
    };
    p.perform(Action::ImportSources(vec![
        source("talk", SourceKind::Interview, &["A"], &[], vec![turn("Dana", 0, 100)]),
        source("note", SourceKind::Observation, &["A"], &["Sam"], vec![]),
        source("group", SourceKind::FocusGroup, &["A", "B"], &[], vec![turn("Dana", 0, 50), turn("Sam", 50, 100)]),
    ]))
    .unwrap();
    for (parent, child) in [("Ruptures", "Withdrawal"), ("Repair", "Honesty")] {
        p.perform(Action::CreateCode { parent: None, name: parent.into(), color: "#888888".into(), description: Default::default() }).unwrap();
        let parent = p.code_at(parent).unwrap();
        p.perform(Action::CreateCode { parent: Some(parent), name: child.into(), color: "#888888".into(), description: Default::default() }).unwrap();
    }
    let mut batch = Vec::new();
    for &(source, code, start, end, coder) in codings {
        let coder = p.ensure_coder(coder).unwrap();
        let (source, code) = (p.source_named(source).unwrap().id, p.code_at(code).unwrap());
        batch.push(NewCoding { source, code, coder, span: TextSpan::new(start, end).unwrap(), memo: String::new() });
    }
    p.perform(Action::AddCodings(batch)).unwrap();
    p.close().unwrap();
    path
}

const W: &str = "Ruptures/Withdrawal";
const H: &str = "Repair/Honesty";

fn overall(seq: &Value) -> (u64, u64) {
    let o = &seq["sequence"]["overall"];
    (o["from_codings"].as_u64().unwrap(), o["followed"].as_u64().unwrap())
}

fn cell<'a>(tri: &'a Value, code: &str, case: &str) -> &'a Value {
    let row = tri["codes"].as_array().unwrap().iter().position(|c| c == code).unwrap();
    let col = tri["cases"].as_array().unwrap().iter().position(|c| c == case).unwrap();
    &tri["cells"][row][col]
}

#[test]
fn two_coders_codes_on_one_passage_are_neither_a_cooccurrence_nor_a_sequence_unless_across_coders() {
    let dir = Dir::new();
    // Amara's Withdrawal at 0..10 of the interview, Jonas's Honesty at 5..15.
    let p = study(&dir, &[("talk", W, 0, 10, "Amara"), ("talk", H, 5, 15, "Jonas")]);
    let codes = ["--code", W, "--code", H];
    assert_eq!(cli_json(&p, "cooccur", &codes)["counts"][0][1], 0);
    let across = cli_json(&p, "cooccur", &[&codes[..], &["--across-coders"]].concat());
    assert_eq!((across["counts"][0][1].as_u64(), across["across_coders"].as_bool()), (Some(1), Some(true)));
    let seq = ["--from", W, "--to", H];
    assert_eq!(overall(&cli_json(&p, "sequence", &seq)), (1, 0));
    let s = cli_json(&p, "sequence", &[&seq[..], &["--across-coders"]].concat());
    assert_eq!(overall(&s), (1, 1));
    assert_eq!(s["transitions"]["counts"][0][1], 1);
    assert_eq!(cli_json(&p, "sequence", &seq)["transitions"]["counts"][0][1], 0);
}

#[test]
fn a_code_on_the_same_span_is_not_followed_by_another_code_on_it() {
    let dir = Dir::new();
    // One coder puts Withdrawal and Honesty on the same chars: co-coding, not a sequence.
    let p = study(&dir, &[("talk", W, 20, 40, "Amara"), ("talk", H, 20, 40, "Amara")]);
    let s = cli_json(&p, "sequence", &["--from", W, "--to", H]);
    assert_eq!(overall(&s), (1, 0));
    assert_eq!(s["transitions"]["counts"], serde_json::json!([[0, 0], [0, 0]]));
    // They do co-occur: that is what co-occurrence is for.
    assert_eq!(cli_json(&p, "cooccur", &["--code", W, "--code", H])["counts"][0][1], 1);
}

#[test]
fn each_repair_answers_one_rupture_the_most_recent_unanswered() {
    let dir = Dir::new();
    // Three withdrawals, one honesty, a fourth withdrawal, a second honesty, all in the interview.
    let p = study(&dir, &[
        ("talk", W, 0, 5, "Amara"),
        ("talk", W, 10, 15, "Amara"),
        ("talk", W, 20, 25, "Amara"),
        ("talk", H, 30, 35, "Amara"),
        ("talk", W, 40, 45, "Amara"),
        ("talk", H, 60, 65, "Amara"),
    ]);
    let s = cli_json(&p, "sequence", &["--from", W, "--to", H]);
    assert_eq!(overall(&s), (4, 2));
    let follows: Vec<(u64, u64)> = s["sequence"]["cases"][0]["follows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["from_start"].as_u64().unwrap(), f["to_start"].as_u64().unwrap()))
        .collect();
    assert_eq!(follows, [(20, 30), (40, 60)]);
}

#[test]
fn a_pair_in_a_focus_group_of_two_cases_counts_in_each_case_and_once_overall() {
    let dir = Dir::new();
    let p = study(&dir, &[("group", W, 0, 10, "Amara"), ("group", H, 20, 30, "Amara")]);
    let s = cli_json(&p, "sequence", &["--from", W, "--to", H]);
    let per_case: Vec<u64> = s["sequence"]["cases"].as_array().unwrap().iter().map(|c| c["followed"].as_u64().unwrap()).collect();
    assert_eq!(per_case, [1, 1]);
    assert_eq!(overall(&s), (1, 1));
    assert_eq!(s["transitions"]["counts"][0][1], 1);
}

#[test]
fn an_observation_carries_its_authors_perspective_not_that_of_whom_it_is_about() {
    let dir = Dir::new();
    // Honesty in Dana's interview and in the observation about Sam, one coder.
    let p = study(&dir, &[("talk", H, 0, 10, "Amara"), ("note", H, 0, 10, "Amara")]);
    let tri = cli_json(&p, "triangulate", &[]);
    // Sam is what the note is about, not who wrote it: one perspective, two kinds.
    assert_eq!(cell(&tri, H, "A")["roles"], serde_json::json!(["caregiver"]));
    assert_eq!(cell(&tri, H, "A")["status"], "methods");
    let said = on_project("source", &p, &["set", "note", "--author", "researcher"]);
    assert_eq!(stdout(&said).trim(), "source \"note\" carries the perspective of \"researcher\"");
    let tri = cli_json(&p, "triangulate", &[]);
    assert_eq!(cell(&tri, H, "A")["roles"], serde_json::json!(["caregiver", "researcher"]));
    assert_eq!(cell(&tri, H, "A")["status"], "methods+perspectives");
    let listed = cli_json(&p, "list", &["sources"]);
    let note = listed.as_array().unwrap().iter().find(|s| s["name"] == "note").unwrap();
    assert_eq!(note["author"], "researcher");
    assert!(on_project("source", &p, &["set", "note", "--no-author"]).status.success());
    assert_eq!(cell(&cli_json(&p, "triangulate", &[]), H, "A")["status"], "methods");
    fails_with(&on_project("source", &p, &["set", "nope", "--author", "agency"]), &["no source named \"nope\""]);
    fails_with(&on_project("source", &p, &["set", "note"]), &["--author", "--no-author"]);
}

#[test]
fn setting_a_sources_author_is_undone_and_redone() {
    let dir = Dir::new();
    let path = study(&dir, &[]);
    let mut p = Project::open(&path).unwrap();
    let note = p.source_named("note").unwrap().id;
    p.perform(Action::SetSourceAuthor { id: note, author: Some("  agency ".into()) }).unwrap();
    assert_eq!(p.source_named("note").unwrap().author.as_deref(), Some("agency"));
    p.undo().unwrap();
    assert_eq!(p.source_named("note").unwrap().author, None);
    p.redo().unwrap();
    assert_eq!(p.source_named("note").unwrap().author.as_deref(), Some("agency"));
    let err = p.perform(Action::SetSourceAuthor { id: note, author: Some("two\nlines".into()) }).unwrap_err();
    assert!(err.to_string().contains("invalid author"), "{err}");
    // Deleting the source and undoing that brings its author back.
    p.perform(Action::Remove(thicket_core::action::EntitySet { sources: vec![note], ..Default::default() })).unwrap();
    p.undo().unwrap();
    assert_eq!(p.source_named("note").unwrap().author.as_deref(), Some("agency"));
    p.close().unwrap();
}

#[test]
fn a_focus_group_passage_corroborates_only_the_case_of_who_said_it() {
    let dir = Dir::new();
    // In the focus group (cases A and B), Dana (case A) and Sam (case B) each say something honest.
    let p = study(&dir, &[("group", H, 0, 10, "Amara"), ("group", H, 60, 70, "Amara")]);
    let tri = cli_json(&p, "triangulate", &[]);
    let (a, b) = (cell(&tri, H, "A"), cell(&tri, H, "B"));
    assert_eq!((a["codings"].as_u64(), a["roles"].clone()), (Some(1), serde_json::json!(["caregiver"])));
    assert_eq!((b["codings"].as_u64(), b["roles"].clone()), (Some(1), serde_json::json!(["social_worker"])));
    // Before, each family got both passages, and so a second perspective it never voiced.
    assert_eq!(a["status"], "single-source");
}

#[test]
fn with_a_case_filter_coverage_divides_by_that_cases_characters() {
    let dir = Dir::new();
    let p = study(&dir, &[("group", W, 0, 10, "Amara")]);
    // Case B has the focus group alone: 100 chars, not the 300 of the study.
    let t = cli_json(&p, "crosstab", &["--cols", "coders", "--measure", "coverage", "--case", "B"]);
    assert_eq!(t["col_chars"], serde_json::json!([100]));
    assert_eq!(t["total_chars"], 100);
    assert_eq!(t["cells"][1][0], 10.0);
}

/// The sample study's figures that the rules moved, so a change to them is seen.
#[test]
fn the_sample_study_under_the_rules() {
    let dir = Dir::new();
    let p = dir.path("s.thicket");
    ok(["sample".as_ref(), p.as_os_str()]);
    let pair = ["--code", "Tensions/Mistrust", "--code", W];
    // Amara's Mistrust beside Jonas's Withdrawal made 3 "co-occurrences"; each coder alone has 0.
    assert_eq!(cli_json(&p, "cooccur", &pair)["counts"][0][1], 0);
    for coder in ["Amara", "Jonas"] {
        assert_eq!(cli_json(&p, "cooccur", &[&pair[..], &["--coder", coder]].concat())["counts"][0][1], 0);
    }
    assert_eq!(cli_json(&p, "cooccur", &[&pair[..], &["--across-coders"]].concat())["counts"][0][1], 3);
    // Triangulation: 48 coded cells, of which 45 corroborated, 42 across methods, 44 across
    // perspectives, 41 both (before: 48, 48, 45, 45).
    let tri = cli_json(&p, "triangulate", &[]);
    let sum = |k: &str| tri["summary"].as_array().unwrap().iter().map(|s| s[k].as_u64().unwrap()).sum::<u64>();
    assert_eq!([sum("cases_coded"), sum("corroborated"), sum("across_methods"), sum("across_perspectives"), sum("both")], [48, 45, 42, 44, 41]);
    // The case files are the agency's, the observations the researcher's.
    let tasks = cell(&tri, "Alliance/Tasks", "Mensah family");
    assert_eq!(tasks["roles"], serde_json::json!(["agency", "caregiver", "researcher", "social_worker"]));
    // Sequences: the focus group's withdrawals count once overall (52 → 44 A codings), and each
    // repair answers one withdrawal (19 → 10 followed within 4 turns).
    let s = cli_json(&p, "sequence", &["--from", W, "--to", "Repair", "--window", "turns:4"]);
    assert_eq!(overall(&s), (44, 10));
}
