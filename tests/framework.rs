//! Framework matrices (cases × codes, a summary in each cell): the actions with their undo and
//! redo, what survives reopening the file, deleting a code or case and undoing that, and the
//! `thicket framework` commands, whose files are read back (Markdown, HTML, CSV, JSON parsed;
//! XLSX through calamine and its XML for the wrapped style).
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::Path;

use common::*;
use thicket_core::Project;
use thicket_core::action::{Action, EntitySet, NewCoding, NewSource};
use thicket_core::model::*;

/// A two-family project: "Harlow" (visit 1, visit 2) and "Okafor" (visit 3); codes Ruptures
/// (with Withdrawal under it) and Repair; coder Amara.
struct Study {
    p: Project,
    harlow: CaseId,
    okafor: CaseId,
    ruptures: CodeId,
    withdrawal: CodeId,
    repair: CodeId,
    amara: CoderId,
}

fn source(name: &str, case: &str, text: &str) -> NewSource {
    NewSource {
        name: name.into(),
        kind: SourceKind::Interview,
        text: text.into(),
        date: None,
        original_name: format!("{name}.txt"),
        original_format: "txt".into(),
        encoding: "UTF-8".into(),
        page_starts: None,
        time_marks: Vec::new(),
        cases: vec![case.into()],
        participants: Vec::new(),
        turns: Vec::new(),
        attributes: Vec::new(),
        roles: Vec::new(),
    }
}

fn study(path: &Path) -> Study {
    let mut p = Project::create(path, "framework").unwrap();
    p.perform(Action::ImportSources(vec![
        source("visit 1", "Harlow", "Dana left the room. We rewrote the plan together."),
        source("visit 2", "Harlow", "She did not answer the door."),
        source("visit 3", "Okafor", "Kofi said the worker listened this time."),
    ]))
    .unwrap();
    let amara = p.ensure_coder("Amara").unwrap();
    let code = |p: &mut Project, parent: Option<CodeId>, name: &str| {
        let out = p.perform(Action::CreateCode { parent, name: name.into(), color: "#C62828".into(), description: CodeDescription::default() }).unwrap();
        out.created.codes[0]
    };
    let ruptures = code(&mut p, None, "Ruptures");
    let withdrawal = code(&mut p, Some(ruptures), "Withdrawal");
    let repair = code(&mut p, None, "Repair");
    let src = |p: &Project, n: &str| p.source_named(n).unwrap().id;
    let (v1, v2, v3) = (src(&p, "visit 1"), src(&p, "visit 2"), src(&p, "visit 3"));
    let coding = |source, code, start, end| NewCoding { source, code, coder: amara, span: TextSpan::new(start, end).unwrap(), memo: String::new() };
    p.perform(Action::AddCodings(vec![
        coding(v1, withdrawal, 0, 19),
        coding(v2, ruptures, 0, 28),
        coding(v1, repair, 20, 49),
        coding(v3, repair, 0, 40),
    ]))
    .unwrap();
    let harlow = p.case_named("Harlow").unwrap().id;
    let okafor = p.case_named("Okafor").unwrap().id;
    Study { p, harlow, okafor, ruptures, withdrawal, repair, amara }
}

fn create(s: &mut Study) -> FrameworkId {
    let action = s.p.default_framework("Alliance work").unwrap();
    s.p.perform(action).unwrap().created.frameworks[0]
}

impl Study {
    /// Writes a summary as Amara.
    fn set(&mut self, f: FrameworkId, case: CaseId, code: CodeId, summary: &str) -> thicket_core::Result<thicket_core::project::Outcome> {
        self.p.perform(Action::SetFrameworkCell { framework: f, case, code, summary: summary.into(), coder: self.amara, updated_at: None })
    }
}

