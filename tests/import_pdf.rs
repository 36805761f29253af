//! The .pdf importer on real PDFs (tests/data/pdf, made by make.py with fpdf2 and LibreOffice): exact text,
//! page starts, speaker turns and timestamps; the errors for encrypted, scanned, truncated and mislabelled
//! files; robustness against damaged bytes; and the CLI importing one.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use thicket_core::import::{ImportError, ImportSettings, ImportedDocument, import_bytes};
use thicket_core::text::TextError;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/pdf/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn import(name: &str) -> Result<Vec<ImportedDocument>, ImportError> {
    import_bytes(name, &data(name), &ImportSettings::default())
}

fn one(name: &str) -> ImportedDocument {
    let mut docs = import(name).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// Turn counts by speaker.
fn speakers(doc: &ImportedDocument) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for t in &doc.turns {
        *counts.entry(t.speaker.clone()).or_insert(0) += 1;
    }
    counts
}

/// The text from char offset `start`, `len` chars long.
fn chars_at(text: &str, start: usize, len: usize) -> String {
    text.chars().skip(start).take(len).collect()
}

/// The text of a char range.
fn slice(text: &str, range: &std::ops::Range<usize>) -> String {
    text.chars().skip(range.start).take(range.end - range.start).collect()
}

#[test]
fn fpdf_interview_keeps_paragraphs_pages_and_accented_speakers() {
    let doc = one("interview_fpdf.pdf");
    assert_eq!(doc.format, "pdf");
    assert_eq!(doc.encoding, "PDF");
    let text = &doc.text;
    assert!(text.starts_with("Family Preservation Study – Interview 7\n\nDate: 14 March 2024\nLocation: the family home, north Leeds\n"));
    // A wrapped speaker paragraph: its lines joined into one (new imports since issue #11), a blank line after it.
    assert!(text.contains(
        "\n\nZoë: It started after the school rang children's services about Kai's attendance. I \
         was frightened at first, honestly. I thought they had come to take the children, \
         because that is what you hear on the estate.\n\n"
    ), "{text}");
    assert!(text.contains("\n\nDana: Zoë, was there a moment when that trust changed?\n\nInterview 7 · page 2 of 4\n\n"));
    assert!(text.ends_with("Dana: Thank you. That is everything I wanted to ask.\n\nInterview 7 · page 4 of 4"));
    assert!(!text.contains("  ") && !text.contains(" \n") && !text.contains("\n\n\n") && !text.contains('\r'));

    let starts = doc.page_starts.clone().unwrap();
    assert_eq!(starts.len(), 4);
    assert_eq!(starts[0], 0);
    assert_eq!(chars_at(text, starts[1], 48), "Dana: What did proving it look like in practice?");
    assert_eq!(chars_at(text, starts[2], 43), "Zoë: When Kai had his meltdown at the revie");
    assert_eq!(chars_at(text, starts[3], 27), "Zoë: Kai is going to school");
    for start in &starts[1..] {
        assert_eq!(chars_at(text, start - 2, 2), "\n\n", "a page break is a paragraph break");
    }
    assert_eq!(starts, [0, 738, 1250, 1702]);

    let expected: BTreeMap<String, usize> = [("Dana", 5), ("José", 4), ("Zoë", 4)].map(|(s, n)| (s.to_string(), n)).into();
    assert_eq!(speakers(&doc), expected);
    let first = &doc.turns[0];
    assert_eq!(first.speaker, "Dana");
    assert_eq!(slice(text, &first.label), "Dana:");
    assert!(slice(text, &first.span).starts_with("Thank you both for making the time."));
    assert_eq!(first.timestamp_ms, None);
}

#[test]
fn libreoffice_focus_group_has_headings_lists_table_rows_and_timestamps() {
    let doc = one("focus_group_libreoffice.pdf");
    let text = &doc.text;
    assert!(text.starts_with(
        "Focus group 2: family support workers\n\n\
         Recorded at the Harehills family hub on 9 May 2024. Transcribed verbatim; names are pseudonyms.\n\n\
         Ground rules agreed\n\n\
         - Everything said stays in the room.\n- One person speaks at a time.\n- Anyone can stop the recording.\n\n\
         [00:00:41] Priya: Shall we begin with caseloads?"
    ), "{text}");
    assert!(text.contains("\n\n[00:00:52] Siobhán: Mine is fourteen families at the moment. The guidance says twelve, but nobody believes the guidance.\n\n"), "{text}");
    // Table rows: one line each (a PDF does not say where cells start, so cells are separated by spaces).
    assert!(text.contains("\n\nWorker Families In pre-proceedings\n\nSiobhán 14 1\n\nMehmet 16 2\n\n"));

    let starts = doc.page_starts.clone().unwrap();
    assert_eq!(starts.len(), 3);
    assert_eq!(chars_at(text, starts[1], 17), "[00:01:37] Priya:");
    assert_eq!(chars_at(text, starts[2], 32), "[00:03:05] Priya: Last question.");
    assert_eq!(starts, [0, 612, 1099]);

    let expected: BTreeMap<String, usize> = [("Mehmet", 3), ("Priya", 4), ("Siobhán", 3)].map(|(s, n)| (s.to_string(), n)).into();
    assert_eq!(speakers(&doc), expected);
    let stamps: Vec<(&str, Option<u64>)> = doc.turns.iter().map(|t| (t.speaker.as_str(), t.timestamp_ms)).collect();
    assert_eq!(
        stamps,
        [
            ("Priya", Some(41_000)),
            ("Siobhán", Some(52_000)),
            ("Mehmet", Some(70_000)),
            ("Priya", Some(97_000)),
            ("Siobhán", Some(109_000)),
            ("Mehmet", Some(140_000)),
            ("Priya", Some(185_000)),
            ("Mehmet", Some(194_000)),
            ("Siobhán", Some(206_000)),
            ("Priya", Some(220_000)),
        ]
    );
    assert_eq!(slice(text, &doc.turns[0].label), "[00:00:41] Priya:");
}

