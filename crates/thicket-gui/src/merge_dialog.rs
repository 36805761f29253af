//! File → Merge a project…: pick another copy of the study, see what merging it would bring in
//! (a dry run, computed on a worker that the project is lent to), pick what to do where both
//! copies changed the same thing, merge (on the worker, one undoable step, with progress and
//! Cancel), then read the report; "Undo this merge" takes it all back.
//!
//! The dialog holds no project data: it asks through `UiCommand::Merge`, and the app runs the
//! steps through `writing` (`Write::Merge`), which leaves the outcome in the dialog's slot.

use std::path::PathBuf;

use thicket_core::project::{ConflictRule, KindCount, MergeOptions, MergeOutcome, MergeReport};

use super::app::{ThicketApp, UiCommand};
use super::writing::{MergeSlot, Write};

/// A step of the merge dialog, applied after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeStep {
    /// The file was chosen: open the dialog and compute the preview.
    Chosen(PathBuf),
    /// The rule changed: compute the preview again.
    Preview,
    /// Merge for real.
    Run,
}

/// Where the dialog is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The preview is being computed.
    Previewing,
    /// The preview is shown; the user picks a rule and merges.
    Preview,
    /// The merge is being written.
    Merging,
    /// The merge is done (or found nothing to do): the report is shown.
    Done,
}

/// The dialog's state.
pub struct MergeDialog {
    from: PathBuf,
    rule: Option<ConflictRule>,
    stage: Stage,
    slot: MergeSlot,
    /// The last outcome: the dry run's in `Preview`, the merge's in `Done`.
    outcome: Option<MergeOutcome>,
    error: Option<String>,
}

impl MergeDialog {
    /// Where the dialog is.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The last outcome (the preview, or the merge once done).
    pub fn outcome(&self) -> Option<&MergeOutcome> {
        self.outcome.as_ref()
    }

    /// The conflict rule chosen (`None`: stop at a conflict).
    pub fn rule(&self) -> Option<ConflictRule> {
        self.rule
    }

    /// What stopped the last step (a refused file), if anything.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn file_name(&self) -> String {
        self.from.file_name().map_or_else(|| self.from.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}

/// Runs a step (from `UiCommand::Merge`).
pub(crate) fn apply(app: &mut ThicketApp, step: MergeStep) {
    if app.project.is_none() {
        return;
    }
    let dry_run = match step {
        MergeStep::Chosen(from) => {
            app.merge = Some(MergeDialog { from, rule: None, stage: Stage::Previewing, slot: Default::default(), outcome: None, error: None });
            true
        }
        MergeStep::Preview => true,
        MergeStep::Run => false,
    };
    let Some(dialog) = &mut app.merge else { return };
    dialog.stage = if dry_run { Stage::Previewing } else { Stage::Merging };
    dialog.error = None;
    let write = Write::Merge { from: vec![dialog.from.clone()], options: MergeOptions { rule: dialog.rule, dry_run }, outcome: dialog.slot.clone() };
    app.write(write);
}

/// Picks up what the worker left in the slot.
fn poll(dialog: &mut MergeDialog) {
    // Empty while the step runs, and after a cancelled one (see `show`).
    let Some(result) = dialog.slot.lock().ok().and_then(|mut s| s.take()) else { return };
    match result {
        Ok(outcome) => {
            dialog.stage = if dialog.stage == Stage::Merging { Stage::Done } else { Stage::Preview };
            dialog.outcome = Some(outcome);
        }
        Err(e) => {
            dialog.stage = if dialog.outcome.is_some() { Stage::Preview } else { Stage::Done };
            dialog.error = Some(e);
        }
    }
}

/// Draws the dialog.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    let writing = app.writing.is_some();
    let Some(dialog) = &mut app.merge else { return };
    poll(dialog);
    // A cancelled step leaves the slot empty and the worker done: back to what was shown.
    if !writing && matches!(dialog.stage, Stage::Previewing | Stage::Merging) && dialog.slot.lock().is_ok_and(|s| s.is_none()) {
        dialog.stage = if dialog.outcome.is_some() { Stage::Preview } else { Stage::Done };
    }
    let mut open = true;
    let mut step = None;
    let mut close = false;
    let mut undo = false;
    let title = t!("merge-title", name = dialog.file_name());
    let window = egui::Window::new(title)
        .id(egui::Id::unique("merge_dialog"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center());
    super::window_fit::fit_dialog(window, ctx).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.label(t!("merge-from", path = dialog.from.display().to_string())).on_hover_text(t!("merge-from.tooltip"));
        if let Some(e) = &dialog.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        // The decisions first, the report below them: a long report never hides the buttons.
        let report = |ui: &mut egui::Ui, dialog: &MergeDialog| match dialog.stage {
            Stage::Previewing => {
                ui.label(t!("merge-comparing"));
            }
            Stage::Merging => {
                ui.label(t!("merge-merging"));
            }
            Stage::Preview | Stage::Done => {
                if let Some(outcome) = &dialog.outcome {
                    for r in &outcome.reports {
                        report_ui(ui, r, dialog.stage == Stage::Done);
                    }
                }
            }
        };
        if dialog.stage == Stage::Done {
            let applied = dialog.outcome.as_ref().is_some_and(|o| o.applied);
            if applied {
                ui.label(t!("merge-merged"));
            } else if dialog.error.is_none() {
                ui.label(t!("merge-nothing"));
            }
            ui.horizontal(|ui| {
                if applied && ui.button(t!("merge-undo")).on_hover_text(t!("merge-undo.tooltip")).clicked() {
                    undo = true;
                }
                if ui.button(t!("import-close")).clicked() {
                    close = true;
                }
            });
            ui.separator();
            report(ui, dialog);
            return;
        }
        let conflicts = dialog.outcome.as_ref().map_or(0, |o| o.reports.iter().map(|r| r.conflicts.len()).sum::<usize>());
        ui.label(t!("merge-rule-question"));
        let before = dialog.rule;
        ui.radio_value(&mut dialog.rule, None, t!("merge-rule-stop"));
        for rule in ConflictRule::ALL {
            ui.radio_value(&mut dialog.rule, Some(rule), crate::i18n::values::merge_rule(rule));
        }
        if dialog.rule != before && dialog.stage == Stage::Preview {
            step = Some(MergeStep::Preview);
        }
        let ready = dialog.stage == Stage::Preview && dialog.outcome.is_some() && (conflicts == 0 || dialog.rule.is_some());
        ui.horizontal(|ui| {
            let merge = ui.add_enabled(ready, egui::Button::new(t!("merge-button")));
            let merge = if conflicts > 0 && dialog.rule.is_none() { merge.on_disabled_hover_text(t!("merge-choose-rule-first")) } else { merge };
            if merge.clicked() {
                step = Some(MergeStep::Run);
            }
            if ui.button(t!("app-cancel")).clicked() {
                close = true;
            }
        });
        ui.separator();
        report(ui, dialog);
    });
    if let Some(step) = step {
        app.push(UiCommand::Merge(step));
    }
    if undo {
        app.push(UiCommand::Undo);
        app.merge = None;
    } else if close || !open {
        app.merge = None;
    }
}

