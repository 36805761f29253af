//! The project file across versions: a frozen schema-v1 file must open, keep its data, and end up
//! with exactly the schema of a freshly created project. When a migration is added, this test
//! proves it upgrades old files to what new files look like (and that a backup is taken).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::Path;

use thicket_core::Project;
use thicket_core::store::{APPLICATION_ID, SCHEMA_VERSION};

/// The schema as SQLite reports it: every table, index, trigger and view, sorted by name.
fn schema(path: &Path) -> Vec<(String, String, Option<String>)> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut stmt = c.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

fn pragma(path: &Path, name: &str) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).unwrap()
}

fn copy_fixture(dir: &Path, name: &str) -> std::path::PathBuf {
    let to = dir.join(name);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), &to).unwrap();
    to
}

#[test]
fn a_v1_project_opens_with_its_data_and_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let old = copy_fixture(dir.path(), "v1.thicket");
    assert_eq!(pragma(&old, "user_version"), 1);
    {
        let p = Project::open(&old).unwrap();
        let segments = p.segments(&Default::default()).unwrap();
        assert_eq!(segments.len(), 1);
        assert_eq!(segments[0].text, "Tom left and nobody told us.");
        assert_eq!(segments[0].code, "Organisational context/Worker turnover");
        assert_eq!(segments[0].coder, "Amara");
        assert_eq!(segments[0].speakers, ["Kofi"]);
        assert_eq!(segments[0].roles, ["caregiver"]);
        assert_eq!(p.check().unwrap().problems, Vec::<String>::new());
        p.close().unwrap();
    }
    let fresh = dir.path().join("fresh.thicket");
    Project::create(&fresh, "fresh").unwrap().close().unwrap();
    assert_eq!(schema(&old), schema(&fresh));
    assert_eq!(pragma(&old, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(&old, "application_id"), i64::from(APPLICATION_ID));
    const { assert!(SCHEMA_VERSION > 1) };
    assert!(dir.path().join("v1.v1-backup.thicket").exists(), "a copy is taken before migrating");
}

#[test]
fn after_the_upgrade_opening_changes_nothing_and_closing_leaves_one_file_beside_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "v1.thicket");
    Project::open(&path).unwrap().close().unwrap();
    let first = std::fs::read(&path).unwrap();
    Project::open(&path).unwrap().close().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    let mut names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["v1.thicket", "v1.v1-backup.thicket"]);
    assert_eq!(pragma(&dir.path().join("v1.v1-backup.thicket"), "user_version"), 1, "the backup is the untouched old file");
}

#[test]
fn every_action_is_durable_without_an_explicit_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.thicket");
    {
        let mut p = Project::create(&path, "crash").unwrap();
        p.ensure_coder("Amara").unwrap();
        // Simulate a crash: the process forgets the project without closing it.
        std::mem::forget(p);
    }
    // The forgotten connection still holds its lock in this process, so read the file through a copy
    // of the file and its WAL, as a restarted process would find them.
    let copy = dir.path().join("after-restart.thicket");
    std::fs::copy(&path, &copy).unwrap();
    let wal = dir.path().join("crash.thicket-wal");
    if wal.exists() {
        std::fs::copy(&wal, dir.path().join("after-restart.thicket-wal")).unwrap();
    }
    let p = Project::open(&copy).unwrap();
    assert_eq!(p.coders().unwrap().len(), 1);
}
