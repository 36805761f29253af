//! The timeline: per case, how many codings of each chosen code each session holds, plotted
//! against the session dates (egui_plot), one plot per case with their date axes linked.
//! Numbers from `analysis::timeline`, as `thicket timeline` prints them; undated sources are
//! counted in the table but cannot be placed on a date axis, so each plot says how many it
//! leaves out.

use std::collections::HashMap;

use egui::{Color32, Key, Ui};
use egui_plot::{GridMark, Line, Plot, Points};

use super::controls::{checklist, current, ready, shown, status};
use super::filters::{FilterRow, Filters};
use super::background::Work;
use super::view::{AnalysisView, Controls, Pick, Refresh, ViewInfo};
use super::{AnalysisKind, Ctx, export_menu};
use thicket_core::analysis::{AnalysisLoad, Timeline, timeline};
use thicket_core::error::{Error, Result};
use thicket_core::export::charts::{code_colours, series_colours, timeline_chart};
use thicket_core::export::colour::Rgb;
use thicket_core::export::svg::{self, Chart};
use thicket_core::export::{Sheet, analysis_tables};

/// How many cases and codes a new timeline starts with (the busiest codes).
const FIRST_CASES: usize = 4;
const FIRST_CODES: usize = 5;

/// The timeline in the Analysis menu; L for line plot. It has no drill-down list.
pub(super) const INFO: ViewInfo = ViewInfo {
    kind: AnalysisKind::Timeline,
    title: "Timeline",
    menu_label: "Timeline",
    key: Key::L,
    stem: "timeline",
    drill_height: 230.0,
    open: || Box::new(TimelineView::default()),
};

/// The timeline view's state.
#[derive(Default)]
pub(super) struct TimelineView {
    rollup: bool,
    cases: Vec<String>,
    codes: Vec<String>,
    result: Option<Computed>,
    work: Work<RunKey, Done>,
    /// Whether `cases` and `codes` have been given their first values.
    chosen: bool,
    filters: FilterRow,
}

type RunKey = (bool, Filters, u64);
type Computed = super::controls::Computed<RunKey, Done>;

struct Done {
    timeline: Timeline,
    /// Each code's colour in the codebook.
    colours: HashMap<String, Rgb>,
}

impl TimelineView {
    /// The chosen codes' indices in the timeline and their line colours (`series_colours`).
    fn series(done: &Done, codes: &[String]) -> Vec<(usize, Rgb)> {
        series_colours(&done.timeline, &done.colours, codes)
    }
}

