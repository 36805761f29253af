//! Reconciliation: the disagreements between coders, what each decision writes to the master
//! coder, and a simple before/after agreement figure. Pure functions over codings (docs/reconcile.md).
//!
//! In: the codings of the compared coders on the chosen codes and sources (`CodingRef`s), the
//! coders in order (the first is "A", the second "B"), and the orders of sources and codes.
//! Out: `Disagreement`s, sorted, each named by a stable `ItemId`.
//!
//! The rule, per source and per code: the spans all compared coders put on the source with that
//! code are grouped into clusters, two spans being in one cluster when they share at least one
//! char (directly or through other spans of the cluster; touching spans do not share a char). A
//! cluster where every coder has exactly the same set of spans is agreement; every other cluster
//! is one disagreement item, its extent running from the first start to the last end.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use serde::Serialize;

use super::data::union_spans;
use crate::model::*;

/// Why an item is a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisagreementKind {
    /// Every compared coder coded the text with this code, with different boundaries.
    Boundaries,
    /// A coder who did not use this code here coded the same text with another of the compared codes.
    DifferentCode,
    /// A coder did not code this text with any of the compared codes.
    Unmatched,
}

impl DisagreementKind {
    /// `boundaries`, `different-code` or `unmatched`.
    pub fn name(self) -> &'static str {
        match self {
            DisagreementKind::Boundaries => "boundaries",
            DisagreementKind::DifferentCode => "different-code",
            DisagreementKind::Unmatched => "unmatched",
        }
    }

    /// What the kind means, for people.
    pub fn describe(self) -> &'static str {
        match self {
            DisagreementKind::Boundaries => "same code, different boundaries",
            DisagreementKind::DifferentCode => "different codes on the same text",
            DisagreementKind::Unmatched => "coded by one, not the other",
        }
    }
}

/// The stable name of an item: `s{source}-c{code}-{start}-{end}` (ids and the extent). The same
/// codings give the same ids on every run; an item changes its id only when its spans change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId {
    pub source: SourceId,
    pub code: CodeId,
    pub extent: TextSpan,
}

impl ItemId {
    /// Parses `s3-c12-40-95`; `None` for anything else.
    pub fn parse(text: &str) -> Option<ItemId> {
        let mut parts = text.trim().split('-');
        let source = parts.next()?.strip_prefix('s')?.parse().ok()?;
        let code = parts.next()?.strip_prefix('c')?.parse().ok()?;
        let start = parts.next()?.parse().ok()?;
        let end = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Some(ItemId { source: SourceId(source), code: CodeId(code), extent: TextSpan::new(start, end)? })
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}-c{}-{}-{}", self.source, self.code, self.extent.start, self.extent.end)
    }
}

/// One disagreement: a cluster of overlapping spans of one code where the coders differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub id: ItemId,
    pub kind: DisagreementKind,
    /// Each compared coder's spans in the cluster (in the coders' order), sorted, without repeats.
    pub spans: Vec<Vec<TextSpan>>,
    /// For each coder without a span of this code in the cluster, the other compared codes they
    /// put on text of the extent (sorted by id); empty for the others.
    pub other_codes: Vec<Vec<CodeId>>,
}

/// The order of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueOrder {
    /// By source (in the given order), then start, end, and code.
    #[default]
    Text,
    /// By code (in the given order), then source, start and end.
    Code,
}

impl QueueOrder {
    /// Parses `text` or `code`.
    pub fn parse(s: &str) -> Option<QueueOrder> {
        match s {
            "text" => Some(QueueOrder::Text),
            "code" => Some(QueueOrder::Code),
            _ => None,
        }
    }
}

