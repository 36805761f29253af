//! Coding without a pointer: the caret and the selection by character, word, sentence and
//! paragraph; stepping from coding to coding (F8, Shift+F8); the context menu of the coding at
//! the caret (Shift+F10 or the Menu key); and the name of the coding stepped to, shown beside its
//! stripe so that the stripe is never told apart by its colour alone.
//!
//! In: keys pressed while the document view has keyboard focus. Out: the view's selection, the
//! coding the keyboard is on, and the context menu opened as a right-click would open it.

use std::ops::Range;

use egui::{Key, Modifiers, Response, Ui};

use super::selection::{Selection, step_char};
use super::DocumentView;

impl DocumentView {
    /// Handles the keys of this module; `false` for a key it leaves to the view's other keys.
    pub(super) fn keyboard_key(&mut self, ui: &Ui, response: &Response, key: Key, m: Modifiers) -> bool {
        let len = self.index.char_len();
        let cursor = self.selection.cursor.min(len);
        match key {
            Key::ArrowLeft | Key::ArrowRight if m.command => {
                let to = self.word_step(cursor, key == Key::ArrowRight);
                self.selection = if m.shift { Selection { cursor: to, ..self.selection } } else { Selection::at(to) };
            }
            Key::ArrowLeft | Key::ArrowRight if !m.shift && !m.alt => {
                let forward = key == Key::ArrowRight;
                self.selection = match self.selection.span() {
                    // A selection collapses to the end the arrow points at, as in a text field.
                    Some(span) => Selection::at(if forward { span.end } else { span.start }),
                    None => Selection::at(step_char(self.index.paragraphs(), len, cursor, forward)),
                };
            }
            Key::S | Key::P if m.alt && !m.command => {
                let unit = if key == Key::S { self.sentence_at(cursor) } else { self.paragraph_of(cursor).map(|i| self.paragraph(i)) };
                self.extend_to(unit);
                // Some platforms also send the letter as text: it is not the start of a filter.
                ui.ctx().input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            }
            Key::F8 => self.step_coding(!m.shift),
            Key::F10 if m.shift => self.open_menu_here(response),
            Key::Menu => self.open_menu_here(response),
            _ => return false,
        }
        self.landed = None;
        true
    }

    /// The caret one word on: past the rest of this word and the gap after it (forward), or back
    /// to the start of this or the previous word; crossing into the next paragraph at its edges.
    fn word_step(&self, cursor: usize, forward: bool) -> usize {
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        let len = self.index.char_len();
        let Some(i) = self.paragraph_of(cursor) else { return step_char(self.index.paragraphs(), len, cursor, forward) };
        let p = self.paragraph(i);
        let at_edge = if forward { cursor >= p.end } else { cursor <= p.start };
        if at_edge || cursor < p.start || cursor > p.end {
            return step_char(self.index.paragraphs(), len, cursor, forward);
        }
        let chars: Vec<char> = self.paragraph_text(&p).chars().collect();
        let mut k = cursor - p.start;
        if forward {
            while k < chars.len() && is_word(chars[k]) {
                k += 1;
            }
            while k < chars.len() && !is_word(chars[k]) {
                k += 1;
            }
        } else {
            while k > 0 && !is_word(chars[k - 1]) {
                k -= 1;
            }
            while k > 0 && is_word(chars[k - 1]) {
                k -= 1;
            }
        }
        p.start + k
    }

    fn paragraph_text(&self, p: &Range<usize>) -> &str {
        self.index.char_range_to_byte_range(p.clone()).and_then(|r| self.text.get(r)).unwrap_or("")
    }

    /// The sentence (thicket-core's sentence splitting) holding the caret, or the next one in
    /// its paragraph when the caret is between sentences.
    fn sentence_at(&self, cursor: usize) -> Option<Range<usize>> {
        let p = self.paragraph(self.paragraph_of(cursor)?);
        let local = cursor.saturating_sub(p.start);
        let sentences = thicket_core::text::sentences(self.paragraph_text(&p));
        let s = sentences.iter().find(|s| local < s.end).or(sentences.last())?;
        Some(p.start + s.start..p.start + s.end)
    }

    /// Grows the selection to cover `unit` as well (a selection ending before it reaches on).
    fn extend_to(&mut self, unit: Option<Range<usize>>) {
        let Some(unit) = unit.filter(|u| !u.is_empty()) else { return };
        let (start, end) = match self.selection.span() {
            Some(span) => (span.start.min(unit.start), span.end.max(unit.end)),
            None => (unit.start, unit.end),
        };
        self.selection = Selection { anchor: start, cursor: end };
    }

