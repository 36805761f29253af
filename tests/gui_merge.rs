//! File → Merge a project… in the real window: the file is picked in Thicket's own browser, the
//! preview lists what would come in and the conflicts, the merge waits for a rule when there are
//! conflicts, merging brings in the other copy's work, and "Undo this merge" takes it all back.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::Project;
use thicket_core::action::{Action, NewCoding};
use thicket_core::model::*;
use thicket_gui::ThicketApp;
use thicket_gui::merge_dialog::Stage;

use common::gui::{harness_on, menu};

/// Types `dir` into the browser's location field and presses Enter.
fn go_to(harness: &mut Harness<'static, ThicketApp>, dir: &Path) {
    harness.get_by_role_and_label(Role::TextInput, "Location").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Location").type_text(&dir.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The sample study, and a copy of it where a third coder coded five passages with a code they
/// renamed.
fn two_copies(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let here = dir.join("study.thicket");
    thicket_core::sample::write_sample(&here).unwrap().close().unwrap();
    let other = dir.join("copy of study.thicket");
    std::fs::copy(&here, &other).unwrap();
    let mut p = Project::open(&other).unwrap();
    let coder = p.ensure_coder("Noor").unwrap();
    let book = p.codebook().unwrap();
    let code = book.get(book.by_path("Ruptures").unwrap()).unwrap().clone();
    p.perform(Action::UpdateCode { id: code.id, parent: code.parent_id, name: "Breaks".into(), color: code.color.clone(), description: code.description.clone(), sort_order: code.sort_order }).unwrap();
    let codings: Vec<NewCoding> = p.sources().unwrap().iter().take(5).map(|s| NewCoding { source: s.id, code: code.id, coder, span: TextSpan { start: 0, end: 12 }, memo: String::new() }).collect();
    p.perform(Action::AddCodings(codings)).unwrap();
    p.close().unwrap();
    (here, other)
}

fn state(p: &Project) -> (Vec<String>, usize, bool) {
    let coders = p.coders().unwrap().into_iter().map(|c| c.name).collect();
    let renamed = p.codebook().unwrap().by_path("Breaks").is_some();
    (coders, p.coding_count().unwrap(), renamed)
}

#[test]
fn merging_a_copy_previews_waits_for_a_rule_merges_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (here, _) = two_copies(dir.path());
    let mut harness = harness_on(&here, egui::vec2(1280.0, 900.0));
    let before = state(harness.state().project().unwrap());

    menu(&mut harness, "File", "Merge a project…");
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open");
    go_to(&mut harness, dir.path());
    harness.get_by_label("copy of study.thicket").click();
    harness.run();
    harness.get_by_label("Compare").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().merge_dialog().map(|d| d.stage()), Some(Stage::Preview));
    harness.get_by_label("What merging would do");
    harness.get_by_label("Conflicts: 1");
    harness.get_by_label("code name: code “Ruptures”");
    harness.get_by_label("there: Breaks");
    // Nothing is written by the preview, and Merge waits for a rule.
    assert_eq!(state(harness.state().project().unwrap()), before);
    assert!(harness.get_by_label("Merge").accesskit_node().is_disabled(), "a conflict needs a rule first");
    harness.get_by_label("Merge").click();
    harness.run();
    assert_eq!(harness.state().merge_dialog().map(|d| d.stage()), Some(Stage::Preview));
    assert_eq!(state(harness.state().project().unwrap()), before);

    harness.get_by_label("Take the merged project's version").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().merge_dialog().unwrap().rule(), Some(thicket_core::project::ConflictRule::From));
    harness.get_by_label("took FROM's");
    harness.get_by_label("Merge").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().merge_dialog().map(|d| d.stage()), Some(Stage::Done));
    harness.get_by_label("What came in");
    harness.get_by_label("Merged as one step.");
    let (coders, codings, renamed) = state(harness.state().project().unwrap());
    assert_eq!(coders, ["Amara", "Jonas", "Noor"]);
    assert_eq!(codings, before.1 + 5);
    assert!(renamed);
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Merge “copy of study.thicket”"));

    harness.get_by_label("Undo this merge").click();
    harness.run();
    harness.run();
    assert!(harness.state().merge_dialog().is_none());
    assert_eq!(state(harness.state().project().unwrap()), before);
}

#[test]
fn a_file_that_is_not_a_project_is_refused_in_the_dialog_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (here, _) = two_copies(dir.path());
    let bad = dir.path().join("broken.thicket");
    std::fs::write(&bad, "not a database").unwrap();
    let mut harness = harness_on(&here, egui::vec2(1280.0, 900.0));
    menu(&mut harness, "File", "Merge a project…");
    go_to(&mut harness, dir.path());
    harness.get_by_label("broken.thicket").click();
    harness.run();
    harness.get_by_label("Compare").click();
    harness.run();
    harness.run();
    let error = harness.state().merge_dialog().and_then(|d| d.error()).unwrap().to_string();
    assert!(error.contains("broken.thicket") && error.contains("not a Thicket project"), "{error}");
    harness.get_by_label(&error);
    assert!(harness.state().project().unwrap().undo_label().is_none());
}

/// The same merge in the Spanish window: the conflict (what differs, which code) and what the
/// rule did are in Spanish, from core's values, not core's English report.
#[test]
fn the_merge_dialog_names_conflicts_and_resolutions_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let (here, _) = two_copies(dir.path());
    let prefs = dir.path().join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(thicket_gui::i18n::Lang::Es), ..Default::default() };
    p.save(Some(prefs.as_path()));
    let mut harness = common::gui::harness_with(thicket_gui::Startup::Open(here), egui::vec2(1280.0, 900.0), Some(prefs));
    menu(&mut harness, "Archivo", "Fusionar un proyecto…");
    harness.get_by_role_and_label(Role::TextInput, "Ubicación").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Ubicación").type_text(&dir.path().display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("copy of study.thicket").click();
    harness.run();
    harness.get_by_label("Comparar").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().merge_dialog().map(|d| d.stage()), Some(Stage::Preview));
    harness.get_by_label("nombre del código: código «Ruptures»");
    harness.get_by_label("sin resolver");
    assert!(harness.query_by_label("code name: code “Ruptures”").is_none(), "not core's English");
    harness.get_by_label("Tomar la versión del proyecto fusionado").click();
    harness.run();
    harness.run();
    harness.get_by_label("se tomó la versión del proyecto fusionado");
    assert!(harness.query_by_label("took FROM's").is_none());
}