/// The disagreements between `coders` (at least two; the first is A, the second B) in `codings`,
/// sorted by `order`. Codings of other coders are ignored; the caller filters codes and sources.
/// Sources and codes missing from `source_order` / `code_order` sort after the others, by id.
pub fn disagreements(
    codings: &[CodingRef],
    coders: &[CoderId],
    source_order: &[SourceId],
    code_order: &[CodeId],
    order: QueueOrder,
) -> Vec<Disagreement> {
    let mut items = Vec::new();
    for_each_cluster(codings, coders, |source, code, cluster, by_coder| items.extend(judge(source, code, cluster, coders.len(), by_coder)));
    let rank_source = rank(source_order.iter().map(|s| s.0));
    let rank_code = rank(code_order.iter().map(|c| c.0));
    let src = |d: &Disagreement| (rank_source.get(&d.id.source.0).copied().unwrap_or(usize::MAX), d.id.source);
    let cod = |d: &Disagreement| (rank_code.get(&d.id.code.0).copied().unwrap_or(usize::MAX), d.id.code);
    match order {
        QueueOrder::Text => items.sort_by_key(|d| (src(d), d.id.extent.start, d.id.extent.end, cod(d))),
        QueueOrder::Code => items.sort_by_key(|d| (cod(d), src(d), d.id.extent.start, d.id.extent.end)),
    }
    items
}

/// The codings every compared coder agrees on exactly: the spans of each cluster where all the
/// coders have the same set of spans (what a master coder takes without a decision), by source,
/// code and span.
pub fn agreed_codings(codings: &[CodingRef], coders: &[CoderId]) -> Vec<(SourceId, CodeId, TextSpan)> {
    let mut out = Vec::new();
    for_each_cluster(codings, coders, |source, code, cluster, _| {
        let mut sets: Vec<BTreeSet<TextSpan>> = vec![BTreeSet::new(); coders.len()];
        for (span, k) in cluster {
            sets[*k].insert(*span);
        }
        if sets.iter().all(|s| *s == sets[0]) {
            out.extend(sets[0].iter().map(|span| (source, code, *span)));
        }
    });
    out.sort();
    out
}

/// The sources every one of `coders` coded at least once in `codings`: a source one coder never
/// coded was not theirs to code, so its codings are not disagreements (unless the sources are
/// chosen explicitly).
pub fn shared_sources(codings: &[CodingRef], coders: &[CoderId]) -> BTreeSet<SourceId> {
    let mut by_source: BTreeMap<SourceId, BTreeSet<CoderId>> = BTreeMap::new();
    for c in codings.iter().filter(|c| coders.contains(&c.coder_id)) {
        by_source.entry(c.source_id).or_default().insert(c.coder_id);
    }
    by_source.into_iter().filter(|(_, who)| coders.iter().all(|c| who.contains(c))).map(|(s, _)| s).collect()
}

/// Per (source, coder index), every coding of that coder there, with its code.
type ByCoder = HashMap<(SourceId, usize), Vec<(TextSpan, CodeId)>>;

/// Calls `f` with each cluster of `coders`' codings (per source and code, spans joined while they
/// share a char), in source, code and start order, and every coder's codings by source.
fn for_each_cluster(codings: &[CodingRef], coders: &[CoderId], mut f: impl FnMut(SourceId, CodeId, &[(TextSpan, usize)], &ByCoder)) {
    let coder_index: HashMap<CoderId, usize> = coders.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut by_code: BTreeMap<(SourceId, CodeId), Vec<(TextSpan, usize)>> = BTreeMap::new();
    let mut by_coder: ByCoder = HashMap::new();
    for c in codings {
        let Some(&k) = coder_index.get(&c.coder_id) else { continue };
        if c.span.is_empty() {
            continue;
        }
        by_code.entry((c.source_id, c.code_id)).or_default().push((c.span, k));
        by_coder.entry((c.source_id, k)).or_default().push((c.span, c.code_id));
    }
    for ((source, code), mut spans) in by_code {
        spans.sort();
        let mut cluster: Vec<(TextSpan, usize)> = Vec::new();
        let mut end = 0;
        for (span, k) in spans {
            if !cluster.is_empty() && span.start >= end {
                f(source, code, &cluster, &by_coder);
                cluster.clear();
            }
            end = if cluster.is_empty() { span.end } else { end.max(span.end) };
            cluster.push((span, k));
        }
        if !cluster.is_empty() {
            f(source, code, &cluster, &by_coder);
        }
    }
}

fn rank(ids: impl Iterator<Item = i64>) -> HashMap<i64, usize> {
    let mut out = HashMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id).or_insert(i);
    }
    out
}

