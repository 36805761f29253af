//! Read methods of `Project`, and segment retrieval with the attribution rule of DESIGN.md:
//! a coding belongs to its source's cases, kind and coder, and to the participants whose turns it
//! overlaps (or, in a source without turns, to the source's own participants).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::Project;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::{CodingFilter, CountedTable};

/// A coding with everything needed to show or cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub coding_id: CodingId,
    pub source_id: SourceId,
    pub source: String,
    pub kind: SourceKind,
    pub date: Option<String>,
    pub code_id: CodeId,
    /// The code's path, e.g. `Ruptures/Withdrawal`.
    pub code: String,
    pub coder: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub cases: Vec<String>,
    /// Participants the coding is attributed to, by name.
    pub speakers: Vec<String>,
    /// Their roles (distinct, sorted); "no speaker" is an empty list.
    pub roles: Vec<String>,
    /// 1-based line and paragraph where the coding starts, for citations.
    pub line: usize,
    pub paragraph: usize,
    /// Media time where the coding starts, for citing recordings: the time mark of its paragraph
    /// (subtitles), else the timestamp of the turn it starts in; `None` for untimed sources.
    pub time_ms: Option<u64>,
    pub memo: String,
}

/// Which entities have at least one memo (see `Project::memo_marks`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoMarks {
    /// The project has a memo of its own.
    pub project: bool,
    /// Sources with a memo on the whole source or on a passage of it.
    pub sources: HashSet<SourceId>,
    pub codes: HashSet<CodeId>,
    pub cases: HashSet<CaseId>,
    pub participants: HashSet<ParticipantId>,
}

/// What deleting a case takes with it (see `Project::case_deletion_summary`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseDeletionSummary {
    /// Sources assigned to the case; they stay in the project.
    pub sources: usize,
    /// Participants who belong to the case; they stay in the project.
    pub participants: usize,
    /// Memos on the case; deleted with it.
    pub memos: usize,
    /// Values of case attributes on it; deleted with it.
    pub attribute_values: usize,
}

/// Which segments to retrieve. Empty lists mean "any"; names are matched exactly.
#[derive(Debug, Clone, Default)]
pub struct SegmentFilter {
    /// Code paths.
    pub codes: Vec<String>,
    /// Also retrieve codings of the codes' sub-codes.
    pub include_subcodes: bool,
    pub cases: Vec<String>,
    pub roles: Vec<String>,
    pub kinds: Vec<SourceKind>,
    pub coders: Vec<String>,
    pub sources: Vec<String>,
}

impl Project {
    /// The project's own UUID and its creation time (RFC 3339), as recorded when it was created;
    /// empty strings when the file lacks them.
    pub fn identity(&self) -> Result<(String, String)> {
        let read = self.store.read();
        Ok((read.project_info("uuid")?.unwrap_or_default(), read.project_info("created_at")?.unwrap_or_default()))
    }

    /// All sources, by name.
    pub fn sources(&self) -> Result<Vec<Source>> {
        Ok(self.store.read().sources()?)
    }

    /// One source by id.
    pub fn source(&self, id: SourceId) -> Result<Option<Source>> {
        Ok(self.store.read().source(id)?)
    }

    /// The source with this name, or an error naming it.
    pub fn source_named(&self, name: &str) -> Result<Source> {
        self.store.read().source_by_name(name)?.ok_or_else(|| Error::not_found(format!("no source named \"{name}\"")))
    }

    /// A source's text.
    pub fn source_text(&self, id: SourceId) -> Result<String> {
        self.store.read().source_text(id)?.ok_or_else(|| Error::not_found(format!("no source with id {id}")))
    }

    /// The first source whose text has this hash (to detect re-imports).
    pub fn source_with_hash(&self, hash: &str) -> Result<Option<Source>> {
        Ok(self.store.read().source_by_hash(hash)?)
    }

