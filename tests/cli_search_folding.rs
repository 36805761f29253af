//! `thicket search` and `thicket autocode` with folding (docs/search.md), on Spanish and Dutch
//! interview files written for this test: accents, typographic quotes, decomposed letters, the
//! Dutch IJ and the flags that turn each folding off. Hits must point at the stored chars.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use common::*;
use serde_json::Value;

/// A fictional child-protection interview in Spanish. "Zoë" is stored decomposed (e + U+0308).
const SPANISH: &str = "Entrevistadora: ¿Cómo fue la participación de la familia en el plan?\n\n\
Madre: La participacion fue difícil. Dijo ¿vienes? y se fue. La Sra. Rojas vino el lunes.\n\n\
Madre: El “informe” del worker’s team — así lo llaman — llegó tarde. Zoe\u{308} no quiso hablar.\n";

/// A fictional interview in Dutch, with a precomposed "Zoë" and the ligature "ĳ" once.
const DUTCH: &str = "Interviewer: Hoe ging het gesprek in ’s-Hertogenbosch?\n\n\
Moeder: Bij het IJsselmeer, bijv. op zaterdag, was Zoë rustig. Dhr. Jansen zei: ‘het gaat goed’. Daarna niets.\n\n\
Moeder: Het Ĳsselmeer was koud.\n";

fn project(dir: &Dir) -> std::path::PathBuf {
    let p = dir.path("f.thicket");
    ok(["new".as_ref(), p.as_os_str()]);
    let es = dir.write("entrevista.txt", SPANISH);
    let nl = dir.write("gesprek.txt", DUTCH);
    ok(["import".as_ref(), p.as_os_str(), es.as_os_str(), nl.as_os_str(), "--kind".as_ref(), "interview".as_ref()]);
    p
}

fn search(p: &std::path::Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let o = on_project("search", p, &all);
    assert!(o.status.success(), "search failed: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// (source, text) of every hit, checking that the text is the stored text at start..end.
fn hits(v: &Value) -> Vec<(String, String)> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let source = h["source"].as_str().unwrap().to_string();
            let stored = if source == "entrevista" { SPANISH } else { DUTCH };
            let (start, end) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
            let at: String = stored.chars().skip(start).take(end - start).collect();
            assert_eq!(h["text"].as_str().unwrap(), at, "hit text is the stored text at {start}..{end}");
            (source, at)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn accents_are_ignored_by_default_and_kept_with_accents() {
    let dir = Dir::new();
    let p = project(&dir);
    let v = search(&p, &["participacion", "--whole-word"]);
    assert_eq!(hits(&v), pairs(&[("entrevista", "participación"), ("entrevista", "participacion")]));
    assert_eq!(v["folding"]["ignore_accents"], true);
    let v = search(&p, &["participacion", "--whole-word", "--accents"]);
    assert_eq!(hits(&v), pairs(&[("entrevista", "participacion")]));
    assert_eq!(v["folding"]["ignore_accents"], false);
    // Composed and decomposed letters are one even when accents count.
    let v = search(&p, &["Zoë", "--whole-word", "--accents"]);
    assert_eq!(hits(&v), pairs(&[("entrevista", "Zoe\u{308}"), ("gesprek", "Zoë")]));
    let v = search(&p, &["zoe", "--whole-word"]);
    assert_eq!(v["total"], 2);
    let v = search(&p, &["zoe", "--whole-word", "--accents"]);
    assert_eq!(v["total"], 0);
}

#[test]
fn typographic_quotes_and_dashes_match_typed_ones_unless_exact() {
    let dir = Dir::new();
    let p = project(&dir);
    let v = search(&p, &["\"informe\" del worker's team - asi"]);
    assert_eq!(hits(&v), pairs(&[("entrevista", "“informe” del worker’s team — así")]));
    let v = search(&p, &["'s-Hertogenbosch", "--whole-word"]);
    assert_eq!(hits(&v), pairs(&[("gesprek", "’s-Hertogenbosch")]));
    let v = search(&p, &["worker's", "--exact"]);
    assert_eq!(v["total"], 0);
    assert_eq!(v["folding"], serde_json::json!({"ignore_case": false, "ignore_accents": false, "typography": false, "unicode": false, "lang": "any"}));
    // --exact still finds what is typed exactly as stored.
    assert_eq!(search(&p, &["worker’s", "--exact"])["total"], 1);
}

#[test]
fn dutch_ij_is_one_letter_in_any_spelling() {
    let dir = Dir::new();
    let p = project(&dir);
    let v = search(&p, &["ijsselmeer", "--whole-word"]);
    assert_eq!(hits(&v), pairs(&[("gesprek", "IJsselmeer"), ("gesprek", "Ĳsselmeer")]));
    let v = search(&p, &["IJsselmeer", "--whole-word", "--case"]);
    assert_eq!(hits(&v), pairs(&[("gesprek", "IJsselmeer"), ("gesprek", "Ĳsselmeer")]));
    assert_eq!(search(&p, &["ijsselmeer", "--whole-word", "--case"])["total"], 0);
    let v = search(&p, &["ijsselmeer", "--lang", "nl"]);
    assert_eq!(v["folding"]["lang"], "nl");
}

#[test]
fn flags_that_only_plain_text_has_are_refused_with_a_regex() {
    let dir = Dir::new();
    let p = project(&dir);
    fails_with(&on_project("search", &p, &["Zo", "--regex", "--case"]), &["--case applies to plain text"]);
    fails_with(&on_project("search", &p, &["Zo", "--lang", "x1"]), &["unknown --lang \"x1\""]);
    // A regex is matched in NFC: a precomposed ë finds the decomposed one.
    let v = search(&p, &["Zoë", "--regex"]);
    assert_eq!(hits(&v), pairs(&[("entrevista", "Zoe\u{308}"), ("gesprek", "Zoë")]));
    assert_eq!(search(&p, &["Zoë", "--regex", "--exact"])["total"], 1);
}

#[test]
fn autocode_folds_the_same_way_and_splits_spanish_and_dutch_sentences() {
    let dir = Dir::new();
    let p = project(&dir);
    ok(["code".as_ref(), p.as_os_str(), "add".as_ref(), "Participación".as_ref()]);
    let plan = |args: &[&str]| -> Value {
        let mut all = vec!["Participación"];
        all.extend(args);
        all.extend(["--unit", "sentence", "--dry-run", "--format", "json"]);
        let o = on_project("autocode", &p, &all);
        assert!(o.status.success(), "autocode failed: {}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let texts = |v: &Value| v["codings"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let v = plan(&["--plain", "vienes", "--whole-word"]);
    assert_eq!(texts(&v), ["Dijo ¿vienes? y se fue."]);
    let v = plan(&["--plain", "participacion", "--whole-word"]);
    // A colon does not end a sentence, so the speaker's label stays with the question it opens.
    assert_eq!(texts(&v), ["Entrevistadora: ¿Cómo fue la participación de la familia en el plan?", "La participacion fue difícil."]);
    assert_eq!(plan(&["--plain", "participacion", "--whole-word", "--accents"])["hits"], 1);
    let v = plan(&["--plain", "rojas"]);
    assert_eq!(texts(&v), ["La Sra. Rojas vino el lunes."]);
    let v = plan(&["--plain", "ijsselmeer"]);
    assert_eq!(texts(&v), ["Bij het IJsselmeer, bijv. op zaterdag, was Zoë rustig.", "Het Ĳsselmeer was koud."]);
    let v = plan(&["--plain", "jansen"]);
    assert_eq!(texts(&v), ["Dhr. Jansen zei: ‘het gaat goed’."]);
}
