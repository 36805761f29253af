//! QualCoder projects read directly (`thicket import-qualcoder`): fixture projects of schema
//! v5, v12 and v17 are generated here (emoji, supplementary CJK and CRLF in the texts, so that
//! UTF-16 units, code points and normalised positions all differ), imported through the binary,
//! and the new project is read back: every coding's text is exactly the text QualCoder quoted,
//! the code tree, cases, attributes and memos are there, media are skipped and listed, and the
//! QualCoder folder is left byte for byte and timestamp for timestamp as it was.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thicket_bench::qualcoder::{QcSchema, utf16_range, write_project};
use thicket_core::import::qualcoder::rows::*;
use thicket_core::model::*;
use thicket_core::project::Project;
use thicket_core::text::normalize_str;

mod common;
use common::{Dir, fails_with, json, on_project, thicket};

const INTERVIEW: &str = "Dana: The worker came at nine 🕘 and sat with us.\r\nDana: 我们 felt judged 😟 by the letter.\r\nWorker: I wanted to listen 👂 first.\r\n";
const FIELD_NOTE: &str = "Visit to the 𠮷田 family. The grandmother 👵🏽 said: שלום, come in.\nThe kitchen was warm; the plan was on the fridge.\n";
const TRANSCRIPT: &str = "Interviewer: How was the meeting?\nRosa: Long. But they listened 🙂.\n";
const PDF_TEXT: &str = "Assessment report\n\nThe family engaged well with the plan.\n";
const FROM_FILE: &str = "Notes typed later: the school called twice.\n";

/// The char range of the `n`-th (0-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let byte = text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("{needle:?} not in text")).0;
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// A coding of `needle` in source `fid`'s `text`, at QualCoder's UTF-16 position, quoted as Qt
/// quotes a selection (line breaks as U+2029).
fn coding(ctid: i64, cid: i64, fid: i64, text: &str, needle: &str, owner: &str) -> QcTextCoding {
    let (a, b) = find(text, needle, 0);
    let (pos0, pos1) = utf16_range(text, a, b);
    let seltext = needle.replace("\r\n", "\u{2029}").replace('\n', "\u{2029}");
    QcTextCoding {
        ctid,
        cid,
        fid,
        seltext: Some(seltext),
        pos0,
        pos1,
        owner: Some(owner.into()),
        date: Some("2024-03-05 10:20:30".into()),
        memo: None,
        important: None,
    }
}

fn source(id: i64, name: &str, text: Option<&str>, mediapath: Option<&str>) -> QcSource {
    QcSource {
        id,
        name: name.into(),
        fulltext: text.map(str::to_string),
        mediapath: mediapath.map(str::to_string),
        memo: None,
        owner: Some("ana".into()),
        date: Some("2024-02-01 08:00:00".into()),
    }
}

