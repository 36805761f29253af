//! Layouts that fit a laptop (issue #11, part 4), in the real window driven headlessly: at
//! 1024×700 and at 200% zoom, with the find bar, the project search or analysis tabs open, the
//! document keeps a readable measure (45 characters of its font) and every toolbar button lies
//! inside the window; a side panel folded to a strip stays folded when the app opens again.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::{Startup, ThicketApp, UiCommand};

mod common;
use common::gui::zoomed_harness;

/// A laptop screen.
const LAPTOP: egui::Vec2 = egui::vec2(1024.0, 700.0);

/// Forty-five characters of ordinary prose: the narrowest text column that still reads as text.
const FORTY_FIVE: &str = "and then she said the school had rung me again";

/// The sample study at `dir/sample.thicket`.
fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("sample.thicket");
    thicket_core::sample::write_sample(&path).unwrap().close().unwrap();
    path
}

/// The window on the sample study at `size` points and `zoom` pixels per point (a 1280×800
/// screen at 200% is 640×400 points at 2 pixels per point), with preferences at `prefs`.
fn window(path: &Path, size: egui::Vec2, zoom: f32, prefs: Option<PathBuf>) -> Harness<'static, ThicketApp> {
    zoomed_harness(Startup::Open(path.to_path_buf()), size, zoom, prefs)
}

/// The width of [`FORTY_FIVE`] in the document's font (15 points), measured here, apart from the app.
fn readable_measure(harness: &Harness<'static, ThicketApp>) -> f32 {
    assert_eq!(FORTY_FIVE.chars().count(), 46, "45 characters and a space");
    harness.ctx.fonts_mut(|f| f.layout_no_wrap(FORTY_FIVE.trim_end().to_string(), egui::FontId::proportional(15.0), egui::Color32::WHITE).size().x)
}

/// How wide the text column is on screen: from the left edge of the text to the right edge of
/// the view, less the view's right margin (12 points).
fn text_column(harness: &Harness<'static, ThicketApp>) -> f32 {
    let doc = harness.state().document().expect("a document is open");
    let clip = doc.text_clip_rect().expect("the document was drawn");
    // Where the text starts: its first visible char, or (when the column is too narrow to show
    // any of it) the right edge, so the column measures nothing.
    let left = doc.char_screen_rect(doc.first_visible_char()).map_or(clip.right() - 12.0, |r| r.left());
    clip.right() - left - 12.0
}

fn assert_readable(harness: &Harness<'static, ThicketApp>, what: &str) {
    let (column, measure) = (text_column(harness), readable_measure(harness));
    assert!(column >= measure, "{what}: the text column is {column:.0} points, less than 45 characters ({measure:.0} points)");
}

fn window_rect(harness: &Harness<'static, ThicketApp>) -> Rect {
    harness.ctx.content_rect()
}

/// Every button and picker whose row is in sight (buttons of a list scrolled out of sight below are not) lies
/// within the window from left to right; and the named toolbar buttons lie wholly inside it.
fn assert_buttons_inside(harness: &Harness<'static, ThicketApp>, toolbar: &[&str]) {
    let screen = window_rect(harness).expand(0.5);
    let pickers = harness.query_all_by_role(Role::ComboBox);
    for node in harness.query_all_by_role(Role::Button).chain(pickers) {
        let rect = node.rect();
        let label = node.accesskit_node().label().unwrap_or_default();
        if rect.center().y < screen.bottom() && rect.center().y > screen.top() {
            assert!(rect.left() >= screen.left() && rect.right() <= screen.right(), "{:?} {label:?} at {rect:?} runs past the window's side ({screen:?})", node.accesskit_node().role());
        }
    }
    for name in toolbar {
        let nodes: Vec<_> = harness.query_all_by_label(name).filter(|n| n.accesskit_node().role() == Role::Button).collect();
        assert!(!nodes.is_empty(), "no button {name:?}");
        for node in nodes {
            assert!(screen.contains_rect(node.rect()), "toolbar button {name:?} at {:?} is not inside the window ({screen:?})", node.rect());
        }
    }
}

fn find_in_document(harness: &mut Harness<'static, ThicketApp>, word: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find in document").type_text(word);
    harness.run();
}

fn search_project(harness: &mut Harness<'static, ThicketApp>, word: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Search for").type_text(word);
    harness.key_press(Key::Enter);
    harness.run();
}

/// Chooses the first code of the autocode form, so its "Add … codings" button shows.
fn choose_autocode_code(harness: &mut Harness<'static, ThicketApp>) {
    harness.get_by_label("Code").click();
    harness.run();

    harness.get_by_label("Alliance/Bond").click();
    harness.run();
}

#[test]
fn at_1024_by_700_the_document_keeps_45_characters_beside_both_panels() {
    let dir = tempfile::tempdir().unwrap();
    let harness = window(&sample(dir.path()), LAPTOP, 1.0, None);
    assert_readable(&harness, "1024×700");
    assert_buttons_inside(&harness, &["New code…", "In vivo", "Code as new…"]);
}

