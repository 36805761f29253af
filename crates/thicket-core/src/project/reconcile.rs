//! Reconciliation (docs/reconcile.md): the queue of disagreements between chosen coders over
//! chosen codes and sources, with the decisions recorded for them; the action that records new
//! decisions; and the agreement figures shown before and after.
//!
//! The queue is read from the store (codings of the compared coders and the master, decisions)
//! and worked out by `analysis::disagreements`, a pure function; the action is built here with the
//! spans each choice gives (`analysis::resolved_spans`) and applied like any other.

use std::collections::{BTreeSet, HashMap};

use super::Project;
use crate::action::{Action, PlannedDecision, ReconcileStep};
use crate::analysis::{Disagreement, ItemId, QueueOrder, SimpleAgreement, agreed_codings, disagreements, paragraph_agreement, resolved_spans};
use crate::error::{Error, Result};
use crate::model::*;

/// What to reconcile: the coders compared (the first is A, the second B), the master coder's name,
/// and the codes and sources looked at (empty codes: all; empty sources: those every compared
/// coder coded).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReconcileScope {
    pub coders: Vec<CoderId>,
    pub master: String,
    pub codes: Vec<CodeId>,
    pub sources: Vec<SourceId>,
}

impl ReconcileScope {
    fn wants_code(&self, code: CodeId) -> bool {
        self.codes.is_empty() || self.codes.contains(&code)
    }

    fn wants_source(&self, source: SourceId) -> bool {
        self.sources.is_empty() || self.sources.contains(&source)
    }
}

/// One item of the queue and its decision, if one is recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueItem {
    pub item: Disagreement,
    pub decision: Option<ReconcileDecision>,
}

impl QueueItem {
    /// The decided choice as seen with the scope's coder order (`None`: unresolved).
    pub fn choice(&self, coders: &[CoderId]) -> Option<Choice> {
        self.decision.as_ref().map(|d| d.choice_for(coders))
    }
}

/// The disagreements of a scope, in the order asked, with their decisions.
#[derive(Debug, Clone, PartialEq)]
pub struct ReconcileQueue {
    pub scope: ReconcileScope,
    /// The master coder, when it exists yet.
    pub master: Option<CoderId>,
    pub items: Vec<QueueItem>,
    /// Each source's length in chars, to check an edited span.
    pub source_lengths: HashMap<SourceId, usize>,
}

impl ReconcileQueue {
    /// How many items have a decision.
    pub fn resolved(&self) -> usize {
        self.items.iter().filter(|i| i.decision.is_some()).count()
    }

    /// The item with this id.
    pub fn get(&self, id: ItemId) -> Option<&QueueItem> {
        self.items.iter().find(|i| i.item.id == id)
    }

