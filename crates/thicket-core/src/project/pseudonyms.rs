//! The project's side of pseudonymisation: reading the map, suggesting entries (pre-fill from
//! participants and speaker labels), previewing every replacement the map makes in the project's
//! texts, and the export log.
//!
//! Edits to the map are `Action`s (`AddPseudonyms`, `UpdatePseudonym`, `RemovePseudonyms`),
//! undoable like any other change. Logging an export is a plain write outside the undo history:
//! undoing an edit must not erase the record that a file was written.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::Project;
use crate::clock::now_rfc3339;
use crate::error::{Error, Result};
use crate::model::*;
use crate::text::PseudonymMap;

/// What the preview shows of one entry: how often it replaces, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryPreview {
    pub id: PseudonymId,
    pub original: String,
    pub replacement: String,
    /// Replacements in all the places the preview looks.
    pub count: usize,
    /// Sources whose text or name it changes.
    pub sources: usize,
}

/// Where a previewed replacement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PreviewPlace {
    /// A source's text.
    Text,
    /// A source's name (citations show it).
    SourceName,
    /// A case's name.
    CaseName,
    /// A memo's title or body.
    Memo,
}

impl PreviewPlace {
    /// For listings: "text", "source name", "case name", "memo".
    pub fn label(self) -> &'static str {
        match self {
            PreviewPlace::Text => "text",
            PreviewPlace::SourceName => "source name",
            PreviewPlace::CaseName => "case name",
            PreviewPlace::Memo => "memo",
        }
    }
}

/// One replacement the map would make on the way out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviewHit {
    pub pseudonym: PseudonymId,
    pub place: PreviewPlace,
    /// The source (text, source name), case or memo title the replacement is in.
    pub source: String,
    /// Char offsets in that text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub found: String,
    pub replacement: String,
    /// Up to 30 chars before and after, on one line.
    pub before: String,
    pub after: String,
}

/// Every replacement the map makes in the project's texts, names and memos.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PseudonymPreview {
    /// One per map entry, in the map's order.
    pub entries: Vec<EntryPreview>,
    /// In order of place, source and position.
    pub hits: Vec<PreviewHit>,
    /// The map's fingerprint.
    pub fingerprint: String,
}

impl PseudonymPreview {
    /// Replacements in all.
    pub fn total(&self) -> usize {
        self.hits.len()
    }
}

/// Names that stand for a role, not a person: never suggested for replacement.
const GENERIC: &[&str] = &["interviewer", "facilitator", "moderator", "researcher", "speaker", "participant", "unknown", "observer", "note-taker"];

/// Chars of context each side of a previewed replacement.
const CONTEXT: usize = 30;

impl Project {
    /// The pseudonymisation map, in the researcher's order.
    pub fn pseudonyms(&self) -> Result<Vec<Pseudonym>> {
        Ok(self.store.read().pseudonyms()?)
    }

    /// The map, compiled for applying to exports.
    pub fn pseudonym_map(&self) -> Result<PseudonymMap> {
        Ok(PseudonymMap::new(&self.pseudonyms()?))
    }

