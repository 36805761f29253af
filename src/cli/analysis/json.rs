//! The JSON shapes of the analysis commands (docs/cli.md: Crosstab, Co-occurrence,
//! Triangulation, Sequence, Timeline), as serde-derived structs built from the results.
//!
//! The shapes are a stable contract, and they are not the results' own: the crosstab shows
//! coverage percentages in place of the counts, co-occurrence and timeline show only the chosen
//! codes, a sequence names the sources of its pairs. So each command has a report struct here
//! that borrows the result and says, field by field, what is printed. The triangulation grid is
//! printed as `analysis::Triangulation` derives it.
//!
//! Fractions are rounded to 4 decimals (`r4`) as they are written, so output is stable and
//! readable. Key order is not the structs' field order: `render` goes through a
//! `serde_json::Value`, whose map sorts keys, which is the order docs/cli.md shows.

use std::collections::HashMap;

use serde::{Serialize, Serializer};

use super::r4;
use thicket_core::analysis::{self, AnalysisCoding, AnalysisData, Cooccurrence, Crosstab, Sequence, SequenceCounts, Timeline, Transitions, Triangulation};
use thicket_core::model::CodingId;

/// A number written rounded to 4 decimals.
struct Rounded(f64);

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(r4(self.0))
    }
}

fn round4<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    Rounded(*x).serialize(s)
}

fn round4_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    x.map(Rounded).serialize(s)
}

fn round4_list<S: Serializer>(xs: &[f64], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(xs.iter().map(|x| Rounded(*x)))
}

fn round4_grid<S: Serializer>(grid: &[Vec<f64>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(grid.iter().map(|row| row.iter().map(|x| Rounded(*x)).collect::<Vec<_>>()))
}

/// `thicket crosstab --format json`.
#[derive(Serialize)]
pub struct CrosstabJson<'a> {
    measure: &'a str,
    dimension: &'a str,
    rollup: bool,
    rows: &'a [String],
    cols: &'a [String],
    /// `cells`, `row_totals`, `col_totals` and `total`, and for coverage its denominators.
    #[serde(flatten)]
    numbers: CrosstabNumbers<'a>,
}

/// What a crosstab's cells hold: counts of the measure, or coverage percentages.
#[derive(Serialize)]
#[serde(untagged)]
enum CrosstabNumbers<'a> {
    Counts(Counts<'a>),
    Coverage(CoverageJson<'a>),
}

/// A table of counts with its totals.
#[derive(Serialize)]
struct Counts<'a> {
    cells: &'a [Vec<u64>],
    row_totals: &'a [u64],
    col_totals: &'a [u64],
    total: u64,
}

/// Coverage percentages, with the covered characters and the characters they divide.
#[derive(Serialize)]
struct CoverageJson<'a> {
    #[serde(serialize_with = "round4_grid")]
    cells: &'a [Vec<f64>],
    #[serde(serialize_with = "round4_list")]
    row_totals: &'a [f64],
    #[serde(serialize_with = "round4_list")]
    col_totals: &'a [f64],
    #[serde(serialize_with = "round4")]
    total: f64,
    covered_chars: Counts<'a>,
    col_chars: &'a [u64],
    total_chars: u64,
}

impl<'a> CrosstabJson<'a> {
    pub fn new(t: &'a Crosstab) -> Self {
        let counts = Counts { cells: &t.cells, row_totals: &t.row_totals, col_totals: &t.col_totals, total: t.total };
        let numbers = match &t.coverage {
            Some(c) => CrosstabNumbers::Coverage(CoverageJson {
                cells: &c.cells,
                row_totals: &c.row_totals,
                col_totals: &c.col_totals,
                total: c.total,
                covered_chars: counts,
                col_chars: &c.col_chars,
                total_chars: c.total_chars,
            }),
            None => CrosstabNumbers::Counts(counts),
        };
        CrosstabJson { measure: &t.measure, dimension: &t.dimension, rollup: t.rollup, rows: &t.rows, cols: &t.cols, numbers }
    }
}

/// `thicket cooccur --format json`: the shown codes only (co-occurrence is computed over all).
#[derive(Serialize)]
pub struct CooccurJson<'a> {
    mode: &'a str,
    across_coders: bool,
    codes: Vec<&'a str>,
    /// The diagonal: each shown code's codings.
    codings: Vec<u64>,
    counts: Vec<Vec<u64>>,
    linked: Vec<Vec<u64>>,
    #[serde(serialize_with = "round4_grid")]
    jaccard: Vec<Vec<f64>>,
}

