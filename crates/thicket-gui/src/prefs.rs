//! User preferences kept apart from project data: recent projects, the coder's name, the theme,
//! which side panels are folded and how wide they were made.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Preferences stored as JSON in the user's config folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Prefs {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The coder's name, as chosen in the status bar (else the login name).
    #[serde(default)]
    pub coder: Option<String>,
    #[serde(default)]
    pub theme: Theme,
    /// The window's language as picked in View → Language; none: the system's.
    #[serde(default)]
    pub language: Option<crate::i18n::Lang>,
    /// Per project file: the code ids on quick keys 1–9.
    #[serde(default)]
    pub quick_keys: std::collections::BTreeMap<PathBuf, [Option<thicket_core::model::CodeId>; 9]>,
    /// Folders last chosen from in Thicket's own file browser, most recent first.
    #[serde(default)]
    pub recent_folders: Vec<PathBuf>,
    /// Side panels the user folded to a strip, so they stay folded next time.
    #[serde(default)]
    pub folded: std::collections::BTreeSet<crate::side_panels::Side>,
    /// Side panels' widths as the user dragged them (each still gives way to the document).
    #[serde(default)]
    pub panel_widths: std::collections::BTreeMap<crate::side_panels::Side, f32>,
    /// Automatic backups (File → Backup settings…).
    #[serde(default)]
    pub backups: BackupPrefs,
}

/// How the window backs up the open project: a snapshot on open, then every `every_minutes`
/// of work, the newest `keep` kept, in the folder beside the project unless one was picked for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupPrefs {
    pub automatic: bool,
    pub every_minutes: u32,
    pub keep: u32,
    /// Per project file: the folder picked for its backups (none: `NAME.thicket-backups` beside it).
    pub folders: std::collections::BTreeMap<PathBuf, PathBuf>,
}

impl Default for BackupPrefs {
    fn default() -> Self {
        BackupPrefs {
            automatic: true,
            every_minutes: thicket_core::project::BACKUP_EVERY_MINUTES as u32,
            keep: thicket_core::project::BACKUP_KEEP as u32,
            folders: Default::default(),
        }
    }
}

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    /// Black on white with strong outlines (View → High-contrast theme).
    HighContrast,
}

impl Theme {
    /// Tells egui which theme to use.
    pub fn apply(self, ctx: &egui::Context) {
        // High contrast replaces the light visuals; the other themes put egui's own back.
        let light = if self == Theme::HighContrast { crate::accessibility::high_contrast_visuals() } else { egui::Visuals::light() };
        ctx.set_visuals_of(egui::Theme::Light, light);
        ctx.set_theme(match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light | Theme::HighContrast => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }
}

impl Prefs {
    /// `$XDG_CONFIG_HOME/thicket/prefs.json` (or `~/.config/...`, `%APPDATA%\...`).
    pub fn default_path() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("thicket").join("prefs.json"))
    }

    /// Reads preferences; missing or unreadable files give the defaults.
    pub fn load(path: Option<&Path>) -> Prefs {
        path.and_then(|p| std::fs::read_to_string(p).ok()).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
    }

    /// Writes preferences; failures are ignored (preferences are a convenience).
    pub fn save(&self, path: Option<&Path>) {
        let Some(path) = path else { return };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(self) {
            let _ = std::fs::write(path, text);
        }
    }

    /// Moves `project` to the front of the recent list (at most 10 kept).
    pub fn remember(&mut self, project: &Path) {
        let project = project.canonicalize().unwrap_or_else(|_| project.to_path_buf());
        self.recent.retain(|p| p != &project);
        self.recent.insert(0, project);
        self.recent.truncate(10);
    }

    /// Moves `folder` to the front of the browser's recent folders (at most 8 kept).
    pub fn remember_folder(&mut self, folder: &Path) {
        let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
        self.recent_folders.retain(|p| p != &folder);
        self.recent_folders.insert(0, folder);
        self.recent_folders.truncate(8);
    }

    /// Where the sample study is written when the user asks to explore it.
    pub fn sample_path() -> PathBuf {
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share")))
            .unwrap_or_else(std::env::temp_dir);
        base.join("thicket").join("sample-study.thicket")
    }
}
