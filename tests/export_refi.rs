//! `thicket export PROJECT qdpx|qdc`: REFI-QDA files that validate against the standard's
//! schemas (copied to tests/data/refi/, checked with xmllint), whose selections are exactly the
//! project's coded text in either position unit, on a source with emoji, ZWJ sequences,
//! combining marks, CJK and right-to-left text; unique GUIDs, resolved references, colours,
//! memos as notes, and the same bytes every time.
#![allow(clippy::unwrap_used)] // tests fail loudly on purpose

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use common::{Dir, fails_with, ok, on_project, thicket};
use thicket_core::Action;
use thicket_core::project::Project;

/// Fictional; every kind of char that makes code points and UTF-16 units differ, or that naive
/// code splits: emoji (astral), a ZWJ family, a flag sequence, combining accents, CJK, Hebrew
/// and Arabic.
const TRICKY: &str = "Interviewer: How was the week? 😀\n\n\
Maria: It was hard 👩‍👩‍👧 but the school called. 学校说 Eli can go back on Monday.\n\n\
Interviewer: And Jose\u{301} and Noe\u{308}l?\n\n\
Maria: Both came 🏳️‍🌈 to the meeting. שלום said the neighbour, and مرحبا the other one. Maria laughed 😂.\n";

const PLAIN: &str = "Home visit notes. The worker arrived late; Maria was waiting at the door.\n\nThey agreed a plan for the school.\n";

/// A parsed XML element: its name, attributes (unescaped and normalised as an XML parser
/// would), its text, and its children.
#[derive(Debug, Default, Clone)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map(String::as_str).unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&El> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }
}

fn parse(xml: &str) -> El {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<El> = vec![El::default()];
    let element = |e: &quick_xml::events::BytesStart| El {
        name: e.name().as_ref().to_string(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (a.key.as_ref().to_string(), a.normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned())
            })
            .collect(),
        ..El::default()
    };
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position())) {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => match r.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => panic!("unexpected entity {other}"),
                    },
                };
                stack.last_mut().unwrap().text.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "every element is closed");
    stack.pop().unwrap().children.remove(0)
}

/// The entries of a zip archive by name.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.insert(f.name().unwrap().to_string(), bytes);
    }
    out
}

/// `START..END` of the first `needle` in `text`, in chars.
fn range(text: &str, needle: &str) -> String {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    format!("{start}..{}", start + needle.chars().count())
}

/// Runs `thicket COMMAND PROJECT ARGS...` and asserts it succeeded.
fn run(command: &str, project: &Path, args: &[&str]) -> String {
    let o = on_project(command, project, args);
    assert!(o.status.success(), "thicket {command} failed: {}", common::stderr(&o));
    common::stdout(&o)
}

