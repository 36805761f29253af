//! The Pseudonyms window (Project ▸ Pseudonyms…): the project's pseudonymisation map as an
//! editable list (original, replacement, whole words, exact case, where it came from, how often
//! it replaces), Pre-fill, Add and Remove; a preview of every replacement it makes; and the
//! export log (Project ▸ Export log…), which says which exports were made with or without it.
//!
//! In: the map, its preview and the log, read once per project generation while the window is
//! open (the preview scans every source text, so it is not read while the window is closed).
//! Out: `UiCommand::Perform` of the map's actions, applied after the frame and undoable.

use super::app::{ThicketApp, UiCommand};
use thicket_core::Action;
use thicket_core::model::*;
use thicket_core::project::{PreviewRun, Project, PseudonymPreview};

/// The window's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PseudonymTab {
    #[default]
    Map,
    Preview,
    ExportLog,
}

impl PseudonymTab {
    fn label(self) -> &'static str {
        match self {
            PseudonymTab::Map => t!("pseudonyms-tab-map"),
            PseudonymTab::Preview => t!("pseudonyms-tab-preview"),
            PseudonymTab::ExportLog => t!("pseudonyms-tab-log"),
        }
    }
}

/// What the window shows, as of one generation of the project.
struct Loaded {
    generation: u64,
    map: Vec<Pseudonym>,
    /// Empty until `run` is done.
    preview: PseudonymPreview,
    log: Vec<ExportRecord>,
    /// The preview being read, a few source texts per frame (the texts are most of the work).
    run: Option<PreviewRun>,
}

/// The window's state between frames.
#[derive(Default)]
pub struct PseudonymsWindow {
    open: bool,
    tab: PseudonymTab,
    loaded: Option<Loaded>,
    new_original: String,
    new_replacement: String,
    /// Replacements being typed, by entry.
    edits: std::collections::HashMap<PseudonymId, String>,
    /// The preview shows this entry's replacements only.
    only: Option<PseudonymId>,
    /// Failures to show in the window's notifications.
    problems: Vec<String>,
    /// Said beside Pre-fill when it found nothing new.
    note: Option<&'static str>,
}

impl PseudonymsWindow {
    /// Opens the window on `tab`.
    pub fn open(&mut self, tab: PseudonymTab) {
        self.open = true;
        self.tab = tab;
    }

