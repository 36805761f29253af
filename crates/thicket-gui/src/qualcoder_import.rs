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
        app.errors.push(t!("qualcoder-target-exists", path = target.display().to_string()));
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
                    ui.heading(t!("qualcoder-importing"));
                    ui.label(t!("qualcoder-reading-into", name = name.as_str(), path = running.target.display().to_string()));
                    if progress > 0.0 {
                        ui.add(egui::ProgressBar::new(progress).show_percentage());
                    } else {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(t!("qualcoder-reading-database"));
                        });
                    }
                    ui.weak(t!("qualcoder-only-read"));
                    if cancelled {
                        ui.label(t!("qualcoder-stopping"));
                    } else if ui.button(t!("app-cancel")).clicked() {
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
                    Err(e) if running.job.is_cancelled() => app.notice = Some(t!("qualcoder-stopped-nothing-written", error = e.to_string())),
                    Err(e) => app.errors.push(e),
                }
            }
            Polled::Lost(e) => {
                app.qualcoder.running = None;
                app.errors.push(t!("qualcoder-import-stopped", error = e.to_string()));
            }
        }
        return;
    }
    let Some((target, report)) = &app.qualcoder.report else { return };
    let mut close = false;
    egui::Window::new(t!("qualcoder-report-title")).collapsible(false).resizable(true).default_width(560.0).show(ctx, |ui| {
        report_ui(ui, target, report);
        ui.separator();
        if ui.button(t!("qualcoder-close-report")).clicked() {
            close = true;
        }
    });
    if close {
        app.qualcoder.report = None;
    }
}

/// The report: counts, then what was skipped and what needed a second look.
fn report_ui(ui: &mut egui::Ui, target: &std::path::Path, r: &QualCoderReport) {
    ui.label(t!("qualcoder-read-into", folder = r.folder.as_str(), version = r.database_version.to_string(), path = target.display().to_string()));
    ui.label(RichText::new(t!(
        "qualcoder-counts",
        sources = r.sources,
        codes = r.codes,
        categories = r.categories,
        codings = r.codings,
        coders = r.coders,
        cases = r.cases,
        attributes = r.attributes,
        values = r.attribute_values,
        memos = r.memos,
        journals = r.journals,
        annotations = r.annotations
    ))
    .strong());
    if r.corrected_total == 0 && r.mismatched_total == 0 {
        ui.label(t!("qualcoder-all-landed"));
    }
    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
        if !r.skipped.is_empty() {
            ui.label(RichText::new(t!("qualcoder-not-imported", n = r.skipped.len())).strong());
            for s in &r.skipped {
                ui.label(format!("{} ({}): {}", s.name, s.what, s.reason));
            }
        }
        if r.corrected_total > 0 {
            ui.label(RichText::new(t!("qualcoder-corrected", n = r.corrected_total)).strong());
            for c in &r.corrected {
                ui.label(t!("qualcoder-corrected-line", source = c.source.as_str(), code = c.code.as_str(), range = format!("{}..{}", c.qualcoder_range.0, c.qualcoder_range.1), now = format!("{}..{}", c.start, c.end), how = c.how.to_string()));
            }
        }
        if r.mismatched_total > 0 {
            ui.label(RichText::new(t!("qualcoder-mismatched", n = r.mismatched_total)).strong());
            for c in &r.mismatched {
                ui.label(t!("qualcoder-mismatched-line", source = c.source.as_str(), code = c.code.as_str(), range = format!("{}..{}", c.qualcoder_range.0, c.qualcoder_range.1), now = format!("{}..{}", c.start, c.end)));
            }
        }
        if !r.read_from_files.is_empty() {
            ui.label(t!("qualcoder-read-from-files", names = r.read_from_files.join(", ")));
        }
        if r.important_marks > 0 {
            ui.label(t!("qualcoder-important-marks", n = r.important_marks));
        }
        for w in &r.warnings {
            ui.label(RichText::new(w).weak());
        }
    });
}
