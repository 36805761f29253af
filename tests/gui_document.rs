//! The document view inside the real window, driven headlessly through egui_kittest: selecting
//! by dragging across paragraphs, extending with shift and the keyboard, copying, jumping to a far
//! offset, hovering a highlight, and removing a coding from its context menu.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::TextSpan;
use thicket_gui::{ThicketApp, UiCommand};

mod common;
use common::gui::{drag, open_source, paragraphs, point_at, sample_harness};

fn press(harness: &Harness<'static, ThicketApp>, pos: Pos2, button: PointerButton, pressed: bool, modifiers: Modifiers) {
    harness.event_modifiers(Event::PointerButton { pos, button, pressed, modifiers }, modifiers);
}

fn selection(harness: &Harness<'static, ThicketApp>) -> Option<TextSpan> {
    harness.state().document().unwrap().selection()
}

#[test]
fn dragging_across_paragraphs_selects_and_copies_the_text_between() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let p = paragraphs(&harness);
    let (from, to) = (p[1].start, p[3].start);
    let (a, b) = (point_at(&harness, from), point_at(&harness, to));
    drag(&mut harness, a, b);
    assert_eq!(selection(&harness), Some(TextSpan { start: from, end: to }));
    let view = harness.state().document().unwrap();
    let expected: String = view.text().chars().skip(from).take(to - from).collect();
    assert_eq!(view.selected_text(), Some(expected.as_str()));
    assert!(expected.contains("\n\n"), "the selection spans paragraphs");

    harness.event(Event::Copy);
    harness.step();
    let copied = harness.output().platform_output.commands.iter().any(|c| matches!(c, egui::OutputCommand::CopyText(t) if *t == expected));
    assert!(copied, "{:?}", harness.output().platform_output.commands);
}

#[test]
fn shift_click_and_keys_extend_then_clear_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let p = paragraphs(&harness);
    let start = p[1].start + 4;
    let end = p[2].start + 6;
    let a = point_at(&harness, start);
    harness.hover_at(a);
    press(&harness, a, PointerButton::Primary, true, Modifiers::NONE);
    press(&harness, a, PointerButton::Primary, false, Modifiers::NONE);
    harness.run();
    assert_eq!(selection(&harness), None, "a click only places the caret");
    let b = point_at(&harness, end);
    harness.hover_at(b);
    press(&harness, b, PointerButton::Primary, true, Modifiers::SHIFT);
    press(&harness, b, PointerButton::Primary, false, Modifiers::NONE);
    harness.run();
    assert_eq!(selection(&harness), Some(TextSpan { start, end }));

    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_eq!(selection(&harness), Some(TextSpan { start, end: end + 1 }));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    harness.run();
    assert!(selection(&harness).unwrap().end > end + 1);

    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(selection(&harness), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    let len = harness.state().document().unwrap().text().chars().count();
    assert_eq!(selection(&harness), Some(TextSpan { start: 0, end: len }));
}

#[test]
fn scrolling_to_a_far_offset_brings_its_text_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let p = paragraphs(&harness);
    let last = p.last().unwrap().clone();
    let text: String = harness.state().document().unwrap().text().chars().skip(last.start).take(last.len()).collect();
    assert!(harness.query_by_label_contains(&text).is_none(), "the end is not in view at first");

    harness.state_mut().document_mut().unwrap().scroll_to_char(last.start);
    harness.run_steps(12);
    let node = harness.get_by_label_contains(&text);
    let bounds = node.rect();
    assert!(bounds.top() >= 0.0 && bounds.top() < 1000.0, "{bounds:?}");
    assert!(!harness.state().document().unwrap().is_scrolling());
    assert!(harness.state().document().unwrap().char_screen_rect(last.start).is_some());
    // The first paragraph is off screen now.
    let first: String = harness.state().document().unwrap().text().chars().skip(p[0].start).take(p[0].len()).collect();
    assert!(harness.query_by_label_contains(&first).is_none());
}

#[test]
fn hovering_a_highlight_names_its_codes_and_their_coders() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let id = harness.state().document().unwrap().source.id;
    let project = harness.state().project().unwrap();
    let codings = project.codings_in(id).unwrap();
    let book = project.codebook().unwrap();
    harness.get_by_label_contains(&format!("words · {} codings", codings.len()));
    let view = harness.state().document().unwrap();
    let coding = codings.iter().find(|c| view.char_screen_rect(c.span.start + 1).is_some()).expect("a coding in view");
    let name = book.path(coding.code_id).unwrap().to_string();
    // Each code with who coded it there.
    let ch = coding.span.start + 1;
    let coders = project.coders().unwrap();
    let mut who: Vec<String> = codings
        .iter()
        .filter(|c| c.code_id == coding.code_id && c.span.start <= ch && ch < c.span.end)
        .map(|c| coders.iter().find(|k| k.id == c.coder_id).unwrap().name.clone())
        .collect();
    who.sort();
    who.dedup();
    let line = format!("{name} — {}", who.join(", "));
    assert!(harness.query_by_label(&line).is_none());

    let pos = point_at(&harness, ch);
    harness.hover_at(pos);
    harness.run_steps(4);
    assert!(harness.state().document().unwrap().hovered_codes().contains(&coding.code_id));
    harness.get_by_label(&line);
}