/// The fixture project: what a small social-work study in QualCoder looks like.
fn fixture() -> QualCoderRows {
    let mut sources = vec![
        source(1, "Interview Dana 👩‍👧.txt", Some(INTERVIEW), None),
        source(2, "Field note 𠮷田.txt", Some(FIELD_NOTE), None),
        source(3, "kitchen.png", None, Some("/images/kitchen.png")),
        source(4, "meeting.mp3", None, Some("/audio/meeting.mp3")),
        source(5, "meeting.mp3.transcribed", Some(TRANSCRIPT), None),
        source(6, "Typed notes.txt", None, None),
        source(7, "Lost notes.txt", None, None),
        source(8, "Assessment.pdf", Some(PDF_TEXT), Some("/docs/Assessment.pdf")),
    ];
    sources[0].memo = Some("Recorded at home.".into());
    let codes = vec![
        QcCode { cid: 1, name: "Feeling judged".into(), memo: Some("When a parent says they felt judged.".into()), catid: Some(2), color: Some("#F8E0E0".into()), owner: Some("ana".into()), ..Default::default() },
        QcCode { cid: 2, name: "Listening".into(), catid: Some(3), color: Some("#58ACFA".into()), ..Default::default() },
        QcCode { cid: 3, name: "Home/School".into(), color: Some("#81F781".into()), ..Default::default() },
        QcCode { cid: 4, name: "Emotions".into(), color: Some("#F7D358".into()), ..Default::default() },
        QcCode { cid: 5, name: "Judged by letters".into(), catid: None, supercid: Some(1), color: Some("#FA5858".into()), ..Default::default() },
        QcCode { cid: 6, name: "Warmth".into(), catid: Some(1), color: None, ..Default::default() },
    ];
    let categories = vec![
        QcCategory { catid: 1, name: "Relationships".into(), memo: Some("How families and workers relate.".into()), ..Default::default() },
        QcCategory { catid: 2, name: "Emotions".into(), ..Default::default() },
        QcCategory { catid: 3, name: "Trust".into(), supercatid: Some(1), ..Default::default() },
    ];
    let mut text_codings = vec![
        coding(1, 1, 1, INTERVIEW, "felt judged 😟", "ana"),
        coding(2, 1, 1, INTERVIEW, "felt judged 😟", "ben"),
        coding(3, 2, 1, INTERVIEW, "I wanted to listen 👂 first.", "ana"),
        coding(4, 4, 1, INTERVIEW, "sat with us.\r\nDana: 我们", "ben"),
        coding(5, 6, 2, FIELD_NOTE, "The grandmother 👵🏽 said: שלום, come in.", "ana"),
        coding(6, 3, 2, FIELD_NOTE, "the plan was on the fridge", "ana"),
        coding(7, 2, 5, TRANSCRIPT, "they listened 🙂", "ben"),
        coding(8, 5, 1, INTERVIEW, "by the letter", "ana"),
        coding(9, 3, 8, PDF_TEXT, "engaged well", "ana"),
    ];
    text_codings[0].memo = Some("Strong wording.".into());
    text_codings[2].important = Some(1);
    // A coding QualCoder wrote in code points (its SQL substr path): seltext tells.
    let (a, b) = find(FIELD_NOTE, "kitchen was warm", 0);
    text_codings.push(QcTextCoding { ctid: 10, cid: 6, fid: 2, seltext: Some("kitchen was warm".into()), pos0: a as i64, pos1: b as i64, owner: Some("ana".into()), ..Default::default() });
    let (j0, j1) = find(INTERVIEW, "judged", 0);
    let (an0, an1) = utf16_range(INTERVIEW, j0, j1);
    let whole_in_code_points = INTERVIEW.chars().count() as i64;
    QualCoderRows {
        version: String::new(),
        about: "QualCoder 3.6".into(),
        memo: "Pilot study of home visits.".into(),
        coder_name: Some("ana".into()),
        sources,
        categories,
        codes,
        text_codings,
        image_codings: vec![QcMediaCoding { fid: 3, cid: 2 }, QcMediaCoding { fid: 3, cid: 3 }],
        av_codings: vec![QcMediaCoding { fid: 4, cid: 2 }],
        annotations: vec![QcAnnotation { anid: 1, fid: 1, pos0: an0, pos1: an1, memo: Some("Ask about the letter.".into()), owner: Some("ben".into()), date: Some("2024-03-06 11:00:00".into()) }],
        cases: vec![
            QcCase { caseid: 1, name: "Family A".into(), memo: Some("Two children, one in school.".into()), ..Default::default() },
            QcCase { caseid: 2, name: "Family B".into(), ..Default::default() },
        ],
        case_texts: vec![
            QcCaseText { caseid: 1, fid: 1, pos0: 0, pos1: whole_in_code_points, ..Default::default() },
            QcCaseText { caseid: 1, fid: 2, pos0: 0, pos1: 25, memo: Some("Only the visit.".into()), ..Default::default() },
            QcCaseText { caseid: 2, fid: 3, pos0: 0, pos1: 0, ..Default::default() },
            QcCaseText { caseid: 2, fid: 5, pos0: 0, pos1: TRANSCRIPT.encode_utf16().count() as i64, ..Default::default() },
        ],
        attribute_types: vec![
            QcAttributeType { name: "Age of child".into(), case_or_file: Some("case".into()), valuetype: Some("numeric".into()), memo: None },
            QcAttributeType { name: "Borough".into(), case_or_file: Some("case".into()), valuetype: Some("character".into()), memo: None },
            QcAttributeType { name: "Round".into(), case_or_file: Some("file".into()), valuetype: Some("numeric".into()), memo: None },
        ],
        attributes: vec![
            QcAttribute { name: "Age of child".into(), attr_type: "case".into(), value: Some("7".into()), id: 1 },
            QcAttribute { name: "Age of child".into(), attr_type: "case".into(), value: Some("".into()), id: 2 },
            QcAttribute { name: "Borough".into(), attr_type: "case".into(), value: Some("Northside".into()), id: 1 },
            QcAttribute { name: "Round".into(), attr_type: "file".into(), value: Some("1".into()), id: 1 },
            QcAttribute { name: "Round".into(), attr_type: "file".into(), value: Some("two".into()), id: 2 },
            QcAttribute { name: "Round".into(), attr_type: "file".into(), value: Some("3".into()), id: 3 },
        ],
        journals: vec![QcJournal { jid: 1, name: "Reflexive diary".into(), jentry: Some("I noticed my own unease 😬.".into()), owner: Some("ana".into()), date: Some("2024-03-07 18:00:00".into()) }],
        missing_tables: Vec::new(),
    }
}

