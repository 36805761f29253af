//! Errors name the file and the reason, and exit 2 only for bugs (issue 15): a full disk, a
//! code path with an empty level, a new coder created with their codings or not at all.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::*;
use thicket_core::Project;
use thicket_core::action::{Action, NewCoding};
use thicket_core::error::ErrorKind;
use thicket_core::model::TextSpan;

fn project(dir: &Dir) -> PathBuf {
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    let t = dir.write("visit.txt", TRANSCRIPT);
    ok(["import".as_ref(), p.as_os_str(), t.as_os_str()]);
    p
}

#[test]
fn an_empty_level_in_a_code_path_is_refused_not_collapsed() {
    let dir = Dir::new();
    let p = project(&dir);
    let before = bytes(&p);
    for bad in ["Ruptures//Withdrawal", "/Ruptures", "Ruptures/", "Ruptures/ /Withdrawal"] {
        let o = on_project("code", &p, &["add", bad]);
        fails_with(&o, &["invalid code path", bad, "empty level"]);
    }
    assert_eq!(bytes(&p), before);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Ruptures / Withdrawal".as_ref()]);
    let listed = ok(["list".as_ref(), p.as_os_str(), "codes".as_ref()]);
    assert!(listed.contains("Ruptures/Withdrawal"), "{listed}");
}

/// The coder is created in the transaction that adds their codings: when the codings fail, the
/// coder is not left behind (before, `ensure_coder` committed first).
#[test]
fn a_new_coder_lands_with_their_codings_or_not_at_all() {
    let dir = Dir::new();
    let p = project(&dir);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Visit".as_ref()]);
    let mut project = Project::open(&p).unwrap();
    let code = project.codebook().unwrap().by_path("Visit").unwrap();
    let source = project.sources().unwrap()[0].id;
    let coder_count = project.coders().unwrap().len();
    // A span past the end of the text: the codings fail, so nothing lands.
    let bad = |coder| Some(Action::AddCodings(vec![NewCoding { source, code, coder, span: TextSpan::new(0, 1_000_000).unwrap(), memo: String::new() }]));
    let e = project.perform_as("Newcomer", bad).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Invalid, "{e}");
    assert_eq!(project.coders().unwrap().len(), coder_count, "the coder was left behind");
    // A good run creates both, and one undo takes both back.
    let good = |coder| Some(Action::AddCodings(vec![NewCoding { source, code, coder, span: TextSpan::new(0, 7).unwrap(), memo: String::new() }]));
    project.perform_as("Newcomer", good).unwrap().unwrap();
    assert_eq!(project.coders().unwrap().len(), coder_count + 1);
    assert_eq!(project.all_codings().unwrap().len(), 1);
    project.undo().unwrap().unwrap();
    assert_eq!(project.coders().unwrap().len(), coder_count);
    assert_eq!(project.all_codings().unwrap().len(), 0);
}

#[test]
fn autocode_with_a_new_coder_records_the_coder_with_the_codings() {
    let dir = Dir::new();
    let p = project(&dir);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Plan".as_ref()]);
    ok(["autocode", p.to_str().unwrap(), "Plan", "--pattern", "plan", "--coder", "Robin"]);
    let coders = ok(["list".as_ref(), p.as_os_str(), "coders".as_ref()]);
    assert!(coders.contains("Robin"), "{coders}");
    let project = Project::open(&p).unwrap();
    let robin = project.coders().unwrap().into_iter().find(|k| k.name == "Robin").unwrap();
    let codings = project.all_codings().unwrap();
    assert!(!codings.is_empty() && codings.iter().all(|c| c.coder_id == robin.id));
}

/// A small tmpfs stands for a full disk (root only; elsewhere the test says so and passes).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(dir.to_owned()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_during_import_names_the_project_and_changes_nothing() {
    let dir = Dir::new();
    let Some(disk) = Tmpfs::mount(&dir.path("disk"), "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        return;
    };
    let p = disk.0.join("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    // Words that do not compress away: 3 MB of text cannot fit in what is left of 1 MB.
    let mut text = String::new();
    let mut x: u64 = 7;
    while text.len() < 3_000_000 {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        text.push_str(&format!("w{:x} ", x >> 20));
    }
    let big = dir.write("big.txt", &text);
    let small = dir.write("small.txt", "Dana: A short note that fits.\n");
    let o = thicket(["import".as_ref(), p.as_os_str(), big.as_os_str()]);
    fails_with(&o, &["p.thicket", "disk is full", "nothing was changed"]);
    // The project is intact and still takes a small import.
    let check = on_project("check", &p, &[]);
    assert!(check.status.success(), "{}{}", stdout(&check), stderr(&check));
    ok(["import".as_ref(), p.as_os_str(), small.as_os_str()]);
    let listed = ok(["list".as_ref(), p.as_os_str(), "sources".as_ref()]);
    assert!(listed.contains("small") && !listed.contains("big"), "{listed}");
}
