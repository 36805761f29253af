//! The Reconciliation tab in the real window, driven through egui_kittest on the sample study
//! (Amara and Jonas, who mostly agree): open the queue, resolve an item with Keep A and a note
//! (through the window's write path, one undoable action), watch the progress move and the
//! consensus coder get the coding, undo with Ctrl+Z; and open the queue on one code from outside.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use thicket_core::analysis::QueueOrder;
use thicket_core::model::*;
use thicket_core::project::{Project, ReconcileScope};
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{ThicketApp, UiCommand};

use common::gui::sample_harness_sized;

fn scope(p: &Project) -> ReconcileScope {
    ReconcileScope { coders: p.coders_named(&["Amara".into(), "Jonas".into()]).unwrap(), master: "consensus".into(), ..Default::default() }
}

/// The consensus coder's codings (code, span) in the window's project.
fn consensus(harness: &Harness<'static, ThicketApp>) -> Vec<(CodeId, TextSpan)> {
    let p = harness.state().project().unwrap();
    let Some(m) = p.coders().unwrap().into_iter().find(|c| c.name == "consensus") else { return Vec::new() };
    p.all_codings().unwrap().into_iter().filter(|c| c.coder_id == m.id).map(|c| (c.code_id, c.span)).collect()
}

#[test]
fn keep_a_with_a_note_resolves_an_item_writes_the_consensus_and_undo_unresolves_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1500.0, 1000.0));
    let (total, first, row) = {
        let p = harness.state().project().unwrap();
        let q = p.reconcile_queue(&scope(p), QueueOrder::Text).unwrap();
        let first = q.items[0].item.clone();
        let source = p.source(first.id.source).unwrap().unwrap().name;
        let code = p.codebook().unwrap().path(first.id.code).unwrap().to_string();
        (q.items.len(), first.clone(), format!("{source} · {code} · {}", first.kind.describe()))
    };
    // From the keyboard (the same command as the Analysis menu and the palette).
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::U);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Reconcile));
    harness.get_by_label(&format!("0 of {total} resolved"));
    harness.get_by_label_contains("Agreement before, Amara with Jonas:");
    // The first item is selected: its number, and both coders' spans.
    harness.get_by_label(&format!("Item 1 of {total}"));
    let a_spans = first.spans[0].iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ");
    harness.get_by_label(&format!("A (Amara): {a_spans}"));
    harness.get_by_label_contains("B (Jonas): ");
    harness.get_by_label_contains("Not resolved yet");

    let note = harness.get_by_role_and_label(Role::MultilineTextInput, "Note");
    note.focus();
    note.type_text("Amara's start fits the definition");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Keep A").click();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    harness.get_by_label(&format!("1 of {total} resolved"));
    let expected: Vec<(CodeId, TextSpan)> = first.spans[0].iter().map(|s| (first.id.code, *s)).collect();
    assert_eq!(consensus(&harness), expected);
    {
        let p = harness.state().project().unwrap();
        let q = p.reconcile_queue(&scope(p), QueueOrder::Text).unwrap();
        let d = q.get(first.id).unwrap().decision.clone().unwrap();
        assert_eq!((d.choice, d.note.as_str()), (Choice::KeepA, "Amara's start fits the definition"));
        assert_eq!(d.decided_by, thicket_core::project::default_coder());
        assert_eq!(p.undo_label(), Some("Reconcile: keep-a"));
    }
    // The queue moved on to the next item; the first shows as resolved in the list, and when
    // chosen again its decision and note are shown.
    harness.get_by_label(&format!("Item 2 of {total}"));
    harness.get_by_label(&format!("1. [resolved] {row}")).click();
    harness.run();
    harness.get_by_label_contains("Resolved: keep a, by");
    harness.get_by_label_contains("Amara's start fits the definition");
    harness.get_by_label_contains("after, Amara with consensus:");

    // Ctrl+Z (the note field has no focus now): un-resolved, the consensus coding gone.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label(&format!("0 of {total} resolved"));
    assert_eq!(consensus(&harness), Vec::new());
    harness.get_by_label(&format!("1. [open] {row}"));
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
}

#[test]
fn another_view_opens_the_queue_on_one_code() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1500.0, 1000.0));
    let (code, n) = {
        let p = harness.state().project().unwrap();
        let code = p.code_at("Repair/Honesty").unwrap();
        let mut s = scope(p);
        s.codes = vec![code];
        (code, p.reconcile_queue(&s, QueueOrder::Text).unwrap().items.len())
    };
    assert!(n > 0);
    harness.state_mut().push_command(UiCommand::ShowDisagreements { codes: vec![code], coders: Vec::new() });
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Reconcile));
    harness.get_by_label(&format!("0 of {n} resolved"));
    let rows: Vec<String> = harness.query_all_by_label_contains("[open]").filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(rows.len(), n, "{rows:?}");
    assert!(rows.iter().all(|r| r.contains(" · Repair/Honesty · ")), "{rows:?}");
}

#[test]
fn the_agreed_codings_go_to_the_master_in_one_click_and_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness_sized(dir.path(), egui::vec2(1500.0, 1000.0));
    let agreed = {
        let p = harness.state().project().unwrap();
        p.reconcile_agreed(&scope(p)).unwrap()
    };
    harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Reconcile));
    harness.run();
    harness.get_by_label(&format!("Copy {} agreed codings to consensus", agreed.len())).click();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    let mut got = consensus(&harness);
    got.sort();
    let mut want: Vec<(CodeId, TextSpan)> = agreed.iter().map(|(_, c, s)| (*c, *s)).collect();
    want.sort();
    assert_eq!(got, want);
    // Nothing left to copy: the button is gone; the agreement after is shown.
    assert!(harness.query_by_label_contains("agreed codings to consensus").is_none());
    harness.get_by_label_contains("after, Jonas with consensus:");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(consensus(&harness), Vec::new());
    harness.get_by_label(&format!("Copy {} agreed codings to consensus", agreed.len()));
}

/// At 1024×700 the two coders' excerpts were side by side in columns a few words wide (found
/// by looking at the window): now they stand one above the other there, and side by side only
/// where both get a readable line.
#[test]
fn the_two_excerpts_stack_on_a_laptop_and_stand_side_by_side_on_a_big_screen() {
    for (size, stacked) in [(egui::vec2(1024.0, 700.0), true), (egui::vec2(1800.0, 1000.0), false)] {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = sample_harness_sized(dir.path(), size);
        harness.state_mut().push_command(UiCommand::OpenAnalysis(AnalysisKind::Reconcile));
        harness.run();
        let a = harness.get_by_label_contains("A (Amara): ").rect();
        let b = harness.get_by_label_contains("B (Jonas): ").rect();
        if stacked {
            assert!(b.top() > a.bottom(), "at {size:?} B's excerpt ({b:?}) should be below A's ({a:?})");
        } else {
            assert!(b.left() > a.right() && (b.top() - a.top()).abs() < 1.0, "at {size:?} B ({b:?}) should be beside A ({a:?})");
        }
    }
}
