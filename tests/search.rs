//! Search and autocode on real projects: the library on the sample study and on mixed-script
//! texts, and the `search` and `autocode` commands driven through the binary.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::Value;
use thicket_core::model::*;
use thicket_core::project::{AutocodeSpec, CodingUnit, Project, SearchScope};
use thicket_core::text::{SearchPattern, TextIndex, slice_chars};

fn sample(dir: &Dir) -> Project {
    thicket_core::sample::write_sample(&dir.path("s.thicket")).unwrap()
}

/// Every match in every source, by scanning each text without the full-text index: the answer
/// the indexed search must give.
fn brute_force(p: &Project, pattern: &SearchPattern) -> Vec<(String, usize, usize)> {
    let finder = pattern.compile().unwrap();
    let mut out = Vec::new();
    for s in p.sources().unwrap() {
        let text = p.source_text(s.id).unwrap();
        out.extend(finder.find(&text).into_iter().map(|h| (s.name.clone(), h.start, h.end)));
    }
    out
}

fn everything() -> SearchScope {
    SearchScope { sources: Vec::new(), limit: usize::MAX }
}

fn found(p: &Project, pattern: &SearchPattern) -> Vec<(String, usize, usize)> {
    p.search(pattern, &everything()).unwrap().hits.into_iter().map(|h| (h.source, h.start, h.end)).collect()
}

#[test]
fn a_word_is_found_in_every_source_at_exact_char_offsets() {
    let dir = Dir::new();
    let p = sample(&dir);
    let pattern = SearchPattern::plain("trust", true);
    let results = p.search(&pattern, &everything()).unwrap();
    assert_eq!(results.total, 8);
    assert_eq!(results.sources_with_hits, 5);
    assert_eq!(results.sources_in_scope, 18);
    assert!(results.sources_scanned < 18, "the index narrowed the scan to {}", results.sources_scanned);
    for h in &results.hits {
        let text = p.source_text(h.source_id).unwrap();
        assert_eq!(slice_chars(&text, h.start..h.end).unwrap().to_lowercase(), "trust");
        assert_eq!(h.text.to_lowercase(), "trust");
        let index = TextIndex::new(&text);
        assert_eq!(h.paragraph, index.paragraph_of_char(h.start).unwrap());
        assert_eq!(h.line, index.line_of_char(h.start).unwrap());
    }
    // "I don't hate her. I don't trust her yet either." — Dana, the Harlows' caregiver.
    let dana = results.hits.iter().find(|h| h.source == "Harlow – session 1 (joint interview)" && h.after.starts_with(" her yet")).unwrap();
    assert_eq!((dana.speaker.as_deref(), dana.role.as_deref()), (Some("Dana"), Some("caregiver")));
    assert_eq!(dana.before, "… Early days. I don't hate her. I don't ");
    assert_eq!(dana.after, " her yet either. Nothing personal. I don't trust …");
    // A case file has no turns, so no speaker.
    let file = results.hits.iter().find(|h| h.source == "Harlow – case file excerpt").unwrap();
    assert_eq!(file.speaker, None);
    assert_eq!(found(&p, &pattern), brute_force(&p, &pattern));
}

#[test]
fn the_index_never_hides_a_hit_on_the_sample() {
    let dir = Dir::new();
    let p = sample(&dir);
    let patterns = [
        SearchPattern::plain("school", false),
        SearchPattern::plain("school", true),
        SearchPattern::plain("on the", false),
        SearchPattern::plain("ing the", false),
        SearchPattern::plain("Eli's", true),
        SearchPattern::plain("don't know", false),
        SearchPattern::plain("getting-him-out", false),
        SearchPattern::plain("(laughs)", false),
        SearchPattern::plain("00:27", false),
        SearchPattern::plain("ork", false),
        SearchPattern::regex(r"(?i)\bsocial work\w*"),
    ];
    for pattern in patterns {
        let expected = brute_force(&p, &pattern);
        assert!(!expected.is_empty(), "{pattern} should occur in the sample");
        assert_eq!(found(&p, &pattern), expected, "{pattern}");
    }
}

