//! The window's language (issue #16, part 1): View → Language switches at once, the choice is
//! remembered for the next start, and the files Thicket writes do not change with it.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;
use thicket_gui::Startup;
use thicket_gui::i18n::Lang;

mod common;
use common::gui::harness_with;

fn sample(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

#[test]
fn the_language_menu_switches_the_window_at_once_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    let mut harness = harness_with(Startup::Open(path.clone()), egui::vec2(1280.0, 800.0), Some(prefs.clone()));
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Language").hover();
    harness.run();
    harness.get_by_label("Español").click();
    harness.run();
    // The menu bar is Spanish in the very next frame.
    harness.get_by_label("Archivo");
    harness.get_by_label("Análisis");
    assert!(harness.query_by_label("File").is_none());
    assert_eq!(thicket_gui::Prefs::load(Some(prefs.as_path())).language, Some(Lang::Es));
    drop(harness);

    // The next start opens in Spanish; then Dutch from the Spanish menu.
    let mut harness = harness_with(Startup::Open(path), egui::vec2(1280.0, 800.0), Some(prefs.clone()));
    harness.get_by_label("Ver").click();
    harness.run();
    harness.get_by_label("Idioma").hover();
    harness.run();
    harness.get_by_label("Nederlands").click();
    harness.run();
    harness.get_by_label("Bestand");
    harness.get_by_label("Bewerken");
    assert_eq!(thicket_gui::Prefs::load(Some(prefs.as_path())).language, Some(Lang::Nl));
}

#[test]
fn a_menu_item_and_its_tooltip_are_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(Lang::Nl), ..Default::default() };
    p.save(Some(prefs.as_path()));
    let mut harness = harness_with(Startup::Open(path), egui::vec2(1280.0, 800.0), Some(prefs));
    harness.get_by_label("Bestand").click();
    harness.run();
    harness.get_by_label_contains("Bestanden importeren");
    harness.get_by_label("Exporteren").hover();
    harness.run();
    harness.get_by_label("Gecodeerde citaten…");
}

#[test]
fn a_code_moved_in_spanish_is_named_in_spanish_by_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(Lang::Es), ..Default::default() };
    p.save(Some(prefs.as_path()));
    let mut harness = harness_with(Startup::Open(path), egui::vec2(1280.0, 800.0), Some(prefs));
    let project = harness.state().project().unwrap();
    let book = project.codebook().unwrap();
    let code = project.code_at("Ruptures/Confrontation").unwrap();
    let order = book.get(code).unwrap().sort_order;
    let last = book.children(book.get(code).unwrap().parent_id).last() == Some(&code);
    // The codebook's context menu, in Spanish: move the code one place down (up if it is last).
    harness.get_by_label("Confrontation").click_secondary();
    harness.run();
    harness.get_by_label(if last { "Subir" } else { "Bajar" }).click();
    harness.run();
    let project = harness.state().project().unwrap();
    assert_ne!(project.codebook().unwrap().get(code).unwrap().sort_order, order, "the code moved");
    assert_eq!(project.undo_label(), Some("Move “Confrontation”"), "core's English label is unchanged");
    // The Edit menu names the step in Spanish.
    harness.get_by_label("Editar").click();
    harness.run();
    harness.get_by_label_contains("Deshacer: Mover «Confrontation»").click();
    harness.run();
    assert_eq!(harness.state().project().unwrap().codebook().unwrap().get(code).unwrap().sort_order, order, "undone");
    harness.get_by_label("Editar").click();
    harness.run();
    harness.get_by_label_contains("Rehacer: Mover «Confrontation»");
    assert!(harness.query_by_label_contains("Move “Confrontation”").is_none(), "no English step name");
}
