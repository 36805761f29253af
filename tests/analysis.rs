//! The analysis commands on the bundled sample study: every crosstab number equals a recount from
//! `list codings --format json`, every command prints every format in its documented shape, XLSX
//! reads back through calamine, and bad values fail with exit 1 and a clear message.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use serde_json::{Value, json};

/// The sample study, written once; each test works on its own copy (a command locks its file).
fn sample(dir: &Dir) -> PathBuf {
    static MASTER: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, master) = MASTER.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("sample.thicket");
        ok(["sample".as_ref(), path.as_os_str()]);
        (tmp, path)
    });
    let copy = dir.path("s.thicket");
    std::fs::copy(master, &copy).unwrap();
    copy
}

fn run(project: &Path, args: &[&str]) -> String {
    let mut all: Vec<std::ffi::OsString> = vec![args[0].into(), project.as_os_str().into()];
    all.extend(args[1..].iter().map(Into::into));
    ok(all)
}

fn run_json(project: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&run(project, &all)).unwrap()
}

fn fails(project: &Path, args: &[&str], needles: &[&str]) {
    let mut all: Vec<std::ffi::OsString> = vec![args[0].into(), project.as_os_str().into()];
    all.extend(args[1..].iter().map(Into::into));
    fails_with(&thicket(all), needles);
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

/// The codings of the project, as `list codings` prints them.
fn codings(project: &Path) -> Vec<Value> {
    run_json(project, &["list", "codings"]).as_array().unwrap().clone()
}

/// The columns a segment belongs to, by the attribution rule as the Segment JSON shows it.
fn columns_of(seg: &Value, cols: &str) -> Vec<String> {
    match cols {
        "cases" => strings(&seg["cases"]),
        "roles" => {
            let roles = strings(&seg["roles"]);
            if roles.is_empty() { vec!["no speaker".to_string()] } else { roles }
        }
        "kinds" => vec![seg["kind"].as_str().unwrap().to_string()],
        "coders" => vec![seg["coder"].as_str().unwrap().to_string()],
        other => panic!("no recount for {other}"),
    }
}

/// The units a segment adds to a measure.
fn units_of(seg: &Value, measure: &str) -> Vec<String> {
    match measure {
        "segments" => vec![seg["coding_id"].to_string()],
        "sources" => vec![seg["source"].as_str().unwrap().to_string()],
        "cases" => strings(&seg["cases"]),
        other => panic!("no recount for {other}"),
    }
}

fn in_row(seg: &Value, row: &str, rollup: bool) -> bool {
    let code = seg["code"].as_str().unwrap();
    code == row || (rollup && code.starts_with(&format!("{row}/")))
}

/// Recounts a whole crosstab from the segments, for counting measures.
fn recount(segs: &[Value], rows: &[String], cols: &[String], by: &str, measure: &str, rollup: bool) -> Value {
    let distinct = |pick: &dyn Fn(&Value) -> bool, col: Option<&str>| -> u64 {
        let set: BTreeSet<String> = segs
            .iter()
            .filter(|s| pick(s) && col.is_none_or(|c| columns_of(s, by).iter().any(|x| x == c)))
            .flat_map(|s| units_of(s, measure))
            .collect();
        set.len() as u64
    };
    let cells: Vec<Vec<u64>> = rows.iter().map(|r| cols.iter().map(|c| distinct(&|s| in_row(s, r, rollup), Some(c))).collect()).collect();
    let row_totals: Vec<u64> = rows.iter().map(|r| distinct(&|s| in_row(s, r, rollup), None)).collect();
    let col_totals: Vec<u64> = cols.iter().map(|c| distinct(&|_| true, Some(c))).collect();
    json!({"cells": cells, "row_totals": row_totals, "col_totals": col_totals, "total": distinct(&|_| true, None)})
}

#[test]
fn every_crosstab_cell_equals_a_recount_from_the_codings() {
    let dir = Dir::new();
    let p = sample(&dir);
    let segs = codings(&p);
    assert!(segs.len() > 600, "the sample has hundreds of codings");
    let codes: Vec<String> = run_json(&p, &["list", "codes"]).as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap().to_string()).collect();
    let mut cases: Vec<String> = run_json(&p, &["list", "cases"]).as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    cases.sort();
    let mut coders: Vec<String> = run_json(&p, &["list", "coders"]).as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    coders.sort();
    let mut roles: Vec<String> = run_json(&p, &["list", "participants"])
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["role"].as_str().map(String::from))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    roles.push("no speaker".into());
    let kinds: Vec<String> = ["interview", "focus_group", "observation", "field_note", "case_file", "document"].map(String::from).to_vec();
    for (by, expected_cols) in [("cases", &cases), ("roles", &roles), ("kinds", &kinds), ("coders", &coders)] {
        for measure in ["segments", "sources", "cases"] {
            for rollup in [false, true] {
                let mut args = vec!["crosstab", "--cols", by, "--measure", measure];
                if rollup {
                    args.push("--rollup");
                }
                let t = run_json(&p, &args);
                let what = format!("--cols {by} --measure {measure} rollup={rollup}");
                assert_eq!(t["measure"], measure, "{what}");
                assert_eq!(strings(&t["rows"]), codes, "{what}");
                assert_eq!(&strings(&t["cols"]), expected_cols, "{what}");
                let want = recount(&segs, &codes, expected_cols, by, measure, rollup);
                for key in ["cells", "row_totals", "col_totals", "total"] {
                    assert_eq!(t[key], want[key], "{what}: {key}");
                }
            }
        }
    }
}

