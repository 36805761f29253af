//! The "Search project" panel (Ctrl+Shift+F): a phrase or regular expression searched in every
//! source, hits listed with their source, paragraph, speaker and a few words either side; a click
//! opens the source at the hit. Below, the autocode section codes the hits.
//!
//! In: the project (read only), its generation and the window's listings (`Summary`). Out:
//! [`PanelRequest`]s the app acts on. A search runs when asked (Enter or the button), not per
//! frame, and runs again only when sources are added or removed. It runs in pieces
//! (`SearchRun`), a few milliseconds of each frame, with a progress bar and a Cancel button: a
//! common word reads every source, which at the reference scale is longer than a frame. The
//! pieces run on the UI thread because each reads a source through the project's connection,
//! which cannot leave it.

use egui::text::{LayoutJob, TextFormat};

use super::autocode_form::{AutocodeForm, AutocodeRequest};
use thicket_core::model::SourceId;
use crate::jobs::Jobs;
use crate::summary::Summary;
use thicket_core::project::{Project, SearchHit, SearchResults, SearchRun, SearchScope};
use thicket_core::text::{Folding, SearchPattern};

/// Hits listed at most; the rest are counted.
const LIST_LIMIT: usize = 500;

/// The longest a frame spends searching.
pub(super) const SEARCH_SLICE: std::time::Duration = std::time::Duration::from_millis(6);

/// A search under way: its pattern, the project generation it reads, and how far it is.
struct Running {
    pattern: SearchPattern,
    generation: u64,
    run: SearchRun,
}

/// What the user asked of the panel this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelRequest {
    /// Open the hit's source at the hit (and mark the pattern's hits there).
    Show(SearchHit, SearchPattern),
    Autocode(AutocodeRequest),
}

/// The panel's state, kept between frames.
#[derive(Default)]
pub struct ProjectSearch {
    open: bool,
    query: String,
    regex: bool,
    whole_word: bool,
    /// What a plain search ignores (the options row).
    folding: Folding,
    focus: bool,
    /// The last search: its pattern, and its results or why it could not run.
    last: Option<(SearchPattern, Result<SearchResults, String>)>,
    /// Number of sources when the last search ran.
    sources_seen: usize,
    running: Option<Running>,
    autocode: AutocodeForm,
}

impl ProjectSearch {
    /// Shows the panel with its field focused.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Whether the panel is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    fn pattern(&self) -> SearchPattern {
        let pattern = if self.regex { SearchPattern::regex(&self.query) } else { SearchPattern::plain(&self.query, self.whole_word) };
        pattern.with_folding(self.folding)
    }

    /// Starts the search; `step` goes on with it.
    fn run(&mut self, project: &Project, generation: u64, sources_now: usize) {
        let pattern = self.pattern();
        self.sources_seen = sources_now;
        match crate::phases::timed("search: start", || project.start_search(&pattern, &SearchScope { sources: Vec::new(), limit: LIST_LIMIT })) {
            Ok(run) => self.running = Some(Running { pattern, generation, run }),
            Err(e) => {
                self.running = None;
                self.last = Some((pattern, Err(e.to_string())));
            }
        }
    }

    /// Searches on for a slice of this frame; a search of an older project starts again.
    fn step(&mut self, project: &Project, generation: u64, sources_now: usize, slice: std::time::Duration) {
        let Some(running) = &mut self.running else { return };
        if running.generation != generation {
            let pattern = running.pattern.clone();
            self.running = None;
            return match project.start_search(&pattern, &SearchScope { sources: Vec::new(), limit: LIST_LIMIT }) {
                Ok(run) => {
                    self.sources_seen = sources_now;
                    self.running = Some(Running { pattern, generation, run });
                }
                Err(e) => self.last = Some((pattern, Err(e.to_string()))),
            };
        }
        match crate::phases::timed("search: a slice", || running.run.step(project, slice)) {
            Ok(false) => {}
            Ok(true) => {
                if let Some(done) = self.running.take() {
                    self.last = Some((done.pattern, Ok(done.run.finish())));
                }
            }
            Err(e) => {
                let pattern = running.pattern.clone();
                self.running = None;
                self.last = Some((pattern, Err(e.to_string())));
            }
        }
    }

    /// Whether a search or an autocode preview is under way (in the open panel: a closed panel
    /// does no work, and picks it up again when it opens).
    pub fn is_busy(&self) -> bool {
        self.open && (self.running.is_some() || self.autocode.is_busy())
    }

    /// "Searching… 120 of 1,000 sources", a bar and Cancel; returns true when cancelled.
    fn progress_line(&self, ui: &mut egui::Ui) -> bool {
        let Some(running) = &self.running else { return false };
        let (done, all) = running.run.sources_done();
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.label(t!("search-progress", done = done, all = all));
            ui.add(egui::ProgressBar::new(running.run.progress()).desired_width(100.0));
            cancel = ui.button(t!("search-cancel")).clicked();
        });
        // The next piece runs in the next frame.
        ui.ctx().request_repaint();
        cancel
    }

    /// Draws the panel's contents; returns what the user asked for.
    /// `coder` is the current coder: whose codings an autocode run adds (and skips).
    pub fn show(&mut self, ui: &mut egui::Ui, project: &Project, summary: &Summary, jobs: &Jobs, open_source: Option<SourceId>, coder: &str) -> Vec<PanelRequest> {
        let generation = summary.generation;
        let mut out = Vec::new();
        // Rows wrap: the panel may be given little width on a laptop (see `side_panels`).
        ui.horizontal_wrapped(|ui| {
            ui.heading(t!("search-title"));
            if ui.small_button(t!("search-close")).clicked() {
                self.open = false;
            }
        });
        // "Search for" and, on its line, the menu of what the search ignores (as in the find
        // bar), so that the panel keeps its height at 1024×700; a changed option searches again.
        let mut folding_changed = false;
        let label = ui
            .horizontal(|ui| {
                let label = ui.label(t!("search-for"));
                let regex = self.regex;
                ui.menu_button(t!("search-folding-options"), |ui| {
                    folding_changed = super::folding_options::folding_options(ui, &mut self.folding, regex);
                })
                .response
                .on_hover_text(t!("search-folding-options.tooltip"));
                label
            })
            .inner;
        let field = ui.add(egui::TextEdit::singleline(&mut self.query).hint_text(t!("search-hint")).desired_width(f32::INFINITY)).labelled_by(label.id);
        if std::mem::take(&mut self.focus) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        // One above the other in a narrow panel: side by side they would break inside their
        // words, and an unbroken one wider than the panel would widen everything below it.
        let options = |ui: &mut egui::Ui| {
            ui.checkbox(&mut self.regex, t!("search-regex"));
            ui.add_enabled_ui(!self.regex, |ui| ui.checkbox(&mut self.whole_word, t!("search-whole-words")));
            ui.add_enabled(!self.query.trim().is_empty(), egui::Button::new(t!("search-run"))).clicked()
        };
        let clicked = if ui.available_width() < 300.0 { ui.vertical(options).inner } else { ui.horizontal(options).inner };
        let refold = folding_changed && self.last.is_some() && !self.query.trim().is_empty();
        let sources_now = summary.sources.len();
        if entered || clicked || refold || (self.last.is_some() && self.running.is_none() && sources_now != self.sources_seen) {
            self.run(project, generation, sources_now);
        }
        self.step(project, generation, sources_now, jobs.slice(SEARCH_SLICE));
        if self.progress_line(ui) {
            if let Some(running) = self.running.take() {
                self.last = Some((running.pattern, Err(t!("search-cancelled").into())));
            }
            return out;
        }
        if self.running.is_some() {
            return out;
        }
        let Some((pattern, results)) = &self.last else {
            ui.weak(t!("search-help"));
            return out;
        };
        let results = match results {
            Ok(r) => r,
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return out;
            }
        };
        ui.label(summary_line(results));
        ui.separator();
        if let Some(hit) = hit_list(ui, &results.hits) {
            out.push(PanelRequest::Show(hit, pattern.clone()));
        }
        ui.separator();
        let pattern = pattern.clone();
        egui::CollapsingHeader::new(t!("search-autocode")).default_open(true).show(ui, |ui| {
            if let Some(request) = self.autocode.show(ui, project, summary, jobs, &pattern, open_source, coder) {
                out.push(PanelRequest::Autocode(request));
            }
        });
        out
    }
}