    /// The decisions of a CSV file (its bytes; `shown` names it in errors): a header row naming
    /// `item` and `decision` (and, as needed, `start` and `end` for an edit, and `note`), then one
    /// row per item of this queue. A row with an empty decision is skipped and other columns are
    /// ignored, so `list --format csv` with decisions filled in is a decisions file (its
    /// `edit START..END` is read too). Errors name the file and the line.
    pub fn decisions_from_csv(&self, bytes: &[u8], shown: &str) -> Result<Vec<(ItemId, Choice, String)>> {
        let queue = self;
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| Error::invalid(format!("\"{shown}\": not UTF-8 text")))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| Error::invalid(format!("\"{shown}\" line 1: cannot read the header: {e}")))?
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        let column = |name: &str| header.iter().position(|h| h == name);
        let (Some(item_col), Some(decision_col)) = (column("item"), column("decision")) else {
            return Err(Error::invalid(format!(
                "\"{shown}\" line 1: the header must name the columns item and decision (and start, end, note as needed); it has {}",
                header.join(", ")
            )));
        };
        let (start_col, end_col, note_col) = (column("start"), column("end"), column("note"));
        let mut out = Vec::new();
        let mut seen: HashMap<ItemId, u64> = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| Error::invalid(format!("\"{shown}\": {e}")))?;
            let line = record.position().map_or(0, |p| p.line());
            let at = |msg: String| Error::invalid(format!("\"{shown}\" line {line}: {msg}"));
            let cell = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("").to_string();
            if record.iter().all(|c| c.is_empty()) {
                continue;
            }
            let mut name = cell(Some(decision_col)).to_ascii_lowercase();
            if name.is_empty() {
                // An undecided row (a listing with some decisions filled in).
                continue;
            }
            let item_text = cell(Some(item_col));
            let id = ItemId::parse(&item_text).ok_or_else(|| at(format!("\"{item_text}\" is not an item id (such as s3-c12-40-95, from `list`)")))?;
            if queue.get(id).is_none() {
                return Err(Error::not_found(format!(
                    "\"{shown}\" line {line}: no disagreement item {id} between these coders (it may have been agreed or changed; list them again)"
                )));
            }
            if let Some(first) = seen.insert(id, line) {
                return Err(at(format!("item {id} is decided twice (also on line {first})")));
            }
            let (mut start, mut end) = (cell(start_col), cell(end_col));
            // `edit START..END` in the decision cell, as `list` writes a recorded edit.
            if let Some(range) = name.strip_prefix("edit ").map(str::trim).map(str::to_string) {
                let span = TextSpan::parse_range(&range).ok_or_else(|| at(format!("\"edit {range}\" is not an edit of START..END")))?;
                (start, end) = (span.start.to_string(), span.end.to_string());
                name = "edit".into();
            }
            let span = if name == "edit" {
                let s: usize = start.parse().map_err(|_| at(format!("an edit needs a start: \"{start}\" is not a number")))?;
                let e: usize = end.parse().map_err(|_| at(format!("an edit needs an end: \"{end}\" is not a number")))?;
                let span = TextSpan::new(s, e).ok_or_else(|| at(format!("the edited span {s}..{e} is empty or reversed")))?;
                let len = queue.source_lengths.get(&id.source).copied().unwrap_or(usize::MAX);
                if span.end > len {
                    return Err(at(format!("the edited span {span} is outside the source (it has {len} characters)")));
                }
                Some(span)
            } else {
                None
            };
            let choice = Choice::parse(&name, span)
                .ok_or_else(|| at(format!("unknown decision \"{name}\": expected one of {}", Choice::NAMES.join(", "))))?;
            out.push((id, choice, cell(note_col)));
        }
        if out.is_empty() {
            return Err(Error::invalid(format!("\"{shown}\": no decisions (one row per item: item, decision, start, end, note)")));
        }
        Ok(out)
    }
}

/// Agreement before and after reconciling: A with B, and each compared coder with the master.
#[derive(Debug, Clone, PartialEq)]
pub struct ReconcileAgreement {
    /// The first two compared coders.
    pub before: SimpleAgreement,
    /// Each compared coder with the master (empty while there is no master).
    pub after: Vec<(CoderId, SimpleAgreement)>,
}

impl Project {
    /// The coders named `names`, in that order, or an error naming the one missing and those there are.
    pub fn coders_named(&self, names: &[String]) -> Result<Vec<CoderId>> {
        let all = self.coders()?;
        names
            .iter()
            .map(|n| {
                all.iter().find(|c| c.name == *n).map(|c| c.id).ok_or_else(|| {
                    let there: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
                    Error::not_found(format!("no coder named \"{n}\": there are {}", there.join(", ")))
                })
            })
            .collect()
    }

    /// The queue of `scope` in `order`: every disagreement between the compared coders, with the
    /// decision recorded for it into the master, if any.
    pub fn reconcile_queue(&self, scope: &ReconcileScope, order: QueueOrder) -> Result<ReconcileQueue> {
        check_scope(scope)?;
        let refs: Vec<CodingRef> = self
            .store
            .read()
            .coding_refs_of_coders(&scope.coders)?
            .into_iter()
            .filter(|c| scope.wants_source(c.source_id))
            .collect();
        let refs: Vec<CodingRef> = shared_only(scope, refs).into_iter().filter(|c| scope.wants_code(c.code_id)).collect();
        let all_sources = self.sources()?;
        let sources: Vec<SourceId> = all_sources.iter().map(|s| s.id).collect();
        let source_lengths = all_sources.iter().map(|s| (s.id, s.char_len)).collect();
        let codes: Vec<CodeId> = self.codebook()?.walk().into_iter().map(|(_, c)| c.id).collect();
        let found = disagreements(&refs, &scope.coders, &sources, &codes, order);
        let master = self.coders()?.into_iter().find(|c| c.name == scope.master).map(|c| c.id);
        let mut decided: HashMap<(SourceId, CodeId, TextSpan), ReconcileDecision> =
            self.reconcile_decisions(scope)?.into_iter().map(|d| ((d.key.source, d.key.code, d.key.extent), d)).collect();
        let items = found
            .into_iter()
            .map(|item| {
                let decision = decided.remove(&(item.id.source, item.id.code, item.id.extent));
                QueueItem { item, decision }
            })
            .collect();
        Ok(ReconcileQueue { scope: scope.clone(), master, items, source_lengths })
    }

