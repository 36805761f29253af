//! Transcripts in the window: a transcription service's Word export shows its turns like any
//! other (speaker colour, time in the margin), a subtitle file shows its paragraph times, and the
//! import review suggests the interviewer's role.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::project::{ImportOptions, Project};
use thicket_gui::ThicketApp;

mod common;
use common::gui::{harness_on, open_source, step_until};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/transcripts").join(name)
}

/// The window on a new project holding the imported `file`, with that source open.
fn window_on(dir: &Path, file: &str, source: &str) -> Harness<'static, ThicketApp> {
    let path = dir.join("t.thicket");
    let mut project = Project::create(&path, "Transcripts").unwrap();
    let report = project.import_paths(&[fixture(file)], &ImportOptions::default()).unwrap();
    assert_eq!(report.imported.len(), 1, "{:?}", report.failed);
    project.close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1280.0, 900.0));
    open_source(&mut harness, source);
    harness
}

#[test]
fn a_word_export_with_speaker_line_paragraphs_shows_speaker_colours_and_margin_times() {
    let dir = tempfile::tempdir().unwrap();
    let harness = window_on(dir.path(), "otter-interview.docx", "otter-interview");
    let doc = harness.state().document().unwrap();
    let project = harness.state().project().unwrap();
    let dc01 = project.participant_named("DC01").unwrap().unwrap();
    let nora = project.participant_named("Nora Vandermeer").unwrap().unwrap();
    // ¶1 is the title; then each speaker line is a paragraph of its own above its turn.
    assert_eq!(doc.speaker_labels_of(0), []);
    assert_eq!(doc.speaker_labels_of(1), [("Nora Vandermeer  01:20".to_string(), nora.id)]);
    assert_eq!(doc.margin_times_of(1), ["00:01:20"]);
    assert_eq!(doc.speaker_labels_of(3), [("DC01  01:26".to_string(), dc01.id)]);
    assert_eq!(doc.margin_times_of(3), ["00:01:26"]);
    assert_eq!(doc.speaker_labels_of(7), [("DC01  02:05".to_string(), dc01.id)]);
    assert_eq!(doc.margin_times_of(7), ["00:02:05"]);
    assert_eq!(doc.margin_times_of(8), Vec::<String>::new(), "the spoken paragraph has no second time");
    assert!(harness.query_all_by_label_contains("Because I could disagree").count() >= 1);
}

#[test]
fn a_subtitle_file_without_speakers_shows_each_paragraphs_time_in_the_margin() {
    let dir = tempfile::tempdir().unwrap();
    let harness = window_on(dir.path(), "home-visit-memo.vtt", "home-visit-memo");
    let doc = harness.state().document().unwrap();
    assert!(doc.text().starts_with("Voice memo after the home visit to the Osei family. The flat was cleaner"));
    assert_eq!(doc.margin_times_of(0), ["00:00:00"]);
    assert_eq!(doc.margin_times_of(1), ["00:00:17"]);
}

#[test]
fn the_import_review_suggests_interviewer_for_the_speaker_who_asks_the_questions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.thicket");
    Project::create(&path, "Transcripts").unwrap().close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1280.0, 900.0));
    harness.state_mut().push_command(thicket_gui::UiCommand::Import(vec![fixture("kinship-carer.srt")]));
    step_until(&mut harness, |app| app.import_dialog().is_some_and(|d| d.is_ready()));
    let rows = &harness.state().import_dialog().unwrap().speakers;
    let roles: Vec<(&str, Option<&str>)> = rows.iter().map(|r| (r.label.as_str(), r.role.as_deref())).collect();
    assert_eq!(roles, [("MARGARET", None), ("RUTH", Some("interviewer"))]);
    harness.get_by_label("suggested: asks the most questions");
    harness.get_by_label("Import 1 source").click();
    harness.run();
    let project = harness.state().project().unwrap();
    let interviewer = project.participant_named("RUTH").unwrap().unwrap();
    assert_eq!(interviewer.role.as_deref(), Some("interviewer"));
    assert_eq!(project.participant_named("MARGARET").unwrap().unwrap().role, None);
}
