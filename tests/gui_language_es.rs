//! A main flow of the window in Spanish, then in Dutch (issue #16, part 1): open the sample
//! study, import a file through the import dialog and Thicket's own file browser, read the counts,
//! and export the codebook through the translated dialogs. Every label is found in the language;
//! the file written is the same whatever the window's language.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::Path;

use egui::accesskit::Role;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_gui::i18n::Lang;
use thicket_gui::{Startup, ThicketApp};

mod common;
use common::gui::{harness_with, step_until, replace_text};

/// The labels the flow clicks and reads, in one language.
struct Labels {
    file: &'static str,
    import_files: &'static str,
    location: &'static str,
    import: &'static str,
    files_read: &'static str,
    import_one: &'static str,
    imported_one: &'static str,
    close: &'static str,
    counts: fn(usize, usize, usize, usize) -> String,
    export: &'static str,
    codebook: &'static str,
    dialog_title: &'static str,
    choose_file: &'static str,
    file_name: &'static str,
    save: &'static str,
    wrote: fn(&Path) -> String,
}

const SPANISH: Labels = Labels {
    file: "Archivo",
    import_files: "Importar archivos…",
    location: "Ubicación",
    import: "Importar",
    files_read: "1 archivo leído (1 fuente); 0 no se pudieron leer.",
    import_one: "Importar 1 fuente",
    imported_one: "Se importó 1 fuente",
    close: "Cerrar",
    counts: |s, c, k, n| format!("{s} fuentes · {c} casos · {k} códigos · {n} codificaciones"),
    export: "Exportar",
    codebook: "Libro de códigos…",
    dialog_title: "Exportar libro de códigos",
    choose_file: "Elegir archivo…",
    file_name: "Nombre del archivo",
    save: "Guardar",
    wrote: |p| format!("Se escribió {}", p.display()),
};

const DUTCH: Labels = Labels {
    file: "Bestand",
    import_files: "Bestanden importeren…",
    location: "Locatie",
    import: "Importeren",
    files_read: "1 bestand gelezen (1 bron), 0 niet leesbaar.",
    import_one: "1 bron importeren",
    imported_one: "1 bron geïmporteerd",
    close: "Sluiten",
    counts: |s, c, k, n| format!("{s} bronnen · {c} casussen · {k} codes · {n} coderingen"),
    export: "Exporteren",
    codebook: "Codeboek…",
    dialog_title: "Codeboek exporteren",
    choose_file: "Bestand kiezen…",
    file_name: "Bestandsnaam",
    save: "Opslaan",
    wrote: |p| format!("{} geschreven", p.display()),
};

/// Opens a copy of the sample study with the window in `lang`.
fn window(dir: &Path, lang: Lang) -> Harness<'static, ThicketApp> {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let prefs = dir.join("prefs.json");
    let p = thicket_gui::Prefs { language: Some(lang), ..Default::default() };
    p.save(Some(prefs.as_path()));
    harness_with(Startup::Open(path), egui::vec2(1024.0, 700.0), Some(prefs))
}


/// The status bar's counts of the open project, as the language writes them.
fn counts(harness: &Harness<'static, ThicketApp>, l: &Labels) -> String {
    let p = harness.state().project().unwrap();
    let sources = p.sources().unwrap().len();
    let cases = p.cases().unwrap().len();
    let codes = p.codebook().unwrap().len();
    let codings: usize = p.coding_counts().unwrap().values().sum();
    (l.counts)(sources, cases, codes, codings)
}