    /// Entries to pre-fill the map with: each participant's name (and, for a name of several
    /// words, its first word) and each speaker label found at the start of a turn that differs
    /// from its participant's name, with a role-based replacement ("Caregiver 1", "Social
    /// worker 2"; "Participant 3" without a role). Names that stand for a role (`Interviewer`,
    /// `Facilitator`, a role's own name) are left out, and so is anything already in the map,
    /// in any case: pre-filling never overwrites the researcher's entries. A first name two
    /// participants share is left out too, since it cannot say which one it is.
    pub fn suggested_pseudonyms(&self) -> Result<Vec<NewPseudonym>> {
        let r = self.store.read();
        let map = r.pseudonyms()?;
        let roles = r.roles()?;
        let generic = |name: &str| {
            let lower = name.to_lowercase();
            let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
            GENERIC.contains(&stem) || roles.iter().any(|ro| ro.name.to_lowercase() == lower || ro.label.to_lowercase() == lower)
        };
        let mut taken: HashSet<String> = map.iter().map(|p| p.original.to_lowercase()).collect();
        let mut used: HashSet<String> = map.iter().map(|p| p.replacement.to_lowercase()).collect();
        let label_of: HashMap<&str, &str> = roles.iter().map(|ro| (ro.name.as_str(), ro.label.as_str())).collect();

        let mut participants = r.participants()?;
        participants.retain(|p| !generic(&p.name));
        participants.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.cmp(&b.id)));
        // A participant already in the map keeps the researcher's replacement for their labels.
        let mut replacement_of: HashMap<ParticipantId, String> = HashMap::new();
        for p in &participants {
            if let Some(e) = map.iter().find(|e| e.original.to_lowercase() == p.name.to_lowercase()) {
                replacement_of.insert(p.id, e.replacement.clone());
            }
        }
        let mut first_names: HashMap<String, usize> = HashMap::new();
        for p in &participants {
            if let Some(first) = first_word(&p.name) {
                *first_names.entry(first.to_lowercase()).or_default() += 1;
            }
        }

        let mut out = Vec::new();
        let mut numbers: BTreeMap<String, usize> = BTreeMap::new();
        let add = |original: &str, replacement: &str, origin: PseudonymOrigin, out: &mut Vec<NewPseudonym>, taken: &mut HashSet<String>| {
            if taken.insert(original.to_lowercase()) {
                out.push(NewPseudonym { origin, ..NewPseudonym::added(original, replacement) });
            }
        };
        for p in &participants {
            let replacement = match replacement_of.get(&p.id) {
                Some(r) => r.clone(),
                None => {
                    let base = p.role.as_deref().map(|ro| label_of.get(ro).map_or_else(|| readable(ro), |l| l.to_string())).unwrap_or_else(|| "Participant".into());
                    let n = numbers.entry(base.clone()).or_insert(0);
                    let mut candidate;
                    loop {
                        *n += 1;
                        candidate = format!("{base} {n}");
                        if used.insert(candidate.to_lowercase()) {
                            break;
                        }
                    }
                    replacement_of.insert(p.id, candidate.clone());
                    candidate
                }
            };
            add(&p.name, &replacement, PseudonymOrigin::Participant, &mut out, &mut taken);
            if let Some(first) = first_word(&p.name).filter(|f| first_names.get(&f.to_lowercase()) == Some(&1) && !generic(f)) {
                add(first, &replacement, PseudonymOrigin::Participant, &mut out, &mut taken);
            }
        }
        // Speaker labels as the transcripts write them ("DW:", "Mrs Whitfield:"), where they
        // differ from the participant's name.
        let turns = r.all_turns()?;
        let mut by_source: BTreeMap<SourceId, Vec<&Turn>> = BTreeMap::new();
        for t in &turns {
            by_source.entry(t.source_id).or_default().push(t);
        }
        for (source, turns) in by_source {
            let Some(text) = r.source_text(source)? else { continue };
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for t in turns {
                let Some(replacement) = replacement_of.get(&t.participant_id) else { continue };
                let start = chars.get(t.span.start).map_or(text.len(), |&(b, _)| b);
                if let Some(label) = speaker_label(label_line(&text[..start])).filter(|l| !generic(l)) {
                    add(label, replacement, PseudonymOrigin::Speaker, &mut out, &mut taken);
                }
            }
        }
        Ok(out)
    }

    /// The pre-fill as one undoable step, or `None` when there is nothing new to add.
    pub fn prefill_pseudonyms_action(&self) -> Result<Option<crate::action::Action>> {
        let new = self.suggested_pseudonyms()?;
        Ok((!new.is_empty()).then(|| crate::action::Action::Batch {
            label: format!("Pre-fill {} pseudonyms", new.len()),
            step: crate::action::Bundle::PrefillPseudonyms { n: new.len() }.boxed(),
            actions: vec![crate::action::Action::AddPseudonyms(new)],
        }))
    }

    /// Every replacement the map makes in the sources' texts and names, the cases' names and the
    /// memos, with counts per entry. Reads every source text: run it on demand.
    pub fn pseudonym_preview(&self) -> Result<PseudonymPreview> {
        let mut run = self.pseudonym_preview_run()?;
        while !run.step(self, std::time::Duration::MAX)? {}
        run.finish(self)
    }

    /// The preview read a few sources at a time (`PreviewRun::step`), so that the window can
    /// build it across frames: the texts are most of the work.
    pub fn pseudonym_preview_run(&self) -> Result<PreviewRun> {
        let r = self.store.read();
        let entries = r.pseudonyms()?;
        let map = PseudonymMap::new(&entries);
        let sources = if map.is_empty() { Vec::new() } else { r.sources()?.into_iter().map(|s| (s.id, s.name)).collect() };
        let mut run = PreviewRun { sources_of: vec![HashSet::new(); entries.len()], entries, map, sources, next: 0, hits: Vec::new() };
        for (id, name) in run.sources.clone() {
            run.look(PreviewPlace::SourceName, &name, &name, Some(id));
        }
        Ok(run)
    }

    /// The map an export goes through: `None` when it is not pseudonymised. An empty map is
    /// refused, so that an export never claims to be pseudonymised when nothing was replaced.
    /// The command line and the window both ask here.
    pub fn export_map(&self, pseudonymise: bool) -> Result<Option<PseudonymMap>> {
        if !pseudonymise {
            return Ok(None);
        }
        let map = self.pseudonym_map()?;
        if map.is_empty() {
            return Err(Error::invalid(
                "the pseudonym map is empty; fill it first (in the window: Project menu, Pseudonyms…; on the command line: thicket pseudonym PROJECT prefill, or add)",
            ));
        }
        Ok(Some(map))
    }

    /// Records that the file `file` of `kind` was written with `options`, through `map` or not
    /// (see `log_export`).
    pub fn log_written_export(&mut self, kind: &str, file: &std::path::Path, options: serde_json::Value, map: Option<&PseudonymMap>) -> Result<ExportRecordId> {
        self.log_export(&NewExportRecord {
            kind: kind.to_string(),
            file: file.display().to_string(),
            options,
            pseudonymised: map.is_some(),
            map_hash: map.map(|m| m.fingerprint().to_string()),
            map_entries: map.map(PseudonymMap::len),
        })
    }

    /// Records that an export was written (not undoable: the record outlives any undo). The
    /// time is now.
    pub fn log_export(&mut self, record: &NewExportRecord) -> Result<ExportRecordId> {
        if record.kind.trim().is_empty() {
            return Err(Error::invalid("an export record needs a kind"));
        }
        let now = now_rfc3339();
        self.store.write(|w| Ok(w.insert_export_record(&now, record)?))
    }

    /// Every export recorded, oldest first.
    pub fn export_log(&self) -> Result<Vec<ExportRecord>> {
        Ok(self.store.read().export_log()?)
    }

    /// An entry of the map by its original (any case).
    pub fn pseudonym_for(&self, original: &str) -> Result<Option<Pseudonym>> {
        let lower = original.to_lowercase();
        Ok(self.pseudonyms()?.into_iter().find(|p| p.original.to_lowercase() == lower))
    }
}

