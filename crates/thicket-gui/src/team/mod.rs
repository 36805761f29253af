//! The Team view (issue #13, parts 1 and 5): the project's coders with their colour, codings,
//! memos and time spent coding blind; adding, renaming, recolouring and retiring them; showing or
//! hiding each coder's codings everywhere the window shows codings; and blind mode.
//!
//! Blind mode ("Code blind as Jonas") shows one coder only their own codings, counts and
//! retrievals: the document, the codebook's counts, the segments pane, every analysis and the
//! excerpt exports all go through the same [`CoderFilter`]; new codings and memos are that
//! coder's. A banner says so, with the way out; leaving is an explicit action (the banner's
//! button, the Team view's, or View → Leave blind mode). Entering and leaving are written to the
//! project's record of blind sessions (`Project::begin_blind_session`), each in its own
//! transaction, and every change made while blind moves the session's last activity on, so a
//! session the window never left (a crash) still says how long it lasted.
//!
//! In: the project's coder summaries, read once per change while the view is open (the codings
//! counted a range of sources per frame, so that a large project's count never fills a frame). Out: actions
//! (`UiCommand::Perform`) and [`TeamRequest`]s, applied by the app after the frame.

pub mod filter;

use std::collections::{BTreeSet, HashMap};

use egui::{Color32, RichText};

pub use filter::CoderFilter;
use crate::app::{ThicketApp, UiCommand};
use crate::jobs::{Job, Polled};
use thicket_core::Action;
use thicket_core::analysis::AnalysisLoad;
use thicket_core::analysis::agreement::{AgreementSpec, AgreementTable, BootstrapOptions, By, Estimate, Measure, UnitKind, project_agreement};
use thicket_core::model::{CODER_PALETTE, CoderId, Rgb, SourceId};
use thicket_core::project::{CoderSummary, Project, format_duration};

/// What the Team view asks of the app that is not an action on the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamRequest {
    /// Show (true) or hide a coder's codings in the window.
    Show(CoderId, bool),
    /// Rename a coder (an action); the window's current coder follows the new name.
    Rename(CoderId, String),
    /// Start coding blind as this coder.
    EnterBlind(CoderId),
    /// Leave blind mode.
    LeaveBlind,
    /// Open the Agreement tab comparing these coders (names).
    OpenAgreement(Vec<String>),
}

/// Blind mode, while on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blind {
    pub coder: CoderId,
    pub name: String,
    /// The session's row in the project's record.
    session: i64,
    /// The window's coder before, who comes back on leaving.
    before: String,
}

/// The Team view's state, and whose codings the window shows.
#[derive(Default)]
pub struct Team {
    pub(crate) open: bool,
    hidden: BTreeSet<CoderId>,
    blind: Option<Blind>,
    selected: Option<CoderId>,
    new_name: String,
    rename: String,
    color: String,
    /// The coder and generation the edit fields were filled for.
    filled: Option<(CoderId, u64)>,
    /// The coders as of a generation (shown until the next are counted).
    summaries: Option<(u64, Result<Vec<CoderSummary>, String>)>,
    /// The coders being counted after a change.
    loader: Option<TeamLoader>,
    /// Every coder's codings, counted for a `ThicketApp::content_generation`: a change of the
    /// coders shown (or blind mode) keeps them, and only the memos and sessions are read again.
    counts: Option<(u64, HashMap<CoderId, usize>)>,
    /// The agreement summary of the shown coders, for a project state and those coders.
    agreement: Option<Summary>,
}

/// The pooled agreement of the shown coders at paragraph unit, as the Agreement tab computes
/// it (`analysis::agreement::project_agreement`), on a worker.
struct Summary {
    key: (u64, Vec<CoderId>),
    names: Vec<String>,
    state: SummaryState,
}

enum SummaryState {
    /// Waiting for the analysis data (shared with the analysis tabs).
    Loading,
    Running(Job<Result<AgreementTable, String>>),
    Done(Result<AgreementTable, String>),
}

/// The measures of the summary: pooled over every code, at paragraph unit.
const SUMMARY_MEASURES: [Measure; 3] = [Measure::PercentAgreement, Measure::CohenKappa, Measure::KrippendorffAlpha];

/// The longest a frame spends counting codings per coder.
const READ_SLICE: std::time::Duration = std::time::Duration::from_millis(6);

