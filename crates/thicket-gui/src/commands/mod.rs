//! The window's commands, in one table (issue #11, part 8).
//!
//! Each [`Command`] has one row in [`Command::spec`]: its label, the menu it sits in, its keyboard
//! shortcut (`Modifiers::COMMAND`: Cmd on macOS, Ctrl elsewhere), a tooltip and what it needs (a
//! project, an open document…). The menu bar ([`menu`]), the keyboard ([`shortcuts`]) and the
//! command palette ([`palette`]) are all drawn from that table, so a label or a shortcut cannot
//! differ between them, and a new command shows up everywhere at once.
//!
//! In: the app's state, read to decide what is enabled. Out: `UiCommand::Run(command)` queued
//! on the app; [`run`] carries it out after the frame, like any other `UiCommand`.

pub mod palette;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::analysis::AnalysisKind;
use super::app::{ThicketApp, UiCommand};
use super::file_request::{FilePurpose, FileRequest};
use super::i18n::Lang;
use super::prefs::Theme;

/// Something the user can ask for from a menu, a shortcut or the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    NewProject,
    OpenProject,
    OpenSample,
    OpenQualCoder,
    OpenRefiProject,
    ImportFiles,
    ImportCodebook,
    ImportFolder,
    ExportCodebook,
    ExportCaseReport,
    ExportQdpx,
    ExportQdc,
    SaveCopy,
    EncryptProject,
    ChangePassphrase,
    RemoveEncryption,
    MergeProject,
    ExportExcerpts,
    CloseProject,
    Quit,
    Participants,
    Cases,
    Attributes,
    Memos,
    NewProjectMemo,
    Pseudonyms,
    ExportLog,
    History,
    RestoreBackup,
    BackupSettings,
    ChangeCoder,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    ThemeHighContrast,
    KeyboardKeys,
    GoToSources,
    CommandPalette,
    Team,
    LeaveBlind,
    Undo,
    Redo,
    FindInDocument,
    SearchProject,
    Analysis(AnalysisKind),
    BackToDocument,
    Language(Lang),
}

/// The menus of the menu bar, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Menu {
    File,
    Project,
    View,
    Edit,
    Analysis,
}

impl Menu {
    /// Every menu, in menu-bar order.
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Project, Menu::View, Menu::Edit, Menu::Analysis];

    /// The menu's title in the menu bar.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => t!("menu-file"),
            Menu::Project => t!("menu-project"),
            Menu::View => t!("menu-view"),
            Menu::Edit => t!("menu-edit"),
            Menu::Analysis => t!("menu-analysis"),
        }
    }
}

/// What must be there for a command to make sense; without it the command is greyed out in
/// the menu and the palette, and its shortcut does nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    OpenProject,
    /// A source open in the document view.
    OpenDocument,
    /// An analysis tab in front of the document.
    AnalysisInFront,
    UndoStep,
    RedoStep,
    /// Blind mode on.
    Blind,
    /// An open project that is not encrypted.
    PlainProject,
    /// An open project that is encrypted.
    EncryptedProject,
}

/// A command's row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub label: &'static str,
    pub menu: Menu,
    /// Items of one menu are grouped; a separator goes between groups.
    pub group: u8,
    pub shortcut: Option<KeyboardShortcut>,
    /// Said on hover in the menu and beside the label in the palette; empty: nothing to add.
    pub tooltip: &'static str,
    pub needs: Needs,
}

const fn key(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
}

const fn shift_key(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key))
}

