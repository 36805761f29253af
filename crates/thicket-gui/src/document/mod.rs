//! The document view: a source's text with its codings, fast on long and densely coded texts.
//!
//! In: a `&Project` (read once by [`DocumentView::load`], and again for codings only by
//! [`DocumentView::refresh_codings`]), the egui input of each frame, and requests from the app
//! (`set_selection`, `scroll_to_char`, `set_search_hits`). Out: the painted view and a
//! [`DocumentResponse`] saying what the user asked for (a coding clicked, a coding to remove,
//! codes under the pointer), plus the selection, readable at any time. The view never writes to
//! the project.
//!
//! How it stays fast (see ../shared/EGUI-NOTES.md): one galley per paragraph, laid out only when
//! it comes into view and kept until the wrap width or its highlights change
//! ([`layout`]); paragraph heights are estimated until laid out and found by binary search over
//! prefix sums ([`heights`]); painting touches only the visible paragraphs. When paragraphs above
//! the viewport get their exact height, the scroll offset is corrected by the difference, so the
//! text being read does not jump.
//!
//! Submodules: [`content`] (what to show, pure), [`heights`], [`layout`], [`stripes`] (margin
//! lanes, pure), [`selection`] (selection model and galley geometry), `paint` and `interact`
//! (the frame itself).

mod access;
mod content;
mod heights;
mod interact;
mod keyboard;
mod layout;
mod paint;
mod selection;
mod stripes;

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, Pos2, Rect};

use self::content::{Highlights, MarginTime, SpeakerMark, code_styles, margin_times, speaker_marks};
use self::heights::{Heights, estimate_rows};
use self::layout::{GalleyCache, Invalidated, JobInput, line_lengths, paragraph_job, text_font};
pub use self::layout::{READABLE_CHARS, readable_measure};
use self::selection::Selection;
use thicket_core::error::Result;
use thicket_core::model::*;
use thicket_core::project::Project;
use thicket_core::text::TextIndex;

/// Widest text column, in points: long lines are hard to read.
const MAX_TEXT_WIDTH: f32 = 760.0;
/// Space below each paragraph, in points.
const PARAGRAPH_GAP: f32 = 10.0;

/// What the user did in the view during one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentResponse {
    /// A coding stripe was clicked: that coding (its text is now the selection).
    pub clicked_coding: Option<CodingId>,
    /// Codes of the highlight or stripe under the pointer, in codebook order.
    pub hovered_codes: Vec<CodeId>,
    /// "Remove coding of …" was chosen in a highlight's or a stripe's context menu.
    pub remove_coding: Option<CodingId>,
    /// "Change code of …" was chosen: recode this coding with that code.
    pub recode: Option<(CodingId, CodeId)>,
    /// "Resize coding of … to the selection" was chosen: the coding and its new span.
    pub resize_coding: Option<(CodingId, TextSpan)>,
    /// "Memo on the selected passage…" was chosen: that passage.
    pub memo_on_selection: Option<TextSpan>,
    /// A code from the codebook was dragged and dropped onto the text.
    pub dropped_code: Option<CodeId>,
    /// "Code selection with…" → this code was chosen in the text's context menu.
    pub code_with: Option<CodeId>,
    /// "Memo on coding of …" was chosen in a highlight's or a stripe's context menu.
    pub memo_for_coding: Option<CodingId>,
    /// The selection differs from the previous frame's.
    pub selection_changed: bool,
}