    /// All cases, by name.
    pub fn cases(&self) -> Result<Vec<Case>> {
        Ok(self.store.read().cases()?)
    }

    /// The case with this name, or an error naming it.
    pub fn case_named(&self, name: &str) -> Result<Case> {
        self.cases()?.into_iter().find(|c| c.name == name).ok_or_else(|| Error::not_found(format!("no case named \"{name}\"")))
    }

    /// Source ids of each case.
    pub fn case_sources(&self) -> Result<Vec<(CaseId, SourceId)>> {
        Ok(self.store.read().case_sources()?)
    }

    /// Case names of each source, sorted.
    pub fn cases_by_source(&self) -> Result<HashMap<SourceId, Vec<String>>> {
        let names: HashMap<CaseId, String> = self.cases()?.into_iter().map(|c| (c.id, c.name)).collect();
        let mut map: HashMap<SourceId, Vec<String>> = HashMap::new();
        for (c, s) in self.case_sources()? {
            if let Some(n) = names.get(&c) {
                map.entry(s).or_default().push(n.clone());
            }
        }
        map.values_mut().for_each(|v| v.sort());
        Ok(map)
    }

    /// All participants, by name.
    pub fn participants(&self) -> Result<Vec<Participant>> {
        Ok(self.store.read().participants()?)
    }

    /// The participant with this name, if any.
    pub fn participant_named(&self, name: &str) -> Result<Option<Participant>> {
        Ok(self.participants()?.into_iter().find(|p| p.name == name))
    }

    /// Case names of each participant, sorted.
    pub fn cases_by_participant(&self) -> Result<HashMap<ParticipantId, Vec<String>>> {
        let names: HashMap<CaseId, String> = self.cases()?.into_iter().map(|c| (c.id, c.name)).collect();
        let mut map: HashMap<ParticipantId, Vec<String>> = HashMap::new();
        for (p, c) in self.store.read().participant_cases()? {
            if let Some(n) = names.get(&c) {
                map.entry(p).or_default().push(n.clone());
            }
        }
        map.values_mut().for_each(|v| v.sort());
        Ok(map)
    }

    /// Participants a source without turns is about.
    pub fn source_participants(&self) -> Result<Vec<(SourceId, ParticipantId)>> {
        Ok(self.store.read().source_participants()?)
    }

    /// The roles participants can hold.
    pub fn roles(&self) -> Result<Vec<Role>> {
        Ok(self.store.read().roles()?)
    }

    /// A source's turns in text order.
    pub fn turns(&self, source: SourceId) -> Result<Vec<Turn>> {
        Ok(self.store.read().turns(source)?)
    }

    /// The codebook tree.
    pub fn codebook(&self) -> Result<Codebook> {
        Ok(Codebook::new(self.store.read().codes()?))
    }

    /// The code at `path`, or an error naming it.
    pub fn code_at(&self, path: &str) -> Result<CodeId> {
        self.codebook()?.by_path(path).ok_or_else(|| Error::not_found(format!("no code \"{path}\" in the codebook")))
    }

    /// Number of codings per code (codes without codings are absent).
    pub fn coding_counts(&self) -> Result<HashMap<CodeId, usize>> {
        Ok(self.store.read().coding_counts()?.into_iter().collect())
    }

    /// Codings per code for the codes with ids in `first..=last`, so that a window can count in
    /// pieces (each a range of the index by code).
    pub fn coding_counts_of_codes(&self, first: CodeId, last: CodeId) -> Result<HashMap<CodeId, usize>> {
        Ok(self.store.read().coding_counts_of_codes(first, last)?.into_iter().collect())
    }

    /// How many codings of `code` lie in the sources with ids `first..=last` (the window counts
    /// a code in such pieces, a slice of a frame at a time).
    pub fn coding_count_in_sources(&self, code: CodeId, first: SourceId, last: SourceId) -> Result<usize> {
        Ok(self.store.read().coding_count_in_sources(code, first, last)?)
    }

