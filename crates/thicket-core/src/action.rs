//! `Action`: every change a user can make, from the GUI and the CLI alike (DESIGN.md §2).
//!
//! `Project::apply` runs one action in one transaction and returns its inverse, itself an `Action`,
//! which is what undo applies. Insertions are undone by `Remove`; `Remove` is undone by `Restore`
//! of the rows it deleted (under their old ids), so every deletion, with everything that hung from
//! it, comes back exactly.

use serde::{Deserialize, Serialize};

use crate::model::*;
/// The id sets and row snapshots that `Remove` and `Restore` carry (they live in `model`, so the
/// store can fill them without naming actions).
pub use crate::model::{EntitySet, Snapshot};

/// A change to a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Import a batch of sources, creating the cases and participants they name if missing.
    ImportSources(Vec<NewSource>),
    /// Rename a source, or change its kind or date (the text never changes).
    UpdateSource { id: SourceId, name: String, kind: SourceKind, date: Option<String> },
    /// Say whose perspective a source carries (`agency`, `researcher`, a role), or clear it with
    /// `None`. Triangulation counts it for a source without speaker turns.
    SetSourceAuthor { id: SourceId, author: Option<String> },
    /// Create a case, optionally with sources.
    CreateCase { name: String, description: String, sources: Vec<SourceId> },
    /// Rename or re-describe a case.
    UpdateCase { id: CaseId, name: String, description: String },
    /// Put sources into a case.
    AssignSources { case: CaseId, sources: Vec<SourceId> },
    /// Take sources out of a case.
    UnassignSources { case: CaseId, sources: Vec<SourceId> },
    /// Create a participant.
    CreateParticipant { name: String, role: Option<String>, cases: Vec<CaseId> },
    /// Replace a participant's name, role and cases.
    UpdateParticipant { id: ParticipantId, name: String, role: Option<String>, cases: Vec<CaseId> },
    /// Create a coder (with the next colour of the coders' palette).
    CreateCoder { name: String },
    /// Rename a coder; every coding and memo of theirs goes with the new name.
    RenameCoder { id: CoderId, name: String },
    /// Give a coder another colour (`#RRGGBB`).
    SetCoderColor { id: CoderId, color: String },
    /// Retire a coder (kept, with every coding and memo, but not offered for new work), or, with
    /// `retired: false`, bring them back.
    SetCoderRetired { id: CoderId, retired: bool },
    /// Create a code under `parent` (or at the top).
    CreateCode { parent: Option<CodeId>, name: String, color: String, description: CodeDescription },
    /// Create a code and code these spans with it, as one step (in vivo, "new code from the
    /// selection"): undoing it removes the code and its codings together.
    CreateCodeAndApply {
        parent: Option<CodeId>,
        name: String,
        color: String,
        description: CodeDescription,
        coder: CoderId,
        spans: Vec<(SourceId, TextSpan)>,
    },
    /// Replace a code's name, parent, colour, description and position.
    UpdateCode {
        id: CodeId,
        parent: Option<CodeId>,
        name: String,
        color: String,
        description: CodeDescription,
        sort_order: i64,
    },
    /// Add codings (one, or a batch such as an autocode run).
    AddCodings(Vec<NewCoding>),
    /// Create a memo.
    CreateMemo { target: MemoTarget, title: String, body: String, coder: CoderId },
    /// Replace a memo's title and body. `updated_at` is when the memo counts as last changed:
    /// `None` for an edit made now; the inverse carries the old time, so that undo gives the memo
    /// back exactly as it was.
    UpdateMemo {
        id: MemoId,
        title: String,
        body: String,
        #[serde(default)]
        updated_at: Option<String>,
    },
    /// Define an attribute.
    DefineAttribute {
        name: String,
        applies_to: AttributeTarget,
        value_type: AttributeType,
        categories: Vec<String>,
    },
    /// Set (or clear, with `None`) an attribute's value on an entity.
    SetAttribute { attribute: AttributeId, entity: i64, value: Option<String> },
    /// Give codings another code (how codes are merged).
    ReassignCodings { codings: Vec<CodingId>, to: CodeId },
    /// Change a coding's span (resizing its boundaries) or memo.
    UpdateCoding { id: CodingId, span: TextSpan, memo: String },
    /// Attribute turns to another speaker (how speakers are merged or corrected).
    ReassignTurns { turns: Vec<TurnId>, to: ParticipantId },
    /// Say which sources are about which participants (a source's own participants, who an
    /// observation note without turns is attributed to), or, with `linked: false`, take that back.
    LinkSourceParticipants { links: Vec<(SourceId, ParticipantId)>, linked: bool },
    /// Create a framework matrix: cases (rows) × codes (columns), in these orders. Deleting one is
    /// `Remove` with its id in `EntitySet::frameworks`.
    CreateFramework { name: String, codes: Vec<CodeId>, cases: Vec<CaseId> },
    /// Rename a framework matrix.
    RenameFramework { id: FrameworkId, name: String },
    /// Replace a framework matrix's columns; summaries of codes taken out are kept, hidden.
    SetFrameworkColumns { id: FrameworkId, codes: Vec<CodeId> },
    /// Replace a framework matrix's rows; summaries of cases taken out are kept, hidden.
    SetFrameworkRows { id: FrameworkId, cases: Vec<CaseId> },
    /// Write the summary of a case (a row) under a code (a column), as written by `coder`; an
    /// empty summary clears the cell. `updated_at`: `None` for an edit made now; the inverse
    /// carries the old time, so that undo gives the cell back exactly as it was.
    SetFrameworkCell {
        framework: FrameworkId,
        case: CaseId,
        code: CodeId,
        summary: String,
        coder: CoderId,
        #[serde(default)]
        updated_at: Option<String>,
    },
    /// Add entries to the pseudonymisation map (the researcher's, or a pre-fill); an original
    /// already in the map (in any case) is refused.
    AddPseudonyms(Vec<NewPseudonym>),
    /// Replace an entry of the map.
    UpdatePseudonym { id: PseudonymId, entry: NewPseudonym },
    /// Take entries out of the map.
    RemovePseudonyms(Vec<PseudonymId>),
    /// Put back entries removed earlier, under their old ids (how a removal is undone).
    RestorePseudonyms(Vec<Pseudonym>),
    /// Record reconciliation decisions (docs/reconcile.md) and write what each decides to the
    /// master coder, created if missing. Deciding an item again replaces its earlier decision and
    /// the master's codings that decision wrote. One transaction, one undo (which un-resolves).
    Reconcile(Box<ReconcileStep>),
    /// Put reconciliation decisions as given (`None`: no decision): how a reconciliation is undone.
    SetReconcileDecisions(Vec<DecisionSlot>),
    /// Several actions as one step: one transaction, one undo. `step` says what the bundle is,
    /// for a window to name it in its own language (`None`: only its English `label` names it,
    /// as for the inverses core makes).
    Batch {
        label: String,
        actions: Vec<Action>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Box<Bundle>>,
    },
    /// Insert rows read from an exchange file (a REFI-QDA project or codebook) as one step,
    /// keeping their UUIDs, names, colours, dates and coders. Ids below zero name rows of this
    /// action (they get fresh ids on insert); ids above zero name rows already in the project.
    /// Undone by removing what it inserted.
    ImportRows {
        label: String,
        rows: Box<Snapshot>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Box<Bundle>>,
    },
    /// Delete entities and everything that hangs from them (a code's sub-codes and codings, ...).
    Remove(EntitySet),
    /// Put back rows removed earlier, under their old ids.
    Restore(Box<Snapshot>),
    /// Write a whole project read from another tool (QualCoder, REFI-QDA) into a new, empty
    /// project: the rows carry the importer's own ids (1, 2, 3... per table) and references
    /// between them; everything is checked before it is written. `label` names it in the history,
    /// e.g. `Import QualCoder project “Study”`.
    ImportProject {
        label: String,
        rows: Box<Snapshot>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Box<Bundle>>,
    },
}

