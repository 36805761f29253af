//! Several processes on one project (docs/integrity.md, "Several processes"): readers never wait
//! or fail, writers take turns, a writer kept waiting too long is refused with a message naming
//! the file (exit 1), and the undo history never takes back another process's change.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use common::*;
use thicket_core::action::Action;
use thicket_core::error::ErrorKind;
use thicket_core::project::{OutsideChange, Project};

fn run(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Output {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("thicket"));
    cmd.args(args).env("THICKET_CODER", "tester");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run thicket")
}

fn project(dir: &Dir) -> PathBuf {
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    p
}

/// What one loop of a writer saw: the names it wrote, and its refusals (message).
struct Loop {
    written: Vec<String>,
    refused: Vec<String>,
}

fn writer(p: &Path, kind: &'static str, n: usize) -> std::thread::JoinHandle<Loop> {
    let p = p.to_path_buf();
    std::thread::spawn(move || {
        let mut result = Loop { written: Vec::new(), refused: Vec::new() };
        for i in 0..n {
            let name = format!("{kind} {i:02}");
            let o = match kind {
                "code" => run(&["code".as_ref(), p.as_os_str(), "add".as_ref(), name.as_ref()], &[]),
                _ => run(&["memo".as_ref(), p.as_os_str(), "add".as_ref(), "--title".as_ref(), name.as_ref(), "--body".as_ref(), "Written beside another process.".as_ref()], &[]),
            };
            match o.status.code() {
                Some(0) => result.written.push(name),
                Some(1) if stderr(&o).contains("is being written by another Thicket process; try again") => result.refused.push(stderr(&o)),
                code => panic!("{kind} write {i} ended with {code:?}: {}", stderr(&o)),
            }
        }
        result
    })
}

