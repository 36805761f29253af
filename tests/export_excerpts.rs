//! `thicket export PROJECT excerpts`: on the sample study and on a small project built here
//! (a `Name:` transcript, a subtitle transcript, a PDF and a field note), every written quote is
//! its coding's text exactly, in every format (DOCX included); groups, sorts, citation fields, context, CSV
//! injection and the errors for a bad template or format.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use thicket_core::Project;

fn data(path: &str) -> PathBuf {
    PathBuf::from(format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR")))
}

/// A field note whose lines start as spreadsheet formulas would.
const FIELD_NOTE: &str = "=SUM(A1:A2) was written on the whiteboard.\n\n- I said no, she told the worker.\n\n@home visits resumed in May.\n";

/// The char range `START..END` of `needle` in source `source`.
fn range_of(project: &Path, source: &str, needle: &str) -> String {
    let p = Project::open(project).unwrap();
    let text = p.source_text(p.source_named(source).unwrap().id).unwrap();
    p.close().unwrap();
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {source}"));
    let start = text[..byte].chars().count();
    format!("{start}..{}", start + needle.chars().count())
}

fn apply(project: &Path, code: &str, source: &str, needle: &str, coder: &str) {
    let range = range_of(project, source, needle);
    ok(["code", project.to_str().unwrap(), "apply", code, "--source", source, "--range", &range, "--coder", coder]);
}

/// Four sources in three cases (and one in none), three codes, ten codings by two coders.
fn pilot(dir: &Dir) -> PathBuf {
    let project = dir.path("pilot.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p, "--title", "Pilot"]);
    let visit = dir.write("2025-03-05_okafor-visit.txt", TRANSCRIPT);
    ok(["import", p, visit.to_str().unwrap(), "--case", "Okafor family", "--kind", "interview", "--date-from-name"]);
    for (name, role) in [("Ada", "caregiver"), ("Sam", "social_worker"), ("Interviewer", "interviewer")] {
        ok(["participant", p, "set", name, "--role", role]);
    }
    let srt = dir.path("2025-04-10_brandt.srt");
    std::fs::copy(data("transcripts/kinship-carer.srt"), &srt).unwrap();
    ok([
        "import", p, srt.to_str().unwrap(), "--case", "Brandt family", "--date-from-name", "--map-speaker", "RUTH=Ruth", "--map-speaker",
        "MARGARET=Margaret", "--speaker-role", "Ruth=interviewer", "--speaker-role", "Margaret=caregiver",
    ]);
    let pdf = dir.path("novak.pdf");
    std::fs::copy(data("pdf/interview_fpdf.pdf"), &pdf).unwrap();
    ok(["import", p, pdf.to_str().unwrap(), "--case", "Novak family", "--kind", "interview"]);
    ok(["participant", p, "set", "Zoë", "--role", "caregiver"]);
    let note = dir.write("notes.txt", FIELD_NOTE);
    ok(["import", p, note.to_str().unwrap(), "--kind", "field_note"]);
    ok(["code", p, "add", "Ruptures/Withdrawal", "--description", "The caregiver moves away from the work."]);
    ok(["code", p, "add", "Repair"]);
    ok(["code", p, "add", "Trust"]);
    let visit = "2025-03-05_okafor-visit";
    apply(&project, "Ruptures/Withdrawal", visit, "I felt like I was on trial again.", "Amara");
    apply(&project, "Ruptures/Withdrawal", visit, "We agreed it in March. Nobody asked me since.", "Jonas");
    apply(&project, "Repair", visit, "We sat down and rewrote it together.", "Amara");
    apply(&project, "Trust", visit, "Honestly? I felt like I was on trial again.\nShe looked in every cupboard.", "Amara");
    apply(&project, "Ruptures/Withdrawal", "2025-04-10_brandt", "Nobody told me what the plan was. I had to ask, every time.", "Amara");
    apply(&project, "Repair", "2025-04-10_brandt", "A little. We got one worker, Keisha, and she stayed.", "Amara");
    apply(&project, "Trust", "novak", "Nobody had ever stuck up for me like that in a meeting.", "Amara");
    apply(&project, "Ruptures/Withdrawal", "notes", "=SUM(A1:A2) was written on the whiteboard.", "Amara");
    apply(&project, "Ruptures/Withdrawal", "notes", "- I said no, she told the worker.", "Amara");
    apply(&project, "Repair", "notes", "@home visits resumed in May.", "Amara");
    project
}

fn export(project: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", project.to_str().unwrap(), "excerpts"];
    all.extend(args);
    all.extend(["--out", "-"]);
    ok(all)
}

/// The excerpts of a JSON export, in order, flattened out of groups and sections.
fn excerpts(json: &Value) -> Vec<Value> {
    json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["sections"].as_array().unwrap().clone())
        .flat_map(|s| s["excerpts"].as_array().unwrap().clone())
        .collect()
}

/// Each coding's exact text, by id, from `segments`.
fn coded_texts(project: &Path) -> HashMap<i64, String> {
    let segments = json(["segments", project.to_str().unwrap(), "--all-codes", "--format", "json"]);
    segments.as_array().unwrap().iter().map(|s| (s["coding_id"].as_i64().unwrap(), s["text"].as_str().unwrap().to_string())).collect()
}

/// CommonMark's backslash escapes undone.
fn unescape_md(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The block quotes of a Markdown export, in order, as the text they show.
fn md_quotes(md: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix('>') {
            current.get_or_insert_with(Vec::new).push(unescape_md(rest.strip_prefix(' ').unwrap_or(rest)));
        } else if let Some(q) = current.take() {
            quotes.push(q.join("\n"));
        }
    }
    quotes.extend(current.map(|q| q.join("\n")));
    quotes
}

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// (coding id, quote) of each `<figure>` of an HTML export.
fn html_quotes(html: &str) -> Vec<(i64, String)> {
    html.split("<figure id=\"coding-")
        .skip(1)
        .map(|part| {
            let id = part[..part.find('"').unwrap()].parse().unwrap();
            let start = part.find("<blockquote>").unwrap() + "<blockquote>".len();
            let end = part.find("</blockquote>").unwrap();
            (id, unescape_html(&part[start..end]))
        })
        .collect()
}

/// Rows of RFC 4180 CSV.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, csv.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// The CSV rows as maps from column name to cell.
fn csv_records(csv: &str) -> Vec<HashMap<String, String>> {
    let rows = csv_rows(csv);
    let header = rows[0].clone();
    rows[1..].iter().map(|r| header.iter().cloned().zip(r.iter().cloned()).collect()).collect()
}

/// The exact text behind a neutralised CSV cell.
fn unneutralise(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

fn assert_every_quote_is_exact(project: &Path, args: &[&str]) {
    let texts = coded_texts(project);
    let with = |format: &'static str| -> Vec<&str> { [args, &["--format", format]].concat() };
    let json: Value = serde_json::from_str(&export(project, &with("json"))).unwrap();
    let in_json = excerpts(&json);
    assert!(!in_json.is_empty());
    assert_eq!(json["total"].as_u64().unwrap() as usize, in_json.len());
    for e in &in_json {
        assert_eq!(e["text"].as_str().unwrap(), texts[&e["coding_id"].as_i64().unwrap()], "JSON quote of {e}");
    }
    let ids: Vec<i64> = in_json.iter().map(|e| e["coding_id"].as_i64().unwrap()).collect();
    let expected: Vec<&str> = ids.iter().map(|id| texts[id].as_str()).collect();
    assert_eq!(md_quotes(&export(project, &with("md"))), expected, "Markdown quotes");
    let html = html_quotes(&export(project, &with("html")));
    assert_eq!(html.iter().map(|(id, _)| *id).collect::<Vec<_>>(), ids);
    assert_eq!(html.iter().map(|(_, q)| q.as_str()).collect::<Vec<_>>(), expected, "HTML quotes");
    let csv = csv_records(&export(project, &with("csv")));
    assert_eq!(csv.iter().map(|r| r["coding_id"].parse::<i64>().unwrap()).collect::<Vec<_>>(), ids);
    assert_eq!(csv.iter().map(|r| unneutralise(&r["text"])).collect::<Vec<_>>(), expected, "CSV quotes");
    // DOCX: every paragraph in the Quote style, read back as Word shows it.
    let dir = Dir::new();
    let out = dir.path("x.docx");
    ok([&["export", project.to_str().unwrap(), "excerpts"], &with("docx")[..], &["--out", out.to_str().unwrap()]].concat());
    assert_eq!(docx::Docx::open(&out).styled("Quote"), expected, "DOCX quotes");
}

#[test]
fn every_quote_of_the_sample_is_its_codings_text_in_every_format() {
    let dir = Dir::new();
    let s = dir.path("s.thicket");
    ok(["sample", s.to_str().unwrap()]);
    assert_every_quote_is_exact(&s, &["--all-codes", "--context", "2", "--memos", "--other-codes", "--definitions", "--counts"]);
    assert_every_quote_is_exact(&s, &["--code", "Ruptures", "--subcodes", "--group-by", "code-case", "--sort", "date"]);
}

#[test]
fn every_quote_of_a_small_project_is_exact_even_with_markup_and_formulas() {
    let dir = Dir::new();
    let p = pilot(&dir);
    for group in ["code", "case", "code-case", "source"] {
        assert_every_quote_is_exact(&p, &["--all-codes", "--group-by", group, "--context", "1"]);
    }
}

#[test]
fn the_sample_exports_as_many_excerpts_as_segments_retrieves() {
    let dir = Dir::new();
    let s = dir.path("s.thicket");
    ok(["sample", s.to_str().unwrap()]);
    let filters = ["--code", "Ruptures/Withdrawal", "--role", "caregiver", "--case", "Harlow family", "--from-date", "2025-03-01"];
    let segments = json([&["segments", s.to_str().unwrap()], &filters[..], &["--format", "json"]].concat());
    let exported: Value = serde_json::from_str(&export(&s, &[&filters[..], &["--format", "json"]].concat())).unwrap();
    // A passage two coders coded with the same code is quoted once, crediting both: the first of
    // the twins in `segments` order carries it.
    let mut firsts: Vec<(Value, Vec<String>)> = Vec::new();
    for seg in segments.as_array().unwrap() {
        let key = |s: &Value| (s["source"].clone(), s["start"].clone(), s["end"].clone(), s["code"].clone());
        match firsts.iter_mut().find(|(f, _)| key(f) == key(seg)) {
            Some((_, coders)) => coders.push(seg["coder"].as_str().unwrap().to_string()),
            None => firsts.push((seg.clone(), vec![seg["coder"].as_str().unwrap().to_string()])),
        }
    }
    assert!(firsts.len() < segments.as_array().unwrap().len(), "the sample double-codes some passages");
    let mut a: Vec<(i64, String)> = firsts.iter().map(|(s, coders)| (s["coding_id"].as_i64().unwrap(), coders.join(" & "))).collect();
    let mut b: Vec<(i64, String)> = excerpts(&exported)
        .iter()
        .map(|e| (e["coding_id"].as_i64().unwrap(), e["fields"]["coder"].as_str().unwrap().to_string()))
        .collect();
    a.sort();
    b.sort();
    assert!(!a.is_empty());
    assert_eq!(a, b);
    // A Boolean query selects as `segments --query` does.
    let q = "Ruptures/Withdrawal AND Tensions";
    let segments = json(["segments", s.to_str().unwrap(), "--query", q, "--format", "json"]);
    let exported: Value = serde_json::from_str(&export(&s, &["--query", q, "--format", "json"])).unwrap();
    assert_eq!(excerpts(&exported).len(), segments.as_array().unwrap().len());
    assert_eq!(excerpts(&exported).len(), 6);
}

/// (group title, section title, coding texts) of a JSON export.
fn layout(project: &Path, args: &[&str]) -> Vec<(String, Option<String>, Vec<String>)> {
    let json: Value = serde_json::from_str(&export(project, &[args, &["--format", "json"]].concat())).unwrap();
    let mut out = Vec::new();
    for g in json["groups"].as_array().unwrap() {
        for s in g["sections"].as_array().unwrap() {
            let texts = s["excerpts"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap().chars().take(12).collect()).collect();
            out.push((g["title"].as_str().unwrap().to_string(), s["title"].as_str().map(String::from), texts));
        }
    }
    out
}

#[test]
fn groups_follow_the_codebook_cases_and_sources_and_sorts_order_within_them() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let by_code = layout(&p, &["--code", "Ruptures/Withdrawal", "--code", "Repair", "--sort", "case"]);
    let titles: Vec<&str> = by_code.iter().map(|(g, _, _)| g.as_str()).collect();
    assert_eq!(titles, ["Ruptures/Withdrawal", "Repair"], "codebook order, not by name");
    // By case: Brandt, Okafor, then the field note in no case.
    assert_eq!(by_code[0].2, ["Nobody told ", "I felt like ", "We agreed it", "=SUM(A1:A2) ", "- I said no,"]);
    assert_eq!(by_code[1].2, ["A little. We", "We sat down ", "@home visits"]);
    // By date: Okafor (March) before Brandt (April), the undated note last.
    let by_date = layout(&p, &["--code", "Ruptures/Withdrawal", "--sort", "date"]);
    assert_eq!(by_date[0].2, ["I felt like ", "We agreed it", "Nobody told ", "=SUM(A1:A2) ", "- I said no,"]);
    // By position: source names in order, then text order.
    let by_position = layout(&p, &["--code", "Ruptures/Withdrawal", "--sort", "position"]);
    assert_eq!(by_position[0].2, ["I felt like ", "We agreed it", "Nobody told ", "=SUM(A1:A2) ", "- I said no,"]);
    let by_position = layout(&p, &["--code", "Repair", "--sort", "position"]);
    assert_eq!(by_position[0].2, ["We sat down ", "A little. We", "@home visits"]);

    let by_case = layout(&p, &["--all-codes", "--group-by", "case", "--sort", "position"]);
    let titles: Vec<&str> = by_case.iter().map(|(g, _, _)| g.as_str()).collect();
    assert_eq!(titles, ["Brandt family", "Novak family", "Okafor family", "(no case)"]);
    let code_case = layout(&p, &["--code", "Repair", "--group-by", "code-case"]);
    let sections: Vec<(&str, Option<&str>)> = code_case.iter().map(|(g, s, _)| (g.as_str(), s.as_deref())).collect();
    assert_eq!(sections, [("Repair", Some("Brandt family")), ("Repair", Some("Okafor family")), ("Repair", Some("(no case)"))]);
    let by_source = layout(&p, &["--all-codes", "--group-by", "source"]);
    let titles: Vec<&str> = by_source.iter().map(|(g, _, _)| g.as_str()).collect();
    assert_eq!(titles, ["2025-03-05_okafor-visit", "2025-04-10_brandt", "notes", "novak"], "dated sources first, by date");
    // In text order within a source.
    assert_eq!(by_source[0].2, ["Honestly? I ", "I felt like ", "We agreed it", "We sat down "]);
    // Headings that are not codes leave each quote to name its code.
    let md = export(&p, &["--code", "Repair", "--group-by", "source"]);
    assert!(md.contains("## 2025-03-05\\_okafor-visit\n\n**Repair**\n\n> We sat down and rewrote it together.\n"), "{md}");
    let html = export(&p, &["--code", "Repair", "--group-by", "case", "--format", "html"]);
    assert!(html.contains("<p class=\"code\">Repair</p>\n<blockquote>We sat down"), "{html}");
    assert!(!export(&p, &["--code", "Repair"]).contains("**Repair**"));
}

/// The JSON excerpt whose text starts with `start`.
fn excerpt_starting(json: &Value, start: &str) -> Value {
    excerpts(json).into_iter().find(|e| e["text"].as_str().unwrap().starts_with(start)).unwrap_or_else(|| panic!("no excerpt {start:?}"))
}

#[test]
fn citations_carry_speaker_role_case_date_paragraph_line_page_and_time() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let template = "{speaker} | {role} | {case} | {date} | ¶{paragraph} | l. {line} | p. {page} | {time} | {coder} | {kind} | {source}";
    let json: Value = serde_json::from_str(&export(&p, &["--all-codes", "--citation", template, "--format", "json"])).unwrap();
    let cite = |start: &str| excerpt_starting(&json, start)["citation"].as_str().unwrap().to_string();
    // Ada's turn is the second paragraph after the heading and the interviewer's question; line 5.
    assert_eq!(cite("I felt like"), "Ada | caregiver | Okafor family | 2025-03-05 | ¶3 | l. 5 | Amara | interview | 2025-03-05_okafor-visit");
    // The subtitle transcript: the paragraph's start time, 00:00:20.100 in the .srt.
    assert_eq!(cite("Nobody told"), "Margaret | caregiver | Brandt family | 2025-04-10 | ¶3 | l. 5 | 00:00:20 | Amara | interview | 2025-04-10_brandt");
    // The PDF: page 3, no date.
    let novak = cite("Nobody had ever");
    assert!(novak.starts_with("Zoë | caregiver | Novak family | ¶"), "{novak}");
    assert!(novak.contains(" | p. 3 | Amara | interview | novak"), "{novak}");
    // The field note: no speaker, case, date, page or time; their separators go with them.
    assert_eq!(cite("=SUM"), "¶1 | l. 1 | Amara | field note | notes");
    // Each field stands in its own CSV column too.
    let csv = csv_records(&export(&p, &["--all-codes", "--format", "csv"]));
    let row = csv.iter().find(|r| r["text"].starts_with("Nobody told")).unwrap();
    let cells: Vec<&str> = ["speaker", "role", "case", "date", "paragraph", "line", "page", "time", "coder"].iter().map(|c| row[*c].as_str()).collect();
    assert_eq!(cells, ["Margaret", "caregiver", "Brandt family", "2025-04-10", "3", "5", "", "00:00:20", "Amara"]);
    let row = csv.iter().find(|r| r["text"].starts_with("Nobody had ever")).unwrap();
    assert_eq!(row["page"], "3");
    // The presets.
    let json: Value = serde_json::from_str(&export(&p, &["--all-codes", "--format", "json"])).unwrap();
    assert_eq!(excerpt_starting(&json, "I felt like")["citation"], "(Ada, caregiver, Okafor family, 2025-03-05_okafor-visit, 2025-03-05, ¶3)");
    let json: Value = serde_json::from_str(&export(&p, &["--all-codes", "--citation", "compact", "--format", "json"])).unwrap();
    assert_eq!(excerpt_starting(&json, "Nobody told")["citation"], "(Margaret, 00:00:20, ¶3)");
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_but_xlsx_keeps_them_as_text() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let csv = export(&p, &["--code", "Ruptures/Withdrawal", "--code", "Repair", "--format", "csv"]);
    let texts: Vec<String> = csv_records(&csv).into_iter().map(|r| r["text"].clone()).collect();
    assert!(texts.contains(&"'=SUM(A1:A2) was written on the whiteboard.".to_string()), "{texts:?}");
    assert!(texts.contains(&"'- I said no, she told the worker.".to_string()));
    assert!(texts.contains(&"'@home visits resumed in May.".to_string()));
    assert!(!csv.contains("\n=") && !csv.contains(",=") && !csv.contains(",-") && !csv.contains(",@"), "{csv}");
    let out = dir.path("x.xlsx");
    ok(["export", p.to_str().unwrap(), "excerpts", "--code", "Ruptures/Withdrawal", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = book.worksheet_range("Excerpts").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let text = rows[0].iter().position(|h| h == "text").unwrap();
    let quotes: Vec<&str> = rows[1..].iter().map(|r| r[text].as_str()).collect();
    assert!(quotes.contains(&"=SUM(A1:A2) was written on the whiteboard."), "{quotes:?}");
    let texts = coded_texts(&p);
    let id = rows[0].iter().position(|h| h == "coding_id").unwrap();
    for r in &rows[1..] {
        assert_eq!(r[text], texts[&r[id].parse::<i64>().unwrap()]);
    }
}

#[test]
fn context_adds_whole_sentences_around_the_quote() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let json: Value = serde_json::from_str(&export(&p, &["--code", "Ruptures/Withdrawal", "--context", "1", "--format", "json"])).unwrap();
    let e = excerpt_starting(&json, "We agreed it");
    assert_eq!(e["context_before"], "That is part of the plan we agreed.\n\nAda:");
    assert_eq!(e["context_after"], "Interviewer: And after that?");
    let e = excerpt_starting(&json, "I felt like");
    // "Ada: Honestly?" is a whole sentence: one is asked for.
    assert_eq!(e["context_before"], "Ada: Honestly?");
    assert_eq!(e["context_after"], "She looked in every cupboard.");
    let md = export(&p, &["--code", "Ruptures/Withdrawal", "--context", "1"]);
    assert!(md.contains("*Before:* Ada: Honestly?\n\n> I felt like I was on trial again.\n\n*After:* She looked in every cupboard.\n"), "{md}");
    // Without --context there is none.
    let json: Value = serde_json::from_str(&export(&p, &["--code", "Ruptures/Withdrawal", "--format", "json"])).unwrap();
    assert_eq!(excerpt_starting(&json, "We agreed it")["context_before"], "");
}

#[test]
fn memos_other_codes_definitions_and_counts_appear_when_asked() {
    let dir = Dir::new();
    let p = pilot(&dir);
    {
        let mut project = Project::open(&p).unwrap();
        let visit = project.source_named("2025-03-05_okafor-visit").unwrap().id;
        let coding = project.codings_in(visit).unwrap().into_iter().find(|c| c.quote.exact == "I felt like I was on trial again.").unwrap();
        project.perform(thicket_core::Action::UpdateCoding { id: coding.id, span: coding.span, memo: "Trial: her word, twice.".into() }).unwrap();
        project.close().unwrap();
    }
    let plain = export(&p, &["--code", "Ruptures/Withdrawal"]);
    assert!(!plain.contains("Memo") && !plain.contains("Also coded") && !plain.contains("Definition") && !plain.contains("(5)"), "{plain}");
    let md = export(&p, &["--code", "Ruptures/Withdrawal", "--memos", "--other-codes", "--definitions", "--counts"]);
    assert!(md.contains("## Ruptures/Withdrawal (5)\n\n*Definition:* The caregiver moves away from the work.\n\n"), "{md}");
    assert!(md.contains("*Also coded:* Trust\n\n*Memo (Amara):* Trial: her word, twice.\n"), "{md}");
    let html = export(&p, &["--code", "Ruptures/Withdrawal", "--memos", "--other-codes", "--definitions", "--counts", "--format", "html"]);
    assert!(html.contains("<h2>Ruptures/Withdrawal <span class=\"count\">(5)</span></h2>"), "{html}");
    assert!(html.contains("<p class=\"memo\">Memo (Amara): Trial: her word, twice.</p>"));
    assert!(html.contains("@media print"), "a print stylesheet");
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="), "self-contained");
}

#[test]
fn participants_narrow_the_selection() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let json: Value = serde_json::from_str(&export(&p, &["--all-codes", "--participant", "Margaret", "--format", "json"])).unwrap();
    let speakers: Vec<Value> = excerpts(&json).iter().map(|e| e["fields"]["speakers"].clone()).collect();
    assert_eq!(speakers, [serde_json::json!(["Margaret"]), serde_json::json!(["Margaret"])]);
    let o = on_project("export", &p, &["excerpts", "--all-codes", "--participant", "Margret", "--out", "-"]);
    fails_with(&o, &["no participant named \"Margret\""]);
}

