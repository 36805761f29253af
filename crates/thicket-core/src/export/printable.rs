//! Text made safe to print for a person: names and quotes come from imported files and other
//! people's projects, and a terminal obeys what it is sent. An escape sequence in a code name
//! (`ESC ] 0 ; ... BEL` retitles the window, `ESC [ 2 J` clears the screen) or a line break
//! (which splits a table row) must be shown, not executed.
//!
//! [`visible`] replaces every control character (C0, DEL, C1), the Unicode line and paragraph
//! separators and the bidirectional overrides and isolates (which reorder what follows them on
//! screen, "Trojan Source") with a visible escape: `\n`, `\r`, `\t`, `\e`, `\x07`, `\u{202e}`.
//! Tables, error messages and Markdown printed by the command line use it; CSV and JSON do not
//! (they are data, and JSON escapes control characters itself).

use std::borrow::Cow;

/// `s` with control and direction-changing characters replaced by visible escapes; borrowed
/// when there is nothing to replace.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) < 0x100 && needs_escape(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_line_breaks_become_visible() {
        assert_eq!(visible("\u{1b}]0;pwned\u{7}"), "\\e]0;pwned\\x07");
        assert_eq!(visible("\u{1b}[2J"), "\\e[2J");
        assert_eq!(visible("a\nb"), "a\\nb");
        assert_eq!(visible("x\u{7f}\u{9b}y"), "x\\x7f\\x9by");
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(visible("Zoë – café"), "Zoë – café");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
    }
}
