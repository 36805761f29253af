//! File → Open a REFI-QDA project (.qdpx) and File → Import codebook (.qdc).
//!
//! A project from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a new Thicket project: the user
//! picks the .qdpx, then names the new project file (proposed beside it); the import runs on a
//! worker (`thicket_core::project::refi::create_from_qdpx`, one transaction) with a progress bar
//! and Cancel, then the new project opens and the report says what was read, skipped and
//! corrected. A codebook merges into the open project as one undoable step (through `writing`,
//! so a big one runs off the frame too), and its report lists merges and clashes.

use std::path::{Path, PathBuf};

use thicket_core::project::refi::{RefiImportReport, create_from_qdpx};

use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::jobs::{Job, Polled};

/// The state of REFI-QDA imports in the window.
#[derive(Default)]
pub struct RefiImport {
    /// The .qdpx chosen, waiting for the new project's file name.
    pending: Option<PathBuf>,
    /// The import running.
    running: Option<Running>,
    /// The last import's report, while shown: (title, text).
    report: Option<(String, String)>,
}

/// An import on its worker: the job, the new project file and the .qdpx's name.
struct Running {
    job: Job<Result<RefiImportReport, String>>,
    new: PathBuf,
    name: String,
}

impl RefiImport {
    /// The report shown, if any: (title, text).
    pub fn report(&self) -> Option<(&str, &str)> {
        self.report.as_ref().map(|(t, r)| (t.as_str(), r.as_str()))
    }

    /// Whether an import is running.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

/// The .qdpx was chosen: ask where the new project goes, proposing its name beside it.
pub(super) fn choose_target(app: &mut ThicketApp, qdpx: PathBuf) {
    let stem = qdpx.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "study".into());
    let mut request = FileRequest::new(FilePurpose::NewFromRefi);
    request.suggested_name = Some(format!("{stem}.thicket"));
    app.refi_import.pending = Some(qdpx);
    app.push(UiCommand::ChooseFile(request));
}

/// The new project's file was named: start the import on a worker.
pub(super) fn start(app: &mut ThicketApp, new: PathBuf) {
    let Some(qdpx) = app.refi_import.pending.take() else { return };
    if new.exists() {
        app.errors.push(t!("refi-import-exists", path = new.display().to_string()));
        return;
    }
    let name = qdpx.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = new.clone();
    let job = app.jobs.spawn("import REFI-QDA project", app.generation, move |cancel| {
        let mut observer = |done: usize, total: usize| {
            cancel.set_progress(if total == 0 { 1.0 } else { done as f32 / total as f32 });
            !cancel.is_cancelled()
        };
        create_from_qdpx(&target, &qdpx, &mut observer).map_err(|e| e.to_string())
    });
    app.refi_import.running = Some(Running { job, new, name });
}

/// Reads a codebook and merges it into the open project; shows its report.
pub(super) fn import_codebook(app: &mut ThicketApp, file: &Path) {
    let Some(project) = &app.project else {
        app.errors.push(t!("refi-import-open-first").into());
        return;
    };
    let planned = std::fs::read(file)
        .map_err(|e| t!("refi-import-cannot-read", path = file.display().to_string(), error = e.to_string()))
        .and_then(|bytes| project.plan_codebook(&bytes, &file.display().to_string(), &app.coder).map_err(|e| e.to_string()));
    match planned {
        Ok((action, report)) => {
            if let Some(action) = action {
                app.push(UiCommand::Perform(action));
            }
            app.refi_import.report = Some((t!("refi-import-codebook-report").into(), report.to_text()));
        }
        Err(e) => app.errors.push(e),
    }
}

/// Draws the progress of a running import and the last report; acts on a finished import.
pub(super) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    if let Some(Running { job, new, name }) = &mut app.refi_import.running {
        match job.poll() {
            Polled::Running => {
                let progress = job.progress();
                let mut cancel = false;
                egui::Window::new(t!("refi-import-importing")).collapsible(false).resizable(false).show(ctx, |ui| {
                    ui.label(t!("qualcoder-reading-into", name = name.as_str(), path = new.display().to_string()));
                    ui.add(egui::ProgressBar::new(progress).show_percentage());
                    cancel = ui.button(t!("app-cancel")).clicked();
                });
                if cancel {
                    job.cancel();
                }
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Polled::Done(Ok(report)) => {
                let new = new.clone();
                app.refi_import.running = None;
                app.refi_import.report = Some((t!("refi-import-report").into(), report.to_text()));
                app.push(UiCommand::OpenProject(new));
            }
            Polled::Done(Err(e)) => {
                app.refi_import.running = None;
                app.errors.push(e);
            }
            Polled::Lost(e) => {
                app.refi_import.running = None;
                app.errors.push(t!("refi-import-stopped", error = e));
            }
        }
    }
    let mut open = true;
    if let Some((title, text)) = &app.refi_import.report {
        let mut close = false;
        egui::Window::new(title.as_str()).open(&mut open).default_width(640.0).default_height(420.0).show(ctx, |ui| {
            // A damaged file can list thousands of corrections: lay out only the rows in view,
            // one line each (the whole line shows on hover).
            let lines: Vec<&str> = text.lines().collect();
            let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
            egui::ScrollArea::both().max_height(480.0).auto_shrink([false, true]).show_rows(ui, row, lines.len(), |ui, range| {
                for line in &lines[range] {
                    ui.add(egui::Label::new(*line).truncate());
                }
            });
            close = ui.button(t!("import-close")).clicked();
        });
        if close {
            open = false;
        }
    }
    if !open {
        app.refi_import.report = None;
    }
}
