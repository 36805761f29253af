//! The one CSV writer: every CSV Thicket writes (listings, analyses, excerpts, codebooks,
//! framework matrices; from the command line and the window) goes through [`field`].
//!
//! A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
//! return, which some strip first) as a formula: a code named `=HYPERLINK("http://x","y")` in
//! an exported table would become a live link, `@cmd` or `+SUM(1)` a command. Following OWASP's
//! guidance on CSV injection, such a text cell gets a leading `'`, which spreadsheets show as
//! text and which a reader removes to get the exact text back. A cell that is entirely a
//! decimal number (`-3`, `12.5`) is left alone: it is a number, and spreadsheets read it as one.
//! `thicket --raw` (see [`set_raw`]) writes every cell exactly as it is, for programs that read
//! CSV and know what they do with it.

use std::sync::atomic::{AtomicBool, Ordering};

static RAW: AtomicBool = AtomicBool::new(false);

/// Writes cells exactly as they are from now on in this process (`--raw`), or neutralises
/// formula-like cells again (the default).
pub fn set_raw(raw: bool) {
    RAW.store(raw, Ordering::Relaxed);
}

/// True when `--raw` was asked for.
pub fn is_raw() -> bool {
    RAW.load(Ordering::Relaxed)
}

/// A text cell made safe to open in a spreadsheet: one that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'`, unless it is a plain decimal number.
pub fn neutralise_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s) { format!("'{s}") } else { s.to_string() }
}

/// `-?digits(.digits)?`: a number a spreadsheet reads as a number and nothing else.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// One CSV field (RFC 4180): neutralised unless `--raw`, then quoted when it holds a comma, a
/// quote or a line break.
pub fn field(cell: &str) -> String {
    let cell = if is_raw() { cell.to_string() } else { neutralise_cell(cell) };
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}

/// One CSV line of text cells, CRLF-terminated.
pub fn line<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = cells.into_iter().map(field).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralise_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise_cell("- I said no"), "'- I said no");
        assert_eq!(neutralise_cell("+1"), "'+1");
        assert_eq!(neutralise_cell("@home"), "'@home");
        assert_eq!(neutralise_cell("\tx"), "'\tx");
        assert_eq!(neutralise_cell("\r=1"), "'\r=1");
        assert_eq!(neutralise_cell("I said - no"), "I said - no");
        assert_eq!(neutralise_cell("-3"), "-3");
        assert_eq!(neutralise_cell("-12.50"), "-12.50");
        assert_eq!(neutralise_cell("-1+cmd"), "'-1+cmd");
        assert_eq!(neutralise_cell("-"), "'-");
        assert_eq!(neutralise_cell("-1."), "'-1.");
    }

    #[test]
    fn fields_are_neutralised_then_quoted() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(line(["a", "@cmd", "-2"]), "a,'@cmd,-2\r\n");
    }
}