#[test]
fn two_writers_and_a_reader_at_once_lose_nothing() {
    let dir = Dir::new();
    let p = project(&dir);
    let codes = writer(&p, "code", 50);
    let memos = writer(&p, "memo", 50);
    let mut reads = 0;
    while !(codes.is_finished() && memos.is_finished()) {
        let o = run(&["list".as_ref(), p.as_os_str(), "codes".as_ref(), "--format".as_ref(), "json".as_ref()], &[]);
        assert_eq!(o.status.code(), Some(0), "a reader failed beside two writers: {}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).expect("a whole listing");
        reads += 1;
    }
    let (codes, memos) = (codes.join().unwrap(), memos.join().unwrap());
    assert!(reads >= 3, "the reader ran only {reads} times");
    // With the default wait (seconds) two quick writers never keep each other out.
    assert!(codes.refused.is_empty() && memos.refused.is_empty(), "refused: {:?} {:?}", codes.refused, memos.refused);
    assert_eq!((codes.written.len(), memos.written.len()), (50, 50));
    let listed = json(["list".as_ref(), p.as_os_str(), "codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let names: Vec<String> = listed.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap_or_default().to_string()).collect();
    for name in &codes.written {
        assert!(names.contains(name), "lost the code {name}");
    }
    let memo_list = ok(["memo".as_ref(), p.as_os_str(), "list".as_ref(), "--format".as_ref(), "json".as_ref()]);
    for name in &memos.written {
        assert!(memo_list.contains(&format!("\"{name}\"")), "lost the memo {name}");
    }
    ok(["check".as_ref(), p.as_os_str()]);
    // The last process out leaves a single file.
    assert!(!dir.path("p.thicket-wal").exists() || std::fs::metadata(dir.path("p.thicket-wal")).unwrap().len() == 0);
}

/// Holds the write lock of `p` from outside Thicket, as a long write of another process would.
fn hold_write_lock(p: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(p).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO project_info (key, value) VALUES ('held', '1') ON CONFLICT (key) DO NOTHING;").unwrap();
    conn
}

#[test]
fn a_writer_kept_waiting_is_refused_naming_the_file_and_readers_go_on() {
    let dir = Dir::new();
    let p = project(&dir);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Before".as_ref()]);
    let held = hold_write_lock(&p);
    let start = Instant::now();
    let o = run(&["code".as_ref(), p.as_os_str(), "add".as_ref(), "Blocked".as_ref()], &[("THICKET_BUSY_TIMEOUT_MS", "300")]);
    let waited = start.elapsed();
    fails_with(&o, &[&format!("\"{}\" is being written by another Thicket process; try again", p.display()), "nothing was changed"]);
    assert!(waited >= Duration::from_millis(300), "gave up before its wait: {waited:?}");
    // Reading is never refused, even while a write is under way.
    let o = run(&["list".as_ref(), p.as_os_str(), "codes".as_ref()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Before") && !stdout(&o).contains("Blocked"));
    drop(held);
    // Once the other write is over, the same command goes through.
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Blocked".as_ref()]);
}

#[test]
fn a_writer_waits_its_turn_within_the_timeout() {
    let dir = Dir::new();
    let p = project(&dir);
    let held = hold_write_lock(&p);
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        held.execute_batch("COMMIT;").unwrap();
    });
    let o = run(&["code".as_ref(), p.as_os_str(), "add".as_ref(), "Patient".as_ref()], &[("THICKET_BUSY_TIMEOUT_MS", "5000")]);
    releaser.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(ok(["list".as_ref(), p.as_os_str(), "codes".as_ref()]).contains("Patient"));
}

#[test]
fn a_library_write_kept_waiting_is_locked_not_internal() {
    let dir = Dir::new();
    let p = project(&dir);
    let mut project = Project::open(&p).unwrap();
    project.set_busy_timeout(Duration::from_millis(100)).unwrap();
    // Before the lock is taken: the first write's soundness check reads freely.
    project.ready_to_write().unwrap();
    let held = hold_write_lock(&p);
    let e = project.perform(Action::CreateCoder { name: "x".into() }).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Locked, Some(p.as_path())), "{e}");
    assert_eq!(e.exit_code(), 1);
    drop(held);
    project.perform(Action::CreateCoder { name: "x".into() }).unwrap();
}

fn create_code(project: &mut Project, name: &str) {
    project.perform(Action::CreateCode { parent: None, name: name.into(), color: "#336699".into(), description: Default::default() }).unwrap();
}

fn code_names(p: &Path) -> Vec<String> {
    let project = Project::open_for_reading(p).unwrap();
    project.codebook().unwrap().walk().into_iter().map(|(_, c)| c.name.clone()).collect()
}

#[test]
fn undo_never_takes_back_another_process_change() {
    let dir = Dir::new();
    let p = project(&dir);
    let mut window = Project::open(&p).unwrap();
    create_code(&mut window, "Mine");
    // Nothing from outside yet: the poll finds nothing and the history stays.
    assert_eq!(window.poll_outside_changes().unwrap(), None);
    assert!(window.undo_label().is_some());
    // Reading from another process changes nothing.
    ok(["list".as_ref(), p.as_os_str(), "codes".as_ref()]);
    assert_eq!(window.poll_outside_changes().unwrap(), None);
    assert!(window.undo_label().is_some());
    // Another process writes.
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Theirs".as_ref()]);
    let e = window.undo().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    let message = e.to_string();
    assert!(message.contains("was not undone") && message.contains("changed by another Thicket process") && message.contains("nothing was changed"), "{message}");
    assert!(message.contains(&p.display().to_string()), "{message}");
    let names = code_names(&p);
    assert!(names.contains(&"Mine".to_string()) && names.contains(&"Theirs".to_string()), "{names:?}");
    assert_eq!(window.undo_label(), None, "the history was cleared");
    assert_eq!(window.poll_outside_changes().unwrap(), Some(OutsideChange { history_cleared: true }));
    // A step done after their change is undoable, and undoing it leaves theirs.
    create_code(&mut window, "Later");
    window.undo().unwrap();
    let names = code_names(&p);
    assert!(!names.contains(&"Later".to_string()) && names.contains(&"Theirs".to_string()), "{names:?}");
}

#[test]
fn a_polled_outside_change_clears_the_history_and_redo_too() {
    let dir = Dir::new();
    let p = project(&dir);
    let mut window = Project::open(&p).unwrap();
    create_code(&mut window, "One");
    create_code(&mut window, "Two");
    window.undo().unwrap();
    assert!(window.redo_label().is_some());
    ok(["memo".as_ref(), p.as_os_str(), "add".as_ref(), "--body".as_ref(), "From the command line.".as_ref()]);
    assert_eq!(window.poll_outside_changes().unwrap(), Some(OutsideChange { history_cleared: true }));
    assert_eq!((window.undo_label(), window.redo_label()), (None, None));
    // Seen once: the next poll finds nothing new.
    assert_eq!(window.poll_outside_changes().unwrap(), None);
    // A change from outside with an empty history is still reported (the window refreshes).
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Three".as_ref()]);
    assert_eq!(window.poll_outside_changes().unwrap(), Some(OutsideChange { history_cleared: false }));
}

#[test]
fn a_write_after_an_unseen_outside_change_keeps_only_its_own_step() {
    let dir = Dir::new();
    let p = project(&dir);
    let mut window = Project::open(&p).unwrap();
    create_code(&mut window, "Early");
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Theirs".as_ref()]);
    // No poll in between: the write itself sees the other process's commit.
    create_code(&mut window, "Late");
    window.undo().unwrap();
    assert_eq!(window.undo_label(), None, "the step before their change is gone");
    let names = code_names(&p);
    assert!(names.contains(&"Early".to_string()) && names.contains(&"Theirs".to_string()) && !names.contains(&"Late".to_string()), "{names:?}");
}

#[test]
fn the_background_check_vouches_for_the_first_write_or_makes_the_project_read_only() {
    let dir = Dir::new();
    let p = project(&dir);
    let mut window = Project::open(&p).unwrap();
    let check = window.background_check().expect("no full check has passed yet");
    assert!(window.checking());
    // Reading goes on while the check runs on its own connection.
    let worker = std::thread::spawn(move || check.run());
    assert_eq!(worker.join().unwrap(), Some(None), "a sound project");
    assert!(!window.checking());
    create_code(&mut window, "After the check");
    drop(window);
    // Stamped: within the hour no check is due.
    let mut again = Project::open(&p).unwrap();
    assert!(again.background_check().is_none());
    drop(again);

    // A check that never ran (its worker was dropped) is run by the first write itself.
    let q = dir.path("q.thicket");
    ok(["new".as_ref(), q.as_os_str()]);
    let mut window = Project::open(&q).unwrap();
    drop(window.background_check().unwrap());
    assert!(!window.checking());
    create_code(&mut window, "Checked at the write");
}

#[test]
fn a_background_check_that_finds_damage_makes_the_project_read_only() {
    let dir = Dir::new();
    let p = project(&dir);
    let t = dir.write("visit.txt", "Dana: Hello.\nPriya: Hello Dana.\n");
    ok(["import".as_ref(), p.as_os_str(), t.as_os_str()]);
    // A text changed behind Thicket's back (its hash no longer matches).
    let conn = rusqlite::Connection::open(&p).unwrap();
    conn.execute_batch("DROP TRIGGER sources_text_immutable; UPDATE sources SET text = 'Dana: Goodbye.'; DELETE FROM project_info WHERE key = 'verified_at';").unwrap();
    drop(conn);
    let mut window = Project::open(&p).unwrap();
    let check = window.background_check().unwrap();
    let verdict = std::thread::spawn(move || check.run()).join().unwrap();
    assert!(verdict.flatten().is_some_and(|d| d.contains("does not match its stored hash")));
    assert!(!window.checking());
    assert!(matches!(window.access(), thicket_core::store::Access::Damaged { .. }));
    let before = bytes(&p);
    let e = window.perform(Action::CreateCoder { name: "x".into() }).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Damaged, Some(p.as_path())), "{e}");
    drop(window);
    assert_eq!(bytes(&p), before);
}
