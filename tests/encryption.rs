//! Encryption at rest (issue #15 §5, docs/integrity.md): an encrypted project holds none of its
//! text in the clear (nor its -wal, nor a saved copy), opens only with its passphrase, and the
//! CLI encrypts, decrypts and changes the passphrase.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Dir, fails_with, stderr, stdout};
use thicket_core::action::Action;
use thicket_core::error::ErrorKind;
use thicket_core::project::Project;
use thicket_core::store::Passphrase;

/// Runs `thicket` with `THICKET_PASSPHRASE` (and `THICKET_NEW_PASSPHRASE`) set or cleared.
fn run(args: &[&std::ffi::OsStr], passphrase: Option<&str>, new: Option<&str>) -> Output {
    let mut cmd = assert_cmd::Command::cargo_bin("thicket").unwrap();
    cmd.args(args).env("THICKET_CODER", "tester").env_remove("THICKET_PASSPHRASE").env_remove("THICKET_NEW_PASSPHRASE");
    if let Some(p) = passphrase {
        cmd.env("THICKET_PASSPHRASE", p);
    }
    if let Some(p) = new {
        cmd.env("THICKET_NEW_PASSPHRASE", p);
    }
    cmd.output().unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn succeeds(o: Output) -> String {
    assert!(o.status.success(), "thicket failed: {}\n{}", stderr(&o), stdout(&o));
    stdout(&o)
}

/// The sample study's sentences of 40 characters or more, read from a plain project.
fn sample_sentences(project: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(project).unwrap();
    let mut stmt = conn.prepare("SELECT text FROM sources").unwrap();
    let texts: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let sentences: Vec<String> = texts
        .iter()
        .flat_map(|t| t.split(['.', '?', '!', '\n']))
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().count() >= 40)
        .collect();
    assert!(sentences.len() > 50, "the sample has sentences to look for: {}", sentences.len());
    sentences
}

/// The sentences found in the file's bytes.
fn found_in(path: &Path, sentences: &[String]) -> Vec<String> {
    // Invalid UTF-8 (ciphertext, page headers) becomes U+FFFD; a sentence stored in the clear is
    // valid UTF-8 and stays intact. `str::contains` is fast even in a debug build.
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    sentences.iter().filter(|s| text.contains(s.as_str())).cloned().collect()
}

fn wal(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", path.display()))
}

fn key(s: &str) -> Passphrase {
    Passphrase::new(s).unwrap()
}

#[test]
fn an_encrypted_sample_holds_no_sentence_in_its_file_wal_or_copy_and_opens_only_with_its_passphrase() {
    let dir = Dir::new();
    let project = dir.path("study.thicket");
    succeeds(run(&[os("sample"), project.as_os_str()], None, None));
    let sentences = sample_sentences(&project);
    // The check can fail: a plain project holds its sentences as they are (all but the few that a
    // page boundary splits).
    assert!(found_in(&project, &sentences).len() > sentences.len() * 9 / 10);

    let out = succeeds(run(&[os("encrypt"), project.as_os_str()], Some("a long walk to the river"), None));
    assert!(out.contains("encrypted") && out.contains("cannot be recovered"), "{out}");
    assert_eq!(found_in(&project, &sentences), Vec::<String>::new());
    assert_eq!(dir.files(), vec!["study.thicket".to_string()], "nothing else is left beside it");

    // Without the passphrase: a clear message naming the file; exit 1.
    let o = run(&[os("list"), project.as_os_str(), os("sources")], None, None);
    fails_with(&o, &[&format!("\"{}\"", project.display()), "is encrypted: give its passphrase"]);
    // A wrong one says so.
    let o = run(&[os("list"), project.as_os_str(), os("sources")], Some("a short walk"), None);
    fails_with(&o, &[&format!("\"{}\"", project.display()), "wrong passphrase"]);
    // The right one, from the environment or a file.
    let listed = succeeds(run(&[os("list"), project.as_os_str(), os("sources")], Some("a long walk to the river"), None));
    assert!(listed.contains("Harlow"), "{listed}");
    let file = dir.write("pass.txt", "a long walk to the river\n");
    let checked = succeeds(run(&[os("--passphrase-file"), file.as_os_str(), os("check"), project.as_os_str()], None, None));
    assert!(!checked.is_empty());

    // In the library: the -wal of an open encrypted project and a saved copy are encrypted too.
    let err = Project::open(&project).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Passphrase);
    let err = Project::open_keyed(&project, Some(&key("nope"))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Passphrase);
    let mut p = Project::open_keyed(&project, Some(&key("a long walk to the river"))).unwrap();
    assert!(p.is_encrypted());
    let secret = "Nobody else knew that the grandmother had moved back into the flat above the bakery";
    p.perform(Action::CreateCase { name: "Late entry".into(), description: secret.into(), sources: vec![] }).unwrap();
    assert!(std::fs::metadata(wal(&project)).unwrap().len() > 0, "the write is in the -wal while the project is open");
    let mut all = sentences.clone();
    all.push(secret.to_string());
    assert_eq!(found_in(&wal(&project), &all), Vec::<String>::new());
    let copy = dir.path("copy.thicket");
    p.save_copy(&copy).unwrap();
    p.close().unwrap();
    assert_eq!(found_in(&copy, &all), Vec::<String>::new());
    assert_eq!(found_in(&project, &all), Vec::<String>::new());
    assert_eq!(Project::open(&copy).unwrap_err().kind(), ErrorKind::Passphrase);
    let copied = Project::open_keyed(&copy, Some(&key("a long walk to the river"))).unwrap();
    assert!(copied.is_encrypted());
}

