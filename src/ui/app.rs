//! `ThicketApp`: the window's state; applies `UiCommand`s after each frame.

use std::path::{Path, PathBuf};

use crate::model::SourceId;
use crate::project::Project;

use super::document::DocumentView;
use super::import_dialog::{DialogOutcome, ImportDialog};
use super::panels;
use super::prefs::Prefs;

/// What the window shows first.
#[derive(Debug, Clone)]
pub enum Startup {
    /// Open this project.
    Open(PathBuf),
    /// The last project; on first run, the sample study; the welcome screen if neither opens.
    LastOrWelcome,
    /// The welcome screen.
    Welcome,
}

/// Something the user asked for, applied after the frame that asked.
#[derive(Debug, Clone, PartialEq)]
pub enum UiCommand {
    OpenProject(PathBuf),
    OpenSample,
    CloseProject,
    SelectSource(SourceId),
    /// Read these files or folders and open the import dialog.
    Import(Vec<PathBuf>),
    /// Apply a change to the project (recorded for undo).
    Perform(crate::Action),
    /// Show the participants window.
    ShowParticipants,
    /// Open a source and select a span in it (from a retrieved segment).
    ShowSpan(SourceId, crate::model::TextSpan),
    /// Open (or bring forward) an analysis view as a tab beside the document.
    OpenAnalysis(super::analysis::AnalysisKind),
    Undo,
    Redo,
    DismissError,
}

/// The eframe application.
pub struct ThicketApp {
    pub(super) project: Option<Project>,
    pub(super) selected: Option<SourceId>,
    pub(super) document: Option<DocumentView>,
    pub(super) errors: Vec<String>,
    pub(super) prefs: Prefs,
    pub(super) import: Option<ImportDialog>,
    participants: super::participants::ParticipantsWindow,
    participants_open: bool,
    pub(super) codebook: super::codebook::CodebookPanel,
    pub(super) retrieval: super::retrieval::RetrievalPane,
    pub(super) analysis: super::analysis::AnalysisArea,
    /// Bumped after every change, so cached views know to refresh.
    pub(super) generation: u64,
    ctx: egui::Context,
    prefs_path: Option<PathBuf>,
    commands: Vec<UiCommand>,
    title: String,
}

