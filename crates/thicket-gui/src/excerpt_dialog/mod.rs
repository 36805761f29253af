//! File → Export → Coded excerpts…: `thicket export PROJECT excerpts` in the window (issue #12,
//! part 7).
//!
//! The dialog holds the choices (`form`), a live preview of the first excerpts as the file will
//! show them with the count of all of them (`preview`), and the export itself (`work`): the path
//! comes from the window's one `FileRequest` (the system dialog or Thicket's own browser, which
//! asks before replacing a file), then the excerpts are read a few sources per frame, built and
//! written on a worker through a partial file, with a progress bar and Cancel, and the dialog
//! ends with the path and "Open folder".
//!
//! The preview follows the choices: once they have rested for a moment (typing a template or a
//! query does not start a read per key), and again after every change to the project.

mod form;
mod preview;
mod work;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{RichText, Ui};
use thicket_core::export::excerpts::{ExcerptFormat, Excerpts};

use crate::app::{ThicketApp, UiCommand};
use crate::file_request::{FilePurpose, FileRequest};
use crate::jobs::{Job, Polled};
pub use form::Choices;
use form::Offer;
use work::{Advance, Finished, Purpose, Task};

/// How long the choices rest before the preview is read again, in seconds of the window's clock.
const SETTLE: f64 = 0.25;

/// How the last export ended.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportOutcome {
    Written { path: PathBuf, count: usize },
    Failed(String),
    Cancelled,
}

/// The dialog's state, kept while the window runs.
#[derive(Default)]
pub struct ExcerptDialog {
    open: bool,
    choices: Choices,
    /// The choices and project generation the preview shows or is reading.
    previewed: Option<(Choices, u64)>,
    /// When the choices last changed (the window's clock).
    changed_at: f64,
    preview_task: Option<Task>,
    preview: Option<Box<Excerpts>>,
    /// Why there is no preview (choices incomplete, a name unknown…).
    problem: Option<String>,
    export_task: Option<Task>,
    outcome: Option<ExportOutcome>,
    /// The desktop's opener, while it runs.
    opener: Option<Job<Result<(), String>>>,
    opener_error: Option<String>,
    /// The program that opens a folder (tests replace it).
    opener_program: Option<String>,
    /// The names the pickers offer, read once per project generation (the data windows'
    /// listings are let go while those windows are closed, so they are no cache for this).
    offer: Option<(u64, Offer)>,
}

impl ExcerptDialog {
    /// Opens the dialog (keeping the last choices).
    pub fn open(&mut self) {
        self.open = true;
        self.previewed = None;
    }

    /// Whether the dialog is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The excerpt count the dialog shows, once the preview is read.
    pub fn count(&self) -> Option<usize> {
        self.preview.as_ref().map(|p| p.total)
    }

    /// The excerpts the preview shows (the first few of the export, as they will be written).
    pub fn preview(&self) -> Option<&Excerpts> {
        self.preview.as_deref()
    }

    /// Whether an export is being read or written.
    pub fn is_exporting(&self) -> bool {
        self.export_task.is_some()
    }

    /// How far the export is, from 0 to 1, while it runs.
    pub fn export_progress(&self) -> Option<f32> {
        self.export_task.as_ref().map(|t| t.progress)
    }

    /// Whether the preview is being read.
    pub fn is_previewing(&self) -> bool {
        self.open && (self.preview_task.is_some() || self.previewed.as_ref().map(|(c, _)| c) != Some(&self.choices))
    }

    /// How the last export ended.
    pub fn outcome(&self) -> Option<&ExportOutcome> {
        self.outcome.as_ref()
    }

    /// Uses `program` to open folders instead of the desktop's (`xdg-open`, `open`, `explorer`).
    pub fn set_opener(&mut self, program: &str) {
        self.opener_program = Some(program.to_string());
    }

    /// Drops what was read for another project.
    pub fn close_project(&mut self) {
        self.preview_task = None;
        self.export_task = None;
        self.preview = None;
        self.previewed = None;
        self.open = false;
        self.offer = None;
        self.choices.codes.clear();
    }
}

/// The program that shows a folder on this desktop.
fn desktop_opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    }
}

