//! Charts at a chosen size: the SVG with a physical width, and the same SVG rendered to PNG in
//! Rust (resvg), so no external program or system font is needed and a PNG looks the same on
//! every machine. The font is the window's own (Ubuntu Light, with Hack as a fallback), embedded
//! in the program; characters those fonts lack (CJK, Arabic, emoji) are left out of the PNG,
//! while the SVG keeps the text for a viewer that has the fonts.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::error::{Error, Result};

/// The printed size of a chart: its width (the height follows the chart's proportions) and the
/// resolution of a PNG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    /// Width in millimetres (a journal column is about 85, a page about 170).
    pub width_mm: u32,
    /// Dots per inch of a PNG (300 for print, 96 for a screen).
    pub dpi: u32,
}

impl Default for ChartSize {
    fn default() -> Self {
        ChartSize { width_mm: 170, dpi: 300 }
    }
}

impl ChartSize {
    /// The limits a size is kept in: a stamp to a poster, screen to high-end print, and a PNG
    /// of at most about 100 megapixels.
    pub const WIDTH_MM: std::ops::RangeInclusive<u32> = 20..=1000;
    pub const DPI: std::ops::RangeInclusive<u32> = 72..=1200;

    /// The width in pixels at this DPI.
    pub fn width_px(self) -> u32 {
        (f64::from(self.width_mm) / 25.4 * f64::from(self.dpi)).round().max(1.0) as u32
    }
}

/// `svg` (as Thicket's chart writers make it: a root with a `viewBox`) with its `width` and
/// `height` set in millimetres, so a word processor places it at that size.
pub fn sized_svg(svg: &str, size: ChartSize) -> Result<String> {
    let (w, h) = view_box(svg)?;
    let height_mm = f64::from(size.width_mm) * h / w;
    let root_start = svg.find("<svg").ok_or_else(|| Error::internal("chart has no <svg> root"))?;
    let root_end = root_start + svg[root_start..].find('>').ok_or_else(|| Error::internal("chart root is not closed"))?;
    let root = &svg[root_start..root_end];
    let root = replace_attr(root, "width", &format!("{}mm", size.width_mm));
    let root = replace_attr(&root, "height", &format!("{height_mm:.1}mm"));
    Ok(format!("{}{root}{}", &svg[..root_start], &svg[root_end..]))
}

/// The chart rendered as a PNG `size.width_px()` pixels wide.
pub fn png(svg: &str, size: ChartSize) -> Result<Vec<u8>> {
    let options = usvg::Options { fontdb: fonts(), font_family: "sans-serif".into(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| Error::internal(format!("cannot read the chart to render it: {e}")))?;
    let scale = size.width_px() as f32 / tree.size().width();
    let height = (tree.size().height() * scale).ceil() as u32;
    if u64::from(size.width_px()) * u64::from(height) > 120_000_000 {
        return Err(Error::invalid(format!(
            "a {} × {height} pixel image is too large: choose a smaller width or DPI",
            size.width_px()
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(size.width_px(), height.max(1))
        .ok_or_else(|| Error::invalid("the chart has no area to draw at this size"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::internal(format!("cannot encode the PNG: {e}")))
}

/// The embedded fonts, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            let family = db.faces().next().and_then(|f| f.families.first()).map(|(name, _)| name.clone());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            if let Some(family) = family {
                db.set_sans_serif_family(family.clone());
                db.set_serif_family(family);
            }
            db.set_monospace_family("Hack");
            Arc::new(db)
        })
        .clone()
}

/// The width and height of the root's `viewBox`.
fn view_box(svg: &str) -> Result<(f64, f64)> {
    let at = svg.find("viewBox=\"").ok_or_else(|| Error::internal("chart has no viewBox"))? + 9;
    let value = &svg[at..at + svg[at..].find('"').unwrap_or(0)];
    let numbers: Vec<f64> = value.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Ok((w, h)),
        _ => Err(Error::internal(format!("chart has a bad viewBox \"{value}\""))),
    }
}

/// `tag` with attribute `name` set to `value` (it must be there already).
fn replace_attr(tag: &str, name: &str, value: &str) -> String {
    let key = format!(" {name}=\"");
    match tag.find(&key) {
        Some(at) => {
            let from = at + key.len();
            let to = from + tag[from..].find('"').unwrap_or(0);
            format!("{}{value}{}", &tag[..from], &tag[to..])
        }
        None => format!("{tag}{key}{value}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\" viewBox=\"0 0 400 200\">\
        <rect x=\"0\" y=\"0\" width=\"200\" height=\"200\" fill=\"#ff0000\"/><text x=\"210\" y=\"100\" font-family=\"Helvetica, Arial, sans-serif\">Withdrawal ✓</text></svg>";

    #[test]
    fn a_chart_sized_in_millimetres_keeps_its_proportions() {
        let sized = sized_svg(SVG, ChartSize { width_mm: 85, dpi: 300 }).unwrap();
        assert!(sized.contains("width=\"85mm\" height=\"42.5mm\" viewBox=\"0 0 400 200\""), "{sized}");
        // Only the root changes.
        assert!(sized.contains("<rect x=\"0\" y=\"0\" width=\"200\" height=\"200\""));
    }

    #[test]
    fn a_png_has_the_asked_pixels_and_draws_the_chart() {
        let size = ChartSize { width_mm: 100, dpi: 254 };
        assert_eq!(size.width_px(), 1000);
        let bytes = png(SVG, size).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1000, 500));
        let at = |x: u32, y: u32| pixmap.pixel(x, y).map(|p| (p.red(), p.green(), p.blue()));
        assert_eq!(at(100, 250), Some((255, 0, 0)), "the red square, scaled 2.5×");
        // The text is drawn: some dark pixels right of the square, where only white was.
        let dark = (525..1000).flat_map(|x| (200..260).map(move |y| (x, y))).filter(|&(x, y)| at(x, y).is_some_and(|(r, _, _)| r < 128)).count();
        assert!(dark > 100, "text pixels: {dark}");
    }

    #[test]
    fn an_absurd_size_is_refused_with_a_reason() {
        let err = png(SVG, ChartSize { width_mm: 1000, dpi: 1200 }).unwrap_err().to_string();
        assert!(err.contains("too large"), "{err}");
    }
}
