//! Framework matrices: creating and renaming one, choosing its columns (codes) and rows (cases),
//! and writing a cell's summary. Deleting a matrix is `Remove` (it takes its cells along, and
//! undo puts them back).

use std::collections::BTreeSet;

use super::{check_name, conflict, created, invalid, new_uuid, not_found, require_case, require_coder, unchanged};
use crate::action::{Action, EntitySet};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateFramework`: a matrix with a name not yet taken, with these columns and rows.
pub(super) fn create(w: &mut Writer<'_>, name: String, codes: Vec<CodeId>, cases: Vec<CaseId>) -> Result<Outcome> {
    check_name("framework matrix", &name)?;
    check_free_name(w, &name, None)?;
    check_codes(w, &codes)?;
    check_cases(w, &cases)?;
    let id = w.insert_framework(&Framework { id: FrameworkId(0), uuid: new_uuid(), name, created_at: now_rfc3339() })?;
    w.set_framework_columns(id, &codes)?;
    w.set_framework_rows(id, &cases)?;
    Ok(created(EntitySet { frameworks: vec![id], ..Default::default() }))
}

/// `Action::RenameFramework`: undone by giving back the old name.
pub(super) fn rename(w: &mut Writer<'_>, id: FrameworkId, name: String) -> Result<Outcome> {
    let old = require_framework(w, id)?;
    check_name("framework matrix", &name)?;
    check_free_name(w, &name, Some(id))?;
    w.rename_framework(id, &name)?;
    Ok(unchanged(Action::RenameFramework { id, name: old.framework.name }))
}

/// `Action::SetFrameworkColumns`: undone by giving back the old columns. Summaries of codes taken
/// out stay, hidden, and show again when their code is put back.
pub(super) fn set_columns(w: &mut Writer<'_>, id: FrameworkId, codes: Vec<CodeId>) -> Result<Outcome> {
    let old = require_framework(w, id)?;
    check_codes(w, &codes)?;
    w.set_framework_columns(id, &codes)?;
    Ok(unchanged(Action::SetFrameworkColumns { id, codes: old.codes }))
}

/// `Action::SetFrameworkRows`: undone by giving back the old rows.
pub(super) fn set_rows(w: &mut Writer<'_>, id: FrameworkId, cases: Vec<CaseId>) -> Result<Outcome> {
    let old = require_framework(w, id)?;
    check_cases(w, &cases)?;
    w.set_framework_rows(id, &cases)?;
    Ok(unchanged(Action::SetFrameworkRows { id, cases: old.cases }))
}

/// What `Action::SetFrameworkCell` writes.
pub(super) struct CellEdit {
    pub framework: FrameworkId,
    pub case: CaseId,
    pub code: CodeId,
    pub summary: String,
    pub coder: CoderId,
    pub updated_at: Option<String>,
}

/// `Action::SetFrameworkCell`: the summary of a case under a code, by `coder`, now (or at the
/// time given, which is how undo puts back the old one); an empty summary clears the cell. The
/// case must be a row and the code a column of the matrix. Undone by writing back the old summary
/// with its coder and time, or by clearing a cell that had none.
pub(super) fn set_cell(w: &mut Writer<'_>, e: CellEdit) -> Result<Outcome> {
    let matrix = require_framework(w, e.framework)?;
    let name = &matrix.framework.name;
    if !matrix.cases.contains(&e.case) {
        return invalid(format!("case {} is not a row of the framework matrix \"{name}\"", e.case));
    }
    if !matrix.codes.contains(&e.code) {
        return invalid(format!("code {} is not a column of the framework matrix \"{name}\"", e.code));
    }
    let old = matrix.cell(e.case, e.code).cloned();
    let inverse = match &old {
        Some(o) => Action::SetFrameworkCell {
            framework: e.framework,
            case: e.case,
            code: e.code,
            summary: o.summary.clone(),
            coder: o.coder,
            updated_at: Some(o.updated_at.clone()),
        },
        None => Action::SetFrameworkCell { framework: e.framework, case: e.case, code: e.code, summary: String::new(), coder: e.coder, updated_at: None },
    };
    if e.summary.is_empty() {
        w.delete_framework_cell(e.framework, e.case, e.code)?;
    } else {
        require_coder(w, e.coder)?;
        let updated_at = e.updated_at.unwrap_or_else(now_rfc3339);
        w.put_framework_cell(&FrameworkCell { framework: e.framework, case: e.case, code: e.code, summary: e.summary, coder: e.coder, updated_at })?;
    }
    Ok(unchanged(inverse))
}

fn require_framework(w: &Writer<'_>, id: FrameworkId) -> Result<FrameworkMatrix> {
    match w.read().framework(id)? {
        Some(m) => Ok(m),
        None => not_found(format!("no framework matrix with id {id}")),
    }
}

fn check_free_name(w: &Writer<'_>, name: &str, except: Option<FrameworkId>) -> Result<()> {
    if w.read().frameworks()?.iter().any(|f| f.name == name && Some(f.id) != except) {
        return conflict(format!("a framework matrix named \"{name}\" already exists"));
    }
    Ok(())
}

/// Every code must exist, each once.
fn check_codes(w: &Writer<'_>, codes: &[CodeId]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for &code in codes {
        if w.read().code(code)?.is_none() {
            return not_found(format!("no code with id {code}"));
        }
        if !seen.insert(code) {
            return invalid(format!("code {code} is a column of the matrix twice"));
        }
    }
    Ok(())
}

/// Every case must exist, each once.
fn check_cases(w: &Writer<'_>, cases: &[CaseId]) -> Result<()> {
    let mut seen = BTreeSet::new();
    for &case in cases {
        require_case(w, case)?;
        if !seen.insert(case) {
            return invalid(format!("case {case} is a row of the matrix twice"));
        }
    }
    Ok(())
}