#[test]
fn bad_templates_formats_and_choices_are_refused_by_name() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let run = |args: &[&str]| on_project("export", &p, &[&["excerpts", "--all-codes", "--out", "-"], args].concat());
    fails_with(&run(&["--citation", "({speeker}, {date})"]), &["unknown field {speeker}", "expected one of speaker, role, case"]);
    fails_with(&run(&["--citation", "({date"]), &["never closed"]);
    fails_with(&run(&["--format", "docx"]), &["--format docx writes a file: give --out FILE.docx"]);
    fails_with(&run(&["--format", "pdf"]), &["unknown format \"pdf\": expected md, html, docx, csv, xlsx or json"]);
    fails_with(&run(&["--format", "xlsx"]), &["--format xlsx writes a file"]);
    fails_with(&run(&["--group-by", "speaker"]), &["unknown --group-by \"speaker\""]);
    fails_with(&run(&["--sort", "time"]), &["unknown --sort \"time\""]);
    fails_with(&run(&["--query", "Repair"]), &["--query chooses the codes itself"]);
    fails_with(&on_project("export", &p, &["excerpts", "--out", "-"]), &["say which codes"]);
    fails_with(&on_project("export", &p, &["excerpts", "--code", "Nope", "--out", "-"]), &["no code \"Nope\""]);
}

