//! Planning one FROM's merge against INTO's current state: the matching of every entity, the rows
//! to insert (a `Snapshot`, restored under keys chosen here), the changes to matched entities
//! (ordinary actions), the conflicts and how the rule resolved them, and the counts.
//!
//! The plan becomes one `Action::Batch`: first the `Restore` of every new row, then the changes,
//! in an order where each stands on what came before (a code moved under a new parent comes after
//! the parent exists; a framework summary after its column). Its inverse, run by undo, takes back
//! the changes in reverse order and then removes exactly the rows that came in.
//!
//! The planner is split by family: people and sources here, the codebook with codings and memos
//! in `plan_codes`, attributes, framework matrices and the pseudonym map in `plan_extras`.

use std::collections::{HashMap, HashSet};

use super::side::Side;
use super::{BothKept, ConflictRule, KindCount, MergeConflict, MergeEntity, MergeReport, MergeSource, MergeWarning, NameHolder, Resolution, WarningKind};
use crate::action::{Action, Snapshot};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Reader;

#[path = "plan_codes.rs"]
mod plan_codes;
#[path = "plan_extras.rs"]
mod plan_extras;

/// The resolution of a conflict no rule resolved.
pub(super) const UNRESOLVED: &str = "unresolved";

/// The kinds counted, in the report's order.
const KINDS: [&str; 18] = [
    "coders",
    "cases",
    "participants",
    "sources",
    "turns",
    "case links",
    "participant links",
    "source links",
    "codes",
    "codings",
    "memos",
    "attributes",
    "attribute values",
    "framework matrices",
    "framework columns",
    "framework rows",
    "framework summaries",
    "pseudonyms",
];

/// A planned merge: the report, and the action that does it (`None` when nothing comes in).
pub(super) struct Planned {
    pub report: MergeReport,
    pub action: Option<Action>,
}

/// Plans merging `source` into the project `into` reads.
pub(super) fn plan(into: &Reader<'_>, source: &MergeSource, rule: Option<ConflictRule>) -> Result<Planned> {
    let from_reader = source.project().store.read();
    let mut p = Planner {
        into: Side::load(into)?,
        from: Side::load(&from_reader)?,
        from_reader: &from_reader,
        into_reader: into,
        file: source.file_name(),
        rule,
        report: MergeReport {
            from: source.path().display().to_string(),
            counts: KINDS.iter().map(|k| KindCount { kind: k, ..Default::default() }).collect(),
            conflicts: Vec::new(),
            warnings: Vec::new(),
            warned: Vec::new(),
        },
        snap: Snapshot::default(),
        changes: Vec::new(),
        keys: HashMap::new(),
        coders: HashMap::new(),
        cases: HashMap::new(),
        participants: HashMap::new(),
        sources: HashMap::new(),
        codes: HashMap::new(),
        attributes: HashMap::new(),
    };
    p.coders()?;
    p.cases()?;
    p.participants()?;
    p.sources()?;
    p.links();
    p.codes()?;
    p.codings()?;
    p.memos()?;
    p.attributes()?;
    p.frameworks()?;
    p.pseudonyms();
    if p.into.title != p.from.title {
        let kind = WarningKind::TitlesDiffer { here: p.into.title.clone(), there: p.from.title.clone() };
        p.warn(kind);
    }
    let label = format!("Merge “{}”", p.file);
    let mut actions = Vec::new();
    if p.snap != Snapshot::default() {
        actions.push(Action::Restore(Box::new(std::mem::take(&mut p.snap))));
    }
    actions.append(&mut p.changes);
    let action = (!actions.is_empty()).then_some(Action::Batch { label, actions, step: crate::action::Bundle::MergeProject { file: p.file.to_string() }.boxed() });
    Ok(Planned { report: p.report, action })
}

/// Which side's value a conflict kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Choice {
    Into,
    From,
    Both,
}

