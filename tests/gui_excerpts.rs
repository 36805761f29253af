//! File → Export → Coded excerpts… driven through the window: choosing codes, the preview and its
//! count, the format, Thicket's own file browser, the written file read back and compared with the
//! codings' text, Cancel during an export, the query and template fields checked as typed, and
//! "Open folder" when the desktop's opener fails.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::HashMap;
use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::export::excerpts::{self, CodeChoice, ExcerptOptions, Selection};
use thicket_core::model::CodingId;
use thicket_gui::ThicketApp;
use thicket_gui::excerpt_dialog::ExportOutcome;

use common::gui::{sample_harness_sized, step_until};

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1024.0, 700.0))
}

/// File → Export → Coded excerpts….
fn open_dialog(harness: &mut Harness<'static, ThicketApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Coded excerpts…").click();
    harness.run();
    assert!(harness.state().excerpt_dialog().is_open());
}

/// Ticks the code named `name` in the dialog's code tree and waits for the preview.
fn tick(harness: &mut Harness<'static, ThicketApp>, name: &str) {
    harness.get_by_role_and_label(Role::CheckBox, name).click();
    harness.run();
    until_previewed(harness);
}

fn until_previewed(harness: &mut Harness<'static, ThicketApp>) {
    step_until(harness, |app| !app.excerpt_dialog().is_previewing());
}

/// Replaces the text of the field labelled `label` with `text`.
fn type_into(harness: &mut Harness<'static, ThicketApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    // The preview may be reading (a spinner), or an export held: frames, not until the window is idle.
    harness.run_ok();
}

/// Export… and, in Thicket's own browser, the folder `dir` and Save.
fn export_to(harness: &mut Harness<'static, ThicketApp>, dir: &Path) {
    harness.get_by_label("Export…").click();
    harness.run_ok();
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open; errors: {:?}", harness.state().errors());
    type_into(harness, "Location", &dir.display().to_string());
    harness.key_press(Key::Enter);
    harness.run_ok();
    harness.get_by_label("Save").click();
    // Two frames: the answer starts the export, which reads its first piece.
    harness.run_steps(2);
}

/// The sample's codings of `code` and its sub-codes, the number of excerpts (a passage coded
/// alike by two coders is one) and the export's first excerpt, by the library.
fn expected(harness: &Harness<'static, ThicketApp>, code: &str) -> (HashMap<CodingId, String>, usize, String) {
    let project = harness.state().project().unwrap();
    let selection = Selection::of(CodeChoice::Codes { paths: vec![code.into()], subcodes: true });
    let segments = excerpts::select(project, &selection).unwrap();
    let texts = segments.iter().map(|s| (s.coding_id, s.text.clone())).collect();
    let built = excerpts::build(project, segments, &ExcerptOptions::new("t").unwrap()).unwrap();
    (texts, built.total, built.groups[0].sections[0].excerpts[0].text.clone())
}

#[test]
fn a_ticked_code_is_previewed_counted_and_exported_through_the_browser_with_its_codings_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("paper");
    std::fs::create_dir(&out).unwrap();
    let mut harness = window(dir.path());
    open_dialog(&mut harness);
    harness.get_by_label("No preview: Tick at least one code, or select with a query.");
    assert!(harness.get_by_label("Export…").accesskit_node().is_disabled(), "nothing to export yet");

    tick(&mut harness, "Tensions");
    let (codings, total, first) = expected(&harness, "Tensions");
    assert!(codings.len() > 20, "the sample codes tensions often: {}", codings.len());
    assert!(total < codings.len(), "the sample double-codes some tensions");
    harness.get_by_label(&format!("{total} excerpts"));
    assert_eq!(harness.state().excerpt_dialog().count(), Some(total));
    harness.get_by_label("The first 5 as they will appear:");
    harness.get_by_label(&first);

    harness.get_by_role_and_label(Role::ComboBox, "Format").click();
    harness.run();
    harness.get_by_label("CSV table").click();
    harness.run();
    export_to(&mut harness, &out);
    step_until(&mut harness, |app| app.excerpt_dialog().outcome().is_some());
    let path = out.join("excerpts.csv");
    assert_eq!(harness.state().excerpt_dialog().outcome(), Some(&ExportOutcome::Written { path: path.clone(), count: total }));
    harness.get_by_label(&format!("Exported {total} excerpts to {}", path.display()));

    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (text, id) = (column("text"), column("coding_id"));
    let mut seen = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let coding = CodingId(row[id].parse().unwrap());
        // The CSV writer guards cells a spreadsheet would read as a formula with a leading '.
        let quote = row[text].strip_prefix('\'').filter(|q| q.starts_with(['=', '+', '-', '@'])).unwrap_or(&row[text]);
        assert_eq!(quote, codings[&coding], "coding {coding:?}");
        seen += 1;
    }
    assert_eq!(seen, total);
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["excerpts.csv"], "no partial file is left beside it");
}

