//! The real window, driven headlessly through egui_kittest: what a researcher sees on opening
//! the sample study, and what a click on a source shows.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;
use thicket_gui::Startup;

mod common;
use common::gui::{harness_with, sample_harness, step_until};

#[test]
fn opening_the_sample_shows_its_sources_by_case_and_its_codebook() {
    let dir = tempfile::tempdir().unwrap();
    let harness = sample_harness(dir.path());
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    harness.get_by_label("Mensah – session 1 (joint interview)");
    harness.get_by_label("Kowalski – observation 1 (core group meeting at home)");
    harness.get_by_label("Harlow family (7)");
    harness.get_by_label("Withdrawal");
    harness.get_by_label("Worker turnover");
    // The earliest source of the first case is open, with its coding count.
    assert_eq!(harness.query_all_by_label("Harlow – case file excerpt").count(), 2);
    harness.get_by_label_contains("Case file · 2025-01-20 · 1,321 words");
}

#[test]
fn clicking_a_source_shows_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("Mensah – session 3 (first sessions with Grace)").click();
    harness.run();
    // The name now shows twice: in the list and as the document's heading.
    assert_eq!(harness.query_all_by_label("Mensah – session 3 (first sessions with Grace)").count(), 2);
    harness.get_by_label_contains("Interview · 2025-04-25");
    assert!(harness.query_all_by_label_contains("Grace").count() > 3);
}

#[test]
fn without_a_project_the_welcome_screen_offers_the_sample() {
    let harness = harness_with(Startup::Welcome, egui::vec2(1000.0, 700.0), None);
    harness.get_by_label("Explore the sample study");
    harness.get_by_label("Open project…");
    assert!(harness.state().project().is_none());
}

#[test]
fn importing_a_transcript_reviews_speakers_then_imports_into_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let file = dir.path().join("2025-06-30 Harlow follow-up.txt");
    std::fs::write(&file, "Interviewer: How have things been?\n\nMum: Better. Priya still rings.\n\nInterviewer: And Eli?\n\nMum: He's going in most days.\n").unwrap();
    let broken = dir.path().join("scan.txt");
    std::fs::write(&broken, b"\x00\x01\x02\x03binary").unwrap();
    harness.state_mut().push_command(thicket_gui::UiCommand::Import(vec![file, broken]));
    step_until(&mut harness, |app| app.import_dialog().is_some_and(|d| d.is_ready()));
    harness.get_by_label_contains("1 file read (1 source), 1 could not be read");
    harness.get_by_label_contains("scan.txt: it looks like a binary file");
    assert!(harness.query_all_by_label("Mum").count() >= 2, "the label and its fields");
    // Map "Mum" onto the existing participant Dana by typing her name over the label.
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Mum");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Mum").type_text("Dana");
    harness.run();
    // Put the source in the family's case.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Case").click();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Case").type_text("Harlow family");
    harness.run();
    harness.get_by_label("Import 1 source").click();
    harness.run();
    let report = harness.state().import_dialog().and_then(|d| d.report()).cloned().expect("report shown");
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 1);
    harness.get_by_label("Imported 1 source");
    let project = harness.state().project().unwrap();
    let source = project.source_named("2025-06-30 Harlow follow-up").unwrap();
    assert_eq!(project.cases_by_source().unwrap()[&source.id], ["Harlow family"]);
    let turns = project.turns(source.id).unwrap();
    assert_eq!(turns.len(), 4);
    let dana = project.participant_named("Dana").unwrap().unwrap();
    assert_eq!(turns.iter().filter(|t| t.participant_id == dana.id).count(), 2);
    assert!(project.participant_named("Mum").unwrap().is_none());
    assert_eq!(project.undo_label(), Some("Import “2025-06-30 Harlow follow-up”"));
}

#[test]
fn the_participants_window_renames_a_speaker_and_undo_restores_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.state_mut().push_command(thicket_gui::UiCommand::ShowParticipants);
    harness.run();
    harness.get_by_label("Merge into");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Zosia");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Zosia").type_text("Zosia K");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let project = harness.state().project().unwrap();
    assert!(project.participant_named("Zosia K").unwrap().is_some());
    assert_eq!(project.undo_label(), Some("Edit participant"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().project().unwrap().participant_named("Zosia").unwrap().is_some());
}

#[test]
fn clicking_a_code_lists_its_segments_and_a_segment_opens_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("Withdrawal").click();
    harness.run();
    let project = harness.state().project().unwrap();
    let expected = project
        .segments(&thicket_core::project::SegmentFilter { codes: vec!["Ruptures/Withdrawal".into()], ..Default::default() })
        .unwrap();
    harness.get_by_label(&format!("{} segments", expected.len()));
    // Narrow to one family and open the first segment.
    let first = expected.iter().find(|s| s.cases == ["Mensah family"]).unwrap().clone();
    harness.state_mut().push_command(thicket_gui::UiCommand::ShowSpan(first.source_id, thicket_core::model::TextSpan::new(first.start, first.end).unwrap()));
    harness.run();
    assert_eq!(harness.query_all_by_label(&first.source).count(), 2, "the source is open");
}

#[test]
fn a_new_code_is_created_from_the_codebook_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("New code…").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").focus();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").type_text("Hope");
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Definition").focus();
    harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Definition").type_text("Talk of a better future.");
    harness.run();
    harness.get_by_label("Create").click();
    harness.run();
    let project = harness.state().project().unwrap();
    let id = project.code_at("Hope").unwrap();
    assert_eq!(project.codebook().unwrap().get(id).unwrap().description.definition, "Talk of a better future.");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().project().unwrap().code_at("Hope").is_err());
}

#[test]
fn the_new_code_form_focuses_the_name_and_enter_creates_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("New code…").click();
    harness.run();
    harness.event(egui::Event::Text("Hope".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().project().unwrap().code_at("Hope").is_ok(), "typed into the focused name, created on Enter");
    assert!(harness.query_by_label("Create").is_none(), "the form closed");
}

#[test]
fn a_new_code_can_be_given_a_parent_and_a_hex_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("New code…").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").type_text("Trust regained");
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Under").click();
    harness.run();
    // Within the open list, scrolled to (it holds every code).
    harness.get_by_role(egui::accesskit::Role::ListBox).get_by_label("Repair/Honesty").scroll_to_me();
    harness.run();
    harness.get_by_role(egui::accesskit::Role::ListBox).get_by_label("Repair/Honesty").click();
    harness.run();
    let hex = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Hex");
    hex.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Hex").type_text("#12ab56");
    harness.run();
    harness.get_by_label("Create").click();
    harness.run();
    let project = harness.state().project().unwrap();
    let id = project.code_at("Repair/Honesty/Trust regained").unwrap();
    assert_eq!(project.codebook().unwrap().get(id).unwrap().color, "#12AB56");
}

#[test]
fn escape_closes_the_code_form_without_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = harness.state().project().unwrap().codebook().unwrap().len();
    harness.get_by_label("New code…").click();
    harness.run();
    harness.event(egui::Event::Text("Half a name".into()));
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Create").is_none(), "the form closed");
    assert_eq!(harness.state().project().unwrap().codebook().unwrap().len(), before);
}
