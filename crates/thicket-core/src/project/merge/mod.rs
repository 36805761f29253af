//! Merging projects: bring into one project (INTO) everything another (FROM) holds that INTO does
//! not, as one transaction and one undo step, with a report of what came in (docs/merge.md).
//!
//! Flow: [`MergeSource::open`] copies a FROM file aside and opens the copy (so FROM itself is only
//! ever read, and an older FROM is upgraded in the copy); [`Project::merge`] then, inside one
//! write transaction on INTO, for each FROM in turn: reads both sides (`side`), matches their
//! entities and plans the rows to insert and the changes to make (`plan`), and applies that plan
//! as one `Action` whose inverse is kept. A dry run, or a merge with conflicts and no rule to
//! resolve them, rolls the transaction back and returns the reports only.
//!
//! What is "the same" entity: sources by content hash (a source of the same name and another text
//! is kept beside INTO's, with a warning); codes by UUID, then by path; cases, participants,
//! coders, attributes and framework matrices by UUID, then by name; codings and memos by UUID
//! (a coding also by its content: source, code, coder and span); pseudonym entries by what they
//! replace; turns by their span. Where the same entity differs, a conflict is reported and the
//! rule decides (`ConflictRule`); memos carry their creation and edit times, so a memo edited on
//! one side only comes in without a conflict.

mod plan;
mod side;
mod source;

use crate::model::AttributeType;
use serde::Serialize;

use super::{HistoryEntry, Project};
use crate::action::Action;
use crate::error::{Error, Result};
use crate::store::StoreError;

pub use source::MergeSource;

/// What to do where the same entity differs on the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictRule {
    /// Keep INTO's value.
    Into,
    /// Take FROM's value.
    From,
    /// Keep both where both can be kept (a memo: FROM's version comes in as a second memo; a
    /// description, a coding's memo or a framework summary: both texts, one after the other);
    /// elsewhere INTO's value, and the report says so.
    Both,
}

impl ConflictRule {
    /// Every rule, in the order menus list them.
    pub const ALL: [ConflictRule; 3] = [ConflictRule::Into, ConflictRule::From, ConflictRule::Both];

    /// `into`, `from` or `both`.
    pub fn parse(text: &str) -> Option<ConflictRule> {
        match text {
            "into" => Some(ConflictRule::Into),
            "from" => Some(ConflictRule::From),
            "both" => Some(ConflictRule::Both),
            _ => None,
        }
    }

    /// What the rule does, for a menu or a report.
    pub fn label(self) -> &'static str {
        match self {
            ConflictRule::Into => "Keep this project's version",
            ConflictRule::From => "Take the merged project's version",
            ConflictRule::Both => "Keep both where possible (memos, texts)",
        }
    }
}

/// What happened to one kind of entity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The kind, plural: "codes", "attribute values".
    pub kind: &'static str,
    /// In FROM only: brought in.
    pub added: usize,
    /// Found in INTO by UUID (or, for sources, by content hash; for turns, by span; for
    /// pseudonyms, by what they replace).
    pub matched: usize,
    /// Found in INTO by name, path or content, their UUIDs differing (INTO's UUID is kept).
    pub matched_by_name: usize,
    /// Matched, and changed in INTO to FROM's value (a rule, or an edit made in FROM only).
    pub updated: usize,
}

/// The same entity differing on the two sides, and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeConflict {
    /// What differs: "code name", "memo", "attribute value"...
    pub kind: String,
    /// Which entity, as the user knows it: `code "Ruptures/Withdrawal"`.
    pub entity: String,
    /// INTO's value.
    pub into: String,
    /// FROM's value.
    pub from: String,
    /// What was done: "kept INTO's", "took FROM's", "kept both: ...", or "unresolved" when no
    /// rule was given.
    pub resolution: String,
    /// `entity` as a value, for a window to word in its own language.
    #[serde(skip)]
    pub what: MergeEntity,
    /// `resolution` as a value.
    #[serde(skip)]
    pub resolved: Resolution,
}

