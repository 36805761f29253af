//! DOCX exports read back: `thicket export PROJECT excerpts --format docx` and the shared
//! `export::document::to_docx` writer. The files are unzipped and parsed: the named styles Word's
//! navigation pane and table of contents rely on, the TOC field and the footer's PAGE field, a
//! repeated table header, and quotes equal to their codings' text character for character, on
//! the sample study and on text with tabs, runs of spaces, line breaks, markup characters, emoji
//! and right-to-left script.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::docx::Docx;
use common::*;
use serde_json::Value;
use thicket_core::Project;
use thicket_core::export::document::{Block, Document, to_docx};

/// Each coding's exact text, by id, from `segments`.
fn coded_texts(project: &Path) -> HashMap<i64, String> {
    let segments = json(["segments", project.to_str().unwrap(), "--all-codes", "--format", "json"]);
    segments.as_array().unwrap().iter().map(|s| (s["coding_id"].as_i64().unwrap(), s["text"].as_str().unwrap().to_string())).collect()
}

/// The coding ids of a JSON export with `args`, in the export's order.
fn exported_ids(project: &Path, args: &[&str]) -> Vec<i64> {
    let json: Value =
        serde_json::from_str(&ok([&["export", project.to_str().unwrap(), "excerpts"], args, &["--format", "json", "--out", "-"]].concat())).unwrap();
    let mut ids = Vec::new();
    for g in json["groups"].as_array().unwrap() {
        for s in g["sections"].as_array().unwrap() {
            ids.extend(s["excerpts"].as_array().unwrap().iter().map(|e| e["coding_id"].as_i64().unwrap()));
        }
    }
    ids
}

fn export_docx(dir: &Dir, project: &Path, args: &[&str]) -> Docx {
    let out = dir.path("out.docx");
    ok([&["export", project.to_str().unwrap(), "excerpts"], args, &["--format", "docx", "--out", out.to_str().unwrap()]].concat());
    Docx::open(&out)
}

fn sample(dir: &Dir) -> PathBuf {
    let s = dir.path("s.thicket");
    ok(["sample", s.to_str().unwrap()]);
    s
}

