//! The crash-consistency harness (issue #15 §3), shared by the short run in the test suite
//! (`tests/crash_consistency.rs`) and the long one (`scripts/crash-harness.sh`).
//!
//! For each writing command it first runs the command uninterrupted on a copy of a pre-sized
//! project, to learn how long it takes and the state it leaves (the oracle). Then, kill after
//! kill, it starts the same command on a fresh copy, sends SIGKILL after a delay drawn
//! uniformly from [0, that duration], and checks what the disk holds:
//! - the project opens, writable (a `-wal` left behind is folded in), and `thicket check` finds
//!   no problem;
//! - its state equals the state before the command or the state after a clean run (for the
//!   delete-then-undo step, also the state between the two): all of the command or none of it,
//!   and everything committed before is still there;
//! - a copy saved right after the crash (`Project::save_copy`, which the window's "Save a copy"
//!   runs) holds exactly the same state.
//!
//! A state is every table of the file except SQLite's own and the full-text index (which
//! `check` verifies), with random UUIDs and clock times left out: the same command run twice on
//! the same file gives the same state. Delays come from a seeded generator; the seed is printed
//! and named in every failure (the kill's timing also depends on the machine, so a seed
//! reproduces the sequence of commands and delays, not always the exact instant).
#![allow(clippy::unwrap_used)] // a harness fails loudly on purpose
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that makes the test binary act as a child process of the harness
/// (the delete-then-undo step, which only the window offers; see [`child_main`]).
pub const CHILD_ENV: &str = "THICKET_CRASH_CHILD";

/// The name of the ignored test that runs [`child_main`] when the harness starts the test binary.
pub const CHILD_TEST: &str = "crash_child_process";

/// A seeded generator (SplitMix64): the same seed gives the same commands and delays.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The seed from `CRASH_SEED`, else one from the clock.
pub fn seed_from_env() -> u64 {
    std::env::var("CRASH_SEED").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    })
}

fn thicket_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_thicket"))
}

/// Runs `thicket` to the end; panics with its output when it fails.
fn thicket_ok(args: &[OsString]) -> String {
    let out = Command::new(thicket_bin()).args(args).env("THICKET_CODER", "Amara").output().unwrap();
    assert!(out.status.success(), "thicket {:?} failed: {}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn os(parts: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_owned()).collect()
}

// ---------------------------------------------------------------------------------------------
// The corpus

const CAREGIVERS: [&str; 4] = ["Ada", "Ama", "Bea", "Cleo"];
const WORKERS: [&str; 2] = ["Sam", "Tove"];
const WORDS: [&str; 40] = [
    "the", "plan", "visit", "trust", "home", "worker", "child", "school", "said", "we", "agreed", "again", "nobody", "asked", "kitchen",
    "meeting", "court", "felt", "judged", "listened", "together", "late", "phone", "letter", "review", "safe", "angry", "tired", "money",
    "week", "support", "told", "file", "changed", "promise", "room", "door", "quiet", "help", "rules",
];

/// A fictional home-visit transcript of about `words` words with `Name:` turns.
fn transcript(rng: &mut Rng, title: &str, words: usize) -> String {
    let caregiver = CAREGIVERS[rng.below(CAREGIVERS.len())];
    let worker = WORKERS[rng.below(WORKERS.len())];
    let mut text = format!("{title}, recorded at home.\n\n");
    let mut written = 0;
    while written < words {
        let speaker = match rng.below(3) {
            0 => "Interviewer",
            1 => caregiver,
            _ => worker,
        };
        text.push_str(speaker);
        text.push(':');
        for _ in 0..2 + rng.below(3) {
            let n = 6 + rng.below(12);
            for i in 0..n {
                let w = WORDS[rng.below(WORDS.len())];
                text.push(' ');
                if i == 0 {
                    text.push_str(&w[..1].to_uppercase());
                    text.push_str(&w[1..]);
                } else {
                    text.push_str(w);
                }
            }
            text.push('.');
            written += n;
        }
        text.push_str("\n\n");
    }
    text
}

/// Writes `files` transcripts of about `words` words each into `folder`.
fn write_folder(folder: &Path, prefix: &str, files: usize, words: usize, rng: &mut Rng) {
    std::fs::create_dir_all(folder).unwrap();
    for i in 0..files {
        let title = format!("{prefix} visit {}", i + 1);
        std::fs::write(folder.join(format!("{prefix}-{:02}.txt", i + 1)), transcript(rng, &title, words)).unwrap();
    }
}

/// The projects and folders every command starts from, built once per run (their content is
/// fixed: the corpus has its own seed).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    /// The sample study plus 24 transcripts, with 3,672 codings.
    pub base: PathBuf,
    /// `base` with more sources, a code and its codings that `base` does not have (merged from).
    pub other: PathBuf,
    /// A folder of transcripts to import.
    pub incoming: PathBuf,
    /// How big the corpus is, said in reports.
    pub summary: String,
}

