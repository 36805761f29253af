//! The data beside the text, in the real window driven headlessly through egui_kittest: cases
//! (create, assign a source, delete with a confirmation, undo), typed attributes (define, set,
//! reject bad input, undo), and memos written from the codebook, the document's context menu and
//! the memo browser, saved on leaving the field, after a pause, and when the project closes.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_core::model::*;
use thicket_gui::{ThicketApp, UiCommand};

mod common;
use common::gui::{harness_on, menu, point_at};

/// The window on a fresh sample study written to `path`.
fn sample_harness(path: &std::path::Path) -> Harness<'static, ThicketApp> {
    thicket_core::sample::write_sample(path).unwrap().close().unwrap();
    harness_on(path, egui::vec2(1400.0, 1000.0))
}

/// Types `text` into the text field (`role`) labelled `label`, after focusing it.
fn type_into(harness: &mut Harness<'static, ThicketApp>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

fn undo(harness: &mut Harness<'static, ThicketApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn project<'a>(harness: &'a Harness<'static, ThicketApp>) -> &'a thicket_core::Project {
    harness.state().project().unwrap()
}

#[test]
fn a_new_case_gets_a_source_and_the_navigator_lists_it_under_that_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Cases…");
    type_into(&mut harness, Role::TextInput, "New case name", "Okafor family");
    harness.get_by_label("Create case").click();
    harness.run();
    let case = project(&harness).case_named("Okafor family").unwrap();
    // The new case is selected: its source list is shown, nothing ticked yet.
    harness.get_by_label("Sources in “Okafor family” (0)");
    let source = "Mensah – case file excerpt";
    type_into(&mut harness, Role::TextInput, "Filter sources", "case file");
    assert!(harness.query_by_role_and_label(Role::CheckBox, "Harlow – observation 1 (home visit)").is_none(), "filtered out");
    harness.get_by_role_and_label(Role::CheckBox, source).click();
    harness.run();

    assert_eq!(project(&harness).cases_by_source().unwrap()[&project(&harness).source_named(source).unwrap().id], ["Mensah family", "Okafor family"]);
    assert_eq!(project(&harness).undo_label(), Some("Assign sources to case"));
    harness.get_by_label("Okafor family (1)");
    harness.get_by_label("Sources in “Okafor family” (1)");
    // The source is listed under both of its cases now (and ticked in the window).
    assert_eq!(harness.query_all_by_label(source).count(), 3, "two navigator rows and the checkbox");

    undo(&mut harness);
    assert!(harness.query_by_label("Okafor family (1)").is_none(), "a case without sources has no group");
    assert_eq!(project(&harness).case_sources().unwrap().iter().filter(|(c, _)| *c == case.id).count(), 0);
}

#[test]
fn deleting_a_case_says_what_it_touches_and_undo_brings_it_back_with_its_links() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let before = project(&harness).case_sources().unwrap();
    // From the case's heading in the navigator.
    harness.get_by_label("Kowalski family (6)").click_secondary();
    harness.run();
    harness.get_by_label("Edit case…").click();
    harness.run();
    harness.get_by_label("Delete case…").click();
    harness.run();
    harness.get_by_label("Its 6 assigned sources and 7 participants stay in the project; they only lose their link to this case.");
    harness.get_by_label("Delete the case").click();
    harness.run();
    assert!(project(&harness).case_named("Kowalski family").is_err());
    assert!(harness.query_by_label("Kowalski family (6)").is_none());
    harness.get_by_label_contains("Not in a case (5)");

    undo(&mut harness);
    assert!(project(&harness).case_named("Kowalski family").is_ok());
    assert_eq!(project(&harness).case_sources().unwrap(), before);
    harness.get_by_label("Kowalski family (6)");
}

