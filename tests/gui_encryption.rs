//! Encryption at rest in the window (issue #15 §5): opening an encrypted project asks for its
//! passphrase (a wrong one says so and lets the user try again), and File > Encrypt project…,
//! Change passphrase… and Remove encryption… convert the open project.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use thicket_core::store::{Passphrase, looks_encrypted};

use common::gui::{harness_on, menu};

/// Focuses the password field `label` (as a click would) and types `text` into it.
fn type_into(harness: &mut egui_kittest::Harness<'_, thicket_gui::ThicketApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::PasswordInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(Role::PasswordInput, label).type_text(text);
}

fn key(s: &str) -> Passphrase {
    Passphrase::new(s).unwrap()
}

#[test]
fn an_encrypted_project_asks_for_its_passphrase_says_when_it_is_wrong_and_opens_with_the_right_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.thicket");
    let mut p = thicket_core::sample::write_sample(&path).unwrap();
    p.set_encryption(Some(&key("river walk"))).unwrap();
    p.close().unwrap();

    let mut harness = harness_on(&path, egui::vec2(1200.0, 800.0));
    harness.run();
    assert!(harness.state().project().is_none());
    harness.get_by_label("Encrypted project");
    harness.get_by_label_contains("“study.thicket” is encrypted. Type its passphrase to open it.");

    // A wrong passphrase: said plainly, the dialog stays, the field is empty for another try.
    type_into(&mut harness, "Passphrase", "lake walk");
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert!(harness.state().project().is_none());
    harness.get_by_label_contains("Wrong passphrase: this is not the passphrase of “study.thicket”. Try again.");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());

    // The right one, with Enter.
    harness.get_by_role_and_label(Role::PasswordInput, "Passphrase").focus();
    harness.run();
    type_into(&mut harness, "Passphrase", "river walk");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().project().expect("the project is open");
    assert!(project.is_encrypted());
    assert!(harness.query_by_label("Encrypted project").is_none(), "the dialog is gone");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}

#[test]
fn cancel_leaves_the_encrypted_project_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.thicket");
    thicket_core::Project::create_encrypted(&path, "t", &key("river walk")).unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1200.0, 800.0));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().project().is_none());
    assert!(harness.query_by_label("Encrypted project").is_none());
}

#[test]
fn the_file_menu_encrypts_changes_the_passphrase_and_removes_the_encryption() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1200.0, 800.0));
    assert!(harness.state().project().is_some());

    menu(&mut harness, "File", "Encrypt project…");
    harness.get_by_label_contains("If you lose the passphrase, the project cannot be opened again.");
    type_into(&mut harness, "Passphrase", "first pass");
    type_into(&mut harness, "Type it again", "first typo");
    harness.run();
    harness.get_by_label("Encrypt").click();
    harness.run();
    harness.get_by_label_contains("The two passphrases differ.");
    assert!(!looks_encrypted(&path));
    type_into(&mut harness, "Passphrase", "first pass");
    type_into(&mut harness, "Type it again", "first pass");
    harness.run();
    harness.get_by_label("Encrypt").click();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    assert!(looks_encrypted(&path));
    assert!(harness.state().project().unwrap().is_encrypted());
    harness.get_by_label_contains("Encrypted study.thicket");

    menu(&mut harness, "File", "Change passphrase…");
    type_into(&mut harness, "New passphrase", "second pass");
    type_into(&mut harness, "Type it again", "second pass");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Change passphrase").click();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());

    menu(&mut harness, "File", "Remove encryption…");
    harness.get_by_label_contains("will be written in the clear");
    harness.get_by_role_and_label(Role::Button, "Remove encryption").click();
    harness.run();
    assert!(!looks_encrypted(&path));
    assert!(!harness.state().project().unwrap().is_encrypted());
    drop(harness);
    // The passphrase change had taken: before removing it, "second pass" was the one (checked
    // by the order above); now the project opens without any.
    assert!(!thicket_core::Project::open(&path).unwrap().is_encrypted());
}
