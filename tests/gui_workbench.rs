//! The workbench around the document, driven headlessly through egui_kittest: new project and
//! save-a-copy, the theme, grouping and filtering sources, choosing the coder, and quick keys
//! remembered per project.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::TextSpan;
use thicket_gui::{Startup, ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, harness_with};

fn harness_on(path: &Path, prefs: Option<PathBuf>) -> Harness<'static, ThicketApp> {
    harness_with(Startup::Open(path.to_path_buf()), egui::vec2(1400.0, 1000.0), prefs)
}

fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

#[test]
fn a_new_project_opens_empty_and_a_copy_is_saved_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), None);
    let fresh = dir.path().join("Second study.thicket");
    harness.state_mut().push_command(UiCommand::NewProject(fresh.clone()));
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.path(), fresh);
    assert_eq!(project.title().unwrap(), "Second study");
    harness.get_by_label("0 sources · 0 cases · 0 codes · 0 codings");

    let copy = dir.path().join("copy.thicket");
    harness.state_mut().push_command(UiCommand::SaveCopy(copy.clone()));
    harness.run();
    harness.get_by_label(&format!("Saved a copy to {}", copy.display()));
    assert!(copy.exists());
    // Never over an existing file.
    harness.state_mut().push_command(UiCommand::SaveCopy(copy.clone()));
    harness.run();
    assert!(harness.state().errors().iter().any(|e| e.contains("already exists")), "{:?}", harness.state().errors());
}

#[test]
fn the_view_menu_switches_to_the_dark_theme() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), None);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    harness.run();
    assert!(harness.ctx.global_style().visuals.dark_mode);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Light theme").click();
    harness.run();
    assert!(!harness.ctx.global_style().visuals.dark_mode);
}

#[test]
fn sources_group_by_kind_and_filter_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), None);
    let sources = harness.state().project().unwrap().sources().unwrap();
    let observations = sources.iter().filter(|s| s.kind == thicket_core::model::SourceKind::Observation).count();
    harness.get_by_label("By kind").click();
    harness.run();
    harness.get_by_label(&format!("Observation ({observations})"));
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find a source").focus();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find a source").type_text("focus group");
    harness.run();
    assert!(harness.query_by_label(&format!("Observation ({observations})")).is_none(), "no observation is called that");
    harness.get_by_label_contains("Focus group 1");
}

#[test]
fn codings_record_the_coder_chosen_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), None);
    harness.get_by_label("Coder:").click();
    harness.run();
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Another coder:");
    field.focus();
    field.type_text("Amara");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().coder(), "Amara");
    let span = TextSpan::new(0, 12).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    code_selection_with(&mut harness, 3, "Ruptures/Withdrawal");
    let project = harness.state().project().unwrap();
    let amara = project.coders().unwrap().into_iter().find(|c| c.name == "Amara").expect("coder created on first use");
    assert!(project.all_codings().unwrap().iter().any(|c| c.coder_id == amara.id && c.span == span));
    assert_eq!(project.undo_label(), Some("Apply code"), "creating the coder is not an undo step of its own");
}

#[test]
fn quick_keys_are_remembered_for_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    {
        let mut harness = harness_on(&path, Some(prefs.clone()));
        harness.get_by_label("Withdrawal").click_secondary();
        harness.run();
        harness.get_by_label("Quick key").click();
        harness.run();
        harness.get_by_label("7").click();
        harness.run();
        harness.get_by_label("[7]");
        harness.state_mut().push_command(UiCommand::CloseProject);
        harness.run();
    }
    let mut harness = harness_on(&path, Some(prefs));
    harness.get_by_label("[7]");
    let span = TextSpan::new(0, 12).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    let before = harness.state().project().unwrap().coding_count().unwrap();
    harness.key_press(Key::Num7);
    harness.run();
    assert_eq!(harness.state().project().unwrap().coding_count().unwrap(), before + 1);
    // Ctrl+7 is not a quick key.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    harness.run();
    assert_eq!(harness.state().project().unwrap().coding_count().unwrap(), before + 1);
}
