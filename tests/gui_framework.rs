//! The Framework tab in the real window, driven through egui_kittest on the sample study: make a
//! matrix, click a cell, read its segments beside it, write a summary, leave the editor (saved as
//! one action), undo and redo it with the keyboard, find it again after reopening the project; and
//! the open cell fits a 1024×700 window and a 200% zoom.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::Project;
use thicket_core::analysis::{AnalysisLoad, framework_grid, framework_segments};
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{Startup, ThicketApp, UiCommand};

use common::gui::{harness_on, zoomed_harness};

const SUMMARY: &str = "Dana withdraws after the second visit; the plan is rewritten together.";

/// The sample study at `dir/sample.thicket`.
fn sample(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

/// The segments the Harlow family's Ruptures cell should list, by the library, and their count.
fn harlow_ruptures(project: &Project) -> (usize, String) {
    let data = project.analysis_data_with(AnalysisLoad { speakers: true, texts: true }).unwrap();
    let case = project.case_named("Harlow family").unwrap().id;
    let code = project.code_at("Ruptures").unwrap();
    let grid = framework_grid(&data, &[case], &[code]);
    let segments = framework_segments(&data, grid.codings(case, code));
    (segments.len(), segments[0].text.trim().to_string())
}

/// The Framework tab with a new matrix made through its form (the defaults: top-level codes ×
/// every case).
fn open_with_new_matrix(harness: &mut Harness<'static, ThicketApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Framework));
    harness.get_by_label_contains("No framework matrix yet");
    harness.get_by_label("New matrix…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Create").click();
    harness.run();
}

/// The summary editor.
fn editor<'a>(harness: &'a Harness<'static, ThicketApp>) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::MultilineTextInput, "Summary")
}

/// The stored summary of the Harlow family under Ruptures in the window's project.
fn stored(harness: &Harness<'static, ThicketApp>) -> String {
    let p = harness.state().project().unwrap();
    let m = p.framework_named("Framework").unwrap();
    m.summary(p.case_named("Harlow family").unwrap().id, p.code_at("Ruptures").unwrap()).to_string()
}

#[test]
fn a_summary_written_beside_its_segments_is_saved_on_leaving_the_editor_undone_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let (n, first_text) = {
        let p = Project::open(&path).unwrap();
        harlow_ruptures(&p)
    };
    {
        let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
        open_with_new_matrix(&mut harness);
        harness.get_by_label_contains("3 cases × 6 codes · 0 of 18 summaries written");
        harness.get_by_label(&format!("Harlow family · Ruptures: {n} segments")).click();
        harness.run();
        // Beside the grid: the cell's segments, with their text.
        harness.get_by_label(&format!("{n} segments · a column counts its sub-codes"));
        harness.get_by_label(&first_text);
        harness.get_by_label("No summary yet");

        editor(&harness).focus();
        editor(&harness).type_text(SUMMARY);
        harness.run();
        assert_eq!(stored(&harness), "", "nothing is saved while typing");
        harness.get_by_label("Unsaved: saved when you leave the editor");
        harness.key_press(Key::Escape);
        harness.run();
        assert_eq!(stored(&harness), SUMMARY, "saved when the editor lost focus");
        assert_eq!(harness.state().project().unwrap().undo_label(), Some("Edit framework summary"));
        harness.get_by_label(&format!("Harlow family · Ruptures: {n} segments · {SUMMARY}"));
        harness.get_by_label_contains("1 of 18 summaries written");

        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(stored(&harness), "");
        harness.get_by_label(&format!("Harlow family · Ruptures: {n} segments"));
        assert_eq!(editor(&harness).accesskit_node().value().unwrap_or_default(), "", "the editor follows the undo");
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
        assert_eq!(stored(&harness), SUMMARY);
        assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    }
    // Reopened: the summary is in the file, and the window shows it in its cell.
    let p = Project::open(&path).unwrap();
    let m = p.framework_named("Framework").unwrap();
    assert_eq!(m.summary(p.case_named("Harlow family").unwrap().id, p.code_at("Ruptures").unwrap()), SUMMARY);
    let coder = m.cells[0].coder;
    assert_eq!(p.coders().unwrap().into_iter().find(|c| c.id == coder).unwrap().name, thicket_core::project::default_coder());
    p.close().unwrap();
    let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Framework));
    harness.run();
    harness.get_by_label(&format!("Harlow family · Ruptures: {n} segments · {SUMMARY}"));
}

