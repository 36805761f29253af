//! Lanes of the coding stripes in the left margin.
//!
//! In: for each paragraph, the stripes that have a coding in it: a stripe is a code and a coder
//! (two coders who coded one passage alike get a stripe each, so that a team sees whose is whose;
//! the tests use plain codes). Out: a lane (a column of the
//! margin) for each stripe in each paragraph. A code keeps its lane over a run of consecutive
//! paragraphs where it is present, so a coding over three paragraphs is one unbroken stripe, and
//! codes present at the same time never share a lane. Runs are assigned like intervals on a line
//! (greedy, earliest start first, lowest free lane), which uses as few lanes as the densest
//! paragraph needs.

use std::collections::HashMap;
use std::hash::Hash;

use thicket_core::model::{CodeId, CoderId};

/// What gets a stripe of its own: a code as coded by one coder.
pub type StripeKey = (CodeId, CoderId);

/// The lane of each code in each paragraph, and how many lanes the document needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lanes<K = StripeKey> {
    /// Per paragraph: (code, lane), ordered by lane.
    per_paragraph: Vec<Vec<(K, usize)>>,
    count: usize,
}

impl<K> Default for Lanes<K> {
    fn default() -> Self {
        Lanes { per_paragraph: Vec::new(), count: 0 }
    }
}

impl<K: Copy + Eq + Hash + Ord> Lanes<K> {
    /// Assigns lanes; `codes_per_paragraph[i]` lists the codes present in paragraph `i` (any order,
    /// duplicates allowed).
    pub fn assign(codes_per_paragraph: &[Vec<K>]) -> Self {
        let runs = runs(codes_per_paragraph);
        let lanes = assign_intervals(&runs.iter().map(|r| (r.first, r.last)).collect::<Vec<_>>());
        let mut per_paragraph = vec![Vec::new(); codes_per_paragraph.len()];
        for (run, &lane) in runs.iter().zip(&lanes) {
            for slot in &mut per_paragraph[run.first..=run.last] {
                slot.push((run.code, lane));
            }
        }
        for slot in &mut per_paragraph {
            slot.sort_by_key(|&(_, lane)| lane);
        }
        let count = lanes.iter().map(|l| l + 1).max().unwrap_or(0);
        Lanes { per_paragraph, count }
    }

    /// Lanes the densest stretch of the document needs.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The lane of `code` in paragraph `paragraph`, if the code is present there.
    pub fn lane(&self, paragraph: usize, code: K) -> Option<usize> {
        self.per_paragraph.get(paragraph)?.iter().find(|(c, _)| *c == code).map(|&(_, lane)| lane)
    }
}

/// A maximal run of consecutive paragraphs in which one code is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run<K> {
    code: K,
    first: usize,
    last: usize,
}

/// The runs of every code, ordered by first paragraph.
fn runs<K: Copy + Eq + Hash + Ord>(codes_per_paragraph: &[Vec<K>]) -> Vec<Run<K>> {
    let mut open: HashMap<K, Run<K>> = HashMap::new();
    let mut done = Vec::new();
    for (i, codes) in codes_per_paragraph.iter().enumerate() {
        for &code in codes {
            match open.get_mut(&code) {
                Some(run) if run.last + 1 >= i => run.last = i,
                Some(run) => done.push(std::mem::replace(run, Run { code, first: i, last: i })),
                None => {
                    open.insert(code, Run { code, first: i, last: i });
                }
            }
        }
    }
    done.extend(open.into_values());
    // Code id breaks ties so the assignment does not depend on hash order.
    done.sort_by_key(|r| (r.first, r.code, r.last));
    done
}

/// Lowest free lane for each closed interval `(first, last)`, given in order of `first`.
pub fn assign_intervals(intervals: &[(usize, usize)]) -> Vec<usize> {
    // The last paragraph each lane is busy until.
    let mut busy_until: Vec<usize> = Vec::new();
    intervals
        .iter()
        .map(|&(first, last)| match busy_until.iter().position(|&end| end < first) {
            Some(lane) => {
                busy_until[lane] = last;
                lane
            }
            None => {
                busy_until.push(last);
                busy_until.len() - 1
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stripes of one coder: the lanes' rules do not depend on what a stripe stands for.
    const A: CodeId = CodeId(1);
    const B: CodeId = CodeId(2);
    const C: CodeId = CodeId(3);

    #[test]
    fn intervals_share_a_lane_only_when_disjoint() {
        assert_eq!(assign_intervals(&[(0, 2), (1, 1), (2, 3), (3, 5), (4, 4)]), [0, 1, 1, 0, 1]);
        assert_eq!(assign_intervals(&[(0, 0), (0, 0), (0, 0)]), [0, 1, 2]);
        assert!(assign_intervals(&[]).is_empty());
    }

    #[test]
    fn a_code_keeps_its_lane_over_consecutive_paragraphs() {
        let lanes: Lanes<CodeId> = Lanes::assign(&[vec![A], vec![B, A], vec![A, C], vec![C]]);
        assert_eq!(lanes.lane(0, A), Some(0));
        assert_eq!(lanes.lane(1, A), Some(0));
        assert_eq!(lanes.lane(2, A), Some(0));
        assert_eq!(lanes.lane(1, B), Some(1));
        // B's run ended in paragraph 1, so C reuses its lane from paragraph 2 on.
        assert_eq!(lanes.lane(2, C), Some(1));
        assert_eq!(lanes.lane(3, C), Some(1));
        assert_eq!(lanes.lane(3, A), None);
        assert_eq!(lanes.count(), 2);
    }

    #[test]
    fn a_gap_starts_a_new_run_that_may_take_another_lane() {
        let lanes: Lanes<CodeId> = Lanes::assign(&[vec![A, A], vec![], vec![B], vec![B, A]]);
        assert_eq!(lanes.lane(0, A), Some(0));
        assert_eq!(lanes.lane(3, A), Some(1));
        assert_eq!(lanes.lane(3, B), Some(0));
        assert_eq!(lanes.lane(1, A), None);
        assert_eq!(Lanes::<CodeId>::assign(&[]).count(), 0);
    }
}
