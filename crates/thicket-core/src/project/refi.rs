//! A REFI-QDA project or codebook, read by `import::refi`, turned into one `Action::ImportRows`.
//!
//! What becomes what (docs/interop.md, Import, says the same for users):
//! - Users become coders; a coding, selection, note or source keeps its creating user.
//! - Codes keep their GUID (as UUID), name, colour, description (as the definition) and tree; a
//!   folder (`isCodable="false"`) becomes an ordinary code. A `/` in a name becomes `-`.
//! - Cases become cases with their description, sources (`SourceRef`, the sources of their
//!   `SelectionRef`s and of the codings of their `CodeRef`s) and variable values. A code whose
//!   GUID is a case's GUID (NVivo writes case membership so) is that case, not a code: the
//!   sources it codes join the case, and its codings are not imported as codings.
//! - Sets of sources (ATLAS.ti document groups) become cases, except a set named
//!   `attribute: value` (or `attribute::value`), which sets a source attribute on its members.
//!   Sets of codes (code groups) have no counterpart in Thicket: each becomes a project memo
//!   listing its codes, and the report says so.
//! - Variables become attributes on cases or sources, where their values are: Integer and Float
//!   as numbers, Date as dates, Boolean as a category true/false, Text and DateTime as text.
//! - Notes become memos on what refers to them (a selection's span, a code, a source, a case, a
//!   coding's own memo, the project); a note nothing refers to becomes a project memo.
//!   Descriptions of selections become the memo of their codings (or a span memo when the
//!   selection has no coding, as MAXQDA writes annotations).
//!
//! Every name is made unique as Thicket requires (" (2)"...), each renaming reported.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::Project;
use super::apply::{quote_selector, text_hash};
use crate::action::Action;
use crate::clock::{is_valid_date, now_rfc3339};
use crate::error::{Error, Result};
use crate::model::refi_dialect as refi_export;
use crate::import::ImportError;
use crate::import::refi::{self, RefiProject, RefiReport, VariableType};
use crate::model::*;

/// What an exchange import did: the reader's report plus what the rows became.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefiImportReport {
    /// The file read.
    pub file: String,
    /// The exporting tool (`origin`), as written.
    pub origin: String,
    /// What the reader found, skipped and corrected.
    pub read: RefiReport,
    /// What was created, by kind: ("coders", 2), ("codes", 30)...
    pub created: Vec<(String, usize)>,
    /// How things were mapped (a set became a case, a name was made unique...).
    pub decisions: Vec<String>,
    /// Codebook merges: codes already in the project whose colour or description differ.
    pub clashes: Vec<String>,
}

impl RefiImportReport {
    fn created(&mut self, what: &str, n: usize) {
        self.created.push((what.into(), n));
    }

    /// How many of `what` were created.
    pub fn created_count(&self, what: &str) -> usize {
        self.created.iter().find(|(k, _)| k == what).map_or(0, |(_, n)| *n)
    }

    /// The report as text for the terminal and the window: counts, then every skip, correction,
    /// warning, decision and clash, one per line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Imported \"{}\"{}", self.file, if self.origin.is_empty() { String::new() } else { format!(" (from {})", self.origin) });
        let list = |v: &[(String, usize)]| v.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ");
        let _ = writeln!(out, "Read: {}", list(&self.read.read));
        let _ = writeln!(out, "Created: {}", list(&self.created));
        for o in &self.read.offsets {
            let _ = writeln!(
                out,
                "Offsets of \"{}\": read as {} ({} of {} selections fit, checked by {})",
                o.source,
                if o.has_crlf { o.counting.to_string() } else { o.counting.unit_name().to_string() },
                o.fitting,
                o.total,
                o.checked_by
            );
        }
        let mut section = |title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                let _ = writeln!(out, "{title} ({}):", lines.len());
                for l in lines {
                    let _ = writeln!(out, "  - {l}");
                }
            }
        };
        section("Skipped", self.read.skipped.iter().map(|s| format!("{} \"{}\": {}", s.what, s.name, s.why)).collect());
        section("Corrected offsets", self.read.corrections.clone());
        section("Warnings", self.read.warnings.clone());
        section("Decisions", self.decisions.clone());
        section("Clashes", self.clashes.clone());
        out
    }
}

/// Reads a `.qdpx` file's bytes into the action that imports it into an empty project, with the
/// report. `file` names it in messages.
pub fn plan_qdpx(bytes: &[u8], file: &str) -> Result<(Action, RefiImportReport)> {
    let mut project = refi::read_qdpx(bytes, file).map_err(|e| import_error(file, e))?;
    Ok(Builder::new(file, &project).project_rows(&mut project))
}

/// Creates the project file `new` from the `.qdpx` at `qdpx` (refused when `new` exists). One
/// transaction: when anything fails, no project file is left behind.
pub fn create_from_qdpx(new: &Path, qdpx: &Path, observer: &mut (dyn FnMut(usize, usize) -> bool + Send)) -> Result<RefiImportReport> {
    if new.exists() {
        return Err(Error::conflict(format!("\"{}\" already exists: choose a new project file name", new.display())));
    }
    let file = qdpx.display().to_string();
    let bytes = std::fs::read(qdpx).map_err(|e| Error::not_found(format!("cannot read \"{file}\": {e}")))?;
    let (action, report) = plan_qdpx(&bytes, &file)?;
    let title = match &action {
        Action::ImportRows { label, .. } => label.trim_start_matches("Import REFI-QDA project ").trim_matches(['“', '”']).to_string(),
        _ => String::new(),
    };
    let result = (|| {
        let mut project = Project::create(new, &title)?;
        project.perform_observed(action, observer)?;
        project.close()
    })();
    if let Err(e) = result {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", new.display()));
        }
        return Err(e);
    }
    Ok(report)
}