    /// Selects the next (or previous) coding in text order after the one the keyboard is on, or
    /// after the caret; the keyboard is then on it.
    fn step_coding(&mut self, forward: bool) {
        let codings = &self.highlights.codings;
        let key = |k: usize| (codings[k].span.start, codings[k].span.end, codings[k].id.0);
        // From the coding the keyboard is on, else from the start of the selection or the caret.
        let here = self.keyboard_coding.and_then(|id| codings.iter().position(|c| c.id == id)).map_or((self.selection.cursor.min(self.selection.anchor), 0, i64::MIN), key);
        let found = if forward {
            (0..codings.len()).filter(|&k| key(k) > here).min_by_key(|&k| key(k))
        } else {
            (0..codings.len()).filter(|&k| key(k) < here).max_by_key(|&k| key(k))
        };
        let Some(k) = found else { return };
        let span = codings[k].span;
        self.keyboard_coding = Some(codings[k].id);
        self.selection = Selection { anchor: span.start, cursor: span.end };
        self.scroll_to_char(span.start);
    }

    /// Opens the context menu for the codings at the caret (the one the keyboard is on first).
    fn open_menu_here(&mut self, response: &Response) {
        let cursor = self.selection.cursor.min(self.selection.anchor);
        let mut ids: Vec<_> = self.keyboard_coding.into_iter().collect();
        for c in &self.highlights.codings {
            if c.span.start <= cursor && cursor < c.span.end && !ids.contains(&c.id) {
                ids.push(c.id);
            }
        }
        self.menu = ids;
        // Below the start of the selection or caret, else at the view's top left.
        let at = self.char_screen_rect(cursor).map_or(response.rect.left_top() + egui::vec2(40.0, 40.0), |r| r.left_bottom());
        self.menu_at = Some(at);
        self.menu_opening = true;
    }

    /// The view's context menu: at the pointer for a right-click, at the caret when opened from
    /// the keyboard.
    pub(super) fn menu_popup<'a>(&mut self, response: &'a Response) -> egui::Popup<'a> {
        let popup = egui::Popup::context_menu(response);
        if response.secondary_clicked() {
            self.menu_at = None;
        }
        match self.menu_at {
            Some(pos) if std::mem::take(&mut self.menu_opening) => popup.at_position(pos).open_memory(Some(egui::SetOpenCommand::Bool(true))),
            Some(pos) => popup.at_position(pos),
            None => popup,
        }
    }

    /// Forgets the keyboard menu's place once the menu has closed.
    pub(super) fn menu_shown(&mut self, response: &Response) {
        if self.menu_at.is_some() && !egui::Popup::is_id_open(&response.ctx, egui::Popup::default_response_id(response)) {
            self.menu_at = None;
        }
    }

    /// Gives the view the keyboard on its next frame (after coding from the code bar).
    pub fn take_keyboard(&mut self) {
        self.wants_focus = true;
    }

    /// Gives the view the keyboard on its first frame, unless a text field has it.
    pub(super) fn take_focus_once(&mut self, response: &Response) {
        if std::mem::take(&mut self.wants_focus) && !response.ctx.text_edit_focused() {
            response.request_focus();
        }
    }

    /// Forgets the coding the keyboard is on when the selection no longer is that coding.
    pub(super) fn keyboard_coding_index(&mut self) -> Option<usize> {
        let id = self.keyboard_coding?;
        let k = self.highlights.codings.iter().position(|c| c.id == id);
        let still = k.filter(|&k| self.selection.span() == Some(self.highlights.codings[k].span));
        if still.is_none() {
            self.keyboard_coding = None;
        }
        still
    }

    /// While the keyboard is on a coding: its stripe and text are outlined as under the pointer,
    /// and its code, coder and paragraph are written beside the stripe.
    pub(super) fn show_keyboard_coding(&mut self, ui: &Ui) {
        let Some(k) = self.keyboard_coding_index() else { return };
        if self.hovered_stripe.is_none() {
            self.hovered_stripe = Some(k);
        }
        let c = &self.highlights.codings[k];
        let label = self.coding_label(c);
        let Some(rect) = self.stripe_screen_rect(c.id) else { return };
        egui::Area::new(egui::Id::unique("document_keyboard_coding"))
            .order(egui::Order::Tooltip)
            .fixed_pos(rect.right_top() + egui::vec2(4.0, 0.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| ui.label(label));
            });
    }

    /// What a coding is called for the keyboard and for screen readers: "Ruptures/Withdrawal,
    /// coded by Amara, paragraph 14".
    pub(super) fn coding_label(&self, c: &thicket_core::model::Coding) -> String {
        let paragraph = self.paragraph_of(c.span.start).map_or(0, |i| i + 1);
        t!("a11y-coding-label", code = self.highlights.name(c.code_id), coder = self.coder_name(c.coder_id), paragraph = paragraph)
    }
}