/// The coders an export takes: those picked in the form, within those the window shows (`shown`,
/// `None` for everyone); all shown ones when none is picked. Nobody shown is refused, since an
/// empty list would mean "any coder".
fn shown_coders(picked: Vec<String>, shown: Option<&[String]>) -> Result<Vec<String>, String> {
    let Some(shown) = shown else { return Ok(picked) };
    let coders: Vec<String> = if picked.is_empty() { shown.to_vec() } else { picked.into_iter().filter(|c| shown.contains(c)).collect() };
    if coders.is_empty() {
        return Err(t!("excerpts-coders-hidden").into());
    }
    Ok(coders)
}

/// Asks for the file to export to (the app answers with `UiCommand::ExportExcerpts`).
fn ask_path(app: &mut ThicketApp) {
    let format = app.excerpts.choices.format;
    app.push(UiCommand::ChooseFile(FileRequest::new(FilePurpose::ExportExcerpts(format))));
}

/// Starts writing the export to `path` (the file request's answer).
pub(crate) fn start_export(app: &mut ThicketApp, format: ExcerptFormat, path: PathBuf) {
    let (Some(project), Some(summary)) = (&app.project, &app.summary) else { return };
    let dialog = &mut app.excerpts;
    dialog.outcome = None;
    dialog.opener_error = None;
    let title = format!("Excerpts: {}", summary.title);
    let pseudonymise = dialog.choices.pseudonymise;
    let shown = app.team.filter().shown_names(&summary.coders);
    let started = dialog.choices.to_core(&summary.codebook, &title).and_then(|(mut selection, options)| {
        selection.coders = shown_coders(selection.coders, shown.as_deref())?;
        let map = project.export_map(pseudonymise).map_err(|e| e.to_string())?;
        Task::start(project, &summary.codebook, Purpose::Export { path, format }, selection, options, app.generation, map)
    });
    match started {
        Ok(task) => dialog.export_task = Some(task),
        Err(e) => dialog.outcome = Some(ExportOutcome::Failed(e)),
    }
}

/// Draws the dialog and carries its work forward a slice.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let now = ctx.input(|i| i.time);
    if !app.excerpts.open {
        // An export goes on with the dialog closed.
        if app.excerpts.export_task.is_some() {
            advance(app, ctx, now);
        }
        return;
    }
    let Some(summary) = &app.summary else { return };
    if app.excerpts.offer.as_ref().is_none_or(|(g, _)| *g != app.generation) {
        let people = match app.project.as_ref().map(|p| p.participants()) {
            Some(Ok(people)) => people,
            Some(Err(e)) => {
                app.errors.push(e.to_string());
                app.excerpts.open = false;
                return;
            }
            None => return,
        };
        let offer = Offer {
            cases: summary.cases.iter().map(|c| c.name.clone()).collect(),
            roles: sorted(people.iter().filter_map(|p| p.role.clone())),
            participants: sorted(people.into_iter().map(|p| p.name)),
            // Only the coders the window shows (the Team view, blind mode) are offered.
            coders: summary.coders.iter().filter(|c| app.team.filter().passes(c.id)).map(|c| c.name.clone()).collect(),
        };
        app.excerpts.offer = Some((app.generation, offer));
    }
    // Out of the dialog while it draws (the form borrows the dialog mutably), back after.
    let Some((offered_at, offer)) = app.excerpts.offer.take() else { return };
    let dialog = &mut app.excerpts;
    dialog.choices.keep_known(&summary.codebook, &offer);
    let before = dialog.choices.clone();
    // Export… waits for choices that make an export (the preview says what is missing).
    let complete = dialog.choices.to_core(&summary.codebook, "").is_ok();
    let mut open = true;
    let mut action = BarAction::Nothing;
    let window = egui::Window::new(t!("files-title-export-excerpts")).id(egui::Id::unique("excerpt_dialog")).open(&mut open).default_size([900.0, 620.0]).collapsible(false);
    crate::window_fit::fit(window, ctx).show(ctx, |ui| {
        let bar = 3.0 * ui.spacing().interact_size.y + 4.0 * ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().id_salt("excerpt_dialog_body").max_height((ui.available_height() - bar).max(60.0)).auto_shrink([false, false]).show(ui, |ui| {
            let settings = |ui: &mut Ui, d: &mut ExcerptDialog| {
                form::selection(ui, &mut d.choices, &summary.codebook, &summary.counts, &offer);
                ui.separator();
                form::arrangement(ui, &mut d.choices);
            };
            if ui.available_width() >= 720.0 {
                ui.columns(2, |cols| {
                    settings(&mut cols[0], dialog);
                    preview_pane(&mut cols[1], dialog);
                });
            } else {
                settings(ui, dialog);
                ui.separator();
                preview_pane(ui, dialog);
            }
        });
        ui.separator();
        action = bottom_bar(ui, dialog, complete);
    });
    if dialog.choices != before {
        dialog.changed_at = now;
    }
    dialog.offer = Some((offered_at, offer));
    if !open {
        dialog.open = false;
        dialog.preview_task = None;
    }
    match action {
        BarAction::Nothing => {}
        BarAction::Export => ask_path(app),
        BarAction::OpenFolder(path) => {
            let jobs = app.jobs.clone();
            open_folder(&mut app.excerpts, &path, &jobs);
        }
    }
    poll_opener(app);
    advance(app, ctx, now);
}