#[test]
fn at_1024_by_700_the_find_bar_wraps_and_leaves_the_text_readable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), LAPTOP, 1.0, None);
    find_in_document(&mut harness, "family");
    assert_readable(&harness, "1024×700 with the find bar");
    assert_buttons_inside(&harness, &["Previous", "Next", "Close"]);
}

#[test]
fn at_1024_by_700_the_project_search_leaves_the_document_readable_and_its_buttons_in_sight() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), LAPTOP, 1.0, None);
    search_project(&mut harness, "school");
    choose_autocode_code(&mut harness);
    assert_readable(&harness, "1024×700 with the project search");
    let add = harness.get_by_role_and_label(Role::Button, &button_named(&harness, "Add ")).rect();
    assert!(window_rect(&harness).contains_rect(add), "the autocode button at {add:?} is cut off");
    assert_buttons_inside(&harness, &["Search"]);
}

#[test]
fn at_1024_by_700_analysis_tabs_and_their_export_menus_stay_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), LAPTOP, 1.0, None);
    for kind in AnalysisKind::ALL {
        harness.state_mut().push_command(UiCommand::OpenAnalysis(kind));
        harness.run();
    }
    let titles: Vec<&str> = AnalysisKind::ALL.iter().map(|k| k.title()).collect();
    let closes: Vec<String> = titles.iter().map(|t| format!("Close {t}")).collect();
    let mut toolbar: Vec<&str> = vec!["Document", "Export"];
    toolbar.extend(&titles);
    toolbar.extend(closes.iter().map(String::as_str));
    for kind in AnalysisKind::ALL {
        harness.state_mut().push_command(UiCommand::OpenAnalysis(kind));
        harness.run();
        assert_buttons_inside(&harness, &toolbar);
        // "Export" on one line: a button no taller than two rows of text.
        let export = harness.get_by_label("Export").rect();
        assert!(export.height() < 2.0 * 15.0 && export.width() > export.height(), "{kind:?}: Export is drawn {export:?}");
    }
}

#[test]
fn at_200_percent_zoom_the_document_keeps_45_characters_and_the_toolbars_fit() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut harness = window(&path, egui::vec2(640.0, 400.0), 2.0, None);
    assert_readable(&harness, "200% zoom");
    assert_buttons_inside(&harness, &[]);
    find_in_document(&mut harness, "family");
    assert_readable(&harness, "200% zoom with the find bar");
    assert_buttons_inside(&harness, &["Previous", "Next", "Close"]);
    harness.key_press(Key::Escape);
    harness.run();
    search_project(&mut harness, "school");
    assert_readable(&harness, "200% zoom with the project search");
    assert_buttons_inside(&harness, &[]);
}

#[test]
fn a_folded_side_panel_stays_a_strip_when_the_app_opens_again_and_comes_back_with_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    {
        let mut harness = window(&path, LAPTOP, 1.0, Some(prefs.clone()));
        let before = text_column(&harness);
        harness.get_by_label("Fold the sources panel").click();
        harness.run();
        assert!(harness.query_by_label("Show the sources panel").is_some());
        assert!(harness.query_by_label("Harlow family (7)").is_none(), "the sources list is folded away");
        assert!(text_column(&harness) > before, "the document takes the room");
    }
    let mut harness = window(&path, LAPTOP, 1.0, Some(prefs.clone()));
    assert!(harness.query_by_label("Show the sources panel").is_some(), "still folded after reopening");
    assert!(harness.query_by_label("Harlow family (7)").is_none());
    harness.get_by_label("Show the sources panel").click();
    harness.run();
    assert!(harness.query_by_label("Harlow family (7)").is_some(), "unfolded");
    drop(harness);
    let harness = window(&path, LAPTOP, 1.0, Some(prefs));
    assert!(harness.query_by_label("Fold the sources panel").is_some(), "unfolding is remembered too");
}

/// The full label of the one button whose label starts with `start`.
fn button_named(harness: &Harness<'static, ThicketApp>, start: &str) -> String {
    let labels: Vec<String> = harness.query_all_by_role(Role::Button).filter_map(|n| n.accesskit_node().label()).filter(|l| l.starts_with(start)).collect();
    assert_eq!(labels.len(), 1, "buttons starting {start:?}: {labels:?}");
    labels[0].clone()
}

#[test]
fn at_200_percent_zoom_dialogs_fit_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), egui::vec2(640.0, 400.0), 2.0, None);
    harness.get_by_label("New code…").click();
    harness.run();
    assert_buttons_inside(&harness, &["Create", "Cancel"]);
    harness.get_by_label("Cancel").click();
    harness.run();
    // The big windows, made for a large screen: each within the window (their tables scroll).
    for (command, title) in [(UiCommand::ShowAttributes, "Attributes"), (UiCommand::ShowCases(None), "Cases"), (UiCommand::ShowParticipants, "Participants"), (UiCommand::ShowMemos, "Memos")] {
        harness.state_mut().push_command(command);
        harness.run();
        let windows: Vec<Rect> = harness.query_all_by_role(Role::Window).map(|n| n.rect()).collect();
        assert!(!windows.is_empty(), "{title}: no window");
        for rect in windows {
            assert!(window_rect(&harness).contains_rect(rect), "{title}: a window at {rect:?} reaches past the app's window");
        }
    }
}

