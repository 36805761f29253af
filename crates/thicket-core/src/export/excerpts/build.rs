//! From segments to the `Excerpts` model: reads what quotes need from the project (source
//! texts for context, the other codings on each passage, code definitions, PDF pages), renders
//! each citation, and hands the excerpts to `arrange`.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::arrange::{Placed, arrange};
use super::{CitationFields, Excerpt, ExcerptOptions, Excerpts, Shown};
use crate::error::Result;
use crate::model::{CodeId, Codebook, Coding, Source, SourceId};
use crate::project::{Project, Segment};
use crate::text::{TextIndex, sentences};

/// Builds the export of `segments` (from `select`) with `options`.
pub fn build(project: &Project, segments: Vec<Segment>, options: &ExcerptOptions) -> Result<Excerpts> {
    let mut builder = Builder::new(project, options)?;
    builder.add(project, segments)?;
    Ok(builder.finish())
}

/// An export built a few sources at a time (the window builds a piece per frame): `add` reads
/// what the quotes of some segments need and makes their excerpts; `finish`, which reads nothing
/// and so may run on any thread, groups and sorts them.
#[derive(Debug)]
pub struct Builder {
    options: ExcerptOptions,
    book: Codebook,
    rank: HashMap<CodeId, usize>,
    pages: HashMap<SourceId, Vec<usize>>,
    placed: Vec<Placed>,
}

impl Builder {
    /// An empty export with `options`; reads the codebook and the sources' pages.
    pub fn new(project: &Project, options: &ExcerptOptions) -> Result<Self> {
        Ok(Self::with_sources(project.codebook()?, project.sources()?.iter(), options))
    }

    /// An empty export with `options`, given the codebook and the sources (read already).
    pub fn with_sources<'a>(book: Codebook, sources: impl Iterator<Item = &'a Source>, options: &ExcerptOptions) -> Self {
        let rank = book.walk().iter().enumerate().map(|(i, (_, c))| (c.id, i)).collect();
        let pages = sources.filter_map(|s| Some((s.id, s.page_starts.clone()?))).collect();
        Builder { options: options.clone(), book, rank, pages, placed: Vec::new() }
    }

    /// Excerpts made so far.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    /// Whether no excerpt was made yet.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    /// Makes the excerpts of `segments`, reading their sources' texts and codings as the options
    /// need (once per source within one call: pass a source's segments together).
    pub fn add(&mut self, project: &Project, segments: Vec<Segment>) -> Result<()> {
        let options = &self.options;
        let book = &self.book;
        let mut texts: HashMap<SourceId, (String, TextIndex, Vec<Range<usize>>)> = HashMap::new();
        let mut codings: HashMap<SourceId, Vec<Coding>> = HashMap::new();
        let mut has_turns: HashMap<SourceId, bool> = HashMap::new();
        // Twins (the same passage and code by several coders) are in the same source, and a piece
        // holds whole sources, so merging within a piece merges them all.
        let segments = merge_coders(segments);
        self.placed.reserve(segments.len());
        for s in segments {
            // In a source without turns (an observation, a case file) the segment's participants are
            // the people it is about, not speakers: a citation must not put words in their mouths.
            if let Entry::Vacant(slot) = has_turns.entry(s.source_id) {
                slot.insert(!project.turns(s.source_id)?.is_empty());
            }
            let spoken = has_turns.get(&s.source_id).copied().unwrap_or(false);
            let (mut context_before, mut context_after) = (String::new(), String::new());
            if options.context > 0 {
                if let Entry::Vacant(slot) = texts.entry(s.source_id) {
                    let text = project.source_text(s.source_id)?;
                    let (index, ranges) = (TextIndex::new(&text), sentences(&text));
                    slot.insert((text, index, ranges));
                }
                if let Some((text, index, ranges)) = texts.get(&s.source_id) {
                    (context_before, context_after) = context(text, index, ranges, s.start..s.end, options.context);
                }
            }
            let mut other_codes = Vec::new();
            if options.other_codes {
                if let Entry::Vacant(slot) = codings.entry(s.source_id) {
                    slot.insert(project.codings_unquoted(s.source_id)?);
                }
                let others: BTreeSet<&str> = codings
                    .get(&s.source_id)
                    .into_iter()
                    .flatten()
                    .filter(|c| c.code_id != s.code_id && c.span.start < s.end && s.start < c.span.end)
                    .filter_map(|c| book.path(c.code_id))
                    .collect();
                other_codes = others.into_iter().map(String::from).collect();
            }
            let page = self.pages.get(&s.source_id).map(|starts| page_of(starts, s.start));
            let fields = CitationFields {
                speakers: if spoken { s.speakers } else { Vec::new() },
                roles: if spoken { s.roles.iter().map(|r| r.replace('_', " ")).collect() } else { Vec::new() },
                cases: s.cases,
                source: s.source,
                kind: s.kind.label().to_lowercase(),
                date: s.date,
                paragraph: s.paragraph,
                line: s.line,
                page,
                time_ms: s.time_ms,
                coder: s.coder,
                code: s.code,
            };
            let definition = if options.definitions { book.get(s.code_id).map(|c| c.description.definition.trim().to_string()).unwrap_or_default() } else { String::new() };
            let excerpt = Excerpt {
                coding_id: s.coding_id,
                citation: options.citation.render(|f| fields.value(f)),
                text: s.text,
                fields,
                start: s.start,
                end: s.end,
                context_before,
                context_after,
                memo: if options.memos { s.memo } else { String::new() },
                other_codes,
            };
            self.placed.push(Placed { excerpt, code_rank: self.rank.get(&s.code_id).copied().unwrap_or(usize::MAX), definition });
        }
        Ok(())
    }

    /// The export: the excerpts grouped and sorted. Reads nothing.
    pub fn finish(self) -> Excerpts {
        let options = self.options;
        Excerpts {
            title: options.title.clone(),
            group_by: options.group_by,
            sort: options.sort,
            citation_template: options.citation.text().to_string(),
            shown: Shown {
                context: options.context > 0,
                memos: options.memos,
                other_codes: options.other_codes,
                definitions: options.definitions,
                counts: options.counts,
            },
            total: self.placed.len(),
            groups: arrange(self.placed, options.group_by, options.sort),
        }
    }
}

