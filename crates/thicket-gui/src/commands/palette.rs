//! The command palette (Ctrl+Shift+P, or View → Command palette…): every command of the table,
//! found by typing part of its name or its menu's.
//!
//! Keyboard first: the filter has the keyboard as soon as the palette opens; Up/Down move the
//! highlight, Enter runs the highlighted command, Escape (or a click outside) closes. Commands
//! that cannot run now (no project open, nothing to undo…) are listed greyed out, so the palette
//! also tells what exists. In: the app, read for labels and what is enabled. Out:
//! `UiCommand::Run`, queued like a menu click.

use egui::{Key, Modifiers};

use super::Command;
use crate::app::{ThicketApp, UiCommand};

/// The palette's state, kept between frames.
#[derive(Debug, Default)]
pub struct CommandPalette {
    open: bool,
    filter: String,
    /// Index of the highlighted row among those shown.
    highlighted: usize,
}

/// One row of the list.
struct Row {
    command: Command,
    /// "Menu: label", what is shown and what the filter searches.
    text: String,
    shortcut: String,
    enabled: bool,
}

impl CommandPalette {
    /// Opens the palette on an empty filter, or closes it if open.
    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
        } else {
            *self = CommandPalette { open: true, ..Default::default() };
        }
    }

    /// Whether the palette is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// The rows matching `filter`: every word of it must occur in the row's text; rows whose label
/// starts with the filter come first, the rest in table order.
fn rows(app: &ThicketApp, ctx: &egui::Context, filter: &str) -> Vec<Row> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let first = filter.trim().to_lowercase();
    let mut rows: Vec<(bool, Row)> = Command::all()
        .into_iter()
        .map(|command| {
            let spec = command.spec();
            let text = match command.submenu() {
                Some(sub) => format!("{}: {sub}: {}", spec.menu.title(), command.label_now(app)),
                None => format!("{}: {}", spec.menu.title(), command.label_now(app)),
            };
            let shortcut = spec.shortcut.map(|s| ctx.format_shortcut(&s)).unwrap_or_default();
            Row { command, text, shortcut, enabled: command.is_enabled(app) }
        })
        .filter(|row| {
            let hay = row.text.to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .map(|row| (!first.is_empty() && row.command.label().to_lowercase().starts_with(&first), row))
        .collect();
    rows.sort_by_key(|(starts, _)| !starts);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Draws the palette while open; a chosen command is queued on the app.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    if !app.palette.open {
        return;
    }
    let field = egui::Id::unique("command_palette_filter");
    let list = rows(app, ctx, &app.palette.filter);
    let state = &mut app.palette;
    // Keys are the palette's, taken before the field sees them.
    let (up, down, enter, escape) = ctx.input_mut(|i| {
        (i.consume_key(Modifiers::NONE, Key::ArrowUp), i.consume_key(Modifiers::NONE, Key::ArrowDown), i.consume_key(Modifiers::NONE, Key::Enter), i.consume_key(Modifiers::NONE, Key::Escape))
    });
    let enabled: Vec<bool> = list.iter().map(|r| r.enabled).collect();
    state.highlighted = highlight(&enabled, state.highlighted, down as isize - up as isize);
    let mut chosen = None;
    if enter && let Some(row) = list.get(state.highlighted).filter(|r| r.enabled) {
        chosen = Some(row.command);
    }
    // Near the top, as palettes are, so the list has room below.
    let area = egui::Modal::default_area(egui::Id::unique("command_palette")).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0));
    let modal = egui::Modal::new(egui::Id::unique("command_palette")).area(area).show(ctx, |ui| {
        ui.set_width(520.0);
        let label = ui.weak(t!("palette-command"));
        let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, tab: false, escape: true };
        let edit = egui::TextEdit::singleline(&mut state.filter).id(field).event_filter(filter).hint_text(t!("palette-hint")).desired_width(f32::INFINITY);
        let response = ui.add(edit).labelled_by(label.id);
        if response.changed() {
            state.highlighted = 0;
        }
        if !response.has_focus() {
            response.request_focus();
        }
        ui.separator();
        egui::ScrollArea::vertical().max_height(380.0).auto_shrink([false, true]).show(ui, |ui| {
            for (k, row) in list.iter().enumerate() {
                let lit = k == state.highlighted;
                // Full width, so that the shortcuts line up on the right.
                let button = egui::Button::selectable(lit, &row.text).shortcut_text(&row.shortcut).frame_when_inactive(lit).min_size(egui::vec2(ui.available_width(), 0.0));
                let response = ui.add_enabled(row.enabled, button);
                if lit && (up || down) {
                    response.scroll_to_me(None);
                }
                let tooltip = row.command.spec().tooltip;
                let response = if tooltip.is_empty() { response } else { response.on_hover_text(tooltip) };
                if response.clicked() {
                    chosen = Some(row.command);
                }
            }
            if list.is_empty() {
                ui.weak(t!("palette-no-match"));
            }
        });
    });
    if escape || modal.backdrop_response.clicked() || chosen.is_some() {
        state.open = false;
    }
    if let Some(command) = chosen {
        app.push(UiCommand::Run(command));
    }
}

/// The row to highlight after moving `step` rows (Up: -1, Down: +1) from `from`: only rows
/// that can run are highlighted, so Enter always runs something when anything matches.
fn highlight(enabled: &[bool], from: usize, step: isize) -> usize {
    let from = from.min(enabled.len().saturating_sub(1));
    let wanted = from.saturating_add_signed(step).min(enabled.len().saturating_sub(1));
    let forward = (wanted..enabled.len()).find(|&k| enabled[k]);
    let backward = (0..=wanted).rev().find(|&k| enabled.get(k) == Some(&true));
    let found = if step < 0 { backward.or(forward) } else { forward.or(backward) };
    found.unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highlight_skips_commands_that_cannot_run() {
        let enabled = [false, true, false, true, false];
        assert_eq!(highlight(&enabled, 0, 0), 1, "the first runnable row");
        assert_eq!(highlight(&enabled, 1, 1), 3);
        assert_eq!(highlight(&enabled, 3, 1), 3, "the last runnable row stays");
        assert_eq!(highlight(&enabled, 3, -1), 1);
        assert_eq!(highlight(&enabled, 1, -1), 1, "the first runnable row stays");
        assert_eq!(highlight(&[false, false], 0, 1), 0, "nothing runnable: nothing moves");
        assert_eq!(highlight(&[], 0, 1), 0);
    }

    #[test]
    fn toggling_opens_on_an_empty_filter_and_closes() {
        let mut palette = CommandPalette { open: false, filter: "old".into(), highlighted: 3 };
        palette.toggle();
        assert!(palette.is_open());
        assert_eq!((palette.filter.as_str(), palette.highlighted), ("", 0));
        palette.toggle();
        assert!(!palette.is_open());
    }
}
