//! Subtitle (.srt, .vtt) and table (.csv, .xlsx) import on the real files in tests/data/subtitles and
//! tests/data/tables (regenerate them with the make.py beside them), through the public `import_bytes`
//! and through the CLI.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thicket_core::import::{ImportError, ImportSettings, ImportedDocument, TableMode, import_bytes};
use thicket_core::text::{TextError, slice_chars};

fn data_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

fn data(rel: &str) -> Vec<u8> {
    std::fs::read(data_path(rel)).unwrap()
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap()
}

fn import(rel: &str) -> Result<Vec<ImportedDocument>, ImportError> {
    import_bytes(file_name(rel), &data(rel), &ImportSettings::default())
}

fn one(rel: &str) -> ImportedDocument {
    let mut docs = import(rel).unwrap();
    assert_eq!(docs.len(), 1, "{rel} gives one source");
    docs.remove(0)
}

fn turn_counts(doc: &ImportedDocument) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for t in &doc.turns {
        *counts.entry(t.speaker.as_str()).or_default() += 1;
    }
    counts
}

/// (speaker, label as it reads in the text, spoken text, timestamp) of every turn.
fn turns(doc: &ImportedDocument) -> Vec<(&str, &str, &str, Option<u64>)> {
    doc.turns
        .iter()
        .map(|t| {
            (t.speaker.as_str(), slice_chars(&doc.text, t.label.clone()).unwrap(), slice_chars(&doc.text, t.span.clone()).unwrap(), t.timestamp_ms)
        })
        .collect()
}

fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

const INTERVIEW: &str = "Interviewer: Thanks for having me again. Is it all right if I record?\n\n\
Zoë: Yes, that's fine.\n\n\
Interviewer: Last time you said the visits felt like inspections. Has that changed?\n\n\
Zoë: A bit. Since Renée took over it feels more like she's on our side. She asks what's worked this week, not just what's gone wrong.\n\n\
José: I'm still not sure, to be honest. She's nice, but the plan is the plan. They decide, we sign.\n\n\
Zoë: That's not fair, José.\n\n\
José: It's how it feels.\n\n\
Interviewer: What would make it feel more like your plan too?\n\n\
José: Being asked before the meeting, not told in it. [laughs] That'd be a start.\n\n\
Zoë: And the kids. Mia wants to say what she thinks about contact.\n\n\
Interviewer: Has anyone asked Mia directly?\n\n\
Zoë: Renée did, last Tuesday. First time anyone has.\n\n\
Interviewer: Thank you both. Let's stop there.\n";

// ---------------------------------------------------------------------------------------------
// Subtitles

#[test]
fn srt_interview_becomes_a_transcript_with_one_timed_turn_per_speaker_change() {
    let doc = one("subtitles/interview.srt");
    assert_eq!(doc.format, "srt");
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.page_starts, None);
    assert_eq!(doc.text, INTERVIEW);
    assert_eq!(turn_counts(&doc), BTreeMap::from([("Interviewer", 5), ("José", 3), ("Zoë", 5)]));
    let t = turns(&doc);
    assert_eq!(t[0], ("Interviewer", "Interviewer:", "Thanks for having me again. Is it all right if I record?", Some(1200)));
    // Two cues of Zoë join into one turn, timed at the first.
    assert_eq!(
        t[3],
        ("Zoë", "Zoë:", "A bit. Since Renée took over it feels more like she's on our side. She asks what's worked this week, not just what's gone wrong.", Some(12_000))
    );
    // One cue with two dialogue lines gives two turns at the cue's start.
    assert_eq!(t[5], ("Zoë", "Zoë:", "That's not fair, José.", Some(28_000)));
    assert_eq!(t[6], ("José", "José:", "It's how it feels.", Some(28_000)));
    assert_eq!(t[12], ("Interviewer", "Interviewer:", "Thank you both. Let's stop there.", Some(62_050)));
}

#[test]
fn srt_in_utf16_reads_the_same() {
    let doc = one("subtitles/interview-utf16.srt");
    assert_eq!(doc.encoding, "UTF-16LE");
    assert_eq!(doc.text, INTERVIEW);
    assert_eq!(doc.turns, one("subtitles/interview.srt").turns);
}

#[test]
fn vtt_voices_become_turns_and_notes_styles_and_regions_are_skipped() {
    let doc = one("subtitles/family-group-conference.vtt");
    assert_eq!((doc.format.as_str(), doc.encoding.as_str()), ("vtt", "UTF-8"));
    let paragraphs: Vec<&str> = doc.text.trim_end().split("\n\n").collect();
    assert_eq!(
        paragraphs[..3],
        [
            "Siobhán: Welcome, everyone. This meeting is for the family to make the plan. Renée will start with what children's services are worried about.",
            "Renée: Thank you. The main worry is the mornings: the children arriving late & hungry. That's happened eleven times this term.",
            "Tomás: I can do the school run. I'm retired, I've got the car.",
        ]
    );
    assert_eq!(paragraphs[6], "Tomás: Marisol's sister lives round the corner. She'd do it.");
    assert_eq!(paragraphs.last(), Some(&"Tomás: Thank you."));
    for hidden in ["NOTE", "pseudonyms", "::cue", "width:80%", "worry-1", "align:center", "<", "&amp;", "Kind:"] {
        assert!(!doc.text.contains(hidden), "{hidden:?} leaked into the text");
    }
    assert_eq!(turn_counts(&doc), BTreeMap::from([("Renée", 3), ("Siobhán", 4), ("Tomás", 4)]));
    let times: Vec<Option<u64>> = doc.turns.iter().map(|t| t.timestamp_ms).collect();
    assert_eq!(
        times,
        [500, 8300, 16_500, 20_600, 23_700, 28_400, 32_500, 36_200, 902_000, 907_000, 910_400].map(Some)
    );
}

