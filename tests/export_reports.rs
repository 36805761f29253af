//! `thicket export PROJECT codebook` and `case-report` on the bundled sample study (and a small
//! project for CSV injection), read back and parsed: the codebook's hierarchy order, descriptions
//! and counts (equal to what `segments` and `crosstab` say), anchors by rule and by choice, and
//! case reports listing exactly a case's sources, participants and memos, with quotes that are
//! their codings' text exactly.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use thicket_core::model::CodeDescription;
use thicket_core::{Action, Project};

fn sample(dir: &Dir) -> PathBuf {
    let p = dir.path("sample.thicket");
    ok(["sample", p.to_str().unwrap()]);
    p
}

/// Runs `thicket export PROJECT WHAT ARGS --out FILE` and reads the file back.
fn export(project: &Path, what: &str, args: &[&str], ext: &str) -> String {
    let out = project.with_extension(format!("out.{ext}"));
    let mut all = vec!["export", project.to_str().unwrap(), what];
    all.extend(args);
    all.extend(["--format", ext, "--out", out.to_str().unwrap()]);
    ok(all);
    std::fs::read_to_string(out).unwrap()
}

fn export_json(project: &Path, what: &str, args: &[&str]) -> Value {
    serde_json::from_str(&export(project, what, args, "json")).unwrap()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect()
}

/// The segments `thicket segments PROJECT ARGS` retrieves.
fn segments(project: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["segments", project.to_str().unwrap()];
    all.extend(args);
    all.extend(["--format", "json"]);
    json(all).as_array().unwrap().clone()
}

/// Coding id → its text, from `segments --all-codes`.
fn coded_texts(project: &Path) -> HashMap<i64, String> {
    segments(project, &["--all-codes"]).iter().map(|s| (s["coding_id"].as_i64().unwrap(), s["text"].as_str().unwrap().to_string())).collect()
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

/// The block quotes of a Markdown file, in order.
fn md_quotes(md: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in md.lines() {
        if let Some(rest) = line.strip_prefix('>') {
            current.get_or_insert_with(Vec::new).push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
        } else if let Some(q) = current.take() {
            quotes.push(q.join("\n"));
        }
    }
    quotes.extend(current.map(|q| q.join("\n")));
    quotes
}

/// Markdown headings as (level, text), `#` (the title) being level 0.
fn md_headings(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter_map(|l| {
            let hashes = l.chars().take_while(|&c| c == '#').count();
            (hashes > 0 && l[hashes..].starts_with(' ')).then(|| (hashes - 1, unescape_md(l[hashes + 1..].trim())))
        })
        .collect()
}

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The text inside each `<tag …>…</tag>` of an HTML file, in order.
fn html_elements(html: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    html.match_indices(&open)
        .filter(|(i, _)| html[i + open.len()..].starts_with(['>', ' ']))
        .map(|(i, _)| {
            let start = i + html[i..].find('>').unwrap() + 1;
            let end = start + html[start..].find(&close).unwrap();
            unescape_html(&html[start..end])
        })
        .collect()
}

/// The rows of each HTML table: cells without markup.
fn html_tables(html: &str) -> Vec<Vec<Vec<String>>> {
    html_elements(html, "tbody")
        .iter()
        .map(|body| html_elements(body, "tr").iter().map(|row| html_elements(row, "td").iter().map(|c| strip_tags(c)).collect()).collect())
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn csv_records(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect()
}

#[test]
fn the_codebook_lists_every_code_in_tree_order_with_its_description_in_every_format() {
    let dir = Dir::new();
    let p = sample(&dir);
    let codes = json(["list", p.to_str().unwrap(), "codes", "--format", "json"]);
    let codes = codes.as_array().unwrap();
    assert_eq!(codes.len(), 21);
    let paths: Vec<&str> = codes.iter().map(|c| c["path"].as_str().unwrap()).collect();

    let report = export_json(&p, "codebook", &[]);
    let entries = report["codes"].as_array().unwrap();
    assert_eq!(entries.iter().map(|e| e["path"].as_str().unwrap()).collect::<Vec<_>>(), paths);
    for (e, c) in entries.iter().zip(codes) {
        assert_eq!(e["definition"], c["description"], "{}", c["path"]);
        for field in ["use_when", "do_not_use_when", "example"] {
            assert_eq!(e[field], c[field], "{} of {}", field, c["path"]);
        }
        assert_eq!(e["colour"], c["color"]);
        assert_eq!(e["parent"], c["parent"]);
    }
    assert_eq!(entries[1]["depth"], 1);
    assert_eq!(entries[0]["depth"], 0);

    // Markdown: one heading per code in tree order, top codes at level 1, sub-codes at level 2.
    let md = export(&p, "codebook", &[], "md");
    let headings: Vec<(usize, String)> = md_headings(&md).into_iter().filter(|(l, t)| *l > 0 && t != "Overview" && t != "Codes by case").collect();
    let expected: Vec<(usize, String)> = codes.iter().map(|c| (if c["parent"].is_null() { 1 } else { 2 }, c["name"].as_str().unwrap().to_string())).collect();
    assert_eq!(headings, expected);
    let bond = codes.iter().find(|c| c["path"] == "Alliance/Bond").unwrap();
    assert!(md.contains(&format!("**Definition.** {}", bond["description"].as_str().unwrap())), "{md}");
    assert!(md.contains("**Use when.** someone describes or shows trust"), "{md}");

    // HTML: the same headings, and a swatch of each code's colour in both tables.
    let html = export(&p, "codebook", &[], "html");
    let h2: Vec<String> = html_elements(&html, "h2");
    assert_eq!(h2.first().map(String::as_str), Some("Overview"));
    assert!(h2.contains(&"Child's perspective".to_string()));
    for c in codes {
        let swatch = format!("<span class=\"swatch\" style=\"background:{}\"></span>", c["color"].as_str().unwrap().to_lowercase());
        assert_eq!(html.matches(&swatch).count(), 2, "{swatch}");
    }
    let tables = html_tables(&html);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0].iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), paths);
}

