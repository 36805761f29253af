//! Crosstab: codes (rows) × a dimension (columns), with totals.
//!
//! In: `AnalysisData` and a `CrosstabSpec` (columns, measure, rollup). Out: a `Crosstab` (code
//! paths × column labels, numbers, totals), and for drill-down the codings behind any cell
//! (`cell_codings`).
//!
//! A coding counts in every column it is attributed to (a coding in a source of two cases counts
//! in both), but only once in its row total and once in each column total, so totals are distinct
//! counts, not sums of cells. With rollup a coding also counts in the rows of its code's
//! ancestors (still once per row). Words and coverage measure the union of the cell's coded
//! spans, limited to the column's own text: a coding attributed to Dana and Sam adds to the
//! caregiver column only the chars inside Dana's turns. docs/analysis.md has every definition
//! with a worked example.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use super::data::{AnalysisCoding, AnalysisData, NO_SESSION, NO_SPEAKER, NO_VALUE, UNDATED, covered_chars, union_spans};
use crate::error::{Error, Result};
use crate::model::*;

/// How `period` columns cut time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar month of the source date, `2025-03`.
    Month,
    /// Calendar quarter of the source date, `2025-Q1`.
    Quarter,
    /// Session number within each case (see `AnalysisData::session_numbers`), `session 2`.
    Session,
}

/// What the columns are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dimension {
    Cases,
    Roles,
    Kinds,
    Coders,
    Participants,
    Period(Period),
    /// An attribute of cases, participants or sources, by name (`case:NAME` and the like when
    /// two targets share a name).
    Attribute(String),
}

impl Dimension {
    /// The accepted forms, for error messages.
    pub const CHOICES: &'static str =
        "cases, roles, kinds, coders, participants, period:month, period:quarter, period:session or attr:NAME";

    /// Parses `cases`, `roles`, `kinds`, `coders`, `participants`, `period` (= `period:month`),
    /// `period:month`, `period:quarter`, `period:session` and `attr:NAME`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "cases" => Dimension::Cases,
            "roles" => Dimension::Roles,
            "kinds" => Dimension::Kinds,
            "coders" => Dimension::Coders,
            "participants" => Dimension::Participants,
            "period" | "period:month" => Dimension::Period(Period::Month),
            "period:quarter" => Dimension::Period(Period::Quarter),
            "period:session" => Dimension::Period(Period::Session),
            _ => match s.strip_prefix("attr:").map(str::trim) {
                Some(name) if !name.is_empty() => Dimension::Attribute(name.to_string()),
                _ => return None,
            },
        })
    }

    /// The canonical text form, as `parse` reads it.
    pub fn name(&self) -> String {
        match self {
            Dimension::Cases => "cases".into(),
            Dimension::Roles => "roles".into(),
            Dimension::Kinds => "kinds".into(),
            Dimension::Coders => "coders".into(),
            Dimension::Participants => "participants".into(),
            Dimension::Period(Period::Month) => "period:month".into(),
            Dimension::Period(Period::Quarter) => "period:quarter".into(),
            Dimension::Period(Period::Session) => "period:session".into(),
            Dimension::Attribute(name) => format!("attr:{name}"),
        }
    }
}

/// What a cell counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Codings.
    Segments,
    /// Distinct sources holding a coding.
    Sources,
    /// Distinct cases holding a coding.
    Cases,
    /// Words in the union of the coded spans (overlaps counted once).
    Words,
    /// Percent of the column's characters inside the union of the coded spans.
    Coverage,
}

impl Measure {
    /// The accepted forms, for error messages.
    pub const CHOICES: &'static str = "segments, sources, cases, words or coverage";

    /// Parses `segments`, `sources`, `cases`, `words`, `coverage`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "segments" => Measure::Segments,
            "sources" => Measure::Sources,
            "cases" => Measure::Cases,
            "words" => Measure::Words,
            "coverage" => Measure::Coverage,
            _ => return None,
        })
    }

    /// The text form.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Segments => "segments",
            Measure::Sources => "sources",
            Measure::Cases => "cases",
            Measure::Words => "words",
            Measure::Coverage => "coverage",
        }
    }
}

/// A crosstab request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrosstabSpec {
    pub dimension: Dimension,
    pub measure: Measure,
    /// Count every coding also in the rows of its code's ancestors.
    pub rollup: bool,
}

/// A code × column table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Crosstab {
    pub measure: String,
    /// The columns' dimension, as `Dimension::name` writes it.
    pub dimension: String,
    pub rollup: bool,
    /// Code paths, in codebook order.
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `cells[row][col]`; for coverage, the covered characters (the percentages are in `coverage`).
    pub cells: Vec<Vec<u64>>,
    pub row_totals: Vec<u64>,
    pub col_totals: Vec<u64>,
    pub total: u64,
    /// The percentages, for the coverage measure only.
    pub coverage: Option<Coverage>,
}

/// Coverage percentages and their denominators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Percent of the column's characters covered, `cells[row][col]`.
    pub cells: Vec<Vec<f64>>,
    /// Percent of all characters covered by each code.
    pub row_totals: Vec<f64>,
    /// Percent of the column's characters covered by any code.
    pub col_totals: Vec<f64>,
    /// Percent of all characters covered by any code.
    pub total: f64,
    /// Characters of each column (the denominators of cells and column totals).
    pub col_chars: Vec<u64>,
    /// Characters of all sources (the denominator of row totals and of the total).
    pub total_chars: u64,
}