fn import_error(file: &str, e: ImportError) -> Error {
    Error::invalid(format!("cannot import \"{file}\": {e}"))
}

impl Project {
    /// Merges the codebook of a `.qdc` (or of a `.qdpx`, its codes only) into this project, as
    /// one undoable step (see [`Project::plan_codebook`]).
    pub fn import_codebook(&mut self, bytes: &[u8], file: &str, coder: &str) -> Result<RefiImportReport> {
        let (action, report) = self.plan_codebook(bytes, file, coder)?;
        if let Some(action) = action {
            self.perform(action)?;
        }
        Ok(report)
    }

    /// The step that merges a codebook into this project, with its report; `None` when the
    /// project has every code already. Codes are matched by name under the same parent; a code
    /// already there keeps its colour and description (a difference is reported as a clash);
    /// new codes keep their GUIDs (unless the project uses one already). Code groups become
    /// project memos by `coder`.
    pub fn plan_codebook(&self, bytes: &[u8], file: &str, coder: &str) -> Result<(Option<Action>, RefiImportReport)> {
        let book = if crate::import::extension(file).as_deref() == Some("qdpx") {
            refi::read_qdpx(bytes, file)
        } else {
            refi::read_qdc(bytes, file)
        }
        .map_err(|e| import_error(file, e))?;
        let existing: Vec<Code> = self.codebook()?.walk().into_iter().map(|(_, c)| c.clone()).collect();
        let coders = self.coders()?;
        let mut b = Builder::new(file, &book);
        let (rows, report) = b.codebook_rows(&book, &existing, &coders, coder, &self.used_uuids()?);
        if rows.codes.is_empty() && rows.memos.is_empty() {
            return Ok((None, report));
        }
        Ok((Some(Action::ImportRows {
                label: format!("Import codebook “{}”", short_name(file)),
                rows: Box::new(rows),
                step: crate::action::Bundle::ImportCodebook { file: short_name(file) }.boxed(),
            }), report))
    }

    /// UUIDs of codes already in the project (a codebook's GUID already used gets a new one).
    fn used_uuids(&self) -> Result<HashSet<String>> {
        Ok(self.codebook()?.walk().into_iter().map(|(_, c)| c.uuid.clone()).collect())
    }
}

fn short_name(file: &str) -> String {
    file.rsplit(['/', '\\']).next().unwrap_or(file).to_string()
}

/// A GUID as a Thicket UUID: itself when it is one, else a UUID derived from it (stable, so a
/// second import of the same file gives the same UUIDs).
fn uuid_of(guid: &str) -> String {
    match uuid::Uuid::parse_str(guid) {
        Ok(u) => u.hyphenated().to_string(),
        Err(_) => uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, guid.as_bytes()).hyphenated().to_string(),
    }
}

/// A second UUID for a second row made from one GUID (a note attached to two things).
fn derived_uuid(guid: &str, what: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, format!("{guid}/{what}").as_bytes()).hyphenated().to_string()
}

/// An RFC 3339 time as Thicket stores it (UTC, seconds), or `None` when it is not one.
fn time_of(raw: Option<&str>) -> Option<String> {
    let raw = raw?.trim();
    let parsed = time::OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339)
        .or_else(|_| time::OffsetDateTime::parse(&format!("{raw}Z"), &time::format_description::well_known::Rfc3339))
        .ok()?;
    parsed.to_offset(time::UtcOffset::UTC).replace_nanosecond(0).ok()?.format(&time::format_description::well_known::Rfc3339).ok()
}

/// Names made unique within one scope, case kept: "Visit", "Visit (2)".
#[derive(Default)]
struct Names(HashSet<String>);

impl Names {
    fn unique(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 2;
        while self.0.contains(&name) {
            name = format!("{wanted} ({n})");
            n += 1;
        }
        self.0.insert(name.clone());
        name
    }
}

/// A coding to import: its span in chars (`None`: not placed), and the selection it came from
/// (`None`: a coding of the whole source).
type Placed<'a> = (Option<(usize, usize)>, &'a refi::RefiCoding, Option<&'a refi::RefiSelection>);

/// Turns the read data into rows. Ids of new rows count down from -1 per table.
struct Builder {
    report: RefiImportReport,
    rows: Snapshot,
    now: String,
    next: i64,
    coders: HashMap<String, CoderId>,
    default_coder: Option<CoderId>,
    codes: HashMap<String, CodeId>,
    sources: HashMap<String, (SourceId, usize)>,
    cases: HashMap<String, CaseId>,
    case_names: Names,
    participants: HashMap<String, ParticipantId>,
    uuids: HashSet<String>,
    /// Thicket's own variables in a file it wrote (session date, author, participant role).
    builtin: Builtins,
    /// Whether the file is a Thicket export (its origin says so).
    thicket_dialect: bool,
}

/// The GUIDs of the variables a Thicket export adds for what the standard has no place for;
/// each one's Description starts with "Thicket:".
#[derive(Default)]
struct Builtins {
    session_date: Option<String>,
    author: Option<String>,
    role: Option<String>,
}

impl Builtins {
    fn of(p: &RefiProject) -> Builtins {
        let find = |name: &str| {
            p.variables
                .iter()
                .find(|v| v.name == name && v.description.as_deref().is_some_and(|d| d.starts_with(refi_export::BUILTIN_MARK)))
                .map(|v| v.guid.clone())
        };
        Builtins { session_date: find(refi_export::SESSION_DATE), author: find(refi_export::AUTHOR), role: find(refi_export::ROLE) }
    }