#[test]
fn a_new_matrix_has_the_top_level_codes_and_every_case_in_order() {
    let dir = Dir::new();
    let mut s = study(&dir.path("f.thicket"));
    let f = create(&mut s);
    let m = s.p.framework(f).unwrap();
    assert_eq!(m.framework.name, "Alliance work");
    assert_eq!(m.codes, [s.ruptures, s.repair], "top-level codes in the codebook's order; Withdrawal is under Ruptures");
    assert_eq!(m.cases, [s.harlow, s.okafor]);
    assert!(m.cells.is_empty());
}

#[test]
fn summaries_persist_and_each_edit_undoes_to_the_one_before() {
    let dir = Dir::new();
    let path = dir.path("f.thicket");
    let mut s = study(&path);
    let f = create(&mut s);
    s.set(f, s.harlow, s.ruptures, "Dana withdraws, then the plan is rewritten.").unwrap();
    let first = s.p.framework(f).unwrap().cell(s.harlow, s.ruptures).cloned().unwrap();
    assert_eq!(first.coder, s.amara);
    s.set(f, s.harlow, s.ruptures, "Withdrawal in both visits.").unwrap();
    assert_eq!(s.p.undo_label(), Some("Edit framework summary"));
    s.p.undo().unwrap();
    assert_eq!(s.p.framework(f).unwrap().cell(s.harlow, s.ruptures), Some(&first), "the first summary back, with its time");
    s.p.undo().unwrap();
    assert_eq!(s.p.framework(f).unwrap().cell(s.harlow, s.ruptures), None, "undoing the first summary clears the cell");
    s.p.redo().unwrap();
    s.p.redo().unwrap();
    assert_eq!(s.p.framework(f).unwrap().summary(s.harlow, s.ruptures), "Withdrawal in both visits.");
    s.p.close().unwrap();

    let p = Project::open(&path).unwrap();
    let m = p.framework_named("Alliance work").unwrap();
    assert_eq!(m.summary(s.harlow, s.ruptures), "Withdrawal in both visits.");
    assert_eq!(m.summary(s.okafor, s.repair), "");
}

#[test]
fn an_empty_summary_clears_the_cell_and_cells_outside_the_matrix_are_refused() {
    let dir = Dir::new();
    let mut s = study(&dir.path("f.thicket"));
    let f = create(&mut s);
    s.set(f, s.okafor, s.repair, "Kofi feels listened to.").unwrap();
    s.set(f, s.okafor, s.repair, "").unwrap();
    assert!(s.p.framework(f).unwrap().cells.is_empty());
    let e = s.set(f, s.okafor, s.withdrawal, "x").unwrap_err();
    assert_eq!(e.kind(), thicket_core::error::ErrorKind::Invalid);
    assert!(e.to_string().contains("is not a column of the framework matrix \"Alliance work\""), "{e}");
    let e = s.p.perform(Action::CreateFramework { name: "Alliance work".into(), codes: vec![], cases: vec![] }).unwrap_err();
    assert_eq!(e.kind(), thicket_core::error::ErrorKind::Conflict);
    let e = s.p.perform(Action::CreateFramework { name: "Twice".into(), codes: vec![s.repair, s.repair], cases: vec![] }).unwrap_err();
    assert_eq!(e.kind(), thicket_core::error::ErrorKind::Invalid);
}

#[test]
fn columns_rows_and_names_change_and_undo_and_hidden_summaries_come_back() {
    let dir = Dir::new();
    let mut s = study(&dir.path("f.thicket"));
    let f = create(&mut s);
    s.set(f, s.harlow, s.repair, "The plan is rewritten together.").unwrap();
    s.p.perform(Action::SetFrameworkColumns { id: f, codes: vec![s.withdrawal] }).unwrap();
    s.p.perform(Action::SetFrameworkRows { id: f, cases: vec![s.okafor, s.harlow] }).unwrap();
    s.p.perform(Action::RenameFramework { id: f, name: "Ruptures only".into() }).unwrap();
    let m = s.p.framework(f).unwrap();
    assert_eq!((m.framework.name.as_str(), m.codes.clone(), m.cases.clone()), ("Ruptures only", vec![s.withdrawal], vec![s.okafor, s.harlow]));
    assert_eq!(m.summary(s.harlow, s.repair), "The plan is rewritten together.", "kept while Repair is out of the matrix");
    s.p.undo().unwrap();
    s.p.undo().unwrap();
    s.p.undo().unwrap();
    let m = s.p.framework(f).unwrap();
    assert_eq!((m.framework.name.as_str(), m.codes.clone(), m.cases.clone()), ("Alliance work", vec![s.ruptures, s.repair], vec![s.harlow, s.okafor]));
}