#[test]
fn an_export_to_a_file_writes_the_same_text_as_to_stdout() {
    let dir = Dir::new();
    let p = pilot(&dir);
    let out = dir.path("excerpts.html");
    ok(["export", p.to_str().unwrap(), "excerpts", "--all-codes", "--format", "html", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), export(&p, &["--all-codes", "--format", "html"]));
}

#[test]
fn xlsx_has_a_bold_frozen_header_wrapped_quotes_and_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Read;
    let dir = Dir::new();
    let s = dir.path("s.thicket");
    ok(["sample", s.to_str().unwrap()]);
    let out = dir.path("x.xlsx");
    ok(["export", s.to_str().unwrap(), "excerpts", "--all-codes", "--context", "1", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = book.worksheet_range("Excerpts").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = range.rows().nth(1).unwrap();
    assert!(matches!(first[col("paragraph")], Data::Float(p) if p >= 1.0), "{:?}", first[col("paragraph")]);
    assert!(matches!(first[col("coding_id")], Data::Float(_)));
    assert!(matches!(first[col("text")], Data::String(_)));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let sheet = read(&mut zip, "xl/worksheets/sheet1.xml");
    let styles = read(&mut zip, "xl/styles.xml");
    // The header row is frozen and filtered.
    assert!(sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), "a frozen header");
    assert!(sheet.contains("<autoFilter ref=\"A1:"));
    // Header cells use a bold format; the quote column is wide and wraps.
    let cell_formats: Vec<&str> = styles.split("<cellXfs").nth(1).unwrap().split("<xf ").skip(1).collect();
    let format_of = |cell: &str| -> &str {
        let at = sheet.find(&format!("<c r=\"{cell}\"")).unwrap();
        let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
        let s: usize = tag.split("s=\"").nth(1).map_or(0, |v| v[..v.find('"').unwrap()].parse().unwrap());
        cell_formats[s]
    };
    let fonts: Vec<&str> = styles.split("<fonts").nth(1).unwrap().split("<font>").skip(1).collect();
    let font_of = |xf: &str| fonts[xf.split("fontId=\"").nth(1).unwrap().split('"').next().unwrap().parse::<usize>().unwrap()];
    assert!(font_of(format_of("A1")).contains("<b/>"), "a bold header");
    let text_col = (b'A' + col("text") as u8) as char;
    assert!(format_of(&format!("{text_col}2")).contains("wrapText=\"1\""), "{}", format_of(&format!("{text_col}2")));
    assert!(!font_of(format_of(&format!("{text_col}2"))).contains("<b/>"));
    // Its column is at the widest (60 characters, plus Excel's padding).
    let n = col("text") + 1;
    let width = sheet.split("<col ").skip(1).find_map(|c| {
        let attr = |name: &str| c.split(&format!("{name}=\"")).nth(1).and_then(|v| v.split('"').next()).unwrap();
        (attr("min").parse::<usize>().unwrap() <= n && n <= attr("max").parse::<usize>().unwrap()).then(|| attr("width").to_string())
    });
    assert_eq!(width.as_deref(), Some("60.7109375"));
}

