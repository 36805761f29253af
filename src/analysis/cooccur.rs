//! Co-occurrence by overlap: codes A and B co-occur where a coding of A and a coding of B share at
//! least one char of the same source. Counts are of overlapping coding pairs; Jaccard is the
//! co-occurrence count over the codings of A or B: `n(A∩B) / (n(A) + n(B) − n(A∩B))`.

use std::collections::HashMap;

use serde::Serialize;

use super::data::AnalysisData;
use crate::model::*;

/// A symmetric code × code table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cooccurrence {
    /// Code paths, in codebook order.
    pub codes: Vec<String>,
    /// `counts[a][b]`: overlapping pairs of codings of a and b (diagonal: codings of the code).
    pub counts: Vec<Vec<u64>>,
    pub jaccard: Vec<Vec<f64>>,
}

/// Overlap co-occurrence over all codings, found by a sweep over each source's codings sorted by start.
pub fn cooccurrence(data: &AnalysisData) -> Cooccurrence {
    let walk = data.codebook.walk();
    let index: HashMap<CodeId, usize> = walk.iter().enumerate().map(|(i, (_, c))| (c.id, i)).collect();
    let n = walk.len();
    let mut counts = vec![vec![0u64; n]; n];
    let mut by_source: HashMap<SourceId, Vec<(usize, usize, usize)>> = HashMap::new();
    for c in &data.codings {
        if let Some(&i) = index.get(&c.code) {
            counts[i][i] += 1;
            by_source.entry(c.source).or_default().push((c.span.start, c.span.end, i));
        }
    }
    for list in by_source.values_mut() {
        list.sort_unstable();
        for (k, &(_, end, a)) in list.iter().enumerate() {
            // Later codings start at or after this one; they overlap while they start before its end.
            for &(_, _, b) in list[k + 1..].iter().take_while(|(s, ..)| *s < end) {
                if a != b {
                    counts[a][b] += 1;
                    counts[b][a] += 1;
                }
            }
        }
    }
    let jaccard = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| {
                    let both = counts[a][b] as f64;
                    let union = (counts[a][a] + counts[b][b]) as f64 - if a == b { counts[a][a] as f64 } else { both };
                    if union > 0.0 { both / union } else { 0.0 }
                })
                .collect()
        })
        .collect();
    Cooccurrence { codes: walk.iter().map(|(_, c)| data.codebook.path(c.id).unwrap_or_default().to_string()).collect(), counts, jaccard }
}