impl Command {
    /// The table: one row per command.
    pub fn spec(self) -> Spec {
        use Command as C;
        use Menu::*;
        use Needs::*;
        #[rustfmt::skip]
        let (menu, group, label, shortcut, needs, tooltip) = match self {
            C::NewProject => (File, 0, t!("cmd-new-project"), key(Key::N), Nothing, t!("cmd-new-project.tooltip")),
            C::OpenProject => (File, 0, t!("cmd-open-project"), key(Key::O), Nothing, ""),
            C::OpenSample => (File, 0, t!("cmd-open-sample"), None, Nothing, ""),
            C::OpenQualCoder => (File, 0, t!("cmd-open-qual-coder"), None, Nothing, t!("cmd-open-qual-coder.tooltip")),
            C::OpenRefiProject => (File, 0, t!("cmd-open-refi-project"), None, Nothing, t!("cmd-open-refi-project.tooltip")),
            C::ImportFiles => (File, 1, t!("cmd-import-files"), key(Key::I), OpenProject, t!("cmd-import-files.tooltip")),
            C::ImportCodebook => (File, 1, t!("cmd-import-codebook"), None, OpenProject, t!("cmd-import-codebook.tooltip")),
            C::ImportFolder => (File, 1, t!("cmd-import-folder"), None, OpenProject, ""),
            C::MergeProject => (File, 1, t!("cmd-merge-project"), None, OpenProject, t!("cmd-merge-project.tooltip")),
            C::ExportCodebook => (File, 2, t!("cmd-export-codebook"), None, OpenProject, t!("cmd-export-codebook.tooltip")),
            C::ExportCaseReport => (File, 2, t!("cmd-export-case-report"), None, OpenProject, t!("cmd-export-case-report.tooltip")),
            C::ExportQdpx => (File, 2, t!("cmd-export-qdpx"), None, OpenProject, t!("cmd-export-qdpx.tooltip")),
            C::ExportQdc => (File, 2, t!("cmd-export-qdc"), None, OpenProject, t!("cmd-export-qdc.tooltip")),
            C::SaveCopy => (File, 2, t!("cmd-save-copy"), shift_key(Key::S), OpenProject, t!("cmd-save-copy.tooltip")),
            C::EncryptProject => (File, 3, t!("cmd-encrypt-project"), None, PlainProject, t!("cmd-encrypt-project.tooltip")),
            C::ChangePassphrase => (File, 3, t!("cmd-change-passphrase"), None, EncryptedProject, t!("cmd-change-passphrase.tooltip")),
            C::RemoveEncryption => (File, 3, t!("cmd-remove-encryption"), None, EncryptedProject, t!("cmd-remove-encryption.tooltip")),
            C::ExportExcerpts => (File, 2, t!("cmd-export-excerpts"), None, OpenProject, t!("cmd-export-excerpts.tooltip")),
            C::CloseProject => (File, 2, t!("cmd-close-project"), None, OpenProject, ""),
            C::Quit => (File, 2, t!("cmd-quit"), None, Nothing, ""),
            C::Participants => (Project, 0, t!("cmd-participants"), None, OpenProject, ""),
            C::Cases => (Project, 0, t!("cmd-cases"), None, OpenProject, ""),
            C::Attributes => (Project, 0, t!("cmd-attributes"), None, OpenProject, ""),
            C::Memos => (Project, 0, t!("cmd-memos"), shift_key(Key::M), OpenProject, ""),
            C::NewProjectMemo => (Project, 0, t!("cmd-new-project-memo"), None, OpenProject, ""),
            C::Pseudonyms => (Project, 1, t!("cmd-pseudonyms"), None, OpenProject, t!("cmd-pseudonyms.tooltip")),
            C::ExportLog => (Project, 1, t!("cmd-export-log"), None, OpenProject, t!("cmd-export-log.tooltip")),
            C::History => (Project, 1, t!("cmd-history"), None, OpenProject, t!("cmd-history.tooltip")),
            C::RestoreBackup => (File, 2, t!("cmd-restore-backup"), None, OpenProject, t!("cmd-restore-backup.tooltip")),
            C::BackupSettings => (File, 2, t!("cmd-backup-settings"), None, OpenProject, t!("cmd-backup-settings.tooltip")),
            C::ChangeCoder => (Project, 2, t!("cmd-change-coder"), None, Nothing, t!("cmd-change-coder.tooltip")),
            C::ThemeSystem => (View, 0, t!("cmd-theme-system"), None, Nothing, ""),
            C::ThemeLight => (View, 0, t!("cmd-theme-light"), None, Nothing, ""),
            C::ThemeDark => (View, 0, t!("cmd-theme-dark"), None, Nothing, ""),
            C::ThemeHighContrast => (View, 0, t!("cmd-theme-high-contrast"), None, Nothing, t!("cmd-theme-high-contrast.tooltip")),
            C::GoToSources => (View, 1, t!("cmd-go-to-sources"), key(Key::L), OpenProject, t!("cmd-go-to-sources.tooltip")),
            C::KeyboardKeys => (View, 1, t!("cmd-keyboard-keys"), None, Nothing, t!("cmd-keyboard-keys.tooltip")),
            C::CommandPalette => (View, 1, t!("cmd-command-palette"), shift_key(Key::P), Nothing, t!("cmd-command-palette.tooltip")),
            C::Team => (View, 2, t!("cmd-team"), None, OpenProject, t!("cmd-team.tooltip")),
            C::LeaveBlind => (View, 2, t!("cmd-leave-blind"), None, Blind, t!("cmd-leave-blind.tooltip")),
            C::Undo => (Edit, 0, t!("cmd-undo"), key(Key::Z), UndoStep, ""),
            C::Redo => (Edit, 0, t!("cmd-redo"), shift_key(Key::Z), RedoStep, ""),
            C::FindInDocument => (Edit, 1, t!("cmd-find-in-document"), key(Key::F), OpenDocument, ""),
            C::SearchProject => (Edit, 1, t!("cmd-search-project"), shift_key(Key::F), OpenProject, t!("cmd-search-project.tooltip")),
            C::Analysis(kind) => (Analysis, 0, kind.menu_label(), Some(kind.shortcut()), OpenProject, ""),
            // Each language is named in itself, whatever the window's language.
            C::Language(lang) => (View, 3, lang.native_name(), None, Nothing, t!("menu-language.tooltip")),
            C::BackToDocument => (Analysis, 1, t!("cmd-back-to-document"), shift_key(Key::D), AnalysisInFront, ""),
        };
        Spec { label, menu, group, shortcut, tooltip, needs }
    }

