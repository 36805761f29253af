//! File → Restore from a backup…: the project's snapshots (`NAME.thicket-backups/`) with their
//! date, size and counts read from each snapshot, restored into a new file the user names (never
//! over the open project), then an offer to open it.

use std::path::PathBuf;

use thicket_core::project::{BackupInfo, list_backups, restore_backup};

use crate::app::{ThicketApp, UiCommand};

/// The dialog's state.
#[derive(Default)]
pub struct BackupsDialog {
    open: bool,
    /// The snapshots, newest first, read on opening; unreadable ones as (file, reason).
    listed: Vec<Result<BackupInfo, (PathBuf, String)>>,
    chosen: Option<usize>,
    /// The new file's name, beside the project.
    new_name: String,
    /// The file last restored, offered to open.
    restored: Option<PathBuf>,
    problem: Option<String>,
    /// The folder listed: the one the project's backups go into (File → Backup settings…).
    folder: PathBuf,
}

impl BackupsDialog {
    pub fn is_open(&self) -> bool {
        self.open
    }
}

/// Opens the dialog on the open project's backups.
pub(crate) fn open(app: &mut ThicketApp) {
    let Some(p) = &app.project else { return };
    let folder = super::autobackup::folder_for(&app.prefs.backups, p.path());
    let listed = match list_backups(&folder, p.passphrase()) {
        Ok(l) => l.into_iter().map(|r| r.map_err(|(path, e)| (path, e.to_string()))).collect(),
        Err(e) => return app.errors.push(e.to_string()),
    };
    let stem = p.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    app.backups = BackupsDialog { open: true, listed, chosen: None, new_name: format!("{stem} (restored).thicket"), restored: None, problem: None, folder };
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64) } else { format!("{:.0} KB", (bytes as f64 / 1024.0).ceil()) }
}

/// Draws the dialog, if open.
pub(super) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(project) = &app.project else { return };
    let folder = project.path().parent().map(PathBuf::from).unwrap_or_default();
    // An encrypted project's snapshots are encrypted with its passphrase, and so is the restored file.
    let key = project.passphrase().cloned();
    if !app.backups.open {
        return;
    }
    let mut open = true;
    let mut then = None;
    let mut settings = false;
    crate::window_fit::fit(egui::Window::new(t!("backups-title")).id(egui::Id::unique("backups dialog")).open(&mut open).default_width(640.0), ctx).show(ctx, |ui| {
        // Where the snapshots are, and the last one this window took.
        ui.label(t!("backups-folder", folder = app.backups.folder.display().to_string()));
        ui.horizontal_wrapped(|ui| {
            super::autobackup::last_line(app, ui);
            settings = ui.button(t!("cmd-backup-settings")).clicked();
        });
        ui.separator();
        let d = &mut app.backups;
        if d.listed.is_empty() {
            ui.label(t!("backups-none"));
            return;
        }
        ui.label(t!("backups-intro"));
        egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
            for (i, b) in d.listed.iter().enumerate() {
                match b {
                    Ok(b) => {
                        let text = t!(
                            "backups-row",
                            date = crate::i18n::date_time(&b.taken_at),
                            size = size(b.bytes),
                            sources = b.sources,
                            codes = b.codes,
                            codings = b.codings,
                            memos = b.memos
                        );
                        if ui.selectable_label(d.chosen == Some(i), text).clicked() {
                            d.chosen = Some(i);
                        }
                    }
                    Err((path, reason)) => {
                        ui.colored_label(ui.visuals().warn_fg_color, t!("backups-unreadable", file = path.display().to_string(), reason = reason.as_str()));
                    }
                }
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label(t!("backups-new-file"));
            ui.add(egui::TextEdit::singleline(&mut d.new_name).desired_width(280.0)).labelled_by(label.id);
        });
        let chosen = d.chosen.and_then(|i| d.listed.get(i)).and_then(|b| b.as_ref().ok());
        if ui.add_enabled(chosen.is_some() && !d.new_name.trim().is_empty(), egui::Button::new(t!("backups-restore"))).clicked()
            && let Some(b) = chosen
        {
            let mut name = d.new_name.trim().to_string();
            if !name.ends_with(".thicket") {
                name.push_str(".thicket");
            }
            let to = folder.join(name);
            match restore_backup(&b.path, &to, key.as_ref()) {
                Ok(_) => {
                    d.restored = Some(to);
                    d.problem = None;
                }
                Err(e) => d.problem = Some(e.to_string()),
            }
        }
        if let Some(p) = &d.problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        if let Some(to) = &d.restored {
            ui.label(t!("backups-restored", file = to.display().to_string()));
            if ui.button(t!("backups-open-restored")).clicked() {
                then = Some(UiCommand::OpenProject(to.clone()));
            }
        }
    });
    app.backups.open = open && then.is_none();
    if let Some(c) = then {
        app.push(c);
    }
    if settings {
        app.autobackup.settings_open = true;
    }
}