/// How big the corpus is: `scale` 1 for the suite; the long run may ask for more.
pub fn build_fixture(scale: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(0x7457_4B54);
    let base = dir.path().join("base.thicket");
    thicket_ok(&os(&[&"sample", &base]));
    let corpus = dir.path().join("corpus");
    write_folder(&corpus, "Harlow", 24 * scale, 1_500, &mut rng);
    thicket_ok(&os(&[&"import", &base, &corpus, &"--case", &"Harlow family"]));
    for (code, pattern) in [("Auto/Trust", r"\btrust\w*"), ("Auto/Plan", r"\bplan\w*"), ("Auto/Judged", r"\bjudged\b"), ("Auto/Rules", r"\brules\b")] {
        thicket_ok(&os(&[&"code", &base, &"add", &code]));
        thicket_ok(&os(&[&"autocode", &base, &code, &"--pattern", &pattern, &"--unit", &"sentence", &"--coder", &"Jonas"]));
    }
    let other = dir.path().join("other.thicket");
    std::fs::copy(&base, &other).unwrap();
    let extra = dir.path().join("extra");
    write_folder(&extra, "Okafor", 8 * scale, 1_500, &mut rng);
    thicket_ok(&os(&[&"import", &other, &extra, &"--case", &"Okafor family"]));
    thicket_ok(&os(&[&"code", &other, &"add", &"Auto/Home"]));
    thicket_ok(&os(&[&"autocode", &other, &"Auto/Home", &"--pattern", &r"\bhome\b", &"--unit", &"sentence", &"--coder", &"Ruth"]));
    let incoming = dir.path().join("incoming");
    write_folder(&incoming, "Mensah", 12 * scale, 2_500, &mut rng);
    let summary = thicket_ok(&os(&[&"check", &base]));
    let summary = summary.lines().find(|l| l.contains("sources,")).unwrap_or_default().replace("counts", "").trim().to_string();
    Fixture { dir, base, other, incoming, summary }
}

// ---------------------------------------------------------------------------------------------
// The commands

/// How a command is started.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Runner {
    /// The `thicket` binary with these arguments (the project is put in place of `{P}`).
    Cli,
    /// The test binary as a child process applying an action and its undo through the library,
    /// as the window does (the command line has no undo).
    DeleteThenUndo,
}

/// One writing command the harness kills.
pub struct Scenario {
    pub name: &'static str,
    pub runner: Runner,
    /// The arguments, given the project and the fixture.
    pub args: fn(&Path, &Fixture) -> Vec<OsString>,
}

