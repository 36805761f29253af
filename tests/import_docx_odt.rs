//! .docx and .odt import on real files (tests/data/docx, tests/data/odt, made by the make.py
//! next to them): the exact text of headings, list items, table rows and speaker paragraphs,
//! the speakers and timestamps found, damaged and hostile files, and the CLI end to end.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::io::Write;

use common::*;
use thicket_core::import::{ImportError, ImportSettings, ImportedDocument, import_bytes};
use thicket_core::text::TextError;

fn data(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn import(name: &str, bytes: &[u8]) -> Result<ImportedDocument, ImportError> {
    let mut docs = import_bytes(name, bytes, &ImportSettings::default())?;
    assert_eq!(docs.len(), 1);
    Ok(docs.remove(0))
}

fn paragraphs(doc: &ImportedDocument) -> Vec<&str> {
    doc.text.split("\n\n").map(str::trim_end).collect()
}

fn turn_counts(doc: &ImportedDocument) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for t in &doc.turns {
        *counts.entry(t.speaker.as_str()).or_default() += 1;
    }
    counts
}

fn chars(text: &str, range: std::ops::Range<usize>) -> String {
    text.chars().skip(range.start).take(range.end - range.start).collect()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    for (name, bytes) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}

// ---- .docx ----------------------------------------------------------------------------------

#[test]
fn docx_interview_keeps_title_table_turns_and_footnote() {
    let doc = import("interview_hartley.docx", &data("docx/interview_hartley.docx")).unwrap();
    assert_eq!((doc.format.as_str(), doc.encoding.as_str(), doc.page_starts.clone()), ("docx", "UTF-8", None));
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Interview 4 – Hartley family (home visit)", "the Title paragraph, text only");
    assert_eq!(paras[2], "Participant | Role\nZoë Hartley | mother\nJosé Ferreira | family preservation worker\nInterviewer | researcher (RK)");
    assert_eq!(paras[3], "Transcript");
    assert_eq!(
        paras[5],
        "[00:00:15] Zoë: Honestly? Up and down. When the referral came through I thought they were going to take the kids off me, full stop."
    );
    assert_eq!(
        paras[8],
        "[00:00:49] Zoë: He came back. Every Tuesday, same time, even the week Kai was poorly. And he rang when he said he would.\nThat sounds small but nobody had done that before.",
        "a manual line break stays inside the paragraph"
    );
    assert_eq!(paras[9], "[00:01:10] José: We wrote the safety plan[1] together at this table. Zoë chose the wording.");
    assert_eq!(paras[10], "[00:01:26] Interviewer: Did anything about children's services surprise you?", "tracked deletion dropped, insertion kept");
    assert_eq!(*paras.last().unwrap(), "[1] Safety plan agreed at the network meeting on 4 March 2024.");
    assert!(doc.text.ends_with("2024.\n") && !doc.text.contains("social services"));

    assert_eq!(turn_counts(&doc), BTreeMap::from([("Interviewer", 4), ("José", 3), ("Zoë", 3)]));
    let stamps: Vec<Option<u64>> = doc.turns.iter().map(|t| t.timestamp_ms).collect();
    assert_eq!(stamps[..4], [Some(4_000), Some(15_000), Some(31_000), Some(44_000)]);
    assert_eq!(stamps.last(), Some(&Some(122_000)));
    assert_eq!(
        chars(&doc.text, doc.turns[2].span.clone()),
        "And that's a really common fear. I said on the first visit that my job is to keep the family together, not to build a case."
    );
}

#[test]
fn docx_case_notes_keep_headings_lists_and_table_rows() {
    let doc = import("case_notes_hartley.docx", &data("docx/case_notes_hartley.docx")).unwrap();
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Case notes: Hartley family");
    assert_eq!(paras[1], "Allocated worker:\tJosé Ferreira", "tab kept, hidden text dropped");
    assert_eq!(paras[2], "Case opened after a referral from Greenfield Primary School about Kai’s attendance & lateness.");
    assert_eq!(paras[3], "Contacts");
    assert_eq!(
        paras[4],
        "Date | Worker | Contact | Outcome\n\
         05/03/2024 | J. Ferreira | Home visit | Plan discussed with Zoë; Kai present Next visit booked.\n\
         07/03/2024 | J. Ferreira | Phone call | School confirmed attendance improving\n\
         12/03/2024 | R. Khan | Research interview"
    );
    assert_eq!(paras[5], "Strengths observed");
    assert_eq!(
        paras[6],
        "- Warm, affectionate contact between Zoë and both children\n- Grandmother (Mrs Öztürk) helps with school runs\n- Zoë keeps a calendar of appointments"
    );
    assert_eq!(
        paras[8],
        "1. Zoë to walk Kai to school on Mondays and Thursdays\n2. José to refer the family to the housing officer\n  a. Ask about the damp in the children’s bedroom\n3. Review at the next network meeting"
    );
    assert_eq!(paras[9], "Documents requested");
    assert_eq!(paras[10], "1. Kai’s attendance record\n2. Tenancy agreement");
    assert_eq!(
        paras[12], "1. Is weekly contact still proportionate?\n2. Should the case step down to early help in May?",
        "a restarted list counts from 1"
    );
    assert_eq!(paras[13], "Recorded by J. Ferreira, 13 March 2024.", "the page break before it adds no blank line");
    assert_eq!(paras.len(), 14);
    assert!(doc.turns.is_empty(), "case-note headers are not speakers: {:?}", doc.turns);
}

