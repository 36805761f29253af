//! What a screen reader is told: the document's paragraphs and coding stripes have roles and
//! names in the accessibility tree; the high-contrast theme is offered and remembered.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use common::gui::*;

#[test]
fn paragraphs_are_text_nodes_with_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let harness = sample_harness(dir.path());
    let p = paragraphs(&harness);
    let first: String = harness.state().document().unwrap().text().chars().skip(p[0].start).take(p[0].len()).collect();
    let node = harness.get_by(|n| n.role() == Role::Label && n.label().is_some_and(|l| l.starts_with("Paragraph 1:") || l.starts_with("Paragraph 1,")));
    let label = node.accesskit_node().label().unwrap();
    assert!(label.ends_with(first.as_str()), "{label:?} should end with the paragraph's text {first:?}");
    assert_eq!(node.accesskit_node().value().as_deref(), Some(first.as_str()));
}

#[test]
fn coding_stripes_are_named_by_code_coder_and_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let harness = sample_harness(dir.path());
    let stripes = harness.get_all_by_role(Role::Button).filter_map(|n| n.accesskit_node().label()).filter(|l| l.contains(", coded by ")).collect::<Vec<_>>();
    assert!(!stripes.is_empty(), "the sample's first source has codings on screen");
    let project = harness.state().project().unwrap();
    let doc = harness.state().document().unwrap();
    let codings = project.codings_in(doc.source.id).unwrap();
    let book = project.codebook().unwrap();
    // Every name is "<code path>, coded by <coder>, paragraph <n>" for a real coding.
    for label in &stripes {
        let (code, rest) = label.split_once(", coded by ").unwrap();
        let (coder, paragraph) = rest.rsplit_once(", paragraph ").unwrap();
        let n: usize = paragraph.parse().unwrap();
        let p = paragraphs(&harness)[n - 1].clone();
        assert!(
            codings.iter().any(|c| book.path(c.code_id) == Some(code) && p.contains(&c.span.start)),
            "{label:?} names no coding of {code} starting in paragraph {n}"
        );
        assert!(!coder.is_empty());
    }
}

#[test]
fn the_high_contrast_theme_is_in_the_view_menu_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let prefs = dir.path().join("prefs.json");
    let path = dir.path().join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    let mut harness = harness_with(thicket_gui::Startup::Open(path.clone()), egui::vec2(1400.0, 1000.0), Some(prefs.clone()));
    menu(&mut harness, "View", "High-contrast theme");
    assert_eq!(harness.ctx.style_of(egui::Theme::Light).visuals.panel_fill, egui::Color32::WHITE);
    assert_eq!(harness.ctx.style_of(egui::Theme::Light).visuals.override_text_color, Some(egui::Color32::BLACK));
    assert_eq!(thicket_gui::Prefs::load(Some(&prefs)).theme, thicket_gui::Theme::HighContrast);
    drop(harness);
    let harness = harness_with(thicket_gui::Startup::Open(path), egui::vec2(1400.0, 1000.0), Some(prefs.clone()));
    assert_eq!(harness.ctx.style_of(egui::Theme::Light).visuals.override_text_color, Some(egui::Color32::BLACK), "remembered");
    // Back to light: egui's own visuals return.
    let mut harness = harness;
    menu(&mut harness, "View", "Light theme");
    assert_eq!(harness.ctx.style_of(egui::Theme::Light).visuals.override_text_color, None);
}

#[test]
fn the_keyboard_keys_window_lists_the_coding_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    menu(&mut harness, "View", "Keyboard keys");
    harness.get_by_label("F8 / Shift+F8");
    harness.get_by_label("Alt+S");
    harness.get_by_label_contains("Open the context menu of the coding at the caret");
}
