//! `thicket reconcile`: the disagreement queue between the sample's two coders (Amara and Jonas,
//! who mostly agree) and decisions applied from a CSV file into a master coder.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn sample(dir: &Dir) -> PathBuf {
    let path = dir.path("study.thicket");
    ok(["sample".as_ref(), path.as_os_str()]);
    path
}

fn reconcile(project: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--coders", "Amara,Jonas", "--master", "consensus"];
    all.extend(args);
    on_project("reconcile", project, &all)
}

fn queue(project: &Path, extra: &[&str]) -> Value {
    let mut args = extra.to_vec();
    args.extend(["list", "--format", "json"]);
    let o = reconcile(project, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn items(q: &Value) -> &Vec<Value> {
    q["items"].as_array().unwrap()
}

fn find<'a>(q: &'a Value, kind: &str) -> &'a Value {
    items(q).iter().find(|i| i["kind"] == kind).unwrap_or_else(|| panic!("no {kind} item"))
}

fn spans(item: &Value, coder: usize) -> Vec<(u64, u64)> {
    item["spans"][coder]["spans"].as_array().unwrap().iter().map(|s| (s[0].as_u64().unwrap(), s[1].as_u64().unwrap())).collect()
}

/// (code, start, end) of the consensus coder's codings.
fn consensus(project: &Path) -> Vec<(String, u64, u64)> {
    let all = json(["list".as_ref(), project.as_os_str(), "codings".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let mut out: Vec<(String, u64, u64)> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["coder"] == "consensus")
        .map(|c| (c["code"].as_str().unwrap().to_string(), c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_queue_lists_each_kind_of_disagreement_with_stable_ids_and_no_exact_agreement() {
    let dir = Dir::new();
    let p = sample(&dir);
    let q = queue(&p, &[]);
    let total = q["total"].as_u64().unwrap();
    assert_eq!(total as usize, items(&q).len());
    assert_eq!(q["resolved"], 0);
    assert_eq!(q["coders"], serde_json::json!(["Amara", "Jonas"]));
    // Each kind is there, and no item is one where both coders have the same spans.
    for kind in ["boundaries", "different-code", "unmatched"] {
        find(&q, kind);
    }
    assert!(items(&q).iter().all(|i| spans(i, 0) != spans(i, 1)));
    // The focus group's first codings (Alliance/Bond 724..789) were coded alike by both: not listed.
    assert!(!items(&q).iter().any(|i| i["code"] == "Alliance/Bond" && i["start"] == 724));
    // One boundaries item of the sample: Jonas coded from 1189, Amara from 1241.
    let safe = items(&q).iter().find(|i| i["item"].as_str().unwrap().ends_with("-1189-1322")).unwrap();
    assert_eq!((safe["code"].as_str().unwrap(), spans(safe, 0), spans(safe, 1)), ("Repair/Safe space", vec![(1241, 1322)], vec![(1189, 1322)]));
    // The same ids in the same order on a second run.
    assert_eq!(queue(&p, &[]), q);
    // By code: the same items, grouped by code.
    let o = reconcile(&p, &["list", "--order", "code", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let by_code: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut a: Vec<&str> = items(&q).iter().map(|i| i["item"].as_str().unwrap()).collect();
    let mut b: Vec<&str> = items(&by_code).iter().map(|i| i["item"].as_str().unwrap()).collect();
    let codes: Vec<&str> = items(&by_code).iter().map(|i| i["code"].as_str().unwrap()).collect();
    let mut runs = codes.clone();
    runs.dedup();
    let mut distinct = runs.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(runs.len(), distinct.len(), "each code's items together: {runs:?}");
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // Agreement before is reported; after needs a master.
    let kappa = q["agreement"]["before"]["cohen_kappa"].as_f64().unwrap();
    assert!(kappa > 0.4 && kappa < 1.0, "{kappa}");
    assert_eq!(q["agreement"]["after"], serde_json::json!([]));
}

#[test]
fn codes_narrow_the_queue() {
    let dir = Dir::new();
    let p = sample(&dir);
    let q = queue(&p, &["--codes", "Repair/Honesty"]);
    assert!(!items(&q).is_empty());
    assert!(items(&q).iter().all(|i| i["code"] == "Repair/Honesty"));
    let all = queue(&p, &[]);
    let honesty = items(&all).iter().filter(|i| i["code"] == "Repair/Honesty").count();
    assert_eq!(items(&q).len(), honesty);
}

#[test]
fn decisions_from_a_csv_write_the_master_and_show_as_resolved() {
    let dir = Dir::new();
    let p = sample(&dir);
    let q = queue(&p, &[]);
    let bound = find(&q, "boundaries");
    let (a, b) = (spans(bound, 0), spans(bound, 1));
    let unmatched = find(&q, "unmatched");
    let different = find(&q, "different-code");
    let (us, ue) = (unmatched["start"].as_u64().unwrap(), unmatched["end"].as_u64().unwrap());
    let csv = format!(
        "item,decision,start,end,note\n{},keep-a,,,\"Amara's boundary, as agreed\"\n{},edit,{},{},trimmed\n{},drop,,,\n",
        bound["item"].as_str().unwrap(),
        unmatched["item"].as_str().unwrap(),
        us + 1,
        ue,
        different["item"].as_str().unwrap(),
    );
    let file = dir.write("decisions.csv", csv);
    let o = reconcile(&p, &["apply", "--decisions", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let total = q["total"].as_u64().unwrap();
    assert!(stdout(&o).contains(&format!("applied 3 decisions to \"consensus\": 3 of {total} resolved")), "{}", stdout(&o));

    let after = queue(&p, &[]);
    assert_eq!(after["resolved"], 3);
    assert_eq!(after["total"].as_u64().unwrap(), total, "deciding does not change the queue");
    let got = items(&after).iter().find(|i| i["item"] == bound["item"]).unwrap();
    assert_eq!(got["resolved"], true);
    assert_eq!(got["decision"]["choice"], "keep-a");
    assert_eq!(got["decision"]["note"], "Amara's boundary, as agreed");
    assert_eq!(got["decision"]["decided_by"], "tester");
    let edited = items(&after).iter().find(|i| i["item"] == unmatched["item"]).unwrap();
    assert_eq!(edited["decision"]["span"], serde_json::json!([us + 1, ue]));

    let code = |i: &Value| i["code"].as_str().unwrap().to_string();
    let mut expected: Vec<(String, u64, u64)> = a.iter().map(|(s, e)| (code(bound), *s, *e)).collect();
    expected.push((code(unmatched), us + 1, ue));
    expected.sort();
    assert_eq!(consensus(&p), expected);
    assert_ne!(a, b);
    // After: each coder against the master.
    let after_agreement = after["agreement"]["after"].as_array().unwrap();
    assert_eq!(after_agreement.len(), 2);
    assert_eq!(after_agreement[0]["coder"], "Amara");

    // Deciding again replaces: keep B instead of keep A.
    let again = dir.write("again.csv", format!("item,decision\n{},keep-b\n", bound["item"].as_str().unwrap()));
    let o = reconcile(&p, &["apply", "--decisions", again.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut expected: Vec<(String, u64, u64)> = b.iter().map(|(s, e)| (code(bound), *s, *e)).collect();
    expected.push((code(unmatched), us + 1, ue));
    expected.sort();
    assert_eq!(consensus(&p), expected);
    assert_eq!(queue(&p, &[])["resolved"], 3);
}

#[test]
fn bad_decision_files_name_the_file_and_line_and_change_nothing() {
    let dir = Dir::new();
    let p = sample(&dir);
    let q = queue(&p, &[]);
    let id = items(&q)[0]["item"].as_str().unwrap().to_string();
    let id2 = items(&q)[1]["item"].as_str().unwrap().to_string();
    let before = bytes(&p);
    let cases = [
        ("unknown.csv", format!("item,decision,note\n{id},keep-a,ok\n{id2},keep-c,typo\n"), vec!["unknown.csv\" line 3", "unknown decision \"keep-c\"", "keep-both"]),
        ("missing.csv", "item,decision\ns1-c1-0-5,keep-a\n".to_string(), vec!["missing.csv\" line 2", "no disagreement item s1-c1-0-5"]),
        ("notanid.csv", "item,decision\nfirst one,drop\n".to_string(), vec!["notanid.csv\" line 2", "\"first one\" is not an item id"]),
        ("edit.csv", format!("item,decision,start,end\n{id},edit,,\n"), vec!["edit.csv\" line 2", "an edit needs a start"]),
        ("far.csv", format!("item,decision,start,end\n{id},edit,0,99999999\n"), vec!["far.csv\" line 2", "the edited span 0..99999999 is outside the source"]),
        ("twice.csv", format!("item,decision\n{id},drop\n{id},union\n"), vec!["twice.csv\" line 3", "decided twice (also on line 2)"]),
        ("header.csv", format!("id,choice\n{id},drop\n"), vec!["header.csv\" line 1", "item and decision"]),
        ("empty.csv", "item,decision\n".to_string(), vec!["empty.csv", "no decisions"]),
    ];
    for (name, text, needles) in cases {
        let file = dir.write(name, text);
        let o = reconcile(&p, &["apply", "--decisions", file.to_str().unwrap()]);
        fails_with(&o, &needles);
        assert_eq!(bytes(&p), before, "{name} changed the project");
    }
    let o = reconcile(&p, &["apply", "--decisions", dir.path("absent.csv").to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("absent.csv"), "{}", stderr(&o));
    let o = on_project("reconcile", &p, &["--coders", "Amara,Nobody", "--master", "consensus", "list"]);
    fails_with(&o, &["no coder named \"Nobody\"", "Amara", "Jonas"]);
    let o = on_project("reconcile", &p, &["--coders", "Amara,Jonas", "--master", "consensus", "list", "--order", "size"]);
    fails_with(&o, &["unknown order \"size\""]);
    // The master must not be one of the compared coders.
    let file = dir.write("ok.csv", format!("item,decision\n{id},keep-a\n"));
    let o = on_project("reconcile", &p, &["--coders", "Amara,Jonas", "--master", "Jonas", "apply", "--decisions", file.to_str().unwrap()]);
    fails_with(&o, &["\"Jonas\" is one of the coders compared"]);
    assert_eq!(bytes(&p), before);
}

#[test]
fn agreed_codings_are_copied_once_and_agreement_after_is_then_complete_for_the_kept_side() {
    let dir = Dir::new();
    let p = sample(&dir);
    let o = reconcile(&p, &["--codes", "Repair/Honesty", "agreed"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let copied: usize = stdout(&o).trim().strip_prefix("copied ").unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(copied > 0, "{}", stdout(&o));
    assert_eq!(consensus(&p).len(), copied);
    assert!(consensus(&p).iter().all(|(code, ..)| code == "Repair/Honesty"));
    let o = reconcile(&p, &["--codes", "Repair/Honesty", "agreed"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "\"consensus\" already has every coding the coders agree on\n");
    // Keep B on every Honesty item: the master is then Jonas's coding of Honesty.
    let q = queue(&p, &["--codes", "Repair/Honesty"]);
    let mut csv = String::from("item,decision\n");
    for i in items(&q) {
        csv.push_str(&format!("{},keep-b\n", i["item"].as_str().unwrap()));
    }
    let file = dir.write("all.csv", csv);
    let o = reconcile(&p, &["--codes", "Repair/Honesty", "apply", "--decisions", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = queue(&p, &["--codes", "Repair/Honesty"]);
    assert_eq!(after["resolved"], after["total"]);
    let with = |coder: usize| after["agreement"]["after"][coder]["with_master"].clone();
    assert_eq!(with(1)["percent_agreement"], 1.0);
    assert_eq!(with(1)["cohen_kappa"], Value::Null, "one code, always present: kappa is undefined");
    assert!(with(0)["percent_agreement"].as_f64().unwrap() < 1.0);
}

#[test]
fn the_csv_listing_with_decisions_filled_in_is_a_decisions_file() {
    let dir = Dir::new();
    let p = sample(&dir);
    let q = queue(&p, &[]);
    let (first, second) = (items(&q)[0]["item"].as_str().unwrap().to_string(), items(&q)[1]["item"].as_str().unwrap().to_string());
    let (s, e) = (items(&q)[1]["start"].as_u64().unwrap(), items(&q)[1]["end"].as_u64().unwrap());
    let file = dir.write("d.csv", format!("item,decision,start,end,note\n{first},keep-b,,,\n{second},edit,{},{e},\n", s + 2));
    assert!(reconcile(&p, &["apply", "--decisions", file.to_str().unwrap()]).status.success());
    // The listing now holds two decisions (one an edit) and many empty ones: applied as it is,
    // it decides the same two again and skips the rest.
    let o = reconcile(&p, &["list", "--format", "csv"]);
    let listing = dir.write("listing.csv", stdout(&o));
    assert!(stdout(&o).contains(&format!(",edit {}..{e},", s + 2)), "{}", stdout(&o));
    let before = consensus(&p);
    let o = reconcile(&p, &["apply", "--decisions", listing.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("applied 2 decisions"), "{}", stdout(&o));
    assert_eq!(consensus(&p), before);
    let after = queue(&p, &[]);
    let edited = items(&after).iter().find(|i| i["item"] == second.as_str()).unwrap();
    assert_eq!(edited["decision"]["span"], serde_json::json!([s + 2, e]));
}
