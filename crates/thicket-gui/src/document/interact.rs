//! Input to the document view: pointer (select by dragging, shift-click, double- and
//! triple-click, stripes, hover, context menu) and keyboard (shift+arrows, Ctrl+A, Escape, copy,
//! scrolling keys).
//!
//! In: the frame's egui input and the one `Response` of the view's text area. Out: changes to
//! the view's selection and hover state, and the clicked or removed coding in the
//! `DocumentResponse`. Screen positions become chars through the galleys of the last layout.

use egui::{Event, Key, Modifiers, Pos2, Response, Ui, vec2};

use super::selection::{Selection, caret_rect, char_under, step_char, word_at};
use super::{DocumentResponse, DocumentView, Geometry, PARAGRAPH_GAP};
use thicket_core::model::{CodeId, CodingId};

/// What is under a point of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hit {
    Nothing,
    /// A glyph of the text (absolute char offset), in paragraph `paragraph`.
    Text { paragraph: usize, ch: usize },
    /// A coding stripe: index into the view's codings.
    Stripe { coding: usize },
}

impl DocumentView {
    /// Pointer and keyboard handling for one frame.
    pub(super) fn interact(&mut self, ui: &Ui, response: &Response, geo: &Geometry, out: &mut DocumentResponse) {
        let hit = response.hover_pos().map_or(Hit::Nothing, |p| self.hit(ui.ctx(), geo, p));
        if ui.input(|i| i.pointer.any_pressed() || i.raw.events.iter().any(|e| matches!(e, Event::MouseWheel { .. }))) && response.hovered() {
            // The user takes over: a jump still under way would fight them.
            self.jump = None;
        }
        self.take_focus_once(response);
        self.pointer(ui, response, geo, hit, out);
        if response.has_focus() {
            self.keys(ui, response, geo);
        }
        self.hovered = if self.dragging { Vec::new() } else { self.codes_at(hit) };
        self.hovered_stripe = match hit {
            Hit::Stripe { coding } if !self.dragging => Some(coding),
            _ => None,
        };
        if response.hovered() {
            let icon = if matches!(hit, Hit::Stripe { .. }) { egui::CursorIcon::PointingHand } else { egui::CursorIcon::Text };
            ui.ctx().set_cursor_icon(icon);
        }
        self.show_keyboard_coding(ui);
        self.expose_names(ui.ctx(), response.id, geo);
        out.hovered_codes = self.hovered.clone();
        self.tooltip(response, hit);
        self.context_menu(ui, response, hit, out);
        if let Some(code) = response.dnd_release_payload::<CodeId>() {
            out.dropped_code = Some(*code);
        }
    }