/// Texts in several scripts, with the case, diacritic, apostrophe and word-joining traps that a
/// word index and a case-insensitive scan could disagree on.
const MIXED: [(&str, &str); 5] = [
    ("german", "Zoë sagte: „Nein, das Café ist zu.“ ZOË lachte. Straße, STRASSE, naïve NAÏVE.\n\nDas Jugendamt kam um 9.30 Uhr."),
    ("japanese", "私は学生です。学生の山田さんは、明日来ます。\n\nカタカナとひらがな。"),
    ("apostrophes", "Ada’s worker—Sam—said he'd come. Don't. DON’T. l'école, L’ÉCOLE, co-operate, co‑operate.\n\nfoo_bar foo bar"),
    ("turkish", "İstanbul, ISTANBUL, ıstakoz; ǅemal, Ǆemal; 5 \u{212A}; ſeen"),
    ("cyrillic", "Соцработник пришла. СОЦРАБОТНИК ушла. Ёлка, ёлка."),
];

fn mixed_project(dir: &Dir) -> Project {
    let mut p = Project::create(&dir.path("mixed.thicket"), "Mixed").unwrap();
    for (name, text) in MIXED {
        p.perform(thicket_core::project::import_text(name, SourceKind::FieldNote, text)).unwrap();
    }
    p
}

#[test]
fn mixed_scripts_are_found_case_insensitively_at_char_offsets() {
    let dir = Dir::new();
    let p = mixed_project(&dir);
    let hits = |pattern: SearchPattern| found(&p, &pattern);
    assert_eq!(hits(SearchPattern::plain("zoë", true)), [("german".into(), 0, 3), ("german".into(), 36, 39)]);
    assert_eq!(hits(SearchPattern::plain("學生", false)), []);
    assert_eq!(hits(SearchPattern::plain("学生", false)), [("japanese".into(), 2, 4), ("japanese".into(), 7, 9)]);
    assert_eq!(hits(SearchPattern::plain("ёлка", true)), [("cyrillic".into(), 38, 42), ("cyrillic".into(), 44, 48)]);
    assert_eq!(hits(SearchPattern::plain("соцработник", true)).len(), 2);
    // A typed apostrophe finds the typographic one too (docs/search.md).
    assert_eq!(hits(SearchPattern::plain("don't", true)), [("apostrophes".into(), 33, 38), ("apostrophes".into(), 40, 45)]);
    // Letters whose case folds to ASCII or across forms, in a text with no other spelling of
    // the word: the index must not hide them.
    for word in ["k", "seen", "ǆemal", "istanbul"] {
        let pattern = SearchPattern::plain(word, true);
        let expected = brute_force(&p, &pattern);
        assert!(!expected.is_empty(), "{word}");
        assert_eq!(hits(pattern), expected, "{word}");
    }
}

/// Fictional Spanish and Dutch interview lines with the spellings that the full-text index does
/// not fold as search does: ligatures, the Dutch "ĳ", "ß", a modifier-letter apostrophe inside a
/// word, a decomposed accent, a soft hyphen.
const FOLDING: [(&str, &str); 3] = [
    ("es", "Madre: La participación de la familia fue difícil. La partici\u{AD}pación del padre, no. Zoe\u{308} llegó."),
    ("nl", "Moeder: Het Ĳsselmeer en de tĳd op het kantoor (oﬃce) waren zwaar. Het gezinʼs plan kwam laat."),
    ("de", "Die Straße war lang; die STRASSE war leer."),
];