/// Writes the fixture in `schema` as `NAME.qda` in `dir`, with the file of the document whose
/// text the database lacks.
fn write_fixture(dir: &Dir, name: &str, schema: QcSchema, rows: &QualCoderRows) -> PathBuf {
    let folder = dir.path(name);
    write_project(&folder, rows, schema).unwrap();
    std::fs::write(folder.join("documents/Typed notes.txt"), FROM_FILE).unwrap();
    folder
}

/// Every file under `folder` with its bytes and modification time.
fn snapshot(folder: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(d) = stack.pop() {
        let meta = std::fs::metadata(&d).unwrap();
        out.insert(d.clone(), (Vec::new(), meta.modified().unwrap()));
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let meta = std::fs::metadata(&p).unwrap();
                out.insert(p.clone(), (std::fs::read(&p).unwrap(), meta.modified().unwrap()));
            }
        }
    }
    out
}

/// Imports through the binary; returns the JSON report.
fn import(project: &Path, folder: &Path) -> serde_json::Value {
    json(["import-qualcoder".as_ref(), project.as_os_str(), folder.as_os_str(), "--format".as_ref(), "json".as_ref()])
}

/// (source name, code path, coder, text) of every coding of the project, sorted.
fn codings(p: &Project) -> Vec<(String, String, String, String)> {
    let book = p.codebook().unwrap();
    let sources: BTreeMap<SourceId, (String, String)> =
        p.sources().unwrap().into_iter().map(|s| (s.id, (s.name.clone(), p.source_text(s.id).unwrap()))).collect();
    let coders: BTreeMap<CoderId, String> = p.coders().unwrap().into_iter().map(|c| (c.id, c.name)).collect();
    let mut out: Vec<_> = p
        .all_codings()
        .unwrap()
        .into_iter()
        .map(|c| {
            let (name, text) = &sources[&c.source_id];
            let quoted: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
            (name.clone(), book.path(c.code_id).unwrap().to_string(), coders[&c.coder_id].clone(), quoted)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_coding_lands_exactly_on_the_text_qualcoder_quoted_in_v5_v12_and_v17() {
    for schema in [QcSchema::V5, QcSchema::V12, QcSchema::V17] {
        let dir = Dir::new();
        let rows = fixture();
        let folder = write_fixture(&dir, "Home visits.qda", schema, &rows);
        let project = dir.path("visits.thicket");
        let report = import(&project, &folder);
        assert_eq!(report["database_version"], schema.label());
        assert_eq!(report["codings"], 10, "{schema:?}: {report:#}");
        assert_eq!(report["mismatched_total"], 0, "{schema:?}");
        let p = Project::open(&project).unwrap();
        let sources: BTreeMap<String, String> = p.sources().unwrap().into_iter().map(|s| (s.name.clone(), p.source_text(s.id).unwrap())).collect();
        let texts: BTreeMap<i64, &str> = rows.sources.iter().map(|s| (s.id, s.name.as_str())).collect();
        let mut got: Vec<(String, String)> = codings(&p).into_iter().map(|(s, _, _, t)| (s, t)).collect();
        // What QualCoder quoted, as Thicket stores text (U+2029 and CRLF read as LF).
        let mut want: Vec<(String, String)> = rows
            .text_codings
            .iter()
            .map(|c| (texts[&c.fid].to_string(), normalize_str(&c.seltext.clone().unwrap().replace('\u{2029}', "\n"))))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{schema:?}");
        assert_eq!(sources["Interview Dana 👩‍👧.txt"], normalize_str(INTERVIEW), "CRLF normalised");
        assert_eq!(sources["Typed notes.txt"], FROM_FILE, "read from the documents folder");
        p.close().unwrap();
    }
}

#[test]
fn a_coding_written_in_code_points_is_found_by_its_quote_and_reported_as_corrected() {
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Home visits.qda", QcSchema::V17, &fixture());
    let report = import(&dir.path("v.thicket"), &folder);
    assert_eq!(report["corrected_total"], 1, "{report:#}");
    let c = &report["corrected"][0];
    assert_eq!(c["source"], "Field note 𠮷田.txt");
    assert_eq!(c["code"], "Warmth");
    assert_eq!(c["how"], "code points");
}

#[test]
fn categories_become_parent_codes_marked_as_such_and_v17_sub_codes_nest() {
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Home visits.qda", QcSchema::V17, &fixture());
    let project = dir.path("v.thicket");
    let report = import(&project, &folder);
    assert_eq!((report["codes"].as_u64(), report["categories"].as_u64()), (Some(9), Some(3)));
    let p = Project::open(&project).unwrap();
    let book = p.codebook().unwrap();
    let mut paths: Vec<String> = book.walk().into_iter().map(|(_, c)| book.path(c.id).unwrap().to_string()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "Emotions",
            "Emotions (2)",
            "Emotions/Feeling judged",
            "Emotions/Feeling judged/Judged by letters",
            "Home-School",
            "Relationships",
            "Relationships/Trust",
            "Relationships/Trust/Listening",
            "Relationships/Warmth",
        ]
    );
    let code = |path: &str| book.get(book.by_path(path).unwrap()).unwrap().clone();
    let judged = code("Emotions/Feeling judged");
    assert_eq!(judged.color, "#F8E0E0");
    assert_eq!(judged.description.definition, "When a parent says they felt judged.");
    assert_eq!(judged.description.do_not_use_when, "");
    let relationships = code("Relationships");
    assert_eq!(relationships.description.definition, "How families and workers relate.");
    assert!(relationships.description.do_not_use_when.contains("category in QualCoder"));
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains(r#"code \"Home/School\" is named \"Home-School\""#), "{warnings}");
    assert!(warnings.contains(r#"code \"Emotions\" is named \"Emotions (2)\""#), "{warnings}");
    p.close().unwrap();

    // Before v16 there are no sub-codes: the same code sits at the top level.
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Old.qda", QcSchema::V12, &fixture());
    let project = dir.path("old.thicket");
    import(&project, &folder);
    let p = Project::open(&project).unwrap();
    assert!(p.codebook().unwrap().by_path("Judged by letters").is_some());
    p.close().unwrap();
}

#[test]
fn coders_dates_memos_cases_attributes_journals_and_annotations_come_in() {
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Home visits.qda", QcSchema::V17, &fixture());
    let project = dir.path("v.thicket");
    let report = import(&project, &folder);
    assert_eq!(report["important_marks"], 1);
    assert_eq!((report["cases"].as_u64(), report["case_links"].as_u64(), report["partial_case_links"].as_u64()), (Some(2), Some(3), Some(1)));
    let p = Project::open(&project).unwrap();
    let mut coders: Vec<String> = p.coders().unwrap().into_iter().map(|c| c.name).collect();
    coders.sort();
    assert_eq!(coders, ["ana", "ben"]);
    let all = p.all_codings().unwrap();
    assert!(all.iter().all(|c| c.created_at == "2024-03-05T10:20:30Z" || c.created_at.len() == 20));
    assert_eq!(all.iter().filter(|c| c.memo == "Strong wording.").count(), 1);
    let judged_by_two = codings(&p).into_iter().filter(|(_, code, _, _)| code == "Emotions/Feeling judged").map(|(_, _, coder, _)| coder).collect::<Vec<_>>();
    assert_eq!(judged_by_two, ["ana", "ben"]);

    let cases: BTreeMap<String, Case> = p.cases().unwrap().into_iter().map(|c| (c.name.clone(), c)).collect();
    assert_eq!(cases["Family A"].description, "Two children, one in school.");
    let names: BTreeMap<SourceId, String> = p.sources().unwrap().into_iter().map(|s| (s.id, s.name)).collect();
    let mut links: Vec<(String, String)> = p
        .case_sources()
        .unwrap()
        .into_iter()
        .map(|(c, s)| (p.cases().unwrap().into_iter().find(|k| k.id == c).unwrap().name, names[&s].clone()))
        .collect();
    links.sort();
    assert_eq!(
        links,
        [
            ("Family A".to_string(), "Field note 𠮷田.txt".to_string()),
            ("Family A".into(), "Interview Dana 👩‍👧.txt".into()),
            ("Family B".into(), "meeting.mp3.transcribed".into())
        ]
    );

    let defs: BTreeMap<String, AttributeDef> = p.attributes().unwrap().into_iter().map(|a| (a.name.clone(), a)).collect();
    assert_eq!((defs["Age of child"].applies_to, defs["Age of child"].value_type), (AttributeTarget::Case, AttributeType::Number));
    assert_eq!((defs["Borough"].applies_to, defs["Borough"].value_type), (AttributeTarget::Case, AttributeType::Text));
    assert_eq!((defs["Round"].applies_to, defs["Round"].value_type), (AttributeTarget::Source, AttributeType::Text), "\"two\" is no number");
    let values: Vec<(String, String)> = p
        .attribute_values()
        .unwrap()
        .into_iter()
        .map(|v| (defs.values().find(|d| d.id == v.attribute_id).unwrap().name.clone(), v.value))
        .collect();
    assert!(values.contains(&("Age of child".into(), "7".into())));
    assert!(values.contains(&("Borough".into(), "Northside".into())));
    assert_eq!(values.len(), 4, "the empty age is no value, round 3 is on the picture: {values:?}");
    assert!(report["skipped"].to_string().contains("1 attribute value"), "{report:#}");

    let memos = p.memos().unwrap();
    let by_title = |t: &str| memos.iter().find(|m| m.title == t).unwrap_or_else(|| panic!("no memo {t:?}"));
    let diary = by_title("Reflexive diary");
    assert_eq!((diary.target, diary.body.as_str(), diary.created_at.as_str()), (MemoTarget::Project, "I noticed my own unease 😬.", "2024-03-07T18:00:00Z"));
    assert_eq!(by_title("QualCoder project memo").body, "Pilot study of home visits.");
    assert_eq!(by_title("QualCoder memo").body, "Recorded at home.");
    let note = by_title("Annotation");
    let MemoTarget::Source { id, span: Some(span) } = note.target else { panic!("annotation on a span") };
    let text = p.source_text(id).unwrap();
    assert_eq!(text.chars().skip(span.start).take(span.len()).collect::<String>(), "judged");
    assert_eq!(note.body, "Ask about the letter.");
    let part = by_title("Part of case “Family A”");
    assert!(part.body.contains("Only the visit."), "{}", part.body);
    p.close().unwrap();
}

#[test]
fn pictures_audio_video_and_sources_without_text_are_skipped_and_listed_by_name() {
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Home visits.qda", QcSchema::V17, &fixture());
    let report = import(&dir.path("v.thicket"), &folder);
    let skipped: Vec<(String, String)> =
        report["skipped"].as_array().unwrap().iter().map(|s| (s["what"].as_str().unwrap().to_string(), s["name"].as_str().unwrap().to_string())).collect();
    for want in [
        ("picture", "kitchen.png"),
        ("audio", "meeting.mp3"),
        ("source", "Lost notes.txt"),
        ("picture codings", "kitchen.png"),
        ("audio/video codings", "meeting.mp3"),
        ("case link", "kitchen.png"),
    ] {
        assert!(skipped.contains(&(want.0.to_string(), want.1.to_string())), "{want:?} not in {skipped:?}");
    }
    assert_eq!(report["sources"], 5, "two interviews, the transcript, the typed notes, the PDF's text");
    assert_eq!(report["read_from_files"], serde_json::json!(["Typed notes.txt"]));
    // The table names them too.
    let o = thicket(["import-qualcoder".as_ref(), dir.path("t.thicket").as_os_str(), folder.as_os_str()]);
    let table = common::stdout(&o);
    assert!(table.contains("kitchen.png (picture)") && table.contains("Lost notes.txt (source)"), "{table}");
}

#[test]
fn the_qualcoder_folder_is_left_exactly_as_it_was() {
    let dir = Dir::new();
    let folder = write_fixture(&dir, "Home visits.qda", QcSchema::V17, &fixture());
    // Let a write show in the modification times, even on coarse clocks.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let before = snapshot(&folder);
    import(&dir.path("v.thicket"), &folder);
    let after = snapshot(&folder);
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>(), "no file added or removed");
    assert!(before == after, "a file's bytes or modification time changed");
}

#[test]
fn a_newer_schema_is_read_with_a_warning_and_an_older_one_is_refused() {
    let dir = Dir::new();
    let mut rows = fixture();
    rows.version = "v19".into();
    let folder = write_fixture(&dir, "New.qda", QcSchema::V17, &rows);
    let report = import(&dir.path("new.thicket"), &folder);
    assert_eq!(report["codings"], 10);
    assert!(report["warnings"].to_string().contains("v19 is newer"), "{report:#}");

    let mut rows = fixture();
    rows.version = "v4".into();
    let folder = write_fixture(&dir, "Old.qda", QcSchema::V5, &rows);
    let project = dir.path("old.thicket");
    let o = on_project("import-qualcoder", &project, &[folder.to_str().unwrap()]);
    fails_with(&o, &["Old.qda", "data.qda", "v4", "older than v5"]);
    assert!(!project.exists());
}

#[test]
fn bad_folders_give_clear_errors_naming_the_file_and_leave_no_project_behind() {
    let dir = Dir::new();
    let project = dir.path("out.thicket");
    let run = |folder: &Path| on_project("import-qualcoder", &project, &[folder.to_str().unwrap()]);

    let file = dir.write("notes.txt", "not a project");
    fails_with(&run(&file), &["notes.txt", "not a QualCoder project folder"]);
    let empty = dir.path("Empty.qda");
    std::fs::create_dir(&empty).unwrap();
    fails_with(&run(&empty), &["Empty.qda", "no data.qda"]);
    fails_with(&run(&dir.path("Nowhere.qda")), &["Nowhere.qda", "no such folder"]);
    let garbage = dir.write("Garbage.qda/data.qda", b"this is no database at all, just words".repeat(50));
    fails_with(&run(garbage.parent().unwrap()), &["data.qda", "not an SQLite database"]);
    let mut corrupt = std::fs::read(write_fixture(&dir, "Corrupt.qda", QcSchema::V17, &fixture()).join("data.qda")).unwrap();
    let len = corrupt.len();
    corrupt[len / 2..].fill(0xA5);
    let corrupt_path = dir.path("Corrupt.qda/data.qda");
    std::fs::write(&corrupt_path, corrupt).unwrap();
    fails_with(&run(corrupt_path.parent().unwrap()), &["Corrupt.qda", "data.qda"]);
    let other = dir.path("Other.qda");
    std::fs::create_dir(&other).unwrap();
    let c = rusqlite::Connection::open(other.join("data.qda")).unwrap();
    c.execute_batch("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('hello');").unwrap();
    drop(c);
    fails_with(&run(&other), &["Other.qda", "not a QualCoder project"]);
    assert!(!project.exists(), "no project file after a failure");
    assert_eq!(dir.files().iter().filter(|f| f.contains("thicket")).count(), 0, "{:?}", dir.files());

    // An existing project is never overwritten.
    let good = write_fixture(&dir, "Good.qda", QcSchema::V17, &fixture());
    std::fs::write(&project, "keep me").unwrap();
    fails_with(&run(&good), &["out.thicket", "already exists"]);
    assert_eq!(std::fs::read(&project).unwrap(), b"keep me");
}
