//! The conversion itself: `QualCoderRows` → `Snapshot` rows with the importer's own ids (1, 2,
//! 3... per table) and a `QualCoderReport`. See the module above for what becomes what.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::positions::{Reading, SourceText};
use super::rows::*;
use super::{CodingNote, DETAIL_LIMIT, NEWEST_KNOWN_VERSION, OLDEST_VERSION, QualCoderReport, Skipped};
use crate::model::Snapshot;
use crate::error::{Error, Result};
use crate::import::{ImportSettings, SpeakerMode, import_bytes};
use crate::model::*;

/// What `do_not_use_when` says on a code that was a QualCoder category.
pub const CATEGORY_NOTE: &str = "A category in QualCoder: it groups the codes under it and had no codings of its own.";
/// Colour of the codes made from categories (QualCoder gives categories none).
const CATEGORY_COLOUR: &str = "#9E9E9E";

/// Asked for the file of a document source whose text the database lacks: its file name and
/// bytes, or `None`.
pub type DocumentLoader<'a> = dyn FnMut(&QcSource) -> Option<(String, Vec<u8>)> + 'a;

/// A whole project ready for `Action::ImportProject`, and what happened on the way.
#[derive(Debug, Clone)]
pub struct QualCoderImport {
    pub rows: Snapshot,
    pub report: QualCoderReport,
}

/// Converts what was read from `db` (named in errors) in the folder `folder`. `now` stamps
/// what has no date of its own (RFC 3339). `load` is asked for the file of a document source
/// whose text the database lacks: its file name and bytes, or `None`.
pub fn convert(
    rows: &QualCoderRows,
    db: &str,
    folder: &str,
    now: &str,
    load: &mut DocumentLoader<'_>,
) -> Result<QualCoderImport> {
    let mut report = QualCoderReport {
        folder: folder.to_string(),
        database_version: rows.version.clone(),
        qualcoder_version: rows.about.clone(),
        ..Default::default()
    };
    check_version(rows, db, &mut report)?;
    if !rows.missing_tables.is_empty() {
        report.warnings.push(format!("the database has no table {}: read as empty", rows.missing_tables.join(", ")));
    }
    let mut b = Builder { now: now.to_string(), coders: Coders::new(rows.coder_name.as_deref(), now), ..Default::default() };
    b.sources(rows, load, &mut report);
    b.codes(rows, &mut report);
    b.codings(rows, &mut report);
    b.annotations(rows, &mut report);
    b.cases(rows, &mut report);
    b.attributes(rows, &mut report);
    b.journals(rows, &mut report);
    b.media_codings(rows, &mut report);
    let Builder { mut snapshot, coders, .. } = b;
    snapshot.coders = coders.list;
    report.sources = snapshot.sources.len();
    report.codes = snapshot.codes.len();
    report.codings = snapshot.codings.len();
    report.coders = snapshot.coders.len();
    report.cases = snapshot.cases.len();
    report.case_links = snapshot.case_sources.len();
    report.attributes = snapshot.attributes.len();
    report.attribute_values = snapshot.attribute_values.len();
    report.memos = snapshot.memos.len();
    Ok(QualCoderImport { rows: snapshot, report })
}

/// The version must be v5 or later; a newer one than known is read with a warning.
fn check_version(rows: &QualCoderRows, db: &str, report: &mut QualCoderReport) -> Result<()> {
    let number = rows.version.trim().trim_start_matches(['v', 'V']).parse::<u32>().ok();
    match number {
        None if !rows.about.contains("QualCoder") => Err(Error::invalid(format!(
            "cannot import \"{db}\": its \"project\" table names no QualCoder database version (\"{}\"), so it is not a QualCoder project",
            rows.version
        ))),
        None => {
            report.warnings.push(format!("unknown database version \"{}\": read as the newest known (v{NEWEST_KNOWN_VERSION})", rows.version));
            Ok(())
        }
        Some(n) if n < OLDEST_VERSION => Err(Error::invalid(format!(
            "cannot import \"{db}\": it is a QualCoder database of version v{n}, older than v{OLDEST_VERSION} (QualCoder 2.8). Open the project once in a current QualCoder, which upgrades it, then import it"
        ))),
        Some(n) if n > NEWEST_KNOWN_VERSION => {
            report.warnings.push(format!(
                "database version v{n} is newer than the newest this importer knows (v{NEWEST_KNOWN_VERSION}): what is known was read, anything new was not"
            ));
            Ok(())
        }
        Some(_) => Ok(()),
    }
}

