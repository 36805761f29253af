//! Changing the codebook and removing codings from the command line, on the sample study: what
//! the codebook panel does in the window, for scripts.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn sample(dir: &Dir) -> PathBuf {
    let path = dir.path("study.thicket");
    ok(["sample".as_ref(), path.as_os_str()]);
    path
}

/// Codings per code path, from `list codes --format json`.
fn counts(project: &Path) -> Vec<(String, u64)> {
    let codes = json(["list".as_ref(), project.as_os_str(), "codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    codes.as_array().unwrap().iter().map(|c| (c["path"].as_str().unwrap().to_string(), c["codings"].as_u64().unwrap())).collect()
}

fn count(project: &Path, path: &str) -> Option<u64> {
    counts(project).into_iter().find(|(p, _)| p == path).map(|(_, n)| n)
}

fn code(project: &Path, args: &[&str]) -> std::process::Output {
    on_project("code", project, args)
}

#[test]
fn renaming_a_code_keeps_its_codings_and_place() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = count(&p, "Ruptures/Withdrawal").unwrap();
    let o = code(&p, &["rename", "Ruptures/Withdrawal", "Pulling away"]);
    assert_eq!(stdout(&o), "renamed \"Ruptures/Withdrawal\" to \"Ruptures/Pulling away\"\n");
    assert_eq!(count(&p, "Ruptures/Pulling away"), Some(before));
    assert_eq!(count(&p, "Ruptures/Withdrawal"), None);
}

#[test]
fn renaming_onto_a_sibling_name_is_refused_and_changes_nothing() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    fails_with(&code(&p, &["rename", "Ruptures/Withdrawal", "Confrontation"]), &["Confrontation"]);
    assert_eq!(bytes(&p), before);
}

#[test]
fn moving_a_code_takes_its_codings_along_and_refuses_a_cycle() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = count(&p, "Tensions/Mistrust").unwrap();
    assert_eq!(stdout(&code(&p, &["move", "Tensions/Mistrust", "--under", "Ruptures"])), "moved \"Tensions/Mistrust\" to \"Ruptures/Mistrust\"\n");
    assert_eq!(count(&p, "Ruptures/Mistrust"), Some(before));
    assert_eq!(stdout(&code(&p, &["move", "Ruptures/Mistrust", "--top"])), "moved \"Ruptures/Mistrust\" to \"Mistrust\"\n");
    let unchanged = bytes(&p);
    fails_with(&code(&p, &["move", "Repair", "--under", "Repair/Honesty"]), &["cannot move \"Repair\" under itself or one of its sub-codes"]);
    fails_with(&code(&p, &["move", "Repair"]), &["--under", "--top"]);
    assert_eq!(bytes(&p), unchanged);
}

#[test]
fn merging_a_code_moves_every_coding_to_the_other() {
    let dir = Dir::new();
    let p = sample(&dir);
    let (a, b) = (count(&p, "Tensions/Mistrust").unwrap(), count(&p, "Ruptures/Withdrawal").unwrap());
    let o = code(&p, &["merge", "Tensions/Mistrust", "--into", "Ruptures/Withdrawal"]);
    assert_eq!(stdout(&o), format!("merged \"Tensions/Mistrust\" into \"Ruptures/Withdrawal\" ({a} codings)\n"));
    assert_eq!(count(&p, "Ruptures/Withdrawal"), Some(a + b));
    assert_eq!(count(&p, "Tensions/Mistrust"), None);
}

#[test]
fn deleting_a_code_says_what_went_with_it() {
    let dir = Dir::new();
    let p = sample(&dir);
    let total: u64 = counts(&p).iter().filter(|(path, _)| path.starts_with("Repair")).map(|(_, n)| n).sum();
    let o = code(&p, &["delete", "Repair"]);
    assert_eq!(stdout(&o), format!("deleted \"Repair\" with 3 sub-codes and {total} codings\n"));
    assert!(counts(&p).iter().all(|(path, _)| !path.starts_with("Repair")));
    fails_with(&code(&p, &["delete", "Repair"]), &["no code \"Repair\""]);
}

#[test]
fn removing_codings_by_id_is_all_or_nothing() {
    let dir = Dir::new();
    let p = sample(&dir);
    let codings = json(["list".as_ref(), p.as_os_str(), "codings".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let ids: Vec<String> = codings.as_array().unwrap().iter().take(2).map(|c: &Value| c["coding_id"].to_string()).collect();
    let n = codings.as_array().unwrap().len();
    let before = bytes(&p);
    let o = thicket(["coding".as_ref(), p.as_os_str(), "remove".as_ref(), ids[0].as_ref(), "999999".as_ref()]);
    fails_with(&o, &["no coding with id 999999"]);
    assert_eq!(bytes(&p), before, "a bad id removes nothing");
    let o = thicket(["coding".as_ref(), p.as_os_str(), "remove".as_ref(), ids[0].as_ref(), ids[1].as_ref()]);
    assert_eq!(stdout(&o), "removed 2 codings\n");
    let after = json(["list".as_ref(), p.as_os_str(), "codings".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(after.as_array().unwrap().len(), n - 2);
}
