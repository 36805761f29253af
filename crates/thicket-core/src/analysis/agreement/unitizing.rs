//! Krippendorff's alpha family for unitized continua (Krippendorff, Mathet, Bouvry & Widlöcher
//! 2016, "On the reliability of unitizing textual continua: Further developments", Quality &
//! Quantity 50; Krippendorff 2019, Content Analysis, 4th ed., §12.6): u-alpha, the binary
//! |u-alpha, cu-alpha and the per-category (k)u-alpha (called `Cu_alpha` in Thicket's output).
//!
//! In: `SpanData`, each coder's spans (start, end, category) on one or more continua of known
//! length. Each coder's continuum is partitioned into segments: the spans (units, valued by
//! their category) and the gaps between them. Out: `UnitizingResult`.
//!
//! The definitions, with m coders, segments s_icg of coder i with value c (the gap value is 0)
//! and length l_icg:
//! - observed coincidences l_ck = 1/(m-1) sum_i sum_{j != i} sum_g sum_h |s_icg ∩ s_jkh|
//!   (so l.. = m L);
//! - expected coincidences e_ck = l.. (l_c. l_.k - [c=k] S_c) / (l..^2 - S), with
//!   S_c = sum_i sum_g l_icg^2 for a unit value and sum_i sum_g l_icg for the gap (a unit cannot
//!   pair with itself; a gap is no unit, so only a position with itself is left out), S = sum S_c;
//! - u-alpha = 1 - (l.. - sum_c l_cc) / (l.. - sum_c e_cc) (nominal, gaps included);
//! - |u-alpha: the same with all unit values taken as one ("relevant" against the gaps);
//! - cu-alpha: only the coincidences of units with units; l'_c. = l_c. - l_c0,
//!   e'_ck = l'.. (l'_c. l'_.k - [c=k] S'_c) / (l'..^2 - S'), where
//!   S'_c = 1/(m-1) sum_i sum_{j != i} sum_{g valued c} (sum_{h valued} |s_icg ∩ s_jh|)^2;
//!   cu-alpha = 1 - sum δ²_ck l_ck / sum δ²_ck e'_ck (any difference function);
//! - (k)u-alpha = 1 - (e'_k. sum_c δ²_ck l_ck) / (l'_k. sum_c δ²_ck e'_ck).
//!
//! Several continua (the sources of a project) are one long continuum: every sum above runs
//! over all of them. Within one coder, spans that overlap (a QDA coder may give one passage
//! two codes) are replaced, where they overlap, by the runs of text with the same set of
//! categories, each run valued by that set ("A+B"); spans that only touch stay two units.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::alpha::delta2;
use super::bootstrap::{BootstrapOptions, Interval, bootstrap};
use super::reliability::{Coefficient, Level, Undefined};

/// One coder's span on a continuum: `[start, end)`, and its category (index into
/// `SpanData::categories`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub coder: usize,
    pub start: u64,
    pub end: u64,
    pub category: u32,
}

/// A continuum (a source's text, a recording) of `length` positions and the coders' spans on it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Continuum {
    pub name: String,
    pub length: u64,
    pub spans: Vec<Span>,
}

/// Unitizing data: coders, categories, continua.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpanData {
    pub coders: Vec<String>,
    pub categories: Vec<String>,
    /// The categories' numbers, when every category is a number (interval and ratio cu-alpha).
    pub numeric: Option<Vec<f64>>,
    pub continua: Vec<Continuum>,
}

/// The coefficients of one unitizing analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct UnitizingResult {
    pub u_alpha: Coefficient,
    pub binary_u_alpha: Coefficient,
    pub cu_alpha: Coefficient,
    /// (k)u-alpha per category, in category order.
    pub category_u_alpha: Vec<(String, Coefficient)>,
    /// The level cu-alpha and (k)u-alpha used.
    pub level: Level,
}

/// Bootstrap intervals of a `UnitizingResult`, measure by measure.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct UnitizingIntervals {
    pub u_alpha: Interval,
    pub binary_u_alpha: Interval,
    pub cu_alpha: Interval,
    pub category_u_alpha: Vec<Interval>,
}

/// A segment of one coder's partition: `value` 0 is a gap, `v > 0` the value `v - 1`.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: u64,
    end: u64,
    value: usize,
}

/// The sums the coefficients are made of, for one continuum (sparse: overlapping codes can
/// make many value sets, most never meeting).
#[derive(Debug, Clone, PartialEq, Default)]
struct Sums {
    /// Observed coincidences l[c][k] (0 = gap).
    l: HashMap<(u32, u32), f64>,
    /// S_c of the expected coincidences of u-alpha.
    s_u: HashMap<u32, f64>,
    /// S'_c of the expected coincidences of cu-alpha.
    s_cu: HashMap<u32, f64>,
}

