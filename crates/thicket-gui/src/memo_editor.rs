//! The text of the memo being edited in the memo browser, and when it is saved.
//!
//! A memo is written in bursts. Saving each keystroke would make every letter its own undo step,
//! and saving only on an explicit button loses text when the window is closed. So the buffer is
//! saved (one `Action`, one undo step) when the field loses focus, after a pause in typing, and
//! whenever the app must not lose it (another memo is opened, the window or project is closed,
//! the user undoes). Pure: no egui, no project; times are egui's seconds.

use thicket_core::Action;
use thicket_core::model::*;

/// Seconds without typing after which the memo is saved.
pub const PAUSE: f64 = 1.5;

/// What the buffer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    /// A stored memo.
    Memo(MemoId),
    /// The memo of a coding, kept on the coding itself (it has no title).
    Coding(CodingId),
    /// A memo not stored yet: it is created when it first has text to save.
    New(MemoTarget),
}

/// A change that saves the buffer.
#[derive(Debug, Clone, PartialEq)]
pub enum MemoChange {
    /// Perform this action (an `UpdateMemo`, or an `UpdateCoding` with the coding's own span).
    Perform(Action),
    /// Create the memo, by the current coder (the app knows who that is).
    Create { target: MemoTarget, title: String, body: String },
}

/// The memo in the editor: what the user typed and what the project has.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoEditor {
    pub target: EditTarget,
    pub title: String,
    pub body: String,
    /// Title and body as last saved or read from the project.
    saved: (String, String),
    /// When the text last changed while unsaved.
    last_change: Option<f64>,
}

impl MemoEditor {
    /// An editor on text as stored (empty for a new memo).
    pub fn open(target: EditTarget, title: String, body: String) -> Self {
        MemoEditor { target, saved: (title.clone(), body.clone()), title, body, last_change: None }
    }

    /// True when the buffer differs from what was saved.
    pub fn is_dirty(&self) -> bool {
        self.title != self.saved.0 || self.body != self.saved.1
    }

    /// Notes that the user changed the text at time `now`.
    pub fn touched(&mut self, now: f64) {
        self.last_change = Some(now);
    }

    /// Seconds until the pause save is due, if the buffer is unsaved (zero or less: due now).
    pub fn due_in(&self, now: f64) -> Option<f64> {
        if !self.is_dirty() {
            return None;
        }
        Some(self.last_change.map_or(0.0, |t| t + PAUSE - now))
    }

    /// The change that saves the buffer, if it is unsaved; from then on the buffer counts as
    /// saved. `coding_span` gives a coding's current span (an `UpdateCoding` must restate it);
    /// `None` there means the coding is gone, and nothing is saved.
    pub fn commit(&mut self, coding_span: impl FnOnce(CodingId) -> Option<TextSpan>) -> Option<MemoChange> {
        if !self.is_dirty() {
            return None;
        }
        let change = match self.target {
            EditTarget::Memo(id) => MemoChange::Perform(Action::UpdateMemo { id, title: self.title.clone(), body: self.body.clone(), updated_at: None }),
            EditTarget::Coding(id) => {
                let span = coding_span(id)?;
                MemoChange::Perform(Action::UpdateCoding { id, span, memo: self.body.clone() })
            }
            // An empty new memo is not worth a row: it is created once it says something.
            EditTarget::New(_) if self.title.trim().is_empty() && self.body.trim().is_empty() => return None,
            EditTarget::New(target) => MemoChange::Create { target, title: self.title.clone(), body: self.body.clone() },
        };
        self.saved = (self.title.clone(), self.body.clone());
        self.last_change = None;
        Some(change)
    }

    /// A new memo on `target` was stored as `id`: further saves update it.
    pub fn created(&mut self, target: MemoTarget, id: MemoId) {
        if self.target == EditTarget::New(target) {
            self.target = EditTarget::Memo(id);
        }
    }

