//! Who is coding is never a guess (issue #11, part 3): the window asks on first start and on a
//! new project, shows whose coding is whose, and asks before a coding's memo goes with it.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::Action;
use thicket_core::model::TextSpan;
use thicket_gui::{Prefs, Startup, ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, fresh_harness, harness_on, point_at};

const SIZE: egui::Vec2 = egui::vec2(1400.0, 1000.0);

fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

/// The window's first start on the sample study, with an empty preferences file at `prefs`.
fn first_start(dir: &Path) -> (Harness<'static, ThicketApp>, PathBuf) {
    let prefs = dir.join("prefs.json");
    (fresh_harness(Startup::Open(sample(dir)), SIZE, Some(prefs.clone())), prefs)
}

fn name_field(harness: &Harness<'static, ThicketApp>) -> String {
    harness.get_by_role_and_label(Role::TextInput, "Coder's name").accesskit_node().value().unwrap_or_default()
}

/// What the status bar's coder picker shows.
fn status_coder(harness: &Harness<'static, ThicketApp>) -> String {
    let picker = harness.get_by_role_and_label(Role::ComboBox, "Coder:");
    picker.accesskit_node().value().unwrap_or_default()
}

#[test]
fn the_first_start_asks_who_is_coding_with_the_login_name_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, prefs) = first_start(dir.path());
    harness.get_by_label("Who is coding?");
    let suggested = thicket_core::project::suggested_coder().unwrap_or_default();
    assert_eq!(harness.state().coder_prompt(), Some(suggested.as_str()));
    assert_eq!(name_field(&harness), suggested);
    assert_eq!(harness.state().coder(), "", "no coder until the user says so");
    assert_eq!(status_coder(&harness), "(not chosen)");

    // The name is selected, so typing replaces it; Enter confirms.
    harness.get_by_role_and_label(Role::TextInput, "Coder's name").type_text("Ana Lima");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("Who is coding?").is_none());
    assert_eq!(harness.state().coder(), "Ana Lima");
    assert_eq!(status_coder(&harness), "Ana Lima", "the status bar names the coder");
    assert_eq!(Prefs::load(Some(&prefs)).coder.as_deref(), Some("Ana Lima"), "remembered");

    // A new coding is by that coder.
    let span = TextSpan::new(0, 12).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    code_selection_with(&mut harness, 3, "Ruptures/Withdrawal");
    let project = harness.state().project().unwrap();
    let ana = project.coders().unwrap().into_iter().find(|c| c.name == "Ana Lima").expect("coder created on first use");
    assert!(project.all_codings().unwrap().iter().any(|c| c.coder_id == ana.id && c.span == span));
}

#[test]
fn the_projects_coders_are_offered_and_a_second_start_does_not_ask() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, prefs) = first_start(dir.path());
    harness.get_by_label("Or continue as one of this project's coders:");
    harness.get_by_role_and_label(Role::Button, "Jonas").click();
    harness.run();
    assert_eq!(harness.state().coder(), "Jonas");
    let path = harness.state().project().unwrap().path().to_path_buf();
    drop(harness);

    let harness = fresh_harness(Startup::Open(path), SIZE, Some(prefs));
    assert!(harness.query_by_label("Who is coding?").is_none());
    assert_eq!(harness.state().coder(), "Jonas");
}

#[test]
fn the_first_question_cannot_be_dismissed_but_a_later_one_keeps_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = first_start(dir.path());
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Who is coding?");
    harness.get_by_role_and_label(Role::Button, "Amara").click();
    harness.run();

    // A new project asks again, offering the current name; Escape keeps it.
    let fresh = dir.path().join("pilot.thicket");
    harness.state_mut().push_command(UiCommand::NewProject(fresh.clone()));
    harness.run();
    assert_eq!(harness.state().project().unwrap().path(), fresh);
    harness.get_by_label("Who is coding?");
    assert_eq!(name_field(&harness), "Amara");
    harness.get_by_label("Keep Amara");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Who is coding?").is_none());
    assert_eq!(harness.state().coder(), "Amara");
}

