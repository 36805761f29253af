//! Groups and orders excerpts: pure, over excerpts already built.
//!
//! Group order is fixed by what the groups are: codes in codebook order, cases by name (sources in
//! no case last), sources by session date (undated last) and name. The sort order applies inside
//! each group (and each case section of a code). Ties are broken by source, position, code and
//! coder, so the same project always gives the same file.

use std::collections::BTreeMap;

use super::{Excerpt, ExcerptGroup, ExcerptSection, GroupBy, SortBy};

/// An excerpt with what grouping needs beyond it.
#[derive(Debug)]
pub(super) struct Placed {
    pub excerpt: Excerpt,
    /// The code's place in the codebook's tree order.
    pub code_rank: usize,
    /// The code's definition ("" when not asked for).
    pub definition: String,
}

/// The title of the group of sources in no case.
pub(super) const NO_CASE: &str = "(no case)";

/// The excerpts as groups of sections, each in `sort` order.
pub(super) fn arrange(items: Vec<Placed>, group_by: GroupBy, sort: SortBy) -> Vec<ExcerptGroup> {
    let mut groups: BTreeMap<(usize, String, String), (String, Vec<Placed>)> = BTreeMap::new();
    for item in items {
        let f = &item.excerpt.fields;
        let key = match group_by {
            GroupBy::Code | GroupBy::CodeCase => (item.code_rank, f.code.clone(), String::new()),
            GroupBy::Case => (usize::from(f.cases.is_empty()), case_label(&item.excerpt), String::new()),
            GroupBy::Source => (usize::from(f.date.is_none()), f.date.clone().unwrap_or_default(), f.source.clone()),
        };
        let title = match group_by {
            GroupBy::Code | GroupBy::CodeCase => f.code.clone(),
            GroupBy::Case => case_label(&item.excerpt),
            GroupBy::Source => f.source.clone(),
        };
        groups.entry(key).or_insert_with(|| (title, Vec::new())).1.push(item);
    }
    groups
        .into_values()
        .map(|(title, items)| {
            let definition = items.first().map(|i| i.definition.clone()).unwrap_or_default();
            let count = items.len();
            let sections = if group_by == GroupBy::CodeCase {
                let mut by_case: BTreeMap<(usize, String), Vec<Excerpt>> = BTreeMap::new();
                for item in items {
                    let key = (usize::from(item.excerpt.fields.cases.is_empty()), case_label(&item.excerpt));
                    by_case.entry(key).or_default().push(item.excerpt);
                }
                by_case.into_iter().map(|((_, case), excerpts)| section(Some(case), excerpts, sort)).collect()
            } else {
                vec![section(None, items.into_iter().map(|i| i.excerpt).collect(), sort)]
            };
            ExcerptGroup { title, definition: if group_by == GroupBy::Case || group_by == GroupBy::Source { String::new() } else { definition }, count, sections }
        })
        .collect()
}

/// The cases of an excerpt's source as one name: `Harlow family & Mensah family`.
pub(super) fn case_label(e: &Excerpt) -> String {
    if e.fields.cases.is_empty() { NO_CASE.to_string() } else { e.fields.cases.join(" & ") }
}

