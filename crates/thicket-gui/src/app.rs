//! `ThicketApp`: the window's state; applies `UiCommand`s after each frame.

use std::path::{Path, PathBuf};

use thicket_core::Action;
use thicket_core::action::NewCoding;
use thicket_core::model::{CodeDescription, CodeId, CoderId, SourceId, TextSpan};
use thicket_core::project::Project;

use super::document::DocumentView;
use super::import_dialog::{DialogOutcome, ImportDialog};
use super::panels;
use super::phases::phase;
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
    /// Create a new, empty project file and open it.
    NewProject(PathBuf),
    /// Write a copy of the open project to a new file (the open one stays open).
    SaveCopy(PathBuf),
    /// Write what can be read of the open (damaged) project into a new file.
    SaveReadableCopy(PathBuf),
    OpenSample,
    CloseProject,
    SelectSource(SourceId),
    /// Read these files or folders and open the import dialog.
    Import(Vec<PathBuf>),
    /// A REFI-QDA project (.qdpx) was chosen: ask for the new project file to import it into.
    ChooseRefiTarget(PathBuf),
    /// Import the chosen REFI-QDA project into this new project file (in the background), then open it.
    ImportRefiProject(PathBuf),
    /// Merge a REFI-QDA codebook (.qdc) into the open project and show what was merged.
    ImportCodebook(PathBuf),
    /// Apply a change to the project (recorded for undo).
    Perform(thicket_core::Action),
    /// Show the participants window.
    ShowParticipants,
    /// Show the pseudonyms window on this tab (the map, its preview, or the export log).
    ShowPseudonyms(super::pseudonyms::PseudonymTab),
    /// Open a source and bring a span of it into view, outlined with the caret at its start but
    /// not selected (from a retrieved segment, a drill-down, a search result, a memo).
    ShowSpan(SourceId, thicket_core::model::TextSpan),
    /// Code every hit of a search (adding the coder if new), as one undoable action.
    Autocode(super::search::AutocodeRequest),
    /// Show the cases window, on this case if given.
    ShowCases(Option<thicket_core::model::CaseId>),
    /// Show the attributes window.
    ShowAttributes,
    /// Show the memo browser.
    ShowMemos,
    /// Open a memo in the memo browser (a new one when the subject has none).
    OpenMemo(super::memos::MemoSubject),
    /// Create a memo by the current coder (the memo browser asks once a new memo has text).
    CreateMemo { target: thicket_core::model::MemoTarget, title: String, body: String },
    /// Open (or bring forward) an analysis view as a tab beside the document.
    OpenAnalysis(super::analysis::AnalysisKind),
    /// Open the Reconciliation tab on the disagreements of these codes (empty: every code),
    /// between these two coders (empty: those chosen in the tab).
    ShowDisagreements { codes: Vec<CodeId>, coders: Vec<CoderId> },
    /// Ask for a path (system dialog or Thicket's own browser); the answer comes back as the
    /// command the request stands for.
    ChooseFile(super::file_request::FileRequest),
    /// Export the open analysis view of this kind to a file.
    Export(super::analysis::AnalysisKind, super::analysis::ExportFormat, PathBuf),
    /// Write the codebook or a case report, as the report dialog chose, to a file.
    ExportReport(super::report_dialog::ReportKind, thicket_core::export::report::ReportFormat, PathBuf),
    /// Write a REFI-QDA project or codebook, as the REFI-QDA dialog chose, to a file.
    ExportRefi(super::refi_dialog::RefiKind, PathBuf),
    /// Write the excerpt dialog's export in this format to a file (in the background).
    ExportExcerpts(thicket_core::export::excerpts::ExcerptFormat, PathBuf),
    /// The user agreed to replace this file: move it aside, apply the command (which writes a
    /// new file there), and restore the old file if that failed.
    ReplaceFile(PathBuf, Box<UiCommand>),
    /// Run a command of the table (a menu item, a shortcut, the palette).
    Run(super::commands::Command),
    /// Remove a coding; one that carries a memo asks first.
    RemoveCoding(thicket_core::model::CodingId),
    /// Code a span with a code for the current coder, who is added to the project first if new
    /// (from the code bar, a quick key, a dropped code: the span is the selection when asked).
    CodeSpan { source: SourceId, span: TextSpan, code: CodeId },
    /// Create a code and code a span with it for the current coder, as one undoable step.
    CreateCodeAndCode { parent: Option<CodeId>, name: String, color: String, description: CodeDescription, source: SourceId, span: TextSpan },
    /// Import the files the import dialog has read and the user has reviewed.
    ImportReviewed,
    /// A QualCoder project folder was chosen: ask where the new project goes.
    QualCoderFolder(PathBuf),
    /// Read the chosen QualCoder folder into this new project file, in the background.
    QualCoderTarget(PathBuf),
    /// Write the summary of a framework matrix's cell (empty: clear it) by the current coder,
    /// who is added to the project first if new.
    SetFrameworkSummary { framework: thicket_core::model::FrameworkId, case: thicket_core::model::CaseId, code: CodeId, summary: String },
    /// Show or hide a coder, rename one, enter or leave blind mode (the Team view).
    Team(super::team::TeamRequest),
    /// A step of File → Merge a project… (the file chosen, the preview again, the merge).
    Merge(super::merge_dialog::MergeStep),
    /// The open project's backups go into this folder from now on (File → Backup settings…).
    SetBackupFolder(PathBuf),
    /// Show the History window on what touched one source or code (its context menu).
    ShowHistoryOf(thicket_core::model::AuditEntityKind, i64),
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
    /// The outcome of the last file operation ("Saved a copy to …"), shown in the status bar.
    pub(super) notice: Option<String>,
    pub(super) prefs: Prefs,
    pub(super) import: Option<ImportDialog>,
    /// What the import dialog's Import button confirmed, imported after the frame.
    reviewed_import: Option<(Box<thicket_core::project::ReadBatch>, Box<thicket_core::project::ImportOptions>)>,
    pub(super) participants: super::participants::ParticipantsWindow,
    pub(super) participants_open: bool,
    /// The pseudonymisation map, its preview and the export log.
    pub(super) pseudonyms: super::pseudonyms::PseudonymsWindow,
    pub(super) codebook: super::codebook::CodebookPanel,
    /// The code bar by the document's selection.
    pub(super) code_bar: super::code_bar::CodeBar,
    /// Codes applied in this session, the last one first (the code bar offers them).
    pub(super) recent_codes: Vec<CodeId>,
    pub(super) retrieval: super::retrieval::RetrievalPane,
    /// The Team view, whose codings are shown, and blind mode.
    pub(super) team: super::team::Team,
    pub(super) find: super::search::FindBar,
    pub(super) project_search: super::search::ProjectSearch,
    pub(super) history: super::history::HistoryWindow,
    pub(super) backups: super::backups::BackupsDialog,
    /// Automatic backups of the open project, and File → Backup settings….
    pub(super) autobackup: super::autobackup::AutoBackup,
    /// The memo browser, cases and attributes windows.
    pub(super) data: super::data_windows::DataWindows,
    pub(super) analysis: super::analysis::AnalysisArea,
    /// File → Export → Codebook… and Case report…: the dialog and the report being written.
    pub(super) reports: super::report_dialog::Reports,
    /// File → Export → REFI-QDA project and codebook: the dialog and the choices.
    pub(super) refi: super::refi_dialog::RefiExports,
    /// File → Merge a project…, while open.
    pub(super) merge: Option<super::merge_dialog::MergeDialog>,
    /// File → Export → Coded excerpts….
    pub(super) excerpts: super::excerpt_dialog::ExcerptDialog,
    /// File → Open a QualCoder project…: the import running, or its report.
    pub(super) qualcoder: super::qualcoder_import::QualCoderImport,
    /// File → Open a REFI-QDA project and Import codebook: the import running and its report.
    pub(super) refi_import: super::refi_import::RefiImport,
    /// Thicket's own file browser, while open.
    file_browser: Option<super::file_browser::FileBrowser>,
    /// System dialogs or Thicket's own, decided once (see `file_request`).
    dialogs: super::file_request::DialogKind,
    /// Bumped after every change, so cached views know to refresh.
    pub(super) generation: u64,
    /// How many of those bumps were a change of whose codings are shown, not of the project
    /// (`coder_view_changed`): what does not depend on the coders shown (the analysis rows, the
    /// coders' counts, the memo marks) is kept across them (`content_generation`).
    view_changes: u64,
    /// Who is coding: recorded on every coding and memo made in this window.
    pub(super) coder: String,
    /// The id `coder` had when last looked up, so that a rename of that coder is followed.
    pub(super) coder_known: Option<CoderId>,
    /// The project's listings, re-read when `generation` moves on.
    pub(super) summary: Option<super::summary::Summary>,
    /// The listings being read after a change.
    summary_loader: Option<super::summary::SummaryLoader>,
    /// The navigator's filter and grouping.
    pub(super) navigator: super::panels::NavigatorState,
    /// "Who is coding?", while asked (first start, a new project, "Change coder…").
    pub(super) coder_prompt: Option<super::coder_prompt::CoderPrompt>,
    /// The passphrase of an encrypted project being opened, or a new one, while asked.
    pub(super) passphrase_dialog: Option<super::passphrase_dialog::PassphraseDialog>,
    /// "Remove this coding and its memo?", while asked.
    pub(super) removal: Option<super::coding_removal::RemovalQuestion>,
    pub(super) palette: super::commands::palette::CommandPalette,
    /// The side panels' widths this frame, so the document keeps a readable measure.
    pub(super) side_panels: super::side_panels::SidePanels,
    /// Starts background work (analyses, searches) that reports back to this window.
    pub(super) jobs: super::jobs::Jobs,
    /// A long change being written on a worker, which holds the project meanwhile (`writing`).
    pub(super) writing: Option<super::writing::Writing>,
    /// The project's full soundness check, running on a worker since the project opened; the
    /// first write waits for it (the status bar says "Checking the project…" meanwhile).
    pub(super) check: Option<super::jobs::Job<Option<Option<String>>>>,
    /// When the window last asked whether another process changed the project.
    outside_polled: Option<std::time::Instant>,
    pub(super) ctx: egui::Context,
    prefs_path: Option<PathBuf>,
    commands: Vec<UiCommand>,
    title: String,
}