/// A loaded source, ready to paint.
pub struct DocumentView {
    pub source: Source,
    pub cases: Vec<String>,
    pub coding_count: usize,
    /// A vertical offset (points from the top of the text) to scroll to on the next frame, at once.
    pub scroll_to: Option<f32>,
    text: String,
    index: TextIndex,
    highlights: Highlights,
    /// Per paragraph: the speaker labels in it.
    speakers: Vec<Vec<SpeakerMark>>,
    /// Per paragraph: the media times its margin shows.
    margin_times: Vec<Vec<MarginTime>>,
    /// Participant → "Name (role)", for tooltips.
    people: HashMap<ParticipantId, String>,
    /// Coder → name and colour, to tell two coders' codings apart in menus, tooltips and stripes.
    coders: HashMap<CoderId, (String, Color32)>,
    /// Whose codings are shown (the Team view's ticks, blind mode).
    coder_filter: crate::team::CoderFilter,
    has_timestamps: bool,
    galleys: GalleyCache,
    heights: Heights,
    /// Average glyph advance of the text, measured on the first frame, for height estimates.
    char_width: Option<f32>,
    /// Lanes the margin has room for; grows, never shrinks, so the text does not shift sideways.
    lane_slots: usize,
    selection: Selection,
    /// Extending the selection with the pointer (primary button held since a press on the text).
    dragging: bool,
    jump: Option<Jump>,
    /// Where the last frame put things, for mapping screen positions back to chars.
    geometry: Option<Geometry>,
    view_height: f32,
    hovered: Vec<CodeId>,
    /// The coding whose stripe is under the pointer: its text is outlined.
    hovered_stripe: Option<usize>,
    /// Codings offered by the open context menu, captured when it was opened.
    menu: Vec<CodingId>,
    /// Where the last jump (a segment, a search hit) landed: outlined, not selected, until the
    /// user next presses on the text, so that nothing is left behind for a code to apply to.
    landed: Option<TextSpan>,
    /// Search hits to mark (sorted, disjoint) and the one the find bar is on.
    search_hits: Vec<TextSpan>,
    current_hit: Option<usize>,
    /// The coding F8 / Shift+F8 last stepped to, while it is still the selection.
    keyboard_coding: Option<CodingId>,
    /// A newly opened source takes the keyboard, so that the caret keys work at once.
    wants_focus: bool,
    /// Where the context menu opened from the keyboard (Shift+F10) shows, while it is open, and
    /// whether it opens this frame.
    menu_at: Option<Pos2>,
    menu_opening: bool,
}

/// Participant → "Name (role)", as tooltips and the margin show them.
fn people_labels(project: &Project) -> Result<HashMap<ParticipantId, String>> {
    Ok(project
        .participants()?
        .into_iter()
        .map(|p| (p.id, match p.role { Some(role) => format!("{} ({})", p.name, role.replace('_', " ")), None => p.name }))
        .collect())
}

/// Coder → name and colour, as the view shows them.
fn coder_looks(project: &Project) -> Result<HashMap<CoderId, (String, Color32)>> {
    Ok(project.coders()?.into_iter().map(|c| (c.id, (c.name, parse_color(&c.color)))).collect())
}

/// A requested scroll to a char, driven over a few frames until it is in view and still.
#[derive(Debug, Clone, Copy)]
struct Jump {
    ch: usize,
    frames: u32,
    last_offset: f32,
}

/// Horizontal layout of the margin and text column, in points from the content's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Columns {
    /// Right edges of the timestamp, paragraph-number and line-number columns.
    time_right: f32,
    paragraph_right: f32,
    line_right: f32,
    lanes_left: f32,
    lane_width: f32,
    text_left: f32,
    wrap: f32,
}

/// One frame's placement of the content on screen.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    /// Screen position of the content's top-left corner (moves as the view scrolls).
    origin: Pos2,
    /// The visible part of the content, in content coordinates.
    viewport: Rect,
    /// The visible part on screen.
    clip: Rect,
    columns: Columns,
}

impl DocumentView {
    /// Loads a source's text, turns and codings. Nothing is laid out until the first frame.
    pub fn load(project: &Project, id: SourceId) -> Result<Self> {
        Self::load_filtered(project, id, crate::team::CoderFilter::Everyone)
    }