/// A project with two cases, participants with roles, nested coloured codes with descriptions,
/// codings by two coders (two on the same span), attributes of every type, and a memo on each
/// kind of thing, plus a coding memo.
fn project(dir: &Dir) -> PathBuf {
    let p = dir.path("study.thicket");
    ok(["new", p.to_str().unwrap(), "--title", "Alliance & \"trust\" <study>"]);
    let tricky = dir.write("2025-03-04 tricky.txt", TRICKY);
    let plain = dir.write("notes.txt", PLAIN);
    run("import", &p, &[tricky.to_str().unwrap(), "--case", "Okafor family", "--kind", "interview", "--date-from-name"]);
    run("import", &p, &[plain.to_str().unwrap(), "--case", "Brandt family", "--kind", "observation", "--speakers", "none"]);
    let t = "2025-03-04 tricky";
    let n = "notes";
    run("code", &p, &["add", "Alliance", "--color", "#2E7D32", "--description", "The working alliance."]);
    run("code", &p, &["add", "Alliance/Bond", "--color", "#43A047", "--description", "Trust & warmth, \"felt\" <bond>."]);
    run("code", &p, &["add", "Tensions", "--color", "#EF6C00"]);
    run("code", &p, &["add", "Tensions/Rupture", "--color", "#E53935"]);
    for (code, source, text, needle, coder) in [
        ("Alliance/Bond", t, TRICKY, "It was hard 👩‍👩‍👧 but the school called.", "Amara"),
        ("Alliance/Bond", t, TRICKY, "It was hard 👩‍👩‍👧 but the school called.", "Jonas"),
        ("Tensions/Rupture", t, TRICKY, "学校说 Eli can go back", "Amara"),
        ("Alliance", t, TRICKY, "Jose\u{301} and Noe\u{308}l?", "Jonas"),
        ("Tensions", t, TRICKY, "🏳️‍🌈 to the meeting. שלום said the neighbour, and مرحبا the other one. Maria laughed 😂.", "Amara"),
        ("Tensions/Rupture", t, TRICKY, "😂", "Jonas"),
        ("Alliance/Bond", n, PLAIN, "They agreed a plan", "Amara"),
    ] {
        run("code", &p, &["apply", code, "--source", source, "--range", &range(text, needle), "--coder", coder]);
    }
    run("participant", &p, &["set", "Maria", "--role", "caregiver", "--case", "Okafor family"]);
    run("attribute", &p, &["define", "Household size", "--on", "case", "--type", "number"]);
    run("attribute", &p, &["set", "Household size", "4", "--case", "Okafor family"]);
    run("attribute", &p, &["define", "Referral", "--on", "case", "--type", "date"]);
    run("attribute", &p, &["set", "Referral", "2024-11-20", "--case", "Okafor family"]);
    run("attribute", &p, &["define", "Score", "--on", "source", "--type", "number"]);
    run("attribute", &p, &["set", "Score", "2.5", "--source", n]);
    run("attribute", &p, &["define", "Age band", "--on", "participant", "--type", "category", "--category", "18-30", "--category", "31-50"]);
    run("attribute", &p, &["set", "Age band", "31-50", "--participant", "Maria"]);
    run("memo", &p, &["add", "--title", "Study", "--body", "Why this study.\nTwo lines & <marks>."]);
    run("memo", &p, &["add", "--source", t, "--body", "Memo on the whole interview."]);
    run("memo", &p, &["add", "--source", t, "--range", &range(TRICKY, "学校说 Eli can go back"), "--body", "A memo on a coded passage."]);
    run("memo", &p, &["add", "--source", n, "--range", &range(PLAIN, "The worker arrived late"), "--body", "A memo on an uncoded passage."]);
    run("memo", &p, &["add", "--code", "Alliance/Bond", "--body", "Bond memo."]);
    run("memo", &p, &["add", "--case", "Okafor family", "--body", "Case memo."]);
    run("memo", &p, &["add", "--participant", "Maria", "--body", "Participant memo."]);
    let mut project = Project::open(&p).unwrap();
    let coding = project.all_codings().unwrap().into_iter().find(|c| c.quote.exact == "😂").unwrap();
    project.perform(Action::UpdateCoding { id: coding.id, span: coding.span, memo: "Laughing at the \"end\".".into() }).unwrap();
    project.close().unwrap();
    p
}

/// Validates `file` against `schema` (in tests/data/refi/) with xmllint. Without xmllint the
/// check is skipped with a note, except under CI, where it fails.
fn validate(file: &Path, schema: &str) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi").join(schema);
    let out = match std::process::Command::new("xmllint").arg("--noout").arg("--schema").arg(&schema).arg(file).output() {
        Ok(out) => out,
        Err(e) => {
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(!ci, "xmllint is needed under CI (apt-get install libxml2-utils): {e}");
            eprintln!("xmllint not found ({e}): schema validation of {} skipped", file.display());
            return;
        }
    };
    assert!(out.status.success(), "{} does not validate against {}:\n{}", file.display(), schema.display(), String::from_utf8_lossy(&out.stderr));
}

/// Exports `project` as qdpx with these extra arguments; returns the archive's path.
fn export_qdpx(dir: &Dir, project: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.path(name);
    let mut all = vec!["qdpx", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    run("export", project, &all);
    out
}

/// The text of `[start, end)` counted in `unit` ("codepoints" or "utf16").
fn slice(text: &str, start: usize, end: usize, unit: &str) -> String {
    match unit {
        "codepoints" => text.chars().skip(start).take(end - start).collect(),
        _ => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).unwrap_or_else(|_| panic!("{start}..{end} splits a surrogate pair"))
        }
    }
}

