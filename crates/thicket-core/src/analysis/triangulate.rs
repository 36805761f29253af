//! Triangulation: does a code's evidence in a case come from more than one method or perspective?
//!
//! In: `AnalysisData` loaded with speakers, and `TriangulationOptions` (rollup, roles to leave
//! out). Out: a code × case grid whose cells list the source kinds and stakeholder roles that
//! hold at least one coding of the code in the case, with a status, and a summary per code.
//!
//! A cell is corroborated *across methods* with ≥ 2 kinds, *across perspectives* with ≥ 2 roles;
//! a cell can be both, and its status then says `methods+perspectives`. A cell with codings that
//! is neither is `single-source`; a cell without codings is `absent`.
//!
//! Perspectives are roles (`AnalysisData::perspectives_of`): in a transcript, the roles of the
//! speakers of a coding; in a source without turns, its author's (the agency for a case file,
//! the researcher for an observation), never the people it is about. A coding in a transcript of
//! several cases (a focus group) corroborates only the cases of those who said it
//! (`AnalysisData::voiced_cases`). Two kinds or two roles must come from one coder's codings,
//! unless `across_coders`: one coder's Mistrust in an interview and another's in a case file is
//! two readings, not two methods.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::data::AnalysisData;
use crate::error::{Error, Result};
use crate::model::*;

/// What to triangulate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TriangulationOptions {
    /// Count a code together with all its descendants.
    pub rollup: bool,
    /// Roles that do not count as perspectives (e.g. `interviewer`).
    pub ignore_roles: Vec<String>,
    /// Let kinds and roles of different coders' codings corroborate each other.
    pub across_coders: bool,
}

/// The status of one case × code cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Corroboration {
    /// No coding of the code in the case.
    #[serde(rename = "absent")]
    Absent,
    /// Codings, but from one kind of source and at most one role.
    #[serde(rename = "single-source")]
    SingleSource,
    /// ≥ 2 source kinds, ≤ 1 role.
    #[serde(rename = "methods")]
    Methods,
    /// ≥ 2 roles, 1 source kind.
    #[serde(rename = "perspectives")]
    Perspectives,
    /// ≥ 2 source kinds and ≥ 2 roles.
    #[serde(rename = "methods+perspectives")]
    MethodsAndPerspectives,
}

impl Corroboration {
    /// The status as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Corroboration::Absent => "absent",
            Corroboration::SingleSource => "single-source",
            Corroboration::Methods => "methods",
            Corroboration::Perspectives => "perspectives",
            Corroboration::MethodsAndPerspectives => "methods+perspectives",
        }
    }

    /// A short mark for grids: `M+P`, `M`, `P`, `S`, or nothing.
    pub fn mark(self) -> &'static str {
        match self {
            Corroboration::Absent => "",
            Corroboration::SingleSource => "S",
            Corroboration::Methods => "M",
            Corroboration::Perspectives => "P",
            Corroboration::MethodsAndPerspectives => "M+P",
        }
    }

    /// True across methods, perspectives or both.
    pub fn is_corroborated(self) -> bool {
        matches!(self, Corroboration::Methods | Corroboration::Perspectives | Corroboration::MethodsAndPerspectives)
    }

    fn of(kinds: usize, roles: usize, codings: u64) -> Self {
        match (kinds >= 2, roles >= 2) {
            _ if codings == 0 => Corroboration::Absent,
            (true, true) => Corroboration::MethodsAndPerspectives,
            (true, false) => Corroboration::Methods,
            (false, true) => Corroboration::Perspectives,
            (false, false) => Corroboration::SingleSource,
        }
    }
}

/// One case × code cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriangulationCell {
    /// Codings of the code (with rollup: of its branch) in the case's sources.
    pub codings: u64,
    /// Names of the sources holding them, sorted.
    pub sources: Vec<String>,
    /// Their source kinds, in kind order.
    pub kinds: Vec<String>,
    /// The perspectives (roles) they carry, of all coders, sorted.
    pub roles: Vec<String>,
    pub across_methods: bool,
    pub across_perspectives: bool,
    pub status: Corroboration,
}

/// Per code: in how many cases it is coded and corroborated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeSummary {
    pub code: String,
    /// Cases with at least one coding.
    pub cases_coded: u64,
    /// Cases corroborated across methods, perspectives or both.
    pub corroborated: u64,
    /// Cases with ≥ 2 kinds (including those that are also across perspectives).
    pub across_methods: u64,
    /// Cases with ≥ 2 roles (including those that are also across methods).
    pub across_perspectives: u64,
    /// Cases with both.
    pub both: u64,
    pub single_source: u64,
}

