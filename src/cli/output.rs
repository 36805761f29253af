//! Printing results: aligned tables for people, CSV and JSON for scripts (docs/cli.md).

use thicket_core::error::{Error, Result};
use thicket_core::export::printable::visible;

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

impl Format {
    /// Parses `table`, `json` or `csv`.
    pub fn parse(s: &str) -> Result<Format> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(Error::invalid(format!("unknown format \"{s}\": expected table, json or csv"))),
        }
    }
}

/// Rows of text cells under a header, printable as an aligned table or as CSV.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: Vec<&'static str>) -> Self {
        Table { header, rows: Vec::new() }
    }

    /// Renders as aligned columns (widths in chars), one row per line: control characters in a
    /// cell (a line break, an escape sequence) are shown as escapes, never sent to the terminal.
    pub fn to_text(&self) -> String {
        let rows: Vec<Vec<String>> = self.rows.iter().map(|r| r.iter().map(|c| visible(c).into_owned()).collect()).collect();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: Vec<&str>| -> String {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
                .collect();
            padded.join("  ").trim_end().to_string()
        };
        let mut out = line(self.header.clone());
        out.push('\n');
        for row in &rows {
            out.push_str(&line(row.iter().map(String::as_str).collect()));
            out.push('\n');
        }
        out
    }

    /// Renders as RFC 4180 CSV with a header row, through the one CSV writer
    /// (`thicket_core::export::csv`: formula-like cells neutralised unless `--raw`).
    pub fn to_csv(&self) -> String {
        let mut out = thicket_core::export::csv::line(self.header.iter().copied());
        for row in &self.rows {
            out.push_str(&thicket_core::export::csv::line(row.iter().map(String::as_str)));
        }
        out
    }
}

/// Writes to stdout. A closed pipe (`thicket list ... | head`) ends output quietly instead of
/// panicking as `print!` would.
pub fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output(e)),
        _ => Ok(()),
    }
}

/// `println!` through `emit`, returning early on a write error. Control characters in what is
/// said (an escape sequence in a name) are shown as escapes; line breaks stay line breaks.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::output::emit(&$crate::cli::output::printable_lines(&format!("{}\n", format_args!($($arg)*))))?
    };
}

/// `text` with control characters shown as escapes in each line (`printable::visible`).
pub fn printable_lines(text: &str) -> String {
    text.split('\n').map(|l| visible(l).into_owned()).collect::<Vec<_>>().join("\n")
}
pub(crate) use say;

/// Prints a listing in the chosen format; `json` is built separately because its shape is richer.
pub fn print(format: Format, table: &Table, json: &serde_json::Value) -> Result<()> {
    match format {
        Format::Table => emit(&table.to_text()),
        Format::Csv => emit(&table.to_csv()),
        Format::Json => {
            let text = serde_json::to_string_pretty(json).map_err(|e| Error::internal(format!("cannot write JSON: {e}")))?;
            emit(&format!("{text}\n"))
        }
    }
}

/// The first `max` chars of `text` on one line, with an ellipsis when cut.
pub fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_cells_that_need_it() {
        let mut t = Table::new(vec!["a", "b"]);
        t.rows.push(vec!["x,y".into(), "say \"hi\"".into()]);
        t.rows.push(vec!["plain".into(), "two\nlines".into()]);
        assert_eq!(t.to_csv(), "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\nplain,\"two\nlines\"\r\n");
    }

    #[test]
    fn tables_align_on_chars_not_bytes() {
        let mut t = Table::new(vec!["name", "n"]);
        t.rows.push(vec!["Zoë".into(), "1".into()]);
        t.rows.push(vec!["Al".into(), "22".into()]);
        assert_eq!(t.to_text(), "name  n\nZoë   1\nAl    22\n");
    }

    #[test]
    fn snippets_flatten_whitespace_and_cut_long_text() {
        assert_eq!(snippet("a\n b", 10), "a b");
        assert_eq!(snippet("abcdefghij", 5), "abcd…");
    }
}
