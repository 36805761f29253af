//! Coding without a pointer: a whole session by keyboard alone, asserting what the user sees.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_core::model::{Coding, TextSpan};
use thicket_gui::ThicketApp;

use common::gui::*;

fn codings(harness: &Harness<'static, ThicketApp>) -> Vec<Coding> {
    let doc = harness.state().document().unwrap();
    harness.state().project().unwrap().codings_in(doc.source.id).unwrap()
}

fn selection(harness: &Harness<'static, ThicketApp>) -> Option<TextSpan> {
    harness.state().document().unwrap().selection()
}

fn press(harness: &mut Harness<'static, ThicketApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The first sentence of paragraph `i` of the open document, as thicket-core splits sentences.
fn first_sentence(harness: &Harness<'static, ThicketApp>, i: usize) -> TextSpan {
    let p = paragraphs(harness)[i].clone();
    let text: String = harness.state().document().unwrap().text().chars().skip(p.start).take(p.len()).collect();
    let s = thicket_core::text::sentences(&text)[0].clone();
    TextSpan { start: p.start + s.start, end: p.start + s.end }
}

#[test]
fn a_whole_coding_session_by_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let p = paragraphs(&harness);

    // The open source has the keyboard: Alt+P selects the first paragraph, Right collapses to
    // its end, Right again steps into the second paragraph, Alt+S selects its first sentence.
    press(&mut harness, Modifiers::ALT, Key::P);
    assert_eq!(selection(&harness), Some(TextSpan { start: p[0].start, end: p[0].end }));
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selection(&harness), None);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    press(&mut harness, Modifiers::ALT, Key::S);
    let sentence = first_sentence(&harness, 1);
    assert_eq!(selection(&harness), Some(sentence));

    // Ctrl+Shift+Left takes the last word back off the selection, Ctrl+Shift+Right puts it back.
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::ArrowLeft);
    let shorter = selection(&harness).unwrap();
    assert!(shorter.start == sentence.start && shorter.end < sentence.end && shorter.end > sentence.start, "{shorter:?}");
    press(&mut harness, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::ArrowRight);
    let longer = selection(&harness).unwrap();
    assert!(longer.end >= sentence.end, "{longer:?} {sentence:?}");
    press(&mut harness, Modifiers::ALT, Key::S);
    assert_eq!(selection(&harness).map(|s| s.start), Some(sentence.start));
    let chosen = selection(&harness).unwrap();

    // Typing goes to the code bar's filter; Enter codes the selection with the first match.
    let before = codings(&harness);
    harness.event(Event::Text("Withdrawal".into()));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let after = codings(&harness);
    let added: Vec<&Coding> = after.iter().filter(|c| !before.iter().any(|b| b.id == c.id)).collect();
    assert_eq!(added.len(), 1, "one new coding");
    let coding = added[0].clone();
    let withdrawal = harness.state().project().unwrap().code_at("Ruptures/Withdrawal").unwrap();
    assert_eq!((coding.span, coding.code_id), (chosen, withdrawal));

    // Left puts the caret at the passage's start; F8 steps to the first coding from there, and
    // the stripe says which it is, in words.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(selection(&harness), None);
    let mut guard = 0;
    loop {
        press(&mut harness, Modifiers::NONE, Key::F8);
        if selection(&harness) == Some(coding.span) && harness.query_all_by_label_contains("Ruptures/Withdrawal, coded by").next().is_some() {
            break;
        }
        guard += 1;
        assert!(guard < 10, "F8 never reached the new coding; selection {:?}", selection(&harness));
    }
    // Written beside the stripe (a label the user sees), and the stripe's own name for screen readers.
    let name = format!("Ruptures/Withdrawal, coded by {}, paragraph 2", harness.state().coder());
    harness.get_by_role_and_label(egui::accesskit::Role::Label, &name);
    harness.get_by_role_and_label(egui::accesskit::Role::Button, &name);
    // Shift+F8 steps back to an earlier coding (or stays when there is none), F8 forward again.
    press(&mut harness, Modifiers::SHIFT, Key::F8);
    let back = selection(&harness).unwrap();
    if back != coding.span {
        assert!(back.start <= coding.span.start, "Shift+F8 went forward to {back:?}");
        press(&mut harness, Modifiers::NONE, Key::F8);
    }
    assert_eq!(selection(&harness), Some(coding.span));

    // Shift+F10 opens the coding's context menu; removing the coding takes it out of the project.
    press(&mut harness, Modifiers::SHIFT, Key::F10);
    let remove = harness.get_by_label_contains("Remove coding of Ruptures/Withdrawal");
    remove.click_accesskit();
    harness.run();
    assert!(!codings(&harness).iter().any(|c| c.id == coding.id), "the coding is gone");
}

#[test]
fn the_menu_key_opens_the_context_menu_at_the_caret() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    press(&mut harness, Modifiers::ALT, Key::P);
    press(&mut harness, Modifiers::NONE, Key::Menu);
    harness.get_by_label("Code selection with…");
}

#[test]
fn ctrl_l_reaches_the_sources_and_enter_opens_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let open = harness.state().document().unwrap().source.id;
    let target = harness.state().project().unwrap().sources().unwrap().into_iter().find(|s| s.id != open).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::L);
    harness.event(Event::Text(target.name.clone()));
    harness.run();
    // Tab on from the filter to the first source listed under it.
    let mut tabs = 0;
    while harness.query_by(|n| n.is_focused() && n.label().as_deref() == Some(target.name.as_str())).is_none() {
        press(&mut harness, Modifiers::NONE, Key::Tab);
        tabs += 1;
        assert!(tabs < 8, "Tab never reached {:?}", target.name);
    }
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().document().unwrap().source.id, target.id, "Enter opened the source");
    // The document has the keyboard at once: Alt+P selects its first paragraph.
    press(&mut harness, Modifiers::ALT, Key::P);
    let p = paragraphs(&harness);
    assert_eq!(selection(&harness), Some(TextSpan { start: p[0].start, end: p[0].end }));
}
