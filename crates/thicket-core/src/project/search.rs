//! Searching the project's sources: a [`SearchPattern`] in, hits with their place, context and
//! speaker out.
//!
//! A plain pattern first asks the full-text index (FTS5, `sources_fts`) which sources contain the
//! words every match must contain ([`crate::text::Finder::index_terms`]); only those sources are
//! read and scanned for exact char offsets. A regular expression, or a plain pattern whose only
//! word may be cut at both ends (`work` inside `homework`), has no such words: every source in
//! scope is scanned. The index folds case and diacritics at least as much as the scan does, so
//! it only ever narrows to a superset of the sources with hits.
//!
//! The number of hits is counted in full; only the first `limit` are described (context,
//! paragraph, speaker), so a search for a common word stays cheap to show.

use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::Project;
use crate::error::{Error, Result};
use crate::model::*;
use crate::text::{Finder, SearchPattern, TextIndex};

/// Words of context shown on each side of a hit.
const CONTEXT_WORDS: usize = 8;

/// Where to search, and how many hits to describe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchScope {
    /// Only these sources; empty means every source.
    pub sources: Vec<SourceId>,
    /// Hits described in full (the rest are only counted).
    pub limit: usize,
}

impl Default for SearchScope {
    fn default() -> Self {
        SearchScope { sources: Vec::new(), limit: 500 }
    }
}

/// One match of the pattern, placed and quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub source_id: SourceId,
    pub source: String,
    /// Char span of the match (half-open).
    pub start: usize,
    pub end: usize,
    /// 1-based paragraph and line of the match's start, for citations.
    pub paragraph: usize,
    pub line: usize,
    /// The matched text, as stored.
    pub text: String,
    /// Up to a few words before and after the match, within its paragraph, on one line; `…`
    /// marks where the paragraph goes on.
    pub before: String,
    pub after: String,
    /// The participant whose turn holds the match, and their role.
    pub speaker: Option<String>,
    pub role: Option<String>,
}

impl SearchHit {
    /// The hit's span.
    pub fn span(&self) -> TextSpan {
        TextSpan { start: self.start, end: self.end }
    }
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    /// The first hits (at most the scope's limit), by source name and position.
    pub hits: Vec<SearchHit>,
    /// All hits, including those not described.
    pub total: usize,
    /// Sources with at least one hit.
    pub sources_with_hits: usize,
    /// Sources read and scanned (after narrowing by the index).
    pub sources_scanned: usize,
    /// Sources in scope.
    pub sources_in_scope: usize,
}