/// Sources per counting query.
const SOURCES_PER_PIECE: usize = 100;

/// The coders' codings counted a range of sources at a time (at the reference size, 200,000
/// codings counted at once take about 14 ms, most of a frame), then their memos and blind
/// sessions (small tables) read at the end.
struct TeamLoader {
    generation: u64,
    /// Ranges of source ids that together cover every id.
    ranges: Vec<(SourceId, SourceId)>,
    next: usize,
    counts: HashMap<CoderId, usize>,
}

impl TeamLoader {
    /// A count for `generation`, in pieces of `SOURCES_PER_PIECE` of the sources `ids` (sorted);
    /// the first range starts at the lowest id there can be and the last ends at the highest, so
    /// a source the listing does not know yet is counted too.
    fn new(generation: u64, ids: &[SourceId]) -> Self {
        let mut ranges: Vec<(SourceId, SourceId)> = Vec::new();
        for chunk in ids.chunks(SOURCES_PER_PIECE) {
            let start = ranges.last().map_or(SourceId(i64::MIN), |&(_, end)| SourceId(end.0 + 1));
            ranges.push((start, chunk[chunk.len() - 1]));
        }
        match ranges.last_mut() {
            Some(last) => last.1 = SourceId(i64::MAX),
            None => ranges.push((SourceId(i64::MIN), SourceId(i64::MAX))),
        }
        TeamLoader { generation, ranges, next: 0, counts: HashMap::new() }
    }

    /// Counts on until `budget` has passed (at least one piece; without a budget, in a held
    /// window, all of them); whether the count is complete (`counts`).
    fn step(&mut self, project: &Project, budget: std::time::Duration) -> thicket_core::Result<bool> {
        let started = std::time::Instant::now();
        while let Some(&(first, last)) = self.ranges.get(self.next) {
            for (coder, n) in project.coder_codings_in_sources(first, last)? {
                *self.counts.entry(coder).or_default() += n;
            }
            self.next += 1;
            if !budget.is_zero() && started.elapsed() >= budget {
                break;
            }
        }
        Ok(self.next >= self.ranges.len())
    }
}

impl Team {
    /// Whose codings the window shows now.
    pub fn filter(&self) -> CoderFilter {
        match &self.blind {
            Some(b) => CoderFilter::Only(b.coder),
            None => CoderFilter::hiding(self.hidden.clone()),
        }
    }

    /// Blind mode, while on.
    pub fn blind(&self) -> Option<&Blind> {
        self.blind.as_ref()
    }

    /// Whether the view is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Forgets the project's coders (ids are a project's own): the project is closing. Blind mode
    /// must have been left first (`leave_blind`).
    fn forget(&mut self) {
        *self = Team { open: self.open, ..Default::default() };
    }
}

/// Opens the Team view, or closes it when open (View → Team…, the palette).
pub(crate) fn toggle(app: &mut ThicketApp) {
    app.team.open = !app.team.open;
}

/// Carries out a request of the view, after the frame.
pub(crate) fn apply(app: &mut ThicketApp, request: TeamRequest) {
    match request {
        TeamRequest::Show(coder, shown) => {
            if app.team.blind.is_some() {
                return app.errors.push(t!("team-leave-blind-first").into());
            }
            let changed = if shown { app.team.hidden.remove(&coder) } else { app.team.hidden.insert(coder) };
            if changed {
                app.coder_view_changed();
            }
        }
        TeamRequest::Rename(id, name) => {
            // The window's coder goes with the new name (`follow_renamed_coder`).
            let old = app.summary.as_ref().and_then(|s| s.coders.iter().find(|c| c.id == id)).map(|c| c.name.clone());
            if old.as_deref() == Some(app.coder.as_str()) {
                app.coder_known = Some(id);
            }
            app.perform(Action::RenameCoder { id, name });
        }
        TeamRequest::EnterBlind(coder) => enter_blind(app, coder),
        TeamRequest::LeaveBlind => {
            leave_blind(app);
            app.coder_view_changed();
        }
        TeamRequest::OpenAgreement(coders) => app.analysis.show_agreement(coders),
    }
}