    /// Every command, in menu order (menu by menu, then down each menu).
    pub fn all() -> Vec<Command> {
        use Command as C;
        let mut all = vec![
            C::NewProject, C::OpenProject, C::OpenSample, C::OpenQualCoder, C::OpenRefiProject, C::ImportFiles, C::ImportFolder, C::ImportCodebook, C::MergeProject, C::ExportExcerpts, C::ExportCodebook,
            C::ExportCaseReport, C::ExportQdpx, C::ExportQdc, C::SaveCopy, C::RestoreBackup, C::BackupSettings, C::EncryptProject, C::ChangePassphrase, C::RemoveEncryption, C::CloseProject, C::Quit,
            C::Participants, C::Cases, C::Attributes, C::Memos, C::NewProjectMemo, C::Pseudonyms, C::ExportLog, C::History, C::ChangeCoder,
            C::ThemeSystem, C::ThemeLight, C::ThemeDark, C::ThemeHighContrast, C::CommandPalette, C::GoToSources, C::KeyboardKeys, C::Team, C::LeaveBlind,
            C::Language(Lang::En), C::Language(Lang::Es), C::Language(Lang::Nl),
            C::Undo, C::Redo, C::FindInDocument, C::SearchProject,
        ];
        all.extend(AnalysisKind::ALL.map(C::Analysis));
        all.push(C::BackToDocument);
        all
    }

    /// The submenu the command sits in within its menu (File → Export → …), if any; consecutive
    /// commands of one submenu are drawn together.
    pub fn submenu(self) -> Option<&'static str> {
        match self {
            Command::ExportExcerpts | Command::ExportCodebook | Command::ExportCaseReport | Command::ExportQdpx | Command::ExportQdc => Some(t!("menu-export")),
            Command::Language(_) => Some(t!("menu-language")),
            _ => None,
        }
    }

    /// The label in the table.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// Where the command is, as the palette lists it: "File: Export: Coded excerpts…".
    pub fn place(self) -> String {
        match self.submenu() {
            Some(sub) => format!("{}: {sub}", self.spec().menu.title()),
            None => self.spec().menu.title().to_string(),
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.spec().shortcut
    }

    /// The label as the app shows it now: undo and redo name their step ("Undo Apply code").
    pub fn label_now(self, app: &ThicketApp) -> String {
        let step = |s: Option<&thicket_core::action::StepName>| s.map(crate::i18n::values::step);
        match self {
            Command::Undo => match step(app.project.as_ref().and_then(|p| p.undo_step())) {
                Some(what) => t!("cmd-undo-step", what = what),
                None => self.label().to_string(),
            },
            Command::Redo => match step(app.project.as_ref().and_then(|p| p.redo_step())) {
                Some(what) => t!("cmd-redo-step", what = what),
                None => self.label().to_string(),
            },
            _ => self.label().to_string(),
        }
    }

    /// Whether the command can run now.
    pub fn is_enabled(self, app: &ThicketApp) -> bool {
        match self.spec().needs {
            Needs::Nothing => true,
            Needs::OpenProject => app.project.is_some(),
            Needs::OpenDocument => app.document.is_some(),
            Needs::AnalysisInFront => app.analysis.active().is_some(),
            Needs::UndoStep => app.project.as_ref().and_then(|p| p.undo_label()).is_some(),
            Needs::RedoStep => app.project.as_ref().and_then(|p| p.redo_label()).is_some(),
            Needs::Blind => app.team.blind().is_some(),
            Needs::PlainProject => app.project.as_ref().is_some_and(|p| !p.is_encrypted()),
            Needs::EncryptedProject => app.project.as_ref().is_some_and(|p| p.is_encrypted()),
        }
    }

    /// For the theme commands: whether their theme is the one in use (the menu shows a radio).
    fn checked(self, app: &ThicketApp) -> Option<bool> {
        let theme = match self {
            Command::Language(lang) => return Some(crate::i18n::language() == lang),
            Command::ThemeSystem => Theme::System,
            Command::ThemeLight => Theme::Light,
            Command::ThemeDark => Theme::Dark,
            Command::ThemeHighContrast => Theme::HighContrast,
            _ => return None,
        };
        Some(app.prefs.theme == theme)
    }
}

