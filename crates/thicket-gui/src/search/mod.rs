//! Search and autocode in the window (issue #5, item 8): the find bar over the document
//! ([`FindBar`], Ctrl+F) and the "Search project" panel with its autocode section
//! ([`ProjectSearch`], Ctrl+Shift+F).
//!
//! Both read through `&Project` and the document view; a clicked project hit becomes
//! `UiCommand::ShowSpan` (plus the find bar on the same pattern, so every hit in that source is
//! marked), and an autocode run becomes `UiCommand::Autocode`, whose plan ([`autocode_plan`]) the app
//! performs as one undoable action (off the window's thread when long: `writing`).

mod autocode_form;
mod find_bar;
mod folding_options;
mod project_panel;

pub use autocode_form::AutocodeRequest;
pub use find_bar::FindBar;
pub use project_panel::ProjectSearch;

use project_panel::PanelRequest;

use super::app::{ThicketApp, UiCommand};
use thicket_core::error::Result;
use std::sync::Arc;

use thicket_core::project::{AutocodePlan, AutocodeSpec, Project};

/// The "Search project" panel on the right of the document, while open.
pub(super) fn project_panel(app: &mut ThicketApp, ui: &mut egui::Ui) {
    if !app.project_search.is_open() {
        return;
    }
    if app.project.is_none() && app.writing.is_some() {
        // The project is lent to a writer: the panel keeps its place until it is back.
        app.side_panels.show(ui, crate::side_panels::Side::ProjectSearch, false, |_| {}, |ui| {
            ui.weak(t!("search-waiting"));
        });
        return;
    }
    let (Some(project), Some(summary)) = (&app.project, &app.summary) else { return };
    let mut requests = Vec::new();
    let open_source = app.selected;
    let search = &mut app.project_search;
    let (coder, jobs) = (app.coder.as_str(), &app.jobs);
    // Its width comes from the side panels' budget; it closes rather than folds, so no fold button.
    app.side_panels.show(ui, crate::side_panels::Side::ProjectSearch, false, |_| {}, |ui| {
        requests = search.show(ui, project, summary, jobs, open_source, coder);
    });
    for request in requests {
        match request {
            PanelRequest::Show(hit, pattern) => {
                app.find.show_hit(&pattern, hit.source_id, hit.span());
                app.push(UiCommand::ShowSpan(hit.source_id, hit.span()));
            }
            PanelRequest::Autocode(request) => app.push(UiCommand::Autocode(request)),
        }
    }
}

/// The plan of an autocode run: the preview's when the project is still what it was planned on
/// (`generation`), else planned afresh, so that it codes exactly what the project holds now.
pub(super) fn autocode_plan(project: &Project, request: &AutocodeRequest, coder: thicket_core::model::CoderId, generation: u64) -> Result<Arc<AutocodePlan>> {
    Ok(match &request.planned {
        Some((planned_at, plan)) if *planned_at == generation => Arc::clone(plan),
        _ => Arc::new(project.plan_autocode(&AutocodeSpec { coder: Some(coder), ..request.spec.clone() })?),
    })
}