/// A long subtitle file is read whole, every cue a timestamped turn. How fast is measured by
/// `cargo bench --bench thicket -- import_parse_srt`, not asserted here.
#[test]
fn srt_with_100000_cues_is_read_whole() {
    let srt = thicket_bench::corpus::long_srt(100_000);
    let docs = import_bytes("long.srt", srt.as_bytes(), &ImportSettings::default()).unwrap();
    assert_eq!(docs[0].turns.len(), 100_000);
    assert_eq!(docs[0].turns[99_999].timestamp_ms, Some(199_998_000));
}

// ---------------------------------------------------------------------------------------------
// Tables

/// The attributes of survey row R01, as every survey file gives them (dates aside).
fn r01_attributes(date: &str) -> Vec<(String, String)> {
    attrs(&[("id", "R01"), ("role", "caregiver"), ("case", "Núñez family"), ("date", date), ("visits", "6"), ("consent", "true")])
}

const R02: &str = "When Renée first came, I didn't trust her.\nShe said \"we're on the same side\", and I laughed.\nNow I ring her before I ring my sister.";

/// The checks every survey file passes: 11 answered rows of 12, named by row, answers as text.
fn check_survey(docs: &[ImportedDocument], format: &str, encoding: &str, date: &str) {
    assert_eq!(docs.len(), 11, "R07 left the answer empty");
    for d in docs {
        assert_eq!((d.format.as_str(), d.encoding.as_str()), (format, encoding));
        assert!(d.turns.is_empty() && d.page_starts.is_none());
    }
    assert_eq!(docs[0].name.as_deref(), Some("row 2"));
    assert_eq!(docs[0].text, "Renée actually listens. She rang back the same day when the boiler went, which nobody had done before.");
    assert_eq!(docs[0].attributes, r01_attributes(date));
    assert_eq!(docs[1].text, R02);
    assert_eq!(docs[3].text, "Trust took about six weeks. Zoë tested me by cancelling twice; turning up anyway mattered more than the plan.");
    assert_eq!(docs[4].attributes.iter().find(|(k, _)| k == "consent").map(|(_, v)| v.as_str()), Some("false"));
    assert_eq!(docs[6].name.as_deref(), Some("row 9"), "row 8 (R07) has no answer");
    assert_eq!(docs[6].attributes[0], ("id".to_string(), "R08".to_string()));
    assert_eq!(docs[10].text, "Too early to say. She seems fair – she wrote down what I said in my words, not hers.");
    assert_eq!(docs[10].attributes[2], ("case".to_string(), "Kowalczyk family".to_string()));
}

#[test]
fn utf8_csv_with_bom_gives_one_source_per_answered_row() {
    check_survey(&import("tables/survey.csv").unwrap(), "csv", "UTF-8", "2024-03-04");
}

#[test]
fn european_excel_csv_is_windows_1252_and_semicolon_separated() {
    check_survey(&import("tables/survey-excel-eu.csv").unwrap(), "csv", "windows-1252", "04/03/2024");
}

#[test]
fn xlsx_cells_read_as_typed_in_the_first_worksheet() {
    let docs = import("tables/survey.xlsx").unwrap();
    check_survey(&docs, "xlsx", "UTF-8", "2024-03-04");
    assert!(docs.iter().all(|d| !d.text.contains("This sheet is not imported")));
}

#[test]
fn table_columns_can_be_chosen_or_the_file_kept_whole() {
    let settings = ImportSettings { name_column: Some("id".into()), text_column: Some("answer".into()), ..Default::default() };
    let docs = import_bytes("survey.xlsx", &data("tables/survey.xlsx"), &settings).unwrap();
    assert_eq!(docs[1].name.as_deref(), Some("R02"));
    assert_eq!(docs[1].text, R02);
    assert!(!docs[1].attributes.iter().any(|(k, _)| k == "id"));
    let whole = ImportSettings { table: TableMode::FilePerSource, ..Default::default() };
    let docs = import_bytes("survey.csv", &data("tables/survey.csv"), &whole).unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs[0].text.starts_with("id: R01\nrole: caregiver\ncase: Núñez family\ndate: 2024-03-04\nvisits: 6\nconsent: true\nanswer: Renée"));
    let missing = ImportSettings { text_column: Some("comments".into()), ..Default::default() };
    let err = import_bytes("survey.csv", &data("tables/survey.csv"), &missing).unwrap_err();
    assert!(matches!(&err, ImportError::Malformed(m) if m.contains("no text column \"comments\"") && m.contains("answer")), "{err}");
}

