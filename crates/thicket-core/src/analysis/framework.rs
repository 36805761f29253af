//! The segments behind each cell of a framework matrix: for a case (a row) and a code (a column),
//! the codings of that code or its sub-codes in that case's sources.
//!
//! In: `AnalysisData` (with speakers, and with texts for `framework_segments`) and the matrix's
//! rows and columns. Out: the codings of each cell in reading order (sources in time within the
//! case, then position), and the segments a researcher reads beside a cell while summarising it.
//! A column counts its code's sub-codes too, because a matrix's default columns are the top-level
//! codes and the codings usually sit under them.

use std::collections::{BTreeMap, BTreeSet};

use super::AnalysisData;
use crate::model::*;
use crate::text::slice_chars;

/// The codings of every cell, `cells[row][column]`, rows and columns in the matrix's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameworkGrid {
    pub cases: Vec<CaseId>,
    pub codes: Vec<CodeId>,
    pub cells: Vec<Vec<Vec<CodingId>>>,
}

impl FrameworkGrid {
    /// The codings of `case` under `code`, empty when either is not in the grid.
    pub fn codings(&self, case: CaseId, code: CodeId) -> &[CodingId] {
        let row = self.cases.iter().position(|c| *c == case);
        let column = self.codes.iter().position(|c| *c == code);
        match (row, column) {
            (Some(r), Some(c)) => &self.cells[r][c],
            _ => &[],
        }
    }
}

/// One segment of a cell, as shown beside it and cited in reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FrameworkSegment {
    pub coding: CodingId,
    pub source_id: SourceId,
    pub source: String,
    pub span: TextSpan,
    /// The coding's code path (a sub-code of the column's code, or the code itself).
    pub code: String,
    /// Who speaks in it (names), empty for "no speaker".
    pub speakers: Vec<String>,
    /// Who coded it.
    pub coder: String,
    /// The coded text (empty when the texts were not loaded).
    pub text: String,
}

/// The codings of each case × code cell, each list in reading order.
pub fn framework_grid(data: &AnalysisData, cases: &[CaseId], codes: &[CodeId]) -> FrameworkGrid {
    // Which columns each code counts in (a code and all its ancestors that are columns).
    let mut columns_of: BTreeMap<CodeId, Vec<usize>> = BTreeMap::new();
    for (i, code) in codes.iter().enumerate() {
        for c in data.codebook.subtree(*code) {
            columns_of.entry(c).or_default().push(i);
        }
    }
    let rows: BTreeMap<CaseId, usize> = cases.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut cells = vec![vec![Vec::new(); codes.len()]; cases.len()];
    let mut order: Vec<&super::AnalysisCoding> = data.codings.iter().collect();
    order.sort_by_cached_key(|c| (data.source_order_key(c.source), c.span.start, c.span.end, c.id));
    for c in order {
        let Some(columns) = columns_of.get(&c.code) else { continue };
        for case in data.source_cases.get(&c.source).map(Vec::as_slice).unwrap_or(&[]) {
            let Some(&r) = rows.get(case) else { continue };
            for &column in columns {
                cells[r][column].push(c.id);
            }
        }
    }
    FrameworkGrid { cases: cases.to_vec(), codes: codes.to_vec(), cells }
}

/// The segments of these codings, in the order given, with their text when `data` has the texts.
/// Codings no longer in `data` are left out.
pub fn framework_segments(data: &AnalysisData, codings: &[CodingId]) -> Vec<FrameworkSegment> {
    let wanted: BTreeSet<CodingId> = codings.iter().copied().collect();
    let by_id: BTreeMap<CodingId, &super::AnalysisCoding> = data.codings.iter().filter(|c| wanted.contains(&c.id)).map(|c| (c.id, c)).collect();
    codings
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|c| {
            let text = data.texts.get(&c.source).and_then(|t| slice_chars(&t.text, c.span.start..c.span.end)).unwrap_or_default();
            FrameworkSegment {
                coding: c.id,
                source_id: c.source,
                source: data.sources.get(&c.source).map(|s| s.name.clone()).unwrap_or_default(),
                span: c.span,
                code: data.code_path(c.code),
                speakers: c.participants.iter().filter_map(|p| data.participants.get(p).map(|p| p.name.clone())).collect(),
                coder: data.coders.get(&c.coder).map(|k| k.name.clone()).unwrap_or_default(),
                text: text.to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture as fixtures;

    /// Two cases; "Ruptures" with a sub-code "Withdrawal"; "Repair" beside it.
    fn data() -> AnalysisData {
        let codebook = Codebook::new(vec![fixtures::code(1, None, "Ruptures"), fixtures::code(2, Some(1), "Withdrawal"), fixtures::code(3, None, "Repair")]);
        let sources = vec![
            fixtures::source(1, "Visit 2", SourceKind::Interview, Some("2024-03-02"), 40),
            fixtures::source(2, "Visit 1", SourceKind::Interview, Some("2024-03-01"), 40),
            fixtures::source(3, "Other", SourceKind::Interview, None, 40),
        ];
        let coding = |id: i64, code: i64, source: i64, start: usize| CodingRef {
            id: CodingId(id),
            source_id: SourceId(source),
            code_id: CodeId(code),
            coder_id: CoderId(1),
            span: TextSpan { start, end: start + 5 },
        };
        let case = |id: i64, name: &str| Case { id: CaseId(id), uuid: String::new(), name: name.into(), description: String::new() };
        let cases = vec![case(1, "Harlow"), case(2, "Okafor")];
        AnalysisData::new(
            codebook,
            vec![coding(1, 2, 1, 0), coding(2, 1, 2, 10), coding(3, 3, 3, 0), coding(4, 1, 1, 20)],
            sources,
            cases,
            vec![(CaseId(1), SourceId(1)), (CaseId(1), SourceId(2)), (CaseId(2), SourceId(3))],
            Vec::new(),
            Vec::new(),
            Some(Vec::new()),
            Vec::new(),
        )
        .with_texts([(SourceId(1), "0123456789abcdefghijKLMNOPQRST".into()), (SourceId(2), "__________hello world".into())])
    }

    #[test]
    fn a_column_counts_its_sub_codes_in_the_sources_of_its_case_in_time_order() {
        let grid = framework_grid(&data(), &[CaseId(2), CaseId(1)], &[CodeId(1), CodeId(3)]);
        // Visit 1 (1 March) before Visit 2 (2 March); in Visit 2 by position.
        assert_eq!(grid.codings(CaseId(1), CodeId(1)), [CodingId(2), CodingId(1), CodingId(4)]);
        assert_eq!(grid.codings(CaseId(1), CodeId(3)), [] as [CodingId; 0]);
        assert_eq!(grid.codings(CaseId(2), CodeId(3)), [CodingId(3)]);
        assert_eq!(grid.cells[0][1], [CodingId(3)], "rows in the matrix's order: Okafor first");
        assert_eq!(grid.codings(CaseId(9), CodeId(1)), [] as [CodingId; 0]);
    }

    #[test]
    fn segments_carry_their_source_code_and_text() {
        let segments = framework_segments(&data(), &[CodingId(2), CodingId(1), CodingId(99)]);
        let seen: Vec<(&str, &str, &str)> = segments.iter().map(|s| (s.source.as_str(), s.code.as_str(), s.text.as_str())).collect();
        assert_eq!(seen, [("Visit 1", "Ruptures", "hello"), ("Visit 2", "Ruptures/Withdrawal", "01234")]);
    }
}
