//! The find bar over the document (Ctrl+F): hits of a phrase or regular expression in the open
//! source, marked in the document view, stepped through with Enter / F3 (Shift for back), with a
//! "3 of 12" counter; Esc closes it.
//!
//! In: the open `DocumentView` (its text; the search is pure, `text::find`). Out: the hits and
//! the current one, handed to the view (`set_search_hits`, `reveal`). Hits are found again only
//! when the pattern or the source changes, never per frame.

use egui::{Key, Modifiers};

use thicket_core::model::{SourceId, TextSpan};
use thicket_core::text::{Folding, SearchPattern};
use crate::document::DocumentView;

/// The find bar's state, kept between frames.
#[derive(Default)]
pub struct FindBar {
    open: bool,
    query: String,
    regex: bool,
    whole_word: bool,
    /// What a plain search ignores (the Options menu).
    folding: Folding,
    hits: Vec<TextSpan>,
    current: Option<usize>,
    error: Option<String>,
    /// What `hits` were found for.
    found_for: Option<(SourceId, SearchPattern)>,
    /// Give the field keyboard focus (and select its text) on the next frame.
    focus: bool,
    /// Make the first hit at or after this char current once this source is open (a project
    /// search result that was clicked).
    target: Option<(SourceId, usize)>,
    /// Frames spent waiting for the target's source to open; the wait is given up after a few
    /// (the source may have failed to open, or another was chosen).
    target_wait: u8,
}

impl FindBar {
    /// Opens the bar with its field focused and its text selected, ready to type over.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }


    /// Opens the bar on `pattern` with the hit at `span` of `source` current, for a project
    /// search result; takes effect when that source is open.
    pub fn show_hit(&mut self, pattern: &SearchPattern, source: SourceId, span: TextSpan) {
        self.query = pattern.text.clone();
        self.folding = pattern.folding;
        match pattern.kind {
            thicket_core::text::PatternKind::Regex => self.regex = true,
            thicket_core::text::PatternKind::Plain { whole_word } => {
                self.regex = false;
                self.whole_word = whole_word;
            }
        }
        self.open = true;
        self.target = Some((source, span.start));
        self.target_wait = 0;
        self.found_for = None;
    }

    /// "3 of 12", "12 matches", "no matches", or nothing before anything is typed.
    pub fn counter(&self) -> String {
        match (self.hits.len(), self.current) {
            _ if self.query.trim().is_empty() || self.error.is_some() => String::new(),
            (0, _) => t!("find-no-matches").into(),
            (n, Some(i)) => t!("find-position", i = i + 1, n = n),
            (n, None) => t!("find-matches", n = n),
        }
    }

    fn pattern(&self) -> SearchPattern {
        let pattern = if self.regex { SearchPattern::regex(&self.query) } else { SearchPattern::plain(&self.query, self.whole_word) };
        pattern.with_folding(self.folding)
    }