/// The sums over all continua (each counted `mult` times), dense over the `dim` values.
#[derive(Debug, Clone)]
struct Totals {
    dim: usize,
    /// Row sums l_c. (= column sums: l is symmetric).
    row: Vec<f64>,
    /// l_cc.
    diag: Vec<f64>,
    /// l_c0 (coincidences with the gap).
    gap: Vec<f64>,
    s_u: Vec<f64>,
    s_cu: Vec<f64>,
    /// The whole matrix, when a difference function other than nominal needs it (single
    /// categories only, so `dim` is the number of categories + 1).
    full: Option<Vec<f64>>,
}

impl Totals {
    fn new(sums: &[Sums], mult: Option<&[u32]>, dim: usize, full: bool) -> Totals {
        let mut t = Totals {
            dim,
            row: vec![0.0; dim],
            diag: vec![0.0; dim],
            gap: vec![0.0; dim],
            s_u: vec![0.0; dim],
            s_cu: vec![0.0; dim],
            full: full.then(|| vec![0.0; dim * dim]),
        };
        for (i, s) in sums.iter().enumerate() {
            let times = mult.map_or(1.0, |m| f64::from(m[i]));
            if times == 0.0 {
                continue;
            }
            for (&(c, k), &v) in &s.l {
                let (c, k, v) = (c as usize, k as usize, v * times);
                t.row[c] += v;
                if c == k {
                    t.diag[c] += v;
                }
                if k == 0 {
                    t.gap[c] += v;
                }
                if let Some(f) = &mut t.full {
                    f[c * dim + k] += v;
                }
            }
            for (&c, &v) in &s.s_u {
                t.s_u[c as usize] += v * times;
            }
            for (&c, &v) in &s.s_cu {
                t.s_cu[c as usize] += v * times;
            }
        }
        t
    }
}

/// The values segments can carry: single categories first (value `c + 1` is category `c`),
/// then any sets of categories that one coder's overlapping spans create.
struct Values {
    sets: Vec<Vec<u32>>,
    index: BTreeMap<Vec<u32>, usize>,
}

impl Values {
    fn new(categories: usize) -> Self {
        let sets: Vec<Vec<u32>> = (0..categories as u32).map(|c| vec![c]).collect();
        let index = sets.iter().enumerate().map(|(i, s)| (s.clone(), i + 1)).collect();
        Values { sets, index }
    }

    fn of(&mut self, set: Vec<u32>) -> usize {
        if let Some(v) = self.index.get(&set) {
            return *v;
        }
        self.sets.push(set.clone());
        let v = self.sets.len();
        self.index.insert(set, v);
        v
    }
}

/// One coder's partition of `[0, length)` into units and gaps.
fn partition(spans: &mut [Span], length: u64, values: &mut Values) -> Vec<Segment> {
    spans.sort_by_key(|s| (s.start, s.end, s.category));
    let mut units: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        // A cluster of spans that overlap one another.
        let mut end = spans[i].end;
        let mut j = i + 1;
        while j < spans.len() && spans[j].start < end {
            end = end.max(spans[j].end);
            j += 1;
        }
        let cluster = &spans[i..j];
        if cluster.len() == 1 {
            units.push(Segment { start: cluster[0].start, end: cluster[0].end, value: cluster[0].category as usize + 1 });
        } else {
            let mut cuts: Vec<u64> = cluster.iter().flat_map(|s| [s.start, s.end]).collect();
            cuts.sort_unstable();
            cuts.dedup();
            for w in cuts.windows(2) {
                let mut set: Vec<u32> = cluster.iter().filter(|s| s.start <= w[0] && w[1] <= s.end).map(|s| s.category).collect();
                set.sort_unstable();
                set.dedup();
                if set.is_empty() {
                    continue;
                }
                let value = values.of(set);
                match units.last_mut() {
                    Some(last) if last.end == w[0] && last.value == value && last.start >= cluster[0].start => last.end = w[1],
                    _ => units.push(Segment { start: w[0], end: w[1], value }),
                }
            }
        }
        i = j;
    }
    let mut out = Vec::with_capacity(units.len() * 2 + 1);
    let mut at = 0;
    for u in units {
        let (start, end) = (u.start.min(length), u.end.min(length));
        if start >= end {
            continue;
        }
        if start > at {
            out.push(Segment { start: at, end: start, value: 0 });
        }
        out.push(Segment { start, end, value: u.value });
        at = end;
    }
    if at < length {
        out.push(Segment { start: at, end: length, value: 0 });
    }
    out
}

