//! Thicket's own file browser, for desktops where the system dialog cannot appear (see
//! `file_request` for when it is used). A modal sized to the window: the folder's subfolders and
//! the files the request's filter admits, a path field (type or paste; Enter goes there or
//! chooses the file), the parent folder, recent folders, a new folder, and for saving a file-name
//! field with an overwrite question. Enter confirms, Escape cancels. Listing is plain `std::fs`;
//! a folder that cannot be read says so in place of its contents.

use std::path::{Path, PathBuf};

use egui::{Key, RichText, Ui};

use super::file_request::{FileMode, FileRequest};

/// One row of the listing.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
    size: Option<u64>,
}

/// What the browser did this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum BrowserOutcome {
    /// Still open.
    Open,
    Cancelled,
    /// The paths chosen (one, except when importing several files).
    Chosen(Vec<PathBuf>),
}

/// The browser's state; the app keeps one while it is open.
pub struct FileBrowser {
    request: FileRequest,
    dir: PathBuf,
    listing: Result<Vec<Entry>, String>,
    /// The path field: the folder shown, or what the user typed.
    location: String,
    /// The file name to save under.
    name: String,
    /// Files picked for opening or importing.
    selected: Vec<PathBuf>,
    /// The name of the folder being created, while asked.
    new_folder: Option<String>,
    /// The existing file a save would replace, while the user is asked.
    overwrite: Option<PathBuf>,
    /// What went wrong last (a folder that is not there, a folder that cannot be created).
    message: Option<String>,
    recent: Vec<PathBuf>,
    /// The first frame gives the main field the focus.
    first_frame: bool,
}

impl FileBrowser {
    /// Opens on `start` (else the working folder), offering `recent` folders as shortcuts.
    pub fn new(request: FileRequest, start: PathBuf, recent: Vec<PathBuf>) -> Self {
        let name = request.suggested_name.clone().unwrap_or_default();
        let mut browser = FileBrowser {
            request,
            dir: PathBuf::new(),
            listing: Ok(Vec::new()),
            location: String::new(),
            name,
            selected: Vec::new(),
            new_folder: None,
            overwrite: None,
            message: None,
            recent: recent.into_iter().filter(|p| p.is_dir()).take(6).collect(),
            first_frame: true,
        };
        browser.go(start);
        browser
    }