/// One FROM's report: the counts, the conflicts with their resolutions, the warnings.
fn report_ui(ui: &mut egui::Ui, report: &MergeReport, done: bool) {
    let counts: Vec<&KindCount> = report.counts.iter().filter(|c| c.added + c.matched + c.matched_by_name + c.updated > 0).collect();
    ui.strong(if done { t!("merge-what-came-in") } else { t!("merge-what-would-happen") });
    egui::Grid::new("merge_counts").striped(true).show(ui, |ui| {
        for head in ["", t!("merge-col-new"), t!("merge-col-already-here"), t!("merge-col-same-by-name"), t!("merge-col-changed")] {
            ui.strong(head);
        }
        ui.end_row();
        for c in counts {
            ui.label(crate::i18n::values::merge_kind(c.kind));
            ui.label(c.added.to_string());
            ui.label(c.matched.to_string());
            ui.label(c.matched_by_name.to_string());
            ui.label(c.updated.to_string());
            ui.end_row();
        }
    });
    if report.conflicts.is_empty() {
        ui.label(t!("merge-no-conflicts"));
    } else {
        ui.strong(t!("merge-conflicts", n = report.conflicts.len()));
        egui::ScrollArea::vertical().id_salt("merge_conflicts").max_height(180.0).show(ui, |ui| {
            for c in &report.conflicts {
                let kind = crate::i18n::values::merge_conflict_kind(&c.kind);
                ui.label(t!("merge-conflict", kind = kind, entity = crate::i18n::values::merge_entity(&c.what)));
                ui.indent(("conflict", &c.entity, &c.kind), |ui| {
                    ui.label(t!("merge-here", value = c.into.as_str()));
                    ui.label(t!("merge-there", value = c.from.as_str()));
                    ui.weak(crate::i18n::values::merge_resolution(c.resolved));
                });
            }
        });
    }
    if !report.warnings.is_empty() {
        ui.strong(t!("merge-warnings", n = report.warnings.len()));
        egui::ScrollArea::vertical().id_salt("merge_warnings").max_height(120.0).show(ui, |ui| {
            for w in &report.warned {
                ui.label(crate::i18n::values::merge_warning(w));
            }
        });
    }
}