/// What a step that bundles changes (`Batch`, `ImportRows`, `ImportProject`) is, with the names
/// and counts its English label mentions: the window names it in its own language from this
/// (`Action::step_name`), while the label stays the English name of the audit trail and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bundle {
    /// A code moved in the tree (with the siblings renumbered around it).
    MoveCode { code: String },
    /// A code merged into another.
    MergeCodes { from: String, into: String },
    /// A participant merged into another.
    MergeParticipants { from: String, into: String },
    /// The codings autocode found for the pattern `text` (a regular expression if `regex`),
    /// with `code`. The label adds the pattern's search options; the window's name leaves them out.
    Autocode { text: String, regex: bool, code: String },
    /// A framework matrix's name, codes and cases changed together in the window.
    EditFramework { name: String },
    /// A framework matrix's codes and cases set and ordered on the command line.
    ArrangeFramework { name: String },
    /// The suggested pseudonyms added.
    PrefillPseudonyms { n: usize },
    /// A REFI-QDA codebook imported from `file`.
    ImportCodebook { file: String },
    /// A REFI-QDA project titled `title` imported.
    ImportRefiProject { title: String },
    /// A QualCoder project titled `title` imported.
    ImportQualCoderProject { title: String },
    /// Another project merged in, from `file`.
    MergeProject { file: String },
}

