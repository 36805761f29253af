//! Coding in the real window, driven headlessly through egui_kittest: select a passage, then
//! choose a code in the text's context menu, drag a code onto it, press a quick key, or create a
//! code from it (in vivo or "Code as new…"); change and remove codings from the highlight's menu;
//! undo each step.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::{Coding, TextSpan};
use thicket_gui::{ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, drag, paragraphs, point_at, sample_harness};

/// Selects `[from, to)` by dragging the mouse across the text, as a user would.
fn drag_select(harness: &mut Harness<'static, ThicketApp>, from: usize, to: usize) -> TextSpan {
    let (a, b) = (point_at(harness, from), point_at(harness, to));
    drag(harness, a, b);
    let span = harness.state().document().unwrap().selection().expect("a selection");
    assert_eq!(span, TextSpan::new(from, to).unwrap());
    span
}

fn codings(harness: &Harness<'static, ThicketApp>) -> Vec<Coding> {
    let id = harness.state().document().unwrap().source.id;
    harness.state().project().unwrap().codings_in(id).unwrap()
}

/// The coding that `before` lacked.
fn new_coding(before: &[Coding], after: &[Coding]) -> Coding {
    let mut added = after.iter().filter(|c| !before.iter().any(|b| b.id == c.id));
    let coding = added.next().expect("a new coding").clone();
    assert!(added.next().is_none(), "exactly one new coding");
    coding
}

fn coder_name(harness: &Harness<'static, ThicketApp>, coding: &Coding) -> String {
    harness.state().project().unwrap().coders().unwrap().into_iter().find(|c| c.id == coding.coder_id).unwrap().name
}

/// A passage of the second paragraph that nobody has coded with "Withdrawal" yet.
fn passage(harness: &Harness<'static, ThicketApp>) -> (usize, usize) {
    let p = paragraphs(harness);
    let text: Vec<char> = harness.state().document().unwrap().text().chars().collect();
    // End on a letter: blanks at either end of a selection are not coded.
    let mut end = p[1].start + 40;
    while text[end - 1].is_whitespace() {
        end -= 1;
    }
    (p[1].start, end)
}

#[test]
fn coding_from_the_context_menu_codes_the_selection_shows_it_in_retrieval_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings(&harness);
    let (from, to) = passage(&harness);
    let span = drag_select(&mut harness, from, to);
    code_selection_with(&mut harness, from + 3, "Ruptures/Withdrawal");
    let after = codings(&harness);
    let coding = new_coding(&before, &after);
    let project = harness.state().project().unwrap();
    assert_eq!(coding.code_id, project.code_at("Ruptures/Withdrawal").unwrap());
    assert_eq!(coding.span, span);
    assert_eq!(coder_name(&harness, &coding), harness.state().coder());
    assert_eq!(harness.state().document().unwrap().selection(), Some(span), "the selection stays for the next code");
    harness.get_by_label_contains(&format!("words · {} codings", after.len()));

    // Without a selection, clicking the code lists its segments, the new one among them.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().document().unwrap().selection(), None);
    harness.get_by_label("Withdrawal").click();
    harness.run();
    let segments = harness
        .state()
        .project()
        .unwrap()
        .segments(&thicket_core::project::SegmentFilter { codes: vec!["Ruptures/Withdrawal".into()], ..Default::default() })
        .unwrap();
    assert!(segments.iter().any(|s| s.start == span.start && s.end == span.end));
    harness.get_by_label(&format!("{} segments", segments.len()));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(codings(&harness).len(), before.len());
    harness.get_by_label(&format!("{} segments", segments.len() - 1));
}

#[test]
fn blanks_around_a_selection_are_not_coded() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings(&harness);
    let p = paragraphs(&harness);
    // From inside paragraph 1 to the start of paragraph 2: the blank line between is left out.
    let from = p[1].end - 10;
    drag_select(&mut harness, from, p[2].start);
    code_selection_with(&mut harness, from + 3, "Ruptures/Withdrawal");
    let coding = new_coding(&before, &codings(&harness));
    assert_eq!(coding.span, TextSpan::new(from, p[1].end).unwrap());
}

#[test]
fn dragging_a_code_onto_the_selection_codes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings(&harness);
    let (from, to) = passage(&harness);
    let span = drag_select(&mut harness, from, to);
    let code = harness.get_by_label("Withdrawal").rect().center();
    let target = point_at(&harness, from + 5);
    drag(&mut harness, code, target);
    let coding = new_coding(&before, &codings(&harness));
    assert_eq!(coding.span, span);
    assert_eq!(coding.code_id, harness.state().project().unwrap().code_at("Ruptures/Withdrawal").unwrap());
}