/// Checks one export: schema, files, positions, references, colours, memos.
fn check_export(dir: &Dir, project: &Path, qdpx: &Path, unit: &str) -> El {
    let files = unzip(qdpx);
    let qde_bytes = files.get("project.qde").expect("project.qde at the top of the archive");
    assert!(!qde_bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM before <?xml");
    let qde_path = dir.write(&format!("{unit}.qde"), qde_bytes);
    validate(&qde_path, "Project.xsd");
    let root = parse(std::str::from_utf8(qde_bytes).unwrap());
    let expected_origin = if unit == "utf16" { "positions in UTF-16 code units" } else { "positions in Unicode code points" };
    assert!(root.attr("origin").starts_with("Thicket ") && root.attr("origin").ends_with(expected_origin), "{}", root.attr("origin"));
    assert_eq!(root.attr("name"), "Alliance & \"trust\" <study>");

    let p = Project::open(project).unwrap();
    let codings: HashMap<String, thicket_core::model::Coding> = p.all_codings().unwrap().into_iter().map(|c| (c.uuid.clone(), c)).collect();
    let sources = p.sources().unwrap();

    // Every guid is unique; every reference resolves to an element of the right kind.
    let mut guids: HashMap<String, String> = HashMap::new();
    fn collect<'a>(el: &'a El, out: &mut Vec<&'a El>) {
        out.push(el);
        el.children.iter().for_each(|c| collect(c, out));
    }
    let mut every = Vec::new();
    collect(&root, &mut every);
    for el in &every {
        if let Some(g) = el.attrs.get("guid") {
            assert!(guids.insert(g.to_lowercase(), el.name.clone()).is_none(), "GUID {g} is used twice");
            assert_eq!(g, &g.to_lowercase(), "GUIDs are written in the plain lower-case form");
        }
    }
    let kind_of = |g: &str| guids.get(&g.to_lowercase()).map(String::as_str);
    for (reference, kinds) in [
        ("CodeRef", &["Code"][..]),
        ("NoteRef", &["Note"]),
        ("SourceRef", &["TextSource"]),
        ("MemberSource", &["TextSource"]),
        ("VariableRef", &["Variable"]),
    ] {
        for r in root.find_all(reference) {
            let target = r.attr("targetGUID");
            assert!(kinds.contains(&kind_of(target).unwrap_or("nothing")), "{reference} {target} points at {:?}", kind_of(target));
        }
    }
    for l in root.find_all("Link") {
        let origin = if l.attr("name") == "Participant of" { "Case" } else { "Note" };
        assert_eq!(kind_of(l.attr("originGUID")), Some(origin));
        assert_eq!(kind_of(l.attr("targetGUID")), Some("Case"));
    }
    for a in ["creatingUser"] {
        for el in every.iter().filter(|e| e.attrs.contains_key(a)) {
            assert_eq!(kind_of(el.attr(a)), Some("User"), "{} {a}", el.name);
        }
    }

    // Colours on every code, as the project has them.
    let book = p.codebook().unwrap();
    let codes = root.find_all("Code");
    assert_eq!(codes.len(), book.len());
    for c in &codes {
        let code = book.walk().into_iter().map(|(_, c)| c).find(|x| x.uuid == c.attr("guid")).unwrap().clone();
        assert_eq!(c.attr("color"), code.color);
        assert_eq!(c.attr("isCodable"), "true");
    }
    let bond = codes.iter().find(|c| c.attr("name") == "Bond").unwrap();
    assert_eq!(bond.child("Description").unwrap().text, "Trust & warmth, \"felt\" <bond>.");
    assert_eq!(codes.iter().find(|c| c.attr("name") == "Alliance").unwrap().children.iter().filter(|c| c.name == "Code").count(), 1, "Bond is nested in Alliance");

    // Sources: UTF-8 text without BOM or CR under sources/, the project's text exactly.
    let text_sources = root.find_all("TextSource");
    assert_eq!(text_sources.len(), sources.len());
    let mut coded = 0;
    for ts in &text_sources {
        let source = sources.iter().find(|s| s.uuid == ts.attr("guid")).unwrap();
        let path = ts.attr("plainTextPath");
        assert_eq!(path, format!("internal://{}.txt", ts.attr("guid")));
        let bytes = files.get(&format!("sources/{}.txt", ts.attr("guid"))).unwrap_or_else(|| panic!("{path} is not in the archive"));
        assert!(!bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && !bytes.contains(&b'\r'));
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(text, p.source_text(source.id).unwrap());
        for sel in ts.children.iter().filter(|c| c.name == "PlainTextSelection") {
            let (start, end): (usize, usize) = (sel.attr("startPosition").parse().unwrap(), sel.attr("endPosition").parse().unwrap());
            let selected = slice(&text, start, end, unit);
            assert_eq!(sel.attr("name"), selected, "a selection is named by its exact text");
            for c in sel.children.iter().filter(|c| c.name == "Coding") {
                let coding = &codings[c.attr("guid")];
                assert_eq!(selected, coding.quote.exact, "the selection of coding {} is its quote", coding.uuid);
                assert_eq!(c.child("CodeRef").unwrap().attr("targetGUID"), book.get(coding.code_id).unwrap().uuid);
                assert_eq!(c.attr("creationDateTime"), coding.created_at);
                coded += 1;
            }
        }
    }
    assert_eq!(coded, codings.len(), "every coding is written once");

    // Memos: each a note, referred to from what it is about.
    let notes = root.find_all("Note");
    let memos = p.memos().unwrap();
    assert_eq!(notes.len(), memos.len() + 1, "the memos and the one coding memo");
    for m in &memos {
        let note = notes.iter().find(|n| n.attr("guid") == m.uuid).unwrap_or_else(|| panic!("memo {:?} is not a note", m.body));
        assert_eq!(note.child("PlainTextContent").unwrap().text, m.body);
    }
    let referred: HashSet<&str> = root.find_all("NoteRef").iter().map(|r| r.attr("targetGUID")).chain(root.find_all("Link").iter().map(|l| l.attr("originGUID"))).collect();
    let links = root.find_all("Link");
    for m in memos.iter().filter(|m| matches!(m.target, thicket_core::model::MemoTarget::Case { .. } | thicket_core::model::MemoTarget::Participant { .. })) {
        assert!(links.iter().any(|l| l.attr("originGUID") == m.uuid && l.attr("name") == "Memo"), "memo {:?} has no link", m.body);
    }
    for n in &notes {
        assert!(referred.contains(n.attr("guid")), "note {} is tied to nothing", n.attr("name"));
    }
    assert_eq!(root.children.last().unwrap().name, "NoteRef", "the project memo hangs on the project");
    let coding_memo = notes.iter().find(|n| n.child("PlainTextContent").unwrap().text == "Laughing at the \"end\".").unwrap();
    let laugh = root.find_all("Coding").into_iter().find(|c| c.children.iter().any(|r| r.name == "NoteRef")).unwrap();
    assert_eq!(laugh.children[1].attr("targetGUID"), coding_memo.attr("guid"));
    root
}

