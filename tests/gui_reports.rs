//! File → Export → "Codebook…" and "Case report…" in the real window at 1024 × 700: the dialog's
//! choices, Thicket's own file browser, and the file read back (the same content the command line
//! writes for the same choices).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use serde_json::Value;
use thicket_core::export::report::ReportFormat;
use thicket_core::project::SegmentFilter;
use thicket_gui::{Startup, ThicketApp};

use common::gui::{sample_harness_sized, step_until, zoomed_harness};

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1024.0, 700.0))
}

/// File → Export → `item`.
fn export_menu(harness: &mut Harness<'static, ThicketApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// In Thicket's own browser: go to `dir`, name the file `name`, and save.
fn save_as(harness: &mut Harness<'static, ThicketApp>, dir: &Path, name: &str) {
    assert!(harness.state().file_browser().is_some(), "the file browser is open");
    for (label, text) in [("Location", dir.display().to_string()), ("File name", name.to_string())] {
        harness.get_by_role_and_label(Role::TextInput, label).focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_role_and_label(Role::TextInput, label).type_text(&text);
        harness.run();
        if label == "Location" {
            harness.key_press(Key::Enter);
            harness.run();
        }
    }
    harness.get_by_label("Save").click();
    harness.run();
    step_until(harness, |app| app.writing().is_none());
}

/// Coding id → its exact text, from the open project.
fn coded_texts(harness: &Harness<'static, ThicketApp>) -> std::collections::HashMap<i64, String> {
    let segments = harness.state().project().unwrap().segments(&SegmentFilter::default()).unwrap();
    segments.into_iter().map(|s| (s.coding_id.0, s.text)).collect()
}

#[test]
fn the_codebook_is_exported_from_the_file_menu_with_anchor_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "Codebook…");
    let choices = harness.state().reports().dialog().cloned().expect("the dialog is open");
    assert!(choices.anchors, "anchors are on by default");
    harness.get_by_label("Markdown").click();
    harness.run();
    assert_eq!(harness.state().reports().dialog().unwrap().format, ReportFormat::Markdown);
    harness.get_by_label("Choose file…").click();
    harness.run();
    assert!(harness.state().reports().dialog().is_none(), "the dialog gives way to the file browser");
    // The proposed name is the report's, with the format's extension.
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("codebook.md"));
    save_as(&mut harness, dir.path(), "codebook.md");

    let path = dir.path().join("codebook.md");
    let md = std::fs::read_to_string(&path).expect("the codebook was written");
    harness.get_by_label(&format!("Wrote {}", path.display()));
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    // Every code has its heading, in the codebook's order, and an anchor quote that is a coding's text.
    let book = harness.state().project().unwrap().codebook().unwrap();
    let names: Vec<String> = book.walk().iter().map(|(_, c)| c.name.clone()).collect();
    let headings: Vec<String> = md
        .lines()
        .filter(|l| l.starts_with("## ") || l.starts_with("### "))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|h| h != "Overview" && h != "Codes by case")
        .collect();
    assert_eq!(headings, names);
    let texts = coded_texts(&harness);
    // Block quotes: runs of `>` lines (a quote across paragraphs has a bare `>` between them).
    let mut quotes: Vec<String> = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in md.lines().chain([""]) {
        match line.strip_prefix('>') {
            Some(rest) => current.get_or_insert_with(Vec::new).push(rest.strip_prefix(' ').unwrap_or(rest)),
            None => quotes.extend(current.take().map(|q| q.join("\n"))),
        }
    }
    assert_eq!(quotes.len(), 16, "one anchor per code with codings of its own");
    assert!(quotes.iter().all(|q| texts.values().any(|t| t == q)), "{quotes:?}");
}