/// The sums of one continuum, given every coder's partition.
fn continuum_sums(partitions: &[Vec<Segment>]) -> Sums {
    let mut sums = Sums::default();
    let m = partitions.len();
    let per_pair = 1.0 / (m as f64 - 1.0);
    for p in partitions {
        for s in p {
            let len = (s.end - s.start) as f64;
            *sums.s_u.entry(s.value as u32).or_default() += if s.value == 0 { len } else { len * len };
        }
    }
    for (i, a) in partitions.iter().enumerate() {
        for (j, b) in partitions.iter().enumerate() {
            if i == j {
                continue;
            }
            // Sweep both partitions (each covers the continuum in order).
            let (mut x, mut y) = (0, 0);
            let mut valued_overlap = 0.0; // of a[x] with the units of b
            while x < a.len() && y < b.len() {
                let (sa, sb) = (a[x], b[y]);
                let overlap = sa.end.min(sb.end).saturating_sub(sa.start.max(sb.start)) as f64;
                if overlap > 0.0 {
                    *sums.l.entry((sa.value as u32, sb.value as u32)).or_default() += overlap * per_pair;
                    if sa.value != 0 && sb.value != 0 {
                        valued_overlap += overlap;
                    }
                }
                if sa.end <= sb.end {
                    if sa.value != 0 {
                        *sums.s_cu.entry(sa.value as u32).or_default() += valued_overlap * valued_overlap * per_pair;
                    }
                    valued_overlap = 0.0;
                    x += 1;
                } else {
                    y += 1;
                }
            }
        }
    }
    sums
}

/// The data's value sets and each continuum's sums.
fn prepare(data: &SpanData) -> (Values, Vec<Sums>) {
    let mut values = Values::new(data.categories.len());
    let partitions: Vec<Vec<Vec<Segment>>> = data
        .continua
        .iter()
        .map(|c| {
            (0..data.coders.len())
                .map(|coder| {
                    let mut spans: Vec<Span> = c.spans.iter().filter(|s| s.coder == coder && s.start < s.end).copied().collect();
                    partition(&mut spans, c.length, &mut values)
                })
                .collect()
        })
        .collect();
    let sums = partitions.iter().map(|p| continuum_sums(p)).collect();
    (values, sums)
}

/// Computes u-alpha, |u-alpha, cu-alpha and (k)u-alpha (`level` applies to cu and (k)u).
pub fn unitizing(data: &SpanData, level: Level) -> UnitizingResult {
    let (values, sums) = prepare(data);
    let total = Totals::new(&sums, None, values.sets.len() + 1, needs_full(&values, level));
    coefficients(data, &values, &total, level)
}

/// Computes the coefficients and their bootstrap intervals (resampling continua).
pub fn unitizing_with_intervals(data: &SpanData, level: Level, options: &BootstrapOptions, keep_going: &mut dyn FnMut(usize) -> bool) -> Option<(UnitizingResult, UnitizingIntervals)> {
    let (values, sums) = prepare(data);
    let dim = values.sets.len() + 1;
    let full = needs_full(&values, level);
    let total = Totals::new(&sums, None, dim, full);
    let result = coefficients(data, &values, &total, level);
    let k = data.categories.len();
    let measures = 3 + k;
    let intervals = if sums.len() < 2 {
        vec![Interval::none(options, Undefined::OneContinuum); measures]
    } else {
        bootstrap(
            sums.len(),
            measures,
            options,
            |mult| {
                let t = Totals::new(&sums, Some(mult), dim, full);
                let r = coefficients(data, &values, &t, level);
                let mut out = vec![r.u_alpha.value, r.binary_u_alpha.value, r.cu_alpha.value];
                out.extend(r.category_u_alpha.iter().map(|(_, c)| c.value));
                out
            },
            keep_going,
        )?
    };
    let mut it = intervals.into_iter();
    let mut next = || it.next().unwrap_or_default();
    let (u, b, cu) = (next(), next(), next());
    let per: Vec<Interval> = (0..k).map(|_| next()).collect();
    Some((result, UnitizingIntervals { u_alpha: u, binary_u_alpha: b, cu_alpha: cu, category_u_alpha: per }))
}

/// Whether the coefficients need the whole coincidence matrix (a level other than nominal, on
/// single categories).
fn needs_full(values: &Values, level: Level) -> bool {
    level != Level::Nominal && values.sets.iter().all(|s| s.len() == 1)
}

