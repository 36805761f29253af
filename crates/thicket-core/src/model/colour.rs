//! Colours as the project stores them: the one parser of `#RRGGBB` text, and the palette new codes
//! take their colour from.
//!
//! A code's colour is stored as text (`#1E88E5`). The project checks it on every write, the window
//! paints it, the charts print it, and the CLI and the window pick one for a new code; all of them
//! go through [`Rgb::parse`] and [`next_code_colour`] here, so that "a valid colour" and "the next
//! colour" mean the same thing on every face.

use super::Codebook;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (lower case, as the SVG charts write it).
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `#RRGGBB` (upper case): the form a code's colour is stored in.
    pub fn hex_upper(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Parses `#rrggbb` or `rrggbb` in either case, with blanks around it ignored; `None` for
    /// anything else (a wrong length, a non-hex digit, a sign, non-ASCII).
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.trim().trim_start_matches('#');
        // Checking the digits first also keeps out the sign `from_str_radix` would accept ("+f").
        if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

/// The colours new codes take in turn: the seven hues of Okabe and Ito's palette (made to stay
/// apart under the common colour-vision deficiencies), then darker steps of orange and blue and a
/// dark grey. [`super::colour_vision`]'s test checks that all ten stay apart (CIELAB ΔE ≥ 15)
/// for normal vision and simulated protanopia, deuteranopia and tritanopia.
pub const CODE_PALETTE: [Rgb; 10] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0xF0, 0xE4, 0x42),
    Rgb(0x5C, 0x3A, 0x00),
    Rgb(0x00, 0x4D, 0x70),
    Rgb(0x3F, 0x3F, 0x3F),
];

/// The colour for the next code created in `book`: the palette in turn, by the number of codes
/// it already has, so that codes created one after another differ.
pub fn next_code_colour(book: &Codebook) -> Rgb {
    CODE_PALETTE[book.len() % CODE_PALETTE.len()]
}

/// The colours coders take in turn: eight hues, darker than the codes' so that a coder's mark on
/// a stripe stands out from the stripe's own colour. Migration 8 gives coders of older files
/// these colours by id, in the same order.
pub const CODER_PALETTE: [Rgb; 8] = [
    Rgb(0x39, 0x49, 0xAB),
    Rgb(0xD8, 0x1B, 0x60),
    Rgb(0x00, 0x89, 0x7B),
    Rgb(0xF4, 0x51, 0x1E),
    Rgb(0x7C, 0xB3, 0x42),
    Rgb(0x8E, 0x24, 0xAA),
    Rgb(0x6D, 0x4C, 0x41),
    Rgb(0x03, 0x9B, 0xE5),
];

/// The colour for the next coder of a project that has `coders` already.
pub fn next_coder_colour(coders: usize) -> Rgb {
    CODER_PALETTE[coders % CODER_PALETTE.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Code, CodeDescription, CodeId};

    #[test]
    fn colours_parse_in_either_case_with_or_without_the_hash() {
        assert_eq!(Rgb::parse("#abc123"), Some(Rgb(0xab, 0xc1, 0x23)));
        assert_eq!(Rgb::parse("ABC123"), Some(Rgb(0xab, 0xc1, 0x23)));
        assert_eq!(Rgb::parse("  #1E88E5\n"), Some(Rgb(0x1e, 0x88, 0xe5)));
        assert_eq!(Rgb(0xab, 0xc1, 0x23).hex_upper(), "#ABC123");
    }

    #[test]
    fn malformed_colours_do_not_parse() {
        for bad in ["#12345", "#1234567", "", "#", "#gg0000", "#+1+2+3", "#-10000", "#é12345", "#12 345", "#é1234", "#12345é"] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_palette_cycles_by_codebook_size() {
        let code = |id: i64| Code {
            id: CodeId(id),
            uuid: String::new(),
            parent_id: None,
            name: format!("c{id}"),
            color: "#000000".into(),
            description: CodeDescription::default(),
            sort_order: id,
        };
        let book = |n: i64| Codebook::new((0..n).map(code).collect());
        assert_eq!(next_code_colour(&book(0)).hex_upper(), "#0072B2");
        assert_eq!(next_code_colour(&book(1)).hex_upper(), "#E69F00");
        assert_eq!(next_code_colour(&book(9)).hex_upper(), "#3F3F3F");
        assert_eq!(next_code_colour(&book(10)), next_code_colour(&book(0)));
        assert_eq!(next_code_colour(&book(13)), CODE_PALETTE[3]);
    }
}
