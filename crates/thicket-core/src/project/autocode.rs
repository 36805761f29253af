//! Autocoding: every hit of a phrase or regular expression coded with one code, as one undoable
//! action (DESIGN.md §2).
//!
//! In: an [`AutocodeSpec`] (pattern, code, unit, optional role, optional sources, coder). Out: an
//! [`AutocodePlan`] that says what would be coded and skipped, and builds the action. Planning
//! reads only; performing the plan's action is the caller's choice, so the CLI's `--dry-run` and
//! the search panel's "will add N codings" show exactly what the action will do.
//!
//! Each hit is extended to its unit: the match itself, its sentence (`text::sentences`), its
//! paragraph, or its speaker turn. Paragraphs are separated by blank lines or by turns
//! (DESIGN.md §5), so a sentence or paragraph never runs past the turn that holds the hit and
//! never takes in the next speaker's label. A hit whose first and last chars fall in different
//! units gets both and everything between. Units that overlap are merged, so several hits in one
//! sentence become one coding. A unit already coded with the same code by the same coder is
//! skipped (codings by other coders are their own judgement, kept apart for agreement).
//!
//! With a role, only hits inside turns of participants with that role count ("only what
//! caregivers say"); text outside turns has no speaker, so it never counts then. With the turn
//! unit, hits outside turns are left out too. Both are reported, never silently dropped.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::Project;
use super::search::turn_at;
use crate::action::{Action, NewCoding};
use crate::error::{Error, Result};
use crate::model::*;
use crate::text::{SearchPattern, TextIndex, sentences};

/// How far a hit is extended before it is coded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodingUnit {
    /// The matched text only.
    #[default]
    Match,
    /// The sentence (within its paragraph and turn).
    Sentence,
    /// The paragraph (within its turn).
    Paragraph,
    /// The speaker turn, without its label.
    Turn,
}

impl CodingUnit {
    /// Every unit, smallest first.
    pub const ALL: [CodingUnit; 4] = [CodingUnit::Match, CodingUnit::Sentence, CodingUnit::Paragraph, CodingUnit::Turn];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CodingUnit::Match => "match",
            CodingUnit::Sentence => "sentence",
            CodingUnit::Paragraph => "paragraph",
            CodingUnit::Turn => "turn",
        }
    }

    /// Parses `match`, `sentence`, `paragraph` or `turn`.
    pub fn parse(s: &str) -> Option<CodingUnit> {
        CodingUnit::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

/// What to autocode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutocodeSpec {
    pub pattern: SearchPattern,
    pub code: CodeId,
    pub unit: CodingUnit,
    /// Only hits inside turns of participants with this role.
    pub role: Option<String>,
    /// Only these sources; empty means every source.
    pub sources: Vec<SourceId>,
    /// The coder the codings are recorded for; `None` for a coder not in the project yet (who
    /// has no codings to skip).
    pub coder: Option<CoderId>,
}

/// One coding the plan would add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedCoding {
    pub source_id: SourceId,
    pub source: String,
    pub start: usize,
    pub end: usize,
    /// The text the coding would cover.
    pub text: String,
}

/// What an autocode run would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AutocodePlan {
    /// The code's path.
    pub code: String,
    #[serde(skip)]
    pub code_id: CodeId,
    pub unit: CodingUnit,
    /// Matches found in the sources in scope.
    pub hits: usize,
    /// Hits left out: outside any turn of the role (with a role), or outside any turn (turn unit).
    pub outside: usize,
    /// Distinct spans the remaining hits extend to (after merging overlaps).
    pub units: usize,
    /// Units already coded with this code by this coder.
    pub existing: usize,
    /// The codings to add, by source name and position.
    pub codings: Vec<PlannedCoding>,
    /// Sources the new codings are in.
    pub sources: usize,
    /// The undo step's English label and what it is, for the window's name.
    #[serde(skip)]
    label: String,
    #[serde(skip)]
    bundle: Option<Box<crate::action::Bundle>>,
}

impl AutocodePlan {
    /// Number of codings the action adds.
    pub fn added(&self) -> usize {
        self.codings.len()
    }

    /// The action that adds the planned codings for `coder`, as one undo step; `None` when there
    /// is nothing to add.
    pub fn action(&self, coder: CoderId) -> Option<Action> {
        if self.codings.is_empty() {
            return None;
        }
        let codings = self
            .codings
            .iter()
            .map(|c| NewCoding { source: c.source_id, code: self.code_id, coder, span: TextSpan { start: c.start, end: c.end }, memo: String::new() })
            .collect();
        Some(Action::Batch {
            label: self.label.clone(),
            actions: vec![Action::AddCodings(codings)],
            step: self.bundle.clone(),
        })
    }
}

