//! From a project to [`RefiProject`]: every element the `.qde` will hold, as plain data with its
//! GUID, names already pseudonymised when asked, and positions already in the chosen unit. Each
//! source's (rewritten) text is handed to a sink as soon as it is read, so no more than one text
//! is held at a time. Everything is sorted here, so the writer only walks.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use super::{AUTHOR, BUILTIN_MARK, PositionUnit, QdpxOptions, ROLE, SESSION_DATE, describe_code, origin};
use crate::error::{Error, Result};
use crate::model::{AttributeTarget, AttributeType, CaseId, CodeId, Codebook, MemoTarget, ParticipantId, SourceId, TextSpan};
use crate::project::Project;
use crate::text::{PseudonymMap, TextIndex};

/// Everything a `project.qde` holds, in the order it is written.
#[derive(Debug, Clone, Default)]
pub struct RefiProject {
    pub name: String,
    pub origin: String,
    pub created: Option<String>,
    pub users: Vec<User>,
    pub codes: Vec<CodeNode>,
    pub variables: Vec<Variable>,
    pub cases: Vec<CaseEl>,
    pub sources: Vec<SourceEl>,
    pub notes: Vec<NoteEl>,
    pub links: Vec<LinkEl>,
    pub sets: Vec<SetEl>,
    /// Notes on the project as a whole.
    pub project_notes: Vec<String>,
}

/// How many of each element an export holds, for the summary a user sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RefiCounts {
    pub users: usize,
    pub codes: usize,
    pub variables: usize,
    pub cases: usize,
    pub sources: usize,
    pub selections: usize,
    pub codings: usize,
    pub notes: usize,
    pub sets: usize,
}

#[derive(Debug, Clone)]
pub struct User {
    pub guid: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct CodeNode {
    pub guid: String,
    pub name: String,
    pub color: String,
    pub description: String,
    pub notes: Vec<String>,
    pub children: Vec<CodeNode>,
}

/// `typeOfVariable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariableType {
    Text,
    Integer,
    Float,
    Date,
}

