//! The plain data analyses work on, and the attribution rule (DESIGN.md, Analysis issue): a coding
//! belongs to its source's cases, kind, date and coder, and to the participants whose turns it
//! overlaps; in a source without turns, to the source's own participants, else to "no speaker".
//!
//! In: the project's rows (codebook, codings, sources, cases, participants, coders, turns,
//! attributes, and on request the source texts). Out: `AnalysisData`, with the helpers every
//! analysis shares so that they agree: the case order of sources and session numbers, turn and
//! paragraph positions of a coding, the "follows" relation, unions of spans, and `Scope`, which
//! narrows the codings an analysis sees (case, kind, role, coder, source, date range).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::*;
use crate::text::TextIndex;

/// The label used for codings attributed to nobody.
pub const NO_SPEAKER: &str = "no speaker";
/// The label of the column of entities without a value of the attribute.
pub const NO_VALUE: &str = "no value";
/// The label of the column of sources without a date.
pub const UNDATED: &str = "undated";
/// The label of the column of sources without a session number (undated, or in no case).
pub const NO_SESSION: &str = "no session";

/// One coding, with what it is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisCoding {
    pub id: CodingId,
    pub code: CodeId,
    pub source: SourceId,
    pub coder: CoderId,
    pub span: TextSpan,
    /// Participants whose turns it overlaps (or the source's own participants), sorted.
    pub participants: Vec<ParticipantId>,
}

/// A source's text with its index (char to byte offsets, paragraphs). Loaded only on request,
/// because at the reference scale the texts are tens of megabytes.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub text: String,
    pub index: TextIndex,
}

/// What `Project::analysis_data_with` loads besides the rows every analysis needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnalysisLoad {
    /// Turns, and the attribution of every coding to speakers (roles, participants, turn windows).
    pub speakers: bool,
    /// Source texts (words measure, paragraph windows and modes).
    pub texts: bool,
}

/// Everything an analysis needs, loaded once.
#[derive(Debug, Clone, Default)]
pub struct AnalysisData {
    pub codebook: Codebook,
    pub codings: Vec<AnalysisCoding>,
    pub sources: BTreeMap<SourceId, Source>,
    /// Cases of each source, sorted by name.
    pub source_cases: BTreeMap<SourceId, Vec<CaseId>>,
    pub cases: BTreeMap<CaseId, Case>,
    pub participants: BTreeMap<ParticipantId, Participant>,
    pub coders: BTreeMap<CoderId, Coder>,
    /// False when loaded without turns: `participants` of every coding is then empty and
    /// analyses by role or participant must not be run.
    pub speakers_attributed: bool,
    /// Turns of each source, sorted by start (empty unless loaded with speakers).
    pub turns: BTreeMap<SourceId, Vec<Turn>>,
    /// The participants each source is about (used for sources without turns), sorted.
    pub own_participants: BTreeMap<SourceId, Vec<ParticipantId>>,
    /// Source texts, when loaded (`texts_loaded`). Shared: tens of megabytes at the reference
    /// scale, which a copy narrowed to some coders (`narrowed`) must not copy again.
    pub texts: Arc<BTreeMap<SourceId, SourceText>>,
    pub texts_loaded: bool,
    /// Attribute definitions, by target then name.
    pub attributes: Vec<AttributeDef>,
    /// Attribute values by (attribute, entity id).
    pub attribute_values: BTreeMap<(AttributeId, i64), String>,
    /// The cases each participant belongs to, sorted (empty unless loaded with
    /// `with_participant_cases`): which case a focus-group passage speaks for.
    pub participant_cases: BTreeMap<ParticipantId, Vec<CaseId>>,
}

