//! Colours of the analysis charts, shared by the window and the SVG files so that a heat map
//! looks the same on screen and on paper.
//!
//! In: a cell's share of the table's largest value (0..=1), or a triangulation status, and
//! whether the background is dark. Out: an sRGB colour, and the text colour that stays readable
//! on it. The heat ramp is sequential (light to dark blue on a light background, dark to light
//! on a dark one), so more always reads as "stronger" against the page.

use crate::analysis::Corroboration;
/// The colour type is the model's, so that a code's stored colour and a chart's fill are one type
/// with one parser.
pub use crate::model::Rgb;

/// ColorBrewer "Blues", light to dark: for light backgrounds.
const LIGHT_RAMP: [Rgb; 9] = [
    Rgb(0xf7, 0xfb, 0xff),
    Rgb(0xde, 0xeb, 0xf7),
    Rgb(0xc6, 0xdb, 0xef),
    Rgb(0x9e, 0xca, 0xe1),
    Rgb(0x6b, 0xae, 0xd6),
    Rgb(0x42, 0x92, 0xc6),
    Rgb(0x21, 0x71, 0xb5),
    Rgb(0x08, 0x51, 0x9c),
    Rgb(0x08, 0x30, 0x6b),
];

/// The same hue from a dark slate to a pale blue: for dark backgrounds, where "more" must be
/// lighter to stand out.
const DARK_RAMP: [Rgb; 7] = [
    Rgb(0x1f, 0x2a, 0x36),
    Rgb(0x1d, 0x3f, 0x63),
    Rgb(0x20, 0x56, 0x8c),
    Rgb(0x2f, 0x71, 0xb0),
    Rgb(0x4f, 0x93, 0xcc),
    Rgb(0x86, 0xb8, 0xe0),
    Rgb(0xc3, 0xdc, 0xf2),
];

/// The fill of a cell holding `value` in a table whose largest cell is `max`: `None` for an
/// empty cell (zero), which keeps the background so that absence stands out from "a little".
pub fn heat(value: f64, max: f64, dark: bool) -> Option<Rgb> {
    if value.is_nan() || max.is_nan() || value <= 0.0 || max <= 0.0 {
        return None;
    }
    // Small counts still get a visible tint: the ramp starts one step in.
    let t = (value / max).clamp(0.0, 1.0);
    let ramp: &[Rgb] = if dark { &DARK_RAMP } else { &LIGHT_RAMP };
    let pos = 1.0 + t * (ramp.len() - 2) as f64;
    let i = (pos.floor() as usize).min(ramp.len() - 2);
    Some(mix(ramp[i], ramp[i + 1], pos - i as f64))
}

/// Black or white, whichever contrasts more with `fill`.
pub fn text_on(fill: Rgb) -> Rgb {
    // Contrast with black = (L + 0.05) / 0.05, with white = 1.05 / (L + 0.05); equal at L ≈ 0.179.
    if fill.luminance() > 0.179 { Rgb(0, 0, 0) } else { Rgb(0xff, 0xff, 0xff) }
}

/// The fill of a triangulation cell: green when corroborated both ways, blue across methods,
/// purple across perspectives, amber for a single source; `None` when absent.
pub fn corroboration(status: Corroboration, dark: bool) -> Option<Rgb> {
    let (light, dark_fill) = match status {
        Corroboration::Absent => return None,
        Corroboration::SingleSource => (Rgb(0xfd, 0xe6, 0xb0), Rgb(0x6b, 0x4e, 0x12)),
        Corroboration::Methods => (Rgb(0xb9, 0xd7, 0xf0), Rgb(0x1f, 0x4f, 0x80)),
        Corroboration::Perspectives => (Rgb(0xdc, 0xc6, 0xee), Rgb(0x55, 0x32, 0x78)),
        Corroboration::MethodsAndPerspectives => (Rgb(0xa8, 0xdd, 0xb5), Rgb(0x1f, 0x62, 0x3a)),
    };
    Some(if dark { dark_fill } else { light })
}

/// What each triangulation status means, for legends.
pub fn corroboration_legend() -> [(Corroboration, &'static str); 4] {
    [
        (Corroboration::MethodsAndPerspectives, "M+P: ≥ 2 source kinds and ≥ 2 roles"),
        (Corroboration::Methods, "M: ≥ 2 source kinds"),
        (Corroboration::Perspectives, "P: ≥ 2 roles"),
        (Corroboration::SingleSource, "S: single source"),
    ]
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round().clamp(0.0, 255.0) as u8;
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG contrast ratio of two colours.
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (x, y) = (a.luminance(), b.luminance());
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn more_is_darker_on_light_and_lighter_on_dark_backgrounds() {
        let l = |v: f64, dark: bool| heat(v, 10.0, dark).unwrap().luminance();
        assert!(l(1.0, false) > l(5.0, false) && l(5.0, false) > l(10.0, false));
        assert!(l(1.0, true) < l(5.0, true) && l(5.0, true) < l(10.0, true));
        assert_eq!(heat(0.0, 10.0, false), None);
        assert_eq!(heat(3.0, 0.0, true), None);
        assert_eq!(heat(f64::NAN, 1.0, false), None);
    }

    #[test]
    fn cell_text_is_readable_on_every_fill() {
        for dark in [false, true] {
            for v in 1..=100 {
                let fill = heat(v as f64, 100.0, dark).unwrap();
                // WCAG AA for normal text is 4.5:1.
                assert!(contrast(fill, text_on(fill)) >= 4.5, "value {v} dark {dark}: {}", fill.hex());
            }
        }
        for status in [Corroboration::SingleSource, Corroboration::Methods, Corroboration::Perspectives, Corroboration::MethodsAndPerspectives] {
            for dark in [false, true] {
                let fill = corroboration(status, dark).unwrap();
                assert!(contrast(fill, text_on(fill)) >= 4.5, "{status:?} dark {dark}");
            }
        }
    }

    #[test]
    fn colours_parse_and_print_as_hex() {
        assert_eq!(Rgb::parse("#1E88E5"), Some(Rgb(0x1e, 0x88, 0xe5)));
        assert_eq!(Rgb(0x1e, 0x88, 0xe5).hex(), "#1e88e5");
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#gg0000"), None);
    }
}