#[test]
fn a_qdpx_validates_and_every_selection_is_the_coded_text_in_code_points() {
    let dir = Dir::new();
    let p = project(&dir);
    let qdpx = export_qdpx(&dir, &p, "study.qdpx", &[]);
    let root = check_export(&dir, &p, &qdpx, "codepoints");

    // The second coder's coding of the same passage shares its selection.
    let family = root.find_all("PlainTextSelection").into_iter().find(|s| s.attr("name").contains("👩‍👩‍👧")).unwrap();
    assert_eq!(family.children.iter().filter(|c| c.name == "Coding").count(), 2);
    // The memo on an uncoded passage is a selection of its own, without coding.
    let late = root.find_all("PlainTextSelection").into_iter().find(|s| s.attr("name") == "The worker arrived late").unwrap();
    assert!(late.child("Coding").is_none() && late.child("NoteRef").is_some());

    // Users, cases, participants and typed variables.
    let users: Vec<&str> = root.find_all("User").iter().map(|u| u.attr("name")).collect();
    assert_eq!(users, ["Amara", "Jonas", "tester"]);
    let variables: BTreeMap<&str, &str> = root.find_all("Variable").iter().map(|v| (v.attr("name"), v.attr("typeOfVariable"))).collect();
    assert_eq!(variables.get("Household size"), Some(&"Integer"));
    assert_eq!(variables.get("Referral"), Some(&"Date"));
    assert_eq!(variables.get("Score"), Some(&"Float"));
    assert_eq!(variables.get("Age band"), Some(&"Text"));
    assert_eq!(variables.get("Session date"), Some(&"Date"));
    assert_eq!(variables.get("Participant role"), Some(&"Text"));
    let cases = root.find_all("Case");
    let okafor = cases.iter().find(|c| c.attr("name") == "Okafor family").unwrap();
    assert_eq!(okafor.find_all("SourceRef").len(), 1);
    let values: Vec<&str> = okafor.find_all("VariableValue").iter().map(|v| v.children[1].text.as_str()).collect();
    assert_eq!(values, ["4", "2024-11-20"]);
    let maria = cases.iter().find(|c| c.attr("name") == "Maria").unwrap();
    let maria_values: Vec<(&str, &str)> = maria.find_all("VariableValue").iter().map(|v| (v.children[1].name.as_str(), v.children[1].text.as_str())).collect();
    assert_eq!(maria_values, [("TextValue", "Caregiver"), ("TextValue", "31-50")]);
    assert_eq!(maria.child("Description").unwrap().text, "Participant in Okafor family");
    let member: Vec<(&str, &str)> = root.find_all("Link").iter().filter(|l| l.attr("name") == "Participant of").map(|l| (l.attr("originGUID"), l.attr("targetGUID"))).collect();
    assert_eq!(member.iter().filter(|(from, _)| *from == maria.attr("guid")).collect::<Vec<_>>(), [&(maria.attr("guid"), okafor.attr("guid"))]);
    assert!(member.iter().all(|(_, to)| *to == okafor.attr("guid")), "the speakers of the Okafor interview belong to it alone");
    let sets: Vec<&str> = root.find_all("Set").iter().map(|s| s.attr("name")).collect();
    assert_eq!(sets, ["Kind: Interview", "Kind: Observation"]);
}

