//! Backups and the audit trail from the command line (issue #15 §4 and §6): `thicket backup
//! make|list|restore` on real files, rotation, and `thicket log` with its filters and formats.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn project(dir: &Dir) -> PathBuf {
    let p = dir.path("study.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    let visit = dir.write("visit.txt", "We talked about the school.\n\nThen about the plan.\n");
    ok(["import".as_ref(), p.as_os_str(), visit.as_os_str()]);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "School".as_ref()]);
    p
}

fn run(args: &[&str]) -> String {
    ok(args.iter().map(std::ffi::OsStr::new))
}

fn backups(p: &Path) -> Vec<Value> {
    let v = json(["backup".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]);
    v["backups"].as_array().unwrap().clone()
}

#[test]
fn make_list_and_restore_into_a_new_file() {
    let dir = Dir::new();
    let p = project(&dir);
    let ps = p.to_str().unwrap();
    assert!(backups(&p).is_empty());
    let said = run(&["backup", ps, "make"]);
    assert!(said.contains("1 sources, 1 codes"), "{said}");
    let list = backups(&p);
    assert_eq!(list.len(), 1);
    assert_eq!((list[0]["sources"].as_u64(), list[0]["codes"].as_u64(), list[0]["codings"].as_u64()), (Some(1), Some(1), Some(0)));
    let file = PathBuf::from(list[0]["file"].as_str().unwrap());
    assert_eq!(file.parent().unwrap(), dir.path("study.thicket-backups"));
    assert!(list[0]["taken_at"].as_str().unwrap().ends_with('Z'));
    // The project changes after the snapshot; the restored copy has the snapshot's content.
    run(&["code", ps, "add", "Plan"]);
    let before = bytes(&p);
    let to = dir.path("restored.thicket");
    let name = file.file_name().unwrap().to_str().unwrap();
    run(&["backup", ps, "restore", name, "--to", to.to_str().unwrap()]);
    let codes = json(["list".as_ref(), to.as_os_str(), "codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(codes.as_array().unwrap().len(), 1);
    assert_eq!(bytes(&p), before, "the project is not touched");
    // Never over an existing file; a missing snapshot is named.
    let o = on_project("backup", &p, &["restore", name, "--to", to.to_str().unwrap()]);
    fails_with(&o, &["restored.thicket"]);
    let o = on_project("backup", &p, &["restore", "nope.thicket", "--to", dir.path("x.thicket").to_str().unwrap()]);
    fails_with(&o, &["nope.thicket"]);
    // The table names the file and the counts.
    let table = run(&["backup", ps, "list"]);
    assert!(table.contains(name) && table.contains("sources"), "{table}");
}

#[test]
fn rotation_keeps_the_newest_and_drops_the_oldest() {
    let dir = Dir::new();
    let p = project(&dir);
    let ps = p.to_str().unwrap();
    for i in 0..4 {
        run(&["code", ps, "add", &format!("Code {i}")]);
        run(&["backup", ps, "make", "--keep", "2"]);
    }
    let list = backups(&p);
    assert_eq!(list.len(), 2, "{list:?}");
    // Newest first: the last two made (5 and 4 codes).
    let codes: Vec<u64> = list.iter().map(|b| b["codes"].as_u64().unwrap()).collect();
    assert_eq!(codes, [5, 4]);
}

#[test]
fn the_log_lists_actions_newest_first_with_filters_and_formats() {
    let dir = Dir::new();
    let p = project(&dir);
    let ps = p.to_str().unwrap();
    run(&["code", ps, "add", "=1+1"]);
    run(&["code", ps, "apply", "School", "--source", "visit", "--range", "0..9"]);
    let log = json(["log".as_ref(), p.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    let rows = log.as_array().unwrap();
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["AddCodings", "CreateCode", "CreateCode", "ImportSources"]);
    assert!(rows[0]["at"].as_str().unwrap().ends_with('Z'));
    // By source and by code.
    let of_school = json(["log".as_ref(), p.as_os_str(), "--code".as_ref(), "School".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let kinds: Vec<&str> = of_school.as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["AddCodings", "CreateCode"]);
    let of_visit = json(["log".as_ref(), p.as_os_str(), "--source".as_ref(), "visit".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(of_visit.as_array().unwrap().len(), 2);
    // By coder (who: $THICKET_CODER here) and by date.
    let who = rows[0]["coder"].as_str().unwrap().to_string();
    let mine = json(["log".as_ref(), p.as_os_str(), "--coder".as_ref(), who.as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(mine.as_array().unwrap().len(), 4);
    let none = json(["log".as_ref(), p.as_os_str(), "--coder".as_ref(), "nobody".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert!(none.as_array().unwrap().is_empty());
    let future = json(["log".as_ref(), p.as_os_str(), "--since".as_ref(), "2999-01-01".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert!(future.as_array().unwrap().is_empty());
    let past = json(["log".as_ref(), p.as_os_str(), "--since".as_ref(), "2000-01-01".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(past.as_array().unwrap().len(), 4);
    fails_with(&on_project("log", &p, &["--since", "last week"]), &["--since"]);
    fails_with(&on_project("log", &p, &["--source", "nowhere"]), &["nowhere"]);
    // CSV through the one writer: a formula-like name is neutralised.
    let csv = run(&["log", ps, "--format", "csv"]);
    assert!(csv.starts_with("id,when,coder,kind,summary,counts,entities"), "{csv}");
    assert!(csv.contains("'=1+1") || csv.contains("“=1+1”"), "{csv}");
    assert!(!csv.contains(",=1+1"), "{csv}");
    let table = run(&["log", ps]);
    assert!(table.contains("Apply code") && table.contains("source “visit”"), "{table}");
}

#[test]
fn the_coder_named_on_the_command_line_is_who_the_log_records() {
    let dir = Dir::new();
    let p = project(&dir);
    let ps = p.to_str().unwrap();
    // The default (`$THICKET_CODER`, "tester" in these tests) for a command without --coder.
    run(&["code", ps, "add", "Plan"]);
    // --coder names who did it, a new coder or a known one.
    run(&["code", ps, "apply", "School", "--source", "visit", "--range", "0..9", "--coder", "Bea"]);
    run(&["memo", ps, "add", "--body", "The school comes up first.", "--code", "School", "--coder", "Chidi"]);
    run(&["autocode", ps, "Plan", "--plain", "plan", "--coder", "Bea"]);
    run(&["code", ps, "apply", "Plan", "--source", "visit", "--range", "0..2"]);
    let log = json(["log".as_ref(), p.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    let who: Vec<(&str, &str)> = log.as_array().unwrap().iter().map(|r| (r["kind"].as_str().unwrap(), r["coder"].as_str().unwrap())).collect();
    assert_eq!(
        who,
        [
            ("AddCodings", "tester"),
            ("Batch", "Bea"),
            ("CreateMemo", "Chidi"),
            ("AddCodings", "Bea"),
            ("CreateCode", "tester"),
            ("CreateCode", "tester"),
            ("ImportSources", "tester"),
        ]
    );
    // And the filter finds them by that name.
    let bea = json(["log".as_ref(), p.as_os_str(), "--coder".as_ref(), "Bea".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(bea.as_array().unwrap().len(), 2);
}