/// The first word of a name of several words ("Dana" of "Dana Whitfield"); `None` for one word.
fn first_word(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next().is_some().then_some(first).filter(|f| f.chars().count() > 1)
}

/// The line that holds a turn's label: a turn's span starts after its label, on the label's
/// line or on a following one, so this is the last non-blank line before the span.
fn label_line(before: &str) -> &str {
    let trimmed = before.trim_end();
    trimmed.rfind('\n').map_or(trimmed, |i| &trimmed[i + 1..])
}

/// The label before a colon at the start of a turn ("Dana:" gives "Dana"), when it looks like
/// one: on the turn's first line, at most four words and 40 chars, each word starting with a
/// capital (a name, initials), without sentence punctuation (so "Well, what I meant was:" and
/// "The other thing:" are not labels).
fn speaker_label(turn: &str) -> Option<&str> {
    let line = turn.lines().next()?;
    let (label, _) = line.split_once(':')?;
    let label = label.trim().trim_matches(|c: char| c == '*' || c == '[' || c == ']').trim();
    let plausible = label.chars().count() <= 40
        && label.split_whitespace().count() <= 4
        && label.chars().any(char::is_alphabetic)
        && label.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !label.contains([',', '.', '?', '!', ';', '"', '“', '”']);
    plausible.then_some(label)
}

