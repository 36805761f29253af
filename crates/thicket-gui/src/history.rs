//! Project → History…: the audit trail, newest first (docs/integrity.md, "Audit trail"). A
//! project can hold 100,000 rows: the list is drawn with `ScrollArea::show_rows` and read a page
//! at a time, only the pages in view, and read again when an action changes the project.

use std::collections::BTreeMap;

use thicket_core::model::{AuditEntityKind, AuditEntry, AuditFilter};
use thicket_core::project::Project;

use crate::app::ThicketApp;

/// Rows read at once.
const PAGE: usize = 100;

/// The History window's state.
#[derive(Default)]
pub struct HistoryWindow {
    open: bool,
    /// Shown rows: all, or those that touched one source or code.
    filter: AuditFilter,
    /// The name of the source or code filtered on, for the heading.
    about: Option<String>,
    /// The project generation the cache was read at.
    read_at: Option<u64>,
    total: usize,
    pages: BTreeMap<usize, Vec<AuditEntry>>,
}

impl HistoryWindow {
    /// Opens on the whole project.
    pub fn open(&mut self) {
        *self = HistoryWindow { open: true, ..Default::default() };
    }

    /// Opens on what touched one source or code (`name` heads the window).
    pub fn open_on(&mut self, kind: AuditEntityKind, id: i64, name: String) {
        *self = HistoryWindow { open: true, filter: AuditFilter { entity: Some((kind, id)), ..Default::default() }, about: Some(name), ..Default::default() };
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    fn row(&mut self, project: &Project, i: usize) -> thicket_core::Result<Option<&AuditEntry>> {
        let page = i / PAGE;
        if !self.pages.contains_key(&page) {
            let rows = project.audit_page(&self.filter, page * PAGE, PAGE, 20)?;
            self.pages.insert(page, rows);
        }
        Ok(self.pages.get(&page).and_then(|rows| rows.get(i % PAGE)))
    }
}

fn entity_text(e: &AuditEntry) -> String {
    e.entry
        .entities
        .iter()
        .filter(|x| x.kind != AuditEntityKind::Coding && !x.name.is_empty())
        .map(|x| format!("“{}”", x.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draws the window, if open.
pub(super) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(project) = &app.project else { return };
    let window = &mut app.history;
    if !window.open {
        return;
    }
    if window.read_at != Some(app.generation) {
        window.pages.clear();
        match project.audit_count(&window.filter) {
            Ok(n) => window.total = n,
            Err(e) => {
                window.open = false;
                app.errors.push(e.to_string());
                return;
            }
        }
        window.read_at = Some(app.generation);
    }
    let mut open = true;
    let mut failed = None;
    let title = match &window.about {
        Some(name) => t!("history-title-of", name = name.as_str()),
        None => t!("history-title").to_string(),
    };
    crate::window_fit::fit(egui::Window::new(title).id(egui::Id::unique("history window")).open(&mut open).default_width(760.0).default_height(460.0), ctx).show(ctx, |ui| {
        ui.label(t!("history-count", n = window.total));
        if window.total == 0 {
            ui.label(t!("history-empty"));
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical().auto_shrink([false, true]).show_rows(ui, row_height, window.total, |ui, range| {
            for i in range {
                match window.row(project, i) {
                    Ok(Some(e)) => {
                        let when = crate::i18n::date_time(&e.entry.at);
                        let about = entity_text(e);
                        let line = if about.is_empty() {
                            format!("{when}  ·  {}  ·  {}", e.entry.coder, e.entry.summary)
                        } else {
                            format!("{when}  ·  {}  ·  {}  ·  {about}", e.entry.coder, e.entry.summary)
                        };
                        ui.add(egui::Label::new(line).truncate()).on_hover_text(&e.entry.counts);
                    }
                    Ok(None) => {
                        ui.label("");
                    }
                    Err(err) => {
                        failed = Some(err.to_string());
                        break;
                    }
                }
            }
        });
    });
    window.open = open;
    if let Some(e) = failed {
        window.open = false;
        app.errors.push(e);
    }
}