impl<'a> CooccurJson<'a> {
    /// `shown`: indices into `t.codes`, in the order printed.
    pub fn new(t: &'a Cooccurrence, shown: &[usize]) -> Self {
        fn pick<T: Copy>(m: &[Vec<T>], shown: &[usize]) -> Vec<Vec<T>> {
            shown.iter().map(|&a| shown.iter().map(|&b| m[a][b]).collect()).collect()
        }
        CooccurJson {
            mode: &t.mode,
            across_coders: t.across_coders,
            codes: shown.iter().map(|&i| t.codes[i].as_str()).collect(),
            codings: shown.iter().map(|&i| t.counts[i][i]).collect(),
            counts: pick(&t.counts, shown),
            linked: pick(&t.linked, shown),
            jaccard: pick(&t.jaccard, shown),
        }
    }
}

/// `thicket triangulate --format json`: the grid as it derives `Serialize`, and the roles left
/// out as the user gave them.
#[derive(Serialize)]
pub struct TriangulationJson<'a> {
    ignore_roles: &'a [String],
    #[serde(flatten)]
    grid: &'a Triangulation,
}

impl<'a> TriangulationJson<'a> {
    pub fn new(grid: &'a Triangulation, ignore_roles: &'a [String]) -> Self {
        TriangulationJson { ignore_roles, grid }
    }
}

/// `thicket sequence --format json`.
#[derive(Serialize)]
pub struct SequenceJson<'a> {
    /// `None` (null) when only `--code` was given.
    sequence: Option<SequenceReport<'a>>,
    transitions: TransitionsJson<'a>,
}

/// A followed by B, per case and overall.
#[derive(Serialize)]
struct SequenceReport<'a> {
    from: &'a str,
    to: &'a str,
    window: &'a str,
    unit: &'a str,
    subcodes: bool,
    across_coders: bool,
    cases: Vec<CaseSequenceJson<'a>>,
    overall: CountsJson,
}

/// One case: its counts and its pairs.
#[derive(Serialize)]
struct CaseSequenceJson<'a> {
    case: &'a str,
    #[serde(flatten)]
    counts: CountsJson,
    follows: Vec<FollowJson<'a>>,
}

/// How many A codings, how many followed, and the lags.
#[derive(Serialize)]
struct CountsJson {
    from_codings: u64,
    followed: u64,
    /// followed / from_codings (0 without A codings).
    #[serde(serialize_with = "round4")]
    share: f64,
    lags: Vec<LagJson>,
    unknown_lag: u64,
    #[serde(serialize_with = "round4_opt")]
    mean_lag: Option<f64>,
}

/// How many followed A codings came at one lag.
#[derive(Serialize)]
struct LagJson {
    lag: usize,
    count: u64,
}

/// A followed A coding and its B, with where each lies (so a script can find the text).
#[derive(Serialize)]
struct FollowJson<'a> {
    from_coding: CodingId,
    from_source: Option<&'a str>,
    from_start: Option<usize>,
    to_coding: CodingId,
    to_source: Option<&'a str>,
    to_start: Option<usize>,
    lag: Option<usize>,
}

/// The transition matrix.
#[derive(Serialize)]
struct TransitionsJson<'a> {
    codes: &'a [String],
    window: &'a str,
    across_coders: bool,
    counts: &'a [Vec<u64>],
    row_totals: &'a [u64],
    #[serde(serialize_with = "round4_grid")]
    probabilities: &'a [Vec<f64>],
}

impl CountsJson {
    fn new(c: &SequenceCounts) -> Self {
        CountsJson {
            from_codings: c.from_codings,
            followed: c.followed,
            share: if c.from_codings == 0 { 0.0 } else { c.followed as f64 / c.from_codings as f64 },
            lags: c.lags.iter().map(|&(lag, count)| LagJson { lag, count }).collect(),
            unknown_lag: c.unknown_lag,
            mean_lag: c.mean_lag,
        }
    }
}

impl<'a> SequenceJson<'a> {
    /// `data`: what the analysis ran on, to name the source and start of each coding of a pair.
    pub fn new(data: &'a AnalysisData, seq: Option<&'a Sequence>, tr: &'a Transitions) -> Self {
        let transitions = TransitionsJson { codes: &tr.codes, window: &tr.window, across_coders: tr.across_coders, counts: &tr.counts, row_totals: &tr.row_totals, probabilities: &tr.probabilities };
        SequenceJson { sequence: seq.map(|s| SequenceReport::new(data, s)), transitions }
    }
}

