//! Removing a coding that carries a memo (issue #11, part 3): a coding's memo lives on the
//! coding, so removing one removes the other. A coding without a memo goes at once (undo brings
//! it back); one with a memo asks first, quoting the memo's first words, so that nobody loses a
//! memo by tidying highlights. Undo restores both either way.
//!
//! In: the coding to remove, read from the project. Out: the `Remove` action, when confirmed,
//! queued on the app.

use egui::{Key, Modifiers};
use thicket_core::Action;
use thicket_core::action::EntitySet;
use thicket_core::model::{Coding, CodingId};

use crate::app::{ThicketApp, UiCommand};

/// How many words of the memo the question quotes.
const QUOTED_WORDS: usize = 8;

/// The question while it is up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovalQuestion {
    pub coding: CodingId,
    /// The code's path, e.g. `Ruptures/Withdrawal`.
    code: String,
    /// The memo's first words.
    quote: String,
}

/// The user's answer this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Open,
    Remove,
    Cancel,
}

impl RemovalQuestion {
    /// The question for `coding`, if it carries a memo; `None`: remove it without asking.
    pub fn about(coding: &Coding, code: &str) -> Option<Self> {
        let memo = coding.memo.trim();
        (!memo.is_empty()).then(|| RemovalQuestion { coding: coding.id, code: code.to_string(), quote: first_words(memo, QUOTED_WORDS) })
    }

    /// Draws the question over the window. Enter removes, Escape cancels.
    pub fn show(&self, ctx: &egui::Context) -> Answer {
        let (enter, escape) = ctx.input_mut(|i| (i.consume_key(Modifiers::NONE, Key::Enter), i.consume_key(Modifiers::NONE, Key::Escape)));
        let mut answer = if enter {
            Answer::Remove
        } else if escape {
            Answer::Cancel
        } else {
            Answer::Open
        };
        egui::Modal::new(egui::Id::unique("coding_removal")).show(ctx, |ui| {
            ui.set_width(400.0);
            ui.heading(t!("removal-title"));
            ui.label(t!("removal-carries-memo", code = &self.code, memo = &self.quote));
            ui.label(t!("removal-explain"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t!("removal-confirm")).clicked() {
                    answer = Answer::Remove;
                }
                if ui.button(t!("removal-cancel")).clicked() {
                    answer = Answer::Cancel;
                }
            });
        });
        answer
    }
}

/// Removes a coding at once, or, for one that carries a memo, asks first.
pub(crate) fn ask_or_remove(app: &mut ThicketApp, id: CodingId) {
    let Some(project) = &app.project else { return };
    let coding = match project.coding(id) {
        Ok(Some(c)) => c,
        Ok(None) => return,
        Err(e) => return app.errors.push(e.to_string()),
    };
    let code = app.summary.as_ref().and_then(|s| s.codebook.path(coding.code_id)).unwrap_or_default().to_string();
    match RemovalQuestion::about(&coding, &code) {
        Some(question) => app.removal = Some(question),
        None => app.apply(removal_of(id)),
    }
}

/// Draws the question while it is up; a confirmed removal is queued on the app.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(question) = &app.removal else { return };
    match question.show(ctx) {
        Answer::Open => {}
        Answer::Cancel => app.removal = None,
        Answer::Remove => {
            let id = question.coding;
            app.removal = None;
            app.push(removal_of(id));
        }
    }
}

/// The action that removes one coding (and the memo it carries).
fn removal_of(id: CodingId) -> UiCommand {
    UiCommand::Perform(Action::Remove(EntitySet { codings: vec![id], ..Default::default() }))
}

/// The first `n` words of `text` on one line, with an ellipsis when there are more.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n { words.join(" ") } else { format!("{}…", words[..n].join(" ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_memo_is_quoted_by_its_first_words() {
        assert_eq!(first_words("She goes quiet\nwhen the report comes up, every time, and then leaves", 8), "She goes quiet when the report comes up,…");
        assert_eq!(first_words("  A pause. ", 8), "A pause.");
    }
}