/// "12 hits in 3 sources", and how many are listed when not all are.
fn summary_line(results: &SearchResults) -> String {
    if results.hits.len() < results.total {
        t!("search-summary-first", hits = results.total, sources = results.sources_with_hits, shown = results.hits.len())
    } else {
        t!("search-summary", hits = results.total, sources = results.sources_with_hits)
    }
}

/// The hits, two or three lines each, in a list that lays out only the rows in view; returns
/// the one clicked.
fn hit_list(ui: &mut egui::Ui, hits: &[SearchHit]) -> Option<SearchHit> {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let row = ui.fonts_mut(|f| f.row_height(&body));
    let height = 3.0 * row + 2.0 * ui.spacing().button_padding.y + 2.0;
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("search_hits").max_height(ui.available_height() * 0.55).auto_shrink([false, true]).show_rows(
        ui,
        height,
        hits.len(),
        |ui, range| {
            let width = ui.available_width();
            for hit in &hits[range] {
                let job = hit_job(ui, hit, width - 2.0 * ui.spacing().button_padding.x);
                ui.allocate_ui_with_layout(egui::vec2(width, height), egui::Layout::top_down(egui::Align::LEFT), |ui| {
                    ui.set_min_height(height);
                    let response = ui.add(egui::Button::new(job).frame_when_inactive(false)).on_hover_text(t!("search-hit.tooltip"));
                    if response.clicked() {
                        clicked = Some(hit.clone());
                    }
                });
            }
        },
    );
    clicked
}

/// "Source · ¶12 · Dana" over the hit in its context, the hit marked.
fn hit_job(ui: &egui::Ui, hit: &SearchHit, width: f32) -> LayoutJob {
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let mut job = LayoutJob::default();
    job.wrap.max_width = width.max(80.0);
    job.wrap.max_rows = 3;
    let mut head = format!("{} · ¶{}", hit.source, hit.paragraph);
    if let Some(speaker) = &hit.speaker {
        head.push_str(&format!(" · {speaker}"));
    }
    head.push('\n');
    job.append(&head, 0.0, TextFormat { font_id: small, color: visuals.weak_text_color(), ..Default::default() });
    let plain = TextFormat { font_id: body.clone(), color: visuals.text_color(), ..Default::default() };
    let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    job.append(&one_line(&hit.before), 0.0, plain.clone());
    let marked = if visuals.dark_mode { egui::Color32::from_rgb(110, 95, 20) } else { egui::Color32::from_rgb(255, 236, 120) };
    job.append(&one_line(&hit.text), 0.0, TextFormat { background: marked, color: visuals.strong_text_color(), ..plain.clone() });
    job.append(&one_line(&hit.after), 0.0, plain);
    job
}
