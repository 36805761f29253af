//! Automatic backups in the window (issue #15 §4, docs/integrity.md "Backups"): a snapshot as
//! soon as the project is open and sound, then one every N minutes of work (only when something
//! was written since the last one), the newest K kept, in the folder beside the project or one
//! the user picked for it. Settings in File → Backup settings…, remembered in the preferences.
//!
//! A snapshot never holds up a frame: `Project::backup_job` gives what a worker needs, and the
//! worker reads through a read-only connection of its own (WAL mode lets the window go on
//! writing meanwhile). A damaged or read-only project is not backed up. A failed snapshot (a full
//! disk, a folder that cannot be written) is said once, naming the folder and the reason, and the
//! window goes on; the next try comes an interval later.
//!
//! The interval is kept by `BackupSchedule`, which takes the clock as a parameter; tests move the
//! last snapshot back (`ThicketApp::pretend_backup_minutes_passed`) instead of waiting.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thicket_core::project::{BackupInfo, BackupSchedule, backup_folder};
use thicket_core::store::Access;

use crate::app::{ThicketApp, UiCommand};
use crate::file_request::{FilePurpose, FileRequest};
use crate::jobs::{Job, Polled};
use crate::prefs::BackupPrefs;

/// The window's automatic backups of the open project.
pub struct AutoBackup {
    schedule: BackupSchedule,
    running: Option<Running>,
    /// The last snapshot taken since the project was opened.
    last: Option<BackupInfo>,
    /// The last failure said to the user: the same one is not said again until a snapshot works.
    failure: Option<String>,
    /// Changes by other processes seen since the project was opened (they are work too).
    outside: u64,
    /// "Back up now" was pressed.
    asked: bool,
    /// File → Backup settings… is open.
    pub(crate) settings_open: bool,
}

/// A snapshot under way on a worker.
struct Running {
    job: Job<Result<BackupInfo, String>>,
    started: Instant,
    /// The project's change count when it started: later changes are for the next snapshot.
    changes: u64,
    folder: PathBuf,
}

impl Default for AutoBackup {
    fn default() -> Self {
        AutoBackup {
            schedule: BackupSchedule::new(every(&BackupPrefs::default())),
            running: None,
            last: None,
            failure: None,
            outside: 0,
            asked: false,
            settings_open: false,
        }
    }
}

impl AutoBackup {
    /// The last snapshot taken since the project was opened.
    pub fn last(&self) -> Option<&BackupInfo> {
        self.last.as_ref()
    }

    /// Whether a snapshot is being taken now.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether File → Backup settings… is open.
    pub fn settings_open(&self) -> bool {
        self.settings_open
    }

    /// Another process changed the project: that is work to back up too.
    pub(crate) fn saw_outside_change(&mut self) {
        self.outside += 1;
    }

    /// Moves the last snapshot back by `minutes`, as if that much time had passed.
    pub(crate) fn pretend_minutes_passed(&mut self, minutes: u64) {
        self.schedule.pretend_elapsed(Duration::from_secs(60 * minutes));
    }

    /// The project closes: what is under way finishes on its worker, unheard; the next project
    /// starts afresh (with a snapshot on open). The settings window stays as it was.
    pub(crate) fn closing(&mut self) {
        let settings_open = self.settings_open;
        *self = AutoBackup { settings_open, ..Default::default() };
    }
}

fn every(prefs: &BackupPrefs) -> Duration {
    Duration::from_secs(60 * u64::from(prefs.every_minutes.max(1)))
}

/// The file's full path, so that one project has one entry in the preferences.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Where the backups of `project` go: the folder picked for it, else `NAME.thicket-backups`
/// beside it.
pub fn folder_for(prefs: &BackupPrefs, project: &Path) -> PathBuf {
    prefs.folders.get(&canonical(project)).cloned().unwrap_or_else(|| backup_folder(project))
}

/// Each frame: takes in a snapshot that ended, and starts one when it is due (never while a
/// long write holds the project, while the soundness check runs, or for a project that may not
/// be written).
pub(crate) fn poll(app: &mut ThicketApp) {
    take_finished(app);
    if app.autobackup.running.is_some() || app.writing.is_some() || app.checking() {
        return;
    }
    let Some(project) = &app.project else { return };
    if *project.access() != Access::Writable {
        return;
    }
    let prefs = &app.prefs.backups;
    let now = Instant::now();
    app.autobackup.schedule.set_every(every(prefs));
    let changes = project.commits() + app.autobackup.outside;
    let due = app.autobackup.asked || (prefs.automatic && app.autobackup.schedule.due(now, changes));
    if !due {
        return;
    }
    let folder = folder_for(prefs, project.path());
    let Some(job) = project.backup_job(Some(&folder), prefs.keep.max(1) as usize) else { return };
    app.autobackup.asked = false;
    let job = app.jobs.spawn("backup", app.generation, move |_| job.run().map_err(|e| e.to_string()));
    app.autobackup.running = Some(Running { job, started: now, changes, folder });
    // Quick snapshots (and tests, which run jobs inline) are done already.
    take_finished(app);
}