    /// The action that records these decisions (item, choice, note) on `queue`'s items, by
    /// `decided_by`: one step, one undo. An id not in the queue is refused, naming it.
    pub fn reconcile_action(&self, queue: &ReconcileQueue, decisions: &[(ItemId, Choice, String)], decided_by: &str) -> Result<Action> {
        if decisions.is_empty() {
            return Err(Error::invalid("no decisions to apply"));
        }
        let mut planned = Vec::with_capacity(decisions.len());
        for (id, choice, note) in decisions {
            let Some(q) = queue.get(*id) else {
                return Err(Error::not_found(format!("no disagreement item {id} in this queue (list them with `thicket reconcile … list`)")));
            };
            planned.push((&q.item, *choice, note.clone()));
        }
        Ok(plan_decisions(&queue.scope, &planned, decided_by))
    }

    /// The codings of the scope every compared coder agrees on that its master does not have yet
    /// (`analysis::agreed_codings`), by source, code and span.
    pub fn reconcile_agreed(&self, scope: &ReconcileScope) -> Result<Vec<(SourceId, CodeId, TextSpan)>> {
        check_scope(scope)?;
        let master = self.coders()?.into_iter().find(|c| c.name == scope.master).map(|c| c.id);
        let mut who = scope.coders.clone();
        who.extend(master);
        let refs: Vec<CodingRef> = self
            .store
            .read()
            .coding_refs_of_coders(&who)?
            .into_iter()
            .filter(|c| scope.wants_source(c.source_id))
            .collect();
        let refs: Vec<CodingRef> = shared_only(scope, refs).into_iter().filter(|c| scope.wants_code(c.code_id)).collect();
        let in_master: BTreeSet<(SourceId, CodeId, TextSpan)> =
            refs.iter().filter(|c| Some(c.coder_id) == master).map(|c| (c.source_id, c.code_id, c.span)).collect();
        Ok(agreed_codings(&refs, &scope.coders).into_iter().filter(|a| !in_master.contains(a)).collect())
    }

    /// The decisions recorded comparing the scope's coders into its master (none while the
    /// master does not exist), by source, extent and code.
    pub fn reconcile_decisions(&self, scope: &ReconcileScope) -> Result<Vec<ReconcileDecision>> {
        match self.coders()?.into_iter().find(|c| c.name == scope.master) {
            Some(m) => Ok(self.store.read().reconcile_decisions(m.id, &scope.coders)?),
            None => Ok(Vec::new()),
        }
    }

    /// Agreement of `scope` before (A with B) and after (each compared coder with the master), at
    /// paragraph unit on the scope's codes and sources (`analysis::paragraph_agreement`: the
    /// agreement module's percent agreement and Cohen's kappa, as the Agreement tab has them).
    pub fn reconcile_agreement(&self, scope: &ReconcileScope) -> Result<ReconcileAgreement> {
        check_scope(scope)?;
        let master = self.coders()?.into_iter().find(|c| c.name == scope.master).map(|c| c.id);
        let mut data = self.analysis_data_with(crate::analysis::AnalysisLoad { speakers: true, texts: true })?;
        if !scope.sources.is_empty() {
            data.codings.retain(|c| scope.wants_source(c.source));
        }
        let before = paragraph_agreement(&data, scope.coders[0], scope.coders[1], &scope.codes);
        let after = match master {
            Some(m) => scope.coders.iter().map(|c| (*c, paragraph_agreement(&data, *c, m, &scope.codes))).collect(),
            None => Vec::new(),
        };
        Ok(ReconcileAgreement { before, after })
    }
}

/// The action that records `decisions` (item, choice, note) comparing the scope's coders into its
/// master, by `decided_by`, with the spans each choice gives: one step, one undo.
pub fn plan_decisions(scope: &ReconcileScope, decisions: &[(&Disagreement, Choice, String)], decided_by: &str) -> Action {
    let planned = decisions
        .iter()
        .map(|(item, choice, note)| PlannedDecision {
            source: item.id.source,
            code: item.id.code,
            extent: item.id.extent,
            choice: *choice,
            note: note.clone(),
            spans: resolved_spans(item, *choice),
        })
        .collect();
    Action::Reconcile(Box::new(ReconcileStep {
        master: scope.master.clone(),
        coders: scope.coders.clone(),
        decided_by: decided_by.to_string(),
        decisions: planned,
        agreed: Vec::new(),
    }))
}

