//! The autocode section of the "Search project" panel: code the hits of the last search with a
//! chosen code, extended to a unit, optionally only where speakers of one role talk, and see
//! beforehand how many codings that adds.
//!
//! In: the project (read only), the window's listings (`Summary`: codebook, roles, coders, the
//! generation), the last search's pattern. Out: an [`AutocodeRequest`] when the button is
//! pressed; the app performs it as one undoable action.
//! The plan behind the preview is computed again when its inputs change, and after each change
//! to the project only if it is quick (a common word over a large corpus can take a noticeable
//! moment): otherwise the preview says it may be out of date and offers a refresh. The run itself
//! is always planned afresh when performed, so a stale preview never codes the wrong thing.
//!
//! The plan is made in pieces (`AutocodeRun`), a few milliseconds of each frame, with a progress
//! bar and a Cancel button: about half a second for a common word at the reference scale.

use std::sync::Arc;
use std::time::Duration;

use crate::jobs::Jobs;
use crate::summary::Summary;
use thicket_core::model::*;
use thicket_core::project::{AutocodePlan, AutocodeRun, AutocodeSpec, CodingUnit, Project};
use thicket_core::text::SearchPattern;

/// An autocode run the user asked for; the coder is named, since it may not be in the project yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutocodeRequest {
    pub spec: AutocodeSpec,
    pub coder: String,
    /// The preview's plan and the project generation it was made for: performed as it is
    /// while the project is still at that generation, instead of planning it again in the frame.
    /// Shared, not copied: a common word's plan holds about 90,000 codings.
    pub planned: Option<(u64, Arc<AutocodePlan>)>,
}

/// The form's choices the preview depends on (the project's generation aside).
type PlanKey = (SearchPattern, CodeId, CodingUnit, Option<String>, Option<SourceId>, String);

/// Previews that took longer than this are not recomputed after every change to the project.
const QUICK: Duration = Duration::from_millis(150);

/// A computed preview: for which choices and generation, how long it took, and what it found.
struct Preview {
    key: PlanKey,
    generation: u64,
    took: Duration,
    plan: Result<Arc<AutocodePlan>, String>,
}

/// A preview being planned, a piece per frame.
struct Planning {
    key: PlanKey,
    generation: u64,
    /// Time spent in the pieces so far (what `Preview::took` becomes).
    took: Duration,
    run: AutocodeRun,
}

/// The form's choices and the cached preview.
#[derive(Default)]
pub struct AutocodeForm {
    code: Option<CodeId>,
    unit: CodingUnit,
    role: Option<String>,
    only_open_source: bool,
    preview: Option<Preview>,
    planning: Option<Planning>,
}