impl Project {
    /// Plans an autocode run (reads only). Errors: an invalid pattern, an unknown code, role or
    /// source.
    pub fn plan_autocode(&self, spec: &AutocodeSpec) -> Result<AutocodePlan> {
        let mut run = self.start_autocode_plan(spec)?;
        while !run.step(self, Duration::MAX)? {}
        Ok(run.finish())
    }

    /// A plan to make in pieces ([`AutocodeRun::step`]), so that a window can go on drawing
    /// between them (a common word over the reference corpus takes about half a second).
    pub fn start_autocode_plan(&self, spec: &AutocodeSpec) -> Result<AutocodeRun> {
        let finder = spec.pattern.compile().map_err(|e| Error::invalid(e.to_string()))?;
        let book = self.codebook()?;
        let code = book.path(spec.code).ok_or_else(|| Error::not_found(format!("no code with id {}", spec.code)))?.to_string();
        if let Some(role) = &spec.role {
            let roles = self.roles()?;
            if !roles.iter().any(|r| &r.name == role) {
                let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
                return Err(Error::invalid(format!("unknown role \"{role}\": expected one of {}", names.join(", "))));
            }
        }
        let role_of: HashMap<ParticipantId, Option<String>> = self.participants()?.into_iter().map(|p| (p.id, p.role)).collect();
        let queue = self.candidates(&finder, self.sources_in_scope(&spec.sources)?)?;
        let plan = AutocodePlan {
            code: code.clone(),
            code_id: spec.code,
            unit: spec.unit,
            hits: 0,
            outside: 0,
            units: 0,
            existing: 0,
            codings: Vec::new(),
            sources: 0,
            label: format!("Autocode {} as “{code}”", spec.pattern),
            bundle: crate::action::Bundle::Autocode { text: spec.pattern.text.clone(), regex: spec.pattern.kind == crate::text::PatternKind::Regex, code: code.clone() }.boxed(),
        };
        Ok(AutocodeRun { finder, spec: spec.clone(), role_of, queue, next: 0, plan })
    }
}

/// An autocode plan under way: the sources still to read, and the plan so far.
pub struct AutocodeRun {
    finder: crate::text::Finder,
    spec: AutocodeSpec,
    role_of: HashMap<ParticipantId, Option<String>>,
    /// Sources to read (already narrowed by the index), in the plan's order.
    queue: Vec<Source>,
    next: usize,
    plan: AutocodePlan,
}

