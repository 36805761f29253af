//! How colours look under the common colour-vision deficiencies, and how far apart two colours
//! look: used to check that the default code palette stays distinguishable for everyone.
//!
//! The simulation is Machado, Oliveira and Fernandes (2009), "A physiologically-based model for
//! simulation of color vision deficiency", severity 1.0 matrices, applied to linear sRGB. The
//! distance is CIE 1976 ΔE in CIELAB (D65 white).

use super::Rgb;

/// A colour-vision deficiency (the full dichromatic form), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    Normal,
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Deficiency {
    /// Every case a palette is checked under.
    pub const ALL: [Deficiency; 4] = [Deficiency::Normal, Deficiency::Protanopia, Deficiency::Deuteranopia, Deficiency::Tritanopia];

    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Deficiency::Protanopia => [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
            Deficiency::Deuteranopia => [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
            Deficiency::Tritanopia => [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
        }
    }
}

/// An sRGB channel (0–255) in linear light (0–1).
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

/// How `colour` looks with `deficiency`, as CIELAB (L*, a*, b*).
pub fn simulate(colour: Rgb, deficiency: Deficiency) -> [f64; 3] {
    let rgb = [linear(colour.0), linear(colour.1), linear(colour.2)];
    let m = deficiency.matrix();
    let seen: [f64; 3] = std::array::from_fn(|i| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0));
    lab(seen)
}

/// Linear sRGB to CIELAB under D65.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIE76 colour difference between two CIELAB colours (about 2.3 is just noticeable; colours
/// meant to be told apart at a glance want 15 or more).
pub fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CODE_PALETTE;

    /// The smallest difference between any two of `colours` as seen with `deficiency`.
    fn closest_pair(colours: &[Rgb], deficiency: Deficiency) -> (f64, Rgb, Rgb) {
        let mut worst = (f64::INFINITY, colours[0], colours[0]);
        for (i, &a) in colours.iter().enumerate() {
            for &b in &colours[i + 1..] {
                let d = delta_e(simulate(a, deficiency), simulate(b, deficiency));
                if d < worst.0 {
                    worst = (d, a, b);
                }
            }
        }
        worst
    }

    #[test]
    fn the_simulation_matches_known_values() {
        // White stays white and black black under every deficiency (the rows sum to 1).
        for d in Deficiency::ALL {
            let white = simulate(Rgb(255, 255, 255), d);
            assert!((white[0] - 100.0).abs() < 0.1 && white[1].abs() < 0.5 && white[2].abs() < 0.5, "{d:?} {white:?}");
            assert!(simulate(Rgb(0, 0, 0), d)[0].abs() < 1e-9);
        }
        // Pure red and green, far apart normally, nearly merge for a deuteranope.
        let (red, green) = (Rgb(0xD0, 0x30, 0x30), Rgb(0x60, 0x90, 0x20));
        assert!(delta_e(simulate(red, Deficiency::Normal), simulate(green, Deficiency::Normal)) > 60.0);
        assert!(delta_e(simulate(red, Deficiency::Deuteranopia), simulate(green, Deficiency::Deuteranopia)) < 25.0);
        // Blue and green merge for a tritanope more than for normal vision.
        let (blue, teal) = (Rgb(0x30, 0x60, 0xD0), Rgb(0x20, 0x90, 0x90));
        assert!(delta_e(simulate(blue, Deficiency::Tritanopia), simulate(teal, Deficiency::Tritanopia)) < delta_e(simulate(blue, Deficiency::Normal), simulate(teal, Deficiency::Normal)));
    }

    #[test]
    fn the_default_code_palette_stays_apart_under_colour_vision_deficiencies() {
        for d in Deficiency::ALL {
            let (worst, a, b) = closest_pair(&CODE_PALETTE, d);
            assert!(worst >= 15.0, "{d:?}: {} and {} are only ΔE {worst:.1} apart", a.hex_upper(), b.hex_upper());
        }
    }

    #[test]
    fn the_old_palette_would_have_failed() {
        // The material-design palette used before: its purple and indigo merge for a protanope.
        let old = [Rgb(0x1E, 0x88, 0xE5), Rgb(0xE5, 0x39, 0x35), Rgb(0x43, 0xA0, 0x47), Rgb(0xFB, 0x8C, 0x00), Rgb(0x8E, 0x24, 0xAA), Rgb(0x00, 0xAC, 0xC1), Rgb(0x6D, 0x4C, 0x41), Rgb(0xD8, 0x1B, 0x60), Rgb(0x7C, 0xB3, 0x42), Rgb(0x39, 0x49, 0xAB)];
        assert!(closest_pair(&old, Deficiency::Protanopia).0 < 15.0);
    }
}
