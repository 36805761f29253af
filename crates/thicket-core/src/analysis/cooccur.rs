//! Co-occurrence: which codes are applied together.
//!
//! In: `AnalysisData` and a `Proximity` (overlap, same paragraph, same turn, or within N chars).
//! Out: a symmetric code × code table of co-occurring coding pairs, the codings of each code that
//! co-occur with another code (`linked`), and Jaccard coefficients.
//!
//! Two codings co-occur when they are in the same source and are close in the chosen sense; a
//! coding never co-occurs with itself, and two codings of the same code do not count (the
//! diagonal holds each code's number of codings). Jaccard is taken over codings, so it is never
//! above 1: J(A, B) = (codings of A that co-occur with a B + codings of B that co-occur with an
//! A) / (codings of A + codings of B).
//!
//! Two codings co-occur only when one coder made both, unless asked `across_coders`: with two
//! coders, Amara's Mistrust beside Jonas's Withdrawal is a disagreement about one passage, not
//! evidence that the two codes go together.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::data::{AnalysisCoding, AnalysisData};
use crate::error::{Error, Result};
use crate::model::*;

/// When two codings of the same source co-occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proximity {
    /// They share at least one char.
    Overlap,
    /// They share a paragraph (a coding is in every paragraph from its first char's to its last
    /// char's; paragraphs as citations number them).
    Paragraph,
    /// They overlap a common speaker turn.
    Turn,
    /// At most N chars lie between them (0: overlapping or touching).
    Within(usize),
}

impl Proximity {
    /// The accepted forms, for error messages.
    pub const CHOICES: &'static str = "overlap, paragraph, turn or within:N (N characters)";

    /// Parses `overlap`, `paragraph`, `turn`, `within:N`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "overlap" => Proximity::Overlap,
            "paragraph" => Proximity::Paragraph,
            "turn" => Proximity::Turn,
            _ => Proximity::Within(s.strip_prefix("within:")?.trim().parse().ok()?),
        })
    }

    /// The text form, as `parse` reads it.
    pub fn name(self) -> String {
        match self {
            Proximity::Overlap => "overlap".into(),
            Proximity::Paragraph => "paragraph".into(),
            Proximity::Turn => "turn".into(),
            Proximity::Within(n) => format!("within:{n}"),
        }
    }
}

/// A symmetric code × code table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cooccurrence {
    /// How co-occurrence was decided (`Proximity::name`).
    pub mode: String,
    /// Whether codings of different coders were paired.
    pub across_coders: bool,
    /// Code paths, in codebook order.
    pub codes: Vec<String>,
    /// `counts[a][b]`: co-occurring pairs of a coding of a and a coding of b (diagonal: codings
    /// of the code).
    pub counts: Vec<Vec<u64>>,
    /// `linked[a][b]`: codings of a that co-occur with at least one coding of b (diagonal:
    /// codings of the code). Not symmetric.
    pub linked: Vec<Vec<u64>>,
    /// `(linked[a][b] + linked[b][a]) / (n(a) + n(b))`, 0 when both codes are unused; the
    /// diagonal is 1 for a used code.
    pub jaccard: Vec<Vec<f64>>,
}

/// Overlap co-occurrence over all codings, pairing codings of one coder.
pub fn cooccurrence(data: &AnalysisData) -> Cooccurrence {
    table(data, Proximity::Overlap, false, &overlap)
}

/// Co-occurrence in the given sense, pairing codings of one coder or, with `across_coders`, of
/// any coders; fails when `data` lacks what the mode needs (texts for paragraphs, speakers for
/// turns).
pub fn cooccurrence_with(data: &AnalysisData, mode: Proximity, across_coders: bool) -> Result<Cooccurrence> {
    Ok(table(data, mode, across_coders, &*interval_of(data, mode)?))
}

/// Codings that may pair, grouped by `pairing_key`: a sweep runs over each group.
type Groups<T> = HashMap<(SourceId, Option<CoderId>), Vec<T>>;

/// Where two codings must both lie to be paired: the same source and, unless `across_coders`,
/// the same coder.
fn pairing_key(c: &AnalysisCoding, across_coders: bool) -> (SourceId, Option<CoderId>) {
    (c.source, (!across_coders).then_some(c.coder))
}