#[test]
fn ragged_csv_rows_are_padded_and_extra_cells_kept() {
    let docs = import("tables/ragged.csv").unwrap();
    assert_eq!(docs.len(), 2, "R01 has no answer cell");
    assert_eq!(docs[0].name.as_deref(), Some("row 3"));
    assert_eq!(docs[0].text, "She came back the next day.");
    assert_eq!(docs[0].attributes, attrs(&[("id", "R02"), ("role", "social worker"), ("column 4", "extra note")]));
    assert_eq!(docs[1].text, "It's better now.");
}

// ---------------------------------------------------------------------------------------------
// Malformed input

/// Whether an error is of the expected variant.
type IsVariant = fn(&ImportError) -> bool;

#[test]
fn malformed_files_give_the_right_error_and_reason() {
    let cases: &[(&str, IsVariant, &str)] = &[
        ("subtitles/empty.srt", |e| *e == ImportError::Text(TextError::Empty), "empty"),
        ("subtitles/empty.vtt", |e| *e == ImportError::Text(TextError::Empty), "empty"),
        ("tables/empty.csv", |e| *e == ImportError::Text(TextError::Empty), "empty"),
        ("subtitles/no-header.vtt", |e| matches!(e, ImportError::Malformed(_)), "does not start with the \"WEBVTT\" header"),
        ("subtitles/garbage-timestamps.srt", |e| matches!(e, ImportError::Malformed(_)), "line 11 has a bad cue timing \"00:00:07,3OO --> 00:00:1l,600\""),
        ("tables/binary.csv", |e| matches!(e, ImportError::Text(TextError::Binary { .. })), "binary file"),
        ("tables/renamed-csv.xlsx", |e| matches!(e, ImportError::Malformed(_)), "not a ZIP archive, so not an .xlsx workbook"),
        ("tables/truncated.xlsx", |e| matches!(e, ImportError::Malformed(_)), "damaged or truncated"),
        ("tables/far-apart-cells.xlsx", |e| matches!(e, ImportError::TooLarge(_)), "1048576 rows by 16384 columns"),
    ];
    for (rel, variant, reason) in cases {
        let err = import(rel).unwrap_err();
        assert!(variant(&err), "{rel}: wrong variant {err:?}");
        assert!(err.to_string().contains(reason), "{rel}: {err}");
    }
}

#[test]
fn files_without_cues_or_rows_have_no_text() {
    let no_cues = import_bytes("notes.srt", "Visit notes, no timings here.\n".as_bytes(), &ImportSettings::default());
    assert!(matches!(no_cues, Err(ImportError::NoText(m)) if m.contains("no subtitle cues")));
    let header_only = import_bytes("h.csv", b"id,answer\n", &ImportSettings::default());
    assert!(matches!(header_only, Err(ImportError::NoText(m)) if m.contains("no rows")));
}

#[test]
fn no_file_panics_under_any_of_these_extensions_even_cut_short() {
    let mut files = Vec::new();
    for dir in ["subtitles", "tables"] {
        for entry in std::fs::read_dir(data_path(dir)).unwrap() {
            files.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
    for bytes in &files {
        for cut in [bytes.len(), bytes.len() * 3 / 4, bytes.len() / 3, 7, 1] {
            let bytes = &bytes[..cut.min(bytes.len())];
            for ext in ["srt", "vtt", "csv", "xlsx"] {
                let _ = import_bytes(&format!("f.{ext}"), bytes, &ImportSettings::default());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The CLI

#[test]
fn cli_imports_subtitles_and_a_survey_and_lists_their_formats() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.thicket");
    let thicket = || assert_cmd::Command::cargo_bin("thicket").unwrap();
    thicket().arg("new").arg(&project).assert().success();
    thicket()
        .arg("import")
        .arg(&project)
        .arg(data_path("subtitles/family-group-conference.vtt"))
        .arg(data_path("subtitles/interview.srt"))
        .arg(data_path("tables/survey.xlsx"))
        .assert()
        .success();
    let out = thicket().arg("list").arg(&project).arg("sources").arg("--format").arg("json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sources: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_name = |name: &str| sources.as_array().unwrap().iter().find(|s| s["name"] == name).cloned().unwrap_or_default();
    let vtt = by_name("family-group-conference");
    assert_eq!((vtt["format"].as_str(), vtt["turns"].as_u64()), (Some("vtt"), Some(11)));
    let srt = by_name("interview");
    assert_eq!((srt["format"].as_str(), srt["turns"].as_u64()), (Some("srt"), Some(13)));
    let row = by_name("survey – row 3");
    assert_eq!((row["format"].as_str(), row["file"].as_str()), (Some("xlsx"), Some("survey.xlsx")));
    let rows = sources.as_array().unwrap().iter().filter(|s| s["format"] == "xlsx").count();
    assert_eq!(rows, 11);
}
