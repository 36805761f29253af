//! Sequences: does a code follow another within a case, and how soon? (Does a rupture get
//! repaired?)
//!
//! In: `AnalysisData`, a `SequenceSpec` (from-code, to-code, window) or a set of codes for
//! `transitions`. Out: per case and overall, how many codings of A are followed by a coding of B
//! within the window and with what lag; and a first-order transition matrix.
//!
//! Within each case, codings are ordered by their source's date (undated sources last), then
//! source name, then offset (start, then end, then id). A coding `b` *follows* `a` when `b` is in
//! a later source of the case, or in the same source with `b.start > a.start`: codes applied at
//! the same char (co-coding of one span) are simultaneous, not one after the other. Windows and
//! lags:
//! - `turns:N`: same source, lag = turn position of b − turn position of a
//!   (`AnalysisData::turn_position`; a source without turns is one turn);
//! - `paragraphs:N`: same source, lag = paragraph of b's start − paragraph of a's start;
//! - `sessions:K`: lag = session of b − session of a (`AnalysisData::session_numbers`); the same
//!   source is lag 0 even when undated; an undated source is otherwise never within K sessions;
//! - `case` (no window): any later coding in the case; the lag is in sessions when both are
//!   dated or in the same source, else unknown.
//!
//! The pairing rule: codings are paired within one coder (unless `across_coders`), and each B
//! answers at most one A, the most recent A before it that is still unanswered and that it
//! follows within the window. So three withdrawals and one repair make one pair, not three. A
//! source in several cases is in each case's sequence; the overall figures count each A coding
//! once and each pair once (in the first case, by name, that holds it), not once per case.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::data::{AnalysisCoding, AnalysisData};
use crate::error::{Error, Result};
use crate::model::*;

/// How far after an A coding a B coding may come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Turns(usize),
    Paragraphs(usize),
    Sessions(usize),
    /// Anywhere later in the case.
    Case,
}

impl Window {
    /// The accepted forms, for error messages.
    pub const CHOICES: &'static str = "turns:N, paragraphs:N, sessions:K or case";

    /// Parses `turns:N`, `paragraphs:N`, `sessions:K`, `case`.
    pub fn parse(s: &str) -> Option<Self> {
        if s == "case" {
            return Some(Window::Case);
        }
        let (unit, n) = s.split_once(':')?;
        let n: usize = n.trim().parse().ok()?;
        Some(match unit {
            "turns" => Window::Turns(n),
            "paragraphs" => Window::Paragraphs(n),
            "sessions" => Window::Sessions(n),
            _ => return None,
        })
    }

    /// `parse` with an error naming the value.
    pub fn parse_arg(s: &str) -> Result<Self> {
        Window::parse(s).ok_or_else(|| Error::invalid(format!("invalid window \"{s}\": expected {}", Window::CHOICES)))
    }

    /// The text form, as `parse` reads it.
    pub fn name(self) -> String {
        match self {
            Window::Turns(n) => format!("turns:{n}"),
            Window::Paragraphs(n) => format!("paragraphs:{n}"),
            Window::Sessions(n) => format!("sessions:{n}"),
            Window::Case => "case".into(),
        }
    }

    /// What lags are counted in.
    pub fn unit(self) -> &'static str {
        match self {
            Window::Turns(_) => "turns",
            Window::Paragraphs(_) => "paragraphs",
            Window::Sessions(_) | Window::Case => "sessions",
        }
    }

    fn check(self, data: &AnalysisData) -> Result<()> {
        match self {
            Window::Turns(_) => data.require_speakers("a window in turns"),
            Window::Paragraphs(_) => data.require_texts("a window in paragraphs"),
            Window::Sessions(_) | Window::Case => Ok(()),
        }
    }
}

/// What to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceSpec {
    /// Code path of A.
    pub from: String,
    /// Code path of B.
    pub to: String,
    pub window: Window,
    /// A code stands for its whole branch (its sub-codes too).
    pub subcodes: bool,
    /// Pair codings of different coders too (by default an A and its B are one coder's).
    pub across_coders: bool,
}

/// One A coding and the B coding that follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Follow {
    pub from: CodingId,
    pub to: CodingId,
    /// In the window's unit; `None` when unknown (undated sources, window `case`).
    pub lag: Option<usize>,
}

