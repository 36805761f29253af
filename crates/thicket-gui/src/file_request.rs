//! Every file dialog of the window goes through here: a panel pushes
//! `UiCommand::ChooseFile(FileRequest)`, the app answers it with the system dialog or with
//! Thicket's own browser (`file_browser`), and the chosen path comes back as the command the
//! panel meant (open, new project, import, save a copy, export).
//!
//! Which dialog: rfd's only backend here is the XDG portal, and on a desktop without a running
//! `xdg-desktop-portal` (XFCE, i3, many remote desktops, Xvfb) it returns `None` at once, showing
//! nothing. Asking D-Bus whether the portal answers needs a D-Bus client we do not have, and a
//! timing guess alone would also fire rfd inside tests. So the rule is explicit and the same for
//! the whole run: the system dialog on macOS and Windows (where one always exists) or when
//! `THICKET_NATIVE_DIALOGS=1`, Thicket's own browser otherwise (`THICKET_NATIVE_DIALOGS=0` forces
//! it everywhere). As a safety net, a system dialog that returns nothing in under 300 ms cannot
//! have been shown to anyone, so the window falls back to its own browser and says so once.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thicket_core::export::excerpts::ExcerptFormat;
use thicket_core::import::SUPPORTED_EXTENSIONS;

use super::analysis::{AnalysisKind, ExportFormat};
use super::app::UiCommand;
use super::refi_dialog::RefiKind;
use super::report_dialog::{ReportKind, extensions};
use thicket_core::export::report::ReportFormat;

/// What the chosen path is for; decides the mode, the filter and the command it becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    OpenProject,
    NewProject,
    SaveCopy,
    /// What can be read of a damaged project, into a new one.
    SaveReadableCopy,
    ImportFiles,
    ImportFolder,
    /// Another project to merge into this one.
    MergeProject,
    /// A QualCoder project folder (`NAME.qda`) to read into a new project.
    OpenQualCoder,
    /// Where the project read from a QualCoder folder goes (a new file).
    QualCoderTarget,
    /// A REFI-QDA project to become a new Thicket project.
    OpenRefiProject,
    /// The new project file for the REFI-QDA project chosen before.
    NewFromRefi,
    /// A REFI-QDA codebook to merge into the open project.
    ImportCodebook,
    /// Export the analysis view of this kind in this format.
    Export(AnalysisKind, ExportFormat),
    /// Write the codebook or a case report in this format.
    Report(ReportKind, ReportFormat),
    /// Export the excerpt dialog's excerpts in this format.
    ExportExcerpts(ExcerptFormat),
    /// Write a REFI-QDA project or codebook.
    Refi(RefiKind),
    /// The folder the open project's backups go into.
    BackupFolder,
}

/// What the dialog picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileMode {
    OpenFile,
    OpenFiles,
    PickFolder,
    SaveFile,
}

/// Which files the dialog lists (folders are always listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFilter {
    /// What the files are, for the user ("Thicket project").
    pub label: &'static str,
    /// Extensions without the dot, lower case.
    pub extensions: &'static [&'static str],
}

impl FileFilter {
    /// Whether `path` has one of the filter's extensions (any case).
    pub fn matches(&self, path: &Path) -> bool {
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        self.extensions.iter().any(|e| *e == ext)
    }
}

/// A request for a path, answered by one of the two dialogs.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRequest {
    pub purpose: FilePurpose,
    pub mode: FileMode,
    /// The file name proposed when saving.
    pub suggested_name: Option<String>,
    pub filter: Option<FileFilter>,
}

fn projects() -> FileFilter {
    FileFilter { label: t!("files-filter-projects"), extensions: &["thicket"] }
}
fn refi_projects() -> FileFilter {
    FileFilter { label: t!("files-filter-refi-projects"), extensions: &["qdpx"] }
}
fn refi_codebooks() -> FileFilter {
    FileFilter { label: t!("files-filter-refi-codebooks"), extensions: &["qdc"] }
}
fn documents() -> FileFilter {
    FileFilter { label: t!("files-filter-documents"), extensions: SUPPORTED_EXTENSIONS }
}