#[test]
fn codebook_counts_equal_segments_and_crosstab() {
    let dir = Dir::new();
    let p = sample(&dir);
    let report = export_json(&p, "codebook", &[]);
    let crosstab = |measure: &str, rollup: bool| {
        let mut args = vec!["crosstab", p.to_str().unwrap(), "--cols", "cases", "--measure", measure, "--format", "json"];
        if rollup {
            args.push("--rollup");
        }
        json(args)
    };
    let segments_table = crosstab("segments", false);
    assert_eq!(report["cases"], segments_table["cols"]);
    for (i, e) in report["codes"].as_array().unwrap().iter().enumerate() {
        let path = e["path"].as_str().unwrap();
        let own = segments(&p, &["--code", path]);
        let with_subcodes = segments(&p, &["--code", path, "--subcodes"]);
        let distinct = |rows: &[Value], key: &str| rows.iter().map(|s| s[key].to_string()).collect::<BTreeSet<_>>().len() as u64;
        let case_count = |rows: &[Value]| rows.iter().flat_map(|s| strs(&s["cases"])).collect::<BTreeSet<_>>().len() as u64;
        assert_eq!(e["counts"]["codings"].as_u64().unwrap(), own.len() as u64, "{path}");
        assert_eq!(e["counts"]["sources"].as_u64().unwrap(), distinct(&own, "source_id"), "{path}");
        assert_eq!(e["counts"]["cases"].as_u64().unwrap(), case_count(&own), "{path}");
        assert_eq!(e["with_subcodes"]["codings"].as_u64().unwrap(), with_subcodes.len() as u64, "{path}");
        assert_eq!(e["with_subcodes"]["sources"].as_u64().unwrap(), distinct(&with_subcodes, "source_id"), "{path}");
        assert_eq!(e["with_subcodes"]["cases"].as_u64().unwrap(), case_count(&with_subcodes), "{path}");
        assert_eq!(e["per_case"], segments_table["cells"][i], "{path}");
        assert_eq!(e["with_subcodes"]["cases"], crosstab("cases", true)["row_totals"][i], "{path}");
        for (c, case) in strs(&report["cases"]).iter().enumerate() {
            assert_eq!(e["per_case"][c].as_u64().unwrap(), segments(&p, &["--code", path, "--case", case]).len() as u64, "{path} in {case}");
        }
    }
    // The same numbers in the CSV, one row per code.
    let rows = csv_records(&export(&p, "codebook", &[], "csv"));
    assert_eq!(rows.len(), 21);
    let withdrawal = rows.iter().find(|r| r["path"] == "Ruptures/Withdrawal").unwrap();
    let json_withdrawal = report["codes"].as_array().unwrap().iter().find(|e| e["path"] == "Ruptures/Withdrawal").unwrap();
    assert_eq!(withdrawal["parent"], "Ruptures");
    assert_eq!(withdrawal["colour"], "#E53935");
    assert_eq!(withdrawal["codings"], json_withdrawal["counts"]["codings"].to_string());
    assert_eq!(withdrawal["codings in Harlow family"], json_withdrawal["per_case"][0].to_string());
    assert_eq!(withdrawal["definition"], json_withdrawal["definition"].as_str().unwrap());
    let ruptures = rows.iter().find(|r| r["path"] == "Ruptures").unwrap();
    assert_eq!(ruptures["codings"], "0");
    assert_eq!(ruptures["codings_with_subcodes"], segments(&p, &["--code", "Ruptures", "--subcodes"]).len().to_string());
}

