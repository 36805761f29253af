//! Output that cannot attack its reader (issue 15 §7): CSV neutralises formula-like cells
//! unless `--raw`, XLSX stores them as text, tables and messages show control characters as
//! escapes and keep each row on one line, Markdown and HTML escape them.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Names a hostile project might hold (from an imported file, a colleague's project).
const HOSTILE: &[&str] = &["=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+SUM(1)", "@cmd", "-2+3", "\u{1b}]0;pwned\u{7}", "\u{1b}[2J", "a\nb"];

/// A project whose codes, cases and coder carry hostile names, with codings in every case.
fn hostile_project(dir: &Dir) -> PathBuf {
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    let t = dir.write("visit.txt", "Dana: We talked about the school run and the new routine at home.\n");
    ok(["import".as_ref(), p.as_os_str(), t.as_os_str()]);
    let code_names: Vec<&str> = HOSTILE.iter().copied().filter(|n| !n.contains('/')).collect();
    for (i, name) in code_names.iter().enumerate() {
        ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "--".as_ref(), name.as_ref()]);
        let range = format!("--range={}..{}", i, i + 10);
        ok(["code", p.to_str().unwrap(), "apply", "--source=visit", &range, "--coder==1+1", "--", name]);
    }
    for name in HOSTILE {
        ok(["case".as_ref(), p.as_os_str(), "add".as_ref(), "--source=visit".as_ref(), "--".as_ref(), name.as_ref()]);
    }
    p
}

fn csv_fields(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>()).collect()
}

/// No field starts a formula; numbers (and only numbers) may start with `-`.
fn assert_no_formula(what: &str, text: &str) {
    let fields = csv_fields(text);
    assert!(fields.iter().any(|f| f.starts_with("'=")), "{what}: no neutralised cell at all:\n{text}");
    for f in fields {
        let numeric = f.parse::<f64>().is_ok();
        assert!(numeric || !f.starts_with(['=', '+', '-', '@', '\t', '\r']), "{what}: formula-like cell {f:?}\n{text}");
    }
}

fn run_ok(p: &Path, args: &[&str]) -> String {
    let mut all = vec![args[0], p.to_str().unwrap()];
    all.extend(&args[1..]);
    ok(all)
}

#[test]
fn every_csv_the_command_line_writes_neutralises_formulas() {
    let dir = Dir::new();
    let p = hostile_project(&dir);
    for args in [
        vec!["list", "codes", "--format", "csv"],
        vec!["list", "cases", "--format", "csv"],
        vec!["list", "codings", "--format", "csv"],
        vec!["segments", "--all-codes", "--format", "csv"],
        vec!["crosstab", "--cols", "cases", "--format", "csv"],
        vec!["crosstab", "--cols", "coders", "--format", "csv"],
        vec!["cooccur", "--format", "csv"],
        vec!["triangulate", "--format", "csv"],
    ] {
        let out = run_ok(&p, &args);
        assert_no_formula(&args.join(" "), &out);
    }
    let out = dir.path("excerpts.csv");
    run_ok(&p, &["export", "excerpts", "--all-codes", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert_no_formula("export excerpts", &std::fs::read_to_string(&out).unwrap());
}

#[test]
fn raw_writes_cells_exactly() {
    let dir = Dir::new();
    let p = hostile_project(&dir);
    let out = run_ok(&p, &["list", "codes", "--format", "csv", "--raw"]);
    let fields = csv_fields(&out);
    for name in ["=1+1", "+SUM(1)", "@cmd", "a\nb"] {
        assert!(fields.iter().any(|f| f == name), "{name:?} not raw in {out}");
    }
    let neutral = run_ok(&p, &["list", "codes", "--format", "csv"]);
    assert!(csv_fields(&neutral).iter().any(|f| f == "'=1+1"), "{neutral}");
}

#[test]
fn tables_show_escape_sequences_and_keep_rows_on_one_line() {
    let dir = Dir::new();
    let p = hostile_project(&dir);
    for args in [vec!["list", "codes"], vec!["list", "cases"], vec!["crosstab", "--cols", "cases"], vec!["segments", "--all-codes"]] {
        let out = run_ok(&p, &args);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{args:?} printed a raw escape: {out:?}");
        assert!(out.contains("\\e]0;pwned\\x07") || args[0] == "segments", "{args:?}: {out}");
    }
    let codes = run_ok(&p, &["list", "codes"]);
    assert_eq!(codes.lines().count(), 1 + 7, "one line per code:\n{codes}");
    assert!(codes.lines().any(|l| l.starts_with("a\\nb ")), "{codes}");
    // Messages too: the name is shown, not obeyed.
    let o = on_project("code", &p, &["add", "--", "\u{1b}[2J"]);
    assert!(!stderr(&o).contains('\u{1b}'), "{:?}", stderr(&o));
    let o = on_project("code", &p, &["add", "--", "\u{1b}[31mred"]);
    assert!(!stdout(&o).contains('\u{1b}'), "{:?}", stdout(&o));
}

#[test]
fn xlsx_keeps_formula_like_names_as_text() {
    let dir = Dir::new();
    let p = hostile_project(&dir);
    let out = dir.path("m.xlsx");
    run_ok(&p, &["crosstab", "--cols", "cases", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    let file = std::fs::File::open(&out).unwrap();
    let mut zip = zip_entries(file);
    let sheet = zip.remove("xl/worksheets/sheet1.xml").expect("a first sheet");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "a formula was written: {sheet}");
    let strings = zip.remove("xl/sharedStrings.xml").unwrap_or_default();
    assert!(strings.contains("=1+1") && strings.contains("+SUM(1)"), "names kept exactly as text: {strings}");
}

/// The text entries of an XLSX, by name.
fn zip_entries(file: std::fs::File) -> std::collections::HashMap<String, String> {
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut out = std::collections::HashMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut entry, &mut text).is_ok() {
            out.insert(entry.name().unwrap().to_string(), text);
        }
    }
    out
}

#[test]
fn markdown_and_html_show_no_raw_control_characters() {
    let dir = Dir::new();
    let p = hostile_project(&dir);
    let md = run_ok(&p, &["crosstab", "--cols", "cases", "--format", "md"]);
    assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'), "{md:?}");
    for format in ["md", "html"] {
        let out = dir.path(&format!("x.{format}"));
        run_ok(&p, &["export", "excerpts", "--all-codes", "--format", format, "--out", out.to_str().unwrap()]);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{format}: {text:?}");
    }
}
