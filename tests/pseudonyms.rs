//! Pseudonyms on the way out (issue #12): the map's commands, pre-fill and preview, and exports
//! with `--pseudonymise` that hold no original name in any format while the project's stored
//! text stays as it was; every export written is in the export log, with or without the map.
//! The names are fictional.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use serde_json::Value;
use thicket_core::Project;
use thicket_core::action::Action;
use thicket_core::model::NewPseudonym;

/// A visit transcript whose caregiver is labelled `MRS O` and named in full in the text, with a
/// place, an agency and a surname that only starts like a name ("Danaher", "Samuels").
const VISIT: &str = "Interviewer: How did the visit go?\n\n\
MRS O: Honestly? Sam looked in every cupboard, and Sam's notes said so.\n\n\
Sam: I had to check, Mrs Okafor. Danaher from Eastfield Council agreed the plan with Samuels.\n\n\
Interviewer: And then?\n\n\
MRS O: Ada Okafor signs nothing until Eastfield explains it. OKAFOR is my name, not a case number.\n\n\
Sam: Fair.\n";

/// Names that must not leave the project (whole words, any case).
const ORIGINALS: &[&str] = &["Ada", "Okafor", "Sam", "MRS O", "Eastfield"];

fn project(dir: &Dir) -> PathBuf {
    let project = dir.path("visit.thicket");
    let p = project.to_str().unwrap();
    ok(["new", p, "--title", "Visits"]);
    let visit = dir.write("visit.txt", VISIT);
    ok([
        "import", p, visit.to_str().unwrap(), "--case", "Okafor family", "--kind", "interview", "--map-speaker", "MRS O=Ada Okafor",
        "--speaker-role", "Ada Okafor=caregiver", "--speaker-role", "Sam=social_worker", "--speaker-role", "Interviewer=interviewer",
    ]);
    ok(["code", p, "add", "Ruptures/Withdrawal"]);
    let text = source_text(&project);
    for needle in ["Honestly? Sam looked in every cupboard, and Sam's notes said so.", "I had to check, Mrs Okafor.", "Ada Okafor signs nothing until Eastfield explains it."] {
        let start = text[..text.find(needle).unwrap()].chars().count();
        let range = format!("{start}..{}", start + needle.chars().count());
        ok(["code", p, "apply", "Ruptures/Withdrawal", "--source", "visit", "--range", &range, "--coder", "Amara"]);
    }
    ok(["memo", p, "add", "--body", "Ada Okafor asked that Eastfield not be named.", "--source", "visit", "--coder", "Amara"]);
    project
}

fn source_text(project: &Path) -> String {
    let p = Project::open(project).unwrap();
    let text = p.source_text(p.source_named("visit").unwrap().id).unwrap();
    p.close().unwrap();
    text
}

/// The originals found in `text` as whole words, in any case (a possessive counts).
fn originals_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for o in ORIGINALS {
        let o = o.to_lowercase();
        let hit = lower.match_indices(&o).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + o.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        if hit {
            found.push(o);
        }
    }
    found
}

/// Fills the map: the pre-fill, then a place and the family name by hand.
fn fill_map(project: &Path) {
    let p = project.to_str().unwrap();
    ok(["pseudonym", p, "prefill"]);
    ok(["pseudonym", p, "add", "Eastfield", "Northtown"]);
    ok(["pseudonym", p, "add", "Okafor", "Family A"]);
}

