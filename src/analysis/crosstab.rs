//! Crosstab: codes (rows) × a dimension (columns), with totals.
//!
//! A coding counts in every column it is attributed to (a coding in a source of two cases counts
//! in both), but only once in its row total and once in each column total, so totals are distinct
//! counts, not sums of cells.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::data::{AnalysisCoding, AnalysisData, NO_SPEAKER};
use crate::model::*;

/// What the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Cases,
    Roles,
    Kinds,
    Coders,
    Participants,
}

impl Dimension {
    /// Parses `cases`, `roles`, `kinds`, `coders`, `participants`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "cases" => Dimension::Cases,
            "roles" => Dimension::Roles,
            "kinds" => Dimension::Kinds,
            "coders" => Dimension::Coders,
            "participants" => Dimension::Participants,
            _ => return None,
        })
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
}

impl Measure {
    /// Parses `segments`, `sources`, `cases`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "segments" => Measure::Segments,
            "sources" => Measure::Sources,
            "cases" => Measure::Cases,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Measure::Segments => "segments",
            Measure::Sources => "sources",
            Measure::Cases => "cases",
        }
    }
}

/// A code × column table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Crosstab {
    pub measure: String,
    /// Code paths, in codebook order.
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    /// `cells[row][col]`.
    pub cells: Vec<Vec<u64>>,
    pub row_totals: Vec<u64>,
    pub col_totals: Vec<u64>,
    pub total: u64,
}

/// Counts `measure` for every code (rows, codebook order) against `dimension` (columns).
pub fn crosstab(data: &AnalysisData, dimension: Dimension, measure: Measure) -> Crosstab {
    debug_assert!(
        data.speakers_attributed || !matches!(dimension, Dimension::Roles | Dimension::Participants),
        "roles and participants need AnalysisData with speakers"
    );
    let walk = data.codebook.walk();
    let row_of: HashMap<CodeId, usize> = walk.iter().enumerate().map(|(i, (_, c))| (c.id, i)).collect();
    let cols = column_labels(data, dimension);
    let col_of: HashMap<&str, usize> = cols.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    // Column indices per source and per coder, computed once rather than per coding.
    let source_cols: HashMap<SourceId, Vec<usize>> = data
        .sources
        .keys()
        .map(|s| (*s, indices(&col_of, source_keys(data, *s, dimension))))
        .collect();
    let coder_cols: HashMap<CoderId, Vec<usize>> =
        data.coders.values().map(|c| (c.id, indices(&col_of, vec![c.name.clone()]))).collect();
    let (nr, nc) = (walk.len(), cols.len());
    let mut cells = vec![vec![0u64; nc]; nr];
    let mut row_totals = vec![0u64; nr];
    let mut col_totals = vec![0u64; nc];
    let mut total = 0u64;
    // For distinct sources or cases: the (row, col, unit) triples seen, and their margins.
    let mut seen_cell: HashSet<(usize, usize, i64)> = HashSet::new();
    let mut seen_row: HashSet<(usize, i64)> = HashSet::new();
    let mut seen_col: HashSet<(usize, i64)> = HashSet::new();
    let mut seen_all: HashSet<i64> = HashSet::new();
    for c in &data.codings {
        let speaker_cols;
        let Some(&row) = row_of.get(&c.code) else { continue };
        let columns: &[usize] = match dimension {
            Dimension::Cases | Dimension::Kinds => source_cols.get(&c.source).map_or(&[], Vec::as_slice),
            Dimension::Coders => coder_cols.get(&c.coder).map_or(&[], Vec::as_slice),
            Dimension::Roles | Dimension::Participants => {
                speaker_cols = indices(&col_of, speaker_keys(data, c, dimension));
                speaker_cols.as_slice()
            }
        };
        if measure == Measure::Segments {
            // Each coding is its own unit: plain counts are distinct counts.
            for &col in columns {
                cells[row][col] += 1;
                col_totals[col] += 1;
            }
            row_totals[row] += 1;
            total += 1;
            continue;
        }
        for unit in units(data, c, measure) {
            for &col in columns {
                if seen_cell.insert((row, col, unit)) {
                    cells[row][col] += 1;
                }
                if seen_col.insert((col, unit)) {
                    col_totals[col] += 1;
                }
            }
            if seen_row.insert((row, unit)) {
                row_totals[row] += 1;
            }
            if seen_all.insert(unit) {
                total += 1;
            }
        }
    }
    Crosstab {
        measure: measure.name().to_string(),
        rows: walk.iter().map(|(_, c)| data.codebook.path(c.id).unwrap_or_default().to_string()).collect(),
        cols,
        cells,
        row_totals,
        col_totals,
        total,
    }
}

fn indices(col_of: &HashMap<&str, usize>, mut labels: Vec<String>) -> Vec<usize> {
    labels.sort();
    labels.dedup();
    labels.iter().filter_map(|l| col_of.get(l.as_str()).copied()).collect()
}

/// The distinct things a coding contributes to the measure.
fn units(data: &AnalysisData, c: &AnalysisCoding, measure: Measure) -> Vec<i64> {
    match measure {
        Measure::Segments => vec![c.id.0],
        Measure::Sources => vec![c.source.0],
        Measure::Cases => data.source_cases.get(&c.source).map(|v| v.iter().map(|c| c.0).collect()).unwrap_or_default(),
    }
}

/// Column labels a source belongs to, for the dimensions that depend on the source alone.
fn source_keys(data: &AnalysisData, source: SourceId, dimension: Dimension) -> Vec<String> {
    match dimension {
        Dimension::Cases => data
            .source_cases
            .get(&source)
            .into_iter()
            .flatten()
            .filter_map(|id| data.cases.get(id).map(|c| c.name.clone()))
            .collect(),
        Dimension::Kinds => data.sources.get(&source).map(|s| vec![s.kind.as_str().to_string()]).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Column labels of the participants (or their roles) a coding is attributed to.
fn speaker_keys(data: &AnalysisData, c: &AnalysisCoding, dimension: Dimension) -> Vec<String> {
    let labels: Vec<String> = c
        .participants
        .iter()
        .filter_map(|p| data.participants.get(p))
        .filter_map(|p| if dimension == Dimension::Roles { p.role.clone() } else { Some(p.name.clone()) })
        .collect();
    if labels.is_empty() { vec![NO_SPEAKER.to_string()] } else { labels }
}

/// All column labels of a dimension, in display order.
fn column_labels(data: &AnalysisData, dimension: Dimension) -> Vec<String> {
    let mut labels: Vec<String> = match dimension {
        Dimension::Cases => data.cases.values().map(|c| c.name.clone()).collect(),
        Dimension::Kinds => return SourceKind::ALL.iter().map(|k| k.as_str().to_string()).collect(),
        Dimension::Coders => data.coders.values().map(|c| c.name.clone()).collect(),
        Dimension::Participants => data.participants.values().map(|p| p.name.clone()).collect(),
        Dimension::Roles => data.participants.values().filter_map(|p| p.role.clone()).collect(),
    };
    labels.sort();
    labels.dedup();
    if matches!(dimension, Dimension::Roles | Dimension::Participants) {
        labels.push(NO_SPEAKER.to_string());
    }
    labels
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
            word_count: 10, original_name: String::new(), original_format: String::new(), encoding: String::new(), imported_at: String::new(), page_starts: None,
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
            vec![Coder { id: CoderId(1), uuid: String::new(), name: "Amara".into(), created_at: String::new() }],
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
}