impl ThicketApp {
    /// Builds the app; `prefs_path` is `None` in tests so nothing is written to the user's config.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, prefs_path: Option<PathBuf>) -> Self {
        let prefs = Prefs::load(prefs_path.as_deref());
        let mut app = ThicketApp {
            project: None,
            selected: None,
            document: None,
            errors: Vec::new(),
            prefs,
            import: None,
            participants: Default::default(),
            participants_open: false,
            codebook: Default::default(),
            retrieval: Default::default(),
            analysis: Default::default(),
            generation: 0,
            ctx: cc.egui_ctx.clone(),
            prefs_path,
            commands: Vec::new(),
            title: "Thicket".into(),
        };
        match startup {
            Startup::Open(path) => app.open(&path),
            Startup::LastOrWelcome => match app.prefs.recent.first().cloned().filter(|p| p.exists()) {
                Some(last) => app.open(&last),
                // First run: show the sample study rather than an empty window.
                None => app.open_sample(),
            },
            Startup::Welcome => {}
        }
        app
    }

    /// The open project, if any.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// Messages currently shown to the user.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// The open document view, if a source is selected.
    pub fn document(&self) -> Option<&DocumentView> {
        self.document.as_ref()
    }

    /// The open document view, to select or scroll from outside (tests, other panels).
    pub fn document_mut(&mut self) -> Option<&mut DocumentView> {
        self.document.as_mut()
    }

    /// The analysis tabs.
    pub fn analysis(&self) -> &super::analysis::AnalysisArea {
        &self.analysis
    }

    /// The import dialog, when open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.import.as_ref()
    }

    /// Queues a command (panels and tests call this).
    pub fn push_command(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Queues a command (panels call this).
    pub(super) fn push(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    fn open(&mut self, path: &Path) {
        self.close();
        match Project::open(path) {
            Ok(p) => {
                self.prefs.remember(path);
                self.prefs.save(self.prefs_path.as_deref());
                self.project = Some(p);
                self.select_first_source();
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// Acts on what the codebook panel asked for.
    pub(super) fn codebook_requests(&mut self, requests: Vec<super::codebook::CodebookRequest>) {
        use super::codebook::CodebookRequest as R;
        for request in requests {
            match request {
                R::Perform(action) => self.push(UiCommand::Perform(action)),
                R::Select { code, add } => {
                    if add {
                        if let Some(i) = self.codebook.selected.iter().position(|c| *c == code) {
                            self.codebook.selected.remove(i);
                        } else {
                            self.codebook.selected.push(code);
                        }
                    } else {
                        self.codebook.selected = vec![code];
                    }
                }
                R::Merge { from, into } => match self.project.as_ref().map(|p| p.merge_codes_action(from, into)) {
                    Some(Ok(action)) => self.push(UiCommand::Perform(action)),
                    Some(Err(e)) => self.errors.push(e.to_string()),
                    None => {}
                },
                // Coding the selection arrives with the workbench's document view.
                R::Apply(_) | R::InVivo => {}
            }
        }
    }

    fn close(&mut self) {
        if let Some(p) = self.project.take()
            && let Err(e) = p.close()
        {
            self.errors.push(e.to_string());
        }
        self.selected = None;
        self.document = None;
        self.analysis = Default::default();
    }

    fn open_sample(&mut self) {
        let path = Prefs::sample_path();
        if !path.exists() {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            self.close();
            match crate::sample::write_sample(&path).and_then(Project::close) {
                Ok(()) => {}
                Err(e) => {
                    self.errors.push(format!("cannot write the sample study to {}: {e}", path.display()));
                    return;
                }
            }
        }
        self.open(&path);
    }

    fn select_first_source(&mut self) {
        // The earliest source of the first case, as the navigator lists them.
        let first = self.project.as_ref().and_then(|p| {
            let by_source = p.cases_by_source().ok()?;
            let mut sources = p.sources().ok()?;
            let first_case = |s: &crate::model::Source| by_source.get(&s.id).and_then(|c| c.first().cloned()).unwrap_or_else(|| "\u{10FFFF}".into());
            sources.sort_by_cached_key(|s| (first_case(s), s.date.clone(), s.name.clone()));
            sources.first().map(|s| s.id)
        });
        if let Some(id) = first {
            self.select(id);
        }
    }

    fn select(&mut self, id: SourceId) {
        let Some(project) = &self.project else { return };
        match DocumentView::load(project, id) {
            Ok(view) => {
                self.selected = Some(id);
                self.document = Some(view);
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    fn reload_document(&mut self) {
        if let Some(id) = self.selected {
            let exists = self.project.as_ref().and_then(|p| p.source(id).ok().flatten()).is_some();
            if exists { self.select(id) } else { self.selected = None; self.document = None; }
        }
    }

    fn apply(&mut self, command: UiCommand) {
        match command {
            UiCommand::OpenProject(p) => self.open(&p),
            UiCommand::OpenSample => self.open_sample(),
            UiCommand::CloseProject => self.close(),
            UiCommand::SelectSource(id) => self.select(id),
            UiCommand::Import(paths) => {
                if self.project.is_none() {
                    self.errors.push("Open or create a project before importing files.".into());
                } else if !paths.is_empty() {
                    self.import = Some(ImportDialog::start(paths, &self.ctx));
                }
            }
            UiCommand::Undo | UiCommand::Redo => {
                if let Some(p) = &mut self.project {
                    let result = if command == UiCommand::Undo { p.undo() } else { p.redo() };
                    if let Err(e) = result {
                        self.errors.push(e.to_string());
                    }
                    self.generation += 1;
                    self.reload_document();
                }
            }
            UiCommand::Perform(action) => {
                if let Some(p) = &mut self.project {
                    if let Err(e) = p.perform(action) {
                        self.errors.push(e.to_string());
                    }
                    self.generation += 1;
                    self.reload_document();
                }
            }
            UiCommand::ShowSpan(id, span) => {
                self.analysis.show_document();
                if self.selected != Some(id) {
                    self.select(id);
                }
                if let Some(doc) = &mut self.document {
                    doc.reveal(span);
                }
            }
            UiCommand::ShowParticipants => self.participants_open = true,
            UiCommand::OpenAnalysis(kind) => self.analysis.open(kind),
            UiCommand::DismissError => {
                self.errors.clear();
            }
        }
    }

    fn import_dialog_ui(&mut self, ctx: &egui::Context) {
        let (Some(dialog), Some(project)) = (&mut self.import, &mut self.project) else { return };
        let cases: Vec<String> = project.cases().unwrap_or_default().into_iter().map(|c| c.name).collect();
        let people = project.participants().unwrap_or_default();
        let roles = project.roles().unwrap_or_default();
        match dialog.show(ctx, &cases, &people, &roles) {
            DialogOutcome::Nothing => {}
            DialogOutcome::Close => self.import = None,
            DialogOutcome::Import(batch, options) => match project.import_read(*batch, &options) {
                Ok(report) => {
                    let first = report.imported.first().map(|f| f.source.clone());
                    dialog.show_report(report);
                    if let Some(id) = first.and_then(|n| project.source_named(&n).ok()).map(|s| s.id) {
                        self.commands.push(UiCommand::SelectSource(id));
                    }
                }
                Err(e) => {
                    self.errors.push(e.to_string());
                    self.import = None;
                }
            },
        }
    }

    fn window_title(&self) -> String {
        match &self.project {
            Some(p) => {
                let name = p.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                format!("{} — Thicket", name)
            }
            None => "Thicket".into(),
        }
    }
}

impl eframe::App for ThicketApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = self.window_title();
        if title != self.title {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        panels::shortcuts(self, ui.ctx());
        panels::menu_bar(self, ui);
        panels::errors(self, ui);
        if self.project.is_some() {
            panels::status_bar(self, ui);
            panels::navigator(self, ui);
            panels::document(self, ui);
        } else {
            panels::welcome(self, ui);
        }
        panels::dropped_files(self, ui.ctx());
        self.import_dialog_ui(ui.ctx());
        if self.participants_open
            && let Some(project) = &self.project
            && let Some(action) = self.participants.show(ui.ctx(), project, &mut self.participants_open)
        {
            self.commands.push(UiCommand::Perform(action));
        }
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What a command changed is drawn on the next frame; ask for it now.
            ui.ctx().request_repaint();
        }
        for command in commands {
            self.apply(command);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close();
    }
}