/// A source that was imported: its id and text.
struct Imported {
    id: SourceId,
    name: String,
    text: SourceText,
}

#[derive(Default)]
struct Builder {
    now: String,
    snapshot: Snapshot,
    coders: Coders,
    /// QualCoder source id → imported source.
    sources: HashMap<i64, Imported>,
    /// QualCoder source id → name and why it was not imported.
    not_imported: HashMap<i64, String>,
    /// QualCoder code id → Thicket code and its name.
    codes: HashMap<i64, (CodeId, String)>,
    /// QualCoder case id → Thicket case and its name.
    cases: HashMap<i64, (CaseId, String)>,
}

impl Builder {
    fn sources(&mut self, rows: &QualCoderRows, load: &mut DocumentLoader<'_>, report: &mut QualCoderReport) {
        let mut names = HashSet::new();
        for s in &rows.sources {
            let display = if s.name.trim().is_empty() { format!("source {}", s.id) } else { s.name.clone() };
            if let Some(kind) = media_kind(s.mediapath.as_deref()) {
                report.skipped.push(Skipped {
                    what: kind.to_string(),
                    name: display.clone(),
                    reason: if kind == "picture" {
                        "Thicket codes text only: pictures are not imported".to_string()
                    } else {
                        format!("Thicket codes text only: the {kind} recording is not imported (a transcript made in QualCoder is a text source of its own, and is)")
                    },
                });
                self.not_imported.insert(s.id, display);
                continue;
            }
            let original_name = original_name(s);
            let text = match s.fulltext.as_deref().filter(|t| !t.trim().is_empty()) {
                Some(t) => Some(t.to_string()),
                None => match load(s) {
                    Some((file, bytes)) => {
                        let settings = ImportSettings { speakers: SpeakerMode::None, ..Default::default() };
                        match import_bytes(&file, &bytes, &settings) {
                            Ok(docs) if docs.first().is_some_and(|d| !d.text.trim().is_empty()) => {
                                report.read_from_files.push(display.clone());
                                docs.into_iter().next().map(|d| d.text)
                            }
                            Ok(_) => None,
                            Err(e) => {
                                report.warnings.push(format!("\"{file}\" of source \"{display}\" could not be read: {e}"));
                                None
                            }
                        }
                    }
                    None => None,
                },
            };
            let Some(text) = text else {
                report.skipped.push(Skipped {
                    what: "source".into(),
                    name: display.clone(),
                    reason: "no text in the database and no readable file in the project's documents folder".into(),
                });
                self.not_imported.insert(s.id, display);
                continue;
            };
            let name = unique(clean_name(&s.name, &format!("Source {}", s.id)), &mut names, |n, i| format!("{n} ({i})"));
            if name != s.name {
                report.warnings.push(format!("source \"{}\" is named \"{name}\"", s.name));
            }
            let text = SourceText::new(&text);
            let id = SourceId(self.snapshot.sources.len() as i64 + 1);
            let format = crate::import::extension(&original_name).unwrap_or_else(|| "txt".into());
            let source = Source {
                id,
                uuid: uuid::Uuid::new_v4().to_string(),
                name: name.clone(),
                kind: SourceKind::Document,
                date: None,
                text_hash: String::new(),
                char_len: text.char_len(),
                word_count: 0,
                original_name,
                original_format: format,
                encoding: "UTF-8".into(),
                imported_at: self.now.clone(),
                page_starts: None,
                author: None,
                time_marks: Vec::new(),
            };
            self.snapshot.sources.push((source, text.text.clone()));
            if let Some(memo) = s.memo.as_deref().filter(|m| !m.trim().is_empty()) {
                let coder = self.coders.id(s.owner.as_deref());
                self.memo(MemoTarget::Source { id, span: None }, "QualCoder memo", memo, coder, s.date.as_deref());
            }
            self.sources.insert(s.id, Imported { id, name, text });
        }
    }

