//! Search and autocode in the real window, driven headlessly through egui_kittest: the find bar
//! (Ctrl+F, counter, Enter / Shift+Enter / F3, Esc), the project search panel (a click opens
//! another source at the hit), and autocoding from that panel with undo.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::TextSpan;
use thicket_core::project::{AutocodeSpec, CodingUnit};
use thicket_core::text::SearchPattern;
use thicket_gui::ThicketApp;

mod common;
use common::gui::{open_source, sample_harness_sized};

/// Four panes and the search panel: a wide screen, as researchers use for this.
fn sample_harness(dir: &std::path::Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1700.0, 1000.0))
}

/// Where the open document shows each hit of `pattern`, found independently of the window.
fn hits_in_open_document(harness: &Harness<'static, ThicketApp>, pattern: &SearchPattern) -> Vec<TextSpan> {
    pattern.compile().unwrap().find(harness.state().document().unwrap().text())
}

fn on_screen(harness: &Harness<'static, ThicketApp>, ch: usize) -> bool {
    harness.state().document().unwrap().char_screen_rect(ch).is_some()
}

#[test]
fn ctrl_f_counts_the_hits_and_enter_f3_and_shift_step_through_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let hits = hits_in_open_document(&harness, &SearchPattern::plain("between", false));
    assert_eq!(hits.len(), 3);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("Between");
    harness.run();
    harness.get_by_label("1 of 3");
    let (marked, current) = harness.state().document().unwrap().search_hits();
    assert_eq!((marked.to_vec(), current), (hits.clone(), Some(0)));
    assert!(on_screen(&harness, hits[0].start));
    assert!(!on_screen(&harness, hits[1].start), "the second hit is far below");

    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("2 of 3");
    assert!(on_screen(&harness, hits[1].start), "Enter scrolled to the second hit");
    assert!(!on_screen(&harness, hits[0].start));

    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.get_by_label("1 of 3");
    assert!(on_screen(&harness, hits[0].start));

    // F3 steps on and wraps around; Shift+F3 steps back.
    for expected in ["2 of 3", "3 of 3", "1 of 3"] {
        harness.key_press(Key::F3);
        harness.run();
        harness.get_by_label(expected);
    }
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    harness.get_by_label("3 of 3");
    assert!(on_screen(&harness, hits[2].start));

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_role_and_label(Role::TextInput, "Find in document").is_none(), "Esc closed the bar");
    assert!(harness.state().document().unwrap().search_hits().0.is_empty(), "and cleared the marks");
}

#[test]
fn the_find_bar_says_when_nothing_matches_and_names_a_bad_regex() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("zebra crossing");
    harness.run();
    harness.get_by_label("no matches");
    harness.get_by_label("Regex").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").focus();
    harness.run();
    harness.key_press(Key::End);
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("(");
    harness.run();
    harness.get_by_label_contains("invalid regular expression \"zebra crossing(\"");
}

#[test]
fn a_project_search_result_opens_its_source_at_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = harness.state().document().unwrap().source.name.clone();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Search project");
    harness.get_by_label("Whole words").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").type_text("trust");
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().project().unwrap();
    let expected = project.search(&SearchPattern::plain("trust", true), &Default::default()).unwrap();
    harness.get_by_label(&expected.summary());
    let hit = expected.hits.iter().find(|h| h.source != before && h.speaker.as_deref() == Some("Dana")).unwrap().clone();

    harness.get_all_by_label_contains(&format!("{} · ¶{} · Dana", hit.source, hit.paragraph)).next().unwrap().click();
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.source.name, hit.source);
    assert!(doc.char_screen_rect(hit.start).is_some(), "the hit is on screen");
    let in_source = expected.hits.iter().filter(|h| h.source == hit.source).count();
    let nth = expected.hits.iter().filter(|h| h.source == hit.source).position(|h| h.start == hit.start).unwrap();
    harness.get_by_label(&format!("{} of {in_source}", nth + 1));
    assert_eq!(harness.state().document().unwrap().search_hits().1, Some(nth));
}