/// How many A codings there are, how many are followed, and the lags.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SequenceCounts {
    pub from_codings: u64,
    pub followed: u64,
    /// `(lag, number of A codings whose nearest B came at that lag)`, by lag.
    pub lags: Vec<(usize, u64)>,
    /// Followed A codings whose lag is unknown.
    pub unknown_lag: u64,
    /// Mean of the known lags.
    pub mean_lag: Option<f64>,
}

fn mean(lags: &[(usize, u64)]) -> Option<f64> {
    let n: u64 = lags.iter().map(|(_, n)| n).sum();
    (n > 0).then(|| lags.iter().map(|(lag, k)| *lag as f64 * *k as f64).sum::<f64>() / n as f64)
}

/// One case's sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseSequence {
    pub case: String,
    pub counts: SequenceCounts,
    /// The followed A codings with their nearest B, in case order.
    pub follows: Vec<Follow>,
}

/// A → B in every case, and overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sequence {
    pub from: String,
    pub to: String,
    pub window: String,
    /// What lags are counted in: turns, paragraphs or sessions.
    pub unit: String,
    pub subcodes: bool,
    pub across_coders: bool,
    /// Cases by name (all of them, also those without A codings).
    pub cases: Vec<CaseSequence>,
    /// Over the cases, each A coding and each pair counted once.
    pub overall: SequenceCounts,
    /// The pairs `overall` counts, case by case.
    pub overall_follows: Vec<Follow>,
}

/// A first-order transition matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transitions {
    /// The chosen code paths, in the order given.
    pub codes: Vec<String>,
    pub window: String,
    pub across_coders: bool,
    /// `counts[i][j]`: times a coding of code j came next after a coding of code i, in the
    /// sequence of each case restricted to the chosen codes, within the window.
    pub counts: Vec<Vec<u64>>,
    /// `counts[i][j]` over the row's sum (0 for an empty row).
    pub probabilities: Vec<Vec<f64>>,
    pub row_totals: Vec<u64>,
}

/// One coding in a case's order.
struct Event<'a> {
    c: &'a AnalysisCoding,
    /// Position of its source in the case order.
    rank: usize,
    session: Option<usize>,
}

/// Each case (by name) with its codings in case order; `keep` picks the codings.
fn case_events<'a>(data: &'a AnalysisData, keep: impl Fn(&AnalysisCoding) -> bool) -> Vec<(String, Vec<Event<'a>>)> {
    let order = data.case_sources_in_order();
    let sessions = data.session_numbers();
    let mut by_source: HashMap<SourceId, Vec<&AnalysisCoding>> = HashMap::new();
    for c in data.codings.iter().filter(|c| keep(c)) {
        by_source.entry(c.source).or_default().push(c);
    }
    for list in by_source.values_mut() {
        list.sort_by_key(|c| (c.span.start, c.span.end, c.id));
    }
    data.cases_by_name()
        .into_iter()
        .map(|case| {
            let mut events = Vec::new();
            for (rank, s) in order.get(&case).into_iter().flatten().enumerate() {
                for c in by_source.get(s).into_iter().flatten() {
                    events.push(Event { c, rank, session: sessions.get(&(case, *s)).copied() });
                }
            }
            (data.cases.get(&case).map(|c| c.name.clone()).unwrap_or_default(), events)
        })
        .collect()
}

/// The lag from `a` to `b`, or `None` when `b` does not follow `a` (it is in an earlier source,
/// or starts before or at the same char) or is outside the window; the inner `None` is an unknown
/// lag.
fn lag(data: &AnalysisData, window: Window, a: &Event, b: &Event) -> Option<Option<usize>> {
    let same = a.rank == b.rank;
    if b.rank < a.rank || (same && b.c.span.start <= a.c.span.start) {
        return None;
    }
    let sessions = match (a.session, b.session) {
        _ if same => Some(0),
        (Some(x), Some(y)) => Some(y.saturating_sub(x)),
        _ => None,
    };
    match window {
        Window::Turns(n) => {
            let l = data.turn_position(b.c).saturating_sub(data.turn_position(a.c));
            (same && l <= n).then_some(Some(l))
        }
        Window::Paragraphs(n) => {
            let l = data.paragraph_of(b.c.source, b.c.span.start).saturating_sub(data.paragraph_of(a.c.source, a.c.span.start));
            (same && l <= n).then_some(Some(l))
        }
        Window::Sessions(k) => sessions.filter(|l| *l <= k).map(Some),
        Window::Case => Some(sessions),
    }
}

