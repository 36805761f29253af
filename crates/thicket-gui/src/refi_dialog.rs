//! File → Export → "REFI-QDA project (.qdpx)…" and "REFI-QDA codebook (.qdc)…": a small dialog
//! for the choices (how positions are counted, for the project; pseudonyms, for both), then the
//! file request, then the file written in the background.
//!
//! In: the choices made here and the path the file request answers with
//! (`UiCommand::ExportRefi`). Out: the file, a line in the export log, and "Wrote …" in the status
//! bar. A project export reads every source and coding (seconds at the reference size), so the
//! project is lent to a worker (`writing::Write::Task`) that writes it through
//! `thicket_core::export::refi` (the same code as `thicket export PROJECT qdpx|qdc`, so both
//! write the same file), with its progress and Cancel in the modal.

use std::path::PathBuf;

use thicket_core::error::Error;
use thicket_core::export::excerpts::write_replacing;
use thicket_core::export::refi::{PositionUnit, QdpxOptions, qdc_bytes, qdpx_bytes};
use thicket_core::project::Project;

use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::jobs::Cancel;
use super::writing::{Task, Write};

/// Which REFI-QDA file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefiKind {
    /// The whole project, `.qdpx`.
    Project,
    /// The codebook alone, `.qdc`.
    Codebook,
}

impl RefiKind {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            RefiKind::Project => t!("refi-title-project"),
            RefiKind::Codebook => t!("refi-title-codebook"),
        }
    }

    /// The file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            RefiKind::Project => "qdpx",
            RefiKind::Codebook => "qdc",
        }
    }

    /// What the file is, for the file request's filter.
    pub fn label(self) -> &'static str {
        match self {
            RefiKind::Project => t!("files-filter-refi-projects"),
            RefiKind::Codebook => t!("files-filter-refi-codebooks"),
        }
    }
}

/// What the dialog asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefiChoices {
    pub kind: RefiKind,
    /// How positions in the texts are counted (project only).
    pub positions: PositionUnit,
    /// Write through the project's pseudonym map.
    pub pseudonymise: bool,
}

/// The dialog, and the choices waiting for the file request's answer.
#[derive(Default)]
pub struct RefiExports {
    dialog: Option<RefiChoices>,
    /// The last choices confirmed, offered again next time (this session).
    last: Vec<RefiChoices>,
    pending: Option<RefiChoices>,
}

impl RefiExports {
    /// The choices in the open dialog, if any.
    pub fn dialog(&self) -> Option<&RefiChoices> {
        self.dialog.as_ref()
    }
}

/// Opens the dialog for `kind`, with the choices last confirmed for it.
pub(crate) fn open(app: &mut ThicketApp, kind: RefiKind) {
    let last = app.refi.last.iter().find(|c| c.kind == kind).copied();
    app.refi.dialog = Some(last.unwrap_or(RefiChoices { kind, positions: PositionUnit::CodePoints, pseudonymise: false }));
}

/// Draws the dialog.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(choices) = &mut app.refi.dialog else { return };
    let mut open = true;
    let (mut confirmed, mut cancelled) = (false, false);
    let window = egui::Window::new(choices.kind.title())
        .id(egui::Id::unique("refi_dialog"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center());
    super::window_fit::fit_dialog(window, ctx).auto_sized().show(ctx, |ui| {
        ui.set_width(360.0);
        match choices.kind {
            RefiKind::Project => {
                ui.label(t!("refi-project-explain"));
                ui.add_space(6.0);
                ui.label(t!("refi-positions"));
                ui.radio_value(&mut choices.positions, PositionUnit::CodePoints, t!("refi-code-points"))
                    .on_hover_text(t!("refi-code-points.tooltip"));
                ui.radio_value(&mut choices.positions, PositionUnit::Utf16, t!("refi-utf16"))
                    .on_hover_text(t!("refi-utf16.tooltip"));
            }
            RefiKind::Codebook => {
                ui.label(t!("refi-codebook-explain"));
            }
        }
        ui.add_space(6.0);
        ui.checkbox(&mut choices.pseudonymise, t!("report-pseudonymise"))
            .on_hover_text(t!("refi-pseudonymise-tooltip"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t!("report-choose-file")).clicked() {
                confirmed = true;
            }
            if ui.button(t!("app-cancel")).clicked() {
                cancelled = true;
            }
        });
    });
    if confirmed {
        if let Some(choices) = app.refi.dialog.take() {
            app.refi.last.retain(|c| c.kind != choices.kind);
            app.refi.last.push(choices);
            app.refi.pending = Some(choices);
            app.push(UiCommand::ChooseFile(FileRequest::new(FilePurpose::Refi(choices.kind))));
        }
    } else if cancelled || !open {
        app.refi.dialog = None;
    }
}

/// Writes the file the pending choices ask for to `path` on a worker that the project is lent
/// to, with progress and Cancel; the file is recorded in the export log.
pub(crate) fn write(app: &mut ThicketApp, kind: RefiKind, path: PathBuf) {
    if app.project.is_none() {
        return;
    }
    let choices = app.refi.pending.take().filter(|c| c.kind == kind).unwrap_or(RefiChoices { kind, positions: PositionUnit::CodePoints, pseudonymise: false });
    let target = path.clone();
    let task: Task = Box::new(move |project: &mut Project, cancel: &Cancel| {
        let map = project.export_map(choices.pseudonymise)?;
        let bytes = match kind {
            RefiKind::Project => {
                let options = QdpxOptions { positions: choices.positions, map: map.as_ref() };
                let mut observe = |done: usize, total: usize| {
                    cancel.set_progress(done as f32 / total.max(1) as f32);
                    !cancel.is_cancelled()
                };
                qdpx_bytes(project, &options, &mut observe)?.0
            }
            RefiKind::Codebook => qdc_bytes(project, map.as_ref())?,
        };
        if !write_replacing(&target, &bytes, || !cancel.is_cancelled())? {
            return Err(Error::cancelled());
        }
        let mut options = serde_json::json!({ "from": "window", "pseudonymise": choices.pseudonymise });
        if kind == RefiKind::Project {
            options["positions"] = choices.positions.name().into();
        }
        project.log_written_export(kind.extension(), &target, options, map.as_ref())?;
        Ok(())
    });
    app.write(Write::Task(path.display().to_string(), task));
}