fn enter_blind(app: &mut ThicketApp, coder: CoderId) {
    if app.team.blind.as_ref().is_some_and(|b| b.coder == coder) {
        return;
    }
    leave_blind(app);
    let Some(project) = &mut app.project else { return };
    let found = project.coders().map(|list| list.into_iter().find(|c| c.id == coder));
    let c = match found {
        Ok(Some(c)) => c,
        Ok(None) => return app.errors.push(t!("team-no-coder", id = coder.0)),
        Err(e) => return app.errors.push(e.to_string()),
    };
    if c.retired {
        return app.errors.push(format!("{} is retired: bring them back in the Team view before coding as them.", c.name));
    }
    match project.begin_blind_session(coder) {
        Ok(session) => {
            let before = std::mem::replace(&mut app.coder, c.name.clone());
            app.team.blind = Some(Blind { coder, name: c.name, session, before });
            app.coder_known = Some(coder);
            app.coder_view_changed();
        }
        Err(e) => app.errors.push(t!("team-cannot-start-blind", error = e.to_string())),
    }
}

/// Leaves blind mode, if on: the session is ended in the record and the window's coder comes
/// back. The caller refreshes the views (`coder_view_changed`) unless the project is closing.
pub(crate) fn leave_blind(app: &mut ThicketApp) {
    let Some(blind) = app.team.blind.take() else { return };
    if let Some(project) = &mut app.project
        && let Err(e) = project.end_blind_session(blind.coder)
    {
        app.errors.push(t!("team-cannot-end-blind", error = e.to_string()));
    }
    app.coder = blind.before;
    app.coder_known = None;
}

/// After a change: when the window's coder was renamed (in the Team view, or by an undo or
/// redo of a rename), the window codes on under the new name instead of creating a coder of the
/// old one.
pub(crate) fn follow_renamed_coder(app: &mut ThicketApp) {
    let (Some(id), Some(project)) = (app.coder_known, &app.project) else { return };
    let Ok(coders) = project.coders() else { return };
    if coders.iter().any(|c| c.name == app.coder && c.id == id) {
        return;
    }
    let Some(name) = coders.into_iter().find(|c| c.id == id).map(|c| c.name) else { return };
    match &mut app.team.blind {
        Some(blind) if blind.coder == id => {
            blind.name = name.clone();
            app.coder = name;
        }
        Some(_) => {}
        None => {
            app.set_coder(name);
            app.coder_known = Some(id);
        }
    }
}

/// Records a change made while blind (the session's last activity).
pub(crate) fn touch(app: &mut ThicketApp) {
    let (Some(blind), Some(project)) = (&app.team.blind, &mut app.project) else { return };
    if let Err(e) = project.touch_blind_session(blind.session) {
        app.errors.push(t!("team-cannot-record-blind", error = e.to_string()));
    }
}

/// The project is closing: blind mode ends (recorded) and the ticks go.
pub(crate) fn closing(app: &mut ThicketApp) {
    leave_blind(app);
    app.team.forget();
}

/// The banner under the menu bar while blind mode is on.
pub(crate) fn banner(app: &mut ThicketApp, ui: &mut egui::Ui) {
    let Some(blind) = &app.team.blind else { return };
    let name = blind.name.clone();
    let mut leave = false;
    let fill = if ui.visuals().dark_mode { Color32::from_rgb(90, 60, 10) } else { Color32::from_rgb(255, 226, 150) };
    egui::Panel::top("blind_banner").frame(egui::Frame::side_top_panel(ui.style()).fill(fill)).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t!("team-banner", name = name.as_str())).strong());
            ui.label(t!("team-banner-explain", name = name.as_str()));
            leave = ui.button(t!("team-leave-blind")).on_hover_text(t!("team-leave-blind.tooltip")).clicked();
        });
    });
    if leave {
        app.push(UiCommand::Team(TeamRequest::LeaveBlind));
    }
}