    /// `load`, showing only the codings `filter` lets through.
    pub fn load_filtered(project: &Project, id: SourceId, coder_filter: crate::team::CoderFilter) -> Result<Self> {
        let source = project.source(id)?.ok_or_else(|| thicket_core::Error::not_found(format!("no source with id {id}")))?;
        let text = project.source_text(id)?;
        let index = TextIndex::new(&text);
        let mut codings = project.codings_unquoted(id)?;
        codings.retain(|c| coder_filter.passes(c.coder_id));
        let highlights = Highlights::new(index.paragraphs(), codings, code_styles(&project.codebook()?), index.char_len());
        let turns = project.turns(id)?;
        let speakers = speaker_marks(&text, &index, &turns);
        let margin_times = margin_times(index.paragraphs(), &speakers, &turns, &source.time_marks);
        let people = people_labels(project)?;
        let cases = project.cases_by_source()?.remove(&id).unwrap_or_default();
        let coders = coder_looks(project)?;
        Ok(DocumentView {
            source,
            cases,
            coding_count: highlights.codings.len(),
            scroll_to: None,
            has_timestamps: margin_times.iter().any(|t| !t.is_empty()),
            margin_times,
            lane_slots: highlights.lanes.count(),
            text,
            index,
            highlights,
            speakers,
            people,
            coders,
            coder_filter,
            galleys: GalleyCache::default(),
            heights: Heights::default(),
            char_width: None,
            selection: Selection::default(),
            dragging: false,
            jump: None,
            geometry: None,
            view_height: 0.0,
            hovered: Vec::new(),
            hovered_stripe: None,
            menu: Vec::new(),
            landed: None,
            search_hits: Vec::new(),
            current_hit: None,
            keyboard_coding: None,
            wants_focus: true,
            menu_at: None,
            menu_opening: false,
        })
    }

    /// Re-reads the source's codings and the codebook's colours; only paragraphs whose
    /// highlights changed are laid out again (heights stay: highlights do not move text).
    pub fn refresh_codings(&mut self, project: &Project) -> Result<()> {
        let mut codings = project.codings_unquoted(self.source.id)?;
        codings.retain(|c| self.coder_filter.passes(c.coder_id));
        let newer = Highlights::new(self.index.paragraphs(), codings, code_styles(&project.codebook()?), self.index.char_len());
        for i in self.highlights.changed(&newer) {
            self.galleys.forget(i);
        }
        self.coders = coder_looks(project)?;
        self.coding_count = newer.codings.len();
        self.lane_slots = self.lane_slots.max(newer.lanes.count());
        self.highlights = newer;
        self.menu.clear();
        self.hovered_stripe = None;
        Ok(())
    }

    /// Whose codings the view shows; the next `refresh` applies a new filter.
    pub fn set_coder_filter(&mut self, filter: crate::team::CoderFilter) {
        self.coder_filter = filter;
    }

    /// The name and colour the view shows for a coder (in tooltips, menus and the marks on
    /// the stripes).
    pub fn coder_look(&self, id: CoderId) -> Option<(&str, Color32)> {
        self.coders.get(&id).map(|(name, color)| (name.as_str(), *color))
    }