fn section(title: Option<String>, mut excerpts: Vec<Excerpt>, sort: SortBy) -> ExcerptSection {
    // Undated sessions after dated ones.
    let date = |e: &Excerpt| (e.fields.date.is_none(), e.fields.date.clone());
    let tail = |e: &Excerpt| (e.fields.source.clone(), e.start, e.end, e.fields.code.clone(), e.fields.coder.clone());
    match sort {
        SortBy::Case => excerpts.sort_by_cached_key(|e| (e.fields.cases.is_empty(), case_label(e), date(e), tail(e))),
        SortBy::Date => excerpts.sort_by_cached_key(|e| (date(e), tail(e))),
        SortBy::Position => excerpts.sort_by_cached_key(tail),
    }
    ExcerptSection { title, excerpts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::excerpts::CitationFields;
    use crate::model::CodingId;

    fn placed(id: i64, code: &str, rank: usize, case: &str, source: &str, date: Option<&str>, start: usize) -> Placed {
        let fields = CitationFields {
            cases: if case.is_empty() { vec![] } else { vec![case.into()] },
            source: source.into(),
            date: date.map(String::from),
            code: code.into(),
            ..Default::default()
        };
        let excerpt = Excerpt {
            coding_id: CodingId(id),
            text: String::new(),
            citation: String::new(),
            fields,
            start,
            end: start + 1,
            context_before: String::new(),
            context_after: String::new(),
            memo: String::new(),
            other_codes: vec![],
        };
        Placed { excerpt, code_rank: rank, definition: format!("def of {code}") }
    }

    fn items() -> Vec<Placed> {
        vec![
            placed(1, "Tasks", 2, "Okafor", "b visit", Some("2025-02-01"), 50),
            placed(2, "Bond", 1, "Brandt", "a visit", Some("2025-03-01"), 10),
            placed(3, "Tasks", 2, "", "notes", None, 5),
            placed(4, "Bond", 1, "Okafor", "b visit", Some("2025-02-01"), 5),
            placed(5, "Bond", 1, "Aaron", "c visit", Some("2025-04-01"), 0),
        ]
    }

    /// A group's title and, per section, its title and coding ids.
    type Shape = (String, Vec<(Option<String>, Vec<i64>)>);

    fn shape(groups: &[ExcerptGroup]) -> Vec<Shape> {
        groups
            .iter()
            .map(|g| (g.title.clone(), g.sections.iter().map(|s| (s.title.clone(), s.excerpts.iter().map(|e| e.coding_id.0).collect())).collect()))
            .collect()
    }

    #[test]
    fn codes_come_in_codebook_order_and_cases_by_name_with_no_case_last() {
        let by_code = arrange(items(), GroupBy::Code, SortBy::Case);
        assert_eq!(shape(&by_code), [("Bond".to_string(), vec![(None, vec![5, 2, 4])]), ("Tasks".to_string(), vec![(None, vec![1, 3])])]);
        assert_eq!(by_code[0].definition, "def of Bond");
        let by_case = arrange(items(), GroupBy::Case, SortBy::Position);
        let titles: Vec<&str> = by_case.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Aaron", "Brandt", "Okafor", NO_CASE]);
        assert_eq!(shape(&by_case)[2].1[0].1, [4, 1]);
        assert!(by_case.iter().all(|g| g.definition.is_empty()));
    }

    #[test]
    fn code_then_case_makes_a_section_per_case() {
        let groups = arrange(items(), GroupBy::CodeCase, SortBy::Position);
        assert_eq!(shape(&groups)[1], ("Tasks".to_string(), vec![(Some("Okafor".to_string()), vec![1]), (Some(NO_CASE.to_string()), vec![3])]));
        assert_eq!(groups[1].count, 2);
    }

    #[test]
    fn sources_come_by_date_and_sorting_orders_within_a_group() {
        let by_source = arrange(items(), GroupBy::Source, SortBy::Position);
        let titles: Vec<&str> = by_source.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["b visit", "a visit", "c visit", "notes"]);
        assert_eq!(shape(&by_source)[0].1[0].1, [4, 1]);
        let all = |sort| arrange(items(), GroupBy::Code, sort).into_iter().flat_map(|g| g.sections).flat_map(|s| s.excerpts).map(|e| e.coding_id.0).collect::<Vec<_>>();
        // Bond: 2 (Brandt, March, "a visit"), 4 (Okafor, February, "b visit"), 5 (Aaron, April, "c visit").
        assert_eq!(all(SortBy::Case), [5, 2, 4, 1, 3]);
        assert_eq!(all(SortBy::Date), [4, 2, 5, 1, 3]);
        assert_eq!(all(SortBy::Position), [2, 4, 5, 1, 3]);
    }
}
