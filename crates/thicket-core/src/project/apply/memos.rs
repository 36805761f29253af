//! Creating and editing memos, which hang from the project, a source (or a span of it), a code,
//! a case or a participant.

use super::{created, invalid, new_uuid, not_found, require_coder, unchanged};
use crate::action::{Action, EntitySet};
use crate::clock::now_rfc3339;
use crate::error::Result;
use crate::model::*;
use crate::project::Outcome;
use crate::store::Writer;

/// `Action::CreateMemo`: a memo on a target that exists, by a coder that exists.
pub(super) fn create(w: &mut Writer<'_>, target: MemoTarget, title: String, body: String, coder: CoderId) -> Result<Outcome> {
    check_memo_target(w, &target)?;
    require_coder(w, coder)?;
    let now = now_rfc3339();
    let memo = Memo { id: MemoId(0), uuid: new_uuid(), target, title, body, coder_id: coder, created_at: now.clone(), updated_at: now };
    let id = w.insert_memo(&memo)?;
    Ok(created(EntitySet { memos: vec![id], ..Default::default() }))
}

/// `Action::UpdateMemo`: a new title and body, changed now (or at the time given, which is how
/// undo puts back the old time); undone by putting back the old title, body and time.
pub(super) fn update(w: &mut Writer<'_>, id: MemoId, title: String, body: String, updated_at: Option<String>) -> Result<Outcome> {
    let Some(old) = w.read().memo(id)? else { return not_found(format!("no memo with id {id}")) };
    w.update_memo(id, &title, &body, &updated_at.unwrap_or_else(now_rfc3339))?;
    Ok(unchanged(Action::UpdateMemo { id, title: old.title, body: old.body, updated_at: Some(old.updated_at) }))
}

/// The target must exist (`NotFound`) and a source span must lie inside its source (`Invalid`);
/// both are told in one message.
fn check_memo_target(w: &Writer<'_>, target: &MemoTarget) -> Result<()> {
    const REFUSED: &str = "the memo's target does not exist (or its span is outside the source)";
    let r = w.read();
    let exists = match *target {
        MemoTarget::Project => true,
        MemoTarget::Source { id, span } => match r.source(id)? {
            Some(s) if span.is_some_and(|sp| sp.end > s.char_len || sp.start >= sp.end) => return invalid(REFUSED),
            Some(_) => true,
            None => false,
        },
        MemoTarget::Code { id } => r.code(id)?.is_some(),
        MemoTarget::Case { id } => r.cases()?.iter().any(|c| c.id == id),
        MemoTarget::Participant { id } => r.participants()?.iter().any(|p| p.id == id),
    };
    if exists { Ok(()) } else { not_found(REFUSED) }
}
