//! QualCoder projects written from plain rows, for the tests (small, hand-made projects of each
//! schema version) and for the bench (a synthetic project at the reference scale).
//!
//! The tables follow QualCoder's schema as its own creation and upgrade code defines it, by
//! version: v5 (QualCoder 2.8: `project.codername`, `source.av_text_id`), v12 (`source.risid`
//! from v8, `code_image.pdf_page` from v10, `manage_files_display`), and v17 (sub-codes through
//! `code_name.supercid` from v16, `coder_names` from v14, graph tables). Only this crate and
//! thicket-core's store speak SQL; this one only to build inputs and measure.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::{Connection, params};
use thicket_core::error::{Error, IoOp, Result};
use thicket_core::import::qualcoder::rows::*;

use crate::corpus::{Corpus, Rng};
use crate::{Figure, Scale};

/// The schema versions the writer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QcSchema {
    /// QualCoder 2.8's v5.
    V5,
    /// v12 (QualCoder 3.1 era).
    V12,
    /// v17, the newest at the time of writing.
    V17,
}

impl QcSchema {
    /// The `databaseversion` it writes.
    pub fn label(self) -> &'static str {
        match self {
            QcSchema::V5 => "v5",
            QcSchema::V12 => "v12",
            QcSchema::V17 => "v17",
        }
    }

    fn ddl(self) -> String {
        let v12 = self != QcSchema::V5;
        let v17 = self == QcSchema::V17;
        let mut sql = String::new();
        let project_extra = if v17 {
            ", recently_used_codes text, avbookmarkfile integer, avbookmarkmsec integer, avbookmarktextpos integer"
        } else if v12 {
            ", recently_used_codes text"
        } else {
            ""
        };
        sql += &format!("CREATE TABLE project (databaseversion text, date text, memo text, about text, bookmarkfile integer, bookmarkpos integer, codername text{project_extra});\n");
        let risid = if v12 { ", risid integer" } else { "" };
        sql += &format!("CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, owner text, date text, av_text_id integer{risid}, unique(name));\n");
        let pdf_page = if v12 { ", pdf_page integer" } else { "" };
        sql += &format!("CREATE TABLE code_image (imid integer primary key, id integer, x1 integer, y1 integer, width integer, height integer, cid integer, memo text, date text, owner text, important integer{pdf_page});\n");
        sql += "CREATE TABLE code_av (avid integer primary key, id integer, pos0 integer, pos1 integer, cid integer, memo text, date text, owner text, important integer);\n";
        sql += "CREATE TABLE annotation (anid integer primary key, fid integer, pos0 integer, pos1 integer, memo text, owner text, date text, unique(fid,pos0,pos1,owner));\n";
        sql += "CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text);\n";
        sql += "CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, date text, owner text, unique(name,attr_type,id));\n";
        sql += "CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, owner text, date text, memo text);\n";
        sql += "CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text, date text, constraint ucm unique(name));\n";
        sql += "CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer, unique(name));\n";
        sql += "CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer, seltext text, pos0 integer, pos1 integer, owner text, date text, memo text, avid integer, important integer, unique(cid,fid,pos0,pos1,owner));\n";
        let supercid = if v17 { ", supercid integer" } else { "" };
        sql += &format!("CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text, date text, color text{supercid}, unique(name));\n");
        sql += "CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name));\n";
        sql += "CREATE TABLE stored_sql (title text, description text, grouper text, ssql text, unique(title));\n";
        sql += "CREATE TABLE graph (grid integer primary key, name text, description text, date text, scene_width integer, scene_height integer, unique(name));\n";
        if v12 {
            sql += "CREATE TABLE ris (risid integer, tag text, longtag text, value text);\n";
            sql += "CREATE TABLE manage_files_display (mfid integer primary key, name text, tblrows text, tblcolumns text, owner text);\n";
        }
        if v17 {
            sql += "CREATE TABLE files_filter (filterid integer primary key, name text, filter text, owner text);\n";
            sql += "CREATE TABLE coder_names (name TEXT UNIQUE NOT NULL, visibility INTEGER NOT NULL DEFAULT 1 CHECK (visibility IN (0, 1)));\n";
            sql += "CREATE TABLE gr_memo_item (gmemoid integer primary key, grid integer, memo_source_type text, memo_source_id integer, x integer, y integer, color text, font_size integer);\n";
        }
        sql
    }
}

