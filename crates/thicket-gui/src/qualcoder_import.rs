//! File → Open a QualCoder project…: the `NAME.qda` folder is chosen (`FilePurpose::OpenQualCoder`),
//! then where the new project goes (`FilePurpose::QualCoderTarget`, proposing `NAME.thicket`
//! beside the folder's name); the import runs on a worker (`project::import_qualcoder`) behind a
//! modal with its progress and Cancel; when it is done the new project is opened and the report
//! is shown over it: what came in, what was skipped and why, which codings needed a second look.
//! A failure or a cancel leaves no file and says so.

use std::path::PathBuf;

use egui::RichText;
use thicket_core::import::qualcoder::QualCoderReport;

use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::jobs::{Job, Polled};

/// The import's state, kept by the app.
#[derive(Default)]
pub struct QualCoderImport {
    /// The folder chosen, while the new project's name is asked.
    folder: Option<PathBuf>,
    running: Option<Running>,
    /// The last import's report, shown until closed.
    report: Option<(PathBuf, QualCoderReport)>,
}

struct Running {
    folder: PathBuf,
    target: PathBuf,
    job: Job<Result<QualCoderReport, String>>,
}

impl QualCoderImport {
    /// Whether the import is running or its report is up (the window's keys wait).
    pub fn is_open(&self) -> bool {
        self.running.is_some() || self.report.is_some()
    }
}

/// A folder was chosen: ask where the new project goes, proposing the folder's name.
pub(crate) fn folder_chosen(app: &mut ThicketApp, folder: PathBuf) {
    let mut request = FileRequest::new(FilePurpose::QualCoderTarget);
    if let Some(stem) = folder.file_stem().filter(|s| !s.is_empty()) {
        request.suggested_name = Some(format!("{}.thicket", stem.to_string_lossy()));
    }
    app.qualcoder.folder = Some(folder);
    app.apply(UiCommand::ChooseFile(request));
}

/// The new project's path was chosen: start the import on a worker.
pub(crate) fn start(app: &mut ThicketApp, target: PathBuf) {
    let Some(folder) = app.qualcoder.folder.take() else { return };
    if target.exists() {
        app.errors.push(format!("{} already exists; a QualCoder project is read into a new file only.", target.display()));
        return;
    }
    let (f, t) = (folder.clone(), target.clone());
    // Lent-style: it always reports, so a cancel that came too late still shows the file it made.
    let job = app.jobs.lend("qualcoder import", app.generation, move |cancel| {
        let mut observer = |done: usize, total: usize| {
            cancel.set_progress(if total == 0 { 0.0 } else { done as f32 / total as f32 });
            !cancel.is_cancelled()
        };
        thicket_core::project::import_qualcoder(&t, &f, &mut observer).map_err(|e| e.to_string())
    });
    app.qualcoder.running = Some(Running { folder, target, job });
}

/// Draws the progress modal or the report, and finishes the import when its worker is done.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    if let Some(running) = &mut app.qualcoder.running {
        match running.job.poll() {
            Polled::Running => {
                let cancelled = running.job.is_cancelled();
                let progress = running.job.progress();
                let name = running.folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let mut cancel = false;
                egui::Modal::new(egui::Id::unique("thicket_qualcoder_import")).show(ctx, |ui| {
                    ui.set_width(420.0);
                    ui.heading("Importing a QualCoder project");
                    ui.label(format!("Reading “{name}” into {}", running.target.display()));
                    if progress > 0.0 {
                        ui.add(egui::ProgressBar::new(progress).show_percentage());
                    } else {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Reading the QualCoder database…");
                        });
                    }
                    ui.weak("The QualCoder folder is only read, never changed.");
                    if cancelled {
                        ui.label("Stopping…");
                    } else if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
                if cancel {
                    running.job.cancel();
                }
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Polled::Done(result) => {
                let Some(running) = app.qualcoder.running.take() else { return };
                match result {
                    Ok(report) => {
                        app.apply(UiCommand::OpenProject(running.target.clone()));
                        app.qualcoder.report = Some((running.target, report));
                    }
                    Err(e) if running.job.is_cancelled() => app.notice = Some(format!("QualCoder import stopped; no file was written ({e}).")),
                    Err(e) => app.errors.push(e),
                }
            }
            Polled::Lost(e) => {
                app.qualcoder.running = None;
                app.errors.push(format!("the QualCoder import stopped: {e}"));
            }
        }
        return;
    }
    let Some((target, report)) = &app.qualcoder.report else { return };
    let mut close = false;
    egui::Window::new("QualCoder import report").collapsible(false).resizable(true).default_width(560.0).show(ctx, |ui| {
        report_ui(ui, target, report);
        ui.separator();
        if ui.button("Close report").clicked() {
            close = true;
        }
    });
    if close {
        app.qualcoder.report = None;
    }
}

/// The report: counts, then what was skipped and what needed a second look.
fn report_ui(ui: &mut egui::Ui, target: &std::path::Path, r: &QualCoderReport) {
    ui.label(format!("Read {} (QualCoder database {}) into {}.", r.folder, r.database_version, target.display()));
    ui.label(RichText::new(format!(
        "{} sources, {} codes ({} from categories), {} codings by {} coders, {} cases, {} attributes with {} values, {} memos ({} journals, {} annotations).",
        r.sources, r.codes, r.categories, r.codings, r.coders, r.cases, r.attributes, r.attribute_values, r.memos, r.journals, r.annotations
    )).strong());
    if r.corrected_total == 0 && r.mismatched_total == 0 {
        ui.label("Every coding landed on the text QualCoder quoted.");
    }
    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
        if !r.skipped.is_empty() {
            ui.label(RichText::new(format!("Not imported ({})", r.skipped.len())).strong());
            for s in &r.skipped {
                ui.label(format!("{} ({}): {}", s.name, s.what, s.reason));
            }
        }
        if r.corrected_total > 0 {
            ui.label(RichText::new(format!("Placed by a second look at their text ({})", r.corrected_total)).strong());
            for c in &r.corrected {
                ui.label(format!("{}, {}: {}..{} read as {}..{} ({})", c.source, c.code, c.qualcoder_range.0, c.qualcoder_range.1, c.start, c.end, c.how));
            }
        }
        if r.mismatched_total > 0 {
            ui.label(RichText::new(format!("Text differs from QualCoder's quote ({})", r.mismatched_total)).strong());
            for c in &r.mismatched {
                ui.label(format!("{}, {}: {}..{} kept as {}..{}", c.source, c.code, c.qualcoder_range.0, c.qualcoder_range.1, c.start, c.end));
            }
        }
        if !r.read_from_files.is_empty() {
            ui.label(format!("Read from the documents folder: {}", r.read_from_files.join(", ")));
        }
        if r.important_marks > 0 {
            ui.label(format!("{} codings were marked important in QualCoder; Thicket has no such mark.", r.important_marks));
        }
        for w in &r.warnings {
            ui.label(RichText::new(w).weak());
        }
    });
}