/// The grid and its summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Triangulation {
    pub rollup: bool,
    pub across_coders: bool,
    /// Case names, sorted.
    pub cases: Vec<String>,
    /// Code paths, in codebook order.
    pub codes: Vec<String>,
    /// `cells[code][case]`.
    pub cells: Vec<Vec<TriangulationCell>>,
    /// One per code, in codebook order.
    pub summary: Vec<CodeSummary>,
}

/// The perspectives in use, sorted and distinct: the roles of participants and the authors of
/// sources (what a grid's legend explains and what can be left out).
pub fn perspectives(data: &AnalysisData) -> Vec<String> {
    let set: BTreeSet<String> = data.participants.values().filter_map(|p| p.role.clone()).chain(data.sources.values().filter_map(|s| s.author.clone())).collect();
    set.into_iter().collect()
}

/// Triangulates every code in every case.
pub fn triangulate(data: &AnalysisData, options: &TriangulationOptions) -> Result<Triangulation> {
    data.require_speakers("triangulation")?;
    let in_use: BTreeSet<&str> =
        data.participants.values().filter_map(|p| p.role.as_deref()).chain(data.sources.values().filter_map(|s| s.author.as_deref())).collect();
    for r in &options.ignore_roles {
        if !in_use.contains(r.as_str()) {
            let known: Vec<&str> = in_use.iter().copied().collect();
            return Err(Error::not_found(format!("no participant has the role \"{r}\" (roles in use: {})", known.join(", "))));
        }
    }
    let case_ids = data.cases_by_name();
    let col_of: HashMap<CaseId, usize> = case_ids.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let rows_of = data.rows_of_codes(options.rollup);
    let codes = data.code_paths();
    /// Kinds and roles seen together: of one coder, or of all when pooled.
    #[derive(Default)]
    struct Seen {
        kinds: BTreeSet<SourceKind>,
        roles: BTreeSet<String>,
    }
    #[derive(Default)]
    struct Acc {
        codings: u64,
        sources: BTreeSet<String>,
        all: Seen,
        by_coder: BTreeMap<CoderId, Seen>,
    }
    let mut acc: BTreeMap<(usize, usize), Acc> = BTreeMap::new();
    for c in &data.codings {
        let (Some(rows), Some(source)) = (rows_of.get(&c.code), data.sources.get(&c.source)) else { continue };
        let mut roles = data.perspectives_of(c);
        roles.retain(|r| !options.ignore_roles.contains(r));
        for case in data.voiced_cases(c) {
            let Some(&col) = col_of.get(&case) else { continue };
            for &row in rows {
                let a = acc.entry((row, col)).or_default();
                a.codings += 1;
                a.sources.insert(source.name.clone());
                for seen in [&mut a.all, a.by_coder.entry(c.coder).or_default()] {
                    seen.kinds.insert(source.kind);
                    seen.roles.extend(roles.iter().cloned());
                }
            }
        }
    }
    let cells: Vec<Vec<TriangulationCell>> = (0..codes.len())
        .map(|row| {
            (0..case_ids.len())
                .map(|col| {
                    let a = acc.remove(&(row, col)).unwrap_or_default();
                    // The most kinds and roles that one coder (or, across coders, all) reached.
                    let pooled = [&a.all];
                    let groups: Vec<&Seen> = if options.across_coders { pooled.to_vec() } else { a.by_coder.values().collect() };
                    let kinds = groups.iter().map(|g| g.kinds.len()).max().unwrap_or(0);
                    let roles = groups.iter().map(|g| g.roles.len()).max().unwrap_or(0);
                    TriangulationCell {
                        codings: a.codings,
                        across_methods: kinds >= 2,
                        across_perspectives: roles >= 2,
                        status: Corroboration::of(kinds, roles, a.codings),
                        sources: a.sources.into_iter().collect(),
                        kinds: a.all.kinds.iter().map(|k| k.as_str().to_string()).collect(),
                        roles: a.all.roles.into_iter().collect(),
                    }
                })
                .collect()
        })
        .collect();
    let summary = codes
        .iter()
        .zip(&cells)
        .map(|(code, row)| {
            let count = |f: &dyn Fn(&TriangulationCell) -> bool| row.iter().filter(|c| f(c)).count() as u64;
            CodeSummary {
                code: code.clone(),
                cases_coded: count(&|c| c.codings > 0),
                corroborated: count(&|c| c.status.is_corroborated()),
                across_methods: count(&|c| c.codings > 0 && c.across_methods),
                across_perspectives: count(&|c| c.codings > 0 && c.across_perspectives),
                both: count(&|c| c.status == Corroboration::MethodsAndPerspectives),
                single_source: count(&|c| c.status == Corroboration::SingleSource),
            }
        })
        .collect();
    Ok(Triangulation {
        rollup: options.rollup,
        across_coders: options.across_coders,
        cases: case_ids.iter().filter_map(|c| data.cases.get(c).map(|c| c.name.clone())).collect(),
        codes,
        cells,
        summary,
    })
}

