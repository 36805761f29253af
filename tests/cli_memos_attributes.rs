//! Memos and attributes from the command line, on the sample study: written, refused when they
//! name nothing or break their type, and listed back.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn sample(dir: &Dir) -> PathBuf {
    let path = dir.path("study.thicket");
    ok(["sample".as_ref(), path.as_os_str()]);
    path
}

fn run(project: &Path, command: &str, args: &[&str]) -> std::process::Output {
    on_project(command, project, args)
}

#[test]
fn memos_on_each_kind_of_target_are_listed_with_what_they_are_about() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = json(["memo".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]).as_array().unwrap().len();
    assert_eq!(stdout(&run(&p, "memo", &["add", "--title", "Pattern", "--body", "Ruptures cluster after school visits."])), "wrote a memo on the project\n");
    assert_eq!(stdout(&run(&p, "memo", &["add", "--case", "Harlow family", "--body", "Mistrust eases."])), "wrote a memo on case \"Harlow family\"\n");
    assert_eq!(stdout(&run(&p, "memo", &["add", "--code", "Repair/Honesty", "--body", "Check against Safe space."])), "wrote a memo on code \"Repair/Honesty\"\n");
    let o = run(&p, "memo", &["add", "--source", "Harlow – session 1 (joint interview)", "--range", "10..40", "--body", "A long pause.", "--coder", "Jonas"]);
    assert_eq!(stdout(&o), "wrote a memo on source \"Harlow – session 1 (joint interview)\" 10..40\n");
    let memos = json(["memo".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let memos = memos.as_array().unwrap();
    assert_eq!(memos.len(), before + 4);
    let last = memos.iter().find(|m| m["body"] == "A long pause.").unwrap();
    assert_eq!((last["about"].as_str(), last["coder"].as_str()), (Some("source \"Harlow – session 1 (joint interview)\" 10..40"), Some("Jonas")));
}

#[test]
fn a_memo_on_nothing_that_exists_is_refused_and_changes_nothing() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    fails_with(&run(&p, "memo", &["add", "--case", "Smith family", "--body", "x"]), &["no case named \"Smith family\""]);
    fails_with(&run(&p, "memo", &["add", "--code", "Repair/Nope", "--body", "x"]), &["Repair/Nope"]);
    fails_with(&run(&p, "memo", &["add", "--source", "Harlow – session 1 (joint interview)", "--range", "10..9999999", "--body", "x"]), &["invalid range"]);
    fails_with(&run(&p, "memo", &["add", "--code", "Repair", "--case", "Harlow family", "--body", "x"]), &["cannot be used with"]);
    assert_eq!(bytes(&p), before);
}

#[test]
fn attributes_are_defined_set_checked_against_their_type_and_cleared() {
    let dir = Dir::new();
    let p = sample(&dir);
    let o = run(&p, "attribute", &["define", "Income band", "--on", "case", "--type", "category", "--category", "low", "--category", "high"]);
    assert_eq!(stdout(&o), "defined case attribute \"Income band\" (category)\n");
    assert_eq!(stdout(&run(&p, "attribute", &["set", "Income band", "low", "--case", "Harlow family"])), "set \"Income band\" of case \"Harlow family\" to \"low\"\n");
    let before = bytes(&p);
    fails_with(&run(&p, "attribute", &["set", "Income band", "rich", "--case", "Harlow family"]), &["expected one of low, high"]);
    fails_with(&run(&p, "attribute", &["set", "Income band", "low", "--participant", "Dana"]), &["no participant attribute named \"Income band\""]);
    fails_with(&run(&p, "attribute", &["define", "Age", "--on", "family"]), &["unknown --on \"family\""]);
    assert_eq!(bytes(&p), before);
    ok(["attribute".as_ref(), p.as_os_str(), "define".as_ref(), "Age".as_ref(), "--on".as_ref(), "participant".as_ref(), "--type".as_ref(), "number".as_ref()]);
    fails_with(&run(&p, "attribute", &["set", "Age", "thirty", "--participant", "Dana"]), &["Age"]);
    ok(["attribute".as_ref(), p.as_os_str(), "set".as_ref(), "Age".as_ref(), "31".as_ref(), "--participant".as_ref(), "Dana".as_ref()]);
    let listed = json(["attribute".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let age = listed.as_array().unwrap().iter().find(|a| a["name"] == "Age").unwrap();
    assert_eq!(age["values"], serde_json::json!([{"entity": "Dana", "value": "31"}]));
    assert_eq!(stdout(&run(&p, "attribute", &["set", "Age", "--participant", "Dana", "--clear"])), "cleared \"Age\" of participant \"Dana\"\n");
    let listed = json(["attribute".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(listed.as_array().unwrap().iter().find(|a| a["name"] == "Age").unwrap()["values"], serde_json::json!([]));
}