    /// Draws the bar (when open) above the document and keeps the view's hits in step.
    pub fn show(&mut self, ui: &mut egui::Ui, doc: Option<&mut DocumentView>) {
        let Some(doc) = doc else { return };
        if !self.open {
            if !doc.search_hits().0.is_empty() {
                doc.set_search_hits(Vec::new(), None);
            }
            return;
        }
        let field_id = egui::Id::unique("find_bar_field");
        let step = self.keys(ui, field_id);
        let mut close = false;
        let mut step_clicked = None;
        // Wrapped: on a narrow document the controls take a second row rather than widening the
        // central area past the window (which would push the text out of sight).
        ui.horizontal_wrapped(|ui| {
            // Whole items move to the next row; none is broken inside.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            let label = ui.label(t!("find-label"));
            if std::mem::take(&mut self.focus) {
                select_all(ui.ctx(), field_id, &self.query);
                ui.memory_mut(|m| m.request_focus(field_id));
            }
            // Escape is the bar's to handle (it closes it), not egui's (which would only unfocus).
            let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: false, tab: false, escape: true };
            let edit = egui::TextEdit::singleline(&mut self.query).id(field_id).event_filter(filter).hint_text(t!("search-hint")).desired_width(ui.available_width().clamp(120.0, 240.0));
            ui.add(edit).labelled_by(label.id);
            ui.add_enabled_ui(!self.regex, |ui| ui.checkbox(&mut self.whole_word, t!("search-whole-words")));
            ui.checkbox(&mut self.regex, t!("find-regex"));
            let (folding, regex) = (&mut self.folding, self.regex);
            ui.menu_button(t!("search-folding-options"), |ui| {
                super::folding_options::folding_options(ui, folding, regex);
            })
            .response
            .on_hover_text(t!("search-folding-options.tooltip"));
            ui.label(self.counter());
            if ui.add_enabled(!self.hits.is_empty(), egui::Button::new(t!("find-previous"))).on_hover_text(t!("find-previous.tooltip")).clicked() {
                step_clicked = Some(false);
            }
            if ui.add_enabled(!self.hits.is_empty(), egui::Button::new(t!("find-next"))).on_hover_text(t!("find-next.tooltip")).clicked() {
                step_clicked = Some(true);
            }
            if ui.button(t!("search-close")).on_hover_text("Esc").clicked() {
                close = true;
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.separator();
        if close || step == Some(Step::Close) {
            self.open = false;
            doc.set_search_hits(Vec::new(), None);
            return;
        }
        self.refresh(doc);
        match step_clicked.or(match step {
            Some(Step::Next) => Some(true),
            Some(Step::Previous) => Some(false),
            _ => None,
        }) {
            Some(forward) => self.step(doc, forward),
            None => {
                // The view was rebuilt (after an action): give it the hits again.
                let (shown, current) = doc.search_hits();
                if shown.len() != self.hits.len() || current != self.current {
                    doc.set_search_hits(self.hits.clone(), self.current);
                }
            }
        }
    }

    /// Enter / Shift+Enter / Esc while the field has focus, F3 / Shift+F3 anywhere; consumed
    /// before the field sees them (a single-line field would give up focus on Enter).
    fn keys(&mut self, ui: &egui::Ui, field: egui::Id) -> Option<Step> {
        let focused = ui.memory(|m| m.has_focus(field));
        ui.input_mut(|i| {
            // Shift first: a plain shortcut also matches its shifted form.
            if i.consume_key(Modifiers::SHIFT, Key::F3) || (focused && i.consume_key(Modifiers::SHIFT, Key::Enter)) {
                Some(Step::Previous)
            } else if i.consume_key(Modifiers::NONE, Key::F3) || (focused && i.consume_key(Modifiers::NONE, Key::Enter)) {
                Some(Step::Next)
            } else if focused && i.consume_key(Modifiers::NONE, Key::Escape) {
                Some(Step::Close)
            } else {
                None
            }
        })
    }

    /// Finds the hits again if the pattern or the source changed; a new pattern makes the first
    /// hit at or after the top of the view current and brings it into view.
    fn refresh(&mut self, doc: &mut DocumentView) {
        let pattern = self.pattern();
        let key = (doc.source.id, pattern.clone());
        if self.target.is_some_and(|(id, _)| id != doc.source.id) {
            self.target_wait += 1;
            if self.target_wait <= 3 {
                return;
            }
            self.target = None;
        }
        if self.found_for.as_ref() == Some(&key) {
            return;
        }
        let pattern_changed = self.found_for.as_ref().is_none_or(|(_, p)| *p != pattern);
        // Typing searches on from the current hit, or from where the reader is; opening another
        // source does not move it (it may have been opened at a segment), unless a project
        // search result asked to.
        let anchor = match self.target.take() {
            Some((_, ch)) => Some(ch),
            None if pattern_changed => Some(self.current.and_then(|i| self.hits.get(i)).map_or_else(|| doc.first_visible_char(), |h| h.start)),
            None => None,
        };
        self.found_for = Some(key);
        self.error = None;
        self.hits = if pattern.text.trim().is_empty() {
            Vec::new()
        } else {
            match pattern.compile() {
                Ok(finder) => finder.find(doc.text()),
                Err(e) => {
                    self.error = Some(e.to_string());
                    Vec::new()
                }
            }
        };
        self.current = anchor.filter(|_| !self.hits.is_empty()).map(|ch| self.hits.partition_point(|h| h.end <= ch) % self.hits.len());
        doc.set_search_hits(self.hits.clone(), self.current);
        if let Some(i) = self.current {
            doc.reveal(self.hits[i]);
        }
    }

    /// Makes the next (or previous) hit current, wrapping around, and brings it into view.
    fn step(&mut self, doc: &mut DocumentView, forward: bool) {
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        let i = match (self.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => self.hits.partition_point(|h| h.end <= doc.first_visible_char()) % n,
            (None, false) => n - 1,
        };
        self.current = Some(i);
        doc.set_search_hits(self.hits.clone(), self.current);
        doc.reveal(self.hits[i]);
    }
}

/// Selects all of the field's text, so typing replaces the last search.
fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(egui::text_selection::CCursorRange::select_all_str(text)));
    state.store(ctx, id);
}

/// What a key asked of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Previous,
    Close,
}