    /// Categories become parent codes, codes go under their category or (v16) parent code.
    fn codes(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        let cat_ids: HashSet<i64> = rows.categories.iter().map(|c| c.catid).collect();
        let cat_parent = acyclic(rows.categories.iter().map(|c| (c.catid, c.supercatid.filter(|p| cat_ids.contains(p)))).collect());
        let code_ids: HashSet<i64> = rows.codes.iter().map(|c| c.cid).collect();
        let code_parent = acyclic(rows.codes.iter().map(|c| (c.cid, c.supercid.filter(|p| code_ids.contains(p)))).collect());
        // Nodes of the tree: (is category, QualCoder id) → Thicket id.
        let mut ids: HashMap<(bool, i64), CodeId> = HashMap::new();
        let mut next = 1;
        for c in &rows.categories {
            ids.insert((true, c.catid), CodeId(next));
            next += 1;
        }
        for c in &rows.codes {
            ids.insert((false, c.cid), CodeId(next));
            next += 1;
        }
        struct Node {
            id: CodeId,
            parent: Option<CodeId>,
            category: bool,
            name: String,
            original: String,
            color: String,
            memo: String,
            qc_id: i64,
        }
        let mut nodes: Vec<Node> = Vec::new();
        for c in &rows.categories {
            nodes.push(Node {
                id: ids[&(true, c.catid)],
                parent: cat_parent.get(&c.catid).copied().flatten().map(|p| ids[&(true, p)]),
                category: true,
                name: clean_name(&c.name, &format!("Category {}", c.catid)).replace('/', "-"),
                original: c.name.clone(),
                color: CATEGORY_COLOUR.into(),
                memo: c.memo.clone().unwrap_or_default(),
                qc_id: c.catid,
            });
            report.categories += 1;
        }
        for (i, c) in rows.codes.iter().enumerate() {
            let parent = match code_parent.get(&c.cid).copied().flatten() {
                Some(p) => Some(ids[&(false, p)]),
                None => c.catid.filter(|k| cat_ids.contains(k)).map(|k| ids[&(true, k)]),
            };
            let color = c.color.as_deref().and_then(Rgb::parse).unwrap_or(CODE_PALETTE[i % CODE_PALETTE.len()]).hex_upper();
            nodes.push(Node {
                id: ids[&(false, c.cid)],
                parent,
                category: false,
                name: clean_name(&c.name, &format!("Code {}", c.cid)).replace('/', "-"),
                original: c.name.clone(),
                color,
                memo: c.memo.clone().unwrap_or_default(),
                qc_id: c.cid,
            });
        }
        // Siblings: categories first, then codes, each by name; names made unique among them.
        let mut groups: BTreeMap<Option<CodeId>, Vec<usize>> = BTreeMap::new();
        for (i, n) in nodes.iter().enumerate() {
            groups.entry(n.parent).or_default().push(i);
        }
        let mut order: HashMap<usize, i64> = HashMap::new();
        for members in groups.values_mut() {
            members.sort_by_key(|i| (!nodes[*i].category, nodes[*i].name.to_lowercase(), nodes[*i].qc_id));
            let mut taken = HashSet::new();
            for (pos, i) in members.iter().enumerate() {
                let n = &mut nodes[*i];
                let category = n.category;
                n.name = unique(n.name.clone(), &mut taken, |name, k| if category && k == 2 { format!("{name} (category)") } else { format!("{name} ({k})") });
                order.insert(*i, pos as i64);
            }
        }
        for (i, n) in nodes.into_iter().enumerate() {
            if n.name != n.original {
                let what = if n.category { "category" } else { "code" };
                report.warnings.push(format!("{what} \"{}\" is named \"{}\"", n.original, n.name));
            }
            let description = CodeDescription {
                definition: n.memo,
                do_not_use_when: if n.category { CATEGORY_NOTE.to_string() } else { String::new() },
                ..Default::default()
            };
            if !n.category {
                self.codes.insert(n.qc_id, (n.id, n.name.clone()));
            }
            self.snapshot.codes.push(Code {
                id: n.id,
                uuid: uuid::Uuid::new_v4().to_string(),
                parent_id: n.parent,
                name: n.name,
                color: n.color,
                description,
                sort_order: order[&i],
            });
        }
        self.snapshot.codes.sort_by_key(|c| c.id);
    }