/// Writes `rows` as the QualCoder project folder `folder` (created with its `documents`,
/// `images`, `audio` and `video` folders; refused if it exists) in `schema`. Columns the
/// schema lacks (e.g. `supercid` before v17) are not written.
pub fn write_project(folder: &Path, rows: &QualCoderRows, schema: QcSchema) -> Result<()> {
    if folder.exists() {
        return Err(Error::conflict(format!("cannot create \"{}\": it exists", folder.display())));
    }
    for sub in ["documents", "images", "audio", "video"] {
        let d = folder.join(sub);
        std::fs::create_dir_all(&d).map_err(|e| Error::io(IoOp::Create, &d, e))?;
    }
    let db = folder.join("data.qda");
    let sql = |e: rusqlite::Error| Error::internal(format!("cannot write \"{}\": {e}", db.display()));
    let mut conn = Connection::open(&db).map_err(sql)?;
    conn.execute_batch(&schema.ddl()).map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    {
        let version = if rows.version.is_empty() { schema.label() } else { rows.version.as_str() };
        tx.execute(
            "INSERT INTO project (databaseversion, date, memo, about, bookmarkfile, bookmarkpos, codername) VALUES (?1, '2024-05-01 09:00:00', ?2, ?3, 0, 0, ?4)",
            params![version, rows.memo, rows.about, rows.coder_name],
        )
        .map_err(sql)?;
        let mut s = tx.prepare("INSERT INTO source (id, name, fulltext, mediapath, memo, owner, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").map_err(sql)?;
        for r in &rows.sources {
            s.execute(params![r.id, r.name, r.fulltext, r.mediapath, r.memo, r.owner, r.date]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO code_cat (catid, name, memo, owner, date, supercatid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").map_err(sql)?;
        for r in &rows.categories {
            s.execute(params![r.catid, r.name, r.memo, r.owner, r.date, r.supercatid]).map_err(sql)?;
        }
        for r in &rows.codes {
            if schema == QcSchema::V17 {
                tx.execute(
                    "INSERT INTO code_name (cid, name, memo, owner, date, catid, color, supercid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![r.cid, r.name, r.memo, r.owner, r.date, r.catid, r.color, r.supercid],
                )
            } else {
                tx.execute(
                    "INSERT INTO code_name (cid, name, memo, owner, date, catid, color) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![r.cid, r.name, r.memo, r.owner, r.date, r.catid, r.color],
                )
            }
            .map_err(sql)?;
        }
        let mut s = tx
            .prepare("INSERT INTO code_text (cid, fid, seltext, pos0, pos1, owner, date, memo, important) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .map_err(sql)?;
        for r in &rows.text_codings {
            s.execute(params![r.cid, r.fid, r.seltext, r.pos0, r.pos1, r.owner, r.date, r.memo, r.important]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO code_image (id, x1, y1, width, height, cid, owner) VALUES (?1, 10, 10, 50, 40, ?2, 'fixture')").map_err(sql)?;
        for r in &rows.image_codings {
            s.execute(params![r.fid, r.cid]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO code_av (id, pos0, pos1, cid, owner) VALUES (?1, 1000, 5000, ?2, 'fixture')").map_err(sql)?;
        for r in &rows.av_codings {
            s.execute(params![r.fid, r.cid]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO annotation (fid, pos0, pos1, memo, owner, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").map_err(sql)?;
        for r in &rows.annotations {
            s.execute(params![r.fid, r.pos0, r.pos1, r.memo, r.owner, r.date]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO cases (caseid, name, memo, owner, date) VALUES (?1, ?2, ?3, ?4, ?5)").map_err(sql)?;
        for r in &rows.cases {
            s.execute(params![r.caseid, r.name, r.memo, r.owner, r.date]).map_err(sql)?;
        }
        let mut s =
            tx.prepare("INSERT INTO case_text (caseid, fid, pos0, pos1, memo, owner, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").map_err(sql)?;
        for r in &rows.case_texts {
            s.execute(params![r.caseid, r.fid, r.pos0, r.pos1, r.memo, r.owner, r.date]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO attribute_type (name, memo, caseOrFile, valuetype) VALUES (?1, ?2, ?3, ?4)").map_err(sql)?;
        for r in &rows.attribute_types {
            s.execute(params![r.name, r.memo, r.case_or_file, r.valuetype]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO attribute (name, attr_type, value, id) VALUES (?1, ?2, ?3, ?4)").map_err(sql)?;
        for r in &rows.attributes {
            s.execute(params![r.name, r.attr_type, r.value, r.id]).map_err(sql)?;
        }
        let mut s = tx.prepare("INSERT INTO journal (jid, name, jentry, owner, date) VALUES (?1, ?2, ?3, ?4, ?5)").map_err(sql)?;
        for r in &rows.journals {
            s.execute(params![r.jid, r.name, r.jentry, r.owner, r.date]).map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    conn.close().map_err(|(_, e)| sql(e))?;
    Ok(())
}

/// QualCoder's position of a char range of `text`: UTF-16 units, as Qt counts.
pub fn utf16_range(text: &str, start: usize, end: usize) -> (i64, i64) {
    let units = |n: usize| text.chars().take(n).map(char::len_utf16).sum::<usize>() as i64;
    (units(start), units(end))
}

/// Lines put before each synthetic source, so that UTF-16 units and chars differ as they do in
/// real transcripts with emoji and CJK names.
const PREFIXES: &[&str] = &[
    "Visit notes 📝 — family home, kitchen table.\n\n",
    "Interview with 王芳 (grandmother) 👵 and her son.\n\n",
    "Focus group 🗣️ at the family centre.\n\n",
    "Case file extract 📁 (𠮷田 family).\n\n",
];

/// A QualCoder project of the corpus's shape: its sources (with an emoji/CJK first line), codes
/// as categories (the corpus's top-level codes) holding codes, its codings by two coders (with
/// their quotes), its cases holding whole sources, a numeric and a character attribute, one
/// journal, and a few annotations.
pub fn from_corpus(corpus: &Corpus, seed: u64) -> QualCoderRows {
    let mut rng = Rng::new(seed ^ 0x51c0);
    let mut rows = QualCoderRows { version: "v17".into(), about: "QualCoder 3.6".into(), coder_name: Some("ana".into()), ..Default::default() };
    let coders = ["ana", "ben"];
    let mut texts = Vec::with_capacity(corpus.sources.len());
    for (i, s) in corpus.sources.iter().enumerate() {
        let prefix = PREFIXES[i % PREFIXES.len()];
        let text = format!("{prefix}{}", s.text);
        rows.sources.push(QcSource {
            id: i as i64 + 1,
            name: s.file_name.clone(),
            fulltext: Some(text.clone()),
            owner: Some(coders[0].into()),
            date: Some("2024-05-01 09:00:00".into()),
            ..Default::default()
        });
        texts.push((prefix.chars().count(), prefix.encode_utf16().count(), text));
    }
    // Top-level codes become categories; every code with a parent becomes a code in it; a
    // top-level code with codings of its own also becomes a code of the same name.
    let mut cid_of = Vec::with_capacity(corpus.codes.len());
    for (k, path) in corpus.codes.iter().enumerate() {
        match path.split_once('/') {
            None => {
                let catid = rows.categories.len() as i64 + 1;
                rows.categories.push(QcCategory { catid, name: path.clone(), memo: Some(format!("About {path}.")), ..Default::default() });
                rows.codes.push(QcCode {
                    cid: k as i64 + 1,
                    name: format!("{path} (general)"),
                    catid: Some(catid),
                    color: Some("#1E88E5".into()),
                    ..Default::default()
                });
            }
            Some((family, name)) => {
                let catid = rows.categories.iter().find(|c| c.name == family).map(|c| c.catid);
                rows.codes.push(QcCode {
                    cid: k as i64 + 1,
                    name: format!("{family} {name}"),
                    catid,
                    color: Some(format!("#{:06X}", rng.below(0xFF_FFFF))),
                    ..Default::default()
                });
            }
        }
        cid_of.push(k as i64 + 1);
    }
    let mut seen = std::collections::HashSet::new();
    for c in &corpus.codings {
        let (pchars, punits, text) = &texts[c.source];
        let (cid, fid, owner) = (cid_of[c.code], c.source as i64 + 1, coders[c.coder.min(1)]);
        // The corpus text is ASCII: after the prefix, chars and UTF-16 units step together.
        let (pos0, pos1) = ((punits + c.start) as i64, (punits + c.end) as i64);
        if !seen.insert((cid, fid, pos0, pos1, owner)) {
            continue;
        }
        let seltext: String = text.chars().skip(pchars + c.start).take(c.end - c.start).collect();
        rows.text_codings.push(QcTextCoding {
            ctid: rows.text_codings.len() as i64 + 1,
            cid,
            fid,
            seltext: Some(seltext),
            pos0,
            pos1,
            owner: Some(owner.into()),
            date: Some("2024-06-02 14:30:00".into()),
            memo: None,
            important: None,
        });
    }
    for (k, name) in corpus.cases.iter().enumerate() {
        rows.cases.push(QcCase { caseid: k as i64 + 1, name: name.clone(), ..Default::default() });
    }
    for (i, s) in corpus.sources.iter().enumerate() {
        let (_, units, text) = &texts[i];
        let _ = units;
        rows.case_texts.push(QcCaseText { caseid: s.case as i64 + 1, fid: i as i64 + 1, pos0: 0, pos1: text.encode_utf16().count() as i64, ..Default::default() });
        rows.attributes.push(QcAttribute { name: "Pages".into(), attr_type: "file".into(), value: Some((1 + rng.below(40)).to_string()), id: i as i64 + 1 });
        if i % 50 == 0 {
            rows.annotations.push(QcAnnotation { anid: i as i64 + 1, fid: i as i64 + 1, pos0: 0, pos1: 5, memo: Some("Check the date.".into()), ..Default::default() });
        }
    }
    for k in 0..corpus.cases.len() {
        rows.attributes.push(QcAttribute { name: "Borough".into(), attr_type: "case".into(), value: Some(format!("District {}", k % 7)), id: k as i64 + 1 });
    }
    rows.attribute_types = vec![
        QcAttributeType { name: "Pages".into(), case_or_file: Some("file".into()), valuetype: Some("numeric".into()), memo: None },
        QcAttributeType { name: "Borough".into(), case_or_file: Some("case".into()), valuetype: Some("character".into()), memo: None },
    ];
    rows.journals.push(QcJournal { jid: 1, name: "Fieldwork diary".into(), jentry: Some("Week one: access agreed.".into()), owner: Some("ana".into()), date: None });
    rows
}

/// `thicket bench --only qualcoder`: writes the corpus as a QualCoder project and times its
/// import into a new project (budget: 60 s at the reference scale).
pub fn measure(corpus: &Corpus, scale: &Scale, seed: u64, dir: &Path, say: fn(&str)) -> Result<Vec<Figure>> {
    let folder: PathBuf = dir.join("bench.qda");
    let target = dir.join("from-qualcoder.thicket");
    let _ = std::fs::remove_dir_all(&folder);
    let _ = std::fs::remove_file(&target);
    say("writing a QualCoder project…");
    let rows = from_corpus(corpus, seed);
    write_project(&folder, &rows, QcSchema::V17)?;
    say("importing the QualCoder project…");
    let started = Instant::now();
    let report = thicket_core::project::import_qualcoder(&target, &folder, &mut |_, _| true)?;
    let seconds = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&target);
    // Where the time goes: reading the database and converting, each once more on its own.
    say("timing the QualCoder import's parts…");
    let started = Instant::now();
    let read = thicket_core::store::read_qualcoder(&folder.join("data.qda"))?;
    let read_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let converted = thicket_core::import::qualcoder::convert(&read, "data.qda", "bench.qda", "2024-01-01T00:00:00Z", &mut |_| None)?;
    let convert_ms = started.elapsed().as_secs_f64() * 1000.0;
    drop((read, converted));
    let _ = std::fs::remove_dir_all(&folder);
    let mut figure = Figure::new("QualCoder project import", seconds * 1000.0, "ms").note(format!(
        "{} sources, {} codings ({} corrected, {} mismatched) in {seconds:.1} s: read data.qda, convert UTF-16 positions, write one transaction",
        report.sources, report.codings, report.corrected_total, report.mismatched_total
    ));
    if scale.name == Scale::REFERENCE.name {
        figure = figure.budget(60_000.0);
    }
    Ok(vec![
        figure,
        Figure::new("of which reading data.qda", read_ms, "ms").note("every table, read-only and immutable"),
        Figure::new("of which converting", convert_ms, "ms").note("texts indexed, positions converted and checked against the quotes, codebook, cases, memos"),
    ])
}
