//! The import dialog: files chosen in File → Import or dropped on the window are read on a
//! background thread (progress, cancel), then the user reviews the detected speakers (rename,
//! merge by giving two labels one name, map to existing participants, set roles — the speaker who
//! asks clearly the most questions comes with "interviewer" filled in, as core's
//! `suggest_roles` says, and the user may change it), sets kind,
//! case and date for the batch, and imports it as one undoable action. The report lists what
//! was imported and what failed, with reasons.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use thicket_core::import::ImportSettings;
use thicket_core::model::{Participant, Role, SourceKind};
use thicket_core::project::{DateFrom, ImportOptions, ImportReport, ReadBatch, expand_paths, read_files};

/// What the reading thread reports.
enum Message {
    Progress(usize, usize),
    Done(ReadBatch),
}

/// Where the dialog is.
enum Stage {
    Reading { rx: Receiver<Message>, done: usize, total: usize, cancel: Arc<AtomicBool> },
    Review(ReadBatch),
    Report(ImportReport),
}

/// One detected speaker label and what it becomes.
#[derive(Debug, Clone)]
pub struct SpeakerRow {
    pub label: String,
    pub turns: usize,
    /// The participant name the label's turns go to (a new or existing participant).
    pub participant: String,
    /// Role for a new participant.
    pub role: Option<String>,
    /// The role core suggested for this label (pre-filled in `role`), shown as a hint.
    pub suggested: Option<String>,
}

/// The dialog's state; `None` in the app when closed.
pub struct ImportDialog {
    stage: Stage,
    pub kind: Option<SourceKind>,
    pub case: String,
    pub date: String,
    pub date_from_name: bool,
    pub detect_speakers: bool,
    pub speakers: Vec<SpeakerRow>,
    pub error: Option<String>,
}

/// What the dialog asks the app to do after the frame.
pub enum DialogOutcome {
    Nothing,
    Close,
    /// Import the reviewed batch with these options.
    Import(Box<ReadBatch>, Box<ImportOptions>),
}

impl ImportDialog {
    /// Starts reading `paths` (files or folders) on a background thread.
    pub fn start(paths: Vec<PathBuf>, ctx: &egui::Context) -> Self {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let repaint = ctx.clone();
        let lang = crate::i18n::language();
        std::thread::spawn(move || {
            crate::i18n::set_language(lang);
            let (files, failed) = expand_paths(&paths);
            let mut batch = read_files(files, &ImportSettings::default(), |done, total| {
                let _ = tx.send(Message::Progress(done, total));
                repaint.request_repaint();
                !stop.load(Ordering::Relaxed)
            });
            batch.failed.splice(0..0, failed);
            let _ = tx.send(Message::Done(batch));
            repaint.request_repaint();
        });
        ImportDialog {
            stage: Stage::Reading { rx, done: 0, total: 0, cancel },
            kind: None,
            case: String::new(),
            date: String::new(),
            date_from_name: false,
            detect_speakers: true,
            speakers: Vec::new(),
            error: None,
        }
    }

    /// Shows a finished import's report (used after the app ran the import).
    pub fn show_report(&mut self, report: ImportReport) {
        self.stage = Stage::Report(report);
    }

    /// True once the files are read and waiting for review.
    pub fn is_ready(&self) -> bool {
        matches!(self.stage, Stage::Review(_))
    }

    /// The report, once imported.
    pub fn report(&self) -> Option<&ImportReport> {
        match &self.stage {
            Stage::Report(r) => Some(r),
            _ => None,
        }
    }

    /// Collects progress from the reading thread.
    fn poll(&mut self, people: &[Participant], roles: &[Role]) {
        let Stage::Reading { rx, done, total, .. } = &mut self.stage else { return };
        let mut finished = None;
        while let Ok(message) = rx.try_recv() {
            match message {
                Message::Progress(d, t) => (*done, *total) = (d, t),
                Message::Done(batch) => finished = Some(batch),
            }
        }
        if let Some(batch) = finished {
            let suggestions = batch.suggested_roles();
            self.speakers = batch
                .speakers()
                .into_iter()
                .map(|(label, turns)| {
                    let existing = people.iter().find(|p| p.name == label);
                    // Only roles this project has: a project may have renamed or removed "interviewer".
                    let suggested = suggestions
                        .iter()
                        .find(|(l, r)| *l == label && roles.iter().any(|role| role.name == *r))
                        .map(|(_, r)| r.clone())
                        .filter(|_| existing.is_none());
                    let role = existing.and_then(|p| p.role.clone()).or_else(|| suggested.clone());
                    SpeakerRow { participant: label.clone(), role, suggested, label, turns }
                })
                .collect();
            self.stage = Stage::Review(batch);
        }
    }