/// The chars of each source covered by the segments of `pick`, rebuilt from the segments' texts.
fn union_text(segs: &[&Value]) -> BTreeMap<String, BTreeMap<usize, char>> {
    let mut out: BTreeMap<String, BTreeMap<usize, char>> = BTreeMap::new();
    for s in segs {
        let start = s["start"].as_u64().unwrap() as usize;
        let chars = out.entry(s["source"].as_str().unwrap().to_string()).or_default();
        for (i, ch) in s["text"].as_str().unwrap().chars().enumerate() {
            chars.insert(start + i, ch);
        }
    }
    out
}

/// Words in the maximal stretches of covered chars, as the words measure counts them.
fn words(chars: &BTreeMap<usize, char>) -> u64 {
    let mut total = 0;
    let mut stretch = String::new();
    let mut prev: Option<usize> = None;
    for (&i, &ch) in chars {
        if prev.is_some_and(|p| p + 1 != i) {
            total += thicket_core::text::word_count(&stretch);
            stretch.clear();
        }
        stretch.push(ch);
        prev = Some(i);
    }
    (total + thicket_core::text::word_count(&stretch)) as u64
}

#[test]
fn words_and_coverage_by_case_equal_a_recount_of_the_coded_text() {
    let dir = Dir::new();
    let p = sample(&dir);
    let segs = codings(&p);
    let words_t = run_json(&p, &["crosstab", "--cols", "cases", "--measure", "words", "--rollup"]);
    let cov_t = run_json(&p, &["crosstab", "--cols", "cases", "--measure", "coverage", "--rollup"]);
    let sources = run_json(&p, &["list", "sources"]);
    let rows = strings(&words_t["rows"]);
    let cols = strings(&words_t["cols"]);
    let case_chars: Vec<u64> = cols
        .iter()
        .map(|c| {
            sources.as_array().unwrap().iter().filter(|s| strings(&s["cases"]).contains(c)).map(|s| s["characters"].as_u64().unwrap()).sum()
        })
        .collect();
    assert_eq!(cov_t["col_chars"], json!(case_chars));
    for (r, row) in rows.iter().enumerate() {
        for (k, col) in cols.iter().enumerate() {
            let picked: Vec<&Value> = segs.iter().filter(|s| in_row(s, row, true) && strings(&s["cases"]).contains(col)).collect();
            let union = union_text(&picked);
            let w: u64 = union.values().map(words).sum();
            let covered: u64 = union.values().map(|m| m.len() as u64).sum();
            assert_eq!(words_t["cells"][r][k], w, "words {row} × {col}");
            assert_eq!(cov_t["covered_chars"]["cells"][r][k], covered, "covered chars {row} × {col}");
            let pct = (covered as f64 * 100.0 / case_chars[k] as f64 * 10_000.0).round() / 10_000.0;
            assert_eq!(cov_t["cells"][r][k], json!(pct), "coverage {row} × {col}");
        }
    }
    // Overlapping codings (two coders on one passage) count once: the words of a row are at most
    // the words of its segments added up.
    let total_words: u64 = union_text(&segs.iter().collect::<Vec<_>>()).values().map(words).sum();
    assert_eq!(words_t["total"], total_words);
}