impl AutocodeRun {
    /// Plans source after source until `budget` has passed (at least one source); returns true
    /// once every source is done. The project must be the one the run started on, unchanged.
    pub fn step(&mut self, project: &Project, budget: Duration) -> Result<bool> {
        let started = Instant::now();
        while let Some(source) = self.queue.get(self.next) {
            self.next += 1;
            if let Some(found) = project.scan_one(&self.finder, source)? {
                self.plan_source(project, found)?;
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

    /// The plan (complete once `step` returned true).
    pub fn finish(self) -> AutocodePlan {
        self.plan
    }

    fn plan_source(&mut self, project: &Project, f: super::search::SourceHits) -> Result<()> {
        let (spec, plan) = (&self.spec, &mut self.plan);
        let turns = project.turns(f.source.id)?;
        let index = TextIndex::new(&f.text);
        let units = Units { text: &f.text, index: &index, turns: &turns, sentences: HashMap::new() };
        plan.hits += f.spans.len();
        let (spans, outside) = units.extend(&f.spans, spec.unit, spec.role.as_deref(), &self.role_of);
        plan.outside += outside;
        plan.units += spans.len();
        let done: BTreeSet<TextSpan> = match spec.coder {
            Some(coder) => project.codings_in(f.source.id)?.into_iter().filter(|c| c.code_id == spec.code && c.coder_id == coder).map(|c| c.span).collect(),
            None => BTreeSet::new(),
        };
        let before = plan.codings.len();
        for span in spans {
            if done.contains(&span) {
                plan.existing += 1;
                continue;
            }
            let text = index.char_range_to_byte_range(span.start..span.end).and_then(|r| f.text.get(r)).unwrap_or_default().to_string();
            plan.codings.push(PlannedCoding { source_id: f.source.id, source: f.source.name.clone(), start: span.start, end: span.end, text });
        }
        if plan.codings.len() > before {
            plan.sources += 1;
        }
        Ok(())
    }
}

/// One source's units: its text, paragraphs and turns, with sentences split per region on demand.
struct Units<'a> {
    text: &'a str,
    index: &'a TextIndex,
    turns: &'a [Turn],
    /// Sentences of each region (paragraph ∩ turn) split so far, keyed by the region.
    sentences: HashMap<(usize, usize), Vec<Range<usize>>>,
}

impl Units<'_> {
    /// Extends each hit to its unit, keeping only hits in turns of `role` when one is given;
    /// returns the merged spans in text order and the number of hits left out.
    fn extend(mut self, hits: &[TextSpan], unit: CodingUnit, role: Option<&str>, role_of: &HashMap<ParticipantId, Option<String>>) -> (Vec<TextSpan>, usize) {
        let turns = self.turns;
        let mut spans = Vec::new();
        let mut outside = 0;
        for hit in hits {
            let last = hit.end - 1;
            let speaks = |ch: usize| turn_at(turns, ch).is_some_and(|t| role_of.get(&t.participant_id).is_some_and(|r| r.as_deref() == role));
            if role.is_some() && !(speaks(hit.start) && speaks(last)) {
                outside += 1;
                continue;
            }
            let (Some(a), Some(b)) = (self.unit_at(hit.start, unit), self.unit_at(last, unit)) else {
                outside += 1;
                continue;
            };
            let (start, end) = (a.start.min(b.start).min(hit.start), a.end.max(b.end).max(hit.end));
            spans.push(TextSpan { start, end });
        }
        (merge(spans), outside)
    }

    /// The unit holding char `ch`; `None` for the turn unit outside turns.
    fn unit_at(&mut self, ch: usize, unit: CodingUnit) -> Option<Range<usize>> {
        match unit {
            CodingUnit::Match => Some(ch..ch + 1),
            CodingUnit::Turn => turn_at(self.turns, ch).map(|t| t.span.start..t.span.end),
            CodingUnit::Paragraph => Some(self.region_at(ch)),
            CodingUnit::Sentence => {
                let region = self.region_at(ch);
                let key = (region.start, region.end);
                if !self.sentences.contains_key(&key) {
                    let slice = self.index.char_range_to_byte_range(region.clone()).and_then(|r| self.text.get(r)).unwrap_or_default();
                    let list = sentences(slice).into_iter().map(|s| s.start + region.start..s.end + region.start).collect();
                    self.sentences.insert(key, list);
                }
                let list = self.sentences.get(&key)?;
                let i = list.partition_point(|s| s.end <= ch).min(list.len().saturating_sub(1));
                Some(list.get(i).cloned().unwrap_or(region))
            }
        }
    }

    /// The paragraph holding `ch` (or the next one, for a char between paragraphs), cut to the
    /// turn holding `ch` if there is one.
    fn region_at(&self, ch: usize) -> Range<usize> {
        let paragraphs = self.index.paragraphs();
        let i = paragraphs.partition_point(|p| p.end <= ch).min(paragraphs.len().saturating_sub(1));
        let paragraph = paragraphs.get(i).cloned().unwrap_or(ch..ch + 1);
        match turn_at(self.turns, ch) {
            Some(t) if t.span.start < paragraph.end && paragraph.start < t.span.end => {
                paragraph.start.max(t.span.start)..paragraph.end.min(t.span.end)
            }
            _ => paragraph,
        }
    }
}

/// Sorts spans and merges those that overlap (touching spans stay apart: they are two units).
fn merge(mut spans: Vec<TextSpan>) -> Vec<TextSpan> {
    spans.sort();
    let mut out: Vec<TextSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    /// Two turns: Dana (caregiver) over two paragraphs, then Priya (social worker).
    const TEXT: &str = "Dana: I felt on trial. Again on trial, Dr. Okafor said.\n\nStill on trial today.\n\nPriya: Not on trial. Never.";

    fn turns() -> Vec<Turn> {
        let turn = |id: i64, who: i64, start: usize, end: usize| Turn { id: TurnId(id), source_id: SourceId(1), participant_id: ParticipantId(who), span: TextSpan { start, end }, timestamp_ms: None };
        let dana = TEXT.find("I felt").unwrap_or(0);
        let dana_end = TEXT.find("today.").unwrap_or(0) + "today.".len();
        let priya = TEXT.find("Not on").unwrap_or(0);
        vec![turn(1, 1, dana, dana_end), turn(2, 2, priya, TEXT.len())]
    }

    fn roles() -> HashMap<ParticipantId, Option<String>> {
        [(ParticipantId(1), Some("caregiver".to_string())), (ParticipantId(2), Some("social_worker".to_string()))].into()
    }

    /// The texts the hits of "on trial" extend to.
    fn coded(unit: CodingUnit, role: Option<&str>) -> (Vec<&'static str>, usize) {
        let index = TextIndex::new(TEXT);
        let turns = turns();
        let units = Units { text: TEXT, index: &index, turns: &turns, sentences: HashMap::new() };
        let hits = SearchPattern::plain("on trial", false).compile().map(|f| f.find(TEXT)).unwrap_or_default();
        assert_eq!(hits.len(), 4);
        let (spans, outside) = units.extend(&hits, unit, role, &roles());
        (spans.into_iter().map(|s| slice_chars(TEXT, s.start..s.end).unwrap_or("<bad span>")).collect(), outside)
    }

    #[test]
    fn match_unit_codes_each_hit() {
        assert_eq!(coded(CodingUnit::Match, None), (vec!["on trial"; 4], 0));
    }

    #[test]
    fn sentence_unit_extends_to_the_sentence_within_the_turn() {
        let (texts, outside) = coded(CodingUnit::Sentence, None);
        assert_eq!(texts, ["I felt on trial.", "Again on trial, Dr. Okafor said.", "Still on trial today.", "Not on trial."]);
        assert_eq!(outside, 0);
    }

    #[test]
    fn paragraph_unit_stops_at_the_turn_label_and_at_blank_lines() {
        let (texts, _) = coded(CodingUnit::Paragraph, None);
        assert_eq!(texts, ["I felt on trial. Again on trial, Dr. Okafor said.", "Still on trial today.", "Not on trial. Never."]);
    }

    #[test]
    fn turn_unit_codes_each_turn_once() {
        let (texts, _) = coded(CodingUnit::Turn, None);
        assert_eq!(texts, ["I felt on trial. Again on trial, Dr. Okafor said.\n\nStill on trial today.", "Not on trial. Never."]);
    }

    #[test]
    fn a_role_keeps_only_what_its_speakers_say() {
        assert_eq!(coded(CodingUnit::Sentence, Some("social_worker")), (vec!["Not on trial."], 3));
        assert_eq!(coded(CodingUnit::Turn, Some("caregiver")).1, 1);
        assert_eq!(coded(CodingUnit::Match, Some("child")), (vec![], 4));
    }

    #[test]
    fn hits_outside_turns_have_no_turn_and_no_speaker() {
        let text = "Notes before the interview: on trial.\n\nDana: on trial";
        let index = TextIndex::new(text);
        let start = text.rfind("on trial").unwrap_or(0);
        let turns = vec![Turn { id: TurnId(1), source_id: SourceId(1), participant_id: ParticipantId(1), span: TextSpan { start, end: text.len() }, timestamp_ms: None }];
        let hits = SearchPattern::plain("on trial", false).compile().map(|f| f.find(text)).unwrap_or_default();
        let extend = |unit, role| Units { text, index: &index, turns: &turns, sentences: HashMap::new() }.extend(&hits, unit, role, &roles());
        assert_eq!(extend(CodingUnit::Turn, None), (vec![TextSpan { start, end: text.len() }], 1));
        assert_eq!(extend(CodingUnit::Sentence, None).0, [TextSpan { start: 0, end: 37 }, TextSpan { start, end: text.len() }]);
        assert_eq!(extend(CodingUnit::Match, Some("caregiver")).1, 1);
    }

    #[test]
    fn a_hit_across_sentences_takes_both() {
        let text = "One two. Three four. Five.";
        let index = TextIndex::new(text);
        let hits = SearchPattern::regex(r"two\. Three").compile().map(|f| f.find(text)).unwrap_or_default();
        let units = Units { text, index: &index, turns: &[], sentences: HashMap::new() };
        assert_eq!(units.extend(&hits, CodingUnit::Sentence, None, &HashMap::new()).0, [TextSpan { start: 0, end: 20 }]);
    }

    #[test]
    fn overlapping_units_merge_but_touching_ones_do_not() {
        let s = |start, end| TextSpan { start, end };
        assert_eq!(merge(vec![s(5, 9), s(0, 6), s(9, 12), s(20, 22), s(20, 22)]), [s(0, 9), s(9, 12), s(20, 22)]);
    }
}