impl Crosstab {
    /// The number shown in a cell: the percentage for coverage, the count otherwise.
    pub fn value(&self, row: usize, col: usize) -> f64 {
        match &self.coverage {
            Some(c) => c.cells.get(row).and_then(|r| r.get(col)).copied().unwrap_or(0.0),
            None => self.cells.get(row).and_then(|r| r.get(col)).copied().unwrap_or(0) as f64,
        }
    }

    /// Every cell as `value` gives it, e.g. for a heat map.
    pub fn values(&self) -> Vec<Vec<f64>> {
        (0..self.rows.len()).map(|r| (0..self.cols.len()).map(|c| self.value(r, c)).collect()).collect()
    }
}

/// Counts `measure` for every code (rows, codebook order) against `dimension` (columns), without
/// rollup. A table that cannot be built (an unknown attribute, roles without speakers, words
/// without texts) comes back empty: use `crosstab_with` to learn why.
pub fn crosstab(data: &AnalysisData, dimension: Dimension, measure: Measure) -> Crosstab {
    let spec = CrosstabSpec { dimension, measure, rollup: false };
    crosstab_with(data, &spec).unwrap_or_else(|_| Crosstab {
        measure: measure.name().to_string(),
        dimension: spec.dimension.name(),
        rollup: false,
        rows: Vec::new(),
        cols: Vec::new(),
        cells: Vec::new(),
        row_totals: Vec::new(),
        col_totals: Vec::new(),
        total: 0,
        coverage: None,
    })
}

/// Builds the table `spec` asks for; fails when a column or measure cannot be computed from
/// `data` (an unknown or ambiguous attribute, roles without speakers, words without texts).
pub fn crosstab_with(data: &AnalysisData, spec: &CrosstabSpec) -> Result<Crosstab> {
    let columns = columns_for(data, spec)?;
    let rows_of = data.rows_of_codes(spec.rollup);
    let rows = data.code_paths();
    let (counts, coverage) = match spec.measure {
        Measure::Segments | Measure::Sources | Measure::Cases => (count(data, &columns, &rows_of, rows.len(), spec.measure), None),
        Measure::Words | Measure::Coverage => extent(data, &columns, &rows_of, rows.len(), spec.measure),
    };
    Ok(Crosstab {
        measure: spec.measure.name().to_string(),
        dimension: spec.dimension.name(),
        rollup: spec.rollup,
        rows,
        cols: columns.labels,
        cells: counts.cells,
        row_totals: counts.row_totals,
        col_totals: counts.col_totals,
        total: counts.total,
        coverage,
    })
}

/// The codings counted in a cell (`Some(row)`, `Some(col)`), a row total (`col` = `None`), a
/// column total (`row` = `None`) or the whole table, sorted by id: what a click on a number
/// should show.
pub fn cell_codings(data: &AnalysisData, spec: &CrosstabSpec, row: Option<usize>, col: Option<usize>) -> Result<Vec<CodingId>> {
    let columns = columns_for(data, spec)?;
    let rows_of = data.rows_of_codes(spec.rollup);
    let mut scratch = Vec::new();
    let mut out: Vec<CodingId> = data
        .codings
        .iter()
        .filter(|c| {
            let Some(rows) = rows_of.get(&c.code) else { return false };
            row.is_none_or(|r| rows.contains(&r)) && col.is_none_or(|k| columns.keyer.cols(c, &mut scratch).contains(&k))
        })
        .map(|c| c.id)
        .collect();
    out.sort_unstable();
    Ok(out)
}

/// Columns of the spec, after checking that `data` holds what they and the measure need.
fn columns_for(data: &AnalysisData, spec: &CrosstabSpec) -> Result<Columns> {
    let columns = columns(data, &spec.dimension)?;
    if matches!(columns.keyer, Keyer::Speaker { .. }) {
        data.require_speakers(&format!("columns \"{}\"", spec.dimension.name()))?;
    }
    if spec.measure == Measure::Words {
        data.require_texts("the words measure")?;
    }
    Ok(columns)
}

/// The numbers of a table, before labels are attached.
struct Counts {
    cells: Vec<Vec<u64>>,
    row_totals: Vec<u64>,
    col_totals: Vec<u64>,
    total: u64,
}

impl Counts {
    fn new(nr: usize, nc: usize) -> Self {
        Counts { cells: vec![vec![0; nc]; nr], row_totals: vec![0; nr], col_totals: vec![0; nc], total: 0 }
    }
}

