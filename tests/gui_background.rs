//! The window never waits for long work (issue #11, part 5), driven headlessly through
//! egui_kittest: analyses show how far they are and then their result; a result computed for
//! an older project is never shown; Cancel stops a project search and an autocode preview; the
//! data windows draw from listings read once per change, not from the project on every frame.
//!
//! These tests check behaviour, never time: the workers are held (`Jobs::hold`) so that the
//! running state can be seen, and let go to see the result. Speed is `thicket bench`'s job.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::Action;
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{ThicketApp, UiCommand};

mod common;
use common::gui::sample_harness_sized;

fn sample_harness(dir: &std::path::Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1700.0, 1000.0))
}

/// Work on worker threads, held until `let_go`.
fn hold(harness: &Harness<'static, ThicketApp>) {
    harness.state().jobs().run_inline(false);
    harness.state().jobs().hold(true);
}

/// Lets the workers go and steps the window until nothing is under way.
fn let_go(harness: &mut Harness<'static, ThicketApp>) {
    harness.state().jobs().hold(false);
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_busy() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the window stayed busy");
}

#[test]
fn an_analysis_tab_says_it_is_working_with_a_cancel_button_then_shows_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    hold(&harness);
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    assert!(harness.state().is_busy());
    harness.get_by_label_contains("Preparing the data…");
    harness.get_by_label("Cancel");
    assert!(harness.query_by_label_contains("click a number for its segments").is_none(), "no result yet");

    let_go(&mut harness);
    harness.get_by_label_contains("click a number for its segments");
    assert!(harness.query_by_label("Cancel").is_none());
}

#[test]
fn a_result_computed_for_an_older_project_is_dropped_for_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    hold(&harness);
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.run();
    assert!(harness.state().is_busy(), "the matrix waits for the held worker");

    // The project changes while that computation waits: a new case with a source.
    let source = harness.state().project().unwrap().sources().unwrap()[0].id;
    harness.state_mut().push_command(UiCommand::Perform(Action::CreateCase { name: "Zed family".into(), description: String::new(), sources: vec![source] }));
    harness.run();
    assert!(harness.state().is_busy());

    // The first result shown is the new project's: the old computation's never reaches the tab.
    harness.state().jobs().hold(false);
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_busy());
    harness.get_by_label_contains("click a number for its segments");
    assert!(harness.query_by_label("Zed family").is_some(), "the matrix counts the case added while it computed");
}

#[test]
fn cancel_stops_an_analysis_and_the_tab_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    hold(&harness);
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Cooccurrence));
    harness.run();
    harness.get_by_label("Cancel").click();
    // The click lands while the worker is still held.
    harness.step();
    let_go(&mut harness);
    harness.get_by_label_contains("Cancelled.");
    assert!(harness.query_by_label_contains("diagonal").is_none(), "no heat map");
}

/// Opens the project search and types `word` into it.
fn search_for(harness: &mut Harness<'static, ThicketApp>, word: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search for").type_text(word);
    harness.get_by_label("Search").click();
}

#[test]
fn cancel_stops_a_long_project_search_and_the_panel_says_it_was_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    // Held, the search reads one source per frame.
    hold(&harness);
    search_for(&mut harness, "the");
    harness.step();
    harness.step();
    assert!(harness.state().is_busy());
    harness.get_by_label_contains("Searching…");
    harness.get_by_label("Cancel").click();
    harness.step();
    harness.step();
    assert!(!harness.state().is_busy());
    harness.get_by_label_contains("Search cancelled");
    assert!(harness.query_by_label_contains(" hits in ").is_none(), "no results listed");

    // Searching again runs it to the end.
    harness.state().jobs().hold(false);
    harness.get_by_label("Search").click();
    let_go(&mut harness);
    harness.get_by_label_contains(" hits in ");
}

#[test]
fn cancel_stops_an_autocode_preview_and_refresh_plans_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    search_for(&mut harness, "the");
    harness.run();
    harness.get_by_label_contains(" hits in ");
    hold(&harness);
    harness.get_by_role_and_label(Role::ComboBox, "Code").click();
    harness.run();
    harness.get_by_label("Alliance/Goals").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Planning the preview…");
    harness.get_by_label("Cancel").click();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Preview cancelled.");
    assert!(harness.query_by_label_contains("Will add").is_none());

    harness.state().jobs().hold(false);
    harness.get_by_label("Refresh preview").click();
    let_go(&mut harness);
    harness.get_by_label_contains("Will add");
}

#[test]
fn the_cases_participants_and_attributes_windows_draw_without_querying_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    for command in [UiCommand::ShowCases(None), UiCommand::ShowParticipants, UiCommand::ShowAttributes] {
        harness.state_mut().push_command(command);
    }
    harness.run();
    harness.get_by_label("New case name");
    harness.get_by_label("Merge into");
    harness.get_by_label("New attribute…");
    let before = harness.state().project().unwrap().reads();
    for _ in 0..5 {
        // Moving the pointer makes egui draw frame after frame.
        harness.hover_at(egui::pos2(400.0, 300.0));
        harness.step();
        harness.hover_at(egui::pos2(410.0, 320.0));
        harness.step();
    }
    assert_eq!(harness.state().project().unwrap().reads(), before, "frames without a change read nothing");

    // A change is read once, and the windows show it.
    harness.state_mut().push_command(UiCommand::Perform(Action::CreateCase { name: "Zed family".into(), description: String::new(), sources: vec![] }));
    harness.run();
    assert!(harness.query_all_by_label_contains("Zed family").count() > 0);
}