#[test]
fn the_windows_export_read_in_pieces_is_the_command_lines_export() {
    use std::time::Duration;
    use thicket_core::export::excerpts::{self, CodeChoice, ExcerptFormat, ExcerptOptions, ExcerptRun, GroupBy, Selection, SortBy};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.thicket");
    let project = thicket_core::sample::write_sample(&path).unwrap();
    let mut options = ExcerptOptions::new("Excerpts: the sample").unwrap();
    options.group_by = GroupBy::CodeCase;
    options.sort = SortBy::Date;
    options.context = 1;
    options.other_codes = true;
    options.memos = true;
    options.definitions = true;
    for choice in [CodeChoice::All, CodeChoice::Codes { paths: vec!["Repair".into()], subcodes: true }, CodeChoice::Query("Tensions AND Repair".into())] {
        let mut selection = Selection::of(choice.clone());
        selection.roles = vec!["caregiver".into()];
        let whole = excerpts::build(&project, excerpts::select(&project, &selection).unwrap(), &options).unwrap();
        // As the window runs it: the query's rows and codings first, then a piece of sources per step.
        let ids = excerpts::query_load(&project.codebook().unwrap(), &selection)
            .unwrap()
            .map(|load| excerpts::query_ids(project.analysis_data_with(load).unwrap(), &selection).unwrap());
        let mut run = ExcerptRun::new(&project, &selection, &options, ids).unwrap();
        let mut steps = 1;
        while !run.step(&project, Duration::ZERO).unwrap() {
            steps += 1;
        }
        assert!(steps > 2, "{choice:?}: a zero budget reads one piece per step ({steps} steps)");
        assert!(whole.total > 0, "{choice:?}");
        let pieces = run.finish();
        assert_eq!(pieces, whole, "{choice:?}");
        assert_eq!(ExcerptFormat::Markdown.render(&pieces).unwrap(), excerpts::to_markdown(&whole).into_bytes());
    }
    project.close().unwrap();
}