    /// Names of the coders whose codings the view shows, sorted.
    pub fn shown_coders(&self) -> Vec<String> {
        let mut names: Vec<String> = self.highlights.codings.iter().map(|c| self.coder_name(c.coder_id).to_string()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// Catches up with a change to the project without rebuilding the view: the source's name,
    /// kind and date, its cases, speakers and codings. Only paragraphs whose highlights or speaker
    /// marks changed are laid out again; the selection and the reading position stay.
    pub fn refresh(&mut self, project: &Project) -> Result<()> {
        let id = self.source.id;
        self.source = project.source(id)?.ok_or_else(|| thicket_core::Error::not_found(format!("no source with id {id}")))?;
        self.cases = project.cases_by_source()?.remove(&id).unwrap_or_default();
        let turns = project.turns(id)?;
        let speakers = speaker_marks(&self.text, &self.index, &turns);
        let people = people_labels(project)?;
        for (i, (old, new)) in self.speakers.iter().zip(&speakers).enumerate() {
            let renamed = new.iter().any(|m| self.people.get(&m.participant) != people.get(&m.participant));
            if old != new || renamed {
                self.galleys.forget(i);
            }
        }
        self.margin_times = margin_times(self.index.paragraphs(), &speakers, &turns, &self.source.time_marks);
        self.has_timestamps = self.margin_times.iter().any(|t| !t.is_empty());
        self.speakers = speakers;
        self.people = people;
        self.refresh_codings(project)
    }

    /// What the margin's time column shows beside paragraph `i` (0-based), as painted: `00:02:05`.
    pub fn margin_times_of(&self, i: usize) -> Vec<String> {
        self.margin_times.get(i).into_iter().flatten().map(|t| content::format_timestamp(t.ms)).collect()
    }

    /// The speaker labels the view colours in paragraph `i` (0-based): each label's text and the
    /// participant it is coloured for.
    pub fn speaker_labels_of(&self, i: usize) -> Vec<(String, ParticipantId)> {
        self.speakers
            .get(i)
            .into_iter()
            .flatten()
            .filter_map(|m| Some((self.text.get(self.index.char_range_to_byte_range(m.label.clone())?)?.to_string(), m.participant)))
            .collect()
    }

    /// The selected chars (half-open, may span paragraphs); `None` when nothing is selected.
    pub fn selection(&self) -> Option<TextSpan> {
        self.selection.span()
    }

    /// Selects `span` (clamped to the text), or clears the selection.
    pub fn set_selection(&mut self, span: Option<TextSpan>) {
        self.selection = match span {
            Some(s) => Selection { anchor: s.start, cursor: s.end }.clamped(self.index.char_len()),
            None => Selection::at(self.selection.cursor),
        };
    }

    /// The selected text, exactly as stored.
    pub fn selected_text(&self) -> Option<&str> {
        let span = self.selection()?;
        self.text.get(self.index.char_range_to_byte_range(span.start..span.end)?)
    }

    /// Brings char `ch` into view on the next frames: at once if it is far, then smoothly, centred.
    pub fn scroll_to_char(&mut self, ch: usize) {
        self.jump = Some(Jump { ch: ch.min(self.index.char_len()), frames: 0, last_offset: f32::NAN });
    }

    /// Brings `span` into view (a retrieved segment, a search hit): the caret goes to its start
    /// and the span is outlined, but not selected. A jump is for reading: a selection left behind
    /// would be coded by the next quick key. Shift-click extends a selection from the caret.
    pub fn reveal(&mut self, span: TextSpan) {
        self.selection = Selection::at(span.start.min(self.index.char_len()));
        self.landed = Some(span);
        self.scroll_to_char(span.start);
    }

    /// Where the last jump landed, while it is still outlined.
    pub fn landed(&self) -> Option<TextSpan> {
        self.landed
    }

    /// Whether the user is still selecting with the pointer (the button is held).
    pub fn is_selecting(&self) -> bool {
        self.dragging
    }

    /// The visible text area on screen in the last frame.
    pub fn text_clip_rect(&self) -> Option<Rect> {
        self.geometry.map(|g| g.clip)
    }

    /// The coding with this id, if it is in this source.
    pub fn coding(&self, id: CodingId) -> Option<&thicket_core::model::Coding> {
        self.highlights.codings.iter().find(|c| c.id == id)
    }

    /// Marks search hits (sorted by start, disjoint) beneath the coding highlights, `current` more
    /// strongly. Painted as shapes over visible paragraphs only: nothing is laid out again.
    pub fn set_search_hits(&mut self, hits: Vec<TextSpan>, current: Option<usize>) {
        self.current_hit = current.filter(|&i| i < hits.len());
        self.search_hits = hits;
    }

    /// The marked search hits and the current one.
    pub fn search_hits(&self) -> (&[TextSpan], Option<usize>) {
        (&self.search_hits, self.current_hit)
    }

    /// The first char of the paragraph at the top of the view in the last frame (0 before the
    /// first frame): where a search starts looking, like a browser's find.
    pub fn first_visible_char(&self) -> usize {
        self.geometry
            .and_then(|geo| self.heights.block_at(geo.viewport.top()))
            .and_then(|i| self.index.paragraphs().get(i))
            .map_or(0, |p| p.start)
    }

    /// Whether a `scroll_to_char` is still under way.
    pub fn is_scrolling(&self) -> bool {
        self.jump.is_some()
    }

    /// The source's full text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Codes under the pointer in the last frame.
    pub fn hovered_codes(&self) -> &[CodeId] {
        &self.hovered
    }

    /// Where char `ch` was on screen in the last frame, if its paragraph was visible: a zero-width
    /// rectangle the height of its row, at the char's left edge.
    pub fn char_screen_rect(&self, ch: usize) -> Option<Rect> {
        let geo = self.geometry?;
        let rect = self.char_rect(ch, geo.columns.text_left)?.translate(geo.origin.to_vec2());
        geo.clip.intersects(rect.expand(0.5)).then_some(rect)
    }

    /// Where the stripe of coding `id` was on screen in the last frame (its first visible
    /// paragraph's piece), if it was visible.
    pub fn stripe_screen_rect(&self, id: CodingId) -> Option<Rect> {
        let geo = self.geometry?;
        let k = self.highlights.codings.iter().position(|c| c.id == id)?;
        self.heights
            .range(geo.viewport.top(), geo.viewport.bottom())
            .filter(|&i| self.highlights.by_paragraph[i].contains(&(k as u32)))
            .find_map(|i| self.stripe_rects(i, self.heights.top(i), &geo.columns).into_iter().find(|&(j, _)| j == k))
            .map(|(_, rect)| rect.translate(geo.origin.to_vec2()).intersect(geo.clip))
    }

    /// Paints the heading, the source's facts and its text; returns what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui) -> DocumentResponse {
        self.header(ui);
        ui.scope(|ui| self.text_area(ui)).inner
    }

    /// The scrolled text with its margin.
    fn text_area(&mut self, ui: &mut egui::Ui) -> DocumentResponse {
        // This view sets scroll offsets itself (jumps, keeping the text still as heights become
        // exact); egui would take an offset past an edge for an overscroll and spring it back.
        ui.spacing_mut().scroll.kinetic.rubber_band = false;
        // Keyed by the source's UUID, not its id: ids repeat across projects, and a source of the
        // next project must not open at the scroll position of the last one's source with its id.
        let salt = ("document_view", self.source.uuid.clone());
        let columns = self.columns(ui.available_width() - ui.spacing().scroll.allocated_width());
        // The id ScrollArea derives from `id_salt`, to read its offset before it runs.
        let scroll_id = ui.make_persistent_id(egui::IdSalt::new(salt.clone()));
        let offset = self.plan_scroll(ui.ctx(), scroll_id, ui.available_height(), &columns);
        let mut area = egui::ScrollArea::vertical()
            .id_salt(salt)
            .auto_shrink([false, false])
            .content_margin(egui::Margin::ZERO)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            // Dragging the text selects it; it must not scroll it.
            .scroll_source(egui::scroll_area::ScrollSource { drag: egui::scroll_area::DragScroll::Never, ..Default::default() });
        if let Some(y) = offset {
            area = area.vertical_scroll_offset(y);
        }
        let mut out = DocumentResponse::default();
        let output = area.show_viewport(ui, |ui, viewport| self.contents(ui, viewport, columns, &mut out));
        debug_assert_eq!(output.id, scroll_id, "egui derives scroll area ids differently now");
        self.view_height = output.inner_rect.height();
        if let Some(geo) = self.geometry {
            self.store_anchor(ui.ctx(), scroll_id, geo.viewport);
        }
        self.galleys.note_atlas(ui.ctx());
        out
    }

    fn header(&self, ui: &mut egui::Ui) {
        ui.heading(&self.source.name);
        let mut meta = vec![crate::i18n::values::source_kind(self.source.kind).to_string()];
        meta.extend(self.source.date.clone());
        meta.push(t!("document-words-codings", words = self.source.word_count, codings = self.coding_count));
        if !self.cases.is_empty() {
            meta.push(self.cases.join(", "));
        }
        ui.weak(meta.join(" · "));
        ui.separator();
    }

    /// The narrowest the view may get and still show [`layout::READABLE_CHARS`] characters of
    /// text a row: its margin, that measure and the scroll bar. The side panels give way to it.
    pub fn min_width(&self, ui: &egui::Ui) -> f32 {
        self.columns(0.0).text_left + layout::readable_measure(ui.ctx()) + 12.0 + ui.spacing().scroll.allocated_width()
    }

    /// The width of the text column in the last frame (the wrap width), in points.
    pub fn text_column_width(&self) -> Option<f32> {
        self.geometry.map(|g| g.columns.wrap)
    }

    /// Margin columns and the wrap width for a content area `width` points wide.
    fn columns(&self, width: f32) -> Columns {
        let time_right = if self.has_timestamps { 58.0 } else { 0.0 };
        let paragraph_right = time_right + 36.0;
        let line_right = paragraph_right + 34.0;
        let lanes_left = line_right + 8.0;
        let slots = self.lane_slots.max(3) as f32;
        let lane_width = (90.0 / slots).clamp(3.0, 7.0);
        let text_left = (lanes_left + slots * lane_width + 10.0).round();
        // Never wider than the space there is: text cut off at the right edge cannot be read.
        let wrap = (width - text_left - 12.0).clamp(80.0, MAX_TEXT_WIDTH).floor();
        Columns { time_right, paragraph_right, line_right, lanes_left, lane_width, text_left, wrap }
    }

    /// Drops galleys that no longer fit (width, pixel density, font atlas, theme) and, if the
    /// width changed, estimates every paragraph's height again. Then returns the offset that
    /// shows the same text at the top as offset `current` did before (a resize rewraps it).
    fn sync_layout(&mut self, ctx: &egui::Context, wrap: f32, current: f32) -> Option<f32> {
        let n = self.index.paragraphs().len();
        let dark = ctx.global_style().visuals.dark_mode;
        if self.galleys.sync(ctx, wrap, n, dark) != Invalidated::Geometry {
            return None;
        }
        let before = self.heights.block_at(current).map(|i| (i, (current - self.heights.top(i)) / self.heights.height(i).max(1.0)));
        let estimates = self.estimates(ctx, wrap);
        self.heights.reestimate(estimates);
        let (i, fraction) = before?;
        self.ensure_layout(ctx, i);
        Some(self.heights.top(i) + fraction.clamp(0.0, 1.0) * self.heights.height(i))
    }

    fn estimates(&mut self, ctx: &egui::Context, wrap: f32) -> Vec<f32> {
        let char_width = *self.char_width.get_or_insert_with(|| layout::average_char_width(ctx, &self.text));
        let row = ctx.fonts_mut(|f| f.row_height(&text_font()));
        // Word wrapping leaves on average half a word of each row empty.
        let chars_per_row = wrap / char_width.max(1.0) - 3.0;
        self.index
            .paragraphs()
            .iter()
            .map(|p| estimate_rows(line_lengths(&self.index, p).into_iter(), chars_per_row) as f32 * row + PARAGRAPH_GAP)
            .collect()
    }

    /// Lays out paragraph `i` if it is not; returns how much its height changed.
    fn ensure_layout(&mut self, ctx: &egui::Context, i: usize) -> f32 {
        if self.galleys.get(i).is_some() {
            return 0.0;
        }
        let Some(paragraph) = self.index.paragraphs().get(i).cloned() else { return 0.0 };
        let input = JobInput {
            text: &self.text,
            index: &self.index,
            paragraph,
            number: i,
            highlights: &self.highlights,
            speakers: self.speakers.get(i).map_or(&[], Vec::as_slice),
            dark_mode: ctx.global_style().visuals.dark_mode,
            width: self.galleys.width(),
        };
        let galley = ctx.fonts_mut(|f| f.layout_job(paragraph_job(&input)));
        let height = galley.size().y + PARAGRAPH_GAP;
        self.galleys.put(i, galley);
        self.heights.set_exact(i, height)
    }

    /// Before the scroll area: drops layouts that no longer fit, handles a pending jump or a
    /// remembered reading position, lays out what will be visible (and half a screen around
    /// it), and returns a scroll offset to impose if the view must move.
    fn plan_scroll(&mut self, ctx: &egui::Context, scroll_id: egui::Id, available: f32, columns: &Columns) -> Option<f32> {
        let text_left = columns.text_left;
        let height = if self.view_height > 0.0 { self.view_height } else { available };
        let stored = egui::scroll_area::State::load(ctx, scroll_id).map_or(0.0, |s| s.clamped_offset().y);
        let rewrapped = self.sync_layout(ctx, columns.wrap, stored);
        let explicit = self.scroll_to.take().or(rewrapped);
        let current = explicit.unwrap_or(stored);
        let snapped = self.plan_jump(ctx, current, height, text_left);
        let restored = if self.geometry.is_none() && explicit.is_none() && snapped.is_none() { self.restore_anchor(ctx, scroll_id) } else { None };
        let target = snapped.or(explicit).or(restored);
        let top = target.unwrap_or(current);
        let shift = self.layout_around(ctx, top, height);
        let max = (self.heights.total() - height).max(0.0);
        (target.is_some() || shift != 0.0).then_some((top + shift).clamp(0.0, max))
    }

    /// Where the last view of this source was reading (paragraph at the top, points into it), as
    /// an offset for this view. A view is rebuilt after each action and when the source is opened
    /// again; its heights above the viewport are estimates, so the scroll offset alone would land
    /// elsewhere in the text.
    fn restore_anchor(&mut self, ctx: &egui::Context, scroll_id: egui::Id) -> Option<f32> {
        let (i, within) = ctx.data(|d| d.get_temp::<(usize, f32)>(scroll_id.with("anchor")))?;
        if i >= self.heights.len() {
            return None;
        }
        self.ensure_layout(ctx, i);
        Some(self.heights.top(i) + within.min(self.heights.height(i)))
    }

    /// Remembers the paragraph at the top of the view, for [`Self::restore_anchor`].
    fn store_anchor(&self, ctx: &egui::Context, scroll_id: egui::Id, viewport: Rect) {
        if let Some(i) = self.heights.block_at(viewport.top()) {
            let anchor = (i, viewport.top() - self.heights.top(i));
            ctx.data_mut(|d| d.insert_temp(scroll_id.with("anchor"), anchor));
        }
    }

    /// Lays out the paragraphs in and around `[top, top + height)`. Paragraphs wholly above `top`
    /// that change height move the text below them; the returned shift keeps the text at `top` still.
    fn layout_around(&mut self, ctx: &egui::Context, top: f32, height: f32) -> f32 {
        let margin = height * 0.5;
        let mut anchor = top;
        for _ in 0..4 {
            let mut laid_out = false;
            for i in self.heights.range(anchor - margin, anchor + height + margin) {
                if self.galleys.get(i).is_some() {
                    continue;
                }
                let old_bottom = self.heights.top(i) + self.heights.height(i);
                let delta = self.ensure_layout(ctx, i);
                laid_out = true;
                if old_bottom <= anchor {
                    anchor += delta;
                }
            }
            if !laid_out {
                break;
            }
        }
        anchor - top
    }

    /// On a jump's first frame: lays out its target; if it is far away, returns an offset one
    /// screen short of it, so the smooth scroll that follows is short (in a document not shown
    /// yet: the target itself). Clears a jump already in view.
    fn plan_jump(&mut self, ctx: &egui::Context, current: f32, height: f32, text_left: f32) -> Option<f32> {
        let jump = self.jump.filter(|j| j.frames == 0)?;
        let i = self.paragraph_of(jump.ch)?;
        self.ensure_layout(ctx, i);
        let rect = self.char_rect(jump.ch, text_left)?;
        if rect.top() >= current && rect.bottom() <= current + height {
            self.jump = None;
            return None;
        }
        // Lay out a screen's worth below the target, so that near the end of the text the
        // offset is clamped to the real height of the content, not an estimate of it.
        let (mut below, mut k) = (0.0, i + 1);
        while below < height && k < self.index.paragraphs().len() {
            self.ensure_layout(ctx, k);
            below += self.heights.height(k);
            k += 1;
        }
        let centred = rect.center().y - height / 2.0;
        if self.geometry.is_none() {
            // A document just opened at a segment shows it at once, not after a scroll from the top.
            return Some(centred.max(0.0));
        }
        ((centred - current).abs() > 1.5 * height).then(|| (centred - height.copysign(centred - current)).max(0.0))
    }

    /// The paragraph holding char `ch`, or the nearest one after it (before it, at the end).
    fn paragraph_of(&self, ch: usize) -> Option<usize> {
        let paragraphs = self.index.paragraphs();
        let i = paragraphs.partition_point(|p| p.end < ch);
        (!paragraphs.is_empty()).then(|| i.min(paragraphs.len() - 1))
    }

    /// Content-coordinate rectangle of char `ch` (zero width, row height) if its paragraph is
    /// laid out; the text column starts at `text_left`.
    fn char_rect(&self, ch: usize, text_left: f32) -> Option<Rect> {
        let i = self.paragraph_of(ch)?;
        let paragraph = &self.index.paragraphs()[i];
        let galley = self.galleys.get(i)?;
        let local = ch.clamp(paragraph.start, paragraph.end) - paragraph.start;
        Some(selection::caret_rect(galley, local).translate(egui::vec2(text_left, self.heights.top(i))))
    }

    /// The visible content: lays out what is new in view, then handles input and paints.
    fn contents(&mut self, ui: &mut egui::Ui, viewport: Rect, columns: Columns, out: &mut DocumentResponse) {
        let ctx = ui.ctx().clone();
        let visible = self.heights.range(viewport.min.y, viewport.max.y);
        for i in visible.clone() {
            self.ensure_layout(&ctx, i);
        }
        let origin = ui.max_rect().min;
        ui.set_min_size(egui::vec2(columns.text_left + columns.wrap, self.heights.total()));
        let clip = Rect::from_min_size(origin + viewport.min.to_vec2(), viewport.size()).intersect(ui.clip_rect());
        let geo = Geometry { origin, viewport, clip, columns };
        self.geometry = Some(geo);
        let id = ui.make_persistent_id("document_text");
        let response = ui.interact(clip, id, egui::Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Document, true, t!("document-text")));
        let before = self.selection.span();
        self.interact(ui, &response, &geo, out);
        out.selection_changed = self.selection.span() != before;
        self.paint(ui, visible.clone(), &geo);
        self.expose(&ctx, id, visible, &geo);
        self.drive_jump(ui, &geo);
    }

