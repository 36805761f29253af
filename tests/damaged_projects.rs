//! Damaged and read-only projects (issue 15 §1, docs/integrity.md): reads give what can be read
//! or a clear error; every write is refused with a message naming the file, exit 1, and the
//! file's bytes stay as they were.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

fn sample(dir: &Dir) -> PathBuf {
    let p = dir.path("study.thicket");
    ok(["sample".as_ref(), p.as_os_str()]);
    p
}

fn truncate_by(p: &Path, n: u64) {
    let len = std::fs::metadata(p).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(p).unwrap().set_len(len - n).unwrap();
}

/// Asserts exit 0 or 1 (a result, or a clear error), never 2 (a bug).
fn not_a_bug(o: &Output) {
    assert!(matches!(o.status.code(), Some(0 | 1)), "exit {:?}: {}", o.status.code(), stderr(o));
}

/// `code add` is refused as damaged, naming the file, and changes nothing.
fn writes_are_refused(p: &Path) {
    let before = bytes(p);
    let o = on_project("code", p, &["add", "Late finding"]);
    fails_with(&o, &["study.thicket", "damaged", "nothing was changed"]);
    let o = on_project("case", p, &["add", "Another family"]);
    fails_with(&o, &["study.thicket", "damaged"]);
    assert_eq!(bytes(p), before, "a refused write changed the file");
}

#[test]
fn a_project_truncated_by_100_bytes_refuses_writes_and_fails_check() {
    let dir = Dir::new();
    let p = sample(&dir);
    truncate_by(&p, 100);
    not_a_bug(&on_project("list", &p, &["codes"]));
    writes_are_refused(&p);
    let o = on_project("check", &p, &[]);
    fails_with(&o, &[]);
    assert!(stdout(&o).contains("truncated"), "{}", stdout(&o));
}

#[test]
fn a_project_truncated_by_1_byte_fails_check_and_refuses_writes() {
    let dir = Dir::new();
    let p = sample(&dir);
    truncate_by(&p, 1);
    let o = on_project("check", &p, &[]);
    fails_with(&o, &[]);
    assert!(stdout(&o).contains("truncated"), "{}", stdout(&o));
    writes_are_refused(&p);
}

/// 16 bytes of a transcript's text flipped (wherever that sentence is stored): the header and
/// the pages are intact, so only reading the texts finds it, and the first write of a process does.
#[test]
fn a_project_with_16_flipped_bytes_in_a_text_refuses_writes_and_check_reports_it() {
    let dir = Dir::new();
    let p = sample(&dir);
    let mut data = bytes(&p);
    let needle = b"For me it was the first time somebody listened";
    let mut flipped = 0;
    let mut at = 0;
    while let Some(i) = data[at..].windows(needle.len()).position(|w| w == needle) {
        for b in &mut data[at + i + 10..at + i + 26] {
            *b ^= 0xFF;
        }
        flipped += 1;
        at += i + needle.len();
    }
    assert!(flipped > 0, "the sentence is not in the file");
    std::fs::write(&p, &data).unwrap();
    let listed = on_project("list", &p, &["sources"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let o = on_project("check", &p, &[]);
    fails_with(&o, &[]);
    assert!(stdout(&o).contains("damaged") || stdout(&o).contains("does not match"), "{}", stdout(&o));
    writes_are_refused(&p);
}

#[test]
fn a_sound_project_is_stamped_by_its_first_write_and_still_checks() {
    let dir = Dir::new();
    let p = sample(&dir);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "First".as_ref()]);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Second".as_ref()]);
    let o = on_project("check", &p, &[]);
    assert!(o.status.success(), "{}", stdout(&o));
}

/// Runs `thicket` as an unprivileged user, for whom file modes count (root writes anything).
fn as_nobody(args: &[&std::ffi::OsStr]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("thicket");
    let root = std::process::Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false);
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin);
        c
    } else {
        std::process::Command::new(bin)
    };
    cmd.args(args).env("THICKET_CODER", "tester").output().unwrap()
}

fn make_read_only(dir: &Dir, p: &Path, folder_too: bool) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mode = if folder_too { 0o555 } else { 0o777 };
    std::fs::set_permissions(dir.tmp.path(), std::fs::Permissions::from_mode(mode)).unwrap();
}

fn restore_modes(dir: &Dir) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_read_only_project_lists_and_reads_but_refuses_writes() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    make_read_only(&dir, &p, false);
    let o = as_nobody(&["list".as_ref(), p.as_os_str(), "codes".as_ref()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Alliance"), "{}", stdout(&o));
    let o = as_nobody(&["segments".as_ref(), p.as_os_str(), "--all-codes".as_ref(), "--format".as_ref(), "csv".as_ref()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = as_nobody(&["code".as_ref(), p.as_os_str(), "add".as_ref(), "New".as_ref()]);
    restore_modes(&dir);
    fails_with(&o, &["study.thicket", "is read-only", "not writable"]);
    assert_eq!(bytes(&p), before);
}

#[test]
fn a_project_in_a_read_only_folder_lists_and_refuses_writes() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    make_read_only(&dir, &p, true);
    let o = as_nobody(&["list".as_ref(), p.as_os_str(), "sources".as_ref()]);
    let check = as_nobody(&["check".as_ref(), p.as_os_str()]);
    let write = as_nobody(&["code".as_ref(), p.as_os_str(), "add".as_ref(), "New".as_ref()]);
    restore_modes(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(check.status.success(), "{}{}", stdout(&check), stderr(&check));
    fails_with(&write, &["study.thicket", "is read-only"]);
    assert_eq!(bytes(&p), before);
    assert_eq!(dir.files(), vec!["study.thicket".to_string()], "no -wal or -shm was left behind");
}
