//! Creating and editing cases, and putting sources into them or taking them out.

use super::{check_name, conflict, created, find_case, new_uuid, not_found, require_case, require_source, unchanged};
use crate::action::{Action, EntitySet};
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateCase`: a case with a name not yet taken, optionally with sources.
pub(super) fn create(w: &mut Writer<'_>, name: String, description: String, sources: &[SourceId]) -> Result<Outcome> {
    check_name("case", &name)?;
    if find_case(w, &name)?.is_some() {
        return conflict(format!("a case named \"{name}\" already exists"));
    }
    let id = w.insert_case(None, &new_uuid(), &name, &description)?;
    for s in sources {
        require_source(w, *s)?;
        w.link_case_source(id, *s)?;
    }
    Ok(created(EntitySet { cases: vec![id], ..Default::default() }))
}

/// `Action::UpdateCase`: a new name (not taken by another case) or description.
pub(super) fn update(w: &mut Writer<'_>, id: CaseId, name: String, description: String) -> Result<Outcome> {
    let Some(old) = w.read().cases()?.into_iter().find(|c| c.id == id) else {
        return not_found(format!("no case with id {id}"));
    };
    check_name("case", &name)?;
    if name != old.name && find_case(w, &name)?.is_some() {
        return conflict(format!("a case named \"{name}\" already exists"));
    }
    w.update_case(id, &name, &description)?;
    Ok(unchanged(Action::UpdateCase { id, name: old.name, description: old.description }))
}

/// `Action::AssignSources`: undone by unassigning only the sources that were not in the case yet.
pub(super) fn assign(w: &mut Writer<'_>, case: CaseId, sources: Vec<SourceId>) -> Result<Outcome> {
    require_case(w, case)?;
    let mut linked = Vec::new();
    for s in sources {
        require_source(w, s)?;
        if w.link_case_source(case, s)? {
            linked.push(s);
        }
    }
    Ok(unchanged(Action::UnassignSources { case, sources: linked }))
}

/// `Action::UnassignSources`: undone by assigning back only the sources that were in the case.
pub(super) fn unassign(w: &mut Writer<'_>, case: CaseId, sources: Vec<SourceId>) -> Result<Outcome> {
    let mut unlinked = Vec::new();
    for s in sources {
        if w.unlink_case_source(case, s)? {
            unlinked.push(s);
        }
    }
    Ok(unchanged(Action::AssignSources { case, sources: unlinked }))
}
