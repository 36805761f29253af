//! Real transcripts read as transcripts, on the files in tests/data/transcripts (regenerate them with
//! the make.py beside them): subtitle cues joined into sentences and paragraphs with their times kept
//! and cited, a transcription service's PDF export joined into paragraphs with its speakers found, and
//! the suggested interviewer in the CLI's import report.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};

use thicket_core::import::{ImportSettings, ImportedDocument, import_bytes};
use thicket_core::model::TimeMark;
use thicket_core::text::slice_chars;

mod common;
use common::{Dir, json, ok, on_project, stderr};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/transcripts").join(name)
}

fn one(name: &str) -> ImportedDocument {
    let mut docs = import_bytes(name, &std::fs::read(fixture(name)).unwrap(), &ImportSettings::default()).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// (speaker, spoken text, timestamp) of every turn.
fn turns(doc: &ImportedDocument) -> Vec<(&str, &str, Option<u64>)> {
    doc.turns.iter().map(|t| (t.speaker.as_str(), slice_chars(&doc.text, t.span.clone()).unwrap(), t.timestamp_ms)).collect()
}

/// (ms, first words) of every time mark.
fn marks(doc: &ImportedDocument) -> Vec<(u64, String)> {
    doc.time_marks.iter().map(|m| (m.ms, doc.text.chars().skip(m.at).take(12).collect())).collect()
}

fn mark(ms: u64, start: &str) -> (u64, String) {
    (ms, start.to_string())
}

#[test]
fn srt_cues_cut_mid_sentence_join_into_paragraphs_that_break_at_a_pause() {
    let doc = one("kinship-carer.srt");
    assert_eq!(
        doc.text,
        "RUTH: Thank you for agreeing to talk about the kinship placement. Could you tell me how it started?\n\n\
         MARGARET: It was a Friday night. The social worker rang and asked if I could take both boys, just for the weekend. \
         That was two years ago now.\n\n\
         Nobody told me what the plan was. I had to ask, every time.\n\n\
         RUTH: Who did you ask?\n\n\
         MARGARET: Whoever picked up the phone at the office. It changed every month.\n\n\
         RUTH: Did that get better after the court hearing?\n\n\
         MARGARET: A little. We got one worker, Keisha, and she stayed.\n"
    );
    let got = turns(&doc);
    assert_eq!(got.len(), 6, "the paragraph after the pause stays in Margaret's turn");
    assert_eq!(got[1].0, "MARGARET");
    assert!(got[1].1.ends_with("That was two years ago now.\n\nNobody told me what the plan was. I had to ask, every time."));
    assert_eq!(got[1].2, Some(6_900));
    assert_eq!(
        marks(&doc),
        [
            mark(500, "RUTH: Thank "),
            mark(6_900, "MARGARET: It"),
            mark(20_100, "Nobody told "),
            mark(24_200, "RUTH: Who di"),
            mark(26_500, "MARGARET: Wh"),
            mark(31_000, "RUTH: Did th"),
            mark(34_000, "MARGARET: A "),
        ]
    );
}

#[test]
fn vtt_voices_settings_notes_styles_and_hourless_times() {
    let doc = one("supervision.vtt");
    assert_eq!(
        doc.text,
        "Team Manager: Let's start with the Hartley family. What worries you most this week?\n\n\
         Social Worker: Honestly, the drinking. Mum says it has stopped, but the school & the GP both noticed bruises on Tyler.\n\n\
         Team Manager: Have you spoken to Tyler?\n\n\
         Social Worker: On Tuesday, at school. He didn't want to say much.\n\n\
         I'd like a strategy discussion before Friday.\n\n\
         Team Manager: Agreed. I'll book it today.\n"
    );
    let speakers: Vec<(&str, Option<u64>)> = turns(&doc).iter().map(|t| (t.0, t.2)).collect();
    assert_eq!(
        speakers,
        [("Team Manager", Some(1_000)), ("Social Worker", Some(8_600)), ("Team Manager", Some(17_200)), ("Social Worker", Some(19_500)), ("Team Manager", Some(66_000))]
    );
    let times: Vec<u64> = doc.time_marks.iter().map(|m| m.ms).collect();
    assert_eq!(times, [1_000, 8_600, 17_200, 19_500, 62_000, 66_000]);
}

#[test]
fn captions_without_speakers_become_timed_paragraphs_without_turns() {
    let doc = one("home-visit-memo.vtt");
    assert_eq!(
        doc.text,
        "Voice memo after the home visit to the Osei family. The flat was cleaner than last time and the baby was asleep in \
         the Moses basket. Mum was tired but she engaged well.\n\n\
         Things to follow up: the health visitor appointment and the housing letter.\n"
    );
    assert!(doc.turns.is_empty());
    assert_eq!(doc.time_marks, [TimeMark { at: 0, ms: 0 }, TimeMark { at: 170, ms: 17_900 }]);
}

#[test]
fn a_segment_in_a_subtitle_paragraph_cites_that_paragraphs_start_time() {
    let dir = Dir::new();
    let project = dir.path("p.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p]);
    ok(["import", p, fixture("supervision.vtt").to_str().unwrap()]);
    ok(["code", p, "add", "Risk"]);
    let text = one("supervision.vtt").text;
    let at = |phrase: &str| {
        let byte = text.find(phrase).unwrap();
        let start = text[..byte].chars().count();
        format!("{start}..{}", start + phrase.chars().count())
    };
    for phrase in ["bruises on Tyler", "strategy discussion", "Let's start"] {
        ok(["code", p, "apply", "Risk", "--source", "supervision", "--range", &at(phrase), "--coder", "Amara"]);
    }
    let segments = json(["segments", p, "--code", "Risk", "--format", "json"]);
    let cited: Vec<(String, Option<u64>)> = segments
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap().to_string(), s["time_ms"].as_u64()))
        .collect();
    assert_eq!(
        cited,
        [
            ("Let's start".to_string(), Some(1_000)),
            ("bruises on Tyler".to_string(), Some(8_600)),
            ("strategy discussion".to_string(), Some(62_000)),
        ],
        "a segment cites its own paragraph's time, not its turn's first"
    );
}