/// Segments, sources and cases: counts of distinct units per cell and margin.
fn count(data: &AnalysisData, columns: &Columns, rows_of: &HashMap<CodeId, Vec<usize>>, nr: usize, measure: Measure) -> Counts {
    let mut t = Counts::new(nr, columns.labels.len());
    // For distinct sources or cases: the (row, col, unit) triples seen, and their margins.
    let mut seen_cell: HashSet<(usize, usize, i64)> = HashSet::new();
    let mut seen_row: HashSet<(usize, i64)> = HashSet::new();
    let mut seen_col: HashSet<(usize, i64)> = HashSet::new();
    let mut seen_all: HashSet<i64> = HashSet::new();
    let mut scratch = Vec::new();
    for c in &data.codings {
        let Some(rows) = rows_of.get(&c.code) else { continue };
        let cols = columns.keyer.cols(c, &mut scratch);
        if measure == Measure::Segments {
            // Each coding is its own unit: plain counts are distinct counts.
            for &row in rows {
                for &col in cols {
                    t.cells[row][col] += 1;
                }
                t.row_totals[row] += 1;
            }
            for &col in cols {
                t.col_totals[col] += 1;
            }
            t.total += 1;
            continue;
        }
        for unit in units(data, c, measure) {
            for &row in rows {
                for &col in cols {
                    if seen_cell.insert((row, col, unit)) {
                        t.cells[row][col] += 1;
                    }
                }
                if seen_row.insert((row, unit)) {
                    t.row_totals[row] += 1;
                }
            }
            for &col in cols {
                if seen_col.insert((col, unit)) {
                    t.col_totals[col] += 1;
                }
            }
            if seen_all.insert(unit) {
                t.total += 1;
            }
        }
    }
    t
}

/// The distinct things a coding contributes to the measure.
fn units(data: &AnalysisData, c: &AnalysisCoding, measure: Measure) -> Vec<i64> {
    match measure {
        Measure::Sources => vec![c.source.0],
        Measure::Cases => data.source_cases.get(&c.source).map(|v| v.iter().map(|c| c.0).collect()).unwrap_or_default(),
        Measure::Segments | Measure::Words | Measure::Coverage => vec![c.id.0],
    }
}

/// A stretch of a source's text and the columns its chars belong to.
type Zone = (Range<usize>, Vec<usize>);

/// Words and coverage: unions of coded chars per cell, each limited to its column's zones.
fn extent(
    data: &AnalysisData,
    columns: &Columns,
    rows_of: &HashMap<CodeId, Vec<usize>>,
    nr: usize,
    measure: Measure,
) -> (Counts, Option<Coverage>) {
    let nc = columns.labels.len();
    let zones: HashMap<SourceId, Vec<Zone>> = data.sources.values().map(|s| (s.id, zones_of(data, columns, s))).collect();
    let mut cell: HashMap<(usize, usize, SourceId), Vec<Range<usize>>> = HashMap::new();
    let mut row: HashMap<(usize, SourceId), Vec<Range<usize>>> = HashMap::new();
    let mut col: HashMap<(usize, SourceId), Vec<Range<usize>>> = HashMap::new();
    let mut all: HashMap<SourceId, Vec<Range<usize>>> = HashMap::new();
    let mut scratch = Vec::new();
    for c in &data.codings {
        let Some(rows) = rows_of.get(&c.code) else { continue };
        let span = c.span.start..c.span.end;
        for &r in rows {
            row.entry((r, c.source)).or_default().push(span.clone());
        }
        all.entry(c.source).or_default().push(span.clone());
        let cols = columns.keyer.cols(c, &mut scratch);
        let zs = zones.get(&c.source).map(Vec::as_slice).unwrap_or(&[]);
        // Zones are sorted and disjoint: skip those that end before the coding starts.
        let first = zs.partition_point(|(z, _)| z.end <= span.start);
        for (z, zone_cols) in zs[first..].iter().take_while(|(z, _)| z.start < span.end) {
            let piece = span.start.max(z.start)..span.end.min(z.end);
            for &k in zone_cols.iter().filter(|k| cols.contains(k)) {
                for &r in rows {
                    cell.entry((r, k, c.source)).or_default().push(piece.clone());
                }
                col.entry((k, c.source)).or_default().push(piece.clone());
            }
        }
    }
    let size = |source: SourceId, ranges: Vec<Range<usize>>| -> u64 {
        let union = union_spans(ranges);
        (if measure == Measure::Words { data.words_in(source, &union) } else { covered_chars(&union) }) as u64
    };
    let mut t = Counts::new(nr, nc);
    for ((r, k, s), ranges) in cell {
        t.cells[r][k] += size(s, ranges);
    }
    for ((r, s), ranges) in row {
        t.row_totals[r] += size(s, ranges);
    }
    for ((k, s), ranges) in col {
        t.col_totals[k] += size(s, ranges);
    }
    for (s, ranges) in all {
        t.total += size(s, ranges);
    }
    if measure != Measure::Coverage {
        return (t, None);
    }
    let mut col_chars = vec![0u64; nc];
    for z in zones.values() {
        for (range, cols) in z {
            for &k in cols {
                col_chars[k] += (range.end - range.start) as u64;
            }
        }
    }
    let total_chars: u64 = data.sources.values().map(|s| s.char_len as u64).sum();
    let pct = |n: u64, of: u64| if of == 0 { 0.0 } else { n as f64 * 100.0 / of as f64 };
    let coverage = Coverage {
        cells: t.cells.iter().map(|r| r.iter().zip(&col_chars).map(|(n, of)| pct(*n, *of)).collect()).collect(),
        row_totals: t.row_totals.iter().map(|n| pct(*n, total_chars)).collect(),
        col_totals: t.col_totals.iter().zip(&col_chars).map(|(n, of)| pct(*n, *of)).collect(),
        total: pct(t.total, total_chars),
        col_chars,
        total_chars,
    };
    (t, Some(coverage))
}