    fn codings(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        let mut seen = HashSet::new();
        // (source name, reason) → how many codings.
        let mut dropped: BTreeMap<(String, String), usize> = BTreeMap::new();
        for c in &rows.text_codings {
            let Some(src) = self.sources.get(&c.fid) else {
                let name = self.not_imported.get(&c.fid).cloned().unwrap_or_else(|| format!("source {}", c.fid));
                *dropped.entry((name, "its source was not imported".into())).or_default() += 1;
                continue;
            };
            let Some((code, code_name)) = self.codes.get(&c.cid) else {
                *dropped.entry((src.name.clone(), format!("code {} does not exist", c.cid))).or_default() += 1;
                continue;
            };
            let Some((span, reading)) = src.text.read_coding(c.pos0, c.pos1, c.seltext.as_deref()) else {
                *dropped.entry((src.name.clone(), "its range lies outside the text".into())).or_default() += 1;
                continue;
            };
            let coder = self.coders.id(c.owner.as_deref());
            if !seen.insert((src.id, *code, coder, span)) {
                *dropped.entry((src.name.clone(), "it repeats another coding of the same span, code and coder".into())).or_default() += 1;
                continue;
            }
            let note = |how: &str| CodingNote {
                source: src.name.clone(),
                code: code_name.clone(),
                qualcoder_range: (c.pos0, c.pos1),
                start: span.start,
                end: span.end,
                how: how.to_string(),
            };
            match reading {
                Reading::Exact => {}
                Reading::Corrected(how) => {
                    report.corrected_total += 1;
                    if report.corrected.len() < DETAIL_LIMIT {
                        report.corrected.push(note(how));
                    }
                }
                Reading::Mismatched => {
                    report.mismatched_total += 1;
                    if report.mismatched.len() < DETAIL_LIMIT {
                        report.mismatched.push(note("kept at QualCoder's position; the text there differs from QualCoder's quote"));
                    }
                }
            }
            if c.important == Some(1) {
                report.important_marks += 1;
            }
            let at = date(c.date.as_deref(), &self.now);
            self.snapshot.codings.push(Coding {
                id: CodingId(self.snapshot.codings.len() as i64 + 1),
                uuid: uuid::Uuid::new_v4().to_string(),
                source_id: src.id,
                code_id: *code,
                coder_id: coder,
                span,
                created_at: at,
                memo: c.memo.clone().unwrap_or_default(),
                quote: QuoteSelector::default(),
            });
        }
        for ((name, reason), n) in dropped {
            report.skipped.push(Skipped { what: plural(n, "coding", "codings"), name, reason });
        }
    }

    fn annotations(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        for a in &rows.annotations {
            let Some(memo) = a.memo.as_deref().filter(|m| !m.trim().is_empty()) else { continue };
            let place = self.sources.get(&a.fid).and_then(|s| s.text.range_from_utf16(a.pos0, a.pos1).map(|span| (s.id, span)));
            let Some((id, span)) = place else {
                let name = self.source_name(a.fid);
                report.skipped.push(Skipped { what: "annotation".into(), name, reason: "its source was not imported, or its range lies outside the text".into() });
                continue;
            };
            let coder = self.coders.id(a.owner.as_deref());
            self.memo(MemoTarget::Source { id, span: Some(span) }, "Annotation", memo, coder, a.date.as_deref());
            report.annotations += 1;
        }
    }