#[test]
fn deleting_a_matrix_code_or_case_takes_its_summaries_and_undo_restores_them_in_place() {
    let dir = Dir::new();
    let mut s = study(&dir.path("f.thicket"));
    let f = create(&mut s);
    s.set(f, s.harlow, s.ruptures, "Withdrawal.").unwrap();
    s.set(f, s.okafor, s.repair, "Listening.").unwrap();
    let before = s.p.framework(f).unwrap();

    s.p.perform(Action::Remove(EntitySet { codes: vec![s.ruptures], ..Default::default() })).unwrap();
    let m = s.p.framework(f).unwrap();
    assert_eq!((m.codes.clone(), m.cells.len()), (vec![s.repair], 1));
    s.p.undo().unwrap();
    assert_eq!(s.p.framework(f).unwrap(), before, "the column back in its place, with its summary");

    s.p.perform(Action::Remove(EntitySet { cases: vec![s.okafor], ..Default::default() })).unwrap();
    assert_eq!(s.p.framework(f).unwrap().cases, [s.harlow]);
    s.p.undo().unwrap();
    assert_eq!(s.p.framework(f).unwrap(), before);

    let removed = s.p.perform(Action::Remove(EntitySet { frameworks: vec![f], ..Default::default() })).unwrap();
    assert!(matches!(removed.inverse, Action::Restore(_)));
    assert!(s.p.frameworks().unwrap().is_empty());
    assert_eq!(s.p.framework(f).unwrap_err().kind(), thicket_core::error::ErrorKind::NotFound);
    s.p.undo().unwrap();
    assert_eq!(s.p.framework(f).unwrap(), before, "the matrix back under its id, with its cells");
}

#[test]
fn the_report_counts_each_columns_sub_codes_in_each_cases_sources() {
    let dir = Dir::new();
    let mut s = study(&dir.path("f.thicket"));
    let f = create(&mut s);
    s.set(f, s.harlow, s.ruptures, "Withdrawal in both visits.").unwrap();
    let data = s.p.analysis_data(false).unwrap();
    let report = thicket_core::export::framework::FrameworkReport::build(&s.p.framework(f).unwrap(), &data);
    let counts: Vec<(String, Vec<usize>)> = report.rows.iter().map(|r| (r.case.clone(), r.cells.iter().map(|c| c.segments).collect())).collect();
    assert_eq!(counts, [("Harlow".to_string(), vec![2, 1]), ("Okafor".to_string(), vec![0, 1])]);
    assert_eq!(report.rows[0].cells[0].edited_by.as_deref(), Some("Amara"));
}

// --- The command line -------------------------------------------------------------------------

/// The sample study with a matrix "Main" and one summary, by coder Ruth.
fn sample_with_matrix(dir: &Dir) -> std::path::PathBuf {
    let p = dir.path("s.thicket");
    ok(["sample", p.to_str().unwrap()]);
    let created = ok(["framework", p.to_str().unwrap(), "create", "Main"]);
    assert_eq!(created, "created framework matrix \"Main\": 3 cases × 6 codes\n");
    ok([
        "framework", p.to_str().unwrap(), "set", "Main", "--case", "Harlow family", "--code", "Ruptures", "--summary",
        "Dana withdraws after the second visit, \"then\" returns; the plan is rewritten.", "--coder", "Ruth",
    ]);
    p
}

