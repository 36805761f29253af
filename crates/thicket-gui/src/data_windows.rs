//! The windows for the study's data beside the text: the memo browser, cases and attributes.
//! Their state, the commands that open them, and saving a memo being
//! typed before anything could lose it (undo, redo, closing the project or the app).
//!
//! In: `UiCommand`s from menus and panels. Out: `UiCommand`s pushed to the app, applied after
//! the frame like any other.

use super::app::{ThicketApp, UiCommand};
use super::attributes::AttributesWindow;
use super::cases::CasesWindow;
use super::memos::MemoBrowser;
use thicket_core::Action;
use thicket_core::model::MemoTarget;
use thicket_core::project::MemoMarks;

/// State of the three windows.
#[derive(Default)]
pub struct DataWindows {
    memos: MemoBrowser,
    memos_open: bool,
    cases: CasesWindow,
    cases_open: bool,
    attributes: AttributesWindow,
    attributes_open: bool,
    /// Which entities have memos, as of an app generation.
    marks: Option<(u64, MemoMarks)>,
    /// What the cases, attributes and participants windows list, while one is open.
    pub(super) listings: Option<super::listings::WindowListings>,
}

/// Draws the open windows and queues what they ask for.
pub(super) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let Some(project) = &app.project else { return };
    let data = &mut app.data;
    let mut commands = Vec::new();
    if data.memos_open {
        data.memos.coder_filter = app.team.filter();
        commands.extend(data.memos.show(ctx, project, app.generation, &mut data.memos_open));
    }
    let mut errors = Vec::new();
    if data.cases_open || data.attributes_open || app.participants_open {
        match super::listings::refreshed(&mut data.listings, project, app.generation) {
            Ok(lists) => {
                if data.cases_open {
                    commands.extend(data.cases.show(ctx, project, lists, &mut data.cases_open));
                }
                if data.attributes_open {
                    commands.extend(data.attributes.show(ctx, lists, &mut data.attributes_open).into_iter().map(UiCommand::Perform));
                }
                if app.participants_open {
                    commands.extend(app.participants.show(ctx, project, lists, &mut app.participants_open));
                }
            }
            Err(e) => {
                // Said once: the windows close rather than ask again on every frame.
                errors.push(e.to_string());
                (data.cases_open, data.attributes_open, app.participants_open) = (false, false, false);
            }
        }
    } else {
        // Nothing lists them: let the rows go.
        data.listings = None;
    }
    app.errors.extend(errors);
    for command in commands {
        app.push(command);
    }
}

/// Which entities have memos, read once per change of the project: the navigator and the
/// codebook mark them on every frame.
pub(super) fn memo_marks(app: &mut ThicketApp) -> MemoMarks {
    // Which sources and codes have memos does not depend on the coders shown.
    let generation = app.content_generation();
    let fresh = app.data.marks.as_ref().is_some_and(|(g, _)| *g == generation);
    if !fresh && let Some(project) = &app.project {
        app.data.marks = Some((generation, project.memo_marks().unwrap_or_default()));
    }
    app.data.marks.as_ref().map(|(_, marks)| marks.clone()).unwrap_or_default()
}

/// Applies the commands of these windows (the app routes them here).
pub(super) fn apply(app: &mut ThicketApp, command: UiCommand) {
    match command {
        UiCommand::ShowCases(case) => {
            app.data.cases.select(case);
            app.data.cases_open = true;
        }
        UiCommand::ShowAttributes => app.data.attributes_open = true,
        UiCommand::ShowMemos => app.data.memos_open = true,
        UiCommand::OpenMemo(subject) => {
            let Some(project) = &app.project else { return };
            let saved = app.data.memos.open(project, subject);
            app.data.memos_open = true;
            if let Some(saved) = saved {
                app.apply(saved);
            }
        }
        UiCommand::CreateMemo { target, title, body } => create_memo(app, target, title, body),
        _ => {}
    }
}

/// Saves a memo being typed, at once.
pub(super) fn flush(app: &mut ThicketApp) {
    let Some(project) = &app.project else { return };
    if let Some(saved) = app.data.memos.flush(project) {
        app.apply(saved);
    }
}

/// Saves a memo being typed and forgets the windows' state: the project is closing.
pub(super) fn closing(app: &mut ThicketApp) {
    flush(app);
    app.data = DataWindows::default();
}

/// Creates a memo by the current coder (recorded in the project on first use).
fn create_memo(app: &mut ThicketApp, target: MemoTarget, title: String, body: String) {
    let Some(coder) = app.coder_id() else { return };
    if let Some(id) = app.perform(Action::CreateMemo { target, title, body, coder }).and_then(|created| created.memos.first().copied()) {
        app.data.memos.created(target, id);
    }
}