    fn contains(&self, guid: &str) -> bool {
        [&self.session_date, &self.author, &self.role].iter().any(|g| g.as_deref() == Some(guid))
    }
}

/// A role's key from its label as an export writes it ("Social worker" is `social_worker`), when
/// it is one of the roles every project has.
fn role_key(label: &str) -> Option<String> {
    let key = label.trim().to_lowercase().replace(' ', "_");
    ["caregiver", "social_worker", "child", "supervisor", "manager", "interviewer", "other"].contains(&key.as_str()).then_some(key)
}

impl Builder {
    fn new(file: &str, p: &RefiProject) -> Builder {
        Builder {
            report: RefiImportReport { file: short_name(file), origin: p.origin.clone(), read: p.report.clone(), ..Default::default() },
            rows: Snapshot::default(),
            now: now_rfc3339(),
            next: 0,
            coders: HashMap::new(),
            default_coder: None,
            codes: HashMap::new(),
            sources: HashMap::new(),
            cases: HashMap::new(),
            case_names: Names::default(),
            participants: HashMap::new(),
            uuids: HashSet::new(),
            builtin: Builtins::of(p),
            thicket_dialect: p.origin.starts_with(refi_export::ORIGIN_PREFIX),
        }
    }

    fn id(&mut self) -> i64 {
        self.next -= 1;
        self.next
    }

    /// The UUID for a row made from `guid`, unique in the import.
    fn uuid(&mut self, guid: &str, what: &str) -> String {
        let mut u = if guid.is_empty() { uuid::Uuid::new_v4().to_string() } else { uuid_of(guid) };
        if !self.uuids.insert(u.clone()) {
            u = derived_uuid(guid, what);
            if !self.uuids.insert(u.clone()) {
                u = uuid::Uuid::new_v4().to_string();
                self.uuids.insert(u.clone());
            }
        }
        u
    }

    fn coder_for(&mut self, user: Option<&String>) -> CoderId {
        if let Some(id) = user.and_then(|u| self.coders.get(u)) {
            return *id;
        }
        if let Some(id) = self.default_coder {
            return id;
        }
        let id = CoderId(self.id());
        let uuid = self.uuid("", "coder");
        self.rows.coders.push(Coder { id, uuid, name: "Imported".into(), created_at: self.now.clone(), color: crate::model::next_coder_colour(self.rows.coders.len()).hex_upper(), retired: false });
        self.report.decisions.push("things without a known creating user are credited to a coder named \"Imported\"".into());
        self.default_coder = Some(id);
        id
    }

    // The memo's fields, as plain arguments: a struct for them would only be unpacked here.
    #[allow(clippy::too_many_arguments)]
    fn memo(&mut self, guid: &str, target: MemoTarget, title: String, body: String, user: Option<&String>, created: Option<&str>, modified: Option<&str>) {
        let coder_id = self.coder_for(user);
        let created_at = time_of(created).unwrap_or_else(|| self.now.clone());
        let updated_at = time_of(modified).unwrap_or_else(|| created_at.clone());
        let uuid = self.uuid(guid, &format!("memo {target:?}"));
        let id = MemoId(self.id());
        self.rows.memos.push(Memo { id, uuid, target, title, body, coder_id, created_at, updated_at });
    }

    fn project_rows(mut self, p: &mut RefiProject) -> (Action, RefiImportReport) {
        self.users(p);
        self.sources_of(p);
        let p = &*p;
        let case_guids: HashSet<&str> = p.cases.iter().map(|c| c.guid.as_str()).collect();
        self.codes_of(p, &case_guids, None, &HashSet::new());
        let notes: HashMap<&str, &refi::RefiNote> = p.notes.iter().map(|n| (n.guid.as_str(), n)).collect();
        let mut used_notes: BTreeSet<String> = BTreeSet::new();
        self.cases_of(p, &notes, &mut used_notes);
        self.codings_of(p, &case_guids, &notes, &mut used_notes);
        self.sets_of(p);
        self.variables_of(p);
        self.links_of(p, &notes, &mut used_notes);
        // Notes on codes, sources and the project; then notes nothing refers to.
        for code in &p.codes {
            if let Some(&id) = self.codes.get(&code.guid) {
                for r in &code.note_refs {
                    self.note_memo(&notes, &mut used_notes, r, MemoTarget::Code { id });
                }
            }
        }
        for s in &p.sources {
            let Some(&(id, _)) = self.sources.get(&s.guid) else { continue };
            for r in &s.note_refs {
                self.note_memo(&notes, &mut used_notes, r, MemoTarget::Source { id, span: None });
            }
            if let Some(d) = &s.description {
                self.memo(&format!("{}/description", s.guid), MemoTarget::Source { id, span: None }, "Description".into(), d.clone(), s.creating_user.as_ref(), s.created_at.as_deref(), None);
            }
        }
        for r in &p.note_refs {
            self.note_memo(&notes, &mut used_notes, r, MemoTarget::Project);
        }
        if let Some(d) = &p.description {
            self.memo(&format!("{}/project-description", p.name), MemoTarget::Project, "Project description".into(), d.clone(), p.creating_user.as_ref(), p.created_at.as_deref(), None);
        }
        for n in &p.notes {
            if !used_notes.contains(&n.guid) {
                self.note_memo(&notes, &mut used_notes, &n.guid, MemoTarget::Project);
            }
        }
        let counts = [
            ("coders", self.rows.coders.len()),
            ("codes", self.rows.codes.len()),
            ("sources", self.rows.sources.len()),
            ("codings", self.rows.codings.len()),
            ("cases", self.rows.cases.len()),
            ("participants", self.rows.participants.len()),
            ("memos", self.rows.memos.len()),
            ("attributes", self.rows.attributes.len()),
            ("attribute values", self.rows.attribute_values.len()),
        ];
        for (k, n) in counts {
            self.report.created(k, n);
        }
        let title = if p.name.is_empty() { self.report.file.clone() } else { p.name.clone() };
        let step = crate::action::Bundle::ImportRefiProject { title: title.to_string() }.boxed();
        (Action::ImportRows { label: format!("Import REFI-QDA project “{title}”"), rows: Box::new(self.rows), step }, self.report)
    }