#[test]
fn a_source_is_assigned_to_a_case_from_its_context_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let source = "Harlow – observation 1 (home visit)";
    harness.get_by_label(source).click_secondary();
    harness.run();
    harness.get_by_label("Assign to case").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Mensah family").click();
    harness.run();
    let id = project(&harness).source_named(source).unwrap().id;
    assert_eq!(project(&harness).cases_by_source().unwrap()[&id], ["Harlow family", "Mensah family"]);
    harness.get_by_label("Mensah family (8)");
}

#[test]
fn a_sources_author_is_set_from_its_context_menu_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    // The sample's observation notes carry the researcher's perspective; this one becomes the agency's.
    let source = "Harlow – observation 1 (home visit)";
    harness.get_by_label(source).click_secondary();
    harness.run();
    harness.get_by_label("Author: researcher").click();
    harness.run();
    harness.get_by_role_and_label(Role::RadioButton, "The agency (case files, reports)").click();
    harness.run();
    assert_eq!(project(&harness).source_named(source).unwrap().author.as_deref(), Some("agency"));
    undo(&mut harness);
    assert_eq!(project(&harness).source_named(source).unwrap().author.as_deref(), Some("researcher"));
}

#[test]
fn a_category_attribute_on_cases_is_defined_set_persisted_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let mut harness = sample_harness(&path);
    menu(&mut harness, "Project", "Attributes…");
    harness.get_by_label("New attribute…").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Attribute name", "Household");
    harness.get_by_role_and_label(Role::ComboBox, "Type").click();
    harness.run();
    harness.get_by_label("Category").click();
    harness.run();
    harness.get_by_label("List at least one category, one per line.");
    type_into(&mut harness, Role::MultilineTextInput, "Categories (one per line)", "single parent\ntwo parents\nkinship carer");
    harness.get_by_label("Define").click();
    harness.run();
    let def = project(&harness).attributes().unwrap().into_iter().find(|a| a.name == "Household").unwrap();
    assert_eq!((def.applies_to, def.value_type), (AttributeTarget::Case, AttributeType::Category));
    assert_eq!(def.categories, ["single parent", "two parents", "kinship carer"]);

    let harlow = project(&harness).case_named("Harlow family").unwrap().id;
    harness.get_by_label("Household of Harlow family").click();
    harness.run();
    harness.get_by_label("two parents").click();
    harness.run();
    let values = project(&harness).attribute_values().unwrap();
    assert_eq!(values, [AttributeValue { attribute_id: def.id, entity_id: harlow.0, value: "two parents".into() }]);
    assert_eq!(project(&harness).undo_label(), Some("Set attribute"));

    undo(&mut harness);
    assert!(project(&harness).attribute_values().unwrap().is_empty());
    // The value was in the file, not only on screen: close, reopen, redo.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.state_mut().push_command(UiCommand::CloseProject);
    harness.run();
    let reopened = thicket_core::Project::open(&path).unwrap();
    assert_eq!(reopened.attribute_values().unwrap().len(), 1);
}

#[test]
fn a_number_attribute_explains_bad_input_inline_and_saves_nothing_until_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Attributes…");
    harness.get_by_label("Participants").click();
    harness.run();
    harness.get_by_label("New attribute…").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Attribute name", "Years in service");
    harness.get_by_role_and_label(Role::ComboBox, "Type").click();
    harness.run();
    harness.get_by_label("Number").click();
    harness.run();
    harness.get_by_label("Define").click();
    harness.run();
    let def = project(&harness).attributes().unwrap().into_iter().find(|a| a.name == "Years in service").unwrap();
    assert_eq!(def.applies_to, AttributeTarget::Participant);

    type_into(&mut harness, Role::TextInput, "Years in service of Grace", "3,5");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Years in service of Grace: “3,5” is not a number: write decimals with a point, e.g. 3.5");
    assert!(project(&harness).attribute_values().unwrap().is_empty());

    harness.get_by_role_and_label(Role::TextInput, "Years in service of Grace").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Years in service of Grace").type_text("3.5");
    harness.key_press(Key::Enter);
    harness.run();
    let grace = project(&harness).participant_named("Grace").unwrap().unwrap();
    assert_eq!(project(&harness).attribute_values().unwrap(), [AttributeValue { attribute_id: def.id, entity_id: grace.id.0, value: "3.5".into() }]);
    assert!(harness.query_by_label_contains("is not a number").is_none());

    // Deleting the attribute takes its value; undo brings both back.
    harness.get_by_label("Years in service\nNumber").click_secondary();
    harness.run();
    harness.get_by_label("Delete attribute “Years in service”…").click();
    harness.run();
    harness.get_by_label("Its one value goes with it. You can undo this (Ctrl+Z).");
    harness.get_by_label("Delete the attribute").click();
    harness.run();
    assert!(project(&harness).attributes().unwrap().iter().all(|a| a.name != "Years in service"));
    assert!(project(&harness).attribute_values().unwrap().is_empty());
    undo(&mut harness);
    assert_eq!(project(&harness).attribute_values().unwrap().len(), 1);
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Years in service of Grace").value().as_deref(), Some("3.5"));
}