#[test]
fn a_quick_key_codes_the_selection_with_its_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    harness.get_by_label("Withdrawal").click_secondary();
    harness.run();
    harness.get_by_label("Quick key").click();
    harness.run();
    harness.get_by_label("3").click();
    harness.run();
    harness.get_by_label("[3]");
    let before = codings(&harness);
    let (from, to) = passage(&harness);
    let span = drag_select(&mut harness, from, to);
    harness.key_press(Key::Num3);
    harness.run();
    let coding = new_coding(&before, &codings(&harness));
    assert_eq!((coding.span, coding.code_id), (span, harness.state().project().unwrap().code_at("Ruptures/Withdrawal").unwrap()));
    // Another key does nothing.
    harness.key_press(Key::Num4);
    harness.run();
    assert_eq!(codings(&harness).len(), before.len() + 1);
}

#[test]
fn in_vivo_makes_a_code_of_the_selected_words_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings(&harness);
    let (from, _) = passage(&harness);
    let text = harness.state().document().unwrap().text().to_string();
    // Select three words of the passage.
    let words: String = text.chars().skip(from).collect();
    let end = from + words.char_indices().filter(|(_, c)| *c == ' ').nth(2).map(|(i, _)| words[..i].chars().count()).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(TextSpan::new(from, end).unwrap()));
    harness.run();
    harness.get_by_label("In vivo").click();
    harness.run();
    let name: String = text.chars().skip(from).take(end - from).collect::<String>();
    let name = name.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let project = harness.state().project().unwrap();
    let code = project.code_at(&name).unwrap_or_else(|e| panic!("no code “{name}”: {e}"));
    let coding = new_coding(&before, &codings(&harness));
    assert_eq!(coding.code_id, code);
    assert_eq!(project.undo_label(), Some(format!("Code selection as new code “{name}”").as_str()));
    harness.get_by_label(&name);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let project = harness.state().project().unwrap();
    assert!(project.code_at(&name).is_err(), "one undo removes the code and its coding");
    assert_eq!(codings(&harness).len(), before.len());
}

#[test]
fn code_as_new_asks_for_name_and_colour_then_codes_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = codings(&harness);
    let (from, to) = passage(&harness);
    let span = drag_select(&mut harness, from, to);
    harness.get_by_label("Code as new…").click();
    harness.run();
    harness.get_by_label("New code for the selection");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").focus();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").type_text("Hope");
    harness.run();
    harness.get_by_label("Create").click();
    harness.run();
    let coding = new_coding(&before, &codings(&harness));
    assert_eq!((coding.span, coding.code_id), (span, harness.state().project().unwrap().code_at("Hope").unwrap()));
}

#[test]
fn the_highlight_menu_changes_a_codings_code_and_resizes_it_to_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let all = codings(&harness);
    let view = harness.state().document().unwrap();
    let under = |ch: usize| all.iter().filter(move |o| o.span.start <= ch && ch < o.span.end);
    let ch = all.iter().map(|c| c.span.start + 1).find(|ch| view.char_screen_rect(*ch).is_some()).expect("a coded char in view");
    let coding = under(ch).next().unwrap().clone();
    let project = harness.state().project().unwrap();
    let book = project.codebook().unwrap();
    let name = book.path(coding.code_id).unwrap().to_string();
    // The menu names whose coding it is when two coders used the same code here.
    let label = match under(ch).filter(|c| c.code_id == coding.code_id).count() {
        1 => name.clone(),
        _ => format!("{name} by {}", coder_name(&harness, &coding)),
    };
    // A sub-code: the menu names it by its path, which the codebook does not show.
    let other = book.walk().into_iter().map(|(_, c)| c.id).find(|id| is_sub_code(&book, *id) && under(ch).all(|c| c.code_id != *id)).unwrap();
    let other_name = book.path(other).unwrap().to_string();
    let pos = point_at(&harness, ch);
    harness.hover_at(pos);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: true, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: false, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.run();
    harness.get_by_label(&format!("Change code of {label}")).click();
    harness.run();
    harness.get_by_label(&other_name).click();
    harness.run();
    let recoded = codings(&harness).into_iter().find(|c| c.id == coding.id).unwrap();
    assert_eq!(recoded.code_id, other);
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Recode 1 codings"));

    // Select a longer extent and resize the coding to it.
    let wider = TextSpan::new(coding.span.start, coding.span.end + 12).unwrap();
    harness.state_mut().document_mut().unwrap().set_selection(Some(wider));
    harness.run();
    let pos = point_at(&harness, ch);
    harness.hover_at(pos);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: true, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.event_modifiers(Event::PointerButton { pos, button: PointerButton::Secondary, pressed: false, modifiers: Modifiers::NONE }, Modifiers::NONE);
    harness.run();
    let label = match under(ch).filter(|c| c.code_id == other).count() {
        0 => other_name.clone(),
        _ => format!("{other_name} by {}", coder_name(&harness, &coding)),
    };
    harness.get_by_label(&format!("Resize coding of {label} to the selection")).click();
    harness.run();
    let resized = codings(&harness).into_iter().find(|c| c.id == coding.id).unwrap();
    assert_eq!(resized.span, wider);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(codings(&harness).into_iter().find(|c| c.id == coding.id).unwrap().span, coding.span);
}

