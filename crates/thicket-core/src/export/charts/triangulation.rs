//! The triangulation grid as a chart: each cell coloured by its corroboration status and marked
//! with the source kinds (capital letters) and perspectives (short lower-case marks) that hold
//! its codings, with a last column of corroborated / coded cases and a legend of the marks.

use crate::analysis::{CodeSummary, Triangulation, TriangulationCell};
use crate::export::colour::{self, Rgb};
use crate::export::svg::{HeatCell, HeatMap, Legend};
use crate::model::SourceKind;

/// One capital letter per source kind.
pub fn kind_mark(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Interview => "I",
        SourceKind::FocusGroup => "F",
        SourceKind::Observation => "O",
        SourceKind::FieldNote => "N",
        SourceKind::CaseFile => "C",
        SourceKind::Document => "D",
    }
}

/// "Kinds: I interview · F focus group · …", explaining the capital letters.
pub fn kinds_legend() -> String {
    let kinds: Vec<String> = SourceKind::ALL.iter().map(|k| format!("{} {}", kind_mark(*k), k.label().to_lowercase())).collect();
    format!("Kinds: {}", kinds.join(" · "))
}

/// Short lower-case marks for role names, distinct from each other: the initials of a
/// multi-word role (`social_worker` → `sw`), else its first two letters (`caregiver` → `ca`),
/// lengthened until unique.
pub fn role_marks(roles: &[String]) -> Vec<String> {
    let base = |r: &str, extra: usize| -> String {
        let words: Vec<&str> = r.split(['_', ' ', '-']).filter(|w| !w.is_empty()).collect();
        let mark: String = if words.len() > 1 {
            let mut m: String = words.iter().filter_map(|w| w.chars().next()).collect();
            m.extend(words.last().into_iter().flat_map(|w| w.chars().skip(1).take(extra)));
            m
        } else {
            r.chars().take(2 + extra).collect()
        };
        mark.to_lowercase()
    };
    let mut out: Vec<String> = roles.iter().map(|r| base(r, 0)).collect();
    for extra in 1..8 {
        let clashes: Vec<usize> = (0..out.len()).filter(|&i| out.iter().filter(|m| **m == out[i]).count() > 1).collect();
        if clashes.is_empty() {
            break;
        }
        for i in clashes {
            out[i] = base(&roles[i], extra);
        }
    }
    out
}

/// The perspectives of a grid and their marks (`analysis::perspectives` gives the roles).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleMarks {
    /// (mark, role), in the order of the roles given.
    pub marks: Vec<(String, String)>,
}

impl RoleMarks {
    pub fn new(roles: &[String]) -> Self {
        RoleMarks { marks: role_marks(roles).into_iter().zip(roles.iter().cloned()).collect() }
    }

    /// The mark of `role`; a role without one is written whole.
    pub fn mark_of(&self, role: &str) -> String {
        self.marks.iter().find(|(_, r)| r == role).map_or_else(|| role.to_string(), |(m, _)| m.clone())
    }

    /// "Roles: ca caregiver · sw social_worker", explaining the marks.
    pub fn legend(&self) -> String {
        let roles: Vec<String> = self.marks.iter().map(|(m, r)| format!("{m} {r}")).collect();
        format!("Roles: {}", roles.join(" · "))
    }
}

/// A cell as the grid shows it: its status mark, its kinds' letters and its roles' marks
/// (`M+P IF ca sw`); nothing for a cell without codings.
pub fn triangulation_text(cell: &TriangulationCell, marks: &RoleMarks) -> String {
    if cell.codings == 0 {
        return String::new();
    }
    let kinds: String = cell.kinds.iter().filter_map(|k| SourceKind::parse(k)).map(kind_mark).collect();
    let roles: Vec<String> = cell.roles.iter().map(|r| marks.mark_of(r)).collect();
    format!("{} {kinds} {}", cell.status.mark(), roles.join(" ")).trim().to_string()
}

/// A code's summary as the last column shows it: `corroborated / coded` cases.
pub fn triangulation_summary_text(s: &CodeSummary) -> String {
    format!("{} / {}", s.corroborated, s.cases_coded)
}

/// The grid, coloured by status, with a legend of the colours, the kinds and the roles.
pub fn triangulation_chart(t: &Triangulation, marks: &RoleMarks) -> HeatMap {
    let mut legend: Vec<(Option<Rgb>, String)> =
        colour::corroboration_legend().iter().map(|(s, text)| (colour::corroboration(*s, false), text.to_string())).collect();
    legend.push((None, kinds_legend()));
    legend.push((None, marks.legend()));
    HeatMap {
        title: "Triangulation: codes × cases".into(),
        subtitle: if t.rollup { "sub-codes rolled up".into() } else { String::new() },
        corner: "code".into(),
        rows: t.codes.clone(),
        cols: t.cases.clone(),
        cells: t
            .cells
            .iter()
            .map(|row| row.iter().map(|c| HeatCell { text: triangulation_text(c, marks), fill: colour::corroboration(c.status, false) }).collect())
            .collect(),
        row_totals: Some(t.summary.iter().map(triangulation_summary_text).collect()),
        totals_label: "corroborated / coded".into(),
        col_totals: None,
        total: None,
        legend: Legend::Categories(legend),
        caption: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_marks_are_short_and_distinct() {
        let roles = ["caregiver", "child", "social_worker", "supervisor", "social_welfare"].map(String::from);
        assert_eq!(role_marks(&roles), ["ca", "ch", "swo", "su", "swe"]);
        assert_eq!(role_marks(&["interviewer".into()]), ["in"]);
        let marks = RoleMarks::new(&roles);
        assert_eq!(marks.mark_of("social_worker"), "swo");
        assert_eq!(marks.mark_of("agency"), "agency");
        assert_eq!(RoleMarks::new(&["caregiver".into(), "child".into()]).legend(), "Roles: ca caregiver · ch child");
    }
}