/// A source's text cut into zones, sorted and disjoint, each with the columns its chars belong
/// to: the whole text for columns that depend on the source or the coder; for speaker columns,
/// each turn belongs to its speaker's columns and the text outside turns to the fallback column
/// (no speaker), while a source without turns belongs to its own participants' columns.
fn zones_of(data: &AnalysisData, columns: &Columns, source: &Source) -> Vec<Zone> {
    let whole = 0..source.char_len;
    match &columns.keyer {
        Keyer::Source(of) => vec![(whole, of.get(&source.id).cloned().unwrap_or_default())],
        // Any coder may code any char: every coder's column holds the whole text.
        Keyer::Coder(_) => vec![(whole, (0..columns.labels.len()).collect())],
        Keyer::Speaker { of, fallback } => {
            let labels = |people: &mut dyn Iterator<Item = &ParticipantId>| -> Vec<usize> {
                let set: BTreeSet<usize> = people.filter_map(|p| of.get(p)).flatten().copied().collect();
                if set.is_empty() { vec![*fallback] } else { set.into_iter().collect() }
            };
            let turns = data.turns_of(source.id);
            if turns.is_empty() {
                let own = data.own_participants.get(&source.id).map(Vec::as_slice).unwrap_or(&[]);
                return vec![(whole, labels(&mut own.iter()))];
            }
            let mut out = Vec::new();
            let mut pos = 0;
            for t in turns {
                let (start, end) = (t.span.start.max(pos), t.span.end.min(source.char_len));
                if start > pos {
                    out.push((pos..start, vec![*fallback]));
                }
                if start < end {
                    out.push((start..end, labels(&mut std::iter::once(&t.participant_id))));
                    pos = end;
                }
            }
            if pos < source.char_len {
                out.push((pos..source.char_len, vec![*fallback]));
            }
            out
        }
    }
}

/// Which columns a coding counts in.
enum Keyer {
    /// Columns that depend on the coding's source alone (cases, kinds, periods, case and source
    /// attributes).
    Source(HashMap<SourceId, Vec<usize>>),
    /// The coding's coder.
    Coder(HashMap<CoderId, Vec<usize>>),
    /// Columns of the participants the coding is attributed to (roles, participants,
    /// participant attributes); `fallback` when none of them gives one.
    Speaker { of: HashMap<ParticipantId, Vec<usize>>, fallback: usize },
}

impl Keyer {
    /// The coding's column indices, sorted and distinct.
    fn cols<'a>(&'a self, c: &AnalysisCoding, scratch: &'a mut Vec<usize>) -> &'a [usize] {
        match self {
            Keyer::Source(m) => m.get(&c.source).map_or(&[][..], Vec::as_slice),
            Keyer::Coder(m) => m.get(&c.coder).map_or(&[][..], Vec::as_slice),
            Keyer::Speaker { of, fallback } => {
                scratch.clear();
                for p in &c.participants {
                    if let Some(v) = of.get(p) {
                        scratch.extend_from_slice(v);
                    }
                }
                scratch.sort_unstable();
                scratch.dedup();
                if scratch.is_empty() {
                    scratch.push(*fallback);
                }
                scratch
            }
        }
    }
}

/// Column labels in display order, and how codings map onto them.
struct Columns {
    labels: Vec<String>,
    keyer: Keyer,
}

/// Label → column index.
fn positions(labels: &[String]) -> HashMap<&str, usize> {
    labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect()
}

/// Indices of `keys` (sorted, distinct), skipping unknown ones.
fn indices<'a>(pos: &HashMap<&str, usize>, keys: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
    let set: BTreeSet<usize> = keys.into_iter().filter_map(|k| pos.get(k).copied()).collect();
    set.into_iter().collect()
}

fn sorted(mut labels: Vec<String>) -> Vec<String> {
    labels.sort();
    labels.dedup();
    labels
}

