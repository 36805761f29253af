//! The CLI on real files in temp folders: the everyday flow, and the JSON it prints.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use common::*;
use serde_json::Value;

fn project_with_transcript(dir: &Dir) -> std::path::PathBuf {
    let project = dir.path("study.thicket");
    ok(["new".as_ref(), project.as_os_str()]);
    let file = dir.write("2024-03-05_okafor-visit.txt", TRANSCRIPT);
    ok(["import".as_ref(), project.as_os_str(), file.as_os_str(), "--case".as_ref(), "Okafor family".as_ref(), "--date-from-name".as_ref()]);
    project
}

#[test]
fn new_creates_a_single_file_that_lists_empty() {
    let dir = Dir::new();
    let project = dir.path("p.thicket");
    ok(["new".as_ref(), project.as_os_str(), "--title".as_ref(), "Alliance".as_ref()]);
    assert_eq!(dir.files(), ["p.thicket"]);
    let sources = json(["list".as_ref(), project.as_os_str(), "sources".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(sources, Value::Array(vec![]));
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let dir = Dir::new();
    let existing = dir.write("keep.thicket", "precious");
    let o = thicket(["new".as_ref(), existing.as_os_str()]);
    fails_with(&o, &["keep.thicket", "already exists"]);
    assert_eq!(bytes(&existing), b"precious");
}

#[test]
fn imported_transcript_gets_turns_participants_case_and_date() {
    let dir = Dir::new();
    let project = project_with_transcript(&dir);
    let sources = json(["list".as_ref(), project.as_os_str(), "sources".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let s = &sources[0];
    assert_eq!(s["name"], "2024-03-05_okafor-visit");
    assert_eq!(s["kind"], "interview");
    assert_eq!(s["cases"], serde_json::json!(["Okafor family"]));
    assert_eq!(s["date"], "2024-03-05");
    assert_eq!(s["turns"], 6);
    assert_eq!(s["words"], 68);
    let people = json(["list".as_ref(), project.as_os_str(), "participants".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let names: Vec<&str> = people.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ada", "Interviewer", "Sam"]);
    assert_eq!(people[1]["role"], "interviewer");
    assert_eq!(people[0]["role"], Value::Null);
    assert_eq!(people[0]["cases"], serde_json::json!(["Okafor family"]));
    assert_eq!(dir.files(), ["2024-03-05_okafor-visit.txt", "study.thicket"]);
}

#[test]
fn code_apply_then_segments_returns_the_exact_text_with_speaker_and_role() {
    let dir = Dir::new();
    let project = project_with_transcript(&dir);
    let p = project.as_os_str();
    ok(["participant".as_ref(), p, "set".as_ref(), "Ada".as_ref(), "--role".as_ref(), "caregiver".as_ref()]);
    ok(["participant".as_ref(), p, "set".as_ref(), "Sam".as_ref(), "--role".as_ref(), "social_worker".as_ref()]);
    ok(["code".as_ref(), p, "add".as_ref(), "Tensions/Questioned parenting".as_ref(), "--color".as_ref(), "#fb8c00".as_ref(), "--description".as_ref(), "Feeling judged as a parent".as_ref()]);
    ok(["code".as_ref(), p, "add".as_ref(), "Repair/Collaboration".as_ref()]);
    // "I felt like I was on trial again." starts at char 103 of the transcript.
    let start = TRANSCRIPT.find("I felt").unwrap();
    let range = format!("{}..{}", start, start + "I felt like I was on trial again.".len());
    ok(["code".as_ref(), p, "apply".as_ref(), "Tensions/Questioned parenting".as_ref(), "--source".as_ref(), "2024-03-05_okafor-visit".as_ref(), "--range".as_ref(), range.as_ref()]);
    let start2 = TRANSCRIPT.find("We sat down").unwrap();
    let range2 = format!("{}..{}", start2, start2 + "We sat down and rewrote it together.".len());
    ok(["code".as_ref(), p, "apply".as_ref(), "Repair/Collaboration".as_ref(), "--source".as_ref(), "2024-03-05_okafor-visit".as_ref(), "--range".as_ref(), range2.as_ref(), "--coder".as_ref(), "Jo".as_ref()]);

    let segs = json(["segments".as_ref(), p, "--code".as_ref(), "Tensions".as_ref(), "--subcodes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(segs.as_array().unwrap().len(), 1);
    let s = &segs[0];
    assert_eq!(s["text"], "I felt like I was on trial again.");
    assert_eq!(s["code"], "Tensions/Questioned parenting");
    assert_eq!(s["coder"], "tester");
    assert_eq!(s["speakers"], serde_json::json!(["Ada"]));
    assert_eq!(s["roles"], serde_json::json!(["caregiver"]));
    assert_eq!(s["cases"], serde_json::json!(["Okafor family"]));
    assert_eq!(s["start"], start);

    let by_role = json(["segments".as_ref(), p, "--all-codes".as_ref(), "--role".as_ref(), "social_worker".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(by_role.as_array().unwrap().len(), 1);
    assert_eq!(by_role[0]["text"], "We sat down and rewrote it together.");
    assert_eq!(by_role[0]["coder"], "Jo");

    let codes = json(["list".as_ref(), p, "codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let paths: Vec<(&str, u64)> = codes.as_array().unwrap().iter().map(|c| (c["path"].as_str().unwrap(), c["codings"].as_u64().unwrap())).collect();
    assert_eq!(paths, [("Tensions", 0), ("Tensions/Questioned parenting", 1), ("Repair", 0), ("Repair/Collaboration", 1)]);
    assert_eq!(codes[1]["color"], "#FB8C00");
    assert_eq!(codes[1]["description"], "Feeling judged as a parent");

    let coders = json(["list".as_ref(), p, "coders".as_ref(), "--format".as_ref(), "json".as_ref()]);
    // The fields the list always had, and those the Team work added (colours in order of creation).
    let blind = |c: &str| serde_json::json!({"blind_now": false, "blind_seconds": 0, "blind_sessions": [], "color": c, "memos": 0, "retired": false});
    let mut jo = serde_json::json!({"name": "Jo", "codings": 1, "uuid": coders[0]["uuid"]});
    jo.as_object_mut().unwrap().extend(blind("#D81B60").as_object().unwrap().clone());
    let mut tester = serde_json::json!({"name": "tester", "codings": 1, "uuid": coders[1]["uuid"]});
    tester.as_object_mut().unwrap().extend(blind("#3949AB").as_object().unwrap().clone());
    assert_eq!(coders, serde_json::json!([jo, tester]));
}

#[test]
fn codings_csv_quotes_text_with_commas() {
    let dir = Dir::new();
    let project = project_with_transcript(&dir);
    let p = project.as_os_str();
    ok(["code".as_ref(), p, "add".as_ref(), "Bond".as_ref()]);
    let start = TRANSCRIPT.find("Honestly?").unwrap();
    let range = format!("{}..{}", start, start + 9);
    ok(["code".as_ref(), p, "apply".as_ref(), "Bond".as_ref(), "--source".as_ref(), "2024-03-05_okafor-visit".as_ref(), "--range".as_ref(), range.as_ref()]);
    let csv = ok(["list".as_ref(), p, "codings".as_ref(), "--format".as_ref(), "csv".as_ref()]);
    assert_eq!(csv, format!("source,code,start,end,coder,text\r\n2024-03-05_okafor-visit,Bond,{start},{},tester,Honestly?\r\n", start + 9));
}

#[test]
fn case_add_creates_then_extends_a_case() {
    let dir = Dir::new();
    let project = project_with_transcript(&dir);
    let p = project.as_os_str();
    ok(["case".as_ref(), p, "add".as_ref(), "All visits".as_ref(), "--source".as_ref(), "2024-03-05_okafor-visit".as_ref()]);
    let cases = json(["list".as_ref(), p, "cases".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(cases[0]["name"], "All visits");
    assert_eq!(cases[0]["sources"], serde_json::json!(["2024-03-05_okafor-visit"]));
    assert_eq!(cases[1]["name"], "Okafor family");
    assert_eq!(cases[1]["participants"], serde_json::json!(["Ada", "Interviewer", "Sam"]));
}

#[test]
fn sample_study_meets_the_brief_and_checks_clean() {
    let dir = Dir::new();
    let project = dir.path("s.thicket");
    ok(["sample".as_ref(), project.as_os_str()]);
    let p = project.as_os_str();
    let sources = json(["list".as_ref(), p, "sources".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let sources = sources.as_array().unwrap();
    let words: u64 = sources.iter().map(|s| s["words"].as_u64().unwrap()).sum();
    assert!(words >= 25_000, "{words} words");
    for case in ["Harlow family", "Mensah family", "Kowalski family"] {
        let in_case = |kind: &str| sources.iter().filter(|s| s["kind"] == kind && s["cases"].as_array().unwrap().iter().any(|c| c == case)).count();
        assert!(in_case("interview") >= 3, "{case}");
        assert_eq!(in_case("case_file"), 1, "{case}");
        assert!(in_case("observation") >= 1, "{case}");
        assert_eq!(in_case("focus_group"), 1, "{case}");
    }
    // Every interview has caregiver and social-worker turns.
    for s in sources.iter().filter(|s| s["kind"] == "interview") {
        assert!(s["turns"].as_u64().unwrap() >= 20, "{}", s["name"]);
        assert!(s["date"].is_string());
    }
    let codings = json(["list".as_ref(), p, "codings".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let codings = codings.as_array().unwrap();
    assert!(codings.len() >= 300, "{} codings", codings.len());
    let coders: std::collections::BTreeSet<&str> = codings.iter().map(|c| c["coder"].as_str().unwrap()).collect();
    assert_eq!(coders.into_iter().collect::<Vec<_>>(), ["Amara", "Jonas"]);
    for c in codings {
        for field in ["source", "code", "start", "end", "coder", "text"] {
            assert!(!c[field].is_null(), "missing {field} in {c}");
        }
    }
    let caregiver_ruptures = json(["segments".as_ref(), p, "--code".as_ref(), "Ruptures".as_ref(), "--subcodes".as_ref(), "--role".as_ref(), "caregiver".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert!(!caregiver_ruptures.as_array().unwrap().is_empty());
    let check = json(["check".as_ref(), p, "--format".as_ref(), "json".as_ref()]);
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(check["problems"], serde_json::json!([]));
    assert_eq!(dir.files(), ["s.thicket"]);
}

#[test]
fn the_two_sample_coders_agree_on_most_but_not_all_passages() {
    let dir = Dir::new();
    let project = dir.path("s.thicket");
    ok(["sample".as_ref(), project.as_os_str()]);
    let codings = json(["list".as_ref(), project.as_os_str(), "codings".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let key = |c: &Value| (c["source"].to_string(), c["code"].to_string(), c["start"].as_u64(), c["end"].as_u64());
    let of = |coder: &str| codings.as_array().unwrap().iter().filter(|c| c["coder"] == coder).map(key).collect::<std::collections::BTreeSet<_>>();
    let (amara, jonas) = (of("Amara"), of("Jonas"));
    let shared = amara.intersection(&jonas).count();
    assert!(shared * 10 >= jonas.len() * 6, "{shared} of {} shared", jonas.len());
    assert!(shared < jonas.len(), "the coders should disagree somewhere");
}

#[test]
fn speakers_can_be_mapped_and_given_roles_on_import_and_merged_after() {
    let dir = Dir::new();
    let p = dir.path("p.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    let t = dir.write("visit.txt", "I: How are things?\n\nR: Better since the plan.\n\nI: And school?\n\nR: He goes most days.\n");
    ok(["import".as_ref(), p.as_os_str(), t.as_os_str(), "--map-speaker".as_ref(), "I=Interviewer".as_ref(), "--map-speaker".as_ref(), "R=Dana".as_ref(), "--speaker-role".as_ref(), "Dana=caregiver".as_ref()]);
    let people = json(["list".as_ref(), p.as_os_str(), "participants".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let pairs: Vec<(String, String)> = people.as_array().unwrap().iter().map(|x| (x["name"].as_str().unwrap().into(), x["role"].as_str().unwrap_or("").into())).collect();
    assert_eq!(pairs, [("Dana".into(), "caregiver".into()), ("Interviewer".into(), "interviewer".into())]);
    // A second transcript labels the same person differently; merge after import.
    let t2 = dir.write("visit2.txt", "Interviewer: Hello again.\n\nMum: Hi.\n\nInterviewer: How was the week?\n\nMum: Long.\n");
    ok(["import".as_ref(), p.as_os_str(), t2.as_os_str()]);
    ok(["participant".as_ref(), p.as_os_str(), "merge".as_ref(), "Mum".as_ref(), "--into".as_ref(), "Dana".as_ref()]);
    let people = json(["list".as_ref(), p.as_os_str(), "participants".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(people.as_array().unwrap().len(), 2);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Bond".as_ref()]);
    ok(["code".as_ref(), p.as_os_str(), "apply".as_ref(), "Bond".as_ref(), "--source".as_ref(), "visit2".as_ref(), "--range".as_ref(), "31..34".as_ref()]);
    let segs = json(["segments".as_ref(), p.as_os_str(), "--all-codes".as_ref(), "--role".as_ref(), "caregiver".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(segs[0]["speakers"], serde_json::json!(["Dana"]));
    ok(["participant".as_ref(), p.as_os_str(), "set".as_ref(), "Dana".as_ref(), "--rename".as_ref(), "Dana H".as_ref()]);
    let segs = json(["segments".as_ref(), p.as_os_str(), "--all-codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(segs[0]["speakers"], serde_json::json!(["Dana H"]));
}