fn coefficients(data: &SpanData, values: &Values, t: &Totals, level: Level) -> UnitizingResult {
    let dim = t.dim;
    let all: f64 = t.row.iter().sum();
    let s: f64 = t.s_u.iter().sum();
    let m = data.coders.len();

    let why_not = if m < 2 {
        Some(Undefined::UnitizingNeedsTwoCoders { coders: m })
    } else if all <= 0.0 {
        Some(Undefined::EmptyContinua)
    } else {
        None
    };
    if let Some(why) = why_not {
        let c = Coefficient::undefined(why);
        return UnitizingResult {
            u_alpha: c.clone(),
            binary_u_alpha: c.clone(),
            cu_alpha: c.clone(),
            category_u_alpha: data.categories.iter().map(|n| (n.clone(), c.clone())).collect(),
            level,
        };
    }
    let denominator = all * all - s;

    // u-alpha (nominal, gaps included).
    let observed_agree: f64 = t.diag.iter().sum();
    let expected_agree = if denominator > 0.0 { all * (t.row.iter().map(|r| r * r).sum::<f64>() - s) / denominator } else { all };
    let u_alpha = Coefficient::alpha((all - observed_agree) / all, (all - expected_agree) / all, all);

    // |u-alpha: units against gaps.
    let gap = t.row[0];
    let binary_u_alpha = if gap <= 0.0 {
        Coefficient::undefined(Undefined::NoGaps)
    } else if gap >= all {
        Coefficient::undefined(Undefined::NoUnitsMarked)
    } else {
        let d_o = 2.0 * (gap - t.diag[0]) / all;
        let d_e = if denominator > 0.0 { 2.0 * gap * (all - gap) / denominator } else { 0.0 };
        Coefficient::alpha(d_o, d_e, all)
    };

    // cu-alpha and (k)u-alpha: units intersecting units.
    let combined = values.sets.iter().any(|s| s.len() > 1);
    let numeric = data.numeric.as_deref();
    let valued: Vec<f64> = (0..dim).map(|c| if c == 0 { 0.0 } else { t.row[c] - t.gap[c] }).collect();
    let all_valued: f64 = valued.iter().sum();
    let s_cu: f64 = t.s_cu.iter().sum();
    let denominator_cu = all_valued * all_valued - s_cu;
    let expected = |c: usize, k: usize| {
        let same = if c == k { t.s_cu[c] } else { 0.0 };
        all_valued * (valued[c] * valued[k] - same) / denominator_cu
    };
    // e'_c. = sum_k e'_ck, in closed form.
    let expected_row = |c: usize| all_valued * (valued[c] * all_valued - t.s_cu[c]) / denominator_cu;
    let cu_undefined = if combined && level != Level::Nominal {
        Some(Undefined::OverlapNeedsNominal { level })
    } else if all_valued <= 0.0 {
        Some(Undefined::NoIntersection)
    } else if denominator_cu <= 0.0 {
        Some(Undefined::NoExpectedDisagreement { measure: "cu-alpha" })
    } else {
        None
    };
    let (cu_alpha, category_u_alpha) = match cu_undefined {
        Some(why) => (Coefficient::undefined(why.clone()), data.categories.iter().map(|n| (n.clone(), Coefficient::undefined(why.clone()))).collect()),
        None => match &t.full {
            // Nominal: sums of the off-diagonal in closed form, over every value set.
            None => {
                let (o_diag, e_diag): (f64, f64) = (1..dim).map(|c| (t.diag[c], expected(c, c))).fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
                // sum_c sum_k e'_ck = l'..
                let cu = Coefficient::alpha((all_valued - o_diag) / all_valued, (all_valued - e_diag) / all_valued, all_valued);
                let per = (0..data.categories.len())
                    .map(|cat| {
                        let k = cat + 1;
                        let e_k = expected_row(k);
                        let coef = if valued[k] <= 0.0 {
                            Coefficient::undefined(Undefined::NoIntersectionForValue)
                        } else {
                            let e = e_k - expected(k, k);
                            Coefficient::alpha((valued[k] - t.diag[k]) / valued[k], if e_k > 0.0 { e / e_k } else { 0.0 }, valued[k])
                        };
                        (data.categories[cat].clone(), coef)
                    })
                    .collect();
                (cu, per)
            }
            // Other levels: the difference function over single categories (value c + 1 is
            // category c, in rank order).
            Some(full) => {
                let l = |c: usize, k: usize| full[c * dim + k];
                let d2 = |c: usize, k: usize| delta2(level, c - 1, k - 1, &valued[1..], numeric);
                let (mut d_o, mut d_e) = (0.0, 0.0);
                for c in 1..dim {
                    for k in 1..dim {
                        let d = d2(c, k);
                        d_o += d * l(c, k);
                        d_e += d * expected(c, k);
                    }
                }
                let cu = Coefficient::alpha(d_o / all_valued, d_e / all_valued, all_valued);
                let per = (0..data.categories.len())
                    .map(|cat| {
                        let k = cat + 1;
                        let e_k = expected_row(k);
                        let coef = if valued[k] <= 0.0 {
                            Coefficient::undefined(Undefined::NoIntersectionForValue)
                        } else {
                            let o: f64 = (1..dim).map(|c| d2(c, k) * l(c, k)).sum();
                            let e: f64 = (1..dim).map(|c| d2(c, k) * expected(c, k)).sum();
                            Coefficient::alpha(o / valued[k], if e_k > 0.0 { e / e_k } else { 0.0 }, valued[k])
                        };
                        (data.categories[cat].clone(), coef)
                    })
                    .collect();
                (cu, per)
            }
        },
    };
    UnitizingResult { u_alpha, binary_u_alpha, cu_alpha, category_u_alpha, level }
}