fn columns(data: &AnalysisData, dimension: &Dimension) -> Result<Columns> {
    let by_source = |labels: &[String], keys: &dyn Fn(&Source) -> Vec<String>| -> Keyer {
        let pos = positions(labels);
        Keyer::Source(data.sources.values().map(|s| (s.id, indices(&pos, keys(s).iter().map(String::as_str)))).collect())
    };
    let case_names = |s: &Source| -> Vec<String> {
        data.source_cases.get(&s.id).into_iter().flatten().filter_map(|id| data.cases.get(id).map(|c| c.name.clone())).collect()
    };
    Ok(match dimension {
        Dimension::Cases => {
            let labels = sorted(data.cases.values().map(|c| c.name.clone()).collect());
            let keyer = by_source(&labels, &case_names);
            Columns { labels, keyer }
        }
        Dimension::Kinds => {
            let labels: Vec<String> = SourceKind::ALL.iter().map(|k| k.as_str().to_string()).collect();
            let keyer = by_source(&labels, &|s| vec![s.kind.as_str().to_string()]);
            Columns { labels, keyer }
        }
        Dimension::Coders => {
            let labels = sorted(data.coders.values().map(|c| c.name.clone()).collect());
            let pos = positions(&labels);
            let keyer = Keyer::Coder(data.coders.values().map(|c| (c.id, indices(&pos, [c.name.as_str()]))).collect());
            Columns { labels, keyer }
        }
        Dimension::Roles | Dimension::Participants => {
            let roles = *dimension == Dimension::Roles;
            let label = |p: &Participant| if roles { p.role.clone() } else { Some(p.name.clone()) };
            let mut labels = sorted(data.participants.values().filter_map(label).collect());
            labels.push(NO_SPEAKER.to_string());
            by_speaker(data, labels, |p| label(p))
        }
        Dimension::Period(Period::Session) => {
            let sessions = data.session_numbers();
            let max = sessions.values().copied().max().unwrap_or(0);
            let mut labels: Vec<String> = (1..=max).map(session_label).collect();
            labels.push(NO_SESSION.to_string());
            let mut of_source: HashMap<SourceId, BTreeSet<usize>> = HashMap::new();
            for ((_, s), n) in &sessions {
                of_source.entry(*s).or_default().insert(*n);
            }
            let keyer = by_source(&labels, &|s| match of_source.get(&s.id) {
                Some(ns) => ns.iter().map(|n| session_label(*n)).collect(),
                None => vec![NO_SESSION.to_string()],
            });
            Columns { labels, keyer }
        }
        Dimension::Period(unit) => {
            let key = |date: &str| period_key(date, *unit);
            let keys: BTreeSet<(i32, u32)> = data.sources.values().filter_map(|s| s.date.as_deref()).filter_map(key).collect();
            let mut labels = match (keys.first(), keys.last()) {
                (Some(first), Some(last)) => period_range(*first, *last, *unit),
                _ => Vec::new(),
            };
            labels.push(UNDATED.to_string());
            let keyer = by_source(&labels, &|s| match s.date.as_deref().and_then(key) {
                Some(k) => vec![period_label(k, *unit)],
                None => vec![UNDATED.to_string()],
            });
            Columns { labels, keyer }
        }
        Dimension::Attribute(spec) => {
            let def = find_attribute(data, spec)?;
            let value = |entity: i64| data.attribute_values.get(&(def.id, entity)).cloned();
            let mut labels = ordered_values(def, data.attribute_values.iter().filter(|((a, _), _)| *a == def.id).map(|(_, v)| v.clone()).collect());
            labels.push(NO_VALUE.to_string());
            match def.applies_to {
                AttributeTarget::Source => {
                    let keyer = by_source(&labels, &|s| vec![value(s.id.0).unwrap_or_else(|| NO_VALUE.to_string())]);
                    Columns { labels, keyer }
                }
                AttributeTarget::Case => {
                    let keyer = by_source(&labels, &|s| {
                        let cases = data.source_cases.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
                        if cases.is_empty() {
                            return vec![NO_VALUE.to_string()];
                        }
                        cases.iter().map(|c| value(c.0).unwrap_or_else(|| NO_VALUE.to_string())).collect()
                    });
                    Columns { labels, keyer }
                }
                AttributeTarget::Participant => by_speaker(data, labels, |p| value(p.id.0)),
            }
        }
    })
}

/// Speaker columns: `label` gives a participant's column (or none); the last label is the fallback.
fn by_speaker(data: &AnalysisData, labels: Vec<String>, label: impl Fn(&Participant) -> Option<String>) -> Columns {
    let pos = positions(&labels);
    let of = data
        .participants
        .values()
        .filter_map(|p| label(p).map(|l| (p.id, indices(&pos, [l.as_str()]))))
        .collect();
    let fallback = labels.len().saturating_sub(1);
    Columns { keyer: Keyer::Speaker { of, fallback }, labels }
}

fn session_label(n: usize) -> String {
    format!("session {n}")
}

