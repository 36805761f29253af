//! Reconciliation decisions: what a team decided about one disagreement between coders, and the
//! key that names the disagreement (docs/reconcile.md).
//!
//! A disagreement item is named by where it is (source, code, the extent of its spans) and by the
//! reconciliation it belongs to (the compared coders and the master coder the results go to). The
//! store keeps one decision per key; the analysis (`analysis::reconcile`) finds the items.

use serde::{Deserialize, Serialize};

use super::{CodeId, CoderId, CodingId, SourceId, TextSpan};

/// What to write to the master coder for one disagreement item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// The first compared coder's spans.
    KeepA,
    /// The second compared coder's spans.
    KeepB,
    /// Every compared coder's spans, each as its own coding.
    KeepBoth,
    /// The union of all the spans (overlapping or touching spans joined).
    Union,
    /// The text every compared coder coded (may be empty: then nothing is written).
    Intersection,
    /// Nothing: the master does not code this text with this code.
    Drop,
    /// One span given by the decider.
    Edit(TextSpan),
}

impl Choice {
    /// Every choice's name, as the CLI's CSV and listings write them.
    pub const NAMES: [&'static str; 7] = ["keep-a", "keep-b", "keep-both", "union", "intersection", "drop", "edit"];

    /// The choice's name (`keep-a`, …, `edit`); an edit's span is not part of it.
    pub fn name(&self) -> &'static str {
        match self {
            Choice::KeepA => "keep-a",
            Choice::KeepB => "keep-b",
            Choice::KeepBoth => "keep-both",
            Choice::Union => "union",
            Choice::Intersection => "intersection",
            Choice::Drop => "drop",
            Choice::Edit(_) => "edit",
        }
    }

    /// Parses a name of `NAMES`; `edit` needs `span`. `None` for an unknown name or an edit
    /// without a span.
    pub fn parse(name: &str, span: Option<TextSpan>) -> Option<Choice> {
        Some(match name {
            "keep-a" => Choice::KeepA,
            "keep-b" => Choice::KeepB,
            "keep-both" => Choice::KeepBoth,
            "union" => Choice::Union,
            "intersection" => Choice::Intersection,
            "drop" => Choice::Drop,
            "edit" => Choice::Edit(span?),
            _ => return None,
        })
    }

    /// The span of an edit.
    pub fn span(&self) -> Option<TextSpan> {
        match self {
            Choice::Edit(s) => Some(*s),
            _ => None,
        }
    }

    /// The same decision seen with the two first coders swapped (keep A becomes keep B).
    pub fn swapped(self) -> Choice {
        match self {
            Choice::KeepA => Choice::KeepB,
            Choice::KeepB => Choice::KeepA,
            other => other,
        }
    }
}

/// Names one disagreement item of one reconciliation: the master coder, the compared coders
/// (in ascending id order, so that comparing B with A finds the decisions made comparing A with
/// B), and where the item is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DecisionKey {
    pub master: CoderId,
    /// The compared coders, ascending.
    pub coders: Vec<CoderId>,
    pub source: SourceId,
    pub code: CodeId,
    /// From the first start to the last end of the item's spans.
    pub extent: TextSpan,
}

impl DecisionKey {
    /// The key of an item at `source`, `code`, `extent` when comparing `coders` into `master`.
    pub fn new(master: CoderId, coders: &[CoderId], source: SourceId, code: CodeId, extent: TextSpan) -> DecisionKey {
        let mut sorted = coders.to_vec();
        sorted.sort();
        sorted.dedup();
        DecisionKey { master, coders: sorted, source, code, extent }
    }

    /// The compared coders as the store writes them: ids joined by commas.
    pub fn coders_text(&self) -> String {
        join_ids(self.coders.iter().map(|c| c.0))
    }
}

/// A recorded decision on one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileDecision {
    pub key: DecisionKey,
    /// The compared coders in the order they had when the decision was made: `choice`'s A and B
    /// are the first two.
    pub coders: Vec<CoderId>,
    pub choice: Choice,
    pub note: String,
    /// The name of who decided.
    pub decided_by: String,
    /// RFC 3339 UTC.
    pub decided_at: String,
    /// The master's codings this decision wrote (deciding again removes those still there).
    pub written: Vec<CodingId>,
}

impl ReconcileDecision {
    /// The choice as seen comparing coders in the order `coders` (keep A and keep B follow the
    /// coders, not their positions when the decision was made).
    pub fn choice_for(&self, coders: &[CoderId]) -> Choice {
        match (self.coders.first(), coders.first()) {
            (Some(a), Some(b)) if a != b => self.choice.swapped(),
            _ => self.choice,
        }
    }
}

/// A key and what its decision should be (`None`: no decision), as
/// `Action::SetReconcileDecisions` writes and undo puts back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSlot {
    pub key: DecisionKey,
    pub decision: Option<ReconcileDecision>,
}

/// Ids joined by commas ("3,5").
pub fn join_ids(ids: impl IntoIterator<Item = i64>) -> String {
    ids.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// Ids parsed from `join_ids`'s text; anything that is not a number is skipped.
pub fn split_ids(text: &str) -> Vec<i64> {
    text.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_through_their_names() {
        let span = TextSpan::new(2, 9);
        for name in Choice::NAMES {
            let choice = Choice::parse(name, span).unwrap();
            assert_eq!(choice.name(), name);
        }
        assert_eq!(Choice::parse("edit", None), None);
        assert_eq!(Choice::parse("keep", None), None);
    }

    #[test]
    fn a_decision_seen_with_the_coders_swapped_keeps_the_same_coder() {
        let d = ReconcileDecision {
            key: DecisionKey::new(CoderId(9), &[CoderId(2), CoderId(1)], SourceId(1), CodeId(1), TextSpan { start: 0, end: 4 }),
            coders: vec![CoderId(2), CoderId(1)],
            choice: Choice::KeepA,
            note: String::new(),
            decided_by: "x".into(),
            decided_at: String::new(),
            written: vec![],
        };
        assert_eq!(d.key.coders, vec![CoderId(1), CoderId(2)]);
        assert_eq!(d.choice_for(&[CoderId(2), CoderId(1)]), Choice::KeepA);
        assert_eq!(d.choice_for(&[CoderId(1), CoderId(2)]), Choice::KeepB);
    }
}