/// A role key written for reading: `social_worker` → "Social worker".
fn readable(role: &str) -> String {
    let spaced = role.replace('_', " ");
    let mut c = spaced.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A preview being built: the source names are looked at first, then each source's text a few
/// at a time (`step`), then the case names and memos (`finish`).
#[derive(Debug)]
pub struct PreviewRun {
    entries: Vec<Pseudonym>,
    map: PseudonymMap,
    /// Sources by id and name, in list order.
    sources: Vec<(SourceId, String)>,
    /// The next source whose text is looked at.
    next: usize,
    hits: Vec<PreviewHit>,
    /// The sources each entry was found in.
    sources_of: Vec<HashSet<SourceId>>,
}

impl PreviewRun {
    /// Looks at source texts until `budget` has passed (at least one); true when all are done.
    pub fn step(&mut self, project: &Project, budget: std::time::Duration) -> Result<bool> {
        let started = std::time::Instant::now();
        let r = project.store.read();
        while self.next < self.sources.len() {
            let (id, name) = self.sources[self.next].clone();
            let text = r.source_text(id)?.unwrap_or_default();
            self.look(PreviewPlace::Text, &name, &text, Some(id));
            self.next += 1;
            if started.elapsed() >= budget {
                break;
            }
        }
        Ok(self.next >= self.sources.len())
    }

    /// How far the texts are, from 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.sources.is_empty() { 1.0 } else { self.next as f32 / self.sources.len() as f32 }
    }

    /// Looks at the case names and memos (few and short) and makes the preview.
    pub fn finish(mut self, project: &Project) -> Result<PseudonymPreview> {
        if !self.map.is_empty() {
            let r = project.store.read();
            for c in r.cases()? {
                self.look(PreviewPlace::CaseName, &c.name, &c.name, None);
            }
            for m in r.memos()? {
                let name = if m.title.is_empty() { m.body.chars().take(40).collect() } else { m.title.clone() };
                self.look(PreviewPlace::Memo, &name, &m.title, None);
                self.look(PreviewPlace::Memo, &name, &m.body, None);
            }
        }
        let mut counts = vec![0; self.entries.len()];
        let index: HashMap<PseudonymId, usize> = self.entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        for h in &self.hits {
            counts[index[&h.pseudonym]] += 1;
        }
        let entries = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| EntryPreview {
                id: e.id,
                original: e.original.clone(),
                replacement: e.replacement.clone(),
                count: counts[i],
                sources: self.sources_of[i].len(),
            })
            .collect();
        Ok(PseudonymPreview { entries, hits: self.hits, fingerprint: self.map.fingerprint().to_string() })
    }

    /// Records every replacement the map makes in `text` (found in `place` named `name`).
    fn look(&mut self, place: PreviewPlace, name: &str, text: &str, source: Option<SourceId>) {
        let found = self.map.find(text);
        if found.is_empty() {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        let one_line = |s: &[char]| s.iter().map(|c| if c.is_whitespace() { ' ' } else { *c }).collect::<String>();
        for f in found {
            if let Some(s) = source {
                self.sources_of[f.entry].insert(s);
            }
            self.hits.push(PreviewHit {
                pseudonym: self.entries[f.entry].id,
                place,
                source: name.to_string(),
                start: f.start,
                end: f.end,
                before: one_line(&chars[f.start.saturating_sub(CONTEXT)..f.start]),
                after: one_line(&chars[f.end..(f.end + CONTEXT).min(chars.len())]),
                found: f.found,
                replacement: f.replacement,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_before_the_colon_on_the_first_line() {
        assert_eq!(speaker_label("Dana: hello"), Some("Dana"));
        assert_eq!(speaker_label("**DW**: hi"), Some("DW"));
        assert_eq!(speaker_label("no label here\nTime: 10"), None);
        assert_eq!(speaker_label("10: 30"), None);
        assert_eq!(speaker_label("Well, what I meant was: this"), None);
        assert_eq!(speaker_label("Mrs Whitfield: yes"), Some("Mrs Whitfield"));
        assert_eq!(speaker_label("The other thing: the file"), None);
        assert_eq!(label_line("Intro.\n\nMRS O: "), "MRS O:");
        assert_eq!(label_line("**Dana:**\n"), "**Dana:**");
        assert_eq!(first_word("Dana Whitfield"), Some("Dana"));
        assert_eq!(first_word("Dana"), None);
        assert_eq!(readable("social_worker"), "Social worker");
    }
}

