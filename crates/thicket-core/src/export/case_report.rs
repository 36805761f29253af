//! Case reports: for each chosen case, its sources (dates and kinds), its participants and their
//! roles, its codes with counts, the memos on the case and on its sources, and chosen excerpts
//! with citations. Several cases give one section each, a page break between them.
//!
//! ```text
//!  &Project ──build_case_report()──▶ CaseReport ──Report::document()──▶ write_report
//! ```
//!
//! Excerpts are picked with the excerpts machinery (`excerpts::select`, restricted to the case,
//! then `excerpts::build` for citations), so `--code`, `--query` and the citation template mean
//! what they mean in `export excerpts`. `ExcerptPick::per_code` caps the quotes per code, spread
//! over the case's sessions (see `spread`).

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::document::{Block, Document, Run};
use super::excerpts::{self, CitationTemplate, CodeChoice, Excerpt, ExcerptOptions, GroupBy, Selection, SortBy};
use super::report::{Report, ReportFormat};
use crate::error::{Error, Result};
use crate::model::{MemoTarget, Rgb};
use crate::project::{Project, Segment, SegmentFilter};
use crate::text::TextIndex;

/// Which excerpts a case report quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptPick {
    /// The codes (or query) whose codings are quoted.
    pub codes: CodeChoice,
    /// At most this many per code (`None`: all; `Some(0)`: no excerpts).
    pub per_code: Option<usize>,
}

impl ExcerptPick {
    /// The default: up to 3 excerpts of every code.
    pub const DEFAULT_PER_CODE: usize = 3;
}

/// What a case report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseReportOptions {
    pub title: String,
    /// The cases, by name, in the order given; empty for every case (by name).
    pub cases: Vec<String>,
    pub excerpts: ExcerptPick,
    pub citation: CitationTemplate,
}

impl CaseReportOptions {
    /// Every case, up to 3 excerpts of every code, author–date citations.
    pub fn new(title: &str) -> Result<Self> {
        Ok(CaseReportOptions {
            title: title.to_string(),
            cases: Vec::new(),
            excerpts: ExcerptPick { codes: CodeChoice::All, per_code: Some(ExcerptPick::DEFAULT_PER_CODE) },
            citation: CitationTemplate::preset_or_parse("author-date")?,
        })
    }
}

/// The report: plain data, written by `Report`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseReport {
    pub title: String,
    pub subtitle: String,
    pub cases: Vec<CaseSection>,
}

/// Everything about one case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseSection {
    pub name: String,
    pub description: String,
    /// By session date (undated last), then name.
    pub sources: Vec<CaseSource>,
    /// By name.
    pub participants: Vec<CaseParticipant>,
    /// Codes with codings in the case, in codebook order.
    pub codes: Vec<CaseCode>,
    /// Memos on the case, then on its sources (in source order), each by date.
    pub memos: Vec<CaseMemo>,
    /// Excerpts by code (codebook order), each code's by date.
    pub excerpts: Vec<CodeExcerpts>,
}

/// A source of the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseSource {
    pub name: String,
    /// The stored kind (`focus_group`).
    pub kind: String,
    pub date: Option<String>,
    pub words: usize,
    /// Other cases the source also belongs to (a focus group), by name.
    pub shared_with: Vec<String>,
}

/// A participant of the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseParticipant {
    pub name: String,
    /// The role as stored (`social_worker`); empty when none is set.
    pub role: String,
    /// The role's label (`Social worker`).
    pub role_label: String,
}

/// A code's codings in the case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseCode {
    pub path: String,
    pub colour: String,
    /// Codings of the code itself in the case's sources.
    pub codings: usize,
    /// Of the case's sources, those with such a coding.
    pub sources: usize,
}

/// A memo on the case or on one of its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseMemo {
    /// What it is attached to: `the case`, a source's name, or `SOURCE, ¶N` for a passage.
    pub on: String,
    pub title: String,
    pub body: String,
    pub coder: String,
    pub updated: String,
}

/// The excerpts of one code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeExcerpts {
    pub code: String,
    pub excerpts: Vec<Excerpt>,
}