#[test]
fn text_left_in_the_editor_is_saved_before_an_undo_and_the_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
    open_with_new_matrix(&mut harness);
    harness.get_by_label_contains("Harlow family · Ruptures:").click();
    harness.run();
    editor(&harness).focus();
    editor(&harness).type_text(SUMMARY);
    harness.run();
    // Undo from the menu while the text is still in the editor: it is saved, then undone.
    harness.state_mut().push_command(UiCommand::Undo);
    harness.run();
    assert_eq!(stored(&harness), "");
    assert_eq!(harness.state().project().unwrap().redo_label(), Some("Edit framework summary"));
    // The next undo takes away the matrix itself.
    harness.state_mut().push_command(UiCommand::Undo);
    harness.run();
    assert!(harness.state().project().unwrap().frameworks().unwrap().is_empty());
    harness.get_by_label_contains("No framework matrix yet");
}

/// Every button and picker in sight lies inside the window (the grid's cells aside: they scroll,
/// and one half scrolled out is normal), and so do the editor, Save and Close cell.
fn assert_cell_fits(harness: &Harness<'static, ThicketApp>, what: &str) {
    let screen = harness.ctx.content_rect().expand(0.5);
    for node in harness.query_all_by_role(Role::Button).chain(harness.query_all_by_role(Role::ComboBox)) {
        let rect = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        if rect.center().y < screen.bottom() && rect.center().y > screen.top() && !label.contains(" segments") {
            assert!(rect.left() >= screen.left() && rect.right() <= screen.right(), "{what}: {label:?} at {rect:?} runs past the window ({screen:?})");
        }
    }
    for rect in [editor(harness).rect(), harness.get_by_role_and_label(Role::Button, "Save").rect(), harness.get_by_label("Close cell").rect()] {
        assert!(screen.contains_rect(rect), "{what}: {rect:?} is outside the window {screen:?}");
    }
    // Nothing of the tab runs under the codebook beside it.
    let codebook = harness.get_by_label("New code…").rect().left();
    for name in ["Export", "Delete matrix", "Close cell", "Save"] {
        let rect = harness.get_by_role_and_label(Role::Button, name).rect();
        assert!(rect.right() <= codebook, "{what}: {name} at {rect:?} runs under the codebook (from x = {codebook})");
    }
    assert!(editor(harness).rect().width() >= 200.0, "{what}: the editor is {:?} wide", editor(harness).rect().width());
}

#[test]
fn the_open_cell_fits_1024_by_700_and_200_percent_zoom() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    for (size, zoom) in [(egui::vec2(1024.0, 700.0), 1.0), (egui::vec2(640.0, 400.0), 2.0)] {
        let mut harness = zoomed_harness(Startup::Open(path.clone()), size, zoom, None);
        open_with_new_matrix(&mut harness);
        // In a small window the grid scrolls to the cell first.
        harness.get_by_label_contains("Harlow family · Ruptures:").scroll_to_me();
        harness.run();
        harness.get_by_label_contains("Harlow family · Ruptures:").click();
        harness.run();
        assert_cell_fits(&harness, &format!("{size:?} at {zoom}"));
        // Drop the matrix again so the next window makes it anew.
        harness.state_mut().push_command(UiCommand::Undo);
        harness.run();
    }
}