    fn users(&mut self, p: &RefiProject) {
        let mut names = Names::default();
        let created_at = time_of(p.created_at.as_deref()).unwrap_or_else(|| self.now.clone());
        for u in &p.users {
            if self.coders.contains_key(&u.guid) {
                continue;
            }
            let wanted = u.name.clone().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).unwrap_or_else(|| format!("User {}", u.guid.chars().take(8).collect::<String>()));
            let name = names.unique(&wanted);
            if name != wanted {
                self.report.decisions.push(format!("user \"{wanted}\" is coder \"{name}\" (the name was taken)"));
            }
            let id = CoderId(self.id());
            let uuid = self.uuid(&u.guid, "coder");
            self.rows.coders.push(Coder { id, uuid, name, created_at: created_at.clone(), color: crate::model::next_coder_colour(self.rows.coders.len()).hex_upper(), retired: false });
            self.coders.insert(u.guid.clone(), id);
        }
        let fallback = p.creating_user.as_ref().and_then(|g| self.coders.get(g)).copied().or_else(|| self.rows.coders.first().map(|c| c.id));
        self.default_coder = fallback;
    }

    /// The codes, skipping case codes (their children move up). `existing` maps a code path of
    /// the open project to its id when merging a codebook (then same-named codes are merged).
    fn codes_of(&mut self, p: &RefiProject, case_guids: &HashSet<&str>, existing: Option<&[Code]>, used: &HashSet<String>) {
        let book = existing.map(|e| Codebook::new(e.to_vec()));
        // Per code of the file: the Thicket code it became (new or merged), if any.
        let mut became: Vec<Option<CodeId>> = Vec::with_capacity(p.codes.len());
        let mut sibling_names: HashMap<Option<CodeId>, Names> = HashMap::new();
        let mut next_order: HashMap<Option<CodeId>, i64> = HashMap::new();
        if let Some(book) = &book {
            for (_, c) in book.walk() {
                sibling_names.entry(c.parent_id).or_default().0.insert(c.name.clone());
                let o = next_order.entry(c.parent_id).or_insert(0);
                *o = (*o).max(c.sort_order + 1);
            }
        }
        let mut folders = 0;
        for (i, code) in p.codes.iter().enumerate() {
            // The nearest ancestor that became a code.
            let mut parent_ix = code.parent;
            let mut parent = None;
            while let Some(ix) = parent_ix {
                if let Some(id) = became[ix] {
                    parent = Some(id);
                    break;
                }
                parent_ix = p.codes[ix].parent;
            }
            if case_guids.contains(code.guid.as_str()) {
                self.report.decisions.push(format!("code \"{}\" has the GUID of a case (NVivo's case code): it is that case, not a code", code.name));
                became.push(None);
                continue;
            }
            let wanted = match code.name.trim() {
                "" => "(unnamed code)".to_string(),
                n => n.replace('/', "-"),
            };
            if wanted != code.name {
                self.report.decisions.push(format!("code \"{}\" is named \"{wanted}\" (a code name cannot be empty or hold \"/\")", code.name));
            }
            if let Some(book) = &book {
                let same = book.children(parent).iter().filter_map(|id| book.get(*id)).find(|c| c.name == wanted && parent.is_none_or(|p| p.0 > 0)).cloned();
                if let Some(old) = same {
                    let path = book.path(old.id).unwrap_or(&old.name).to_string();
                    let mut diffs = Vec::new();
                    if let Some(color) = &code.color
                        && *color != old.color
                    {
                        diffs.push(format!("colour {color} in the file, {} here", old.color));
                    }
                    if let Some(d) = &code.description
                        && d.trim() != old.description.definition.trim()
                    {
                        diffs.push("a different description".to_string());
                    }
                    if diffs.is_empty() {
                        self.report.decisions.push(format!("code \"{path}\" is already in the project: merged"));
                    } else {
                        self.report.clashes.push(format!("code \"{path}\" is already in the project with {}: kept the project's", diffs.join(" and ")));
                    }
                    self.codes.insert(code.guid.clone(), old.id);
                    became.push(Some(old.id));
                    continue;
                }
            }
            let name = sibling_names.entry(parent).or_default().unique(&wanted);
            if name != wanted {
                self.report.decisions.push(format!("code \"{wanted}\" is \"{name}\" (a sibling has that name)"));
            }
            if !code.codable {
                folders += 1;
            }
            let order = next_order.entry(parent).or_insert(0);
            let sort_order = *order;
            *order += 1;
            let color = code.color.clone().unwrap_or_else(|| CODE_PALETTE[i % CODE_PALETTE.len()].hex_upper());
            let mut uuid = self.uuid(&code.guid, "code");
            if used.contains(&uuid) {
                self.report.decisions.push(format!("code \"{name}\": its GUID is already used by another code of the project, so it has a new one"));
                uuid = uuid::Uuid::new_v4().to_string();
            }
            let id = CodeId(self.id());
            let description = refi_export::parse_code_description(code.description.as_deref().unwrap_or_default());
            self.rows.codes.push(Code { id, uuid, parent_id: parent, name, color, description, sort_order });
            self.codes.insert(code.guid.clone(), id);
            became.push(Some(id));
        }
        if folders > 0 {
            self.report.decisions.push(format!("{folders} code folder(s) (not codable in the file) are ordinary codes in Thicket"));
        }
    }

    /// The sources, their texts moved out of `p` (a big project's texts are held once).
    fn sources_of(&mut self, p: &mut RefiProject) {
        let mut names = Names::default();
        for s in &mut p.sources {
            let wanted = if s.name.trim().is_empty() { "(unnamed source)".to_string() } else { s.name.trim().to_string() };
            let name = names.unique(&wanted);
            if name != wanted {
                self.report.decisions.push(format!("source \"{wanted}\" is \"{name}\" (the name was taken)"));
            }
            let id = SourceId(self.id());
            let uuid = self.uuid(&s.guid, "source");
            let char_len = s.text.chars().count();
            let builtin = |g: &Option<String>| g.as_ref().and_then(|g| s.values.iter().find(|v| &v.variable == g)).map(|v| v.value.trim().to_string()).filter(|v| !v.is_empty());
            let date = builtin(&self.builtin.session_date).filter(|d| is_valid_date(d));
            let author = builtin(&self.builtin.author);
            let source = Source {
                id,
                uuid,
                name,
                kind: SourceKind::Document,
                date,
                text_hash: text_hash(&s.text),
                char_len,
                word_count: crate::text::word_count(&s.text),
                original_name: if s.text_file.is_empty() { s.name.clone() } else { s.text_file.clone() },
                original_format: match s.origin {
                    refi::SourceOrigin::Text => "qdpx".into(),
                    refi::SourceOrigin::Pdf => "qdpx (pdf text)".into(),
                },
                encoding: "UTF-8".into(),
                imported_at: time_of(s.created_at.as_deref()).unwrap_or_else(|| self.now.clone()),
                page_starts: None,
                author,
                time_marks: Vec::new(),
            };
            self.rows.sources.push((source, std::mem::take(&mut s.text)));
            self.sources.insert(s.guid.clone(), (id, self.rows.sources.len() - 1));
        }
    }

    fn note_memo(&mut self, notes: &HashMap<&str, &refi::RefiNote>, used: &mut BTreeSet<String>, guid: &str, target: MemoTarget) {
        let Some(n) = notes.get(guid) else {
            self.report.read.warnings.push(format!("a reference to note {guid}, which the file does not hold"));
            return;
        };
        used.insert(n.guid.clone());
        let mut body = n.text.clone();
        if let Some(d) = &n.description {
            body = if body.is_empty() { d.clone() } else { format!("{d}\n\n{body}") };
        }
        let mut title = n.name.clone().unwrap_or_default();
        if self.thicket_dialect && title.starts_with(refi_export::UNTITLED_MEMO) {
            // The name a Thicket export gives an untitled memo: untitled again.
            title.clear();
        }
        self.memo(&n.guid, target, title, body, n.creating_user.as_ref(), n.created_at.as_deref(), n.modified_at.as_deref());
    }

    fn note_text(notes: &HashMap<&str, &refi::RefiNote>, used: &mut BTreeSet<String>, refs: &[String]) -> Vec<String> {
        refs.iter()
            .filter_map(|r| notes.get(r.as_str()))
            .map(|n| {
                used.insert(n.guid.clone());
                n.text.clone()
            })
            .filter(|t| !t.trim().is_empty())
            .collect()
    }

    fn codings_of(&mut self, p: &RefiProject, case_guids: &HashSet<&str>, notes: &HashMap<&str, &refi::RefiNote>, used: &mut BTreeSet<String>) {
        let mut seen: HashSet<(SourceId, CodeId, CoderId, TextSpan)> = HashSet::new();
        let (mut duplicates, mut unknown, mut case_links) = (0, 0, 0);
        for s in &p.sources {
            let Some(&(source_id, row)) = self.sources.get(&s.guid) else { continue };
            let text = self.rows.sources[row].1.clone();
            let len = self.rows.sources[row].0.char_len;
            let index = crate::text::TextIndex::new(&text);
            let whole = (len > 0).then_some((0usize, len));
            let mut items: Vec<Placed<'_>> =
                s.codings.iter().map(|c| (whole, c, None)).collect();
            for sel in &s.selections {
                items.extend(sel.codings.iter().map(|c| (sel.span, c, Some(sel))));
                let Some((a, b)) = sel.span else { continue };
                let span = TextSpan { start: a, end: b };
                // Notes on a selection: memos on its span; its description too when it has no coding.
                for r in &sel.note_refs {
                    self.note_memo(notes, used, r, MemoTarget::Source { id: source_id, span: Some(span) });
                }
                if sel.codings.is_empty()
                    && let Some(d) = &sel.description
                {
                    self.memo(&sel.guid, MemoTarget::Source { id: source_id, span: Some(span) }, sel.name.clone().unwrap_or_default(), d.clone(), sel.creating_user.as_ref(), sel.created_at.as_deref(), None);
                }
            }
            for (span, c, sel) in items {
                let Some((a, b)) = span else { continue };
                if case_guids.contains(c.code.as_str()) {
                    if let Some(&case) = self.cases.get(&c.code) {
                        self.link(case, source_id);
                    }
                    case_links += 1;
                    continue;
                }
                let Some(&code_id) = self.codes.get(&c.code) else {
                    unknown += 1;
                    continue;
                };
                let user = c.creating_user.as_ref().or(sel.and_then(|x| x.creating_user.as_ref())).or(s.creating_user.as_ref());
                let coder_id = self.coder_for(user);
                let span = TextSpan { start: a, end: b };
                if !seen.insert((source_id, code_id, coder_id, span)) {
                    duplicates += 1;
                    continue;
                }
                let mut memo: Vec<String> = sel.and_then(|x| x.description.clone()).into_iter().filter(|d| !d.trim().is_empty()).collect();
                memo.extend(Self::note_text(notes, used, &c.note_refs));
                let created_at = time_of(c.created_at.as_deref().or(sel.and_then(|x| x.created_at.as_deref()))).unwrap_or_else(|| self.now.clone());
                let uuid = self.uuid(&c.guid, "coding");
                let quote = quote_selector(&text, Some(&index), len, span);
                let id = CodingId(self.id());
                self.rows.codings.push(Coding {
                    id,
                    uuid,
                    source_id,
                    code_id,
                    coder_id,
                    span,
                    created_at,
                    memo: memo.join("\n\n"),
                    quote,
                });
            }
        }
        if duplicates > 0 {
            self.report.decisions.push(format!("{duplicates} coding(s) repeat another of the same span, code and coder: imported once"));
        }
        if unknown > 0 {
            self.report.read.warnings.push(format!("{unknown} coding(s) name a code the file does not define: not imported"));
        }
        if case_links > 0 {
            self.report.decisions.push(format!("{case_links} coding(s) with a case code put their sources into that case"));
        }
    }
}

