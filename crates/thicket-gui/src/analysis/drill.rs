//! The segments behind a number: the list a click on a cell opens under the table.
//!
//! In: what a view says a click means (`Behind`): the codings a cell counts (from
//! `analysis::cell_codings` and its kin), or pairs of codings (co-occurring, or A followed by
//! B). Out: one line per segment with its source, cases, speakers and code over a snippet of its
//! text; a click asks the app to show it in its document. The segments' text is read once, when
//! the list opens, through `Project::segments` restricted to the sources involved. The panel
//! that holds the list is drawn by `view::Tab`, the same for every view.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use egui::{Rect, Sense, TextStyle, Ui, pos2, vec2};

use super::{Ctx, Request};
use thicket_core::analysis::AnalysisData;
use thicket_core::model::{CodingId, TextSpan};
use thicket_core::project::{Segment, SegmentFilter};

/// The segments behind a clicked number, as a view says them.
pub(super) struct Behind {
    /// What was clicked, e.g. `Ruptures/Withdrawal · Harlow family`.
    pub title: String,
    /// The data the view's numbers come from.
    pub data: Arc<AnalysisData>,
    pub segments: Segments,
}

/// Which segments: the codings a cell counts, or pairs of codings.
pub(super) enum Segments {
    /// Listed like the retrieval pane (by source, then position).
    Codings(Vec<CodingId>),
    /// Listed pair by pair, in the given order; `first` and `second` name the two sides.
    Pairs { pairs: Vec<(CodingId, CodingId)>, first: String, second: String },
}

/// One line of the list.
struct DrillRow {
    /// Set for pairs: `pair 3 · A`.
    tag: Option<String>,
    coding: CodingId,
}

/// A drill-down list.
pub(super) struct DrillDown {
    /// What was clicked, e.g. `Ruptures/Withdrawal · Harlow family`.
    title: String,
    /// How many segments (or pairs) there are, e.g. `25 segments`.
    summary: String,
    rows: Vec<DrillRow>,
    /// Whether to keep the given order (pairs) or sort like the retrieval pane (by source, start).
    keep_order: bool,
    data: Arc<AnalysisData>,
    segments: Option<Result<HashMap<CodingId, Segment>, String>>,
}

const ROW_H: f32 = 46.0;

impl DrillDown {
    /// The list of what a click means.
    pub fn new(behind: Behind) -> Self {
        let Behind { title, data, segments } = behind;
        match segments {
            Segments::Codings(ids) => Self::codings(title, data, ids),
            Segments::Pairs { pairs, first, second } => Self::pairs(title, data, &pairs, &first, &second),
        }
    }

    /// The codings a cell counts.
    fn codings(title: String, data: Arc<AnalysisData>, ids: Vec<CodingId>) -> Self {
        let summary = t!("retrieval-segment-count", n = ids.len());
        let rows = ids.into_iter().map(|coding| DrillRow { tag: None, coding }).collect();
        DrillDown { title, summary, rows, keep_order: false, data, segments: None }
    }

    /// Pairs of codings, listed pair by pair: `first` and `second` name the two sides.
    fn pairs(title: String, data: Arc<AnalysisData>, pairs: &[(CodingId, CodingId)], first: &str, second: &str) -> Self {
        let distinct: HashSet<CodingId> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
        let summary = t!("drill-pairs-segments", pairs = pairs.len(), segments = distinct.len());
        let rows = pairs
            .iter()
            .enumerate()
            .flat_map(|(i, (a, b))| {
                [DrillRow { tag: Some(t!("drill-pair", n = i + 1, side = first)), coding: *a }, DrillRow { tag: Some(t!("drill-pair", n = i + 1, side = second)), coding: *b }]
            })
            .collect();
        DrillDown { title, summary, rows, keep_order: true, data, segments: None }
    }

