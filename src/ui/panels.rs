//! The panels of the first window: menu bar, navigator (sources by case, codebook), document,
//! status bar, notifications and the welcome screen. Each reads the app and pushes commands.

use std::collections::BTreeMap;

use egui::{Color32, RichText};

use super::app::{ThicketApp, UiCommand};
use crate::model::*;

/// Keyboard shortcuts that work everywhere.
pub fn shortcuts(app: &mut ThicketApp, ctx: &egui::Context) {
    super::analysis::shortcuts(app, ctx);
    let undo = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
    let redo = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    // Redo first: its shortcut contains undo's.
    if ctx.input_mut(|i| i.consume_shortcut(&redo)) {
        app.push(UiCommand::Redo);
    } else if ctx.input_mut(|i| i.consume_shortcut(&undo)) {
        app.push(UiCommand::Undo);
    }
}

/// File and Edit menus.
pub fn menu_bar(app: &mut ThicketApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open project…").clicked() {
                    if let Some(path) = pick_project() {
                        app.push(UiCommand::OpenProject(path));
                    }
                    ui.close();
                }
                if ui.button("Open the sample study").clicked() {
                    app.push(UiCommand::OpenSample);
                    ui.close();
                }
                ui.separator();
                let open = app.project.is_some();
                if ui.add_enabled(open, egui::Button::new("Import files…")).clicked() {
                    if let Some(paths) = super::import_dialog::pick_files() {
                        app.push(UiCommand::Import(paths));
                    }
                    ui.close();
                }
                if ui.add_enabled(open, egui::Button::new("Import folder…")).clicked() {
                    if let Some(path) = super::import_dialog::pick_folder() {
                        app.push(UiCommand::Import(vec![path]));
                    }
                    ui.close();
                }
                let recent = app.prefs.recent.clone();
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button("Recent projects", |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                app.push(UiCommand::OpenProject(path));
                                ui.close();
                            }
                        }
                    });
                });
                ui.separator();
                if ui.add_enabled(app.project.is_some(), egui::Button::new("Close project")).clicked() {
                    app.push(UiCommand::CloseProject);
                    ui.close();
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Project", |ui| {
                if ui.add_enabled(app.project.is_some(), egui::Button::new("Participants…")).clicked() {
                    app.push(UiCommand::ShowParticipants);
                    ui.close();
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = app.project.as_ref().and_then(|p| p.undo_label()).map(|l| format!("Undo {l}"));
                let redo = app.project.as_ref().and_then(|p| p.redo_label()).map(|l| format!("Redo {l}"));
                let undo_button = egui::Button::new(undo.clone().unwrap_or("Undo".into())).shortcut_text("Ctrl+Z");
                if ui.add_enabled(undo.is_some(), undo_button).clicked() {
                    app.push(UiCommand::Undo);
                    ui.close();
                }
                let redo_button = egui::Button::new(redo.clone().unwrap_or("Redo".into())).shortcut_text("Ctrl+Shift+Z");
                if ui.add_enabled(redo.is_some(), redo_button).clicked() {
                    app.push(UiCommand::Redo);
                    ui.close();
                }
            });
            super::analysis::menu(app, ui);
        });
    });
}

fn pick_project() -> Option<std::path::PathBuf> {
    rfd::FileDialog::new().add_filter("Thicket project", &["thicket"]).pick_file()
}

/// Files dropped on the window are imported; while they hover, say so.
pub fn dropped_files(app: &mut ThicketApp, ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if hovering {
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_overlay")));
        painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
        painter.text(screen.center(), egui::Align2::CENTER_CENTER, "Drop files to import them", egui::FontId::proportional(28.0), Color32::WHITE);
    }
    let dropped: Vec<std::path::PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
    if !dropped.is_empty() {
        app.push(UiCommand::Import(dropped));
    }
}

/// Errors, shown until dismissed.
pub fn errors(app: &mut ThicketApp, ui: &mut egui::Ui) {
    if app.errors.is_empty() {
        return;
    }
    egui::Panel::top("errors").show(ui, |ui| {
        for e in &app.errors {
            ui.colored_label(Color32::from_rgb(190, 30, 30), e);
        }
        if ui.button("Dismiss").clicked() {
            app.push(UiCommand::DismissError);
        }
    });
}

