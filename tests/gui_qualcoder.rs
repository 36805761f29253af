//! File → Open a QualCoder project… in the real window, through Thicket's own file browser (the
//! tests run without an XDG portal): the `.qda` folder is picked, the new project named, the
//! import runs with its progress, the new project opens and the report says what came in and
//! what was skipped; Cancel leaves no file; an existing file is never replaced.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_bench::qualcoder::{QcSchema, utf16_range, write_project};
use thicket_core::import::qualcoder::rows::*;
use thicket_gui::ThicketApp;

use common::gui::{menu, sample_harness_sized, step_until, replace_text};

// No emoji or CJK here: the test window's fonts have no glyphs for them (the CLI tests cover
// their UTF-16 positions).
const TEXT: &str = "Mum said the worker – Señora Ruiz – listened this time.\n";

/// A small QualCoder project: one interview, a category holding a code, one
/// coding, and a picture (which is skipped).
fn qualcoder_project(dir: &Path) -> PathBuf {
    let start = TEXT.find("listened").map(|b| TEXT[..b].chars().count()).unwrap();
    let (pos0, pos1) = utf16_range(TEXT, start, start + "listened".len());
    let rows = QualCoderRows {
        about: "QualCoder 3.6".into(),
        coder_name: Some("ana".into()),
        sources: vec![
            QcSource { id: 1, name: "Visit 1.txt".into(), fulltext: Some(TEXT.into()), ..Default::default() },
            QcSource { id: 2, name: "kitchen.png".into(), mediapath: Some("/images/kitchen.png".into()), ..Default::default() },
        ],
        categories: vec![QcCategory { catid: 1, name: "Relationships".into(), ..Default::default() }],
        codes: vec![QcCode { cid: 1, name: "Being heard".into(), catid: Some(1), color: Some("#58ACFA".into()), ..Default::default() }],
        text_codings: vec![QcTextCoding { ctid: 1, cid: 1, fid: 1, seltext: Some("listened".into()), pos0, pos1, owner: Some("ana".into()), ..Default::default() }],
        ..Default::default()
    };
    let folder = dir.join("Home visits.qda");
    write_project(&folder, &rows, QcSchema::V17).unwrap();
    folder
}

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1024.0, 700.0))
}


/// Types `dir` into the browser's path field and presses Enter.
fn go_to(harness: &mut Harness<'static, ThicketApp>, dir: &Path) {
    replace_text(harness, "Location", &dir.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().file_browser().unwrap().dir(), dir);
}

/// File → Open a QualCoder project…, into `folder`, confirmed; then the save browser in `dir`.
fn pick_folder(harness: &mut Harness<'static, ThicketApp>, dir: &Path, folder: &Path) {
    menu(harness, "File", "Open a QualCoder project…");
    go_to(harness, dir);
    // Outside a project folder there is nothing to open.
    assert!(harness.get_by_label("Open this QualCoder project").accesskit_node().is_disabled());
    go_to(harness, folder);
    assert!(!harness.get_by_label("Open this QualCoder project").accesskit_node().is_disabled());
    harness.get_by_label("Open this QualCoder project").click();
    harness.run();
    harness.run();
    go_to(harness, dir);
}

#[test]
fn a_qualcoder_folder_is_picked_imported_opened_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let folder = qualcoder_project(dir.path());
    let mut harness = window(dir.path());
    pick_folder(&mut harness, dir.path(), &folder);
    // The new project is named after the folder.
    let name = harness.get_by_role_and_label(Role::TextInput, "File name").value().unwrap_or_default();
    assert_eq!(name, "Home visits.thicket");
    harness.get_by_label("Create").click();
    harness.run();
    step_until(&mut harness, |app| app.project().is_some_and(|p| p.path().ends_with("Home visits.thicket")));
    harness.run();
    harness.get_by_label("QualCoder import report");
    harness.get_by_label_contains("1 sources, 2 codes (1 from categories), 1 codings by 1 coders");
    harness.get_by_label_contains("kitchen.png (picture)");
    harness.get_by_label("Every coding landed on the text QualCoder quoted.");
    let project = harness.state().project().unwrap();
    let coding = project.all_codings().unwrap().remove(0);
    assert_eq!(coding.quote.exact, "listened");
    assert_eq!(project.codebook().unwrap().path(coding.code_id), Some("Relationships/Being heard"));
    harness.get_by_label("Close report").click();
    harness.run();
    assert!(harness.query_by_label("QualCoder import report").is_none());
}

#[test]
fn cancelling_a_running_import_leaves_no_file_and_the_open_project_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let folder = qualcoder_project(dir.path());
    let mut harness = window(dir.path());
    pick_folder(&mut harness, dir.path(), &folder);
    harness.state().jobs().run_inline(false);
    harness.state().jobs().hold(true);
    harness.get_by_label("Create").click();
    // The spinner repaints on its own: step frames instead of waiting for the window to settle.
    harness.run_steps(3);
    harness.get_by_label("Importing a QualCoder project");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.get_by_label("Stopping…");
    harness.state().jobs().hold(false);
    step_until(&mut harness, |app| app.notice().is_some_and(|n| n.contains("QualCoder import stopped")));
    assert!(!dir.path().join("Home visits.thicket").exists());
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains("partial")));
    assert!(harness.state().project().unwrap().path().ends_with("sample.thicket"));
}

#[test]
fn an_existing_file_is_never_offered_for_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = qualcoder_project(dir.path());
    std::fs::write(dir.path().join("Home visits.thicket"), "someone's work").unwrap();
    let mut harness = window(dir.path());
    pick_folder(&mut harness, dir.path(), &folder);
    harness.get_by_label("Create").click();
    harness.run();
    harness.get_by_label_contains("already exists here; choose a new name");
    assert!(harness.query_by_label("Replace").is_none());
    replace_text(&mut harness, "File name", "Visits from QualCoder");
    harness.get_by_label("Create").click();
    harness.run();
    step_until(&mut harness, |app| app.project().is_some_and(|p| p.path().ends_with("Visits from QualCoder.thicket")));
    assert_eq!(std::fs::read(dir.path().join("Home visits.thicket")).unwrap(), b"someone's work");
}