/// Every command, in every format: the shapes scripts rely on.
#[test]
fn every_command_prints_every_format() {
    let dir = Dir::new();
    let p = sample(&dir);
    let commands: Vec<Vec<&str>> = vec![
        vec!["crosstab", "--cols", "roles"],
        vec!["crosstab", "--cols", "period:session", "--measure", "coverage", "--rollup"],
        vec!["cooccur", "--mode", "paragraph"],
        vec!["triangulate", "--rollup"],
        vec!["sequence", "--from", "Ruptures", "--to", "Repair", "--window", "sessions:1"],
        vec!["timeline", "--rollup"],
    ];
    for args in &commands {
        let name = args.join(" ");
        // JSON: the documented top-level keys.
        let j = run_json(&p, args);
        let keys: Vec<&str> = match args[0] {
            "crosstab" => vec!["measure", "rows", "cols", "cells", "row_totals", "col_totals", "total", "dimension", "rollup"],
            "cooccur" => vec!["mode", "codes", "codings", "counts", "linked", "jaccard"],
            "triangulate" => vec!["cases", "codes", "cells", "summary", "rollup", "ignore_roles"],
            "sequence" => vec!["sequence", "transitions"],
            "timeline" => vec!["codes", "cases", "rollup"],
            _ => unreachable!(),
        };
        for k in keys {
            assert!(j.get(k).is_some(), "{name}: JSON lacks {k}");
        }
        // Table: a header line, aligned rows. CSV: the same table. Markdown: a pipe table.
        let table = run(&p, args);
        let csv = run(&p, &[args.as_slice(), &["--format", "csv"]].concat());
        let md = run(&p, &[args.as_slice(), &["--format", "md"]].concat());
        let first_csv: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        // Commands with several tables title each; the first table's header is the CSV's.
        assert!(table.lines().take(2).any(|l| l.starts_with(first_csv[0])), "{name}: table {table:?}");
        assert!(csv.contains("\r\n"), "{name}: CSV lines end in CRLF");
        let md_lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert!(md_lines.len() >= 3 && md_lines[1].contains("---"), "{name}: md {md:?}");
        // XLSX: a workbook whose first sheet holds the CSV's header.
        let out = dir.path(&format!("{}.xlsx", args[0]));
        run(&p, &[args.as_slice(), &["--format", "xlsx", "--out", out.to_str().unwrap()]].concat());
        let mut book: Xlsx<_> = open_workbook(&out).unwrap();
        let first = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&first).unwrap();
        let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        assert_eq!(header.len(), first_csv.len(), "{name}: xlsx header {header:?}");
        assert_eq!(range.height(), csv.lines().count(), "{name}: xlsx rows");
    }
    // Specific shapes.
    let t = run_json(&p, &["crosstab", "--cols", "period:session", "--measure", "coverage"]);
    assert_eq!(t["cols"][0], "session 1");
    assert_eq!(t["cols"].as_array().unwrap().last().unwrap(), "no session");
    assert!(t["cells"][0][0].is_f64() || t["cells"][0][0].is_u64());
    assert!(t["covered_chars"]["cells"].is_array() && t["col_chars"].is_array() && t["total_chars"].is_u64());
    let months = run_json(&p, &["crosstab", "--cols", "period"]);
    assert_eq!(strings(&months["cols"]), ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "undated"]);
    let c = run_json(&p, &["cooccur"]);
    let n = c["codes"].as_array().unwrap().len();
    for a in 0..n {
        assert_eq!(c["counts"][a][a], c["codings"][a]);
        for b in 0..n {
            assert_eq!(c["counts"][a][b], c["counts"][b][a], "symmetric");
            let jab = c["jaccard"][a][b].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&jab), "Jaccard {jab} out of range");
        }
    }
    let tri = run_json(&p, &["triangulate"]);
    let cell = &tri["cells"][0][0];
    for k in ["codings", "sources", "kinds", "roles", "across_methods", "across_perspectives", "status"] {
        assert!(cell.get(k).is_some(), "triangulation cell lacks {k}");
    }
    let s = run_json(&p, &["sequence", "--from", "Ruptures/Withdrawal", "--to", "Repair", "--window", "turns:3"]);
    let seq = &s["sequence"];
    assert_eq!(seq["window"], "turns:3");
    assert_eq!(seq["unit"], "turns");
    // The focus group is in three cases: its codings count in each case, and once overall.
    let case_sum: u64 = seq["cases"].as_array().unwrap().iter().map(|c| c["from_codings"].as_u64().unwrap()).sum();
    let withdrawals = run_json(&p, &["segments", "--code", "Ruptures/Withdrawal"]).as_array().unwrap().len() as u64;
    assert_eq!(seq["overall"]["from_codings"], withdrawals);
    assert!(withdrawals < case_sum);
    assert_eq!(strings(&s["transitions"]["codes"]), ["Ruptures/Withdrawal", "Repair"]);
    let only = run_json(&p, &["sequence", "--code", "Tensions", "--code", "Ruptures", "--code", "Repair"]);
    assert_eq!(only["sequence"], Value::Null);
    assert_eq!(only["transitions"]["counts"].as_array().unwrap().len(), 3);
    let tl = run_json(&p, &["timeline", "--code", "Ruptures/Withdrawal"]);
    assert_eq!(strings(&tl["codes"]), ["Ruptures/Withdrawal"]);
    let first_case = &tl["cases"][0];
    assert_eq!(first_case["sessions"][0]["session"], 1);
    assert_eq!(first_case["sessions"][0]["counts"].as_array().unwrap().len(), 1);
}