/// Which entity a merge conflict is about. `Display` is the English of the report
/// (`code “Ruptures/Withdrawal”`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeEntity {
    Coder { name: String },
    Case { name: String },
    Participant { name: String },
    Source { name: String },
    /// A speaker turn, by its span in the source.
    Turn { start: usize, end: usize, source: String },
    Code { path: String },
    Coding { start: usize, end: usize, source: String },
    /// A memo, by its title (`None`: untitled).
    Memo { title: Option<String> },
    /// The value of attribute `attribute` of a case, participant or source.
    AttributeValue { attribute: String, of: Box<MergeEntity> },
    Framework { name: String },
    FrameworkSummary { case: String, code: String, framework: String },
    Pseudonym { original: String },
}

impl Default for MergeEntity {
    fn default() -> MergeEntity {
        MergeEntity::Memo { title: None }
    }
}

impl std::fmt::Display for MergeEntity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeEntity::Coder { name } => write!(f, "coder “{name}”"),
            MergeEntity::Case { name } => write!(f, "case “{name}”"),
            MergeEntity::Participant { name } => write!(f, "participant “{name}”"),
            MergeEntity::Source { name } => write!(f, "source “{name}”"),
            MergeEntity::Turn { start, end, source } => write!(f, "turn {start}..{end} of source “{source}”"),
            MergeEntity::Code { path } => write!(f, "code “{path}”"),
            MergeEntity::Coding { start, end, source } => write!(f, "coding {start}..{end} of source “{source}”"),
            MergeEntity::Memo { title } => write!(f, "memo “{}”", title.as_deref().unwrap_or("(untitled)")),
            MergeEntity::AttributeValue { attribute, of } => write!(f, "“{attribute}” of {of}"),
            MergeEntity::Framework { name } => write!(f, "framework matrix “{name}”"),
            MergeEntity::FrameworkSummary { case, code, framework } => {
                write!(f, "summary of case “{case}” under code “{code}” in framework matrix “{framework}”")
            }
            MergeEntity::Pseudonym { original } => write!(f, "pseudonym for “{original}”"),
        }
    }
}

/// What was done with a merge conflict. `Display` is the report's English ("kept INTO's").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// No rule was given: the merge stops.
    #[default]
    Unresolved,
    KeptInto,
    TookFrom,
    KeptBoth(BothKept),
    /// The rule said to keep both, which this kind cannot: INTO's value stays.
    KeptIntoBothImpossible,
}

/// How both values are kept, per kind of conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BothKept {
    Descriptions,
    CodeDescriptionParts,
    Memos,
    SecondMemo,
    Summaries,
}

impl BothKept {
    fn english(self) -> &'static str {
        match self {
            BothKept::Descriptions => "both descriptions, this project's first",
            BothKept::CodeDescriptionParts => "both texts of each part, this project's first",
            BothKept::Memos => "both memos, this project's first",
            BothKept::SecondMemo => "this project's memo, and the other's as a second memo",
            BothKept::Summaries => "both summaries, this project's first",
        }
    }
}

impl std::fmt::Display for Resolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Resolution::Unresolved => f.write_str(plan::UNRESOLVED),
            Resolution::KeptInto => f.write_str("kept INTO's"),
            Resolution::TookFrom => f.write_str("took FROM's"),
            Resolution::KeptBoth(how) => write!(f, "kept both: {}", how.english()),
            Resolution::KeptIntoBothImpossible => f.write_str("kept INTO's (both cannot be kept)"),
        }
    }
}

/// What merging one FROM did (or, in a dry run or when stopped by conflicts, would do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// The FROM file as given.
    pub from: String,
    /// Per kind of entity, in a fixed order.
    pub counts: Vec<KindCount>,
    pub conflicts: Vec<MergeConflict>,
    /// Things the user must know: a source kept twice (same name, other text), a name that had
    /// to be changed to stay unique, a value INTO cannot hold.
    pub warnings: Vec<String>,
    /// The same warnings as values, for a window to word in its own language.
    #[serde(skip)]
    pub warned: Vec<MergeWarning>,
}

/// A warning of a merge of `file`. `Display` is the report's English (`warnings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeWarning {
    pub file: String,
    pub kind: WarningKind,
}

