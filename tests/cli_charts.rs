//! Charts from the command line: `--format svg|png` on `crosstab`, `cooccur`, `triangulate`,
//! `sequence` and `timeline`, on the sample study. Each SVG is parsed (quick-xml) and checked
//! against the same command's `--format json`: its title, the numbers in its cells, the caption
//! naming the filters, and its width in millimetres; each PNG by its signature and its IHDR size.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::*;

fn sample(dir: &Dir) -> PathBuf {
    let path = dir.path("s.thicket");
    ok(["sample".as_ref(), path.as_os_str()]);
    path
}

/// Runs `thicket COMMAND PROJECT ARGS… --format svg --out FILE` and returns the SVG's texts,
/// the root's width, height and viewBox, and the file's text.
fn svg(dir: &Dir, project: &Path, command: &str, args: &[&str]) -> (Vec<String>, (String, String, String), String) {
    let out = dir.path(&format!("{command}.svg"));
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "svg", "--out", out.to_str().unwrap()]);
    let o = on_project(command, project, &all);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "a chart goes to its file only");
    let text = std::fs::read_to_string(&out).unwrap();
    (svg_texts(&text), svg_root_size(&text), text)
}

/// The same command's `--format json`.
fn json_of(project: &Path, command: &str, args: &[&str]) -> Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    let o = on_project(command, project, &all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

fn has(texts: &[String], wanted: &str) {
    assert!(texts.iter().any(|t| t == wanted), "the chart shows {wanted:?}; it has {texts:?}");
}

/// The number a cell's tooltip `row · col: N` gives.
fn cell_number(texts: &[String], row: &str, col: &str) -> f64 {
    let prefix = format!("{row} · {col}: ");
    let text = texts.iter().find_map(|t| t.strip_prefix(&prefix)).unwrap_or_else(|| panic!("no cell {prefix:?}"));
    text.trim_end_matches('%').parse().unwrap_or_else(|_| panic!("{prefix}{text} is not a number"))
}

/// The root is `width_mm` wide, in millimetres, and as high as its viewBox's proportions say.
fn sized_in_mm((width, height, view_box): &(String, String, String), width_mm: f64) {
    assert_eq!(width, &format!("{width_mm}mm"));
    let vb: Vec<f64> = view_box.split_whitespace().map(|n| n.parse().unwrap()).collect();
    let height: f64 = height.strip_suffix("mm").unwrap().parse().unwrap();
    assert!((height - width_mm * vb[3] / vb[2]).abs() < 0.06, "height {height}mm for a {} × {} chart", vb[2], vb[3]);
}

#[test]
fn a_crosstab_chart_holds_the_json_numbers_and_names_its_filters() {
    let dir = Dir::new();
    let project = sample(&dir);
    let args = ["--cols", "cases", "--coder", "Jonas", "--kind", "interview", "--kind", "focus_group"];
    let (texts, root, _) = svg(&dir, &project, "crosstab", &args);
    let j = json_of(&project, "crosstab", &args);
    has(&texts, "Codes × cases");
    has(&texts, "measure: segments");
    has(&texts, "Filters: source kinds interview, focus group; coders Jonas.");
    sized_in_mm(&root, 170.0);
    let (rows, cols) = (strings(&j["rows"]), strings(&j["cols"]));
    assert!(rows.len() > 10 && cols.len() == 3, "{rows:?} {cols:?}");
    for (r, row) in rows.iter().enumerate() {
        for (k, col) in cols.iter().enumerate() {
            assert_eq!(cell_number(&texts, row, col), j["cells"][r][k].as_f64().unwrap(), "{row} · {col}");
        }
        assert_eq!(cell_number(&texts, row, "total"), j["row_totals"][r].as_f64().unwrap());
    }
    for (k, col) in cols.iter().enumerate() {
        assert_eq!(cell_number(&texts, "total", col), j["col_totals"][k].as_f64().unwrap());
    }
    has(&texts, &format!("total: {}", j["total"]));

    // Coverage is written as the window writes it (a percentage, one decimal), at another width.
    let args = ["--cols", "roles", "--measure", "coverage", "--rollup", "--width-mm", "85"];
    let (texts, root, _) = svg(&dir, &project, "crosstab", &args);
    let j = json_of(&project, "crosstab", &args[..5]);
    sized_in_mm(&root, 85.0);
    has(&texts, "measure: coverage · sub-codes rolled up");
    has(&texts, "Filters: none (every case, source kind, role, coder and date).");
    let (row, col) = ("Ruptures/Withdrawal", "caregiver");
    let r = strings(&j["rows"]).iter().position(|x| x == row).unwrap();
    let k = strings(&j["cols"]).iter().position(|x| x == col).unwrap();
    let pct = j["cells"][r][k].as_f64().unwrap();
    assert!(pct > 0.0);
    has(&texts, &format!("{row} · {col}: {pct:.1}%"));
}

#[test]
fn a_cooccurrence_chart_shows_counts_or_jaccard_for_the_chosen_codes() {
    let dir = Dir::new();
    let project = sample(&dir);
    let codes = ["--code", "Tensions/Mistrust", "--code", "Ruptures/Withdrawal", "--code", "Ruptures/Confrontation"];
    let mut args = codes.to_vec();
    args.push("--across-coders");
    let (texts, root, _) = svg(&dir, &project, "cooccur", &args);
    let j = json_of(&project, "cooccur", &args);
    has(&texts, "Co-occurrence (pairs of codings)");
    has(&texts, "mode overlap; diagonal: codings of the code");
    has(&texts, "Filters: pairs also across coders.");
    sized_in_mm(&root, 170.0);
    let names = strings(&j["codes"]);
    assert_eq!(names.len(), 3);
    for (a, first) in names.iter().enumerate() {
        for (b, second) in names.iter().enumerate() {
            assert_eq!(cell_number(&texts, first, second), j["counts"][a][b].as_f64().unwrap(), "{first} · {second}");
        }
    }
    // Only the chosen codes are drawn.
    assert!(!texts.iter().any(|t| t.starts_with("Repair/Honesty")));

    let mut args = codes.to_vec();
    args.extend(["--measure", "jaccard", "--mode", "within:300", "--case", "Harlow family"]);
    let (texts, _, _) = svg(&dir, &project, "cooccur", &args);
    let j = json_of(&project, "cooccur", &args);
    has(&texts, "Co-occurrence (Jaccard)");
    has(&texts, "mode within:300; diagonal: codings of the code");
    has(&texts, "Filters: cases Harlow family.");
    for (a, first) in names.iter().enumerate() {
        for (b, second) in names.iter().enumerate() {
            let shown = cell_number(&texts, first, second);
            // Three decimals in the chart, four in JSON.
            assert!((shown - j["jaccard"][a][b].as_f64().unwrap()).abs() <= 0.00051, "{first} · {second}: {shown}");
        }
    }
}

#[test]
fn a_triangulation_chart_marks_each_cell_with_its_status_and_counts_corroborated_cases() {
    let dir = Dir::new();
    let project = sample(&dir);
    let args = ["--ignore-role", "interviewer", "--case", "Mensah family", "--case", "Kowalski family"];
    let (texts, root, _) = svg(&dir, &project, "triangulate", &args);
    let j = json_of(&project, "triangulate", &args);
    has(&texts, "Triangulation: codes × cases");
    has(&texts, "Filters: cases Mensah family, Kowalski family.");
    has(&texts, "M+P: ≥ 2 source kinds and ≥ 2 roles");
    assert!(texts.iter().any(|t| t.starts_with("Kinds: I interview · F focus group")), "the legend explains the marks");
    sized_in_mm(&root, 170.0);
    let (codes, cases) = (strings(&j["codes"]), strings(&j["cases"]));
    assert_eq!(cases, ["Kowalski family", "Mensah family"]);
    let mut marked = 0;
    for (c, code) in codes.iter().enumerate() {
        for (k, case) in cases.iter().enumerate() {
            let mark = match j["cells"][c][k]["status"].as_str().unwrap() {
                "methods+perspectives" => "M+P",
                "methods" => "M",
                "perspectives" => "P",
                "single-source" => "S",
                _ => "",
            };
            let prefix = format!("{code} · {case}: ");
            let text = texts.iter().find_map(|t| t.strip_prefix(&prefix)).unwrap_or_else(|| panic!("no cell {prefix}"));
            assert_eq!(text.split(' ').next().unwrap(), mark, "{prefix}{text}");
            marked += usize::from(!mark.is_empty());
        }
        let s = &j["summary"][c];
        has(&texts, &format!("{code} · corroborated / coded: {} / {}", s["corroborated"], s["cases_coded"]));
    }
    assert!(marked > 10, "{marked} cells with codings");
}

#[test]
fn a_sequence_chart_draws_the_transition_matrix_in_counts_or_probabilities() {
    let dir = Dir::new();
    let project = sample(&dir);
    let args = ["--from", "Ruptures/Withdrawal", "--to", "Repair", "--window", "turns:4", "--code", "Ruptures/Withdrawal", "--code", "Repair", "--code", "Tensions"];
    let (texts, root, _) = svg(&dir, &project, "sequence", &args);
    let j = json_of(&project, "sequence", &args);
    has(&texts, "Transitions within turns:4");
    let overall = &j["sequence"]["overall"];
    let summary = format!("Ruptures/Withdrawal followed by Repair: {} of {} A codings", overall["followed"], overall["from_codings"]);
    assert!(texts.iter().any(|t| t.starts_with("counts of consecutive codings; ") && t.contains(&summary)), "{summary} in {texts:?}");
    has(&texts, "Filters: none (every case, source kind, role, coder and date).");
    sized_in_mm(&root, 170.0);
    let tr = &j["transitions"];
    let codes = strings(&tr["codes"]);
    assert_eq!(codes.len(), 3);
    for (a, from) in codes.iter().enumerate() {
        for (b, to) in codes.iter().enumerate() {
            assert_eq!(cell_number(&texts, from, to), tr["counts"][a][b].as_f64().unwrap(), "{from} → {to}");
        }
        assert_eq!(cell_number(&texts, from, "total"), tr["row_totals"][a].as_f64().unwrap());
    }

    // Probabilities, across coders, with only a transition matrix (no pair).
    let args = ["--code", "Ruptures/Withdrawal", "--code", "Repair", "--window", "sessions:1", "--across-coders", "--coder", "Amara"];
    let mut with = args.to_vec();
    with.push("--probabilities");
    let (texts, _, _) = svg(&dir, &project, "sequence", &with);
    let j = json_of(&project, "sequence", &args);
    has(&texts, "Transitions within sessions:1");
    has(&texts, "probabilities");
    has(&texts, "Filters: coders Amara; pairs also across coders.");
    let tr = &j["transitions"];
    for (a, from) in ["Ruptures/Withdrawal", "Repair"].iter().enumerate() {
        for (b, to) in ["Ruptures/Withdrawal", "Repair"].iter().enumerate() {
            let shown = cell_number(&texts, from, to);
            assert!((shown - tr["probabilities"][a][b].as_f64().unwrap()).abs() <= 0.00051, "{from} → {to}: {shown}");
        }
    }
}

#[test]
fn a_timeline_chart_plots_every_dated_session_of_each_case() {
    let dir = Dir::new();
    let project = sample(&dir);
    let args = ["--code", "Ruptures/Withdrawal", "--code", "Repair", "--rollup", "--case", "Mensah family", "--from-date", "2025-02-01"];
    let (texts, root, _) = svg(&dir, &project, "timeline", &args);
    let j = json_of(&project, "timeline", &args);
    has(&texts, "Timeline: codings per session");
    has(&texts, "sub-codes rolled up");
    has(&texts, "Filters: cases Mensah family; from 2025-02-01.");
    has(&texts, "Mensah family");
    has(&texts, "Ruptures/Withdrawal");
    sized_in_mm(&root, 170.0);
    let codes = strings(&j["codes"]);
    assert_eq!(codes, ["Ruptures/Withdrawal", "Repair"]);
    let cases = j["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    let mut points = 0;
    for session in cases[0]["sessions"].as_array().unwrap() {
        let Some(date) = session["date"].as_str() else { continue };
        for (i, code) in codes.iter().enumerate() {
            // Each point's tooltip: case · code: date: count.
            has(&texts, &format!("Mensah family · {code}: {date}: {}", session["counts"][i]));
            points += 1;
        }
    }
    assert!(points >= 8, "{points} points");
    // The case file of 2025-01-28 holds a Withdrawal coding, which the date filter leaves out.
    has(&texts, "Mensah family · Ruptures/Withdrawal: 2025-01-28: 0");
}

/// The width and height in a PNG's IHDR chunk, after checking the signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    (u32::from_be_bytes(bytes[16..20].try_into().unwrap()), u32::from_be_bytes(bytes[20..24].try_into().unwrap()))
}

#[test]
fn every_chart_renders_as_a_png_as_wide_as_its_width_and_dpi_say() {
    let dir = Dir::new();
    let project = sample(&dir);
    let commands: [(&str, &[&str]); 5] = [
        ("crosstab", &["--cols", "coders"]),
        ("cooccur", &["--code", "Repair/Honesty", "--code", "Ruptures/Withdrawal"]),
        ("triangulate", &[]),
        ("sequence", &["--from", "Alliance", "--to", "Tensions"]),
        ("timeline", &["--code", "Repair"]),
    ];
    for (command, args) in commands {
        let out = dir.path(&format!("{command}.png"));
        let mut all = args.to_vec();
        all.extend(["--format", "png", "--out", out.to_str().unwrap(), "--width-mm", "40", "--dpi", "127"]);
        let o = on_project(command, &project, &all);
        assert!(o.status.success(), "{command}: {}", stderr(&o));
        // 40 mm at 127 dpi: 40 / 25.4 × 127 = 200 pixels.
        let (width, height) = png_size(&bytes(&out));
        assert_eq!(width, 200, "{command}");
        // As high as the chart's proportions say.
        let (_, _, view_box) = svg_root_size(&svg(&dir, &project, command, args).2);
        let vb: Vec<f64> = view_box.split_whitespace().map(|n| n.parse().unwrap()).collect();
        assert!((f64::from(height) - 200.0 * vb[3] / vb[2]).abs() <= 1.0, "{command}: {height} pixels high");
    }
    // The defaults: 170 mm at 300 dpi.
    let out = dir.path("default.png");
    ok(["crosstab".as_ref(), project.as_os_str(), "--cols".as_ref(), "cases".as_ref(), "--format".as_ref(), "png".as_ref(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(png_size(&bytes(&out)).0, (170.0_f64 / 25.4 * 300.0).round() as u32);
}

#[test]
fn chart_flags_are_checked_before_any_work() {
    let dir = Dir::new();
    let project = sample(&dir);
    let before = bytes(&project);
    let out = dir.path("x.svg");
    let out = out.to_str().unwrap();
    fails_with(&on_project("crosstab", &project, &["--cols", "cases", "--format", "svg"]), &["--format svg writes a file: give --out FILE.svg"]);
    fails_with(&on_project("timeline", &project, &["--format", "png"]), &["--format png writes a file: give --out FILE.png"]);
    fails_with(&on_project("cooccur", &project, &["--format", "svg", "--out", out, "--width-mm", "5"]), &["--width-mm 5 is out of range: expected 20 to 1000"]);
    fails_with(&on_project("triangulate", &project, &["--format", "png", "--out", out, "--dpi", "2000"]), &["--dpi 2000 is out of range: expected 72 to 1200"]);
    fails_with(&on_project("crosstab", &project, &["--cols", "cases", "--format", "csv", "--dpi", "300"]), &["--width-mm and --dpi size a chart"]);
    fails_with(&on_project("sequence", &project, &["--from", "Alliance", "--to", "Repair", "--probabilities"]), &["--probabilities chooses what the chart shows"]);
    fails_with(&on_project("crosstab", &project, &["--cols", "cases", "--format", "gif", "--out", out]), &["expected table, csv, json, md, xlsx, svg or png"]);
    assert!(!Path::new(out).exists(), "no chart is written");
    assert_eq!(bytes(&project), before, "the project is unchanged");
}