/// Builds the report of `options.cases` (every case when empty).
pub fn build_case_report(project: &Project, options: &CaseReportOptions) -> Result<CaseReport> {
    let all_cases = project.cases()?;
    let cases = if options.cases.is_empty() {
        all_cases.clone()
    } else {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for name in &options.cases {
            let case = all_cases.iter().find(|c| &c.name == name).ok_or_else(|| Error::not_found(format!("no case named \"{name}\"")))?;
            if seen.insert(case.id) {
                out.push(case.clone());
            }
        }
        out
    };
    if cases.is_empty() {
        return Err(Error::invalid("the project has no cases to report on"));
    }
    let book = project.codebook()?;
    let sources: HashMap<_, _> = project.sources()?.into_iter().map(|s| (s.id, s)).collect();
    let case_sources = project.case_sources()?;
    let cases_of_source = project.cases_by_source()?;
    let cases_of_participant = project.cases_by_participant()?;
    let participants = project.participants()?;
    let role_labels: HashMap<String, String> = project.roles()?.into_iter().map(|r| (r.name, r.label)).collect();
    let coders: HashMap<_, _> = project.coders()?.into_iter().map(|c| (c.id, c.name)).collect();
    let memos = project.memos()?;
    let mut excerpt_options = ExcerptOptions::new(&options.title)?;
    excerpt_options.group_by = GroupBy::Code;
    excerpt_options.sort = SortBy::Date;
    excerpt_options.citation = options.citation.clone();
    // Retrieval reads every coding and turn once, so it runs once for all the chosen cases, and
    // each case takes its own from the result (a focus group's codings belong to several).
    let names: Vec<String> = cases.iter().map(|c| c.name.clone()).collect();
    let all_segments = project.segments(&SegmentFilter { cases: names.clone(), ..SegmentFilter::default() })?;
    let quotable = match options.excerpts.per_code {
        Some(0) => Vec::new(),
        _ => excerpts::select(project, &Selection { cases: names, ..Selection::of(options.excerpts.codes.clone()) })?,
    };
    let of_case = |segments: &[Segment], name: &str| -> Vec<Segment> { segments.iter().filter(|s| s.cases.iter().any(|c| c == name)).cloned().collect() };

    let mut sections = Vec::new();
    for case in &cases {
        let mut own: Vec<_> = case_sources.iter().filter(|(c, _)| *c == case.id).filter_map(|(_, s)| sources.get(s)).collect();
        own.sort_by(|a, b| (a.date.is_none(), &a.date, &a.name).cmp(&(b.date.is_none(), &b.date, &b.name)));
        let section_sources = own
            .iter()
            .map(|s| CaseSource {
                name: s.name.clone(),
                kind: s.kind.as_str().to_string(),
                date: s.date.clone(),
                words: s.word_count,
                shared_with: cases_of_source.get(&s.id).into_iter().flatten().filter(|n| **n != case.name).cloned().collect(),
            })
            .collect();
        let section_participants = participants
            .iter()
            .filter(|p| cases_of_participant.get(&p.id).is_some_and(|cs| cs.contains(&case.name)))
            .map(|p| CaseParticipant {
                name: p.name.clone(),
                role: p.role.clone().unwrap_or_default(),
                role_label: p.role.as_ref().map(|r| role_labels.get(r).cloned().unwrap_or_else(|| r.replace('_', " "))).unwrap_or_default(),
            })
            .collect();

        let segments = of_case(&all_segments, &case.name);
        let mut per_code: HashMap<_, (usize, BTreeSet<_>)> = HashMap::new();
        for s in &segments {
            let entry = per_code.entry(s.code_id).or_default();
            entry.0 += 1;
            entry.1.insert(s.source_id);
        }
        let codes = book
            .walk()
            .into_iter()
            .filter_map(|(_, c)| {
                let (n, srcs) = per_code.get(&c.id)?;
                Some(CaseCode { path: book.path(c.id).unwrap_or_default().to_string(), colour: c.color.clone(), codings: *n, sources: srcs.len() })
            })
            .collect();

        let mut case_memos: Vec<CaseMemo> = Vec::new();
        let memo_of = |m: &crate::model::Memo, on: String| CaseMemo {
            on,
            title: m.title.clone(),
            body: m.body.clone(),
            coder: coders.get(&m.coder_id).cloned().unwrap_or_default(),
            updated: m.updated_at.clone(),
        };
        let mut on_case: Vec<_> = memos.iter().filter(|m| m.target == MemoTarget::Case { id: case.id }).collect();
        on_case.sort_by(|a, b| (&a.created_at, a.id).cmp(&(&b.created_at, b.id)));
        case_memos.extend(on_case.into_iter().map(|m| memo_of(m, "the case".to_string())));
        for s in &own {
            let mut on_source: Vec<_> = memos.iter().filter(|m| matches!(m.target, MemoTarget::Source { id, .. } if id == s.id)).collect();
            if on_source.is_empty() {
                continue;
            }
            on_source.sort_by(|a, b| (&a.created_at, a.id).cmp(&(&b.created_at, b.id)));
            let needs_index = on_source.iter().any(|m| matches!(m.target, MemoTarget::Source { span: Some(_), .. }));
            let index = if needs_index { Some(TextIndex::new(&project.source_text(s.id)?)) } else { None };
            for m in on_source {
                let on = match (&m.target, &index) {
                    (MemoTarget::Source { span: Some(span), .. }, Some(index)) => {
                        format!("{}, ¶{}", s.name, index.paragraph_of_char(span.start).unwrap_or(1))
                    }
                    _ => s.name.clone(),
                };
                case_memos.push(memo_of(m, on));
            }
        }

        let excerpts = match options.excerpts.per_code {
            Some(0) => Vec::new(),
            limit => {
                let chosen = spread(of_case(&quotable, &case.name), limit);
                let built = excerpts::build(project, chosen, &excerpt_options)?;
                built
                    .groups
                    .into_iter()
                    .map(|g| CodeExcerpts { code: g.title, excerpts: g.sections.into_iter().flat_map(|s| s.excerpts).collect() })
                    .collect()
            }
        };
        sections.push(CaseSection {
            name: case.name.clone(),
            description: case.description.trim().to_string(),
            sources: section_sources,
            participants: section_participants,
            codes,
            memos: case_memos,
            excerpts,
        });
    }
    let subtitle = match sections.as_slice() {
        [one] => one.name.clone(),
        many => format!("{} cases", many.len()),
    };
    Ok(CaseReport { title: options.title.clone(), subtitle, cases: sections })
}