impl AutocodeForm {
    /// Draws the form for the hits of `pattern`; returns the run the user asked for.
    #[allow(clippy::too_many_arguments)] // what it draws from, then the form's own inputs
    pub fn show(&mut self, ui: &mut egui::Ui, project: &Project, summary: &Summary, jobs: &Jobs, pattern: &SearchPattern, open_source: Option<SourceId>, coder: &str) -> Option<AutocodeRequest> {
        let (book, roles, generation) = (&summary.codebook, &summary.roles, summary.generation);
        if self.code.is_some_and(|c| book.get(c).is_none()) {
            self.code = None;
        }
        // Each label above its field, the fields as wide as the panel (at most 260 points): the
        // panel may be narrow on a laptop, and a grid of labels beside fields would run past it.
        let picker_width = ui.available_width().min(260.0);
        let label = ui.label(t!("autocode-code"));
        let chosen = self.code.and_then(|c| book.path(c)).unwrap_or(t!("autocode-choose-code")).to_string();
        egui::ComboBox::from_id_salt("autocode_code")
            .selected_text(chosen)
            .width(picker_width)
            .truncate()
            .show_ui(ui, |ui| {
                for (_, code) in book.walk() {
                    let path = book.path(code.id).unwrap_or(&code.name).to_string();
                    ui.selectable_value(&mut self.code, Some(code.id), path);
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(t!("autocode-extend"));
        ui.horizontal_wrapped(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            for unit in CodingUnit::ALL {
                ui.radio_value(&mut self.unit, unit, unit_label(unit));
            }
        });
        let label = ui.label(t!("autocode-role"));
        let chosen = match &self.role {
            Some(r) => roles.iter().find(|x| &x.name == r).map_or(r.clone(), |x| x.label.clone()),
            None => t!("autocode-any-speaker").to_string(),
        };
        egui::ComboBox::from_id_salt("autocode_role")
            .selected_text(chosen)
            .width(picker_width)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.role, None, t!("autocode-any-speaker"));
                for r in roles {
                    ui.selectable_value(&mut self.role, Some(r.name.clone()), &r.label);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(t!("autocode-role.tooltip"));
        ui.add_enabled_ui(open_source.is_some(), |ui| ui.checkbox(&mut self.only_open_source, t!("autocode-only-open-source")));
        let code = self.code?;
        let coder = coder.to_string();
        let scope = if self.only_open_source { open_source } else { None };
        let key: PlanKey = (pattern.clone(), code, self.unit, self.role.clone(), scope, coder.clone());
        let quick_enough = match &self.preview {
            None => true,
            Some(p) if p.key != key => true,
            Some(p) => p.generation != generation && p.took < QUICK,
        };
        let spec = AutocodeSpec {
            pattern: pattern.clone(),
            code,
            unit: self.unit,
            role: self.role.clone(),
            sources: scope.into_iter().collect(),
            coder: None,
        };
        if self.planning.as_ref().is_some_and(|p| p.generation != generation) {
            // Planned against a project that has changed since: its pieces would not agree.
            self.planning = None;
        }
        let planned = self.planning.as_ref().is_some_and(|p| p.key == key);
        if quick_enough && !planned {
            self.start(project, summary, &spec, key.clone());
        }
        let outdated = self.preview.as_ref().is_some_and(|p| p.generation != generation);
        let cancelled = self.preview.as_ref().is_some_and(|p| p.took == Duration::MAX);
        if (outdated || cancelled) && self.planning.is_none() {
            let mut refresh = false;
            ui.horizontal_wrapped(|ui| {
                if outdated {
                    ui.weak(t!("autocode-outdated"));
                }
                refresh = ui.small_button(t!("autocode-refresh")).clicked();
            });
            if refresh {
                self.start(project, summary, &spec, key.clone());
            }
        }
        // When this frame's share of sliced work is spent, the next slice waits a frame.
        let slice = if jobs.frame_spent() { None } else { Some(jobs.slice(super::project_panel::SEARCH_SLICE)) };
        if self.step(ui, project, slice) {
            return None;
        }
        let plan = match self.preview.as_ref().map(|p| &p.plan) {
            Some(Ok(plan)) => plan,
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return None;
            }
            None => return None,
        };
        ui.label(preview(plan, self.role.as_deref()));
        let n = plan.added();
        let button = egui::Button::new(t!("autocode-add", n = n));
        let clicked = ui.add_enabled(n > 0, button).on_hover_text(t!("autocode-add-tooltip", coder = &coder)).clicked();
        if !clicked {
            return None;
        }
        let planned = self.preview.as_ref().filter(|p| p.generation == generation).and_then(|p| Some((p.generation, Arc::clone(p.plan.as_ref().ok()?))));
        Some(AutocodeRequest { spec, coder, planned })
    }

    /// Starts planning the run for the preview, as the current coder.
    fn start(&mut self, project: &Project, summary: &Summary, spec: &AutocodeSpec, key: PlanKey) {
        let coder = summary.coders.iter().find(|c| c.name == key.5).map(|c| c.id);
        let generation = summary.generation;
        match crate::phases::timed("autocode preview: start", || project.start_autocode_plan(&AutocodeSpec { coder, ..spec.clone() })) {
            Ok(run) => self.planning = Some(Planning { key, generation, took: Duration::ZERO, run }),
            Err(e) => {
                self.planning = None;
                self.preview = Some(Preview { key, generation, took: Duration::ZERO, plan: Err(e.to_string()) });
            }
        }
    }

    /// Plans on for a slice of this frame, drawing how far it is with a Cancel button; returns
    /// true while planning (there is no preview to show yet).
    /// Plans on for a slice of this frame (`None`: the frame's share is spent, only the progress
    /// is drawn); whether planning is still under way.
    fn step(&mut self, ui: &mut egui::Ui, project: &Project, slice: Option<Duration>) -> bool {
        let Some(planning) = &mut self.planning else { return false };
        let started = std::time::Instant::now();
        let stepped = match slice {
            Some(slice) => crate::phases::timed("autocode preview: a slice", || planning.run.step(project, slice)),
            None => {
                ui.ctx().request_repaint();
                Ok(false)
            }
        };
        planning.took += started.elapsed();
        let finished = match stepped {
            Ok(false) => None,
            Ok(true) => Some(Ok(())),
            Err(e) => Some(Err(e.to_string())),
        };
        if let Some(outcome) = finished {
            if let Some(p) = self.planning.take() {
                let plan = outcome.map(|()| Arc::new(p.run.finish()));
                self.preview = Some(Preview { key: p.key, generation: p.generation, took: p.took, plan });
            }
            return false;
        }
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.label(t!("autocode-planning"));
            ui.add(egui::ProgressBar::new(planning.run.progress()).desired_width(100.0));
            cancel = ui.button(t!("search-cancel")).clicked();
        });
        if cancel {
            if let Some(p) = self.planning.take() {
                // Marked as slow, so that it is not planned again by itself after a change.
                self.preview = Some(Preview { key: p.key, generation: p.generation, took: Duration::MAX, plan: Err(t!("autocode-cancelled").into()) });
            }
            return false;
        }
        ui.ctx().request_repaint();
        true
    }

    /// Whether a preview is being planned.
    pub fn is_busy(&self) -> bool {
        self.planning.is_some()
    }
}

fn unit_label(unit: CodingUnit) -> &'static str {
    match unit {
        CodingUnit::Match => t!("autocode-unit-match"),
        CodingUnit::Sentence => t!("autocode-unit-sentence"),
        CodingUnit::Paragraph => t!("autocode-unit-paragraph"),
        CodingUnit::Turn => t!("autocode-unit-turn"),
    }
}

/// "Will add 12 codings in 4 sources (3 already coded; 5 hits outside caregivers' turns)."
fn preview(plan: &AutocodePlan, role: Option<&str>) -> String {
    let n = plan.added();
    let mut notes = Vec::new();
    if plan.existing > 0 {
        notes.push(t!("autocode-already-coded", n = plan.existing));
    }
    if plan.outside > 0 {
        notes.push(match role {
            Some(role) => t!("autocode-outside-role", n = plan.outside, role = role.replace('_', " ")),
            None => t!("autocode-outside-any", n = plan.outside),
        });
    }
    if notes.is_empty() {
        t!("autocode-will-add", n = n, sources = plan.sources)
    } else {
        t!("autocode-will-add-notes", n = n, sources = plan.sources, notes = notes.join("; "))
    }
}
