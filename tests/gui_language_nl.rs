//! The main coding flow in the window in Dutch and in Spanish (issue #16 §1): the code bar, the
//! codebook panel, the document's menus, find and search and the Edit menu's undo speak the
//! window's language, and coding works the same.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::action::Action;
use thicket_core::model::{CodeDescription, Coding, TextSpan};
use thicket_core::project::{ImportOptions, Project};
use thicket_gui::ThicketApp;
use thicket_gui::i18n::Lang;

mod common;
use common::gui::{drag, harness_with, open_source, paragraphs, point_at};

fn prefs_in(dir: &Path, lang: Lang) -> PathBuf {
    let prefs = dir.join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(lang), ..Default::default() };
    p.save(Some(prefs.as_path()));
    prefs
}

fn codings(harness: &Harness<'static, ThicketApp>) -> Vec<Coding> {
    let id = harness.state().document().unwrap().source.id;
    harness.state().project().unwrap().codings_in(id).unwrap()
}

/// Selects the first words of paragraph `n` (at most 40 chars, ending on a letter) by dragging.
fn select_passage(harness: &mut Harness<'static, ThicketApp>, n: usize) -> TextSpan {
    let p = paragraphs(harness);
    let text: Vec<char> = harness.state().document().unwrap().text().chars().collect();
    let mut end = (p[n].start + 40).min(p[n].end);
    while text[end - 1].is_whitespace() || text[end - 1].is_ascii_punctuation() {
        end -= 1;
    }
    let (a, b) = (point_at(harness, p[n].start), point_at(harness, end));
    drag(harness, a, b);
    let span = harness.state().document().unwrap().selection().expect("a selection");
    assert_eq!(span, TextSpan::new(p[n].start, end).unwrap());
    span
}

/// Types `filter` into the code bar (labelled `label` in the window's language) and presses Enter.
fn code_from_the_bar(harness: &mut Harness<'static, ThicketApp>, label: &str, filter: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).type_text(filter);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn coding_from_the_code_bar_and_undoing_it_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let prefs = prefs_in(dir.path(), Lang::Nl);
    let mut harness = harness_with(thicket_gui::Startup::Open(path), egui::vec2(1400.0, 1000.0), Some(prefs));
    let name = harness.state().project().unwrap().sources().unwrap()[0].name.clone();
    open_source(&mut harness, &name);
    // The codebook panel is Dutch; the codes keep the names the team gave them.
    harness.get_by_label("Nieuwe code…");
    harness.get_by_label("Codes filteren");
    harness.get_by_label("Withdrawal");
    assert!(harness.query_by_label("New code…").is_none());

    let before = codings(&harness);
    let span = select_passage(&mut harness, 1);
    harness.get_by_label("Coderen met");
    code_from_the_bar(&mut harness, "Coderen met", "Withdr");
    let after = codings(&harness);
    assert_eq!(after.len(), before.len() + 1);
    let coding = after.iter().find(|c| !before.iter().any(|b| b.id == c.id)).unwrap();
    let project = harness.state().project().unwrap();
    assert_eq!((coding.span, coding.code_id), (span, project.code_at("Ruptures/Withdrawal").unwrap()));
    // A filter that matches nothing says so in Dutch.
    code_from_the_bar(&mut harness, "Coderen met", "zzzz");
    harness.get_by_label("Geen code komt overeen");

    // Undo from the Dutch Edit menu takes the coding back.
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Bewerken").click();
    harness.run();
    harness.get_by_label_contains("Ongedaan maken").click();
    harness.run();
    assert_eq!(codings(&harness).len(), before.len());
}

#[test]
fn coding_and_searching_a_spanish_interview_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("es.thicket");
    let mut project = Project::create(&path, "Estudio").unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/es/entrevista-sesion-3.txt");
    let report = project.import_paths(&[file], &ImportOptions::default()).unwrap();
    assert_eq!(report.imported.len(), 1, "{:?}", report.failed);
    project.perform(Action::CreateCode { parent: None, name: "Vínculo".into(), color: "#3a7bd5".into(), description: CodeDescription::default() }).unwrap();
    project.close().unwrap();
    let prefs = prefs_in(dir.path(), Lang::Es);
    let mut harness = harness_with(thicket_gui::Startup::Open(path), egui::vec2(1400.0, 1000.0), Some(prefs));
    open_source(&mut harness, "entrevista-sesion-3");
    harness.get_by_label("Nuevo código…");
    // The interview's speaker turns were read: TS and Madre are participants.
    let project = harness.state().project().unwrap();
    assert!(project.participant_named("Madre").unwrap().is_some());

    let before = codings(&harness);
    let span = select_passage(&mut harness, 2);
    code_from_the_bar(&mut harness, "Codificar con", "Vín");
    let after = codings(&harness);
    assert_eq!(after.len(), before.len() + 1);
    let coding = after.iter().find(|c| !before.iter().any(|b| b.id == c.id)).unwrap();
    assert_eq!((coding.span, coding.code_id), (span, harness.state().project().unwrap().code_at("Vínculo").unwrap()));

    // The project search, in Spanish.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Buscar en el proyecto");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Buscar").type_text("participación");
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Buscar").click();
    harness.run();
    harness.get_by_label("1 resultado en 1 fuente");
    harness.get_by_label("Codificar automáticamente los resultados");
}
