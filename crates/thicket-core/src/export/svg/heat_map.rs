//! A table as a heat map: row labels on the left, column labels slanted above, one coloured cell
//! per number with the number written in it, optional totals, and a legend.

use super::{Doc, FONT, caption_height, escape, num, text_width, wrap_caption};
use crate::export::colour::{self, Rgb};

/// One cell: the text written in it and its fill (`None`: no fill, as for an empty cell).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatCell {
    pub text: String,
    pub fill: Option<Rgb>,
}

/// What the colours mean.
#[derive(Debug, Clone, PartialEq)]
pub enum Legend {
    /// A ramp (`colour::heat`) from the smallest non-zero value to `max`, written `max_text`.
    Scale { label: String, max: f64, max_text: String },
    /// Named colours (e.g. triangulation statuses); an entry without a colour is a line of
    /// explanation (what the marks in the cells stand for).
    Categories(Vec<(Option<Rgb>, String)>),
    None,
}

/// A heat map to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    pub title: String,
    /// One line under the title: what is counted, with which options.
    pub subtitle: String,
    /// The header of the row-label column, e.g. `code`.
    pub corner: String,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<HeatCell>>,
    /// A last column of totals (or another per-row summary), one per row.
    pub row_totals: Option<Vec<String>>,
    /// The heading of that column: `total` unless it says something else.
    pub totals_label: String,
    /// A last row of totals, one per column.
    pub col_totals: Option<Vec<String>>,
    /// The grand total, where the totals row and column meet.
    pub total: Option<String>,
    pub legend: Legend,
    /// Paragraphs under the chart: the filters it was drawn with, where it came from.
    pub caption: Vec<String>,
}