#[test]
fn while_the_data_is_read_again_after_a_save_the_grid_and_the_editor_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
    open_with_new_matrix(&mut harness);
    harness.get_by_label_contains("Harlow family · Ruptures:").click();
    harness.run();
    // From here the project's rows are read one piece per frame and workers are held.
    harness.state().jobs().run_inline(false);
    harness.state().jobs().hold(true);
    editor(&harness).focus();
    editor(&harness).type_text(SUMMARY);
    harness.key_press(Key::Escape);
    for _ in 0..4 {
        harness.step();
    }
    assert_eq!(stored(&harness), SUMMARY);
    harness.get_by_label_contains("Updating the segment counts…");
    harness.get_by_label_contains(&format!("Harlow family · Ruptures: 34 segments · {SUMMARY}"));
    assert_eq!(editor(&harness).accesskit_node().value().unwrap_or_default(), SUMMARY);
    harness.state().jobs().hold(false);
    for _ in 0..500 {
        harness.step();
        if harness.query_by_label_contains("Updating the segment counts…").is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(harness.query_by_label_contains("Updating the segment counts…").is_none(), "the counts were read again");
    harness.get_by_label_contains("1 of 18 summaries written");
}

#[test]
fn editing_a_matrix_renames_it_and_changes_its_cases_in_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
    open_with_new_matrix(&mut harness);
    harness.get_by_label("Edit…").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Two families");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Cases").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Kowalski family").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run();
    let cases = |harness: &Harness<'static, ThicketApp>| {
        let p = harness.state().project().unwrap();
        let m = p.framework(p.frameworks().unwrap()[0].id).unwrap();
        let names: Vec<String> = m.cases.iter().map(|id| p.cases().unwrap().into_iter().find(|c| c.id == *id).unwrap().name).collect();
        (m.framework.name, names, m.codes.len())
    };
    assert_eq!(cases(&harness), ("Two families".to_string(), vec!["Harlow family".to_string(), "Mensah family".to_string()], 6));
    harness.get_by_label_contains("2 cases × 6 codes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(cases(&harness), ("Framework".to_string(), vec!["Harlow family".to_string(), "Kowalski family".to_string(), "Mensah family".to_string()], 6));
}

#[test]
fn the_tab_exports_the_same_files_as_the_command_line() {
    use thicket_gui::analysis::ExportFormat;
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut harness = harness_on(&path, egui::vec2(1600.0, 1000.0));
    open_with_new_matrix(&mut harness);
    let (framework, case, code) = {
        let p = harness.state().project().unwrap();
        (p.framework_named("Framework").unwrap().framework.id, p.case_named("Mensah family").unwrap().id, p.code_at("Repair").unwrap())
    };
    harness.state_mut().push_command(UiCommand::SetFrameworkSummary { framework, case, code, summary: "Kofi & Abena: \"the plan is ours\".".into() });
    harness.run();
    harness.get_by_label_contains("1 of 18 summaries written");
    let formats = [(ExportFormat::Markdown, "md"), (ExportFormat::Html, "html"), (ExportFormat::Xlsx, "xlsx"), (ExportFormat::Csv, "csv")];
    for (format, ext) in formats {
        harness.state().analysis().export_active(format, &dir.path().join(format!("window.{ext}"))).unwrap();
    }
    assert!(harness.state().analysis().export_active(ExportFormat::Svg, &dir.path().join("x.svg")).is_err(), "no chart");
    drop(harness);
    for (_, ext) in formats {
        let cli = dir.path().join(format!("cli.{ext}"));
        common::ok(["framework", path.to_str().unwrap(), "export", "Framework", "--format", ext, "--out", cli.to_str().unwrap()]);
        assert_eq!(std::fs::read(dir.path().join(format!("window.{ext}"))).unwrap(), std::fs::read(&cli).unwrap(), "{ext}");
    }
    let md = std::fs::read_to_string(dir.path().join("window.md")).unwrap();
    let row = md.lines().find(|l| l.starts_with("| Mensah family |")).unwrap();
    assert_eq!(row.split(" | ").nth(4), Some("Kofi & Abena: \"the plan is ours\"."));
}
