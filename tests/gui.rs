//! The real window, driven headlessly through egui_kittest: what a researcher sees on opening
//! the sample study, and what a click on a source shows.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket::ui::{Startup, ThicketApp};

fn sample_harness(dir: &std::path::Path) -> Harness<'static, ThicketApp> {
    let path = dir.join("sample.thicket");
    thicket::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(move |cc| ThicketApp::new(cc, Startup::Open(path.clone()), None));
    harness.run();
    harness
}

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
    harness.get_by_label_contains("Case file · 2025-01-20 · 1321 words");
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
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_eframe(|cc| ThicketApp::new(cc, Startup::Welcome, None));
    harness.run();
    harness.get_by_label("Explore the sample study");
    harness.get_by_label("Open project…");
    assert!(harness.state().project().is_none());
}
