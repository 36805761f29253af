//! Charts as SVG files, written by hand: heat maps (crosstab, co-occurrence, transitions,
//! triangulation) and the timeline's dot-and-line chart.
//!
//! In: plain chart descriptions (`HeatMap`, `TimelineChart`), which `export::charts` builds from
//! the analysis results for the window and the command line alike. Out: a standalone SVG 1.1 document (no scripts, no external fonts), escaped so that
//! any code or case name is safe inside it. Sizes are estimated from character counts, since
//! the file is laid out without a font engine; labels too long for their slot are cut with an
//! ellipsis and kept whole in a `<title>` tooltip.

mod heat_map;
mod raster;
mod timeline;

use std::fmt::Write as _;
use std::path::Path;

pub use heat_map::{HeatCell, HeatMap, Legend, heat_map_svg};
pub use raster::{ChartSize, png, sized_svg};
pub use timeline::{Series, TimelineChart, TimelinePanel, date_of_day, day_of_date, month_ticks, timeline_svg};

use crate::error::Result;

/// A chart an analysis view draws, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Heat(HeatMap),
    Timeline(TimelineChart),
}

impl Chart {
    /// The SVG document.
    pub fn svg(&self) -> String {
        match self {
            Chart::Heat(map) => heat_map_svg(map),
            Chart::Timeline(chart) => timeline_svg(chart),
        }
    }

    /// The paragraphs under the chart.
    pub fn caption_mut(&mut self) -> &mut Vec<String> {
        match self {
            Chart::Heat(map) => &mut map.caption,
            Chart::Timeline(chart) => &mut chart.caption,
        }
    }

    /// Writes the chart to `path` as SVG sized to `size`, or as PNG when `png` is true.
    pub fn write(&self, path: &Path, size: ChartSize, as_png: bool) -> Result<()> {
        write_chart_svg(&self.svg(), path, size, as_png)
    }
}

/// Writes a chart's SVG document to `path` sized to `size`, or rendered as PNG when `as_png`.
pub fn write_chart_svg(svg: &str, path: &Path, size: ChartSize, as_png: bool) -> Result<()> {
    if as_png { super::table::write_file(path, &png(svg, size)?) } else { write_svg(path, &sized_svg(svg, size)?) }
}

/// Writes an SVG document to `path`.
pub fn write_svg(path: &Path, svg: &str) -> Result<()> {
    super::table::write_file(path, svg.as_bytes())
}

/// Escapes text for XML content and attribute values, dropping the control chars XML 1.0
/// cannot hold.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The body font size in px; widths are estimated from it.
const FONT: f64 = 12.0;

/// A generous estimate of the width of `text` at `size` px in a sans-serif font.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` cut to at most `max_px` wide (estimated), with an ellipsis when cut.
fn fit(text: &str, max_px: f64, size: f64) -> String {
    let max_chars = (max_px / (size * 0.6)).floor().max(1.0) as usize;
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// An SVG document being written: the root element with its size, then elements appended.
struct Doc {
    out: String,
}

impl Doc {
    fn new(width: f64, height: f64, title: &str) -> Self {
        let mut out = String::new();
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT}\">\n\
             <title>{}</title>\n<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            escape(title),
            w = num(width),
            h = num(height),
        );
        Doc { out }
    }

    /// Text at (x, y) (baseline), with extra attributes (already escaped) such as
    /// `text-anchor="end"`.
    fn text(&mut self, x: f64, y: f64, attrs: &str, text: &str) {
        let _ = writeln!(self.out, "<text x=\"{}\" y=\"{}\"{}{attrs}>{}</text>", num(x), num(y), if attrs.is_empty() { "" } else { " " }, escape(text));
    }

    /// Text cut to `max_px`, with the whole text as a tooltip when cut.
    fn label(&mut self, x: f64, y: f64, attrs: &str, text: &str, max_px: f64) {
        let shown = fit(text, max_px, FONT);
        if shown == text {
            self.text(x, y, attrs, text);
        } else {
            let _ = writeln!(
                self.out,
                "<text x=\"{}\" y=\"{}\"{}{attrs}><title>{}</title>{}</text>",
                num(x),
                num(y),
                if attrs.is_empty() { "" } else { " " },
                escape(text),
                escape(&shown)
            );
        }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, attrs: &str) {
        let _ = writeln!(self.out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {attrs}/>", num(x), num(y), num(w), num(h));
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, attrs: &str) {
        let _ = writeln!(self.out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {attrs}/>", num(x1), num(y1), num(x2), num(y2));
    }

    /// The caption lines (already wrapped by `wrap_caption`) from baseline `y` down, in grey.
    fn caption(&mut self, x: f64, y: f64, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f64 * CAPTION_LINE, "fill=\"#444444\" font-size=\"11\"", line);
        }
    }

    /// Raw markup (already escaped).
    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
        self.out.push('\n');
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// The distance between caption lines, in px.
const CAPTION_LINE: f64 = 15.0;

/// The caption's paragraphs wrapped at word boundaries to fit `width_px` (at the caption's
/// 11 px), one string per line.
fn wrap_caption(caption: &[String], width_px: f64) -> Vec<String> {
    let max_chars = (width_px / (11.0 * 0.55)).floor().max(20.0) as usize;
    let mut lines = Vec::new();
    for paragraph in caption.iter().filter(|p| !p.trim().is_empty()) {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max_chars {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// The height the wrapped caption takes below a chart (nothing when there is none).
fn caption_height(lines: &[String]) -> f64 {
    if lines.is_empty() { 0.0 } else { 10.0 + lines.len() as f64 * CAPTION_LINE }
}

/// A coordinate with at most one decimal, so files are small and stable.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{}", r as i64) } else { format!("{r:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_wrap_at_words_and_skip_empty_paragraphs() {
        let caption = vec!["Filters: cases Harlow family, Mensah family; roles caregiver".to_string(), " ".to_string(), "Thicket".to_string()];
        let lines = wrap_caption(&caption, 200.0);
        assert_eq!(lines, ["Filters: cases Harlow family,", "Mensah family; roles caregiver", "Thicket"]);
        assert_eq!(caption_height(&lines), 55.0);
        assert_eq!(caption_height(&[]), 0.0);
    }

    #[test]
    fn escaping_covers_markup_quotes_and_control_chars() {
        assert_eq!(escape("Harlow & Co <\"a\"> 'b'\u{1}\tc"), "Harlow &amp; Co &lt;&quot;a&quot;&gt; &apos;b&apos; c");
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(fit("Organisational context/Managerial pressure", 60.0, 10.0), "Organisat…");
        assert_eq!(fit("Bond", 60.0, 10.0), "Bond");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(12.0), "12");
    }
}