    /// The project now holds `title` and `body` for this memo (after an undo, say). Unchanged
    /// text follows the project; text being typed is kept and will overwrite it when saved.
    pub fn stored(&mut self, title: &str, body: &str) {
        if (self.saved.0.as_str(), self.saved.1.as_str()) == (title, body) {
            return;
        }
        if !self.is_dirty() {
            self.title = title.to_string();
            self.body = body.to_string();
        }
        self.saved = (title.to_string(), body.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPAN: TextSpan = TextSpan { start: 3, end: 9 };

    fn no_coding(_: CodingId) -> Option<TextSpan> {
        None
    }

    #[test]
    fn an_unchanged_memo_saves_nothing_and_is_never_due() {
        let mut e = MemoEditor::open(EditTarget::Memo(MemoId(4)), "T".into(), "body".into());
        assert_eq!(e.due_in(10.0), None);
        assert_eq!(e.commit(no_coding), None);
    }

    #[test]
    fn typing_is_saved_once_after_a_pause_as_one_update() {
        let mut e = MemoEditor::open(EditTarget::Memo(MemoId(4)), "T".into(), "body".into());
        e.body.push_str(" more");
        e.touched(10.0);
        e.body.push('!');
        e.touched(10.5);
        assert_eq!(e.due_in(11.0), Some(1.0));
        assert!(e.due_in(12.0).is_some_and(|d| d <= 0.0));
        let change = e.commit(no_coding);
        assert_eq!(change, Some(MemoChange::Perform(Action::UpdateMemo { id: MemoId(4), title: "T".into(), body: "body more!".into(), updated_at: None })));
        assert!(!e.is_dirty());
        assert_eq!(e.commit(no_coding), None, "saved once");
    }

    #[test]
    fn a_coding_memo_restates_the_codings_current_span() {
        let mut e = MemoEditor::open(EditTarget::Coding(CodingId(7)), String::new(), String::new());
        e.body = "why this is a rupture".into();
        let change = e.commit(|id| (id == CodingId(7)).then_some(SPAN));
        assert_eq!(change, Some(MemoChange::Perform(Action::UpdateCoding { id: CodingId(7), span: SPAN, memo: "why this is a rupture".into() })));
    }

    #[test]
    fn a_coding_that_is_gone_keeps_the_text_unsaved() {
        let mut e = MemoEditor::open(EditTarget::Coding(CodingId(7)), String::new(), String::new());
        e.body = "lost?".into();
        assert_eq!(e.commit(no_coding), None);
        assert!(e.is_dirty(), "the text stays in the editor");
    }

    #[test]
    fn a_new_memo_is_created_only_with_text_then_updated() {
        let target = MemoTarget::Code { id: CodeId(2) };
        let mut e = MemoEditor::open(EditTarget::New(target), String::new(), String::new());
        e.body = "  ".into();
        assert_eq!(e.commit(no_coding), None, "blank memos are not created");
        e.body = "Withdrawal peaks after a change of worker.".into();
        assert_eq!(e.commit(no_coding), Some(MemoChange::Create { target, title: String::new(), body: e.body.clone() }));
        e.created(MemoTarget::Project, MemoId(1));
        assert_eq!(e.target, EditTarget::New(target), "another memo's creation is ignored");
        e.created(target, MemoId(9));
        assert_eq!(e.target, EditTarget::Memo(MemoId(9)));
        e.title = "Turnover".into();
        assert!(matches!(e.commit(no_coding), Some(MemoChange::Perform(Action::UpdateMemo { id: MemoId(9), .. }))));
    }

    #[test]
    fn text_follows_the_project_unless_the_user_is_typing() {
        let mut e = MemoEditor::open(EditTarget::Memo(MemoId(4)), "T".into(), "after".into());
        e.stored("T", "before");
        assert_eq!(e.body, "before", "an undo shows");
        assert!(!e.is_dirty());
        e.body = "typing".into();
        e.stored("T", "elsewhere");
        assert_eq!(e.body, "typing", "what is being typed is kept");
        assert!(e.is_dirty());
    }
}