#[test]
fn prefill_suggests_names_first_names_and_speaker_labels_and_never_overwrites() {
    let dir = Dir::new();
    let project = project(&dir);
    let p = project.to_str().unwrap();
    ok(["pseudonym", p, "add", "Sam", "The worker"]);
    let suggested = json(["pseudonym", p, "prefill", "--dry-run", "--format", "json"]);
    let rows: Vec<(String, String, String)> = suggested["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["original"].as_str().unwrap().into(), e["replacement"].as_str().unwrap().into(), e["origin"].as_str().unwrap().into()))
        .collect();
    let row = |o: &str, r: &str, w: &str| (o.to_string(), r.to_string(), w.to_string());
    assert_eq!(rows, [row("Ada Okafor", "Caregiver 1", "participant"), row("Ada", "Caregiver 1", "participant"), row("MRS O", "Caregiver 1", "speaker")]);
    assert_eq!(suggested["added"], false);
    assert_eq!(json(["pseudonym", p, "list", "--format", "json"]).as_array().unwrap().len(), 1, "a dry run adds nothing");

    ok(["pseudonym", p, "prefill"]);
    let list = json(["pseudonym", p, "list", "--format", "json"]);
    let pairs: Vec<(&str, &str)> = list.as_array().unwrap().iter().map(|e| (e["original"].as_str().unwrap(), e["replacement"].as_str().unwrap())).collect();
    assert_eq!(pairs, [("Sam", "The worker"), ("Ada Okafor", "Caregiver 1"), ("Ada", "Caregiver 1"), ("MRS O", "Caregiver 1")], "the researcher's Sam stays");
    assert_eq!(stdout(&on_project("pseudonym", &project, &["prefill"])).trim(), "nothing to add: every participant and speaker label is in the map");
}

#[test]
fn the_preview_counts_each_entry_and_shows_every_replacement_in_place() {
    let dir = Dir::new();
    let project = project(&dir);
    fill_map(&project);
    let preview = json(["pseudonym", project.to_str().unwrap(), "preview", "--format", "json"]);
    let count = |o: &str| preview["entries"].as_array().unwrap().iter().find(|e| e["original"] == o).unwrap()["count"].as_u64().unwrap();
    // Text: "Ada Okafor" once (the longer entry wins over "Ada" and "Okafor"); memo: once more.
    assert_eq!(count("Ada Okafor"), 2);
    assert_eq!(count("Ada"), 0);
    // "Sam" and "Sam's" in the text and the two "Sam:" labels; never "Samuels".
    assert_eq!(count("Sam"), 4);
    assert_eq!(count("MRS O"), 2);
    // "Mrs Okafor", "OKAFOR" and the case name "Okafor family".
    assert_eq!(count("Okafor"), 3);
    assert_eq!(count("Eastfield"), 3);
    let hits = preview["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, ["Ada Okafor", "Ada", "Sam", "MRS O", "Okafor", "Eastfield"].iter().map(|o| count(o)).sum::<u64>());
    let upper = hits.iter().find(|h| h["found"] == "OKAFOR").unwrap();
    assert_eq!((upper["replacement"].as_str(), upper["place"].as_str(), upper["source"].as_str()), (Some("FAMILY A"), Some("text"), Some("visit")));
    // The offsets are chars into the stored text.
    let text: Vec<char> = source_text(&project).chars().collect();
    let (start, end) = (upper["start"].as_u64().unwrap() as usize, upper["end"].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>(), "OKAFOR");
    assert!(upper["before"].as_str().unwrap().ends_with("explains it. "), "{upper}");
    let summary = ok(["pseudonym", project.to_str().unwrap(), "preview", "--summary", "--entry", "eastfield"]);
    assert_eq!(summary, "original   replacement  replacements  sources\nEastfield  Northtown    3             1\n");
}

#[test]
fn pseudonymised_excerpts_hold_no_original_name_in_any_format_and_the_project_text_is_unchanged() {
    let dir = Dir::new();
    let project = project(&dir);
    fill_map(&project);
    let p = project.to_str().unwrap();
    let before = source_text(&project);
    let flags = ["excerpts", "--all-codes", "--group-by", "case", "--context", "1", "--memos", "--citation", "({speaker}, {case}, {source}, ¶{paragraph})", "--pseudonymise"];
    for format in ["md", "html", "csv", "json", "xlsx"] {
        let out = dir.path(&format!("quotes.{format}"));
        ok([&["export", p][..], &flags, &["--format", format, "--out", out.to_str().unwrap()]].concat());
        let cells: Vec<String> = match format {
            "json" => {
                let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
                let excerpts = v["groups"][0]["sections"][0]["excerpts"].as_array().unwrap();
                assert_eq!(excerpts.len(), 3);
                assert_eq!(excerpts[0]["text"], "Honestly? The worker looked in every cupboard, and The worker's notes said so.".replace("The worker", "Social worker 1"));
                assert_eq!(excerpts[1]["text"], "I had to check, Mrs Family A.");
                assert_eq!(excerpts[2]["fields"]["speakers"][0], "Caregiver 1");
                assert_eq!(excerpts[2]["citation"], "(Caregiver 1, Family A family, visit, ¶5)");
                vec![v.to_string()]
            }
            "csv" => {
                let mut reader = csv::Reader::from_path(&out).unwrap();
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                assert_eq!(rows.len(), 3);
                rows.iter().flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>()).collect()
            }
            "xlsx" => {
                let mut book: Xlsx<_> = open_workbook(&out).unwrap();
                let name = book.sheet_names()[0].clone();
                let range = book.worksheet_range(&name).unwrap();
                assert_eq!(range.rows().count(), 4);
                range.rows().flatten().map(Data::to_string).collect()
            }
            _ => vec![std::fs::read_to_string(&out).unwrap()],
        };
        let all = cells.join("\n");
        assert_eq!(originals_in(&all), Vec::<String>::new(), "{format}: {all}");
        assert!(all.contains("Caregiver 1") && all.contains("Northtown"), "{format}: {all}");
        assert!(all.contains("Danaher") || format != "md", "only whole words are replaced: {all}");
    }
    assert_eq!(source_text(&project), before, "the stored text never changes");
    // Without the flag the same export names everyone: the map is applied only when asked.
    let plain = dir.path("plain.md");
    ok([&["export", p][..], &flags[..flags.len() - 1], &["--out", plain.to_str().unwrap()]].concat());
    assert_eq!(originals_in(&std::fs::read_to_string(&plain).unwrap()), ["ada", "okafor", "sam", "mrs o", "eastfield"]);
}

#[test]
fn analysis_tables_are_pseudonymised_and_every_file_written_is_logged() {
    let dir = Dir::new();
    let project = project(&dir);
    fill_map(&project);
    let p = project.to_str().unwrap();
    let xlsx = dir.path("people.xlsx");
    ok(["crosstab", p, "--cols", "participants", "--pseudonymise", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("crosstab").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(Data::to_string).collect();
    assert_eq!(header, ["code", "Caregiver 1", "Interviewer", "Social worker 1", "no speaker", "total"]);
    let cases = json(["crosstab", p, "--cols", "cases", "--pseudonymise", "--format", "json"]);
    assert_eq!(cases["cols"], serde_json::json!(["Family A family"]));
    let csv = dir.path("cases.csv");
    ok(["crosstab", p, "--cols", "cases", "--format", "csv", "--out", csv.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("code,Okafor family,total"));
    let md = dir.path("quotes.md");
    ok(["export", p, "excerpts", "--all-codes", "--pseudonymise", "--out", md.to_str().unwrap()]);

    let fingerprint = json(["pseudonym", p, "preview", "--format", "json"])["fingerprint"].as_str().unwrap().to_string();
    let log = json(["export-log", p, "--format", "json"]);
    let rows: Vec<(&str, String, bool, Option<&str>)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["file"].as_str().unwrap().to_string(), r["pseudonymised"].as_bool().unwrap(), r["map_hash"].as_str()))
        .collect();
    let file = |f: &Path| f.display().to_string();
    let fp = Some(fingerprint.as_str());
    assert_eq!(
        rows,
        [("crosstab", file(&xlsx), true, fp), ("crosstab", file(&csv), false, None), ("excerpts", file(&md), true, fp)],
        "printed reports (json to stdout) are not files and are not logged"
    );
    assert_eq!(log[0]["options"]["cols"], "participants");
    assert_eq!(log[0]["options"]["pseudonymise"], true);
    assert_eq!(log[0]["map_entries"], 6);
    assert_eq!(log[2]["options"]["all_codes"], true);
    assert!(time::OffsetDateTime::parse(log[0]["made_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339).is_ok());

    // A changed map has another fingerprint, so the log tells the versions apart.
    ok(["pseudonym", p, "add", "Council", "Agency"]);
    ok(["export", p, "excerpts", "--all-codes", "--pseudonymise", "--out", md.to_str().unwrap()]);
    let log = json(["export-log", p, "--format", "json"]);
    assert_ne!(log[3]["map_hash"].as_str(), fp);
    assert_eq!(log[3]["map_entries"], 7);
    let table = ok(["export-log", p]);
    assert!(table.starts_with("made_at") && table.lines().count() == 5, "{table}");
}

#[test]
fn bad_requests_fail_clearly_and_change_nothing() {
    let dir = Dir::new();
    let project = project(&dir);
    let out = dir.path("x.md");
    // An empty map cannot pseudonymise: no file, no log line.
    let o = on_project("export", &project, &["excerpts", "--all-codes", "--pseudonymise", "--out", out.to_str().unwrap()]);
    fails_with(&o, &["--pseudonymise", "map", "is empty"]);
    assert!(!out.exists());
    assert_eq!(json(["export-log", project.to_str().unwrap(), "--format", "json"]), serde_json::json!([]));
    ok(["pseudonym", project.to_str().unwrap(), "add", "Sam", "Worker"]);
    let was = bytes(&project);
    fails_with(&on_project("pseudonym", &project, &["add", "SAM", "Other"]), &["\"SAM\" is already in the pseudonym map"]);
    fails_with(&on_project("pseudonym", &project, &["add", "Ada", " "]), &["the replacement for \"Ada\" cannot be empty"]);
    fails_with(&on_project("pseudonym", &project, &["remove", "Nobody"]), &["no pseudonym for \"Nobody\" in the map"]);
    assert_eq!(bytes(&project), was);
    ok(["pseudonym", project.to_str().unwrap(), "remove", "sam"]);
    assert_eq!(json(["pseudonym", project.to_str().unwrap(), "list", "--format", "json"]), serde_json::json!([]));
}

#[test]
fn map_edits_are_undoable_steps_and_logging_is_not_one() {
    let dir = Dir::new();
    let project = project(&dir);
    let mut p = Project::open(&project).unwrap();
    p.perform(Action::AddPseudonyms(vec![NewPseudonym::added("Sam", "Worker")])).unwrap();
    let sam = p.pseudonyms().unwrap()[0].clone();
    p.perform(Action::UpdatePseudonym { id: sam.id, entry: NewPseudonym::added("Sam", "Social worker 1") }).unwrap();
    p.perform(Action::RemovePseudonyms(vec![sam.id])).unwrap();
    assert!(p.pseudonyms().unwrap().is_empty());
    p.log_export(&thicket_core::model::NewExportRecord {
        kind: "excerpts".into(),
        file: "a.md".into(),
        options: serde_json::json!({}),
        pseudonymised: false,
        map_hash: None,
        map_entries: None,
    })
    .unwrap();
    assert_eq!(p.undo().unwrap().as_deref(), Some("Remove pseudonym"));
    assert_eq!(p.pseudonyms().unwrap(), [thicket_core::model::Pseudonym { replacement: "Social worker 1".into(), ..sam.clone() }], "back under its id");
    assert_eq!(p.undo().unwrap().as_deref(), Some("Edit pseudonym for “Sam”"));
    assert_eq!(p.pseudonyms().unwrap(), std::slice::from_ref(&sam));
    assert_eq!(p.undo().unwrap().as_deref(), Some("Add pseudonym for “Sam”"));
    assert!(p.pseudonyms().unwrap().is_empty());
    assert_eq!(p.redo().unwrap().as_deref(), Some("Add pseudonym for “Sam”"));
    assert_eq!(p.pseudonyms().unwrap().len(), 1);
    assert_eq!(p.export_log().unwrap().len(), 1, "the log is not in the undo history");
    // Sam is in the map already: the pre-fill adds Ada Okafor, Ada and the MRS O label.
    let prefill = p.prefill_pseudonyms_action().unwrap().unwrap();
    assert_eq!(prefill.label(), "Pre-fill 3 pseudonyms");
    p.perform(prefill).unwrap();
    assert_eq!(p.pseudonyms().unwrap().len(), 4);
    assert_eq!(p.undo().unwrap().as_deref(), Some("Pre-fill 3 pseudonyms"));
    assert_eq!(p.pseudonyms().unwrap().len(), 1);
    p.close().unwrap();
}

#[test]
fn codebooks_case_reports_and_framework_matrices_are_pseudonymised_and_logged_too() {
    let dir = Dir::new();
    let project = project(&dir);
    fill_map(&project);
    let p = project.to_str().unwrap();
    // Something to name: a framework summary that mentions the family and the council.
    ok(["framework", p, "create", "Main"]);
    ok(["framework", p, "set", "Main", "--case", "Okafor family", "--code", "Ruptures", "--summary", "Ada Okafor pulls back after Eastfield's letter.", "--coder", "Amara"]);
    let plain = ok(["export", p, "case-report", "--all-cases", "--out", "-"]);
    assert!(!originals_in(&plain).is_empty(), "without the map the report names them");
    let written = |args: &[&str], file: &str| {
        let out = dir.path(file);
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--pseudonymise", "--out", out.to_str().unwrap()]);
        ok(all);
        out
    };
    let case_md = written(&["export", p, "case-report", "--all-cases", "--format", "md"], "case.md");
    assert_eq!(originals_in(&std::fs::read_to_string(&case_md).unwrap()), Vec::<String>::new());
    let case_json = written(&["export", p, "case-report", "--all-cases", "--format", "json"], "case.json");
    assert_eq!(originals_in(&std::fs::read_to_string(&case_json).unwrap()), Vec::<String>::new());
    let book = written(&["export", p, "codebook", "--anchors", "--format", "csv"], "book.csv");
    assert_eq!(originals_in(&std::fs::read_to_string(&book).unwrap()), Vec::<String>::new());
    let matrix = written(&["framework", p, "export", "Main", "--format", "md"], "main.md");
    let matrix = std::fs::read_to_string(&matrix).unwrap();
    assert_eq!(originals_in(&matrix), Vec::<String>::new());
    assert!(matrix.contains("Family A"), "{matrix}");
    // Each file is in the log, pseudonymised; the stored text still names them.
    let log: Value = serde_json::from_str(&ok(["export-log", p, "--format", "json"])).unwrap();
    let kinds: Vec<(&str, bool)> = log.as_array().unwrap().iter().map(|r| (r["kind"].as_str().unwrap(), r["pseudonymised"].as_bool().unwrap())).collect();
    for kind in ["case-report", "codebook", "framework"] {
        assert!(kinds.contains(&(kind, true)), "{kind} logged: {kinds:?}");
    }
    assert!(!originals_in(&source_text(&project)).is_empty());
}