    /// What the browser is asking for.
    pub fn request(&self) -> &FileRequest {
        &self.request
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Shows the folder `dir` (re-reading it).
    fn go(&mut self, dir: PathBuf) {
        self.listing = list(&dir, &self.request);
        self.location = dir.display().to_string();
        self.dir = dir;
        self.selected.clear();
        self.overwrite = None;
        self.message = None;
    }

    /// Draws the browser as a modal over the window.
    pub fn show(&mut self, ctx: &egui::Context) -> BrowserOutcome {
        // Keys are read before the widgets so that the frame's Enter belongs to whatever had
        // the focus when it was pressed (a field handles its own Enter below).
        let escape = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape));
        let enter = ctx.input(|i| i.key_pressed(Key::Enter)) && ctx.memory(|m| m.focused().is_none());
        let screen = ctx.content_rect();
        let width = (screen.width() - 48.0).clamp(300.0, 760.0);
        // Room for the heading, path, recent folders, name field, prompts and buttons.
        let list_height = (screen.height() - 330.0).clamp(100.0, 440.0);
        let modal = egui::Modal::new(egui::Id::unique("thicket_file_browser")).show(ctx, |ui| {
            ui.set_width(width);
            self.contents(ui, list_height)
        });
        let outcome = modal.inner;
        if outcome != BrowserOutcome::Open {
            return outcome;
        }
        if escape {
            return self.escape();
        }
        if enter {
            return self.confirm();
        }
        BrowserOutcome::Open
    }

    /// Escape closes the innermost question first, then the browser.
    fn escape(&mut self) -> BrowserOutcome {
        if self.overwrite.take().is_some() || self.new_folder.take().is_some() {
            BrowserOutcome::Open
        } else {
            BrowserOutcome::Cancelled
        }
    }

    fn contents(&mut self, ui: &mut Ui, list_height: f32) -> BrowserOutcome {
        ui.heading(self.request.title());
        let mut outcome = self.location_row(ui);
        self.recent_row(ui);
        ui.separator();
        if let Some(chosen) = self.entries(ui, list_height) {
            outcome = chosen;
        }
        ui.separator();
        self.new_folder_row(ui);
        if self.request.mode == FileMode::SaveFile && self.name_row(ui) {
            outcome = self.confirm();
        }
        if let Some(filter) = self.request.filter {
            let exts: Vec<String> = filter.extensions.iter().map(|e| format!("*.{e}")).collect();
            ui.label(RichText::new(format!("Showing folders and {} ({})", filter.label, exts.join(" "))).weak().small());
        }
        if let Some(hint) = self.request.hint() {
            ui.label(RichText::new(hint).weak());
        }
        if let Some(message) = &self.message {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        if let Some(chosen) = self.overwrite_question(ui) {
            outcome = chosen;
        }
        if let Some(chosen) = self.buttons(ui) {
            outcome = chosen;
        }
        self.first_frame = false;
        outcome
    }

    /// Parent folder, the path field and Go.
    fn location_row(&mut self, ui: &mut Ui) -> BrowserOutcome {
        let mut outcome = BrowserOutcome::Open;
        ui.horizontal(|ui| {
            let parent = self.dir.parent().map(Path::to_path_buf);
            if ui.add_enabled(parent.is_some(), egui::Button::new(t!("browser-parent-folder"))).clicked()
                && let Some(parent) = parent
            {
                self.go(parent);
            }
            let label = ui.label(t!("browser-location"));
            let field = egui::TextEdit::singleline(&mut self.location).id_salt("file_browser_location").desired_width(ui.available_width() - 40.0);
            let response = ui.add(field).labelled_by(label.id);
            if self.first_frame && self.request.mode != FileMode::SaveFile {
                response.request_focus();
            }
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if entered || ui.button(t!("browser-go")).clicked() {
                outcome = self.go_to_typed();
            }
        });
        outcome
    }

    /// Goes to the typed folder, or chooses the typed file.
    fn go_to_typed(&mut self) -> BrowserOutcome {
        let typed = expand_home(self.location.trim());
        if typed.as_os_str().is_empty() {
            return BrowserOutcome::Open;
        }
        if typed.is_dir() {
            self.go(typed);
            return BrowserOutcome::Open;
        }
        match self.request.mode {
            FileMode::SaveFile if typed.parent().is_some_and(Path::is_dir) => {
                let name = typed.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if let Some(parent) = typed.parent() {
                    self.go(parent.to_path_buf());
                }
                self.name = name;
                self.confirm()
            }
            FileMode::OpenFile | FileMode::OpenFiles if typed.is_file() => BrowserOutcome::Chosen(vec![typed]),
            _ => {
                self.message = Some(t!("browser-no-such-folder", path = typed.display().to_string()));
                BrowserOutcome::Open
            }
        }
    }

    /// Home and the recent folders, one click each.
    fn recent_row(&mut self, ui: &mut Ui) {
        let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
        let mut go = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t!("browser-go-to")).weak());
            if let Some(home) = home.filter(|h| h.is_dir())
                && ui.button(t!("browser-home")).on_hover_text(home.display().to_string()).clicked()
            {
                go = Some(home);
            }
            for folder in &self.recent {
                let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| folder.display().to_string());
                if ui.button(name).on_hover_text(folder.display().to_string()).clicked() {
                    go = Some(folder.clone());
                }
            }
        });
        if let Some(dir) = go {
            self.go(dir);
        }
    }

    /// The folder's rows; a click on a folder opens it, on a file picks it, a double click on a
    /// file chooses it.
    fn entries(&mut self, ui: &mut Ui, height: f32) -> Option<BrowserOutcome> {
        let entries = match &self.listing {
            Ok(entries) => entries.clone(),
            Err(message) => {
                ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                });
                return None;
            }
        };
        let mut clicked = None;
        egui::ScrollArea::vertical().max_height(height).min_scrolled_height(height).auto_shrink([false, false]).show(ui, |ui| {
            if entries.is_empty() {
                ui.label(RichText::new(t!("browser-empty")).weak());
            }
            for entry in &entries {
                ui.horizontal(|ui| {
                    let text = if entry.is_dir { format!("{}/", entry.name) } else { entry.name.clone() };
                    let picked = self.selected.contains(&entry.path) || (self.request.mode == FileMode::SaveFile && entry.name == self.name);
                    let pickable = entry.is_dir || self.request.mode != FileMode::PickFolder;
                    let response = ui.add_enabled(pickable, egui::Button::selectable(picked, text).frame_when_inactive(false));
                    if let Some(size) = entry.size {
                        ui.label(RichText::new(human_size(size)).weak().small());
                    }
                    if response.double_clicked() {
                        clicked = Some((entry.clone(), true));
                    } else if response.clicked() {
                        clicked = Some((entry.clone(), false));
                    }
                });
            }
        });
        let (entry, double) = clicked?;
        self.click(entry, double)
    }

    fn click(&mut self, entry: Entry, double: bool) -> Option<BrowserOutcome> {
        if entry.is_dir {
            self.go(entry.path);
            return None;
        }
        match self.request.mode {
            FileMode::SaveFile => {
                self.name = entry.name;
                self.overwrite = None;
            }
            FileMode::OpenFiles if !double => {
                // A click adds a file to the batch or takes it out again.
                match self.selected.iter().position(|p| *p == entry.path) {
                    Some(i) => {
                        self.selected.remove(i);
                    }
                    None => self.selected.push(entry.path),
                }
            }
            _ => self.selected = vec![entry.path],
        }
        double.then(|| self.confirm())
    }

    /// "New folder…", then its name field and Create folder.
    fn new_folder_row(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if ui.button(t!("browser-new-folder")).clicked() {
                self.new_folder = match self.new_folder {
                    Some(_) => None,
                    None => Some(String::new()),
                };
            }
            let Some(name) = &mut self.new_folder else { return };
            let label = ui.label(t!("browser-new-folder-name"));
            let response = ui.add(egui::TextEdit::singleline(name).id_salt("file_browser_new_folder").desired_width(220.0)).labelled_by(label.id);
            if response.gained_focus() || name.is_empty() && !response.has_focus() {
                response.request_focus();
            }
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if entered || ui.button(t!("browser-create-folder")).clicked() {
                self.create_folder();
            }
        });
    }

    fn create_folder(&mut self) {
        let name = self.new_folder.as_deref().map(str::trim).unwrap_or_default().to_string();
        if name.is_empty() || name.contains(['/', '\\']) {
            self.message = Some(t!("browser-folder-needs-name").into());
            return;
        }
        let path = self.dir.join(&name);
        match std::fs::create_dir(&path) {
            Ok(()) => {
                self.new_folder = None;
                self.go(path);
            }
            Err(e) => self.message = Some(t!("browser-cannot-create-folder", name = name.as_str(), error = e.to_string())),
        }
    }

    /// The file-name field; true when Enter was pressed in it.
    fn name_row(&mut self, ui: &mut Ui) -> bool {
        ui.horizontal(|ui| {
            let label = ui.label(t!("browser-file-name"));
            let response = ui.add(egui::TextEdit::singleline(&mut self.name).id_salt("file_browser_name").desired_width(ui.available_width())).labelled_by(label.id);
            if self.first_frame {
                response.request_focus();
            }
            if response.changed() {
                self.overwrite = None;
            }
            response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
        })
        .inner
    }

    /// "… already exists. Replace it?" while asked.
    fn overwrite_question(&mut self, ui: &mut Ui) -> Option<BrowserOutcome> {
        let target = self.overwrite.clone()?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut outcome = None;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, t!("browser-replace-question", name = name.as_str()));
            if ui.button(t!("browser-replace")).clicked() {
                outcome = Some(BrowserOutcome::Chosen(vec![target.clone()]));
            }
            if ui.button(t!("browser-dont-replace")).clicked() {
                self.overwrite = None;
            }
        });
        outcome
    }

    /// Cancel and the confirm button, on the right.
    fn buttons(&mut self, ui: &mut Ui) -> Option<BrowserOutcome> {
        let mut outcome = None;
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let ready = match self.request.mode {
                FileMode::OpenFile | FileMode::OpenFiles => !self.selected.is_empty(),
                FileMode::SaveFile => !self.name.trim().is_empty() && self.overwrite.is_none(),
                FileMode::PickFolder => self.listing.is_ok() && self.request.folder_ready(&self.dir),
            };
            if ui.add_enabled(ready, egui::Button::new(self.request.confirm_label())).clicked() {
                outcome = Some(self.confirm());
            }
            if ui.button(t!("app-cancel")).clicked() {
                outcome = Some(BrowserOutcome::Cancelled);
            }
            if let Some(picked) = self.picked_summary() {
                ui.label(RichText::new(picked).weak());
            }
        });
        outcome
    }

    /// "2 files picked: a.txt, b.txt", when importing several.
    fn picked_summary(&self) -> Option<String> {
        if self.request.mode != FileMode::OpenFiles || self.selected.is_empty() {
            return None;
        }
        let names: Vec<String> = self.selected.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
        Some(format!("Picked: {}", names.join(", ")))
    }

    /// Chooses what is picked, asking first when a save would replace a file.
    fn confirm(&mut self) -> BrowserOutcome {
        match self.request.mode {
            FileMode::OpenFile | FileMode::OpenFiles if !self.selected.is_empty() => BrowserOutcome::Chosen(self.selected.clone()),
            FileMode::PickFolder if self.listing.is_ok() && self.request.folder_ready(&self.dir) => BrowserOutcome::Chosen(vec![self.dir.clone()]),
            FileMode::SaveFile => self.confirm_save(),
            _ => BrowserOutcome::Open,
        }
    }

    fn confirm_save(&mut self) -> BrowserOutcome {
        let name = self.name.trim();
        if name.is_empty() {
            self.message = Some(t!("browser-type-file-name").into());
            return BrowserOutcome::Open;
        }
        let target = self.request.with_extension(self.dir.join(expand_home(name)));
        if target.is_dir() {
            self.name.clear();
            self.go(target);
            return BrowserOutcome::Open;
        }
        if !target.parent().is_some_and(Path::is_dir) {
            self.message = Some(t!("browser-no-such-folder", path = target.parent().unwrap_or(&self.dir).display().to_string()));
            return BrowserOutcome::Open;
        }
        if target.exists() && !self.request.may_replace() {
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            self.message = Some(t!("browser-exists-choose-new", name = name.as_str()));
            return BrowserOutcome::Open;
        }
        if target.exists() && self.overwrite.as_ref() != Some(&target) {
            self.overwrite = Some(target);
            return BrowserOutcome::Open;
        }
        BrowserOutcome::Chosen(vec![target])
    }
}

