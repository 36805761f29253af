//! Importing from a hostile folder (issue 15 §1): named pipes, links to devices, link loops and
//! names that are not UTF-8 are reported by name and never hang, exhaust memory or lose the report.
//! Every run has a time limit, so a regression fails instead of hanging the suite.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs `thicket ARGS` and kills it after `limit`: a run that takes longer fails the test.
fn thicket_within(limit: Duration, args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("thicket"))
        .args(args)
        .env("THICKET_CODER", "tester")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!("thicket {:?} did not finish within {limit:?}; stderr: {}", args, String::from_utf8_lossy(&out.stderr));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn project(dir: &Dir) -> PathBuf {
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    p
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn import_json(p: &Path, folder: &Path) -> (Output, serde_json::Value) {
    let o = thicket_within(Duration::from_secs(60), &["import".as_ref(), p.as_os_str(), folder.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    let json = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&o), stderr(&o)));
    (o, json)
}

/// The reasons given in `failed` for files whose name ends with `name`.
fn reason(json: &serde_json::Value, name: &str) -> String {
    json["failed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} is not reported: {json:#}"))["reason"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_fifo_named_txt_in_a_folder_is_skipped_by_name_not_read() {
    let dir = Dir::new();
    let p = project(&dir);
    let folder = dir.path("visits");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("visit.txt"), "Dana: We talked about the school run.\n").unwrap();
    mkfifo(&folder.join("x.txt"));
    let (o, json) = import_json(&p, &folder);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(reason(&json, "x.txt").contains("named pipe"), "{json:#}");
    assert_eq!(json["imported"].as_array().unwrap().len(), 1);
    // Named on the command line, it is refused the same way.
    let o = thicket_within(Duration::from_secs(60), &["import".as_ref(), p.as_os_str(), folder.join("x.txt").as_os_str()]);
    fails_with(&o, &["x.txt", "named pipe"]);
}

#[test]
fn a_link_to_dev_zero_is_skipped_as_a_device() {
    let dir = Dir::new();
    let p = project(&dir);
    let folder = dir.path("visits");
    std::fs::create_dir(&folder).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.join("z.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/urandom", folder.join("r.txt")).unwrap();
    let (o, json) = import_json(&p, &folder);
    assert_eq!(o.status.code(), Some(1));
    assert!(reason(&json, "z.txt").contains("a device"), "{json:#}");
    assert!(reason(&json, "r.txt").contains("a device"), "{json:#}");
}

#[test]
fn a_link_to_a_regular_file_is_followed() {
    let dir = Dir::new();
    let p = project(&dir);
    let folder = dir.path("visits");
    std::fs::create_dir(&folder).unwrap();
    let real = dir.write("elsewhere/notes.txt", "Observation: the kitchen was tidy and the children ate.\n");
    std::os::unix::fs::symlink(&real, folder.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path("missing.txt"), folder.join("dangling.txt")).unwrap();
    let (_, json) = import_json(&p, &folder);
    assert_eq!(json["imported"][0]["source"], "linked");
    assert!(reason(&json, "dangling.txt").contains("symbolic link"), "{json:#}");
}

#[test]
fn link_loops_are_reported_not_walked_forever() {
    let dir = Dir::new();
    let p = project(&dir);
    let folder = dir.path("dir");
    std::fs::create_dir_all(folder.join("inner")).unwrap();
    std::fs::write(folder.join("inner/visit.txt"), "Dana: The case conference is on Monday.\n").unwrap();
    std::os::unix::fs::symlink(".", folder.join("self")).unwrap();
    std::os::unix::fs::symlink("../dir", folder.join("up")).unwrap();
    std::os::unix::fs::symlink("../../dir", folder.join("inner/back")).unwrap();
    let (o, json) = import_json(&p, &folder);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(reason(&json, "self").contains("loop"), "{json:#}");
    assert!(reason(&json, "up").contains("loop"), "{json:#}");
    assert!(reason(&json, "back").contains("loop"), "{json:#}");
    assert_eq!(json["imported"].as_array().unwrap().len(), 1, "{json:#}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = Dir::new();
    let p = project(&dir);
    let big = dir.path("huge.txt");
    // Sparse: 300 MiB on paper, nothing on disk.
    std::fs::File::create(&big).unwrap().set_len(300 * 1024 * 1024).unwrap();
    let o = thicket_within(Duration::from_secs(60), &["import".as_ref(), p.as_os_str(), big.as_os_str()]);
    fails_with(&o, &["huge.txt", "300 MB", "256 MB"]);
}

#[test]
fn a_name_that_is_not_utf8_is_reported_lossily_in_json_never_null() {
    let dir = Dir::new();
    let p = project(&dir);
    let folder = dir.path("visits");
    std::fs::create_dir(&folder).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"visit-\xff.txt");
    std::fs::write(folder.join(name), "Dana: A note from the visit in March.\n").unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"broken-\xfe.txt");
    std::fs::write(folder.join(bad), [0u8, 159, 146, 150, 0, 0, 1]).unwrap();
    let (_, json) = import_json(&p, &folder);
    assert!(!json.is_null());
    let path = json["imported"][0]["path"].as_str().unwrap();
    assert!(path.ends_with("visit-\u{FFFD}.txt"), "{path}");
    assert!(json["failed"][0]["path"].as_str().unwrap().ends_with("broken-\u{FFFD}.txt"), "{json:#}");
}