/// Carries out `command` (after the frame that asked for it), if it can run now.
pub(super) fn run(app: &mut ThicketApp, command: Command) {
    if !command.is_enabled(app) {
        return;
    }
    let choose = |purpose| UiCommand::ChooseFile(FileRequest::new(purpose));
    let then = match command {
        Command::NewProject => choose(FilePurpose::NewProject),
        Command::OpenProject => choose(FilePurpose::OpenProject),
        Command::OpenSample => UiCommand::OpenSample,
        Command::OpenQualCoder => choose(FilePurpose::OpenQualCoder),
        Command::ImportFiles => choose(FilePurpose::ImportFiles),
        Command::ImportFolder => choose(FilePurpose::ImportFolder),
        Command::OpenRefiProject => choose(FilePurpose::OpenRefiProject),
        Command::ImportCodebook => choose(FilePurpose::ImportCodebook),
        Command::SaveCopy => choose(FilePurpose::SaveCopy),
        Command::EncryptProject => return super::passphrase_dialog::ask(app, super::passphrase_dialog::Purpose::Encrypt),
        Command::ChangePassphrase => return super::passphrase_dialog::ask(app, super::passphrase_dialog::Purpose::Change),
        Command::RemoveEncryption => return super::passphrase_dialog::ask(app, super::passphrase_dialog::Purpose::Remove),
        Command::MergeProject => choose(FilePurpose::MergeProject),
        Command::CloseProject => UiCommand::CloseProject,
        Command::Participants => UiCommand::ShowParticipants,
        Command::Cases => UiCommand::ShowCases(None),
        Command::Attributes => UiCommand::ShowAttributes,
        Command::Memos => UiCommand::ShowMemos,
        Command::NewProjectMemo => UiCommand::OpenMemo(super::memos::MemoSubject::NewProjectMemo),
        Command::Pseudonyms => UiCommand::ShowPseudonyms(super::pseudonyms::PseudonymTab::Map),
        Command::ExportLog => UiCommand::ShowPseudonyms(super::pseudonyms::PseudonymTab::ExportLog),
        Command::Undo => UiCommand::Undo,
        Command::Redo => UiCommand::Redo,
        Command::Analysis(kind) => UiCommand::OpenAnalysis(kind),
        Command::LeaveBlind => UiCommand::Team(super::team::TeamRequest::LeaveBlind),
        Command::Team => return super::team::toggle(app),
        Command::ExportCodebook => return super::report_dialog::open(app, super::report_dialog::ReportKind::Codebook),
        Command::ExportCaseReport => return super::report_dialog::open(app, super::report_dialog::ReportKind::CaseReport),
        Command::ExportQdpx => return super::refi_dialog::open(app, super::refi_dialog::RefiKind::Project),
        Command::ExportQdc => return super::refi_dialog::open(app, super::refi_dialog::RefiKind::Codebook),
        // The rest change the window only.
        Command::ExportExcerpts => return app.excerpts.open(),
        Command::History => return app.history.open(),
        Command::RestoreBackup => return super::backups::open(app),
        Command::BackupSettings => {
            app.autobackup.settings_open = true;
            return;
        }
        Command::Quit => return app.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        Command::ChangeCoder => return app.ask_coder(),
        Command::ThemeSystem => return app.set_theme(&app.ctx.clone(), Theme::System),
        Command::ThemeLight => return app.set_theme(&app.ctx.clone(), Theme::Light),
        Command::ThemeDark => return app.set_theme(&app.ctx.clone(), Theme::Dark),
        Command::ThemeHighContrast => return app.set_theme(&app.ctx.clone(), Theme::HighContrast),
        Command::KeyboardKeys => return crate::accessibility::open_keys(&app.ctx),
        Command::GoToSources => return app.ctx.memory_mut(|m| m.request_focus(crate::accessibility::sources_filter_id())),
        Command::CommandPalette => return app.palette.toggle(),
        Command::FindInDocument => return app.find.open(),
        Command::SearchProject => return app.project_search.open(),
        Command::BackToDocument => return app.analysis.show_document(),
        Command::Language(lang) => return app.set_language(lang),
    };
    app.apply(then);
}