#[test]
fn utf16_positions_select_the_same_text_and_differ_after_an_emoji() {
    let dir = Dir::new();
    let p = project(&dir);
    let points = check_export(&dir, &p, &export_qdpx(&dir, &p, "points.qdpx", &[]), "codepoints");
    let units = check_export(&dir, &p, &export_qdpx(&dir, &p, "units.qdpx", &["--positions", "utf16"]), "utf16");
    let start = |root: &El, name: &str| -> usize {
        root.find_all("PlainTextSelection").into_iter().find(|s| s.attr("name") == name).unwrap().attr("startPosition").parse().unwrap()
    };
    // One emoji (two UTF-16 units) before the family, then the family: 3 astral chars.
    let family = "It was hard 👩‍👩‍👧 but the school called.";
    assert_eq!(start(&units, family), start(&points, family) + 1);
    assert_eq!(start(&units, "😂"), start(&points, "😂") + 1 + 3 + 2);
}

#[test]
fn the_same_project_gives_the_same_bytes() {
    let dir = Dir::new();
    let p = project(&dir);
    let a = std::fs::read(export_qdpx(&dir, &p, "a.qdpx", &[])).unwrap();
    let b = std::fs::read(export_qdpx(&dir, &p, "b.qdpx", &[])).unwrap();
    assert!(a == b, "two exports of one project differ");
    let qdc = |name: &str| {
        let out = dir.path(name);
        run("export", &p, &["qdc", "--out", out.to_str().unwrap()]);
        std::fs::read(out).unwrap()
    };
    assert!(qdc("a.qdc") == qdc("b.qdc"));
}