impl FileRequest {
    /// The request for `purpose`, with its mode, filter and proposed name.
    pub fn new(purpose: FilePurpose) -> Self {
        let (mode, suggested_name, filter) = match purpose {
            FilePurpose::OpenProject => (FileMode::OpenFile, None, Some(projects())),
            FilePurpose::NewProject => (FileMode::SaveFile, Some("study.thicket".to_string()), Some(projects())),
            FilePurpose::SaveCopy => (FileMode::SaveFile, Some("copy.thicket".to_string()), Some(projects())),
            FilePurpose::SaveReadableCopy => (FileMode::SaveFile, Some("readable copy.thicket".to_string()), Some(projects())),
            FilePurpose::ImportFiles => (FileMode::OpenFiles, None, Some(documents())),
            FilePurpose::ImportFolder | FilePurpose::OpenQualCoder | FilePurpose::BackupFolder => (FileMode::PickFolder, None, None),
            FilePurpose::MergeProject => (FileMode::OpenFile, None, Some(projects())),
            FilePurpose::QualCoderTarget => (FileMode::SaveFile, Some("from-qualcoder.thicket".to_string()), Some(projects())),
            FilePurpose::OpenRefiProject => (FileMode::OpenFile, None, Some(refi_projects())),
            FilePurpose::NewFromRefi => (FileMode::SaveFile, Some("imported.thicket".to_string()), Some(projects())),
            FilePurpose::ImportCodebook => (FileMode::OpenFile, None, Some(refi_codebooks())),
            FilePurpose::Export(kind, format) => {
                let filter = FileFilter { label: format.kind_label(), extensions: format.extensions() };
                (FileMode::SaveFile, Some(format!("{}.{}", kind.stem(), format.extensions()[0])), Some(filter))
            }
            FilePurpose::Report(kind, format) => {
                let filter = FileFilter { label: format.label(), extensions: extensions(format) };
                (FileMode::SaveFile, Some(format!("{}.{}", kind.stem(), format.name())), Some(filter))
            }
            FilePurpose::ExportExcerpts(format) => {
                let filter = FileFilter { label: format.label(), extensions: format.extensions() };
                (FileMode::SaveFile, Some(format!("excerpts.{}", format.extension())), Some(filter))
            }
            FilePurpose::Refi(kind) => {
                let extensions: &'static [&'static str] = match kind {
                    RefiKind::Project => &["qdpx"],
                    RefiKind::Codebook => &["qdc"],
                };
                (FileMode::SaveFile, Some(format!("project.{}", kind.extension())), Some(FileFilter { label: kind.label(), extensions }))
            }
        };
        FileRequest { purpose, mode, suggested_name, filter }
    }

    /// The dialog's title.
    pub fn title(&self) -> &'static str {
        match self.purpose {
            FilePurpose::OpenProject => t!("files-title-open-project"),
            FilePurpose::NewProject => t!("files-title-new-project"),
            FilePurpose::SaveCopy => t!("files-title-save-copy"),
            FilePurpose::SaveReadableCopy => t!("files-title-save-readable-copy"),
            FilePurpose::ImportFiles => t!("files-title-import-files"),
            FilePurpose::ImportFolder => t!("files-title-import-folder"),
            FilePurpose::OpenQualCoder => t!("files-title-open-qualcoder"),
            FilePurpose::QualCoderTarget => t!("files-title-save-imported"),
            FilePurpose::MergeProject => t!("files-title-merge"),
            FilePurpose::OpenRefiProject => t!("files-title-open-refi"),
            FilePurpose::NewFromRefi => t!("files-title-save-imported"),
            FilePurpose::ImportCodebook => t!("files-title-import-codebook"),
            FilePurpose::Export(..) | FilePurpose::Report(..) | FilePurpose::Refi(_) => t!("files-title-export"),
            FilePurpose::ExportExcerpts(_) => t!("files-title-export-excerpts"),
            FilePurpose::BackupFolder => t!("files-title-backup-folder"),
        }
    }

    /// The confirm button's text.
    pub fn confirm_label(&self) -> &'static str {
        match self.purpose {
            FilePurpose::OpenProject | FilePurpose::OpenRefiProject => t!("files-confirm-open"),
            FilePurpose::NewFromRefi => t!("files-confirm-create"),
            FilePurpose::ImportCodebook => t!("files-confirm-import"),
            FilePurpose::NewProject => t!("files-confirm-create"),
            FilePurpose::ImportFiles => t!("files-confirm-import"),
            FilePurpose::ImportFolder => t!("files-confirm-import-folder"),
            FilePurpose::OpenQualCoder => t!("files-confirm-open-qualcoder"),
            FilePurpose::BackupFolder => t!("files-confirm-backup-folder"),
            FilePurpose::QualCoderTarget => t!("files-confirm-create"),
            FilePurpose::MergeProject => t!("files-confirm-compare"),
            FilePurpose::SaveCopy | FilePurpose::SaveReadableCopy | FilePurpose::Export(..) | FilePurpose::Report(..) | FilePurpose::ExportExcerpts(_) | FilePurpose::Refi(_) => t!("files-confirm-save"),
        }
    }

    /// Whether the folder `dir` can be chosen: a QualCoder project must be a folder holding
    /// `data.qda`; any folder otherwise.
    pub fn folder_ready(&self, dir: &Path) -> bool {
        self.purpose != FilePurpose::OpenQualCoder || dir.join("data.qda").is_file()
    }

    /// A line said under the listing, when the request needs explaining.
    pub fn hint(&self) -> Option<&'static str> {
        match self.purpose {
            FilePurpose::OpenQualCoder => Some(t!("files-hint-qualcoder-folder")),
            FilePurpose::BackupFolder => Some(t!("files-hint-backup-folder")),
            FilePurpose::QualCoderTarget => Some(t!("files-hint-qualcoder-target")),
            _ => None,
        }
    }

    /// Whether saving over an existing file may be offered (a QualCoder import only ever makes a new file).
    pub fn may_replace(&self) -> bool {
        self.purpose != FilePurpose::QualCoderTarget
    }

    /// A file name as the user typed it, with the filter's extension added if it has none of
    /// the filter's.
    pub fn with_extension(&self, path: PathBuf) -> PathBuf {
        match self.filter {
            Some(filter) if self.mode == FileMode::SaveFile && !filter.matches(&path) => {
                let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
                name.push(format!(".{}", filter.extensions[0]));
                path.with_file_name(name)
            }
            _ => path,
        }
    }

    /// The command the chosen paths stand for; `None` when nothing was chosen. A save over an
    /// existing project file (which the dialog had the user confirm) becomes `ReplaceFile`,
    /// because `NewProject` and `SaveCopy` on their own never write over a file.
    pub fn answer(&self, mut paths: Vec<PathBuf>) -> Option<UiCommand> {
        let first = paths.first()?.clone();
        let command = match self.purpose {
            FilePurpose::OpenProject => UiCommand::OpenProject(first),
            FilePurpose::NewProject => UiCommand::NewProject(self.with_extension(first)),
            FilePurpose::SaveCopy => UiCommand::SaveCopy(self.with_extension(first)),
            FilePurpose::SaveReadableCopy => UiCommand::SaveReadableCopy(self.with_extension(first)),
            FilePurpose::ImportFiles | FilePurpose::ImportFolder => {
                paths.dedup();
                UiCommand::Import(paths)
            }
            FilePurpose::MergeProject => UiCommand::Merge(super::merge_dialog::MergeStep::Chosen(first)),
            FilePurpose::OpenRefiProject => UiCommand::ChooseRefiTarget(first),
            FilePurpose::NewFromRefi => UiCommand::ImportRefiProject(self.with_extension(first)),
            FilePurpose::ImportCodebook => UiCommand::ImportCodebook(first),
            FilePurpose::Export(kind, format) => UiCommand::Export(kind, format, self.with_extension(first)),
            FilePurpose::Report(kind, format) => UiCommand::ExportReport(kind, format, self.with_extension(first)),
            FilePurpose::ExportExcerpts(format) => UiCommand::ExportExcerpts(format, self.with_extension(first)),
            FilePurpose::Refi(kind) => UiCommand::ExportRefi(kind, self.with_extension(first)),
            FilePurpose::OpenQualCoder => UiCommand::QualCoderFolder(first),
            FilePurpose::QualCoderTarget => UiCommand::QualCoderTarget(self.with_extension(first)),
            FilePurpose::BackupFolder => UiCommand::SetBackupFolder(first),
        };
        Some(match command {
            UiCommand::NewProject(ref p) | UiCommand::SaveCopy(ref p) | UiCommand::SaveReadableCopy(ref p) if p.exists() => UiCommand::ReplaceFile(p.clone(), Box::new(command)),
            other => other,
        })
    }
}