#[test]
fn without_a_coder_nothing_is_coded_and_the_question_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = first_start(dir.path());
    let before = harness.state().project().unwrap().coding_count().unwrap();
    // Coding through the app's queue, as if the dialog had been got round.
    let code = harness.state().project().unwrap().code_at("Ruptures/Withdrawal").unwrap();
    let spec = thicket_core::project::AutocodeSpec {
        pattern: thicket_core::text::SearchPattern::plain("trust", true),
        code,
        unit: Default::default(),
        role: None,
        sources: Vec::new(),
        coder: None,
    };
    harness.state_mut().push_command(UiCommand::Autocode(thicket_gui::AutocodeRequest { spec, coder: String::new(), planned: None }));
    harness.run();
    assert_eq!(harness.state().project().unwrap().coding_count().unwrap(), before);
    assert!(harness.state().errors().iter().any(|e| e.contains("Say who is coding")), "{:?}", harness.state().errors());
    harness.get_by_label("Who is coding?");
}

/// A coding of the open document whose first chars are on screen, given a memo (one undo step).
fn coding_with_memo(harness: &mut Harness<'static, ThicketApp>, memo: &str) -> thicket_core::model::Coding {
    let id = harness.state().document().unwrap().source.id;
    let codings = harness.state().project().unwrap().codings_in(id).unwrap();
    let view = harness.state().document().unwrap();
    let coding = codings.into_iter().find(|c| view.char_screen_rect(c.span.start + 1).is_some()).expect("a coding in view");
    harness.state_mut().push_command(UiCommand::Perform(Action::UpdateCoding { id: coding.id, span: coding.span, memo: memo.into() }));
    harness.run();
    harness.state().project().unwrap().coding(coding.id).unwrap().unwrap()
}

#[test]
fn removing_a_coding_with_a_memo_asks_first_and_undo_brings_both_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), SIZE);
    let memo = "Dana goes quiet whenever the report comes up, and then she leaves the room.";
    let coding = coding_with_memo(&mut harness, memo);

    // The highlight's context menu says the memo goes too, and the app asks.
    let pos = point_at(&harness, coding.span.start + 1);
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton { pos, button: egui::PointerButton::Secondary, pressed, modifiers: Modifiers::NONE });
    }
    harness.run();
    harness.get_by_label_contains("and its memo…").click();
    harness.run();
    harness.get_by_label("Remove this coding and its memo?");
    harness.get_by_label_contains("carries a memo: “Dana goes quiet whenever the report comes up,…”");
    // Cancel keeps it.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().project().unwrap().coding(coding.id).unwrap().is_some());

    harness.state_mut().push_command(UiCommand::RemoveCoding(coding.id));
    harness.run();
    harness.get_by_label("Remove coding and memo").click();
    harness.run();
    assert!(harness.state().project().unwrap().coding(coding.id).unwrap().is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let back = harness.state().project().unwrap().coding(coding.id).unwrap().expect("undo brings the coding back");
    assert_eq!((back.span, back.memo.as_str(), back.coder_id), (coding.span, memo, coding.coder_id));
}

#[test]
fn a_coding_without_a_memo_goes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), SIZE);
    let coding = coding_with_memo(&mut harness, "");
    harness.state_mut().push_command(UiCommand::RemoveCoding(coding.id));
    harness.run();
    assert!(harness.query_by_label("Remove this coding and its memo?").is_none());
    assert!(harness.state().project().unwrap().coding(coding.id).unwrap().is_none());
}

#[test]
fn the_segments_pane_names_the_coder_when_there_are_several() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_on(&sample(dir.path()), SIZE);
    harness.get_by_label("Withdrawal").click();
    harness.run();
    let rows = harness.query_all_by_label_contains("Ruptures/Withdrawal · by ").count();
    assert!(rows > 0, "the sample has two coders: each segment says whose it is");
}