impl SearchResults {
    /// "37 hits in 5 sources", with "(showing the first 500)" when cut.
    pub fn summary(&self) -> String {
        let hits = plural(self.total, "hit", "hits");
        let sources = plural(self.sources_with_hits, "source", "sources");
        if self.hits.len() < self.total {
            format!("{hits} in {sources} (showing the first {})", self.hits.len())
        } else {
            format!("{hits} in {sources}")
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A source with every match of the pattern in it.
pub(super) struct SourceHits {
    pub source: Source,
    pub text: String,
    pub spans: Vec<TextSpan>,
}

impl Project {
    /// Finds `pattern` in the sources of `scope`. Errors: an invalid pattern, an unknown source.
    pub fn search(&self, pattern: &SearchPattern, scope: &SearchScope) -> Result<SearchResults> {
        let mut run = self.start_search(pattern, scope)?;
        while !run.step(self, Duration::MAX)? {}
        Ok(run.finish())
    }

    /// A search to run in pieces ([`SearchRun::step`]), so that a window can go on drawing
    /// between them. The full-text index is asked here, once.
    pub fn start_search(&self, pattern: &SearchPattern, scope: &SearchScope) -> Result<SearchRun> {
        let finder = pattern.compile().map_err(|e| Error::invalid(e.to_string()))?;
        let in_scope = self.sources_in_scope(&scope.sources)?;
        let sources_in_scope = in_scope.len();
        let queue = self.candidates(&finder, in_scope)?;
        let people = self.participants()?.into_iter().map(|p| (p.id, p)).collect();
        let results = SearchResults { hits: Vec::new(), total: 0, sources_with_hits: 0, sources_scanned: 0, sources_in_scope };
        Ok(SearchRun { finder, queue, next: 0, people, limit: scope.limit, results })
    }

    /// The sources with these ids (all sources when empty), by name; an unknown id is an error.
    pub(super) fn sources_in_scope(&self, ids: &[SourceId]) -> Result<Vec<Source>> {
        let all = self.sources()?;
        if ids.is_empty() {
            return Ok(all);
        }
        let wanted: BTreeSet<SourceId> = ids.iter().copied().collect();
        let known: BTreeSet<SourceId> = all.iter().map(|s| s.id).collect();
        if let Some(missing) = wanted.difference(&known).next() {
            return Err(Error::not_found(format!("no source with id {missing}")));
        }
        Ok(all.into_iter().filter(|s| wanted.contains(&s.id)).collect())
    }

    /// The sources worth reading: those the full-text index names when the pattern allows
    /// asking it, else all of `sources`, in their order.
    pub(super) fn candidates(&self, finder: &Finder, sources: Vec<Source>) -> Result<Vec<Source>> {
        let Some(query) = fts_query(finder) else { return Ok(sources) };
        let named: BTreeSet<SourceId> = self.store.read().search_sources(&query)?.into_iter().collect();
        Ok(sources.into_iter().filter(|s| named.contains(&s.id)).collect())
    }

    /// Reads `source` and finds every match in it; `None` when there is none.
    pub(super) fn scan_one(&self, finder: &Finder, source: &Source) -> Result<Option<SourceHits>> {
        let text = self.source_text(source.id)?;
        let spans = finder.find(&text);
        Ok((!spans.is_empty()).then(|| SourceHits { source: source.clone(), text, spans }))
    }
}

/// A project search under way: the sources still to read, and what was found so far.
pub struct SearchRun {
    finder: Finder,
    /// Sources to read (already narrowed by the index), in result order.
    queue: Vec<Source>,
    next: usize,
    people: HashMap<ParticipantId, Participant>,
    limit: usize,
    results: SearchResults,
}

impl SearchRun {
    /// Reads and scans sources until `budget` has passed (at least one source); returns true
    /// once every source is done. The project must be the one the run started on, unchanged.
    pub fn step(&mut self, project: &Project, budget: Duration) -> Result<bool> {
        let started = Instant::now();
        while let Some(source) = self.queue.get(self.next) {
            self.next += 1;
            self.results.sources_scanned += 1;
            if let Some(found) = project.scan_one(&self.finder, source)? {
                self.results.total += found.spans.len();
                self.results.sources_with_hits += 1;
                // Hits beyond the limit are counted, not described.
                let room = self.limit.saturating_sub(self.results.hits.len());
                if room > 0 {
                    let index = TextIndex::new(&found.text);
                    let turns = project.turns(found.source.id)?;
                    for span in found.spans.iter().take(room) {
                        self.results.hits.push(describe(&found, &index, &turns, &self.people, *span));
                    }
                }
            }
            if started.elapsed() >= budget {
                break;
            }
        }
        Ok(self.next >= self.queue.len())
    }

    /// How much is done, from 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.queue.is_empty() { 1.0 } else { self.next as f32 / self.queue.len() as f32 }
    }

    /// Sources read so far, and how many there are to read.
    pub fn sources_done(&self) -> (usize, usize) {
        (self.next, self.queue.len())
    }

    /// What was found (everything, once `step` returned true).
    pub fn finish(self) -> SearchResults {
        self.results
    }
}

/// The FTS5 query that every source with a match satisfies: each index term quoted (so the
/// index's own tokenizer reads it), prefix terms starred, all required (an explicit AND: FTS5
/// does not take an implicit one before a parenthesis); a term with several spellings asks for
/// any of them.
fn fts_query(finder: &Finder) -> Option<String> {
    let terms = finder.index_terms()?;
    let parts: Vec<String> = terms
        .iter()
        .map(|t| {
            let one = |word: &str| {
                let quoted = format!("\"{}\"", word.replace('"', "\"\""));
                if t.prefix { format!("{quoted}*") } else { quoted }
            };
            match t.spellings.as_slice() {
                [] => one(&t.word),
                [only] => one(only),
                many => format!("({})", many.iter().map(|w| one(w)).collect::<Vec<_>>().join(" OR ")),
            }
        })
        .collect();
    Some(parts.join(" AND "))
}

fn describe(f: &SourceHits, index: &TextIndex, turns: &[Turn], people: &HashMap<ParticipantId, Participant>, span: TextSpan) -> SearchHit {
    let slice = |a: usize, b: usize| index.char_range_to_byte_range(a..b).and_then(|r| f.text.get(r)).unwrap_or_default();
    let paragraphs = index.paragraphs();
    // The paragraphs holding the first and the last char of the hit bound its context.
    let around = |ch: usize| {
        let i = paragraphs.partition_point(|p| p.end <= ch);
        paragraphs.get(i).cloned().unwrap_or(ch..ch)
    };
    let first = around(span.start);
    let last = around(span.end.saturating_sub(1));
    let before = context_before(slice(first.start.min(span.start), span.start));
    let after = context_after(slice(span.end, last.end.max(span.end)));
    let turn = turn_at(turns, span.start);
    let person = turn.and_then(|t| people.get(&t.participant_id));
    SearchHit {
        source_id: f.source.id,
        source: f.source.name.clone(),
        start: span.start,
        end: span.end,
        paragraph: index.paragraph_of_char(span.start).unwrap_or(1),
        line: index.line_of_char(span.start).unwrap_or(1),
        text: slice(span.start, span.end).to_string(),
        before,
        after,
        speaker: person.map(|p| p.name.clone()),
        role: person.and_then(|p| p.role.clone()),
    }
}

/// The turn holding char `ch`, if any (turns are sorted and disjoint).
pub(super) fn turn_at(turns: &[Turn], ch: usize) -> Option<&Turn> {
    let i = turns.partition_point(|t| t.span.end <= ch);
    turns.get(i).filter(|t| t.span.start <= ch)
}

/// The last few words of `text`, on one line, keeping the space (or its absence) before the hit.
/// Reads `text` from its end, so a long paragraph costs no more than a short one.
fn context_before(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().rev().take(CONTEXT_WORDS + 1).collect();
    let cut = words.len() > CONTEXT_WORDS;
    words.truncate(CONTEXT_WORDS);
    words.reverse();
    let mut out = words.join(" ");
    if cut {
        out.insert_str(0, "… ");
    }
    if !words.is_empty() && text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}

/// The first few words of `text`, on one line, keeping the space (or its absence) after the hit.
fn context_after(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().take(CONTEXT_WORDS + 1).collect();
    let cut = words.len() > CONTEXT_WORDS;
    words.truncate(CONTEXT_WORDS);
    let mut out = words.join(" ");
    if !words.is_empty() && text.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    if cut {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_keeps_a_few_words_and_the_spacing_around_the_hit() {
        assert_eq!(context_before("Dana: Honestly? Same as the "), "Dana: Honestly? Same as the ");
        assert_eq!(context_before("one two three four five six seven eight nine ten "), "… three four five six seven eight nine ten ");
        assert_eq!(context_before("mid"), "mid");
        assert_eq!(context_before(""), "");
        assert_eq!(context_after(" again.\nShe looked"), " again. She looked");
        assert_eq!(context_after("s, then"), "s, then");
        assert_eq!(context_after(" a b c d e f g h i"), " a b c d e f g h …");
    }

    #[test]
    fn fts_queries_quote_every_term_and_star_prefixes() {
        use crate::text::Folding;
        let query = |p: SearchPattern| fts_query(&p.compile().unwrap_or_else(|e| panic!("{e}")));
        let exact = Folding { typography: false, ignore_case: false, ..Folding::default() };
        assert_eq!(query(SearchPattern::plain("(laughs) I", false).with_folding(exact)).as_deref(), Some("\"laughs\" AND \"i\"*"));
        assert_eq!(query(SearchPattern::plain("on trial", true).with_folding(exact)).as_deref(), Some("\"on\" AND \"trial\""));
        assert_eq!(query(SearchPattern::regex("trial")), None);
        // Folded: prefixes (a word may run on into "ʼs"), and the spellings the index may hold.
        assert_eq!(query(SearchPattern::plain("on trial", true)).as_deref(), Some("\"on\"* AND \"trial\"*"));
        assert_eq!(query(SearchPattern::plain("Straße", true)).as_deref(), Some("(\"strasse\"* OR \"straße\"*)"));
        assert_eq!(query(SearchPattern::plain("tijd", true)).as_deref(), Some("(\"tijd\"* OR \"tĳd\"*)"));
    }
}
