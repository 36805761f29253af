//! The .html/.htm and .rtf importers on real files (tests/data/html, tests/data/rtf; regenerate
//! them with the make.py beside them): exact passages, speaker turns, encodings, and a clear
//! reason for every damaged file.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thicket_core::import::{ImportError, ImportSettings, ImportedDocument, import_bytes};
use thicket_core::text::TextError;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path)
}

fn import(path: &str) -> Result<Vec<ImportedDocument>, ImportError> {
    let bytes = std::fs::read(data(path)).unwrap();
    import_bytes(path, &bytes, &ImportSettings::default())
}

/// The single document a file gives.
fn doc(path: &str) -> ImportedDocument {
    let mut docs = import(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// Turn counts per speaker.
fn speakers(doc: &ImportedDocument) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for turn in &doc.turns {
        *counts.entry(turn.speaker.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Asserts that `passage` is a whole paragraph (or line) of the text.
fn has_line(doc: &ImportedDocument, passage: &str) {
    assert!(doc.text.lines().any(|l| l == passage), "no line {passage:?} in:\n{}", doc.text);
}

/// Asserts that `block` stands alone between blank lines.
fn has_paragraph(doc: &ImportedDocument, block: &str) {
    let padded = format!("\n\n{}\n\n", doc.text.trim_end());
    assert!(padded.contains(&format!("\n\n{block}\n\n")), "no paragraph {block:?} in:\n{}", doc.text);
}

fn text_of(doc: &ImportedDocument, turn: usize) -> String {
    let t = &doc.turns[turn];
    doc.text.chars().skip(t.span.start).take(t.span.end - t.span.start).collect()
}

// ---------------------------------------------------------------------------------------------
// RTF
// ---------------------------------------------------------------------------------------------

#[test]
fn rtf_from_libreoffice_reads_headings_transcript_lists_and_table() {
    let d = doc("rtf/home_visit_interview.rtf");
    assert_eq!(d.format, "rtf");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.page_starts, None);
    assert!(d.text.starts_with("Family Preservation Study – Home Visit Interview 7\n\nRecorded at the family’s home"));
    has_paragraph(&d, "Transcript");
    has_paragraph(
        &d,
        "[00:00:19] Zoë: Honestly? I was terrified. When the letter came I thought they’d come to take the kids, and I couldn’t sleep for days.",
    );
    has_paragraph(
        &d,
        "- Weekly home visits from the family support worker\n- Six parenting sessions at the family centre\n- Referral to the debt advice service",
    );
    has_paragraph(
        &d,
        "1. Review meeting with the school nurse in April\n2. José to attend the fathers’ group on Thursdays\n3. Zoë to contact the housing officer about the damp",
    );
    has_paragraph(
        &d,
        "Date | Contact | Notes\n06/02/2024 | Home visit | Both parents present; Mateo showed his reading book\n13/02/2024 | Phone call | Zoë rang to rearrange; car broken down\n20/02/2024 | Home visit | Gas arrears cleared; mood noticeably lighter",
    );
    assert!(d.text.ends_with("Field notes written up the same evening.\n"));
    assert!(!d.text.contains("Calibri") && !d.text.contains("Normal") && !d.text.contains("python-docx"), "tables and info are skipped");
}

#[test]
fn rtf_transcript_turns_have_speakers_and_timestamps() {
    let d = doc("rtf/home_visit_interview.rtf");
    assert_eq!(speakers(&d), BTreeMap::from([("Interviewer", 3), ("José", 3), ("Zoë", 3)]));
    let stamps: Vec<Option<u64>> = d.turns.iter().map(|t| t.timestamp_ms).collect();
    assert_eq!(stamps[..4], [Some(5_000), Some(19_000), Some(41_000), Some(62_000)]);
    assert_eq!(stamps.last(), Some(&Some(147_000)));
    assert_eq!(d.turns[2].speaker, "José");
    assert!(text_of(&d, 2).starts_with("I was angry more than scared. Nobody explained what “preservation” meant"));
}

#[test]
fn rtf_in_wordpad_style_decodes_code_page_bytes_unicode_and_old_bullets() {
    let d = doc("rtf/wordpad_fieldnote.rtf");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(
        d.text,
        "Field note – contact centre, 21 March 2024\n\n\
         Observed a supervised contact between Renée (mother) and her two children. The room was warm; the children went straight to the dolls’ house.\n\n\
         Reflection: the café staff knew the family by name, which seemed to settle Renée.\n\
         Follow up with the social worker about the naïve remark on “proper meals”.\n\n\
         - Children arrived 10:05, collected 11:30\n\
         - Mother brought fruit and a colouring book\n\n\
         Names are pseudonyms. —Z.\n"
    );
    assert!(d.turns.is_empty(), "\"Reflection:\" once is a header, not a speaker");
}

#[test]
fn damaged_rtf_files_give_reasons() {
    let err = import("rtf/bad/truncated.rtf").unwrap_err();
    assert!(matches!(&err, ImportError::Malformed(m) if m.contains("truncated")), "{err:?}");
    let err = import("rtf/bad/unbalanced.rtf").unwrap_err();
    assert!(matches!(&err, ImportError::Malformed(m) if m.contains("braces are unbalanced")), "{err:?}");
    let err = import("rtf/bad/not_rtf.rtf").unwrap_err();
    assert_eq!(err, ImportError::Malformed("it does not start with {\\rtf, so it is not an RTF file".into()));
    assert_eq!(import("rtf/bad/empty.rtf").unwrap_err(), ImportError::Text(TextError::Empty));

    let settings = ImportSettings::default();
    let nested = format!("{{\\rtf1 {}Deep{}}}", "{".repeat(10_000), "}".repeat(10_000));
    let err = import_bytes("nested.rtf", nested.as_bytes(), &settings).unwrap_err();
    assert_eq!(err, ImportError::Malformed("it is nested too deeply (over 1,000 levels)".into()));
    let only_formatting = br"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}\f0\fs24\par\par}";
    assert!(matches!(import_bytes("blank.rtf", only_formatting, &settings), Err(ImportError::NoText(m)) if m.contains("no text")));
    // Every prefix of a real file: an error or text, never a panic.
    let real = std::fs::read(data("rtf/home_visit_interview.rtf")).unwrap();
    for cut in (0..real.len()).step_by(97) {
        let _ = import_bytes("cut.rtf", &real[..cut], &settings);
    }
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

#[test]
fn html_from_libreoffice_reads_the_focus_group() {
    let d = doc("html/focus_group_libreoffice.html");
    assert_eq!(d.format, "html");
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.page_starts, None);
    assert!(d.text.starts_with("Practitioner Focus Group 2 – Keeping Families Together\n\nHeld at the Riverside family centre, 9 May 2024."));
    has_paragraph(&d, "Themes noted by the facilitator");
    has_paragraph(&d, "- First contact and trust\n- Written communication\n- Workforce pressures");
    has_paragraph(
        &d,
        "Pseudonym | Role | Years in post\nSiobhán | Senior social worker | 9\nAmara | Family support worker | 4\nHéloïse | Parent advocate | 2",
    );
    has_paragraph(&d, "Héloïse: Parents noticed. One dad told me it was the first letter from the council he’d read to the end.");
    assert!(!d.text.contains("line-height") && !d.text.contains("LibreOffice"), "head and styles are skipped");
    assert_eq!(speakers(&d), BTreeMap::from([("Amara", 3), ("Facilitator", 3), ("Héloïse", 3), ("Siobhán", 3)]));
    assert!(d.turns.iter().all(|t| t.timestamp_ms.is_none()));
    assert_eq!(text_of(&d, 1), "The first week is about getting through the door. If the parents think we’re the removal team, nothing else works.");
}

#[test]
fn html_in_windows_1252_with_declared_charset_tables_nested_lists_and_bold_labels() {
    let d = doc("html/case_notes_1252.htm");
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.text.starts_with("Case notes: Family F-0417\n\nWorker | Renée Douglas\nAllocated | 03/01/2024\nStatus | Open – family preservation\n\n"));
    has_paragraph(&d, "Mrs Kowalczyk: Better than the last one. Kacper slept through & Lena ate her tea without a fuss.");
    has_paragraph(&d, "Renée: And you – how are you coping with the school runs?");
    has_paragraph(
        &d,
        "- Ask the school about breakfast club for Kacper\n- Refer Mrs Kowalczyk to the kinship carers’ group\n  - Check the Thursday session has a crèche\n- Next home visit: Friday 19 January",
    );
    has_line(&d, "Signed: R. Douglas (family support worker)");
    for hidden in ["CaseView", "printPage", "font-family", "Case notes – Family"] {
        assert!(!d.text.contains(hidden), "{hidden:?} leaked into the text");
    }
    assert_eq!(speakers(&d), BTreeMap::from([("Mrs Kowalczyk", 3), ("Renée", 3)]));
}

#[test]
fn html_without_a_charset_in_a_legacy_encoding_is_decoded_and_reported() {
    let d = doc("html/legacy_no_charset.htm");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(
        d.text,
        "Observation – contact session, 5 February 2024\n\n\
         The café at the contact centre was busy. Zoë arrived early and set out the crayons; José came ten minutes late, apologising “for the buses”.\n\n\
         Both children were naïve about the recording – they asked if the microphone was a toy.\n"
    );
}

#[test]
fn damaged_html_files_give_reasons() {
    let err = import("html/bad/binary.html").unwrap_err();
    assert!(matches!(err, ImportError::Text(TextError::Binary { .. })), "{err:?}");
    assert!(err.to_string().contains("binary"));
    let err = import("html/bad/only_tags.html").unwrap_err();
    assert!(matches!(&err, ImportError::NoText(m) if m.contains("no text outside its markup")), "{err:?}");
    assert_eq!(import("html/bad/empty.html").unwrap_err(), ImportError::Text(TextError::Empty));

    let settings = ImportSettings::default();
    let deep = format!("<html><body>{}<p>Dana: still here.</p>{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000));
    assert_eq!(import_bytes("deep.html", deep.as_bytes(), &settings).unwrap()[0].text, "Dana: still here.\n");
    let unclosed = "<p>Zoë: <b>one <i>two</b> three<li>item<table><tr><td>a<td>b<script>var x = '<p>'";
    assert_eq!(import_bytes("unclosed.htm", unclosed.as_bytes(), &settings).unwrap()[0].text, "Zoë: one two three\n- item\n\na | b\n");
    // Every prefix of a real file: an error or text, never a panic.
    let real = std::fs::read(data("html/focus_group_libreoffice.html")).unwrap();
    for cut in (0..real.len()).step_by(13) {
        let _ = import_bytes("cut.html", &real[..cut], &settings);
    }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

fn thicket(args: &[&std::ffi::OsStr]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("thicket").unwrap().args(args).env("THICKET_CODER", "tester").output().unwrap()
}

#[test]
fn cli_imports_rtf_and_html_files_and_lists_their_format() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.thicket");
    let p = project.as_os_str();
    let o = thicket(&["new".as_ref(), p]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for file in ["rtf/home_visit_interview.rtf", "html/focus_group_libreoffice.html"] {
        let path = data(file);
        let o = thicket(&["import".as_ref(), p, path.as_os_str()]);
        assert!(o.status.success(), "{file}: {}", String::from_utf8_lossy(&o.stderr));
    }
    let o = thicket(&["list".as_ref(), p, "sources".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sources: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut formats: Vec<(String, String, u64)> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["format"].as_str().unwrap().to_string(), s["turns"].as_u64().unwrap()))
        .collect();
    formats.sort();
    assert_eq!(
        formats,
        [("focus_group_libreoffice".to_string(), "html".to_string(), 12), ("home_visit_interview".to_string(), "rtf".to_string(), 9)]
    );
    let bad = data("rtf/bad/truncated.rtf");
    let o = thicket(&["import".as_ref(), p, bad.as_os_str()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("truncated.rtf") && err.contains("truncated or damaged"), "{err}");
}
