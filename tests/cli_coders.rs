//! Coders from the command line (issue #13, part 1), on the sample study (Amara and Jonas):
//! added with a colour, renamed, recoloured, retired and brought back, blind coding recorded, and
//! `thicket list PROJECT coders` showing all of it with the JSON fields it always had.
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

fn coder(project: &Path, args: &[&str]) -> std::process::Output {
    on_project("coder", project, args)
}

fn coders(project: &Path) -> Vec<Value> {
    json(["list".as_ref(), project.as_os_str(), "coders".as_ref(), "--format".as_ref(), "json".as_ref()]).as_array().unwrap().clone()
}

fn named<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no coder {name} in {list:?}"))
}

const SESSION: &str = "Harlow – session 1 (joint interview)";

#[test]
fn the_list_keeps_its_fields_and_adds_colour_retired_memos_and_blind_time() {
    let dir = Dir::new();
    let p = sample(&dir);
    let list = coders(&p);
    assert_eq!(list.len(), 2);
    let amara = named(&list, "Amara");
    // The fields it always had, and the new ones.
    assert_eq!((amara["codings"].as_u64(), amara["uuid"].as_str().map(str::len)), (Some(397), Some(36)));
    assert_eq!((amara["color"].as_str(), amara["retired"].as_bool(), amara["memos"].as_u64()), (Some("#3949AB"), Some(false), Some(1)));
    assert_eq!((amara["blind_seconds"].as_i64(), amara["blind_now"].as_bool()), (Some(0), Some(false)));
    let jonas = named(&list, "Jonas");
    assert_eq!((jonas["codings"].as_u64(), jonas["color"].as_str(), jonas["memos"].as_u64()), (Some(262), Some("#D81B60"), Some(0)));
    let table = stdout(&on_project("list", &p, &["coders"]));
    assert_eq!(table.lines().next().unwrap().split_whitespace().collect::<Vec<_>>(), ["name", "codings", "memos", "color", "retired", "blind"]);
    assert!(table.contains("Jonas  262      0      #D81B60"), "{table}");
}