/// Draws the Team view while open.
pub(crate) fn show(app: &mut ThicketApp, ctx: &egui::Context) {
    if !app.team.open {
        return;
    }
    let Some(project) = &app.project else { return };
    // The counts are every coder's, whoever is shown: a change of the coders shown keeps them.
    let counted = app.content_generation();
    let generation = app.generation;
    if app.team.summaries.as_ref().is_none_or(|(g, _)| *g != generation) {
        if let Some((_, counts)) = app.team.counts.as_ref().filter(|(c, _)| *c == counted) {
            // Only the small tables (memos, blind sessions) are read again: after a change of
            // the coders shown, or blind mode entered or left (which writes a session).
            app.team.summaries = Some((generation, project.coder_summaries_counted(counts).map_err(|e| e.to_string())));
        } else {
            // Counted a slice of each frame; the view shows the last count meanwhile.
            if app.team.loader.as_ref().is_none_or(|l| l.generation != counted) {
                let mut ids: Vec<SourceId> = app.summary.as_ref().map(|s| s.sources.iter().map(|x| x.id).collect()).unwrap_or_default();
                ids.sort();
                app.team.loader = Some(TeamLoader::new(counted, &ids));
            }
            if app.jobs.frame_spent() {
                ctx.request_repaint();
            } else if let Some(loader) = &mut app.team.loader {
                match loader.step(project, app.jobs.slice(READ_SLICE)) {
                    Ok(true) => {
                        let counts = std::mem::take(&mut loader.counts);
                        app.team.summaries = Some((generation, project.coder_summaries_counted(&counts).map_err(|e| e.to_string())));
                        app.team.counts = Some((counted, counts));
                        app.team.loader = None;
                    }
                    Ok(false) => ctx.request_repaint(),
                    Err(e) => {
                        app.team.summaries = Some((generation, Err(e.to_string())));
                        app.team.loader = None;
                    }
                }
            }
        }
    }
    drive_summary(app, ctx);
    let mut commands = Vec::new();
    let team = &mut app.team;
    let mut open = team.open;
    crate::window_fit::fit_dialog(egui::Window::new(t!("team-title")).open(&mut open).default_width(600.0).default_height(640.0), ctx).show(ctx, |ui| {
        let Some((_, summaries)) = &team.summaries else {
            ui.weak(t!("team-counting"));
            return;
        };
        let all = match summaries {
            Ok(list) => list.clone(),
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return;
            }
        };
        // While blind, the other coders' rows, counts and sessions are not shown either.
        let list: Vec<&CoderSummary> = all.iter().filter(|s| team.blind.as_ref().is_none_or(|b| b.coder == s.coder.id)).collect();
        if team.selected.is_none_or(|id| !list.iter().any(|s| s.coder.id == id)) {
            team.selected = list.first().map(|s| s.coder.id);
        }
        if let Some(blind) = &team.blind {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t!("team-coding-blind-as", name = blind.name.as_str())).strong());
                ui.label(t!("team-others-hidden"));
                if ui.button(t!("team-leave-blind")).clicked() {
                    commands.push(UiCommand::Team(TeamRequest::LeaveBlind));
                }
            });
        } else {
            ui.label(t!("team-tick-hint"));
        }
        ui.add_space(4.0);
        coder_table(ui, team, &list, &mut commands);
        ui.separator();
        if let Some(s) = list.iter().find(|s| Some(s.coder.id) == team.selected) {
            details(ui, team, s, generation, &mut commands);
            ui.separator();
        }
        if team.blind.is_none() {
            add_row(ui, team, &all, &mut commands);
            ui.separator();
        }
        blind_history(ui, &list);
        if team.blind.is_none() {
            ui.separator();
            agreement(ui, team.agreement.as_ref(), &mut commands);
        }
    });
    app.team.open = open;
    for command in commands {
        app.push(command);
    }
}

/// One row per coder: shown, colour, name, codings, memos, time blind.
fn coder_table(ui: &mut egui::Ui, team: &mut Team, list: &[&CoderSummary], commands: &mut Vec<UiCommand>) {
    let blind = team.blind.is_some();
    egui::Grid::new("team_coders").striped(true).num_columns(6).show(ui, |ui| {
        ui.strong(t!("team-col-shown"));
        ui.strong(t!("team-col-coder"));
        ui.strong(t!("team-col-codings"));
        ui.strong(t!("team-col-memos"));
        ui.strong(t!("team-col-blind"));
        ui.strong("");
        ui.end_row();
        for s in list {
            let c = &s.coder;
            let mut shown = team.filter().passes(c.id);
            let tick = ui.add_enabled(!blind, egui::Checkbox::without_text(&mut shown));
            tick.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, !blind, shown, t!("team-show", name = c.name.as_str())));
            if tick.on_hover_text(t!("team-show-tooltip", name = c.name.as_str())).changed() {
                commands.push(UiCommand::Team(TeamRequest::Show(c.id, shown)));
            }
            ui.horizontal(|ui| {
                swatch(ui, parse(&c.color));
                let name = if c.retired { RichText::new(&c.name).italics() } else { RichText::new(&c.name) };
                if ui.selectable_label(team.selected == Some(c.id), name).on_hover_text(t!("team-select-tooltip")).clicked() {
                    team.selected = Some(c.id);
                }
            });
            ui.label(s.codings.to_string());
            ui.label(s.memos.to_string());
            ui.label(if s.blind_sessions.is_empty() { "–".to_string() } else { format_duration(s.blind_seconds) });
            let state = match (c.retired, s.blind_now()) {
                (true, _) => t!("team-retired"),
                (false, true) => t!("team-blind-now"),
                _ => "",
            };
            ui.weak(state);
            ui.end_row();
        }
    });
}