/// The item a cluster makes, or `None` when every coder has the same spans.
fn judge(
    source: SourceId,
    code: CodeId,
    cluster: &[(TextSpan, usize)],
    n_coders: usize,
    by_coder: &ByCoder,
) -> Option<Disagreement> {
    let mut sets: Vec<BTreeSet<TextSpan>> = vec![BTreeSet::new(); n_coders];
    for (span, k) in cluster {
        sets[*k].insert(*span);
    }
    if sets.iter().all(|s| *s == sets[0]) {
        return None;
    }
    let extent = TextSpan {
        start: cluster.iter().map(|(s, _)| s.start).min().unwrap_or(0),
        end: cluster.iter().map(|(s, _)| s.end).max().unwrap_or(0),
    };
    let other_codes: Vec<Vec<CodeId>> = sets
        .iter()
        .enumerate()
        .map(|(k, set)| {
            if !set.is_empty() {
                return Vec::new();
            }
            let mut codes: Vec<CodeId> = by_coder
                .get(&(source, k))
                .map(|all| all.iter().filter(|(s, c)| *c != code && s.overlaps(&extent)).map(|(_, c)| *c).collect())
                .unwrap_or_default();
            codes.sort();
            codes.dedup();
            codes
        })
        .collect();
    let kind = if sets.iter().all(|s| !s.is_empty()) {
        DisagreementKind::Boundaries
    } else if other_codes.iter().any(|c| !c.is_empty()) {
        DisagreementKind::DifferentCode
    } else {
        DisagreementKind::Unmatched
    };
    Some(Disagreement {
        id: ItemId { source, code, extent },
        kind,
        spans: sets.into_iter().map(|s| s.into_iter().collect()).collect(),
        other_codes,
    })
}

/// The spans the master gets for `item` under `choice`, sorted, without repeats. A and B are the
/// item's first two coders; "both", the union and the intersection take every coder.
pub fn resolved_spans(item: &Disagreement, choice: Choice) -> Vec<TextSpan> {
    let of = |k: usize| item.spans.get(k).cloned().unwrap_or_default();
    let mut out = match choice {
        Choice::KeepA => of(0),
        Choice::KeepB => of(1),
        Choice::KeepBoth => item.spans.concat(),
        Choice::Union => spans_of(union_spans(item.spans.concat().iter().map(|s| s.start..s.end).collect())),
        Choice::Intersection => {
            let mut common: Option<Vec<Range<usize>>> = None;
            for spans in &item.spans {
                let covered = union_spans(spans.iter().map(|s| s.start..s.end).collect());
                common = Some(match common {
                    None => covered,
                    Some(before) => intersect(&before, &covered),
                });
            }
            spans_of(common.unwrap_or_default())
        }
        Choice::Drop => Vec::new(),
        Choice::Edit(span) => vec![span],
    };
    out.sort();
    out.dedup();
    out
}

fn spans_of(ranges: Vec<Range<usize>>) -> Vec<TextSpan> {
    ranges.into_iter().filter_map(|r| TextSpan::new(r.start, r.end)).collect()
}

/// The intersection of two sorted, disjoint lists of ranges.
fn intersect(a: &[Range<usize>], b: &[Range<usize>]) -> Vec<Range<usize>> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            out.push(start..end);
        }
        if a[i].end < b[j].end { i += 1 } else { j += 1 }
    }
    out
}

/// The agreement figure of the reconciliation: percent agreement and Cohen's kappa between two
/// coders on the presence or absence of each compared code in each paragraph, pooled over the
/// codes, as the agreement module (`analysis::agreement`) computes them at paragraph unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SimpleAgreement {
    /// Paragraphs counted: those where at least one of the two coders coded any compared code,
    /// in the sources both coded something in.
    pub units: usize,
    /// Decisions compared: units × the compared codes at least one of the two applied.
    pub decisions: usize,
    /// Share of decisions where both agree (0 to 1); `None` without decisions.
    pub percent: Option<f64>,
    /// Cohen's kappa; `None` without decisions or when chance agreement is 1 (kappa undefined).
    pub kappa: Option<f64>,
}