    /// Draws the dialog; `cases`, `people` and `roles` come from the open project.
    pub fn show(&mut self, ctx: &egui::Context, cases: &[String], people: &[Participant], roles: &[Role]) -> DialogOutcome {
        self.poll(people, roles);
        let mut outcome = DialogOutcome::Nothing;
        let mut open = true;
        crate::window_fit::fit(egui::Window::new(t!("import-title")).open(&mut open).default_width(620.0).collapsible(false), ctx).show(ctx, |ui| {
            outcome = match &mut self.stage {
                Stage::Reading { done, total, cancel, .. } => {
                    ui.label(t!("import-reading-files", done = *done, total = *total));
                    let fraction = if *total == 0 { 0.0 } else { *done as f32 / *total as f32 };
                    ui.add(egui::ProgressBar::new(fraction).show_percentage());
                    if ui.button(t!("app-cancel")).clicked() {
                        cancel.store(true, Ordering::Relaxed);
                    }
                    DialogOutcome::Nothing
                }
                Stage::Review(_) => self.review(ui, cases, people, roles),
                Stage::Report(report) => {
                    report_ui(ui, report);
                    if ui.button(t!("import-close")).clicked() { DialogOutcome::Close } else { DialogOutcome::Nothing }
                }
            };
        });
        if !open {
            if let Stage::Reading { cancel, .. } = &self.stage {
                cancel.store(true, Ordering::Relaxed);
            }
            return DialogOutcome::Close;
        }
        outcome
    }