#[test]
fn encrypt_passphrase_and_decrypt_round_trip_on_the_command_line() {
    let dir = Dir::new();
    let project = dir.path("study.thicket");
    succeeds(run(&[os("sample"), project.as_os_str()], None, None));
    let sentences = sample_sentences(&project);
    let before = succeeds(run(&[os("list"), project.as_os_str(), os("codings"), os("--format"), os("json")], None, None));

    // Encrypting needs a passphrase; without a terminal or one given, it is refused and nothing changes.
    let bytes = common::bytes(&project);
    let o = run(&[os("encrypt"), project.as_os_str()], None, None);
    fails_with(&o, &["needs a passphrase", "--passphrase-file", "THICKET_PASSPHRASE"]);
    assert_eq!(common::bytes(&project), bytes);
    // Decrypting or changing the passphrase of a plain project is refused.
    fails_with(&run(&[os("decrypt"), project.as_os_str()], None, None), &["is not encrypted"]);
    fails_with(&run(&[os("passphrase"), project.as_os_str()], Some("x"), Some("y")), &["is not encrypted"]);

    succeeds(run(&[os("encrypt"), project.as_os_str()], Some("first"), None));
    fails_with(&run(&[os("encrypt"), project.as_os_str()], Some("first"), None), &["already encrypted"]);
    // Every command works given the passphrase: a write, then reads.
    succeeds(run(&[os("code"), project.as_os_str(), os("add"), os("Secrets/Kept")], Some("first"), None));
    let codes = succeeds(run(&[os("list"), project.as_os_str(), os("codes")], Some("first"), None));
    assert!(codes.contains("Kept"), "{codes}");

    // Change the passphrase: the old one stops working, the new one opens it.
    let o = run(&[os("passphrase"), project.as_os_str()], Some("first"), None);
    fails_with(&o, &["new passphrase", "--new-passphrase-file", "THICKET_NEW_PASSPHRASE"]);
    fails_with(&run(&[os("passphrase"), project.as_os_str()], Some("wrong"), Some("second")), &["wrong passphrase"]);
    succeeds(run(&[os("passphrase"), project.as_os_str()], Some("first"), Some("second")));
    fails_with(&run(&[os("list"), project.as_os_str(), os("codes")], Some("first"), None), &["wrong passphrase"]);
    let newfile = dir.write("new.txt", "third\n");
    succeeds(run(&[os("passphrase"), project.as_os_str(), os("--new-passphrase-file"), newfile.as_os_str()], Some("second"), None));
    assert_eq!(found_in(&project, &sentences), Vec::<String>::new());

    // Decrypt: a plain project again, every row kept, readable without a passphrase.
    fails_with(&run(&[os("decrypt"), project.as_os_str()], None, None), &["is encrypted: give its passphrase"]);
    succeeds(run(&[os("decrypt"), project.as_os_str()], Some("third"), None));
    assert!(found_in(&project, &sentences).len() > sentences.len() * 9 / 10);
    let after = succeeds(run(&[os("list"), project.as_os_str(), os("codings"), os("--format"), os("json")], None, None));
    assert_eq!(before, after);
    let codes = succeeds(run(&[os("list"), project.as_os_str(), os("codes")], None, None));
    assert!(codes.contains("Kept"), "{codes}");
    succeeds(run(&[os("check"), project.as_os_str()], None, None));
    assert_eq!(dir.files(), vec!["new.txt".to_string(), "study.thicket".to_string()]);
}

#[test]
fn new_encrypt_creates_an_encrypted_project_and_merge_reads_an_encrypted_one() {
    let dir = Dir::new();
    let pass = dir.write("pass.txt", "shared secret\n");
    let project = dir.path("fresh.thicket");
    let o = run(&[os("new"), project.as_os_str(), os("--encrypt")], None, None);
    fails_with(&o, &["needs a passphrase"]);
    assert!(!project.exists());
    succeeds(run(&[os("--passphrase-file"), pass.as_os_str(), os("new"), project.as_os_str(), os("--encrypt")], None, None));
    assert!(thicket_core::store::looks_encrypted(&project));
    let transcript = dir.write("visit.txt", common::TRANSCRIPT);
    succeeds(run(&[os("import"), project.as_os_str(), transcript.as_os_str(), os("--passphrase-file"), pass.as_os_str()], None, None));
    assert_eq!(found_in(&project, &["She looked in every cupboard".to_string()]), Vec::<String>::new());
    fails_with(&run(&[os("list"), project.as_os_str(), os("sources")], None, None), &["is encrypted: give its passphrase"]);

    // Merging an encrypted FROM into a plain INTO (the passphrase as for any project).
    let into = dir.path("into.thicket");
    succeeds(run(&[os("new"), into.as_os_str()], None, None));
    fails_with(&run(&[os("merge"), into.as_os_str(), project.as_os_str()], None, None), &[&format!("\"{}\"", project.display()), "is encrypted"]);
    succeeds(run(&[os("merge"), into.as_os_str(), project.as_os_str()], Some("shared secret"), None));
    let sources = succeeds(run(&[os("list"), into.as_os_str(), os("sources")], None, None));
    assert!(sources.contains("visit"), "{sources}");
    // An empty passphrase file is refused by name.
    let empty = dir.write("empty.txt", "\n");
    fails_with(&run(&[os("--passphrase-file"), empty.as_os_str(), os("list"), project.as_os_str(), os("sources")], None, None), &["empty.txt", "empty"]);
}
