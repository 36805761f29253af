//! File → Export → "REFI-QDA project (.qdpx)…" and "REFI-QDA codebook (.qdc)…" in the real
//! window: the dialog's choices, Thicket's own file browser, the file written in the background
//! and read back (the same bytes the command line writes for the same choices).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::io::Read;
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::export::refi::{QdpxOptions, qdpx_bytes};
use thicket_core::export::refi::PositionUnit;
use thicket_gui::ThicketApp;

use common::gui::{sample_harness_sized, step_until};

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1024.0, 700.0))
}

/// File → Export → `item`.
fn export_menu(harness: &mut Harness<'static, ThicketApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// In Thicket's own browser: go to `dir`, name the file `name`, and save; waits for the write.
fn save_as(harness: &mut Harness<'static, ThicketApp>, dir: &Path, name: &str) {
    assert!(harness.state().file_browser().is_some(), "the file browser is open");
    for (label, text) in [("Location", dir.display().to_string()), ("File name", name.to_string())] {
        harness.get_by_role_and_label(Role::TextInput, label).focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_role_and_label(Role::TextInput, label).type_text(&text);
        harness.run();
        if label == "Location" {
            harness.key_press(Key::Enter);
            harness.run();
        }
    }
    harness.get_by_label("Save").click();
    harness.run();
    step_until(harness, |app| app.writing().is_none());
}

fn project_qde(path: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut qde = String::new();
    archive.by_name("project.qde").unwrap().read_to_string(&mut qde).unwrap();
    qde
}

#[test]
fn a_qdpx_is_exported_from_the_file_menu_with_utf16_positions() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "REFI-QDA project (.qdpx)…");
    assert_eq!(harness.state().refi().dialog().unwrap().positions, PositionUnit::CodePoints, "the standard's unit by default");
    harness.get_by_label("UTF-16 units (NVivo, QualCoder)").click();
    harness.run();
    assert_eq!(harness.state().refi().dialog().unwrap().positions, PositionUnit::Utf16);
    harness.get_by_label("Choose file…").click();
    harness.run();
    assert!(harness.state().refi().dialog().is_none(), "the dialog gives way to the file browser");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("project.qdpx"));
    save_as(&mut harness, dir.path(), "for-nvivo");

    let path = dir.path().join("for-nvivo.qdpx");
    let qde = project_qde(&path);
    harness.get_by_label(&format!("Wrote {}", path.display()));
    assert!(qde.contains("positions in UTF-16 code units\""), "the origin names the unit");
    assert!(qde.contains("<PlainTextSelection "));

    // The command line's writer gives the same bytes for the same choices (the project is open
    // here, so it is asked directly).
    let project = harness.state().project().unwrap();
    let options = QdpxOptions { positions: PositionUnit::Utf16, map: None };
    let (bytes, counts) = qdpx_bytes(project, &options, &mut |_, _| true).unwrap();
    assert!(bytes == std::fs::read(&path).unwrap(), "window and command line differ");
    assert_eq!(counts.codings, project.coding_count().unwrap());
    let log = harness.state().project().unwrap().export_log().unwrap();
    assert!(log.iter().any(|r| r.fields.kind == "qdpx" && r.fields.options["from"] == "window" && r.fields.options["positions"] == "utf16"));
}

#[test]
fn a_qdc_is_exported_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "REFI-QDA codebook (.qdc)…");
    assert!(harness.query_by_label("UTF-16 units (NVivo, QualCoder)").is_none(), "a codebook has no positions");
    harness.get_by_label("Choose file…").click();
    harness.run();
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("project.qdc"));
    save_as(&mut harness, dir.path(), "codes.qdc");
    let qdc = std::fs::read_to_string(dir.path().join("codes.qdc")).unwrap();
    assert!(qdc.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
    let codes = harness.state().project().unwrap().codebook().unwrap().len();
    assert_eq!(qdc.matches("<Code ").count(), codes);
}

#[test]
fn pseudonymising_with_an_empty_map_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "REFI-QDA project (.qdpx)…");
    harness.get_by_label("Pseudonymise").click();
    harness.run();
    harness.get_by_label("Choose file…").click();
    harness.run();
    save_as(&mut harness, dir.path(), "p.qdpx");
    assert!(!dir.path().join("p.qdpx").exists());
    harness.get_by_label_contains("pseudonym map is empty");
}