    /// `coding_count_in_sources` counting only the codings of `coders` (none: 0).
    pub fn coding_count_in_sources_by(&self, code: CodeId, first: SourceId, last: SourceId, coders: &[CoderId]) -> Result<usize> {
        if coders.is_empty() {
            return Ok(0);
        }
        Ok(self.store.read().coding_count_in_sources_by(code, first, last, coders)?)
    }

    /// All coders, by name.
    pub fn coders(&self) -> Result<Vec<Coder>> {
        Ok(self.store.read().coders()?)
    }

    /// Codings of one source, in text order, without their quote selectors (left empty): for
    /// views that paint spans and never show the quotes.
    pub fn codings_unquoted(&self, source: SourceId) -> Result<Vec<Coding>> {
        Ok(self.store.read().codings_unquoted(source)?)
    }

    /// Codings of one source, in text order.
    pub fn codings_in(&self, source: SourceId) -> Result<Vec<Coding>> {
        Ok(self.store.read().codings(&CodingFilter { sources: vec![source], ..Default::default() })?)
    }

    /// Every coding, by source and position.
    pub fn all_codings(&self) -> Result<Vec<Coding>> {
        Ok(self.store.read().codings(&CodingFilter::default())?)
    }

    /// All memos.
    pub fn memos(&self) -> Result<Vec<Memo>> {
        Ok(self.store.read().memos()?)
    }

    /// Which entities have a memo, for the small marks beside sources, codes, cases and
    /// participants. Reads only the memos' targets, so it is cheap enough for every frame.
    pub fn memo_marks(&self) -> Result<MemoMarks> {
        let mut marks = MemoMarks::default();
        for target in self.store.read().memo_targets()? {
            match target {
                MemoTarget::Project => marks.project = true,
                MemoTarget::Source { id, .. } => {
                    marks.sources.insert(id);
                }
                MemoTarget::Code { id } => {
                    marks.codes.insert(id);
                }
                MemoTarget::Case { id } => {
                    marks.cases.insert(id);
                }
                MemoTarget::Participant { id } => {
                    marks.participants.insert(id);
                }
            }
        }
        Ok(marks)
    }

    /// Codings whose memo is not empty, by source and position. A coding's memo lives on the
    /// coding (it moves, merges and is deleted with it), not in the memo table.
    pub fn coding_memos(&self) -> Result<Vec<Coding>> {
        Ok(self.store.read().codings_with_memo()?)
    }

    /// One coding, if it exists.
    pub fn coding(&self, id: CodingId) -> Result<Option<Coding>> {
        Ok(self.store.read().coding(id)?)
    }

    /// What deleting a case takes with it, for the confirmation: the sources and participants
    /// only lose their link to it; its memos and attribute values go with it.
    pub fn case_deletion_summary(&self, case: CaseId) -> Result<CaseDeletionSummary> {
        let read = self.store.read();
        let defs: HashSet<AttributeId> =
            read.attributes()?.into_iter().filter(|a| a.applies_to == AttributeTarget::Case).map(|a| a.id).collect();
        Ok(CaseDeletionSummary {
            sources: read.case_sources()?.iter().filter(|(c, _)| *c == case).count(),
            participants: read.participant_cases()?.iter().filter(|(_, c)| *c == case).count(),
            memos: read.memos()?.iter().filter(|m| m.target == MemoTarget::Case { id: case }).count(),
            attribute_values: read
                .attribute_values()?
                .iter()
                .filter(|v| v.entity_id == case.0 && defs.contains(&v.attribute_id))
                .count(),
        })
    }

    /// All attribute definitions.
    pub fn attributes(&self) -> Result<Vec<AttributeDef>> {
        Ok(self.store.read().attributes()?)
    }

    /// All attribute values.
    pub fn attribute_values(&self) -> Result<Vec<AttributeValue>> {
        Ok(self.store.read().attribute_values()?)
    }

