//! File → Export → "Codebook…" and "Case report…": a small dialog for the format and the
//! options (anchor quotes; which cases and how many excerpts per code), then the file request,
//! then the report written in the background.
//!
//! In: the choices the user makes here, and the path the file request answers with
//! (`UiCommand::ExportReport`). Out: the file, a line in the export log, and a notice in the
//! status bar ("Wrote …"). Building a report reads the whole project (seconds on a large one), so
//! the project is lent to a worker (`writing::Write::Task`) that builds it, writes it through
//! `thicket_core::export::report::write_report_with` (the same dispatch as the command line, so
//! the window and `thicket export PROJECT codebook|case-report` write the same file) and gives the
//! project back; meanwhile the window paints and says what is being written.

use std::path::PathBuf;

use thicket_core::export::case_report::{CaseReport, CaseReportOptions, ExcerptPick, build_case_report};
use thicket_core::export::codebook::{CodebookOptions, CodebookReport, build_codebook};
use thicket_core::export::excerpts::CodeChoice;
use thicket_core::export::report::{Report, ReportFormat, write_report_with};

use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::jobs::Cancel;
use super::writing::{Task, Write};
use thicket_core::error::{Error, IoOp};
use thicket_core::project::Project;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKind {
    Codebook,
    CaseReport,
}

impl ReportKind {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            ReportKind::Codebook => t!("report-title-codebook"),
            ReportKind::CaseReport => t!("report-title-case-report"),
        }
    }

    /// The proposed file name, without extension.
    pub fn stem(self) -> &'static str {
        match self {
            ReportKind::Codebook => "codebook",
            ReportKind::CaseReport => "case-report",
        }
    }

    /// The formats this report is written in.
    pub fn formats(self) -> &'static [ReportFormat] {
        match self {
            ReportKind::Codebook => CodebookReport::FORMATS,
            ReportKind::CaseReport => CaseReport::FORMATS,
        }
    }
}

/// The file extensions of a format, for the file request's filter.
pub fn extensions(format: ReportFormat) -> &'static [&'static str] {
    match format {
        ReportFormat::Markdown => &["md"],
        ReportFormat::Html => &["html", "htm"],
        ReportFormat::Docx => &["docx"],
        ReportFormat::Csv => &["csv"],
        ReportFormat::Json => &["json"],
    }
}

/// What the dialog asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportChoices {
    pub kind: ReportKind,
    pub format: ReportFormat,
    /// Codebook: one anchor quote per code.
    pub anchors: bool,
    /// Case report: every case, or those in `cases`.
    pub all_cases: bool,
    pub cases: Vec<String>,
    /// Case report: excerpts per code (0: none).
    pub per_code: usize,
    /// Write through the project's pseudonym map.
    pub pseudonymise: bool,
}

impl ReportChoices {
    fn new(kind: ReportKind) -> Self {
        ReportChoices { kind, format: ReportFormat::Html, anchors: true, all_cases: true, cases: Vec::new(), per_code: ExcerptPick::DEFAULT_PER_CODE, pseudonymise: false }
    }

    /// Whether the choices make a report (a case report needs a case).
    fn is_complete(&self) -> bool {
        self.kind == ReportKind::Codebook || self.all_cases || !self.cases.is_empty()
    }
}

/// The dialog and the report being written.
#[derive(Default)]
pub struct Reports {
    dialog: Option<ReportChoices>,
    /// The last choices confirmed for each report, offered again next time (this session).
    last: Vec<ReportChoices>,
    /// Choices confirmed, waiting for the file request's answer.
    pending: Option<ReportChoices>,
}

impl Reports {
    /// The choices in the open dialog, if any.
    pub fn dialog(&self) -> Option<&ReportChoices> {
        self.dialog.as_ref()
    }
}

/// Opens the dialog for `kind`, with the choices last confirmed for it.
pub(crate) fn open(app: &mut ThicketApp, kind: ReportKind) {
    // These reports count and quote every coder's codings: blind mode would show them.
    if let Some(blind) = app.team.blind() {
        let message = t!("report-blind", name = &blind.name);
        return app.errors.push(message);
    }
    let last = app.reports.last.iter().find(|c| c.kind == kind).cloned();
    app.reports.dialog = Some(last.unwrap_or_else(|| ReportChoices::new(kind)));
}

