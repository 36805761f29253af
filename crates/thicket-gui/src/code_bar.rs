//! The code bar: a small box by a settled text selection, just below its last row, offering the
//! codes used last in this session (most recent first) and a filter over the whole codebook.
//! Keyboard first: typing (while the text has focus) goes into the filter, Up/Down move the
//! highlight, Enter codes the selection with the highlighted code, Escape closes the bar for this
//! selection. A click on a listed code codes with it too.
//!
//! In: the open `DocumentView` (its selection, where it is on screen, whether the pointer is still
//! selecting), the codebook and the recent codes. Out: the code chosen, which the app applies as
//! any other explicit coding gesture. The bar never covers the selected text and stays inside the
//! document area; where it cannot, it is not shown.

use egui::{Event, Key, Modifiers, Pos2, Rect, Vec2, pos2, vec2};

use crate::document::{DocumentView, parse_color};
use thicket_core::model::{CodeId, Codebook, TextSpan};

/// How many recent codes the bar lists.
pub const RECENT: usize = 5;
/// How many matches of a filter the bar lists.
const MATCHES: usize = 8;
/// The bar's width, in points.
const WIDTH: f32 = 240.0;
/// Space between the bar and the selection or the edges of the document area.
const GAP: f32 = 6.0;

/// The bar's state, kept between frames.
#[derive(Default)]
pub struct CodeBar {
    filter: String,
    /// Index of the highlighted code in the list shown.
    highlighted: usize,
    /// The selection the bar was last shown for: a new selection starts afresh.
    shown_for: Option<TextSpan>,
    /// The selection the bar was closed for (Escape): it stays closed until the selection changes.
    dismissed: Option<TextSpan>,
    /// The bar's size in the last frame, to place it before it is drawn.
    size: Vec2,
    /// Heights of the filter row (with the frame) and of a listed code, measured in the last frame.
    header_height: f32,
    row_height: f32,
}

/// What a key asked of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Code,
    Close,
}

impl CodeBar {
    /// Draws the bar by the document's selection when it should be seen; returns the code to
    /// apply to the selection, if one was chosen this frame.
    pub fn show(&mut self, ctx: &egui::Context, doc: &DocumentView, book: &Codebook, recent: &[CodeId]) -> Option<CodeId> {
        let Some(span) = doc.selection() else {
            self.shown_for = None;
            self.dismissed = None;
            return None;
        };
        // Not while the pointer is still selecting, nor over a menu (the text's own context menu).
        if doc.is_selecting() || self.dismissed == Some(span) || egui::Popup::is_any_open(ctx) {
            return None;
        }
        if self.shown_for != Some(span) {
            self.filter.clear();
            self.highlighted = 0;
            self.shown_for = Some(span);
        }
        let clip = doc.text_clip_rect()?;
        let field = egui::Id::unique("code_bar_filter");
        self.capture_typing(ctx, field);
        let mut items = self.items(book, recent);
        let (pos, pivot, rows) = self.place(doc, span, clip, items.len())?;
        items.truncate(rows);
        self.highlighted = self.highlighted.min(items.len().saturating_sub(1));
        let step = self.keys(ctx, field, items.len());
        if step == Some(Step::Close) {
            self.dismissed = Some(span);
            ctx.memory_mut(|m| m.surrender_focus(field));
            return None;
        }
        let mut chosen = (step == Some(Step::Code)).then(|| items.get(self.highlighted).copied()).flatten();
        let area = egui::Area::new(egui::Id::unique("code_bar")).order(egui::Order::Foreground).pivot(pivot).fixed_pos(pos).constrain_to(clip);
        let shown = area.show(ctx, |ui| self.contents(ui, field, book, &items, &mut chosen));
        self.size = shown.response.rect.size();
        if chosen.is_some() {
            // Ready for another code on the same passage; digits are quick keys again.
            self.filter.clear();
            self.highlighted = 0;
            ctx.memory_mut(|m| m.surrender_focus(field));
        }
        chosen
    }