impl AnalysisData {
    /// Builds the data from the project's rows, attributing codings to speakers.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        codebook: Codebook,
        codings: Vec<CodingRef>,
        sources: Vec<Source>,
        cases: Vec<Case>,
        case_sources: Vec<(CaseId, SourceId)>,
        participants: Vec<Participant>,
        coders: Vec<Coder>,
        turns: Option<Vec<Turn>>,
        source_participants: Vec<(SourceId, ParticipantId)>,
    ) -> Self {
        let speakers_attributed = turns.is_some();
        let turns = turns.unwrap_or_default();
        let mut by_source: BTreeMap<SourceId, Vec<Turn>> = BTreeMap::new();
        for t in turns {
            by_source.entry(t.source_id).or_default().push(t);
        }
        for list in by_source.values_mut() {
            list.sort_by_key(|t| (t.span.start, t.span.end, t.id));
        }
        let mut own: BTreeMap<SourceId, BTreeSet<ParticipantId>> = BTreeMap::new();
        for (s, p) in source_participants {
            own.entry(s).or_default().insert(p);
        }
        let codings = codings
            .into_iter()
            .map(|c| {
                let participants = match by_source.get(&c.source_id) {
                    _ if !speakers_attributed => Vec::new(),
                    Some(turns) if !turns.is_empty() => overlapping_speakers(turns, c.span),
                    _ => own.get(&c.source_id).map(|s| s.iter().copied().collect()).unwrap_or_default(),
                };
                AnalysisCoding { id: c.id, code: c.code_id, source: c.source_id, coder: c.coder_id, span: c.span, participants }
            })
            .collect();
        let case_names: BTreeMap<CaseId, String> = cases.iter().map(|c| (c.id, c.name.clone())).collect();
        let mut source_cases: BTreeMap<SourceId, Vec<CaseId>> = BTreeMap::new();
        for (c, s) in case_sources {
            source_cases.entry(s).or_default().push(c);
        }
        for list in source_cases.values_mut() {
            list.sort_by_key(|c| (case_names.get(c).cloned(), *c));
            list.dedup();
        }
        AnalysisData {
            codebook,
            codings,
            sources: sources.into_iter().map(|s| (s.id, s)).collect(),
            source_cases,
            cases: cases.into_iter().map(|c| (c.id, c)).collect(),
            participants: participants.into_iter().map(|p| (p.id, p)).collect(),
            coders: coders.into_iter().map(|c| (c.id, c)).collect(),
            speakers_attributed,
            turns: by_source,
            own_participants: own.into_iter().map(|(s, set)| (s, set.into_iter().collect())).collect(),
            texts: Arc::default(),
            texts_loaded: false,
            attributes: Vec::new(),
            attribute_values: BTreeMap::new(),
            participant_cases: BTreeMap::new(),
        }
    }

    /// A copy with only the codings `keep` lets through (and only `coders` among the coders),
    /// sharing the texts and copying no coding twice: what a view computes on when some coders'
    /// codings are hidden.
    pub fn narrowed(&self, keep: impl Fn(&AnalysisCoding) -> bool, coders: impl Fn(CoderId) -> bool) -> AnalysisData {
        AnalysisData {
            codebook: self.codebook.clone(),
            codings: self.codings.iter().filter(|c| keep(c)).cloned().collect(),
            sources: self.sources.clone(),
            source_cases: self.source_cases.clone(),
            cases: self.cases.clone(),
            participants: self.participants.clone(),
            coders: self.coders.iter().filter(|(id, _)| coders(**id)).map(|(id, c)| (*id, c.clone())).collect(),
            speakers_attributed: self.speakers_attributed,
            turns: self.turns.clone(),
            own_participants: self.own_participants.clone(),
            texts: Arc::clone(&self.texts),
            texts_loaded: self.texts_loaded,
            attributes: self.attributes.clone(),
            attribute_values: self.attribute_values.clone(),
            participant_cases: self.participant_cases.clone(),
        }
    }

    /// Adds the cases of each participant, as `(participant, case)` links.
    pub fn with_participant_cases(mut self, links: impl IntoIterator<Item = (ParticipantId, CaseId)>) -> Self {
        for (p, c) in links {
            self.participant_cases.entry(p).or_default().push(c);
        }
        for list in self.participant_cases.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        self
    }

    /// The perspectives a coding carries: in a transcript, the roles of the speakers whose turns
    /// it shares a char with; in a source without turns, the source's author (`Source::author`),
    /// never the participants the source is about. A case file about a mother is the agency's
    /// account of her, not her voice. Sorted and distinct.
    pub fn perspectives_of(&self, c: &AnalysisCoding) -> Vec<String> {
        let mut out: Vec<String> = if self.turns_of(c.source).is_empty() {
            self.sources.get(&c.source).and_then(|s| s.author.clone()).into_iter().collect()
        } else {
            c.participants.iter().filter_map(|p| self.participants.get(p).and_then(|p| p.role.clone())).collect()
        };
        out.sort();
        out.dedup();
        out
    }

    /// The cases a coding speaks for. Usually its source's cases; but in a transcript shared by
    /// several cases (a focus group), only the cases of the people who said it: a caregiver of
    /// one family corroborates nothing about another. A passage said by no one, or by people of
    /// none of the source's cases (a facilitator), speaks for no case then.
    pub fn voiced_cases(&self, c: &AnalysisCoding) -> Vec<CaseId> {
        let cases = self.source_cases.get(&c.source).map(Vec::as_slice).unwrap_or(&[]);
        if cases.len() < 2 || self.turns_of(c.source).is_empty() {
            return cases.to_vec();
        }
        cases
            .iter()
            .copied()
            .filter(|k| c.participants.iter().any(|p| self.participant_cases.get(p).is_some_and(|pc| pc.contains(k))))
            .collect()
    }

    /// Adds the source texts (and indexes them once for char offsets and paragraphs).
    pub fn with_texts(mut self, texts: impl IntoIterator<Item = (SourceId, String)>) -> Self {
        self.texts = Arc::new(
            texts
                .into_iter()
                .map(|(id, text)| {
                    let index = TextIndex::new(&text);
                    (id, SourceText { text, index })
                })
                .collect(),
        );
        self.texts_loaded = true;
        self
    }

    /// Adds attribute definitions and values.
    pub fn with_attributes(mut self, defs: Vec<AttributeDef>, values: Vec<AttributeValue>) -> Self {
        self.attributes = defs;
        self.attribute_values = values.into_iter().map(|v| ((v.attribute_id, v.entity_id), v.value)).collect();
        self
    }

    /// Fails with a message naming `what` when the data was loaded without speakers.
    pub fn require_speakers(&self, what: &str) -> Result<()> {
        if self.speakers_attributed {
            Ok(())
        } else {
            Err(Error::internal(format!("{what} needs the codings attributed to speakers: load the analysis data with speakers")))
        }
    }

    /// Fails with a message naming `what` when the data was loaded without source texts.
    pub fn require_texts(&self, what: &str) -> Result<()> {
        if self.texts_loaded {
            Ok(())
        } else {
            Err(Error::internal(format!("{what} needs the source texts: load the analysis data with texts")))
        }
    }

    /// The code at `path`, or an error naming it.
    pub fn code_at(&self, path: &str) -> Result<CodeId> {
        self.codebook.by_path(path).ok_or_else(|| Error::not_found(format!("no code \"{path}\" in the codebook")))
    }

    /// The path of a code (empty for an unknown id).
    pub fn code_path(&self, id: CodeId) -> String {
        self.codebook.path(id).unwrap_or_default().to_string()
    }

    /// The code and its ancestors, from the code up to the top of the tree.
    pub fn code_and_ancestors(&self, id: CodeId) -> Vec<CodeId> {
        let mut out = vec![id];
        let mut cur = self.codebook.get(id).and_then(|c| c.parent_id);
        // The bound guards against a cycle in a damaged file.
        while let Some(p) = cur {
            if out.contains(&p) || out.len() > self.codebook.len() {
                break;
            }
            out.push(p);
            cur = self.codebook.get(p).and_then(|c| c.parent_id);
        }
        out
    }

    /// For each code, the rows (indices into `codebook.walk()`) a coding of it counts in: its own
    /// row, and with `rollup` the rows of all its ancestors as well.
    pub fn rows_of_codes(&self, rollup: bool) -> HashMap<CodeId, Vec<usize>> {
        let row_of: HashMap<CodeId, usize> = self.codebook.walk().iter().enumerate().map(|(i, (_, c))| (c.id, i)).collect();
        row_of
            .keys()
            .map(|&id| {
                let ids = if rollup { self.code_and_ancestors(id) } else { vec![id] };
                let mut rows: Vec<usize> = ids.iter().filter_map(|c| row_of.get(c).copied()).collect();
                rows.sort_unstable();
                (id, rows)
            })
            .collect()
    }

    /// Code paths in codebook order (the rows of every code table).
    pub fn code_paths(&self) -> Vec<String> {
        self.codebook.walk().iter().map(|(_, c)| self.code_path(c.id)).collect()
    }

    /// The source's session date, if any.
    pub fn date_of(&self, source: SourceId) -> Option<&str> {
        self.sources.get(&source).and_then(|s| s.date.as_deref())
    }

    /// The key that orders sources in time within a case: dated sources by date, then undated
    /// ones; ties by name, then id.
    pub fn source_order_key(&self, source: SourceId) -> (bool, String, String, SourceId) {
        let s = self.sources.get(&source);
        let date = s.and_then(|s| s.date.clone());
        (date.is_none(), date.unwrap_or_default(), s.map(|s| s.name.clone()).unwrap_or_default(), source)
    }

    /// Sources of each case, in case order (see `source_order_key`). Cases without sources are
    /// present with an empty list.
    pub fn case_sources_in_order(&self) -> BTreeMap<CaseId, Vec<SourceId>> {
        let mut out: BTreeMap<CaseId, Vec<SourceId>> = self.cases.keys().map(|c| (*c, Vec::new())).collect();
        for (s, cases) in &self.source_cases {
            for c in cases {
                out.entry(*c).or_default().push(*s);
            }
        }
        for list in out.values_mut() {
            list.sort_by_cached_key(|s| self.source_order_key(*s));
        }
        out
    }

    /// Case ids sorted by name.
    pub fn cases_by_name(&self) -> Vec<CaseId> {
        let mut ids: Vec<CaseId> = self.cases.keys().copied().collect();
        ids.sort_by_key(|c| (self.cases.get(c).map(|c| c.name.clone()), *c));
        ids
    }

    /// Session numbers: within each case, the distinct dates of its dated sources in ascending
    /// order are sessions 1, 2, 3…; a source's session is the rank of its date. Undated sources
    /// have none.
    pub fn session_numbers(&self) -> HashMap<(CaseId, SourceId), usize> {
        let mut out = HashMap::new();
        for (case, sources) in self.case_sources_in_order() {
            let dates: BTreeSet<&str> = sources.iter().filter_map(|s| self.date_of(*s)).collect();
            let rank: HashMap<&str, usize> = dates.iter().enumerate().map(|(i, d)| (*d, i + 1)).collect();
            for s in sources {
                if let Some(n) = self.date_of(s).and_then(|d| rank.get(d)) {
                    out.insert((case, s), *n);
                }
            }
        }
        out
    }

    /// The turns of a source, sorted by start (empty when it has none or speakers were not loaded).
    pub fn turns_of(&self, source: SourceId) -> &[Turn] {
        self.turns.get(&source).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Index of the turn a coding starts in, or of the next turn when it starts outside every
    /// turn (on a speaker label, say). A coding after the last turn gets the number of turns, and
    /// every coding of a source without turns gets 0: such a source is one turn.
    pub fn turn_position(&self, c: &AnalysisCoding) -> usize {
        self.turns_of(c.source).partition_point(|t| t.span.end <= c.span.start)
    }

    /// Indices of the first and last turns the coding shares a char with; `None` when it overlaps
    /// no turn.
    pub fn turn_range(&self, c: &AnalysisCoding) -> Option<(usize, usize)> {
        let turns = self.turns_of(c.source);
        let first = turns.partition_point(|t| t.span.end <= c.span.start);
        let n = turns[first..].iter().take_while(|t| t.span.start < c.span.end).count();
        (n > 0).then(|| (first, first + n - 1))
    }

    /// 1-based paragraph of char `ch` of a source, as citations number it (`TextIndex`); 1 when
    /// the text is not loaded.
    pub fn paragraph_of(&self, source: SourceId, ch: usize) -> usize {
        self.texts.get(&source).and_then(|t| t.index.paragraph_of_char(ch)).unwrap_or(1)
    }

    /// The paragraphs of the coding's first and last chars.
    pub fn paragraph_range(&self, c: &AnalysisCoding) -> (usize, usize) {
        (self.paragraph_of(c.source, c.span.start), self.paragraph_of(c.source, c.span.end.saturating_sub(1).max(c.span.start)))
    }

    /// Words in the given char ranges of a source (see `text::word_count`), each range counted
    /// on its own: a word cut by a range's edge counts as a word. Pass a union (`union_spans`)
    /// so that nothing is counted twice.
    pub fn words_in(&self, source: SourceId, ranges: &[Range<usize>]) -> usize {
        let Some(t) = self.texts.get(&source) else { return 0 };
        ranges
            .iter()
            .filter_map(|r| t.index.char_range_to_byte_range(r.start..r.end.min(t.index.char_len())))
            .filter_map(|b| t.text.get(b))
            .map(crate::text::word_count)
            .sum()
    }

    /// Narrows the codings to those in `scope`, after checking that every name in it exists.
    pub fn restrict(&mut self, scope: &Scope) -> Result<()> {
        if scope.is_empty() {
            return Ok(());
        }
        let keep: Vec<bool> = {
            let matches = scope.matcher(self)?;
            self.codings.iter().map(&matches).collect()
        };
        let mut flags = keep.into_iter();
        self.codings.retain(|_| flags.next().unwrap_or(false));
        // The other cases leave the study: a source shared with them (a focus group) then counts
        // for the chosen cases only, and per-case results list only those. Sources of no chosen
        // case leave too, so that they add nothing to the characters coverage divides by.
        if !scope.cases.is_empty() {
            self.cases.retain(|_, c| scope.cases.contains(&c.name));
            let cases = &self.cases;
            for list in self.source_cases.values_mut() {
                list.retain(|c| cases.contains_key(c));
            }
            let source_cases = &self.source_cases;
            self.sources.retain(|s, _| source_cases.get(s).is_some_and(|l| !l.is_empty()));
        }
        Ok(())
    }
}