/// The system dialog or Thicket's own, decided once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Native,
    InApp,
}

impl DialogKind {
    /// See the module doc for the rule.
    pub fn detect() -> Self {
        match std::env::var("THICKET_NATIVE_DIALOGS").ok().as_deref() {
            Some("1") => DialogKind::Native,
            Some("0") => DialogKind::InApp,
            _ if cfg!(any(target_os = "macos", target_os = "windows")) => DialogKind::Native,
            _ => DialogKind::InApp,
        }
    }
}

/// What the system dialog did.
pub enum NativeAnswer {
    Chosen(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// It returned at once: no dialog was shown.
    Unavailable,
}

/// Shorter than anyone can find and press Cancel, longer than a failed D-Bus call.
const NO_DIALOG_SHOWN: Duration = Duration::from_millis(300);

/// Runs the system dialog for `request` (this blocks the window while it is open, as rfd does).
pub fn native(request: &FileRequest, start: Option<&Path>) -> NativeAnswer {
    let mut dialog = rfd::FileDialog::new().set_title(request.title());
    if let Some(filter) = request.filter {
        dialog = dialog.add_filter(filter.label, filter.extensions);
    }
    if let Some(name) = &request.suggested_name {
        dialog = dialog.set_file_name(name);
    }
    if let Some(dir) = start {
        dialog = dialog.set_directory(dir);
    }
    let started = Instant::now();
    let chosen = match request.mode {
        FileMode::OpenFile => dialog.pick_file().map(|p| vec![p]),
        FileMode::OpenFiles => dialog.pick_files(),
        FileMode::PickFolder => dialog.pick_folder().map(|p| vec![p]),
        FileMode::SaveFile => dialog.save_file().map(|p| vec![p]),
    };
    match chosen {
        Some(paths) if !paths.is_empty() => NativeAnswer::Chosen(paths),
        _ if started.elapsed() < NO_DIALOG_SHOWN => NativeAnswer::Unavailable,
        _ => NativeAnswer::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_name_gets_the_extension_once() {
        let request = FileRequest::new(FilePurpose::SaveCopy);
        assert_eq!(request.with_extension(PathBuf::from("/tmp/x")), PathBuf::from("/tmp/x.thicket"));
        assert_eq!(request.with_extension(PathBuf::from("/tmp/x.THICKET")), PathBuf::from("/tmp/x.THICKET"));
        assert_eq!(request.with_extension(PathBuf::from("/tmp/v1.2")), PathBuf::from("/tmp/v1.2.thicket"));
    }

    #[test]
    fn an_export_proposes_the_view_and_format() {
        let request = FileRequest::new(FilePurpose::Export(AnalysisKind::ALL[0], ExportFormat::Csv));
        assert!(request.suggested_name.as_deref().is_some_and(|n| n.ends_with(".csv")));
        assert_eq!(request.mode, FileMode::SaveFile);
    }
}