/// Rename, recolour, retire or bring back, and code blind as the selected coder.
fn details(ui: &mut egui::Ui, team: &mut Team, s: &CoderSummary, generation: u64, commands: &mut Vec<UiCommand>) {
    let c = &s.coder;
    if team.filled != Some((c.id, generation)) {
        team.rename = c.name.clone();
        team.color = c.color.clone();
        team.filled = Some((c.id, generation));
    }
    ui.strong(&c.name);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t!("team-name"));
        let field = ui.add(egui::TextEdit::singleline(&mut team.rename).desired_width(180.0)).labelled_by(label.id);
        let typed = team.rename.trim().to_string();
        let can = !typed.is_empty() && typed != c.name;
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.add_enabled(can, egui::Button::new(t!("team-rename"))).clicked() || enter) && can {
            commands.push(UiCommand::Team(TeamRequest::Rename(c.id, typed)));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t!("team-colour"));
        for rgb in CODER_PALETTE {
            let hex = rgb.hex_upper();
            let (rect, response) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::click());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, t!("team-colour-swatch", hex = hex.as_str())));
            ui.painter().rect_filled(rect, 3.0, Color32::from_rgb(rgb.0, rgb.1, rgb.2));
            if hex == c.color {
                ui.painter().rect_stroke(rect.expand(1.5), 3.0, egui::Stroke::new(1.5, ui.visuals().text_color()), egui::StrokeKind::Outside);
            }
            if response.on_hover_text(t!("team-make-colour", name = c.name.as_str(), hex = hex.as_str())).clicked() && hex != c.color {
                commands.push(UiCommand::Perform(Action::SetCoderColor { id: c.id, color: hex }));
            }
        }
        let field = ui.add(egui::TextEdit::singleline(&mut team.color).hint_text("#RRGGBB").desired_width(80.0)).labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let typed = team.color.trim().to_string();
        let valid = Rgb::parse(&typed).is_some_and(|rgb| rgb.hex_upper() != c.color);
        if ui.add_enabled(valid, egui::Button::new(t!("team-set-colour"))).on_disabled_hover_text(t!("team-set-colour-disabled")).clicked() || (enter && valid) {
            commands.push(UiCommand::Perform(Action::SetCoderColor { id: c.id, color: typed }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if c.retired {
            if ui.button(t!("team-bring-back")).on_hover_text(t!("team-bring-back-tooltip", name = c.name.as_str())).clicked() {
                commands.push(UiCommand::Perform(Action::SetCoderRetired { id: c.id, retired: false }));
            }
        } else if team.blind.as_ref().is_none_or(|b| b.coder != c.id)
            && ui.button(t!("team-retire")).on_hover_text(t!("team-retire-tooltip", name = c.name.as_str())).clicked()
        {
            commands.push(UiCommand::Perform(Action::SetCoderRetired { id: c.id, retired: true }));
        }
        match &team.blind {
            Some(b) if b.coder == c.id => {}
            _ => {
                let blind = egui::Button::new(t!("team-code-blind-as", name = c.name.as_str()));
                if ui
                    .add_enabled(!c.retired, blind)
                    .on_hover_text(t!("team-code-blind-tooltip", name = c.name.as_str()))
                    .on_disabled_hover_text(t!("team-retired-cannot-code"))
                    .clicked()
                {
                    commands.push(UiCommand::Team(TeamRequest::EnterBlind(c.id)));
                }
            }
        }
    });
}