#[test]
fn cancel_while_reading_or_writing_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("paper");
    std::fs::create_dir(&out).unwrap();
    let mut harness = window(dir.path());
    open_dialog(&mut harness);
    tick(&mut harness, "Alliance");
    // Held, the export reads one piece of sources per frame and its worker waits: a long export.
    harness.state().jobs().hold(true);
    export_to(&mut harness, &out);
    harness.get_by_label("Exporting…");
    let early = harness.state().excerpt_dialog().export_progress().unwrap();
    assert!(early < 0.9, "still reading: {early}");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.state().jobs().hold(false);
    harness.run();
    harness.get_by_label("Export cancelled; no file was written.");
    assert!(std::fs::read_dir(&out).unwrap().next().is_none(), "no file");

    // Again, cancelled once every source is read and the worker is about to write.
    harness.state().jobs().hold(true);
    export_to(&mut harness, &out);
    // Held, the window repaints while it waits: step, never run until idle.
    for _ in 0..100 {
        if harness.state().excerpt_dialog().export_progress().is_some_and(|p| p >= 0.9) {
            break;
        }
        harness.step();
    }
    assert!(harness.state().excerpt_dialog().export_progress().unwrap() >= 0.9, "every source read, the worker held");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.state().jobs().hold(false);
    std::thread::sleep(std::time::Duration::from_millis(200));
    harness.run();
    assert_eq!(harness.state().excerpt_dialog().outcome(), Some(&ExportOutcome::Cancelled));
    assert!(std::fs::read_dir(&out).unwrap().next().is_none(), "no file, and no partial file");
}

#[test]
fn a_query_and_a_citation_template_are_checked_as_they_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    open_dialog(&mut harness);
    harness.get_by_label("Query").click();
    harness.run();
    type_into(&mut harness, "Query", "Tensions AND");
    assert!(harness.query_all_by_label_contains("expected").next().is_some(), "the parser's error is shown");
    type_into(&mut harness, "Query", "Tensions AND Repair");
    harness.get_by_label("The query reads well.");
    until_previewed(&mut harness);
    let project = harness.state().project().unwrap();
    let selection = Selection::of(CodeChoice::Query("Tensions AND Repair".into()));
    let n = excerpts::select(project, &selection).unwrap().len();
    assert!(n > 0);
    harness.get_by_label(&format!("{n} excerpts"));

    type_into(&mut harness, "Template", "({speeker})");
    let error = thicket_core::export::excerpts::CitationTemplate::parse("({speeker})").unwrap_err().to_string();
    assert!(error.contains("unknown field {speeker}"));
    // Under the field, and as the reason there is no preview.
    harness.get_by_label(&error);
    until_previewed(&mut harness);
    harness.get_by_label(&format!("No preview: {error}"));
    assert!(harness.get_by_label("Export…").accesskit_node().is_disabled(), "a broken template cannot be exported");
    // A chip inserts its field where the cursor is: here at the end.
    type_into(&mut harness, "Template", "(");
    harness.get_by_label("{date}").click();
    harness.run_ok();
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Template").value().as_deref(), Some("({date}"));
    type_into(&mut harness, "Template", "({date})");
    until_previewed(&mut harness);
    assert!(!harness.get_by_label("Export…").accesskit_node().is_disabled());
}

#[test]
fn open_folder_says_so_when_the_desktop_cannot_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    open_dialog(&mut harness);
    tick(&mut harness, "Bond");
    export_to(&mut harness, dir.path());
    step_until(&mut harness, |app| app.excerpt_dialog().outcome().is_some());
    harness.state_mut().excerpt_dialog_mut().set_opener("false");
    harness.get_by_label("Open folder").click();
    step_until(&mut harness, |app| !app.is_busy());
    harness.run();
    harness.get_by_label_contains("Could not open");
    harness.state_mut().excerpt_dialog_mut().set_opener("true");
    harness.get_by_label("Open folder").click();
    harness.run();
    assert!(harness.query_by_label_contains("Could not open").is_none());
}

#[test]
fn a_pseudonymised_export_replaces_names_in_the_preview_and_the_file_and_is_logged_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let mut project = thicket_core::sample::write_sample(&path).unwrap();
    project.apply(thicket_core::Action::AddPseudonyms(vec![thicket_core::model::NewPseudonym::added("Dana", "Alex")])).unwrap();
    // The sample quotes Dana (as speaker and in her own words) among its tensions.
    let selection = Selection::of(CodeChoice::Codes { paths: vec!["Tensions".into()], subcodes: true });
    let plain = excerpts::to_csv(&excerpts::build(&project, excerpts::select(&project, &selection).unwrap(), &ExcerptOptions::new("t").unwrap()).unwrap());
    assert!(plain.contains("Dana"));
    project.close().unwrap();
    let out = dir.path().join("paper");
    std::fs::create_dir(&out).unwrap();
    let mut harness = common::gui::harness_on(&path, egui::vec2(1024.0, 700.0));
    open_dialog(&mut harness);
    tick(&mut harness, "Tensions");
    harness.get_by_role_and_label(Role::CheckBox, "Pseudonymise").click();
    harness.run();
    until_previewed(&mut harness);
    let shown = serde_json::to_string(harness.state().excerpt_dialog().preview().unwrap()).unwrap();
    assert!(!shown.contains("Dana") && shown.contains("Alex"), "the preview shows what leaves the project: {shown}");
    harness.get_by_role_and_label(Role::ComboBox, "Format").click();
    harness.run();
    harness.get_by_label("CSV table").click();
    harness.run();
    export_to(&mut harness, &out);
    step_until(&mut harness, |app| app.excerpt_dialog().outcome().is_some());
    let written = std::fs::read_to_string(out.join("excerpts.csv")).unwrap();
    assert!(!written.contains("Dana") && written.contains("Alex"), "the file is pseudonymised");
    let log = harness.state().project().unwrap().export_log().unwrap();
    let last = log.last().unwrap();
    assert_eq!((last.fields.kind.as_str(), last.fields.pseudonymised, last.fields.map_entries), ("excerpts", true, Some(1)));
    assert!(last.fields.file.ends_with("excerpts.csv"));
    // The project's own text is unchanged.
    assert!(harness.state().project().unwrap().segments(&Default::default()).unwrap().iter().any(|s| s.text.contains("Dana")));
}