#[test]
fn an_otter_pdf_export_reads_as_paragraphs_with_its_speakers_and_pages() {
    let doc = one("otter-interview.pdf");
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs[0],
        "Nora Vandermeer 00:01\nThanks for meeting me again. Last time we talked about the first child protection conference. \
         Can we pick up from there?"
    );
    assert_eq!(
        paragraphs[3],
        "DC01 00:45\nThe reports. They were sent to me the night before, or even worse, sometimes on the morning of the meeting, \
         and I would read things about my own family that I had never heard anyone say to my face. That child-protection \
         process felt like it was happening to somebody else.",
        "\"some-times\" joins (the document has \"sometimes\"), \"child-protection\" keeps its hyphen"
    );
    let speakers: Vec<(&str, Option<u64>)> = turns(&doc).iter().map(|t| (t.0, t.2)).collect();
    assert_eq!(
        speakers,
        [
            ("Nora Vandermeer", Some(1_000)),
            ("DC01", Some(12_000)),
            ("Nora Vandermeer", Some(41_000)),
            ("DC01", Some(45_000)),
            ("Nora Vandermeer", Some(80_000)),
            ("DC01", Some(86_000)),
            ("Nora Vandermeer", Some(122_000)),
            ("DC01", Some(125_000)),
        ]
    );
    assert_eq!(turns(&doc)[1].1, "Yes. So after the conference we had the core group meetings every six weeks, and sometimes I dreaded them, because it felt like everybody in the room already knew what they thought of me before I opened my mouth.");
    let pages = doc.page_starts.clone().unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(doc.text.chars().skip(pages[1]).take(21).collect::<String>(), "Nora Vandermeer 01:20");
}

#[test]
fn the_cli_names_the_suggested_interviewer_without_setting_the_role() {
    let dir = Dir::new();
    let project = dir.path("p.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p]);
    let out = on_project("import", &project, &[fixture("kinship-carer.srt").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("\"RUTH\" asks most of the questions: suggested role interviewer (not set; run: thicket participant"),
        "{}",
        stderr(&out)
    );
    let people = json(["list", p, "participants", "--format", "json"]);
    assert!(people.as_array().unwrap().iter().all(|x| x["role"].is_null()), "{people}");
    // Given on the command line, the role is set and nothing is suggested.
    let second = dir.path("q.thicket");
    let q = second.to_str().unwrap();
    ok(["new", q]);
    let out = on_project("import", &second, &[fixture("kinship-carer.srt").to_str().unwrap(), "--speaker-role", "RUTH=interviewer"]);
    assert!(!stderr(&out).contains("suggested role"), "{}", stderr(&out));
    let report = json(["list", q, "participants", "--format", "json"]);
    assert!(report.to_string().contains("\"interviewer\""), "{report}");
}

#[test]
fn each_file_of_a_batch_suggests_its_own_interviewer() {
    let dir = Dir::new();
    let project = dir.path("p.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p]);
    let files = [fixture("kinship-carer.srt"), fixture("otter-interview.pdf")];
    let out = on_project("import", &project, &[files[0].to_str().unwrap(), files[1].to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["suggested_roles"], serde_json::json!([["Nora Vandermeer", "interviewer"], ["RUTH", "interviewer"]]));
}
