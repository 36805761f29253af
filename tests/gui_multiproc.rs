//! The window beside other processes (issue 15 §2): a change made from outside shows after the
//! window's next look, and the soundness check runs in the background while the window reads.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use egui_kittest::kittest::Queryable;
use thicket_core::action::Action;
use thicket_core::project::Project;
use thicket_gui::{Startup, UiCommand};

use common::gui::{harness_with, sample_harness};

fn counts(harness: &egui_kittest::Harness<'static, thicket_gui::ThicketApp>) -> String {
    let p = harness.state().project().unwrap();
    format!("{} codes", p.codebook().unwrap().len())
}

#[test]
fn a_change_from_another_process_shows_in_the_window_after_its_next_look() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let path = dir.path().join("sample.thicket");
    assert!(harness.query_by_label_contains("Written elsewhere").is_none());
    let before = counts(&harness);
    assert!(harness.query_all_by_label_contains(&before).next().is_some());

    // Another process (a second connection to the same file) adds a code while the window is open.
    let mut other = Project::open(&path).unwrap();
    other.perform(Action::CreateCode { parent: None, name: "Written elsewhere".into(), color: "#2E7D32".into(), description: Default::default() }).unwrap();
    drop(other);

    std::thread::sleep(thicket_gui::OUTSIDE_POLL + std::time::Duration::from_millis(50));
    harness.run();
    harness.run();
    harness.get_by_label_contains("Written elsewhere");
    let after = counts(&harness);
    assert_ne!(before, after);
    assert!(harness.query_all_by_label_contains(&after).next().is_some(), "the status bar counts {after}");
    harness.get_by_label_contains("Another Thicket process changed this project");
}

#[test]
fn undo_in_the_window_after_an_outside_change_is_refused_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let path = dir.path().join("sample.thicket");
    harness.state_mut().push_command(UiCommand::Perform(Action::CreateCode {
        parent: None,
        name: "Made in the window".into(),
        color: "#1565C0".into(),
        description: Default::default(),
    }));
    harness.run();
    assert!(harness.state().project().unwrap().undo_label().is_some());

    let mut other = Project::open(&path).unwrap();
    other.perform(Action::CreateCode { parent: None, name: "Made outside".into(), color: "#2E7D32".into(), description: Default::default() }).unwrap();
    drop(other);
    // Undo: refused inside its own transaction, or (when the window looked first) nothing left
    // to undo, and the status bar says why. Either way their code stays.
    harness.state_mut().push_command(UiCommand::Undo);
    harness.run();
    let refused = harness.state().errors().iter().any(|e| e.contains("was not undone") && e.contains("changed by another Thicket process"));
    let cleared = harness.state().notice().is_some_and(|n| n.contains("Undo history was cleared"));
    assert!(refused || cleared, "{:?} {:?}", harness.state().errors(), harness.state().notice());
    let p = harness.state().project().unwrap();
    let book = p.codebook().unwrap();
    assert!(book.by_path("Made in the window").is_some() && book.by_path("Made outside").is_some());
    assert_eq!(p.undo_label(), None);
}

#[test]
fn the_status_bar_says_checking_while_the_check_runs_and_a_write_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.thicket");
    // A new project has never been fully checked: the window checks it in the background.
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = harness_with(Startup::Welcome, egui::vec2(1400.0, 1000.0), None);
    harness.state().jobs().run_inline(false);
    // The check's worker waits until the test lets it go.
    harness.state().jobs().hold(true);
    harness.state_mut().push_command(UiCommand::OpenProject(path.clone()));
    // Held, sliced reads take one piece a frame: step until the status bar is up.
    for _ in 0..300 {
        harness.step();
        if harness.query_by_label("Checking the project…").is_some() {
            break;
        }
    }
    assert!(harness.state().checking());
    harness.get_by_label("Checking the project…");
    // The window reads meanwhile: the status bar counts the codes.
    assert!(harness.query_all_by_label_contains(" codes · ").next().is_some());
    harness.state().jobs().hold(false);
    harness.state().jobs().run_inline(true);
    common::gui::step_until(&mut harness, |app| !app.checking());
    assert!(harness.query_by_label("Checking the project…").is_none());
    harness.state_mut().push_command(UiCommand::Perform(Action::CreateCode {
        parent: None,
        name: "After the check".into(),
        color: "#1565C0".into(),
        description: Default::default(),
    }));
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    assert!(harness.state().project().unwrap().codebook().unwrap().by_path("After the check").is_some());
}
