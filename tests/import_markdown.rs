//! Markdown transcripts through the importer: the words and speaker labels without their
//! markup, and each escaped timestamp kept as its turn's time.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use thicket_core::import::{ImportSettings, import_bytes};

/// The layout a transcription service writes when it exports Markdown.
const TRANSCRIPT: &str = "# Interview with the Harlow family\n\n\
\\[00:04:08.10\\] **Tim Smith:** So how did the first week go?\n\n\
\\[00:04:15.42\\] **Dana Harlow:** Better than I *thought*, honestly.\n\n\
\\[00:04:30.00\\] **Tim Smith:** What made the difference?\n\n\
\\[00:04:41.75\\] **Dana Harlow:** She listened before she wrote anything down.\n";

#[test]
fn a_markdown_transcript_keeps_speakers_and_times_but_not_its_markup() {
    let doc = import_bytes("visit.md", TRANSCRIPT.as_bytes(), &ImportSettings::default()).unwrap().remove(0);
    assert!(!doc.text.contains('*') && !doc.text.contains('\\') && !doc.text.contains('#'), "{}", doc.text);
    assert!(doc.text.starts_with("Interview with the Harlow family\n\n[00:04:08.10] Tim Smith: So how did"), "{}", doc.text);
    let speakers: Vec<&str> = doc.turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(speakers, ["Tim Smith", "Dana Harlow", "Tim Smith", "Dana Harlow"]);
    let times: Vec<Option<u64>> = doc.turns.iter().map(|t| t.timestamp_ms).collect();
    assert_eq!(times, [Some(248_100), Some(255_420), Some(270_000), Some(281_750)]);
    let first: String = doc.text.chars().skip(doc.turns[1].span.start).take(doc.turns[1].span.end - doc.turns[1].span.start).collect();
    assert_eq!(first.trim_end(), "Better than I thought, honestly.");
}
