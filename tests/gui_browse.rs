//! Browsing codes without coding by accident, and the explicit ways to code, in the real window
//! driven headlessly through egui_kittest: a click on a code lists its segments whatever is
//! selected; a jump to a segment or a search hit leaves no selection behind; the text's context
//! menu and the code bar by the selection code it.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::{Coding, TextSpan};
use thicket_core::project::SegmentFilter;
use thicket_gui::{ThicketApp, UiCommand};

mod common;
use common::gui::{code_selection_with, drag, open_source, paragraphs, point_at, sample_harness};

/// Every coding in the project.
fn all_codings(harness: &Harness<'static, ThicketApp>) -> Vec<Coding> {
    harness.state().project().unwrap().all_codings().unwrap()
}

/// The coding that `before` lacked.
fn new_coding(before: &[Coding], after: &[Coding]) -> Coding {
    let mut added = after.iter().filter(|c| !before.iter().any(|b| b.id == c.id));
    let coding = added.next().expect("a new coding").clone();
    assert!(added.next().is_none(), "exactly one new coding");
    coding
}

/// Selects about forty chars at the start of paragraph `n` by dragging across them; returns the span.
fn select_passage(harness: &mut Harness<'static, ThicketApp>, n: usize) -> TextSpan {
    let p = paragraphs(harness);
    let text: Vec<char> = harness.state().document().unwrap().text().chars().collect();
    // End on a letter: blanks at either end of a selection are not coded.
    let mut end = p[n].start + 40;
    while text[end - 1].is_whitespace() {
        end -= 1;
    }
    let (a, b) = (point_at(harness, p[n].start), point_at(harness, end));
    drag(harness, a, b);
    let span = harness.state().document().unwrap().selection().expect("a selection");
    assert_eq!(span, TextSpan::new(p[n].start, end).unwrap());
    span
}

fn segment_count(harness: &Harness<'static, ThicketApp>, path: &str) -> usize {
    let filter = SegmentFilter { codes: vec![path.into()], ..Default::default() };
    harness.state().project().unwrap().segments(&filter).unwrap().len()
}

fn code_at(harness: &Harness<'static, ThicketApp>, path: &str) -> thicket_core::model::CodeId {
    harness.state().project().unwrap().code_at(path).unwrap()
}

/// Puts the code labelled `name` in the codebook on quick key `key` (1–9).
fn assign_quick_key(harness: &mut Harness<'static, ThicketApp>, name: &str, key: &str) {
    harness.get_by_label(name).click_secondary();
    harness.run();
    harness.get_by_label("Quick key").click();
    harness.run();
    harness.get_by_label(key).click();
    harness.run();
}

/// The code bar's filter field, if the bar is shown.
fn code_bar_field(harness: &Harness<'static, ThicketApp>) -> Option<egui::Rect> {
    harness.query_by_role_and_label(Role::TextInput, "Code with").map(|n| n.rect())
}

#[test]
fn clicking_a_code_with_text_selected_codes_nothing_and_lists_its_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = all_codings(&harness);
    let span = select_passage(&mut harness, 1);
    harness.get_by_label("Withdrawal").click();
    harness.run();
    assert_eq!(all_codings(&harness).len(), before.len(), "a click on a code does not code");
    harness.get_by_label(&format!("{} segments", segment_count(&harness, "Ruptures/Withdrawal")));
    assert_eq!(harness.state().document().unwrap().selection(), Some(span), "the selection is left alone");
}

#[test]
fn after_a_jump_to_a_segment_a_code_click_and_a_quick_key_code_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    assign_quick_key(&mut harness, "Withdrawal", "3");
    let filter = SegmentFilter { codes: vec!["Tensions/Mistrust".into()], ..Default::default() };
    let segment = harness.state().project().unwrap().segments(&filter).unwrap().into_iter().last().unwrap();
    let span = TextSpan::new(segment.start, segment.end).unwrap();
    let before = all_codings(&harness);
    harness.state_mut().push_command(UiCommand::ShowSpan(segment.source_id, span));
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.source.id, segment.source_id);
    assert!(doc.char_screen_rect(span.start).is_some(), "the segment is in view");
    assert_eq!(doc.selection(), None, "a jump leaves no selection to code");
    assert_eq!(doc.landed(), Some(span), "it outlines where it landed");

    harness.get_by_label("Withdrawal").click();
    harness.run();
    harness.key_press(Key::Num3);
    harness.run();
    assert_eq!(all_codings(&harness).len(), before.len(), "neither the click nor the quick key coded anything");
}