/// The co-occurring pairs behind `counts[a][b]` (rows in codebook order, `a` ≠ `b`): each pair
/// is (a coding of a, a coding of b), sorted by source, then their starts. What a click on a
/// co-occurrence cell should show; on the diagonal there are no pairs.
pub fn cooccurring_pairs(data: &AnalysisData, mode: Proximity, across_coders: bool, a: usize, b: usize) -> Result<Vec<(CodingId, CodingId)>> {
    let interval = interval_of(data, mode)?;
    let walk = data.codebook.walk();
    let (Some(code_a), Some(code_b)) = (walk.get(a).map(|(_, c)| c.id), walk.get(b).map(|(_, c)| c.id)) else { return Ok(Vec::new()) };
    if a == b {
        return Ok(Vec::new());
    }
    let mut by_source: Groups<(usize, usize, bool, &AnalysisCoding)> = HashMap::new();
    for c in data.codings.iter().filter(|c| c.code == code_a || c.code == code_b) {
        if let Some((lo, hi)) = interval(c) {
            by_source.entry(pairing_key(c, across_coders)).or_default().push((lo, hi, c.code == code_a, c));
        }
    }
    let mut pairs = Vec::new();
    for list in by_source.values_mut() {
        list.sort_unstable_by_key(|(lo, hi, _, c)| (*lo, *hi, c.id));
        for (k, &(_, hi, first_is_a, x)) in list.iter().enumerate() {
            for &(_, _, is_a, y) in list[k + 1..].iter().take_while(|(lo, ..)| *lo <= hi) {
                if first_is_a != is_a {
                    pairs.push(if first_is_a { (x, y) } else { (y, x) });
                }
            }
        }
    }
    pairs.sort_by_key(|(x, y)| (x.source, x.span.start, y.span.start, x.id, y.id));
    Ok(pairs.into_iter().map(|(x, y)| (x.id, y.id)).collect())
}

/// A coding's closed interval `[lo, hi]` in a mode (see `table`), `None`: it co-occurs with
/// nothing.
type Interval<'a> = Box<dyn Fn(&AnalysisCoding) -> Option<(usize, usize)> + 'a>;

fn overlap(c: &AnalysisCoding) -> Option<(usize, usize)> {
    Some((c.span.start, c.span.end.saturating_sub(1)))
}

/// The interval function of a mode, after checking that `data` holds what it needs.
fn interval_of(data: &AnalysisData, mode: Proximity) -> Result<Interval<'_>> {
    Ok(match mode {
        Proximity::Overlap => Box::new(overlap),
        Proximity::Paragraph => {
            data.require_texts("co-occurrence by paragraph")?;
            Box::new(|c| Some(data.paragraph_range(c)))
        }
        Proximity::Turn => {
            data.require_speakers("co-occurrence by turn")?;
            Box::new(|c| data.turn_range(c))
        }
        // Gap ≤ n ⟺ the later start ≤ the earlier end + n (see `table`).
        Proximity::Within(n) => Box::new(move |c| Some((c.span.start, c.span.end.saturating_add(n)))),
    })
}

/// Checks a `within:N` mode given on the command line, with an error naming the value.
pub fn parse_proximity(s: &str) -> Result<Proximity> {
    Proximity::parse(s).ok_or_else(|| Error::invalid(format!("unknown co-occurrence mode \"{s}\": expected {}", Proximity::CHOICES)))
}