/// Each analysis's JSON, byte for byte, against outputs saved from the sample study in
/// `tests/data/analysis_json/`: key order, 4-decimal rounding and nesting are a stable contract
/// (docs/cli.md), which a change to how the reports are built must not touch. A deliberate change
/// to the sample study changes them: then save each command's new output over its file.
#[test]
fn json_reports_match_the_saved_outputs() {
    let dir = Dir::new();
    let p = sample(&dir);
    let golden: [(&str, &[&str]); 7] = [
        ("crosstab_counts", &["crosstab", "--cols", "kinds", "--measure", "sources", "--case", "Mensah family"]),
        ("crosstab_coverage", &["crosstab", "--cols", "coders", "--measure", "coverage", "--rollup", "--case", "Mensah family"]),
        ("cooccur", &["cooccur", "--mode", "within:300", "--code", "Ruptures/Withdrawal", "--code", "Repair/Honesty", "--code", "Repair/Safe space"]),
        ("triangulate", &["triangulate", "--ignore-role", "interviewer", "--case", "Mensah family", "--kind", "interview"]),
        ("sequence", &["sequence", "--from", "Ruptures/Withdrawal", "--to", "Repair", "--window", "turns:4", "--case", "Mensah family"]),
        ("sequence_transitions", &["sequence", "--code", "Tensions", "--code", "Ruptures", "--window", "paragraphs:2", "--case", "Mensah family"]),
        ("timeline", &["timeline", "--code", "Ruptures/Withdrawal", "--code", "Repair", "--case", "Mensah family"]),
    ];
    let saved = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/analysis_json");
    for (name, args) in golden {
        // A checkout may have turned the files' line ends into CRLF; the output has LF.
        let want = std::fs::read_to_string(saved.join(format!("{name}.json"))).unwrap().replace("\r\n", "\n");
        let got = run(&p, &[args, &["--format", "json"]].concat());
        assert_eq!(got, want, "{name}: {}", args.join(" "));
    }
}