#[test]
fn a_case_report_of_one_chosen_case_is_exported_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "Case report…");
    // Choose one case instead of all of them, and JSON.
    assert!(harness.state().reports().dialog().unwrap().all_cases, "all cases by default");
    harness.get_by_label("All cases").click();
    harness.run();
    harness.get_by_label("Kowalski family").click();
    harness.run();
    harness.get_by_label("JSON").click();
    harness.run();
    let choices = harness.state().reports().dialog().cloned().unwrap();
    assert_eq!((choices.all_cases, choices.cases.clone(), choices.format), (false, vec!["Kowalski family".to_string()], ReportFormat::Json));
    harness.get_by_label("Choose file…").click();
    harness.run();
    save_as(&mut harness, dir.path(), "kowalski");

    // The extension was added; the file holds the one case, its sources, and exact quotes.
    let path = dir.path().join("kowalski.json");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("the report was written")).unwrap();
    harness.get_by_label(&format!("Wrote {}", path.display()));
    let cases = report["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["name"], "Kowalski family");
    let project = harness.state().project().unwrap();
    let by_source = project.cases_by_source().unwrap();
    let mut expected: Vec<String> =
        project.sources().unwrap().into_iter().filter(|s| by_source.get(&s.id).is_some_and(|c| c.contains(&"Kowalski family".to_string()))).map(|s| s.name).collect();
    let mut listed: Vec<String> = cases[0]["sources"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect();
    expected.sort();
    listed.sort();
    assert_eq!(listed, expected);
    let texts = coded_texts(&harness);
    let mut quoted = 0;
    for group in cases[0]["excerpts"].as_array().unwrap() {
        let excerpts = group["excerpts"].as_array().unwrap();
        assert!((1..=3).contains(&excerpts.len()));
        for e in excerpts {
            assert_eq!(e["text"].as_str().unwrap(), texts[&e["coding_id"].as_i64().unwrap()]);
            quoted += 1;
        }
    }
    assert!(quoted > 16, "{quoted} excerpts");

    // The dialog offers the same choices again.
    export_menu(&mut harness, "Case report…");
    assert_eq!(harness.state().reports().dialog(), Some(&choices));
}

#[test]
fn cancelling_the_dialog_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    export_menu(&mut harness, "Case report…");
    harness.get_by_label("All cases").click();
    harness.run();
    // No case chosen: nothing to write yet.
    assert!(harness.get_by_label("Choose file…").accesskit_node().is_disabled());
    harness.get_by_label("Harlow family").click();
    harness.run();
    assert!(!harness.get_by_label("Choose file…").accesskit_node().is_disabled());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().reports().dialog().is_none());
    assert!(harness.state().file_browser().is_none());
}

#[test]
fn at_200_percent_zoom_the_case_report_dialog_fits_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    // A 1280 × 800 screen at 200%: 640 × 400 points.
    let mut harness = zoomed_harness(Startup::Open(path), egui::vec2(640.0, 400.0), 2.0, None);
    export_menu(&mut harness, "Case report…");
    harness.get_by_label("All cases").click();
    harness.run();
    harness.get_by_label("Mensah family").click();
    harness.run();
    let screen = harness.ctx.content_rect().expand(0.5);
    let dialog = harness.get_by_label("Export case report").rect();
    assert!(screen.contains_rect(dialog), "the title at {dialog:?} is inside {screen:?}");
    for button in ["Choose file…", "Cancel"] {
        let rect = harness.get_by_label(button).rect();
        assert!(screen.contains_rect(rect), "{button} at {rect:?} is inside {screen:?}");
    }
}

#[test]
fn a_pseudonymised_case_report_names_no_one_and_is_logged_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let mut project = thicket_core::sample::write_sample(&path).unwrap();
    project.apply(thicket_core::Action::AddPseudonyms(vec![thicket_core::model::NewPseudonym::added("Kowalski", "Family B")])).unwrap();
    project.close().unwrap();
    let mut harness = common::gui::harness_on(&path, egui::vec2(1280.0, 800.0));
    export_menu(&mut harness, "Case report…");
    harness.get_by_label("All cases").click();
    harness.run();
    harness.get_by_label("Kowalski family").click();
    harness.run();
    harness.get_by_label("Markdown").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Pseudonymise").click();
    harness.run();
    harness.get_by_label("Choose file…").click();
    harness.run();
    save_as(&mut harness, dir.path(), "family");
    let written = std::fs::read_to_string(dir.path().join("family.md")).expect("the report was written");
    assert!(!written.contains("Kowalski") && written.contains("Family B family"), "{written}");
    let log = harness.state().project().unwrap().export_log().unwrap();
    let last = log.last().unwrap();
    assert_eq!((last.fields.kind.as_str(), last.fields.pseudonymised), ("case-report", true));
}