/// Project, counts and current coder.
pub fn status_bar(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let Some(p) = &app.project else { return };
    let title = p.title().unwrap_or_default();
    let sources = p.sources().map(|s| s.len()).unwrap_or(0);
    let codings = p.coding_count().unwrap_or(0);
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(title);
            ui.separator();
            ui.label(format!("{sources} sources · {codings} codings"));
            ui.separator();
            ui.label(format!("Coder: {}", crate::cli::default_coder()));
        });
    });
}

/// Sources grouped by case, and the codebook.
pub fn navigator(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let Some(p) = &app.project else { return };
    let sources = p.sources().unwrap_or_default();
    let by_source = p.cases_by_source().unwrap_or_default();
    let selected = app.selected;
    let mut groups: BTreeMap<String, Vec<&Source>> = BTreeMap::new();
    for s in &sources {
        match by_source.get(&s.id) {
            Some(cases) if !cases.is_empty() => cases.iter().for_each(|c| groups.entry(c.clone()).or_default().push(s)),
            _ => groups.entry(String::new()).or_default().push(s),
        }
    }
    let mut clicked = None;
    egui::Panel::left("navigator").default_size(300.0).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Sources");
            for (case, mut list) in groups {
                list.sort_by(|a, b| (&a.date, &a.name).cmp(&(&b.date, &b.name)));
                let title = if case.is_empty() { "Not in a case".to_string() } else { case };
                egui::CollapsingHeader::new(format!("{title} ({})", list.len())).id_salt(&title).default_open(true).show(ui, |ui| {
                    for s in list {
                        let r = ui.selectable_label(selected == Some(s.id), &s.name);
                        let r = r.on_hover_text(format!("{} · {} · {} words", s.kind.label(), s.date.as_deref().unwrap_or("no date"), s.word_count));
                        if r.clicked() {
                            clicked = Some(s.id);
                        }
                    }
                });
            }
        });
    });
    if let Some(id) = clicked {
        app.push(UiCommand::SelectSource(id));
    }
    let mut requests = Vec::new();
    egui::Panel::right("codebook").default_size(280.0).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            if let Some(project) = &app.project {
                requests = app.codebook.show(ui, project, false);
            }
        });
    });
    app.codebook_requests(requests);
    let mut jump = None;
    let codes = app.codebook.selected.clone();
    let generation = app.generation;
    egui::Panel::bottom("retrieval").resizable(true).default_size(220.0).show(ui, |ui| {
        if let Some(project) = &app.project {
            jump = app.retrieval.show(ui, project, &codes, generation);
        }
    });
    if let Some(segment) = jump
        && let Some(span) = crate::model::TextSpan::new(segment.start, segment.end)
    {
        app.push(UiCommand::ShowSpan(segment.source_id, span));
    }
}

/// The selected source's text with its codings.
pub fn document(app: &mut ThicketApp, ui: &mut egui::Ui) {
    if super::analysis::central(app, ui) {
        return;
    }
    let mut response = None;
    egui::CentralPanel::default().show(ui, |ui| match &mut app.document {
        Some(doc) => response = Some(doc.show(ui)),
        None => {
            ui.centered_and_justified(|ui| ui.weak("Select a source on the left to read it."));
        }
    });
    if let Some(id) = response.and_then(|r| r.remove_coding) {
        let codings = crate::action::EntitySet { codings: vec![id], ..Default::default() };
        app.push(UiCommand::Perform(crate::Action::Remove(codings)));
    }
}

/// The screen shown when no project is open.
pub fn welcome(app: &mut ThicketApp, ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.label(RichText::new("Thicket").size(36.0).strong());
            ui.label("Qualitative coding for ethnographic case studies");
            ui.add_space(24.0);
            if ui.button(RichText::new("Explore the sample study").size(18.0)).clicked() {
                app.push(UiCommand::OpenSample);
            }
            ui.weak("Three fictional families in family preservation, a focus group, a codebook and two coders.");
            ui.add_space(12.0);
            if ui.button("Open project…").clicked()
                && let Some(path) = pick_project()
            {
                app.push(UiCommand::OpenProject(path));
            }
            let recent = app.prefs.recent.clone();
            if !recent.is_empty() {
                ui.add_space(18.0);
                ui.label(RichText::new("Recent projects").strong());
                for path in recent {
                    if ui.link(path.display().to_string()).clicked() {
                        app.push(UiCommand::OpenProject(path));
                    }
                }
            }
        });
    });
}