impl<'a> SequenceReport<'a> {
    fn new(data: &'a AnalysisData, s: &'a Sequence) -> Self {
        let by_id: HashMap<CodingId, &AnalysisCoding> = data.codings.iter().map(|c| (c.id, c)).collect();
        let source = |id: CodingId| by_id.get(&id).and_then(|c| data.sources.get(&c.source)).map(|s| s.name.as_str());
        let start = |id: CodingId| by_id.get(&id).map(|c| c.span.start);
        let follow = |f: &analysis::Follow| FollowJson {
            from_coding: f.from,
            from_source: source(f.from),
            from_start: start(f.from),
            to_coding: f.to,
            to_source: source(f.to),
            to_start: start(f.to),
            lag: f.lag,
        };
        let cases = s
            .cases
            .iter()
            .map(|c| CaseSequenceJson { case: &c.case, counts: CountsJson::new(&c.counts), follows: c.follows.iter().map(follow).collect() })
            .collect();
        SequenceReport { from: &s.from, to: &s.to, window: &s.window, unit: &s.unit, subcodes: s.subcodes, across_coders: s.across_coders, cases, overall: CountsJson::new(&s.overall) }
    }
}

/// `thicket timeline --format json`: the shown codes only.
#[derive(Serialize)]
pub struct TimelineJson<'a> {
    rollup: bool,
    codes: Vec<&'a str>,
    cases: Vec<CaseTimelineJson<'a>>,
}

/// One case's sessions.
#[derive(Serialize)]
struct CaseTimelineJson<'a> {
    case: &'a str,
    sessions: Vec<SessionJson<'a>>,
}

/// One session: its number and date (null for the undated sources), sources and counts.
#[derive(Serialize)]
struct SessionJson<'a> {
    session: Option<usize>,
    date: Option<&'a str>,
    sources: &'a [String],
    /// One per shown code.
    counts: Vec<u64>,
    total: u64,
}

impl<'a> TimelineJson<'a> {
    /// `shown`: indices into `t.codes`, in the order printed.
    pub fn new(t: &'a Timeline, shown: &[usize]) -> Self {
        let cases = t
            .cases
            .iter()
            .map(|c| CaseTimelineJson {
                case: &c.case,
                sessions: c
                    .sessions
                    .iter()
                    .map(|s| SessionJson {
                        session: s.session,
                        date: s.date.as_deref(),
                        sources: &s.sources,
                        counts: shown.iter().map(|&i| s.counts[i]).collect(),
                        total: s.total,
                    })
                    .collect(),
            })
            .collect();
        TimelineJson { rollup: t.rollup, codes: shown.iter().map(|&i| t.codes[i].as_str()).collect(), cases }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use thicket_core::analysis::{CaseSequence, CaseTimeline, Follow, TimelineSession};

    /// Unknown lags, a mean of no lags and undated sessions are null; the sample study has none.
    #[test]
    fn what_is_unknown_is_null() {
        let counts = SequenceCounts { from_codings: 3, followed: 1, lags: Vec::new(), unknown_lag: 1, mean_lag: None };
        let seq = Sequence {
            from: "A".into(),
            to: "B".into(),
            window: "case".into(),
            unit: "sessions".into(),
            subcodes: true,
            across_coders: false,
            cases: vec![CaseSequence { case: "c".into(), counts: counts.clone(), follows: vec![Follow { from: CodingId(1), to: CodingId(2), lag: None }] }],
            overall: counts,
            overall_follows: Vec::new(),
        };
        let tr = Transitions { codes: Vec::new(), window: "case".into(), across_coders: false, counts: Vec::new(), probabilities: Vec::new(), row_totals: Vec::new() };
        let v = serde_json::to_value(SequenceJson::new(&AnalysisData::default(), Some(&seq), &tr)).unwrap();
        assert_eq!(
            v["sequence"]["cases"][0],
            json!({"case": "c", "followed": 1, "from_codings": 3, "lags": [], "mean_lag": null, "share": 0.3333, "unknown_lag": 1,
                   "follows": [{"from_coding": 1, "from_source": null, "from_start": null, "lag": null, "to_coding": 2, "to_source": null, "to_start": null}]})
        );
        let t = Timeline {
            rollup: false,
            codes: vec!["A".into(), "B".into()],
            cases: vec![CaseTimeline {
                case: "c".into(),
                sessions: vec![TimelineSession { session: None, date: None, sources: vec!["s".into()], counts: vec![4, 5], total: 9 }],
            }],
        };
        let v = serde_json::to_value(TimelineJson::new(&t, &[1])).unwrap();
        assert_eq!(v, json!({"rollup": false, "codes": ["B"], "cases": [{"case": "c", "sessions": [{"session": null, "date": null, "sources": ["s"], "counts": [5], "total": 9}]}]}));
    }
}
