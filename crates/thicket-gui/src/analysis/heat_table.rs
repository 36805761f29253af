//! The table widget of the matrix, co-occurrence, transition and triangulation views: code rows
//! (indented as in the codebook) against columns, each cell a number on its heat colour, with
//! totals, sticky row and column headers, and a click on any number to drill down.
//!
//! Only the cells in view are painted and made interactive, so a 200 × 200 co-occurrence table
//! costs what its visible part costs. Every cell, row and column header carries an accessible
//! name (`Ruptures/Withdrawal · Harlow family: 25`), which is what screen readers read and what
//! the GUI tests click.

use egui::{Align2, Color32, Rect, Sense, Stroke, StrokeKind, TextStyle, Ui, pos2, vec2};

use thicket_core::analysis::Corroboration;
use thicket_core::export::colour::{self, Rgb};

/// A row heading: the code's full path (spoken, and shown on hover) and its indented name.
#[derive(Debug, Clone)]
pub struct RowHead {
    pub label: String,
    pub short: String,
    pub depth: usize,
}

impl RowHead {
    /// A row for a code path: its last segment, indented by its depth.
    pub fn code(path: &str) -> Self {
        let depth = path.matches('/').count();
        RowHead { label: path.to_string(), short: path.rsplit('/').next().unwrap_or(path).to_string(), depth }
    }

    /// A row that is not a code (a case, "overall"): shown as is.
    pub fn plain(label: &str) -> Self {
        RowHead { label: label.to_string(), short: label.to_string(), depth: 0 }
    }
}

/// How a cell is coloured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    None,
    /// On the heat ramp, scaled by the table's largest heat value.
    Heat(f64),
    /// A triangulation status colour.
    Status(Corroboration),
    /// Set apart (a co-occurrence diagonal).
    Muted,
}

/// One cell.
#[derive(Debug, Clone)]
pub struct TableCell {
    pub text: String,
    pub fill: Fill,
    /// Shown on hover, after the accessible name.
    pub tip: Option<String>,
}

impl TableCell {
    pub fn heat(text: String, value: f64) -> Self {
        TableCell { text, fill: Fill::Heat(value), tip: None }
    }
}

/// A cell address: row `None` is the totals row, column `None` the totals column.
pub type CellRef = (Option<usize>, Option<usize>);

/// Everything the widget draws, built once per result.
#[derive(Debug, Clone, Default)]
pub struct TableModel {
    pub corner: String,
    pub rows: Vec<RowHead>,
    pub cols: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<TableCell>>,
    pub row_totals: Option<Vec<String>>,
    pub col_totals: Option<Vec<String>>,
    pub total: Option<String>,
    /// The heading of the totals column (`total` unless set).
    pub totals_label: String,
    /// The largest heat value (the ramp's top).
    pub heat_max: f64,
    /// The longest cell text, in chars (sets the column width).
    cell_chars: usize,
}

impl TableModel {
    pub fn new(corner: &str, rows: Vec<RowHead>, cols: Vec<String>, cells: Vec<Vec<TableCell>>) -> Self {
        let heat_max = cells.iter().flatten().filter_map(|c| if let Fill::Heat(v) = c.fill { Some(v) } else { None }).fold(0.0, f64::max);
        let cell_chars = cells.iter().flatten().map(|c| c.text.chars().count()).max().unwrap_or(1);
        TableModel { corner: corner.to_string(), rows, cols, cells, heat_max, cell_chars, totals_label: "total".into(), ..Default::default() }
    }

    /// Adds a last column (a per-row summary) headed `label`.
    pub fn with_row_totals(mut self, label: &str, row_totals: Vec<String>) -> Self {
        self.cell_chars = self.cell_chars.max(row_totals.iter().map(|t| t.chars().count()).max().unwrap_or(0));
        self.row_totals = Some(row_totals);
        self.totals_label = label.to_string();
        self
    }

    /// Adds a totals column, a totals row and the grand total.
    pub fn with_totals(mut self, row_totals: Vec<String>, col_totals: Vec<String>, total: String) -> Self {
        let longest = row_totals.iter().chain(&col_totals).chain([&total]).map(|t| t.chars().count()).max().unwrap_or(0);
        self.cell_chars = self.cell_chars.max(longest);
        self.row_totals = Some(row_totals);
        self.col_totals = Some(col_totals);
        self.total = Some(total);
        self
    }