#[test]
fn cli_lists_shows_and_exports_json_with_the_same_counts_as_segments() {
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let ps = p.to_str().unwrap();
    let list = json(["framework", ps, "list", "--format", "json"]);
    assert_eq!(list[0]["name"], "Main");
    assert_eq!((list[0]["cases"].as_u64(), list[0]["codes"].as_u64(), list[0]["summaries"].as_u64()), (Some(3), Some(6), Some(1)));

    let shown = json(["framework", ps, "show", "Main", "--format", "json"]);
    assert_eq!(shown["framework"], "Main");
    assert_eq!(shown["codes"][2], "Ruptures");
    let cell = &shown["rows"][0]["cells"][2];
    assert_eq!(shown["rows"][0]["case"], "Harlow family");
    assert_eq!(cell["summary"], "Dana withdraws after the second visit, \"then\" returns; the plan is rewritten.");
    assert_eq!(cell["edited_by"], "Ruth");
    // The same segments `segments` retrieves for the code with its sub-codes in the case.
    let segments = json(["segments", ps, "--code", "Ruptures", "--subcodes", "--case", "Harlow family", "--format", "json"]);
    let n = segments.as_array().unwrap().len();
    assert!(n > 0);
    assert_eq!(cell["segments"].as_u64(), Some(n as u64));

    let one = json(["framework", ps, "show", "Main", "--case", "Harlow family", "--code", "Ruptures", "--format", "json"]);
    let listed = one["segments"].as_array().unwrap();
    assert_eq!(listed.len(), n);
    assert!(listed.iter().all(|s| s["code"].as_str().unwrap().starts_with("Ruptures") && !s["text"].as_str().unwrap().is_empty()));
    let mut ids: Vec<u64> = listed.iter().map(|s| s["coding"].as_u64().unwrap()).collect();
    let mut expected: Vec<u64> = segments.as_array().unwrap().iter().map(|s| s["coding_id"].as_u64().unwrap()).collect();
    ids.sort();
    expected.sort();
    assert_eq!(ids, expected);

    let out = dir.path("m.json");
    ok(["framework", ps, "export", "Main", "--format", "json", "--out", out.to_str().unwrap()]);
    let exported: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported, shown);
}

#[test]
fn cli_exports_markdown_html_and_csv_from_one_report() {
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let ps = p.to_str().unwrap();
    let md = ok(["framework", ps, "export", "Main", "--format", "md", "--out", "-"]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "# Main");
    assert!(lines.contains(&"| Case | Alliance | Tensions | Ruptures | Repair | Organisational context | Child's perspective |"), "{md}");
    let harlow_row = lines.iter().find(|l| l.starts_with("| Harlow family |")).unwrap();
    assert_eq!(harlow_row.split(" | ").nth(3), Some("Dana withdraws after the second visit, \"then\" returns; the plan is rewritten."));
    assert!(lines.contains(&"## Kowalski family"));
    assert!(md.contains("*Summary by Ruth, "), "{md}");

    let html_path = dir.path("m.html");
    ok(["framework", ps, "export", "Main", "--format", "html", "--out", html_path.to_str().unwrap()]);
    let html = std::fs::read_to_string(&html_path).unwrap();
    let rows = html_table_rows(&html);
    assert_eq!(rows[0], ["Case", "Alliance", "Tensions", "Ruptures", "Repair", "Organisational context", "Child's perspective"]);
    assert_eq!(rows[1], ["Harlow family", "", "", "Dana withdraws after the second visit, \"then\" returns; the plan is rewritten.", "", "", ""]);
    assert_eq!(rows.len(), 4);
    assert!(["Harlow family", "Kowalski family", "Mensah family"].iter().all(|c| html.contains(&format!(">{c}</h2>"))), "one section per case");

    let csv_path = dir.path("m.csv");
    ok(["framework", ps, "export", "Main", "--format", "csv", "--out", csv_path.to_str().unwrap()]);
    let mut rows = parse_csv(&std::fs::read_to_string(&csv_path).unwrap());
    let header = rows.remove(0);
    assert_eq!(header, ["Case", "Alliance", "Tensions", "Ruptures", "Repair", "Organisational context", "Child's perspective"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "Harlow family");
    assert_eq!(rows[0][3], "Dana withdraws after the second visit, \"then\" returns; the plan is rewritten.");
    assert_eq!(rows[1][3], "");
}

/// RFC 4180 CSV (CRLF rows, quoted cells with doubled quotes) into rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

/// The rows of the first table of an HTML page, each cell's text unescaped (the page is ours:
/// cells hold text only, so a scan of its tags suffices).
fn html_table_rows(html: &str) -> Vec<Vec<String>> {
    let table = html.split("<table>").nth(1).unwrap().split("</table>").next().unwrap();
    let unescape = |s: &str| s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    table
        .split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("</tr>").next().unwrap().split(['<']).filter_map(|piece| piece.strip_prefix("td>").or_else(|| piece.strip_prefix("th>"))).map(unescape).collect()
        })
        .collect()
}