#[test]
fn coding_keeps_the_reading_position_and_layout() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let id = harness.state().project().unwrap().source_named("Focus group 1 (multi-stakeholder)").unwrap().id;
    harness.state_mut().push_command(UiCommand::SelectSource(id));
    harness.run();
    let p = paragraphs(&harness);
    let target = p[p.len() * 2 / 3].start;
    harness.state_mut().document_mut().unwrap().scroll_to_char(target);
    harness.run_steps(12);
    let before = harness.state().document().unwrap().char_screen_rect(target).expect("in view");
    harness.state_mut().document_mut().unwrap().set_selection(Some(TextSpan::new(target, target + 20).unwrap()));
    harness.run();
    code_selection_with(&mut harness, target + 3, "Ruptures/Withdrawal");
    let after = harness.state().document().unwrap().char_screen_rect(target).expect("still in view");
    assert!((after.top() - before.top()).abs() < 1.0, "{before:?} → {after:?}");
}

fn is_sub_code(book: &thicket_core::model::Codebook, id: thicket_core::model::CodeId) -> bool {
    book.get(id).is_some_and(|c| c.parent_id.is_some())
}

#[test]
fn merging_two_codes_from_the_codebook_moves_the_codings_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let project = harness.state().project().unwrap();
    let from = project.code_at("Ruptures/Confrontation").unwrap();
    let into = project.code_at("Ruptures/Withdrawal").unwrap();
    let counts = project.coding_counts().unwrap();
    let (moved, kept) = (counts[&from], counts[&into]);
    let total = project.coding_count().unwrap();
    harness.get_by_label("Confrontation").click_secondary();
    harness.run();
    harness.get_by_label("Merge into").click();
    harness.run();
    harness.get_by_label("Ruptures/Withdrawal").click();
    harness.run();
    let project = harness.state().project().unwrap();
    assert!(project.code_at("Ruptures/Confrontation").is_err(), "the merged code is gone");
    // Codings the two codes shared on the same span by the same coder become one.
    let merged = project.coding_counts().unwrap()[&into];
    assert!(merged > kept && merged <= kept + moved, "{kept} + {moved} → {merged}");
    assert_eq!(project.coding_count().unwrap(), total - (kept + moved - merged));
    assert!(harness.query_by_label("Confrontation").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.coding_counts().unwrap()[&project.code_at("Ruptures/Confrontation").unwrap()], moved);
    assert_eq!(project.coding_count().unwrap(), total);
    harness.get_by_label("Confrontation");
}

#[test]
fn dragging_a_code_onto_another_moves_it_under_that_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let onto = harness.get_by_label("Ruptures").rect().center();
    drag_code(&mut harness, "Mistrust", onto);
    let project = harness.state().project().unwrap();
    assert!(project.code_at("Ruptures/Mistrust").is_ok(), "moved under Ruptures");
    assert!(project.code_at("Tensions/Mistrust").is_err());
}

/// Drags the code labelled `from` to `to` (a point) in the codebook.
fn drag_code(harness: &mut Harness<'static, ThicketApp>, from: &str, to: Pos2) {
    let start = harness.get_by_label(from).rect().center();
    drag(harness, start, to);
}

#[test]
fn dropping_a_code_on_the_edge_of_another_reorders_the_codebook() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let children = |harness: &Harness<'static, ThicketApp>, parent: &str| {
        let project = harness.state().project().unwrap();
        let book = project.codebook().unwrap();
        let id = project.code_at(parent).unwrap();
        book.children(Some(id)).iter().map(|c| book.get(*c).unwrap().name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(children(&harness, "Ruptures"), ["Withdrawal", "Confrontation"]);
    // The upper edge of "Withdrawal": before it.
    let top = harness.get_by_label("Withdrawal").rect();
    drag_code(&mut harness, "Confrontation", Pos2::new(top.center().x, top.top() + 1.0));
    assert_eq!(children(&harness, "Ruptures"), ["Confrontation", "Withdrawal"]);
    // The lower edge of "Confrontation", from another parent: after it, under Ruptures.
    let row = harness.get_by_label("Confrontation").rect();
    drag_code(&mut harness, "Mistrust", Pos2::new(row.center().x, row.bottom() - 1.0));
    assert_eq!(children(&harness, "Ruptures"), ["Confrontation", "Mistrust", "Withdrawal"]);
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Move “Mistrust”"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(children(&harness, "Ruptures"), ["Confrontation", "Withdrawal"]);
    assert!(children(&harness, "Tensions").contains(&"Mistrust".to_string()));
}