    fn cases(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        let mut names = HashSet::new();
        for c in &rows.cases {
            let name = unique(clean_name(&c.name, &format!("Case {}", c.caseid)), &mut names, |n, i| format!("{n} ({i})"));
            let id = CaseId(self.snapshot.cases.len() as i64 + 1);
            self.snapshot.cases.push(Case { id, uuid: uuid::Uuid::new_v4().to_string(), name: name.clone(), description: c.memo.clone().unwrap_or_default() });
            self.cases.insert(c.caseid, (id, name));
        }
        let mut linked = HashSet::new();
        for t in &rows.case_texts {
            let Some((case, case_name)) = self.cases.get(&t.caseid).cloned() else { continue };
            let Some(src) = self.sources.get(&t.fid) else {
                let name = self.source_name(t.fid);
                report.skipped.push(Skipped { what: "case link".into(), name, reason: format!("its source was not imported, so it is not in case \"{case_name}\"") });
                continue;
            };
            let source = src.id;
            let whole = src.text.covers_whole(t.pos0, t.pos1);
            let span = src.text.range_from_utf16(t.pos0, t.pos1);
            if linked.insert((case, source)) {
                self.snapshot.case_sources.push((case, source));
            }
            if !whole && let Some(span) = span {
                report.partial_case_links += 1;
                let mut body = format!("In QualCoder only this part of the source belonged to case “{case_name}”.");
                if let Some(m) = t.memo.as_deref().filter(|m| !m.trim().is_empty()) {
                    body.push_str("\n\n");
                    body.push_str(m);
                }
                let coder = self.coders.id(t.owner.as_deref());
                self.memo(MemoTarget::Source { id: source, span: Some(span) }, &format!("Part of case “{case_name}”"), &body, coder, t.date.as_deref());
            }
        }
    }