/// (year, month) or (year, quarter) of a `YYYY-MM-DD` date.
fn period_key(date: &str, unit: Period) -> Option<(i32, u32)> {
    let year: i32 = date.get(0..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(if unit == Period::Quarter { (year, (month - 1) / 3 + 1) } else { (year, month) })
}

fn period_label((year, n): (i32, u32), unit: Period) -> String {
    if unit == Period::Quarter { format!("{year}-Q{n}") } else { format!("{year}-{n:02}") }
}

/// Every month or quarter from `first` to `last`, so that empty periods show as empty columns.
fn period_range(first: (i32, u32), last: (i32, u32), unit: Period) -> Vec<String> {
    let per_year = if unit == Period::Quarter { 4 } else { 12 };
    let mut out = Vec::new();
    let mut cur = first;
    while cur <= last {
        out.push(period_label(cur, unit));
        cur = if cur.1 == per_year { (cur.0 + 1, 1) } else { (cur.0, cur.1 + 1) };
    }
    out
}

/// Attribute values in display order: categories in their defined order (then any others),
/// numbers numerically, anything else alphabetically.
fn ordered_values(def: &AttributeDef, values: Vec<String>) -> Vec<String> {
    let mut values = sorted(values);
    match def.value_type {
        AttributeType::Category => {
            let rank = |v: &String| def.categories.iter().position(|c| c == v).unwrap_or(usize::MAX);
            values.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
        }
        AttributeType::Number => {
            let num = |v: &String| v.trim().parse::<f64>().ok();
            values.sort_by(|a, b| match (num(a), num(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(b),
            });
        }
        AttributeType::Text | AttributeType::Date => {}
    }
    values
}

/// The attribute `spec` names: `NAME`, or `case:NAME`, `participant:NAME`, `source:NAME` when
/// attributes of two targets share the name.
pub fn find_attribute<'a>(data: &'a AnalysisData, spec: &str) -> Result<&'a AttributeDef> {
    let exact: Vec<&AttributeDef> = data.attributes.iter().filter(|a| a.name == spec).collect();
    let candidates = match (exact.len(), spec.split_once(':')) {
        (0, Some((target, name))) if AttributeTarget::parse(target).is_some() => {
            data.attributes.iter().filter(|a| a.name == name && a.applies_to.as_str() == target).collect()
        }
        _ => exact,
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => {
            let known: Vec<&str> = data.attributes.iter().map(|a| a.name.as_str()).collect();
            let known = if known.is_empty() { "the project has none".to_string() } else { format!("known: {}", known.join(", ")) };
            Err(Error::not_found(format!("no attribute named \"{spec}\" ({known})")))
        }
        many => {
            let forms: Vec<String> = many.iter().map(|a| format!("attr:{}:{}", a.applies_to, a.name)).collect();
            Err(Error::invalid(format!("attribute \"{spec}\" is defined for more than one target: write {}", forms.join(" or "))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::AnalysisData;

    fn code(id: i64, parent: Option<i64>, name: &str) -> Code {
        Code { id: CodeId(id), uuid: String::new(), parent_id: parent.map(CodeId), name: name.into(), color: "#000000".into(), description: Default::default(), sort_order: id }
    }

    fn source(id: i64, kind: SourceKind) -> Source {
        Source {
            id: SourceId(id), uuid: String::new(), name: format!("s{id}"), kind, date: None, text_hash: String::new(), char_len: 100,
            word_count: 10, original_name: String::new(), original_format: String::new(), encoding: String::new(), imported_at: String::new(), page_starts: None, author: None, time_marks: Vec::new(),
        }
    }

    fn coding(id: i64, code: i64, source: i64, start: usize, end: usize) -> CodingRef {
        CodingRef { id: CodingId(id), source_id: SourceId(source), code_id: CodeId(code), coder_id: CoderId(1), span: TextSpan { start, end } }
    }

    /// Two cases; source 1 (interview, case A, turns: Dana 0..50, Sam 50..100), source 2
    /// (observation in both cases, no turns, about Dana).
    fn data() -> AnalysisData {
        let case = |id: i64, name: &str| Case { id: CaseId(id), uuid: String::new(), name: name.into(), description: String::new() };
        let person = |id: i64, name: &str, role: &str| Participant { id: ParticipantId(id), uuid: String::new(), name: name.into(), role: Some(role.into()) };
        let turn = |id: i64, p: i64, s: usize, e: usize| Turn { id: TurnId(id), source_id: SourceId(1), participant_id: ParticipantId(p), span: TextSpan { start: s, end: e }, timestamp_ms: None };
        AnalysisData::new(
            Codebook::new(vec![code(1, None, "Ruptures"), code(2, Some(1), "Withdrawal"), code(3, None, "Repair")]),
            vec![coding(1, 2, 1, 10, 20), coding(2, 2, 1, 40, 60), coding(3, 3, 2, 0, 5), coding(4, 2, 2, 10, 30)],
            vec![source(1, SourceKind::Interview), source(2, SourceKind::Observation)],
            vec![case(1, "A"), case(2, "B")],
            vec![(CaseId(1), SourceId(1)), (CaseId(1), SourceId(2)), (CaseId(2), SourceId(2))],
            vec![person(1, "Dana", "caregiver"), person(2, "Sam", "social_worker")],
            vec![Coder { id: CoderId(1), uuid: String::new(), name: "Amara".into(), created_at: String::new(), color: String::new(), retired: false }],
            Some(vec![turn(1, 1, 0, 50), turn(2, 2, 50, 100)]),
            vec![(SourceId(2), ParticipantId(1))],
        )
    }

    #[test]
    fn a_coding_in_two_cases_counts_in_both_columns_but_once_in_totals() {
        let t = crosstab(&data(), Dimension::Cases, Measure::Segments);
        assert_eq!(t.rows, ["Ruptures", "Ruptures/Withdrawal", "Repair"]);
        assert_eq!(t.cols, ["A", "B"]);
        assert_eq!(t.cells, [[0, 0], [3, 1], [1, 1]]);
        assert_eq!(t.row_totals, [0, 3, 1]);
        assert_eq!(t.col_totals, [4, 2]);
        assert_eq!(t.total, 4);
    }

    #[test]
    fn a_coding_spanning_two_turns_counts_for_both_roles() {
        let t = crosstab(&data(), Dimension::Roles, Measure::Segments);
        assert_eq!(t.cols, ["caregiver", "social_worker", "no speaker"]);
        // Withdrawal: 10..20 Dana; 40..60 Dana and Sam; 10..30 in source 2 is about Dana.
        assert_eq!(t.cells[1], [3, 1, 0]);
        assert_eq!(t.cells[2], [1, 0, 0]);
        assert_eq!(t.col_totals, [4, 1, 0]);
    }

    #[test]
    fn sources_and_cases_measures_count_distinct_units() {
        let t = crosstab(&data(), Dimension::Kinds, Measure::Sources);
        assert_eq!(&t.cols[..3], ["interview", "focus_group", "observation"]);
        assert_eq!(t.cells[1][..3], [1, 0, 1]);
        assert_eq!(t.row_totals[1], 2);
        let t = crosstab(&data(), Dimension::Kinds, Measure::Cases);
        assert_eq!(t.cells[1][..3], [1, 0, 2]);
        assert_eq!(t.row_totals[1], 2);
        assert_eq!(t.total, 2);
    }

    // The tests below use the shared fixture (see `data::fixture` for the picture).
    use crate::analysis::data::fixture;

    fn spec(dimension: Dimension, measure: Measure, rollup: bool) -> CrosstabSpec {
        CrosstabSpec { dimension, measure, rollup }
    }

    #[test]
    fn rollup_counts_distinct_codings_of_the_code_and_its_descendants() {
        let d = fixture::data();
        let t = crosstab_with(&d, &spec(Dimension::Cases, Measure::Segments, true)).unwrap();
        assert_eq!(t.rows, ["Ruptures", "Ruptures/Withdrawal", "Repair", "Repair/Honesty"]);
        assert_eq!(t.cols, ["A", "B"]);
        // Ruptures: its own coding 4 plus Withdrawal's 1, 2, 5 = 4 codings, all in case A; coding
        // 5 is in the observation, which is also in case B. Coding 4 overlaps coding 1: still two.
        // Repair: Honesty's 3, 6, 7 in A; 6 also in B.
        assert_eq!(t.cells, [[4, 1], [3, 1], [3, 1], [3, 1]]);
        assert_eq!(t.row_totals, [4, 3, 3, 3]);
        // Column totals count each coding once, not once per row.
        assert_eq!(t.col_totals, [7, 2]);
        assert_eq!(t.total, 7);
        let plain = crosstab_with(&d, &spec(Dimension::Cases, Measure::Segments, false)).unwrap();
        assert_eq!(plain.cells, [[1, 0], [3, 1], [0, 0], [3, 1]]);
    }

    #[test]
    fn words_count_the_union_of_spans_once() {
        let d = fixture::data();
        // Text "aa aa aa…": word k covers chars 3k, 3k+1. With rollup, Ruptures in source 1 is the
        // union of 10..20 (coding 1), 15..25 (coding 4) and 40..60 (coding 2) = 10..25 and 40..60.
        // 10..25: a partial word at 10 plus words at 12, 15, 18, 21, 24 = 6 words ("a aa aa aa aa a").
        // 40..60: a partial word at 40 (char 40 = 3·13+1) plus 42, 45, 48, 51, 54, 57 = 7 words.
        // Source 2, coding 5 (0..10): words at 0, 3, 6, 9 = 4 (the last cut to one letter).
        let t = crosstab_with(&d, &spec(Dimension::Cases, Measure::Words, true)).unwrap();
        assert_eq!(t.cells[0], [6 + 7 + 4, 4]);
        assert_eq!(t.row_totals[0], 17);
        // Without rollup, Ruptures itself is coding 4 only: 15..25 = words at 15, 18, 21, 24 = 4.
        let t = crosstab_with(&d, &spec(Dimension::Cases, Measure::Words, false)).unwrap();
        assert_eq!(t.cells[0], [4, 0]);
    }

    #[test]
    fn coverage_is_a_percentage_of_the_columns_characters() {
        let d = fixture::data();
        let t = crosstab_with(&d, &spec(Dimension::Cases, Measure::Coverage, true)).unwrap();
        let cov = t.coverage.clone().unwrap();
        // Case A holds sources 1, 2, 3: 100 + 60 + 40 = 200 chars; case B holds source 2: 60.
        assert_eq!(cov.col_chars, [200, 60]);
        assert_eq!(cov.total_chars, 200);
        // Ruptures (rollup) in A: 10..25 and 40..60 in s1 (35 chars) + 0..10 in s2 (10) = 45 → 22.5 %.
        assert_eq!(t.cells[0], [45, 10]);
        assert_eq!(cov.cells[0], [22.5, 10.0 * 100.0 / 60.0]);
        // All codings: s1 10..25, 40..70 (45 chars); s2 0..10, 30..40 (20); s3 22..30 (8) = 73.
        assert_eq!(t.total, 73);
        assert_eq!(cov.total, 36.5);
        assert_eq!(t.value(0, 0), 22.5);
    }

    #[test]
    fn coverage_by_role_counts_only_the_chars_inside_the_roles_turns() {
        let d = fixture::data();
        let t = crosstab_with(&d, &spec(Dimension::Roles, Measure::Coverage, false)).unwrap();
        assert_eq!(t.cols, ["caregiver", "child", "social_worker", "no speaker"]);
        let cov = t.coverage.clone().unwrap();
        // Caregiver chars: Dana's turns 0..50 (s1) and 0..20 (s3), and the observation about her
        // (60) = 130. Social worker: 50..100 and 20..40 = 70. Child: none. No speaker: none (the
        // turns cover both transcripts).
        assert_eq!(cov.col_chars, [130, 0, 70, 0]);
        // Withdrawal: coding 2 (40..60) spans Dana and Sam: 40..50 counts for caregiver, 50..60
        // for social_worker. Caregiver: 10..20 + 40..50 + 0..10 (s2) = 30; social worker: 10.
        assert_eq!(t.cells[1], [30, 0, 10, 0]);
        assert_eq!(t.row_totals[1], 40);
        assert_eq!(cov.cells[1][2], 10.0 * 100.0 / 70.0);
    }

    #[test]
    fn sessions_months_and_quarters_make_columns() {
        let d = fixture::data();
        let t = crosstab_with(&d, &spec(Dimension::Period(Period::Session), Measure::Segments, false)).unwrap();
        assert_eq!(t.cols, ["session 1", "session 2", "session 3", "no session"]);
        // The observation is session 2 of case A but session 1 of case B: its codings 5 and 6
        // count in both columns. Honesty: coding 3 (s1, session 1), 6 (sessions 1 and 2), 7 (s3, session 3).
        assert_eq!(t.cells[3], [2, 1, 1, 0]);
        let t = crosstab_with(&d, &spec(Dimension::Period(Period::Month), Measure::Segments, false)).unwrap();
        assert_eq!(t.cols, ["2025-02", "2025-03", "undated"]);
        assert_eq!(t.cells[3], [1, 2, 0]);
        let t = crosstab_with(&d, &spec(Dimension::Period(Period::Quarter), Measure::Segments, false)).unwrap();
        assert_eq!(t.cols, ["2025-Q1", "undated"]);
        assert_eq!(t.cells[3], [3, 0]);
    }

    #[test]
    fn attributes_of_cases_and_participants_make_columns() {
        let d = fixture::data();
        let t = crosstab_with(&d, &spec(Dimension::Attribute("region".into()), Measure::Segments, false)).unwrap();
        // Case A is "north"; case B has no value, so the observation counts in both columns.
        assert_eq!(t.cols, ["north", "no value"]);
        assert_eq!(t.cells[3], [3, 1]);
        let t = crosstab_with(&d, &spec(Dimension::Attribute("participant:age".into()), Measure::Segments, false)).unwrap();
        // Ages sort as numbers; Eli has none. Honesty: 3 (Sam 51), 6 (Dana 34), 7 (Sam 51).
        assert_eq!(t.cols, ["34", "51", "no value"]);
        assert_eq!(t.cells[3], [1, 2, 0]);
        let err = crosstab_with(&d, &spec(Dimension::Attribute("income".into()), Measure::Segments, false)).unwrap_err();
        assert_eq!(err.to_string(), "no attribute named \"income\" (known: region, age)");
    }

    #[test]
    fn drill_down_returns_the_codings_behind_a_number() {
        let d = fixture::data();
        let s = spec(Dimension::Cases, Measure::Segments, true);
        assert_eq!(cell_codings(&d, &s, Some(0), Some(1)).unwrap(), [CodingId(5)]);
        assert_eq!(cell_codings(&d, &s, Some(2), None).unwrap(), [CodingId(3), CodingId(6), CodingId(7)]);
        assert_eq!(cell_codings(&d, &s, None, Some(1)).unwrap(), [CodingId(5), CodingId(6)]);
    }

    #[test]
    fn a_case_filter_limits_the_characters_coverage_divides_by() {
        let mut d = fixture::data();
        d.restrict(&crate::analysis::Scope { cases: vec!["B".into()], ..Default::default() }).unwrap();
        let t = crosstab_with(&d, &spec(Dimension::Coders, Measure::Coverage, false)).unwrap();
        let cov = t.coverage.unwrap();
        // Case B is the observation alone (60 chars), not all 200 chars of the study.
        assert_eq!(cov.col_chars, [60, 60]);
        assert_eq!(cov.total_chars, 60);
        // Jonas's Withdrawal 0..10 is 10 of B's 60 chars.
        assert_eq!(cov.cells[1][1], 100.0 * 10.0 / 60.0);
    }

    #[test]
    fn an_empty_project_gives_an_empty_table() {
        let d = AnalysisData::default();
        let t = crosstab_with(&d, &spec(Dimension::Coders, Measure::Coverage, true)).unwrap();
        assert!(t.rows.is_empty() && t.cols.is_empty());
        assert_eq!(t.coverage.unwrap().total, 0.0);
    }

    #[test]
    fn columns_that_need_speakers_or_texts_say_so() {
        let mut d = fixture::data();
        d.speakers_attributed = false;
        let err = crosstab_with(&d, &spec(Dimension::Roles, Measure::Segments, false)).unwrap_err();
        assert!(err.to_string().contains("columns \"roles\" needs the codings attributed to speakers"), "{err}");
        let d = AnalysisData::default();
        assert!(crosstab_with(&d, &spec(Dimension::Cases, Measure::Words, false)).is_err());
    }
}