impl Bundle {
    /// Boxed, as the actions carry it.
    pub fn boxed(self) -> Option<Box<Bundle>> {
        Some(Box::new(self))
    }

    /// The step name the window shows for it.
    pub fn step_name(&self) -> StepName {
        match self {
            Bundle::MoveCode { code } => StepName::named("move-code", code),
            Bundle::MergeCodes { from, into } => StepName::named("merge-codes", from).with("into", into),
            Bundle::MergeParticipants { from, into } => StepName::named("merge-participants", from).with("into", into),
            Bundle::Autocode { text, regex: false, code } => StepName::named("autocode", code).with("pattern", text),
            Bundle::Autocode { text, regex: true, code } => StepName::named("autocode-regex", code).with("pattern", text),
            Bundle::EditFramework { name } => StepName::named("edit-framework", name),
            Bundle::ArrangeFramework { name } => StepName::named("arrange-framework", name),
            Bundle::PrefillPseudonyms { n } => StepName::counted("prefill-pseudonyms", *n),
            Bundle::ImportCodebook { file } => StepName::named("import-codebook", file),
            Bundle::ImportRefiProject { title } => StepName::named("import-refi-project", title),
            Bundle::ImportQualCoderProject { title } => StepName::named("import-qualcoder-project", title),
            Bundle::MergeProject { file } => StepName::named("merge-project", file),
        }
    }
}

