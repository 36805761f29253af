//! The workbench's side panels (sources, codebook, project search) and the width they may take.
//!
//! The document is what researchers read, so it keeps a readable measure (about 45 characters of
//! its font) and the side panels give way: first they shrink towards their minimum, then the one
//! shown longest ago becomes a thin strip. The user can also fold a panel to a strip and bring it
//! back; that choice is remembered in the preferences (`Prefs::folded`).
//!
//! In: the room the window has, what the central area needs, each panel's wanted width (the
//! default for the window's size, or what the user dragged it to) and whether it is folded. Out:
//! per panel, this frame's width or a strip. [`allot`] is pure; [`SidePanels`] keeps the state
//! between frames and draws the panels' frames, the strips and the fold buttons, while the
//! panels' contents stay with their modules.
//!
//! A panel's width is set every frame (`exact_size`), so egui never lets content push a panel
//! wider than its share; only while the user drags its edge is the range opened, up to the room
//! that is left.

use serde::{Deserialize, Serialize};

/// Width of a folded panel's strip, in points.
pub const STRIP: f32 = 22.0;
/// Narrowest a shown side panel gets before it gives way to a strip, in points.
pub const MIN_WIDTH: f32 = 130.0;

/// A side panel of the workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Sources,
    Codebook,
    ProjectSearch,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Sources, Side::Codebook, Side::ProjectSearch];

    /// The name on its strip and in its buttons.
    pub fn title(self) -> &'static str {
        match self {
            Side::Sources => t!("side-sources"),
            Side::Codebook => t!("side-codebook"),
            Side::ProjectSearch => t!("side-search-project"),
        }
    }

    fn id_salt(self) -> &'static str {
        match self {
            Side::Sources => "navigator",
            Side::Codebook => "codebook",
            Side::ProjectSearch => "project_search",
        }
    }

    fn is_left(self) -> bool {
        self == Side::Sources
    }

    /// First width on a window `window` points wide: narrower on a laptop, so the document
    /// starts with room rather than being squeezed.
    fn default_width(self, window: f32) -> f32 {
        let (share, most) = match self {
            Side::Sources => (0.22, 300.0),
            Side::Codebook => (0.21, 280.0),
            Side::ProjectSearch => (0.26, 340.0),
        };
        (window * share).clamp(MIN_WIDTH, most)
    }

    /// Which panel gives way first when all cannot be shown: the lowest rank. The codebook is
    /// what coding needs most, so it outlasts the sources by default; a panel the user opens
    /// later outranks both.
    fn first_rank(self) -> u64 {
        match self {
            Side::Sources => 1,
            Side::Codebook => 2,
            Side::ProjectSearch => 3,
        }
    }

    /// The accessible name of the button that folds it.
    pub fn fold_label(self) -> String {
        match self {
            Side::Sources => t!("side-fold-sources"),
            Side::Codebook => t!("side-fold-codebook"),
            Side::ProjectSearch => t!("side-fold-search-project"),
        }
        .to_string()
    }

    /// The accessible name of its strip's button, which unfolds it.
    pub fn unfold_label(self) -> String {
        match self {
            Side::Sources => t!("side-show-sources"),
            Side::Codebook => t!("side-show-codebook"),
            Side::ProjectSearch => t!("side-show-search-project"),
        }
        .to_string()
    }
}

/// What one panel asks of the budget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wish {
    /// Its width when there is room.
    pub wanted: f32,
    /// Folded by the user: a strip whatever the room.
    pub folded: bool,
    /// Higher ranks keep their place longer.
    pub rank: u64,
    /// The panel the user last opened or unfolded: shown at least at [`MIN_WIDTH`] even when
    /// the document then gets less than its measure (only on the smallest windows), since a
    /// strip that does not open when clicked would be a dead end.
    pub insist: bool,
}

/// What one panel gets this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Allotment {
    /// A strip of [`STRIP`] points with a button to bring the panel back.
    Strip,
    /// Shown this wide; `spare` more while the user drags its edge.
    Width { width: f32, spare: f32 },
}