/// Every command covered, each one transaction (delete-then-undo is two, in a row).
pub fn scenarios() -> Vec<Scenario> {
    vec![
        Scenario { name: "import of a folder", runner: Runner::Cli, args: |p, f| os(&[&"import", &p, &f.incoming, &"--case", &"Mensah family"]) },
        Scenario {
            name: "autocode, existing coder",
            runner: Runner::Cli,
            args: |p, _| os(&[&"autocode", &p, &"Auto/Judged", &"--pattern", &r"\bvisit\w*|\bschool\b", &"--unit", &"sentence", &"--coder", &"Amara"]),
        },
        Scenario {
            name: "autocode, new coder",
            runner: Runner::Cli,
            args: |p, _| os(&[&"autocode", &p, &"Auto/Rules", &"--pattern", &r"\bsafe\b|\bcourt\b", &"--unit", &"paragraph", &"--coder", &"Newcomer"]),
        },
        Scenario { name: "project merge", runner: Runner::Cli, args: |p, f| os(&[&"merge", &p, &f.other, &"--on-conflict", &"from"]) },
        Scenario { name: "code merge", runner: Runner::Cli, args: |p, _| os(&[&"code", &p, &"merge", &"Auto/Trust", &"--into", &"Auto/Plan"]) },
        Scenario { name: "participant merge", runner: Runner::Cli, args: |p, _| os(&[&"participant", &p, &"merge", &"Ama", &"--into", &"Ada"]) },
        Scenario { name: "code delete", runner: Runner::Cli, args: |p, _| os(&[&"code", &p, &"delete", &"Auto"]) },
        Scenario { name: "memo by a new coder", runner: Runner::Cli, args: |p, _| os(&[&"memo", &p, &"add", &"--body", &"Second visit planned.", &"--coder", &"Visitor"]) },
        Scenario { name: "delete then undo", runner: Runner::DeleteThenUndo, args: |p, _| os(&[&p, &"Auto/Plan"]) },
    ]
}

/// What the child process does (see [`Runner::DeleteThenUndo`]): `THICKET_CRASH_CHILD` is
/// `delete` or `delete-undo`, and `THICKET_CRASH_ARGS` the project and the code to delete,
/// separated by a newline.
pub fn child_main() {
    use thicket_core::action::{Action, EntitySet};
    let Ok(mode) = std::env::var(CHILD_ENV) else { return };
    let args = std::env::var("THICKET_CRASH_ARGS").unwrap();
    let (project, code) = args.split_once('\n').unwrap();
    let mut p = thicket_core::Project::open(Path::new(project)).unwrap();
    let id = p.code_at(code).unwrap();
    p.perform(Action::Remove(EntitySet { codes: vec![id], ..Default::default() })).unwrap();
    if mode == "delete-undo" {
        p.undo().unwrap().unwrap();
    }
    p.close().unwrap();
}

/// Starts the command on `project`; `stage` picks the child's mode (`delete` stops before undo).
fn start(s: &Scenario, project: &Path, fixture: &Fixture, stage: &str) -> std::process::Child {
    let args = (s.args)(project, fixture);
    let mut cmd = match s.runner {
        Runner::Cli => {
            let mut c = Command::new(thicket_bin());
            c.args(&args);
            c
        }
        Runner::DeleteThenUndo => {
            let mut c = Command::new(std::env::current_exe().unwrap());
            c.args(["--ignored", "--exact", CHILD_TEST, "--test-threads", "1", "--quiet"]);
            let joined: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
            c.env(CHILD_ENV, stage).env("THICKET_CRASH_ARGS", joined.join("\n"));
            c
        }
    };
    // A killed merge leaves its copy of FROM in the temp folder: keep those in the run's own.
    let tmp = project.parent().unwrap().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    cmd.env("TMPDIR", &tmp).env("THICKET_CODER", "Amara").stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    cmd.spawn().unwrap()
}

// ---------------------------------------------------------------------------------------------
// The oracle

/// What a project holds, table by table: one hash per row, sorted. UUIDs (random), clock times
/// (columns ending in `_at`), the soundness stamp, SQLite's own tables and the full-text index
/// are left out.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct State(BTreeMap<String, Vec<u64>>);

