//! A damaged project in the window (issue 15 §1): it opens read-only under a banner that says
//! so, and "Save readable copy…" writes what can be read into a new project that opens sound.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use common::gui::harness_on;

/// The sample study with 16 bytes of one transcript's sentence flipped: intact pages, a text
/// that no longer matches its hash.
fn damaged_sample(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("study.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut data = std::fs::read(&path).unwrap();
    let needle = b"For me it was the first time somebody listened";
    let at = data.windows(needle.len()).position(|w| w == needle).unwrap();
    for b in &mut data[at + 10..at + 26] {
        *b ^= 0xFF;
    }
    let len = data.len();
    std::fs::write(&path, &data[..len - 100]).unwrap();
    path
}

#[test]
fn a_damaged_project_opens_read_only_with_a_banner_and_a_readable_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = damaged_sample(dir.path());
    let mut harness = harness_on(&path, egui::vec2(1200.0, 800.0));
    harness.run();
    assert!(harness.state().project().is_some(), "it opens: {:?}", harness.state().errors());
    harness.get_by_label_contains("“study.thicket” is damaged");
    harness.get_by_label_contains("It is open read-only");

    harness.get_by_label("Save readable copy…").click();
    harness.run();
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open");
    harness.get_by_role_and_label(Role::TextInput, "Location").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Location").type_text(&dir.path().display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.run();
    let copy = dir.path().join("readable copy.thicket");
    assert!(copy.exists(), "errors: {:?}", harness.state().errors());
    harness.get_by_label_contains("Saved a readable copy to");

    let mut copied = thicket_core::Project::open(&copy).unwrap();
    let report = copied.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.codes > 10 && report.codings > 100 && report.sources > 10, "{report:?}");
    copied.perform(thicket_core::action::Action::CreateCoder { name: "After the rescue".into() }).unwrap();
}