/// The codes a path stands for: the code, and with `subcodes` its descendants.
fn code_set(data: &AnalysisData, path: &str, subcodes: bool) -> Result<Vec<CodeId>> {
    let id = data.code_at(path)?;
    Ok(if subcodes { data.codebook.subtree(id) } else { vec![id] })
}

/// The coder whose codings pair with each other, or `None` when any coders' do.
fn pairing_group(c: &AnalysisCoding, across_coders: bool) -> Option<CoderId> {
    (!across_coders).then_some(c.coder)
}

/// Pairs one case's A codings with the B codings that answer them (see the module's pairing
/// rule): `(index of a, index of b, lag)` into `events`, by a's index.
fn pair_case(data: &AnalysisData, spec: &SequenceSpec, from: &[CodeId], to: &[CodeId], events: &[Event]) -> Vec<(usize, usize, Option<usize>)> {
    // The unanswered A codings of each coder, oldest first.
    let mut open: HashMap<Option<CoderId>, Vec<usize>> = HashMap::new();
    let mut pairs = Vec::new();
    for (k, b) in events.iter().enumerate() {
        let group = pairing_group(b.c, spec.across_coders);
        if to.contains(&b.c.code) {
            let stack = open.entry(group).or_default();
            // The most recent A that b follows; if b is outside its window, it is outside the
            // window of every older A too (lags only grow going back), so b answers none.
            if let Some(pos) = stack.iter().rposition(|&i| lag(data, Window::Case, &events[i], b).is_some())
                && let Some(l) = lag(data, spec.window, &events[stack[pos]], b)
            {
                pairs.push((stack.remove(pos), k, l));
            }
        }
        if from.contains(&b.c.code) {
            open.entry(group).or_default().push(k);
        }
    }
    pairs.sort_unstable_by_key(|p| p.0);
    pairs
}

/// Counts the A codings followed by a B within the window, per case and overall.
pub fn sequence(data: &AnalysisData, spec: &SequenceSpec) -> Result<Sequence> {
    spec.window.check(data)?;
    let from = code_set(data, &spec.from, spec.subcodes)?;
    let to = code_set(data, &spec.to, spec.subcodes)?;
    let mut cases = Vec::new();
    // Overall: each A coding once, each pair once, each B answering once.
    let mut all_from: BTreeSet<CodingId> = BTreeSet::new();
    let (mut answered, mut answering): (BTreeSet<CodingId>, BTreeSet<CodingId>) = Default::default();
    let mut overall = SequenceCounts::default();
    let mut overall_lags: BTreeMap<usize, u64> = BTreeMap::new();
    let mut overall_follows = Vec::new();
    for (name, events) in case_events(data, |c| from.contains(&c.code) || to.contains(&c.code)) {
        let mut counts = SequenceCounts::default();
        let mut lags: BTreeMap<usize, u64> = BTreeMap::new();
        let mut follows = Vec::new();
        for e in events.iter().filter(|e| from.contains(&e.c.code)) {
            counts.from_codings += 1;
            all_from.insert(e.c.id);
        }
        for (a, b, l) in pair_case(data, spec, &from, &to, &events) {
            let (a, b) = (events[a].c.id, events[b].c.id);
            counts.followed += 1;
            match l {
                Some(l) => *lags.entry(l).or_default() += 1,
                None => counts.unknown_lag += 1,
            }
            follows.push(Follow { from: a, to: b, lag: l });
            if !answered.contains(&a) && !answering.contains(&b) {
                answered.insert(a);
                answering.insert(b);
                overall_follows.push(Follow { from: a, to: b, lag: l });
                overall.followed += 1;
                match l {
                    Some(l) => *overall_lags.entry(l).or_default() += 1,
                    None => overall.unknown_lag += 1,
                }
            }
        }
        counts.lags = lags.into_iter().collect();
        counts.mean_lag = mean(&counts.lags);
        cases.push(CaseSequence { case: name, counts, follows });
    }
    overall.from_codings = all_from.len() as u64;
    overall.lags = overall_lags.into_iter().collect();
    overall.mean_lag = mean(&overall.lags);
    Ok(Sequence {
        from: data.code_path(data.code_at(&spec.from)?),
        to: data.code_path(data.code_at(&spec.to)?),
        window: spec.window.name(),
        unit: spec.window.unit().to_string(),
        subcodes: spec.subcodes,
        across_coders: spec.across_coders,
        cases,
        overall,
        overall_follows,
    })
}