#[test]
fn a_blank_page_still_gets_a_page_start() {
    let doc = one("blank_middle_page.pdf");
    assert_eq!(doc.text, "Visit note, 3 June 2024. Renée was at home with both children.\n\nFollow-up: the health visitor will call on Friday.");
    let starts = doc.page_starts.clone().unwrap();
    assert_eq!(starts, [0, 64, 64], "the empty page starts where the next text does");
    assert_eq!(chars_at(&doc.text, starts[2], 10), "Follow-up:");
}

#[test]
fn a_pdf_protected_only_against_editing_imports() {
    // Encrypted, but with an empty user password: every reader opens it without asking.
    let doc = one("owner_password_only.pdf");
    assert_eq!(doc.text, "Dana: Is this recording?\n\nMarta: Yes, the red light is on.\n\nDana: Good.\n\nMarta: Go ahead.\n\nDana: Thank you.\n\nMarta: You are welcome.");
    let expected: BTreeMap<String, usize> = [("Dana", 3), ("Marta", 3)].map(|(s, n)| (s.to_string(), n)).into();
    assert_eq!(speakers(&doc), expected);
    assert_eq!(doc.page_starts, Some(vec![0]));
}

#[test]
fn bad_pdfs_give_the_right_error_and_reason() {
    assert_eq!(import("encrypted.pdf"), Err(ImportError::Malformed("it is encrypted; remove the password and import again".into())));
    assert_eq!(
        import("scanned.pdf"),
        Err(ImportError::NoText("the PDF has no text layer (it is probably a scanned image; run OCR first)".into()))
    );
    assert_eq!(
        import("truncated.pdf"),
        Err(ImportError::Malformed("the PDF is incomplete: its end is missing (was a download or copy cut short?)".into()))
    );
    assert_eq!(import("empty.pdf"), Err(ImportError::Text(TextError::Empty)));
    assert_eq!(import("renamed_text.pdf"), Err(ImportError::Malformed("it does not start with %PDF, so it is not a PDF file".into())));
    let err = import("encrypted.pdf").unwrap_err().to_string();
    assert_eq!(err, "it is encrypted; remove the password and import again");
}

#[test]
fn damaged_pdfs_never_panic() {
    for name in ["interview_fpdf.pdf", "focus_group_libreoffice.pdf", "scanned.pdf", "owner_password_only.pdf"] {
        let bytes = data(name);
        let step = (bytes.len() / 40).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            check_no_panic(name, &bytes[..cut]);
            let mut corrupt = bytes.clone();
            for (i, b) in corrupt.iter_mut().skip(cut).take(24).enumerate() {
                *b = b"0 R<<>>[]/Do(q)BT\xff\x00ET endobj"[i % 24];
            }
            check_no_panic(name, &corrupt);
        }
    }
}

/// Imports damaged bytes: any outcome but a panic is fine, and an error must give a reason.
fn check_no_panic(name: &str, bytes: &[u8]) {
    let outcome = std::panic::catch_unwind(|| import_bytes(name, bytes, &ImportSettings::default()));
    match outcome {
        Ok(Ok(docs)) => assert!(!docs.is_empty()),
        Ok(Err(e)) => assert!(!e.to_string().is_empty()),
        Err(_) => panic!("importing damaged {name} ({} bytes) panicked", bytes.len()),
    }
}

#[test]
fn cli_imports_a_pdf_and_lists_it_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.thicket");
    let pdf = dir.path().join("Interview 7.pdf");
    std::fs::write(&pdf, data("interview_fpdf.pdf")).unwrap();
    let thicket = || assert_cmd::Command::cargo_bin("thicket").unwrap();
    thicket().arg("new").arg(&project).assert().success();
    thicket().arg("import").arg(&project).arg(&pdf).assert().success();
    let out = thicket().arg("list").arg(&project).arg("sources").arg("--format").arg("json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sources: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sources.as_array().unwrap().len(), 1);
    assert_eq!(sources[0]["name"], "Interview 7");
    assert_eq!(sources[0]["format"], "pdf");
    assert_eq!(sources[0]["turns"], 13);

    let scanned = dir.path().join("scan.pdf");
    std::fs::write(&scanned, data("scanned.pdf")).unwrap();
    let out = thicket().arg("import").arg(&project).arg(&scanned).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("scan.pdf") && stderr.contains("the PDF has no text layer"), "{stderr}");
}