/// What a step is, for a window to name it in its own language: `Action::label` is the English
/// name the audit trail, the CLI and the logs use. `key` names the kind of step (`apply-code`,
/// `create-case`, …); `name` is the name the step mentions (as typed, or a choice's name), `n`
/// the count it mentions, `counts` what a deletion or restoration holds (`EntitySet::counts`).
/// `texts` are further names a step mentions (`into`, `pattern`), by the argument's name. A step
/// that bundles changes is named by its `Bundle`; `key` is `as-is` for one made without a
/// `Bundle` (an inverse core made, a test's batch): then `name` is its English label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepName {
    pub key: &'static str,
    pub name: Option<String>,
    pub n: Option<usize>,
    pub counts: Vec<(&'static str, usize)>,
    pub texts: Vec<(&'static str, String)>,
}

impl StepName {
    fn plain(key: &'static str) -> StepName {
        StepName { key, ..Default::default() }
    }

    fn named(key: &'static str, name: &str) -> StepName {
        StepName { key, name: Some(name.to_string()), ..Default::default() }
    }

    fn counted(key: &'static str, n: usize) -> StepName {
        StepName { key, n: Some(n), ..Default::default() }
    }

    fn with(mut self, arg: &'static str, text: &str) -> StepName {
        self.texts.push((arg, text.to_string()));
        self
    }

    /// A step known only by its (English) label.
    pub fn as_is(label: &str) -> StepName {
        StepName::named("as-is", label)
    }

    /// Every `key` a step can have, for a window's test that it names them all.
    pub const KEYS: &'static [&'static str] = &[
        "import-one", "import-many", "edit-source", "set-source-author", "clear-source-author", "create-case", "edit-case",
        "assign-sources", "unassign-sources", "create-participant", "edit-participant", "create-coder", "rename-coder",
        "coder-colour", "retire-coder", "unretire-coder", "create-code", "code-as-new", "edit-code", "apply-code",
        "apply-codings", "create-memo", "edit-memo", "define-attribute", "set-attribute", "reassign-turns", "link-sources",
        "unlink-sources", "recode", "edit-coding", "create-framework", "rename-framework", "framework-codes",
        "framework-cases", "clear-framework-summary", "edit-framework-summary", "add-pseudonym", "add-pseudonyms",
        "edit-pseudonym", "remove-pseudonym", "remove-pseudonyms", "restore-pseudonyms", "copy-agreed", "reconcile-one",
        "reconcile-many", "set-decisions", "delete", "restore", "move-code", "merge-codes", "merge-participants", "autocode", "autocode-regex",
        "edit-framework", "arrange-framework", "prefill-pseudonyms", "import-codebook", "import-refi-project",
        "import-qualcoder-project", "merge-project", "as-is",
    ];
}