/// "New coder" and its button.
fn add_row(ui: &mut egui::Ui, team: &mut Team, all: &[CoderSummary], commands: &mut Vec<UiCommand>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t!("team-new-coder"));
        let field = ui.add(egui::TextEdit::singleline(&mut team.new_name).hint_text(t!("team-new-coder-hint")).desired_width(180.0)).labelled_by(label.id);
        let typed = team.new_name.trim().to_string();
        let taken = all.iter().any(|s| s.coder.name == typed);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(!typed.is_empty() && !taken, egui::Button::new(t!("team-add-coder")));
        let add = if taken { add.on_disabled_hover_text(t!("team-coder-exists", name = &typed)) } else { add };
        if (add.clicked() || enter) && !typed.is_empty() && !taken {
            commands.push(UiCommand::Perform(Action::CreateCoder { name: typed.clone() }));
            team.new_name.clear();
        }
        if taken {
            ui.colored_label(ui.visuals().error_fg_color, format!("\"{typed}\" is taken"));
        }
    });
}

/// Who coded blind and when, newest first.
fn blind_history(ui: &mut egui::Ui, list: &[&CoderSummary]) {
    let mut sessions: Vec<(&str, &thicket_core::model::BlindSession)> =
        list.iter().flat_map(|s| s.blind_sessions.iter().map(|b| (s.coder.name.as_str(), b))).collect();
    sessions.sort_by(|a, b| (&b.1.started_at, b.1.id).cmp(&(&a.1.started_at, a.1.id)));
    egui::CollapsingHeader::new(t!("team-blind-sessions", n = sessions.len())).id_salt("team_blind_sessions").default_open(true).show(ui, |ui| {
        if sessions.is_empty() {
            ui.weak(t!("team-no-blind-sessions"));
        }
        for (name, s) in sessions {
            let started = when(&s.started_at);
            let length = format_duration(thicket_core::project::seconds_between(&s.started_at, s.counted_end()));
            let line = match &s.ended_at {
                Some(end) => t!("team-session-ended", name = name, started = started, ended = when(end), length = length),
                None => t!("team-session-open", name = name, started = started, last = when(&s.last_activity_at), length = length),
            };
            ui.label(line);
        }
    });
}