#[test]
fn codebook_csv_cells_that_look_like_formulas_are_neutralised() {
    let dir = Dir::new();
    let project = dir.path("small.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p]);
    ok(["code", p, "add", "@risk", "--description", "=HYPERLINK(\"http://example.invalid\",\"x\")"]);
    ok(["code", p, "add", "@risk/+sub", "--description=- a dash at the start"]);
    ok(["code", p, "add", "Plain", "--description", "Nothing to see = here"]);
    let rows = csv_records(&export(&project, "codebook", &[], "csv"));
    let cells: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r["path"].as_str(), r["parent"].as_str(), r["definition"].as_str())).collect();
    assert_eq!(
        cells,
        [
            ("'@risk", "", "'=HYPERLINK(\"http://example.invalid\",\"x\")"),
            ("'@risk/+sub", "'@risk", "'- a dash at the start"),
            ("Plain", "", "Nothing to see = here"),
        ]
    );
    assert_eq!(rows[1]["name"], "'+sub");
    // Markdown and JSON keep the text as written.
    let report = export_json(&project, "codebook", &[]);
    assert_eq!(report["codes"][0]["definition"], "=HYPERLINK(\"http://example.invalid\",\"x\")");
}

#[test]
fn anchors_match_the_example_else_a_median_coding_and_can_be_chosen() {
    let dir = Dir::new();
    let p = sample(&dir);
    let texts = coded_texts(&p);
    let honesty = segments(&p, &["--code", "Repair/Honesty"]);
    // Give Repair/Honesty an example that is (part of) one of its codings, in other quotation marks.
    let target = honesty.iter().find(|s| s["text"].as_str().unwrap().split_whitespace().count() > 12).unwrap();
    let words: Vec<&str> = target["text"].as_str().unwrap().split_whitespace().collect();
    let example = format!("\u{201c}{}\u{201d}", words[..8].join(" ").to_uppercase());
    {
        let mut project = Project::open(&p).unwrap();
        let book = project.codebook().unwrap();
        let id = book.by_path("Repair/Honesty").unwrap();
        let code = book.get(id).unwrap().clone();
        let description = CodeDescription { example: example.clone(), ..code.description.clone() };
        project
            .perform(Action::UpdateCode { id, parent: code.parent_id, name: code.name.clone(), color: code.color.clone(), description, sort_order: code.sort_order })
            .unwrap();
        project.close().unwrap();
    }
    let report = export_json(&p, "codebook", &["--anchors"]);
    let entry = |path: &str| report["codes"].as_array().unwrap().iter().find(|e| e["path"] == path).unwrap().clone();
    let anchor = entry("Repair/Honesty")["anchor"].clone();
    assert_eq!(anchor["rule"], "example");
    let chosen_text = anchor["text"].as_str().unwrap();
    assert!(chosen_text.to_uppercase().contains(&words[..8].join(" ").to_uppercase()), "{chosen_text}");
    assert_eq!(chosen_text, texts[&anchor["coding_id"].as_i64().unwrap()]);

    // Without a matching example: the median-length coding among those of 10 to 80 words.
    let bond = entry("Alliance/Bond")["anchor"].clone();
    assert_eq!(bond["rule"], "representative");
    let mut lengths: Vec<usize> = segments(&p, &["--code", "Alliance/Bond"])
        .iter()
        .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
        .filter(|n| (10..=80).contains(n))
        .collect();
    lengths.sort();
    assert_eq!(bond["text"].as_str().unwrap().split_whitespace().count(), lengths[(lengths.len() - 1) / 2]);
    assert_eq!(bond["text"].as_str().unwrap(), texts[&bond["coding_id"].as_i64().unwrap()]);
    // A parent without codings of its own has no anchor.
    assert!(entry("Alliance")["anchor"].is_null());

    // The citation is the one `export excerpts` gives the same coding.
    let excerpts = export_json(&p, "excerpts", &["--code", "Alliance/Bond"]);
    // (By text: a passage two coders coded alike is one excerpt, under its first coding's id.)
    let cited: Vec<&Value> = excerpts["groups"][0]["sections"][0]["excerpts"].as_array().unwrap().iter().filter(|e| e["text"] == bond["text"]).collect();
    assert_eq!(cited[0]["citation"], bond["citation"]);

    // Chosen by hand; the Markdown quote is the coding's text.
    let pick = honesty.last().unwrap()["coding_id"].as_i64().unwrap();
    let choice = format!("Repair/Honesty={pick}");
    let report = export_json(&p, "codebook", &["--anchor", &choice]);
    let anchor = report["codes"].as_array().unwrap().iter().find(|e| e["path"] == "Repair/Honesty").unwrap()["anchor"].clone();
    assert_eq!((anchor["rule"].as_str().unwrap(), anchor["coding_id"].as_i64().unwrap()), ("chosen", pick));
    let md = export(&p, "codebook", &["--anchor", &choice], "md");
    assert!(md_quotes(&md).contains(&texts[&pick]), "{md}");
    let html = export(&p, "codebook", &["--anchors"], "html");
    let quotes = html_elements(&html, "blockquote");
    assert_eq!(quotes.len(), report["codes"].as_array().unwrap().iter().filter(|e| !e["anchor"].is_null()).count());
    assert!(quotes.iter().all(|q| texts.values().any(|t| t == q)));

    // A coding of another code, or an unknown one, is refused by name.
    let other = segments(&p, &["--code", "Alliance/Bond"])[0]["coding_id"].as_i64().unwrap();
    let o = on_project("export", &p, &["codebook", "--anchor", &format!("Repair/Honesty={other}"), "--out", "-"]);
    fails_with(&o, &[&format!("coding {other} is coded \"Alliance/Bond\", not \"Repair/Honesty\"")]);
    fails_with(&on_project("export", &p, &["codebook", "--anchor", "Repair/Honesty", "--out", "-"]), &["invalid --anchor \"Repair/Honesty\""]);
    fails_with(&on_project("export", &p, &["codebook", "--anchor", "Nope=1", "--out", "-"]), &["no code \"Nope\""]);
}