    /// Total words over all sources.
    pub fn total_words(&self) -> Result<usize> {
        Ok(self.store.read().total_words()?)
    }

    /// Number of codings in the project.
    pub fn coding_count(&self) -> Result<usize> {
        Ok(self.store.read().count(CountedTable::Codings)?)
    }

    /// Retrieves coded segments, sorted by source name, start, end, code path and coder.
    pub fn segments(&self, filter: &SegmentFilter) -> Result<Vec<Segment>> {
        let reader = SegmentReader::new(self, filter)?;
        let mut out = reader.read(self, reader.sources())?;
        sort_segments(&mut out);
        Ok(out)
    }
}

/// Sorts segments as `Project::segments` returns them: by source name, start, end, code path and coder.
pub fn sort_segments(segments: &mut [Segment]) {
    segments.sort_by(|a, b| (&a.source, a.start, a.end, &a.code, &a.coder).cmp(&(&b.source, b.start, b.end, &b.code, &b.coder)));
}

/// Segment retrieval that can be read in pieces: `new` checks the filter's names and reads the
/// small tables (sources, cases, people, coders, the codebook); each `read` then reads the codings,
/// turns and texts of a few sources. A window reads a piece per frame; `Project::segments` reads
/// every source at once. The project must not change between `new` and the last `read`.
#[derive(Debug)]
pub struct SegmentReader {
    filter: SegmentFilter,
    code_ids: Vec<CodeId>,
    coder_ids: Vec<CoderId>,
    /// The sources that can hold a segment (the filter's sources, kinds and cases), by id.
    source_ids: Vec<SourceId>,
    book: Codebook,
    coder_names: HashMap<CoderId, String>,
    sources: HashMap<SourceId, Source>,
    cases: HashMap<SourceId, Vec<String>>,
    participants: HashMap<ParticipantId, Participant>,
    source_people: HashMap<SourceId, Vec<ParticipantId>>,
}

impl SegmentReader {
    /// Checks that every name in `filter` exists and reads what attribution needs, except turns.
    pub fn new(project: &Project, filter: &SegmentFilter) -> Result<Self> {
        let book = project.codebook()?;
        let mut code_ids = Vec::new();
        for path in &filter.codes {
            let id = book.by_path(path).ok_or_else(|| Error::not_found(format!("no code \"{path}\" in the codebook")))?;
            if filter.include_subcodes { code_ids.extend(book.subtree(id)) } else { code_ids.push(id) }
        }
        let coders = project.coders()?;
        let mut coder_ids = Vec::new();
        for name in &filter.coders {
            let c = coders.iter().find(|c| &c.name == name).ok_or_else(|| Error::not_found(format!("no coder named \"{name}\"")))?;
            coder_ids.push(c.id);
        }
        for case in &filter.cases {
            project.case_named(case)?;
        }
        let roles = project.roles()?;
        for role in &filter.roles {
            if !roles.iter().any(|r| &r.name == role) {
                return Err(Error::invalid(format!("unknown role \"{role}\"")));
            }
        }
        let mut named = Vec::new();
        for name in &filter.sources {
            named.push(project.source_named(name)?.id);
        }
        let sources: HashMap<SourceId, Source> = project.sources()?.into_iter().map(|s| (s.id, s)).collect();
        let cases = project.cases_by_source()?;
        let mut source_ids: Vec<SourceId> = sources
            .values()
            .filter(|s| named.is_empty() || named.contains(&s.id))
            .filter(|s| filter.kinds.is_empty() || filter.kinds.contains(&s.kind))
            .filter(|s| filter.cases.is_empty() || cases.get(&s.id).is_some_and(|k| k.iter().any(|k| filter.cases.contains(k))))
            .map(|s| s.id)
            .collect();
        source_ids.sort();
        let mut source_people: HashMap<SourceId, Vec<ParticipantId>> = HashMap::new();
        for (s, p) in project.source_participants()? {
            source_people.entry(s).or_default().push(p);
        }
        Ok(SegmentReader {
            filter: filter.clone(),
            code_ids,
            coder_ids,
            source_ids,
            book,
            coder_names: coders.into_iter().map(|c| (c.id, c.name)).collect(),
            sources,
            cases,
            participants: project.participants()?.into_iter().map(|p| (p.id, p)).collect(),
            source_people,
        })
    }