/// Draws the dialog.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(choices) = &mut app.reports.dialog else { return };
    let case_names: Vec<String> = app.summary.as_ref().map(|s| s.cases.iter().map(|c| c.name.clone()).collect()).unwrap_or_default();
    let mut open = true;
    let mut confirmed = false;
    let mut cancelled = false;
    let window = egui::Window::new(choices.kind.title())
        .id(egui::Id::unique("report_dialog"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center());
    super::window_fit::fit_dialog(window, ctx).auto_sized().show(ctx, |ui| {
        ui.set_width(340.0);
        ui.label(t!("report-format"));
        ui.horizontal_wrapped(|ui| {
            for &format in choices.kind.formats() {
                ui.radio_value(&mut choices.format, format, format.label());
            }
        });
        ui.add_space(6.0);
        match choices.kind {
            ReportKind::Codebook => {
                ui.checkbox(&mut choices.anchors, t!("report-anchors"))
                    .on_hover_text(t!("report-anchors.tooltip"));
            }
            ReportKind::CaseReport => {
                ui.checkbox(&mut choices.all_cases, t!("report-all-cases"));
                if !choices.all_cases {
                    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                        for name in &case_names {
                            let mut on = choices.cases.contains(name);
                            if ui.checkbox(&mut on, name).changed() {
                                if on {
                                    choices.cases.push(name.clone());
                                } else {
                                    choices.cases.retain(|c| c != name);
                                }
                            }
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let label = ui.label(t!("report-excerpts-per-code"));
                    ui.add(egui::DragValue::new(&mut choices.per_code).range(0..=50)).labelled_by(label.id);
                });
            }
        }
        ui.checkbox(&mut choices.pseudonymise, t!("report-pseudonymise"))
            .on_hover_text(t!("report-pseudonymise.tooltip"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.add_enabled(choices.is_complete(), egui::Button::new(t!("report-choose-file"))).clicked() {
                confirmed = true;
            }
            if ui.button(t!("app-cancel")).clicked() {
                cancelled = true;
            }
        });
    });
    if confirmed {
        if let Some(choices) = app.reports.dialog.take() {
            let purpose = FilePurpose::Report(choices.kind, choices.format);
            app.reports.last.retain(|c| c.kind != choices.kind);
            app.reports.last.push(choices.clone());
            app.reports.pending = Some(choices);
            app.push(UiCommand::ChooseFile(FileRequest::new(purpose)));
        }
    } else if cancelled || !open {
        app.reports.dialog = None;
    }
}

/// Builds the report the pending choices ask for and writes it to `path`, on a worker that the
/// project is lent to (building reads the whole project: seconds on a large one), while the
/// window shows what is being written; the file is recorded in the export log.
pub(crate) fn write(app: &mut ThicketApp, kind: ReportKind, format: ReportFormat, path: PathBuf) {
    if app.project.is_none() {
        return;
    }
    let choices = app.reports.pending.take().filter(|c| c.kind == kind).unwrap_or_else(|| ReportChoices::new(kind));
    let target = path.clone();
    let task: Task = Box::new(move |project: &mut Project, cancel: &Cancel| {
        let map = project.export_map(choices.pseudonymise)?;
        let title = project.title()?;
        let bytes = match kind {
            ReportKind::Codebook => {
                let mut options = CodebookOptions::new(&format!("Codebook: {title}"))?;
                options.anchors = choices.anchors;
                write_report_with(&build_codebook(project, &options)?, format, map.as_ref())?
            }
            ReportKind::CaseReport => {
                let mut options = CaseReportOptions::new(&format!("Case report: {title}"))?;
                options.cases = if choices.all_cases { Vec::new() } else { choices.cases.clone() };
                options.excerpts = ExcerptPick { codes: CodeChoice::All, per_code: Some(choices.per_code) };
                write_report_with(&build_case_report(project, &options)?, format, map.as_ref())?
            }
        };
        if cancel.is_cancelled() {
            return Err(Error::cancelled());
        }
        std::fs::write(&target, bytes).map_err(|e| Error::io(IoOp::Write, &target, e))?;
        let options = serde_json::json!({ "from": "window", "format": format.name(), "anchors": choices.anchors, "all_cases": choices.all_cases, "cases": choices.cases, "per_code": choices.per_code });
        project.log_written_export(kind.stem(), &target, options, map.as_ref())?;
        Ok(())
    });
    // Said in the modal while it runs; "Wrote PATH" in the status bar once it is done.
    app.write(Write::Task(path.display().to_string(), task));
}