/// Shares `room` points between the panels of `wishes`, keeping `reserved` for the central
/// area: folded panels are strips; if the rest do not fit at [`MIN_WIDTH`], the lowest ranked
/// become strips until they do; the others shrink in proportion to their wanted widths when
/// those do not fit, and the room left over is theirs to drag into, shared equally.
pub fn allot(room: f32, reserved: f32, wishes: &[Wish]) -> Vec<Allotment> {
    let mut strip: Vec<bool> = wishes.iter().map(|w| w.folded).collect();
    let mut by_rank: Vec<usize> = (0..wishes.len()).collect();
    by_rank.sort_by_key(|&i| wishes[i].rank);
    let budget = |strip: &[bool]| room - reserved - STRIP * strip.iter().filter(|s| **s).count() as f32;
    for &i in &by_rank {
        let shown = (0..wishes.len()).filter(|&j| !strip[j]).count() as f32;
        if strip[i] || wishes[i].insist || shown * MIN_WIDTH <= budget(&strip) {
            continue;
        }
        strip[i] = true;
    }
    let budget = budget(&strip).max(0.0);
    let shown: Vec<usize> = (0..wishes.len()).filter(|&i| !strip[i]).collect();
    let widths = shrink_to_fit(budget, &shown.iter().map(|&i| wishes[i].wanted.max(MIN_WIDTH)).collect::<Vec<_>>());
    let spare = ((budget - widths.iter().sum::<f32>()) / shown.len().max(1) as f32).max(0.0);
    let mut out = vec![Allotment::Strip; wishes.len()];
    for (&i, width) in shown.iter().zip(widths) {
        out[i] = Allotment::Width { width, spare };
    }
    out
}

/// The widths `wanted`, shrunk in proportion to fit `budget`, none below [`MIN_WIDTH`] (those
/// that would be are held there and the rest shrink more). The caller has made sure the
/// minimums fit.
fn shrink_to_fit(budget: f32, wanted: &[f32]) -> Vec<f32> {
    if wanted.iter().sum::<f32>() <= budget {
        return wanted.iter().map(|w| w.floor()).collect();
    }
    let mut held = vec![false; wanted.len()];
    loop {
        let fixed = held.iter().filter(|h| **h).count() as f32 * MIN_WIDTH;
        let free: f32 = wanted.iter().zip(&held).filter(|(_, h)| !**h).map(|(w, _)| w).sum();
        let scale = ((budget - fixed) / free.max(1.0)).max(0.0);
        let newly: Vec<usize> = (0..wanted.len()).filter(|&i| !held[i] && wanted[i] * scale < MIN_WIDTH).collect();
        if newly.is_empty() {
            return wanted.iter().zip(&held).map(|(w, h)| if *h { MIN_WIDTH } else { (w * scale).floor() }).collect();
        }
        newly.into_iter().for_each(|i| held[i] = true);
    }
}

/// One panel's state between frames.
#[derive(Debug, Clone, Copy, Default)]
struct PanelState {
    /// What the user dragged it to; `None`: the default for the window.
    wanted: Option<f32>,
    rank: u64,
    /// Shown in the last frame, and where (for telling a drag of its edge).
    last: Option<egui::Rect>,
    present: bool,
    /// Its edge was being dragged in the last frame.
    dragged: bool,
}

/// The side panels' widths and ranks, kept between frames; the folded set lives in the prefs.
#[derive(Debug, Default)]
pub struct SidePanels {
    panels: [PanelState; 3],
    allotted: [Option<Allotment>; 3],
    clock: u64,
    /// A strip's button was clicked: unfold this panel (the app saves the prefs).
    pub unfold: Option<Side>,
    /// A fold button was clicked.
    pub fold: Option<Side>,
    /// A panel's edge was let go after a drag: [`Self::widths`] changed, to be remembered.
    pub resized: bool,
}

impl SidePanels {
    fn state(&mut self, side: Side) -> &mut PanelState {
        &mut self.panels[side as usize]
    }

    /// Starts from the widths the user gave the panels last time (the prefs keep them).
    pub fn with_widths(widths: &std::collections::BTreeMap<Side, f32>) -> Self {
        let mut panels = SidePanels::default();
        for (side, width) in widths {
            panels.state(*side).wanted = Some(width.max(MIN_WIDTH));
        }
        panels
    }

    /// The widths the user gave the panels by dragging their edges, to remember.
    pub fn widths(&self) -> std::collections::BTreeMap<Side, f32> {
        Side::ALL.into_iter().filter_map(|s| Some((s, self.panels[s as usize].wanted?.round()))).collect()
    }

    /// Raises `side` above the others, so that it keeps its place when room runs out (a panel
    /// just opened or unfolded is the one the user wants to see).
    pub fn raise(&mut self, side: Side) {
        self.clock += 1;
        let rank = 10 + self.clock;
        self.state(side).rank = rank;
    }