#[cfg(test)]
mod tests {
    use super::super::alpha::krippendorff_alpha;
    use super::super::reliability::Pattern;
    use super::*;

    fn spans(coder: usize, list: &[(u64, u64, u32)]) -> Vec<Span> {
        list.iter().map(|&(start, end, category)| Span { coder, start, end, category }).collect()
    }

    fn data(length: u64, categories: usize, per_coder: &[&[(u64, u64, u32)]]) -> SpanData {
        let spans = per_coder.iter().enumerate().flat_map(|(i, l)| spans(i, l)).collect();
        SpanData {
            coders: (0..per_coder.len()).map(|i| format!("c{i}")).collect(),
            categories: (0..categories).map(|c| format!("k{c}")).collect(),
            numeric: None,
            continua: vec![Continuum { name: String::new(), length, spans }],
        }
    }

    /// Per position, each coder's value (0 = gap, c + 1 = category c), as reliability data.
    fn positions(d: &SpanData, valued_only: bool) -> Vec<Pattern> {
        let c = &d.continua[0];
        (0..c.length)
            .map(|p| {
                let values: Vec<Option<u32>> = (0..d.coders.len())
                    .map(|coder| {
                        let v = c.spans.iter().find(|s| s.coder == coder && s.start <= p && p < s.end).map_or(0, |s| s.category + 1);
                        if valued_only { (v > 0).then(|| v - 1) } else { Some(v) }
                    })
                    .collect();
                Pattern { values, weight: 1.0 }
            })
            .collect()
    }

    fn value(c: &Coefficient) -> f64 {
        c.value.unwrap_or(f64::NAN)
    }

    /// With every unit one position long, a unit cannot pair with itself any more than a position
    /// can, so u-alpha is Krippendorff's nominal alpha over positions (gap = a value), and, with
    /// two coders, cu-alpha is alpha over the positions both coders valued.
    #[test]
    fn with_units_of_length_one_the_family_reduces_to_alpha_over_positions() {
        let a: Vec<(u64, u64, u32)> = vec![(0, 1, 0), (1, 2, 1), (3, 4, 0), (4, 5, 0), (6, 7, 1), (8, 9, 0), (9, 10, 1), (11, 12, 0)];
        let b: Vec<(u64, u64, u32)> = vec![(0, 1, 0), (1, 2, 0), (2, 3, 1), (4, 5, 0), (6, 7, 1), (7, 8, 0), (9, 10, 1), (11, 12, 1)];
        let d = data(14, 2, &[&a, &b]);
        let r = unitizing(&d, Level::Nominal);
        let by_position = krippendorff_alpha(&positions(&d, false), 3, Level::Nominal, None);
        assert!((value(&r.u_alpha) - value(&by_position)).abs() < 1e-12, "{r:?} {by_position:?}");
        let valued = krippendorff_alpha(&positions(&d, true), 2, Level::Nominal, None);
        assert!((value(&r.cu_alpha) - value(&valued)).abs() < 1e-12, "{:?} {valued:?}", r.cu_alpha);
        // |u-alpha: alpha over positions with values gap / unit.
        let binary: Vec<Pattern> = positions(&d, false)
            .into_iter()
            .map(|p| Pattern { values: p.values.iter().map(|v| v.map(|v| u32::from(v > 0))).collect(), weight: 1.0 })
            .collect();
        let b_alpha = krippendorff_alpha(&binary, 2, Level::Nominal, None);
        assert!((value(&r.binary_u_alpha) - value(&b_alpha)).abs() < 1e-12);
        assert!((r.u_alpha.observed_disagreement.unwrap_or(0.0) - by_position.observed_disagreement.unwrap_or(1.0)).abs() < 1e-12);
    }

