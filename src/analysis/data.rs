//! The plain data analyses work on, and the attribution rule (DESIGN.md, Analysis issue): a coding
//! belongs to its source's cases, kind, date and coder, and to the participants whose turns it
//! overlaps; in a source without turns, to the source's own participants, else to "no speaker".

use std::collections::{BTreeMap, BTreeSet};

use crate::model::*;

/// The label used for codings attributed to nobody.
pub const NO_SPEAKER: &str = "no speaker";

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
            list.sort_by_key(|t| t.span.start);
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
            list.sort_by_key(|c| case_names.get(c).cloned());
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
        }
    }
}

/// Speakers of the turns (sorted by start, disjoint) that share a char with `span`.
fn overlapping_speakers(turns: &[Turn], span: TextSpan) -> Vec<ParticipantId> {
    let first = turns.partition_point(|t| t.span.end <= span.start);
    let set: BTreeSet<ParticipantId> =
        turns[first..].iter().take_while(|t| t.span.start < span.end).map(|t| t.participant_id).collect();
    set.into_iter().collect()
}