#[test]
fn a_coder_is_added_with_a_colour_renamed_and_recoloured_keeping_their_codings() {
    let dir = Dir::new();
    let p = sample(&dir);
    assert_eq!(stdout(&coder(&p, &["add", "Priya", "--color", "#12ab34"])), "added coder \"Priya\" (#12AB34)\n");
    assert_eq!(stdout(&coder(&p, &["add", "Ben"])), "added coder \"Ben\" (#F4511E)\n", "the next colour of the palette");
    assert_eq!(stdout(&coder(&p, &["rename", "Jonas", "Jonas K."])), "renamed coder \"Jonas\" to \"Jonas K.\"\n");
    assert_eq!(stdout(&coder(&p, &["color", "Jonas K.", "00897b"])), "coder \"Jonas K.\" is now #00897B\n");
    let list = coders(&p);
    assert_eq!(list.iter().map(|c| c["name"].as_str().unwrap()).collect::<Vec<_>>(), ["Amara", "Ben", "Jonas K.", "Priya"]);
    let jonas = named(&list, "Jonas K.");
    assert_eq!((jonas["codings"].as_u64(), jonas["color"].as_str()), (Some(262), Some("#00897B")));
    // Segments name the coder by the new name.
    let segments = json(["segments".as_ref(), p.as_os_str(), "--all-codes".as_ref(), "--coder".as_ref(), "Jonas K.".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(segments.as_array().unwrap().len(), 262);
}

#[test]
fn bad_names_and_colours_are_refused_with_the_reason_and_change_nothing() {
    let dir = Dir::new();
    let p = sample(&dir);
    let before = coders(&p);
    fails_with(&coder(&p, &["rename", "Jonas", "Amara"]), &["cannot rename coder \"Jonas\" to \"Amara\": a coder named \"Amara\" already exists"]);
    fails_with(&coder(&p, &["rename", "Nobody", "X"]), &["no coder named \"Nobody\" (the coders are Amara, Jonas)"]);
    fails_with(&coder(&p, &["rename", "Jonas", " "]), &["coder name cannot be empty"]);
    fails_with(&coder(&p, &["color", "Jonas", "teal"]), &["invalid colour \"teal\" for coder \"Jonas\": expected #RRGGBB"]);
    fails_with(&coder(&p, &["add", "Priya", "--color", "#12345"]), &["invalid colour \"#12345\" for coder \"Priya\": expected #RRGGBB"]);
    fails_with(&coder(&p, &["add", "Amara"]), &["a coder named \"Amara\" already exists"]);
    fails_with(&coder(&p, &["unretire", "Amara"]), &["coder \"Amara\" is not retired"]);
    fails_with(&coder(&p, &["blind", "Amara", "off"]), &["coder \"Amara\" is not coding blind"]);
    assert_eq!(coders(&p), before, "nothing changed, and no Priya half-made");
}

#[test]
fn a_retired_coder_keeps_their_codings_cannot_code_and_can_come_back() {
    let dir = Dir::new();
    let p = sample(&dir);
    assert_eq!(stdout(&coder(&p, &["retire", "Jonas"])), "retired coder \"Jonas\": their codings and memos stay\n");
    let jonas = named(&coders(&p), "Jonas").clone();
    assert_eq!((jonas["retired"].as_bool(), jonas["codings"].as_u64()), (Some(true), Some(262)));
    fails_with(&coder(&p, &["retire", "Jonas"]), &["coder \"Jonas\" is already retired"]);
    let apply = ["apply", "Alliance/Bond", "--source", SESSION, "--range", "0..7", "--coder", "Jonas"];
    fails_with(&on_project("code", &p, &apply), &["coder \"Jonas\" is retired: bring them back first"]);
    fails_with(&coder(&p, &["blind", "Jonas", "on"]), &["coder \"Jonas\" is retired"]);
    assert_eq!(named(&coders(&p), "Jonas")["codings"].as_u64(), Some(262));
    assert_eq!(stdout(&coder(&p, &["unretire", "Jonas"])), "coder \"Jonas\" is back\n");
    assert!(on_project("code", &p, &apply).status.success());
    assert_eq!(named(&coders(&p), "Jonas")["codings"].as_u64(), Some(263));
}

#[test]
fn blind_sessions_are_recorded_open_then_ended() {
    let dir = Dir::new();
    let p = sample(&dir);
    assert!(stdout(&coder(&p, &["blind", "Jonas", "on"])).starts_with("\"Jonas\" is coding blind from now on"));
    let jonas = named(&coders(&p), "Jonas").clone();
    assert_eq!(jonas["blind_now"].as_bool(), Some(true));
    let sessions = jonas["blind_sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1);
    assert!(sessions[0]["ended_at"].is_null());
    assert!(stdout(&on_project("list", &p, &["coders"])).contains("in 1 session, blind now"));
    assert_eq!(stdout(&coder(&p, &["blind", "Jonas", "off"])), "\"Jonas\" has stopped coding blind\n");
    let jonas = named(&coders(&p), "Jonas").clone();
    let sessions = jonas["blind_sessions"].as_array().unwrap();
    assert_eq!((jonas["blind_now"].as_bool(), sessions.len()), (Some(false), 1));
    assert!(sessions[0]["ended_at"].as_str().unwrap() >= sessions[0]["started_at"].as_str().unwrap());
    // Entering again while a session was left open ends the old one at its last activity.
    coder(&p, &["blind", "Amara", "on"]);
    coder(&p, &["blind", "Amara", "on"]);
    let amara = named(&coders(&p), "Amara").clone();
    let sessions = amara["blind_sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["ended_at"], sessions[0]["last_activity_at"]);
    assert!(sessions[1]["ended_at"].is_null());
}
