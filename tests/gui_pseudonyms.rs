//! The Pseudonyms window (Project ▸ Pseudonyms…) in the real window, driven headlessly through
//! egui_kittest: pre-fill the map and undo it, add an entry and see how often it replaces and
//! where, remove one, and read the export log (Project ▸ Export log…), at 1024×700.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::NewExportRecord;
use thicket_gui::ThicketApp;

mod common;
use common::gui::{harness_on, menu};

/// The window at 1024×700 on a fresh sample study written to `path`.
fn sample_harness(path: &std::path::Path) -> Harness<'static, ThicketApp> {
    thicket_core::sample::write_sample(path).unwrap().close().unwrap();
    harness_on(path, egui::vec2(1024.0, 700.0))
}

fn project<'a>(harness: &'a Harness<'static, ThicketApp>) -> &'a thicket_core::Project {
    harness.state().project().unwrap()
}

fn type_into(harness: &mut Harness<'static, ThicketApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    harness.run();
}

fn undo(harness: &mut Harness<'static, ThicketApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

#[test]
fn pre_fill_lists_the_participants_with_their_counts_and_undo_empties_the_map_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Pseudonyms…");
    harness.get_by_label("The map is empty: Pre-fill it from the participants, or add a name.");
    harness.get_by_label("Pre-fill").click();
    harness.run();
    let map = project(&harness).pseudonyms().unwrap();
    assert_eq!(map.len(), 12, "every participant but the interviewer and the facilitator");
    assert_eq!((map[2].original.as_str(), map[2].replacement.as_str()), ("Dana", "Caregiver 2"));
    // Each entry's count of replacements across the project, as the preview finds them.
    let dana = project(&harness).pseudonym_preview().unwrap().entries[2].count;
    assert!(dana > 100, "Dana is named throughout the Harlow sources: {dana}");
    harness.get_by_label(&format!("{dana} × Dana"));
    harness.get_by_label_contains("12 entries,");
    // The window fits the laptop-sized window.
    let button = harness.get_by_label("Pre-fill").rect();
    assert!(button.max.x <= 1024.0 && button.max.y <= 700.0, "{button:?}");

    // A second Pre-fill finds nothing new, and says so.
    harness.get_by_label("Pre-fill").click();
    harness.run();
    harness.get_by_label("Nothing new: every participant and speaker label is in the map.");
    assert_eq!(project(&harness).pseudonyms().unwrap().len(), 12);
    assert_eq!(project(&harness).undo_label(), Some("Pre-fill 12 pseudonyms"));
    undo(&mut harness);
    assert!(project(&harness).pseudonyms().unwrap().is_empty());
    harness.get_by_label("The map is empty: Pre-fill it from the participants, or add a name.");
}

#[test]
fn an_added_entry_shows_its_count_and_its_replacements_in_the_preview_and_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Pseudonyms…");
    type_into(&mut harness, "Original", "Harlow");
    type_into(&mut harness, "Replacement", "Family A");
    harness.get_by_label("Add").click();
    harness.run();
    let map = project(&harness).pseudonyms().unwrap();
    assert_eq!(map.len(), 1);
    assert_eq!((map[0].original.as_str(), map[0].replacement.as_str(), map[0].whole_word), ("Harlow", "Family A", true));
    assert_eq!(project(&harness).undo_label(), Some("Add pseudonym for “Harlow”"));
    // Source names (6 Harlow sources), the case name and the texts.
    harness.get_by_label("31 × Harlow").click();
    harness.run();
    harness.get_by_label("31 replacements");
    harness.get_by_label("source name · Harlow – case file excerpt · 0..6");
    assert!(harness.query_all_by_label("Family A").count() >= 1, "each replacement shows what it becomes");

    harness.get_by_label("Map").click();
    harness.run();
    harness.get_by_label("Remove “Harlow”").click();
    harness.run();
    assert!(project(&harness).pseudonyms().unwrap().is_empty());
    undo(&mut harness);
    assert_eq!(project(&harness).pseudonyms().unwrap(), map, "back under its id");
    harness.get_by_label("31 × Harlow");
    undo(&mut harness);
    assert!(project(&harness).pseudonyms().unwrap().is_empty());
}

#[test]
fn the_export_log_says_which_exports_left_without_pseudonyms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut p = thicket_core::Project::open(&path).unwrap();
    for (file, pseudonymised) in [("draft.md", false), ("paper.md", true)] {
        p.log_export(&NewExportRecord {
            kind: "excerpts".into(),
            file: file.into(),
            options: serde_json::json!({"all_codes": true}),
            pseudonymised,
            map_hash: pseudonymised.then(|| "0123456789abcdef".into()),
            map_entries: pseudonymised.then_some(12),
        })
        .unwrap();
    }
    p.close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1024.0, 700.0));
    menu(&mut harness, "Project", "Export log…");
    harness.get_by_label("2 exports, 1 without pseudonyms");
    harness.get_by_label("draft.md");
    harness.get_by_label("paper.md");
    harness.get_by_label("0123456789abcdef (12 entries)");
    assert_eq!(harness.query_all_by_label("no").count(), 1);
}

#[test]
fn an_analysis_exported_from_the_window_is_logged_as_not_pseudonymised() {
    use thicket_gui::UiCommand;
    use thicket_gui::analysis::{AnalysisKind, ExportFormat};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    let csv = dir.path().join("matrix.csv");
    harness.state_mut().push_command(UiCommand::Export(AnalysisKind::Matrix, ExportFormat::Csv, csv.clone()));
    harness.run();
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("code,"), "the file was written");
    let log = project(&harness).export_log().unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].fields.kind.as_str(), log[0].fields.pseudonymised), ("matrix", false));
    assert_eq!(log[0].fields.file, csv.display().to_string());
    menu(&mut harness, "Project", "Export log…");
    harness.get_by_label("1 export, 1 without pseudonyms");
}

#[test]
fn the_preview_is_read_across_frames_and_the_window_says_how_far_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let mut harness = sample_harness(&path);
    menu(&mut harness, "Project", "Pseudonyms…");
    // Held: each frame reads one source text, so a new entry's count is not there at once.
    harness.state().jobs().hold(true);
    let dana = thicket_core::model::NewPseudonym::added("Dana", "Alex");
    harness.state_mut().push_command(thicket_gui::UiCommand::Perform(thicket_core::Action::AddPseudonyms(vec![dana])));
    harness.run_steps(3);
    harness.get_by_label_contains("counting replacements…");
    harness.get_by_label("… × Dana");
    harness.state().jobs().hold(false);
    harness.run();
    let expected = project(&harness).pseudonym_preview().unwrap().entries[0].count;
    assert!(expected > 100);
    harness.get_by_label(&format!("{expected} × Dana"));
    harness.get_by_label_contains(&format!("1 entry, {expected} replacements"));
}