/// The coders whose agreement the view sums up: those shown (ticked), not retired, in name
/// order as the Agreement tab lists them.
fn summary_coders(team: &Team) -> Vec<(CoderId, String)> {
    let Some((_, Ok(list))) = &team.summaries else { return Vec::new() };
    let filter = team.filter();
    let mut out: Vec<(CoderId, String)> = list.iter().filter(|s| !s.coder.retired && filter.passes(s.coder.id)).map(|s| (s.coder.id, s.coder.name.clone())).collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Starts or advances the agreement summary: the data comes through the analysis tabs' shared
/// cache (read a slice per frame), the table is computed on a worker; nothing is computed again
/// until the project or the shown coders change.
fn drive_summary(app: &mut ThicketApp, ctx: &egui::Context) {
    if app.team.blind.is_some() {
        return;
    }
    let coders = summary_coders(&app.team);
    if coders.len() < 2 {
        app.team.agreement = None;
        return;
    }
    // The summary compares the coders it names, from every coding: a change of the coders shown
    // changes it only through those names, so blind mode left finds it still computed.
    let data_generation = app.content_generation();
    let key = (data_generation, coders.iter().map(|c| c.0).collect::<Vec<_>>());
    if app.team.agreement.as_ref().is_none_or(|s| s.key != key) {
        app.team.agreement = Some(Summary { key: key.clone(), names: coders.iter().map(|c| c.1.clone()).collect(), state: SummaryState::Loading });
    }
    let (Some(project), Some(summary)) = (&app.project, &mut app.team.agreement) else { return };
    match &mut summary.state {
        SummaryState::Loading => match app.analysis.data(project, data_generation, AnalysisLoad { speakers: true, texts: true }, &app.jobs) {
            crate::analysis::Loaded::Ready(data) => {
                let spec = AgreementSpec {
                    coders: key.1.clone(),
                    codes: Vec::new(),
                    subcodes: false,
                    unit: UnitKind::Paragraph,
                    all_units: false,
                    by: By::Code,
                    measures: SUMMARY_MEASURES.to_vec(),
                    bootstrap: BootstrapOptions::default(),
                };
                let job = app.jobs.spawn("team agreement", data_generation, move |cancel| {
                    let mut keep_going = |_: usize| !cancel.is_cancelled();
                    match project_agreement(&data, &spec, &mut keep_going) {
                        Ok(Some(t)) => Ok(t),
                        Ok(None) => Err("cancelled".to_string()),
                        Err(e) => Err(e.to_string()),
                    }
                });
                summary.state = SummaryState::Running(job);
                ctx.request_repaint();
            }
            crate::analysis::Loaded::Loading(..) => ctx.request_repaint(),
            crate::analysis::Loaded::Failed(e) => summary.state = SummaryState::Done(Err(e)),
        },
        SummaryState::Running(job) => match job.poll() {
            Polled::Done(result) => summary.state = SummaryState::Done(result),
            Polled::Lost(e) => summary.state = SummaryState::Done(Err(e)),
            Polled::Running => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        },
        SummaryState::Done(_) => {}
    }
}

/// "0.723 [0.535, 0.858]", or "undefined" with the reason.
fn estimate_text(e: Option<&Estimate>) -> String {
    let Some(e) = e else { return "–".into() };
    match e.coefficient.value {
        None => {
            let reason = match (&e.coefficient.why, &e.coefficient.undefined) {
                (Some(why), _) => crate::i18n::values::undefined(why, e.measure),
                (None, Some(text)) => text.clone(),
                (None, None) => t!("team-no-units").into(),
            };
            t!("team-undefined", reason = reason)
        }
        Some(_) => crate::i18n::values::estimate(Some(e)),
    }
}

/// The team's agreement (issue #13, part 5): the shown coders' pooled agreement at paragraph
/// unit, and the way to the full table (per code, any unit, exports) in the Agreement tab.
fn agreement(ui: &mut egui::Ui, summary: Option<&Summary>, commands: &mut Vec<UiCommand>) {
    ui.strong(t!("team-agreement"));
    let Some(summary) = summary else {
        ui.weak(t!("team-agreement-two"));
        return;
    };
    let names = names_list(&summary.names);
    match &summary.state {
        SummaryState::Loading | SummaryState::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak(t!("team-agreement-computing", names = &names));
            });
        }
        SummaryState::Done(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, t!("team-agreement-failed", error = e.to_string()));
        }
        SummaryState::Done(Ok(t)) => {
            // The summary counts the coded units (`all_units: false` above).
            ui.label(t!("team-agreement-pooled", names = &names, units = t!("agreement-counted-coded")));
            egui::Grid::new("team_agreement").striped(true).num_columns(2).show(ui, |ui| {
                for m in SUMMARY_MEASURES {
                    let e = t.overall.get(m);
                    if m == Measure::CohenKappa && summary.names.len() != 2 {
                        continue;
                    }
                    ui.label(crate::i18n::values::measure(m));
                    ui.label(estimate_text(e));
                    ui.end_row();
                }
            });
            ui.weak(t!("team-agreement-intervals", confidence = crate::i18n::number(t.bootstrap.confidence * 100.0, 0), draws = t.bootstrap.draws));
        }
    }
    if ui
        .button(t!("team-open-agreement"))
        .on_hover_text(t!("team-open-agreement-tooltip", names = &names))
        .clicked()
    {
        commands.push(UiCommand::Team(TeamRequest::OpenAgreement(summary.names.clone())));
    }
}

/// `2026-12-07 13:50` from an RFC 3339 UTC time.
/// "Amara and Jonas", "Amara, Jonas and Priya".
fn names_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => t!("team-names", rest = rest.join(", "), last = last),
    }
}

fn when(t: &str) -> String {
    format!("{} {} UTC", t.get(..10).unwrap_or(t), t.get(11..16).unwrap_or(""))
}

fn parse(hex: &str) -> Color32 {
    crate::document::parse_color(hex)
}

fn swatch(ui: &mut egui::Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counting_ranges_cover_every_source_id_once() {
        let ids: Vec<SourceId> = (1..=250).map(|i| SourceId(i * 2)).collect();
        let loader = TeamLoader::new(1, &ids);
        assert_eq!(loader.ranges, [(SourceId(i64::MIN), SourceId(200)), (SourceId(201), SourceId(400)), (SourceId(401), SourceId(i64::MAX))]);
        assert_eq!(TeamLoader::new(1, &[]).ranges, [(SourceId(i64::MIN), SourceId(i64::MAX))]);
    }
}