/// At most `limit` segments of each code, spread over the sessions: the first coding of the code
/// in each source (sources by date, then name), then the second in each, and so on, so that a
/// handful of quotes shows the course of the case rather than its first session only. A passage
/// coded alike by several coders is quoted once (the first coder's by name).
fn spread(segments: Vec<Segment>, limit: Option<usize>) -> Vec<Segment> {
    let mut seen = BTreeSet::new();
    let segments: Vec<Segment> = segments.into_iter().filter(|s| seen.insert((s.code_id, s.source_id, s.start, s.end))).collect();
    let Some(limit) = limit else { return segments };
    let mut by_code: HashMap<_, Vec<Segment>> = HashMap::new();
    for s in segments {
        by_code.entry(s.code_id).or_default().push(s);
    }
    let mut out = Vec::new();
    for (_, mut list) in by_code {
        list.sort_by(|a, b| (a.date.is_none(), &a.date, &a.source, a.start).cmp(&(b.date.is_none(), &b.date, &b.source, b.start)));
        let mut rank_in_source: HashMap<_, usize> = HashMap::new();
        let mut ranked: Vec<(usize, usize, Segment)> = list
            .into_iter()
            .enumerate()
            .map(|(order, s)| {
                let rank = rank_in_source.entry(s.source_id).or_insert(0);
                *rank += 1;
                (*rank, order, s)
            })
            .collect();
        ranked.sort_by_key(|(rank, order, _)| (*rank, *order));
        out.extend(ranked.into_iter().take(limit).map(|(_, _, s)| s));
    }
    out
}

fn swatch(colour: &str) -> Option<[u8; 3]> {
    Rgb::parse(colour).map(|c| [c.0, c.1, c.2])
}

impl Report for CaseReport {
    const FORMATS: &'static [ReportFormat] = &[ReportFormat::Markdown, ReportFormat::Html, ReportFormat::Docx, ReportFormat::Json];