fn main_flow(lang: Lang, l: &Labels) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path(), lang);
    let before = harness.state().project().unwrap().sources().unwrap().len();
    harness.get_by_label(&counts(&harness, l));

    // File → Import files…, through Thicket's own browser, then the import dialog.
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(inbox.join("visita domiciliaria.txt"), "Llegamos a las diez.\n\nLa abuela nos ofreció té.\n").unwrap();
    harness.get_by_label(l.file).click();
    harness.run();
    harness.get_by_label_contains(l.import_files).click();
    harness.run();
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open");
    replace_text(&mut harness, l.location, &inbox.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("visita domiciliaria.txt").click();
    harness.run();
    harness.get_by_label(l.import).click();
    harness.run();
    step_until(&mut harness, |app| app.import_dialog().is_some_and(|d| d.is_ready()));
    harness.get_by_label(l.files_read);
    harness.get_by_label(l.import_one).click();
    harness.run();
    harness.get_by_label(l.imported_one);
    harness.get_by_label(l.close).click();
    harness.run();
    assert_eq!(harness.state().project().unwrap().sources().unwrap().len(), before + 1);
    harness.get_by_label(&counts(&harness, l));
    assert!(harness.query_by_label_contains(" sources · ").is_none(), "no English counts");

    // File → Export → Codebook…: the dialog and the browser in the language.
    harness.get_by_label(l.file).click();
    harness.run();
    harness.get_by_label(l.export).click();
    harness.run();
    harness.get_by_label(l.codebook).click();
    harness.run();
    harness.get_by_label(l.dialog_title);
    harness.get_by_label("Markdown").click();
    harness.run();
    harness.get_by_label(l.choose_file).click();
    harness.run();
    replace_text(&mut harness, l.location, &dir.path().display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, l.file_name).value().as_deref(), Some("codebook.md"));
    harness.get_by_label(l.save).click();
    harness.run();
    step_until(&mut harness, |app| app.writing().is_none());
    let path = dir.path().join("codebook.md");
    let md = std::fs::read_to_string(&path).expect("the codebook was written");
    harness.get_by_label(&(l.wrote)(&path));
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    // The file does not change with the window's language.
    assert!(md.contains("Codebook: "), "{}", &md[..md.len().min(200)]);
    assert!(md.contains("## Overview"));
    for word in ["Libro de códigos", "Codeboek", "Resumen", "Overzicht"] {
        assert!(!md.contains(word), "the file holds the window's word {word:?}");
    }
}

#[test]
fn the_main_flow_in_spanish_imports_counts_and_exports() {
    main_flow(Lang::Es, &SPANISH);
}

#[test]
fn the_main_flow_in_dutch_imports_counts_and_exports() {
    main_flow(Lang::Nl, &DUTCH);
}

/// A file whose text the project already holds is skipped, and the window says why in Spanish
/// (core's reason as a value, not its English sentence).
#[test]
fn an_import_says_in_spanish_why_it_skipped_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let file = inbox.join("visita.txt");
    std::fs::write(&file, "Llegamos a las diez.\n\nLa abuela nos ofreció té.\n").unwrap();
    let path = dir.path().join("sample.thicket");
    let mut p = thicket_core::sample::write_sample(&path).unwrap();
    p.import_paths(std::slice::from_ref(&file), &Default::default()).unwrap();
    p.close().unwrap();
    let prefs = dir.path().join("prefs.json");
    thicket_gui::Prefs { language: Some(Lang::Es), ..Default::default() }.save(Some(prefs.as_path()));
    let mut harness = harness_with(Startup::Open(path), egui::vec2(1024.0, 700.0), Some(prefs));
    let before = harness.state().project().unwrap().sources().unwrap().len();

    harness.get_by_label("Archivo").click();
    harness.run();
    harness.get_by_label_contains("Importar archivos…").click();
    harness.run();
    replace_text(&mut harness, "Ubicación", &inbox.display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("visita.txt").click();
    harness.run();
    harness.get_by_label("Importar").click();
    harness.run();
    step_until(&mut harness, |app| app.import_dialog().is_some_and(|d| d.is_ready()));
    harness.get_by_label("Importar 1 fuente").click();
    harness.run();
    harness.get_by_label("Se omitió visita.txt: el mismo texto que la fuente «visita», que ya está en el proyecto");
    assert!(harness.query_by_label_contains("same text as").is_none(), "not core's English");
    assert_eq!(harness.state().project().unwrap().sources().unwrap().len(), before);
}
