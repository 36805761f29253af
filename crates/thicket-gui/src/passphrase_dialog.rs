//! The passphrase dialog (issue #15 §5, docs/integrity.md "Encryption at rest"): asks for the
//! passphrase of an encrypted project being opened (a wrong one says so and lets the user try
//! again), and for a new passphrase, typed twice, to encrypt a project or change its passphrase;
//! removing the encryption asks for a confirmation. Every field is masked.
//!
//! In: the file and what is being done. Out: a passphrase (or a confirmation) the app acts on:
//! `Project::open_keyed` or `Project::set_encryption`.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use thicket_core::error::ErrorKind;
use thicket_core::project::Project;
use thicket_core::store::Passphrase;

use crate::app::ThicketApp;

/// What the dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Opening the encrypted project at this path.
    Open(PathBuf),
    /// Encrypting the open (plain) project.
    Encrypt,
    /// Changing the open (encrypted) project's passphrase.
    Change,
    /// Removing the open project's encryption.
    Remove,
}

/// The dialog's state while it is up.
pub struct PassphraseDialog {
    purpose: Purpose,
    first: String,
    second: String,
    error: Option<String>,
    focus_pending: bool,
}

impl std::fmt::Debug for PassphraseDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PassphraseDialog").field("purpose", &self.purpose).field("error", &self.error).finish()
    }
}

/// What the user did this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Cancelled,
    /// A passphrase typed (twice where a new one is asked for, both the same).
    Passphrase(Passphrase),
    /// Removing the encryption confirmed.
    Confirmed,
}

impl PassphraseDialog {
    pub fn new(purpose: Purpose) -> Self {
        PassphraseDialog { purpose, first: String::new(), second: String::new(), error: None, focus_pending: true }
    }

    pub fn purpose(&self) -> &Purpose {
        &self.purpose
    }

    /// Shows `message` under the fields and empties them for another try.
    fn refuse(&mut self, message: String) {
        self.error = Some(message);
        self.first.clear();
        self.second.clear();
        self.focus_pending = true;
    }

    fn asks_twice(&self) -> bool {
        matches!(self.purpose, Purpose::Encrypt | Purpose::Change)
    }