/// An action of 1,200 codings (what an autocode run of a common word makes), one for each
/// three characters of the sample's sources from the start.
fn many_codings(app: &ThicketApp) -> Action {
    use thicket_core::action::NewCoding;
    use thicket_core::model::TextSpan;
    let project = app.project().unwrap();
    let code = project.codebook().unwrap().walk()[0].1.id;
    let coder = project.coders().unwrap()[0].id;
    let mut codings = Vec::new();
    for source in project.sources().unwrap() {
        for start in (0..source.char_len.saturating_sub(2)).step_by(3) {
            if codings.len() < 1_200 {
                codings.push(NewCoding { source: source.id, code, coder, span: TextSpan { start, end: start + 2 }, memo: String::new() });
            }
        }
    }
    assert_eq!(codings.len(), 1_200, "the sample has text enough");
    Action::AddCodings(codings)
}

fn codings_in(app: &ThicketApp) -> usize {
    app.project().unwrap().coding_counts().unwrap().values().sum()
}

#[test]
fn a_long_change_is_written_in_the_background_with_its_progress_and_cancel_leaves_the_project_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings_in(harness.state());
    let action = many_codings(harness.state());
    hold(&harness);
    harness.state_mut().push_command(UiCommand::Perform(action));
    // The command, then the modal's sizing pass (invisible), then the modal.
    harness.step();
    harness.step();
    harness.step();
    // The window goes on painting while the worker holds the project: the navigator is there,
    // and over it what is being written, how far, and Cancel.
    assert!(harness.state().is_busy());
    assert!(harness.state().project().is_none(), "the project is lent to the writer");
    harness.get_by_label_contains("Apply 1200 codings…");
    harness.get_by_label("Find a source");
    harness.get_by_role(Role::ProgressIndicator);
    harness.get_by_label("Cancel").click();
    harness.step();
    let_go(&mut harness);

    harness.get_by_label("Cancelled: nothing was changed.");
    assert_eq!(codings_in(harness.state()), before, "the transaction was rolled back");
    assert_eq!(harness.state().project().unwrap().undo_label(), None, "nothing to undo");
}

#[test]
fn a_long_change_written_in_the_background_is_one_undo_step_and_undo_runs_there_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings_in(harness.state());
    let action = many_codings(harness.state());
    hold(&harness);
    harness.state_mut().push_command(UiCommand::Perform(action));
    harness.step();
    // A command given meanwhile waits for the project to come back, then runs.
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Matrix));
    harness.step();
    assert!(harness.state().analysis().active().is_none(), "held while the change is written");
    let_go(&mut harness);
    assert_eq!(codings_in(harness.state()), before + 1_200);
    assert!(harness.state().analysis().active().is_some(), "the waiting command ran afterwards");
    harness.get_by_label_contains(&format!("{} codings", thicket_gui::i18n::number((before + 1_200) as f64, 0)));

    // Undo takes all 1,200 back in one step, on the worker too.
    hold(&harness);
    harness.state_mut().push_command(UiCommand::Undo);
    harness.step();
    harness.step();
    harness.step();
    harness.get_by_label_contains("Undo Apply 1,200 codings…");
    let_go(&mut harness);
    assert_eq!(codings_in(harness.state()), before);
    assert_eq!(harness.state().project().unwrap().redo_label(), Some("Apply 1200 codings"));
    assert_eq!(harness.state().project().unwrap().undo_label(), None);
}

#[test]
fn the_navigator_lays_out_only_the_sources_in_sight_and_finds_any_of_them() {
    use thicket_core::model::SourceKind;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.thicket");
    let mut project = thicket_core::project::Project::create(&path, "Many visits").unwrap();
    for k in 0..400 {
        project.perform(thicket_core::project::import_text(&format!("Visit note {k:03}"), SourceKind::FieldNote, "A short visit.\n")).unwrap();
    }
    project.close().unwrap();
    let mut harness = common::gui::harness_on(&path, egui::vec2(1400.0, 1000.0));
    harness.get_by_label("Not in a case (400)");
    // In the navigator, and as the title of the document the window opened.
    assert!(harness.query_all_by_label("Visit note 000").count() >= 1);
    // A thousand-point window shows a few dozen rows: the rest are not laid out at all.
    let shown = harness.query_all_by_label_contains("Visit note ").count();
    assert!((10..100).contains(&shown), "{shown} source rows laid out of 400");
    assert!(harness.query_by_label("Visit note 399").is_none());

    // The filter finds the last one; folding the group hides its rows, unfolding brings them back.
    harness.get_by_role_and_label(Role::TextInput, "Find a source").focus();
    harness.get_by_role_and_label(Role::TextInput, "Find a source").type_text("399");
    harness.run();
    harness.get_by_label("Visit note 399");
    harness.get_by_label("Not in a case (1)").click();
    harness.run();
    assert!(harness.query_by_label("Visit note 399").is_none(), "folded");
    harness.get_by_label("Not in a case (1)").click();
    harness.run();
    harness.get_by_label("Visit note 399");
}