    /// The sources to read, by id: pass them to `read` in pieces (or all at once).
    pub fn sources(&self) -> &[SourceId] {
        &self.source_ids
    }

    /// The codebook, as read by `new`.
    pub fn codebook(&self) -> &Codebook {
        &self.book
    }

    /// Every source of the project (not only those to read), as read by `new`, in no order.
    pub fn all_sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// The segments of the sources `ids` (a piece of `sources()`, ascending), by source and position.
    pub fn read(&self, project: &Project, ids: &[SourceId]) -> Result<Vec<Segment>> {
        let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else { return Ok(Vec::new()) };
        let read = project.store.read();
        let codings = read.codings(&CodingFilter { sources: ids.to_vec(), codes: self.code_ids.clone(), coders: self.coder_ids.clone() })?;
        let mut turns: HashMap<SourceId, Vec<Turn>> = HashMap::new();
        if !codings.is_empty() {
            for t in read.turns_of_sources(first, last)? {
                turns.entry(t.source_id).or_default().push(t);
            }
        }
        let filter = &self.filter;
        let mut texts: HashMap<SourceId, (String, crate::text::TextIndex)> = HashMap::new();
        let mut out = Vec::new();
        for c in codings {
            let Some(source) = self.sources.get(&c.source_id) else { continue };
            let source_turns = turns.get(&c.source_id).map(Vec::as_slice).unwrap_or_default();
            let speakers = self.speakers(source_turns, &c);
            let roles: Vec<String> = speakers
                .iter()
                .filter_map(|p| self.participants.get(p).and_then(|p| p.role.clone()))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if !filter.roles.is_empty() && !roles.iter().any(|r| filter.roles.contains(r)) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = texts.entry(c.source_id) {
                let t = project.source_text(c.source_id)?;
                let idx = crate::text::TextIndex::new(&t);
                slot.insert((t, idx));
            }
            let Some((text, index)) = texts.get(&c.source_id) else { continue };
            let mut names: Vec<String> = speakers.iter().filter_map(|p| self.participants.get(p).map(|p| p.name.clone())).collect();
            names.sort();
            out.push(Segment {
                coding_id: c.id,
                source_id: c.source_id,
                source: source.name.clone(),
                kind: source.kind,
                date: source.date.clone(),
                code_id: c.code_id,
                code: self.book.path(c.code_id).unwrap_or_default().to_string(),
                coder: self.coder_names.get(&c.coder_id).cloned().unwrap_or_default(),
                start: c.span.start,
                end: c.span.end,
                text: index.char_range_to_byte_range(c.span.start..c.span.end).and_then(|r| text.get(r)).unwrap_or_default().to_string(),
                cases: self.cases.get(&c.source_id).cloned().unwrap_or_default(),
                speakers: names,
                roles,
                line: index.line_of_char(c.span.start).unwrap_or(1),
                paragraph: index.paragraph_of_char(c.span.start).unwrap_or(1),
                time_ms: time_of(source, source_turns, &c),
                memo: c.memo,
            });
        }
        Ok(out)
    }

    /// Participants whose turns the coding overlaps; in a source without turns, its own participants.
    fn speakers(&self, turns: &[Turn], c: &Coding) -> BTreeSet<ParticipantId> {
        if turns.is_empty() {
            return self.source_people.get(&c.source_id).into_iter().flatten().copied().collect();
        }
        // Turns are sorted and disjoint: find the first that ends after the coding starts.
        let first = turns.partition_point(|t| t.span.end <= c.span.start);
        turns[first..].iter().take_while(|t| t.span.start < c.span.end).map(|t| t.participant_id).collect()
    }
}