/// Which codings an analysis sees. Empty lists mean "any"; values of one field are
/// alternatives, fields must all hold (as for `segments`). Names are matched exactly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Codings in sources of these cases; the other cases are dropped from the data, so case
    /// columns and per-case results show only these.
    pub cases: Vec<String>,
    pub kinds: Vec<SourceKind>,
    /// A coding is kept if any participant it is attributed to has one of these roles.
    pub roles: Vec<String>,
    pub coders: Vec<String>,
    pub sources: Vec<String>,
    /// Inclusive `YYYY-MM-DD` bounds on the source date; an undated source fails any bound.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
}

impl Scope {
    /// True when the scope keeps every coding.
    pub fn is_empty(&self) -> bool {
        *self == Scope::default()
    }

    /// The scope in words, for a chart's caption: "Filters: cases Harlow family; roles
    /// caregiver; from 2025-03-01.", or that there are none.
    pub fn describe(&self) -> String {
        self.describe_pairing(false)
    }

    /// `describe`, adding "pairs also across coders" when an analysis that pairs codings
    /// (co-occurrence, sequences, triangulation) was asked to pair different coders' too.
    pub fn describe_pairing(&self, across_coders: bool) -> String {
        let list = |name: &str, items: &[String]| (!items.is_empty()).then(|| format!("{name} {}", items.join(", ")));
        let kinds: Vec<String> = self.kinds.iter().map(|k| k.label().to_lowercase()).collect();
        let roles: Vec<String> = self.roles.iter().map(|r| r.replace('_', " ")).collect();
        let parts: Vec<String> = [
            list("cases", &self.cases),
            list("source kinds", &kinds),
            list("roles", &roles),
            list("coders", &self.coders),
            list("sources", &self.sources),
            self.from_date.as_ref().map(|d| format!("from {d}")),
            self.to_date.as_ref().map(|d| format!("to {d}")),
            across_coders.then(|| "pairs also across coders".to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() { "Filters: none (every case, source kind, role, coder and date).".into() } else { format!("Filters: {}.", parts.join("; ")) }
    }

    /// A predicate for the scope, after validating its names and dates against `data`.
    fn matcher<'a>(&'a self, data: &'a AnalysisData) -> Result<impl Fn(&AnalysisCoding) -> bool + 'a> {
        let mut case_ids = BTreeSet::new();
        for name in &self.cases {
            let id = data.cases.values().find(|c| &c.name == name).ok_or_else(|| Error::not_found(format!("no case named \"{name}\"")))?;
            case_ids.insert(id.id);
        }
        let mut coder_ids = BTreeSet::new();
        for name in &self.coders {
            let id = data.coders.values().find(|c| &c.name == name).ok_or_else(|| Error::not_found(format!("no coder named \"{name}\"")))?;
            coder_ids.insert(id.id);
        }
        let mut source_ids = BTreeSet::new();
        for name in &self.sources {
            let id = data.sources.values().find(|s| &s.name == name).ok_or_else(|| Error::not_found(format!("no source named \"{name}\"")))?;
            source_ids.insert(id.id);
        }
        if !self.roles.is_empty() {
            data.require_speakers("a role filter")?;
        }
        for d in self.from_date.iter().chain(&self.to_date) {
            if !crate::clock::is_valid_date(d) {
                return Err(Error::invalid(format!("invalid date \"{d}\": expected YYYY-MM-DD")));
            }
        }
        if let (Some(a), Some(b)) = (&self.from_date, &self.to_date)
            && a > b
        {
            return Err(Error::invalid(format!("invalid date range: {a} is after {b}")));
        }
        Ok(move |c: &AnalysisCoding| {
            let source = data.sources.get(&c.source);
            let in_cases = || data.source_cases.get(&c.source).is_some_and(|cs| cs.iter().any(|k| case_ids.contains(k)));
            let date = source.and_then(|s| s.date.as_deref());
            (case_ids.is_empty() || in_cases())
                && (self.kinds.is_empty() || source.is_some_and(|s| self.kinds.contains(&s.kind)))
                && (coder_ids.is_empty() || coder_ids.contains(&c.coder))
                && (source_ids.is_empty() || source_ids.contains(&c.source))
                && (self.roles.is_empty()
                    || c.participants.iter().any(|p| data.participants.get(p).and_then(|p| p.role.as_ref()).is_some_and(|r| self.roles.contains(r))))
                && self.from_date.as_deref().is_none_or(|from| date.is_some_and(|d| d >= from))
                && self.to_date.as_deref().is_none_or(|to| date.is_some_and(|d| d <= to))
        })
    }
}

/// Speakers of the turns (sorted by start, disjoint) that share a char with `span`.
fn overlapping_speakers(turns: &[Turn], span: TextSpan) -> Vec<ParticipantId> {
    let first = turns.partition_point(|t| t.span.end <= span.start);
    let set: BTreeSet<ParticipantId> =
        turns[first..].iter().take_while(|t| t.span.start < span.end).map(|t| t.participant_id).collect();
    set.into_iter().collect()
}

/// The union of half-open char ranges, as sorted disjoint ranges (touching ranges merge).
pub fn union_spans(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Number of chars in a union of ranges (`union_spans` output).
pub fn covered_chars(ranges: &[Range<usize>]) -> usize {
    ranges.iter().map(|r| r.end - r.start).sum()
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-built study shared by the analysis tests. Every number the tests expect is
    //! worked out by hand from this picture.
    //!
    //! Codes (walk order = rows): 0 Ruptures (id 1), 1 Ruptures/Withdrawal (2), 2 Repair (3),
    //! 3 Repair/Honesty (4). Cases: 1 "A", 2 "B". Coders: 1 Amara, 2 Jonas.
    //! Participants: 1 Dana (caregiver, age 34), 2 Sam (social_worker, age 51), 3 Eli (child).
    //! Case attribute "region": A = north, B has none.
    //!
    //! Texts are "aa aa aa …" (a 2-letter word every 3 chars: chars 3k and 3k+1 are letters),
    //! with a blank line ("\n\n") written over the chars at each paragraph break.
    //! - Source 1 "a-interview": interview, case A, 2025-02-11, 100 chars; turns Dana 0..50,
    //!   Sam 50..100; breaks at 30 and 60, so paragraphs 1 = 0..30, 2 = 32..60, 3 = 62..100.
    //! - Source 2 "b-observation": observation, cases A and B, 2025-03-04, 60 chars, no turns,
    //!   about Dana; break at 20: paragraphs 1 = 0..20, 2 = 22..60.
    //! - Source 3 "a-session2": interview, case A, 2025-03-20, 40 chars; turns Dana 0..20,
    //!   Sam 20..40; one paragraph.
    //!
    //! Codings (id: code, source, span, coder → speakers, paragraphs):
    //!  1: Withdrawal, s1, 10..20, Amara → Dana, p1
    //!  2: Withdrawal, s1, 40..60, Amara → Dana and Sam (spans two turns), p2
    //!  3: Honesty,    s1, 55..70, Amara → Sam, p2–p3
    //!  4: Ruptures,   s1, 15..25, Jonas → Dana, p1 (the parent, overlapping coding 1)
    //!  5: Withdrawal, s2, 0..10,  Jonas → Dana (the observation's own participant), p1
    //!  6: Honesty,    s2, 30..40, Amara → Dana, p2
    //!  7: Honesty,    s3, 22..30, Amara → Sam, p1
    use super::*;

    pub fn code(id: i64, parent: Option<i64>, name: &str) -> Code {
        Code { id: CodeId(id), uuid: String::new(), parent_id: parent.map(CodeId), name: name.into(), color: "#000000".into(), description: Default::default(), sort_order: id }
    }

    pub fn source(id: i64, name: &str, kind: SourceKind, date: Option<&str>, len: usize) -> Source {
        Source {
            id: SourceId(id), uuid: String::new(), name: name.into(), kind, date: date.map(str::to_string), text_hash: String::new(), char_len: len,
            word_count: 0, original_name: String::new(), original_format: String::new(), encoding: String::new(), imported_at: String::new(), page_starts: None, author: None, time_marks: Vec::new(),
        }
    }

    pub fn coding(id: i64, code: i64, source: i64, start: usize, end: usize, coder: i64) -> CodingRef {
        CodingRef { id: CodingId(id), source_id: SourceId(source), code_id: CodeId(code), coder_id: CoderId(coder), span: TextSpan { start, end } }
    }

    pub fn turn(id: i64, source: i64, p: i64, start: usize, end: usize) -> Turn {
        Turn { id: TurnId(id), source_id: SourceId(source), participant_id: ParticipantId(p), span: TextSpan { start, end }, timestamp_ms: None }
    }

    /// "aa aa aa …" of `n_chars` chars, with "\n\n" written over chars b and b+1 of each break.
    pub fn words(n_chars: usize, breaks: &[usize]) -> String {
        (0..n_chars)
            .map(|i| if breaks.iter().any(|b| i == *b || i == b + 1) { '\n' } else if i % 3 == 2 { ' ' } else { 'a' })
            .collect()
    }

    pub fn codings() -> Vec<CodingRef> {
        vec![
            coding(1, 2, 1, 10, 20, 1),
            coding(2, 2, 1, 40, 60, 1),
            coding(3, 4, 1, 55, 70, 1),
            coding(4, 1, 1, 15, 25, 2),
            coding(5, 2, 2, 0, 10, 2),
            coding(6, 4, 2, 30, 40, 1),
            coding(7, 4, 3, 22, 30, 1),
        ]
    }

    /// The study above, with speakers, attributes and texts.
    pub fn data() -> AnalysisData {
        data_with(codings())
    }

    pub fn data_with(codings: Vec<CodingRef>) -> AnalysisData {
        let case = |id: i64, name: &str| Case { id: CaseId(id), uuid: String::new(), name: name.into(), description: String::new() };
        let person = |id: i64, name: &str, role: &str| Participant { id: ParticipantId(id), uuid: String::new(), name: name.into(), role: Some(role.into()) };
        let coder = |id: i64, name: &str| Coder { id: CoderId(id), uuid: String::new(), name: name.into(), created_at: String::new(), color: String::new(), retired: false };
        let attr = |id: i64, name: &str, target: AttributeTarget, t: AttributeType| AttributeDef {
            id: AttributeId(id), uuid: String::new(), name: name.into(), applies_to: target, value_type: t, categories: Vec::new(),
        };
        let value = |a: i64, e: i64, v: &str| AttributeValue { attribute_id: AttributeId(a), entity_id: e, value: v.into() };
        AnalysisData::new(
            Codebook::new(vec![code(1, None, "Ruptures"), code(2, Some(1), "Withdrawal"), code(3, None, "Repair"), code(4, Some(3), "Honesty")]),
            codings,
            vec![
                source(1, "a-interview", SourceKind::Interview, Some("2025-02-11"), 100),
                Source { author: Some("researcher".into()), ..source(2, "b-observation", SourceKind::Observation, Some("2025-03-04"), 60) },
                source(3, "a-session2", SourceKind::Interview, Some("2025-03-20"), 40),
            ],
            vec![case(1, "A"), case(2, "B")],
            vec![(CaseId(1), SourceId(1)), (CaseId(1), SourceId(2)), (CaseId(2), SourceId(2)), (CaseId(1), SourceId(3))],
            vec![person(1, "Dana", "caregiver"), person(2, "Sam", "social_worker"), person(3, "Eli", "child")],
            vec![coder(1, "Amara"), coder(2, "Jonas")],
            Some(vec![turn(1, 1, 1, 0, 50), turn(2, 1, 2, 50, 100), turn(3, 3, 1, 0, 20), turn(4, 3, 2, 20, 40)]),
            vec![(SourceId(2), ParticipantId(1))],
        )
        .with_attributes(
            vec![attr(1, "region", AttributeTarget::Case, AttributeType::Text), attr(2, "age", AttributeTarget::Participant, AttributeType::Number)],
            vec![value(1, 1, "north"), value(2, 1, "34"), value(2, 2, "51")],
        )
        .with_texts([(SourceId(1), words(100, &[30, 60])), (SourceId(2), words(60, &[20])), (SourceId(3), words(40, &[]))])
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn a_scope_reads_as_a_caption() {
        assert_eq!(Scope::default().describe(), "Filters: none (every case, source kind, role, coder and date).");
        assert_eq!(Scope::default().describe_pairing(true), "Filters: pairs also across coders.");
        let s = Scope {
            cases: vec!["Harlow family".into(), "Mensah family".into()],
            kinds: vec![SourceKind::FocusGroup, SourceKind::CaseFile],
            roles: vec!["social_worker".into()],
            coders: vec!["Jonas".into()],
            sources: vec!["Visit 3".into()],
            from_date: Some("2025-03-01".into()),
            to_date: Some("2025-06-30".into()),
        };
        assert_eq!(
            s.describe(),
            "Filters: cases Harlow family, Mensah family; source kinds focus group, case file; roles social worker; coders Jonas; \
             sources Visit 3; from 2025-03-01; to 2025-06-30."
        );
    }

    #[test]
    fn unions_merge_overlapping_and_touching_ranges() {
        assert_eq!(union_spans(vec![10..20, 15..25, 30..40, 40..41, 5..6]), vec![5..6, 10..25, 30..41]);
        assert_eq!(covered_chars(&union_spans(vec![10..20, 15..25])), 15);
        assert!(union_spans(vec![]).is_empty());
    }

    #[test]
    fn sessions_rank_dates_within_each_case() {
        let d = data();
        let s = d.session_numbers();
        // Case A: 2025-02-11 (s1), 2025-03-04 (s2), 2025-03-20 (s3); case B: only s2, its session 1.
        assert_eq!(s[&(CaseId(1), SourceId(1))], 1);
        assert_eq!(s[&(CaseId(1), SourceId(2))], 2);
        assert_eq!(s[&(CaseId(1), SourceId(3))], 3);
        assert_eq!(s[&(CaseId(2), SourceId(2))], 1);
        assert_eq!(d.case_sources_in_order()[&CaseId(1)], [SourceId(1), SourceId(2), SourceId(3)]);
    }

    #[test]
    fn turn_positions_and_ranges_follow_the_turns() {
        let d = data();
        let c = |i: usize| d.codings[i].clone();
        // Coding 2 (40..60) starts in Dana's turn (index 0) and ends in Sam's (index 1).
        assert_eq!(d.turn_position(&c(1)), 0);
        assert_eq!(d.turn_range(&c(1)), Some((0, 1)));
        // Coding 5 is in the observation, which has no turns: one turn, position 0, no range.
        assert_eq!(d.turn_position(&c(4)), 0);
        assert_eq!(d.turn_range(&c(4)), None);
    }

    #[test]
    fn paragraphs_follow_blank_lines() {
        let d = data();
        let c = |i: usize| d.codings[i].clone();
        assert_eq!(d.paragraph_range(&c(0)), (1, 1));
        assert_eq!(d.paragraph_range(&c(2)), (2, 3));
        // Chars of the blank line (30, 31) belong to the paragraph before it.
        assert_eq!(d.paragraph_of(SourceId(1), 31), 1);
        assert_eq!(d.paragraph_of(SourceId(1), 32), 2);
    }

    #[test]
    fn words_are_counted_in_each_range() {
        let d = data();
        // "aa aa aa…": chars 10..20 are "a aa aa aa" = 4 words (the first cut by the edge).
        assert_eq!(d.words_in(SourceId(1), std::slice::from_ref(&(10..20))), 4);
        // Two ranges are counted apart: 10..15 ("a aa ") and 15..25 ("aa aa aa a").
        assert_eq!(d.words_in(SourceId(1), &[10..15, 15..25]), 2 + 4);
    }

    #[test]
    fn scopes_keep_matching_codings_and_name_unknown_values() {
        let mut d = data();
        d.restrict(&Scope { coders: vec!["Jonas".into()], ..Default::default() }).unwrap();
        assert_eq!(d.codings.iter().map(|c| c.id.0).collect::<Vec<_>>(), [4, 5]);
        let mut d = data();
        d.restrict(&Scope { cases: vec!["B".into()], roles: vec!["caregiver".into()], ..Default::default() }).unwrap();
        assert_eq!(d.codings.iter().map(|c| c.id.0).collect::<Vec<_>>(), [5, 6]);
        // Case A leaves the study: the observation it shared with B now belongs to B alone.
        assert_eq!(d.cases.keys().copied().collect::<Vec<_>>(), [CaseId(2)]);
        assert_eq!(d.source_cases[&SourceId(2)], [CaseId(2)]);
        // The sources of case A alone leave too: coverage then divides by case B's characters.
        assert_eq!(d.sources.keys().copied().collect::<Vec<_>>(), [SourceId(2)]);
        let mut d = data();
        d.restrict(&Scope { from_date: Some("2025-03-01".into()), to_date: Some("2025-03-10".into()), ..Default::default() }).unwrap();
        assert_eq!(d.codings.iter().map(|c| c.id.0).collect::<Vec<_>>(), [5, 6]);
        let err = data().restrict(&Scope { cases: vec!["Smith".into()], ..Default::default() }).unwrap_err();
        assert_eq!(err.to_string(), "no case named \"Smith\"");
        let err = data().restrict(&Scope { from_date: Some("2025-13-01".into()), ..Default::default() }).unwrap_err();
        assert_eq!(err.to_string(), "invalid date \"2025-13-01\": expected YYYY-MM-DD");
    }
}