#[test]
fn a_highlights_context_menu_removes_one_of_its_codings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let id = harness.state().document().unwrap().source.id;
    let codings = harness.state().project().unwrap().codings_in(id).unwrap();
    let view = harness.state().document().unwrap();
    let ch = codings.iter().map(|c| c.span.start + 1).find(|&ch| view.char_screen_rect(ch).is_some()).expect("a coded char in view");
    let under: Vec<_> = codings.iter().filter(|c| c.span.start <= ch && ch < c.span.end).map(|c| c.id).collect();
    let pos = point_at(&harness, ch);
    harness.hover_at(pos);
    press(&harness, pos, PointerButton::Secondary, true, Modifiers::NONE);
    press(&harness, pos, PointerButton::Secondary, false, Modifiers::NONE);
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Remove coding of").count(), under.len(), "one item per coding under the pointer");
    harness.get_all_by_label_contains("Remove coding of").next().unwrap().click();
    harness.run();
    let after: Vec<_> = harness.state().project().unwrap().codings_in(id).unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(after.len(), codings.len() - 1);
    assert_eq!(under.iter().filter(|id| !after.contains(id)).count(), 1, "the removed coding was under the pointer");
    harness.get_by_label_contains(&format!("words · {} codings", after.len()));
}

#[test]
fn clicking_a_coding_stripe_selects_that_coding() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let id = harness.state().document().unwrap().source.id;
    let codings = harness.state().project().unwrap().codings_in(id).unwrap();
    let view = harness.state().document().unwrap();
    let (coding, rect) = codings.iter().find_map(|c| view.stripe_screen_rect(c.id).map(|r| (c.clone(), r))).expect("a stripe in view");
    assert!(rect.width() >= 2.0 && rect.height() >= 2.0, "{rect:?}");
    harness.hover_at(rect.center());
    harness.run_steps(4);
    assert_eq!(harness.state().document().unwrap().hovered_codes(), [coding.code_id]);
    press(&harness, rect.center(), PointerButton::Primary, true, Modifiers::NONE);
    press(&harness, rect.center(), PointerButton::Primary, false, Modifiers::NONE);
    harness.run();
    assert_eq!(selection(&harness), Some(coding.span));
}

#[test]
fn the_reading_position_survives_reopening_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let p = paragraphs(&harness);
    let target = p[p.len() * 2 / 3].start;
    harness.state_mut().document_mut().unwrap().scroll_to_char(target);
    harness.run_steps(12);
    let before = harness.state().document().unwrap().char_screen_rect(target).expect("in view");
    // The app rebuilds the view after every action; here, by opening the same source again.
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let after = harness.state().document().unwrap().char_screen_rect(target).expect("still in view");
    assert!((after.top() - before.top()).abs() < 1.0, "{before:?} → {after:?}");
}

#[test]
fn resizing_the_window_keeps_the_text_being_read_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_source(&mut harness, "Focus group 1 (multi-stakeholder)");
    let p = paragraphs(&harness);
    let target = p[p.len() / 2].start;
    harness.state_mut().document_mut().unwrap().scroll_to_char(target);
    harness.run_steps(12);
    assert!(harness.state().document().unwrap().char_screen_rect(target).is_some());
    for width in [1150.0, 1700.0, 1400.0] {
        harness.set_size(egui::vec2(width, 1000.0));
        harness.run();
        assert!(harness.state().document().unwrap().char_screen_rect(target).is_some(), "lost the text at width {width}");
    }
}

/// Scroll positions were kept per source id, and ids repeat across projects: a source of the
/// next project opened at the scroll position of the previous project's source with its id.
#[test]
fn a_source_of_another_project_opens_at_the_top_not_where_the_last_project_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let name = "Harlow – case file excerpt";
    open_source(&mut harness, name);
    let end = harness.state().document().unwrap().text().chars().count() - 1;
    harness.state_mut().document_mut().unwrap().scroll_to_char(end);
    for _ in 0..10 {
        harness.run();
    }
    assert!(harness.state().document().unwrap().char_screen_rect(0).is_none(), "scrolled away from the top");
    let second = dir.path().join("second.thicket");
    thicket_core::sample::write_sample(&second).unwrap().close().unwrap();
    harness.state_mut().push_command(UiCommand::OpenProject(second));
    harness.run();
    open_source(&mut harness, name);
    for _ in 0..5 {
        harness.run();
    }
    assert!(harness.state().document().unwrap().char_screen_rect(0).is_some(), "the new project's source opens at its top");
}