/// The media time a coding is cited at: its paragraph's time mark, or its first turn's timestamp.
fn time_of(source: &Source, turns: &[Turn], c: &Coding) -> Option<u64> {
    if !source.time_marks.is_empty() {
        return time_at(&source.time_marks, c.span.start);
    }
    let first = turns.get(turns.partition_point(|t| t.span.end <= c.span.start))?;
    if first.span.start < c.span.end { first.timestamp_ms } else { None }
}

impl Project {
    /// Everything the analyses need, loaded in a few queries. `with_speakers` loads the turns
    /// and attributes every coding to its speakers (needed for roles and participants only).
    /// Source texts are not loaded (see `analysis_data_with`).
    pub fn analysis_data(&self, with_speakers: bool) -> Result<crate::analysis::AnalysisData> {
        self.analysis_data_with(crate::analysis::AnalysisLoad { speakers: with_speakers, texts: false })
    }

    /// `analysis_data` with a choice of extras: speakers (turns and attribution) and the source
    /// texts (words measure, paragraph windows). Attributes are always loaded: they are small.
    pub fn analysis_data_with(&self, load: crate::analysis::AnalysisLoad) -> Result<crate::analysis::AnalysisData> {
        // One code path with the window's load in pieces (`analysis_load`): here in one piece.
        let mut loader = super::AnalysisLoader::new(load);
        while !loader.step(self, std::time::Duration::MAX)? {}
        Ok(loader.finish().build())
    }
}

impl Project {
    /// The action that merges participant `from` into `into`: `from`'s turns become `into`'s,
    /// `into` joins `from`'s cases, and `from` is deleted. One step to undo.
    pub fn merge_participants_action(&self, from: ParticipantId, into: ParticipantId) -> Result<crate::Action> {
        use crate::Action;
        if from == into {
            return Err(Error::invalid("cannot merge a participant into itself"));
        }
        let people = self.participants()?;
        let find = |id: ParticipantId| people.iter().find(|p| p.id == id).ok_or_else(|| Error::not_found(format!("no participant with id {id}")));
        let (a, b) = (find(from)?, find(into)?);
        let turns: Vec<TurnId> = self.store.read().all_turns()?.into_iter().filter(|t| t.participant_id == from).map(|t| t.id).collect();
        let by_person = self.cases_by_participant()?;
        let mut cases: Vec<CaseId> = Vec::new();
        for name in by_person.get(&from).into_iter().chain(by_person.get(&into)).flatten() {
            cases.push(self.case_named(name)?.id);
        }
        cases.sort();
        cases.dedup();
        // Sources about the merged person are then about the one they were merged into.
        let links: Vec<(SourceId, ParticipantId)> = self.source_participants()?.into_iter().filter(|(_, p)| *p == from).map(|(s, _)| (s, into)).collect();
        Ok(Action::Batch {
            label: format!("Merge “{}” into “{}”", a.name, b.name),
            step: crate::action::Bundle::MergeParticipants { from: a.name.clone(), into: b.name.clone() }.boxed(),
            actions: vec![
                Action::ReassignTurns { turns, to: into },
                Action::LinkSourceParticipants { links, linked: true },
                Action::UpdateParticipant { id: into, name: b.name.clone(), role: b.role.clone().or(a.role.clone()), cases },
                Action::Remove(crate::action::EntitySet { participants: vec![from], ..Default::default() }),
            ],
        })
    }

    /// Number of turns of each participant.
    pub fn turn_counts(&self) -> Result<HashMap<ParticipantId, usize>> {
        let mut counts = HashMap::new();
        for t in self.store.read().all_turns()? {
            *counts.entry(t.participant_id).or_insert(0) += 1;
        }
        Ok(counts)
    }
}