/// One segment per passage and code: when several coders coded the same span with the same code
/// (double coding for agreement), a paper quotes it once, crediting every coder (`Amara & Jonas`).
/// Memos are kept, each prefixed with its coder's name when more than one coder wrote one. The
/// first coding (in `select`'s order) gives the excerpt its id and its place.
fn merge_coders(segments: Vec<Segment>) -> Vec<Segment> {
    let mut first: HashMap<(SourceId, usize, usize, CodeId), usize> = HashMap::new();
    let mut merged: Vec<(Segment, Vec<(String, String)>)> = Vec::with_capacity(segments.len());
    for s in segments {
        match first.entry((s.source_id, s.start, s.end, s.code_id)) {
            Entry::Occupied(at) => {
                let (kept, memos) = &mut merged[*at.get()];
                if !kept.coder.split(" & ").any(|c| c == s.coder) {
                    kept.coder = format!("{} & {}", kept.coder, s.coder);
                }
                memos.push((s.coder, s.memo));
            }
            Entry::Vacant(slot) => {
                slot.insert(merged.len());
                let memos = vec![(s.coder.clone(), s.memo.clone())];
                merged.push((s, memos));
            }
        }
    }
    merged
        .into_iter()
        .map(|(mut s, memos)| {
            let written: Vec<&(String, String)> = memos.iter().filter(|(_, m)| !m.trim().is_empty()).collect();
            if written.len() > 1 {
                s.memo = written.iter().map(|(coder, memo)| format!("{coder}: {}", memo.trim())).collect::<Vec<_>>().join("\n\n");
            } else if let Some((_, memo)) = written.first() {
                s.memo = memo.clone();
            }
            s
        })
        .collect()
}

/// The 1-based page a char offset lies on, given the offsets where pages start.
fn page_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).max(1)
}