#[test]
fn after_a_find_bar_hit_a_code_click_codes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let before = all_codings(&harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("Between");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("2 of 3");
    let (hits, current) = harness.state().document().unwrap().search_hits();
    let hit = hits[current.unwrap()];
    assert_eq!(harness.state().document().unwrap().selection(), None, "the hit is marked, not selected");
    assert_eq!(harness.state().document().unwrap().landed(), Some(hit));
    harness.get_by_label("Withdrawal").click();
    harness.run();
    assert_eq!(all_codings(&harness).len(), before.len(), "a click on a code after a search does not code");
}

#[test]
fn code_selection_with_in_the_context_menu_codes_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = all_codings(&harness);
    let span = select_passage(&mut harness, 1);
    code_selection_with(&mut harness, span.start + 3, "Tensions/Mistrust");
    let coding = new_coding(&before, &all_codings(&harness));
    assert_eq!((coding.span, coding.code_id), (span, code_at(&harness, "Tensions/Mistrust")));
    assert_eq!(harness.state().project().unwrap().undo_label(), Some("Apply code"));
}

#[test]
fn the_code_bar_codes_the_selection_with_a_code_typed_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let before = all_codings(&harness);
    assert!(code_bar_field(&harness).is_none(), "no bar without a selection");
    let p = paragraphs(&harness);
    let (from, to) = (point_at(&harness, p[1].start), point_at(&harness, p[1].start + 30));

    // Not while the button is still held.
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run_steps(2);
    harness.hover_at(to);
    harness.run_steps(2);
    assert!(harness.state().document().unwrap().selection().is_some());
    assert!(code_bar_field(&harness).is_none(), "no bar while selecting");
    harness.drop_at(to);
    harness.run();
    let span = harness.state().document().unwrap().selection().unwrap();
    let bar = code_bar_field(&harness).expect("the bar by the settled selection");
    let doc = harness.state().document().unwrap();
    let end = doc.char_screen_rect(span.end).unwrap();
    assert!(bar.top() > end.bottom(), "below the selection's last row: {bar:?} vs {end:?}");
    assert!(doc.text_clip_rect().unwrap().contains_rect(bar), "inside the document area");

    // Typing goes to the bar (the text has the keyboard), Enter codes.
    harness.event(Event::Text("mistr".into()));
    harness.run();
    harness.get_by_label("Tensions/Mistrust");
    harness.key_press(Key::Enter);
    harness.run();
    let coding = new_coding(&before, &all_codings(&harness));
    assert_eq!((coding.span, coding.code_id), (span, code_at(&harness, "Tensions/Mistrust")));

    // Escape closes the bar and keeps the selection.
    harness.event(Event::Text("w".into()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(code_bar_field(&harness).is_none());
    assert_eq!(harness.state().document().unwrap().selection(), Some(span));
    assert_eq!(all_codings(&harness).len(), before.len() + 1);
}

#[test]
fn the_code_bar_lists_recently_used_codes_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let span = select_passage(&mut harness, 1);
    code_selection_with(&mut harness, span.start + 3, "Ruptures/Withdrawal");
    code_selection_with(&mut harness, span.start + 3, "Tensions/Mistrust");
    let before = all_codings(&harness);

    let other = select_passage(&mut harness, 2);
    let y = |harness: &Harness<'static, ThicketApp>, label: &str| harness.get_by_label(label).rect().center().y;
    let field = code_bar_field(&harness).expect("the bar");
    let (last, first) = (y(&harness, "Tensions/Mistrust"), y(&harness, "Ruptures/Withdrawal"));
    assert!(field.center().y < last && last < first, "the last code used comes first");

    // Down moves to the one before it; Enter codes with it.
    harness.get_by_role_and_label(Role::TextInput, "Code with").focus();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let coding = new_coding(&before, &all_codings(&harness));
    assert_eq!((coding.span, coding.code_id), (other, code_at(&harness, "Ruptures/Withdrawal")));
    // Now it is the most recent.
    assert!(y(&harness, "Ruptures/Withdrawal") < y(&harness, "Tensions/Mistrust"));
}
