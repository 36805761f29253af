//! Excerpts as a table: one row per excerpt, each citation field in its own column, for CSV and
//! XLSX (through the shared `Sheet`).
//!
//! A CSV opened in a spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (or a
//! tab or carriage return) as a formula. Transcripts start lines with such characters ("- I
//! said no"), so the CSV writer (`export::csv`) prefixes those cells with `'`. XLSX needs no
//! such change: its text cells are stored as strings, which spreadsheets never evaluate, so the
//! quotes stay exact there.

use super::{Excerpts, Field, arrange::case_label};
use crate::export::table::{Cell, Sheet};

/// The columns, in order.
const HEADER: &[&str] = &[
    "group", "section", "code", "text", "citation", "speaker", "role", "case", "source", "kind", "date", "paragraph", "line", "page",
    "time", "coder", "memo", "other_codes", "context_before", "context_after", "coding_id", "start", "end",
];

/// The excerpts as one sheet named "Excerpts", in the export's order.
pub fn excerpt_sheet(x: &Excerpts) -> Sheet {
    let mut sheet = Sheet::new("Excerpts", HEADER.iter().map(|h| h.to_string()).collect());
    for group in &x.groups {
        for section in &group.sections {
            for e in &section.excerpts {
                let f = &e.fields;
                let text = |field: Field| Cell::Text(f.value(field));
                let maybe = |n: Option<usize>| n.map_or(Cell::Empty, |n| Cell::Int(n as u64));
                sheet.rows.push(vec![
                    Cell::Text(group.title.clone()),
                    section.title.clone().map_or(Cell::Empty, Cell::Text),
                    text(Field::Code),
                    Cell::Text(e.text.clone()),
                    Cell::Text(e.citation.clone()),
                    text(Field::Speaker),
                    text(Field::Role),
                    Cell::Text(if f.cases.is_empty() { String::new() } else { case_label(e) }),
                    text(Field::Source),
                    text(Field::Kind),
                    text(Field::Date),
                    Cell::Int(f.paragraph as u64),
                    Cell::Int(f.line as u64),
                    maybe(f.page),
                    text(Field::Time),
                    text(Field::Coder),
                    Cell::Text(e.memo.clone()),
                    Cell::Text(e.other_codes.join("; ")),
                    Cell::Text(e.context_before.clone()),
                    Cell::Text(e.context_after.clone()),
                    Cell::Int(e.coding_id.0.max(0) as u64),
                    Cell::Int(e.start as u64),
                    Cell::Int(e.end as u64),
                ]);
            }
        }
    }
    sheet
}

/// The CSV of `excerpt_sheet`, with formula-like cells neutralised (`export::csv`).
pub fn to_csv(x: &Excerpts) -> String {
    excerpt_sheet(x).to_csv()
}

pub use crate::export::csv::neutralise_cell;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(neutralise_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise_cell("- I said no"), "'- I said no");
        assert_eq!(neutralise_cell("+1"), "'+1");
        assert_eq!(neutralise_cell("@home"), "'@home");
        assert_eq!(neutralise_cell("\tx"), "'\tx");
        assert_eq!(neutralise_cell("I said - no"), "I said - no");
    }
}