impl Builder {
    fn link(&mut self, case: CaseId, source: SourceId) {
        if !self.rows.case_sources.contains(&(case, source)) {
            self.rows.case_sources.push((case, source));
        }
    }

    fn new_case(&mut self, guid: &str, wanted: &str, description: String) -> CaseId {
        let name = self.case_names.unique(wanted);
        if name != wanted {
            self.report.decisions.push(format!("case \"{wanted}\" is \"{name}\" (the name was taken)"));
        }
        let id = CaseId(self.id());
        let uuid = self.uuid(guid, "case");
        self.rows.cases.push(Case { id, uuid, name, description });
        id
    }

    fn cases_of(&mut self, p: &RefiProject, notes: &HashMap<&str, &refi::RefiNote>, used: &mut BTreeSet<String>) {
        // Sources per code and per selection, for CodeRef and SelectionRef membership.
        let mut coded_by: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        let mut selection_source: HashMap<&str, &str> = HashMap::new();
        for s in &p.sources {
            for c in &s.codings {
                coded_by.entry(c.code.as_str()).or_default().insert(s.guid.as_str());
            }
            for sel in &s.selections {
                selection_source.insert(sel.guid.as_str(), s.guid.as_str());
                for c in &sel.codings {
                    coded_by.entry(c.code.as_str()).or_default().insert(s.guid.as_str());
                }
            }
        }
        let mut participant_names = Names::default();
        for (n, c) in p.cases.iter().enumerate() {
            if let Some(role) = self.builtin.role.as_ref().and_then(|r| c.values.iter().find(|v| &v.variable == r)) {
                // A participant, as a Thicket export writes one: a case with a role value.
                let wanted = c.name.clone().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("Participant {}", n + 1));
                let name = participant_names.unique(&wanted);
                let role_name = role_key(&role.value);
                if role_name.is_none() && !role.value.trim().is_empty() {
                    self.report.decisions.push(format!("participant \"{name}\": role \"{}\" is not one of a new project's roles, so it is left empty", role.value));
                }
                let id = ParticipantId(self.id());
                let uuid = self.uuid(&c.guid, "participant");
                self.rows.participants.push(Participant { id, uuid, name, role: role_name });
                self.participants.insert(c.guid.clone(), id);
                for s in &c.source_refs {
                    if let Some(&(source, _)) = self.sources.get(s) {
                        self.rows.source_participants.push((source, id));
                    }
                }
                continue;
            }
            let wanted = c.name.clone().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("Case {}", n + 1));
            let id = self.new_case(&c.guid, &wanted, c.description.clone().unwrap_or_default());
            self.cases.insert(c.guid.clone(), id);
            let mut members: BTreeSet<&str> = c.source_refs.iter().map(String::as_str).collect();
            members.extend(c.selection_refs.iter().filter_map(|r| selection_source.get(r.as_str()).copied()));
            for code in c.code_refs.iter().chain(std::iter::once(&c.guid)) {
                members.extend(coded_by.get(code.as_str()).into_iter().flatten().copied());
            }
            for m in members {
                match self.sources.get(m) {
                    Some(&(s, _)) => self.link(id, s),
                    None => self.report.read.warnings.push(format!("case \"{wanted}\" names source {m}, which was not imported")),
                }
            }
            for r in &c.note_refs {
                self.note_memo(notes, used, r, MemoTarget::Case { id });
            }
        }
    }

    /// Sets of sources become cases (or a source attribute, for `name: value`); sets of codes
    /// become a project memo each.
    fn sets_of(&mut self, p: &RefiProject) {
        let mut set_attrs: BTreeMap<String, Vec<(SourceId, String)>> = BTreeMap::new();
        for set in &p.sets {
            let sources: Vec<SourceId> = set.sources.iter().filter_map(|g| self.sources.get(g).map(|(id, _)| *id)).collect();
            let not_text = set.sources.len() - sources.len();
            let kind = set.name.strip_prefix(refi_export::KIND_SET).and_then(|k| SourceKind::ALL.iter().copied().find(|s| s.label() == k));
            if let (Some(kind), true) = (kind, set.description.as_deref().is_some_and(|d| d.starts_with(refi_export::BUILTIN_MARK))) {
                for (s, _) in self.rows.sources.iter_mut().filter(|(s, _)| sources.contains(&s.id)) {
                    s.kind = kind;
                }
                continue;
            }
            if !set.sources.is_empty() {
                let attribute = set.name.split_once("::").or_else(|| set.name.split_once(':')).map(|(a, v)| (a.trim(), v.trim())).filter(|(a, v)| !a.is_empty() && !v.is_empty());
                if let Some((a, v)) = attribute {
                    for s in &sources {
                        set_attrs.entry(a.to_string()).or_default().push((*s, v.to_string()));
                    }
                    self.report.decisions.push(format!("set \"{}\" (of sources) sets attribute \"{a}\" to \"{v}\" on its {} source(s)", set.name, sources.len()));
                } else if sources.is_empty() {
                    self.report.read.skipped.push(refi::Skipped { what: "set".into(), name: set.name.clone(), why: "none of its sources was imported (media only)".into() });
                } else {
                    let existing = self.rows.cases.iter().find(|c| c.name == set.name).map(|c| c.id);
                    let id = existing.unwrap_or_else(|| self.new_case(&set.guid, &set.name, set.description.clone().unwrap_or_default()));
                    for s in &sources {
                        self.link(id, *s);
                    }
                    let how = if existing.is_some() { "joins the case of that name" } else { "becomes a case" };
                    self.report.decisions.push(format!("set \"{}\" (of {} source(s)) {how}", set.name, sources.len()));
                }
                if not_text > 0 {
                    self.report.decisions.push(format!("set \"{}\": {not_text} member(s) are media sources, not imported", set.name));
                }
            }
            if !set.codes.is_empty() || (!set.notes.is_empty() && set.sources.is_empty()) {
                self.code_group_memo(p, set);
            }
            if set.codes.is_empty() && set.sources.is_empty() && set.notes.is_empty() {
                self.report.read.skipped.push(refi::Skipped { what: "set".into(), name: set.name.clone(), why: "it is empty".into() });
            }
        }
        for (name, values) in set_attrs {
            let wanted = name.clone();
            let id = AttributeId(self.id());
            let uuid = self.uuid(&format!("set-attribute/{name}"), "attribute");
            let mut categories: Vec<String> = values.iter().map(|(_, v)| v.clone()).collect();
            categories.sort();
            categories.dedup();
            self.rows.attributes.push(AttributeDef { id, uuid, name: wanted, applies_to: AttributeTarget::Source, value_type: AttributeType::Category, categories });
            let mut seen = HashSet::new();
            for (s, v) in values {
                if seen.insert(s) {
                    self.rows.attribute_values.push(AttributeValue { attribute_id: id, entity_id: s.0, value: v });
                }
            }
        }
    }

    fn code_group_memo(&mut self, p: &RefiProject, set: &refi::RefiSet) {
        let names: HashMap<&str, &str> = p.codes.iter().map(|c| (c.guid.as_str(), c.name.as_str())).collect();
        let note_names: HashMap<&str, &str> = p.notes.iter().map(|n| (n.guid.as_str(), n.name.as_deref().unwrap_or("(untitled)"))).collect();
        let mut body = String::new();
        if let Some(d) = &set.description {
            let _ = writeln!(body, "{d}\n");
        }
        for c in &set.codes {
            let _ = writeln!(body, "- {}", names.get(c.as_str()).copied().unwrap_or(c));
        }
        for n in &set.notes {
            let _ = writeln!(body, "- memo: {}", note_names.get(n.as_str()).copied().unwrap_or(n));
        }
        let default = self.default_coder.map(|_| None).unwrap_or(None);
        self.memo(&set.guid, MemoTarget::Project, format!("Code group: {}", set.name), body.trim_end().to_string(), default, None, None);
        self.report.decisions.push(format!("set \"{}\" ({} code(s)) is a project memo \"Code group: {}\" (Thicket has no code groups)", set.name, set.codes.len(), set.name));
    }

    fn variables_of(&mut self, p: &RefiProject) {
        let own: Vec<&refi::RefiVariable> = p.variables.iter().filter(|v| !self.builtin.contains(&v.guid)).collect();
        for v in own {
            let on_cases: Vec<(CaseId, &str)> = p
                .cases
                .iter()
                .filter_map(|c| Some((*self.cases.get(&c.guid)?, c)))
                .flat_map(|(id, c)| c.values.iter().filter(|x| x.variable == v.guid).map(move |x| (id, x.value.as_str())))
                .collect();
            let on_sources: Vec<(SourceId, &str)> = p
                .sources
                .iter()
                .filter_map(|s| Some((self.sources.get(&s.guid)?.0, s)))
                .flat_map(|(id, s)| s.values.iter().filter(|x| x.variable == v.guid).map(move |x| (id, x.value.as_str())))
                .collect();
            let on_participants: Vec<(ParticipantId, &str)> = p
                .cases
                .iter()
                .filter_map(|c| Some((*self.participants.get(&c.guid)?, c)))
                .flat_map(|(id, c)| c.values.iter().filter(|x| x.variable == v.guid).map(move |x| (id, x.value.as_str())))
                .collect();
            let (value_type, categories) = match v.kind {
                VariableType::Integer | VariableType::Float => (AttributeType::Number, Vec::new()),
                VariableType::Date => (AttributeType::Date, Vec::new()),
                VariableType::Boolean => (AttributeType::Category, vec!["false".to_string(), "true".to_string()]),
                VariableType::Text | VariableType::DateTime => (AttributeType::Text, Vec::new()),
            };
            // A Thicket export says in the Description which entities the attribute is on, and
            // a category attribute's categories (the standard has no category type).
            let own = if self.thicket_dialect { v.description.as_deref().and_then(refi_export::parse_attribute_description) } else { None };
            let (value_type, categories) = match (&own, value_type) {
                (Some((_, cats)), AttributeType::Text) if !cats.is_empty() => (AttributeType::Category, cats.clone()),
                _ => (value_type, categories),
            };
            let mut targets: Vec<(AttributeTarget, Vec<(i64, &str)>)> = Vec::new();
            if !on_participants.is_empty() {
                targets.push((AttributeTarget::Participant, on_participants.iter().map(|(x, v)| (x.0, *v)).collect()));
            }
            if !on_cases.is_empty() || (on_sources.is_empty() && on_participants.is_empty()) {
                targets.push((AttributeTarget::Case, on_cases.iter().map(|(c, x)| (c.0, *x)).collect()));
            }
            if !on_sources.is_empty() {
                targets.push((AttributeTarget::Source, on_sources.iter().map(|(s, x)| (s.0, *x)).collect()));
            }
            if let Some((on, _)) = &own {
                // Only where the export put it, even without values.
                targets.retain(|(t, _)| t == on);
                if targets.is_empty() {
                    targets.push((*on, Vec::new()));
                }
            }
            for (applies_to, values) in targets {
                let id = AttributeId(self.id());
                let uuid = self.uuid(&v.guid, &format!("attribute {applies_to}"));
                let name = if own.is_some() { refi_export::attribute_name(&v.name, applies_to).to_string() } else { v.name.clone() };
                self.rows.attributes.push(AttributeDef { id, uuid, name, applies_to, value_type, categories: categories.clone() });
                for (entity, raw) in values {
                    match typed_value(value_type, &categories, raw) {
                        Some(value) => self.rows.attribute_values.push(AttributeValue { attribute_id: id, entity_id: entity, value }),
                        None => self.report.read.warnings.push(format!("variable \"{}\": value \"{raw}\" is not a valid {value_type} value: left empty", v.name)),
                    }
                }
            }
        }
    }

    /// Rows that merge a codebook into a project holding `existing` codes and `coders`.
    fn codebook_rows(&mut self, book: &RefiProject, existing: &[Code], coders: &[Coder], coder: &str, used: &HashSet<String>) -> (Snapshot, RefiImportReport) {
        match coders.iter().find(|c| c.name == coder) {
            Some(c) => self.default_coder = Some(c.id),
            None => {
                let id = CoderId(self.id());
                let uuid = uuid::Uuid::new_v4().to_string();
                self.rows.coders.push(Coder { id, uuid, name: coder.to_string(), created_at: self.now.clone(), color: crate::model::next_coder_colour(self.rows.coders.len()).hex_upper(), retired: false });
                self.default_coder = Some(id);
            }
        }
        self.codes_of(book, &HashSet::new(), Some(existing), used);
        for set in &book.sets {
            if !set.codes.is_empty() {
                self.code_group_memo(book, set);
            }
        }
        let (codes, memos) = (self.rows.codes.len(), self.rows.memos.len());
        self.report.created("codes", codes);
        self.report.created("memos", memos);
        if codes == 0 && memos == 0 {
            self.rows.coders.clear();
        }
        (std::mem::take(&mut self.rows), self.report.clone())
    }
}