#[test]
fn a_code_memo_written_from_the_codebook_appears_in_the_memo_browser() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    assert_eq!(harness.query_all_by_label("has a memo").count(), 0, "the sample has only a project memo");
    harness.get_by_label("Withdrawal").click_secondary();
    harness.run();
    harness.get_by_label("Memo…").click();
    harness.run();
    let text = "Withdrawal peaks in the weeks after a change of worker.";
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text(text);
    harness.run();
    assert!(project(&harness).memos().unwrap().iter().all(|m| m.body != text), "not saved while typing");
    // Leaving the field saves it.
    harness.get_by_role_and_label(Role::TextInput, "Search memos").click();
    harness.run();

    let code = project(&harness).code_at("Ruptures/Withdrawal").unwrap();
    let memo = project(&harness).memos().unwrap().into_iter().find(|m| m.body == text).expect("memo saved");
    assert_eq!(memo.target, MemoTarget::Code { id: code });
    let coder = project(&harness).coders().unwrap().into_iter().find(|c| c.id == memo.coder_id).unwrap();
    assert_eq!(coder.name, thicket_core::project::default_coder());
    assert_eq!(project(&harness).undo_label(), Some("Create memo"));
    // Listed in the browser with what it is on, and marked in the codebook.
    harness.get_by_label_contains("Code Ruptures/Withdrawal\nWithdrawal peaks in the weeks");
    harness.get_by_label("2 memos");
    assert_eq!(harness.query_all_by_label("has a memo").count(), 1);

    // Only the kind filter's memos are listed.
    harness.get_by_role_and_label(Role::ComboBox, "Memo kind").click();
    harness.run();
    harness.get_by_label("Code").click();
    harness.run();
    harness.get_by_label("1 of 2 memos");
    assert!(harness.query_by_label_contains("Project\nAbout this study").is_none());

    undo(&mut harness);
    assert!(project(&harness).memos().unwrap().iter().all(|m| m.body != text));
    assert_eq!(harness.query_all_by_label("has a memo").count(), 0);
}

#[test]
fn editing_a_memo_saves_after_a_pause_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Memos…");
    harness.get_by_label_contains("Project\nAbout this study").click();
    harness.run();
    let before = project(&harness).memos().unwrap()[0].clone();
    harness.get_by_role_and_label(Role::TextInput, "Title").focus();
    harness.key_press(Key::End);
    harness.get_by_role_and_label(Role::TextInput, "Title").type_text(" (draft)");
    harness.run();
    assert_eq!(project(&harness).memos().unwrap()[0].title, before.title, "typing alone saves nothing");
    // Two seconds without typing, the field still focused.
    harness.run_steps(120);
    let after = project(&harness).memos().unwrap()[0].clone();
    assert_eq!(after.title, format!("{} (draft)", before.title));
    assert_eq!(project(&harness).undo_label(), Some("Edit memo"));

    undo(&mut harness);
    assert_eq!(project(&harness).memos().unwrap()[0].title, before.title);
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Title").value().as_deref(), Some(before.title.as_str()), "the editor shows the undone text");
}