/// Takes in the snapshot that ended, if one did: notes it, or says once why it failed.
fn take_finished(app: &mut ThicketApp) {
    let Some(running) = &mut app.autobackup.running else { return };
    let result = match running.job.poll() {
        Polled::Running => return,
        Polled::Done(result) => result,
        Polled::Lost(e) => Err(e),
    };
    let Some(running) = app.autobackup.running.take() else { return };
    let backups = &mut app.autobackup;
    match result {
        Ok(info) => {
            backups.schedule.taken(running.started, running.changes);
            backups.last = Some(info);
            backups.failure = None;
        }
        Err(reason) => {
            backups.schedule.failed(running.started);
            let name = app.project.as_ref().and_then(|p| p.path().file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let message = t!(
                "backup-failed",
                name = name,
                folder = running.folder.display().to_string(),
                reason = reason,
                minutes = app.prefs.backups.every_minutes.max(1)
            );
            if backups.failure.as_ref() != Some(&message) {
                app.errors.push(message.clone());
                backups.failure = Some(message);
            }
        }
    }
}

/// Backups go into `folder` from now on (none: beside the project); the next snapshot is taken
/// there at once when backups are automatic.
pub(crate) fn set_folder(app: &mut ThicketApp, folder: Option<PathBuf>) {
    let Some(project) = &app.project else { return };
    let key = canonical(project.path());
    match folder {
        Some(folder) => app.prefs.backups.folders.insert(key, folder),
        None => app.prefs.backups.folders.remove(&key),
    };
    app.save_prefs();
    app.autobackup.schedule = BackupSchedule::new(every(&app.prefs.backups));
    app.autobackup.failure = None;
}

/// The time of a snapshot, short: the hour when it is today, else the day and hour.
fn when(info: &BackupInfo) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    match time::OffsetDateTime::parse(&info.taken_at, &time::format_description::well_known::Rfc3339) {
        Ok(t) if t.date() == today => format!("{:02}:{:02}", t.hour(), t.minute()),
        _ => crate::i18n::date_time(&info.taken_at),
    }
}

/// In the status bar, weak: when the last backup was taken (hover: where).
pub(crate) fn status(app: &ThicketApp, ui: &mut egui::Ui) {
    let Some(last) = &app.autobackup.last else { return };
    let folder = last.path.parent().map(|p| p.display().to_string()).unwrap_or_default();
    ui.separator();
    ui.label(egui::RichText::new(t!("backup-status", time = when(last))).color(ui.visuals().weak_text_color()))
        .on_hover_text(t!("backup-status-tooltip", folder = folder));
}

/// The last backup and where backups go, as the settings and the restore dialog say it.
pub(crate) fn last_line(app: &ThicketApp, ui: &mut egui::Ui) {
    if app.autobackup.running.is_some() {
        ui.weak(t!("backup-running"));
    } else if let Some(last) = &app.autobackup.last {
        ui.label(t!("backup-last", date = crate::i18n::date_time(&last.taken_at)));
    } else {
        ui.weak(t!("backup-none-yet"));
    }
}

/// File → Backup settings…, if open.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    if !app.autobackup.settings_open {
        return;
    }
    let Some(project) = &app.project else { return };
    let beside = backup_folder(project.path());
    let chosen = app.prefs.backups.folders.get(&canonical(project.path())).cloned();
    let writable = *project.access() == Access::Writable;
    let before = app.prefs.backups.clone();
    let mut settings = before.clone();
    let mut open = true;
    let (mut pick, mut now, mut beside_chosen, mut restore) = (false, false, false, false);
    let running = app.autobackup.running.is_some();
    crate::window_fit::fit(egui::Window::new(t!("backup-settings-title")).id(egui::Id::unique("backup settings")).open(&mut open).collapsible(false).default_width(520.0), ctx)
        .show(ctx, |ui| {
            if !writable {
                ui.colored_label(ui.visuals().warn_fg_color, t!("backup-not-writable"));
            }
            ui.checkbox(&mut settings.automatic, t!("backup-automatic")).on_hover_text(t!("backup-automatic.tooltip"));
            egui::Grid::new("backup settings grid").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                let l = ui.label(t!("backup-every"));
                ui.add_enabled(settings.automatic, egui::DragValue::new(&mut settings.every_minutes).range(1..=240)).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t!("backup-keep"));
                ui.add(egui::DragValue::new(&mut settings.keep).range(1..=200)).labelled_by(l.id).on_hover_text(t!("backup-keep.tooltip"));
                ui.end_row();
            });
            ui.separator();
            ui.label(t!("backup-where"));
            if ui.radio(chosen.is_none(), t!("backup-beside")).on_hover_text(beside.display().to_string()).clicked() && chosen.is_some() {
                beside_chosen = true;
            }
            ui.horizontal_wrapped(|ui| {
                if ui.radio(chosen.is_some(), t!("backup-chosen")).clicked() && chosen.is_none() {
                    pick = true;
                }
                if ui.button(t!("backup-choose-folder")).clicked() {
                    pick = true;
                }
            });
            let used = chosen.clone().unwrap_or_else(|| beside.clone());
            ui.label(egui::RichText::new(t!("backup-folder-used", folder = used.display().to_string())).weak());
            ui.separator();
            last_line(app, ui);
            if let Some(failure) = &app.autobackup.failure {
                ui.colored_label(ui.visuals().error_fg_color, failure);
            }
            ui.horizontal(|ui| {
                now = ui.add_enabled(writable && !running, egui::Button::new(t!("backup-now"))).clicked();
                restore = ui.button(t!("cmd-restore-backup")).clicked();
            });
        });
    app.autobackup.settings_open = open;
    if settings != before {
        if settings.automatic && !before.automatic {
            // Turned back on: a snapshot now, then on the interval.
            app.autobackup.schedule = BackupSchedule::new(every(&settings));
        }
        app.prefs.backups = settings;
        app.save_prefs();
    }
    if beside_chosen {
        set_folder(app, None);
    }
    if pick {
        app.push_command(UiCommand::ChooseFile(FileRequest::new(FilePurpose::BackupFolder)));
    }
    if now {
        app.autobackup.asked = true;
    }
    if restore {
        crate::backups::open(app);
    }
}
