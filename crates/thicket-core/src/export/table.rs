//! Titled tables of text and numbers, and their text forms: aligned columns, CSV, Markdown.
//!
//! In: `Sheet`s built from an analysis (see `analysis_tables`). Out: strings, or a CSV file. The
//! command line prints them and the GUI saves them, so a table exported from a window holds the
//! same bytes as the command that asks the same question.

use std::path::Path;

use super::printable::visible;
use crate::error::{Error, IoOp, Result};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    /// A number and the decimals it is printed with in text formats (XLSX keeps every digit).
    Num(f64, usize),
    Empty,
}

impl Cell {
    /// The cell as text formats print it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(v, d) => format!("{v:.d$}"),
            Cell::Empty => String::new(),
        }
    }

    /// True for numbers, which text tables align to the right.
    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num(..))
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Self {
        Cell::Int(n)
    }
}

/// A titled table: one sheet of a workbook, one block of text output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Printed under the table in table and Markdown output.
    pub note: Option<String>,
    /// Written to XLSX only (text formats show the other sheets).
    pub xlsx_only: bool,
    /// In XLSX, wrap long text in its cell (top-aligned, in wide columns), for paragraphs such as
    /// framework summaries; otherwise cells keep Excel's defaults.
    pub wrap_text: bool,
}

impl Sheet {
    /// An empty sheet with these column names.
    pub fn new(name: &str, header: Vec<String>) -> Self {
        Sheet { name: name.to_string(), header, ..Default::default() }
    }

    /// Aligned columns (widths in chars), numbers to the right.
    pub fn to_text(&self) -> String {
        // Control characters from names shown, not sent to the terminal (`printable`).
        let cells: Vec<Vec<String>> = self.rows.iter().map(|r| r.iter().map(|c| visible(&c.text()).into_owned()).collect()).collect();
        let header: Vec<String> = self.header.iter().map(|h| visible(h).into_owned()).collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for row in &cells {
            for (i, c) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(c.chars().count());
                }
            }
        }
        let line = |texts: &[String], numeric: &dyn Fn(usize) -> bool| -> String {
            let padded: Vec<String> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let pad = " ".repeat(widths.get(i).copied().unwrap_or(0).saturating_sub(t.chars().count()));
                    if numeric(i) { format!("{pad}{t}") } else { format!("{t}{pad}") }
                })
                .collect();
            padded.join("  ").trim_end().to_string()
        };
        let mut out = line(&header, &|_| false);
        out.push('\n');
        for (row, texts) in self.rows.iter().zip(&cells) {
            out.push_str(&line(texts, &|i| row.get(i).is_some_and(Cell::is_number)));
            out.push('\n');
        }
        out
    }

    /// RFC 4180 CSV with a header row and CRLF line ends, formula-like text neutralised
    /// (`export::csv`, the one CSV writer).
    pub fn to_csv(&self) -> String {
        let mut out = super::csv::line(self.header.iter().map(String::as_str));
        for row in &self.rows {
            let texts: Vec<String> = row.iter().map(Cell::text).collect();
            out.push_str(&super::csv::line(texts.iter().map(String::as_str)));
        }
        out
    }

    /// A GitHub-flavoured Markdown table; numeric columns right-aligned.
    pub fn to_md(&self) -> String {
        let esc = |s: &str| visible(&s.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")).into_owned();
        let numeric = |i: usize| !self.rows.is_empty() && self.rows.iter().all(|r| r.get(i).is_none_or(|c| c.is_number() || *c == Cell::Empty));
        let mut out = format!("| {} |\n", self.header.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | "));
        let rule: Vec<&str> = (0..self.header.len()).map(|i| if numeric(i) { "---:" } else { "---" }).collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in &self.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(&c.text())).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}

/// The CSV of a report: its first sheet that text formats show (CSV has no room for titles, so
/// it holds one table), or nothing when there is none.
pub fn csv_of(sheets: &[Sheet]) -> String {
    sheets.iter().find(|s| !s.xlsx_only).map(Sheet::to_csv).unwrap_or_default()
}

/// Writes `csv_of(sheets)` to `path`.
pub fn write_csv(path: &Path, sheets: &[Sheet]) -> Result<()> {
    write_file(path, csv_of(sheets).as_bytes())
}

/// Writes bytes to a file, with an error naming it.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(IoOp::Write, path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let mut s = Sheet::new("t", vec!["code".into(), "a|b".into(), "n".into()]);
        s.rows.push(vec!["Ruptures/Withdrawal".into(), Cell::Int(3), Cell::Num(12.345, 2)]);
        s.rows.push(vec!["x, \"y\"".into(), Cell::Int(10), Cell::Empty]);
        s
    }

    #[test]
    fn text_tables_right_align_numbers() {
        assert_eq!(sheet().to_text(), "code                 a|b  n\nRuptures/Withdrawal    3  12.35\nx, \"y\"                10\n");
    }

    #[test]
    fn csv_quotes_and_md_escapes() {
        assert_eq!(sheet().to_csv(), "code,a|b,n\r\nRuptures/Withdrawal,3,12.35\r\n\"x, \"\"y\"\"\",10,\r\n");
        assert_eq!(sheet().to_md(), "| code | a\\|b | n |\n| --- | ---: | ---: |\n| Ruptures/Withdrawal | 3 | 12.35 |\n| x, \"y\" | 10 |  |\n");
    }

    #[test]
    fn the_csv_of_a_report_is_its_first_shown_sheet() {
        let hidden = Sheet { xlsx_only: true, ..Sheet::new("hidden", vec!["h".into()]) };
        assert_eq!(csv_of(&[hidden.clone(), sheet()]), sheet().to_csv());
        assert_eq!(csv_of(&[hidden]), "");
    }
}