#[test]
fn cli_xlsx_holds_wrapped_summaries_counts_and_who_wrote_each_cell() {
    use calamine::{Data, Reader, Xlsx};
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let out = dir.path("m.xlsx");
    ok(["framework", p.to_str().unwrap(), "export", "Main", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Summaries", "Segments", "Cells"]);
    let summaries = book.worksheet_range("Summaries").unwrap();
    assert_eq!(summaries.get((0, 3)), Some(&Data::String("Ruptures".into())));
    assert_eq!(summaries.get((1, 0)), Some(&Data::String("Harlow family".into())));
    assert_eq!(summaries.get((1, 3)), Some(&Data::String("Dana withdraws after the second visit, \"then\" returns; the plan is rewritten.".into())));
    let counts = book.worksheet_range("Segments").unwrap();
    let n = json(["segments", p.to_str().unwrap(), "--code", "Ruptures", "--subcodes", "--case", "Harlow family", "--format", "json"]).as_array().unwrap().len();
    assert_eq!(counts.get((1, 3)), Some(&Data::Float(n as f64)));
    let cells = book.worksheet_range("Cells").unwrap();
    let ruth: Vec<_> = cells.rows().filter(|r| r.get(4) == Some(&Data::String("Ruth".into()))).collect();
    assert_eq!(ruth.len(), 1);
    assert_eq!(ruth[0][1], Data::String("Ruptures".into()));
    // The summaries' cells use the wrapping style.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    let xfs = styles.split("<cellXfs").nth(1).and_then(|x| x.split("</cellXfs>").next()).unwrap();
    let wrapping: Vec<usize> = xfs.split("<xf ").skip(1).enumerate().filter(|(_, xf)| xf.contains("wrapText=\"1\"")).map(|(i, _)| i).collect();
    assert!(!wrapping.is_empty(), "{styles}");
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
    let d2 = sheet.split("<c r=\"D2\" s=\"").nth(1).and_then(|c| c.split('"').next()).and_then(|n| n.parse::<usize>().ok());
    assert!(d2.is_some_and(|s| wrapping.contains(&s)), "D2 uses a wrapping style: {sheet}");
}

#[test]
fn cli_layout_rename_clear_and_delete() {
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let ps = p.to_str().unwrap();
    assert_eq!(ok(["framework", ps, "layout", "Main", "--code", "Repair/Honesty", "--code", "Ruptures", "--case", "Mensah family", "--case", "Harlow family"]), "framework matrix \"Main\": 2 cases × 2 codes\n");
    let shown = json(["framework", ps, "show", "Main", "--format", "json"]);
    assert_eq!(shown["codes"], serde_json::json!(["Repair/Honesty", "Ruptures"]));
    assert_eq!(shown["cases"], serde_json::json!(["Mensah family", "Harlow family"]));
    assert_eq!(shown["rows"][1]["cells"][1]["edited_by"], "Ruth");
    ok(["framework", ps, "rename", "Main", "Harlow and Mensah"]);
    assert_eq!(ok(["framework", ps, "set", "Harlow and Mensah", "--case", "Harlow family", "--code", "Ruptures", "--clear"]), "cleared the summary of \"Harlow family\" under \"Ruptures\" in \"Harlow and Mensah\"\n");
    assert_eq!(json(["framework", ps, "list", "--format", "json"])[0]["summaries"].as_u64(), Some(0));
    let before = bytes(&p);
    fails_with(&thicket(["framework", ps, "set", "Harlow and Mensah", "--case", "Kowalski family", "--code", "Ruptures", "--summary", "x"]), &["case", "is not a row of the framework matrix \"Harlow and Mensah\""]);
    fails_with(&thicket(["framework", ps, "show", "Main"]), &["no framework matrix named \"Main\": there are Harlow and Mensah"]);
    fails_with(&thicket(["framework", ps, "export", "Harlow and Mensah", "--format", "xlsx", "--out", "-"]), &["--format xlsx writes a file"]);
    fails_with(&thicket(["framework", ps, "export", "Harlow and Mensah", "--format", "pdf", "--out", "-"]), &["unknown format \"pdf\": expected md, html, docx, xlsx, csv or json"]);
    assert_eq!(bytes(&p), before, "refused commands change nothing");
    assert_eq!(ok(["framework", ps, "delete", "Harlow and Mensah"]), "deleted framework matrix \"Harlow and Mensah\" and its 0 summaries\n");
    assert_eq!(json(["framework", ps, "list", "--format", "json"]), serde_json::json!([]));
}

#[test]
fn cli_exports_the_matrix_as_a_word_document_with_its_table_and_summaries() {
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let out = dir.path("main.docx");
    ok(["framework", p.to_str().unwrap(), "export", "Main", "--format", "docx", "--out", out.to_str().unwrap()]);
    let docx = common::docx::Docx::open(&out);
    assert_eq!(docx.styled("Title"), ["Main"]);
    let headings: Vec<String> = docx.styled("Heading1");
    assert!(headings.contains(&"Kowalski family".to_string()), "{headings:?}");
    let body = docx.part("word/document.xml");
    assert!(body.contains("<w:tblHeader/>"), "the table's header row repeats");
    assert!(docx.paragraphs().iter().any(|para| para.text == "Dana withdraws after the second visit, \"then\" returns; the plan is rewritten."));
    let refused = thicket(["framework", p.to_str().unwrap(), "export", "Main", "--format", "docx", "--out", "-"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--format docx writes a file"));
}

/// Regression: `framework set` with a new `--coder` created the coder in a transaction of its
/// own, so a summary that was refused (or a process killed in between) left a coder behind who
/// had written nothing. The coder and the summary are now one transaction.
#[test]
fn a_refused_summary_by_a_new_coder_leaves_no_coder_behind() {
    let dir = Dir::new();
    let p = sample_with_matrix(&dir);
    let ps = p.to_str().unwrap();
    ok(["framework", ps, "layout", "Main", "--case", "Harlow family"]);
    let before = bytes(&p);
    fails_with(
        &thicket(["framework", ps, "set", "Main", "--case", "Kowalski family", "--code", "Ruptures", "--summary", "x", "--coder", "Newcomer"]),
        &["is not a row of the framework matrix \"Main\""],
    );
    let coders: Vec<String> = json(["list", ps, "coders", "--format", "json"]).as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    assert!(!coders.contains(&"Newcomer".to_string()), "{coders:?}");
    assert_eq!(bytes(&p), before, "a refused command changes nothing");
    // Accepted, the summary and its new coder land together.
    ok(["framework", ps, "set", "Main", "--case", "Harlow family", "--code", "Ruptures", "--summary", "y", "--coder", "Newcomer"]);
    let shown = json(["framework", ps, "show", "Main", "--format", "json"]);
    assert_eq!(shown["rows"][0]["cells"].as_array().unwrap().iter().filter(|c| c["edited_by"] == "Newcomer").count(), 1, "{shown}");
}