/// What a merge warning says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The two projects' titles differ; this project's is kept.
    TitlesDiffer { here: String, there: String },
    /// `what` (a coder, case, participant or code, named as in FROM) came in as `name`, because
    /// this project has another of that name.
    CameInAs { what: MergeEntity, name: String },
    /// `entity` is named `name` in FROM, a name `holder` holds here: this project's name is kept.
    NameTaken { entity: MergeEntity, name: String, holder: NameHolder },
    /// A participant's role this project does not have: left out.
    RoleMissing { participant: String, role: String },
    /// A source with a text this project does not hold, and a name it does: both kept, FROM's as `name`.
    SourceKeptTwice { source: String, name: String },
    /// A source with the identity (UUID) of one here and another text: it came in as new.
    SourceIdentityReused { source: String },
    /// Speaker turns of FROM not in this project's copy of the source: not brought in.
    TurnsNotBrought { source: String, missing: usize },
    /// A code under one of its own sub-codes in FROM: it stays where it is.
    CodeUnderOwnSubcode { entity: MergeEntity },
    /// An attribute named or typed otherwise in FROM: this project's name and type are kept.
    AttributeDiffers { name: String, there: String, value_type: AttributeType },
    /// A value this project's attribute cannot hold: not brought in.
    ValueNotHeld { attribute: String, of: MergeEntity, value: String },
    /// Summaries FROM keeps for codes or cases taken out of its matrix: not brought in.
    SummariesNotBrought { entity: MergeEntity, hidden: usize },
}

/// Who holds a name already, in `WarningKind::NameTaken`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameHolder {
    Entity,
    Case,
    Participant,
    Source,
    Sibling,
    Matrix,
}

impl std::fmt::Display for MergeWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = &self.file;
        match &self.kind {
            WarningKind::TitlesDiffer { here, there } => write!(f, "the project titles differ (“{here}” here, “{there}” in {file}): this project's title is kept"),
            WarningKind::CameInAs { what, name } => {
                let (kind, there) = match what {
                    MergeEntity::Coder { .. } => ("coder", ""),
                    MergeEntity::Case { .. } => ("case", ""),
                    MergeEntity::Participant { .. } => ("participant", ""),
                    _ => ("code", " there"),
                };
                write!(f, "{what} of {file} came in as “{name}”: this project has another {kind} of that name{there}")
            }
            WarningKind::NameTaken { entity, name, holder } => {
                let holder = match holder {
                    NameHolder::Entity => "another entity",
                    NameHolder::Case => "another case",
                    NameHolder::Participant => "another participant",
                    NameHolder::Source => "another source",
                    NameHolder::Sibling => "a sibling",
                    NameHolder::Matrix => "another matrix",
                };
                write!(f, "{entity} is named “{name}” in {file}, a name {holder} holds here: this project's name is kept")
            }
            WarningKind::RoleMissing { participant, role } => {
                write!(f, "participant “{participant}” of {file} has the role “{role}”, which this project does not have: the role is left out")
            }
            WarningKind::SourceKeptTwice { source, name } => write!(
                f,
                "source “{source}” of {file} has a text this project does not hold, and this project has a source of that name: both are kept, {file}'s as “{name}”"
            ),
            WarningKind::SourceIdentityReused { source } => {
                write!(f, "source “{source}” of {file} has the identity of a source here with another text: it came in as a new source")
            }
            WarningKind::TurnsNotBrought { source, missing } => write!(
                f,
                "source “{source}”: {missing} speaker turns of {file} are not in this project's copy of the source and were not brought in (a source's turns are set when it is imported)"
            ),
            WarningKind::CodeUnderOwnSubcode { entity } => write!(f, "{entity} is under one of its own sub-codes in {file}: it stays where it is here"),
            WarningKind::AttributeDiffers { name, there, value_type } => {
                write!(f, "attribute “{name}” is “{there}” ({value_type}) in {file}: this project's name and type are kept")
            }
            WarningKind::ValueNotHeld { attribute, of, value } => {
                write!(f, "“{attribute}” of {of} is “{value}” in {file}, which this project's attribute cannot hold: not brought in")
            }
            WarningKind::SummariesNotBrought { entity, hidden } => {
                write!(f, "{entity}: {hidden} summaries {file} keeps for codes or cases taken out of its matrix were not brought in")
            }
        }
    }
}

impl MergeReport {
    /// Conflicts that no rule resolved.
    pub fn unresolved(&self) -> usize {
        self.conflicts.iter().filter(|c| c.resolution == plan::UNRESOLVED).count()
    }