/// Percent agreement and Cohen's kappa between coders `x` and `y` at paragraph unit on `codes`
/// (empty: every code): the "all codes (pooled)" row of the agreement module
/// (`agreement::project_agreement`, docs/agreement.md), so the queue's figure is the Agreement
/// tab's and `thicket agreement`'s. `data` needs the texts (paragraphs) and, for paragraphs cut at
/// speaker turns as the Agreement tab cuts them, the speakers. A coder compared with themself
/// has no figure.
pub fn paragraph_agreement(data: &super::AnalysisData, x: CoderId, y: CoderId, codes: &[CodeId]) -> SimpleAgreement {
    use super::agreement::{AgreementSpec, BootstrapOptions, By, Measure, UnitKind, project_agreement};
    let none = SimpleAgreement { units: 0, decisions: 0, percent: None, kappa: None };
    if x == y {
        return none;
    }
    let spec = AgreementSpec {
        coders: vec![x, y],
        codes: codes.to_vec(),
        subcodes: false,
        unit: UnitKind::Paragraph,
        all_units: false,
        by: By::Code,
        measures: vec![Measure::PercentAgreement, Measure::CohenKappa],
        bootstrap: BootstrapOptions { draws: 0, ..Default::default() },
    };
    let Ok(Some(table)) = project_agreement(data, &spec, &mut |_| true) else { return none };
    let row = &table.overall;
    let percent = row.get(Measure::PercentAgreement).map(|e| &e.coefficient);
    SimpleAgreement {
        units: row.units.round() as usize,
        decisions: percent.map_or(0.0, |c| c.n).round() as usize,
        percent: percent.and_then(|c| c.value),
        kappa: row.get(Measure::CohenKappa).and_then(|e| e.coefficient.value),
    }
}

/// The queue and agreement figures of a reconciliation, from loaded analysis data (the window's
/// worker computes them so): the disagreements between `coders` on `codes` (empty: all) in the
/// order asked, sources in name order and codes in codebook order as `Project::reconcile_queue`
/// has them; agreement A with B, and each coder with `master` when there is one. Paragraphs come
/// from the loaded texts (none loaded: no units).
pub struct ReconcileFigures {
    pub items: Vec<Disagreement>,
    /// The codings all coders agree on that the master does not have yet.
    pub agreed_missing: Vec<(SourceId, CodeId, TextSpan)>,
    pub before: SimpleAgreement,
    pub after: Vec<(CoderId, SimpleAgreement)>,
}