fn sorted(names: impl Iterator<Item = String>) -> Vec<String> {
    names.collect::<std::collections::BTreeSet<_>>().into_iter().collect()
}

/// The count and the preview, or why there is none.
fn preview_pane(ui: &mut Ui, d: &ExcerptDialog) {
    ui.label(RichText::new(t!("excerpts-preview")).strong());
    if let Some(problem) = &d.problem {
        ui.colored_label(ui.visuals().warn_fg_color, t!("excerpts-no-preview", problem = problem.as_str()));
        return;
    }
    match (&d.preview, &d.preview_task) {
        (_, Some(task)) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("excerpts-reading", percent = (100.0 * task.progress).round()));
            });
        }
        (Some(p), None) => {
            ui.label(count_text(p.total));
            if p.total > 0 {
                ui.weak(t!("excerpts-first-n", n = p.groups.iter().flat_map(|g| &g.sections).map(|s| s.excerpts.len()).sum::<usize>()));
            }
        }
        (None, None) => {}
    }
    if let Some(p) = &d.preview {
        ui.add_space(4.0);
        // Left-aligned: a column's justified layout would stretch the quotes' words apart.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| preview::show(ui, p));
    }
}

fn count_text(n: usize) -> String {
    t!("excerpts-count", n = n)
}

/// What the bottom bar asked for.
enum BarAction {
    Nothing,
    Export,
    OpenFolder(PathBuf),
}

/// The progress of an export with Cancel, its outcome with "Open folder", the format and
/// Export….
fn bottom_bar(ui: &mut Ui, d: &mut ExcerptDialog, complete: bool) -> BarAction {
    let mut action = BarAction::Nothing;
    if let Some(progress) = d.export_task.as_ref().map(|t| t.progress) {
        let cancel = ui
            .horizontal(|ui| {
                ui.label(t!("excerpts-exporting"));
                ui.add(egui::ProgressBar::new(progress).show_percentage().desired_width(240.0));
                ui.button(t!("app-cancel")).clicked()
            })
            .inner;
        if cancel {
            if let Some(task) = d.export_task.take() {
                task.cancel();
            }
            d.outcome = Some(ExportOutcome::Cancelled);
        }
    } else {
        match d.outcome.clone() {
            Some(ExportOutcome::Written { path, count }) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t!("excerpts-exported", n = count, path = path.display().to_string()));
                    if ui.add_enabled(d.opener.is_none(), egui::Button::new(t!("excerpts-open-folder"))).clicked() {
                        action = BarAction::OpenFolder(path.clone());
                    }
                });
                if let Some(e) = &d.opener_error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
            }
            Some(ExportOutcome::Failed(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, t!("excerpts-export-failed", error = e.to_string()));
            }
            Some(ExportOutcome::Cancelled) => {
                ui.label(t!("excerpts-export-cancelled"));
            }
            None => {
                ui.weak(t!("excerpts-choose-hint"));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        form::format(ui, &mut d.choices);
        let ready = d.export_task.is_none() && complete;
        if ui.add_enabled(ready, egui::Button::new(t!("excerpts-export-button"))).clicked() {
            action = BarAction::Export;
        }
    });
    action
}