    /// Draws the dialog over the window; `file` names the project.
    pub fn show(&mut self, ctx: &egui::Context, file: &str) -> Outcome {
        let escape = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        let mut outcome = Outcome::Open;
        let (title, body, action) = match self.purpose {
            Purpose::Open(_) => (t!("passphrase-open-title"), t!("passphrase-open-body", file = file), t!("passphrase-open")),
            Purpose::Encrypt => (t!("passphrase-encrypt-title"), t!("passphrase-encrypt-body", file = file), t!("passphrase-encrypt")),
            Purpose::Change => (t!("passphrase-change-title"), t!("passphrase-change-body", file = file), t!("passphrase-change")),
            Purpose::Remove => (t!("passphrase-remove-title"), t!("passphrase-remove-body", file = file), t!("passphrase-remove")),
        };
        egui::Modal::new(egui::Id::unique("passphrase_dialog")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(title);
            ui.label(body);
            if self.asks_twice() {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(t!("passphrase-lost-warning")).strong());
            }
            let mut enter = false;
            if self.purpose != Purpose::Remove {
                ui.add_space(6.0);
                let first_label = if self.purpose == Purpose::Change { t!("passphrase-new-field") } else { t!("passphrase-field") };
                let label = ui.label(first_label);
                let first = ui.add(egui::TextEdit::singleline(&mut self.first).password(true).desired_width(f32::INFINITY)).labelled_by(label.id);
                if std::mem::take(&mut self.focus_pending) {
                    first.request_focus();
                }
                enter |= first.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if self.asks_twice() {
                    let label = ui.label(t!("passphrase-again-field"));
                    let second = ui.add(egui::TextEdit::singleline(&mut self.second).password(true).desired_width(f32::INFINITY)).labelled_by(label.id);
                    enter = second.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                }
            }
            if let Some(error) = &self.error {
                ui.add_space(4.0);
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.add_space(8.0);
            let ready = self.purpose == Purpose::Remove || (!self.first.is_empty() && (!self.asks_twice() || !self.second.is_empty()));
            ui.horizontal(|ui| {
                if ui.add_enabled(ready, egui::Button::new(action)).clicked() || (enter && ready) {
                    outcome = self.submit();
                }
                if ui.button(t!("passphrase-cancel")).clicked() {
                    outcome = Outcome::Cancelled;
                }
            });
        });
        if escape && outcome == Outcome::Open {
            outcome = Outcome::Cancelled;
        }
        outcome
    }

    fn submit(&mut self) -> Outcome {
        if self.purpose == Purpose::Remove {
            return Outcome::Confirmed;
        }
        if self.asks_twice() && self.first != self.second {
            self.refuse(t!("passphrase-differ").to_string());
            return Outcome::Open;
        }
        match Passphrase::new(&self.first) {
            Ok(p) => Outcome::Passphrase(p),
            Err(why) => {
                self.refuse(why);
                Outcome::Open
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Asks for what `purpose` needs (from the File menu: encrypt, change or remove).
pub(crate) fn ask(app: &mut ThicketApp, purpose: Purpose) {
    app.passphrase_dialog = Some(PassphraseDialog::new(purpose));
}

/// Draws the dialog while it is up and acts on the answer.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(dialog) = &mut app.passphrase_dialog else { return };
    let path = match dialog.purpose() {
        Purpose::Open(path) => path.clone(),
        _ => match &app.project {
            Some(p) => p.path().to_owned(),
            None => {
                app.passphrase_dialog = None;
                return;
            }
        },
    };
    let file = file_name(&path);
    match dialog.show(ctx, &file) {
        Outcome::Open => {}
        Outcome::Cancelled => app.passphrase_dialog = None,
        Outcome::Passphrase(key) => match dialog.purpose().clone() {
            Purpose::Open(_) => match Project::open_keyed(&path, Some(&key)) {
                Ok(project) => {
                    app.passphrase_dialog = None;
                    app.opened(&path, project);
                }
                Err(e) if e.kind() == ErrorKind::Passphrase => dialog.refuse(t!("passphrase-wrong", file = file.as_str())),
                Err(e) => {
                    app.passphrase_dialog = None;
                    app.errors.push(e.to_string());
                }
            },
            purpose => convert(app, Some(&key), &purpose, &file),
        },
        Outcome::Confirmed => convert(app, None, &Purpose::Remove, &file),
    }
}

/// Encrypts, re-keys or decrypts the open project; a failure stays in the dialog.
fn convert(app: &mut ThicketApp, key: Option<&Passphrase>, purpose: &Purpose, file: &str) {
    let Some(project) = app.project.as_mut() else { return };
    match project.set_encryption(key) {
        Ok(()) => {
            app.passphrase_dialog = None;
            app.notice = Some(match purpose {
                Purpose::Encrypt => t!("passphrase-encrypted-notice", file = file),
                Purpose::Change => t!("passphrase-changed-notice", file = file),
                _ => t!("passphrase-removed-notice", file = file),
            });
        }
        Err(e) => {
            if let Some(dialog) = &mut app.passphrase_dialog {
                dialog.refuse(e.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_must_be_typed_the_same_twice() {
        let mut d = PassphraseDialog::new(Purpose::Encrypt);
        d.first = "one".into();
        d.second = "two".into();
        assert_eq!(d.submit(), Outcome::Open);
        assert!(d.error.is_some() && d.first.is_empty());
        d.first = "same".into();
        d.second = "same".into();
        assert_eq!(d.submit(), Outcome::Passphrase(Passphrase::new("same").unwrap()));
        assert_eq!(PassphraseDialog::new(Purpose::Remove).submit(), Outcome::Confirmed);
    }
}