impl Action {
    /// The step's name as a key and its arguments (`StepName`), for the window's undo and redo.
    pub fn step_name(&self) -> StepName {
        match self {
            Action::ImportSources(s) if s.len() == 1 => StepName::named("import-one", &s[0].name),
            Action::ImportSources(s) => StepName::counted("import-many", s.len()),
            Action::UpdateSource { .. } => StepName::plain("edit-source"),
            Action::SetSourceAuthor { author: Some(a), .. } => StepName::named("set-source-author", a),
            Action::SetSourceAuthor { author: None, .. } => StepName::plain("clear-source-author"),
            Action::CreateCase { name, .. } => StepName::named("create-case", name),
            Action::UpdateCase { .. } => StepName::plain("edit-case"),
            Action::AssignSources { .. } => StepName::plain("assign-sources"),
            Action::UnassignSources { .. } => StepName::plain("unassign-sources"),
            Action::CreateParticipant { name, .. } => StepName::named("create-participant", name),
            Action::UpdateParticipant { .. } => StepName::plain("edit-participant"),
            Action::CreateCoder { name } => StepName::named("create-coder", name),
            Action::RenameCoder { name, .. } => StepName::named("rename-coder", name),
            Action::SetCoderColor { .. } => StepName::plain("coder-colour"),
            Action::SetCoderRetired { retired: true, .. } => StepName::plain("retire-coder"),
            Action::SetCoderRetired { retired: false, .. } => StepName::plain("unretire-coder"),
            Action::CreateCode { name, .. } => StepName::named("create-code", name),
            Action::CreateCodeAndApply { name, .. } => StepName::named("code-as-new", name),
            Action::UpdateCode { .. } => StepName::plain("edit-code"),
            Action::AddCodings(c) if c.len() == 1 => StepName::plain("apply-code"),
            Action::AddCodings(c) => StepName::counted("apply-codings", c.len()),
            Action::CreateMemo { .. } => StepName::plain("create-memo"),
            Action::UpdateMemo { .. } => StepName::plain("edit-memo"),
            Action::DefineAttribute { name, .. } => StepName::named("define-attribute", name),
            Action::SetAttribute { .. } => StepName::plain("set-attribute"),
            Action::ReassignTurns { turns, .. } => StepName::counted("reassign-turns", turns.len()),
            Action::LinkSourceParticipants { links, linked: true } => StepName::counted("link-sources", links.len()),
            Action::LinkSourceParticipants { links, linked: false } => StepName::counted("unlink-sources", links.len()),
            Action::ReassignCodings { codings, .. } => StepName::counted("recode", codings.len()),
            Action::UpdateCoding { .. } => StepName::plain("edit-coding"),
            Action::CreateFramework { name, .. } => StepName::named("create-framework", name),
            Action::RenameFramework { name, .. } => StepName::named("rename-framework", name),
            Action::SetFrameworkColumns { .. } => StepName::plain("framework-codes"),
            Action::SetFrameworkRows { .. } => StepName::plain("framework-cases"),
            Action::SetFrameworkCell { summary, .. } if summary.is_empty() => StepName::plain("clear-framework-summary"),
            Action::SetFrameworkCell { .. } => StepName::plain("edit-framework-summary"),
            Action::AddPseudonyms(p) if p.len() == 1 => StepName::named("add-pseudonym", &p[0].original),
            Action::AddPseudonyms(p) => StepName::counted("add-pseudonyms", p.len()),
            Action::UpdatePseudonym { entry, .. } => StepName::named("edit-pseudonym", &entry.original),
            Action::RemovePseudonyms(ids) if ids.len() == 1 => StepName::plain("remove-pseudonym"),
            Action::RemovePseudonyms(ids) => StepName::counted("remove-pseudonyms", ids.len()),
            Action::RestorePseudonyms(p) => StepName::counted("restore-pseudonyms", p.len()),
            Action::Reconcile(step) => match step.decisions.as_slice() {
                [] => StepName { key: "copy-agreed", name: Some(step.master.clone()), n: Some(step.agreed.len()), ..Default::default() },
                [one] => StepName::named("reconcile-one", one.choice.name()),
                many => StepName::counted("reconcile-many", many.len()),
            },
            Action::SetReconcileDecisions(slots) => StepName::counted("set-decisions", slots.len()),
            Action::Batch { step: Some(bundle), .. } | Action::ImportRows { step: Some(bundle), .. } | Action::ImportProject { step: Some(bundle), .. } => {
                bundle.step_name()
            }
            Action::Batch { label, .. } | Action::ImportRows { label, .. } | Action::ImportProject { label, .. } => StepName::as_is(label),
            Action::Remove(set) => StepName { key: "delete", counts: set.counts(), ..Default::default() },
            Action::Restore(snapshot) => StepName { key: "restore", counts: snapshot.ids().counts(), ..Default::default() },
        }
    }
}