/// `n` whole sentences before and after `quote`, plus the rest of the sentences the quote starts
/// and ends inside, trimmed. Sentences cross paragraphs, so context can reach the previous or the
/// next turn: a reader often needs the question to understand the answer.
fn context(text: &str, index: &TextIndex, sentences: &[Range<usize>], quote: Range<usize>, n: usize) -> (String, String) {
    let whole_before: Vec<&Range<usize>> = sentences.iter().filter(|r| r.end <= quote.start).collect();
    let starts_inside = sentences.iter().find(|r| r.start < quote.start && quote.start < r.end);
    let from = whole_before
        .get(whole_before.len().saturating_sub(n))
        .copied()
        .or(starts_inside)
        .map_or(quote.start, |r| r.start);
    let whole_after: Vec<&Range<usize>> = sentences.iter().filter(|r| r.start >= quote.end).collect();
    let ends_inside = sentences.iter().find(|r| r.start < quote.end && quote.end < r.end);
    let last_after = if whole_after.is_empty() { None } else { whole_after.get(n.min(whole_after.len()) - 1).copied() };
    let to = last_after.or(ends_inside).map_or(quote.end, |r| r.end.max(quote.end));
    let cut = |r: Range<usize>| index.char_range_to_byte_range(r).and_then(|b| text.get(b)).unwrap_or_default().trim().to_string();
    (cut(from..quote.start), cut(quote.end..to))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "One. Two is here. Three starts\nhere and ends. Four.\n\nFive. Six.";

    fn around(quote: &str, n: usize) -> (String, String) {
        let start = TEXT.find(quote).map(|b| TEXT[..b].chars().count()).unwrap_or_default();
        let range = start..start + quote.chars().count();
        context(TEXT, &TextIndex::new(TEXT), &sentences(TEXT), range, n)
    }

    #[test]
    fn context_takes_whole_sentences_and_the_rest_of_a_cut_one() {
        assert_eq!(around("Three starts\nhere and ends.", 1), ("Two is here.".into(), "Four.".into()));
        assert_eq!(around("Three starts\nhere and ends.", 2), ("One. Two is here.".into(), "Four.\n\nFive.".into()));
        // Starting and ending inside sentences: their rest is context, and n whole ones more.
        assert_eq!(around("starts", 1), ("Two is here. Three".into(), "here and ends. Four.".into()));
        // At the ends of the text there is less to take.
        assert_eq!(around("One.", 3), ("".into(), "Two is here. Three starts\nhere and ends. Four.".into()));
        assert_eq!(around("Six.", 1), ("Five.".into(), "".into()));
    }

    fn segment(coding: i64, coder: &str, start: usize, memo: &str) -> Segment {
        Segment {
            coding_id: crate::model::CodingId(coding),
            source_id: SourceId(1),
            source: "Session 1".into(),
            kind: crate::model::SourceKind::Interview,
            date: None,
            code_id: CodeId(7),
            code: "Ruptures/Withdrawal".into(),
            coder: coder.into(),
            start,
            end: start + 10,
            text: "0123456789".into(),
            cases: Vec::new(),
            speakers: Vec::new(),
            roles: Vec::new(),
            line: 1,
            paragraph: 1,
            time_ms: None,
            memo: memo.into(),
        }
    }

    #[test]
    fn a_passage_two_coders_coded_alike_is_quoted_once() {
        let merged = merge_coders(vec![
            segment(1, "Amara", 0, "felt judged"),
            segment(2, "Jonas", 0, "withdraws"),
            segment(3, "Jonas", 20, ""),
            segment(4, "Amara", 0, ""),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[0].coding_id.0, merged[0].coder.as_str()), (1, "Amara & Jonas"));
        assert_eq!(merged[0].memo, "Amara: felt judged\n\nJonas: withdraws");
        assert_eq!((merged[1].coding_id.0, merged[1].coder.as_str(), merged[1].memo.as_str()), (3, "Jonas", ""));
        // One memo among several coders stays as it was written.
        let one = merge_coders(vec![segment(1, "Amara", 0, ""), segment(2, "Jonas", 0, "withdraws")]);
        assert_eq!(one[0].memo, "withdraws");
    }

    #[test]
    fn pages_count_from_one() {
        assert_eq!(page_of(&[0, 100, 250], 0), 1);
        assert_eq!(page_of(&[0, 100, 250], 100), 2);
        assert_eq!(page_of(&[0, 100, 250], 900), 3);
        assert_eq!(page_of(&[], 5), 1);
    }
}