#[test]
fn damaged_and_hostile_docx_files_give_reasons() {
    let good = data("docx/interview_hartley.docx");
    let err = |bytes: &[u8]| import("bad.docx", bytes).unwrap_err();
    let msg = |e: &ImportError| e.to_string();

    let truncated = err(&good[..good.len() / 2]);
    assert!(matches!(&truncated, ImportError::Malformed(_)) && msg(&truncated).contains("damaged or truncated ZIP archive"), "{truncated}");

    let no_body = err(&zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/styles.xml", b"<w:styles/>")]));
    assert_eq!(no_body, ImportError::Malformed("the .docx has no word/document.xml (it is damaged or not a Word document)".into()));

    let zeros = vec![0u8; 50 * 1024 * 1024];
    let bomb = err(&zip_of(&[("word/document.xml", &zeros)]));
    assert!(matches!(&bomb, ImportError::TooLarge(_)) && msg(&bomb).contains("zip bomb"), "{bomb}");

    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let deep = format!("<w:document {ns}><w:body><w:p>{}{}</w:p></w:body></w:document>", "<w:r>".repeat(10_000), "</w:r>".repeat(10_000));
    let deep = err(&zip_of(&[("word/document.xml", deep.as_bytes())]));
    assert!(matches!(&deep, ImportError::TooLarge(_)) && msg(&deep).contains("nested too deeply (over 1,000 levels)"), "{deep}");

    let mut old_doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    old_doc.extend(std::iter::repeat_n(0u8, 4096));
    let old_doc = err(&old_doc);
    assert!(
        matches!(&old_doc, ImportError::Malformed(_))
            && msg(&old_doc).contains("not a ZIP archive, so not a .docx file (is it an older binary format, or renamed?)")
    );

    assert_eq!(err(b""), ImportError::Text(TextError::Empty));

    let unclosed = format!("<w:document {ns}><w:body><w:p><w:r><w:t>Zoë: I never");
    let unclosed = err(&zip_of(&[("word/document.xml", unclosed.as_bytes())]));
    assert!(
        matches!(&unclosed, ImportError::Malformed(_))
            && msg(&unclosed).contains("word/document.xml")
            && msg(&unclosed).contains("ends before all its elements are closed"),
        "{unclosed}"
    );
    let mismatched = format!("<w:document {ns}><w:body><w:p><w:r></w:p></w:body></w:document>");
    let mismatched = err(&zip_of(&[("word/document.xml", mismatched.as_bytes())]));
    assert!(matches!(&mismatched, ImportError::Malformed(_)) && msg(&mismatched).contains("not well-formed XML"), "{mismatched}");
}

// ---- .odt -----------------------------------------------------------------------------------

#[test]
fn odt_focus_group_has_four_speakers_and_no_comments_or_deletions() {
    let doc = import("focus_group_parents.odt", &data("odt/focus_group_parents.odt")).unwrap();
    assert_eq!((doc.format.as_str(), doc.encoding.as_str(), doc.page_starts.clone()), ("odt", "UTF-8", None));
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], "Focus group 2 – parents’ experiences of family preservation");
    assert_eq!(paras[1], "Held at the Riverside family centre on 2 April 2024 (two hours, with a crèche). Names are pseudonyms.");
    assert_eq!(paras[2], "Ground rules");
    assert_eq!(paras[3], "- What is said in the room stays in the room\n- Nobody has to answer every question\n- Phones on silent, please");
    assert_eq!(paras[5], "Facilitator: Let’s start with the first visit. What did you expect when the worker knocked?");
    assert_eq!(paras[6], "Siobhán: I expected the worst. I’d hoovered twice and hidden the post.", "the comment is not text");
    assert_eq!(paras[8], "Mohammed: My wife did the talking. I thought it was about her, not me[1].");
    assert_eq!(
        paras[10],
        "Siobhán: She sat on the floor with my youngest and played Lego for twenty minutes.\nThen she asked what a good week looks like for us."
    );
    assert_eq!(paras[11], "Zoë: Mine brought a folder  with  the plan in it, and we crossed bits out together.", "text:s keeps double spaces");
    assert_eq!(*paras.last().unwrap(), "[1] Mohammed later asked to be interviewed on his own.");
    assert!(!doc.text.contains("council offices") && !doc.text.contains("Follow up"));

    assert_eq!(turn_counts(&doc), BTreeMap::from([("Facilitator", 3), ("Mohammed", 3), ("Siobhán", 3), ("Zoë", 3)]));
    assert!(doc.turns.iter().all(|t| t.timestamp_ms.is_none()));
    let first = &doc.turns[0];
    assert_eq!(chars(&doc.text, first.label.clone()), "Facilitator:");
}