impl Action {
    /// A short description for menus ("Undo Apply code") and logs.
    pub fn label(&self) -> String {
        match self {
            Action::ImportSources(s) if s.len() == 1 => format!("Import “{}”", s[0].name),
            Action::ImportSources(s) => format!("Import {} sources", s.len()),
            Action::UpdateSource { .. } => "Edit source".into(),
            Action::SetSourceAuthor { author: Some(a), .. } => format!("Set source author “{a}”"),
            Action::SetSourceAuthor { author: None, .. } => "Clear source author".into(),
            Action::CreateCase { name, .. } => format!("Create case “{name}”"),
            Action::UpdateCase { .. } => "Edit case".into(),
            Action::AssignSources { .. } => "Assign sources to case".into(),
            Action::UnassignSources { .. } => "Remove sources from case".into(),
            Action::CreateParticipant { name, .. } => format!("Create participant “{name}”"),
            Action::UpdateParticipant { .. } => "Edit participant".into(),
            Action::CreateCoder { name } => format!("Create coder “{name}”"),
            Action::RenameCoder { name, .. } => format!("Rename coder to “{name}”"),
            Action::SetCoderColor { .. } => "Change coder colour".into(),
            Action::SetCoderRetired { retired: true, .. } => "Retire coder".into(),
            Action::SetCoderRetired { retired: false, .. } => "Bring back coder".into(),
            Action::CreateCode { name, .. } => format!("Create code “{name}”"),
            Action::CreateCodeAndApply { name, .. } => format!("Code selection as new code “{name}”"),
            Action::UpdateCode { .. } => "Edit code".into(),
            Action::AddCodings(c) if c.len() == 1 => "Apply code".into(),
            Action::AddCodings(c) => format!("Apply {} codings", c.len()),
            Action::CreateMemo { .. } => "Create memo".into(),
            Action::UpdateMemo { .. } => "Edit memo".into(),
            Action::DefineAttribute { name, .. } => format!("Define attribute “{name}”"),
            Action::SetAttribute { .. } => "Set attribute".into(),
            Action::ReassignTurns { turns, .. } => format!("Reassign {} turns", turns.len()),
            Action::LinkSourceParticipants { links, linked: true } => format!("Link {} sources to participants", links.len()),
            Action::LinkSourceParticipants { links, linked: false } => format!("Unlink {} sources from participants", links.len()),
            Action::ReassignCodings { codings, .. } => format!("Recode {} codings", codings.len()),
            Action::UpdateCoding { .. } => "Edit coding".into(),
            Action::CreateFramework { name, .. } => format!("Create framework matrix “{name}”"),
            Action::RenameFramework { name, .. } => format!("Rename framework matrix to “{name}”"),
            Action::SetFrameworkColumns { .. } => "Choose framework matrix codes".into(),
            Action::SetFrameworkRows { .. } => "Choose framework matrix cases".into(),
            Action::SetFrameworkCell { summary, .. } if summary.is_empty() => "Clear framework summary".into(),
            Action::SetFrameworkCell { .. } => "Edit framework summary".into(),
            Action::AddPseudonyms(p) if p.len() == 1 => format!("Add pseudonym for “{}”", p[0].original),
            Action::AddPseudonyms(p) => format!("Add {} pseudonyms", p.len()),
            Action::UpdatePseudonym { entry, .. } => format!("Edit pseudonym for “{}”", entry.original),
            Action::RemovePseudonyms(ids) if ids.len() == 1 => "Remove pseudonym".into(),
            Action::RemovePseudonyms(ids) => format!("Remove {} pseudonyms", ids.len()),
            Action::RestorePseudonyms(p) => format!("Restore {} pseudonyms", p.len()),
            Action::Reconcile(step) => match step.decisions.as_slice() {
                [] => format!("Copy {} agreed codings to “{}”", step.agreed.len(), step.master),
                [one] => format!("Reconcile: {}", one.choice.name()),
                many => format!("Reconcile {} items", many.len()),
            },
            Action::SetReconcileDecisions(slots) => format!("Set {} reconciliation decisions", slots.len()),
            Action::Batch { label, .. } | Action::ImportRows { label, .. } => label.clone(),
            Action::Remove(set) => format!("Delete {}", set.describe()),
            Action::Restore(snapshot) => format!("Restore {}", snapshot.ids().describe()),
            Action::ImportProject { label, .. } => label.clone(),
        }
    }
}

impl Action {
    /// About how many rows the action writes: the codings, turns, sources and links it names,
    /// summed over a batch. An estimate for deciding whether to write off the window's thread;
    /// rows that go with a removed code or source (its codings) are not counted.
    pub fn rows(&self) -> usize {
        match self {
            Action::ImportSources(s) => s.len(),
            Action::AddCodings(c) => c.len(),
            Action::CreateCodeAndApply { spans, .. } => 1 + spans.len(),
            Action::ReassignCodings { codings, .. } => codings.len(),
            Action::ReassignTurns { turns, .. } => turns.len(),
            Action::LinkSourceParticipants { links, .. } => links.len(),
            Action::AssignSources { sources, .. } | Action::UnassignSources { sources, .. } => sources.len(),
            Action::Batch { actions, .. } => actions.iter().map(Action::rows).sum(),
            Action::ImportRows { rows, .. } => rows.sources.len() + rows.codes.len() + rows.codings.len() + rows.memos.len(),
            Action::Reconcile(step) => step.decisions.iter().map(|d| 1 + d.spans.len()).sum::<usize>() + step.agreed.len(),
            Action::SetReconcileDecisions(slots) => slots.len(),
            Action::Remove(set) => set.codings.len() + set.sources.len() + set.codes.len() + set.memos.len(),
            Action::Restore(snapshot) | Action::ImportProject { rows: snapshot, .. } => {
                snapshot.codings.len() + snapshot.turns.len() + snapshot.sources.len() + snapshot.codes.len()
            }
            _ => 1,
        }
    }
}

