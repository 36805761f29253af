//! Framework matrices (NVivo's framework matrices, MAXQDA's summary grid): cases as rows, codes as
//! columns, and in each cell a summary the researcher writes while reading that cell's segments.
//!
//! A matrix keeps its columns and rows in the user's order. A cell is stored only while it has a
//! summary, with who wrote it last and when; a summary whose code or case is taken out of the matrix
//! stays, and shows again when it is put back.

use serde::{Deserialize, Serialize};

use super::{CaseId, CodeId, CoderId, FrameworkId};

/// A framework matrix's own row: its name and when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    pub id: FrameworkId,
    pub uuid: String,
    pub name: String,
    pub created_at: String,
}

/// The summary of one case under one code, in one matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkCell {
    pub framework: FrameworkId,
    pub case: CaseId,
    pub code: CodeId,
    /// Never empty: a cell without a summary is not stored.
    pub summary: String,
    /// Who wrote the summary last.
    pub coder: CoderId,
    /// When (RFC 3339).
    pub updated_at: String,
}

/// A matrix with its columns (codes) and rows (cases) in order, and its stored cells (those of
/// codes or cases taken out of it included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkMatrix {
    pub framework: Framework,
    pub codes: Vec<CodeId>,
    pub cases: Vec<CaseId>,
    /// By case, then code.
    pub cells: Vec<FrameworkCell>,
}

impl FrameworkMatrix {
    /// The cell of `case` under `code`, if it has a summary.
    pub fn cell(&self, case: CaseId, code: CodeId) -> Option<&FrameworkCell> {
        self.cells.iter().find(|c| c.case == case && c.code == code)
    }

    /// The summary of `case` under `code`, empty when there is none.
    pub fn summary(&self, case: CaseId, code: CodeId) -> &str {
        self.cell(case, code).map_or("", |c| c.summary.as_str())
    }
}
