//! "Who is coding?": the small dialog that asks for the coder's name (issue #11, part 3).
//!
//! Agreement between coders is only as good as the record of who coded what, so the window never
//! records a guessed name. It asks on first start (no name in the preferences), pre-filled from
//! the login name (`thicket_core::project::suggested_coder`: the environment, else the local account), and again on
//! a new project, pre-filled with the current name; the project's coders are offered with one
//! click. On first start the question must be answered; otherwise Escape keeps the current name.
//!
//! In: the project's coders' names. Out: the chosen name, which the app remembers in the
//! preferences and records on every coding and memo from then on.

use egui::{Key, Modifiers};

use crate::app::ThicketApp;

/// The dialog's state while it is up.
#[derive(Debug, Clone)]
pub struct CoderPrompt {
    name: String,
    /// No name was ever chosen: there is nothing to keep, so the dialog cannot be dismissed.
    first: bool,
    /// The field has not had the keyboard yet (it gets it, with its text selected, once).
    focus_pending: bool,
}

/// What the user did with the dialog this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptOutcome {
    Open,
    Chosen(String),
    /// Dismissed: the current name stays.
    Kept,
}

impl CoderPrompt {
    /// The question on first start, pre-filled with `suggested` (the login name, if known).
    pub fn first_start(suggested: Option<String>) -> Self {
        CoderPrompt { name: suggested.unwrap_or_default(), first: true, focus_pending: true }
    }

    /// The question when the coder may change (a new project, "Change coder…").
    pub fn change(current: &str) -> Self {
        CoderPrompt { name: current.to_string(), first: current.trim().is_empty(), focus_pending: true }
    }

    /// The name in the field.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Draws the dialog over the window; `coders` are the open project's coders.
    pub fn show(&mut self, ctx: &egui::Context, coders: &[String], current: &str) -> PromptOutcome {
        let field = egui::Id::unique("coder_prompt_name");
        let escape = !self.first && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        let mut outcome = PromptOutcome::Open;
        egui::Modal::new(egui::Id::unique("coder_prompt")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading(t!("coder-prompt-title"));
            ui.label(t!("coder-prompt-explain"));
            ui.add_space(6.0);
            let label = ui.label(t!("coder-prompt-name"));
            let response = ui.add(egui::TextEdit::singleline(&mut self.name).id(field).hint_text(t!("coder-prompt-name.hint")).desired_width(f32::INFINITY)).labelled_by(label.id);
            if std::mem::take(&mut self.focus_pending) {
                response.request_focus();
                select_all(ctx, field, &self.name);
            }
            let typed = self.name.trim().to_string();
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) && !typed.is_empty() {
                outcome = PromptOutcome::Chosen(typed.clone());
            }
            if !coders.is_empty() {
                ui.add_space(6.0);
                ui.label(t!("coder-prompt-or-continue"));
                ui.horizontal_wrapped(|ui| {
                    for name in coders {
                        if ui.button(name).on_hover_text(t!("coder-prompt-code-as", name = name)).clicked() {
                            outcome = PromptOutcome::Chosen(name.clone());
                        }
                    }
                });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.add_enabled(!typed.is_empty(), egui::Button::new(t!("coder-prompt-continue"))).clicked() {
                    outcome = PromptOutcome::Chosen(typed.clone());
                }
                if !self.first && ui.button(t!("coder-prompt-keep", name = current)).clicked() {
                    outcome = PromptOutcome::Kept;
                }
            });
        });
        if escape && outcome == PromptOutcome::Open {
            outcome = PromptOutcome::Kept;
        }
        outcome
    }
}

/// Draws the question while it is up; the chosen name becomes the coder (and is remembered).
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(prompt) = &mut app.coder_prompt else { return };
    // Retired coders are not offered for new work.
    let coders: Vec<String> = app.summary.as_ref().map(|s| s.coders.iter().filter(|c| !c.retired).map(|c| c.name.clone()).collect()).unwrap_or_default();
    match prompt.show(ctx, &coders, &app.coder) {
        PromptOutcome::Open => {}
        PromptOutcome::Kept => app.coder_prompt = None,
        PromptOutcome::Chosen(name) => {
            app.coder_prompt = None;
            app.set_coder(name);
        }
    }
}

/// Selects the field's whole text, so that typing replaces the suggestion.
fn select_all(ctx: &egui::Context, field: egui::Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ctx, field).unwrap_or_default();
    let range = egui::text_selection::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(text.chars().count()));
    state.cursor.set_char_range(Some(range));
    state.store(ctx, field);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_question_starts_from_the_login_name_or_blank() {
        assert_eq!(CoderPrompt::first_start(Some("ana".into())).name(), "ana");
        assert_eq!(CoderPrompt::first_start(None).name(), "");
        assert!(CoderPrompt::first_start(Some("ana".into())).first);
        let later = CoderPrompt::change("Amara");
        assert_eq!((later.name(), later.first), ("Amara", false));
    }
}