    #[test]
    fn cu_alpha_at_the_interval_level_reduces_to_interval_alpha_over_positions() {
        let a: Vec<(u64, u64, u32)> = vec![(0, 1, 0), (1, 2, 1), (2, 3, 2), (4, 5, 0), (6, 7, 2), (8, 9, 1), (9, 10, 1)];
        let b: Vec<(u64, u64, u32)> = vec![(0, 1, 0), (1, 2, 2), (2, 3, 2), (4, 5, 1), (6, 7, 2), (7, 8, 0), (9, 10, 0)];
        let mut d = data(12, 3, &[&a, &b]);
        d.numeric = Some(vec![1.0, 2.0, 7.0]);
        let r = unitizing(&d, Level::Interval);
        let want = krippendorff_alpha(&positions(&d, true), 3, Level::Interval, Some(&[1.0, 2.0, 7.0]));
        assert!((value(&r.cu_alpha) - value(&want)).abs() < 1e-12, "{:?} {want:?}", r.cu_alpha);
        assert_eq!(r.level, Level::Interval);
    }

    /// Two coders, continuum of 20, one category. Coder 1: units [2,7) and [12,16); coder 2:
    /// [3,7) and [12,18). Worked by hand from the definitions:
    /// l_11 = 4 + 4 = 8 (both ways: 16/1... per ordered pair 8, so l_11 = 16), gaps agree on
    /// 20 - 11 = ... see the body; every sum is spelled out there.
    #[test]
    fn binary_u_alpha_of_a_hand_worked_example() {
        let d = data(20, 1, &[&[(2, 7, 0), (12, 16, 0)], &[(3, 7, 0), (12, 18, 0)]]);
        let r = unitizing(&d, Level::Nominal);
        // Observed (m = 2, so 1/(m-1) = 1; each ordered pair of coders counted):
        // unit∩unit: [3,7) 4 + [12,16) 4 = 8, twice -> l_11 = 16.
        // unit(1)∩gap(2): [2,3) 1 -> 1; gap(1)∩unit(2): [16,18) 2 -> 2; so l_10 = l_01 = 3.
        // gap∩gap: 20 - (positions with any unit: [2,7) 5 + [12,18) 6 = 11) = 9, twice -> l_00 = 18.
        // l.. = 40, l_0. = 21, l_1. = 19.
        // S: units 5²+4² + 4²+6² = 25+16+16+36 = 93; gaps coder 1: 2+5+4 = 11, coder 2: 3+5+2 = 10 -> 21.
        // S = 114. |u-alpha = 1 - (l_0. - l_00)(l..² - S) / (l.. l_0. (l.. - l_0.))
        //                 = 1 - 3 * (1600 - 114) / (40 * 21 * 19) = 1 - 4458 / 15960.
        let want = 1.0 - 4458.0 / 15960.0;
        assert!((value(&r.binary_u_alpha) - want).abs() < 1e-12, "{:?}", r.binary_u_alpha);
        // With one category, u-alpha is |u-alpha.
        assert!((value(&r.u_alpha) - want).abs() < 1e-12);
        // cu-alpha needs two values among intersecting units.
        assert!(r.cu_alpha.value.is_none() && r.cu_alpha.undefined.is_some());
    }

    #[test]
    fn identical_unitizations_agree_perfectly_and_empty_ones_are_undefined() {
        let same: &[(u64, u64, u32)] = &[(0, 4, 0), (6, 9, 1), (12, 15, 0)];
        let r = unitizing(&data(20, 2, &[same, same, same]), Level::Nominal);
        for c in [&r.u_alpha, &r.binary_u_alpha, &r.cu_alpha] {
            assert!((value(c) - 1.0).abs() < 1e-12, "{c:?}");
        }
        for (_, c) in &r.category_u_alpha {
            assert!((value(c) - 1.0).abs() < 1e-12, "{c:?}");
        }
        let none = unitizing(&data(20, 1, &[&[], &[]]), Level::Nominal);
        assert!(none.binary_u_alpha.value.is_none());
        assert!(none.binary_u_alpha.undefined.as_deref().unwrap_or("").contains("no coder marked"));
    }

    #[test]
    fn several_continua_are_summed_like_one_long_continuum() {
        let a = data(10, 2, &[&[(1, 4, 0), (5, 8, 1)], &[(2, 4, 0), (5, 9, 0)]]);
        let b = data(12, 2, &[&[(0, 3, 1)], &[(0, 2, 1), (6, 8, 0)]]);
        let both = SpanData { continua: vec![a.continua[0].clone(), b.continua[0].clone()], ..a.clone() };
        let joined = data(22, 2, &[&[(1, 4, 0), (5, 8, 1), (10, 13, 1)], &[(2, 4, 0), (5, 9, 0), (10, 12, 1), (16, 18, 0)]]);
        let (x, y) = (unitizing(&both, Level::Nominal), unitizing(&joined, Level::Nominal));
        assert!((value(&x.u_alpha) - value(&y.u_alpha)).abs() < 1e-12);
        assert!((value(&x.cu_alpha) - value(&y.cu_alpha)).abs() < 1e-12);
    }

