//! The desktop window (feature `gui`): eframe app state, panels and the document view.
//!
//! Panels read the open project through `&Project` and push `UiCommand`s; `app.rs` applies them
//! after the frame, in one place, and shows failures as notifications. No SQL here.

// First, so that `t!` is in scope in every module below.
#[macro_use]
pub mod i18n;
pub mod analysis;
mod accessibility;
mod app;
pub mod document;
pub mod excerpt_dialog;
pub mod import_dialog;
pub mod jobs;
mod listings;
mod attribute_cell;
mod attributes;
pub mod autobackup;
pub mod backups;
pub mod history;
mod cases;
mod code_bar;
mod codebook;
mod coder_prompt;
mod coding_removal;
pub mod commands;
mod data_windows;
pub mod file_browser;
pub mod file_request;
mod memo_editor;
pub mod merge_dialog;
pub mod memos;
mod participants;
mod passphrase_dialog;
mod retrieval;
mod panels;
pub mod phases;
mod prefs;
pub mod qualcoder_import;
pub mod refi_import;
pub mod pseudonyms;
pub mod refi_dialog;
pub mod report_dialog;
pub mod summary;
mod search;
pub mod side_panels;
pub mod team;
mod window_fit;
pub mod writing;

use std::path::PathBuf;

pub use app::{OUTSIDE_POLL, Startup, ThicketApp, UiCommand};
pub use prefs::{BackupPrefs, Prefs, Theme};
pub use search::AutocodeRequest;

/// Opens the window: on `project`, else on the last project, else on the welcome screen.
pub fn run(project: Option<PathBuf>) -> Result<(), String> {
    let prefs_path = Prefs::default_path();
    let startup = match project {
        Some(p) => Startup::Open(p),
        None => Startup::LastOrWelcome,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 820.0]).with_min_inner_size([720.0, 480.0]).with_title("Thicket"),
        ..Default::default()
    };
    eframe::run_native("Thicket", options, Box::new(move |cc| Ok(Box::new(ThicketApp::new(cc, startup, prefs_path)))))
        .map_err(|e| format!("cannot open the window: {e}"))
}