/// The table's shortcuts, while no dialog holds the keyboard. Shortcuts with more modifiers are
/// tried first, since egui lets Ctrl+Shift+Z match Ctrl+Z too; a pressed shortcut is taken
/// even when its command cannot run, so that it never falls through to a shorter one.
pub(super) fn shortcuts(app: &mut ThicketApp, ctx: &egui::Context) {
    let mut keyed: Vec<(KeyboardShortcut, Command)> = Command::all().into_iter().filter_map(|c| Some((c.shortcut()?, c))).collect();
    keyed.sort_by_key(|(s, _)| std::cmp::Reverse([s.modifiers.shift, s.modifiers.alt, s.modifiers.command].iter().filter(|m| **m).count()));
    for (shortcut, command) in keyed {
        // While a dialog is up, only the palette's own shortcut is heard, to close the palette.
        let closes_palette = command == Command::CommandPalette && app.palette.is_open();
        if app.dialog_open() && !closes_palette {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) && command.is_enabled(app) {
            app.push(UiCommand::Run(command));
        }
    }
}

/// The items of `menu`, from the table, each with its shortcut's text; `extra` draws what is
/// not a command (the recent projects) after the items of its group. Consecutive commands of a
/// submenu (File → Export) are drawn inside it.
pub(super) fn menu(app: &mut ThicketApp, ui: &mut egui::Ui, menu: Menu, extra: impl Fn(&mut ThicketApp, &mut egui::Ui, u8)) {
    let commands: Vec<Command> = Command::all().into_iter().filter(|c| c.spec().menu == menu).collect();
    let mut last_group = None;
    let mut i = 0;
    while i < commands.len() {
        let command = commands[i];
        let spec = command.spec();
        if let Some(group) = last_group.filter(|g| *g != spec.group) {
            extra(app, ui, group);
            ui.separator();
        }
        last_group = Some(spec.group);
        if let Some(sub) = command.submenu() {
            let run = commands[i..].iter().take_while(|c| c.submenu() == Some(sub)).count();
            let inside = &commands[i..i + run];
            let enabled = inside.iter().any(|c| c.is_enabled(app));
            ui.add_enabled_ui(enabled, |ui| {
                ui.menu_button(sub, |ui| {
                    for &c in inside {
                        item(app, ui, c);
                    }
                });
            });
            i += run;
            continue;
        }
        item(app, ui, command);
        i += 1;
    }
    if let Some(group) = last_group {
        extra(app, ui, group);
    }
}

/// One menu item of the table.
fn item(app: &mut ThicketApp, ui: &mut egui::Ui, command: Command) {
    let spec = command.spec();
    let enabled = command.is_enabled(app);
    let response = match command.checked(app) {
        Some(checked) => ui.add_enabled(enabled, egui::RadioButton::new(checked, spec.label)),
        None => {
            let mut button = egui::Button::new(command.label_now(app));
            if let Some(shortcut) = &spec.shortcut {
                button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
            }
            ui.add_enabled(enabled, button)
        }
    };
    let response = if spec.tooltip.is_empty() { response } else { response.on_hover_text(spec.tooltip) };
    if response.clicked() {
        app.push(UiCommand::Run(command));
        ui.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashMap::new();
        for command in Command::all() {
            if let Some(s) = command.shortcut()
                && let Some(other) = seen.insert((s.modifiers, s.logical_key), command)
            {
                panic!("{command:?} and {other:?} share a shortcut");
            }
        }
    }

    #[test]
    fn every_command_is_listed_once() {
        let all = Command::all();
        let distinct: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        for kind in AnalysisKind::ALL {
            assert!(all.contains(&Command::Analysis(kind)), "{kind:?}");
        }
    }
}