impl AnalysisView for TimelineView {
    fn info(&self) -> &'static ViewInfo {
        &INFO
    }

    fn controls(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> Controls {
        // The pickers offer the result's cases and codes: compute it first.
        self.compute(ctx);
        let (all_cases, all_codes) = match self.result.as_ref().map(|c| &c.outcome) {
            Some(Ok(done)) => (done.timeline.cases.iter().map(|c| c.case.clone()).collect::<Vec<_>>(), done.timeline.codes.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        let mut controls = Controls::default();
        ui.horizontal_wrapped(|ui| {
            // Which cases get a plot; the filter row's Cases narrows what is counted.
            checklist(ui, t!("timeline-plotted-cases"), &mut self.cases, &all_cases);
            checklist(ui, t!("excerpts-codes"), &mut self.codes, &all_codes);
            ui.checkbox(&mut self.rollup, t!("matrix-rollup")).on_hover_text(t!("matrix-rollup.tooltip"));
            ui.separator();
            controls.export = export_menu::menu(ui, ready(&self.result), ctx.chart_size, ctx.pseudonymise);
        });
        controls.stale_note |= self.filters.show(ui);
        controls
    }

    fn compute(&mut self, ctx: &mut Ctx) -> Refresh {
        let key = (self.rollup, self.filters.filters.clone(), ctx.generation);
        if self.result.as_ref().is_some_and(|c| c.key == key) {
            return Refresh::Kept;
        }
        let rollup = self.rollup;
        let Some(outcome) = ctx.run_filtered(key.clone(), &mut self.work, &mut self.filters, AnalysisLoad::default(), |_| {}, Box::new(move |data, _| {
            Ok(Done { timeline: timeline(&data, rollup), colours: code_colours(&data) })
        })) else {
            return Refresh::Kept;
        };
        if let Ok(done) = &outcome {
            let t = &done.timeline;
            let all_cases: Vec<String> = t.cases.iter().map(|c| c.case.clone()).collect();
            if !self.chosen {
                self.cases = all_cases.iter().take(FIRST_CASES).cloned().collect();
                let mut used: Vec<(u64, usize)> = (0..t.codes.len()).map(|i| (t.cases.iter().flat_map(|c| &c.sessions).map(|s| s.counts[i]).sum(), i)).collect();
                used.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                let mut first: Vec<usize> = used.iter().filter(|(n, _)| *n > 0).take(FIRST_CODES).map(|(_, i)| *i).collect();
                first.sort_unstable();
                self.codes = first.iter().map(|&i| t.codes[i].clone()).collect();
                self.chosen = true;
            }
            // Cases and codes that left the project (undo, merge, rename) leave the choice.
            self.cases.retain(|c| all_cases.contains(c));
            self.codes.retain(|c| t.codes.contains(c));
        }
        self.result = Some(Computed { key, outcome });
        Refresh::Replaced
    }

    fn header(&mut self, ui: &mut Ui, note: Option<&str>) -> bool {
        let Some(done) = shown(ui, &self.result) else { return false };
        status(ui, note.unwrap_or(t!("timeline-status")), false);
        ui.horizontal_wrapped(|ui| {
            for (i, c) in Self::series(done, &self.codes) {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 4.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 1.0, Color32::from_rgb(c.0, c.1, c.2));
                ui.label(&done.timeline.codes[i]);
            }
        });
        true
    }

    /// The plots, one per chosen case; nothing in them is a number to click.
    fn show(&mut self, ui: &mut Ui, _selected: Option<Pick>) -> Option<Pick> {
        let done = current(&self.result)?;
        let series = Self::series(done, &self.codes);
        if self.cases.is_empty() || series.is_empty() {
            status(ui, t!("timeline-choose"), false);
            return None;
        }
        let link = ui.make_persistent_id("timeline_x");
        // Every plot spans the same dates, so sessions line up across cases.
        let days: Vec<i32> = done
            .timeline
            .cases
            .iter()
            .filter(|c| self.cases.contains(&c.case))
            .flat_map(|c| &c.sessions)
            .filter_map(|s| s.date.as_deref().and_then(svg::day_of_date))
            .collect();
        let (first, last) = (days.iter().min().copied().unwrap_or(0), days.iter().max().copied().unwrap_or(0));
        let margin = ((last - first) / 30).max(3);
        let (lo, hi) = ((first - margin) as f64, (last + margin) as f64);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for case in done.timeline.cases.iter().filter(|c| self.cases.contains(&c.case)) {
                let undated = case.sessions.iter().filter(|s| s.date.is_none()).map(|s| s.sources.len()).sum::<usize>();
                ui.horizontal(|ui| {
                    ui.strong(&case.case);
                    let dated = case.sessions.iter().filter(|s| s.date.is_some()).count();
                    ui.weak(t!("timeline-sessions", n = dated));
                    if undated > 0 {
                        ui.weak(t!("timeline-undated", n = undated));
                    }
                });
                let plot = Plot::new(("timeline", &case.case))
                    .height(190.0)
                    .link_axis(link, [true, false])
                    .allow_scroll(false)
                    .include_y(0.0)
                    .include_x(lo)
                    .include_x(hi)
                    .y_axis_min_width(28.0)
                    .x_grid_spacer(month_marks)
                    .x_axis_formatter(|mark: GridMark, _| {
                        // Weekly marks show the day; monthly ones the month.
                        let date = svg::date_of_day(mark.value.round() as i32).unwrap_or_default();
                        if mark.step_size < 20.0 { date.get(5..).unwrap_or_default().to_string() } else { date.get(..7).unwrap_or_default().to_string() }
                    })
                    .label_formatter(|hover| match hover {
                        egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                            let date = svg::date_of_day(position.x.round() as i32).unwrap_or_default();
                            Some(format!("{plot_name}\n{date}: {}", position.y))
                        }
                        _ => None,
                    });
                plot.show(ui, |plot_ui| {
                    for &(i, c) in &series {
                        let points: Vec<[f64; 2]> = case
                            .sessions
                            .iter()
                            .filter_map(|s| s.date.as_deref().and_then(svg::day_of_date).map(|d| [d as f64, s.counts[i] as f64]))
                            .collect();
                        let colour = Color32::from_rgb(c.0, c.1, c.2);
                        let name = &done.timeline.codes[i];
                        plot_ui.line(Line::new(name.clone(), points.clone()).color(colour).width(2.0));
                        plot_ui.points(Points::new(name.clone(), points).color(colour).radius(3.5).filled(true));
                    }
                });
                ui.add_space(8.0);
            }
        });
        None
    }

    /// The chosen cases' sessions with the chosen codes (CSV and XLSX write it).
    fn sheets(&self) -> Result<Vec<Sheet>> {
        let (shown, series) = self.shown("export")?;
        let codes: Vec<usize> = series.iter().map(|(i, _)| *i).collect();
        let sheet = analysis_tables::timeline_sheet(&shown, &codes);
        Ok(vec![sheet])
    }

    /// One panel per chosen case, one line per chosen code.
    fn chart(&self) -> Result<Chart> {
        let (shown, series) = self.shown("chart")?;
        Ok(Chart::Timeline(timeline_chart(&shown, &series)))
    }

    fn filters(&self) -> Option<&Filters> {
        Some(&self.filters.filters)
    }
}

impl TimelineView {
    /// The timeline of the chosen cases and the chosen codes' series, for an export of `what`.
    fn shown(&self, what: &str) -> Result<(Timeline, Vec<(usize, Rgb)>)> {
        let Some(Computed { outcome: Ok(done), .. }) = &self.result else {
            return Err(Error::not_found(format!("the timeline has no result to {what} yet")));
        };
        let mut shown = done.timeline.clone();
        shown.cases.retain(|c| self.cases.contains(&c.case));
        Ok((shown, Self::series(done, &self.codes)))
    }
}

/// Grid marks at month starts (thinned on long spans), or weekly when zoomed in.
fn month_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = (input.bounds.0.floor() as i32, input.bounds.1.ceil() as i32);
    if hi - lo < 70 {
        let first = lo + (7 - lo.rem_euclid(7)) % 7;
        return (first..=hi).step_by(7).map(|d| GridMark { value: d as f64, step_size: 7.0 }).collect();
    }
    svg::month_ticks(lo, hi).into_iter().map(|(d, _)| GridMark { value: d as f64, step_size: 30.0 }).collect()
}