#[test]
fn the_index_never_hides_a_folded_hit() {
    let dir = Dir::new();
    let mut p = Project::create(&dir.path("folding.thicket"), "Folding").unwrap();
    for (name, text) in FOLDING {
        p.perform(thicket_core::project::import_text(name, SourceKind::Interview, text)).unwrap();
    }
    let expect = |word: &str, whole: bool, n: usize| {
        let pattern = SearchPattern::plain(word, whole);
        let expected = brute_force(&p, &pattern);
        assert_eq!(expected.len(), n, "{pattern}: {expected:?}");
        assert_eq!(found(&p, &pattern), expected, "{pattern}");
    };
    // The soft hyphen stays (the index splits words at it): only the unbroken word is found.
    expect("participacion", true, 1);
    expect("ijsselmeer", true, 1);
    expect("tijd", true, 1);
    expect("office", true, 1);
    expect("de office", false, 0);
    expect("strasse", true, 2);
    expect("gezin", true, 1);
    expect("gezin's plan", false, 1);
    expect("Zoë", true, 1);
    // Every word of every text, as typed plainly, is found where a scan finds it.
    for (_, text) in FOLDING {
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            for whole in [false, true] {
                let pattern = SearchPattern::plain(word, whole);
                assert_eq!(found(&p, &pattern), brute_force(&p, &pattern), "{pattern}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any piece of any text, searched as a phrase, is found exactly where a scan of every text
    /// finds it: narrowing by the index loses nothing.
    #[test]
    fn searching_through_the_index_equals_scanning_every_text(source in 0..MIXED.len(), from in 0.0..1.0f64, len in 1..12usize, whole in any::<bool>()) {
        let dir = Dir::new();
        let p = mixed_project(&dir);
        let text = MIXED[source].1;
        let chars: Vec<char> = text.chars().collect();
        let start = ((chars.len() as f64) * from) as usize;
        let piece: String = chars[start..(start + len).min(chars.len())].iter().collect();
        prop_assume!(!piece.trim().is_empty());
        let pattern = SearchPattern::plain(piece.clone(), whole);
        prop_assert_eq!(found(&p, &pattern), brute_force(&p, &pattern), "pattern {:?} whole words {}", piece, whole);
    }
}

#[test]
fn only_the_first_hits_are_described_but_all_are_counted() {
    let dir = Dir::new();
    let p = sample(&dir);
    let all = p.search(&SearchPattern::plain("school", false), &everything()).unwrap();
    let few = p.search(&SearchPattern::plain("school", false), &SearchScope { sources: Vec::new(), limit: 3 }).unwrap();
    assert_eq!(few.total, all.total);
    assert_eq!(few.hits, all.hits[..3]);
    assert_eq!(few.summary(), format!("{} hits in {} sources (showing the first 3)", all.total, all.sources_with_hits));
    let one = p.source_named("Harlow – session 1 (joint interview)").unwrap();
    let within = p.search(&SearchPattern::plain("school", false), &SearchScope { sources: vec![one.id], limit: 100 }).unwrap();
    assert!(within.hits.iter().all(|h| h.source_id == one.id));
    assert_eq!(within.total, all.hits.iter().filter(|h| h.source_id == one.id).count());
}

#[test]
fn an_invalid_regex_is_refused_naming_the_pattern() {
    let dir = Dir::new();
    let p = sample(&dir);
    let e = p.search(&SearchPattern::regex("on (trial"), &everything()).unwrap_err();
    assert_eq!(e.to_string(), "invalid regular expression \"on (trial\": unclosed group");
    assert_eq!(e.exit_code(), 1);
}

fn spec(p: &Project, pattern: SearchPattern, code: &str, unit: CodingUnit, role: Option<&str>) -> AutocodeSpec {
    let coder = p.coders().unwrap().into_iter().find(|c| c.name == "Amara").map(|c| c.id);
    AutocodeSpec { pattern, code: p.code_at(code).unwrap(), unit, role: role.map(String::from), sources: Vec::new(), coder }
}

#[test]
fn autocoding_caregivers_sentences_is_one_undo_step() {
    let dir = Dir::new();
    let mut p = sample(&dir);
    let before = p.coding_count().unwrap();
    let spec = spec(&p, SearchPattern::plain("school", true), "Alliance/Goals", CodingUnit::Sentence, Some("caregiver"));
    let plan = p.plan_autocode(&spec).unwrap();
    assert_eq!(plan.hits, brute_force(&p, &spec.pattern).len());
    assert!(plan.outside > 0 && plan.added() > 0, "{plan:?}");
    assert_eq!(plan.units, plan.added() + plan.existing);
    let amara = spec.coder.unwrap();
    p.perform(plan.action(amara).unwrap()).unwrap();
    assert_eq!(p.coding_count().unwrap(), before + plan.added());
    assert_eq!(p.undo_label(), Some("Autocode “school” (whole words) as “Alliance/Goals”"));

    // Each new coding is a caregiver's sentence holding "school", starting and ending on its text.
    let segments = p.segments(&thicket_core::project::SegmentFilter { codes: vec!["Alliance/Goals".into()], coders: vec!["Amara".into()], ..Default::default() }).unwrap();
    for c in &plan.codings {
        let s = segments.iter().find(|s| s.source_id == c.source_id && s.start == c.start && s.end == c.end).unwrap();
        assert!(s.text.to_lowercase().contains("school"), "{:?}", s.text);
        assert_eq!(s.roles, ["caregiver"], "{:?}", s.text);
        assert_eq!(s.text.trim(), s.text);
        assert!(!s.text.contains("\n\n"), "a sentence stays in its paragraph: {:?}", s.text);
    }

    assert!(p.undo().unwrap().is_some());
    assert_eq!(p.coding_count().unwrap(), before);
}

#[test]
fn autocoding_again_skips_what_the_coder_already_coded() {
    let dir = Dir::new();
    let mut p = sample(&dir);
    let spec = spec(&p, SearchPattern::regex(r"(?i)\bsupervis\w+"), "Alliance/Tasks", CodingUnit::Paragraph, None);
    let first = p.plan_autocode(&spec).unwrap();
    p.perform(first.action(spec.coder.unwrap()).unwrap()).unwrap();
    let again = p.plan_autocode(&spec).unwrap();
    assert_eq!((again.added(), again.existing, again.units), (0, first.units, first.units));
    assert!(again.action(spec.coder.unwrap()).is_none());
    // Another coder's codings do not count as done.
    let other = AutocodeSpec { coder: None, ..spec };
    assert_eq!(p.plan_autocode(&other).unwrap().added(), first.units);
}

#[test]
fn turn_unit_codes_whole_turns_and_leaves_out_text_outside_turns() {
    let dir = Dir::new();
    let p = sample(&dir);
    let spec = spec(&p, SearchPattern::plain("school", true), "Alliance/Goals", CodingUnit::Turn, None);
    let plan = p.plan_autocode(&spec).unwrap();
    // Case files and observations have no turns: their hits are left out, and counted.
    let untimed: usize = found(&p, &spec.pattern).iter().filter(|(s, ..)| s.contains("case file") || s.contains("observation")).count();
    assert!(untimed > 0);
    assert!(plan.outside >= untimed);
    for c in &plan.codings {
        let turns = p.turns(c.source_id).unwrap();
        assert!(turns.iter().any(|t| t.span.start == c.start && t.span.end == c.end), "{c:?} is a whole turn");
    }
}

/// A project with the transcript, roles for Ada and Sam, and one code.
fn transcript_project(dir: &Dir) -> std::path::PathBuf {
    let project = dir.path("study.thicket");
    let p = project.as_os_str();
    ok(["new".as_ref(), p]);
    let file = dir.write("okafor-visit.txt", TRANSCRIPT);
    ok(["import".as_ref(), p, file.as_os_str()]);
    ok(["participant".as_ref(), p, "set".as_ref(), "Ada".as_ref(), "--role".as_ref(), "caregiver".as_ref()]);
    ok(["participant".as_ref(), p, "set".as_ref(), "Sam".as_ref(), "--role".as_ref(), "social_worker".as_ref()]);
    ok(["code".as_ref(), p, "add".as_ref(), "Alliance/Goals".as_ref()]);
    project
}

fn segment_texts(project: &std::path::Path) -> Vec<String> {
    let segs = json(["segments".as_ref(), project.as_os_str(), "--all-codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    segs.as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap().to_string()).collect()
}

#[test]
fn cli_autocode_codes_a_caregivers_sentence_for_the_coder() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    let out = ok(["autocode".as_ref(), p, "Alliance/Goals".as_ref(), "--plain".as_ref(), "agreed".as_ref(), "--unit".as_ref(), "sentence".as_ref(), "--role".as_ref(), "caregiver".as_ref()]);
    assert_eq!(out, "added 1 coding of \"Alliance/Goals\" (sentence unit) in 1 source for tester: 2 hits, 0 already coded, 1 outside turns of a caregiver\n");
    assert_eq!(segment_texts(&project), ["We agreed it in March."]);
    let segs = json(["segments".as_ref(), p, "--all-codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let start = TRANSCRIPT.find("We agreed").unwrap();
    assert_eq!((segs[0]["start"].as_u64(), segs[0]["end"].as_u64()), (Some(start as u64), Some((start + 22) as u64)));
    assert_eq!(segs[0]["coder"], "tester");

    // Again: nothing new, and the JSON says why.
    let again = json(["autocode".as_ref(), p, "Alliance/Goals".as_ref(), "--plain".as_ref(), "agreed".as_ref(), "--unit".as_ref(), "sentence".as_ref(), "--role".as_ref(), "caregiver".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["existing"], 1);
    assert_eq!(again["outside"], 1);
    assert_eq!(again["hits"], 2);
    assert_eq!(again["codings"], Value::Array(vec![]));
}

#[test]
fn cli_autocode_by_regex_codes_whole_turns() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    ok(["autocode".as_ref(), p, "Alliance/Goals".as_ref(), "--pattern".as_ref(), r"\b(agreed|plan)\b".as_ref(), "--unit".as_ref(), "turn".as_ref(), "--coder".as_ref(), "Jo".as_ref()]);
    assert_eq!(segment_texts(&project), ["I had to check the food, Ada. That is part of the plan we agreed.", "We agreed it in March. Nobody asked me since."]);
    let coders = json(["list".as_ref(), p, "coders".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(coders[0]["name"], "Jo");
    assert_eq!(coders[0]["codings"], 2);
}

#[test]
fn cli_autocode_dry_run_lists_what_it_would_code_and_changes_nothing() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    let before = bytes(&project);
    let out = ok(["autocode".as_ref(), p, "Alliance/Goals".as_ref(), "--plain".as_ref(), "on trial".as_ref(), "--unit".as_ref(), "paragraph".as_ref(), "--dry-run".as_ref()]);
    let start = TRANSCRIPT.find("Honestly?").unwrap();
    let end = TRANSCRIPT.find("cupboard.").unwrap() + "cupboard.".len();
    assert_eq!(
        out,
        format!("would add 1 coding of \"Alliance/Goals\" (paragraph unit) in 1 source for tester: 1 hit, 0 already coded\nsource        start  end  text\nokafor-visit  {start}     {end}  Honestly? I felt like I was on trial again. She looked in every cupboard.\n")
    );
    assert!(segment_texts(&project).is_empty());
    assert_eq!(bytes(&project), before, "a dry run writes nothing, not even the coder");
}

#[test]
fn cli_autocode_refuses_bad_arguments_and_changes_nothing() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    let before = bytes(&project);
    let run = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["autocode".as_ref(), p];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        thicket(args)
    };
    fails_with(&run(&["Alliance/Goals", "--pattern", "(agreed"]), &["invalid regular expression \"(agreed\": unclosed group"]);
    fails_with(&run(&["Alliance/Goal", "--plain", "agreed"]), &["no code \"Alliance/Goal\" in the codebook"]);
    fails_with(&run(&["Alliance/Goals", "--plain", "agreed", "--role", "mother"]), &["unknown role \"mother\": expected one of caregiver"]);
    fails_with(&run(&["Alliance/Goals", "--plain", "agreed", "--unit", "page"]), &["unknown --unit \"page\": expected match, sentence, paragraph or turn"]);
    fails_with(&run(&["Alliance/Goals", "--plain", "agreed", "--source", "nope"]), &["no source named \"nope\""]);
    fails_with(&run(&["Alliance/Goals", "--pattern", "agreed", "--whole-word"]), &["--whole-word applies to plain text, not to a regular expression"]);
    fails_with(&run(&["Alliance/Goals", "--plain", "   "]), &["nothing to search for: the pattern is empty"]);
    fails_with(&run(&["Alliance/Goals"]), &["--pattern"]);
    fails_with(&run(&["Alliance/Goals", "--plain", "a", "--pattern", "b"]), &["cannot be used with"]);
    assert_eq!(bytes(&project), before);
}

#[test]
fn cli_search_prints_hits_with_context_as_table_json_and_csv() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    let start = TRANSCRIPT.find("agreed.").unwrap();
    let table = ok(["search".as_ref(), p, "AGREED".as_ref()]);
    assert_eq!(
        table,
        format!(
            "source        paragraph  start  end  speaker  context\n\
             okafor-visit  4          {start}    {}  Sam      … Ada. That is part of the plan we [agreed].\n\
             okafor-visit  5          {}    {}  Ada      Ada: We [agreed] it in March. Nobody asked me since.\n\
             2 hits in 1 source\n",
            start + 6,
            TRANSCRIPT.find("agreed it").unwrap(),
            TRANSCRIPT.find("agreed it").unwrap() + 6
        )
    );
    let j = json(["search".as_ref(), p, "agreed".as_ref(), "--format".as_ref(), "json".as_ref(), "--limit".as_ref(), "1".as_ref()]);
    assert_eq!(j["total"], 2);
    assert_eq!(j["sources_with_hits"], 1);
    assert_eq!(j["hits"].as_array().unwrap().len(), 1);
    let h = &j["hits"][0];
    assert_eq!(h["text"], "agreed");
    assert_eq!(h["before"], "… Ada. That is part of the plan we ");
    assert_eq!(h["after"], ".");
    assert_eq!(h["speaker"], "Sam");
    assert_eq!(h["role"], "social_worker");
    assert_eq!(h["paragraph"], 4);
    assert_eq!(h["line"], 8);
    assert_eq!(h["start"], start);
    let csv = ok(["search".as_ref(), p, r"^\w+:".as_ref(), "--regex".as_ref(), "--format".as_ref(), "csv".as_ref()]);
    assert_eq!(csv.lines().count(), 7, "a header and six speaker labels:\n{csv}");
    assert!(csv.starts_with("source,paragraph,start,end,speaker,context\r\nokafor-visit,2,53,65,,[Interviewer:] How did the visit go?\r\n"), "{csv}");
}

#[test]
fn cli_search_errors_name_the_problem() {
    let dir = Dir::new();
    let project = transcript_project(&dir);
    let p = project.as_os_str();
    fails_with(&thicket(["search".as_ref(), p, "(".as_ref(), "--regex".as_ref()]), &["invalid regular expression \"(\""]);
    fails_with(&thicket(["search".as_ref(), p, "x".as_ref(), "--regex".as_ref(), "--whole-word".as_ref()]), &["--whole-word applies to plain text, not to a regular expression"]);
    fails_with(&thicket(["search".as_ref(), p, "x".as_ref(), "--source".as_ref(), "nope".as_ref()]), &["no source named \"nope\""]);
    fails_with(&thicket(["search", "missing.thicket", "x"]), &["cannot open \"missing.thicket\": no such file"]);
    let none = ok(["search".as_ref(), p, "cupboards".as_ref()]);
    assert_eq!(none, "source  paragraph  start  end  speaker  context\n0 hits in 0 sources\n");
}

#[test]
fn cli_on_the_sample_autocode_codes_what_search_finds_and_list_codes_counts_it() {
    let dir = Dir::new();
    let project = dir.path("s.thicket");
    let p = project.as_os_str();
    ok(["sample".as_ref(), p]);
    let found = json(["search".as_ref(), p, "school".as_ref(), "--whole-word".as_ref(), "--limit".as_ref(), "0".as_ref(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(found["hits"], Value::Array(vec![]), "--limit 0 lists nothing");
    let total = found["total"].as_u64().unwrap();
    assert!(total > 50, "{found}");
    let count = |path: &str| {
        let codes = json(["list".as_ref(), p, "codes".as_ref(), "--format".as_ref(), "json".as_ref()]);
        codes.as_array().unwrap().iter().find(|c| c["path"] == path).unwrap()["codings"].as_u64().unwrap()
    };
    let before = count("Alliance/Goals");
    let args = ["autocode", "Alliance/Goals", "--plain", "school", "--whole-word", "--unit", "paragraph", "--role", "social_worker", "--format", "json"];
    let mut dry: Vec<&std::ffi::OsStr> = vec![args[0].as_ref(), p];
    dry.extend(args[1..].iter().map(std::ffi::OsStr::new));
    dry.push("--dry-run".as_ref());
    let plan = json(dry);
    assert_eq!(plan["hits"].as_u64(), Some(total));
    assert_eq!(plan["dry_run"], true);
    let added = plan["added"].as_u64().unwrap();
    assert!(added > 0 && plan["outside"].as_u64().unwrap() > 0, "{plan}");
    assert_eq!(count("Alliance/Goals"), before, "a dry run codes nothing");

    let mut real: Vec<&std::ffi::OsStr> = vec![args[0].as_ref(), p];
    real.extend(args[1..].iter().map(std::ffi::OsStr::new));
    let done = json(real);
    assert_eq!(done["codings"], plan["codings"], "the run codes exactly what the dry run listed");
    assert_eq!(count("Alliance/Goals"), before + added);
    // Every new coding is attributed to a social worker.
    let segs = json(["segments".as_ref(), p, "--code".as_ref(), "Alliance/Goals".as_ref(), "--coder".as_ref(), "tester".as_ref(), "--format".as_ref(), "json".as_ref()]);
    let segs = segs.as_array().unwrap();
    assert_eq!(segs.len() as u64, added);
    assert!(segs.iter().all(|s| s["roles"] == serde_json::json!(["social_worker"])), "{segs:?}");
}