    /// Plans this frame: `present` says which panels are open, `folded` which the user folded,
    /// `reserved` what the central area needs; `ui` is the one the panels will be shown in.
    pub fn plan(&mut self, ui: &egui::Ui, present: [bool; 3], folded: impl Fn(Side) -> bool, reserved: f32) {
        let room = ui.available_rect_before_wrap().width();
        let window = ui.ctx().content_rect().width();
        for side in Side::ALL {
            let state = self.state(side);
            if state.rank == 0 {
                state.rank = side.first_rank();
            }
            let appeared = present[side as usize] && !state.present;
            state.present = present[side as usize];
            if appeared && side == Side::ProjectSearch {
                self.raise(side);
            }
        }
        let shown: Vec<Side> = Side::ALL.into_iter().filter(|s| present[*s as usize]).collect();
        let wishes: Vec<Wish> = shown
            .iter()
            .map(|&s| Wish { wanted: self.panels[s as usize].wanted.unwrap_or_else(|| s.default_width(window)), folded: folded(s), rank: self.panels[s as usize].rank, insist: self.clock > 0 && self.panels[s as usize].rank == 10 + self.clock })
            .collect();
        self.allotted = [None; 3];
        for (side, allotment) in shown.iter().zip(allot(room, reserved, &wishes)) {
            self.allotted[*side as usize] = Some(allotment);
        }
    }

    /// This frame's allotment of `side` (after [`Self::plan`]); `None` when it is not open.
    pub fn allotment(&self, side: Side) -> Option<Allotment> {
        self.allotted[side as usize]
    }

    /// Shows `side` as planned: its panel, or its strip. A foldable panel gets a title row: its
    /// name, what `extra` adds (a count), and the fold button at the right. `contents` draws the
    /// rest (not called for a strip). The project search is not foldable: it closes instead.
    pub fn show<R>(&mut self, ui: &mut egui::Ui, side: Side, foldable: bool, extra: impl FnOnce(&mut egui::Ui), contents: impl FnOnce(&mut egui::Ui) -> R) -> Option<R> {
        let allotment = self.allotment(side)?;
        let Allotment::Width { width, spare } = allotment else {
            self.state(side).last = None;
            self.strip(ui, side);
            return None;
        };
        let dragging = self.dragging_edge(ui, side);
        let panel = if side.is_left() { egui::Panel::left(side.id_salt()) } else { egui::Panel::right(side.id_salt()) };
        let panel = if dragging { panel.size_range(MIN_WIDTH..=width + spare) } else { panel.exact_size(width) };
        let mut fold = false;
        let response = panel.resizable(true).show(ui, |ui| {
            // Contents wider than the panel are clipped, never allowed to widen it: egui grows a
            // panel to fit what is drawn in it, and a right panel grown that way slides off the
            // window's edge.
            let inner = ui.max_rect();
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner).layout(*ui.layout()));
            child.shrink_clip_rect(inner);
            if foldable {
                child.horizontal(|ui| {
                    // The title gives way (cut with "…") to the fold button and the count beside
                    // it, so that a long title ("Libro de códigos" at 200%) never pushes the
                    // button past the panel's edge.
                    let reserve = if side == Side::Sources { 64.0 } else { 28.0 };
                    let room = (ui.available_width() - reserve).max(24.0);
                    ui.scope(|ui| {
                        ui.set_max_width(room);
                        ui.add(egui::Label::new(egui::RichText::new(side.title()).heading()).truncate());
                    });
                    extra(ui);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| fold = fold_button(ui, side));
                });
            }
            let inner_response = contents(&mut child);
            ui.advance_cursor_after_rect(inner);
            inner_response
        });
        let state = self.state(side);
        state.last = Some(response.response.rect);
        if dragging {
            state.wanted = Some(response.response.rect.width());
        }
        let released = state.dragged && !dragging;
        state.dragged = dragging;
        self.resized |= released;
        if fold {
            self.fold = Some(side);
        }
        Some(response.inner)
    }

    /// Whether the primary button went down on `side`'s inner edge and is still held: the user
    /// is resizing it, so its width follows the pointer rather than the plan.
    fn dragging_edge(&self, ui: &egui::Ui, side: Side) -> bool {
        let state = &self.panels[side as usize];
        // Once started, a drag goes on while the button is held, wherever the edge has moved to.
        if state.dragged {
            return ui.input(|i| i.pointer.primary_down());
        }
        let Some(rect) = state.last else { return false };
        let edge = if side.is_left() { rect.right() } else { rect.left() };
        let grab = ui.style().interaction.resize_grab_radius_side + 2.0;
        ui.input(|i| i.pointer.primary_down() && i.pointer.press_origin().is_some_and(|p| (p.x - edge).abs() <= grab && rect.y_range().contains(p.y)))
    }

    /// A folded panel: a thin strip with its name written downwards; a click brings it back.
    fn strip(&mut self, ui: &mut egui::Ui, side: Side) {
        let panel = if side.is_left() { egui::Panel::left(format!("{}_strip", side.id_salt())) } else { egui::Panel::right(format!("{}_strip", side.id_salt())) };
        let clicked = panel
            .exact_size(STRIP)
            .resizable(false)
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(1, 4)))
            .show(ui, |ui| {
                // The whole strip is one button: an arrow at the top, the panel's name below it.
                let (rect, response) = ui.allocate_exact_size(ui.available_size_before_wrap(), egui::Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, side.unfold_label()));
                let visuals = ui.style().interact(&response);
                if response.hovered() || response.has_focus() {
                    ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
                }
                let font = egui::TextStyle::Body.resolve(ui.style());
                let arrow = if side.is_left() { "»" } else { "«" };
                ui.painter().text(egui::pos2(rect.center().x, rect.top() + 8.0), egui::Align2::CENTER_CENTER, arrow, font.clone(), visuals.text_color());
                let galley = ui.painter().layout_no_wrap(side.title().to_string(), font, ui.visuals().weak_text_color());
                // Written downwards, read with the head tilted right, as book spines are.
                let at = egui::pos2(rect.center().x + galley.size().y / 2.0, rect.top() + 22.0);
                ui.painter().add(egui::epaint::TextShape::new(at, galley, visuals.text_color()).with_angle(std::f32::consts::FRAC_PI_2));
                response.on_hover_text(side.unfold_label()).on_hover_cursor(egui::CursorIcon::PointingHand).clicked()
            })
            .inner;
        if clicked {
            self.unfold = Some(side);
            self.raise(side);
        }
    }
}