impl Project {
    /// The action that merges code `from` into `into`: `from`'s codings get `into`, its sub-codes
    /// move under `into`, and `from` is deleted. One step to undo.
    pub fn merge_codes_action(&self, from: CodeId, into: CodeId) -> Result<crate::Action> {
        use crate::Action;
        let book = self.codebook()?;
        if book.subtree(from).contains(&into) {
            return Err(Error::invalid("cannot merge a code into itself or one of its sub-codes"));
        }
        let (Some(a), Some(b)) = (book.get(from), book.get(into)) else { return Err(Error::not_found("no such code")) };
        let codings: Vec<CodingId> =
            self.store.read().codings(&CodingFilter { codes: vec![from], ..Default::default() })?.into_iter().map(|c| c.id).collect();
        let mut actions = vec![Action::ReassignCodings { codings, to: into }];
        let taken: Vec<&str> = book.children(Some(into)).iter().filter_map(|c| book.get(*c)).map(|c| c.name.as_str()).collect();
        for &child in book.children(Some(from)) {
            let Some(c) = book.get(child) else { continue };
            let name = if taken.contains(&c.name.as_str()) { format!("{} (from {})", c.name, a.name) } else { c.name.clone() };
            actions.push(Action::UpdateCode {
                id: child,
                parent: Some(into),
                name,
                color: c.color.clone(),
                description: c.description.clone(),
                sort_order: c.sort_order,
            });
        }
        actions.push(Action::Remove(crate::action::EntitySet { codes: vec![from], ..Default::default() }));
        let label = format!("Merge code “{}” into “{}”", a.name, b.name);
        Ok(Action::Batch { label, actions, step: crate::action::Bundle::MergeCodes { from: a.name.clone(), into: b.name.clone() }.boxed() })
    }

    /// What deleting a code takes with it: (sub-codes, codings), for the confirmation.
    pub fn code_deletion_summary(&self, code: CodeId) -> Result<(usize, usize)> {
        let book = self.codebook()?;
        let subtree = book.subtree(code);
        let counts = self.coding_counts()?;
        Ok((subtree.len() - 1, subtree.iter().filter_map(|c| counts.get(c)).sum()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests fail loudly on purpose

    use super::*;
    use crate::Action;

    fn project(dir: &std::path::Path) -> Project {
        let mut p = Project::create(&dir.join("q.thicket"), "queries").unwrap();
        p.perform(crate::project::import_text("visit", SourceKind::Interview, "We talked about the school.\n\nThen about the plan.\n")).unwrap();
        p.perform(crate::project::import_text("notes", SourceKind::FieldNote, "A quiet morning.\n")).unwrap();
        p
    }

    #[test]
    fn unquoted_codings_are_the_codings_without_their_quotes() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = project(dir.path());
        let coder = p.ensure_coder("Amara").unwrap();
        let visit = p.source_named("visit").unwrap().id;
        let code = p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap().created.codes[0];
        let spans = [(20, 26), (0, 9), (0, 4), (29, 49)];
        let codings = spans.iter().map(|&(s, e)| crate::action::NewCoding { source: visit, code, coder, span: TextSpan::new(s, e).unwrap(), memo: "m".into() }).collect();
        p.perform(Action::AddCodings(codings)).unwrap();
        let full = p.codings_in(visit).unwrap();
        assert_eq!(full.len(), 4);
        assert_eq!(full[0].quote.exact, "We t");
        let stripped: Vec<Coding> = full.into_iter().map(|c| Coding { quote: QuoteSelector::default(), ..c }).collect();
        assert_eq!(p.codings_unquoted(visit).unwrap(), stripped);
    }

    #[test]
    fn memo_marks_name_each_entity_with_a_memo_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = project(dir.path());
        let coder = p.ensure_coder("Amara").unwrap();
        let visit = p.source_named("visit").unwrap().id;
        let code = p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap().created.codes[0];
        let case = p.perform(Action::CreateCase { name: "Okafor family".into(), description: String::new(), sources: vec![] }).unwrap().created.cases[0];
        assert_eq!(p.memo_marks().unwrap(), MemoMarks::default());
        let memo = |target| Action::CreateMemo { target, title: String::new(), body: "thought".into(), coder };
        p.perform(memo(MemoTarget::Source { id: visit, span: None })).unwrap();
        p.perform(memo(MemoTarget::Source { id: visit, span: TextSpan::new(0, 9) })).unwrap();
        p.perform(memo(MemoTarget::Code { id: code })).unwrap();
        p.perform(memo(MemoTarget::Case { id: case })).unwrap();
        let marks = p.memo_marks().unwrap();
        assert!(!marks.project);
        assert_eq!(marks.sources, HashSet::from([visit]));
        assert_eq!(marks.codes, HashSet::from([code]));
        assert_eq!(marks.cases, HashSet::from([case]));
        assert!(marks.participants.is_empty());
        p.perform(memo(MemoTarget::Project)).unwrap();
        assert!(p.memo_marks().unwrap().project);
    }

    #[test]
    fn coding_memos_lists_only_codings_with_a_memo_in_text_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = project(dir.path());
        let coder = p.ensure_coder("Amara").unwrap();
        let visit = p.source_named("visit").unwrap().id;
        let code = p.perform(Action::CreateCode { parent: None, name: "School".into(), color: "#336699".into(), description: Default::default() }).unwrap().created.codes[0];
        let coding = |start, end, memo: &str| crate::action::NewCoding { source: visit, code, coder, span: TextSpan::new(start, end).unwrap(), memo: memo.into() };
        let ids = p.perform(Action::AddCodings(vec![coding(30, 40, "later"), coding(0, 9, ""), coding(10, 20, "first")])).unwrap().created.codings;
        let listed: Vec<(CodingId, String)> = p.coding_memos().unwrap().into_iter().map(|c| (c.id, c.memo)).collect();
        assert_eq!(listed, [(ids[2], "first".to_string()), (ids[0], "later".to_string())]);
        assert_eq!(p.coding(ids[1]).unwrap().unwrap().span, TextSpan::new(0, 9).unwrap());
        assert!(p.coding(CodingId(9999)).unwrap().is_none());
    }

