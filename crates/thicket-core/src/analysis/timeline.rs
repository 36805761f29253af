//! Timeline: per case, how often each code was applied at each session.
//!
//! In: `AnalysisData` and whether to roll codes up. Out: for every case (by name) its sessions in
//! time order, each with its date, session number, sources and the number of codings of every
//! code (codebook order) in those sources.
//!
//! A session is a date on which the case has at least one source (see
//! `AnalysisData::session_numbers`); all of the case's undated sources form one last entry with
//! no date and no session number. Sessions without codings are kept, so a plot shows the gaps.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::data::AnalysisData;
use crate::model::*;

/// Codes per session, case by case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub rollup: bool,
    /// Code paths, in codebook order: the order of every `counts`.
    pub codes: Vec<String>,
    pub cases: Vec<CaseTimeline>,
}

/// One case's sessions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseTimeline {
    pub case: String,
    pub sessions: Vec<TimelineSession>,
}

/// One session (or the undated sources) of a case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineSession {
    /// 1-based session number; `None` for the undated sources.
    pub session: Option<usize>,
    pub date: Option<String>,
    /// Names of the case's sources of that date, in case order.
    pub sources: Vec<String>,
    /// Codings per code (with rollup: of the code's branch).
    pub counts: Vec<u64>,
    /// Codings in these sources, each once.
    pub total: u64,
}

/// Counts codings per code for every session of every case.
pub fn timeline(data: &AnalysisData, rollup: bool) -> Timeline {
    let codes = data.code_paths();
    let rows_of = data.rows_of_codes(rollup);
    let mut by_source: HashMap<SourceId, Vec<&[usize]>> = HashMap::new();
    for c in &data.codings {
        if let Some(rows) = rows_of.get(&c.code) {
            by_source.entry(c.source).or_default().push(rows);
        }
    }
    let order = data.case_sources_in_order();
    let cases = data
        .cases_by_name()
        .into_iter()
        .map(|case| {
            // Sources in case order grouped by date; undated ones (last in the order) together.
            let mut groups: BTreeMap<(bool, String), Vec<SourceId>> = BTreeMap::new();
            for s in order.get(&case).into_iter().flatten() {
                let date = data.date_of(*s);
                groups.entry((date.is_none(), date.unwrap_or_default().to_string())).or_default().push(*s);
            }
            let mut n = 0;
            let sessions = groups
                .into_iter()
                .map(|((undated, date), sources)| {
                    let mut counts = vec![0u64; codes.len()];
                    let mut total = 0;
                    for rows in sources.iter().filter_map(|s| by_source.get(s)).flatten() {
                        total += 1;
                        for &r in *rows {
                            counts[r] += 1;
                        }
                    }
                    if !undated {
                        n += 1;
                    }
                    TimelineSession {
                        session: (!undated).then_some(n),
                        date: (!undated).then_some(date),
                        sources: sources.iter().filter_map(|s| data.sources.get(s).map(|s| s.name.clone())).collect(),
                        counts,
                        total,
                    }
                })
                .collect();
            CaseTimeline { case: data.cases.get(&case).map(|c| c.name.clone()).unwrap_or_default(), sessions }
        })
        .collect();
    Timeline { rollup, codes, cases }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::data::fixture;

    // Rows: Ruptures, Withdrawal, Repair, Honesty. Case A: s1 (2025-02-11): 1 W, 2 W, 3 H, 4 R;
    // s2 (2025-03-04): 5 W, 6 H; s3 (2025-03-20): 7 H. Case B: s2.

    #[test]
    fn each_case_lists_its_sessions_with_counts_per_code() {
        let t = timeline(&fixture::data(), false);
        assert_eq!(t.cases.len(), 2);
        let a = &t.cases[0];
        assert_eq!(a.case, "A");
        let dates: Vec<_> = a.sessions.iter().map(|s| (s.session, s.date.clone().unwrap())).collect();
        assert_eq!(dates, [(Some(1), "2025-02-11".to_string()), (Some(2), "2025-03-04".into()), (Some(3), "2025-03-20".into())]);
        assert_eq!(a.sessions[0].counts, [1, 2, 0, 1]);
        assert_eq!(a.sessions[0].total, 4);
        assert_eq!(a.sessions[1].counts, [0, 1, 0, 1]);
        assert_eq!(a.sessions[2].counts, [0, 0, 0, 1]);
        // The observation is in both cases, and it is case B's first session.
        assert_eq!(t.cases[1].sessions[0].session, Some(1));
        assert_eq!(t.cases[1].sessions[0].sources, ["b-observation"]);
        assert_eq!(t.cases[1].sessions[0].counts, [0, 1, 0, 1]);
    }

    #[test]
    fn rollup_adds_a_branch_to_its_parent_and_undated_sources_come_last() {
        let mut d = fixture::data();
        d.sources.get_mut(&SourceId(1)).unwrap().date = None;
        let t = timeline(&d, true);
        let a = &t.cases[0];
        // s2 is now session 1, s3 session 2, and s1 the undated entry.
        assert_eq!(a.sessions.iter().map(|s| s.session).collect::<Vec<_>>(), [Some(1), Some(2), None]);
        // s1 with rollup: Ruptures 4 + Withdrawal 1, 2 = 3; Withdrawal 2; Repair 3 (via Honesty) = 1; Honesty 1.
        assert_eq!(a.sessions[2].counts, [3, 2, 1, 1]);
        assert_eq!(a.sessions[2].total, 4);
        assert_eq!(a.sessions[2].date, None);
    }

    #[test]
    fn sessions_without_codings_are_kept() {
        let t = timeline(&fixture::data_with(vec![]), false);
        assert_eq!(t.cases[0].sessions.len(), 3);
        assert!(t.cases[0].sessions.iter().all(|s| s.total == 0 && s.counts == [0, 0, 0, 0]));
    }
}