/// A small « (» on the right) that folds the panel to its strip; true when clicked.
fn fold_button(ui: &mut egui::Ui, side: Side) -> bool {
    let arrow = if side.is_left() { "«" } else { "»" };
    let response = ui.add(egui::Button::new(arrow).small().frame_when_inactive(false));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, side.fold_label()));
    response.on_hover_text(side.fold_label()).clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(a: Allotment) -> f32 {
        match a {
            Allotment::Width { width, .. } => width,
            Allotment::Strip => STRIP,
        }
    }

    fn wish(wanted: f32, rank: u64) -> Wish {
        Wish { wanted, folded: false, rank, insist: false }
    }

    #[test]
    fn panels_keep_their_widths_when_there_is_room_and_share_what_is_left() {
        let got = allot(1400.0, 500.0, &[wish(300.0, 1), wish(280.0, 2)]);
        assert_eq!(got, vec![Allotment::Width { width: 300.0, spare: 160.0 }, Allotment::Width { width: 280.0, spare: 160.0 }]);
    }

    #[test]
    fn panels_shrink_in_proportion_before_the_document_does() {
        let got: Vec<f32> = allot(1000.0, 500.0, &[wish(300.0, 1), wish(200.0, 2), wish(500.0, 3)]).into_iter().map(width).collect();
        // 500 points for 1000 wanted: halves would put the second under the minimum, so it is
        // held there and the others shrink a little more.
        assert_eq!(got, [138.0, 130.0, 231.0]);
    }

    #[test]
    fn the_lowest_ranked_panel_becomes_a_strip_when_minimums_do_not_fit() {
        assert!(allot(900.0, 500.0, &[wish(300.0, 1), wish(280.0, 2), wish(340.0, 3)]).iter().all(|a| matches!(a, Allotment::Width { .. })));
        let got = allot(880.0, 500.0, &[wish(300.0, 1), wish(280.0, 2), wish(340.0, 3)]);
        // Three minimums (390) fit in 400: all shown; in 380 they do not, and the sources
        // (rank 1) give way.
        assert_eq!(got[0], Allotment::Strip);
        assert!(matches!(got[1], Allotment::Width { .. }) && matches!(got[2], Allotment::Width { .. }));
        let widths: f32 = got.iter().map(|a| if let Allotment::Width { width, .. } = a { *width } else { STRIP }).sum();
        assert!(widths <= 380.0, "{widths}");
    }

    #[test]
    fn folded_panels_are_strips_whatever_the_room() {
        let got = allot(3000.0, 500.0, &[Wish { wanted: 300.0, folded: true, rank: 1, insist: false }, wish(280.0, 2)]);
        assert_eq!(got[0], Allotment::Strip);
    }

    #[test]
    fn the_panel_just_opened_is_shown_even_with_no_room_to_spare() {
        let got = allot(480.0, 500.0, &[wish(300.0, 1), Wish { insist: true, ..wish(280.0, 12) }]);
        assert_eq!(got, vec![Allotment::Strip, Allotment::Width { width: MIN_WIDTH, spare: 0.0 }]);
    }

    #[test]
    fn with_no_room_at_all_every_panel_is_a_strip() {
        let got = allot(480.0, 500.0, &[wish(300.0, 1), wish(280.0, 2)]);
        assert_eq!(got, vec![Allotment::Strip, Allotment::Strip]);
    }
}