    /// Keeps re-aiming a pending jump at its char (heights above it may still change) until it
    /// is in view and the scroll has come to rest.
    fn drive_jump(&mut self, ui: &egui::Ui, geo: &Geometry) {
        let Some(mut jump) = self.jump else { return };
        let Some(i) = self.paragraph_of(jump.ch) else {
            self.jump = None;
            return;
        };
        self.ensure_layout(ui.ctx(), i);
        let Some(rect) = self.char_rect(jump.ch, geo.columns.text_left) else { return };
        let in_view = rect.top() >= geo.viewport.top() && rect.bottom() <= geo.viewport.bottom();
        let centred = (rect.center().y - geo.viewport.center().y).abs() <= rect.height();
        // Near the ends of the text the target cannot be centred: there, arrived means still.
        let still = (geo.viewport.top() - jump.last_offset).abs() < 0.5;
        if (in_view && (centred || still)) || jump.frames > 120 {
            self.jump = None;
            return;
        }
        jump.frames += 1;
        jump.last_offset = geo.viewport.top();
        self.jump = Some(jump);
        // The scroll area animates (and asks for the frames it needs); re-aiming each frame
        // follows the target if paragraphs above it change height on the way.
        let quick = egui::style::ScrollAnimation::new(2500.0, egui::Rangef::new(0.1, 0.2));
        ui.scroll_to_rect_animation(rect.translate(geo.origin.to_vec2()), Some(egui::Align::Center), quick);
    }

    fn coder_name(&self, id: CoderId) -> &str {
        self.coders.get(&id).map_or("an unknown coder", |(name, _)| name.as_str())
    }

    fn coder_color(&self, id: CoderId) -> Color32 {
        self.coders.get(&id).map_or(Color32::GRAY, |(_, color)| *color)
    }

    /// Char range of paragraph `i`.
    fn paragraph(&self, i: usize) -> Range<usize> {
        self.index.paragraphs().get(i).cloned().unwrap_or(0..0)
    }
}

/// A code's stored colour (`#RRGGBB`, read by the core's parser) for painting. A malformed one
/// (only a hand-edited file can hold one) is painted grey rather than refused, so the code still
/// shows and can be recoloured.
pub fn parse_color(hex: &str) -> Color32 {
    let Rgb(r, g, b) = Rgb::parse(hex).unwrap_or(Rgb(128, 128, 128));
    Color32::from_rgb(r, g, b)
}