    /// Reads the segments of the listed codings (once).
    fn load(&mut self, ctx: &Ctx) {
        if self.segments.is_some() {
            return;
        }
        let wanted: HashSet<CodingId> = self.rows.iter().map(|r| r.coding).collect();
        let sources: BTreeSet<_> = self.data.codings.iter().filter(|c| wanted.contains(&c.id)).map(|c| c.source).collect();
        // Naming every source would cost a lookup each: past half of them, read them all.
        let names: Vec<String> = if sources.len() * 2 > self.data.sources.len() {
            Vec::new()
        } else {
            sources.iter().filter_map(|s| self.data.sources.get(s).map(|s| s.name.clone())).collect()
        };
        if sources.is_empty() {
            self.segments = Some(Ok(HashMap::new()));
            return;
        }
        let filter = SegmentFilter { sources: names, ..Default::default() };
        let loaded = ctx.project.segments(&filter).map_err(|e| e.to_string()).map(|all| {
            all.into_iter().filter(|s| wanted.contains(&s.coding_id)).map(|s| (s.coding_id, s)).collect::<HashMap<_, _>>()
        });
        if let Ok(found) = &loaded
            && !self.keep_order
        {
            // The retrieval pane's order: by source, then position.
            self.rows.sort_by(|a, b| {
                let key = |r: &DrillRow| found.get(&r.coding).map(|s| (s.source.clone(), s.start, s.end, s.code.clone()));
                key(a).cmp(&key(b))
            });
        }
        self.segments = Some(loaded);
    }

    /// Draws the list under a heading; returns false when the user closed it.
    pub fn show(&mut self, ui: &mut Ui, ctx: &mut Ctx) -> bool {
        self.load(ctx);
        let mut open = true;
        ui.horizontal(|ui| {
            ui.strong(&self.summary);
            ui.label(&self.title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t!("drill-close-list")).clicked() {
                    open = false;
                }
            });
        });
        let segments = match &self.segments {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
                return open;
            }
            None => return open,
        };
        let font = TextStyle::Body.resolve(ui.style());
        let small = TextStyle::Small.resolve(ui.style());
        egui::ScrollArea::vertical().id_salt("drill").auto_shrink([false, false]).show_rows(ui, ROW_H, self.rows.len(), |ui, range| {
            for row in &self.rows[range] {
                let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), ROW_H), Sense::click());
                let Some(s) = segments.get(&row.coding) else {
                    ui.painter().text(rect.left_center(), egui::Align2::LEFT_CENTER, t!("drill-coding-gone"), small.clone(), ui.visuals().weak_text_color());
                    continue;
                };
                let who = if s.speakers.is_empty() { t!("drill-no-speaker").to_string() } else { s.speakers.join(", ") };
                let mut head = vec![s.source.clone(), s.cases.join(", "), who, s.code.clone(), t!("drill-coded-by", name = s.coder.as_str())];
                if let Some(tag) = &row.tag {
                    head.insert(0, tag.clone());
                }
                let head = head.join(" · ");
                let snippet = snippet(&s.text, 400);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{head}\n{snippet}")));
                let visuals = ui.visuals();
                if response.hovered() || response.has_focus() {
                    ui.painter().rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
                }
                let text_w = rect.width() - 12.0;
                let line = |text: String, font: egui::FontId, colour| {
                    let job = egui::text::LayoutJob {
                        wrap: egui::text::TextWrapping::truncate_at_width(text_w),
                        ..egui::text::LayoutJob::simple_singleline(text, font, colour)
                    };
                    ui.painter().layout_job(job)
                };
                let top = line(head, small.clone(), visuals.text_color().gamma_multiply(0.8));
                let bottom = line(snippet, font.clone(), visuals.text_color());
                ui.painter().galley(pos2(rect.left() + 6.0, rect.top() + 4.0), top, visuals.text_color());
                ui.painter().galley(pos2(rect.left() + 6.0, rect.top() + 22.0), bottom, visuals.text_color());
                let separator = Rect::from_min_size(pos2(rect.left(), rect.bottom() - 1.0), vec2(rect.width(), 1.0));
                ui.painter().rect_filled(separator, 0.0, visuals.widgets.noninteractive.bg_stroke.color);
                let response = response.on_hover_text(t!("retrieval-show-in-document"));
                if response.clicked()
                    && let Some(span) = TextSpan::new(s.start, s.end)
                {
                    ctx.requests.push(Request::Show(s.source_id, span));
                }
            }
        });
        open
    }
}

/// The first `max` chars of `text` on one line, with an ellipsis when cut.
fn snippet(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max { flat } else { format!("{}…", flat.chars().take(max - 1).collect::<String>()) }
}