    /// Reads the window's contents again on its next frame (the export log changed outside an
    /// action, without a new generation).
    pub fn forget(&mut self) {
        self.loaded = None;
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Reads what the window shows when the project changed since the last read.
    fn refresh(&mut self, project: &Project, generation: u64) -> thicket_core::Result<()> {
        if self.loaded.as_ref().is_some_and(|l| l.generation == generation) {
            return Ok(());
        }
        let loaded = Loaded {
            generation,
            map: project.pseudonyms()?,
            preview: PseudonymPreview::default(),
            log: project.export_log()?,
            run: Some(project.pseudonym_preview_run()?),
        };
        self.edits.retain(|id, _| loaded.map.iter().any(|p| p.id == *id));
        self.loaded = Some(loaded);
        Ok(())
    }

    /// Reads more of the preview within `budget`; asks for another frame until it is done.
    fn advance(&mut self, ctx: &egui::Context, project: &Project, budget: std::time::Duration) -> thicket_core::Result<()> {
        let Some(loaded) = &mut self.loaded else { return Ok(()) };
        let Some(run) = &mut loaded.run else { return Ok(()) };
        if run.step(project, budget)? {
            if let Some(run) = loaded.run.take() {
                loaded.preview = run.finish(project)?;
            }
        } else {
            ctx.request_repaint();
        }
        Ok(())
    }

    /// How far the preview is read (0 to 1) while it is.
    fn counting(&self) -> Option<f32> {
        self.loaded.as_ref().and_then(|l| l.run.as_ref()).map(PreviewRun::progress)
    }

    fn show(&mut self, ctx: &egui::Context, project: &Project) -> Vec<UiCommand> {
        let mut commands = Vec::new();
        let mut open = self.open;
        crate::window_fit::fit(egui::Window::new(t!("pseudonyms-title")).open(&mut open).default_width(720.0).default_height(460.0), ctx).show(ctx, |ui| {
            ui.label(t!("pseudonyms-intro"));
            ui.horizontal(|ui| {
                for tab in [PseudonymTab::Map, PseudonymTab::Preview, PseudonymTab::ExportLog] {
                    ui.selectable_value(&mut self.tab, tab, tab.label());
                }
            });
            ui.separator();
            match self.tab {
                PseudonymTab::Map => self.map_tab(ui, project, &mut commands),
                PseudonymTab::Preview => self.preview_tab(ui),
                PseudonymTab::ExportLog => self.log_tab(ui),
            }
        });
        self.open = open;
        commands
    }

    fn map_tab(&mut self, ui: &mut egui::Ui, project: &Project, commands: &mut Vec<UiCommand>) {
        let counting = self.counting();
        let Some(loaded) = &self.loaded else { return };
        ui.horizontal_wrapped(|ui| {
            let pre_fill = ui.button(t!("pseudonyms-prefill")).on_hover_text(t!("pseudonyms-prefill.tooltip"));
            if pre_fill.clicked() {
                self.note = None;
                match project.prefill_pseudonyms_action() {
                    Ok(Some(action)) => commands.push(UiCommand::Perform(action)),
                    Ok(None) => self.note = Some(t!("pseudonyms-nothing-new")),
                    Err(e) => self.problems.push(e.to_string()),
                }
            }
            match counting {
                Some(done) => ui.label(t!("pseudonyms-counting", entries = loaded.map.len(), percent = crate::i18n::number(f64::from(done) * 100.0, 0))),
                None => ui.label(t!("pseudonyms-summary", entries = loaded.map.len(), replacements = loaded.preview.total())),
            };
            if let Some(note) = self.note {
                ui.weak(note);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let o = ui.label(t!("pseudonyms-original"));
            ui.add(egui::TextEdit::singleline(&mut self.new_original).desired_width(160.0).hint_text(t!("pseudonyms-original-hint"))).labelled_by(o.id);
            let r = ui.label(t!("pseudonyms-replacement"));
            ui.add(egui::TextEdit::singleline(&mut self.new_replacement).desired_width(160.0).hint_text(t!("pseudonyms-replacement-hint"))).labelled_by(r.id);
            let ready = !self.new_original.trim().is_empty() && !self.new_replacement.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(t!("pseudonyms-add"))).clicked() {
                commands.push(UiCommand::Perform(Action::AddPseudonyms(vec![NewPseudonym::added(self.new_original.trim(), self.new_replacement.trim())])));
                self.new_original.clear();
                self.new_replacement.clear();
            }
        });
        ui.separator();
        if loaded.map.is_empty() {
            ui.label(t!("pseudonyms-empty"));
            return;
        }
        let counts: std::collections::HashMap<PseudonymId, usize> = loaded.preview.entries.iter().map(|e| (e.id, e.count)).collect();
        let mut show_preview = None;
        egui::ScrollArea::both().auto_shrink([false, true]).max_height(ui.available_height() - 4.0).show(ui, |ui| {
            egui::Grid::new("pseudonym map").num_columns(7).striped(true).show(ui, |ui| {
                for h in [t!("pseudonyms-original"), t!("pseudonyms-replacement"), t!("pseudonyms-col-whole-words"), t!("pseudonyms-col-exact-case"), t!("pseudonyms-col-from"), t!("pseudonyms-col-replacements"), ""] {
                    ui.strong(h);
                }
                ui.end_row();
                for p in &loaded.map {
                    let label = ui.label(&p.original);
                    let text = self.edits.entry(p.id).or_insert_with(|| p.replacement.clone());
                    // Sized, not only a desired width: a grid cell would squeeze it to its last width.
                    let size = egui::vec2(150.0, ui.spacing().interact_size.y);
                    let edit = ui.add_sized(size, egui::TextEdit::singleline(text).id_salt(("replacement", p.id))).labelled_by(label.id);
                    let changed = |entry: NewPseudonym| UiCommand::Perform(Action::UpdatePseudonym { id: p.id, entry });
                    if edit.lost_focus() && text.trim() != p.replacement && !text.trim().is_empty() {
                        commands.push(changed(NewPseudonym { replacement: text.trim().to_string(), ..p.fields() }));
                    }
                    let mut whole = p.whole_word;
                    if ui.checkbox(&mut whole, "").labelled_by(label.id).on_hover_text(t!("pseudonyms-whole-words-tooltip")).changed() {
                        commands.push(changed(NewPseudonym { whole_word: whole, ..p.fields() }));
                    }
                    let mut exact = p.case == CaseMode::Exact;
                    if ui.checkbox(&mut exact, "").labelled_by(label.id).on_hover_text(t!("pseudonyms-exact-case-tooltip")).changed() {
                        commands.push(changed(NewPseudonym { case: if exact { CaseMode::Exact } else { CaseMode::Keep }, ..p.fields() }));
                    }
                    ui.label(p.origin.as_str());
                    let n = counts.get(&p.id).map_or_else(|| "…".to_string(), usize::to_string);
                    if ui.link(format!("{n} × {}", p.original)).on_hover_text(t!("pseudonyms-show-in-preview")).clicked() {
                        show_preview = Some(p.id);
                    }
                    if ui.button(t!("pseudonyms-remove", original = &p.original)).clicked() {
                        commands.push(UiCommand::Perform(Action::RemovePseudonyms(vec![p.id])));
                    }
                    ui.end_row();
                }
            });
        });
        if let Some(id) = show_preview {
            self.only = Some(id);
            self.tab = PseudonymTab::Preview;
        }
    }

    fn preview_tab(&mut self, ui: &mut egui::Ui) {
        if let Some(done) = self.counting() {
            ui.horizontal(|ui| {
                ui.label(t!("pseudonyms-finding"));
                ui.add(egui::ProgressBar::new(done).desired_width(160.0).show_percentage());
            });
            return;
        }
        let Some(loaded) = &self.loaded else { return };
        let name = |id: PseudonymId| loaded.map.iter().find(|p| p.id == id).map(|p| p.original.clone()).unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            let shown = self.only.map_or_else(|| t!("pseudonyms-every-entry").to_string(), name);
            egui::ComboBox::from_label(t!("pseudonyms-entry")).selected_text(shown).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.only, None, t!("pseudonyms-every-entry"));
                for e in &loaded.preview.entries {
                    ui.selectable_value(&mut self.only, Some(e.id), format!("{} ({})", e.original, e.count));
                }
            });
        });
        let hits: Vec<_> = loaded.preview.hits.iter().filter(|h| self.only.is_none_or(|id| h.pseudonym == id)).collect();
        ui.label(t!("pseudonyms-replacements", n = hits.len()));
        ui.separator();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 6.0;
        egui::ScrollArea::vertical().auto_shrink([false, true]).show_rows(ui, row_height, hits.len(), |ui, rows| {
            for h in &hits[rows] {
                ui.vertical(|ui| {
                    ui.weak(format!("{} · {} · {}..{}", h.place.label(), h.source, h.start, h.end));
                    ui.horizontal_wrapped(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        ui.label(format!("…{}", h.before));
                        // Struck out, then what replaces it (the default fonts have no arrow).
                        ui.label(egui::RichText::new(&h.found).strikethrough());
                        ui.label(" ");
                        ui.strong(&h.replacement);
                        ui.label(format!("{}…", h.after));
                    });
                });
            }
        });
    }

    fn log_tab(&mut self, ui: &mut egui::Ui) {
        let Some(loaded) = &self.loaded else { return };
        if loaded.log.is_empty() {
            ui.label(t!("pseudonyms-log-empty"));
            return;
        }
        let plain = loaded.log.iter().filter(|r| !r.fields.pseudonymised).count();
        let n = loaded.log.len();
        ui.label(t!("pseudonyms-log-summary", n = n, plain = plain));
        egui::ScrollArea::both().auto_shrink([false, true]).show(ui, |ui| {
            egui::Grid::new("export log").num_columns(5).striped(true).show(ui, |ui| {
                for h in [t!("pseudonyms-col-when"), t!("pseudonyms-col-what"), t!("pseudonyms-col-file"), t!("pseudonyms-col-pseudonymised"), t!("pseudonyms-tab-map")] {
                    ui.strong(h);
                }
                ui.end_row();
                for r in loaded.log.iter().rev() {
                    let f = &r.fields;
                    ui.label(&r.made_at);
                    ui.label(&f.kind);
                    ui.label(&f.file).on_hover_text(serde_json::to_string(&f.options).unwrap_or_default());
                    if f.pseudonymised {
                        ui.label(t!("pseudonyms-yes"));
                    } else {
                        ui.colored_label(ui.visuals().warn_fg_color, t!("pseudonyms-no"));
                    }
                    ui.label(match (&f.map_hash, f.map_entries) {
                        (Some(h), Some(n)) => t!("pseudonyms-map-hash", hash = h, n = n),
                        _ => String::new(),
                    });
                    ui.end_row();
                }
            });
        });
    }
}

/// Draws the window, if open, and queues what it asks for.
pub(super) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(project) = &app.project else { return };
    let window = &mut app.pseudonyms;
    if !window.open {
        // Closed: let the preview go; it is read again on opening.
        window.loaded = None;
        return;
    }
    let budget = app.jobs.slice(std::time::Duration::from_millis(6));
    if let Err(e) = window.refresh(project, app.generation).and_then(|()| window.advance(ctx, project, budget)) {
        window.open = false;
        app.errors.push(e.to_string());
        return;
    }
    let commands = window.show(ctx, project);
    app.errors.append(&mut app.pseudonyms.problems);
    for command in commands {
        app.push(command);
    }
}