impl ThicketApp {
    /// Builds the app; `prefs_path` is `None` in tests so nothing is written to the user's config.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, prefs_path: Option<PathBuf>) -> Self {
        let prefs = Prefs::load(prefs_path.as_deref());
        Self::with_prefs(cc, startup, prefs, prefs_path)
    }

    /// Builds the app on `prefs` as if read from `prefs_path` (tests give a coder this way).
    /// Without a coder's name in them, the window first asks who is coding.
    pub fn with_prefs(cc: &eframe::CreationContext<'_>, startup: Startup, prefs: Prefs, prefs_path: Option<PathBuf>) -> Self {
        prefs.theme.apply(&cc.egui_ctx);
        crate::i18n::set_language(prefs.language.unwrap_or_else(crate::i18n::Lang::system));
        let coder = prefs.coder.clone().map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        let coder_prompt = coder.is_none().then(|| super::coder_prompt::CoderPrompt::first_start(thicket_core::project::suggested_coder()));
        let coder = coder.unwrap_or_default();
        let side_panels = super::side_panels::SidePanels::with_widths(&prefs.panel_widths);
        let mut app = ThicketApp {
            project: None,
            selected: None,
            document: None,
            errors: Vec::new(),
            notice: None,
            prefs,
            import: None,
            reviewed_import: None,
            participants: Default::default(),
            participants_open: false,
            pseudonyms: Default::default(),
            codebook: Default::default(),
            code_bar: Default::default(),
            recent_codes: Vec::new(),
            retrieval: Default::default(),
            team: Default::default(),
            find: Default::default(),
            project_search: Default::default(),
            history: Default::default(),
            backups: Default::default(),
            autobackup: Default::default(),
            data: Default::default(),
            analysis: Default::default(),
            reports: Default::default(),
            refi: Default::default(),
            excerpts: Default::default(),
            merge: None,
            qualcoder: Default::default(),
            refi_import: Default::default(),
            file_browser: None,
            dialogs: super::file_request::DialogKind::detect(),
            generation: 0,
            view_changes: 0,
            coder,
            coder_known: None,
            summary: None,
            summary_loader: None,
            navigator: Default::default(),
            coder_prompt,
            passphrase_dialog: None,
            removal: None,
            palette: Default::default(),
            side_panels,
            jobs: super::jobs::Jobs::new(cc.egui_ctx.clone()),
            writing: None,
            check: None,
            outside_polled: None,
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

    /// The coder recorded on codings and memos made in this window (empty until chosen).
    pub fn coder(&self) -> &str {
        &self.coder
    }

    /// The name in the "Who is coding?" dialog, while it is up.
    pub fn coder_prompt(&self) -> Option<&str> {
        self.coder_prompt.as_ref().map(|p| p.name())
    }

    /// The Team view's state: whose codings are shown, blind mode.
    pub fn team(&self) -> &super::team::Team {
        &self.team
    }

    /// Whose codings are shown, or the coder blind mode shows, changed: every view built for the
    /// old choice is rebuilt once (the generation moves on, as after a change to the project).
    pub(crate) fn coder_view_changed(&mut self) {
        self.generation += 1;
        self.view_changes += 1;
        self.reload_document();
    }

    /// A generation that moves on with every change to the project but not with a change of
    /// whose codings are shown: the key of what is read from the project whoever is shown (the
    /// analysis rows, narrowed to the coders shown only when a view computes; the coders'
    /// counts; the memo marks). Hiding a coder or coding blind then rebuilds the views from the
    /// rows already read instead of reading 200,000 codings again.
    pub(crate) fn content_generation(&self) -> u64 {
        self.generation - self.view_changes
    }

    /// Whether the command palette is showing.
    pub fn palette_open(&self) -> bool {
        self.palette.is_open()
    }

    /// The outcome of the last file operation, shown in the status bar.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
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

    /// The analysis tabs, to change their settings (the chart size) as the menus do.
    pub fn analysis_mut(&mut self) -> &mut super::analysis::AnalysisArea {
        &mut self.analysis
    }

    /// Whether an analysis, a project search, an autocode preview or an excerpt preview or
    /// export is under way (drawn with its progress, and a Cancel button where it can be stopped).
    pub fn is_busy(&self) -> bool {
        self.analysis.is_busy() || self.project_search.is_busy() || self.excerpts.is_exporting() || self.excerpts.is_previewing() || self.writing.is_some()
    }

    /// What a long change being written off the window's thread says it does, and how far it
    /// is (0 to 1), while it runs.
    pub fn writing(&self) -> Option<(&str, f32)> {
        self.writing.as_ref().map(|w| (w.what.as_str(), w.progress()))
    }

    /// Background work of this window: tests run it inline or hold it (`Jobs`).
    pub fn jobs(&self) -> &super::jobs::Jobs {
        &self.jobs
    }

    /// The codebook and case-report exports: their dialog and the report being written.
    pub fn reports(&self) -> &super::report_dialog::Reports {
        &self.reports
    }

    /// The REFI-QDA export dialog's state.
    pub fn refi(&self) -> &super::refi_dialog::RefiExports {
        &self.refi
    }

    /// The coded-excerpts export dialog (open or not).
    pub fn excerpt_dialog(&self) -> &super::excerpt_dialog::ExcerptDialog {
        &self.excerpts
    }

    /// The coded-excerpts export dialog, to change what it runs (tests replace the folder opener).
    pub fn excerpt_dialog_mut(&mut self) -> &mut super::excerpt_dialog::ExcerptDialog {
        &mut self.excerpts
    }

    /// File → Merge a project…, when open.
    pub fn merge_dialog(&self) -> Option<&super::merge_dialog::MergeDialog> {
        self.merge.as_ref()
    }

    /// The import dialog, when open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.import.as_ref()
    }

    /// File → Open a REFI-QDA project and Import codebook: the running import and its report.
    pub fn refi_import(&self) -> &super::refi_import::RefiImport {
        &self.refi_import
    }

    /// Thicket's own file browser, when open.
    pub fn file_browser(&self) -> Option<&super::file_browser::FileBrowser> {
        self.file_browser.as_ref()
    }

    /// Queues a command (panels and tests call this).
    pub fn push_command(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Queues a command (panels call this).
    pub(super) fn push(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Reads the listings again, a slice of this frame at a time, if the project changed since
    /// they were read; the panels show the previous ones until the new ones are complete.
    fn refresh_summary(&mut self) {
        if self.writing.is_some() {
            // The project is lent to a writer: the panels show what was read before.
            return;
        }
        let Some(project) = &self.project else {
            self.summary = None;
            self.summary_loader = None;
            return;
        };
        if self.summary.as_ref().is_some_and(|s| s.generation == self.generation) {
            return;
        }
        if self.summary_loader.as_ref().is_none_or(|l| l.generation() != self.generation) {
            self.summary_loader = Some(super::summary::SummaryLoader::new(self.generation).with_coders(self.team.filter()));
        }
        if self.jobs.frame_spent() {
            return self.ctx.request_repaint();
        }
        let Some(loader) = &mut self.summary_loader else { return };
        match loader.step(project, self.jobs.slice(super::summary::READ_SLICE)) {
            Ok(Some(summary)) => {
                self.summary = Some(summary);
                self.summary_loader = None;
            }
            // The next slice in the next frame.
            Ok(None) => self.ctx.request_repaint(),
            Err(e) => {
                self.summary = None;
                self.summary_loader = None;
                self.errors.push(e.to_string());
            }
        }
    }

    fn open(&mut self, path: &Path) {
        self.close();
        // An encrypted project is opened by the passphrase dialog, once it has the passphrase.
        if thicket_core::store::looks_encrypted(path) {
            let purpose = super::passphrase_dialog::Purpose::Open(path.to_owned());
            self.passphrase_dialog = Some(super::passphrase_dialog::PassphraseDialog::new(purpose));
            return;
        }
        match Project::open(path) {
            Ok(p) => self.opened(path, p),
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// Starts the full soundness check on a worker when the first write would otherwise run
    /// it here (docs/integrity.md): the window reads meanwhile, and a write waits only for
    /// what is left of it.
    fn start_check(&mut self) {
        let Some(check) = self.project.as_mut().and_then(Project::background_check) else { return };
        self.check = Some(self.jobs.spawn("checking the project", self.generation, move |_| check.run()));
        self.poll_check();
    }

    /// Takes in the check's verdict once it is in: a failure makes the project read-only, and
    /// the banner says why.
    fn poll_check(&mut self) {
        let Some(job) = &mut self.check else { return };
        let finished = !matches!(job.poll(), super::jobs::Polled::Running);
        // While a write holds the project on a worker, the verdict waits in the project.
        let still = self.project.as_mut().is_none_or(Project::checking);
        if finished || !still {
            self.check = None;
        }
    }

    /// Whether the project's soundness check is still running (the status bar says so).
    pub fn checking(&self) -> bool {
        self.check.is_some()
    }

    /// Asks the project, at most every `OUTSIDE_POLL`, whether another process changed it; if
    /// so, every view is refreshed (and the notice says whether the undo history was cleared).
    fn poll_outside_changes(&mut self) {
        let Some(p) = &mut self.project else { return };
        let now = std::time::Instant::now();
        // The next look comes even when the window is idle.
        self.ctx.request_repaint_after(OUTSIDE_POLL);
        if self.outside_polled.is_some_and(|t| now.duration_since(t) < OUTSIDE_POLL) {
            return;
        }
        self.outside_polled = Some(now);
        let _p = phase("project: changed by another process?");
        match p.poll_outside_changes() {
            Ok(Some(change)) => {
                self.notice = Some(if change.history_cleared {
                    "Another Thicket process changed this project: shown as it is now. Undo history was cleared, so that undo cannot take back their change.".into()
                } else {
                    "Another Thicket process changed this project: shown as it is now.".into()
                });
                self.autobackup.saw_outside_change();
                self.refresh_all();
            }
            Ok(None) => {}
            Err(e) => {
                let message = e.to_string();
                if !self.errors.contains(&message) {
                    self.errors.push(message);
                }
            }
        }
    }

    /// Every view re-reads the project: listings, codebook, the open document, analyses.
    fn refresh_all(&mut self) {
        self.generation += 1;
        self.pseudonyms.forget();
        self.reload_document();
    }

    /// Shows `project`, just opened from `path`.
    pub(super) fn opened(&mut self, path: &Path, project: Project) {
        self.prefs.remember(path);
        self.prefs.save(self.prefs_path.as_deref());
        self.codebook.quick = self.prefs.quick_keys.get(&canonical(path)).copied().unwrap_or_default();
        self.project = Some(project);
        self.start_check();
        self.select_first_source();
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
                R::Apply(code) => self.code_selection(code),
                R::InVivo => self.in_vivo(),
                R::CreateAndApply { parent, name, color, description } => self.create_and_apply(parent, name, color, description),
                R::Memo(code) => self.push(UiCommand::OpenMemo(super::memos::MemoSubject::Of(thicket_core::model::MemoTarget::Code { id: code }))),
                R::History(code) => self.push(UiCommand::ShowHistoryOf(thicket_core::model::AuditEntityKind::Code, code.0)),
            }
        }
    }

    /// The current coder's id, created on first use. Not an undo step: who is working is not a
    /// change the user made to the data. It may write, so only `apply` (after the frame) calls it.
    pub(super) fn coder_id(&mut self) -> Option<CoderId> {
        if self.coder.is_empty() {
            // Never a guessed name: ask, and let the user repeat what they did.
            self.errors.push(t!("app-say-coder-first").into());
            self.ask_coder();
            return None;
        }
        let project = self.project.as_mut()?;
        let found = project.coders().map(|list| list.into_iter().find(|c| c.name == self.coder));
        let result = match found {
            Ok(Some(c)) if c.retired => {
                self.errors.push(t!("app-coder-retired", name = &c.name));
                self.ask_coder();
                return None;
            }
            Ok(Some(c)) => {
                self.coder_known = Some(c.id);
                Ok(c.id)
            }
            Ok(None) => project.apply(Action::CreateCoder { name: self.coder.clone() }).map(|o| o.created.coders.first().copied().unwrap_or(CoderId(0))),
            Err(e) => Err(e),
        };
        result.map_err(|e| self.errors.push(t!("app-cannot-record-coder", name = &self.coder, error = e.to_string()))).ok()
    }

    /// The open source and its selection with surrounding blanks left out, or a message saying
    /// what to do first.
    fn selected_span(&mut self) -> Option<(SourceId, TextSpan)> {
        let found = self.document.as_ref().and_then(|doc| Some((doc.source.id, thicket_core::text::trim_span(doc.text(), doc.selection()?)?)));
        if found.is_none() {
            self.errors.push(t!("app-select-passage-first").into());
        }
        found
    }

    /// Codes the selection with `code` for the current coder (after the frame: the coder may
    /// have to be added to the project first).
    pub(super) fn code_selection(&mut self, code: CodeId) {
        let Some((source, span)) = self.selected_span() else { return };
        super::code_bar::remember(&mut self.recent_codes, code);
        self.push(UiCommand::CodeSpan { source, span, code });
    }

    /// Creates a code named after the selected words and codes them with it (an existing
    /// top-level code of that name is applied instead).
    fn in_vivo(&mut self) {
        let Some((_, span)) = self.selected_span() else { return };
        let (Some(doc), Some(project)) = (&self.document, &self.project) else { return };
        let name = thicket_core::model::in_vivo_name(thicket_core::text::slice_chars(doc.text(), span.start..span.end).unwrap_or_default());
        let book = match project.codebook() {
            Ok(book) => book,
            Err(e) => return self.errors.push(e.to_string()),
        };
        match book.child_named(None, &name) {
            Some(existing) => self.code_selection(existing),
            None => self.create_and_apply(None, name, thicket_core::model::next_code_colour(&book).hex_upper(), CodeDescription::default()),
        }
    }

    /// Creates a code and codes the selection with it, as one undoable step.
    fn create_and_apply(&mut self, parent: Option<CodeId>, name: String, color: String, description: CodeDescription) {
        let Some((source, span)) = self.selected_span() else { return };
        self.push(UiCommand::CreateCodeAndCode { parent, name, color, description, source, span });
    }

    fn close(&mut self) {
        // A change being written is waited for: the project comes back, committed or rolled back.
        if let Some(writing) = self.writing.take()
            && let Some(written) = writing.wait()
        {
            self.project = Some(written.project);
        }
        self.generation += 1;
        self.check = None;
        self.outside_polled = None;
        self.merge = None;
        // A memo or framework summary being typed is saved before the project goes.
        super::data_windows::closing(self);
        // Blind mode ends with the project (recorded), and the coders' ticks were its own.
        super::team::closing(self);
        for unsaved in self.analysis.unsaved() {
            self.apply(unsaved);
        }
        if let Some(p) = self.project.take()
            && let Err(e) = p.close()
        {
            self.errors.push(e.to_string());
        }
        self.selected = None;
        self.document = None;
        self.coder_known = None;
        self.analysis = Default::default();
        self.pseudonyms = Default::default();
        self.history = Default::default();
        self.backups = Default::default();
        self.autobackup.closing();
        self.excerpts.close_project();
        // The listings were another project's: none are shown until the next one's are read.
        self.summary = None;
        self.summary_loader = None;
        self.data.listings = None;
    }

    /// Creates a project at `path`, titled after the file name, and opens it.
    fn new_project(&mut self, path: &Path) {
        self.close();
        let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Study".into());
        match Project::create(path, &title).and_then(Project::close) {
            Ok(_) => {
                self.open(path);
                // A new study may be someone else's: ask, offering the current name.
                self.ask_coder();
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    fn open_sample(&mut self) {
        let path = Prefs::sample_path();
        if !path.exists() {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            self.close();
            match thicket_core::sample::write_sample(&path).and_then(Project::close) {
                Ok(_) => {}
                Err(e) => {
                    self.errors.push(t!("app-cannot-write-sample", path = path.display().to_string(), error = e.to_string()));
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
            let first_case = |s: &thicket_core::model::Source| by_source.get(&s.id).and_then(|c| c.first().cloned()).unwrap_or_else(|| "\u{10FFFF}".into());
            sources.sort_by_cached_key(|s| (first_case(s), s.date.clone(), s.name.clone()));
            sources.first().map(|s| s.id)
        });
        if let Some(id) = first {
            self.select(id);
        }
    }

    fn select(&mut self, id: SourceId) {
        let Some(project) = &self.project else { return };
        match DocumentView::load_filtered(project, id, self.team.filter()) {
            Ok(view) => {
                self.selected = Some(id);
                self.document = Some(view);
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// After a change: the open document catches up in place (keeping its selection, reading
    /// position and layout), or closes if its source is gone.
    fn reload_document(&mut self) {
        super::team::follow_renamed_coder(self);
        let _p = phase("document: refresh after a change");
        let (Some(id), Some(project)) = (self.selected, &self.project) else { return };
        if project.source(id).ok().flatten().is_none() {
            self.selected = None;
            self.document = None;
            return;
        }
        let filter = self.team.filter();
        let refreshed = match &mut self.document {
            Some(doc) if doc.source.id == id => {
                doc.set_coder_filter(filter);
                doc.refresh(project)
            }
            _ => return self.select(id),
        };
        if let Err(e) = refreshed {
            self.errors.push(e.to_string());
        }
    }

    /// Performs a change: a long one (`writing::LONG_WRITE` rows or more) on a worker, which
    /// holds the project until it is committed or cancelled; a short one here, at once.
    pub(super) fn write(&mut self, write: super::writing::Write) {
        use super::writing::{LONG_WRITE, Write, Writing};
        let Some(project) = &self.project else { return };
        let (rows, label) = match &write {
            Write::Perform(action) => (action.rows(), format!("{}…", action.label())),
            Write::Autocode(plan, _) => (plan.added(), t!("app-applying-codings", n = plan.added())),
            Write::Undo => (project.history_rows(false), t!("app-undoing", what = project.undo_step().map(crate::i18n::values::step).unwrap_or_default())),
            Write::Redo => (project.history_rows(true), t!("app-redoing", what = project.redo_step().map(crate::i18n::values::step).unwrap_or_default())),
            Write::Task(path, _) => (usize::MAX, t!("app-writing-file", path = path.as_str())),
            Write::Merge { from, options, .. } => {
                let name = from.first().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                (usize::MAX, if options.dry_run { t!("app-comparing-with", name = name) } else { t!("app-merging", name = name) })
            }
        };
        if rows < LONG_WRITE {
            match write {
                Write::Perform(action) => {
                    self.perform(*action);
                }
                Write::Autocode(plan, coder) => {
                    if let Some(action) = plan.action(coder) {
                        self.perform(action);
                    }
                }
                Write::Undo | Write::Redo => self.undo_or_redo(matches!(write, Write::Redo)),
                Write::Task(..) | Write::Merge { .. } => {}
            }
            return;
        }
        let Some(project) = self.project.take() else { return };
        self.writing = Some(Writing::start(&self.jobs, self.generation, project, write, label));
        // Quick work is back already (and tests run it inline).
        self.poll_writing();
    }

    /// Takes the project back from a write that has ended, says how it ended, and refreshes
    /// what depends on the project.
    fn poll_writing(&mut self) {
        let Some(polled) = self.writing.as_mut().and_then(|w| w.poll()) else { return };
        let done = self.writing.take().and_then(|w| w.done);
        match polled {
            Ok(written) => {
                self.project = Some(written.project);
                match super::writing::outcome_message(&written.result) {
                    Some((true, e)) => self.errors.push(e),
                    Some((false, notice)) => self.notice = Some(notice),
                    None => {}
                }
                if written.result.is_ok() && written.changed {
                    super::team::touch(self);
                    self.generation += 1;
                    self.reload_document();
                }
                if written.result.is_ok() && !written.changed && done.is_some() {
                    // A task (a report) said "Writing PATH…" while it ran; now "Wrote PATH". A
                    // write with nothing to say leaves the notice that was there.
                    self.notice = done;
                }
                // A task may have added a line to the export log.
                self.pseudonyms.forget();
            }
            Err(e) => {
                // The worker stopped with the project: its connection is gone, its transaction
                // rolled back by SQLite. The window has no project any more.
                self.errors.push(t!("app-write-lost", error = e));
                self.close();
            }
        }
    }

    /// Undoes or redoes the last step here, on the window's thread.
    fn undo_or_redo(&mut self, redo: bool) {
        if let Some(p) = &mut self.project {
            let undo = phase("project: undo or redo (one transaction)");
            let result = if redo { p.redo() } else { p.undo() };
            drop(undo);
            if let Err(e) = result {
                self.errors.push(e.to_string());
            }
            self.generation += 1;
            self.reload_document();
        }
    }

    /// Performs an action (recorded for undo), shows a failure, and refreshes what depends on
    /// the project; returns what the action created.
    pub(super) fn perform(&mut self, action: thicket_core::Action) -> Option<thicket_core::action::EntitySet> {
        let p = self.project.as_mut()?;
        let _p = phase("project: perform (one transaction)");
        let result = p.perform(action);
        drop(_p);
        let created = match result {
            Ok(outcome) => {
                // A change made while blind is the blind session's last activity.
                super::team::touch(self);
                Some(outcome.created)
            }
            Err(e) => {
                self.errors.push(e.to_string());
                None
            }
        };
        self.generation += 1;
        self.reload_document();
        created
    }

    pub(super) fn apply(&mut self, command: UiCommand) {
        match command {
            UiCommand::OpenProject(p) => self.open(&p),
            UiCommand::OpenSample => self.open_sample(),
            UiCommand::NewProject(path) => self.new_project(&path),
            UiCommand::SaveCopy(path) => {
                if let Some(p) = &self.project {
                    match p.save_copy(&path) {
                        Ok(()) => self.notice = Some(t!("app-saved-copy", path = path.display().to_string())),
                        Err(e) => self.errors.push(e.to_string()),
                    }
                }
            }
            UiCommand::SaveReadableCopy(path) => {
                if let Some(p) = &self.project {
                    match p.save_readable_copy(&path) {
                        Ok(copy) => {
                            let mut note = t!("app-saved-readable-copy", path = path.display().to_string(), rows = copy.rows);
                            if !copy.sources_left_out.is_empty() {
                                note.push_str(&t!("app-readable-left-out", names = copy.sources_left_out.join(", ")));
                            }
                            if !copy.stopped.is_empty() {
                                note.push_str(&t!("app-readable-stopped", n = copy.stopped.len()));
                            }
                            self.notice = Some(t!("app-readable-open-it", note = note));
                        }
                        Err(e) => self.errors.push(e.to_string()),
                    }
                }
            }
            UiCommand::CloseProject => self.close(),
            UiCommand::SelectSource(id) => self.select(id),
            UiCommand::Import(paths) => {
                if self.project.is_none() {
                    self.errors.push(t!("app-open-before-import").into());
                } else if !paths.is_empty() {
                    self.import = Some(ImportDialog::start(paths, &self.ctx));
                }
            }
            UiCommand::Undo | UiCommand::Redo => {
                // Text being typed in a memo or a framework summary is saved first, so that undo
                // takes it back.
                super::data_windows::flush(self);
                for unsaved in self.analysis.unsaved() {
                    self.apply(unsaved);
                }
                self.write(if command == UiCommand::Undo { super::writing::Write::Undo } else { super::writing::Write::Redo });
            }
            UiCommand::Perform(action) => self.write(super::writing::Write::Perform(Box::new(action))),
            UiCommand::CodeSpan { source, span, code } => {
                if let Some(coder) = self.coder_id() {
                    self.perform(Action::AddCodings(vec![NewCoding { source, code, coder, span, memo: String::new() }]));
                }
            }
            UiCommand::CreateCodeAndCode { parent, name, color, description, source, span } => {
                if let Some(coder) = self.coder_id() {
                    self.perform(Action::CreateCodeAndApply { parent, name, color, description, coder, spans: vec![(source, span)] });
                }
            }
            UiCommand::SetFrameworkSummary { framework, case, code, summary } => {
                if let Some(coder) = self.coder_id() {
                    self.perform(Action::SetFrameworkCell { framework, case, code, summary, coder, updated_at: None });
                }
            }
            UiCommand::ImportReviewed => self.import_reviewed(),
            UiCommand::QualCoderFolder(folder) => super::qualcoder_import::folder_chosen(self, folder),
            UiCommand::QualCoderTarget(target) => super::qualcoder_import::start(self, target),
            UiCommand::ChooseRefiTarget(qdpx) => super::refi_import::choose_target(self, qdpx),
            UiCommand::ImportRefiProject(new) => super::refi_import::start(self, new),
            UiCommand::ImportCodebook(file) => super::refi_import::import_codebook(self, &file),
            UiCommand::ShowSpan(id, span) => {
                self.analysis.show_document();
                if self.selected != Some(id) {
                    self.select(id);
                }
                if let Some(doc) = &mut self.document
                    && doc.source.id == id
                {
                    doc.reveal(span);
                }
            }
            UiCommand::Autocode(request) => {
                let coder = self.coder_id();
                if let (Some(p), Some(coder)) = (&self.project, coder) {
                    match super::search::autocode_plan(p, &request, coder, self.generation) {
                        Ok(plan) if plan.added() > 0 => self.write(super::writing::Write::Autocode(plan, coder)),
                        Ok(_) => {}
                        Err(e) => self.errors.push(e.to_string()),
                    }
                }
            }
            UiCommand::ShowParticipants => self.participants_open = true,
            UiCommand::ShowPseudonyms(tab) => self.pseudonyms.open(tab),
            UiCommand::ShowCases(_) | UiCommand::ShowAttributes | UiCommand::ShowMemos | UiCommand::OpenMemo(_) | UiCommand::CreateMemo { .. } => {
                super::data_windows::apply(self, command)
            }
            UiCommand::OpenAnalysis(kind) => self.analysis.open(kind),
            UiCommand::ShowDisagreements { codes, coders } => self.analysis.show_disagreements(codes, &coders),
            UiCommand::ChooseFile(request) => self.choose_file(request),
            UiCommand::Export(kind, format, path) => {
                let map = match self.outgoing_map(self.analysis.pseudonymise()) {
                    Ok(map) => map,
                    Err(e) => return self.errors.push(e),
                };
                match self.analysis.export_view(kind, format, &path, map.as_ref()) {
                    Ok(()) => self.log_export(kind, format, &path, map.as_ref()),
                    Err(e) => self.errors.push(e.to_string()),
                }
            }
            UiCommand::ExportReport(kind, format, path) => super::report_dialog::write(self, kind, format, path),
            UiCommand::ExportRefi(kind, path) => super::refi_dialog::write(self, kind, path),
            UiCommand::Merge(step) => super::merge_dialog::apply(self, step),
            UiCommand::ExportExcerpts(format, path) => super::excerpt_dialog::start_export(self, format, path),
            UiCommand::ReplaceFile(path, command) => self.replace_file(&path, *command),
            UiCommand::DismissError => {
                self.errors.clear();
            }
            UiCommand::Run(command) => super::commands::run(self, command),
            UiCommand::RemoveCoding(id) => super::coding_removal::ask_or_remove(self, id),
            UiCommand::Team(request) => super::team::apply(self, request),
            UiCommand::SetBackupFolder(folder) => super::autobackup::set_folder(self, Some(folder)),
            UiCommand::ShowHistoryOf(kind, id) => self.show_history_of(kind, id),
        }
    }

    /// Records a file the window exported in the project's export log (the window's exports are
    /// not pseudonymised), so the log lists every export, from the window or the command line.
    fn log_export(&mut self, kind: super::analysis::AnalysisKind, format: super::analysis::ExportFormat, path: &Path, map: Option<&thicket_core::text::PseudonymMap>) {
        let options = serde_json::json!({ "from": "window", "format": format.extensions().first().copied().unwrap_or_default() });
        self.record_export(kind.stem(), path, options, map);
    }

    /// The project's pseudonym map when an export is to be pseudonymised (`Project::export_map`).
    pub(super) fn outgoing_map(&self, pseudonymise: bool) -> Result<Option<thicket_core::text::PseudonymMap>, String> {
        match &self.project {
            Some(p) => p.export_map(pseudonymise).map_err(|e| e.to_string()),
            None => Ok(None),
        }
    }

    /// Records a file the window wrote in the project's export log, with the pseudonym map it was
    /// written with (if any), as the command line records its files.
    pub(super) fn record_export(&mut self, kind: &str, path: &Path, options: serde_json::Value, map: Option<&thicket_core::text::PseudonymMap>) {
        let Some(p) = &mut self.project else { return };
        if let Err(e) = p.log_written_export(kind, path, options, map) {
            self.errors.push(e.to_string());
        }
        self.pseudonyms.forget();
    }

    /// Asks who is coding, offering the current name (unless already asking).
    pub(super) fn ask_coder(&mut self) {
        if let Some(blind) = self.team.blind() {
            let message = t!("app-blind-leave-first", name = &blind.name);
            return self.errors.push(message);
        }
        if self.coder_prompt.is_none() {
            self.coder_prompt = Some(super::coder_prompt::CoderPrompt::change(&self.coder));
        }
    }

    /// Whether a dialog that holds the keyboard is up (the window's shortcuts wait).
    pub(super) fn dialog_open(&self) -> bool {
        self.coder_prompt.is_some() || self.passphrase_dialog.is_some() || self.removal.is_some() || self.palette.is_open() || self.qualcoder.is_open()
    }

    /// The small dialogs over the window: who is coding, removing a coding with a memo, the
    /// command palette.
    fn dialogs(&mut self, ctx: &egui::Context) {
        super::coder_prompt::show(self, ctx);
        super::passphrase_dialog::show(self, ctx);
        super::coding_removal::show(self, ctx);
        super::commands::palette::show(self, ctx);
        super::accessibility::keys_window(ctx);
    }

    /// Where a file dialog opens: the last folder chosen from, else the project's folder, else
    /// the home folder.
    fn start_folder(&self) -> PathBuf {
        let project_dir = self.project.as_ref().and_then(|p| canonical(p.path()).parent().map(Path::to_path_buf));
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
        self.prefs.recent_folders.iter().find(|d| d.is_dir()).cloned().or(project_dir).or(home).unwrap_or_else(|| PathBuf::from("."))
    }

    /// Answers a file request with the system dialog or, where there is none, Thicket's own.
    fn choose_file(&mut self, request: super::file_request::FileRequest) {
        use super::file_request::{DialogKind, NativeAnswer};
        let start = self.start_folder();
        if self.dialogs == DialogKind::Native {
            match super::file_request::native(&request, Some(&start)) {
                NativeAnswer::Chosen(paths) => return self.chosen(&request, paths),
                NativeAnswer::Cancelled => return,
                NativeAnswer::Unavailable => {
                    // Said once; from now on this run goes straight to the browser.
                    self.dialogs = DialogKind::InApp;
                    self.notice = Some(t!("app-no-system-dialog").into());
                }
            }
        }
        self.file_browser = Some(super::file_browser::FileBrowser::new(request, start, self.prefs.recent_folders.clone()));
    }

    /// Remembers where the user chose from and queues the command the request stands for.
    fn chosen(&mut self, request: &super::file_request::FileRequest, paths: Vec<PathBuf>) {
        let folder = paths.first().map(|p| if request.mode == super::file_request::FileMode::PickFolder { p.clone() } else { p.parent().map(Path::to_path_buf).unwrap_or_default() });
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            self.prefs.remember_folder(&folder);
            self.prefs.save(self.prefs_path.as_deref());
        }
        if let Some(command) = request.answer(paths) {
            self.commands.push(command);
        }
    }

    fn file_browser_ui(&mut self, ctx: &egui::Context) {
        use super::file_browser::BrowserOutcome;
        let Some(browser) = &mut self.file_browser else { return };
        match browser.show(ctx) {
            BrowserOutcome::Open => {}
            BrowserOutcome::Cancelled => self.file_browser = None,
            BrowserOutcome::Chosen(paths) => {
                let request = browser.request().clone();
                self.file_browser = None;
                self.chosen(&request, paths);
            }
        }
    }

    /// Replaces `path` with what `command` writes: the old file waits beside it under a
    /// temporary name and comes back if the command fails. The open project is never replaced.
    fn replace_file(&mut self, path: &Path, command: UiCommand) {
        if self.project.as_ref().is_some_and(|p| canonical(p.path()) == canonical(path)) {
            self.errors.push(t!("app-is-open-project", path = path.display().to_string()));
            return;
        }
        let mut aside = path.as_os_str().to_os_string();
        aside.push(".replaced~");
        let aside = PathBuf::from(aside);
        if let Err(e) = std::fs::rename(path, &aside) {
            self.errors.push(t!("app-cannot-replace", path = path.display().to_string(), error = e.to_string()));
            return;
        }
        let before = self.errors.len();
        self.apply(command);
        let restore = self.errors.len() > before;
        let result = if restore { std::fs::rename(&aside, path) } else { std::fs::remove_file(&aside) };
        if let Err(e) = result {
            self.errors.push(t!("app-cannot-tidy", path = aside.display().to_string(), error = e.to_string()));
        }
    }

    /// The import dialog; its Import button queues the import for after the frame. Its pickers
    /// list cases, people and roles from the window listings, read once per change.
    fn import_dialog_ui(&mut self, ctx: &egui::Context) {
        let (Some(dialog), Some(project)) = (&mut self.import, &self.project) else { return };
        let lists = match super::listings::refreshed(&mut self.data.listings, project, self.generation) {
            Ok(lists) => lists,
            Err(e) => {
                self.errors.push(e.to_string());
                self.import = None;
                return;
            }
        };
        let cases: Vec<String> = lists.cases.iter().map(|c| c.name.clone()).collect();
        match dialog.show(ctx, &cases, &lists.participants, &lists.roles) {
            DialogOutcome::Nothing => {}
            DialogOutcome::Close => self.import = None,
            DialogOutcome::Import(batch, options) => {
                self.reviewed_import = Some((batch, options));
                self.commands.push(UiCommand::ImportReviewed);
            }
        }
    }

    /// Imports what the dialog confirmed, shows the report in the dialog and opens the first
    /// imported source.
    fn import_reviewed(&mut self) {
        let (Some((batch, options)), Some(project)) = (self.reviewed_import.take(), &mut self.project) else { return };
        match project.import_read(*batch, &options) {
            Ok(report) => {
                self.generation += 1;
                let first = report.imported.first().map(|f| f.source.clone());
                if let Some(dialog) = &mut self.import {
                    dialog.show_report(report);
                }
                if let Some(id) = first.and_then(|n| project.source_named(&n).ok()).map(|s| s.id) {
                    self.commands.push(UiCommand::SelectSource(id));
                }
            }
            Err(e) => {
                self.errors.push(e.to_string());
                self.import = None;
            }
        }
    }

    /// Remembers the quick keys of the open project when they change.
    fn save_quick_keys(&mut self) {
        let Some(p) = &self.project else { return };
        let key = canonical(p.path());
        if self.prefs.quick_keys.get(&key).copied().unwrap_or_default() != self.codebook.quick {
            self.prefs.quick_keys.insert(key, self.codebook.quick);
            self.prefs.save(self.prefs_path.as_deref());
        }
    }

    /// Writes the preferences (a convenience: a failure is not reported).
    pub(super) fn save_prefs(&self) {
        self.prefs.save(self.prefs_path.as_deref());
    }

    /// Opens the History window on one source or code, named as the window shows it (a code by
    /// its path in the codebook).
    fn show_history_of(&mut self, kind: thicket_core::model::AuditEntityKind, id: i64) {
        use thicket_core::model::AuditEntityKind as K;
        let Some(project) = &self.project else { return };
        let name = match kind {
            K::Source => project.source(SourceId(id)).map(|s| s.map(|s| s.name)),
            K::Code => project.codebook().map(|book| book.path(CodeId(id)).map(str::to_owned)),
            _ => Ok(None),
        };
        match name {
            Ok(Some(name)) => self.history.open_on(kind, id, name),
            Ok(None) => {}
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// The automatic backups of the open project: the last one taken, whether one is running.
    pub fn autobackup(&self) -> &super::autobackup::AutoBackup {
        &self.autobackup
    }

    /// The folder the open project's backups go into (as set in File → Backup settings…).
    pub fn backup_folder(&self) -> Option<PathBuf> {
        self.project.as_ref().map(|p| super::autobackup::folder_for(&self.prefs.backups, p.path()))
    }

    /// For tests: moves the last automatic backup back by `minutes`, as if that much time had
    /// passed, so that the interval is tested without waiting.
    pub fn pretend_backup_minutes_passed(&mut self, minutes: u64) {
        self.autobackup.pretend_minutes_passed(minutes);
    }

    /// Switches the window's language at once and remembers it.
    pub(super) fn set_language(&mut self, lang: crate::i18n::Lang) {
        crate::i18n::set_language(lang);
        self.prefs.language = Some(lang);
        self.prefs.save(self.prefs_path.as_deref());
        self.ctx.request_repaint();
    }

    /// Switches the theme and remembers it.
    pub(super) fn set_theme(&mut self, ctx: &egui::Context, theme: super::prefs::Theme) {
        theme.apply(ctx);
        self.prefs.theme = theme;
        self.prefs.save(self.prefs_path.as_deref());
    }

    /// Makes `name` the current coder (remembered for next time).
    pub(super) fn set_coder(&mut self, name: String) {
        let name = name.trim().to_string();
        if name.is_empty() {
            return;
        }
        if let Some(blind) = self.team.blind() {
            let message = t!("app-blind-leave-first", name = &blind.name);
            return self.errors.push(message);
        }
        if name != self.coder {
            self.coder_known = None;
        }
        self.coder = name.clone();
        self.prefs.coder = Some(name);
        self.prefs.save(self.prefs_path.as_deref());
    }

    /// Shares the window's width between the side panels, keeping what the central area needs.
    fn plan_side_panels(&mut self, ui: &egui::Ui) {
        use super::side_panels::Side;
        let measure = super::document::readable_measure(ui.ctx());
        let view = match (&self.document, self.analysis.active()) {
            (Some(doc), None) => doc.min_width(ui),
            // An analysis view, or no document yet: about what a document would need.
            _ => measure + 150.0,
        };
        let reserved = view + egui::Frame::central_panel(ui.style()).total_margin().sum().x;
        let present = [true, true, self.project_search.is_open()];
        let folded = &self.prefs.folded;
        self.side_panels.plan(ui, present, |side: Side| folded.contains(&side), reserved);
    }

    /// Remembers a panel folded, unfolded or resized this frame.
    fn save_folds(&mut self) {
        let (fold, unfold) = (self.side_panels.fold.take(), self.side_panels.unfold.take());
        let resized = std::mem::take(&mut self.side_panels.resized);
        if fold.is_none() && unfold.is_none() && !resized {
            return;
        }
        self.prefs.panel_widths = self.side_panels.widths();
        if let Some(side) = fold {
            self.prefs.folded.insert(side);
        }
        if let Some(side) = unfold {
            self.prefs.folded.remove(&side);
        }
        self.prefs.save(self.prefs_path.as_deref());
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
        self.jobs.begin_frame();
        self.poll_writing();
        self.poll_check();
        self.poll_outside_changes();
        super::autobackup::poll(self);
        {
            let _p = phase("listings (summary slice)");
            self.refresh_summary();
        }
        panels::shortcuts(self, ui.ctx());
        panels::menu_bar(self, ui);
        super::team::banner(self, ui);
        panels::errors(self, ui);
        panels::access_banner(self, ui);
        if self.project.is_some() || self.writing.is_some() {
            panels::status_bar(self, ui);
            self.plan_side_panels(ui);
            {
                let _p = phase("navigator, codebook, segments");
                panels::navigator(self, ui);
            }
            {
                let _p = phase("project search panel");
                super::search::project_panel(self, ui);
            }
            let _p = phase("central (document or analysis)");
            panels::document(self, ui);
        } else {
            panels::welcome(self, ui);
        }
        panels::dropped_files(self, ui.ctx());
        self.import_dialog_ui(ui.ctx());
        self.file_browser_ui(ui.ctx());
        self.save_quick_keys();
        self.save_folds();
        super::data_windows::show(self, ui.ctx());
        super::report_dialog::show(self, ui.ctx());
        super::refi_dialog::show(self, ui.ctx());
        super::merge_dialog::show(self, ui.ctx());
        super::pseudonyms::show(self, ui.ctx());
        super::history::show(self, ui.ctx());
        super::backups::show(self, ui.ctx());
        super::autobackup::show(self, ui.ctx());
        {
            let _p = phase("excerpt dialog");
            super::excerpt_dialog::show(self, ui.ctx());
        }
        {
            let _p = phase("team view");
            super::team::show(self, ui.ctx());
        }
        super::qualcoder_import::show(self, ui.ctx());
        super::refi_import::show(self, ui.ctx());
        self.dialogs(ui.ctx());
        if let Some(writing) = &self.writing {
            // Commands wait for the project to come back.
            super::writing::show(ui.ctx(), writing);
            return;
        }
        // The audit trail names the window's coder for the actions about to run.
        if let Some(p) = &mut self.project
            && !self.coder.is_empty()
            && p.actor() != self.coder
        {
            p.set_actor(&self.coder);
        }
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What a command changed is drawn on the next frame; ask for it now.
            ui.ctx().request_repaint();
        }
        let _p = phase("commands after the frame");
        for command in commands {
            self.apply(command);
        }
        if !self.commands.is_empty() {
            // A command queued another (an import opens its first source).
            ui.ctx().request_repaint();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.close();
    }
}

/// How often the window asks whether another process changed the project (one cheap query).
pub const OUTSIDE_POLL: std::time::Duration = std::time::Duration::from_millis(250);

/// The file's full path, so that one project has one entry in the preferences.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
