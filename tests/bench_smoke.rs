//! CI smoke test of the benchmark harness: `thicket bench --scale small` runs every stage and
//! prints every figure. No time is asserted (machines are noisy); see BENCHMARKS.md for figures.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use common::*;

#[test]
fn bench_small_prints_every_figure_with_its_bound() {
    let dir = Dir::new();
    let work = dir.path("work");
    let report = json(["bench".as_ref(), "--scale".as_ref(), "small".as_ref(), "--format".as_ref(), "json".as_ref(), "--workdir".as_ref(), work.as_os_str()]);
    assert_eq!(report["scale"], "small");
    assert_eq!(report["sources"], 40);
    assert_eq!(report["codings"], 4000);
    let figures = report["figures"].as_array().unwrap();
    let names: Vec<&str> = figures.iter().map(|f| f["name"].as_str().unwrap()).collect();
    let mut expected_names = vec!["import throughput", "open project", "segments of the most used code", "crosstab codes × cases, cold", "crosstab codes × cases, warm", "co-occurrence", "agreement: alpha per code, paragraph unit", "agreement: cu-alpha on raw spans", "DOCX writer alone", "DOCX export peak memory", "QualCoder project import", "of which reading data.qda", "of which converting", "peak resident memory", "backup snapshot", "apply one code, with its audit row", "audit row alone", "audit row of a 10,000-file import", "encrypt a copy of the project", "open project for reading, encrypted", "crosstab codes × cases, cold, encrypted", "search a whole word, project, encrypted"];
    if cfg!(feature = "gui") {
        // The document view is measured only in builds with the window.
        expected_names.extend(["docview first paint", "docview steady frame", "docview apply a code"]);
    }
    // Up to 10,000 excerpts: all of them at this scale.
    assert!(names.iter().any(|n| n.starts_with("export ") && n.ends_with(" excerpts to DOCX")), "{names:?}");
    for expected in expected_names {
        assert!(names.iter().any(|n| n.starts_with(expected)), "missing {expected} in {names:?}");
    }
    for f in figures {
        assert!(f["value"].as_f64().unwrap() > 0.0, "{f}");
        let needs_bound = ["import", "open", "segments", "crosstab codes × cases", "co-occurrence"].iter().any(|p| f["name"].as_str().unwrap().starts_with(p));
        if needs_bound {
            assert!(f["bound"].as_f64().unwrap() > 0.0 && f["ratio"].as_f64().unwrap() > 0.0, "{f}");
        }
    }
}

#[test]
fn bench_only_runs_the_named_stage_and_rejects_unknown_ones() {
    let report = json(["bench", "--scale", "small", "--only", "crosstab", "--format", "json"]);
    let names: Vec<String> = report["figures"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_string()).collect();
    assert!(names.iter().all(|n| n.starts_with("crosstab")), "{names:?}");
    fails_with(&thicket(["bench", "--only", "warp"]), &["warp", "unknown benchmark"]);
    fails_with(&thicket(["bench", "--scale", "huge"]), &["huge", "unknown scale"]);
}

#[test]
fn bench_only_agreement_times_alpha_and_cu_alpha_against_their_budgets() {
    let report = json(["bench", "--scale", "small", "--only", "agreement", "--format", "json"]);
    let figures = report["figures"].as_array().unwrap();
    let budget = |name: &str| figures.iter().find(|f| f["name"] == name).map(|f| f["budget"].as_f64().unwrap()).unwrap();
    assert_eq!(budget("agreement: alpha per code, paragraph unit"), 1000.0);
    assert_eq!(budget("agreement: cu-alpha on raw spans"), 3000.0);
    assert!(figures.iter().all(|f| f["name"].as_str().unwrap().starts_with("agreement")));
    // The second coder re-coded a quarter of the sources: there is something to compare.
    let note = figures[0]["note"].as_str().unwrap();
    assert!(note.contains("pooled alpha 0."), "{note}");
}