impl VariableType {
    pub fn as_str(self) -> &'static str {
        match self {
            VariableType::Text => "Text",
            VariableType::Integer => "Integer",
            VariableType::Float => "Float",
            VariableType::Date => "Date",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Variable {
    pub guid: String,
    pub name: String,
    pub kind: VariableType,
    pub description: String,
}

/// A `VariableValue`: the variable and the value, already in the lexical form of its type.
#[derive(Debug, Clone)]
pub struct Value {
    pub variable: String,
    pub kind: VariableType,
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct CaseEl {
    pub guid: String,
    pub name: String,
    pub description: String,
    pub values: Vec<Value>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SourceEl {
    pub guid: String,
    pub name: String,
    pub created: Option<String>,
    pub selections: Vec<SelectionEl>,
    pub notes: Vec<String>,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone)]
pub struct SelectionEl {
    pub guid: String,
    /// The exact selected text, when XML can carry it.
    pub name: Option<String>,
    pub start: usize,
    pub end: usize,
    pub user: Option<String>,
    pub created: Option<String>,
    pub codings: Vec<CodingEl>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CodingEl {
    pub guid: String,
    pub code: String,
    pub user: Option<String>,
    pub created: Option<String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct NoteEl {
    pub guid: String,
    pub name: String,
    pub text: String,
    pub user: Option<String>,
    pub created: Option<String>,
    pub modified: Option<String>,
}

#[derive(Debug, Clone)]
pub struct LinkEl {
    pub guid: String,
    pub name: String,
    pub origin: String,
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct SetEl {
    pub guid: String,
    pub name: String,
    pub description: String,
    pub sources: Vec<String>,
}

impl RefiProject {
    /// How many of each element it holds.
    pub fn counts(&self) -> RefiCounts {
        fn codes(nodes: &[CodeNode]) -> usize {
            nodes.iter().map(|n| 1 + codes(&n.children)).sum()
        }
        let selections = self.sources.iter().map(|s| s.selections.len()).sum();
        let codings = self.sources.iter().flat_map(|s| &s.selections).map(|s| s.codings.len()).sum();
        RefiCounts {
            users: self.users.len(),
            codes: codes(&self.codes),
            variables: self.variables.len(),
            cases: self.cases.len(),
            sources: self.sources.len(),
            selections,
            codings,
            notes: self.notes.len(),
            sets: self.sets.len(),
        }
    }
}

/// A Thicket UUID as a GUID: the plain lower-case 8-4-4-4-12 form, which the schema's pattern
/// accepts. A value that is not a UUID (a damaged file) gets a name-based one, stable for it.
pub fn guid(uuid: &str) -> String {
    match Uuid::parse_str(uuid.trim()) {
        Ok(u) => u.hyphenated().to_string(),
        Err(_) => Uuid::new_v5(&Uuid::NAMESPACE_OID, uuid.as_bytes()).hyphenated().to_string(),
    }
}

/// The GUID of an element Thicket keeps no UUID for, named by `what` under an entity's UUID: the
/// same project always gives the same one.
pub fn derived(base: &str, what: &str) -> String {
    let namespace = Uuid::parse_str(base.trim()).unwrap_or_else(|_| Uuid::new_v5(&Uuid::NAMESPACE_OID, base.as_bytes()));
    Uuid::new_v5(&namespace, what.as_bytes()).hyphenated().to_string()
}

/// An RFC 3339 time as `xsd:dateTime` (upper-case `T` and `Z`), or `None` when it is not one.
fn date_time(s: &str) -> Option<String> {
    use time::format_description::well_known::Rfc3339;
    let t = time::OffsetDateTime::parse(s.trim(), &Rfc3339).ok()?;
    t.format(&Rfc3339).ok()
}

/// A memo on a passage: the span, the note's GUID, its coder's GUID and its time.
type SpanNote = (TextSpan, String, Option<String>, Option<String>);

/// Text through the map, when there is one.
struct Names<'a>(Option<&'a PseudonymMap>);

impl Names<'_> {
    fn of(&self, s: &str) -> String {
        match self.0 {
            Some(map) => map.apply(s),
            None => s.to_string(),
        }
    }
}

/// A source's text as written, and the way from a stored char position to a written position.
struct Rewritten {
    text: String,
    /// Replacements made: (old start, old end, new start, new end), in chars, in text order.
    shifts: Vec<(usize, usize, usize, usize)>,
    index: TextIndex,
    unit: PositionUnit,
}

impl Rewritten {
    fn new(text: String, map: Option<&PseudonymMap>, unit: PositionUnit) -> Self {
        let Some(map) = map else {
            let index = TextIndex::new(&text);
            return Rewritten { text, shifts: Vec::new(), index, unit };
        };
        let found = map.find(&text);
        if found.is_empty() {
            let index = TextIndex::new(&text);
            return Rewritten { text, shifts: Vec::new(), index, unit };
        }
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::with_capacity(found.len());
        let mut chars = text.chars();
        let (mut at, mut new_at) = (0, 0);
        for r in &found {
            out.extend(chars.by_ref().take(r.start - at));
            new_at += r.start - at;
            let len = r.replacement.chars().count();
            out.push_str(&r.replacement);
            shifts.push((r.start, r.end, new_at, new_at + len));
            chars.by_ref().take(r.end - r.start).for_each(drop);
            at = r.end;
            new_at += len;
        }
        out.extend(chars);
        let index = TextIndex::new(&out);
        Rewritten { text: out, shifts, index, unit }
    }

    /// The char position in the written text of stored position `p`. Inside a replaced name, a
    /// start goes to the start of its replacement and an end to its end.
    fn char_pos(&self, p: usize, is_end: bool) -> usize {
        // The last replacement starting before p.
        let i = self.shifts.partition_point(|s| s.0 < p);
        let Some(&(_, old_end, new_start, new_end)) = i.checked_sub(1).and_then(|i| self.shifts.get(i)) else { return p };
        if p >= old_end {
            new_end + (p - old_end)
        } else if is_end {
            new_end
        } else {
            new_start
        }
    }

    /// A stored span as written: (start, end) in the export's unit, and the same in chars.
    fn span(&self, span: TextSpan) -> Option<((usize, usize), (usize, usize))> {
        let (s, e) = (self.char_pos(span.start, false), self.char_pos(span.end, true));
        let unit = match self.unit {
            PositionUnit::CodePoints => (s, e),
            PositionUnit::Utf16 => (self.index.char_to_utf16(s)?, self.index.char_to_utf16(e)?),
        };
        (s <= e && e <= self.index.char_len()).then_some((unit, (s, e)))
    }

    fn slice(&self, chars: (usize, usize)) -> Option<&str> {
        let bytes = self.index.char_range_to_byte_range(chars.0..chars.1)?;
        self.text.get(bytes)
    }
}

/// Whether XML 1.0 can carry `s` exactly (no control chars other than tab, LF and CR, no
/// U+FFFE/U+FFFF).
pub(super) fn xml_safe(s: &str) -> bool {
    s.chars().all(xml_char)
}

pub(super) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// The code tree as `Code` elements, children in the tree's order. `notes` gives the memos of
/// each code (none in a `.qdc`).
pub(super) fn codebook(project: &Project, map: Option<&PseudonymMap>, notes: &HashMap<CodeId, Vec<String>>) -> Result<Vec<CodeNode>> {
    let book = project.codebook()?;
    let names = Names(map);
    fn nodes(book: &Codebook, parent: Option<CodeId>, names: &Names<'_>, notes: &HashMap<CodeId, Vec<String>>, depth: usize) -> Vec<CodeNode> {
        if depth > book.len() {
            return Vec::new();
        }
        book.children(parent)
            .iter()
            .filter_map(|&id| book.get(id))
            .map(|c| CodeNode {
                guid: guid(&c.uuid),
                name: names.of(&c.name),
                color: c.color.clone(),
                description: names.of(&describe_code(&c.description)),
                notes: notes.get(&c.id).cloned().unwrap_or_default(),
                children: nodes(book, Some(c.id), names, notes, depth + 1),
            })
            .collect()
    }
    Ok(nodes(&book, None, &names, notes, 0))
}

/// A value of a Thicket attribute in the lexical form of `kind`; `None` when it has none (a
/// value the store let through that the type cannot hold is left out rather than made up).
fn lexical(kind: VariableType, value: &str) -> Option<String> {
    let v = value.trim();
    match kind {
        VariableType::Text => Some(value.to_string()),
        VariableType::Integer => is_integer(v).then(|| v.trim_start_matches('+').to_string()),
        VariableType::Float => {
            if is_decimal(v) {
                Some(v.to_string())
            } else {
                // 1e3 and the like: xsd:decimal has no exponent; Display writes all digits.
                v.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f.to_string())
            }
        }
        VariableType::Date => crate::clock::is_valid_date(v).then(|| v.to_string()),
    }
}

fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_decimal(v: &str) -> bool {
    let body = v.strip_prefix(['+', '-']).unwrap_or(v);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    (!int.is_empty() || !frac.is_empty()) && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Reads the whole project into a [`RefiProject`], handing each source's written text to `sink`
/// (GUID, text) as it goes. `observe(done, total)` counts sources and may stop the work.
pub(super) fn project(
    project: &Project,
    options: &QdpxOptions<'_>,
    sink: &mut dyn FnMut(&str, &str) -> Result<()>,
    observe: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<RefiProject> {
    let names = Names(options.map);
    let (project_uuid, created) = project.identity()?;
    let coders = project.coders()?;
    let coder_guid: HashMap<_, _> = coders.iter().map(|c| (c.id, guid(&c.uuid))).collect();
    let mut refi = RefiProject {
        name: names.of(&project.title()?),
        origin: origin(options.positions),
        created: date_time(&created),
        users: coders.iter().map(|c| User { guid: guid(&c.uuid), name: names.of(&c.name) }).collect(),
        ..RefiProject::default()
    };

    let book = project.codebook()?;
    let sources = project.sources()?;
    let cases = project.cases()?;
    let participants = project.participants()?;
    let source_guid: HashMap<SourceId, String> = sources.iter().map(|s| (s.id, guid(&s.uuid))).collect();
    let case_guid: HashMap<CaseId, String> = cases.iter().map(|c| (c.id, guid(&c.uuid))).collect();
    let participant_guid: HashMap<ParticipantId, String> = participants.iter().map(|p| (p.id, guid(&p.uuid))).collect();

    // Memos: notes, and where each is referred to from.
    let mut project_notes = Vec::new();
    let mut source_notes: HashMap<SourceId, Vec<String>> = HashMap::new();
    let mut span_notes: HashMap<SourceId, Vec<SpanNote>> = HashMap::new();
    let mut code_notes: HashMap<CodeId, Vec<String>> = HashMap::new();
    let mut memos = project.memos()?;
    memos.sort_by(|a, b| (&a.created_at, &a.uuid).cmp(&(&b.created_at, &b.uuid)));
    for m in &memos {
        let note_guid = guid(&m.uuid);
        let about = match m.target {
            MemoTarget::Project => {
                project_notes.push(note_guid.clone());
                "the project".to_string()
            }
            MemoTarget::Source { id, span } => {
                let source = sources.iter().find(|s| s.id == id).map(|s| names.of(&s.name)).unwrap_or_default();
                match span {
                    Some(span) => span_notes.entry(id).or_default().push((span, note_guid.clone(), coder_guid.get(&m.coder_id).cloned(), date_time(&m.created_at))),
                    None => source_notes.entry(id).or_default().push(note_guid.clone()),
                }
                format!("source \"{source}\"")
            }
            MemoTarget::Code { id } => {
                code_notes.entry(id).or_default().push(note_guid.clone());
                format!("code \"{}\"", names.of(book.path(id).unwrap_or_default()))
            }
            MemoTarget::Case { id } => {
                let name = cases.iter().find(|c| c.id == id).map(|c| names.of(&c.name)).unwrap_or_default();
                if let Some(target) = case_guid.get(&id) {
                    refi.links.push(LinkEl { guid: derived(&m.uuid, "link"), name: "Memo".into(), origin: note_guid.clone(), target: target.clone() });
                }
                format!("case \"{name}\"")
            }
            MemoTarget::Participant { id } => {
                let name = participants.iter().find(|p| p.id == id).map(|p| names.of(&p.name)).unwrap_or_default();
                if let Some(target) = participant_guid.get(&id) {
                    refi.links.push(LinkEl { guid: derived(&m.uuid, "link"), name: "Memo".into(), origin: note_guid.clone(), target: target.clone() });
                }
                format!("participant \"{name}\"")
            }
        };
        let title = if m.title.trim().is_empty() { format!("{}{about}", super::UNTITLED_MEMO) } else { names.of(&m.title) };
        refi.notes.push(NoteEl {
            guid: note_guid,
            name: title,
            text: names.of(&m.body),
            user: coder_guid.get(&m.coder_id).cloned(),
            created: date_time(&m.created_at),
            modified: date_time(&m.updated_at),
        });
    }
    refi.project_notes = project_notes;
    refi.codes = codebook(project, options.map, &code_notes)?;

    // Variables: the user's attributes, then Thicket's own.
    let attributes = project.attributes()?;
    let values = project.attribute_values()?;
    let mut taken: HashMap<String, usize> = HashMap::new();
    for a in &attributes {
        *taken.entry(a.name.to_lowercase()).or_default() += 1;
    }
    let mut variable_of = HashMap::new();
    let mut case_values: BTreeMap<i64, Vec<Value>> = BTreeMap::new();
    let mut participant_values: BTreeMap<i64, Vec<Value>> = BTreeMap::new();
    let mut source_values: BTreeMap<i64, Vec<Value>> = BTreeMap::new();
    let mut defs = attributes.clone();
    defs.sort_by(|a, b| (a.applies_to, &a.name, &a.uuid).cmp(&(b.applies_to, &b.name, &b.uuid)));
    for a in &defs {
        let own: Vec<&str> = values.iter().filter(|v| v.attribute_id == a.id).map(|v| v.value.as_str()).collect();
        let kind = match a.value_type {
            AttributeType::Text | AttributeType::Category => VariableType::Text,
            AttributeType::Number if own.iter().all(|v| is_integer(v.trim())) => VariableType::Integer,
            AttributeType::Number => VariableType::Float,
            AttributeType::Date => VariableType::Date,
        };
        let shared = taken.get(&a.name.to_lowercase()).copied().unwrap_or(0) > 1;
        let name = super::variable_name(&a.name, a.applies_to, shared);
        let description = super::describe_attribute(a.applies_to, a.value_type, &a.categories);
        let variable_guid = guid(&a.uuid);
        variable_of.insert(a.id, (variable_guid.clone(), kind, a.applies_to));
        refi.variables.push(Variable { guid: variable_guid, name: names.of(&name), kind, description: names.of(&description) });
    }
    for v in &values {
        let Some((variable, kind, target)) = variable_of.get(&v.attribute_id) else { continue };
        let text = if *kind == VariableType::Text { names.of(&v.value) } else { v.value.clone() };
        let Some(value) = lexical(*kind, &text) else { continue };
        let list = match target {
            AttributeTarget::Case => &mut case_values,
            AttributeTarget::Participant => &mut participant_values,
            AttributeTarget::Source => &mut source_values,
        };
        list.entry(v.entity_id).or_default().push(Value { variable: variable.clone(), kind: *kind, value });
    }
    let mut builtin = |name: &str, kind: VariableType, description: &str| {
        let mut unique = name.to_string();
        while taken.contains_key(&unique.to_lowercase()) {
            unique.push_str(" (Thicket)");
        }
        taken.insert(unique.to_lowercase(), 1);
        let variable_guid = derived(&project_uuid, &format!("variable:{name}"));
        refi.variables.push(Variable { guid: variable_guid.clone(), name: unique, kind, description: format!("{BUILTIN_MARK} {description}") });
        variable_guid
    };
    let session_date = sources.iter().any(|s| s.date.is_some()).then(|| builtin(SESSION_DATE, VariableType::Date, "the session date of each source"));
    let author = sources.iter().any(|s| s.author.is_some()).then(|| builtin(AUTHOR, VariableType::Text, "whose perspective each source carries (who wrote it)"));
    let role = (!participants.is_empty()).then(|| builtin(ROLE, VariableType::Text, "the role of each participant; the cases that carry it are participants"));
    for s in &sources {
        let list = source_values.entry(s.id.0).or_default();
        if let (Some(variable), Some(date)) = (&session_date, s.date.as_deref().and_then(|d| lexical(VariableType::Date, d))) {
            list.push(Value { variable: variable.clone(), kind: VariableType::Date, value: date });
        }
        if let (Some(variable), Some(author)) = (&author, &s.author) {
            list.push(Value { variable: variable.clone(), kind: VariableType::Text, value: names.of(author) });
        }
    }

    // Cases: the project's cases, then its participants.
    let mut sources_of_case: HashMap<CaseId, Vec<(String, String)>> = HashMap::new();
    for (c, s) in project.case_sources()? {
        if let Some(source) = sources.iter().find(|x| x.id == s) {
            sources_of_case.entry(c).or_default().push((source.name.clone(), guid(&source.uuid)));
        }
    }
    for c in &cases {
        let mut refs = sources_of_case.remove(&c.id).unwrap_or_default();
        refs.sort();
        refi.cases.push(CaseEl {
            guid: guid(&c.uuid),
            name: names.of(&c.name),
            description: names.of(&c.description),
            values: case_values.remove(&c.id.0).unwrap_or_default(),
            sources: refs.into_iter().map(|(_, g)| g).collect(),
        });
    }
    let roles: HashMap<String, String> = project.roles()?.into_iter().map(|r| (r.name, r.label)).collect();
    let cases_of_participant = project.cases_by_participant()?;
    let mut sources_of_participant: HashMap<ParticipantId, Vec<(String, String)>> = HashMap::new();
    for (s, p) in project.source_participants()? {
        if let Some(source) = sources.iter().find(|x| x.id == s) {
            sources_of_participant.entry(p).or_default().push((source.name.clone(), guid(&source.uuid)));
        }
    }
    for s in &sources {
        let mut speakers: Vec<ParticipantId> = project.turns(s.id)?.into_iter().map(|t| t.participant_id).collect();
        speakers.sort();
        speakers.dedup();
        for p in speakers {
            sources_of_participant.entry(p).or_default().push((s.name.clone(), guid(&s.uuid)));
        }
    }
    for p in &participants {
        let mut refs = sources_of_participant.remove(&p.id).unwrap_or_default();
        refs.sort();
        refs.dedup();
        let mut values = participant_values.remove(&p.id.0).unwrap_or_default();
        if let Some(variable) = &role {
            let label = p.role.as_ref().map(|r| roles.get(r).cloned().unwrap_or_else(|| r.clone())).unwrap_or_default();
            values.insert(0, Value { variable: variable.clone(), kind: VariableType::Text, value: names.of(&label) });
        }
        let member_cases = cases_of_participant.get(&p.id).cloned().unwrap_or_default();
        for name in &member_cases {
            if let Some(case) = cases.iter().find(|c| &c.name == name) {
                refi.links.push(LinkEl {
                    guid: derived(&p.uuid, &format!("member-of:{}", case.uuid)),
                    name: super::PARTICIPANT_OF.into(),
                    origin: guid(&p.uuid),
                    target: guid(&case.uuid),
                });
            }
        }
        let member_of = member_cases.iter().map(|n| names.of(n)).collect::<Vec<_>>().join("; ");
        let description = if member_of.is_empty() { "Participant".to_string() } else { format!("Participant in {member_of}") };
        refi.cases.push(CaseEl { guid: guid(&p.uuid), name: names.of(&p.name), description, values, sources: refs.into_iter().map(|(_, g)| g).collect() });
    }

    // Sources, their texts and their selections.
    let total = sources.len();
    let mut kinds: BTreeMap<crate::model::SourceKind, Vec<String>> = BTreeMap::new();
    for (done, s) in sources.iter().enumerate() {
        if !observe(done, total) {
            return Err(Error::cancelled());
        }
        let source_guid = source_guid.get(&s.id).cloned().unwrap_or_else(|| guid(&s.uuid));
        kinds.entry(s.kind).or_default().push(source_guid.clone());
        let text = Rewritten::new(project.source_text(s.id)?, options.map, options.positions);
        sink(&source_guid, &text.text)?;
        let mut by_span: BTreeMap<TextSpan, SelectionEl> = BTreeMap::new();
        let new_selection = |span: TextSpan| -> Result<SelectionEl> {
            let ((start, end), chars) = text.span(span).ok_or_else(|| {
                Error::internal(format!("a span {span} of source \"{}\" lies outside its text ({} chars)", s.name, s.char_len))
            })?;
            let name = text.slice(chars).filter(|t| xml_safe(t)).map(str::to_string);
            Ok(SelectionEl {
                guid: derived(&s.uuid, &format!("selection:{}-{}", span.start, span.end)),
                name,
                start,
                end,
                user: None,
                created: None,
                codings: Vec::new(),
                notes: Vec::new(),
            })
        };
        let mut codings = project.codings_in(s.id)?;
        codings.sort_by(|a, b| (a.span, &a.created_at, &a.uuid).cmp(&(b.span, &b.created_at, &b.uuid)));
        for c in &codings {
            let selection = match by_span.entry(c.span) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => e.insert(new_selection(c.span)?),
            };
            let user = coder_guid.get(&c.coder_id).cloned();
            let created = date_time(&c.created_at);
            if selection.created.is_none() {
                selection.user = user.clone();
                selection.created = created.clone();
            }
            let Some(code) = book.get(c.code_id) else { continue };
            let mut notes = Vec::new();
            if !c.memo.trim().is_empty() {
                let note = derived(&c.uuid, "memo");
                let path = names.of(book.path(c.code_id).unwrap_or_default());
                refi.notes.push(NoteEl {
                    guid: note.clone(),
                    name: format!("Memo on a coding of \"{path}\""),
                    text: names.of(&c.memo),
                    user: user.clone(),
                    created: created.clone(),
                    modified: None,
                });
                notes.push(note);
            }
            selection.codings.push(CodingEl { guid: guid(&c.uuid), code: guid(&code.uuid), user, created, notes });
        }
        for (span, note, user, created) in span_notes.remove(&s.id).unwrap_or_default() {
            let selection = match by_span.entry(span) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => e.insert(new_selection(span)?),
            };
            if selection.created.is_none() {
                selection.user = user;
                selection.created = created;
            }
            selection.notes.push(note);
        }
        refi.sources.push(SourceEl {
            guid: source_guid,
            name: names.of(&s.name),
            created: date_time(&s.imported_at),
            selections: by_span.into_values().collect(),
            notes: source_notes.remove(&s.id).unwrap_or_default(),
            values: source_values.remove(&s.id.0).unwrap_or_default(),
        });
    }
    observe(total, total);

    for (kind, members) in kinds {
        refi.sets.push(SetEl {
            guid: derived(&project_uuid, &format!("set:kind:{}", kind.as_str())),
            name: format!("{}{}", super::KIND_SET, kind.label()),
            description: format!("{BUILTIN_MARK} the sources of kind {}", kind.as_str()),
            sources: members,
        });
    }
    Ok(refi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_forms_fit_their_xsd_types() {
        assert_eq!(lexical(VariableType::Integer, " +42 ").as_deref(), Some("42"));
        assert_eq!(lexical(VariableType::Float, "1e3").as_deref(), Some("1000"));
        assert_eq!(lexical(VariableType::Float, "-.5").as_deref(), Some("-.5"));
        assert_eq!(lexical(VariableType::Float, "NaN"), None);
        assert_eq!(lexical(VariableType::Date, "2024-02-30"), None);
        assert_eq!(lexical(VariableType::Date, "2024-02-29").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn guids_are_plain_lower_case_and_derived_ones_are_stable() {
        assert_eq!(guid("6F9619FF-8B86-D011-B42D-00C04FC964FF"), "6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assert_eq!(derived("6f9619ff-8b86-d011-b42d-00c04fc964ff", "x"), derived("6f9619ff-8b86-d011-b42d-00c04fc964ff", "x"));
        assert_ne!(derived("6f9619ff-8b86-d011-b42d-00c04fc964ff", "x"), derived("6f9619ff-8b86-d011-b42d-00c04fc964ff", "y"));
        assert_eq!(guid("not a uuid").len(), 36);
    }

    #[test]
    fn pseudonymised_positions_follow_the_rewritten_text() {
        use crate::model::{CaseMode, Pseudonym, PseudonymId, PseudonymOrigin};
        let entry = |o: &str, r: &str| Pseudonym {
            id: PseudonymId(1),
            original: o.into(),
            replacement: r.into(),
            whole_word: true,
            case: CaseMode::Keep,
            origin: PseudonymOrigin::Added,
            sort_order: 0,
        };
        let map = PseudonymMap::new(&[entry("Dana Whitfield", "Alex"), entry("Bo", "Maximilian")]);
        let text = "Dana Whitfield met Bo 😀 and Bo left.".to_string();
        let r = Rewritten::new(text, Some(&map), PositionUnit::Utf16);
        assert_eq!(r.text, "Alex met Maximilian 😀 and Maximilian left.");
        // "met Bo" → "met Maximilian"
        let ((s, e), chars) = r.span(TextSpan { start: 15, end: 21 }).unwrap_or_default();
        assert_eq!(r.slice(chars), Some("met Maximilian"));
        assert_eq!((s, e), (5, 19));
        // A span cutting into a name grows to the whole replacement.
        let (_, chars) = r.span(TextSpan { start: 5, end: 18 }).unwrap_or_default();
        assert_eq!(r.slice(chars), Some("Alex met"));
        // After the emoji, UTF-16 positions run one ahead of chars.
        let ((s, _), chars) = r.span(TextSpan { start: 28, end: 30 }).unwrap_or_default();
        assert_eq!(r.slice(chars), Some("Maximilian"));
        assert_eq!((s, chars.0), (27, 26));
    }
}