#[test]
fn a_new_project_memo_being_typed_is_saved_when_the_project_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.thicket");
    let mut harness = sample_harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    harness.run();
    harness.get_by_label("New project memo").click();
    harness.run();
    let text = "Second reading: the alliance talk changes once Ruth joins the visits.";
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text(text);
    harness.run();
    assert_eq!(project(&harness).memos().unwrap().len(), 1, "nothing saved yet");
    // The window closes the project as quitting does (eframe's on_exit closes it too).
    harness.state_mut().push_command(UiCommand::CloseProject);
    harness.run();
    let reopened = thicket_core::Project::open(&path).unwrap();
    let memos = reopened.memos().unwrap();
    assert_eq!(memos.len(), 2);
    assert_eq!((memos[1].target, memos[1].body.as_str()), (MemoTarget::Project, text));
}

#[test]
fn deleting_a_memo_in_the_browser_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Memos…");
    harness.get_by_label_contains("Project\nAbout this study").click();
    harness.run();
    harness.get_by_label("Delete memo").click();
    harness.run();
    assert!(project(&harness).memos().unwrap().is_empty());
    harness.get_by_label("0 memos");
    assert_eq!(project(&harness).undo_label(), Some("Delete 1 memo"));
    undo(&mut harness);
    assert_eq!(project(&harness).memos().unwrap().len(), 1);
    harness.get_by_label("1 memo");
}

fn right_click(harness: &mut Harness<'static, ThicketApp>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(Event::PointerButton { pos, button: PointerButton::Secondary, pressed, modifiers: Modifiers::NONE });
    }
    harness.run();
}

#[test]
fn a_coding_memo_is_written_from_the_documents_context_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let source = harness.state().document().unwrap().source.id;
    let codings = project(&harness).codings_in(source).unwrap();
    let view = harness.state().document().unwrap();
    // A coded char in view where no other coding under it has the same code and coder, so the
    // menu names this coding alone (with its coder when another coder used the same code).
    let (ch, coding, same_code) = codings
        .iter()
        .find_map(|c| {
            let ch = c.span.start + 1;
            let under: Vec<_> = codings.iter().filter(|o| o.span.start <= ch && ch < o.span.end && o.code_id == c.code_id).collect();
            let unique = under.iter().filter(|o| o.coder_id == c.coder_id).count() == 1;
            (unique && view.char_screen_rect(ch).is_some()).then(|| (ch, c.clone(), under.len()))
        })
        .expect("a coded char in view");
    let path = project(&harness).codebook().unwrap().path(coding.code_id).unwrap().to_string();
    let coder = project(&harness).coders().unwrap().into_iter().find(|c| c.id == coding.coder_id).unwrap().name;
    let code = if same_code == 1 { path.clone() } else { format!("{path} by {coder}") };
    let pos = point_at(&harness, ch);
    right_click(&mut harness, pos);
    harness.get_by_label(&format!("Memo on coding of {code}…")).click();
    harness.run();
    let text = "Dana's silence here reads as withdrawal, not agreement.";
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text(text);
    harness.run_steps(120);

    let saved = project(&harness).coding(coding.id).unwrap().unwrap();
    assert_eq!(saved.memo, text);
    assert_eq!(saved.span, coding.span, "the coding keeps its span");
    assert_eq!(project(&harness).undo_label(), Some("Edit coding"));
    // Listed in the browser: what it is on, then its text.
    let row = harness.get_by_label_contains(&format!("\n{text}\n")).accesskit_node().label().unwrap_or_default();
    assert!(row.starts_with(&format!("Coding {path} in “{}”: “", harness.state().document().unwrap().source.name)), "{row}");

    // The menu now says the coding has a memo (once the memo window is out of the way).
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Close window").click();
    harness.run();
    let pos = point_at(&harness, ch);
    right_click(&mut harness, pos);
    harness.get_by_label(&format!("Edit memo of coding of {code}…"));
}