const PAD: f64 = 16.0;
const ROW_H: f64 = 22.0;
const GAP: f64 = 6.0;
const MAX_ROW_LABEL: f64 = 360.0;
const MAX_COL_LABEL: f64 = 280.0;
/// Column labels are drawn at −45°.
const SLANT: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// The SVG document of `map`.
pub fn heat_map_svg(map: &HeatMap) -> String {
    let total_label = "total";
    let totals_heading = if map.totals_label.is_empty() { total_label } else { map.totals_label.as_str() };
    let row_label_w = map
        .rows
        .iter()
        .map(|r| text_width(r, FONT))
        .chain([text_width(&map.corner, FONT), text_width(total_label, FONT)])
        .fold(0.0, f64::max)
        .min(MAX_ROW_LABEL)
        + 10.0;
    let texts = map
        .cells
        .iter()
        .flatten()
        .map(|c| c.text.as_str())
        .chain(map.row_totals.iter().flatten().map(String::as_str))
        .chain(map.col_totals.iter().flatten().map(String::as_str))
        .chain(map.total.as_deref());
    let cell_w = texts.map(|t| text_width(t, FONT) + 14.0).fold(40.0, f64::max);
    let col_label_w = map.cols.iter().map(|c| text_width(c, FONT)).chain([text_width(totals_heading, FONT)]).fold(0.0, f64::max).min(MAX_COL_LABEL);
    let header_h = col_label_w * SLANT + 14.0;
    let title_h = 24.0 + if map.subtitle.is_empty() { 0.0 } else { 18.0 };
    let has_row_totals = map.row_totals.is_some();
    let has_col_totals = map.col_totals.is_some();
    let ncols = map.cols.len();
    let grid_x = PAD + row_label_w;
    let grid_y = PAD + title_h + header_h;
    let body_w = ncols as f64 * cell_w;
    let totals_x = grid_x + body_w + GAP;
    let grid_right = if has_row_totals { totals_x + cell_w } else { grid_x + body_w };
    let body_h = map.rows.len() as f64 * ROW_H;
    let totals_y = grid_y + body_h + GAP;
    let grid_bottom = if has_col_totals { totals_y + ROW_H } else { grid_y + body_h };
    let legend_h = match &map.legend {
        Legend::Scale { .. } => 46.0,
        Legend::Categories(c) => 16.0 + c.len() as f64 * 18.0,
        Legend::None => 0.0,
    };
    let legend_w = match &map.legend {
        Legend::Categories(items) => items.iter().map(|(_, t)| text_width(t, FONT)).fold(0.0, f64::max).min(900.0) + 18.0,
        _ => 200.0,
    };
    // Slanted labels reach right of their column.
    let width = (grid_right + col_label_w * SLANT + PAD)
        .max(PAD * 2.0 + legend_w).max(PAD * 2.0 + text_width(&map.title, 16.0)).max(PAD * 2.0 + text_width(&map.subtitle, FONT)).max(300.0);
    let caption = wrap_caption(&map.caption, width - 2.0 * PAD);
    let caption_y = grid_bottom + 12.0 + legend_h;
    let height = caption_y + caption_height(&caption) + PAD;
    let mut doc = Doc::new(width, height, &map.title);
    doc.text(PAD, PAD + 14.0, "font-size=\"16\" font-weight=\"bold\"", &map.title);
    if !map.subtitle.is_empty() {
        doc.text(PAD, PAD + 32.0, "fill=\"#555555\"", &map.subtitle);
    }
    doc.label(PAD, grid_y - 6.0, "font-weight=\"bold\"", &map.corner, row_label_w - 10.0);
    // Column labels, slanted up to the right from the middle of their column.
    let col_label = |doc: &mut Doc, x: f64, text: &str, bold: bool| {
        let (cx, cy) = (x + cell_w / 2.0, grid_y - 6.0);
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        doc.label(cx, cy, &format!("transform=\"rotate(-45 {} {})\"{weight}", num(cx), num(cy)), text, MAX_COL_LABEL);
    };
    for (k, c) in map.cols.iter().enumerate() {
        col_label(&mut doc, grid_x + k as f64 * cell_w, c, false);
    }
    if has_row_totals {
        col_label(&mut doc, totals_x, totals_heading, true);
    }
    let cell = |doc: &mut Doc, x: f64, y: f64, c: &HeatCell, tip: &str, bold: bool| {
        let fill = c.fill.map_or("#ffffff".to_string(), Rgb::hex);
        let ink = c.fill.map_or(Rgb(0x33, 0x33, 0x33), colour::text_on).hex();
        doc.raw(&format!("<g><title>{}</title>", escape(tip)));
        doc.rect(x, y, cell_w, ROW_H, &format!("fill=\"{fill}\" stroke=\"#d0d0d0\" stroke-width=\"0.5\""));
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        doc.text(x + cell_w / 2.0, y + ROW_H / 2.0 + 4.0, &format!("text-anchor=\"middle\" fill=\"{ink}\"{weight}"), &c.text);
        doc.raw("</g>");
    };
    let plain = |text: &str| HeatCell { text: text.to_string(), fill: None };
    for (r, row) in map.rows.iter().enumerate() {
        let y = grid_y + r as f64 * ROW_H;
        doc.label(PAD, y + ROW_H / 2.0 + 4.0, "", row, row_label_w - 10.0);
        for (k, c) in map.cells.get(r).into_iter().flatten().enumerate().take(ncols) {
            let tip = format!("{row} · {}: {}", map.cols[k], c.text);
            cell(&mut doc, grid_x + k as f64 * cell_w, y, c, &tip, false);
        }
        if let Some(t) = map.row_totals.as_ref().and_then(|t| t.get(r)) {
            cell(&mut doc, totals_x, y, &plain(t), &format!("{row} · {totals_heading}: {t}"), true);
        }
    }
    if let Some(totals) = &map.col_totals {
        doc.text(PAD, totals_y + ROW_H / 2.0 + 4.0, "font-weight=\"bold\"", total_label);
        for (k, t) in totals.iter().enumerate().take(ncols) {
            cell(&mut doc, grid_x + k as f64 * cell_w, totals_y, &plain(t), &format!("total · {}: {t}", map.cols[k]), true);
        }
        if let Some(t) = &map.total {
            cell(&mut doc, totals_x, totals_y, &plain(t), &format!("total: {t}"), true);
        }
    }
    legend(&mut doc, &map.legend, PAD, grid_bottom + 18.0, width - 2.0 * PAD - 18.0);
    doc.caption(PAD, caption_y + 18.0, &caption);
    doc.finish()
}