    /// Three coders, three categories, a continuum of 20: every sum worked from the
    /// definitions (the same data as `tests/data/agreement/three_coders_worked.csv`, and the
    /// worked example of docs/agreement.md). With three coders the self-pairing term of
    /// cu-alpha counts each other coder separately: A's x-unit [2,8) meets B's [3,8) and C's
    /// [2,7) for 5 each, so it adds (5² + 5²) / (m - 1), not |[2,8) ∩ (B ∪ C)|² = 6².
    #[test]
    fn three_coders_worked_from_the_definitions() {
        let (x, y, z) = (0, 1, 2);
        let d = data(20, 3, &[&[(2, 8, x), (10, 15, y), (17, 19, z)], &[(3, 8, x), (11, 15, x), (16, 19, z)], &[(2, 7, x), (9, 16, y)]]);
        let r = unitizing(&d, Level::Nominal);
        let close = |c: &Coefficient, want: f64| assert!((value(c) - want).abs() < 1e-12, "{c:?} want {want}");
        // l.. = 3 * 20 = 60; diagonal l_gap,gap 15, l_xx 14, l_yy 5, l_zz 2: D_o = 24 / 60.
        assert!((r.u_alpha.observed_disagreement.unwrap_or(0.0) - 0.4).abs() < 1e-12, "{:?}", r.u_alpha);
        close(&r.u_alpha, 2867.0 / 6255.0);
        close(&r.binary_u_alpha, 5989.0 / 12765.0);
        // l'_x. = 18, l'_y. = 9, l'_z. = 2 (l'.. = 29); S'_x = 82, S'_y = 41, S'_z = 4.
        close(&r.cu_alpha, 142.0 / 261.0);
        close(&r.category_u_alpha[0].1, 41.0 / 81.0);
        close(&r.category_u_alpha[1].1, 37.0 / 81.0);
        close(&r.category_u_alpha[2].1, 1.0);
    }

    /// The continuum of Krippendorff (2004, Content Analysis 2nd ed., p. 254; positions
    /// 150-450 moved to 0-300), category c alone: |u-alpha = 1 - 70 (600² - 13380) /
    /// (600 * 380 * 220) = 43161 / 83600. The book's αU for c is .7286: that older coefficient
    /// measures boundary distances (squared differences of starts and ends), not lengths of
    /// intersections, so the two differ by definition (docs/agreement.md).
    #[test]
    fn the_2004_textbook_continuum_gives_the_binary_u_alpha_of_its_definition() {
        let d = data(300, 1, &[&[(75, 145, 0), (220, 250, 0)], &[(70, 150, 0), (205, 225, 0), (250, 270, 0)]]);
        let r = unitizing(&d, Level::Nominal);
        assert!((value(&r.binary_u_alpha) - 43161.0 / 83600.0).abs() < 1e-12, "{:?}", r.binary_u_alpha);
        assert!((r.binary_u_alpha.observed_disagreement.unwrap_or(0.0) - 140.0 / 600.0).abs() < 1e-12);
    }