/// The folder's subfolders and the files the request admits: folders first, by name; hidden
/// entries left out (a typed path still reaches them).
fn list(dir: &Path, request: &FileRequest) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| t!("browser-cannot-read-folder", path = dir.display().to_string(), error = e.to_string()))?;
    let mut entries: Vec<Entry> = read
        .flatten()
        .filter_map(|item| {
            let name = item.file_name().to_string_lossy().into_owned();
            let path = item.path();
            // `Path::is_dir` follows links, so a link to a folder is a folder.
            let is_dir = path.is_dir();
            let admitted = is_dir || request.filter.is_none_or(|f| f.matches(&path));
            (!name.starts_with('.') && admitted).then(|| Entry { size: (!is_dir).then(|| item.metadata().map(|m| m.len()).ok()).flatten(), name, path, is_dir })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

/// `~/x` as the home folder's `x`.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/").or((typed == "~").then_some("")), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// "12 KB", "3.4 MB".
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        t!("browser-size-bytes", n = bytes)
    } else {
        format!("{} {}", crate::i18n::number(size, if size < 10.0 { 1 } else { 0 }), UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file_request::FilePurpose;

    #[test]
    fn folders_come_first_and_files_are_filtered() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in ["b.thicket", "a.txt", ".hidden.thicket"] {
            std::fs::write(dir.path().join(name), "x").unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::create_dir(dir.path().join("Zed")).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<String> = list(dir.path(), &FileRequest::new(FilePurpose::OpenProject)).unwrap_or_default().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Zed", "b.thicket"]);
    }

    #[test]
    fn an_unreadable_folder_is_a_message() {
        let err = list(Path::new("/no/such/folder"), &FileRequest::new(FilePurpose::OpenProject)).err().unwrap_or_default();
        assert!(err.contains("Cannot read the folder /no/such/folder"), "{err}");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(3 * 1024 * 1024 + 400_000), "3.4 MB");
    }
}