impl State {
    pub fn of(path: &Path) -> State {
        use rusqlite::types::ValueRef;
        let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut tables = BTreeMap::new();
        let names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sources_fts%' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        for table in names {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .filter(|c: &String| c != "uuid" && c != "at" && !c.ends_with("_at"))
                .collect();
            let list: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
            let filter = if table == "project_info" { " WHERE key <> 'verified_at'" } else { "" };
            let mut stmt = conn.prepare(&format!("SELECT {} FROM \"{table}\"{filter}", list.join(", "))).unwrap();
            let mut rows = stmt.query([]).unwrap();
            let mut hashes = Vec::new();
            while let Some(row) = rows.next().unwrap() {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                for i in 0..columns.len() {
                    match row.get_ref(i).unwrap() {
                        ValueRef::Null => 0u8.hash(&mut h),
                        ValueRef::Integer(v) => (1u8, v).hash(&mut h),
                        ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut h),
                        ValueRef::Text(v) => (3u8, v).hash(&mut h),
                        ValueRef::Blob(v) => (4u8, v).hash(&mut h),
                    }
                }
                hashes.push(h.finish());
            }
            hashes.sort_unstable();
            tables.insert(table, hashes);
        }
        State(tables)
    }

    /// Row counts of the tables where `self` and `other` differ, for a failure message.
    pub fn diff(&self, other: &State) -> String {
        let mut out = Vec::new();
        for (table, rows) in &self.0 {
            let theirs = other.0.get(table).map_or(&[][..], |v| v.as_slice());
            if rows.as_slice() != theirs {
                out.push(format!("{table}: {} rows here, {} there", rows.len(), theirs.len()));
            }
        }
        if out.is_empty() { "no difference".into() } else { out.join("; ") }
    }
}

