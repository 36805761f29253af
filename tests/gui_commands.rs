//! The one table of window commands (issue #11, part 8): the menus and the command palette are
//! drawn from it, every shortcut in it is unique, and the palette runs commands from the
//! keyboard.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

use std::collections::{BTreeSet, HashMap};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use thicket_gui::analysis::AnalysisKind;
use thicket_gui::commands::{Command, Menu};
use thicket_gui::{Startup, ThicketApp};

mod common;
use common::gui::{harness_with, sample_harness};

fn open_palette(harness: &mut Harness<'static, ThicketApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(harness.state().palette_open());
}

/// The palette's row for `command`: "Menu: label", or "Menu: Submenu: label".
fn palette_row(command: Command) -> String {
    match command.submenu() {
        Some(sub) => format!("{}: {sub}: {}", command.spec().menu.title(), command.label()),
        None => format!("{}: {}", command.spec().menu.title(), command.label()),
    }
}

/// The labels of every button-like node on screen.
fn buttons(harness: &Harness<'static, ThicketApp>) -> BTreeSet<String> {
    let clickable = |role| matches!(role, Role::Button | Role::RadioButton | Role::CheckBox | Role::MenuItem);
    harness.query_all(by().predicate(move |n| clickable(n.role()))).filter_map(|n| n.accesskit_node().label()).collect()
}

#[test]
fn every_shortcut_in_the_table_is_unique() {
    let mut seen = HashMap::new();
    for command in Command::all() {
        if let Some(s) = command.shortcut() {
            assert!(s.modifiers.command, "{command:?}: Cmd on macOS, Ctrl elsewhere");
            if let Some(other) = seen.insert((s.modifiers, s.logical_key), command) {
                panic!("{command:?} and {other:?} share {s:?}");
            }
        }
    }
    assert!(seen.len() >= 13, "the table carries the window's shortcuts");
}

#[test]
fn every_command_of_the_table_is_in_the_palette() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_palette(&mut harness);
    for command in Command::all() {
        let text = palette_row(command);
        let row = harness.get_by_label_contains(&text);
        // With its shortcut, as the menus show it.
        if let Some(shortcut) = command.shortcut() {
            let keys = harness.ctx.format_shortcut(&shortcut);
            assert!(row.accesskit_node().label().unwrap().contains(&keys), "{command:?}: {keys}");
        }
    }
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().palette_open(), "Escape closes it");
}

#[test]
fn every_menu_item_comes_from_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let all = Command::all();
    for menu in Menu::ALL {
        let before = buttons(&harness);
        harness.get_by_label(menu.title()).click();
        harness.run();
        let items: Vec<String> = buttons(&harness).difference(&before).cloned().collect();
        let ours: Vec<Command> = all.iter().copied().filter(|c| c.spec().menu == menu).collect();
        // Each item is a command of this menu (undo and redo add the step's name), a submenu of
        // the table's (File → Export), or the recent projects' submenu.
        for item in &items {
            let known = ours.iter().any(|c| item.starts_with(c.label()) || c.submenu() == Some(item.as_str()))
                || (menu == Menu::File && item == "Recent projects");
            assert!(known, "{} menu: “{item}” is not in the table", menu.title());
        }
        // And each command of the table is there (inside its submenu), with its shortcut's text.
        let mut items = items;
        let submenus: BTreeSet<&str> = ours.iter().filter_map(|c| c.submenu()).collect();
        for sub in submenus {
            let before = buttons(&harness);
            harness.get_by_label(sub).click();
            harness.run();
            let inside: Vec<String> = buttons(&harness).difference(&before).cloned().collect();
            assert!(!inside.is_empty(), "{sub} opens");
            items.extend(inside);
        }
        for command in ours {
            let item = items.iter().find(|i| i.starts_with(command.label())).unwrap_or_else(|| panic!("{command:?} missing from {}", menu.title()));
            if let Some(shortcut) = command.shortcut() {
                assert!(item.contains(&harness.ctx.format_shortcut(&shortcut)), "{item}");
            }
        }
        harness.key_press(Key::Escape);
        harness.run();
    }
}

#[test]
fn typing_matrix_then_enter_in_the_palette_opens_the_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_palette(&mut harness);
    harness.get_by_role_and_label(Role::TextInput, "Command").type_text("matrix");
    harness.run();
    // Only matching commands are left.
    assert!(harness.query_by_label_contains(&palette_row(Command::NewProject)).is_none());
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Matrix));
    assert!(!harness.state().palette_open());
}

#[test]
fn arrows_move_through_the_palette_and_enter_runs_the_highlighted_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    open_palette(&mut harness);
    harness.get_by_role_and_label(Role::TextInput, "Command").type_text("analysis");
    harness.run();
    // The Analysis menu's order: the matrix, then the triangulation grid.
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Triangulation));
}

#[test]
fn the_palette_is_in_the_view_menu_and_greys_out_what_needs_a_project() {
    let mut harness = harness_with(Startup::Welcome, egui::vec2(1000.0, 700.0), None);
    common::gui::menu(&mut harness, "View", "Command palette…");
    assert!(harness.state().palette_open());
    assert!(harness.get_by_label_contains(&palette_row(Command::ImportFiles)).accesskit_node().is_disabled());
    assert!(harness.get_by_label_contains(&palette_row(Command::Analysis(AnalysisKind::Matrix))).accesskit_node().is_disabled());
    assert!(!harness.get_by_label_contains(&palette_row(Command::OpenProject)).accesskit_node().is_disabled());
    // Enter on a command that cannot run does nothing and leaves the palette up.
    harness.get_by_role_and_label(Role::TextInput, "Command").type_text("matrix");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().analysis().active().is_none());
    assert!(harness.state().palette_open());
}

#[test]
fn a_shortcut_from_the_table_runs_its_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_harness(dir.path());
    let shortcut = Command::Analysis(AnalysisKind::Timeline).shortcut().unwrap();
    harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
    harness.run();
    assert_eq!(harness.state().analysis().active(), Some(AnalysisKind::Timeline));
    let back = Command::BackToDocument.shortcut().unwrap();
    harness.key_press_modifiers(back.modifiers, back.logical_key);
    harness.run();
    assert!(harness.state().analysis().active().is_none());
}