/// The state of one merge's planning.
pub(super) struct Planner<'a> {
    pub into: Side,
    pub from: Side,
    pub from_reader: &'a Reader<'a>,
    pub into_reader: &'a Reader<'a>,
    /// FROM's file name, for messages.
    pub file: String,
    pub rule: Option<ConflictRule>,
    pub report: MergeReport,
    /// New rows, under the INTO keys chosen for them.
    pub snap: Snapshot,
    /// Changes to matched entities, in the order they must run.
    pub changes: Vec<Action>,
    /// Next free key per table.
    keys: HashMap<&'static str, i64>,
    /// FROM id to INTO id, per kind.
    pub coders: HashMap<CoderId, CoderId>,
    pub cases: HashMap<CaseId, CaseId>,
    pub participants: HashMap<ParticipantId, ParticipantId>,
    pub sources: HashMap<SourceId, SourceId>,
    pub codes: HashMap<CodeId, CodeId>,
    pub attributes: HashMap<AttributeId, AttributeId>,
}

impl Planner<'_> {
    /// A fresh INTO key for a new row of `table`.
    pub fn key(&mut self, table: &'static str) -> Result<i64> {
        let next = match self.keys.get(table) {
            Some(&k) => k,
            None => self.into_reader.next_key(table)?.ok_or_else(|| Error::internal(format!("no keys for table {table}")))?,
        };
        self.keys.insert(table, next + 1);
        Ok(next)
    }

    pub fn count(&mut self, kind: &str) -> &mut KindCount {
        let i = self.report.counts.iter().position(|c| c.kind == kind).expect("a counted kind");
        &mut self.report.counts[i]
    }

    pub fn warn(&mut self, kind: WarningKind) {
        let warning = MergeWarning { file: self.file.to_string(), kind };
        self.report.warnings.push(warning.to_string());
        self.report.warned.push(warning);
    }

    /// Records a conflict and says which value to keep. `both`: what keeping both does for this
    /// kind, or `None` where both cannot be kept (then INTO's value stays).
    pub fn decide(&mut self, kind: &str, entity: MergeEntity, into: &str, from: &str, both: Option<BothKept>) -> Choice {
        let (choice, resolved) = match (self.rule, both) {
            (None, _) => (Choice::Into, Resolution::Unresolved),
            (Some(ConflictRule::Into), _) => (Choice::Into, Resolution::KeptInto),
            (Some(ConflictRule::From), _) => (Choice::From, Resolution::TookFrom),
            (Some(ConflictRule::Both), Some(how)) => (Choice::Both, Resolution::KeptBoth(how)),
            (Some(ConflictRule::Both), None) => (Choice::Into, Resolution::KeptIntoBothImpossible),
        };
        self.report.conflicts.push(MergeConflict {
            kind: kind.into(),
            entity: entity.to_string(),
            into: into.into(),
            from: from.into(),
            resolution: resolved.to_string(),
            what: entity,
            resolved,
        });
        choice
    }

    fn coders(&mut self) -> Result<()> {
        let from = self.from.coders.clone();
        let pairs = match_pairs(&from, &self.into.coders, |c| &c.uuid, |c| c.name.clone());
        let mut taken: HashSet<String> = self.into.coders.iter().map(|c| c.name.clone()).collect();
        for (f, found) in from.iter().zip(pairs) {
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.coders[i].clone();
                    self.coders.insert(f.id, into.id);
                    self.matched("coders", by_uuid);
                    if by_uuid && into.name != f.name {
                        self.rename(RenameKind::Coder(into.id), "coder name", MergeEntity::Coder { name: into.name.clone() }, &into.name, &f.name, &mut taken);
                    }
                    // Colour and retirement are compared only for the same coder (by UUID): two
                    // coders who merely share a name took their colours from their own files.
                    if by_uuid && !into.color.eq_ignore_ascii_case(&f.color)
                        && self.decide("coder colour", MergeEntity::Coder { name: into.name.clone() }, &into.color, &f.color, None) == Choice::From
                    {
                        self.changes.push(Action::SetCoderColor { id: into.id, color: f.color.clone() });
                        self.count("coders").updated += 1;
                    }
                    if by_uuid && into.retired != f.retired {
                        let says = |r: bool| if r { "retired" } else { "active" };
                        if self.decide("coder retired", MergeEntity::Coder { name: into.name.clone() }, says(into.retired), says(f.retired), None) == Choice::From {
                            self.changes.push(Action::SetCoderRetired { id: into.id, retired: f.retired });
                            self.count("coders").updated += 1;
                        }
                    }
                }
                None => {
                    let name = unique(&f.name, |n| taken.contains(n));
                    if name != f.name {
                        self.warn(WarningKind::CameInAs { what: MergeEntity::Coder { name: f.name.clone() }, name: name.clone() });
                    }
                    taken.insert(name.clone());
                    let id = CoderId(self.key("coders")?);
                    self.coders.insert(f.id, id);
                    self.snap.coders.push(Coder { id, uuid: f.uuid.clone(), name, created_at: f.created_at.clone(), color: f.color.clone(), retired: f.retired });
                    self.count("coders").added += 1;
                }
            }
        }
        Ok(())
    }

    pub fn matched(&mut self, kind: &str, by_uuid: bool) {
        let count = self.count(kind);
        if by_uuid {
            count.matched += 1;
        } else {
            count.matched_by_name += 1;
        }
    }

    /// A name differing on a matched entity: FROM's comes in if the rule says so and no other
    /// entity of INTO holds it (then the report says why it stayed).
    fn rename(&mut self, what: RenameKind, kind: &str, entity: MergeEntity, into: &str, from: &str, taken: &mut HashSet<String>) -> bool {
        if taken.contains(from) {
            self.warn(WarningKind::NameTaken { entity, name: from.to_string(), holder: NameHolder::Entity });
            return false;
        }
        if self.decide(kind, entity, into, from, None) != Choice::From {
            return false;
        }
        taken.remove(into);
        taken.insert(from.to_string());
        match what {
            RenameKind::Coder(id) => {
                self.changes.push(Action::RenameCoder { id, name: from.to_string() });
                self.count("coders").updated += 1;
            }
        }
        true
    }

    fn cases(&mut self) -> Result<()> {
        let from = self.from.cases.clone();
        let pairs = match_pairs(&from, &self.into.cases, |c| &c.uuid, |c| c.name.clone());
        let mut taken: HashSet<String> = self.into.cases.iter().map(|c| c.name.clone()).collect();
        for (f, found) in from.iter().zip(pairs) {
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.cases[i].clone();
                    self.cases.insert(f.id, into.id);
                    self.matched("cases", by_uuid);
                    let entity = MergeEntity::Case { name: into.name.clone() };
                    let mut name = into.name.clone();
                    if into.name != f.name {
                        if taken.contains(&f.name) {
                            self.warn(WarningKind::NameTaken { entity: entity.clone(), name: f.name.clone(), holder: NameHolder::Case });
                        } else if self.decide("case name", entity.clone(), &into.name, &f.name, None) == Choice::From {
                            taken.insert(f.name.clone());
                            name = f.name.clone();
                        }
                    }
                    let mut description = into.description.clone();
                    if into.description != f.description {
                        match self.decide("case description", entity, &into.description, &f.description, Some(BothKept::Descriptions)) {
                            Choice::Into => {}
                            Choice::From => description = f.description.clone(),
                            Choice::Both => description = join(&into.description, &f.description),
                        }
                    }
                    if name != into.name || description != into.description {
                        self.changes.push(Action::UpdateCase { id: into.id, name, description });
                        self.count("cases").updated += 1;
                    }
                }
                None => {
                    let name = unique(&f.name, |n| taken.contains(n));
                    if name != f.name {
                        self.warn(WarningKind::CameInAs { what: MergeEntity::Case { name: f.name.clone() }, name: name.clone() });
                    }
                    taken.insert(name.clone());
                    let id = CaseId(self.key("cases")?);
                    self.cases.insert(f.id, id);
                    self.snap.cases.push(Case { id, uuid: f.uuid.clone(), name, description: f.description.clone() });
                    self.count("cases").added += 1;
                }
            }
        }
        Ok(())
    }

    fn participants(&mut self) -> Result<()> {
        let from = self.from.participants.clone();
        let pairs = match_pairs(&from, &self.into.participants, |p| &p.uuid, |p| p.name.clone());
        let mut taken: HashSet<String> = self.into.participants.iter().map(|p| p.name.clone()).collect();
        let roles: HashSet<String> = self.into.roles.iter().map(|r| r.name.clone()).collect();
        for (f, found) in from.iter().zip(pairs) {
            let role = match &f.role {
                Some(r) if !roles.contains(r) => {
                    self.warn(WarningKind::RoleMissing { participant: f.name.clone(), role: r.to_string() });
                    None
                }
                r => r.clone(),
            };
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.participants[i].clone();
                    self.participants.insert(f.id, into.id);
                    self.matched("participants", by_uuid);
                    let entity = MergeEntity::Participant { name: into.name.clone() };
                    let mut name = into.name.clone();
                    if into.name != f.name {
                        if taken.contains(&f.name) {
                            self.warn(WarningKind::NameTaken { entity: entity.clone(), name: f.name.clone(), holder: NameHolder::Participant });
                        } else if self.decide("participant name", entity.clone(), &into.name, &f.name, None) == Choice::From {
                            taken.insert(f.name.clone());
                            name = f.name.clone();
                        }
                    }
                    let mut new_role = into.role.clone();
                    if into.role != f.role && (f.role.is_none() || role.is_some()) {
                        let show = |r: &Option<String>| r.clone().unwrap_or_else(|| "(none)".into());
                        if self.decide("participant role", entity, &show(&into.role), &show(&f.role), None) == Choice::From {
                            new_role = role.clone();
                        }
                    }
                    if name != into.name || new_role != into.role {
                        // The participant's cases are its cases here plus those it has in FROM
                        // (the links come in with the snapshot, before this change runs).
                        let mut cases: Vec<CaseId> = self.into.participant_cases.iter().filter(|(p, _)| *p == into.id).map(|(_, c)| *c).collect();
                        for (_, c) in self.from.participant_cases.iter().filter(|(p, _)| *p == f.id) {
                            let c = self.cases[c];
                            if !cases.contains(&c) {
                                cases.push(c);
                            }
                        }
                        self.changes.push(Action::UpdateParticipant { id: into.id, name, role: new_role, cases });
                        self.count("participants").updated += 1;
                    }
                }
                None => {
                    let name = unique(&f.name, |n| taken.contains(n));
                    if name != f.name {
                        self.warn(WarningKind::CameInAs { what: MergeEntity::Participant { name: f.name.clone() }, name: name.clone() });
                    }
                    taken.insert(name.clone());
                    let id = ParticipantId(self.key("participants")?);
                    self.participants.insert(f.id, id);
                    self.snap.participants.push(Participant { id, uuid: f.uuid.clone(), name, role });
                    self.count("participants").added += 1;
                }
            }
        }
        Ok(())
    }

    /// Sources by content: UUID and hash, then hash alone; a source of FROM whose text INTO does
    /// not hold comes in, beside any INTO source of the same name (renamed, with a warning).
    fn sources(&mut self) -> Result<()> {
        let from = self.from.sources.clone();
        let mut claimed: HashSet<SourceId> = HashSet::new();
        let mut found: Vec<Option<(usize, bool)>> = vec![None; from.len()];
        for (k, f) in from.iter().enumerate() {
            if let Some(i) = self.into.sources.iter().position(|s| s.uuid == f.uuid && s.text_hash == f.text_hash) {
                claimed.insert(self.into.sources[i].id);
                found[k] = Some((i, true));
            }
        }
        for (k, f) in from.iter().enumerate() {
            if found[k].is_none()
                && let Some(i) = self.into.sources.iter().position(|s| s.text_hash == f.text_hash && !claimed.contains(&s.id))
            {
                claimed.insert(self.into.sources[i].id);
                found[k] = Some((i, false));
            }
        }
        // Turns by source, read once (a project has hundreds of thousands).
        let mut into_turns: HashMap<SourceId, Vec<Turn>> = HashMap::new();
        for t in &self.into.turns {
            into_turns.entry(t.source_id).or_default().push(t.clone());
        }
        let mut from_turns: HashMap<SourceId, Vec<Turn>> = HashMap::new();
        for t in &self.from.turns {
            from_turns.entry(t.source_id).or_default().push(t.clone());
        }
        let mut taken: HashSet<String> = self.into.sources.iter().map(|s| s.name.clone()).collect();
        let uuids: HashSet<String> = self.into.sources.iter().map(|s| s.uuid.clone()).collect();
        for (f, found) in from.iter().zip(found) {
            match found {
                Some((i, by_uuid)) => {
                    let into = self.into.sources[i].clone();
                    self.sources.insert(f.id, into.id);
                    self.matched("sources", by_uuid);
                    self.source_fields(&into, f, &mut taken);
                    let (mine, theirs) = (into_turns.remove(&into.id).unwrap_or_default(), from_turns.remove(&f.id).unwrap_or_default());
                    self.matched_turns(&into, mine, theirs);
                }
                None => {
                    let name = unique(&f.name, |n| taken.contains(n));
                    if name != f.name {
                        self.warn(WarningKind::SourceKeptTwice { source: f.name.clone(), name: name.clone() });
                    }
                    taken.insert(name.clone());
                    let mut uuid = f.uuid.clone();
                    if uuids.contains(&uuid) {
                        uuid = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, format!("{}:{}", f.uuid, f.text_hash).as_bytes()).to_string();
                        self.warn(WarningKind::SourceIdentityReused { source: f.name.clone() });
                    }
                    let id = SourceId(self.key("sources")?);
                    self.sources.insert(f.id, id);
                    let text = self.from_reader.source_text(f.id)?.unwrap_or_default();
                    self.snap.sources.push((Source { id, uuid, name, ..f.clone() }, text));
                    self.count("sources").added += 1;
                    for t in from_turns.remove(&f.id).unwrap_or_default() {
                        let turn = Turn { id: TurnId(self.key("turns")?), source_id: id, participant_id: self.participants[&t.participant_id], ..t };
                        self.snap.turns.push(turn);
                        self.count("turns").added += 1;
                    }
                }
            }
        }
        Ok(())
    }

    /// Name, kind, date and author of a source both sides hold.
    fn source_fields(&mut self, into: &Source, f: &Source, taken: &mut HashSet<String>) {
        let entity = MergeEntity::Source { name: into.name.clone() };
        let mut name = into.name.clone();
        if into.name != f.name {
            if taken.contains(&f.name) {
                self.warn(WarningKind::NameTaken { entity: entity.clone(), name: f.name.clone(), holder: NameHolder::Source });
            } else if self.decide("source name", entity.clone(), &into.name, &f.name, None) == Choice::From {
                taken.insert(f.name.clone());
                name = f.name.clone();
            }
        }
        let mut kind = into.kind;
        if into.kind != f.kind && self.decide("source kind", entity.clone(), into.kind.as_str(), f.kind.as_str(), None) == Choice::From {
            kind = f.kind;
        }
        let mut date = into.date.clone();
        let show = |d: &Option<String>| d.clone().unwrap_or_else(|| "(none)".into());
        if into.date != f.date && self.decide("source date", entity.clone(), &show(&into.date), &show(&f.date), None) == Choice::From {
            date = f.date.clone();
        }
        if name != into.name || kind != into.kind || date != into.date {
            self.changes.push(Action::UpdateSource { id: into.id, name, kind, date });
            self.count("sources").updated += 1;
        }
        if into.author != f.author && self.decide("source author", entity, &show(&into.author), &show(&f.author), None) == Choice::From {
            self.changes.push(Action::SetSourceAuthor { id: into.id, author: f.author.clone() });
            self.count("sources").updated += 1;
        }
    }

    /// Turns of a source both sides hold, matched by span: a speaker differing is a conflict; a
    /// turn FROM has and INTO does not is reported (turns are set when a source is imported).
    fn matched_turns(&mut self, into: &Source, mine: Vec<Turn>, theirs: Vec<Turn>) {
        let here: HashMap<TextSpan, Turn> = mine.into_iter().map(|t| (t.span, t)).collect();
        let mut missing = 0;
        for t in theirs {
            let Some(mine) = here.get(&t.span) else {
                missing += 1;
                continue;
            };
            self.count("turns").matched += 1;
            let speaker = self.participants[&t.participant_id];
            if speaker != mine.participant_id {
                let entity = MergeEntity::Turn { start: t.span.start, end: t.span.end, source: into.name.clone() };
                let (a, b) = (self.into.participant_name(mine.participant_id), self.from.participant_name(t.participant_id));
                if self.decide("turn speaker", entity, &a, &b, None) == Choice::From {
                    self.changes.push(Action::ReassignTurns { turns: vec![mine.id], to: speaker });
                    self.count("turns").updated += 1;
                }
            }
        }
        if missing > 0 {
            self.warn(WarningKind::TurnsNotBrought { source: into.name.clone(), missing });
        }
    }

    /// Case and participant memberships, and the sources' own participants: the union.
    fn links(&mut self) {
        let here: HashSet<(CaseId, SourceId)> = self.into.case_sources.iter().copied().collect();
        for (c, s) in self.from.case_sources.clone() {
            let pair = (self.cases[&c], self.sources[&s]);
            if here.contains(&pair) {
                self.count("case links").matched += 1;
            } else if !self.snap.case_sources.contains(&pair) {
                self.snap.case_sources.push(pair);
                self.count("case links").added += 1;
            }
        }
        let here: HashSet<(ParticipantId, CaseId)> = self.into.participant_cases.iter().copied().collect();
        for (p, c) in self.from.participant_cases.clone() {
            let pair = (self.participants[&p], self.cases[&c]);
            if here.contains(&pair) {
                self.count("participant links").matched += 1;
            } else if !self.snap.participant_cases.contains(&pair) {
                self.snap.participant_cases.push(pair);
                self.count("participant links").added += 1;
            }
        }
        let here: HashSet<(SourceId, ParticipantId)> = self.into.source_participants.iter().copied().collect();
        let mut links = Vec::new();
        for (s, p) in self.from.source_participants.clone() {
            let pair = (self.sources[&s], self.participants[&p]);
            if here.contains(&pair) {
                self.count("source links").matched += 1;
            } else if !links.contains(&pair) {
                links.push(pair);
                self.count("source links").added += 1;
            }
        }
        if !links.is_empty() {
            self.changes.push(Action::LinkSourceParticipants { links, linked: true });
        }
    }
}