/// The codings behind the cell of row `row` (codebook order) and case `col` (the order of
/// `Triangulation::cases`, by name), with the same rollup and the same rule for focus groups
/// (`AnalysisData::voiced_cases`), sorted by id: what a click on a triangulation cell should
/// show. Ignored roles do not remove codings, as in the grid.
pub fn triangulation_codings(data: &AnalysisData, options: &TriangulationOptions, row: usize, col: usize) -> Vec<CodingId> {
    let Some(case) = data.cases_by_name().get(col).copied() else { return Vec::new() };
    let rows_of = data.rows_of_codes(options.rollup);
    let mut out: Vec<CodingId> = data
        .codings
        .iter()
        .filter(|c| rows_of.get(&c.code).is_some_and(|rows| rows.contains(&row)))
        .filter(|c| data.sources.contains_key(&c.source) && data.voiced_cases(c).contains(&case))
        .map(|c| c.id)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture;

    // Rows: 0 Ruptures, 1 Withdrawal, 2 Repair, 3 Honesty; columns: A, B. Codings (`data::fixture`):
    // s1 interview (A): 1 W Dana (Amara), 2 W Dana+Sam (Amara), 3 H Sam (Amara), 4 R Dana (Jonas);
    // s2 observation (A and B, about Dana, written by the researcher): 5 W (Jonas), 6 H (Amara);
    // s3 interview (A): 7 H Sam (Amara).

    fn across() -> TriangulationOptions {
        TriangulationOptions { across_coders: true, ..Default::default() }
    }

    #[test]
    fn cells_list_kinds_and_roles_and_take_a_status() {
        let t = triangulate(&fixture::data(), &across()).unwrap();
        assert_eq!(t.cases, ["A", "B"]);
        // A × Withdrawal: interview and observation; Dana and Sam speak, the researcher wrote s2.
        let aw = &t.cells[1][0];
        assert_eq!(aw.codings, 3);
        assert_eq!(aw.kinds, ["interview", "observation"]);
        assert_eq!(aw.roles, ["caregiver", "researcher", "social_worker"]);
        assert_eq!(aw.sources, ["a-interview", "b-observation"]);
        assert_eq!(aw.status, Corroboration::MethodsAndPerspectives);
        // B × Withdrawal: the observation only, the researcher's.
        assert_eq!(t.cells[1][1].roles, ["researcher"]);
        assert_eq!(t.cells[1][1].status, Corroboration::SingleSource);
        // A × Ruptures: coding 4 only.
        assert_eq!(t.cells[0][0].status, Corroboration::SingleSource);
        // Repair has no codings of its own.
        assert_eq!(t.cells[2][0].status, Corroboration::Absent);
        assert_eq!(t.summary[1], CodeSummary {
            code: "Ruptures/Withdrawal".into(), cases_coded: 2, corroborated: 1, across_methods: 1, across_perspectives: 1, both: 1, single_source: 1,
        });
        assert_eq!(t.summary[2].cases_coded, 0);
    }

    #[test]
    fn kinds_and_roles_corroborate_within_one_coder_unless_asked_across_coders() {
        let d = fixture::data();
        let t = triangulate(&d, &TriangulationOptions::default()).unwrap();
        assert!(!t.across_coders);
        // A × Withdrawal: Amara's 1 and 2 are in the interview (Dana, Sam): two roles, one kind;
        // the observation's 5 is Jonas's, so it adds no second kind to Amara's.
        assert_eq!(t.cells[1][0].status, Corroboration::Perspectives);
        // The lists still show what all coders' codings hold.
        assert_eq!(t.cells[1][0].kinds, ["interview", "observation"]);
        // A × Honesty: Amara's 3 (interview, Sam), 6 (observation, researcher), 7 (interview, Sam).
        assert_eq!(t.cells[3][0].status, Corroboration::MethodsAndPerspectives);
        assert_eq!(triangulate(&d, &across()).unwrap().cells[1][0].status, Corroboration::MethodsAndPerspectives);
    }

    #[test]
    fn a_source_without_turns_carries_its_authors_perspective_not_the_people_it_is_about() {
        // Honesty in Sam's turn of the interview, and in the observation about Dana, by one coder.
        let codings = vec![fixture::coding(1, 4, 1, 60, 70, 1), fixture::coding(2, 4, 2, 0, 10, 1)];
        let mut d = fixture::data_with(codings);
        assert_eq!(triangulate(&d, &across()).unwrap().cells[3][0].roles, ["researcher", "social_worker"]);
        // Without an author the observation adds no perspective; Dana, whom it is about, is none.
        d.sources.get_mut(&SourceId(2)).unwrap().author = None;
        let t = triangulate(&d, &across()).unwrap();
        assert_eq!(t.cells[3][0].roles, ["social_worker"]);
        assert_eq!(t.cells[3][0].status, Corroboration::Methods);
        // An agency's case file about Dana is the agency's perspective.
        d.sources.get_mut(&SourceId(2)).unwrap().author = Some("agency".into());
        assert_eq!(triangulate(&d, &across()).unwrap().cells[3][0].roles, ["agency", "social_worker"]);
    }

    #[test]
    fn a_focus_group_passage_corroborates_only_the_case_of_who_said_it() {
        // Make s2 (cases A and B) a transcript: Dana (case A) speaks 0..30, Sam (case B) 30..60.
        let mut d = fixture::data_with(vec![fixture::coding(1, 4, 2, 0, 10, 1), fixture::coding(2, 4, 2, 40, 50, 1)]);
        d.turns.insert(SourceId(2), vec![fixture::turn(10, 2, 1, 0, 30), fixture::turn(11, 2, 2, 30, 60)]);
        d.codings[0].participants = vec![ParticipantId(1)];
        d.codings[1].participants = vec![ParticipantId(2)];
        d = d.with_participant_cases([(ParticipantId(1), CaseId(1)), (ParticipantId(2), CaseId(2))]);
        let t = triangulate(&d, &across()).unwrap();
        assert_eq!((t.cells[3][0].codings, t.cells[3][0].roles.clone()), (1, vec!["caregiver".to_string()]));
        assert_eq!((t.cells[3][1].codings, t.cells[3][1].roles.clone()), (1, vec!["social_worker".to_string()]));
        assert_eq!(triangulation_codings(&d, &across(), 3, 0), [CodingId(1)]);
        assert_eq!(triangulation_codings(&d, &across(), 3, 1), [CodingId(2)]);
    }

    #[test]
    fn rollup_pools_a_branch_and_ignored_roles_do_not_count() {
        let d = fixture::data();
        let t = triangulate(&d, &TriangulationOptions { rollup: true, ..across() }).unwrap();
        // Ruptures with Withdrawal in A: codings 4, 1, 2, 5.
        assert_eq!(t.cells[0][0].codings, 4);
        assert_eq!(t.cells[0][0].status, Corroboration::MethodsAndPerspectives);
        let ignore = vec!["social_worker".into(), "researcher".into()];
        let t = triangulate(&d, &TriangulationOptions { ignore_roles: ignore, ..across() }).unwrap();
        // Without Sam and the researcher, A × Withdrawal has one role left: across methods only.
        assert_eq!(t.cells[1][0].roles, ["caregiver"]);
        assert_eq!(t.cells[1][0].status, Corroboration::Methods);
        let err = triangulate(&d, &TriangulationOptions { ignore_roles: vec!["mother".into()], ..across() }).unwrap_err();
        assert_eq!(err.to_string(), "no participant has the role \"mother\" (roles in use: caregiver, child, researcher, social_worker)");
    }

    #[test]
    fn two_speakers_in_one_interview_corroborate_across_perspectives_only() {
        // Honesty in s1, once in Dana's turn (10..20) and once in Sam's (60..70).
        let d = fixture::data_with(vec![fixture::coding(1, 4, 1, 10, 20, 1), fixture::coding(2, 4, 1, 60, 70, 1)]);
        let t = triangulate(&d, &TriangulationOptions::default()).unwrap();
        assert_eq!(t.cells[3][0].status, Corroboration::Perspectives);
        assert_eq!(t.cells[3][0].status.mark(), "P");
        assert_eq!(t.summary[3].across_perspectives, 1);
        assert_eq!(t.summary[3].across_methods, 0);
    }

    #[test]
    fn a_cells_codings_are_the_ones_it_counts() {
        let d = fixture::data();
        let options = TriangulationOptions { rollup: true, ignore_roles: vec!["social_worker".into()], across_coders: false };
        let t = triangulate(&d, &options).unwrap();
        // Ruptures with its branch in A: codings 1, 2, 4, 5; in B: 5 (the shared observation).
        assert_eq!(triangulation_codings(&d, &options, 0, 0), [CodingId(1), CodingId(2), CodingId(4), CodingId(5)]);
        assert_eq!(triangulation_codings(&d, &options, 0, 1), [CodingId(5)]);
        for (row, cells) in t.cells.iter().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                assert_eq!(triangulation_codings(&d, &options, row, col).len() as u64, cell.codings, "row {row} col {col}");
            }
        }
        assert!(triangulation_codings(&d, &options, 0, 9).is_empty());
    }

    #[test]
    fn no_codings_means_every_cell_is_absent() {
        let t = triangulate(&fixture::data_with(vec![]), &TriangulationOptions::default()).unwrap();
        assert!(t.cells.iter().flatten().all(|c| c.status == Corroboration::Absent));
        assert!(t.summary.iter().all(|s| s.cases_coded == 0));
    }
}