    /// The coefficients computed the slow way, straight from the definitions (every pair of
    /// segments of every ordered pair of coders), agree with the sweep on pseudo-random
    /// unitizations by two to four coders.
    #[test]
    fn the_sweep_agrees_with_the_definitions_computed_naively() {
        let mut seed = 0x2016_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut checked = 0;
        for _ in 0..300 {
            let m = 2 + next(3) as usize;
            let length = 20 + next(60);
            let k = 2 + next(3) as u32;
            let mut per: Vec<Vec<(u64, u64, u32)>> = Vec::new();
            for _ in 0..m {
                let mut list = Vec::new();
                let mut at = next(6);
                while at + 1 < length {
                    let end = (at + 1 + next(12)).min(length);
                    list.push((at, end, next(u64::from(k)) as u32));
                    at = end + [0, 0, 1, 3, 6][next(5) as usize];
                }
                per.push(list);
            }
            let refs: Vec<&[(u64, u64, u32)]> = per.iter().map(|l| l.as_slice()).collect();
            let d = data(length, k as usize, &refs);
            let r = unitizing(&d, Level::Nominal);
            let want = naive(&per, length, k as usize);
            for (got, want) in [(&r.u_alpha, want[0]), (&r.binary_u_alpha, want[1]), (&r.cu_alpha, want[2])] {
                match (got.value, want) {
                    (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{got:?} want {w} for {per:?}"),
                    (None, None) => {}
                    _ => panic!("{got:?} want {want:?} for {per:?}"),
                }
            }
            for c in 0..k as usize {
                if let (Some(g), Some(w)) = (r.category_u_alpha[c].1.value, want[3 + c]) {
                    assert!((g - w).abs() < 1e-9, "(k)u {c}: {g} want {w} for {per:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} (k)u-alphas were defined");
    }

    /// u, |u, cu and each (k)u by the definitions, segment pair by segment pair (None where
    /// the denominator vanishes). Spans of one coder do not overlap.
    fn naive(per: &[Vec<(u64, u64, u32)>], length: u64, k: usize) -> Vec<Option<f64>> {
        let m = per.len();
        // Each coder's segments: (start, end, value), value 0 = gap, c + 1 = category c.
        let segs: Vec<Vec<(u64, u64, usize)>> = per
            .iter()
            .map(|l| {
                let mut out = Vec::new();
                let mut at = 0;
                for &(s, e, c) in l {
                    if s > at {
                        out.push((at, s, 0));
                    }
                    out.push((s, e, c as usize + 1));
                    at = e;
                }
                if at < length {
                    out.push((at, length, 0));
                }
                out
            })
            .collect();
        let dim = k + 1;
        let meet = |a: (u64, u64, usize), b: (u64, u64, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0)) as f64;
        let mut l = vec![vec![0.0; dim]; dim];
        let mut s = vec![0.0; dim];
        let mut s_cu = vec![0.0; dim];
        for i in 0..m {
            for &a in &segs[i] {
                let len = (a.1 - a.0) as f64;
                s[a.2] += if a.2 == 0 { len } else { len * len };
            }
            for j in (0..m).filter(|&j| j != i) {
                for &a in &segs[i] {
                    let mut valued = 0.0;
                    for &b in &segs[j] {
                        l[a.2][b.2] += meet(a, b) / (m as f64 - 1.0);
                        if b.2 != 0 {
                            valued += meet(a, b);
                        }
                    }
                    if a.2 != 0 {
                        s_cu[a.2] += valued * valued / (m as f64 - 1.0);
                    }
                }
            }
        }
        let row: Vec<f64> = l.iter().map(|r| r.iter().sum()).collect();
        let all: f64 = row.iter().sum();
        let s_all: f64 = s.iter().sum();
        let e = |c: usize, q: usize| all * (row[c] * row[q] - if c == q { s[c] } else { 0.0 }) / (all * all - s_all);
        // Undefined, as in `Coefficient::alpha`, when the expected disagreement per pairable
        // value is 0.
        let alpha = |d_o: f64, d_e: f64, n: f64| if d_e / n <= 1e-12 { None } else { Some(1.0 - d_o / d_e) };
        let u = alpha(all - (0..dim).map(|c| l[c][c]).sum::<f64>(), all - (0..dim).map(|c| e(c, c)).sum::<f64>(), all);
        let bu = if row[0] <= 0.0 || row[0] >= all { None } else { alpha(row[0] - l[0][0], (1..dim).map(|q| e(0, q)).sum(), all) };
        let rp: Vec<f64> = (0..dim).map(|c| if c == 0 { 0.0 } else { row[c] - l[c][0] }).collect();
        let all_p: f64 = rp.iter().sum();
        let sp: f64 = s_cu.iter().sum();
        let ep = |c: usize, q: usize| all_p * (rp[c] * rp[q] - if c == q { s_cu[c] } else { 0.0 }) / (all_p * all_p - sp);
        let mut out = vec![u, bu];
        if all_p <= 0.0 || all_p * all_p - sp <= 0.0 {
            out.push(None);
            out.extend((0..k).map(|_| None));
            return out;
        }
        out.push(alpha(all_p - (1..dim).map(|c| l[c][c]).sum::<f64>(), all_p - (1..dim).map(|c| ep(c, c)).sum::<f64>(), all_p));
        for c in 1..dim {
            let e_c: f64 = (1..dim).map(|q| ep(c, q)).sum();
            out.push(if rp[c] <= 0.0 || e_c <= 0.0 { None } else { alpha((rp[c] - l[c][c]) / rp[c], (e_c - ep(c, c)) / e_c, 1.0) });
        }
        out
    }

    #[test]
    fn a_coders_overlapping_spans_become_runs_valued_by_their_set_of_categories() {
        let mut values = Values::new(2);
        let mut s = spans(0, &[(0, 6, 0), (4, 10, 1), (12, 14, 0), (14, 16, 0)]);
        let p = partition(&mut s, 20, &mut values);
        let shape: Vec<(u64, u64, usize)> = p.iter().map(|s| (s.start, s.end, s.value)).collect();
        // [0,4) k0, [4,6) k0+k1, [6,10) k1, gap, [12,14) and [14,16) stay two units, gap.
        assert_eq!(shape, vec![(0, 4, 1), (4, 6, 3), (6, 10, 2), (10, 12, 0), (12, 14, 1), (14, 16, 1), (16, 20, 0)]);
    }
}