#[test]
fn odt_visit_record_keeps_tables_and_nested_lists() {
    let doc = import("visit_record_okonkwo.odt", &data("odt/visit_record_okonkwo.odt")).unwrap();
    assert_eq!(
        paragraphs(&doc),
        [
            "Home visit record – Okonkwo family",
            "Visit no.\t3   (unannounced)",
            "Name | Age | Notes\nAdaeze Okonkwo | 34 | Mother; works nights at the care home\nChidi Okonkwo | 9 | Year 4 at St Mary’s\nGrandmother visits at weekends | Not part of the plan (yet)",
            "Agreed next steps",
            "1. Adaeze to register with the GP\n2. Worker to chase the housing repair\n  a. Boiler\n  b. Window lock in Chidi’s room\n3. Review in two weeks",
            "Worries raised",
            "- Rent arrears since January\n  A letter from the landlord is due this month.\n- Chidi’s asthma inhaler ran out",
            "Next visit: Tuesday 16 April, 10:00.",
        ]
    );
    assert!(doc.turns.is_empty());
}

#[test]
fn damaged_and_hostile_odt_files_give_reasons() {
    let good = data("odt/focus_group_parents.odt");
    let err = |bytes: &[u8]| import("bad.odt", bytes).unwrap_err();
    let msg = |e: &ImportError| e.to_string();
    let mimetype: &[u8] = b"application/vnd.oasis.opendocument.text";

    let truncated = err(&good[..good.len() / 2]);
    assert!(matches!(&truncated, ImportError::Malformed(_)) && msg(&truncated).contains("damaged or truncated ZIP archive"), "{truncated}");
    assert_eq!(
        err(&zip_of(&[("mimetype", mimetype)])),
        ImportError::Malformed("the .odt has no content.xml (it is damaged or not an OpenDocument file)".into())
    );
    let ods = err(&zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", b"<x/>")]));
    assert_eq!(msg(&ods), "it is an OpenDocument spreadsheet (.ods) renamed to .odt, not a text document");

    let zeros = vec![0u8; 50 * 1024 * 1024];
    let bomb = err(&zip_of(&[("mimetype", mimetype), ("content.xml", &zeros)]));
    assert!(matches!(&bomb, ImportError::TooLarge(_)) && msg(&bomb).contains("zip bomb"), "{bomb}");

    let ns = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#;
    let deep = format!(
        "<office:document-content {ns}><office:body><office:text><text:p>{}{}</text:p></office:text></office:body></office:document-content>",
        "<text:span>".repeat(10_000),
        "</text:span>".repeat(10_000)
    );
    let deep = err(&zip_of(&[("content.xml", deep.as_bytes())]));
    assert!(matches!(&deep, ImportError::TooLarge(_)) && msg(&deep).contains("nested too deeply (over 1,000 levels)"), "{deep}");

    assert!(
        matches!(err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old"), ImportError::Malformed(m) if m.contains("not a ZIP archive, so not an .odt file"))
    );
    assert_eq!(err(b""), ImportError::Text(TextError::Empty));
    let unclosed =
        err(&zip_of(&[("content.xml", format!("<office:document-content {ns}><office:body><office:text><text:p>Siobhán: yes").as_bytes())]));
    assert!(matches!(&unclosed, ImportError::Malformed(_)) && msg(&unclosed).contains("content.xml"), "{unclosed}");
}

#[test]
fn cut_or_corrupted_files_never_panic() {
    for (name, path) in [("a.docx", "docx/case_notes_hartley.docx"), ("a.odt", "odt/visit_record_okonkwo.odt")] {
        let good = data(path);
        for len in (0..good.len()).step_by(good.len() / 97 + 1) {
            let _ = import_bytes(name, &good[..len], &ImportSettings::default());
        }
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut bad = good.clone();
            let at = (seed % bad.len() as u64) as usize;
            bad[at] ^= (seed >> 32) as u8 | 1;
            let _ = import_bytes(name, &bad, &ImportSettings::default());
        }
    }
}

// ---- CLI ------------------------------------------------------------------------------------

#[test]
fn cli_imports_docx_and_odt_files_with_their_format() {
    let dir = Dir::new();
    let project = dir.path("study.thicket");
    ok(["new".as_ref(), project.as_os_str()]);
    let docx = dir.write("interview_hartley.docx", data("docx/interview_hartley.docx"));
    let odt = dir.write("focus_group_parents.odt", data("odt/focus_group_parents.odt"));
    ok(["import".as_ref(), project.as_os_str(), docx.as_os_str(), odt.as_os_str()]);
    let sources = json(["list".as_ref(), project.as_os_str(), "sources".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let by_format: BTreeMap<String, (String, u64)> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["format"].as_str().unwrap().to_string(), (s["name"].as_str().unwrap().to_string(), s["turns"].as_u64().unwrap())))
        .collect();
    assert_eq!(by_format["docx"], ("interview_hartley".to_string(), 10));
    assert_eq!(by_format["odt"], ("focus_group_parents".to_string(), 12));
}