/// The table for a mode given as a closed interval `[lo, hi]` per coding (`None`: it co-occurs
/// with nothing). Two codings of one source co-occur when, taking the one with the smaller `lo`
/// first, the other's `lo` ≤ the first's `hi`: a sweep over each source's codings sorted by `lo`.
fn table(data: &AnalysisData, mode: Proximity, across_coders: bool, interval: &dyn Fn(&AnalysisCoding) -> Option<(usize, usize)>) -> Cooccurrence {
    let walk = data.codebook.walk();
    let index: HashMap<CodeId, usize> = walk.iter().enumerate().map(|(i, (_, c))| (c.id, i)).collect();
    let n = walk.len();
    let mut counts = vec![vec![0u64; n]; n];
    let mut linked = vec![vec![0u64; n]; n];
    // Per source (and coder): (lo, hi, code index, coding index).
    let mut by_source: Groups<(usize, usize, usize, usize)> = HashMap::new();
    for (k, c) in data.codings.iter().enumerate() {
        let Some(&i) = index.get(&c.code) else { continue };
        counts[i][i] += 1;
        linked[i][i] += 1;
        if let Some((lo, hi)) = interval(c) {
            by_source.entry(pairing_key(c, across_coders)).or_default().push((lo, hi, i, k));
        }
    }
    // The codes each coding co-occurs with, for `linked`.
    let mut partners: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    for list in by_source.values_mut() {
        list.sort_unstable();
        for (k, &(_, hi, a, ka)) in list.iter().enumerate() {
            for &(_, _, b, kb) in list[k + 1..].iter().take_while(|(lo, ..)| *lo <= hi) {
                if a != b {
                    counts[a][b] += 1;
                    counts[b][a] += 1;
                    partners.entry(ka).or_default().insert(b);
                    partners.entry(kb).or_default().insert(a);
                }
            }
        }
    }
    for (k, codes) in partners {
        if let Some(&a) = data.codings.get(k).and_then(|c| index.get(&c.code)) {
            for b in codes {
                linked[a][b] += 1;
            }
        }
    }
    let jaccard = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| {
                    let (na, nb) = (counts[a][a], counts[b][b]);
                    match (a == b, na + nb) {
                        (_, 0) => 0.0,
                        (true, _) => 1.0,
                        (false, all) => (linked[a][b] + linked[b][a]) as f64 / all as f64,
                    }
                })
                .collect()
        })
        .collect();
    Cooccurrence { mode: mode.name(), across_coders, codes: data.code_paths(), counts, linked, jaccard }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture;

    // Rows: 0 Ruptures, 1 Withdrawal, 2 Repair, 3 Honesty. Codings (see `data::fixture`):
    // s1: 1 W 10..20, 2 W 40..60, 3 H 55..70, 4 R 15..25; s2: 5 W 0..10, 6 H 30..40; s3: 7 H 22..30.

    #[test]
    fn overlap_counts_pairs_that_share_a_char() {
        let t = cooccurrence_with(&fixture::data(), Proximity::Overlap, true).unwrap();
        // Pairs: (1 W, 4 R) share 15..20; (2 W, 3 H) share 55..60. Nothing else overlaps.
        assert_eq!(t.counts[0], [1, 1, 0, 0]);
        assert_eq!(t.counts[1], [1, 3, 0, 1]);
        assert_eq!(t.counts[3], [0, 1, 0, 3]);
        assert_eq!(t.counts[2], [0, 0, 0, 0]);
        // Jaccard(W, H) = (1 W coding linked + 1 H coding linked) / (3 + 3) = 1/3.
        assert_eq!(t.linked[1][3], 1);
        assert_eq!(t.jaccard[1][3], 2.0 / 6.0);
        // Jaccard(R, W) = (1 + 1) / (1 + 3) = 0.5; unused Repair: 0; diagonal of a used code: 1.
        assert_eq!(t.jaccard[0][1], 0.5);
        assert_eq!(t.jaccard[2][2], 0.0);
        assert_eq!(t.jaccard[3][3], 1.0);
    }

    #[test]
    fn only_codings_of_one_coder_cooccur_unless_asked_across_coders() {
        let d = fixture::data();
        // (1 W Amara, 4 R Jonas) overlap but were made by two coders; (2 W, 3 H) are both Amara's.
        let t = cooccurrence(&d);
        assert_eq!(t.counts[0][1], 0);
        assert_eq!(t.counts[1][3], 1);
        assert!(cooccurring_pairs(&d, Proximity::Overlap, false, 0, 1).unwrap().is_empty());
        assert_eq!(cooccurrence_with(&d, Proximity::Overlap, true).unwrap().counts[0][1], 1);
        assert_eq!(cooccurring_pairs(&d, Proximity::Overlap, true, 0, 1).unwrap(), [(CodingId(4), CodingId(1))]);
        // The same span coded twice by two coders, with two codes: a disagreement, not a pair.
        let d = fixture::data_with(vec![fixture::coding(1, 2, 1, 0, 10, 1), fixture::coding(2, 4, 1, 0, 10, 2)]);
        assert_eq!(cooccurrence(&d).counts[1][3], 0);
        assert_eq!(cooccurrence_with(&d, Proximity::Overlap, true).unwrap().counts[1][3], 1);
    }

    #[test]
    fn jaccard_stays_at_most_one_when_one_coding_overlaps_many() {
        // One long Withdrawal coding (s1 0..100) overlapping three Honesty codings: 3 pairs, but
        // J = (1 + 3) / (1 + 3) = 1, not 3 / (1 + 3 − 3) = 3 as a pair count would give.
        let d = fixture::data_with(vec![
            fixture::coding(1, 2, 1, 0, 100, 1),
            fixture::coding(2, 4, 1, 10, 20, 1),
            fixture::coding(3, 4, 1, 30, 40, 1),
            fixture::coding(4, 4, 1, 60, 70, 1),
        ]);
        let t = cooccurrence(&d);
        assert!(!t.across_coders);
        assert_eq!(t.counts[1][3], 3);
        assert_eq!(t.jaccard[1][3], 1.0);
        assert_eq!(t.jaccard[3][1], 1.0);
    }

    #[test]
    fn paragraph_mode_pairs_codings_in_a_shared_paragraph() {
        let t = cooccurrence_with(&fixture::data(), Proximity::Paragraph, true).unwrap();
        // s1 paragraphs: 1 W p1, 4 R p1, 2 W p2, 3 H p2–p3: pairs (1, 4) and (2, 3), as with
        // overlap. s2: 5 W p1 and 6 H p2 do not share one.
        assert_eq!(t.counts[1], [1, 3, 0, 1]);
        assert_eq!(t.mode, "paragraph");
    }

    #[test]
    fn turn_mode_pairs_codings_that_touch_a_common_turn() {
        let t = cooccurrence_with(&fixture::data(), Proximity::Turn, true).unwrap();
        // s1 turns: 0 Dana 0..50, 1 Sam 50..100. 1 W → turn 0, 4 R → 0, 2 W → 0–1, 3 H → 1.
        // Pairs across codes: (1 W, 4 R), (4 R, 2 W), (2 W, 3 H). s2 has no turns: nothing.
        assert_eq!(t.counts[0], [1, 2, 0, 0]);
        assert_eq!(t.counts[1][3], 1);
        // Ruptures' one coding is linked to Withdrawal; Withdrawal's codings 1 and 2 both to Ruptures.
        assert_eq!(t.linked[0][1], 1);
        assert_eq!(t.linked[1][0], 2);
        assert_eq!(t.jaccard[0][1], 3.0 / 4.0);
    }

    #[test]
    fn within_n_counts_gaps_of_at_most_n_chars() {
        let d = fixture::data();
        // s2: 5 W 0..10 and 6 H 30..40 are 20 chars apart; s1: 4 R 15..25 and 2 W 40..60 are 15 apart.
        let t = cooccurrence_with(&d, Proximity::Within(19), true).unwrap();
        assert_eq!(t.counts[1][3], 1);
        assert_eq!(t.counts[0][1], 2);
        let t = cooccurrence_with(&d, Proximity::Within(20), true).unwrap();
        assert_eq!(t.counts[1][3], 2);
        // within:0 counts touching spans, which overlap does not.
        let d = fixture::data_with(vec![fixture::coding(1, 2, 1, 0, 10, 1), fixture::coding(2, 4, 1, 10, 20, 1)]);
        assert_eq!(cooccurrence(&d).counts[1][3], 0);
        assert_eq!(cooccurrence_with(&d, Proximity::Within(0), true).unwrap().counts[1][3], 1);
    }

    #[test]
    fn codings_in_different_sources_never_cooccur_and_no_codings_give_zeros() {
        let d = fixture::data_with(vec![fixture::coding(1, 2, 1, 0, 10, 1), fixture::coding(2, 4, 2, 0, 10, 1)]);
        assert_eq!(cooccurrence_with(&d, Proximity::Within(1000), true).unwrap().counts[1][3], 0);
        let t = cooccurrence(&fixture::data_with(vec![]));
        assert_eq!(t.counts, vec![vec![0; 4]; 4]);
        assert_eq!(t.jaccard, vec![vec![0.0; 4]; 4]);
    }

    #[test]
    fn pairs_behind_a_cell_are_the_counted_ones() {
        let d = fixture::data();
        // Overlap: (2 W, 3 H) share 55..60; as (Withdrawal, Honesty) and, swapped, (Honesty, Withdrawal).
        assert_eq!(cooccurring_pairs(&d, Proximity::Overlap, true, 1, 3).unwrap(), [(CodingId(2), CodingId(3))]);
        assert_eq!(cooccurring_pairs(&d, Proximity::Overlap, true, 3, 1).unwrap(), [(CodingId(3), CodingId(2))]);
        // Turn mode: Ruptures' coding 4 pairs with Withdrawal's 1 and 2 (counts[0][1] = 2).
        let t = cooccurrence_with(&d, Proximity::Turn, true).unwrap();
        let pairs = cooccurring_pairs(&d, Proximity::Turn, true, 0, 1).unwrap();
        assert_eq!(pairs.len() as u64, t.counts[0][1]);
        assert_eq!(pairs, [(CodingId(4), CodingId(1)), (CodingId(4), CodingId(2))]);
        // within:20 adds s2's (5 W, 6 H), 20 chars apart.
        assert_eq!(cooccurring_pairs(&d, Proximity::Within(20), true, 1, 3).unwrap(), [(CodingId(2), CodingId(3)), (CodingId(5), CodingId(6))]);
        assert!(cooccurring_pairs(&d, Proximity::Overlap, true, 1, 1).unwrap().is_empty());
        assert!(cooccurring_pairs(&d, Proximity::Overlap, true, 1, 99).unwrap().is_empty());
        let mut no_texts = fixture::data();
        no_texts.texts_loaded = false;
        assert!(cooccurring_pairs(&no_texts, Proximity::Paragraph, true, 1, 3).is_err());
    }

    #[test]
    fn modes_parse_and_bad_ones_are_named() {
        assert_eq!(Proximity::parse("within:200"), Some(Proximity::Within(200)));
        assert_eq!(Proximity::parse("within:x"), None);
        assert_eq!(parse_proximity("sentence").unwrap_err().to_string(), "unknown co-occurrence mode \"sentence\": expected overlap, paragraph, turn or within:N (N characters)");
    }
}