#[test]
fn a_qdc_validates_and_holds_the_code_tree() {
    let dir = Dir::new();
    let p = project(&dir);
    let out = dir.path("codes.qdc");
    run("export", &p, &["qdc", "--out", out.to_str().unwrap()]);
    validate(&out, "Codebook.xsd");
    let root = parse(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(root.name, "CodeBook");
    let top: Vec<&str> = root.child("Codes").unwrap().children.iter().map(|c| c.attr("name")).collect();
    assert_eq!(top, ["Alliance", "Tensions"]);
    let rupture = root.find_all("Code").into_iter().find(|c| c.attr("name") == "Rupture").unwrap();
    assert_eq!(rupture.attr("color"), "#E53935");
    assert!(root.find_all("NoteRef").is_empty(), "a codebook has no notes");
    // To stdout too.
    let printed = run("export", &p, &["qdc", "--out", "-"]);
    assert_eq!(printed.trim_end(), std::fs::read_to_string(&out).unwrap().trim_end());
}

#[test]
fn pseudonymised_texts_keep_every_selection_exact() {
    let dir = Dir::new();
    let p = project(&dir);
    run("pseudonym", &p, &["add", "Maria", "Ana-Sofía Quintero 😀"]);
    run("pseudonym", &p, &["add", "Eli", "K"]);
    for unit in ["codepoints", "utf16"] {
        let qdpx = export_qdpx(&dir, &p, &format!("pseudo-{unit}.qdpx"), &["--pseudonymise", "--positions", unit]);
        let files = unzip(&qdpx);
        let qde = std::str::from_utf8(&files["project.qde"]).unwrap();
        let qde_path = dir.write(&format!("pseudo-{unit}.qde"), qde);
        validate(&qde_path, "Project.xsd");
        let root = parse(qde);
        let mut checked = 0;
        for ts in root.find_all("TextSource") {
            let text = String::from_utf8(files[&format!("sources/{}.txt", ts.attr("guid"))].clone()).unwrap();
            assert!(!text.contains("Maria") && !text.contains("Eli "), "the text is pseudonymised: {text}");
            for sel in ts.find_all("PlainTextSelection") {
                let selected = slice(&text, sel.attr("startPosition").parse().unwrap(), sel.attr("endPosition").parse().unwrap(), unit);
                assert_eq!(sel.attr("name"), selected);
                checked += 1;
            }
        }
        assert!(checked >= 7);
        let names: Vec<&str> = root.find_all("PlainTextSelection").iter().map(|s| s.attr("name")).collect();
        assert!(names.contains(&"学校说 K can go back"), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with("Ana-Sofía Quintero 😀 laughed 😂.")), "{names:?}");
        assert!(root.find_all("Case").iter().any(|c| c.attr("name") == "Ana-Sofía Quintero 😀"));
        assert!(!qde.contains("Maria"));
    }
    // The export log says it was pseudonymised.
    let log: serde_json::Value = serde_json::from_str(&run("export-log", &p, &["--format", "json"])).unwrap();
    let qdpx: Vec<&serde_json::Value> = log.as_array().unwrap().iter().filter(|r| r["kind"] == "qdpx").collect();
    assert_eq!(qdpx.len(), 2);
    assert!(qdpx.iter().all(|r| r["pseudonymised"] == true), "{log}");
}

#[test]
fn bad_requests_are_refused_with_a_reason() {
    let dir = Dir::new();
    let p = project(&dir);
    let out = dir.path("x.qdpx");
    fails_with(&on_project("export", &p, &["qdpx", "--out", out.to_str().unwrap(), "--positions", "bytes"]), &["bytes", "codepoints", "utf16"]);
    fails_with(&on_project("export", &p, &["qdpx", "--out", "-"]), &["zip", "--out"]);
    fails_with(&on_project("export", &p, &["qdpx", "--out", out.to_str().unwrap(), "--pseudonymise"]), &["pseudonym map is empty"]);
    assert!(!out.exists());
    let empty = dir.path("empty.thicket");
    ok(["new", empty.to_str().unwrap()]);
    fails_with(&on_project("export", &empty, &["qdc", "--out", dir.path("e.qdc").to_str().unwrap()]), &["codebook is empty"]);
    // An empty project still makes a valid .qdpx.
    let qdpx = export_qdpx(&dir, &empty, "empty.qdpx", &[]);
    let qde = dir.write("empty.qde", &unzip(&qdpx)["project.qde"]);
    validate(&qde, "Project.xsd");
    let _ = thicket(["--version"]);
}
