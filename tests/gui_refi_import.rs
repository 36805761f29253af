//! File → Open a REFI-QDA project (.qdpx) and File → Import codebook (.qdc) in the real window,
//! through Thicket's own file browser (the tests run without an XDG portal): the user picks the
//! file, names the new project, and sees the import report; a codebook merges into the open
//! project and is undone in one step.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose
#![cfg(feature = "gui")]

mod common;

use std::io::Write;
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use thicket_gui::ThicketApp;

use common::gui::{menu, sample_harness_sized, step_until};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/refi");

fn window(dir: &Path) -> Harness<'static, ThicketApp> {
    sample_harness_sized(dir, egui::vec2(1200.0, 800.0))
}

fn go_to(harness: &mut Harness<'static, ThicketApp>, dir: &Path) {
    assert!(harness.state().file_browser().is_some(), "Thicket's own file browser is open");
    harness.get_by_role_and_label(Role::TextInput, "Location").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Location").type_text(&dir.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// A small fictional NVivo-style export: one source (BOM, CRLF; BMP characters only, as the
/// test fonts have no emoji: tests/import_refi.rs covers those), coded twice.
fn write_qdpx(path: &Path) {
    let text = "Home visit \u{2014} Okafor family\r\nAda: I felt judged again.\r\nSam: We rewrote the plan together.\r\n";
    let span = |needle: &str| {
        let at = text.find(needle).unwrap();
        let s = text[..at].encode_utf16().count();
        (s, s + needle.encode_utf16().count())
    };
    let (a, b) = span("I felt judged again.");
    let (c, d) = span("We rewrote the plan together.");
    let xml = format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Okafor visits" origin="NVivo for Windows 12.6">
<Users><User guid="9c1e0a52-3f1b-4a7e-9d51-2b6c3f7e8a01" name="Rosa"/></Users>
<CodeBook><Codes><Code guid="0b7d5c1e-2f4a-4c6b-9e8d-3a1f2b4c6d03" name="Feeling judged" isCodable="true" color="#D81B60"/><Code guid="6e3a9f20-8c1d-4b5e-a7f6-5d2c4b6a8e04" name="Repair" isCodable="true" color="#43A047"/></Codes></CodeBook>
<Sources><TextSource guid="5f0e1d2c-3b4a-4968-8776-655443322110" name="Home visit 1" plainTextPath="internal://5f0e1d2c-3b4a-4968-8776-655443322110.txt">
<PlainTextSelection guid="a1111111-1111-4111-8111-111111111111" name="" startPosition="{a}" endPosition="{b}"><Coding guid="a1111111-1111-5111-8111-111111111111" creatingUser="9c1e0a52-3f1b-4a7e-9d51-2b6c3f7e8a01"><CodeRef targetGUID="0b7d5c1e-2f4a-4c6b-9e8d-3a1f2b4c6d03"/></Coding></PlainTextSelection>
<PlainTextSelection guid="a2222222-2222-4222-8222-222222222222" name="" startPosition="{c}" endPosition="{d}"><Coding guid="a2222222-2222-5222-8222-222222222222" creatingUser="9c1e0a52-3f1b-4a7e-9d51-2b6c3f7e8a01"><CodeRef targetGUID="6e3a9f20-8c1d-4b5e-a7f6-5d2c4b6a8e04"/></Coding></PlainTextSelection>
</TextSource><AudioSource guid="f1111111-1111-4111-8111-111111111111" name="Visit recording.m4a" path="relative:///r.m4a"/></Sources>
</Project>"##
    );
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    w.start_file("project.qde", options).unwrap();
    w.write_all(xml.as_bytes()).unwrap();
    w.start_file("Sources/5f0e1d2c-3b4a-4968-8776-655443322110.txt", options).unwrap();
    w.write_all(b"\xEF\xBB\xBF").unwrap();
    w.write_all(text.as_bytes()).unwrap();
    w.finish().unwrap();
}

#[test]
fn opening_a_qdpx_creates_a_new_project_opens_it_and_shows_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let inbox = dir.path().join("from nvivo");
    std::fs::create_dir(&inbox).unwrap();
    write_qdpx(&inbox.join("okafor.qdpx"));
    std::fs::write(inbox.join("notes.txt"), "not a project").unwrap();

    menu(&mut harness, "File", "Open a REFI-QDA project (.qdpx)…");
    go_to(&mut harness, &inbox);
    assert!(harness.query_by_label("notes.txt").is_none(), "only .qdpx files are listed");
    harness.get_by_label("okafor.qdpx").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.run();
    // The new project's name is proposed beside the .qdpx.
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "File name").value().as_deref(), Some("okafor.thicket"));
    harness.get_by_label("Create").click();
    harness.run();
    step_until(&mut harness, |app| !app.refi_import().is_running() && app.project().is_some_and(|p| p.path().ends_with("okafor.thicket")));
    harness.run();

    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    let project = harness.state().project().unwrap();
    assert_eq!(project.path(), inbox.join("okafor.thicket"));
    let codings = project.all_codings().unwrap();
    let mut texts: Vec<String> = codings.into_iter().map(|c| c.quote.exact).collect();
    texts.sort();
    assert_eq!(texts, ["I felt judged again.", "We rewrote the plan together."]);
    // The report, as the user reads it.
    harness.get_by_label("REFI-QDA import report");
    harness.get_by_label_contains("Created: 1 coders, 2 codes, 1 sources, 2 codings");
    harness.get_by_label_contains("read as UTF-16 units, CRLF counted as two");
    harness.get_by_label_contains("audio source \"Visit recording.m4a\": audio is out of scope for now");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.query_by_label("REFI-QDA import report").is_none());
    assert!(harness.state().refi_import().report().is_none());
}

#[test]
fn a_codebook_merges_into_the_open_project_with_a_report_and_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path());
    let books = dir.path().join("books");
    std::fs::create_dir(&books).unwrap();
    std::fs::copy(Path::new(DATA).join("spec-annexA1-codebook.qdc"), books.join("topics.qdc")).unwrap();
    let before = harness.state().project().unwrap().codebook().unwrap().len();

    menu(&mut harness, "File", "Import codebook (.qdc)…");
    go_to(&mut harness, &books);
    harness.get_by_label("topics.qdc").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    harness.run();
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());
    assert_eq!(harness.state().project().unwrap().codebook().unwrap().len(), before + 6);
    harness.get_by_label("Codebook import report");
    harness.get_by_label_contains("Created: 6 codes, 0 memos");
    harness.get_by_label_contains("2 code folder(s) (not codable in the file) are ordinary codes in Thicket");
    harness.get_by_label("Close").click();
    harness.run();

    // One step: undo takes the whole codebook back.
    menu(&mut harness, "Edit", "Undo Import codebook");
    harness.run();
    assert_eq!(harness.state().project().unwrap().codebook().unwrap().len(), before);
}