#[test]
fn the_samples_quotes_are_their_codings_text_with_citations_headings_and_a_table_of_contents() {
    let dir = Dir::new();
    let s = sample(&dir);
    let texts = coded_texts(&s);
    let args = ["--all-codes", "--context", "1", "--memos", "--other-codes", "--definitions", "--counts"];
    let ids = exported_ids(&s, &args);
    let docx = export_docx(&dir, &s, &args);
    let quotes = docx.styled("Quote");
    assert!(quotes.len() > 100, "{}", quotes.len());
    assert_eq!(quotes, ids.iter().map(|id| texts[id].clone()).collect::<Vec<_>>());
    // One citation per quote, each in the Citation style.
    let citations = docx.styled("Citation");
    assert_eq!(citations.len(), quotes.len());
    assert!(citations.iter().all(|c| c.starts_with('(') && c.ends_with(')')), "{citations:?}");
    // The title, a heading per code (with its count), and a TOC entry linking to each.
    assert_eq!(docx.styled("Title"), ["Excerpts: The working alliance in family preservation (sample study)"]);
    let headings = docx.styled("Heading1");
    assert!(headings.iter().any(|h| h.starts_with("Ruptures/Withdrawal (")), "{headings:?}");
    assert_eq!(docx.styled("TOC1"), headings);
    let body = docx.part("word/document.xml");
    assert!(body.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText>"), "a TOC field");
    assert_eq!(body.matches("<w:bookmarkStart ").count(), headings.len());
    assert!(docx.part("word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"), "Word updates the TOC on opening");
    // Definitions, context, other codes and memos are paragraphs of their own.
    assert!(docx.paragraphs().iter().any(|p| p.style.is_empty() && p.text.starts_with("Definition: A withdrawal rupture")));
    let notes = docx.styled("Note");
    assert!(notes.iter().any(|n| n.starts_with("Also coded: ")), "{notes:?}");
    assert!(notes.iter().any(|n| n.starts_with("Before: ")) && notes.iter().any(|n| n.starts_with("After: ")), "context");
}

#[test]
fn styles_are_named_as_word_knows_them_and_the_footer_numbers_pages() {
    let dir = Dir::new();
    let s = sample(&dir);
    let docx = export_docx(&dir, &s, &["--code", "Repair", "--subcodes", "--group-by", "code-case"]);
    for (id, name, outline) in [("Heading1", "heading 1", Some(0)), ("Heading2", "heading 2", Some(1)), ("Heading3", "heading 3", Some(2))] {
        let style = docx.style(id);
        assert_eq!((style.kind.as_str(), style.name.as_str(), style.outline), ("paragraph", name, outline));
    }
    for (id, name) in [("Title", "Title"), ("Quote", "Quote"), ("Citation", "Citation"), ("Note", "Note"), ("TOC1", "toc 1"), ("ListBullet", "List Bullet")] {
        assert_eq!(docx.style(id).name, name);
    }
    assert_eq!(docx.style("TableGrid").kind, "table");
    // Cases are Heading 2 under each code.
    let paragraphs = docx.paragraphs();
    let first_h2 = paragraphs.iter().position(|p| p.style == "Heading2").unwrap();
    assert!(paragraphs[..first_h2].iter().any(|p| p.style == "Heading1"));
    // The footer: a PAGE field, referenced by the section and the part relationships.
    assert!(docx.part("word/footer1.xml").contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(docx.part("word/document.xml").contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"));
    assert!(docx.part("word/_rels/document.xml.rels").contains("Id=\"rIdFooter1\""));
    let types = docx.part("[Content_Types].xml");
    for part in ["/word/document.xml", "/word/styles.xml", "/word/settings.xml", "/word/numbering.xml", "/word/footer1.xml"] {
        assert!(types.contains(&format!("PartName=\"{part}\"")), "{part} has a content type");
    }
    // One group: no table of contents, and nothing for Word to update.
    let one = export_docx(&dir, &s, &["--code", "Repair/Honesty"]);
    assert!(one.styled("TOC1").is_empty() && !one.part("word/document.xml").contains("TOC \\o"));
    assert!(!one.part("word/settings.xml").contains("updateFields"));
}

/// A case file whose lines hold what escaping and whitespace handling get wrong.
const HARD_TEXT: &str = "Intake\tnote:  two  spaces,\tthen a tab.\n\
    Dana said: \"I'm <not> leaving & that's final\" 😊👨‍👩‍👧\n\
    \n\
    The interpreter wrote: שלום, مرحبا بكم — and read it back.\n\
    Trailing spaces   \n\
    \t\tIndented by two tabs.\n";

#[test]
fn quotes_with_tabs_spaces_breaks_markup_emoji_and_right_to_left_text_are_exact() {
    let dir = Dir::new();
    let project = dir.path("hard.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p, "--title", "Hard text"]);
    let file = dir.write("intake.txt", HARD_TEXT);
    ok(["import", p, file.to_str().unwrap(), "--kind", "case_file", "--case", "Test family"]);
    ok(["code", p, "add", "Everything"]);
    ok(["code", p, "add", "Pieces"]);
    let text = {
        let project = Project::open(&project).unwrap();
        let text = project.source_text(project.source_named("intake").unwrap().id).unwrap();
        project.close().unwrap();
        text
    };
    let chars = text.chars().count();
    let range = |needle: &str| {
        let start = text[..text.find(needle).unwrap()].chars().count();
        format!("{start}..{}", start + needle.chars().count())
    };
    // The whole text, and pieces that start or end in whitespace or inside a line.
    ok(["code", p, "apply", "Everything", "--source", "intake", "--range", &format!("0..{chars}")]);
    for piece in ["\tnote:  two  spaces,\t", "\"I'm <not> leaving & that's final\" 😊👨‍👩‍👧\n\nThe", "שלום, مرحبا بكم", "spaces   \n\t\tIndented"] {
        ok(["code", p, "apply", "Pieces", "--source", "intake", "--range", &range(piece)]);
    }
    let texts = coded_texts(&project);
    assert_eq!(texts.len(), 5);
    for group in ["code", "case", "source"] {
        let ids = exported_ids(&project, &["--all-codes", "--group-by", group]);
        let quotes = export_docx(&dir, &project, &["--all-codes", "--group-by", group]).styled("Quote");
        assert_eq!(quotes, ids.iter().map(|id| texts[id].clone()).collect::<Vec<_>>(), "grouped by {group}");
    }
    // The import kept every tab and space, and the whole text is one quote.
    assert_eq!(text.trim_end(), HARD_TEXT.trim_end());
    let docx = export_docx(&dir, &project, &["--all-codes"]);
    assert!(docx.styled("Quote").contains(&text));
    // The paragraph of the right-to-left piece is laid out right to left.
    assert!(docx.part("word/document.xml").contains("<w:pStyle w:val=\"Quote\"/><w:bidi/></w:pPr><w:r><w:t xml:space=\"preserve\">שלום"));
    // Thicket's own DOCX importer reads the file back, quotes included.
    let back = dir.path("back.thicket");
    ok(["new", back.to_str().unwrap()]);
    ok(["import", back.to_str().unwrap(), dir.path("out.docx").to_str().unwrap()]);
    let project = Project::open(&back).unwrap();
    let imported = project.source_text(project.source_named("out").unwrap().id).unwrap();
    project.close().unwrap();
    assert!(imported.contains("Dana said: \"I'm <not> leaving & that's final\" 😊👨‍👩‍👧"), "{imported}");
}

#[test]
fn tables_repeat_a_bold_header_row_and_shade_the_first_cell_in_the_rows_colour() {
    let mut doc = Document::new("Codebook");
    doc.heading(1, "Codes");
    doc.blocks.push(Block::Table {
        header: vec!["Code".into(), "Definition".into(), "Codings".into()],
        rows: vec![
            vec!["Ruptures/Withdrawal".into(), "Moving away\nfrom the work".into(), "23".into()],
            vec!["Repair".into(), "Coming back".into(), "9".into()],
        ],
        colours: vec![Some([0xE1, 0x57, 0x59]), None],
    });
    doc.blocks.push(Block::PageBreak);
    doc.list(vec!["first".into(), "second".into()]);
    let bytes = to_docx(&doc).unwrap();
    assert_eq!(bytes, to_docx(&doc).unwrap(), "the same document gives the same bytes");
    let docx = Docx::from_bytes(&bytes);
    let body = docx.part("word/document.xml");
    let rows: Vec<&str> = body.split("<w:tr>").skip(1).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].starts_with("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"), "{}", rows[0]);
    assert!(!rows[1].contains("tblHeader"));
    assert_eq!(rows[0].matches("<w:rPr><w:b/></w:rPr>").count(), 3, "bold header cells");
    assert!(rows[1].contains("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E15759\"/>"));
    assert!(!rows[2].contains("w:fill=\"E15759\""));
    assert_eq!(docx.styled("TableText"), ["Code", "Definition", "Codings", "Ruptures/Withdrawal", "Moving away\nfrom the work", "23", "Repair", "Coming back", "9"]);
    assert!(body.contains("<w:tblStyle w:val=\"TableGrid\"/>"));
    assert!(docx.part("word/styles.xml").contains("<w:insideH w:val=\"single\""), "the grid has borders");
    assert!(body.contains("<w:br w:type=\"page\"/>"));
    assert_eq!(docx.styled("ListBullet"), ["first", "second"]);
}

#[test]
fn docx_needs_a_file_and_a_directory_that_exists() {
    let dir = Dir::new();
    let s = sample(&dir);
    let o = on_project("export", &s, &["excerpts", "--all-codes", "--format", "docx", "--out", "-"]);
    fails_with(&o, &["--format docx writes a file: give --out FILE.docx"]);
    let missing = dir.path("no/such/dir/x.docx");
    let o = on_project("export", &s, &["excerpts", "--all-codes", "--format", "docx", "--out", missing.to_str().unwrap()]);
    fails_with(&o, &["x.docx"]);
}