#[test]
fn xlsx_round_trips_the_crosstab_numbers() {
    let dir = Dir::new();
    let p = sample(&dir);
    let j = run_json(&p, &["crosstab", "--cols", "kinds", "--rollup"]);
    let out = dir.path("kinds.xlsx");
    run(&p, &["crosstab", "--cols", "kinds", "--rollup", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["crosstab"]);
    let range = book.worksheet_range("crosstab").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let mut header = vec!["code".to_string()];
    header.extend(strings(&j["cols"]));
    header.push("total".into());
    assert_eq!(rows[0].iter().map(|c| c.to_string()).collect::<Vec<_>>(), header);
    for (r, code) in strings(&j["rows"]).iter().enumerate() {
        assert_eq!(rows[r + 1][0], Data::String(code.clone()));
        for (k, n) in j["cells"][r].as_array().unwrap().iter().enumerate() {
            assert_eq!(rows[r + 1][k + 1], Data::Float(n.as_f64().unwrap()), "{code} col {k}");
        }
        assert_eq!(rows[r + 1].last().unwrap(), &Data::Float(j["row_totals"][r].as_f64().unwrap()));
    }
    let last = rows.last().unwrap();
    assert_eq!(last[0], Data::String("total".into()));
    assert_eq!(last.last().unwrap(), &Data::Float(j["total"].as_f64().unwrap()));
    // Triangulation writes its grid, long cells and summary as three sheets.
    let out = dir.path("tri.xlsx");
    run(&p, &["triangulate", "--format", "xlsx", "--out", out.to_str().unwrap()]);
    let book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["grid", "cells", "summary"]);
}

/// The codings of `code` or its branch, by source, as (id, start, end).
fn spans_of(segs: &[Value], code: &str, branch: bool) -> HashMap<String, Vec<(u64, u64, u64)>> {
    let mut out: HashMap<String, Vec<(u64, u64, u64)>> = HashMap::new();
    for s in segs.iter().filter(|s| in_row(s, code, branch)) {
        out.entry(s["source"].as_str().unwrap().to_string())
            .or_default()
            .push((s["coding_id"].as_u64().unwrap(), s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()));
    }
    out
}

/// The ids `A AND B` should retrieve: both sides of every overlapping pair of distinct codings
/// in one source, among the segments `keep` lets through.
fn overlaps(segs: &[Value], a: &str, b: &str, keep: &dyn Fn(&Value) -> bool) -> BTreeSet<u64> {
    let kept: Vec<Value> = segs.iter().filter(|s| keep(s)).cloned().collect();
    let (xs, ys) = (spans_of(&kept, a, true), spans_of(&kept, b, true));
    let mut want = BTreeSet::new();
    for (source, xs) in &xs {
        for x in xs {
            for y in ys.get(source).into_iter().flatten() {
                if x.0 != y.0 && x.1 < y.2 && y.1 < x.2 {
                    want.insert(x.0);
                    want.insert(y.0);
                }
            }
        }
    }
    want
}

fn ids(v: &Value) -> BTreeSet<u64> {
    v.as_array().unwrap().iter().map(|s| s["coding_id"].as_u64().unwrap()).collect()
}