/// What `Planner::rename` renames.
enum RenameKind {
    Coder(CoderId),
}

/// For each of `from`, its match in `into`: by UUID first (over all), then by key among the INTO
/// entities left; the bool says whether by UUID. One-to-one.
pub(super) fn match_pairs<T>(from: &[T], into: &[T], uuid: impl Fn(&T) -> &String, key: impl Fn(&T) -> String) -> Vec<Option<(usize, bool)>> {
    let by_uuid: HashMap<&String, usize> = into.iter().enumerate().map(|(i, x)| (uuid(x), i)).collect();
    let mut claimed = vec![false; into.len()];
    let mut found: Vec<Option<(usize, bool)>> = from
        .iter()
        .map(|f| {
            let i = by_uuid.get(uuid(f)).copied()?;
            claimed[i] = true;
            Some((i, true))
        })
        .collect();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, x) in into.iter().enumerate() {
        if !claimed[i] {
            by_key.entry(key(x)).or_insert(i);
        }
    }
    for (k, f) in from.iter().enumerate() {
        if found[k].is_none()
            && let Some(i) = by_key.remove(&key(f))
        {
            found[k] = Some((i, false));
        }
    }
    found
}

/// `name`, or `name (2)`, `name (3)`... the first that `taken` does not hold.
pub(super) fn unique(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|n| !taken(n)).unwrap_or_else(|| name.to_string())
}

/// Two texts kept both: INTO's, a blank line, FROM's (one alone if the other is empty or
/// already holds it).
pub(super) fn join(into: &str, from: &str) -> String {
    if into.contains(from) {
        into.to_string()
    } else if into.is_empty() {
        from.to_string()
    } else {
        format!("{into}\n\n{from}")
    }
}