/// Moving codes in the tree. Where each code goes is `Codebook`'s rule (`reparent`, `place_beside`,
/// `swap_with_sibling`: never under itself, last under a new parent, renumbered siblings); these
/// turn its answer into one undoable step that keeps each code's name, colour and description.
impl Action {
    /// `code` moved under `parent` (or to the top level), last among its new siblings; `None` when
    /// there is nothing to do or the move would put it under itself.
    pub fn reparent_code(book: &Codebook, code: CodeId, parent: Option<CodeId>) -> Option<Action> {
        book.reparent(code, parent).and_then(|p| update_placement(book, p))
    }

    /// `moved` placed just before (or, with `after`, just after) `target`, among `target`'s
    /// siblings; `None` when nothing changes or `target` is `moved` or inside it.
    pub fn place_code_beside(book: &Codebook, moved: CodeId, target: CodeId, after: bool) -> Option<Action> {
        move_step(book, moved, book.place_beside(moved, target, after))
    }

    /// `code` moved up (`step` −1) or down (`step` 1) past its neighbouring sibling; `None` at
    /// either end.
    pub fn swap_code_with_sibling(book: &Codebook, code: CodeId, step: isize) -> Option<Action> {
        move_step(book, code, book.swap_with_sibling(code, step))
    }
}

/// The placements as one step labelled after the code the user moved; `None` if there are none.
fn move_step(book: &Codebook, moved: CodeId, placements: Vec<Placement>) -> Option<Action> {
    let name = &book.get(moved)?.name;
    let actions: Vec<Action> = placements.into_iter().filter_map(|p| update_placement(book, p)).collect();
    (!actions.is_empty()).then(|| Action::Batch { label: format!("Move “{name}”"), actions, step: Bundle::MoveCode { code: name.clone() }.boxed() })
}

/// The `UpdateCode` that puts a code where `p` says and leaves the rest of it as it is.
fn update_placement(book: &Codebook, p: Placement) -> Option<Action> {
    let c = book.get(p.code)?;
    Some(Action::UpdateCode {
        id: c.id,
        parent: p.parent,
        name: c.name.clone(),
        color: c.color.clone(),
        description: c.description.clone(),
        sort_order: p.sort_order,
    })
}

/// A source to import: normalised text plus what the importer and the user said about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSource {
    /// Wanted name; made unique on import by appending " (2)", " (3)"...
    pub name: String,
    pub kind: SourceKind,
    /// Normalised text (see `text::normalize`).
    pub text: String,
    pub date: Option<String>,
    pub original_name: String,
    pub original_format: String,
    pub encoding: String,
    pub page_starts: Option<Vec<usize>>,
    /// Media times at paragraph starts (subtitles); empty when the original had none.
    #[serde(default)]
    pub time_marks: Vec<TimeMark>,
    /// Case names; missing cases are created.
    pub cases: Vec<String>,
    /// Names of participants the source is about when it has no turns; missing ones are created.
    pub participants: Vec<String>,
    /// Speaker turns; speakers are matched to participants by name, or created.
    pub turns: Vec<NewTurn>,
    /// Text attributes of the source (name, value), e.g. the other columns of a survey row;
    /// missing source attributes are defined.
    pub attributes: Vec<(String, String)>,
    /// Roles for participants this import creates (name, role); existing participants keep theirs.
    pub roles: Vec<(String, String)>,
}

/// A speaker turn of a source being imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTurn {
    pub speaker: String,
    pub span: TextSpan,
    pub timestamp_ms: Option<u64>,
}