/// Counts, in each case's sequence of codings of the chosen codes, which code comes next after
/// which (consecutive pairs within the window). With `subcodes` a coding counts as the deepest
/// chosen code its code falls under. A sequence is one coder's codings unless `across_coders`;
/// two codings that start at the same char are not a transition; a pair in a source shared by
/// several cases counts once.
pub fn transitions(data: &AnalysisData, codes: &[String], window: Window, subcodes: bool, across_coders: bool) -> Result<Transitions> {
    let n = codes.len();
    let mut counts = vec![vec![0u64; n]; n];
    let paths = each_transition(data, codes, window, subcodes, across_coders, |i, j, _, _| counts[i][j] += 1)?;
    let row_totals: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let probabilities = counts
        .iter()
        .zip(&row_totals)
        .map(|(r, t)| r.iter().map(|n| if *t == 0 { 0.0 } else { *n as f64 / *t as f64 }).collect())
        .collect();
    Ok(Transitions { codes: paths, window: window.name(), across_coders, counts, probabilities, row_totals })
}

/// The consecutive pairs behind `counts[i][j]` of `transitions` with the same arguments: (the
/// coding of code i, the coding of code j that came next), case by case in case order. A pair in
/// a source shared by two cases is listed once, as it is counted.
pub fn transition_pairs(
    data: &AnalysisData,
    codes: &[String],
    window: Window,
    subcodes: bool,
    across_coders: bool,
    i: usize,
    j: usize,
) -> Result<Vec<(CodingId, CodingId)>> {
    let mut pairs = Vec::new();
    each_transition(data, codes, window, subcodes, across_coders, |a, b, x, y| {
        if (a, b) == (i, j) {
            pairs.push((x, y));
        }
    })?;
    Ok(pairs)
}

