//! Reading what `AnalysisData` is built from, in pieces that each take a bounded time.
//!
//! The project's SQLite connection cannot be used from two threads, and the rows must be those
//! of the state the window's views show (a worker's own connection could see another process's
//! later commit half way through), so the window's connection reads them. At the
//! reference scale reading them takes tens of milliseconds (every coding, and on request every
//! turn and text), far more than one frame of the window. So the window reads them with an
//! [`AnalysisLoader`]: each [`AnalysisLoader::step`] reads a few sources' codings, turns and
//! texts and stops once its time budget is spent; the next frame goes on. The rows end in
//! [`AnalysisRows`], which own everything and are `Send`: building the `AnalysisData` from them
//! (speaker attribution, text indexes: the CPU-bound part) runs on a worker thread.
//!
//! The pieces are ranges of source ids read in id order, and each query orders its rows as the
//! whole-table query does, so the concatenated pieces are the same rows in the same order as one
//! read: `Project::analysis_data_with` is this loader run without a budget. The project must not
//! change between steps (the window starts a new loader after every change).

use std::time::{Duration, Instant};

use super::Project;
use crate::analysis::{AnalysisData, AnalysisLoad};
use crate::error::Result;
use crate::model::*;

/// Sources read per query: small enough that one query stays well under a millisecond or two.
const SOURCES_PER_PIECE: usize = 16;

/// The project's rows an `AnalysisData` is built from.
#[derive(Debug, Default)]
pub struct AnalysisRows {
    load: AnalysisLoad,
    codebook: Codebook,
    codings: Vec<CodingRef>,
    sources: Vec<Source>,
    cases: Vec<Case>,
    case_sources: Vec<(CaseId, SourceId)>,
    participants: Vec<Participant>,
    coders: Vec<Coder>,
    turns: Vec<Turn>,
    source_participants: Vec<(SourceId, ParticipantId)>,
    participant_cases: Vec<(ParticipantId, CaseId)>,
    attributes: Vec<AttributeDef>,
    attribute_values: Vec<AttributeValue>,
    texts: Vec<(SourceId, String)>,
}

impl AnalysisRows {
    /// Builds the data (attribution to speakers, text indexes); reads nothing, so it may run on
    /// any thread.
    pub fn build(self) -> AnalysisData {
        let data = AnalysisData::new(
            self.codebook,
            self.codings,
            self.sources,
            self.cases,
            self.case_sources,
            self.participants,
            self.coders,
            self.load.speakers.then_some(self.turns),
            self.source_participants,
        )
        .with_attributes(self.attributes, self.attribute_values)
        .with_participant_cases(self.participant_cases);
        if self.load.texts { data.with_texts(self.texts) } else { data }
    }
}

/// A load in progress: which sources are still to be read.
#[derive(Debug)]
pub struct AnalysisLoader {
    rows: AnalysisRows,
    /// Source ids in ascending order, read from `next` on; `None` until the small tables are read.
    ids: Option<Vec<SourceId>>,
    next: usize,
    /// Sources per query (`SOURCES_PER_PIECE`; fewer in tests, to see several pieces).
    per_piece: usize,
}

impl AnalysisLoader {
    /// A load of the rows every analysis needs plus what `load` asks for.
    pub fn new(load: AnalysisLoad) -> Self {
        AnalysisLoader { rows: AnalysisRows { load, ..Default::default() }, ids: None, next: 0, per_piece: SOURCES_PER_PIECE }
    }