    fn review(&mut self, ui: &mut egui::Ui, cases: &[String], people: &[Participant], roles: &[Role]) -> DialogOutcome {
        let Stage::Review(batch) = &self.stage else { return DialogOutcome::Nothing };
        let documents: usize = batch.files.iter().map(|(_, d)| d.len()).sum();
        ui.label(t!("import-files-read", files = batch.files.len(), sources = documents, failed = batch.failed.len()));
        if batch.cancelled {
            ui.colored_label(egui::Color32::from_rgb(180, 120, 0), t!("import-reading-cancelled"));
        }
        for f in &batch.failed {
            ui.colored_label(egui::Color32::from_rgb(190, 30, 30), t!("import-cannot-read", name = display_name(&f.path), reason = crate::i18n::values::skip_reason(&f.why)));
        }
        ui.separator();
        egui::Grid::new("import_options").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            let label = ui.label(t!("import-kind"));
            egui::ComboBox::from_id_salt("import_kind")
                .selected_text(self.kind.map_or(t!("import-detect-kind"), crate::i18n::values::source_kind))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, t!("import-detect-kind"));
                    for k in SourceKind::ALL {
                        ui.selectable_value(&mut self.kind, Some(*k), crate::i18n::values::source_kind(*k));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(t!("import-case"));
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.case).hint_text(t!("import-case.hint")).desired_width(240.0))
                    .labelled_by(label.id);
                egui::ComboBox::from_id_salt("import_case")
                    .selected_text(t!("import-existing-case"))
                    .show_ui(ui, |ui| {
                        for c in cases {
                            ui.selectable_value(&mut self.case, c.clone(), c);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.end_row();
            let label = ui.label(t!("import-session-date"));
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.date).hint_text(t!("import-session-date.hint")).desired_width(110.0)).labelled_by(label.id);
                ui.checkbox(&mut self.date_from_name, t!("import-date-from-name"));
            });
            ui.end_row();
            ui.label(t!("import-speakers"));
            ui.checkbox(&mut self.detect_speakers, t!("import-detect-speakers"));
            ui.end_row();
        });
        if self.detect_speakers && !self.speakers.is_empty() {
            ui.separator();
            ui.label(t!("import-detected-speakers"));
            egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
                egui::Grid::new("import_speakers").num_columns(4).striped(true).show(ui, |ui| {
                    ui.strong(t!("import-col-label"));
                    ui.strong(t!("import-col-turns"));
                    ui.strong(t!("import-col-participant"));
                    ui.strong(t!("import-col-role"));
                    ui.end_row();
                    for row in &mut self.speakers {
                        let label = ui.label(&row.label);
                        ui.label(row.turns.to_string());
                        ui.horizontal(|ui| {
                            ui.add(egui::TextEdit::singleline(&mut row.participant).desired_width(150.0)).labelled_by(label.id);
                            egui::ComboBox::from_id_salt(("map", &row.label))
                                .selected_text("…")
                                .show_ui(ui, |ui| {
                                    for p in people {
                                        if ui.selectable_label(row.participant == p.name, &p.name).clicked() {
                                            row.participant = p.name.clone();
                                            row.role = p.role.clone();
                                        }
                                    }
                                })
                                .response
                                .on_hover_text(t!("import-map-participant"))
                                .labelled_by(label.id);
                        });
                        let existing = people.iter().find(|p| p.name == row.participant);
                        match existing {
                            Some(p) => {
                                ui.weak(p.role.clone().map_or(t!("import-existing-no-role").to_string(), |r| t!("import-existing-role", role = r)));
                            }
                            None => {
                                let text = row.role.as_ref().map_or(t!("import-no-role").to_string(), |r| {
                                    roles.iter().find(|x| &x.name == r).map_or(r.clone(), |x| x.label.clone())
                                });
                                ui.horizontal(|ui| {
                                    egui::ComboBox::from_id_salt(("role", &row.label))
                                        .selected_text(text)
                                        .show_ui(ui, |ui| {
                                            ui.selectable_value(&mut row.role, None, t!("import-no-role"));
                                            for r in roles {
                                                ui.selectable_value(&mut row.role, Some(r.name.clone()), &r.label);
                                            }
                                        })
                                        .response
                                        .labelled_by(label.id);
                                    if row.suggested.is_some() && row.role == row.suggested {
                                        ui.weak(t!("import-suggested-role"));
                                    }
                                });
                            }
                        }
                        ui.end_row();
                    }
                });
            });
        }
        if let Some(e) = &self.error {
            ui.colored_label(egui::Color32::from_rgb(190, 30, 30), e);
        }
        ui.separator();
        let mut outcome = DialogOutcome::Nothing;
        ui.horizontal(|ui| {
            let enabled = documents > 0;
            if ui.add_enabled(enabled, egui::Button::new(t!("import-button", n = documents))).clicked() {
                match self.options(people) {
                    Ok(options) => {
                        let mut batch = match std::mem::replace(&mut self.stage, Stage::Review(ReadBatch::default())) {
                            Stage::Review(b) => b,
                            _ => ReadBatch::default(),
                        };
                        if !self.detect_speakers {
                            batch.files.iter_mut().flat_map(|(_, d)| d).for_each(|d| d.turns.clear());
                        }
                        outcome = DialogOutcome::Import(Box::new(batch), Box::new(options));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            if ui.button(t!("app-cancel")).clicked() {
                outcome = DialogOutcome::Close;
            }
        });
        outcome
    }

    /// The import options the form describes, or why they are invalid.
    fn options(&self, people: &[Participant]) -> Result<ImportOptions, String> {
        let date = self.date.trim();
        if !date.is_empty() && !thicket_core::clock::is_valid_date(date) {
            return Err(t!("import-bad-date", date = date));
        }
        Ok(ImportOptions {
            kind: self.kind,
            case: Some(self.case.trim().to_string()).filter(|c| !c.is_empty()),
            date: Some(date.to_string()).filter(|d| !d.is_empty()),
            date_from: if self.date_from_name { DateFrom::Name } else { DateFrom::Nothing },
            settings: ImportSettings::default(),
            speaker_map: self
                .speakers
                .iter()
                .filter(|r| !r.participant.trim().is_empty() && r.participant.trim() != r.label)
                .map(|r| (r.label.clone(), r.participant.trim().to_string()))
                .collect(),
            speaker_roles: self
                .speakers
                .iter()
                .filter(|r| !people.iter().any(|p| p.name == r.participant.trim()))
                .filter_map(|r| r.role.clone().map(|role| (r.participant.trim().to_string(), role)))
                .collect(),
        })
    }
}

fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// What was imported, skipped and refused.
fn report_ui(ui: &mut egui::Ui, report: &ImportReport) {
    ui.heading(t!("import-imported", n = report.imported.len()));
    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
        egui::Grid::new("import_report").num_columns(5).striped(true).show(ui, |ui| {
            for f in &report.imported {
                ui.label(&f.source);
                ui.label(crate::i18n::values::source_kind(f.kind));
                ui.label(&f.encoding);
                ui.label(t!("import-words", n = f.words));
                let speakers: Vec<String> = f.speakers.iter().map(|(s, n)| format!("{s} ({n})")).collect();
                ui.label(speakers.join(", "));
                ui.end_row();
            }
        });
        for f in &report.duplicates {
            ui.colored_label(egui::Color32::from_rgb(180, 120, 0), t!("import-skipped", name = display_name(&f.path), reason = crate::i18n::values::skip_reason(&f.why)));
        }
        for f in &report.failed {
            ui.colored_label(egui::Color32::from_rgb(190, 30, 30), t!("import-not-imported", name = display_name(&f.path), reason = crate::i18n::values::skip_reason(&f.why)));
        }
    });
}
