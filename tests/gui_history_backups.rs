//! The History view (Project → History…) and File → Restore from a backup… (issue #15 §4, §6):
//! a coding made in the window shows in the history; a snapshot is listed with its counts and
//! restored into a new file, which the dialog offers to open.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable;

mod common;
use common::gui::{code_selection_with, drag, menu, paragraphs, point_at, sample_harness};

#[test]
fn a_coding_made_in_the_window_shows_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let p = paragraphs(&harness);
    let (from, to) = (p[1].start, p[1].start + 12);
    let (a, b) = (point_at(&harness, from), point_at(&harness, to));
    drag(&mut harness, a, b);
    code_selection_with(&mut harness, from + 3, "Ruptures/Withdrawal");
    menu(&mut harness, "Project", "History…");
    harness.run();
    let coder = harness.state().coder().to_string();
    // Newest first: the coding, by the window's coder.
    let rows = harness.query_all_by_label_contains("Apply code").count();
    assert!(rows >= 1, "the coding is listed");
    harness.get_by_label_contains(&format!("{coder}  ·  Apply code"));
    harness.get_by_label_contains("changes, newest first");
}

#[test]
fn the_restore_dialog_lists_a_snapshot_with_its_counts_and_restores_into_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let p = thicket_core::sample::write_sample(&path).unwrap();
    let info = p.make_backup(None, 10).unwrap();
    p.close().unwrap();
    let mut harness = common::gui::harness_on(&path, egui::vec2(1400.0, 1000.0));
    menu(&mut harness, "File", "Restore from a backup…");
    harness.run();
    let counts = format!("{} sources, {} codes, {} codings, {} memos", info.sources, info.codes, info.codings, info.memos);
    harness.get_by_label_contains(&counts).click();
    harness.run();
    harness.get_by_label("Restore into the new file").click();
    harness.run();
    let restored = dir.path().join("sample (restored).thicket");
    assert!(restored.exists(), "the new file is written");
    let copy = thicket_core::project::Project::open_for_reading(&restored).unwrap();
    assert_eq!(copy.sources().unwrap().len(), info.sources);
    drop(copy);
    harness.get_by_label("Open it");
}