#[test]
fn a_participant_joins_a_case_and_gets_a_memo_in_the_participants_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    menu(&mut harness, "Project", "Participants…");
    harness.get_by_label("Cases of Abena").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Harlow family").click();
    harness.run();
    let abena = project(&harness).participant_named("Abena").unwrap().unwrap();
    assert_eq!(project(&harness).cases_by_participant().unwrap()[&abena.id], ["Harlow family", "Mensah family"]);
    assert_eq!(project(&harness).undo_label(), Some("Edit participant"));
    harness.key_press(Key::Escape);
    harness.run();

    harness.get_by_label("Memo on Abena").click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text("Speaks for Kofi as often as for herself.");
    harness.key_press(Key::Escape);
    harness.run();
    let memo = project(&harness).memos().unwrap().into_iter().find(|m| m.target == MemoTarget::Participant { id: abena.id }).expect("saved on leaving the field");
    assert_eq!(memo.body, "Speaks for Kofi as often as for herself.");
    assert_eq!(harness.query_all_by_label("has a memo").count(), 1, "marked in Abena's row");
}

#[test]
fn a_source_memo_from_the_navigator_marks_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let source = "Kowalski – session 2 (after the school visit)";
    harness.get_by_label(source).click_secondary();
    harness.run();
    harness.get_by_label("Memo…").click();
    harness.run();
    harness.get_by_label(&format!("Source “{source}”"));
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text("Marta is warmer after the school visit.");
    harness.key_press(Key::Escape);
    harness.run();
    let id = project(&harness).source_named(source).unwrap().id;
    let memos = project(&harness).memos().unwrap();
    assert!(memos.iter().any(|m| m.target == MemoTarget::Source { id, span: None } && m.body == "Marta is warmer after the school visit."));
    assert_eq!(harness.query_all_by_label("has a memo").count(), 1);
    // "Show in document" opens the source.
    harness.get_by_label("Show in document").click();
    harness.run();
    assert_eq!(harness.state().document().unwrap().source.id, id);
}

#[test]
fn a_case_is_renamed_in_the_cases_window_and_a_taken_name_is_refused_inline() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let harlow = project(&harness).case_named("Harlow family").unwrap().id;
    harness.state_mut().push_command(UiCommand::ShowCases(Some(harlow)));
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Case name");
    name.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Case name").type_text("Mensah family");
    harness.run();
    harness.get_by_label("Another case has this name.");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(project(&harness).case_named("Harlow family").is_ok(), "nothing renamed");

    harness.get_by_role_and_label(Role::TextInput, "Case name").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Case name").type_text("Harlow–Reid family");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(project(&harness).case_named("Harlow–Reid family").is_ok());
    assert_eq!(project(&harness).undo_label(), Some("Edit case"));
    harness.get_by_label("Harlow–Reid family (7)");
    undo(&mut harness);
    harness.get_by_label("Harlow family (7)");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Case name").value().as_deref(), Some("Harlow family"), "the field follows the undo");
}

#[test]
fn a_memo_on_a_selected_passage_is_written_from_the_documents_context_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(&dir.path().join("sample.thicket"));
    let source = harness.state().document().unwrap().source.id;
    let span = TextSpan::new(40, 90).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(span));
    harness.run();
    let pos = point_at(&harness, 60);
    right_click(&mut harness, pos);
    harness.get_by_label("Memo on the selected passage…").click();
    harness.run();
    let text = "The worker's wording here echoes the referral letter.";
    harness.get_by_role_and_label(Role::MultilineTextInput, "Memo text").type_text(text);
    harness.run_steps(120);
    let memos = project(&harness).memos().unwrap();
    let memo = memos.iter().find(|m| m.body == text).expect("the memo is saved");
    assert_eq!(memo.target, MemoTarget::Source { id: source, span: Some(span) });
}