    fn attributes(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        // Every name, with what it applies to and its declared type; values by name.
        let mut defs: Vec<(String, AttributeTarget, bool)> = Vec::new();
        let mut values: HashMap<&str, Vec<&QcAttribute>> = HashMap::new();
        for a in &rows.attributes {
            values.entry(a.name.as_str()).or_default().push(a);
        }
        let target_of = |s: &str| if s.trim().eq_ignore_ascii_case("case") { AttributeTarget::Case } else { AttributeTarget::Source };
        let mut known = HashSet::new();
        for t in &rows.attribute_types {
            let target = match t.case_or_file.as_deref() {
                Some(s) => target_of(s),
                None => values.get(t.name.as_str()).and_then(|v| v.first()).map_or(AttributeTarget::Case, |v| target_of(&v.attr_type)),
            };
            let numeric = t.valuetype.as_deref().is_some_and(|v| v.trim().eq_ignore_ascii_case("numeric"));
            if known.insert(t.name.clone()) {
                defs.push((t.name.clone(), target, numeric));
            }
        }
        for a in &rows.attributes {
            if known.insert(a.name.clone()) {
                defs.push((a.name.clone(), target_of(&a.attr_type), false));
            }
        }
        let mut names = HashSet::new();
        let mut not_imported: BTreeMap<String, usize> = BTreeMap::new();
        for (name, target, numeric) in defs {
            let Some(clean) = Some(name.trim().to_string()).filter(|n| !n.is_empty()) else { continue };
            if !names.insert((target, clean.clone())) {
                continue;
            }
            let mine: Vec<(i64, String)> = values
                .get(name.as_str())
                .into_iter()
                .flatten()
                .filter(|v| target_of(&v.attr_type) == target)
                .filter_map(|v| v.value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| (v.id, s.to_string())))
                .collect();
            let numbers_ok = mine.iter().all(|(_, v)| v.parse::<f64>().is_ok_and(f64::is_finite));
            if numeric && !numbers_ok {
                report.warnings.push(format!("attribute \"{clean}\" is numeric in QualCoder but has values that are not numbers: imported as text"));
            }
            let value_type = if numeric && numbers_ok { AttributeType::Number } else { AttributeType::Text };
            let id = AttributeId(self.snapshot.attributes.len() as i64 + 1);
            self.snapshot.attributes.push(AttributeDef {
                id,
                uuid: uuid::Uuid::new_v4().to_string(),
                name: clean.clone(),
                applies_to: target,
                value_type,
                categories: Vec::new(),
            });
            for (entity, value) in mine {
                let entity_id = match target {
                    AttributeTarget::Case => self.cases.get(&entity).map(|c| c.0.0),
                    _ => self.sources.get(&entity).map(|s| s.id.0),
                };
                match entity_id {
                    Some(entity_id) => self.snapshot.attribute_values.push(AttributeValue { attribute_id: id, entity_id, value }),
                    None => *not_imported.entry(clean.clone()).or_default() += 1,
                }
            }
        }
        for (name, n) in not_imported {
            report.skipped.push(Skipped { what: plural(n, "attribute value", "attribute values"), name, reason: "on a source or case that was not imported".into() });
        }
    }

    fn journals(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        if !rows.memo.trim().is_empty() {
            let coder = self.coders.id(None);
            self.memo(MemoTarget::Project, "QualCoder project memo", &rows.memo, coder, None);
        }
        for j in &rows.journals {
            let title = clean_name(&j.name, &format!("Journal {}", j.jid));
            let coder = self.coders.id(j.owner.as_deref());
            self.memo(MemoTarget::Project, &title, j.jentry.as_deref().unwrap_or_default(), coder, j.date.as_deref());
            report.journals += 1;
        }
    }

    /// Picture and audio/video codings: counted per source, listed as skipped.
    fn media_codings(&mut self, rows: &QualCoderRows, report: &mut QualCoderReport) {
        for (list, what) in [(&rows.image_codings, "picture codings"), (&rows.av_codings, "audio/video codings")] {
            let mut per_source: BTreeMap<String, usize> = BTreeMap::new();
            for c in list {
                *per_source.entry(self.source_name(c.fid)).or_default() += 1;
            }
            for (name, n) in per_source {
                report.skipped.push(Skipped {
                    what: what.into(),
                    name,
                    reason: format!(
                        "Thicket codes text only: {} not imported",
                        if what.starts_with("picture") { plural(n, "coded area", "coded areas") } else { plural(n, "coded segment", "coded segments") }
                    ),
                });
            }
        }
    }

    fn source_name(&self, fid: i64) -> String {
        self.sources
            .get(&fid)
            .map(|s| s.name.clone())
            .or_else(|| self.not_imported.get(&fid).cloned())
            .unwrap_or_else(|| format!("source {fid}"))
    }

    fn memo(&mut self, target: MemoTarget, title: &str, body: &str, coder: CoderId, at: Option<&str>) {
        let at = date(at, &self.now);
        self.snapshot.memos.push(Memo {
            id: MemoId(self.snapshot.memos.len() as i64 + 1),
            uuid: uuid::Uuid::new_v4().to_string(),
            target,
            title: title.to_string(),
            body: body.to_string(),
            coder_id: coder,
            created_at: at.clone(),
            updated_at: at,
        });
    }
}

/// The coders, one per owner name; things without an owner go to the project's last coder.
#[derive(Default)]
struct Coders {
    by_name: HashMap<String, CoderId>,
    list: Vec<Coder>,
    fallback: String,
    now: String,
}

impl Coders {
    fn new(last: Option<&str>, now: &str) -> Coders {
        let fallback = last.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("QualCoder").to_string();
        Coders { fallback, now: now.to_string(), ..Default::default() }
    }