    /// The accessible name of a cell: `row · column: text`.
    pub fn label_of(&self, (row, col): CellRef) -> String {
        let row_name = row.and_then(|r| self.rows.get(r)).map_or("total", |r| r.label.as_str());
        let col_name = col.and_then(|c| self.cols.get(c)).map_or(self.totals_label.as_str(), String::as_str);
        let text = match (row, col) {
            (Some(r), Some(c)) => self.cells.get(r).and_then(|row| row.get(c)).map(|c| c.text.clone()),
            (Some(r), None) => self.row_totals.as_ref().and_then(|t| t.get(r)).cloned(),
            (None, Some(c)) => self.col_totals.as_ref().and_then(|t| t.get(c)).cloned(),
            (None, None) => self.total.clone(),
        };
        match (row, col) {
            (None, None) => format!("total: {}", text.unwrap_or_default()),
            _ => format!("{row_name} · {col_name}: {}", text.unwrap_or_default()),
        }
    }
}

const ROW_H: f32 = 24.0;
const GAP: f32 = 6.0;
const INDENT: f32 = 14.0;
const MAX_ROW_LABEL: f32 = 340.0;
const MAX_COL_LABEL: f32 = 180.0;
/// Column labels up to this wide are written across; longer ones are turned upright.
const MAX_FLAT_LABEL: f32 = 140.0;

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

fn rgb(c: Color32) -> Rgb {
    Rgb(c.r(), c.g(), c.b())
}