/// Starts the desktop's opener on the folder of `path`, on a worker (it may wait for the desktop).
fn open_folder(d: &mut ExcerptDialog, path: &Path, jobs: &crate::jobs::Jobs) {
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let program = d.opener_program.clone().unwrap_or_else(|| desktop_opener().to_string());
    d.opener_error = None;
    d.opener = Some(jobs.spawn("open folder", 0, move |_| {
        match std::process::Command::new(&program).arg(&folder).status() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(t!("excerpts-open-ended", path = folder.display().to_string(), program = program.as_str(), status = status.to_string())),
            Err(e) => Err(t!("excerpts-open-failed", path = folder.display().to_string(), program = program.as_str(), error = e.to_string())),
        }
    }));
}

fn poll_opener(app: &mut ThicketApp) {
    let d = &mut app.excerpts;
    let Some(job) = &mut d.opener else { return };
    match job.poll() {
        Polled::Running => {}
        Polled::Done(result) => {
            d.opener_error = result.err();
            d.opener = None;
        }
        Polled::Lost(e) => {
            d.opener_error = Some(e);
            d.opener = None;
        }
    }
}

/// Restarts the preview when the choices have rested or the project changed, and carries the
/// preview and the export forward a slice each.
fn advance(app: &mut ThicketApp, ctx: &egui::Context, now: f64) {
    let (Some(project), Some(summary)) = (&app.project, &app.summary) else { return };
    let generation = app.generation;
    let shown = app.team.filter().shown_names(&summary.coders);
    let jobs = app.jobs.clone();
    let budget = jobs.slice(work::READ_SLICE);
    let d = &mut app.excerpts;
    let wanted = (d.choices.clone(), generation);
    if d.open && d.previewed.as_ref() != Some(&wanted) {
        if now - d.changed_at < SETTLE && d.previewed.is_some() {
            ctx.request_repaint_after(Duration::from_secs_f64(SETTLE));
        } else {
            d.previewed = Some(wanted);
            d.preview_task = None;
            let title = format!("Excerpts: {}", summary.title);
            let pseudonymise = d.choices.pseudonymise;
            let started = d.choices.to_core(&summary.codebook, &title).and_then(|(mut selection, options)| {
                selection.coders = shown_coders(selection.coders, shown.as_deref())?;
                let map = project.export_map(pseudonymise).map_err(|e| e.to_string())?;
                Task::start(project, &summary.codebook, Purpose::Preview, selection, options, generation, map)
            });
            match started {
                Ok(task) => {
                    d.problem = None;
                    d.preview_task = Some(task);
                }
                Err(e) => {
                    d.problem = Some(e);
                    d.preview = None;
                }
            }
        }
    }
    // This frame's share of sliced work is spent (the listings, the analysis rows, the Team
    // view's count read before): the next slice waits a frame, as theirs do.
    if jobs.frame_spent() && (d.preview_task.is_some() || d.export_task.is_some()) {
        ctx.request_repaint();
        return;
    }
    if let Some(task) = &mut d.preview_task {
        match task.advance(project, &jobs, budget) {
            Advance::Running => ctx.request_repaint(),
            Advance::Done(Finished::Preview(p)) => {
                d.preview = Some(p);
                d.preview_task = None;
            }
            Advance::Done(Finished::Written { .. }) => d.preview_task = None,
            Advance::Failed(e) => {
                d.problem = Some(e);
                d.preview = None;
                d.preview_task = None;
            }
        }
    }
    let mut written = None;
    if let Some(task) = &mut d.export_task {
        if task.generation != generation {
            // The pieces read so far and those to come would not fit together.
            task.cancel();
            d.export_task = None;
            d.outcome = Some(ExportOutcome::Failed(t!("excerpts-project-changed").into()));
            return;
        }
        match task.advance(project, &jobs, budget) {
            Advance::Running => ctx.request_repaint(),
            Advance::Done(Finished::Written { path, count }) => {
                let format = match &task.purpose {
                    Purpose::Export { format, .. } => format.name(),
                    Purpose::Preview => "",
                };
                let options = serde_json::json!({ "from": "window", "format": format, "excerpts": count });
                written = Some((path.clone(), options, task.map.clone()));
                d.export_task = None;
                d.outcome = Some(ExportOutcome::Written { path, count });
            }
            Advance::Done(Finished::Preview(_)) => d.export_task = None,
            Advance::Failed(e) => {
                d.export_task = None;
                d.outcome = Some(ExportOutcome::Failed(e));
            }
        }
    }
    if let Some((path, options, map)) = written {
        app.record_export("excerpts", &path, options, map.as_ref());
    }
}