    fn id(&mut self, owner: Option<&str>) -> CoderId {
        let name = owner.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&self.fallback).to_string();
        if let Some(id) = self.by_name.get(&name) {
            return *id;
        }
        let id = CoderId(self.list.len() as i64 + 1);
        let color = crate::model::next_coder_colour(self.list.len()).hex_upper();
        self.list.push(Coder { id, uuid: uuid::Uuid::new_v4().to_string(), name: name.clone(), created_at: self.now.clone(), color, retired: false });
        self.by_name.insert(name, id);
        id
    }
}

/// `picture`, `audio` or `video` for a media source's `mediapath`; `None` for a document.
fn media_kind(mediapath: Option<&str>) -> Option<&'static str> {
    let m = mediapath?;
    [("/images", "picture"), ("images:", "picture"), ("/audio", "audio"), ("audio:", "audio"), ("/video", "video"), ("video:", "video")]
        .iter()
        .find(|(prefix, _)| m.starts_with(prefix))
        .map(|(_, kind)| *kind)
}

/// The file name a document came from: the last part of its `mediapath`, else its name.
fn original_name(s: &QcSource) -> String {
    let from_path = s.mediapath.as_deref().and_then(|m| {
        let path = m.strip_prefix("docs:").or_else(|| m.strip_prefix("/docs/")).unwrap_or(m);
        path.rsplit(['/', '\\']).next().map(str::to_string)
    });
    from_path.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| s.name.clone())
}

/// A name trimmed to one line; `fallback` when nothing is left.
fn clean_name(name: &str, fallback: &str) -> String {
    let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() { fallback.to_string() } else { one_line }
}

/// `name`, or the first of `alt(name, 2)`, `alt(name, 3)`... not yet in `taken`; recorded there.
fn unique(name: String, taken: &mut HashSet<String>, alt: impl Fn(&str, usize) -> String) -> String {
    let chosen = if taken.contains(&name) { (2..).map(|k| alt(&name, k)).find(|c| !taken.contains(c)).unwrap_or(name) } else { name };
    taken.insert(chosen.clone());
    chosen
}

/// Parent links with every cycle broken (the node that closes a cycle goes to the top), as
/// QualCoder itself repairs them on opening.
fn acyclic(mut parent: HashMap<i64, Option<i64>>) -> HashMap<i64, Option<i64>> {
    let mut keys: Vec<i64> = parent.keys().copied().collect();
    keys.sort_unstable();
    for start in keys {
        let mut seen = HashSet::new();
        let mut node = start;
        while let Some(Some(p)) = parent.get(&node).copied() {
            if !seen.insert(node) {
                parent.insert(node, None);
                break;
            }
            node = p;
        }
    }
    parent
}

/// QualCoder's `YYYY-MM-DD HH:MM:SS` (local time, no zone: read as UTC) as RFC 3339; `now`
/// when missing or unreadable.
fn date(d: Option<&str>, now: &str) -> String {
    let Some(d) = d.map(str::trim).filter(|d| d.len() >= 10) else { return now.to_string() };
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let head: String = d.chars().take(19).collect::<String>().replace('T', " ");
    if let Ok(t) = time::PrimitiveDateTime::parse(&head, &format) {
        return t.assume_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_else(|_| now.to_string());
    }
    if crate::clock::is_valid_date(&d[..10]) { format!("{}T00:00:00Z", &d[..10]) } else { now.to_string() }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_rfc3339() {
        assert_eq!(date(Some("2021-03-04 10:11:12"), "N"), "2021-03-04T10:11:12Z");
        assert_eq!(date(Some("2021-03-04"), "N"), "2021-03-04T00:00:00Z");
        assert_eq!(date(Some("yesterday"), "N"), "N");
        assert_eq!(date(None, "N"), "N");
    }

    #[test]
    fn cycles_are_broken_and_chains_kept() {
        let p = acyclic(HashMap::from([(1, Some(2)), (2, Some(1)), (3, Some(1)), (4, None)]));
        assert!(p[&1].is_none() || p[&2].is_none());
        assert_eq!(p[&3], Some(1));
        assert_eq!(p[&4], None);
    }
}