    /// One level-1 section per case, a page break between cases.
    fn document(&self) -> Document {
        let mut doc = Document::new(&self.title);
        doc.subtitle = self.subtitle.clone();
        doc.contents = self.cases.len() > 1;
        for (i, case) in self.cases.iter().enumerate() {
            if i > 0 {
                doc.blocks.push(Block::PageBreak);
            }
            doc.heading(1, &case.name);
            if !case.description.is_empty() {
                doc.text(&case.description);
            }
            doc.heading(2, "Sources");
            let rows = case
                .sources
                .iter()
                .map(|s| {
                    let kind = crate::model::SourceKind::parse(&s.kind).map_or(s.kind.clone(), |k| k.label().to_string());
                    let shared = if s.shared_with.is_empty() { String::new() } else { format!("also {}", s.shared_with.join(", ")) };
                    vec![s.name.clone(), kind, s.date.clone().unwrap_or_default(), s.words.to_string(), shared]
                })
                .collect();
            doc.table(["Source", "Kind", "Date", "Words", "Shared with"].map(String::from).to_vec(), rows);
            doc.heading(2, "Participants");
            let rows = case.participants.iter().map(|p| vec![p.name.clone(), p.role_label.clone()]).collect();
            doc.table(vec!["Participant".into(), "Role".into()], rows);
            doc.heading(2, "Codes");
            if case.codes.is_empty() {
                doc.note("No codings in this case yet.");
            } else {
                let rows = case.codes.iter().map(|c| vec![c.path.clone(), c.codings.to_string(), c.sources.to_string()]).collect();
                let colours = case.codes.iter().map(|c| swatch(&c.colour)).collect();
                doc.blocks.push(Block::Table { header: vec!["Code".into(), "Codings".into(), "Sources".into()], rows, colours });
            }
            if !case.memos.is_empty() {
                doc.heading(2, "Memos");
                for m in &case.memos {
                    let title = if m.title.is_empty() { "Memo".to_string() } else { m.title.clone() };
                    doc.paragraph(vec![Run::bold(title), Run::plain(format!(" (on {})", m.on))]);
                    for para in m.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                        doc.text(para);
                    }
                    doc.note(format!("{}, {}", m.coder, m.updated.get(..10).unwrap_or(&m.updated)));
                }
            }
            if !case.excerpts.is_empty() {
                doc.heading(2, "Excerpts");
                for group in &case.excerpts {
                    doc.heading(3, &group.code);
                    for e in &group.excerpts {
                        doc.quote(&e.text, &e.citation);
                    }
                }
            }
        }
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CodeId, CodingId, SourceId, SourceKind};

    fn seg(id: i64, source: i64, date: &str, start: usize) -> Segment {
        Segment {
            coding_id: CodingId(id),
            source_id: SourceId(source),
            source: format!("S{source}"),
            kind: SourceKind::Interview,
            date: Some(date.to_string()),
            code_id: CodeId(1),
            code: "Repair".into(),
            coder: "A".into(),
            start,
            end: start + 5,
            text: String::new(),
            cases: Vec::new(),
            speakers: Vec::new(),
            roles: Vec::new(),
            line: 1,
            paragraph: 1,
            time_ms: None,
            memo: String::new(),
        }
    }

    #[test]
    fn excerpts_are_spread_over_sessions_before_a_second_from_any() {
        let segments = vec![seg(1, 1, "2025-01-01", 0), seg(2, 1, "2025-01-01", 10), seg(3, 1, "2025-01-01", 20), seg(4, 2, "2025-02-01", 0), seg(5, 3, "2025-03-01", 0)];
        let ids = |v: Vec<Segment>| v.into_iter().map(|s| s.coding_id.0).collect::<Vec<_>>();
        assert_eq!(ids(spread(segments.clone(), Some(3))), [1, 4, 5]);
        assert_eq!(ids(spread(segments.clone(), Some(4))), [1, 4, 5, 2]);
        assert_eq!(ids(spread(segments.clone(), None)), [1, 2, 3, 4, 5]);
        // The same passage coded by a second coder is quoted once.
        let mut twice = segments;
        twice.insert(1, Segment { coding_id: CodingId(9), coder: "B".into(), ..seg(1, 1, "2025-01-01", 0) });
        assert_eq!(ids(spread(twice, Some(2))), [1, 4]);
    }
}