impl Builder {
    /// Links Thicket can place: a note linked to a case or participant is a memo on it (the
    /// schema gives cases no `NoteRef`); a link from a participant's case to a case (a Thicket export names it
    /// [`refi_export::PARTICIPANT_OF`]) puts the participant in it. Others
    /// are reported as skipped.
    fn links_of(&mut self, p: &RefiProject, notes: &HashMap<&str, &refi::RefiNote>, used: &mut BTreeSet<String>) {
        for link in &p.links {
            let (from_note, to_case, to_participant) =
                (notes.contains_key(link.origin.as_str()), self.cases.get(&link.target).copied(), self.participants.get(&link.target).copied());
            match (from_note, to_case, to_participant) {
                (true, Some(id), _) => self.note_memo(notes, used, &link.origin, MemoTarget::Case { id }),
                (true, _, Some(id)) => self.note_memo(notes, used, &link.origin, MemoTarget::Participant { id }),
                (false, Some(case), _) if self.participants.contains_key(&link.origin) => {
                    let participant = self.participants[&link.origin];
                    if !self.rows.participant_cases.contains(&(participant, case)) {
                        self.rows.participant_cases.push((participant, case));
                    }
                }
                _ => self.report.read.skipped.push(refi::Skipped {
                    what: "link".into(),
                    name: link.name.clone(),
                    why: "Thicket has no links between these kinds of things".into(),
                }),
            }
        }
    }
}

/// A variable's value as the attribute type stores it, or `None` when it is not one.
fn typed_value(t: AttributeType, categories: &[String], raw: &str) -> Option<String> {
    let raw = raw.trim();
    match t {
        // A Thicket export's category attribute: one of its categories.
        AttributeType::Category if categories.iter().any(|c| c != "true" && c != "false") => categories.iter().find(|c| c.trim() == raw).cloned(),
        AttributeType::Text => Some(raw.to_string()),
        AttributeType::Number => raw.parse::<f64>().ok().filter(|f| f.is_finite()).map(|_| raw.to_string()),
        AttributeType::Date => {
            let d = raw.get(..10).unwrap_or(raw);
            is_valid_date(d).then(|| d.to_string())
        }
        AttributeType::Category => match raw.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some("true".into()),
            "false" | "0" | "no" => Some("false".into()),
            _ => None,
        },
    }
}