    fn pointer(&mut self, ui: &Ui, response: &Response, geo: &Geometry, hit: Hit, out: &mut DocumentResponse) {
        let ctx = ui.ctx();
        let (pressed, shift, down) = ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift, i.pointer.primary_down()));
        if pressed && response.hovered() {
            response.request_focus();
            // The user reads on from here: the outline of the last jump has served.
            self.landed = None;
            if let (Some(pos), false) = (response.hover_pos(), matches!(hit, Hit::Stripe { .. })) {
                let ch = self.caret_at(ctx, geo, pos);
                self.selection = if shift { Selection { cursor: ch, ..self.selection } } else { Selection::at(ch) };
                self.dragging = true;
            }
        }
        if self.dragging {
            if let Some(pos) = ui.input(|i| i.pointer.interact_pos()) {
                self.selection.cursor = self.caret_at(ctx, geo, pos);
                autoscroll(ui, geo, pos);
            }
            self.dragging = down;
            if !down && let Some(text) = self.selected_text() {
                // X11 and Wayland put this in the PRIMARY selection (middle-click paste).
                ctx.send_cmd(egui::OutputCommand::TextSelectionSettled(text.to_owned()));
            }
        }
        if response.double_clicked() || response.triple_clicked() {
            self.select_unit(hit, response.triple_clicked());
        }
        if response.clicked()
            && let Hit::Stripe { coding } = hit
        {
            let c = &self.highlights.codings[coding];
            out.clicked_coding = Some(c.id);
            self.selection = Selection { anchor: c.span.start, cursor: c.span.end };
        }
    }

    /// Double-click: the word under the pointer; triple-click: its paragraph.
    fn select_unit(&mut self, hit: Hit, paragraph_unit: bool) {
        let Hit::Text { paragraph, ch } = hit else { return };
        let p = self.paragraph(paragraph);
        let range = if paragraph_unit {
            p
        } else {
            let Some(text) = self.index.char_range_to_byte_range(p.clone()).and_then(|r| self.text.get(r)) else { return };
            let word = word_at(text, ch - p.start);
            p.start + word.start..p.start + word.end
        };
        if !range.is_empty() {
            self.selection = Selection { anchor: range.start, cursor: range.end };
        }
    }

    /// The caret position (a gap between chars) nearest to screen point `pos`. Points above or
    /// below the visible part count as its edge, so a drag past it selects up to what is shown.
    pub(super) fn caret_at(&mut self, ctx: &egui::Context, geo: &Geometry, pos: Pos2) -> usize {
        let y = (pos.y - geo.origin.y).clamp(geo.viewport.top(), (geo.viewport.bottom() - 1.0).max(geo.viewport.top()));
        self.caret_at_content(ctx, Pos2::new(pos.x - geo.origin.x - geo.columns.text_left, y))
    }

    /// The caret nearest to `pos`, given in content coordinates with x relative to the text column.
    fn caret_at_content(&mut self, ctx: &egui::Context, pos: Pos2) -> usize {
        let Some(i) = self.heights.block_at(pos.y) else { return 0 };
        self.ensure_layout(ctx, i);
        let paragraph = self.paragraph(i);
        let top = self.heights.top(i);
        let Some(galley) = self.galleys.get(i) else { return paragraph.start };
        if pos.y - top > galley.size().y {
            // In the gap below the paragraph.
            return paragraph.end;
        }
        paragraph.start + galley.cursor_from_pos(vec2(pos.x, pos.y - top)).index.0
    }

    /// What is under screen point `pos`.
    pub(super) fn hit(&mut self, ctx: &egui::Context, geo: &Geometry, pos: Pos2) -> Hit {
        let local = pos - geo.origin;
        let Some(i) = self.heights.block_at(local.y) else { return Hit::Nothing };
        if local.x >= geo.columns.text_left {
            self.ensure_layout(ctx, i);
            let top = self.heights.top(i);
            let paragraph = self.paragraph(i);
            let ch = self.galleys.get(i).and_then(|g| char_under(g, vec2(local.x - geo.columns.text_left, local.y - top)));
            return ch.map_or(Hit::Nothing, |c| Hit::Text { paragraph: i, ch: paragraph.start + c });
        }
        let top = self.heights.top(i);
        self.stripe_rects(i, top, &geo.columns)
            .into_iter()
            .filter(|(_, r)| r.expand2(vec2(1.0, 0.0)).contains(Pos2::new(local.x, local.y)))
            // The shortest coding is the most specific one under the pointer.
            .min_by_key(|&(k, _)| self.highlights.codings[k].span.len())
            .map_or(Hit::Nothing, |(k, _)| Hit::Stripe { coding: k })
    }

    /// Indices of the codings under `hit`.
    fn codings_at(&self, hit: Hit) -> Vec<usize> {
        match hit {
            Hit::Nothing => Vec::new(),
            Hit::Stripe { coding } => vec![coding],
            Hit::Text { paragraph, ch } => self.highlights.by_paragraph[paragraph]
                .iter()
                .map(|&k| k as usize)
                .filter(|&k| {
                    let span = self.highlights.codings[k].span;
                    span.start <= ch && ch < span.end
                })
                .collect(),
        }
    }

    fn codes_at(&self, hit: Hit) -> Vec<CodeId> {
        self.highlights.sorted_codes(self.codings_at(hit).into_iter().map(|k| self.highlights.codings[k].code_id))
    }

    /// The speaker whose label is under `hit`, as "Name (role) · hh:mm:ss".
    fn speaker_at(&self, hit: Hit) -> Option<String> {
        let Hit::Text { paragraph, ch } = hit else { return None };
        let mark = self.speakers.get(paragraph)?.iter().find(|m| m.label.contains(&ch))?;
        let name = self.people.get(&mark.participant).cloned().unwrap_or_else(|| t!("document-unknown-speaker").into());
        Some(match mark.timestamp_ms {
            Some(ms) => format!("{name} · {}", super::content::format_timestamp(ms)),
            None => name,
        })
    }

    /// A tooltip at the pointer naming the codes under it, each with who coded it ("Withdrawal —
    /// Amara, Jonas": coders are compared, so whose coding it is always matters), and the speaker
    /// of a label.
    fn tooltip(&self, response: &Response, hit: Hit) {
        let speaker = self.speaker_at(hit);
        if self.dragging || (self.hovered.is_empty() && speaker.is_none()) {
            return;
        }
        let under = self.codings_at(hit);
        let codes: Vec<(String, egui::Color32)> = self
            .hovered
            .iter()
            .map(|&c| {
                let mut who: Vec<&str> = under.iter().map(|&k| &self.highlights.codings[k]).filter(|x| x.code_id == c).map(|x| self.coder_name(x.coder_id)).collect();
                who.sort_unstable();
                who.dedup();
                (format!("{} — {}", self.highlights.name(c), who.join(", ")), self.highlights.color(c))
            })
            .collect();
        response.clone().on_hover_ui_at_pointer(|ui| {
            if let Some(speaker) = &speaker {
                ui.label(speaker);
            }
            for (name, color) in &codes {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, *color);
                    ui.label(name);
                });
            }
        });
    }

    /// The right-click menu: for each coding under the pointer, remove it, change its code,
    /// resize it to the selection, or open its memo; and copy the selection.
    fn context_menu(&mut self, ui: &Ui, response: &Response, hit: Hit, out: &mut DocumentResponse) {
        if response.secondary_clicked() {
            self.menu = self.codings_at(hit).into_iter().map(|k| self.highlights.codings[k].id).collect();
        }
        let under: Vec<&thicket_core::model::Coding> = self.menu.iter().filter_map(|id| self.highlights.codings.iter().find(|c| c.id == *id)).collect();
        // What each coding is called in the menu; two coders may have coded the same passage
        // with the same code: say whose is whose.
        let items: Vec<(CodingId, CodeId, String, bool)> = under
            .iter()
            .map(|c| {
                let name = self.highlights.name(c.code_id);
                let what = match under.iter().filter(|o| o.code_id == c.code_id).count() {
                    1 => name.to_string(),
                    _ => t!("document-code-by-coder", code = name, coder = self.coder_name(c.coder_id)),
                };
                (c.id, c.code_id, what, !c.memo.is_empty())
            })
            .collect();
        let selection = self.selection.span();
        let codes = self.highlights.sorted_codes(self.highlights.codes.keys().copied());
        let mut copy = false;
        self.menu_popup(response).show(|ui| {
            code_with_menu(ui, &self.highlights, &codes, selection.is_some(), out);
            for (id, code, label, has_memo) in &items {
                if items.len() > 1 {
                    ui.label(egui::RichText::new(label).strong());
                }
                // Its memo goes with it: say so here, and the app asks before it goes.
                let remove = if *has_memo { t!("document-remove-coding-memo", coding = label) } else { t!("document-remove-coding", coding = label) };
                if ui.button(remove).clicked() {
                    out.remove_coding = Some(*id);
                    ui.close();
                }
                ui.menu_button(t!("document-change-code", coding = label), |ui| {
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        for other in codes.iter().filter(|c| *c != code) {
                            if ui.button(self.highlights.name(*other)).clicked() {
                                out.recode = Some((*id, *other));
                                ui.close();
                            }
                        }
                    });
                });
                let resize = egui::Button::new(t!("document-resize-coding", coding = label));
                if ui.add_enabled(selection.is_some(), resize).on_disabled_hover_text(t!("document-resize-coding-disabled")).clicked() {
                    out.resize_coding = selection.map(|s| (*id, s));
                    ui.close();
                }
                // A coding that has a memo says so: "Edit memo of …" rather than "Memo on …".
                let memo = if *has_memo { t!("document-edit-coding-memo", coding = label) } else { t!("document-coding-memo", coding = label) };
                if ui.button(memo).clicked() {
                    out.memo_for_coding = Some(*id);
                    ui.close();
                }
                ui.separator();
            }
            if ui.add_enabled(selection.is_some(), egui::Button::new(t!("document-copy")).shortcut_text("Ctrl+C")).clicked() {
                copy = true;
                ui.close();
            }
            if ui.add_enabled(selection.is_some(), egui::Button::new(t!("document-memo-on-selection"))).clicked() {
                out.memo_on_selection = selection;
                ui.close();
            }
        });
        self.menu_shown(response);
        if copy {
            self.copy(ui.ctx());
        }
    }

    fn copy(&self, ctx: &egui::Context) {
        if let Some(text) = self.selected_text() {
            ctx.copy_text(text.to_owned());
        }
    }

    /// Keys, while the view has keyboard focus.
    fn keys(&mut self, ui: &Ui, response: &Response, geo: &Geometry) {
        // Arrows and Escape belong to the view while it has focus, not to focus navigation.
        let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, escape: true, tab: false };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                Event::Copy => self.copy(ui.ctx()),
                Event::Key { key, pressed: true, modifiers, .. } if self.keyboard_key(ui, response, key, modifiers) => self.keep_in_view(ui, geo, self.selection.cursor),
                Event::Key { key, pressed: true, modifiers, .. } => self.key(ui, geo, key, modifiers),
                _ => {}
            }
        }
    }

    fn key(&mut self, ui: &Ui, geo: &Geometry, key: Key, m: Modifiers) {
        let len = self.index.char_len();
        let row = geo.viewport.height().min(ui.ctx().fonts_mut(|f| f.row_height(&super::layout::text_font())) * 3.0);
        let page = geo.viewport.height() * 0.9;
        let before = self.selection.cursor;
        match key {
            Key::A if m.command => self.selection = Selection { anchor: 0, cursor: len },
            // Integrations send Event::Copy for Ctrl+C; a bare key event (tests, some platforms) copies too.
            Key::C if m.command => self.copy(ui.ctx()),
            Key::Escape => self.selection = Selection::at(self.selection.cursor),
            Key::ArrowLeft | Key::ArrowRight if m.shift => {
                self.selection.cursor = step_char(self.index.paragraphs(), len, self.selection.cursor, key == Key::ArrowRight);
            }
            Key::ArrowUp | Key::ArrowDown if m.shift => self.selection.cursor = self.vertical(ui.ctx(), key == Key::ArrowDown),
            Key::Home | Key::End if m.shift => self.selection.cursor = self.row_edge(self.selection.cursor, key == Key::End),
            Key::ArrowUp | Key::ArrowDown => ui.scroll_with_delta(vec2(0.0, if key == Key::ArrowUp { row } else { -row })),
            Key::PageUp | Key::PageDown => ui.scroll_with_delta(vec2(0.0, if key == Key::PageUp { page } else { -page })),
            _ => {}
        }
        if self.selection.cursor != before {
            self.keep_in_view(ui, geo, self.selection.cursor);
        }
    }

    /// Scrolls just enough to show the caret at `ch`.
    fn keep_in_view(&self, ui: &Ui, geo: &Geometry, ch: usize) {
        if let Some(rect) = self.char_rect(ch, geo.columns.text_left) {
            ui.scroll_to_rect(rect.translate(geo.origin.to_vec2()), None);
        }
    }

    /// The caret one row up or down from the selection's cursor, at the same x, crossing into
    /// the neighbouring paragraph at its first or last row.
    fn vertical(&mut self, ctx: &egui::Context, down: bool) -> usize {
        let cursor = self.selection.cursor;
        let Some(i) = self.paragraph_of(cursor) else { return cursor };
        self.ensure_layout(ctx, i);
        let paragraph = self.paragraph(i);
        let Some(galley) = self.galleys.get(i).cloned() else { return cursor };
        let caret = caret_rect(&galley, cursor.clamp(paragraph.start, paragraph.end) - paragraph.start);
        let top = self.heights.top(i);
        let y = if down { top + caret.bottom() + 1.0 } else { top + caret.top() - 1.0 };
        let y = if down && caret.bottom() >= galley.size().y - 0.5 {
            // From the last row: into the next paragraph, past the gap.
            top + galley.size().y + PARAGRAPH_GAP + 1.0
        } else if !down && caret.top() <= 0.5 {
            top - PARAGRAPH_GAP - 1.0
        } else {
            y
        };
        if y < 0.0 {
            return 0;
        }
        if y >= self.heights.total() {
            return self.index.char_len();
        }
        self.caret_at_content(ctx, Pos2::new(caret.left(), y))
    }

    /// The start or end of the row holding `ch`, if its paragraph is laid out.
    fn row_edge(&self, ch: usize, end: bool) -> usize {
        let Some(i) = self.paragraph_of(ch) else { return ch };
        let paragraph = self.paragraph(i);
        let Some(galley) = self.galleys.get(i) else { return ch };
        let cursor = egui::text::CCursor::new(ch.clamp(paragraph.start, paragraph.end) - paragraph.start);
        let edge = if end { galley.cursor_end_of_row(&cursor) } else { galley.cursor_begin_of_row(&cursor) };
        paragraph.start + edge.index.0
    }
}

/// "Code selection with…": a submenu of every code, by path in codebook order, that codes the
/// selection with the one chosen (disabled without a selection).
fn code_with_menu(ui: &mut Ui, highlights: &super::content::Highlights, codes: &[CodeId], enabled: bool, out: &mut DocumentResponse) {
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(t!("document-code-with"), |ui| {
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                for &code in codes {
                    if ui.button(highlights.name(code)).clicked() {
                        out.code_with = Some(code);
                        ui.close();
                    }
                }
            });
        });
    })
    .response
    .on_disabled_hover_text(t!("document-select-first"));
    ui.separator();
}

/// While selecting by dragging past the top or bottom of the view, scrolls towards the pointer,
/// faster the further away it is.
fn autoscroll(ui: &Ui, geo: &Geometry, pos: Pos2) {
    let speed = if pos.y < geo.clip.top() {
        (geo.clip.top() - pos.y).min(80.0) * 0.4
    } else if pos.y > geo.clip.bottom() {
        -(pos.y - geo.clip.bottom()).min(80.0) * 0.4
    } else {
        return;
    };
    ui.scroll_with_delta_animation(vec2(0.0, speed), egui::style::ScrollAnimation::none());
    ui.ctx().request_repaint();
}