fn add_memos(p: &Path) {
    let project = p.to_str().unwrap();
    ok(["memo", project, "add", "--case", "Harlow family", "--body", "Trust grew after the school meeting."]);
    ok(["memo", project, "add", "--source", "Harlow – session 1 (joint interview)", "--range", "100..140", "--body", "A passage memo on session one."]);
    ok(["memo", project, "add", "--source", "Harlow – case file excerpt", "--body", "The file's tone is formal."]);
    ok(["memo", project, "add", "--source", "Harlow – session 4 (joint interview)", "--body", "# Ending\n\n- ask about the review"]);
    ok(["memo", project, "add", "--case", "Kowalski family", "--body", "A memo on another family."]);
    ok(["memo", project, "add", "--source", "Kowalski – session 1 (joint interview)", "--body", "Another family's session."]);
}

#[test]
fn a_case_report_lists_exactly_the_cases_sources_participants_codes_and_memos() {
    let dir = Dir::new();
    let p = sample(&dir);
    add_memos(&p);
    let report = export_json(&p, "case-report", &["--case", "Harlow family"]);
    let cases = report["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    let harlow = &cases[0];
    assert_eq!(harlow["name"], "Harlow family");

    let sources = json(["list", p.to_str().unwrap(), "sources", "--format", "json"]);
    let mut expected: Vec<(String, String, String)> = sources
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| strs(&s["cases"]).contains(&"Harlow family".to_string()))
        .map(|s| (s["date"].as_str().unwrap().to_string(), s["name"].as_str().unwrap().to_string(), s["kind"].as_str().unwrap().to_string()))
        .collect();
    expected.sort();
    let listed: Vec<(String, String, String)> = harlow["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["date"].as_str().unwrap().to_string(), s["name"].as_str().unwrap().to_string(), s["kind"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(listed, expected, "every source of the case, by date, and no other");
    assert_eq!(listed.len(), 7);

    let people = json(["list", p.to_str().unwrap(), "participants", "--format", "json"]);
    let expected: Vec<(String, String)> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| strs(&x["cases"]).contains(&"Harlow family".to_string()))
        .map(|x| (x["name"].as_str().unwrap().to_string(), x["role"].as_str().unwrap_or_default().to_string()))
        .collect();
    let listed: Vec<(String, String)> =
        harlow["participants"].as_array().unwrap().iter().map(|x| (x["name"].as_str().unwrap().to_string(), x["role"].as_str().unwrap().to_string())).collect();
    assert_eq!(listed, expected);
    assert!(listed.contains(&("Priya".into(), "social_worker".into())) && !listed.iter().any(|(n, _)| n == "Marta"));

    // Codes with counts equal to `segments --case`.
    let in_case = segments(&p, &["--all-codes", "--case", "Harlow family"]);
    for c in harlow["codes"].as_array().unwrap() {
        let rows: Vec<&Value> = in_case.iter().filter(|s| s["code"] == c["path"]).collect();
        assert_eq!(c["codings"].as_u64().unwrap() as usize, rows.len(), "{}", c["path"]);
        assert_eq!(c["sources"].as_u64().unwrap() as usize, rows.iter().map(|s| s["source"].to_string()).collect::<BTreeSet<_>>().len());
    }
    assert_eq!(harlow["codes"].as_array().unwrap().iter().map(|c| c["codings"].as_u64().unwrap() as usize).sum::<usize>(), in_case.len());

    // The memos on the case and its sources, none of another family's.
    let memos: Vec<(String, String)> =
        harlow["memos"].as_array().unwrap().iter().map(|m| (m["on"].as_str().unwrap().to_string(), m["body"].as_str().unwrap().to_string())).collect();
    assert_eq!(
        memos,
        [
            ("the case".to_string(), "Trust grew after the school meeting.".to_string()),
            ("Harlow – case file excerpt".to_string(), "The file's tone is formal.".to_string()),
            (format!("Harlow – session 1 (joint interview), ¶{}", paragraph_at(&p, "Harlow – session 1 (joint interview)", 100)), "A passage memo on session one.".to_string()),
            ("Harlow – session 4 (joint interview)".to_string(), "# Ending\n\n- ask about the review".to_string()),
        ]
    );
    let md = export(&p, "case-report", &["--case", "Harlow family"], "md");
    assert!(md.contains("Trust grew after the school meeting.") && md.contains("The file's tone is formal.") && md.contains("A passage memo on session one."));
    assert!(!md.contains("another family"), "{md}");
    // A memo written like Markdown stays text: no heading or list in the report's outline.
    assert!(md.contains("\n\\# Ending\n\n\\- ask about the review\n"), "{md}");
    let html = export(&p, "case-report", &["--case", "Harlow family"], "html");
    let tables = html_tables(&html);
    let source_names: Vec<&str> = tables[0].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(source_names, harlow["sources"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect::<Vec<_>>());
    assert_eq!(tables[1].iter().find(|r| r[0] == "Priya").unwrap()[1], "Social worker");
}

/// The 1-based paragraph of char `at` in a source.
fn paragraph_at(project: &Path, source: &str, at: usize) -> usize {
    let p = Project::open(project).unwrap();
    let text = p.source_text(p.source_named(source).unwrap().id).unwrap();
    p.close().unwrap();
    thicket_core::text::TextIndex::new(&text).paragraph_of_char(at).unwrap()
}

#[test]
fn case_report_quotes_are_their_codings_text_exactly_at_most_three_per_code_by_default() {
    let dir = Dir::new();
    let p = sample(&dir);
    let texts = coded_texts(&p);
    let report = export_json(&p, "case-report", &["--case", "Mensah family"]);
    let groups = report["cases"][0]["excerpts"].as_array().unwrap();
    assert_eq!(groups.len(), report["cases"][0]["codes"].as_array().unwrap().len(), "one group per code with codings");
    let mut ids = Vec::new();
    for g in groups {
        let excerpts = g["excerpts"].as_array().unwrap();
        assert!((1..=3).contains(&excerpts.len()), "{}", g["code"]);
        // Spread over sessions: no source gives two while another source of the code gives none.
        let sources: BTreeSet<String> = excerpts.iter().map(|e| e["fields"]["source"].to_string()).collect();
        let available: BTreeSet<String> = segments(&p, &["--code", g["code"].as_str().unwrap(), "--case", "Mensah family"]).iter().map(|s| s["source"].to_string()).collect();
        assert_eq!(sources.len(), excerpts.len().min(available.len()), "{}", g["code"]);
        for e in excerpts {
            let id = e["coding_id"].as_i64().unwrap();
            assert_eq!(e["text"].as_str().unwrap(), texts[&id]);
            assert!(strs(&e["fields"]["cases"]).contains(&"Mensah family".to_string()));
            ids.push(id);
        }
    }
    let expected: Vec<String> = ids.iter().map(|id| texts[id].clone()).collect();
    let md = export(&p, "case-report", &["--case", "Mensah family"], "md");
    assert_eq!(md_quotes(&md), expected);
    let html = export(&p, "case-report", &["--case", "Mensah family"], "html");
    assert_eq!(html_elements(&html, "blockquote"), expected);

    // --code quotes all of that code's codings in the case (each passage once), --excerpts caps it.
    let all = export_json(&p, "case-report", &["--case", "Mensah family", "--code", "Ruptures/Withdrawal"]);
    let passages: BTreeSet<(String, u64, u64)> = segments(&p, &["--code", "Ruptures/Withdrawal", "--case", "Mensah family"])
        .iter()
        .map(|s| (s["source"].to_string(), s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
        .collect();
    let groups = all["cases"][0]["excerpts"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["excerpts"].as_array().unwrap().len(), passages.len());
    let one = export_json(&p, "case-report", &["--case", "Mensah family", "--code", "Ruptures/Withdrawal", "--excerpts", "1"]);
    assert_eq!(one["cases"][0]["excerpts"][0]["excerpts"].as_array().unwrap().len(), 1);
    let none = export_json(&p, "case-report", &["--case", "Mensah family", "--excerpts", "0"]);
    assert!(none["cases"][0]["excerpts"].as_array().unwrap().is_empty());
    let query = export_json(&p, "case-report", &["--case", "Mensah family", "--query", "\"Ruptures/Withdrawal\" AND \"Repair/Honesty\"", "--excerpts", "2"]);
    for g in query["cases"][0]["excerpts"].as_array().unwrap() {
        assert!(["Ruptures/Withdrawal", "Repair/Honesty"].contains(&g["code"].as_str().unwrap()), "{}", g["code"]);
    }
}

#[test]
fn several_cases_get_a_section_each_separated_by_page_breaks() {
    let dir = Dir::new();
    let p = sample(&dir);
    let html = export(&p, "case-report", &["--all-cases", "--excerpts", "1"], "html");
    assert_eq!(html_elements(&html, "h2"), ["Harlow family", "Kowalski family", "Mensah family"]);
    assert_eq!(html.matches("<div class=\"page-break\"></div>").count(), 2);
    assert!(html.contains("@media print"));
    // Cases in the order asked, each once.
    let md = export(&p, "case-report", &["--case", "Mensah family", "--case", "Harlow family", "--case", "Mensah family", "--excerpts", "0"], "md");
    let cases: Vec<String> = md_headings(&md).into_iter().filter(|(l, _)| *l == 1).map(|(_, t)| t).collect();
    assert_eq!(cases, ["Mensah family", "Harlow family"]);
}

#[test]
fn bad_report_requests_are_refused_by_name() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = bytes(&p);
    let run = |args: &[&str]| on_project("export", &p, args);
    fails_with(&run(&["case-report", "--case", "Nobody", "--out", "-"]), &["no case named \"Nobody\""]);
    fails_with(&run(&["case-report", "--out", "-"]), &["--case NAME (repeatable) or --all-cases"]);
    fails_with(&run(&["case-report", "--all-cases", "--case", "Harlow family", "--out", "-"]), &["not both"]);
    fails_with(&run(&["case-report", "--all-cases", "--format", "csv", "--out", "-"]), &["unknown format \"csv\": expected md, html, docx, json"]);
    fails_with(&run(&["case-report", "--all-cases", "--query", "Repair", "--code", "Repair", "--out", "-"]), &["leave out --code"]);
    fails_with(&run(&["codebook", "--format", "docx", "--out", "-"]), &["--format docx writes a file: give --out FILE.docx"]);
    fails_with(&run(&["codebook", "--citation", "({nope})", "--anchors", "--out", "-"]), &["nope"]);
    assert_eq!(bytes(&p), before, "an export never writes to the project");
    // To stdout.
    let md = ok(["export", p.to_str().unwrap(), "codebook", "--out", "-"]);
    assert!(md.starts_with("# Codebook: The working alliance in family preservation (sample study)\n"), "{md}");
}

#[test]
fn the_codebook_and_a_case_report_are_word_documents_with_the_same_headings_and_quotes() {
    let dir = Dir::new();
    let p = sample(&dir);
    // The codebook: a Heading per code, in the order of the Markdown's headings.
    let md = export(&p, "codebook", &["--anchors"], "md");
    let out = dir.path("codebook.docx");
    common::ok(["export", p.to_str().unwrap(), "codebook", "--anchors", "--format", "docx", "--out", out.to_str().unwrap()]);
    let docx = common::docx::Docx::open(&out);
    let headings: Vec<String> = docx.paragraphs().into_iter().filter(|para| para.style.starts_with("Heading")).map(|para| para.text).collect();
    // (The Markdown's `#` line is the title, which Word styles as Title, not a heading.)
    let md_titles: Vec<String> = md_headings(&md).into_iter().skip(1).map(|(_, t)| unescape_md(&t)).collect();
    assert_eq!(headings, md_titles);
    assert_eq!(docx.styled("Title"), [md_headings(&md)[0].1.clone()]);
    let texts = coded_texts(&p);
    let quotes = docx.styled("Quote");
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| texts.values().any(|t| t == q)), "every anchor is a coding's text");
    // A case report: the quotes are the codings' text, exactly.
    let out = dir.path("case.docx");
    common::ok(["export", p.to_str().unwrap(), "case-report", "--case", "Harlow family", "--format", "docx", "--out", out.to_str().unwrap()]);
    let quotes = common::docx::Docx::open(&out).styled("Quote");
    assert!(quotes.len() >= 3);
    assert!(quotes.iter().all(|q| texts.values().any(|t| t == q)), "{quotes:?}");
}
