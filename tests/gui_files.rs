//! The file dialogs inside the real window, driven through the UI at 1024 × 700. The tests run
//! without an XDG portal (and without `THICKET_NATIVE_DIALOGS`), so every dialog must be
//! Thicket's own browser: each test clicks the menu item, types or clicks its way to a folder,
//! picks a file and confirms, and then checks what the original command did.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_gui::ThicketApp;

use common::gui::{menu, sample_harness_sized, replace_text};

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1024.0, 700.0))
}


/// Types `dir` into the browser's path field and presses Enter.
fn go_to(harness: &mut Harness<'static, ThicketApp>, dir: &Path) {
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open");
    replace_text(harness, "Location", &dir.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().file_browser().unwrap().dir(), dir);
}

/// Steps until the import dialog has read its files.
fn until_read(harness: &mut Harness<'static, ThicketApp>) {
    for _ in 0..500 {
        harness.step();
        if harness.state().import_dialog().is_some_and(|d| d.is_ready()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out waiting for the import dialog");
}

#[test]
fn open_project_browses_to_another_study_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let other = dir.path().join("elsewhere");
    std::fs::create_dir(&other).unwrap();
    let second = other.join("second.thicket");
    thicket_core::project::Project::create(&second, "Second study").unwrap().close().unwrap();
    std::fs::write(other.join("notes.txt"), "not a project").unwrap();

    // Escape cancels, leaving the open project as it was.
    menu(&mut harness, "File", "Open project…");
    assert!(harness.state().file_browser().is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().file_browser().is_none());

    menu(&mut harness, "File", "Open project…");
    go_to(&mut harness, &other);
    // Only projects are listed.
    assert!(harness.query_by_label("notes.txt").is_none());
    harness.get_by_label("second.thicket").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.run();
    assert!(harness.state().file_browser().is_none());
    assert_eq!(harness.state().project().unwrap().path(), second);
    harness.get_by_label("Second study");
}

#[test]
fn import_files_picks_a_text_file_and_imports_it_after_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(inbox.join("Field visit notes.txt"), "We met at the family centre.\n\nThe kids were drawing.\n").unwrap();

    menu(&mut harness, "File", "Import files…");
    go_to(&mut harness, &inbox);
    harness.get_by_label("Field visit notes.txt").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    assert!(harness.state().file_browser().is_none());
    until_read(&mut harness);
    harness.get_by_label("Import 1 source").click();
    harness.run();
    let project = harness.state().project().unwrap();
    assert!(project.source_named("Field visit notes").is_ok(), "the source was imported");
}

#[test]
fn a_matrix_exports_as_csv_through_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let out = dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();

    menu(&mut harness, "Analysis", "Matrix (codes × cases");
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Table as CSV…").click();
    harness.run();
    go_to(&mut harness, &out);
    // The proposed name is the view's, with the format's extension.
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("matrix.csv"));
    harness.get_by_label("Save").click();
    harness.run();
    let csv = std::fs::read_to_string(out.join("matrix.csv")).expect("the CSV was written");
    let header = csv.lines().next().unwrap();
    assert_eq!(header, "code,Harlow family,Kowalski family,Mensah family,total");
    // The window lays out only the columns in view; the first is the CSV's first case.
    harness.get_by_role_and_label(Role::ColumnHeader, "Harlow family");
    harness.get_by_label(&format!("Saved {}", out.join("matrix.csv").display()));
}

#[test]
fn save_a_copy_asks_before_replacing_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let out = dir.path().join("copies");
    std::fs::create_dir(&out).unwrap();
    let existing = out.join("copy.thicket");
    std::fs::write(&existing, "an older copy").unwrap();

    menu(&mut harness, "File", "Save a copy as…");
    go_to(&mut harness, &out);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("“copy.thicket” already exists here. Replace it?");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "an older copy", "not replaced before the answer");
    harness.get_by_label("Don't replace").click();
    harness.run();
    assert!(harness.query_by_label("Replace").is_none());
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "an older copy");

    // Typed without the extension: it is added, and the question comes again.
    replace_text(&mut harness, "File name", "copy");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    let copy = thicket_core::project::Project::open(&existing).expect("a project now");
    assert_eq!(copy.title().unwrap(), harness.state().project().unwrap().title().unwrap());
    copy.close().unwrap();
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1, "nothing left beside it");
}

#[test]
fn a_new_folder_is_created_and_the_new_project_goes_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());

    menu(&mut harness, "File", "New project…");
    go_to(&mut harness, dir.path());
    harness.get_by_label("New folder…").click();
    harness.run();
    replace_text(&mut harness, "New folder name", "Field notes");
    harness.get_by_label("Create folder").click();
    harness.run();
    let folder = dir.path().join("Field notes");
    assert!(folder.is_dir());
    assert_eq!(harness.state().file_browser().unwrap().dir(), folder);

    replace_text(&mut harness, "File name", "Pilot");
    harness.get_by_label("Create").click();
    harness.run();
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.path(), folder.join("Pilot.thicket"));
    assert_eq!(project.title().unwrap(), "Pilot");
}