    /// The filter field and the listed codes.
    fn contents(&mut self, ui: &mut egui::Ui, field: egui::Id, book: &Codebook, items: &[CodeId], chosen: &mut Option<CodeId>) {
        egui::Frame::popup(ui.style()).inner_margin(4.0).show(ui, |ui| {
            ui.set_width(WIDTH);
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.horizontal(|ui| {
                let label = ui.weak(t!("codebar-code-with"));
                // Arrows and Escape are the bar's (consumed before the field sees them).
                let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, tab: false, escape: true };
                let edit = egui::TextEdit::singleline(&mut self.filter).id(field).event_filter(filter).hint_text(t!("codebar-filter-hint")).desired_width(f32::INFINITY);
                if ui.add(edit).labelled_by(label.id).changed() {
                    self.highlighted = 0;
                }
            });
            self.header_height = ui.min_rect().height() + 10.0;
            for (k, &code) in items.iter().enumerate() {
                let row = ui.horizontal(|ui| {
                    let color = book.get(code).map_or(egui::Color32::GRAY, |c| parse_color(&c.color));
                    let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, color);
                    let name = book.path(code).unwrap_or_default();
                    // The highlighted code is filled, so Enter's target is plain to see.
                    let button = egui::Button::selectable(k == self.highlighted, name).frame_when_inactive(k == self.highlighted);
                    if ui.add(button).on_hover_text(t!("codebar-code.tooltip")).clicked() {
                        *chosen = Some(code);
                    }
                });
                self.row_height = row.response.rect.height() + ui.spacing().item_spacing.y;
            }
            if items.is_empty() && !self.filter.trim().is_empty() {
                ui.weak(t!("codebar-no-match"));
            }
        });
    }

    /// Where the bar goes (a point, and the corner of the bar at it) and how many of `wanted`
    /// codes it has room to list: below the selection's last row, or above its first row when
    /// more fit there; `None` where even the filter would cover the selection or leave the
    /// document area.
    fn place(&self, doc: &DocumentView, span: TextSpan, clip: Rect, wanted: usize) -> Option<(Pos2, egui::Align2, usize)> {
        let width = if self.size.x > 0.0 { self.size.x } else { WIDTH + 10.0 };
        let (header, row) = (if self.header_height > 0.0 { self.header_height } else { 32.0 }, if self.row_height > 0.0 { self.row_height } else { 22.0 });
        let x = |left: f32| left.clamp(clip.left() + GAP, (clip.right() - width - GAP).max(clip.left() + GAP));
        // How many codes fit in `space` points under the filter (none if the filter does not).
        let rows = |space: f32| (space >= header).then(|| (((space - header) / row).floor().max(0.0) as usize).min(wanted));
        let end = doc.char_screen_rect(span.end);
        let below = end.and_then(|end| Some((pos2(x(end.left()), end.bottom() + GAP), egui::Align2::LEFT_TOP, rows(clip.bottom() - end.bottom() - 2.0 * GAP)?)));
        if below.is_some_and(|(_, _, n)| n == wanted) {
            return below;
        }
        let start = doc.char_screen_rect(span.start);
        let above = start.and_then(|start| Some((pos2(x(start.left()), start.top() - GAP), egui::Align2::LEFT_BOTTOM, rows(start.top() - clip.top() - 2.0 * GAP)?)));
        match (below, above) {
            (Some(b), Some(a)) => Some(if a.2 > b.2 { a } else { b }),
            (b, a) => b.or(a),
        }
    }

    /// Typing aimed at the text (which takes no typing) goes into the filter, and the filter
    /// takes the keyboard. Not digits on an empty filter: those are quick keys.
    fn capture_typing(&mut self, ctx: &egui::Context, field: egui::Id) {
        if ctx.text_edit_focused() {
            return;
        }
        let typed: String = ctx.input(|i| i.events.iter().filter_map(|e| if let Event::Text(t) = e { Some(t.as_str()) } else { None }).collect());
        let typed = if self.filter.is_empty() { typed.trim_start() } else { typed.as_str() };
        if typed.is_empty() || (self.filter.is_empty() && typed.starts_with(|c: char| c.is_ascii_digit())) {
            return;
        }
        self.filter.push_str(typed);
        self.highlighted = 0;
        // The field gets focus at once and would see the same events again.
        ctx.input_mut(|i| i.events.retain(|e| !matches!(e, Event::Text(_))));
        ctx.memory_mut(|m| m.request_focus(field));
        let mut state = egui::text_edit::TextEditState::load(ctx, field).unwrap_or_default();
        let end = egui::text::CCursor::new(self.filter.chars().count());
        state.cursor.set_char_range(Some(egui::text_selection::CCursorRange::one(end)));
        state.store(ctx, field);
    }

    /// Up/Down, Enter and Escape while the filter has focus, consumed before the field sees them.
    fn keys(&mut self, ctx: &egui::Context, field: egui::Id, listed: usize) -> Option<Step> {
        if !ctx.memory(|m| m.has_focus(field)) {
            return None;
        }
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                self.highlighted = (self.highlighted + 1).min(listed.saturating_sub(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                self.highlighted = self.highlighted.saturating_sub(1);
            }
            if i.consume_key(Modifiers::NONE, Key::Enter) {
                Some(Step::Code)
            } else if i.consume_key(Modifiers::NONE, Key::Escape) {
                Some(Step::Close)
            } else {
                None
            }
        })
    }

    /// The codes listed: the recent ones while the filter is empty; else the codes matching it,
    /// those whose name starts with it first, then names containing it, then paths.
    fn items(&self, book: &Codebook, recent: &[CodeId]) -> Vec<CodeId> {
        let needle = self.filter.trim().to_lowercase();
        if needle.is_empty() {
            return recent.iter().copied().filter(|c| book.get(*c).is_some()).take(RECENT).collect();
        }
        let mut found: Vec<(u8, usize, CodeId)> = book
            .walk()
            .into_iter()
            .enumerate()
            .filter_map(|(order, (_, code))| {
                let name = code.name.to_lowercase();
                let path = book.path(code.id).unwrap_or(&code.name).to_lowercase();
                let rank = match () {
                    _ if name.starts_with(&needle) => 0,
                    _ if name.contains(&needle) => 1,
                    _ if path.contains(&needle) => 2,
                    _ => return None,
                };
                Some((rank, order, code.id))
            })
            .collect();
        found.sort_unstable();
        found.into_iter().take(MATCHES).map(|(_, _, id)| id).collect()
    }
}

/// `recent` with `code` moved to the front, at most [`RECENT`] long.
pub fn remember(recent: &mut Vec<CodeId>, code: CodeId) {
    recent.retain(|c| *c != code);
    recent.insert(0, code);
    recent.truncate(RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_code_used_comes_first_and_the_list_stays_short() {
        let mut recent = Vec::new();
        for id in [1, 2, 3, 1, 4, 5, 6, 7] {
            remember(&mut recent, CodeId(id));
        }
        assert_eq!(recent, [7, 6, 5, 4, 1].map(CodeId));
    }
}
