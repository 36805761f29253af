//! A framework matrix as a report: the cases × codes table of summaries, then each case with,
//! under each code, how many segments the summary stands on and who wrote it last.
//!
//! In: the stored matrix (`FrameworkMatrix`) and the project's rows (`AnalysisData`, for names
//! and segment counts). Out: one model (`FrameworkReport`, also the JSON shape), written as a
//! `Document` (Markdown, HTML, and DOCX once that writer lands), as `Sheet`s (XLSX with wrapped
//! text, CSV of the summary table).

use serde::Serialize;

use super::document::{Document, Run};
use super::table::{Cell, Sheet};
use crate::analysis::{AnalysisData, framework_grid};
use crate::model::*;

/// A framework matrix, ready to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkReport {
    /// The matrix's name.
    pub framework: String,
    /// The columns' code paths, in order.
    pub codes: Vec<String>,
    /// The rows' case names, in order.
    pub cases: Vec<String>,
    pub rows: Vec<FrameworkRow>,
}

/// One case of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkRow {
    pub case: String,
    /// One per column, in order.
    pub cells: Vec<FrameworkReportCell>,
}

/// One cell: its summary and what it stands on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkReportCell {
    pub code: String,
    /// Empty when none was written.
    pub summary: String,
    /// Codings of the code (or its sub-codes) in the case's sources.
    pub segments: usize,
    /// Who wrote the summary last, and when (RFC 3339); `None` without a summary.
    pub edited_by: Option<String>,
    pub updated_at: Option<String>,
}

impl FrameworkReport {
    /// The report of `matrix` over `data` (loaded without texts: only counts are needed).
    pub fn build(matrix: &FrameworkMatrix, data: &AnalysisData) -> Self {
        let grid = framework_grid(data, &matrix.cases, &matrix.codes);
        let codes: Vec<String> = matrix.codes.iter().map(|c| data.code_path(*c)).collect();
        let case_name = |id: &CaseId| data.cases.get(id).map(|c| c.name.clone()).unwrap_or_else(|| format!("case {id}"));
        let rows = matrix
            .cases
            .iter()
            .enumerate()
            .map(|(r, case)| FrameworkRow {
                case: case_name(case),
                cells: matrix
                    .codes
                    .iter()
                    .enumerate()
                    .map(|(c, code)| {
                        let stored = matrix.cell(*case, *code);
                        FrameworkReportCell {
                            code: codes[c].clone(),
                            summary: stored.map(|s| s.summary.clone()).unwrap_or_default(),
                            segments: grid.cells[r][c].len(),
                            edited_by: stored.map(|s| data.coders.get(&s.coder).map(|k| k.name.clone()).unwrap_or_else(|| format!("coder {}", s.coder))),
                            updated_at: stored.map(|s| s.updated_at.clone()),
                        }
                    })
                    .collect(),
            })
            .collect();
        FrameworkReport { framework: matrix.framework.name.clone(), codes, cases: matrix.cases.iter().map(case_name).collect(), rows }
    }

    /// The report as a document: the summary table, then one section per case.
    pub fn document(&self) -> Document {
        let mut doc = Document::new(self.framework.clone());
        doc.subtitle = format!("Framework matrix · {} × {}", plural(self.cases.len(), "case", "cases"), plural(self.codes.len(), "code", "codes"));
        if self.cases.is_empty() || self.codes.is_empty() {
            doc.note("The matrix has no cases or no codes yet.");
            return doc;
        }
        let (header, rows) = self.summary_table();
        doc.table(header, rows);
        for row in &self.rows {
            doc.heading(1, row.case.clone());
            for cell in &row.cells {
                doc.paragraph(vec![Run::bold(cell.code.clone()), Run::plain(format!(" · {}", plural(cell.segments, "segment", "segments")))]);
                if cell.summary.is_empty() {
                    doc.note("No summary yet.");
                } else {
                    for paragraph in cell.summary.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                        doc.text(paragraph);
                    }
                    if let (Some(by), Some(at)) = (&cell.edited_by, &cell.updated_at) {
                        doc.note(format!("Summary by {by}, {}", at.get(..10).unwrap_or(at)));
                    }
                }
            }
        }
        doc
    }

    /// The header and rows of the cases × codes table of summaries.
    fn summary_table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let header = std::iter::once("Case".to_string()).chain(self.codes.iter().cloned()).collect();
        let rows = self.rows.iter().map(|r| std::iter::once(r.case.clone()).chain(r.cells.iter().map(|c| c.summary.clone())).collect()).collect();
        (header, rows)
    }

    /// The sheets: the summaries (wrapped; what CSV holds), then for XLSX the segment counts and
    /// one row per cell with who wrote it and when.
    pub fn sheets(&self) -> Vec<Sheet> {
        let (header, rows) = self.summary_table();
        let summaries = Sheet { rows: rows.into_iter().map(|r| r.into_iter().map(Cell::Text).collect()).collect(), wrap_text: true, ..Sheet::new("Summaries", header.clone()) };
        let counts = Sheet {
            rows: self
                .rows
                .iter()
                .map(|r| std::iter::once(Cell::Text(r.case.clone())).chain(r.cells.iter().map(|c| Cell::Int(c.segments as u64))).collect())
                .collect(),
            xlsx_only: true,
            ..Sheet::new("Segments", header)
        };
        let mut cells = Sheet::new("Cells", ["Case", "Code", "Summary", "Segments", "Edited by", "Updated at"].map(String::from).to_vec());
        cells.xlsx_only = true;
        cells.wrap_text = true;
        for r in &self.rows {
            for c in &r.cells {
                cells.rows.push(vec![
                    Cell::Text(r.case.clone()),
                    Cell::Text(c.code.clone()),
                    Cell::Text(c.summary.clone()),
                    Cell::Int(c.segments as u64),
                    c.edited_by.clone().map_or(Cell::Empty, Cell::Text),
                    c.updated_at.clone().map_or(Cell::Empty, Cell::Text),
                ]);
            }
        }
        vec![summaries, counts, cells]
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