fn legend(doc: &mut Doc, legend: &Legend, x: f64, y: f64, text_w: f64) {
    match legend {
        Legend::None => {}
        Legend::Scale { label, max, max_text } => {
            let stops: String = (0..=10)
                .map(|i| {
                    let t = i as f64 / 10.0;
                    let c = colour::heat((t * max).max(max * 1e-9), *max, false).unwrap_or(Rgb(0xff, 0xff, 0xff));
                    format!("<stop offset=\"{}\" stop-color=\"{}\"/>", num(t), c.hex())
                })
                .collect();
            doc.raw(&format!("<defs><linearGradient id=\"heat-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">{stops}</linearGradient></defs>"));
            doc.text(x, y + 4.0, "fill=\"#555555\"", label);
            doc.rect(x, y + 12.0, 200.0, 12.0, "fill=\"url(#heat-scale)\" stroke=\"#d0d0d0\" stroke-width=\"0.5\"");
            doc.text(x, y + 38.0, "fill=\"#555555\"", "0");
            doc.text(x + 200.0, y + 38.0, "text-anchor=\"end\" fill=\"#555555\"", max_text);
        }
        Legend::Categories(items) => {
            for (i, (c, name)) in items.iter().enumerate() {
                let row_y = y + i as f64 * 18.0;
                if let Some(c) = c {
                    doc.rect(x, row_y - 6.0, 12.0, 12.0, &format!("fill=\"{}\" stroke=\"#d0d0d0\" stroke-width=\"0.5\"", c.hex()));
                }
                doc.label(x + 18.0, row_y + 4.0, "", name, text_w);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> HeatMap {
        let c = |t: &str, v: f64| HeatCell { text: t.into(), fill: colour::heat(v, 5.0, false) };
        HeatMap {
            title: "Codes × cases".into(),
            subtitle: "segments".into(),
            corner: "code".into(),
            rows: vec!["Ruptures/Withdrawal".into(), "Repair & <Honesty>".into()],
            cols: vec!["Harlow family".into(), "Mensah family".into()],
            cells: vec![vec![c("5", 5.0), c("0", 0.0)], vec![c("2", 2.0), c("1", 1.0)]],
            row_totals: Some(vec!["5".into(), "3".into()]),
            totals_label: String::new(),
            col_totals: Some(vec!["7".into(), "1".into()]),
            total: Some("8".into()),
            legend: Legend::Scale { label: "segments".into(), max: 5.0, max_text: "5".into() },
            caption: Vec::new(),
        }
    }

    #[test]
    fn the_largest_cell_is_darkest_and_an_empty_cell_is_white() {
        let svg = heat_map_svg(&map());
        let darkest = colour::heat(5.0, 5.0, false).unwrap().hex();
        assert!(svg.contains(&format!("fill=\"{darkest}\"")));
        assert!(svg.contains("<title>Ruptures/Withdrawal · Mensah family: 0</title>"));
        assert!(svg.contains("Repair &amp; &lt;Honesty&gt;"));
        assert!(svg.contains("<title>total: 8</title>"));
    }

    #[test]
    fn the_caption_is_drawn_under_the_chart_which_grows_to_hold_it() {
        let plain = heat_map_svg(&map());
        let mut captioned = map();
        captioned.caption = vec!["Filters: roles caregiver; from 2025-01-01".into()];
        let svg = heat_map_svg(&captioned);
        assert!(svg.contains(">Filters: roles caregiver; from 2025-01-01</text>"), "{svg}");
        let height = |svg: &str| svg.split("height=\"").nth(1).and_then(|h| h.split('"').next()).and_then(|h| h.parse::<f64>().ok()).unwrap();
        assert_eq!(height(&svg), height(&plain) + 25.0);
    }
}