/// Copies a project (the file alone: the fixture's projects are closed, so single files).
fn copy_project(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

/// A command's oracle: how long a clean run takes and the states it may leave.
struct Oracle {
    duration: Duration,
    /// Before, (between,) after.
    states: Vec<(&'static str, State)>,
}

fn clean_run(s: &Scenario, fixture: &Fixture, before: &State, work: &Path) -> Oracle {
    let project = work.join("clean.thicket");
    let mut states = vec![("none", before.clone())];
    if s.runner == Runner::DeleteThenUndo {
        copy_project(&fixture.base, &project);
        let out = start(s, &project, fixture, "delete").wait_with_output().unwrap();
        assert!(out.status.success(), "{}: clean run failed: {}", s.name, String::from_utf8_lossy(&out.stderr));
        states.push(("deleted", State::of(&project)));
    }
    copy_project(&fixture.base, &project);
    let started = Instant::now();
    let out = start(s, &project, fixture, "delete-undo").wait_with_output().unwrap();
    let duration = started.elapsed();
    assert!(out.status.success(), "{}: clean run failed: {}", s.name, String::from_utf8_lossy(&out.stderr));
    let after = State::of(&project);
    // Each command must change something (delete-then-undo in its first step), or a kill could
    // not tell all from none.
    let changed = if states.len() > 1 { &states[1].1 } else { &after };
    assert_ne!(changed, before, "{}: a clean run must change the project", s.name);
    states.push(("all", after));
    Oracle { duration, states }
}

// ---------------------------------------------------------------------------------------------
// The run

/// Per command: kills, and where they landed.
#[derive(Default, Clone, Debug)]
pub struct Tally {
    pub kills: usize,
    /// The state after the kill was the state before the command (killed before its commit).
    pub none: usize,
    /// Between the two steps of delete-then-undo.
    pub between: usize,
    /// The state after a clean run (killed after its commit, or it had already ended).
    pub all: usize,
    /// Of `all`: the process had ended before the signal.
    pub ended_first: usize,
    pub clean_ms: u128,
}

/// What a run found.
pub struct Report {
    pub seed: u64,
    pub kills: usize,
    pub tallies: Vec<(&'static str, Tally)>,
    pub failures: Vec<String>,
    pub duration: Duration,
    pub corpus: String,
}

impl Report {
    /// A Markdown table of the run, as docs/integrity.md shows it.
    pub fn table(&self) -> String {
        let mut out = String::from("| command | clean run | kills | none (before commit) | all (after commit) | of which ended before the kill | between delete and undo |\n|---|---|---|---|---|---|---|\n");
        for (name, t) in &self.tallies {
            out.push_str(&format!("| {name} | {} ms | {} | {} | {} | {} | {} |\n", t.clean_ms, t.kills, t.none, t.all, t.ended_first, t.between));
        }
        out.push_str(&format!(
            "\n{} kills, {} failures, seed {}, {:.0} s in all; corpus: {}.\n",
            self.kills,
            self.failures.len(),
            self.seed,
            self.duration.as_secs_f64(),
            self.corpus
        ));
        out
    }
}

/// Runs `kills` kills spread over every command in turn, with delays from `seed`.
pub fn run(kills: usize, seed: u64, scale: usize) -> Report {
    let started = Instant::now();
    let fixture = build_fixture(scale);
    let work = fixture.dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let before = State::of(&fixture.base);
    let scenarios = scenarios();
    let oracles: Vec<Oracle> = scenarios.iter().map(|s| clean_run(s, &fixture, &before, &work)).collect();
    let mut tallies: Vec<(&'static str, Tally)> =
        scenarios.iter().zip(&oracles).map(|(s, o)| (s.name, Tally { clean_ms: o.duration.as_millis(), ..Default::default() })).collect();
    let mut rng = Rng::new(seed);
    let mut failures = Vec::new();
    for kill in 0..kills {
        let which = kill % scenarios.len();
        let (s, oracle) = (&scenarios[which], &oracles[which]);
        let delay = oracle.duration.mul_f64(rng.unit());
        let through_copy = rng.below(2) == 0;
        let project = work.join(format!("kill-{kill}.thicket"));
        copy_project(&fixture.base, &project);
        let mut child = start(s, &project, &fixture, "delete-undo");
        std::thread::sleep(delay);
        let ended_first = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let tally = &mut tallies[which].1;
        tally.kills += 1;
        match verify(&project, &work, oracle, through_copy) {
            Ok(landed) => {
                match landed {
                    "none" => tally.none += 1,
                    "deleted" => tally.between += 1,
                    _ => {
                        tally.all += 1;
                        if ended_first {
                            tally.ended_first += 1;
                        }
                    }
                }
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", project.display()));
                }
            }
            Err(e) => {
                let kept = work.join(format!("failed-{kill}.thicket"));
                let _ = std::fs::rename(&project, &kept);
                failures.push(format!("kill {kill} ({}, after {} ms, seed {seed}): {e}", s.name, delay.as_millis()));
            }
        }
    }
    let report = Report { seed, kills, tallies, failures, duration: started.elapsed(), corpus: fixture.summary.clone() };
    if !report.failures.is_empty() {
        // Keep the files of a failed run for a look; say where.
        let kept = fixture.dir.keep();
        eprintln!("crash harness: failed projects kept in {}", kept.display());
    }
    report
}

/// The checks after one kill; returns which state the project was found in.
fn verify(project: &Path, work: &Path, oracle: &Oracle, through_copy: bool) -> Result<&'static str, String> {
    // First opener: either the window's "Save a copy" or the command line's `check`.
    let copy = work.join("saved-copy.thicket");
    let _ = std::fs::remove_file(&copy);
    if through_copy {
        let p = thicket_core::Project::open(project).map_err(|e| format!("does not open: {e}"))?;
        if p.access() != &thicket_core::store::Access::Writable {
            return Err(format!("opens read-only: {:?}", p.access()));
        }
        p.save_copy(&copy).map_err(|e| format!("save a copy failed: {e}"))?;
        p.close().map_err(|e| format!("close failed: {e}"))?;
    }
    let out = Command::new(thicket_bin()).arg("check").arg(project).args(["--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    if !out.status.success() || report["ok"] != serde_json::json!(true) {
        return Err(format!("check failed (exit {:?}): {} {}", out.status.code(), report["problems"], String::from_utf8_lossy(&out.stderr).trim()));
    }
    let state = State::of(project);
    // The last match: undo puts back the state before the delete, which counts as "all".
    let Some((landed, _)) = oracle.states.iter().rev().find(|(_, s)| *s == state) else {
        let (_, before) = &oracle.states[0];
        let (_, after) = oracle.states.last().unwrap();
        return Err(format!("partly applied: against the state before: {}; against the state after: {}", state.diff(before), state.diff(after)));
    };
    if through_copy {
        let copied = State::of(&copy);
        if copied != state {
            return Err(format!("the saved copy differs from the project: {}", copied.diff(&state)));
        }
    }
    Ok(landed)
}