    #[test]
    fn case_deletion_summary_counts_links_memos_and_values_of_that_case_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = project(dir.path());
        let coder = p.ensure_coder("Amara").unwrap();
        let sources: Vec<SourceId> = p.sources().unwrap().iter().map(|s| s.id).collect();
        let case = p.perform(Action::CreateCase { name: "Okafor family".into(), description: String::new(), sources: sources.clone() }).unwrap().created.cases[0];
        let other = p.perform(Action::CreateCase { name: "Brandt family".into(), description: String::new(), sources: vec![sources[0]] }).unwrap().created.cases[0];
        p.perform(Action::CreateParticipant { name: "Ada".into(), role: None, cases: vec![case, other] }).unwrap();
        p.perform(Action::CreateMemo { target: MemoTarget::Case { id: case }, title: String::new(), body: "x".into(), coder }).unwrap();
        let size = p
            .perform(Action::DefineAttribute { name: "Size".into(), applies_to: AttributeTarget::Case, value_type: AttributeType::Number, categories: vec![] })
            .unwrap()
            .created
            .attributes[0];
        p.perform(Action::SetAttribute { attribute: size, entity: case.0, value: Some("4".into()) }).unwrap();
        p.perform(Action::SetAttribute { attribute: size, entity: other.0, value: Some("2".into()) }).unwrap();
        let summary = p.case_deletion_summary(case).unwrap();
        assert_eq!(summary, CaseDeletionSummary { sources: 2, participants: 1, memos: 1, attribute_values: 1 });
        assert_eq!(p.case_deletion_summary(other).unwrap(), CaseDeletionSummary { sources: 1, participants: 1, memos: 0, attribute_values: 1 });
    }
}