/// The action that copies `agreed` codings (source, code, span) to the scope's master, created if
/// missing: one step, one undo.
pub fn plan_agreed(scope: &ReconcileScope, agreed: Vec<(SourceId, CodeId, TextSpan)>, decided_by: &str) -> Action {
    Action::Reconcile(Box::new(ReconcileStep {
        master: scope.master.clone(),
        coders: scope.coders.clone(),
        decided_by: decided_by.to_string(),
        decisions: Vec::new(),
        agreed,
    }))
}

/// Without chosen sources, only the codings in sources every compared coder coded with any code
/// (`analysis::shared_sources`; before the codes are narrowed).
fn shared_only(scope: &ReconcileScope, refs: Vec<CodingRef>) -> Vec<CodingRef> {
    if !scope.sources.is_empty() {
        return refs;
    }
    let shared = crate::analysis::shared_sources(&refs, &scope.coders);
    refs.into_iter().filter(|c| shared.contains(&c.source_id)).collect()
}

fn check_scope(scope: &ReconcileScope) -> Result<()> {
    let distinct: BTreeSet<CoderId> = scope.coders.iter().copied().collect();
    if distinct.len() < 2 || distinct.len() != scope.coders.len() {
        return Err(Error::invalid("reconciling needs at least two different coders to compare"));
    }
    if scope.master.trim().is_empty() {
        return Err(Error::invalid("name the master coder that the decisions write to"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (tempfile::TempDir, Project, ReconcileScope) {
        let dir = tempfile::tempdir().unwrap();
        let p = crate::sample::write_sample(&dir.path().join("s.thicket")).unwrap();
        let coders = p.coders_named(&["Amara".into(), "Jonas".into()]).unwrap();
        let scope = ReconcileScope { coders, master: "consensus".into(), ..Default::default() };
        (dir, p, scope)
    }

    fn master_codings(p: &Project, queue: &ReconcileQueue) -> Vec<(CodeId, TextSpan)> {
        let Some(m) = p.coders().unwrap().into_iter().find(|c| c.name == queue.scope.master) else { return Vec::new() };
        p.all_codings().unwrap().into_iter().filter(|c| c.coder_id == m.id).map(|c| (c.code_id, c.span)).collect()
    }

    #[test]
    fn deciding_writes_to_the_master_replaces_on_redeciding_and_undo_unresolves() {
        let (_dir, mut p, scope) = sample();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        let total = queue.items.len();
        assert!(total > 10, "the sample's coders disagree somewhere: {total}");
        let item = queue.items.iter().find(|i| i.item.kind == crate::analysis::DisagreementKind::Boundaries).unwrap().item.clone();
        let id = item.id;
        // Keep A: the master is created and gets A's spans.
        p.perform(p.reconcile_action(&queue, &[(id, Choice::KeepA, "A's reading".into())], "lead").unwrap()).unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        assert_eq!((queue.resolved(), queue.items.len()), (1, total));
        let decision = queue.get(id).unwrap().decision.clone().unwrap();
        assert_eq!((decision.choice, decision.note.as_str(), decision.decided_by.as_str()), (Choice::KeepA, "A's reading", "lead"));
        let a_spans: Vec<(CodeId, TextSpan)> = item.spans[0].iter().map(|s| (id.code, *s)).collect();
        assert_eq!(master_codings(&p, &queue), a_spans);
        // Keep B replaces it.
        p.perform(p.reconcile_action(&queue, &[(id, Choice::KeepB, String::new())], "lead").unwrap()).unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        let b_spans: Vec<(CodeId, TextSpan)> = item.spans[1].iter().map(|s| (id.code, *s)).collect();
        assert_eq!(master_codings(&p, &queue), b_spans);
        assert_eq!(queue.get(id).unwrap().choice(&scope.coders), Some(Choice::KeepB));
        // Undo gives back keep A; undo again un-resolves and removes the master it created.
        p.undo().unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        assert_eq!(master_codings(&p, &queue), a_spans);
        assert_eq!(queue.get(id).unwrap().choice(&scope.coders), Some(Choice::KeepA));
        p.undo().unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        assert_eq!(queue.resolved(), 0);
        assert!(p.coders().unwrap().iter().all(|c| c.name != "consensus"));
        // Redo twice lands on keep B again.
        p.redo().unwrap();
        p.redo().unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        assert_eq!(master_codings(&p, &queue), b_spans);
        assert_eq!(queue.resolved(), 1);
    }

    #[test]
    fn keeping_a_everywhere_brings_the_master_closer_to_a_than_to_b() {
        let (_dir, mut p, scope) = sample();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        let all: Vec<(ItemId, Choice, String)> = queue.items.iter().map(|i| (i.item.id, Choice::KeepA, String::new())).collect();
        p.perform(p.reconcile_action(&queue, &all, "lead").unwrap()).unwrap();
        let agreement = p.reconcile_agreement(&scope).unwrap();
        let before = agreement.before.kappa.unwrap();
        assert!(before > 0.5 && before < 1.0, "{before}");
        assert_eq!(agreement.after.iter().map(|(c, _)| *c).collect::<Vec<_>>(), scope.coders);
        let (with_a, with_b) = (agreement.after[0].1.kappa.unwrap(), agreement.after[1].1.kappa.unwrap());
        assert!(with_a > with_b, "A {with_a} B {with_b}");
    }

    #[test]
    fn the_window_figures_from_loaded_data_equal_the_project_queue() {
        let (_dir, mut p, scope) = sample();
        let queue = p.reconcile_queue(&scope, QueueOrder::Code).unwrap();
        let first = queue.items[0].item.id;
        p.perform(p.reconcile_action(&queue, &[(first, Choice::Union, String::new())], "lead").unwrap()).unwrap();
        let master = p.coders().unwrap().into_iter().find(|c| c.name == "consensus").map(|c| c.id);
        let data = p.analysis_data_with(crate::analysis::AnalysisLoad { speakers: true, texts: true }).unwrap();
        let figures = crate::analysis::reconcile_figures(&data, &scope.coders, master, &[], QueueOrder::Code);
        let ids = |items: Vec<Disagreement>| items.into_iter().map(|d| d.id).collect::<Vec<_>>();
        assert_eq!(ids(figures.items), ids(queue.items.iter().map(|q| q.item.clone()).collect()));
        let agreement = p.reconcile_agreement(&scope).unwrap();
        assert_eq!((figures.before, figures.after), (agreement.before, agreement.after));
    }

    #[test]
    fn copying_the_agreed_codings_fills_the_master_once_and_undoes_in_one_step() {
        let (_dir, mut p, scope) = sample();
        let agreed = p.reconcile_agreed(&scope).unwrap();
        assert!(agreed.len() > 100, "{}", agreed.len());
        p.perform(plan_agreed(&scope, agreed.clone(), "lead")).unwrap();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        let mut got = master_codings(&p, &queue);
        got.sort();
        let mut want: Vec<(CodeId, TextSpan)> = agreed.iter().map(|(_, c, s)| (*c, *s)).collect();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(p.reconcile_agreed(&scope).unwrap(), Vec::new(), "nothing left to copy");
        let err = p.perform(plan_agreed(&scope, agreed, "lead")).unwrap_err();
        assert!(err.to_string().contains("already has every agreed coding"), "{err}");
        // With the agreed codings and A's side of every item, the master is A on these codes.
        let all: Vec<(ItemId, Choice, String)> = queue.items.iter().map(|i| (i.item.id, Choice::KeepA, String::new())).collect();
        p.perform(p.reconcile_action(&queue, &all, "lead").unwrap()).unwrap();
        let after = p.reconcile_agreement(&scope).unwrap();
        assert_eq!(after.after[0].1.kappa, Some(1.0));
        p.undo().unwrap();
        p.undo().unwrap();
        assert!(p.coders().unwrap().iter().all(|c| c.name != "consensus"));
    }

    #[test]
    fn the_master_cannot_be_a_compared_coder() {
        let (_dir, mut p, mut scope) = sample();
        scope.master = "Jonas".into();
        let queue = p.reconcile_queue(&scope, QueueOrder::Text).unwrap();
        let id = queue.items[0].item.id;
        let err = p.perform(p.reconcile_action(&queue, &[(id, Choice::Drop, String::new())], "lead").unwrap()).unwrap_err();
        assert!(err.to_string().contains("is one of the coders compared"), "{err}");
    }
}