/// See [`ReconcileFigures`].
pub fn reconcile_figures(data: &super::AnalysisData, coders: &[CoderId], master: Option<CoderId>, codes: &[CodeId], order: QueueOrder) -> ReconcileFigures {
    let wanted = |c: CodeId| codes.is_empty() || codes.contains(&c);
    let refs: Vec<CodingRef> = data
        .codings
        .iter()
        .filter(|c| coders.contains(&c.coder) || Some(c.coder) == master)
        .map(|c| CodingRef { id: c.id, source_id: c.source, code_id: c.code, coder_id: c.coder, span: c.span })
        .collect();
    // Sources every coder coded with any code, before the codes are narrowed.
    let shared = shared_sources(&refs, coders);
    let refs: Vec<CodingRef> = refs.into_iter().filter(|c| shared.contains(&c.source_id) && wanted(c.code_id)).collect();
    let mut sources: Vec<&Source> = data.sources.values().collect();
    sources.sort_by(|a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
    let source_order: Vec<SourceId> = sources.iter().map(|s| s.id).collect();
    let code_order: Vec<CodeId> = data.codebook.walk().into_iter().map(|(_, c)| c.id).collect();
    let items = disagreements(&refs, coders, &source_order, &code_order, order);
    let in_master: BTreeSet<(SourceId, CodeId, TextSpan)> =
        refs.iter().filter(|c| Some(c.coder_id) == master).map(|c| (c.source_id, c.code_id, c.span)).collect();
    let agreed_missing = agreed_codings(&refs, coders).into_iter().filter(|a| !in_master.contains(a)).collect();
    let (a, b) = (coders.first().copied().unwrap_or(CoderId(0)), coders.get(1).copied().unwrap_or(CoderId(0)));
    let before = paragraph_agreement(data, a, b, codes);
    let after = match master {
        Some(m) => coders.iter().map(|c| (*c, paragraph_agreement(data, *c, m, codes))).collect(),
        None => Vec::new(),
    };
    ReconcileFigures { items, agreed_missing, before, after }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: CoderId = CoderId(1);
    const B: CoderId = CoderId(2);

    fn coding(id: i64, source: i64, code: i64, coder: CoderId, start: usize, end: usize) -> CodingRef {
        CodingRef { id: CodingId(id), source_id: SourceId(source), code_id: CodeId(code), coder_id: coder, span: TextSpan { start, end } }
    }

    fn span(start: usize, end: usize) -> TextSpan {
        TextSpan { start, end }
    }

    fn items(codings: &[CodingRef], order: QueueOrder) -> Vec<Disagreement> {
        disagreements(codings, &[A, B], &[SourceId(2), SourceId(1)], &[CodeId(20), CodeId(10)], order)
    }

    #[test]
    fn exact_agreement_is_not_a_disagreement_and_each_kind_is_told_apart() {
        let codings = [
            coding(1, 1, 10, A, 0, 10),
            coding(2, 1, 10, B, 0, 10), // same code, same span: agreement
            coding(3, 1, 10, A, 20, 30),
            coding(4, 1, 10, B, 25, 35), // boundaries
            coding(5, 1, 10, A, 50, 60), // A only, B coded code 20 there: different code
            coding(6, 1, 20, B, 50, 60),
            coding(7, 1, 10, A, 80, 90), // A only, B nothing: unmatched
        ];
        let found = items(&codings, QueueOrder::Text);
        let summary: Vec<(String, DisagreementKind)> = found.iter().map(|d| (d.id.to_string(), d.kind)).collect();
        assert_eq!(
            summary,
            vec![
                ("s1-c10-20-35".to_string(), DisagreementKind::Boundaries),
                ("s1-c20-50-60".to_string(), DisagreementKind::DifferentCode),
                ("s1-c10-50-60".to_string(), DisagreementKind::DifferentCode),
                ("s1-c10-80-90".to_string(), DisagreementKind::Unmatched),
            ]
        );
        assert_eq!(found[0].spans, vec![vec![span(20, 30)], vec![span(25, 35)]]);
        assert_eq!(found[1].other_codes, vec![vec![CodeId(10)], vec![]]);
        assert_eq!(found[2].other_codes, vec![vec![], vec![CodeId(20)]]);
    }

    #[test]
    fn the_agreed_codings_are_the_clusters_where_every_coder_has_the_same_spans() {
        let codings = [
            coding(1, 1, 10, A, 0, 10),
            coding(2, 1, 10, B, 0, 10),
            coding(3, 1, 10, A, 20, 30),
            coding(4, 1, 10, B, 25, 35),
            coding(5, 1, 10, A, 40, 50),
            coding(6, 1, 10, A, 45, 55),
            coding(7, 1, 10, B, 40, 50),
            coding(8, 1, 10, B, 45, 55),
            coding(9, 1, 10, CoderId(3), 60, 70), // a coder not compared
        ];
        let agreed = agreed_codings(&codings, &[A, B]);
        let spans: Vec<TextSpan> = agreed.iter().map(|(_, _, s)| *s).collect();
        assert_eq!(spans, vec![span(0, 10), span(40, 50), span(45, 55)]);
    }

    #[test]
    fn overlapping_spans_chain_into_one_item_and_touching_spans_do_not() {
        let codings = [
            coding(1, 1, 10, A, 0, 10),
            coding(2, 1, 10, B, 8, 20),
            coding(3, 1, 10, A, 18, 30), // joined to the first through B's span
            coding(4, 1, 10, B, 30, 40), // touches only: its own item
        ];
        let found = items(&codings, QueueOrder::Text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].id.extent, span(0, 30));
        assert_eq!(found[0].spans, vec![vec![span(0, 10), span(18, 30)], vec![span(8, 20)]]);
        assert_eq!(found[1].id.extent, span(30, 40));
        assert_eq!(found[1].kind, DisagreementKind::Unmatched);
    }

    #[test]
    fn the_queue_follows_the_given_source_and_code_orders() {
        let codings = [coding(1, 1, 10, A, 5, 9), coding(2, 2, 10, A, 50, 60), coding(3, 1, 20, B, 0, 4), coding(4, 2, 20, B, 1, 3)];
        let by_text: Vec<String> = items(&codings, QueueOrder::Text).iter().map(|d| d.id.to_string()).collect();
        assert_eq!(by_text, ["s2-c20-1-3", "s2-c10-50-60", "s1-c20-0-4", "s1-c10-5-9"]);
        let by_code: Vec<String> = items(&codings, QueueOrder::Code).iter().map(|d| d.id.to_string()).collect();
        assert_eq!(by_code, ["s2-c20-1-3", "s1-c20-0-4", "s2-c10-50-60", "s1-c10-5-9"]);
    }

    #[test]
    fn only_sources_every_coder_coded_are_shared() {
        let codings = [coding(1, 1, 10, A, 0, 10), coding(2, 1, 20, B, 0, 10), coding(3, 2, 10, A, 0, 10), coding(4, 3, 10, B, 0, 5)];
        assert_eq!(shared_sources(&codings, &[A, B]).into_iter().collect::<Vec<_>>(), vec![SourceId(1)]);
    }

    #[test]
    fn item_ids_parse_back() {
        let id = ItemId { source: SourceId(3), code: CodeId(12), extent: span(40, 95) };
        assert_eq!(ItemId::parse(&id.to_string()), Some(id));
        assert_eq!(ItemId::parse("s3-c12-95-40"), None);
        assert_eq!(ItemId::parse("3-12-40-95"), None);
    }

    #[test]
    fn each_choice_gives_the_spans_it_names() {
        let item = Disagreement {
            id: ItemId { source: SourceId(1), code: CodeId(1), extent: span(0, 40) },
            kind: DisagreementKind::Boundaries,
            spans: vec![vec![span(0, 10), span(20, 30)], vec![span(5, 25)]],
            other_codes: vec![vec![], vec![]],
        };
        assert_eq!(resolved_spans(&item, Choice::KeepA), vec![span(0, 10), span(20, 30)]);
        assert_eq!(resolved_spans(&item, Choice::KeepB), vec![span(5, 25)]);
        assert_eq!(resolved_spans(&item, Choice::KeepBoth), vec![span(0, 10), span(5, 25), span(20, 30)]);
        assert_eq!(resolved_spans(&item, Choice::Union), vec![span(0, 30)]);
        assert_eq!(resolved_spans(&item, Choice::Intersection), vec![span(5, 10), span(20, 25)]);
        assert_eq!(resolved_spans(&item, Choice::Drop), vec![]);
        assert_eq!(resolved_spans(&item, Choice::Edit(span(3, 7))), vec![span(3, 7)]);
    }

    /// The fixture (analysis::data::fixture): Amara (1) and Jonas (2) on Withdrawal (2) and
    /// Honesty (4). Source 3 only Amara coded: left out. Units, paragraphs cut at turns: s1 0..30,
    /// 32..50, 50..60, 62..100 and s2 0..20, 22..60 (each has a compared coding): 6 units × 2
    /// codes = 12 decisions. Withdrawal: A in s1 u1-u3, J in s2 u1; Honesty: A in s1 u3-u4 and s2
    /// u2. Agree on 2 + 3 = 5: percent 5/12. pA = 6/12, pJ = 1/12, pe = 1/2: kappa = -1/6.
    #[test]
    fn paragraph_kappa_is_the_agreement_modules_pooled_row() {
        let d = crate::analysis::data::fixture::data();
        let got = paragraph_agreement(&d, A, B, &[CodeId(2), CodeId(4)]);
        assert_eq!((got.units, got.decisions), (6, 12));
        assert!((got.percent.unwrap() - 5.0 / 12.0).abs() < 1e-12, "{got:?}");
        assert!((got.kappa.unwrap() + 1.0 / 6.0).abs() < 1e-12, "{got:?}");
        // A code neither applied adds no decisions (the stand-in counted it as agreement).
        assert_eq!(paragraph_agreement(&d, A, B, &[CodeId(2), CodeId(3), CodeId(4)]), got);
        // No figure of a coder with themself, and none without units.
        assert_eq!(paragraph_agreement(&d, A, A, &[CodeId(2)]).percent, None);
        assert_eq!(paragraph_agreement(&d, A, B, &[CodeId(3)]).decisions, 0);
    }
}