    /// Rows brought in, over every kind.
    pub fn added(&self) -> usize {
        self.counts.iter().map(|c| c.added).sum()
    }

    /// Rows changed in INTO, over every kind.
    pub fn updated(&self) -> usize {
        self.counts.iter().map(|c| c.updated).sum()
    }

    /// The count for a kind ("codings"), zero when the kind is unknown.
    pub fn count(&self, kind: &str) -> KindCount {
        self.counts.iter().find(|c| c.kind == kind).cloned().unwrap_or_default()
    }
}

/// How to merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// The conflict rule; `None`: a conflict stops the merge (nothing is written).
    pub rule: Option<ConflictRule>,
    /// Plan and report only; nothing is written.
    pub dry_run: bool,
}

/// What `Project::merge` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeOutcome {
    /// One report per FROM, in the order given.
    pub reports: Vec<MergeReport>,
    /// True when the merge was written (one undo step); false for a dry run, a merge stopped by
    /// unresolved conflicts, or one that found nothing to bring in.
    pub applied: bool,
}

impl MergeOutcome {
    /// Conflicts that no rule resolved, over every FROM.
    pub fn unresolved(&self) -> usize {
        self.reports.iter().map(MergeReport::unresolved).sum()
    }
}

/// Why the merge transaction ended without committing.
enum Stop {
    Failed(Error),
    /// Planned only (a dry run, or conflicts without a rule): roll back, keep the reports.
    Planned(Vec<MergeReport>),
}

impl crate::store::NamesProject for Stop {
    fn with_project(self, path: &std::path::Path) -> Self {
        match self {
            Stop::Failed(e) => Stop::Failed(e.with_project(path)),
            planned => planned,
        }
    }
}

impl From<StoreError> for Stop {
    fn from(e: StoreError) -> Self {
        Stop::Failed(e.into())
    }
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Failed(e)
    }
}

impl Project {
    /// Merges `sources` into this project, in order, as one transaction and one undo step (see
    /// the module's doc). `observer` hears how far the writes are and may cancel them.
    pub fn merge(&mut self, sources: &[MergeSource], options: MergeOptions, observer: &mut (dyn FnMut(usize, usize) -> bool + Send)) -> Result<MergeOutcome> {
        if let Some(same) = sources.iter().find(|s| s.is_file(self.path())) {
            return Err(Error::invalid(format!("cannot merge \"{}\" into itself", same.path().display())));
        }
        let actor = self.actor.clone();
        let label = match sources {
            [one] => format!("Merge “{}”", one.file_name()),
            many => format!("Merge {} projects", many.len()),
        };
        let result = self.store.write_observed(observer, |w| {
            let mut reports = Vec::with_capacity(sources.len());
            let mut inverses = Vec::new();
            let mut touched = super::audit::Touched::default();
            let mut stop = options.dry_run;
            for source in sources {
                let planned = plan::plan(&w.read(), source, options.rule)?;
                let unresolved = planned.report.unresolved() > 0;
                reports.push(planned.report);
                stop |= unresolved;
                if unresolved {
                    continue;
                }
                if let Some(action) = planned.action {
                    let outcome = super::apply::apply_in(w, action)?;
                    touched.outcome(&outcome);
                    inverses.push(outcome.inverse);
                }
            }
            if stop {
                return Err(Stop::Planned(reports));
            }
            if !inverses.is_empty() {
                let entry = touched.entry(w, &actor, "Merge", label.clone())?;
                w.append_audit(&entry)?;
            }
            Ok((reports, inverses))
        });
        self.take_outside_change();
        match result {
            Ok((reports, mut inverses)) => {
                let applied = !inverses.is_empty();
                if applied {
                    inverses.reverse();
                    let inverse = if inverses.len() == 1 { inverses.remove(0) } else { Action::Batch { label: label.clone(), actions: inverses, step: None } };
                    self.undo.push(HistoryEntry { step: crate::action::StepName::as_is(&label), label, inverse });
                    self.redo.clear();
                }
                Ok(MergeOutcome { reports, applied })
            }
            Err(Stop::Planned(reports)) => Ok(MergeOutcome { reports, applied: false }),
            Err(Stop::Failed(e)) => Err(e),
        }
    }
}