/// What `Action::Reconcile` does: decisions on items comparing `coders`, written to the coder
/// named `master`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileStep {
    /// The master coder's name (created if missing; never one of `coders`).
    pub master: String,
    /// The compared coders in order: a choice's A and B are the first two.
    pub coders: Vec<CoderId>,
    /// Who decided (a name, recorded with each decision).
    pub decided_by: String,
    pub decisions: Vec<PlannedDecision>,
    /// Codings every compared coder agrees on, copied to the master as they are (no decision is
    /// recorded for them; one the master already has is skipped).
    #[serde(default)]
    pub agreed: Vec<(SourceId, CodeId, TextSpan)>,
}

/// One decision of a `ReconcileStep`: the item (source, code, extent), the choice and its note,
/// and the spans the master gets (`analysis::resolved_spans`), worked out before applying so that
/// the action says exactly what it writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedDecision {
    pub source: SourceId,
    pub code: CodeId,
    pub extent: TextSpan,
    pub choice: Choice,
    pub note: String,
    pub spans: Vec<TextSpan>,
}

/// A coding to add. The quote selector is computed from the text on apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCoding {
    pub source: SourceId,
    pub code: CodeId,
    pub coder: CoderId,
    pub span: TextSpan,
    pub memo: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code with a colour and definition of its own, so that a move that lost them would show.
    fn code(id: i64, parent: Option<i64>, name: &str, order: i64) -> Code {
        Code {
            color: format!("#00000{id}"),
            description: CodeDescription::definition(format!("about {name}")),
            ..crate::model::test_codes::code(id, parent, name, order)
        }
    }

    fn book() -> Codebook {
        Codebook::new(vec![code(1, None, "Ruptures", 0), code(2, Some(1), "Withdrawal", 0), code(3, None, "Alliance", 1)])
    }

    /// (id, parent, sort order) of each `UpdateCode` in a step, with its label.
    fn moves(action: Option<Action>) -> (String, Vec<(i64, Option<i64>, i64)>) {
        let action = action.expect("a step");
        let label = action.label();
        let updates = match action {
            Action::Batch { actions, .. } => actions,
            single => vec![single],
        };
        let rows = updates
            .into_iter()
            .map(|a| match a {
                Action::UpdateCode { id, parent, sort_order, .. } => (id.0, parent.map(|p| p.0), sort_order),
                other => panic!("not a code update: {other:?}"),
            })
            .collect();
        (label, rows)
    }

    #[test]
    fn moving_a_code_keeps_its_name_colour_and_description() {
        let book = book();
        let Some(Action::UpdateCode { id, parent, name, color, description, sort_order }) = Action::reparent_code(&book, CodeId(3), Some(CodeId(1))) else {
            panic!("a single code update")
        };
        assert_eq!((id, parent, sort_order), (CodeId(3), Some(CodeId(1)), 1));
        assert_eq!((name.as_str(), color.as_str(), description.definition.as_str()), ("Alliance", "#000003", "about Alliance"));
        assert_eq!(Action::reparent_code(&book, CodeId(1), Some(CodeId(2))), None, "under its own child");
    }

    #[test]
    fn placing_and_swapping_are_one_step_named_after_the_moved_code() {
        let book = book();
        assert_eq!(moves(Action::place_code_beside(&book, CodeId(3), CodeId(1), false)), ("Move “Alliance”".into(), vec![(3, None, 0), (1, None, 1)]));
        assert_eq!(moves(Action::place_code_beside(&book, CodeId(2), CodeId(3), true)), ("Move “Withdrawal”".into(), vec![(2, None, 2)]));
        assert_eq!(Action::place_code_beside(&book, CodeId(3), CodeId(1), true), None, "already there");
        assert_eq!(moves(Action::swap_code_with_sibling(&book, CodeId(1), 1)), ("Move “Ruptures”".into(), vec![(1, None, 1), (3, None, 0)]));
        assert_eq!(Action::swap_code_with_sibling(&book, CodeId(2), 1), None, "an only child");
    }
}