/// Draws the table; returns the cell the user clicked (or activated from the keyboard).
pub fn show(ui: &mut Ui, id_salt: &str, model: &TableModel, selected: Option<CellRef>) -> Option<CellRef> {
    let font = TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let painter = ui.painter().clone();
    let width_of = |text: &str| painter.layout_no_wrap(text.to_string(), font.clone(), Color32::WHITE).size().x;
    let digit = width_of("0");
    let mut cell_w = (model.cell_chars as f32 * digit + 18.0).max(44.0);
    let widest_col = model.cols.iter().take(400).map(|c| width_of(c)).chain([width_of(&model.totals_label)]).fold(0.0, f32::max);
    let upright = widest_col > MAX_FLAT_LABEL.max(cell_w - 10.0);
    let header_h = if upright {
        widest_col.min(MAX_COL_LABEL) + 14.0
    } else {
        cell_w = cell_w.max(widest_col + 14.0);
        ROW_H + 4.0
    };
    let row_w = model
        .rows
        .iter()
        .map(|r| r.depth as f32 * INDENT + width_of(&r.short))
        .chain([width_of(&model.corner), width_of("total")])
        .fold(0.0, f32::max)
        .min(MAX_ROW_LABEL)
        + 18.0;
    let (nrows, ncols) = (model.rows.len(), model.cols.len());
    let totals_x = row_w + ncols as f32 * cell_w + GAP;
    let total_w = if model.row_totals.is_some() { totals_x + cell_w } else { totals_x - GAP };
    let totals_y = header_h + nrows as f32 * ROW_H + GAP;
    let total_h = if model.col_totals.is_some() { totals_y + ROW_H } else { totals_y - GAP };
    let mut clicked = None;
    egui::ScrollArea::both().id_salt(id_salt).auto_shrink([false, false]).show_viewport(ui, |ui, vp| {
        let origin = ui.max_rect().min;
        ui.set_min_size(vec2(total_w, total_h));
        let vis = Rect::from_min_size(origin + vp.min.to_vec2(), vp.size());
        let painter = ui.painter().clone();
        let grid = visuals.widgets.noninteractive.bg_stroke;
        let k0 = (vp.min.x / cell_w).floor().max(0.0) as usize;
        let k1 = (((vp.max.x - row_w) / cell_w).ceil().max(0.0) as usize).min(ncols);
        let r0 = (vp.min.y / ROW_H).floor().max(0.0) as usize;
        let r1 = (((vp.max.y - header_h) / ROW_H).ceil().max(0.0) as usize).min(nrows);
        let hovered = std::cell::Cell::new(None::<CellRef>);
        let mut cell = |ui: &mut Ui, rect: Rect, at: CellRef, text: &str, fill: Fill, tip: Option<&str>, bold: bool| {
            let fill = match fill {
                Fill::None => None,
                Fill::Heat(v) => colour::heat(v, model.heat_max, dark).map(color),
                Fill::Status(s) => colour::corroboration(s, dark).map(color),
                Fill::Muted => Some(visuals.faint_bg_color),
            };
            let id = ui.make_persistent_id((id_salt, "cell", at));
            let response = ui.interact(rect, id, Sense::click());
            let label = model.label_of(at);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if let Some(f) = fill {
                painter.rect_filled(rect.shrink(0.5), 0.0, f);
            }
            painter.rect_stroke(rect, 0.0, grid, StrokeKind::Inside);
            let ink = match fill {
                Some(f) if f != visuals.faint_bg_color => color(colour::text_on(rgb(f))),
                _ if text == "0" || text.is_empty() => visuals.weak_text_color(),
                _ => visuals.text_color(),
            };
            let galley = painter.layout_no_wrap(text.to_string(), font.clone(), ink);
            let pos = rect.center() - galley.size() / 2.0;
            painter.galley(pos, galley.clone(), ink);
            if bold {
                // A faux bold: the default fonts have no bold face.
                painter.galley(pos + vec2(0.6, 0.0), galley, ink);
            }
            if selected == Some(at) {
                painter.rect_stroke(rect.shrink(1.0), 0.0, Stroke::new(2.0, visuals.selection.stroke.color), StrokeKind::Inside);
            } else if response.hovered() || response.has_focus() {
                painter.rect_stroke(rect.shrink(1.0), 0.0, Stroke::new(1.5, visuals.widgets.hovered.fg_stroke.color), StrokeKind::Inside);
            }
            if response.hovered() {
                hovered.set(Some(at));
            }
            let response = match tip {
                Some(t) => response.on_hover_text(format!("{label}\n{t}")),
                None => response.on_hover_text(&label),
            };
            if response.clicked() {
                clicked = Some(at);
            }
        };
        // Body cells, then the totals column and row.
        for r in r0..r1 {
            let y = origin.y + header_h + r as f32 * ROW_H;
            for k in k0..k1 {
                let rect = Rect::from_min_size(pos2(origin.x + row_w + k as f32 * cell_w, y), vec2(cell_w, ROW_H));
                if let Some(c) = model.cells.get(r).and_then(|row| row.get(k)) {
                    cell(ui, rect, (Some(r), Some(k)), &c.text, c.fill, c.tip.as_deref(), false);
                }
            }
            if let Some(t) = model.row_totals.as_ref().and_then(|t| t.get(r)) {
                let rect = Rect::from_min_size(pos2(origin.x + totals_x, y), vec2(cell_w, ROW_H));
                if rect.intersects(vis) {
                    cell(ui, rect, (Some(r), None), t, Fill::None, None, true);
                }
            }
        }
        let totals_row = Rect::from_min_size(pos2(origin.x, origin.y + totals_y), vec2(total_w, ROW_H));
        if let Some(totals) = &model.col_totals
            && totals_row.intersects(vis)
        {
            for k in k0..k1 {
                let rect = Rect::from_min_size(pos2(origin.x + row_w + k as f32 * cell_w, totals_row.top()), vec2(cell_w, ROW_H));
                if let Some(t) = totals.get(k) {
                    cell(ui, rect, (None, Some(k)), t, Fill::None, None, true);
                }
            }
            if let Some(t) = &model.total {
                let rect = Rect::from_min_size(pos2(origin.x + totals_x, totals_row.top()), vec2(cell_w, ROW_H));
                cell(ui, rect, (None, None), t, Fill::None, None, true);
            }
        }
        let hovered = hovered.get();
        // Row headings, pinned to the left edge.
        let bg = visuals.panel_fill;
        let strong = visuals.strong_text_color();
        let highlight = visuals.widgets.hovered.weak_bg_fill;
        let row_head = |ui: &mut Ui, y: f32, row: Option<usize>, text: &str, depth: usize, label: &str| {
            let rect = Rect::from_min_size(pos2(vis.left(), y), vec2(row_w, ROW_H));
            let lit = hovered.is_some_and(|(r, _)| r == row) || selected.is_some_and(|(r, _)| r == row);
            painter.rect_filled(rect, 0.0, if lit { highlight } else { bg });
            let x = rect.left() + 6.0 + depth as f32 * INDENT;
            let job = egui::text::LayoutJob {
                wrap: egui::text::TextWrapping::truncate_at_width(rect.right() - x - 8.0),
                ..egui::text::LayoutJob::simple_singleline(text.to_string(), font.clone(), if row.is_some() { visuals.text_color() } else { strong })
            };
            let galley = painter.layout_job(job);
            painter.galley(pos2(x, rect.center().y - galley.size().y / 2.0), galley, visuals.text_color());
            let response = ui.interact(rect, ui.make_persistent_id((id_salt, "row", row)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::RowHeader, true, label));
            if text != label {
                response.on_hover_text(label);
            }
        };
        for r in r0..r1 {
            let head = &model.rows[r];
            row_head(ui, origin.y + header_h + r as f32 * ROW_H, Some(r), &head.short, head.depth, &head.label);
        }
        if model.col_totals.is_some() && totals_row.intersects(vis) {
            row_head(ui, totals_row.top(), None, "total", 0, "total");
        }
        // Column headings, pinned to the top edge, then the corner over both.
        let header = Rect::from_min_size(vis.min, vec2(vis.width(), header_h));
        painter.rect_filled(header, 0.0, bg);
        painter.line_segment([header.left_bottom(), header.right_bottom()], grid);
        let col_head = |ui: &mut Ui, x: f32, col: Option<usize>, text: &str| {
            let rect = Rect::from_min_size(pos2(x, vis.top()), vec2(cell_w, header_h));
            if rect.right() < vis.left() + row_w || rect.left() > vis.right() {
                return;
            }
            let lit = hovered.is_some_and(|(_, c)| c == col) || selected.is_some_and(|(_, c)| c == col);
            if lit {
                painter.rect_filled(rect, 0.0, highlight);
            }
            let ink = if col.is_some() { visuals.text_color() } else { strong };
            if upright {
                let job = egui::text::LayoutJob {
                    wrap: egui::text::TextWrapping::truncate_at_width(MAX_COL_LABEL),
                    ..egui::text::LayoutJob::simple_singleline(text.to_string(), font.clone(), ink)
                };
                let galley = painter.layout_job(job);
                let pos = pos2(rect.center().x - galley.size().y / 2.0, rect.bottom() - 6.0);
                painter.add(egui::epaint::TextShape::new(pos, galley, ink).with_angle(-std::f32::consts::FRAC_PI_2));
            } else {
                painter.text(rect.center(), Align2::CENTER_CENTER, text, font.clone(), ink);
            }
            let response = ui.interact(rect, ui.make_persistent_id((id_salt, "col", col)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, text));
            response.on_hover_text(text);
        };
        for k in k0..k1 {
            col_head(ui, origin.x + row_w + k as f32 * cell_w, Some(k), &model.cols[k]);
        }
        if model.row_totals.is_some() {
            col_head(ui, origin.x + totals_x, None, &model.totals_label);
        }
        let corner = Rect::from_min_size(vis.min, vec2(row_w, header_h));
        painter.rect_filled(corner, 0.0, bg);
        painter.text(pos2(corner.left() + 6.0, corner.bottom() - 6.0), Align2::LEFT_BOTTOM, &model.corner, font.clone(), visuals.weak_text_color());
        painter.line_segment([corner.right_top(), corner.right_bottom()], grid);
    });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_by_row_column_and_number() {
        let m = TableModel::new(
            "code",
            vec![RowHead::code("Ruptures/Withdrawal")],
            vec!["Harlow family".into()],
            vec![vec![TableCell::heat("25".into(), 25.0)]],
        )
        .with_totals(vec!["44".into()], vec!["316".into()], "659".into());
        assert_eq!(m.rows[0].short, "Withdrawal");
        assert_eq!(m.rows[0].depth, 1);
        assert_eq!(m.label_of((Some(0), Some(0))), "Ruptures/Withdrawal · Harlow family: 25");
        assert_eq!(m.label_of((Some(0), None)), "Ruptures/Withdrawal · total: 44");
        assert_eq!(m.label_of((None, Some(0))), "total · Harlow family: 316");
        assert_eq!(m.label_of((None, None)), "total: 659");
        assert_eq!(m.heat_max, 25.0);
    }
}