/// The number shown beside a code's name in the codebook.
fn codebook_count(harness: &Harness<'static, ThicketApp>, name: &str) -> usize {
    let row = harness.get_by_label(name).rect();
    let numbers: Vec<usize> = harness
        .query_all_by(|node| node.role() == Role::Label)
        .filter(|node| (node.rect().center().y - row.center().y).abs() < row.height() / 2.0 && node.rect().left() > row.right())
        // A label's text is its accesskit value.
        .filter_map(|node| node.value().and_then(|l| l.parse().ok()))
        .collect();
    assert_eq!(numbers.len(), 1, "one count beside {name}: {numbers:?}");
    numbers[0]
}

#[test]
fn autocoding_sentences_from_the_search_panel_raises_the_count_and_undo_lowers_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codebook_count(&harness, "Goals");
    assert_eq!(before, harness.state().project().unwrap().coding_counts().unwrap()[&harness.state().project().unwrap().code_at("Alliance/Goals").unwrap()]);

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").type_text("school");
    harness.get_by_label("Search").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Code").click();
    harness.run();
    harness.get_by_label("Alliance/Goals").click();
    harness.run();
    harness.get_by_label("Sentence").click();
    harness.run();

    let project = harness.state().project().unwrap();
    let coder = thicket_core::project::default_coder();
    let spec = AutocodeSpec {
        pattern: SearchPattern::plain("school", false),
        code: project.code_at("Alliance/Goals").unwrap(),
        unit: CodingUnit::Sentence,
        role: None,
        sources: Vec::new(),
        coder: project.coders().unwrap().into_iter().find(|c| c.name == coder).map(|c| c.id),
    };
    let plan = project.plan_autocode(&spec).unwrap();
    assert!(plan.added() > 10, "{plan:?}");
    harness.get_by_label_contains(&format!("Will add {} codings in {} sources", plan.added(), plan.sources));

    harness.get_by_label(&format!("Add {} codings", plan.added())).click();
    harness.run();
    assert_eq!(codebook_count(&harness, "Goals"), before + plan.added());
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Autocode “school” as “Alliance/Goals”"));
    harness.get_by_label_contains("Will add 0 codings");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(codebook_count(&harness, "Goals"), before);
}


/// A project with one fictional Spanish interview, for the search options.
fn spanish_harness(dir: &std::path::Path) -> Harness<'static, ThicketApp> {
    let path = dir.join("es.thicket");
    let mut project = thicket_core::project::Project::create(&path, "Entrevistas").unwrap();
    let text = "Trabajadora: ¿Cómo fue la participación de la familia?\n\nMadre: La participacion fue difícil, y el worker’s plan llegó tarde.\n";
    project.perform(thicket_core::project::import_text("Entrevista 1", thicket_core::model::SourceKind::Interview, text)).unwrap();
    project.close().unwrap();
    common::gui::harness_on(&path, egui::vec2(1700.0, 1000.0))
}

#[test]
fn the_search_options_change_what_a_project_search_finds() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = spanish_harness(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").type_text("participacion");
    harness.key_press(Key::Enter);
    harness.run();
    // Accents are ignored by default: both spellings are found.
    harness.get_by_label("2 hits in 1 source");
    search_option(&mut harness, "Ignore accents");
    harness.get_by_label("1 hit in 1 source");
    search_option(&mut harness, "Ignore accents");
    harness.get_by_label("2 hits in 1 source");

    // Typographic apostrophes: a typed one finds the curly one, until typography counts.
    harness.get_by_role_and_label(Role::TextInput, "Search for").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").type_text("worker's");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("1 hit in 1 source");
    search_option(&mut harness, "Ignore typography");
    harness.get_by_label("0 hits in 0 sources");
}

/// Clicks the search option `label`, opening the panel's Options menu first if it is closed.
fn search_option(harness: &mut Harness<'static, ThicketApp>, label: &str) {
    if harness.query_by_label(label).is_none() {
        harness.get_by_label("Options").click();
        harness.run();
    }
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn the_find_bar_options_menu_changes_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = spanish_harness(dir.path());
    open_source(&mut harness, "Entrevista 1");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("PARTICIPACION");
    harness.run();
    harness.get_by_label("1 of 2");
    harness.get_by_label("Options").click();
    harness.run();
    harness.get_by_label("Ignore case").click();
    harness.run();
    harness.get_by_label("no matches");
}