    /// Reads on until `budget` has passed (at least one piece); returns true once everything is read.
    pub fn step(&mut self, project: &Project, budget: Duration) -> Result<bool> {
        let started = Instant::now();
        let ids = match &self.ids {
            Some(ids) => ids,
            None => {
                self.read_small_tables(project)?;
                self.ids.insert(self.rows.sources.iter().map(|s| s.id).collect())
            }
        };
        let read = project.store.read();
        while self.next < ids.len() {
            let end = (self.next + self.per_piece).min(ids.len());
            let (first, last) = (ids[self.next], ids[end - 1]);
            self.rows.codings.extend(read.coding_refs_of_sources(first, last)?);
            if self.rows.load.speakers {
                self.rows.turns.extend(read.turns_of_sources(first, last)?);
            }
            if self.rows.load.texts {
                for &id in &ids[self.next..end] {
                    self.rows.texts.push((id, read.source_text(id)?.unwrap_or_default()));
                }
            }
            self.next = end;
            if started.elapsed() >= budget {
                break;
            }
        }
        Ok(self.next >= ids.len())
    }

    /// How much is read, from 0 to 1.
    pub fn progress(&self) -> f32 {
        match &self.ids {
            None => 0.0,
            Some(ids) if ids.is_empty() => 1.0,
            Some(ids) => self.next as f32 / ids.len() as f32,
        }
    }

    /// The rows read so far (all of them once `step` returned true).
    pub fn finish(self) -> AnalysisRows {
        self.rows
    }

    /// Sources, the codebook, cases, people, coders and attributes: hundreds to thousands of
    /// rows, read in one piece.
    fn read_small_tables(&mut self, project: &Project) -> Result<()> {
        let read = project.store.read();
        let mut sources = project.sources()?;
        sources.sort_by_key(|s| s.id);
        let rows = &mut self.rows;
        rows.sources = sources;
        rows.codebook = project.codebook()?;
        rows.cases = project.cases()?;
        rows.case_sources = project.case_sources()?;
        rows.participants = project.participants()?;
        rows.coders = project.coders()?;
        rows.source_participants = project.source_participants()?;
        rows.participant_cases = read.participant_cases()?;
        rows.attributes = read.attributes()?;
        rows.attribute_values = read.attribute_values()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::AnalysisLoad;

    /// Five interviews with turns, each coded twice.
    fn project(dir: &std::path::Path) -> Project {
        use crate::action::{Action, NewCoding};
        let mut project = Project::create(&dir.join("p.thicket"), "t").unwrap();
        let code = project.apply(Action::CreateCode { parent: None, name: "Bond".into(), color: "#1E88E5".into(), description: CodeDescription::default() }).unwrap().created.codes[0];
        let coder = project.ensure_coder("Amara").unwrap();
        for i in 0..5 {
            let text = format!("Dana: We talked about school {i}.\n\nPriya: And the visits.\n");
            let source = project.apply(super::super::import_text(&format!("visit {i}"), SourceKind::Interview, &text)).unwrap().created.sources[0];
            let codings = [(0, 10), (14, 30)].map(|(start, end)| NewCoding { source, code, coder, span: TextSpan { start, end }, memo: String::new() });
            project.apply(Action::AddCodings(Vec::from(codings))).unwrap();
        }
        project
    }

    #[test]
    fn a_load_in_pieces_reads_what_one_read_does() {
        let dir = tempfile::tempdir().unwrap();
        let project = project(dir.path());
        let load = AnalysisLoad { speakers: true, texts: true };
        let mut loader = AnalysisLoader::new(load);
        loader.per_piece = 2;
        let mut steps = 0;
        while !loader.step(&project, Duration::ZERO).unwrap() {
            steps += 1;
            assert!(loader.progress() < 1.0);
        }
        assert!(steps >= 1, "a zero budget still reads one piece per step");
        let pieces = loader.finish().build();
        let whole = project.analysis_data_with(load).unwrap();
        assert_eq!(pieces.codings.len(), 10);
        assert_eq!(pieces.codings, whole.codings);
        assert!(pieces.turns.values().all(|t| t.len() == 2));
        assert_eq!(pieces.turns, whole.turns);
        assert_eq!(pieces.texts.keys().collect::<Vec<_>>(), whole.texts.keys().collect::<Vec<_>>());
        assert_eq!(pieces.sources.len(), whole.sources.len());
    }
}