#[test]
fn a_side_panel_dragged_narrower_keeps_that_width_when_the_app_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let prefs = dir.path().join("prefs.json");
    let fold = |h: &Harness<'static, ThicketApp>| h.get_by_label("Fold the sources panel").rect();
    let narrower = {
        let mut harness = window(&path, LAPTOP, 1.0, Some(prefs.clone()));
        let before = fold(&harness).right();
        // The panel's edge is its inner margin (8 points) right of the fold button.
        let edge = egui::pos2(before + 8.0, 300.0);
        common::gui::drag(&mut harness, edge, edge - egui::vec2(50.0, 0.0));
        let after = fold(&harness).right();
        assert!((before - after - 50.0).abs() < 3.0, "dragged from {before} to {after}");
        after
    };
    let harness = window(&path, LAPTOP, 1.0, Some(prefs));
    assert!((fold(&harness).right() - narrower).abs() < 1.5, "the width came back");
}

#[test]
fn the_segments_pane_is_one_line_until_a_code_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), LAPTOP, 1.0, None);
    let heading = harness.get_by_label("Segments").rect();
    assert!(heading.top() > LAPTOP.y - 80.0, "with no code chosen the pane is one line at the bottom, but its heading is at {heading:?}");
    assert!(harness.query_by_label("Include sub-codes").is_none(), "no filters before there is something to filter");
    harness.get_by_label("Bond").click();
    harness.run();
    assert!(harness.query_by_label("Include sub-codes").is_some(), "a chosen code opens the full pane");
    let heading = harness.get_by_label("Segments").rect();
    assert!(heading.top() < LAPTOP.y - 120.0, "the full pane is taller: its heading is at {heading:?}");
}

#[test]
fn the_excerpt_export_dialog_fits_at_1024_by_700_and_at_200_percent_zoom() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    for (size, zoom) in [(LAPTOP, 1.0), (egui::vec2(640.0, 400.0), 2.0)] {
        let mut harness = window(&path, size, zoom, None);
        harness.state_mut().push_command(UiCommand::Run(thicket_gui::commands::Command::ExportExcerpts));
        harness.run();
        harness.get_by_role_and_label(Role::CheckBox, "Bond").click();
        for _ in 0..50 {
            harness.step();
            if !harness.state().excerpt_dialog().is_previewing() {
                break;
            }
        }
        harness.run();
        assert!(harness.state().excerpt_dialog().count().is_some_and(|n| n > 0), "{zoom}: the preview is read");
        let dialog = harness.get_by_role_and_label(Role::Window, "Export coded excerpts").rect();
        assert!(window_rect(&harness).contains_rect(dialog), "{zoom}: the dialog at {dialog:?} reaches past the window");
        // The format and Export… stay in sight below the scrolling choices and preview.
        assert_buttons_inside(&harness, &["Export…"]);
        let format = harness.get_by_role_and_label(Role::ComboBox, "Format").rect();
        assert!(dialog.contains_rect(format), "{zoom}: the format menu at {format:?} is outside the dialog {dialog:?}");
    }
}

#[test]
fn at_80_percent_zoom_the_document_and_toolbars_fit() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    // A 1024×700 screen at 80%: 1280×875 points at 0.8 pixels per point.
    let mut harness = window(&path, egui::vec2(1280.0, 875.0), 0.8, None);
    assert_readable(&harness, "80% zoom");
    assert_buttons_inside(&harness, &[]);
    find_in_document(&mut harness, "family");
    assert_readable(&harness, "80% zoom with the find bar");
    assert_buttons_inside(&harness, &["Previous", "Next", "Close"]);
}

#[test]
fn at_200_percent_zoom_the_keyboard_keys_window_and_the_keyboard_menu_fit() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(dir.path()), egui::vec2(640.0, 400.0), 2.0, None);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Keyboard keys").click();
    harness.run();
    let windows: Vec<Rect> = harness.query_all_by_role(Role::Window).map(|n| n.rect()).collect();
    assert!(!windows.is_empty(), "the keys window is open");
    for rect in windows {
        assert!(window_rect(&harness).contains_rect(rect), "the keys window at {rect:?} reaches past the app's window");
    }
    // The document's context menu opened from the keyboard stays in the window too.
    let other = tempfile::tempdir().unwrap();
    let mut harness = window(&sample(other.path()), egui::vec2(640.0, 400.0), 2.0, None);
    harness.key_press_modifiers(Modifiers::ALT, Key::P);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    let item = harness.get_by_label("Code selection with…").rect();
    assert!(window_rect(&harness).expand(0.5).contains_rect(item), "the menu item at {item:?} is outside the window");
}