#[test]
fn segments_query_equals_a_recount_of_overlaps() {
    let dir = Dir::new();
    let p = sample(&dir);
    let segs = codings(&p);
    let want = overlaps(&segs, "Ruptures/Withdrawal", "Tensions", &|_| true);
    assert!(want.len() >= 6, "the sample has withdrawal passages that are also coded as tensions");
    let got = run_json(&p, &["segments", "--query", "\"Ruptures/Withdrawal\" AND Tensions"]);
    assert_eq!(ids(&got), want);
    // Filters narrow both sides first: with one coder, both codings of a pair must be theirs.
    for coder in ["Amara", "Jonas"] {
        let one = run_json(&p, &["segments", "--query", "\"Ruptures/Withdrawal\" AND Tensions", "--coder", coder]);
        assert_eq!(ids(&one), overlaps(&segs, "Ruptures/Withdrawal", "Tensions", &|s| s["coder"] == coder), "{coder}");
    }
    // Dates: only sources dated in March.
    let march = run_json(&p, &["segments", "--query", "Ruptures OR Repair", "--from-date", "2025-03-01", "--to-date", "2025-03-31"]);
    assert!(!march.as_array().unwrap().is_empty());
    assert!(march.as_array().unwrap().iter().all(|s| s["date"].as_str().unwrap().starts_with("2025-03")));
    // The date filters also work without --query.
    let plain = run_json(&p, &["segments", "--all-codes", "--from-date", "2025-06-01"]);
    assert!(plain.as_array().unwrap().iter().all(|s| s["date"].as_str().unwrap() >= "2025-06-01"));
    // An empty result is an empty array.
    let none = run_json(&p, &["segments", "--query", "Repair NOT Repair OR Ruptures NOT Ruptures", "--case", "Harlow family", "--kind", "document"]);
    assert_eq!(none, json!([]));
    // Old flags keep working.
    let by_code = run_json(&p, &["segments", "--code", "Ruptures/Withdrawal", "--role", "caregiver"]);
    assert_eq!(by_code.as_array().unwrap().len(), 42);
}

#[test]
fn bad_values_fail_with_exit_1_and_name_the_value() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    fails(&p, &["crosstab", "--cols", "families"], &["unknown --cols \"families\"", "period:session", "attr:NAME"]);
    fails(&p, &["crosstab", "--cols", "cases", "--measure", "minutes"], &["unknown --measure \"minutes\"", "coverage"]);
    fails(&p, &["crosstab", "--cols", "attr:income"], &["no attribute named \"income\""]);
    fails(&p, &["crosstab", "--cols", "cases", "--format", "xml"], &["unknown format \"xml\"", "md, xlsx, svg or png"]);
    fails(&p, &["crosstab", "--cols", "cases", "--format", "xlsx"], &["give --out FILE.xlsx"]);
    fails(&p, &["crosstab", "--cols", "cases", "--case", "Smith family"], &["no case named \"Smith family\""]);
    fails(&p, &["cooccur", "--mode", "sentence"], &["unknown co-occurrence mode \"sentence\"", "within:N"]);
    fails(&p, &["cooccur", "--code", "Rupture"], &["no code \"Rupture\" in the codebook"]);
    fails(&p, &["triangulate", "--ignore-role", "mother"], &["no participant has the role \"mother\""]);
    fails(&p, &["sequence", "--from", "Ruptures", "--to", "Repair", "--window", "weeks:2"], &["invalid window \"weeks:2\"", "sessions:K"]);
    fails(&p, &["sequence", "--from", "Rupture", "--to", "Repair"], &["no code \"Rupture\" in the codebook"]);
    fails(&p, &["sequence", "--from", "Ruptures"], &["give both --from A and --to B"]);
    fails(&p, &["sequence"], &["say what to follow"]);
    fails(&p, &["segments", "--query", "Ruptures AND"], &["invalid query \"Ruptures AND\"", "after AND"]);
    fails(&p, &["segments", "--query", "Ruptures", "--code", "Repair"], &["--query chooses the codes itself"]);
    fails(&p, &["segments", "--query", "Ruptures", "--from-date", "2025-13-01"], &["invalid date \"2025-13-01\""]);
    fails(&p, &["segments", "--all-codes", "--to-date", "soon"], &["invalid date \"soon\""]);
    fails(&p, &["timeline", "--role", "parent"], &["unknown role \"parent\""]);
    assert_eq!(bytes(&p), before, "analyses never change the project");
}