/// Calls `f(i, j, a, b)` once for every consecutive pair of codings (a of chosen code i, then b
/// of chosen code j, one coder's unless `across_coders`) where b follows a within the window, in
/// each case's order; returns the chosen codes' paths.
fn each_transition(
    data: &AnalysisData,
    codes: &[String],
    window: Window,
    subcodes: bool,
    across_coders: bool,
    mut f: impl FnMut(usize, usize, CodingId, CodingId),
) -> Result<Vec<String>> {
    window.check(data)?;
    if codes.is_empty() {
        return Err(Error::invalid("a transition matrix needs at least one code"));
    }
    let mut ids = Vec::new();
    for path in codes {
        ids.push(data.code_at(path)?);
    }
    // Shallow codes first, so that a deeper chosen code overwrites its chosen ancestor.
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| data.code_and_ancestors(ids[i]).len());
    let mut which: HashMap<CodeId, usize> = HashMap::new();
    for i in order {
        for c in if subcodes { data.codebook.subtree(ids[i]) } else { vec![ids[i]] } {
            which.insert(c, i);
        }
    }
    let mut seen: BTreeSet<(CodingId, CodingId)> = BTreeSet::new();
    for (_, events) in case_events(data, |c| which.contains_key(&c.code)) {
        let mut by_coder: BTreeMap<Option<CoderId>, Vec<&Event>> = BTreeMap::new();
        for e in &events {
            by_coder.entry(pairing_group(e.c, across_coders)).or_default().push(e);
        }
        for chain in by_coder.values() {
            for pair in chain.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if let (Some(&i), Some(&j)) = (which.get(&a.c.code), which.get(&b.c.code))
                    && lag(data, window, a, b).is_some()
                    && seen.insert((a.c.id, b.c.id))
                {
                    f(i, j, a.c.id, b.c.id);
                }
            }
        }
    }
    Ok(ids.iter().map(|id| data.code_path(*id)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture;

    // Case A in order: s1 (2025-02-11, session 1): 1 W 10..20 Amara, 4 R 15..25 Jonas,
    // 2 W 40..60 Amara, 3 H 55..70 Amara; s2 (2025-03-04, session 2): 5 W 0..10 Jonas,
    // 6 H 30..40 Amara; s3 (2025-03-20, session 3): 7 H 22..30 Amara. Case B: s2 (its session 1):
    // 5 W, 6 H. Turns of s1: Dana 0..50 (position 0), Sam 50..100 (1); s2 has none (one turn).
    // Paragraphs of s1 start at 0, 32, 62; of s2 at 0, 22.

    fn spec(from: &str, to: &str, window: Window) -> SequenceSpec {
        SequenceSpec { from: from.into(), to: to.into(), window, subcodes: true, across_coders: false }
    }

    fn across(from: &str, to: &str, window: Window) -> SequenceSpec {
        SequenceSpec { across_coders: true, ..spec(from, to, window) }
    }

    const W: &str = "Ruptures/Withdrawal";
    const H: &str = "Repair/Honesty";

    #[test]
    fn a_turn_window_counts_bs_within_n_turns_of_the_same_source() {
        let d = fixture::data();
        let s = sequence(&d, &across(W, H, Window::Turns(1))).unwrap();
        // A: 3 answers the most recent W before it, 2 (turn 0 → 1, lag 1); 1 stays unanswered;
        // 6 answers 5 (s2 has no turns: lag 0). B: 6 answers 5.
        assert_eq!(s.cases[0].case, "A");
        assert_eq!((s.cases[0].counts.from_codings, s.cases[0].counts.followed), (3, 2));
        assert_eq!(s.cases[0].counts.lags, [(0, 1), (1, 1)]);
        assert_eq!(s.cases[0].counts.mean_lag, Some(0.5));
        assert_eq!(s.cases[0].follows[0], Follow { from: CodingId(2), to: CodingId(3), lag: Some(1) });
        // Overall, the pair 5 → 6 of the shared observation counts once.
        assert_eq!((s.overall.from_codings, s.overall.followed), (3, 2));
        assert_eq!(s.overall.lags, [(0, 1), (1, 1)]);
        let s = sequence(&d, &across(W, H, Window::Turns(0))).unwrap();
        assert_eq!(s.cases[0].counts.followed, 1);
    }

    #[test]
    fn an_a_and_its_b_are_one_coders_unless_asked_across_coders() {
        let d = fixture::data();
        // 5 W is Jonas's, 6 H Amara's: within coders only Amara's 2 → 3 is a pair.
        let s = sequence(&d, &spec(W, H, Window::Turns(1))).unwrap();
        assert!(!s.across_coders);
        assert_eq!(s.cases[0].follows, [Follow { from: CodingId(2), to: CodingId(3), lag: Some(1) }]);
        assert_eq!(s.cases[1].counts.followed, 0);
        assert_eq!((s.overall.from_codings, s.overall.followed), (3, 1));
    }

    #[test]
    fn codes_on_the_same_span_are_not_one_followed_by_the_other() {
        // Withdrawal and Honesty on the same chars, by one coder: co-coding, not a sequence.
        let d = fixture::data_with(vec![fixture::coding(1, 2, 1, 10, 20, 1), fixture::coding(2, 4, 1, 10, 20, 1)]);
        let s = sequence(&d, &spec(W, H, Window::Case)).unwrap();
        assert_eq!((s.overall.from_codings, s.overall.followed), (1, 0));
        assert_eq!(sequence(&d, &spec(H, W, Window::Case)).unwrap().overall.followed, 0);
        let t = transitions(&d, &[W.to_string(), H.to_string()], Window::Case, true, false).unwrap();
        assert_eq!(t.counts, [[0, 0], [0, 0]]);
        // One char later it is a sequence.
        let d = fixture::data_with(vec![fixture::coding(1, 2, 1, 10, 20, 1), fixture::coding(2, 4, 1, 11, 20, 1)]);
        assert_eq!(sequence(&d, &spec(W, H, Window::Case)).unwrap().overall.followed, 1);
    }

    #[test]
    fn each_b_answers_at_most_one_a_the_most_recent() {
        // Three withdrawals, then one honesty, then a fourth withdrawal and a second honesty.
        let d = fixture::data_with(vec![
            fixture::coding(1, 2, 1, 0, 5, 1),
            fixture::coding(2, 2, 1, 10, 15, 1),
            fixture::coding(3, 2, 1, 20, 25, 1),
            fixture::coding(4, 4, 1, 30, 35, 1),
            fixture::coding(5, 2, 1, 40, 45, 1),
            fixture::coding(6, 4, 1, 60, 65, 1),
        ]);
        let s = sequence(&d, &spec(W, H, Window::Case)).unwrap();
        assert_eq!(s.cases[0].follows, [Follow { from: CodingId(3), to: CodingId(4), lag: Some(0) }, Follow { from: CodingId(5), to: CodingId(6), lag: Some(0) }]);
        assert_eq!((s.overall.from_codings, s.overall.followed), (4, 2));
    }

    #[test]
    fn a_pair_in_a_source_of_two_cases_counts_once_overall() {
        // s2 is in cases A and B: its W 0..10 → H 30..40 is a pair in each case, one pair overall.
        let d = fixture::data_with(vec![fixture::coding(1, 2, 2, 0, 10, 1), fixture::coding(2, 4, 2, 30, 40, 1)]);
        let s = sequence(&d, &spec(W, H, Window::Case)).unwrap();
        assert_eq!((s.cases[0].counts.followed, s.cases[1].counts.followed), (1, 1));
        assert_eq!((s.overall.from_codings, s.overall.followed), (1, 1));
        assert_eq!(s.overall.lags, [(0, 1)]);
        let t = transitions(&d, &[W.to_string(), H.to_string()], Window::Case, true, false).unwrap();
        assert_eq!(t.counts[0][1], 1);
    }

    #[test]
    fn a_paragraph_window_measures_paragraphs_between_starts() {
        let s = sequence(&fixture::data(), &across(W, H, Window::Paragraphs(0))).unwrap();
        // 3 (p2) answers 2 (p2): lag 0; 6 (p2 of s2) would answer 5 (p1): lag 1, out.
        assert_eq!(s.cases[0].counts.followed, 1);
        assert_eq!(s.cases[0].follows, [Follow { from: CodingId(2), to: CodingId(3), lag: Some(0) }]);
        assert_eq!(s.cases[1].counts.followed, 0);
    }

    #[test]
    fn a_session_window_reaches_into_later_sessions_of_the_case() {
        let d = fixture::data();
        // Honesty → Withdrawal: 5 (s2, Jonas) answers 3 (s1, Amara), one session later. 6 and 7
        // have no W after them.
        let s = sequence(&d, &across(H, W, Window::Sessions(1))).unwrap();
        assert_eq!((s.cases[0].counts.from_codings, s.cases[0].counts.followed), (3, 1));
        assert_eq!(s.cases[0].follows, [Follow { from: CodingId(3), to: CodingId(5), lag: Some(1) }]);
        assert_eq!(sequence(&d, &spec(H, W, Window::Sessions(1))).unwrap().cases[0].counts.followed, 0, "two coders");
        assert_eq!(sequence(&d, &across(H, W, Window::Sessions(0))).unwrap().cases[0].counts.followed, 0);
        let s = sequence(&d, &across(H, W, Window::Case)).unwrap();
        assert_eq!(s.cases[0].counts.lags, [(1, 1)]);
        // Case B: 6 → nothing after it.
        assert_eq!((s.cases[1].counts.from_codings, s.cases[1].counts.followed), (1, 0));
    }

    #[test]
    fn a_parent_stands_for_its_branch_unless_subcodes_are_off() {
        let d = fixture::data();
        // Ruptures (1, 4, 2 in s1; 5 in s2) → Repair (3; 6; 7): 3 answers 2, 6 answers 5; 7 (s3)
        // is two sessions after 4. Overall the shared observation's 5 → 6 counts once.
        let s = sequence(&d, &across("Ruptures", "Repair", Window::Sessions(0))).unwrap();
        assert_eq!((s.cases[0].counts.from_codings, s.cases[0].counts.followed), (4, 2));
        assert_eq!((s.overall.from_codings, s.overall.followed), (4, 2));
        let exact = SequenceSpec { subcodes: false, ..across("Ruptures", "Repair", Window::Sessions(0)) };
        let s = sequence(&d, &exact).unwrap();
        // Only coding 4 is Ruptures itself, and Repair itself has no codings.
        assert_eq!((s.overall.from_codings, s.overall.followed), (1, 0));
        assert_eq!(s.overall.mean_lag, None);
    }

    #[test]
    fn undated_sources_come_last_and_have_unknown_session_lags() {
        let mut d = fixture::data();
        // Undate s1: case A becomes s2 (session 1), s3 (session 2), then s1 (undated).
        d.sources.get_mut(&SourceId(1)).unwrap().date = None;
        let s = sequence(&d, &across(W, H, Window::Case)).unwrap();
        // 6 answers 5 (same source, lag 0); 3 answers 2 in s1 (same source, lag 0).
        assert_eq!(s.cases[0].counts.lags, [(0, 2)]);
        let s = sequence(&d, &across(H, W, Window::Case)).unwrap();
        // In undated s1, 1 answers 7 (s3) and 2 answers 6 (s2): followed, lags unknown.
        assert_eq!(s.cases[0].counts.followed, 2);
        assert_eq!(s.cases[0].counts.unknown_lag, 2);
        assert_eq!(sequence(&d, &across(H, W, Window::Sessions(5))).unwrap().cases[0].counts.followed, 0);
    }

    #[test]
    fn transitions_count_consecutive_codings_of_one_coder_within_the_window() {
        let d = fixture::data();
        let codes = [W.to_string(), H.to_string()];
        // Across coders, A: 1 W, 2 W, 3 H | 5 W, 6 H | 7 H → W→W 1, W→H 2, H→W 1, H→H 1; B's
        // 5 → 6 is the same pair as A's and counts once.
        let t = transitions(&d, &codes, Window::Case, true, true).unwrap();
        assert_eq!(t.counts, [[1, 2], [1, 1]]);
        assert_eq!(t.probabilities[1], [0.5, 0.5]);
        // Within coders: Amara's 1 W, 2 W, 3 H, 6 H, 7 H; Jonas's 5 W alone.
        let t = transitions(&d, &codes, Window::Case, true, false).unwrap();
        assert_eq!(t.counts, [[1, 1], [0, 2]]);
        // Within the same turn: 1 → 2 (both turn 0 of s1), 5 → 6 (s2 has no turns).
        let t = transitions(&d, &codes, Window::Turns(0), true, true).unwrap();
        assert_eq!(t.counts, [[1, 1], [0, 0]]);
        assert_eq!(t.probabilities[1], [0.0, 0.0]);
    }

    #[test]
    fn transition_pairs_are_the_counted_consecutive_codings() {
        let d = fixture::data();
        let codes = [W.to_string(), H.to_string()];
        // W → H in case order: A: 2 → 3 (s1), 5 → 6 (s2); B's 5 → 6 is not listed again.
        let pairs = transition_pairs(&d, &codes, Window::Case, true, true, 0, 1).unwrap();
        assert_eq!(pairs, [(CodingId(2), CodingId(3)), (CodingId(5), CodingId(6))]);
        assert_eq!(pairs.len() as u64, transitions(&d, &codes, Window::Case, true, true).unwrap().counts[0][1]);
        // H → W: 3 (s1) → 5 (s2) in A.
        assert_eq!(transition_pairs(&d, &codes, Window::Case, true, true, 1, 0).unwrap(), [(CodingId(3), CodingId(5))]);
        assert!(transition_pairs(&d, &codes, Window::Turns(0), true, true, 1, 0).unwrap().is_empty());
    }

    #[test]
    fn bad_codes_and_windows_are_named() {
        let d = fixture::data();
        assert_eq!(sequence(&d, &spec("Rupture", H, Window::Case)).unwrap_err().to_string(), "no code \"Rupture\" in the codebook");
        assert_eq!(Window::parse_arg("weeks:2").unwrap_err().to_string(), "invalid window \"weeks:2\": expected turns:N, paragraphs:N, sessions:K or case");
        assert_eq!(Window::parse("sessions:2"), Some(Window::Sessions(2)));
    }
}
